// SPDX-License-Identifier: GPL-2.0
/*
 * Calendar arithmetic and the oldest time calls (Linux's
 * kernel/time/time.c): mktime64(), the user timespec's copy in and out,
 * time(2) and gettimeofday(2) over the wall clock (timekeeping.c). The
 * time zone is UTC ({0, 0}), as a Linux nobody has called settimeofday()
 * on says.
 */
#include <linux/time.h>
#include <linux/timekeeping.h>
#include <linux/jiffies.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

/*
 * Days from 1970-01-01 to a date: the year is counted from March, so the
 * leap day is the last day of its year; then whole 400-year eras (146097
 * days), years of the era, and days of the year from the month's
 * position (153 days every five months from March).
 */
time64_t mktime64(unsigned int year, unsigned int mon, unsigned int day,
		  unsigned int hour, unsigned int min, unsigned int sec)
{
	long y = (long)year - (mon <= 2);
	long era = y / 400;
	long yoe = y - era * 400;					/* [0, 399] */
	long doy = (153 * (mon > 2 ? mon - 3 : mon + 9) + 2) / 5 + day - 1;	/* [0, 365] */
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;		/* [0, 146096] */
	long days = era * 146097 + doe - 719468;	/* 719468: 0000-03-01 to 1970-01-01 */

	return ((days * 24 + hour) * 60 + min) * 60 + (time64_t)sec;
}

int get_timespec64(struct timespec64 *ts, const struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec kts;

	if (copy_from_user(&kts, uts, sizeof(kts)))
		return -EFAULT;
	ts->tv_sec = kts.tv_sec;
	ts->tv_nsec = kts.tv_nsec;	/* a 64-bit caller's: no upper half to clear */
	return 0;
}

int put_timespec64(const struct timespec64 *ts, struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec kts = { .tv_sec = ts->tv_sec, .tv_nsec = ts->tv_nsec };

	return copy_to_user(uts, &kts, sizeof(kts)) ? -EFAULT : 0;
}

SYSCALL_DEFINE1(time, long __user *, tloc)
{
	long now = ktime_get_real_ns() / NSEC_PER_SEC;

	if (tloc && put_user(now, tloc))
		return -EFAULT;
	return now;
}

SYSCALL_DEFINE2(gettimeofday, struct __kernel_old_timeval __user *, tv,
		struct timezone __user *, tz)
{
	if (tv) {
		u64 now = ktime_get_real_ns();
		struct __kernel_old_timeval ktv = {
			.tv_sec = now / NSEC_PER_SEC,
			.tv_usec = now % NSEC_PER_SEC / NSEC_PER_USEC,
		};

		if (copy_to_user(tv, &ktv, sizeof(ktv)))
			return -EFAULT;
	}
	if (tz && copy_to_user(tz, &(struct timezone){ 0, 0 }, sizeof(*tz)))
		return -EFAULT;
	return 0;
}
