// SPDX-License-Identifier: GPL-2.0
/*
 * mlock(), mlock2(), munlock(), mlockall() and munlockall() (Linux's
 * mm/mlock.c): locking a range keeps its pages resident.
 *
 * Two levels:
 *   VMAs   VM_LOCKED (and VM_LOCKONFAULT: lock as they fault, do not
 *          populate) on the VMAs of the range, split and merged as the
 *          flags change (vma_modify_flags()); mm->locked_vm counts their
 *          pages against RLIMIT_MEMLOCK. mlockall(MCL_FUTURE) puts the
 *          flags in mm->def_flags, which every new mapping inherits.
 *   pages  a page mapped in a VM_LOCKED VMA is PG_mlocked and counted in
 *          NR_MLOCK and NR_ZONE_UNEVICTABLE (meminfo's "Mlocked:" and
 *          "Unevictable:"). Locking a VMA marks the pages present in it;
 *          pages that fault in later are marked by the fault path
 *          (mlock_vma_folio()), and __mm_populate() faults the rest in.
 *          munlock clears the mark of a page mapped nowhere else; one
 *          still mapped elsewhere stays marked until it is freed
 *          (mlock_page_freed()): Linux leaves such pages to reclaim,
 *          which culls them, and there is no reclaim yet.
 *
 * CAP_IPC_LOCK (root's) lifts RLIMIT_MEMLOCK in can_do_mlock() and the
 * limit checks, as Linux.
 *
 * Locking: mmap_lock for writing around the VMA changes, the pte lock
 * (mm->page_table_lock) around each page's mark; PG_mlocked is changed
 * atomically, so the counters follow the bit exactly.
 */
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/pagewalk.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/resource.h>
#include <linux/syscalls.h>
#include <linux/vmstat.h>
#include <linux/errno.h>
#include <linux/err.h>
#include "internal.h"


bool can_do_mlock(void)
{
	return rlimit(RLIMIT_MEMLOCK) != 0 || capable(CAP_IPC_LOCK);
}

int mlock_future_check(struct mm_struct *mm, unsigned long flags, unsigned long len)
{
	unsigned long locked = mm->locked_vm + (len >> PAGE_SHIFT);

	if ((flags & VM_LOCKED) && locked > rlimit(RLIMIT_MEMLOCK) >> PAGE_SHIFT &&
	    !capable(CAP_IPC_LOCK))
		return -EAGAIN;
	return 0;
}

static void mlock_count(struct page *page, long nr)
{
	mod_zone_page_state(page_zone(page), NR_MLOCK, nr);
	mod_zone_page_state(page_zone(page), NR_ZONE_UNEVICTABLE, nr);
}

void mlock_vma_folio(struct folio *folio, struct vm_area_struct *vma)
{
	unsigned long old;

	VM_BUG_ON_VMA(!(vma->vm_flags & VM_LOCKED), vma);
	old = __atomic_fetch_or(&folio->flags, 1UL << PG_mlocked, __ATOMIC_RELAXED);
	if (!(old & (1UL << PG_mlocked)))
		mlock_count(&folio->page, (long)folio_nr_pages(folio));
}

void munlock_vma_folio(struct folio *folio, struct vm_area_struct *vma)
{
	unsigned long old;

	if (folio_mapcount(folio) > 1)
		return;		/* another mapping may hold it locked: see the top */
	old = __atomic_fetch_and(&folio->flags, ~(1UL << PG_mlocked), __ATOMIC_RELAXED);
	if (old & (1UL << PG_mlocked))
		mlock_count(&folio->page, -(long)folio_nr_pages(folio));
}

void mlock_page_freed(struct page *page, unsigned int order)
{
	ClearPageMlocked(page);
	mlock_count(page, -(1L << order));
}

/* Mark or unmark the pages present in the VMA being (un)locked. */
static int mlock_pte_entry(pte_t *pte, unsigned long addr, unsigned long next,
			   struct mm_walk *walk)
{
	struct vm_area_struct *vma = walk->vma;
	pte_t entry = ptep_get(pte);
	struct folio *folio;

	if (!pte_present(entry) || pte_special(entry))
		return 0;
	folio = page_folio(pfn_to_page(pte_pfn(entry)));
	if (vma->vm_flags & VM_LOCKED)
		mlock_vma_folio(folio, vma);
	else
		munlock_vma_folio(folio, vma);
	return 0;
}

static const struct mm_walk_ops mlock_walk_ops = {
	.pte_entry = mlock_pte_entry,
};

/* The pages of [start, end) of @vma follow its new flags (Linux's mlock_vma_pages_range()). */
static void mlock_vma_pages_range(struct vm_area_struct *vma, unsigned long start,
				  unsigned long end, unsigned long newflags)
{
	/* Set VM_LOCKED first, as Linux: a racing fault then mlocks its page itself. */
	vma->vm_flags = newflags;
	spin_lock(&vma->vm_mm->page_table_lock);
	walk_page_range(vma->vm_mm, start, end, &mlock_walk_ops, NULL);
	spin_unlock(&vma->vm_mm->page_table_lock);
}

/*
 * [start, end) of @vma gets @newflags (VM_LOCKED / VM_LOCKONFAULT set or
 * cleared); *@prev becomes the VMA now ending at @end. Special mappings
 * are left as they are, unlocked and uncounted, as Linux leaves them.
 */
static int mlock_fixup(struct vm_area_struct *vma, struct vm_area_struct **prev,
		       unsigned long start, unsigned long end, unsigned long newflags)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long oldflags = vma->vm_flags;
	long nr_pages = (end - start) >> PAGE_SHIFT;

	if (newflags == oldflags || (oldflags & VM_SPECIAL)) {
		*prev = vma;
		return 0;
	}
	vma = vma_modify_flags(mm, *prev, vma, start, end, newflags);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	*prev = vma;
	if (!(newflags & VM_LOCKED))
		nr_pages = -nr_pages;
	else if (oldflags & VM_LOCKED)
		nr_pages = 0;
	mm->locked_vm += nr_pages;
	if ((newflags & VM_LOCKED) && (oldflags & VM_LOCKED))
		vma->vm_flags = newflags;	/* locked already: do not mark twice */
	else
		mlock_vma_pages_range(vma, start, end, newflags);
	return 0;
}

/* Give [start, start + len) the lock flags @flags (0: unlock). Return: 0, -ENOMEM for a hole. */
static int apply_vma_lock_flags(unsigned long start, size_t len, unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long nstart, end = start + len, tmp;
	struct vm_area_struct *vma, *prev;
	int error;

	VM_BUG_ON((start | len) & ~PAGE_MASK);
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start > start)
		return -ENOMEM;
	prev = start > vma->vm_start ? vma : vma->vm_prev;
	for (nstart = start;;) {
		unsigned long newflags = (vma->vm_flags & VM_LOCKED_CLEAR_MASK) | flags;

		tmp = min(vma->vm_end, end);
		error = mlock_fixup(vma, &prev, nstart, tmp, newflags);
		if (error)
			return error;
		nstart = max(tmp, prev->vm_end);
		if (nstart >= end)
			return 0;
		vma = prev->vm_next;
		if (!vma || vma->vm_start != nstart)
			return -ENOMEM;
	}
}

/*
 * Pages of [start, start + len) that VM_LOCKED VMAs hold already: they
 * count in locked_vm and would be counted twice (Linux's
 * count_mm_mlocked_page_nr()).
 */
static unsigned long count_mm_mlocked_page_nr(struct mm_struct *mm, unsigned long start,
					      size_t len)
{
	unsigned long end = start + len, count = 0;
	struct vm_area_struct *vma = find_vma(mm, start);

	for (; vma && vma->vm_start < end; vma = vma->vm_next)
		if (vma->vm_flags & VM_LOCKED)
			count += (min(end, vma->vm_end) - max(start, vma->vm_start)) >> PAGE_SHIFT;
	return count;
}

/* __mm_populate()'s errors as mlock reports them (Linux's __mlock_posix_error_return()). */
static int mlock_posix_error(int error)
{
	if (error == -EFAULT)
		return -ENOMEM;
	if (error == -ENOMEM)
		return -EAGAIN;
	return error;
}

static int do_mlock(unsigned long start, size_t len, unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long locked, lock_limit = rlimit(RLIMIT_MEMLOCK) >> PAGE_SHIFT;
	int error = -ENOMEM;

	if (!can_do_mlock())
		return -EPERM;
	len = PAGE_ALIGN(len + (start & ~PAGE_MASK));
	start &= PAGE_MASK;
	if (mmap_write_lock_killable(mm))
		return -EINTR;
	locked = (len >> PAGE_SHIFT) + mm->locked_vm;
	if (locked > lock_limit && !capable(CAP_IPC_LOCK))
		locked -= count_mm_mlocked_page_nr(mm, start, len);
	if (locked <= lock_limit || capable(CAP_IPC_LOCK))
		error = apply_vma_lock_flags(start, len, flags);
	mmap_write_unlock(mm);
	if (error)
		return error;
	return mlock_posix_error(__mm_populate(start, len, 0));
}

SYSCALL_DEFINE2(mlock, unsigned long, start, size_t, len)
{
	return do_mlock(start, len, VM_LOCKED);
}

SYSCALL_DEFINE3(mlock2, unsigned long, start, size_t, len, int, flags)
{
	if (flags & ~MLOCK_ONFAULT)
		return -EINVAL;
	return do_mlock(start, len, VM_LOCKED | (flags & MLOCK_ONFAULT ? VM_LOCKONFAULT : 0));
}

SYSCALL_DEFINE2(munlock, unsigned long, start, size_t, len)
{
	struct mm_struct *mm = current->mm;
	int ret;

	len = PAGE_ALIGN(len + (start & ~PAGE_MASK));
	start &= PAGE_MASK;
	if (mmap_write_lock_killable(mm))
		return -EINTR;
	ret = apply_vma_lock_flags(start, len, 0);
	mmap_write_unlock(mm);
	return ret;
}

/* mlockall()'s flags: MCL_FUTURE into def_flags, MCL_CURRENT onto every VMA (errors ignored, as Linux). */
static void apply_mlockall_flags(struct mm_struct *mm, int flags)
{
	unsigned long to_add = 0;
	struct vm_area_struct *vma, *prev = NULL, *next;

	mm->def_flags &= VM_LOCKED_CLEAR_MASK;
	if (flags & MCL_FUTURE) {
		mm->def_flags |= VM_LOCKED | (flags & MCL_ONFAULT ? VM_LOCKONFAULT : 0);
		if (!(flags & MCL_CURRENT))
			return;
	}
	if (flags & MCL_CURRENT)
		to_add = VM_LOCKED | (flags & MCL_ONFAULT ? VM_LOCKONFAULT : 0);
	for (vma = mm->mmap; vma; vma = next) {
		next = vma->vm_next;	/* before a merge can free @vma */
		mlock_fixup(vma, &prev, vma->vm_start, vma->vm_end,
			    (vma->vm_flags & VM_LOCKED_CLEAR_MASK) | to_add);
		next = prev->vm_next;
	}
}

SYSCALL_DEFINE1(mlockall, int, flags)
{
	struct mm_struct *mm = current->mm;
	int ret = -ENOMEM;

	if (!flags || (flags & ~(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)) || flags == MCL_ONFAULT)
		return -EINVAL;
	if (!can_do_mlock())
		return -EPERM;
	if (mmap_write_lock_killable(mm))
		return -EINTR;
	if (!(flags & MCL_CURRENT) || mm->total_vm <= rlimit(RLIMIT_MEMLOCK) >> PAGE_SHIFT ||
	    capable(CAP_IPC_LOCK)) {
		apply_mlockall_flags(mm, flags);
		ret = 0;
	}
	mmap_write_unlock(mm);
	if (!ret && (flags & MCL_CURRENT))
		mm_populate(0, TASK_SIZE);
	return ret;
}

SYSCALL_DEFINE0(munlockall)
{
	struct mm_struct *mm = current->mm;

	if (mmap_write_lock_killable(mm))
		return -EINTR;
	apply_mlockall_flags(mm, 0);
	mmap_write_unlock(mm);
	return 0;
}
