// SPDX-License-Identifier: GPL-2.0
/*
 * The page-table walker: one descent pgd -> p4d -> pud -> pmd
 * -> pte over a range, calling struct mm_walk_ops's callbacks (the rules
 * are in include/linux/pagewalk.h). Each level is one function with the
 * same shape: hole, callback, action, descent.
 *
 * A level is descended into only where its entry points to a table and a
 * callback below wants to see something (descend_*()); so a walk with
 * only pud_entry never reads a pmd table.
 *
 * walk_page_range() goes VMA by VMA under the caller's mmap_lock: the
 * gaps between VMAs are holes of depth -1, each VMA may be skipped
 * (test_walk(), or a VM_PFNMAP mapping, whose entries have no struct page
 * behind them) and is otherwise framed by pre_vma() and post_vma().
 * walk_page_range_novma() takes no lock and knows no VMAs. Entries are
 * read once per decision with the *p_get() helpers.
 */
#include <linux/pagewalk.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/pgtable.h>
#include <linux/errno.h>
#include <linux/bug.h>

static int walk_hole(unsigned long addr, unsigned long next, int depth,
		     struct mm_walk *walk)
{
	return walk->ops->pte_hole ? walk->ops->pte_hole(addr, next, depth, walk) : 0;
}

static bool descend_to_pte(const struct mm_walk_ops *ops)
{
	return ops->pte_entry;
}

static bool descend_to_pmd(const struct mm_walk_ops *ops)
{
	return ops->pmd_entry || descend_to_pte(ops);
}

static bool descend_to_pud(const struct mm_walk_ops *ops)
{
	return ops->pud_entry || descend_to_pmd(ops);
}

static bool descend_to_p4d(const struct mm_walk_ops *ops)
{
	return ops->p4d_entry || descend_to_pud(ops);
}

static int walk_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	pte_t *pte = pte_offset_kernel(pmd, addr);
	int err = 0;

	for (; addr < end; addr += PAGE_SIZE, pte++) {
		err = walk->ops->pte_entry(pte, addr, addr + PAGE_SIZE, walk);
		if (err)
			break;
	}
	return err;
}

static int walk_pmd_range(pud_t *pud, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	const struct mm_walk_ops *ops = walk->ops;
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;
	int err = 0;

	for (; addr < end; addr = next, pmd++) {
		pmd_t val;

		next = pmd_addr_end(addr, end);
again:
		if (pmd_none(pmdp_get(pmd))) {
			err = walk_hole(addr, next, 3, walk);
			if (err)
				break;
			continue;
		}
		walk->action = ACTION_SUBTREE;
		if (ops->pmd_entry)
			err = ops->pmd_entry(pmd, addr, next, walk);
		if (err)
			break;
		if (walk->action == ACTION_AGAIN)
			goto again;
		val = pmdp_get(pmd);
		if (walk->action == ACTION_CONTINUE || !descend_to_pte(ops) ||
		    pmd_leaf(val) || !pmd_present(val))
			continue;
		err = walk_pte_range(pmd, addr, next, walk);
		if (err)
			break;
	}
	return err;
}

static int walk_pud_range(p4d_t *p4d, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	const struct mm_walk_ops *ops = walk->ops;
	pud_t *pud = pud_offset(p4d, addr);
	unsigned long next;
	int err = 0;

	for (; addr < end; addr = next, pud++) {
		pud_t val;

		next = pud_addr_end(addr, end);
again:
		if (pud_none(pudp_get(pud))) {
			err = walk_hole(addr, next, 2, walk);
			if (err)
				break;
			continue;
		}
		walk->action = ACTION_SUBTREE;
		if (ops->pud_entry)
			err = ops->pud_entry(pud, addr, next, walk);
		if (err)
			break;
		if (walk->action == ACTION_AGAIN)
			goto again;
		val = pudp_get(pud);
		if (walk->action == ACTION_CONTINUE || !descend_to_pmd(ops) ||
		    pud_leaf(val) || !pud_present(val))
			continue;
		err = walk_pmd_range(pud, addr, next, walk);
		if (err)
			break;
	}
	return err;
}

static int walk_p4d_range(pgd_t *pgd, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	const struct mm_walk_ops *ops = walk->ops;
	p4d_t *p4d = p4d_offset(pgd, addr);
	unsigned long next;
	int err = 0;

	for (; addr < end; addr = next, p4d++) {
		next = p4d_addr_end(addr, end);
		if (p4d_none(p4dp_get(p4d)) || WARN_ON_ONCE(p4d_bad(p4dp_get(p4d)))) {
			err = walk_hole(addr, next, 1, walk);
			if (err)
				break;
			continue;
		}
		walk->action = ACTION_SUBTREE;
		if (ops->p4d_entry)
			err = ops->p4d_entry(p4d, addr, next, walk);
		if (err)
			break;
		if (walk->action == ACTION_CONTINUE || !descend_to_pud(ops))
			continue;
		err = walk_pud_range(p4d, addr, next, walk);
		if (err)
			break;
	}
	return err;
}

/*
 * With the p4d folded every pgd entry is also a p4d entry and pgd_none()
 * is never true: an empty one is a hole at depth 1, found one level down.
 */
static int walk_pgd_range(unsigned long addr, unsigned long end, struct mm_walk *walk)
{
	const struct mm_walk_ops *ops = walk->ops;
	pgd_t *pgd = pgd_offset_pgd(walk->pgd, addr);
	unsigned long next;
	int err = 0;

	for (; addr < end; addr = next, pgd++) {
		next = pgd_addr_end(addr, end);
		walk->action = ACTION_SUBTREE;
		if (ops->pgd_entry)
			err = ops->pgd_entry(pgd, addr, next, walk);
		if (err)
			break;
		if (walk->action == ACTION_CONTINUE || !descend_to_p4d(ops))
			continue;
		err = walk_p4d_range(pgd, addr, next, walk);
		if (err)
			break;
	}
	return err;
}

int walk_page_range_novma(struct mm_struct *mm, unsigned long start, unsigned long end,
			  const struct mm_walk_ops *ops, pgd_t *pgd, void *private)
{
	struct mm_walk walk = {
		.ops = ops,
		.mm = mm,
		.pgd = pgd ? pgd : mm->pgd,
		.no_vma = true,
		.private = private,
	};

	if (start >= end || !mm)
		return -EINVAL;
	return walk_pgd_range(start, end, &walk);
}

/* Walk @walk->vma or skip it: > 0 skips, < 0 ends the walk (Linux's walk_page_test()). */
static int walk_page_test(unsigned long start, unsigned long end, struct mm_walk *walk)
{
	struct vm_area_struct *vma = walk->vma;
	const struct mm_walk_ops *ops = walk->ops;

	if (ops->test_walk)
		return ops->test_walk(start, end, walk);
	if (vma->vm_flags & VM_PFNMAP) {
		int err = ops->pte_hole ? ops->pte_hole(start, end, -1, walk) : 0;

		return err ? err : 1;
	}
	return 0;
}

/* [start, end) of one VMA: pre_vma(), the tables, post_vma(). */
static int walk_vma_range(unsigned long start, unsigned long end, struct mm_walk *walk)
{
	const struct mm_walk_ops *ops = walk->ops;
	int err;

	if (ops->pre_vma) {
		err = ops->pre_vma(start, end, walk);
		if (err)
			return err;
	}
	err = walk_pgd_range(start, end, walk);
	if (ops->post_vma)
		ops->post_vma(walk);
	return err;
}

int walk_page_range(struct mm_struct *mm, unsigned long start, unsigned long end,
		    const struct mm_walk_ops *ops, void *private)
{
	struct mm_walk walk = {
		.ops = ops,
		.mm = mm,
		.pgd = mm ? mm->pgd : NULL,
		.private = private,
	};
	struct vm_area_struct *vma;
	unsigned long next;
	int err = 0;

	if (start >= end || !mm)
		return -EINVAL;
	mmap_assert_locked(mm);

	vma = find_vma(mm, start);
	for (; start < end; start = next) {
		if (!vma || start < vma->vm_start) {
			/* A gap: up to the next VMA, or to the end after the last. */
			walk.vma = NULL;
			next = vma ? min(end, vma->vm_start) : end;
			err = walk_hole(start, next, -1, &walk);
		} else {
			walk.vma = vma;
			next = min(end, vma->vm_end);
			vma = vma->vm_next;
			err = walk_page_test(start, next, &walk);
			if (err > 0) {
				err = 0;
				continue;
			}
			if (!err)
				err = walk_vma_range(start, next, &walk);
		}
		if (err)
			break;
	}
	return err;
}
