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

/* Measure tsc_khz against the PIT. */
void tsc_init(void);

/* Nanoseconds since reset (0 before tsc_init()). Context: any. */
u64 local_clock(void);

/* Convert a TSC delta to nanoseconds. */
u64 cycles_to_ns(u64 cycles);

#endif /* _ASM_TSC_H */
