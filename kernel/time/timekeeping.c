// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's clocks (include/linux/timekeeping.h, jiffies.h): jiffies,
 * advanced by the tick of one CPU (tick_do_timer_cpu, the boot CPU), and
 * ktime_get(), nanoseconds from the TSC (arch/x86_64/tsc.c).
 *
 * The wall clock: timekeeping_init() reads the CMOS clock once at boot
 * and keeps real_offset, the wall time minus ktime_get() at that moment;
 * CLOCK_REALTIME is then ktime_get() + real_offset. Nothing sets the
 * time afterwards (no settimeofday, no NTP), so real_offset is written
 * once, before the other CPUs start, and read without a lock.
 */
#include <linux/timekeeping.h>
#include <linux/jiffies.h>
#include <linux/printk.h>
#include <asm/tsc.h>

unsigned long volatile jiffies;

static s64 real_offset;		/* wall ns - ktime_get() ns; set once at boot */

void do_timer(unsigned long ticks)
{
	jiffies += ticks;
}

u64 ktime_get(void)
{
	return local_clock();
}

u64 ktime_get_real_ns(void)
{
	return ktime_get() + real_offset;
}

void getboottime64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(real_offset);
}

void timekeeping_init(void)
{
	struct timespec64 now;

	read_persistent_clock64(&now);
	real_offset = now.tv_sec * NSEC_PER_SEC + now.tv_nsec - (s64)ktime_get();
	pr_info("clocksource: wall clock %lld s since the epoch (CMOS RTC)\n",
		(long long)now.tv_sec);
}
