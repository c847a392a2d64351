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
 * flush_tlb_kernel_range() and flush_tlb_all() reach every online CPU by
 * IPI (TLB shootdown) and wait for them, as Linux does.
 *
 * User translations are tagged with an ASID when the CPU has PCID
 * (arch/x86_64/tlb.c tells the scheme): cpu_tlbstate below is each CPU's
 * record of which mm owns which of its ASIDs and up to which generation
 * of that mm the ASID's translations are flushed. The kernel's mappings
 * are global (_PAGE_GLOBAL), shared by every ASID, so invlpg and the
 * CR4.PGE toggle above drop them whatever ASID is loaded.
 */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/irqflags.h>
#include <linux/percpu.h>
#include <asm/tlb_asid.h>

/* Whole end of the address space: flush_tlb_kernel_range(x, TLB_FLUSH_ALL). */
#define TLB_FLUSH_ALL	(~0UL)

/*
 * Past this many pages one full flush is cheaper than invlpg per page
 * (Linux's measured default).
 */
#define tlb_single_page_flush_ceiling	33UL


#define X86_CR3_PCID_MASK	0xfffUL
#define X86_CR3_PCID_NOFLUSH	(1UL << 63)	/* keep the PCID's translations */

/**
 * struct tlb_state - a CPU's TLB bookkeeping (Linux's cpu_tlbstate)
 * @loaded_mm: the mm whose pgd CR3 holds
 * @loaded_mm_asid: its ASID (always 0 without PCID)
 * @next_asid: the ASID a new mm takes, round robin
 * @ctxs: the owner and flushed generation of each ASID
 *
 * Per CPU, touched only by its CPU with interrupts off (switch_mm_irqs_off()
 * and the flush paths, which run in IPIs or with interrupts disabled).
 */
struct tlb_state {
	struct mm_struct *loaded_mm;
	u16 loaded_mm_asid;
	u16 next_asid;
	struct tlb_context ctxs[TLB_NR_DYN_ASIDS];
};

DECLARE_PER_CPU(struct tlb_state, cpu_tlbstate);

/* Whether user translations are ASID-tagged: the CPU has PCID and no "nopcid". */
extern bool tlb_pcid_enabled;

/**
 * setup_pcid - this CPU's TLB state at boot (every CPU, once)
 *
 * The boot CPU decides from CPUID (PCID, INVPCID) and the boot parameter
 * nopcid; each CPU then sets CR4.PCIDE and loads init_mm's tables under
 * ASID 0. Context: boot, interrupts off, per-CPU data set up.
 */
void setup_pcid(void);

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
 * flush_tlb_kernel_range - flush kernel translations of [@start, @end) on
 * every online CPU (arch/x86_64/tlb.c)
 * @start: first address
 * @end: end (exclusive), or TLB_FLUSH_ALL
 *
 * One IPI per other CPU, waited for; with one CPU online, no IPI.
 * Context: interrupts on (it waits for the other CPUs).
 */
void flush_tlb_kernel_range(unsigned long start, unsigned long end);

/* flush_tlb_all - everything, global entries included, on every CPU. */
void flush_tlb_all(void);

struct mm_struct;
struct vm_area_struct;

/**
 * flush_tlb_mm_range - drop the translations of [start, end) of @mm
 * @mm: a user address space
 * @start: first address
 * @end: end, or TLB_FLUSH_ALL for all of @mm
 * @stride_shift: PAGE_SHIFT (the page size of the range's entries)
 * @freed_tables: page tables were freed too (paging-structure caches)
 *
 * Every CPU that may hold translations of @mm flushes (by IPI; the
 * caller's CPU directly); the caller waits for all of them. User entries
 * are never global, so a CPU that has not loaded @mm has none.
 * Context: process, interrupts on.
 */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end,
			unsigned int stride_shift, bool freed_tables);

#define flush_tlb_mm(mm)	flush_tlb_mm_range(mm, 0UL, TLB_FLUSH_ALL, PAGE_SHIFT, true)
void flush_tlb_range(struct vm_area_struct *vma, unsigned long start, unsigned long end);
void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr);

#endif /* _ASM_TLBFLUSH_H */
