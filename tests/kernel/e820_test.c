// SPDX-License-Identifier: GPL-2.0
/*
 * The e820 map as this boot left it (arch/x86_64/e820.c): sanitised, with
 * the BIOS areas trimmed, and agreeing with memblock. Holds for every
 * machine of the boot matrix.
 */
#include <linux/ktest.h>
#include <linux/memblock.h>
#include <asm/e820.h>
#include <asm/page.h>

static const struct e820_entry *entry(u32 i)
{
	return &e820_table->entries[i];
}

static void live_map_is_sorted_disjoint_and_merged(struct ktest *test)
{
	u32 i;

	KTEST_ASSERT_GT(test, e820_table->nr_entries, 0U);
	for (i = 0; i < e820_table->nr_entries; i++) {
		KTEST_EXPECT_GT(test, entry(i)->size, 0ULL);
		if (!i)
			continue;
		KTEST_EXPECT_LE(test, entry(i - 1)->addr + entry(i - 1)->size, entry(i)->addr);
		if (entry(i - 1)->addr + entry(i - 1)->size == entry(i)->addr)
			KTEST_EXPECT_NE(test, (u32)entry(i - 1)->type, (u32)entry(i)->type);
	}
}

static void bios_areas_are_not_usable(struct ktest *test)
{
	KTEST_EXPECT_FALSE(test, e820__mapped_any(0, PAGE_SIZE, E820_TYPE_RAM));
	KTEST_EXPECT_FALSE(test, e820__mapped_any(0xa0000, 0x100000, E820_TYPE_RAM));
	KTEST_EXPECT_TRUE(test, e820__mapped_all(PAGE_SIZE, 0x9f000, E820_TYPE_RAM));
}

static void memblock_memory_is_the_usable_map(struct ktest *test)
{
	u64 usable = 0;
	u32 i;

	for (i = 0; i < e820_table->nr_entries; i++)
		if (entry(i)->type == E820_TYPE_RAM)
			usable += ALIGN_DOWN(entry(i)->addr + entry(i)->size, PAGE_SIZE) -
				  ALIGN(entry(i)->addr, PAGE_SIZE);
	KTEST_EXPECT_EQ(test, (u64)memblock_phys_mem_size(), usable);
	KTEST_EXPECT_EQ(test, e820__end_of_ram_pfn(),
			(unsigned long)PFN_DOWN(memblock_end_of_DRAM()));
}

static void print_shows_linux_lines(struct ktest *test)
{
	e820__print_table("ktest-e820");
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "ktest-e820: [mem 0x0000000000001000-0x000000000009"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "] usable"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "] reserved"));
}

static struct ktest_case e820_cases[] = {
	KTEST_CASE(live_map_is_sorted_disjoint_and_merged),
	KTEST_CASE(bios_areas_are_not_usable),
	KTEST_CASE(memblock_memory_is_the_usable_map),
	KTEST_CASE(print_shows_linux_lines),
	{}
};

static struct ktest_suite e820_suite = {
	.name = "e820",
	.test_cases = e820_cases,
};
ktest_register_suite(e820_suite);
