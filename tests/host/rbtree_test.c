// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of lib/rbtree.c and the inline half of linux/rbtree.h and
 * linux/rbtree_augmented.h, under AddressSanitizer and UBSan.
 *
 * Every tree is checked against a reference: ref[], its items in the order
 * the tree must hold them (by key, equal keys in insertion order). After
 * each operation tree_ok() walks the whole tree and checks the red-black
 * rules (black root, no red node under a red one, one black height for
 * every path), every parent pointer, that the in-order walk is sorted, and
 * that it is exactly ref[]. augment_ok() checks that every node's
 * subtree_max is the real maximum of the sizes below it. The randomised
 * runs use a fixed seed, so a failure repeats.
 */
#include <linux/kernel.h>
#include <linux/rbtree_augmented.h>
#include <linux/string.h>
#include "htest.h"

/* From the ASan runtime: mark memory unusable, so that a touch is reported. */
void __asan_poison_memory_region(void const volatile *addr, size_t size);
void __asan_unpoison_memory_region(void const volatile *addr, size_t size);

struct item {
	struct rb_node node;
	unsigned long key;		/* the order (an address in the augmented cases) */
	unsigned long size;		/* the augmented cases' own value */
	unsigned long subtree_max;	/* the largest size in the subtree */
	bool visited;			/* the postorder cases */
};

#define POOL	1024U

static struct item pool[POOL];
static struct item *spare[POOL];	/* the items in no tree */
static unsigned int nspare;
static struct item *ref[POOL];		/* the reference: the tree, in order */
static unsigned int nref;
static u64 rng_state;

#define item_of(rb)	rb_entry(rb, struct item, node)

/* splitmix64: reproducible pseudo-random numbers, no libc. */
static u64 rng(void)
{
	u64 z = rng_state += 0x9e3779b97f4a7c15ULL;

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static unsigned long rng_below(unsigned long n)
{
	return rng() % n;
}

/* Every item spare and out of any tree, the reference empty. */
static void reset(u64 seed)
{
	unsigned int i;

	memset(pool, 0, sizeof(pool));
	for (i = 0; i < POOL; i++) {
		RB_CLEAR_NODE(&pool[i].node);
		spare[i] = &pool[POOL - 1 - i];
	}
	nspare = POOL;
	nref = 0;
	rng_state = seed;
}

/* A spare item, given @key and @size. */
static struct item *get_item(unsigned long key, unsigned long size)
{
	struct item *it;

	HT_ASSERT_TRUE(nspare > 0);
	it = spare[--nspare];
	it->key = key;
	it->size = size;
	return it;
}

static void put_item(struct item *it)
{
	RB_CLEAR_NODE(&it->node);
	spare[nspare++] = it;
}

/*
 * The first index in ref[] whose key is above @key (@past_equals), or at
 * least @key: where a new item with @key goes, or where @key starts.
 */
static unsigned int ref_search(unsigned long key, bool past_equals)
{
	unsigned int lo = 0, hi = nref;

	while (lo < hi) {
		unsigned int mid = (lo + hi) / 2;

		if (ref[mid]->key < key || (past_equals && ref[mid]->key == key))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void ref_insert(struct item *it)
{
	unsigned int at = ref_search(it->key, true);

	memmove(&ref[at + 1], &ref[at], (nref - at) * sizeof(ref[0]));
	ref[at] = it;
	nref++;
}

static void ref_remove_at(unsigned int at)
{
	nref--;
	memmove(&ref[at], &ref[at + 1], (nref - at) * sizeof(ref[0]));
}

/* ---- the checks ---------------------------------------------------------- */

struct walk {
	const struct item *prev;	/* the last node met in order */
	unsigned int count;		/* nodes met so far */
	const char *why;		/* the first broken rule, or NULL */
	const struct item *where;	/* the node that broke it */
};

static int broken(struct walk *w, const struct rb_node *node, const char *why)
{
	if (!w->why) {
		w->why = why;
		w->where = item_of(node);
	}
	return -1;
}

/* The in-order visit of one node: sorted, and the reference's next item. */
static void visit_in_order(struct walk *w, const struct rb_node *node)
{
	const struct item *it = item_of(node);

	if (w->prev && w->prev->key > it->key)
		broken(w, node, "in-order walk not sorted");
	else if (w->count >= nref || ref[w->count] != it)
		broken(w, node, "in-order walk differs from the reference");
	w->prev = it;
	w->count++;
}

/* The black height of @node's subtree (NULL counts 0), or -1 once broken. */
static int check_subtree(const struct rb_node *node, const struct rb_node *parent,
			 struct walk *w)
{
	int left, right;

	if (!node)
		return 0;
	if (rb_parent(node) != parent)
		return broken(w, node, "parent pointer wrong");
	if (node->__rb_parent_color & 2)
		return broken(w, node, "bit 1 of __rb_parent_color set");
	if (parent && rb_is_red(parent) && rb_is_red(node))
		return broken(w, node, "red node under a red node");
	left = check_subtree(node->rb_left, node, w);
	visit_in_order(w, node);
	right = check_subtree(node->rb_right, node, w);
	if (w->why)
		return -1;
	if (left != right)
		return broken(w, node, "black heights of the two sides differ");
	return left + rb_is_black(node);
}

static bool tree_ok_at(const struct rb_root *root, const char *file, int line)
{
	struct walk w = { 0 };

	if (root->rb_node && rb_is_red(root->rb_node))
		broken(&w, root->rb_node, "root is red");
	check_subtree(root->rb_node, NULL, &w);
	if (!w.why && w.count != nref)
		w.why = "fewer nodes than the reference";
	if (!w.why)
		return true;
	htest_fail(file, line, "rbtree: %s at key %lu (%u nodes, %u in the reference)",
		   w.why, w.where ? w.where->key : 0, w.count, nref);
	return false;
}
#define tree_ok(root)	tree_ok_at(root, __FILE__, __LINE__)

/* ---- insertion and erasure against the reference ----------------------- */

/* Insertion written out, as most callers do: walk down, link, rebalance. */
static void insert_linked(struct rb_root *root, struct item *it)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = it->key < item_of(parent)->key ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&it->node, parent, link);
	rb_insert_color(&it->node, root);
	ref_insert(it);
}

static void erase_at(struct rb_root *root, unsigned int at)
{
	struct item *it = ref[at];

	rb_erase(&it->node, root);
	ref_remove_at(at);
	put_item(it);
}

#define ORDER_N	600

enum order { ASCENDING, DESCENDING, SHUFFLED };

static unsigned long keys[POOL];

/* keys[] = 0 .. @n - 1, in @order. */
static void fill_keys(unsigned int n, enum order order)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		keys[i] = order == DESCENDING ? n - 1 - i : i;
	if (order != SHUFFLED)
		return;
	for (i = n - 1; i > 0; i--) {
		unsigned int j = rng_below(i + 1);	/* swap() reads it twice */

		swap(keys[i], keys[j]);
	}
}

/*
 * Insert the keys in @in order, then erase them in @out order, checking the
 * whole tree against the reference after every step.
 */
static void insert_then_erase(enum order in, enum order out)
{
	struct rb_root root = RB_ROOT;
	unsigned int i;

	reset(0x5eed0001 + in * 3 + out);
	fill_keys(ORDER_N, in);
	for (i = 0; i < ORDER_N; i++) {
		insert_linked(&root, get_item(keys[i], 0));
		HT_ASSERT_TRUE(tree_ok(&root));
	}
	fill_keys(ORDER_N, out);
	for (i = 0; i < ORDER_N; i++) {
		erase_at(&root, ref_search(keys[i], false));
		HT_ASSERT_TRUE(tree_ok(&root));
	}
	HT_EXPECT_TRUE(RB_EMPTY_ROOT(&root));
}

HTEST(rb_insert_erase_ascending_keys_match_reference)
{
	insert_then_erase(ASCENDING, ASCENDING);
	insert_then_erase(ASCENDING, DESCENDING);
}

HTEST(rb_insert_erase_descending_keys_match_reference)
{
	insert_then_erase(DESCENDING, DESCENDING);
	insert_then_erase(DESCENDING, ASCENDING);
}

HTEST(rb_insert_erase_shuffled_keys_match_reference)
{
	insert_then_erase(SHUFFLED, SHUFFLED);
	insert_then_erase(SHUFFLED, ASCENDING);
}

static struct rb_root static_root = RB_ROOT;
static struct rb_root_cached static_cached = RB_ROOT_CACHED;

HTEST(rb_empty_tree_and_cleared_node)
{
	struct item it = { .key = 1 };

	HT_EXPECT_TRUE(RB_EMPTY_ROOT(&static_root));
	HT_EXPECT_TRUE(RB_EMPTY_ROOT(&static_cached.rb_root));
	HT_EXPECT_EQ(rb_first_cached(&static_cached), NULL);
	HT_EXPECT_EQ(rb_first(&static_root), NULL);
	HT_EXPECT_EQ(rb_last(&static_root), NULL);
	HT_EXPECT_EQ(rb_first_postorder(&static_root), NULL);
	HT_EXPECT_EQ(rb_next_postorder(NULL), NULL);
	RB_CLEAR_NODE(&it.node);
	HT_EXPECT_TRUE(RB_EMPTY_NODE(&it.node));
	HT_EXPECT_EQ(rb_next(&it.node), NULL);
	HT_EXPECT_EQ(rb_prev(&it.node), NULL);
	HT_EXPECT_EQ(rb_entry_safe((struct rb_node *)NULL, struct item, node), NULL);
	HT_EXPECT_EQ(rb_entry_safe(&it.node, struct item, node), &it);
}

HTEST(rb_single_node_is_black_root_first_and_last)
{
	struct rb_root root = RB_ROOT;
	struct item *it;

	reset(1);
	it = get_item(7, 0);
	insert_linked(&root, it);
	HT_ASSERT_TRUE(tree_ok(&root));
	HT_EXPECT_TRUE(rb_is_black(&it->node));
	HT_EXPECT_FALSE(RB_EMPTY_NODE(&it->node));
	HT_EXPECT_EQ(rb_parent(&it->node), NULL);
	HT_EXPECT_EQ(rb_first(&root), &it->node);
	HT_EXPECT_EQ(rb_last(&root), &it->node);
	HT_EXPECT_EQ(rb_next(&it->node), NULL);
	HT_EXPECT_EQ(rb_prev(&it->node), NULL);
	erase_at(&root, 0);
	HT_EXPECT_TRUE(RB_EMPTY_ROOT(&root));
}

static bool item_less(struct rb_node *a, const struct rb_node *b)
{
	return item_of(a)->key < item_of(b)->key;
}

#define MODEL_OPS	40000

/*
 * Random insertions (rb_add, keys drawn from a small range so that many are
 * equal) and erasures of random nodes, in phases that grow the tree toward
 * the whole pool and shrink it toward empty; the whole tree is checked
 * after every operation.
 */
HTEST(rb_random_model_check_keeps_every_invariant)
{
	struct rb_root root = RB_ROOT;
	unsigned int op, peak = 0;

	reset(0xc0ffee);
	for (op = 0; op < MODEL_OPS; op++) {
		unsigned int grow = (op / 4000) % 2 ? 30 : 70;

		if (nspare && (!nref || rng_below(100) < grow)) {
			struct item *it = get_item(rng_below(POOL / 2), 0);

			rb_add(&it->node, &root, item_less);
			ref_insert(it);
		} else {
			erase_at(&root, rng_below(nref));
		}
		HT_ASSERT_TRUE(tree_ok(&root));
		peak = max(peak, nref);
	}
	/* The phases really did reach a large tree. */
	HT_EXPECT_GT(peak, POOL / 2);
}

/* ---- iteration ----------------------------------------------------------- */

/* A tree of @n items with the keys 0 .. @n - 1, added in a random order. */
static void build_shuffled(struct rb_root *root, unsigned int n, u64 seed)
{
	unsigned int i;

	reset(seed);
	fill_keys(n, SHUFFLED);
	for (i = 0; i < n; i++)
		insert_linked(root, get_item(keys[i], 0));
}

HTEST(rb_next_prev_first_last_walk_the_whole_tree)
{
	struct rb_root root = RB_ROOT;
	struct rb_node *node;
	unsigned int i;

	build_shuffled(&root, 500, 2);
	HT_ASSERT_TRUE(tree_ok(&root));
	HT_EXPECT_EQ(rb_first(&root), &ref[0]->node);
	HT_EXPECT_EQ(rb_last(&root), &ref[nref - 1]->node);
	for (i = 0, node = rb_first(&root); node; node = rb_next(node), i++)
		HT_ASSERT_TRUE(i < nref && node == &ref[i]->node);
	HT_EXPECT_EQ(i, nref);
	for (i = nref, node = rb_last(&root); node; node = rb_prev(node), i--)
		HT_ASSERT_TRUE(i > 0 && node == &ref[i - 1]->node);
	HT_EXPECT_EQ(i, 0U);
}

/* A node that takes another's place, as seen by the tree. */
static void replace_and_check(struct rb_root *root, unsigned int at)
{
	struct item *victim = ref[at], *new = get_item(victim->key, 0);
	unsigned long color = rb_color(&victim->node);
	struct rb_node *parent = rb_parent(&victim->node);
	struct rb_node *left = victim->node.rb_left, *right = victim->node.rb_right;

	rb_replace_node(&victim->node, &new->node, root);
	ref[at] = new;
	HT_ASSERT_TRUE(tree_ok(root));
	HT_EXPECT_EQ(rb_color(&new->node), color);
	HT_EXPECT_EQ(rb_parent(&new->node), parent);
	HT_EXPECT_EQ(new->node.rb_left, left);
	HT_EXPECT_EQ(new->node.rb_right, right);
	if (!parent)
		HT_EXPECT_EQ(root->rb_node, &new->node);
	put_item(victim);
}

HTEST(rb_replace_node_takes_place_colour_and_children)
{
	struct rb_root root = RB_ROOT;
	unsigned int i;

	build_shuffled(&root, 300, 3);
	replace_and_check(&root, ref_search(item_of(root.rb_node)->key, false));
	replace_and_check(&root, 0);
	replace_and_check(&root, nref - 1);
	for (i = 0; i < 50; i++)
		replace_and_check(&root, rng_below(nref));
	/* The tree still rebalances around the newcomers. */
	while (nref) {
		erase_at(&root, rng_below(nref));
		HT_ASSERT_TRUE(tree_ok(&root));
	}
}

/* One node's visit in postorder: its children must have come first. */
static void postorder_visit(struct item *it, unsigned int *count)
{
	struct rb_node *l = it->node.rb_left, *r = it->node.rb_right;

	HT_EXPECT_FALSE(it->visited);
	HT_EXPECT_TRUE(!l || item_of(l)->visited);
	HT_EXPECT_TRUE(!r || item_of(r)->visited);
	it->visited = true;
	(*count)++;
}

HTEST(rb_postorder_visits_each_node_once_children_first)
{
	struct rb_root root = RB_ROOT;
	struct rb_node *node, *last = NULL;
	unsigned int count = 0;

	build_shuffled(&root, 700, 4);
	for (node = rb_first_postorder(&root); node; node = rb_next_postorder(node)) {
		postorder_visit(item_of(node), &count);
		last = node;
	}
	HT_EXPECT_EQ(count, nref);
	HT_EXPECT_EQ(last, root.rb_node);
}

/*
 * The body poisons each node for ASan, as if it freed it: the walk must
 * never read a node again once it has handed it out. The order it took is
 * then compared with rb_first_postorder() and rb_next_postorder()'s.
 */
HTEST(rb_postorder_for_each_entry_safe_allows_freeing)
{
	static struct item *order[POOL];
	struct rb_root root = RB_ROOT;
	struct rb_node *node;
	struct item *pos, *n;
	unsigned int count = 0;

	build_shuffled(&root, 700, 5);
	rbtree_postorder_for_each_entry_safe(pos, n, &root, node) {
		order[count++] = pos;
		__asan_poison_memory_region(pos, sizeof(*pos));
	}
	__asan_unpoison_memory_region(pool, sizeof(pool));
	HT_ASSERT_EQ(count, nref);
	count = 0;
	for (node = rb_first_postorder(&root); node; node = rb_next_postorder(node))
		HT_ASSERT_TRUE(order[count++] == item_of(node));
}

/* ---- trees that cache their leftmost node -------------------------------- */

HTEST(rb_cached_tree_keeps_leftmost_through_random_ops)
{
	struct rb_root_cached root = RB_ROOT_CACHED;
	unsigned int op;

	reset(0xcac4e);
	for (op = 0; op < MODEL_OPS / 2; op++) {
		struct rb_node *ret;

		if (nspare && (!nref || rng_below(100) < ((op / 2000) % 2 ? 35 : 65))) {
			struct item *it = get_item(rng_below(POOL), 0);
			bool first = ref_search(it->key, true) == 0;

			ret = rb_add_cached(&it->node, &root, item_less);
			HT_EXPECT_EQ(ret, first ? &it->node : NULL);
			ref_insert(it);
		} else {
			unsigned int at = rng_below(nref);
			struct item *it = ref[at];

			ret = rb_erase_cached(&it->node, &root);
			ref_remove_at(at);
			put_item(it);
			HT_EXPECT_EQ(ret, !at && nref ? &ref[0]->node : NULL);
		}
		HT_ASSERT_TRUE(tree_ok(&root.rb_root));
		HT_ASSERT_EQ(rb_first_cached(&root), rb_first(&root.rb_root));
	}
}

/* ---- rb_add, rb_find, rb_find_first ----------------------------------- */

static int key_cmp(const void *key, const struct rb_node *node)
{
	unsigned long k = *(const unsigned long *)key, nk = item_of(node)->key;

	return k < nk ? -1 : k > nk;
}

#define FIND_KEYS	100
#define FIND_ITEMS	400

HTEST(rb_find_and_find_first_locate_keys_among_equals)
{
	struct rb_root root = RB_ROOT;
	unsigned long k;
	unsigned int i;

	reset(6);
	/* Even keys below 2 * FIND_KEYS, most of them drawn several times. */
	for (i = 0; i < FIND_ITEMS; i++) {
		struct item *it = get_item(2 * rng_below(FIND_KEYS), 0);

		rb_add(&it->node, &root, item_less);
		ref_insert(it);
	}
	HT_ASSERT_TRUE(tree_ok(&root));
	for (k = 0; k <= 2 * FIND_KEYS; k++) {
		unsigned int at = ref_search(k, false);
		bool present = at < nref && ref[at]->key == k;
		struct rb_node *any = rb_find(&k, &root, key_cmp);
		struct rb_node *first = rb_find_first(&k, &root, key_cmp);

		if (!present) {
			HT_EXPECT_EQ(any, NULL);
			HT_EXPECT_EQ(first, NULL);
			continue;
		}
		HT_ASSERT_TRUE(any != NULL);
		HT_EXPECT_EQ(item_of(any)->key, k);
		/* The first in order, which rb_add made the earliest added. */
		HT_EXPECT_EQ(first, &ref[at]->node);
	}
}

/* ---- augmented trees: the largest size in every subtree ----------------- */

static unsigned long item_size(const struct item *it)
{
	return it->size;
}

RB_DECLARE_CALLBACKS_MAX(static, item_augment, struct item, node, unsigned long,
			 subtree_max, item_size)

/* The real largest size under @node (0: none); *@bad: the first wrong node. */
static unsigned long real_max(const struct rb_node *node, const struct item **bad)
{
	const struct item *it;
	unsigned long m;

	if (!node)
		return 0;
	it = item_of(node);
	m = max(it->size, max(real_max(node->rb_left, bad), real_max(node->rb_right, bad)));
	if (it->subtree_max != m && !*bad)
		*bad = it;
	return m;
}

static bool augment_ok_at(const struct rb_root *root, const char *file, int line)
{
	const struct item *bad = NULL;

	real_max(root->rb_node, &bad);
	if (!bad)
		return true;
	htest_fail(file, line, "subtree_max %lu at key %lu is not its subtree's largest size",
		   bad->subtree_max, bad->key);
	return false;
}
#define augment_ok(root)	augment_ok_at(root, __FILE__, __LINE__)

/*
 * Insertion as the augmented interface asks: each node passed on the way
 * down counts the new size in its subtree_max before the new leaf is linked.
 */
static void insert_augmented(struct rb_root_cached *root, struct item *it)
{
	struct rb_node **link = &root->rb_root.rb_node, *parent = NULL;
	bool leftmost = true;

	it->subtree_max = it->size;
	while (*link) {
		struct item *p = item_of(*link);

		parent = *link;
		p->subtree_max = max(p->subtree_max, it->size);
		leftmost &= it->key < p->key;
		link = it->key < p->key ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&it->node, parent, link);
	rb_insert_augmented_cached(&it->node, root, leftmost, &item_augment);
	ref_insert(it);
}

static void erase_augmented_at(struct rb_root_cached *root, unsigned int at)
{
	struct item *it = ref[at];

	rb_erase_augmented_cached(&it->node, root, &item_augment);
	ref_remove_at(at);
	put_item(it);
}

/* Sizes from 1 to 2^16 + 7, most of them small, as free blocks tend to be. */
static unsigned long random_size(void)
{
	return (1UL << rng_below(17)) + rng_below(8);
}

#define AUG_OPS	30000

/*
 * Random insertions, erasures and in-place size changes (followed by the
 * callbacks' propagate(), as a user that resizes a node must call it);
 * every subtree_max is checked after each one.
 */
HTEST(rb_augmented_subtree_max_is_exact_after_every_op)
{
	struct rb_root_cached root = RB_ROOT_CACHED;
	unsigned int op;

	reset(0xa0a0);
	for (op = 0; op < AUG_OPS; op++) {
		unsigned int r = rng_below(100), grow = (op / 3000) % 2 ? 30 : 70;

		if (nspare && (!nref || r < grow)) {
			insert_augmented(&root, get_item(rng_below(1UL << 30), random_size()));
		} else if (r % 8 == 0) {
			struct item *it = ref[rng_below(nref)];

			it->size = random_size();
			item_augment_propagate(&it->node, NULL);
		} else {
			erase_augmented_at(&root, rng_below(nref));
		}
		HT_ASSERT_TRUE(tree_ok(&root.rb_root));
		HT_ASSERT_TRUE(augment_ok(&root.rb_root));
		HT_ASSERT_EQ(rb_first_cached(&root), nref ? &ref[0]->node : NULL);
	}
}

/*
 * The item with the lowest key whose size is at least @size, as vmalloc
 * finds the lowest free block that fits: go left while the left subtree
 * holds a fit, else take this node if it fits, else go right. One level
 * down per step, so *@steps never exceeds the height.
 */
static struct item *lowest_fit(const struct rb_root *root, unsigned long size,
			       unsigned int *steps)
{
	struct rb_node *node = root->rb_node;

	*steps = 0;
	while (node) {
		struct item *it = item_of(node);

		(*steps)++;
		if (node->rb_left && item_of(node->rb_left)->subtree_max >= size)
			node = node->rb_left;
		else if (it->size >= size)
			return it;
		else
			node = node->rb_right;
	}
	return NULL;
}

/* The same by a linear scan of the reference; *@scanned: items looked at. */
static struct item *lowest_fit_scan(unsigned long size, unsigned int *scanned)
{
	unsigned int i;

	for (i = 0; i < nref; i++)
		if (ref[i]->size >= size)
			break;
	*scanned = i + 1;
	return i < nref ? ref[i] : NULL;
}

/* 2 log2(n + 1) rounded up: the most nodes on any red-black tree's path. */
static unsigned int height_bound(unsigned int n)
{
	unsigned int bits = 0;

	while ((1UL << bits) < n + 1UL)
		bits++;
	return 2 * bits;
}

/* Every query size, on the tree as it is now; returns the longest scan. */
static unsigned int check_lowest_fits(const struct rb_root *root)
{
	unsigned int k, steps, scanned, longest = 0;

	for (k = 0; k <= 18; k++) {
		unsigned long size = (1UL << k) + (k & 1);
		struct item *fit = lowest_fit(root, size, &steps);

		HT_EXPECT_EQ(fit, lowest_fit_scan(size, &scanned));
		HT_EXPECT_LE(steps, height_bound(nref));
		longest = max(longest, scanned);
	}
	return longest;
}

HTEST(rb_augmented_lowest_fit_is_logarithmic_and_matches_scan)
{
	struct rb_root_cached root = RB_ROOT_CACHED;
	unsigned int i, longest = 0;

	reset(0xf17);
	for (i = 0; i < POOL; i++) {
		insert_augmented(&root, get_item(rng_below(1UL << 30), random_size()));
		if (i % 16 == 0)
			longest = max(longest, check_lowest_fits(&root.rb_root));
	}
	while (nref) {
		erase_augmented_at(&root, rng_below(nref));
		if (nref % 16 == 0)
			longest = max(longest, check_lowest_fits(&root.rb_root));
	}
	/* Some answers lay deep in the order, far past any path's length. */
	HT_EXPECT_GT(longest, 4 * height_bound(POOL));
}
