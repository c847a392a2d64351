// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of debug_pagealloc=on (mm/debug_page_alloc.c, __kernel_map_pages()
 * in arch/x86_64/init_64.c): free pages are unmapped from the direct map,
 * allocated ones mapped. A use after free is provoked under
 * ktest_catch_exception(), which reports the oops and recovers. Without
 * the option every case skips; the boot matrix has a debug_pagealloc=on
 * boot.
 */
#include <linux/ktest.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/sprintf.h>
#include <asm/pgtable.h>
#include <asm/setup.h>
#include <asm/traps.h>

#define require_debug_pagealloc(test) do {				\
	if (!debug_pagealloc_enabled)					\
		KTEST_SKIP(test, "boot with debug_pagealloc=on");	\
} while (0)

static void read_page(void *addr)
{
	(void)*(volatile unsigned long *)addr;
}

static void write_page(void *addr)
{
	*(volatile unsigned long *)addr = 0x5a5a5a5a;
}

/*
 * @fn on @addr faults as an access to a not-present page, and the oops
 * (arch/x86_64/fault.c) first dumps the free page it touched.
 */
static void expect_not_present_fault(struct ktest *test, void (*fn)(void *), void *addr,
				     bool write)
{
	struct exception_info info;
	char line[64];

	KTEST_EXPECT_EXCEPTION(test, fn, addr, X86_TRAP_PF, &info);
	KTEST_EXPECT_EQ(test, info.address, (unsigned long)addr);
	KTEST_EXPECT_EQ(test, info.error_code & X86_PF_PROT, 0UL);
	KTEST_EXPECT_EQ(test, !!(info.error_code & X86_PF_WRITE), write);
	snprintf(line, sizeof(line), " pfn:%#lx", (unsigned long)(__pa(addr) >> PAGE_SHIFT));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, line));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "page dumped because: debug_pagealloc: "
						   "access to a free page"));
}

static void read_of_a_freed_page_faults(struct ktest *test)
{
	struct page *page;
	void *addr;

	require_debug_pagealloc(test);
	page = alloc_page(GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, page);
	addr = page_address(page);
	__free_page(page);
	expect_not_present_fault(test, read_page, addr, false);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "#PF: error_code(0x0000) - not-present page"));
}

static void write_to_a_freed_page_faults(struct ktest *test)
{
	struct page *page;
	void *addr;

	require_debug_pagealloc(test);
	page = alloc_page(GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, page);
	addr = page_address(page) + 64;
	__free_page(page);
	expect_not_present_fault(test, write_page, addr, true);
}

static void every_page_of_a_freed_block_faults(struct ktest *test)
{
	struct page *page;
	unsigned long i;

	require_debug_pagealloc(test);
	page = alloc_pages(GFP_KERNEL, 4);
	KTEST_ASSERT_NOT_NULL(test, page);
	__free_pages(page, 4);
	for (i = 0; i < 16; i++)
		KTEST_EXPECT_FALSE(test, kernel_page_present(page + i));
	expect_not_present_fault(test, read_page, page_address(page + 15), false);
}

static void allocated_pages_are_mapped(struct ktest *test)
{
	struct exception_info info;
	struct page *page;
	unsigned long i;

	require_debug_pagealloc(test);
	page = alloc_pages(GFP_KERNEL, 3);
	KTEST_ASSERT_NOT_NULL(test, page);
	for (i = 0; i < 8; i++) {
		KTEST_EXPECT_TRUE(test, kernel_page_present(page + i));
		KTEST_EXPECT_FALSE(test, ktest_catch_exception(write_page,
							       page_address(page + i), &info));
	}
	__free_pages(page, 3);
}

/* The freed page is on this CPU's list: the next allocation reuses it. */
static void reallocated_page_is_readable(struct ktest *test)
{
	struct exception_info info;
	struct page *page, *again;

	require_debug_pagealloc(test);
	page = alloc_page(GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, page);
	__free_page(page);
	again = alloc_page(GFP_KERNEL | __GFP_ZERO);
	KTEST_EXPECT_PTR_EQ(test, again, page);
	KTEST_EXPECT_TRUE(test, kernel_page_present(again));
	KTEST_EXPECT_FALSE(test, ktest_catch_exception(read_page, page_address(again), &info));
	KTEST_EXPECT_EQ(test, *(unsigned long *)page_address(again), 0UL);
	__free_page(again);
}

/* Pages on the per-CPU lists are free: unmapped there and after the drain. */
static void pages_on_the_cpu_lists_stay_unmapped(struct ktest *test)
{
	struct page *page;

	require_debug_pagealloc(test);
	page = alloc_page(GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, page);
	__free_page(page);
	KTEST_EXPECT_EQ(test, page_ref_count(page), 0);
	KTEST_EXPECT_FALSE(test, kernel_page_present(page));
	drain_all_pages(NULL);
	KTEST_EXPECT_FALSE(test, kernel_page_present(page));
}

/* split_page() then single frees: each page unmapped as it goes. */
static void split_pages_are_unmapped_one_by_one(struct ktest *test)
{
	struct page *page;
	unsigned long i;

	require_debug_pagealloc(test);
	page = alloc_pages(GFP_KERNEL, 2);
	KTEST_ASSERT_NOT_NULL(test, page);
	split_page(page, 2);
	for (i = 0; i < 4; i++) {
		__free_page(page + i);
		KTEST_EXPECT_FALSE(test, kernel_page_present(page + i));
		if (i < 3)
			KTEST_EXPECT_TRUE(test, kernel_page_present(page + i + 1));
	}
}

/*
 * The direct map was built from 4 KiB pages: even a 2 MiB-aligned block,
 * which would otherwise be one 2 MiB leaf, is mapped by a PTE.
 */
static void direct_map_uses_4k_pages(struct ktest *test)
{
	struct page *page;

	require_debug_pagealloc(test);
	page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, PMD_SHIFT - PAGE_SHIFT);
	if (!page)
		KTEST_SKIP(test, "no free 2 MiB block");
	dump_pagetable((unsigned long)page_address(page));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, " PTE "));
	__free_pages(page, PMD_SHIFT - PAGE_SHIFT);
}

static struct ktest_case debug_pagealloc_cases[] = {
	KTEST_CASE(read_of_a_freed_page_faults),
	KTEST_CASE(write_to_a_freed_page_faults),
	KTEST_CASE(every_page_of_a_freed_block_faults),
	KTEST_CASE(allocated_pages_are_mapped),
	KTEST_CASE(reallocated_page_is_readable),
	KTEST_CASE(pages_on_the_cpu_lists_stay_unmapped),
	KTEST_CASE(split_pages_are_unmapped_one_by_one),
	KTEST_CASE(direct_map_uses_4k_pages),
	{}
};

static struct ktest_suite debug_pagealloc_suite = {
	.name = "debug_pagealloc",
	.test_cases = debug_pagealloc_cases,
};
ktest_register_suite(debug_pagealloc_suite);
