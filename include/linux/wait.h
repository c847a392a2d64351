/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Wait queues (kernel/sched/wait.c): a task sleeps on a wait_queue_head
 * until a condition holds; wake_up() wakes the sleepers, who test their
 * condition again. wait_event(wq, cond) is the usual form.
 *
 * Locking: wq_head->lock (interrupts off) protects the list; a sleeper
 * adds itself and sets its state before testing the condition, so a
 * wake_up() after the condition became true cannot be missed.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/spinlock.h>
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

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

struct wait_queue_entry {
	struct task_struct *task;
	struct list_head entry;
};

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) {				\
	.lock = __SPIN_LOCK_UNLOCKED(name.lock),			\
	.head = LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name)	\
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

#define init_waitqueue_head(wq) do {					\
	spin_lock_init(&(wq)->lock);					\
	INIT_LIST_HEAD(&(wq)->head);					\
} while (0)

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait, int state);
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait);
/* Wake every sleeper of @wq. Context: any. */
void wake_up(struct wait_queue_head *wq);

#define ___wait_event(wq, cond, state, timeout) ({			\
	struct wait_queue_entry __wait = { .task = NULL };		\
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
	struct wait_queue_entry __wait = { .task = NULL };		\
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
	struct wait_queue_entry __wait = { .task = NULL };		\
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
