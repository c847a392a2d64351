/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pageblocks: aligned groups of 2^pageblock_order pages (2 MiB) that the
 * page allocator sorts by migratetype, the unit of anti-fragmentation.
 * Each zone keeps NR_PAGEBLOCK_BITS bits per pageblock in
 * zone->pageblock_flags; the low three hold the migratetype. Writers hold
 * zone->lock; readers may race and see the old type, which is harmless.
 */
#ifndef _LINUX_PAGEBLOCK_FLAGS_H
#define _LINUX_PAGEBLOCK_FLAGS_H

#define pageblock_order		9
#define pageblock_nr_pages	(1UL << pageblock_order)
#define NR_PAGEBLOCK_BITS	4
#define MIGRATETYPE_MASK	((1UL << 3) - 1)

#define pageblock_start_pfn(pfn)	((pfn) & ~(pageblock_nr_pages - 1))
#define pageblock_end_pfn(pfn)		(pageblock_start_pfn(pfn) + pageblock_nr_pages)

struct page;

int get_pfnblock_migratetype(const struct page *page, unsigned long pfn);
void set_pageblock_migratetype(struct page *page, int migratetype);

#define get_pageblock_migratetype(page) \
	get_pfnblock_migratetype(page, page_to_pfn(page))

#endif /* _LINUX_PAGEBLOCK_FLAGS_H */
