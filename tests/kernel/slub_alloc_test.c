// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of how the slab allocator (mm/slub.c) arranges its slabs, read
 * through mm/slab.h: cache merging, slab order and objects per slab, the
 * per-CPU slabs and frees from other CPUs, running out of memory, the
 * memory a million small objects take, torture runs on all CPUs checking
 * every byte they get, and the boot parameters, whose cases skip unless
 * the command line has them (tools/runtest.py boots the suites with
 * slub_min_order=1 slub_max_order=1 slub_min_objects=4 slab_nomerge once).
 *
 * Under failslab= a case whose objects do not all come gives back what it
 * holds and skips (slub_test.h); the torture runs count the failures and go
 * on, and filling memory tries an injected failure again, since its subject
 * is the NULL that comes when memory runs out.
 *
 * The kmalloc family and the cache API as callers see them are tested in
 * slub_test.c. Shared helpers: slub_test.h.
 */
#include <linux/ktest.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/kthread.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/string.h>
#include <linux/sort.h>
#include <linux/kstrtox.h>
#include <linux/init.h>
#include <linux/mmzone.h>
#include <linux/spinlock.h>
#include "slub_test.h"

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

/* An online CPU other than this one (the cases run on CPU 0), or -1. */
static int other_cpu(void)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		if (cpu != raw_smp_processor_id())
			return (int)cpu;
	return -1;
}

/* ---- cache merging ------------------------------------------------------- */

/* The cases that expect merging have nothing to prove under slab_nomerge. */
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
	if (p)
		KTEST_EXPECT_PTR_EQ(test, cache_of(p), a);
	else
		slub_alloc_failed(test, "kmem_cache_alloc");
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
	if (!p) {
		kmem_cache_destroy(b);
		kmem_cache_destroy(a);
		SLUB_ASSERT_ALLOC(test, p);
	}
	kmem_cache_destroy(a);		/* b still has an object: no report, nothing freed */
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "still has objects"));
	KTEST_EXPECT_EQ(test, b->refcount, 1);
	q = kmem_cache_alloc(b, GFP_KERNEL);
	if (q) {
		memset(p, 1, MERGE_SIZE);
		memset(q, 2, MERGE_SIZE);
	} else {
		slub_alloc_failed(test, "kmem_cache_alloc");
	}
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
	if (p) {
		KTEST_EXPECT_EQ(test, (int)page_zonenum(virt_to_page(p)), (int)ZONE_DMA);
		kmem_cache_free(s[1], p);
	} else {
		slub_alloc_failed(test, "kmem_cache_alloc");
	}
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
	struct slab *slab = virt_to_slab(p);
	struct page *head = compound_head(virt_to_page(p));
	unsigned long i, nr = 1UL << s->order;

	KTEST_ASSERT_NOT_NULL(test, slab);
	KTEST_EXPECT_PTR_EQ(test, slab_page(slab), head);
	KTEST_EXPECT_TRUE(test, folio_test_slab(slab_folio(slab)));
	KTEST_EXPECT_PTR_EQ(test, slab->slab_cache, s);
	KTEST_EXPECT_EQ(test, slab_order(slab), s->order);
	KTEST_EXPECT_EQ(test, slab_size(slab), PAGE_SIZE << s->order);
	KTEST_EXPECT_EQ(test, (unsigned int)slab->objects, s->objects);
	KTEST_EXPECT_EQ(test, slab_nid(slab), 0);
	if (s->order)
		KTEST_EXPECT_TRUE(test, folio_test_large(slab_folio(slab)));
	for (i = 1; i < nr; i++)
		if (compound_head(head + i) != head ||
		    virt_to_slab(page_address(head + i)) != slab) {
			KTEST_FAIL(test, "page %lu of the slab of %s is not its tail", i, s->name);
			break;
		}
	KTEST_EXPECT_TRUE(test, (char *)p >= (char *)slab_address(slab) &&
			  (char *)p + s->object_size <=
			  (char *)slab_address(slab) + slab_size(slab));
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
		if (p) {
			check_slab_page(test, s, p);
			kmem_cache_free(s, p);
		} else {
			slub_alloc_failed(test, "kmem_cache_alloc");
		}
		kmem_cache_destroy(s);
	}
	p = kmalloc(4096, GFP_KERNEL);
	SLUB_ASSERT_ALLOC(test, p);
	check_slab_page(test, kmalloc_caches[KMALLOC_NORMAL][12], p);
	kfree(p);
	p = kmalloc(8192, GFP_KERNEL);
	SLUB_ASSERT_ALLOC(test, p);
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

/* @s's slabs on its node partial list, each checked to be empty. */
static unsigned long empty_node_partial_slabs(struct ktest *test, struct kmem_cache *s)
{
	unsigned long flags, nr = 0;
	struct slab *slab;

	spin_lock_irqsave(&s->list_lock, flags);
	list_for_each_entry(slab, &s->partial, slab_list) {
		if (slab->inuse)
			KTEST_FAIL(test, "slab %p has %u objects in use", slab,
				   (unsigned int)slab->inuse);
		nr++;
	}
	spin_unlock_irqrestore(&s->list_lock, flags);
	return nr;
}

/*
 * Objects of several slabs (this CPU's active one, and full ones it left)
 * freed one by one on the other CPUs: onto the active slab's own freelist,
 * and onto the full slabs, which go to the freeing CPU's partial list.
 * Every one comes back: with the CPU slabs flushed, each slab is empty on
 * the node list, and allocating as many objects again as the slabs hold
 * takes no new slab.
 */
static void objects_freed_on_other_cpus_come_back(struct ktest *test)
{
	unsigned int cpu = 0, failed = 0;
	struct kmem_cache *s;
	struct remote_op op;
	size_t i, n;
	long slabs;

	if (other_cpu() < 0)
		KTEST_SKIP(test, "one CPU");
	s = kmem_cache_create("remote-free", 128, 0, SLAB_NO_MERGE, NULL);
	KTEST_ASSERT_NOT_NULL(test, s);
	n = min((size_t)s->objects * 3 - 1, ARRAY_SIZE(ptrs));
	if (!alloc_objects(s, GFP_KERNEL, ptrs, n))
		goto no_objects;
	slabs = slabs_of(s);
	KTEST_EXPECT_GE(test, slabs, 3L);
	for (i = 0; i < n; i++) {
		do
			cpu = (cpu + 1) % nr_cpu_ids;
		while (cpu == raw_smp_processor_id() || !cpu_online(cpu));
		op = (struct remote_op){ .s = s, .ptrs = &ptrs[i], .n = 1 };
		if (smp_call_function_single(cpu, remote_free, &op, true))
			failed++;
	}
	KTEST_EXPECT_EQ(test, failed, 0u);
	flush_all(s);
	/* Fewer than min_partial slabs: flushing kept every one, empty. */
	KTEST_EXPECT_EQ(test, slabs_of(s), slabs);
	KTEST_EXPECT_EQ(test, empty_node_partial_slabs(test, s), (unsigned long)slabs);
	n = min((size_t)slabs * s->objects, ARRAY_SIZE(ptrs));
	if (!alloc_objects(s, GFP_KERNEL, ptrs, n))
		goto no_objects;
	KTEST_EXPECT_EQ(test, slabs_of(s), slabs);
	for (i = 0; i < n; i++)
		kmem_cache_free(s, ptrs[i]);
	kmem_cache_destroy(s);
	return;
no_objects:
	slub_alloc_failed(test, "kmem_cache_alloc");
	kmem_cache_destroy(s);
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
	if (!alloc_objects(s, GFP_KERNEL, ptrs, n))
		goto no_objects;
	KTEST_EXPECT_EQ(test, slabs_of(s), 1L);		/* one slab, all handed out */
	op = (struct remote_op){ .s = s, .ptrs = ptrs, .n = n };
	smp_call_function_single((unsigned int)cpu, remote_free, &op, true);
	/* This CPU's active slab takes its objects back from its remote freelist. */
	if (!alloc_objects(s, GFP_KERNEL, ptrs2, n))
		goto no_objects;
	KTEST_EXPECT_EQ(test, slabs_of(s), 1L);
	sort(ptrs, n, sizeof(*ptrs), cmp_ptr, NULL);
	sort(ptrs2, n, sizeof(*ptrs2), cmp_ptr, NULL);
	KTEST_EXPECT_MEMEQ(test, ptrs, ptrs2, n * sizeof(*ptrs));
	for (i = 0; i < n; i++)
		kmem_cache_free(s, ptrs2[i]);
	kmem_cache_destroy(s);
	return;
no_objects:
	kmem_cache_destroy(s);
	slub_alloc_failed(test, "kmem_cache_alloc");
}

/*
 * A new cache of 256-byte objects, two slabs handed out into ptrs[]: the
 * first full, the second active. Without them, the case ends.
 */
static struct kmem_cache *two_full_slabs(struct ktest *test, const char *name, size_t *n)
{
	struct kmem_cache *s = kmem_cache_create(name, 256, 0, SLAB_NO_MERGE, NULL);

	KTEST_ASSERT_NOT_NULL(test, s);
	*n = 2 * s->objects;
	if (!alloc_objects(s, GFP_KERNEL, ptrs, *n)) {
		kmem_cache_destroy(s);
		slub_alloc_failed(test, "kmem_cache_alloc");
		ktest_abort(test);
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
	if (y)
		KTEST_EXPECT_PTR_EQ(test, y, x);
	else
		slub_alloc_failed(test, "kmem_cache_alloc");
	/* A failed allocation made no slab either. */
	KTEST_EXPECT_EQ(test, slabs_of(s), 2L);
	ptrs[0] = y;
	kmem_cache_free(s, ptrs[1]);
	kmem_cache_free(s, ptrs[2]);
	ptrs[1] = kmem_cache_alloc(s, GFP_KERNEL);
	ptrs[2] = kmem_cache_alloc(s, GFP_KERNEL);
	if (!ptrs[1] || !ptrs[2])
		slub_alloc_failed(test, "kmem_cache_alloc");
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
	if (op.got)
		KTEST_EXPECT_PTR_EQ(test, op.got, ptrs[0]);
	else
		slub_alloc_failed(test, "kmem_cache_alloc");
	KTEST_EXPECT_EQ(test, op.slabs, 2L);
	ptrs[0] = op.got;
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
		if (!ptrs[i]) {
			/* What there is is freed the same way, and must all come back. */
			slub_alloc_failed(test, "kmem_cache_alloc");
			n = i;
			break;
		}
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

/* ---- running out of memory ----------------------------------------------- */

/*
 * For the cases whose subject is volume: evaluate @alloc (a pointer or a
 * count) again while it is failslab= that failed it, up to a thousand
 * times in a row, so that a failure is the allocator's own (no memory
 * left). *@injected says whether the last one was injected.
 */
#define alloc_past_injection(alloc, injected) ({				\
	unsigned int __tries = 0;						\
	unsigned long __mark;							\
	__typeof__(alloc) __got;						\
										\
	do {									\
		__mark = failslab_failures();					\
		__got = (alloc);						\
		*(injected) = !__got && failslab_failures() != __mark;		\
	} while (*(injected) && ++__tries < 1000);				\
	__got;									\
})

static void kmalloc_exhaustion_fails_cleanly_and_gives_every_page_back(struct ktest *test)
{
	const gfp_t gfp = GFP_KERNEL | __GFP_NOWARN | __GFP_NORETRY;
	struct kmem_cache *k2 = kmalloc_caches[KMALLOC_NORMAL][11];
	long reports = atomic_long_read(&slub_debug_reports);
	unsigned long before, limit, n = 0, i;
	void **chain = NULL, **p, *bulk[64];
	bool injected = false;

	/* Filling gigabytes takes long under TCG and as much memory on the host. */
	if ((unsigned long long)nr_free_pages() * PAGE_SIZE > (4ULL << 30))
		KTEST_SKIP(test, "more than 4 GiB free");
	kmem_cache_shrink(k2);
	before = free_baseline();
	/* More objects than the free memory holds: reaching it means NULL never came. */
	limit = before * (PAGE_SIZE / 2048) + 1;
	while (n < limit) {
		p = alloc_past_injection(kmalloc(2048, gfp), &injected);
		if (!p)
			break;
		*p = chain;		/* chained through their first word */
		chain = p;
		n++;
	}
	if (injected) {
		__slub_alloc_failed(test, "kmalloc", true);
		goto free;
	}
	KTEST_EXPECT_LT(test, n, limit);
	KTEST_EXPECT_GT(test, n, 0UL);
	/* All or nothing: with five objects free and no memory, a bulk of 64 fails whole. */
	for (i = 0; i < 5 && chain; i++, n--) {
		p = chain;
		chain = *p;
		kfree(p);
	}
	KTEST_EXPECT_EQ(test, alloc_past_injection(kmem_cache_alloc_bulk(k2, gfp,
			ARRAY_SIZE(bulk), bulk), &injected), 0);
	for (i = 0; i < 5; i++, n++) {
		p = alloc_past_injection(kmalloc(2048, gfp), &injected);
		if (!p) {
			__slub_alloc_failed(test, "kmalloc", injected);
			break;
		}
		*p = chain;
		chain = p;
	}
free:
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
	bool injected = false;

	skip_if_slub_debug(test, "million-64");
	s = kmem_cache_create("million-64", 64, 0, SLAB_NO_MERGE, NULL);
	KTEST_ASSERT_NOT_NULL(test, s);
	before = free_pages_shrunk(s);
	if ((unsigned long long)before * PAGE_SIZE < (100ULL << 20)) {
		kmem_cache_destroy(s);
		KTEST_SKIP(test, "less than 100 MiB free");
	}
	for (n = 0; n < MILLION; n++) {
		p = alloc_past_injection(kmem_cache_alloc(s, GFP_KERNEL), &injected);
		if (!p)
			break;
		*p = chain;		/* no pointer array: the objects are the list */
		chain = p;
	}
	if (n == MILLION) {
		used = before - free_baseline();
		KTEST_EXPECT_LE(test, used * PAGE_SIZE, MILLION * 64 * 105 / 100);
		KTEST_EXPECT_LE(test, (unsigned long)slabs_of(s) << s->order, used);
	} else {
		ktest_info(test, "%lu objects of a million", n);
		__slub_alloc_failed(test, "kmem_cache_alloc", injected);
	}
	while ((p = chain)) {
		chain = *p;
		kmem_cache_free(s, p);
	}
	KTEST_EXPECT_EQ(test, free_pages_shrunk(s), before);
	kmem_cache_destroy(s);
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "still has objects"));
}

/* ---- torture on every CPU ------------------------------------------------ */

static atomic_t torture_threads_done;

/* A torture thread's end: count itself done, then wait for kthread_stop(). */
static int torture_thread_done(void)
{
	atomic_inc(&torture_threads_done);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

/*
 * Run @fn on a kthread bound to each online CPU ("@name/CPU") and wait
 * until every one has done its work. The wait matters twice: a kthread
 * stopped before its first run never runs, and a new one on this CPU runs
 * only once this task sleeps.
 */
static void torture_on_every_cpu(struct ktest *test, int (*fn)(void *), const char *name)
{
	struct task_struct *k[NR_CPUS];
	unsigned int cpu, n = 0, i;

	atomic_set(&torture_threads_done, 0);
	for_each_online_cpu(cpu) {
		k[n] = kthread_create(fn, NULL, "%s/%u", name, cpu);
		if (!k[n]) {
			/* A kthread's stack has a vmap area, from the slab (kernel/fork.c). */
			slub_alloc_failed(test, "kthread_create");
			break;
		}
		kthread_bind(k[n], cpu);
		wake_up_process(k[n]);
		n++;
	}
	ktest_wait_for((unsigned int)atomic_read(&torture_threads_done) == n, 60000);
	KTEST_EXPECT_EQ(test, (unsigned int)atomic_read(&torture_threads_done), n);
	for (i = 0; i < n; i++)
		kthread_stop(k[i]);
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
	return torture_thread_done();
}

static void torture_on_every_cpu_checks_every_byte(struct ktest *test)
{
	atomic_set(&slab_torture_bad, 0);
	torture_on_every_cpu(test, slab_torture, "slab-torture");
	KTEST_EXPECT_EQ(test, atomic_read(&slab_torture_bad), 0);
	KTEST_EXPECT_TRUE(test, free_area_check());
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
	return torture_thread_done();
}

static void torture_with_cross_cpu_frees_on_own_caches(struct ktest *test)
{
	unsigned long before = free_pages_shrunk(NULL);
	struct torture_obj o;
	unsigned int i, tries;

	for (i = 0; i < ARRAY_SIZE(torture_caches); i++) {
		torture_caches[i] = kmem_cache_create("torture", kmalloc_classes[i], 0,
						      SLAB_NO_MERGE, NULL);
		KTEST_ASSERT_NOT_NULL(test, torture_caches[i]);
	}
	atomic_set(&torture_bad, 0);
	atomic_set(&torture_alloc_failures, 0);
	atomic_set(&torture_remote_frees, 0);
	nr_handoff = 0;
	torture_on_every_cpu(test, slab_torture_cross, "slab-cross");
	while (handoff_take(-1, &o))		/* from CPU 0, which may not be theirs */
		torture_free(&o);
	KTEST_EXPECT_EQ(test, atomic_read(&torture_bad), 0);
	SLUB_EXPECT_INJECTED(test, atomic_read(&torture_alloc_failures));
	if (num_online_cpus() > 1) {
		/* Unless failslab= let hardly an object through. */
		if (!atomic_read(&torture_remote_frees) && failslab_injected())
			slub_alloc_failed(test, "kmem_cache_alloc");
		else
			KTEST_EXPECT_GT(test, atomic_read(&torture_remote_frees), 0);
	}
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


static struct ktest_case slub_alloc_cases[] = {
	KTEST_CASE(compatible_caches_merge_under_the_first_name),
	KTEST_CASE(destroying_one_alias_keeps_the_other_usable),
	KTEST_CASE(no_merge_flag_or_constructor_prevents_merging),
	KTEST_CASE(dma_and_reclaim_flags_must_match_to_merge),
	KTEST_CASE(debug_flags_prevent_merging),
	KTEST_CASE(sizes_8_bytes_apart_do_not_merge),
	KTEST_CASE(slab_order_and_objects_follow_the_sizing_rules),
	KTEST_CASE(kmalloc_caches_follow_the_sizing_rules),
	KTEST_CASE(kmalloc_4k_and_8k_use_order_3),
	KTEST_CASE(slabs_are_compound_pages_of_the_cache_order),
	KTEST_CASE(objects_freed_on_other_cpus_come_back),
	KTEST_CASE(remote_frees_refill_the_active_slab),
	KTEST_CASE(full_slab_with_a_freed_object_is_reused_before_a_new_slab),
	KTEST_CASE(slab_freed_into_on_another_cpu_is_reused_there),
	KTEST_CASE(shrink_gives_back_the_empty_slabs_of_every_cpu),
	KTEST_CASE(kmalloc_exhaustion_fails_cleanly_and_gives_every_page_back),
	KTEST_CASE(a_million_64_byte_objects_waste_under_5_percent),
	KTEST_CASE(torture_on_every_cpu_checks_every_byte),
	KTEST_CASE(torture_with_cross_cpu_frees_on_own_caches),
	KTEST_CASE(slub_min_and_max_order_set_the_order_of_new_caches),
	KTEST_CASE(slub_min_objects_sets_the_objects_per_slab),
	KTEST_CASE(slab_nomerge_keeps_every_cache_apart),
	{}
};

static struct ktest_suite slub_alloc_suite = {
	.name = "slub_alloc",
	.init = slub_test_init,
	.exit = slub_test_exit,
	.test_cases = slub_alloc_cases,
};
ktest_register_suite(slub_alloc_suite);
