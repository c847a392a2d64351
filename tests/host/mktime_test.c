// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of lib/mktime.c: mktime64() of every day from 1600 to 2500
 * against a count of days kept one day at a time with the calendar's
 * rules (month lengths, leap years every 4 years but not every 100 unless
 * every 400), and the time of day added on top.
 */
#include <linux/time64.h>
#include "htest.h"

static unsigned int days_in_month(unsigned int year, unsigned int mon)
{
	static const unsigned char days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return days[mon - 1] + (mon == 2 && leap);
}

HTEST(mktime64_counts_every_day_from_1600_to_2500)
{
	/* 1600-01-01 is 135140 days before the epoch: 370 years, 90 leap days */
	long days = -135140;
	unsigned int y, m, d;

	for (y = 1600; y <= 2500; y++)
		for (m = 1; m <= 12; m++)
			for (d = 1; d <= days_in_month(y, m); d++, days++)
				HT_ASSERT_EQ(mktime64(y, m, d, 0, 0, 0), days * 86400);
	HT_EXPECT_EQ(mktime64(1970, 1, 1, 0, 0, 0), 0);
}

HTEST(mktime64_adds_the_time_of_day)
{
	HT_EXPECT_EQ(mktime64(1970, 1, 1, 23, 59, 59), 86399);
	HT_EXPECT_EQ(mktime64(2038, 1, 19, 3, 14, 8), 2147483648LL);
	HT_EXPECT_EQ(mktime64(2026, 12, 7, 12, 0, 0) - mktime64(2026, 12, 7, 0, 0, 0), 43200);
}
