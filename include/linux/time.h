/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The time system calls' types and numbers, Linux's (uapi/linux/time.h,
 * time_types.h): the clock ids, TIMER_ABSTIME, and the user structures
 * (struct __kernel_timespec: 64-bit seconds and nanoseconds;
 * struct __kernel_old_timeval: seconds and microseconds; struct timezone).
 */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

#include <linux/types.h>
#include <linux/time64.h>
#include <linux/compiler.h>
#include <linux/jiffies.h>

#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1
#define CLOCK_PROCESS_CPUTIME_ID	2
#define CLOCK_THREAD_CPUTIME_ID		3
#define CLOCK_MONOTONIC_RAW		4
#define CLOCK_REALTIME_COARSE		5
#define CLOCK_MONOTONIC_COARSE		6
#define CLOCK_BOOTTIME			7
#define CLOCK_REALTIME_ALARM		8
#define CLOCK_BOOTTIME_ALARM		9
#define CLOCK_TAI			11

#define TIMER_ABSTIME			0x01	/* clock_nanosleep(): @rqtp is a time, not a span */

#define MSEC_PER_SEC	1000L
#define NSEC_PER_USEC	1000L
#define NSEC_PER_MSEC	1000000L
#define USEC_PER_SEC	1000000L
#define TICK_NSEC	(NSEC_PER_SEC / HZ)	/* the coarse clocks' resolution */

struct __kernel_timespec {
	s64 tv_sec;
	long long tv_nsec;
};

struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

/* A time a user may give: seconds not negative, nanoseconds in [0, 1 s). */
static inline bool timespec64_valid(const struct timespec64 *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 && ts->tv_nsec < NSEC_PER_SEC;
}

static inline s64 timespec64_to_ns(const struct timespec64 *ts)
{
	return ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

/*
 * get_timespec64 / put_timespec64 - a struct __kernel_timespec from or to
 * user memory. Return: 0 or -EFAULT. Context: may fault.
 */
int get_timespec64(struct timespec64 *ts, const struct __kernel_timespec __user *uts);
int put_timespec64(const struct timespec64 *ts, struct __kernel_timespec __user *uts);

#endif /* _LINUX_TIME_H */
