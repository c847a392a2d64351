// SPDX-License-Identifier: GPL-2.0
/*
 * What the memblock host tests share (tests/host/memblock_helpers.h):
 * resetting memblock to its initial state, the invariants of both lists,
 * snapshots that prove a failed call changed nothing, and small builders.
 */
#include "htest.h"
#include "memblock_helpers.h"
#include <linux/kernel.h>

/* ---- state, invariants, snapshots --------------------------------------- */

/* memblock as the kernel image starts it: static arrays, max 128 each. */
struct memblock initial;
static bool saved;

void reset(void)
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

bool lists_ok_at(const char *file, int line)
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

/* Both lists, byte for byte, as a failed call must leave them. */
struct memblock_snapshot snap;

void snapshot(void)
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

bool unchanged_at(const char *file, int line)
{
	bool mem = type_unchanged(&memblock.memory, &snap.mb.memory, snap.mem, file, line);
	bool rsv = type_unchanged(&memblock.reserved, &snap.mb.reserved, snap.rsv,
				  file, line);

	return mem && rsv;
}

/* @n disjoint 4 KiB ranges, 8 KiB apart, from @base: @n regions. */
int add_sparse(phys_addr_t base, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (memblock_add(base + i * 0x2000ULL, 0x1000))
			return -1;
	return 0;
}

int reserve_sparse(phys_addr_t base, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (memblock_reserve(base + i * 0x2000ULL, 0x1000))
			return -1;
	return 0;
}

/* The free ranges, ascending or descending, into @out[n][2]; returns n. */
unsigned int free_ranges(phys_addr_t (*out)[2], unsigned int n, int nid,
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
