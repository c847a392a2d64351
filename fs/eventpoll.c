// SPDX-License-Identifier: GPL-2.0
/*
 * epoll (include/linux/eventpoll.h), Linux's semantics.
 *
 *   struct eventpoll (the epoll file's private_data)
 *     rbr:     epitems by (file, fd)           ep->mtx
 *     rdllist: epitems that may be ready       ep->lock
 *     wq:      epoll_wait() sleepers;  poll_wait: pollers of the epoll file
 *
 *   struct epitem: one watched (file, fd) with its epoll_event, on the
 *     file's f_ep list (fllink), and one eppoll_entry per wait queue the
 *     file's ->poll hung it on (pwqlist): the entry's callback,
 *     ep_poll_callback(), puts the epitem on rdllist and wakes wq.
 *
 * Readiness: a callback only says "maybe": ep_send_events() takes the
 * ready list, asks each file's ->poll again (vfs_poll() with no table)
 * and reports what is ready among the events asked for. A level-triggered
 * item that was reported goes back on the list (it is polled again next
 * time); an edge-triggered one waits for its next wake-up; EPOLLONESHOT
 * clears the item's events (only EPOLL_CTL_MOD brings them back).
 * EPOLLERR and EPOLLHUP are always watched, as Linux.
 *
 * An epitem holds no reference on its file: the file's last fput() calls
 * eventpoll_release_file(), which removes the file from every epoll that
 * watches it (so closing one of two dup'ed fds keeps the watch, as Linux).
 *
 * Locking, outermost first:
 *   epmutex    every epoll_ctl(), an epoll file's release and a watched
 *              file's release; guards every file's f_ep list and the
 *              loop check of nested epolls
 *   ep->mtx    the tree, the items' events and pwqlists, ep_send_events();
 *              nested epolls take it in depth order (mutex_lock_nested)
 *   ep->lock   rdllist, and the items' events as the callbacks read them
 *              (a spinlock, interrupts off: callbacks run under the
 *              watched wait queue's lock)
 * A wait queue's lock is taken outside ep->lock (the callback).
 */
#include <linux/eventpoll.h>
#include <linux/anon_inodes.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/poll.h>
#include <linux/rbtree.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/jiffies.h>
#include <linux/time.h>
#include <linux/mmdebug.h>
#include <asm/uaccess.h>

/* Nested epolls: at most this many levels (Linux's EP_MAX_NESTS). */
#define EP_MAX_NESTS	4
#define EP_MAX_EVENTS	(INT_MAX / sizeof(struct epoll_event))
/* The flags of an epitem that are not events. */
#define EP_PRIVATE_BITS	(EPOLLWAKEUP | EPOLLONESHOT | EPOLLET | EPOLLEXCLUSIVE)
/* What EPOLLEXCLUSIVE may come with. */
#define EPOLLEXCLUSIVE_OK_BITS	(EPOLLIN | EPOLLOUT | EPOLLERR | EPOLLHUP | EPOLLWAKEUP | \
				 EPOLLET | EPOLLEXCLUSIVE)

struct eventpoll {
	struct mutex mtx;
	spinlock_t lock;
	struct rb_root rbr;		/* epitems by (file, fd); mtx */
	struct list_head rdllist;	/* epitem.rdllink; lock */
	wait_queue_head_t wq;		/* epoll_wait() sleepers */
	wait_queue_head_t poll_wait;	/* pollers of the epoll file itself */
};

struct epitem {
	struct rb_node rbn;		/* in ep->rbr; ep->mtx */
	struct list_head rdllink;	/* on ep->rdllist or a private list, or empty; ep->lock */
	struct file *file;		/* watched, without a reference */
	int fd;
	struct eventpoll *ep;
	struct list_head pwqlist;	/* eppoll_entry.llink; ep->mtx */
	int nwait;			/* entries hung; -1 if one failed to allocate */
	struct list_head fllink;	/* on file->f_ep; epmutex */
	struct epoll_event event;	/* events ep->mtx and ep->lock to change */
};

/* One wait queue an epitem hangs on. */
struct eppoll_entry {
	struct list_head llink;		/* on epi->pwqlist */
	struct epitem *base;
	wait_queue_entry_t wait;	/* func = ep_poll_callback */
	wait_queue_head_t *whead;
};

/* The poll table of ep_insert(): hangs @epi's entries. */
struct ep_pqueue {
	poll_table pt;
	struct epitem *epi;
};

static DEFINE_MUTEX(epmutex);
static struct kmem_cache *epi_cache;
static struct kmem_cache *pwq_cache;
static const struct file_operations eventpoll_fops;

static bool is_file_epoll(struct file *f)
{
	return f->f_op == &eventpoll_fops;
}

static bool ep_is_linked(struct epitem *epi)
{
	return !list_empty(&epi->rdllink);
}

/* ---- the tree of items ------------------------------------------------------ */

static int ep_cmp(struct file *f1, int fd1, struct epitem *epi)
{
	if (f1 != epi->file)
		return f1 < epi->file ? -1 : 1;
	return fd1 - epi->fd;
}

static struct epitem *ep_find(struct eventpoll *ep, struct file *file, int fd)
{
	struct rb_node *n = ep->rbr.rb_node;

	while (n) {
		struct epitem *epi = rb_entry(n, struct epitem, rbn);
		int c = ep_cmp(file, fd, epi);

		if (!c)
			return epi;
		n = c < 0 ? n->rb_left : n->rb_right;
	}
	return NULL;
}

static void ep_rbtree_insert(struct eventpoll *ep, struct epitem *epi)
{
	struct rb_node **p = &ep->rbr.rb_node, *parent = NULL;

	while (*p) {
		parent = *p;
		p = ep_cmp(epi->file, epi->fd, rb_entry(parent, struct epitem, rbn)) < 0 ?
			&parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&epi->rbn, parent, p);
	rb_insert_color(&epi->rbn, &ep->rbr);
}

/* ---- wake-ups --------------------------------------------------------------- */

/*
 * An item's file woke one of its queues (@key: the events, or none). Put
 * the item on the ready list and wake an epoll_wait() and the epoll's
 * own pollers. Runs under the queue's lock, interrupts off.
 */
static int ep_poll_callback(wait_queue_entry_t *wait, unsigned int mode, int sync, void *key)
{
	struct epitem *epi = container_of(wait, struct eppoll_entry, wait)->base;
	struct eventpoll *ep = epi->ep;
	__poll_t pollflags = key_to_poll(key);
	bool pwake = false, ewake = false;
	unsigned long flags;

	spin_lock_irqsave(&ep->lock, flags);
	/* disabled by EPOLLONESHOT, or not an event it waits for */
	if (!(epi->event.events & ~EP_PRIVATE_BITS) ||
	    (pollflags && !(pollflags & epi->event.events)))
		goto out_unlock;
	ewake = true;
	if (!ep_is_linked(epi))
		list_add_tail(&epi->rdllink, &ep->rdllist);
	if (waitqueue_active(&ep->wq))
		wake_up(&ep->wq);
	pwake = waitqueue_active(&ep->poll_wait);
out_unlock:
	spin_unlock_irqrestore(&ep->lock, flags);
	if (pwake)
		wake_up_poll(&ep->poll_wait, EPOLLIN | EPOLLRDNORM);
	/* an exclusive entry that took the event stops the walk (Linux's EPOLLEXCLUSIVE) */
	return (epi->event.events & EPOLLEXCLUSIVE) ? ewake : 1;
}

/* poll_wait() from the watched file's ->poll during ep_insert(): hang an entry. */
static void ep_ptable_queue_proc(struct file *file, wait_queue_head_t *whead, poll_table *pt)
{
	struct epitem *epi = container_of(pt, struct ep_pqueue, pt)->epi;
	struct eppoll_entry *pwq;

	if (epi->nwait < 0)
		return;
	pwq = kmem_cache_alloc(pwq_cache, GFP_KERNEL);
	if (!pwq) {
		epi->nwait = -1;
		return;
	}
	init_waitqueue_func_entry(&pwq->wait, ep_poll_callback);
	pwq->whead = whead;
	pwq->base = epi;
	if (epi->event.events & EPOLLEXCLUSIVE)
		add_wait_queue_exclusive(whead, &pwq->wait);
	else
		add_wait_queue(whead, &pwq->wait);
	list_add_tail(&pwq->llink, &epi->pwqlist);
	epi->nwait++;
}

static void ep_unregister_pollwait(struct epitem *epi)
{
	struct eppoll_entry *pwq, *next;

	list_for_each_entry_safe(pwq, next, &epi->pwqlist, llink) {
		remove_wait_queue(pwq->whead, &pwq->wait);
		list_del(&pwq->llink);
		kmem_cache_free(pwq_cache, pwq);
	}
}

/* Put @epi on the ready list (if not there) and wake the epoll's waiters. */
static void ep_make_ready(struct eventpoll *ep, struct epitem *epi)
{
	unsigned long flags;
	bool pwake;

	spin_lock_irqsave(&ep->lock, flags);
	if (!ep_is_linked(epi))
		list_add_tail(&epi->rdllink, &ep->rdllist);
	if (waitqueue_active(&ep->wq))
		wake_up(&ep->wq);
	pwake = waitqueue_active(&ep->poll_wait);
	spin_unlock_irqrestore(&ep->lock, flags);
	if (pwake)
		wake_up_poll(&ep->poll_wait, EPOLLIN | EPOLLRDNORM);
}

/* ---- polling an item, and the epoll file itself ----------------------------- */

static __poll_t ep_eventpoll_poll_nested(struct eventpoll *ep, int depth);

/* The events of @epi ready now, among those it watches. */
static __poll_t ep_item_poll(struct epitem *epi, poll_table *pt, int depth)
{
	__poll_t events = epi->event.events;
	poll_table nopt = { ._qproc = NULL, ._key = events };

	if (!is_file_epoll(epi->file))
		return vfs_poll(epi->file, pt ? pt : &nopt) & events;
	if (pt)		/* hang on the nested epoll's poll_wait, as its ->poll would */
		poll_wait(epi->file, &((struct eventpoll *)epi->file->private_data)->poll_wait, pt);
	return ep_eventpoll_poll_nested(epi->file->private_data, depth + 1) & events;
}

/*
 * Is anything on @ep's ready list ready? Items found not ready leave the
 * list (a later wake-up puts them back). @depth: nesting, for the lock.
 */
static __poll_t ep_eventpoll_poll_nested(struct eventpoll *ep, int depth)
{
	unsigned long flags;
	struct epitem *epi;
	__poll_t res = 0;
	LIST_HEAD(txlist);

	mutex_lock_nested(&ep->mtx, depth);
	spin_lock_irqsave(&ep->lock, flags);
	list_splice_init(&ep->rdllist, &txlist);
	spin_unlock_irqrestore(&ep->lock, flags);
	while (!res && (epi = list_first_entry_or_null(&txlist, struct epitem, rdllink))) {
		if (ep_item_poll(epi, NULL, depth))
			res = EPOLLIN | EPOLLRDNORM;
		else {
			spin_lock_irqsave(&ep->lock, flags);
			list_del_init(&epi->rdllink);
			spin_unlock_irqrestore(&ep->lock, flags);
		}
	}
	spin_lock_irqsave(&ep->lock, flags);
	list_splice_init(&txlist, &ep->rdllist);
	spin_unlock_irqrestore(&ep->lock, flags);
	mutex_unlock(&ep->mtx);
	return res;
}

static __poll_t ep_eventpoll_poll(struct file *file, poll_table *wait)
{
	struct eventpoll *ep = file->private_data;

	poll_wait(file, &ep->poll_wait, wait);
	return ep_eventpoll_poll_nested(ep, 0);
}

/* ---- insert, modify, remove -------------------------------------------------- */

/* Take @epi out of @ep and free it. ep->mtx and epmutex held. */
static void ep_remove(struct eventpoll *ep, struct epitem *epi)
{
	unsigned long flags;

	ep_unregister_pollwait(epi);
	list_del(&epi->fllink);
	rb_erase(&epi->rbn, &ep->rbr);
	spin_lock_irqsave(&ep->lock, flags);
	if (ep_is_linked(epi))
		list_del_init(&epi->rdllink);
	spin_unlock_irqrestore(&ep->lock, flags);
	kmem_cache_free(epi_cache, epi);
}

static int ep_insert(struct eventpoll *ep, const struct epoll_event *event, struct file *tfile,
		     int fd)
{
	struct ep_pqueue epq;
	struct epitem *epi;
	__poll_t revents;

	epi = kmem_cache_alloc(epi_cache, GFP_KERNEL);
	if (!epi)
		return -ENOMEM;
	INIT_LIST_HEAD(&epi->rdllink);
	INIT_LIST_HEAD(&epi->pwqlist);
	epi->ep = ep;
	epi->file = tfile;
	epi->fd = fd;
	epi->event = *event;
	epi->nwait = 0;
	list_add_tail(&epi->fllink, &tfile->f_ep);
	ep_rbtree_insert(ep, epi);

	epq.epi = epi;
	init_poll_funcptr(&epq.pt, ep_ptable_queue_proc);
	epq.pt._key = event->events;
	revents = ep_item_poll(epi, &epq.pt, 0);
	if (epi->nwait < 0) {
		ep_remove(ep, epi);
		return -ENOMEM;
	}
	if (revents)
		ep_make_ready(ep, epi);
	return 0;
}

static int ep_modify(struct eventpoll *ep, struct epitem *epi, const struct epoll_event *event)
{
	unsigned long flags;

	spin_lock_irqsave(&ep->lock, flags);
	epi->event = *event;
	spin_unlock_irqrestore(&ep->lock, flags);
	if (ep_item_poll(epi, NULL, 0))
		ep_make_ready(ep, epi);
	return 0;
}

/* Remove every item of @ep (its file's release). */
static void ep_clear(struct eventpoll *ep)
{
	struct rb_node *n;

	mutex_lock(&epmutex);
	mutex_lock(&ep->mtx);
	while ((n = rb_first(&ep->rbr)))
		ep_remove(ep, rb_entry(n, struct epitem, rbn));
	mutex_unlock(&ep->mtx);
	mutex_unlock(&epmutex);
}

void eventpoll_release_file(struct file *file)
{
	struct epitem *epi, *next;

	mutex_lock(&epmutex);
	list_for_each_entry_safe(epi, next, &file->f_ep, fllink) {
		struct eventpoll *ep = epi->ep;

		mutex_lock(&ep->mtx);
		ep_remove(ep, epi);
		mutex_unlock(&ep->mtx);
	}
	mutex_unlock(&epmutex);
}

static int ep_eventpoll_release(struct inode *inode, struct file *file)
{
	struct eventpoll *ep = file->private_data;

	ep_clear(ep);
	VM_BUG_ON(!list_empty(&ep->rdllist));
	kfree(ep);
	return 0;
}

static const struct file_operations eventpoll_fops = {
	.release = ep_eventpoll_release,
	.poll = ep_eventpoll_poll,
	.llseek = noop_llseek,
};

/*
 * Would watching the epoll @target from @ep close a loop, or nest deeper
 * than EP_MAX_NESTS? epmutex held. Return: 0 or -ELOOP.
 */
static int ep_loop_check(struct eventpoll *ep, struct eventpoll *target, int depth)
{
	struct rb_node *n;
	int err = 0;

	if (target == ep || depth > EP_MAX_NESTS)
		return -ELOOP;
	mutex_lock_nested(&target->mtx, depth + 1);
	for (n = rb_first(&target->rbr); n && !err; n = rb_next(n)) {
		struct epitem *epi = rb_entry(n, struct epitem, rbn);

		if (is_file_epoll(epi->file))
			err = ep_loop_check(ep, epi->file->private_data, depth + 1);
	}
	mutex_unlock(&target->mtx);
	return err;
}

/* ---- the system calls --------------------------------------------------------- */

int do_epoll_create(int flags)
{
	struct eventpoll *ep;
	int fd;

	if (flags & ~EPOLL_CLOEXEC)
		return -EINVAL;
	ep = kzalloc(sizeof(*ep), GFP_KERNEL);
	if (!ep)
		return -ENOMEM;
	mutex_init(&ep->mtx);
	spin_lock_init(&ep->lock);
	ep->rbr = RB_ROOT;
	INIT_LIST_HEAD(&ep->rdllist);
	init_waitqueue_head(&ep->wq);
	init_waitqueue_head(&ep->poll_wait);
	fd = anon_inode_getfd("[eventpoll]", &eventpoll_fops, ep, O_RDWR | (flags & O_CLOEXEC));
	if (fd < 0)
		kfree(ep);
	return fd;
}

SYSCALL_DEFINE1(epoll_create1, int, flags)
{
	return do_epoll_create(flags);
}

SYSCALL_DEFINE1(epoll_create, int, size)
{
	if (size <= 0)
		return -EINVAL;
	return do_epoll_create(0);
}

/* The checks of epoll_ctl() that need no lock. Return: 0 or -EINVAL. */
static int ep_ctl_check(int op, struct file *f, struct file *tf, const struct epoll_event *epds)
{
	if (f == tf || !is_file_epoll(f))
		return -EINVAL;
	if (op != EPOLL_CTL_DEL && (epds->events & EPOLLEXCLUSIVE)) {
		if (op == EPOLL_CTL_MOD)
			return -EINVAL;
		if (op == EPOLL_CTL_ADD &&
		    (is_file_epoll(tf) || (epds->events & ~EPOLLEXCLUSIVE_OK_BITS)))
			return -EINVAL;
	}
	return 0;
}

/* The operation itself; epmutex and ep->mtx held. */
static int ep_ctl_locked(struct eventpoll *ep, int op, struct file *tf, int fd,
			 struct epoll_event *epds)
{
	struct epitem *epi = ep_find(ep, tf, fd);

	switch (op) {
	case EPOLL_CTL_ADD:
		if (epi)
			return -EEXIST;
		epds->events |= EPOLLERR | EPOLLHUP;
		return ep_insert(ep, epds, tf, fd);
	case EPOLL_CTL_DEL:
		if (!epi)
			return -ENOENT;
		ep_remove(ep, epi);
		return 0;
	case EPOLL_CTL_MOD:
		if (!epi)
			return -ENOENT;
		if (epi->event.events & EPOLLEXCLUSIVE)
			return -EINVAL;
		epds->events |= EPOLLERR | EPOLLHUP;
		return ep_modify(ep, epi, epds);
	default:
		return -EINVAL;
	}
}

int do_epoll_ctl(int epfd, int op, int fd, struct epoll_event *epds)
{
	struct file *f, *tf;
	struct eventpoll *ep;
	int err = -EBADF;

	f = fget(epfd);
	if (!f)
		return -EBADF;
	tf = fget(fd);
	if (!tf)
		goto out_put_f;
	err = -EPERM;
	if (!file_can_poll(tf))
		goto out_put_tf;
	err = ep_ctl_check(op, f, tf, epds);
	if (err)
		goto out_put_tf;
	ep = f->private_data;
	mutex_lock(&epmutex);
	if (op == EPOLL_CTL_ADD && is_file_epoll(tf))
		err = ep_loop_check(ep, tf->private_data, 0);
	if (!err) {
		mutex_lock(&ep->mtx);
		err = ep_ctl_locked(ep, op, tf, fd, epds);
		mutex_unlock(&ep->mtx);
	}
	mutex_unlock(&epmutex);
out_put_tf:
	fput(tf);
out_put_f:
	fput(f);
	return err;
}

SYSCALL_DEFINE4(epoll_ctl, int, epfd, int, op, int, fd, struct epoll_event __user *, event)
{
	struct epoll_event epds;

	if (op != EPOLL_CTL_DEL && copy_from_user(&epds, event, sizeof(epds)))
		return -EFAULT;
	return do_epoll_ctl(epfd, op, fd, &epds);
}

/*
 * Report up to @maxevents ready items into @events. Return: how many,
 * or -EFAULT if none could be written. ep->mtx taken.
 */
static int ep_send_events(struct eventpoll *ep, struct epoll_event __user *events, int maxevents)
{
	unsigned long flags;
	struct epitem *epi;
	LIST_HEAD(txlist);
	LIST_HEAD(again);	/* reported level-triggered items: polled again next time */
	struct epoll_event uev;
	__poll_t revents;
	int res = 0;

	mutex_lock(&ep->mtx);
	spin_lock_irqsave(&ep->lock, flags);
	list_splice_init(&ep->rdllist, &txlist);
	spin_unlock_irqrestore(&ep->lock, flags);
	while (res < maxevents && (epi = list_first_entry_or_null(&txlist, struct epitem, rdllink))) {
		spin_lock_irqsave(&ep->lock, flags);
		list_del_init(&epi->rdllink);
		spin_unlock_irqrestore(&ep->lock, flags);
		revents = ep_item_poll(epi, NULL, 0);
		if (!revents)
			continue;
		uev.events = revents;
		uev.data = epi->event.data;
		if (copy_to_user(&events[res], &uev, sizeof(uev))) {
			list_add(&epi->rdllink, &txlist);
			if (!res)
				res = -EFAULT;
			break;
		}
		res++;
		spin_lock_irqsave(&ep->lock, flags);
		if (epi->event.events & EPOLLONESHOT)
			epi->event.events &= EP_PRIVATE_BITS;
		else if (!(epi->event.events & EPOLLET) && !ep_is_linked(epi))
			list_add_tail(&epi->rdllink, &again);
		spin_unlock_irqrestore(&ep->lock, flags);
	}
	spin_lock_irqsave(&ep->lock, flags);
	list_splice_init(&again, &ep->rdllist);
	list_splice_init(&txlist, &ep->rdllist);
	spin_unlock_irqrestore(&ep->lock, flags);
	mutex_unlock(&ep->mtx);
	return res;
}

/*
 * Wait up to @timeout jiffies (MAX_SCHEDULE_TIMEOUT: for ever, 0: not at
 * all) for events. Return: their number, 0 on timeout, -EINTR, -EFAULT.
 */
static int ep_poll(struct eventpoll *ep, struct epoll_event __user *events, int maxevents,
		   long timeout)
{
	DEFINE_WAIT(wait);
	int res;

	for (;;) {
		res = ep_send_events(ep, events, maxevents);
		if (res || !timeout)
			return res;
		if (signal_pending(current))
			return -EINTR;
		prepare_to_wait_exclusive(&ep->wq, &wait, TASK_INTERRUPTIBLE);
		if (list_empty(&ep->rdllist) && !signal_pending(current))
			timeout = schedule_timeout(timeout);
		finish_wait(&ep->wq, &wait);
	}
}

static int do_epoll_wait(int epfd, struct epoll_event __user *events, int maxevents,
			 long timeout)
{
	struct file *f;
	int err;

	if (maxevents <= 0 || (size_t)maxevents > EP_MAX_EVENTS)
		return -EINVAL;
	if (!access_ok(events, maxevents * sizeof(struct epoll_event)))
		return -EFAULT;
	f = fget(epfd);
	if (!f)
		return -EBADF;
	err = is_file_epoll(f) ? ep_poll(f->private_data, events, maxevents, timeout) : -EINVAL;
	fput(f);
	return err;
}

/*
 * epoll_wait()'s milliseconds as jiffies: negative waits for ever. One
 * more jiffy than the rounded-up count, since the sleep starts within
 * the current tick: the wait is never shorter than asked, as Linux's.
 */
static long ep_timeout_ms(int ms)
{
	if (ms < 0)
		return MAX_SCHEDULE_TIMEOUT;
	return ms ? (long)msecs_to_jiffies(ms) + 1 : 0;
}

SYSCALL_DEFINE4(epoll_wait, int, epfd, struct epoll_event __user *, events, int, maxevents,
		int, timeout)
{
	return do_epoll_wait(epfd, events, maxevents, ep_timeout_ms(timeout));
}

void eventpoll_init(void)
{
	epi_cache = kmem_cache_create("eventpoll_epi", sizeof(struct epitem), 0,
				      SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
	pwq_cache = kmem_cache_create("eventpoll_pwq", sizeof(struct eppoll_entry), 0,
				      SLAB_PANIC, NULL);
}
