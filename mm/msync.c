// SPDX-License-Identifier: GPL-2.0
/*
 * msync(2) (Linux's mm/msync.c): write a shared file mapping's changes
 * back to the file.
 *
 * Every file system here keeps its files in memory (tmpfs, ramfs): a
 * shared mapping writes the page cache itself, so there is nothing to
 * write back and MS_SYNC, like MS_ASYNC, has no work to do. What remains
 * is Linux's contract: the checks of the flags and the range, EBUSY for
 * MS_INVALIDATE over locked memory, and ENOMEM for a hole (after the
 * rest of the range has been handled; at once for plain MS_ASYNC).
 */
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/errno.h>

/* Walk the VMAs of [start, end) as msync does. Return: 0, -ENOMEM or -EBUSY. */
static int msync_range(struct mm_struct *mm, unsigned long start, unsigned long end, int flags)
{
	struct vm_area_struct *vma = find_vma(mm, start);
	int unmapped_error = 0;

	for (; vma; vma = vma->vm_next) {
		if (start < vma->vm_start) {
			if (flags == MS_ASYNC)
				return -ENOMEM;
			start = vma->vm_start;
			if (start >= end)
				return -ENOMEM;
			unmapped_error = -ENOMEM;
		}
		if ((flags & MS_INVALIDATE) && (vma->vm_flags & VM_LOCKED))
			return -EBUSY;
		start = vma->vm_end;
		if (start >= end)
			return unmapped_error;
	}
	return -ENOMEM;
}

SYSCALL_DEFINE3(msync, unsigned long, start, size_t, len, int, flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long end;
	int error;

	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -ENOMEM;
	if (end == start)
		return 0;
	mmap_read_lock(mm);
	error = msync_range(mm, start, end, flags);
	mmap_read_unlock(mm);
	return error;
}
