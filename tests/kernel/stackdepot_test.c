// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the stack depot (kernel/stackdepot.c). It exists only when a
 * user asked for it at boot (page_owner=on); otherwise the cases skip.
 */
#include <linux/ktest.h>
#include <linux/stackdepot.h>
#include <asm/stacktrace.h>

#define require_stack_depot(test) do {					\
	if (!stack_depot_initialized())					\
		KTEST_SKIP(test, "no stack depot (boot with page_owner=on)");	\
} while (0)

static void equal_stacks_share_a_handle(struct ktest *test)
{
	unsigned long a[] = { 0xffffffff80100010UL, 0xffffffff80100020UL, 0xffffffff80100030UL };
	unsigned long b[] = { 0xffffffff80100010UL, 0xffffffff80100020UL, 0xffffffff80100031UL };
	depot_stack_handle_t ha, hb;

	require_stack_depot(test);
	ha = stack_depot_save(a, ARRAY_SIZE(a));
	hb = stack_depot_save(b, ARRAY_SIZE(b));
	KTEST_EXPECT_NE(test, ha, 0U);
	KTEST_EXPECT_NE(test, hb, 0U);
	KTEST_EXPECT_NE(test, ha, hb);
	KTEST_EXPECT_EQ(test, stack_depot_save(a, ARRAY_SIZE(a)), ha);
	/* A prefix is another stack. */
	KTEST_EXPECT_NE(test, stack_depot_save(a, 2), ha);
}

static void fetch_returns_what_was_saved(struct ktest *test)
{
	unsigned long trace[STACK_DEPOT_MAX_FRAMES], *entries;
	unsigned int n;
	depot_stack_handle_t h;

	require_stack_depot(test);
	n = stack_trace_save(trace, ARRAY_SIZE(trace), 0);
	KTEST_ASSERT_GT(test, n, 1U);
	h = stack_depot_save(trace, n);
	KTEST_ASSERT_NE(test, h, 0U);
	KTEST_EXPECT_EQ(test, stack_depot_fetch(h, &entries), n);
	KTEST_EXPECT_MEMEQ(test, entries, trace, n * sizeof(*trace));
	KTEST_EXPECT_EQ(test, stack_depot_fetch(0, &entries), 0U);
	KTEST_EXPECT_NULL(test, entries);
	stack_depot_print(h);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, " fetch_returns_what_was_saved+0x"));
}

static void long_stacks_keep_the_innermost_frames(struct ktest *test)
{
	unsigned long trace[STACK_DEPOT_MAX_FRAMES + 4], *entries;
	unsigned int i;
	depot_stack_handle_t h;

	require_stack_depot(test);
	for (i = 0; i < ARRAY_SIZE(trace); i++)
		trace[i] = 0xffffffff80200000UL + i;
	h = stack_depot_save(trace, ARRAY_SIZE(trace));
	KTEST_ASSERT_NE(test, h, 0U);
	KTEST_EXPECT_EQ(test, stack_depot_fetch(h, &entries), (unsigned int)STACK_DEPOT_MAX_FRAMES);
	KTEST_EXPECT_EQ(test, entries[0], trace[0]);
	KTEST_EXPECT_EQ(test, stack_depot_save(trace, STACK_DEPOT_MAX_FRAMES), h);
}

static struct ktest_case stackdepot_cases[] = {
	KTEST_CASE(equal_stacks_share_a_handle),
	KTEST_CASE(fetch_returns_what_was_saved),
	KTEST_CASE(long_stacks_keep_the_innermost_frames),
	{}
};

static struct ktest_suite stackdepot_suite = {
	.name = "stackdepot",
	.test_cases = stackdepot_cases,
};
ktest_register_suite(stackdepot_suite);
