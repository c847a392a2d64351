/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct signal_struct: what the threads of a process share beyond the
 * mm and the files (Linux's kernel/signal.c and kernel/sys.c data). So
 * far it holds the resource limits and the queue wait4() sleeps on;
 * signals proper come with their issue. Kernel threads share
 * init_signal; fork gives a process its own copy (kernel/fork.c), freed
 * with the task (free_task()).
 *
 * Locking: a limit is read with READ_ONCE() of one word; setrlimit()
 * and prlimit64() (kernel/sys.c) write under task_lock() of the task
 * and store each word once; fork copies the limits under the same lock.
 */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/wait.h>

struct signal_struct {
	struct rlimit rlim[RLIM_NLIMITS];	/* writers: task_lock() of a task of the process */
	/* wait4() and waitid() sleep here; a child's exit wakes them (kernel/exit.c). */
	wait_queue_head_t wait_chldexit;
};

extern struct signal_struct init_signal;

static inline unsigned long task_rlimit(const struct task_struct *task, unsigned int limit)
{
	return READ_ONCE(task->signal->rlim[limit].rlim_cur);
}

static inline unsigned long task_rlimit_max(const struct task_struct *task, unsigned int limit)
{
	return READ_ONCE(task->signal->rlim[limit].rlim_max);
}

/* The calling task's soft limit of @limit (RLIMIT_*). */
static inline unsigned long rlimit(unsigned int limit)
{
	return task_rlimit(current, limit);
}

static inline unsigned long rlimit_max(unsigned int limit)
{
	return task_rlimit_max(current, limit);
}

#endif /* _LINUX_SCHED_SIGNAL_H */
