/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loading an address space on this CPU (Linux's asm/mmu_context.h); the
 * code is in arch/x86_64/tlb.c, whose header comment tells the ASID
 * scheme: with PCID, a CPU keeps the translations of its last few mms
 * tagged by ASID, and a switch back to one of them loads CR3 without
 * flushing unless the mm's TLB generation moved meanwhile.
 *
 * mm_cpumask(): this CPU's bit is set in the next mm before its TLB
 * generation is read and its pgd loaded, so a shootdown that bumps the
 * generation after that read reaches this CPU by IPI, and one that bumped
 * it before is seen by the read (the atomic bit operation and the atomic
 * increment order the two). The bit of the previous mm is cleared once
 * CR3 no longer points at its tables: from then on its changes reach this
 * CPU only through the generation, checked at the next switch back.
 */
#ifndef _ASM_MMU_CONTEXT_H
#define _ASM_MMU_CONTEXT_H

#include <linux/mm_types.h>
#include <linux/atomic.h>

struct task_struct;

/* The last ctx_id given (init_mm has 1). */
extern atomic_long_t last_mm_ctx_id;

#define INIT_MM_CONTEXT	{ .ctx_id = 1, .tlb_gen = ATOMIC_INIT(1) }

/* init_new_context - a new mm's identity, generation 1 (mm_alloc()). */
static inline void init_new_context(struct mm_struct *mm)
{
	mm->context.ctx_id = atomic_long_add_return(1, &last_mm_ctx_id);
	atomic_long_set(&mm->context.tlb_gen, 1);
}

/**
 * switch_mm_irqs_off - load @next's page tables on this CPU
 * @prev: the mm this CPU has loaded (the CPU's own record is what counts)
 * @next: the mm to run on
 * @tsk: the task that will run on it
 *
 * Moves this CPU's bit from mm_cpumask(@prev) to mm_cpumask(@next) and
 * loads CR3: with PCID, under the ASID this CPU keeps for @next (flushing
 * that ASID only if @next changed since this CPU last flushed it, or the
 * ASID is new to @next); without, flushing the user half. Nothing happens
 * when @next is loaded already.
 * Context: interrupts off (the scheduler, or a task changing its own mm).
 */
void switch_mm_irqs_off(struct mm_struct *prev, struct mm_struct *next,
			struct task_struct *tsk);

#endif /* _ASM_MMU_CONTEXT_H */
