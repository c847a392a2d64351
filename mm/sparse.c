// SPDX-License-Identifier: GPL-2.0
/*
 * SPARSEMEM_VMEMMAP: the struct pages of each 128 MiB section that holds
 * RAM, mapped at vmemmap + the section's first pfn.
 *
 * sparse_init() marks every section that memblock's memory touches as
 * present, then populates its part of the virtual memory map: 32768 struct
 * pages of 64 bytes, exactly 2 MiB, mapped with one 2 MiB page when memblock
 * can give an aligned 2 MiB block on the section's node, else with 4 KiB
 * pages (arch vmemmap_populate()). The struct pages are not initialised
 * here; memmap_init() (mm/mm_init.c) writes every one of them.
 *
 * mem_section is two-level: the root array is static (8 KiB), each root's
 * page of 512 sections comes from memblock when its first section appears.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/panic.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <asm/pgtable.h>
#include "internal.h"

struct mem_section *mem_section[NR_SECTION_ROOTS];

static struct mem_section *sparse_root(unsigned long nr)
{
	struct mem_section **root = &mem_section[nr / SECTIONS_PER_ROOT];

	if (!*root) {
		*root = memblock_alloc(PAGE_SIZE, PAGE_SIZE);
		if (!*root)
			panic("sparse: cannot allocate a mem_section root");
	}
	return *root;
}

static void memory_present(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn;

	for (pfn = start_pfn & PAGE_SECTION_MASK; pfn < end_pfn; pfn += PAGES_PER_SECTION) {
		unsigned long nr = pfn_to_section_nr(pfn);

		sparse_root(nr)[nr % SECTIONS_PER_ROOT].section_mem_map |=
			SECTION_MARKED_PRESENT;
	}
}

static void populate_section_memmap(unsigned long nr)
{
	unsigned long start = (unsigned long)pfn_to_page(section_nr_to_pfn(nr));
	unsigned long end = start + PAGES_PER_SECTION * sizeof(struct page);

	if (vmemmap_populate(start, end, 0))
		panic("sparse: cannot populate the memory map of section %lu", nr);
	__nr_to_section(nr)->section_mem_map |= SECTION_HAS_MEM_MAP;
}

void sparse_init(void)
{
	unsigned long start, end, nr, n = 0;
	int i;

	for_each_mem_pfn_range(i, NUMA_NO_NODE, &start, &end, NULL)
		memory_present(start, end);
	for_each_present_section_nr(0, nr) {
		populate_section_memmap(nr);
		n++;
	}
	pr_info("sparse: %lu present sections, memory map %lu KiB\n", n,
		n * PAGES_PER_SECTION * sizeof(struct page) / 1024);
}
