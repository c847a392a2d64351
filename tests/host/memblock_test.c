// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of memblock (mm/memblock.c) against fake physical memory
 * (tests/host/fake_phys.c: physical [0, 64 MiB) is a host buffer, so
 * zeroing allocations and doubled arrays write real memory under ASan).
 *
 * Every case starts from an empty memblock with current_limit at the end of
 * the fake memory (reset()). check_lists() states the invariants of both
 * lists; a randomised case compares memblock with a page-by-page model.
 */
#include "htest.h"
#include <linux/memblock.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <asm/page.h>

#define MB	(1ULL << 20)
#define FAKE_END	((phys_addr_t)HOST_FAKE_PHYS_SIZE)

static struct memblock initial;
static bool saved;

static void reset(void)
{
	if (!saved) {
		initial = memblock;
		saved = true;
	}
	memblock = initial;
	memblock.memory.cnt = memblock.reserved.cnt = 0;
	memblock.memory.total_size = memblock.reserved.total_size = 0;
	memset(memblock.memory.regions, 0, INIT_MEMBLOCK_REGIONS * sizeof(struct memblock_region));
	memset(memblock.reserved.regions, 0,
	       INIT_MEMBLOCK_REGIONS * sizeof(struct memblock_region));
	memblock.bottom_up = false;
	memblock.current_limit = FAKE_END;
	memblock_debug = 0;
	htest_log_clear();
}

/* Sorted, disjoint, non-empty, merged where alike, totals right. */
static bool type_ok(const struct memblock_type *t)
{
	phys_addr_t total = 0;
	unsigned long i;

	if (t->cnt > t->max)
		return false;
	for (i = 0; i < t->cnt; i++) {
		const struct memblock_region *r = &t->regions[i];

		if (!r->size)
			return false;
		total += r->size;
		if (i && t->regions[i - 1].base + t->regions[i - 1].size > r->base)
			return false;
		if (i && t->regions[i - 1].base + t->regions[i - 1].size == r->base &&
		    t->regions[i - 1].nid == r->nid && t->regions[i - 1].flags == r->flags)
			return false;
	}
	return total == t->total_size;
}

#define check_lists() do {					\
	HT_EXPECT_TRUE(type_ok(&memblock.memory));		\
	HT_EXPECT_TRUE(type_ok(&memblock.reserved));		\
} while (0)

#define EXPECT_RGN(type, i, b, s) do {				\
	HT_EXPECT_EQ(memblock.type.regions[i].base, (phys_addr_t)(b));	\
	HT_EXPECT_EQ(memblock.type.regions[i].size, (phys_addr_t)(s));	\
} while (0)

/* ---- memblock_add / memblock_add_node ---------------------------------- */

HTEST(memblock_add_first_region)
{
	reset();
	HT_ASSERT_EQ(memblock_add(0x100000, 0x200000), 0);
	HT_EXPECT_EQ(memblock.memory.cnt, 1UL);
	EXPECT_RGN(memory, 0, 0x100000, 0x200000);
	HT_EXPECT_EQ(memblock.memory.regions[0].nid, NUMA_NO_NODE);
	HT_EXPECT_EQ(memblock.memory.total_size, (phys_addr_t)0x200000);
	check_lists();
}

HTEST(memblock_add_adjacent_below_merges)
{
	reset();
	memblock_add(0x200000, 0x100000);
	memblock_add(0x100000, 0x100000);
	HT_EXPECT_EQ(memblock.memory.cnt, 1UL);
	EXPECT_RGN(memory, 0, 0x100000, 0x200000);
	check_lists();
}

HTEST(memblock_add_adjacent_above_merges)
{
	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add(0x200000, 0x300000);
	HT_EXPECT_EQ(memblock.memory.cnt, 1UL);
	EXPECT_RGN(memory, 0, 0x100000, 0x400000);
	check_lists();
}

HTEST(memblock_add_overlapping_merges)
{
	reset();
	memblock_add(0x100000, 0x200000);
	memblock_add(0x280000, 0x200000);
	HT_EXPECT_EQ(memblock.memory.cnt, 1UL);
	EXPECT_RGN(memory, 0, 0x100000, 0x380000);
	HT_EXPECT_EQ(memblock.memory.total_size, (phys_addr_t)0x380000);
	check_lists();
}

HTEST(memblock_add_disjoint_stays_sorted)
{
	reset();
	memblock_add(0x800000, 0x1000);
	memblock_add(0x100000, 0x1000);
	memblock_add(0x400000, 0x1000);
	HT_ASSERT_EQ(memblock.memory.cnt, 3UL);
	EXPECT_RGN(memory, 0, 0x100000, 0x1000);
	EXPECT_RGN(memory, 1, 0x400000, 0x1000);
	EXPECT_RGN(memory, 2, 0x800000, 0x1000);
	check_lists();
}

HTEST(memblock_add_bridge_merges_three_regions)
{
	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add(0x300000, 0x100000);
	memblock_add(0x180000, 0x200000);
	HT_EXPECT_EQ(memblock.memory.cnt, 1UL);
	EXPECT_RGN(memory, 0, 0x100000, 0x300000);
	check_lists();
}

HTEST(memblock_add_contained_range_changes_nothing)
{
	reset();
	memblock_add(0x100000, 0x400000);
	memblock_add(0x200000, 0x1000);
	HT_EXPECT_EQ(memblock.memory.cnt, 1UL);
	EXPECT_RGN(memory, 0, 0x100000, 0x400000);
	HT_EXPECT_EQ(memblock.memory.total_size, (phys_addr_t)0x400000);
}

HTEST(memblock_add_covering_range_swallows_several)
{
	reset();
	memblock_add(0x200000, 0x1000);
	memblock_add(0x300000, 0x1000);
	memblock_add(0x400000, 0x1000);
	memblock_add(0x100000, 0x800000);
	HT_EXPECT_EQ(memblock.memory.cnt, 1UL);
	EXPECT_RGN(memory, 0, 0x100000, 0x800000);
	check_lists();
}

HTEST(memblock_add_zero_size_is_a_no_op)
{
	reset();
	HT_EXPECT_EQ(memblock_add(0x100000, 0), 0);
	HT_EXPECT_EQ(memblock.memory.cnt, 0UL);
	HT_EXPECT_EQ(memblock.memory.total_size, (phys_addr_t)0);
}

HTEST(memblock_add_size_past_the_top_is_capped)
{
	reset();
	HT_EXPECT_EQ(memblock_add(PHYS_ADDR_MAX - 0xfff, 0x10000), 0);
	HT_ASSERT_EQ(memblock.memory.cnt, 1UL);
	EXPECT_RGN(memory, 0, PHYS_ADDR_MAX - 0xfff, 0xfff);
	check_lists();
}

HTEST(memblock_add_node_other_nid_does_not_merge)
{
	reset();
	memblock_add_node(0x100000, 0x100000, 0, MEMBLOCK_NONE);
	memblock_add_node(0x200000, 0x100000, 1, MEMBLOCK_NONE);
	HT_ASSERT_EQ(memblock.memory.cnt, 2UL);
	HT_EXPECT_EQ(memblock.memory.regions[0].nid, 0);
	HT_EXPECT_EQ(memblock.memory.regions[1].nid, 1);
	check_lists();
}

HTEST(memblock_add_node_keeps_what_is_there)
{
	reset();
	memblock_add_node(0x200000, 0x100000, 1, MEMBLOCK_NONE);
	memblock_add_node(0x100000, 0x300000, 0, MEMBLOCK_NONE);
	HT_ASSERT_EQ(memblock.memory.cnt, 3UL);
	EXPECT_RGN(memory, 0, 0x100000, 0x100000);
	EXPECT_RGN(memory, 1, 0x200000, 0x100000);
	EXPECT_RGN(memory, 2, 0x300000, 0x100000);
	HT_EXPECT_EQ(memblock.memory.regions[1].nid, 1);
	HT_EXPECT_EQ(memblock.memory.regions[2].nid, 0);
	check_lists();
}

HTEST(memblock_add_node_other_flags_do_not_merge)
{
	reset();
	memblock_add_node(0x100000, 0x100000, 0, MEMBLOCK_HOTPLUG);
	memblock_add_node(0x200000, 0x100000, 0, MEMBLOCK_NONE);
	HT_ASSERT_EQ(memblock.memory.cnt, 2UL);
	HT_EXPECT_EQ((int)memblock.memory.regions[0].flags, (int)MEMBLOCK_HOTPLUG);
	HT_EXPECT_EQ((int)memblock.memory.regions[1].flags, (int)MEMBLOCK_NONE);
}

/* ---- memblock_remove --------------------------------------------------- */

HTEST(memblock_remove_middle_splits_the_region)
{
	reset();
	memblock_add(0x100000, 0x300000);
	HT_ASSERT_EQ(memblock_remove(0x200000, 0x100000), 0);
	HT_ASSERT_EQ(memblock.memory.cnt, 2UL);
	EXPECT_RGN(memory, 0, 0x100000, 0x100000);
	EXPECT_RGN(memory, 1, 0x300000, 0x100000);
	HT_EXPECT_EQ(memblock.memory.total_size, (phys_addr_t)0x200000);
	check_lists();
}

HTEST(memblock_remove_head_trims)
{
	reset();
	memblock_add(0x100000, 0x300000);
	memblock_remove(0x0, 0x180000);
	HT_ASSERT_EQ(memblock.memory.cnt, 1UL);
	EXPECT_RGN(memory, 0, 0x180000, 0x280000);
	check_lists();
}

HTEST(memblock_remove_tail_trims)
{
	reset();
	memblock_add(0x100000, 0x300000);
	memblock_remove(0x380000, 0x100000);
	HT_ASSERT_EQ(memblock.memory.cnt, 1UL);
	EXPECT_RGN(memory, 0, 0x100000, 0x280000);
	check_lists();
}

HTEST(memblock_remove_whole_region)
{
	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add(0x400000, 0x100000);
	memblock_remove(0x100000, 0x100000);
	HT_ASSERT_EQ(memblock.memory.cnt, 1UL);
	EXPECT_RGN(memory, 0, 0x400000, 0x100000);
	memblock_remove(0x400000, 0x100000);
	HT_EXPECT_EQ(memblock.memory.cnt, 0UL);
	HT_EXPECT_EQ(memblock.memory.total_size, (phys_addr_t)0);
	EXPECT_RGN(memory, 0, 0, 0);
}

HTEST(memblock_remove_across_several_regions)
{
	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add(0x300000, 0x100000);
	memblock_add(0x500000, 0x100000);
	memblock_remove(0x180000, 0x400000);
	HT_ASSERT_EQ(memblock.memory.cnt, 2UL);
	EXPECT_RGN(memory, 0, 0x100000, 0x80000);
	EXPECT_RGN(memory, 1, 0x580000, 0x80000);
	check_lists();
}

HTEST(memblock_remove_of_absent_range_is_a_no_op)
{
	reset();
	memblock_add(0x100000, 0x100000);
	HT_EXPECT_EQ(memblock_remove(0x800000, 0x100000), 0);
	HT_EXPECT_EQ(memblock_remove(0x0, 0), 0);
	HT_ASSERT_EQ(memblock.memory.cnt, 1UL);
	EXPECT_RGN(memory, 0, 0x100000, 0x100000);
	reset();
	HT_EXPECT_EQ(memblock_remove(0x0, 0x100000), 0);
	HT_EXPECT_EQ(memblock.memory.cnt, 0UL);
}

/* ---- memblock_reserve / memblock_phys_free / memblock_free ------------- */

HTEST(memblock_reserve_twice_is_one_region)
{
	reset();
	memblock_reserve(0x100000, 0x2000);
	memblock_reserve(0x100000, 0x2000);
	HT_EXPECT_EQ(memblock.reserved.cnt, 1UL);
	HT_EXPECT_EQ(memblock.reserved.total_size, (phys_addr_t)0x2000);
	check_lists();
}

HTEST(memblock_reserve_overlapping_merges)
{
	reset();
	memblock_reserve(0x100000, 0x2000);
	memblock_reserve(0x101000, 0x2000);
	HT_ASSERT_EQ(memblock.reserved.cnt, 1UL);
	EXPECT_RGN(reserved, 0, 0x100000, 0x3000);
}

HTEST(memblock_reserve_need_not_be_memory)
{
	reset();
	HT_EXPECT_EQ(memblock_reserve(0x7000000000ULL, 0x1000), 0);
	HT_EXPECT_EQ(memblock.memory.cnt, 0UL);
	HT_EXPECT_TRUE(memblock_is_reserved(0x7000000000ULL));
}

HTEST(memblock_phys_free_middle_splits_the_reservation)
{
	reset();
	memblock_reserve(0x100000, 0x10000);
	HT_ASSERT_EQ(memblock_phys_free(0x104000, 0x4000), 0);
	HT_ASSERT_EQ(memblock.reserved.cnt, 2UL);
	EXPECT_RGN(reserved, 0, 0x100000, 0x4000);
	EXPECT_RGN(reserved, 1, 0x108000, 0x8000);
	HT_EXPECT_EQ(memblock.reserved.total_size, (phys_addr_t)0xc000);
	check_lists();
}

HTEST(memblock_phys_free_edge_trims)
{
	reset();
	memblock_reserve(0x100000, 0x10000);
	memblock_phys_free(0x10c000, 0x8000);
	HT_ASSERT_EQ(memblock.reserved.cnt, 1UL);
	EXPECT_RGN(reserved, 0, 0x100000, 0xc000);
}

HTEST(memblock_phys_free_of_unreserved_range_is_a_no_op)
{
	reset();
	memblock_reserve(0x100000, 0x1000);
	HT_EXPECT_EQ(memblock_phys_free(0x200000, 0x1000), 0);
	HT_EXPECT_EQ(memblock.reserved.cnt, 1UL);
}

HTEST(memblock_free_ignores_null)
{
	reset();
	memblock_reserve(0x100000, 0x1000);
	memblock_free(NULL, 0x1000);
	HT_EXPECT_EQ(memblock.reserved.cnt, 1UL);
}

HTEST(memblock_free_releases_an_allocation)
{
	void *p;

	reset();
	memblock_add(0x100000, 0x400000);
	p = memblock_alloc(0x3000, PAGE_SIZE);
	HT_ASSERT_TRUE(p != NULL);
	HT_EXPECT_EQ(memblock.reserved.total_size, (phys_addr_t)0x3000);
	memblock_free(p, 0x3000);
	HT_EXPECT_EQ(memblock.reserved.cnt, 0UL);
	HT_EXPECT_EQ(memblock.reserved.total_size, (phys_addr_t)0);
}

/* ---- allocation -------------------------------------------------------- */

HTEST(phys_alloc_is_top_down_by_default)
{
	reset();
	memblock_add(0x100000, 0x400000);
	HT_EXPECT_FALSE(memblock_bottom_up());
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x4ff000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x4fe000);
	HT_EXPECT_EQ(memblock.reserved.cnt, 1UL);
	EXPECT_RGN(reserved, 0, 0x4fe000, 0x2000);
}

HTEST(phys_alloc_bottom_up_takes_the_lowest)
{
	reset();
	memblock_add(0x100000, 0x400000);
	memblock_set_bottom_up(true);
	HT_EXPECT_TRUE(memblock_bottom_up());
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x100000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x101000);
}

HTEST(phys_alloc_top_down_honours_alignment)
{
	reset();
	memblock_add(0x100000, 0x4ff000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, 0x100000), (phys_addr_t)0x500000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x3000, 0x10000), (phys_addr_t)0x5f0000);
}

HTEST(phys_alloc_bottom_up_honours_alignment)
{
	reset();
	memblock_add(0x101000, 0x400000);
	memblock_set_bottom_up(true);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, 0x100000), (phys_addr_t)0x200000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, 0x4000), (phys_addr_t)0x104000);
}

HTEST(phys_alloc_range_stays_in_the_range)
{
	reset();
	memblock_add(0x100000, 0x1000000);
	HT_EXPECT_EQ(memblock_phys_alloc_range(0x2000, PAGE_SIZE, 0x200000, 0x300000),
		     (phys_addr_t)0x2fe000);
	memblock_set_bottom_up(true);
	HT_EXPECT_EQ(memblock_phys_alloc_range(0x2000, PAGE_SIZE, 0x200000, 0x300000),
		     (phys_addr_t)0x200000);
	/* Nothing fits in a range smaller than the request. */
	HT_EXPECT_EQ(memblock_phys_alloc_range(0x2000, PAGE_SIZE, 0x200000, 0x201000),
		     (phys_addr_t)0);
}

HTEST(phys_alloc_range_end_is_not_clamped_to_current_limit)
{
	reset();
	memblock_add(0x100000, 0x1000000);
	memblock_set_current_limit(0x200000);
	HT_EXPECT_EQ(memblock_phys_alloc_range(0x1000, PAGE_SIZE, 0, 0x800000),
		     (phys_addr_t)0x7ff000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x1ff000);
}

HTEST(alloc_below_current_limit)
{
	void *p;

	reset();
	memblock_add(0x100000, 0x1000000);
	memblock_set_current_limit(0x400000);
	p = memblock_alloc(0x1000, PAGE_SIZE);
	HT_ASSERT_TRUE(p != NULL);
	HT_EXPECT_EQ(__pa(p), (phys_addr_t)0x3ff000);
	/* max_addr above the limit is clamped to it. */
	p = memblock_alloc_try_nid(0x1000, PAGE_SIZE, 0, 0x800000, NUMA_NO_NODE);
	HT_ASSERT_TRUE(p != NULL);
	HT_EXPECT_EQ(__pa(p), (phys_addr_t)0x3fe000);
}

HTEST(alloc_skips_reserved_ranges)
{
	reset();
	memblock_add(0x100000, 0x400000);
	memblock_reserve(0x4f0000, 0x10000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x4ef000);
	HT_EXPECT_EQ(memblock.reserved.cnt, 1UL);
	EXPECT_RGN(reserved, 0, 0x4ef000, 0x11000);
}

HTEST(alloc_skips_nomap_memory)
{
	reset();
	memblock_add(0x100000, 0x400000);
	memblock_mark_nomap(0x400000, 0x100000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x3ff000);
}

HTEST(alloc_never_returns_the_first_page)
{
	reset();
	memblock_add(0x0, 0x3000);
	memblock_set_bottom_up(true);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x1000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x2000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0);
}

HTEST(alloc_reserves_exactly_what_it_returns)
{
	phys_addr_t a;

	reset();
	memblock_add(0x100000, 0x400000);
	a = memblock_phys_alloc(0x1800, 0x800);
	HT_ASSERT_TRUE(a != 0);
	HT_EXPECT_TRUE(memblock_is_reserved(a));
	HT_EXPECT_TRUE(memblock_is_reserved(a + 0x17ff));
	HT_EXPECT_FALSE(memblock_is_reserved(a + 0x1800));
	HT_EXPECT_EQ(memblock.reserved.total_size, (phys_addr_t)0x1800);
}

HTEST(alloc_zeroes_the_memory)
{
	u8 *p;
	size_t i;

	reset();
	memblock_add(0x100000, 0x100000);
	memset(__va(0x100000), 0xaa, 0x100000);
	p = memblock_alloc(0x2000, PAGE_SIZE);
	HT_ASSERT_TRUE(p != NULL);
	for (i = 0; i < 0x2000; i++)
		if (p[i])
			break;
	HT_EXPECT_EQ(i, (size_t)0x2000);
}

HTEST(alloc_raw_leaves_the_memory_alone)
{
	u8 *p;

	reset();
	memblock_add(0x100000, 0x100000);
	memset(__va(0x100000), 0xaa, 0x100000);
	p = memblock_alloc_try_nid_raw(0x2000, PAGE_SIZE, 0, MEMBLOCK_ALLOC_ACCESSIBLE,
				       NUMA_NO_NODE);
	HT_ASSERT_TRUE(p != NULL);
	HT_EXPECT_EQ(p[0], 0xaa);
	HT_EXPECT_EQ(p[0x1fff], 0xaa);
}

HTEST(alloc_from_prefers_memory_above_min_addr)
{
	void *p;

	reset();
	memblock_add(0x100000, 0x400000);
	memblock_set_bottom_up(true);
	p = memblock_alloc_from(0x1000, PAGE_SIZE, 0x300000);
	HT_ASSERT_TRUE(p != NULL);
	HT_EXPECT_EQ(__pa(p), (phys_addr_t)0x300000);
}

HTEST(alloc_from_falls_back_below_min_addr)
{
	void *p;

	reset();
	memblock_add(0x100000, 0x400000);
	memblock_reserve(0x300000, 0x200000);
	p = memblock_alloc_from(0x1000, PAGE_SIZE, 0x300000);
	HT_ASSERT_TRUE(p != NULL);
	HT_EXPECT_EQ(__pa(p), (phys_addr_t)0x2ff000);
}

HTEST(alloc_try_nid_prefers_the_node)
{
	void *p;

	reset();
	/* One node exists (MAX_NUMNODES): node 0 against memory of no node. */
	memblock_add_node(0x100000, 0x100000, 0, MEMBLOCK_NONE);
	memblock_add(0x200000, 0x100000);
	p = memblock_alloc_try_nid(0x1000, PAGE_SIZE, 0, MEMBLOCK_ALLOC_ACCESSIBLE, 0);
	HT_ASSERT_TRUE(p != NULL);
	HT_EXPECT_EQ(__pa(p), (phys_addr_t)0x1ff000);
	p = memblock_alloc_try_nid(0x1000, PAGE_SIZE, 0, MEMBLOCK_ALLOC_ACCESSIBLE,
				   NUMA_NO_NODE);
	HT_ASSERT_TRUE(p != NULL);
	HT_EXPECT_EQ(__pa(p), (phys_addr_t)0x2ff000);
}

HTEST(alloc_try_nid_falls_back_to_another_node)
{
	void *p;

	reset();
	memblock_add_node(0x100000, 0x100000, 0, MEMBLOCK_NONE);
	memblock_add(0x200000, 0x100000);
	memblock_reserve(0x100000, 0x100000);
	p = memblock_alloc_try_nid(0x1000, PAGE_SIZE, 0, MEMBLOCK_ALLOC_ACCESSIBLE, 0);
	HT_ASSERT_TRUE(p != NULL);
	HT_EXPECT_EQ(__pa(p), (phys_addr_t)0x2ff000);
}

HTEST(alloc_failure_returns_null_with_a_message)
{
	reset();
	memblock_add(0x100000, 0x10000);
	HT_EXPECT_TRUE(memblock_alloc(0x20000, PAGE_SIZE) == NULL);
	HT_EXPECT_TRUE(htest_log_contains("memblock_alloc_try_nid: Failed to allocate 131072 bytes"));
	HT_EXPECT_TRUE(htest_log_contains("align=0x1000"));
}

HTEST(alloc_failure_leaves_both_lists_unchanged)
{
	struct memblock_region mem[4], rsv[4];
	struct memblock before;

	reset();
	memblock_add(0x100000, 0x10000);
	memblock_add(0x200000, 0x10000);
	memblock_reserve(0x104000, 0x1000);
	before = memblock;
	memcpy(mem, memblock.memory.regions, sizeof(mem));
	memcpy(rsv, memblock.reserved.regions, sizeof(rsv));
	HT_EXPECT_TRUE(memblock_alloc(0x11000, PAGE_SIZE) == NULL);
	HT_EXPECT_EQ(memblock_phys_alloc_range(0x1000, PAGE_SIZE, 0x300000, 0x400000),
		     (phys_addr_t)0);
	HT_EXPECT_EQ(memblock.memory.cnt, before.memory.cnt);
	HT_EXPECT_EQ(memblock.reserved.cnt, before.reserved.cnt);
	HT_EXPECT_EQ(memblock.memory.total_size, before.memory.total_size);
	HT_EXPECT_EQ(memblock.reserved.total_size, before.reserved.total_size);
	HT_EXPECT_EQ(memcmp(mem, memblock.memory.regions, sizeof(mem)), 0);
	HT_EXPECT_EQ(memcmp(rsv, memblock.reserved.regions, sizeof(rsv)), 0);
}

HTEST(alloc_exactly_filling_a_gap)
{
	reset();
	memblock_add(0x100000, 0x10000);
	memblock_reserve(0x100000, 0x4000);
	memblock_reserve(0x106000, 0xa000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x2000, PAGE_SIZE), (phys_addr_t)0x104000);
	HT_EXPECT_EQ(memblock.reserved.cnt, 1UL);
	EXPECT_RGN(reserved, 0, 0x100000, 0x10000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0);
}

HTEST(alloc_with_zero_alignment_warns_and_uses_a_cache_line)
{
	extern unsigned long warn_count;
	unsigned long warns = warn_count;
	phys_addr_t a;

	reset();
	memblock_add(0x100000, 0x10000);
	a = memblock_phys_alloc(0x30, 0);
	HT_EXPECT_EQ(a % SMP_CACHE_BYTES, (phys_addr_t)0);
	HT_EXPECT_EQ(a, (phys_addr_t)(0x110000 - SMP_CACHE_BYTES));
	HT_EXPECT_EQ(warn_count, warns + 1);
}

/* ---- growing the arrays ------------------------------------------------ */

/* @n disjoint 4 KiB regions of memory, 8 KiB apart, from @base. */
static int add_sparse(phys_addr_t base, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (memblock_add(base + i * 0x2000ULL, 0x1000))
			return -1;
	return 0;
}

HTEST(memory_list_doubles_at_128_regions)
{
	const struct memblock_region *old;

	reset();
	memblock_add(0x2000000, 0x1000000);	/* room for the new array */
	HT_ASSERT_EQ(add_sparse(0x100000, INIT_MEMBLOCK_REGIONS - 1), 0);
	HT_ASSERT_EQ(memblock.memory.cnt, (unsigned long)INIT_MEMBLOCK_REGIONS);
	old = memblock.memory.regions;
	HT_EXPECT_EQ(memblock.memory.max, (unsigned long)INIT_MEMBLOCK_REGIONS);
	HT_ASSERT_EQ(memblock_add(0x1000000, 0x1000), 0);
	HT_EXPECT_EQ(memblock.memory.max, 2UL * INIT_MEMBLOCK_REGIONS);
	HT_EXPECT_EQ(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS + 1UL);
	HT_EXPECT_TRUE(memblock.memory.regions != old);
	/* The new array lies in memory and is reserved. */
	HT_EXPECT_TRUE(memblock_is_reserved(__pa(memblock.memory.regions)));
	HT_EXPECT_TRUE(memblock_is_memory(__pa(memblock.memory.regions)));
	EXPECT_RGN(memory, 0, 0x100000, 0x1000);
	EXPECT_RGN(memory, INIT_MEMBLOCK_REGIONS - 2, 0x100000 + 126 * 0x2000, 0x1000);
	check_lists();
}

HTEST(memory_list_doubles_again_at_256_and_frees_the_old_array)
{
	phys_addr_t first;

	reset();
	memblock_add(0x2000000, 0x1000000);
	HT_ASSERT_EQ(add_sparse(0x100000, 2 * INIT_MEMBLOCK_REGIONS - 1), 0);
	HT_ASSERT_EQ(memblock.memory.cnt, 2UL * INIT_MEMBLOCK_REGIONS);
	HT_ASSERT_EQ(memblock.memory.max, 2UL * INIT_MEMBLOCK_REGIONS);
	first = __pa(memblock.memory.regions);
	HT_ASSERT_EQ(add_sparse(0x100000 + 2 * INIT_MEMBLOCK_REGIONS * 0x2000ULL, 4), 0);
	HT_EXPECT_EQ(memblock.memory.max, 4UL * INIT_MEMBLOCK_REGIONS);
	HT_EXPECT_EQ(memblock.memory.cnt, 2UL * INIT_MEMBLOCK_REGIONS + 4);
	/* The first doubled array came from memblock: it is free again. */
	HT_EXPECT_FALSE(memblock_is_reserved(first));
	HT_EXPECT_TRUE(memblock_is_reserved(__pa(memblock.memory.regions)));
	HT_EXPECT_EQ(memblock.reserved.total_size,
		     (phys_addr_t)PFN_ALIGN(4 * INIT_MEMBLOCK_REGIONS *
					    sizeof(struct memblock_region)));
	check_lists();
}

HTEST(reserved_list_doubles_at_128_regions)
{
	unsigned int i;

	reset();
	memblock_add(0x100000, 0x3000000);
	for (i = 0; i <= INIT_MEMBLOCK_REGIONS; i++)
		HT_ASSERT_EQ(memblock_reserve(0x100000 + i * 0x2000ULL, 0x1000), 0);
	HT_EXPECT_EQ(memblock.reserved.max, 2UL * INIT_MEMBLOCK_REGIONS);
	/* 129 reservations and the array's own. */
	HT_EXPECT_EQ(memblock.reserved.cnt, INIT_MEMBLOCK_REGIONS + 2UL);
	HT_EXPECT_TRUE(memblock_is_reserved(__pa(memblock.reserved.regions)));
	check_lists();
}

HTEST(doubling_failure_leaves_both_lists_unchanged)
{
	struct memblock_region *mem = memblock.memory.regions;
	struct memblock before;
	struct memblock_region copy[INIT_MEMBLOCK_REGIONS];

	reset();
	HT_ASSERT_EQ(add_sparse(0x100000, INIT_MEMBLOCK_REGIONS), 0);
	/* No free memory anywhere: the new array cannot be found. */
	memblock_reserve(0, 0x1000000);
	before = memblock;
	memcpy(copy, memblock.memory.regions, sizeof(copy));
	HT_EXPECT_EQ(memblock_add(0x2000000, 0x1000), -ENOMEM);
	HT_EXPECT_TRUE(htest_log_contains("Failed to double memory array from 128 to 256"));
	HT_EXPECT_TRUE(memblock.memory.regions == mem);
	HT_EXPECT_EQ(memblock.memory.cnt, before.memory.cnt);
	HT_EXPECT_EQ(memblock.memory.max, before.memory.max);
	HT_EXPECT_EQ(memblock.memory.total_size, before.memory.total_size);
	HT_EXPECT_EQ(memblock.reserved.cnt, before.reserved.cnt);
	HT_EXPECT_EQ(memcmp(copy, memblock.memory.regions, sizeof(copy)), 0);
	/* A removal that would split, with no room to split: also refused. */
	HT_EXPECT_EQ(memblock_remove(0x100000 + 0x800, 0x100), -ENOMEM);
	HT_EXPECT_EQ(memblock.memory.cnt, before.memory.cnt);
	check_lists();
}

/*
 * Growing the reserved list while reserving a range: the new array must not
 * be placed in that range, though it is the free memory top-down would pick.
 */
HTEST(doubled_array_avoids_the_range_being_reserved)
{
	phys_addr_t arr;
	unsigned int i;

	reset();
	memblock_add(0x100000, 0x1f00000);
	for (i = 0; i < INIT_MEMBLOCK_REGIONS; i++)
		HT_ASSERT_EQ(memblock_reserve(0x100000 + i * 0x2000ULL, 0x1000), 0);
	HT_ASSERT_EQ(memblock.reserved.max, (unsigned long)INIT_MEMBLOCK_REGIONS);
	HT_ASSERT_EQ(memblock_reserve(0x1f00000, 0x100000), 0);
	HT_EXPECT_EQ(memblock.reserved.max, 2UL * INIT_MEMBLOCK_REGIONS);
	arr = __pa(memblock.reserved.regions);
	HT_EXPECT_TRUE(arr + 2 * INIT_MEMBLOCK_REGIONS * sizeof(struct memblock_region) <= 0x1f00000);
	HT_EXPECT_TRUE(memblock_is_reserved(arr));
	HT_EXPECT_TRUE(memblock_is_reserved(0x1f00000));
	check_lists();
}

/* ---- trim, flags, nodes ------------------------------------------------ */

HTEST(trim_memory_rounds_regions_and_drops_empty_ones)
{
	reset();
	memblock_add(0x100800, 0x300000);
	memblock_add(0x500100, 0x800);		/* no whole page */
	memblock_add(0x600000, 0x2000);
	memblock_trim_memory(PAGE_SIZE);
	HT_ASSERT_EQ(memblock.memory.cnt, 2UL);
	EXPECT_RGN(memory, 0, 0x101000, 0x2ff000);
	EXPECT_RGN(memory, 1, 0x600000, 0x2000);
	HT_EXPECT_EQ(memblock.memory.total_size, (phys_addr_t)0x301000);
	check_lists();
}

HTEST(mark_hotplug_splits_at_the_edges)
{
	reset();
	memblock_add(0x100000, 0x300000);
	HT_ASSERT_EQ(memblock_mark_hotplug(0x200000, 0x100000), 0);
	HT_ASSERT_EQ(memblock.memory.cnt, 3UL);
	HT_EXPECT_EQ((int)memblock.memory.regions[0].flags, (int)MEMBLOCK_NONE);
	HT_EXPECT_EQ((int)memblock.memory.regions[1].flags, (int)MEMBLOCK_HOTPLUG);
	HT_EXPECT_EQ((int)memblock.memory.regions[2].flags, (int)MEMBLOCK_NONE);
	EXPECT_RGN(memory, 1, 0x200000, 0x100000);
	check_lists();
}

HTEST(clear_hotplug_merges_again)
{
	reset();
	memblock_add(0x100000, 0x300000);
	memblock_mark_hotplug(0x200000, 0x100000);
	HT_ASSERT_EQ(memblock_clear_hotplug(0x0, 0x1000000), 0);
	HT_ASSERT_EQ(memblock.memory.cnt, 1UL);
	EXPECT_RGN(memory, 0, 0x100000, 0x300000);
	check_lists();
}

HTEST(mirror_flag_selects_free_ranges)
{
	phys_addr_t start, end;
	int n = 0;
	u64 i;

	reset();
	memblock_add(0x100000, 0x300000);
	memblock_mark_mirror(0x200000, 0x80000);
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_MIRROR, &start, &end, NULL) {
		HT_EXPECT_EQ(start, (phys_addr_t)0x200000);
		HT_EXPECT_EQ(end, (phys_addr_t)0x280000);
		n++;
	}
	HT_EXPECT_EQ(n, 1);
	memblock_clear_mirror(0x200000, 0x80000);
	HT_EXPECT_EQ(memblock.memory.cnt, 1UL);
}

HTEST(nomap_memory_is_memory_but_never_free)
{
	phys_addr_t start, end;
	int n = 0;
	u64 i;

	reset();
	memblock_add(0x100000, 0x300000);
	memblock_mark_nomap(0x100000, 0x100000);
	HT_EXPECT_TRUE(memblock_is_memory(0x100000));
	for_each_mem_range(i, &start, &end) {
		HT_EXPECT_EQ(start, (phys_addr_t)0x200000);
		n++;
	}
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, NULL) {
		HT_EXPECT_EQ(start, (phys_addr_t)0x200000);
		n++;
	}
	HT_EXPECT_EQ(n, 2);
	HT_EXPECT_EQ(memblock_phys_mem_size(), (phys_addr_t)0x300000);
}

HTEST(clear_nomap_makes_memory_free_again)
{
	reset();
	memblock_add(0x100000, 0x300000);
	memblock_mark_nomap(0x300000, 0x100000);
	memblock_clear_nomap(0x300000, 0x100000);
	HT_EXPECT_EQ(memblock.memory.cnt, 1UL);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x3ff000);
}

HTEST(set_node_assigns_and_merges)
{
	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add_node(0x200000, 0x100000, 1, MEMBLOCK_NONE);
	HT_ASSERT_EQ(memblock.memory.cnt, 2UL);
	HT_ASSERT_EQ(memblock_set_node(0, PHYS_ADDR_MAX, &memblock.memory, 0), 0);
	HT_ASSERT_EQ(memblock.memory.cnt, 1UL);
	HT_EXPECT_EQ(memblock.memory.regions[0].nid, 0);
	HT_ASSERT_EQ(memblock_set_node(0x180000, 0x10000, &memblock.memory, 1), 0);
	HT_EXPECT_EQ(memblock.memory.cnt, 3UL);
	HT_EXPECT_EQ(memblock.memory.regions[1].nid, 1);
	check_lists();
}

/* ---- queries ----------------------------------------------------------- */

HTEST(sizes_are_the_list_totals)
{
	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add(0x400000, 0x200000);
	memblock_reserve(0x100000, 0x3000);
	HT_EXPECT_EQ(memblock_phys_mem_size(), (phys_addr_t)0x300000);
	HT_EXPECT_EQ(memblock_reserved_size(), (phys_addr_t)0x3000);
}

HTEST(start_and_end_of_dram)
{
	reset();
	HT_EXPECT_EQ(memblock_end_of_DRAM(), (phys_addr_t)0);
	HT_EXPECT_EQ(memblock_start_of_DRAM(), (phys_addr_t)0);
	memblock_add(0x400000, 0x200000);
	memblock_add(0x100000, 0x1000);
	HT_EXPECT_EQ(memblock_start_of_DRAM(), (phys_addr_t)0x100000);
	HT_EXPECT_EQ(memblock_end_of_DRAM(), (phys_addr_t)0x600000);
}

HTEST(is_memory_and_is_reserved_at_the_edges)
{
	reset();
	memblock_add(0x100000, 0x1000);
	memblock_reserve(0x200000, 0x1000);
	HT_EXPECT_FALSE(memblock_is_memory(0xfffff));
	HT_EXPECT_TRUE(memblock_is_memory(0x100000));
	HT_EXPECT_TRUE(memblock_is_memory(0x100fff));
	HT_EXPECT_FALSE(memblock_is_memory(0x101000));
	HT_EXPECT_FALSE(memblock_is_reserved(0x1fffff));
	HT_EXPECT_TRUE(memblock_is_reserved(0x200000));
	HT_EXPECT_FALSE(memblock_is_reserved(0x201000));
}

HTEST(is_region_memory_needs_one_region)
{
	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add_node(0x200000, 0x100000, 0, MEMBLOCK_HOTPLUG);
	HT_EXPECT_TRUE(memblock_is_region_memory(0x100000, 0x100000));
	HT_EXPECT_TRUE(memblock_is_region_memory(0x180000, 0x1000));
	/* Adjacent regions with other flags do not add up, as in Linux. */
	HT_EXPECT_FALSE(memblock_is_region_memory(0x180000, 0x100000));
	HT_EXPECT_FALSE(memblock_is_region_memory(0x80000, 0x100000));
}

HTEST(is_region_reserved_on_any_overlap)
{
	reset();
	memblock_reserve(0x100000, 0x1000);
	HT_EXPECT_TRUE(memblock_is_region_reserved(0xff000, 0x1001));
	HT_EXPECT_FALSE(memblock_is_region_reserved(0xff000, 0x1000));
	HT_EXPECT_TRUE(memblock_is_region_reserved(0x100fff, 0x10));
	HT_EXPECT_FALSE(memblock_is_region_reserved(0x101000, 0x10));
}

HTEST(current_limit_reads_back)
{
	reset();
	memblock_set_current_limit(0x123000);
	HT_EXPECT_EQ(memblock_get_current_limit(), (phys_addr_t)0x123000);
	memblock_set_current_limit(MEMBLOCK_ALLOC_ANYWHERE);
	HT_EXPECT_EQ(memblock_get_current_limit(), MEMBLOCK_ALLOC_ANYWHERE);
}

/* ---- iterators --------------------------------------------------------- */

HTEST(for_each_mem_range_lists_every_region)
{
	phys_addr_t start, end, sum = 0;
	int n = 0;
	u64 i;

	reset();
	memblock_add(0x100000, 0x1000);
	memblock_add(0x300000, 0x2000);
	memblock_add(0x500000, 0x3000);
	for_each_mem_range(i, &start, &end) {
		HT_EXPECT_EQ(start, memblock.memory.regions[n].base);
		sum += end - start;
		n++;
	}
	HT_EXPECT_EQ(n, 3);
	HT_EXPECT_EQ(sum, (phys_addr_t)0x6000);
}

HTEST(free_ranges_are_memory_minus_reserved)
{
	static const phys_addr_t want[][2] = {
		{ 0x100000, 0x101000 }, { 0x102000, 0x200000 }, { 0x300000, 0x380000 },
	};
	phys_addr_t start, end;
	unsigned int n = 0;
	u64 i;

	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add(0x300000, 0x100000);
	memblock_reserve(0x101000, 0x1000);
	memblock_reserve(0x380000, 0x100000);
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, NULL) {
		HT_ASSERT_TRUE(n < ARRAY_SIZE(want));
		HT_EXPECT_EQ(start, want[n][0]);
		HT_EXPECT_EQ(end, want[n][1]);
		n++;
	}
	HT_EXPECT_EQ(n, 3u);
}

HTEST(free_ranges_in_reverse_are_the_same_backwards)
{
	phys_addr_t fwd[16][2], start, end;
	int n = 0, m;
	u64 i;

	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add(0x300000, 0x100000);
	memblock_add(0x600000, 0x10000);
	memblock_reserve(0x0, 0x101000);
	memblock_reserve(0x180000, 0x1000);
	memblock_reserve(0x3ff000, 0x202000);
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, NULL) {
		fwd[n][0] = start;
		fwd[n][1] = end;
		n++;
	}
	HT_ASSERT_EQ(n, 4);
	m = n;
	for_each_free_mem_range_reverse(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, NULL) {
		m--;
		HT_ASSERT_TRUE(m >= 0);
		HT_EXPECT_EQ(start, fwd[m][0]);
		HT_EXPECT_EQ(end, fwd[m][1]);
	}
	HT_EXPECT_EQ(m, 0);
}

HTEST(for_each_reserved_mem_range_lists_reservations)
{
	phys_addr_t start, end;
	int n = 0;
	u64 i;

	reset();
	memblock_reserve(0x100000, 0x1000);
	memblock_reserve(0x900000, 0x2000);
	for_each_reserved_mem_range(i, &start, &end) {
		HT_EXPECT_EQ(end - start, (phys_addr_t)(n ? 0x2000 : 0x1000));
		n++;
	}
	HT_EXPECT_EQ(n, 2);
}

HTEST(mem_pfn_ranges_have_whole_pages_only)
{
	unsigned long start, end;
	int i, n = 0, nid;

	reset();
	memblock_add(0x100800, 0x2000);		/* one whole page: 0x101 */
	memblock_add(0x200100, 0x100);		/* none */
	memblock_add_node(0x300000, 0x3000, 0, MEMBLOCK_NONE);
	for_each_mem_pfn_range(i, NUMA_NO_NODE, &start, &end, &nid) {
		if (n == 0) {
			HT_EXPECT_EQ(start, 0x101UL);
			HT_EXPECT_EQ(end, 0x102UL);
		} else {
			HT_EXPECT_EQ(start, 0x300UL);
			HT_EXPECT_EQ(end, 0x303UL);
			HT_EXPECT_EQ(nid, 0);
		}
		n++;
	}
	HT_EXPECT_EQ(n, 2);
	n = 0;
	for_each_mem_pfn_range(i, 0, &start, &end, NULL)
		n++;
	HT_EXPECT_EQ(n, 1);
}

HTEST(free_ranges_filter_by_node)
{
	phys_addr_t start, end;
	int n = 0, nid;
	u64 i;

	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add_node(0x200000, 0x100000, 0, MEMBLOCK_NONE);
	for_each_free_mem_range(i, 0, MEMBLOCK_NONE, &start, &end, &nid) {
		HT_EXPECT_EQ(start, (phys_addr_t)0x200000);
		HT_EXPECT_EQ(nid, 0);
		n++;
	}
	HT_EXPECT_EQ(n, 1);
	/* NUMA_NO_NODE asks for every node. */
	n = 0;
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, NULL)
		n++;
	HT_EXPECT_EQ(n, 2);
}

/* ---- memblock=debug ---------------------------------------------------- */

HTEST(debug_logs_every_call_with_its_caller)
{
	reset();
	memblock_debug = 1;
	memblock_add(0x100000, 0x100000);
	memblock_reserve(0x100000, 0x1000);
	memblock_phys_alloc(0x1000, PAGE_SIZE);
	HT_EXPECT_TRUE(htest_log_contains("memblock_add: [0x0000000000100000-0x00000000001fffff] 0x"));
	HT_EXPECT_TRUE(htest_log_contains("memblock_reserve: [0x0000000000100000-0x0000000000100fff]"));
	HT_EXPECT_TRUE(htest_log_contains("memblock_phys_alloc_range: 4096 bytes align=0x1000"));
	memblock_debug = 0;
	htest_log_clear();
	memblock_add(0x400000, 0x1000);
	HT_EXPECT_FALSE(htest_log_contains("memblock_add"));
}

HTEST(dump_all_prints_both_lists)
{
	reset();
	memblock_add_node(0x100000, 0x100000, 0, MEMBLOCK_NONE);
	memblock_reserve(0x100000, 0x1000);
	__memblock_dump_all();
	HT_EXPECT_TRUE(htest_log_contains("MEMBLOCK configuration:"));
	HT_EXPECT_TRUE(htest_log_contains(" memory.cnt  = 0x1"));
	HT_EXPECT_TRUE(htest_log_contains(" reserved.cnt  = 0x1"));
	HT_EXPECT_TRUE(htest_log_contains("[0x0000000000100000-0x00000000001fffff], 0x0000000000100000 bytes on node 0 flags: 0x0"));
}

/* ---- randomised against a model ---------------------------------------- */

#define UNIT		0x40000ULL	/* 256 KiB */
#define NR_UNITS	128		/* the first 32 MiB: at most 64 regions */

static u64 rnd_state = 0x9e3779b97f4a7c15ULL;

static u64 rnd(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return rnd_state;
}

HTEST(random_operations_match_a_model)
{
	bool mem[NR_UNITS] = { false }, rsv[NR_UNITS] = { false };
	unsigned int op, u, mismatches = 0, broken = 0;

	reset();
	for (op = 0; op < 4000; op++) {
		unsigned int first = rnd() % NR_UNITS, len = 1 + rnd() % 8, kind = rnd() % 4;
		unsigned int last = min(first + len, (unsigned int)NR_UNITS);
		phys_addr_t base = first * UNIT, size = (last - first) * UNIT;

		switch (kind) {
		case 0:
			memblock_add(base, size);
			break;
		case 1:
			memblock_remove(base, size);
			break;
		case 2:
			memblock_reserve(base, size);
			break;
		default:
			memblock_phys_free(base, size);
		}
		for (u = first; u < last; u++) {
			if (kind < 2)
				mem[u] = kind == 0;
			else
				rsv[u] = kind == 2;
		}
		broken += !type_ok(&memblock.memory) || !type_ok(&memblock.reserved);
		if (op % 50)
			continue;
		for (u = 0; u < NR_UNITS; u++) {
			mismatches += memblock_is_memory(u * UNIT) != mem[u];
			mismatches += memblock_is_reserved(u * UNIT + UNIT - 1) != rsv[u];
		}
	}
	HT_EXPECT_EQ(broken, 0u);
	HT_EXPECT_EQ(mismatches, 0u);
	HT_EXPECT_LE(memblock.memory.max, (unsigned long)INIT_MEMBLOCK_REGIONS);
}
