/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Red-black trees (lib/rbtree.c) with Linux's interface and semantics: the
 * node is embedded in the caller's object, and the caller walks down and
 * links a new node itself, so its comparison is inlined and the tree never
 * allocates:
 *
 *	struct rb_node **link = &root->rb_node, *parent = NULL;
 *
 *	while (*link) {
 *		parent = *link;
 *		link = key < rb_entry(parent, struct thing, node)->key ?
 *		       &parent->rb_left : &parent->rb_right;
 *	}
 *	rb_link_node(&new->node, parent, link);
 *	rb_insert_color(&new->node, root);
 *
 * rb_add() and rb_find() write that loop around a less() or cmp() callback.
 * Augmented trees (per-subtree values) are in linux/rbtree_augmented.h.
 *
 * Nothing here locks: the owner of a tree serialises its writers with its
 * readers. Unlike Linux, no store is ordered for lockless lookups.
 */
#ifndef _LINUX_RBTREE_H
#define _LINUX_RBTREE_H

#include <linux/kernel.h>
#include <linux/rbtree_types.h>

/* The node's parent, NULL for the root; the colour bits are masked off. */
#define rb_parent(r)	((struct rb_node *)((r)->__rb_parent_color & ~3UL))

#define rb_entry(ptr, type, member)	container_of(ptr, type, member)

/* rb_entry() of a pointer that may be NULL, giving NULL. */
#define rb_entry_safe(ptr, type, member) ({				\
	__typeof__(ptr) ____ptr = (ptr);				\
	____ptr ? rb_entry(____ptr, type, member) : NULL;		\
})

#define RB_EMPTY_ROOT(root)	(READ_ONCE((root)->rb_node) == NULL)

/* A node that is in no tree is marked by being its own parent. */
#define RB_EMPTY_NODE(node)	((node)->__rb_parent_color == (unsigned long)(node))
#define RB_CLEAR_NODE(node)	((node)->__rb_parent_color = (unsigned long)(node))

/**
 * rb_link_node - hang a new node on an empty link
 * @node: the node, in no tree
 * @parent: the node that owns @rb_link, or NULL when @rb_link is the root's
 * @rb_link: &parent->rb_left or &parent->rb_right (or &root->rb_node), NULL
 *
 * The node starts as a red leaf. The tree is not balanced again until
 * rb_insert_color() (or rb_insert_augmented()) is called on @node.
 */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **rb_link)
{
	node->__rb_parent_color = (unsigned long)parent;
	node->rb_left = NULL;
	node->rb_right = NULL;
	*rb_link = node;
}

/**
 * rb_insert_color - rebalance after rb_link_node()
 * @node: the node just linked
 * @root: its tree
 *
 * Restores the red-black rules by recolouring, and at most two rotations,
 * in O(log n); the order of the nodes is unchanged. Context: any; the
 * caller serialises.
 */
void rb_insert_color(struct rb_node *node, struct rb_root *root);

/**
 * rb_erase - take a node out of its tree
 * @node: a node of @root
 * @root: the tree
 *
 * O(log n). @node's fields are left as they were: RB_CLEAR_NODE() it if it
 * must later be recognised as out of any tree. Context: any.
 */
void rb_erase(struct rb_node *node, struct rb_root *root);

/**
 * rb_replace_node - put a new node in the place of an old one
 * @victim: a node of @root
 * @new: a node in no tree, that sorts exactly where @victim does
 * @root: the tree
 *
 * O(1), no rebalancing: @new takes @victim's parent, children and colour.
 * @victim is left as it was and is no longer part of the tree.
 */
void rb_replace_node(struct rb_node *victim, struct rb_node *new,
		     struct rb_root *root);

/*
 * In-order iteration: the smallest and largest nodes of a tree, and the
 * nodes after and before a node, or NULL past either end (and for a node
 * that RB_EMPTY_NODE() says is in no tree). O(log n) each, O(1) amortised
 * over a whole walk. Context: any; the tree must not change meanwhile.
 */
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);

/*
 * Postorder iteration: children before their parent, the root last. The
 * successor of a node depends only on its parent and its parent's
 * children, so the caller may free each node once it has asked for the
 * next one; that is how a whole tree is torn down without rebalancing.
 */
struct rb_node *rb_first_postorder(const struct rb_root *root);
struct rb_node *rb_next_postorder(const struct rb_node *node);

/**
 * rbtree_postorder_for_each_entry_safe - postorder walk that allows freeing
 * @pos: the current entry (a pointer to the containing type)
 * @n: the next entry, found before the body runs
 * @root: the struct rb_root *
 * @field: the name of the struct rb_node within the containing type
 *
 * The body may free @pos, but must not erase anything: the tree is not
 * rebalanced, so it is for tearing a tree down whole.
 */
#define rbtree_postorder_for_each_entry_safe(pos, n, root, field)		\
	for (pos = rb_entry_safe(rb_first_postorder(root), __typeof__(*pos), field); \
	     pos && ({ n = rb_entry_safe(rb_next_postorder(&pos->field),	\
					 __typeof__(*pos), field); 1; });	\
	     pos = n)

/* ---- trees that cache their leftmost node ------------------------------ */

/* rb_first_cached - the smallest node of a cached tree, in O(1). */
#define rb_first_cached(root)	((root)->rb_leftmost)

/**
 * rb_insert_color_cached - rb_insert_color() for a cached tree
 * @node: the node just linked
 * @root: its tree
 * @leftmost: true when the walk down only ever went left, i.e. @node is
 *            the new smallest node
 */
static inline void rb_insert_color_cached(struct rb_node *node,
					  struct rb_root_cached *root,
					  bool leftmost)
{
	if (leftmost)
		root->rb_leftmost = node;
	rb_insert_color(node, &root->rb_root);
}

/*
 * Before @node leaves @root: when it is the cached leftmost, move the cache
 * to its successor and return that; otherwise return NULL.
 */
static inline struct rb_node *__rb_leftmost_skip(struct rb_node *node,
						 struct rb_root_cached *root)
{
	if (root->rb_leftmost != node)
		return NULL;
	root->rb_leftmost = rb_next(node);
	return root->rb_leftmost;
}

/**
 * rb_erase_cached - rb_erase() for a cached tree
 * @node: a node of @root
 * @root: the tree
 *
 * Returns the new leftmost node when @node was the leftmost, else NULL (as
 * in Linux, so a caller can update what depends on the smallest node).
 */
static inline struct rb_node *rb_erase_cached(struct rb_node *node,
					      struct rb_root_cached *root)
{
	struct rb_node *leftmost = __rb_leftmost_skip(node, root);

	rb_erase(node, &root->rb_root);
	return leftmost;
}

/* ---- insertion and lookup around a callback ---------------------------- */

/*
 * The callbacks relate as Linux's do, for nodes a and b and a's key k:
 *
 *	cmp(k, b) < 0  <=>  less(a, b)
 *	cmp(k, b) > 0  <=>  less(b, a)
 *	cmp(k, b) == 0 <=>  neither
 *
 * Nodes that compare equal are kept in the order they were added.
 */

/*
 * The empty link where @node belongs: after every node it is not less than.
 * *@parent receives the link's owner (NULL for the root); *@leftmost says
 * whether the walk only went left.
 */
static __always_inline struct rb_node **
__rb_add_link(struct rb_node *node, struct rb_root *tree,
	      bool (*less)(struct rb_node *, const struct rb_node *),
	      struct rb_node **parent, bool *leftmost)
{
	struct rb_node **link = &tree->rb_node;

	*parent = NULL;
	*leftmost = true;
	while (*link) {
		*parent = *link;
		if (less(node, *parent)) {
			link = &(*parent)->rb_left;
		} else {
			link = &(*parent)->rb_right;
			*leftmost = false;
		}
	}
	return link;
}

/**
 * rb_add - insert a node in the order given by a callback
 * @node: the node, in no tree
 * @tree: the tree
 * @less: true when its first node sorts before its second
 *
 * O(log n) calls of @less. Context: any; the caller serialises.
 */
static __always_inline void
rb_add(struct rb_node *node, struct rb_root *tree,
       bool (*less)(struct rb_node *, const struct rb_node *))
{
	struct rb_node *parent, **link;
	bool leftmost;

	link = __rb_add_link(node, tree, less, &parent, &leftmost);
	rb_link_node(node, parent, link);
	rb_insert_color(node, tree);
}

/**
 * rb_add_cached - rb_add() for a cached tree
 * @node: the node, in no tree
 * @tree: the tree
 * @less: true when its first node sorts before its second
 *
 * Returns @node when it became the leftmost node, else NULL.
 */
static __always_inline struct rb_node *
rb_add_cached(struct rb_node *node, struct rb_root_cached *tree,
	      bool (*less)(struct rb_node *, const struct rb_node *))
{
	struct rb_node *parent, **link;
	bool leftmost;

	link = __rb_add_link(node, &tree->rb_root, less, &parent, &leftmost);
	rb_link_node(node, parent, link);
	rb_insert_color_cached(node, tree, leftmost);
	return leftmost ? node : NULL;
}

/**
 * rb_find - find a node that matches a key
 * @key: what to look for, passed to @cmp
 * @tree: the tree
 * @cmp: <0, 0 or >0 as @key sorts before, with or after the node
 *
 * Returns a matching node, any one of several, or NULL. O(log n).
 */
static __always_inline struct rb_node *
rb_find(const void *key, const struct rb_root *tree,
	int (*cmp)(const void *key, const struct rb_node *))
{
	struct rb_node *node = tree->rb_node;

	while (node) {
		int c = cmp(key, node);

		if (!c)
			return node;
		node = c < 0 ? node->rb_left : node->rb_right;
	}
	return NULL;
}

/**
 * rb_find_first - find the first (leftmost) node that matches a key
 * @key: what to look for, passed to @cmp
 * @tree: the tree
 * @cmp: <0, 0 or >0 as @key sorts before, with or after the node
 *
 * Returns the matching node that comes first in order, or NULL. Always
 * walks down to a leaf: O(log n).
 */
static __always_inline struct rb_node *
rb_find_first(const void *key, const struct rb_root *tree,
	      int (*cmp)(const void *key, const struct rb_node *))
{
	struct rb_node *node = tree->rb_node, *match = NULL;

	while (node) {
		int c = cmp(key, node);

		if (c <= 0) {
			if (!c)
				match = node;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return match;
}

#endif /* _LINUX_RBTREE_H */
