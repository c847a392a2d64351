/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The memory model's core helpers: pfn <-> struct page <-> address, and the
 * section, node and zone a page belongs to, kept in the upper bits of
 * page->flags:
 *
 *   63          45 44      39 38  37 36 ...            0
 *   | section (19) | node (6) |zone| (unused) | page flags |
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/mm_types.h>
#include <linux/sysinfo.h>
#include <linux/page-flags.h>
#include <linux/mmzone.h>
#include <linux/pfn.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/mmdebug.h>
#include <asm/page.h>
#include <linux/pgtable.h>

#define SECTIONS_WIDTH		SECTIONS_SHIFT
#define NODES_WIDTH		NODES_SHIFT
#define ZONES_WIDTH		ZONES_SHIFT
#define SECTIONS_PGSHIFT	(64 - SECTIONS_WIDTH)
#define NODES_PGSHIFT		(SECTIONS_PGSHIFT - NODES_WIDTH)
#define ZONES_PGSHIFT		(NODES_PGSHIFT - ZONES_WIDTH)
#define SECTIONS_MASK		((1UL << SECTIONS_WIDTH) - 1)
#define NODES_MASK		((1UL << NODES_WIDTH) - 1)
#define ZONES_MASK		((1UL << ZONES_WIDTH) - 1)

_Static_assert(ZONES_PGSHIFT > __NR_PAGEFLAGS, "page flags overlap the zone bits");

#define PAGE_ALIGN(addr)	ALIGN(addr, PAGE_SIZE)

/* The virtual memory map: struct page of pfn N is vmemmap[N]. */
#define vmemmap			((struct page *)VMEMMAP_START)

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return vmemmap + pfn;
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - vmemmap);
}

static inline struct page *virt_to_page(const void *kaddr)
{
	return pfn_to_page(__pa(kaddr) >> PAGE_SHIFT);
}

static inline void *page_address(const struct page *page)
{
	return __va(PFN_PHYS(page_to_pfn(page)));
}

static inline phys_addr_t page_to_phys(const struct page *page)
{
	return PFN_PHYS(page_to_pfn(page));
}

static inline enum zone_type page_zonenum(const struct page *page)
{
	return (enum zone_type)((page->flags >> ZONES_PGSHIFT) & ZONES_MASK);
}

static inline int page_to_nid(const struct page *page)
{
	return (int)((page->flags >> NODES_PGSHIFT) & NODES_MASK);
}

static inline unsigned long page_to_section(const struct page *page)
{
	return (page->flags >> SECTIONS_PGSHIFT) & SECTIONS_MASK;
}

static inline struct zone *page_zone(const struct page *page)
{
	return &NODE_DATA(page_to_nid(page))->node_zones[page_zonenum(page)];
}

/* The upper bits of a struct page's flags for @pfn in @zone of @nid. */
static inline unsigned long page_links(enum zone_type zone, int nid, unsigned long pfn)
{
	return ((unsigned long)zone << ZONES_PGSHIFT) |
	       ((unsigned long)nid << NODES_PGSHIFT) |
	       (pfn_to_section_nr(pfn) << SECTIONS_PGSHIFT);
}

/* ---- references (page_ref_*) ---- */

static inline int page_ref_count(const struct page *page)
{
	return atomic_read(&page->_refcount);
}

static inline void set_page_count(struct page *page, int v)
{
	atomic_set(&page->_refcount, v);
}

static inline void init_page_count(struct page *page)
{
	set_page_count(page, 1);
}

static inline void page_ref_add(struct page *page, int nr)
{
	atomic_add(nr, &page->_refcount);
}

static inline void page_ref_sub(struct page *page, int nr)
{
	atomic_sub(nr, &page->_refcount);
}

static inline void page_ref_inc(struct page *page)
{
	atomic_inc(&page->_refcount);
}

static inline void page_ref_dec(struct page *page)
{
	atomic_dec(&page->_refcount);
}

static inline int page_ref_inc_return(struct page *page)
{
	return atomic_add_return(1, &page->_refcount);
}

static inline int page_ref_dec_return(struct page *page)
{
	return atomic_sub_return(1, &page->_refcount);
}

static inline bool page_ref_dec_and_test(struct page *page)
{
	return atomic_dec_and_test(&page->_refcount);
}

static inline int page_mapcount(const struct page *page)
{
	return atomic_read(&page->_mapcount) + 1;
}

/* ---- page types: in page_type, a type is set when its bit is clear ---- */

#define PAGE_TYPE_BASE		0xf0000000u
#define PG_buddy		0x00000080u

static inline bool PageBuddy(const struct page *page)
{
	return (page->page_type & (PAGE_TYPE_BASE | PG_buddy)) == PAGE_TYPE_BASE;
}

static inline void __SetPageBuddy(struct page *page)
{
	page->page_type &= ~PG_buddy;
}

static inline void __ClearPageBuddy(struct page *page)
{
	page->page_type |= PG_buddy;
}

/* ---- compound pages and folios ---- */

static inline bool PageTail(const struct page *page)
{
	return READ_ONCE(page->compound_head) & 1;
}

static inline bool PageCompound(const struct page *page)
{
	return PageHead(page) || PageTail(page);
}

static inline struct page *compound_head(const struct page *page)
{
	unsigned long head = READ_ONCE(page->compound_head);

	if (head & 1)
		return (struct page *)(head - 1);
	return (struct page *)page;
}

/*
 * Folios (struct folio, include/linux/mm_types.h). page_folio() of any page
 * of a compound page is its head; folio_page(folio, n) its n-th page.
 */
#define page_folio(p)		((struct folio *)compound_head(p))
#define folio_page(f, n)	(&(f)->page + (n))

static inline struct folio *virt_to_folio(const void *kaddr)
{
	return page_folio(virt_to_page(kaddr));
}

/* folio_test_large - more than one page? (Then its tail fields are valid.) */
static inline bool folio_test_large(const struct folio *folio)
{
	return folio_test_head(folio);
}

/* folio_order - log2 of the pages in @folio; folio_nr_pages, folio_size: their number, bytes. */
static inline unsigned int folio_order(const struct folio *folio)
{
	if (!folio_test_large(folio))
		return 0;
	return folio->_folio_order;
}

/* The order of the compound page @page heads; 0 for a tail or a single page. */
static inline unsigned int compound_order(const struct page *page)
{
	return folio_order((const struct folio *)page);
}

static inline unsigned long folio_nr_pages(const struct folio *folio)
{
	return 1UL << folio_order(folio);
}

static inline size_t folio_size(const struct folio *folio)
{
	return PAGE_SIZE << folio_order(folio);
}

static inline unsigned long folio_pfn(const struct folio *folio)
{
	return page_to_pfn(&folio->page);
}

static inline int folio_nid(const struct folio *folio)
{
	return page_to_nid(&folio->page);
}

static inline void *folio_address(const struct folio *folio)
{
	return page_address(&folio->page);
}

/* Mappings of a large folio as a whole (by a PMD); 0 for none. */
static inline int folio_entire_mapcount(const struct folio *folio)
{
	VM_BUG_ON_FOLIO(!folio_test_large(folio), folio);
	return atomic_read(&folio->_entire_mapcount) + 1;
}

/*
 * folio_mapcount - page-table mappings of @folio: of the whole, plus those
 * of each page when some are mapped by PTEs.
 */
static inline int folio_mapcount(const struct folio *folio)
{
	unsigned long i;
	int n;

	if (likely(!folio_test_large(folio)))
		return atomic_read(&folio->_mapcount) + 1;
	n = folio_entire_mapcount(folio);
	if (atomic_read(&folio->_nr_pages_mapped))
		for (i = 0; i < folio_nr_pages(folio); i++)
			n += page_mapcount(folio_page(folio, i));
	return n;
}

/* ---- folio references: the head page's _refcount (page_ref_* on it) ---- */

static inline int folio_ref_count(const struct folio *folio)
{
	return page_ref_count(&folio->page);
}

static inline void folio_ref_inc(struct folio *folio)
{
	page_ref_inc(&folio->page);
}

static inline void folio_ref_add(struct folio *folio, int nr)
{
	page_ref_add(&folio->page, nr);
}

static inline bool folio_ref_dec_and_test(struct folio *folio)
{
	return page_ref_dec_and_test(&folio->page);
}

/* The last reference of a page went away: free it (mm/page_alloc.c). */
void __put_page(struct page *page);
/* put_page() on each of @pages[0..nr), freeing in one batch. */
void release_pages(struct page **pages, int nr);

/*
 * folio_try_get - take a reference on @folio unless its count is 0 (it is
 * being freed): for lockless lookups, which may find a folio that is
 * going away. Return: whether the reference was taken.
 */
static inline bool folio_try_get(struct folio *folio)
{
	return atomic_inc_not_zero(&folio->_refcount);
}

/* folio_get - take a reference on @folio, which must hold one already. */
static inline void folio_get(struct folio *folio)
{
	VM_BUG_ON_FOLIO(folio_ref_count(folio) <= 0, folio);
	folio_ref_inc(folio);
}

static inline void get_page(struct page *page)
{
	folio_get(page_folio(page));
}

static inline void folio_put(struct folio *folio)
{
	if (folio_ref_dec_and_test(folio))
		__put_page(&folio->page);
}

static inline void put_page(struct page *page)
{
	folio_put(page_folio(page));
}

/* folio_put_refs - drop @refs references on @folio, freeing it with the last. */
static inline void folio_put_refs(struct folio *folio, int refs)
{
	if (atomic_sub_return(refs, &folio->_refcount) == 0)
		__put_page(&folio->page);
}

/*
 * pin_user_pages() (FOLL_PIN, mm/gup.c) adds GUP_PIN_COUNTING_BIAS to a
 * small folio's refcount; to a large one, 1 to the refcount and 1 to its
 * _pincount (Linux 6.1's scheme).
 */
#define GUP_PIN_COUNTING_BIAS	(1U << 10)

/**
 * folio_maybe_dma_pinned - might @folio be pinned for DMA?
 * @folio: the folio
 *
 * Exact for a large folio (_pincount); for a small one, 1024 or more
 * ordinary references look like a pin too (false positives only). fork()
 * copies such a page instead of sharing it (folio_try_dup_anon_rmap_ptes()).
 * Return: true if it may be pinned. Context: any.
 */
static inline bool folio_maybe_dma_pinned(struct folio *folio)
{
	if (folio_test_large(folio))
		return atomic_read(&folio->_pincount) > 0;
	return (unsigned int)folio_ref_count(folio) >= GUP_PIN_COUNTING_BIAS;
}

static inline bool page_maybe_dma_pinned(struct page *page)
{
	return folio_maybe_dma_pinned(page_folio(page));
}

/* ---- the page allocator's summary interfaces (mm/page_alloc.c) ---- */

/* Free pages in every zone, not counting per-CPU lists. */
unsigned long nr_free_pages(void);

/*
 * si_meminfo - the memory totals of struct sysinfo (linux/sysinfo.h), in
 * pages (mem_unit = PAGE_SIZE); the other fields zero.
 */
void si_meminfo(struct sysinfo *val);

/*
 * mm_sysfs_init - make /sys/kernel/mm (mm_kobj), the directory that
 * transparent_hugepage, hugepages, ksm and damon go in. Context: boot,
 * after sysfs_init(); a failure is logged.
 */
void mm_sysfs_init(void);

/*
 * pageowner_init - with page_owner=on, /sys/kernel/debug/page_owner
 * (mm/page_owner.c). Context: boot, after debugfs_init().
 */
void pageowner_init(void);

/* show_mem - the memory report of an allocation failure or OOM (mm/show_mem.c). */
void show_mem(void);


/*
 * free_area_init - size the node and its zones from memblock and initialise
 * every struct page of every present section (mm/mm_init.c).
 * @max_zone_pfn: the first pfn above each zone (DMA, DMA32, NORMAL).
 */
void free_area_init(const unsigned long *max_zone_pfn);

/*
 * vmemmap_populate - map memory for the struct pages at [start, end) of the
 * virtual memory map, from @node (arch/x86_64/init_64.c). Returns 0 or
 * -ENOMEM.
 */
int vmemmap_populate(unsigned long start, unsigned long end, int node);

/* Pages the page allocator was given (memblock_free_all). */
extern atomic_long_t _totalram_pages;

static inline unsigned long totalram_pages(void)
{
	return (unsigned long)atomic_long_read(&_totalram_pages);
}

/**
 * free_reserved_area - give memory that boot reserved back to the page allocator
 * @start: first byte (direct map); partial pages at either end are kept
 * @end: one past the last byte
 * @poison: fill byte for the freed pages (POISON_FREE_INITMEM), or -1
 * @s: name for the "Freeing @s memory: NNNK" line, or NULL for none
 *
 * Each whole page must still be PG_reserved (memblock's reservations, as
 * memblock_free_all() left them); it becomes a managed, free page of its
 * zone, whose watermarks and lowmem reserves are recomputed for its new
 * size (min_free_kbytes kept). The caller drops the memblock reservation
 * itself.
 *
 * Return: the number of pages freed. Context: process, after mm_core_init().
 */
unsigned long free_reserved_area(void *start, void *end, int poison, const char *s);

/*
 * mm_core_init - hand boot memory to the page allocator and report it
 * (Linux's "Memory: ..." line). Context: boot, after setup_arch().
 */
void mm_core_init(void);

/* ---- debug_pagealloc (mm/debug_page_alloc.c) ---- */

/*
 * debug_pagealloc=on: free pages are not mapped in the direct map. Set only
 * by the early parameter, before the direct map is built (from 4 KiB pages
 * then); read-only afterwards.
 */
extern bool debug_pagealloc_enabled;

/**
 * __kernel_map_pages - map or unmap pages in the direct map
 * @page: first page
 * @numpages: how many pages from @page
 * @enable: map (true) or unmap (false)
 *
 * Rewrites the 4 KiB direct-map entries of the pages and flushes their TLB
 * entries (arch/x86_64/init_64.c). Only for debug_pagealloc, whose direct
 * map has no large pages: it BUGs on one. Context: any; the caller owns the
 * pages.
 */
void __kernel_map_pages(struct page *page, unsigned long numpages, bool enable);

/*
 * kernel_page_present - is @page mapped in the direct map? (Always, unless
 * debug_pagealloc unmapped it.) Context: any.
 */
bool kernel_page_present(struct page *page);

/* ---- page tables: missing levels, allocated on demand (mm/memory.c) ---- */

/*
 * pud_alloc(), pmd_alloc(), pte_alloc(), pte_alloc_kernel() - the entry
 * of @addr one level down, its table allocated first if the entry is
 * empty (Linux's semantics). The slow paths __pud_alloc() & co. allocate
 * outside mm->page_table_lock, recheck the entry under it, and free their
 * table if another CPU populated the entry first. Return: the entry, or
 * NULL (pte_alloc(): nonzero) when no memory. They never replace a leaf:
 * the caller checks for one. Context: may sleep after boot.
 */
int __pud_alloc(struct mm_struct *mm, p4d_t *p4d, unsigned long addr);
int __pmd_alloc(struct mm_struct *mm, pud_t *pud, unsigned long addr);
int __pte_alloc(struct mm_struct *mm, pmd_t *pmd);
int __pte_alloc_kernel(pmd_t *pmd);

/* Folded: the p4d entry is the pgd entry, always there. */
static inline p4d_t *p4d_alloc(struct mm_struct *mm, pgd_t *pgd, unsigned long addr)
{
	return p4d_offset(pgd, addr);
}

static inline pud_t *pud_alloc(struct mm_struct *mm, p4d_t *p4d, unsigned long addr)
{
	return (unlikely(p4d_none(p4dp_get(p4d))) && __pud_alloc(mm, p4d, addr)) ?
		NULL : pud_offset(p4d, addr);
}

static inline pmd_t *pmd_alloc(struct mm_struct *mm, pud_t *pud, unsigned long addr)
{
	return (unlikely(pud_none(pudp_get(pud))) && __pmd_alloc(mm, pud, addr)) ?
		NULL : pmd_offset(pud, addr);
}

static inline int pte_alloc(struct mm_struct *mm, pmd_t *pmd)
{
	return unlikely(pmd_none(pmdp_get(pmd))) && __pte_alloc(mm, pmd);
}

static inline pte_t *pte_alloc_kernel(pmd_t *pmd, unsigned long addr)
{
	return (unlikely(pmd_none(pmdp_get(pmd))) && __pte_alloc_kernel(pmd)) ?
		NULL : pte_offset_kernel(pmd, addr);
}

/*
 * The ptes of a user address space and their lock. pte_offset_map()
 * gives the pte of @addr in the table @pmd points to (tables sit in the
 * direct map: nothing to map or unmap). Every pte table of @mm shares one
 * lock, mm->page_table_lock (Linux without split pte locks): whoever
 * reads a pte to change it, or changes it, holds pte_lockptr(). It is a
 * spinlock: nothing under it sleeps.
 */
static inline spinlock_t *pte_lockptr(struct mm_struct *mm, pmd_t *pmd)
{
	return &mm->page_table_lock;
}

#define pte_offset_map(pmd, addr)	pte_offset_kernel(pmd, addr)
#define pte_unmap(pte)			do { } while (0)

static inline pte_t *pte_offset_map_lock(struct mm_struct *mm, pmd_t *pmd,
					 unsigned long addr, spinlock_t **ptlp)
{
	spinlock_t *ptl = pte_lockptr(mm, pmd);

	spin_lock(ptl);
	*ptlp = ptl;
	return pte_offset_map(pmd, addr);
}

static inline void pte_unmap_unlock(pte_t *pte, spinlock_t *ptl)
{
	pte_unmap(pte);
	spin_unlock(ptl);
}

/* The pgd entry of @addr in @mm's tables. */
static inline pgd_t *pgd_offset(struct mm_struct *mm, unsigned long addr)
{
	return pgd_offset_pgd(mm->pgd, addr);
}

/**
 * apply_to_page_range - call @fn on every pte of [addr, addr + size)
 * @mm: the address space
 * @addr: start, page aligned
 * @size: length, page aligned
 * @fn: called with the pte, its address and @data; nonzero stops the walk
 * @data: for @fn
 *
 * Missing tables are allocated (pud_alloc() & co.); a 1 GiB or 2 MiB leaf
 * in the range is an error (-EINVAL, with a warning), as in Linux. For an
 * mm other than init_mm, @fn runs under mm->page_table_lock and must not
 * sleep. Return: 0, -ENOMEM, -EINVAL or what @fn returned.
 */
typedef int (*pte_fn_t)(pte_t *pte, unsigned long addr, void *data);
int apply_to_page_range(struct mm_struct *mm, unsigned long addr, unsigned long size,
			pte_fn_t fn, void *data);

/**
 * apply_to_existing_page_range - apply_to_page_range() on mapped ptes only
 *
 * As apply_to_page_range(), but nothing is allocated: holes at every level
 * are skipped, and @fn sees only ptes that are not pte_none().
 */
int apply_to_existing_page_range(struct mm_struct *mm, unsigned long addr,
				 unsigned long size, pte_fn_t fn, void *data);

/*
 * DOC: VMA flags (vm_area_struct.vm_flags), Linux's values
 *
 * VM_READ..VM_SHARED are the access the mapping allows now, VM_MAY* what
 * mprotect() may still grant. VM_DONTCOPY is what MADV_DONTFORK sets.
 * x86 has no VM_GROWSUP: its stacks grow down (VM_STACK).
 */
#define VM_NONE		0x00000000UL
#define VM_READ		0x00000001UL
#define VM_WRITE	0x00000002UL
#define VM_EXEC		0x00000004UL
#define VM_SHARED	0x00000008UL
#define VM_MAYREAD	0x00000010UL
#define VM_MAYWRITE	0x00000020UL
#define VM_MAYEXEC	0x00000040UL
#define VM_MAYSHARE	0x00000080UL
#define VM_GROWSDOWN	0x00000100UL	/* a stack: grows down, guard gap below */
#define VM_UFFD_MISSING	0x00000200UL
#define VM_PFNMAP	0x00000400UL	/* raw PFNs, no struct page behind them */
#define VM_UFFD_WP	0x00001000UL
#define VM_LOCKED	0x00002000UL	/* mlock()ed */
#define VM_IO		0x00004000UL	/* device memory */
#define VM_SEQ_READ	0x00008000UL	/* MADV_SEQUENTIAL */
#define VM_RAND_READ	0x00010000UL	/* MADV_RANDOM */
#define VM_DONTCOPY	0x00020000UL	/* not copied by fork (MADV_DONTFORK) */
#define VM_DONTEXPAND	0x00040000UL	/* mremap() may not grow it */
#define VM_LOCKONFAULT	0x00080000UL
#define VM_ACCOUNT	0x00100000UL	/* charged to overcommit */
#define VM_NORESERVE	0x00200000UL
#define VM_HUGETLB	0x00400000UL
#define VM_SYNC		0x00800000UL
#define VM_ARCH_1	0x01000000UL
#define VM_WIPEONFORK	0x02000000UL
#define VM_DONTDUMP	0x04000000UL
#define VM_SOFTDIRTY	0x08000000UL
#define VM_MIXEDMAP	0x10000000UL
#define VM_HUGEPAGE	0x20000000UL	/* MADV_HUGEPAGE */
#define VM_NOHUGEPAGE	0x40000000UL	/* MADV_NOHUGEPAGE */
#define VM_MERGEABLE	0x80000000UL	/* KSM may merge its pages */

/* What mlock() sets, and fork() clears in the child's copy. */
#define VM_LOCKED_MASK	(VM_LOCKED | VM_LOCKONFAULT)

#define VM_GROWSUP	VM_NONE
#define VM_STACK	VM_GROWSDOWN
/* Never merged, nor expanded by mremap(). */
#define VM_SPECIAL	(VM_IO | VM_DONTEXPAND | VM_PFNMAP | VM_MIXEDMAP)

/*
 * What a VMA's backer may do (vm_area_struct.vm_ops); the file layer and
 * the fault handler add their callbacks. A VMA whose ops have close() is
 * never merged (its backer counts its VMAs).
 */
/*
 * DOC: page faults (mm/memory.c), Linux's types and codes
 *
 * vm_fault_t is what a fault handler returns: 0 (the pte is there now)
 * or VM_FAULT_* bits. FAULT_FLAG_* say what kind of access faulted.
 * struct vm_fault carries one fault down the handler: the first fields
 * are fixed for the fault, the rest are filled on the way (the pte and
 * its lock, the page a ->fault() found, the copy for a COW).
 */
struct pt_regs;
typedef unsigned int vm_fault_t;

enum vm_fault_reason {
	VM_FAULT_OOM		= 0x000001,
	VM_FAULT_SIGBUS		= 0x000002,
	VM_FAULT_MAJOR		= 0x000004,
	VM_FAULT_HWPOISON	= 0x000010,
	VM_FAULT_HWPOISON_LARGE	= 0x000020,
	VM_FAULT_SIGSEGV	= 0x000040,
	VM_FAULT_NOPAGE		= 0x000100,	/* ->fault() installed the pte itself */
	VM_FAULT_LOCKED		= 0x000200,	/* ->fault() returns the page locked */
	VM_FAULT_RETRY		= 0x000400,	/* mmap_lock was dropped: try again */
	VM_FAULT_FALLBACK	= 0x000800,	/* a huge page did not fit: use small */
	VM_FAULT_DONE_COW	= 0x001000,
	VM_FAULT_NEEDDSYNC	= 0x002000,
	VM_FAULT_COMPLETED	= 0x004000,	/* done, and mmap_lock was dropped */
};
#define VM_FAULT_ERROR	(VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV |	\
			 VM_FAULT_HWPOISON | VM_FAULT_HWPOISON_LARGE | VM_FAULT_FALLBACK)

enum fault_flag {
	FAULT_FLAG_WRITE		= 1 << 0,
	FAULT_FLAG_MKWRITE		= 1 << 1,
	FAULT_FLAG_ALLOW_RETRY		= 1 << 2,
	FAULT_FLAG_RETRY_NOWAIT		= 1 << 3,
	FAULT_FLAG_KILLABLE		= 1 << 4,
	FAULT_FLAG_TRIED		= 1 << 5,
	FAULT_FLAG_USER			= 1 << 6,
	FAULT_FLAG_REMOTE		= 1 << 7,	/* not current's mm (GUP) */
	FAULT_FLAG_INSTRUCTION		= 1 << 8,
	FAULT_FLAG_INTERRUPTIBLE	= 1 << 9,
	FAULT_FLAG_UNSHARE		= 1 << 10,	/* break COW for a pin, read-only */
	FAULT_FLAG_ORIG_PTE_VALID	= 1 << 11,
};

struct vm_fault {
	struct vm_area_struct *vma;	/* the VMA of the address */
	gfp_t gfp_mask;			/* for allocations on the way */
	pgoff_t pgoff;			/* the page's offset in vm_file */
	unsigned long address;		/* the faulting address, page aligned */
	unsigned long real_address;	/* the faulting address */
	enum fault_flag flags;		/* FAULT_FLAG_* */
	pmd_t *pmd;			/* the pmd entry of address */
	pud_t *pud;			/* the pud entry of address */
	pte_t orig_pte;			/* the pte when the fault was taken */
	struct page *cow_page;		/* a private copy, for COW */
	struct page *page;		/* what ->fault() returns (referenced) */
	pte_t *pte;			/* the pte, mapped, while ptl is held */
	spinlock_t *ptl;		/* the lock of the page table of pte */
	pgtable_t prealloc_pte;		/* a pte table allocated without the lock */
};

/*
 * What a VMA's backer may do (vm_area_struct.vm_ops), Linux's callbacks.
 * A VMA whose ops have close() is never merged (its backer counts its
 * VMAs).
 */
struct vm_operations_struct {
	void (*open)(struct vm_area_struct *vma);	/* a copy was made (split, fork) */
	void (*close)(struct vm_area_struct *vma);	/* the VMA goes */
	/* Find the page of vmf->pgoff: vmf->page, referenced (and locked with VM_FAULT_LOCKED). */
	vm_fault_t (*fault)(struct vm_fault *vmf);
	/* Map the cached pages of [start_pgoff, end_pgoff) around a read fault, if present. */
	vm_fault_t (*map_pages)(struct vm_fault *vmf, pgoff_t start_pgoff, pgoff_t end_pgoff);
	/* A read-only shared page is about to become writable: make it dirty-able. */
	vm_fault_t (*page_mkwrite)(struct vm_fault *vmf);
	/* A name for /proc/PID/maps when the VMA has no file ("[vdso]"). */
	const char *(*name)(struct vm_area_struct *vma);
};

/* The stack guard gap in bytes (stack_guard_gap= in pages; 256 by default). */
extern unsigned long stack_guard_gap;
/* Nothing may be mapped below it (65536, Linux's default mmap_min_addr). */
extern unsigned long mmap_min_addr;
/* VMAs an mm may have (65530, Linux's vm.max_map_count). */
extern int sysctl_max_map_count;
#define DEFAULT_MAX_MAP_COUNT	65530

static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/* Where the free space below @vma must end: below its guard gap if it is a stack. */
static inline unsigned long vm_start_gap(const struct vm_area_struct *vma)
{
	unsigned long start = vma->vm_start;

	if (vma->vm_flags & VM_GROWSDOWN) {
		start -= stack_guard_gap;
		if (start > vma->vm_start)	/* wrapped below 0 */
			start = 0;
	}
	return start;
}

/* Where the free space above @vma may begin (no VM_GROWSUP on x86). */
static inline unsigned long vm_end_gap(const struct vm_area_struct *vma)
{
	return vma->vm_end;
}

static inline bool vma_is_anonymous(const struct vm_area_struct *vma)
{
	return !vma->vm_ops;
}

/* As Linux: a mapping is counted as exec, stack or data by its flags. */
static inline bool is_exec_mapping(unsigned long flags)
{
	return (flags & (VM_EXEC | VM_WRITE | VM_STACK)) == VM_EXEC;
}

static inline bool is_stack_mapping(unsigned long flags)
{
	return (flags & VM_STACK) == VM_STACK;
}

static inline bool is_data_mapping(unsigned long flags)
{
	return (flags & (VM_WRITE | VM_SHARED | VM_STACK)) == VM_WRITE;
}

/* Resident-page counters of an mm (mm->rss_stat), Linux's helpers. */
static inline unsigned long get_mm_counter(struct mm_struct *mm, int member)
{
	long count = atomic_long_read(&mm->rss_stat[member]);

	return count < 0 ? 0 : count;	/* transiently negative while racing */
}

static inline void add_mm_counter(struct mm_struct *mm, int member, long value)
{
	atomic_long_add(value, &mm->rss_stat[member]);
}

static inline void inc_mm_counter(struct mm_struct *mm, int member)
{
	add_mm_counter(mm, member, 1);
}

static inline void dec_mm_counter(struct mm_struct *mm, int member)
{
	add_mm_counter(mm, member, -1);
}

static inline unsigned long get_mm_rss(struct mm_struct *mm)
{
	return get_mm_counter(mm, MM_FILEPAGES) + get_mm_counter(mm, MM_ANONPAGES) +
	       get_mm_counter(mm, MM_SHMEMPAGES);
}

/*
 * The peaks of /proc/PID/status (VmHWM, VmPeak), as Linux keeps them:
 * recorded just before RSS or total_vm shrink (unmapping, zapping), and
 * read as the larger of the record and the present value.
 */
static inline void update_hiwater_rss(struct mm_struct *mm)
{
	unsigned long rss = get_mm_rss(mm);

	if (mm->hiwater_rss < rss)
		mm->hiwater_rss = rss;
}

/* The peak RSS in pages: the record or the present value. */
static inline unsigned long get_mm_hiwater_rss(struct mm_struct *mm)
{
	return max(mm->hiwater_rss, get_mm_rss(mm));
}

/* *@maxrss = max(*@maxrss, @mm's peak RSS): getrusage()'s ru_maxrss, kept over exec and exit. */
static inline void setmax_mm_hiwater_rss(unsigned long *maxrss, struct mm_struct *mm)
{
	unsigned long hiwater_rss = get_mm_hiwater_rss(mm);

	if (*maxrss < hiwater_rss)
		*maxrss = hiwater_rss;
}

static inline void update_hiwater_vm(struct mm_struct *mm)
{
	if (mm->hiwater_vm < mm->total_vm)
		mm->hiwater_vm = mm->total_vm;
}

/* clear_refs "5": the RSS peak starts again from now. */
static inline void reset_mm_hiwater_rss(struct mm_struct *mm)
{
	mm->hiwater_rss = get_mm_rss(mm);
}

/*
 * DOC: the VMAs of an address space (mm/mmap.c)
 *
 * Context of everything below: the caller holds mm->mmap_lock, for
 * reading (the lookups) or for writing (every change), and may sleep
 * (changes allocate vm_area_structs with GFP_KERNEL).
 */

/*
 * vm_area_alloc - a zeroed VMA of @mm, linked nowhere (kernel/fork.c).
 * Return: NULL when memory is short.
 */
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm);
/* vm_area_dup - a copy of @orig, linked nowhere. Return: NULL when memory is short. */
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig);
/* vm_area_free - free a VMA that is linked nowhere. */
void vm_area_free(struct vm_area_struct *vma);

/**
 * find_vma - the first VMA that ends above @addr
 * @mm: the address space
 * @addr: the address
 *
 * Return: the VMA that contains @addr, or else the first above it, or
 * NULL. O(log n). Context: mmap_lock held.
 */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
/* find_vma(), and in *@pprev the VMA before it (the last one if it is NULL). */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev);
/* The first VMA overlapping [@start_addr, @end_addr), or NULL. */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm, unsigned long start_addr,
					     unsigned long end_addr);
/* The VMA containing @addr, or NULL. */
struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr);

/**
 * insert_vm_struct - link @vma into @mm's list and tree
 * @mm: the address space (vma->vm_mm)
 * @vma: a VMA linked nowhere, with its range, flags and backing set
 *
 * An anonymous VMA without a pgoff gets vm_start's page number, as Linux
 * (so that merging compares pgoffs of anonymous VMAs too). The mm's
 * counters (total_vm...) are the caller's (vm_stat_account()).
 * Return: 0, or -ENOMEM if it overlaps a VMA or the mm has
 * sysctl_max_map_count VMAs. Context: mmap_lock held for writing.
 */
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma);

/*
 * unlink_file_vma - take @vma off its file's i_mmap (if it is on it).
 * Context: mmap_lock held for writing; takes i_mmap_rwsem.
 */
void unlink_file_vma(struct vm_area_struct *vma);
/*
 * find_mergeable_anon_vma - the anon_vma of a neighbour @vma could merge
 * with (adjacent, alike, contiguous, no inherited chains), for
 * anon_vma_prepare() to share; NULL if none. Context: mmap_lock held.
 */
struct anon_vma *find_mergeable_anon_vma(struct vm_area_struct *vma);

/* Count @npages more (or fewer) pages of a mapping with @flags in @mm's counters. */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages);

/**
 * vma_merge - make [@addr, @end) part of a VMA next to it, if they are alike
 * @mm: the address space
 * @prev: the VMA before @addr (NULL if none), as find_vma_prev() gives it
 * @addr: start of the range, page aligned
 * @end: its end, page aligned
 * @vm_flags: the flags the range is to have
 * @anon_vma: its anon_vma (NULL if none yet)
 * @file: its file (NULL: anonymous)
 * @pgoff: its offset in @file, in pages (anonymous: @addr's page number)
 *
 * The range is either a hole between @prev and the VMA after it (mmap,
 * brk) or covers part or all of one VMA (mprotect, madvise on its
 * range). It merges with @prev when they are adjacent and alike (same
 * flags but VM_SOFTDIRTY, same file, contiguous pgoff, compatible
 * anon_vmas, no close()), with the next VMA likewise, or with both. The
 * eight cases of Linux's comment (A: the range; P, N, X: prev, next and
 * the one after):
 *
 *     AAAA                 AAAA                  AAAA
 *   PPPPPPNNNNNN       PPPPPPNNNNNN          PPPPPPNNNNNN
 *   no merge           case 4: PPNNNNNNNNNN  case 5: PPPPPPPPPPNN
 *
 *       AAAA                       AAAA
 *   PPPP    NNNN               PPPPNNNNXXXX
 *   case 1: PPPPPPPPPPPP       case 6: PPPPPPPPPPPP
 *   case 2: PPPPPPPPNNNN       case 7: PPPPPPPPXXXX
 *   case 3: PPPPNNNNNNNN       case 8: PPPPXXXXXXXX
 *
 * VM_SPECIAL ranges never merge. Linux's mempolicy, userfaultfd context
 * and anon_vma_name arguments are not there: no such feature exists yet.
 *
 * Return: the VMA that now covers the range (the caller then sets it up:
 * no new VMA is needed), or NULL when nothing merged and nothing changed.
 * Context: mmap_lock held for writing.
 */
struct vm_area_struct *vma_merge(struct mm_struct *mm, struct vm_area_struct *prev,
				 unsigned long addr, unsigned long end, unsigned long vm_flags,
				 struct anon_vma *anon_vma, struct file *file, pgoff_t pgoff);

/**
 * __split_vma - cut @vma in two at @addr
 * @mm: its address space
 * @vma: the VMA, vm_start < @addr < vm_end
 * @addr: where, page aligned
 * @new_below: the new VMA is the lower part (else the upper one)
 *
 * The new VMA is a copy of @vma (its vm_ops->open() called) with the
 * range and pgoff of its part; @vma keeps the other part.
 * Return: 0, or -ENOMEM (nothing changed). Context: mmap_lock held for writing.
 */
int __split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
		int new_below);
/* __split_vma(), refused with -ENOMEM when @mm has sysctl_max_map_count VMAs. */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
	      int new_below);

/**
 * __do_munmap - remove the VMAs of [@start, @start + @len)
 * @mm: the address space
 * @start: page aligned
 * @len: bytes (rounded up to pages)
 * @downgrade: downgrade mmap_lock to reading once the VMAs are detached
 *             (not when a VM_GROWSDOWN VMA follows the range: it could
 *             grow into the tables being freed, as in Linux)
 *
 * VMAs that straddle an end are split there; the ones inside are
 * detached, their pages unmapped and freed and the page tables only they
 * used freed (unmap_region(), after a TLB flush), then they are
 * uncounted, closed and freed. Linux's userfaultfd list argument is not
 * there.
 * Return: 1 if the lock was downgraded, 0 if not (nothing mapped there
 * included), -EINVAL for a bad range, -ENOMEM if a split was refused (a
 * first split may then remain, as in Linux). Context: mmap_lock held for
 * writing.
 */
int __do_munmap(struct mm_struct *mm, unsigned long start, size_t len, bool downgrade);
/* __do_munmap() without the downgrade. */
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);

/*
 * exit_mmap - tear down @mm, whose last user is gone (mmput()): every
 * page unmapped and freed (unmap_vmas()), every page table below the pgd
 * freed (free_pgtables()), after one TLB flush (tlb_gather_mmu_fullmm()),
 * then every VMA. Afterwards the rss counters and pgtables_bytes are 0.
 */
void exit_mmap(struct mm_struct *mm);

/*
 * struct vm_unmapped_area_info - what vm_unmapped_area() looks for:
 * @length bytes, within [@low_limit, @high_limit), starting at an address
 * whose bits in @align_mask equal those of @align_offset, the lowest such
 * (bottom-up) or, with VM_UNMAPPED_AREA_TOPDOWN, the highest.
 */
struct vm_unmapped_area_info {
#define VM_UNMAPPED_AREA_TOPDOWN 1
	unsigned long flags;
	unsigned long length;
	unsigned long low_limit;
	unsigned long high_limit;
	unsigned long align_mask;
	unsigned long align_offset;
};

/**
 * vm_unmapped_area - find a free range of @mm's user space
 * @mm: the address space (Linux's uses current->mm)
 * @info: what to look for
 *
 * Free means outside every VMA and its stack guard gap. O(log n): the
 * search descends only into subtrees whose rb_subtree_gap is large
 * enough.
 * Return: the address, or -ENOMEM (as an unsigned long: IS_ERR_VALUE()).
 * Context: mmap_lock held.
 */
unsigned long vm_unmapped_area(struct mm_struct *mm, struct vm_unmapped_area_info *info);

/**
 * mm_get_unmapped_area - where to map @len bytes in @mm (Linux >= 6.10's name)
 * @mm: the address space; its mmap_base is where the search starts
 * @file: the file to map (unused: anonymous placement only for now)
 * @addr: a hint, or the address itself with MAP_FIXED
 * @len: bytes
 * @pgoff: the file offset in pages (the alignment offset)
 * @flags: MAP_* (MAP_FIXED)
 *
 * The hint is taken when it is free (and above mmap_min_addr); else the
 * highest free range below mmap_base (arch_get_unmapped_area_topdown()),
 * else the lowest above TASK_UNMAPPED_BASE.
 * Return: the address; -ENOMEM when none is free or @len is too large;
 * -EINVAL if it would not be page aligned; -EPERM below mmap_min_addr
 * (as Linux's security_mmap_addr() for a task without CAP_SYS_RAWIO).
 * Context: mmap_lock held.
 */
unsigned long mm_get_unmapped_area(struct mm_struct *mm, struct file *file, unsigned long addr,
				   unsigned long len, unsigned long pgoff, unsigned long flags);
unsigned long arch_get_unmapped_area_topdown(struct mm_struct *mm, struct file *filp,
					     unsigned long addr, unsigned long len,
					     unsigned long pgoff, unsigned long flags);

/* Where bottom-up searches start, a third of the way up, as Linux x86's. */
#define TASK_UNMAPPED_BASE	PAGE_ALIGN(TASK_SIZE / 3)

/*
 * validate_mm - check @mm's VMA list and tree against each other: order,
 * no overlap, every rb_subtree_gap, map_count and highest_vm_end. A
 * broken invariant is reported with dump_vma()/dump_mm() and BUG. Only
 * with CONFIG_DEBUG_VM, after every change; a no-op otherwise.
 */
#ifdef CONFIG_DEBUG_VM
void validate_mm(struct mm_struct *mm);
#else
static inline void validate_mm(struct mm_struct *mm) { }
#endif

/*
 * DOC: the fault handler, page-table teardown and copying (mm/memory.c)
 *
 * Context of all: mmap_lock held (for reading: faults, zapping; for
 * writing: unmap_vmas()/free_pgtables() of VMAs being removed; for
 * writing on both mms: copy_page_range() at fork).
 */

/**
 * handle_mm_fault - resolve a fault at @address in @vma
 * @vma: the VMA containing @address (or growing down to it)
 * @address: the faulting address
 * @flags: FAULT_FLAG_*
 * @regs: the user registers for accounting, or NULL (GUP)
 *
 * Return: 0 or VM_FAULT_* (VM_FAULT_ERROR bits: the access fails).
 * Counts the fault: vmstat pgfault, and the task's maj_flt (VM_FAULT_MAJOR)
 * or min_flt unless it failed; pgmajfault is counted where the major
 * work is done (filemap_fault()'s read), as in Linux.
 * Context: mmap_lock held for reading; may sleep.
 */
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags, struct pt_regs *regs);

/*
 * The shared zero page: every read fault on anonymous memory maps it,
 * read-only and pte_special(), until a write replaces it by a private
 * copy (Linux's ZERO_PAGE(), my_zero_pfn(), is_zero_pfn()). It is never
 * counted in rss nor in any rmap, and never freed.
 */
extern u8 empty_zero_page[PAGE_SIZE];
#define ZERO_PAGE(vaddr)	virt_to_page(empty_zero_page)

static inline unsigned long my_zero_pfn(unsigned long addr)
{
	return page_to_pfn(ZERO_PAGE(addr));
}

static inline bool is_zero_pfn(unsigned long pfn)
{
	return pfn == my_zero_pfn(0);
}

/* A private mapping that may be written: its writes copy (COW). */
static inline bool is_cow_mapping(unsigned long flags)
{
	return (flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
}

/* Can anything be done with the mapping (not PROT_NONE)? */
static inline bool vma_is_accessible(const struct vm_area_struct *vma)
{
	return vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC);
}

/* @pte made writable if @vma allows writes (Linux's maybe_mkwrite()). */
static inline pte_t maybe_mkwrite(pte_t pte, const struct vm_area_struct *vma)
{
	return (vma->vm_flags & VM_WRITE) ? pte_mkwrite(pte) : pte;
}

static inline pte_t mk_pte(struct page *page, pgprot_t prot)
{
	return pfn_pte(page_to_pfn(page), prot);
}

/* The rss counter a file-backed @page counts in: shmem's or the files'. */
static inline int mm_counter_file(struct page *page)
{
	return PageSwapBacked(page) ? MM_SHMEMPAGES : MM_FILEPAGES;
}

/*
 * vm_normal_page - the struct page a present @pte of @vma maps, or NULL
 * for a special mapping (the zero page, raw PFNs): those have no
 * refcount, rmap or rss of their own and are skipped by teardown, fork
 * and GUP alike. A pfn without a struct page in a pte not marked special
 * is a corrupt pte: reported, and NULL. Inline: fork and teardown call it
 * for every pte. Context: the pte lock held.
 */
static inline struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr,
					  pte_t pte)
{
	unsigned long pfn = pte_pfn(pte);

	if (pte_special(pte))
		return NULL;
	if (WARN_ON_ONCE(!pfn_valid(pfn)))
		return NULL;
	return pfn_to_page(pfn);
}

/**
 * do_set_pte - map @page at @addr for a fault (Linux 6.1's name)
 * @vmf: the fault; vmf->pte points at @addr's empty pte, vmf->ptl held
 * @page: the page, referenced (the mapping keeps that reference)
 * @addr: where; another address than vmf->address is a fault-around
 *        prefault, mapped as the read fault would map it
 *
 * A write fault of a private mapping maps the COW copy (@page is new and
 * anonymous: added to the rmap and MM_ANONPAGES); everything else is a
 * file page (folio_add_file_rmap_pte(), MM_FILEPAGES or MM_SHMEMPAGES).
 * A write fault maps it writable (where the VMA allows) and dirty.
 */
void do_set_pte(struct vm_fault *vmf, struct page *page, unsigned long addr);

/**
 * finish_fault - install the page ->fault() found (or its COW copy)
 * @vmf: the fault, vmf->page (and vmf->cow_page) set, no lock held
 *
 * Allocates the pte table if needed (vmf->prealloc_pte first), then maps
 * the page with do_set_pte() unless the pte was filled meanwhile.
 * Return: 0, VM_FAULT_NOPAGE (someone else mapped it) or VM_FAULT_OOM.
 */
vm_fault_t finish_fault(struct vm_fault *vmf);

/*
 * Fault-around: a read fault of a file mapping with ->map_pages maps up to
 * fault_around_bytes (64 KiB, a power of two of pages) of cached pages
 * around the faulting one, within its VMA and its pte table.
 */
extern unsigned long fault_around_bytes;

/* zap_page_range - unmap and free the pages of [start, start + size) of @vma, flushing the TLB. */
void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long size);
/* zap_page_range_single - the same within @vma only. */
void zap_page_range_single(struct vm_area_struct *vma, unsigned long start, unsigned long size);
/**
 * unmap_mapping_pages - unmap file pages [@first, @last] of @mapping from
 * every shared mapping of it (Linux's with even_cows false). A private
 * mapping keeps what it maps: its COW copies are its own, and its
 * still-shared page-cache pages are not told apart here (Linux zaps
 * those). Context: process; takes i_mmap_rwsem for reading.
 */
void unmap_mapping_pages(struct address_space *mapping, pgoff_t first, pgoff_t last);

struct mmu_gather;
/* unmap_vmas - zap [start, end) of @vma and the VMAs after it on the list, into @tlb. */
void unmap_vmas(struct mmu_gather *tlb, struct vm_area_struct *vma,
		unsigned long start, unsigned long end);
/* The bounds free_pgtables() may free tables within, for a whole mm (0: the top). */
#define FIRST_USER_ADDRESS	0UL
#define USER_PGTABLES_CEILING	0UL

/*
 * free_pgtables - free the page tables under @vma and the VMAs after it,
 * none below @floor nor at or above @ceiling (the neighbours' tables).
 */
void free_pgtables(struct mmu_gather *tlb, struct vm_area_struct *vma,
		   unsigned long floor, unsigned long ceiling);
/**
 * copy_page_range - fork: copy @src_vma's ptes into @dst_vma (of the child)
 * @dst_vma: the child's copy, with its anon_vma (anon_vma_fork()) set
 * @src_vma: the parent's VMA
 *
 * Anonymous pages are shared (folio_try_dup_anon_rmap_ptes()), or copied
 * at once when they may be pinned; file pages are shared. Private
 * writable ptes become read-only in both (COW); shared ones stay. A VMA
 * without anon_vma and without raw PFNs copies nothing: its file pages
 * fault in again. The caller flushes the parent's TLB (flush_tlb_mm())
 * before the parent runs again, as dup_mmap() does.
 * Return: 0 or -ENOMEM (what was copied stays, for exit_mmap()).
 */
int copy_page_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma);

/**
 * expand_stack - grow the VM_GROWSDOWN @vma down to @address
 * @vma: the stack VMA, the first above @address
 * @address: the faulting address below vm_start
 *
 * Refused when the VMA below would then be nearer than stack_guard_gap
 * (unless it is a stack itself or PROT_NONE), when the stack would exceed
 * RLIMIT_STACK, the mm RLIMIT_AS (may_expand_vm()), or a locked stack
 * RLIMIT_MEMLOCK, or when vm_pgoff cannot go lower. The mm's counters
 * grow with it. Return: 0, -ENOMEM, or -EPERM below mmap_min_addr.
 * Context: mmap_lock held (for reading suffices: page_table_lock
 * serialises two expansions).
 */
int expand_stack(struct vm_area_struct *vma, unsigned long address);

/*
 * DOC: get_user_pages (mm/gup.c), Linux's FOLL_* flags
 */
#define FOLL_WRITE	0x01	/* check the pte is writable (breaks COW) */
#define FOLL_TOUCH	0x02	/* mark the page accessed */
#define FOLL_GET	0x04	/* take a reference on the page */
#define FOLL_DUMP	0x08	/* give an error for holes (core dumps) */
#define FOLL_FORCE	0x10	/* may write to read-only private mappings (ptrace) */
#define FOLL_NOWAIT	0x20
#define FOLL_NOFAULT	0x80	/* never fault in */
#define FOLL_HWPOISON	0x100
#define FOLL_REMOTE	0x2000	/* not current->mm: FAULT_FLAG_REMOTE (get_user_pages_remote()) */
#define FOLL_ANON	0x8000	/* don't do file mappings */
#define FOLL_LONGTERM	0x10000	/* the pin is long-lived */
#define FOLL_SPLIT_PMD	0x20000
#define FOLL_PIN	0x40000	/* pin_user_pages(): folio's _pincount / GUP_PIN_COUNTING_BIAS */
#define FOLL_FAST_ONLY	0x80000
#define FOLL_UNLOCKABLE	0x100000

/**
 * get_user_pages_remote - the pages of [@start, @start + @nr_pages pages) of @mm
 * @mm: the address space (another process's: FAULT_FLAG_REMOTE)
 * @start: the first address (rounded down to its page)
 * @nr_pages: how many pages
 * @gup_flags: FOLL_WRITE, FOLL_FORCE, FOLL_DUMP, FOLL_NOFAULT, FOLL_ANON...
 *             (not FOLL_PIN: pin_user_pages_remote())
 * @pages: filled with each page, referenced (put_page() each), or NULL
 *         to fault the range in only
 * @vmas: filled with each page's VMA, or NULL
 * @locked: NULL, or 1: mmap_lock is held (and never dropped here)
 *
 * Missing pages are faulted in; FOLL_WRITE breaks COW first, so the page
 * is the one the process writes. Return: the number of pages done, which
 * may be fewer than asked, or, when none was, -EFAULT (a hole, a VMA not
 * allowing the access, VM_IO/VM_PFNMAP, a fault ending in SIGBUS or
 * SIGSEGV), -ENOMEM or -EINVAL (bad flags).
 * Context: mmap_lock of @mm held for reading; may sleep.
 */
long get_user_pages_remote(struct mm_struct *mm, unsigned long start, unsigned long nr_pages,
			   unsigned int gup_flags, struct page **pages,
			   struct vm_area_struct **vmas, int *locked);
/**
 * access_remote_vm - copy between @buf and [@addr, @addr + @len) of @mm
 * @gup_flags: FOLL_WRITE to write @mm (else read it), FOLL_FORCE to pass
 *             the VMA's protections as a debugger does (ptrace's)
 *
 * Page by page through get_user_pages_remote(), COW broken for a write.
 * Return: the bytes copied, short at the first page that cannot be had.
 * Context: process; takes @mm's mmap_lock for reading; may sleep.
 */
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len,
		     unsigned int gup_flags);
/* get_user_pages - get_user_pages_remote() on current->mm. */
long get_user_pages(unsigned long start, unsigned long nr_pages, unsigned int gup_flags,
		    struct page **pages, struct vm_area_struct **vmas);
/**
 * pin_user_pages - pin the pages of [@start, @start + @nr_pages pages) of current->mm
 *
 * As get_user_pages(), but each page is pinned (FOLL_PIN: for DMA into
 * or out of it), to be released with unpin_user_page(s), never
 * put_page(); @pages is required. A read-only pin of an anonymous page
 * another process may share unshares it first, so the pinned page stays
 * the one the process maps (Linux 6.1). FOLL_LONGTERM marks a pin held
 * for long; Linux would migrate it out of ZONE_MOVABLE: not yet here.
 * Return and context: as get_user_pages_remote().
 */
long pin_user_pages(unsigned long start, unsigned long nr_pages, unsigned int gup_flags,
		    struct page **pages, struct vm_area_struct **vmas);
/* pin_user_pages_remote - pin_user_pages() on @mm. */
long pin_user_pages_remote(struct mm_struct *mm, unsigned long start, unsigned long nr_pages,
			   unsigned int gup_flags, struct page **pages,
			   struct vm_area_struct **vmas, int *locked);

/**
 * get_user_pages_fast - get_user_pages() without mmap_lock where it can
 * @start: the first address (rounded down to a page)
 * @nr_pages: how many pages
 * @gup_flags: FOLL_WRITE, FOLL_LONGTERM, FOLL_FORCE, FOLL_FAST_ONLY,
 *             FOLL_NOFAULT (not FOLL_PIN: pin_user_pages_fast())
 * @pages: one pointer per page, each page returned with a reference
 *
 * Walks current->mm's page tables with interrupts off and no lock (the
 * tables cannot be freed under it: their freeing waits for a TLB
 * shootdown this CPU answers only with interrupts on), taking each page
 * a plain pte already allows; at the first page it cannot take so
 * (missing, read-only for a write, special, being freed, a pin that must
 * unshare) the rest goes the slow way, get_user_pages() under mmap_lock,
 * which faults in. FOLL_FAST_ONLY stops there instead.
 * Return: the pages taken (the first @n of @pages), or -errno if none
 * (-EFAULT for a range outside user space); with FOLL_FAST_ONLY, 0 or more.
 * Context: process context with an mm; may sleep unless FOLL_FAST_ONLY.
 */
int get_user_pages_fast(unsigned long start, int nr_pages, unsigned int gup_flags,
			struct page **pages);
/* pin_user_pages_fast - get_user_pages_fast() with FOLL_PIN (unpin_user_page() undoes). */
int pin_user_pages_fast(unsigned long start, int nr_pages, unsigned int gup_flags,
			struct page **pages);
/* unpin_user_page - release one pin of pin_user_pages(); the last reference frees the page. */
void unpin_user_page(struct page *page);
/* unpin_user_pages - unpin_user_page() on each of @pages[0..@npages). */
void unpin_user_pages(struct page **pages, unsigned long npages);
/**
 * __mm_populate - fault in [@start, @start + @len) of current's mm
 * @start: page aligned
 * @len: page aligned
 * @ignore_errors: go on past a VMA that fails (MAP_POPULATE, mlock's
 *                 callers that ignore the result)
 *
 * Each VMA in the range, but VM_IO/VM_PFNMAP ones, is populated as
 * populate_vma_page_range() does (holes are skipped).
 * Return: 0, or the first -errno when not @ignore_errors.
 * Context: takes mmap_lock for reading; may sleep.
 */
int __mm_populate(unsigned long start, unsigned long len, int ignore_errors);
static inline void mm_populate(unsigned long addr, unsigned long len)
{
	(void)__mm_populate(addr, len, 1);
}

/*
 * DOC: mapping (mm/mmap.c, mm/util.c)
 *
 * do_mmap() is the core of mmap(): placement, the VMA (merged where it
 * can be), f_op->mmap(), accounting; the caller holds mmap_lock for
 * writing and populates *@populate bytes after dropping it. vm_mmap()
 * and vm_munmap() take the lock themselves. vm_brk_flags() maps
 * anonymous memory at a fixed address (the ELF loader's bss).
 */
unsigned long do_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags, unsigned long pgoff,
		      unsigned long *populate);
unsigned long vm_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flag, unsigned long offset);
int vm_munmap(unsigned long start, size_t len);
int vm_brk_flags(unsigned long addr, unsigned long request, unsigned long flags);
/* vm_mmap() with the offset in pages (mm/util.c): mmap(2) once the file is found. */
unsigned long vm_mmap_pgoff(struct file *file, unsigned long addr, unsigned long len,
			    unsigned long prot, unsigned long flag, unsigned long pgoff);
/* mmap(2)'s work after the offset check: @fd's file unless MAP_ANONYMOUS (-EBADF). */
unsigned long ksys_mmap_pgoff(unsigned long addr, unsigned long len, unsigned long prot,
			      unsigned long flags, unsigned long fd, unsigned long pgoff);

/**
 * mmap_region - map [@addr, @addr + @len) of current's mm with @vm_flags
 * @file: the file (its ->mmap() sets the VMA up), or NULL
 * @addr: page aligned, checked by get_unmapped_area
 * @len: page aligned
 * @vm_flags: VM_* of the mapping
 * @pgoff: offset in @file in pages (anonymous private: @addr's page)
 *
 * Whatever was mapped there is unmapped first (MAP_FIXED). Private
 * writable memory is charged to overcommit (VM_ACCOUNT).
 * Return: @addr, or -ENOMEM (RLIMIT_AS, RLIMIT_DATA, overcommit, memory)
 * or the backer's error. Context: mmap_lock held for writing.
 */
unsigned long mmap_region(struct file *file, unsigned long addr, unsigned long len,
			  unsigned long vm_flags, unsigned long pgoff);

/*
 * may_expand_vm - may @mm map @npages more pages with @flags? RLIMIT_AS
 * against total_vm, RLIMIT_DATA against data_vm for data mappings (a
 * soft limit of 0 lets the hard one count, Linux's Valgrind exception;
 * otherwise a warning, once, as Linux). Context: mmap_lock held.
 */
bool may_expand_vm(struct mm_struct *mm, unsigned long flags, unsigned long npages);

/*
 * vma_modify_flags - make [@start, @end) of @vma one VMA with @new_flags'
 * neighbours in mind: merged with @prev or the next VMA when they are
 * alike (vma_merge()), else split off @vma. The caller then sets
 * vm_flags (and what follows from them) on the VMA returned.
 * @prev: the VMA before @start: @vma itself when @start is inside it.
 * Return: the VMA covering exactly [@start, @end), or ERR_PTR(-ENOMEM).
 * Context: mmap_lock held for writing.
 */
struct vm_area_struct *vma_modify_flags(struct mm_struct *mm, struct vm_area_struct *prev,
					struct vm_area_struct *vma, unsigned long start,
					unsigned long end, unsigned long new_flags);

/**
 * change_protection - give the present ptes of [@start, @end) of @vma @newprot
 * @vma: the VMA, whose flags are already the new ones
 * @start: page aligned, in @vma
 * @end: page aligned, in @vma
 * @newprot: the protection (vma->vm_page_prot)
 *
 * Writable is granted only where the write fault would grant it without
 * more ado (mm/mprotect.c); the TLB of the range is flushed if a pte
 * changed. Return: the ptes changed. Context: mmap_lock held for writing;
 * takes the pte lock.
 */
unsigned long change_protection(struct vm_area_struct *vma, unsigned long start,
				unsigned long end, pgprot_t newprot);

/**
 * do_madvise - madvise(2) on @mm (mm/madvise.c)
 * @mm: the address space (current's, or another's for process_madvise())
 * @start: page aligned
 * @len_in: bytes, rounded up to pages
 * @behavior: MADV_*
 *
 * Return: 0; -EINVAL (unknown advice, or one the VMA refuses), -ENOMEM
 * (part of the range unmapped: the rest is advised), -EAGAIN (no memory
 * to split a VMA), -EACCES, -EFAULT, -EINTR as Linux 6.1 returns them.
 * Context: process; takes mmap_lock.
 */
int do_madvise(struct mm_struct *mm, unsigned long start, size_t len_in, int behavior);

/**
 * move_page_tables - move the ptes of [@old_addr, @old_addr + @len) of @vma
 * to @new_addr in @new_vma (mm/mremap.c)
 *
 * Whole pte tables move when a 2 MiB extent is aligned at both ends;
 * pages are never copied. Return: the bytes moved (less than @len when
 * a table could not be allocated). Context: mmap_lock held for writing.
 */
unsigned long move_page_tables(struct vm_area_struct *vma, unsigned long old_addr,
			       struct vm_area_struct *new_vma, unsigned long new_addr,
			       unsigned long len);

/* vm_get_page_prot - the pte protection of pages of a VMA with @vm_flags (x86's protection_map). */
pgprot_t vm_get_page_prot(unsigned long vm_flags);
/* vma_set_page_prot - vma->vm_page_prot from vma->vm_flags. */
void vma_set_page_prot(struct vm_area_struct *vma);

/* An anonymous VMA has no vm_ops (vma_is_anonymous()). */
static inline void vma_set_anonymous(struct vm_area_struct *vma)
{
	vma->vm_ops = NULL;
}

/*
 * DOC: mlock (mm/mlock.c)
 *
 * VM_LOCKED VMAs keep their pages resident (populated at mlock() time,
 * or with VM_LOCKONFAULT as they fault); mm->locked_vm counts their
 * pages against RLIMIT_MEMLOCK. A page mapped in one is PG_mlocked and
 * PG_unevictable, counted in NR_MLOCK ("Mlocked:") and
 * NR_ZONE_UNEVICTABLE ("Unevictable:").
 */
/* The flags mlock's state is made of: cleared by munlock, mask them off to unlock. */
#define VM_LOCKED_MASK		(VM_LOCKED | VM_LOCKONFAULT)
#define VM_LOCKED_CLEAR_MASK	(~VM_LOCKED_MASK)

/*
 * can_do_mlock - may current lock memory at all? With a non-zero
 * RLIMIT_MEMLOCK, or CAP_IPC_LOCK. Context: process.
 */
bool can_do_mlock(void);
/*
 * mlock_future_check - would @len more locked bytes (when @flags has
 * VM_LOCKED) stay within RLIMIT_MEMLOCK? Return: 0 or -EAGAIN.
 */
int mlock_future_check(struct mm_struct *mm, unsigned long flags, unsigned long len);
/*
 * mlock_vma_folio / munlock_vma_folio - @folio was mapped into / unmapped
 * from the VM_LOCKED @vma: mark it mlocked and unevictable (counted), or
 * clear that when no other mapping may hold it locked (its last mapping;
 * else it stays mlocked until freed, as Linux leaves it for reclaim to
 * cull). The fault and rmap code call them for VM_LOCKED VMAs. Context:
 * the pte lock of the mapping may be held.
 */
void mlock_vma_folio(struct folio *folio, struct vm_area_struct *vma);
void munlock_vma_folio(struct folio *folio, struct vm_area_struct *vma);

#endif /* _LINUX_MM_H */
