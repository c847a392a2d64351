// SPDX-License-Identifier: GPL-2.0
/*
 * Batched teardown of user mappings (Linux's mm/mmu_gather.c; the
 * structure and its rules are in asm/tlb.h).
 *
 * The order that makes it safe: ptes (and table entries) are cleared
 * first, under the pte lock; the range they covered is flushed from the
 * TLB of every CPU that may have loaded the mm (flush_tlb_mm_range() to
 * mm_cpumask()); only then are the gathered pages released and the
 * gathered tables freed. A CPU that still used a stale translation
 * before the flush thus reads or writes a page that is still ours, never
 * a page already reused by someone else, and no CPU walks a freed table.
 *
 * Locking: none of its own. The gather belongs to one task; the page
 * references it holds are the mapping references the cleared ptes held.
 * Context: process, interrupts on (the flush waits for other CPUs).
 */
#include <linux/mm.h>
#include <linux/list.h>
#include <linux/bug.h>
#include <asm/pgalloc.h>
#include <asm/tlb.h>
#include <asm/tlbflush.h>

static void __tlb_reset_range(struct mmu_gather *tlb)
{
	tlb->start = TLB_FLUSH_ALL;
	tlb->end = 0;
	tlb->freed_tables = false;
}

static void __tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm, bool fullmm)
{
	tlb->mm = mm;
	tlb->fullmm = fullmm;
	tlb->nr = 0;
	INIT_LIST_HEAD(&tlb->tables);
	__tlb_reset_range(tlb);
}

void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm)
{
	__tlb_gather_mmu(tlb, mm, false);
}

void tlb_gather_mmu_fullmm(struct mmu_gather *tlb, struct mm_struct *mm)
{
	__tlb_gather_mmu(tlb, mm, true);
}

/* One flush of everything cleared since the last: all of the mm when fullmm. */
static void tlb_flush(struct mmu_gather *tlb)
{
	if (tlb->fullmm) {
		flush_tlb_mm(tlb->mm);
		return;
	}
	flush_tlb_mm_range(tlb->mm, tlb->start, tlb->end, PAGE_SHIFT, tlb->freed_tables);
}

/* Every level's table is one page from the same allocator (arch/x86_64/pgtable.c). */
static void tlb_free_tables(struct mmu_gather *tlb)
{
	struct page *table, *next;

	list_for_each_entry_safe(table, next, &tlb->tables, lru) {
		list_del(&table->lru);
		pte_free(tlb->mm, table);
	}
}

void tlb_flush_mmu(struct mmu_gather *tlb)
{
	if (tlb->end > tlb->start)
		tlb_flush(tlb);
	__tlb_reset_range(tlb);
	tlb_free_tables(tlb);
	release_pages(tlb->pages, tlb->nr);
	tlb->nr = 0;
}

void tlb_finish_mmu(struct mmu_gather *tlb)
{
	tlb_flush_mmu(tlb);
	VM_BUG_ON(tlb->nr || !list_empty(&tlb->tables));
}

bool __tlb_remove_page(struct mmu_gather *tlb, struct page *page)
{
	VM_BUG_ON_PAGE(tlb->nr >= MMU_GATHER_BATCH, page);
	tlb->pages[tlb->nr++] = page;
	return tlb->nr == MMU_GATHER_BATCH;
}

void __tlb_remove_table(struct mmu_gather *tlb, struct page *table, unsigned long address)
{
	tlb_remove_tlb_entry(tlb, NULL, address);
	tlb->freed_tables = true;
	list_add_tail(&table->lru, &tlb->tables);
}
