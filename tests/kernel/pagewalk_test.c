// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the page-table layer: the pgalloc helpers and the generic
 * pud_alloc() family (asm/pgalloc.h, mm/memory.c), the walker
 * (mm/pagewalk.c) and apply_to_page_range().
 *
 * Each case builds a private test mm: its own pgd from pgd_alloc() (the
 * kernel half copied from init_mm, harmless: the cases only touch the
 * user half, and the mm is never loaded in CR3, so the physical addresses
 * its leaves name are never accessed). In the user half at TEST_BASE:
 *
 *   TEST_BASE               1 GiB leaf (pud 0)
 *   TEST_BASE + 1G          2 MiB leaf (pud 1, pmd 0)
 *   TEST_BASE + 1G + 2M     pte table (pmd 1): TEST_PTES 4 KiB ptes, every
 *                           other page, so the holes between them are ptes
 *   TEST_BASE + 2G ...      nothing (pud holes)
 *
 * The case frees every table again (test_mm_destroy()) and checks that
 * pgtables_bytes, NR_PAGETABLE and the free pages are back at baseline.
 */
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/pagewalk.h>
#include <linux/pgtable.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/delay.h>
#include <linux/cpumask.h>
#include <linux/atomic.h>
#include <linux/sprintf.h>
#include <asm/pgalloc.h>
#include <linux/sched/mm.h>
#include <linux/mmap_lock.h>
#include <asm/setup.h>
#include "mm_test.h"

#define TEST_BASE	(3UL << PGDIR_SHIFT)
#define TEST_PMD_LEAF	(TEST_BASE + PUD_SIZE)
#define TEST_PTE_BASE	(TEST_PMD_LEAF + PMD_SIZE)
#define TEST_PTES	4
#define TEST_PFN	0x1234UL

/* What a case counts from before it builds anything. */
struct baseline {
	unsigned long free;
	unsigned long tables;
};

static unsigned long nr_pagetable(void)
{
	return global_zone_page_state(NR_PAGETABLE);
}

static void take_baseline(struct baseline *b)
{
	b->free = free_pages_settled();
	b->tables = nr_pagetable();
}

static int set_test_pte(pte_t *pte, unsigned long addr, void *data)
{
	unsigned long i = (addr - TEST_PTE_BASE) >> PAGE_SHIFT;

	if (i % 2 == 0 && i < 2 * TEST_PTES)
		set_pte(pte, pfn_pte(TEST_PFN + i, PAGE_KERNEL));
	return 0;
}

/* The layout of the header comment: leaves at both levels, then 4 KiB ptes. */
static void build_test_tables(struct ktest *test, struct mm_struct *mm)
{
	pgd_t *pgd = pgd_offset(mm, TEST_BASE);
	pud_t *pud = pud_alloc(mm, p4d_alloc(mm, pgd, TEST_BASE), TEST_BASE);
	pmd_t *pmd;

	KTEST_ASSERT_NOT_NULL(test, pud);
	KTEST_ASSERT_EQ(test, pud_set_huge(pud, 0, PAGE_KERNEL), 1);
	pmd = pmd_alloc(mm, pud + 1, TEST_PMD_LEAF);
	KTEST_ASSERT_NOT_NULL(test, pmd);
	KTEST_ASSERT_EQ(test, pmd_set_huge(pmd, PMD_SIZE, PAGE_KERNEL), 1);
	KTEST_ASSERT_EQ(test, apply_to_page_range(mm, TEST_PTE_BASE, 2 * TEST_PTES * PAGE_SIZE,
						  set_test_pte, NULL), 0);
}

/* Everything the callbacks saw. */
struct walk_log {
	unsigned int pgds, p4ds, puds, pmds, ptes, present_ptes;
	unsigned int holes[5];		/* by depth */
	unsigned long hole_bytes;
	unsigned long pud_addr[4], pmd_addr[4], pte_addr[TEST_PTES];
	unsigned long pte_pfn[TEST_PTES];
	bool pud_leaf_first, pmd_leaf_first;
	unsigned int stop_at_pte;	/* at this present pte, fail with it + 1 */
	bool continue_at_pud;
	unsigned int again;		/* ACTION_AGAIN requests left at the pmd level */
};

static int log_pgd(pgd_t *pgd, unsigned long addr, unsigned long next, struct mm_walk *walk)
{
	((struct walk_log *)walk->private)->pgds++;
	return 0;
}

static int log_p4d(p4d_t *p4d, unsigned long addr, unsigned long next, struct mm_walk *walk)
{
	((struct walk_log *)walk->private)->p4ds++;
	return 0;
}

static int log_pud(pud_t *pud, unsigned long addr, unsigned long next, struct mm_walk *walk)
{
	struct walk_log *log = walk->private;

	if (log->puds < ARRAY_SIZE(log->pud_addr))
		log->pud_addr[log->puds] = addr;
	if (!log->puds)
		log->pud_leaf_first = pud_leaf(pudp_get(pud));
	log->puds++;
	if (log->continue_at_pud)
		walk->action = ACTION_CONTINUE;
	return 0;
}

static int log_pmd(pmd_t *pmd, unsigned long addr, unsigned long next, struct mm_walk *walk)
{
	struct walk_log *log = walk->private;

	if (log->pmds < ARRAY_SIZE(log->pmd_addr))
		log->pmd_addr[log->pmds] = addr;
	if (!log->pmds)
		log->pmd_leaf_first = pmd_leaf(pmdp_get(pmd));
	log->pmds++;
	if (log->again) {
		log->again--;
		walk->action = ACTION_AGAIN;
	}
	return 0;
}

static int log_pte(pte_t *pte, unsigned long addr, unsigned long next, struct mm_walk *walk)
{
	struct walk_log *log = walk->private;
	pte_t val = ptep_get(pte);

	log->ptes++;
	if (pte_none(val))
		return 0;
	if (log->present_ptes < TEST_PTES) {
		log->pte_addr[log->present_ptes] = addr;
		log->pte_pfn[log->present_ptes] = pte_pfn(val);
	}
	log->present_ptes++;
	if (log->stop_at_pte && log->present_ptes == log->stop_at_pte)
		return (int)log->stop_at_pte + 1;
	return 0;
}

static int log_hole(unsigned long addr, unsigned long next, int depth, struct mm_walk *walk)
{
	struct walk_log *log = walk->private;

	log->holes[depth]++;
	log->hole_bytes += next - addr;
	return 0;
}

static const struct mm_walk_ops log_ops = {
	.pgd_entry = log_pgd,
	.p4d_entry = log_p4d,
	.pud_entry = log_pud,
	.pmd_entry = log_pmd,
	.pte_entry = log_pte,
	.pte_hole = log_hole,
};

/* Only the pud level: the walk never needs to read a pmd table. */
static const struct mm_walk_ops pud_only_ops = {
	.pud_entry = log_pud,
	.pte_hole = log_hole,
};

static void check_back_at_baseline(struct ktest *test, struct mm_struct *mm,
				   const struct baseline *b)
{
	KTEST_EXPECT_EQ(test, atomic_long_read(&mm->pgtables_bytes), 0L);
	KTEST_EXPECT_EQ(test, nr_pagetable(), b->tables);
	KTEST_EXPECT_EQ(test, free_pages_settled(), b->free);
}

/* Tables at every level, counted as they are made and gone when freed. */
static void populate_counts_every_table(struct ktest *test)
{
	struct mm_struct mm;
	struct baseline b;

	take_baseline(&b);
	KTEST_ASSERT_TRUE(test, test_mm_init(&mm));
	/* The pgd counts as a page table, not in pgtables_bytes (Linux's). */
	KTEST_EXPECT_EQ(test, nr_pagetable(), b.tables + 1);
	KTEST_EXPECT_EQ(test, atomic_long_read(&mm.pgtables_bytes), 0L);
	/* The kernel half is init_mm's. */
	KTEST_EXPECT_EQ(test, pgd_val(*pgd_offset(&mm, PAGE_OFFSET)),
			pgd_val(*pgd_offset_k(PAGE_OFFSET)));
	build_test_tables(test, &mm);
	/* One pud table, one pmd table, one pte table. */
	KTEST_EXPECT_EQ(test, atomic_long_read(&mm.pgtables_bytes), (long)(3 * PAGE_SIZE));
	KTEST_EXPECT_EQ(test, nr_pagetable(), b.tables + 4);
	/* A user mm's tables are user tables; the leaves stay as made. */
	KTEST_EXPECT_EQ(test, pmd_flags(*pmd_offset(pud_offset(p4d_offset(pgd_offset(&mm,
				TEST_PTE_BASE), TEST_PTE_BASE), TEST_PTE_BASE), TEST_PTE_BASE)),
			(pmdval_t)_PAGE_TABLE);
	test_mm_destroy(&mm);
	check_back_at_baseline(test, &mm, &b);
}

/* Every callback, with what each level saw. */
static void walk_sees_every_level_and_hole(struct ktest *test)
{
	struct walk_log log = {};
	struct mm_struct mm;
	struct baseline b;
	unsigned int i;

	take_baseline(&b);
	KTEST_ASSERT_TRUE(test, test_mm_init(&mm));
	build_test_tables(test, &mm);
	KTEST_EXPECT_EQ(test, walk_page_range_novma(&mm, TEST_BASE, TEST_BASE + 3 * PUD_SIZE,
						    &log_ops, NULL, &log), 0);
	KTEST_EXPECT_EQ(test, log.pgds, 1u);
	KTEST_EXPECT_EQ(test, log.p4ds, 1u);
	/* pud 0 (a leaf) and pud 1 (a table); pud 2 is a hole. */
	KTEST_EXPECT_EQ(test, log.puds, 2u);
	KTEST_EXPECT_EQ(test, log.pud_addr[0], TEST_BASE);
	KTEST_EXPECT_EQ(test, log.pud_addr[1], TEST_PMD_LEAF);
	KTEST_EXPECT_TRUE(test, log.pud_leaf_first);
	/* Only under pud 1: pmd 0 (a leaf), pmd 1 (a table), 510 holes. */
	KTEST_EXPECT_EQ(test, log.pmds, 2u);
	KTEST_EXPECT_EQ(test, log.pmd_addr[0], TEST_PMD_LEAF);
	KTEST_EXPECT_EQ(test, log.pmd_addr[1], TEST_PTE_BASE);
	KTEST_EXPECT_TRUE(test, log.pmd_leaf_first);
	KTEST_EXPECT_EQ(test, log.holes[0] + log.holes[1] + log.holes[4], 0u);
	KTEST_EXPECT_EQ(test, log.holes[2], 1u);
	KTEST_EXPECT_EQ(test, log.holes[3], PTRS_PER_PMD - 2u);
	KTEST_EXPECT_EQ(test, log.hole_bytes, PUD_SIZE + (PTRS_PER_PMD - 2) * PMD_SIZE);
	/* Every pte of the one pte table, the empty ones too. */
	KTEST_EXPECT_EQ(test, log.ptes, (unsigned int)PTRS_PER_PTE);
	KTEST_EXPECT_EQ(test, log.present_ptes, (unsigned int)TEST_PTES);
	for (i = 0; i < TEST_PTES; i++) {
		KTEST_EXPECT_EQ(test, log.pte_addr[i], TEST_PTE_BASE + 2 * i * PAGE_SIZE);
		KTEST_EXPECT_EQ(test, log.pte_pfn[i], TEST_PFN + 2 * i);
	}
	test_mm_destroy(&mm);
	check_back_at_baseline(test, &mm, &b);
}

/* An empty pgd entry is a hole at depth 1 (the p4d is folded into the pgd). */
static void empty_top_level_is_a_depth_1_hole(struct ktest *test)
{
	struct walk_log log = {};
	struct mm_struct mm;

	KTEST_ASSERT_TRUE(test, test_mm_init(&mm));
	KTEST_EXPECT_EQ(test, walk_page_range_novma(&mm, TEST_BASE, TEST_BASE + 2 * PGDIR_SIZE,
						    &log_ops, NULL, &log), 0);
	KTEST_EXPECT_EQ(test, log.pgds, 2u);
	KTEST_EXPECT_EQ(test, log.p4ds, 0u);
	KTEST_EXPECT_EQ(test, log.holes[1], 2u);
	KTEST_EXPECT_EQ(test, log.hole_bytes, 2 * PGDIR_SIZE);
	KTEST_EXPECT_EQ(test, walk_page_range_novma(&mm, TEST_BASE, TEST_BASE, &log_ops, NULL,
						    &log), -EINVAL);
	test_mm_destroy(&mm);
}

/* ACTION_CONTINUE, ACTION_AGAIN, a callback's error, and ops that need no descent. */
static void walk_follows_actions_and_errors(struct ktest *test)
{
	struct walk_log log = {};
	struct mm_struct mm;

	KTEST_ASSERT_TRUE(test, test_mm_init(&mm));
	build_test_tables(test, &mm);
	log.continue_at_pud = true;
	walk_page_range_novma(&mm, TEST_BASE, TEST_BASE + 2 * PUD_SIZE, &log_ops, NULL, &log);
	KTEST_EXPECT_EQ(test, log.puds, 2u);
	KTEST_EXPECT_EQ(test, log.pmds + log.ptes + log.holes[3], 0u);

	memset(&log, 0, sizeof(log));
	log.again = 1;
	walk_page_range_novma(&mm, TEST_PMD_LEAF, TEST_PMD_LEAF + PMD_SIZE, &log_ops, NULL, &log);
	KTEST_EXPECT_EQ(test, log.pmds, 2u);	/* the same entry, twice */
	KTEST_EXPECT_EQ(test, log.pmd_addr[1], TEST_PMD_LEAF);

	memset(&log, 0, sizeof(log));
	log.stop_at_pte = 2;
	KTEST_EXPECT_EQ(test, walk_page_range_novma(&mm, TEST_BASE, TEST_BASE + 2 * PUD_SIZE,
						    &log_ops, NULL, &log), 3);
	KTEST_EXPECT_EQ(test, log.present_ptes, 2u);
	KTEST_EXPECT_EQ(test, log.ptes, 3u);	/* present, empty, present */
	KTEST_EXPECT_EQ(test, log.holes[3], 0u);	/* the pmd holes come after */

	memset(&log, 0, sizeof(log));
	walk_page_range_novma(&mm, TEST_BASE, TEST_BASE + 3 * PUD_SIZE, &pud_only_ops, NULL, &log);
	KTEST_EXPECT_EQ(test, log.puds, 2u);
	KTEST_EXPECT_EQ(test, log.holes[2], 1u);
	KTEST_EXPECT_EQ(test, log.holes[3], 0u);
	test_mm_destroy(&mm);
}

/*
 * The populate race, lost on purpose: __pmd_alloc() on a pud another CPU
 * populated meanwhile keeps that table and frees its own.
 */
static void populate_race_keeps_the_first_table(struct ktest *test)
{
	struct mm_struct mm;
	struct baseline b;
	unsigned long tables;
	pud_t *pud, before;
	pmd_t *pmd;

	take_baseline(&b);
	KTEST_ASSERT_TRUE(test, test_mm_init(&mm));
	pud = pud_alloc(&mm, p4d_alloc(&mm, pgd_offset(&mm, TEST_BASE), TEST_BASE), TEST_BASE);
	KTEST_ASSERT_NOT_NULL(test, pud);
	pmd = pmd_alloc(&mm, pud, TEST_BASE);
	KTEST_ASSERT_NOT_NULL(test, pmd);
	before = pudp_get(pud);
	tables = nr_pagetable();
	/* Populated already: pmd_alloc() takes no slow path... */
	KTEST_EXPECT_PTR_EQ(test, pmd_alloc(&mm, pud, TEST_BASE), pmd);
	/* ...and the slow path, as if it had lost the race, frees its spare. */
	KTEST_EXPECT_EQ(test, __pmd_alloc(&mm, pud, TEST_BASE), 0);
	KTEST_EXPECT_EQ(test, pud_val(pudp_get(pud)), pud_val(before));
	KTEST_EXPECT_EQ(test, nr_pagetable(), tables);
	KTEST_EXPECT_EQ(test, __pte_alloc(&mm, pmd), 0);
	tables = nr_pagetable();
	KTEST_EXPECT_EQ(test, __pte_alloc(&mm, pmd), 0);
	KTEST_EXPECT_EQ(test, nr_pagetable(), tables);
	KTEST_EXPECT_EQ(test, atomic_long_read(&mm.pgtables_bytes), (long)(3 * PAGE_SIZE));
	test_mm_destroy(&mm);
	check_back_at_baseline(test, &mm, &b);
}

/* Every online CPU populates the same puds' pmd tables at once. */
#define RACE_PUDS	64

struct populate_race {
	struct mm_struct *mm;
	pud_t *puds;
	atomic_t ready;
	unsigned int nr;
	atomic_t failed;
	atomic_t done;
};

static int populate_racer(void *data)
{
	struct populate_race *r = data;
	unsigned int i;

	atomic_inc(&r->ready);
	while ((unsigned int)atomic_read(&r->ready) < r->nr)
		cpu_relax();
	for (i = 0; i < RACE_PUDS; i++)
		if (!pmd_alloc(r->mm, &r->puds[i], TEST_BASE + i * PUD_SIZE))
			atomic_inc(&r->failed);
	atomic_inc(&r->done);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

/*
 * The real race, on as many CPUs as there are: however the populates
 * interleave, each pud ends with one pmd table and every spare is freed.
 */
static void concurrent_populate_keeps_one_table_each(struct ktest *test)
{
	struct task_struct *k[NR_CPUS];
	struct populate_race r = {};
	struct mm_struct mm;
	unsigned long tables;
	unsigned int cpu, i;

	tables = nr_pagetable();
	KTEST_ASSERT_TRUE(test, test_mm_init(&mm));
	r.mm = &mm;
	r.puds = pud_alloc(&mm, p4d_alloc(&mm, pgd_offset(&mm, TEST_BASE), TEST_BASE), TEST_BASE);
	KTEST_ASSERT_NOT_NULL(test, r.puds);
	for_each_online_cpu(cpu) {
		k[r.nr] = kthread_create(populate_racer, &r, "pgd-race/%u", cpu);
		KTEST_ASSERT_NOT_NULL(test, k[r.nr]);
		kthread_bind(k[r.nr], cpu);
		r.nr++;
	}
	for (i = 0; i < r.nr; i++)
		wake_up_process(k[i]);
	/* kthread_stop() of a racer that has not run yet would never run it. */
	KTEST_EXPECT_TRUE(test, ktest_wait_for((unsigned int)atomic_read(&r.done) == r.nr, 2000));
	for (i = 0; i < r.nr; i++)
		kthread_stop(k[i]);
	KTEST_EXPECT_EQ(test, atomic_read(&r.failed), 0);
	for (i = 0; i < RACE_PUDS; i++)
		KTEST_EXPECT_FALSE(test, pud_none(pudp_get(&r.puds[i])));
	/* The pud table and one pmd table a pud; the pgd counts in NR_PAGETABLE only. */
	KTEST_EXPECT_EQ(test, atomic_long_read(&mm.pgtables_bytes),
			(long)((1 + RACE_PUDS) * PAGE_SIZE));
	KTEST_EXPECT_EQ(test, nr_pagetable(), tables + 2 + RACE_PUDS);
	test_mm_destroy(&mm);
	KTEST_EXPECT_EQ(test, nr_pagetable(), tables);
}

struct apply_log {
	unsigned int calls;
	unsigned long addr[TEST_PTES];
};

static int log_apply(pte_t *pte, unsigned long addr, void *data)
{
	struct apply_log *log = data;

	if (log->calls < TEST_PTES)
		log->addr[log->calls] = addr;
	log->calls++;
	return 0;
}

/* The existing-only variant skips holes at every level and makes no table. */
static void apply_to_existing_skips_holes(struct ktest *test)
{
	struct apply_log log = {};
	struct mm_struct mm;
	unsigned long tables;
	unsigned int i;

	KTEST_ASSERT_TRUE(test, test_mm_init(&mm));
	build_test_tables(test, &mm);
	tables = nr_pagetable();
	/* From the pte table over pmd holes, a pud hole and an empty pgd entry. */
	KTEST_EXPECT_EQ(test, apply_to_existing_page_range(&mm, TEST_PTE_BASE,
							   TEST_BASE + PGDIR_SIZE + PUD_SIZE -
							   TEST_PTE_BASE, log_apply, &log), 0);
	KTEST_EXPECT_EQ(test, log.calls, (unsigned int)TEST_PTES);
	for (i = 0; i < TEST_PTES; i++)
		KTEST_EXPECT_EQ(test, log.addr[i], TEST_PTE_BASE + 2 * i * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, nr_pagetable(), tables);
	/* The allocating one calls @fn on every pte, making the tables. */
	memset(&log, 0, sizeof(log));
	KTEST_EXPECT_EQ(test, apply_to_page_range(&mm, TEST_BASE + 2 * PUD_SIZE, 3 * PAGE_SIZE,
						  log_apply, &log), 0);
	KTEST_EXPECT_EQ(test, log.calls, 3u);
	KTEST_EXPECT_EQ(test, nr_pagetable(), tables + 2);
	test_mm_destroy(&mm);
}

/*
 * vmalloc makes the pmd and pte tables a fresh GiB needs, counts them,
 * and keeps them after vfree() (mm/vmalloc.c's header says so).
 */
static void vmalloc_tables_are_counted_and_kept(struct ktest *test)
{
	const unsigned long start = VMALLOC_START + (9UL << 30), end = start + PMD_SIZE;
	pud_t *pud = pud_offset(p4d_offset(pgd_offset_k(start), start), start);
	unsigned long tables, expect;
	void *p;

	vm_unmap_aliases();
	tables = nr_pagetable();
	expect = pud_none(pudp_get(pud)) ? 2 :
		 pmd_none(pmdp_get(pmd_offset(pud, start))) ? 1 : 0;
	p = __vmalloc_node_range(4 * PAGE_SIZE, PAGE_SIZE, start, end, GFP_KERNEL, PAGE_KERNEL,
				 0, NUMA_NO_NODE, __builtin_return_address(0));
	KTEST_ASSERT_PTR_EQ(test, p, (void *)start);
	KTEST_EXPECT_EQ(test, nr_pagetable(), tables + expect);
	KTEST_EXPECT_FALSE(test, pmd_none(pmdp_get(pmd_offset(pud, start))));
	vfree(p);
	vm_unmap_aliases();
	KTEST_EXPECT_EQ(test, nr_pagetable(), tables + expect);
}

/*
 * The oops and ptdump line, from the generic walk over CR3's table: every
 * level of a 4 KiB vmalloc page, and an empty pmd entry printed as found.
 */
static void dump_pagetable_prints_every_level(struct ktest *test)
{
	const unsigned long hole = VMALLOC_START + (10UL << 30) + PMD_SIZE;
	unsigned long addr;
	char line[160];
	pud_t *pud;
	pmd_t *pmd;
	void *p;

	p = __vmalloc_node_range(PAGE_SIZE, PAGE_SIZE, hole - PMD_SIZE, hole, GFP_KERNEL,
				 PAGE_KERNEL, 0, NUMA_NO_NODE, __builtin_return_address(0));
	KTEST_ASSERT_NOT_NULL(test, p);
	addr = (unsigned long)p;
	pud = pud_offset(p4d_offset(pgd_offset_k(addr), addr), addr);
	pmd = pmd_offset(pud, addr);
	dump_pagetable(addr + 0x123);
	snprintf(line, sizeof(line), "PGD %lx P4D %lx PUD %lx PMD %lx PTE %lx",
		 pgd_val(*pgd_offset_k(addr)), pgd_val(*pgd_offset_k(addr)), pud_val(*pud),
		 pmd_val(*pmd), pte_val(*pte_offset_kernel(pmd, addr)));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, line));
	vfree(p);
	/* The next 2 MiB of that GiB: nothing mapped, so the walk stops at the pmd. */
	KTEST_ASSERT_TRUE(test, pmd_none(pmdp_get(pmd_offset(pud, hole))));
	dump_pagetable(hole);
	snprintf(line, sizeof(line), "PUD %lx PMD %lx ", pud_val(*pud),
		 pmd_val(*pmd_offset(pud, hole)));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, line));
}

/* ---- walk_page_range(): VMA by VMA ----------------------------------------------------- */

#define VW_BASE		TEST_PTE_BASE
#define VW_PAGE(n)	(VW_BASE + (unsigned long)(n) * PAGE_SIZE)
#define VW_FLAGS	(VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE)
#define VW_EVENTS	16

/* What a walk saw, in order: holes, VMA starts and ends, present ptes per VMA. */
struct vma_walk_log {
	struct {
		char kind;			/* 'h' hole, '<' pre_vma, '>' post_vma */
		long start, end;		/* as page numbers from VW_BASE */
		int depth;
	} ev[VW_EVENTS];
	unsigned int nr;
	unsigned int ptes[3];			/* present ptes seen in each test VMA */
	struct vm_area_struct *vmas[3];
	struct vm_area_struct *skip;		/* test_walk() skips this one */
	int pre_vma_error;
	bool vma_wrong;				/* a callback saw the wrong walk->vma */
};

static void vw_log(struct vma_walk_log *log, char kind, unsigned long start,
		   unsigned long end, int depth)
{
	if (log->nr < VW_EVENTS)
		log->ev[log->nr++] = (typeof(log->ev[0])){ kind,
			(long)(start - VW_BASE) / (long)PAGE_SIZE,
			(long)(end - VW_BASE) / (long)PAGE_SIZE, depth };
}

static int vw_hole(unsigned long addr, unsigned long next, int depth, struct mm_walk *walk)
{
	struct vma_walk_log *log = walk->private;

	if (depth == -1 && walk->vma && !(walk->vma->vm_flags & VM_PFNMAP))
		log->vma_wrong = true;
	vw_log(log, 'h', addr, next, depth);
	return 0;
}

static int vw_pte(pte_t *pte, unsigned long addr, unsigned long next, struct mm_walk *walk)
{
	struct vma_walk_log *log = walk->private;
	unsigned int i;

	if (!walk->vma || addr < walk->vma->vm_start || addr >= walk->vma->vm_end)
		log->vma_wrong = true;
	for (i = 0; i < 3; i++)
		if (walk->vma == log->vmas[i] && pte_present(ptep_get(pte)))
			log->ptes[i]++;
	return 0;
}

static int vw_test_walk(unsigned long addr, unsigned long next, struct mm_walk *walk)
{
	struct vma_walk_log *log = walk->private;

	return walk->vma == log->skip;
}

static int vw_pre_vma(unsigned long start, unsigned long end, struct mm_walk *walk)
{
	struct vma_walk_log *log = walk->private;

	vw_log(log, '<', start, end, 0);
	return log->pre_vma_error;
}

static void vw_post_vma(struct mm_walk *walk)
{
	struct vma_walk_log *log = walk->private;

	vw_log(log, '>', walk->vma->vm_start, walk->vma->vm_end, 0);
}

static const struct mm_walk_ops vma_walk_ops = {
	.pte_entry = vw_pte,
	.pte_hole = vw_hole,
	.pre_vma = vw_pre_vma,
	.post_vma = vw_post_vma,
};

static const struct mm_walk_ops vma_walk_skip_ops = {
	.pte_entry = vw_pte,
	.pte_hole = vw_hole,
	.test_walk = vw_test_walk,
	.pre_vma = vw_pre_vma,
	.post_vma = vw_post_vma,
};

static int set_every_pte(pte_t *pte, unsigned long addr, void *data)
{
	set_pte(pte, pfn_pte(TEST_PFN, PAGE_KERNEL));
	return 0;
}

static struct vm_area_struct *vw_map(struct ktest *test, struct mm_struct *mm,
				     unsigned int first, unsigned int last, unsigned long flags)
{
	struct vm_area_struct *vma = vm_area_alloc(mm);

	KTEST_ASSERT_NOT_NULL(test, vma);
	vma->vm_start = VW_PAGE(first);
	vma->vm_end = VW_PAGE(last);
	vma->vm_flags = flags;
	KTEST_ASSERT_EQ(test, insert_vm_struct(mm, vma), 0);
	return vma;
}

/*
 * An mm with VMAs at pages [0, 2), [4, 8) and a VM_PFNMAP one at [10, 11),
 * every pte of [0, 12) present (tables made by apply_to_page_range()),
 * write-locked. Its tables go with vw_mm_put().
 */
static struct mm_struct *vw_mm_get(struct ktest *test, struct vma_walk_log *log)
{
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(test, mm);
	mmap_write_lock(mm);
	log->vmas[0] = vw_map(test, mm, 0, 2, VW_FLAGS);
	log->vmas[1] = vw_map(test, mm, 4, 8, VW_FLAGS);
	log->vmas[2] = vw_map(test, mm, 10, 11, VW_FLAGS | VM_PFNMAP | VM_IO);
	KTEST_ASSERT_EQ(test, apply_to_page_range(mm, VW_BASE, 12 * PAGE_SIZE, set_every_pte,
						 NULL), 0);
	return mm;
}

static void vw_mm_put(struct mm_struct *mm)
{
	test_mm_free_user_tables(mm);
	mmap_write_unlock(mm);
	mmput(mm);
}

static void expect_event(struct ktest *test, const struct vma_walk_log *log, unsigned int i,
			 char kind, long start, long end, int depth)
{
	KTEST_ASSERT_LT(test, i, log->nr);
	KTEST_EXPECT_EQ(test, log->ev[i].kind, kind);
	KTEST_EXPECT_EQ(test, log->ev[i].start, start);
	KTEST_EXPECT_EQ(test, log->ev[i].end, end);
	KTEST_EXPECT_EQ(test, log->ev[i].depth, depth);
}

/*
 * From page -1 to 12: the gaps are holes of depth -1 (the PFNMAP VMA too),
 * each other VMA is framed by pre_vma and post_vma, and only its own ptes
 * reach pte_entry, with walk->vma set to it.
 */
static void walk_page_range_goes_vma_by_vma(struct ktest *test)
{
	static struct vma_walk_log log;
	unsigned long tables = nr_pagetable();
	struct mm_struct *mm;

	memset(&log, 0, sizeof(log));
	mm = vw_mm_get(test, &log);
	KTEST_EXPECT_EQ(test, walk_page_range(mm, VW_PAGE(0) - PAGE_SIZE, VW_PAGE(12),
					      &vma_walk_ops, &log), 0);
	KTEST_EXPECT_FALSE(test, log.vma_wrong);
	KTEST_EXPECT_EQ(test, log.nr, 9u);
	expect_event(test, &log, 0, 'h', -1, 0, -1);
	expect_event(test, &log, 1, '<', 0, 2, 0);
	expect_event(test, &log, 2, '>', 0, 2, 0);
	expect_event(test, &log, 3, 'h', 2, 4, -1);
	expect_event(test, &log, 4, '<', 4, 8, 0);
	expect_event(test, &log, 5, '>', 4, 8, 0);
	expect_event(test, &log, 6, 'h', 8, 10, -1);
	expect_event(test, &log, 7, 'h', 10, 11, -1);	/* VM_PFNMAP: not walked */
	expect_event(test, &log, 8, 'h', 11, 12, -1);
	KTEST_EXPECT_EQ(test, log.ptes[0], 2u);
	KTEST_EXPECT_EQ(test, log.ptes[1], 4u);
	KTEST_EXPECT_EQ(test, log.ptes[2], 0u);

	/* A range inside one VMA: only the part asked for. */
	memset(log.ev, 0, sizeof(log.ev));
	log.nr = 0;
	log.ptes[1] = 0;
	KTEST_EXPECT_EQ(test, walk_page_range(mm, VW_PAGE(5), VW_PAGE(7), &vma_walk_ops, &log), 0);
	KTEST_EXPECT_EQ(test, log.nr, 2u);
	expect_event(test, &log, 0, '<', 5, 7, 0);
	KTEST_EXPECT_EQ(test, log.ptes[1], 2u);
	vw_mm_put(mm);
	KTEST_EXPECT_EQ(test, nr_pagetable(), tables);	/* every table, the pgd too */
}

/* test_walk() > 0 skips a VMA whole; a pre_vma() error ends the walk with it. */
static void walk_page_range_skips_and_stops_as_told(struct ktest *test)
{
	static struct vma_walk_log log;
	struct mm_struct *mm;

	memset(&log, 0, sizeof(log));
	mm = vw_mm_get(test, &log);
	log.skip = log.vmas[0];
	KTEST_EXPECT_EQ(test, walk_page_range(mm, VW_PAGE(0), VW_PAGE(8), &vma_walk_skip_ops,
					      &log), 0);
	KTEST_EXPECT_EQ(test, log.ptes[0], 0u);
	KTEST_EXPECT_EQ(test, log.ptes[1], 4u);
	KTEST_EXPECT_EQ(test, log.nr, 3u);
	expect_event(test, &log, 0, 'h', 2, 4, -1);
	expect_event(test, &log, 1, '<', 4, 8, 0);

	memset(log.ev, 0, sizeof(log.ev));
	log.nr = 0;
	log.skip = NULL;
	log.pre_vma_error = -EBUSY;
	KTEST_EXPECT_EQ(test, walk_page_range(mm, VW_PAGE(0), VW_PAGE(12), &vma_walk_ops, &log),
			-EBUSY);
	KTEST_EXPECT_EQ(test, log.nr, 1u);		/* the first pre_vma, nothing after */
	KTEST_EXPECT_EQ(test, walk_page_range(mm, VW_PAGE(4), VW_PAGE(4), &vma_walk_ops, &log),
			-EINVAL);
	vw_mm_put(mm);
}

static struct ktest_case pagewalk_cases[] = {
	KTEST_CASE(populate_counts_every_table),
	KTEST_CASE(walk_sees_every_level_and_hole),
	KTEST_CASE(empty_top_level_is_a_depth_1_hole),
	KTEST_CASE(walk_follows_actions_and_errors),
	KTEST_CASE(populate_race_keeps_the_first_table),
	KTEST_CASE(concurrent_populate_keeps_one_table_each),
	KTEST_CASE(apply_to_existing_skips_holes),
	KTEST_CASE(vmalloc_tables_are_counted_and_kept),
	KTEST_CASE(dump_pagetable_prints_every_level),
	KTEST_CASE(walk_page_range_goes_vma_by_vma),
	KTEST_CASE(walk_page_range_skips_and_stops_as_told),
	{}
};

static struct ktest_suite pagewalk_suite = {
	.name = "pagewalk",
	.init = ktest_pause_fault_injection,
	.exit = ktest_resume_fault_injection,
	.test_cases = pagewalk_cases,
};
ktest_register_suite(pagewalk_suite);
