// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the address-space groundwork: the mm_struct life cycle
 * (kernel/fork.c) and the VMA tree (mm/mmap.c), without user mode, as
 * Linux's tools/testing/vma tests its VMA code without processes.
 *
 * Each case makes its own mm with mm_alloc() (struct test_mm), takes its
 * mmap_lock for writing and maps VMAs with test_map(): anonymous unless
 * told, flags read|write|mayread|maywrite by default. At the end
 * test_mm_put() checks validate_mm()'s invariants once more (in every
 * build: check_vmas()), drops the mm, and the suite's exit compares the
 * vm_area_struct and mm_struct objects in use, the free pages and the
 * page-table pages with what they were before the case.
 *
 * The randomised case keeps a model: one byte per page of a window
 * (0 = free, else the VMA's "colour", its flags), and checks the tree
 * against it after every step, free-range searches included (the model
 * answers them by scanning).
 */
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <linux/sprintf.h>
#include <linux/fault-inject.h>
#include <asm/traps.h>
#include <linux/rmap.h>
#include <linux/fs.h>
#include "../../mm/slab.h"
#include "mm_test.h"

#define DEFAULT_FLAGS	(VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE)
#define BASE		0x10000000UL	/* where the cases map */
#define P(n)		(BASE + (n) * PAGE_SIZE)
#define MMAP_BASE	(TASK_SIZE - (128UL << 20))

struct baseline {
	unsigned long vmas, mms, anon_vmas, chains, free, tables;
};

static struct baseline case_baseline;

static void take_baseline(struct baseline *b)
{
	b->vmas = objects_in_use(vm_area_cachep);
	b->mms = objects_in_use(mm_cachep);
	b->anon_vmas = objects_in_use(anon_vma_cachep);
	b->chains = objects_in_use(anon_vma_chain_cachep);
	b->free = free_pages_shrunk();
	b->tables = global_zone_page_state(NR_PAGETABLE);
}

static void expect_baseline(struct ktest *test, const struct baseline *b)
{
	KTEST_EXPECT_EQ(test, objects_in_use(vm_area_cachep), b->vmas);
	KTEST_EXPECT_EQ(test, objects_in_use(mm_cachep), b->mms);
	KTEST_EXPECT_EQ(test, objects_in_use(anon_vma_cachep), b->anon_vmas);
	KTEST_EXPECT_EQ(test, objects_in_use(anon_vma_chain_cachep), b->chains);
	KTEST_EXPECT_EQ(test, global_zone_page_state(NR_PAGETABLE), b->tables);
	KTEST_EXPECT_EQ(test, free_pages_shrunk(), b->free);
}

/*
 * Stand-ins for two open files: a file VMA joins f_mapping's i_mmap, and
 * holds a reference (never the last: f_count starts at 1).
 */
static struct address_space test_mappings[2];
static struct file test_files[2] = {
	{ .f_count = ATOMIC_INIT(1), .f_mapping = &test_mappings[0] },
	{ .f_count = ATOMIC_INIT(1), .f_mapping = &test_mappings[1] },
};

static int mmap_test_init(struct ktest *test)
{
	address_space_init_once(&test_mappings[0]);
	address_space_init_once(&test_mappings[1]);
	ktest_pause_fault_injection(test);
	take_baseline(&case_baseline);
	return 0;
}

static void mmap_test_exit(struct ktest *test)
{
	expect_baseline(test, &case_baseline);
	ktest_resume_fault_injection(test);
}

/*
 * validate_mm()'s checks in every build, counting instead of BUG: the
 * cases call it after each step. Return: the number of broken invariants.
 */
static unsigned int check_vmas(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *prev = NULL;
	struct rb_node *node = rb_first(&mm->mm_rb);
	unsigned int bad = 0;
	int count = 0;

	for (vma = mm->mmap; vma; prev = vma, vma = vma->vm_next, node = rb_next(node)) {
		unsigned long gap = 0, start = prev ? prev->vm_end : 0;
		struct rb_node *c[2] = { vma->vm_rb.rb_left, vma->vm_rb.rb_right };
		int i;

		bad += node != &vma->vm_rb || vma->vm_prev != prev || vma->vm_mm != mm;
		bad += vma->vm_start >= vma->vm_end || (prev && prev->vm_end > vma->vm_start);
		if (vm_start_gap(vma) > start)
			gap = vm_start_gap(vma) - start;
		for (i = 0; i < 2; i++)
			if (c[i])
				gap = max(gap, rb_entry(c[i], struct vm_area_struct,
							vm_rb)->rb_subtree_gap);
		bad += vma->rb_subtree_gap != gap;
		count++;
	}
	bad += node != NULL || count != mm->map_count;
	bad += mm->highest_vm_end != (prev ? prev->vm_end : 0);
	return bad;
}

struct test_mm {
	struct mm_struct *mm;
};

static struct mm_struct *test_mm_get(struct ktest *test)
{
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(test, mm);
	mm->task_size = TASK_SIZE;
	mm->mmap_base = MMAP_BASE;
	mmap_write_lock(mm);
	return mm;
}

static void test_mm_put(struct ktest *test, struct mm_struct *mm)
{
	KTEST_EXPECT_EQ(test, check_vmas(mm), 0u);
	mmap_write_unlock(mm);
	mmput(mm);
}

/* Map [start, end) with @flags; anonymous, pgoff = start's page unless @file. */
static struct vm_area_struct *test_map_file(struct ktest *test, struct mm_struct *mm,
					    unsigned long start, unsigned long end,
					    unsigned long flags, struct file *file, pgoff_t pgoff)
{
	struct vm_area_struct *vma = vm_area_alloc(mm);

	KTEST_ASSERT_NOT_NULL(test, vma);
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = flags;
	vma->vm_file = file ? get_file(file) : NULL;
	vma->vm_pgoff = pgoff;
	if (insert_vm_struct(mm, vma)) {
		if (file)
			fput(file);
		vm_area_free(vma);
		return NULL;
	}
	vm_stat_account(mm, flags, vma_pages(vma));
	return vma;
}

static struct vm_area_struct *test_map(struct ktest *test, struct mm_struct *mm,
				       unsigned long start, unsigned long end)
{
	return test_map_file(test, mm, start, end, DEFAULT_FLAGS, NULL, 0);
}

/* The VMAs of @mm as "start-end" page numbers relative to BASE: "0-2 4-6". */
static const char *layout(struct mm_struct *mm)
{
	static char buf[256];
	struct vm_area_struct *vma;
	int len = 0;

	buf[0] = '\0';
	for (vma = mm->mmap; vma; vma = vma->vm_next)
		len += scnprintf(buf + len, sizeof(buf) - len, "%s%ld-%ld", len ? " " : "",
				 (long)(vma->vm_start - BASE) >> PAGE_SHIFT,
				 (long)(vma->vm_end - BASE) >> PAGE_SHIFT);
	return buf;
}

/* mm life cycle */

static void mm_alloc_and_mmput_leave_nothing_behind(struct ktest *test)
{
	struct baseline b;
	int i;

	take_baseline(&b);
	for (i = 0; i < 20; i++) {
		struct mm_struct *mm = test_mm_get(test);

		KTEST_EXPECT_EQ(test, atomic_read(&mm->mm_users), 1);
		KTEST_EXPECT_EQ(test, atomic_read(&mm->mm_count), 1);
		KTEST_EXPECT_NOT_NULL(test, mm->pgd);
		KTEST_EXPECT_NULL(test, mm->mmap);
		test_map(test, mm, P(0), P(4));
		test_map(test, mm, P(8), P(9));
		KTEST_EXPECT_EQ(test, global_zone_page_state(NR_PAGETABLE), b.tables + 1);
		test_mm_put(test, mm);
	}
	expect_baseline(test, &b);
}

static void mmgrab_keeps_the_struct_after_the_last_mmput(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);
	unsigned long vmas;

	test_map(test, mm, P(0), P(2));
	mmap_write_unlock(mm);
	mmgrab(mm);
	vmas = objects_in_use(vm_area_cachep);
	mmput(mm);				/* the VMAs go, the struct stays */
	KTEST_EXPECT_EQ(test, objects_in_use(vm_area_cachep), vmas - 1);
	KTEST_EXPECT_EQ(test, atomic_read(&mm->mm_users), 0);
	KTEST_EXPECT_EQ(test, atomic_read(&mm->mm_count), 1);
	KTEST_EXPECT_NULL(test, mm->mmap);
	KTEST_EXPECT_EQ(test, mm->map_count, 0);
	KTEST_EXPECT_FALSE(test, mmget_not_zero(mm));
	mmdrop(mm);
}

static void mmget_keeps_the_vmas_until_the_last_user(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);

	test_map(test, mm, P(0), P(2));
	KTEST_EXPECT_TRUE(test, mmget_not_zero(mm));
	mmget(mm);
	mmap_write_unlock(mm);
	mmput(mm);
	mmput(mm);
	KTEST_EXPECT_EQ(test, atomic_read(&mm->mm_users), 1);
	KTEST_EXPECT_EQ(test, mm->map_count, 1);
	mmap_write_lock(mm);
	test_mm_put(test, mm);
}

static void check_mm_reports_bad_rss_counters(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);

	add_mm_counter(mm, MM_ANONPAGES, 3);
	inc_mm_counter(mm, MM_SHMEMPAGES);
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 3ul);
	test_mm_put(test, mm);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "BUG: Bad rss-counter state mm:"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, " type:MM_ANONPAGES val:3"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, " type:MM_SHMEMPAGES val:1"));
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "type:MM_FILEPAGES"));
}

static void check_mm_reports_nonzero_pgtables_bytes(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);

	atomic_long_add(PAGE_SIZE, &mm->pgtables_bytes);
	test_mm_put(test, mm);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
			  "BUG: non-zero pgtables_bytes on freeing mm: 4096"));
}

static void mm_alloc_fails_cleanly_without_memory(struct ktest *test)
{
	struct failslab_attr saved_slab = failslab;
	struct fail_page_alloc_attr saved_pages = fail_page_alloc;
	bool was = failslab_enabled;
	struct mm_struct *mm;

	fail_slab_always(0);
	mm = mm_alloc();
	failslab_enabled = was;
	failslab = saved_slab;
	KTEST_EXPECT_NULL(test, mm);
	was = fail_page_alloc_enabled;
	fail_pages_always(0, 0);
	mm = mm_alloc();			/* the pgd cannot come */
	fail_page_alloc_enabled = was;
	fail_page_alloc = saved_pages;
	KTEST_EXPECT_NULL(test, mm);
	if (mm)
		mmput(mm);
}

/* lookups */

static void find_vma_family_answers_by_address(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);
	struct vm_area_struct *a, *b, *prev;

	KTEST_EXPECT_NULL(test, find_vma(mm, 0));
	KTEST_EXPECT_NULL(test, find_vma_prev(mm, P(0), &prev));
	KTEST_EXPECT_NULL(test, prev);
	a = test_map(test, mm, P(2), P(4));
	b = test_map(test, mm, P(8), P(10));
	KTEST_EXPECT_PTR_EQ(test, find_vma(mm, 0), a);
	KTEST_EXPECT_PTR_EQ(test, find_vma(mm, P(3) + 5), a);
	KTEST_EXPECT_PTR_EQ(test, find_vma(mm, P(4)), b);
	KTEST_EXPECT_NULL(test, find_vma(mm, P(10)));
	KTEST_EXPECT_PTR_EQ(test, find_vma_prev(mm, P(5), &prev), b);
	KTEST_EXPECT_PTR_EQ(test, prev, a);
	KTEST_EXPECT_NULL(test, find_vma_prev(mm, P(12), &prev));
	KTEST_EXPECT_PTR_EQ(test, prev, b);			/* the last one */
	KTEST_EXPECT_NULL(test, vma_lookup(mm, P(5)));
	KTEST_EXPECT_PTR_EQ(test, vma_lookup(mm, P(9)), b);
	KTEST_EXPECT_NULL(test, find_vma_intersection(mm, P(4), P(8)));
	KTEST_EXPECT_PTR_EQ(test, find_vma_intersection(mm, P(4), P(8) + 1), b);
	KTEST_EXPECT_PTR_EQ(test, find_vma_intersection(mm, P(0), P(20)), a);
	test_mm_put(test, mm);
}

static void insert_vm_struct_refuses_overlaps_and_keeps_order(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);
	struct vm_area_struct *vma;
	int i;

	for (i = 9; i >= 0; i--)		/* from the top down: every insert at the front */
		test_map(test, mm, P(3 * i), P(3 * i + 2));
	KTEST_EXPECT_EQ(test, mm->map_count, 10);
	KTEST_EXPECT_EQ(test, mm->highest_vm_end, P(29));
	KTEST_EXPECT_EQ(test, check_vmas(mm), 0u);
	KTEST_EXPECT_EQ(test, mm->mmap->vm_pgoff, BASE >> PAGE_SHIFT);
	KTEST_EXPECT_NULL(test, test_map(test, mm, P(1), P(2)));
	KTEST_EXPECT_NULL(test, test_map(test, mm, P(2) - PAGE_SIZE, P(4)));
	KTEST_EXPECT_NULL(test, test_map(test, mm, 0, P(40)));
	KTEST_EXPECT_NOT_NULL(test, vma = test_map(test, mm, P(2), P(3)));	/* a hole exactly */
	KTEST_EXPECT_EQ(test, mm->map_count, 11);
	KTEST_EXPECT_STREQ(test, layout(mm),
			   "0-2 2-3 3-5 6-8 9-11 12-14 15-17 18-20 21-23 24-26 27-29");
	test_mm_put(test, mm);
}

static void vm_stat_account_counts_by_kind_and_munmap_uncounts(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);

	test_map_file(test, mm, P(0), P(2), VM_READ | VM_EXEC, NULL, 0);
	test_map_file(test, mm, P(4), P(7), VM_READ | VM_WRITE, NULL, 0);
	test_map_file(test, mm, P(8), P(12), VM_READ | VM_WRITE | VM_GROWSDOWN, NULL, 0);
	test_map_file(test, mm, P(20), P(21), VM_READ, NULL, 0);
	KTEST_EXPECT_EQ(test, mm->total_vm, 10ul);
	KTEST_EXPECT_EQ(test, mm->exec_vm, 2ul);
	KTEST_EXPECT_EQ(test, mm->data_vm, 3ul);
	KTEST_EXPECT_EQ(test, mm->stack_vm, 4ul);
	KTEST_EXPECT_EQ(test, do_munmap(mm, P(5), PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, mm->data_vm, 2ul);
	KTEST_EXPECT_EQ(test, do_munmap(mm, P(0), P(30) - P(0)), 0);
	KTEST_EXPECT_EQ(test, mm->total_vm, 0ul);
	KTEST_EXPECT_EQ(test, mm->exec_vm + mm->data_vm + mm->stack_vm, 0ul);
	test_mm_put(test, mm);
}

/* vma_merge: the eight cases, and what must not merge */

static void merge_case_1_fills_a_hole_joining_both(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);
	struct vm_area_struct *prev = test_map(test, mm, P(0), P(2));
	unsigned long vmas;

	test_map(test, mm, P(4), P(6));
	vmas = objects_in_use(vm_area_cachep);
	KTEST_EXPECT_PTR_EQ(test, vma_merge(mm, prev, P(2), P(4), DEFAULT_FLAGS, NULL, NULL,
					    P(2) >> PAGE_SHIFT), prev);
	KTEST_EXPECT_STREQ(test, layout(mm), "0-6");
	KTEST_EXPECT_EQ(test, mm->map_count, 1);
	KTEST_EXPECT_EQ(test, objects_in_use(vm_area_cachep), vmas - 1);
	test_mm_put(test, mm);
}

static void merge_case_2_fills_a_hole_joining_prev(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);
	struct vm_area_struct *prev = test_map(test, mm, P(0), P(2));

	test_map_file(test, mm, P(4), P(6), VM_READ, NULL, 0);	/* unlike */
	KTEST_EXPECT_PTR_EQ(test, vma_merge(mm, prev, P(2), P(3), DEFAULT_FLAGS, NULL, NULL,
					    P(2) >> PAGE_SHIFT), prev);
	KTEST_EXPECT_STREQ(test, layout(mm), "0-3 4-6");
	test_mm_put(test, mm);
}

static void merge_case_3_fills_a_hole_joining_next(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);
	struct vm_area_struct *prev, *next;

	prev = test_map_file(test, mm, P(0), P(2), VM_READ, NULL, 0);
	next = test_map(test, mm, P(4), P(6));
	KTEST_EXPECT_PTR_EQ(test, vma_merge(mm, prev, P(3), P(4), DEFAULT_FLAGS, NULL, NULL,
					    P(3) >> PAGE_SHIFT), next);
	KTEST_EXPECT_STREQ(test, layout(mm), "0-2 3-6");
	KTEST_EXPECT_EQ(test, next->vm_pgoff, P(3) >> PAGE_SHIFT);
	test_mm_put(test, mm);
}

/* mprotect of prev's tail to next's flags: the tail moves to next. */
static void merge_case_4_moves_prevs_tail_to_next(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);
	struct vm_area_struct *prev, *next;

	prev = test_map_file(test, mm, P(0), P(4), VM_READ, NULL, 0);
	next = test_map(test, mm, P(4), P(6));
	KTEST_EXPECT_PTR_EQ(test, vma_merge(mm, prev, P(2), P(4), DEFAULT_FLAGS, NULL, NULL,
					    P(2) >> PAGE_SHIFT), next);
	KTEST_EXPECT_STREQ(test, layout(mm), "0-2 2-6");
	KTEST_EXPECT_EQ(test, prev->vm_end, P(2));
	KTEST_EXPECT_EQ(test, next->vm_pgoff, P(2) >> PAGE_SHIFT);
	test_mm_put(test, mm);
}

/* mprotect of next's head to prev's flags: the head moves to prev. */
static void merge_case_5_moves_nexts_head_to_prev(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);
	struct vm_area_struct *prev, *next;

	prev = test_map(test, mm, P(0), P(2));
	next = test_map_file(test, mm, P(2), P(6), VM_READ, NULL, 0);
	KTEST_EXPECT_PTR_EQ(test, vma_merge(mm, prev, P(2), P(3), DEFAULT_FLAGS, NULL, NULL,
					    P(2) >> PAGE_SHIFT), prev);
	KTEST_EXPECT_STREQ(test, layout(mm), "0-3 3-6");
	KTEST_EXPECT_EQ(test, next->vm_start, P(3));
	KTEST_EXPECT_EQ(test, next->vm_pgoff, P(3) >> PAGE_SHIFT);
	test_mm_put(test, mm);
}

static void merge_case_6_makes_three_one(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);
	struct vm_area_struct *prev = test_map(test, mm, P(0), P(2));
	unsigned long vmas;

	test_map_file(test, mm, P(2), P(4), VM_READ, NULL, 0);
	test_map(test, mm, P(4), P(6));
	vmas = objects_in_use(vm_area_cachep);
	KTEST_EXPECT_PTR_EQ(test, vma_merge(mm, prev, P(2), P(4), DEFAULT_FLAGS, NULL, NULL,
					    P(2) >> PAGE_SHIFT), prev);
	KTEST_EXPECT_STREQ(test, layout(mm), "0-6");
	KTEST_EXPECT_EQ(test, objects_in_use(vm_area_cachep), vmas - 2);
	test_mm_put(test, mm);
}

static void merge_case_7_absorbs_the_vma_into_prev(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);
	struct vm_area_struct *prev = test_map(test, mm, P(0), P(2));

	test_map_file(test, mm, P(2), P(4), VM_READ, NULL, 0);
	test_map_file(test, mm, P(4), P(6), VM_READ | VM_EXEC, NULL, 0);
	KTEST_EXPECT_PTR_EQ(test, vma_merge(mm, prev, P(2), P(4), DEFAULT_FLAGS, NULL, NULL,
					    P(2) >> PAGE_SHIFT), prev);
	KTEST_EXPECT_STREQ(test, layout(mm), "0-4 4-6");
	test_mm_put(test, mm);
}

static void merge_case_8_absorbs_the_vma_into_next(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);
	struct vm_area_struct *prev, *next;

	prev = test_map_file(test, mm, P(0), P(2), VM_READ | VM_EXEC, NULL, 0);
	test_map_file(test, mm, P(2), P(4), VM_READ, NULL, 0);
	next = test_map(test, mm, P(4), P(6));
	KTEST_EXPECT_PTR_EQ(test, vma_merge(mm, prev, P(2), P(4), DEFAULT_FLAGS, NULL, NULL,
					    P(2) >> PAGE_SHIFT), next);
	KTEST_EXPECT_STREQ(test, layout(mm), "0-2 2-6");
	KTEST_EXPECT_EQ(test, next->vm_pgoff, P(2) >> PAGE_SHIFT);
	test_mm_put(test, mm);
}

static void close_counter(struct vm_area_struct *vma)
{
	(*(int *)vma->vm_private_data)++;
}

static const struct vm_operations_struct counted_ops = {
	.open = close_counter,
	.close = close_counter,
};

static void merge_refuses_unlike_neighbours(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);
	struct file *file = &test_files[0], *other = &test_files[1];
	struct vm_area_struct *prev, *next;
	struct anon_vma *av1;
	int calls = 0;

	prev = test_map_file(test, mm, P(0), P(2), DEFAULT_FLAGS, file, 10);
	next = test_map_file(test, mm, P(4), P(6), DEFAULT_FLAGS, file, 14);
	/* another file, a gap in the file offsets, other flags, VM_SPECIAL */
	KTEST_EXPECT_NULL(test, vma_merge(mm, prev, P(2), P(4), DEFAULT_FLAGS, NULL, other, 12));
	KTEST_EXPECT_NULL(test, vma_merge(mm, prev, P(2), P(3), DEFAULT_FLAGS, NULL, file, 13));
	KTEST_EXPECT_NULL(test, vma_merge(mm, prev, P(2), P(4), VM_READ, NULL, file, 12));
	KTEST_EXPECT_NULL(test, vma_merge(mm, prev, P(2), P(4), DEFAULT_FLAGS | VM_IO, NULL,
					  file, 12));
	/* different anon_vmas; a vm_ops with close() */
	KTEST_ASSERT_EQ(test, anon_vma_prepare(prev), 0);
	KTEST_ASSERT_EQ(test, anon_vma_prepare(next), 0);
	av1 = prev->anon_vma;
	KTEST_EXPECT_PTR_NE(test, next->anon_vma, av1);
	KTEST_EXPECT_PTR_EQ(test, vma_merge(mm, prev, P(2), P(4), DEFAULT_FLAGS, NULL, file, 12),
			    prev);				/* prev only: case 2 */
	KTEST_EXPECT_STREQ(test, layout(mm), "0-4 4-6");
	next->vm_ops = &counted_ops;		/* close(): nothing may join it */
	next->vm_private_data = &calls;
	KTEST_EXPECT_NULL(test, vma_merge(mm, next, P(6), P(7), DEFAULT_FLAGS, NULL, file, 16));
	KTEST_EXPECT_STREQ(test, layout(mm), "0-4 4-6");
	do_munmap(mm, P(4), 2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, calls, 1);			/* close() when it went */
	/* VM_SOFTDIRTY alone does not keep VMAs apart */
	KTEST_EXPECT_PTR_EQ(test, vma_merge(mm, prev, P(4), P(5),
					    DEFAULT_FLAGS | VM_SOFTDIRTY, av1, file, 14), prev);
	KTEST_EXPECT_STREQ(test, layout(mm), "0-5");
	test_mm_put(test, mm);
}

static void merge_takes_the_absorbed_anon_vma(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);
	struct vm_area_struct *prev, *next;
	struct anon_vma *av;

	prev = test_map(test, mm, P(0), P(2));
	next = test_map(test, mm, P(4), P(6));
	KTEST_ASSERT_EQ(test, anon_vma_prepare(next), 0);
	av = next->anon_vma;
	KTEST_EXPECT_PTR_EQ(test, vma_merge(mm, prev, P(2), P(4), DEFAULT_FLAGS, NULL, NULL,
					    P(2) >> PAGE_SHIFT), prev);
	KTEST_EXPECT_PTR_EQ(test, prev->anon_vma, av);	/* with its chain */
	KTEST_EXPECT_TRUE(test, list_is_singular(&prev->anon_vma_chain));
	test_mm_put(test, mm);
}

/* split_vma */

static void split_vma_at_every_page_keeps_pgoffs(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);
	struct vm_area_struct *vma, *file_vma;
	int calls = 0, i;

	vma = test_map(test, mm, P(0), P(8));
	file_vma = test_map_file(test, mm, P(10), P(18), DEFAULT_FLAGS, &test_files[0], 100);
	file_vma->vm_ops = &counted_ops;
	file_vma->vm_private_data = &calls;
	for (i = 7; i >= 1; i--)			/* new above, each time */
		KTEST_ASSERT_EQ(test, split_vma(mm, vma, P(i), 0), 0);
	for (i = 11; i <= 17; i++) {			/* new below, each time */
		KTEST_ASSERT_EQ(test, split_vma(mm, file_vma, P(i), 1), 0);
		KTEST_EXPECT_EQ(test, check_vmas(mm), 0u);
	}
	KTEST_EXPECT_EQ(test, mm->map_count, 16);
	KTEST_EXPECT_EQ(test, calls, 7);			/* open() on each copy */
	for (vma = mm->mmap, i = 0; vma; vma = vma->vm_next, i++) {
		KTEST_EXPECT_EQ(test, vma_pages(vma), 1ul);
		if (i < 8)
			KTEST_EXPECT_EQ(test, vma->vm_pgoff, vma->vm_start >> PAGE_SHIFT);
		else
			KTEST_EXPECT_EQ(test, vma->vm_pgoff, 100ul + i - 8);
	}
	vma = mm->mmap;
	KTEST_EXPECT_PTR_EQ(test, vma_merge(mm, vma, P(1), P(2), DEFAULT_FLAGS, NULL, NULL,
					    P(1) >> PAGE_SHIFT), vma);	/* case 6 */
	test_mm_put(test, mm);
	KTEST_EXPECT_EQ(test, calls, 7 + 8);		/* and close() on each */
}

static void split_vma_is_refused_at_max_map_count(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);
	int saved = sysctl_max_map_count;
	struct vm_area_struct *vma;

	vma = test_map(test, mm, P(0), P(8));
	test_map(test, mm, P(10), P(11));
	sysctl_max_map_count = 2;
	KTEST_EXPECT_EQ(test, split_vma(mm, vma, P(4), 0), -ENOMEM);
	KTEST_EXPECT_NULL(test, test_map(test, mm, P(20), P(21)));
	KTEST_EXPECT_EQ(test, do_munmap(mm, P(2), PAGE_SIZE), -ENOMEM);	/* a hole */
	KTEST_EXPECT_EQ(test, do_munmap(mm, P(0), PAGE_SIZE), 0);	/* an end */
	KTEST_EXPECT_STREQ(test, layout(mm), "1-8 10-11");
	KTEST_EXPECT_EQ(test, __split_vma(mm, vma, P(4), 0), 0);	/* no limit */
	sysctl_max_map_count = saved;
	KTEST_EXPECT_STREQ(test, layout(mm), "1-4 4-8 10-11");
	test_mm_put(test, mm);
}

/* munmap */

static void munmap_cuts_holes_and_ranges_across_vmas(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);

	test_map(test, mm, P(0), P(10));
	test_map_file(test, mm, P(12), P(16), VM_READ, NULL, 0);
	test_map(test, mm, P(20), P(24));
	KTEST_EXPECT_EQ(test, do_munmap(mm, P(3), 2 * PAGE_SIZE), 0);
	KTEST_EXPECT_STREQ(test, layout(mm), "0-3 5-10 12-16 20-24");
	KTEST_EXPECT_EQ(test, find_vma(mm, P(5))->vm_pgoff, P(5) >> PAGE_SHIFT);
	KTEST_EXPECT_EQ(test, do_munmap(mm, P(8), P(21) - P(8) - 100), 0);	/* rounded up */
	KTEST_EXPECT_STREQ(test, layout(mm), "0-3 5-8 21-24");
	KTEST_EXPECT_EQ(test, do_munmap(mm, P(30), PAGE_SIZE), 0);	/* nothing there */
	KTEST_EXPECT_EQ(test, do_munmap(mm, P(0) + 1, PAGE_SIZE), -EINVAL);
	KTEST_EXPECT_EQ(test, do_munmap(mm, P(0), 0), -EINVAL);
	KTEST_EXPECT_EQ(test, do_munmap(mm, TASK_SIZE - PAGE_SIZE, 2 * PAGE_SIZE), -EINVAL);
	KTEST_EXPECT_EQ(test, mm->total_vm, 9ul);
	KTEST_EXPECT_EQ(test, mm->highest_vm_end, P(24));
	KTEST_EXPECT_EQ(test, do_munmap(mm, P(21), 3 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, mm->highest_vm_end, P(8));
	test_mm_put(test, mm);
}

static void munmap_with_downgrade_leaves_the_lock_read_held(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);

	test_map(test, mm, P(0), P(4));
	KTEST_EXPECT_EQ(test, __do_munmap(mm, P(1), PAGE_SIZE, true), 1);
	KTEST_EXPECT_TRUE(test, rwsem_is_locked(&mm->mmap_lock));
	KTEST_EXPECT_FALSE(test, mmap_write_trylock(mm));
	KTEST_EXPECT_TRUE(test, mmap_read_trylock(mm));		/* readers share it now */
	mmap_read_unlock(mm);
	mmap_read_unlock(mm);
	mmap_write_lock(mm);
	KTEST_EXPECT_STREQ(test, layout(mm), "0-1 2-4");
	test_mm_put(test, mm);
}

/* free ranges */

static unsigned long search(struct mm_struct *mm, bool topdown, unsigned long len,
			    unsigned long low, unsigned long high, unsigned long align_mask,
			    unsigned long align_offset)
{
	struct vm_unmapped_area_info info = {
		.flags = topdown ? VM_UNMAPPED_AREA_TOPDOWN : 0,
		.length = len, .low_limit = low, .high_limit = high,
		.align_mask = align_mask, .align_offset = align_offset,
	};

	return vm_unmapped_area(mm, &info);
}

static void vm_unmapped_area_finds_lowest_and_highest_holes(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);

	/* holes: 2-4 (2 pages), 5-6 (1), 10-13 (3), 13-... above */
	test_map(test, mm, P(0), P(2));
	test_map(test, mm, P(4), P(5));
	test_map(test, mm, P(6), P(10));
	test_map(test, mm, P(13), P(15));
	KTEST_EXPECT_EQ(test, search(mm, false, PAGE_SIZE, BASE, P(20), 0, 0), P(2));
	KTEST_EXPECT_EQ(test, search(mm, false, 3 * PAGE_SIZE, BASE, P(20), 0, 0), P(10));
	KTEST_EXPECT_EQ(test, search(mm, false, 4 * PAGE_SIZE, BASE, P(20), 0, 0), P(15));
	KTEST_EXPECT_EQ(test, search(mm, true, PAGE_SIZE, BASE, P(13), 0, 0), P(12));
	KTEST_EXPECT_EQ(test, search(mm, true, PAGE_SIZE, BASE, P(20), 0, 0), P(19));
	KTEST_EXPECT_EQ(test, search(mm, true, 2 * PAGE_SIZE, BASE, P(10), 0, 0), P(2));
	/* exactly the size of a hole, both ways */
	KTEST_EXPECT_EQ(test, search(mm, true, 3 * PAGE_SIZE, BASE, P(14), 0, 0), P(10));
	KTEST_EXPECT_EQ(test, search(mm, false, 2 * PAGE_SIZE, P(1), P(20), 0, 0), P(2));
	KTEST_EXPECT_EQ(test, search(mm, true, PAGE_SIZE, BASE, P(6), 0, 0), P(5));
	/* limits: inside a hole; too tight; nothing big enough */
	KTEST_EXPECT_EQ(test, search(mm, false, PAGE_SIZE, P(11), P(20), 0, 0), P(11));
	KTEST_EXPECT_EQ(test, search(mm, true, PAGE_SIZE, BASE, P(11), 0, 0), P(10));
	KTEST_EXPECT_EQ(test, search(mm, false, 3 * PAGE_SIZE, BASE, P(12), 0, 0),
			(unsigned long)-ENOMEM);
	KTEST_EXPECT_EQ(test, search(mm, true, 4 * PAGE_SIZE, BASE, P(13), 0, 0),
			(unsigned long)-ENOMEM);
	KTEST_EXPECT_EQ(test, search(mm, false, PAGE_SIZE, P(8), P(7), 0, 0),
			(unsigned long)-ENOMEM);
	test_mm_put(test, mm);
}

static void vm_unmapped_area_aligns_with_mask_and_offset(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);
	unsigned long mask = 4 * PAGE_SIZE - 1 - (PAGE_SIZE - 1), addr;

	test_map(test, mm, P(0), P(1));
	test_map(test, mm, P(7), P(9));
	test_map(test, mm, P(30), P(31));
	/* hole 1-7: 4-page alignment gives 4 (BASE is aligned); with offset 1 page: 5 */
	KTEST_EXPECT_EQ(test, search(mm, false, PAGE_SIZE, BASE, P(40), mask, 0), P(4));
	KTEST_EXPECT_EQ(test, search(mm, false, 2 * PAGE_SIZE, BASE, P(40), mask, PAGE_SIZE),
			P(1));
	KTEST_EXPECT_EQ(test, search(mm, false, 3 * PAGE_SIZE, BASE, P(40), mask, 0), P(4));
	KTEST_EXPECT_EQ(test, search(mm, false, 4 * PAGE_SIZE, BASE, P(40), mask, 0), P(12));
	addr = search(mm, true, 2 * PAGE_SIZE, BASE, P(30), mask, 3 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, addr, P(27));
	addr = search(mm, true, PAGE_SIZE, BASE, P(30), mask, 0);
	KTEST_EXPECT_EQ(test, addr, P(28));
	test_mm_put(test, mm);
}

static void guard_gap_below_a_growsdown_vma_is_left_free(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);
	unsigned long gap = stack_guard_gap >> PAGE_SHIFT;
	unsigned long stack = P(gap + 10);

	test_map(test, mm, P(0), P(1));
	test_map_file(test, mm, stack, stack + 4 * PAGE_SIZE,
		      DEFAULT_FLAGS | VM_GROWSDOWN, NULL, 0);
	/* the hole below the stack is gap + 9 pages; 9 of them may be used */
	KTEST_EXPECT_EQ(test, search(mm, true, PAGE_SIZE, BASE, stack, 0, 0),
			stack - stack_guard_gap - PAGE_SIZE);
	KTEST_EXPECT_EQ(test, search(mm, false, 9 * PAGE_SIZE, BASE, stack, 0, 0), P(1));
	KTEST_EXPECT_EQ(test, search(mm, false, 10 * PAGE_SIZE, BASE, stack, 0, 0),
			(unsigned long)-ENOMEM);
	KTEST_EXPECT_EQ(test, mm_get_unmapped_area(mm, NULL, stack - PAGE_SIZE, PAGE_SIZE, 0, 0),
			MMAP_BASE - PAGE_SIZE);			/* the hint is in the gap */
	KTEST_EXPECT_EQ(test, mm_get_unmapped_area(mm, NULL, P(2), PAGE_SIZE, 0, 0), P(2));
	KTEST_EXPECT_EQ(test, find_vma(mm, P(5))->rb_subtree_gap >= 9 * PAGE_SIZE, true);
	test_mm_put(test, mm);
}

static void get_unmapped_area_takes_hints_and_refuses_bad_ranges(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);
	unsigned long len = 4 * PAGE_SIZE;

	KTEST_EXPECT_EQ(test, mm_get_unmapped_area(mm, NULL, 0, len, 0, 0), MMAP_BASE - len);
	test_map(test, mm, MMAP_BASE - len, MMAP_BASE);
	KTEST_EXPECT_EQ(test, mm_get_unmapped_area(mm, NULL, 0, len, 0, 0),
			MMAP_BASE - 2 * len);
	KTEST_EXPECT_EQ(test, mm_get_unmapped_area(mm, NULL, P(3) + 1, len, 0, 0), P(4));
	/* a hint below mmap_min_addr or over a VMA is not taken */
	KTEST_EXPECT_EQ(test, mm_get_unmapped_area(mm, NULL, PAGE_SIZE, len, 0, 0),
			MMAP_BASE - 2 * len);
	KTEST_EXPECT_EQ(test, mm_get_unmapped_area(mm, NULL, MMAP_BASE - PAGE_SIZE, len, 0, 0),
			MMAP_BASE - 2 * len);
	/* MAP_FIXED is taken as it is, or refused */
	KTEST_EXPECT_EQ(test, mm_get_unmapped_area(mm, NULL, P(7), len, 0, MAP_FIXED), P(7));
	KTEST_EXPECT_EQ(test, mm_get_unmapped_area(mm, NULL, PAGE_SIZE, len, 0, MAP_FIXED),
			(unsigned long)-EPERM);
	KTEST_EXPECT_EQ(test, mm_get_unmapped_area(mm, NULL, P(7) + 8, len, 0, MAP_FIXED),
			(unsigned long)-EINVAL);
	KTEST_EXPECT_EQ(test, mm_get_unmapped_area(mm, NULL, 0, TASK_SIZE, 0, 0),
			(unsigned long)-ENOMEM);
	/* nothing free below mmap_base: bottom-up from TASK_UNMAPPED_BASE */
	mm->mmap_base = mmap_min_addr + PAGE_SIZE;
	KTEST_EXPECT_EQ(test, mm_get_unmapped_area(mm, NULL, 0, len, 0, 0), TASK_UNMAPPED_BASE);
	test_mm_put(test, mm);
}

/* A free range of @len in [low, high) from the model, scanning: the lowest or highest. */
#define WINDOW	192

static unsigned long model_search(const u8 *model, bool topdown, unsigned int len,
				  unsigned int low, unsigned int high)
{
	unsigned int i, run = 0;

	if (!topdown) {
		for (i = low; i < high; i++) {
			run = model[i] ? 0 : run + 1;
			if (run == len)
				return P(i + 1 - len);
		}
	} else {
		for (i = high; i-- > low;) {
			run = model[i] ? 0 : run + 1;
			if (run == len)
				return P(i);
		}
	}
	return -ENOMEM;
}

/* The tree against the model: every page's owner and flags; the counters. */
static unsigned int compare_with_model(struct mm_struct *mm, const u8 *model)
{
	unsigned int i, bad = check_vmas(mm);
	unsigned long total = 0;
	struct vm_area_struct *vma;

	for (i = 0; i < WINDOW; i++) {
		vma = vma_lookup(mm, P(i));
		if (!model[i])
			bad += vma != NULL;
		else
			bad += !vma || vma->vm_flags != model[i] ||
			       vma->vm_pgoff != vma->vm_start >> PAGE_SHIFT;
	}
	for (vma = mm->mmap; vma; vma = vma->vm_next)
		total += vma_pages(vma);
	return bad + (total != mm->total_vm);
}

static u64 next_rand(u64 *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

/* Map [a, b) (free in the model) with @flags, merging first as mmap does. */
static void model_map(struct ktest *test, struct mm_struct *mm, u8 *model, unsigned int a,
		      unsigned int b, unsigned long flags)
{
	struct vm_area_struct *prev;

	find_vma_prev(mm, P(a), &prev);
	if (!vma_merge(mm, prev, P(a), P(b), flags, NULL, NULL, P(a) >> PAGE_SHIFT))
		KTEST_ASSERT_NOT_NULL(test, test_map_file(test, mm, P(a), P(b), flags, NULL,
							  0));
	else
		vm_stat_account(mm, flags, b - a);
	memset(model + a, flags, b - a);
}

/* Change the flags of [a, b), all mapped, as mprotect does: split, then merge. */
static void model_protect(struct ktest *test, struct mm_struct *mm, u8 *model, unsigned int a,
			  unsigned int b, unsigned long flags)
{
	struct vm_area_struct *vma = find_vma(mm, P(a)), *prev, *merged;
	unsigned long old = vma->vm_flags;

	if (vma->vm_end < P(b) || old == flags)
		return;					/* one VMA at a time */
	prev = vma->vm_start < P(a) ? vma : vma->vm_prev;
	merged = vma_merge(mm, prev, P(a), P(b), flags, NULL, NULL, P(a) >> PAGE_SHIFT);
	if (!merged) {
		if (vma->vm_start < P(a))
			KTEST_ASSERT_EQ(test, split_vma(mm, vma, P(a), 1), 0);
		if (vma->vm_end > P(b))
			KTEST_ASSERT_EQ(test, split_vma(mm, vma, P(b), 0), 0);
		vm_stat_account(mm, vma->vm_flags, -(long)vma_pages(vma));
		vma->vm_flags = flags;
		vm_stat_account(mm, flags, vma_pages(vma));
	} else {
		vm_stat_account(mm, old, -(long)(b - a));	/* vma may be gone */
		vm_stat_account(mm, flags, b - a);
	}
	memset(model + a, flags, b - a);
}

static void randomised_model_of_map_unmap_split_merge(struct ktest *test)
{
	static const unsigned long colours[] = {
		DEFAULT_FLAGS, VM_READ | VM_MAYREAD, VM_READ | VM_EXEC | VM_MAYREAD,
	};
	struct mm_struct *mm = test_mm_get(test);
	u8 model[WINDOW] = { 0 };
	u64 x = 0x2545f4914f6cdd1dULL;
	unsigned int step, a, b, end, bad = 0;

	for (step = 0; step < 1500 && !bad; step++) {
		unsigned long flags = colours[next_rand(&x) % ARRAY_SIZE(colours)];
		bool topdown = next_rand(&x) & 1;
		unsigned int len = 1 + next_rand(&x) % 8;

		a = next_rand(&x) % WINDOW;
		b = min(a + 1 + (unsigned int)(next_rand(&x) % 12), (unsigned int)WINDOW);
		switch (next_rand(&x) % 4) {
		case 0:		/* map the free run at a, up to b */
			while (a < b && model[a])
				a++;
			for (end = a; end < b && !model[end]; end++)
				;
			if (a < end)
				model_map(test, mm, model, a, end, flags);
			break;
		case 1:
			KTEST_ASSERT_EQ(test, do_munmap(mm, P(a), (b - a) * PAGE_SIZE), 0);
			memset(model + a, 0, b - a);
			break;
		case 2:		/* split at a if a VMA straddles it */
			if (a && model[a] && model[a - 1] && vma_lookup(mm, P(a))->vm_start < P(a))
				KTEST_ASSERT_EQ(test, split_vma(mm, vma_lookup(mm, P(a)), P(a),
							       next_rand(&x) & 1), 0);
			break;
		default:
			if (model[a] && model[b - 1] && vma_lookup(mm, P(a)) ==
			    vma_lookup(mm, P(b - 1)))
				model_protect(test, mm, model, a, b, flags);
			break;
		}
		bad += compare_with_model(mm, model);
		a = next_rand(&x) % WINDOW;
		b = a + (unsigned int)(next_rand(&x) % (WINDOW - a + 1));
		bad += search(mm, topdown, len * PAGE_SIZE, P(a), P(b), 0, 0) !=
		       model_search(model, topdown, len, a, b);
	}
	KTEST_EXPECT_EQ(test, bad, 0u);
	if (bad)
		ktest_info(test, "step %u: %s", step, layout(mm));
	test_mm_put(test, mm);
}

/* When no VMA can be allocated, nothing changes and the tree stays valid. */
static void allocation_failures_leave_the_tree_intact(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);
	struct failslab_attr saved = failslab;
	bool was = failslab_enabled;
	struct vm_area_struct *vma;
	char before[256];

	vma = test_map(test, mm, P(0), P(8));
	test_map(test, mm, P(10), P(12));
	strscpy(before, layout(mm), sizeof(before));
	flush_all(vm_area_cachep);	/* failslab acts on the slow path: no CPU slab */
	fail_slab_always(0);
	KTEST_EXPECT_NULL(test, vm_area_alloc(mm));
	KTEST_EXPECT_NULL(test, vm_area_dup(vma));
	KTEST_EXPECT_EQ(test, split_vma(mm, vma, P(4), 0), -ENOMEM);
	KTEST_EXPECT_EQ(test, do_munmap(mm, P(2), PAGE_SIZE), -ENOMEM);
	KTEST_EXPECT_EQ(test, do_munmap(mm, P(6), P(11) - P(6)), -ENOMEM);
	failslab_enabled = was;
	failslab = saved;
	KTEST_EXPECT_STREQ(test, layout(mm), before);
	KTEST_EXPECT_EQ(test, check_vmas(mm), 0u);
	KTEST_EXPECT_EQ(test, mm->total_vm, 10ul);
	KTEST_EXPECT_EQ(test, do_munmap(mm, P(6), P(11) - P(6)), 0);
	KTEST_EXPECT_STREQ(test, layout(mm), "0-6 11-12");
	test_mm_put(test, mm);
}

static void dump_vma_prints_linux_format(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);
	struct vm_area_struct *vma = test_map(test, mm, P(0), P(1));

	dump_vma(vma);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "flags: 0x33(read|write|mayread|maywrite)"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, " start 0000000010000000 end "));
	test_mm_put(test, mm);
}

static noinline void validate_broken_mm(void *mm)
{
	validate_mm(mm);
}

/* DEBUG_VM: validate_mm() catches a wrong rb_subtree_gap with the VMA dumped. */
static void validate_mm_reports_a_wrong_subtree_gap(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);
	struct vm_area_struct *vma;
	struct exception_info info;
	bool caught;

	test_map(test, mm, P(0), P(1));
	vma = test_map(test, mm, P(4), P(5));
	vma->rb_subtree_gap += PAGE_SIZE;
	KTEST_EXPECT_NE(test, check_vmas(mm), 0u);
	caught = ktest_catch_exception(validate_broken_mm, mm, &info);
	vma->rb_subtree_gap -= PAGE_SIZE;
#ifdef CONFIG_DEBUG_VM
	KTEST_EXPECT_TRUE(test, caught);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
			  "VM_BUG_ON_VMA(vma->rb_subtree_gap != max)"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "flags: 0x33("));
#else
	KTEST_EXPECT_FALSE(test, caught);
#endif
	test_mm_put(test, mm);
}

static void mmap_lock_wrappers_share_reads_and_exclude_writes(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);

	KTEST_EXPECT_FALSE(test, mmap_read_trylock(mm));
	mmap_write_unlock(mm);
	KTEST_EXPECT_EQ(test, mmap_read_lock_killable(mm), 0);
	mmap_read_lock(mm);
	KTEST_EXPECT_FALSE(test, mmap_write_trylock(mm));
	mmap_read_unlock(mm);
	mmap_read_unlock(mm);
	KTEST_ASSERT_TRUE(test, mmap_write_trylock(mm));
	mmap_write_downgrade(mm);
	KTEST_EXPECT_TRUE(test, mmap_read_trylock(mm));
	mmap_read_unlock(mm);
	mmap_read_unlock(mm);
	KTEST_EXPECT_FALSE(test, rwsem_is_locked(&mm->mmap_lock));
	KTEST_EXPECT_EQ(test, mmap_write_lock_killable(mm), 0);
	test_mm_put(test, mm);
}

static noinline void insert_under_read_lock(void *vma)
{
	struct vm_area_struct *v = vma;

	insert_vm_struct(v->vm_mm, v);
}

/* DEBUG_VM: a change with mmap_lock held only for reading is caught before it is made. */
static void changes_need_the_write_lock(struct ktest *test)
{
	struct mm_struct *mm = test_mm_get(test);
	struct vm_area_struct *vma = vm_area_alloc(mm);
	struct exception_info info;
	bool caught;

	KTEST_ASSERT_NOT_NULL(test, vma);
	vma->vm_start = P(0);
	vma->vm_end = P(1);
	mmap_write_downgrade(mm);
	caught = ktest_catch_exception(insert_under_read_lock, vma, &info);
#ifdef CONFIG_DEBUG_VM
	KTEST_EXPECT_TRUE(test, caught);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "VM_BUG_ON_MM("));
	KTEST_EXPECT_EQ(test, mm->map_count, 0);
	vm_area_free(vma);			/* it was never linked */
#else
	KTEST_EXPECT_FALSE(test, caught);	/* no check: it went in */
	KTEST_EXPECT_EQ(test, mm->map_count, 1);
	vm_stat_account(mm, vma->vm_flags, vma_pages(vma));
	do_munmap(mm, P(0), PAGE_SIZE);
#endif
	mmap_read_unlock(mm);
	mmap_write_lock(mm);
	test_mm_put(test, mm);
}

static struct ktest_case mmap_cases[] = {
	KTEST_CASE(mm_alloc_and_mmput_leave_nothing_behind),
	KTEST_CASE(mmgrab_keeps_the_struct_after_the_last_mmput),
	KTEST_CASE(mmget_keeps_the_vmas_until_the_last_user),
	KTEST_CASE(check_mm_reports_bad_rss_counters),
	KTEST_CASE(check_mm_reports_nonzero_pgtables_bytes),
	KTEST_CASE(mm_alloc_fails_cleanly_without_memory),
	KTEST_CASE(find_vma_family_answers_by_address),
	KTEST_CASE(insert_vm_struct_refuses_overlaps_and_keeps_order),
	KTEST_CASE(vm_stat_account_counts_by_kind_and_munmap_uncounts),
	KTEST_CASE(merge_case_1_fills_a_hole_joining_both),
	KTEST_CASE(merge_case_2_fills_a_hole_joining_prev),
	KTEST_CASE(merge_case_3_fills_a_hole_joining_next),
	KTEST_CASE(merge_case_4_moves_prevs_tail_to_next),
	KTEST_CASE(merge_case_5_moves_nexts_head_to_prev),
	KTEST_CASE(merge_case_6_makes_three_one),
	KTEST_CASE(merge_case_7_absorbs_the_vma_into_prev),
	KTEST_CASE(merge_case_8_absorbs_the_vma_into_next),
	KTEST_CASE(merge_refuses_unlike_neighbours),
	KTEST_CASE(merge_takes_the_absorbed_anon_vma),
	KTEST_CASE(split_vma_at_every_page_keeps_pgoffs),
	KTEST_CASE(split_vma_is_refused_at_max_map_count),
	KTEST_CASE(munmap_cuts_holes_and_ranges_across_vmas),
	KTEST_CASE(munmap_with_downgrade_leaves_the_lock_read_held),
	KTEST_CASE(vm_unmapped_area_finds_lowest_and_highest_holes),
	KTEST_CASE(vm_unmapped_area_aligns_with_mask_and_offset),
	KTEST_CASE(guard_gap_below_a_growsdown_vma_is_left_free),
	KTEST_CASE(get_unmapped_area_takes_hints_and_refuses_bad_ranges),
	KTEST_CASE(randomised_model_of_map_unmap_split_merge),
	KTEST_CASE(allocation_failures_leave_the_tree_intact),
	KTEST_CASE(dump_vma_prints_linux_format),
	KTEST_CASE(validate_mm_reports_a_wrong_subtree_gap),
	KTEST_CASE(mmap_lock_wrappers_share_reads_and_exclude_writes),
	KTEST_CASE(changes_need_the_write_lock),
	{}
};

static struct ktest_suite mmap_suite = {
	.name = "mmap",
	.init = mmap_test_init,
	.exit = mmap_test_exit,
	.test_cases = mmap_cases,
};
ktest_register_suite(mmap_suite);
