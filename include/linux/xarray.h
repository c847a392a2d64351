/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The XArray (lib/xarray.c): an array of pointers indexed by unsigned
 * long, as Linux's include/linux/xarray.h. Every index starts out NULL;
 * storing NULL erases. The page cache keeps an address_space's folios in
 * one (i_pages), tmpfs its swap entries, the VFS its inodes' data.
 *
 * Entries. What the array holds are tagged pointers, by their low two bits:
 *
 *   xx00  a pointer (4-byte aligned): the caller's
 *   xxx1  a value entry, xa_mk_value(v) = (v << 1) | 1: an integer up to
 *         LONG_MAX stored without memory of its own (shadow and swap entries)
 *   xx10  an internal entry, never handed to a caller of the normal API:
 *         a node of the tree (above 4096), a sibling of a multi-index
 *         entry (0 .. 62), XA_ZERO_ENTRY (257, a reserved slot that reads as
 *         NULL) or an errno (-MAX_ERRNO .. -1: the return of a failed store)
 *
 * Marks. Three bits per entry, XA_MARK_0 .. XA_MARK_2 (the page cache's
 * dirty, writeback and towrite), kept in every node for each slot and
 * summarised upwards, so a search for marked entries skips unmarked
 * subtrees. A mark belongs to an entry: erasing the entry clears it.
 *
 * Locking. Each xarray has a spinlock, xa_lock. The normal API (xa_*)
 * takes it itself, lookups included: this kernel has no RCU yet, so
 * xa_load() and xa_find() are made safe by the lock rather than by RCU.
 * The __xa_* functions and the whole advanced API (xas_*) expect the
 * caller to hold it. An xarray created with XA_FLAGS_LOCK_IRQ is one whose
 * users take the lock with interrupts off (xa_lock_irq()); the functions
 * that drop the lock to allocate then retake it the same way.
 *
 * Memory. Storing may need nodes of the tree. Under the lock they are
 * allocated GFP_NOWAIT; when that fails the store fails with -ENOMEM and
 * allocates nothing, and xas_nomem() (lock dropped) or __xas_nomem() (lock
 * held; dropped around the allocation when @gfp may sleep) allocate what
 * it needed with the caller's gfp before the retry:
 *
 *	do {
 *		xas_lock(&xas);
 *		xas_store(&xas, entry);
 *		xas_unlock(&xas);
 *	} while (xas_nomem(&xas, GFP_KERNEL));
 *
 * A failed store leaves the array exactly as it was.
 */
#ifndef _LINUX_XARRAY_H
#define _LINUX_XARRAY_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/bitops.h>
#include <linux/spinlock.h>

/* ---- entries ------------------------------------------------------------ */

/**
 * xa_mk_value() - an integer as an XArray entry
 * @v: 0 .. LONG_MAX
 * Return: an entry that xa_is_value() recognises and xa_to_value() decodes.
 */
static inline void *xa_mk_value(unsigned long v)
{
	WARN_ON((long)v < 0);
	return (void *)((v << 1) | 1);
}

/* xa_to_value() - the integer stored by xa_mk_value(). */
static inline unsigned long xa_to_value(const void *entry)
{
	return (unsigned long)entry >> 1;
}

/* xa_is_value() - whether @entry is a value entry rather than a pointer. */
static inline bool xa_is_value(const void *entry)
{
	return (unsigned long)entry & 1;
}

/* Pointers with a tag of 0, 1 or 3 in their low bits (2 is internal). */
static inline void *xa_tag_pointer(void *p, unsigned long tag)
{
	return (void *)((unsigned long)p | tag);
}

static inline void *xa_untag_pointer(void *entry)
{
	return (void *)((unsigned long)entry & ~3UL);
}

static inline unsigned int xa_pointer_tag(void *entry)
{
	return (unsigned long)entry & 3UL;
}

/* Internal entries: the tree's own (nodes, siblings, errors, zero). */
static inline void *xa_mk_internal(unsigned long v)
{
	return (void *)((v << 2) | 2);
}

static inline unsigned long xa_to_internal(const void *entry)
{
	return (unsigned long)entry >> 2;
}

static inline bool xa_is_internal(const void *entry)
{
	return ((unsigned long)entry & 3) == 2;
}

/* A reserved index: present to xa_insert(), NULL to xa_load(). */
#define XA_ZERO_ENTRY		xa_mk_internal(257)

static inline bool xa_is_zero(const void *entry)
{
	return unlikely(entry == XA_ZERO_ENTRY);
}

/**
 * xa_is_err() - whether a store returned an error rather than an entry
 * @entry: what xa_store(), xa_cmpxchg() ... returned
 * Return: true for xa_mk_internal(-MAX_ERRNO .. -1).
 */
static inline bool xa_is_err(const void *entry)
{
	return unlikely(xa_is_internal(entry) &&
			entry >= xa_mk_internal(-MAX_ERRNO));
}

/**
 * xa_err() - the errno inside an entry returned by a store
 * @entry: what xa_store(), xa_cmpxchg() ... returned
 * Return: -ENOMEM, -EINVAL ... or 0 when @entry is not an error.
 */
static inline int xa_err(void *entry)
{
	if (xa_is_err(entry))
		return (long)entry >> 2;
	return 0;
}

#define XA_ERROR(errno)		((struct xa_node *)(((unsigned long)(errno) << 2) | 2UL))

/* ---- the array ---------------------------------------------------------- */

typedef unsigned int xa_mark_t;
#define XA_MARK_0		((xa_mark_t)0U)
#define XA_MARK_1		((xa_mark_t)1U)
#define XA_MARK_2		((xa_mark_t)2U)
#define XA_PRESENT		((xa_mark_t)8U)	/* a filter: any entry */
#define XA_MARK_MAX		XA_MARK_2
#define XA_MAX_MARKS		3

/* xa_flags: the lock's kind, and the root's marks (a mark is set in the
 * root when some entry of the array carries it). */
#define XA_FLAGS_LOCK_IRQ	((gfp_t)1U)
#define XA_FLAGS_MARK_SHIFT	24
#define XA_FLAGS_MARK(mark)	((gfp_t)(1U << (XA_FLAGS_MARK_SHIFT + (mark))))

/**
 * struct xarray - the array
 * @xa_lock: protects everything below and every node of the tree
 * @xa_flags: XA_FLAGS_*: set at init; the mark bits change under @xa_lock
 * @xa_head: NULL when empty; the entry of index 0 when that is the only
 *	one (and of order 0); otherwise the root node, as an internal entry
 */
struct xarray {
	spinlock_t	xa_lock;
	gfp_t		xa_flags;
	void		*xa_head;
};

#define XARRAY_INIT(name, flags) {					\
	.xa_lock = __SPIN_LOCK_UNLOCKED(name.xa_lock),			\
	.xa_flags = flags,						\
	.xa_head = NULL,						\
}

#define DEFINE_XARRAY_FLAGS(name, flags)	struct xarray name = XARRAY_INIT(name, flags)
#define DEFINE_XARRAY(name)			DEFINE_XARRAY_FLAGS(name, 0)

/**
 * xa_init_flags() - initialise an empty array
 * @xa: the array
 * @flags: XA_FLAGS_LOCK_IRQ or 0
 * Context: any.
 */
#define xa_init_flags(xa, flags) do {					\
	struct xarray *__xa = (xa);					\
	spin_lock_init(&__xa->xa_lock);					\
	__xa->xa_flags = (flags);					\
	__xa->xa_head = NULL;						\
} while (0)

#define xa_init(xa)	xa_init_flags(xa, 0)

/* xa_empty() - whether the array holds no entry (reserved ones count). */
static inline bool xa_empty(const struct xarray *xa)
{
	return xa->xa_head == NULL;
}

/* xa_marked() - whether any entry of the array has @mark set. */
static inline bool xa_marked(const struct xarray *xa, xa_mark_t mark)
{
	return xa->xa_flags & XA_FLAGS_MARK(mark);
}

#define xa_lock(xa)		spin_lock(&(xa)->xa_lock)
#define xa_unlock(xa)		spin_unlock(&(xa)->xa_lock)
#define xa_trylock(xa)		spin_trylock(&(xa)->xa_lock)
#define xa_lock_irqsave(xa, flags)	spin_lock_irqsave(&(xa)->xa_lock, flags)
#define xa_unlock_irqrestore(xa, flags)	spin_unlock_irqrestore(&(xa)->xa_lock, flags)
/* Interrupts off while held, and on again after: for process context. */
#define xa_lock_irq(xa) do {						\
	unsigned long __xa_irqflags;					\
	local_irq_save(__xa_irqflags);					\
	(void)__xa_irqflags;						\
	spin_lock(&(xa)->xa_lock);					\
} while (0)
#define xa_unlock_irq(xa) do {						\
	spin_unlock(&(xa)->xa_lock);					\
	local_irq_enable();						\
} while (0)

/* ---- the normal API: each call takes xa_lock ---------------------------- */

/**
 * xa_load() - the entry at @index
 * @xa: the array
 * @index: any index
 * Return: the entry, or NULL (also for a reserved index).
 * Context: takes and releases xa_lock.
 */
void *xa_load(struct xarray *xa, unsigned long index);

/**
 * xa_store() - store @entry at @index
 * @xa: the array
 * @index: any index
 * @entry: a pointer or value entry; NULL erases
 * @gfp: for the nodes the store may need
 * Storing into any index of a multi-index entry replaces the whole entry
 * (NULL: erases all of it); marks stay with the index.
 * Return: the entry that was there (NULL if none), or xa_mk_internal(-errno)
 * (test with xa_is_err(), decode with xa_err()): -ENOMEM, or -EINVAL for
 * an internal @entry. On an error nothing changed.
 * Context: takes xa_lock; drops it to allocate if @gfp may sleep.
 */
void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);

/**
 * xa_erase() - erase the entry at @index (all of a multi-index entry)
 * @xa: the array
 * @index: any index
 * Return: the entry that was there, or NULL. Never fails.
 * Context: takes xa_lock.
 */
void *xa_erase(struct xarray *xa, unsigned long index);

/**
 * xa_cmpxchg() - store @entry at @index if the entry there is @old
 * @xa: the array
 * @index: any index
 * @old: the entry expected (NULL: none)
 * @entry: the new entry (NULL erases)
 * @gfp: for the nodes the store may need
 * Return: the entry that was there (equal to @old when the store happened),
 * or an xa_is_err() entry as for xa_store().
 * Context: takes xa_lock; drops it to allocate if @gfp may sleep.
 */
void *xa_cmpxchg(struct xarray *xa, unsigned long index, void *old, void *entry, gfp_t gfp);

/**
 * xa_insert() - store @entry at @index if nothing (not even a reservation) is there
 * @xa: the array
 * @index: any index
 * @entry: a pointer or value entry (NULL reserves the index)
 * @gfp: for the nodes the store may need
 * Return: 0, -EBUSY if the index was occupied, -ENOMEM, or -EINVAL for an
 * internal @entry.
 * Context: takes xa_lock; drops it to allocate if @gfp may sleep.
 */
int xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);

/**
 * xa_reserve() - keep @index for a later store: reads as NULL, xa_insert() fails
 * @xa: the array
 * @index: any index
 * @gfp: for the nodes the store may need
 * Return: 0 (also when something is there already), or -ENOMEM.
 * Context: takes xa_lock; drops it to allocate if @gfp may sleep.
 */
int xa_reserve(struct xarray *xa, unsigned long index, gfp_t gfp);

/* xa_release() - drop a reservation of xa_reserve() (not an entry stored since). */
static inline void xa_release(struct xarray *xa, unsigned long index)
{
	xa_cmpxchg(xa, index, XA_ZERO_ENTRY, NULL, 0);
}

/**
 * xa_store_order() - store @entry over the 2^@order indices around @index
 * @xa: the array
 * @index: any index of the range (rounded down to a multiple of 2^@order)
 * @order: 0 .. BITS_PER_LONG - 1
 * @entry: a pointer or value entry; NULL erases the range
 * @gfp: for the nodes the store may need
 * A load of any index in the range returns @entry; entries the range
 * covered are replaced, and their marks move to the new entry. Linux has
 * this in lib/test_xarray.c; filemap uses xas_set_order() directly.
 * Return: as xa_store(); the old entry is the one the range's first slot
 * held: NULL if none, or several smaller ones.
 * Context: takes xa_lock; drops it to allocate if @gfp may sleep.
 */
void *xa_store_order(struct xarray *xa, unsigned long index, unsigned int order,
		     void *entry, gfp_t gfp);

/**
 * xa_get_order() - the order of the entry at @index
 * @xa: the array
 * @index: any index
 * Return: log2 of the number of indices the entry covers; 0 when there is
 * none or it covers one index.
 * Context: takes xa_lock.
 */
int xa_get_order(struct xarray *xa, unsigned long index);

/**
 * xa_destroy() - erase every entry and free every node
 * @xa: the array; empty afterwards, ready for reuse
 * The entries themselves are the caller's to free.
 * Context: takes xa_lock.
 */
void xa_destroy(struct xarray *xa);

/**
 * xa_set_mark() - set @mark on the entry at @index
 * @xa: the array
 * @index: any index; nothing happens if no entry is there
 * @mark: XA_MARK_0 .. XA_MARK_2
 * Context: takes xa_lock.
 */
void xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);

/* xa_clear_mark() - clear @mark on the entry at @index. Context: takes xa_lock. */
void xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);

/**
 * xa_get_mark() - whether the entry at @index has @mark set
 * @xa: the array
 * @index: any index (false where there is no entry)
 * @mark: XA_MARK_0 .. XA_MARK_2
 * Context: takes xa_lock.
 */
bool xa_get_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);

/**
 * xa_find() - the first entry at or after *@indexp
 * @xa: the array
 * @indexp: in: where to start; out: the index of the entry found (the
 *	start itself when a multi-index entry covers it); unchanged if none
 * @max: the last index to look at
 * @filter: XA_PRESENT for any entry, or a mark the entry must have
 * Return: the entry, or NULL. Reserved indices are skipped.
 * Context: takes xa_lock.
 */
void *xa_find(struct xarray *xa, unsigned long *indexp, unsigned long max, xa_mark_t filter);

/**
 * xa_find_after() - the first entry after the one at *@indexp
 * @xa: the array
 * @indexp: in: an index already seen; out: as xa_find()
 * @max: the last index to look at
 * @filter: XA_PRESENT or a mark
 * A multi-index entry covering *@indexp counts as seen: the search starts
 * past its end.
 * Return: the entry, or NULL.
 * Context: takes xa_lock.
 */
void *xa_find_after(struct xarray *xa, unsigned long *indexp, unsigned long max,
		    xa_mark_t filter);

/**
 * xa_extract() - copy up to @n entries of [@start, @max] into @dst
 * @xa: the array
 * @dst: room for @n pointers
 * @start: first index
 * @max: last index
 * @n: at most this many
 * @filter: XA_PRESENT or a mark
 * Return: the number copied, in index order.
 * Context: takes xa_lock.
 */
unsigned int xa_extract(struct xarray *xa, void **dst, unsigned long start,
			unsigned long max, unsigned int n, xa_mark_t filter);

/*
 * Iterate over the entries present in [start, last] (marked with @filter),
 * in index order, each multi-index entry once. The lock is taken for each
 * step, not across the body: the body may store and erase.
 */
#define xa_for_each_range(xa, index, entry, start, last)		\
	for (index = (start),						\
	     entry = xa_find(xa, &index, last, XA_PRESENT);		\
	     entry;							\
	     entry = xa_find_after(xa, &index, last, XA_PRESENT))

#define xa_for_each_start(xa, index, entry, start)			\
	xa_for_each_range(xa, index, entry, start, ULONG_MAX)

#define xa_for_each(xa, index, entry)					\
	xa_for_each_start(xa, index, entry, 0)

#define xa_for_each_marked(xa, index, entry, filter)			\
	for (index = 0, entry = xa_find(xa, &index, ULONG_MAX, filter);	\
	     entry;							\
	     entry = xa_find_after(xa, &index, ULONG_MAX, filter))

/* ---- the same with xa_lock held by the caller ---------------------------- */

void *__xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
void *__xa_erase(struct xarray *xa, unsigned long index);
void *__xa_cmpxchg(struct xarray *xa, unsigned long index, void *old, void *entry,
		   gfp_t gfp);
int __xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
void __xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
void __xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);

/* For arrays also used from interrupt handlers (XA_FLAGS_LOCK_IRQ). */
static inline void *xa_store_irq(struct xarray *xa, unsigned long index, void *entry,
				 gfp_t gfp)
{
	void *curr;

	xa_lock_irq(xa);
	curr = __xa_store(xa, index, entry, gfp);
	xa_unlock_irq(xa);
	return curr;
}

static inline void *xa_erase_irq(struct xarray *xa, unsigned long index)
{
	void *entry;

	xa_lock_irq(xa);
	entry = __xa_erase(xa, index);
	xa_unlock_irq(xa);
	return entry;
}

/* ---- the advanced API: the caller holds xa_lock -------------------------- */

#define XA_CHUNK_SHIFT		6
#define XA_CHUNK_SIZE		(1UL << XA_CHUNK_SHIFT)
#define XA_CHUNK_MASK		(XA_CHUNK_SIZE - 1)
#define XA_MARK_LONGS		BITS_TO_LONGS(XA_CHUNK_SIZE)

/**
 * struct xa_node - one node of the tree: 64 slots, each covering 2^@shift indices
 * @shift: index bits below this node's slots (0 in a leaf)
 * @offset: this node's slot in @parent
 * @count: non-NULL slots (siblings included); a node with none is freed
 * @parent: the node above, NULL for the root
 * @array: the array this node belongs to
 * @slots: entries, sibling entries or child nodes
 * @marks: per mark, the slots whose entry has it, or whose subtree has an
 *	entry with it (never set on a sibling slot)
 * All fields under the array's xa_lock.
 */
struct xa_node {
	unsigned char	shift;
	unsigned char	offset;
	unsigned char	count;
	struct xa_node	*parent;
	struct xarray	*array;
	void		*slots[XA_CHUNK_SIZE];
	unsigned long	marks[XA_MAX_MARKS][XA_MARK_LONGS];
};

/**
 * struct xa_state - a position in an array for the advanced API
 * @xa: the array
 * @xa_index: the index operated on
 * @xa_shift: with @xa_sibs, the order of the entry to store: the entry
 *	goes into a node of shift @xa_shift and takes @xa_sibs more slots
 * @xa_sibs: see @xa_shift
 * @xa_offset: the slot in @xa_node
 * @xa_alloc_nr: nodes on @xa_alloc
 * @xa_alloc_want: nodes the last store failed to find (-ENOMEM)
 * @xa_node: where the walk is: a node, NULL for the head, or XAS_RESTART
 *	(not walked yet), XAS_BOUNDS (past the array's end), an XA_ERROR()
 * @xa_alloc: nodes allocated ahead by xas_nomem(), chained by ->parent
 * Lives on the caller's stack; not shared.
 */
struct xa_state {
	struct xarray	*xa;
	unsigned long	xa_index;
	unsigned char	xa_shift;
	unsigned char	xa_sibs;
	unsigned char	xa_offset;
	unsigned char	xa_alloc_nr;
	unsigned char	xa_alloc_want;
	struct xa_node	*xa_node;
	struct xa_node	*xa_alloc;
};

#define XAS_BOUNDS		((struct xa_node *)1UL)
#define XAS_RESTART		((struct xa_node *)3UL)

#define __XA_STATE(array, index, shift, sibs) {			\
	.xa = array,							\
	.xa_index = index,						\
	.xa_shift = shift,						\
	.xa_sibs = sibs,						\
	.xa_offset = 0,							\
	.xa_alloc_nr = 0,						\
	.xa_alloc_want = 0,						\
	.xa_node = XAS_RESTART,						\
	.xa_alloc = NULL,						\
}

/* XA_STATE(name, array, index): a position at @index, not walked yet. */
#define XA_STATE(name, array, index)					\
	struct xa_state name = __XA_STATE(array, index, 0, 0)

/* The same for an entry of @order (index rounded down to it). */
#define XA_STATE_ORDER(name, array, index, order)			\
	struct xa_state name = __XA_STATE(array,			\
		((order) < BITS_PER_LONG ? ((index) >> (order)) << (order) : 0), \
		(order) - ((order) % XA_CHUNK_SHIFT),			\
		(1U << ((order) % XA_CHUNK_SHIFT)) - 1)

#define xas_lock(xas)		xa_lock((xas)->xa)
#define xas_unlock(xas)		xa_unlock((xas)->xa)
#define xas_lock_irq(xas)	xa_lock_irq((xas)->xa)
#define xas_unlock_irq(xas)	xa_unlock_irq((xas)->xa)
#define xas_lock_irqsave(xas, flags)	xa_lock_irqsave((xas)->xa, flags)
#define xas_unlock_irqrestore(xas, flags) xa_unlock_irqrestore((xas)->xa, flags)

/* xas_error() - the errno of the last operation, or 0. */
static inline int xas_error(const struct xa_state *xas)
{
	return xa_err(xas->xa_node);
}

/* xas_set_err() - record @err (-ENOMEM ...) in @xas; later operations do nothing. */
static inline void xas_set_err(struct xa_state *xas, long err)
{
	xas->xa_node = XA_ERROR(err);
}

/* xas_invalid() - whether @xas has no position: not walked, out of bounds or in error. */
static inline bool xas_invalid(const struct xa_state *xas)
{
	return (unsigned long)xas->xa_node & 3;
}

static inline bool xas_valid(const struct xa_state *xas)
{
	return !xas_invalid(xas);
}

/* xas_is_node() - whether @xas points into a node (not the head). */
static inline bool xas_is_node(const struct xa_state *xas)
{
	return xas_valid(xas) && xas->xa_node;
}

/* xas_reset() - walk again from the top at the next operation. */
static inline void xas_reset(struct xa_state *xas)
{
	xas->xa_node = XAS_RESTART;
}

/* xas_set() - move @xas to @index (order 0), clearing any error. */
static inline void xas_set(struct xa_state *xas, unsigned long index)
{
	xas->xa_index = index;
	xas->xa_shift = 0;
	xas->xa_sibs = 0;
	xas->xa_node = XAS_RESTART;
}

/**
 * xas_set_order() - move @xas to the entry of @order around @index
 * @xas: the state
 * @index: any index of the range (rounded down to a multiple of 2^@order)
 * @order: 0 .. BITS_PER_LONG - 1
 * Context: any.
 */
static inline void xas_set_order(struct xa_state *xas, unsigned long index,
				 unsigned int order)
{
	xas->xa_index = order < BITS_PER_LONG ? (index >> order) << order : 0;
	xas->xa_shift = order - (order % XA_CHUNK_SHIFT);
	xas->xa_sibs = (1U << (order % XA_CHUNK_SHIFT)) - 1;
	xas->xa_node = XAS_RESTART;
}

/**
 * xas_load() - walk to @xas's index and return the entry there
 * @xas: the state
 * Return: the entry (XA_ZERO_ENTRY for a reserved index), or NULL.
 * Afterwards @xas points at the slot (or XAS_BOUNDS beyond the tree).
 * Context: xa_lock held.
 */
void *xas_load(struct xa_state *xas);

/* xas_reload() - the entry at the slot @xas already points at. Context: xa_lock held. */
void *xas_reload(const struct xa_state *xas);

/**
 * xas_store() - store @entry at @xas's index and order
 * @xas: the state
 * @entry: the entry; NULL erases (the whole multi-index entry there)
 * Nodes are allocated GFP_NOWAIT; on failure the error is in @xas
 * (xas_error()), the array unchanged, and xas_nomem() can allocate with
 * a stronger gfp for a retry. Erasing resets @xas to walk again.
 * Return: the entry that was there, or NULL.
 * Context: xa_lock held.
 */
void *xas_store(struct xa_state *xas, void *entry);

/**
 * xas_nomem() - allocate what a failed xas_store() needed, for a retry
 * @xas: the state, after an operation
 * @gfp: the caller's allocation flags
 * Return: true when the last operation failed with -ENOMEM and the memory
 * is now there (retry); false otherwise, after freeing any memory left
 * over (also when the allocation failed: the error stays in @xas).
 * Context: xa_lock NOT held if @gfp may sleep.
 */
bool xas_nomem(struct xa_state *xas, gfp_t gfp);

/* __xas_nomem() - xas_nomem() with xa_lock held: it is dropped around an
 * allocation that may sleep. */
bool __xas_nomem(struct xa_state *xas, gfp_t gfp);

/**
 * xas_find() - the next entry, up to @max
 * @xas: the state: not walked yet (xas_set()), the search starts at its
 *	index; otherwise it starts after the entry @xas points at
 * @max: the last index to look at
 * Return: the entry (with @xas at it, xa_index its index), or NULL (@xas
 * out of bounds). Reserved indices are returned as XA_ZERO_ENTRY.
 * Context: xa_lock held.
 */
void *xas_find(struct xa_state *xas, unsigned long max);

/* xas_find_marked() - as xas_find(), for entries with @mark. Context: xa_lock held. */
void *xas_find_marked(struct xa_state *xas, unsigned long max, xa_mark_t mark);

/* The step of xas_for_each(): same as xas_find() on a walked state. */
static inline void *xas_next_entry(struct xa_state *xas, unsigned long max)
{
	return xas_find(xas, max);
}

static inline void *xas_next_marked(struct xa_state *xas, unsigned long max, xa_mark_t mark)
{
	return xas_find_marked(xas, max, mark);
}

/* Iterate from xas's index to @max, each multi-index entry once. */
#define xas_for_each(xas, entry, max)					\
	for (entry = xas_find(xas, max); entry; entry = xas_next_entry(xas, max))

#define xas_for_each_marked(xas, entry, max, mark)			\
	for (entry = xas_find_marked(xas, max, mark); entry;		\
	     entry = xas_next_marked(xas, max, mark))

/**
 * xas_pause() - leave an iteration so that xa_lock can be dropped
 * @xas: the state, at an entry
 * The next xas_find() walks again from the index after that entry.
 * Context: xa_lock held.
 */
void xas_pause(struct xa_state *xas);

/* xas_get_mark() - whether the entry @xas points at has @mark. Context: xa_lock held. */
bool xas_get_mark(const struct xa_state *xas, xa_mark_t mark);

/**
 * xas_set_mark() - set @mark on the entry @xas points at (walked by xas_load())
 * @xas: the state; nothing happens if it has no position
 * @mark: XA_MARK_0 .. XA_MARK_2
 * Context: xa_lock held.
 */
void xas_set_mark(const struct xa_state *xas, xa_mark_t mark);

/* xas_clear_mark() - clear @mark on the entry @xas points at. Context: xa_lock held. */
void xas_clear_mark(const struct xa_state *xas, xa_mark_t mark);

/* ---- setup and accounting ------------------------------------------------- */

/*
 * radix_tree_init - create the cache of nodes ("radix_tree_node", Linux's
 * name from the radix tree the XArray replaced). Called once from
 * start_kernel() after the slab allocator is up, before any array stores.
 */
void radix_tree_init(void);

/* xa_nodes_in_use() - nodes allocated from the cache and not yet freed,
 * over all arrays: what the tests count, and the leak check. */
unsigned long xa_nodes_in_use(void);

#endif /* _LINUX_XARRAY_H */
