// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the exception table (asm/extable.h, arch/x86_64/extable.c,
 * lib/extable.c): the kernel's table is sorted and every entry is found by
 * the binary search, addresses without an entry are not, and a kernel
 * fault on an instruction with an entry resumes at its fixup without an
 * oops, for a page fault and for a general protection fault. The entries of
 * this file's own probes are in the kernel's table like any other.
 */
#include <linux/ktest.h>
#include <asm/asm.h>
#include <asm/extable.h>
#include <asm/page.h>
#include <asm/ptrace.h>
#include <asm/sections.h>
#include <asm/traps.h>

/* Load from @addr; return 1 if the load faulted and the fixup ran. */
static noinline int load_or_fixup(unsigned long addr, unsigned long *val)
{
	int faulted = 1;

	__asm__ __volatile__("1: movq (%[addr]), %[val]\n"
			     "   movl $0, %[faulted]\n"
			     "2:\n"
			     _ASM_EXTABLE(1b, 2b)
			     : [val] "=&r"(*val), [faulted] "+r"(faulted)
			     : [addr] "r"(addr)
			     : "memory");
	return faulted;
}

/* The entry of load_or_fixup()'s load: the one entry inside its body. */
static const struct exception_table_entry *probe_entry(void)
{
	const struct exception_table_entry *e;
	unsigned long start = (unsigned long)load_or_fixup;

	for (e = __start___ex_table; e < __stop___ex_table; e++)
		if (ex_to_insn(e) >= start && ex_to_insn(e) < start + 64)
			return e;
	return NULL;
}

static void the_table_is_sorted_by_instruction(struct ktest *test)
{
	const struct exception_table_entry *e;

	KTEST_ASSERT_GT(test, (long)(__stop___ex_table - __start___ex_table), 1L);
	for (e = __start___ex_table + 1; e < __stop___ex_table; e++)
		KTEST_EXPECT_LE(test, ex_to_insn(e - 1), ex_to_insn(e));
}

/* Every entry points into the kernel's text, and the search finds it. */
static void every_entry_is_found(struct ktest *test)
{
	const struct exception_table_entry *e, *found;

	for (e = __start___ex_table; e < __stop___ex_table; e++) {
		KTEST_EXPECT_GE(test, ex_to_insn(e), (unsigned long)_text);
		KTEST_EXPECT_LT(test, ex_to_insn(e), (unsigned long)_etext);
		KTEST_EXPECT_GE(test, ex_fixup_addr(e), (unsigned long)_text);
		KTEST_EXPECT_LT(test, ex_fixup_addr(e), (unsigned long)_etext);
		found = search_exception_tables(ex_to_insn(e));
		KTEST_EXPECT_TRUE(test, found && ex_to_insn(found) == ex_to_insn(e));
	}
}

/* One byte into an instruction, a function's start, nothing: no entry. */
static void addresses_without_an_entry_are_not_found(struct ktest *test)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++)
		if (e + 1 == __stop___ex_table || ex_to_insn(e + 1) != ex_to_insn(e) + 1)
			KTEST_EXPECT_NULL(test, search_exception_tables(ex_to_insn(e) + 1));
	KTEST_EXPECT_NULL(test, search_exception_tables((unsigned long)load_or_fixup));
	KTEST_EXPECT_NULL(test, search_exception_tables((unsigned long)_text));
	KTEST_EXPECT_NULL(test, search_exception_tables(0));
	KTEST_EXPECT_NULL(test, search_exception_tables(~0UL));
}

/* Copy @e to @to, offsets rewritten for the new place. */
static void copy_entry(struct exception_table_entry *to, const struct exception_table_entry *e)
{
	to->insn = (int)(ex_to_insn(e) - (unsigned long)&to->insn);
	to->fixup = (int)(ex_fixup_addr(e) - (unsigned long)&to->fixup);
	to->data = e->data;
}

/*
 * The linker happens to emit the table in order, so the boot-time sort
 * has little to do: sort a reversed copy of the table here, and check
 * that every entry still names its instruction and fixup and is found.
 */
static void sort_extable_orders_a_reversed_copy(struct ktest *test)
{
	static struct exception_table_entry copy[128];
	size_t n = __stop___ex_table - __start___ex_table, i;

	KTEST_ASSERT_LE(test, n, ARRAY_SIZE(copy));
	for (i = 0; i < n; i++)
		copy_entry(&copy[i], &__start___ex_table[n - 1 - i]);
	sort_extable(copy, copy + n);
	for (i = 0; i < n; i++) {
		KTEST_EXPECT_EQ(test, ex_to_insn(&copy[i]), ex_to_insn(&__start___ex_table[i]));
		KTEST_EXPECT_EQ(test, ex_fixup_addr(&copy[i]), ex_fixup_addr(&__start___ex_table[i]));
		KTEST_EXPECT_EQ(test, copy[i].data, __start___ex_table[i].data);
		KTEST_EXPECT_PTR_EQ(test, search_extable(copy, n, ex_to_insn(&copy[i])), &copy[i]);
	}
}

/* A page fault on the probe's load resumes at its fixup: no oops. */
static void a_page_fault_on_an_entry_resumes_at_its_fixup(struct ktest *test)
{
	static unsigned long word = 0x1122334455667788UL;
	unsigned long before = oops_count, val = 0;

	/* Page 0 is never RAM: its direct-map address faults (traps_test.c). */
	KTEST_EXPECT_EQ(test, load_or_fixup(PAGE_OFFSET, &val), 1);
	KTEST_EXPECT_EQ(test, load_or_fixup((unsigned long)&word, &val), 0);
	KTEST_EXPECT_EQ(test, val, word);
	KTEST_EXPECT_EQ(test, oops_count, before);
}

/* A non-canonical address raises #GP; the default handler fixes it up too. */
static void a_general_protection_fault_on_an_entry_resumes_at_its_fixup(struct ktest *test)
{
	unsigned long before = oops_count, val;

	KTEST_EXPECT_EQ(test, load_or_fixup(0x8000000000000000UL, &val), 1);
	KTEST_EXPECT_EQ(test, oops_count, before);
}

/* fixup_exception() moves the ip to the fixup, and only for an entry. */
static void fixup_exception_moves_only_ips_with_an_entry(struct ktest *test)
{
	const struct exception_table_entry *e = probe_entry();
	struct pt_regs regs = { 0 };

	KTEST_ASSERT_NOT_NULL(test, e);
	KTEST_EXPECT_EQ(test, e->data, EX_TYPE_DEFAULT);
	regs.ip = ex_to_insn(e);
	KTEST_EXPECT_EQ(test, fixup_exception(&regs, X86_TRAP_PF, 0, PAGE_OFFSET), 1);
	KTEST_EXPECT_EQ(test, regs.ip, ex_fixup_addr(e));
	regs.ip = (unsigned long)load_or_fixup;
	KTEST_EXPECT_EQ(test, fixup_exception(&regs, X86_TRAP_PF, 0, PAGE_OFFSET), 0);
	KTEST_EXPECT_EQ(test, regs.ip, (unsigned long)load_or_fixup);
}

static struct ktest_case extable_cases[] = {
	KTEST_CASE(the_table_is_sorted_by_instruction),
	KTEST_CASE(every_entry_is_found),
	KTEST_CASE(addresses_without_an_entry_are_not_found),
	KTEST_CASE(sort_extable_orders_a_reversed_copy),
	KTEST_CASE(a_page_fault_on_an_entry_resumes_at_its_fixup),
	KTEST_CASE(a_general_protection_fault_on_an_entry_resumes_at_its_fixup),
	KTEST_CASE(fixup_exception_moves_only_ips_with_an_entry),
	{}
};

static struct ktest_suite extable_suite = {
	.name = "extable",
	.test_cases = extable_cases,
};
ktest_register_suite(extable_suite);
