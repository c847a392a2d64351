// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the fault-injection framework (kernel/fault_inject.c) on a
 * private attribute, reset before each case, and of failslab's decision
 * (mm/failslab.c) called directly: the slab allocator's use of it is
 * tested with SLUB. fail_page_alloc is tested in page_alloc_test.c.
 */
#include <linux/ktest.h>
#include <linux/fault-inject.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/string.h>

static DECLARE_FAULT_ATTR(fi_attr);

static int fault_inject_test_init(struct ktest *test)
{
	fi_attr = (struct fault_attr)FAULT_ATTR_INITIALIZER(fi_attr, "fi_attr");
	return 0;
}

static void fi_set(unsigned long interval, unsigned long probability, long space, int times)
{
	fi_attr.interval = interval;
	fi_attr.probability = probability;
	fi_attr.space = space;
	fi_attr.times = times;
}

/* How many of @n quiet calls asking for @size bytes fail. */
static unsigned int fi_failures(unsigned int n, ssize_t size)
{
	unsigned int i, failed = 0;

	for (i = 0; i < n; i++)
		failed += should_fail_ex(&fi_attr, size, FAULT_NOWARN);
	return failed;
}

/* Linux: with probability 0 nothing else is looked at, not even space. */
static void probability_0_never_fails(struct ktest *test)
{
	fi_set(1, 0, 5000, -1);
	KTEST_EXPECT_EQ(test, fi_failures(1000, 1), 0u);
	KTEST_EXPECT_EQ(test, fi_attr.failures, 0UL);
	KTEST_EXPECT_EQ(test, fi_attr.space, 5000L);
}

static void probability_100_always_fails(struct ktest *test)
{
	fi_set(1, 100, 0, -1);
	KTEST_EXPECT_EQ(test, fi_failures(100, 1), 100u);
	KTEST_EXPECT_EQ(test, fi_attr.failures, 100UL);
}

static void probability_50_fails_about_half(struct ktest *test)
{
	unsigned int failed;

	fi_set(1, 50, 0, -1);
	failed = fi_failures(1000, 1);
	KTEST_EXPECT_GT(test, failed, 400u);
	KTEST_EXPECT_LT(test, failed, 600u);
}

/* Linux's default times is 1: a probability alone fails one call. */
static void defaults_fail_once(struct ktest *test)
{
	fi_attr.probability = 100;
	KTEST_EXPECT_EQ(test, fi_failures(10, 1), 1u);
	KTEST_EXPECT_EQ(test, fi_attr.times, 0);
}

static void interval_fails_every_nth_call(struct ktest *test)
{
	unsigned int i;

	fi_set(4, 100, 0, -1);
	for (i = 1; i <= 12; i++)
		KTEST_EXPECT_EQ(test, should_fail_ex(&fi_attr, 1, FAULT_NOWARN), i % 4 == 0);
}

/* Linux: a call passes while space is strictly larger than it. */
static void space_is_used_up_first(struct ktest *test)
{
	fi_set(1, 100, 100, -1);
	KTEST_EXPECT_EQ(test, fi_failures(3, 30), 0u);
	KTEST_EXPECT_EQ(test, fi_attr.space, 10L);
	KTEST_EXPECT_TRUE(test, should_fail_ex(&fi_attr, 10, FAULT_NOWARN));
	KTEST_EXPECT_EQ(test, fi_attr.space, 10L);
	KTEST_EXPECT_FALSE(test, should_fail_ex(&fi_attr, 9, FAULT_NOWARN));
	KTEST_EXPECT_EQ(test, fi_attr.space, 1L);
}

static void times_counts_down_to_zero(struct ktest *test)
{
	fi_set(1, 100, 0, 3);
	KTEST_EXPECT_EQ(test, fi_failures(10, 1), 3u);
	KTEST_EXPECT_EQ(test, fi_attr.times, 0);
	KTEST_EXPECT_EQ(test, fi_attr.failures, 3UL);
}

static void times_minus_one_is_unlimited(struct ktest *test)
{
	fi_set(1, 100, 0, -1);
	KTEST_EXPECT_EQ(test, fi_failures(500, 1), 500u);
	KTEST_EXPECT_EQ(test, fi_attr.times, -1);
}

static void failure_is_reported_unless_nowarn(struct ktest *test)
{
	fi_set(1, 100, 0, -1);
	KTEST_EXPECT_TRUE(test, should_fail_ex(&fi_attr, 1, FAULT_NOWARN));
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "FAULT_INJECTION: forcing a failure."));
	KTEST_EXPECT_TRUE(test, should_fail(&fi_attr, 1));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "FAULT_INJECTION: forcing a failure."));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
		"name fi_attr, interval 1, probability 100, space 0, times -1"));
}

static void parse_sets_the_four_fields(struct ktest *test)
{
	char args[] = "3,40,4096,7", zero_interval[] = "0,100,0,-1";

	KTEST_EXPECT_EQ(test, setup_fault_attr(&fi_attr, args), 0);
	KTEST_EXPECT_EQ(test, fi_attr.interval, 3UL);
	KTEST_EXPECT_EQ(test, fi_attr.probability, 40UL);
	KTEST_EXPECT_EQ(test, fi_attr.space, 4096L);
	KTEST_EXPECT_EQ(test, fi_attr.times, 7);
	KTEST_EXPECT_EQ(test, setup_fault_attr(&fi_attr, zero_interval), 0);
	KTEST_EXPECT_EQ(test, fi_attr.interval, 1UL);
	KTEST_EXPECT_EQ(test, fi_attr.probability, 100UL);
	KTEST_EXPECT_EQ(test, fi_attr.times, -1);
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "failed to parse"));
}

static const char *const bad_args[] = {
	"", "1,2,3", "1,2,3,4,5", "x,1,2,3", "1,,2,3", "1,2,3,", "1,101,0,1", "1,50,0,-2",
	"1,50,0,5junk",
};

static void parse_rejects_bad_input(struct ktest *test)
{
	unsigned int i;

	fi_set(2, 30, 7, 5);
	for (i = 0; i < ARRAY_SIZE(bad_args); i++) {
		struct fault_attr before = fi_attr;
		char buf[32];

		strscpy(buf, bad_args[i], sizeof(buf));
		if (setup_fault_attr(&fi_attr, buf) != -EINVAL)
			KTEST_FAIL(test, "\"%s\" was accepted", bad_args[i]);
		if (fi_attr.interval != before.interval ||
		    fi_attr.probability != before.probability ||
		    fi_attr.space != before.space || fi_attr.times != before.times)
			KTEST_FAIL(test, "\"%s\" changed the attribute", bad_args[i]);
	}
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
		"FAULT_INJECTION: failed to parse arguments"));
}

/* ---- failslab ----------------------------------------------------------- */

/* Run with failslab set as given (failslab_enabled untouched), then restore. */
static struct failslab_attr saved_failslab;

static struct kmem_cache *failslab_begin(struct ktest *test, bool ignore_gfp_wait,
					 bool cache_filter)
{
	struct kmem_cache *s = kmem_cache_create("fault_inject_test", 64, 0, 0, NULL);

	if (!s)
		KTEST_SKIP(test, "no cache (fail_page_alloc= at work?)");
	saved_failslab = failslab;
	failslab.attr.interval = 1;
	failslab.attr.probability = 100;
	failslab.attr.space = 0;
	failslab.attr.times = -1;
	failslab.ignore_gfp_wait = ignore_gfp_wait;
	failslab.cache_filter = cache_filter;
	return s;
}

static void failslab_end(struct kmem_cache *s)
{
	failslab = saved_failslab;
	kmem_cache_destroy(s);
}

static void failslab_exempts_nofail_and_waiting(struct ktest *test)
{
	struct kmem_cache *s = failslab_begin(test, true, false);

	KTEST_EXPECT_TRUE(test, __should_failslab(s, GFP_NOWAIT | __GFP_NOWARN));
	KTEST_EXPECT_FALSE(test, __should_failslab(s, GFP_NOWAIT | __GFP_NOFAIL));
	KTEST_EXPECT_FALSE(test, __should_failslab(s, GFP_KERNEL));
	failslab.ignore_gfp_wait = false;
	KTEST_EXPECT_TRUE(test, __should_failslab(s, GFP_KERNEL | __GFP_NOWARN));
	KTEST_EXPECT_FALSE(test, __should_failslab(s, GFP_KERNEL | __GFP_NOFAIL));
	failslab_end(s);
}

static void failslab_cache_filter_spares_unmarked_caches(struct ktest *test)
{
	struct kmem_cache *s = failslab_begin(test, false, true);

	KTEST_EXPECT_FALSE(test, __should_failslab(s, GFP_NOWAIT | __GFP_NOWARN));
	failslab.cache_filter = false;
	KTEST_EXPECT_TRUE(test, __should_failslab(s, GFP_NOWAIT | __GFP_NOWARN));
	failslab_end(s);
}

/* cache_filter first, so that nothing else can fail while the flag is on. */
static void failslab_boot_parameters_set_it_up(struct ktest *test)
{
	bool enabled = failslab_enabled;

	saved_failslab = failslab;
	parse_args("failslab.cache_filter=Y failslab.ignore_gfp_wait=N failslab=2,100,0,3", false);
	KTEST_EXPECT_TRUE(test, failslab_enabled);
	failslab_enabled = enabled;
	KTEST_EXPECT_TRUE(test, failslab.cache_filter);
	KTEST_EXPECT_FALSE(test, failslab.ignore_gfp_wait);
	KTEST_EXPECT_EQ(test, failslab.attr.interval, 2UL);
	KTEST_EXPECT_EQ(test, failslab.attr.probability, 100UL);
	KTEST_EXPECT_EQ(test, failslab.attr.times, 3);
	failslab = saved_failslab;
}

static struct ktest_case fault_inject_cases[] = {
	KTEST_CASE(probability_0_never_fails),
	KTEST_CASE(probability_100_always_fails),
	KTEST_CASE(probability_50_fails_about_half),
	KTEST_CASE(defaults_fail_once),
	KTEST_CASE(interval_fails_every_nth_call),
	KTEST_CASE(space_is_used_up_first),
	KTEST_CASE(times_counts_down_to_zero),
	KTEST_CASE(times_minus_one_is_unlimited),
	KTEST_CASE(failure_is_reported_unless_nowarn),
	KTEST_CASE(parse_sets_the_four_fields),
	KTEST_CASE(parse_rejects_bad_input),
	KTEST_CASE(failslab_exempts_nofail_and_waiting),
	KTEST_CASE(failslab_cache_filter_spares_unmarked_caches),
	KTEST_CASE(failslab_boot_parameters_set_it_up),
	{}
};

static struct ktest_suite fault_inject_suite = {
	.name = "fault_inject",
	.init = fault_inject_test_init,
	.test_cases = fault_inject_cases,
};
ktest_register_suite(fault_inject_suite);
