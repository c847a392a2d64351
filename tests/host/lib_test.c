// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of lib/: string.c, vsprintf.c, sort.c and bitmap.c (with the
 * inline half of bitops.h), under AddressSanitizer and UBSan.
 *
 * Expected strings are written out by hand from the C standard and Linux's
 * documented vsnprintf behaviour, never computed by another printf. Sort
 * results are checked against an insertion sort under a total order in which
 * "equal" means "byte-identical", so matching it proves the output is both
 * sorted and a permutation of the input. UBSan's alignment check proves that
 * the built-in swap never moves a word through a misaligned pointer.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/errno.h>
#include <linux/sort.h>
#include <linux/bitmap.h>
#include <linux/math.h>
#include <linux/printk.h>
#include "htest.h"

/* ---- lib/string.c ------------------------------------------------------ */

HTEST(memset_fills_exactly_n_bytes)
{
	char b[8] = "abcdefg";

	HT_EXPECT_EQ(memset(b + 1, 'x', 3), b + 1);
	HT_EXPECT_STREQ(b, "axxxefg");
	memset(b, 0x1ff, 1);	/* only the low byte of c counts */
	HT_EXPECT_EQ((unsigned char)b[0], 0xff);
	memset(b, 'z', 0);
	HT_EXPECT_EQ((unsigned char)b[0], 0xff);
}

HTEST(memcpy_copies_n_bytes_and_returns_dst)
{
	char dst[8] = "-------";

	HT_EXPECT_EQ(memcpy(dst, "abc", 3), &dst[0]);
	HT_EXPECT_STREQ(dst, "abc----");
	memcpy(dst, "zzz", 0);
	HT_EXPECT_STREQ(dst, "abc----");
}

HTEST(memmove_copies_overlap_towards_higher_addresses)
{
	char b[] = "abcdefgh";

	HT_EXPECT_EQ(memmove(b + 2, b, 5), b + 2);
	HT_EXPECT_STREQ(b, "ababcdeh");
}

HTEST(memmove_copies_overlap_towards_lower_addresses)
{
	char b[] = "abcdefgh";

	HT_EXPECT_EQ(memmove(b, b + 3, 5), &b[0]);
	HT_EXPECT_STREQ(b, "defghfgh");
	memmove(b, b, 8);
	HT_EXPECT_STREQ(b, "defghfgh");
}

HTEST(memcmp_compares_bytes_as_unsigned)
{
	HT_EXPECT_EQ(memcmp("abc", "abc", 3), 0);
	HT_EXPECT_LT(memcmp("abb", "abc", 3), 0);
	HT_EXPECT_GT(memcmp("abd", "abc", 3), 0);
	HT_EXPECT_GT(memcmp("\x80", "\x01", 1), 0);
	HT_EXPECT_EQ(memcmp("abX", "abY", 2), 0);
	HT_EXPECT_EQ(memcmp("a", "b", 0), 0);
}

HTEST(memchr_and_memchr_inv_find_the_first_match)
{
	const char s[] = "aaab\0c";

	HT_EXPECT_EQ(memchr(s, 'b', 6), s + 3);
	HT_EXPECT_EQ(memchr(s, 'c', 6), s + 5);
	HT_EXPECT_EQ(memchr(s, 'c', 5), NULL);
	HT_EXPECT_EQ(memchr_inv(s, 'a', 6), s + 3);
	HT_EXPECT_EQ(memchr_inv(s, 'a', 3), NULL);
}

HTEST(strlen_and_strnlen_stop_at_nul_or_limit)
{
	HT_EXPECT_EQ(strlen(""), 0UL);
	HT_EXPECT_EQ(strlen("hello"), 5UL);
	HT_EXPECT_EQ(strnlen("hello", 3), 3UL);
	HT_EXPECT_EQ(strnlen("hello", 10), 5UL);
	HT_EXPECT_EQ(strnlen("hello", 0), 0UL);
}

HTEST(strcmp_and_strncmp_order_unsigned_bytes)
{
	HT_EXPECT_EQ(strcmp("abc", "abc"), 0);
	HT_EXPECT_LT(strcmp("abc", "abd"), 0);
	HT_EXPECT_GT(strcmp("abd", "abc"), 0);
	HT_EXPECT_LT(strcmp("ab", "abc"), 0);
	HT_EXPECT_GT(strcmp("abc", "ab"), 0);
	HT_EXPECT_GT(strcmp("\xff", "a"), 0);
	HT_EXPECT_EQ(strncmp("abcX", "abcY", 3), 0);
	HT_EXPECT_LT(strncmp("abcX", "abcY", 4), 0);
	HT_EXPECT_EQ(strncmp("ab", "ab", 10), 0);
	HT_EXPECT_LT(strncmp("ab", "abc", 10), 0);
	HT_EXPECT_EQ(strncmp("x", "y", 0), 0);
}

HTEST(strchr_finds_first_occurrence_and_terminator)
{
	const char *s = "banana";

	HT_EXPECT_EQ(strchr(s, 'a'), s + 1);
	HT_EXPECT_EQ(strchr(s, 'b'), s);
	HT_EXPECT_EQ(strchr(s, 'z'), NULL);
	HT_EXPECT_EQ(strchr(s, '\0'), s + 6);
}

HTEST(strrchr_finds_last_occurrence_and_terminator)
{
	const char *s = "banana";

	HT_EXPECT_EQ(strrchr(s, 'a'), s + 5);
	HT_EXPECT_EQ(strrchr(s, 'b'), s);
	HT_EXPECT_EQ(strrchr(s, 'z'), NULL);
	HT_EXPECT_EQ(strrchr(s, '\0'), s + 6);
}

HTEST(strstr_finds_first_match_and_empty_needle)
{
	const char *s = "abcabcd", *empty = "";

	HT_EXPECT_EQ(strstr(s, "abc"), s);
	HT_EXPECT_EQ(strstr(s, "bcd"), s + 4);
	HT_EXPECT_EQ(strstr(s, "abcde"), NULL);
	HT_EXPECT_EQ(strstr(s, "cab"), s + 2);
	HT_EXPECT_EQ(strstr(s, ""), s);
	HT_EXPECT_EQ(strstr(empty, ""), empty);
	HT_EXPECT_EQ(strstr(empty, "a"), NULL);
}

HTEST(strlcpy_truncates_and_returns_source_length)
{
	char b[6] = "zzzzz";

	HT_EXPECT_EQ(strlcpy(b, "hello world", sizeof(b)), 11UL);
	HT_EXPECT_STREQ(b, "hello");
	HT_EXPECT_EQ(strlcpy(b, "hi", sizeof(b)), 2UL);
	HT_EXPECT_STREQ(b, "hi");
	b[0] = 'q';
	HT_EXPECT_EQ(strlcpy(b, "abc", 0), 3UL);
	HT_EXPECT_EQ(b[0], 'q');
}

HTEST(strscpy_returns_length_or_e2big_and_always_terminates)
{
	char b[6] = "zzzzz";

	HT_EXPECT_EQ(strscpy(b, "hello", sizeof(b)), 5);
	HT_EXPECT_STREQ(b, "hello");
	HT_EXPECT_EQ(strscpy(b, "hello!", sizeof(b)), -E2BIG);
	HT_EXPECT_STREQ(b, "hello");
	HT_EXPECT_EQ(strscpy(b, "", sizeof(b)), 0);
	HT_EXPECT_STREQ(b, "");
	b[0] = 'q';
	HT_EXPECT_EQ(strscpy(b, "abc", 0), -E2BIG);
	HT_EXPECT_EQ(b[0], 'q');
}

HTEST(strim_and_skip_spaces_remove_white_space)
{
	char s1[] = " \t hello world \n\v ";
	char s2[] = "   ";
	char s3[] = "";
	const char *t = "\t\n x ", *u = "x";

	HT_EXPECT_STREQ(strim(s1), "hello world");
	HT_EXPECT_STREQ(strim(s2), "");
	HT_EXPECT_STREQ(strim(s3), "");
	HT_EXPECT_EQ(skip_spaces(t), t + 3);
	HT_EXPECT_EQ(skip_spaces(u), u);
	HT_EXPECT_STREQ(skip_spaces("   "), "");
}

HTEST(glob_match_star_and_question_mark)
{
	HT_EXPECT_TRUE(glob_match("*", ""));
	HT_EXPECT_TRUE(glob_match("*", "anything"));
	HT_EXPECT_TRUE(glob_match("lib*", "lib"));
	HT_EXPECT_TRUE(glob_match("*.c", "mm/page_alloc.c"));
	HT_EXPECT_TRUE(glob_match("a*b*c", "axxbyybzc"));
	HT_EXPECT_TRUE(glob_match("?at", "cat"));
	HT_EXPECT_TRUE(glob_match("*?", "x"));
	HT_EXPECT_FALSE(glob_match("?", ""));
	HT_EXPECT_FALSE(glob_match("??", "a"));
	HT_EXPECT_FALSE(glob_match("*a", "bbb"));
}

HTEST(glob_match_character_classes)
{
	HT_EXPECT_TRUE(glob_match("[a-z]", "m"));
	HT_EXPECT_FALSE(glob_match("[a-z]", "M"));
	HT_EXPECT_TRUE(glob_match("[abc]x", "bx"));
	HT_EXPECT_FALSE(glob_match("[abc]x", "dx"));
	HT_EXPECT_TRUE(glob_match("[!a-z]", "M"));
	HT_EXPECT_FALSE(glob_match("[!a-z]", "m"));
	HT_EXPECT_FALSE(glob_match("[!a-z]", ""));
	HT_EXPECT_TRUE(glob_match("page_[a-z]*_test", "page_alloc_test"));
	/* ']' first in a class and '-' last are literal. */
	HT_EXPECT_TRUE(glob_match("[]a]", "]"));
	HT_EXPECT_TRUE(glob_match("[a-]", "-"));
	/* An unterminated class is a literal '['. */
	HT_EXPECT_TRUE(glob_match("a[b", "a[b"));
}

HTEST(glob_match_empty_pattern_and_mismatches)
{
	HT_EXPECT_TRUE(glob_match("", ""));
	HT_EXPECT_FALSE(glob_match("", "a"));
	HT_EXPECT_FALSE(glob_match("abc", "abcd"));
	HT_EXPECT_FALSE(glob_match("abcd", "abc"));
	HT_EXPECT_FALSE(glob_match("*.c", "main.h"));
	HT_EXPECT_TRUE(glob_match("slub", "slub"));
}

/* ---- lib/vsprintf.c ---------------------------------------------------- */

/*
 * EXPECT_FMT(want, fmt, args...) - vsnprintf must produce @want and return
 * its length. A function rather than HT_EXPECT_STREQ for two reasons: the
 * check macros paste the checked expression into their own format string,
 * where a '%' in it would be read as a conversion; and check_fmt() has no
 * __printf(), so cases can feed vsnprintf what -Wformat rejects (a '+' flag
 * on %u, a '0' flag on %p) to prove it behaves as C and Linux define.
 */
#define EXPECT_FMT(want, ...)	check_fmt(__LINE__, want, __VA_ARGS__)

static void check_fmt(int line, const char *want, const char *f, ...)
{
	char got[256];
	va_list ap;
	int n;

	va_start(ap, f);
	n = vsnprintf(got, sizeof(got), f, ap);
	va_end(ap);
	if (strcmp(got, want))
		htest_fail(__FILE__, line, "format \"%s\" gave \"%s\", expected \"%s\"",
			   f, got, want);
	else if (n != (int)strlen(want))
		htest_fail(__FILE__, line, "format \"%s\" returned %d, expected %zu",
			   f, n, strlen(want));
}

HTEST(vsnprintf_prints_signed_and_unsigned_decimal)
{
	EXPECT_FMT("0", "%d", 0);
	EXPECT_FMT("-42", "%d", -42);
	EXPECT_FMT("17", "%i", 17);
	EXPECT_FMT("2147483647", "%d", INT_MAX);
	EXPECT_FMT("-2147483648", "%d", -INT_MAX - 1);
	EXPECT_FMT("4294967295", "%u", UINT_MAX);
	EXPECT_FMT("a1b2c", "a%db%uc", 1, 2U);
	EXPECT_FMT("plain text", "plain text");
}

HTEST(vsnprintf_prints_hex_and_octal_with_alternate_forms)
{
	EXPECT_FMT("deadbeef", "%x", 0xdeadbeefU);
	EXPECT_FMT("DEADBEEF", "%X", 0xdeadbeefU);
	EXPECT_FMT("ffffffff", "%x", -1);
	EXPECT_FMT("10", "%o", 8);
	EXPECT_FMT("010", "%#o", 8);
	EXPECT_FMT("0", "%#o", 0);
	EXPECT_FMT("0xff", "%#x", 255);
	EXPECT_FMT("0XFF", "%#X", 255);
	/* Linux, unlike C, keeps the 0x on zero. */
	EXPECT_FMT("0x0", "%#x", 0);
}

HTEST(vsnprintf_prints_bitmaps_as_lists_and_masks)
{
	unsigned long map[2] = { 0x0f | 1UL << 8 | 3UL << 10, 1 };	/* bits 0-3, 8, 10-11, 64 */
	unsigned long none[1] = { 0 }, all[1] = { 0xff };

	EXPECT_FMT("0-3,8,10-11,64", "%*pbl", 65, map);
	EXPECT_FMT("0-3,8,10-11", "%*pbl", 64, map);
	EXPECT_FMT("0-3,8", "%*pbl", 10, map);
	EXPECT_FMT("[]", "[%*pbl]", 64, none);
	EXPECT_FMT("0-7", "%*pbl", 8, all);
	EXPECT_FMT("0", "%*pbl", 1, all);
	EXPECT_FMT("cpus 0-7\n", "cpus %*pbl\n", 8, all);
	EXPECT_FMT("ff", "%*pb", 8, all);
	EXPECT_FMT("0f", "%*pb", 5, (unsigned long[]){ 0x0f });
	EXPECT_FMT("1,00000000,00000d0f", "%*pb", 65, map);
	EXPECT_FMT("00000000", "%*pb", 32, none);
}

HTEST(vsnprintf_prints_char_string_and_percent)
{
	EXPECT_FMT("A", "%c", 'A');
	EXPECT_FMT("  x|y  |", "%3c|%-3c|", 'x', 'y');
	EXPECT_FMT("abc", "%s", "abc");
	EXPECT_FMT("", "%s", "");
	EXPECT_FMT("100%", "100%%");
	EXPECT_FMT("%5%", "%%%d%%", 5);
}

HTEST(vsnprintf_applies_flags_minus_zero_plus_space_hash)
{
	EXPECT_FMT("42   |", "%-5d|", 42);
	EXPECT_FMT("00042", "%05d", 42);
	EXPECT_FMT("-0042", "%05d", -42);
	EXPECT_FMT("+42", "%+d", 42);
	EXPECT_FMT("-42", "%+d", -42);
	EXPECT_FMT("+0", "%+d", 0);
	EXPECT_FMT(" 42", "% d", 42);
	EXPECT_FMT("-42", "% d", -42);
	EXPECT_FMT("+42", "%+ d", 42);
	EXPECT_FMT("42   |", "%-05d|", 42);
	EXPECT_FMT("+0042", "%+05d", 42);
	EXPECT_FMT("0x0000ff", "%#08x", 255);
	EXPECT_FMT("0xff    |", "%#-8x|", 255);
}

/* C and Linux: '+' and ' ' apply to signed conversions only. */
HTEST(vsnprintf_plus_and_space_flags_ignore_unsigned_conversions)
{
	EXPECT_FMT("5", "%+u", 5U);
	EXPECT_FMT("5", "% u", 5U);
	EXPECT_FMT("ff", "%+x", 255U);
}

HTEST(vsnprintf_honours_width_and_precision_incl_star)
{
	EXPECT_FMT("     abc|", "%8s|", "abc");
	EXPECT_FMT("abc     |", "%-8s|", "abc");
	EXPECT_FMT("ab", "%.2s", "abcdef");
	EXPECT_FMT("    a|", "%5.1s|", "abc");
	EXPECT_FMT("12345", "%2d", 12345);
	EXPECT_FMT("   42", "%*d", 5, 42);
	EXPECT_FMT("42   |", "%-*d|", 5, 42);
	/* A negative '*' width means '-' and its absolute value. */
	EXPECT_FMT("42   |", "%*d|", -5, 42);
	EXPECT_FMT("ab", "%.*s", 2, "abcdef");
	/* A negative '*' precision is no precision. */
	EXPECT_FMT("abc", "%.*s", -1, "abc");
	EXPECT_FMT("   007|", "%*.*d|", 6, 3, 7);
	EXPECT_FMT("0007", "%.4d", 7);
	EXPECT_FMT("-00003", "%.5d", -3);
	EXPECT_FMT("      00ab|", "%10.4x|", 0xab);
	/* A precision turns the '0' flag off, as in C. */
	EXPECT_FMT("     042", "%08.3d", 42);
}

HTEST(vsnprintf_length_modifiers_convert_to_their_type)
{
	EXPECT_FMT("-56", "%hhd", 200);
	EXPECT_FMT("255", "%hhu", 0x1ff);
	EXPECT_FMT("34", "%hhx", 0x1234);
	EXPECT_FMT("4464", "%hd", 70000);
	EXPECT_FMT("9029", "%hu", 0x12345);
	EXPECT_FMT("-1", "%ld", -1L);
	EXPECT_FMT("ffffffffffffffff", "%lx", ~0UL);
	EXPECT_FMT("1099511627776", "%lu", 1UL << 40);
	EXPECT_FMT("123456789abcdef", "%llx", 0x123456789abcdefULL);
	EXPECT_FMT("18446744073709551615", "%zu", (size_t)-1);
	EXPECT_FMT("-5", "%zd", (ssize_t)-5);
	EXPECT_FMT("1000", "%zx", (size_t)0x1000);
}

HTEST(vsnprintf_prints_64bit_extremes)
{
	EXPECT_FMT("-9223372036854775808", "%lld", -9223372036854775807LL - 1);
	EXPECT_FMT("9223372036854775807", "%lld", 9223372036854775807LL);
	EXPECT_FMT("18446744073709551615", "%llu", ~0ULL);
	EXPECT_FMT("1777777777777777777777", "%llo", ~0ULL);
	EXPECT_FMT("0XFFFFFFFFFFFFFFFF", "%#llX", ~0ULL);
}

HTEST(vsnprintf_p_prints_16_hex_digits_unhashed)
{
	EXPECT_FMT("ffffffff80001000", "%p", (void *)0xffffffff80001000UL);
	EXPECT_FMT("ffff888000000000", "%px", (void *)0xffff888000000000UL);
	EXPECT_FMT("0000000000001234", "%p", (void *)0x1234);
	EXPECT_FMT("0000000000001234", "%px", (void *)0x1234);
	EXPECT_FMT("0000000000000000", "%p", NULL);
	EXPECT_FMT("[0000000000000abc]", "[%px]", (void *)0xabc);
}

HTEST(vsnprintf_pa_prints_phys_addr_by_reference)
{
	phys_addr_t a = 0x1000, b = 0xfedcba9876543210UL, z = 0;

	EXPECT_FMT("0x0000000000001000", "%pa", &a);
	EXPECT_FMT("0xfedcba9876543210", "%pa", &b);
	EXPECT_FMT("0x0000000000000000", "%pa", &z);
	EXPECT_FMT("[0x0000000000001000-0xfedcba9876543210]", "[%pa-%pa]", &a, &b);
}

HTEST(vsnprintf_prints_null_string_as_null)
{
	EXPECT_FMT("(null)", "%s", (char *)NULL);
	EXPECT_FMT("  (null)|", "%8s|", (char *)NULL);
}

HTEST(snprintf_truncates_and_returns_untruncated_length)
{
	char b[8];
	int n;

	memset(b, '#', sizeof(b));
	n = snprintf(b, 5, "%s", "hello world");
	HT_EXPECT_EQ(n, 11);
	HT_EXPECT_STREQ(b, "hell");
	HT_EXPECT_EQ(b[5], '#');
	n = snprintf(b, 4, "%d", 123456);
	HT_EXPECT_EQ(n, 6);
	HT_EXPECT_STREQ(b, "123");
	n = snprintf(b, 1, "abc");
	HT_EXPECT_EQ(n, 3);
	HT_EXPECT_STREQ(b, "");
	n = snprintf(b, sizeof(b), "%s", "1234567");
	HT_EXPECT_EQ(n, 7);
	HT_EXPECT_STREQ(b, "1234567");
}

HTEST(snprintf_with_size_zero_writes_nothing)
{
	char b[4] = "xyz";
	int n;

	n = snprintf(b, 0, "%d", 12345);
	HT_EXPECT_EQ(n, 5);
	HT_EXPECT_STREQ(b, "xyz");
	n = snprintf(NULL, 0, "%s-%d", "ab", 7);
	HT_EXPECT_EQ(n, 4);
}

HTEST(scnprintf_and_sprintf_return_what_was_written)
{
	char b[8];
	int n;

	n = scnprintf(b, 5, "%s", "hello world");
	HT_EXPECT_EQ(n, 4);
	HT_EXPECT_STREQ(b, "hell");
	n = scnprintf(b, 0, "%s", "abc");
	HT_EXPECT_EQ(n, 0);
	n = scnprintf(b, sizeof(b), "%d", 42);
	HT_EXPECT_EQ(n, 2);
	n = sprintf(b, "%x:%d", 0xa, 3);
	HT_EXPECT_EQ(n, 3);
	HT_EXPECT_STREQ(b, "a:3");
}

/* ---- lib/sort.c -------------------------------------------------------- */

/* Room for 1000 elements of 16 bytes, plus slack to misalign the base. */
static u8 sort_buf[16 * 1000 + 16] __aligned(16);
static u8 sort_ref[16 * 1000 + 16] __aligned(16);
static u64 rng_state = 0x9e3779b97f4a7c15ULL;
static size_t elt_size;
static unsigned long ncmp, nswap;

/* Reproducible pseudo-random bytes. */
static u64 rng(void)
{
	return htest_xorshift64(&rng_state);
}

/* A total order in which equal means byte-identical. */
static int cmp_bytes(const void *a, const void *b)
{
	ncmp++;
	return memcmp(a, b, elt_size);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	ncmp++;
	return x < y ? -1 : x > y;
}

/* The oracle: insertion sort with the same order. */
static void insertion_sort(u8 *base, size_t num, size_t size)
{
	size_t i, j, k;

	for (i = 1; i < num; i++)
		for (j = i; j > 0 && memcmp(base + (j - 1) * size, base + j * size, size) > 0; j--)
			for (k = 0; k < size; k++)
				swap(base[(j - 1) * size + k], base[j * size + k]);
}

/*
 * Fill @num elements at @base with random bytes, each drawn from @range
 * values (a small range makes many duplicates), sort them with sort() and
 * the oracle, and report whether the results agree.
 */
static bool sort_matches_oracle(u8 *base, size_t num, size_t size, unsigned int range)
{
	size_t i;

	for (i = 0; i < num * size; i++)
		base[i] = rng() % range;
	memcpy(sort_ref, base, num * size);
	elt_size = size;
	sort(base, num, size, cmp_bytes, NULL);
	insertion_sort(sort_ref, num, size);
	return memcmp(base, sort_ref, num * size) == 0;
}

HTEST(sort_orders_random_arrays_of_every_element_size)
{
	static const size_t sizes[] = { 1, 2, 4, 8, 12, 16 };
	static const size_t nums[] = { 2, 3, 4, 5, 7, 8, 9, 16, 31, 32, 33, 100, 257, 1000 };
	size_t s, n;

	for (s = 0; s < ARRAY_SIZE(sizes); s++) {
		for (n = 0; n < ARRAY_SIZE(nums); n++) {
			bool ok = sort_matches_oracle(sort_buf, nums[n], sizes[s], 256);
			bool ok_dups = sort_matches_oracle(sort_buf, nums[n], sizes[s], 3);

			if (!ok || !ok_dups)
				htest_fail(__FILE__, __LINE__, "size %zu num %zu: %s",
					   sizes[s], nums[n], ok ? "with duplicates" : "random");
		}
	}
}

HTEST(sort_handles_misaligned_base_with_byte_swaps)
{
	/* UBSan traps if a 64- or 32-bit swap runs on these. */
	HT_EXPECT_TRUE(sort_matches_oracle(sort_buf + 1, 500, 8, 256));
	HT_EXPECT_TRUE(sort_matches_oracle(sort_buf + 2, 500, 4, 256));
	HT_EXPECT_TRUE(sort_matches_oracle(sort_buf + 4, 500, 16, 256));
	HT_EXPECT_TRUE(sort_matches_oracle(sort_buf + 4, 500, 12, 256));
	HT_EXPECT_TRUE(sort_matches_oracle(sort_buf + 8, 500, 24, 256));
}

static bool ints_sorted(const int *a, size_t num)
{
	size_t i;

	for (i = 1; i < num; i++)
		if (a[i - 1] > a[i])
			return false;
	return true;
}

HTEST(sort_orders_sorted_reversed_and_equal_input)
{
	int *a = (int *)sort_buf;
	int i;

	for (i = 0; i < 1000; i++)
		a[i] = i;
	sort(a, 1000, sizeof(int), cmp_int, NULL);
	HT_EXPECT_TRUE(ints_sorted(a, 1000));
	HT_EXPECT_EQ(a[0], 0);
	HT_EXPECT_EQ(a[999], 999);

	for (i = 0; i < 1000; i++)
		a[i] = 1000 - i;
	sort(a, 1000, sizeof(int), cmp_int, NULL);
	for (i = 0; i < 1000; i++)
		if (a[i] != i + 1)
			break;
	HT_EXPECT_EQ(i, 1000);

	for (i = 0; i < 1000; i++)
		a[i] = 7;
	sort(a, 1000, sizeof(int), cmp_int, NULL);
	for (i = 0; i < 1000; i++)
		if (a[i] != 7)
			break;
	HT_EXPECT_EQ(i, 1000);
}

HTEST(sort_of_zero_or_one_element_never_compares_or_swaps)
{
	int one = 5;

	ncmp = 0;
	sort(NULL, 0, sizeof(int), cmp_int, NULL);
	sort(&one, 1, sizeof(int), cmp_int, NULL);
	HT_EXPECT_EQ(ncmp, 0UL);
	HT_EXPECT_EQ(one, 5);
}

/*
 * Heapsort's bound: building the heap costs under 2n comparisons and each
 * of the n - 1 extractions at most 2 per level of a heap of depth log2(n).
 */
HTEST(sort_makes_n_log_n_comparisons)
{
	int *a = (int *)sort_buf;
	unsigned long n = 1000, bound = 2 * n + 2 * n * ilog2(n);
	unsigned long i;

	for (i = 0; i < n; i++)
		a[i] = (int)(rng() % 100000);
	ncmp = 0;
	sort(a, n, sizeof(int), cmp_int, NULL);
	HT_EXPECT_TRUE(ints_sorted(a, n));
	HT_EXPECT_LE(ncmp, bound);
}

struct tagged {
	int key;
	int self;	/* its index: stays put, as swap_tagged() moves only keys */
};

static void swap_tagged(void *a, void *b, int size)
{
	struct tagged *x = a, *y = b;

	nswap++;
	HT_EXPECT_EQ(size, (int)sizeof(struct tagged));
	swap(x->key, y->key);
}

static int cmp_tagged(const void *a, const void *b)
{
	return cmp_int(&((const struct tagged *)a)->key, &((const struct tagged *)b)->key);
}

HTEST(sort_moves_elements_only_through_a_given_swap)
{
	struct tagged *t = (struct tagged *)sort_buf;
	int i;

	for (i = 0; i < 300; i++) {
		t[i].key = (int)(rng() % 1000);
		t[i].self = i;
	}
	nswap = 0;
	sort(t, 300, sizeof(*t), cmp_tagged, swap_tagged);
	HT_EXPECT_GT(nswap, 0UL);
	for (i = 0; i < 300; i++) {
		HT_EXPECT_EQ(t[i].self, i);
		if (i)
			HT_EXPECT_LE(t[i - 1].key, t[i].key);
	}
}

static int cmp_key_int(const void *key, const void *elt)
{
	int k = *(const int *)key, e = *(const int *)elt;

	return k < e ? -1 : k > e;
}

HTEST(bsearch_finds_every_element_of_every_length)
{
	int a[65];
	int n, i;

	for (i = 0; i < 65; i++)
		a[i] = 2 * i;
	for (n = 1; n <= 65; n++) {
		for (i = 0; i < n; i++) {
			int key = 2 * i;

			if (bsearch(&key, a, n, sizeof(int), cmp_key_int) != &a[i])
				htest_fail(__FILE__, __LINE__, "num %d: key %d not found", n, key);
		}
	}
}

HTEST(bsearch_returns_null_for_absent_keys_and_empty_array)
{
	int a[] = { 2, 4, 6, 8, 10 };
	int dup[] = { 1, 3, 3, 3, 5 };
	int key;
	int *hit;

	for (key = -1; key <= 11; key += 2)
		HT_EXPECT_EQ(bsearch(&key, a, ARRAY_SIZE(a), sizeof(int), cmp_key_int), NULL);
	key = 2;
	HT_EXPECT_EQ(bsearch(&key, a, 0, sizeof(int), cmp_key_int), NULL);
	HT_EXPECT_EQ(bsearch(&key, NULL, 0, sizeof(int), cmp_key_int), NULL);
	key = 3;
	hit = bsearch(&key, dup, ARRAY_SIZE(dup), sizeof(int), cmp_key_int);
	HT_ASSERT_TRUE(hit != NULL);
	HT_EXPECT_EQ(*hit, 3);
}

/* ---- bitops.h and lib/bitmap.c ----------------------------------------- */

/* Hide a constant from the compiler, so the runtime paths get tested. */
static unsigned long opaque(unsigned long v)
{
	__asm__ ("" : "+r" (v));
	return v;
}

HTEST(bitmap_sizes_follow_bits_to_longs)
{
	DECLARE_BITMAP(m1, 1);
	DECLARE_BITMAP(m64, 64);
	DECLARE_BITMAP(m65, 65);

	HT_EXPECT_EQ(BITS_PER_LONG, 64);
	HT_EXPECT_EQ(BITS_TO_LONGS(0), 0UL);
	HT_EXPECT_EQ(BITS_TO_LONGS(1), 1UL);
	HT_EXPECT_EQ(BITS_TO_LONGS(64), 1UL);
	HT_EXPECT_EQ(BITS_TO_LONGS(65), 2UL);
	HT_EXPECT_EQ(BITS_TO_LONGS(128), 2UL);
	HT_EXPECT_EQ(sizeof(m1), 8UL);
	HT_EXPECT_EQ(sizeof(m64), 8UL);
	HT_EXPECT_EQ(sizeof(m65), 16UL);
	HT_EXPECT_EQ(BIT(0), 1UL);
	HT_EXPECT_EQ(BIT(63), 0x8000000000000000UL);
	HT_EXPECT_EQ(BIT_ULL(40), 1ULL << 40);
}

static const unsigned long edges[] = { 0, 63, 64, 65, 127, 128 };

HTEST(set_clear_and_test_bit_at_word_edges)
{
	DECLARE_BITMAP(map, 192);
	size_t i;

	bitmap_zero(map, 192);
	for (i = 0; i < ARRAY_SIZE(edges); i++) {
		__set_bit(edges[i], map);
		HT_EXPECT_TRUE(test_bit(edges[i], map));
	}
	HT_EXPECT_EQ(map[0], 0x8000000000000001UL);
	HT_EXPECT_EQ(map[1], 0x8000000000000003UL);
	HT_EXPECT_EQ(map[2], 1UL);
	HT_EXPECT_FALSE(test_bit(1, map));
	HT_EXPECT_FALSE(test_bit(62, map));
	HT_EXPECT_FALSE(test_bit(126, map));
	for (i = 0; i < ARRAY_SIZE(edges); i++) {
		__clear_bit(edges[i], map);
		HT_EXPECT_FALSE(test_bit(edges[i], map));
	}
	HT_EXPECT_TRUE(bitmap_empty(map, 192));
}

HTEST(test_and_set_and_clear_bit_return_the_old_value)
{
	DECLARE_BITMAP(map, 128);

	bitmap_zero(map, 128);
	HT_EXPECT_FALSE(__test_and_set_bit(64, map));
	HT_EXPECT_TRUE(__test_and_set_bit(64, map));
	HT_EXPECT_TRUE(test_bit(64, map));
	HT_EXPECT_TRUE(__test_and_clear_bit(64, map));
	HT_EXPECT_FALSE(__test_and_clear_bit(64, map));
	HT_EXPECT_FALSE(test_bit(64, map));
	HT_EXPECT_EQ(map[0] | map[1], 0UL);
}

HTEST(find_bit_finds_each_edge_bit_in_turn)
{
	DECLARE_BITMAP(map, 192);
	size_t i;
	unsigned long bit = 0;

	bitmap_zero(map, 192);
	HT_EXPECT_EQ(find_first_bit(map, 192), 192UL);
	for (i = 0; i < ARRAY_SIZE(edges); i++)
		__set_bit(edges[i], map);
	HT_EXPECT_EQ(find_first_bit(map, 192), 0UL);
	for (i = 0; i < ARRAY_SIZE(edges); i++) {
		bit = find_next_bit(map, 192, bit);
		HT_EXPECT_EQ(bit, edges[i]);
		bit++;
	}
	HT_EXPECT_EQ(find_next_bit(map, 192, bit), 192UL);
	HT_EXPECT_EQ(find_next_bit(map, 192, 1), 63UL);
	HT_EXPECT_EQ(find_next_bit(map, 192, 66), 127UL);
}

HTEST(find_zero_bit_finds_each_edge_hole_in_turn)
{
	DECLARE_BITMAP(map, 192);
	size_t i;
	unsigned long bit = 0;

	bitmap_fill(map, 192);
	HT_EXPECT_EQ(find_first_zero_bit(map, 192), 192UL);
	for (i = 0; i < ARRAY_SIZE(edges); i++)
		__clear_bit(edges[i], map);
	HT_EXPECT_EQ(find_first_zero_bit(map, 192), 0UL);
	for (i = 0; i < ARRAY_SIZE(edges); i++) {
		bit = find_next_zero_bit(map, 192, bit);
		HT_EXPECT_EQ(bit, edges[i]);
		bit++;
	}
	HT_EXPECT_EQ(find_next_zero_bit(map, 192, bit), 192UL);
}

HTEST(find_beyond_size_returns_size_and_ignores_tail_bits)
{
	DECLARE_BITMAP(map, 128);

	bitmap_zero(map, 128);
	__set_bit(70, map);
	/* Bit 70 lies beyond a 65-bit map: no hit, however it is asked. */
	HT_EXPECT_EQ(find_first_bit(map, 65), 65UL);
	HT_EXPECT_EQ(find_next_bit(map, 65, 64), 65UL);
	HT_EXPECT_EQ(find_next_bit(map, 65, 65), 65UL);
	HT_EXPECT_EQ(find_next_bit(map, 65, 1000), 65UL);
	HT_EXPECT_EQ(find_next_bit(map, 0, 0), 0UL);
	HT_EXPECT_EQ(find_next_bit(map, 71, 0), 70UL);
	bitmap_fill(map, 128);
	__clear_bit(100, map);
	HT_EXPECT_EQ(find_first_zero_bit(map, 64), 64UL);
	HT_EXPECT_EQ(find_next_zero_bit(map, 100, 0), 100UL);
	HT_EXPECT_EQ(find_next_zero_bit(map, 128, 128), 128UL);
	HT_EXPECT_EQ(find_next_zero_bit(map, 101, 0), 100UL);
}

HTEST(for_each_set_and_clear_bit_visit_exactly_the_right_bits)
{
	DECLARE_BITMAP(map, 130);
	unsigned long bit;
	int n = 0, i = 0;

	bitmap_zero(map, 130);
	for (i = 0; i < (int)ARRAY_SIZE(edges); i++)
		__set_bit(edges[i], map);
	i = 0;
	for_each_set_bit(bit, map, 130) {
		HT_ASSERT_TRUE(i < (int)ARRAY_SIZE(edges));
		HT_EXPECT_EQ(bit, edges[i]);
		i++;
	}
	HT_EXPECT_EQ(i, (int)ARRAY_SIZE(edges));
	for_each_clear_bit(bit, map, 130) {
		HT_EXPECT_FALSE(test_bit(bit, map));
		n++;
	}
	HT_EXPECT_EQ(n, 130 - (int)ARRAY_SIZE(edges));
	n = 0;
	for_each_set_bit(bit, map, opaque(0))
		n++;
	HT_EXPECT_EQ(n, 0);
}

HTEST(bitmap_set_and_clear_ranges_across_words)
{
	static const unsigned int starts[] = { 0, 1, 63, 64, 65, 127, 128 };
	static const unsigned int lens[] = { 0, 1, 2, 63, 64, 65, 128 };
	DECLARE_BITMAP(map, 320);
	size_t s, l;
	unsigned int b;

	for (s = 0; s < ARRAY_SIZE(starts); s++) {
		for (l = 0; l < ARRAY_SIZE(lens); l++) {
			unsigned int start = starts[s], end = start + lens[l];

			bitmap_zero(map, 320);
			bitmap_set(map, start, lens[l]);
			for (b = 0; b < 320; b++)
				if (test_bit(b, map) != (b >= start && b < end))
					break;
			if (b != 320)
				htest_fail(__FILE__, __LINE__, "set %u+%u: bit %u wrong",
					   start, lens[l], b);

			bitmap_fill(map, 320);
			bitmap_clear(map, start, lens[l]);
			for (b = 0; b < 320; b++)
				if (test_bit(b, map) == (b >= start && b < end))
					break;
			if (b != 320)
				htest_fail(__FILE__, __LINE__, "clear %u+%u: bit %u wrong",
					   start, lens[l], b);
		}
	}
}

HTEST(bitmap_zero_fill_and_weight_count_only_nbits)
{
	DECLARE_BITMAP(map, 192);
	size_t i;

	for (i = 0; i < ARRAY_SIZE(edges); i++) {
		unsigned int n = edges[i];

		bitmap_fill(map, 192);
		HT_EXPECT_EQ(bitmap_weight(map, n), n);
		bitmap_zero(map, 192);
		HT_EXPECT_EQ(bitmap_weight(map, n), 0UL);
	}
	bitmap_zero(map, 192);
	bitmap_set(map, 60, 10);
	HT_EXPECT_EQ(bitmap_weight(map, 192), 10UL);
	HT_EXPECT_EQ(bitmap_weight(map, 65), 5UL);
	HT_EXPECT_EQ(bitmap_weight(map, 64), 4UL);
	/* fill writes whole words: the tail of word 1 is set too. */
	bitmap_zero(map, 192);
	bitmap_fill(map, 65);
	HT_EXPECT_EQ(map[1], ~0UL);
	HT_EXPECT_EQ(map[2], 0UL);
}

HTEST(bitmap_empty_and_full_ignore_tail_bits)
{
	DECLARE_BITMAP(map, 128);
	size_t i;

	for (i = 1; i < ARRAY_SIZE(edges); i++) {
		unsigned int n = edges[i];

		bitmap_zero(map, 128);
		map[BITS_TO_LONGS(n) - 1] |= n % 64 ? ~BITMAP_LAST_WORD_MASK(n) : 0;
		HT_EXPECT_TRUE(bitmap_empty(map, n));
		__set_bit(n - 1, map);
		HT_EXPECT_FALSE(bitmap_empty(map, n));

		bitmap_fill(map, 128);
		map[BITS_TO_LONGS(n) - 1] &= BITMAP_LAST_WORD_MASK(n);
		HT_EXPECT_TRUE(bitmap_full(map, n));
		__clear_bit(n - 1, map);
		HT_EXPECT_FALSE(bitmap_full(map, n));
	}
	HT_EXPECT_TRUE(bitmap_empty(map, 0));
	HT_EXPECT_TRUE(bitmap_full(map, 0));
}

HTEST(bitmap_equal_compares_only_nbits)
{
	DECLARE_BITMAP(a, 192);
	DECLARE_BITMAP(b, 192);

	bitmap_zero(a, 192);
	bitmap_zero(b, 192);
	bitmap_set(a, 60, 70);
	bitmap_set(b, 60, 70);
	HT_EXPECT_TRUE(bitmap_equal(a, b, 192));
	__set_bit(150, b);
	HT_EXPECT_FALSE(bitmap_equal(a, b, 192));
	HT_EXPECT_TRUE(bitmap_equal(a, b, 150));
	HT_EXPECT_FALSE(bitmap_equal(a, b, 151));
	__clear_bit(63, b);
	HT_EXPECT_FALSE(bitmap_equal(a, b, 64));
	HT_EXPECT_TRUE(bitmap_equal(a, b, 63));
	HT_EXPECT_TRUE(bitmap_equal(a, b, 0));
}

HTEST(bitmap_find_next_zero_area_finds_unaligned_runs)
{
	DECLARE_BITMAP(map, 256);

	bitmap_zero(map, 256);
	HT_EXPECT_EQ(bitmap_find_next_zero_area(map, 256, 0, 10, 0), 0UL);
	bitmap_set(map, 0, 10);
	bitmap_set(map, 15, 1);
	/* The hole 10..14 is too short for 6: the run starts after bit 15. */
	HT_EXPECT_EQ(bitmap_find_next_zero_area(map, 256, 0, 6, 0), 16UL);
	HT_EXPECT_EQ(bitmap_find_next_zero_area(map, 256, 0, 5, 0), 10UL);
	HT_EXPECT_EQ(bitmap_find_next_zero_area(map, 256, 12, 3, 0), 12UL);
	/* A run may cross word boundaries. */
	bitmap_set(map, 16, 47);
	HT_EXPECT_EQ(bitmap_find_next_zero_area(map, 256, 0, 70, 0), 63UL);
}

HTEST(bitmap_find_next_zero_area_honours_alignment)
{
	DECLARE_BITMAP(map, 256);

	bitmap_zero(map, 256);
	bitmap_set(map, 0, 1);
	HT_EXPECT_EQ(bitmap_find_next_zero_area(map, 256, 0, 4, 0), 1UL);
	HT_EXPECT_EQ(bitmap_find_next_zero_area(map, 256, 0, 4, 3), 4UL);
	HT_EXPECT_EQ(bitmap_find_next_zero_area(map, 256, 0, 4, 63), 64UL);
	bitmap_set(map, 66, 1);
	/* 64..67 holds a set bit: the next 64-aligned run is at 128. */
	HT_EXPECT_EQ(bitmap_find_next_zero_area(map, 256, 0, 4, 63), 128UL);
	HT_EXPECT_EQ(bitmap_find_next_zero_area(map, 256, 0, 64, 63), 128UL);
	HT_EXPECT_EQ(bitmap_find_next_zero_area(map, 256, 5, 2, 7), 8UL);
}

HTEST(bitmap_find_next_zero_area_fails_beyond_size)
{
	DECLARE_BITMAP(map, 128);
	unsigned long r;

	bitmap_zero(map, 128);
	bitmap_set(map, 0, 120);
	r = bitmap_find_next_zero_area(map, 128, 0, 8, 0);
	HT_EXPECT_EQ(r, 120UL);
	r = bitmap_find_next_zero_area(map, 128, 0, 9, 0);
	HT_EXPECT_GT(r + 9, 128UL);
	HT_EXPECT_GE(r, 128UL);
	r = bitmap_find_next_zero_area(map, 128, 0, 8, 15);
	HT_EXPECT_GE(r, 128UL);
	bitmap_fill(map, 128);
	HT_EXPECT_GE(bitmap_find_next_zero_area(map, 128, 0, 1, 0), 128UL);
}

HTEST(ffs_fls_family_count_from_the_right_origin)
{
	HT_EXPECT_EQ(__ffs(1UL), 0UL);
	HT_EXPECT_EQ(__ffs(0x8000000000000000UL), 63UL);
	HT_EXPECT_EQ(__ffs(0x50UL), 4UL);
	HT_EXPECT_EQ(__fls(1UL), 0UL);
	HT_EXPECT_EQ(__fls(~0UL), 63UL);
	HT_EXPECT_EQ(__fls(0x50UL), 6UL);
	HT_EXPECT_EQ(ffs(0), 0);
	HT_EXPECT_EQ(ffs(1), 1);
	HT_EXPECT_EQ(ffs(0x50), 5);
	HT_EXPECT_EQ(ffs(-2147483647 - 1), 32);
	HT_EXPECT_EQ(fls(0), 0);
	HT_EXPECT_EQ(fls(1), 1);
	HT_EXPECT_EQ(fls(0x50), 7);
	HT_EXPECT_EQ(fls(0x80000000U), 32);
	HT_EXPECT_EQ(fls64(0), 0);
	HT_EXPECT_EQ(fls64(1), 1);
	HT_EXPECT_EQ(fls64(1ULL << 32), 33);
	HT_EXPECT_EQ(fls64(~0ULL), 64);
	HT_EXPECT_EQ(fls_long(1UL << 63), 64UL);
}

HTEST(ilog2_and_power_of_two_rounding)
{
	static_assert(ilog2(4096) == 12);
	static_assert(ilog2(1) == 0);

	HT_EXPECT_EQ(ilog2(opaque(1)), 0);
	HT_EXPECT_EQ(ilog2(opaque(4095)), 11);
	HT_EXPECT_EQ(ilog2(opaque(4096)), 12);
	HT_EXPECT_EQ(ilog2(opaque(~0UL)), 63);
	HT_EXPECT_TRUE(is_power_of_2(opaque(1)));
	HT_EXPECT_TRUE(is_power_of_2(opaque(1UL << 63)));
	HT_EXPECT_FALSE(is_power_of_2(opaque(0)));
	HT_EXPECT_FALSE(is_power_of_2(opaque(6)));
	HT_EXPECT_EQ(roundup_pow_of_two(opaque(1)), 1UL);
	HT_EXPECT_EQ(roundup_pow_of_two(opaque(2)), 2UL);
	HT_EXPECT_EQ(roundup_pow_of_two(opaque(3)), 4UL);
	HT_EXPECT_EQ(roundup_pow_of_two(opaque(4097)), 8192UL);
	HT_EXPECT_EQ(roundup_pow_of_two(opaque(1UL << 63)), 1UL << 63);
	HT_EXPECT_EQ(rounddown_pow_of_two(opaque(1)), 1UL);
	HT_EXPECT_EQ(rounddown_pow_of_two(opaque(3)), 2UL);
	HT_EXPECT_EQ(rounddown_pow_of_two(opaque(4096)), 4096UL);
	HT_EXPECT_EQ(rounddown_pow_of_two(opaque(~0UL)), 1UL << 63);
}

HTEST(hweight_long_counts_set_bits)
{
	unsigned long v = 0;
	int i;

	HT_EXPECT_EQ(hweight_long(opaque(0)), 0UL);
	HT_EXPECT_EQ(hweight_long(opaque(~0UL)), 64UL);
	HT_EXPECT_EQ(hweight_long(opaque(0x8000000000000001UL)), 2UL);
	HT_EXPECT_EQ(hweight_long(opaque(0xf0f0UL)), 8UL);
	/* Against a bit-by-bit count of pseudo-random words. */
	for (i = 0; i < 1000; i++) {
		unsigned long w = rng(), n = 0, b;

		for (b = 0; b < 64; b++)
			n += (w >> b) & 1;
		if (hweight_long(w) != n)
			v++;
	}
	HT_EXPECT_EQ(v, 0UL);
}

HTEST(int_sqrt_rounds_down_at_every_square_boundary)
{
	unsigned long r;

	HT_EXPECT_EQ(int_sqrt(0), 0UL);
	HT_EXPECT_EQ(int_sqrt(1), 1UL);
	HT_EXPECT_EQ(int_sqrt(2), 1UL);
	for (r = 2; r < 5000; r++) {
		HT_EXPECT_EQ(int_sqrt(r * r), r);
		HT_EXPECT_EQ(int_sqrt(r * r - 1), r - 1);
	}
	HT_EXPECT_EQ(int_sqrt(~0UL), 0xffffffffUL);
	HT_EXPECT_EQ(int_sqrt(0xfffffffe00000001UL), 0xffffffffUL);
	HT_EXPECT_EQ(int_sqrt(0xfffffffe00000000UL), 0xfffffffeUL);
}

HTEST(word_loops_handle_every_alignment_and_tail)
{
	static unsigned char buf[64], src[64];
	size_t off, len, i;

	for (i = 0; i < sizeof(src); i++)
		src[i] = (unsigned char)(i * 7 + 1);
	for (off = 0; off < 9; off++) {
		for (len = 0; len < 40; len++) {
			memset(buf, 0x11, sizeof(buf));
			memset(buf + off, 0xab, len);
			for (i = 0; i < sizeof(buf); i++)
				HT_ASSERT_EQ(buf[i], (i >= off && i < off + len) ? 0xab : 0x11);
			HT_EXPECT_TRUE(memchr_inv(buf + off, 0xab, len) == NULL);
			if (len) {
				buf[off + len - 1] = 0;
				HT_EXPECT_TRUE(memchr_inv(buf + off, 0xab, len) == buf + off + len - 1);
			}
			memset(buf, 0, sizeof(buf));
			memcpy(buf + off, src + (len % 8), len);
			HT_EXPECT_EQ(memcmp(buf + off, src + (len % 8), len), 0);
			HT_EXPECT_EQ(buf[off + len], 0);
		}
	}
}

HTEST(print_hex_dump_prints_lines_of_bytes_with_ascii)
{
	static const unsigned char buf[20] = "kkkkkkkkkkkkkkk\xa5" "AB\x00\x7f";
	char want[128];

	print_hex_dump(KERN_ERR, "Object   ", DUMP_PREFIX_ADDRESS, 16, 1, buf, sizeof(buf), true);
	snprintf(want, sizeof(want), "Object   %016lx: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b "
		 "6b 6b 6b a5  kkkkkkkkkkkkkkk.", (unsigned long)buf);
	HT_EXPECT_TRUE(htest_log_contains(want));
	/* A short last line is padded so that its text lines up. */
	snprintf(want, sizeof(want), "Object   %016lx: 41 42 00 7f%36s  AB..",
		 (unsigned long)(buf + 16), "");
	HT_EXPECT_TRUE(htest_log_contains(want));
}

HTEST(print_hex_dump_groups_little_endian_words_and_offsets)
{
	static const unsigned char buf[10] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

	print_hex_dump(KERN_INFO, "", DUMP_PREFIX_OFFSET, 16, 4, buf, 8, false);
	HT_EXPECT_TRUE(htest_log_contains("00000000: 04030201 08070605"));
	htest_log_clear();
	/* A length that cuts a group short falls back to bytes. */
	print_hex_dump(KERN_INFO, "p:", DUMP_PREFIX_NONE, 16, 4, buf, 10, false);
	HT_EXPECT_TRUE(htest_log_contains("p:01 02 03 04 05 06 07 08 09 0a"));
}
