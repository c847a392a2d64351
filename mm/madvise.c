// SPDX-License-Identifier: GPL-2.0
/*
 * madvise(2) (Linux 6.1's mm/madvise.c): advice on the use of a range.
 *
 * do_madvise() checks the advice and the range, then visits each VMA of
 * the range (madvise_walk_vmas()); holes are skipped and reported at the
 * end as -ENOMEM, after the advice was applied to what is mapped. Advice
 * comes in three kinds:
 *
 *   flags     NORMAL, RANDOM, SEQUENTIAL, DONTFORK, DOFORK, WIPEONFORK,
 *             KEEPONFORK, DONTDUMP, DODUMP: a VM_* flag set or cleared on
 *             the part of the VMA in the range, split off or merged
 *             (vma_modify_flags()); mmap_lock held for writing.
 *   pages     DONTNEED (and DONTNEED_LOCKED): the pages are unmapped and
 *             freed (zap_page_range()), the next touch faults in zeroes
 *             or the file's page. FREE: anonymous pages mapped once are
 *             made clean, old and lazily freeable (PG_swapbacked cleared,
 *             Linux's folio_mark_lazyfree()): reclaim may drop them until
 *             they are written again. There is no reclaim yet, so they
 *             stay until then; their contents are what was there or, once
 *             reclaim exists, zeroes, both as Linux allows. REMOVE: a hole
 *             punched in the shared file (vfs_fallocate()). POPULATE_READ
 *             and POPULATE_WRITE: fault the pages in as a read or write
 *             would (faultin_vma_page_range()). mmap_lock held for reading.
 *   no-ops    WILLNEED (no swap, no readahead: everything is in memory),
 *             COLD and PAGEOUT (no LRU, no swap yet): accepted, as Linux.
 *
 * With THP and KSM not built (Linux 6.1 configured without them),
 * HUGEPAGE, NOHUGEPAGE, COLLAPSE, MERGEABLE and UNMERGEABLE are EINVAL;
 * without CONFIG_MEMORY_FAILURE so are HWPOISON and SOFT_OFFLINE.
 *
 * process_madvise() needs pidfds, which do not exist yet.
 */
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/pagewalk.h>
#include <linux/rmap.h>
#include <linux/fs.h>
#include <linux/falloc.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/printk.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/pid.h>
#include <linux/ptrace.h>
#include <linux/uio.h>
#include <linux/slab.h>
#include <linux/capability.h>
#include <linux/sched/mm.h>
#include <linux/sched/task.h>
#include <asm/tlbflush.h>
#include "internal.h"

static bool madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_DOFORK:
	case MADV_DONTFORK:
	case MADV_NORMAL:
	case MADV_SEQUENTIAL:
	case MADV_RANDOM:
	case MADV_REMOVE:
	case MADV_WILLNEED:
	case MADV_DONTNEED:
	case MADV_DONTNEED_LOCKED:
	case MADV_FREE:
	case MADV_COLD:
	case MADV_PAGEOUT:
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
	case MADV_DONTDUMP:
	case MADV_DODUMP:
	case MADV_WIPEONFORK:
	case MADV_KEEPONFORK:
		return true;
	default:
		return false;
	}
}

/* The advice that changes VMAs takes mmap_lock for writing; the rest for reading. */
static bool madvise_need_mmap_write(int behavior)
{
	switch (behavior) {
	case MADV_REMOVE:
	case MADV_WILLNEED:
	case MADV_DONTNEED:
	case MADV_DONTNEED_LOCKED:
	case MADV_COLD:
	case MADV_PAGEOUT:
	case MADV_FREE:
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
		return false;
	default:
		return true;
	}
}

/* The VM_* flags @behavior gives @vma; -EINVAL where Linux refuses it. */
static long madvise_new_flags(struct vm_area_struct *vma, int behavior)
{
	unsigned long flags = vma->vm_flags;

	switch (behavior) {
	case MADV_NORMAL:
		return (long)(flags & ~(VM_RAND_READ | VM_SEQ_READ));
	case MADV_SEQUENTIAL:
		return (long)((flags & ~VM_RAND_READ) | VM_SEQ_READ);
	case MADV_RANDOM:
		return (long)((flags & ~VM_SEQ_READ) | VM_RAND_READ);
	case MADV_DONTFORK:
		return (long)(flags | VM_DONTCOPY);
	case MADV_DOFORK:
		if (flags & VM_IO)
			return -EINVAL;
		return (long)(flags & ~VM_DONTCOPY);
	case MADV_WIPEONFORK:	/* anonymous private memory only */
		if (vma->vm_file || (flags & VM_SHARED))
			return -EINVAL;
		return (long)(flags | VM_WIPEONFORK);
	case MADV_KEEPONFORK:
		return (long)(flags & ~VM_WIPEONFORK);
	case MADV_DONTDUMP:
		return (long)(flags | VM_DONTDUMP);
	case MADV_DODUMP:
		if (flags & VM_SPECIAL)
			return -EINVAL;
		return (long)(flags & ~VM_DONTDUMP);
	default:
		BUG();
	}
}

static int madvise_update_vma(struct vm_area_struct *vma, struct vm_area_struct **prev,
			      unsigned long start, unsigned long end, unsigned long new_flags)
{
	if (new_flags == vma->vm_flags) {
		*prev = vma;
		return 0;
	}
	vma = vma_modify_flags(vma->vm_mm, *prev, vma, start, end, new_flags);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	*prev = vma;
	vma->vm_flags = new_flags;
	return 0;
}

/* MADV_FREE of one pte: an anonymous page mapped only here becomes clean, old, lazyfree. */
static int madvise_free_pte_entry(pte_t *ptep, unsigned long addr, unsigned long next,
				  struct mm_walk *walk)
{
	pte_t pte = ptep_get(ptep);
	struct folio *folio;

	if (!(pte_flags(pte) & _PAGE_PRESENT) || pte_special(pte))
		return 0;
	folio = page_folio(pfn_to_page(pte_pfn(pte)));
	if (!folio_test_anon(folio) || folio_mapcount(folio) != 1)
		return 0;
	folio_clear_dirty(folio);
	if (pte_young(pte) || pte_dirty(pte)) {
		set_pte_at(walk->mm, addr, ptep, pte_mkclean(pte_mkold(pte)));
		*(bool *)walk->private = true;
	}
	folio_clear_swapbacked(folio);
	return 0;
}

static const struct mm_walk_ops madvise_free_walk_ops = {
	.pte_entry = madvise_free_pte_entry,
};

static int madvise_free_single_vma(struct vm_area_struct *vma, unsigned long start,
				   unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	bool flush = false;

	if (!vma_is_anonymous(vma))
		return -EINVAL;
	spin_lock(&mm->page_table_lock);
	walk_page_range(mm, start, end, &madvise_free_walk_ops, &flush);
	spin_unlock(&mm->page_table_lock);
	/* Before the lock goes: a write through a stale dirty TLB entry would be lost. */
	if (flush)
		flush_tlb_range(vma, start, end);
	return 0;
}

static int madvise_dontneed_free(struct vm_area_struct *vma, struct vm_area_struct **prev,
				 unsigned long start, unsigned long end, int behavior)
{
	unsigned long forbidden = VM_PFNMAP;

	*prev = vma;
	if (behavior != MADV_DONTNEED_LOCKED)
		forbidden |= VM_LOCKED;
	if (vma->vm_flags & forbidden)
		return -EINVAL;
	if (behavior == MADV_FREE)
		return madvise_free_single_vma(vma, start, end);
	zap_page_range(vma, start, end - start);
	return 0;
}

/*
 * MADV_REMOVE: punch the hole in the file with mmap_lock dropped (as
 * Linux); *@prev = NULL tells the walk to look the VMAs up again.
 */
static int madvise_remove(struct vm_area_struct *vma, struct vm_area_struct **prev,
			  unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	struct file *f = vma->vm_file;
	loff_t offset;
	int error;

	*prev = NULL;
	if (vma->vm_flags & VM_LOCKED)
		return -EINVAL;
	if (!f || !f->f_mapping)
		return -EINVAL;
	if ((vma->vm_flags & (VM_SHARED | VM_WRITE)) != (VM_SHARED | VM_WRITE))
		return -EACCES;
	offset = (loff_t)(start - vma->vm_start) + ((loff_t)vma->vm_pgoff << PAGE_SHIFT);
	get_file(f);
	mmap_read_unlock(mm);
	error = vfs_fallocate(f, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, offset,
			      (loff_t)(end - start));
	fput(f);
	mmap_read_lock(mm);
	return error;
}

/* faultin_vma_page_range()'s errors as MADV_POPULATE_* reports them (Linux 6.1). */
static int madvise_populate_error(long err)
{
	switch (err) {
	case -EINTR:
	case -EINVAL:	/* the mapping or its permissions do not allow it */
	case -EFAULT:	/* SIGBUS or SIGSEGV */
	case -ENOMEM:
		return (int)err;
	default:
		pr_warn_once("%s: unhandled return value: %ld\n", __func__, err);
		return -ENOMEM;
	}
}

static int madvise_populate(struct vm_area_struct *vma, struct vm_area_struct **prev,
			    unsigned long start, unsigned long end, int behavior)
{
	const bool write = behavior == MADV_POPULATE_WRITE;
	long pages;

	*prev = vma;
	while (start < end) {
		pages = faultin_vma_page_range(vma, start, end, write);
		if (pages < 0)
			return madvise_populate_error(pages);
		if (!pages)		/* cannot happen: a fault either maps or fails */
			return -ENOMEM;
		start += (unsigned long)pages * PAGE_SIZE;
	}
	return 0;
}

/* Apply @behavior to [start, end) of @vma; *@prev as the walk needs it. */
static int madvise_vma_behavior(struct vm_area_struct *vma, struct vm_area_struct **prev,
				unsigned long start, unsigned long end, int behavior)
{
	long new_flags;
	int error;

	switch (behavior) {
	case MADV_REMOVE:
		return madvise_remove(vma, prev, start, end);
	case MADV_WILLNEED:
	case MADV_COLD:
	case MADV_PAGEOUT:
		*prev = vma;
		return 0;
	case MADV_FREE:
	case MADV_DONTNEED:
	case MADV_DONTNEED_LOCKED:
		return madvise_dontneed_free(vma, prev, start, end, behavior);
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
		return madvise_populate(vma, prev, start, end, behavior);
	}
	new_flags = madvise_new_flags(vma, behavior);
	if (new_flags < 0)
		return (int)new_flags;
	error = madvise_update_vma(vma, prev, start, end, (unsigned long)new_flags);
	/* Linux: a temporary shortage of kernel memory is EAGAIN to madvise's callers. */
	return error == -ENOMEM ? -EAGAIN : error;
}

static int madvise_walk_vmas(struct mm_struct *mm, unsigned long start, unsigned long end,
			     int behavior)
{
	struct vm_area_struct *vma, *prev;
	int unmapped_error = 0, error;
	unsigned long tmp;

	vma = find_vma_prev(mm, start, &prev);
	if (vma && start > vma->vm_start)
		prev = vma;
	for (;;) {
		if (!vma)
			return -ENOMEM;
		if (start < vma->vm_start) {	/* a hole: skipped, reported at the end */
			unmapped_error = -ENOMEM;
			start = vma->vm_start;
			if (start >= end)
				break;
		}
		tmp = min(vma->vm_end, end);
		error = madvise_vma_behavior(vma, &prev, start, tmp, behavior);
		if (error)
			return error;
		start = tmp;
		if (prev && start < prev->vm_end)
			start = prev->vm_end;
		if (start >= end)
			break;
		vma = prev ? prev->vm_next : find_vma(mm, start);
	}
	return unmapped_error;
}

int do_madvise(struct mm_struct *mm, unsigned long start, size_t len_in, int behavior)
{
	unsigned long end;
	size_t len;
	bool write;
	int error;

	if (!madvise_behavior_valid(behavior))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	len = PAGE_ALIGN(len_in);
	if (len_in && !len)		/* rounded up from near -1 to 0 */
		return -EINVAL;
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	write = madvise_need_mmap_write(behavior);
	if (write) {
		if (mmap_write_lock_killable(mm))
			return -EINTR;
	} else {
		mmap_read_lock(mm);
	}
	error = madvise_walk_vmas(mm, start, end, behavior);
	if (write)
		mmap_write_unlock(mm);
	else
		mmap_read_unlock(mm);
	return error;
}

SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len_in, int, behavior)
{
	return do_madvise(current->mm, start, len_in, behavior);
}

/* Linux 6.1's process_madvise_behavior_valid(): the hints that do not destroy data. */
static bool process_madvise_behavior_valid(int behavior)
{
	return behavior == MADV_COLD || behavior == MADV_PAGEOUT || behavior == MADV_WILLNEED;
}

/*
 * process_madvise(): the hint on each range of another process (named by
 * a pidfd) as its own madvise() would take it. The target's mm needs
 * PTRACE_MODE_READ_FSCREDS (mm_access()), the caller CAP_SYS_NICE (Linux
 * 6.1 asks it even for itself). Return: the bytes advised before the
 * first failure, or that failure.
 */
SYSCALL_DEFINE5(process_madvise, int, pidfd, const struct iovec __user *, vec, size_t, vlen,
		int, behavior, unsigned int, flags)
{
	struct iovec fast[UIO_FASTIOV], *iov = fast;
	struct task_struct *task;
	struct mm_struct *mm;
	struct iov_iter iter;
	unsigned int f_flags;
	ssize_t ret, total = 0;

	if (flags)
		return -EINVAL;
	ret = import_iovec(ITER_DEST, vec, vlen, ARRAY_SIZE(fast), &iov, &iter);
	if (ret < 0)
		return ret;
	task = pidfd_get_task(pidfd, &f_flags);
	ret = PTR_ERR(task);
	if (IS_ERR(task))
		goto free_iov;
	ret = -EINVAL;
	if (!process_madvise_behavior_valid(behavior))
		goto put_task;
	mm = mm_access(task, PTRACE_MODE_READ_FSCREDS);
	ret = IS_ERR(mm) ? PTR_ERR(mm) : -ESRCH;
	if (IS_ERR_OR_NULL(mm))
		goto put_task;
	ret = -EPERM;
	if (!capable(CAP_SYS_NICE))
		goto put_mm;
	for (ret = 0; iov_iter_count(&iter); ) {
		const struct iovec *v = iter.__iov;
		size_t len = v->iov_len - iter.iov_offset;

		ret = do_madvise(mm, (unsigned long)v->iov_base + iter.iov_offset, len, behavior);
		if (ret < 0)
			break;
		total += len;
		iov_iter_advance(&iter, len);
	}
	ret = total ?: ret;
put_mm:
	mmput(mm);
put_task:
	put_task_struct(task);
free_iov:
	kfree(iov);
	return ret;
}
