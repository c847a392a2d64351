/* SPDX-License-Identifier: GPL-2.0 */
/* The kernel's clocks (kernel/time/timekeeping.c). */
#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

#include <linux/types.h>
#include <linux/time64.h>

/* ktime_get - nanoseconds since boot, from the TSC. Context: any. */
u64 ktime_get(void);

/*
 * ktime_get_real_ns - the wall clock (CLOCK_REALTIME): nanoseconds since
 * the epoch, the CMOS clock's reading at boot moved on by ktime_get().
 * Context: any.
 */
u64 ktime_get_real_ns(void);

/* getboottime64 - the wall-clock time of boot (/proc/stat's btime). Context: any. */
void getboottime64(struct timespec64 *ts);

/*
 * timekeeping_init - read the CMOS clock once (read_persistent_clock64())
 * and tie it to ktime_get(). Context: boot, after tsc_init().
 */
void timekeeping_init(void);

/*
 * read_persistent_clock64 - the battery-backed clock (arch/x86_64/rtc.c:
 * the MC146818 CMOS RTC), to the second. Context: boot (no lock: the
 * only caller runs before the other CPUs start).
 */
void read_persistent_clock64(struct timespec64 *ts);

/*
 * do_timer - advance jiffies by @ticks. Context: the tick interrupt of
 * the one CPU that keeps time (tick_do_timer_cpu).
 */
void do_timer(unsigned long ticks);

#endif /* _LINUX_TIMEKEEPING_H */
