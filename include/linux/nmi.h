/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The soft-lockup detector (kernel/watchdog.c): a CPU that has not
 * switched tasks for 2 * watchdog_thresh seconds while another task waits
 * for it is reported, with the task it runs and where it was interrupted.
 */
#ifndef _LINUX_NMI_H
#define _LINUX_NMI_H

struct pt_regs;

/* Soft-lockup threshold in seconds (watchdog_thresh=; 0: off). */
extern unsigned int watchdog_thresh;

/* touch_softlockup_watchdog - this CPU makes progress (a task switch). Context: any. */
void touch_softlockup_watchdog(void);

/*
 * watchdog_timer_fn - report this CPU if it is stuck; @regs: where the
 * tick interrupted it. Linux runs it from an hrtimer; here every tick
 * calls it. Context: the tick interrupt.
 */
void watchdog_timer_fn(struct pt_regs *regs);

#endif /* _LINUX_NMI_H */
