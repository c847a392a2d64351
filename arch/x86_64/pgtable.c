// SPDX-License-Identifier: GPL-2.0
/*
 * Page-table pages: where they come from, where they go, and how they are
 * counted (the interface and its rules: asm/pgalloc.h).
 *
 * One allocator for every level and every address space: pgtable_alloc()
 * takes memblock memory before the page allocator runs and zeroed pages
 * after, counting the latter in NR_PAGETABLE and, below the pgd, in the
 * mm's pgtables_bytes; pgtable_free() undoes exactly that. No lock: the
 * counters are atomic, and a table belongs to its caller until populated.
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <linux/panic.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <linux/bug.h>
#include <asm/pgalloc.h>

bool after_bootmem;

/* Linux's GFP_PGTABLE_KERNEL. */
#define GFP_PGTABLE	(GFP_KERNEL | __GFP_ZERO)

static void pgtable_account(struct page *page, struct mm_struct *mm, long sign)
{
	mod_zone_page_state(page_zone(page), NR_PAGETABLE, sign);
	if (mm)
		atomic_long_add(sign * (long)PAGE_SIZE, &mm->pgtables_bytes);
}

/* A zeroed table page, accounted to @mm (NULL: the pgd, not counted there). */
static void *pgtable_alloc(struct mm_struct *mm)
{
	struct page *page;
	void *table;

	if (unlikely(!after_bootmem)) {
		table = memblock_alloc(PAGE_SIZE, PAGE_SIZE);
		if (!table)
			panic("pgtable: out of boot memory for a page table");
		return table;
	}
	page = alloc_page(GFP_PGTABLE);
	if (!page)
		return NULL;
	pgtable_account(page, mm, 1);
	return page_address(page);
}

static void pgtable_free(struct mm_struct *mm, void *table)
{
	struct page *page = virt_to_page(table);

	/* Boot tables come from memblock: the page allocator never had them. */
	BUG_ON(PageReserved(page));
	pgtable_account(page, mm, -1);
	__free_page(page);
}

/* The kernel half stays current: init_mm's pgd entries never change after boot. */
pgd_t *pgd_alloc(struct mm_struct *mm)
{
	pgd_t *pgd = pgtable_alloc(NULL);
	unsigned int first = pgd_index(PAGE_OFFSET);

	if (pgd)
		memcpy(pgd + first, init_mm.pgd + first, (PTRS_PER_PGD - first) * sizeof(pgd_t));
	return pgd;
}

void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	pgtable_free(NULL, pgd);
}

pud_t *pud_alloc_one(struct mm_struct *mm, unsigned long addr)
{
	return pgtable_alloc(mm);
}

pmd_t *pmd_alloc_one(struct mm_struct *mm, unsigned long addr)
{
	return pgtable_alloc(mm);
}

pgtable_t pte_alloc_one(struct mm_struct *mm)
{
	void *table = pgtable_alloc(mm);

	return table ? virt_to_page(table) : NULL;
}

pte_t *pte_alloc_one_kernel(struct mm_struct *mm)
{
	return pgtable_alloc(mm);
}

void pud_free(struct mm_struct *mm, pud_t *pud)
{
	pgtable_free(mm, pud);
}

void pmd_free(struct mm_struct *mm, pmd_t *pmd)
{
	pgtable_free(mm, pmd);
}

void pte_free(struct mm_struct *mm, pgtable_t pte_page)
{
	pgtable_free(mm, page_address(pte_page));
}

void pte_free_kernel(struct mm_struct *mm, pte_t *pte)
{
	pgtable_free(mm, pte);
}
