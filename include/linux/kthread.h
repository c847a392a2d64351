/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel threads (kernel/kthread.c), Linux's interface: a kthread runs
 * threadfn(data) in its own task until it returns or, when it polls
 * kthread_should_stop(), until kthread_stop() asks it to.
 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/sched.h>

/*
 * kthread_create - a new kthread, not yet running (wake_up_process()
 * starts it, on the least loaded CPU unless kthread_bind() chose one).
 * kthreadd makes it, so it is kthreadd's child whoever asks.
 * Return: the task, or NULL when memory is short. Context: may sleep;
 * not before rest_init() has started kthreadd.
 */
struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...) __printf(3, 4);

#define kthread_run(threadfn, data, namefmt, ...) ({			\
	struct task_struct *__k = kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
	if (__k)							\
		wake_up_process(__k);					\
	__k;								\
})

/* Run @k only on @cpu; before it is first woken. */
void kthread_bind(struct task_struct *k, unsigned int cpu);
bool kthread_should_stop(void);
/*
 * kthread_stop - ask @k to stop, wait for it to exit and free it.
 * Return: its threadfn's result, or -EINTR if it never ran.
 * Context: may sleep; @k must not have been stopped before.
 */
int kthread_stop(struct task_struct *k);

/* kthreadd (pid 2): makes the kthreads asked for; started by rest_init(). */
int kthreadd(void *unused);
extern struct task_struct *kthreadd_task;

#endif /* _LINUX_KTHREAD_H */
