/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Augmented red-black trees: every node keeps a value computed from its
 * whole subtree (vmalloc's free-area tree keeps the largest free block
 * below each node, subtree_max_size), and the tree keeps those values exact
 * through its rotations by calling back into the user. Linux's interface;
 * the design, and when each callback runs, is described in lib/rbtree.c.
 *
 * Insertion: walk down as for a plain tree, updating the value of every
 * node passed (the new node will be below it), give the new node its own
 * value, rb_link_node(), then rb_insert_augmented(). Erasure:
 * rb_erase_augmented(). A node whose own contribution changes in place
 * calls the callbacks' propagate(node, NULL).
 */
#ifndef _LINUX_RBTREE_AUGMENTED_H
#define _LINUX_RBTREE_AUGMENTED_H

#include <linux/rbtree.h>

/*
 * @propagate: recompute the value of @node and of its ancestors, stopping
 *             before @stop (NULL: through the root) or as soon as a value
 *             comes out unchanged
 * @copy:      @new takes @old's place in the tree: copy @old's value
 * @rotate:    @new has been rotated into @old's place, above it: @new takes
 *             @old's value, and @old's is recomputed from its new children
 */
struct rb_augment_callbacks {
	void (*propagate)(struct rb_node *node, struct rb_node *stop);
	void (*copy)(struct rb_node *old, struct rb_node *new);
	void (*rotate)(struct rb_node *old, struct rb_node *new);
};

/* Colours, as packed in bit 0 of __rb_parent_color (lib/rbtree.c). */
#define RB_RED		0UL
#define RB_BLACK	1UL

#define rb_color(rb)	((rb)->__rb_parent_color & 1UL)
#define rb_is_red(rb)	(rb_color(rb) == RB_RED)
#define rb_is_black(rb)	(rb_color(rb) == RB_BLACK)

/**
 * rb_insert_augmented - rb_insert_color() for an augmented tree
 * @node: the node just linked, with the values on its path already updated
 * @root: its tree
 * @augment: the tree's callbacks; only @augment->rotate is called
 */
void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment);

/**
 * rb_erase_augmented - rb_erase() for an augmented tree
 * @node: a node of @root
 * @root: the tree
 * @augment: the tree's callbacks
 *
 * Every value in the tree is exact again on return.
 */
void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment);

/* rb_insert_augmented() for a cached tree; @newleft as in rb_insert_color_cached(). */
static inline void rb_insert_augmented_cached(struct rb_node *node,
					      struct rb_root_cached *root, bool newleft,
					      const struct rb_augment_callbacks *augment)
{
	if (newleft)
		root->rb_leftmost = node;
	rb_insert_augmented(node, &root->rb_root, augment);
}

/* rb_erase_augmented() for a cached tree. */
static inline void rb_erase_augmented_cached(struct rb_node *node,
					     struct rb_root_cached *root,
					     const struct rb_augment_callbacks *augment)
{
	__rb_leftmost_skip(node, root);
	rb_erase_augmented(node, &root->rb_root, augment);
}

/**
 * RB_DECLARE_CALLBACKS - define the callbacks of an augmented tree
 * @RBSTATIC: `static`, or empty for a definition other files may use
 * @RBNAME: the name of the struct rb_augment_callbacks defined; its
 *          functions are RBNAME_propagate, RBNAME_copy and RBNAME_rotate
 * @RBSTRUCT: the type of the tree's entries (`struct vmap_area`)
 * @RBFIELD: the name of the struct rb_node in @RBSTRUCT
 * @RBAUGMENTED: the name of the field that holds the subtree's value
 * @RBCOMPUTE: bool RBCOMPUTE(RBSTRUCT *node, bool exit) recomputes
 *             node->RBAUGMENTED from the node and its children's values;
 *             with @exit it returns true, and writes nothing, when the
 *             value is unchanged (the ancestors then need nothing either)
 */
#define RB_DECLARE_CALLBACKS(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD,		\
			     RBAUGMENTED, RBCOMPUTE)				\
static inline void RBNAME##_propagate(struct rb_node *rb, struct rb_node *stop) \
{										\
	for (; rb != stop; rb = rb_parent(rb))					\
		if (RBCOMPUTE(rb_entry(rb, RBSTRUCT, RBFIELD), true))		\
			break;							\
}										\
static inline void RBNAME##_copy(struct rb_node *rb_old, struct rb_node *rb_new) \
{										\
	rb_entry(rb_new, RBSTRUCT, RBFIELD)->RBAUGMENTED =			\
		rb_entry(rb_old, RBSTRUCT, RBFIELD)->RBAUGMENTED;		\
}										\
static inline void RBNAME##_rotate(struct rb_node *rb_old, struct rb_node *rb_new) \
{										\
	RBNAME##_copy(rb_old, rb_new);						\
	RBCOMPUTE(rb_entry(rb_old, RBSTRUCT, RBFIELD), false);			\
}										\
RBSTATIC const struct rb_augment_callbacks RBNAME = {				\
	.propagate = RBNAME##_propagate,					\
	.copy = RBNAME##_copy,							\
	.rotate = RBNAME##_rotate,						\
};

/**
 * RB_DECLARE_CALLBACKS_MAX - callbacks keeping the maximum over each subtree
 * @RBSTATIC, @RBNAME, @RBSTRUCT, @RBFIELD: as for RB_DECLARE_CALLBACKS()
 * @RBTYPE: the type of the values
 * @RBAUGMENTED: the field of @RBSTRUCT that holds the subtree's maximum
 * @RBCOMPUTE: RBTYPE RBCOMPUTE(RBSTRUCT *node), the node's own value
 *
 * node->RBAUGMENTED is the largest RBCOMPUTE() over the node's subtree.
 * Also defines bool RBNAME_compute_max(RBSTRUCT *node, bool exit), the
 * RBCOMPUTE of RB_DECLARE_CALLBACKS().
 */
#define RB_DECLARE_CALLBACKS_MAX(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD,		\
				 RBTYPE, RBAUGMENTED, RBCOMPUTE)		\
static inline RBTYPE RBNAME##_max_with(const struct rb_node *child, RBTYPE max) \
{										\
	if (child && rb_entry(child, RBSTRUCT, RBFIELD)->RBAUGMENTED > max)	\
		return rb_entry(child, RBSTRUCT, RBFIELD)->RBAUGMENTED;	\
	return max;								\
}										\
static inline bool RBNAME##_compute_max(RBSTRUCT *node, bool exit)		\
{										\
	RBTYPE max = RBCOMPUTE(node);						\
										\
	max = RBNAME##_max_with(node->RBFIELD.rb_left, max);			\
	max = RBNAME##_max_with(node->RBFIELD.rb_right, max);			\
	if (exit && node->RBAUGMENTED == max)					\
		return true;							\
	node->RBAUGMENTED = max;						\
	return false;								\
}										\
RB_DECLARE_CALLBACKS(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD, RBAUGMENTED,		\
		     RBNAME##_compute_max)

#endif /* _LINUX_RBTREE_AUGMENTED_H */
