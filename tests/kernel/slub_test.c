// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the slab allocator (mm/slub.c): the kmalloc family's sizes and
 * semantics, caches with alignment and constructors, frees from other
 * CPUs, destroy and shrink giving every page back, misuse reports, and a
 * torture run on all CPUs checking every byte it gets.
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
#include "../../mm/internal.h"

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
