// SPDX-License-Identifier: GPL-2.0
/*
 * The xarray suite: lib/xarray.c in the kernel, on the real slab cache
 * "radix_tree_node" and the real spinlock. The host tests
 * (tests/host/xarray_test.c) check the tree's every invariant against a
 * model; here: the API end to end, arrays used from every CPU at once
 * under their lock, stores failing under failslab (-ENOMEM, the array
 * unchanged) and retried with the caller's gfp, and every case ending
 * with the node count where it began.
 *
 * Fault injection stays on (failslab=, fail_page_alloc= boots): a store
 * with GFP_KERNEL must still succeed, since only its GFP_NOWAIT attempt
 * under the lock may be failed and the retry may sleep.
 */
#include <linux/ktest.h>
#include <linux/xarray.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/fault-inject.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/atomic.h>
#include "mm_test.h"
#include "../../mm/slab.h"

#define TEST_GFP	(GFP_KERNEL | __GFP_NOWARN)

static unsigned long nodes_before;

static int xarray_test_init(struct ktest *test)
{
	nodes_before = xa_nodes_in_use();
	return 0;
}

#define KTEST_EXPECT_NODES_BACK(test) \
	KTEST_EXPECT_EQ(test, xa_nodes_in_use(), nodes_before)

static void *ptr(unsigned long n)
{
	return (void *)(n << 3);
}

static void xa_store_load_erase_at_the_edges(struct ktest *test)
{
	static const unsigned long idx[] = {
		0, 1, 63, 64, 4096, 1UL << 32, 1UL << 47, ULONG_MAX - 1, ULONG_MAX,
	};
	DEFINE_XARRAY(xa);
	unsigned int i;

	KTEST_EXPECT_TRUE(test, xa_empty(&xa));
	for (i = 0; i < ARRAY_SIZE(idx); i++)
		KTEST_EXPECT_NULL(test, xa_store(&xa, idx[i], xa_mk_value(i), TEST_GFP));
	KTEST_EXPECT_GT(test, xa_nodes_in_use(), nodes_before);
	for (i = 0; i < ARRAY_SIZE(idx); i++)
		KTEST_EXPECT_PTR_EQ(test, xa_load(&xa, idx[i]), xa_mk_value(i));
	KTEST_EXPECT_NULL(test, xa_load(&xa, 2));
	KTEST_EXPECT_NULL(test, xa_load(&xa, ULONG_MAX - 2));
	KTEST_EXPECT_EQ(test, xa_insert(&xa, 64, ptr(1), TEST_GFP), -EBUSY);
	KTEST_EXPECT_PTR_EQ(test, xa_cmpxchg(&xa, 64, xa_mk_value(3), ptr(1), TEST_GFP),
			    xa_mk_value(3));
	KTEST_EXPECT_PTR_EQ(test, xa_load(&xa, 64), ptr(1));
	for (i = 0; i < ARRAY_SIZE(idx); i++)
		KTEST_EXPECT_NOT_NULL(test, xa_erase(&xa, idx[i]));
	KTEST_EXPECT_TRUE(test, xa_empty(&xa));
	KTEST_EXPECT_NODES_BACK(test);
}

static void xa_marks_select_entries_for_iteration(struct ktest *test)
{
	DEFINE_XARRAY(xa);
	unsigned long index, i, n = 0;
	void *entry;

	for (i = 0; i < 2000; i++)
		xa_store(&xa, i * 37, xa_mk_value(i), TEST_GFP);
	for (i = 0; i < 2000; i += 100)
		xa_set_mark(&xa, i * 37, XA_MARK_1);
	KTEST_EXPECT_TRUE(test, xa_marked(&xa, XA_MARK_1));
	KTEST_EXPECT_FALSE(test, xa_marked(&xa, XA_MARK_0));
	xa_for_each_marked(&xa, index, entry, XA_MARK_1) {
		KTEST_EXPECT_EQ(test, index, n * 100 * 37);
		n++;
	}
	KTEST_EXPECT_EQ(test, n, 20UL);
	n = 0;
	xa_for_each(&xa, index, entry)
		n += xa_to_value(entry) == index / 37;
	KTEST_EXPECT_EQ(test, n, 2000UL);
	xa_clear_mark(&xa, 0, XA_MARK_1);
	KTEST_EXPECT_FALSE(test, xa_get_mark(&xa, 0, XA_MARK_1));
	KTEST_EXPECT_TRUE(test, xa_get_mark(&xa, 100 * 37, XA_MARK_1));
	xa_destroy(&xa);
	KTEST_EXPECT_FALSE(test, xa_marked(&xa, XA_MARK_1));
	KTEST_EXPECT_NODES_BACK(test);
}

/* A 2 MiB folio's worth: order 9 in a page cache, as filemap will store it. */
static void xas_order_9_entry_serves_every_index_of_its_range(struct ktest *test)
{
	DEFINE_XARRAY(xa);
	XA_STATE_ORDER(xas, &xa, 1024 + 17, 9);
	unsigned long index;
	void *entry;
	int n = 0;

	do {
		xas_lock(&xas);
		xas_store(&xas, ptr(9));
		xas_unlock(&xas);
	} while (xas_nomem(&xas, TEST_GFP));
	KTEST_ASSERT_EQ(test, xas_error(&xas), 0);
	KTEST_EXPECT_PTR_EQ(test, xa_load(&xa, 1024), ptr(9));
	KTEST_EXPECT_PTR_EQ(test, xa_load(&xa, 1535), ptr(9));
	KTEST_EXPECT_NULL(test, xa_load(&xa, 1023));
	KTEST_EXPECT_NULL(test, xa_load(&xa, 1536));
	KTEST_EXPECT_EQ(test, xa_get_order(&xa, 1300), 9);
	xa_for_each(&xa, index, entry)
		n++;
	KTEST_EXPECT_EQ(test, n, 1);
	KTEST_EXPECT_PTR_EQ(test, xa_erase(&xa, 1400), ptr(9));
	KTEST_EXPECT_TRUE(test, xa_empty(&xa));
	KTEST_EXPECT_NODES_BACK(test);
}

static void xa_lock_irq_array_stores_and_erases(struct ktest *test)
{
	struct xarray xa;
	unsigned long i;

	xa_init_flags(&xa, XA_FLAGS_LOCK_IRQ);
	for (i = 0; i < 500; i++)
		KTEST_EXPECT_NULL(test, xa_store_irq(&xa, i << 12, ptr(i + 1), TEST_GFP));
	KTEST_EXPECT_FALSE(test, irqs_disabled());
	for (i = 0; i < 500; i++)
		KTEST_EXPECT_PTR_EQ(test, xa_erase_irq(&xa, i << 12), ptr(i + 1));
	KTEST_EXPECT_TRUE(test, xa_empty(&xa));
	KTEST_EXPECT_NODES_BACK(test);
}

/* ---- allocation failure ---------------------------------------------------- */

static struct failslab_attr saved_failslab;
static struct fault_injection_state saved_injection;
static u8 saved_slab_alloc_slow;

/*
 * Every slab allocation fails (@spare_sleeping: but those that may sleep),
 * SLUB's fast path included: it asks failslab only when slab_alloc_slow
 * says so, as a failslab= boot makes it do.
 */
static void failslab_all(bool spare_sleeping)
{
	fault_injection_pause(&saved_injection);
	saved_failslab = failslab;
	saved_slab_alloc_slow = slab_alloc_slow;
	fault_attr_fail_always(&failslab.attr, 0);
	failslab.ignore_gfp_wait = spare_sleeping;
	failslab.cache_filter = false;
	slab_alloc_slow |= SLAB_ALLOC_SLOW_FAILSLAB;
	failslab_enabled = true;
}

static void failslab_restore(void)
{
	failslab_enabled = false;
	slab_alloc_slow = saved_slab_alloc_slow;
	failslab = saved_failslab;
	fault_injection_resume(&saved_injection);
}

static void xa_store_fails_enomem_under_failslab_and_changes_nothing(struct ktest *test)
{
	DEFINE_XARRAY(xa);
	unsigned long nodes;
	void *ret;

	KTEST_ASSERT_NULL(test, xa_store(&xa, 100, ptr(1), TEST_GFP));
	nodes = xa_nodes_in_use();
	failslab_all(false);
	ret = xa_store(&xa, 1UL << 40, ptr(2), TEST_GFP);
	failslab_restore();
	KTEST_EXPECT_EQ(test, xa_err(ret), -ENOMEM);
	KTEST_EXPECT_EQ(test, xa_nodes_in_use(), nodes);
	KTEST_EXPECT_PTR_EQ(test, xa_load(&xa, 100), ptr(1));
	KTEST_EXPECT_NULL(test, xa_load(&xa, 1UL << 40));
	/* GFP_NOWAIT still fails; the retry with GFP_KERNEL, lock dropped, works. */
	failslab_all(true);
	ret = xa_store(&xa, 1UL << 40, ptr(2), TEST_GFP);
	KTEST_EXPECT_EQ(test, xa_err(xa_store(&xa, 1UL << 50, ptr(3), GFP_NOWAIT | __GFP_NOWARN)),
			-ENOMEM);
	failslab_restore();
	KTEST_EXPECT_NULL(test, ret);
	KTEST_EXPECT_PTR_EQ(test, xa_load(&xa, 1UL << 40), ptr(2));
	KTEST_EXPECT_NULL(test, xa_load(&xa, 1UL << 50));
	KTEST_EXPECT_PTR_EQ(test, xa_erase(&xa, 100), ptr(1));
	KTEST_EXPECT_PTR_EQ(test, xa_erase(&xa, 1UL << 40), ptr(2));
	KTEST_EXPECT_NODES_BACK(test);
}

/* ---- every CPU at once ------------------------------------------------------- */

#define SHARE_PER_CPU	3000UL

struct sharer {
	struct xarray *xa;
	unsigned long cpu, nr_cpus, bad;
	struct completion done;
};

/* Index k of CPU c's share: interleaved, so the CPUs share every leaf. */
static unsigned long share_index(const struct sharer *s, unsigned long k)
{
	return (k * s->nr_cpus + s->cpu) * 5 + (k & 1 ? 1UL << 36 : 0);
}

static int store_check_erase_share(void *data)
{
	struct sharer *s = data;
	unsigned long k;

	for (k = 0; k < SHARE_PER_CPU; k++) {
		void *old = xa_store(s->xa, share_index(s, k), xa_mk_value(k), TEST_GFP);

		s->bad += old != NULL;
	}
	for (k = 0; k < SHARE_PER_CPU; k++)
		s->bad += xa_load(s->xa, share_index(s, k)) != xa_mk_value(k);
	for (k = 0; k < SHARE_PER_CPU; k += 2)
		s->bad += xa_erase(s->xa, share_index(s, k)) != xa_mk_value(k);
	for (k = 0; k < SHARE_PER_CPU; k++)
		s->bad += xa_load(s->xa, share_index(s, k)) != (k & 1 ? xa_mk_value(k) : NULL);
	for (k = 1; k < SHARE_PER_CPU; k += 2)
		s->bad += xa_erase(s->xa, share_index(s, k)) != xa_mk_value(k);
	complete(&s->done);
	return 0;
}

static void xa_shared_by_every_cpu_keeps_each_ones_entries(struct ktest *test)
{
	static struct sharer s[NR_CPUS];
	static struct task_struct *k[NR_CPUS];
	static void *args[NR_CPUS];
	DEFINE_XARRAY(xa);
	unsigned int cpu, n = 0, i;
	unsigned long bad = 0;

	for_each_online_cpu(cpu) {
		s[n] = (struct sharer){ .xa = &xa, .cpu = n, .nr_cpus = num_online_cpus() };
		init_completion(&s[n].done);
		args[n] = &s[n];
		k[n] = kthread_create(store_check_erase_share, args[n], "xa-share/%u", cpu);
		n++;
	}
	ktest_require_kthreads(test, k, n);
	i = 0;
	for_each_online_cpu(cpu)
		kthread_bind(k[i++], cpu);
	for (i = 0; i < n; i++)
		wake_up_process(k[i]);
	for (i = 0; i < n; i++) {
		wait_for_completion(&s[i].done);
		kthread_stop(k[i]);
		bad += s[i].bad;
	}
	ktest_info(test, "%u CPUs, %lu entries each", n, SHARE_PER_CPU);
	KTEST_EXPECT_EQ(test, bad, 0UL);
	KTEST_EXPECT_TRUE(test, xa_empty(&xa));
	KTEST_EXPECT_NODES_BACK(test);
}

static struct ktest_case xarray_cases[] = {
	KTEST_CASE(xa_store_load_erase_at_the_edges),
	KTEST_CASE(xa_marks_select_entries_for_iteration),
	KTEST_CASE(xas_order_9_entry_serves_every_index_of_its_range),
	KTEST_CASE(xa_lock_irq_array_stores_and_erases),
	KTEST_CASE(xa_store_fails_enomem_under_failslab_and_changes_nothing),
	KTEST_CASE(xa_shared_by_every_cpu_keeps_each_ones_entries),
	{}
};

static struct ktest_suite xarray_suite = {
	.name = "xarray",
	.init = xarray_test_init,
	.test_cases = xarray_cases,
};
ktest_register_suite(xarray_suite);
