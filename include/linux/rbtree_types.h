/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The red-black tree's structures, apart from its functions
 * (include/linux/rbtree.h), so that a header can embed a node or a root
 * without pulling in the rest. The design is described in lib/rbtree.c.
 */
#ifndef _LINUX_RBTREE_TYPES_H
#define _LINUX_RBTREE_TYPES_H

#include <linux/compiler.h>

/*
 * One node, embedded in the caller's object. __rb_parent_color holds the
 * parent's address with the node's colour in bit 0 (RB_RED 0, RB_BLACK 1);
 * the alignment keeps that bit free in every node's address. Bit 1 is
 * always clear. Only lib/rbtree.c and the rb_* helpers touch it.
 */
struct rb_node {
	unsigned long __rb_parent_color;
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __aligned(sizeof(long));

struct rb_root {
	struct rb_node *rb_node;
};

/*
 * A root that also remembers its leftmost (smallest) node, so rb_first_cached()
 * is a load. Only the leftmost is cached, as in Linux: the rightmost end
 * would cost every user a word for the benefit of few.
 */
struct rb_root_cached {
	struct rb_root rb_root;
	struct rb_node *rb_leftmost;
};

/* Empty trees; usable as initialisers, static ones included. */
#define RB_ROOT		(struct rb_root) { NULL }
#define RB_ROOT_CACHED	(struct rb_root_cached) { { NULL }, NULL }

#endif /* _LINUX_RBTREE_TYPES_H */
