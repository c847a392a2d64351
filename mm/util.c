// SPDX-License-Identifier: GPL-2.0
/*
 * kvmalloc() and friends: memory from the slab allocator when it can be
 * had cheaply, else virtually contiguous memory from vmalloc, as Linux's.
 *
 * A request of a page or less, or one that may not sleep (its mask lacks
 * part of GFP_KERNEL: vmalloc's page tables and areas are allocated with
 * GFP_KERNEL), is a plain kmalloc(). A larger one first tries kmalloc()
 * without retrying or warning, so that a fragmented machine does not pay
 * for a high-order allocation, then vmalloc. kvfree() tells the two apart
 * by address. Context: as the gfp mask says.
 */
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/string.h>
#include <linux/bug.h>
#include <linux/kernel.h>
#include <linux/mman.h>
#include <linux/errno.h>
#include <linux/mmap_lock.h>
#include <linux/sysctl.h>
#include <linux/ratelimit.h>
#include <linux/printk.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include "internal.h"

void *kvmalloc_node(size_t size, gfp_t flags, int node)
{
	gfp_t kmalloc_flags = flags;
	void *p;

	if (size > PAGE_SIZE)
		kmalloc_flags |= __GFP_NOWARN | __GFP_NORETRY;
	p = kmalloc(size, kmalloc_flags);
	if (p || size <= PAGE_SIZE || (flags & GFP_KERNEL) != GFP_KERNEL)
		return p;
	/* vmalloc's sizes are unsigned long; Linux refuses what an int cannot count. */
	if (unlikely(size > INT_MAX)) {
		WARN_ON_ONCE(!(flags & __GFP_NOWARN));
		return NULL;
	}
	return __vmalloc_node_range(size, 1, VMALLOC_START, VMALLOC_END, flags, PAGE_KERNEL,
				    VM_ALLOW_HUGE_VMAP, node, __builtin_return_address(0));
}

void kvfree(const void *addr)
{
	if (is_vmalloc_addr(addr))
		vfree(addr);
	else
		kfree(addr);
}

void *kvrealloc(const void *p, size_t oldsize, size_t newsize, gfp_t flags)
{
	void *n;

	if (oldsize >= newsize)
		return (void *)p;
	n = kvmalloc(newsize, flags);
	if (!n)
		return NULL;
	memcpy(n, p, oldsize);
	kvfree(p);
	return n;
}

/*
 * DOC: mapping from the outside, and overcommit accounting
 *
 * vm_mmap_pgoff() is mmap(2) for a caller without the lock: it takes
 * mmap_lock, calls do_mmap() and, once the lock is dropped, faults in
 * what MAP_POPULATE or a VM_LOCKED mapping asks for.
 *
 * Overcommit (include/linux/mman.h has the picture): vm_committed_as is
 * one atomic counter, not Linux's per-CPU one: the charge and the test
 * happen together in __vm_enough_memory(), which charges first and gives
 * back on refusal, as Linux, so two racing requests cannot both pass a
 * limit that only one fits. CommitLimit = overcommit_kbytes, or
 * overcommit_ratio percent of RAM, plus swap (none yet); policy 2 keeps
 * back admin_reserve_kbytes from tasks without CAP_SYS_ADMIN and min(total_vm / 32,
 * user_reserve_kbytes) of the asking mm.
 */

unsigned long vm_mmap_pgoff(struct file *file, unsigned long addr, unsigned long len,
			    unsigned long prot, unsigned long flag, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret, populate;

	if (mmap_write_lock_killable(mm))
		return -EINTR;
	ret = do_mmap(file, addr, len, prot, flag, pgoff, &populate);
	mmap_write_unlock(mm);
	if (populate)
		mm_populate(ret, populate);
	return ret;
}

unsigned long vm_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flag, unsigned long offset)
{
	if (offset + PAGE_ALIGN(len) < offset)
		return -EINVAL;
	if (offset & ~PAGE_MASK)
		return -EINVAL;
	return vm_mmap_pgoff(file, addr, len, prot, flag, offset >> PAGE_SHIFT);
}

int sysctl_overcommit_memory = OVERCOMMIT_GUESS;
int sysctl_overcommit_ratio = 50;
unsigned long sysctl_overcommit_kbytes;
unsigned long sysctl_user_reserve_kbytes = 1UL << 17;	/* 128 MiB */
unsigned long sysctl_admin_reserve_kbytes = 1UL << 13;	/* 8 MiB */
atomic_long_t vm_committed_as;

void init_reserve_kbytes(void)
{
	unsigned long free_kbytes = nr_free_pages() << (PAGE_SHIFT - 10);

	sysctl_user_reserve_kbytes = min(free_kbytes / 32, 1UL << 17);
	sysctl_admin_reserve_kbytes = min(free_kbytes / 32, 1UL << 13);
}

int overcommit_ratio_handler(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			     loff_t *ppos)
{
	int ret = proc_dointvec(table, write, buffer, lenp, ppos);

	if (!ret && write)
		sysctl_overcommit_kbytes = 0;
	return ret;
}

int overcommit_kbytes_handler(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			      loff_t *ppos)
{
	int ret = proc_doulongvec_minmax(table, write, buffer, lenp, ppos);

	if (!ret && write)
		sysctl_overcommit_ratio = 0;
	return ret;
}

unsigned long vm_commit_limit(void)
{
	if (sysctl_overcommit_kbytes)
		return sysctl_overcommit_kbytes >> (PAGE_SHIFT - 10);
	return totalram_pages() * (unsigned long)sysctl_overcommit_ratio / 100;
}

unsigned long vm_memory_committed(void)
{
	long committed = atomic_long_read(&vm_committed_as);

	return committed < 0 ? 0 : (unsigned long)committed;
}

/* Policy 2's limit for @mm: CommitLimit less the reserves it may not use. */
static long overcommit_never_allowed(struct mm_struct *mm, int cap_sys_admin)
{
	long allowed = (long)vm_commit_limit();

	if (!cap_sys_admin)
		allowed -= (long)(sysctl_admin_reserve_kbytes >> (PAGE_SHIFT - 10));
	if (mm)
		allowed -= (long)min(mm->total_vm / 32,
				     sysctl_user_reserve_kbytes >> (PAGE_SHIFT - 10));
	return allowed;
}

int __vm_enough_memory(struct mm_struct *mm, long pages, int cap_sys_admin)
{
	static DEFINE_RATELIMIT_STATE(rs, DEFAULT_RATELIMIT_INTERVAL, DEFAULT_RATELIMIT_BURST);

	vm_acct_memory(pages);
	switch (sysctl_overcommit_memory) {
	case OVERCOMMIT_ALWAYS:
		return 0;
	case OVERCOMMIT_GUESS:
		if (pages <= (long)totalram_pages())
			return 0;
		break;
	default:
		if ((long)vm_memory_committed() < overcommit_never_allowed(mm, cap_sys_admin))
			return 0;
		break;
	}
	if (__ratelimit(&rs))
		pr_warn("%s: pid: %d, comm: %s, not enough memory for the allocation\n",
			__func__, current->pid, current->comm);
	vm_unacct_memory(pages);
	return -ENOMEM;
}

int security_vm_enough_memory_mm(struct mm_struct *mm, long pages)
{
	return __vm_enough_memory(mm, pages, capable(CAP_SYS_ADMIN));
}
