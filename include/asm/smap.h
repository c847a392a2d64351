/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SMEP and SMAP (arch/x86_64/smap.c): the CPU refuses to execute (SMEP) or,
 * outside stac()...clac(), to read or write (SMAP) a page whose entry has
 * the user bit, while in kernel mode (Intel SDM vol. 3A, 4.6).
 *
 * Both are turned on in CR4 on every CPU when CPUID leaf 7 says the CPU
 * has them, unless the boot parameters nosmep / nosmap say otherwise.
 * stac() and clac() set and clear EFLAGS.AC around the user accesses of
 * asm/uaccess.h; with SMAP off they do nothing (the instructions would be
 * invalid opcodes on a CPU without SMAP).
 */
#ifndef _ASM_SMAP_H
#define _ASM_SMAP_H

#include <linux/types.h>
#include <linux/compiler.h>

#define X86_CR4_SMEP	(1UL << 20)
#define X86_CR4_SMAP	(1UL << 21)
#define X86_EFLAGS_AC	(1UL << 18)

/* Set at boot, before the APs start; read-only after. */
extern bool smep_enabled, smap_enabled;

static __always_inline void stac(void)
{
	if (smap_enabled)
		__asm__ __volatile__("stac" : : : "memory");
}

static __always_inline void clac(void)
{
	if (smap_enabled)
		__asm__ __volatile__("clac" : : : "memory");
}

/* Does this CPU have SMEP / SMAP (CPUID leaf 7), whatever the boot parameters say? */
bool cpu_has_smep(void);
bool cpu_has_smap(void);

/*
 * setup_smep_smap - turn SMEP and SMAP on in this CPU's CR4 as decided on
 * the boot CPU. Context: boot CPU after parse_early_param(); each AP as it
 * starts.
 */
void setup_smep_smap(void);
/* setup_umip - set CR4.UMIP on this CPU if it has UMIP. Context: boot of each CPU. */
void setup_umip(void);

#endif /* _ASM_SMAP_H */
