/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host tests of memblock (mm/memblock.c) against fake physical memory
 * (tests/host/fake_phys.c: physical [0, 64 MiB) is a host buffer, so
 * zeroing allocations and doubled arrays write real memory under ASan).
 * The cases are split along memblock's parts:
 *
 *   memblock_regions_test.c  add, remove, reserve and free; trim, flags,
 *                            nodes; the queries
 *   memblock_alloc_test.c    allocation, and lists growing their arrays
 *   memblock_iter_test.c     the iterators and memblock=debug
 *   memblock_model_test.c    thousands of random calls against a
 *                            page-by-page model
 *
 * Every case starts from memblock's initial state (reset()): both lists
 * empty in their static arrays, top-down, current_limit lifted. A case
 * that lets memblock write through __va() (memblock_alloc*(), a growing
 * list) keeps its memory below 64 MiB or sets current_limit there.
 * lists_ok() states the invariants of both lists; snapshot() and
 * unchanged() prove that a failed call left both lists as they were.
 * Every case is named memblock_*, so "host_tests memblock" runs them all.
 */
#ifndef _MEMBLOCK_HELPERS_H
#define _MEMBLOCK_HELPERS_H

#include <linux/memblock.h>
#include <linux/types.h>
#include <asm/page.h>

#define MB		(1ULL << 20)
#define FAKE_END	((phys_addr_t)HOST_FAKE_PHYS_SIZE)
#define RGN_SIZE	sizeof(struct memblock_region)
/* The most regions a snapshot holds per list. */
#define SNAP_REGIONS	(4 * INIT_MEMBLOCK_REGIONS)

/* memblock as the kernel image starts it (its static arrays), saved by reset(). */
extern struct memblock initial;
/* memblock as it was at the last snapshot(). */
struct memblock_snapshot {
	struct memblock mb;
	struct memblock_region mem[SNAP_REGIONS], rsv[SNAP_REGIONS];
};
extern struct memblock_snapshot snap;

/* memblock back to its initial state, and the log cleared. */
void reset(void);
/* Both lists keep their invariants; a failure names the first broken one. */
bool lists_ok_at(const char *file, int line);
#define lists_ok()	lists_ok_at(__FILE__, __LINE__)
/* Copy both lists; unchanged() then says whether they still match it. */
void snapshot(void);
bool unchanged_at(const char *file, int line);
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

/* @n disjoint 4 KiB regions, 8 KiB apart, from @base (memory or reserved). */
int add_sparse(phys_addr_t base, unsigned int n);
int reserve_sparse(phys_addr_t base, unsigned int n);
/* The free ranges, ascending or descending, into @out[n][2]; returns how many. */
unsigned int free_ranges(phys_addr_t (*out)[2], unsigned int n, int nid,
			 enum memblock_flags flags, bool reverse);

#endif /* _MEMBLOCK_HELPERS_H */
