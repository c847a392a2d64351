// SPDX-License-Identifier: GPL-2.0
/*
 * Tick-based CPU time accounting (include/linux/sched/cputime.h): the
 * tick's task gets TICK_NSEC more user or system time. Linux's
 * CONFIG_TICK_CPU_ACCOUNTING without the per-CPU kernel_stat counters;
 * times(), getrusage() and wait4() (kernel/sys.c, kernel/exit.c) read it.
 */
#include <linux/sched/cputime.h>
#include <linux/sched.h>
#include <linux/time.h>

void account_process_tick(struct task_struct *p, int user_tick)
{
	if (p->flags & PF_IDLE)
		return;
	if (user_tick)
		WRITE_ONCE(p->utime, p->utime + TICK_NSEC);
	else
		WRITE_ONCE(p->stime, p->stime + TICK_NSEC);
}
