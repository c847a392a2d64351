// SPDX-License-Identifier: GPL-2.0
/*
 * The page allocator: Linux's binary buddy system, per zone, with
 * migratetypes, watermarks and per-CPU page lists.
 *
 * Free memory of a zone is kept in blocks of 2^order pages (order 0 to
 * MAX_ORDER - 1), each naturally aligned: a block of order n starts at a
 * pfn that is a multiple of 2^n. Its buddy is the other half of the block
 * of order n + 1 containing it, at pfn ^ (1 << n). Freeing merges a block
 * with its buddy while the buddy is free and of the same order; allocating
 * takes the smallest block that fits and gives the unused halves back
 * ("expand").
 *
 * Invariants, checked by free_area_check() (mm/show_mem.c) after every test:
 *  - a free block's head page is PageBuddy with buddy_order() == its order,
 *    is on exactly one list, zone->free_area[order].free_list[mt], and its
 *    pfn is a multiple of 2^order; the other pages of the block are not
 *    PageBuddy; free_area[order].nr_free counts the blocks of all types;
 *  - NR_FREE_PAGES of a zone is the sum of its free blocks' sizes (pages on
 *    the per-CPU lists are not free in this sense, as in Linux);
 *  - free and per-CPU pages have _refcount 0; an allocated block's head has
 *    _refcount >= 1 and its tail pages 0 (non-compound) or point to the
 *    head (compound).
 *
 * Anti-fragmentation: each pageblock (2^pageblock_order pages) has a
 * migratetype, and frees go to the list of their pageblock's type. An
 * allocation first searches its own type; otherwise it falls back to
 * another type (fallbacks[]) starting from the largest block, and when
 * that block is large enough, or the requester is unmovable or
 * reclaimable, it steals the whole pageblock: all its free pages move to
 * the requester's lists and, if at least half the block is free or alike,
 * the pageblock changes type. Movable requests that cannot steal take the
 * smallest fallback block instead, so that they scatter fewer foreign
 * pages.
 *
 * Watermarks: each zone has min/low/high, from min_free_kbytes (which
 * grows with the square root of memory) and watermark_scale_factor, set
 * at boot with the lowmem reserves by mm/mm_init.c. The
 * fast path needs free pages above low plus the lowmem_reserve that lower
 * zones keep against requests that could have used a higher zone. The
 * slow path uses min, lowered by half for __GFP_HIGH and by a further
 * quarter for GFP_ATOMIC; __GFP_MEMALLOC ignores the watermarks. Until
 * reclaim exists the slow path drains the per-CPU lists, gives back
 * high-atomic reserves and retries once; then it fails with a report
 * (warn_alloc() in mm/show_mem.c), or,
 * for __GFP_NOFAIL, warns and keeps trying with the reserves opened.
 *
 * Per-CPU lists: orders 0..PAGE_ALLOC_COSTLY_ORDER are served from the
 * current CPU's per_cpu_pages, refilled from and drained to the buddy lists
 * "batch" pages at a time under zone->lock, and drained when above "high".
 *
 * Locking, in this order: pcp->lock (interrupts off, this CPU's lists, or
 * another CPU's in drain_all_pages()), then zone->lock (interrupts off),
 * which protects free_area[], the pageblock migratetypes, and
 * nr_reserved_highatomic.
 */
#include <linux/gfp.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <linux/pageblock-flags.h>
#include <linux/vmstat.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/panic.h>
#include <linux/errno.h>
#include <linux/kstrtox.h>
#include <linux/bitops.h>
#include <asm/stacktrace.h>
#include "internal.h"

atomic_long_t _totalram_pages;

const char *const migratetype_names[MIGRATE_TYPES] = {
	"Unmovable", "Movable", "Reclaimable", "HighAtomic", "Isolate",
};

/* ---- boot parameters: init_on_alloc=, init_on_free= ---------------------- */

bool init_on_alloc;
bool init_on_free;

static int early_init_on_alloc(char *val)
{
	return kstrtobool(val, &init_on_alloc);
}
early_param("init_on_alloc", early_init_on_alloc);

static int early_init_on_free(char *val)
{
	return kstrtobool(val, &init_on_free);
}
early_param("init_on_free", early_init_on_free);

/* ---- pageblock migratetypes ---------------------------------------------- */

static unsigned long pfn_to_bitidx(const struct zone *zone, unsigned long pfn)
{
	return ((pfn - pageblock_start_pfn(zone->zone_start_pfn)) >> pageblock_order) *
	       NR_PAGEBLOCK_BITS;
}

static inline int __get_pfnblock_migratetype(const struct zone *zone, unsigned long pfn)
{
	unsigned long bitidx = pfn_to_bitidx(zone, pfn);
	unsigned long word = READ_ONCE(zone->pageblock_flags[bitidx / BITS_PER_LONG]);

	return (word >> (bitidx % BITS_PER_LONG)) & MIGRATETYPE_MASK;
}

int get_pfnblock_migratetype(const struct page *page, unsigned long pfn)
{
	return __get_pfnblock_migratetype(page_zone(page), pfn);
}

/* Context: zone->lock held, or the zone not yet in use. */
void set_pageblock_migratetype(struct page *page, int migratetype)
{
	struct zone *zone = page_zone(page);
	unsigned long bitidx = pfn_to_bitidx(zone, page_to_pfn(page));
	unsigned long *word = &zone->pageblock_flags[bitidx / BITS_PER_LONG];
	unsigned long shift = bitidx % BITS_PER_LONG;

	WRITE_ONCE(*word, (*word & ~(MIGRATETYPE_MASK << shift)) |
			  ((unsigned long)migratetype << shift));
}

/* ---- free lists ---------------------------------------------------------- */

static inline void set_buddy_order(struct page *page, unsigned int order)
{
	page->private = order;
	__SetPageBuddy(page);
}

/* Is @buddy the head of a free block of @order (so it can merge)? */
static inline bool page_is_buddy(const struct page *buddy, unsigned int order)
{
	return PageBuddy(buddy) && buddy_order(buddy) == order;
}

static inline void add_to_free_list(struct page *page, struct zone *zone,
				    unsigned int order, int migratetype, bool tail)
{
	struct free_area *area = &zone->free_area[order];

	if (tail)
		list_add_tail(&page->lru, &area->free_list[migratetype]);
	else
		list_add(&page->lru, &area->free_list[migratetype]);
	area->nr_free++;
}

static inline void move_to_free_list(struct page *page, struct zone *zone,
				     unsigned int order, int migratetype)
{
	list_move_tail(&page->lru, &zone->free_area[order].free_list[migratetype]);
}

static inline void del_page_from_free_list(struct page *page, struct zone *zone,
					   unsigned int order)
{
	list_del(&page->lru);
	__ClearPageBuddy(page);
	page->private = 0;
	zone->free_area[order].nr_free--;
}

/*
 * Free the block of 2^order pages at @page (pfn @pfn) into @zone's lists,
 * merging it with its buddies. Context: zone->lock held.
 */
static void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
			    unsigned int order, int migratetype, bool tail)
{
	unsigned long buddy_pfn, combined_pfn;
	struct page *buddy;

	VM_BUG_ON(pfn & ((1UL << order) - 1));
	mod_zone_page_state(zone, NR_FREE_PAGES, 1L << order);
	while (order < MAX_ORDER - 1) {
		buddy_pfn = pfn ^ (1UL << order);
		buddy = page + (buddy_pfn - pfn);
		if (!page_is_buddy(buddy, order))
			break;
		/* Blocks of isolated pageblocks stay apart from the others. */
		if (unlikely(order >= pageblock_order - 1) &&
		    (get_pfnblock_migratetype(buddy, buddy_pfn) == MIGRATE_ISOLATE) !=
		    (migratetype == MIGRATE_ISOLATE))
			break;
		del_page_from_free_list(buddy, zone, order);
		combined_pfn = buddy_pfn & pfn;
		page += combined_pfn - pfn;
		pfn = combined_pfn;
		order++;
	}
	set_buddy_order(page, order);
	add_to_free_list(page, zone, order, migratetype, tail);
}

/*
 * Give back the upper halves of a block of order @high split down to @low,
 * each to the @migratetype list of its order. Context: zone->lock held.
 */
static inline void expand(struct zone *zone, struct page *page, unsigned int low,
			  unsigned int high, int migratetype)
{
	unsigned long size = 1UL << high;

	while (high > low) {
		high--;
		size >>= 1;
		set_buddy_order(&page[size], high);
		add_to_free_list(&page[size], zone, high, migratetype, false);
	}
}

/* The smallest free block of @migratetype that fits @order. Context: zone->lock. */
static struct page *__rmqueue_smallest(struct zone *zone, unsigned int order,
				       int migratetype)
{
	unsigned int current_order;
	struct page *page;

	for (current_order = order; current_order < MAX_ORDER; current_order++) {
		struct free_area *area = &zone->free_area[current_order];

		page = list_first_entry_or_null(&area->free_list[migratetype],
						struct page, lru);
		if (!page)
			continue;
		del_page_from_free_list(page, zone, current_order);
		expand(zone, page, order, current_order, migratetype);
		return page;
	}
	return NULL;
}

/* ---- anti-fragmentation fallback ----------------------------------------- */

static const int fallbacks[MIGRATE_PCPTYPES][MIGRATE_PCPTYPES - 1] = {
	[MIGRATE_UNMOVABLE]	= { MIGRATE_RECLAIMABLE, MIGRATE_MOVABLE },
	[MIGRATE_MOVABLE]	= { MIGRATE_RECLAIMABLE, MIGRATE_UNMOVABLE },
	[MIGRATE_RECLAIMABLE]	= { MIGRATE_UNMOVABLE, MIGRATE_MOVABLE },
};

/*
 * May a request of @start_mt that found a block of @order of another type
 * take its whole pageblock? Large blocks always; unmovable and reclaimable
 * requests always, since they pollute the block anyway.
 */
static bool can_steal_fallback(unsigned int order, int start_mt)
{
	return order >= pageblock_order / 2 || start_mt == MIGRATE_RECLAIMABLE ||
	       start_mt == MIGRATE_UNMOVABLE;
}

/* The first fallback type with a free block of @order, or -1. */
static int find_suitable_fallback(const struct free_area *area, unsigned int order,
				  int migratetype, bool *can_steal)
{
	int i;

	if (!area->nr_free)
		return -1;
	for (i = 0; i < MIGRATE_PCPTYPES - 1; i++) {
		int fallback_mt = fallbacks[migratetype][i];

		if (!free_area_empty(area, fallback_mt)) {
			*can_steal = can_steal_fallback(order, migratetype);
			return fallback_mt;
		}
	}
	return -1;
}

/*
 * Move the free blocks of the pageblock holding @page to @migratetype's
 * lists. Returns the number of free pages moved. Context: zone->lock.
 */
static unsigned long move_freepages_block(struct zone *zone, struct page *page,
					  int migratetype)
{
	unsigned long pfn = pageblock_start_pfn(page_to_pfn(page));
	unsigned long end = pfn + pageblock_nr_pages, moved = 0;

	if (pfn < zone->zone_start_pfn || end > zone_end_pfn(zone))
		return 0;
	while (pfn < end) {
		struct page *p = pfn_to_page(pfn);
		unsigned int order;

		if (!PageBuddy(p)) {
			pfn++;
			continue;
		}
		order = buddy_order(p);
		move_to_free_list(p, zone, order, migratetype);
		pfn += 1UL << order;
		moved += 1UL << order;
	}
	return moved;
}

static void change_pageblock_range(struct page *page, unsigned int order,
				   int migratetype)
{
	unsigned long nr = 1UL << (order - pageblock_order);

	while (nr--) {
		set_pageblock_migratetype(page, migratetype);
		page += pageblock_nr_pages;
	}
}

/*
 * Take the free block @page of @order for @start_type: the whole pageblock
 * when @whole_block allows, else just the block. Context: zone->lock.
 */
static void steal_suitable_fallback(struct zone *zone, struct page *page,
				    unsigned int order, int start_type, bool whole_block)
{
	unsigned long free_pages;

	if (order >= pageblock_order) {
		change_pageblock_range(page, order, start_type);
		move_to_free_list(page, zone, order, start_type);
		return;
	}
	if (!whole_block)
		goto single_page;
	free_pages = move_freepages_block(zone, page, start_type);
	/* A pageblock that straddles the zone's edge is not moved: take the block. */
	if (!free_pages)
		goto single_page;
	/*
	 * The allocated rest of the block is of the old type and cannot be
	 * counted as alike (no page is known movable yet): claim the block when
	 * at least half of it is free.
	 */
	if (free_pages >= pageblock_nr_pages / 2)
		set_pageblock_migratetype(page, start_type);
	return;
single_page:
	move_to_free_list(page, zone, order, start_type);
}

/* Move a fallback block to @start_mt's lists; false when there is none. */
static bool __rmqueue_fallback(struct zone *zone, unsigned int order, int start_mt)
{
	struct free_area *area;
	int current_order, fallback_mt = -1;
	bool can_steal = false;
	struct page *page;

	/* The largest block first: stealing it keeps the fragmentation in one place. */
	for (current_order = MAX_ORDER - 1; current_order >= (int)order; current_order--) {
		area = &zone->free_area[current_order];
		fallback_mt = find_suitable_fallback(area, current_order, start_mt, &can_steal);
		if (fallback_mt == -1)
			continue;
		if (!can_steal && start_mt == MIGRATE_MOVABLE && current_order > (int)order)
			goto find_smallest;
		goto do_steal;
	}
	return false;

find_smallest:
	for (current_order = order; current_order < MAX_ORDER; current_order++) {
		area = &zone->free_area[current_order];
		fallback_mt = find_suitable_fallback(area, current_order, start_mt, &can_steal);
		if (fallback_mt != -1)
			break;
	}
	VM_BUG_ON(current_order == MAX_ORDER);

do_steal:
	page = list_first_entry(&area->free_list[fallback_mt], struct page, lru);
	steal_suitable_fallback(zone, page, current_order, start_mt, can_steal);
	return true;
}

/* A block of @order for @migratetype, falling back if needed. Context: zone->lock. */
static struct page *__rmqueue(struct zone *zone, unsigned int order, int migratetype)
{
	struct page *page;

	for (;;) {
		page = __rmqueue_smallest(zone, order, migratetype);
		if (likely(page) || !__rmqueue_fallback(zone, order, migratetype))
			return page;
	}
}

/* ---- high-atomic reserves ------------------------------------------------ */

/*
 * A high-order atomic allocation succeeded under pressure: set its pageblock
 * aside (up to 1% of the zone) so the next one finds a block too.
 */
static void reserve_highatomic_pageblock(struct page *page, struct zone *zone)
{
	unsigned long max_managed, flags;
	int mt;

	max_managed = zone_managed_pages(zone) / 100 + pageblock_nr_pages;
	if (zone->nr_reserved_highatomic >= max_managed)
		return;
	spin_lock_irqsave(&zone->lock, flags);
	if (zone->nr_reserved_highatomic >= max_managed)
		goto out;
	mt = get_pageblock_migratetype(page);
	if (mt != MIGRATE_HIGHATOMIC && mt != MIGRATE_ISOLATE) {
		zone->nr_reserved_highatomic += pageblock_nr_pages;
		set_pageblock_migratetype(page, MIGRATE_HIGHATOMIC);
		move_freepages_block(zone, page, MIGRATE_HIGHATOMIC);
	}
out:
	spin_unlock_irqrestore(&zone->lock, flags);
}

/* Before failing, give the high-atomic pageblocks back. Returns true if any. */
static bool unreserve_highatomic_pageblock(void)
{
	bool ret = false;
	struct zone *zone;

	for_each_zone(zone) {
		unsigned long flags;
		unsigned int order;

		if (!zone->nr_reserved_highatomic)
			continue;
		spin_lock_irqsave(&zone->lock, flags);
		for (order = 0; order < MAX_ORDER; order++) {
			struct free_area *area = &zone->free_area[order];
			struct page *page;

			page = list_first_entry_or_null(&area->free_list[MIGRATE_HIGHATOMIC],
							struct page, lru);
			if (!page)
				continue;
			zone->nr_reserved_highatomic -= min(pageblock_nr_pages,
							    zone->nr_reserved_highatomic);
			set_pageblock_migratetype(page, MIGRATE_MOVABLE);
			move_freepages_block(zone, page, MIGRATE_MOVABLE);
			/* A block larger than a pageblock is not moved by the above. */
			if (PageBuddy(page) && buddy_order(page) >= pageblock_order)
				move_to_free_list(page, zone, buddy_order(page), MIGRATE_MOVABLE);
			ret = true;
		}
		spin_unlock_irqrestore(&zone->lock, flags);
	}
	return ret;
}

/* ---- checks on allocation and free --------------------------------------- */

#define PAGE_FLAGS_CHECK_AT_FREE						\
	((1UL << PG_lru) | (1UL << PG_locked) | (1UL << PG_private) |		\
	 (1UL << PG_writeback) | (1UL << PG_reserved) | (1UL << PG_slab) |	\
	 (1UL << PG_active) | (1UL << PG_unevictable))
#define PAGE_FLAGS_CHECK_AT_PREP	((1UL << __NR_PAGEFLAGS) - 1)

/* Whole-block checks of every page (not just the head): debugging options. */
bool check_pages_enabled;
static unsigned long nr_bad_pages;

/*
 * A page in a state it must not be in when freed or allocated: report it
 * and keep it out of circulation (it is never put on a free list).
 */
static void bad_page(struct page *page, const char *reason)
{
	nr_bad_pages++;
	pr_alert("BUG: Bad page state in process %s  pfn:%05lx\n", current->comm,
		 page_to_pfn(page));
	dump_page(page, reason);
	dump_stack();
	add_taint(TAINT_BAD_PAGE);
	/* Leave the page recognisably not free (a free one stays as it is). */
	if (!PageBuddy(page))
		atomic_set(&page->_mapcount, -1);
}

static const char *page_bad_reason(const struct page *page, unsigned long flags)
{
	if (unlikely(atomic_read(&page->_mapcount) != -1))
		return PageBuddy(page) ? "page is already free (PageBuddy)" :
					 "nonzero mapcount";
	if (unlikely(page->mapping))
		return "non-NULL mapping";
	if (unlikely(page_ref_count(page) != 0))
		return "nonzero _refcount";
	if (unlikely(page->flags & flags))
		return "PAGE_FLAGS_CHECK_AT_FREE flag(s) set";
	if (unlikely(page->memcg_data))
		return "page still charged to cgroup";
	return NULL;
}

static inline bool free_page_is_bad(struct page *page)
{
	const char *reason;

	/* The common case in one test: every field as a free page needs it. */
	if (likely(!((unsigned long)page->mapping | page->memcg_data |
		     (page->flags & PAGE_FLAGS_CHECK_AT_FREE) |
		     (unsigned int)page_ref_count(page) |
		     (unsigned int)(atomic_read(&page->_mapcount) + 1))))
		return false;
	reason = page_bad_reason(page, PAGE_FLAGS_CHECK_AT_FREE);
	if (!reason)
		return false;
	bad_page(page, reason);
	return true;
}

/*
 * The first tail page's folio fields (mm_types.h) of a folio being freed:
 * unmapped and unpinned, or the folio is bad.
 */
static const char *folio_tail_bad_reason(const struct folio *folio)
{
	if (unlikely(atomic_read(&folio->_entire_mapcount) != -1))
		return "nonzero entire_mapcount";
	if (unlikely(atomic_read(&folio->_nr_pages_mapped)))
		return "nonzero nr_pages_mapped";
	if (unlikely(atomic_read(&folio->_pincount)))
		return "nonzero pincount";
	return NULL;
}

/* A tail page of a compound page being freed: check it and make it plain. */
static bool free_tail_page_prepare(struct page *head, struct page *page)
{
	const char *reason = NULL;

	if (unlikely(compound_head(page) != head))
		reason = "compound_head not consistent";
	else if (page - head == 1)
		reason = folio_tail_bad_reason((struct folio *)head);
	if (reason)
		bad_page(page, reason);
	page->compound_head = 0;
	if (page - head == 1)
		atomic_set(&((struct folio *)head)->_entire_mapcount, 0);
	page->mapping = NULL;
	return reason;
}

/*
 * Any of the options that act on every allocation and free (init_on_alloc,
 * init_on_free, page_poison, debug_pagealloc, page_owner): one test on the
 * fast paths. Set by page_alloc_init(), before the first page is freed.
 */
static bool page_alloc_hooks;

static noinline void free_pages_hooks(struct page *page, unsigned int order)
{
	unsigned long i, nr = 1UL << order;

	reset_page_owner(page, order);
	if (init_on_free)
		for (i = 0; i < nr; i++)
			clear_page(page_address(page + i));
	kernel_poison_pages(page, nr);
	/* Last: the clearing and poisoning above write through the direct map. */
	debug_pagealloc_unmap_pages(page, nr);
}

/* The other pages of a block: tails of a compound page, or all when debugging. */
static noinline int free_pages_prepare_tails(struct page *page, unsigned int order)
{
	unsigned long i, nr = 1UL << order;
	int bad = 0;

	if (PageHead(page)) {
		__ClearPageHead(page);
		for (i = 1; i < nr; i++)
			bad += free_tail_page_prepare(page, page + i);
	} else {
		for (i = 1; i < nr; i++)
			bad += free_page_is_bad(page + i);
	}
	return bad;
}

/*
 * Everything a block needs before it goes on a free list: the checks, the
 * debugging hooks, clearing. Returns false for a bad block, which is then
 * leaked rather than reused. Inline: the order-0 case is a few tests.
 */
static __always_inline bool free_pages_prepare(struct page *page, unsigned int order)
{
	int bad = 0;

	VM_BUG_ON_PAGE(PageTail(page), page);
	if (unlikely(PageHead(page)) || (order && unlikely(check_pages_enabled)))
		bad = free_pages_prepare_tails(page, order);
	if (free_page_is_bad(page) || bad)
		return false;
	page->flags &= ~PAGE_FLAGS_CHECK_AT_PREP;
	page->private = 0;
	if (unlikely(page_alloc_hooks))
		free_pages_hooks(page, order);
	return true;
}

/* Checks of a page leaving the free lists, when debugging asks for them. */
static bool check_new_pages(struct page *page, unsigned int order)
{
	unsigned long i;

	for (i = 0; i < (1UL << order); i++) {
		struct page *p = page + i;
		const char *reason = page_bad_reason(p, PAGE_FLAGS_CHECK_AT_PREP);

		if (unlikely(reason)) {
			bad_page(p, reason);
			return true;
		}
	}
	return false;
}

static void prep_compound_page(struct page *page, unsigned int order)
{
	struct folio *folio = (struct folio *)page;
	unsigned long i, nr = 1UL << order;

	__SetPageHead(page);
	for (i = 1; i < nr; i++) {
		page[i].mapping = NULL;
		WRITE_ONCE(page[i].compound_head, (unsigned long)page + 1);
	}
	folio->_folio_order = (unsigned char)order;
	atomic_set(&folio->_entire_mapcount, -1);
	atomic_set(&folio->_nr_pages_mapped, 0);
	atomic_set(&folio->_pincount, 0);
}

static void prep_new_page_hooks(struct page *page, unsigned int order, gfp_t gfp)
{
	unsigned long i, nr = 1UL << order;

	/* First: the unpoisoning and zeroing below go through the direct map. */
	debug_pagealloc_map_pages(page, nr);
	kernel_unpoison_pages(page, nr);
	if (init_on_alloc || (gfp & __GFP_ZERO))
		for (i = 0; i < nr; i++)
			clear_page(page_address(page + i));
	if (order && (gfp & __GFP_COMP))
		prep_compound_page(page, order);
	set_page_owner(page, order, gfp);
}

static inline void prep_new_page(struct page *page, unsigned int order, gfp_t gfp)
{
	set_page_count(page, 1);
	if (unlikely(page_alloc_hooks || (gfp & (__GFP_ZERO | __GFP_COMP))))
		prep_new_page_hooks(page, order, gfp);
}

/* ---- per-CPU lists ------------------------------------------------------- */

/*
 * The per-CPU and buddy paths below take pcp->lock and zone->lock with
 * interrupts already off: spin_lock_irqs_off() skips the preemption count
 * that the instruction budget of the fast path notices; lockdep still
 * sees them.
 */

static inline unsigned int order_to_pindex(int migratetype, unsigned int order)
{
	return order * MIGRATE_PCPTYPES + migratetype;
}

static inline bool pcp_allowed_order(unsigned int order)
{
	return order <= PAGE_ALLOC_COSTLY_ORDER;
}

static inline struct per_cpu_pages *this_cpu_pcp(struct zone *zone)
{
	return &zone->per_cpu_pageset[smp_processor_id()];
}

/*
 * Up to @count blocks of @order onto @list, for a per-CPU list. Whole chunks
 * of the largest order the remaining count allows come off @migratetype's
 * lists and are cut into @order pieces: one search a chunk instead of one a
 * block. When no such chunk is free, blocks come one by one through
 * __rmqueue() and its fallbacks. Returns how many blocks are on @list.
 */
static int rmqueue_bulk(struct zone *zone, unsigned int order, int count,
			struct list_head *list, int migratetype)
{
	unsigned long removed = 0;
	int added = 0;

	spin_lock_irqs_off(&zone->lock);
	while (added < count) {
		unsigned int chunk = min(order + ilog2(count - added), MAX_ORDER - 1UL);
		struct page *page = NULL;
		unsigned long piece, pieces;

		if (chunk > order)
			page = __rmqueue_smallest(zone, chunk, migratetype);
		if (!page) {
			chunk = order;
			page = __rmqueue(zone, order, migratetype);
			if (unlikely(!page))
				break;
		}
		removed += 1UL << chunk;
		if (unlikely(check_pages_enabled) && check_new_pages(page, chunk))
			continue;	/* reported and left out of circulation */
		pieces = 1UL << (chunk - order);
		for (piece = 0; piece < pieces; piece++) {
			struct page *p = page + (piece << order);

			/* Remember the list: the pageblock's type may change meanwhile. */
			p->index = (unsigned long)migratetype;
			list_add_tail(&p->lru, list);
		}
		added += (int)pieces;
	}
	mod_zone_page_state(zone, NR_FREE_PAGES, -(long)removed);
	spin_unlock_irqs_off(&zone->lock);
	return added;
}

/*
 * Return @count pages' worth of blocks from @pcp to the buddy lists, taking
 * from each list in turn. Context: pcp->lock held, interrupts off.
 */
static void free_pcppages_bulk(struct zone *zone, int count, struct per_cpu_pages *pcp)
{
	unsigned int pindex = 0;

	count = min(pcp->count, count);
	spin_lock_irqs_off(&zone->lock);
	while (count > 0) {
		struct list_head *list;
		unsigned int order;
		struct page *page;

		do {
			pindex = (pindex + 1) % NR_PCP_LISTS;
			list = &pcp->lists[pindex];
		} while (list_empty(list));
		order = pindex / MIGRATE_PCPTYPES;
		/* The coldest page: the tail. */
		page = list_last_entry(list, struct page, lru);
		list_del(&page->lru);
		pcp->count -= 1 << order;
		count -= 1 << order;
		__free_one_page(page, page_to_pfn(page), zone, order,
				(int)page->index, true);
	}
	spin_unlock_irqs_off(&zone->lock);
}

static struct page *rmqueue_pcplist(struct zone *zone, unsigned int order,
				    int migratetype)
{
	struct per_cpu_pages *pcp;
	struct list_head *list;
	struct page *page;
	unsigned long flags;

	local_irq_save(flags);
	pcp = this_cpu_pcp(zone);
	spin_lock_irqs_off(&pcp->lock);
	list = &pcp->lists[order_to_pindex(migratetype, order)];
	if (list_empty(list)) {
		int batch = max(pcp->batch >> order, 2);

		pcp->count += rmqueue_bulk(zone, order, batch, list, migratetype) << order;
		if (unlikely(list_empty(list))) {
			page = NULL;
			goto out;
		}
	}
	page = list_first_entry(list, struct page, lru);
	/* Unlinked without poisoning: prep_new_page() owns the page now. */
	__list_del(page->lru.prev, page->lru.next);
	pcp->count -= 1 << order;
out:
	spin_unlock_irqs_off(&pcp->lock);
	local_irq_restore(flags);
	return page;
}

/*
 * Put a prepared block on @pcp's list for @migratetype, and give a batch
 * back to the buddy lists once the list is past high. Context: pcp->lock
 * held, interrupts off.
 */
static inline void free_unref_page_commit(struct zone *zone, struct per_cpu_pages *pcp,
					  struct page *page, int migratetype, unsigned int order)
{
	page->index = (unsigned long)migratetype;
	list_add(&page->lru, &pcp->lists[order_to_pindex(migratetype, order)]);
	pcp->count += 1 << order;
	if (unlikely(pcp->count >= pcp->high))
		free_pcppages_bulk(zone, pcp->batch, pcp);
}

/* Free a block of a pcp order to this CPU's lists (or the buddy for ISOLATE). */
static void free_unref_page(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page), flags;
	struct zone *zone = page_zone(page);
	int migratetype = __get_pfnblock_migratetype(zone, pfn);
	struct per_cpu_pages *pcp;

	if (unlikely(migratetype >= MIGRATE_PCPTYPES)) {
		if (migratetype == MIGRATE_ISOLATE) {
			spin_lock_irqsave(&zone->lock, flags);
			__free_one_page(page, pfn, zone, order, migratetype, false);
			spin_unlock_irqrestore(&zone->lock, flags);
			return;
		}
		migratetype = MIGRATE_MOVABLE;
	}
	local_irq_save(flags);
	pcp = this_cpu_pcp(zone);
	spin_lock_irqs_off(&pcp->lock);
	free_unref_page_commit(zone, pcp, page, migratetype, order);
	spin_unlock_irqs_off(&pcp->lock);
	local_irq_restore(flags);
}

static void drain_zone_pages(struct zone *zone, unsigned int cpu)
{
	struct per_cpu_pages *pcp = &zone->per_cpu_pageset[cpu];
	unsigned long flags;

	local_irq_save(flags);
	spin_lock_irqs_off(&pcp->lock);
	if (pcp->count)
		free_pcppages_bulk(zone, pcp->count, pcp);
	spin_unlock_irqs_off(&pcp->lock);
	local_irq_restore(flags);
}

static void drain_pages(struct zone *zone, unsigned int cpu)
{
	if (zone) {
		drain_zone_pages(zone, cpu);
		return;
	}
	for_each_zone(zone)
		if (zone->per_cpu_pageset)
			drain_zone_pages(zone, cpu);
}

void drain_local_pages(struct zone *zone)
{
	drain_pages(zone, smp_processor_id());
}

static void drain_local_pages_ipi(void *zone)
{
	drain_local_pages(zone);
}

/*
 * Each online CPU drains its own lists, by IPI, when the caller can wait
 * for them; otherwise (interrupts off, the allocation slow path of an
 * atomic request) this CPU drains the others under their pcp->lock, which
 * the lock makes safe. CPUs that never came online have nothing to drain.
 */
void drain_all_pages(struct zone *zone)
{
	unsigned int cpu;

	if (num_online_cpus() > 1 && !irqs_disabled() && !in_interrupt()) {
		on_each_cpu(drain_local_pages_ipi, zone, true);
		return;
	}
	for_each_online_cpu(cpu)
		drain_pages(zone, cpu);
}

/* ---- freeing ------------------------------------------------------------- */

static void free_one_page(struct zone *zone, struct page *page, unsigned long pfn,
			  unsigned int order, bool tail)
{
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	__free_one_page(page, pfn, zone, order, get_pfnblock_migratetype(page, pfn), tail);
	spin_unlock_irqrestore(&zone->lock, flags);
}

static void free_the_page(struct page *page, unsigned int order)
{
	count_vm_events(PGFREE, 1UL << order);
	if (!free_pages_prepare(page, order))
		return;
	if (likely(pcp_allowed_order(order)))
		free_unref_page(page, order);
	else
		free_one_page(page_zone(page), page, page_to_pfn(page), order, false);
}

/*
 * A put that finds _refcount already 0 is a double free (or a free of a
 * page that was never allocated): report it and leave the page alone.
 */
static bool put_page_testzero(struct page *page)
{
	int ref = page_ref_dec_return(page);

	if (likely(ref == 0))
		return true;
	if (unlikely(ref < 0)) {
		page_ref_inc(page);
		bad_page(page, "double free: _refcount was already 0");
	}
	return false;
}

void __free_pages(struct page *page, unsigned int order)
{
	if (put_page_testzero(page)) {
		free_the_page(page, order);
	} else if (!PageHead(page) && page_ref_count(page) > 0) {
		/* Someone holds the first page: free the rest, in halves. */
		while (order-- > 0)
			free_the_page(page + (1UL << order), order);
	}
}

/*
 * Drop a reference on each of @pages[0..nr) (on its folio, for a page of a
 * compound one), as put_page() would, freeing those that reach zero.
 * Order-0 pages go onto this CPU's lists under one lock hold for each run
 * of pages of one zone, instead of one hold a page (Linux's
 * release_pages() and free_unref_page_list()).
 */
void release_pages(struct page **pages, int nr)
{
	struct per_cpu_pages *pcp = NULL;
	struct zone *locked = NULL;
	unsigned long flags = 0, freed = 0;
	int i;

	for (i = 0; i < nr; i++) {
		struct page *page = &page_folio(pages[i])->page;
		unsigned long pfn;
		struct zone *zone;
		bool special;
		int mt;

		if (!put_page_testzero(page))
			continue;
		pfn = page_to_pfn(page);
		zone = page_zone(page);
		mt = __get_pfnblock_migratetype(zone, pfn);
		/* Compound, isolated or high-atomic: the ordinary path, unlocked. */
		special = PageHead(page) || mt >= MIGRATE_PCPTYPES;
		if (locked && (special || zone != locked)) {
			spin_unlock_irqs_off(&pcp->lock);
			local_irq_restore(flags);
			locked = NULL;
		}
		if (unlikely(special)) {
			free_the_page(page, compound_order(page));
			continue;
		}
		freed++;
		if (!free_pages_prepare(page, 0))
			continue;
		if (!locked) {
			local_irq_save(flags);
			pcp = this_cpu_pcp(zone);
			spin_lock_irqs_off(&pcp->lock);
			locked = zone;
		}
		free_unref_page_commit(zone, pcp, page, mt, 0);
	}
	if (locked) {
		spin_unlock_irqs_off(&pcp->lock);
		local_irq_restore(flags);
	}
	count_vm_events(PGFREE, freed);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page((void *)addr), order);
}

void __put_page(struct page *page)
{
	free_the_page(page, compound_order(page));
}

/* ---- allocating ---------------------------------------------------------- */

struct alloc_context {
	struct zonelist *zonelist;
	enum zone_type highest_zoneidx;
	int migratetype;
};

/*
 * Would @zone still have more than @mark free pages (plus the reserve it
 * keeps from @highest_zoneidx requests) after giving 2^order, and a block
 * of at least @order?
 */
bool __zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
			 int highest_zoneidx, unsigned int alloc_flags, long free_pages)
{
	long min = (long)mark;
	unsigned int o;

	free_pages -= (1L << order) - 1;
	if (alloc_flags & ALLOC_HIGH)
		min -= min / 2;
	if (alloc_flags & ALLOC_HARDER)
		min -= min / 4;
	else
		free_pages -= (long)z->nr_reserved_highatomic;
	if (free_pages <= min + z->lowmem_reserve[highest_zoneidx])
		return false;
	if (!order)
		return true;
	for (o = order; o < MAX_ORDER; o++) {
		const struct free_area *area = &z->free_area[o];
		int mt;

		if (!area->nr_free)
			continue;
		for (mt = 0; mt < MIGRATE_PCPTYPES; mt++)
			if (!free_area_empty(area, mt))
				return true;
		if ((alloc_flags & ALLOC_HARDER) &&
		    !free_area_empty(area, MIGRATE_HIGHATOMIC))
			return true;
	}
	return false;
}

bool zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
		       int highest_zoneidx, unsigned int alloc_flags)
{
	return __zone_watermark_ok(z, order, mark, highest_zoneidx, alloc_flags,
				   (long)zone_page_state(z, NR_FREE_PAGES));
}

static inline bool zone_watermark_fast(struct zone *z, unsigned int order,
				       unsigned long mark, int highest_zoneidx,
				       unsigned int alloc_flags)
{
	long free_pages = (long)zone_page_state(z, NR_FREE_PAGES);

	/* Order 0 with no reserves to account for: one comparison. */
	if (!order && free_pages > (long)(mark + z->nr_reserved_highatomic) +
				   z->lowmem_reserve[highest_zoneidx])
		return true;
	return __zone_watermark_ok(z, order, mark, highest_zoneidx, alloc_flags,
				   free_pages);
}

static struct page *rmqueue_buddy(struct zone *zone, unsigned int order,
				  unsigned int alloc_flags, int migratetype)
{
	struct page *page = NULL;
	unsigned long flags;

	do {
		spin_lock_irqsave(&zone->lock, flags);
		if (order && (alloc_flags & ALLOC_HARDER))
			page = __rmqueue_smallest(zone, order, MIGRATE_HIGHATOMIC);
		if (!page)
			page = __rmqueue(zone, order, migratetype);
		if (page)
			mod_zone_page_state(zone, NR_FREE_PAGES, -(1L << order));
		spin_unlock_irqrestore(&zone->lock, flags);
	} while (page && unlikely(check_pages_enabled) && check_new_pages(page, order));
	return page;
}

static inline struct page *rmqueue(struct zone *zone, unsigned int order,
				   unsigned int alloc_flags, int migratetype)
{
	if (likely(pcp_allowed_order(order))) {
		struct page *page = rmqueue_pcplist(zone, order, migratetype);

		if (likely(page))
			return page;
	}
	return rmqueue_buddy(zone, order, alloc_flags, migratetype);
}

static struct page *get_page_from_freelist(gfp_t gfp, unsigned int order,
					   unsigned int alloc_flags,
					   const struct alloc_context *ac)
{
	const struct zoneref *z;

	for (z = ac->zonelist->_zonerefs; z->zone; z++) {
		struct zone *zone = z->zone;
		struct page *page;

		if (z->zone_idx > (int)ac->highest_zoneidx)
			continue;
		if (!(alloc_flags & ALLOC_NO_WATERMARKS) &&
		    !zone_watermark_fast(zone, order,
					 wmark_pages(zone, alloc_flags & ALLOC_WMARK_MASK),
					 ac->highest_zoneidx, alloc_flags))
			continue;
		page = rmqueue(zone, order, alloc_flags, ac->migratetype);
		if (!page)
			continue;
		__count_zid_vm_events(PGALLOC_DMA, z->zone_idx, 1UL << order);
		prep_new_page(page, order, gfp);
		if (unlikely(order && (alloc_flags & ALLOC_HARDER)))
			reserve_highatomic_pageblock(page, zone);
		return page;
	}
	return NULL;
}

static unsigned int gfp_to_alloc_flags(gfp_t gfp)
{
	unsigned int alloc_flags = ALLOC_WMARK_MIN;

	if (gfp & __GFP_HIGH)
		alloc_flags |= ALLOC_HIGH;
	if ((gfp & __GFP_ATOMIC) && !(gfp & __GFP_NOMEMALLOC))
		alloc_flags |= ALLOC_HARDER;
	if ((gfp & __GFP_MEMALLOC) && !(gfp & __GFP_NOMEMALLOC))
		alloc_flags |= ALLOC_NO_WATERMARKS;
	return alloc_flags;
}

/*
 * No reclaim yet: what the slow path can do is use the reserves GFP allows,
 * drain the per-CPU lists and give back high-atomic pageblocks.
 */
static struct page *__alloc_pages_slowpath(gfp_t gfp, unsigned int order,
					   const struct alloc_context *ac)
{
	unsigned int alloc_flags = gfp_to_alloc_flags(gfp);
	bool drained = false, warned = false;
	struct page *page;

	if (WARN_ON_ONCE((gfp & __GFP_NOFAIL) && order > PAGE_ALLOC_COSTLY_ORDER))
		pr_warn("page allocation: __GFP_NOFAIL with costly order %u\n", order);
retry:
	page = get_page_from_freelist(gfp, order, alloc_flags, ac);
	if (page)
		return page;
	if (!drained) {
		drained = true;
		if (gfpflags_allow_blocking(gfp))
			__count_zid_vm_events(ALLOCSTALL_DMA, ac->highest_zoneidx, 1);
		unreserve_highatomic_pageblock();
		drain_all_pages(NULL);
		goto retry;
	}
	if (gfp & __GFP_NOFAIL) {
		if (!warned) {
			warned = true;
			pr_warn("page allocation: __GFP_NOFAIL order:%u mode:%#x found nothing, "
				"retrying with the reserves\n", order, gfp);
			dump_stack();
		}
		if (!(alloc_flags & ALLOC_NO_WATERMARKS)) {
			alloc_flags |= ALLOC_HARDER | ALLOC_HIGH | ALLOC_NO_WATERMARKS;
			goto retry;
		}
		/* Nothing can free memory yet (no reclaim, no OOM killer). */
		show_mem();
		panic("Out of memory: __GFP_NOFAIL allocation of order %u cannot be served",
		      order);
	}
	warn_alloc(gfp, "page allocation failure: order:%u", order);
	return NULL;
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct alloc_context ac;
	struct page *page;

	if (unlikely(order >= MAX_ORDER)) {
		WARN_ON_ONCE(!(gfp & __GFP_NOWARN));
		return NULL;
	}
	might_sleep_if(gfpflags_allow_blocking(gfp));
	if (unlikely(should_fail_alloc_page(gfp, order)))
		return NULL;
	ac.zonelist = NODE_DATA(numa_node_id())->node_zonelists;
	ac.highest_zoneidx = gfp_zone(gfp);
	ac.migratetype = gfp_migratetype(gfp);
	page = get_page_from_freelist(gfp, order, ALLOC_WMARK_LOW, &ac);
	if (unlikely(!page))
		page = __alloc_pages_slowpath(gfp, order, &ac);
	return page;
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

struct folio *folio_alloc(gfp_t gfp, unsigned int order)
{
	return (struct folio *)alloc_pages(gfp | __GFP_COMP, order);
}

void split_page(struct page *page, unsigned int order)
{
	unsigned long i;

	VM_BUG_ON_PAGE(PageCompound(page), page);
	VM_BUG_ON_PAGE(!page_ref_count(page), page);
	for (i = 1; i < (1UL << order); i++)
		set_page_count(page + i, 1);
	split_page_owner(page, order);
}

/* Free the pages of [addr + used, addr + (PAGE_SIZE << order)). */
static void *make_alloc_exact(unsigned long addr, unsigned int order, size_t size)
{
	unsigned long alloc_end = addr + (PAGE_SIZE << order);
	unsigned long used = addr + PAGE_ALIGN(size);

	if (!addr)
		return NULL;
	split_page(virt_to_page((void *)addr), order);
	while (used < alloc_end) {
		free_page(used);
		used += PAGE_SIZE;
	}
	return (void *)addr;
}

void *alloc_pages_exact(size_t size, gfp_t gfp)
{
	unsigned int order = get_order(size);

	if (WARN_ON_ONCE(gfp & (__GFP_COMP | __GFP_HIGHMEM)))
		gfp &= ~(__GFP_COMP | __GFP_HIGHMEM);
	return make_alloc_exact(__get_free_pages(gfp, order), order, size);
}

void free_pages_exact(void *virt, size_t size)
{
	unsigned long addr = (unsigned long)virt, end = addr + PAGE_ALIGN(size);

	while (addr < end) {
		free_page(addr);
		addr += PAGE_SIZE;
	}
}

/*
 * The first zone of the zonelist that can give @nr order-0 pages above its
 * low watermark, or NULL.
 */
static struct zone *bulk_zone(const struct alloc_context *ac, unsigned long nr)
{
	const struct zoneref *z;

	for (z = ac->zonelist->_zonerefs; z->zone; z++)
		if (z->zone_idx <= (int)ac->highest_zoneidx &&
		    zone_watermark_fast(z->zone, 0, low_wmark_pages(z->zone) + nr,
					ac->highest_zoneidx, ALLOC_WMARK_LOW))
			return z->zone;
	return NULL;
}

/*
 * Fill the NULL slots of @page_array from one zone's per-CPU list, under
 * one lock hold, refilling the list in batches as it empties. Return: the
 * index of the first slot left NULL (@nr when all are filled).
 */
static unsigned long bulk_from_pcp(struct zone *zone, gfp_t gfp, int migratetype,
				   unsigned long nr, struct page **page_array)
{
	struct list_head *list;
	struct per_cpu_pages *pcp;
	unsigned long flags, i, got = 0;

	local_irq_save(flags);
	pcp = this_cpu_pcp(zone);
	spin_lock_irqs_off(&pcp->lock);
	list = &pcp->lists[order_to_pindex(migratetype, 0)];
	for (i = 0; i < nr; i++) {
		struct page *page;

		if (page_array[i])
			continue;
		if (list_empty(list)) {
			pcp->count += rmqueue_bulk(zone, 0, max(pcp->batch, 2), list, migratetype);
			if (unlikely(list_empty(list)))
				break;
		}
		page = list_first_entry(list, struct page, lru);
		__list_del(page->lru.prev, page->lru.next);
		pcp->count--;
		page_array[i] = page;
		got++;
	}
	spin_unlock_irqs_off(&pcp->lock);
	local_irq_restore(flags);
	__count_zid_vm_events(PGALLOC_DMA, zone_idx(zone), got);
	return i;
}

/*
 * Fill the NULL slots of @page_array[0..nr) with order-0 pages, as Linux's
 * alloc_pages_bulk_array(): one watermark check and one per-CPU lock hold
 * for all of them, from the first zone with room for all; what that cannot
 * give comes one alloc_pages() at a time (the slow path, its reports),
 * stopping at the first failure. Fault injection decides once for the
 * bulk part (a single page is a plain alloc_pages()).
 */
unsigned long alloc_pages_bulk_array(gfp_t gfp, unsigned long nr,
				     struct page **page_array)
{
	unsigned long i, start = 0, filled = 0;
	struct alloc_context ac;
	struct zone *zone;

	if (nr > 1) {
		might_sleep_if(gfpflags_allow_blocking(gfp));
		if (unlikely(should_fail_alloc_page(gfp, 0)))
			goto count;
		ac.zonelist = NODE_DATA(numa_node_id())->node_zonelists;
		ac.highest_zoneidx = gfp_zone(gfp);
		ac.migratetype = gfp_migratetype(gfp);
		zone = bulk_zone(&ac, nr);
		if (zone)
			start = bulk_from_pcp(zone, gfp, ac.migratetype, nr, page_array);
		for (i = 0; i < start; i++)
			prep_new_page(page_array[i], 0, gfp);
	}
	for (i = start; i < nr; i++) {
		if (!page_array[i])
			page_array[i] = alloc_pages(gfp | __GFP_NOWARN, 0);
		if (!page_array[i])
			break;
	}
count:
	for (i = 0; i < nr; i++)
		filled += page_array[i] != NULL;
	return filled;
}

/* ---- summaries ----------------------------------------------------------- */

unsigned long nr_free_pages(void)
{
	return global_zone_page_state(NR_FREE_PAGES);
}

void si_meminfo(struct sysinfo *val)
{
	memset(val, 0, sizeof(*val));
	val->totalram = totalram_pages();
	val->freeram = nr_free_pages();
	val->sharedram = global_zone_page_state(NR_SHMEM);
	val->mem_unit = PAGE_SIZE;
}

/* ---- boot: free lists, zonelists, per-CPU list sizes ---------------------- */

/* The free lists of @zone, its pageblock bitmap (all MOVABLE) and per-CPU lists. */
void zone_init_free_lists(struct zone *zone)
{
	unsigned long blocks, words, i;
	unsigned int order, cpu;
	int mt;

	spin_lock_init(&zone->lock);
	for (order = 0; order < MAX_ORDER; order++) {
		for (mt = 0; mt < MIGRATE_TYPES; mt++)
			INIT_LIST_HEAD(&zone->free_area[order].free_list[mt]);
		zone->free_area[order].nr_free = 0;
	}
	if (!zone->spanned_pages)
		return;
	blocks = DIV_ROUND_UP(zone_end_pfn(zone) - pageblock_start_pfn(zone->zone_start_pfn),
			      pageblock_nr_pages);
	words = DIV_ROUND_UP(blocks * NR_PAGEBLOCK_BITS, BITS_PER_LONG);
	zone->pageblock_flags = memblock_alloc(words * sizeof(long), SMP_CACHE_BYTES);
	zone->per_cpu_pageset = memblock_alloc(nr_cpu_ids * sizeof(struct per_cpu_pages),
					       SMP_CACHE_BYTES);
	if (!zone->pageblock_flags || !zone->per_cpu_pageset)
		panic("Failed to allocate the page allocator's data for zone %s", zone->name);
	BUILD_BUG_ON(MIGRATE_MOVABLE != 1 || NR_PAGEBLOCK_BITS != 4);
	for (i = 0; i < words; i++)
		zone->pageblock_flags[i] = 0x1111111111111111UL;
	for_each_possible_cpu(cpu) {
		struct per_cpu_pages *pcp = &zone->per_cpu_pageset[cpu];

		spin_lock_init(&pcp->lock);
		for (i = 0; i < NR_PCP_LISTS; i++)
			INIT_LIST_HEAD(&pcp->lists[i]);
		pcp->batch = 1;
		pcp->high = 0;	/* until zone_pcp_update(): every free drains */
	}
}

/* The zonelist of @pgdat: its populated zones, highest first. */
static void build_zonelists(pg_data_t *pgdat)
{
	struct zoneref *zref = pgdat->node_zonelists[0]._zonerefs;
	int z;

	for (z = MAX_NR_ZONES - 1; z >= 0; z--) {
		if (!populated_zone(&pgdat->node_zones[z]))
			continue;
		zref->zone = &pgdat->node_zones[z];
		zref->zone_idx = z;
		zref++;
	}
	zref->zone = NULL;
	zref->zone_idx = 0;
}

static void build_all_zonelists(void)
{
	pg_data_t *pgdat;

	for_each_online_pgdat(pgdat)
		build_zonelists(pgdat);
}

/* Before the first free: the zonelist, and which hooks the options need. */
void page_alloc_init(void)
{
	build_all_zonelists();
	page_alloc_hooks = init_on_alloc || init_on_free || page_poisoning_enabled ||
			   debug_pagealloc_enabled || page_owner_enabled;
}

/*
 * Hand a block from memblock to the buddy allocator at boot: every page
 * loses PG_reserved and its reference, and becomes managed.
 */
void __free_pages_core(struct page *page, unsigned int order)
{
	unsigned long i, nr = 1UL << order;
	struct zone *zone = page_zone(page);

	for (i = 0; i < nr; i++) {
		__ClearPageReserved(page + i);
		set_page_count(page + i, 0);
	}
	atomic_long_add((long)nr, &zone->managed_pages);
	atomic_long_add((long)nr, &_totalram_pages);
	if (free_pages_prepare(page, order))
		free_one_page(zone, page, page_to_pfn(page), order, true);
}

/* Linux's batch size: a quarter of a 1/1024 of the zone, at most 1 MiB, 2^n - 1. */
static int zone_batchsize(const struct zone *zone)
{
	unsigned long batch = min(zone_managed_pages(zone) >> 10, SZ_1M / PAGE_SIZE);

	batch /= 4;
	if (batch < 1)
		batch = 1;
	/* Small zones round to 0; one page a batch, as Linux's pageset update. */
	return max((int)rounddown_pow_of_two(batch + batch / 2) - 1, 1);
}

/*
 * vm.percpu_pagelist_high_fraction: 0, or the fraction of a zone the
 * per-CPU lists of all CPUs together may hold (mm_init.c's handler).
 */
int percpu_pagelist_high_fraction;

/*
 * The low watermark (or the zone / percpu_pagelist_high_fraction) split
 * between the CPUs, at least four batches, as Linux's.
 */
static int zone_highsize(const struct zone *zone, int batch)
{
	int fraction = READ_ONCE(percpu_pagelist_high_fraction);
	unsigned long total = fraction ? zone_managed_pages(zone) / (unsigned long)fraction :
					 low_wmark_pages(zone);
	unsigned long high = total / nr_cpu_ids;

	return (int)max(high, (unsigned long)batch << 2);
}

void zone_pcp_update(struct zone *zone)
{
	int batch = zone_batchsize(zone), high = zone_highsize(zone, batch);
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct per_cpu_pages *pcp = &zone->per_cpu_pageset[cpu];
		unsigned long flags;

		local_irq_save(flags);
		spin_lock_irqs_off(&pcp->lock);
		WRITE_ONCE(pcp->batch, batch);
		WRITE_ONCE(pcp->high, high);
		spin_unlock_irqs_off(&pcp->lock);
		local_irq_restore(flags);
	}
}
