/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loading an address space on this CPU (Linux's asm/mmu_context.h). There
 * is no PCID yet: a CR3 write flushes the TLB's non-global entries, so the
 * kernel's (global) mappings stay and the user half starts afresh.
 */
#ifndef _ASM_MMU_CONTEXT_H
#define _ASM_MMU_CONTEXT_H

#include <linux/mm_types.h>
#include <asm/page.h>
#include <asm/processor.h>

/**
 * switch_mm_irqs_off - load @next's page tables if @prev's are loaded
 * @prev: the mm this CPU has loaded
 * @next: the mm to run on
 * @tsk: the task that will run on it (unused until mm_cpumask exists)
 *
 * Context: interrupts off (the scheduler, or a task changing its own mm).
 */
static inline void switch_mm_irqs_off(struct mm_struct *prev, struct mm_struct *next,
				      struct task_struct *tsk)
{
	if (prev != next)
		write_cr3(__pa(next->pgd));
}

#endif /* _ASM_MMU_CONTEXT_H */
