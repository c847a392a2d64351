// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's clocks (include/linux/timekeeping.h, jiffies.h): jiffies,
 * advanced by the tick of one CPU (tick_do_timer_cpu, the boot CPU), and
 * ktime_get(), nanoseconds from the TSC (arch/x86_64/tsc.c).
 */
#include <linux/timekeeping.h>
#include <linux/jiffies.h>
#include <asm/tsc.h>

unsigned long volatile jiffies;

void do_timer(unsigned long ticks)
{
	jiffies += ticks;
}

u64 ktime_get(void)
{
	return local_clock();
}
