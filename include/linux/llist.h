/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Lock-less singly linked lists, Linux's llist: any number of producers
 * push with llist_add() (a cmpxchg loop), from any context, interrupts
 * included; a consumer takes the whole list at once with llist_del_all()
 * (an xchg) and walks it privately. Nodes come back newest first.
 */
#ifndef _LINUX_LLIST_H
#define _LINUX_LLIST_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/atomic.h>

struct llist_node {
	struct llist_node *next;
};

struct llist_head {
	struct llist_node *first;
};

#define LLIST_HEAD_INIT(name)	{ NULL }
#define LLIST_HEAD(name)	struct llist_head name = LLIST_HEAD_INIT(name)

#define llist_entry(ptr, type, member)	container_of(ptr, type, member)

/* Walk from @node, @pos may be freed on the way (@n holds the next). */
#define llist_for_each_safe(pos, n, node)					\
	for ((pos) = (node); (pos) && ((n) = (pos)->next, true); (pos) = (n))

static inline bool llist_empty(const struct llist_head *head)
{
	return READ_ONCE(head->first) == NULL;
}

/* Push @new. Return: whether the list was empty. */
static inline bool llist_add(struct llist_node *new, struct llist_head *head)
{
	struct llist_node *first = READ_ONCE(head->first);

	do {
		new->next = first;
	} while (!try_cmpxchg(&head->first, &first, new));
	return !first;
}

/* Take every node; the list is empty after. */
static inline struct llist_node *llist_del_all(struct llist_head *head)
{
	return xchg(&head->first, NULL);
}

#endif /* _LINUX_LLIST_H */
