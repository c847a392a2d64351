// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the test framework itself (kernel/ktest.c): a check that fails
 * must mark the case failed, an ASSERT must leave the case, parameters must
 * all be visited, a skip must be reported as a skip. The failing checks run
 * against a scratch struct ktest, so this suite itself passes; the
 * diagnostics they print are expected.
 */
#include <linux/ktest.h>
#include <linux/kernel.h>
#include <linux/sprintf.h>

static void expect_failure_marks_case_failed(struct ktest *test)
{
	struct ktest scratch = { .status = KTEST_SUCCESS };

	KTEST_EXPECT_EQ(&scratch, 1, 1);
	KTEST_EXPECT_EQ(test, (int)scratch.status, KTEST_SUCCESS);
	KTEST_EXPECT_EQ(&scratch, 1 + 1, 3);
	KTEST_EXPECT_EQ(test, (int)scratch.status, KTEST_FAILURE);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Expected 1 + 1 == 3, but"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "1 + 1 == 2 (0x2)"));
}

static void each_comparison_checks_its_operator(struct ktest *test)
{
	struct ktest scratch = { .status = KTEST_SUCCESS };

	KTEST_EXPECT_LT(&scratch, 1, 2);
	KTEST_EXPECT_LE(&scratch, 2, 2);
	KTEST_EXPECT_GT(&scratch, 3, 2);
	KTEST_EXPECT_GE(&scratch, 3, 3);
	KTEST_EXPECT_NE(&scratch, 3, 4);
	KTEST_EXPECT_STREQ(&scratch, "abc", "abc");
	KTEST_EXPECT_STRNEQ(&scratch, "abc", "abd");
	KTEST_EXPECT_NULL(&scratch, NULL);
	KTEST_EXPECT_NOT_NULL(&scratch, &scratch);
	KTEST_EXPECT_MEMEQ(&scratch, "xyz", "xyz", 3);
	KTEST_EXPECT_EQ(test, (int)scratch.status, KTEST_SUCCESS);
	KTEST_EXPECT_GT(&scratch, 2, 3);
	KTEST_EXPECT_EQ(test, (int)scratch.status, KTEST_FAILURE);
	scratch.status = KTEST_SUCCESS;
	KTEST_EXPECT_STREQ(&scratch, "abc", "abd");
	KTEST_EXPECT_EQ(test, (int)scratch.status, KTEST_FAILURE);
}

static void assert_leaves_the_case(struct ktest *test)
{
	struct ktest scratch = { .status = KTEST_SUCCESS };
	volatile int reached_after_assert = 0;

	if (!kernel_setjmp(&scratch.abort)) {
		KTEST_ASSERT_EQ(&scratch, 1, 2);
		reached_after_assert = 1;
	}
	KTEST_EXPECT_EQ(test, reached_after_assert, 0);
	KTEST_EXPECT_EQ(test, (int)scratch.status, KTEST_FAILURE);
}

static void values_are_evaluated_once(struct ktest *test)
{
	int n = 0;

	KTEST_EXPECT_EQ(test, ++n, 1);
	KTEST_EXPECT_EQ(test, n, 1);
}

static const int squares[] = { 0, 1, 4, 9, 16 };
static int params_seen;

static void square_desc(const int *v, char *desc)
{
	snprintf(desc, KTEST_PARAM_DESC_SIZE, "square %d", *v);
}
KTEST_ARRAY_PARAM(squares, squares, square_desc);

static void array_params_visit_every_element(struct ktest *test)
{
	const int *v = test->param_value;
	int root = 0;

	while (root * root < *v)
		root++;
	KTEST_EXPECT_EQ(test, root * root, *v);
	params_seen++;
}

static void params_were_all_seen(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, params_seen, (int)ARRAY_SIZE(squares));
}

static void skip_is_reported_as_skip(struct ktest *test)
{
	KTEST_SKIP(test, "demonstrating a skip");
	KTEST_FAIL(test, "unreachable after KTEST_SKIP");
}

static int init_calls, exit_calls;

static int ktest_suite_case_init(struct ktest *test)
{
	init_calls++;
	test->priv = &init_calls;
	return 0;
}

static void ktest_suite_case_exit(struct ktest *test)
{
	exit_calls++;
}

static void init_and_exit_run_around_each_case(struct ktest *test)
{
	KTEST_EXPECT_PTR_EQ(test, test->priv, &init_calls);
	/* Every earlier case had its exit; this one's is still to come. */
	KTEST_EXPECT_EQ(test, exit_calls, init_calls - 1);
}

static struct ktest_case ktest_cases[] = {
	KTEST_CASE(expect_failure_marks_case_failed),
	KTEST_CASE(each_comparison_checks_its_operator),
	KTEST_CASE(assert_leaves_the_case),
	KTEST_CASE(values_are_evaluated_once),
	KTEST_CASE_PARAM(array_params_visit_every_element, squares_gen_params),
	KTEST_CASE(params_were_all_seen),
	KTEST_CASE(skip_is_reported_as_skip),
	KTEST_CASE(init_and_exit_run_around_each_case),
	{}
};

static struct ktest_suite ktest_suite = {
	.name = "ktest",
	.init = ktest_suite_case_init,
	.exit = ktest_suite_case_exit,
	.test_cases = ktest_cases,
};
ktest_register_suite(ktest_suite);
