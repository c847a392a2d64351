// SPDX-License-Identifier: GPL-2.0
/*
 * process_vm_readv() and process_vm_writev() (Linux's
 * mm/process_vm_access.c): copy between the caller's buffers and another
 * process's memory without stopping it.
 *
 * The target's mm comes from mm_access() with PTRACE_MODE_ATTACH_REALCREDS
 * (the same user and a dumpable target, or CAP_SYS_PTRACE; EPERM
 * otherwise). Each remote segment is done in batches of PVM_BATCH pages:
 * the pages are taken with get_user_pages_remote() under the target's
 * mmap_lock (FOLL_WRITE for a write, which breaks COW in the target as a
 * write of its own would), the lock is dropped, then the bytes are copied
 * to or from the local iterator, so a fault on the caller's own buffers
 * never nests in the target's lock (the target may be the caller).
 *
 * As Linux: the count returned is what was copied before the first
 * failure; with nothing copied, the error (EFAULT for a remote hole or a
 * local fault, ENOMEM).
 */
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/highmem.h>
#include <linux/pagemap.h>
#include <linux/rmap.h>
#include <linux/uio.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <linux/ptrace.h>
#include <linux/syscalls.h>
#include <linux/sched/mm.h>
#include <linux/sched/task.h>
#include <asm/uaccess.h>

#define PVM_BATCH	16

/* Copy @len bytes at @offset of each of @pages (nr of them) to or from @iter. Return: bytes moved. */
static size_t pvm_copy_pages(struct page **pages, int nr, unsigned long offset, size_t len,
			     struct iov_iter *iter, bool write)
{
	size_t done = 0;
	int i;

	for (i = 0; i < nr && done < len; i++) {
		size_t n = min_t(size_t, PAGE_SIZE - offset, len - done), moved;
		void *kaddr = kmap_local_page(pages[i]);

		if (write)
			moved = copy_from_iter(kaddr + offset, n, iter);
		else
			moved = copy_to_iter(kaddr + offset, n, iter);
		kunmap_local(kaddr);
		done += moved;
		if (moved < n)
			break;
		offset = 0;
	}
	return done;
}

/* One remote segment [@addr, @addr + @len). Return: 0 or -errno once nothing more moves. */
static int pvm_single_vec(struct mm_struct *mm, unsigned long addr, size_t len,
			  struct iov_iter *iter, bool write)
{
	struct page *pages[PVM_BATCH];

	while (len && iov_iter_count(iter)) {
		unsigned long offset = addr & ~PAGE_MASK;
		unsigned long nr = min_t(unsigned long, PVM_BATCH,
					 DIV_ROUND_UP(offset + len, PAGE_SIZE));
		size_t want, moved;
		long got;
		int i;

		mmap_read_lock(mm);
		got = get_user_pages_remote(mm, addr, nr, write ? FOLL_WRITE : 0, pages, NULL, NULL);
		mmap_read_unlock(mm);
		if (got <= 0)
			return got ? got : -EFAULT;
		want = min_t(size_t, len, got * PAGE_SIZE - offset);
		moved = pvm_copy_pages(pages, got, offset, want, iter, write);
		for (i = 0; i < got; i++) {
			if (write && !PageAnon(pages[i]))	/* a file page: tmpfs's */
				folio_mark_dirty(page_folio(pages[i]));
			put_page(pages[i]);
		}
		addr += moved;
		len -= moved;
		if (moved < want)
			return -EFAULT;
	}
	return 0;
}

/* Linux's mm_access() for this: the target's mm, or -ESRCH/-EPERM. */
static struct mm_struct *pvm_get_mm(pid_t pid)
{
	struct task_struct *task = find_get_task_by_vpid(pid);
	struct mm_struct *mm;

	if (!task)
		return ERR_PTR(-ESRCH);
	mm = mm_access(task, PTRACE_MODE_ATTACH_REALCREDS);
	put_task_struct(task);
	if (!mm)
		return ERR_PTR(-ESRCH);
	return IS_ERR(mm) && PTR_ERR(mm) == -EACCES ? ERR_PTR(-EPERM) : mm;
}

static ssize_t process_vm_rw(pid_t pid, const struct iovec __user *lvec, unsigned long liovcnt,
			     const struct iovec __user *rvec, unsigned long riovcnt,
			     unsigned long flags, bool write)
{
	struct iovec fast[UIO_FASTIOV], *iov = fast, *remote;
	struct iov_iter iter;
	struct mm_struct *mm;
	ssize_t total, ret = 0;
	size_t start;
	unsigned long i;

	if (flags)
		return -EINVAL;
	if (liovcnt > UIO_MAXIOV || riovcnt > UIO_MAXIOV)
		return -EINVAL;
	total = import_iovec(write ? ITER_SOURCE : ITER_DEST, lvec, liovcnt, UIO_FASTIOV, &iov,
			     &iter);
	if (total < 0)
		return total;
	if (!total)
		goto free_local;
	remote = kmalloc_array(riovcnt ?: 1, sizeof(*remote), GFP_KERNEL);
	ret = -ENOMEM;
	if (!remote)
		goto free_local;
	ret = -EFAULT;
	if (copy_from_user(remote, rvec, riovcnt * sizeof(*remote)))
		goto free_remote;
	ret = iov_length_checked(remote, riovcnt);
	if (ret < 0)
		goto free_remote;
	mm = pvm_get_mm(pid);
	ret = PTR_ERR(mm);
	if (IS_ERR(mm))
		goto free_remote;
	start = iov_iter_count(&iter);
	ret = 0;
	for (i = 0; i < riovcnt && iov_iter_count(&iter) && !ret; i++)
		ret = pvm_single_vec(mm, (unsigned long)remote[i].iov_base, remote[i].iov_len,
				     &iter, write);
	if (start != iov_iter_count(&iter))
		ret = start - iov_iter_count(&iter);
	mmput(mm);
free_remote:
	kfree(remote);
free_local:
	kfree(iov);
	return ret;
}

SYSCALL_DEFINE6(process_vm_readv, pid_t, pid, const struct iovec __user *, lvec,
		unsigned long, liovcnt, const struct iovec __user *, rvec,
		unsigned long, riovcnt, unsigned long, flags)
{
	return process_vm_rw(pid, lvec, liovcnt, rvec, riovcnt, flags, false);
}

SYSCALL_DEFINE6(process_vm_writev, pid_t, pid, const struct iovec __user *, lvec,
		unsigned long, liovcnt, const struct iovec __user *, rvec,
		unsigned long, riovcnt, unsigned long, flags)
{
	return process_vm_rw(pid, lvec, liovcnt, rvec, riovcnt, flags, true);
}
