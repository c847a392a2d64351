// SPDX-License-Identifier: GPL-2.0
/*
 * poll(2), ppoll(2), select(2) and pselect6(2) (Linux's fs/select.c).
 *
 * One sleep covers many files: a struct poll_wqueues on the caller's
 * stack is the poll_table handed to each file's ->poll (vfs_poll()).
 * On the first pass __pollwait() hangs a poll_table_entry on every wait
 * queue a file names (poll_wait()), holding a reference on the file;
 * once a pass finds something ready, or after the first, _qproc is
 * cleared so later passes only ask. pollwake() is the entries' wake
 * function: it ignores events the entry does not want (the key of
 * wake_up_poll()), else marks the table triggered and wakes the caller.
 * The caller sleeps only if nothing triggered since its last pass, so a
 * wake-up between the pass and the sleep is not lost:
 *
 *   pass: vfs_poll() each fd --> nothing ready --> poll_schedule_timeout()
 *     ^                                                |
 *     +------- pollwake(): triggered = 1, wake --------+
 *
 * Entries live in the table's inline array, then in pages chained on
 * poll_wqueues->table; poll_freewait() unhooks and frees them all.
 *
 * Linux's rules kept: poll's nfds above RLIMIT_NOFILE is -EINVAL, a
 * negative fd is skipped, a closed one reports POLLNVAL, EPOLLERR and
 * EPOLLHUP are always reported; select()'s nfds is cut to the fd table's
 * size, a set bit for a closed fd is -EBADF, its sets are rewritten only
 * on success; select(), pselect6() and ppoll() write the time left back
 * (poll() does not); a pending signal ends the wait with -ERESTARTNOHAND
 * (restarted unless a handler runs, else -EINTR). ppoll() and pselect6()
 * install their signal mask for the wait, and the old one comes back
 * after a handler runs (restore_sigmask) or at once if none is due.
 * Differences: timeouts are counted in jiffies (4 ms); a poll() with a
 * timeout restarts with its whole timeout rather than the time left
 * (Linux's restart_block).
 *
 * Locking: none of its own; the files' wait-queue locks around the
 * entries (pollwake() runs under them). The table is the caller's.
 */
#include <linux/poll.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/fdtable.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/resource.h>
#include <linux/time.h>
#include <linux/timekeeping.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

/* One registration: @wait hangs on @wait_address for @filp. */
struct poll_table_entry {
	struct file *filp;		/* a reference, dropped by poll_freewait() */
	__poll_t key;			/* the events the caller wants */
	struct wait_queue_entry wait;	/* private: the poll_wqueues */
	wait_queue_head_t *wait_address;
};

/* A page of entries beyond the inline ones. */
struct poll_table_page {
	struct poll_table_page *next;
	struct poll_table_entry *entry;	/* the next free one */
	struct poll_table_entry entries[];
};

#define POLL_TABLE_FULL(table) \
	((unsigned long)((table)->entry + 1) > PAGE_SIZE + (unsigned long)(table))

#define N_INLINE_POLL_ENTRIES	8

struct poll_wqueues {
	poll_table pt;
	struct poll_table_page *table;
	struct task_struct *polling_task;
	int triggered;			/* a wanted event since the last pass */
	int error;			/* -ENOMEM: an entry could not be made */
	int inline_index;
	struct poll_table_entry inline_entries[N_INLINE_POLL_ENTRIES];
};

static void __pollwait(struct file *filp, wait_queue_head_t *wait_address, poll_table *p);

static void poll_initwait(struct poll_wqueues *pwq)
{
	init_poll_funcptr(&pwq->pt, __pollwait);
	pwq->polling_task = current;
	pwq->triggered = 0;
	pwq->error = 0;
	pwq->table = NULL;
	pwq->inline_index = 0;
}

static void free_poll_entry(struct poll_table_entry *entry)
{
	remove_wait_queue(entry->wait_address, &entry->wait);
	fput(entry->filp);
}

static void poll_freewait(struct poll_wqueues *pwq)
{
	struct poll_table_page *p = pwq->table;
	int i;

	for (i = 0; i < pwq->inline_index; i++)
		free_poll_entry(&pwq->inline_entries[i]);
	while (p) {
		struct poll_table_entry *entry = p->entries;
		struct poll_table_page *old = p;

		for (; entry < p->entry; entry++)
			free_poll_entry(entry);
		p = p->next;
		free_page((unsigned long)old);
	}
}

/* A free entry of @p, or NULL (p->error set) when no page can be had. */
static struct poll_table_entry *poll_get_entry(struct poll_wqueues *p)
{
	struct poll_table_page *table = p->table;

	if (p->inline_index < N_INLINE_POLL_ENTRIES)
		return &p->inline_entries[p->inline_index++];
	if (!table || POLL_TABLE_FULL(table)) {
		struct poll_table_page *new_table = (void *)__get_free_page(GFP_KERNEL);

		if (!new_table) {
			p->error = -ENOMEM;
			return NULL;
		}
		new_table->entry = new_table->entries;
		new_table->next = table;
		p->table = new_table;
		table = new_table;
	}
	return table->entry++;
}

static int pollwake(struct wait_queue_entry *wait, unsigned int mode, int sync, void *key)
{
	struct poll_table_entry *entry = container_of(wait, struct poll_table_entry, wait);
	struct poll_wqueues *pwq = wait->private;

	if (key && !(key_to_poll(key) & entry->key))
		return 0;
	/* the store before the wake-up's run-queue lock: the sleeper's check sees it */
	WRITE_ONCE(pwq->triggered, 1);
	return wake_up_state(pwq->polling_task, mode);
}

static void __pollwait(struct file *filp, wait_queue_head_t *wait_address, poll_table *p)
{
	struct poll_wqueues *pwq = container_of(p, struct poll_wqueues, pt);
	struct poll_table_entry *entry = poll_get_entry(pwq);

	if (!entry)
		return;
	get_file(filp);
	entry->filp = filp;
	entry->wait_address = wait_address;
	entry->key = p->_key;
	init_waitqueue_func_entry(&entry->wait, pollwake);
	entry->wait.private = pwq;
	add_wait_queue(wait_address, &entry->wait);
}

/*
 * Sleep until a wanted event, a signal or @end_ns (ktime_get(); 0: no
 * limit) unless one already came. Return: false once the time is up.
 */
static bool poll_schedule_timeout(struct poll_wqueues *pwq, u64 end_ns)
{
	long timeout = MAX_SCHEDULE_TIMEOUT;
	bool more = true;

	if (end_ns) {
		u64 now = ktime_get();

		if (now >= end_ns)
			return false;
		timeout = DIV_ROUND_UP(end_ns - now, TICK_NSEC);
	}
	set_current_state(TASK_INTERRUPTIBLE);
	if (!READ_ONCE(pwq->triggered))
		more = schedule_timeout(timeout) || !end_ns || ktime_get() < end_ns;
	__set_current_state(TASK_RUNNING);
	WRITE_ONCE(pwq->triggered, 0);
	return more;
}

/* ---- timeouts --------------------------------------------------------- */

/* A timeout as an end time. */
struct poll_timeout {
	u64 end_ns;		/* ktime_get() deadline; 0: none */
	bool no_wait;		/* a zero timeout: one pass */
	bool given;		/* the caller passed one (write the rest back) */
};

/* Set @to to @sec seconds and @nsec nanoseconds from now. Return: 0, or -EINVAL. */
static int poll_select_set_timeout(struct poll_timeout *to, s64 sec, s64 nsec)
{
	struct timespec64 ts = { .tv_sec = sec, .tv_nsec = nsec };

	if (!timespec64_valid(&ts))
		return -EINVAL;
	to->given = true;
	to->no_wait = !sec && !nsec;
	to->end_ns = to->no_wait ? 0 : ktime_get() + timespec64_to_ns(&ts);
	return 0;
}

/* @to from a user timespec (NULL: none). Return: 0, -EFAULT or -EINVAL. */
static int get_poll_timeout(struct poll_timeout *to, struct __kernel_timespec __user *tsp)
{
	struct timespec64 ts;

	if (!tsp)
		return 0;
	if (get_timespec64(&ts, tsp))
		return -EFAULT;
	return poll_select_set_timeout(to, ts.tv_sec, ts.tv_nsec);
}

/* The time left of @to as a timespec64 (zero once past). */
static struct timespec64 poll_time_left(const struct poll_timeout *to)
{
	u64 now = ktime_get();

	return ns_to_timespec64(to->end_ns > now ? to->end_ns - now : 0);
}

enum poll_time_type { PT_TIMEVAL, PT_TIMESPEC };

/*
 * Write the time left back to @p, as Linux's poll_select_finish(): not
 * for a zero timeout; a failed write turns -ERESTARTNOHAND into -EINTR
 * (a restart would reuse the stale time).
 */
static long poll_select_finish(struct poll_timeout *to, void __user *p,
			       enum poll_time_type pt_type, long ret)
{
	struct timespec64 left;
	int err;

	if (!p || !to->given || to->no_wait)
		return ret;
	left = poll_time_left(to);
	if (pt_type == PT_TIMEVAL) {
		struct __kernel_old_timeval rtv = {
			.tv_sec = left.tv_sec,
			.tv_usec = left.tv_nsec / NSEC_PER_USEC,
		};

		err = copy_to_user(p, &rtv, sizeof(rtv)) ? -EFAULT : 0;
	} else {
		err = put_timespec64(&left, p);
	}
	if (err && ret == -ERESTARTNOHAND)
		ret = -EINTR;
	return ret;
}

/* ---- the signal mask of ppoll() and pselect6() ---------------------------- */

/*
 * Install the caller's mask for the wait, the old one saved in
 * saved_sigmask (Linux's set_user_sigmask()). Return: 0, -EINVAL (a
 * wrong size), -EFAULT.
 */
static int set_user_sigmask(const sigset_t __user *umask, size_t sigsetsize)
{
	sigset_t kmask;

	if (!umask)
		return 0;
	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&kmask, umask, sizeof(sigset_t)))
		return -EFAULT;
	current->saved_sigmask = current->blocked;
	current->restore_sigmask = true;
	set_current_blocked(&kmask);
	return 0;
}

/*
 * After the wait: when a signal interrupted it, the saved mask comes
 * back after its handler (signal delivery sees restore_sigmask); else
 * now (Linux's restore_saved_sigmask_unless()).
 */
static void restore_saved_sigmask_unless(bool interrupted)
{
	if (!interrupted)
		restore_saved_sigmask();
}

/* ---- poll ------------------------------------------------------------ */

/* Poll one pollfd. Return: its revents (POLLNVAL for a closed fd). */
static __poll_t do_pollfd(struct pollfd *pollfd, poll_table *pwait)
{
	__poll_t mask, filter;
	struct file *file;

	if (pollfd->fd < 0)
		return 0;
	file = fget(pollfd->fd);
	if (!file)
		return EPOLLNVAL;
	filter = (__poll_t)(u16)pollfd->events | EPOLLERR | EPOLLHUP;
	pwait->_key = filter;
	mask = vfs_poll(file, pwait) & filter;
	fput(file);
	return mask;
}

/* Passes over @fds until one is ready, the time is up, or a signal. */
static int do_poll(struct pollfd *fds, unsigned int nfds, struct poll_wqueues *wait,
		   struct poll_timeout *to)
{
	poll_table *pt = &wait->pt;
	bool timed_out = to->no_wait;
	int count = 0;

	if (timed_out)
		pt->_qproc = NULL;
	for (;;) {
		unsigned int i;

		for (i = 0; i < nfds; i++) {
			fds[i].revents = (short)do_pollfd(&fds[i], pt);
			if (fds[i].revents) {
				count++;
				pt->_qproc = NULL;	/* no sleep: no more registering */
			}
		}
		pt->_qproc = NULL;
		if (count || timed_out)
			return count;
		if (signal_pending(current))
			return -ERESTARTNOHAND;
		if (wait->error)
			return wait->error;
		timed_out = !poll_schedule_timeout(wait, to->end_ns);	/* one last pass */
	}
}

static int do_sys_poll(struct pollfd __user *ufds, unsigned int nfds, struct poll_timeout *to)
{
	struct poll_wqueues table;
	struct pollfd *fds;
	size_t size;
	int ret, i;

	if (nfds > rlimit(RLIMIT_NOFILE))
		return -EINVAL;
	size = (size_t)nfds * sizeof(*fds);
	fds = kvmalloc(size ?: 1, GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	ret = -EFAULT;
	if (copy_from_user(fds, ufds, size))
		goto out;
	poll_initwait(&table);
	ret = do_poll(fds, nfds, &table, to);
	poll_freewait(&table);
	for (i = 0; ret >= 0 && i < (int)nfds; i++) {
		if (put_user(fds[i].revents, &ufds[i].revents)) {
			ret = -EFAULT;
			break;
		}
	}
out:
	kvfree(fds);
	return ret;
}

SYSCALL_DEFINE3(poll, struct pollfd __user *, ufds, unsigned int, nfds, int, timeout_msecs)
{
	struct poll_timeout to = { 0 };

	if (timeout_msecs >= 0)
		poll_select_set_timeout(&to, timeout_msecs / MSEC_PER_SEC,
					NSEC_PER_MSEC * (timeout_msecs % MSEC_PER_SEC));
	return do_sys_poll(ufds, nfds, &to);
}

SYSCALL_DEFINE5(ppoll, struct pollfd __user *, ufds, unsigned int, nfds,
		struct __kernel_timespec __user *, tsp, const sigset_t __user *, sigmask,
		size_t, sigsetsize)
{
	struct poll_timeout to = { 0 };
	long ret;

	ret = get_poll_timeout(&to, tsp);
	if (ret)
		return ret;
	ret = set_user_sigmask(sigmask, sigsetsize);
	if (ret)
		return ret;
	ret = do_sys_poll(ufds, nfds, &to);
	restore_saved_sigmask_unless(ret == -ERESTARTNOHAND);
	return poll_select_finish(&to, tsp, PT_TIMESPEC, ret);
}

/* ---- select ----------------------------------------------------------- */

#define POLLIN_SET	(EPOLLRDNORM | EPOLLRDBAND | EPOLLIN | EPOLLHUP | EPOLLERR)
#define POLLOUT_SET	(EPOLLWRBAND | EPOLLWRNORM | EPOLLOUT | EPOLLERR)
#define POLLEX_SET	EPOLLPRI

#define FDS_BITS	(8 * sizeof(unsigned long))
#define FDS_LONGS(n)	DIV_ROUND_UP(n, FDS_BITS)
#define FDS_BYTES(n)	(FDS_LONGS(n) * sizeof(unsigned long))

/* The three sets given and the three answered, each FDS_LONGS(n) words. */
struct fd_set_bits {
	unsigned long *in, *out, *ex;
	unsigned long *res_in, *res_out, *res_ex;
};

static bool fd_isset(const unsigned long *set, unsigned int fd)
{
	return set[fd / FDS_BITS] & (1UL << (fd % FDS_BITS));
}

static void fd_set_bit(unsigned long *set, unsigned int fd)
{
	set[fd / FDS_BITS] |= 1UL << (fd % FDS_BITS);
}

/* One pass over the fds of @fds below @n. Return: the bits set, or -EBADF. */
static int select_pass(unsigned int n, struct fd_set_bits *fds, poll_table *pt)
{
	unsigned int fd;
	int count = 0;

	for (fd = 0; fd < n; fd++) {
		bool in = fd_isset(fds->in, fd), out = fd_isset(fds->out, fd);
		bool ex = fd_isset(fds->ex, fd);
		struct file *file;
		__poll_t mask;

		if (!in && !out && !ex)
			continue;
		file = fget(fd);
		if (!file)
			return -EBADF;
		pt->_key = (in ? POLLIN_SET : 0) | (out ? POLLOUT_SET : 0) | (ex ? POLLEX_SET : 0);
		mask = vfs_poll(file, pt);
		fput(file);
		if (in && (mask & POLLIN_SET)) {
			fd_set_bit(fds->res_in, fd);
			count++;
		}
		if (out && (mask & POLLOUT_SET)) {
			fd_set_bit(fds->res_out, fd);
			count++;
		}
		if (ex && (mask & POLLEX_SET)) {
			fd_set_bit(fds->res_ex, fd);
			count++;
		}
		if (count)
			pt->_qproc = NULL;
	}
	return count;
}

static int do_select(unsigned int n, struct fd_set_bits *fds, struct poll_timeout *to)
{
	struct poll_wqueues table;
	bool timed_out = to->no_wait;
	int ret;

	poll_initwait(&table);
	if (timed_out)
		table.pt._qproc = NULL;
	for (;;) {
		ret = select_pass(n, fds, &table.pt);
		table.pt._qproc = NULL;
		if (ret || timed_out)
			break;
		if (signal_pending(current)) {
			ret = -ERESTARTNOHAND;
			break;
		}
		if (table.error) {
			ret = table.error;
			break;
		}
		timed_out = !poll_schedule_timeout(&table, to->end_ns);
	}
	poll_freewait(&table);
	return ret;
}

/* Read a user fd_set of @n bits (NULL: empty). */
static int get_fd_set(unsigned int n, unsigned long __user *ufdset, unsigned long *fdset)
{
	if (!ufdset) {
		memset(fdset, 0, FDS_BYTES(n));
		return 0;
	}
	return copy_from_user(fdset, ufdset, FDS_BYTES(n)) ? -EFAULT : 0;
}

static int set_fd_set(unsigned int n, unsigned long __user *ufdset, const unsigned long *fdset)
{
	if (!ufdset)
		return 0;
	return copy_to_user(ufdset, fdset, FDS_BYTES(n)) ? -EFAULT : 0;
}

static int core_sys_select(int n, unsigned long __user *inp, unsigned long __user *outp,
			   unsigned long __user *exp, struct poll_timeout *to)
{
	unsigned int max_fds = files_fdtable_max(current_files());
	struct fd_set_bits fds;
	unsigned long *bits;
	size_t words;
	int ret;

	if (n < 0)
		return -EINVAL;
	if ((unsigned int)n > max_fds)
		n = max_fds;
	words = FDS_LONGS(n);
	bits = kvmalloc(6 * words * sizeof(long) ?: 1, GFP_KERNEL);
	if (!bits)
		return -ENOMEM;
	fds.in = bits;
	fds.out = bits + words;
	fds.ex = bits + 2 * words;
	fds.res_in = bits + 3 * words;
	fds.res_out = bits + 4 * words;
	fds.res_ex = bits + 5 * words;
	ret = get_fd_set(n, inp, fds.in) ?: get_fd_set(n, outp, fds.out) ?:
	      get_fd_set(n, exp, fds.ex);
	if (ret)
		goto out;
	memset(fds.res_in, 0, 3 * words * sizeof(long));
	ret = do_select(n, &fds, to);
	if (ret < 0)
		goto out;
	if (set_fd_set(n, inp, fds.res_in) || set_fd_set(n, outp, fds.res_out) ||
	    set_fd_set(n, exp, fds.res_ex))
		ret = -EFAULT;
out:
	kvfree(bits);
	return ret;
}

SYSCALL_DEFINE5(select, int, n, unsigned long __user *, inp, unsigned long __user *, outp,
		unsigned long __user *, exp, struct __kernel_old_timeval __user *, tvp)
{
	struct poll_timeout to = { 0 };
	struct __kernel_old_timeval tv;
	long ret;

	if (tvp) {
		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		/* Linux: microseconds past a second carry into the seconds */
		if (tv.tv_sec < 0 || tv.tv_usec < 0)
			return -EINVAL;
		if (poll_select_set_timeout(&to, tv.tv_sec + tv.tv_usec / USEC_PER_SEC,
					    (tv.tv_usec % USEC_PER_SEC) * NSEC_PER_USEC))
			return -EINVAL;
	}
	ret = core_sys_select(n, inp, outp, exp, &to);
	return poll_select_finish(&to, tvp, PT_TIMEVAL, ret);
}

/* pselect6()'s sixth argument: the mask and its size. */
struct sigset_argpack {
	sigset_t __user *p;
	size_t size;
};

SYSCALL_DEFINE6(pselect6, int, n, unsigned long __user *, inp, unsigned long __user *, outp,
		unsigned long __user *, exp, struct __kernel_timespec __user *, tsp,
		void __user *, sig)
{
	struct sigset_argpack x = { NULL, 0 };
	struct poll_timeout to = { 0 };
	long ret;

	ret = get_poll_timeout(&to, tsp);
	if (ret)
		return ret;
	if (sig && copy_from_user(&x, sig, sizeof(x)))
		return -EFAULT;
	ret = set_user_sigmask(x.p, x.size);
	if (ret)
		return ret;
	ret = core_sys_select(n, inp, outp, exp, &to);
	restore_saved_sigmask_unless(ret == -ERESTARTNOHAND);
	return poll_select_finish(&to, tsp, PT_TIMESPEC, ret);
}
