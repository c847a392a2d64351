/* SPDX-License-Identifier: GPL-2.0 */
/*
 * jiffies: ticks of the periodic timer since boot, HZ a second
 * (kernel/time/timekeeping.c counts them, kernel/time/tick-common.c ticks).
 * Compare them with time_after() and friends, which stay right when the
 * counter wraps.
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>
#include <linux/kernel.h>

#define HZ			250

/* Written only by the CPU that runs do_timer(); read anywhere. */
extern unsigned long volatile jiffies;

#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)

/* msecs_to_jiffies - @ms in jiffies, rounded up (a timeout never ends early). */
static inline unsigned long msecs_to_jiffies(unsigned int ms)
{
	return DIV_ROUND_UP((unsigned long)ms * HZ, 1000);
}

#endif /* _LINUX_JIFFIES_H */
