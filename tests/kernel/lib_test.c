// SPDX-License-Identifier: GPL-2.0
/*
 * The lib suite: lib/ as the kernel itself runs it. The host tests
 * (tests/host/lib_test.c) cover lib/ case by case; these cases prove what
 * only the real kernel can: %pS resolves through the kernel's own symbol
 * table, the bit helpers link without libgcc (-mgeneral-regs-only, no
 * libgcc in the link), sort() and the bitmaps work under the kernel's
 * compiler flags, and printk's record reaches the log buffer with its level.
 */
#include <linux/ktest.h>
#include <linux/sprintf.h>
#include <linux/printk.h>
#include <linux/kallsyms.h>
#include <linux/sort.h>
#include <linux/bitmap.h>

/*
 * A function with a known name for %pS to resolve. noinline and an asm
 * statement keep it a distinct function of its own.
 */
static noinline int lib_test_symbol_target(int x)
{
	__asm__ __volatile__("" : "+r" (x));
	return x + 1;
}

static void vsnprintf_resolves_symbols_with_offset_and_size(struct ktest *test)
{
	unsigned long fn = (unsigned long)lib_test_symbol_target;
	char buf[KSYM_NAME_LEN + 32];
	static const char want[] = "lib_test_symbol_target+0x0/0x";

	KTEST_EXPECT_EQ(test, lib_test_symbol_target(1), 2);
	snprintf(buf, sizeof(buf), "%pS", (void *)fn);
	KTEST_EXPECT_EQ(test, strncmp(buf, want, sizeof(want) - 1), 0);
	snprintf(buf, sizeof(buf), "%pS", (void *)(fn + 1));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "+0x1/0x"));
	snprintf(buf, sizeof(buf), "%ps", (void *)fn);
	KTEST_EXPECT_STREQ(test, buf, "lib_test_symbol_target");
}

static void vsnprintf_prints_phys_addr_as_16_digits(struct ktest *test)
{
	phys_addr_t lo = 0x9fc00, hi = 0x100000000UL;
	char buf[64];

	snprintf(buf, sizeof(buf), "[mem %pa-%pa]", &lo, &hi);
	KTEST_EXPECT_STREQ(test, buf, "[mem 0x000000000009fc00-0x0000000100000000]");
}

static void vsnprintf_pads_to_width_and_precision(struct ktest *test)
{
	char buf[64];
	int n;

	n = snprintf(buf, sizeof(buf), "%-6s|%6d|%06x|%.3s|%*u", "Node", -12, 0xbeef,
		     "DMA32", 4, 7U);
	KTEST_EXPECT_STREQ(test, buf, "Node  |   -12|00beef|DMA|   7");
	KTEST_EXPECT_EQ(test, n, 29);
	n = snprintf(buf, 8, "%lu kB", 123456789UL);
	KTEST_EXPECT_EQ(test, n, 12);
	KTEST_EXPECT_STREQ(test, buf, "1234567");
}

static int cmp_u32(const void *a, const void *b)
{
	u32 x = *(const u32 *)a, y = *(const u32 *)b;

	return x < y ? -1 : x > y;
}

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

/* Static: 12 KiB would be too much for a kernel stack. */
static u32 sort_u32[1000];
static u64 sort_u64[1000];

/*
 * Sort a shuffled 0..999: ending with a[i] == i proves the result sorted
 * and a permutation at once. The shuffle is Fisher-Yates over an LCG.
 */
static void sort_sorts_1000_elements(struct ktest *test)
{
	u32 seed = 12345;
	int i, moved = 0, bad32 = 0, bad64 = 0;

	for (i = 0; i < 1000; i++)
		sort_u32[i] = i;
	for (i = 999; i > 0; i--) {
		seed = seed * 1103515245 + 12345;
		swap(sort_u32[i], sort_u32[(seed >> 8) % (i + 1)]);
	}
	for (i = 0; i < 1000; i++) {
		moved += sort_u32[i] != (u32)i;
		sort_u64[i] = ((u64)sort_u32[i] << 32) | 0xabcd;
	}
	KTEST_ASSERT_GT(test, moved, 900);

	sort(sort_u32, 1000, sizeof(u32), cmp_u32, NULL);
	sort(sort_u64, 1000, sizeof(u64), cmp_u64, NULL);
	for (i = 0; i < 1000; i++) {
		bad32 += sort_u32[i] != (u32)i;
		bad64 += sort_u64[i] != (((u64)i << 32) | 0xabcd);
	}
	KTEST_EXPECT_EQ(test, bad32, 0);
	KTEST_EXPECT_EQ(test, bad64, 0);
}

static void bsearch_finds_present_and_rejects_absent_keys(struct ktest *test)
{
	static const u32 a[] = { 1, 3, 5, 7, 9, 11, 13 };
	u32 key;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(a); i++) {
		key = a[i];
		KTEST_EXPECT_PTR_EQ(test, bsearch(&key, a, ARRAY_SIZE(a), sizeof(u32), cmp_u32),
				    &a[i]);
		key = a[i] + 1;
		KTEST_EXPECT_NULL(test, bsearch(&key, a, ARRAY_SIZE(a), sizeof(u32), cmp_u32));
	}
}

static void bitmap_ops_cross_word_boundaries(struct ktest *test)
{
	DECLARE_BITMAP(map, 200);
	DECLARE_BITMAP(copy, 200);
	unsigned long bit, n = 0;

	bitmap_zero(map, 200);
	bitmap_set(map, 60, 70);		/* bits 60..129: three words */
	KTEST_EXPECT_EQ(test, bitmap_weight(map, 200), 70U);
	KTEST_EXPECT_EQ(test, map[0], 0xf000000000000000UL);
	KTEST_EXPECT_EQ(test, map[1], ~0UL);
	KTEST_EXPECT_EQ(test, map[2], 0x3UL);
	KTEST_EXPECT_EQ(test, find_first_bit(map, 200), 60UL);
	KTEST_EXPECT_EQ(test, find_next_zero_bit(map, 200, 60), 130UL);
	KTEST_EXPECT_EQ(test, find_next_bit(map, 200, 130), 200UL);

	bitmap_clear(map, 63, 3);		/* 63, 64, 65 */
	KTEST_EXPECT_FALSE(test, test_bit(64, map));
	KTEST_EXPECT_TRUE(test, test_bit(66, map));
	KTEST_EXPECT_EQ(test, find_next_zero_bit(map, 200, 60), 63UL);
	KTEST_EXPECT_EQ(test, find_next_bit(map, 200, 63), 66UL);
	for_each_set_bit(bit, map, 200)
		n++;
	KTEST_EXPECT_EQ(test, n, 67UL);

	memcpy(copy, map, sizeof(map));
	KTEST_EXPECT_TRUE(test, bitmap_equal(map, copy, 200));
	KTEST_EXPECT_FALSE(test, __test_and_set_bit(64, copy));
	KTEST_EXPECT_FALSE(test, bitmap_equal(map, copy, 200));
	KTEST_EXPECT_TRUE(test, bitmap_equal(map, copy, 64));
	KTEST_EXPECT_FALSE(test, bitmap_empty(map, 200));
	KTEST_EXPECT_TRUE(test, bitmap_empty(map, 60));
	bitmap_fill(copy, 200);
	KTEST_EXPECT_TRUE(test, bitmap_full(copy, 200));
}

static void bitmap_find_next_zero_area_aligns_runs(struct ktest *test)
{
	DECLARE_BITMAP(map, 512);

	bitmap_zero(map, 512);
	bitmap_set(map, 0, 3);
	bitmap_set(map, 70, 1);
	KTEST_EXPECT_EQ(test, bitmap_find_next_zero_area(map, 512, 0, 8, 0), 3UL);
	KTEST_EXPECT_EQ(test, bitmap_find_next_zero_area(map, 512, 0, 8, 7), 8UL);
	/* 64..127 holds bit 70: the first free 64-aligned run of 64 is 128. */
	KTEST_EXPECT_EQ(test, bitmap_find_next_zero_area(map, 512, 0, 64, 63), 128UL);
	KTEST_EXPECT_GE(test, bitmap_find_next_zero_area(map, 512, 0, 512, 0), 512UL);
}

/*
 * The word helpers on values the compiler cannot fold: were any of them a
 * libgcc call, the kernel would not link.
 */
static void bitops_word_helpers_work_at_run_time(struct ktest *test)
{
	volatile unsigned long v = 0x0000f00000000100UL;
	volatile unsigned int u = 0x00400000;

	KTEST_EXPECT_EQ(test, __ffs(v), 8UL);
	KTEST_EXPECT_EQ(test, __fls(v), 47UL);
	KTEST_EXPECT_EQ(test, hweight_long(v), 5UL);
	KTEST_EXPECT_EQ(test, ffs(u), 23);
	KTEST_EXPECT_EQ(test, fls(u), 23);
	KTEST_EXPECT_EQ(test, fls64(v), 48);
	KTEST_EXPECT_EQ(test, ilog2(v), 47);
	KTEST_EXPECT_EQ(test, roundup_pow_of_two(v), 1UL << 48);
	KTEST_EXPECT_EQ(test, rounddown_pow_of_two(v), 1UL << 47);
	KTEST_EXPECT_FALSE(test, is_power_of_2(v));
	KTEST_EXPECT_TRUE(test, is_power_of_2(u));
}

static void glob_match_matches_suite_filters(struct ktest *test)
{
	KTEST_EXPECT_TRUE(test, glob_match("*", "lib"));
	KTEST_EXPECT_TRUE(test, glob_match("l?b", "lib"));
	KTEST_EXPECT_TRUE(test, glob_match("page_*", "page_alloc"));
	KTEST_EXPECT_TRUE(test, glob_match("[a-m]*", "memblock"));
	KTEST_EXPECT_FALSE(test, glob_match("[!a-m]*", "memblock"));
	KTEST_EXPECT_FALSE(test, glob_match("slub", "slub_debug"));
	KTEST_EXPECT_FALSE(test, glob_match("", "lib"));
}

struct log_search {
	const char *needle;
	int level;
	bool found;
};

static void find_in_log(u64 ts_nsec, int level, const char *text, void *arg)
{
	struct log_search *s = arg;

	if (strstr(text, s->needle)) {
		s->found = true;
		s->level = level;
	}
}

static void printk_stores_text_and_level_in_log_buffer(struct ktest *test)
{
	struct log_search s = { .needle = "ktest-marker-42", .level = -1 };

	printk(KERN_INFO "ktest-marker-%d\n", 42);
	log_buf_for_each_line(find_in_log, &s);
	KTEST_EXPECT_TRUE(test, s.found);
	KTEST_EXPECT_EQ(test, s.level, LOGLEVEL_INFO);
}

static struct ktest_case lib_cases[] = {
	KTEST_CASE(vsnprintf_resolves_symbols_with_offset_and_size),
	KTEST_CASE(vsnprintf_prints_phys_addr_as_16_digits),
	KTEST_CASE(vsnprintf_pads_to_width_and_precision),
	KTEST_CASE(sort_sorts_1000_elements),
	KTEST_CASE(bsearch_finds_present_and_rejects_absent_keys),
	KTEST_CASE(bitmap_ops_cross_word_boundaries),
	KTEST_CASE(bitmap_find_next_zero_area_aligns_runs),
	KTEST_CASE(bitops_word_helpers_work_at_run_time),
	KTEST_CASE(glob_match_matches_suite_filters),
	KTEST_CASE(printk_stores_text_and_level_in_log_buffer),
	{}
};

static struct ktest_suite lib_suite = {
	.name = "lib",
	.test_cases = lib_cases,
};
ktest_register_suite(lib_suite);
