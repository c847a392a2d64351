/* SPDX-License-Identifier: GPL-2.0 */
/* Seconds and nanoseconds as 64-bit values (Linux's time64.h): inode times. */
#ifndef _LINUX_TIME64_H
#define _LINUX_TIME64_H

#include <linux/types.h>

typedef s64 time64_t;

struct timespec64 {
	time64_t tv_sec;
	long tv_nsec;
};

#define NSEC_PER_SEC	1000000000L

/* UTIME_NOW / UTIME_OMIT in tv_nsec: utimensat()'s "now" and "leave alone". */
#define UTIME_NOW	((1L << 30) - 1L)
#define UTIME_OMIT	((1L << 30) - 2L)

static inline struct timespec64 ns_to_timespec64(u64 ns)
{
	return (struct timespec64){ .tv_sec = ns / NSEC_PER_SEC, .tv_nsec = ns % NSEC_PER_SEC };
}

/*
 * mktime64 - seconds since 1970-01-01 00:00:00 UTC of a Gregorian date
 * (lib/mktime.c): @year in full (0 and later; before 1970 is negative),
 * @mon 1..12, @day 1..31, @hour, @min, @sec. Context: any.
 */
time64_t mktime64(unsigned int year, unsigned int mon, unsigned int day,
		  unsigned int hour, unsigned int min, unsigned int sec);

#endif /* _LINUX_TIME64_H */
