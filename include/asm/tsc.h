/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The time stamp counter: the kernel's clock (arch/x86_64/tsc.c). The TSC
 * starts at 0 at reset, so tsc / tsc_khz is the time since reset. Under
 * QEMU's -icount shift=0 it advances one per instruction.
 */
#ifndef _ASM_TSC_H
#define _ASM_TSC_H

#include <linux/types.h>

extern unsigned long tsc_khz;
/*
 * The local APIC timer's input clock in kHz when CPUID states it (leaf
 * 0x15's crystal, the hypervisor leaf's APIC bus), else 0: it is measured.
 */
extern unsigned long lapic_clock_khz;

/*
 * tsc_init - set tsc_khz (and lapic_clock_khz when known) from CPUID, or
 * from a short PIT measurement. Context: boot CPU, early, interrupts off.
 */
void tsc_init(void);

/* Nanoseconds since reset (0 before tsc_init()). Context: any. */
u64 local_clock(void);

/* Convert a TSC delta to nanoseconds. */
u64 cycles_to_ns(u64 cycles);

#endif /* _ASM_TSC_H */
