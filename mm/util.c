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
