/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loading an address space on this CPU (Linux's asm/mmu_context.h). There
 * is no PCID yet: a CR3 write flushes the TLB's non-global entries, so the
 * kernel's (global) mappings stay and the user half starts afresh.
 *
 * mm_cpumask(): this CPU's bit is set in the next mm before its pgd is
 * loaded, so a shootdown that changes a pte after the bit is visible
 * reaches this CPU, and one that read the mask earlier changed the pte
 * before this CPU could cache it (the atomic bit operation here, and
 * the flusher's full barrier between its pte writes and its read of the
 * mask, arch/x86_64/tlb.c, order the two). The bit of the previous mm is cleared once CR3 no longer points
 * at its tables: from then on this CPU caches none of its entries.
 */
#ifndef _ASM_MMU_CONTEXT_H
#define _ASM_MMU_CONTEXT_H

#include <linux/mm_types.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <asm/page.h>
#include <asm/processor.h>

/**
 * switch_mm_irqs_off - load @next's page tables if @prev's are loaded
 * @prev: the mm this CPU has loaded
 * @next: the mm to run on
 * @tsk: the task that will run on it (unused without PCID)
 *
 * Moves this CPU's bit from mm_cpumask(@prev) to mm_cpumask(@next).
 * Context: interrupts off (the scheduler, or a task changing its own mm).
 */
static inline void switch_mm_irqs_off(struct mm_struct *prev, struct mm_struct *next,
				      struct task_struct *tsk)
{
	unsigned int cpu = raw_smp_processor_id();

	if (prev == next)
		return;
	cpumask_set_cpu(cpu, mm_cpumask(next));
	write_cr3(__pa(next->pgd));
	cpumask_clear_cpu(cpu, mm_cpumask(prev));
}

#endif /* _ASM_MMU_CONTEXT_H */
