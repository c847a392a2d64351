// SPDX-License-Identifier: GPL-2.0
/*
 * Nodes, zones and the memory map, from memblock's view of RAM.
 *
 * free_area_init() runs once memblock knows all memory and the vmemmap is
 * populated (mm/sparse.c):
 *
 *   1. zone boundaries from the architecture's limits (DMA < 16 MiB,
 *      DMA32 < 4 GiB, NORMAL above), clipped to the node's memory;
 *   2. ZONE_MOVABLE carved from the top of the highest populated zone when
 *      kernelcore= or movablecore= ask for it (rounded up to 4 MiB, as
 *      Linux rounds to MAX_ORDER_NR_PAGES);
 *   3. per zone: spanned pages (the range), present pages (RAM in it);
 *   4. memmap_init(): every struct page of every present section written
 *      once: its zone, node and section in flags, PG_reserved, refcount 1,
 *      no mappings. All pages start reserved; memblock_free_all() later
 *      releases the free ones, which is what makes them "managed".
 *
 * Once memblock_free_all() has handed the free memory to the buddy
 * allocator, page_alloc_init_late() sets the boot-time tunables from the
 * managed pages: min_free_kbytes (Linux's square-root rule), each zone's
 * min/low/high watermarks, the lowmem reserves that keep lower zones from
 * requests a higher zone could serve, totalreserve_pages, and the per-CPU
 * list sizes that follow the low watermark (zone_pcp_update()).
 *
 * Step 4 is the only O(RAM) work of boot: each struct page is written with
 * plain stores and nothing is read (memmap_init_per_GiB,
 * Documentation/benchmarks.md).
 *
 * Boot parameters: kernelcore=SIZE|N%, movablecore=SIZE|N% (as in Linux;
 * movablecore wins when both are given).
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/cmdline.h>
#include <linux/kstrtox.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/shell.h>
#include <linux/kobject.h>
#include <linux/bitops.h>
#include <linux/math.h>
#include <linux/stackdepot.h>
#include <asm/processor.h>
#include <asm/sections.h>
#include <asm/pgalloc.h>
#include <linux/sysctl.h>
#include <linux/mutex.h>
#include "internal.h"

#define MOVABLE_ALIGN_PAGES	1024UL	/* 4 MiB: MAX_ORDER_NR_PAGES */

static pg_data_t node0_data;
struct pglist_data *node_data[MAX_NUMNODES] = { &node0_data };

const char *const zone_names[MAX_NR_ZONES] = { "DMA", "DMA32", "Normal", "Movable" };

/* Zone limits; zone_movable_pfn is 0 when there is no ZONE_MOVABLE. */
static unsigned long arch_zone_lowest_pfn[MAX_NR_ZONES];
static unsigned long arch_zone_highest_pfn[MAX_NR_ZONES];
static unsigned long zone_movable_pfn;
static enum zone_type movable_zone;

/* kernelcore= / movablecore=: a page count, or a percentage of RAM. */
struct core_request {
	unsigned long pages;
	unsigned int percent;
};
static struct core_request required_kernelcore, required_movablecore;

u64 memmap_init_cycles;

static int parse_core(char *val, struct core_request *req)
{
	char *end;
	unsigned long long v;

	if (!val || !*val)
		return -EINVAL;
	if (val[strlen(val) - 1] == '%') {
		v = simple_strtoull(val, &end, 10);
		if (end == val || *end != '%' || v > 100)
			return -EINVAL;
		req->percent = (unsigned int)v;
		req->pages = 0;
		return 0;
	}
	v = memparse(val, &end);
	if (end == val || *end)
		return -EINVAL;
	req->pages = v >> PAGE_SHIFT;
	req->percent = 0;
	return 0;
}

static int kernelcore_setup(char *val)
{
	return parse_core(val, &required_kernelcore);
}
early_param("kernelcore", kernelcore_setup);

static int movablecore_setup(char *val)
{
	return parse_core(val, &required_movablecore);
}
early_param("movablecore", movablecore_setup);

static unsigned long core_pages(const struct core_request *req, unsigned long total)
{
	return req->percent ? total / 100 * req->percent : req->pages;
}

/* RAM pages of node memory in [start_pfn, end_pfn). */
static unsigned long present_pages_in_range(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long s, e, n = 0;
	int i;

	for_each_mem_pfn_range(i, NUMA_NO_NODE, &s, &e, NULL) {
		s = clamp(s, start_pfn, end_pfn);
		e = clamp(e, start_pfn, end_pfn);
		n += e - s;
	}
	return n;
}

static enum zone_type highest_populated_zone(void)
{
	int z;

	for (z = ZONE_MOVABLE - 1; z > ZONE_DMA; z--)
		if (present_pages_in_range(arch_zone_lowest_pfn[z], arch_zone_highest_pfn[z]))
			break;
	return z;
}

/* The pfn at which @kernel_pages of RAM lie below, walking RAM upward. */
static unsigned long pfn_after_ram_pages(unsigned long kernel_pages)
{
	unsigned long s, e;
	int i;

	for_each_mem_pfn_range(i, NUMA_NO_NODE, &s, &e, NULL) {
		if (e - s > kernel_pages)
			return s + kernel_pages;
		kernel_pages -= e - s;
	}
	return 0;
}

/*
 * Linux's find_zone_movable_pfns_for_nodes for one node: the lowest pfn of
 * ZONE_MOVABLE such that the kernel keeps required_kernelcore pages of RAM
 * below it. Only the highest populated zone gives memory to ZONE_MOVABLE.
 */
static void find_zone_movable_pfn(void)
{
	unsigned long total = memblock_phys_mem_size() >> PAGE_SHIFT;
	unsigned long kernelcore = core_pages(&required_kernelcore, total);
	unsigned long movablecore = core_pages(&required_movablecore, total);
	unsigned long pfn;

	zone_movable_pfn = 0;
	if (movablecore)
		kernelcore = movablecore < total ? total - movablecore : 0;
	if (!kernelcore || kernelcore >= total)
		return;
	movable_zone = highest_populated_zone();
	pfn = ALIGN(pfn_after_ram_pages(kernelcore), MOVABLE_ALIGN_PAGES);
	pfn = max(pfn, arch_zone_lowest_pfn[movable_zone]);
	if (pfn >= arch_zone_highest_pfn[movable_zone]) {
		pr_warn("kernelcore/movablecore leave nothing for ZONE_MOVABLE, ignored\n");
		return;
	}
	zone_movable_pfn = pfn;
}

static void zone_range(enum zone_type z, unsigned long node_start, unsigned long node_end,
		       unsigned long *start, unsigned long *end)
{
	if (z == ZONE_MOVABLE) {
		*start = zone_movable_pfn;
		*end = zone_movable_pfn ? arch_zone_highest_pfn[movable_zone] : 0;
	} else {
		*start = arch_zone_lowest_pfn[z];
		*end = arch_zone_highest_pfn[z];
		if (zone_movable_pfn && *end > zone_movable_pfn)
			*end = max(*start, zone_movable_pfn);
	}
	*start = clamp(*start, node_start, node_end);
	*end = clamp(*end, node_start, node_end);
}

static void init_zone(pg_data_t *pgdat, enum zone_type z, unsigned long start,
		      unsigned long end)
{
	struct zone *zone = &pgdat->node_zones[z];

	zone->name = zone_names[z];
	zone->node = pgdat->node_id;
	zone->zone_pgdat = pgdat;
	zone->zone_start_pfn = start;
	zone->spanned_pages = end - start;
	zone->present_pages = present_pages_in_range(start, end);
	atomic_long_set(&zone->managed_pages, 0);
	zone_init_free_lists(zone);
	pgdat->node_present_pages += zone->present_pages;
	if (zone->present_pages)
		pgdat->nr_zones = z + 1;
}

/* Every struct page of [start_pfn, end_pfn): reserved, one reference. */
static void init_page_range(unsigned long start_pfn, unsigned long end_pfn,
			    enum zone_type z, int nid)
{
	struct page *page = pfn_to_page(start_pfn), *end = pfn_to_page(end_pfn);
	unsigned long flags = page_links(z, nid, start_pfn) | (1UL << PG_reserved);

	for (; page < end; page++) {
		page->flags = flags;
		page->lru.next = &page->lru;
		page->lru.prev = &page->lru;
		page->mapping = NULL;
		page->index = 0;
		page->private = 0;
		atomic_set(&page->_mapcount, -1);
		atomic_set(&page->_refcount, 1);
		page->memcg_data = 0;
	}
}

/* The zone a pfn of a present section belongs to; holes get the arch zone. */
static enum zone_type memmap_zone(const pg_data_t *pgdat, unsigned long pfn)
{
	int z;

	for (z = 0; z < MAX_NR_ZONES; z++)
		if (zone_spans_pfn(&pgdat->node_zones[z], pfn))
			return z;
	for (z = 0; z < ZONE_MOVABLE; z++)
		if (pfn < arch_zone_highest_pfn[z])
			return z;
	return ZONE_NORMAL;
}

/* The end of the run of pfns from @pfn that memmap_zone() puts in one zone. */
static unsigned long memmap_zone_run_end(const pg_data_t *pgdat, unsigned long pfn,
					 unsigned long limit)
{
	int z;

	for (z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &pgdat->node_zones[z];

		if (zone->spanned_pages && zone->zone_start_pfn > pfn)
			limit = min(limit, zone->zone_start_pfn);
		if (zone->spanned_pages && zone_end_pfn(zone) > pfn)
			limit = min(limit, zone_end_pfn(zone));
		if (arch_zone_highest_pfn[z] > pfn)
			limit = min(limit, arch_zone_highest_pfn[z]);
	}
	return limit;
}

static void memmap_init(pg_data_t *pgdat)
{
	u64 t0 = rdtsc_ordered();
	unsigned long nr;

	for_each_present_section_nr(0, nr) {
		unsigned long pfn = section_nr_to_pfn(nr);
		unsigned long end = pfn + PAGES_PER_SECTION;

		while (pfn < end) {
			unsigned long run = memmap_zone_run_end(pgdat, pfn, end);

			init_page_range(pfn, run, memmap_zone(pgdat, pfn), pgdat->node_id);
			pfn = run;
		}
	}
	memmap_init_cycles = rdtsc_ordered() - t0;
}

static void calculate_arch_zone_limits(const unsigned long *max_zone_pfn)
{
	unsigned long start = PFN_UP(memblock_start_of_DRAM());
	int z;

	for (z = 0; z < ZONE_MOVABLE; z++) {
		arch_zone_lowest_pfn[z] = start;
		arch_zone_highest_pfn[z] = max(max_zone_pfn[z], start);
		start = arch_zone_highest_pfn[z];
	}
}

void free_area_init(const unsigned long *max_zone_pfn)
{
	/* One node holds all of memblock's memory (MAX_NUMNODES is 1). */
	pg_data_t *pgdat = NODE_DATA(first_online_node);
	unsigned long start = PFN_UP(memblock_start_of_DRAM());
	unsigned long end = PFN_DOWN(memblock_end_of_DRAM());
	int z;

	calculate_arch_zone_limits(max_zone_pfn);
	find_zone_movable_pfn();
	memset(pgdat, 0, sizeof(*pgdat));
	pgdat->node_id = first_online_node;
	pgdat->node_start_pfn = start;
	pgdat->node_spanned_pages = end - start;
	for (z = 0; z < MAX_NR_ZONES; z++) {
		unsigned long zs, ze;

		zone_range(z, start, end, &zs, &ze);
		init_zone(pgdat, z, zs, ze);
	}
	pr_info("Zone ranges:\n");
	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &pgdat->node_zones[z];

		if (!zone->spanned_pages)
			pr_info("  %-8s empty\n", zone->name);
		else
			pr_info("  %-8s [mem %#018llx-%#018llx]\n", zone->name,
				(u64)PFN_PHYS(zone->zone_start_pfn),
				(u64)PFN_PHYS(zone_end_pfn(zone)) - 1);
	}
	memmap_init(pgdat);
}

/* The largest aligned blocks covering [start, end), to the buddy allocator. */
static void __free_pages_memory(unsigned long start, unsigned long end)
{
	while (start < end) {
		unsigned long order = start ? min(MAX_ORDER - 1UL, __ffs(start)) : MAX_ORDER - 1;

		while (start + (1UL << order) > end)
			order--;
		__free_pages_core(pfn_to_page(start), order);
		start += 1UL << order;
	}
}

/*
 * memblock_free_all - release every free memblock range to the page
 * allocator: every whole page of memory that no reservation touches
 * becomes a managed, free page of its zone. Returns the number of pages
 * released. Context: boot, once.
 */
unsigned long memblock_free_all(void)
{
	phys_addr_t start, end;
	unsigned long count = 0;
	u64 i;

	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, NULL) {
		unsigned long s = PFN_UP(start), e = PFN_DOWN(end);

		if (s >= e)
			continue;
		__free_pages_memory(s, e);
		count += e - s;
	}
	return count;
}

static void tunables_follow_managed(void);

unsigned long free_reserved_area(void *start, void *end, int poison, const char *s)
{
	unsigned long pos = PAGE_ALIGN((unsigned long)start);
	unsigned long pages = 0;

	for (; pos + PAGE_SIZE <= (unsigned long)end; pos += PAGE_SIZE, pages++) {
		struct page *page = virt_to_page((void *)pos);

		VM_BUG_ON_PAGE(!PageReserved(page), page);
		if (poison >= 0)
			memset((void *)pos, poison, PAGE_SIZE);
		__free_pages_core(page, 0);
	}
	if (pages && s)
		pr_info("Freeing %s memory: %luK\n", s, pages << (PAGE_SHIFT - 10));
	if (pages)
		tunables_follow_managed();
	return pages;
}

/* Linux's "Memory: ...K/...K available (...)" line. */
void mem_init_print_info(void)
{
	unsigned long physpages = 0;
	unsigned long codesize = _etext - _text, rosize = __end_rodata - __start_rodata;
	unsigned long datasize = _edata - _sdata, bss = __bss_stop - __bss_start;
	pg_data_t *pgdat;

	for_each_online_pgdat(pgdat)
		physpages += pgdat->node_present_pages;

	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK rodata, "
		"%luK bss, %luK reserved)\n",
		totalram_pages() << (PAGE_SHIFT - 10), physpages << (PAGE_SHIFT - 10),
		codesize >> 10, datasize >> 10, rosize >> 10, bss >> 10,
		(physpages - totalram_pages()) << (PAGE_SHIFT - 10));
}

/* ---- boot-time tunables: watermarks, lowmem reserves, min_free_kbytes ---- */

/*
 * Set once the zones are managed (page_alloc_init_late()); read by the
 * allocator's watermark checks without a lock (they only change at boot).
 */
unsigned long totalreserve_pages;
struct kobject *mm_kobj;

void mm_sysfs_init(void)
{
	mm_kobj = kobject_create_and_add("mm", kernel_kobj);
	if (!mm_kobj)
		pr_err("mm: cannot make /sys/kernel/mm\n");
}

int min_free_kbytes = 1024;
int watermark_scale_factor = 10;
/* A zone keeps 1/ratio of the higher zones' pages back from their requests. */
int sysctl_lowmem_reserve_ratio[MAX_NR_ZONES] = { 256, 256, 32, 0 };

static void setup_per_zone_lowmem_reserve(void)
{
	pg_data_t *pgdat;
	int i, j;

	for_each_online_pgdat(pgdat) {
		for (i = 0; i < MAX_NR_ZONES; i++) {
			struct zone *zone = &pgdat->node_zones[i];
			unsigned long managed = 0;

			for (j = i + 1; j < MAX_NR_ZONES; j++) {
				managed += zone_managed_pages(&pgdat->node_zones[j]);
				zone->lowmem_reserve[j] = sysctl_lowmem_reserve_ratio[i] && managed ?
					(long)(managed / sysctl_lowmem_reserve_ratio[i]) : 0;
			}
			zone->lowmem_reserve[i] = 0;
		}
	}
}

/* Pages no userspace allocation may take: high watermark plus largest reserve. */
static void calculate_totalreserve_pages(void)
{
	unsigned long reserve_pages = 0;
	struct zone *zone;

	for_each_zone(zone) {
		long max = 0;
		int j;

		for (j = 0; j < MAX_NR_ZONES; j++)
			max = max(max, zone->lowmem_reserve[j]);
		max += (long)high_wmark_pages(zone);
		if ((unsigned long)max > zone_managed_pages(zone))
			max = (long)zone_managed_pages(zone);
		reserve_pages += (unsigned long)max;
	}
	totalreserve_pages = reserve_pages;
}

/* min: min_free_kbytes shared by size; low and high a scale-factor step above. */
static void setup_per_zone_wmarks(void)
{
	unsigned long pages_min = (unsigned long)min_free_kbytes >> (PAGE_SHIFT - 10);
	unsigned long lowmem_pages = 0;
	struct zone *zone;

	for_each_zone(zone)
		if (zone_idx(zone) != ZONE_MOVABLE)
			lowmem_pages += zone_managed_pages(zone);
	for_each_zone(zone) {
		unsigned long managed = zone_managed_pages(zone), tmp;

		if (zone_idx(zone) == ZONE_MOVABLE)
			/* Only movable requests use it: a token minimum, as Linux's highmem. */
			tmp = clamp(managed / 1024, 32UL, 128UL);
		else
			tmp = lowmem_pages ? pages_min * managed / lowmem_pages : 0;
		if (!managed)
			tmp = 0;
		zone->_watermark[WMARK_MIN] = tmp;
		tmp = max(tmp / 4, managed * (unsigned long)watermark_scale_factor / 10000);
		zone->_watermark[WMARK_LOW] = min_wmark_pages(zone) + tmp;
		zone->_watermark[WMARK_HIGH] = low_wmark_pages(zone) + tmp;
	}
	calculate_totalreserve_pages();
}

/* Linux: min_free_kbytes = sqrt(lowmem_kbytes * 16), within [128, 262144]. */
static void calculate_min_free_kbytes(void)
{
	unsigned long lowmem_kbytes = 0;
	struct zone *zone;

	for_each_zone(zone)
		if (zone_idx(zone) != ZONE_MOVABLE)
			lowmem_kbytes += zone_managed_pages(zone) << (PAGE_SHIFT - 10);
	min_free_kbytes = (int)clamp(int_sqrt(lowmem_kbytes * 16), 128UL, 262144UL);
}

/* Recompute the watermarks, reserves and per-CPU list sizes from the tunables. */
void setup_per_zone_tunables(void)
{
	struct zone *zone;

	setup_per_zone_wmarks();
	setup_per_zone_lowmem_reserve();
	calculate_totalreserve_pages();
	for_each_zone(zone)
		if (zone->per_cpu_pageset)
			zone_pcp_update(zone);
}

/*
 * The vm sysctls: the value checked and stored (proc_dointvec_minmax()),
 * then everything that follows from it recomputed, as Linux's handlers
 * do. sysctl_tunables_lock keeps two writers from recomputing at once.
 */
static DEFINE_MUTEX(sysctl_tunables_lock);

/*
 * Pages that joined their zones after boot set the tunables (the
 * initrd's, free_reserved_area()): the watermarks and reserves follow the
 * zones' new sizes, min_free_kbytes stays. A zone the boot loader filled
 * with the initrd had no managed pages, so no watermarks, until then.
 */
static void tunables_follow_managed(void)
{
	mutex_lock(&sysctl_tunables_lock);
	setup_per_zone_tunables();
	mutex_unlock(&sysctl_tunables_lock);
}

static int tunable_sysctl_handler(struct ctl_table *table, int write, void *buffer,
				  size_t *lenp, loff_t *ppos)
{
	int ret;

	if (!write)
		return proc_dointvec_minmax(table, write, buffer, lenp, ppos);
	mutex_lock(&sysctl_tunables_lock);
	ret = proc_dointvec_minmax(table, write, buffer, lenp, ppos);
	if (!ret)
		setup_per_zone_tunables();
	mutex_unlock(&sysctl_tunables_lock);
	return ret;
}

int min_free_kbytes_sysctl_handler(struct ctl_table *table, int write, void *buffer,
				   size_t *lenp, loff_t *ppos)
{
	return tunable_sysctl_handler(table, write, buffer, lenp, ppos);
}

int watermark_scale_factor_sysctl_handler(struct ctl_table *table, int write, void *buffer,
					  size_t *lenp, loff_t *ppos)
{
	return tunable_sysctl_handler(table, write, buffer, lenp, ppos);
}

/* As Linux's: any int is taken, and a ratio below 1 means "no reserve" (0). */
int lowmem_reserve_ratio_sysctl_handler(struct ctl_table *table, int write, void *buffer,
					size_t *lenp, loff_t *ppos)
{
	int i, ret;

	if (!write)
		return proc_dointvec_minmax(table, write, buffer, lenp, ppos);
	mutex_lock(&sysctl_tunables_lock);
	ret = proc_dointvec_minmax(table, write, buffer, lenp, ppos);
	for (i = 0; !ret && i < MAX_NR_ZONES; i++)
		if (sysctl_lowmem_reserve_ratio[i] < 1)
			sysctl_lowmem_reserve_ratio[i] = 0;
	if (!ret)
		setup_per_zone_tunables();
	mutex_unlock(&sysctl_tunables_lock);
	return ret;
}

/* 0 (the lists follow the low watermark) or at least 8, as Linux's. */
int percpu_pagelist_high_fraction_sysctl_handler(struct ctl_table *table, int write,
						 void *buffer, size_t *lenp, loff_t *ppos)
{
	int old = percpu_pagelist_high_fraction, ret;

	if (!write)
		return proc_dointvec_minmax(table, write, buffer, lenp, ppos);
	mutex_lock(&sysctl_tunables_lock);
	ret = proc_dointvec_minmax(table, write, buffer, lenp, ppos);
	if (!ret && percpu_pagelist_high_fraction &&
	    percpu_pagelist_high_fraction < MIN_PERCPU_PAGELIST_HIGH_FRACTION) {
		percpu_pagelist_high_fraction = old;
		ret = -EINVAL;
	}
	if (!ret && percpu_pagelist_high_fraction != old)
		setup_per_zone_tunables();
	mutex_unlock(&sysctl_tunables_lock);
	return ret;
}

void page_alloc_init_late(void)
{
	calculate_min_free_kbytes();
	setup_per_zone_tunables();
	init_reserve_kbytes();
}

void mm_core_init(void)
{
	page_alloc_init();
	/* Debugging options' boot memory, while memblock still hands it out. */
	stack_depot_early_init();
	page_owner_init();
	memblock_free_all();
	after_bootmem = true;	/* page tables from the page allocator now */
	page_alloc_init_late();
	kmem_cache_init();
	vmalloc_init();
	mem_init_print_info();
}
