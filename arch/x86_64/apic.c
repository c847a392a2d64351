// SPDX-License-Identifier: GPL-2.0
/*
 * The local APIC in xAPIC mode (asm/apic.h): its registers are a 4 KiB
 * MMIO page, every CPU seeing its own APIC at that same physical address.
 * The boot CPU needs it before the memory manager runs, so it is mapped
 * uncached at FIX_APIC_BASE first; once vmalloc works, lapic_ioremap()
 * moves it to an ioremap_uc() mapping and frees the fixmap slot. The boot CPU maps it, enables it and
 * takes the timer's rate from CPUID or measures it against the TSC; each other CPU enables its own as
 * it comes up (setup_local_APIC()).
 *
 * x2APIC (MSR access, 32-bit IDs) is not used yet: the QEMU this project
 * runs under emulates xAPIC only with software emulation.
 *
 * Locking: the registers are per CPU; apic_send_IPI() runs with interrupts
 * off so that an interrupt handler sending its own IPI cannot interleave
 * the two writes of the interrupt command register.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <asm/apic.h>
#include <asm/fixmap.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/tsc.h>

#define MSR_IA32_APICBASE		0x1b
#define MSR_IA32_APICBASE_ENABLE	(1UL << 11)

u32 lapic_timer_ticks_per_ms;

/* Where the registers are mapped: the fixmap slot, then ioremap_uc(). */
static void __iomem *apic_mmio;
static phys_addr_t apic_phys;

u32 apic_read(u32 reg)
{
	return readl(apic_mmio + reg);
}

void apic_write(u32 reg, u32 val)
{
	writel(val, apic_mmio + reg);
}

static void apic_wait_icr_idle(void)
{
	while (apic_read(APIC_ICR) & APIC_ICR_BUSY)
		cpu_relax();
}

void apic_send_IPI(u32 apicid, u32 icr)
{
	unsigned long flags;

	local_irq_save(flags);
	apic_wait_icr_idle();
	apic_write(APIC_ICR2, apicid << 24);
	apic_write(APIC_ICR, icr);
	apic_wait_icr_idle();
	local_irq_restore(flags);
}

/*
 * A new mode or vector takes effect at the next expiry, whatever was
 * counting: changing LVTT while the old count runs lets that count expire
 * under the new vector, and the new count then fires a second time (seen
 * under TCG when the host stalls QEMU between the two writes). Stopping
 * the timer first (an initial count of 0, SDM Vol. 3A 11.5.4) closes it.
 */
static void lapic_timer_stop(void)
{
	apic_write(APIC_TMICT, 0);
}

void lapic_timer_periodic(unsigned int hz)
{
	lapic_timer_stop();
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_TIMER_PERIODIC | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, lapic_timer_ticks_per_ms * 1000 / hz);
}

void lapic_timer_oneshot(u32 ticks, u8 vector)
{
	lapic_timer_stop();
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, vector);
	apic_write(APIC_TMICT, ticks);
}

static void apic_error_interrupt(struct pt_regs *regs)
{
	u32 esr;

	apic_write(APIC_ESR, 0);	/* latch the errors into ESR */
	esr = apic_read(APIC_ESR);
	pr_err("APIC error on CPU%u: %02x\n", smp_processor_id(), esr);
}

static void spurious_interrupt(struct pt_regs *regs)
{
	pr_info("spurious APIC interrupt through vector %02lx on CPU#%u, should never happen.\n",
		regs->vector, smp_processor_id());
}

void setup_local_APIC(void)
{
	wrmsr(MSR_IA32_APICBASE, rdmsr(MSR_IA32_APICBASE) | MSR_IA32_APICBASE_ENABLE);
	apic_write(APIC_TASKPRI, 0);
	apic_write(APIC_SPIV, APIC_SPIV_APIC_ENABLED | SPURIOUS_APIC_VECTOR);
	apic_write(APIC_LVTERR, ERROR_APIC_VECTOR);
	apic_write(APIC_ESR, 0);
	apic_write(APIC_ESR, 0);
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	/* The 8259s are masked: LINT0 is unused; LINT1 carries NMIs to CPU 0. */
	apic_write(APIC_LVT0, APIC_LVT_MASKED);
	apic_write(APIC_LVT1, smp_processor_id() ? APIC_LVT_MASKED : APIC_DM_NMI);
	apic_eoi();
}

/*
 * The timer's rate: stated by CPUID (tsc_init() found it), else counted
 * down for CAL_MS of TSC time with the timer masked. A millisecond suffices
 * when the TSC is read on both sides of the start and of the final count:
 * as in tsc.c, a window whose reads straddle more than 1/256 of it is taken
 * again, up to CAL_TRIES times, and the one with the least slack is kept.
 */
#define CAL_MS		1
#define CAL_TRIES	5

/* Timer ticks over one window, its TSC length in *@cycles, and *@slack. */
static u32 APIC_window(u64 *cycles, u64 *slack)
{
	u64 s0, s1, e0, e1, wait = (u64)tsc_khz * CAL_MS;
	u32 left;

	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	s0 = rdtsc_ordered();
	apic_write(APIC_TMICT, 0xffffffffU);
	s1 = rdtsc_ordered();
	while (rdtsc_ordered() - s1 < wait)
		cpu_relax();
	e0 = rdtsc_ordered();
	left = apic_read(APIC_TMCCT);
	e1 = rdtsc_ordered();
	apic_write(APIC_TMICT, 0);
	*slack = (s1 - s0) + (e1 - e0);
	*cycles = (e0 + e1) / 2 - (s0 + s1) / 2;
	return 0xffffffffU - left;
}

static u32 measure_APIC_ticks_per_ms(void)
{
	u64 cycles, slack, best_cycles = 1, best_slack = ~0ULL;
	u32 ticks, best = 0;
	int i;

	for (i = 0; i < CAL_TRIES; i++) {
		ticks = APIC_window(&cycles, &slack);
		if (slack < best_slack) {
			best = ticks;
			best_cycles = cycles;
			best_slack = slack;
		}
		if (slack < cycles / 256)
			break;
	}
	return (u64)best * tsc_khz / best_cycles;
}

static void calibrate_APIC_clock(void)
{
	u32 ticks = lapic_clock_khz ? lapic_clock_khz / 16 : measure_APIC_ticks_per_ms();

	lapic_timer_ticks_per_ms = max(ticks, 1U);
	pr_info("APIC timer: %u ticks per ms (divide by 16)\n", lapic_timer_ticks_per_ms);
}

void init_bsp_APIC(phys_addr_t phys)
{
	__set_fixmap(FIX_APIC_BASE, phys, PAGE_KERNEL_NOCACHE);
	apic_mmio = (void __iomem *)fix_to_virt(FIX_APIC_BASE);
	apic_phys = phys;
	set_vector_handler(ERROR_APIC_VECTOR, apic_error_interrupt);
	set_vector_handler(SPURIOUS_APIC_VECTOR, spurious_interrupt);
	setup_local_APIC();
	pr_info("APIC: local APIC %#x at %pa, version %#x\n", read_apic_id(), &phys,
		apic_read(APIC_LVR) & 0xff);
	calibrate_APIC_clock();
}

/*
 * Move the registers to an ioremap_uc() mapping, as soon as vmalloc works
 * and before the other CPUs start (they only ever see the new mapping).
 * Failing that, the fixmap slot stays.
 */
void lapic_ioremap(void)
{
	void __iomem *p = ioremap_uc(apic_phys, PAGE_SIZE);

	if (!p) {
		pr_warn("APIC: ioremap failed, keeping the fixmap mapping\n");
		return;
	}
	apic_mmio = p;
	__set_fixmap(FIX_APIC_BASE, 0, __pgprot(0));
}

void __iomem *lapic_mmio_base(void)
{
	return apic_mmio;
}
