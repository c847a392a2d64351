// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the slab allocator (mm/slub.c) as its callers see it: the
 * kmalloc family's sizes and semantics (ksize, krealloc, kmemdup, zeroing,
 * large requests from the page allocator, constant and variable sizes),
 * the GFP_DMA and GFP_DMA32 kmalloc caches, caches with alignment and
 * constructors, the bulk API, destroy and shrink giving every page back,
 * and the reports of misuse. The benchmarks of the slab layer
 * (Documentation/benchmarks.md) are at the end.
 *
 * Under failslab= a case whose objects do not all come gives back what it
 * holds and skips (slub_test.h): it fails only for a NULL nobody injected.
 *
 * How SLUB arranges its slabs (merging, order, per-CPU slabs, running out
 * of memory, torture, boot parameters) is tested in slub_alloc_test.c;
 * slub_debug= in slub_debug_test.c. Shared helpers: slub_test.h.
 */
#include <linux/ktest.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/shell.h>
#include <linux/bench.h>
#include <linux/string.h>
#include <linux/sort.h>
#include <linux/sprintf.h>
#include <linux/mmzone.h>
#include "slub_test.h"

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

/* The smallest of kmalloc's classes holding @size bytes. */
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

/* ---- the kmalloc family -------------------------------------------------- */

static void kmalloc_objects_are_aligned_and_big_enough(struct ktest *test)
{
	size_t size;

	for (size = 1; size <= 8192; size += size < 256 ? 1 : 61) {
		void *p = kmalloc(size, GFP_KERNEL);

		SLUB_ASSERT_ALLOC(test, p);
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

		SLUB_ASSERT_ALLOC(test, p);
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

	SLUB_ASSERT_ALLOC(test, p);
	memset(p, 0xff, 200);
	kfree(p);
	q = kzalloc(200, GFP_KERNEL);
	SLUB_ASSERT_ALLOC(test, q);
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
	SLUB_ASSERT_ALLOC(test, p);
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

	SLUB_ASSERT_ALLOC(test, p);
	memcpy(p, "0123456789abcdefghij", 20);
	KTEST_EXPECT_PTR_EQ(test, krealloc(p, 24, GFP_KERNEL), p);	/* fits in 32 */
	q = krealloc(p, 3000, GFP_KERNEL);
	if (!q) {
		/* p is untouched, and still the caller's. */
		KTEST_EXPECT_MEMEQ(test, p, "0123456789abcdefghij", 20);
		kfree(p);
		SLUB_ASSERT_ALLOC(test, q);
	}
	KTEST_EXPECT_MEMEQ(test, q, "0123456789abcdefghij", 20);
	KTEST_EXPECT_PTR_EQ(test, krealloc(q, 0, GFP_KERNEL), ZERO_SIZE_PTR);
	q = krealloc(NULL, 10, GFP_KERNEL);
	SLUB_ASSERT_ALLOC(test, q);
	kfree(q);
}

static void kmemdup_and_kstrdup_copy(struct ktest *test)
{
	char *a = kstrdup("memory", GFP_KERNEL), *b = kstrndup("manager", 3, GFP_KERNEL);
	char *c = kmemdup("\0\1\2", 3, GFP_KERNEL);

	KTEST_EXPECT_NULL(test, kstrdup(NULL, GFP_KERNEL));
	if (!a || !b || !c) {
		slub_alloc_failed(test, "kstrdup, kstrndup or kmemdup");
		goto out;
	}
	KTEST_EXPECT_STREQ(test, a, "memory");
	KTEST_EXPECT_STREQ(test, b, "man");
	KTEST_EXPECT_MEMEQ(test, c, "\0\1\2", 3);
out:
	kfree(a);
	kfree(b);
	kfree(c);
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
	SLUB_ASSERT_ALLOC(test, p);
	KTEST_EXPECT_PTR_EQ(test, krealloc(p, 0, GFP_KERNEL), ZERO_SIZE_PTR);
	q = kmalloc(10, GFP_KERNEL);
	SLUB_ASSERT_ALLOC(test, q);
	KTEST_EXPECT_PTR_EQ(test, q, p);
	kfree(q);
	q = krealloc(ZERO_SIZE_PTR, 10, GFP_KERNEL);
	SLUB_ASSERT_ALLOC(test, q);
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
		SLUB_ASSERT_ALLOC(test, p);
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
	if (!constant || !p) {
		slub_alloc_failed(test, "kmalloc");
		goto out;
	}
	KTEST_EXPECT_PTR_EQ(test, cache_of(constant), cache_of(p));
	KTEST_EXPECT_EQ(test, ksize(constant), (size_t)kmalloc_class_size(size));
	if (!failed_before && test->status == KTEST_FAILURE)
		ktest_info(test, "size %zu: %s and %s", size, kmem_cache_name(cache_of(constant)),
			   kmem_cache_name(cache_of(p)));
out:
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
	SLUB_ASSERT_ALLOC(test, p);
	KTEST_EXPECT_EQ(test, ksize(p), (size_t)128);
	memcpy(p, text, sizeof(text));
	KTEST_EXPECT_PTR_EQ(test, krealloc(p, 128, GFP_KERNEL), p);	/* fits: kept */
	q = krealloc(p, 1000, GFP_KERNEL);		/* grows to another class */
	if (!q) {
		KTEST_EXPECT_MEMEQ(test, p, text, sizeof(text));	/* untouched */
		kfree(p);
		slub_alloc_failed(test, "krealloc");
		goto out;
	}
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
out:
	KTEST_EXPECT_EQ(test, free_pages_shrunk(NULL), before);
}

static void gfp_zero_clears_a_reused_dirty_object(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("gfp-zero", 3000, 0, SLAB_NO_MERGE, NULL);
	unsigned int i;
	void *p, *q;

	KTEST_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	if (!p)
		goto no_object;
	memset(p, 0xff, 3000);
	kmem_cache_free(s, p);
	q = kmem_cache_alloc(s, GFP_KERNEL | __GFP_ZERO);
	if (!q)
		goto no_object;
	KTEST_EXPECT_PTR_EQ(test, q, p);		/* this CPU reuses it first */
	KTEST_EXPECT_TRUE(test, !memchr_inv(q, 0, 3000));
	memset(q, 0xee, 3000);
	kmem_cache_free(s, q);
	q = kmem_cache_zalloc(s, GFP_KERNEL);
	if (!q)
		goto no_object;
	KTEST_EXPECT_PTR_EQ(test, q, p);
	KTEST_EXPECT_TRUE(test, !memchr_inv(q, 0, 3000));
	kmem_cache_free(s, q);
	kmem_cache_destroy(s);
	/* Every kmalloc class, the whole object. */
	for (i = 0; i < ARRAY_SIZE(kmalloc_classes); i++) {
		size_t size = kmalloc_classes[i];

		p = kmalloc(size, GFP_KERNEL);
		SLUB_ASSERT_ALLOC(test, p);
		memset(p, 0xff, size);
		kfree(p);
		q = kzalloc(size, GFP_KERNEL);
		SLUB_ASSERT_ALLOC(test, q);
		KTEST_EXPECT_PTR_EQ(test, q, p);
		KTEST_EXPECT_TRUE(test, !memchr_inv(q, 0, size));
		kfree(q);
	}
	return;
no_object:
	kmem_cache_destroy(s);
	slub_alloc_failed(test, "kmem_cache_alloc");
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
		SLUB_ASSERT_ALLOC(test, p);
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
	SLUB_ASSERT_ALLOC(test, p);
	KTEST_EXPECT_EQ(test, (int)page_zonenum(virt_to_page(p)), (int)ZONE_DMA);
	KTEST_EXPECT_STREQ(test, kmem_cache_name(cache_of(p)), "dma-kmalloc-128");
	kfree(p);
}

static void gfp_dma32_kmalloc_comes_from_zone_dma32(struct ktest *test)
{
	void *p;

	check_kmalloc_zone(test, GFP_DMA32, ZONE_DMA32, "dma32-");
	p = kmalloc(100, GFP_KERNEL | GFP_DMA32);
	SLUB_ASSERT_ALLOC(test, p);
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

/* ---- caches -------------------------------------------------------------- */

static void caches_honour_alignment(struct ktest *test)
{
	static const unsigned int aligns[] = { 0, 8, 64, 256 };
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(aligns); i++) {
		struct kmem_cache *s = kmem_cache_create("align-test", 40, aligns[i],
							 i == 0 ? SLAB_HWCACHE_ALIGN : 0, NULL);
		void *objs[20];

		KTEST_ASSERT_NOT_NULL(test, s);
		if (!alloc_objects(s, GFP_KERNEL, objs, ARRAY_SIZE(objs))) {
			kmem_cache_destroy(s);
			slub_alloc_failed(test, "kmem_cache_alloc");
			return;
		}
		for (j = 0; j < ARRAY_SIZE(objs); j++)
			KTEST_EXPECT_EQ(test, (unsigned long)objs[j] %
					(i == 0 ? 64 : aligns[i]), 0UL);
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
	if (!p)
		goto no_object;
	calls = atomic_read(&ctor_calls);
	KTEST_EXPECT_GT(test, calls, 0);	/* the slab's objects, once each */
	KTEST_EXPECT_TRUE(test, !memchr_inv(p, 0x42, 24));
	kmem_cache_free(s, p);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	if (!q)
		goto no_object;
	KTEST_EXPECT_PTR_EQ(test, q, p);
	/* Freed and handed out again: still in its constructed state, no new call. */
	KTEST_EXPECT_TRUE(test, !memchr_inv(q, 0x42, 24));
	KTEST_EXPECT_EQ(test, atomic_read(&ctor_calls), calls);
	kmem_cache_free(s, q);
	kmem_cache_destroy(s);
	return;
no_object:
	kmem_cache_destroy(s);
	slub_alloc_failed(test, "kmem_cache_alloc");
}

static void cache_objects_are_distinct_and_keep_their_bytes(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("pattern-test", 64, 0, 0, NULL);
	static void *objs[1000];
	unsigned int i, j, bad = 0;
	unsigned long *o;

	KTEST_ASSERT_NOT_NULL(test, s);
	if (!alloc_objects(s, GFP_KERNEL | __GFP_ZERO, objs, ARRAY_SIZE(objs))) {
		kmem_cache_destroy(s);
		slub_alloc_failed(test, "kmem_cache_zalloc");
		return;
	}
	for (i = 0; i < ARRAY_SIZE(objs); i++) {
		o = objs[i];
		bad += !!memchr_inv(o, 0, 64);
		for (j = 0; j < 8; j++)
			o[j] = (unsigned long)o ^ j;
	}
	for (i = 0; i < ARRAY_SIZE(objs); i++)
		for (j = 0, o = objs[i]; j < 8; j++)
			bad += o[j] != ((unsigned long)o ^ j);
	for (i = 0; i < ARRAY_SIZE(objs); i++)
		kmem_cache_free(s, objs[i]);
	KTEST_EXPECT_EQ(test, bad, 0u);
	kmem_cache_destroy(s);
}

static void destroy_with_live_objects_reports_and_keeps_the_cache(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("leaky", 100, 0, 0, NULL);
	void *p;

	KTEST_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	if (!p) {
		kmem_cache_destroy(s);
		SLUB_ASSERT_ALLOC(test, p);
	}
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
	unsigned int i, nulls = 0;

	KTEST_ASSERT_NOT_NULL(test, s);
	/* NULLs under failslab= are freed as such: the rest still gives every page back. */
	for (i = 0; i < ARRAY_SIZE(objs); i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		nulls += !objs[i];
	}
	SLUB_EXPECT_INJECTED(test, nulls);
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
	unsigned int i, nulls = 0;
	bool new_slabs;
	long slabs;

	KTEST_ASSERT_NOT_NULL(test, s);
	slabs = slabs_of(s);
	for (i = 0; i < ARRAY_SIZE(objs); i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		nulls += !objs[i];
	}
	SLUB_EXPECT_INJECTED(test, nulls);
	new_slabs = slabs_of(s) > slabs;
	for (i = 0; i < ARRAY_SIZE(objs); i++)
		kmem_cache_free(s, objs[i]);
	with_slabs = free_baseline();
	kmem_cache_shrink(s);
	after = free_baseline();
	/* Under failslab= the objects that came may have needed no slab of their own. */
	if (new_slabs || !nulls)
		KTEST_EXPECT_GT(test, after, with_slabs);
	else
		slub_alloc_failed(test, "kmem_cache_alloc");
	kmem_cache_destroy(s);
}

/* ---- alignment ----------------------------------------------------------- */

/*
 * Allocate @n objects of @s into ptrs[] and free them. Return: how many
 * were not @align-aligned (none when they could not all be allocated).
 */
static unsigned int count_misaligned(struct ktest *test, struct kmem_cache *s, size_t n,
				     unsigned long align)
{
	unsigned int bad = 0;
	size_t i;

	n = min(n, ARRAY_SIZE(ptrs));
	if (!alloc_objects(s, GFP_KERNEL, ptrs, n)) {
		slub_alloc_failed(test, "kmem_cache_alloc");
		return 0;
	}
	for (i = 0; i < n; i++) {
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
	if (kmem_cache_alloc_bulk(s, GFP_KERNEL, n, ptrs) != (int)n) {
		slub_alloc_failed(test, "kmem_cache_alloc_bulk");
		goto destroy;
	}
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
	if (kmem_cache_alloc_bulk(s, GFP_KERNEL, freed, ptrs) != (int)freed) {
		slub_alloc_failed(test, "kmem_cache_alloc_bulk");
		goto free_kept;
	}
	KTEST_EXPECT_EQ(test, atomic_read(&counted_ctor_calls), calls);
	KTEST_EXPECT_EQ(test, slabs_of(s), slabs);
	marked = 0;
	for (i = 0; i < freed; i++)
		marked += *(u8 *)ptrs[i] == 0x77 && !memchr_inv((u8 *)ptrs[i] + 1, CTOR_BYTE, 199);
	KTEST_EXPECT_EQ(test, marked, freed);
	kmem_cache_free_bulk(s, freed, ptrs);
free_kept:
	kmem_cache_free_bulk(s, kept, ptrs2);
	/* Slabs given back and made anew: their objects are constructed again. */
	kmem_cache_shrink(s);
	KTEST_EXPECT_EQ(test, slabs_of(s), 0L);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	if (!p) {
		slub_alloc_failed(test, "kmem_cache_alloc");
		goto destroy;
	}
	KTEST_EXPECT_EQ(test, atomic_read(&counted_ctor_calls), calls + (int)s->objects);
	KTEST_EXPECT_TRUE(test, !memchr_inv(p, CTOR_BYTE, 200));
	kmem_cache_free(s, p);
destroy:
	kmem_cache_destroy(s);
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "still has objects"));
}

/*
 * Take two slabs' worth of a constructed cache of @size-byte objects, free
 * all but the first of each slab (no slab empties) and take them again:
 * they come back constructed, with no new constructor call.
 */
static void check_constructed_bytes_kept(struct ktest *test, unsigned int size)
{
	struct kmem_cache *s;
	unsigned int bad = 0;
	size_t j, n, kept = 0;
	int calls;

	counted_ctor_size = size;
	atomic_set(&counted_ctor_calls, 0);
	s = kmem_cache_create("ctor-keep", size, 0, 0, counted_ctor);
	KTEST_ASSERT_NOT_NULL(test, s);
	n = min((size_t)(2 * s->objects), ARRAY_SIZE(ptrs));
	if (!alloc_objects(s, GFP_KERNEL, ptrs, n)) {
		slub_alloc_failed(test, "kmem_cache_alloc");
		goto destroy;
	}
	calls = atomic_read(&counted_ctor_calls);
	for (j = 0; j < n; j++) {
		if (first_of_slab(s, ptrs[j]))
			ptrs2[kept++] = ptrs[j];
		else
			kmem_cache_free(s, ptrs[j]);
	}
	if (!alloc_objects(s, GFP_KERNEL, ptrs, n - kept)) {
		slub_alloc_failed(test, "kmem_cache_alloc");
		goto free_kept;
	}
	for (j = 0; j < n - kept; j++)
		bad += !!memchr_inv(ptrs[j], CTOR_BYTE, size);
	KTEST_EXPECT_EQ(test, bad, 0u);
	KTEST_EXPECT_EQ(test, atomic_read(&counted_ctor_calls), calls);
	for (j = 0; j < n - kept; j++)
		kmem_cache_free(s, ptrs[j]);
free_kept:
	for (j = 0; j < kept; j++)
		kmem_cache_free(s, ptrs2[j]);
destroy:
	kmem_cache_destroy(s);
}

static void constructed_bytes_survive_free_and_reuse(struct ktest *test)
{
	/* The free pointer must live outside the constructed bytes, even for tiny objects. */
	static const unsigned int sizes[] = { 4, 8, 24, 64, 500 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++)
		check_constructed_bytes_kept(test, sizes[i]);
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "still has objects"));
}

/* ---- bulk allocation and free -------------------------------------------- */

static void alloc_bulk_returns_distinct_writable_objects(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("bulk-rw", 200, 0, SLAB_NO_MERGE, NULL);
	size_t i, n, bad = 0;

	KTEST_ASSERT_NOT_NULL(test, s);
	n = min((size_t)(3 * s->objects + 7), ARRAY_SIZE(ptrs) - 1);	/* several slabs */
	memset(ptrs, 0, sizeof(ptrs));
	if (kmem_cache_alloc_bulk(s, GFP_KERNEL, n, ptrs) != (int)n) {
		/* All or none: the objects it took were given back. */
		slub_alloc_failed(test, "kmem_cache_alloc_bulk");
		goto destroy;
	}
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
destroy:
	kmem_cache_destroy(s);
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "still has objects"));
}

static void free_bulk_gives_every_slab_page_back(struct ktest *test)
{
	unsigned long before = free_pages_shrunk(NULL);
	struct kmem_cache *s = kmem_cache_create("bulk-free", 512, 0, SLAB_NO_MERGE, NULL);
	size_t i, n = ARRAY_SIZE(ptrs);

	KTEST_ASSERT_NOT_NULL(test, s);
	if (kmem_cache_alloc_bulk(s, GFP_KERNEL, n, ptrs) != (int)n) {
		slub_alloc_failed(test, "kmem_cache_alloc_bulk");
		goto shrink;
	}
	KTEST_EXPECT_GE(test, slabs_of(s) * s->objects, (long)n);
	/* Freed in a scattered order: neighbours in the array are of other slabs. */
	for (i = 0; i < n; i++)
		ptrs2[i] = ptrs[(i * 7) % n];
	kmem_cache_free_bulk(s, n, ptrs2);
shrink:
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
		if (!ptrs[i]) {
			/* Free what there is, the same way. */
			slub_alloc_failed(test, "kmalloc or kmem_cache_alloc");
			n = i;
			break;
		}
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
	if (!a || !b) {
		kmem_cache_free(s, a);
		kmem_cache_free(s, b);
		slub_alloc_failed(test, "kmem_cache_alloc");
		goto destroy;
	}
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
	if (!x || !y)
		slub_alloc_failed(test, "kmem_cache_alloc");
	else
		KTEST_EXPECT_TRUE(test, (x == a && y == b) || (x == b && y == a));
	kmem_cache_free(s, x);
	kmem_cache_free(s, y);
destroy:
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
	if (kmem_cache_alloc_bulk(s, GFP_KERNEL, n, ptrs) != (int)n)
		goto no_objects;
	for (i = 0; i < n; i++)
		memset(ptrs[i], 0xa5, 300);
	memcpy(ptrs2, ptrs, n * sizeof(*ptrs));
	kmem_cache_free_bulk(s, n, ptrs);
	if (kmem_cache_alloc_bulk(s, GFP_KERNEL | __GFP_ZERO, n, ptrs) != (int)n)
		goto no_objects;
	sort(ptrs2, n, sizeof(*ptrs2), cmp_ptr, NULL);
	for (i = 0; i < n; i++) {
		dirty += !!memchr_inv(ptrs[i], 0, 300);
		reused += !!bsearch(&ptrs[i], ptrs2, n, sizeof(*ptrs2), cmp_ptr);
	}
	KTEST_EXPECT_EQ(test, dirty, (size_t)0);
	KTEST_EXPECT_GT(test, reused, (size_t)0);	/* the case is about reused objects */
	kmem_cache_free_bulk(s, n, ptrs);
	kmem_cache_destroy(s);
	return;
no_objects:
	kmem_cache_destroy(s);
	slub_alloc_failed(test, "kmem_cache_alloc_bulk");
}

/* ---- misuse and reports -------------------------------------------------- */

static void free_to_the_wrong_cache_is_reported(struct ktest *test)
{
	struct kmem_cache *a = kmem_cache_create("cache-a", 64, 0, SLAB_NO_MERGE, NULL);
	struct kmem_cache *b = kmem_cache_create("cache-b", 64, 0, SLAB_NO_MERGE, NULL);
	void *p;

	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_ASSERT_NOT_NULL(test, b);
	p = kmem_cache_alloc(a, GFP_KERNEL);
	if (!p) {
		slub_alloc_failed(test, "kmem_cache_alloc");
		goto destroy;
	}
	kmem_cache_free(b, p);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
		"kmem_cache_free(cache-b): "));
	kmem_cache_free(a, p);
destroy:
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

static struct ktest_case slub_cases[] = {
	KTEST_CASE(kmalloc_objects_are_aligned_and_big_enough),
	KTEST_CASE(kmalloc_size_classes_include_96_and_192),
	KTEST_CASE(kmalloc_zero_and_kfree_null),
	KTEST_CASE(kzalloc_zeroes_a_reused_object),
	KTEST_CASE(kmalloc_array_checks_overflow),
	KTEST_CASE(large_kmalloc_comes_from_the_page_allocator),
	KTEST_CASE(krealloc_keeps_the_contents),
	KTEST_CASE(kmemdup_and_kstrdup_copy),
	KTEST_CASE(zero_size_requests_give_zero_size_ptr),
	KTEST_CASE(ksize_is_the_class_size_for_every_request),
	KTEST_CASE(large_kmalloc_comes_from_pages_and_frees_fully),
	KTEST_CASE(constant_and_variable_size_kmalloc_use_the_same_cache),
	KTEST_CASE(krealloc_grows_shrinks_frees_and_allocates),
	KTEST_CASE(gfp_zero_clears_a_reused_dirty_object),
	KTEST_CASE(gfp_dma_kmalloc_comes_from_zone_dma),
	KTEST_CASE(gfp_dma32_kmalloc_comes_from_zone_dma32),
	KTEST_CASE(dma_kmalloc_caches_are_listed_in_slabinfo),
	KTEST_CASE(caches_honour_alignment),
	KTEST_CASE(constructors_run_once_per_object_lifetime),
	KTEST_CASE(cache_objects_are_distinct_and_keep_their_bytes),
	KTEST_CASE(destroy_with_live_objects_reports_and_keeps_the_cache),
	KTEST_CASE(create_use_destroy_gives_every_page_back),
	KTEST_CASE(shrink_frees_empty_slabs),
	KTEST_CASE(hwcache_align_puts_large_objects_on_cache_lines),
	KTEST_CASE(hwcache_align_of_small_objects_is_the_next_power_of_two),
	KTEST_CASE(explicit_alignment_holds_in_every_slab),
	KTEST_CASE(constructor_runs_once_per_object_even_with_bulk_alloc),
	KTEST_CASE(constructed_bytes_survive_free_and_reuse),
	KTEST_CASE(alloc_bulk_returns_distinct_writable_objects),
	KTEST_CASE(free_bulk_gives_every_slab_page_back),
	KTEST_CASE(kfree_bulk_frees_mixed_caches_and_large_kmallocs),
	KTEST_CASE(kfree_bulk_skips_null_entries),
	KTEST_CASE(alloc_bulk_with_gfp_zero_clears_reused_objects),
	KTEST_CASE(free_to_the_wrong_cache_is_reported),
	KTEST_CASE(kfree_of_a_non_kmalloc_pointer_is_reported),
	KTEST_CASE(slabinfo_prints_proc_slabinfo),
	{}
};

static struct ktest_suite slub_suite = {
	.name = "slub",
	.init = slub_test_init,
	.exit = slub_test_exit,
	.test_cases = slub_cases,
};
ktest_register_suite(slub_suite);

/* ---- benchmarks (Documentation/benchmarks.md) -------------------------- */

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
