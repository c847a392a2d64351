// SPDX-License-Identifier: GPL-2.0
/*
 * TSC calibration against the 8254 PIT, the one clock every PC has.
 *
 * PIT channel 2 counts down at 1.193182 MHz in mode 0 ("interrupt on terminal
 * count"); its OUT pin is readable in bit 5 of port 0x61 and goes high when
 * the count reaches zero. Read the TSC, let channel 2 count CAL_MS
 * milliseconds, read the TSC again. The gate (port 0x61 bit 0) starts the
 * count, the speaker (bit 1) stays off.
 *
 * If OUT never rises (no PIT, a broken emulator) the loop gives up after a
 * bounded number of reads and assumes 1 GHz, with a warning: timestamps are
 * then wrong, never a hang.
 */
#include <linux/printk.h>
#include <linux/delay.h>
#include <asm/tsc.h>
#include <asm/io.h>
#include <asm/processor.h>

#define PIT_HZ		1193182UL
#define PIT_CH2		0x42
#define PIT_CMD		0x43
#define PIT_GATE	0x61
#define CAL_MS		10

unsigned long tsc_khz;
/* ns = cycles * cyc2ns_mul >> CYC2NS_SHIFT: a multiply, never a division. */
#define CYC2NS_SHIFT	32
static u64 cyc2ns_mul;

static u64 pit_measure_tsc(bool *ok)
{
	u32 count = PIT_HZ * CAL_MS / 1000;
	unsigned long spins = 0;
	u64 t0, t1;
	u8 gate = inb(PIT_GATE);

	outb((gate & ~0x02) & ~0x01, PIT_GATE);	/* gate low, speaker off */
	outb(0xb0, PIT_CMD);			/* ch2, lobyte/hibyte, mode 0, binary */
	outb(count & 0xff, PIT_CH2);
	outb(count >> 8, PIT_CH2);
	t0 = rdtsc_ordered();
	outb((gate & ~0x02) | 0x01, PIT_GATE);	/* gate high: count */
	while (!(inb(PIT_GATE) & 0x20)) {
		if (++spins > 100000000UL) {
			*ok = false;
			return 0;
		}
	}
	t1 = rdtsc_ordered();
	outb(gate, PIT_GATE);
	*ok = true;
	return t1 - t0;
}

void tsc_init(void)
{
	bool ok;
	u64 delta = pit_measure_tsc(&ok);

	if (ok && delta) {
		tsc_khz = delta / CAL_MS;
		pr_info("tsc: Detected %lu.%03lu MHz processor\n", tsc_khz / 1000,
			tsc_khz % 1000);
	} else {
		tsc_khz = 1000000;
		pr_warn("tsc: PIT calibration failed, assuming %lu.%03lu MHz\n",
			tsc_khz / 1000, tsc_khz % 1000);
	}
	cyc2ns_mul = (1000000ULL << CYC2NS_SHIFT) / tsc_khz;
}

u64 cycles_to_ns(u64 cycles)
{
	return (u64)(((unsigned __int128)cycles * cyc2ns_mul) >> CYC2NS_SHIFT);
}

u64 local_clock(void)
{
	return cycles_to_ns(rdtsc_ordered());
}

void udelay(unsigned long usecs)
{
	u64 t0 = rdtsc_ordered(), cycles = (u64)tsc_khz * usecs / 1000;

	while (rdtsc_ordered() - t0 < cycles)
		cpu_relax();
}
