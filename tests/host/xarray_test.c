// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of lib/xarray.c under AddressSanitizer and UBSan: every
 * function of the normal and advanced API, the edges (index 0, ULONG_MAX,
 * huge sparse indices, multi-index entries against their neighbours),
 * allocation failure (kernel_shim.c's htest_slab_fail()), and a randomised
 * run against a reference model with a fixed seed: stores of every order,
 * range erases, inserts, marks and splits.
 *
 * After the operations of a case, tree_ok() walks the whole tree and
 * checks the invariants lib/xarray.c states: each node's parent, offset,
 * shift and count, siblings naming the slot before them, mark bits exactly
 * summarising what is below, a root that cannot shrink; and the number of
 * nodes it found is the number xa_nodes_in_use() says are allocated. Every
 * case ends with its arrays empty and the node count back at its start.
 */
#include <linux/kernel.h>
#include <linux/xarray.h>
#include <linux/string.h>
#include "htest.h"

static bool cache_ready;
static unsigned long nodes_base;

/* Once per binary: the node cache; per case: the node count to return to. */
static void xa_test_begin(void)
{
	if (!cache_ready) {
		radix_tree_init();
		cache_ready = true;
	}
	nodes_base = xa_nodes_in_use();
}

static bool is_node(const void *entry)
{
	return xa_is_internal(entry) && (unsigned long)entry > 4096;
}

static struct xa_node *to_node(const void *entry)
{
	return (struct xa_node *)((unsigned long)entry - 2);
}

static bool is_sibling(const void *entry)
{
	return xa_is_internal(entry) && xa_to_internal(entry) < XA_CHUNK_SIZE - 1;
}

static bool node_has_mark(const struct xa_node *node, xa_mark_t mark)
{
	return find_first_bit(node->marks[mark], XA_CHUNK_SIZE) < XA_CHUNK_SIZE;
}

/* Check @node and below; return its nodes, or -1 after reporting a fault. */
static long node_ok(struct xarray *xa, struct xa_node *node, struct xa_node *parent,
		    unsigned int offset, int shift)
{
	unsigned int i, count = 0;
	long nodes = 1;
	xa_mark_t m;

	if (node->parent != parent || node->offset != offset || node->array != xa ||
	    node->shift != shift) {
		htest_fail(__FILE__, __LINE__, "node %p: parent %p/%p offset %u/%u shift %u/%d",
			   node, node->parent, parent, node->offset, offset, node->shift, shift);
		return -1;
	}
	for (i = 0; i < XA_CHUNK_SIZE; i++) {
		void *entry = node->slots[i];

		count += entry != NULL;
		if (is_sibling(entry)) {
			unsigned int first = xa_to_internal(entry);

			if (first >= i || !node->slots[first] || is_sibling(node->slots[first]) ||
			    is_node(node->slots[first]) ||
			    (i > first + 1 && node->slots[i - 1] != entry)) {
				htest_fail(__FILE__, __LINE__, "node %p slot %u: bad sibling", node, i);
				return -1;
			}
		}
		for (m = 0; m < XA_MAX_MARKS; m++) {
			bool bit = test_bit(i, node->marks[m]);
			bool want = bit;

			if (!entry || is_sibling(entry))
				want = false;
			else if (is_node(entry))
				want = node_has_mark(to_node(entry), m);
			if (bit != want) {
				htest_fail(__FILE__, __LINE__, "node %p slot %u mark %u: %d, want %d",
					   node, i, m, bit, want);
				return -1;
			}
		}
		if (is_node(entry)) {
			long sub;

			if (!shift) {
				htest_fail(__FILE__, __LINE__, "node below a leaf");
				return -1;
			}
			sub = node_ok(xa, to_node(entry), node, i, shift - XA_CHUNK_SHIFT);
			if (sub < 0)
				return -1;
			nodes += sub;
		}
	}
	if (count != node->count || !count) {
		htest_fail(__FILE__, __LINE__, "node %p: count %u, %u slots used",
			   node, node->count, count);
		return -1;
	}
	return nodes;
}

/* The whole tree's invariants; return its nodes (-1: broken). */
static long tree_nodes(struct xarray *xa)
{
	void *head = xa->xa_head;
	struct xa_node *root;
	xa_mark_t m;

	if (!is_node(head)) {
		for (m = 0; m < XA_MAX_MARKS; m++)
			if (xa_marked(xa, m) && !head) {
				htest_fail(__FILE__, __LINE__, "empty array marked %u", m);
				return -1;
			}
		return 0;
	}
	root = to_node(head);
	for (m = 0; m < XA_MAX_MARKS; m++)
		if (xa_marked(xa, m) != node_has_mark(root, m)) {
			htest_fail(__FILE__, __LINE__, "root mark %u disagrees", m);
			return -1;
		}
	if (root->count == 1 && root->slots[0] && (is_node(root->slots[0]) || !root->shift)) {
		htest_fail(__FILE__, __LINE__, "root could shrink");
		return -1;
	}
	return node_ok(xa, root, NULL, 0, root->shift);
}

static bool tree_ok(struct xarray *xa)
{
	long nodes = tree_nodes(xa);

	return nodes >= 0;
}

/* The tree is sound and holds every node allocated since the case began. */
#define HT_EXPECT_TREE(xa) do {							\
	long __n = tree_nodes(xa);						\
	HT_EXPECT_GE(__n, 0L);							\
	HT_EXPECT_EQ(xa_nodes_in_use() - nodes_base, (unsigned long)__n);	\
} while (0)

#define HT_EXPECT_DRAINED() HT_EXPECT_EQ(xa_nodes_in_use(), nodes_base)

static void *ptr(unsigned long n)
{
	return (void *)(n << 3);	/* a fake, aligned, non-NULL pointer */
}

/* ---- the normal API ---------------------------------------------------------- */

HTEST(xa_empty_array_loads_null_everywhere)
{
	DEFINE_XARRAY(xa);

	xa_test_begin();
	HT_EXPECT_TRUE(xa_empty(&xa));
	HT_EXPECT_TRUE(xa_load(&xa, 0) == NULL);
	HT_EXPECT_TRUE(xa_load(&xa, 1) == NULL);
	HT_EXPECT_TRUE(xa_load(&xa, ULONG_MAX) == NULL);
	HT_EXPECT_TRUE(xa_erase(&xa, 5) == NULL);
	HT_EXPECT_TRUE(xa_empty(&xa));
	HT_EXPECT_DRAINED();
}

HTEST(xa_index_zero_lives_in_the_head_without_a_node)
{
	struct xarray xa;

	xa_test_begin();
	xa_init(&xa);
	HT_EXPECT_TRUE(xa_store(&xa, 0, ptr(1), GFP_KERNEL) == NULL);
	HT_EXPECT_EQ(xa_nodes_in_use(), nodes_base);
	HT_EXPECT_TRUE(xa_load(&xa, 0) == ptr(1));
	HT_EXPECT_TRUE(xa_load(&xa, 1) == NULL);
	HT_EXPECT_TRUE(xa_store(&xa, 1, ptr(2), GFP_KERNEL) == NULL);
	HT_EXPECT_EQ(xa_nodes_in_use(), nodes_base + 1);
	HT_EXPECT_TREE(&xa);
	HT_EXPECT_TRUE(xa_erase(&xa, 1) == ptr(2));
	HT_EXPECT_EQ(xa_nodes_in_use(), nodes_base);	/* shrunk back to the head */
	HT_EXPECT_TRUE(xa.xa_head == ptr(1));
	HT_EXPECT_TRUE(xa_erase(&xa, 0) == ptr(1));
	HT_EXPECT_TRUE(xa_empty(&xa));
	HT_EXPECT_DRAINED();
}

HTEST(xa_store_at_ulong_max_builds_eleven_levels_and_erase_frees_them)
{
	DEFINE_XARRAY(xa);

	xa_test_begin();
	HT_EXPECT_TRUE(xa_store(&xa, ULONG_MAX, ptr(7), GFP_KERNEL) == NULL);
	HT_EXPECT_EQ(xa_nodes_in_use() - nodes_base, 11UL);
	HT_EXPECT_TRUE(xa_load(&xa, ULONG_MAX) == ptr(7));
	HT_EXPECT_TRUE(xa_load(&xa, ULONG_MAX - 1) == NULL);
	HT_EXPECT_TRUE(xa_load(&xa, 0) == NULL);
	HT_EXPECT_TRUE(xa_store(&xa, 0, ptr(8), GFP_KERNEL) == NULL);
	HT_EXPECT_TREE(&xa);
	HT_EXPECT_TRUE(xa_erase(&xa, ULONG_MAX) == ptr(7));
	HT_EXPECT_DRAINED();
	HT_EXPECT_TRUE(xa_load(&xa, 0) == ptr(8));
	HT_EXPECT_TRUE(xa_erase(&xa, 0) == ptr(8));
	HT_EXPECT_TRUE(xa_empty(&xa));
}

HTEST(xa_store_returns_the_old_entry_and_keeps_values)
{
	DEFINE_XARRAY(xa);

	xa_test_begin();
	HT_EXPECT_TRUE(xa_store(&xa, 100, xa_mk_value(5), GFP_KERNEL) == NULL);
	HT_EXPECT_TRUE(xa_store(&xa, 100, xa_mk_value(LONG_MAX), GFP_KERNEL) == xa_mk_value(5));
	HT_EXPECT_TRUE(xa_is_value(xa_load(&xa, 100)));
	HT_EXPECT_EQ(xa_to_value(xa_load(&xa, 100)), (unsigned long)LONG_MAX);
	HT_EXPECT_FALSE(xa_is_value(ptr(3)));
	HT_EXPECT_FALSE(xa_is_err(xa_mk_value(0)));
	HT_EXPECT_TRUE(xa_store(&xa, 100, NULL, GFP_KERNEL) == xa_mk_value(LONG_MAX));
	HT_EXPECT_TRUE(xa_empty(&xa));
	HT_EXPECT_DRAINED();
}

HTEST(xa_sparse_huge_indices_round_trip_and_drain)
{
	static const unsigned long idx[] = {
		0, 1, 63, 64, 4095, 4096, 1UL << 20, (1UL << 32) + 5, 1UL << 40,
		0x123456789abcUL, 1UL << 63, ULONG_MAX - 64, ULONG_MAX - 1, ULONG_MAX,
	};
	DEFINE_XARRAY(xa);
	unsigned int i;

	xa_test_begin();
	for (i = 0; i < ARRAY_SIZE(idx); i++)
		HT_EXPECT_TRUE(xa_store(&xa, idx[i], xa_mk_value(i), GFP_KERNEL) == NULL);
	HT_EXPECT_TREE(&xa);
	for (i = 0; i < ARRAY_SIZE(idx); i++) {
		HT_EXPECT_TRUE(xa_load(&xa, idx[i]) == xa_mk_value(i));
		if (idx[i] > 1 && idx[i] - 1 != idx[i ? i - 1 : 0])
			HT_EXPECT_TRUE(xa_load(&xa, idx[i] - 1) == NULL);
	}
	HT_EXPECT_TRUE(xa_load(&xa, 2) == NULL);
	HT_EXPECT_TRUE(xa_load(&xa, 1UL << 41) == NULL);
	for (i = 0; i < ARRAY_SIZE(idx); i++) {
		HT_EXPECT_TRUE(xa_erase(&xa, idx[i]) == xa_mk_value(i));
		HT_EXPECT_TREE(&xa);
	}
	HT_EXPECT_TRUE(xa_empty(&xa));
	HT_EXPECT_DRAINED();
}

HTEST(xa_insert_fails_busy_on_an_occupied_or_reserved_index)
{
	DEFINE_XARRAY(xa);

	xa_test_begin();
	HT_EXPECT_EQ(xa_insert(&xa, 9, ptr(1), GFP_KERNEL), 0);
	HT_EXPECT_EQ(xa_insert(&xa, 9, ptr(2), GFP_KERNEL), -EBUSY);
	HT_EXPECT_TRUE(xa_load(&xa, 9) == ptr(1));
	HT_EXPECT_EQ(xa_reserve(&xa, 10, GFP_KERNEL), 0);
	HT_EXPECT_TRUE(xa_load(&xa, 10) == NULL);
	HT_EXPECT_FALSE(xa_empty(&xa));
	HT_EXPECT_EQ(xa_insert(&xa, 10, ptr(3), GFP_KERNEL), -EBUSY);
	HT_EXPECT_EQ(xa_reserve(&xa, 9, GFP_KERNEL), 0);	/* taken: left alone */
	HT_EXPECT_TRUE(xa_load(&xa, 9) == ptr(1));
	xa_release(&xa, 10);
	HT_EXPECT_EQ(xa_insert(&xa, 10, ptr(3), GFP_KERNEL), 0);
	xa_release(&xa, 10);					/* not a reservation now */
	HT_EXPECT_TRUE(xa_load(&xa, 10) == ptr(3));
	HT_EXPECT_EQ(xa_insert(&xa, 11, NULL, GFP_KERNEL), 0);	/* reserves */
	HT_EXPECT_EQ(xa_insert(&xa, 11, ptr(4), GFP_KERNEL), -EBUSY);
	HT_EXPECT_TRUE(xa_store(&xa, 11, ptr(4), GFP_KERNEL) == NULL);
	HT_EXPECT_TREE(&xa);
	xa_destroy(&xa);
	HT_EXPECT_TRUE(xa_empty(&xa));
	HT_EXPECT_DRAINED();
}

HTEST(xa_cmpxchg_stores_only_over_the_expected_entry)
{
	DEFINE_XARRAY(xa);

	xa_test_begin();
	HT_EXPECT_TRUE(xa_cmpxchg(&xa, 70, NULL, ptr(1), GFP_KERNEL) == NULL);
	HT_EXPECT_TRUE(xa_cmpxchg(&xa, 70, ptr(2), ptr(3), GFP_KERNEL) == ptr(1));
	HT_EXPECT_TRUE(xa_load(&xa, 70) == ptr(1));
	HT_EXPECT_TRUE(xa_cmpxchg(&xa, 70, ptr(1), ptr(3), GFP_KERNEL) == ptr(1));
	HT_EXPECT_TRUE(xa_load(&xa, 70) == ptr(3));
	HT_EXPECT_TRUE(xa_cmpxchg(&xa, 70, ptr(3), NULL, GFP_KERNEL) == ptr(3));
	HT_EXPECT_TRUE(xa_empty(&xa));
	HT_EXPECT_DRAINED();
}

HTEST(xa_store_of_an_internal_entry_is_einval)
{
	DEFINE_XARRAY(xa);
	unsigned long warns = warn_count;
	void *ret;

	xa_test_begin();
	ret = xa_store(&xa, 1, xa_mk_internal(5), GFP_KERNEL);
	HT_EXPECT_TRUE(xa_is_err(ret));
	HT_EXPECT_EQ(xa_err(ret), -EINVAL);
	HT_EXPECT_EQ(xa_err(ptr(1)), 0);
	HT_EXPECT_EQ(xa_insert(&xa, 1, xa_mk_internal(5), GFP_KERNEL), -EINVAL);
	HT_EXPECT_TRUE(xa_empty(&xa));
	HT_EXPECT_GE(warn_count, warns);
	HT_EXPECT_DRAINED();
}

HTEST(xa_store_without_memory_fails_enomem_and_changes_nothing)
{
	DEFINE_XARRAY(xa);
	void *ret;

	xa_test_begin();
	HT_EXPECT_TRUE(xa_store(&xa, 5, ptr(5), GFP_KERNEL) == NULL);
	htest_slab_fail(100, true);
	ret = xa_store(&xa, 1UL << 40, ptr(6), GFP_KERNEL);
	htest_slab_fail(0, false);
	HT_EXPECT_EQ(xa_err(ret), -ENOMEM);
	HT_EXPECT_TRUE(xa_load(&xa, 1UL << 40) == NULL);
	HT_EXPECT_TRUE(xa_load(&xa, 5) == ptr(5));
	HT_EXPECT_EQ(xa_nodes_in_use() - nodes_base, 1UL);	/* no node kept */
	HT_EXPECT_TREE(&xa);
	HT_EXPECT_EQ(xa_insert(&xa, 0, ptr(7), GFP_KERNEL), 0);	/* head: no node needed */
	htest_slab_fail(2, true);	/* GFP_NOWAIT, then the GFP_KERNEL retry */
	HT_EXPECT_EQ(xa_insert(&xa, 64, ptr(8), GFP_KERNEL), -ENOMEM);
	htest_slab_fail(0, false);
	HT_EXPECT_TREE(&xa);
	HT_EXPECT_TRUE(xa_erase(&xa, 5) == ptr(5));
	HT_EXPECT_TRUE(xa_erase(&xa, 0) == ptr(7));
	HT_EXPECT_TRUE(xa_empty(&xa));
	HT_EXPECT_DRAINED();
}

HTEST(xa_store_retries_with_the_callers_gfp_when_nowait_fails)
{
	DEFINE_XARRAY(xa);

	xa_test_begin();
	/* Every GFP_NOWAIT allocation fails: all the nodes come from GFP_KERNEL. */
	htest_slab_fail(1000, false);
	HT_EXPECT_TRUE(xa_store(&xa, ULONG_MAX, ptr(1), GFP_KERNEL) == NULL);
	HT_EXPECT_EQ(xa_err(xa_store(&xa, 1UL << 30, ptr(2), GFP_NOWAIT)), -ENOMEM);
	htest_slab_fail(0, false);
	HT_EXPECT_TRUE(xa_load(&xa, ULONG_MAX) == ptr(1));
	HT_EXPECT_TRUE(xa_load(&xa, 1UL << 30) == NULL);
	HT_EXPECT_TREE(&xa);
	HT_EXPECT_EQ(xa_nodes_in_use() - nodes_base, 11UL);
	xa_destroy(&xa);
	HT_EXPECT_DRAINED();
}

HTEST(xa_locked_forms_and_tagged_pointers)
{
	DEFINE_XARRAY(xa);
	void *tagged = xa_tag_pointer(ptr(5), 1);

	xa_test_begin();
	HT_EXPECT_EQ(xa_pointer_tag(tagged), 1U);
	HT_EXPECT_TRUE(xa_untag_pointer(tagged) == ptr(5));
	HT_EXPECT_TRUE(xa_trylock(&xa));
	HT_EXPECT_TRUE(__xa_store(&xa, 300, tagged, GFP_KERNEL) == NULL);
	HT_EXPECT_EQ(__xa_insert(&xa, 300, ptr(1), GFP_KERNEL), -EBUSY);
	HT_EXPECT_TRUE(__xa_cmpxchg(&xa, 300, tagged, ptr(2), GFP_KERNEL) == tagged);
	__xa_set_mark(&xa, 300, XA_MARK_2);
	HT_EXPECT_TRUE(xa_marked(&xa, XA_MARK_2));
	__xa_clear_mark(&xa, 300, XA_MARK_2);
	HT_EXPECT_FALSE(xa_marked(&xa, XA_MARK_2));
	HT_EXPECT_TRUE(__xa_erase(&xa, 300) == ptr(2));
	xa_unlock(&xa);
	HT_EXPECT_TRUE(xa_empty(&xa));
	HT_EXPECT_DRAINED();
}

HTEST(xas_positions_reset_and_bounds)
{
	DEFINE_XARRAY(xa);
	XA_STATE(xas, &xa, 70);

	xa_test_begin();
	xa_store(&xa, 0, ptr(1), GFP_KERNEL);
	xas_lock(&xas);
	HT_EXPECT_FALSE(xas_valid(&xas));		/* not walked yet */
	HT_EXPECT_TRUE(xas_load(&xas) == NULL);
	HT_EXPECT_TRUE(xas.xa_node == XAS_BOUNDS);	/* past a lone head entry */
	xas_set(&xas, 0);
	HT_EXPECT_TRUE(xas_load(&xas) == ptr(1));
	HT_EXPECT_TRUE(xas_valid(&xas));
	HT_EXPECT_FALSE(xas_is_node(&xas));		/* the head */
	xas_reset(&xas);
	HT_EXPECT_TRUE(xas_reload(&xas) == NULL);
	xas_unlock(&xas);
	xa_store(&xa, 70, ptr(2), GFP_KERNEL);
	xas_set(&xas, 70);
	xas_lock(&xas);
	HT_EXPECT_TRUE(xas_load(&xas) == ptr(2));
	HT_EXPECT_TRUE(xas_is_node(&xas));
	HT_EXPECT_EQ(xas.xa_offset, 6U);		/* 70: the leaf under slot 1, slot 6 */
	xas_unlock(&xas);
	xa_destroy(&xa);
	HT_EXPECT_DRAINED();
}

HTEST(xa_dump_prints_every_node_and_entry_with_its_indices)
{
	DEFINE_XARRAY(xa);

	xa_test_begin();
	xa_dump(&xa);
	HT_EXPECT_TRUE(htest_log_contains("head 0000000000000000 flags 0 marks 0 0 0"));
	xa_store(&xa, 70, xa_mk_value(7), GFP_KERNEL);
	xa_store_order(&xa, 128, 1, ptr(1), GFP_KERNEL);
	xa_reserve(&xa, 4095, GFP_KERNEL);
	xa_set_mark(&xa, 70, XA_MARK_1);
	htest_log_clear();
	xa_dump(&xa);
	HT_EXPECT_TRUE(htest_log_contains("marks 0 1 0"));
	HT_EXPECT_TRUE(htest_log_contains("0-4095: node "));
	HT_EXPECT_TRUE(htest_log_contains("64-127: node "));
	HT_EXPECT_TRUE(htest_log_contains("shift 0 count 1 "));
	HT_EXPECT_TRUE(htest_log_contains("marks 0 40 0"));	/* slot 6 of the leaf */
	HT_EXPECT_TRUE(htest_log_contains("70: value 7 (0x7)"));
	HT_EXPECT_TRUE(htest_log_contains("128: 0000000000000008"));
	HT_EXPECT_TRUE(htest_log_contains("129: sibling (slot 0)"));
	HT_EXPECT_TRUE(htest_log_contains("4095: zero entry"));
	xa_destroy(&xa);
	HT_EXPECT_DRAINED();
}

/* ---- marks --------------------------------------------------------------------- */

HTEST(xa_marks_are_per_entry_and_go_with_erase)
{
	DEFINE_XARRAY(xa);
	unsigned long i;

	xa_test_begin();
	for (i = 0; i < 300; i++)
		xa_store(&xa, i * 17, xa_mk_value(i), GFP_KERNEL);
	HT_EXPECT_FALSE(xa_marked(&xa, XA_MARK_0));
	xa_set_mark(&xa, 17 * 5, XA_MARK_0);
	xa_set_mark(&xa, 17 * 200, XA_MARK_1);
	xa_set_mark(&xa, 17 * 200, XA_MARK_2);
	xa_set_mark(&xa, 3, XA_MARK_0);			/* no entry: nothing */
	HT_EXPECT_TREE(&xa);
	HT_EXPECT_TRUE(xa_marked(&xa, XA_MARK_0));
	HT_EXPECT_TRUE(xa_get_mark(&xa, 17 * 5, XA_MARK_0));
	HT_EXPECT_FALSE(xa_get_mark(&xa, 17 * 5, XA_MARK_1));
	HT_EXPECT_FALSE(xa_get_mark(&xa, 3, XA_MARK_0));
	HT_EXPECT_TRUE(xa_get_mark(&xa, 17 * 200, XA_MARK_2));
	xa_clear_mark(&xa, 17 * 200, XA_MARK_2);
	HT_EXPECT_FALSE(xa_get_mark(&xa, 17 * 200, XA_MARK_2));
	HT_EXPECT_FALSE(xa_marked(&xa, XA_MARK_2));
	HT_EXPECT_TRUE(xa_marked(&xa, XA_MARK_1));
	xa_store(&xa, 17 * 200, ptr(9), GFP_KERNEL);	/* replacing keeps the mark */
	HT_EXPECT_TRUE(xa_get_mark(&xa, 17 * 200, XA_MARK_1));
	xa_erase(&xa, 17 * 200);
	HT_EXPECT_FALSE(xa_marked(&xa, XA_MARK_1));
	xa_store(&xa, 17 * 200, ptr(9), GFP_KERNEL);
	HT_EXPECT_FALSE(xa_get_mark(&xa, 17 * 200, XA_MARK_1));
	HT_EXPECT_TREE(&xa);
	xa_destroy(&xa);
	HT_EXPECT_FALSE(xa_marked(&xa, XA_MARK_0));
	HT_EXPECT_DRAINED();
}

HTEST(xa_mark_on_the_head_entry_survives_growing_and_shrinking)
{
	DEFINE_XARRAY(xa);

	xa_test_begin();
	xa_store(&xa, 0, ptr(1), GFP_KERNEL);
	xa_set_mark(&xa, 0, XA_MARK_1);
	HT_EXPECT_TRUE(xa_marked(&xa, XA_MARK_1));
	xa_store(&xa, 1UL << 50, ptr(2), GFP_KERNEL);
	HT_EXPECT_TREE(&xa);
	HT_EXPECT_TRUE(xa_get_mark(&xa, 0, XA_MARK_1));
	HT_EXPECT_FALSE(xa_get_mark(&xa, 1UL << 50, XA_MARK_1));
	xa_erase(&xa, 1UL << 50);
	HT_EXPECT_TRUE(xa_get_mark(&xa, 0, XA_MARK_1));
	HT_EXPECT_TREE(&xa);
	xa_clear_mark(&xa, 0, XA_MARK_1);
	HT_EXPECT_FALSE(xa_marked(&xa, XA_MARK_1));
	xa_erase(&xa, 0);
	HT_EXPECT_DRAINED();
}

/* ---- searching ----------------------------------------------------------------- */

HTEST(xa_find_and_find_after_walk_in_index_order)
{
	static const unsigned long idx[] = { 0, 5, 64, 4097, 1UL << 33, ULONG_MAX };
	DEFINE_XARRAY(xa);
	unsigned long index, i;
	void *entry;

	xa_test_begin();
	for (i = 0; i < ARRAY_SIZE(idx); i++)
		xa_store(&xa, idx[i], xa_mk_value(i), GFP_KERNEL);
	i = 0;
	xa_for_each(&xa, index, entry) {
		HT_ASSERT_TRUE(i < ARRAY_SIZE(idx));
		HT_EXPECT_EQ(index, idx[i]);
		HT_EXPECT_TRUE(entry == xa_mk_value(i));
		i++;
	}
	HT_EXPECT_EQ(i, ARRAY_SIZE(idx));
	index = 6;
	HT_EXPECT_TRUE(xa_find(&xa, &index, ULONG_MAX, XA_PRESENT) == xa_mk_value(2));
	HT_EXPECT_EQ(index, 64UL);
	index = 65;
	HT_EXPECT_TRUE(xa_find(&xa, &index, 4096, XA_PRESENT) == NULL);
	HT_EXPECT_EQ(index, 65UL);			/* unchanged when nothing found */
	index = 4097;
	HT_EXPECT_TRUE(xa_find(&xa, &index, 4097, XA_PRESENT) == xa_mk_value(3));
	HT_EXPECT_TRUE(xa_find_after(&xa, &index, ULONG_MAX, XA_PRESENT) == xa_mk_value(4));
	HT_EXPECT_EQ(index, 1UL << 33);
	index = ULONG_MAX;
	HT_EXPECT_TRUE(xa_find_after(&xa, &index, ULONG_MAX, XA_PRESENT) == NULL);
	i = 0;
	xa_for_each_start(&xa, index, entry, 6)
		i++;
	HT_EXPECT_EQ(i, 4UL);
	i = 0;
	xa_for_each_range(&xa, index, entry, 5, 4097)
		i++;
	HT_EXPECT_EQ(i, 3UL);
	xa_destroy(&xa);
	HT_EXPECT_DRAINED();
}

HTEST(xa_for_each_marked_visits_only_marked_entries)
{
	DEFINE_XARRAY(xa);
	unsigned long index, i, n = 0;
	void *entry;

	xa_test_begin();
	for (i = 0; i < 5000; i++)
		xa_store(&xa, i * 3, xa_mk_value(i), GFP_KERNEL);
	for (i = 0; i < 5000; i += 700)
		xa_set_mark(&xa, i * 3, XA_MARK_2);
	xa_for_each_marked(&xa, index, entry, XA_MARK_2) {
		HT_EXPECT_EQ(index, n * 700 * 3);
		HT_EXPECT_TRUE(entry == xa_mk_value(n * 700));
		n++;
	}
	HT_EXPECT_EQ(n, 8UL);
	xa_for_each_marked(&xa, index, entry, XA_MARK_0)
		HT_EXPECT_TRUE(false);
	xa_destroy(&xa);
	HT_EXPECT_DRAINED();
}

HTEST(xa_for_each_may_erase_what_it_visits)
{
	DEFINE_XARRAY(xa);
	unsigned long index, i, n = 0;
	void *entry;

	xa_test_begin();
	for (i = 0; i < 1000; i++)
		xa_store(&xa, i * 1000, xa_mk_value(i), GFP_KERNEL);
	xa_for_each(&xa, index, entry) {
		HT_EXPECT_TRUE(xa_erase(&xa, index) == entry);
		n++;
	}
	HT_EXPECT_EQ(n, 1000UL);
	HT_EXPECT_TRUE(xa_empty(&xa));
	HT_EXPECT_DRAINED();
}

HTEST(xa_find_skips_reserved_indices)
{
	DEFINE_XARRAY(xa);
	unsigned long index = 0;

	xa_test_begin();
	xa_reserve(&xa, 3, GFP_KERNEL);
	xa_store(&xa, 9, ptr(9), GFP_KERNEL);
	HT_EXPECT_TRUE(xa_find(&xa, &index, ULONG_MAX, XA_PRESENT) == ptr(9));
	HT_EXPECT_EQ(index, 9UL);
	xa_destroy(&xa);
	HT_EXPECT_DRAINED();
}

HTEST(xa_extract_copies_entries_in_order)
{
	DEFINE_XARRAY(xa);
	void *dst[8];
	unsigned long i;

	xa_test_begin();
	for (i = 1; i <= 20; i++)
		xa_store(&xa, i * i, xa_mk_value(i), GFP_KERNEL);
	xa_set_mark(&xa, 16, XA_MARK_0);
	xa_set_mark(&xa, 400, XA_MARK_0);
	HT_EXPECT_EQ(xa_extract(&xa, dst, 10, 100, 8, XA_PRESENT), 7U);
	HT_EXPECT_TRUE(dst[0] == xa_mk_value(4) && dst[6] == xa_mk_value(10));
	HT_EXPECT_EQ(xa_extract(&xa, dst, 0, ULONG_MAX, 3, XA_PRESENT), 3U);
	HT_EXPECT_TRUE(dst[2] == xa_mk_value(3));
	HT_EXPECT_EQ(xa_extract(&xa, dst, 0, ULONG_MAX, 8, XA_MARK_0), 2U);
	HT_EXPECT_TRUE(dst[1] == xa_mk_value(20));
	HT_EXPECT_EQ(xa_extract(&xa, dst, 0, ULONG_MAX, 0, XA_PRESENT), 0U);
	xa_destroy(&xa);
	HT_EXPECT_DRAINED();
}

/* ---- the advanced API ------------------------------------------------------------ */

HTEST(xas_store_and_load_with_xas_nomem_retry)
{
	DEFINE_XARRAY(xa);
	XA_STATE(xas, &xa, 1UL << 45);
	unsigned int tries = 0;

	xa_test_begin();
	htest_slab_fail(1000, false);		/* under the lock: no memory */
	do {
		xas_lock(&xas);
		xas_store(&xas, ptr(3));
		xas_unlock(&xas);
		tries++;
	} while (xas_nomem(&xas, GFP_KERNEL));
	htest_slab_fail(0, false);
	HT_EXPECT_EQ(tries, 2U);
	HT_EXPECT_EQ(xas_error(&xas), 0);
	HT_EXPECT_TRUE(xa_load(&xa, 1UL << 45) == ptr(3));
	xas_set(&xas, 1UL << 45);
	xas_lock(&xas);
	HT_EXPECT_TRUE(xas_load(&xas) == ptr(3));
	HT_EXPECT_TRUE(xas_reload(&xas) == ptr(3));
	xas_set_mark(&xas, XA_MARK_1);
	HT_EXPECT_TRUE(xas_get_mark(&xas, XA_MARK_1));
	xas_clear_mark(&xas, XA_MARK_1);
	HT_EXPECT_FALSE(xas_get_mark(&xas, XA_MARK_1));
	HT_EXPECT_TRUE(xas_store(&xas, NULL) == ptr(3));
	xas_unlock(&xas);
	HT_EXPECT_TRUE(xa_empty(&xa));
	HT_EXPECT_DRAINED();
}

/* page_cache_delete(): a shadow value replaces a folio and must not be dirty. */
HTEST(xas_init_marks_clears_what_a_replaced_entry_had)
{
	DEFINE_XARRAY(xa);
	XA_STATE(xas, &xa, 4000);

	xa_test_begin();
	xa_store(&xa, 4000, ptr(1), GFP_KERNEL);
	xa_store(&xa, 4001, ptr(2), GFP_KERNEL);
	xa_set_mark(&xa, 4000, XA_MARK_0);
	xa_set_mark(&xa, 4000, XA_MARK_2);
	xa_set_mark(&xa, 4001, XA_MARK_2);
	xas_lock(&xas);
	xas_load(&xas);
	xas_store(&xas, xa_mk_value(9));
	xas_init_marks(&xas);
	xas_unlock(&xas);
	HT_EXPECT_FALSE(xa_get_mark(&xa, 4000, XA_MARK_0));
	HT_EXPECT_FALSE(xa_get_mark(&xa, 4000, XA_MARK_2));
	HT_EXPECT_FALSE(xa_marked(&xa, XA_MARK_0));
	HT_EXPECT_TRUE(xa_get_mark(&xa, 4001, XA_MARK_2));
	HT_EXPECT_TREE(&xa);
	xa_destroy(&xa);
	HT_EXPECT_DRAINED();
}

HTEST(xas_nomem_fails_when_the_callers_gfp_fails_too)
{
	DEFINE_XARRAY(xa);
	XA_STATE(xas, &xa, 1000);

	xa_test_begin();
	htest_slab_fail(1000, true);
	do {
		xas_lock(&xas);
		xas_store(&xas, ptr(3));
		xas_unlock(&xas);
	} while (xas_nomem(&xas, GFP_KERNEL));
	htest_slab_fail(0, false);
	HT_EXPECT_EQ(xas_error(&xas), -ENOMEM);
	HT_EXPECT_TRUE(xa_empty(&xa));
	HT_EXPECT_DRAINED();
}

HTEST(xas_for_each_visits_entries_and_may_erase)
{
	DEFINE_XARRAY(xa);
	XA_STATE(xas, &xa, 10);
	unsigned long i, n = 0;
	void *entry;

	xa_test_begin();
	for (i = 0; i < 200; i++)
		xa_store(&xa, i * 5, xa_mk_value(i), GFP_KERNEL);
	xas_lock(&xas);
	xas_for_each(&xas, entry, 500) {
		HT_EXPECT_EQ(xas.xa_index, (n + 2) * 5);
		HT_EXPECT_TRUE(entry == xa_mk_value(n + 2));
		if (n % 2)
			xas_store(&xas, NULL);
		n++;
	}
	xas_unlock(&xas);
	HT_EXPECT_EQ(n, 99UL);
	HT_EXPECT_TRUE(xa_load(&xa, 15) == NULL && xa_load(&xa, 20) == xa_mk_value(4));
	HT_EXPECT_TREE(&xa);
	/* Marked, with a pause (dropping the lock) in the middle. */
	for (i = 0; i < 200; i += 10)
		xa_set_mark(&xa, i * 5, XA_MARK_0);
	n = 0;
	xas_set(&xas, 0);
	xas_lock(&xas);
	xas_for_each_marked(&xas, entry, ULONG_MAX, XA_MARK_0) {
		HT_EXPECT_EQ(xas.xa_index, n * 50);
		n++;
		xas_pause(&xas);
		xas_unlock(&xas);
		xas_lock(&xas);
	}
	xas_unlock(&xas);
	HT_EXPECT_EQ(n, 20UL);
	xa_destroy(&xa);
	HT_EXPECT_DRAINED();
}

HTEST(xas_find_starts_at_the_index_then_moves_on)
{
	DEFINE_XARRAY(xa);
	XA_STATE(xas, &xa, 0);

	xa_test_begin();
	xa_store(&xa, 0, ptr(1), GFP_KERNEL);
	xa_store(&xa, 1UL << 20, ptr(2), GFP_KERNEL);
	xas_lock(&xas);
	HT_EXPECT_TRUE(xas_find(&xas, ULONG_MAX) == ptr(1));
	HT_EXPECT_EQ(xas.xa_index, 0UL);
	HT_EXPECT_TRUE(xas_find(&xas, ULONG_MAX) == ptr(2));
	HT_EXPECT_EQ(xas.xa_index, 1UL << 20);
	HT_EXPECT_TRUE(xas_find(&xas, ULONG_MAX) == NULL);
	HT_EXPECT_TRUE(xas_find(&xas, ULONG_MAX) == NULL);
	xas_set(&xas, 1);
	HT_EXPECT_TRUE(xas_find(&xas, (1UL << 20) - 1) == NULL);
	xas_unlock(&xas);
	xa_destroy(&xa);
	HT_EXPECT_DRAINED();
}

HTEST(xas_next_and_xas_prev_step_one_index)
{
	DEFINE_XARRAY(xa);
	XA_STATE(xas, &xa, 63);

	xa_test_begin();
	xa_store(&xa, 63, ptr(1), GFP_KERNEL);
	xa_store(&xa, 64, ptr(2), GFP_KERNEL);
	xa_store(&xa, 0, ptr(3), GFP_KERNEL);
	xa_store(&xa, ULONG_MAX, ptr(4), GFP_KERNEL);
	xas_lock(&xas);
	HT_EXPECT_TRUE(xas_next(&xas) == ptr(1));	/* not walked: its own index */
	HT_EXPECT_TRUE(xas_next(&xas) == ptr(2));
	HT_EXPECT_EQ(xas.xa_index, 64UL);
	HT_EXPECT_TRUE(xas_next(&xas) == NULL);
	HT_EXPECT_TRUE(xas_prev(&xas) == ptr(2));
	HT_EXPECT_TRUE(xas_prev(&xas) == ptr(1));
	xas_set(&xas, 0);
	HT_EXPECT_TRUE(xas_load(&xas) == ptr(3));
	HT_EXPECT_TRUE(xas_prev(&xas) == ptr(4));	/* wraps */
	HT_EXPECT_EQ(xas.xa_index, ULONG_MAX);
	HT_EXPECT_TRUE(xas_next(&xas) == ptr(3));
	xas_unlock(&xas);
	xa_destroy(&xa);
	HT_EXPECT_DRAINED();
}

HTEST(xas_store_does_nothing_in_an_error_state)
{
	DEFINE_XARRAY(xa);
	XA_STATE(xas, &xa, 5);

	xa_test_begin();
	xas_set_err(&xas, -EEXIST);
	xas_lock(&xas);
	HT_EXPECT_TRUE(xas_store(&xas, ptr(1)) == NULL);
	HT_EXPECT_TRUE(xas_load(&xas) == NULL);
	xas_unlock(&xas);
	HT_EXPECT_EQ(xas_error(&xas), -EEXIST);
	HT_EXPECT_FALSE(xas_nomem(&xas, GFP_KERNEL));
	HT_EXPECT_TRUE(xa_empty(&xa));
	HT_EXPECT_DRAINED();
}

/* filemap's __filemap_add_folio(): look over the range, then store the folio. */
HTEST(xas_for_each_conflict_lists_the_entries_of_the_range_then_store)
{
	DEFINE_XARRAY(xa);
	XA_STATE_ORDER(xas, &xa, 512, 9);
	unsigned long found[8];
	unsigned int n = 0;
	void *entry;

	xa_test_begin();
	xa_store(&xa, 511, ptr(1), GFP_KERNEL);
	xa_store(&xa, 512, xa_mk_value(2), GFP_KERNEL);
	xa_store_order(&xa, 576, 6, xa_mk_value(3), GFP_KERNEL);
	xa_store(&xa, 1023, xa_mk_value(4), GFP_KERNEL);
	xa_store(&xa, 1024, ptr(5), GFP_KERNEL);
	xas_lock(&xas);
	xas_for_each_conflict(&xas, entry) {
		HT_ASSERT_TRUE(n < ARRAY_SIZE(found));
		found[n++] = xa_to_value(entry);
		HT_EXPECT_EQ(xas.xa_index, 512UL);
	}
	HT_EXPECT_EQ(n, 3U);
	HT_EXPECT_TRUE(found[0] == 2 && found[1] == 3 && found[2] == 4);
	xas_store(&xas, ptr(6));
	xas_unlock(&xas);
	HT_EXPECT_TRUE(xa_load(&xa, 600) == ptr(6));
	HT_EXPECT_TRUE(xa_load(&xa, 1023) == ptr(6));
	HT_EXPECT_TRUE(xa_load(&xa, 511) == ptr(1));
	HT_EXPECT_TRUE(xa_load(&xa, 1024) == ptr(5));
	HT_EXPECT_EQ(xa_get_order(&xa, 700), 9);
	HT_EXPECT_TREE(&xa);
	/* An entry covering the start is a conflict too. */
	xas_set_order(&xas, 520, 3);
	xas_lock(&xas);
	HT_EXPECT_TRUE(xas_find_conflict(&xas) == ptr(6));
	HT_EXPECT_TRUE(xas_find_conflict(&xas) == NULL);
	HT_EXPECT_EQ(xas_get_order(&xas), 0);
	xas_set(&xas, 700);
	HT_EXPECT_TRUE(xas_load(&xas) == ptr(6));
	HT_EXPECT_EQ(xas_get_order(&xas), 9);
	xas_unlock(&xas);
	xa_destroy(&xa);
	HT_EXPECT_DRAINED();
}

/* ---- multi-index entries --------------------------------------------------------- */

HTEST(xa_store_order_covers_its_range_and_nothing_else)
{
	static const unsigned int orders[] = { 1, 3, 6, 9, 12, 13, 20 };
	unsigned int i;

	xa_test_begin();
	for (i = 0; i < ARRAY_SIZE(orders); i++) {
		DEFINE_XARRAY(xa);
		unsigned int order = orders[i];
		unsigned long size = 1UL << order, start = size * 3, index;
		void *entry;
		int n = 0;

		xa_store(&xa, start - 1, ptr(1), GFP_KERNEL);
		xa_store(&xa, start + size, ptr(2), GFP_KERNEL);
		HT_EXPECT_TRUE(xa_store_order(&xa, start + 1, order, ptr(3), GFP_KERNEL) == NULL);
		HT_EXPECT_TREE(&xa);
		HT_EXPECT_TRUE(xa_load(&xa, start) == ptr(3));
		HT_EXPECT_TRUE(xa_load(&xa, start + size / 2) == ptr(3));
		HT_EXPECT_TRUE(xa_load(&xa, start + size - 1) == ptr(3));
		HT_EXPECT_TRUE(xa_load(&xa, start - 1) == ptr(1));
		HT_EXPECT_TRUE(xa_load(&xa, start + size) == ptr(2));
		HT_EXPECT_EQ(xa_get_order(&xa, start + size - 1), (int)order);
		HT_EXPECT_EQ(xa_get_order(&xa, start - 1), 0);
		xa_for_each(&xa, index, entry)
			n++;
		HT_EXPECT_EQ(n, 3);			/* the range once */
		index = start + 1;
		HT_EXPECT_TRUE(xa_find(&xa, &index, ULONG_MAX, XA_PRESENT) == ptr(3));
		HT_EXPECT_EQ(index, start + 1);
		HT_EXPECT_TRUE(xa_find_after(&xa, &index, ULONG_MAX, XA_PRESENT) == ptr(2));
		HT_EXPECT_TRUE(xa_erase(&xa, start + size - 1) == ptr(3));
		HT_EXPECT_TRUE(xa_load(&xa, start) == NULL);
		HT_EXPECT_TREE(&xa);
		xa_destroy(&xa);
		HT_EXPECT_DRAINED();
	}
}

HTEST(xa_store_order_replaces_the_entries_it_covers_and_merges_marks)
{
	DEFINE_XARRAY(xa);
	unsigned long i;

	xa_test_begin();
	for (i = 512; i < 1024; i += 7)
		xa_store(&xa, i, xa_mk_value(i), GFP_KERNEL);
	xa_set_mark(&xa, 512 + 7 * 30, XA_MARK_2);
	xa_store(&xa, 1024, ptr(5), GFP_KERNEL);
	/* Several entries were there: no one old entry to return. */
	HT_EXPECT_TRUE(xa_store_order(&xa, 700, 9, ptr(4), GFP_KERNEL) == NULL);
	HT_EXPECT_TREE(&xa);
	HT_EXPECT_TRUE(xa_load(&xa, 513) == ptr(4));
	HT_EXPECT_TRUE(xa_get_mark(&xa, 1000, XA_MARK_2));
	HT_EXPECT_FALSE(xa_get_mark(&xa, 1024, XA_MARK_2));
	/* One index stored into the range replaces the whole entry. */
	HT_EXPECT_TRUE(xa_store(&xa, 600, ptr(6), GFP_KERNEL) == ptr(4));
	HT_EXPECT_TRUE(xa_load(&xa, 1023) == ptr(6));
	HT_EXPECT_EQ(xa_get_order(&xa, 512), 9);
	HT_EXPECT_TREE(&xa);
	/* A smaller multi-index store inside keeps the larger range too. */
	xa_erase(&xa, 1024);
	HT_EXPECT_TRUE(xa_load(&xa, 1023) == ptr(6));
	xa_erase(&xa, 513);
	HT_EXPECT_TRUE(xa_empty(&xa));
	HT_EXPECT_FALSE(xa_marked(&xa, XA_MARK_2));
	HT_EXPECT_DRAINED();
}

HTEST(xa_store_order_at_zero_and_at_the_top)
{
	DEFINE_XARRAY(xa);

	xa_test_begin();
	xa_store(&xa, 0, ptr(1), GFP_KERNEL);
	HT_EXPECT_TRUE(xa_store_order(&xa, 0, 6, ptr(2), GFP_KERNEL) == NULL);
	HT_EXPECT_TRUE(xa_load(&xa, 0) == ptr(2));
	HT_EXPECT_TREE(&xa);
	HT_EXPECT_TRUE(xa_load(&xa, 63) == ptr(2));
	HT_EXPECT_TRUE(xa_load(&xa, 64) == NULL);
	HT_EXPECT_TRUE(xa_store_order(&xa, ULONG_MAX, 8, ptr(3), GFP_KERNEL) == NULL);
	HT_EXPECT_TRUE(xa_load(&xa, ULONG_MAX - 255) == ptr(3));
	HT_EXPECT_TRUE(xa_load(&xa, ULONG_MAX - 256) == NULL);
	HT_EXPECT_TREE(&xa);
	HT_EXPECT_TRUE(xa_erase(&xa, 5) == ptr(2));
	HT_EXPECT_TRUE(xa_erase(&xa, ULONG_MAX) == ptr(3));
	HT_EXPECT_TRUE(xa_empty(&xa));
	/* Order 63: half of all indices. */
	HT_EXPECT_TRUE(xa_store_order(&xa, 1UL << 63, 63, ptr(4), GFP_KERNEL) == NULL);
	HT_EXPECT_TRUE(xa_load(&xa, ULONG_MAX) == ptr(4));
	HT_EXPECT_TRUE(xa_load(&xa, (1UL << 63) - 1) == NULL);
	HT_EXPECT_EQ(xa_get_order(&xa, 1UL << 63), 63);
	HT_EXPECT_TREE(&xa);
	xa_erase(&xa, 1UL << 62 | 1UL << 63);
	HT_EXPECT_TRUE(xa_empty(&xa));
	HT_EXPECT_DRAINED();
}

HTEST(xas_set_order_erases_a_whole_range_of_small_entries)
{
	DEFINE_XARRAY(xa);
	XA_STATE_ORDER(xas, &xa, 4100, 12);
	unsigned long i;

	xa_test_begin();
	for (i = 4000; i < 9000; i += 3)
		xa_store(&xa, i, xa_mk_value(i), GFP_KERNEL);
	xas_lock(&xas);
	xas_store(&xas, NULL);
	xas_unlock(&xas);
	HT_EXPECT_TREE(&xa);
	HT_EXPECT_TRUE(xa_load(&xa, 4093) == xa_mk_value(4093));
	HT_EXPECT_TRUE(xa_load(&xa, 4096 + 3 * 3) == NULL);
	HT_EXPECT_TRUE(xa_load(&xa, 8191) == NULL);
	HT_EXPECT_TRUE(xa_load(&xa, 8194) == xa_mk_value(8194));
	xa_destroy(&xa);
	HT_EXPECT_DRAINED();
}

/* Split an order-@from entry at @start into order-@to entries, then check them. */
static void split_and_check(unsigned long start, unsigned int from, unsigned int to,
			    bool prealloc)
{
	DEFINE_XARRAY(xa);
	XA_STATE_ORDER(xas, &xa, start, to);
	unsigned long index, size = 1UL << from;
	void *entry;
	int n = 0;

	xa_store(&xa, start - 1, ptr(1), GFP_KERNEL);
	xa_store_order(&xa, start, from, ptr(2), GFP_KERNEL);
	xa_set_mark(&xa, start, XA_MARK_1);
	if (prealloc)
		xas_split_alloc(&xas, ptr(3), from, GFP_KERNEL);
	xas_lock(&xas);
	xas_split(&xas, ptr(3), from);
	xas_unlock(&xas);
	HT_EXPECT_EQ(xas_error(&xas), 0);
	HT_EXPECT_FALSE(xas_nomem(&xas, GFP_KERNEL));	/* frees what is left over */
	HT_EXPECT_TREE(&xa);
	xa_for_each_range(&xa, index, entry, start, start + size - 1) {
		HT_EXPECT_EQ(index, start + ((unsigned long)n << to));
		HT_EXPECT_TRUE(entry == ptr(3));
		HT_EXPECT_EQ(xa_get_order(&xa, index), (int)to);
		HT_EXPECT_TRUE(xa_get_mark(&xa, index + (1UL << to) - 1, XA_MARK_1));
		n++;
	}
	HT_EXPECT_EQ(n, 1 << (from - to));
	HT_EXPECT_TRUE(xa_load(&xa, start - 1) == ptr(1));
	HT_EXPECT_TRUE(xa_load(&xa, start + size) == NULL);
	xa_destroy(&xa);
	HT_EXPECT_DRAINED();
}

HTEST(xas_split_makes_smaller_entries_with_the_same_marks)
{
	xa_test_begin();
	split_and_check(512, 9, 0, true);	/* a PMD folio into pages: 8 leaves */
	split_and_check(512, 9, 0, false);	/* nodes GFP_NOWAIT under the lock */
	split_and_check(512, 9, 6, true);	/* in place, one level */
	split_and_check(64, 4, 2, true);	/* in place, in a leaf */
	split_and_check(4096, 12, 7, true);	/* one node, 32 order-7 entries */
	split_and_check(1UL << 20, 11, 5, false);
}

HTEST(xas_split_refuses_bad_orders_and_fails_cleanly_without_memory)
{
	DEFINE_XARRAY(xa);
	XA_STATE_ORDER(xas, &xa, 4096, 0);

	xa_test_begin();
	xa_store_order(&xa, 4096, 12, ptr(2), GFP_KERNEL);
	xas_lock(&xas);
	xas_split(&xas, ptr(3), 12);		/* two levels of nodes: Linux refuses too */
	xas_unlock(&xas);
	HT_EXPECT_EQ(xas_error(&xas), -EINVAL);
	xas_set_order(&xas, 4096, 6);
	xas_lock(&xas);
	xas_split(&xas, ptr(3), 9);		/* no order-9 entry there */
	xas_unlock(&xas);
	HT_EXPECT_EQ(xas_error(&xas), -EINVAL);
	xas_set_order(&xas, 4096, 6);
	htest_slab_fail(1, false);
	xas_lock(&xas);
	xas_split(&xas, ptr(3), 12);
	xas_unlock(&xas);
	htest_slab_fail(0, false);
	HT_EXPECT_EQ(xas_error(&xas), -ENOMEM);
	HT_EXPECT_EQ(xa_get_order(&xa, 5000), 12);
	HT_EXPECT_TRUE(xa_load(&xa, 5000) == ptr(2));
	HT_EXPECT_TREE(&xa);
	htest_slab_fail(1, true);
	xas_set_order(&xas, 4096, 6);
	xas_split_alloc(&xas, ptr(3), 12, GFP_KERNEL);
	htest_slab_fail(0, false);
	HT_EXPECT_EQ(xas_error(&xas), -ENOMEM);
	xa_destroy(&xa);
	HT_EXPECT_DRAINED();
}

/* ---- ID allocation ---------------------------------------------------------------- */

HTEST(xa_alloc_hands_out_the_lowest_free_id)
{
	DEFINE_XARRAY_ALLOC(xa);
	u32 id, i;

	xa_test_begin();
	for (i = 0; i < 200; i++) {
		HT_ASSERT_EQ(xa_alloc(&xa, &id, ptr(i + 1), xa_limit_32b, GFP_KERNEL), 0);
		HT_EXPECT_EQ(id, i);
	}
	HT_EXPECT_TRUE(xa_erase(&xa, 70) == ptr(71));
	HT_EXPECT_TRUE(xa_erase(&xa, 150) == ptr(151));
	HT_EXPECT_EQ(xa_alloc(&xa, &id, ptr(1000), xa_limit_32b, GFP_KERNEL), 0);
	HT_EXPECT_EQ(id, 70U);
	/* NULL reserves: the ID is taken but reads as NULL. */
	HT_EXPECT_EQ(xa_alloc(&xa, &id, NULL, xa_limit_32b, GFP_KERNEL), 0);
	HT_EXPECT_EQ(id, 150U);
	HT_EXPECT_TRUE(xa_load(&xa, 150) == NULL);
	/* So does storing NULL in an ID array; erasing frees. */
	xa_store(&xa, 5, NULL, GFP_KERNEL);
	HT_EXPECT_EQ(xa_alloc(&xa, &id, ptr(2000), XA_LIMIT(0, 250), GFP_KERNEL), 0);
	HT_EXPECT_EQ(id, 200U);
	xa_erase(&xa, 5);
	HT_EXPECT_EQ(xa_alloc(&xa, &id, ptr(2001), XA_LIMIT(0, 250), GFP_KERNEL), 0);
	HT_EXPECT_EQ(id, 5U);
	HT_EXPECT_TREE(&xa);
	xa_destroy(&xa);
	HT_EXPECT_DRAINED();
}

HTEST(xa_alloc_honours_its_limit_and_the_array_kind)
{
	DEFINE_XARRAY_ALLOC1(xa1);
	DEFINE_XARRAY_ALLOC(xa);
	DEFINE_XARRAY(plain);
	u32 id = 77;

	xa_test_begin();
	HT_EXPECT_EQ(xa_alloc(&xa1, &id, ptr(1), xa_limit_32b, GFP_KERNEL), 0);
	HT_EXPECT_EQ(id, 1U);				/* ALLOC1: never 0 */
	HT_EXPECT_EQ(xa_alloc(&xa, &id, ptr(1), XA_LIMIT(0xfffffffe, 0xffffffff), GFP_KERNEL), 0);
	HT_EXPECT_EQ(id, 0xfffffffeU);
	HT_EXPECT_EQ(xa_alloc(&xa, &id, ptr(2), XA_LIMIT(0xfffffffe, 0xffffffff), GFP_KERNEL), 0);
	HT_EXPECT_EQ(id, 0xffffffffU);
	id = 77;
	HT_EXPECT_EQ(xa_alloc(&xa, &id, ptr(3), XA_LIMIT(0xfffffffe, 0xffffffff), GFP_KERNEL),
		     -EBUSY);
	HT_EXPECT_EQ(id, 77U);				/* untouched on failure */
	HT_EXPECT_EQ(xa_alloc(&xa, &id, ptr(3), XA_LIMIT(9, 3), GFP_KERNEL), -EBUSY);
	HT_EXPECT_EQ(xa_alloc(&plain, &id, ptr(3), xa_limit_32b, GFP_KERNEL), -EINVAL);
	htest_slab_fail(100, true);
	HT_EXPECT_EQ(xa_alloc(&xa, &id, ptr(3), xa_limit_32b, GFP_KERNEL), -ENOMEM);
	htest_slab_fail(0, false);
	xa_destroy(&xa1);
	HT_EXPECT_TREE(&xa);
	xa_destroy(&xa);
	HT_EXPECT_DRAINED();
}

HTEST(xa_alloc_cyclic_goes_on_from_next_and_wraps)
{
	DEFINE_XARRAY_ALLOC(xa);
	u32 id, next = 0;

	xa_test_begin();
	HT_EXPECT_EQ(xa_alloc_cyclic(&xa, &id, ptr(1), XA_LIMIT(0, 3), &next, GFP_KERNEL), 0);
	HT_EXPECT_EQ(id, 0U);
	HT_EXPECT_EQ(xa_alloc_cyclic(&xa, &id, ptr(2), XA_LIMIT(0, 3), &next, GFP_KERNEL), 0);
	HT_EXPECT_EQ(id, 1U);
	xa_erase(&xa, 0);
	HT_EXPECT_EQ(xa_alloc_cyclic(&xa, &id, ptr(3), XA_LIMIT(0, 3), &next, GFP_KERNEL), 0);
	HT_EXPECT_EQ(id, 2U);				/* not the freed 0: onwards */
	HT_EXPECT_EQ(xa_alloc_cyclic(&xa, &id, ptr(4), XA_LIMIT(0, 3), &next, GFP_KERNEL), 0);
	HT_EXPECT_EQ(id, 3U);
	HT_EXPECT_EQ(xa_alloc_cyclic(&xa, &id, ptr(5), XA_LIMIT(0, 3), &next, GFP_KERNEL), 1);
	HT_EXPECT_EQ(id, 0U);				/* wrapped round */
	HT_EXPECT_EQ(next, 1U);
	HT_EXPECT_EQ(xa_alloc_cyclic(&xa, &id, ptr(6), XA_LIMIT(0, 3), &next, GFP_KERNEL),
		     -EBUSY);
	xa_destroy(&xa);
	next = 0xffffffff;
	HT_EXPECT_EQ(xa_alloc_cyclic(&xa, &id, ptr(7), xa_limit_32b, &next, GFP_KERNEL), 0);
	HT_EXPECT_EQ(next, 0U);				/* past the top of u32 */
	HT_EXPECT_EQ(xa_alloc_cyclic(&xa, &id, ptr(8), xa_limit_32b, &next, GFP_KERNEL), 1);
	HT_EXPECT_EQ(id, 0U);
	HT_EXPECT_EQ(xa_alloc_cyclic(&xa, &id, ptr(9), xa_limit_32b, &next, GFP_KERNEL), 0);
	HT_EXPECT_EQ(id, 1U);
	xa_destroy(&xa);
	HT_EXPECT_DRAINED();
}

HTEST(xa_store_order_null_erases_a_range_whose_first_slot_is_empty)
{
	DEFINE_XARRAY(xa);

	xa_test_begin();
	xa_store(&xa, 600, ptr(1), GFP_KERNEL);		/* 512-575 stays empty */
	xa_store_order(&xa, 960, 6, ptr(2), GFP_KERNEL);
	xa_store(&xa, 1024, ptr(3), GFP_KERNEL);
	HT_EXPECT_TRUE(xa_store_order(&xa, 512, 9, NULL, GFP_KERNEL) == NULL);
	HT_EXPECT_TRUE(xa_load(&xa, 600) == NULL);
	HT_EXPECT_TRUE(xa_load(&xa, 1000) == NULL);
	HT_EXPECT_TRUE(xa_load(&xa, 1024) == ptr(3));
	HT_EXPECT_TREE(&xa);
	xa_erase(&xa, 1024);
	HT_EXPECT_TRUE(xa_empty(&xa));
	HT_EXPECT_DRAINED();
}

/* ---- the randomised model ---------------------------------------------------------- */

/* The reference: aligned ranges [start, start + 2^order), sorted, disjoint. */
struct model_range {
	unsigned long start;
	unsigned int order;
	void *entry;
	unsigned int marks;
};

#define MODEL_MAX	512

static struct model_range model[MODEL_MAX];
static unsigned int model_nr;
static u64 model_rng = 0x9e3779b97f4a7c15ULL;

static u64 rnd(void)
{
	return htest_xorshift64(&model_rng);
}

static unsigned long range_last(const struct model_range *r)
{
	return r->start + ((1UL << r->order) - 1);
}

static int model_find(unsigned long index)
{
	unsigned int i;

	for (i = 0; i < model_nr; i++)
		if (model[i].start <= index && index <= range_last(&model[i]))
			return i;
	return -1;
}

static void model_remove(unsigned int i)
{
	memmove(&model[i], &model[i + 1], (model_nr - i - 1) * sizeof(model[0]));
	model_nr--;
}

/* What xa_store_order(index, order, entry) does, on the model. */
static void model_store(unsigned long start, unsigned int order, void *entry)
{
	unsigned long last = start + ((1UL << order) - 1);
	unsigned int marks = 0, i;
	int hit = model_find(start);

	if (hit >= 0 && model[hit].order > order) {
		if (entry)
			model[hit].entry = entry;
		else
			model_remove(hit);
		return;
	}
	for (i = 0; i < model_nr;) {
		if (model[i].start >= start && range_last(&model[i]) <= last) {
			marks |= model[i].marks;
			model_remove(i);
		} else {
			i++;
		}
	}
	if (!entry)
		return;
	for (i = 0; i < model_nr && model[i].start < start; i++)
		;
	memmove(&model[i + 1], &model[i], (model_nr - i) * sizeof(model[0]));
	model[i] = (struct model_range){ start, order, entry, marks };
	model_nr++;
}

/* Split model[@i] with xas_split() into entries of @to orders less, on both sides. */
static void model_split(struct xarray *xa, unsigned int i, unsigned int down, void *entry)
{
	struct model_range r = model[i];
	unsigned int to = r.order - down, k;
	XA_STATE_ORDER(xas, xa, r.start, to);

	xas_split_alloc(&xas, entry, r.order, GFP_KERNEL);
	xas_lock(&xas);
	xas_split(&xas, entry, r.order);
	xas_unlock(&xas);
	HT_EXPECT_EQ(xas_error(&xas), 0);
	HT_EXPECT_FALSE(xas_nomem(&xas, GFP_KERNEL));
	memmove(&model[i + (1U << down)], &model[i + 1], (model_nr - i - 1) * sizeof(model[0]));
	for (k = 0; k < 1U << down; k++)
		model[i + k] = (struct model_range){ r.start + ((unsigned long)k << to), to,
						     entry, r.marks };
	model_nr += (1U << down) - 1;
}

static unsigned long model_index(void)
{
	switch (rnd() % 5) {
	case 0:
		return rnd() % 300;
	case 1:
		return rnd() % (1UL << 20);
	case 2:
		return ULONG_MAX - rnd() % 5000;
	case 3:
		return (1UL << (rnd() % 64)) + rnd() % 70;
	default:
		return rnd();
	}
}

static unsigned int model_order(void)
{
	unsigned int r = rnd() % 40;

	return r < 30 ? 0 : r < 37 ? r - 29 : r == 37 ? 12 : r == 38 ? 18 : 32;
}

/* The first range (with @mark, unless XA_PRESENT) ending at or after @index. */
static int model_next(unsigned long index, xa_mark_t mark)
{
	unsigned int i;

	for (i = 0; i < model_nr; i++)
		if (range_last(&model[i]) >= index &&
		    (mark == XA_PRESENT || (model[i].marks & (1U << mark))))
			return i;
	return -1;
}

/* xa_find() and xa_find_after() from @start, against the model. */
static bool model_find_from(struct xarray *xa, unsigned long start, xa_mark_t mark)
{
	unsigned long index = start;
	void *entry = xa_find(xa, &index, ULONG_MAX, mark);
	int i = model_next(start, mark), covering = model_find(start);

	if (i < 0 ? entry || index != start :
	    entry != model[i].entry || index != max(start, model[i].start))
		return false;
	/* After: past the entry covering start, if any. */
	index = start;
	entry = xa_find_after(xa, &index, ULONG_MAX, mark);
	if (covering >= 0)
		i = range_last(&model[covering]) == ULONG_MAX ? -1 :
		    model_next(range_last(&model[covering]) + 1, mark);
	else
		i = start == ULONG_MAX ? -1 : model_next(start + 1, mark);
	if (i < 0)
		return !entry;
	return entry == model[i].entry && index == model[i].start;
}

/* Every range loads at both ends, with its order and marks; iteration agrees. */
static bool model_check(struct xarray *xa)
{
	unsigned long index;
	unsigned int i = 0;
	xa_mark_t m;
	void *entry;

	for (i = 0; i < model_nr; i++) {
		struct model_range *r = &model[i];

		if (xa_load(xa, r->start) != r->entry || xa_load(xa, range_last(r)) != r->entry ||
		    xa_get_order(xa, r->start) != (int)r->order)
			return false;
		for (m = 0; m < XA_MAX_MARKS; m++)
			if (xa_get_mark(xa, range_last(r), m) != !!(r->marks & (1U << m)))
				return false;
		if (r->start && model_find(r->start - 1) < 0 && xa_load(xa, r->start - 1))
			return false;
	}
	i = 0;
	xa_for_each(xa, index, entry) {
		if (i >= model_nr || index != model[i].start || entry != model[i].entry)
			return false;
		i++;
	}
	if (i != model_nr)
		return false;
	for (m = 0; m < XA_MAX_MARKS; m++) {
		i = 0;
		xa_for_each_marked(xa, index, entry, m) {
			while (i < model_nr && !(model[i].marks & (1U << m)))
				i++;
			if (i == model_nr || index != model[i].start)
				return false;
			i++;
		}
		while (i < model_nr && !(model[i].marks & (1U << m)))
			i++;
		if (i != model_nr)
			return false;
	}
	for (i = 0; i < 16; i++)
		if (!model_find_from(xa, model_index(), i % 4 == 3 ? XA_PRESENT : i % 4))
			return false;
	return tree_ok(xa);
}

HTEST(xa_random_operations_match_a_reference_model)
{
	DEFINE_XARRAY(xa);
	unsigned int step, i;

	xa_test_begin();
	model_nr = 0;
	for (step = 0; step < 40000; step++) {
		unsigned long index = model_index();
		unsigned int op = rnd() % 11, order = 0;
		void *entry = (rnd() & 1) ? xa_mk_value(step) : ptr(step + 1);
		int hit;

		if ((op <= 4 || op == 7) && model_nr >= MODEL_MAX - 2)
			op = 5;				/* the model is full: erase */
		if (op == 4) {
			order = model_order();
			index &= ~((1UL << order) - 1);
			if (rnd() % 4 == 0)
				entry = NULL;		/* erase a whole range */
		}
		hit = model_find(index);
		switch (op) {
		case 0: case 1: case 2: case 3: case 4: {
			void *old = xa_store_order(&xa, index, order, entry, GFP_KERNEL);

			/* The old entry of one index is known; a range's is its first slot's. */
			if (!order)
				HT_ASSERT_TRUE(old == (hit >= 0 ? model[hit].entry : NULL));
			model_store(index, order, entry);
			break;
		}
		case 5: case 6:
			if (model_nr) {
				i = rnd() % model_nr;
				index = model[i].start + rnd() % (1UL << model[i].order);
				hit = i;
			}
			HT_ASSERT_TRUE(xa_erase(&xa, index) == (hit >= 0 ? model[hit].entry : NULL));
			if (hit >= 0)
				model_remove(hit);
			break;
		case 7:
			HT_ASSERT_EQ(xa_insert(&xa, index, entry, GFP_KERNEL),
				     hit >= 0 ? -EBUSY : 0);
			if (hit < 0)
				model_store(index, 0, entry);
			break;
		case 8:
			if (model_nr) {
				i = rnd() % model_nr;
				xa_set_mark(&xa, model[i].start, i % 3);
				model[i].marks |= 1U << (i % 3);
			}
			break;
		case 9:
			if (model_nr) {
				i = rnd() % model_nr;
				xa_clear_mark(&xa, range_last(&model[i]), step % 3);
				model[i].marks &= ~(1U << (step % 3));
			}
			break;
		default:
			if (model_nr && model_nr + 64 < MODEL_MAX) {
				unsigned int down, from;

				i = rnd() % model_nr;
				from = model[i].order;
				down = 1 + rnd() % 6;
				/* Linux's limit: at most one level of nodes below the old entry. */
				if (down <= from && (from - down) / XA_CHUNK_SHIFT + 2 > from / XA_CHUNK_SHIFT)
					model_split(&xa, i, down, entry);
			}
			break;
		}
		if (step % 512 == 0 || step > 39900)
			HT_ASSERT_TRUE(model_check(&xa));
	}
	HT_EXPECT_TREE(&xa);
	while (model_nr) {
		HT_ASSERT_TRUE(xa_erase(&xa, model[0].start) == model[0].entry);
		model_remove(0);
	}
	HT_EXPECT_TRUE(xa_empty(&xa));
	HT_EXPECT_DRAINED();
}
