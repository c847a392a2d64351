/* SPDX-License-Identifier: GPL-2.0 */
/* The page attribute table (arch/x86_64/pat.c). */
#ifndef _ASM_MEMTYPE_H
#define _ASM_MEMTYPE_H

#include <linux/types.h>

/* Whether this machine has PAT and every CPU runs Linux's layout. */
extern bool pat_enabled;

/* Load the layout on this CPU. Context: boot CPU early, each AP as it starts. */
void pat_init(void);

/* The IA32_PAT value every CPU should hold (for the tests). */
u64 pat_msr_expected(void);

#define MSR_IA32_CR_PAT		0x277

#endif /* _ASM_MEMTYPE_H */
