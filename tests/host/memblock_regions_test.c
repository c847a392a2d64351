// SPDX-License-Identifier: GPL-2.0
/*
 * memblock host tests (see memblock_helpers.h): adding, removing,
 * reserving and freeing ranges; trimming, flags and nodes; the queries.
 */
#include "htest.h"
#include "memblock_helpers.h"
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/pfn.h>
#include <linux/printk.h>

/* ---- memblock_add / memblock_add_node ----------------------------------- */

HTEST(memblock_add_first_region)
{
	reset();
	HT_ASSERT_EQ(memblock_add(0x100000, 0x200000), 0);
	EXPECT_TOTALS(1, 0x200000, 0, 0);
	EXPECT_RGN(memory, 0, 0x100000, 0x200000);
	HT_EXPECT_EQ(memblock.memory.regions[0].nid, NUMA_NO_NODE);
	HT_EXPECT_EQ((int)memblock.memory.regions[0].flags, (int)MEMBLOCK_NONE);
	lists_ok();
}

HTEST(memblock_add_adjacent_below_merges)
{
	reset();
	memblock_add(0x200000, 0x100000);
	memblock_add(0x100000, 0x100000);
	EXPECT_TOTALS(1, 0x200000, 0, 0);
	EXPECT_RGN(memory, 0, 0x100000, 0x200000);
	lists_ok();
}

HTEST(memblock_add_adjacent_above_merges)
{
	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add(0x200000, 0x300000);
	EXPECT_TOTALS(1, 0x400000, 0, 0);
	EXPECT_RGN(memory, 0, 0x100000, 0x400000);
	lists_ok();
}

HTEST(memblock_add_overlapping_merges)
{
	reset();
	memblock_add(0x100000, 0x200000);
	memblock_add(0x280000, 0x200000);
	EXPECT_TOTALS(1, 0x380000, 0, 0);
	EXPECT_RGN(memory, 0, 0x100000, 0x380000);
	/* Overlapping from below too. */
	memblock_add(0x80000, 0x100000);
	EXPECT_TOTALS(1, 0x400000, 0, 0);
	EXPECT_RGN(memory, 0, 0x80000, 0x400000);
	lists_ok();
}

HTEST(memblock_add_disjoint_stays_sorted)
{
	reset();
	memblock_add(0x800000, 0x1000);
	memblock_add(0x100000, 0x1000);
	memblock_add(0x400000, 0x1000);
	EXPECT_TOTALS(3, 0x3000, 0, 0);
	EXPECT_RGN(memory, 0, 0x100000, 0x1000);
	EXPECT_RGN(memory, 1, 0x400000, 0x1000);
	EXPECT_RGN(memory, 2, 0x800000, 0x1000);
	lists_ok();
}

HTEST(memblock_add_bridge_merges_three_regions)
{
	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add(0x300000, 0x100000);
	EXPECT_TOTALS(2, 0x200000, 0, 0);
	memblock_add(0x180000, 0x200000);
	EXPECT_TOTALS(1, 0x300000, 0, 0);
	EXPECT_RGN(memory, 0, 0x100000, 0x300000);
	lists_ok();
}

HTEST(memblock_add_exact_bridge_merges_three_regions)
{
	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add(0x300000, 0x100000);
	memblock_add(0x200000, 0x100000);
	EXPECT_TOTALS(1, 0x300000, 0, 0);
	EXPECT_RGN(memory, 0, 0x100000, 0x300000);
	lists_ok();
}

HTEST(memblock_add_contained_range_changes_nothing)
{
	reset();
	memblock_add(0x100000, 0x400000);
	snapshot();
	HT_EXPECT_EQ(memblock_add(0x200000, 0x1000), 0);
	HT_EXPECT_EQ(memblock_add(0x100000, 0x400000), 0);
	unchanged();
}

HTEST(memblock_add_covering_range_swallows_several)
{
	reset();
	memblock_add(0x200000, 0x1000);
	memblock_add(0x300000, 0x1000);
	memblock_add(0x400000, 0x1000);
	memblock_add(0x100000, 0x800000);
	EXPECT_TOTALS(1, 0x800000, 0, 0);
	EXPECT_RGN(memory, 0, 0x100000, 0x800000);
	lists_ok();
}

HTEST(memblock_add_zero_size_is_a_no_op)
{
	reset();
	HT_EXPECT_EQ(memblock_add(0x100000, 0), 0);
	EXPECT_TOTALS(0, 0, 0, 0);
	memblock_add(0x100000, 0x1000);
	snapshot();
	HT_EXPECT_EQ(memblock_add(0x101000, 0), 0);
	HT_EXPECT_EQ(memblock_add_node(0x400000, 0, 0, MEMBLOCK_HOTPLUG), 0);
	HT_EXPECT_EQ(memblock_reserve(0x100000, 0), 0);
	unchanged();
}

HTEST(memblock_add_size_past_the_top_is_capped)
{
	reset();
	HT_EXPECT_EQ(memblock_add(PHYS_ADDR_MAX - 0xfff, 0x10000), 0);
	EXPECT_TOTALS(1, 0xfff, 0, 0);
	EXPECT_RGN(memory, 0, PHYS_ADDR_MAX - 0xfff, 0xfff);
	/* [PHYS_ADDR_MAX, +n) caps to nothing: the last byte has no region. */
	HT_EXPECT_EQ(memblock_add(PHYS_ADDR_MAX, 0x1000), 0);
	HT_EXPECT_EQ(memblock_add(0x100000, PHYS_ADDR_MAX), 0);
	EXPECT_TOTALS(1, PHYS_ADDR_MAX - 0x100000, 0, 0);
	EXPECT_RGN(memory, 0, 0x100000, PHYS_ADDR_MAX - 0x100000);
	lists_ok();
}

HTEST(memblock_add_node_other_nid_does_not_merge)
{
	reset();
	memblock_add_node(0x100000, 0x100000, 0, MEMBLOCK_NONE);
	memblock_add_node(0x200000, 0x100000, 1, MEMBLOCK_NONE);
	EXPECT_TOTALS(2, 0x200000, 0, 0);
	HT_EXPECT_EQ(memblock.memory.regions[0].nid, 0);
	HT_EXPECT_EQ(memblock.memory.regions[1].nid, 1);
	/* Nor with memory of no node. */
	memblock_add(0x300000, 0x100000);
	EXPECT_TOTALS(3, 0x300000, 0, 0);
	lists_ok();
}

HTEST(memblock_add_node_same_nid_and_flags_merge)
{
	reset();
	memblock_add_node(0x200000, 0x100000, 0, MEMBLOCK_HOTPLUG);
	memblock_add_node(0x100000, 0x100000, 0, MEMBLOCK_HOTPLUG);
	EXPECT_TOTALS(1, 0x200000, 0, 0);
	EXPECT_RGN(memory, 0, 0x100000, 0x200000);
	HT_EXPECT_EQ(memblock.memory.regions[0].nid, 0);
	HT_EXPECT_EQ((int)memblock.memory.regions[0].flags, (int)MEMBLOCK_HOTPLUG);
}

HTEST(memblock_add_node_keeps_what_is_there)
{
	reset();
	memblock_add_node(0x200000, 0x100000, 1, MEMBLOCK_NONE);
	memblock_add_node(0x100000, 0x300000, 0, MEMBLOCK_NONE);
	EXPECT_TOTALS(3, 0x300000, 0, 0);
	EXPECT_RGN(memory, 0, 0x100000, 0x100000);
	EXPECT_RGN(memory, 1, 0x200000, 0x100000);
	EXPECT_RGN(memory, 2, 0x300000, 0x100000);
	HT_EXPECT_EQ(memblock.memory.regions[0].nid, 0);
	HT_EXPECT_EQ(memblock.memory.regions[1].nid, 1);
	HT_EXPECT_EQ(memblock.memory.regions[2].nid, 0);
	lists_ok();
}

HTEST(memblock_add_node_other_flags_do_not_merge)
{
	reset();
	memblock_add_node(0x100000, 0x100000, 0, MEMBLOCK_HOTPLUG);
	memblock_add_node(0x200000, 0x100000, 0, MEMBLOCK_NONE);
	EXPECT_TOTALS(2, 0x200000, 0, 0);
	HT_EXPECT_EQ((int)memblock.memory.regions[0].flags, (int)MEMBLOCK_HOTPLUG);
	HT_EXPECT_EQ((int)memblock.memory.regions[1].flags, (int)MEMBLOCK_NONE);
	lists_ok();
}

HTEST(memblock_add_counts_and_totals_after_every_step)
{
	static const struct { phys_addr_t base, size; unsigned long cnt; phys_addr_t total; }
	steps[] = {
		{ 0x400000, 0x100000, 1, 0x100000 },	/* first */
		{ 0x100000, 0x100000, 2, 0x200000 },	/* below, apart */
		{ 0x700000, 0x080000, 3, 0x280000 },	/* above, apart */
		{ 0x180000, 0x100000, 3, 0x300000 },	/* overlaps the first */
		{ 0x280000, 0x180000, 2, 0x480000 },	/* joins two */
		{ 0x000000, 0x900000, 1, 0x900000 },	/* covers all */
	};
	unsigned int k;

	reset();
	for (k = 0; k < ARRAY_SIZE(steps); k++) {
		HT_EXPECT_EQ(memblock_add(steps[k].base, steps[k].size), 0);
		HT_EXPECT_EQ(memblock.memory.cnt, steps[k].cnt);
		HT_EXPECT_EQ(memblock.memory.total_size, steps[k].total);
		HT_EXPECT_EQ(memblock_phys_mem_size(), steps[k].total);
		lists_ok();
	}
}

/* ---- memblock_remove ---------------------------------------------------- */

HTEST(memblock_remove_middle_splits_the_region)
{
	reset();
	memblock_add(0x100000, 0x300000);
	HT_ASSERT_EQ(memblock_remove(0x200000, 0x100000), 0);
	EXPECT_TOTALS(2, 0x200000, 0, 0);
	EXPECT_RGN(memory, 0, 0x100000, 0x100000);
	EXPECT_RGN(memory, 1, 0x300000, 0x100000);
	lists_ok();
}

HTEST(memblock_remove_head_trims)
{
	reset();
	memblock_add(0x100000, 0x300000);
	HT_EXPECT_EQ(memblock_remove(0x0, 0x180000), 0);
	EXPECT_TOTALS(1, 0x280000, 0, 0);
	EXPECT_RGN(memory, 0, 0x180000, 0x280000);
	lists_ok();
}

HTEST(memblock_remove_tail_trims)
{
	reset();
	memblock_add(0x100000, 0x300000);
	HT_EXPECT_EQ(memblock_remove(0x380000, 0x100000), 0);
	EXPECT_TOTALS(1, 0x280000, 0, 0);
	EXPECT_RGN(memory, 0, 0x100000, 0x280000);
	lists_ok();
}

HTEST(memblock_remove_whole_region)
{
	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add(0x400000, 0x100000);
	memblock_remove(0x100000, 0x100000);
	EXPECT_TOTALS(1, 0x100000, 0, 0);
	EXPECT_RGN(memory, 0, 0x400000, 0x100000);
	memblock_remove(0x400000, 0x100000);
	EXPECT_TOTALS(0, 0, 0, 0);
	/* An empty list has an all-zero regions[0]. */
	EXPECT_RGN(memory, 0, 0, 0);
	HT_EXPECT_EQ(memblock.memory.regions[0].nid, 0);
	lists_ok();
}

HTEST(memblock_remove_across_several_regions)
{
	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add(0x300000, 0x100000);
	memblock_add(0x500000, 0x100000);
	memblock_remove(0x180000, 0x400000);
	EXPECT_TOTALS(2, 0x100000, 0, 0);
	EXPECT_RGN(memory, 0, 0x100000, 0x80000);
	EXPECT_RGN(memory, 1, 0x580000, 0x80000);
	lists_ok();
}

HTEST(memblock_remove_of_absent_range_is_a_no_op)
{
	reset();
	HT_EXPECT_EQ(memblock_remove(0x0, 0x100000), 0);
	EXPECT_TOTALS(0, 0, 0, 0);
	memblock_add(0x100000, 0x100000);
	memblock_add(0x400000, 0x100000);
	snapshot();
	HT_EXPECT_EQ(memblock_remove(0x800000, 0x100000), 0);
	HT_EXPECT_EQ(memblock_remove(0x200000, 0x200000), 0);	/* the gap exactly */
	HT_EXPECT_EQ(memblock_remove(0x100000, 0), 0);
	unchanged();
}

HTEST(memblock_remove_keeps_nid_and_flags_of_the_pieces)
{
	reset();
	memblock_add_node(0x100000, 0x300000, 0, MEMBLOCK_HOTPLUG);
	memblock_remove(0x200000, 0x1000);
	EXPECT_TOTALS(2, 0x2ff000, 0, 0);
	EXPECT_RGN(memory, 0, 0x100000, 0x100000);
	EXPECT_RGN(memory, 1, 0x201000, 0x1ff000);
	HT_EXPECT_EQ(memblock.memory.regions[0].nid, 0);
	HT_EXPECT_EQ(memblock.memory.regions[1].nid, 0);
	HT_EXPECT_EQ((int)memblock.memory.regions[0].flags, (int)MEMBLOCK_HOTPLUG);
	HT_EXPECT_EQ((int)memblock.memory.regions[1].flags, (int)MEMBLOCK_HOTPLUG);
	lists_ok();
}

HTEST(memblock_remove_leaves_reservations_alone)
{
	reset();
	memblock_add(0x100000, 0x100000);
	memblock_reserve(0x100000, 0x10000);
	memblock_remove(0x100000, 0x100000);
	EXPECT_TOTALS(0, 0, 1, 0x10000);
	HT_EXPECT_TRUE(memblock_is_reserved(0x100000));
}

/* ---- memblock_reserve / memblock_phys_free / memblock_free -------------- */

HTEST(memblock_reserve_twice_is_one_region)
{
	reset();
	HT_EXPECT_EQ(memblock_reserve(0x100000, 0x2000), 0);
	snapshot();
	HT_EXPECT_EQ(memblock_reserve(0x100000, 0x2000), 0);
	EXPECT_TOTALS(0, 0, 1, 0x2000);
	EXPECT_RGN(reserved, 0, 0x100000, 0x2000);
	unchanged();
}

HTEST(memblock_reserve_overlapping_merges)
{
	reset();
	memblock_reserve(0x100000, 0x2000);
	memblock_reserve(0x101000, 0x2000);
	EXPECT_TOTALS(0, 0, 1, 0x3000);
	EXPECT_RGN(reserved, 0, 0x100000, 0x3000);
	memblock_reserve(0x105000, 0x1000);
	memblock_reserve(0x0ff000, 0x7000);	/* covers both and the gap */
	EXPECT_TOTALS(0, 0, 1, 0x7000);
	EXPECT_RGN(reserved, 0, 0xff000, 0x7000);
	lists_ok();
}

HTEST(memblock_reserve_need_not_be_memory)
{
	reset();
	HT_EXPECT_EQ(memblock_reserve(0x7000000000ULL, 0x1000), 0);
	EXPECT_TOTALS(0, 0, 1, 0x1000);
	HT_EXPECT_TRUE(memblock_is_reserved(0x7000000000ULL));
	HT_EXPECT_FALSE(memblock_is_memory(0x7000000000ULL));
}

HTEST(memblock_phys_free_middle_splits_the_reservation)
{
	reset();
	memblock_reserve(0x100000, 0x10000);
	HT_ASSERT_EQ(memblock_phys_free(0x104000, 0x4000), 0);
	EXPECT_TOTALS(0, 0, 2, 0xc000);
	EXPECT_RGN(reserved, 0, 0x100000, 0x4000);
	EXPECT_RGN(reserved, 1, 0x108000, 0x8000);
	lists_ok();
}

HTEST(memblock_phys_free_edges_trim)
{
	reset();
	memblock_reserve(0x100000, 0x10000);
	HT_EXPECT_EQ(memblock_phys_free(0x10c000, 0x8000), 0);	/* the tail and beyond */
	EXPECT_TOTALS(0, 0, 1, 0xc000);
	EXPECT_RGN(reserved, 0, 0x100000, 0xc000);
	HT_EXPECT_EQ(memblock_phys_free(0xf0000, 0x11000), 0);	/* the head and below */
	EXPECT_TOTALS(0, 0, 1, 0xb000);
	EXPECT_RGN(reserved, 0, 0x101000, 0xb000);
	lists_ok();
}

HTEST(memblock_phys_free_across_several_reservations)
{
	reset();
	memblock_reserve(0x100000, 0x2000);
	memblock_reserve(0x104000, 0x2000);
	memblock_reserve(0x108000, 0x2000);
	memblock_phys_free(0x101000, 0x8000);
	EXPECT_TOTALS(0, 0, 2, 0x2000);
	EXPECT_RGN(reserved, 0, 0x100000, 0x1000);
	EXPECT_RGN(reserved, 1, 0x109000, 0x1000);
	lists_ok();
}

HTEST(memblock_phys_free_of_unreserved_range_is_a_no_op)
{
	reset();
	memblock_reserve(0x100000, 0x1000);
	snapshot();
	HT_EXPECT_EQ(memblock_phys_free(0x200000, 0x1000), 0);
	HT_EXPECT_EQ(memblock_phys_free(0x101000, 0x1000), 0);	/* touching above */
	unchanged();
}

HTEST(memblock_free_ignores_null)
{
	reset();
	memblock_reserve(0, 0x1000);
	memblock_reserve(0x100000, 0x1000);
	snapshot();
	memblock_free(NULL, 0x1000);
	memblock_free(NULL, PHYS_ADDR_MAX);
	unchanged();
}

HTEST(memblock_free_releases_an_allocation)
{
	void *p;

	reset();
	memblock_add(0x100000, 0x400000);
	memblock_reserve(0x100000, 0x1000);
	p = memblock_alloc(0x3000, PAGE_SIZE);
	HT_ASSERT_TRUE(p != NULL);
	HT_EXPECT_EQ(__pa(p), (phys_addr_t)0x4fd000);
	EXPECT_TOTALS(1, 0x400000, 2, 0x4000);
	memblock_free(p, 0x3000);
	EXPECT_TOTALS(1, 0x400000, 1, 0x1000);
	EXPECT_RGN(reserved, 0, 0x100000, 0x1000);
	/* The same memory is handed out again. */
	HT_EXPECT_TRUE(memblock_alloc(0x3000, PAGE_SIZE) == p);
}

HTEST(memblock_free_of_part_of_an_allocation_keeps_the_rest)
{
	u8 *p;

	reset();
	memblock_add(0x100000, 0x400000);
	p = memblock_alloc(0x4000, PAGE_SIZE);
	HT_ASSERT_TRUE(p != NULL);
	memblock_free(p + 0x1000, 0x2000);
	EXPECT_TOTALS(1, 0x400000, 2, 0x2000);
	EXPECT_RGN(reserved, 0, __pa(p), 0x1000);
	EXPECT_RGN(reserved, 1, __pa(p) + 0x3000, 0x1000);
	lists_ok();
}

/* ---- trim, flags, nodes ------------------------------------------------- */

HTEST(memblock_trim_memory_rounds_regions_and_drops_empty_ones)
{
	reset();
	memblock_add(0x100800, 0x300000);
	memblock_add(0x500100, 0x800);		/* no whole page */
	memblock_add(0x600000, 0x2000);
	memblock_trim_memory(PAGE_SIZE);
	EXPECT_TOTALS(2, 0x301000, 0, 0);
	EXPECT_RGN(memory, 0, 0x101000, 0x2ff000);
	EXPECT_RGN(memory, 1, 0x600000, 0x2000);
	lists_ok();
}

HTEST(memblock_trim_memory_to_64k_keeps_nid_flags_and_the_sum)
{
	reset();
	memblock_add_node(0x10800, 0x2f000, 0, MEMBLOCK_HOTPLUG);	/* to [0x20000, 0x30000) */
	memblock_add(0x100000, 0x10000);				/* aligned already */
	memblock_add(0x201000, 0xe000);				/* nothing left */
	memblock_trim_memory(0x10000);
	EXPECT_TOTALS(2, 0x20000, 0, 0);
	EXPECT_RGN(memory, 0, 0x20000, 0x10000);
	EXPECT_RGN(memory, 1, 0x100000, 0x10000);
	HT_EXPECT_EQ(memblock.memory.regions[0].nid, 0);
	HT_EXPECT_EQ((int)memblock.memory.regions[0].flags, (int)MEMBLOCK_HOTPLUG);
	lists_ok();
	/* Trimming again changes nothing. */
	snapshot();
	memblock_trim_memory(0x10000);
	unchanged();
	/* Everything can go. */
	memblock_trim_memory(0x100000);
	EXPECT_TOTALS(0, 0, 0, 0);
}

/* A base in the last page of the address space must not round up to 0. */
HTEST(memblock_trim_memory_drops_a_partial_page_at_the_top)
{
	reset();
	memblock_add(0x100000, 0x1000);
	memblock_add(PHYS_ADDR_MAX - 0x7ff, 0x800);
	HT_ASSERT_EQ(memblock.memory.cnt, 2UL);
	memblock_trim_memory(PAGE_SIZE);
	EXPECT_TOTALS(1, 0x1000, 0, 0);
	EXPECT_RGN(memory, 0, 0x100000, 0x1000);
	lists_ok();
}

HTEST(memblock_mark_hotplug_splits_at_the_edges)
{
	reset();
	memblock_add(0x100000, 0x300000);
	HT_ASSERT_EQ(memblock_mark_hotplug(0x200000, 0x100000), 0);
	EXPECT_TOTALS(3, 0x300000, 0, 0);
	EXPECT_RGN(memory, 0, 0x100000, 0x100000);
	EXPECT_RGN(memory, 1, 0x200000, 0x100000);
	EXPECT_RGN(memory, 2, 0x300000, 0x100000);
	HT_EXPECT_EQ((int)memblock.memory.regions[0].flags, (int)MEMBLOCK_NONE);
	HT_EXPECT_EQ((int)memblock.memory.regions[1].flags, (int)MEMBLOCK_HOTPLUG);
	HT_EXPECT_EQ((int)memblock.memory.regions[2].flags, (int)MEMBLOCK_NONE);
	lists_ok();
}

HTEST(memblock_clear_hotplug_merges_again)
{
	reset();
	memblock_add(0x100000, 0x300000);
	memblock_mark_hotplug(0x200000, 0x100000);
	HT_ASSERT_EQ(memblock_clear_hotplug(0x0, 0x1000000), 0);
	EXPECT_TOTALS(1, 0x300000, 0, 0);
	EXPECT_RGN(memory, 0, 0x100000, 0x300000);
	HT_EXPECT_EQ((int)memblock.memory.regions[0].flags, (int)MEMBLOCK_NONE);
	lists_ok();
}

HTEST(memblock_mark_mirror_splits_and_clear_mirror_merges)
{
	reset();
	memblock_add(0x100000, 0x300000);
	HT_ASSERT_EQ(memblock_mark_mirror(0x100000, 0x80000), 0);	/* the head */
	EXPECT_TOTALS(2, 0x300000, 0, 0);
	EXPECT_RGN(memory, 0, 0x100000, 0x80000);
	HT_EXPECT_EQ((int)memblock.memory.regions[0].flags, (int)MEMBLOCK_MIRROR);
	HT_EXPECT_EQ((int)memblock.memory.regions[1].flags, (int)MEMBLOCK_NONE);
	HT_ASSERT_EQ(memblock_clear_mirror(0x100000, 0x80000), 0);
	EXPECT_TOTALS(1, 0x300000, 0, 0);
	HT_EXPECT_EQ((int)memblock.memory.regions[0].flags, (int)MEMBLOCK_NONE);
	lists_ok();
}

HTEST(memblock_mark_nomap_splits_and_clear_nomap_merges)
{
	reset();
	memblock_add(0x100000, 0x300000);
	HT_ASSERT_EQ(memblock_mark_nomap(0x380000, 0x100000), 0);	/* the tail and beyond */
	EXPECT_TOTALS(2, 0x300000, 0, 0);
	EXPECT_RGN(memory, 0, 0x100000, 0x280000);
	EXPECT_RGN(memory, 1, 0x380000, 0x80000);
	HT_EXPECT_EQ((int)memblock.memory.regions[1].flags, (int)MEMBLOCK_NOMAP);
	HT_ASSERT_EQ(memblock_clear_nomap(0x380000, 0x80000), 0);
	EXPECT_TOTALS(1, 0x300000, 0, 0);
	EXPECT_RGN(memory, 0, 0x100000, 0x300000);
	lists_ok();
}

HTEST(memblock_flags_combine_across_regions_and_skip_the_gaps)
{
	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add(0x300000, 0x100000);
	memblock_mark_hotplug(0x180000, 0x200000);
	EXPECT_TOTALS(4, 0x200000, 0, 0);
	memblock_mark_mirror(0x0, 0x1000000);
	HT_ASSERT_EQ(memblock.memory.cnt, 4UL);
	HT_EXPECT_EQ((int)memblock.memory.regions[0].flags, (int)MEMBLOCK_MIRROR);
	HT_EXPECT_EQ((int)memblock.memory.regions[1].flags,
		     (int)(MEMBLOCK_MIRROR | MEMBLOCK_HOTPLUG));
	HT_EXPECT_EQ((int)memblock.memory.regions[2].flags,
		     (int)(MEMBLOCK_MIRROR | MEMBLOCK_HOTPLUG));
	EXPECT_RGN(memory, 2, 0x300000, 0x80000);
	HT_EXPECT_EQ((int)memblock.memory.regions[3].flags, (int)MEMBLOCK_MIRROR);
	/* The gap did not become memory. */
	HT_EXPECT_FALSE(memblock_is_memory(0x200000));
	memblock_clear_hotplug(0x0, 0x1000000);
	EXPECT_TOTALS(2, 0x200000, 0, 0);
	HT_EXPECT_EQ((int)memblock.memory.regions[0].flags, (int)MEMBLOCK_MIRROR);
	HT_EXPECT_EQ((int)memblock.memory.regions[1].flags, (int)MEMBLOCK_MIRROR);
	lists_ok();
	/* Marking a range with no memory in it changes nothing. */
	snapshot();
	HT_EXPECT_EQ(memblock_mark_nomap(0x200000, 0x100000), 0);
	HT_EXPECT_EQ(memblock_mark_hotplug(0x800000, 0x1000), 0);
	unchanged();
}

HTEST(memblock_mirror_flag_selects_free_ranges)
{
	phys_addr_t r[4][2];

	reset();
	memblock_add(0x100000, 0x300000);
	memblock_mark_mirror(0x200000, 0x80000);
	memblock_mark_mirror(0x300000, 0x10000);
	memblock_reserve(0x220000, 0x10000);
	HT_ASSERT_EQ(free_ranges(r, 4, NUMA_NO_NODE, MEMBLOCK_MIRROR, false), 3u);
	HT_EXPECT_EQ(r[0][0], (phys_addr_t)0x200000);
	HT_EXPECT_EQ(r[0][1], (phys_addr_t)0x220000);
	HT_EXPECT_EQ(r[1][0], (phys_addr_t)0x230000);
	HT_EXPECT_EQ(r[1][1], (phys_addr_t)0x280000);
	HT_EXPECT_EQ(r[2][0], (phys_addr_t)0x300000);
	HT_EXPECT_EQ(r[2][1], (phys_addr_t)0x310000);
	HT_ASSERT_EQ(free_ranges(r, 4, NUMA_NO_NODE, MEMBLOCK_MIRROR, true), 3u);
	HT_EXPECT_EQ(r[0][0], (phys_addr_t)0x300000);
	HT_EXPECT_EQ(r[2][1], (phys_addr_t)0x220000);
	/* Without the request, all free memory, mirrored or not. */
	HT_EXPECT_EQ(free_ranges(r, 4, NUMA_NO_NODE, MEMBLOCK_NONE, false), 6u);
}

HTEST(memblock_nomap_memory_is_memory_but_never_free)
{
	phys_addr_t r[4][2], start, end;
	unsigned long spfn, epfn;
	int n = 0, i;
	u64 it;

	reset();
	memblock_add(0x100000, 0x300000);
	memblock_mark_nomap(0x100000, 0x100000);
	memblock_mark_nomap(0x300000, 0x100000);
	HT_EXPECT_TRUE(memblock_is_memory(0x100000));
	HT_EXPECT_TRUE(memblock_is_region_memory(0x100000, 0x100000));
	HT_EXPECT_EQ(memblock_phys_mem_size(), (phys_addr_t)0x300000);
	HT_EXPECT_EQ(memblock_end_of_DRAM(), (phys_addr_t)0x400000);
	for_each_mem_range(it, &start, &end) {
		HT_EXPECT_EQ(start, (phys_addr_t)0x200000);
		HT_EXPECT_EQ(end, (phys_addr_t)0x300000);
		n++;
	}
	HT_EXPECT_EQ(n, 1);
	HT_ASSERT_EQ(free_ranges(r, 4, NUMA_NO_NODE, MEMBLOCK_NONE, false), 1u);
	HT_EXPECT_EQ(r[0][0], (phys_addr_t)0x200000);
	HT_EXPECT_EQ(r[0][1], (phys_addr_t)0x300000);
	HT_ASSERT_EQ(free_ranges(r, 4, NUMA_NO_NODE, MEMBLOCK_NONE, true), 1u);
	HT_EXPECT_EQ(r[0][0], (phys_addr_t)0x200000);
	/* Asking for NOMAP memory shows it. */
	HT_EXPECT_EQ(free_ranges(r, 4, NUMA_NO_NODE, MEMBLOCK_NOMAP, false), 3u);
	/* The page ranges include it (the memory map covers NOMAP memory). */
	n = 0;
	for_each_mem_pfn_range(i, NUMA_NO_NODE, &spfn, &epfn, NULL) {
		HT_EXPECT_EQ(spfn, 0x100UL + n * 0x100UL);
		HT_EXPECT_EQ(epfn, 0x200UL + n * 0x100UL);
		n++;
	}
	HT_EXPECT_EQ(n, 3);
}

HTEST(memblock_clear_nomap_makes_memory_free_again)
{
	reset();
	memblock_add(0x100000, 0x300000);
	memblock_mark_nomap(0x300000, 0x100000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x2ff000);
	memblock_clear_nomap(0x300000, 0x100000);
	EXPECT_TOTALS(1, 0x300000, 1, 0x1000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x3ff000);
}

HTEST(memblock_set_node_assigns_and_merges)
{
	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add_node(0x200000, 0x100000, 1, MEMBLOCK_NONE);
	HT_ASSERT_EQ(memblock.memory.cnt, 2UL);
	HT_ASSERT_EQ(memblock_set_node(0, PHYS_ADDR_MAX, &memblock.memory, 0), 0);
	EXPECT_TOTALS(1, 0x200000, 0, 0);
	HT_EXPECT_EQ(memblock.memory.regions[0].nid, 0);
	HT_ASSERT_EQ(memblock_set_node(0x180000, 0x10000, &memblock.memory, 1), 0);
	EXPECT_TOTALS(3, 0x200000, 0, 0);
	EXPECT_RGN(memory, 1, 0x180000, 0x10000);
	HT_EXPECT_EQ(memblock.memory.regions[0].nid, 0);
	HT_EXPECT_EQ(memblock.memory.regions[1].nid, 1);
	HT_EXPECT_EQ(memblock.memory.regions[2].nid, 0);
	lists_ok();
}

HTEST(memblock_set_node_works_on_the_reserved_list)
{
	reset();
	memblock_reserve(0x100000, 0x3000);
	HT_ASSERT_EQ(memblock_set_node(0x101000, 0x1000, &memblock.reserved, 0), 0);
	EXPECT_TOTALS(0, 0, 3, 0x3000);
	HT_EXPECT_EQ(memblock.reserved.regions[0].nid, NUMA_NO_NODE);
	HT_EXPECT_EQ(memblock.reserved.regions[1].nid, 0);
	HT_EXPECT_EQ(memblock.reserved.regions[2].nid, NUMA_NO_NODE);
	HT_ASSERT_EQ(memblock_set_node(0, PHYS_ADDR_MAX, &memblock.reserved, NUMA_NO_NODE), 0);
	EXPECT_TOTALS(0, 0, 1, 0x3000);
	lists_ok();
}

/* ---- queries ------------------------------------------------------------ */

HTEST(memblock_sizes_are_the_list_totals)
{
	reset();
	HT_EXPECT_EQ(memblock_phys_mem_size(), (phys_addr_t)0);
	HT_EXPECT_EQ(memblock_reserved_size(), (phys_addr_t)0);
	memblock_add(0x100000, 0x100000);
	memblock_add(0x400000, 0x200000);
	memblock_reserve(0x100000, 0x3000);
	memblock_reserve(0x900000, 0x1000);
	HT_EXPECT_EQ(memblock_phys_mem_size(), (phys_addr_t)0x300000);
	HT_EXPECT_EQ(memblock_reserved_size(), (phys_addr_t)0x4000);
	memblock_remove(0x480000, 0x10000);
	memblock_phys_free(0x101000, 0x1000);
	HT_EXPECT_EQ(memblock_phys_mem_size(), (phys_addr_t)0x2f0000);
	HT_EXPECT_EQ(memblock_reserved_size(), (phys_addr_t)0x3000);
}

HTEST(memblock_start_and_end_of_dram)
{
	reset();
	HT_EXPECT_EQ(memblock_end_of_DRAM(), (phys_addr_t)0);
	HT_EXPECT_EQ(memblock_start_of_DRAM(), (phys_addr_t)0);
	memblock_add(0x400000, 0x200000);
	memblock_add(0x100000, 0x1000);
	HT_EXPECT_EQ(memblock_start_of_DRAM(), (phys_addr_t)0x100000);
	HT_EXPECT_EQ(memblock_end_of_DRAM(), (phys_addr_t)0x600000);
	/* Reservations are not DRAM. */
	memblock_reserve(0x8000000, 0x1000);
	HT_EXPECT_EQ(memblock_end_of_DRAM(), (phys_addr_t)0x600000);
	memblock_remove(0x0, 0x1000000);
	HT_EXPECT_EQ(memblock_end_of_DRAM(), (phys_addr_t)0);
	HT_EXPECT_EQ(memblock_start_of_DRAM(), (phys_addr_t)0);
}

HTEST(memblock_is_memory_and_is_reserved_at_the_edges)
{
	reset();
	HT_EXPECT_FALSE(memblock_is_memory(0));
	HT_EXPECT_FALSE(memblock_is_reserved(0));
	memblock_add(0x100000, 0x1000);
	memblock_add(0x300000, 0x1000);
	memblock_reserve(0x200000, 0x1000);
	HT_EXPECT_FALSE(memblock_is_memory(0xfffff));
	HT_EXPECT_TRUE(memblock_is_memory(0x100000));
	HT_EXPECT_TRUE(memblock_is_memory(0x100fff));
	HT_EXPECT_FALSE(memblock_is_memory(0x101000));
	HT_EXPECT_TRUE(memblock_is_memory(0x300fff));
	HT_EXPECT_FALSE(memblock_is_memory(0x200000));
	HT_EXPECT_FALSE(memblock_is_reserved(0x1fffff));
	HT_EXPECT_TRUE(memblock_is_reserved(0x200000));
	HT_EXPECT_FALSE(memblock_is_reserved(0x201000));
	HT_EXPECT_FALSE(memblock_is_reserved(0x100000));
}

HTEST(memblock_is_region_memory_needs_one_region)
{
	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add_node(0x200000, 0x100000, 0, MEMBLOCK_HOTPLUG);
	HT_EXPECT_TRUE(memblock_is_region_memory(0x100000, 0x100000));
	HT_EXPECT_TRUE(memblock_is_region_memory(0x180000, 0x1000));
	HT_EXPECT_TRUE(memblock_is_region_memory(0x200000, 0x100000));
	/* Adjacent regions with other flags do not add up, as in Linux. */
	HT_EXPECT_FALSE(memblock_is_region_memory(0x180000, 0x100000));
	HT_EXPECT_FALSE(memblock_is_region_memory(0x80000, 0x100000));
	HT_EXPECT_FALSE(memblock_is_region_memory(0x2ff000, 0x2000));
	/* A size running past the top is capped, and still too long. */
	HT_EXPECT_FALSE(memblock_is_region_memory(0x100000, PHYS_ADDR_MAX));
}

HTEST(memblock_is_region_reserved_on_any_overlap)
{
	reset();
	HT_EXPECT_FALSE(memblock_is_region_reserved(0, PHYS_ADDR_MAX));
	memblock_reserve(0x100000, 0x1000);
	HT_EXPECT_TRUE(memblock_is_region_reserved(0xff000, 0x1001));
	HT_EXPECT_FALSE(memblock_is_region_reserved(0xff000, 0x1000));
	HT_EXPECT_TRUE(memblock_is_region_reserved(0x100fff, 0x10));
	HT_EXPECT_FALSE(memblock_is_region_reserved(0x101000, 0x10));
	HT_EXPECT_TRUE(memblock_is_region_reserved(0x0, 0x10000000));
	HT_EXPECT_TRUE(memblock_is_region_reserved(0x1000, PHYS_ADDR_MAX));
}

HTEST(memblock_current_limit_reads_back)
{
	reset();
	HT_EXPECT_EQ(memblock_get_current_limit(), MEMBLOCK_ALLOC_ANYWHERE);
	memblock_set_current_limit(0x123000);
	HT_EXPECT_EQ(memblock_get_current_limit(), (phys_addr_t)0x123000);
	HT_EXPECT_EQ(memblock.current_limit, (phys_addr_t)0x123000);
	memblock_set_current_limit(MEMBLOCK_ALLOC_ANYWHERE);
	HT_EXPECT_EQ(memblock_get_current_limit(), MEMBLOCK_ALLOC_ANYWHERE);
}
