/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Starting the application processors (arch/x86_64/smpboot.c,
 * trampoline.S). The trampoline and its page tables sit at a fixed place
 * in the low 1 MiB, which memblock keeps reserved: the code page, then the
 * PGD, a PUD and a PMD that identity-map the low 2 MiB.
 */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

#define TRAMPOLINE_BASE		0x8000
#define TRAMPOLINE_PGD		(TRAMPOLINE_BASE + 0x1000)
#define TRAMPOLINE_PUD		(TRAMPOLINE_BASE + 0x2000)
#define TRAMPOLINE_PMD		(TRAMPOLINE_BASE + 0x3000)

#ifndef __ASSEMBLER__
#include <linux/types.h>

/* Physical APIC ID of each logical CPU (set from the MADT). */
extern u32 x86_cpu_to_apicid[];

/*
 * smp_init - start every possible CPU that is not running yet; each
 * becomes online or is reported and left out. Context: boot, after the
 * page allocator is up, interrupts off.
 */
void smp_init(void);
#endif

#endif /* _ASM_SMP_H */
