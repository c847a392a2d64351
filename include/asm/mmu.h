/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The architecture's part of an address space (Linux's asm/mmu.h): what
 * the TLB code (arch/x86_64/tlb.c) needs to know of each mm.
 */
#ifndef _ASM_MMU_H
#define _ASM_MMU_H

#include <linux/types.h>
#include <linux/atomic.h>

/**
 * typedef mm_context_t - an mm's identity and TLB generation
 * @ctx_id: unique for the life of the kernel (never reused, unlike the
 *          mm_struct's address): a CPU's ASID slot names its mm by it
 * @tlb_gen: bumped before every flush of the mm's user translations
 *           (inc_mm_tlb_gen()); a CPU whose slot for the mm holds an
 *           older generation must flush that ASID before trusting it.
 *           Starts at 1. Atomic: any CPU may bump it.
 */
typedef struct {
	u64 ctx_id;
	atomic_long_t tlb_gen;
} mm_context_t;

#endif /* _ASM_MMU_H */
