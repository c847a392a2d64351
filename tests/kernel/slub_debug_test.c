// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of slub_debug (mm/slub_debug.c): the slub_debug= parser and cache
 * name matching, the layout and bytes of debug objects (red zones, poison,
 * tracks), each kind of misuse (a write past either end, a write after
 * free, a double free, a free of an interior, foreign or non-slab
 * pointer) reported once in Linux's shape and repaired so that the kernel
 * goes on, tracing, validation (slabinfo -v), and debug caches under load
 * on every CPU.
 *
 * Each case makes its own caches with the flags it needs, so the suite
 * means the same on every boot; the cases about the kmalloc caches run
 * only when the boot's slub_debug= covers them (tools/runtest.py boots
 * with slub_debug=FZPU once). Corruption is done on purpose here: every
 * case counts the reports (slub_debug_reports) it expects, exactly.
 */
#include <linux/ktest.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/kthread.h>
#include <linux/cpumask.h>
#include <linux/kallsyms.h>
#include <linux/panic.h>
#include <linux/shell.h>
#include <linux/sprintf.h>
#include <linux/errno.h>
#include <linux/completion.h>
#include "../../mm/internal.h"
#include "../../mm/slab.h"

#define ALL_CHECKS	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER)

/* The reports must come from the cases' own misuse: no injected failures. */
static long reports(void)
{
	return atomic_long_read(&slub_debug_reports);
}

/* ---- slub_debug= ------------------------------------------------------------ */

static slab_flags_t flags_for(const char *spec, const char *name)
{
	struct slub_debug_options opt;

	if (slub_debug_parse(&opt, spec))
		return ~0U;
	return slub_debug_cache_flags(&opt, name, 0);
}

static void slub_debug_alone_is_full_debugging_for_every_cache(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, flags_for(NULL, "dentry"), ALL_CHECKS);
	KTEST_EXPECT_EQ(test, flags_for("", "kmalloc-64"), ALL_CHECKS);
}

static void each_option_letter_sets_its_flag_in_either_case(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, flags_for("F", "x"), SLAB_CONSISTENCY_CHECKS);
	KTEST_EXPECT_EQ(test, flags_for("z", "x"), SLAB_RED_ZONE);
	KTEST_EXPECT_EQ(test, flags_for("P", "x"), SLAB_POISON);
	KTEST_EXPECT_EQ(test, flags_for("u", "x"), SLAB_STORE_USER);
	KTEST_EXPECT_EQ(test, flags_for("T", "x"), SLAB_TRACE);
	KTEST_EXPECT_EQ(test, flags_for("a", "x"), SLAB_FAILSLAB);
	KTEST_EXPECT_EQ(test, flags_for("FZPU", "x"), ALL_CHECKS);
	/* A cache's own flags are kept. */
	{
		struct slub_debug_options opt;

		KTEST_ASSERT_EQ(test, slub_debug_parse(&opt, "Z"), 0);
		KTEST_EXPECT_EQ(test, slub_debug_cache_flags(&opt, "x", SLAB_HWCACHE_ALIGN),
				SLAB_HWCACHE_ALIGN | SLAB_RED_ZONE);
	}
}

static void dash_switches_everything_before_it_off(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, flags_for("-", "x"), 0U);
	KTEST_EXPECT_EQ(test, flags_for("FZ-P", "x"), SLAB_POISON);
}

static void a_cache_list_limits_the_options_to_those_caches(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, flags_for("FZ,dentry,inode_cache", "dentry"),
			SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE);
	KTEST_EXPECT_EQ(test, flags_for("FZ,dentry,inode_cache", "inode_cache"),
			SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE);
	/* Whole names only: neither a prefix nor a longer name matches. */
	KTEST_EXPECT_EQ(test, flags_for("FZ,dentry,inode_cache", "dent"), 0U);
	KTEST_EXPECT_EQ(test, flags_for("FZ,dentry,inode_cache", "dentry2"), 0U);
	KTEST_EXPECT_EQ(test, flags_for("FZ,dentry", "kmalloc-64"), 0U);
	/* No options before the list: full debugging for the list. */
	KTEST_EXPECT_EQ(test, flags_for(",dentry", "dentry"), ALL_CHECKS);
	KTEST_EXPECT_EQ(test, flags_for(",dentry", "other"), 0U);
}

static void a_trailing_star_matches_every_name_with_the_prefix(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, flags_for("P,kmalloc-*,dentry", "kmalloc-64"), SLAB_POISON);
	KTEST_EXPECT_EQ(test, flags_for("P,kmalloc-*,dentry", "kmalloc-rcl-8"), SLAB_POISON);
	KTEST_EXPECT_EQ(test, flags_for("P,kmalloc-*,dentry", "dentry"), SLAB_POISON);
	KTEST_EXPECT_EQ(test, flags_for("P,kmalloc-*,dentry", "dma-kmalloc-64"), 0U);
	KTEST_EXPECT_EQ(test, flags_for("P,kmalloc-*,dentry", "kmalloc"), 0U);
	KTEST_EXPECT_EQ(test, flags_for("U,*", "anything"), SLAB_STORE_USER);
}

static void blocks_give_each_list_its_options_and_the_rest_the_global_ones(struct ktest *test)
{
	const char *spec = "Z,dentry;U,kmalloc-*";

	KTEST_EXPECT_EQ(test, flags_for(spec, "dentry"), SLAB_RED_ZONE);
	KTEST_EXPECT_EQ(test, flags_for(spec, "kmalloc-8"), SLAB_STORE_USER);
	KTEST_EXPECT_EQ(test, flags_for(spec, "task_struct"), 0U);
	/* Global options with exceptions, as the guide's example. */
	spec = "FZ;-,zs_handle,zspage";
	KTEST_EXPECT_EQ(test, flags_for(spec, "zspage"), 0U);
	KTEST_EXPECT_EQ(test, flags_for(spec, "zs_handle"), 0U);
	KTEST_EXPECT_EQ(test, flags_for(spec, "dentry"), SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE);
	/* The first block naming a cache wins; empty blocks are skipped. */
	KTEST_EXPECT_EQ(test, flags_for(";;U,ab*;;Z,abc;", "abc"), SLAB_STORE_USER);
	KTEST_EXPECT_EQ(test, flags_for("U,ab*;Z,abc", "xyz"), 0U);
}

static void unknown_letters_are_reported_and_skipped(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, flags_for("FqZ", "x"), SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "slub_debug option 'q' unknown. skipped"));
}

static void option_o_is_recorded_and_a_string_too_long_is_rejected(struct ktest *test)
{
	struct slub_debug_options opt;
	char *huge;

	KTEST_ASSERT_EQ(test, slub_debug_parse(&opt, "FO"), 0);
	KTEST_EXPECT_TRUE(test, opt.disable_higher_order);
	KTEST_EXPECT_EQ(test, opt.flags, SLAB_CONSISTENCY_CHECKS);
	KTEST_ASSERT_EQ(test, slub_debug_parse(&opt, "0"), 0);
	KTEST_EXPECT_TRUE(test, opt.disable_higher_order);
	KTEST_ASSERT_EQ(test, slub_debug_parse(&opt, "FZ"), 0);
	KTEST_EXPECT_FALSE(test, opt.disable_higher_order);

	huge = kmalloc(sizeof(opt.blocks) + 1, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, huge);
	memset(huge, 'F', sizeof(opt.blocks));
	huge[sizeof(opt.blocks)] = '\0';
	KTEST_EXPECT_EQ(test, slub_debug_parse(&opt, huge), -EINVAL);
	kfree(huge);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "slub_debug: 'FFFF"));
}

static void option_o_drops_debugging_that_raises_the_order(struct ktest *test)
{
	bool was = disable_higher_order_debug;
	struct kmem_cache *big, *small;

	disable_higher_order_debug = true;
	big = kmem_cache_create("sdt-order-big", PAGE_SIZE, 0, ALL_CHECKS, NULL);
	small = kmem_cache_create("sdt-order-small", 64, 0, ALL_CHECKS, NULL);
	disable_higher_order_debug = was;
	KTEST_ASSERT_NOT_NULL(test, big);
	KTEST_ASSERT_NOT_NULL(test, small);
	/* A page with red zones and tracks needs order 1: its metadata goes, F stays. */
	KTEST_EXPECT_EQ(test, big->flags & ALL_CHECKS, SLAB_CONSISTENCY_CHECKS);
	KTEST_EXPECT_EQ(test, big->size, (unsigned int)PAGE_SIZE);
	KTEST_EXPECT_EQ(test, small->flags & ALL_CHECKS, ALL_CHECKS);
	kmem_cache_destroy(big);
	kmem_cache_destroy(small);
}

/* ---- objects ---------------------------------------------------------------- */

static bool all_bytes(const void *p, u8 val, size_t n)
{
	return !memchr_inv(p, val, n);
}

static void objects_carry_red_zones_and_poison_by_state(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("sdt-layout", 40, 0, ALL_CHECKS, NULL);
	u8 *p;

	KTEST_ASSERT_NOT_NULL(test, s);
	KTEST_EXPECT_GE(test, s->red_left_pad, 8u);
	KTEST_EXPECT_GT(test, s->inuse, s->object_size);
	KTEST_EXPECT_GE(test, s->offset, s->inuse);	/* the free pointer is outside */
	KTEST_EXPECT_GE(test, s->size, s->red_left_pad + get_info_end(s) +
				       2 * (unsigned int)sizeof(struct track));
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	/* Allocated: red zones active, the poison left for the caller to overwrite. */
	KTEST_EXPECT_TRUE(test, all_bytes(p - s->red_left_pad, SLUB_RED_ACTIVE, s->red_left_pad));
	KTEST_EXPECT_TRUE(test, all_bytes(p + 40, SLUB_RED_ACTIVE, s->inuse - 40));
	KTEST_EXPECT_TRUE(test, all_bytes(p, POISON_FREE, 39));
	KTEST_EXPECT_EQ(test, p[39], (u8)POISON_END);
	memset(p, 0x11, 40);
	kmem_cache_free(s, p);
	/* Free: red zones inactive, poisoned again. */
	KTEST_EXPECT_TRUE(test, all_bytes(p - s->red_left_pad, SLUB_RED_INACTIVE, s->red_left_pad));
	KTEST_EXPECT_TRUE(test, all_bytes(p + 40, SLUB_RED_INACTIVE, s->inuse - 40));
	KTEST_EXPECT_TRUE(test, all_bytes(p, POISON_FREE, 39));
	KTEST_EXPECT_EQ(test, p[39], (u8)POISON_END);
	kmem_cache_destroy(s);
}

static void ctor(void *obj)
{
	memset(obj, 0x3c, 24);
}

static void a_constructor_keeps_its_bytes_and_the_red_zones_still_work(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("sdt-ctor", 24, 0, ALL_CHECKS, ctor);
	long before = reports();
	u8 *p;

	KTEST_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_TRUE(test, all_bytes(p, 0x3c, 24));	/* not poisoned */
	kmem_cache_free(s, p);
	KTEST_EXPECT_TRUE(test, all_bytes(p, 0x3c, 24));
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	p[24] = 0;
	kmem_cache_free(s, p);
	KTEST_EXPECT_EQ(test, reports(), before + 1);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "BUG sdt-ctor ("));
	kmem_cache_free(s, p);		/* repaired: now it frees */
	KTEST_EXPECT_EQ(test, reports(), before + 1);
	kmem_cache_destroy(s);
}

/* Does the track's caller lie in function @fn? */
static bool track_in(const struct track *t, const char *fn)
{
	char sym[64];

	sprint_symbol(sym, sizeof(sym), t->addr, false);
	return !strcmp(sym, fn);
}

static void tracks_record_who_allocated_and_freed(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("sdt-track", 64, 0, ALL_CHECKS, NULL);
	unsigned long start = jiffies;
	struct track *t;
	void *p;

	KTEST_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	t = (struct track *)((char *)p + get_info_end(s));
	KTEST_EXPECT_TRUE(test, track_in(&t[TRACK_ALLOC], __func__));
	KTEST_EXPECT_EQ(test, t[TRACK_ALLOC].pid, current->pid);
	KTEST_EXPECT_EQ(test, t[TRACK_ALLOC].cpu, (int)raw_smp_processor_id());
	KTEST_EXPECT_GE(test, t[TRACK_ALLOC].when, start);
	KTEST_EXPECT_EQ(test, t[TRACK_FREE].addr, 0UL);
	/* The stack is kept when the boot turned the depot on. */
	if (stack_depot_initialized())
		KTEST_EXPECT_NE(test, t[TRACK_ALLOC].handle, 0u);
	kmem_cache_free(s, p);
	KTEST_EXPECT_TRUE(test, track_in(&t[TRACK_FREE], __func__));
	KTEST_EXPECT_TRUE(test, track_in(&t[TRACK_ALLOC], __func__));
	kmem_cache_destroy(s);
}

/* ---- misuse ---------------------------------------------------------------- */

static void a_write_past_the_end_is_reported_repaired_and_not_freed(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("sdt-right", 64, 0, ALL_CHECKS, NULL);
	long before = reports();
	u8 *p;

	KTEST_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	memset(p, 0, 64);
	p[64] = 0x41;
	kmem_cache_free(s, p);
	KTEST_EXPECT_EQ(test, reports(), before + 1);
	/* Linux's report, line by line. */
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "============================="));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "BUG sdt-right (") &&
				ktest_log_contains(test, "): Right Redzone overwritten"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "First byte 0x41 instead of 0xcc"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Allocated in a_write_past_the_end"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Slab 0x"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Object 0x"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Redzone  "));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Object   "));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Padding  "));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Call Trace:"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "FIX sdt-right: Restoring Right Redzone"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "not freed"));
	KTEST_EXPECT_TRUE(test, test_taint(TAINT_BAD_PAGE));
	/* Restored as an allocated object's: the next free is clean. */
	KTEST_EXPECT_TRUE(test, all_bytes(p + 64, SLUB_RED_ACTIVE, s->inuse - 64));
	kmem_cache_free(s, p);
	KTEST_EXPECT_EQ(test, reports(), before + 1);
	KTEST_EXPECT_EQ(test, validate_slab_cache(s), 0UL);
	kmem_cache_destroy(s);
}

static void a_write_before_the_start_is_reported(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("sdt-left", 32, 0, ALL_CHECKS, NULL);
	long before = reports();
	u8 *p;

	KTEST_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	p[-1] = 0;
	kmem_cache_free(s, p);
	KTEST_EXPECT_EQ(test, reports(), before + 1);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Left Redzone overwritten"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "FIX sdt-left: Restoring Left Redzone"));
	kmem_cache_free(s, p);
	KTEST_EXPECT_EQ(test, reports(), before + 1);
	kmem_cache_destroy(s);
}

/*
 * The next allocation finds the poison broken: reported, restored, and the
 * slab's free objects given up ("Marking all objects used"), as Linux does.
 * That slab is never freed, so this cache is made once and kept; its
 * given-up objects would fail a validation (free bytes in objects counted
 * as used), so the case that validates every cache runs before this one.
 */
static void a_write_after_free_is_caught_by_the_next_allocation(struct ktest *test)
{
	static struct kmem_cache *s;
	long before = reports();
	u8 *p, *q;

	if (!s)
		s = kmem_cache_create("sdt-use-after-free", 128, 0, ALL_CHECKS, NULL);
	KTEST_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	kmem_cache_free(s, p);
	p[10] = 0x77;
	q = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, q);
	KTEST_EXPECT_PTR_NE(test, q, p);
	KTEST_EXPECT_NE(test, (unsigned long)virt_to_slab(q), (unsigned long)virt_to_slab(p));
	KTEST_EXPECT_EQ(test, reports(), before + 1);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Poison overwritten"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "First byte 0x77 instead of 0x6b"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Freed in a_write_after_free"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "FIX sdt-use-after-free: Marking all objects used"));
	KTEST_EXPECT_EQ(test, p[10], (u8)POISON_FREE);
	kmem_cache_free(s, q);
	KTEST_EXPECT_EQ(test, reports(), before + 1);
}

static void validation_finds_a_write_after_free_and_repairs_it(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("sdt-validate", 48, 0, ALL_CHECKS, NULL);
	long before = reports();
	u8 *p, *keep;

	KTEST_ASSERT_NOT_NULL(test, s);
	keep = kmem_cache_alloc(s, GFP_KERNEL);	/* keeps the slab */
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, keep);
	KTEST_ASSERT_NOT_NULL(test, p);
	kmem_cache_free(s, p);
	p[47] = 0;			/* the end poison */
	KTEST_EXPECT_EQ(test, validate_slab_cache(s), 1UL);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "End Poison overwritten"));
	KTEST_EXPECT_EQ(test, p[47], (u8)POISON_END);
	KTEST_EXPECT_EQ(test, validate_slab_cache(s), 0UL);
	kmem_cache_free(s, keep);
	KTEST_EXPECT_EQ(test, reports(), before + 1);
	kmem_cache_destroy(s);
}

static void a_double_free_is_reported_and_ignored(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("sdt-double", 64, 0, ALL_CHECKS, NULL);
	long before = reports();
	void *p, *q, *r;

	KTEST_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_ASSERT_NOT_NULL(test, q);
	kmem_cache_free(s, p);
	kmem_cache_free(s, p);
	KTEST_EXPECT_EQ(test, reports(), before + 1);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Object already free"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "not freed"));
	/* The freelist holds p once: two allocations give two objects. */
	r = kmem_cache_alloc(s, GFP_KERNEL);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, r);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_PTR_NE(test, r, p);
	kmem_cache_free(s, p);
	kmem_cache_free(s, q);
	kmem_cache_free(s, r);
	KTEST_EXPECT_EQ(test, validate_slab_cache(s), 0UL);
	KTEST_EXPECT_EQ(test, reports(), before + 1);
	kmem_cache_destroy(s);
}

static void a_free_inside_an_object_is_reported_and_ignored(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("sdt-interior", 64, 0, ALL_CHECKS, NULL);
	long before = reports();
	char *p;

	KTEST_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	kmem_cache_free(s, p + 8);
	KTEST_EXPECT_EQ(test, reports(), before + 1);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Invalid object pointer 0x"));
	kmem_cache_free(s, p);
	KTEST_EXPECT_EQ(test, validate_slab_cache(s), 0UL);
	KTEST_EXPECT_EQ(test, reports(), before + 1);
	kmem_cache_destroy(s);
}

static void a_free_to_the_wrong_cache_is_reported_and_ignored(struct ktest *test)
{
	struct kmem_cache *a = kmem_cache_create("sdt-wrong-a", 64, 0, ALL_CHECKS, NULL);
	struct kmem_cache *b = kmem_cache_create("sdt-wrong-b", 64, 0, ALL_CHECKS, NULL);
	long before = reports();
	void *p;

	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_ASSERT_NOT_NULL(test, b);
	p = kmem_cache_alloc(a, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	kmem_cache_free(b, p);
	KTEST_EXPECT_EQ(test, reports(), before + 1);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "sdt-wrong-a"));
	kmem_cache_free(a, p);
	KTEST_EXPECT_EQ(test, validate_slab_cache(a) + validate_slab_cache(b), 0UL);
	KTEST_EXPECT_EQ(test, reports(), before + 1);
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
}

static void kfree_of_a_pointer_not_from_a_slab_is_reported(struct ktest *test)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_COMP, 1);
	long before = reports();

	KTEST_ASSERT_NOT_NULL(test, page);
	kfree((char *)page_address(page) + 64);
	KTEST_EXPECT_EQ(test, reports(), before + 1);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "is not a kmalloc()ed object"));
	__free_pages(page, 1);
}

/* Without F nothing is checked as it happens: validation still finds it. */
static void without_sanity_checks_validation_finds_the_overwrite(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("sdt-z-only", 64, 0, SLAB_RED_ZONE, NULL);
	long before = reports();
	u8 *p;

	KTEST_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	p[64] = 0;
	KTEST_EXPECT_EQ(test, reports(), before);
	KTEST_EXPECT_EQ(test, validate_slab_cache(s), 1UL);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "BUG sdt-z-only ("));
	KTEST_EXPECT_EQ(test, p[64], (u8)SLUB_RED_ACTIVE);
	kmem_cache_free(s, p);
	KTEST_EXPECT_EQ(test, validate_slab_cache(s), 0UL);
	kmem_cache_destroy(s);
}

static void validation_finds_the_slab_tail_overwritten(struct ktest *test)
{
	/* 3 objects of 1344 bytes leave 64 bytes of 0x5a at the end of the page. */
	struct kmem_cache *s = kmem_cache_create("sdt-tail", 1344, 0, SLAB_POISON, NULL);
	u8 *p, *tail;

	KTEST_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_ASSERT_NE(test, (PAGE_SIZE << s->order) % s->size, 0UL);
	tail = (u8 *)slab_address(virt_to_slab(p)) + (PAGE_SIZE << s->order) - 1;
	KTEST_EXPECT_EQ(test, *tail, (u8)POISON_INUSE);
	*tail = 0;
	KTEST_EXPECT_EQ(test, validate_slab_cache(s), 1UL);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Padding overwritten."));
	KTEST_EXPECT_EQ(test, *tail, (u8)POISON_INUSE);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

/* With the boot's slub_debug= on kmalloc-64, as the example report. */
static void kmalloc_64_overrun_is_reported_under_slub_debug(struct ktest *test)
{
	struct kmem_cache *k64 = kmalloc_caches[KMALLOC_NORMAL][6];
	long before = reports();
	size_t size = 64;
	u8 *p;

	if ((k64->flags & (SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE)) !=
	    (SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE))
		KTEST_SKIP(test, "the boot has no slub_debug=FZ for kmalloc-64");
	p = kmalloc(size, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_EQ(test, (unsigned long)p % 64, 0UL);	/* still naturally aligned */
	p[size] = 0;
	kfree(p);
	KTEST_EXPECT_EQ(test, reports(), before + 1);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "BUG kmalloc-64 ("));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Right Redzone overwritten"));
	kfree(p);
	KTEST_EXPECT_EQ(test, reports(), before + 1);
}

/* ---- tracing, validation, load ------------------------------------------------- */

static void trace_logs_every_alloc_and_free_with_a_stack(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("sdt-trace", 32, 0, SLAB_TRACE, NULL);
	char line[64];
	void *p;

	KTEST_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	kmem_cache_free(s, p);
	scnprintf(line, sizeof(line), "TRACE sdt-trace alloc 0x%p", p);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, line));
	scnprintf(line, sizeof(line), "TRACE sdt-trace free 0x%p", p);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, line));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Object "));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Call Trace:"));
	kmem_cache_destroy(s);
}

static void bulk_calls_go_through_the_debug_checks(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("sdt-bulk", 96, 0, ALL_CHECKS, NULL);
	long before = reports();
	void *objs[40];
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(test, s);
	KTEST_ASSERT_EQ(test, kmem_cache_alloc_bulk(s, GFP_KERNEL, ARRAY_SIZE(objs), objs),
			(int)ARRAY_SIZE(objs));
	for (i = 0; i < ARRAY_SIZE(objs); i++) {
		struct track *t = (struct track *)((char *)objs[i] + get_info_end(s));

		KTEST_EXPECT_NE(test, t[TRACK_ALLOC].addr, 0UL);
		KTEST_EXPECT_TRUE(test, all_bytes((u8 *)objs[i] + 96, SLUB_RED_ACTIVE,
						  s->inuse - 96));
	}
	((u8 *)objs[7])[96] = 1;
	kmem_cache_free_bulk(s, ARRAY_SIZE(objs), objs);
	KTEST_EXPECT_EQ(test, reports(), before + 1);	/* objs[7], not freed */
	kmem_cache_free(s, objs[7]);
	KTEST_EXPECT_EQ(test, validate_slab_cache(s), 0UL);
	kmem_cache_destroy(s);
	KTEST_EXPECT_EQ(test, reports(), before + 1);
}

static void validating_every_cache_finds_nothing_wrong(struct ktest *test)
{
	long before = reports();
	char cmd[] = "slabinfo -v";

	KTEST_EXPECT_EQ(test, shell_exec(cmd), 0);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "slabinfo: validated every cache: 0 errors"));
	KTEST_EXPECT_EQ(test, reports(), before);
}

struct hammer {
	struct kmem_cache *s;
	unsigned long bad;
	struct completion done;
};

/* Allocate, fill, check and free on this CPU, with objects passed between rounds. */
static int hammer_fn(void *arg)
{
	struct hammer *h = arg;
	u8 *held[16] = { NULL };
	unsigned int round, i, size = h->s->object_size;
	u8 tag = (u8)(smp_processor_id() + 1);

	for (round = 0; round < 300; round++) {
		i = round % ARRAY_SIZE(held);
		if (held[i]) {
			if (memchr_inv(held[i], tag, size))
				h->bad++;
			kmem_cache_free(h->s, held[i]);
		}
		held[i] = kmem_cache_alloc(h->s, GFP_KERNEL);
		if (held[i])
			memset(held[i], tag, size);
	}
	for (i = 0; i < ARRAY_SIZE(held); i++)
		if (held[i])
			kmem_cache_free(h->s, held[i]);
	complete(&h->done);
	return 0;
}

static void debug_caches_stay_sound_under_load_on_every_cpu(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("sdt-load", 56, 0, ALL_CHECKS, NULL);
	static struct hammer h[NR_CPUS];
	long before = reports();
	unsigned int cpu, started = 0;

	KTEST_ASSERT_NOT_NULL(test, s);
	for_each_online_cpu(cpu) {
		struct task_struct *k;

		h[cpu].s = s;
		h[cpu].bad = 0;
		init_completion(&h[cpu].done);
		k = kthread_create(hammer_fn, &h[cpu], "sdt-load/%u", cpu);
		if (!k) {
			complete(&h[cpu].done);
			continue;
		}
		kthread_bind(k, cpu);
		wake_up_process(k);
		started++;
	}
	for_each_online_cpu(cpu) {
		wait_for_completion(&h[cpu].done);
		KTEST_EXPECT_EQ(test, h[cpu].bad, 0UL);
	}
	KTEST_EXPECT_GT(test, started, 0u);
	KTEST_EXPECT_EQ(test, validate_slab_cache(s), 0UL);
	KTEST_EXPECT_EQ(test, reports(), before);
	kmem_cache_destroy(s);
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "still has objects"));
}

static struct ktest_case slub_debug_cases[] = {
	KTEST_CASE(slub_debug_alone_is_full_debugging_for_every_cache),
	KTEST_CASE(each_option_letter_sets_its_flag_in_either_case),
	KTEST_CASE(dash_switches_everything_before_it_off),
	KTEST_CASE(a_cache_list_limits_the_options_to_those_caches),
	KTEST_CASE(a_trailing_star_matches_every_name_with_the_prefix),
	KTEST_CASE(blocks_give_each_list_its_options_and_the_rest_the_global_ones),
	KTEST_CASE(unknown_letters_are_reported_and_skipped),
	KTEST_CASE(option_o_is_recorded_and_a_string_too_long_is_rejected),
	KTEST_CASE(option_o_drops_debugging_that_raises_the_order),
	KTEST_CASE(objects_carry_red_zones_and_poison_by_state),
	KTEST_CASE(a_constructor_keeps_its_bytes_and_the_red_zones_still_work),
	KTEST_CASE(tracks_record_who_allocated_and_freed),
	KTEST_CASE(validating_every_cache_finds_nothing_wrong),
	KTEST_CASE(a_write_past_the_end_is_reported_repaired_and_not_freed),
	KTEST_CASE(a_write_before_the_start_is_reported),
	KTEST_CASE(a_write_after_free_is_caught_by_the_next_allocation),
	KTEST_CASE(validation_finds_a_write_after_free_and_repairs_it),
	KTEST_CASE(a_double_free_is_reported_and_ignored),
	KTEST_CASE(a_free_inside_an_object_is_reported_and_ignored),
	KTEST_CASE(a_free_to_the_wrong_cache_is_reported_and_ignored),
	KTEST_CASE(kfree_of_a_pointer_not_from_a_slab_is_reported),
	KTEST_CASE(without_sanity_checks_validation_finds_the_overwrite),
	KTEST_CASE(validation_finds_the_slab_tail_overwritten),
	KTEST_CASE(kmalloc_64_overrun_is_reported_under_slub_debug),
	KTEST_CASE(trace_logs_every_alloc_and_free_with_a_stack),
	KTEST_CASE(bulk_calls_go_through_the_debug_checks),
	KTEST_CASE(debug_caches_stay_sound_under_load_on_every_cpu),
	{}
};

static struct ktest_suite slub_debug_suite = {
	.name = "slub_debug",
	.init = ktest_pause_fault_injection,
	.exit = ktest_resume_fault_injection,
	.test_cases = slub_debug_cases,
};
ktest_register_suite(slub_debug_suite);
