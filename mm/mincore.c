// SPDX-License-Identifier: GPL-2.0
/*
 * mincore(2) (Linux's mm/mincore.c): which pages of a range are resident.
 *
 * One byte per page goes to the user's vector, bit 0 set for a resident
 * page: mapped by a pte (present or PROT_NONE), or, where no pte maps
 * it, a page of the VMA's file found in its page cache (an anonymous
 * hole is not resident: no swap yet). A page-sized kernel buffer takes
 * up to PAGE_SIZE answers at a time, each batch found under mmap_lock
 * for reading and copied out after it is dropped (a fault on the vector
 * must not happen under the lock). The range must be mapped: a hole
 * ends the call with -ENOMEM.
 *
 * A file mapping reveals its page cache only to whoever could write the
 * file (Linux's side-channel rule): others see every page resident.
 */
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/pagewalk.h>
#include <linux/pagemap.h>
#include <linux/fs.h>
#include <linux/cred.h>
#include <linux/gfp.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <asm/uaccess.h>

/* Is page @index of @vma's file in its page cache? */
static unsigned char mincore_page(struct vm_area_struct *vma, pgoff_t index)
{
	struct folio *folio;

	if (!vma->vm_file)
		return 0;
	folio = filemap_get_folio(vma->vm_file->f_mapping, index);
	if (IS_ERR(folio))
		return 0;
	folio_put(folio);
	return 1;
}

/* The pages of [addr, end) no pte maps: the page cache answers for a file. */
static void mincore_unmapped_range(struct vm_area_struct *vma, unsigned long addr,
				   unsigned long end, unsigned char *vec)
{
	pgoff_t index = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	unsigned long i, nr = (end - addr) >> PAGE_SHIFT;

	for (i = 0; i < nr; i++)
		vec[i] = mincore_page(vma, index + i);
}

/* The walk's vector: where the answer for address @addr goes. */
struct mincore_walk {
	unsigned char *vec;
	unsigned long start;
};

static unsigned char *mincore_slot(struct mm_walk *walk, unsigned long addr)
{
	struct mincore_walk *mw = walk->private;

	return mw->vec + ((addr - mw->start) >> PAGE_SHIFT);
}

static int mincore_pte_hole(unsigned long addr, unsigned long end, int depth,
			    struct mm_walk *walk)
{
	mincore_unmapped_range(walk->vma, addr, end, mincore_slot(walk, addr));
	return 0;
}

static int mincore_pte_entry(pte_t *pte, unsigned long addr, unsigned long next,
			     struct mm_walk *walk)
{
	pte_t entry = ptep_get(pte);

	if (pte_none(entry))
		mincore_unmapped_range(walk->vma, addr, next, mincore_slot(walk, addr));
	else
		*mincore_slot(walk, addr) = pte_present(entry);
	return 0;
}

static const struct mm_walk_ops mincore_walk_ops = {
	.pte_entry = mincore_pte_entry,
	.pte_hole = mincore_pte_hole,
};

/* May the caller see @vma's page cache? Anonymous memory always; a file if it could write it. */
static bool can_do_mincore(struct vm_area_struct *vma)
{
	struct file *file = vma->vm_file;

	if (vma_is_anonymous(vma) || !file)
		return vma_is_anonymous(vma);
	return (file->f_mode & FMODE_WRITE) || capable(CAP_FOWNER) ||
	       file->f_inode->i_uid == current_fsuid();
}

/* Answer for up to @pages pages from @addr, within one VMA. Return: the pages answered, or -ENOMEM. */
static long do_mincore(unsigned long addr, unsigned long pages, unsigned char *vec)
{
	struct vm_area_struct *vma = vma_lookup(current->mm, addr);
	struct mincore_walk mw = { .vec = vec, .start = addr };
	unsigned long end;
	int err;

	if (!vma)
		return -ENOMEM;
	end = min(vma->vm_end, addr + (pages << PAGE_SHIFT));
	if (!can_do_mincore(vma)) {
		memset(vec, 1, (end - addr) >> PAGE_SHIFT);
		return (long)((end - addr) >> PAGE_SHIFT);
	}
	err = walk_page_range(vma->vm_mm, addr, end, &mincore_walk_ops, &mw);
	if (err < 0)
		return err;
	return (long)((end - addr) >> PAGE_SHIFT);
}

SYSCALL_DEFINE3(mincore, unsigned long, start, size_t, len, unsigned char __user *, vec)
{
	unsigned long pages;
	unsigned char *tmp;
	long retval = 0;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!access_ok((void __user *)start, len))
		return -ENOMEM;
	pages = (len >> PAGE_SHIFT) + ((len & ~PAGE_MASK) != 0);
	if (!access_ok(vec, pages))
		return -EFAULT;
	tmp = (unsigned char *)__get_free_page(GFP_USER);
	if (!tmp)
		return -EAGAIN;
	while (pages) {
		mmap_read_lock(current->mm);
		retval = do_mincore(start, min(pages, PAGE_SIZE), tmp);
		mmap_read_unlock(current->mm);
		if (retval <= 0)
			break;
		if (copy_to_user(vec, tmp, (unsigned long)retval)) {
			retval = -EFAULT;
			break;
		}
		pages -= (unsigned long)retval;
		vec += retval;
		start += (unsigned long)retval << PAGE_SHIFT;
		retval = 0;
	}
	free_page((unsigned long)tmp);
	return retval;
}
