// SPDX-License-Identifier: GPL-2.0
/*
 * Red-black trees: balanced binary search trees whose nodes are embedded in
 * the caller's objects, with Linux's interface (include/linux/rbtree.h and
 * include/linux/rbtree_augmented.h). The caller walks down and links a new
 * leaf itself; this file rebalances after an insertion, unlinks and
 * rebalances on erasure, and walks the tree.
 *
 * The rules, which keep the height below 2 log2(n + 1):
 *   1. every node is red or black;
 *   2. the root is black;
 *   3. a red node has no red child;
 *   4. every path from a node down to an empty link (NULL) crosses the same
 *      number of black nodes, the node's black height.
 *
 * struct rb_node is word-aligned, so bit 0 of a node's address is free and
 * holds the node's own colour next to its parent pointer:
 *
 *	__rb_parent_color = (unsigned long)parent | colour	RB_RED 0, RB_BLACK 1
 *
 * The root's parent is NULL. rb_link_node() stores the bare parent, so a new
 * leaf is red: it keeps rule 4 and breaks at most rule 3 (or rule 2).
 *
 * Left and right are mirror images in every case below, so a side is an
 * index (LEFT 0, RIGHT 1; child() maps it to the field) and each case is
 * written once for both.
 *
 * Insertion (insert_fixup): while the new red node has a red parent, a red
 * uncle means recolouring (parent and uncle black, grandparent red) and
 * looking again two levels up; a black uncle ends it with one rotation, or
 * two when the node is an inner grandchild.
 *
 * Erasure: a node with two children first trades places with its successor
 * (erase_two_children), so the position emptied always had at most one
 * child. Emptying a red position, or a black one whose only child is red
 * (that child turns black), keeps rule 4; emptying a black leaf leaves one
 * side of its parent a black short, which erase_fixup repairs climbing up,
 * with at most three rotations.
 *
 * Augmented trees keep in each node a value computed from its subtree. The
 * callbacks (struct rb_augment_callbacks) keep every value exact:
 *   - rotate(old, new) after each rotation, once the links are final: @new
 *     now roots the subtree @old rooted, so it takes @old's value, and @old
 *     is recomputed from its new children;
 *   - copy(node, successor) when the successor takes an erased node's place:
 *     it starts from the erased node's value, so that propagate() can stop
 *     early above it;
 *   - propagate(from, stop) once erasure has unlinked, from the lowest node
 *     whose subtree lost something up to (not including) @stop.
 * Recolouring changes no subtree and calls nothing. Before an insertion the
 * caller has already counted the new leaf in the values on its path.
 *
 * The plain and the augmented entry points share one body for insertion and
 * one for erasure, forced inline: with the no-op callbacks of no_augment the
 * compiler removes the calls, so plain trees pay nothing for augmentation.
 *
 * Locking: none; the owner of a tree serialises every access to it.
 */
#include <linux/rbtree_augmented.h>

#define LEFT	0
#define RIGHT	1

typedef void (*rotate_fn)(struct rb_node *old, struct rb_node *new);

static inline struct rb_node **child(struct rb_node *node, int side)
{
	return side == RIGHT ? &node->rb_right : &node->rb_left;
}

/* The side of @parent that holds @node; NULL is found on an empty side. */
static inline int side_of(const struct rb_node *node, const struct rb_node *parent)
{
	return parent->rb_right == node ? RIGHT : LEFT;
}

/* Empty links count as black (rule 4 counts them so). */
static inline bool is_red(const struct rb_node *node)
{
	return node && rb_is_red(node);
}

static inline void set_parent(struct rb_node *node, struct rb_node *parent)
{
	node->__rb_parent_color = (unsigned long)parent | rb_color(node);
}

static inline void set_color(struct rb_node *node, unsigned long color)
{
	node->__rb_parent_color = (unsigned long)rb_parent(node) | color;
}

/* Make the link that held @old (under @parent, or the root) hold @new. */
static inline void change_child(struct rb_node *old, struct rb_node *new,
				struct rb_node *parent, struct rb_root *root)
{
	if (parent)
		*child(parent, side_of(old, parent)) = new;
	else
		root->rb_node = new;
}

/*
 * Rotate @top down to its @side; its child on the other side, the pivot,
 * takes its place, and the pivot's inner subtree crosses over to @top.
 * Colours stay with their nodes.
 *
 *	    top                     pivot		(side LEFT)
 *	   /   \                   /     \
 *	  a    pivot      =>     top      c
 *	       /   \            /   \
 *	    inner   c          a   inner
 */
static __always_inline void rotate(struct rb_node *top, int side,
				   struct rb_root *root, rotate_fn augment_rotate)
{
	struct rb_node *parent = rb_parent(top);
	struct rb_node *pivot = *child(top, !side);
	struct rb_node *inner = *child(pivot, side);

	*child(top, !side) = inner;
	if (inner)
		set_parent(inner, top);
	*child(pivot, side) = top;
	set_parent(top, pivot);
	set_parent(pivot, parent);
	change_child(top, pivot, parent, root);
	augment_rotate(top, pivot);
}

/*
 * Red @node, red @parent on @side of black @gparent, black uncle: rotate
 * @node up first if it is an inner grandchild, then @parent (by then the
 * outer one) over @gparent, and swap their colours.
 */
static __always_inline void insert_rotate(struct rb_node *node, struct rb_node *parent,
					  struct rb_node *gparent, int side,
					  struct rb_root *root, rotate_fn augment_rotate)
{
	if (node == *child(parent, !side)) {
		rotate(parent, side, root, augment_rotate);
		parent = node;
	}
	rotate(gparent, !side, root, augment_rotate);
	set_color(parent, RB_BLACK);
	set_color(gparent, RB_RED);
}

static __always_inline void insert_fixup(struct rb_node *node, struct rb_root *root,
					 rotate_fn augment_rotate)
{
	struct rb_node *parent, *gparent, *uncle;
	int side;

	for (;;) {
		parent = rb_parent(node);
		if (!parent) {
			set_color(node, RB_BLACK);
			return;
		}
		if (rb_is_black(parent))
			return;
		/* A red parent is not the root, so @gparent exists. */
		gparent = rb_parent(parent);
		side = side_of(parent, gparent);
		uncle = *child(gparent, !side);
		if (!is_red(uncle))
			break;
		set_color(parent, RB_BLACK);
		set_color(uncle, RB_BLACK);
		set_color(gparent, RB_RED);
		node = gparent;
	}
	insert_rotate(node, parent, gparent, side, root, augment_rotate);
}

/*
 * The paths through @parent's side that holds NULL are a black short.
 * Climb until a red node can be blackened or rotations give the short side
 * a black from its sibling's.
 */
static __always_inline void erase_fixup(struct rb_node *parent, struct rb_root *root,
					rotate_fn augment_rotate)
{
	struct rb_node *node = NULL, *sibling, *far;
	int side;

	for (;;) {
		side = side_of(node, parent);
		sibling = *child(parent, !side);	/* black height >= 1: not NULL */
		if (rb_is_red(sibling)) {
			/* Make the sibling black: rotate the red one above @parent. */
			rotate(parent, side, root, augment_rotate);
			set_color(sibling, RB_BLACK);
			set_color(parent, RB_RED);
			sibling = *child(parent, !side);
		}
		far = *child(sibling, !side);
		if (is_red(far) || is_red(*child(sibling, side)))
			break;
		/* Black sibling, black nephews: shorten the sibling's side too. */
		set_color(sibling, RB_RED);
		if (rb_is_red(parent)) {
			set_color(parent, RB_BLACK);
			return;
		}
		node = parent;
		parent = rb_parent(node);
		if (!parent)
			return;
	}
	if (!is_red(far)) {
		/* Only the near nephew is red: rotate it up to be the sibling. */
		rotate(sibling, !side, root, augment_rotate);
		far = sibling;
		sibling = *child(parent, !side);
	}
	/* The sibling takes @parent's place and colour; both below it turn black. */
	rotate(parent, side, root, augment_rotate);
	set_color(sibling, rb_color(parent));
	set_color(parent, RB_BLACK);
	set_color(far, RB_BLACK);
}

/*
 * @node has two children: its successor (the leftmost node on its right,
 * which has no left child) takes its place and colour, and the position
 * emptied is the successor's old one, taken by its right child @x if any.
 *
 *	   node                   succ
 *	  /    \                 /    \
 *	 a      b               a      b
 *	       /      =>              /
 *	     ...                    ...
 *	     /                      /
 *	  succ                     x
 *	      \
 *	       x
 *
 * Returns as erase_unlink().
 */
static __always_inline struct rb_node *
erase_two_children(struct rb_node *node, struct rb_root *root,
		   const struct rb_augment_callbacks *augment)
{
	struct rb_node *succ = node->rb_right, *hole_parent, *x;
	bool succ_black;

	while (succ->rb_left)
		succ = succ->rb_left;
	x = succ->rb_right;
	if (succ == node->rb_right) {
		hole_parent = succ;
	} else {
		hole_parent = rb_parent(succ);
		hole_parent->rb_left = x;
		if (x)
			set_parent(x, hole_parent);
		succ->rb_right = node->rb_right;
		set_parent(succ->rb_right, succ);
		augment->propagate(hole_parent, succ);
	}
	succ->rb_left = node->rb_left;
	set_parent(succ->rb_left, succ);
	change_child(node, succ, rb_parent(node), root);
	succ_black = rb_is_black(succ);
	succ->__rb_parent_color = node->__rb_parent_color;
	augment->copy(node, succ);
	augment->propagate(succ, NULL);
	if (x) {
		/* The successor was black and @x a red leaf (rules 3, 4). */
		set_color(x, RB_BLACK);
		return NULL;
	}
	return succ_black ? hole_parent : NULL;
}

/*
 * Unlink @node and bring the augmented values up to date. Returns the
 * parent whose emptied side is a black short, or NULL if the colours
 * already keep the rules.
 */
static __always_inline struct rb_node *
erase_unlink(struct rb_node *node, struct rb_root *root,
	     const struct rb_augment_callbacks *augment)
{
	struct rb_node *parent = rb_parent(node), *only;

	if (node->rb_left && node->rb_right)
		return erase_two_children(node, root, augment);
	only = node->rb_left ? node->rb_left : node->rb_right;
	change_child(node, only, parent, root);
	augment->propagate(parent, NULL);
	if (only) {
		/* @node was black and @only a red leaf: it takes @node's place. */
		only->__rb_parent_color = node->__rb_parent_color;
		return NULL;
	}
	return rb_is_black(node) ? parent : NULL;
}

static __always_inline void erase(struct rb_node *node, struct rb_root *root,
				  const struct rb_augment_callbacks *augment)
{
	struct rb_node *short_parent = erase_unlink(node, root, augment);

	if (short_parent)
		erase_fixup(short_parent, root, augment->rotate);
}

static void no_propagate(struct rb_node *node, struct rb_node *stop)
{
}

static void no_move(struct rb_node *old, struct rb_node *new)
{
}

static const struct rb_augment_callbacks no_augment = {
	.propagate = no_propagate,
	.copy = no_move,
	.rotate = no_move,
};

void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	insert_fixup(node, root, no_move);
}

void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment)
{
	insert_fixup(node, root, augment->rotate);
}

void rb_erase(struct rb_node *node, struct rb_root *root)
{
	erase(node, root, &no_augment);
}

void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment)
{
	erase(node, root, augment);
}

void rb_replace_node(struct rb_node *victim, struct rb_node *new,
		     struct rb_root *root)
{
	*new = *victim;
	if (new->rb_left)
		set_parent(new->rb_left, new);
	if (new->rb_right)
		set_parent(new->rb_right, new);
	change_child(victim, new, rb_parent(victim), root);
}

/* ---- iteration ---------------------------------------------------------- */

/* The last node met going down from @node always to @side. */
static struct rb_node *outermost(struct rb_node *node, int side)
{
	while (*child(node, side))
		node = *child(node, side);
	return node;
}

struct rb_node *rb_first(const struct rb_root *root)
{
	return root->rb_node ? outermost(root->rb_node, LEFT) : NULL;
}

struct rb_node *rb_last(const struct rb_root *root)
{
	return root->rb_node ? outermost(root->rb_node, RIGHT) : NULL;
}

/*
 * The in-order neighbour of @node toward @side (RIGHT: the next node): the
 * nearest node of the subtree on that side, or else the first ancestor
 * reached from the other side.
 */
static struct rb_node *neighbour(const struct rb_node *node, int side)
{
	struct rb_node *n = (struct rb_node *)node, *parent;

	if (RB_EMPTY_NODE(n))
		return NULL;
	if (*child(n, side))
		return outermost(*child(n, side), !side);
	while ((parent = rb_parent(n)) && side_of(n, parent) == side)
		n = parent;
	return parent;
}

struct rb_node *rb_next(const struct rb_node *node)
{
	return neighbour(node, RIGHT);
}

struct rb_node *rb_prev(const struct rb_node *node)
{
	return neighbour(node, LEFT);
}

/* The first node in postorder under @node: down, left when possible, to a leaf. */
static struct rb_node *postorder_leaf(const struct rb_node *node)
{
	for (;;) {
		if (node->rb_left)
			node = node->rb_left;
		else if (node->rb_right)
			node = node->rb_right;
		else
			return (struct rb_node *)node;
	}
}

struct rb_node *rb_first_postorder(const struct rb_root *root)
{
	return root->rb_node ? postorder_leaf(root->rb_node) : NULL;
}

/*
 * A left child is followed by its parent's right subtree, when there is
 * one; anything else by its parent.
 */
struct rb_node *rb_next_postorder(const struct rb_node *node)
{
	struct rb_node *parent;

	if (!node)
		return NULL;
	parent = rb_parent(node);
	if (parent && node == parent->rb_left && parent->rb_right)
		return postorder_leaf(parent->rb_right);
	return parent;
}
