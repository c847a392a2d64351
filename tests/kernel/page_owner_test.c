// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of page_owner=on (mm/page_owner.c): the records the allocator's
 * hooks write, dump_page()'s owner lines, and the page_owner command's
 * grouping, checked in the log. Without the option the cases skip (but
 * one, which checks the command refuses); the boot matrix has a
 * page_owner=on boot.
 */
#include <linux/ktest.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/shell.h>
#include <linux/errno.h>
#include <linux/sprintf.h>
#include "../../mm/internal.h"

#define require_page_owner(test) do {				\
	if (!page_owner_enabled)				\
		KTEST_SKIP(test, "boot with page_owner=on");	\
} while (0)

/* The gfp of the tests' allocations: GFP_KERNEL|__GFP_NOWARN, 0x2cc0. */
#define TEST_GFP	(GFP_KERNEL | __GFP_NOWARN)

static int run(const char *line)
{
	char buf[128];

	strscpy(buf, line, sizeof(buf));
	return shell_exec(buf);
}

/* The record of @page, or end the case. */
#define owner_of(test, page) ({						\
	struct page_owner *__po = get_page_owner(page);			\
	KTEST_ASSERT_NOT_NULL(test, __po);				\
	__po;								\
})

static void allocation_records_order_gfp_and_stack(struct ktest *test)
{
	struct page_owner *head;
	struct page *page;
	unsigned long i;

	require_page_owner(test);
	page = alloc_pages(TEST_GFP, 2);
	KTEST_ASSERT_NOT_NULL(test, page);
	head = owner_of(test, page);
	KTEST_EXPECT_NE(test, head->handle, 0U);
	for (i = 0; i < 4; i++) {
		struct page_owner *po = owner_of(test, page + i);

		KTEST_EXPECT_EQ(test, po->order, 2);
		KTEST_EXPECT_EQ(test, po->gfp_mask, TEST_GFP);
		KTEST_EXPECT_EQ(test, po->flags, PAGE_OWNER_SET | PAGE_OWNER_ALLOCATED);
		KTEST_EXPECT_EQ(test, po->handle, head->handle);
	}
	/* The stack, symbolised, passes through this function. */
	__dump_page_owner(page);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "page_owner tracks the page as allocated"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
			  "page last allocated via order 2, migratetype Unmovable, "
			  "gfp_mask 0x2cc0(GFP_KERNEL|__GFP_NOWARN), pid 0, tgid 0 (swapper/0)"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, " alloc_pages+0x"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
			  " allocation_records_order_gfp_and_stack+0x"));
	__free_pages(page, 2);
}

static void free_clears_allocated_and_records_the_free_stack(struct ktest *test)
{
	struct page *page;
	unsigned long i;

	require_page_owner(test);
	page = alloc_pages(TEST_GFP, 1);
	KTEST_ASSERT_NOT_NULL(test, page);
	__free_pages(page, 1);
	for (i = 0; i < 2; i++) {
		struct page_owner *po = owner_of(test, page + i);

		KTEST_EXPECT_EQ(test, po->flags, PAGE_OWNER_SET);
		KTEST_EXPECT_NE(test, po->free_handle, 0U);
		/* What the last allocation was stays, for reports. */
		KTEST_EXPECT_EQ(test, po->order, 1);
		KTEST_EXPECT_EQ(test, po->gfp_mask, TEST_GFP);
	}
	dump_page(page, "page_owner test");
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "page_owner tracks the page as freed"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "page last free pid 0 tgid 0 stack trace:"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, " free_pages_hooks"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
			  " free_clears_allocated_and_records_the_free_stack+0x"));
}

static void split_page_makes_order_zero_owners(struct ktest *test)
{
	depot_stack_handle_t handle;
	struct page *page;
	unsigned long i;

	require_page_owner(test);
	page = alloc_pages(TEST_GFP, 2);
	KTEST_ASSERT_NOT_NULL(test, page);
	handle = owner_of(test, page)->handle;
	split_page(page, 2);
	for (i = 0; i < 4; i++) {
		struct page_owner *po = owner_of(test, page + i);

		KTEST_EXPECT_EQ(test, po->order, 0);
		KTEST_EXPECT_EQ(test, po->handle, handle);
		KTEST_EXPECT_TRUE(test, po->flags & PAGE_OWNER_ALLOCATED);
	}
	__free_page(page + 1);
	KTEST_EXPECT_FALSE(test, owner_of(test, page + 1)->flags & PAGE_OWNER_ALLOCATED);
	KTEST_EXPECT_TRUE(test, owner_of(test, page)->flags & PAGE_OWNER_ALLOCATED);
	KTEST_EXPECT_TRUE(test, owner_of(test, page + 2)->flags & PAGE_OWNER_ALLOCATED);
	__free_page(page);
	__free_page(page + 2);
	__free_page(page + 3);
}

/*
 * Three allocations from one call site and one from another, all through
 * this function: the command lists two groups, the larger first, and not
 * the table it allocates for itself.
 */
static void command_groups_allocations_by_stack(struct ktest *test)
{
	struct page *pages[4];
	char cmd[64];
	int i;

	require_page_owner(test);
	for (i = 0; i < 3; i++)
		pages[i] = alloc_pages(TEST_GFP, 1);
	pages[3] = alloc_pages(TEST_GFP, 1);
	for (i = 0; i < 4; i++)
		KTEST_ASSERT_NOT_NULL(test, pages[i]);
	snprintf(cmd, sizeof(cmd), "page_owner %s", __func__);
	KTEST_EXPECT_EQ(test, run(cmd), 0);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "3 times, 6 pages:"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "1 times, 2 pages:"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
			  "Page allocated via order 1, mask 0x2cc0(GFP_KERNEL|__GFP_NOWARN), "
			  "pid 0, tgid 0 (swapper/0), ts 0 ns"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
			  " command_groups_allocations_by_stack+0x"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "page_owner: 2 of "));
	for (i = 0; i < 4; i++)
		__free_pages(pages[i], 1);
	/* Freed: no group passes through this function any more. */
	KTEST_EXPECT_EQ(test, run(cmd), 0);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "page_owner: 0 of "));
}

static void command_without_filter_lists_everything(struct ktest *test)
{
	struct page *page;

	require_page_owner(test);
	page = alloc_pages(TEST_GFP, 3);
	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_EXPECT_EQ(test, run("page_owner"), 0);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
			  " command_without_filter_lists_everything+0x"));
	KTEST_EXPECT_EQ(test, run("page_owner a b"), -EINVAL);
	__free_pages(page, 3);
}

static void command_refuses_without_page_owner(struct ktest *test)
{
	if (page_owner_enabled)
		KTEST_SKIP(test, "page_owner=on: the command works");
	KTEST_EXPECT_EQ(test, run("page_owner"), -EINVAL);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "boot with page_owner=on"));
}

static struct ktest_case page_owner_cases[] = {
	KTEST_CASE(allocation_records_order_gfp_and_stack),
	KTEST_CASE(free_clears_allocated_and_records_the_free_stack),
	KTEST_CASE(split_page_makes_order_zero_owners),
	KTEST_CASE(command_groups_allocations_by_stack),
	KTEST_CASE(command_without_filter_lists_everything),
	KTEST_CASE(command_refuses_without_page_owner),
	{}
};

static struct ktest_suite page_owner_suite = {
	.name = "page_owner",
	.test_cases = page_owner_cases,
};
ktest_register_suite(page_owner_suite);
