/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct mmu_gather: batched teardown of user mappings (mm/mmu_gather.c),
 * Linux's interface.
 *
 * Whoever clears present ptes of a user address space must not free the
 * pages (or the page tables) they pointed to until no CPU can still
 * reach them through its TLB or paging-structure caches. An mmu_gather
 * collects, while ptes are cleared:
 *
 *   start, end      the range of cleared entries (tlb_remove_tlb_entry())
 *   pages[]         the pages whose mapping references are to be dropped
 *                   (__tlb_remove_page()), up to MMU_GATHER_BATCH
 *   tables          page-table pages unhooked from their parent entries
 *                   (pte/pmd/pud_free_tlb()), on a list through page->lru
 *   freed_tables    some were: the flush must drop paging-structure caches
 *   fullmm          the whole mm is going (exit_mmap()): no CPU runs in it
 *
 * tlb_flush_mmu() flushes the range on every CPU in mm_cpumask(mm) (one
 * flush_tlb_mm_range()), and only then frees the tables and releases the
 * pages. __tlb_remove_page() says when the batch is full; the caller
 * then drops its pte lock and calls tlb_flush_mmu() before going on.
 *
 * Context: an mmu_gather lives on the stack of one task, which holds the
 * mm's mmap_lock for the whole gather; the pte lock is held while ptes
 * are cleared but not across tlb_flush_mmu() (it sends IPIs and waits).
 */
#ifndef _ASM_TLB_H
#define _ASM_TLB_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/mm_types.h>
#include <asm/page.h>

/* Pages batched before a flush: 2 KiB of the gatherer's stack. */
#define MMU_GATHER_BATCH	256

struct mmu_gather {
	struct mm_struct *mm;
	unsigned long start, end;	/* cleared ptes: [start, end); start > end if none */
	bool fullmm;
	bool freed_tables;
	unsigned int nr;		/* pages[0..nr) */
	struct list_head tables;	/* page-table pages, by page->lru */
	struct page *pages[MMU_GATHER_BATCH];
};

/* tlb_gather_mmu - begin a gather of @mm's teardown of part of it. */
void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm);
/* tlb_gather_mmu_fullmm - begin the gather of all of @mm (exit_mmap()). */
void tlb_gather_mmu_fullmm(struct mmu_gather *tlb, struct mm_struct *mm);
/* tlb_flush_mmu - flush what was gathered, then free its tables and pages. */
void tlb_flush_mmu(struct mmu_gather *tlb);
/* tlb_finish_mmu - the last tlb_flush_mmu(); the gather is over. */
void tlb_finish_mmu(struct mmu_gather *tlb);

/**
 * __tlb_remove_page - drop @page's mapping reference after the flush
 * @tlb: the gather
 * @page: a page whose pte was cleared (its rmap already removed)
 *
 * Return: true when the batch is full: the caller must tlb_flush_mmu()
 * (after dropping its pte lock) before it removes another page.
 */
bool __tlb_remove_page(struct mmu_gather *tlb, struct page *page);

/* tlb_remove_page - __tlb_remove_page(), flushing at once when full. */
static inline void tlb_remove_page(struct mmu_gather *tlb, struct page *page)
{
	if (__tlb_remove_page(tlb, page))
		tlb_flush_mmu(tlb);
}

/* The pte of @address was cleared: flush its translation. */
static inline void tlb_remove_tlb_entry(struct mmu_gather *tlb, pte_t *ptep,
					unsigned long address)
{
	if (address < tlb->start)
		tlb->start = address;
	if (address + PAGE_SIZE > tlb->end)
		tlb->end = address + PAGE_SIZE;
}

/*
 * Free a page table (unhooked from its parent entry, which mapped
 * @address) after the flush; the range grows to cover @address so that
 * the paging-structure caches of it are dropped.
 */
void __tlb_remove_table(struct mmu_gather *tlb, struct page *table, unsigned long address);

#define pte_free_tlb(tlb, ptepage, address)	__tlb_remove_table(tlb, ptepage, address)
#define pmd_free_tlb(tlb, pmdp, address)	__tlb_remove_table(tlb, virt_to_page(pmdp), address)
#define pud_free_tlb(tlb, pudp, address)	__tlb_remove_table(tlb, virt_to_page(pudp), address)

#endif /* _ASM_TLB_H */
