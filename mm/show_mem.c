// SPDX-License-Identifier: GPL-2.0
/*
 * The page allocator describing and checking itself.
 *
 * show_mem(): the memory report printed after an allocation failure (and,
 * later, by the OOM killer), in the layout of Linux's __show_free_areas():
 * global counters, each zone's free pages and watermarks, its reserves,
 * its free blocks per order with their migratetypes, and the totals.
 *
 * warn_alloc(): the failure report itself ("COMM: page allocation
 * failure: ...", the stack, show_mem()), rate-limited as Linux's.
 *
 * free_area_check(): the buddy invariants listed at the top of
 * mm/page_alloc.c, walked under each zone->lock; the tests run it after
 * every case.
 */
#include <linux/mm.h>
#include <linux/vmstat.h>
#include <linux/printk.h>
#include <linux/sprintf.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/ratelimit.h>
#include <asm/stacktrace.h>
#include "internal.h"

#define K(pages)	((pages) << (PAGE_SHIFT - 10))

static unsigned long zone_pcp_pages(const struct zone *zone)
{
	unsigned long sum = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		sum += (unsigned long)READ_ONCE(zone->per_cpu_pageset[cpu].count);
	return sum;
}

static void show_zone(struct zone *zone)
{
	char reserve[64];
	int len = 0, i;

	pr_info("Node %d %s free:%lukB boost:0kB min:%lukB low:%lukB high:%lukB "
		"reserved_highatomic:%luKB active_anon:0kB inactive_anon:0kB "
		"active_file:0kB inactive_file:0kB unevictable:0kB writepending:0kB "
		"present:%lukB managed:%lukB mlocked:0kB bounce:0kB free_pcp:%lukB "
		"local_pcp:%lukB free_cma:0kB\n", zone->node, zone->name,
		K(zone_page_state(zone, NR_FREE_PAGES)), K(min_wmark_pages(zone)),
		K(low_wmark_pages(zone)), K(high_wmark_pages(zone)),
		K(zone->nr_reserved_highatomic), K(zone->present_pages),
		K(zone_managed_pages(zone)), K(zone_pcp_pages(zone)),
		K((unsigned long)zone->per_cpu_pageset[smp_processor_id()].count));
	for (i = 0; i < MAX_NR_ZONES; i++)
		len += scnprintf(reserve + len, sizeof(reserve) - len, " %ld",
				 zone->lowmem_reserve[i]);
	pr_info("lowmem_reserve[]:%s\n", reserve);
}

/* "Node 0 DMA32: 3*4kB (UM) 1*8kB (M) ... = 1234kB", Linux's letters. */
static void show_zone_free_areas(struct zone *zone)
{
	static const char letters[MIGRATE_TYPES] = { 'U', 'M', 'E', 'H', 'I' };
	char line[640];
	unsigned long total = 0, flags;
	unsigned int order;
	int len;

	len = scnprintf(line, sizeof(line), "Node %d %s:", zone->node, zone->name);
	spin_lock_irqsave(&zone->lock, flags);
	for (order = 0; order < MAX_ORDER; order++) {
		const struct free_area *area = &zone->free_area[order];
		char types[MIGRATE_TYPES + 1];
		int n = 0, mt;

		for (mt = 0; mt < MIGRATE_TYPES; mt++)
			if (!free_area_empty(area, mt))
				types[n++] = letters[mt];
		types[n] = '\0';
		total += area->nr_free << order;
		len += scnprintf(line + len, sizeof(line) - len, " %lu*%lukB", area->nr_free,
				 K(1UL << order));
		if (n)
			len += scnprintf(line + len, sizeof(line) - len, " (%s)", types);
	}
	spin_unlock_irqrestore(&zone->lock, flags);
	pr_info("%s = %lukB\n", line, K(total));
}

void show_mem(void)
{
	unsigned long free_pcp = 0, present = 0, managed = 0;
	struct zone *zone;

	for_each_populated_zone(zone) {
		free_pcp += zone_pcp_pages(zone);
		present += zone->present_pages;
		managed += zone_managed_pages(zone);
	}
	pr_info("Mem-Info:\n");
	pr_info("active_anon:0 inactive_anon:0 isolated_anon:0\n");
	pr_info(" active_file:0 inactive_file:0 isolated_file:0\n");
	pr_info(" unevictable:0 dirty:0 writeback:0\n");
	pr_info(" free:%lu free_pcp:%lu free_cma:0\n", nr_free_pages(), free_pcp);
	for_each_populated_zone(zone)
		show_zone(zone);
	for_each_populated_zone(zone)
		show_zone_free_areas(zone);
	pr_info("0 total pagecache pages\n");
	pr_info("%lu pages RAM\n", present);
	pr_info("0 pages HighMem/MovableOnly\n");
	pr_info("%lu pages reserved\n", present - managed);
}

/* ---- allocation failure reports ------------------------------------------ */

/* Linux's nopage_rs: at most 10 failure reports in 5 seconds. */
static DEFINE_RATELIMIT_STATE(nopage_rs, DEFAULT_RATELIMIT_INTERVAL, DEFAULT_RATELIMIT_BURST);

void warn_alloc_ratelimit_reset(void)
{
	ratelimit_state_reset_interval(&nopage_rs, DEFAULT_RATELIMIT_INTERVAL);
}

void warn_alloc(gfp_t gfp, const char *fmt, ...)
{
	char flags[256], what[128];
	va_list args;

	if ((gfp & __GFP_NOWARN) || !__ratelimit(&nopage_rs))
		return;
	va_start(args, fmt);
	vsnprintf(what, sizeof(what), fmt, args);
	va_end(args);
	format_gfp_flags(flags, sizeof(flags), gfp);
	pr_warn("%s: %s, mode:%#x(%s), nodemask=(null)\n", current->comm, what, gfp, flags);
	dump_stack();
	show_mem();
}

/* ---- the invariant checker ----------------------------------------------- */

static bool zone_free_area_check(struct zone *zone)
{
	unsigned long free = 0, flags;
	const char *err = NULL;
	struct page *bad = NULL;
	unsigned int order;
	int mt;

	spin_lock_irqsave(&zone->lock, flags);
	for (order = 0; order < MAX_ORDER && !err; order++) {
		const struct free_area *area = &zone->free_area[order];
		unsigned long blocks = 0;

		for (mt = 0; mt < MIGRATE_TYPES && !err; mt++) {
			struct page *page;

			list_for_each_entry(page, &area->free_list[mt], lru) {
				unsigned long pfn = page_to_pfn(page);

				bad = page;
				if (!PageBuddy(page))
					err = "page on a free list is not PageBuddy";
				else if (buddy_order(page) != order)
					err = "buddy order differs from the list's";
				else if (pfn & ((1UL << order) - 1))
					err = "free block not aligned to its order";
				else if (page_zone(page) != zone || !zone_spans_pfn(zone, pfn) ||
					 !zone_spans_pfn(zone, pfn + (1UL << order) - 1))
					err = "free block outside its zone";
				else if (page_ref_count(page))
					err = "free block with a nonzero _refcount";
				else if (order && PageBuddy(page + (1UL << order) - 1))
					err = "PageBuddy inside a free block";
				if (err)
					break;
				blocks++;
				free += 1UL << order;
			}
		}
		if (!err && blocks != area->nr_free) {
			err = "nr_free differs from the blocks on the lists";
			bad = NULL;
		}
	}
	if (!err && free != zone_page_state(zone, NR_FREE_PAGES)) {
		err = "NR_FREE_PAGES differs from the free blocks";
		bad = NULL;
	}
	spin_unlock_irqrestore(&zone->lock, flags);
	if (!err)
		return true;
	pr_err("free_area_check: zone %s: %s (order %u)\n", zone->name, err, order - 1);
	if (bad)
		dump_page(bad, err);
	return false;
}

bool free_area_check(void)
{
	struct zone *zone;
	bool ok = true;

	for_each_populated_zone(zone)
		ok &= zone_free_area_check(zone);
	return ok;
}
