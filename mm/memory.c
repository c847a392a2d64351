// SPDX-License-Identifier: GPL-2.0
/*
 * Page-table population for every address space (Linux's mm/memory.c
 * part that exists so far): the slow paths of pud_alloc(), pmd_alloc(),
 * pte_alloc() and pte_alloc_kernel(), and apply_to_page_range().
 *
 * Populating a missing level: the table is allocated with no lock held
 * (it may sleep), then mm->page_table_lock is taken and the entry checked
 * again; if another CPU populated it meanwhile, that table is used and
 * ours is freed. So a populated entry never changes under a walker, and
 * two CPUs mapping next to each other never lose a table.
 *
 * Locking: mm->page_table_lock (a spinlock, never taken from interrupts)
 * guards the population of entries in @mm; it nests inside nothing of
 * the mm's. The ptes themselves belong to whoever owns the range they
 * map (vmalloc's area, the caller of apply_to_page_range()).
 */
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/spinlock.h>
#include <linux/errno.h>
#include <linux/bug.h>
#include <asm/pgalloc.h>

int __pud_alloc(struct mm_struct *mm, p4d_t *p4d, unsigned long addr)
{
	pud_t *new = pud_alloc_one(mm, addr);

	if (!new)
		return -ENOMEM;
	spin_lock(&mm->page_table_lock);
	if (p4d_none(p4dp_get(p4d))) {
		p4d_populate(mm, p4d, new);
		new = NULL;
	}
	spin_unlock(&mm->page_table_lock);
	if (new)
		pud_free(mm, new);
	return 0;
}

int __pmd_alloc(struct mm_struct *mm, pud_t *pud, unsigned long addr)
{
	pmd_t *new = pmd_alloc_one(mm, addr);

	if (!new)
		return -ENOMEM;
	spin_lock(&mm->page_table_lock);
	if (pud_none(pudp_get(pud))) {
		pud_populate(mm, pud, new);
		new = NULL;
	}
	spin_unlock(&mm->page_table_lock);
	if (new)
		pmd_free(mm, new);
	return 0;
}

int __pte_alloc(struct mm_struct *mm, pmd_t *pmd)
{
	pgtable_t new = pte_alloc_one(mm);

	if (!new)
		return -ENOMEM;
	spin_lock(&mm->page_table_lock);
	if (pmd_none(pmdp_get(pmd))) {
		pmd_populate(mm, pmd, new);
		new = NULL;
	}
	spin_unlock(&mm->page_table_lock);
	if (new)
		pte_free(mm, new);
	return 0;
}

int __pte_alloc_kernel(pmd_t *pmd)
{
	pte_t *new = pte_alloc_one_kernel(&init_mm);

	if (!new)
		return -ENOMEM;
	spin_lock(&init_mm.page_table_lock);
	if (pmd_none(pmdp_get(pmd))) {
		pmd_populate_kernel(&init_mm, pmd, new);
		new = NULL;
	}
	spin_unlock(&init_mm.page_table_lock);
	if (new)
		pte_free_kernel(&init_mm, new);
	return 0;
}

/* ---- apply_to_page_range ------------------------------------------------ */

/*
 * One pte table's run. A user mm's ptes are changed under its
 * page_table_lock (its pte lock, while there are no split ptlocks);
 * the kernel's belong to the caller's range.
 */
static int apply_to_pte_range(struct mm_struct *mm, pmd_t *pmd, unsigned long addr,
			      unsigned long end, pte_fn_t fn, void *data, bool create)
{
	bool user = mm != &init_mm;
	pte_t *pte;
	int err = 0;

	if (create) {
		if (user ? pte_alloc(mm, pmd) : !pte_alloc_kernel(pmd, addr))
			return -ENOMEM;
	}
	pte = pte_offset_kernel(pmd, addr);
	if (user)
		spin_lock(&mm->page_table_lock);
	for (; addr < end; addr += PAGE_SIZE, pte++) {
		if (create || !pte_none(ptep_get(pte)))
			err = fn(pte, addr, data);
		if (err)
			break;
	}
	if (user)
		spin_unlock(&mm->page_table_lock);
	return err;
}

static int apply_to_pmd_range(struct mm_struct *mm, pud_t *pud, unsigned long addr,
			      unsigned long end, pte_fn_t fn, void *data, bool create)
{
	pmd_t *pmd = create ? pmd_alloc(mm, pud, addr) : pmd_offset(pud, addr);
	unsigned long next;
	int err;

	if (!pmd)
		return -ENOMEM;
	for (; addr < end; addr = next, pmd++) {
		next = pmd_addr_end(addr, end);
		if (pmd_none(pmdp_get(pmd)) && !create)
			continue;
		if (WARN_ON_ONCE(pmd_leaf(pmdp_get(pmd))))
			return -EINVAL;
		err = apply_to_pte_range(mm, pmd, addr, next, fn, data, create);
		if (err)
			return err;
	}
	return 0;
}

static int apply_to_pud_range(struct mm_struct *mm, p4d_t *p4d, unsigned long addr,
			      unsigned long end, pte_fn_t fn, void *data, bool create)
{
	pud_t *pud = create ? pud_alloc(mm, p4d, addr) : pud_offset(p4d, addr);
	unsigned long next;
	int err;

	if (!pud)
		return -ENOMEM;
	for (; addr < end; addr = next, pud++) {
		next = pud_addr_end(addr, end);
		if (pud_none(pudp_get(pud)) && !create)
			continue;
		if (WARN_ON_ONCE(pud_leaf(pudp_get(pud))))
			return -EINVAL;
		err = apply_to_pmd_range(mm, pud, addr, next, fn, data, create);
		if (err)
			return err;
	}
	return 0;
}

static int __apply_to_page_range(struct mm_struct *mm, unsigned long addr,
				 unsigned long size, pte_fn_t fn, void *data, bool create)
{
	unsigned long end = addr + size, next;
	pgd_t *pgd;
	int err;

	if (WARN_ON(addr >= end))
		return -EINVAL;
	pgd = pgd_offset(mm, addr);
	for (; addr < end; addr = next, pgd++) {
		p4d_t *p4d = p4d_alloc(mm, pgd, addr);

		next = pgd_addr_end(addr, end);
		if (p4d_none(p4dp_get(p4d)) && !create)
			continue;
		err = apply_to_pud_range(mm, p4d, addr, next, fn, data, create);
		if (err)
			return err;
	}
	return 0;
}

int apply_to_page_range(struct mm_struct *mm, unsigned long addr, unsigned long size,
			pte_fn_t fn, void *data)
{
	return __apply_to_page_range(mm, addr, size, fn, data, true);
}

int apply_to_existing_page_range(struct mm_struct *mm, unsigned long addr,
				 unsigned long size, pte_fn_t fn, void *data)
{
	return __apply_to_page_range(mm, addr, size, fn, data, false);
}
