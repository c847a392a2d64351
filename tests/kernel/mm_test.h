/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the suites that count pages share: a settled free-page count, and
 * a wait for the stacks of stopped tasks, which the scheduler frees on
 * their own CPUs after kthread_stop() has returned.
 */
#ifndef _TESTS_KERNEL_MM_TEST_H
#define _TESTS_KERNEL_MM_TEST_H

#include <linux/ktest.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/rmap.h>
#include <linux/slab.h>
#include <linux/sched/mm.h>
#include <linux/sched.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <linux/fault-inject.h>
#include <linux/pgtable.h>
#include <linux/string.h>
#include <asm/pgalloc.h>
#include "../../mm/slab.h"

/*
 * Free pages with none held where the kernel keeps freed memory for
 * reuse: the per-CPU stack caches, lazily freed vmap areas, the per-CPU
 * page lists.
 */
static inline unsigned long free_pages_settled(void)
{
	free_vm_stack_caches();
	vm_unmap_aliases();
	drain_all_pages(NULL);
	return nr_free_pages();
}

/* Objects of @s in use (what slabinfo's active_objs says once CPU slabs are flushed). */
static inline unsigned long objects_in_use(struct kmem_cache *s)
{
	flush_all(s);
	return atomic_long_read(&s->total_objects) - count_free_objects(s);
}

/*
 * free_pages_settled(), with the caches of address spaces (mms, VMAs,
 * anon_vmas and their chains) emptied of free slabs first.
 */
static inline unsigned long free_pages_shrunk(void)
{
	kmem_cache_shrink(anon_vma_cachep);
	kmem_cache_shrink(anon_vma_chain_cachep);
	kmem_cache_shrink(vm_area_cachep);
	kmem_cache_shrink(mm_cachep);
	return free_pages_settled();
}

static inline unsigned long kernel_stack_kb(void)
{
	return global_zone_page_state(NR_KERNEL_STACK_KB);
}

/*
 * Wait until the live tasks' stacks are back to @kb (taken before the
 * case made its tasks), for up to 2 s. Return: whether they are.
 */
static inline bool wait_for_stacks_freed(unsigned long kb)
{
	return ktest_wait_for(kernel_stack_kb() <= kb, 2000);
}

/* Make @attr fail every call once @space bytes have passed, without limit. */
static inline void fault_attr_fail_always(struct fault_attr *attr, long space)
{
	attr->probability = 100;
	attr->interval = 1;
	attr->times = -1;
	attr->space = space;
	ratelimit_state_reset_interval(&attr->ratelimit_state, DEFAULT_RATELIMIT_INTERVAL);
}

/* Fail every page allocation of @min_order or more after @space bytes (the caller saved fail_page_alloc). */
static inline void fail_pages_always(long space, unsigned int min_order)
{
	fault_attr_fail_always(&fail_page_alloc.attr, space);
	fail_page_alloc.min_order = min_order;
	fail_page_alloc.ignore_gfp_wait = false;
	fail_page_alloc.ignore_gfp_nowarn = false;
	fail_page_alloc_enabled = true;
}

/* Fail every slab allocation after @space bytes (the caller saved failslab). */
static inline void fail_slab_always(long space)
{
	fault_attr_fail_always(&failslab.attr, space);
	failslab.ignore_gfp_wait = false;
	failslab.cache_filter = false;
	failslab_enabled = true;
}

/*
 * A private mm for a case: its own pgd from pgd_alloc() (the kernel half
 * init_mm's), counts at one, the lock ready. Return: false if no memory.
 */
static inline bool test_mm_init(struct mm_struct *mm)
{
	memset(mm, 0, sizeof(*mm));
	atomic_set(&mm->mm_users, 1);
	atomic_set(&mm->mm_count, 1);
	spin_lock_init(&mm->page_table_lock);
	mmap_init_lock(mm);
	mm->pgd = pgd_alloc(mm);
	return mm->pgd;
}

static inline void test_free_pmd_table(struct mm_struct *mm, pud_t *pud)
{
	pmd_t *pmd = pmd_offset(pud, 0);
	unsigned int i;

	for (i = 0; i < PTRS_PER_PMD; i++) {
		pmd_t val = pmdp_get(&pmd[i]);

		if (!pmd_none(val) && !pmd_leaf(val))
			pte_free(mm, virt_to_page((void *)pmd_page_vaddr(val)));
	}
	pmd_free(mm, pmd);
}

static inline void test_free_pud_table(struct mm_struct *mm, p4d_t *p4d)
{
	pud_t *pud = pud_offset(p4d, 0);
	unsigned int i;

	for (i = 0; i < PTRS_PER_PUD; i++) {
		pud_t val = pudp_get(&pud[i]);

		if (!pud_none(val) && !pud_leaf(val))
			test_free_pmd_table(mm, &pud[i]);
	}
	pud_free(mm, pud);
}

/*
 * Free the user half's tables (not the pages they map), emptying the pgd's
 * user entries. The mm must not be loaded on any CPU.
 */
static inline void test_mm_free_user_tables(struct mm_struct *mm)
{
	unsigned int i;

	for (i = 0; i < pgd_index(PAGE_OFFSET); i++) {
		p4d_t *p4d = p4d_offset(mm->pgd + i, 0);

		if (!p4d_none(p4dp_get(p4d))) {
			test_free_pud_table(mm, p4d);
			p4d_clear(p4d);
		}
	}
}

static inline int test_set_user_pte(pte_t *pte, unsigned long addr, void *data)
{
	set_pte(pte, *(pte_t *)data);
	return 0;
}

/*
 * Map @page at @addr in @mm for ring 3 (present, user, accessed, and
 * @flags: _PAGE_RW, _PAGE_NX...), its tables made as needed: the user
 * pages of the suites that run code in ring 3 without VMAs.
 * Return: 0 or -ENOMEM.
 */
static inline int test_map_user_page(struct mm_struct *mm, unsigned long addr,
				     struct page *page, unsigned long flags)
{
	pte_t pte = pfn_pte(page_to_pfn(page), __pgprot(_PAGE_PRESENT | _PAGE_USER |
							_PAGE_ACCESSED | flags));

	return apply_to_page_range(mm, addr, PAGE_SIZE, test_set_user_pte, &pte);
}

/* test_mm_free_user_tables(), then the pgd (the kernel half is init_mm's). */
static inline void test_mm_destroy(struct mm_struct *mm)
{
	test_mm_free_user_tables(mm);
	pgd_free(mm, mm->pgd);
}

#endif /* _TESTS_KERNEL_MM_TEST_H */
