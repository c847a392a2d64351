// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the page allocator (mm/page_alloc.c) on the live zones.
 *
 * Every case starts from drained per-CPU lists and a recorded
 * nr_free_pages(); after it, the lists are drained again, free pages must
 * be back at that baseline (nothing leaked, nothing freed twice) and the
 * buddy invariants must hold (free_area_check()). A case that must leave a
 * page out of circulation says so in pa_leaked.
 *
 * The same suite runs in a boot with fail_page_alloc= injecting failures:
 * there an allocation a case needs may fail, and pa_alloc() then skips the
 * case instead of failing it; the invariants are still checked.
 */
#include <linux/ktest.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/vmstat.h>
#include <linux/pageblock-flags.h>
#include <linux/shell.h>
#include <linux/math.h>
#include <linux/bench.h>
#include <linux/bitops.h>
#include <linux/sprintf.h>
#include <linux/fault-inject.h>
#include <asm/e820.h>
#include "../../mm/internal.h"

static unsigned long pa_baseline;
static long pa_leaked;

static int page_alloc_test_init(struct ktest *test)
{
	drain_all_pages(NULL);
	pa_baseline = nr_free_pages();
	pa_leaked = 0;
	return 0;
}

static void page_alloc_test_exit(struct ktest *test)
{
	drain_all_pages(NULL);
	KTEST_EXPECT_TRUE(test, free_area_check());
	if (test->status != KTEST_SKIPPED)
		KTEST_EXPECT_EQ(test, (long)nr_free_pages(), (long)pa_baseline - pa_leaked);
}

/* An allocation the case needs: under fault injection a failure skips it. */
#define pa_alloc(test, gfp, order) ({						\
	struct page *__p = alloc_pages(gfp, order);				\
	if (!__p && fail_page_alloc_enabled)					\
		KTEST_SKIP(test, "allocation failed under fault injection");	\
	KTEST_ASSERT_NOT_NULL(test, __p);					\
	__p;									\
})

/* A scratch array of 2^order pages, or skip under fault injection. */
#define pa_array(test, order) ((struct page **)page_address(pa_alloc(test, GFP_KERNEL, order)))

static struct zone *zone_of(enum zone_type z)
{
	return &NODE_DATA(first_online_node)->node_zones[z];
}

/* The zone GFP_KERNEL is served from: the highest populated up to NORMAL. */
static int kernel_zone(void)
{
	int z;

	for (z = ZONE_NORMAL; z > ZONE_DMA; z--)
		if (populated_zone(zone_of(z)))
			return z;
	return ZONE_DMA;
}

static struct per_cpu_pages *this_pcp(struct zone *zone)
{
	return &zone->per_cpu_pageset[smp_processor_id()];
}

static int run_cmd(const char *line)
{
	char buf[128];

	strscpy(buf, line, sizeof(buf));
	return shell_exec(buf);
}

/* ---- GFP ---------------------------------------------------------------- */

static void gfp_composites_have_linux_values(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, GFP_KERNEL, 0xcc0u);
	KTEST_EXPECT_EQ(test, GFP_ATOMIC, 0xa20u);
	KTEST_EXPECT_EQ(test, GFP_NOWAIT, 0x800u);
	KTEST_EXPECT_EQ(test, GFP_NOIO, 0xc00u);
	KTEST_EXPECT_EQ(test, GFP_NOFS, 0xc40u);
	KTEST_EXPECT_EQ(test, GFP_USER, 0x100cc0u);
	KTEST_EXPECT_EQ(test, GFP_HIGHUSER_MOVABLE, 0x100ccau);
	KTEST_EXPECT_EQ(test, GFP_KERNEL_ACCOUNT, 0x400cc0u);
}

static void gfp_zone_follows_the_zone_modifiers(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, (int)gfp_zone(GFP_KERNEL), ZONE_NORMAL);
	KTEST_EXPECT_EQ(test, (int)gfp_zone(GFP_KERNEL | GFP_DMA), ZONE_DMA);
	KTEST_EXPECT_EQ(test, (int)gfp_zone(GFP_KERNEL | GFP_DMA32), ZONE_DMA32);
	KTEST_EXPECT_EQ(test, (int)gfp_zone(GFP_HIGHUSER_MOVABLE), ZONE_MOVABLE);
	/* Movable without highmem, or highmem alone, stays out of ZONE_MOVABLE. */
	KTEST_EXPECT_EQ(test, (int)gfp_zone(GFP_KERNEL | __GFP_MOVABLE), ZONE_NORMAL);
	KTEST_EXPECT_EQ(test, (int)gfp_zone(GFP_HIGHUSER), ZONE_NORMAL);
}

static void gfp_migratetype_follows_mobility(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, gfp_migratetype(GFP_KERNEL), MIGRATE_UNMOVABLE);
	KTEST_EXPECT_EQ(test, gfp_migratetype(GFP_KERNEL | __GFP_MOVABLE), MIGRATE_MOVABLE);
	KTEST_EXPECT_EQ(test, gfp_migratetype(GFP_KERNEL | __GFP_RECLAIMABLE),
			MIGRATE_RECLAIMABLE);
	KTEST_EXPECT_EQ(test, gfp_migratetype(GFP_HIGHUSER_MOVABLE), MIGRATE_MOVABLE);
}

static void gfp_names_print_composites_first(struct ktest *test)
{
	char buf[128];

	format_gfp_flags(buf, sizeof(buf), GFP_KERNEL);
	KTEST_EXPECT_STREQ(test, buf, "GFP_KERNEL");
	format_gfp_flags(buf, sizeof(buf), GFP_KERNEL | __GFP_ZERO | __GFP_NOWARN);
	KTEST_EXPECT_STREQ(test, buf, "GFP_KERNEL|__GFP_NOWARN|__GFP_ZERO");
	format_gfp_flags(buf, sizeof(buf), GFP_ATOMIC | __GFP_COMP);
	KTEST_EXPECT_STREQ(test, buf, "GFP_ATOMIC|__GFP_COMP");
	format_gfp_flags(buf, sizeof(buf), GFP_HIGHUSER_MOVABLE);
	KTEST_EXPECT_STREQ(test, buf, "GFP_HIGHUSER_MOVABLE");
	format_gfp_flags(buf, sizeof(buf), 0);
	KTEST_EXPECT_STREQ(test, buf, "none");
	format_gfp_flags(buf, sizeof(buf), GFP_NOWAIT | 0x800000u);
	KTEST_EXPECT_STREQ(test, buf, "GFP_NOWAIT|0x800000");
}

/* ---- allocation and free ------------------------------------------------ */

static void alloc_page_returns_a_referenced_page(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL, 0);

	KTEST_EXPECT_EQ(test, page_ref_count(page), 1);
	KTEST_EXPECT_EQ(test, page_mapcount(page), 0);
	KTEST_EXPECT_FALSE(test, PageBuddy(page));
	KTEST_EXPECT_FALSE(test, PageReserved(page));
	KTEST_EXPECT_FALSE(test, PageCompound(page));
	KTEST_EXPECT_TRUE(test, pfn_valid(page_to_pfn(page)));
	KTEST_EXPECT_TRUE(test, zone_spans_pfn(page_zone(page), page_to_pfn(page)));
	__free_page(page);
}

static void every_order_is_naturally_aligned(struct ktest *test)
{
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++) {
		struct page *page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, order);

		if (!page)
			continue;	/* small machines may have no 4 MiB block */
		KTEST_EXPECT_EQ(test, page_to_pfn(page) & ((1UL << order) - 1), 0UL);
		__free_pages(page, order);
	}
}

/*
 * As Linux's WARN_ON_ONCE_GFP: __GFP_NOWARN is quiet, and the first order
 * too large since boot warns, once. A second run of the suite (ktest run
 * from the shell) finds the warning spent and skips.
 */
static void order_max_is_refused_with_a_warning(struct ktest *test)
{
	static bool warned;
	unsigned long warns = warn_count;

	KTEST_EXPECT_NULL(test, alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER));
	KTEST_EXPECT_NULL(test, alloc_pages(GFP_KERNEL | __GFP_NOWARN, 40));
	KTEST_EXPECT_EQ(test, warn_count, warns);
	if (warned)
		KTEST_SKIP(test, "the warning is once per boot, and this boot's is spent");
	warned = true;
	KTEST_EXPECT_NULL(test, alloc_pages(GFP_KERNEL, MAX_ORDER));
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "WARN_ON(!(gfp & __GFP_NOWARN))"));
	KTEST_EXPECT_NULL(test, alloc_pages(GFP_KERNEL, 40));
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
}

static void freeing_restores_nr_free_pages(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL, 5);

	drain_all_pages(NULL);
	KTEST_EXPECT_EQ(test, nr_free_pages(), pa_baseline - 32);
	__free_pages(page, 5);
	KTEST_EXPECT_EQ(test, nr_free_pages(), pa_baseline);
}

static void get_free_pages_returns_a_direct_map_address(struct ktest *test)
{
	unsigned long addr = __get_free_pages(GFP_KERNEL, 2);
	struct page *page;

	if (!addr && fail_page_alloc_enabled)
		KTEST_SKIP(test, "allocation failed under fault injection");
	KTEST_ASSERT_NE(test, addr, 0UL);
	KTEST_EXPECT_GE(test, addr, PAGE_OFFSET);
	KTEST_EXPECT_EQ(test, addr & (4 * PAGE_SIZE - 1), 0UL);
	page = virt_to_page((void *)addr);
	KTEST_EXPECT_PTR_EQ(test, page_address(page), (void *)addr);
	memset((void *)addr, 0x5a, 4 * PAGE_SIZE);
	free_pages(addr, 2);
	free_pages(0, 3);	/* NULL is ignored */
}

static bool range_is(const void *p, int c, size_t n)
{
	return !memchr_inv(p, c, n);
}

static void get_zeroed_page_is_zeroed(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL, 0);
	unsigned long addr;

	memset(page_address(page), 0xff, PAGE_SIZE);
	__free_page(page);	/* hot on this CPU's list: the next one reuses it */
	addr = get_zeroed_page(GFP_KERNEL);
	if (!addr && fail_page_alloc_enabled)
		KTEST_SKIP(test, "allocation failed under fault injection");
	KTEST_ASSERT_NE(test, addr, 0UL);
	KTEST_EXPECT_TRUE(test, range_is((void *)addr, 0, PAGE_SIZE));
	free_page(addr);
}

static void gfp_zero_zeroes_every_page_of_the_block(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL, 3);

	memset(page_address(page), 0xee, 8 * PAGE_SIZE);
	__free_pages(page, 3);
	page = pa_alloc(test, GFP_KERNEL | __GFP_ZERO, 3);
	KTEST_EXPECT_TRUE(test, range_is(page_address(page), 0, 8 * PAGE_SIZE));
	__free_pages(page, 3);
}

static void freed_page_is_reused_hot(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL, 0), *again;

	__free_page(page);
	again = pa_alloc(test, GFP_KERNEL, 0);
	KTEST_EXPECT_PTR_EQ(test, again, page);
	__free_page(again);
}

static void page_address_and_virt_to_page_round_trip(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL, 4);
	unsigned long i;

	for (i = 0; i < 16; i++)
		KTEST_EXPECT_PTR_EQ(test, virt_to_page(page_address(page + i)), page + i);
	KTEST_EXPECT_EQ(test, page_to_phys(page), __pa(page_address(page)));
	__free_pages(page, 4);
}

/* ---- zones -------------------------------------------------------------- */

static void zonelist_is_populated_zones_highest_first(struct ktest *test)
{
	const struct zoneref *z = NODE_DATA(first_online_node)->node_zonelists[0]._zonerefs;
	int last = MAX_NR_ZONES, n = 0, zi;

	for (; z->zone; z++, n++) {
		KTEST_EXPECT_LT(test, z->zone_idx, last);
		KTEST_EXPECT_TRUE(test, populated_zone(z->zone));
		KTEST_EXPECT_PTR_EQ(test, z->zone, zone_of(z->zone_idx));
		last = z->zone_idx;
	}
	for (zi = 0; zi < MAX_NR_ZONES; zi++)
		n -= populated_zone(zone_of(zi));
	KTEST_EXPECT_EQ(test, n, 0);
}

static void gfp_kernel_comes_from_the_highest_kernel_zone(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL, 0);

	KTEST_EXPECT_EQ(test, (int)page_zonenum(page), kernel_zone());
	__free_page(page);
}

static void gfp_dma_comes_from_zone_dma(struct ktest *test)
{
	struct page *page;

	if (!populated_zone(zone_of(ZONE_DMA)))
		KTEST_SKIP(test, "no ZONE_DMA on this machine");
	page = pa_alloc(test, GFP_KERNEL | GFP_DMA, 0);
	KTEST_EXPECT_EQ(test, (int)page_zonenum(page), ZONE_DMA);
	KTEST_EXPECT_LT(test, page_to_phys(page), (phys_addr_t)SZ_16M);
	__free_page(page);
}

static void gfp_dma32_stays_below_4g(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL | GFP_DMA32, 3);

	KTEST_EXPECT_LE(test, (int)page_zonenum(page), ZONE_DMA32);
	KTEST_EXPECT_LT(test, page_to_phys(page) + 8 * PAGE_SIZE - 1, (phys_addr_t)SZ_4G);
	__free_pages(page, 3);
}

static void movable_zone_serves_only_highuser_movable(struct ktest *test)
{
	struct page *page;

	if (!populated_zone(zone_of(ZONE_MOVABLE)))
		KTEST_SKIP(test, "no ZONE_MOVABLE (boot with movablecore=)");
	page = pa_alloc(test, GFP_HIGHUSER_MOVABLE, 0);
	KTEST_EXPECT_EQ(test, (int)page_zonenum(page), ZONE_MOVABLE);
	__free_page(page);
	page = pa_alloc(test, GFP_KERNEL | __GFP_MOVABLE, 0);
	KTEST_EXPECT_NE(test, (int)page_zonenum(page), ZONE_MOVABLE);
	__free_page(page);
}

static void allocations_count_into_their_zones_pgalloc(struct ktest *test)
{
	enum zone_type z = kernel_zone();
	unsigned long before = sum_vm_event(PGALLOC_DMA + z);
	unsigned long freed = sum_vm_event(PGFREE);
	struct page *page = pa_alloc(test, GFP_KERNEL, 2);

	KTEST_EXPECT_EQ(test, sum_vm_event(PGALLOC_DMA + z), before + 4);
	__free_pages(page, 2);
	KTEST_EXPECT_EQ(test, sum_vm_event(PGFREE), freed + 4);
}

/* ---- the buddy system --------------------------------------------------- */

static void free_block_head_is_buddy_with_its_order(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL, MAX_ORDER - 1);

	KTEST_EXPECT_FALSE(test, PageBuddy(page));
	__free_pages(page, MAX_ORDER - 1);
	/* Nothing bigger to merge into: it stays a free block of the top order. */
	KTEST_EXPECT_TRUE(test, PageBuddy(page));
	KTEST_EXPECT_EQ(test, page->private, (unsigned long)(MAX_ORDER - 1));
	KTEST_EXPECT_FALSE(test, PageBuddy(page + 1));
	KTEST_EXPECT_EQ(test, page_ref_count(page), 0);
}

/* Split an order-10 block into pages and free them all: it merges back. */
static void freed_pages_merge_back_into_the_whole_block(struct ktest *test)
{
	const unsigned int order = MAX_ORDER - 1;
	struct page *page = pa_alloc(test, GFP_KERNEL, order);
	unsigned long i;

	split_page(page, order);
	for (i = 0; i < (1UL << order); i += 2)
		__free_page(page + i);
	drain_all_pages(NULL);
	for (i = 0; i < (1UL << order); i += 2) {
		/* Every other page free: no buddy to merge with yet. */
		KTEST_EXPECT_TRUE(test, PageBuddy(page + i));
		KTEST_EXPECT_EQ(test, page[i].private, 0UL);
	}
	for (i = 1; i < (1UL << order); i += 2)
		__free_page(page + i);
	drain_all_pages(NULL);
	KTEST_EXPECT_TRUE(test, PageBuddy(page));
	KTEST_EXPECT_EQ(test, page->private, (unsigned long)order);
}

/* Free the upper half and a quarter of a split block: they merge as far as aligned. */
static void partial_frees_merge_into_aligned_blocks(struct ktest *test)
{
	const unsigned int order = MAX_ORDER - 1;
	struct page *page = pa_alloc(test, GFP_KERNEL, order);
	unsigned long i;

	split_page(page, order);
	for (i = 512; i < 1024; i++)
		__free_page(page + i);
	for (i = 0; i < 256; i++)
		__free_page(page + i);
	drain_all_pages(NULL);
	KTEST_EXPECT_TRUE(test, PageBuddy(page + 512));
	KTEST_EXPECT_EQ(test, page[512].private, 9UL);
	KTEST_EXPECT_TRUE(test, PageBuddy(page));
	KTEST_EXPECT_EQ(test, page[0].private, 8UL);
	KTEST_EXPECT_FALSE(test, PageBuddy(page + 256));
	for (i = 256; i < 512; i++)
		__free_page(page + i);
	drain_all_pages(NULL);
	KTEST_EXPECT_TRUE(test, PageBuddy(page));
	KTEST_EXPECT_EQ(test, page[0].private, (unsigned long)order);
}

static void free_area_counts_match_after_churn(struct ktest *test)
{
	struct page *pages[64];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(pages); i++)
		pages[i] = pa_alloc(test, GFP_KERNEL, i % 7);
	for (i = 0; i < ARRAY_SIZE(pages); i += 2)
		__free_pages(pages[i], i % 7);
	drain_all_pages(NULL);
	KTEST_EXPECT_TRUE(test, free_area_check());
	for (i = 1; i < ARRAY_SIZE(pages); i += 2)
		__free_pages(pages[i], i % 7);
}

/* ---- pageblocks and migratetypes --------------------------------------- */

static void pageblock_migratetype_reads_back(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL, pageblock_order);
	struct zone *zone = page_zone(page);
	int old = get_pageblock_migratetype(page);
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	set_pageblock_migratetype(page, MIGRATE_RECLAIMABLE);
	spin_unlock_irqrestore(&zone->lock, flags);
	KTEST_EXPECT_EQ(test, get_pageblock_migratetype(page), MIGRATE_RECLAIMABLE);
	spin_lock_irqsave(&zone->lock, flags);
	set_pageblock_migratetype(page, old);
	spin_unlock_irqrestore(&zone->lock, flags);
	KTEST_EXPECT_EQ(test, get_pageblock_migratetype(page), old);
	__free_pages(page, pageblock_order);
}

/* The type of the pageblock @delta blocks from @page's, or -1 outside its zone. */
static int neighbour_migratetype(struct page *page, long delta)
{
	unsigned long pfn = page_to_pfn(page) + delta * (long)pageblock_nr_pages;

	if (!zone_spans_pfn(page_zone(page), pfn))
		return -1;
	return get_pfnblock_migratetype(pfn_to_page(pfn), pfn);
}

/*
 * Setting a pageblock's type leaves the blocks on both sides as they were:
 * the new type differs from all three old ones, so a write that spills
 * over (a wrong shift, a wrong mask) changes a neighbour the test reads.
 */
static void pageblock_migratetype_leaves_its_neighbours(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL, pageblock_order + 1);
	struct page *block = page + pageblock_nr_pages; /* so the one before is in the zone */
	struct zone *zone = page_zone(block);
	int old = get_pageblock_migratetype(block);
	int prev = neighbour_migratetype(block, -1), next = neighbour_migratetype(block, 1);
	unsigned long flags;
	int mt;

	KTEST_ASSERT_NE(test, prev, -1);
	for (mt = 0; mt == old || mt == prev || mt == next; mt++)
		;
	KTEST_ASSERT_LT(test, mt, MIGRATE_TYPES);
	spin_lock_irqsave(&zone->lock, flags);
	set_pageblock_migratetype(block, mt);
	spin_unlock_irqrestore(&zone->lock, flags);
	KTEST_EXPECT_EQ(test, get_pageblock_migratetype(block), mt);
	KTEST_EXPECT_EQ(test, neighbour_migratetype(block, -1), prev);
	KTEST_EXPECT_EQ(test, neighbour_migratetype(block, 1), next);
	spin_lock_irqsave(&zone->lock, flags);
	set_pageblock_migratetype(block, old);
	spin_unlock_irqrestore(&zone->lock, flags);
	__free_pages(page, pageblock_order + 1);
}

static void unmovable_allocations_claim_their_pageblock(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL, 0);

	KTEST_EXPECT_EQ(test, get_pageblock_migratetype(page), MIGRATE_UNMOVABLE);
	__free_page(page);
}

static void reclaimable_allocations_claim_their_pageblock(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL | __GFP_RECLAIMABLE, 0);

	KTEST_EXPECT_EQ(test, get_pageblock_migratetype(page), MIGRATE_RECLAIMABLE);
	__free_page(page);
}

static void movable_allocations_come_from_movable_pageblocks(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL | __GFP_MOVABLE, 0);

	KTEST_EXPECT_EQ(test, get_pageblock_migratetype(page), MIGRATE_MOVABLE);
	__free_page(page);
}

/* Does any zone have a free RECLAIMABLE block of a pageblock or more? */
static bool reclaimable_pageblock_free(void)
{
	bool found = false;
	struct zone *zone;

	for_each_populated_zone(zone) {
		unsigned long flags;
		unsigned int order;

		spin_lock_irqsave(&zone->lock, flags);
		for (order = pageblock_order; order < MAX_ORDER; order++)
			found |= !free_area_empty(&zone->free_area[order], MIGRATE_RECLAIMABLE);
		spin_unlock_irqrestore(&zone->lock, flags);
	}
	return found;
}

/*
 * With no free RECLAIMABLE pageblock anywhere (the ones earlier cases left
 * are taken first), a pageblock-sized RECLAIMABLE request must fall back
 * to a block of another type and convert all of it.
 */
static void large_fallback_converts_the_whole_block(struct ktest *test)
{
	const gfp_t gfp = GFP_KERNEL | __GFP_RECLAIMABLE | __GFP_NOWARN;
	struct page *page, *pos, *next;
	bool drained = true;
	LIST_HEAD(held);

	while (drained && reclaimable_pageblock_free()) {
		page = alloc_pages(gfp, pageblock_order);
		drained = page;
		if (page)
			list_add(&page->lru, &held);
	}
	page = drained ? alloc_pages(gfp, pageblock_order) : NULL;
	if (page) {
		KTEST_EXPECT_EQ(test, get_pageblock_migratetype(page), MIGRATE_RECLAIMABLE);
		__free_pages(page, pageblock_order);
	}
	list_for_each_entry_safe(pos, next, &held, lru) {
		list_del(&pos->lru);
		__free_pages(pos, pageblock_order);
	}
	if (!page && fail_page_alloc_enabled)
		KTEST_SKIP(test, "allocation failed under fault injection");
	KTEST_EXPECT_NOT_NULL(test, page);
}

/*
 * Fragmentation: four top-order blocks split into pages, every other page
 * freed. No order above 0 can form from them; freeing the rest rebuilds
 * the four blocks.
 */
static void free_area_totals(unsigned long *nr)
{
	unsigned int o;
	int z;

	for (o = 0; o < MAX_ORDER; o++)
		for (nr[o] = 0, z = 0; z < MAX_NR_ZONES; z++)
			nr[o] += zone_of(z)->free_area[o].nr_free;
}

static void every_other_page_free_leaves_only_order_zero(struct ktest *test)
{
	const unsigned int order = MAX_ORDER - 1;
	unsigned long before[MAX_ORDER], after[MAX_ORDER], i;
	struct page *blocks[2];
	unsigned int b, o;

	for (b = 0; b < ARRAY_SIZE(blocks); b++) {
		blocks[b] = pa_alloc(test, GFP_KERNEL, order);
		split_page(blocks[b], order);
	}
	drain_all_pages(NULL);
	free_area_totals(before);
	for (b = 0; b < ARRAY_SIZE(blocks); b++)
		for (i = 0; i < (1UL << order); i += 2)
			__free_page(blocks[b] + i);
	drain_all_pages(NULL);
	free_area_totals(after);
	KTEST_EXPECT_EQ(test, after[0], before[0] + 2 * 512);
	for (o = 1; o < MAX_ORDER; o++)
		KTEST_EXPECT_EQ(test, after[o], before[o]);
	for (b = 0; b < ARRAY_SIZE(blocks); b++)
		for (i = 1; i < (1UL << order); i += 2)
			__free_page(blocks[b] + i);
	drain_all_pages(NULL);
	free_area_totals(after);
	KTEST_EXPECT_EQ(test, after[0], before[0]);
	KTEST_EXPECT_EQ(test, after[order], before[order] + 2);
}

/* Pages on @zone's free lists of @migratetype (not counting pcp lists). */
static unsigned long zone_free_of_type(struct zone *zone, int migratetype)
{
	unsigned long flags, nr = 0;
	struct list_head *pos;
	unsigned int o;

	spin_lock_irqsave(&zone->lock, flags);
	for (o = 0; o < MAX_ORDER; o++)
		list_for_each(pos, &zone->free_area[o].free_list[migratetype])
			nr += 1UL << o;
	spin_unlock_irqrestore(&zone->lock, flags);
	return nr;
}

/*
 * Grouping by mobility: free unmovable pageblocks stay whole while movable
 * pages churn, because movable requests take movable pageblocks first.
 * That holds while the zone has movable pages to give: once its movable
 * lists run dry, stealing a free unmovable block is what Linux does too
 * (ALLOC_NOFRAGMENT only sends a NORMAL allocation down to DMA32 first).
 * So the churn stays within half of the zone's free movable pages, the
 * rest covering this CPU's pcp refills (at -m 32M with 4 CPUs the zone
 * has a few hundred).
 */
static void movable_churn_keeps_unmovable_high_orders(struct ktest *test)
{
	enum { NR_BLOCKS = 4, NR_CHURN = 4096, MIN_CHURN = 64 };
	struct page *blocks[NR_BLOCKS], **churn;
	unsigned int b, i, round, nr_churn;

	for (b = 0; b < NR_BLOCKS; b++)
		blocks[b] = pa_alloc(test, GFP_KERNEL, pageblock_order);
	for (b = 0; b < NR_BLOCKS; b++) {
		KTEST_EXPECT_EQ(test, get_pageblock_migratetype(blocks[b]), MIGRATE_UNMOVABLE);
		__free_pages(blocks[b], pageblock_order);
	}
	churn = pa_array(test, 3);
	drain_all_pages(NULL);
	nr_churn = min((unsigned long)NR_CHURN,
		       zone_free_of_type(page_zone(blocks[0]), MIGRATE_MOVABLE) / 2);
	if (nr_churn < MIN_CHURN) {
		free_pages((unsigned long)churn, 3);
		KTEST_SKIP(test, "%u free movable pages in the zone", 2 * nr_churn);
	}
	for (round = 0; round < 4; round++) {
		for (i = 0; i < nr_churn; i++)
			churn[i] = alloc_pages(GFP_HIGHUSER_MOVABLE | __GFP_NOWARN, 0);
		for (i = 0; i < nr_churn; i++) {
			if (!churn[i])
				continue;
			for (b = 0; b < NR_BLOCKS; b++)
				KTEST_EXPECT_FALSE(test, churn[i] >= blocks[b] &&
						   churn[i] < blocks[b] + pageblock_nr_pages);
			__free_page(churn[i]);
		}
	}
	free_pages((unsigned long)churn, 3);
	drain_all_pages(NULL);
	for (b = 0; b < NR_BLOCKS; b++) {
		KTEST_EXPECT_EQ(test, get_pageblock_migratetype(blocks[b]), MIGRATE_UNMOVABLE);
		KTEST_EXPECT_TRUE(test, PageBuddy(blocks[b]) ||
				  PageBuddy(blocks[b] - (page_to_pfn(blocks[b]) &
						    (MAX_ORDER_NR_PAGES - 1))));
	}
	for (b = 0; b < NR_BLOCKS; b++) {
		blocks[b] = pa_alloc(test, GFP_KERNEL, pageblock_order);
		KTEST_EXPECT_EQ(test, get_pageblock_migratetype(blocks[b]), MIGRATE_UNMOVABLE);
	}
	for (b = 0; b < NR_BLOCKS; b++)
		__free_pages(blocks[b], pageblock_order);
}

/* ---- watermarks --------------------------------------------------------- */

static void min_free_kbytes_follows_linux(struct ktest *test)
{
	unsigned long lowmem_kbytes = 0, expect;
	int z;

	for (z = 0; z < ZONE_MOVABLE; z++)
		lowmem_kbytes += zone_managed_pages(zone_of(z)) << (PAGE_SHIFT - 10);
	expect = clamp(int_sqrt(lowmem_kbytes * 16), 128UL, 262144UL);
	/*
	 * The initrd's pages were freed after min_free_kbytes was set, and, as
	 * in Linux, it was not recomputed: they may move the square root by
	 * one, depending on where the kernel's size puts the total.
	 */
	KTEST_EXPECT_LE(test, (unsigned long)min_free_kbytes, expect);
	KTEST_EXPECT_GE(test, (unsigned long)min_free_kbytes + 1, expect);
}

static void watermarks_are_ordered_and_add_up(struct ktest *test)
{
	unsigned long pages_min = 0;
	int z;

	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = zone_of(z);

		if (!populated_zone(zone))
			continue;
		KTEST_EXPECT_LE(test, min_wmark_pages(zone), low_wmark_pages(zone));
		KTEST_EXPECT_LT(test, low_wmark_pages(zone), high_wmark_pages(zone));
		KTEST_EXPECT_EQ(test, high_wmark_pages(zone) - low_wmark_pages(zone),
				low_wmark_pages(zone) - min_wmark_pages(zone));
		if (z != ZONE_MOVABLE)
			pages_min += min_wmark_pages(zone);
	}
	/* The zones share min_free_kbytes (rounding down each share). */
	KTEST_EXPECT_LE(test, pages_min, (unsigned long)min_free_kbytes >> 2);
	KTEST_EXPECT_GE(test, pages_min + MAX_NR_ZONES, (unsigned long)min_free_kbytes >> 2);
}

static void lowmem_reserve_follows_the_ratio(struct ktest *test)
{
	int i, j;

	for (i = 0; i < MAX_NR_ZONES; i++) {
		unsigned long managed = 0;

		KTEST_EXPECT_EQ(test, zone_of(i)->lowmem_reserve[i], 0L);
		for (j = i + 1; j < MAX_NR_ZONES; j++) {
			managed += zone_managed_pages(zone_of(j));
			KTEST_EXPECT_EQ(test, zone_of(i)->lowmem_reserve[j],
					sysctl_lowmem_reserve_ratio[i] ?
					(long)(managed / sysctl_lowmem_reserve_ratio[i]) : 0L);
		}
	}
}

static void watermark_check_honours_reserves_and_flags(struct ktest *test)
{
	struct zone *zone = zone_of(kernel_zone());
	const unsigned long mark = 1000;
	int idx = zone_idx(zone);
	long reserve = zone->lowmem_reserve[idx] + (long)zone->nr_reserved_highatomic;

	KTEST_EXPECT_TRUE(test, __zone_watermark_ok(zone, 0, mark, idx, 0, 1001 + reserve));
	KTEST_EXPECT_FALSE(test, __zone_watermark_ok(zone, 0, mark, idx, 0, 1000 + reserve));
	/* __GFP_HIGH: half of min; GFP_ATOMIC: a further quarter. */
	KTEST_EXPECT_TRUE(test, __zone_watermark_ok(zone, 0, mark, idx, ALLOC_HIGH, 501 + reserve));
	KTEST_EXPECT_FALSE(test, __zone_watermark_ok(zone, 0, mark, idx, ALLOC_HIGH, 500 + reserve));
	KTEST_EXPECT_TRUE(test, __zone_watermark_ok(zone, 0, mark, idx,
						    ALLOC_HIGH | ALLOC_HARDER,
						    376 + zone->lowmem_reserve[idx]));
	/* An order-n request also subtracts its own size. */
	KTEST_EXPECT_FALSE(test, __zone_watermark_ok(zone, 3, mark, idx, 0, 1001 + reserve));
}

static void lower_zone_keeps_its_reserve_from_higher_requests(struct ktest *test)
{
	struct zone *dma = zone_of(ZONE_DMA);
	int top = kernel_zone();
	long reserve;

	if (!populated_zone(dma) || top == ZONE_DMA)
		KTEST_SKIP(test, "ZONE_DMA is the only zone");
	reserve = dma->lowmem_reserve[top] + (long)dma->nr_reserved_highatomic;
	KTEST_EXPECT_GT(test, dma->lowmem_reserve[top], 0L);
	/* With a zero watermark, a request of the top zone still leaves the reserve. */
	KTEST_EXPECT_FALSE(test, __zone_watermark_ok(dma, 0, 0, top, 0, reserve));
	KTEST_EXPECT_TRUE(test, __zone_watermark_ok(dma, 0, 0, top, 0, reserve + 1));
	/* A request for ZONE_DMA itself may use it. */
	KTEST_EXPECT_TRUE(test, __zone_watermark_ok(dma, 0, 0, ZONE_DMA, 0,
						    (long)dma->nr_reserved_highatomic + 1));
}

/* ---- per-CPU lists ------------------------------------------------------ */

static void pcp_batch_and_high_follow_zone_size(struct ktest *test)
{
	struct zone *zone = zone_of(kernel_zone());
	struct per_cpu_pages *pcp = this_pcp(zone);
	unsigned long batch = min(zone_managed_pages(zone) >> 10, 256UL) / 4;

	batch = max(rounddown_pow_of_two(max(batch, 1UL) + max(batch, 1UL) / 2) - 1, 1UL);
	KTEST_EXPECT_EQ(test, (unsigned long)pcp->batch, batch);
	KTEST_EXPECT_GE(test, pcp->high, 4 * pcp->batch);
	KTEST_EXPECT_GE(test, (unsigned long)pcp->high, low_wmark_pages(zone) / nr_cpu_ids);
}

static void freed_pages_wait_on_the_cpu_list(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL, 0);
	struct per_cpu_pages *pcp = this_pcp(page_zone(page));
	unsigned long free = nr_free_pages();
	int count = pcp->count;

	__free_page(page);
	/* On the CPU's list: not free for the buddy allocator yet. */
	KTEST_EXPECT_EQ(test, pcp->count, count + 1);
	KTEST_EXPECT_EQ(test, nr_free_pages(), free);
	drain_local_pages(NULL);
	KTEST_EXPECT_EQ(test, pcp->count, 0);
	KTEST_EXPECT_GE(test, nr_free_pages(), free + 1);
}

static void order3_uses_the_cpu_lists_and_order4_does_not(struct ktest *test)
{
	struct page *p3 = pa_alloc(test, GFP_KERNEL, 3);
	struct page *p4 = pa_alloc(test, GFP_KERNEL, 4);
	struct per_cpu_pages *pcp3 = this_pcp(page_zone(p3));
	struct per_cpu_pages *pcp4 = this_pcp(page_zone(p4));
	int c3, c4;

	drain_all_pages(NULL);
	c3 = pcp3->count;
	__free_pages(p3, 3);
	KTEST_EXPECT_EQ(test, pcp3->count, c3 + 8);
	c4 = pcp4->count;
	__free_pages(p4, 4);
	KTEST_EXPECT_EQ(test, pcp4->count, c4);
}

static void cpu_list_drains_above_high(struct ktest *test)
{
	struct zone *zone = zone_of(kernel_zone());
	struct per_cpu_pages *pcp = this_pcp(zone);
	int n = pcp->high + pcp->batch, i;
	struct page **pages = pa_array(test, 4);

	KTEST_ASSERT_LE(test, (unsigned long)n, 16 * PAGE_SIZE / sizeof(*pages));
	for (i = 0; i < n; i++)
		pages[i] = alloc_page(GFP_KERNEL | __GFP_NOWARN);
	drain_all_pages(NULL);
	for (i = 0; i < n; i++) {
		if (pages[i])
			__free_page(pages[i]);
		KTEST_EXPECT_LT(test, pcp->count, pcp->high);
	}
	free_pages((unsigned long)pages, 4);
}

static void drain_all_pages_empties_every_cpu(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL, 1);
	unsigned int cpu;
	int z;

	__free_pages(page, 1);
	drain_all_pages(NULL);
	for (z = 0; z < MAX_NR_ZONES; z++) {
		if (!populated_zone(zone_of(z)))
			continue;
		for_each_possible_cpu(cpu)
			KTEST_EXPECT_EQ(test, zone_of(z)->per_cpu_pageset[cpu].count, 0);
	}
}

static void refill_takes_a_batch(struct ktest *test)
{
	struct page *page;
	struct per_cpu_pages *pcp;

	drain_all_pages(NULL);
	page = pa_alloc(test, GFP_KERNEL, 0);
	pcp = this_pcp(page_zone(page));
	/* One page was taken from a batch brought over from the buddy lists. */
	KTEST_EXPECT_EQ(test, pcp->count, max(pcp->batch, 2) - 1);
	__free_page(page);
}

/* ---- interfaces --------------------------------------------------------- */

static void bulk_fills_only_the_empty_slots(struct ktest *test)
{
	struct page *pages[32] = { NULL };
	struct page *mine = pa_alloc(test, GFP_KERNEL, 0);
	unsigned long n, i;

	pages[5] = mine;
	n = alloc_pages_bulk_array(GFP_KERNEL, ARRAY_SIZE(pages), pages);
	if (n < ARRAY_SIZE(pages) && fail_page_alloc_enabled)
		KTEST_SKIP(test, "allocation failed under fault injection");
	KTEST_EXPECT_EQ(test, n, ARRAY_SIZE(pages));
	KTEST_EXPECT_PTR_EQ(test, pages[5], mine);
	for (i = 0; i < ARRAY_SIZE(pages); i++) {
		KTEST_EXPECT_NOT_NULL(test, pages[i]);
		if (pages[i])
			__free_page(pages[i]);
	}
}

static void alloc_pages_exact_gives_back_the_tail(struct ktest *test)
{
	unsigned long before;
	void *p;

	drain_all_pages(NULL);
	before = nr_free_pages();
	p = alloc_pages_exact(5 * PAGE_SIZE, GFP_KERNEL | __GFP_ZERO);
	if (!p && fail_page_alloc_enabled)
		KTEST_SKIP(test, "allocation failed under fault injection");
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_TRUE(test, range_is(p, 0, 5 * PAGE_SIZE));
	drain_all_pages(NULL);
	KTEST_EXPECT_EQ(test, nr_free_pages(), before - 5);
	KTEST_EXPECT_EQ(test, page_ref_count(virt_to_page(p) + 4), 1);
	free_pages_exact(p, 5 * PAGE_SIZE);
}

static void split_page_gives_independent_pages(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL, 2);
	int i;

	split_page(page, 2);
	for (i = 0; i < 4; i++)
		KTEST_EXPECT_EQ(test, page_ref_count(page + i), 1);
	for (i = 3; i >= 0; i--)
		__free_page(page + i);
}

static void get_page_and_put_page_count_references(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL, 0);

	get_page(page);
	KTEST_EXPECT_EQ(test, page_ref_count(page), 2);
	put_page(page);
	KTEST_EXPECT_EQ(test, page_ref_count(page), 1);
	KTEST_EXPECT_FALSE(test, PageBuddy(page));
	put_page(page);		/* the last reference frees it */
	KTEST_EXPECT_EQ(test, page_ref_count(page), 0);
}

static void page_ref_helpers_follow_linux(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL, 0);

	page_ref_add(page, 3);
	KTEST_EXPECT_EQ(test, page_ref_count(page), 4);
	page_ref_sub(page, 2);
	KTEST_EXPECT_EQ(test, page_ref_count(page), 2);
	KTEST_EXPECT_EQ(test, page_ref_inc_return(page), 3);
	KTEST_EXPECT_EQ(test, page_ref_dec_return(page), 2);
	KTEST_EXPECT_FALSE(test, page_ref_dec_and_test(page));
	page_ref_inc(page);
	page_ref_dec(page);
	KTEST_EXPECT_EQ(test, page_ref_count(page), 1);
	__free_page(page);
}

/* Linux: a held first page keeps only itself; the rest is freed. */
static void free_with_a_held_head_frees_the_rest(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL, 2);

	get_page(page);
	__free_pages(page, 2);
	KTEST_EXPECT_EQ(test, page_ref_count(page), 1);
	drain_all_pages(NULL);
	KTEST_EXPECT_EQ(test, nr_free_pages(), pa_baseline - 1);
	put_page(page);
}

/* ---- compound pages and folios ----------------------------------------- */

static void gfp_comp_makes_a_compound_page(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL | __GFP_COMP, 3);
	int i;

	KTEST_EXPECT_TRUE(test, PageHead(page));
	KTEST_EXPECT_FALSE(test, PageTail(page));
	KTEST_EXPECT_EQ(test, compound_order(page), 3u);
	for (i = 1; i < 8; i++) {
		KTEST_EXPECT_TRUE(test, PageTail(page + i));
		KTEST_EXPECT_PTR_EQ(test, compound_head(page + i), page);
		KTEST_EXPECT_EQ(test, page_ref_count(page + i), 0);
	}
	__free_pages(page, 3);
}

static void folio_alloc_knows_its_size(struct ktest *test)
{
	struct folio *folio = folio_alloc(GFP_KERNEL, 4);

	if (!folio && fail_page_alloc_enabled)
		KTEST_SKIP(test, "allocation failed under fault injection");
	KTEST_ASSERT_NOT_NULL(test, folio);
	KTEST_EXPECT_EQ(test, folio_order(folio), 4u);
	KTEST_EXPECT_EQ(test, folio_nr_pages(folio), 16UL);
	KTEST_EXPECT_EQ(test, folio_ref_count(folio), 1);
	KTEST_EXPECT_PTR_EQ(test, page_folio(folio_page(folio, 9)), folio);
	KTEST_EXPECT_PTR_EQ(test, folio_address(folio), page_address(&folio->page));
	KTEST_EXPECT_EQ(test, folio_size(folio), 16 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, folio_pfn(folio), page_to_pfn(&folio->page));
	KTEST_EXPECT_PTR_EQ(test, virt_to_folio((char *)folio_address(folio) + 5 * PAGE_SIZE),
			    folio);
	/* The first tail page's fields: unmapped, unpinned. */
	KTEST_EXPECT_EQ(test, atomic_read(&folio->_entire_mapcount), -1);
	KTEST_EXPECT_EQ(test, atomic_read(&folio->_nr_pages_mapped), 0);
	KTEST_EXPECT_EQ(test, atomic_read(&folio->_pincount), 0);
	KTEST_EXPECT_EQ(test, folio_mapcount(folio), 0);
	/* As the rmap code will: a whole mapping, and one page by its PTE. */
	atomic_set(&folio->_entire_mapcount, 0);
	atomic_set(&folio_page(folio, 2)->_mapcount, 0);
	atomic_set(&folio->_nr_pages_mapped, 1);
	KTEST_EXPECT_EQ(test, folio_mapcount(folio), 2);
	atomic_set(&folio->_nr_pages_mapped, 0);
	atomic_set(&folio_page(folio, 2)->_mapcount, -1);
	atomic_set(&folio->_entire_mapcount, -1);
	folio_put(folio);
}

static void put_page_on_a_tail_releases_the_whole_folio(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL | __GFP_COMP, 2);

	get_page(page + 3);	/* a tail reference is the head's */
	KTEST_EXPECT_EQ(test, page_ref_count(page), 2);
	put_page(page + 2);
	KTEST_EXPECT_EQ(test, page_ref_count(page), 1);
	put_page(page + 1);
	drain_all_pages(NULL);
	KTEST_EXPECT_EQ(test, nr_free_pages(), pa_baseline);
}

static void freed_compound_pages_come_back_plain(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL | __GFP_COMP, 2), *again;
	int i;

	__free_pages(page, 2);
	again = pa_alloc(test, GFP_KERNEL, 2);
	KTEST_EXPECT_PTR_EQ(test, again, page);
	KTEST_EXPECT_FALSE(test, PageHead(again));
	for (i = 1; i < 4; i++)
		KTEST_EXPECT_FALSE(test, PageTail(again + i));
	__free_pages(again, 2);
}

/* ---- statistics and reports -------------------------------------------- */

static void nr_free_pages_is_the_sum_of_the_zones(struct ktest *test)
{
	unsigned long sum = 0, blocks = 0;
	unsigned int order;
	int z;

	for (z = 0; z < MAX_NR_ZONES; z++) {
		sum += zone_page_state(zone_of(z), NR_FREE_PAGES);
		for (order = 0; order < MAX_ORDER; order++)
			blocks += zone_of(z)->free_area[order].nr_free << order;
	}
	KTEST_EXPECT_EQ(test, nr_free_pages(), sum);
	KTEST_EXPECT_EQ(test, nr_free_pages(), blocks);
}

static void si_meminfo_reports_pages(struct ktest *test)
{
	struct sysinfo si;

	si_meminfo(&si);
	KTEST_EXPECT_EQ(test, si.totalram, totalram_pages());
	KTEST_EXPECT_EQ(test, si.freeram, nr_free_pages());
	KTEST_EXPECT_EQ(test, si.mem_unit, (unsigned int)PAGE_SIZE);
	KTEST_EXPECT_LE(test, si.freeram, si.totalram);
}

static void meminfo_prints_proc_meminfo_lines(struct ktest *test)
{
	char line[64];

	KTEST_EXPECT_EQ(test, run_cmd("meminfo"), 0);
	snprintf(line, sizeof(line), "MemTotal:       %8lu kB", totalram_pages() * 4);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, line));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "MemFree:"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "MemAvailable:"));
}

static void buddyinfo_prints_a_row_per_zone(struct ktest *test)
{
	char line[64];

	KTEST_EXPECT_EQ(test, run_cmd("buddyinfo"), 0);
	snprintf(line, sizeof(line), "Node 0, zone %8s ", zone_of(kernel_zone())->name);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, line));
}

static void pagetypeinfo_prints_both_tables(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, run_cmd("pagetypeinfo"), 0);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Page block order: 9"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Pages per block:  512"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "type    Unmovable"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Number of blocks type"));
}

static void zoneinfo_prints_watermarks_and_pagesets(struct ktest *test)
{
	char line[64];

	KTEST_EXPECT_EQ(test, run_cmd("zoneinfo"), 0);
	snprintf(line, sizeof(line), "        min      %lu",
		 min_wmark_pages(zone_of(kernel_zone())));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, line));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "        protection: (0, "));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "  pagesets"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "      nr_free_pages "));
}

static void vmstat_prints_counters_and_events(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, run_cmd("vmstat"), 0);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "nr_free_pages "));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "pgalloc_dma32 "));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "pgfree "));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "allocstall_normal "));
}

static void show_mem_prints_zones_and_free_areas(struct ktest *test)
{
	char line[64];

	show_mem();
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Mem-Info:"));
	snprintf(line, sizeof(line), "Node 0 %s free:", zone_of(kernel_zone())->name);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, line));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "lowmem_reserve[]: 0"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "*4kB"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "pages RAM"));
}

/* ---- exhaustion and the slow path -------------------------------------- */

/* Every page of GFP_KERNEL's zones, as a list through page->lru. */
static unsigned long exhaust(struct list_head *list, gfp_t gfp)
{
	unsigned long n = 0;
	unsigned int order;

	for (order = MAX_ORDER - 1; order != -1u; order--) {
		struct page *page;

		while ((page = alloc_pages(gfp | __GFP_NOWARN, order))) {
			page->private = order;
			list_add(&page->lru, list);
			n += 1UL << order;
		}
	}
	return n;
}

static void release(struct list_head *list)
{
	struct page *page, *next;

	list_for_each_entry_safe(page, next, list, lru) {
		list_del(&page->lru);
		__free_pages(page, (unsigned int)page->private);
	}
}

static void exhaustion_fails_cleanly_and_reports(struct ktest *test)
{
	LIST_HEAD(held);
	unsigned long n;

	if (fail_page_alloc_enabled)
		KTEST_SKIP(test, "exhaustion is measured without fault injection");
	n = exhaust(&held, GFP_KERNEL);
	KTEST_EXPECT_GT(test, n, 0UL);
	warn_alloc_ratelimit_reset();
	KTEST_EXPECT_NULL(test, alloc_page(GFP_KERNEL | __GFP_NOWARN));
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "page allocation failure"));
	KTEST_EXPECT_NULL(test, alloc_page(GFP_KERNEL));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
		"page allocation failure: order:0, mode:0xcc0(GFP_KERNEL), nodemask=(null)"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Mem-Info:"));
	KTEST_EXPECT_TRUE(test, free_area_check());
	release(&held);
}

static void exhaustion_leaves_reserves_for_atomic_and_nofail(struct ktest *test)
{
	LIST_HEAD(held);
	struct page *atomic, *nofail, *memalloc;

	if (fail_page_alloc_enabled)
		KTEST_SKIP(test, "exhaustion is measured without fault injection");
	exhaust(&held, GFP_KERNEL);
	KTEST_EXPECT_NULL(test, alloc_page(GFP_KERNEL | __GFP_NORETRY | __GFP_NOWARN));
	KTEST_EXPECT_NULL(test, alloc_page(GFP_KERNEL | __GFP_RETRY_MAYFAIL | __GFP_NOWARN));
	/* GFP_ATOMIC may go below min. */
	atomic = alloc_page(GFP_ATOMIC | __GFP_NOWARN);
	KTEST_EXPECT_NOT_NULL(test, atomic);
	/* __GFP_NOFAIL warns and opens the reserves. */
	nofail = alloc_page(GFP_KERNEL | __GFP_NOFAIL);
	KTEST_EXPECT_NOT_NULL(test, nofail);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "__GFP_NOFAIL"));
	memalloc = alloc_page(GFP_KERNEL | __GFP_MEMALLOC | __GFP_NOWARN);
	KTEST_EXPECT_NOT_NULL(test, memalloc);
	if (atomic)
		__free_page(atomic);
	if (nofail)
		__free_page(nofail);
	if (memalloc)
		__free_page(memalloc);
	release(&held);
}

/* Taking the top kernel zone's blocks, GFP_KERNEL ends up in a lower zone. */
static void exhausted_higher_zone_falls_back_to_lower(struct ktest *test)
{
	LIST_HEAD(held);
	struct page *page = NULL;
	unsigned int order;

	if (fail_page_alloc_enabled)
		KTEST_SKIP(test, "exhaustion is measured without fault injection");
	if (kernel_zone() == ZONE_DMA)
		KTEST_SKIP(test, "one kernel zone only");
	for (order = MAX_ORDER - 1; order != -1u && !page; order--) {
		while ((page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, order)) &&
		       (int)page_zonenum(page) == kernel_zone()) {
			page->private = order;
			list_add(&page->lru, &held);
		}
	}
	KTEST_EXPECT_NOT_NULL(test, page);
	if (page) {
		KTEST_EXPECT_LT(test, (int)page_zonenum(page), kernel_zone());
		__free_pages(page, order + 1);
	}
	release(&held);
}

static void allocstall_counts_slow_path_entries(struct ktest *test)
{
	LIST_HEAD(held);
	unsigned long before;

	if (fail_page_alloc_enabled)
		KTEST_SKIP(test, "exhaustion is measured without fault injection");
	exhaust(&held, GFP_KERNEL);
	before = sum_vm_event(ALLOCSTALL_DMA + ZONE_NORMAL);
	KTEST_EXPECT_NULL(test, alloc_page(GFP_KERNEL | __GFP_NOWARN));
	KTEST_EXPECT_EQ(test, sum_vm_event(ALLOCSTALL_DMA + ZONE_NORMAL), before + 1);
	/* GFP_NOWAIT cannot block: no stall is counted. */
	before = sum_vm_event(ALLOCSTALL_DMA + ZONE_NORMAL);
	KTEST_EXPECT_NULL(test, alloc_page(GFP_NOWAIT | __GFP_NOWARN));
	KTEST_EXPECT_EQ(test, sum_vm_event(ALLOCSTALL_DMA + ZONE_NORMAL), before);
	release(&held);
}

/* ---- misuse ------------------------------------------------------------- */

static void double_free_is_reported_and_harmless(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL, 0);

	__free_page(page);
	__free_page(page);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "BUG: Bad page state in process"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "double free"));
	KTEST_EXPECT_EQ(test, page_ref_count(page), 0);
}

/* A page freed in a bad state is reported with its dump and not reused. */
static void check_bad_free(struct ktest *test, void (*spoil)(struct page *),
			   void (*repair)(struct page *), const char *reason)
{
	struct page *page = pa_alloc(test, GFP_KERNEL, 0);

	spoil(page);
	__free_page(page);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "BUG: Bad page state in process"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, reason));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "page dumped because"));
	drain_all_pages(NULL);
	KTEST_EXPECT_FALSE(test, PageBuddy(page));
	KTEST_EXPECT_EQ(test, nr_free_pages(), pa_baseline - 1);
	/* Repair it and give it back, so the baseline holds. */
	repair(page);
	set_page_count(page, 1);
	__free_page(page);
}

static void set_mapcount(struct page *page) { atomic_set(&page->_mapcount, 0); }
static void clear_mapcount(struct page *page) { atomic_set(&page->_mapcount, -1); }
static void set_mapping(struct page *page) { page->mapping = (void *)page; }
static void clear_mapping(struct page *page) { page->mapping = NULL; }
static void set_reserved(struct page *page) { SetPageReserved(page); }
static void clear_reserved(struct page *page) { ClearPageReserved(page); }
static void set_slab(struct page *page) { __SetPageSlab(page); }
static void clear_slab(struct page *page) { __ClearPageSlab(page); }

static void free_of_a_mapped_page_is_a_bad_page(struct ktest *test)
{
	check_bad_free(test, set_mapcount, clear_mapcount, "nonzero mapcount");
}

static void free_with_a_mapping_is_a_bad_page(struct ktest *test)
{
	check_bad_free(test, set_mapping, clear_mapping, "non-NULL mapping");
}

static void free_of_a_reserved_page_is_a_bad_page(struct ktest *test)
{
	check_bad_free(test, set_reserved, clear_reserved,
		       "PAGE_FLAGS_CHECK_AT_FREE flag(s) set");
}

static void free_of_a_slab_page_is_a_bad_page(struct ktest *test)
{
	check_bad_free(test, set_slab, clear_slab, "flags: 0x");
}

static void corrupted_tail_of_a_compound_page_is_reported(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL | __GFP_COMP, 1);

	page[1].compound_head = (unsigned long)(page + 7) | 1;
	__free_pages(page, 1);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "compound_head not consistent"));
	drain_all_pages(NULL);
	KTEST_EXPECT_FALSE(test, PageBuddy(page));
	/* The prepare step cleaned the tail: give the pair back. */
	set_page_count(page, 1);
	__free_pages(page, 1);
}

static void free_of_a_pinned_folio_is_reported(struct ktest *test)
{
	struct page *page = pa_alloc(test, GFP_KERNEL | __GFP_COMP, 1);

	atomic_set(&page_folio(page)->_pincount, 1);
	__free_pages(page, 1);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "nonzero pincount"));
	drain_all_pages(NULL);
	KTEST_EXPECT_FALSE(test, PageBuddy(page));
	/* The prepare step cleaned the tail: give the pair back. */
	set_page_count(page, 1);
	__free_pages(page, 1);
}

/* ---- hardening options -------------------------------------------------- */

static void init_on_alloc_zeroes_every_allocation(struct ktest *test)
{
	struct page *page;

	if (!init_on_alloc)
		KTEST_SKIP(test, "boot with init_on_alloc=1");
	page = pa_alloc(test, GFP_KERNEL, 0);
	memset(page_address(page), 0x33, PAGE_SIZE);
	__free_page(page);
	page = pa_alloc(test, GFP_KERNEL, 0);
	KTEST_EXPECT_TRUE(test, range_is(page_address(page), 0, PAGE_SIZE));
	__free_page(page);
}

static void init_on_free_zeroes_freed_pages(struct ktest *test)
{
	struct page *page;

	if (!init_on_free || page_poisoning_enabled || debug_pagealloc_enabled)
		KTEST_SKIP(test, "boot with init_on_free=1 (without page_poison, debug_pagealloc)");
	page = pa_alloc(test, GFP_KERNEL, 1);
	memset(page_address(page), 0x44, 2 * PAGE_SIZE);
	__free_pages(page, 1);
	KTEST_EXPECT_TRUE(test, range_is(page_address(page), 0, 2 * PAGE_SIZE));
}

static void page_poison_fills_free_pages(struct ktest *test)
{
	struct page *page;

	if (!page_poisoning_enabled || debug_pagealloc_enabled)
		KTEST_SKIP(test, "boot with page_poison=1 (without debug_pagealloc)");
	page = pa_alloc(test, GFP_KERNEL, 0);
	memset(page_address(page), 0, PAGE_SIZE);
	__free_page(page);
	KTEST_EXPECT_TRUE(test, range_is(page_address(page), PAGE_POISON, PAGE_SIZE));
}

static void page_poison_reports_a_write_after_free(struct ktest *test)
{
	struct page *page, *again;
	u8 *p;

	if (!page_poisoning_enabled || debug_pagealloc_enabled)
		KTEST_SKIP(test, "boot with page_poison=1 (without debug_pagealloc)");
	page = pa_alloc(test, GFP_KERNEL, 0);
	__free_page(page);
	p = page_address(page);
	p[100] = 0x12;		/* the use after free */
	p[101] = 0x34;
	again = pa_alloc(test, GFP_KERNEL, 0);
	KTEST_EXPECT_PTR_EQ(test, again, page);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "pagealloc: memory corruption"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, ": 12 34"));
	__free_page(again);
}

static void page_poison_tells_a_single_bit_error(struct ktest *test)
{
	struct page *page, *again;

	if (!page_poisoning_enabled || debug_pagealloc_enabled)
		KTEST_SKIP(test, "boot with page_poison=1 (without debug_pagealloc)");
	page = pa_alloc(test, GFP_KERNEL, 0);
	__free_page(page);
	((u8 *)page_address(page))[7] ^= 0x02;
	again = pa_alloc(test, GFP_KERNEL, 0);
	KTEST_EXPECT_PTR_EQ(test, again, page);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "pagealloc: single bit error"));
	__free_page(again);
}

/* ---- fault injection ---------------------------------------------------- */

/* Run with fail_page_alloc set as given, restoring it after. */
struct fail_setting {
	unsigned long probability, interval;
	int times;
	long space;
	unsigned int min_order;
	bool ignore_gfp_wait, ignore_gfp_nowarn;
};

static struct fail_page_alloc_attr saved_fail;
static bool saved_enabled;

static void fail_set(const struct fail_setting *s)
{
	saved_fail = fail_page_alloc;
	saved_enabled = fail_page_alloc_enabled;
	fail_page_alloc.attr.probability = s->probability;
	fail_page_alloc.attr.interval = s->interval;
	fail_page_alloc.attr.times = s->times;
	fail_page_alloc.attr.space = s->space;
	fail_page_alloc.min_order = s->min_order;
	fail_page_alloc.ignore_gfp_wait = s->ignore_gfp_wait;
	fail_page_alloc.ignore_gfp_nowarn = s->ignore_gfp_nowarn;
	fail_page_alloc.attr.count = 0;
	fail_page_alloc.attr.failures = 0;
	/* A fresh report budget: under fail_page_alloc= the boot's own may be spent. */
	ratelimit_state_reset_interval(&fail_page_alloc.attr.ratelimit_state,
				       DEFAULT_RATELIMIT_INTERVAL);
	fail_page_alloc_enabled = true;
}

static void fail_restore(void)
{
	fail_page_alloc = saved_fail;
	fail_page_alloc_enabled = saved_enabled;
}

static unsigned int count_failures(gfp_t gfp, unsigned int order, unsigned int n)
{
	unsigned int i, failed = 0;

	for (i = 0; i < n; i++) {
		struct page *page = alloc_pages(gfp, order);

		if (page)
			__free_pages(page, order);
		else
			failed++;
	}
	return failed;
}

static void fail_page_alloc_fails_times_then_stops(struct ktest *test)
{
	const struct fail_setting s = { .probability = 100, .interval = 1, .times = 3 };

	fail_set(&s);
	KTEST_EXPECT_EQ(test, count_failures(GFP_KERNEL, 0, 10), 3u);
	KTEST_EXPECT_EQ(test, fail_page_alloc.attr.failures, 3UL);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "FAULT_INJECTION: forcing a failure."));
	fail_restore();
}

static void fail_page_alloc_honours_min_order_and_nofail(struct ktest *test)
{
	const struct fail_setting s = { .probability = 100, .interval = 1, .times = -1,
					 .min_order = 2 };

	fail_set(&s);
	KTEST_EXPECT_EQ(test, count_failures(GFP_KERNEL, 1, 5), 0u);
	KTEST_EXPECT_EQ(test, count_failures(GFP_KERNEL | __GFP_NOWARN, 2, 5), 5u);
	KTEST_EXPECT_EQ(test, count_failures(GFP_KERNEL | __GFP_NOFAIL, 3, 5), 0u);
	fail_restore();
}

static void fail_page_alloc_honours_interval_and_space(struct ktest *test)
{
	const struct fail_setting every3 = { .probability = 100, .interval = 3, .times = -1 };
	const struct fail_setting space = { .probability = 100, .interval = 1, .times = -1,
					    .space = 4 * PAGE_SIZE };

	fail_set(&every3);
	KTEST_EXPECT_EQ(test, count_failures(GFP_KERNEL | __GFP_NOWARN, 0, 9), 3u);
	fail_restore();
	fail_set(&space);
	/* Linux: a request passes while space is strictly larger than it. */
	KTEST_EXPECT_EQ(test, count_failures(GFP_KERNEL | __GFP_NOWARN, 0, 8), 5u);
	fail_restore();
}

static void fail_page_alloc_ignores_what_it_is_told_to(struct ktest *test)
{
	const struct fail_setting s = { .probability = 100, .interval = 1, .times = -1,
					 .ignore_gfp_wait = true, .ignore_gfp_nowarn = true };

	fail_set(&s);
	KTEST_EXPECT_EQ(test, count_failures(GFP_KERNEL, 0, 4), 0u);
	KTEST_EXPECT_EQ(test, count_failures(GFP_NOWAIT | __GFP_NOWARN, 0, 4), 0u);
	KTEST_EXPECT_EQ(test, count_failures(GFP_ATOMIC, 0, 4), 4u);
	fail_restore();
}

static void fail_page_alloc_probability_is_about_right(struct ktest *test)
{
	const struct fail_setting s = { .probability = 30, .interval = 1, .times = -1 };
	unsigned int failed;

	fail_set(&s);
	failed = count_failures(GFP_KERNEL | __GFP_NOWARN, 0, 1000);
	KTEST_EXPECT_GT(test, failed, 200u);
	KTEST_EXPECT_LT(test, failed, 400u);
	fail_restore();
}

/* ---- torture ------------------------------------------------------------ */

static u64 torture_rand(u64 *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

/* A pattern no other page has: its pfn and offset. */
static void fill_pattern(struct page *page, unsigned int order)
{
	unsigned long i, n = (PAGE_SIZE << order) / sizeof(unsigned long);
	unsigned long *p = page_address(page), pfn = page_to_pfn(page);

	for (i = 0; i < n; i++)
		p[i] = (pfn << 20) ^ i ^ 0x5555aaaa5555aaaaUL;
}

static bool check_pattern(struct page *page, unsigned int order)
{
	unsigned long i, n = (PAGE_SIZE << order) / sizeof(unsigned long);
	unsigned long *p = page_address(page), pfn = page_to_pfn(page);

	for (i = 0; i < n; i++)
		if (p[i] != ((pfn << 20) ^ i ^ 0x5555aaaa5555aaaaUL))
			return false;
	return true;
}

static const gfp_t torture_gfps[] = {
	GFP_KERNEL, GFP_KERNEL | __GFP_MOVABLE, GFP_KERNEL | __GFP_RECLAIMABLE,
	GFP_ATOMIC, GFP_NOWAIT, GFP_KERNEL | GFP_DMA32, GFP_HIGHUSER_MOVABLE,
	GFP_KERNEL | __GFP_COMP, GFP_NOIO, GFP_NOFS,
};

/*
 * Random orders and GFP masks; every byte handed out carries a pattern that
 * must be intact when it is freed. Failures (fault injection, a small
 * machine) are allowed; nothing may be lost.
 */
static void torture(struct ktest *test, unsigned int rounds)
{
	enum { SLOTS = 256 };
	struct page **slot = pa_array(test, 1);
	u8 orders[SLOTS] = { 0 };
	u64 rnd = 0x2545f4914f6cdd1dULL;
	unsigned int i, bad = 0, served = 0;

	memset(slot, 0, SLOTS * sizeof(*slot));
	for (i = 0; i < rounds; i++) {
		unsigned int s = torture_rand(&rnd) % SLOTS;

		if (slot[s]) {
			bad += !check_pattern(slot[s], orders[s]);
			__free_pages(slot[s], orders[s]);
			slot[s] = NULL;
			continue;
		}
		orders[s] = torture_rand(&rnd) % 6;
		slot[s] = alloc_pages(torture_gfps[torture_rand(&rnd) % ARRAY_SIZE(torture_gfps)] |
				      __GFP_NOWARN, orders[s]);
		if (slot[s]) {
			fill_pattern(slot[s], orders[s]);
			served++;
		}
	}
	for (i = 0; i < SLOTS; i++) {
		if (!slot[i])
			continue;
		bad += !check_pattern(slot[i], orders[i]);
		__free_pages(slot[i], orders[i]);
	}
	free_pages((unsigned long)slot, 1);
	KTEST_EXPECT_EQ(test, bad, 0u);
	KTEST_EXPECT_GT(test, served, 0u);
	drain_all_pages(NULL);
	KTEST_EXPECT_TRUE(test, free_area_check());
}

static void torture_keeps_every_byte(struct ktest *test)
{
	torture(test, 20000);
}

static void torture_survives_injected_failures(struct ktest *test)
{
	const struct fail_setting s = { .probability = 25, .interval = 1, .times = -1 };

	fail_set(&s);
	torture(test, 5000);
	KTEST_EXPECT_GT(test, fail_page_alloc.attr.failures, 0UL);
	fail_restore();
}

static struct ktest_case page_alloc_cases[] = {
	KTEST_CASE(gfp_composites_have_linux_values),
	KTEST_CASE(gfp_zone_follows_the_zone_modifiers),
	KTEST_CASE(gfp_migratetype_follows_mobility),
	KTEST_CASE(gfp_names_print_composites_first),
	KTEST_CASE(alloc_page_returns_a_referenced_page),
	KTEST_CASE(every_order_is_naturally_aligned),
	KTEST_CASE(order_max_is_refused_with_a_warning),
	KTEST_CASE(freeing_restores_nr_free_pages),
	KTEST_CASE(get_free_pages_returns_a_direct_map_address),
	KTEST_CASE(get_zeroed_page_is_zeroed),
	KTEST_CASE(gfp_zero_zeroes_every_page_of_the_block),
	KTEST_CASE(freed_page_is_reused_hot),
	KTEST_CASE(page_address_and_virt_to_page_round_trip),
	KTEST_CASE(zonelist_is_populated_zones_highest_first),
	KTEST_CASE(gfp_kernel_comes_from_the_highest_kernel_zone),
	KTEST_CASE(gfp_dma_comes_from_zone_dma),
	KTEST_CASE(gfp_dma32_stays_below_4g),
	KTEST_CASE(movable_zone_serves_only_highuser_movable),
	KTEST_CASE(allocations_count_into_their_zones_pgalloc),
	KTEST_CASE(free_block_head_is_buddy_with_its_order),
	KTEST_CASE(freed_pages_merge_back_into_the_whole_block),
	KTEST_CASE(partial_frees_merge_into_aligned_blocks),
	KTEST_CASE(free_area_counts_match_after_churn),
	KTEST_CASE(pageblock_migratetype_reads_back),
	KTEST_CASE(pageblock_migratetype_leaves_its_neighbours),
	KTEST_CASE(unmovable_allocations_claim_their_pageblock),
	KTEST_CASE(reclaimable_allocations_claim_their_pageblock),
	KTEST_CASE(movable_allocations_come_from_movable_pageblocks),
	KTEST_CASE(large_fallback_converts_the_whole_block),
	KTEST_CASE(every_other_page_free_leaves_only_order_zero),
	KTEST_CASE(movable_churn_keeps_unmovable_high_orders),
	KTEST_CASE(min_free_kbytes_follows_linux),
	KTEST_CASE(watermarks_are_ordered_and_add_up),
	KTEST_CASE(lowmem_reserve_follows_the_ratio),
	KTEST_CASE(watermark_check_honours_reserves_and_flags),
	KTEST_CASE(lower_zone_keeps_its_reserve_from_higher_requests),
	KTEST_CASE(pcp_batch_and_high_follow_zone_size),
	KTEST_CASE(freed_pages_wait_on_the_cpu_list),
	KTEST_CASE(order3_uses_the_cpu_lists_and_order4_does_not),
	KTEST_CASE(cpu_list_drains_above_high),
	KTEST_CASE(drain_all_pages_empties_every_cpu),
	KTEST_CASE(refill_takes_a_batch),
	KTEST_CASE(bulk_fills_only_the_empty_slots),
	KTEST_CASE(alloc_pages_exact_gives_back_the_tail),
	KTEST_CASE(split_page_gives_independent_pages),
	KTEST_CASE(get_page_and_put_page_count_references),
	KTEST_CASE(page_ref_helpers_follow_linux),
	KTEST_CASE(free_with_a_held_head_frees_the_rest),
	KTEST_CASE(gfp_comp_makes_a_compound_page),
	KTEST_CASE(folio_alloc_knows_its_size),
	KTEST_CASE(put_page_on_a_tail_releases_the_whole_folio),
	KTEST_CASE(freed_compound_pages_come_back_plain),
	KTEST_CASE(nr_free_pages_is_the_sum_of_the_zones),
	KTEST_CASE(si_meminfo_reports_pages),
	KTEST_CASE(meminfo_prints_proc_meminfo_lines),
	KTEST_CASE(buddyinfo_prints_a_row_per_zone),
	KTEST_CASE(pagetypeinfo_prints_both_tables),
	KTEST_CASE(zoneinfo_prints_watermarks_and_pagesets),
	KTEST_CASE(vmstat_prints_counters_and_events),
	KTEST_CASE(show_mem_prints_zones_and_free_areas),
	KTEST_CASE(exhaustion_fails_cleanly_and_reports),
	KTEST_CASE(exhaustion_leaves_reserves_for_atomic_and_nofail),
	KTEST_CASE(exhausted_higher_zone_falls_back_to_lower),
	KTEST_CASE(allocstall_counts_slow_path_entries),
	KTEST_CASE(double_free_is_reported_and_harmless),
	KTEST_CASE(free_of_a_mapped_page_is_a_bad_page),
	KTEST_CASE(free_with_a_mapping_is_a_bad_page),
	KTEST_CASE(free_of_a_reserved_page_is_a_bad_page),
	KTEST_CASE(free_of_a_slab_page_is_a_bad_page),
	KTEST_CASE(corrupted_tail_of_a_compound_page_is_reported),
	KTEST_CASE(free_of_a_pinned_folio_is_reported),
	KTEST_CASE(init_on_alloc_zeroes_every_allocation),
	KTEST_CASE(init_on_free_zeroes_freed_pages),
	KTEST_CASE(page_poison_fills_free_pages),
	KTEST_CASE(page_poison_reports_a_write_after_free),
	KTEST_CASE(page_poison_tells_a_single_bit_error),
	KTEST_CASE(fail_page_alloc_fails_times_then_stops),
	KTEST_CASE(fail_page_alloc_honours_min_order_and_nofail),
	KTEST_CASE(fail_page_alloc_honours_interval_and_space),
	KTEST_CASE(fail_page_alloc_ignores_what_it_is_told_to),
	KTEST_CASE(fail_page_alloc_probability_is_about_right),
	KTEST_CASE(torture_keeps_every_byte),
	KTEST_CASE(torture_survives_injected_failures),
	{}
};

static struct ktest_suite page_alloc_suite = {
	.name = "page_alloc",
	.init = page_alloc_test_init,
	.exit = page_alloc_test_exit,
	.test_cases = page_alloc_cases,
};
ktest_register_suite(page_alloc_suite);

/* ---- benchmarks (Documentation/benchmarks.md) -------------------------- */

/* MemFree x 1000 / usable RAM of the e820 map, before any loop ran. */
static void bench_memfree(void)
{
	unsigned long usable = 0;
	u32 i;

	for (i = 0; i < e820_table->nr_entries; i++)
		if (e820_table->entries[i].type == E820_TYPE_RAM)
			usable += e820_table->entries[i].size;
	bench_report("memfree_permille", (u64)nr_free_pages() * PAGE_SIZE * 1000 / usable, 1);
}

static void bench_page_pair(unsigned int order, const char *name)
{
	unsigned long n = 200000UL >> order, i;
	u64 t0 = bench_now();

	for (i = 0; i < n; i++) {
		struct page *page = alloc_pages(GFP_KERNEL, order);

		bench_hide(page);
		__free_pages(page, order);
	}
	bench_report(name, bench_now() - t0, n);
}

static void bench_page_batch(unsigned int order, unsigned int batch, unsigned int rounds,
			     const char *name)
{
	struct page **pages = (struct page **)__get_free_pages(GFP_KERNEL, 1);
	unsigned int r, i;
	u64 t0;

	t0 = bench_now();
	for (r = 0; r < rounds; r++) {
		for (i = 0; i < batch; i++)
			pages[i] = alloc_pages(GFP_KERNEL, order);
		for (i = 0; i < batch; i++)
			__free_pages(pages[i], order);
	}
	bench_report(name, bench_now() - t0, (u64)rounds * batch);
	free_pages((unsigned long)pages, 1);
}

/* One entry, so that memfree_permille is measured before the loops run. */
static void bench_page_alloc(void)
{
	bench_memfree();
	bench_page_pair(0, "page_pair_order0");
	bench_page_pair(3, "page_pair_order3");
	bench_page_pair(9, "page_pair_order9");
	bench_page_batch(0, 1000, 50, "page_batch1000_order0");
	bench_page_batch(3, 256, 20, "page_batch256_order3");
	bench_page_batch(9, 16, 20, "page_batch16_order9");
}
BENCH(page_alloc, bench_page_alloc);
