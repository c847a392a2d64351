/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Wait queues (kernel/sched/wait.c), Linux's model: a wait_queue_head
 * holds wait_queue_entries; __wake_up() walks them and calls each
 * entry's func, which decides what a wake-up means for it. A sleeping
 * task's entry has func = default_wake_function (or the autoremove
 * variant) and private = the task; poll() and epoll hang entries whose
 * func records readiness instead (linux/poll.h). A wake-up may carry a
 * key (for poll, the EPOLL* mask of the event: wake_up_poll()), which a
 * func may use to ignore events it does not wait for.
 *
 *   wait_queue_head --> entry --> entry --> entry (WQ_FLAG_EXCLUSIVE) ...
 *                       func/private   non-exclusive entries sit first
 *
 * __wake_up(wq, mode, nr_exclusive, key) calls every non-exclusive
 * entry's func and stops after nr_exclusive exclusive entries whose
 * func returned nonzero (0: all of them); a func returning < 0 stops the
 * walk. mode is the set of task states to wake (TASK_NORMAL: both
 * sleeps; TASK_INTERRUPTIBLE: only interruptible ones).
 *
 * wait_event(wq, cond) is the usual way to sleep; prepare_to_wait() and
 * finish_wait() the open-coded one. A sleeper adds itself and sets its
 * state before testing its condition, so a wake-up after the condition
 * became true cannot be missed.
 *
 * Locking: wq_head->lock (interrupts off) protects the list and is held
 * while the funcs run: a func must not sleep or take the same head's
 * lock; it may remove its own entry (list_del_init()). An entry is
 * removed by its owner (remove_wait_queue(), finish_wait()) or by
 * autoremove_wake_function(), under the lock in both cases.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/errno.h>

struct task_struct;

/* wait4() and waitid() options and waitid()'s id types, Linux's values. */
#define WNOHANG		0x00000001	/* return 0 at once if no child is ready */
#define WUNTRACED	0x00000002	/* wait4(): stopped children too */
#define WSTOPPED	WUNTRACED	/* waitid() */
#define WEXITED		0x00000004	/* children that exited (implied by wait4()) */
#define WCONTINUED	0x00000008
#define WNOWAIT		0x01000000	/* waitid(): leave the child waitable */
#define __WNOTHREAD	0x20000000	/* not the children of other threads */
#define __WALL		0x40000000	/* every child, whatever its exit signal */
#define __WCLONE	0x80000000	/* only children whose exit signal is not SIGCHLD */

#define P_ALL		0
#define P_PID		1
#define P_PGID		2
#define P_PIDFD		3

struct wait_queue_entry;

/*
 * A wake-up callback: @mode is the task states to wake, @flags the
 * wake flags (0 here), @key the event (a poll mask for wake_up_poll()).
 * Return: nonzero if it counts as a wake-up (for the exclusive count),
 * < 0 to stop the walk. Runs under the head's lock, interrupts off.
 */
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned int mode,
				 int flags, void *key);

/* wait_queue_entry->flags, Linux's values */
#define WQ_FLAG_EXCLUSIVE	0x01	/* wake only nr_exclusive of these */
#define WQ_FLAG_WOKEN		0x02	/* woken since wait_woken() last looked */

struct wait_queue_entry {
	unsigned int flags;		/* WQ_FLAG_*: the owner's, or func's under the lock */
	void *private;			/* the sleeping task, or func's data */
	wait_queue_func_t func;
	struct list_head entry;		/* on wq_head->head (head's lock) */
};
typedef struct wait_queue_entry wait_queue_entry_t;

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) {				\
	.lock = __SPIN_LOCK_UNLOCKED(name.lock),			\
	.head = LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name)	\
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

#define init_waitqueue_head(wq) do {					\
	spin_lock_init(&(wq)->lock);					\
	INIT_LIST_HEAD(&(wq)->head);					\
} while (0)

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
			  void *key);
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
			     void *key);

/* An entry for @tsk that wakes it (default_wake_function), not on any queue. */
static inline void init_waitqueue_entry(struct wait_queue_entry *wq_entry, struct task_struct *tsk)
{
	wq_entry->flags = 0;
	wq_entry->private = tsk;
	wq_entry->func = default_wake_function;
	INIT_LIST_HEAD(&wq_entry->entry);
}

/* An entry whose wake-ups call @func (private NULL: the caller's to set). */
static inline void init_waitqueue_func_entry(struct wait_queue_entry *wq_entry,
					     wait_queue_func_t func)
{
	wq_entry->flags = 0;
	wq_entry->private = NULL;
	wq_entry->func = func;
	INIT_LIST_HEAD(&wq_entry->entry);
}

/* The entry prepare_to_wait() expects: current, removed when woken. */
#define DEFINE_WAIT_FUNC(name, function)				\
	struct wait_queue_entry name = {				\
		.private = current,					\
		.func = function,					\
		.entry = LIST_HEAD_INIT((name).entry),			\
	}
#define DEFINE_WAIT(name)	DEFINE_WAIT_FUNC(name, autoremove_wake_function)

/*
 * add_wait_queue - put @wq_entry on @wq_head, before the exclusive ones
 * add_wait_queue_exclusive - at the tail, flagged WQ_FLAG_EXCLUSIVE
 * remove_wait_queue - take it off again (it must be on @wq_head)
 * Context: any; take wq_head->lock with interrupts off.
 */
void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);

/**
 * __wake_up - call the wake functions of @wq_head's entries
 * @wq_head: the queue
 * @mode: the task states to wake (TASK_NORMAL, TASK_INTERRUPTIBLE)
 * @nr_exclusive: how many exclusive entries to wake (0: all)
 * @key: passed to each func (a poll mask, see wake_up_poll())
 *
 * Context: any (interrupts too); takes wq_head->lock.
 */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive, void *key);

/* A poll mask as a wake-up key and back (linux/poll.h's __poll_t). */
#define poll_to_key(m)	((void *)(uintptr_t)(__poll_t)(m))
#define key_to_poll(k)	((__poll_t)(uintptr_t)(k))

#define wake_up(x)			__wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr)		__wake_up(x, TASK_NORMAL, nr, NULL)
#define wake_up_all(x)			__wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_interruptible(x)	__wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_all(x)	__wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)
#define wake_up_poll(x, m)		__wake_up(x, TASK_NORMAL, 1, poll_to_key(m))
#define wake_up_interruptible_poll(x, m) __wake_up(x, TASK_INTERRUPTIBLE, 1, poll_to_key(m))

/*
 * waitqueue_active - does @wq_head have entries? Lockless: the caller
 * must order its condition's store before the test (a barrier, or
 * use wq_has_sleeper()), else a sleeper adding itself may be missed.
 */
static inline bool waitqueue_active(struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}

/* waitqueue_active() after a full barrier ordering the caller's stores. */
static inline bool wq_has_sleeper(struct wait_queue_head *wq_head)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return waitqueue_active(wq_head);
}

/*
 * prepare_to_wait - queue @wait (DEFINE_WAIT()) on @wq unless it is
 * already, and set current's state to @state
 * prepare_to_wait_exclusive - the same as an exclusive waiter
 * finish_wait - back to TASK_RUNNING, off the queue if still on it
 */
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait, int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq, struct wait_queue_entry *wait,
			       int state);
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait);

#define ___wait_event(wq, cond, state, timeout) ({			\
	DEFINE_WAIT(__wait);						\
	long __left = (timeout);					\
	for (;;) {							\
		prepare_to_wait(wq, &__wait, state);			\
		if (cond)						\
			break;						\
		__left = schedule_timeout(__left);			\
		if (!__left)						\
			break;						\
	}								\
	finish_wait(wq, &__wait);					\
	__left;								\
})

/* Sleep until @cond is true (tested after each wake-up). */
#define wait_event(wq, cond) do {					\
	might_sleep();							\
	if (!(cond))							\
		___wait_event(&(wq), cond, TASK_UNINTERRUPTIBLE,	\
			      MAX_SCHEDULE_TIMEOUT);			\
} while (0)

/* As wait_event(), at most @timeout jiffies. Return: 0 if timed out, else the jiffies left (at least 1). */
#define wait_event_timeout(wq, cond, timeout) ({			\
	long __ret = (timeout);						\
	might_sleep();							\
	if (!(cond)) {							\
		__ret = ___wait_event(&(wq), cond, TASK_UNINTERRUPTIBLE, timeout); \
		if (!__ret && (cond))					\
			__ret = 1;					\
	}								\
	__ret;								\
})

/*
 * The interruptible and killable forms (Linux's): the sleep also ends when
 * a signal is pending (any, or SIGKILL for killable), and the wait
 * returns -ERESTARTSYS: the system call restarts or fails with -EINTR on
 * the way back to user mode (arch/x86_64/signal.c).
 */
bool signal_pending_state(unsigned int state, struct task_struct *p);

#define ___wait_event_sig(wq, cond, state) ({				\
	DEFINE_WAIT(__wait);						\
	long __ret = 0;							\
	for (;;) {							\
		prepare_to_wait(wq, &__wait, state);			\
		if (cond)						\
			break;						\
		if (signal_pending_state(state, current)) {		\
			__ret = -ERESTARTSYS;				\
			break;						\
		}							\
		schedule();						\
	}								\
	finish_wait(wq, &__wait);					\
	__ret;								\
})

/* Sleep until @cond or a signal. Return: 0, or -ERESTARTSYS. */
#define wait_event_interruptible(wq, cond) ({				\
	int __ret = 0;							\
	might_sleep();							\
	if (!(cond))							\
		__ret = ___wait_event_sig(&(wq), cond, TASK_INTERRUPTIBLE); \
	__ret;								\
})

/*
 * As wait_event_interruptible(), at most @timeout jiffies. Return:
 * -ERESTARTSYS, 0 if the time ran out with @cond false, else the jiffies
 * left (at least 1).
 */
#define wait_event_interruptible_timeout(wq, cond, timeout) ({		\
	DEFINE_WAIT(__wait);						\
	long __ret = (timeout);						\
	might_sleep();							\
	for (;;) {							\
		prepare_to_wait(&(wq), &__wait, TASK_INTERRUPTIBLE);	\
		if (cond) {						\
			__ret = __ret ?: 1;				\
			break;						\
		}							\
		if (!__ret)						\
			break;						\
		if (signal_pending_state(TASK_INTERRUPTIBLE, current)) { \
			__ret = -ERESTARTSYS;				\
			break;						\
		}							\
		__ret = schedule_timeout(__ret);			\
	}								\
	finish_wait(&(wq), &__wait);					\
	__ret;								\
})

/* Sleep until @cond or a fatal signal (SIGKILL). Return: 0, or -ERESTARTSYS. */
#define wait_event_killable(wq, cond) ({				\
	int __ret = 0;							\
	might_sleep();							\
	if (!(cond))							\
		__ret = ___wait_event_sig(&(wq), cond, TASK_KILLABLE);	\
	__ret;								\
})

#endif /* _LINUX_WAIT_H */
