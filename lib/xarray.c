// SPDX-License-Identifier: GPL-2.0
/*
 * The XArray: Linux's interface (include/linux/xarray.h), our own radix
 * tree underneath.
 *
 * The tree. xa_head is NULL, a lone entry at index 0, or the root node.
 * A node has 64 slots; a node of shift s spends index bits [s, s + 6) to
 * pick a slot, each slot covering 2^s indices, so leaves have shift 0 and
 * the root's shift is as small as the highest index allows (60 covers all
 * 64 bits):
 *
 *   xa_head ──> node shift 12 ─ slot 0 ──> node shift 6 ─ slot 1 ──> leaf (shift 0)
 *                             └ slot 5 ──> ...                       slots: entries
 *
 * A multi-index entry of order k sits in the node of shift k - k % 6, in
 * its first slot, followed by 2^(k % 6) - 1 sibling entries naming that
 * slot; an order-6 entry fills one slot of a shift-6 node. A sibling is
 * never a mark-carrier or a search result of its own.
 *
 * Invariants, under xa_lock (checked by the tests' walkers):
 *   - node->count is the number of non-NULL slots; no node has count 0
 *     once a store or erase returns (an empty node is freed at once);
 *   - the root is never a node whose only entry sits in slot 0 and could
 *     move up (xas_shrink()): the tree is as shallow as its indices allow;
 *   - a mark bit is set for a slot iff the entry there has the mark, or the
 *     child there has some bit of that mark set; the root's marks live in
 *     xa_flags (XA_FLAGS_MARK) with the same meaning for xa_head;
 *   - node->parent and node->offset lead back to the slot holding the node.
 *
 * Allocation. A store first counts the nodes it will need (growing the
 * root upwards, filling the path downwards: xas_nodes_needed()) and gets
 * them all before changing anything (xas_prealloc()), GFP_NOWAIT under the
 * lock; what it could not get it records in the xa_state, and
 * xas_nomem() / __xas_nomem() allocate exactly that with the caller's gfp.
 * So a failed store changes nothing, and a retry cannot fail again for the
 * same tree.
 *
 * Lock: xa_lock (a spinlock in struct xarray) over the whole tree and the
 * root marks; the nodes' cache and the node counter are global and need
 * no lock of ours.
 */
#include <linux/xarray.h>
#include <linux/slab.h>
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/string.h>
#include <linux/mmdebug.h>

static struct kmem_cache *radix_tree_node_cachep;
static atomic_long_t xa_nr_nodes;

void radix_tree_init(void)
{
	radix_tree_node_cachep = kmem_cache_create("radix_tree_node", sizeof(struct xa_node),
						   0, SLAB_PANIC | SLAB_RECLAIM_ACCOUNT, NULL);
}

unsigned long xa_nodes_in_use(void)
{
	return atomic_long_read(&xa_nr_nodes);
}

/* ---- entries and nodes ---------------------------------------------------- */

static inline bool xa_is_node(const void *entry)
{
	return xa_is_internal(entry) && (unsigned long)entry > 4096;
}

static inline struct xa_node *xa_to_node(const void *entry)
{
	return (struct xa_node *)((unsigned long)entry - 2);
}

static inline void *xa_mk_node(const struct xa_node *node)
{
	return (void *)((unsigned long)node | 2);
}

static inline void *xa_mk_sibling(unsigned int offset)
{
	return xa_mk_internal(offset);
}

static inline bool xa_is_sibling(const void *entry)
{
	return xa_is_internal(entry) && entry < xa_mk_sibling(XA_CHUNK_SIZE - 1);
}

static inline unsigned int xa_to_sibling(const void *entry)
{
	return xa_to_internal(entry);
}

/* What a caller of the normal API may store: no internal entry but zero. */
static inline bool xa_is_advanced(const void *entry)
{
	return xa_is_internal(entry) && entry != XA_ZERO_ENTRY;
}

/* Index bits the head covers: 0 for a lone entry (index 0 only). */
static unsigned int xa_head_bits(const void *head)
{
	return xa_is_node(head) ? xa_to_node(head)->shift + XA_CHUNK_SHIFT : 0;
}

static inline unsigned int node_offset(const struct xa_node *node, unsigned long index)
{
	return (index >> node->shift) & XA_CHUNK_MASK;
}

/* The first index of @node's slot @offset, given any index under @node. */
static unsigned long node_slot_index(const struct xa_node *node, unsigned long index,
				     unsigned int offset)
{
	unsigned int bits = node->shift + XA_CHUNK_SHIFT;
	unsigned long base = bits >= BITS_PER_LONG ? 0 : index & ~((1UL << bits) - 1);

	return base + ((unsigned long)offset << node->shift);
}

static bool node_any_mark(const struct xa_node *node, xa_mark_t mark)
{
	return find_first_bit(node->marks[mark], XA_CHUNK_SIZE) < XA_CHUNK_SIZE;
}

static void xa_node_free(struct xa_node *node)
{
	kmem_cache_free(radix_tree_node_cachep, node);
	atomic_long_sub(1, &xa_nr_nodes);
}

static struct xa_node *xa_node_alloc(gfp_t gfp)
{
	struct xa_node *node = kmem_cache_alloc(radix_tree_node_cachep, gfp);

	if (node)
		atomic_long_add(1, &xa_nr_nodes);
	return node;
}

/* Free a subtree cut out of the tree. Depth is at most 11: recursion is bounded. */
static void xa_free_subtree(struct xa_node *node)
{
	unsigned int i;

	for (i = 0; i < XA_CHUNK_SIZE; i++)
		if (xa_is_node(node->slots[i]))
			xa_free_subtree(xa_to_node(node->slots[i]));
	xa_node_free(node);
}

/* ---- marks ---------------------------------------------------------------- */

/* Set @mark at @node's slot @offset (the head when @node is NULL), and above. */
static void mark_set_up(struct xarray *xa, struct xa_node *node, unsigned int offset,
			xa_mark_t mark)
{
	for (; node; offset = node->offset, node = node->parent)
		if (__test_and_set_bit(offset, node->marks[mark]))
			return;
	xa->xa_flags |= XA_FLAGS_MARK(mark);
}

/* Clear @mark at @node's slot @offset, and above while nothing else has it. */
static void mark_clear_up(struct xarray *xa, struct xa_node *node, unsigned int offset,
			  xa_mark_t mark)
{
	for (; node; offset = node->offset, node = node->parent) {
		if (!__test_and_clear_bit(offset, node->marks[mark]))
			return;
		if (node_any_mark(node, mark))
			return;
	}
	xa->xa_flags &= ~XA_FLAGS_MARK(mark);
}

/*
 * Slots [@offset, @offset + @nr) of @node now hold one entry (@keep) or
 * nothing: a mark any of them had moves to the first slot (Linux's
 * "squash"), or is cleared everywhere.
 */
static void node_merge_marks(struct xarray *xa, struct xa_node *node, unsigned int offset,
			     unsigned int nr, bool keep)
{
	xa_mark_t mark;
	unsigned int i;

	for (mark = 0; mark < XA_MAX_MARKS; mark++) {
		bool any = false;

		for (i = 1; i < nr; i++)
			any |= __test_and_clear_bit(offset + i, node->marks[mark]);
		if (keep) {
			if (any)
				__set_bit(offset, node->marks[mark]);
		} else if (any || test_bit(offset, node->marks[mark])) {
			__set_bit(offset, node->marks[mark]);
			mark_clear_up(xa, node, offset, mark);
		}
	}
}

/* ---- walking -------------------------------------------------------------- */

/* Step into @node towards xa_index; a sibling leads to its first slot. */
static void *xas_descend(struct xa_state *xas, struct xa_node *node)
{
	unsigned int offset = node_offset(node, xas->xa_index);
	void *entry = node->slots[offset];

	if (xa_is_sibling(entry)) {
		offset = xa_to_sibling(entry);
		entry = node->slots[offset];
	}
	xas->xa_node = node;
	xas->xa_offset = offset;
	return entry;
}

void *xas_reload(const struct xa_state *xas)
{
	if (xas_invalid(xas))
		return NULL;
	if (!xas->xa_node)
		return xas->xa->xa_head;
	return xas->xa_node->slots[xas->xa_offset];
}

void *xas_load(struct xa_state *xas)
{
	void *entry;

	if (xas_error(xas))
		return NULL;
	entry = xas->xa->xa_head;
	xas->xa_node = NULL;
	xas->xa_offset = 0;
	if (xas->xa_index && xa_head_bits(entry) < BITS_PER_LONG &&
	    xas->xa_index >> xa_head_bits(entry)) {
		xas->xa_node = XAS_BOUNDS;
		return NULL;
	}
	while (xa_is_node(entry)) {
		struct xa_node *node = xa_to_node(entry);

		if (xas->xa_shift > node->shift)
			break;
		entry = xas_descend(xas, node);
		if (node->shift == 0)
			break;
	}
	return entry;
}

/* ---- growing and shrinking -------------------------------------------------- */

/* Index bits the head must cover for xas's entry (a multiple of 6; 0: the head itself). */
static unsigned int xas_bits_needed(const struct xa_state *xas)
{
	unsigned long last = xas->xa_index | (((xas->xa_sibs + 1UL) << xas->xa_shift) - 1);
	unsigned int bits = fls_long(last);

	if (xas->xa_shift || xas->xa_sibs)
		bits = max(bits, (unsigned int)xas->xa_shift + XA_CHUNK_SHIFT);
	return DIV_ROUND_UP(bits, XA_CHUNK_SHIFT) * XA_CHUNK_SHIFT;
}

/* Nodes on the path from one of shift @shift down to xas's level, inclusive. */
static unsigned int xas_path_nodes(const struct xa_state *xas, int shift)
{
	return shift < xas->xa_shift ? 0 : (shift - xas->xa_shift) / XA_CHUNK_SHIFT + 1;
}

/*
 * How many nodes xas_create() will allocate for a head covering @top bits:
 * the new levels above the old head, then whatever is missing on the path
 * down to the node of shift xa_shift. Nothing is changed.
 */
static unsigned int xas_nodes_needed(const struct xa_state *xas, unsigned int top)
{
	void *entry = xas->xa->xa_head;
	unsigned int have = xa_head_bits(entry), nr, level;

	if (!entry)
		return top ? xas_path_nodes(xas, top - XA_CHUNK_SHIFT) : 0;
	if (have >= top) {
		nr = 0;
	} else {
		/* New levels, slot 0 of each leading to the old head. */
		nr = (top - have) / XA_CHUNK_SHIFT;
		for (level = top - XA_CHUNK_SHIFT; level >= have; level -= XA_CHUNK_SHIFT) {
			if ((xas->xa_index >> level) & XA_CHUNK_MASK)
				return nr + xas_path_nodes(xas, (int)level - XA_CHUNK_SHIFT);
			if (level == 0)
				break;
		}
	}
	while (xa_is_node(entry)) {
		struct xa_node *node = xa_to_node(entry);
		unsigned int offset = node_offset(node, xas->xa_index);

		if (node->shift <= xas->xa_shift)
			break;
		entry = node->slots[offset];
		if (xa_is_sibling(entry))
			entry = node->slots[xa_to_sibling(entry)];
		if (!entry)
			return nr + xas_path_nodes(xas, node->shift - XA_CHUNK_SHIFT);
	}
	return nr;
}

/* Have @nr nodes on xas->xa_alloc, allocating GFP_NOWAIT; else -ENOMEM. */
static bool xas_prealloc(struct xa_state *xas, unsigned int nr)
{
	while (xas->xa_alloc_nr < nr) {
		struct xa_node *node = xa_node_alloc(GFP_NOWAIT | __GFP_NOWARN);

		if (!node) {
			xas->xa_alloc_want = nr;
			xas_set_err(xas, -ENOMEM);
			return false;
		}
		node->parent = xas->xa_alloc;
		xas->xa_alloc = node;
		xas->xa_alloc_nr++;
	}
	return true;
}

/* Take a preallocated node and set it up empty at @parent's slot @offset. */
static struct xa_node *xas_take_node(struct xa_state *xas, unsigned int shift,
				     struct xa_node *parent, unsigned int offset)
{
	struct xa_node *node = xas->xa_alloc;

	BUG_ON(!node);
	xas->xa_alloc = node->parent;
	xas->xa_alloc_nr--;
	memset(node, 0, sizeof(*node));
	node->shift = shift;
	node->offset = offset;
	node->parent = parent;
	node->array = xas->xa;
	return node;
}

/* Add levels above the head until it covers @top bits. */
static void xas_expand(struct xa_state *xas, unsigned int top)
{
	struct xarray *xa = xas->xa;
	void *head = xa->xa_head;
	unsigned int have = xa_head_bits(head);
	xa_mark_t mark;

	if (!head)
		return;
	for (; have < top; have += XA_CHUNK_SHIFT) {
		struct xa_node *node = xas_take_node(xas, have, NULL, 0);

		node->slots[0] = head;
		node->count = 1;
		if (xa_is_node(head))
			xa_to_node(head)->parent = node;
		for (mark = 0; mark < XA_MAX_MARKS; mark++)
			if (xa_marked(xa, mark))
				__set_bit(0, node->marks[mark]);
		head = xa->xa_head = xa_mk_node(node);
	}
}

/*
 * Make the slot for xas's entry exist: grow the root, then allocate the
 * missing nodes down to the level of xa_shift. Return the entry in the
 * slot reached (@xas points at it: xa_node NULL for the head) and stop
 * early at an entry covering more than xas's order. NULL with the error
 * in @xas if nodes were missing; then nothing changed.
 */
static void *xas_create(struct xa_state *xas)
{
	struct xarray *xa = xas->xa;
	unsigned int top = xas_bits_needed(xas);
	unsigned int shift = top - XA_CHUNK_SHIFT;
	void *entry;

	if (!xas_prealloc(xas, xas_nodes_needed(xas, top)))
		return NULL;
	xas_expand(xas, top);
	entry = xa->xa_head;
	xas->xa_node = NULL;
	xas->xa_offset = 0;
	for (;;) {
		struct xa_node *node;

		if (!entry) {
			void **slot;

			if (!xas->xa_node && !top)
				break;
			node = xas_take_node(xas, shift, xas->xa_node, xas->xa_offset);
			slot = xas->xa_node ? &xas->xa_node->slots[xas->xa_offset] : &xa->xa_head;
			*slot = xa_mk_node(node);
			if (xas->xa_node)
				xas->xa_node->count++;
			entry = *slot;
		}
		if (!xa_is_node(entry))
			break;
		node = xa_to_node(entry);
		entry = xas_descend(xas, node);
		if (node->shift == xas->xa_shift)
			break;
		shift = node->shift - XA_CHUNK_SHIFT;
	}
	return entry;
}

/* Free empty nodes from @node upwards, clearing the slots that held them. */
static void xas_delete_empty(struct xarray *xa, struct xa_node *node)
{
	while (node && !node->count) {
		struct xa_node *parent = node->parent;
		xa_mark_t mark;

		if (parent) {
			parent->slots[node->offset] = NULL;
			parent->count--;
			for (mark = 0; mark < XA_MAX_MARKS; mark++)
				mark_clear_up(xa, parent, node->offset, mark);
		} else {
			xa->xa_head = NULL;
			xa->xa_flags &= ~(XA_FLAGS_MARK(XA_MARK_0) | XA_FLAGS_MARK(XA_MARK_1) |
					  XA_FLAGS_MARK(XA_MARK_2));
		}
		xa_node_free(node);
		node = parent;
	}
}

/* Lift slot 0 of a root that holds nothing else, as long as it can be the head. */
static void xas_shrink(struct xarray *xa)
{
	while (xa_is_node(xa->xa_head)) {
		struct xa_node *node = xa_to_node(xa->xa_head);
		void *entry = node->slots[0];

		if (node->count != 1 || !entry)
			return;
		if (!xa_is_node(entry) && node->shift)
			return;		/* a multi-index entry at 0: needs its node */
		if (xa_is_node(entry))
			xa_to_node(entry)->parent = NULL;
		xa->xa_head = entry;
		xa_node_free(node);
	}
}

/* ---- storing -------------------------------------------------------------- */

/*
 * Write @entry into @node from xas's slot: its sibling slots for xas's
 * order when @node is at that level, and the old entry's remaining
 * siblings (kept for a new entry, which then covers the old range; cleared
 * for NULL). Return the change in the node's count.
 */
static int node_store(struct xa_state *xas, struct xa_node *node, void *entry,
		      unsigned int *nr)
{
	unsigned int offset = xas->xa_offset, i;
	unsigned int sibs = node->shift == xas->xa_shift ? xas->xa_sibs : 0;
	int count = 0;

	for (i = 0; offset + i < XA_CHUNK_SIZE; i++) {
		void *old = node->slots[offset + i];
		void *new;

		if (i == 0)
			new = entry;
		else if (i <= sibs)
			new = entry ? xa_mk_sibling(offset) : NULL;
		else if (xa_is_sibling(old) && xa_to_sibling(old) == offset)
			new = entry ? old : NULL;
		else
			break;
		if (xa_is_node(old))
			xa_free_subtree(xa_to_node(old));
		count += !!new - !!old;
		node->slots[offset + i] = new;
	}
	*nr = i;
	return count;
}

void *xas_store(struct xa_state *xas, void *entry)
{
	struct xarray *xa = xas->xa;
	struct xa_node *node;
	unsigned int nr;
	void *first;

	first = entry ? xas_create(xas) : xas_load(xas);
	if (xas_invalid(xas))
		return first;
	if (!entry && !first)
		return NULL;
	node = xas->xa_node;
	if (!node) {
		xa->xa_head = entry;
		if (xa_is_node(first))
			xa_free_subtree(xa_to_node(first));
		if (!entry)
			xa->xa_flags &= ~(XA_FLAGS_MARK(XA_MARK_0) | XA_FLAGS_MARK(XA_MARK_1) |
					  XA_FLAGS_MARK(XA_MARK_2));
	} else {
		node->count += node_store(xas, node, entry, &nr);
		node_merge_marks(xa, node, xas->xa_offset, nr, entry != NULL);
	}
	if (!entry) {
		xas_delete_empty(xa, node);
		xas_shrink(xa);
		xas->xa_node = XAS_RESTART;
	}
	return xa_is_node(first) ? NULL : first;
}

static void xas_destroy(struct xa_state *xas)
{
	while (xas->xa_alloc) {
		struct xa_node *node = xas->xa_alloc;

		xas->xa_alloc = node->parent;
		xa_node_free(node);
	}
	xas->xa_alloc_nr = 0;
}

/* Top the preallocation up to what the failed store wanted; false if @gfp cannot. */
static bool xas_alloc_wanted(struct xa_state *xas, gfp_t gfp)
{
	while (xas->xa_alloc_nr < xas->xa_alloc_want) {
		struct xa_node *node = xa_node_alloc(gfp);

		if (!node) {
			xas_destroy(xas);
			return false;
		}
		node->parent = xas->xa_alloc;
		xas->xa_alloc = node;
		xas->xa_alloc_nr++;
	}
	xas->xa_node = XAS_RESTART;
	return true;
}

bool xas_nomem(struct xa_state *xas, gfp_t gfp)
{
	if (xas->xa_node != XA_ERROR(-ENOMEM)) {
		xas_destroy(xas);
		return false;
	}
	return xas_alloc_wanted(xas, gfp);
}

bool __xas_nomem(struct xa_state *xas, gfp_t gfp)
{
	bool irq = xas->xa->xa_flags & XA_FLAGS_LOCK_IRQ;
	bool ret;

	if (xas->xa_node != XA_ERROR(-ENOMEM)) {
		xas_destroy(xas);
		return false;
	}
	if (!gfpflags_allow_blocking(gfp))
		return xas_alloc_wanted(xas, gfp);
	if (irq)
		xas_unlock_irq(xas);
	else
		xas_unlock(xas);
	ret = xas_alloc_wanted(xas, gfp);
	if (irq)
		xas_lock_irq(xas);
	else
		xas_lock(xas);
	return ret;
}

/* ---- marks through the xa_state ------------------------------------------- */

bool xas_get_mark(const struct xa_state *xas, xa_mark_t mark)
{
	if (xas_invalid(xas))
		return false;
	if (!xas->xa_node)
		return xa_marked(xas->xa, mark);
	return test_bit(xas->xa_offset, xas->xa_node->marks[mark]);
}

void xas_set_mark(const struct xa_state *xas, xa_mark_t mark)
{
	if (xas_invalid(xas) || !xas_reload(xas))
		return;
	mark_set_up(xas->xa, xas->xa_node, xas->xa_offset, mark);
}

void xas_clear_mark(const struct xa_state *xas, xa_mark_t mark)
{
	if (xas_invalid(xas))
		return;
	mark_clear_up(xas->xa, xas->xa_node, xas->xa_offset, mark);
}

/* ---- searching -------------------------------------------------------------- */

/* The index after the entry (or empty slot) @xas points at; false if that wraps. */
static bool xas_next_index(struct xa_state *xas)
{
	struct xa_node *node = xas->xa_node;
	unsigned int end = xas->xa_offset + 1;
	unsigned long next;

	if (!node) {
		if (xa_is_node(xas->xa->xa_head))
			return false;	/* stopped above the root: it covered all */
		xas->xa_index = 1;
		return true;
	}
	while (end < XA_CHUNK_SIZE && node->slots[end] == xa_mk_sibling(xas->xa_offset))
		end++;
	if (end == XA_CHUNK_SIZE && node->shift + XA_CHUNK_SHIFT >= BITS_PER_LONG)
		return false;
	next = node_slot_index(node, xas->xa_index, 0) + ((unsigned long)end << node->shift);
	if (!next)
		return false;
	xas->xa_index = next;
	return true;
}

/* In @node from @offset: the first slot holding an entry or child (with @mark). */
static unsigned int node_next_slot(const struct xa_node *node, unsigned int offset,
				   xa_mark_t mark)
{
	if (mark != XA_PRESENT)
		return find_next_bit(node->marks[mark], XA_CHUNK_SIZE, offset);
	for (; offset < XA_CHUNK_SIZE; offset++) {
		void *entry = node->slots[offset];

		if (entry && !xa_is_sibling(entry))
			break;
	}
	return offset;
}

/*
 * The first entry at or after xa_index (with @mark, unless XA_PRESENT),
 * up to @max: descend where the search position is, scan each node
 * onwards from it, climb when a node is done. An entry covering xa_index
 * from an earlier slot (a sibling at the position) counts, at xa_index.
 */
static void *xas_find_from(struct xa_state *xas, unsigned long max, xa_mark_t mark)
{
	unsigned long index = xas->xa_index;
	struct xa_node *node;
	unsigned int offset;
	void *entry;

	entry = xas_load(xas);
	if (xas_invalid(xas) || index > max)
		goto none;
	if (!xas->xa_node) {
		if (entry && !xa_is_node(entry) && (mark == XA_PRESENT || xa_marked(xas->xa, mark)))
			return entry;
		if (!xa_is_node(entry))
			goto none;
		xas->xa_node = xa_to_node(entry);
		xas->xa_offset = node_offset(xas->xa_node, index);
	}
	node = xas->xa_node;
	offset = xas->xa_offset;
	/* xas_load() resolved a sibling to its first slot: that entry covers index. */
	if (offset != node_offset(node, index) && node->slots[offset] &&
	    (mark == XA_PRESENT || test_bit(offset, node->marks[mark])))
		goto found;
	offset = node_offset(node, index);
	for (;;) {
		unsigned int next = node_next_slot(node, offset, mark);

		if (next == XA_CHUNK_SIZE) {
			/* Climb to the first ancestor with slots after ours. */
			do {
				offset = node->offset + 1;
				node = node->parent;
			} while (node && offset == XA_CHUNK_SIZE);
			if (!node)
				goto none;
			index = node_slot_index(node, index, offset);
			if (index > max)
				goto none;
			continue;
		}
		if (next != offset)
			index = node_slot_index(node, index, next);
		offset = next;
		if (index > max)
			goto none;
		entry = node->slots[offset];
		if (!xa_is_node(entry))
			break;
		node = xa_to_node(entry);
		offset = node_offset(node, index);
	}
found:
	xas->xa_node = node;
	xas->xa_offset = offset;
	xas->xa_index = index;
	return node->slots[offset];
none:
	xas->xa_node = XAS_BOUNDS;
	return NULL;
}

static void *xas_find_filtered(struct xa_state *xas, unsigned long max, xa_mark_t mark)
{
	if (xas_error(xas) || xas->xa_node == XAS_BOUNDS)
		return NULL;
	if (xas->xa_node != XAS_RESTART && !xas_next_index(xas)) {
		xas->xa_node = XAS_BOUNDS;
		return NULL;
	}
	xas->xa_node = XAS_RESTART;
	return xas_find_from(xas, max, mark);
}

void *xas_find(struct xa_state *xas, unsigned long max)
{
	return xas_find_filtered(xas, max, XA_PRESENT);
}

void *xas_find_marked(struct xa_state *xas, unsigned long max, xa_mark_t mark)
{
	return xas_find_filtered(xas, max, mark);
}

void xas_pause(struct xa_state *xas)
{
	if (xas_invalid(xas))
		return;
	if (!xas_next_index(xas)) {
		xas->xa_node = XAS_BOUNDS;
		return;
	}
	xas->xa_node = XAS_RESTART;
}

/* ---- the normal API ------------------------------------------------------- */

void *xa_load(struct xarray *xa, unsigned long index)
{
	XA_STATE(xas, xa, index);
	void *entry;

	xa_lock(xa);
	entry = xas_load(&xas);
	xa_unlock(xa);
	return xa_is_zero(entry) ? NULL : entry;
}

/* The result of a store for its caller: the error, or the old entry. */
static void *xas_result(struct xa_state *xas, void *curr)
{
	if (xas_error(xas))
		return xas->xa_node;
	return xa_is_zero(curr) ? NULL : curr;
}

static void *__xa_store_order(struct xarray *xa, unsigned long index, unsigned int order,
			      void *entry, gfp_t gfp)
{
	XA_STATE(xas, xa, 0);
	void *curr;

	if (WARN_ON_ONCE(xa_is_advanced(entry)) || WARN_ON_ONCE(order >= BITS_PER_LONG))
		return XA_ERROR(-EINVAL);
	xas_set_order(&xas, index, order);
	do {
		curr = xas_store(&xas, entry);
	} while (__xas_nomem(&xas, gfp));
	return xas_result(&xas, curr);
}

void *__xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	return __xa_store_order(xa, index, 0, entry, gfp);
}

void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	void *curr;

	xa_lock(xa);
	curr = __xa_store(xa, index, entry, gfp);
	xa_unlock(xa);
	return curr;
}

void *xa_store_order(struct xarray *xa, unsigned long index, unsigned int order,
		     void *entry, gfp_t gfp)
{
	void *curr;

	xa_lock(xa);
	curr = __xa_store_order(xa, index, order, entry, gfp);
	xa_unlock(xa);
	return curr;
}

void *__xa_erase(struct xarray *xa, unsigned long index)
{
	XA_STATE(xas, xa, index);

	return xas_result(&xas, xas_store(&xas, NULL));
}

void *xa_erase(struct xarray *xa, unsigned long index)
{
	void *entry;

	xa_lock(xa);
	entry = __xa_erase(xa, index);
	xa_unlock(xa);
	return entry;
}

void *__xa_cmpxchg(struct xarray *xa, unsigned long index, void *old, void *entry,
		   gfp_t gfp)
{
	XA_STATE(xas, xa, index);
	void *curr;

	if (WARN_ON_ONCE(xa_is_advanced(entry)))
		return XA_ERROR(-EINVAL);
	do {
		curr = xas_load(&xas);
		if (curr == old)
			xas_store(&xas, entry);
	} while (__xas_nomem(&xas, gfp));
	return xas_result(&xas, curr);
}

void *xa_cmpxchg(struct xarray *xa, unsigned long index, void *old, void *entry, gfp_t gfp)
{
	void *curr;

	xa_lock(xa);
	curr = __xa_cmpxchg(xa, index, old, entry, gfp);
	xa_unlock(xa);
	return curr;
}

int __xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	XA_STATE(xas, xa, index);
	void *curr;

	if (WARN_ON_ONCE(xa_is_advanced(entry)))
		return -EINVAL;
	if (!entry)
		entry = XA_ZERO_ENTRY;
	do {
		curr = xas_load(&xas);
		if (!curr)
			xas_store(&xas, entry);
		else
			xas_set_err(&xas, -EBUSY);
	} while (__xas_nomem(&xas, gfp));
	return xas_error(&xas);
}

int xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	int err;

	xa_lock(xa);
	err = __xa_insert(xa, index, entry, gfp);
	xa_unlock(xa);
	return err;
}

int xa_reserve(struct xarray *xa, unsigned long index, gfp_t gfp)
{
	return xa_err(xa_cmpxchg(xa, index, NULL, XA_ZERO_ENTRY, gfp));
}

int xa_get_order(struct xarray *xa, unsigned long index)
{
	XA_STATE(xas, xa, index);
	unsigned int end, order = 0;
	struct xa_node *node;

	xa_lock(xa);
	if (!xas_load(&xas) || !xas.xa_node)
		goto out;
	node = xas.xa_node;
	for (end = xas.xa_offset + 1; end < XA_CHUNK_SIZE; end++)
		if (node->slots[end] != xa_mk_sibling(xas.xa_offset))
			break;
	order = node->shift + ilog2(end - xas.xa_offset);
out:
	xa_unlock(xa);
	return order;
}

void xa_destroy(struct xarray *xa)
{
	void *head;

	xa_lock(xa);
	head = xa->xa_head;
	xa->xa_head = NULL;
	xa->xa_flags &= ~(XA_FLAGS_MARK(XA_MARK_0) | XA_FLAGS_MARK(XA_MARK_1) |
			  XA_FLAGS_MARK(XA_MARK_2));
	if (xa_is_node(head))
		xa_free_subtree(xa_to_node(head));
	xa_unlock(xa);
}

void __xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	XA_STATE(xas, xa, index);

	if (xas_load(&xas))
		xas_set_mark(&xas, mark);
}

void __xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	XA_STATE(xas, xa, index);

	if (xas_load(&xas))
		xas_clear_mark(&xas, mark);
}

void xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	xa_lock(xa);
	__xa_set_mark(xa, index, mark);
	xa_unlock(xa);
}

void xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	xa_lock(xa);
	__xa_clear_mark(xa, index, mark);
	xa_unlock(xa);
}

bool xa_get_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	XA_STATE(xas, xa, index);
	bool ret;

	xa_lock(xa);
	ret = xas_load(&xas) && xas_get_mark(&xas, mark);
	xa_unlock(xa);
	return ret;
}

/* Search from xas's position, stepping over reserved indices. */
static void *xas_find_visible(struct xa_state *xas, unsigned long max, xa_mark_t filter)
{
	void *entry;

	do {
		entry = xas_find_filtered(xas, max, filter);
	} while (xa_is_zero(entry));
	return entry;
}

void *xa_find(struct xarray *xa, unsigned long *indexp, unsigned long max, xa_mark_t filter)
{
	XA_STATE(xas, xa, *indexp);
	void *entry;

	xa_lock(xa);
	entry = xas_find_visible(&xas, max, filter);
	if (entry)
		*indexp = xas.xa_index;
	xa_unlock(xa);
	return entry;
}

void *xa_find_after(struct xarray *xa, unsigned long *indexp, unsigned long max,
		    xa_mark_t filter)
{
	XA_STATE(xas, xa, *indexp);
	void *entry;

	xa_lock(xa);
	xas_load(&xas);
	entry = xas_find_visible(&xas, max, filter);
	if (entry)
		*indexp = xas.xa_index;
	xa_unlock(xa);
	return entry;
}

unsigned int xa_extract(struct xarray *xa, void **dst, unsigned long start,
			unsigned long max, unsigned int n, xa_mark_t filter)
{
	XA_STATE(xas, xa, start);
	unsigned int i = 0;
	void *entry;

	if (!n)
		return 0;
	xa_lock(xa);
	for (entry = xas_find_visible(&xas, max, filter); entry;
	     entry = xas_find_visible(&xas, max, filter)) {
		dst[i++] = entry;
		if (i == n)
			break;
	}
	xa_unlock(xa);
	return i;
}
