// SPDX-License-Identifier: GPL-2.0
/*
 * memblock host tests (see memblock_helpers.h): allocation in every
 * direction, range, alignment and node, failures that change nothing, and
 * lists doubling their arrays.
 */
#include "htest.h"
#include "memblock_helpers.h"
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/pfn.h>
#include <linux/printk.h>

/* ---- allocation --------------------------------------------------------- */

HTEST(memblock_phys_alloc_is_top_down_by_default)
{
	reset();
	memblock_add(0x100000, 0x400000);
	HT_EXPECT_FALSE(memblock_bottom_up());
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x4ff000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x4fe000);
	EXPECT_TOTALS(1, 0x400000, 1, 0x2000);
	EXPECT_RGN(reserved, 0, 0x4fe000, 0x2000);
}

HTEST(memblock_phys_alloc_top_down_takes_the_highest_region)
{
	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add(0x800000, 0x100000);
	memblock_add(0x400000, 0x100000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x100000, PAGE_SIZE), (phys_addr_t)0x800000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x4ff000);
}

HTEST(memblock_phys_alloc_bottom_up_takes_the_lowest)
{
	reset();
	memblock_add(0x400000, 0x100000);
	memblock_add(0x100000, 0x400);		/* too small */
	memblock_add(0x200000, 0x100000);
	memblock_set_bottom_up(true);
	HT_EXPECT_TRUE(memblock_bottom_up());
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x200000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x201000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x100000, PAGE_SIZE), (phys_addr_t)0x400000);
	memblock_set_bottom_up(false);
	HT_EXPECT_FALSE(memblock_bottom_up());
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x2ff000);
}

HTEST(memblock_phys_alloc_top_down_honours_alignment)
{
	reset();
	memblock_add(0x100000, 0x4ff000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, 0x100000), (phys_addr_t)0x500000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x3000, 0x10000), (phys_addr_t)0x5f0000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x10, 0x10), (phys_addr_t)0x5feff0);
}

HTEST(memblock_phys_alloc_bottom_up_honours_alignment)
{
	reset();
	memblock_add(0x101000, 0x400000);
	memblock_set_bottom_up(true);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, 0x100000), (phys_addr_t)0x200000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, 0x4000), (phys_addr_t)0x104000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x10, 0x10), (phys_addr_t)0x101000);
}

HTEST(memblock_phys_alloc_range_stays_in_the_range)
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
	/* Nor in one that lies outside memory. */
	HT_EXPECT_EQ(memblock_phys_alloc_range(0x1000, PAGE_SIZE, 0x2000000, 0x3000000),
		     (phys_addr_t)0);
	/* An empty or inverted range finds nothing. */
	HT_EXPECT_EQ(memblock_phys_alloc_range(0x1000, PAGE_SIZE, 0x400000, 0x300000),
		     (phys_addr_t)0);
	EXPECT_TOTALS(1, 0x1000000, 2, 0x4000);
}

HTEST(memblock_phys_alloc_range_end_is_not_clamped_to_current_limit)
{
	reset();
	memblock_add(0x100000, 0x1000000);
	memblock_set_current_limit(0x200000);
	HT_EXPECT_EQ(memblock_phys_alloc_range(0x1000, PAGE_SIZE, 0, 0x800000),
		     (phys_addr_t)0x7ff000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x1ff000);
	HT_EXPECT_EQ(memblock_phys_alloc_range(0x1000, PAGE_SIZE, 0,
					       MEMBLOCK_ALLOC_ACCESSIBLE),
		     (phys_addr_t)0x1fe000);
}

HTEST(memblock_alloc_below_current_limit)
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
	/* Nothing below the limit is big enough: NULL, though memory is free above. */
	HT_EXPECT_TRUE(memblock_alloc(0x400000, PAGE_SIZE) == NULL);
}

HTEST(memblock_alloc_try_nid_honours_min_and_max_addr)
{
	void *p;

	reset();
	memblock_add(0x100000, 0x1000000);
	p = memblock_alloc_try_nid(0x2000, PAGE_SIZE, 0x300000, 0x500000, NUMA_NO_NODE);
	HT_ASSERT_TRUE(p != NULL);
	HT_EXPECT_EQ(__pa(p), (phys_addr_t)0x4fe000);
	memblock_set_bottom_up(true);
	p = memblock_alloc_try_nid_raw(0x2000, PAGE_SIZE, 0x300000, 0x500000,
				       NUMA_NO_NODE);
	HT_ASSERT_TRUE(p != NULL);
	HT_EXPECT_EQ(__pa(p), (phys_addr_t)0x300000);
	EXPECT_TOTALS(1, 0x1000000, 2, 0x4000);
}

HTEST(memblock_alloc_skips_reserved_ranges)
{
	reset();
	memblock_add(0x100000, 0x400000);
	memblock_reserve(0x4f0000, 0x10000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x4ef000);
	EXPECT_TOTALS(1, 0x400000, 1, 0x11000);
	EXPECT_RGN(reserved, 0, 0x4ef000, 0x11000);
	memblock_set_bottom_up(true);
	memblock_reserve(0x100000, 0x3000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x103000);
}

HTEST(memblock_alloc_skips_nomap_memory)
{
	reset();
	memblock_add(0x100000, 0x400000);
	memblock_mark_nomap(0x400000, 0x100000);
	memblock_mark_nomap(0x100000, 0x1000);
	/* An allocation cannot straddle into NOMAP memory. */
	HT_EXPECT_EQ(memblock_phys_alloc_range(0x2000, PAGE_SIZE, 0x3ff000, 0x401000),
		     (phys_addr_t)0);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x3ff000);
	memblock_set_bottom_up(true);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x101000);
}

HTEST(memblock_alloc_never_returns_the_first_page)
{
	reset();
	memblock_add(0x0, 0x3000);
	memblock_set_bottom_up(true);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x1000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x2000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0);
	HT_EXPECT_EQ(memblock_phys_alloc(0x10, 0x10), (phys_addr_t)0);
	HT_EXPECT_FALSE(memblock_is_reserved(0));
	/* Top-down, with only page 0 free, the same. */
	reset();
	memblock_add(0x0, 0x1000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x10, 0x10), (phys_addr_t)0);
	HT_EXPECT_TRUE(memblock_alloc(0x10, 0x10) == NULL);
	EXPECT_TOTALS(1, 0x1000, 0, 0);
}

HTEST(memblock_alloc_reserves_exactly_what_it_returns)
{
	phys_addr_t a;

	reset();
	memblock_add(0x100000, 0x400000);
	a = memblock_phys_alloc(0x1800, 0x800);
	HT_ASSERT_EQ(a, (phys_addr_t)0x4fe800);
	HT_EXPECT_FALSE(memblock_is_reserved(a - 1));
	HT_EXPECT_TRUE(memblock_is_reserved(a));
	HT_EXPECT_TRUE(memblock_is_reserved(a + 0x17ff));
	HT_EXPECT_FALSE(memblock_is_reserved(a + 0x1800));
	EXPECT_TOTALS(1, 0x400000, 1, 0x1800);
}

HTEST(memblock_alloc_zeroes_the_memory)
{
	u8 *p;
	size_t i;

	reset();
	memblock_add(0x100000, 0x100000);
	memset(__va(0x100000), 0xaa, 0x100000);
	p = memblock_alloc(0x2000, PAGE_SIZE);
	HT_ASSERT_TRUE(p != NULL);
	HT_EXPECT_EQ(__pa(p), (phys_addr_t)0x1fe000);
	for (i = 0; i < 0x2000; i++)
		if (p[i])
			break;
	HT_EXPECT_EQ(i, (size_t)0x2000);
	/* Only the allocation: the byte below it is untouched. */
	HT_EXPECT_EQ(p[-1], 0xaa);
}

HTEST(memblock_alloc_from_zeroes_the_memory)
{
	u8 *p;

	reset();
	memblock_add(0x100000, 0x100000);
	memset(__va(0x100000), 0xaa, 0x100000);
	memblock_set_bottom_up(true);
	p = memblock_alloc_from(0x100, 0x100, 0x180000);
	HT_ASSERT_TRUE(p != NULL);
	HT_EXPECT_EQ(__pa(p), (phys_addr_t)0x180000);
	HT_EXPECT_EQ(p[-1], 0xaa);
	HT_EXPECT_EQ(p[0], 0);
	HT_EXPECT_EQ(p[0xff], 0);
	HT_EXPECT_EQ(p[0x100], 0xaa);
}

HTEST(memblock_alloc_raw_leaves_the_memory_alone)
{
	u8 *p;

	reset();
	memblock_add(0x100000, 0x100000);
	memset(__va(0x100000), 0xaa, 0x100000);
	p = memblock_alloc_try_nid_raw(0x2000, PAGE_SIZE, 0, MEMBLOCK_ALLOC_ACCESSIBLE,
				       NUMA_NO_NODE);
	HT_ASSERT_TRUE(p != NULL);
	HT_EXPECT_EQ(__pa(p), (phys_addr_t)0x1fe000);
	HT_EXPECT_EQ(p[0], 0xaa);
	HT_EXPECT_EQ(p[0x1000], 0xaa);
	HT_EXPECT_EQ(p[0x1fff], 0xaa);
	HT_EXPECT_TRUE(memblock_is_reserved(0x1fe000));
}

HTEST(memblock_alloc_from_prefers_memory_above_min_addr)
{
	void *p;

	reset();
	memblock_add(0x100000, 0x400000);
	memblock_set_bottom_up(true);
	p = memblock_alloc_from(0x1000, PAGE_SIZE, 0x300000);
	HT_ASSERT_TRUE(p != NULL);
	HT_EXPECT_EQ(__pa(p), (phys_addr_t)0x300000);
}

HTEST(memblock_alloc_from_falls_back_below_min_addr)
{
	void *p;

	reset();
	memblock_add(0x100000, 0x400000);
	memblock_reserve(0x300000, 0x200000);
	p = memblock_alloc_from(0x1000, PAGE_SIZE, 0x300000);
	HT_ASSERT_TRUE(p != NULL);
	HT_EXPECT_EQ(__pa(p), (phys_addr_t)0x2ff000);
	HT_EXPECT_FALSE(htest_log_contains("Failed to allocate"));
}

/*
 * Two nodes: node 0 low, node 1 high. (MAX_NUMNODES is 1 in this kernel, so
 * nid 1 is a label on the regions, not a node one can ask for: only the
 * preference for node 0 is observable.)
 */
static void two_nodes(void)
{
	memblock_add_node(0x100000, 0x100000, 0, MEMBLOCK_NONE);
	memblock_add_node(0x200000, 0x100000, 1, MEMBLOCK_NONE);
}

HTEST(memblock_alloc_try_nid_prefers_the_node)
{
	void *p;

	reset();
	two_nodes();
	p = memblock_alloc_try_nid(0x1000, PAGE_SIZE, 0, MEMBLOCK_ALLOC_ACCESSIBLE, 0);
	HT_ASSERT_TRUE(p != NULL);
	HT_EXPECT_EQ(__pa(p), (phys_addr_t)0x1ff000);
	p = memblock_alloc_try_nid_raw(0x1000, PAGE_SIZE, 0, MEMBLOCK_ALLOC_ACCESSIBLE, 0);
	HT_ASSERT_TRUE(p != NULL);
	HT_EXPECT_EQ(__pa(p), (phys_addr_t)0x1fe000);
	/* Without a preference, top-down takes node 1's memory. */
	p = memblock_alloc_try_nid(0x1000, PAGE_SIZE, 0, MEMBLOCK_ALLOC_ACCESSIBLE,
				   NUMA_NO_NODE);
	HT_ASSERT_TRUE(p != NULL);
	HT_EXPECT_EQ(__pa(p), (phys_addr_t)0x2ff000);
	/* Bottom-up, node 0 is also the lowest: prefer node 0 against no-node memory. */
	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add_node(0x200000, 0x100000, 0, MEMBLOCK_NONE);
	memblock_set_bottom_up(true);
	p = memblock_alloc_try_nid(0x1000, PAGE_SIZE, 0, MEMBLOCK_ALLOC_ACCESSIBLE, 0);
	HT_ASSERT_TRUE(p != NULL);
	HT_EXPECT_EQ(__pa(p), (phys_addr_t)0x200000);
}

HTEST(memblock_alloc_try_nid_falls_back_to_another_node)
{
	void *p;

	reset();
	two_nodes();
	memblock_reserve(0x100000, 0xff000);		/* one page left on node 0 */
	p = memblock_alloc_try_nid(0x2000, PAGE_SIZE, 0, MEMBLOCK_ALLOC_ACCESSIBLE, 0);
	HT_ASSERT_TRUE(p != NULL);
	HT_EXPECT_EQ(__pa(p), (phys_addr_t)0x2fe000);
	HT_EXPECT_FALSE(htest_log_contains("Failed"));
	/* The page still fits on node 0. */
	p = memblock_alloc_try_nid(0x1000, PAGE_SIZE, 0, MEMBLOCK_ALLOC_ACCESSIBLE, 0);
	HT_ASSERT_TRUE(p != NULL);
	HT_EXPECT_EQ(__pa(p), (phys_addr_t)0x1ff000);
}

HTEST(memblock_alloc_failure_returns_null_with_a_message)
{
	reset();
	memblock_add(0x100000, 0x10000);
	HT_EXPECT_TRUE(memblock_alloc(0x20000, PAGE_SIZE) == NULL);
	HT_EXPECT_TRUE(htest_log_contains("memblock_alloc_try_nid: Failed to allocate 131072 bytes align=0x1000"));
	htest_log_clear();
	HT_EXPECT_TRUE(memblock_alloc_try_nid_raw(0x11000, 0x2000, 0x100000, 0x200000, 0) == NULL);
	HT_EXPECT_TRUE(htest_log_contains("memblock_alloc_try_nid_raw: Failed to allocate 69632 bytes align=0x2000 nid=0"));
	htest_log_clear();
	HT_EXPECT_TRUE(memblock_alloc_from(0x11000, PAGE_SIZE, 0x80000) == NULL);
	HT_EXPECT_TRUE(htest_log_contains("Failed to allocate 69632 bytes"));
}

HTEST(memblock_alloc_failure_leaves_both_lists_unchanged)
{
	reset();
	memblock_add(0x100000, 0x10000);
	memblock_add_node(0x200000, 0x10000, 0, MEMBLOCK_NONE);
	memblock_mark_nomap(0x200000, 0x8000);
	memblock_reserve(0x104000, 0x1000);
	snapshot();
	HT_EXPECT_TRUE(memblock_alloc(0x11000, PAGE_SIZE) == NULL);
	HT_EXPECT_TRUE(memblock_alloc_try_nid(0xc000, PAGE_SIZE, 0, MEMBLOCK_ALLOC_ACCESSIBLE, 0) == NULL);
	HT_EXPECT_TRUE(memblock_alloc_from(0x10000, PAGE_SIZE, 0x100000) == NULL);
	HT_EXPECT_EQ(memblock_phys_alloc_range(0x1000, PAGE_SIZE, 0x300000, 0x400000),
		     (phys_addr_t)0);
	/* Free memory, but no 16 MiB-aligned address in it above page 0. */
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, 0x1000000), (phys_addr_t)0);
	unchanged();
	lists_ok();
}

HTEST(memblock_alloc_exactly_filling_a_gap)
{
	reset();
	memblock_add(0x100000, 0x10000);
	memblock_reserve(0x100000, 0x4000);
	memblock_reserve(0x106000, 0xa000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x2000, PAGE_SIZE), (phys_addr_t)0x104000);
	EXPECT_TOTALS(1, 0x10000, 1, 0x10000);
	EXPECT_RGN(reserved, 0, 0x100000, 0x10000);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0);
}

HTEST(memblock_alloc_with_zero_alignment_warns_and_uses_a_cache_line)
{
	extern unsigned long warn_count;
	unsigned long warns = warn_count;
	phys_addr_t a;

	reset();
	memblock_add(0x100000, 0x10000);
	a = memblock_phys_alloc(0x30, 0);
	HT_EXPECT_EQ(a, (phys_addr_t)(0x110000 - SMP_CACHE_BYTES));
	HT_EXPECT_EQ(warn_count, warns + 1);
}

/* The reserved list is full: reserving an allocation grows it elsewhere. */
HTEST(memblock_alloc_on_a_full_reserved_list_grows_it_elsewhere)
{
	reset();
	memblock_add(0x100000, 0x400000);
	/* Reservations need not be memory: fill the list outside it. */
	HT_ASSERT_EQ(reserve_sparse(0x10000000, INIT_MEMBLOCK_REGIONS), 0);
	HT_ASSERT_EQ(memblock.reserved.cnt, (unsigned long)INIT_MEMBLOCK_REGIONS);
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0x4ff000);
	HT_EXPECT_EQ(memblock.reserved.max, 2UL * INIT_MEMBLOCK_REGIONS);
	/* The new array went just below the allocation, not over it. */
	HT_EXPECT_EQ(__pa(memblock.reserved.regions), (phys_addr_t)0x4fd000);
	HT_EXPECT_EQ(memblock.reserved.cnt, INIT_MEMBLOCK_REGIONS + 1UL);
	EXPECT_RGN(reserved, 0, 0x4fd000, 0x3000);
	EXPECT_RGN(reserved, 1, 0x10000000, 0x1000);
	lists_ok();
}

HTEST(memblock_alloc_fails_cleanly_when_the_reserved_list_cannot_grow)
{
	reset();
	memblock_add(0x100000, 0x1000);		/* room for the allocation only */
	HT_ASSERT_EQ(reserve_sparse(0x10000000, INIT_MEMBLOCK_REGIONS), 0);
	snapshot();
	HT_EXPECT_TRUE(memblock_alloc(0x1000, PAGE_SIZE) == NULL);
	HT_EXPECT_TRUE(htest_log_contains("Failed to double reserved array from 128 to 256"));
	HT_EXPECT_TRUE(htest_log_contains("memblock_alloc_try_nid: Failed to allocate 4096 bytes"));
	HT_EXPECT_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), (phys_addr_t)0);
	unchanged();
}

/* ---- growing the arrays ------------------------------------------------- */

static const struct memblock_region zero_regions[2 * INIT_MEMBLOCK_REGIONS];

HTEST(memblock_memory_list_doubles_at_128_regions)
{
	struct memblock_region *mem;
	unsigned int k;

	reset();
	memblock_set_current_limit(FAKE_END);
	memblock_add(0x2000000, 0x1000000);	/* room for the new array */
	HT_ASSERT_EQ(add_sparse(0x100000, INIT_MEMBLOCK_REGIONS - 1), 0);
	HT_ASSERT_EQ(memblock.memory.cnt, (unsigned long)INIT_MEMBLOCK_REGIONS);
	HT_ASSERT_EQ(memblock.memory.max, (unsigned long)INIT_MEMBLOCK_REGIONS);
	snapshot();
	/* Junk where the array will go: it must arrive copied and zeroed. */
	memset(__va(0x2ffe000), 0xaa, 0x2000);
	memblock_debug = 1;
	HT_ASSERT_EQ(memblock_add(0x1000000, 0x1000), 0);
	mem = memblock.memory.regions;
	HT_EXPECT_EQ(memblock.memory.max, 2UL * INIT_MEMBLOCK_REGIONS);
	HT_EXPECT_EQ(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS + 1UL);
	HT_EXPECT_EQ(memblock.memory.total_size, snap.mb.memory.total_size + 0x1000);
	/* The new array is the highest free memory, and it is reserved. */
	HT_EXPECT_EQ(__pa(mem), (phys_addr_t)0x2ffe000);
	EXPECT_TOTALS(INIT_MEMBLOCK_REGIONS + 1, snap.mb.memory.total_size + 0x1000,
		      1, 0x2000);
	EXPECT_RGN(reserved, 0, 0x2ffe000, 0x2000);
	HT_EXPECT_TRUE(htest_log_contains(
		"memblock: memory is doubled to 256 at [0x0000000002ffe000-0x0000000002fff7ff]"));
	/* Contents preserved, the new region in its place, the rest zero. */
	HT_EXPECT_EQ(memcmp(mem, snap.mem, (INIT_MEMBLOCK_REGIONS - 1) * RGN_SIZE), 0);
	EXPECT_RGN(memory, INIT_MEMBLOCK_REGIONS - 1, 0x1000000, 0x1000);
	HT_EXPECT_EQ(memcmp(&mem[INIT_MEMBLOCK_REGIONS], &snap.mem[INIT_MEMBLOCK_REGIONS - 1],
			    RGN_SIZE), 0);
	k = INIT_MEMBLOCK_REGIONS + 1;
	HT_EXPECT_EQ(memcmp(&mem[k], zero_regions, (2 * INIT_MEMBLOCK_REGIONS - k) * RGN_SIZE), 0);
	/* The static array is not memblock's to free: nothing else changed. */
	HT_EXPECT_EQ(memblock.reserved.cnt, 1UL);
	lists_ok();
}

HTEST(memblock_memory_list_doubles_again_at_256_and_frees_the_old_array)
{
	reset();
	memblock_set_current_limit(FAKE_END);
	memblock_add(0x2000000, 0x1000000);
	HT_ASSERT_EQ(add_sparse(0x100000, 2 * INIT_MEMBLOCK_REGIONS - 1), 0);
	HT_ASSERT_EQ(memblock.memory.cnt, 2UL * INIT_MEMBLOCK_REGIONS);
	HT_ASSERT_EQ(memblock.memory.max, 2UL * INIT_MEMBLOCK_REGIONS);
	HT_ASSERT_EQ(__pa(memblock.memory.regions), (phys_addr_t)0x2ffe000);
	snapshot();
	HT_ASSERT_EQ(add_sparse(0x100000 + 2 * INIT_MEMBLOCK_REGIONS * 0x2000ULL, 4), 0);
	HT_EXPECT_EQ(memblock.memory.max, 4UL * INIT_MEMBLOCK_REGIONS);
	HT_EXPECT_EQ(memblock.memory.cnt, 2UL * INIT_MEMBLOCK_REGIONS + 4);
	/* The new array (3 pages) below the old; the old one is free again. */
	HT_EXPECT_EQ(__pa(memblock.memory.regions), (phys_addr_t)0x2ffb000);
	HT_EXPECT_EQ(memblock.reserved.cnt, 1UL);
	EXPECT_RGN(reserved, 0, 0x2ffb000,
		   PFN_ALIGN(4 * INIT_MEMBLOCK_REGIONS * RGN_SIZE));
	HT_EXPECT_FALSE(memblock_is_reserved(0x2ffe000));
	/* The sparse regions below the new ones are where they were. */
	HT_EXPECT_EQ(memcmp(memblock.memory.regions, snap.mem,
			    (2 * INIT_MEMBLOCK_REGIONS - 1) * RGN_SIZE), 0);
	lists_ok();
}

HTEST(memblock_reserved_list_doubles_at_128_regions)
{
	struct memblock_region *rsv;

	reset();
	memblock_add(0x100000, 0x3000000);
	HT_ASSERT_EQ(reserve_sparse(0x100000, INIT_MEMBLOCK_REGIONS), 0);
	HT_ASSERT_EQ(memblock.reserved.max, (unsigned long)INIT_MEMBLOCK_REGIONS);
	snapshot();
	HT_ASSERT_EQ(memblock_reserve(0x200000, 0x1000), 0);
	rsv = memblock.reserved.regions;
	HT_EXPECT_EQ(memblock.reserved.max, 2UL * INIT_MEMBLOCK_REGIONS);
	/* 129 reservations and the array's own, at the top of memory. */
	HT_EXPECT_EQ(memblock.reserved.cnt, INIT_MEMBLOCK_REGIONS + 2UL);
	HT_EXPECT_EQ(__pa(rsv), (phys_addr_t)0x30fe000);
	HT_EXPECT_EQ(memblock.reserved.total_size,
		     (INIT_MEMBLOCK_REGIONS + 1) * 0x1000ULL + 0x2000);
	HT_EXPECT_EQ(memcmp(rsv, snap.rsv, INIT_MEMBLOCK_REGIONS * RGN_SIZE), 0);
	EXPECT_RGN(reserved, INIT_MEMBLOCK_REGIONS, 0x200000, 0x1000);
	EXPECT_RGN(reserved, INIT_MEMBLOCK_REGIONS + 1, 0x30fe000, 0x2000);
	HT_EXPECT_EQ(memblock.memory.cnt, 1UL);
	lists_ok();
}

HTEST(memblock_reserved_list_doubles_again_at_256_and_frees_the_old_array)
{
	unsigned int users = 2 * INIT_MEMBLOCK_REGIONS - 1;	/* and the array: full */

	reset();
	memblock_add(0x100000, 0x3000000);
	HT_ASSERT_EQ(reserve_sparse(0x100000, users), 0);
	HT_ASSERT_EQ(memblock.reserved.cnt, 2UL * INIT_MEMBLOCK_REGIONS);
	HT_ASSERT_EQ(__pa(memblock.reserved.regions), (phys_addr_t)0x30fe000);
	snapshot();
	HT_ASSERT_EQ(memblock_reserve(0x100000 + users * 0x2000ULL, 0x1000), 0);
	HT_EXPECT_EQ(memblock.reserved.max, 4UL * INIT_MEMBLOCK_REGIONS);
	HT_EXPECT_EQ(__pa(memblock.reserved.regions), (phys_addr_t)0x30fb000);
	HT_EXPECT_FALSE(memblock_is_reserved(0x30fe000));
	HT_EXPECT_EQ(memblock.reserved.cnt, users + 2UL);
	HT_EXPECT_EQ(memblock.reserved.total_size, (users + 1) * 0x1000ULL + 0x3000);
	HT_EXPECT_EQ(memcmp(memblock.reserved.regions, snap.rsv, users * RGN_SIZE), 0);
	EXPECT_RGN(reserved, users + 1, 0x30fb000, 0x3000);
	lists_ok();
}

HTEST(memblock_doubling_failure_with_no_free_memory_changes_nothing)
{
	reset();
	HT_ASSERT_EQ(add_sparse(0x100000, INIT_MEMBLOCK_REGIONS), 0);
	/* No free memory anywhere: the new array cannot be found. */
	memblock_reserve(0, 0x1000000);
	snapshot();
	HT_EXPECT_EQ(memblock_add(0x2000000, 0x1000), -ENOMEM);
	HT_EXPECT_TRUE(htest_log_contains("Failed to double memory array from 128 to 256"));
	HT_EXPECT_TRUE(memblock.memory.regions == initial.memory.regions);
	unchanged();
	/* Splitting needs room too: removal, flags and nodes are refused alike. */
	htest_log_clear();
	HT_EXPECT_EQ(memblock_remove(0x100000 + 0x800, 0x100), -ENOMEM);
	HT_EXPECT_TRUE(htest_log_contains("Failed to double memory array"));
	HT_EXPECT_EQ(memblock_mark_nomap(0x100800, 0x100), -ENOMEM);
	HT_EXPECT_EQ(memblock_mark_hotplug(0x100800, 0x100), -ENOMEM);
	HT_EXPECT_EQ(memblock_set_node(0x100800, 0x100, &memblock.memory, 0), -ENOMEM);
	unchanged();
	lists_ok();
}

HTEST(memblock_doubling_failure_below_current_limit_changes_nothing)
{
	reset();
	memblock_add(0x2000000, 0x1000000);	/* free, but above the limit */
	HT_ASSERT_EQ(add_sparse(0x100000, INIT_MEMBLOCK_REGIONS - 1), 0);
	memblock_set_current_limit(0x100000);
	snapshot();
	HT_EXPECT_EQ(memblock_add(0x1000000, 0x1000), -ENOMEM);
	HT_EXPECT_TRUE(htest_log_contains("Failed to double memory array from 128 to 256"));
	unchanged();
	/* The same for the reserved list (reservations need not be memory). */
	HT_ASSERT_EQ(reserve_sparse(0x10000000, INIT_MEMBLOCK_REGIONS), 0);
	snapshot();
	HT_EXPECT_EQ(memblock_reserve(0x1000000, 0x1000), -ENOMEM);
	HT_EXPECT_TRUE(htest_log_contains("Failed to double reserved array from 128 to 256"));
	HT_EXPECT_EQ(memblock_phys_free(0x10000400, 0x400), -ENOMEM);
	unchanged();
	/* Raise the limit and the same calls succeed. */
	memblock_set_current_limit(FAKE_END);
	HT_EXPECT_EQ(memblock_add(0x1000000, 0x1000), 0);
	HT_EXPECT_EQ(memblock_reserve(0x1000000, 0x1000), 0);
	HT_EXPECT_EQ(memblock.memory.max, 2UL * INIT_MEMBLOCK_REGIONS);
	HT_EXPECT_EQ(memblock.reserved.max, 2UL * INIT_MEMBLOCK_REGIONS);
	lists_ok();
}

/*
 * Growing the reserved list while reserving a range: the new array must not
 * be placed in that range, though it is the free memory top-down would pick.
 */
HTEST(memblock_doubled_array_avoids_the_range_being_reserved)
{
	reset();
	memblock_add(0x100000, 0x1f00000);
	HT_ASSERT_EQ(reserve_sparse(0x100000, INIT_MEMBLOCK_REGIONS), 0);
	HT_ASSERT_EQ(memblock.reserved.max, (unsigned long)INIT_MEMBLOCK_REGIONS);
	HT_ASSERT_EQ(memblock_reserve(0x1f00000, 0x100000), 0);
	HT_EXPECT_EQ(memblock.reserved.max, 2UL * INIT_MEMBLOCK_REGIONS);
	HT_EXPECT_EQ(__pa(memblock.reserved.regions), (phys_addr_t)0x1efe000);
	HT_EXPECT_TRUE(memblock_is_reserved(0x1efe000));
	HT_EXPECT_TRUE(memblock_is_reserved(0x1f00000));
	lists_ok();
}

/*
 * The same for a range starting at 0, with nothing free above it: there is
 * no room below 0 either, so the call must fail rather than put the array
 * in the caller's range (the lower search once ran up to current_limit).
 */
HTEST(memblock_doubled_array_avoids_a_reserved_range_at_0)
{
	reset();
	memblock_add(0x100000, 0xf00000);
	memblock_reserve(0x800000, 0x800000);
	HT_ASSERT_EQ(reserve_sparse(0x10000000, INIT_MEMBLOCK_REGIONS - 1), 0);
	snapshot();
	HT_EXPECT_EQ(memblock_reserve(0, 0x800000), -ENOMEM);
	HT_EXPECT_TRUE(htest_log_contains("Failed to double reserved array from 128 to 256"));
	unchanged();
	/* Free memory above the range: that is where the array goes. */
	memblock_add(0x1000000, 0x100000);
	HT_EXPECT_EQ(memblock_reserve(0, 0x800000), 0);
	HT_EXPECT_EQ(__pa(memblock.reserved.regions), (phys_addr_t)0x10fe000);
	lists_ok();
}

/* Removing memory from a full list: the new array stays in what remains. */
HTEST(memblock_doubled_array_avoids_the_range_being_removed)
{
	phys_addr_t arr;

	reset();
	memblock_set_current_limit(FAKE_END);
	memblock_add(0x2000000, 0x1000000);
	HT_ASSERT_EQ(add_sparse(0x100000, INIT_MEMBLOCK_REGIONS - 1), 0);
	HT_ASSERT_EQ(memblock_remove(0x2800000, 0x800000), 0);
	arr = __pa(memblock.memory.regions);
	HT_EXPECT_EQ(arr, (phys_addr_t)0x27fe000);
	HT_EXPECT_TRUE(memblock_is_memory(arr));
	HT_EXPECT_TRUE(memblock_is_reserved(arr));
	HT_EXPECT_EQ(memblock_end_of_DRAM(), (phys_addr_t)0x2800000);
	lists_ok();
}

/* Growing memory with the reserved list nearly full grows that one first. */
HTEST(memblock_memory_doubling_grows_a_full_reserved_list_first)
{
	reset();
	memblock_set_current_limit(FAKE_END);
	memblock_add(0x2000000, 0x1000000);
	HT_ASSERT_EQ(add_sparse(0x100000, INIT_MEMBLOCK_REGIONS - 1), 0);
	HT_ASSERT_EQ(reserve_sparse(0x10000000, INIT_MEMBLOCK_REGIONS - 2), 0);
	HT_ASSERT_EQ(memblock_add(0x1000000, 0x1000), 0);
	HT_EXPECT_EQ(memblock.memory.max, 2UL * INIT_MEMBLOCK_REGIONS);
	HT_EXPECT_EQ(memblock.reserved.max, 2UL * INIT_MEMBLOCK_REGIONS);
	HT_EXPECT_EQ(__pa(memblock.reserved.regions), (phys_addr_t)0x2ffe000);
	HT_EXPECT_EQ(__pa(memblock.memory.regions), (phys_addr_t)0x2ffc000);
	HT_EXPECT_EQ(memblock.reserved.cnt, INIT_MEMBLOCK_REGIONS - 1UL);
	EXPECT_RGN(reserved, 0, 0x2ffc000, 0x4000);
	lists_ok();
}

/* Freeing the middle of a reservation on a full list: room for the split. */
HTEST(memblock_phys_free_on_a_full_reserved_list_grows_it)
{
	reset();
	memblock_add(0x1000000, 0x1000000);
	HT_ASSERT_EQ(reserve_sparse(0x100000, INIT_MEMBLOCK_REGIONS), 0);
	HT_ASSERT_EQ(memblock_phys_free(0x100400, 0x400), 0);
	HT_EXPECT_EQ(memblock.reserved.max, 2UL * INIT_MEMBLOCK_REGIONS);
	HT_EXPECT_EQ(__pa(memblock.reserved.regions), (phys_addr_t)0x1ffe000);
	HT_EXPECT_EQ(memblock.reserved.cnt, INIT_MEMBLOCK_REGIONS + 2UL);
	EXPECT_RGN(reserved, 0, 0x100000, 0x400);
	EXPECT_RGN(reserved, 1, 0x100800, 0x800);
	HT_EXPECT_EQ(memblock.reserved.total_size,
		     INIT_MEMBLOCK_REGIONS * 0x1000ULL - 0x400 + 0x2000);
	lists_ok();
}
