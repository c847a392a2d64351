/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the slab allocator's suites share (slub_test.c, slub_alloc_test.c):
 * their per-case hooks, free-page baselines, and a few views of SLUB's
 * structures (mm/slab.h is included to read them). Everything here is
 * static: each suite gets its own copy, scratch arrays included.
 *
 * "Every page back" is measured after shrinking what the case touched:
 * per-CPU and min_partial slabs are kept by design, not leaked.
 */
#ifndef _TESTS_KERNEL_SLUB_TEST_H
#define _TESTS_KERNEL_SLUB_TEST_H

#include <linux/ktest.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/string.h>
#include <linux/fault-inject.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include "../../mm/internal.h"
#include "../../mm/slab.h"

/*
 * Fault injection. Under fail_page_alloc= the page allocator's injection is
 * paused while a case runs: the cases need their slabs' pages. Under
 * failslab= (tools/runtest.py boots every suite with it) the slab
 * allocator's is not: any object may fail to come, and the cases show that
 * its callers survive that. A case that needs an object it did not get
 * gives back what it holds and calls slub_alloc_failed(); a case whose
 * subject is volume (a torture run, filling memory) counts the failures
 * and goes on.
 */
static bool page_injection_was_on;
static unsigned long failslab_failures_before;	/* when the case began */

static inline unsigned long failslab_failures(void)
{
	return READ_ONCE(failslab.attr.failures);
}

/* Has failslab= failed an allocation since the case began? */
static inline bool failslab_injected(void)
{
	return failslab_failures() != failslab_failures_before;
}

static inline int slub_test_init(struct ktest *test)
{
	page_injection_was_on = fail_page_alloc_enabled;
	fail_page_alloc_enabled = false;
	failslab_failures_before = failslab_failures();
	return 0;
}

static inline void slub_test_exit(struct ktest *test)
{
	fail_page_alloc_enabled = page_injection_was_on;
}

/**
 * slub_alloc_failed - an allocation the case needs returned NULL
 * @test: the case
 * @what: what returned NULL, for the report
 *
 * When failslab= has injected a failure since the case began, the case is
 * skipped (unless it has failed already: a skip never hides a failure);
 * otherwise it fails at the caller's line. The caller then gives back what
 * it holds and returns, or goes on with what it has: checks that fail on
 * the way still fail the case.
 */
#define slub_alloc_failed(test, what) __slub_alloc_failed(test, what, failslab_injected())

/* The same, when the caller knows whether failslab= failed this very allocation. */
#define __slub_alloc_failed(test, what, injected) do {				\
	if (!(injected))							\
		KTEST_FAIL(test, "%s failed", what);				\
	else if ((test)->status != KTEST_FAILURE)				\
		ktest_skip(test, "%s failed under failslab", what);		\
} while (0)

/* @p must not be NULL, and the case holds nothing else: skip or fail, and end it. */
#define SLUB_ASSERT_ALLOC(test, p) do {						\
	if (!(p)) {								\
		slub_alloc_failed(test, "allocating " #p);			\
		ktest_abort(test);						\
	}									\
} while (0)

/* A case that goes on after @nulls NULLs: failslab= injected at least as many. */
#define SLUB_EXPECT_INJECTED(test, nulls)					\
	KTEST_EXPECT_LE(test, (unsigned long)(nulls),				\
			failslab_failures() - failslab_failures_before)

static inline unsigned long free_baseline(void)
{
	drain_all_pages(NULL);
	return nr_free_pages();
}

/* The cache struct kmem_cache comes from: where a new unmerged cache's structure lives. */
static inline struct kmem_cache *kmem_cache_cache(void)
{
	static struct kmem_cache *cache;
	struct kmem_cache *probe;

	if (!cache) {
		probe = kmem_cache_create("probe", 8, 0, SLAB_NO_MERGE, NULL);
		if (probe) {
			cache = virt_to_slab(probe)->slab_cache;
			kmem_cache_destroy(probe);
		}
	}
	return cache;
}

/*
 * Free pages once no cache the tests touch keeps an empty slab: @s (if
 * any), every kmalloc cache and the kmem_cache cache are shrunk first, so
 * that per-CPU and min_partial slabs kept by the design do not count; nor
 * do the stacks of exited kthreads that the per-CPU stack caches keep.
 */
static inline unsigned long free_pages_shrunk(struct kmem_cache *s)
{
	unsigned int type, i;

	free_vm_stack_caches();
	if (s)
		kmem_cache_shrink(s);
	for (type = 0; type < NR_KMALLOC_TYPES; type++)
		for (i = 1; i <= KMALLOC_SHIFT_HIGH; i++)
			kmem_cache_shrink(kmalloc_caches[type][i]);
	if (kmem_cache_cache())
		kmem_cache_shrink(kmem_cache_cache());
	return free_baseline();
}

static inline struct kmem_cache *cache_of(const void *obj)
{
	struct slab *slab = virt_to_slab(obj);

	return slab ? slab->slab_cache : NULL;
}

static inline long slabs_of(struct kmem_cache *s)
{
	return atomic_long_read(&s->nr_slabs);
}

static inline int cmp_ptr(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

/*
 * A case about the layout, order or merging of plain caches skips when the
 * boot's slub_debug= makes cache @name a debug cache: red zones and tracks
 * change its size and order, and debug caches never merge.
 */
static inline void skip_if_slub_debug(struct ktest *test, const char *name)
{
	if (kmem_cache_flags(name, 0) & SLAB_DEBUG_FLAGS)
		KTEST_SKIP(test, "slub_debug= covers %s", name);
}

/**
 * alloc_objects - @n objects of @s into @p, all or none
 * @s: the cache
 * @gfp: the allocations' flags
 * @p: where the objects go
 * @n: how many
 *
 * One kmem_cache_alloc() each (the bulk API is a subject of its own).
 * Return: true when all came; after a NULL, the objects taken are freed
 * again and false is returned.
 */
static inline bool alloc_objects(struct kmem_cache *s, gfp_t gfp, void **p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		p[i] = kmem_cache_alloc(s, gfp);
		if (!p[i]) {
			while (i--)
				kmem_cache_free(s, p[i]);
			return false;
		}
	}
	return true;
}

/* kmalloc's classes, smallest first. */
static const unsigned int kmalloc_classes[] = {
	8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192
};

/* Scratch arrays of the cases. */
static void *ptrs[1024];
static void *ptrs2[1024];

#endif /* _TESTS_KERNEL_SLUB_TEST_H */
