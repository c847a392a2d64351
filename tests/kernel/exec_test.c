// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of exec's address-space layout (arch/x86_64/mmap.c): mmap_base
 * and its gap, the random parts and their bounds, PF_RANDOMIZE deciding
 * them, and /proc/sys/kernel/randomize_va_space. A case that randomises
 * sets PF_RANDOMIZE on the test's own task for its duration, as exec
 * sets it on the task it runs in.
 */
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/resource.h>
#include <asm/elf.h>
#include "vfs_test.h"

#define SZ_128M		(128UL << 20)
#define STACK_RND_MAX	(STACK_RND_MASK << PAGE_SHIFT)

struct layout_state {
	unsigned int flags;		/* current->flags before the case */
	int randomize_va_space;
};

static int layout_init(struct ktest *test)
{
	static struct layout_state st;

	st.flags = current->flags;
	st.randomize_va_space = randomize_va_space;
	/* The sysctl case opens a file: it tests the file, not failing allocations. */
	ktest_pause_fault_injection(test);
	test->priv = &st;
	return 0;
}

static void layout_exit(struct ktest *test)
{
	struct layout_state *st = test->priv;

	current->flags = st->flags;
	randomize_va_space = st->randomize_va_space;
	ktest_resume_fault_injection(test);
}

static void randomizing(bool on)
{
	if (on)
		current->flags |= PF_RANDOMIZE;
	else
		current->flags &= ~PF_RANDOMIZE;
}

static void mmap_base_gap_is_the_stack_limit_clamped(struct ktest *test)
{
	struct rlimit r = { _STK_LIM, RLIM_INFINITY };
	unsigned long guard = stack_guard_gap;

	randomizing(false);
	/* 8 MiB + the guard gap is below the 128 MiB minimum */
	KTEST_EXPECT_EQ(test, mmap_base(0, TASK_SIZE, &r), TASK_SIZE - SZ_128M);
	r.rlim_cur = 1UL << 30;
	KTEST_EXPECT_EQ(test, mmap_base(0, TASK_SIZE, &r), TASK_SIZE - (1UL << 30) - guard);
	KTEST_EXPECT_EQ(test, mmap_base(5 * PAGE_SIZE, TASK_SIZE, &r),
			TASK_SIZE - (1UL << 30) - guard - 5 * PAGE_SIZE);
	/* no limit: 5/6 of user space, without wrapping */
	r.rlim_cur = RLIM_INFINITY;
	KTEST_EXPECT_EQ(test, mmap_base(0, TASK_SIZE, &r),
			PAGE_ALIGN(TASK_SIZE - TASK_SIZE / 6 * 5));
	/* randomising, the gap leaves room for the stack top's move */
	randomizing(true);
	r.rlim_cur = 1UL << 30;
	KTEST_EXPECT_EQ(test, mmap_base(0, TASK_SIZE, &r),
			TASK_SIZE - (1UL << 30) - guard - STACK_RND_MAX);
}

static void pick_mmap_layout_randomises_only_with_pf_randomize(struct ktest *test)
{
	struct rlimit r = { _STK_LIM, RLIM_INFINITY };
	struct mm_struct a = { }, b = { };
	unsigned long top = TASK_SIZE - SZ_128M;	/* + stack pad < 128 MiB */
	int tries;

	randomizing(false);
	arch_pick_mmap_layout(&a, &r);
	KTEST_EXPECT_EQ(test, a.task_size, TASK_SIZE);
	KTEST_EXPECT_EQ(test, a.mmap_base, top);
	randomizing(true);
	for (tries = 0; tries < 3; tries++) {
		arch_pick_mmap_layout(&a, &r);
		arch_pick_mmap_layout(&b, &r);
		if (a.mmap_base != b.mmap_base)
			break;
	}
	KTEST_EXPECT_LT(test, tries, 3);
	KTEST_EXPECT_EQ(test, a.mmap_base & ~PAGE_MASK, 0UL);
	KTEST_EXPECT_LE(test, a.mmap_base, top);
	KTEST_EXPECT_GT(test, a.mmap_base, top - (1UL << (MMAP_RND_BITS + PAGE_SHIFT)));
}

static void stack_top_moves_down_at_most_16g(struct ktest *test)
{
	unsigned long t1, t2;
	int tries;

	randomizing(false);
	KTEST_EXPECT_EQ(test, randomize_stack_top(STACK_TOP), STACK_TOP);
	KTEST_EXPECT_EQ(test, randomize_stack_top(STACK_TOP - 10), STACK_TOP);
	randomizing(true);
	for (tries = 0; tries < 3; tries++) {
		t1 = randomize_stack_top(STACK_TOP);
		t2 = randomize_stack_top(STACK_TOP);
		if (t1 != t2)
			break;
	}
	KTEST_EXPECT_LT(test, tries, 3);
	KTEST_EXPECT_EQ(test, t1 & ~PAGE_MASK, 0UL);
	KTEST_EXPECT_LE(test, t1, STACK_TOP);
	KTEST_EXPECT_GE(test, t1, STACK_TOP - STACK_RND_MAX);
}

static void randomize_page_stays_in_its_range(struct ktest *test)
{
	unsigned long a;
	int i;

	KTEST_EXPECT_EQ(test, randomize_page(0x10000, PAGE_SIZE - 1), 0x10000UL);
	KTEST_EXPECT_EQ(test, randomize_page(0x10001, PAGE_SIZE), 0x11000UL);
	for (i = 0; i < 100; i++) {
		a = randomize_page(0x10001, 5 * PAGE_SIZE);
		KTEST_EXPECT_EQ(test, a & ~PAGE_MASK, 0UL);
		KTEST_EXPECT_GE(test, a, 0x11000UL);
		KTEST_EXPECT_LT(test, a, 0x15000UL);
	}
	/* near the top of the address space the range is cut, not wrapped */
	a = randomize_page(-2 * PAGE_SIZE, 16 * PAGE_SIZE);
	KTEST_EXPECT_GE(test, a, -2 * PAGE_SIZE);
}

static void brk_and_stack_alignment_are_random_within_bounds(struct ktest *test)
{
	struct mm_struct mm = { .brk = 0x600000 };
	unsigned long b, sp;
	int i;

	for (i = 0; i < 50; i++) {
		b = arch_randomize_brk(&mm);
		KTEST_EXPECT_EQ(test, b & ~PAGE_MASK, 0UL);
		KTEST_EXPECT_GE(test, b, mm.brk);
		KTEST_EXPECT_LT(test, b, mm.brk + BRK_RND_RANGE);
	}
	randomizing(false);
	KTEST_EXPECT_EQ(test, arch_align_stack(0x7fff0000123fUL), 0x7fff00001230UL);
	randomizing(true);
	for (i = 0; i < 50; i++) {
		sp = arch_align_stack(0x7fff00010000UL);
		KTEST_EXPECT_EQ(test, sp & 0xf, 0UL);
		KTEST_EXPECT_GT(test, sp, 0x7fff00010000UL - 8192 - 16);
	}
	randomize_va_space = 0;
	KTEST_EXPECT_EQ(test, arch_align_stack(0x7fff0000123fUL), 0x7fff00001230UL);
}

static void randomize_va_space_sysctl_reads_and_writes(struct ktest *test)
{
	static const char path[] = "/proc/sys/kernel/randomize_va_space";
	char buf[16] = "";

	randomize_va_space = 2;
	KTEST_ASSERT_EQ(test, vt_read_file(path, buf, sizeof(buf)), 2L);
	KTEST_EXPECT_STREQ(test, buf, "2\n");
	KTEST_EXPECT_EQ(test, vt_write_file(path, "0\n"), 2L);
	KTEST_EXPECT_EQ(test, randomize_va_space, 0);
	KTEST_EXPECT_EQ(test, vt_write_file(path, "x"), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, randomize_va_space, 0);
}

static struct ktest_case exec_layout_cases[] = {
	KTEST_CASE(mmap_base_gap_is_the_stack_limit_clamped),
	KTEST_CASE(pick_mmap_layout_randomises_only_with_pf_randomize),
	KTEST_CASE(stack_top_moves_down_at_most_16g),
	KTEST_CASE(randomize_page_stays_in_its_range),
	KTEST_CASE(brk_and_stack_alignment_are_random_within_bounds),
	KTEST_CASE(randomize_va_space_sysctl_reads_and_writes),
	{}
};

static struct ktest_suite exec_layout_suite = {
	.name = "exec_layout",
	.init = layout_init,
	.exit = layout_exit,
	.test_cases = exec_layout_cases,
};
ktest_register_suite(exec_layout_suite);
