/* SPDX-License-Identifier: GPL-2.0 */
/*
 * DOC: the page-table walker (mm/pagewalk.c), Linux's interface
 *
 * A walk visits the tables that map [start, end) top-down and calls the
 * callbacks of struct mm_walk_ops for what it finds:
 *
 *   pgd_entry  p4d_entry  pud_entry  pmd_entry  pte_entry
 *   depth 0    1          2          3          4 (the pte_hole depths)
 *
 * At each level: an empty entry (pXd_none) is a hole, reported to
 * pte_hole() with the depth of that level, and not descended into; any
 * other entry is handed to that level's callback, which may handle it
 * whole (a 1 GiB or 2 MiB leaf, say) and set walk->action:
 *   ACTION_SUBTREE  (the default) go down to the next level, if the entry
 *                   points to a table and a lower callback wants it;
 *   ACTION_CONTINUE do not go down; go on with the next entry;
 *   ACTION_AGAIN    read the entry again and call the callback again
 *                   (it changed it).
 * A leaf or a non-present entry is never descended into. Every pte of a
 * visited pte table goes to pte_entry(), empty ones included; holes are
 * reported above the pte level only. A callback's nonzero return ends the
 * walk and is its result.
 *
 * Differences from Linux: walk->action is honoured at the pgd and p4d
 * levels too (Linux 6.1 only reads it below); a bad p4d (not a table) is
 * reported once and treated as a hole instead of being cleared, since the
 * walks here run on live kernel tables.
 *
 * walk_page_range() walks an mm VMA by VMA, with walk->vma set: a range
 * no VMA covers is one pte_hole() of depth -1; test_walk() may skip a VMA
 * (a VM_PFNMAP one is skipped as a hole of depth -1 unless it does);
 * pre_vma() and post_vma() frame each VMA walked. hugetlb_entry comes
 * with hugetlb.
 */
#ifndef _LINUX_PAGEWALK_H
#define _LINUX_PAGEWALK_H

#include <linux/mm_types.h>
#include <asm/pgtable.h>

struct mm_walk;
struct vm_area_struct;

enum page_walk_action {
	ACTION_SUBTREE = 0,
	ACTION_CONTINUE = 1,
	ACTION_AGAIN = 2,
};

/*
 * The callbacks, each optional. @addr and @next bound the part of the
 * walk's range that the entry covers; pte_hole()'s @depth is the level of
 * the empty entry (-1 would be the whole range: no VMA, not used yet).
 */
struct mm_walk_ops {
	int (*pgd_entry)(pgd_t *pgd, unsigned long addr, unsigned long next,
			 struct mm_walk *walk);
	int (*p4d_entry)(p4d_t *p4d, unsigned long addr, unsigned long next,
			 struct mm_walk *walk);
	int (*pud_entry)(pud_t *pud, unsigned long addr, unsigned long next,
			 struct mm_walk *walk);
	int (*pmd_entry)(pmd_t *pmd, unsigned long addr, unsigned long next,
			 struct mm_walk *walk);
	int (*pte_entry)(pte_t *pte, unsigned long addr, unsigned long next,
			 struct mm_walk *walk);
	int (*pte_hole)(unsigned long addr, unsigned long next, int depth,
			struct mm_walk *walk);
	/* walk_page_range() only: > 0 skips walk->vma, < 0 ends the walk. */
	int (*test_walk)(unsigned long addr, unsigned long next, struct mm_walk *walk);
	/* Before and after the tables of each VMA walked ([addr, next) of it). */
	int (*pre_vma)(unsigned long start, unsigned long end, struct mm_walk *walk);
	void (*post_vma)(struct mm_walk *walk);
};

/*
 * One walk's state, given to every callback.
 * @ops: the callbacks
 * @mm: the address space
 * @pgd: the top table walked (mm->pgd unless the caller gave another)
 * @vma: the VMA being walked; NULL in a gap and in a novma walk
 * @action: set by a callback, see above; reset to ACTION_SUBTREE before
 *          each call
 * @no_vma: the walk ignores VMAs (walk_page_range_novma())
 * @private: the caller's
 */
struct mm_walk {
	const struct mm_walk_ops *ops;
	struct mm_struct *mm;
	pgd_t *pgd;
	struct vm_area_struct *vma;
	enum page_walk_action action;
	bool no_vma;
	void *private;
};

/**
 * walk_page_range_novma - walk the tables of [start, end) with no VMAs
 * @mm: the address space (&init_mm for the kernel's tables)
 * @start: start address
 * @end: end address (exclusive)
 * @ops: the callbacks
 * @pgd: the top table to walk, or NULL for @mm's (ptdump walks the CPU's)
 * @private: for the callbacks, as walk->private
 *
 * Return: 0, -EINVAL for an empty range, or the first nonzero value a
 * callback returned. Context: takes no lock; the caller keeps the tables
 * walked from being freed meanwhile (the kernel's above the direct map
 * are not freed except vmalloc's pte tables, see mm/vmalloc.c). The
 * callbacks may sleep if the caller may.
 */
int walk_page_range_novma(struct mm_struct *mm, unsigned long start, unsigned long end,
			  const struct mm_walk_ops *ops, pgd_t *pgd, void *private);

/**
 * walk_page_range - walk the VMAs of @mm over [start, end) and their tables
 * @mm: the address space
 * @start: start address
 * @end: end address (exclusive)
 * @ops: the callbacks, the VMA ones included
 * @private: for the callbacks, as walk->private
 *
 * Return: 0, -EINVAL for an empty range, or the first nonzero value a
 * callback returned (a test_walk() > 0 only skips). Context: @mm's
 * mmap_lock held (for reading at least), so the VMAs and their tables
 * stay; the callbacks may sleep.
 */
int walk_page_range(struct mm_struct *mm, unsigned long start, unsigned long end,
		    const struct mm_walk_ops *ops, void *private);

#endif /* _LINUX_PAGEWALK_H */
