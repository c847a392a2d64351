/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel TLB flushing, with Linux's names.
 *
 * The TLB caches translations; after a present entry changes (a mapping
 * removed, moved or made less permissive) the CPU may keep using the old
 * one until it is flushed. The page-table helpers (asm/pgtable.h) never
 * flush; the code that changes entries calls one of these afterwards.
 *
 *   __flush_tlb_one_kernel(addr)   one page, this CPU: invlpg
 *   __flush_tlb_all()              everything on this CPU, global entries too
 *   flush_tlb_kernel_range(s, e)   a kernel range: per page up to
 *                                  tlb_single_page_flush_ceiling pages
 *                                  (Linux's 33), beyond that everything
 *
 * Single CPU for now: the SMP work makes flush_tlb_kernel_range() send the
 * same flush to every online CPU by IPI and wait for them, as Linux does.
 */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/irqflags.h>

/* Whole end of the address space: flush_tlb_kernel_range(x, TLB_FLUSH_ALL). */
#define TLB_FLUSH_ALL	(~0UL)

/*
 * Past this many pages one full flush is cheaper than invlpg per page
 * (Linux's measured default).
 */
#define tlb_single_page_flush_ceiling	33UL


/* Drops this CPU's translation of the page holding @addr, global or not. */
static inline void __flush_tlb_one_kernel(unsigned long addr)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(addr) : "memory");
}

/*
 * Flushes this CPU's whole TLB. A CR3 load keeps global entries (the
 * kernel's, with CR4.PGE on); turning PGE off and on drops them all
 * (Intel SDM vol. 3, 4.10.4.1). Interrupts stay off in between so that
 * nothing runs with PGE half-toggled.
 */
static inline void __flush_tlb_all(void)
{
	unsigned long flags, cr4;

	local_irq_save(flags);
	cr4 = read_cr4();
	if (cr4 & X86_CR4_PGE) {
		write_cr4(cr4 ^ X86_CR4_PGE);
		write_cr4(cr4);
	} else {
		write_cr3(read_cr3());
	}
	local_irq_restore(flags);
}

/**
 * flush_tlb_kernel_range - flush kernel translations of [@start, @end)
 * @start: first address
 * @end: end (exclusive), or TLB_FLUSH_ALL
 *
 * Context: any; this CPU only until SMP.
 */
static inline void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	unsigned long addr;

	if (end == TLB_FLUSH_ALL ||
	    end - start > (tlb_single_page_flush_ceiling << PAGE_SHIFT)) {
		__flush_tlb_all();
		return;
	}
	for (addr = ALIGN_DOWN(start, PAGE_SIZE); addr < end; addr += PAGE_SIZE)
		__flush_tlb_one_kernel(addr);
}

#endif /* _ASM_TLBFLUSH_H */
