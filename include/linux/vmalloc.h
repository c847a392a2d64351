/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel virtual memory (mm/vmalloc.c): virtually contiguous areas in
 * [VMALLOC_START, VMALLOC_END), backed by pages that need not be
 * contiguous, with Linux's interface. Every area is followed by an unmapped
 * guard page unless VM_NO_GUARD, so running off its end faults.
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/rbtree.h>
#include <linux/gfp.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>

struct page;

/* vm_struct.flags */
#define VM_IOREMAP		0x00000001	/* ioremap() and friends */
#define VM_ALLOC		0x00000002	/* vmalloc() */
#define VM_MAP			0x00000004	/* vmap()ed pages */
#define VM_USERMAP		0x00000008	/* suitable for remap_vmalloc_range */
#define VM_UNINITIALIZED	0x00000020	/* not yet ready for vmallocinfo */
#define VM_NO_GUARD		0x00000040	/* no guard page after the area */
#define VM_ALLOW_HUGE_VMAP	0x00000400	/* may be mapped with 2 MiB pages */
#define VM_SPARSE		0x00001000	/* owner maps parts: vm_area_map_pages() */

/* An area in use: what find_vm_area() returns and vmallocinfo lists. */
struct vm_struct {
	void *addr;
	unsigned long size;		/* with the guard page */
	unsigned long flags;
	struct page **pages;		/* VM_ALLOC, VM_MAP: one a page (heads for huge) */
	unsigned int page_order;	/* of each entry of pages: 0 or PMD order */
	unsigned int nr_pages;		/* in 4 KiB pages */
	phys_addr_t phys_addr;		/* ioremap */
	const void *caller;
};

/*
 * A range of the vmalloc space: busy (in vmap_area_root, with its vm), free
 * (in free_vmap_area_root, with the largest free size of its subtree), or
 * freed and waiting for the next purge.
 */
struct vmap_area {
	unsigned long va_start;
	unsigned long va_end;
	struct rb_node rb_node;
	struct list_head list;		/* on purge_list, while lazy */
	union {
		unsigned long subtree_max_size;	/* free */
		struct vm_struct *vm;		/* busy */
	};
};

void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void *vmalloc_user(unsigned long size);
void *vmalloc_32(unsigned long size);
void *vmalloc_node(unsigned long size, int node);
void *vmalloc_huge(unsigned long size, gfp_t gfp_mask);
void *__vmalloc(unsigned long size, gfp_t gfp_mask);
void *__vmalloc_node_range(unsigned long size, unsigned long align, unsigned long start,
			   unsigned long end, gfp_t gfp_mask, pgprot_t prot,
			   unsigned long vm_flags, int node, const void *caller);
/* Free a vmalloc()ed area; NULL is allowed. Context: any (deferred from interrupts). */
void vfree(const void *addr);

void *vmap(struct page **pages, unsigned int count, unsigned long flags, pgprot_t prot);
void vunmap(const void *addr);

/**
 * vm_area_map_pages - map pages into part of a VM_SPARSE area
 * @area: an area reserved with get_vm_area_caller(size, VM_SPARSE, caller)
 * @start: first address to map, page-aligned, within the area
 * @end: end of the range, page-aligned, at most the area's end without its guard
 * @pages: (end - start) / PAGE_SIZE pages, mapped PAGE_KERNEL in order
 *
 * The owner decides which parts of its area are backed (Linux 6.10's
 * interface); the rest stays unmapped and faults. The pages stay the
 * owner's: remove_vm_area() unmaps the whole area, the owner frees them.
 * Neither they nor the area count in vmalloc_nr_pages().
 *
 * Return: 0; -EINVAL if @area is not VM_SPARSE, -ERANGE for a range out
 * of it, -ENOMEM when a page table cannot be had (what was mapped stays,
 * for remove_vm_area()). Context: process, may sleep.
 */
int vm_area_map_pages(struct vm_struct *area, unsigned long start, unsigned long end,
		      struct page **pages);

struct page *vmalloc_to_page(const void *addr);
unsigned long vmalloc_to_pfn(const void *addr);
struct vm_struct *find_vm_area(const void *addr);
struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller);
struct vm_struct *remove_vm_area(const void *addr);
/* Map [addr, end) of a reserved area to the physical range from @phys_addr. */
int ioremap_page_range(unsigned long addr, unsigned long end, phys_addr_t phys_addr,
		       pgprot_t prot);

static inline bool is_vmalloc_addr(const void *x)
{
	unsigned long addr = (unsigned long)x;

	return addr >= VMALLOC_START && addr < VMALLOC_END;
}

/* Pages of memory vmalloc() has mapped (meminfo's VmallocUsed). */
unsigned long vmalloc_nr_pages(void);
/* The largest free range (meminfo's VmallocChunk), in bytes. */
unsigned long vmalloc_largest_free(void);

/*
 * vmalloc_info_show - /proc/vmallocinfo into @m: every busy area with its
 * caller, pages and kind, then the lazily freed ones ("unpurged vm_area").
 * Context: takes vmap_area_lock, then purge_lock.
 */
struct seq_file;
int vmalloc_info_show(struct seq_file *m, void *v);

/* Free every lazily freed area now, with one TLB flush. */
void vm_unmap_aliases(void);

void vmalloc_init(void);

#endif /* _LINUX_VMALLOC_H */
