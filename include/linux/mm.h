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
#include <linux/page-flags.h>
#include <linux/mmzone.h>
#include <linux/pfn.h>
#include <asm/page.h>

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

static inline int page_ref_count(const struct page *page)
{
	return atomic_read(&page->_refcount);
}

static inline void set_page_count(struct page *page, int v)
{
	atomic_set(&page->_refcount, v);
}

static inline int page_mapcount(const struct page *page)
{
	return atomic_read(&page->_mapcount) + 1;
}

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
extern unsigned long totalram_pages;

/*
 * mm_core_init - hand boot memory to the page allocator and report it
 * (Linux's "Memory: ..." line). Context: boot, after setup_arch().
 */
void mm_core_init(void);

#endif /* _LINUX_MM_H */
