// SPDX-License-Identifier: GPL-2.0
/*
 * The oldest time calls (Linux's kernel/time/time.c; its mktime64() is
 * in lib/mktime.c here): the user timespec's copy in and out, time(2)
 * and gettimeofday(2) over the wall clock (timekeeping.c). The
 * time zone is UTC ({0, 0}), as a Linux nobody has called settimeofday()
 * on says.
 */
#include <linux/time.h>
#include <linux/timekeeping.h>
#include <linux/jiffies.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

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
