// SPDX-License-Identifier: GPL-2.0
/*
 * The ratelimit suite: kernel/ratelimit.c. Windows are long (an hour of
 * jiffies) so that no tick ends one by surprise; a case that needs a window
 * to pass moves ->begin back by the interval, which is what the passing of
 * time looks like to the state. One case waits for real jiffies.
 */
#include <linux/ktest.h>
#include <linux/ratelimit.h>

#define LONG_WINDOW	(3600 * HZ)

static unsigned int let_through(struct ratelimit_state *rs, unsigned int calls)
{
	unsigned int n = 0;

	while (calls--)
		n += __ratelimit(rs);
	return n;
}

static void ratelimit_lets_a_burst_through_then_counts_the_rest(struct ktest *test)
{
	DEFINE_RATELIMIT_STATE(rs, LONG_WINDOW, 3);

	KTEST_EXPECT_EQ(test, let_through(&rs, 8), 3U);
	KTEST_EXPECT_EQ(test, rs.printed, 3);
	KTEST_EXPECT_EQ(test, rs.missed, 5);
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "callbacks suppressed"));
}

static void ratelimit_new_window_reports_what_was_suppressed(struct ktest *test)
{
	DEFINE_RATELIMIT_STATE(rs, LONG_WINDOW, 2);

	KTEST_EXPECT_EQ(test, let_through(&rs, 6), 2U);
	rs.begin -= LONG_WINDOW + 1;	/* the window has passed */
	KTEST_EXPECT_TRUE(test, __ratelimit(&rs));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
		"ratelimit_new_window_reports_what_was_suppressed: 4 callbacks suppressed"));
	KTEST_EXPECT_EQ(test, rs.missed, 0);
	KTEST_EXPECT_EQ(test, rs.printed, 1);
	KTEST_EXPECT_EQ(test, let_through(&rs, 3), 1U);
	KTEST_EXPECT_EQ(test, rs.missed, 2);
}

static void ratelimit_window_ends_after_interval_jiffies(struct ktest *test)
{
	DEFINE_RATELIMIT_STATE(rs, 2, 1);

	/* begin == 0 means "not started", as Linux's: start after tick 0. */
	KTEST_ASSERT_TRUE(test, ktest_wait_for(jiffies != 0, 1000));
	KTEST_EXPECT_TRUE(test, __ratelimit(&rs));
	KTEST_ASSERT_TRUE(test, ktest_wait_for((long)(jiffies - rs.begin) > 2, 1000));
	KTEST_EXPECT_TRUE(test, __ratelimit(&rs));
}

static void ratelimit_zero_interval_lets_all_and_zero_burst_none(struct ktest *test)
{
	DEFINE_RATELIMIT_STATE(open, 0, 1);
	struct ratelimit_state shut;

	ratelimit_state_init(&shut, LONG_WINDOW, 0);
	KTEST_EXPECT_EQ(test, let_through(&open, 20), 20U);
	KTEST_EXPECT_EQ(test, open.missed, 0);
	KTEST_EXPECT_EQ(test, let_through(&shut, 20), 0U);
	KTEST_EXPECT_EQ(test, shut.missed, 20);
}

static void ratelimit_reset_opens_a_quiet_new_window(struct ktest *test)
{
	DEFINE_RATELIMIT_STATE(rs, DEFAULT_RATELIMIT_INTERVAL, DEFAULT_RATELIMIT_BURST);

	KTEST_EXPECT_EQ(test, let_through(&rs, 15), 10U);
	ratelimit_state_reset_interval(&rs, LONG_WINDOW);
	KTEST_EXPECT_EQ(test, rs.interval, LONG_WINDOW);
	KTEST_EXPECT_EQ(test, let_through(&rs, 15), 10U);
	KTEST_EXPECT_EQ(test, rs.missed, 5);
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "callbacks suppressed"));
}

static struct ktest_case ratelimit_cases[] = {
	KTEST_CASE(ratelimit_lets_a_burst_through_then_counts_the_rest),
	KTEST_CASE(ratelimit_new_window_reports_what_was_suppressed),
	KTEST_CASE(ratelimit_window_ends_after_interval_jiffies),
	KTEST_CASE(ratelimit_zero_interval_lets_all_and_zero_burst_none),
	KTEST_CASE(ratelimit_reset_opens_a_quiet_new_window),
	{}
};

static struct ktest_suite ratelimit_suite = {
	.name = "ratelimit",
	.test_cases = ratelimit_cases,
};
ktest_register_suite(ratelimit_suite);
