// SPDX-License-Identifier: GPL-2.0
/*
 * Boot-time physical memory management: Linux's memblock, written for this
 * kernel. The interface is documented in include/linux/memblock.h.
 */

/**
 * DOC: memblock overview
 *
 * memblock describes physical memory at boot, before the page allocator
 * exists, with two lists of physical ranges:
 *
 *   memory    the RAM the firmware reported (e820 "usable"), each range
 *             with a node and flags (HOTPLUG, MIRROR, NOMAP)
 *   reserved  what of it (or of anything else) is taken: the kernel image,
 *             firmware data, the boot modules, and every memblock allocation
 *
 * Free memory is memory minus reserved, minus NOMAP memory. The iterators
 * (for_each_free_mem_range() ...) compute it on the fly; the allocators
 * search it top-down by default (bottom-up after memblock_set_bottom_up())
 * and reserve what they hand out.
 *
 * Life cycle: arch code adds every usable e820 range with memblock_add(),
 * reserves what is in use, sets current_limit to what the direct map
 * covers, and allocates early data structures (page tables, the memory
 * map). The page allocator is then given every free range. Linux discards
 * memblock at that point; this kernel keeps it, for the `memblock` shell
 * command and for debugging.
 *
 * Invariants of each list (struct memblock_type):
 *  - regions[0..cnt) are sorted by base, do not overlap, and have size > 0;
 *  - two touching regions differ in nid or flags (otherwise they merge);
 *  - total_size is the sum of their sizes; cnt <= max;
 *  - an empty list has cnt == 0 and an all-zero regions[0] (as Linux since
 *    v6.2; older Linux kept a dummy region with cnt == 1).
 *
 * Storage: each list starts in a static array of INIT_MEMBLOCK_REGIONS
 * regions, so memblock works before any allocator. A full list doubles its
 * array: the new one is allocated from memblock itself, never overlapping
 * the range being added, removed or reserved, and is reserved; an old array
 * that came from memblock is freed. A list that cannot grow makes the call
 * fail with -ENOMEM and leaves both lists as they were.
 *
 * Locking: none. memblock is not thread safe; it is used at boot only,
 * single-threaded, before the other CPUs start.
 */
#include <linux/memblock.h>
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/bug.h>
#include <linux/shell.h>
#include <linux/seq_file.h>
#include <linux/debugfs.h>
#include <linux/fs.h>

static struct memblock_region memblock_memory_init_regions[INIT_MEMBLOCK_REGIONS];
static struct memblock_region memblock_reserved_init_regions[INIT_MEMBLOCK_REGIONS];

struct memblock memblock = {
	.memory.regions		= memblock_memory_init_regions,
	.memory.max		= INIT_MEMBLOCK_REGIONS,
	.memory.name		= "memory",

	.reserved.regions	= memblock_reserved_init_regions,
	.reserved.max		= INIT_MEMBLOCK_REGIONS,
	.reserved.name		= "reserved",

	.bottom_up		= false,
	.current_limit		= MEMBLOCK_ALLOC_ANYWHERE,
};

int memblock_debug;

#define memblock_dbg(fmt, ...)						\
	do {								\
		if (memblock_debug)					\
			pr_info(fmt, ##__VA_ARGS__);			\
	} while (0)

/* Who called the exported function, for the memblock=debug lines (%pS). */
#define memblock_caller()	__builtin_return_address(0)

static int early_memblock(char *val)
{
	/* Linux looks for "debug" anywhere in the value. */
	if (!val || !strstr(val, "debug"))
		return -EINVAL;
	memblock_debug = 1;
	return 0;
}
early_param("memblock", early_memblock);

/* ---- the lists ---------------------------------------------------------- */

static inline phys_addr_t memblock_region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

/* Shrink @size so that @base + @size does not wrap; returns the new size. */
static phys_addr_t memblock_cap_size(phys_addr_t base, phys_addr_t *size)
{
	return *size = min(*size, PHYS_ADDR_MAX - base);
}

static bool memblock_valid_node(int nid)
{
	return nid >= 0 && nid < MAX_NUMNODES;
}

static bool memblock_overlaps_region(const struct memblock_type *type,
				     phys_addr_t base, phys_addr_t size)
{
	unsigned long i;

	memblock_cap_size(base, &size);
	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		if (base < memblock_region_end(r) && r->base < base + size)
			return true;
	}
	return false;
}

/* Index of the region containing @addr, or -1. */
static long memblock_search(const struct memblock_type *type, phys_addr_t addr)
{
	unsigned long lo = 0, hi = type->cnt;

	while (lo < hi) {
		unsigned long mid = lo + (hi - lo) / 2;
		const struct memblock_region *r = &type->regions[mid];

		if (addr < r->base)
			hi = mid;
		else if (addr >= memblock_region_end(r))
			lo = mid + 1;
		else
			return (long)mid;
	}
	return -1;
}

static void memblock_insert_region(struct memblock_type *type, unsigned long idx,
				   phys_addr_t base, phys_addr_t size, int nid,
				   enum memblock_flags flags)
{
	struct memblock_region *r = &type->regions[idx];

	BUG_ON(type->cnt >= type->max);
	memmove(r + 1, r, (type->cnt - idx) * sizeof(*r));
	r->base = base;
	r->size = size;
	r->nid = nid;
	r->flags = flags;
	type->cnt++;
	type->total_size += size;
}

static void memblock_remove_region(struct memblock_type *type, unsigned long idx)
{
	struct memblock_region *r = &type->regions[idx];

	type->total_size -= r->size;
	memmove(r, r + 1, (type->cnt - idx - 1) * sizeof(*r));
	type->cnt--;
	if (type->cnt == 0) {
		WARN_ON(type->total_size != 0);
		memset(&type->regions[0], 0, sizeof(type->regions[0]));
	}
}

/* Restore "touching regions differ in nid or flags" after a change. */
static void memblock_merge_regions(struct memblock_type *type)
{
	unsigned long i = 0;

	while (i + 1 < type->cnt) {
		struct memblock_region *this = &type->regions[i];
		struct memblock_region *next = this + 1;

		BUG_ON(memblock_region_end(this) > next->base);
		if (memblock_region_end(this) != next->base ||
		    this->nid != next->nid || this->flags != next->flags) {
			i++;
			continue;
		}
		this->size += next->size;
		memmove(next, next + 1, (type->cnt - i - 2) * sizeof(*next));
		type->cnt--;
	}
}

/* Split region @idx in two at @addr, which lies strictly inside it. */
static void memblock_split_region(struct memblock_type *type, unsigned long idx,
				  phys_addr_t addr)
{
	struct memblock_region *r = &type->regions[idx];
	phys_addr_t lower = addr - r->base;

	r->base = addr;
	r->size -= lower;
	type->total_size -= lower;
	memblock_insert_region(type, idx, addr - lower, lower, r->nid, r->flags);
}

/* ---- iterators ---------------------------------------------------------- */

static bool memblock_skip_region(const struct memblock_region *m, int nid,
				 enum memblock_flags flags)
{
	if (memblock_valid_node(nid) && nid != m->nid)
		return true;
	if ((flags & MEMBLOCK_MIRROR) && !(m->flags & MEMBLOCK_MIRROR))
		return true;
	/* NOMAP memory is not mapped: only callers asking for it see it. */
	if ((m->flags & MEMBLOCK_NOMAP) && !(flags & MEMBLOCK_NOMAP))
		return true;
	return false;
}

/* Gap @i of @type, 0 <= i <= cnt: the space before region i (or after the last). */
static void memblock_gap(const struct memblock_type *type, u64 i,
			 phys_addr_t *start, phys_addr_t *end)
{
	*start = i ? memblock_region_end(&type->regions[i - 1]) : 0;
	*end = i < type->cnt ? type->regions[i].base : PHYS_ADDR_MAX;
}

static void memblock_report(const struct memblock_region *m, phys_addr_t start,
			    phys_addr_t end, phys_addr_t *out_start,
			    phys_addr_t *out_end, int *out_nid)
{
	if (out_start)
		*out_start = start;
	if (out_end)
		*out_end = end;
	if (out_nid)
		*out_nid = m->nid;
}

void __next_mem_range(u64 *idx, int nid, enum memblock_flags flags,
		      struct memblock_type *type_a, struct memblock_type *type_b,
		      phys_addr_t *out_start, phys_addr_t *out_end, int *out_nid)
{
	u64 idx_a = *idx & 0xffffffff, idx_b = *idx >> 32;
	phys_addr_t r_start, r_end;

	for (; idx_a < type_a->cnt; idx_a++) {
		const struct memblock_region *m = &type_a->regions[idx_a];
		phys_addr_t m_start = m->base, m_end = memblock_region_end(m);

		if (memblock_skip_region(m, nid, flags))
			continue;
		if (!type_b) {
			memblock_report(m, m_start, m_end, out_start, out_end, out_nid);
			*idx = idx_a + 1;
			return;
		}
		/* Gaps are sorted: one that starts past m may still meet the next m. */
		for (; idx_b <= type_b->cnt; idx_b++) {
			memblock_gap(type_b, idx_b, &r_start, &r_end);
			if (r_start >= m_end)
				break;
			if (r_end <= m_start)
				continue;
			memblock_report(m, max(m_start, r_start), min(m_end, r_end),
					out_start, out_end, out_nid);
			/* Advance whichever of the two ends first. */
			if (m_end <= r_end)
				idx_a++;
			else
				idx_b++;
			*idx = idx_a | idx_b << 32;
			return;
		}
	}
	*idx = U64_MAX;
}

/*
 * The same walk from the top down. The cursors are signed here: idx_a runs
 * down to -1; idx_b never goes below 0 (gap 0 starts at address 0, below
 * every region), so a live cursor never equals U64_MAX.
 */
void __next_mem_range_rev(u64 *idx, int nid, enum memblock_flags flags,
			  struct memblock_type *type_a, struct memblock_type *type_b,
			  phys_addr_t *out_start, phys_addr_t *out_end, int *out_nid)
{
	long idx_a, idx_b;
	phys_addr_t r_start, r_end;

	if (*idx == U64_MAX) {
		idx_a = (long)type_a->cnt - 1;
		idx_b = type_b ? (long)type_b->cnt : 0;
	} else {
		idx_a = (s32)(*idx & 0xffffffff);
		idx_b = (s32)(*idx >> 32);
	}

	for (; idx_a >= 0; idx_a--) {
		const struct memblock_region *m = &type_a->regions[idx_a];
		phys_addr_t m_start = m->base, m_end = memblock_region_end(m);

		if (memblock_skip_region(m, nid, flags))
			continue;
		if (!type_b) {
			memblock_report(m, m_start, m_end, out_start, out_end, out_nid);
			*idx = (u32)(idx_a - 1);
			return;
		}
		for (; idx_b >= 0; idx_b--) {
			memblock_gap(type_b, idx_b, &r_start, &r_end);
			if (r_end <= m_start)
				break;
			if (r_start >= m_end)
				continue;
			memblock_report(m, max(m_start, r_start), min(m_end, r_end),
					out_start, out_end, out_nid);
			if (m_start >= r_start)
				idx_a--;
			else
				idx_b--;
			*idx = (u32)idx_a | (u64)(u32)idx_b << 32;
			return;
		}
	}
	*idx = U64_MAX;
}

void __next_mem_pfn_range(int *idx, int nid, unsigned long *out_start_pfn,
			  unsigned long *out_end_pfn, int *out_nid)
{
	const struct memblock_type *type = &memblock.memory;
	const struct memblock_region *r;

	while (++*idx < (int)type->cnt) {
		r = &type->regions[*idx];
		/* Regions without a whole page in them have no pfn range. */
		if (PFN_UP(r->base) >= PFN_DOWN(memblock_region_end(r)))
			continue;
		if (memblock_valid_node(nid) && nid != r->nid)
			continue;
		if (out_start_pfn)
			*out_start_pfn = PFN_UP(r->base);
		if (out_end_pfn)
			*out_end_pfn = PFN_DOWN(memblock_region_end(r));
		if (out_nid)
			*out_nid = r->nid;
		return;
	}
	*idx = -1;
}

/* ---- finding free memory ------------------------------------------------ */

static phys_addr_t memblock_find_top_down(phys_addr_t start, phys_addr_t end,
					  phys_addr_t size, phys_addr_t align,
					  int nid, enum memblock_flags flags)
{
	phys_addr_t this_start, this_end, cand;
	u64 i;

	for_each_free_mem_range_reverse(i, nid, flags, &this_start, &this_end, NULL) {
		this_start = clamp(this_start, start, end);
		this_end = clamp(this_end, start, end);
		if (this_end < size)
			continue;
		cand = ALIGN_DOWN(this_end - size, align);
		if (cand >= this_start)
			return cand;
	}
	return 0;
}

static phys_addr_t memblock_find_bottom_up(phys_addr_t start, phys_addr_t end,
					   phys_addr_t size, phys_addr_t align,
					   int nid, enum memblock_flags flags)
{
	phys_addr_t this_start, this_end, cand;
	u64 i;

	for_each_free_mem_range(i, nid, flags, &this_start, &this_end, NULL) {
		this_start = clamp(this_start, start, end);
		this_end = clamp(this_end, start, end);
		cand = ALIGN(this_start, align);
		if (cand < this_end && this_end - cand >= size)
			return cand;
	}
	return 0;
}

/*
 * Find, without reserving, @size free bytes aligned to @align inside
 * [start, end). Returns 0 when nothing fits: that is why the first page
 * is never handed out.
 */
static phys_addr_t memblock_find_in_range_node(phys_addr_t size, phys_addr_t align,
					       phys_addr_t start, phys_addr_t end,
					       int nid, enum memblock_flags flags)
{
	if (end == MEMBLOCK_ALLOC_ACCESSIBLE)
		end = memblock.current_limit;
	start = max_t(phys_addr_t, start, PAGE_SIZE);
	end = max(start, end);
	if (memblock_bottom_up())
		return memblock_find_bottom_up(start, end, size, align, nid, flags);
	return memblock_find_top_down(start, end, size, align, nid, flags);
}

/* ---- growing a list ----------------------------------------------------- */

/*
 * Free memory for a new array below current_limit, outside the range the
 * caller is about to add, remove or reserve: above that range first, then
 * below it (as Linux).
 */
static phys_addr_t memblock_find_array_space(phys_addr_t avoid_start,
					     phys_addr_t avoid_size, phys_addr_t size)
{
	phys_addr_t limit = memblock.current_limit;
	phys_addr_t below = min(avoid_start, limit);
	phys_addr_t addr;

	addr = memblock_find_in_range_node(size, PAGE_SIZE, avoid_start + avoid_size,
					   limit, NUMA_NO_NODE, MEMBLOCK_NONE);
	/*
	 * Nothing lies below a range starting at 0, and an end of 0 would mean
	 * MEMBLOCK_ALLOC_ACCESSIBLE: a search up to current_limit, through the
	 * very range to avoid (Linux has the same hole).
	 */
	if (!addr && avoid_size && below)
		addr = memblock_find_in_range_node(size, PAGE_SIZE, 0, below,
						   NUMA_NO_NODE, MEMBLOCK_NONE);
	return addr;
}

static bool memblock_array_is_static(const struct memblock_region *regions)
{
	return regions == memblock_memory_init_regions ||
	       regions == memblock_reserved_init_regions;
}

/* Growing a list adds to and removes from the reserved list, which may grow. */
static int memblock_double_array(struct memblock_type *type, phys_addr_t avoid_start,
				 phys_addr_t avoid_size);
static int memblock_add_range(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size, int nid, enum memblock_flags flags);
static int memblock_remove_range(struct memblock_type *type, phys_addr_t base,
				 phys_addr_t size);

/*
 * Reserving the new array of @type adds at most one reserved region, and
 * freeing its old one splits at most one (two more): make that room in the
 * reserved list first, so that nothing can fail once the copy is made.
 * Doubling the reserved list itself needs no room: its new array has it.
 */
static int memblock_reserve_room_for_doubling(struct memblock_type *type,
					      phys_addr_t avoid_start,
					      phys_addr_t avoid_size)
{
	struct memblock_type *rsv = &memblock.reserved;

	if (type == rsv || rsv->cnt + 3 <= rsv->max)
		return 0;
	return memblock_double_array(rsv, avoid_start, avoid_size);
}

/**
 * memblock_double_array - give a full list an array twice as large
 * @type: &memblock.memory or &memblock.reserved
 * @avoid_start: start of the range the caller is changing
 * @avoid_size: its size; the new array must not lie in it
 *
 * Return: 0, or -ENOMEM with @type unchanged (the reserved list may have
 * grown to make room for the reservation, which leaves it consistent).
 */
static int memblock_double_array(struct memblock_type *type, phys_addr_t avoid_start,
				 phys_addr_t avoid_size)
{
	struct memblock_region *old = type->regions, *new;
	phys_addr_t old_size = type->max * sizeof(*old);
	phys_addr_t alloc_size = PFN_ALIGN(old_size * 2);
	phys_addr_t addr, last;

	/* Only these two lists are known to own their arrays. */
	if (WARN_ON(type != &memblock.memory && type != &memblock.reserved))
		return -ENOMEM;
	if (memblock_reserve_room_for_doubling(type, avoid_start, avoid_size))
		return -ENOMEM;
	addr = memblock_find_array_space(avoid_start, avoid_size, alloc_size);
	if (!addr) {
		pr_err("memblock: Failed to double %s array from %lu to %lu entries !\n",
		       type->name, type->max, type->max * 2);
		return -ENOMEM;
	}
	last = addr + old_size * 2 - 1;
	memblock_dbg("memblock: %s is doubled to %lu at [%pa-%pa]\n", type->name,
		     type->max * 2, &addr, &last);

	new = __va(addr);
	memcpy(new, old, old_size);
	memset(new + type->max, 0, old_size);
	type->regions = new;
	type->max *= 2;

	BUG_ON(memblock_add_range(&memblock.reserved, addr, alloc_size,
				  NUMA_NO_NODE, MEMBLOCK_NONE));
	if (!memblock_array_is_static(old))
		BUG_ON(memblock_remove_range(&memblock.reserved, __pa(old),
					     PFN_ALIGN(old_size)));
	return 0;
}

/* ---- adding and removing ranges ----------------------------------------- */

/*
 * Walk the parts of [base, end) that no region of @type covers yet; insert
 * them when @insert. Returns how many parts there are.
 */
static unsigned long memblock_add_parts(struct memblock_type *type, phys_addr_t base,
					phys_addr_t end, int nid,
					enum memblock_flags flags, bool insert)
{
	unsigned long idx, nr = 0;

	for (idx = 0; idx < type->cnt && base < end; idx++) {
		phys_addr_t rbase = type->regions[idx].base;
		phys_addr_t rend = memblock_region_end(&type->regions[idx]);

		if (rend <= base)
			continue;
		if (rbase >= end)
			break;
		if (rbase > base) {
			nr++;
			if (insert)
				memblock_insert_region(type, idx++, base, rbase - base,
						       nid, flags);
		}
		base = min(rend, end);
	}
	if (base < end) {
		nr++;
		if (insert)
			memblock_insert_region(type, idx, base, end - base, nid, flags);
	}
	return nr;
}

/*
 * Add [base, base + size) to @type. Counting first and growing the array
 * before inserting anything keeps the list intact when growing fails.
 */
static int memblock_add_range(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size, int nid, enum memblock_flags flags)
{
	phys_addr_t end;

	if (!size)
		return 0;
	end = base + memblock_cap_size(base, &size);
	while (type->cnt + memblock_add_parts(type, base, end, nid, flags, false) >
	       type->max)
		if (memblock_double_array(type, base, size))
			return -ENOMEM;
	memblock_add_parts(type, base, end, nid, flags, true);
	memblock_merge_regions(type);
	return 0;
}

/*
 * Split the regions of @type at base and base + size, so that the range is
 * covered by whole regions [*start_rgn, *end_rgn) (empty when no region
 * intersects it).
 */
static int memblock_isolate_range(struct memblock_type *type, phys_addr_t base,
				  phys_addr_t size, unsigned long *start_rgn,
				  unsigned long *end_rgn)
{
	phys_addr_t end;
	unsigned long idx;

	*start_rgn = *end_rgn = 0;
	if (!size)
		return 0;
	end = base + memblock_cap_size(base, &size);
	/* The two splits add at most two regions. */
	while (type->cnt + 2 > type->max)
		if (memblock_double_array(type, base, size))
			return -ENOMEM;

	for (idx = 0; idx < type->cnt; idx++) {
		const struct memblock_region *r = &type->regions[idx];

		if (r->base >= end)
			break;
		if (memblock_region_end(r) <= base)
			continue;
		if (r->base < base) {
			/* The upper part, now at idx + 1, is looked at next. */
			memblock_split_region(type, idx, base);
			continue;
		}
		if (memblock_region_end(r) > end)
			memblock_split_region(type, idx, end);
		if (!*end_rgn)
			*start_rgn = idx;
		*end_rgn = idx + 1;
	}
	return 0;
}

static int memblock_remove_range(struct memblock_type *type, phys_addr_t base,
				 phys_addr_t size)
{
	unsigned long start_rgn, end_rgn, i;
	int ret;

	ret = memblock_isolate_range(type, base, size, &start_rgn, &end_rgn);
	if (ret)
		return ret;
	for (i = end_rgn; i > start_rgn; i--)
		memblock_remove_region(type, i - 1);
	return 0;
}

/* The memblock=debug line of a range call: "func: [first-last] caller". */
static void memblock_dbg_range(const char *func, phys_addr_t base, phys_addr_t size,
			       void *caller)
{
	phys_addr_t end = base + size - 1;

	memblock_dbg("%s: [%pa-%pa] %pS\n", func, &base, &end, caller);
}

int memblock_add_node(phys_addr_t base, phys_addr_t size, int nid,
		      enum memblock_flags flags)
{
	phys_addr_t end = base + size - 1;

	memblock_dbg("%s: [%pa-%pa] nid=%d flags=%x %pS\n", __func__, &base, &end,
		     nid, flags, memblock_caller());
	return memblock_add_range(&memblock.memory, base, size, nid, flags);
}

int memblock_add(phys_addr_t base, phys_addr_t size)
{
	memblock_dbg_range(__func__, base, size, memblock_caller());
	return memblock_add_range(&memblock.memory, base, size, NUMA_NO_NODE,
				  MEMBLOCK_NONE);
}

int memblock_remove(phys_addr_t base, phys_addr_t size)
{
	memblock_dbg_range(__func__, base, size, memblock_caller());
	return memblock_remove_range(&memblock.memory, base, size);
}

int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	memblock_dbg_range(__func__, base, size, memblock_caller());
	return memblock_add_range(&memblock.reserved, base, size, NUMA_NO_NODE,
				  MEMBLOCK_NONE);
}

int memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	memblock_dbg_range(__func__, base, size, memblock_caller());
	return memblock_remove_range(&memblock.reserved, base, size);
}

void memblock_free(void *ptr, size_t size)
{
	if (ptr)
		memblock_phys_free(__pa(ptr), size);
}

/* ---- flags and nodes ---------------------------------------------------- */

static int memblock_setclr_flag(phys_addr_t base, phys_addr_t size, bool set,
				enum memblock_flags flag)
{
	struct memblock_type *type = &memblock.memory;
	unsigned long start_rgn, end_rgn, i;
	int ret;

	ret = memblock_isolate_range(type, base, size, &start_rgn, &end_rgn);
	if (ret)
		return ret;
	for (i = start_rgn; i < end_rgn; i++) {
		if (set)
			type->regions[i].flags |= flag;
		else
			type->regions[i].flags &= ~flag;
	}
	memblock_merge_regions(type);
	return 0;
}

int memblock_mark_hotplug(phys_addr_t base, phys_addr_t size)
{
	return memblock_setclr_flag(base, size, true, MEMBLOCK_HOTPLUG);
}

int memblock_clear_hotplug(phys_addr_t base, phys_addr_t size)
{
	return memblock_setclr_flag(base, size, false, MEMBLOCK_HOTPLUG);
}

int memblock_mark_mirror(phys_addr_t base, phys_addr_t size)
{
	return memblock_setclr_flag(base, size, true, MEMBLOCK_MIRROR);
}

int memblock_clear_mirror(phys_addr_t base, phys_addr_t size)
{
	return memblock_setclr_flag(base, size, false, MEMBLOCK_MIRROR);
}

int memblock_mark_nomap(phys_addr_t base, phys_addr_t size)
{
	return memblock_setclr_flag(base, size, true, MEMBLOCK_NOMAP);
}

int memblock_clear_nomap(phys_addr_t base, phys_addr_t size)
{
	return memblock_setclr_flag(base, size, false, MEMBLOCK_NOMAP);
}

int memblock_set_node(phys_addr_t base, phys_addr_t size,
		      struct memblock_type *type, int nid)
{
	unsigned long start_rgn, end_rgn, i;
	int ret;

	ret = memblock_isolate_range(type, base, size, &start_rgn, &end_rgn);
	if (ret)
		return ret;
	for (i = start_rgn; i < end_rgn; i++)
		type->regions[i].nid = nid;
	memblock_merge_regions(type);
	return 0;
}

void memblock_trim_memory(phys_addr_t align)
{
	struct memblock_type *type = &memblock.memory;
	unsigned long i = 0;

	while (i < type->cnt) {
		struct memblock_region *r = &type->regions[i];
		phys_addr_t end = ALIGN_DOWN(memblock_region_end(r), align);
		/* ALIGN() of a base in the last @align block would wrap to 0. */
		phys_addr_t start = r->base > end ? end : ALIGN(r->base, align);

		if (start >= end) {
			memblock_remove_region(type, i);
			continue;
		}
		/* Unlike Linux, keep total_size equal to the sum of the sizes. */
		type->total_size -= r->size - (end - start);
		r->base = start;
		r->size = end - start;
		i++;
	}
}

/* ---- queries ------------------------------------------------------------ */

void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

phys_addr_t memblock_get_current_limit(void)
{
	return memblock.current_limit;
}

phys_addr_t memblock_phys_mem_size(void)
{
	return memblock.memory.total_size;
}

phys_addr_t memblock_reserved_size(void)
{
	return memblock.reserved.total_size;
}

phys_addr_t memblock_start_of_DRAM(void)
{
	return memblock.memory.regions[0].base;
}

phys_addr_t memblock_end_of_DRAM(void)
{
	const struct memblock_type *type = &memblock.memory;

	if (!type->cnt)
		return 0;
	return memblock_region_end(&type->regions[type->cnt - 1]);
}

bool memblock_is_memory(phys_addr_t addr)
{
	return memblock_search(&memblock.memory, addr) != -1;
}

bool memblock_is_reserved(phys_addr_t addr)
{
	return memblock_search(&memblock.reserved, addr) != -1;
}

bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size)
{
	long idx = memblock_search(&memblock.memory, base);
	phys_addr_t end = base + memblock_cap_size(base, &size);

	if (idx == -1)
		return false;
	return memblock_region_end(&memblock.memory.regions[idx]) >= end;
}

bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size)
{
	return memblock_overlaps_region(&memblock.reserved, base, size);
}

/* ---- allocation --------------------------------------------------------- */

static phys_addr_t memblock_find_and_reserve(phys_addr_t size, phys_addr_t align,
					     phys_addr_t start, phys_addr_t end,
					     int nid)
{
	phys_addr_t found;

	found = memblock_find_in_range_node(size, align, start, end, nid, MEMBLOCK_NONE);
	if (found && !memblock_reserve(found, size))
		return found;
	return 0;
}

/* The node is a preference: fall back to any node, as Linux without exact_nid. */
static phys_addr_t memblock_alloc_range_nid(phys_addr_t size, phys_addr_t align,
					    phys_addr_t start, phys_addr_t end,
					    int nid)
{
	phys_addr_t found;

	if (WARN_ON(!align))
		align = SMP_CACHE_BYTES;
	found = memblock_find_and_reserve(size, align, start, end, nid);
	if (!found && memblock_valid_node(nid))
		found = memblock_find_and_reserve(size, align, start, end, NUMA_NO_NODE);
	return found;
}

phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end)
{
	memblock_dbg("%s: %llu bytes align=0x%llx from=%pa max_addr=%pa %pS\n",
		     __func__, (u64)size, (u64)align, &start, &end, memblock_caller());
	return memblock_alloc_range_nid(size, align, start, end, NUMA_NO_NODE);
}

/*
 * The common part of the memblock_alloc_try_nid*() family; @func and
 * @caller name the exported entry point and its caller for the messages.
 */
static void *memblock_alloc_internal(phys_addr_t size, phys_addr_t align,
				     phys_addr_t min_addr, phys_addr_t max_addr,
				     int nid, const char *func, void *caller)
{
	phys_addr_t limit = min(max_addr, memblock.current_limit);
	phys_addr_t alloc;

	memblock_dbg("%s: %llu bytes align=0x%llx nid=%d from=%pa max_addr=%pa %pS\n",
		     func, (u64)size, (u64)align, nid, &min_addr, &max_addr, caller);
	alloc = memblock_alloc_range_nid(size, align, min_addr, limit, nid);
	/* min_addr is only a preference: retry without it. */
	if (!alloc && min_addr)
		alloc = memblock_alloc_range_nid(size, align, 0, limit, nid);
	if (!alloc) {
		pr_err("%s: Failed to allocate %llu bytes align=0x%llx nid=%d from=%pa max_addr=%pa\n",
		       func, (u64)size, (u64)align, nid, &min_addr, &max_addr);
		return NULL;
	}
	return __va(alloc);
}

void *memblock_alloc_try_nid_raw(phys_addr_t size, phys_addr_t align,
				 phys_addr_t min_addr, phys_addr_t max_addr, int nid)
{
	return memblock_alloc_internal(size, align, min_addr, max_addr, nid,
				       __func__, memblock_caller());
}

void *memblock_alloc_try_nid(phys_addr_t size, phys_addr_t align,
			     phys_addr_t min_addr, phys_addr_t max_addr, int nid)
{
	void *ptr = memblock_alloc_internal(size, align, min_addr, max_addr, nid,
					    __func__, memblock_caller());

	if (ptr)
		memset(ptr, 0, size);
	return ptr;
}

/* ---- dumps -------------------------------------------------------------- */

static void memblock_dump(const struct memblock_type *type)
{
	unsigned long i;

	pr_info(" %s.cnt  = 0x%lx\n", type->name, type->cnt);
	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];
		phys_addr_t end = memblock_region_end(r) - 1;
		char nid_buf[32] = "";

		if (memblock_valid_node(r->nid))
			snprintf(nid_buf, sizeof(nid_buf), " on node %d", r->nid);
		pr_info(" %s[%#x]\t[%pa-%pa], %pa bytes%s flags: %#x\n", type->name,
			(unsigned int)i, &r->base, &end, &r->size, nid_buf, r->flags);
	}
}

void __memblock_dump_all(void)
{
	pr_info("MEMBLOCK configuration:\n");
	pr_info(" memory size = %pa reserved size = %pa\n",
		&memblock.memory.total_size, &memblock.reserved.total_size);
	memblock_dump(&memblock.memory);
	memblock_dump(&memblock.reserved);
}

#ifndef __HOST_TEST__
/*
 * /sys/kernel/debug/memblock/{memory,reserved} and the shell's memblock
 * command. The host build has no debugfs or shell: as Linux's section
 * under CONFIG_DEBUG_FS, this one is left out there.
 */

/* Linux prints the name of the lowest flag set, as its debugfs file does. */
static const char *memblock_flag_name(enum memblock_flags flags)
{
	static const char *const names[] = { "HOTPLUG", "MIRROR", "NOMAP" };
	unsigned int bit;

	if (!flags)
		return "NONE";
	for (bit = 0; bit < ARRAY_SIZE(names); bit++)
		if (flags & (1U << bit))
			return names[bit];
	return "UNKNOWN";
}

/* One list (@private) as Linux's /sys/kernel/debug/memblock/<name> shows it. */
static int memblock_debug_show(struct seq_file *m, void *private)
{
	const struct memblock_type *type = private;
	unsigned long i;

	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];
		phys_addr_t end = memblock_region_end(r) - 1;

		seq_printf(m, "%4d: %pa..%pa ", (int)i, &r->base, &end);
		if (memblock_valid_node(r->nid))
			seq_printf(m, "%4d ", r->nid);
		else
			seq_printf(m, "%4c ", 'x');
		seq_printf(m, "%s\n", memblock_flag_name(r->flags));
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(memblock_debug);

void memblock_init_debugfs(void)
{
	struct dentry *root = debugfs_create_dir("memblock", NULL);

	if (IS_ERR(root))
		goto fail;
	if (IS_ERR(debugfs_create_file("memory", 0444, root, &memblock.memory,
				       &memblock_debug_fops)) ||
	    IS_ERR(debugfs_create_file("reserved", 0444, root, &memblock.reserved,
				       &memblock_debug_fops)))
		goto fail;
	return;
fail:
	pr_warn("memblock: no debugfs files\n");
}

static int cmd_memblock(int argc, char **argv)
{
	if (argc > 2)
		goto usage;
	if (argc == 2) {
		if (!strcmp(argv[1], "memory"))
			return shell_seq_print(memblock_debug_show, &memblock.memory);
		if (!strcmp(argv[1], "reserved"))
			return shell_seq_print(memblock_debug_show, &memblock.reserved);
		goto usage;
	}
	raw_printk("memory:\n");
	shell_seq_print(memblock_debug_show, &memblock.memory);
	raw_printk("reserved:\n");
	return shell_seq_print(memblock_debug_show, &memblock.reserved);
usage:
	raw_printk("usage: memblock [memory|reserved]\n");
	return -EINVAL;
}
SHELL_CMD(memblock, "show memblock's memory and reserved lists [memory|reserved]",
	  cmd_memblock);
#endif /* __HOST_TEST__ */
