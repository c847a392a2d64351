// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the DEBUG_VM checks (include/linux/mmdebug.h) and the dumps they
 * print (mm/debug.c). Which behaviour is right depends on the build, so the
 * cases choose at compile time: with CONFIG_DEBUG_VM a failed check BUGs
 * (caught here with ktest_catch_exception(), as tests/kernel/traps_test.c
 * does) or WARNs, after dumping its object; without it the condition is
 * not even evaluated, which a side-effect counter shows.
 */
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/mmdebug.h>
#include <linux/gfp.h>
#include <linux/bug.h>
#include <linux/fault-inject.h>
#include <asm/traps.h>

/* A page for a case, or the case skips under fail_page_alloc= (fails otherwise). */
#define ALLOC_TEST_PAGE(test, page) do {					\
	(page) = alloc_page(GFP_KERNEL);					\
	if (!(page) && fail_page_alloc_enabled)					\
		KTEST_SKIP(test, "alloc_page failed under fail_page_alloc");	\
	KTEST_ASSERT_NOT_NULL(test, page);					\
} while (0)

/* How many times a check's condition was evaluated. */
static unsigned int evaluated;

static bool count(bool cond)
{
	evaluated++;
	return cond;
}

static noinline void vm_bug_on_page_true(void *page)
{
	VM_BUG_ON_PAGE(count(page_ref_count(page) == 1), page);
}

static noinline void vm_bug_on_folio_true(void *page)
{
	struct folio *folio = page_folio((struct page *)page);

	VM_BUG_ON_FOLIO(count(folio_ref_count(folio) == 1), folio);
}

static noinline void vm_bug_on_mm_true(void *mm)
{
	VM_BUG_ON_MM(count(((struct mm_struct *)mm)->pgd != NULL), (struct mm_struct *)mm);
}

static noinline void vm_bug_on_true(void *arg)
{
	VM_BUG_ON(count(arg != NULL));
}

static noinline void folio_get_on_page(void *page)
{
	folio_get(page_folio((struct page *)page));
}

/*
 * Run @fn(@arg), a check whose condition holds: with DEBUG_VM it must BUG
 * (an invalid-opcode trap) after its report names @fn and @what; without,
 * it must return without evaluating the condition.
 */
static void expect_vm_bug(struct ktest *test, void (*fn)(void *), void *arg, const char *what)
{
	struct exception_info info;
	bool caught;

	evaluated = 0;
	caught = ktest_catch_exception(fn, arg, &info);
#ifdef CONFIG_DEBUG_VM
	KTEST_EXPECT_TRUE(test, caught);
	if (caught)
		KTEST_EXPECT_EQ(test, info.vector, X86_TRAP_UD);
	KTEST_EXPECT_EQ(test, evaluated, 1u);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, what));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
			  "kernel BUG at tests/kernel/mmdebug_test.c:"));
#else
	KTEST_EXPECT_FALSE(test, caught);
	KTEST_EXPECT_EQ(test, evaluated, 0u);
#endif
}

static void vm_bug_on_page_dumps_the_page(struct ktest *test)
{
	struct page *page;

	ALLOC_TEST_PAGE(test, page);
	expect_vm_bug(test, vm_bug_on_page_true, page,
		      "vm_bug_on_page_true: VM_BUG_ON_PAGE(count(page_ref_count(page) == 1))");
#ifdef CONFIG_DEBUG_VM
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "refcount:1 mapcount:0"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
			  "page dumped because: VM_BUG_ON_PAGE(count(page_ref_count(page) == 1))"));
#endif
	__free_page(page);
}

static void vm_bug_on_folio_dumps_the_head_and_its_order(struct ktest *test)
{
	struct folio *folio = folio_alloc(GFP_KERNEL, 2);

	if (!folio && fail_page_alloc_enabled)
		KTEST_SKIP(test, "folio_alloc failed under fail_page_alloc");
	KTEST_ASSERT_NOT_NULL(test, folio);
	expect_vm_bug(test, vm_bug_on_folio_true, folio_page(folio, 3),
		      "vm_bug_on_folio_true: VM_BUG_ON_FOLIO(");
#ifdef CONFIG_DEBUG_VM
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
			  "order:2 entire_mapcount:0 nr_pages_mapped:0 pincount:0"));
#endif
	folio_put(folio);
}

static void vm_bug_on_mm_dumps_the_mm(struct ktest *test)
{
	expect_vm_bug(test, vm_bug_on_mm_true, &init_mm, "vm_bug_on_mm_true: VM_BUG_ON_MM(");
#ifdef CONFIG_DEBUG_VM
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, " mm_users "));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, " pgtables_bytes "));
#endif
}

static void vm_bug_on_names_the_function_and_invariant(struct ktest *test)
{
	expect_vm_bug(test, vm_bug_on_true, test,
		      "vm_bug_on_true: VM_BUG_ON(count(arg != NULL))");
}

static void vm_bug_on_false_does_nothing(struct ktest *test)
{
	struct exception_info info;

	evaluated = 0;
	KTEST_EXPECT_FALSE(test, ktest_catch_exception(vm_bug_on_true, NULL, &info));
#ifdef CONFIG_DEBUG_VM
	KTEST_EXPECT_EQ(test, evaluated, 1u);
#else
	KTEST_EXPECT_EQ(test, evaluated, 0u);
#endif
}

static void vm_warn_on_once_warns_once(struct ktest *test)
{
	unsigned long before = warn_count;
	struct page *page;
	int i;

	ALLOC_TEST_PAGE(test, page);
	evaluated = 0;
	for (i = 0; i < 3; i++) {
		VM_WARN_ON_ONCE(count(true));
		VM_WARN_ON_ONCE_PAGE(count(true), page);
	}
	VM_WARN_ON(count(true));
	VM_WARN_ONCE(count(true), "mmdebug: %d\n", i);
	VM_WARN_ON_FOLIO(count(true), page_folio(page));
#ifdef CONFIG_DEBUG_VM
	KTEST_EXPECT_EQ(test, evaluated, 9u);
	KTEST_EXPECT_EQ(test, warn_count, before + 5);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
			  "page dumped because: VM_WARN_ON_ONCE_PAGE(count(true))"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "mmdebug: 3"));
#else
	KTEST_EXPECT_EQ(test, evaluated, 0u);
	KTEST_EXPECT_EQ(test, warn_count, before);
#endif
	__free_page(page);
}

/* An invariant of mm code: a reference is taken only on a folio that has one. */
static void folio_get_on_a_free_folio_is_caught(struct ktest *test)
{
	struct exception_info info;
	struct page *page;
	bool caught;

	ALLOC_TEST_PAGE(test, page);
	set_page_count(page, 0);	/* as if freed under the caller */
	caught = ktest_catch_exception(folio_get_on_page, page, &info);
#ifdef CONFIG_DEBUG_VM
	KTEST_EXPECT_TRUE(test, caught);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
			  "folio_get: VM_BUG_ON_FOLIO(folio_ref_count(folio) <= 0)"));
	KTEST_EXPECT_EQ(test, page_ref_count(page), 0);
#else
	KTEST_EXPECT_FALSE(test, caught);
	KTEST_EXPECT_EQ(test, page_ref_count(page), 1);
#endif
	set_page_count(page, 1);
	__free_page(page);
}

static struct ktest_case mmdebug_cases[] = {
	KTEST_CASE(vm_bug_on_page_dumps_the_page),
	KTEST_CASE(vm_bug_on_folio_dumps_the_head_and_its_order),
	KTEST_CASE(vm_bug_on_mm_dumps_the_mm),
	KTEST_CASE(vm_bug_on_names_the_function_and_invariant),
	KTEST_CASE(vm_bug_on_false_does_nothing),
	KTEST_CASE(vm_warn_on_once_warns_once),
	KTEST_CASE(folio_get_on_a_free_folio_is_caught),
	{}
};

static struct ktest_suite mmdebug_suite = {
	.name = "mmdebug",
	.test_cases = mmdebug_cases,
};
ktest_register_suite(mmdebug_suite);
