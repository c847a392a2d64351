// SPDX-License-Identifier: GPL-2.0
/*
 * TSC calibration: take the frequency from what the platform states, and
 * measure it only when nothing does, as Linux's native_calibrate_tsc() and
 * its quick PIT calibration.
 *
 *   1. CPUID leaf 0x15 (TSC/crystal ratio and the crystal's Hz; Intel since
 *      Skylake), with leaf 0x16's base MHz when the crystal is not named;
 *      the local APIC timer runs off that crystal, so its rate is known too.
 *   2. The hypervisor timing leaf 0x40000010 (TSC kHz and APIC bus kHz), as
 *      VMware, and QEMU with vmware-cpuid-freq=on, state it.
 *   3. Otherwise the 8254 PIT, the one clock every PC has, over CAL_MS: its
 *      channel 2 counts down at 1.193182 MHz in mode 0 ("interrupt on
 *      terminal count"); its OUT pin, readable in bit 5 of port 0x61, rises
 *      when the count reaches zero. The gate (port 0x61 bit 0) starts the
 *      count, the speaker (bit 1) stays off. One millisecond is enough when
 *      the TSC is read just before and after each edge: a window whose reads
 *      straddle more than 0.4 % of it (the emulator's vCPU was descheduled)
 *      is taken again, up to CAL_TRIES times. QEMU with software emulation states nothing, so it
 *      always takes this path; under -icount its TSC and PIT both follow the
 *      instruction count (1 GHz), without it both follow the host's clock.
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
#define CAL_MS		1
#define CAL_TRIES	5
#define PIT_COUNT	(PIT_HZ * CAL_MS / 1000)

#define CPUID_TSC_LEAF		0x15
#define CPUID_FREQ_LEAF		0x16
#define CPUID_HYPERVISOR	(1U << 31)	/* leaf 1, ECX */
#define HYPERVISOR_BASE_LEAF	0x40000000
#define HYPERVISOR_TIMING_LEAF	0x40000010

unsigned long tsc_khz;
unsigned long lapic_clock_khz;
/* ns = cycles * cyc2ns_mul >> CYC2NS_SHIFT: a multiply, never a division. */
#define CYC2NS_SHIFT	32
static u64 cyc2ns_mul;

static u32 cpuid_eax(u32 leaf)
{
	u32 a, b, c, d;

	cpuid(leaf, &a, &b, &c, &d);
	return a;
}

/* Leaves 0x15/0x16: the TSC as a ratio of the core crystal clock. */
static unsigned long cpuid_tsc_khz(void)
{
	u32 max = cpuid_eax(0), den, num, crystal_hz, d;

	if (max < CPUID_TSC_LEAF)
		return 0;
	cpuid(CPUID_TSC_LEAF, &den, &num, &crystal_hz, &d);
	if (!den || !num)
		return 0;
	lapic_clock_khz = crystal_hz / 1000;
	/* No crystal named: derive it from the base frequency (leaf 0x16). */
	if (!lapic_clock_khz && max >= CPUID_FREQ_LEAF)
		lapic_clock_khz = (unsigned long)(cpuid_eax(CPUID_FREQ_LEAF) & 0xffff) *
				  1000 * den / num;
	return lapic_clock_khz * num / den;
}

/* Leaf 0x40000010 of a hypervisor that lists it: TSC kHz, APIC bus kHz. */
static unsigned long hypervisor_tsc_khz(void)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	if (!(c & CPUID_HYPERVISOR) ||
	    cpuid_eax(HYPERVISOR_BASE_LEAF) < HYPERVISOR_TIMING_LEAF)
		return 0;
	cpuid(HYPERVISOR_TIMING_LEAF, &a, &b, &c, &d);
	if (a)
		lapic_clock_khz = b;
	return a;
}

/*
 * One window: TSC cycles while PIT channel 2 counts CAL_MS down, the TSC
 * read on both sides of each edge; *@slack is how far apart those reads
 * were (an emulator's vCPU may be descheduled between them). 0 if OUT
 * never rises.
 */
static u64 pit_window(u64 *slack)
{
	u32 count = PIT_COUNT;
	unsigned long spins = 0;
	u64 s0, s1, prev, e0, e1;
	u8 gate = inb(PIT_GATE);

	outb((gate & ~0x02) & ~0x01, PIT_GATE);	/* gate low, speaker off */
	outb(0xb0, PIT_CMD);			/* ch2, lobyte/hibyte, mode 0, binary */
	outb(count & 0xff, PIT_CH2);
	outb(count >> 8, PIT_CH2);
	s0 = rdtsc_ordered();
	outb((gate & ~0x02) | 0x01, PIT_GATE);	/* gate high: count */
	s1 = prev = rdtsc_ordered();
	/* OUT rose after the previous read began and before this one ended. */
	for (;;) {
		e0 = rdtsc_ordered();
		if (inb(PIT_GATE) & 0x20)
			break;
		prev = e0;
		if (++spins > 100000000UL)
			return 0;
	}
	e1 = rdtsc_ordered();
	outb(gate, PIT_GATE);
	*slack = (s1 - s0) + (e1 - prev);
	return (e1 + prev) / 2 - (s1 + s0) / 2;
}

/*
 * The best of a few windows: the first whose edges were read within 1/256
 * of it (0.4 %), else the one with the least slack.
 */
static unsigned long pit_tsc_khz(void)
{
	u64 best = 0, best_slack = ~0ULL, delta, slack;
	int i;

	for (i = 0; i < CAL_TRIES; i++) {
		delta = pit_window(&slack);
		if (!delta)
			return 0;
		if (slack < best_slack) {
			best = delta;
			best_slack = slack;
		}
		if (slack < delta / 256)
			break;
	}
	/* The window is PIT_COUNT ticks, a little under CAL_MS. */
	return best * PIT_HZ / (PIT_COUNT * 1000ULL);
}

void tsc_init(void)
{
	tsc_khz = cpuid_tsc_khz();
	if (!tsc_khz)
		tsc_khz = hypervisor_tsc_khz();
	if (!tsc_khz)
		tsc_khz = pit_tsc_khz();
	if (tsc_khz) {
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
