// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the memory model as boot leaves it: the kernel page tables
 * (arch/x86_64/init_64.c), sections and pfn_valid (mm/sparse.c), zones and
 * struct pages (mm/mm_init.c). They read the live state, so they hold for
 * every machine of the boot matrix (-m 32M to 16G, memmap= holes, mem=).
 */
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/memblock.h>
#include <linux/kernel.h>
#include <asm/e820.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/traps.h>
#include <linux/bench.h>
#include "../../mm/internal.h"

/* With debug_pagealloc=on free pages are unmapped; all others are mapped. */
static bool direct_map_skips(phys_addr_t pa)
{
	return debug_pagealloc_enabled && !kernel_page_present(pfn_to_page(PFN_DOWN(pa)));
}

/*
 * A read of every page of RAM through the direct map: none may fault. Under
 * debug_pagealloc the unmapped pages are skipped, and they must be free
 * ones: none holds a reference, and once the per-CPU lists are drained
 * there are at least nr_free_pages() of them (more only if a bad page was
 * leaked off a free list).
 */
static void direct_map_reads_every_ram_page(struct ktest *test)
{
	phys_addr_t start, end, pa;
	unsigned long pages = 0, unmapped = 0, unmapped_in_use = 0, sum = 0;
	u64 i;

	drain_all_pages(NULL);
	for_each_mem_range(i, &start, &end) {
		for (pa = ALIGN(start, PAGE_SIZE); pa + PAGE_SIZE <= end; pa += PAGE_SIZE) {
			pages++;
			if (direct_map_skips(pa)) {
				unmapped++;
				unmapped_in_use += page_ref_count(pfn_to_page(PFN_DOWN(pa))) != 0;
				continue;
			}
			sum += *(volatile unsigned long *)__va(pa);
		}
	}
	KTEST_EXPECT_EQ(test, pages, (unsigned long)(memblock_phys_mem_size() >> PAGE_SHIFT));
	KTEST_EXPECT_EQ(test, unmapped_in_use, 0UL);
	if (debug_pagealloc_enabled)
		KTEST_EXPECT_GE(test, unmapped, nr_free_pages());
	ktest_info(test, "read %lu pages, skipped %lu unmapped free ones (checksum %lx)",
		   pages - unmapped, unmapped, sum);
}

static void read_phys(void *arg)
{
	(void)*(volatile unsigned long *)arg;
}

/* Every hole between RAM ranges below the end of RAM is unmapped. */
static void holes_are_not_mapped(struct ktest *test)
{
	phys_addr_t start, end, prev_end = 0;
	struct exception_info info;
	unsigned int holes = 0;
	u64 i;

	for_each_mem_range(i, &start, &end) {
		phys_addr_t hole = ALIGN(prev_end, PAGE_SIZE);

		if (hole + PAGE_SIZE <= ALIGN_DOWN(start, PAGE_SIZE)) {
			KTEST_EXPECT_EXCEPTION(test, read_phys, __va(hole), X86_TRAP_PF, &info);
			KTEST_EXPECT_EQ(test, info.address, (unsigned long)__va(hole));
			KTEST_EXPECT_EQ(test, info.error_code & X86_PF_PROT, 0UL);
			holes++;
		}
		prev_end = end;
	}
	/* Page 0 is a hole on every PC (trim_bios_range). */
	KTEST_EXPECT_GE(test, holes, 1U);
	/* Beyond the end of RAM nothing is mapped either. */
	KTEST_EXPECT_EXCEPTION(test, read_phys,
			       __va(ALIGN(memblock_end_of_DRAM(), PUD_SIZE) + PUD_SIZE),
			       X86_TRAP_PF, &info);
}

static noinline int wx_target(int x)
{
	return x + 1;
}

static void write_to_text(void *arg)
{
	*(volatile u8 *)wx_target = 0xc3;
}

static const int rodata_word = 5;

static void write_to_rodata(void *arg)
{
	*(volatile int *)&rodata_word = 6;
}

static u8 data_code[16] __aligned(16) = { 0xc3 };	/* ret */

static void execute(void *arg)
{
	((void (*)(void))arg)();
}

static void text_is_not_writable(struct ktest *test)
{
	struct exception_info info;

	KTEST_EXPECT_EXCEPTION(test, write_to_text, NULL, X86_TRAP_PF, &info);
	KTEST_EXPECT_NE(test, info.error_code & X86_PF_PROT, 0UL);
	KTEST_EXPECT_NE(test, info.error_code & X86_PF_WRITE, 0UL);
	KTEST_EXPECT_EQ(test, wx_target(1), 2);
}

static void rodata_is_not_writable(struct ktest *test)
{
	struct exception_info info;

	KTEST_EXPECT_EXCEPTION(test, write_to_rodata, NULL, X86_TRAP_PF, &info);
	KTEST_EXPECT_NE(test, info.error_code & X86_PF_WRITE, 0UL);
	KTEST_EXPECT_EQ(test, READ_ONCE(rodata_word), 5);
}

static void data_is_not_executable(struct ktest *test)
{
	struct exception_info info;

	KTEST_EXPECT_EXCEPTION(test, execute, data_code, X86_TRAP_PF, &info);
	KTEST_EXPECT_NE(test, info.error_code & X86_PF_INSTR, 0UL);
	KTEST_EXPECT_EQ(test, info.address, (unsigned long)data_code);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "#PF: supervisor instruction fetch in kernel mode"));
}

static void direct_map_is_not_executable(struct ktest *test)
{
	struct exception_info info;
	void *alias = __va(__pa(wx_target));

	KTEST_EXPECT_EXCEPTION(test, execute, alias, X86_TRAP_PF, &info);
	KTEST_EXPECT_NE(test, info.error_code & X86_PF_INSTR, 0UL);
}

static void fault_report_walks_the_page_tables(struct ktest *test)
{
	struct exception_info info;

	KTEST_EXPECT_EXCEPTION(test, read_phys, NULL, X86_TRAP_PF, &info);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "PGD 0 "));
	KTEST_EXPECT_EXCEPTION(test, write_to_text, NULL, X86_TRAP_PF, &info);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "#PF: error_code(0x0003) - permissions violation"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, " PTE "));
}

/* pfn_valid: true exactly for pfns of sections that hold RAM. */
static bool section_has_ram(unsigned long pfn)
{
	phys_addr_t s = PFN_PHYS(pfn & PAGE_SECTION_MASK);

	return memblock_is_region_memory(s, PFN_PHYS(PAGES_PER_SECTION)) ||
	       memblock_is_memory(s) ||
	       ({
			phys_addr_t ms, me;
			u64 i;
			bool found = false;

			for_each_mem_range(i, &ms, &me)
				if (ms < s + PFN_PHYS(PAGES_PER_SECTION) && me > s)
					found = true;
			found;
	       });
}

static void pfn_valid_at_every_e820_boundary(struct ktest *test)
{
	u32 i;

	for (i = 0; i < e820_table->nr_entries; i++) {
		const struct e820_entry *e = &e820_table->entries[i];
		unsigned long first = PFN_DOWN(e->addr), last = PFN_DOWN(e->addr + e->size - 1);
		unsigned long pfns[] = { first ? first - 1 : 0, first, last, last + 1 };
		unsigned int k;

		for (k = 0; k < ARRAY_SIZE(pfns); k++) {
			if (pfns[k] >= MAX_PFN)
				continue;
			if (pfn_valid(pfns[k]) != section_has_ram(pfns[k]))
				KTEST_FAIL(test, "pfn_valid(%#lx) = %d at e820 entry %u", pfns[k],
					   pfn_valid(pfns[k]), i);
		}
	}
	KTEST_EXPECT_FALSE(test, pfn_valid(MAX_PFN));
	KTEST_EXPECT_FALSE(test, pfn_valid(~0UL));
	KTEST_EXPECT_FALSE(test, pfn_valid(PFN_DOWN(memblock_end_of_DRAM()) + PAGES_PER_SECTION));
}

static void every_ram_pfn_is_valid(struct ktest *test)
{
	unsigned long start, end, bad = 0;
	int i;

	for_each_mem_pfn_range(i, NUMA_NO_NODE, &start, &end, NULL) {
		unsigned long pfn;

		for (pfn = start; pfn < end; pfn++)
			bad += !pfn_valid(pfn);
	}
	KTEST_EXPECT_EQ(test, bad, 0UL);
}

static void zone_boundaries_follow_the_zone_limits(struct ktest *test)
{
	pg_data_t *pgdat = NODE_DATA(first_online_node);
	const struct zone *dma = &pgdat->node_zones[ZONE_DMA];
	const struct zone *dma32 = &pgdat->node_zones[ZONE_DMA32];
	const struct zone *normal = &pgdat->node_zones[ZONE_NORMAL];

	KTEST_EXPECT_LE(test, zone_end_pfn(dma), MAX_DMA_PFN);
	if (dma32->spanned_pages) {
		KTEST_EXPECT_GE(test, dma32->zone_start_pfn, MAX_DMA_PFN);
		KTEST_EXPECT_LE(test, zone_end_pfn(dma32), MAX_DMA32_PFN);
	}
	if (normal->spanned_pages)
		KTEST_EXPECT_GE(test, normal->zone_start_pfn, MAX_DMA32_PFN);
	KTEST_EXPECT_EQ(test, pgdat->node_start_pfn, (unsigned long)PFN_UP(memblock_start_of_DRAM()));
}

static void zone_present_pages_add_up(struct ktest *test)
{
	pg_data_t *pgdat = NODE_DATA(first_online_node);
	unsigned long present = 0;
	struct zone *zone;

	for_each_zone_in_node(zone, pgdat) {
		KTEST_EXPECT_LE(test, zone->present_pages, zone->spanned_pages);
		present += zone->present_pages;
	}
	KTEST_EXPECT_EQ(test, present, pgdat->node_present_pages);
	KTEST_EXPECT_EQ(test, present, (unsigned long)(memblock_phys_mem_size() >> PAGE_SHIFT));
}

static void struct_pages_carry_zone_node_and_section(struct ktest *test)
{
	unsigned long start, end, bad = 0;
	int i;

	for_each_mem_pfn_range(i, NUMA_NO_NODE, &start, &end, NULL) {
		unsigned long pfn;

		for (pfn = start; pfn < end; pfn += 97) {
			struct page *page = pfn_to_page(pfn);

			if (!zone_spans_pfn(page_zone(page), pfn) || page_to_nid(page) != 0 ||
			    page_to_section(page) != pfn_to_section_nr(pfn))
				bad++;
		}
	}
	KTEST_EXPECT_EQ(test, bad, 0UL);
}

static void page_address_round_trips(struct ktest *test)
{
	phys_addr_t pa = ALIGN(memblock_start_of_DRAM(), PAGE_SIZE);
	struct page *page = pfn_to_page(PFN_DOWN(pa));

	KTEST_EXPECT_PTR_EQ(test, page_address(page), __va(pa));
	KTEST_EXPECT_PTR_EQ(test, virt_to_page(__va(pa)), page);
	KTEST_EXPECT_EQ(test, page_to_pfn(virt_to_page(data_code)), (unsigned long)PFN_DOWN(__pa(data_code)));
}

/*
 * memblock_free_all's count, recomputed another way: page by page, through
 * memblock_is_region_reserved() instead of the free-range iterator.
 */
static void free_all_released_every_unreserved_page(struct ktest *test)
{
	unsigned long start, end, free = 0, managed = 0;
	struct zone *zone;
	int i;

	for_each_mem_pfn_range(i, NUMA_NO_NODE, &start, &end, NULL) {
		unsigned long pfn;

		for (pfn = start; pfn < end; pfn++)
			free += !memblock_is_region_reserved(PFN_PHYS(pfn), PAGE_SIZE);
	}
	for_each_zone(zone) {
		KTEST_EXPECT_LE(test, zone_managed_pages(zone), zone->present_pages);
		managed += zone_managed_pages(zone);
	}
	KTEST_EXPECT_EQ(test, totalram_pages(), free);
	KTEST_EXPECT_EQ(test, managed, totalram_pages());
}

static void low_memory_and_kernel_are_not_managed(struct ktest *test)
{
	const struct zone *dma = &NODE_DATA(first_online_node)->node_zones[ZONE_DMA];
	unsigned long kernel_pages = PFN_UP(__pa(_end)) - PFN_DOWN(__pa(_text));
	unsigned long start, end, low_pages = 0;
	int i;

	for_each_mem_pfn_range(i, NUMA_NO_NODE, &start, &end, NULL)
		if (start < PFN_DOWN(SZ_1M))
			low_pages += min(end, PFN_DOWN(SZ_1M)) - start;
	KTEST_EXPECT_TRUE(test, memblock_is_region_reserved(0, SZ_1M));
	KTEST_EXPECT_TRUE(test, memblock_is_region_reserved(__pa(_text), PAGE_SIZE));
	KTEST_EXPECT_TRUE(test, memblock_is_region_reserved(__pa(_end) - 1, 1));
	/* The image lies in ZONE_DMA (loaded at 1 MiB), like all low memory. */
	KTEST_EXPECT_LE(test, zone_managed_pages(dma) + low_pages + kernel_pages,
			dma->present_pages);
}

/* Zones of one node never overlap; ZONE_MOVABLE, when present, is on top. */
static void zones_do_not_overlap(struct ktest *test)
{
	pg_data_t *pgdat = NODE_DATA(first_online_node);
	const struct zone *movable = &pgdat->node_zones[ZONE_MOVABLE];
	struct zone *a, *b;

	for_each_zone_in_node(a, pgdat)
		for_each_zone_in_node(b, pgdat)
			if (a < b && a->spanned_pages && b->spanned_pages)
				KTEST_EXPECT_TRUE(test, zone_end_pfn(a) <= b->zone_start_pfn ||
						  zone_end_pfn(b) <= a->zone_start_pfn);
	if (!movable->spanned_pages)
		return;
	KTEST_EXPECT_EQ(test, zone_end_pfn(movable),
			(unsigned long)PFN_DOWN(memblock_end_of_DRAM()));
	KTEST_EXPECT_EQ(test, movable->zone_start_pfn % 1024, 0UL);
	ktest_info(test, "ZONE_MOVABLE: %lu pages from pfn %#lx", movable->present_pages,
		   movable->zone_start_pfn);
}

static struct ktest_case mm_init_cases[] = {
	KTEST_CASE(direct_map_reads_every_ram_page),
	KTEST_CASE(holes_are_not_mapped),
	KTEST_CASE(text_is_not_writable),
	KTEST_CASE(rodata_is_not_writable),
	KTEST_CASE(data_is_not_executable),
	KTEST_CASE(direct_map_is_not_executable),
	KTEST_CASE(fault_report_walks_the_page_tables),
	KTEST_CASE(pfn_valid_at_every_e820_boundary),
	KTEST_CASE(every_ram_pfn_is_valid),
	KTEST_CASE(zone_boundaries_follow_the_zone_limits),
	KTEST_CASE(zone_present_pages_add_up),
	KTEST_CASE(zones_do_not_overlap),
	KTEST_CASE(struct_pages_carry_zone_node_and_section),
	KTEST_CASE(page_address_round_trips),
	KTEST_CASE(free_all_released_every_unreserved_page),
	KTEST_CASE(low_memory_and_kernel_are_not_managed),
	{}
};

static struct ktest_suite mm_init_suite = {
	.name = "mm_init",
	.test_cases = mm_init_cases,
};
ktest_register_suite(mm_init_suite);

/*
 * memmap_init_per_GiB (Documentation/benchmarks.md): the cycles memmap_init() took at boot,
 * per GiB of RAM in memblock. make bench takes this row from a -m 4G boot.
 */
static void bench_memmap_init(void)
{
	u64 mib = memblock_phys_mem_size() >> 20;

	bench_report("memmap_init_per_GiB", memmap_init_cycles * 1024, mib);
}
BENCH(memmap_init, bench_memmap_init);
