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
 * No lock is taken (see walk_page_range_novma()); entries are read once
 * per decision with the *p_get() helpers.
 */
#include <linux/pagewalk.h>
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
