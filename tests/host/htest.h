/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host-side unit tests of the kernel's pure code, built with AddressSanitizer
 * and UBSan against the same source files the kernel uses.
 *
 * Test files are compiled like kernel code: kernel headers, no libc. Only
 * tests/host/harness.c sees libc; the kernel-side objects have their
 * libc-clashing symbols renamed (tests/host/libc-clash.syms), so memcpy
 * here is the kernel's own lib/string.c, under ASan. printk goes to a log
 * the tests can search (htest_log_contains) and to stdout as "# " lines.
 *
 *   HTEST(sorts_empty_array)
 *   {
 *           HT_EXPECT_EQ(x, 3);
 *   }
 *
 * The binary prints KTAP version 1, which tools/ktap.py reads like the
 * kernel's output.
 */
#ifndef _HTEST_H
#define _HTEST_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/string.h>

struct htest_case {
	const char *name;
	void (*fn)(void);
};

#define HTEST(fn)							\
	static void fn(void);						\
	static const struct htest_case __htest_##fn			\
		__used __section("htest_cases") __aligned(8) = { #fn, fn }; \
	static void fn(void)

void htest_fail(const char *file, int line, const char *fmt, ...) __printf(3, 4);
void __noreturn htest_abort(void);

/* printk output since the current case began (or htest_log_clear()). */
bool htest_log_contains(const char *needle);
void htest_log_clear(void);
const char *htest_log(void);
/* Log @s; with @echo also print it as "# log:" diagnostics. */
void htest_log_write(const char *s, bool echo);

/*
 * The heap behind the kernel-side allocators on the host (kmalloc(),
 * kfree(), kvmalloc(), kvfree(): kernel_shim.c). htest_fail_allocs(n)
 * makes the next n allocations return NULL, htest_fail_nth_alloc(n) only
 * the nth from now (1: the next); each case starts with none failing.
 * htest_heap_live() counts the blocks allocated and not yet freed.
 */
void *htest_malloc(size_t size);
void htest_free(const void *p);
void htest_fail_allocs(unsigned int n);
void htest_fail_nth_alloc(unsigned int nth);
long htest_heap_live(void);
/*
 * The next @nr slab allocations (kmem_cache_alloc) that may not sleep
 * fail, as failslab makes them fail in the kernel; with @all, those that
 * may sleep too. htest_slab_fail(0, false) ends it.
 */
void htest_slab_fail(unsigned int nr, bool all);

/*
 * htest_xorshift64 - the next of a reproducible pseudo-random sequence
 * kept in *@state (xorshift64: never seed it with 0). For model tests;
 * no libc.
 */
static inline u64 htest_xorshift64(u64 *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

#define _HT_BIN(a, op, b, fatal) do {						\
	__typeof__(a) __a = (a);						\
	__typeof__(b) __b = (b);						\
	if (!(__a op __b)) {							\
		htest_fail(__FILE__, __LINE__, "Expected %s %s %s, but %s == %lld " \
			   "(0x%llx), %s == %lld (0x%llx)", #a, #op, #b,		\
			   #a, (long long)__a, (unsigned long long)__a,		\
			   #b, (long long)__b, (unsigned long long)__b);		\
		if (fatal)							\
			htest_abort();						\
	}									\
} while (0)

#define _HT_STR(a, op, b, fatal) do {						\
	const char *__a = (a), *__b = (b);					\
	if (!(strcmp(__a, __b) op 0)) {						\
		htest_fail(__FILE__, __LINE__, "Expected %s %s %s, but %s == \"%s\", " \
			   "%s == \"%s\"", #a, #op, #b, #a, __a, #b, __b);	\
		if (fatal)							\
			htest_abort();						\
	}									\
} while (0)

#define HT_EXPECT_EQ(a, b)	_HT_BIN(a, ==, b, false)
#define HT_EXPECT_NE(a, b)	_HT_BIN(a, !=, b, false)
#define HT_EXPECT_LT(a, b)	_HT_BIN(a, <, b, false)
#define HT_EXPECT_LE(a, b)	_HT_BIN(a, <=, b, false)
#define HT_EXPECT_GT(a, b)	_HT_BIN(a, >, b, false)
#define HT_EXPECT_GE(a, b)	_HT_BIN(a, >=, b, false)
#define HT_EXPECT_TRUE(c)	_HT_BIN(!!(c), ==, 1, false)
#define HT_EXPECT_FALSE(c)	_HT_BIN(!!(c), ==, 0, false)
#define HT_EXPECT_STREQ(a, b)	_HT_STR(a, ==, b, false)
#define HT_ASSERT_EQ(a, b)	_HT_BIN(a, ==, b, true)
#define HT_ASSERT_TRUE(c)	_HT_BIN(!!(c), ==, 1, true)
#define HT_ASSERT_STREQ(a, b)	_HT_STR(a, ==, b, true)

#endif /* _HTEST_H */
