// SPDX-License-Identifier: GPL-2.0
/*
 * The CMOS real-time clock (Motorola MC146818 and its PC descendants,
 * Linux's arch/x86/kernel/rtc.c and mc146818rtc.h), read once at boot for
 * the wall clock (read_persistent_clock64()).
 *
 * Registers through the index port 0x70 and the data port 0x71: seconds
 * (0x00), minutes (0x02), hours (0x04), day of month (0x07), month
 * (0x08), year of the century (0x09); status A (0x0a) has UIP, set while
 * the chip updates the time (the registers are then inconsistent);
 * status B (0x0b) says binary or BCD (DM) and 24- or 12-hour (with the
 * PM bit in the hour). The century register is the firmware's choice
 * (ACPI FADT); like Linux without it, a two-digit year below 70 is
 * 20xx. A reading is taken when UIP is clear and repeated until two in a
 * row agree, so an update between the registers cannot tear it.
 *
 * No lock: the only reader runs at boot before the other CPUs start.
 */
#include <linux/timekeeping.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/io.h>
#include <asm/processor.h>

#define RTC_PORT_INDEX	0x70
#define RTC_PORT_DATA	0x71

#define RTC_SECONDS	0x00
#define RTC_MINUTES	0x02
#define RTC_HOURS	0x04
#define RTC_DAY		0x07
#define RTC_MONTH	0x08
#define RTC_YEAR	0x09
#define RTC_REG_A	0x0a
#define RTC_REG_B	0x0b

#define RTC_UIP		0x80	/* in A: an update is in progress */
#define RTC_DM_BINARY	0x04	/* in B: binary, not BCD */
#define RTC_24H		0x02	/* in B: 24-hour */
#define RTC_PM		0x80	/* in a 12-hour hour: PM */

#define RTC_UIP_TRIES	1000000	/* an update takes about 2 ms; do not spin forever on a broken chip */

struct rtc_time {
	unsigned int sec, min, hour, day, mon, year;
};

static u8 cmos_read(u8 reg)
{
	outb(reg, RTC_PORT_INDEX);
	return inb(RTC_PORT_DATA);
}

static void rtc_read_raw(struct rtc_time *t)
{
	unsigned int tries = RTC_UIP_TRIES;

	while ((cmos_read(RTC_REG_A) & RTC_UIP) && --tries)
		cpu_relax();
	t->sec = cmos_read(RTC_SECONDS);
	t->min = cmos_read(RTC_MINUTES);
	t->hour = cmos_read(RTC_HOURS);
	t->day = cmos_read(RTC_DAY);
	t->mon = cmos_read(RTC_MONTH);
	t->year = cmos_read(RTC_YEAR);
}

static unsigned int bcd2bin(unsigned int v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

/* @t from the chip's form (BCD or binary, 12- or 24-hour) to binary, 24-hour, full year. */
static void rtc_normalise(struct rtc_time *t, u8 status_b)
{
	bool pm = !(status_b & RTC_24H) && (t->hour & RTC_PM);

	t->hour &= ~RTC_PM;
	if (!(status_b & RTC_DM_BINARY)) {
		t->sec = bcd2bin(t->sec);
		t->min = bcd2bin(t->min);
		t->hour = bcd2bin(t->hour);
		t->day = bcd2bin(t->day);
		t->mon = bcd2bin(t->mon);
		t->year = bcd2bin(t->year);
	}
	if (!(status_b & RTC_24H))
		t->hour = t->hour % 12 + (pm ? 12 : 0);
	t->year += t->year < 70 ? 2000 : 1900;
}

void read_persistent_clock64(struct timespec64 *ts)
{
	struct rtc_time a, b;

	rtc_read_raw(&b);
	do {
		a = b;
		rtc_read_raw(&b);
	} while (memcmp(&a, &b, sizeof(a)));
	rtc_normalise(&a, cmos_read(RTC_REG_B));
	ts->tv_sec = mktime64(a.year, a.mon, a.day, a.hour, a.min, a.sec);
	ts->tv_nsec = 0;
}
