// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of the e820 sanitiser and editors (arch/x86_64/e820.c),
 * including a randomised comparison against a brute-force model: for
 * sample addresses, the type the sanitised map gives must be the largest
 * type of the input entries covering the address.
 */
#include "htest.h"
#include <asm/e820.h>
#include <linux/init.h>
#include <linux/kernel.h>

static void reset(void)
{
	e820_table->nr_entries = 0;
}

static void add(u64 a, u64 s, enum e820_type t)
{
	e820__range_add(a, s, t);
}

static const struct e820_entry *entry(u32 i)
{
	return &e820_table->entries[i];
}

#define EXPECT_ENTRY(i, a, s, t) do {				\
	HT_EXPECT_EQ(entry(i)->addr, (u64)(a));		\
	HT_EXPECT_EQ(entry(i)->size, (u64)(s));		\
	HT_EXPECT_EQ((u32)entry(i)->type, (u32)(t));		\
} while (0)

HTEST(sanitise_sorts_unsorted_entries)
{
	reset();
	add(0x200000, 0x1000, E820_TYPE_RAM);
	add(0x0, 0x1000, E820_TYPE_RESERVED);
	add(0x100000, 0x1000, E820_TYPE_ACPI);
	HT_ASSERT_EQ(e820__update_table(e820_table), 0);
	HT_ASSERT_EQ(e820_table->nr_entries, 3u);
	EXPECT_ENTRY(0, 0x0, 0x1000, E820_TYPE_RESERVED);
	EXPECT_ENTRY(1, 0x100000, 0x1000, E820_TYPE_ACPI);
	EXPECT_ENTRY(2, 0x200000, 0x1000, E820_TYPE_RAM);
}

HTEST(sanitise_reserved_wins_over_overlapping_usable)
{
	reset();
	add(0x0, 0x10000, E820_TYPE_RAM);
	add(0x8000, 0x10000, E820_TYPE_RESERVED);
	e820__update_table(e820_table);
	HT_ASSERT_EQ(e820_table->nr_entries, 2u);
	EXPECT_ENTRY(0, 0x0, 0x8000, E820_TYPE_RAM);
	EXPECT_ENTRY(1, 0x8000, 0x10000, E820_TYPE_RESERVED);
}

HTEST(sanitise_nested_reserved_splits_usable_in_three)
{
	reset();
	add(0x0, 0x100000, E820_TYPE_RAM);
	add(0x40000, 0x1000, E820_TYPE_NVS);
	e820__update_table(e820_table);
	HT_ASSERT_EQ(e820_table->nr_entries, 3u);
	EXPECT_ENTRY(0, 0x0, 0x40000, E820_TYPE_RAM);
	EXPECT_ENTRY(1, 0x40000, 0x1000, E820_TYPE_NVS);
	EXPECT_ENTRY(2, 0x41000, 0xbf000, E820_TYPE_RAM);
}

HTEST(sanitise_drops_zero_length_entries)
{
	reset();
	add(0x1000, 0, E820_TYPE_RESERVED);
	add(0x0, 0x2000, E820_TYPE_RAM);
	add(0x5000, 0, E820_TYPE_RAM);
	e820__update_table(e820_table);
	HT_ASSERT_EQ(e820_table->nr_entries, 1u);
	EXPECT_ENTRY(0, 0x0, 0x2000, E820_TYPE_RAM);
}

HTEST(sanitise_merges_adjacent_and_duplicate_usable)
{
	reset();
	add(0x0, 0x1000, E820_TYPE_RAM);
	add(0x1000, 0x1000, E820_TYPE_RAM);
	add(0x1000, 0x1000, E820_TYPE_RAM);
	add(0x2000, 0x3000, E820_TYPE_RAM);
	e820__update_table(e820_table);
	HT_ASSERT_EQ(e820_table->nr_entries, 1u);
	EXPECT_ENTRY(0, 0x0, 0x5000, E820_TYPE_RAM);
}

HTEST(sanitise_keeps_adjacent_different_types_apart)
{
	reset();
	add(0x0, 0x1000, E820_TYPE_RAM);
	add(0x1000, 0x1000, E820_TYPE_RESERVED);
	e820__update_table(e820_table);
	HT_EXPECT_EQ(e820_table->nr_entries, 2u);
}

HTEST(sanitise_does_not_merge_persistent_memory)
{
	reset();
	add(0x100000, 0x100000, E820_TYPE_PRAM);
	add(0x200000, 0x100000, E820_TYPE_PRAM);
	e820__update_table(e820_table);
	HT_ASSERT_EQ(e820_table->nr_entries, 2u);
	EXPECT_ENTRY(0, 0x100000, 0x100000, E820_TYPE_PRAM);
	EXPECT_ENTRY(1, 0x200000, 0x100000, E820_TYPE_PRAM);
}

HTEST(sanitise_clips_entry_wrapping_past_2_64)
{
	reset();
	add(0xfffffffffffff000ULL, 0x10000, E820_TYPE_RESERVED);
	add(0x0, 0x1000, E820_TYPE_RAM);
	e820__update_table(e820_table);
	HT_ASSERT_EQ(e820_table->nr_entries, 2u);
	EXPECT_ENTRY(1, 0xfffffffffffff000ULL, 0xfff, E820_TYPE_RESERVED);
}

HTEST(sanitise_empty_table_stays_empty)
{
	reset();
	HT_EXPECT_EQ(e820__update_table(e820_table), 0);
	HT_EXPECT_EQ(e820_table->nr_entries, 0u);
}

HTEST(sanitise_rejects_oversized_table_unchanged)
{
	static struct e820_table t;

	t.nr_entries = E820_MAX_ENTRIES + 1;
	HT_EXPECT_EQ(e820__update_table(&t), -1);
	HT_EXPECT_EQ(t.nr_entries, (u32)E820_MAX_ENTRIES + 1);
}

/* Deterministic pseudo-random numbers for the model test. */
static u64 rnd_state;

static u64 rnd(void)
{
	return htest_xorshift64(&rnd_state);
}

static const enum e820_type rnd_types[] = {
	E820_TYPE_RAM, E820_TYPE_RESERVED, E820_TYPE_ACPI, E820_TYPE_NVS, E820_TYPE_UNUSABLE,
};

static u32 model_type(const struct e820_entry *in, u32 n, u64 addr)
{
	u32 i, t = 0;

	for (i = 0; i < n; i++)
		if (in[i].size && addr >= in[i].addr && addr - in[i].addr < in[i].size)
			t = max(t, (u32)in[i].type);
	return t;
}

static u32 table_type(u64 addr)
{
	u32 i;

	for (i = 0; i < e820_table->nr_entries; i++)
		if (addr >= entry(i)->addr && addr - entry(i)->addr < entry(i)->size)
			return entry(i)->type;
	return 0;
}

static bool sanitised_shape_ok(void)
{
	u32 i;

	for (i = 0; i < e820_table->nr_entries; i++) {
		if (!entry(i)->size)
			return false;
		if (i && entry(i - 1)->addr + entry(i - 1)->size > entry(i)->addr)
			return false;
		if (i && entry(i - 1)->addr + entry(i - 1)->size == entry(i)->addr &&
		    entry(i - 1)->type == entry(i)->type)
			return false;
	}
	return true;
}

HTEST(sanitise_matches_brute_force_model_on_random_maps)
{
	static struct e820_entry in[E820_MAX_ENTRIES];
	u32 seed, i, n, k, bad = 0;

	for (seed = 1; seed <= 200; seed++) {
		rnd_state = seed * 0x9e3779b97f4a7c15ULL;
		n = 1 + rnd() % (seed % 10 ? 40 : E820_MAX_ENTRIES);
		reset();
		for (i = 0; i < n; i++) {
			in[i].addr = (rnd() % 256) << 12;
			in[i].size = (rnd() % 64) << 12;
			in[i].type = rnd_types[rnd() % ARRAY_SIZE(rnd_types)];
			add(in[i].addr, in[i].size, in[i].type);
		}
		e820__update_table(e820_table);
		if (!sanitised_shape_ok())
			bad++;
		for (k = 0; k < 400; k++) {
			u64 addr = (rnd() % (330UL << 12));

			if (table_type(addr) != model_type(in, n, addr))
				bad++;
		}
	}
	HT_EXPECT_EQ(bad, 0u);
}

HTEST(range_update_splits_an_entry)
{
	reset();
	add(0x0, 0x100000, E820_TYPE_RAM);
	HT_EXPECT_EQ(e820__range_update(0x10000, 0x1000, E820_TYPE_RAM, E820_TYPE_RESERVED),
		     0x1000ULL);
	e820__update_table(e820_table);
	HT_ASSERT_EQ(e820_table->nr_entries, 3u);
	EXPECT_ENTRY(1, 0x10000, 0x1000, E820_TYPE_RESERVED);
	EXPECT_ENTRY(2, 0x11000, 0xef000, E820_TYPE_RAM);
}

HTEST(range_update_leaves_other_types_alone)
{
	reset();
	add(0x0, 0x1000, E820_TYPE_ACPI);
	HT_EXPECT_EQ(e820__range_update(0x0, 0x1000, E820_TYPE_RAM, E820_TYPE_RESERVED), 0ULL);
	EXPECT_ENTRY(0, 0x0, 0x1000, E820_TYPE_ACPI);
}

HTEST(range_remove_cuts_the_top_off)
{
	reset();
	add(0x0, 0x9f000, E820_TYPE_RAM);
	add(0x100000, 0x7ee0000, E820_TYPE_RAM);
	HT_EXPECT_EQ(e820__range_remove(0x4000000, U64_MAX - 0x4000000, E820_TYPE_RAM, true),
		     0x7fe0000ULL - 0x4000000ULL);
	e820__update_table(e820_table);
	HT_ASSERT_EQ(e820_table->nr_entries, 2u);
	EXPECT_ENTRY(1, 0x100000, 0x3f00000, E820_TYPE_RAM);
}

HTEST(range_add_on_full_table_reports_and_keeps_table)
{
	u32 i;

	reset();
	for (i = 0; i < E820_MAX_ENTRIES; i++)
		add((u64)i << 20, 0x1000, E820_TYPE_RAM);
	htest_log_clear();
	add(0xffff0000, 0x1000, E820_TYPE_RAM);
	HT_EXPECT_EQ(e820_table->nr_entries, (u32)E820_MAX_ENTRIES);
	HT_EXPECT_TRUE(htest_log_contains("e820: too many entries"));
}

HTEST(print_uses_linux_format)
{
	reset();
	add(0x0, 0x9fc00, E820_TYPE_RAM);
	add(0x9fc00, 0x400, E820_TYPE_RESERVED);
	add(0xfed00000, 0x1000, E820_TYPE_NVS);
	add(0x100000000ULL, 0x1000, E820_TYPE_PRAM);
	htest_log_clear();
	e820__print_table("BIOS-e820");
	HT_EXPECT_TRUE(htest_log_contains("BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable"));
	HT_EXPECT_TRUE(htest_log_contains("BIOS-e820: [mem 0x000000000009fc00-0x000000000009ffff] reserved"));
	HT_EXPECT_TRUE(htest_log_contains("[mem 0x00000000fed00000-0x00000000fed00fff] ACPI NVS"));
	HT_EXPECT_TRUE(htest_log_contains("persistent (type 12)"));
}

HTEST(mapped_any_and_all)
{
	reset();
	add(0x0, 0x10000, E820_TYPE_RAM);
	add(0x10000, 0x10000, E820_TYPE_RESERVED);
	e820__update_table(e820_table);
	HT_EXPECT_TRUE(e820__mapped_all(0x0, 0x10000, E820_TYPE_RAM));
	HT_EXPECT_FALSE(e820__mapped_all(0x0, 0x10001, E820_TYPE_RAM));
	HT_EXPECT_TRUE(e820__mapped_any(0xffff, 0x10001, E820_TYPE_RESERVED));
	HT_EXPECT_FALSE(e820__mapped_any(0x20000, 0x30000, E820_TYPE_RAM));
	HT_EXPECT_FALSE(e820__mapped_any(0x5, 0x5, E820_TYPE_RAM));
}

HTEST(end_of_ram_pfn_ignores_reserved)
{
	reset();
	add(0x0, 0x9f000, E820_TYPE_RAM);
	add(0x100000, 0x1000000, E820_TYPE_RAM);
	add(0xfffc0000, 0x40000, E820_TYPE_RESERVED);
	HT_EXPECT_EQ(e820__end_of_ram_pfn(), 0x1100UL);
}

/* The parameters, through the real parser. */
HTEST(mem_param_limits_ram)
{
	reset();
	add(0x0, 0x9fc00, E820_TYPE_RAM);
	add(0x100000, 0x1ff00000, E820_TYPE_RAM);
	parse_args("mem=100M", true);
	e820__update_table(e820_table);
	HT_EXPECT_EQ(e820__end_of_ram_pfn(), (100UL << 20) >> 12);
}

HTEST(memmap_dollar_reserves_ram)
{
	reset();
	add(0x100000, 0x3ff00000, E820_TYPE_RAM);
	htest_log_clear();
	parse_args("memmap=64M$256M", true);
	HT_EXPECT_FALSE(htest_log_contains("Malformed"));
	e820__update_table(e820_table);
	HT_EXPECT_TRUE(e820__mapped_all(256UL << 20, 320UL << 20, E820_TYPE_RESERVED));
	HT_EXPECT_TRUE(e820__mapped_all(320UL << 20, 0x40000000, E820_TYPE_RAM));
}

HTEST(memmap_exactmap_and_at_build_a_new_map)
{
	reset();
	add(0x0, 0x80000000, E820_TYPE_RAM);
	parse_args("memmap=exactmap memmap=640K@0 memmap=16M@1M", true);
	e820__update_table(e820_table);
	HT_ASSERT_EQ(e820_table->nr_entries, 2u);
	EXPECT_ENTRY(0, 0x0, 0xa0000, E820_TYPE_RAM);
	EXPECT_ENTRY(1, 0x100000, 0x1000000, E820_TYPE_RAM);
}

HTEST(memmap_junk_is_malformed_and_changes_nothing)
{
	reset();
	add(0x0, 0x1000000, E820_TYPE_RAM);
	htest_log_clear();
	parse_args("memmap=junk memmap=64Q@1M memmap=@ mem=abc mem=0", true);
	HT_EXPECT_TRUE(htest_log_contains("Malformed early option 'memmap=junk'"));
	HT_EXPECT_TRUE(htest_log_contains("Malformed early option 'mem=abc'"));
	HT_EXPECT_TRUE(htest_log_contains("Malformed early option 'mem=0'"));
	e820__update_table(e820_table);
	HT_ASSERT_EQ(e820_table->nr_entries, 1u);
	EXPECT_ENTRY(0, 0x0, 0x1000000, E820_TYPE_RAM);
}

HTEST(memmap_beyond_ram_is_reported)
{
	reset();
	add(0x0, 0x1000000, E820_TYPE_RAM);
	htest_log_clear();
	parse_args("memmap=64M$1G", true);
	HT_EXPECT_TRUE(htest_log_contains("no usable RAM there"));
}
