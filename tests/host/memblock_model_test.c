// SPDX-License-Identifier: GPL-2.0
/*
 * memblock host tests (see memblock_helpers.h): random calls against a
 * page-by-page model of memory, reservations and NOMAP.
 */
#include "htest.h"
#include "memblock_helpers.h"
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/pfn.h>
#include <linux/printk.h>

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
