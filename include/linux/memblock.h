/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memblock: the boot-time physical memory manager (mm/memblock.c), with
 * Linux's names and semantics. See the DOC comment at the top of
 * mm/memblock.c for the design: two sorted lists of physical ranges,
 * "memory" (what RAM exists) and "reserved" (what of it is taken); free
 * memory is memory minus reserved.
 *
 *   struct memblock
 *     .memory   -> regions[0..cnt)  [base, base + size) nid flags
 *     .reserved -> regions[0..cnt)
 *     .bottom_up, .current_limit    how allocations search
 *
 * Locking: none. memblock is not thread safe; it is used at boot only,
 * single-threaded, before SMP bring-up and before any other allocator
 * exists. Linux discards it after boot; this kernel keeps it (and its data)
 * for the `memblock` shell command and for debugging.
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/mmzone.h>
#include <asm/page.h>
#include <asm/cache.h>	/* SMP_CACHE_BYTES: the alignment when a caller passes 0 */

/* Regions per list in the static arrays; a full list doubles (see memblock.c). */
#define INIT_MEMBLOCK_REGIONS		128

#define PHYS_ADDR_MAX			(~(phys_addr_t)0)

/* Allocation limits: end/max_addr values with a meaning of their own. */
#define MEMBLOCK_ALLOC_ANYWHERE		(~(phys_addr_t)0)
#define MEMBLOCK_ALLOC_ACCESSIBLE	0	/* up to memblock.current_limit */
#define MEMBLOCK_LOW_LIMIT		0

/**
 * enum memblock_flags - attributes of a memory region (Linux's values)
 * @MEMBLOCK_NONE: no special request
 * @MEMBLOCK_HOTPLUG: firmware says the range is hot-(un)pluggable
 * @MEMBLOCK_MIRROR: mirrored (reliable) memory
 * @MEMBLOCK_NOMAP: not to be in the kernel's direct map; never free memory
 */
enum memblock_flags {
	MEMBLOCK_NONE		= 0x0,
	MEMBLOCK_HOTPLUG	= 0x1,
	MEMBLOCK_MIRROR		= 0x2,
	MEMBLOCK_NOMAP		= 0x4,
};

/**
 * struct memblock_region - one physical range [base, base + size)
 * @base: first physical address
 * @size: length in bytes, never 0 in a list that holds regions
 * @flags: enum memblock_flags
 * @nid: NUMA node, or NUMA_NO_NODE while none is assigned
 */
struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
	enum memblock_flags flags;
	int nid;
};

/**
 * struct memblock_type - one list of regions
 * @cnt: regions in use; 0 for an empty list (regions[0] is then all zero)
 * @max: capacity of @regions
 * @total_size: sum of the sizes of the regions in use
 * @regions: sorted by base, disjoint, adjacent regions differ in flags/nid
 * @name: "memory" or "reserved", for the dumps
 */
struct memblock_type {
	unsigned long cnt;
	unsigned long max;
	phys_addr_t total_size;
	struct memblock_region *regions;
	const char *name;
};

/**
 * struct memblock - the allocator's state
 * @bottom_up: allocate upwards from low addresses (default: top-down)
 * @current_limit: highest address + 1 that MEMBLOCK_ALLOC_ACCESSIBLE may use
 * @memory: the RAM the firmware reported
 * @reserved: the ranges taken (kernel image, firmware data, allocations)
 */
struct memblock {
	bool bottom_up;
	phys_addr_t current_limit;
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;
/* Set by memblock=debug: log every call and the layout (memblock_dump_all). */
extern int memblock_debug;

/**
 * memblock_add_node - add RAM on a given node
 * @base: first physical address
 * @size: length in bytes (capped at the top of the address space)
 * @nid: node of the range, or NUMA_NO_NODE
 * @flags: flags of the range
 *
 * Parts of the range already in memblock.memory keep their nid and flags.
 * Return: 0, or -ENOMEM when the list is full and cannot grow (it is then
 * unchanged). Context: boot, single-threaded.
 */
int memblock_add_node(phys_addr_t base, phys_addr_t size, int nid,
		      enum memblock_flags flags);

/**
 * memblock_add - add RAM with no node assigned yet
 * @base: first physical address
 * @size: length in bytes
 *
 * Return: 0 or -ENOMEM, as memblock_add_node(). Context: boot.
 */
int memblock_add(phys_addr_t base, phys_addr_t size);

/**
 * memblock_remove - take a range out of memblock.memory
 * @base: first physical address
 * @size: length in bytes
 *
 * Regions straddling an edge of the range are split. Reservations are not
 * touched. Return: 0, or -ENOMEM when a needed split finds the list full and
 * unable to grow (nothing changed then). Context: boot.
 */
int memblock_remove(phys_addr_t base, phys_addr_t size);

/**
 * memblock_reserve - mark a range as taken
 * @base: first physical address
 * @size: length in bytes
 *
 * The range need not be memory; reserving a range twice is harmless (the
 * ranges merge). Return: 0 or -ENOMEM (list full, unchanged). Context: boot.
 */
int memblock_reserve(phys_addr_t base, phys_addr_t size);

/**
 * memblock_phys_free - release (part of) a reservation
 * @base: first physical address
 * @size: length in bytes
 *
 * Any part of the range may be reserved or not; reserved regions straddling
 * an edge are split. Return: 0 or -ENOMEM (a split found the list full and
 * unable to grow; nothing changed). Context: boot.
 */
int memblock_phys_free(phys_addr_t base, phys_addr_t size);

/**
 * memblock_free - release memory that memblock_alloc*() returned
 * @ptr: direct-map address of the range; NULL is ignored
 * @size: length in bytes
 *
 * Context: boot.
 */
void memblock_free(void *ptr, size_t size);

/**
 * memblock_phys_alloc_range - allocate and reserve physical memory
 * @size: bytes to allocate
 * @align: alignment, a power of two; 0 warns and means SMP_CACHE_BYTES
 * @start: lowest acceptable address
 * @end: highest acceptable address + 1; MEMBLOCK_ALLOC_ACCESSIBLE means
 *	memblock.current_limit, any other value is used as given
 *
 * Searches free memory (memory minus reserved, without NOMAP ranges)
 * top-down (highest fitting address) or bottom-up as memblock_bottom_up()
 * says, never in the first page. The memory is not zeroed and need not be
 * in the direct map. Return: the physical address, or 0 when nothing fits
 * (both lists are then unchanged). Context: boot.
 */
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end);

/**
 * memblock_phys_alloc - allocate physical memory below current_limit
 * @size: bytes to allocate
 * @align: alignment, as memblock_phys_alloc_range()
 *
 * Return: the physical address (not zeroed), or 0. Context: boot.
 */
static inline phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_phys_alloc_range(size, align, 0, MEMBLOCK_ALLOC_ACCESSIBLE);
}

/**
 * memblock_alloc_try_nid_raw - allocate boot memory, preferably on a node
 * @size: bytes to allocate
 * @align: alignment, a power of two; 0 warns and means SMP_CACHE_BYTES
 * @min_addr: preferred lowest address; retried from 0 when nothing fits
 * @max_addr: highest address + 1, clamped to memblock.current_limit;
 *	MEMBLOCK_ALLOC_ACCESSIBLE means current_limit
 * @nid: preferred node; falls back to any node; NUMA_NO_NODE for any
 *
 * The memory is not zeroed. On failure prints "memblock_alloc_try_nid_raw:
 * Failed to allocate ..." at KERN_ERR.
 * Return: the direct-map address, or NULL (both lists then unchanged).
 * Context: boot.
 */
void *memblock_alloc_try_nid_raw(phys_addr_t size, phys_addr_t align,
				 phys_addr_t min_addr, phys_addr_t max_addr,
				 int nid);

/**
 * memblock_alloc_try_nid - allocate zeroed boot memory, preferably on a node
 * @size: bytes to allocate
 * @align: alignment, a power of two; 0 warns and means SMP_CACHE_BYTES
 * @min_addr: preferred lowest address; retried from 0 when nothing fits
 * @max_addr: highest address + 1, clamped to memblock.current_limit
 * @nid: preferred node; falls back to any node; NUMA_NO_NODE for any
 *
 * As memblock_alloc_try_nid_raw(), but the memory is zeroed.
 * Return: the direct-map address, or NULL. Context: boot.
 */
void *memblock_alloc_try_nid(phys_addr_t size, phys_addr_t align,
			     phys_addr_t min_addr, phys_addr_t max_addr, int nid);

/**
 * memblock_alloc - allocate zeroed boot memory below current_limit
 * @size: bytes to allocate
 * @align: alignment (0: SMP_CACHE_BYTES, with a warning)
 *
 * Return: the direct-map address, or NULL. Context: boot.
 */
static inline void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_alloc_try_nid(size, align, MEMBLOCK_LOW_LIMIT,
				      MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE);
}

/**
 * memblock_alloc_from - allocate zeroed boot memory, preferably above @min_addr
 * @size: bytes to allocate
 * @align: alignment (0: SMP_CACHE_BYTES, with a warning)
 * @min_addr: preferred lowest address; memory below it is used if nothing
 *	above fits, as in Linux
 *
 * Return: the direct-map address, or NULL. Context: boot.
 */
static inline void *memblock_alloc_from(phys_addr_t size, phys_addr_t align,
					phys_addr_t min_addr)
{
	return memblock_alloc_try_nid(size, align, min_addr,
				      MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE);
}

/**
 * memblock_set_bottom_up - choose the allocation direction
 * @enable: true to allocate from low addresses upwards
 *
 * Context: boot.
 */
static inline void memblock_set_bottom_up(bool enable)
{
	memblock.bottom_up = enable;
}

/**
 * memblock_bottom_up - is memblock allocating bottom-up?
 *
 * Return: true for bottom-up, false for top-down (the default).
 */
static inline bool memblock_bottom_up(void)
{
	return memblock.bottom_up;
}

/**
 * memblock_set_current_limit - bound MEMBLOCK_ALLOC_ACCESSIBLE allocations
 * @limit: highest address + 1; MEMBLOCK_ALLOC_ANYWHERE lifts the bound
 *
 * Arch code keeps it within the direct map while that map is partial. The
 * arrays of a growing list are also placed below it. Context: boot.
 */
void memblock_set_current_limit(phys_addr_t limit);

/**
 * memblock_get_current_limit - the bound set by memblock_set_current_limit()
 *
 * Return: the limit (MEMBLOCK_ALLOC_ANYWHERE by default).
 */
phys_addr_t memblock_get_current_limit(void);

/**
 * memblock_mark_hotplug - set MEMBLOCK_HOTPLUG on a range of memory
 * @base: first physical address
 * @size: length in bytes
 *
 * This and the other mark/clear functions below split the memory regions
 * at the edges of the range, change the flag of the regions inside it, and
 * merge what became alike again. Return: 0, or -ENOMEM when a split finds
 * the list full and unable to grow (nothing changed). Context: boot.
 */
int memblock_mark_hotplug(phys_addr_t base, phys_addr_t size);
/* memblock_clear_hotplug - clear MEMBLOCK_HOTPLUG; as memblock_mark_hotplug(). */
int memblock_clear_hotplug(phys_addr_t base, phys_addr_t size);
/* memblock_mark_mirror - set MEMBLOCK_MIRROR; as memblock_mark_hotplug(). */
int memblock_mark_mirror(phys_addr_t base, phys_addr_t size);
/* memblock_clear_mirror - clear MEMBLOCK_MIRROR (not in Linux); as above. */
int memblock_clear_mirror(phys_addr_t base, phys_addr_t size);
/*
 * memblock_mark_nomap - set MEMBLOCK_NOMAP: the range stays memory but is
 * never free (no allocation, no free-range iteration); as above.
 */
int memblock_mark_nomap(phys_addr_t base, phys_addr_t size);
/* memblock_clear_nomap - clear MEMBLOCK_NOMAP; as memblock_mark_hotplug(). */
int memblock_clear_nomap(phys_addr_t base, phys_addr_t size);

/**
 * memblock_set_node - assign a node to the regions of a range
 * @base: first physical address
 * @size: length in bytes
 * @type: &memblock.memory or &memblock.reserved
 * @nid: the node
 *
 * NUMA setup calls it once it knows the nodes (with one node:
 * memblock_set_node(0, PHYS_ADDR_MAX, &memblock.memory, 0)). Splits and
 * merges as memblock_mark_hotplug(). Return: 0 or -ENOMEM. Context: boot.
 */
int memblock_set_node(phys_addr_t base, phys_addr_t size,
		      struct memblock_type *type, int nid);

/**
 * memblock_trim_memory - shrink memory regions to whole @align units
 * @align: a power of two
 *
 * Rounds each region's start up and end down to @align; drops regions left
 * empty. Context: boot.
 */
void memblock_trim_memory(phys_addr_t align);

/* memblock_phys_mem_size - bytes of memory (memblock.memory.total_size). */
phys_addr_t memblock_phys_mem_size(void);
/* memblock_reserved_size - bytes reserved (memblock.reserved.total_size). */
phys_addr_t memblock_reserved_size(void);
/* memblock_start_of_DRAM - lowest memory address; 0 with no memory. */
phys_addr_t memblock_start_of_DRAM(void);
/* memblock_end_of_DRAM - highest memory address + 1; 0 with no memory. */
phys_addr_t memblock_end_of_DRAM(void);

/* memblock_is_memory - is @addr inside a memory region (NOMAP included)? */
bool memblock_is_memory(phys_addr_t addr);
/* memblock_is_reserved - is @addr inside a reserved region? */
bool memblock_is_reserved(phys_addr_t addr);

/**
 * memblock_is_region_memory - is a range entirely memory?
 * @base: first physical address
 * @size: length in bytes
 *
 * As in Linux, true only when the one memory region containing @base also
 * contains the whole range (adjacent regions with different flags do not
 * add up). Return: true or false.
 */
bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size);

/**
 * memblock_is_region_reserved - does a range overlap any reservation?
 * @base: first physical address
 * @size: length in bytes
 *
 * Return: true when any byte of the range is reserved.
 */
bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size);

/**
 * __memblock_dump_all - print both lists in Linux's format
 *
 * "MEMBLOCK configuration:", the sizes, then each list's count and regions,
 * at KERN_INFO. Context: any, single-threaded as memblock is.
 */
void __memblock_dump_all(void);

/*
 * memblock_init_debugfs - /sys/kernel/debug/memblock/{memory,reserved}:
 * each list, a region a line, "   N: 0xBASE..0xLAST NID FLAG" (Linux's
 * format). Context: boot, after debugfs_init(); a failure is logged.
 */
void memblock_init_debugfs(void);

/* memblock_dump_all - __memblock_dump_all() when memblock=debug is on. */
static inline void memblock_dump_all(void)
{
	if (memblock_debug)
		__memblock_dump_all();
}

/*
 * The iterators' steps; use the for_each_* macros below. @idx encodes the
 * position in @type_a (low 32 bits) and in @type_b's gaps (high 32 bits);
 * U64_MAX means done (and, for the _rev walk, "start from the end").
 * Regions of @type_a are skipped when @nid is a valid node and differs from
 * theirs, when @flags asks for MEMBLOCK_MIRROR and they are not mirrored,
 * and when they are NOMAP unless @flags has MEMBLOCK_NOMAP. With @type_b,
 * the ranges returned are @type_a's regions minus @type_b's. Any out_
 * pointer may be NULL.
 */
void __next_mem_range(u64 *idx, int nid, enum memblock_flags flags,
		      struct memblock_type *type_a, struct memblock_type *type_b,
		      phys_addr_t *out_start, phys_addr_t *out_end, int *out_nid);
void __next_mem_range_rev(u64 *idx, int nid, enum memblock_flags flags,
			  struct memblock_type *type_a, struct memblock_type *type_b,
			  phys_addr_t *out_start, phys_addr_t *out_end, int *out_nid);
/* @idx: -1 to start, -1 again when done. NOMAP regions are included. */
void __next_mem_pfn_range(int *idx, int nid, unsigned long *out_start_pfn,
			  unsigned long *out_end_pfn, int *out_nid);

#define __for_each_mem_range(i, type_a, type_b, nid, flags, p_start, p_end, p_nid) \
	for (i = 0, __next_mem_range(&i, nid, flags, type_a, type_b,		\
				     p_start, p_end, p_nid);			\
	     i != U64_MAX;							\
	     __next_mem_range(&i, nid, flags, type_a, type_b,			\
			      p_start, p_end, p_nid))

#define __for_each_mem_range_rev(i, type_a, type_b, nid, flags, p_start, p_end, p_nid) \
	for (i = U64_MAX, __next_mem_range_rev(&i, nid, flags, type_a, type_b,	\
					       p_start, p_end, p_nid);		\
	     i != U64_MAX;							\
	     __next_mem_range_rev(&i, nid, flags, type_a, type_b,		\
				  p_start, p_end, p_nid))

/*
 * for_each_mem_range - each memory region (NOMAP excluded), ascending.
 * @i: u64 cursor; @p_start, @p_end: phys_addr_t * for [start, end)
 */
#define for_each_mem_range(i, p_start, p_end)					\
	__for_each_mem_range(i, &memblock.memory, NULL, NUMA_NO_NODE,		\
			     MEMBLOCK_NONE, p_start, p_end, NULL)

/*
 * for_each_free_mem_range - each free range (memory minus reserved, NOMAP
 * excluded), ascending. @nid: NUMA_NO_NODE for all; @flags: MEMBLOCK_NONE,
 * or MEMBLOCK_MIRROR for mirrored memory only; @p_nid: int * or NULL.
 */
#define for_each_free_mem_range(i, nid, flags, p_start, p_end, p_nid)		\
	__for_each_mem_range(i, &memblock.memory, &memblock.reserved,		\
			     nid, flags, p_start, p_end, p_nid)

/* for_each_free_mem_range_reverse - as for_each_free_mem_range, descending. */
#define for_each_free_mem_range_reverse(i, nid, flags, p_start, p_end, p_nid)	\
	__for_each_mem_range_rev(i, &memblock.memory, &memblock.reserved,	\
				 nid, flags, p_start, p_end, p_nid)

/* for_each_reserved_mem_range - each reserved region, ascending. */
#define for_each_reserved_mem_range(i, p_start, p_end)				\
	__for_each_mem_range(i, &memblock.reserved, NULL, NUMA_NO_NODE,		\
			     MEMBLOCK_NONE, p_start, p_end, NULL)

/*
 * for_each_mem_pfn_range - the whole pages of each memory region (NOMAP
 * included), as [start_pfn, end_pfn). @i: int cursor; @nid: NUMA_NO_NODE
 * for all; @p_start, @p_end: unsigned long *; @p_nid: int * or NULL.
 */
#define for_each_mem_pfn_range(i, nid, p_start, p_end, p_nid)			\
	for (i = -1, __next_mem_pfn_range(&i, nid, p_start, p_end, p_nid);	\
	     i >= 0; __next_mem_pfn_range(&i, nid, p_start, p_end, p_nid))

/* for_each_mem_region - @region: struct memblock_region * over memory. */
#define for_each_mem_region(region)						\
	for (region = memblock.memory.regions;					\
	     region < memblock.memory.regions + memblock.memory.cnt; region++)

/* for_each_reserved_mem_region - @region over the reserved list. */
#define for_each_reserved_mem_region(region)					\
	for (region = memblock.reserved.regions;				\
	     region < memblock.reserved.regions + memblock.reserved.cnt; region++)

#endif /* _LINUX_MEMBLOCK_H */
