/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Nodes, zones and memory sections.
 *
 * A node (pg_data_t) is a range of physical memory close to some CPUs; there
 * is one node until NUMA arrives, but every interface carries the node id.
 * A node's memory is split into zones by what it can be used for:
 *
 *   ZONE_DMA      below 16 MiB      ISA DMA
 *   ZONE_DMA32    16 MiB .. 4 GiB   32-bit devices
 *   ZONE_NORMAL   above 4 GiB
 *   ZONE_MOVABLE  carved from the top by kernelcore= / movablecore=: only
 *                 movable allocations, so it can be emptied
 *
 * spanned_pages covers the zone's range including holes; present_pages
 * counts the RAM in it; managed_pages counts what the page allocator was
 * given (present minus what boot reserved).
 *
 * Memory sections (SPARSEMEM): physical memory in 128 MiB sections; a
 * section is present when any RAM lies in it, and then all its struct
 * pages exist in the virtual memory map (vmemmap). pfn_valid(pfn) says
 * whether the struct page of @pfn exists. mem_section is two-level
 * (SPARSEMEM_EXTREME): a static array of roots, each a page of sections
 * allocated when the first section under it becomes present.
 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/pfn.h>

#define MAX_NUMNODES	1
#define NODES_SHIFT	6		/* room in page->flags for 64 nodes */
#define NUMA_NO_NODE	(-1)

enum zone_type {
	ZONE_DMA,
	ZONE_DMA32,
	ZONE_NORMAL,
	ZONE_MOVABLE,
	MAX_NR_ZONES
};
#define ZONES_SHIFT	2

#define MAX_DMA_PFN	((16UL << 20) >> PAGE_SHIFT)
#define MAX_DMA32_PFN	((4UL << 30) >> PAGE_SHIFT)

/* ---- the buddy allocator's structures (mm/page_alloc.c) ---- */

/* Orders 0 .. MAX_ORDER - 1: free blocks of up to 4 MiB (Linux 6.1's MAX_ORDER). */
#define MAX_ORDER		11
#define MAX_ORDER_NR_PAGES	(1UL << (MAX_ORDER - 1))
/* Orders above this are "costly": harder to find, not kept per CPU. */
#define PAGE_ALLOC_COSTLY_ORDER	3

/*
 * Migratetypes: what the pages of a free list (and of a pageblock) are used
 * for, so that unmovable allocations cluster in few pageblocks and movable
 * ones can be migrated away to rebuild high orders. HIGHATOMIC pageblocks
 * are reserved for high-order atomic allocations; ISOLATE pageblocks are
 * withheld from allocation.
 */
enum migratetype {
	MIGRATE_UNMOVABLE,
	MIGRATE_MOVABLE,
	MIGRATE_RECLAIMABLE,
	MIGRATE_PCPTYPES,	/* the types with per-CPU lists */
	MIGRATE_HIGHATOMIC = MIGRATE_PCPTYPES,
	MIGRATE_ISOLATE,
	MIGRATE_TYPES
};

extern const char *const migratetype_names[MIGRATE_TYPES];

struct free_area {
	struct list_head free_list[MIGRATE_TYPES];
	unsigned long nr_free;		/* blocks of this order, all types */
};

static inline bool free_area_empty(const struct free_area *area, int migratetype)
{
	return list_empty(&area->free_list[migratetype]);
}

enum zone_watermarks {
	WMARK_MIN,
	WMARK_LOW,
	WMARK_HIGH,
	NR_WMARK
};

/*
 * Per-CPU page lists: order 0 to PAGE_ALLOC_COSTLY_ORDER, one list per
 * (order, migratetype). Filled from and drained to the buddy lists @batch
 * pages at a time; more than @high pages are drained. Only the owning CPU
 * touches its lists, with interrupts off and @lock held; @lock lets
 * drain_all_pages() empty another CPU's lists.
 */
#define NR_PCP_ORDERS		(PAGE_ALLOC_COSTLY_ORDER + 1)
#define NR_PCP_LISTS		(MIGRATE_PCPTYPES * NR_PCP_ORDERS)

struct per_cpu_pages {
	spinlock_t lock;
	int count;			/* base pages on the lists */
	int high;
	int batch;
	struct list_head lists[NR_PCP_LISTS];
};

/* Zone counters (/proc/zoneinfo, /proc/vmstat), in pages. */
enum zone_stat_item {
	NR_FREE_PAGES,
	NR_ZONE_INACTIVE_ANON,
	NR_ZONE_ACTIVE_ANON,
	NR_ZONE_INACTIVE_FILE,
	NR_ZONE_ACTIVE_FILE,
	NR_ZONE_UNEVICTABLE,
	NR_ZONE_WRITE_PENDING,
	NR_MLOCK,
	NR_PAGETABLE,		/* page-table pages from the page allocator (asm/pgalloc.h) */
	NR_KERNEL_STACK_KB,	/* in kB, not pages (as Linux): vmalloc'd task stacks */
	NR_BOUNCE,
	NR_FREE_CMA_PAGES,
	NR_FILE_PAGES,		/* page-cache folios (mm/filemap.c); a node stat in Linux */
	NR_SHMEM,		/* of those, tmpfs's (swap-backed); a node stat in Linux */
	NR_ANON_MAPPED,		/* anonymous pages mapped (mm/rmap.c); a node stat in Linux */
	NR_FILE_MAPPED,		/* file pages mapped by ptes (mm/rmap.c); a node stat in Linux */
	NR_VM_ZONE_STAT_ITEMS
};

struct pglist_data;

/*
 * A zone. Locking: @lock (irqsave) protects free_area[] and the pageblock
 * migratetypes; the per-CPU lists are their CPU's (see above). Counters are
 * atomic. The sizes (spanned, present) and watermarks are written at boot
 * and when the watermark tunables change, and read without a lock.
 */
struct zone {
	unsigned long _watermark[NR_WMARK];
	/* Pages of higher zones' worth kept back from requests that could use them. */
	long lowmem_reserve[MAX_NR_ZONES];
	unsigned long nr_reserved_highatomic;
	struct pglist_data *zone_pgdat;
	struct per_cpu_pages *per_cpu_pageset;	/* [nr_cpu_ids] */
	/* 4 bits a pageblock from pageblock_start_pfn(zone_start_pfn): migratetype. */
	unsigned long *pageblock_flags;
	unsigned long zone_start_pfn;
	unsigned long spanned_pages;
	unsigned long present_pages;
	atomic_long_t managed_pages;	/* pages given to the page allocator */
	const char *name;
	int node;

	spinlock_t lock;
	struct free_area free_area[MAX_ORDER];
	atomic_long_t vm_stat[NR_VM_ZONE_STAT_ITEMS];
};

#define min_wmark_pages(z)	((z)->_watermark[WMARK_MIN])
#define low_wmark_pages(z)	((z)->_watermark[WMARK_LOW])
#define high_wmark_pages(z)	((z)->_watermark[WMARK_HIGH])
#define wmark_pages(z, i)	((z)->_watermark[i])

/* A node's zones in allocation order: the highest first, NULL-terminated. */
struct zoneref {
	struct zone *zone;
	int zone_idx;
};

struct zonelist {
	struct zoneref _zonerefs[MAX_NR_ZONES + 1];
};

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	struct zonelist node_zonelists[1];
	int nr_zones;			/* highest populated zone + 1 */
	unsigned long node_start_pfn;
	unsigned long node_present_pages;
	unsigned long node_spanned_pages;
	int node_id;
} pg_data_t;

extern struct pglist_data *node_data[MAX_NUMNODES];
#define NODE_DATA(nid)		(node_data[nid])

extern const char *const zone_names[MAX_NR_ZONES];

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

static inline bool zone_spans_pfn(const struct zone *zone, unsigned long pfn)
{
	return zone->zone_start_pfn <= pfn && pfn < zone_end_pfn(zone);
}

static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages != 0;
}

static inline unsigned long zone_managed_pages(const struct zone *zone)
{
	return (unsigned long)atomic_long_read(&zone->managed_pages);
}

static inline enum zone_type zone_idx(const struct zone *zone)
{
	return (enum zone_type)(zone - zone->zone_pgdat->node_zones);
}

static inline unsigned long zone_page_state(const struct zone *zone,
					    enum zone_stat_item item)
{
	long x = atomic_long_read(&zone->vm_stat[item]);

	return x < 0 ? 0 : (unsigned long)x;
}

/*
 * Nodes: every node up to MAX_NUMNODES is online (one today). Code that
 * has a page or a zone takes its node from it (page_to_nid(),
 * zone->zone_pgdat); code over all memory walks the nodes or the zones
 * with the iterators below, as Linux's, so that more nodes need no edit.
 */
#define first_online_node		0
#define numa_node_id()			first_online_node	/* this CPU's node */
#define for_each_online_node(nid)	for ((nid) = 0; (nid) < MAX_NUMNODES; (nid)++)

static inline struct pglist_data *first_online_pgdat(void)
{
	return NODE_DATA(first_online_node);
}

static inline struct pglist_data *next_online_pgdat(struct pglist_data *pgdat)
{
	int nid = pgdat->node_id + 1;

	return nid < MAX_NUMNODES ? NODE_DATA(nid) : NULL;
}

#define for_each_online_pgdat(pgdat)						\
	for ((pgdat) = first_online_pgdat(); (pgdat); (pgdat) = next_online_pgdat(pgdat))

#define for_each_zone_in_node(zone, pgdat)					\
	for ((zone) = (pgdat)->node_zones;					\
	     (zone) < (pgdat)->node_zones + MAX_NR_ZONES; (zone)++)

/* The zone after @zone: the next of its node, or the first of the next node. */
static inline struct zone *next_zone(struct zone *zone)
{
	pg_data_t *pgdat = zone->zone_pgdat;

	if (zone < pgdat->node_zones + MAX_NR_ZONES - 1)
		return zone + 1;
	pgdat = next_online_pgdat(pgdat);
	return pgdat ? pgdat->node_zones : NULL;
}

/* Every zone of every online node, empty ones included. */
#define for_each_zone(zone)							\
	for ((zone) = first_online_pgdat()->node_zones; (zone); (zone) = next_zone(zone))

#define for_each_populated_zone(zone)						\
	for_each_zone(zone)							\
		if (!populated_zone(zone))					\
			; /* skip */						\
		else

/* ---- SPARSEMEM ---- */
#define SECTION_SIZE_BITS	27	/* 128 MiB */
#define MAX_PHYSMEM_BITS	46	/* 4-level paging */
#define SECTIONS_SHIFT		(MAX_PHYSMEM_BITS - SECTION_SIZE_BITS)
#define NR_MEM_SECTIONS		(1UL << SECTIONS_SHIFT)
#define PFN_SECTION_SHIFT	(SECTION_SIZE_BITS - PAGE_SHIFT)
#define PAGES_PER_SECTION	(1UL << PFN_SECTION_SHIFT)
#define PAGE_SECTION_MASK	(~(PAGES_PER_SECTION - 1))
#define MAX_PFN			(1UL << (MAX_PHYSMEM_BITS - PAGE_SHIFT))

struct mem_section {
	/*
	 * SECTION_MARKED_PRESENT: RAM lies in the section.
	 * SECTION_HAS_MEM_MAP: its struct pages are mapped in vmemmap.
	 */
	unsigned long section_mem_map;
};
#define SECTION_MARKED_PRESENT	(1UL << 0)
#define SECTION_HAS_MEM_MAP	(1UL << 1)

#define SECTIONS_PER_ROOT	(PAGE_SIZE / sizeof(struct mem_section))
#define NR_SECTION_ROOTS	(NR_MEM_SECTIONS / SECTIONS_PER_ROOT)

extern struct mem_section *mem_section[NR_SECTION_ROOTS];

static inline unsigned long pfn_to_section_nr(unsigned long pfn)
{
	return pfn >> PFN_SECTION_SHIFT;
}

static inline unsigned long section_nr_to_pfn(unsigned long nr)
{
	return nr << PFN_SECTION_SHIFT;
}

static inline struct mem_section *__nr_to_section(unsigned long nr)
{
	struct mem_section *root;

	if (nr >= NR_MEM_SECTIONS)
		return NULL;
	root = mem_section[nr / SECTIONS_PER_ROOT];
	return root ? &root[nr % SECTIONS_PER_ROOT] : NULL;
}

static inline struct mem_section *__pfn_to_section(unsigned long pfn)
{
	return __nr_to_section(pfn_to_section_nr(pfn));
}

static inline bool present_section(const struct mem_section *ms)
{
	return ms && (ms->section_mem_map & SECTION_MARKED_PRESENT);
}

static inline bool valid_section(const struct mem_section *ms)
{
	return ms && (ms->section_mem_map & SECTION_HAS_MEM_MAP);
}

static inline bool present_section_nr(unsigned long nr)
{
	return present_section(__nr_to_section(nr));
}

/**
 * pfn_valid - does the struct page of @pfn exist?
 * @pfn: page frame number
 *
 * True for every pfn of a section with RAM in it, including the holes
 * inside such a section (their struct pages exist and are PageReserved),
 * false everywhere else. It does not mean the page is RAM: see
 * memblock_is_memory() for that. Context: any.
 */
static inline bool pfn_valid(unsigned long pfn)
{
	return pfn < MAX_PFN && valid_section(__pfn_to_section(pfn));
}

#define for_each_present_section_nr(start, nr)				\
	for ((nr) = (start); (nr) < NR_MEM_SECTIONS; (nr)++)		\
		if (!present_section_nr(nr)) {} else

/*
 * The vm sysctls (mm/mm_init.c; kernel/sysctl.c's vm_table): the values
 * and their handlers, which validate as Linux's and recompute what
 * follows from them (watermarks, reserves, per-CPU list sizes).
 */
struct ctl_table;
#define MIN_PERCPU_PAGELIST_HIGH_FRACTION	8
extern int min_free_kbytes;
extern int watermark_scale_factor;
extern int percpu_pagelist_high_fraction;
extern int sysctl_lowmem_reserve_ratio[MAX_NR_ZONES];
int min_free_kbytes_sysctl_handler(struct ctl_table *table, int write, void *buffer,
				   size_t *lenp, loff_t *ppos);
int watermark_scale_factor_sysctl_handler(struct ctl_table *table, int write, void *buffer,
					  size_t *lenp, loff_t *ppos);
int lowmem_reserve_ratio_sysctl_handler(struct ctl_table *table, int write, void *buffer,
					size_t *lenp, loff_t *ppos);
int percpu_pagelist_high_fraction_sysctl_handler(struct ctl_table *table, int write,
						 void *buffer, size_t *lenp, loff_t *ppos);

#endif /* _LINUX_MMZONE_H */
