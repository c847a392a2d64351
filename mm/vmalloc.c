// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel virtual memory: the vmalloc space [VMALLOC_START, VMALLOC_END),
 * as Linux's mm/vmalloc.c behaves.
 *
 * Address space. Every byte of the range is in exactly one vmap_area:
 *   - busy: in vmap_area_root (a red-black tree by address), with the
 *     vm_struct of its user;
 *   - free: in free_vmap_area_root, by address. The tree is augmented:
 *     each node keeps subtree_max_size,
 *     the largest free area in its subtree, so the lowest-addressed area
 *     that fits a request is found in O(log n) (lowest_fit()). Adjacent
 *     free areas are always merged;
 *   - lazy: freed, its pages unmapped and gone, but its addresses may
 *     still be in some CPU's TLB. It waits on purge_list until
 *     lazy_max_pages() pages have gathered (or an allocation finds no
 *     room); then one flush_tlb_kernel_range() over all of them, an IPI to
 *     every CPU, makes them free again (__purge_vmap_area_lazy()).
 * An area is followed by an unmapped guard page unless VM_NO_GUARD.
 *
 * Page tables, in init_mm through the generic layer (asm/pgalloc.h,
 * linux/mm.h's pmd_alloc() family). The vmalloc range's top-level (pgd)
 * entries all point at pud tables made at boot (vmalloc_init()), so that
 * an address space made later can copy them once (pgd_alloc()) and see
 * every future mapping. Pmd and pte tables are made on demand under
 * init_mm.page_table_lock. Which tables are freed: a pte table only when
 * a 2 MiB mapping takes the place of its (empty) pmd entry
 * (free_pte_table()); pmd and pud tables never, and a vunmap() leaves
 * every table in place for the next area there. Mapping and unmapping an
 * area touch only its own entries, so they need no lock. Unmapping does
 * not flush: the area is lazy until the purge has flushed.
 *
 * Freeing from an interrupt (vfree() with in_interrupt()) cannot sleep or
 * send IPIs: the address is pushed on deferred_free (an llist through the
 * freed memory itself) and freed by the next vfree() or vmalloc() in
 * process context, or by vm_unmap_aliases().
 *
 * Locking, outermost first: vmap_purge_lock (mutex; one purge at a time)
 * -> vmap_area_lock (busy tree) / free_vmap_area_lock (free tree) /
 * purge_lock (purge list) / init_mm.page_table_lock, each a spinlock
 * taken alone, never nested.
 */
#include <linux/vmalloc.h>
#include <linux/rbtree_augmented.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/panic.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/shell.h>
#include <linux/bitops.h>
#include <linux/mmzone.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/bug.h>
#include <linux/llist.h>
#include <asm/barrier.h>
#include <linux/pgtable.h>
#include <asm/pgtable.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>
#include "internal.h"

static struct kmem_cache *vmap_area_cachep;

static DEFINE_SPINLOCK(vmap_area_lock);
static struct rb_root vmap_area_root = RB_ROOT;

static DEFINE_SPINLOCK(free_vmap_area_lock);
static struct rb_root free_vmap_area_root = RB_ROOT;

static DEFINE_SPINLOCK(purge_lock);
static LIST_HEAD(purge_list);
static atomic_long_t vmap_lazy_nr;		/* pages on purge_list */
static DEFINE_MUTEX(vmap_purge_lock);

static atomic_long_t nr_vmalloc_pages;

/* vfree() from interrupts: areas waiting for process context, linked through their first bytes. */
static LLIST_HEAD(deferred_free);

static inline unsigned long va_size(const struct vmap_area *va)
{
	return va->va_end - va->va_start;
}

/* ---- the free tree ---------------------------------------------------------- */

static inline unsigned long subtree_max(const struct rb_node *node)
{
	return node ? rb_entry(node, struct vmap_area, rb_node)->subtree_max_size : 0;
}

RB_DECLARE_CALLBACKS_MAX(static, free_vmap_area_rb_augment_cb, struct vmap_area, rb_node,
			 unsigned long, subtree_max_size, va_size)

/* Does [ALIGN(max(va_start, vstart)), + size) lie in @va? Return: that start, or 0. */
static unsigned long fit_in(const struct vmap_area *va, unsigned long size, unsigned long align,
			    unsigned long vstart)
{
	unsigned long start = ALIGN(max(va->va_start, vstart), align);

	if (start < va->va_start || start + size < start || start + size > va->va_end)
		return 0;
	return start;
}

/*
 * The free area of lowest address in @node's subtree that fits @size at
 * @align at or above @vstart. A subtree is entered only if its largest
 * area could hold the request at any alignment (size + align - 1; as in
 * Linux, an area just big enough that happens to be aligned is passed
 * over for a larger alignment, never for page alignment), and a
 * left subtree only if it may reach above @vstart: the walk follows one
 * path down, with at most one detour per level where @vstart cuts it.
 */
static struct vmap_area *lowest_fit(struct rb_node *node, unsigned long size,
				    unsigned long align, unsigned long vstart)
{
	/* Every area is page-aligned: page alignment needs no slack. */
	unsigned long length = align > PAGE_SIZE ? size + align - 1 : size;

	while (node) {
		struct vmap_area *va = rb_entry(node, struct vmap_area, rb_node), *found;

		if (subtree_max(node->rb_left) >= length && vstart < va->va_start) {
			found = lowest_fit(node->rb_left, size, align, vstart);
			if (found)
				return found;
		}
		if (fit_in(va, size, align, vstart))
			return va;
		if (subtree_max(node->rb_right) < length)
			return NULL;
		node = node->rb_right;
	}
	return NULL;
}

/*
 * Link the new free area @va at @link under @parent.
 * rb_insert_augmented() only repairs what its rotations move: the
 * ancestors must count @va already, so they are raised first (up to the
 * first that is big enough, above which all are).
 */
static void link_free(struct vmap_area *va, struct rb_node *parent, struct rb_node **link)
{
	unsigned long size = va_size(va);
	struct rb_node *n;

	va->subtree_max_size = size;
	for (n = parent; n; n = rb_parent(n)) {
		struct vmap_area *up = rb_entry(n, struct vmap_area, rb_node);

		if (up->subtree_max_size >= size)
			break;
		up->subtree_max_size = size;
	}
	rb_link_node(&va->rb_node, parent, link);
	rb_insert_augmented(&va->rb_node, &free_vmap_area_root, &free_vmap_area_rb_augment_cb);
}

/* Link @va into the free tree, merging it with free neighbours. Lock held. */
static void merge_or_add_free(struct vmap_area *va)
{
	struct rb_node **link = &free_vmap_area_root.rb_node, *parent = NULL;
	struct vmap_area *prev = NULL, *next = NULL, *sibling;
	bool to_prev, to_next;

	while (*link) {
		parent = *link;
		sibling = rb_entry(parent, struct vmap_area, rb_node);
		if (va->va_start < sibling->va_start) {
			next = sibling;
			link = &parent->rb_left;
		} else {
			prev = sibling;
			link = &parent->rb_right;
		}
	}
	to_prev = prev && prev->va_end == va->va_start;
	to_next = next && next->va_start == va->va_end;
	if (!to_prev && !to_next) {
		link_free(va, parent, link);
		return;
	}
	if (to_prev && to_next) {
		/* @next goes first, so that the erase sees the tree as it was. */
		rb_erase_augmented(&next->rb_node, &free_vmap_area_root,
				   &free_vmap_area_rb_augment_cb);
		prev->va_end = next->va_end;
		kmem_cache_free(vmap_area_cachep, next);
	} else if (to_prev) {
		prev->va_end = va->va_end;
	} else {
		next->va_start = va->va_start;
		prev = next;
	}
	kmem_cache_free(vmap_area_cachep, va);
	/* @prev grew: its value, and its ancestors' until one is unchanged. */
	free_vmap_area_rb_augment_cb_propagate(&prev->rb_node, NULL);
}

/*
 * Take [start, start + size) out of the free area @va: it shrinks, goes,
 * or splits in two (then @spare, if not NULL, becomes the left part and
 * *@spare is cleared). Lock held. Return: false if a split needed a spare
 * and had none.
 */
static bool clip_free(struct vmap_area *va, unsigned long start, unsigned long size,
		      struct vmap_area **spare)
{
	unsigned long end = start + size;

	if (start == va->va_start && end == va->va_end) {
		rb_erase_augmented(&va->rb_node, &free_vmap_area_root,
				   &free_vmap_area_rb_augment_cb);
		kmem_cache_free(vmap_area_cachep, va);
		return true;
	}
	if (start == va->va_start) {
		va->va_start = end;
	} else if (end == va->va_end) {
		va->va_end = start;
	} else {
		struct vmap_area *left = *spare;

		if (!left)
			return false;
		*spare = NULL;
		left->va_start = va->va_start;
		left->va_end = start;
		va->va_start = end;
		free_vmap_area_rb_augment_cb_propagate(&va->rb_node, NULL);
		merge_or_add_free(left);
		return true;
	}
	free_vmap_area_rb_augment_cb_propagate(&va->rb_node, NULL);
	return true;
}

/* ---- busy areas --------------------------------------------------------------- */

static void insert_busy(struct vmap_area *va)
{
	struct rb_node **link = &vmap_area_root.rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		if (va->va_start < rb_entry(parent, struct vmap_area, rb_node)->va_start)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(&va->rb_node, parent, link);
	rb_insert_color(&va->rb_node, &vmap_area_root);
}

/* The busy area holding @addr. Lock held. */
static struct vmap_area *__find_vmap_area(unsigned long addr)
{
	struct rb_node *n = vmap_area_root.rb_node;

	while (n) {
		struct vmap_area *va = rb_entry(n, struct vmap_area, rb_node);

		if (addr < va->va_start)
			n = n->rb_left;
		else if (addr >= va->va_end)
			n = n->rb_right;
		else
			return va;
	}
	return NULL;
}

/* ---- allocating and freeing ranges ------------------------------------------ */

/* Linux's: 32 MiB of lazy pages per log2 of the CPUs. */
static unsigned long lazy_max_pages(void)
{
	return fls(num_online_cpus()) * (32UL << 20 >> PAGE_SHIFT);
}

static bool __purge_vmap_area_lazy(void);
static void drain_deferred_free(void);

/*
 * Reserve @size bytes at @align within [vstart, vend) for @vm, whose
 * addr it sets. Return: the busy area, or NULL (reported unless
 * __GFP_NOWARN) once a purge of the lazy areas has not made room either.
 */
static struct vmap_area *alloc_vmap_area(unsigned long size, unsigned long align,
					 unsigned long vstart, unsigned long vend, gfp_t gfp,
					 struct vm_struct *vm)
{
	struct vmap_area *va, *free, *spare = NULL;
	unsigned long start;
	bool purged = false;

	might_sleep_if(gfpflags_allow_blocking(gfp));
	va = kmem_cache_alloc(vmap_area_cachep, gfp & GFP_RECLAIM_MASK);
	if (unlikely(!va))
		return NULL;
retry:
	spin_lock(&free_vmap_area_lock);
	free = lowest_fit(free_vmap_area_root.rb_node, size, align, vstart);
	start = free ? fit_in(free, size, align, vstart) : 0;
	if (free && start + size > vend)
		free = NULL;
	if (free && !clip_free(free, start, size, &spare)) {
		/* A split needs a second node, rarely: made unlocked, then search again. */
		spin_unlock(&free_vmap_area_lock);
		spare = kmem_cache_alloc(vmap_area_cachep, gfp & GFP_RECLAIM_MASK);
		if (!spare)
			goto fail;
		goto retry;
	}
	spin_unlock(&free_vmap_area_lock);
	if (free) {
		if (spare)
			kmem_cache_free(vmap_area_cachep, spare);
		va->va_start = start;
		va->va_end = start + size;
		va->vm = vm;
		spin_lock(&vmap_area_lock);
		/* Under the lock: find_vm_area() and vmallocinfo see the whole area. */
		vm->addr = (void *)start;
		insert_busy(va);
		spin_unlock(&vmap_area_lock);
		return va;
	}
	if (!purged && gfpflags_allow_blocking(gfp)) {
		purged = true;
		drain_deferred_free();
		if (__purge_vmap_area_lazy())
			goto retry;
	}
fail:
	if (spare)
		kmem_cache_free(vmap_area_cachep, spare);
	kmem_cache_free(vmap_area_cachep, va);
	if (!(gfp & __GFP_NOWARN))
		pr_warn("vmap allocation for size %lu failed: use vmalloc=<size> to increase size\n",
			size);
	return NULL;
}

/*
 * Flush every CPU's TLB over the lazy areas, once, and give them back to
 * the free tree. Return: whether there were any.
 */
static bool __purge_vmap_area_lazy(void)
{
	unsigned long start = ULONG_MAX, end = 0, nr = 0;
	struct vmap_area *va, *n;
	LIST_HEAD(local);

	mutex_lock(&vmap_purge_lock);
	spin_lock(&purge_lock);
	list_splice_init(&purge_list, &local);
	spin_unlock(&purge_lock);
	if (list_empty(&local)) {
		mutex_unlock(&vmap_purge_lock);
		return false;
	}
	list_for_each_entry(va, &local, list) {
		start = min(start, va->va_start);
		end = max(end, va->va_end);
		nr += va_size(va) >> PAGE_SHIFT;
	}
	flush_tlb_kernel_range(start, end);
	atomic_long_sub(nr, &vmap_lazy_nr);
	spin_lock(&free_vmap_area_lock);
	list_for_each_entry_safe(va, n, &local, list)
		merge_or_add_free(va);
	spin_unlock(&free_vmap_area_lock);
	mutex_unlock(&vmap_purge_lock);
	return true;
}

/* Make the unmapped area @va, out of the busy tree, lazy; purge if enough has gathered. */
static void free_vmap_area_noflush(struct vmap_area *va)
{
	unsigned long nr = va_size(va) >> PAGE_SHIFT;

	spin_lock(&purge_lock);
	list_add_tail(&va->list, &purge_list);
	spin_unlock(&purge_lock);
	if (atomic_long_add_return(nr, &vmap_lazy_nr) > (long)lazy_max_pages())
		__purge_vmap_area_lazy();
}

void vm_unmap_aliases(void)
{
	might_sleep();
	drain_deferred_free();
	__purge_vmap_area_lazy();
}

/* ---- page tables -------------------------------------------------------------- */

/*
 * A 2 MiB area is being mapped where earlier 4 KiB areas left an empty pte
 * table: take it out, flush every CPU's paging-structure caches of it, and
 * free it (Linux's pmd_free_pte_page()).
 */
static void free_pte_table(pmd_t *pmd, unsigned long addr)
{
	pte_t *table = (pte_t *)pmd_page_vaddr(pmdp_get(pmd));
	unsigned int i;

	for (i = 0; i < PTRS_PER_PTE; i++)
		VM_BUG_ON(!pte_none(table[i]));
	pmd_clear(pmd);
	flush_tlb_kernel_range(addr, addr + PMD_SIZE);
	pte_free_kernel(&init_mm, table);
}

/* The physical address of the next block to map: @pages[*i], or *@phys onwards. */
static inline phys_addr_t next_block(struct page **pages, unsigned int *i, phys_addr_t *phys,
				     unsigned long size)
{
	phys_addr_t p;

	if (pages)
		return page_to_phys(pages[(*i)++]);
	p = *phys;
	*phys += size;
	return p;
}

/* Map one pte table's part of [addr, end) with 4 KiB pages. */
static __always_inline int vmap_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end,
					  pgprot_t prot,
			  struct page **pages, unsigned int *i, phys_addr_t *phys)
{
	pte_t *pte = pte_alloc_kernel(pmd, addr);

	if (!pte)
		return -ENOMEM;
	for (; addr < end; addr += PAGE_SIZE, pte++)
		set_pte(pte, pfn_pte(next_block(pages, i, phys, PAGE_SIZE) >> PAGE_SHIFT, prot));
	return 0;
}

/*
 * Map [addr, end) to @pages, one entry each (4 KiB pages, or 2 MiB with
 * @page_shift == PMD_SHIFT), or, with no @pages, to the physical range
 * from @phys. Missing pmd and pte tables are allocated through
 * pmd_alloc() and pte_alloc_kernel() (init_mm's page_table_lock); the
 * puds exist from boot (vmalloc_init()). One loop step per pmd entry,
 * finding its pud from the top each time: cheaper for the small areas
 * that dominate than a loop per level. Return: 0 or -ENOMEM (what was
 * mapped stays, for the caller's unmap).
 */
static int vmap_range(unsigned long addr, unsigned long end, pgprot_t prot,
		      struct page **pages, phys_addr_t phys, unsigned int page_shift)
{
	unsigned long next;
	unsigned int i = 0;

	for (; addr < end; addr = next) {
		pud_t *pud = pud_offset(p4d_offset(pgd_offset_k(addr), addr), addr);
		pmd_t *pmd = pmd_alloc(&init_mm, pud, addr);

		next = pmd_addr_end(addr, end);
		if (!pmd)
			return -ENOMEM;
		if (page_shift == PMD_SHIFT) {
			phys_addr_t block = next_block(pages, &i, &phys, PMD_SIZE);

			if (!pmd_set_huge(pmd, block, prot)) {
				free_pte_table(pmd, addr);
				pmd_set_huge(pmd, block, prot);
			}
			continue;
		}
		if (vmap_pte_range(pmd, addr, next, prot, pages, &i, &phys))
			return -ENOMEM;
	}
	return 0;
}

int ioremap_page_range(unsigned long addr, unsigned long end, phys_addr_t phys_addr,
		       pgprot_t prot)
{
	return vmap_range(addr, end, prot, NULL, phys_addr, PAGE_SHIFT);
}

static __always_inline void vunmap_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end)
{
	pte_t *pte = pte_offset_kernel(pmd, addr);

	for (; addr < end; addr += PAGE_SIZE, pte++)
		pte_clear(&init_mm, addr, pte);
}

/*
 * Clear the entries of [addr, end); no flush (the area goes lazy). The
 * tables stay: the next area here reuses them. One step per pmd entry,
 * as vmap_range().
 */
static void vunmap_range_noflush(unsigned long addr, unsigned long end)
{
	unsigned long next;

	for (; addr < end; addr = next) {
		pud_t *pud = pud_offset(p4d_offset(pgd_offset_k(addr), addr), addr);
		pmd_t *pmd;

		if (pud_none(pudp_get(pud))) {
			/* Nothing was ever mapped in this 1 GiB: skip it whole. */
			next = pud_addr_end(addr, end);
			continue;
		}
		next = pmd_addr_end(addr, end);
		pmd = pmd_offset(pud, addr);
		if (pmd_clear_huge(pmd) || pmd_none(pmdp_get(pmd)))
			continue;
		vunmap_pte_range(pmd, addr, next);
	}
}

/* The page mapped at the vmalloc address @addr, or NULL. */
struct page *vmalloc_to_page(const void *vaddr)
{
	unsigned long addr = (unsigned long)vaddr;
	enum pg_level level;
	pte_t *entry, pte;

	if (!is_vmalloc_addr(vaddr))
		return NULL;
	entry = lookup_address(addr, &level);
	if (!entry)
		return NULL;
	pte = ptep_get(entry);
	if (!pte_present(pte))
		return NULL;
	/* A 2 MiB leaf (VM_ALLOW_HUGE_VMAP): the 4 KiB page within it. */
	if (level == PG_LEVEL_2M)
		return pfn_to_page(pmd_pfn(__pmd(pte_val(pte))) + ((addr & ~PMD_MASK) >> PAGE_SHIFT));
	return pfn_to_page(pte_pfn(pte));
}

unsigned long vmalloc_to_pfn(const void *addr)
{
	struct page *page = vmalloc_to_page(addr);

	return page ? page_to_pfn(page) : 0;
}

/* ---- areas ---------------------------------------------------------------------- */

/*
 * Reserve an area of @size (a guard page added unless VM_NO_GUARD) in
 * [start, end) and describe it. Return: the vm_struct, or NULL.
 */
static struct vm_struct *__get_vm_area_node(unsigned long size, unsigned long align,
					    unsigned long flags, unsigned long start,
					    unsigned long end, gfp_t gfp, const void *caller)
{
	struct vm_struct *area;

	size = PAGE_ALIGN(size);
	if (unlikely(!size))
		return NULL;
	if (!(flags & VM_NO_GUARD))
		size += PAGE_SIZE;
	area = kzalloc(sizeof(*area), gfp & GFP_RECLAIM_MASK);
	if (unlikely(!area))
		return NULL;
	area->size = size;
	area->flags = flags;
	area->caller = caller;
	if (!alloc_vmap_area(size, align, start, end, gfp, area)) {
		kfree(area);
		return NULL;
	}
	return area;
}

struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller)
{
	return __get_vm_area_node(size, PAGE_SIZE, flags, VMALLOC_START, VMALLOC_END,
				  GFP_KERNEL, caller);
}

static inline unsigned long get_vm_area_size(const struct vm_struct *area)
{
	return area->flags & VM_NO_GUARD ? area->size : area->size - PAGE_SIZE;
}

static struct vmap_area *find_vmap_area(const void *addr)
{
	struct vmap_area *va;

	spin_lock(&vmap_area_lock);
	va = __find_vmap_area((unsigned long)addr);
	spin_unlock(&vmap_area_lock);
	return va;
}

struct vm_struct *find_vm_area(const void *addr)
{
	struct vmap_area *va = find_vmap_area(addr);

	return va ? va->vm : NULL;
}

/*
 * Unmap the area starting at @addr and make its range lazy. Return: its
 * vm_struct, now the caller's to free with whatever it describes; NULL if
 * @addr does not start an area.
 */
struct vm_struct *remove_vm_area(const void *addr)
{
	struct vm_struct *vm;
	struct vmap_area *va;

	might_sleep();
	spin_lock(&vmap_area_lock);
	va = __find_vmap_area((unsigned long)addr);
	if (!va || va->va_start != (unsigned long)addr) {
		spin_unlock(&vmap_area_lock);
		return NULL;
	}
	vm = va->vm;
	va->vm = NULL;
	rb_erase(&va->rb_node, &vmap_area_root);
	spin_unlock(&vmap_area_lock);
	vunmap_range_noflush(va->va_start, va->va_end);
	free_vmap_area_noflush(va);
	return vm;
}

/* ---- vmalloc ------------------------------------------------------------------- */

/* The pages array: from the slab, or for a huge area from vmalloc itself, as Linux. */
static struct page **alloc_pages_array(unsigned int nr, gfp_t gfp)
{
	size_t bytes = nr * sizeof(struct page *);

	gfp = (gfp & GFP_RECLAIM_MASK) | __GFP_ZERO;
	if (bytes > PAGE_SIZE)
		return __vmalloc_node_range(bytes, 1, VMALLOC_START, VMALLOC_END, gfp,
					    PAGE_KERNEL, 0, NUMA_NO_NODE,
					    __builtin_return_address(0));
	return kmalloc(bytes, gfp);
}

static void free_pages_array(struct page **pages)
{
	if (is_vmalloc_addr(pages))
		vfree(pages);
	else
		kfree(pages);
}

/*
 * Fill @area->pages with @nr blocks of @order: order-0 pages in bulk (one
 * per-CPU lock hold for the lot), huge ones one by one. Return: how many
 * it got.
 */
static unsigned int vm_area_alloc_pages(struct vm_struct *area, gfp_t gfp, unsigned int order,
					unsigned int nr)
{
	unsigned int i;

	if (!order)
		return alloc_pages_bulk_array(gfp, nr, area->pages);
	for (i = 0; i < nr; i++) {
		struct page *page = alloc_pages(gfp | __GFP_COMP | __GFP_NOWARN, order);

		if (unlikely(!page))
			break;
		area->pages[i] = page;
	}
	return i;
}

/* Free @area's pages (a batch: huge ones are compound) and its array. */
static void vm_area_free_pages(struct vm_struct *area)
{
	release_pages(area->pages, area->nr_pages >> area->page_order);
	atomic_long_sub(area->nr_pages, &nr_vmalloc_pages);
	free_pages_array(area->pages);
}

static void *__vmalloc_area_node(struct vm_struct *area, gfp_t gfp, pgprot_t prot,
				 unsigned int page_shift)
{
	unsigned long addr = (unsigned long)area->addr, size = get_vm_area_size(area);
	unsigned int order = page_shift - PAGE_SHIFT, nr = size >> page_shift, got;

	area->page_order = order;
	area->pages = alloc_pages_array(nr, gfp);
	if (!area->pages)
		goto fail;
	got = vm_area_alloc_pages(area, gfp, order, nr);
	area->nr_pages = got << order;
	atomic_long_add(area->nr_pages, &nr_vmalloc_pages);
	if (got < nr || vmap_range(addr, addr + size, prot, area->pages, 0, page_shift))
		goto fail;
	return area->addr;
fail:
	if (!order)
		warn_alloc(gfp, "vmalloc error: size %lu, failed to allocate pages", size);
	if (area->pages) {
		/* The area goes through vfree(), which frees what it holds. */
		area->flags &= ~VM_UNINITIALIZED;
		vfree(area->addr);
	} else {
		kfree(remove_vm_area(area->addr));
	}
	return NULL;
}

void *__vmalloc_node_range(unsigned long size, unsigned long align, unsigned long start,
			   unsigned long end, gfp_t gfp_mask, pgprot_t prot,
			   unsigned long vm_flags, int node, const void *caller)
{
	unsigned long real_size = size, real_flags = vm_flags, real_align = align;
	unsigned int shift = PAGE_SHIFT;
	struct vm_struct *area;
	void *addr;

	if (unlikely(!size || (size >> PAGE_SHIFT) > totalram_pages())) {
		if (size)
			warn_alloc(gfp_mask, "vmalloc error: size %lu, exceeds total pages",
				   real_size);
		return NULL;
	}
	if ((vm_flags & VM_ALLOW_HUGE_VMAP) && size >= PMD_SIZE) {
		shift = PMD_SHIFT;
		size = ALIGN(size, PMD_SIZE);
		align = max(align, PMD_SIZE);
		vm_flags |= VM_NO_GUARD;	/* as Linux: a huge area has no guard */
	}
again:
	area = __get_vm_area_node(size, align, VM_ALLOC | VM_UNINITIALIZED | vm_flags, start,
				  end, gfp_mask, caller);
	if (!area)
		return NULL;
	addr = __vmalloc_area_node(area, gfp_mask | (shift > PAGE_SHIFT ? __GFP_NOWARN : 0),
				   prot, shift);
	if (!addr && shift > PAGE_SHIFT) {
		/* No 2 MiB pages to be had: 4 KiB ones, with a guard. */
		shift = PAGE_SHIFT;
		size = real_size;
		align = real_align;
		vm_flags = real_flags & ~VM_ALLOW_HUGE_VMAP;
		goto again;
	}
	if (addr) {
		smp_wmb();
		area->flags &= ~VM_UNINITIALIZED;
	}
	return addr;
}

static void *__vmalloc_node(unsigned long size, gfp_t gfp, unsigned long vm_flags,
			    const void *caller)
{
	return __vmalloc_node_range(size, PAGE_SIZE, VMALLOC_START, VMALLOC_END, gfp,
				    PAGE_KERNEL, vm_flags, NUMA_NO_NODE, caller);
}

void *__vmalloc(unsigned long size, gfp_t gfp_mask)
{
	return __vmalloc_node(size, gfp_mask, 0, __builtin_return_address(0));
}

void *vmalloc(unsigned long size)
{
	return __vmalloc_node(size, GFP_KERNEL, 0, __builtin_return_address(0));
}

void *vzalloc(unsigned long size)
{
	return __vmalloc_node(size, GFP_KERNEL | __GFP_ZERO, 0, __builtin_return_address(0));
}

void *vmalloc_user(unsigned long size)
{
	return __vmalloc_node(size, GFP_KERNEL | __GFP_ZERO, VM_USERMAP,
			      __builtin_return_address(0));
}

void *vmalloc_32(unsigned long size)
{
	return __vmalloc_node(size, GFP_KERNEL | GFP_DMA32, 0, __builtin_return_address(0));
}

void *vmalloc_node(unsigned long size, int node)
{
	return __vmalloc_node(size, GFP_KERNEL, 0, __builtin_return_address(0));
}

void *vmalloc_huge(unsigned long size, gfp_t gfp_mask)
{
	return __vmalloc_node(size, gfp_mask, VM_ALLOW_HUGE_VMAP, __builtin_return_address(0));
}

/* ---- vfree, vmap, vunmap --------------------------------------------------------- */

static void __vfree(const void *addr)
{
	struct vm_struct *vm = remove_vm_area(addr);

	if (unlikely(!vm)) {
		WARN(1, "Trying to vfree() nonexistent vm area (%p)\n", addr);
		return;
	}
	if (vm->flags & VM_ALLOC)
		vm_area_free_pages(vm);
	kfree(vm);
}

/* Free what interrupts handed over. Context: process. */
static void drain_deferred_free(void)
{
	struct llist_node *pos, *n;

	llist_for_each_safe(pos, n, llist_del_all(&deferred_free))
		__vfree(pos);
}

void vfree(const void *addr)
{
	if (!addr)
		return;
	if (unlikely(in_interrupt())) {
		/* The area's first bytes are the link; it is the caller's no more. */
		llist_add((struct llist_node *)addr, &deferred_free);
		return;
	}
	might_sleep();
	if (unlikely(!llist_empty(&deferred_free)))
		drain_deferred_free();
	__vfree(addr);
}

void *vmap(struct page **pages, unsigned int count, unsigned long flags, pgprot_t prot)
{
	unsigned long size = (unsigned long)count << PAGE_SHIFT;
	struct vm_struct *area;
	unsigned long addr;

	might_sleep();
	if (!count || count > totalram_pages())
		return NULL;
	area = get_vm_area_caller(size, flags | VM_MAP, __builtin_return_address(0));
	if (!area)
		return NULL;
	addr = (unsigned long)area->addr;
	if (vmap_range(addr, addr + size, prot, pages, 0, PAGE_SHIFT)) {
		vunmap(area->addr);
		return NULL;
	}
	area->pages = pages;
	area->nr_pages = count;
	return area->addr;
}

void vunmap(const void *addr)
{
	struct vm_struct *vm;

	might_sleep();
	if (!addr)
		return;
	vm = remove_vm_area(addr);
	if (unlikely(!vm)) {
		WARN(1, "Trying to vunmap() nonexistent vm area (%p)\n", addr);
		return;
	}
	kfree(vm);
}

int vm_area_map_pages(struct vm_struct *area, unsigned long start, unsigned long end,
		      struct page **pages)
{
	unsigned long lo = (unsigned long)area->addr, hi = lo + get_vm_area_size(area);

	might_sleep();
	if (WARN_ON_ONCE(!(area->flags & VM_SPARSE)))
		return -EINVAL;
	if (!IS_ALIGNED(start, PAGE_SIZE) || !IS_ALIGNED(end, PAGE_SIZE) || start >= end ||
	    start < lo || end > hi)
		return -ERANGE;
	return vmap_range(start, end, PAGE_KERNEL, pages, 0, PAGE_SHIFT);
}

/* ---- statistics, boot ------------------------------------------------------------ */

unsigned long vmalloc_nr_pages(void)
{
	return atomic_long_read(&nr_vmalloc_pages);
}

unsigned long vmalloc_largest_free(void)
{
	unsigned long max;

	spin_lock(&free_vmap_area_lock);
	max = subtree_max(free_vmap_area_root.rb_node);
	spin_unlock(&free_vmap_area_lock);
	return max;
}

/*
 * Give every top-level entry of the vmalloc range its pud table now, so
 * that later address spaces can share them (Linux's
 * preallocate_vmalloc_pages()), and make the whole range one free area.
 */
void vmalloc_init(void)
{
	unsigned long addr;
	struct vmap_area *va;

	for (addr = VMALLOC_START; addr < VMALLOC_END; addr += PGDIR_SIZE) {
		p4d_t *p4d = p4d_offset(pgd_offset_k(addr), addr);

		if (!pud_alloc(&init_mm, p4d, addr))
			panic("vmalloc: no memory for the vmalloc page tables");
	}
	vmap_area_cachep = kmem_cache_create("vmap_area", sizeof(struct vmap_area), 0,
					     SLAB_PANIC, NULL);
	va = kmem_cache_alloc(vmap_area_cachep, GFP_KERNEL);
	if (!va)
		panic("vmalloc: no memory for the first vmap_area");
	va->va_start = VMALLOC_START;
	va->va_end = VMALLOC_END;
	spin_lock(&free_vmap_area_lock);
	merge_or_add_free(va);
	spin_unlock(&free_vmap_area_lock);
}

/* ---- invariant checker ----------------------------------------------------------- */

/* Check @node's subtree: address order within (lo, hi) and subtree_max_size. */
static bool check_free_subtree(struct rb_node *node, unsigned long lo, unsigned long hi,
			       unsigned long *max)
{
	struct vmap_area *va;
	unsigned long left = 0, right = 0, want;

	*max = 0;
	if (!node)
		return true;
	va = rb_entry(node, struct vmap_area, rb_node);
	if (va->va_start >= va->va_end || va->va_start < lo || va->va_end > hi ||
	    !IS_ALIGNED(va->va_start, PAGE_SIZE) || !IS_ALIGNED(va->va_end, PAGE_SIZE)) {
		pr_err("vmalloc: free area %#lx-%#lx out of order or empty\n", va->va_start,
		       va->va_end);
		return false;
	}
	if (!check_free_subtree(node->rb_left, lo, va->va_start, &left) ||
	    !check_free_subtree(node->rb_right, va->va_end, hi, &right))
		return false;
	want = max(va_size(va), max(left, right));
	if (va->subtree_max_size != want) {
		pr_err("vmalloc: free area %#lx-%#lx has subtree_max_size %#lx, not %#lx\n",
		       va->va_start, va->va_end, va->subtree_max_size, want);
		return false;
	}
	*max = want;
	return true;
}

/* Walk @root in order (address order, non-overlapping); add up its bytes. */
static bool check_tree(struct rb_root *root, const char *what, bool merged,
		       unsigned long *bytes)
{
	unsigned long end = VMALLOC_START;
	struct rb_node *n;

	for (n = rb_first(root); n; n = rb_next(n)) {
		struct vmap_area *va = rb_entry(n, struct vmap_area, rb_node);

		if (va->va_start < end || (merged && va->va_start == end && end != VMALLOC_START)) {
			pr_err("vmalloc: %s area %#lx-%#lx overlaps or touches the one before\n",
			       what, va->va_start, va->va_end);
			return false;
		}
		end = va->va_end;
		*bytes += va_size(va);
	}
	return end <= VMALLOC_END;
}

/*
 * vmap_area_check - the invariants of the address space (see the top):
 * the free tree in address order with the right subtree_max_size in every
 * node, free areas never adjacent, both trees in address order, and busy,
 * free and lazy areas adding up to the whole range. Reports the first
 * violation with pr_err. Return: true when all hold. Context: process,
 * no vmalloc() or vfree() running meanwhile (an area between two trees is
 * in none for a moment); takes vmap_purge_lock and each spinlock.
 */
bool vmap_area_check(void)
{
	unsigned long busy = 0, free = 0, lazy = 0, max;
	struct vmap_area *va;
	bool ok;

	mutex_lock(&vmap_purge_lock);
	spin_lock(&free_vmap_area_lock);
	ok = check_free_subtree(free_vmap_area_root.rb_node, VMALLOC_START, VMALLOC_END, &max) &&
	     check_tree(&free_vmap_area_root, "free", true, &free);
	spin_unlock(&free_vmap_area_lock);
	spin_lock(&vmap_area_lock);
	ok = ok && check_tree(&vmap_area_root, "busy", false, &busy);
	spin_unlock(&vmap_area_lock);
	spin_lock(&purge_lock);
	list_for_each_entry(va, &purge_list, list)
		lazy += va_size(va);
	spin_unlock(&purge_lock);
	if (ok && lazy >> PAGE_SHIFT != (unsigned long)atomic_long_read(&vmap_lazy_nr)) {
		pr_err("vmalloc: %lu lazy pages listed, %ld counted\n", lazy >> PAGE_SHIFT,
		       atomic_long_read(&vmap_lazy_nr));
		ok = false;
	}
	if (ok && busy + free + lazy != VMALLOC_END - VMALLOC_START) {
		pr_err("vmalloc: busy %#lx + free %#lx + lazy %#lx bytes is not the range\n",
		       busy, free, lazy);
		ok = false;
	}
	mutex_unlock(&vmap_purge_lock);
	return ok;
}

/* /proc/vmallocinfo: one line an area, busy ones with their user, lazy ones unpurged. */
static void show_vmap_area(struct seq_file *m, struct vmap_area *va)
{
	struct vm_struct *v = va->vm;

	if (!v) {
		seq_printf(m, "0x%px-0x%px %7ld unpurged vm_area\n", (void *)va->va_start,
			   (void *)va->va_end, va_size(va));
		return;
	}
	if (v->flags & VM_UNINITIALIZED)
		return;
	seq_printf(m, "0x%px-0x%px %7ld", v->addr, (char *)v->addr + v->size, v->size);
	if (v->caller)
		seq_printf(m, " %pS", v->caller);
	if (v->nr_pages)
		seq_printf(m, " pages=%d", v->nr_pages);
	if (v->phys_addr)
		seq_printf(m, " phys=%pa", &v->phys_addr);
	if (v->flags & VM_IOREMAP)
		seq_puts(m, " ioremap");
	if (v->flags & VM_ALLOC)
		seq_puts(m, " vmalloc");
	if (v->flags & VM_MAP)
		seq_puts(m, " vmap");
	if (v->flags & VM_USERMAP)
		seq_puts(m, " user");
	if (v->flags & VM_SPARSE)
		seq_puts(m, " sparse");
	if (is_vmalloc_addr(v->pages))
		seq_puts(m, " vpages");
	if (v->nr_pages)
		seq_printf(m, " N0=%u", v->nr_pages);
	seq_putc(m, '\n');
}

int vmalloc_info_show(struct seq_file *m, void *v)
{
	struct vmap_area *va;
	struct rb_node *n;

	spin_lock(&vmap_area_lock);
	for (n = rb_first(&vmap_area_root); n; n = rb_next(n))
		show_vmap_area(m, rb_entry(n, struct vmap_area, rb_node));
	spin_unlock(&vmap_area_lock);
	spin_lock(&purge_lock);
	list_for_each_entry(va, &purge_list, list)
		show_vmap_area(m, va);
	spin_unlock(&purge_lock);
	return 0;
}
SHELL_SEQ_CMD(vmallocinfo, "vmalloc areas, as /proc/vmallocinfo", vmalloc_info_show);
