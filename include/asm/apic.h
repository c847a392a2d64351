/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The local APIC (arch/x86_64/apic.c), in xAPIC mode through its MMIO page
 * at FIX_APIC_BASE: every CPU's own interrupt controller, timer, and the
 * sender of inter-processor interrupts. Register offsets and vector numbers
 * are Linux's.
 */
#ifndef _ASM_APIC_H
#define _ASM_APIC_H

#include <linux/types.h>
#include <asm/io.h>

#define APIC_DEFAULT_PHYS_BASE	0xfee00000UL

#define APIC_ID		0x20
#define APIC_LVR	0x30
#define APIC_TASKPRI	0x80
#define APIC_EOI	0xb0
#define APIC_LDR	0xd0
#define APIC_DFR	0xe0
#define APIC_SPIV	0xf0
#define  APIC_SPIV_APIC_ENABLED	(1U << 8)
#define APIC_ESR	0x280
#define APIC_ICR	0x300
#define  APIC_DEST_SELF		0x40000
#define  APIC_DEST_ALLINC	0x80000
#define  APIC_DEST_ALLBUT	0xc0000
#define  APIC_ICR_BUSY		0x01000
#define  APIC_INT_LEVELTRIG	0x08000
#define  APIC_INT_ASSERT	0x04000
#define  APIC_DM_FIXED		0x00000
#define  APIC_DM_NMI		0x00400
#define  APIC_DM_INIT		0x00500
#define  APIC_DM_STARTUP	0x00600
#define APIC_ICR2	0x310
#define APIC_LVTT	0x320
#define  APIC_LVT_TIMER_PERIODIC	(1U << 17)
#define APIC_LVTPC	0x340
#define APIC_LVT0	0x350
#define APIC_LVT1	0x360
#define APIC_LVTERR	0x370
#define  APIC_LVT_MASKED	(1U << 16)
#define APIC_TMICT	0x380
#define APIC_TMCCT	0x390
#define APIC_TDCR	0x3e0
#define  APIC_TDR_DIV_16	0x3

/* System vectors, from the top as Linux allocates them. */
#define SPURIOUS_APIC_VECTOR		0xff
#define ERROR_APIC_VECTOR		0xfe
#define RESCHEDULE_VECTOR		0xfd
#define CALL_FUNCTION_VECTOR		0xfc
#define CALL_FUNCTION_SINGLE_VECTOR	0xfb
#define LOCAL_TIMER_VECTOR		0xec

/* APIC timer ticks (divide by 16) per millisecond, from calibrate_APIC_clock(). */
extern u32 lapic_timer_ticks_per_ms;

u32 apic_read(u32 reg);
void apic_write(u32 reg, u32 val);

static inline void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

static inline u32 read_apic_id(void)
{
	return apic_read(APIC_ID) >> 24;
}

/*
 * init_bsp_APIC - map the local APIC at @phys (from the MADT, or the
 * default), enable it on the boot CPU and calibrate its timer against the
 * TSC. Context: boot, once, interrupts off.
 */
void init_bsp_APIC(phys_addr_t phys);

/* Once vmalloc works: the registers move from the fixmap to ioremap_uc(). */
void lapic_ioremap(void);
/* Where the registers are mapped now (for the tests). */
void __iomem *lapic_mmio_base(void);

/* setup_local_APIC - enable this CPU's APIC (every CPU, at bring-up). */
void setup_local_APIC(void);

/*
 * apic_send_IPI - send interrupt command @icr (vector | delivery mode |
 * shorthand) to the CPU with APIC ID @apicid, and wait until the APIC has
 * accepted it. Context: any, interrupts off or on.
 */
void apic_send_IPI(u32 apicid, u32 icr);

/* Arm this CPU's timer once: @vector after @ticks (divide by 16). */
void lapic_timer_oneshot(u32 ticks, u8 vector);
/* Run this CPU's timer @hz times a second on LOCAL_TIMER_VECTOR (the tick). */
void lapic_timer_periodic(unsigned int hz);

#endif /* _ASM_APIC_H */
