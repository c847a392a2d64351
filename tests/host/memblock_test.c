// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of memblock (mm/memblock.c) against fake physical memory
 * (tests/host/fake_phys.c: physical [0, 64 MiB) is a host buffer, so
 * zeroing allocations and doubled arrays write real memory under ASan).
 *
 * Every case starts from memblock's initial state (reset()): both lists
 * empty in their static arrays, top-down, current_limit lifted. A case
 * that lets memblock write through __va() (memblock_alloc*(), a growing
 * list) keeps its memory below 64 MiB or sets current_limit there.
 *
 * lists_ok() states the invariants of both lists; snapshot() and
 * unchanged() prove that a failed call left both lists as they were; a
 * randomised case drives thousands of calls against a page-by-page model.
 * Every case is named memblock_*, so "host_tests memblock" runs them all.
 */
#include "htest.h"
#include <linux/memblock.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/pfn.h>
#include <linux/printk.h>
#include <asm/page.h>

#define MB		(1ULL << 20)
#define FAKE_END	((phys_addr_t)HOST_FAKE_PHYS_SIZE)
#define RGN_SIZE	sizeof(struct memblock_region)

/* ---- state, invariants, snapshots --------------------------------------- */

/* memblock as the kernel image starts it: static arrays, max 128 each. */
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
	memset(memblock.memory.regions, 0, memblock.memory.max * RGN_SIZE);
	memset(memblock.reserved.regions, 0, memblock.reserved.max * RGN_SIZE);
	memblock.bottom_up = false;
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;
	memblock_debug = 0;
	htest_log_clear();
}

/* The first broken invariant of @t, or NULL (see the DOC in memblock.c). */
static const char *type_broken(const struct memblock_type *t, unsigned long *at)
{
	static const struct memblock_region zero;
	phys_addr_t total = 0;
	unsigned long i;

	*at = 0;
	if (t->cnt > t->max)
		return "cnt > max";
	if (!t->cnt && memcmp(&t->regions[0], &zero, RGN_SIZE))
		return "empty list with a non-zero regions[0]";
	for (i = 0; i < t->cnt; i++) {
		const struct memblock_region *r = &t->regions[i], *p = r - 1;

		*at = i;
		if (!r->size)
			return "empty region";
		if (r->base + r->size < r->base)
			return "region wraps past the top";
		if (i && p->base + p->size > r->base)
			return "unsorted or overlapping";
		if (i && p->base + p->size == r->base && p->nid == r->nid &&
		    p->flags == r->flags)
			return "touching alike regions not merged";
		total += r->size;
	}
	return total == t->total_size ? NULL : "total_size is not the sum";
}

static bool lists_ok_at(const char *file, int line)
{
	const struct memblock_type *types[] = { &memblock.memory, &memblock.reserved };
	unsigned long at;
	unsigned int k;
	bool ok = true;

	for (k = 0; k < ARRAY_SIZE(types); k++) {
		const char *why = type_broken(types[k], &at);

		if (why) {
			htest_fail(file, line, "memblock.%s: %s at region %lu (cnt %lu)",
				   types[k]->name, why, at, types[k]->cnt);
			ok = false;
		}
	}
	return ok;
}
#define lists_ok()	lists_ok_at(__FILE__, __LINE__)

/* Both lists, byte for byte, as a failed call must leave them. */
#define SNAP_REGIONS	(4 * INIT_MEMBLOCK_REGIONS)

static struct {
	struct memblock mb;
	struct memblock_region mem[SNAP_REGIONS], rsv[SNAP_REGIONS];
} snap;

static void snapshot(void)
{
	HT_ASSERT_TRUE(memblock.memory.max <= SNAP_REGIONS);
	HT_ASSERT_TRUE(memblock.reserved.max <= SNAP_REGIONS);
	snap.mb = memblock;
	memcpy(snap.mem, memblock.memory.regions, memblock.memory.max * RGN_SIZE);
	memcpy(snap.rsv, memblock.reserved.regions, memblock.reserved.max * RGN_SIZE);
}

static bool type_unchanged(const struct memblock_type *t, const struct memblock_type *o,
			   const struct memblock_region *copy, const char *file, int line)
{
	if (t->cnt == o->cnt && t->max == o->max && t->total_size == o->total_size &&
	    t->regions == o->regions && !memcmp(t->regions, copy, t->max * RGN_SIZE))
		return true;
	htest_fail(file, line, "memblock.%s changed: cnt %lu -> %lu, max %lu -> %lu, "
		   "total %#lx -> %#lx", t->name, o->cnt, t->cnt, o->max, t->max,
		   o->total_size, t->total_size);
	return false;
}

static bool unchanged_at(const char *file, int line)
{
	bool mem = type_unchanged(&memblock.memory, &snap.mb.memory, snap.mem, file, line);
	bool rsv = type_unchanged(&memblock.reserved, &snap.mb.reserved, snap.rsv,
				  file, line);

	return mem && rsv;
}
#define unchanged()	unchanged_at(__FILE__, __LINE__)

#define EXPECT_RGN(type, i, b, s) do {					\
	HT_EXPECT_EQ(memblock.type.regions[i].base, (phys_addr_t)(b));	\
	HT_EXPECT_EQ(memblock.type.regions[i].size, (phys_addr_t)(s));	\
} while (0)

#define EXPECT_TOTALS(mcnt, msize, rcnt, rsize) do {				\
	HT_EXPECT_EQ(memblock.memory.cnt, (unsigned long)(mcnt));		\
	HT_EXPECT_EQ(memblock.memory.total_size, (phys_addr_t)(msize));	\
	HT_EXPECT_EQ(memblock.reserved.cnt, (unsigned long)(rcnt));		\
	HT_EXPECT_EQ(memblock.reserved.total_size, (phys_addr_t)(rsize));	\
} while (0)

/* @n disjoint 4 KiB ranges, 8 KiB apart, from @base: @n regions. */
static int add_sparse(phys_addr_t base, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (memblock_add(base + i * 0x2000ULL, 0x1000))
			return -1;
	return 0;
}

static int reserve_sparse(phys_addr_t base, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (memblock_reserve(base + i * 0x2000ULL, 0x1000))
			return -1;
	return 0;
}

/* The free ranges, ascending or descending, into @out[n][2]; returns n. */
static unsigned int free_ranges(phys_addr_t (*out)[2], unsigned int n, int nid,
				enum memblock_flags flags, bool reverse)
{
	phys_addr_t start, end;
	unsigned int k = 0;
	u64 i;

	if (reverse) {
		for_each_free_mem_range_reverse(i, nid, flags, &start, &end, NULL) {
			if (k < n) {
				out[k][0] = start;
				out[k][1] = end;
			}
			k++;
		}
	} else {
		for_each_free_mem_range(i, nid, flags, &start, &end, NULL) {
			if (k < n) {
				out[k][0] = start;
				out[k][1] = end;
			}
			k++;
		}
	}
	return k;
}

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

/* ---- randomised against a page model ------------------------------------ */

/*
 * Thousands of random calls on whole pages of [4, 64) MiB, each followed by
 * the invariants and a comparison with a page-by-page model: what is memory,
 * reserved, NOMAP; the totals; the free ranges both ways; and where a
 * top-down or bottom-up allocation must land. Memory at [1, 2) MiB with
 * current_limit at 2 MiB holds the arrays of the growing lists, so the model
 * knows exactly what memblock reserves for itself there.
 */
#define MODEL_PAGES	(HOST_FAKE_PHYS_SIZE >> PAGE_SHIFT)
#define ZONE_START	(1 * MB)
#define ZONE_END	(2 * MB)
#define OPS_START	(4 * MB)
#define OPS_FIRST_PAGE	(OPS_START >> PAGE_SHIFT)
#define RANDOM_OPS	4000

enum { PG_MEM = 1, PG_RSV = 2, PG_NOMAP = 4 };

static u8 model[MODEL_PAGES], seen[MODEL_PAGES];
static unsigned int free_below[MODEL_PAGES + 1];
static phys_addr_t want_runs[MODEL_PAGES / 2 + 1][2], got_runs[MODEL_PAGES / 2 + 1][2];
static u64 lcg_state;

/* Knuth's MMIX LCG; the high bits are the good ones. */
static u32 lcg(void)
{
	lcg_state = lcg_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return lcg_state >> 33;
}

static void model_set(unsigned long first, unsigned long last, u8 bits, bool on)
{
	unsigned long p;

	for (p = first; p < last; p++)
		model[p] = on ? model[p] | bits : model[p] & ~bits;
}

/* The pages of what memblock allocated for itself: its non-static arrays. */
static void model_arrays(void)
{
	const struct memblock_type *types[] = { &memblock.memory, &memblock.reserved };
	const struct memblock_region *initial_arrays[] = {
		initial.memory.regions, initial.reserved.regions,
	};
	unsigned int k;

	model_set(0, OPS_FIRST_PAGE, PG_RSV, false);
	for (k = 0; k < ARRAY_SIZE(types); k++) {
		phys_addr_t pa;

		if (types[k]->regions == initial_arrays[k])
			continue;
		pa = __pa(types[k]->regions);
		model_set(pa >> PAGE_SHIFT,
			  (pa + PFN_ALIGN(types[k]->max * RGN_SIZE)) >> PAGE_SHIFT, PG_RSV, true);
	}
}

static bool page_free(u8 m)
{
	return (m & (PG_MEM | PG_RSV | PG_NOMAP)) == PG_MEM;
}

/* Where memblock_phys_alloc_range(.., OPS_START, FAKE_END) must put @pages. */
static phys_addr_t model_alloc(unsigned long pages, unsigned long align_pages, bool bottom_up)
{
	unsigned long p, cand;

	free_below[0] = 0;
	for (p = 0; p < MODEL_PAGES; p++)
		free_below[p + 1] = free_below[p] + page_free(model[p]);
	if (bottom_up) {
		for (cand = OPS_FIRST_PAGE; cand + pages <= MODEL_PAGES; cand += align_pages)
			if (free_below[cand + pages] - free_below[cand] == pages)
				return (phys_addr_t)cand << PAGE_SHIFT;
		return 0;
	}
	for (cand = ALIGN_DOWN(MODEL_PAGES - pages, align_pages); cand >= OPS_FIRST_PAGE;
	     cand -= align_pages)
		if (free_below[cand + pages] - free_below[cand] == pages)
			return (phys_addr_t)cand << PAGE_SHIFT;
	return 0;
}

/* Paint a list into seen[]; false if a region is not whole model pages. */
static bool paint(const struct memblock_type *t, u8 bit)
{
	unsigned long i, p;

	for (i = 0; i < t->cnt; i++) {
		const struct memblock_region *r = &t->regions[i];

		if ((r->base | r->size) & ~PAGE_MASK || r->base + r->size > FAKE_END)
			return false;
		for (p = r->base >> PAGE_SHIFT; p < (r->base + r->size) >> PAGE_SHIFT; p++)
			seen[p] |= bit | ((r->flags & MEMBLOCK_NOMAP) ? PG_NOMAP : 0);
	}
	return true;
}

static bool model_matches(unsigned int op)
{
	unsigned long p, pages[2] = { 0, 0 };
	unsigned int n = 0, got, k;

	memset(seen, 0, sizeof(seen));
	if (!paint(&memblock.memory, PG_MEM) || !paint(&memblock.reserved, PG_RSV)) {
		htest_fail(__FILE__, __LINE__, "op %u: a region is not whole pages below 64 MiB",
			   op);
		return false;
	}
	for (p = 0; p < MODEL_PAGES; p++) {
		if (seen[p] != model[p]) {
			htest_fail(__FILE__, __LINE__, "op %u: page %#lx: memblock %#x, model %#x",
				   op, p << PAGE_SHIFT, seen[p], model[p]);
			return false;
		}
		pages[0] += !!(model[p] & PG_MEM);
		pages[1] += !!(model[p] & PG_RSV);
		if (page_free(model[p]) && (!p || !page_free(model[p - 1])))
			want_runs[n][0] = (phys_addr_t)p << PAGE_SHIFT;
		if (page_free(model[p]) && (p + 1 == MODEL_PAGES || !page_free(model[p + 1])))
			want_runs[n++][1] = (phys_addr_t)(p + 1) << PAGE_SHIFT;
	}
	if (memblock_phys_mem_size() != pages[0] << PAGE_SHIFT ||
	    memblock_reserved_size() != pages[1] << PAGE_SHIFT) {
		htest_fail(__FILE__, __LINE__, "op %u: sizes %#lx/%#lx, model %#lx/%#lx", op,
			   memblock_phys_mem_size(), memblock_reserved_size(),
			   pages[0] << PAGE_SHIFT, pages[1] << PAGE_SHIFT);
		return false;
	}
	got = free_ranges(got_runs, ARRAY_SIZE(got_runs), NUMA_NO_NODE, MEMBLOCK_NONE, false);
	for (k = 0; got == n && k < n; k++)
		if (got_runs[k][0] != want_runs[k][0] || got_runs[k][1] != want_runs[k][1])
			break;
	if (got != n || k != n) {
		htest_fail(__FILE__, __LINE__, "op %u: free ranges differ at %u (%u, model %u)",
			   op, k, got, n);
		return false;
	}
	got = free_ranges(got_runs, ARRAY_SIZE(got_runs), NUMA_NO_NODE, MEMBLOCK_NONE, true);
	for (k = 0; got == n && k < n; k++)
		if (got_runs[k][0] != want_runs[n - 1 - k][0] ||
		    got_runs[k][1] != want_runs[n - 1 - k][1])
			break;
	if (got != n || k != n) {
		htest_fail(__FILE__, __LINE__,
			   "op %u: reverse free ranges differ at %u (%u, model %u)", op, k, got, n);
		return false;
	}
	/* The lookups, at unaligned addresses. */
	for (k = 0; k < 4; k++) {
		phys_addr_t a = lcg() % FAKE_END;

		if (memblock_is_memory(a) != !!(model[a >> PAGE_SHIFT] & PG_MEM) ||
		    memblock_is_reserved(a) != !!(model[a >> PAGE_SHIFT] & PG_RSV)) {
			htest_fail(__FILE__, __LINE__, "op %u: lookup of %#lx disagrees", op, a);
			return false;
		}
	}
	return true;
}

/* One random call; returns what it returned (0 expected). */
static int random_op(unsigned int op)
{
	unsigned long first = OPS_FIRST_PAGE + lcg() % (MODEL_PAGES - OPS_FIRST_PAGE);
	unsigned long len = lcg() % 16 ? 1 + lcg() % 8 : 1 + lcg() % 1024;
	unsigned long last = min(first + len, (unsigned long)MODEL_PAGES), p;
	phys_addr_t base = (phys_addr_t)first << PAGE_SHIFT;
	phys_addr_t size = (phys_addr_t)(last - first) << PAGE_SHIFT;
	unsigned int kind = lcg() % 100;
	int ret = 0;

	if (kind < 25) {
		ret = memblock_add(base, size);
		for (p = first; p < last; p++)
			if (!(model[p] & PG_MEM))
				model[p] = (model[p] & PG_RSV) | PG_MEM;	/* new: no flags */
	} else if (kind < 35) {
		ret = memblock_remove(base, size);
		model_set(first, last, PG_MEM | PG_NOMAP, false);
	} else if (kind < 57) {
		ret = memblock_reserve(base, size);
		model_set(first, last, PG_RSV, true);
	} else if (kind < 64) {
		ret = memblock_phys_free(base, size);
		model_set(first, last, PG_RSV, false);
	} else if (kind < 70) {
		memblock_free(__va(base), size);
		model_set(first, last, PG_RSV, false);
	} else if (kind < 84) {
		unsigned long pages = 1 + lcg() % 16, align = 1UL << (lcg() % 5);
		phys_addr_t want = model_alloc(pages, align, memblock_bottom_up());
		phys_addr_t got;

		snapshot();
		got = memblock_phys_alloc_range(pages << PAGE_SHIFT, align << PAGE_SHIFT,
						OPS_START, FAKE_END);
		if (got != want) {
			htest_fail(__FILE__, __LINE__,
				   "op %u: %lu pages aligned %lu: %#lx, model %#lx", op, pages,
				   align, got, want);
			return -EINVAL;
		}
		if (!got && !unchanged())
			return -EINVAL;
		model_set(got >> PAGE_SHIFT, (got >> PAGE_SHIFT) + (got ? pages : 0), PG_RSV, true);
	} else if (kind < 92) {
		ret = memblock_mark_nomap(base, size);
		for (p = first; p < last; p++)
			if (model[p] & PG_MEM)
				model[p] |= PG_NOMAP;
	} else if (kind < 98) {
		ret = memblock_clear_nomap(base, size);
		model_set(first, last, PG_NOMAP, false);
	} else {
		memblock_set_bottom_up(!memblock_bottom_up());
	}
	model_arrays();
	return ret;
}

HTEST(memblock_random_operations_match_a_page_model)
{
	unsigned long peak_mem = 0, peak_rsv = 0;
	unsigned int op;

	reset();
	memset(model, 0, sizeof(model));
	lcg_state = 20240229;
	memblock_add(ZONE_START, ZONE_END - ZONE_START);
	model_set(ZONE_START >> PAGE_SHIFT, ZONE_END >> PAGE_SHIFT, PG_MEM, true);
	memblock_set_current_limit(ZONE_END);
	for (op = 0; op < RANDOM_OPS; op++) {
		int ret = random_op(op);

		if (ret) {
			htest_fail(__FILE__, __LINE__, "op %u returned %d", op, ret);
			htest_abort();
		}
		if (!lists_ok() || !model_matches(op))
			htest_abort();
		peak_mem = max(peak_mem, memblock.memory.cnt);
		peak_rsv = max(peak_rsv, memblock.reserved.cnt);
	}
	printk("memblock random run: peak cnt memory %lu reserved %lu, max %lu/%lu\n",
	       peak_mem, peak_rsv, memblock.memory.max, memblock.reserved.max);
	/* The run grew both lists past their static arrays, at least once. */
	HT_EXPECT_GT(peak_mem, (unsigned long)INIT_MEMBLOCK_REGIONS);
	HT_EXPECT_GT(peak_rsv, (unsigned long)INIT_MEMBLOCK_REGIONS);
	HT_EXPECT_GE(memblock.memory.max, 2UL * INIT_MEMBLOCK_REGIONS);
	HT_EXPECT_GE(memblock.reserved.max, 2UL * INIT_MEMBLOCK_REGIONS);
}
