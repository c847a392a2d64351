/* SPDX-License-Identifier: GPL-2.0 */
/*
 * DOC: page-table pages (Linux's asm/pgalloc.h)
 *
 * Every page-table page of every address space comes from here and goes
 * back here; nothing else writes a table pointer into an entry.
 *
 *   pgd_alloc / pgd_free            the top table of a new mm, its kernel
 *                                   half copied from init_mm (so the
 *                                   kernel is mapped in every mm)
 *   pud/pmd_alloc_one, pte_alloc_one(_kernel)
 *                                   a zeroed table for one level
 *   pud/pmd_free, pte_free(_kernel) give it back
 *   p4d/pud_populate, pmd_populate(_kernel)
 *                                   point an empty entry at a table
 *
 * With 4-level paging the p4d is folded into the pgd (asm/pgtable.h): a
 * p4d entry *is* the pgd entry, so there is no p4d table to allocate and
 * p4d_populate() writes the pgd entry; Linux's no-op pgd_populate(),
 * p4d_alloc_one() and p4d_free() of that configuration are not provided.
 *
 * Where the memory comes from: until the page allocator runs
 * (after_bootmem, set by mm_core_init()), from memblock, for the direct
 * map, the image and vmemmap built at boot (arch/x86_64/init_64.c); those
 * tables are never freed. Afterwards from the page allocator, zeroed.
 *
 * Accounting: a page-allocator table counts in its zone's NR_PAGETABLE
 * (meminfo "PageTables:", vmstat "nr_page_table_pages") from alloc to
 * free, the pgd included; the tables below the pgd also count in
 * mm->pgtables_bytes (the pgd does not, as in Linux). Memblock tables
 * count in neither. Freeing a memblock table is a BUG.
 *
 * Entry flags: the kernel's tables (init_mm) get _KERNPG_TABLE at every
 * level, other address spaces _PAGE_TABLE (USER set; the leaf decides).
 * Linux sets USER in the kernel's upper levels too; keeping it clear here
 * keeps a supervisor-only table supervisor-only at every level.
 *
 * Context: the allocators may sleep after boot (GFP_KERNEL); populate
 * only stores an entry: the caller holds mm->page_table_lock, or owns
 * the range (boot), see the generic pud_alloc() family in linux/mm.h.
 */
#ifndef _ASM_PGALLOC_H
#define _ASM_PGALLOC_H

#include <linux/mm_types.h>
#include <linux/mm.h>
#include <asm/pgtable.h>
#include <asm/barrier.h>

/* The page allocator runs: tables come from it, not from memblock. */
extern bool after_bootmem;

/**
 * pgd_alloc - the top-level table of a new address space
 * @mm: the address space
 *
 * The user half is empty; the kernel half (from PAGE_OFFSET's entry up)
 * is a copy of init_mm's, whose entries never change after boot (vmalloc
 * preallocates its puds, vmalloc_init()), so the copy stays current.
 * Return: the table, or NULL. Context: may sleep; after boot.
 */
pgd_t *pgd_alloc(struct mm_struct *mm);
/* Free @pgd; the caller has freed the user half's tables below it. */
void pgd_free(struct mm_struct *mm, pgd_t *pgd);

/**
 * pud_alloc_one - a zeroed pud table for @mm
 * @mm: the address space it will belong to (accounted there)
 * @addr: an address it will map (unused on x86)
 *
 * Return: the table, or NULL when there is no memory. Context: may sleep
 * after boot; before it, memblock (a failure panics, as Linux's early
 * table allocator).
 */
pud_t *pud_alloc_one(struct mm_struct *mm, unsigned long addr);
pmd_t *pmd_alloc_one(struct mm_struct *mm, unsigned long addr);
/* As pud_alloc_one(): a pte table of a user address space, as its page. */
pgtable_t pte_alloc_one(struct mm_struct *mm);
/* As pud_alloc_one(): a pte table of the kernel's (init_mm). */
pte_t *pte_alloc_one_kernel(struct mm_struct *mm);

/**
 * pud_free - give back a table of @mm that no entry points to any more
 * @mm: its address space
 * @pud: the table
 *
 * The caller has cleared the entry and flushed the TLB (the CPU caches
 * upper-level entries). Context: any that may free a page.
 */
void pud_free(struct mm_struct *mm, pud_t *pud);
void pmd_free(struct mm_struct *mm, pmd_t *pmd);
void pte_free(struct mm_struct *mm, pgtable_t pte_page);
void pte_free_kernel(struct mm_struct *mm, pte_t *pte);

/* The flags of a table entry in @mm (see above). */
static inline unsigned long pgtable_entry_flags(struct mm_struct *mm)
{
	return mm == &init_mm ? _KERNPG_TABLE : _PAGE_TABLE;
}

/*
 * *_populate - point the empty entry at @table. The barrier orders the
 * table's zeroing before the entry that publishes it: another CPU (or
 * this CPU's page walker) that sees the entry sees an empty table.
 */
static inline void p4d_populate(struct mm_struct *mm, p4d_t *p4d, pud_t *pud)
{
	smp_wmb();
	set_p4d(p4d, __p4d(__pa(pud) | pgtable_entry_flags(mm)));
}

static inline void pud_populate(struct mm_struct *mm, pud_t *pud, pmd_t *pmd)
{
	smp_wmb();
	set_pud(pud, __pud(__pa(pmd) | pgtable_entry_flags(mm)));
}

static inline void pmd_populate_kernel(struct mm_struct *mm, pmd_t *pmd, pte_t *pte)
{
	smp_wmb();
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
}

static inline void pmd_populate(struct mm_struct *mm, pmd_t *pmd, pgtable_t pte_page)
{
	smp_wmb();
	set_pmd(pmd, __pmd(page_to_phys(pte_page) | _PAGE_TABLE));
}

#endif /* _ASM_PGALLOC_H */
