/* SPDX-License-Identifier: GPL-2.0 */
/* The kernel's clocks (kernel/time/timekeeping.c). */
#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

#include <linux/types.h>

/* ktime_get - nanoseconds since boot, from the TSC. Context: any. */
u64 ktime_get(void);

/*
 * do_timer - advance jiffies by @ticks. Context: the tick interrupt of
 * the one CPU that keeps time (tick_do_timer_cpu).
 */
void do_timer(unsigned long ticks);

#endif /* _LINUX_TIMEKEEPING_H */
