// SPDX-License-Identifier: GPL-2.0
/*
 * memblock host tests (see memblock_helpers.h): the range iterators and
 * memblock=debug.
 */
#include "htest.h"
#include "memblock_helpers.h"
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/pfn.h>
#include <linux/printk.h>

/* ---- iterators ---------------------------------------------------------- */

HTEST(memblock_for_each_mem_range_lists_every_region)
{
	static const phys_addr_t want[][2] = {
		{ 0x100000, 0x101000 }, { 0x300000, 0x302000 }, { 0x500000, 0x503000 },
	};
	phys_addr_t start, end;
	unsigned int n = 0;
	u64 i;

	reset();
	for_each_mem_range(i, &start, &end)
		n++;
	HT_EXPECT_EQ(n, 0u);
	memblock_add(0x500000, 0x3000);
	memblock_add(0x100000, 0x1000);
	memblock_add(0x300000, 0x2000);
	memblock_reserve(0x100000, 0x1000);	/* reservations do not matter here */
	for_each_mem_range(i, &start, &end) {
		HT_ASSERT_TRUE(n < ARRAY_SIZE(want));
		HT_EXPECT_EQ(start, want[n][0]);
		HT_EXPECT_EQ(end, want[n][1]);
		n++;
	}
	HT_EXPECT_EQ(n, 3u);
}

HTEST(memblock_free_ranges_are_memory_minus_reserved)
{
	static const phys_addr_t want[][2] = {
		{ 0x100000, 0x101000 }, { 0x102000, 0x200000 }, { 0x300000, 0x380000 },
	};
	phys_addr_t r[8][2];
	unsigned int n, k;

	reset();
	HT_EXPECT_EQ(free_ranges(r, 8, NUMA_NO_NODE, MEMBLOCK_NONE, false), 0u);
	memblock_add(0x100000, 0x100000);
	memblock_add(0x300000, 0x100000);
	memblock_reserve(0x101000, 0x1000);
	memblock_reserve(0x380000, 0x100000);
	memblock_reserve(0x240000, 0x10000);	/* between the regions */
	n = free_ranges(r, 8, NUMA_NO_NODE, MEMBLOCK_NONE, false);
	HT_ASSERT_EQ(n, 3u);
	for (k = 0; k < n; k++) {
		HT_EXPECT_EQ(r[k][0], want[k][0]);
		HT_EXPECT_EQ(r[k][1], want[k][1]);
	}
	/* Everything reserved: nothing free. */
	memblock_reserve(0, 0x1000000);
	HT_EXPECT_EQ(free_ranges(r, 8, NUMA_NO_NODE, MEMBLOCK_NONE, false), 0u);
	HT_EXPECT_EQ(free_ranges(r, 8, NUMA_NO_NODE, MEMBLOCK_NONE, true), 0u);
}

/* One reservation spanning two regions, another inside the last one. */
HTEST(memblock_free_ranges_around_a_reservation_spanning_regions)
{
	static const phys_addr_t want[][2] = {
		{ 0x100000, 0x180000 }, { 0x380000, 0x400000 },
		{ 0x500000, 0x580000 }, { 0x590000, 0x600000 },
	};
	phys_addr_t r[8][2];
	unsigned int k;

	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add(0x300000, 0x100000);
	memblock_add(0x500000, 0x100000);
	memblock_reserve(0x180000, 0x200000);
	memblock_reserve(0x580000, 0x10000);
	HT_ASSERT_EQ(free_ranges(r, 8, NUMA_NO_NODE, MEMBLOCK_NONE, false), 4u);
	for (k = 0; k < 4; k++) {
		HT_EXPECT_EQ(r[k][0], want[k][0]);
		HT_EXPECT_EQ(r[k][1], want[k][1]);
	}
	HT_ASSERT_EQ(free_ranges(r, 8, NUMA_NO_NODE, MEMBLOCK_NONE, true), 4u);
	for (k = 0; k < 4; k++) {
		HT_EXPECT_EQ(r[k][0], want[3 - k][0]);
		HT_EXPECT_EQ(r[k][1], want[3 - k][1]);
	}
}

HTEST(memblock_free_ranges_in_reverse_are_the_same_backwards)
{
	phys_addr_t fwd[16][2], rev[16][2];
	unsigned int n, k;

	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add(0x300000, 0x100000);
	memblock_add(0x600000, 0x10000);
	memblock_reserve(0x0, 0x101000);
	memblock_reserve(0x180000, 0x1000);
	memblock_reserve(0x3ff000, 0x202000);
	n = free_ranges(fwd, 16, NUMA_NO_NODE, MEMBLOCK_NONE, false);
	HT_ASSERT_EQ(n, 4u);
	HT_EXPECT_EQ(fwd[0][0], (phys_addr_t)0x101000);
	HT_EXPECT_EQ(fwd[0][1], (phys_addr_t)0x180000);
	HT_EXPECT_EQ(fwd[1][0], (phys_addr_t)0x181000);
	HT_EXPECT_EQ(fwd[1][1], (phys_addr_t)0x200000);
	HT_EXPECT_EQ(fwd[2][0], (phys_addr_t)0x300000);
	HT_EXPECT_EQ(fwd[2][1], (phys_addr_t)0x3ff000);
	HT_EXPECT_EQ(fwd[3][0], (phys_addr_t)0x601000);
	HT_EXPECT_EQ(fwd[3][1], (phys_addr_t)0x610000);
	HT_ASSERT_EQ(free_ranges(rev, 16, NUMA_NO_NODE, MEMBLOCK_NONE, true), n);
	for (k = 0; k < n; k++) {
		HT_EXPECT_EQ(rev[k][0], fwd[n - 1 - k][0]);
		HT_EXPECT_EQ(rev[k][1], fwd[n - 1 - k][1]);
	}
}

HTEST(memblock_free_ranges_accept_null_outputs)
{
	unsigned int n = 0;
	u64 i;

	reset();
	memblock_add(0x100000, 0x100000);
	memblock_reserve(0x140000, 0x1000);
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, NULL, NULL, NULL)
		n++;
	HT_EXPECT_EQ(n, 2u);
	for_each_free_mem_range_reverse(i, NUMA_NO_NODE, MEMBLOCK_NONE, NULL, NULL, NULL)
		n++;
	HT_EXPECT_EQ(n, 4u);
}

HTEST(memblock_for_each_reserved_mem_range_lists_reservations)
{
	phys_addr_t start, end;
	int n = 0;
	u64 i;

	reset();
	memblock_reserve(0x900000, 0x2000);
	memblock_reserve(0x100000, 0x1000);
	memblock_add(0x100000, 0x100000);	/* memory does not matter here */
	for_each_reserved_mem_range(i, &start, &end) {
		HT_EXPECT_EQ(start, (phys_addr_t)(n ? 0x900000 : 0x100000));
		HT_EXPECT_EQ(end, (phys_addr_t)(n ? 0x902000 : 0x101000));
		n++;
	}
	HT_EXPECT_EQ(n, 2);
}

HTEST(memblock_mem_pfn_ranges_have_whole_pages_only)
{
	unsigned long start, end;
	int i, n = 0, nid;

	reset();
	memblock_add(0x100800, 0x2000);		/* one whole page: 0x101 */
	memblock_add(0x200100, 0x100);		/* none */
	memblock_add(0x280800, 0x1000);		/* straddles a boundary: none */
	memblock_add_node(0x300000, 0x3000, 0, MEMBLOCK_NONE);
	memblock_mark_nomap(0x301000, 0x1000);	/* NOMAP pages count */
	for_each_mem_pfn_range(i, NUMA_NO_NODE, &start, &end, &nid) {
		if (n == 0) {
			HT_EXPECT_EQ(start, 0x101UL);
			HT_EXPECT_EQ(end, 0x102UL);
			HT_EXPECT_EQ(nid, NUMA_NO_NODE);
		} else {
			HT_EXPECT_EQ(start, 0x2ffUL + n);
			HT_EXPECT_EQ(end, 0x300UL + n);
			HT_EXPECT_EQ(nid, 0);
		}
		n++;
	}
	HT_EXPECT_EQ(n, 4);	/* 0x101, then 0x300, 0x301 (NOMAP), 0x302 */
	n = 0;
	for_each_mem_pfn_range(i, 0, &start, &end, NULL)
		n++;
	HT_EXPECT_EQ(n, 3);
}

HTEST(memblock_free_ranges_filter_by_node)
{
	phys_addr_t start, end;
	int n = 0, nid;
	u64 i;

	reset();
	memblock_add(0x100000, 0x100000);
	memblock_add_node(0x200000, 0x100000, 0, MEMBLOCK_NONE);
	memblock_add_node(0x300000, 0x100000, 1, MEMBLOCK_NONE);
	memblock_reserve(0x1f0000, 0x20000);	/* across the node boundary */
	for_each_free_mem_range(i, 0, MEMBLOCK_NONE, &start, &end, &nid) {
		HT_EXPECT_EQ(start, (phys_addr_t)0x210000);
		HT_EXPECT_EQ(end, (phys_addr_t)0x300000);
		HT_EXPECT_EQ(nid, 0);
		n++;
	}
	for_each_free_mem_range_reverse(i, 0, MEMBLOCK_NONE, &start, &end, &nid) {
		HT_EXPECT_EQ(start, (phys_addr_t)0x210000);
		HT_EXPECT_EQ(nid, 0);
		n++;
	}
	HT_EXPECT_EQ(n, 2);
	/* NUMA_NO_NODE asks for every node; each range reports its own. */
	n = 0;
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, &nid) {
		HT_EXPECT_EQ(nid, n == 0 ? NUMA_NO_NODE : n - 1);
		n++;
	}
	HT_EXPECT_EQ(n, 3);
}

/* ---- memblock=debug ----------------------------------------------------- */

HTEST(memblock_debug_logs_every_call_with_its_caller)
{
	reset();
	memblock_debug = 1;
	memblock_add(0x100000, 0x100000);
	memblock_add_node(0x300000, 0x1000, 0, MEMBLOCK_HOTPLUG);
	memblock_reserve(0x100000, 0x1000);
	memblock_phys_free(0x100000, 0x1000);
	memblock_remove(0x300000, 0x1000);
	memblock_phys_alloc(0x1000, PAGE_SIZE);
	HT_EXPECT_TRUE(htest_log_contains("memblock_add: [0x"));
	HT_EXPECT_TRUE(htest_log_contains("memblock_add: [0x0000000000100000-0x00000000001fffff] 0x"));
	HT_EXPECT_TRUE(htest_log_contains("memblock_add_node: [0x0000000000300000-0x0000000000300fff] nid=0 flags=1"));
	HT_EXPECT_TRUE(htest_log_contains("memblock_reserve: [0x0000000000100000-0x0000000000100fff]"));
	HT_EXPECT_TRUE(htest_log_contains("memblock_phys_free: [0x0000000000100000-0x0000000000100fff]"));
	HT_EXPECT_TRUE(htest_log_contains("memblock_remove: [0x0000000000300000-0x0000000000300fff]"));
	HT_EXPECT_TRUE(htest_log_contains("memblock_phys_alloc_range: 4096 bytes align=0x1000"));
	memblock_debug = 0;
	htest_log_clear();
	memblock_add(0x400000, 0x1000);
	memblock_reserve(0x400000, 0x1000);
	memblock_dump_all();
	HT_EXPECT_STREQ(htest_log(), "");
}

HTEST(memblock_dump_all_prints_both_lists)
{
	reset();
	memblock_add_node(0x100000, 0x100000, 0, MEMBLOCK_NONE);
	memblock_add(0x300000, 0x1000);
	memblock_mark_nomap(0x300000, 0x1000);
	memblock_reserve(0x100000, 0x1000);
	__memblock_dump_all();
	HT_EXPECT_TRUE(htest_log_contains("MEMBLOCK configuration:"));
	HT_EXPECT_TRUE(htest_log_contains(" memory size = 0x0000000000101000 reserved size = 0x0000000000001000"));
	HT_EXPECT_TRUE(htest_log_contains(" memory.cnt  = 0x2"));
	HT_EXPECT_TRUE(htest_log_contains(" reserved.cnt  = 0x1"));
	HT_EXPECT_TRUE(htest_log_contains("[0x0000000000100000-0x00000000001fffff], 0x0000000000100000 bytes on node 0 flags: 0x0"));
	HT_EXPECT_TRUE(htest_log_contains("[0x0000000000300000-0x0000000000300fff], 0x0000000000001000 bytes flags: 0x4"));
	/* memblock_dump_all() is the same under memblock=debug. */
	htest_log_clear();
	memblock_debug = 1;
	memblock_dump_all();
	HT_EXPECT_TRUE(htest_log_contains(" reserved.cnt  = 0x1"));
}
