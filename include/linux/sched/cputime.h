/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU time of tasks (kernel/sched/cputime.c), Linux's tick-based
 * accounting: every tick charges a whole tick (TICK_NSEC) to the task it
 * interrupted, to task->utime when it interrupted user mode, to stime
 * otherwise (the idle tasks are not charged). A task sees its own counts;
 * others read them with READ_ONCE() (one u64 store per tick).
 */
#ifndef _LINUX_SCHED_CPUTIME_H
#define _LINUX_SCHED_CPUTIME_H

#include <linux/types.h>

struct task_struct;

/**
 * account_process_tick - charge a tick to @p
 * @p: the task the tick interrupted (current)
 * @user_tick: it was in user mode
 *
 * Context: the tick interrupt.
 */
void account_process_tick(struct task_struct *p, int user_tick);

#endif /* _LINUX_SCHED_CPUTIME_H */
