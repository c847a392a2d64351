// SPDX-License-Identifier: GPL-2.0
/*
 * mktime64(): a Gregorian date and time of day as seconds since the Unix
 * epoch (linux/time64.h). Linux keeps it in kernel/time/time.c; it is
 * pure arithmetic, so it lives in lib/ and the host tests check it
 * against a day-by-day count of the calendar.
 *
 * The year is counted from March, so that the leap day is the last day
 * of its year; the days are then whole 400-year eras (146097 days), the
 * years of the era with their leap days, and the day of the year from
 * the month's position (153 days every five months from March).
 */
#include <linux/time64.h>

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
