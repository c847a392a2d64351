/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the files of mm/ share that the rest of the kernel must not call
 * (Documentation/design.md, "Private headers").
 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <linux/spinlock.h>
#include <linux/mm.h>
#include <linux/stackdepot.h>
#include <linux/fault-inject.h>
#include <linux/errno.h>

/* TSC cycles memmap_init() took (the memmap_init_per_GiB benchmark). */
extern u64 memmap_init_cycles;

/* mm/sparse.c: mark sections with RAM present and map their struct pages. */
void sparse_init(void);

unsigned long memblock_free_all(void);
void mem_init_print_info(void);

/* ---- mm/memory.c ---- */
/*
 * pmd_install - hang the pte table *@pte under the empty @pmd, or leave
 * it if another CPU populated @pmd first; *@pte is NULL when it was used
 * (the caller frees what is left). Takes mm->page_table_lock.
 */
void pmd_install(struct mm_struct *mm, pmd_t *pmd, pgtable_t *pte);

/* ---- mm/gup.c ---- */
/**
 * populate_vma_page_range - fault in [@start, @end) of @vma (MAP_POPULATE, mlock)
 * @vma: the VMA; @start and @end page aligned, inside it
 *
 * Private writable mappings are written (COW broken now), the rest read;
 * anything but PROT_NONE is faulted in (FOLL_FORCE), and a VM_LOCKONFAULT
 * VMA not at all. Return: the pages done, or -errno for the first.
 * Context: mmap_lock held for reading.
 */
long populate_vma_page_range(struct vm_area_struct *vma, unsigned long start,
			     unsigned long end);
/**
 * faultin_vma_page_range - MADV_POPULATE_READ/WRITE of [@start, @end) of @vma
 * @write: write fault (MADV_POPULATE_WRITE)
 *
 * As populate_vma_page_range() but honouring the VMA's permissions.
 * Return: the pages done, -EINVAL when the VMA forbids the access,
 * -EFAULT / -ENOMEM from the first fault. Context: mmap_lock held for reading.
 */
long faultin_vma_page_range(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end, bool write);

/* ---- mm/page_alloc.c ---- */
/*
 * The bits of a caller's mask that say how hard to try, kept when an
 * allocator allocates its own metadata on the caller's behalf.
 */
#define GFP_RECLAIM_MASK	(__GFP_RECLAIM | __GFP_HIGH | __GFP_IO | __GFP_FS | \
				 __GFP_NOWARN | __GFP_RETRY_MAYFAIL | __GFP_NOFAIL | \
				 __GFP_NORETRY | __GFP_MEMALLOC | __GFP_NOMEMALLOC)
extern bool init_on_alloc, init_on_free;
/* Check every page of a block on free and allocation (debugging options). */
extern bool check_pages_enabled;

/* alloc_flags: which watermark, and how far below min a request may go. */
#define ALLOC_WMARK_MIN		WMARK_MIN
#define ALLOC_WMARK_LOW		WMARK_LOW
#define ALLOC_WMARK_HIGH	WMARK_HIGH
#define ALLOC_NO_WATERMARKS	0x04
#define ALLOC_WMARK_MASK	(ALLOC_NO_WATERMARKS - 1)
#define ALLOC_HARDER		0x10	/* GFP_ATOMIC: a quarter below min */
#define ALLOC_HIGH		0x20	/* __GFP_HIGH: half below min */

/* The order of a free block, kept in its head page (PageBuddy) under zone->lock. */
static inline unsigned int buddy_order(const struct page *page)
{
	return (unsigned int)page->private;
}

void zone_init_free_lists(struct zone *zone);
void page_alloc_init(void);
void __free_pages_core(struct page *page, unsigned int order);
/* Resize @zone's per-CPU lists from its low watermark. Takes each pcp->lock. */
void zone_pcp_update(struct zone *zone);
bool zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
		       int highest_zoneidx, unsigned int alloc_flags);
bool __zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
			 int highest_zoneidx, unsigned int alloc_flags, long free_pages);

/* ---- mm/mm_init.c: the boot-time tunables ---- */
extern int sysctl_lowmem_reserve_ratio[MAX_NR_ZONES];
extern unsigned long totalreserve_pages;
/* min_free_kbytes from the managed memory, then setup_per_zone_tunables(). */
void page_alloc_init_late(void);
/* Watermarks, lowmem reserves, totalreserve_pages and per-CPU list sizes. */
void setup_per_zone_tunables(void);

/* ---- mm/show_mem.c: reports and the invariant checker ---- */
/*
 * warn_alloc - report an allocation that failed, as Linux: "COMM: WHAT,
 * mode:0x...(GFP_...), nodemask=(null)", a stack trace and show_mem();
 * nothing for __GFP_NOWARN, and at most 10 reports in 5 seconds.
 */
void warn_alloc(gfp_t gfp, const char *fmt, ...) __printf(2, 3);
/* Start a new window of 10 reports: for tests that check one is printed. */
void warn_alloc_ratelimit_reset(void);
/*
 * free_area_check - the buddy invariants of every zone (see the top of
 * mm/page_alloc.c); reports the first violation of each zone with pr_err.
 * Return: true when all hold. Context: takes each zone->lock.
 */
bool free_area_check(void);

/* ---- mm/page_poison.c: page_poison=1 ---- */
#define PAGE_POISON	0xaa
extern bool page_poisoning_enabled;
void __kernel_poison_pages(struct page *page, unsigned long nr);
void __kernel_unpoison_pages(struct page *page, unsigned long nr);

static inline void kernel_poison_pages(struct page *page, unsigned long nr)
{
	if (unlikely(page_poisoning_enabled))
		__kernel_poison_pages(page, nr);
}

static inline void kernel_unpoison_pages(struct page *page, unsigned long nr)
{
	if (unlikely(page_poisoning_enabled))
		__kernel_unpoison_pages(page, nr);
}

/* ---- mm/debug_page_alloc.c: debug_pagealloc=on ---- */
/*
 * Free pages are unmapped from the direct map: unmap last in
 * free_pages_prepare(), map first in prep_new_page(). debug_pagealloc_enabled
 * is declared in <linux/mm.h> (the arch code builds the direct map by it).
 */
static inline void debug_pagealloc_map_pages(struct page *page, unsigned long nr)
{
	if (unlikely(debug_pagealloc_enabled))
		__kernel_map_pages(page, nr, true);
}

static inline void debug_pagealloc_unmap_pages(struct page *page, unsigned long nr)
{
	if (unlikely(debug_pagealloc_enabled))
		__kernel_map_pages(page, nr, false);
}

/* ---- mm/page_owner.c: page_owner=on ---- */
/*
 * Who allocated each page: one record per page of RAM's sections, written
 * for every page of a block. Locking: see mm/page_owner.c.
 */
struct page_owner {
	unsigned short order;		/* of the allocation (0 after split_page) */
	unsigned short flags;		/* PAGE_OWNER_* */
	gfp_t gfp_mask;
	depot_stack_handle_t handle;	/* allocation stack, 0 if missing */
	depot_stack_handle_t free_handle; /* last free's stack, 0 if missing */
};
#define PAGE_OWNER_SET		0x1	/* ever allocated since boot */
#define PAGE_OWNER_ALLOCATED	0x2	/* allocated now */

extern bool page_owner_enabled;
/* Allocate the records (memblock); before memblock_free_all(). */
void page_owner_init(void);
/* The record of @page, or NULL (page_owner off, or no RAM section). */
struct page_owner *get_page_owner(const struct page *page);
void __set_page_owner(struct page *page, unsigned int order, gfp_t gfp_mask);
void __reset_page_owner(struct page *page, unsigned int order);
void __split_page_owner(struct page *page, unsigned int order);
void __dump_page_owner(const struct page *page);

/* At the end of prep_new_page(): the block's order, gfp and stack. */
static inline void set_page_owner(struct page *page, unsigned int order, gfp_t gfp_mask)
{
	if (unlikely(page_owner_enabled))
		__set_page_owner(page, order, gfp_mask);
}

/* In free_pages_prepare(): not allocated any more; the free's stack. */
static inline void reset_page_owner(struct page *page, unsigned int order)
{
	if (unlikely(page_owner_enabled))
		__reset_page_owner(page, order);
}

/* In split_page(): each page becomes its own order-0 allocation. */
static inline void split_page_owner(struct page *page, unsigned int order)
{
	if (unlikely(page_owner_enabled))
		__split_page_owner(page, order);
}

/* In dump_page(): Linux's "page last allocated via ..." lines and stacks. */
static inline void dump_page_owner(const struct page *page)
{
	if (unlikely(page_owner_enabled))
		__dump_page_owner(page);
}

/* ---- mm/fail_page_alloc.c: fail_page_alloc= (its attribute: linux/fault-inject.h) ---- */
bool __should_fail_alloc_page(gfp_t gfp, unsigned int order);

static inline bool should_fail_alloc_page(gfp_t gfp, unsigned int order)
{
	return unlikely(fail_page_alloc_enabled) && __should_fail_alloc_page(gfp, order);
}

/* ---- mm/debug.c ---- */
/* "GFP_KERNEL|__GFP_ZERO" for @gfp into @buf, as Linux's %pGg. Returns the length. */
int format_gfp_flags(char *buf, size_t size, gfp_t gfp);
/* "referenced|head|node=0|zone=1" for page flags, as Linux's %pGp. */
int format_page_flags(char *buf, size_t size, unsigned long flags);

/* ---- mm/util.c ---- */
/* Linux's boot-time overcommit reserves: 3% of free memory, at most 128 MiB (user), 8 MiB (admin). */
void init_reserve_kbytes(void);

/* ---- mm/mlock.c ---- */
/* A PG_mlocked block of 2^@order pages is being freed: uncount and clear it (Linux's free path). */
void mlock_page_freed(struct page *page, unsigned int order);

/* ---- mm/vmalloc.c ---- */
bool vmap_area_check(void);

/* ---- mm/rmap.c ---- */
/* mm_find_pmd - the pmd entry pointing to the pte table of @address in @mm, or NULL. */
pmd_t *mm_find_pmd(struct mm_struct *mm, unsigned long address);
/*
 * vma_pgoff_address - where the page of file offset @pgoff (or anonymous index)
 * would be in @vma. Return: the address, or -EFAULT if @vma does not
 * cover it.
 */
static inline unsigned long vma_pgoff_address(pgoff_t pgoff, const struct vm_area_struct *vma)
{
	if (pgoff < vma->vm_pgoff || pgoff - vma->vm_pgoff >= vma_pages(vma))
		return -EFAULT;
	return vma->vm_start + ((pgoff - vma->vm_pgoff) << PAGE_SHIFT);
}

#endif /* _MM_INTERNAL_H */
