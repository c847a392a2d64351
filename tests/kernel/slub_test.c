// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the slab allocator (mm/slub.c): the kmalloc family's sizes and
 * semantics, caches with alignment and constructors, frees from other
 * CPUs, destroy and shrink giving every page back, misuse reports, and a
 * torture run on all CPUs checking every byte it gets.
 *
 * Then, by the allocator's parts: the bulk API, cache merging, the DMA
 * kmalloc caches, slab order and objects per slab (mm/slab.h is included
 * to read them), per-CPU partial slabs, running out of memory, the memory
 * a million small objects take, a torture with frees on other CPUs, and
 * the boot parameters, whose cases skip unless the command line has them
 * (tools/runtest.py boots the suite with them once).
 *
 * "Every page back" is measured after shrinking what the case touched:
 * per-CPU and min_partial slabs are kept by design, not leaked.
 */
#include <linux/ktest.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/kthread.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/shell.h>
#include <linux/bench.h>
#include <linux/string.h>
#include <linux/sort.h>
#include <linux/sprintf.h>
#include <linux/kstrtox.h>
#include <linux/init.h>
#include <linux/mmzone.h>
#include <linux/spinlock.h>
#include "../../mm/internal.h"
#include "../../mm/slab.h"

/*
 * These cases need their allocations to succeed: under fail_page_alloc=
 * the page fault injection is paused while they run (slab fault injection,
 * failslab=, is still to come).
 */
static bool injection_was_on;

static int slub_test_init(struct ktest *test)
{
	injection_was_on = fail_page_alloc_enabled;
	fail_page_alloc_enabled = false;
	return 0;
}

static void slub_test_exit(struct ktest *test)
{
	fail_page_alloc_enabled = injection_was_on;
}

static unsigned long free_baseline(void)
{
	drain_all_pages(NULL);
	return nr_free_pages();
}

static void kmalloc_objects_are_aligned_and_big_enough(struct ktest *test)
{
	size_t size;

	for (size = 1; size <= 8192; size += size < 256 ? 1 : 61) {
		void *p = kmalloc(size, GFP_KERNEL);

		KTEST_ASSERT_NOT_NULL(test, p);
		KTEST_EXPECT_GE(test, ksize(p), size);
		KTEST_EXPECT_EQ(test, (unsigned long)p % 8, 0UL);
		/* Power-of-two sizes are naturally aligned, as Linux guarantees. */
		if (!(size & (size - 1)))
			KTEST_EXPECT_EQ(test, (unsigned long)p % size, 0UL);
		memset(p, 0x5a, size);
		kfree(p);
	}
}

static void kmalloc_size_classes_include_96_and_192(struct ktest *test)
{
	static const size_t ask[] = { 1, 8, 9, 33, 65, 96, 97, 129, 192, 193, 300, 4097 };
	static const size_t got[] = { 8, 8, 16, 64, 96, 96, 128, 192, 192, 256, 512, 8192 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ask); i++) {
		void *p = kmalloc(ask[i], GFP_KERNEL);

		KTEST_ASSERT_NOT_NULL(test, p);
		KTEST_EXPECT_EQ(test, ksize(p), got[i]);
		kfree(p);
	}
}

static void kmalloc_zero_and_kfree_null(struct ktest *test)
{
	KTEST_EXPECT_PTR_EQ(test, kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	kfree(NULL);
	kfree(ZERO_SIZE_PTR);
	KTEST_EXPECT_EQ(test, ksize(ZERO_SIZE_PTR), 0UL);
	KTEST_EXPECT_EQ(test, ksize(NULL), 0UL);
}

static void kzalloc_zeroes_a_reused_object(struct ktest *test)
{
	char *p = kmalloc(200, GFP_KERNEL), *q;

	KTEST_ASSERT_NOT_NULL(test, p);
	memset(p, 0xff, 200);
	kfree(p);
	q = kzalloc(200, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, q);
	KTEST_EXPECT_PTR_EQ(test, q, p);	/* the same CPU reuses it first */
	KTEST_EXPECT_TRUE(test, !memchr_inv(q, 0, 200));
	kfree(q);
}

static void kmalloc_array_checks_overflow(struct ktest *test)
{
	void *p;

	KTEST_EXPECT_NULL(test, kmalloc_array(~0UL / 2, 4, GFP_KERNEL));
	KTEST_EXPECT_NULL(test, kcalloc(1UL << 62, 8, GFP_KERNEL));
	p = kcalloc(10, 12, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_TRUE(test, !memchr_inv(p, 0, 120));
	kfree(p);
}

static void large_kmalloc_comes_from_the_page_allocator(struct ktest *test)
{
	unsigned long before = free_baseline();
	void *p = kmalloc(20000, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_EQ(test, (unsigned long)p & ~PAGE_MASK, 0UL);
	KTEST_EXPECT_EQ(test, ksize(p), 32768UL);
	KTEST_EXPECT_FALSE(test, PageSlab(virt_to_page(p)));
	memset(p, 1, 20000);
	kfree(p);
	KTEST_EXPECT_EQ(test, free_baseline(), before);
}

static void krealloc_keeps_the_contents(struct ktest *test)
{
	char *p = kmalloc(20, GFP_KERNEL), *q;

	KTEST_ASSERT_NOT_NULL(test, p);
	memcpy(p, "0123456789abcdefghij", 20);
	KTEST_EXPECT_PTR_EQ(test, krealloc(p, 24, GFP_KERNEL), p);	/* fits in 32 */
	q = krealloc(p, 3000, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, q);
	KTEST_EXPECT_MEMEQ(test, q, "0123456789abcdefghij", 20);
	KTEST_EXPECT_PTR_EQ(test, krealloc(q, 0, GFP_KERNEL), ZERO_SIZE_PTR);
	q = krealloc(NULL, 10, GFP_KERNEL);
	KTEST_EXPECT_NOT_NULL(test, q);
	kfree(q);
}

static void kmemdup_and_kstrdup_copy(struct ktest *test)
{
	char *a = kstrdup("memory", GFP_KERNEL), *b = kstrndup("manager", 3, GFP_KERNEL);
	char *c = kmemdup("\0\1\2", 3, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_ASSERT_NOT_NULL(test, b);
	KTEST_ASSERT_NOT_NULL(test, c);
	KTEST_EXPECT_STREQ(test, a, "memory");
	KTEST_EXPECT_STREQ(test, b, "man");
	KTEST_EXPECT_MEMEQ(test, c, "\0\1\2", 3);
	KTEST_EXPECT_NULL(test, kstrdup(NULL, GFP_KERNEL));
	kfree(a);
	kfree(b);
	kfree(c);
}

static void caches_honour_alignment(struct ktest *test)
{
	static const unsigned int aligns[] = { 0, 8, 64, 256 };
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(aligns); i++) {
		struct kmem_cache *s = kmem_cache_create("align-test", 40, aligns[i],
							 i == 0 ? SLAB_HWCACHE_ALIGN : 0, NULL);
		void *objs[20];

		KTEST_ASSERT_NOT_NULL(test, s);
		for (j = 0; j < ARRAY_SIZE(objs); j++) {
			objs[j] = kmem_cache_alloc(s, GFP_KERNEL);
			KTEST_ASSERT_NOT_NULL(test, objs[j]);
			KTEST_EXPECT_EQ(test, (unsigned long)objs[j] %
					(i == 0 ? 64 : aligns[i]), 0UL);
		}
		for (j = 0; j < ARRAY_SIZE(objs); j++)
			kmem_cache_free(s, objs[j]);
		kmem_cache_destroy(s);
	}
}

static atomic_t ctor_calls;

static void test_ctor(void *obj)
{
	atomic_inc(&ctor_calls);
	memset(obj, 0x42, 24);
}

static void constructors_run_once_per_object_lifetime(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("ctor-test", 24, 0, 0, test_ctor);
	unsigned char *p, *q;
	int calls;

	KTEST_ASSERT_NOT_NULL(test, s);
	atomic_set(&ctor_calls, 0);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	calls = atomic_read(&ctor_calls);
	KTEST_EXPECT_GT(test, calls, 0);	/* the slab's objects, once each */
	KTEST_EXPECT_TRUE(test, !memchr_inv(p, 0x42, 24));
	kmem_cache_free(s, p);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_PTR_EQ(test, q, p);
	/* Freed and handed out again: still in its constructed state, no new call. */
	KTEST_EXPECT_TRUE(test, !memchr_inv(q, 0x42, 24));
	KTEST_EXPECT_EQ(test, atomic_read(&ctor_calls), calls);
	kmem_cache_free(s, q);
	kmem_cache_destroy(s);
}

static void cache_objects_are_distinct_and_keep_their_bytes(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("pattern-test", 64, 0, 0, NULL);
	static unsigned long *objs[1000];
	unsigned int i, j, bad = 0;

	KTEST_ASSERT_NOT_NULL(test, s);
	for (i = 0; i < ARRAY_SIZE(objs); i++) {
		objs[i] = kmem_cache_zalloc(s, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, objs[i]);
		bad += !!memchr_inv(objs[i], 0, 64);
		for (j = 0; j < 8; j++)
			objs[i][j] = (unsigned long)objs[i] ^ j;
	}
	for (i = 0; i < ARRAY_SIZE(objs); i++)
		for (j = 0; j < 8; j++)
			bad += objs[i][j] != ((unsigned long)objs[i] ^ j);
	for (i = 0; i < ARRAY_SIZE(objs); i++)
		kmem_cache_free(s, objs[i]);
	KTEST_EXPECT_EQ(test, bad, 0u);
	kmem_cache_destroy(s);
}

static void free_on_cpu(void *p)
{
	kfree(p);
}

static void objects_freed_on_other_cpus_come_back(struct ktest *test)
{
	void *objs[64];
	unsigned int i, cpu = 0;

	if (nr_cpu_ids < 2)
		KTEST_SKIP(test, "one CPU");
	for (i = 0; i < ARRAY_SIZE(objs); i++) {
		objs[i] = kmalloc(128, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, objs[i]);
	}
	for (i = 0; i < ARRAY_SIZE(objs); i++) {
		cpu = (cpu + 1) % nr_cpu_ids;
		smp_call_function_single(cpu ? cpu : 1, free_on_cpu, objs[i], true);
	}
	/* The same memory comes back to this CPU, through the slabs' remote lists. */
	for (i = 0; i < ARRAY_SIZE(objs); i++) {
		objs[i] = kmalloc(128, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, objs[i]);
		memset(objs[i], 0x77, 128);
	}
	for (i = 0; i < ARRAY_SIZE(objs); i++)
		kfree(objs[i]);
}

static void destroy_with_live_objects_reports_and_keeps_the_cache(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("leaky", 100, 0, 0, NULL);
	void *p;

	KTEST_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	kmem_cache_destroy(s);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
		"kmem_cache_destroy leaky: Slab cache still has objects"));
	kmem_cache_free(s, p);	/* the cache still works */
	kmem_cache_destroy(s);
}

static void create_use_destroy_gives_every_page_back(struct ktest *test)
{
	unsigned long before = free_baseline();
	struct kmem_cache *s = kmem_cache_create("roundtrip", 300, 0, 0, NULL);
	static void *objs[2000];
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(test, s);
	for (i = 0; i < ARRAY_SIZE(objs); i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	for (i = 0; i < ARRAY_SIZE(objs); i += 2)
		kmem_cache_free(s, objs[i]);
	for (i = 1; i < ARRAY_SIZE(objs); i += 2)
		kmem_cache_free(s, objs[i]);
	kmem_cache_destroy(s);
	/* The cache's own structure lives in the kmem_cache cache's slab. */
	KTEST_EXPECT_LE(test, before - free_baseline(), 8UL);
}

static void shrink_frees_empty_slabs(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("shrink", 512, 0, 0, NULL);
	static void *objs[400];
	unsigned long with_slabs, after;
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(test, s);
	for (i = 0; i < ARRAY_SIZE(objs); i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	for (i = 0; i < ARRAY_SIZE(objs); i++)
		kmem_cache_free(s, objs[i]);
	with_slabs = free_baseline();
	kmem_cache_shrink(s);
	after = free_baseline();
	KTEST_EXPECT_GT(test, after, with_slabs);
	kmem_cache_destroy(s);
}

static void free_to_the_wrong_cache_is_reported(struct ktest *test)
{
	struct kmem_cache *a = kmem_cache_create("cache-a", 64, 0, SLAB_NO_MERGE, NULL);
	struct kmem_cache *b = kmem_cache_create("cache-b", 64, 0, SLAB_NO_MERGE, NULL);
	void *p;

	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_ASSERT_NOT_NULL(test, b);
	p = kmem_cache_alloc(a, GFP_KERNEL);
	kmem_cache_free(b, p);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
		"kmem_cache_free(cache-b): "));
	kmem_cache_free(a, p);
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
}

static void kfree_of_a_non_kmalloc_pointer_is_reported(struct ktest *test)
{
	struct page *page = alloc_page(GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, page);
	kfree(page_address(page));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "is not a kmalloc()ed object"));
	KTEST_EXPECT_EQ(test, page_ref_count(page), 1);
	__free_page(page);
}

static void slabinfo_prints_proc_slabinfo(struct ktest *test)
{
	char line[16] = "slabinfo";

	KTEST_EXPECT_EQ(test, shell_exec(line), 0);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "slabinfo - version: 2.1"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "kmalloc-96 "));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "kmem_cache "));
}

/* Random sizes from a kthread per CPU, every byte checked. */
static atomic_t slab_torture_bad;

static int slab_torture(void *data)
{
	u64 rnd = 0x2545f4914f6cdd1dULL ^ ((u64)smp_processor_id() << 32);
	unsigned char *slot[32] = { NULL };
	size_t len[32] = { 0 };
	unsigned int i, s;
	size_t j;

	for (i = 0; i < 4000; i++) {
		rnd ^= rnd << 13;
		rnd ^= rnd >> 7;
		rnd ^= rnd << 17;
		s = rnd % 32;
		if (slot[s]) {
			for (j = 0; j < len[s]; j++)
				if (slot[s][j] != (u8)(j ^ s))
					atomic_inc(&slab_torture_bad);
			kfree(slot[s]);
			slot[s] = NULL;
			continue;
		}
		len[s] = 1 + (rnd >> 20) % 3000;
		slot[s] = kmalloc(len[s], GFP_KERNEL);
		if (slot[s])
			for (j = 0; j < len[s]; j++)
				slot[s][j] = (u8)(j ^ s);
		if (i % 128 == 0)
			cond_resched();
	}
	for (s = 0; s < 32; s++)
		kfree(slot[s]);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void torture_on_every_cpu_checks_every_byte(struct ktest *test)
{
	struct task_struct *k[NR_CPUS];
	unsigned int cpu;

	atomic_set(&slab_torture_bad, 0);
	for_each_online_cpu(cpu) {
		k[cpu] = kthread_create(slab_torture, NULL, "slab-torture/%u", cpu);
		KTEST_ASSERT_NOT_NULL(test, k[cpu]);
		kthread_bind(k[cpu], cpu);
		wake_up_process(k[cpu]);
	}
	for_each_online_cpu(cpu)
		kthread_stop(k[cpu]);
	KTEST_EXPECT_EQ(test, atomic_read(&slab_torture_bad), 0);
	KTEST_EXPECT_TRUE(test, free_area_check());
}

/* ---- helpers of the cases below ------------------------------------------ */

/*
 * The value of boot parameter @name ("slub_min_order=") on the command
 * line, or NULL when it is absent; for a flag ("slab_nomerge"), the text
 * after it. Only whole words count, as the parameter parser sees them.
 */
static const char *boot_param(const char *name)
{
	size_t len = strlen(name);
	const char *p = boot_command_line;

	while ((p = strstr(p, name))) {
		bool starts = p == boot_command_line || p[-1] == ' ';
		bool ends = name[len - 1] == '=' || p[len] == ' ' || !p[len];

		if (starts && ends)
			return p + len;
		p += len;
	}
	return NULL;
}

static unsigned int boot_param_uint(const char *name, unsigned int dflt)
{
	const char *val = boot_param(name);

	return val ? (unsigned int)simple_strtoul(val, NULL, 0) : dflt;
}

/* The cache struct kmem_cache comes from: where a new unmerged cache's structure lives. */
static struct kmem_cache *kmem_cache_cache(void)
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
 * that per-CPU and min_partial slabs kept by the design do not count.
 */
static unsigned long free_pages_shrunk(struct kmem_cache *s)
{
	unsigned int type, i;

	if (s)
		kmem_cache_shrink(s);
	for (type = 0; type < NR_KMALLOC_TYPES; type++)
		for (i = 1; i <= KMALLOC_SHIFT_HIGH; i++)
			kmem_cache_shrink(kmalloc_caches[type][i]);
	if (kmem_cache_cache())
		kmem_cache_shrink(kmem_cache_cache());
	return free_baseline();
}

/* An online CPU other than this one (the cases run on CPU 0), or -1. */
static int other_cpu(void)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		if (cpu != raw_smp_processor_id())
			return (int)cpu;
	return -1;
}

static struct kmem_cache *cache_of(const void *obj)
{
	struct page *slab = virt_to_slab(obj);

	return slab ? slab->slab_cache : NULL;
}

static long slabs_of(struct kmem_cache *s)
{
	return atomic_long_read(&s->nr_slabs);
}

static int cmp_ptr(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

/* Do the @n objects of @p, @size bytes each, not overlap? Sorts @p. */
static bool objects_are_disjoint(void **p, size_t n, size_t size)
{
	size_t i;

	sort(p, n, sizeof(*p), cmp_ptr, NULL);
	for (i = 1; i < n; i++)
		if ((char *)p[i - 1] + size > (char *)p[i])
			return false;
	return true;
}

/* kmalloc's classes, smallest first, and the smallest holding @size bytes. */
static const unsigned int kmalloc_classes[] = {
	8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192
};

static unsigned int kmalloc_class_size(size_t size)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(kmalloc_classes); i++)
		if (size <= kmalloc_classes[i])
			return kmalloc_classes[i];
	return 0;
}

/* The cache name of a class: "kmalloc-96", "kmalloc-1k", with @prefix before. */
static void kmalloc_class_name(char *buf, size_t len, const char *prefix, unsigned int size)
{
	if (size >= 1024)
		snprintf(buf, len, "%skmalloc-%uk", prefix, size / 1024);
	else
		snprintf(buf, len, "%skmalloc-%u", prefix, size);
}

static void *ptrs[1024];
static void *ptrs2[1024];

/* ---- bulk allocation and free -------------------------------------------- */

static void alloc_bulk_returns_distinct_writable_objects(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("bulk-rw", 200, 0, SLAB_NO_MERGE, NULL);
	size_t i, n, bad = 0;

	KTEST_ASSERT_NOT_NULL(test, s);
	n = min((size_t)(3 * s->objects + 7), ARRAY_SIZE(ptrs) - 1);	/* several slabs */
	memset(ptrs, 0, sizeof(ptrs));
	KTEST_ASSERT_EQ(test, kmem_cache_alloc_bulk(s, GFP_KERNEL, n, ptrs), (int)n);
	for (i = 0; i < n; i++) {
		KTEST_ASSERT_NOT_NULL(test, ptrs[i]);
		memset(ptrs[i], (int)(i & 0xff), 200);
	}
	/* Overlapping objects would have overwritten each other's bytes. */
	for (i = 0; i < n; i++)
		bad += !!memchr_inv(ptrs[i], (int)(i & 0xff), 200);
	KTEST_EXPECT_EQ(test, bad, (size_t)0);
	KTEST_EXPECT_PTR_EQ(test, ptrs[n], NULL);	/* nothing written past @nr */
	KTEST_EXPECT_GE(test, slabs_of(s), 3L);
	/* Objects handed out twice cannot be freed safely: stop, leaking them. */
	KTEST_ASSERT_TRUE(test, objects_are_disjoint(ptrs, n, 200));
	kmem_cache_free_bulk(s, n, ptrs);
	kmem_cache_destroy(s);
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "still has objects"));
}

static void free_bulk_gives_every_slab_page_back(struct ktest *test)
{
	unsigned long before = free_pages_shrunk(NULL);
	struct kmem_cache *s = kmem_cache_create("bulk-free", 512, 0, SLAB_NO_MERGE, NULL);
	size_t i, n = ARRAY_SIZE(ptrs);

	KTEST_ASSERT_NOT_NULL(test, s);
	KTEST_ASSERT_EQ(test, kmem_cache_alloc_bulk(s, GFP_KERNEL, n, ptrs), (int)n);
	KTEST_EXPECT_GE(test, slabs_of(s) * s->objects, (long)n);
	/* Freed in a scattered order: neighbours in the array are of other slabs. */
	for (i = 0; i < n; i++)
		ptrs2[i] = ptrs[(i * 7) % n];
	kmem_cache_free_bulk(s, n, ptrs2);
	kmem_cache_shrink(s);
	KTEST_EXPECT_EQ(test, slabs_of(s), 0L);
	kmem_cache_destroy(s);
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "still has objects"));
	KTEST_EXPECT_EQ(test, free_pages_shrunk(NULL), before);
}

static void kfree_bulk_frees_mixed_caches_and_large_kmallocs(struct ktest *test)
{
	/* 0: an object of the test's own cache. */
	static const size_t sizes[] = { 8, 100, 20000, 192, 8192, 0, 4096, 70000, 24, 1000, 0,
					9000 };
	unsigned long before = free_pages_shrunk(NULL);
	struct kmem_cache *s = kmem_cache_create("bulk-mixed", 72, 0, SLAB_NO_MERGE, NULL);
	size_t i, n = 300;

	KTEST_ASSERT_NOT_NULL(test, s);
	for (i = 0; i < n; i++) {
		size_t size = sizes[i % ARRAY_SIZE(sizes)];

		/* Some entries NULL, at both ends and in between. */
		if (i == 0 || i == n - 1 || i % 17 == 5) {
			ptrs[i] = NULL;
			continue;
		}
		ptrs[i] = size ? kmalloc(size, GFP_KERNEL) : kmem_cache_alloc(s, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, ptrs[i]);
		memset(ptrs[i], 0x6c, size ? size : 72);
	}
	kfree_bulk(n, ptrs);
	/* The cache's objects went back to it: it is destroyed without a report. */
	kmem_cache_destroy(s);
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "still has objects"));
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "is not a kmalloc()ed object"));
	KTEST_EXPECT_EQ(test, free_pages_shrunk(NULL), before);
}

static void kfree_bulk_skips_null_entries(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("bulk-null", 64, 0, SLAB_NO_MERGE, NULL);
	void *nulls[4] = { NULL, NULL, NULL, NULL };
	void *p[6], *a, *b, *x, *y;

	KTEST_ASSERT_NOT_NULL(test, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_ASSERT_NOT_NULL(test, b);
	kfree_bulk(ARRAY_SIZE(nulls), nulls);
	kmem_cache_free_bulk(s, ARRAY_SIZE(nulls), nulls);
	kmem_cache_free_bulk(s, 0, p);
	p[0] = NULL;
	p[1] = a;
	p[2] = NULL;
	p[3] = NULL;
	p[4] = b;
	p[5] = NULL;
	kfree_bulk(ARRAY_SIZE(p), p);
	/* Both were freed, onto this CPU's freelist: they are the next two objects. */
	x = kmem_cache_alloc(s, GFP_KERNEL);
	y = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_TRUE(test, (x == a && y == b) || (x == b && y == a));
	kmem_cache_free(s, x);
	kmem_cache_free(s, y);
	kmem_cache_shrink(s);
	KTEST_EXPECT_EQ(test, slabs_of(s), 0L);
	kmem_cache_destroy(s);
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "still has objects"));
}

static void alloc_bulk_with_gfp_zero_clears_reused_objects(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("bulk-zero", 300, 0, SLAB_NO_MERGE, NULL);
	size_t i, n, reused = 0, dirty = 0;

	KTEST_ASSERT_NOT_NULL(test, s);
	n = 2 * s->objects + 3;
	KTEST_ASSERT_EQ(test, kmem_cache_alloc_bulk(s, GFP_KERNEL, n, ptrs), (int)n);
	for (i = 0; i < n; i++)
		memset(ptrs[i], 0xa5, 300);
	memcpy(ptrs2, ptrs, n * sizeof(*ptrs));
	kmem_cache_free_bulk(s, n, ptrs);
	KTEST_ASSERT_EQ(test, kmem_cache_alloc_bulk(s, GFP_KERNEL | __GFP_ZERO, n, ptrs), (int)n);
	sort(ptrs2, n, sizeof(*ptrs2), cmp_ptr, NULL);
	for (i = 0; i < n; i++) {
		dirty += !!memchr_inv(ptrs[i], 0, 300);
		reused += !!bsearch(&ptrs[i], ptrs2, n, sizeof(*ptrs2), cmp_ptr);
	}
	KTEST_EXPECT_EQ(test, dirty, (size_t)0);
	KTEST_EXPECT_GT(test, reused, (size_t)0);	/* the case is about reused objects */
	kmem_cache_free_bulk(s, n, ptrs);
	kmem_cache_destroy(s);
}

/* ---- cache merging ------------------------------------------------------- */

/* The cases that expect merging have nothing to prove under slab_nomerge. */
/*
 * A case about the layout, order or merging of plain caches skips when the
 * boot's slub_debug= makes cache @name a debug cache: red zones and tracks
 * change its size and order, and debug caches never merge.
 */
static void skip_if_slub_debug(struct ktest *test, const char *name)
{
	if (kmem_cache_flags(name, 0) & SLAB_DEBUG_FLAGS)
		KTEST_SKIP(test, "slub_debug= covers %s", name);
}

static void skip_unless_merging(struct ktest *test, const char *name)
{
	if (boot_param("slab_nomerge"))
		KTEST_SKIP(test, "slab_nomerge");
	skip_if_slub_debug(test, name);
}

/* No kmalloc or boot cache has a size of 328 .. 335 bytes: nothing else merges in. */
#define MERGE_SIZE	328

static void compatible_caches_merge_under_the_first_name(struct ktest *test)
{
	struct kmem_cache *a, *b, *c;
	void *p;

	skip_unless_merging(test, "merge-a");
	a = kmem_cache_create("merge-a", MERGE_SIZE, 0, 0, NULL);
	b = kmem_cache_create("merge-b", MERGE_SIZE, 0, 0, NULL);
	c = kmem_cache_create("merge-c", MERGE_SIZE - 5, 0, 0, NULL);	/* 8-byte steps */
	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_EXPECT_PTR_EQ(test, b, a);
	KTEST_EXPECT_PTR_EQ(test, c, a);
	KTEST_EXPECT_STREQ(test, kmem_cache_name(a), "merge-a");
	KTEST_EXPECT_STREQ(test, kmem_cache_name(b), "merge-a");
	KTEST_EXPECT_EQ(test, a->refcount, 3);
	KTEST_EXPECT_EQ(test, kmem_cache_size(a), (unsigned int)MERGE_SIZE);
	p = kmem_cache_alloc(b, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_PTR_EQ(test, cache_of(p), a);
	kmem_cache_free(c, p);
	kmem_cache_destroy(c);
	kmem_cache_destroy(b);
	kmem_cache_destroy(a);
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "still has objects"));
}

static void destroying_one_alias_keeps_the_other_usable(struct ktest *test)
{
	struct kmem_cache *a, *b, *c;
	void *p, *q;

	skip_unless_merging(test, "alias-a");
	a = kmem_cache_create("alias-a", MERGE_SIZE, 0, 0, NULL);
	b = kmem_cache_create("alias-b", MERGE_SIZE, 0, 0, NULL);
	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_ASSERT_TRUE(test, b == a);
	p = kmem_cache_alloc(b, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	kmem_cache_destroy(a);		/* b still has an object: no report, nothing freed */
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "still has objects"));
	KTEST_EXPECT_EQ(test, b->refcount, 1);
	q = kmem_cache_alloc(b, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, q);
	memset(p, 1, MERGE_SIZE);
	memset(q, 2, MERGE_SIZE);
	kmem_cache_free(b, p);
	kmem_cache_free(b, q);
	kmem_cache_destroy(b);
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "still has objects"));
	/* The last reference is gone with the cache: a new one is a cache of its own. */
	c = kmem_cache_create("alias-c", MERGE_SIZE, 0, 0, NULL);
	KTEST_ASSERT_NOT_NULL(test, c);
	KTEST_EXPECT_STREQ(test, kmem_cache_name(c), "alias-c");
	KTEST_EXPECT_EQ(test, c->refcount, 1);
	kmem_cache_destroy(c);
}

static void merge_ctor(void *obj)
{
	memset(obj, 0x11, 8);
}

static void no_merge_flag_or_constructor_prevents_merging(struct ktest *test)
{
	struct kmem_cache *plain = kmem_cache_create("nm-plain", MERGE_SIZE, 0, 0, NULL);
	struct kmem_cache *nm = kmem_cache_create("nm-flag", MERGE_SIZE, 0, SLAB_NO_MERGE, NULL);
	struct kmem_cache *ct = kmem_cache_create("nm-ctor", MERGE_SIZE, 0, 0, merge_ctor);
	struct kmem_cache *late;

	KTEST_ASSERT_NOT_NULL(test, plain);
	KTEST_ASSERT_NOT_NULL(test, nm);
	KTEST_ASSERT_NOT_NULL(test, ct);
	KTEST_EXPECT_PTR_NE(test, nm, plain);
	KTEST_EXPECT_PTR_NE(test, ct, plain);
	KTEST_EXPECT_PTR_NE(test, ct, nm);
	kmem_cache_destroy(plain);
	/* Nor does a compatible cache created later join them. */
	late = kmem_cache_create("nm-late", MERGE_SIZE, 0, 0, NULL);
	KTEST_ASSERT_NOT_NULL(test, late);
	KTEST_EXPECT_PTR_NE(test, late, nm);
	KTEST_EXPECT_PTR_NE(test, late, ct);
	KTEST_EXPECT_STREQ(test, kmem_cache_name(late), "nm-late");
	KTEST_EXPECT_EQ(test, nm->refcount, 1);
	KTEST_EXPECT_EQ(test, ct->refcount, 1);
	kmem_cache_destroy(late);
	kmem_cache_destroy(ct);
	kmem_cache_destroy(nm);
}

static void dma_and_reclaim_flags_must_match_to_merge(struct ktest *test)
{
	static const slab_flags_t flags[] = { 0, SLAB_CACHE_DMA, SLAB_CACHE_DMA32,
					      SLAB_RECLAIM_ACCOUNT };
	struct kmem_cache *s[ARRAY_SIZE(flags)], *again[ARRAY_SIZE(flags)];
	unsigned int i, j;
	void *p;

	skip_if_slub_debug(test, "flags");
	for (i = 0; i < ARRAY_SIZE(flags); i++) {
		s[i] = kmem_cache_create("flags", MERGE_SIZE, 0, flags[i], NULL);
		KTEST_ASSERT_NOT_NULL(test, s[i]);
		for (j = 0; j < i; j++)
			KTEST_EXPECT_PTR_NE(test, s[i], s[j]);
	}
	p = kmem_cache_alloc(s[1], GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_EQ(test, (int)page_zonenum(virt_to_page(p)), (int)ZONE_DMA);
	kmem_cache_free(s[1], p);
	/* The same flags again do merge. */
	for (i = 0; i < ARRAY_SIZE(flags); i++) {
		again[i] = kmem_cache_create("flags-again", MERGE_SIZE, 0, flags[i], NULL);
		KTEST_ASSERT_NOT_NULL(test, again[i]);
		if (!boot_param("slab_nomerge"))
			KTEST_EXPECT_PTR_EQ(test, again[i], s[i]);
	}
	for (i = 0; i < ARRAY_SIZE(flags); i++) {
		kmem_cache_destroy(again[i]);
		kmem_cache_destroy(s[i]);
	}
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "still has objects"));
}

static void debug_flags_prevent_merging(struct ktest *test)
{
	struct kmem_cache *poison = kmem_cache_create("dbg-poison", MERGE_SIZE, 0, SLAB_POISON,
						      NULL);
	struct kmem_cache *poison2 = kmem_cache_create("dbg-poison2", MERGE_SIZE, 0, SLAB_POISON,
						      NULL);
	struct kmem_cache *red = kmem_cache_create("dbg-redzone", MERGE_SIZE, 0, SLAB_RED_ZONE,
						   NULL);
	struct kmem_cache *plain = kmem_cache_create("dbg-plain", MERGE_SIZE, 0, 0, NULL);

	KTEST_ASSERT_NOT_NULL(test, poison);
	KTEST_ASSERT_NOT_NULL(test, poison2);
	KTEST_ASSERT_NOT_NULL(test, red);
	KTEST_ASSERT_NOT_NULL(test, plain);
	KTEST_EXPECT_PTR_NE(test, poison2, poison);	/* not even with each other */
	KTEST_EXPECT_PTR_NE(test, red, poison);
	KTEST_EXPECT_PTR_NE(test, plain, poison);
	KTEST_EXPECT_PTR_NE(test, plain, poison2);
	KTEST_EXPECT_PTR_NE(test, plain, red);
	KTEST_EXPECT_STREQ(test, kmem_cache_name(plain), "dbg-plain");
	kmem_cache_destroy(plain);
	kmem_cache_destroy(red);
	kmem_cache_destroy(poison2);
	kmem_cache_destroy(poison);
}

static void sizes_8_bytes_apart_do_not_merge(struct ktest *test)
{
	struct kmem_cache *a, *b, *c, *d, *e, *f;

	skip_unless_merging(test, "m336");
	a = kmem_cache_create("m336", 336, 0, 0, NULL);
	b = kmem_cache_create("m328", 328, 0, 0, NULL);	/* 8 smaller: its own */
	c = kmem_cache_create("m330", 330, 0, 0, NULL);	/* rounds to 336: a */
	d = kmem_cache_create("m321", 321, 0, 0, NULL);	/* rounds to 328: b */
	e = kmem_cache_create("m320", 320, 0, 0, NULL);	/* 8 and 16 smaller: its own */
	f = kmem_cache_create("m344", 344, 0, 0, NULL);	/* larger than any: its own */
	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_ASSERT_NOT_NULL(test, b);
	KTEST_ASSERT_NOT_NULL(test, e);
	KTEST_ASSERT_NOT_NULL(test, f);
	KTEST_EXPECT_PTR_NE(test, b, a);
	KTEST_EXPECT_PTR_EQ(test, c, a);
	KTEST_EXPECT_PTR_EQ(test, d, b);
	KTEST_EXPECT_PTR_NE(test, e, a);
	KTEST_EXPECT_PTR_NE(test, e, b);
	KTEST_EXPECT_PTR_NE(test, f, a);
	KTEST_EXPECT_PTR_NE(test, f, b);
	KTEST_EXPECT_PTR_NE(test, f, e);
	kmem_cache_destroy(f);
	kmem_cache_destroy(e);
	kmem_cache_destroy(d);
	kmem_cache_destroy(c);
	kmem_cache_destroy(b);
	kmem_cache_destroy(a);
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "still has objects"));
}

/* ---- GFP_DMA and GFP_DMA32 ----------------------------------------------- */

/* Every class and a large request of @gfp from @zone; the classes from "<@prefix>kmalloc-N". */
static void check_kmalloc_zone(struct ktest *test, gfp_t gfp, enum zone_type zone,
			       const char *prefix)
{
	unsigned long limit = zone == ZONE_DMA ? MAX_DMA_PFN : MAX_DMA32_PFN;
	char name[32];
	unsigned int i;
	void *p;

	for (i = 0; i < ARRAY_SIZE(kmalloc_classes); i++) {
		size_t size = kmalloc_classes[i] - 1;

		bench_hide(size);	/* not a constant: __kmalloc() */
		p = kmalloc(size, GFP_KERNEL | gfp);
		KTEST_ASSERT_NOT_NULL(test, p);
		KTEST_EXPECT_EQ(test, page_zonenum(virt_to_page(p)), zone);
		KTEST_EXPECT_LT(test, page_to_pfn(virt_to_page(p)), limit);
		kmalloc_class_name(name, sizeof(name), prefix, kmalloc_classes[i]);
		KTEST_EXPECT_STREQ(test, kmem_cache_name(cache_of(p)), name);
		memset(p, 0x3d, size);
		kfree(p);
	}
	p = kmalloc(20000, GFP_KERNEL | gfp);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_EQ(test, page_zonenum(virt_to_page(p)), zone);
	KTEST_EXPECT_FALSE(test, PageSlab(virt_to_page(p)));
	kfree(p);
}

static void gfp_dma_kmalloc_comes_from_zone_dma(struct ktest *test)
{
	void *p;

	check_kmalloc_zone(test, GFP_DMA, ZONE_DMA, "dma-");
	p = kmalloc(100, GFP_KERNEL | GFP_DMA);		/* a constant size, inlined */
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_EQ(test, (int)page_zonenum(virt_to_page(p)), (int)ZONE_DMA);
	KTEST_EXPECT_STREQ(test, kmem_cache_name(cache_of(p)), "dma-kmalloc-128");
	kfree(p);
}

static void gfp_dma32_kmalloc_comes_from_zone_dma32(struct ktest *test)
{
	void *p;

	check_kmalloc_zone(test, GFP_DMA32, ZONE_DMA32, "dma32-");
	p = kmalloc(100, GFP_KERNEL | GFP_DMA32);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_EQ(test, (int)page_zonenum(virt_to_page(p)), (int)ZONE_DMA32);
	KTEST_EXPECT_STREQ(test, kmem_cache_name(cache_of(p)), "dma32-kmalloc-128");
	kfree(p);
}

static void dma_kmalloc_caches_are_listed_in_slabinfo(struct ktest *test)
{
	static const char *const names[] = { "dma-kmalloc-8 ", "dma-kmalloc-96 ",
		"dma-kmalloc-8k ", "dma32-kmalloc-8 ", "dma32-kmalloc-192 ", "dma32-kmalloc-8k " };
	char line[16] = "slabinfo";
	unsigned int i;

	KTEST_EXPECT_EQ(test, shell_exec(line), 0);
	for (i = 0; i < ARRAY_SIZE(names); i++)
		KTEST_EXPECT_TRUE(test, ktest_log_contains(test, names[i]));
}

/* ---- alignment ----------------------------------------------------------- */

/* Allocate @n objects of @s into ptrs[] and free them. Return: how many were not @align-aligned. */
static unsigned int count_misaligned(struct ktest *test, struct kmem_cache *s, size_t n,
				     unsigned long align)
{
	unsigned int bad = 0;
	size_t i;

	n = min(n, ARRAY_SIZE(ptrs));
	for (i = 0; i < n; i++) {
		ptrs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, ptrs[i]);
		bad += !IS_ALIGNED((unsigned long)ptrs[i], align);
		memset(ptrs[i], 0x5c, s->object_size);
	}
	KTEST_EXPECT_TRUE(test, objects_are_disjoint(ptrs, n, s->object_size));
	for (i = 0; i < n; i++)
		kmem_cache_free(s, ptrs[i]);
	return bad;
}

static void hwcache_align_puts_large_objects_on_cache_lines(struct ktest *test)
{
	static const unsigned int sizes[] = { 64, 65, 100, 200, 1000, 3000 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct kmem_cache *s = kmem_cache_create("hwalign", sizes[i], 0,
							 SLAB_HWCACHE_ALIGN | SLAB_NO_MERGE, NULL);

		KTEST_ASSERT_NOT_NULL(test, s);
		KTEST_EXPECT_EQ(test, count_misaligned(test, s, 3 * s->objects + 1, 64), 0u);
		kmem_cache_destroy(s);
	}
}

static void hwcache_align_of_small_objects_is_the_next_power_of_two(struct ktest *test)
{
	/* Linux halves the cache line while the object fits in half of it. */
	static const unsigned int sizes[] = { 8, 12, 16, 20, 24, 32, 33, 48 };
	static const unsigned int want[] = { 8, 16, 16, 32, 32, 32, 64, 64 };
	unsigned int i;

	skip_if_slub_debug(test, "hwalign-small");
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct kmem_cache *s = kmem_cache_create("hwalign-small", sizes[i], 0,
							 SLAB_HWCACHE_ALIGN | SLAB_NO_MERGE, NULL);

		KTEST_ASSERT_NOT_NULL(test, s);
		KTEST_EXPECT_EQ(test, s->align, want[i]);
		/* No more padding than the alignment needs. */
		KTEST_EXPECT_EQ(test, s->size, ALIGN(ALIGN(sizes[i], 8u), want[i]));
		KTEST_EXPECT_EQ(test, count_misaligned(test, s, 2 * s->objects + 1, want[i]), 0u);
		kmem_cache_destroy(s);
	}
}

static void explicit_alignment_holds_in_every_slab(struct ktest *test)
{
	static const unsigned int aligns[] = { 128, 256, 512 };
	static const unsigned int sizes[] = { 40, 300, 1000 };
	/* A red zone goes before the object: its padding must keep the alignment. */
	static const slab_flags_t flags[] = { 0, SLAB_RED_ZONE };
	unsigned int a, i, f;

	for (a = 0; a < ARRAY_SIZE(aligns); a++)
		for (i = 0; i < ARRAY_SIZE(sizes); i++)
			for (f = 0; f < ARRAY_SIZE(flags); f++) {
				struct kmem_cache *s = kmem_cache_create("xalign", sizes[i],
						aligns[a], flags[f] | SLAB_NO_MERGE, NULL);

				KTEST_ASSERT_NOT_NULL(test, s);
				KTEST_EXPECT_EQ(test, count_misaligned(test, s, 3 * s->objects + 1,
								       aligns[a]), 0u);
				kmem_cache_destroy(s);
			}
}

/* ---- slab order and objects per slab --------------------------------------- */

/* The sizing parameters in effect: the boot's, else Linux's defaults. */
struct slab_sizing {
	unsigned int min_order, max_order, min_objects;
};

static void get_sizing(struct slab_sizing *z)
{
	z->min_order = boot_param_uint("slub_min_order=", 0);
	z->max_order = boot_param_uint("slub_max_order=", PAGE_ALLOC_COSTLY_ORDER);
	z->min_objects = boot_param_uint("slub_min_objects=", 0);
	if (!z->min_objects)
		z->min_objects = 4 * (fls(nr_cpu_ids) + 1);
}

/*
 * Which rule of calculate_order() does @s break under @z, as a property of
 * the result? The slab holds as many objects as fit; its order is within
 * the parameters unless one object needs more; at most a quarter is
 * wasted when four objects fit at the largest order. Objects of up to a
 * sixteenth of the largest slab get Linux's first choice: the lowest
 * order holding min_objects with at most 1/16 wasted. Return: NULL if none.
 */
static const char *sizing_rule_broken(const struct kmem_cache *s, const struct slab_sizing *z)
{
	unsigned long bytes = PAGE_SIZE << s->order, max_bytes = PAGE_SIZE << z->max_order;
	unsigned long waste = bytes % s->size, target, start;

	if (s->objects != min(bytes / s->size, 32767UL))
		return "not as many objects as fit";
	if (s->order < z->min_order)
		return "order below slub_min_order";
	if (s->order > max(z->max_order, get_order(s->size)))
		return "order above slub_max_order";
	if (max_bytes / s->size >= 4 && waste > bytes / 4)
		return "more than 1/4 wasted";
	if (s->size * 16UL > max_bytes || z->min_order > z->max_order)
		return NULL;
	target = min((unsigned long)z->min_objects, max_bytes / s->size);
	start = max((unsigned long)z->min_order, (unsigned long)get_order(target * s->size));
	if (s->objects < target)
		return "fewer objects than min_objects";
	if (waste > bytes / 16)
		return "more than 1/16 wasted";
	if (s->order < start)
		return "order too low to hold min_objects";
	if (s->order > start && (bytes / 2) % s->size <= bytes / 2 / 16)
		return "the order below would do";
	return NULL;
}

static void expect_sizing(struct ktest *test, const struct kmem_cache *s,
			  const struct slab_sizing *z)
{
	const char *broken = sizing_rule_broken(s, z);

	if (broken)
		KTEST_FAIL(test, "%s: size %u, order %u, %u objects (min_order %u, max_order %u, "
			   "min_objects %u): %s", s->name, s->size, s->order, s->objects,
			   z->min_order, z->max_order, z->min_objects, broken);
}

static void slab_order_and_objects_follow_the_sizing_rules(struct ktest *test)
{
	struct slab_sizing z;
	unsigned int size;

	get_sizing(&z);
	/* Sizes 1/8 apart, 8 bytes .. 32 KiB: each rule meets sizes where it decides. */
	for (size = 8; size <= 32768; size += max(8u, ALIGN(size / 8, 8u))) {
		struct kmem_cache *s = kmem_cache_create("sizing", size, 0, SLAB_NO_MERGE, NULL);

		KTEST_ASSERT_NOT_NULL(test, s);
		expect_sizing(test, s, &z);
		kmem_cache_destroy(s);
	}
}

static void kmalloc_caches_follow_the_sizing_rules(struct ktest *test)
{
	struct slab_sizing z;
	unsigned int type, i;

	get_sizing(&z);
	for (type = 0; type < NR_KMALLOC_TYPES; type++)
		for (i = 1; i <= KMALLOC_SHIFT_HIGH; i++)
			if (kmalloc_caches[type][i])
				expect_sizing(test, kmalloc_caches[type][i], &z);
}

static void kmalloc_4k_and_8k_use_order_3(struct ktest *test)
{
	unsigned int type;

	if (boot_param("slub_min_order=") || boot_param("slub_max_order="))
		KTEST_SKIP(test, "the slab order is set on the command line");
	skip_if_slub_debug(test, kmalloc_caches[KMALLOC_NORMAL][12]->name);
	for (type = 0; type < NR_KMALLOC_TYPES; type++) {
		KTEST_EXPECT_EQ(test, kmalloc_caches[type][12]->order, 3u);
		KTEST_EXPECT_EQ(test, kmalloc_caches[type][12]->objects, 8u);
		KTEST_EXPECT_EQ(test, kmalloc_caches[type][13]->order, 3u);
		KTEST_EXPECT_EQ(test, kmalloc_caches[type][13]->objects, 4u);
	}
}

/* @p's slab is a compound page of @s's order, its head marked as @s's slab. */
static void check_slab_page(struct ktest *test, struct kmem_cache *s, void *p)
{
	struct page *head = compound_head(virt_to_page(p));
	unsigned long i, nr = 1UL << s->order;

	KTEST_EXPECT_TRUE(test, PageSlab(head));
	KTEST_EXPECT_PTR_EQ(test, head->slab_cache, s);
	KTEST_EXPECT_EQ(test, compound_order(head), s->order);
	KTEST_EXPECT_EQ(test, SLAB_OBJECTS(head->slab_counters), s->objects);
	if (s->order)
		KTEST_EXPECT_TRUE(test, PageHead(head));
	for (i = 1; i < nr; i++)
		if (compound_head(head + i) != head) {
			KTEST_FAIL(test, "page %lu of the slab of %s is not its tail", i, s->name);
			break;
		}
	KTEST_EXPECT_TRUE(test, (char *)p >= (char *)page_address(head) &&
			  (char *)p + s->object_size <= (char *)page_address(head) +
							(PAGE_SIZE << s->order));
}

static void slabs_are_compound_pages_of_the_cache_order(struct ktest *test)
{
	static const unsigned int sizes[] = { 64, 1000, 3000, 4096, 8192 };
	unsigned int i;
	void *p;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct kmem_cache *s = kmem_cache_create("compound", sizes[i], 0, SLAB_NO_MERGE,
							 NULL);

		KTEST_ASSERT_NOT_NULL(test, s);
		p = kmem_cache_alloc(s, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, p);
		check_slab_page(test, s, p);
		kmem_cache_free(s, p);
		kmem_cache_destroy(s);
	}
	p = kmalloc(4096, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	check_slab_page(test, kmalloc_caches[KMALLOC_NORMAL][12], p);
	kfree(p);
	p = kmalloc(8192, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	check_slab_page(test, kmalloc_caches[KMALLOC_NORMAL][13], p);
	kfree(p);
}

/* ---- per-CPU slabs and frees from other CPUs ----------------------------- */

struct remote_op {
	struct kmem_cache *s;
	void **ptrs;
	size_t n;
	void *got;		/* allocated there */
	long slabs;		/* nr_slabs seen there, after */
};

static void remote_free(void *arg)
{
	struct remote_op *op = arg;
	size_t i;

	for (i = 0; i < op->n; i++)
		kmem_cache_free(op->s, op->ptrs[i]);
}

static void remote_free_then_alloc(void *arg)
{
	struct remote_op *op = arg;

	remote_free(op);
	op->got = kmem_cache_alloc(op->s, GFP_ATOMIC);
	op->slabs = slabs_of(op->s);
}

static void remote_frees_refill_the_active_slab(struct ktest *test)
{
	int cpu = other_cpu();
	struct kmem_cache *s;
	struct remote_op op;
	size_t i, n;

	if (cpu < 0)
		KTEST_SKIP(test, "one CPU");
	s = kmem_cache_create("remote-refill", 256, 0, SLAB_NO_MERGE, NULL);
	KTEST_ASSERT_NOT_NULL(test, s);
	n = s->objects;
	for (i = 0; i < n; i++) {
		ptrs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, ptrs[i]);
	}
	KTEST_EXPECT_EQ(test, slabs_of(s), 1L);		/* one slab, all handed out */
	op = (struct remote_op){ .s = s, .ptrs = ptrs, .n = n };
	smp_call_function_single((unsigned int)cpu, remote_free, &op, true);
	/* This CPU's active slab takes its objects back from its remote freelist. */
	for (i = 0; i < n; i++) {
		ptrs2[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, ptrs2[i]);
	}
	KTEST_EXPECT_EQ(test, slabs_of(s), 1L);
	sort(ptrs, n, sizeof(*ptrs), cmp_ptr, NULL);
	sort(ptrs2, n, sizeof(*ptrs2), cmp_ptr, NULL);
	KTEST_EXPECT_MEMEQ(test, ptrs, ptrs2, n * sizeof(*ptrs));
	for (i = 0; i < n; i++)
		kmem_cache_free(s, ptrs2[i]);
	kmem_cache_destroy(s);
}

/* A new cache of 256-byte objects, two slabs handed out: the first full, the second active. */
static struct kmem_cache *two_full_slabs(struct ktest *test, const char *name, size_t *n)
{
	struct kmem_cache *s = kmem_cache_create(name, 256, 0, SLAB_NO_MERGE, NULL);
	size_t i;

	KTEST_ASSERT_NOT_NULL(test, s);
	*n = 2 * s->objects;
	for (i = 0; i < *n; i++) {
		ptrs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, ptrs[i]);
	}
	KTEST_EXPECT_EQ(test, slabs_of(s), 2L);
	return s;
}

static void full_slab_with_a_freed_object_is_reused_before_a_new_slab(struct ktest *test)
{
	struct kmem_cache *s;
	size_t i, n;
	void *x, *y;

	s = two_full_slabs(test, "refill-full", &n);
	x = ptrs[0];
	kmem_cache_free(s, x);		/* the first slab: full until now */
	y = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_PTR_EQ(test, y, x);
	KTEST_EXPECT_EQ(test, slabs_of(s), 2L);
	ptrs[0] = y;
	kmem_cache_free(s, ptrs[1]);
	kmem_cache_free(s, ptrs[2]);
	ptrs[1] = kmem_cache_alloc(s, GFP_KERNEL);
	ptrs[2] = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_EQ(test, slabs_of(s), 2L);
	for (i = 0; i < n; i++)
		kmem_cache_free(s, ptrs[i]);
	kmem_cache_destroy(s);
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "still has objects"));
}

static void slab_freed_into_on_another_cpu_is_reused_there(struct ktest *test)
{
	int cpu = other_cpu();
	struct kmem_cache *s;
	struct remote_op op;
	size_t i, n;

	if (cpu < 0)
		KTEST_SKIP(test, "one CPU");
	s = two_full_slabs(test, "refill-remote", &n);
	/* The full slab goes to that CPU's partial list, which its next allocation uses. */
	op = (struct remote_op){ .s = s, .ptrs = ptrs, .n = 1 };
	smp_call_function_single((unsigned int)cpu, remote_free_then_alloc, &op, true);
	KTEST_EXPECT_PTR_EQ(test, op.got, ptrs[0]);
	KTEST_EXPECT_EQ(test, op.slabs, 2L);
	if (op.got)
		ptrs[0] = op.got;
	else
		ptrs[0] = kmem_cache_alloc(s, GFP_KERNEL);
	for (i = 0; i < n; i++)
		kmem_cache_free(s, ptrs[i]);
	kmem_cache_destroy(s);
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "still has objects"));
}

static void shrink_gives_back_the_empty_slabs_of_every_cpu(struct ktest *test)
{
	unsigned long before = free_pages_shrunk(NULL), with_cache;
	struct kmem_cache *s = kmem_cache_create("shrink-all", 512, 0, SLAB_NO_MERGE, NULL);
	int cpu = other_cpu();
	struct remote_op op;
	size_t i, n, half = 0;

	KTEST_ASSERT_NOT_NULL(test, s);
	with_cache = free_pages_shrunk(s);
	n = min((size_t)(8 * s->objects), ARRAY_SIZE(ptrs));
	for (i = 0; i < n; i++) {
		ptrs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, ptrs[i]);
	}
	/* Half freed by another CPU, leaving slabs on its partial list too. */
	if (cpu >= 0) {
		half = n / 2;
		op = (struct remote_op){ .s = s, .ptrs = ptrs, .n = half };
		smp_call_function_single((unsigned int)cpu, remote_free, &op, true);
	}
	for (i = half; i < n; i++)
		kmem_cache_free(s, ptrs[i]);
	kmem_cache_shrink(s);
	KTEST_EXPECT_EQ(test, slabs_of(s), 0L);
	KTEST_EXPECT_EQ(test, free_baseline(), with_cache);
	kmem_cache_destroy(s);
	KTEST_EXPECT_EQ(test, free_pages_shrunk(NULL), before);
}

/* ---- kmalloc semantics --------------------------------------------------- */

static void zero_size_requests_give_zero_size_ptr(struct ktest *test)
{
	long reports = atomic_long_read(&slub_debug_reports);
	size_t zero = 0;
	void *p, *q;

	bench_hide(zero);
	KTEST_EXPECT_PTR_EQ(test, kmalloc(zero, GFP_KERNEL), ZERO_SIZE_PTR);
	KTEST_EXPECT_PTR_EQ(test, kmalloc(zero, GFP_KERNEL | GFP_DMA), ZERO_SIZE_PTR);
	KTEST_EXPECT_PTR_EQ(test, kzalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	KTEST_EXPECT_PTR_EQ(test, kcalloc(zero, 16, GFP_KERNEL), ZERO_SIZE_PTR);
	KTEST_EXPECT_PTR_EQ(test, kmemdup("x", zero, GFP_KERNEL), ZERO_SIZE_PTR);
	KTEST_EXPECT_EQ(test, ksize(ZERO_SIZE_PTR), (size_t)0);
	kfree(ZERO_SIZE_PTR);
	KTEST_EXPECT_PTR_EQ(test, krealloc(NULL, 0, GFP_KERNEL), ZERO_SIZE_PTR);
	/* krealloc() to 0 frees: this CPU hands the object out again next. */
	p = kmalloc(10, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_PTR_EQ(test, krealloc(p, 0, GFP_KERNEL), ZERO_SIZE_PTR);
	q = kmalloc(10, GFP_KERNEL);
	KTEST_EXPECT_PTR_EQ(test, q, p);
	kfree(q);
	q = krealloc(ZERO_SIZE_PTR, 10, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, q);
	KTEST_EXPECT_FALSE(test, ZERO_OR_NULL_PTR(q));
	KTEST_EXPECT_EQ(test, ksize(q), (size_t)16);
	kfree(q);
	KTEST_EXPECT_EQ(test, atomic_long_read(&slub_debug_reports), reports);
}

static void ksize_is_the_class_size_for_every_request(struct ktest *test)
{
	static const size_t large[] = { 8193, 12288, 16384, 16385, 65536, 100000 };
	unsigned int bad = 0, i;
	size_t size;
	void *p;

	for (size = 1; size <= KMALLOC_MAX_CACHE_SIZE; size++) {
		p = kmalloc(size, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, p);
		if (ksize(p) != kmalloc_class_size(size) && bad++ < 4)
			ktest_info(test, "ksize(kmalloc(%zu)) = %zu", size, ksize(p));
		kfree(p);
	}
	KTEST_EXPECT_EQ(test, bad, 0u);
	for (i = 0; i < ARRAY_SIZE(large); i++) {
		p = kmalloc(large[i], GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, p);
		KTEST_EXPECT_EQ(test, ksize(p), PAGE_SIZE << get_order(large[i]));
		kfree(p);
	}
}

static void large_kmalloc_comes_from_pages_and_frees_fully(struct ktest *test)
{
	static const size_t sizes[] = { 8193, 12288, 16384, 16385, 40000, 65536, 131072, 300000 };
	unsigned long before = free_baseline();
	unsigned int i;
	void *p;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned int order = get_order(sizes[i]);
		struct page *page;

		p = kmalloc(sizes[i], GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, p);
		page = virt_to_page(p);
		KTEST_EXPECT_EQ(test, (unsigned long)p & ~PAGE_MASK, 0UL);
		KTEST_EXPECT_FALSE(test, PageSlab(page));
		KTEST_EXPECT_TRUE(test, PageHead(page));
		KTEST_EXPECT_EQ(test, compound_order(page), order);
		memset(p, 0x42, sizes[i]);
		KTEST_EXPECT_EQ(test, before - free_baseline(), 1UL << order);
		kfree(p);
		KTEST_EXPECT_EQ(test, free_baseline(), before);
	}
	p = kmalloc(10000, GFP_KERNEL);		/* a constant size above the classes */
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_FALSE(test, PageSlab(virt_to_page(p)));
	KTEST_EXPECT_EQ(test, ksize(p), 16384UL);
	kfree(p);
	/* More than the page allocator's largest block: NULL, quietly with __GFP_NOWARN. */
	KTEST_EXPECT_NULL(test, kmalloc(PAGE_SIZE << MAX_ORDER, GFP_KERNEL | __GFP_NOWARN));
	KTEST_EXPECT_NULL(test, kmalloc(1UL << 40, GFP_KERNEL | __GFP_NOWARN));
	KTEST_EXPECT_EQ(test, free_baseline(), before);
}

/* kmalloc(@size) with @size a constant (the header's inline path) and a variable. */
static void check_constant_kmalloc(struct ktest *test, void *constant, size_t size, gfp_t gfp)
{
	bool failed_before = test->status == KTEST_FAILURE;
	size_t var = size;
	void *p;

	bench_hide(var);
	p = kmalloc(var, gfp);
	KTEST_ASSERT_NOT_NULL(test, constant);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_PTR_EQ(test, cache_of(constant), cache_of(p));
	KTEST_EXPECT_EQ(test, ksize(constant), (size_t)kmalloc_class_size(size));
	if (!failed_before && test->status == KTEST_FAILURE)
		ktest_info(test, "size %zu: %s and %s", size, kmem_cache_name(cache_of(constant)),
			   kmem_cache_name(cache_of(p)));
	kfree(constant);
	kfree(p);
}

#define CHECK_CONSTANT_KMALLOC(size) do {						\
	check_constant_kmalloc(test, kmalloc(size, GFP_KERNEL), size, GFP_KERNEL);	\
	check_constant_kmalloc(test, kmalloc(size, GFP_KERNEL | GFP_DMA), size,	\
			       GFP_KERNEL | GFP_DMA);					\
	check_constant_kmalloc(test, kmalloc(size, GFP_KERNEL | GFP_DMA32), size,	\
			       GFP_KERNEL | GFP_DMA32);					\
} while (0)

static void constant_and_variable_size_kmalloc_use_the_same_cache(struct ktest *test)
{
	CHECK_CONSTANT_KMALLOC(1);
	CHECK_CONSTANT_KMALLOC(8);
	CHECK_CONSTANT_KMALLOC(9);
	CHECK_CONSTANT_KMALLOC(16);
	CHECK_CONSTANT_KMALLOC(17);
	CHECK_CONSTANT_KMALLOC(32);
	CHECK_CONSTANT_KMALLOC(33);
	CHECK_CONSTANT_KMALLOC(64);
	CHECK_CONSTANT_KMALLOC(65);
	CHECK_CONSTANT_KMALLOC(96);
	CHECK_CONSTANT_KMALLOC(97);
	CHECK_CONSTANT_KMALLOC(128);
	CHECK_CONSTANT_KMALLOC(129);
	CHECK_CONSTANT_KMALLOC(192);
	CHECK_CONSTANT_KMALLOC(193);
	CHECK_CONSTANT_KMALLOC(256);
	CHECK_CONSTANT_KMALLOC(257);
	CHECK_CONSTANT_KMALLOC(1024);
	CHECK_CONSTANT_KMALLOC(1025);
	CHECK_CONSTANT_KMALLOC(4096);
	CHECK_CONSTANT_KMALLOC(4097);
	CHECK_CONSTANT_KMALLOC(8192);
}

static void krealloc_grows_shrinks_frees_and_allocates(struct ktest *test)
{
	static const char text[] = "krealloc keeps the bytes it had";
	unsigned long before = free_pages_shrunk(NULL);
	char *p, *q;

	p = krealloc(NULL, 100, GFP_KERNEL);		/* from NULL: a new object */
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_EQ(test, ksize(p), (size_t)128);
	memcpy(p, text, sizeof(text));
	KTEST_EXPECT_PTR_EQ(test, krealloc(p, 128, GFP_KERNEL), p);	/* fits: kept */
	q = krealloc(p, 1000, GFP_KERNEL);		/* grows to another class */
	KTEST_ASSERT_NOT_NULL(test, q);
	KTEST_EXPECT_EQ(test, ksize(q), (size_t)1024);
	KTEST_EXPECT_MEMEQ(test, q, text, sizeof(text));
	p = krealloc(q, 50000, GFP_KERNEL);		/* to the page allocator */
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_FALSE(test, PageSlab(virt_to_page(p)));
	KTEST_EXPECT_MEMEQ(test, p, text, sizeof(text));
	memset(p + 1000, 0x17, 49000);
	KTEST_EXPECT_PTR_EQ(test, krealloc(p, 30, GFP_KERNEL), p);	/* shrinks in place */
	KTEST_EXPECT_MEMEQ(test, p, text, 30);
	q = krealloc(p, 0, GFP_KERNEL);			/* to 0: freed */
	KTEST_EXPECT_PTR_EQ(test, q, ZERO_SIZE_PTR);
	KTEST_EXPECT_EQ(test, free_pages_shrunk(NULL), before);
}

static void gfp_zero_clears_a_reused_dirty_object(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("gfp-zero", 3000, 0, SLAB_NO_MERGE, NULL);
	unsigned int i;
	void *p, *q;

	KTEST_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	memset(p, 0xff, 3000);
	kmem_cache_free(s, p);
	q = kmem_cache_alloc(s, GFP_KERNEL | __GFP_ZERO);
	KTEST_EXPECT_PTR_EQ(test, q, p);		/* this CPU reuses it first */
	KTEST_ASSERT_NOT_NULL(test, q);
	KTEST_EXPECT_TRUE(test, !memchr_inv(q, 0, 3000));
	memset(q, 0xee, 3000);
	kmem_cache_free(s, q);
	q = kmem_cache_zalloc(s, GFP_KERNEL);
	KTEST_EXPECT_PTR_EQ(test, q, p);
	KTEST_ASSERT_NOT_NULL(test, q);
	KTEST_EXPECT_TRUE(test, !memchr_inv(q, 0, 3000));
	kmem_cache_free(s, q);
	kmem_cache_destroy(s);
	/* Every kmalloc class, the whole object. */
	for (i = 0; i < ARRAY_SIZE(kmalloc_classes); i++) {
		size_t size = kmalloc_classes[i];

		p = kmalloc(size, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, p);
		memset(p, 0xff, size);
		kfree(p);
		q = kzalloc(size, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, q);
		KTEST_EXPECT_PTR_EQ(test, q, p);
		KTEST_EXPECT_TRUE(test, !memchr_inv(q, 0, size));
		kfree(q);
	}
}

/* ---- constructors -------------------------------------------------------- */

#define CTOR_BYTE	0x3c
static atomic_t counted_ctor_calls;
static unsigned int counted_ctor_size;

static void counted_ctor(void *obj)
{
	atomic_inc(&counted_ctor_calls);
	memset(obj, CTOR_BYTE, counted_ctor_size);
}

/* Is @p the first object of its slab? Each slab has exactly one. */
static bool first_of_slab(struct kmem_cache *s, void *p)
{
	return (char *)p == (char *)slab_address(virt_to_slab(p)) + s->red_left_pad;
}

static void constructor_runs_once_per_object_even_with_bulk_alloc(struct ktest *test)
{
	struct kmem_cache *s;
	size_t i, n, kept = 0, freed = 0, marked = 0;
	long slabs;
	int calls;
	void *p;

	counted_ctor_size = 200;
	atomic_set(&counted_ctor_calls, 0);
	s = kmem_cache_create("ctor-bulk", 200, 0, 0, counted_ctor);
	KTEST_ASSERT_NOT_NULL(test, s);
	/* Whole slabs: every object handed out once, so all that come back were used. */
	n = 3 * s->objects;
	KTEST_ASSERT_LE(test, n, ARRAY_SIZE(ptrs));
	KTEST_ASSERT_EQ(test, kmem_cache_alloc_bulk(s, GFP_KERNEL, n, ptrs), (int)n);
	calls = atomic_read(&counted_ctor_calls);
	slabs = slabs_of(s);
	/* Every object of every new slab, once: a partly used slab was built whole. */
	KTEST_EXPECT_EQ(test, (long)calls, atomic_long_read(&s->total_objects));
	KTEST_EXPECT_EQ(test, (long)calls, slabs * s->objects);
	for (i = 0; i < n; i++)
		marked += !memchr_inv(ptrs[i], CTOR_BYTE, 200);
	KTEST_EXPECT_EQ(test, marked, n);
	/*
	 * Mark the objects the way a user may (the constructed state is the
	 * user's to keep) and free all but each slab's first, so that no slab
	 * empties: the same objects come back, marked, with no new call.
	 */
	for (i = 0; i < n; i++) {
		*(u8 *)ptrs[i] = 0x77;
		if (first_of_slab(s, ptrs[i]))
			ptrs2[kept++] = ptrs[i];
		else
			ptrs[freed++] = ptrs[i];
	}
	KTEST_EXPECT_EQ(test, (long)kept, slabs);
	kmem_cache_free_bulk(s, freed, ptrs);
	KTEST_ASSERT_EQ(test, kmem_cache_alloc_bulk(s, GFP_KERNEL, freed, ptrs), (int)freed);
	KTEST_EXPECT_EQ(test, atomic_read(&counted_ctor_calls), calls);
	KTEST_EXPECT_EQ(test, slabs_of(s), slabs);
	marked = 0;
	for (i = 0; i < freed; i++)
		marked += *(u8 *)ptrs[i] == 0x77 && !memchr_inv((u8 *)ptrs[i] + 1, CTOR_BYTE, 199);
	KTEST_EXPECT_EQ(test, marked, freed);
	kmem_cache_free_bulk(s, freed, ptrs);
	kmem_cache_free_bulk(s, kept, ptrs2);
	/* Slabs given back and made anew: their objects are constructed again. */
	kmem_cache_shrink(s);
	KTEST_EXPECT_EQ(test, slabs_of(s), 0L);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_EQ(test, atomic_read(&counted_ctor_calls), calls + (int)s->objects);
	KTEST_EXPECT_TRUE(test, !memchr_inv(p, CTOR_BYTE, 200));
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

static void constructed_bytes_survive_free_and_reuse(struct ktest *test)
{
	/* The free pointer must live outside the constructed bytes, even for tiny objects. */
	static const unsigned int sizes[] = { 4, 8, 24, 64, 500 };
	unsigned int i, bad;
	size_t j, n, kept;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct kmem_cache *s;
		int calls;

		counted_ctor_size = sizes[i];
		atomic_set(&counted_ctor_calls, 0);
		s = kmem_cache_create("ctor-keep", sizes[i], 0, 0, counted_ctor);
		KTEST_ASSERT_NOT_NULL(test, s);
		n = min((size_t)(2 * s->objects), ARRAY_SIZE(ptrs));
		for (j = 0; j < n; j++) {
			ptrs[j] = kmem_cache_alloc(s, GFP_KERNEL);
			KTEST_ASSERT_NOT_NULL(test, ptrs[j]);
		}
		calls = atomic_read(&counted_ctor_calls);
		/* Free all but the first of each slab (no slab empties), then take them again. */
		for (j = 0, kept = 0; j < n; j++) {
			if (first_of_slab(s, ptrs[j]))
				ptrs2[kept++] = ptrs[j];
			else
				kmem_cache_free(s, ptrs[j]);
		}
		bad = 0;
		for (j = 0; j < n - kept; j++) {
			ptrs[j] = kmem_cache_alloc(s, GFP_KERNEL);
			KTEST_ASSERT_NOT_NULL(test, ptrs[j]);
			bad += !!memchr_inv(ptrs[j], CTOR_BYTE, sizes[i]);
		}
		KTEST_EXPECT_EQ(test, bad, 0u);
		KTEST_EXPECT_EQ(test, atomic_read(&counted_ctor_calls), calls);
		for (j = 0; j < n - kept; j++)
			kmem_cache_free(s, ptrs[j]);
		for (j = 0; j < kept; j++)
			kmem_cache_free(s, ptrs2[j]);
		kmem_cache_destroy(s);
	}
}

/* ---- running out of memory ----------------------------------------------- */

static void kmalloc_exhaustion_fails_cleanly_and_gives_every_page_back(struct ktest *test)
{
	const gfp_t gfp = GFP_KERNEL | __GFP_NOWARN | __GFP_NORETRY;
	struct kmem_cache *k2 = kmalloc_caches[KMALLOC_NORMAL][11];
	long reports = atomic_long_read(&slub_debug_reports);
	unsigned long before, limit, n = 0, i;
	void **chain = NULL, **p, *bulk[64];

	/* Filling gigabytes takes long under TCG and as much memory on the host. */
	if ((unsigned long long)nr_free_pages() * PAGE_SIZE > (4ULL << 30))
		KTEST_SKIP(test, "more than 4 GiB free");
	kmem_cache_shrink(k2);
	before = free_baseline();
	/* More objects than the free memory holds: reaching it means NULL never came. */
	limit = before * (PAGE_SIZE / 2048) + 1;
	while (n < limit) {
		p = kmalloc(2048, gfp);
		if (!p)
			break;
		*p = chain;		/* chained through their first word */
		chain = p;
		n++;
	}
	KTEST_EXPECT_LT(test, n, limit);
	KTEST_EXPECT_GT(test, n, 0UL);
	/* All or nothing: with five objects free and no memory, a bulk of 64 fails whole. */
	for (i = 0; i < 5 && chain; i++, n--) {
		p = chain;
		chain = *p;
		kfree(p);
	}
	KTEST_EXPECT_EQ(test, kmem_cache_alloc_bulk(k2, gfp, ARRAY_SIZE(bulk), bulk), 0);
	for (i = 0; i < 5; i++, n++) {
		p = kmalloc(2048, gfp);
		KTEST_EXPECT_NOT_NULL(test, p);
		if (!p)
			break;
		*p = chain;
		chain = p;
	}
	while ((p = chain)) {
		chain = *p;
		kfree(p);
	}
	KTEST_EXPECT_EQ(test, atomic_long_read(&slub_debug_reports), reports);
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "BUG"));
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "WARNING"));
	kmem_cache_shrink(k2);
	KTEST_EXPECT_EQ(test, free_baseline(), before);
	KTEST_EXPECT_TRUE(test, free_area_check());
}

/* ---- memory efficiency --------------------------------------------------- */

#define MILLION		1000000UL

static void a_million_64_byte_objects_waste_under_5_percent(struct ktest *test)
{
	struct kmem_cache *s;
	unsigned long before, used, n;
	void **chain = NULL, **p;

	skip_if_slub_debug(test, "million-64");
	s = kmem_cache_create("million-64", 64, 0, SLAB_NO_MERGE, NULL);
	KTEST_ASSERT_NOT_NULL(test, s);
	before = free_pages_shrunk(s);
	if ((unsigned long long)before * PAGE_SIZE < (100ULL << 20)) {
		kmem_cache_destroy(s);
		KTEST_SKIP(test, "less than 100 MiB free");
	}
	for (n = 0; n < MILLION; n++) {
		p = kmem_cache_alloc(s, GFP_KERNEL);
		if (!p)
			break;
		*p = chain;		/* no pointer array: the objects are the list */
		chain = p;
	}
	KTEST_EXPECT_EQ(test, n, MILLION);
	used = before - free_baseline();
	KTEST_EXPECT_LE(test, used * PAGE_SIZE, MILLION * 64 * 105 / 100);
	KTEST_EXPECT_LE(test, (unsigned long)slabs_of(s) << s->order, used);
	while ((p = chain)) {
		chain = *p;
		kmem_cache_free(s, p);
	}
	KTEST_EXPECT_EQ(test, free_pages_shrunk(s), before);
	kmem_cache_destroy(s);
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "still has objects"));
}

/* ---- torture on every CPU, with frees on other CPUs ---------------------- */

#define TORTURE_OPS		6000
#define TORTURE_SLOTS		32
#define HANDOFF_SLOTS		64

static struct kmem_cache *torture_caches[ARRAY_SIZE(kmalloc_classes)];

/* An object on its way from the CPU that filled it to another that checks and frees it. */
struct torture_obj {
	void *p;
	unsigned int len;
	unsigned int cls;
	unsigned int cpu;	/* that allocated it */
};

static struct torture_obj handoff[HANDOFF_SLOTS];
static unsigned int nr_handoff;
static DEFINE_SPINLOCK(handoff_lock);
static atomic_t torture_bad, torture_alloc_failures, torture_remote_frees;

/* A pattern of the object's address and each word's place: shifted copies show. */
static void torture_fill(void *p, unsigned int len)
{
	u64 seed = (unsigned long)p * 0x9e3779b97f4a7c15ULL;
	unsigned int i;

	for (i = 0; i + 8 <= len; i += 8)
		*(u64 *)((u8 *)p + i) = seed ^ i;
	for (; i < len; i++)
		((u8 *)p)[i] = (u8)(seed ^ i);
}

static bool torture_intact(void *p, unsigned int len)
{
	u64 seed = (unsigned long)p * 0x9e3779b97f4a7c15ULL;
	unsigned int i;

	for (i = 0; i + 8 <= len; i += 8)
		if (*(u64 *)((u8 *)p + i) != (seed ^ i))
			return false;
	for (; i < len; i++)
		if (((u8 *)p)[i] != (u8)(seed ^ i))
			return false;
	return true;
}

/* Check @o and free it; count it when this CPU did not allocate it. */
static void torture_free(struct torture_obj *o)
{
	if (!torture_intact(o->p, o->len))
		atomic_inc(&torture_bad);
	if (o->cpu != raw_smp_processor_id())
		atomic_inc(&torture_remote_frees);
	kmem_cache_free(torture_caches[o->cls], o->p);
}

static bool handoff_put(const struct torture_obj *o)
{
	unsigned long flags;
	bool ok;

	spin_lock_irqsave(&handoff_lock, flags);
	ok = nr_handoff < HANDOFF_SLOTS;
	if (ok)
		handoff[nr_handoff++] = *o;
	spin_unlock_irqrestore(&handoff_lock, flags);
	return ok;
}

/* Take an object another CPU (not @cpu; any with @cpu == -1) put there. */
static bool handoff_take(int cpu, struct torture_obj *o)
{
	unsigned long flags;
	unsigned int i;
	bool ok = false;

	spin_lock_irqsave(&handoff_lock, flags);
	for (i = 0; i < nr_handoff; i++) {
		if ((int)handoff[i].cpu == cpu)
			continue;
		*o = handoff[i];
		handoff[i] = handoff[--nr_handoff];
		ok = true;
		break;
	}
	spin_unlock_irqrestore(&handoff_lock, flags);
	return ok;
}

static int slab_torture_cross(void *data)
{
	unsigned int me = raw_smp_processor_id(), i, s, cls;
	u64 rnd = 0x9e3779b97f4a7c15ULL ^ ((u64)(me + 1) << 40);
	struct torture_obj slot[TORTURE_SLOTS] = { { NULL } }, o;

	for (i = 0; i < TORTURE_OPS; i++) {
		rnd ^= rnd << 13;
		rnd ^= rnd >> 7;
		rnd ^= rnd << 17;
		s = rnd % TORTURE_SLOTS;
		if (slot[s].p) {
			/* A quarter of the objects are freed by another CPU. */
			if ((rnd >> 8) % 4 != 0 || !handoff_put(&slot[s]))
				torture_free(&slot[s]);
			slot[s].p = NULL;
			continue;
		}
		if ((rnd >> 12) % 4 == 0 && handoff_take((int)me, &o))
			torture_free(&o);
		slot[s].len = 8 + (unsigned int)((rnd >> 20) % (8192 - 8 + 1));
		for (cls = 0; kmalloc_classes[cls] < slot[s].len; cls++)
			;
		slot[s].cls = cls;
		slot[s].cpu = me;
		slot[s].p = kmem_cache_alloc(torture_caches[cls], GFP_KERNEL);
		if (!slot[s].p) {
			atomic_inc(&torture_alloc_failures);
			continue;
		}
		torture_fill(slot[s].p, slot[s].len);
		if (i % 64 == 0)
			cond_resched();
	}
	for (s = 0; s < TORTURE_SLOTS; s++)
		if (slot[s].p)
			torture_free(&slot[s]);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void torture_with_cross_cpu_frees_on_own_caches(struct ktest *test)
{
	unsigned long before = free_pages_shrunk(NULL);
	struct task_struct *k[NR_CPUS];
	struct torture_obj o;
	unsigned int cpu, i, tries;

	for (i = 0; i < ARRAY_SIZE(torture_caches); i++) {
		torture_caches[i] = kmem_cache_create("torture", kmalloc_classes[i], 0,
						      SLAB_NO_MERGE, NULL);
		KTEST_ASSERT_NOT_NULL(test, torture_caches[i]);
	}
	atomic_set(&torture_bad, 0);
	atomic_set(&torture_alloc_failures, 0);
	atomic_set(&torture_remote_frees, 0);
	nr_handoff = 0;
	for_each_online_cpu(cpu) {
		k[cpu] = kthread_create(slab_torture_cross, NULL, "slab-cross/%u", cpu);
		KTEST_ASSERT_NOT_NULL(test, k[cpu]);
		kthread_bind(k[cpu], cpu);
		wake_up_process(k[cpu]);
	}
	for_each_online_cpu(cpu)
		kthread_stop(k[cpu]);
	while (handoff_take(-1, &o))		/* from CPU 0, which may not be theirs */
		torture_free(&o);
	KTEST_EXPECT_EQ(test, atomic_read(&torture_bad), 0);
	KTEST_EXPECT_EQ(test, atomic_read(&torture_alloc_failures), 0);
	if (num_online_cpus() > 1)
		KTEST_EXPECT_GT(test, atomic_read(&torture_remote_frees), 0);
	for (i = 0; i < ARRAY_SIZE(torture_caches); i++) {
		kmem_cache_shrink(torture_caches[i]);
		KTEST_EXPECT_EQ(test, slabs_of(torture_caches[i]), 0L);
		kmem_cache_destroy(torture_caches[i]);
	}
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "still has objects"));
	/* The threads' stacks go back once each has switched away for good. */
	for (tries = 0; tries < 100 && free_pages_shrunk(NULL) != before; tries++)
		msleep(10);
	KTEST_EXPECT_EQ(test, free_pages_shrunk(NULL), before);
	KTEST_EXPECT_TRUE(test, free_area_check());
}

/* ---- boot parameters ----------------------------------------------------- */

static void slub_min_and_max_order_set_the_order_of_new_caches(struct ktest *test)
{
	static const unsigned int sizes[] = { 8, 64, 200, 1000, 2048, 4096, 8192 };
	struct slab_sizing z;
	unsigned int i;

	if (!boot_param("slub_min_order=") && !boot_param("slub_max_order="))
		KTEST_SKIP(test, "no slub_min_order= or slub_max_order=");
	get_sizing(&z);
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct kmem_cache *s = kmem_cache_create("order-param", sizes[i], 0,
							 SLAB_NO_MERGE, NULL);

		KTEST_ASSERT_NOT_NULL(test, s);
		KTEST_EXPECT_GE(test, s->order, z.min_order);
		if (get_order(sizes[i]) <= z.max_order)
			KTEST_EXPECT_LE(test, s->order, z.max_order);
		if (z.min_order == z.max_order && get_order(sizes[i]) <= z.max_order)
			KTEST_EXPECT_EQ(test, s->order, z.min_order);
		kmem_cache_destroy(s);
	}
}

static void slub_min_objects_sets_the_objects_per_slab(struct ktest *test)
{
	static const unsigned int sizes[] = { 8, 64, 200, 256 };
	struct slab_sizing z;
	unsigned int i;

	if (!boot_param("slub_min_objects="))
		KTEST_SKIP(test, "no slub_min_objects=");
	get_sizing(&z);
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct kmem_cache *s = kmem_cache_create("objects-param", sizes[i], 0,
							 SLAB_NO_MERGE, NULL);
		unsigned int fit = (unsigned int)((PAGE_SIZE << z.max_order) / s->size);

		KTEST_ASSERT_NOT_NULL(test, s);
		KTEST_EXPECT_GE(test, s->objects, min(z.min_objects, fit));
		expect_sizing(test, s, &z);
		kmem_cache_destroy(s);
	}
}

static void slab_nomerge_keeps_every_cache_apart(struct ktest *test)
{
	struct kmem_cache *a, *b, *k96;

	if (!boot_param("slab_nomerge"))
		KTEST_SKIP(test, "no slab_nomerge");
	a = kmem_cache_create("nomerge-a", MERGE_SIZE, 0, 0, NULL);
	b = kmem_cache_create("nomerge-b", MERGE_SIZE, 0, 0, NULL);
	k96 = kmem_cache_create("nomerge-96", 96, 0, 0, NULL);	/* kmalloc-96's size */
	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_ASSERT_NOT_NULL(test, b);
	KTEST_ASSERT_NOT_NULL(test, k96);
	KTEST_EXPECT_PTR_NE(test, a, b);
	KTEST_EXPECT_STREQ(test, kmem_cache_name(b), "nomerge-b");
	KTEST_EXPECT_PTR_NE(test, k96, kmalloc_caches[KMALLOC_NORMAL][1]);
	KTEST_EXPECT_STREQ(test, kmem_cache_name(k96), "nomerge-96");
	kmem_cache_destroy(k96);
	kmem_cache_destroy(b);
	kmem_cache_destroy(a);
}

static struct ktest_case slub_cases[] = {
	KTEST_CASE(kmalloc_objects_are_aligned_and_big_enough),
	KTEST_CASE(kmalloc_size_classes_include_96_and_192),
	KTEST_CASE(kmalloc_zero_and_kfree_null),
	KTEST_CASE(kzalloc_zeroes_a_reused_object),
	KTEST_CASE(kmalloc_array_checks_overflow),
	KTEST_CASE(large_kmalloc_comes_from_the_page_allocator),
	KTEST_CASE(krealloc_keeps_the_contents),
	KTEST_CASE(kmemdup_and_kstrdup_copy),
	KTEST_CASE(caches_honour_alignment),
	KTEST_CASE(constructors_run_once_per_object_lifetime),
	KTEST_CASE(cache_objects_are_distinct_and_keep_their_bytes),
	KTEST_CASE(objects_freed_on_other_cpus_come_back),
	KTEST_CASE(destroy_with_live_objects_reports_and_keeps_the_cache),
	KTEST_CASE(create_use_destroy_gives_every_page_back),
	KTEST_CASE(shrink_frees_empty_slabs),
	KTEST_CASE(free_to_the_wrong_cache_is_reported),
	KTEST_CASE(kfree_of_a_non_kmalloc_pointer_is_reported),
	KTEST_CASE(slabinfo_prints_proc_slabinfo),
	KTEST_CASE(torture_on_every_cpu_checks_every_byte),
	KTEST_CASE(alloc_bulk_returns_distinct_writable_objects),
	KTEST_CASE(free_bulk_gives_every_slab_page_back),
	KTEST_CASE(kfree_bulk_frees_mixed_caches_and_large_kmallocs),
	KTEST_CASE(kfree_bulk_skips_null_entries),
	KTEST_CASE(alloc_bulk_with_gfp_zero_clears_reused_objects),
	KTEST_CASE(compatible_caches_merge_under_the_first_name),
	KTEST_CASE(destroying_one_alias_keeps_the_other_usable),
	KTEST_CASE(no_merge_flag_or_constructor_prevents_merging),
	KTEST_CASE(dma_and_reclaim_flags_must_match_to_merge),
	KTEST_CASE(debug_flags_prevent_merging),
	KTEST_CASE(sizes_8_bytes_apart_do_not_merge),
	KTEST_CASE(gfp_dma_kmalloc_comes_from_zone_dma),
	KTEST_CASE(gfp_dma32_kmalloc_comes_from_zone_dma32),
	KTEST_CASE(dma_kmalloc_caches_are_listed_in_slabinfo),
	KTEST_CASE(hwcache_align_puts_large_objects_on_cache_lines),
	KTEST_CASE(hwcache_align_of_small_objects_is_the_next_power_of_two),
	KTEST_CASE(explicit_alignment_holds_in_every_slab),
	KTEST_CASE(slab_order_and_objects_follow_the_sizing_rules),
	KTEST_CASE(kmalloc_caches_follow_the_sizing_rules),
	KTEST_CASE(kmalloc_4k_and_8k_use_order_3),
	KTEST_CASE(slabs_are_compound_pages_of_the_cache_order),
	KTEST_CASE(remote_frees_refill_the_active_slab),
	KTEST_CASE(full_slab_with_a_freed_object_is_reused_before_a_new_slab),
	KTEST_CASE(slab_freed_into_on_another_cpu_is_reused_there),
	KTEST_CASE(shrink_gives_back_the_empty_slabs_of_every_cpu),
	KTEST_CASE(zero_size_requests_give_zero_size_ptr),
	KTEST_CASE(ksize_is_the_class_size_for_every_request),
	KTEST_CASE(large_kmalloc_comes_from_pages_and_frees_fully),
	KTEST_CASE(constant_and_variable_size_kmalloc_use_the_same_cache),
	KTEST_CASE(krealloc_grows_shrinks_frees_and_allocates),
	KTEST_CASE(gfp_zero_clears_a_reused_dirty_object),
	KTEST_CASE(constructor_runs_once_per_object_even_with_bulk_alloc),
	KTEST_CASE(constructed_bytes_survive_free_and_reuse),
	KTEST_CASE(kmalloc_exhaustion_fails_cleanly_and_gives_every_page_back),
	KTEST_CASE(a_million_64_byte_objects_waste_under_5_percent),
	KTEST_CASE(torture_with_cross_cpu_frees_on_own_caches),
	KTEST_CASE(slub_min_and_max_order_set_the_order_of_new_caches),
	KTEST_CASE(slub_min_objects_sets_the_objects_per_slab),
	KTEST_CASE(slab_nomerge_keeps_every_cache_apart),
	{}
};

static struct ktest_suite slub_suite = {
	.name = "slub",
	.init = slub_test_init,
	.exit = slub_test_exit,
	.test_cases = slub_cases,
};
ktest_register_suite(slub_suite);

/* ---- benchmarks (BENCH.md) ---------------------------------------------- */

static __always_inline void bench_kmalloc_pair(size_t size, const char *name)
{
	u64 t0 = bench_now();
	unsigned long i;

	for (i = 0; i < 200000; i++) {
		void *p = kmalloc(size, GFP_KERNEL);

		bench_hide(p);
		kfree(p);
	}
	bench_report(name, bench_now() - t0, 200000);
}

static __always_inline void bench_kmalloc_batch(size_t size, const char *name)
{
	static void *objs[1000];
	unsigned int r, i;
	u64 t0 = bench_now();

	for (r = 0; r < 50; r++) {
		for (i = 0; i < 1000; i++)
			objs[i] = kmalloc(size, GFP_KERNEL);
		for (i = 0; i < 1000; i++)
			kfree(objs[i]);
	}
	bench_report(name, bench_now() - t0, 50000);
}

static void bench_cache64(void)
{
	struct kmem_cache *s = kmem_cache_create("bench64", 64, 0, 0, NULL);
	static void *objs[1000];
	unsigned int r, i;
	u64 t0;

	t0 = bench_now();
	for (i = 0; i < 200000; i++) {
		void *p = kmem_cache_alloc(s, GFP_KERNEL);

		bench_hide(p);
		kmem_cache_free(s, p);
	}
	bench_report("cache64_pair", bench_now() - t0, 200000);
	t0 = bench_now();
	for (r = 0; r < 50; r++) {
		for (i = 0; i < 1000; i++)
			objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		for (i = 0; i < 1000; i++)
			kmem_cache_free(s, objs[i]);
	}
	bench_report("cache64_batch1000", bench_now() - t0, 50000);
	kmem_cache_destroy(s);
}

static void bench_slub(void)
{
	bench_kmalloc_pair(8, "kmalloc_pair_8");
	bench_kmalloc_pair(64, "kmalloc_pair_64");
	bench_kmalloc_pair(256, "kmalloc_pair_256");
	bench_kmalloc_pair(4096, "kmalloc_pair_4096");
	bench_kmalloc_batch(8, "kmalloc_batch1000_8");
	bench_kmalloc_batch(64, "kmalloc_batch1000_64");
	bench_kmalloc_batch(256, "kmalloc_batch1000_256");
	bench_kmalloc_batch(4096, "kmalloc_batch1000_4096");
	bench_cache64();
}
BENCH(slub, bench_slub);
