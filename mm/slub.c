// SPDX-License-Identifier: GPL-2.0
/*
 * SLUB: the slab allocator, after Linux's design (include/linux/slab.h,
 * mm/slab.h for the object layout and the structures).
 *
 * A cache hands out objects of one size from slabs: compound pages of an
 * order chosen from slub_min_order, slub_max_order and slub_min_objects
 * (calculate_order()). A free object keeps the pointer to the next free
 * one at s->offset (obfuscated with CONFIG_SLAB_FREELIST_HARDENED). The
 * slab's head page, seen as a struct slab (mm/slab.h), holds its cache,
 * freelist, and the counters inuse / objects / frozen, the last two words
 * changed together by cmpxchg16b (slab_update_freelist()).
 *
 * States of a slab:
 *   frozen     some CPU's active slab (c->slab). That CPU alone allocates
 *              from it, popping c->freelist; frees by others push onto
 *              slab->freelist, which the owner takes when c->freelist
 *              runs dry (get_freelist()). inuse counts the objects not on
 *              slab->freelist.
 *   cpu partial  unfrozen, with free objects, on one CPU's c->partial
 *              list (by slab->next); becomes that CPU's active slab next.
 *   node partial unfrozen, with free objects, on s->partial, with
 *              slab_test_node_partial() true (under list_lock).
 *   full       unfrozen, no free objects, on no list (debug caches: on
 *              s->full). The free that ends this state puts the slab on
 *              the freeing CPU's partial list.
 *   Only frozen slabs are allocated from, so slabs on partial lists never
 *   become full; a slab freed empty goes back to the page allocator when
 *   its cache has min_partial partial slabs already.
 *
 * Fast paths (slab_alloc(), do_slab_free()): no lock and interrupts on.
 * The CPU's {freelist, tid} pair is replaced by one %gs-relative
 * cmpxchg16b; tid changes on every update, and the slow paths (interrupts
 * off) advance it too, so a fast path that was interrupted, preempted or
 * migrated between reading and the cmpxchg fails and retries.
 *
 * Debug caches (slub_debug=, or SLAB_POISON / SLAB_RED_ZONE /
 * SLAB_STORE_USER / SLAB_CONSISTENCY_CHECKS / SLAB_TRACE) have no CPU
 * slabs: every allocation and free takes list_lock and runs the checks of
 * mm/slub_debug.c.
 *
 * Locking: s->list_lock (interrupts off) protects s->partial, s->full,
 * nr_partial and the node-partial flag of the cache's slabs, and the
 * freelist and counters of debug caches' slabs. A CPU's kmem_cache_cpu is changed only
 * by that CPU: by the fast paths' cmpxchg16b, or with interrupts off.
 * slab_caches_mutex protects slab_caches and the caches' refcounts.
 */
#include "slab.h"
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/panic.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/smp.h>
#include <linux/percpu.h>
#include <linux/bitops.h>
#include <linux/seq_file.h>
#include <linux/shell.h>
#include <linux/init.h>
#include <linux/kstrtox.h>
#include <asm/irqflags.h>
#include <linux/errno.h>
#include <linux/fault-inject.h>
#include <asm/processor.h>
#include <asm/cache.h>
#include "internal.h"

#define TID_STEP		NR_CPUS


/* Boot parameters. */
static unsigned int slub_min_order;
static unsigned int slub_max_order = PAGE_ALLOC_COSTLY_ORDER;
static unsigned int slub_min_objects;
static bool slab_nomerge;

/*
 * Allocations take the slow path (mm/slab.h): init_on_alloc (every object
 * is zeroed), debug_pagealloc (a stale fast path could read an unmapped
 * object), failslab.
 */
u8 slab_alloc_slow;

static LIST_HEAD(slab_caches);
static DEFINE_MUTEX(slab_caches_mutex);

/* The cache of struct kmem_cache, and the kmalloc caches. */
static struct kmem_cache kmem_cache_boot;
static struct kmem_cache *kmem_cache = &kmem_cache_boot;
struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];
static struct kmem_cache kmalloc_boot[KMALLOC_SHIFT_HIGH + 1];

/* Replace @slab's {freelist, counters} if they still are {@fl, @c}. */
static inline bool slab_update_freelist(struct slab *slab, void *fl, unsigned long c,
					void *new_fl, unsigned long new_c)
{
	u128 old = ((u128)c << 64) | (unsigned long)fl;
	u128 new = ((u128)new_c << 64) | (unsigned long)new_fl;

	return try_cmpxchg128((u128 *)&slab->freelist, &old, new);
}

/* ---- slabs ------------------------------------------------------------- */


/* The lowest order from slub_min_order holding @min_objects, wasting at most 1/@fract. */
static unsigned int calc_slab_order(unsigned int size, unsigned int min_objects,
				    unsigned int max_order, unsigned int fract)
{
	unsigned int order;

	for (order = max(slub_min_order, (unsigned int)get_order((size_t)min_objects * size));
	     order <= max_order; order++) {
		unsigned long bytes = PAGE_SIZE << order;

		if (bytes % size <= bytes / fract)
			break;
	}
	return order;
}

/* Linux's search: many objects with little waste, relaxing both in turn. */
static int calculate_order(unsigned int size)
{
	unsigned int min_objects = slub_min_objects, fract, order;

	if (!min_objects)
		min_objects = 4 * (fls(nr_cpu_ids) + 1);
	min_objects = min(min_objects, order_objects(slub_max_order, size));
	for (; min_objects > 1; min_objects--) {
		for (fract = 16; fract >= 4; fract /= 2) {
			order = calc_slab_order(size, min_objects, slub_max_order, fract);
			if (order <= slub_max_order)
				return (int)order;
		}
	}
	order = calc_slab_order(size, 1, slub_max_order, 1);
	if (order <= slub_max_order)
		return (int)order;
	order = calc_slab_order(size, 1, MAX_ORDER, 1);
	return order <= MAX_ORDER ? (int)order : -1;
}

static struct slab *alloc_slab_page(struct kmem_cache *s, gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages((gfp & ~__GFP_ZERO) | s->allocflags | __GFP_COMP, order);
	struct slab *slab;

	if (!page)
		return NULL;
	slab = page_slab(page);
	__folio_set_slab(slab_folio(slab));
	return slab;
}

/*
 * A new slab, unfrozen, with every object free and set up. The preferred
 * order is tried quietly first, then the smallest that holds one object.
 */
static struct slab *allocate_slab(struct kmem_cache *s, gfp_t gfp)
{
	unsigned int order = s->order, min_order = (unsigned int)get_order(s->size);
	unsigned int i, objects;
	struct slab *slab;
	char *p;

	slab = alloc_slab_page(s, order > min_order ? gfp | __GFP_NOWARN | __GFP_NORETRY : gfp,
			       order);
	if (!slab && order > min_order) {
		order = min_order;
		slab = alloc_slab_page(s, gfp, order);
	}
	if (!slab)
		return NULL;
	objects = order_objects(order, s->size);
	slab->slab_cache = s;
	INIT_LIST_HEAD(&slab->slab_list);
	p = (char *)slab_address(slab) + s->red_left_pad;
	if (kmem_cache_debug(s) && (s->flags & SLAB_POISON))
		memset(slab_address(slab), POISON_INUSE, PAGE_SIZE << order);
	for (i = 0; i < objects; i++, p += s->size) {
		if (kmem_cache_debug(s))
			setup_object_debug(s, p);
		if (s->ctor)
			s->ctor(p);
		set_freepointer(s, p, i + 1 < objects ? p + s->size : NULL);
	}
	slab->freelist = (char *)slab_address(slab) + s->red_left_pad;
	slab->counters = slab_counters(objects, 0, false);
	atomic_long_add(1, &s->nr_slabs);
	atomic_long_add(objects, &s->total_objects);
	return slab;
}

static void discard_slab(struct kmem_cache *s, struct slab *slab)
{
	unsigned int order = slab_order(slab);

	atomic_long_sub(1, &s->nr_slabs);
	atomic_long_sub(slab->objects, &s->total_objects);
	VM_BUG_ON_PAGE(slab->inuse || folio_ref_count(slab_folio(slab)) != 1, slab_page(slab));
	__folio_clear_slab(slab_folio(slab));
	slab->slab_cache = NULL;	/* the page's mapping: must be NULL when freed */
	__free_pages(slab_page(slab), order);
}

/* List lock held. */
static void add_partial(struct kmem_cache *s, struct slab *slab)
{
	VM_BUG_ON_PAGE(slab->frozen || slab_test_node_partial(slab), slab_page(slab));
	list_add(&slab->slab_list, &s->partial);
	s->nr_partial++;
	slab_set_node_partial(slab);
}

static void remove_partial(struct kmem_cache *s, struct slab *slab)
{
	list_del_init(&slab->slab_list);
	s->nr_partial--;
	slab_clear_node_partial(slab);
}

/* ---- the CPU slabs (interrupts off) -------------------------------------- */

/*
 * Take @slab's free objects for its owning CPU. A slab with none is
 * unfrozen: it is full now, on no list. Return: the objects, or NULL.
 */
static void *get_freelist(struct kmem_cache *s, struct slab *slab)
{
	unsigned long c, objects;
	void *fl;

	do {
		fl = READ_ONCE(slab->freelist);
		c = READ_ONCE(slab->counters);
		objects = SLAB_OBJECTS(c);
	} while (!slab_update_freelist(slab, fl, c, NULL, slab_counters(objects, objects, fl)));
	return fl;
}

/* Make the unfrozen partial @slab a CPU's active slab. Return: its objects. */
static void *freeze_slab(struct kmem_cache *s, struct slab *slab)
{
	unsigned long c, objects;
	void *fl;

	do {
		fl = READ_ONCE(slab->freelist);
		c = READ_ONCE(slab->counters);
		objects = SLAB_OBJECTS(c);
	} while (!slab_update_freelist(slab, fl, c, NULL, slab_counters(objects, objects, true)));
	WARN_ON_ONCE(!fl);
	return fl;
}

/*
 * Unfreeze @slab, giving back @freelist (its objects the CPU had not
 * handed out), and put it where it belongs: the node partial list, the
 * page allocator when empty and enough partial slabs exist, or no list
 * when full. The state changes under list_lock, so no free can see the
 * slab unfrozen and partial before it is listed.
 */
static void deactivate_slab(struct kmem_cache *s, struct slab *slab, void *freelist)
{
	unsigned long c, new_c;
	unsigned int n = 0;
	void *tail = NULL, *p, *fl, *new_fl;
	bool discard = false;

	for (p = freelist; p; p = get_freepointer(s, p)) {
		tail = p;
		n++;
	}
	spin_lock(&s->list_lock);
	do {
		fl = READ_ONCE(slab->freelist);
		c = READ_ONCE(slab->counters);
		if (tail)
			set_freepointer(s, tail, fl);
		new_fl = freelist ? freelist : fl;
		new_c = (c & ~SLAB_FROZEN) - n;
	} while (!slab_update_freelist(slab, fl, c, new_fl, new_c));
	if (!SLAB_INUSE(new_c) && s->nr_partial >= s->min_partial)
		discard = true;
	else if (new_fl)
		add_partial(s, slab);
	spin_unlock(&s->list_lock);
	if (discard)
		discard_slab(s, slab);
}

/* Give up this CPU's active slab (c: this CPU's). */
static void flush_slab(struct kmem_cache *s, struct kmem_cache_cpu *c)
{
	struct slab *slab = c->slab;
	void *freelist = c->freelist;

	c->slab = NULL;
	c->freelist = NULL;
	c->tid += TID_STEP;
	if (slab)
		deactivate_slab(s, slab, freelist);
}

/* Move a detached CPU partial list to the node list, freeing empty slabs. */
static void put_partials(struct kmem_cache *s, struct slab *list)
{
	struct slab *slab, *discard = NULL;

	if (!list)
		return;
	spin_lock(&s->list_lock);
	while ((slab = list)) {
		list = slab->next;
		INIT_LIST_HEAD(&slab->slab_list);
		if (!SLAB_INUSE(READ_ONCE(slab->counters)) &&
		    s->nr_partial >= s->min_partial) {
			slab->next = discard;
			discard = slab;
		} else {
			add_partial(s, slab);
		}
	}
	spin_unlock(&s->list_lock);
	while ((slab = discard)) {
		discard = slab->next;
		discard_slab(s, slab);
	}
}

/* A slab that stopped being full goes on this CPU's partial list. */
static void put_cpu_partial(struct kmem_cache *s, struct slab *slab)
{
	struct kmem_cache_cpu *c = this_cpu_ptr(s->cpu_slab);
	struct slab *old = NULL;

	VM_BUG_ON_PAGE(slab->frozen || slab_test_node_partial(slab), slab_page(slab));
	if (c->partial_slabs >= s->cpu_partial_slabs) {
		old = c->partial;
		c->partial = NULL;
		c->partial_slabs = 0;
	}
	slab->next = c->partial;
	c->partial = slab;
	c->partial_slabs++;
	put_partials(s, old);
}

/*
 * Take partial slabs from the node list: the first becomes the active
 * slab (returned, frozen, with its objects in *@freelist); up to half the
 * CPU partial capacity more go to c->partial.
 */
static struct slab *get_partial_node(struct kmem_cache *s, struct kmem_cache_cpu *c,
				     void **freelist)
{
	struct slab *slab, *next, *first = NULL;

	if (!READ_ONCE(s->nr_partial))
		return NULL;
	spin_lock(&s->list_lock);
	list_for_each_entry_safe(slab, next, &s->partial, slab_list) {
		remove_partial(s, slab);
		if (!first) {
			first = slab;
			*freelist = freeze_slab(s, slab);
		} else {
			slab->next = c->partial;
			c->partial = slab;
			c->partial_slabs++;
		}
		if (c->partial_slabs >= s->cpu_partial_slabs / 2)
			break;
	}
	spin_unlock(&s->list_lock);
	return first;
}

static void *alloc_debug_slowpath(struct kmem_cache *s, gfp_t gfp, unsigned long addr);

/*
 * The allocation slow path: refill this CPU's freelist from the active
 * slab's remote frees, a CPU partial slab, a node partial slab or a new
 * slab (allocated with interrupts on when @gfp may block), and take one
 * object. Context: interrupts off. Return: the object, or NULL.
 */
static void *___slab_alloc(struct kmem_cache *s, gfp_t gfp, unsigned long addr)
{
	struct kmem_cache_cpu *c;
	struct slab *slab;
	void *freelist;

	if (kmem_cache_debug(s))
		return alloc_debug_slowpath(s, gfp, addr);
	c = this_cpu_ptr(s->cpu_slab);
	freelist = c->freelist;
	if (freelist)
		goto load_freelist;
	slab = c->slab;
	if (slab) {
		freelist = get_freelist(s, slab);
		if (freelist)
			goto load_freelist;
		c->slab = NULL;		/* full now, and unfrozen */
	}
	slab = c->partial;
	if (slab) {
		c->partial = slab->next;
		c->partial_slabs--;
		freelist = freeze_slab(s, slab);
		goto install;
	}
	slab = get_partial_node(s, c, &freelist);
	if (slab)
		goto install;

	if (gfpflags_allow_blocking(gfp))
		local_irq_enable();
	slab = allocate_slab(s, gfp);
	local_irq_disable();
	if (!slab)
		return NULL;
	freelist = slab->freelist;
	slab->freelist = NULL;
	slab->counters = slab_counters(slab->objects, slab->objects, true);
	/* Perhaps on another CPU now, which may have an active slab meanwhile. */
	c = this_cpu_ptr(s->cpu_slab);
	if (c->slab)
		flush_slab(s, c);
install:
	c->slab = slab;
load_freelist:
	c->freelist = get_freepointer(s, freelist);
	c->tid += TID_STEP;
	return freelist;
}

/* __GFP_ZERO, or init_on_alloc where neither a constructor nor poison owns the bytes. */
static inline bool slab_want_init(gfp_t gfp, const struct kmem_cache *s)
{
	if (gfp & __GFP_ZERO)
		return true;
	return init_on_alloc && !s->ctor && !(s->flags & SLAB_POISON);
}

/*
 * Everything the fast path leaves out: the might_sleep() report, fault
 * injection, the refill, and zeroing. Kept out of line, reached by tail
 * calls, so that the fast path needs no saved registers.
 */
static noinline void *__slab_alloc(struct kmem_cache *s, gfp_t gfp, unsigned long addr)
{
	unsigned long flags;
	void *object;

	might_sleep_if(gfpflags_allow_blocking(gfp));
	/* failslab spares the cache of struct kmem_cache, as Linux does. */
	if (unlikely(s != kmem_cache && should_failslab(s, gfp)))
		return NULL;
	local_irq_save(flags);
	object = ___slab_alloc(s, gfp, addr);
	local_irq_restore(flags);
	if (slab_want_init(gfp, s) && object)
		memset(object, 0, s->object_size);
	return object;
}

/*
 * Does this allocation need __slab_alloc()'s checks? A blocking request
 * in atomic context does (might_sleep(); with interrupts off it is caught
 * on the slow path), and so do zeroing, fault injection and the boot
 * options that disable the fast path.
 */
static __always_inline bool slab_alloc_needs_checks(gfp_t gfp)
{
	return (gfpflags_allow_blocking(gfp) && preempt_count()) || (gfp & __GFP_ZERO) ||
	       slab_alloc_slow;
}

static __always_inline void *slab_alloc(struct kmem_cache *s, gfp_t gfp, unsigned long addr)
{
	struct kmem_cache_cpu *pcp = s->cpu_slab, *c;
	unsigned long tid;
	void *object;
	u128 old, new;

	if (unlikely(slab_alloc_needs_checks(gfp)))
		return __slab_alloc(s, gfp, addr);
redo:
	c = raw_cpu_ptr(pcp);
	tid = READ_ONCE(c->tid);
	barrier();
	object = READ_ONCE(c->freelist);
	if (unlikely(!object))
		return __slab_alloc(s, gfp, addr);
	old = ((u128)tid << 64) | (unsigned long)object;
	new = ((u128)(tid + TID_STEP) << 64) | (unsigned long)get_freepointer(s, object);
	if (unlikely(!this_cpu_try_cmpxchg128(pcp->freelist_tid, &old, new)))
		goto redo;
	return object;
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	return slab_alloc(s, gfp, _RET_IP_);
}

void *kmalloc_trace(struct kmem_cache *s, gfp_t gfp, size_t size)
{
	return slab_alloc(s, gfp, _RET_IP_);
}

/* ---- free ---------------------------------------------------------------- */

static void free_debug_slowpath(struct kmem_cache *s, struct slab *slab, void *object,
				unsigned long addr);

/* Is @slab (a head page) a slab of @s? Any other free is a misuse. */
static inline bool slab_is_of_cache(const struct kmem_cache *s, const struct slab *slab)
{
	return folio_test_slab(slab_folio(slab)) && slab->slab_cache == s;
}

/*
 * A free of @obj to @s which it does not belong to; @slab is its folio's
 * head seen as a slab, which it may not be.
 */
static noinline void report_foreign_object(struct kmem_cache *s, struct slab *slab,
					   const void *obj)
{
	bool is_slab = folio_test_slab(slab_folio(slab));

	pr_err("kmem_cache_free(%s): %p is not an object of this cache (it is %s%s)\n",
	       s->name, obj, is_slab ? "from " : "not from a slab",
	       is_slab ? slab->slab_cache->name : "");
	WARN_ON(1);
	atomic_long_add(1, &slub_debug_reports);
}

/*
 * Freeing the object at the head of the freelist it goes onto is a double
 * free: the hardened build checks that much on every free, as Linux does.
 */
static inline bool freelist_double_free(struct kmem_cache *s, void *head, void *freelist)
{
#ifdef CONFIG_SLAB_FREELIST_HARDENED
	if (unlikely(head == freelist)) {
		pr_err("SLUB %s: double free of %px detected\n", s->name, head);
		WARN_ON(1);
		atomic_long_add(1, &slub_debug_reports);
		return true;
	}
#endif
	return false;
}

/*
 * A free that changes @slab's state: it is unfrozen and was full (it goes
 * to this CPU's partial list) or becomes empty (under list_lock: freed if
 * on the node list, or off every list, with partial slabs enough).
 */
static noinline void slab_free_transition(struct kmem_cache *s, struct slab *slab, void *head,
					  void *tail, unsigned int cnt)
{
	unsigned long c, new_c, flags = 0;
	bool locked = false, was_frozen;
	void *prior;

	do {
		if (locked) {
			spin_unlock_irqrestore(&s->list_lock, flags);
			locked = false;
		}
		prior = READ_ONCE(slab->freelist);
		c = READ_ONCE(slab->counters);
		set_freepointer(s, tail, prior);
		new_c = c - cnt;
		was_frozen = c & SLAB_FROZEN;
		if (!was_frozen && !SLAB_INUSE(new_c)) {
			spin_lock_irqsave(&s->list_lock, flags);
			locked = true;
		}
	} while (!slab_update_freelist(slab, prior, c, head, new_c));

	if (!locked) {
		if (!was_frozen && !prior) {
			local_irq_save(flags);
			put_cpu_partial(s, slab);
			local_irq_restore(flags);
		}
		return;
	}
	if (s->nr_partial >= s->min_partial && (slab_test_node_partial(slab) || !prior)) {
		if (slab_test_node_partial(slab))
			remove_partial(s, slab);
		spin_unlock_irqrestore(&s->list_lock, flags);
		discard_slab(s, slab);
		return;
	}
	if (!prior)
		add_partial(s, slab);
	spin_unlock_irqrestore(&s->list_lock, flags);
}

/*
 * The free slow path: @cnt objects @head .. @tail of @slab, which is not
 * this CPU's active slab, go onto the slab's own freelist with one
 * cmpxchg16b, unless the slab changes state (slab_free_transition()).
 */
static noinline void __slab_free(struct kmem_cache *s, struct slab *slab, void *head,
				 void *tail, unsigned int cnt, unsigned long addr)
{
	unsigned long c, new_c;
	void *prior;

	if (unlikely(!slab_is_of_cache(s, slab))) {
		report_foreign_object(s, slab, head);
		return;
	}
	if (unlikely(kmem_cache_debug(s))) {
		free_debug_slowpath(s, slab, head, addr);
		return;
	}
	do {
		prior = READ_ONCE(slab->freelist);
		c = READ_ONCE(slab->counters);
		new_c = c - cnt;
		if (freelist_double_free(s, head, prior))
			return;
		if (unlikely(!(c & SLAB_FROZEN) && (!prior || !SLAB_INUSE(new_c)))) {
			slab_free_transition(s, slab, head, tail, cnt);
			return;
		}
		set_freepointer(s, tail, prior);
	} while (!slab_update_freelist(slab, prior, c, head, new_c));
}

static __always_inline void do_slab_free(struct kmem_cache *s, struct slab *slab, void *head,
					 void *tail, unsigned int cnt, unsigned long addr)
{
	struct kmem_cache_cpu *pcp = s->cpu_slab, *c;
	unsigned long tid;
	void *freelist;
	u128 old, new;

redo:
	c = raw_cpu_ptr(pcp);
	tid = READ_ONCE(c->tid);
	barrier();
	if (unlikely(slab != READ_ONCE(c->slab))) {
		__slab_free(s, slab, head, tail, cnt, addr);
		return;
	}
	freelist = READ_ONCE(c->freelist);
	if (freelist_double_free(s, head, freelist))
		return;
	set_freepointer(s, tail, freelist);
	old = ((u128)tid << 64) | (unsigned long)freelist;
	new = ((u128)(tid + TID_STEP) << 64) | (unsigned long)head;
	if (unlikely(!this_cpu_try_cmpxchg128(pcp->freelist_tid, &old, new)))
		goto redo;
}

/* init_on_free clears objects whose bytes no constructor or poison owns. */
static inline void slab_free_clear(struct kmem_cache *s, void *object)
{
	if (unlikely(init_on_free) && !s->ctor && !(s->flags & SLAB_POISON))
		memset(object, 0, s->object_size);
}

static noinline void slab_free_init(struct kmem_cache *s, struct slab *slab, void *object,
				    unsigned long addr)
{
	if (slab_is_of_cache(s, slab))
		slab_free_clear(s, object);
	do_slab_free(s, slab, object, object, 1, addr);
}

static __always_inline void slab_free(struct kmem_cache *s, struct slab *slab, void *object,
				      unsigned long addr)
{
	if (unlikely(init_on_free))
		slab_free_init(s, slab, object, addr);
	else
		do_slab_free(s, slab, object, object, 1, addr);
}

void kmem_cache_free(struct kmem_cache *s, void *obj)
{
	if (unlikely(!obj))
		return;
	/* Not checked here: a foreign object is never s's active slab's (__slab_free). */
	slab_free(s, folio_slab(virt_to_folio(obj)), obj, _RET_IP_);
}

/* ---- bulk -------------------------------------------------------------- */

int kmem_cache_alloc_bulk(struct kmem_cache *s, gfp_t gfp, size_t nr, void **p)
{
	struct kmem_cache_cpu *c;
	unsigned long flags;
	size_t i;

	might_sleep_if(gfpflags_allow_blocking(gfp));
	if (unlikely(should_failslab(s, gfp)))
		return 0;
	local_irq_save(flags);
	c = this_cpu_ptr(s->cpu_slab);
	for (i = 0; i < nr; i++) {
		void *object = c->freelist;

		if (unlikely(!object)) {
			/* The pops so far have not advanced tid: do it now. */
			c->tid += TID_STEP;
			p[i] = ___slab_alloc(s, gfp, _RET_IP_);
			if (unlikely(!p[i]))
				goto error;
			c = this_cpu_ptr(s->cpu_slab);
			continue;
		}
		c->freelist = get_freepointer(s, object);
		p[i] = object;
	}
	c->tid += TID_STEP;
	local_irq_restore(flags);
	if (slab_want_init(gfp, s))
		for (i = 0; i < nr; i++)
			memset(p[i], 0, s->object_size);
	return (int)nr;
error:
	local_irq_restore(flags);
	kmem_cache_free_bulk(s, i, p);
	return 0;
}

/*
 * Free p[nr - 1] together with the objects of its slab among the entries
 * before it, chained into one detached freelist, as Linux does: the scan
 * stops at the third entry of another slab. The entries taken are NULLed.
 */
static void free_bulk_one_slab(struct kmem_cache *s, size_t nr, void **p)
{
	void *head = p[--nr], *tail = head;
	struct slab *slab = virt_to_slab(head);
	struct kmem_cache *cache = s ? s : slab ? slab->slab_cache : NULL;
	unsigned int cnt = 1, misses = 0;

	if (!cache) {
		kfree(head);	/* a large kmalloc, or a bad pointer: reported there */
		return;
	}
	slab = folio_slab(virt_to_folio(head));
	if (unlikely(!slab_is_of_cache(cache, slab))) {
		report_foreign_object(cache, slab, head);
		return;
	}
	slab_free_clear(cache, head);
	while (nr && !kmem_cache_debug(cache) && misses < 3) {
		void *object = p[--nr];

		if (!object)
			continue;
		if (virt_to_slab(object) == slab) {
			slab_free_clear(cache, object);
			set_freepointer(cache, object, head);
			head = object;
			cnt++;
			p[nr] = NULL;	/* skipped by the caller */
		} else {
			misses++;
		}
	}
	do_slab_free(cache, slab, head, tail, cnt, _RET_IP_);
}

void kmem_cache_free_bulk(struct kmem_cache *s, size_t nr, void **p)
{
	for (; nr; nr--)
		if (p[nr - 1])
			free_bulk_one_slab(s, nr, p);
}

/* ---- caches ------------------------------------------------------------ */

static unsigned int calculate_alignment(slab_flags_t flags, unsigned int align, unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = L1_CACHE_BYTES;

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	return ALIGN(max(align, (unsigned int)sizeof(void *)), sizeof(void *));
}

/* Lay out the object slot (mm/slab.h) and choose the slab order. */
static bool calculate_sizes(struct kmem_cache *s)
{
	slab_flags_t flags = s->flags;
	unsigned int size = ALIGN(s->object_size, sizeof(void *));
	int order;

	s->red_left_pad = 0;
	if ((flags & SLAB_RED_ZONE) && size == s->object_size)
		size += sizeof(void *);		/* a right red zone to check */
	s->inuse = size;
	if ((flags & SLAB_POISON) || s->ctor || s->object_size < sizeof(void *)) {
		/* The object's bytes are not ours when free: the pointer goes after. */
		s->offset = size;
		size += sizeof(void *);
	} else {
		s->offset = ALIGN_DOWN(s->object_size / 2, sizeof(void *));
	}
	if (flags & SLAB_STORE_USER)
		size += 2 * sizeof(struct track);
	if (flags & SLAB_RED_ZONE) {
		size += sizeof(void *);		/* keeps overruns off the metadata */
		s->red_left_pad = ALIGN(sizeof(void *), s->align);
		size += s->red_left_pad;
	}
	s->size = ALIGN(size, s->align);
	order = calculate_order(s->size);
	if (order < 0)
		return false;
	s->order = (unsigned int)order;
	s->objects = order_objects(s->order, s->size);
	return s->objects > 0;
}

/* Linux's CPU partial capacity, in objects, turned into slabs. */
static void set_cpu_partial(struct kmem_cache *s)
{
	unsigned int objects;

	if (s->size >= PAGE_SIZE)
		objects = 2;
	else if (s->size >= 1024)
		objects = 6;
	else if (s->size >= 256)
		objects = 13;
	else
		objects = 30;
	s->cpu_partial_slabs = kmem_cache_debug(s) ? 0 : DIV_ROUND_UP(objects * 2, s->objects);
}

static int kmem_cache_open(struct kmem_cache *s, const char *name, unsigned int size,
			   unsigned int align, slab_flags_t flags, void (*ctor)(void *))
{
	unsigned int cpu;

	s->name = name;
	s->object_size = size;
	s->flags = kmem_cache_flags(name, flags);
	s->ctor = ctor;
	s->align = calculate_alignment(s->flags, align, size);
	s->refcount = 1;
#ifdef CONFIG_SLAB_FREELIST_HARDENED
	s->random = (rdtsc_ordered() * 0x9e3779b97f4a7c15ULL) | 1;
#endif
	if (!calculate_sizes(s))
		return -EINVAL;
	if (disable_higher_order_debug && get_order(s->size) > get_order(s->object_size)) {
		s->flags &= ~DEBUG_METADATA_FLAGS;
		if (!calculate_sizes(s))
			return -EINVAL;
	}
	s->min_partial = clamp((unsigned long)ilog2(s->size) / 2, 5UL, 10UL);
	set_cpu_partial(s);
	if (s->flags & SLAB_CACHE_DMA)
		s->allocflags |= GFP_DMA;
	if (s->flags & SLAB_CACHE_DMA32)
		s->allocflags |= GFP_DMA32;
	if (s->flags & SLAB_RECLAIM_ACCOUNT)
		s->allocflags |= __GFP_RECLAIMABLE;
	spin_lock_init(&s->list_lock);
	INIT_LIST_HEAD(&s->partial);
	INIT_LIST_HEAD(&s->full);
	s->cpu_slab = alloc_percpu(struct kmem_cache_cpu);
	if (!s->cpu_slab)
		return -ENOMEM;
	for_each_possible_cpu(cpu)
		per_cpu_ptr(s->cpu_slab, cpu)->tid = cpu;
	return 0;
}

#define SLAB_NEVER_MERGE	(SLAB_DEBUG_FLAGS | SLAB_NO_MERGE | SLAB_FAILSLAB)
#define SLAB_MERGE_SAME		(SLAB_RECLAIM_ACCOUNT | SLAB_CACHE_DMA | SLAB_CACHE_DMA32)

static bool slab_unmergeable(const struct kmem_cache *s)
{
	return slab_nomerge || s->ctor || (s->flags & SLAB_NEVER_MERGE) || s->refcount < 0;
}

/* A cache @size-byte objects can share, as Linux's find_mergeable(). Mutex held. */
static struct kmem_cache *find_mergeable(unsigned int size, unsigned int align,
					 slab_flags_t flags, const char *name, void (*ctor)(void *))
{
	struct kmem_cache *s;

	flags = kmem_cache_flags(name, flags);
	if (slab_nomerge || ctor || (flags & SLAB_NEVER_MERGE))
		return NULL;
	size = ALIGN(size, sizeof(void *));
	align = calculate_alignment(flags, align, size);
	size = ALIGN(size, align);
	list_for_each_entry_reverse(s, &slab_caches, list) {
		if (slab_unmergeable(s) || size > s->size)
			continue;
		if ((flags & SLAB_MERGE_SAME) != (s->flags & SLAB_MERGE_SAME))
			continue;
		if ((s->size & ~(align - 1)) != s->size || s->size - size >= sizeof(void *))
			continue;
		return s;
	}
	return NULL;
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *))
{
	struct kmem_cache *s = NULL;

	might_sleep();
	if (!name || !size || size > KMALLOC_MAX_CACHE_SIZE * 4 || (align & (align - 1))) {
		pr_err("kmem_cache_create(%s): bad size %u or alignment %u\n",
		       name ? name : "(null)", size, align);
		goto out;
	}
	mutex_lock(&slab_caches_mutex);
	s = find_mergeable(size, align, flags, name, ctor);
	if (s) {
		s->refcount++;
		s->object_size = max(s->object_size, size);
	} else {
		s = kmem_cache_zalloc(kmem_cache, GFP_KERNEL);
		if (s && kmem_cache_open(s, name, size, align, flags, ctor)) {
			free_percpu(s->cpu_slab);
			kmem_cache_free(kmem_cache, s);
			s = NULL;
		}
		if (s && sysfs_slab_add(s)) {
			free_percpu(s->cpu_slab);
			kmem_cache_free(kmem_cache, s);
			s = NULL;
		}
		if (s)
			list_add_tail(&s->list, &slab_caches);
	}
	mutex_unlock(&slab_caches_mutex);
out:
	if (!s && (flags & SLAB_PANIC))
		panic("kmem_cache_create: Failed to create slab '%s'", name);
	return s;
}

const char *kmem_cache_name(const struct kmem_cache *s)
{
	return s->name;
}

unsigned int kmem_cache_size(const struct kmem_cache *s)
{
	return s->object_size;
}

/* Give up this CPU's active and partial slabs of @data (IPI: interrupts off). */
static void flush_cpu_slab(void *data)
{
	struct kmem_cache *s = data;
	struct kmem_cache_cpu *c = this_cpu_ptr(s->cpu_slab);
	struct slab *partial = c->partial;

	flush_slab(s, c);
	c->partial = NULL;
	c->partial_slabs = 0;
	put_partials(s, partial);
}

void flush_all(struct kmem_cache *s)
{
	on_each_cpu(flush_cpu_slab, s, true);
}

/* Free the empty slabs of the node partial list. */
static void discard_empty_slabs(struct kmem_cache *s)
{
	struct slab *slab, *next;
	unsigned long flags;
	LIST_HEAD(empty);

	spin_lock_irqsave(&s->list_lock, flags);
	list_for_each_entry_safe(slab, next, &s->partial, slab_list) {
		if (SLAB_INUSE(READ_ONCE(slab->counters)))
			continue;
		remove_partial(s, slab);
		list_add(&slab->slab_list, &empty);
	}
	spin_unlock_irqrestore(&s->list_lock, flags);
	list_for_each_entry_safe(slab, next, &empty, slab_list)
		discard_slab(s, slab);
}

int kmem_cache_shrink(struct kmem_cache *s)
{
	might_sleep();
	flush_all(s);
	discard_empty_slabs(s);
	return 0;
}

unsigned long count_free(unsigned long counters)
{
	return SLAB_OBJECTS(counters) - SLAB_INUSE(counters);
}

unsigned long count_inuse(unsigned long counters)
{
	return SLAB_INUSE(counters);
}

unsigned long count_partial(struct kmem_cache *s, unsigned long (*get_count)(unsigned long))
{
	unsigned long flags, x = 0;
	struct slab *slab;

	spin_lock_irqsave(&s->list_lock, flags);
	list_for_each_entry(slab, &s->partial, slab_list)
		x += get_count(READ_ONCE(slab->counters));
	spin_unlock_irqrestore(&s->list_lock, flags);
	return x;
}

unsigned long count_free_objects(struct kmem_cache *s)
{
	return count_partial(s, count_free);
}

void kmem_cache_destroy(struct kmem_cache *s)
{
	long left;

	if (!s)
		return;
	mutex_lock(&slab_caches_mutex);
	if (--s->refcount)
		goto out;
	kmem_cache_shrink(s);
	left = atomic_long_read(&s->nr_slabs);
	if (left) {
		pr_err("kmem_cache_destroy %s: Slab cache still has objects when called from %pS\n",
		       s->name, __builtin_return_address(0));
		pr_err("%s: %ld object%s in %ld slab%s still allocated, cache kept\n", s->name,
		       atomic_long_read(&s->total_objects) - count_free_objects(s),
		       atomic_long_read(&s->total_objects) - count_free_objects(s) == 1 ? "" : "s",
		       left, left > 1 ? "s" : "");
		atomic_long_add(1, &slub_debug_reports);
		s->refcount = 1;
		goto out;
	}
	sysfs_slab_remove(s);
	list_del(&s->list);
	free_percpu(s->cpu_slab);
	kmem_cache_free(kmem_cache, s);
out:
	mutex_unlock(&slab_caches_mutex);
}

/* ---- kmalloc ----------------------------------------------------------- */

/* For sizes up to 192: kmalloc_index() of (size - 1) / 8. */
static u8 size_index[24];

static struct kmem_cache *kmalloc_slab(size_t size, gfp_t gfp)
{
	unsigned int index = size <= 192 ? size_index[(size - 1) / 8] :
					   (unsigned int)fls_long(size - 1);

	return kmalloc_caches[kmalloc_type(gfp)][index];
}

void *__kmalloc(size_t size, gfp_t gfp)
{
	struct page *page;

	if (unlikely(!size))
		return ZERO_SIZE_PTR;
	if (likely(size <= KMALLOC_MAX_CACHE_SIZE))
		return slab_alloc(kmalloc_slab(size, gfp), gfp, _RET_IP_);
	page = alloc_pages(gfp | __GFP_COMP, get_order(size));
	return page ? page_address(page) : NULL;
}

void kfree(const void *obj)
{
	struct folio *folio;
	struct slab *slab;

	if (unlikely(ZERO_OR_NULL_PTR(obj)))
		return;
	folio = virt_to_folio(obj);
	if (likely(folio_test_slab(folio))) {
		slab = folio_slab(folio);
		slab_free(slab->slab_cache, slab, (void *)obj, _RET_IP_);
		return;
	}
	if (WARN_ON(!folio_test_large(folio) || obj != folio_address(folio))) {
		pr_err("kfree: %p is not a kmalloc()ed object\n", obj);
		atomic_long_add(1, &slub_debug_reports);
		return;
	}
	__free_pages(folio_page(folio, 0), folio_order(folio));
}

size_t ksize(const void *obj)
{
	struct folio *folio;

	if (ZERO_OR_NULL_PTR(obj))
		return 0;
	folio = virt_to_folio(obj);
	if (folio_test_slab(folio))
		return folio_slab(folio)->slab_cache->object_size;
	return folio_size(folio);
}

void *krealloc(const void *p, size_t new_size, gfp_t gfp)
{
	size_t old = ksize(p);
	void *n;

	if (!new_size) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	if (!ZERO_OR_NULL_PTR(p) && new_size <= old)
		return (void *)p;
	n = __kmalloc(new_size, gfp);
	if (n && !ZERO_OR_NULL_PTR(p)) {
		memcpy(n, p, old);
		kfree(p);
	}
	return n;
}

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = __kmalloc(len, gfp);

	if (p && len)
		memcpy(p, src, len);
	return p;
}

char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	size_t len;
	char *p;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	p = __kmalloc(len + 1, gfp);
	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

char *kstrdup(const char *s, gfp_t gfp)
{
	return s ? kstrndup(s, strlen(s), gfp) : NULL;
}

/* ---- debug caches: every object under list_lock --------------------------- */

/* Take one object of @slab (list lock held); move it to the full list when it empties. */
static void *alloc_single(struct kmem_cache *s, struct slab *slab, unsigned long addr)
{
	void *object = slab->freelist;
	unsigned int objects = slab->objects;

	if (!alloc_debug_processing(s, slab, object, addr)) {
		/* Corrupt: the slab's free objects are given up, as Linux does. */
		slab->freelist = NULL;
		slab->counters = slab_counters(objects, objects, false);
		object = NULL;
	} else {
		slab->freelist = get_freepointer(s, object);
		slab->inuse++;
	}
	if (!slab->freelist) {
		if (slab_test_node_partial(slab))
			remove_partial(s, slab);
		list_add(&slab->slab_list, &s->full);
	} else if (!slab_test_node_partial(slab)) {
		add_partial(s, slab);
	}
	return object;
}

/* Context: interrupts off. */
static void *alloc_debug_slowpath(struct kmem_cache *s, gfp_t gfp, unsigned long addr)
{
	struct slab *slab;
	void *object = NULL;

	spin_lock(&s->list_lock);
	while (!object && (slab = list_first_entry_or_null(&s->partial, struct slab, slab_list)))
		object = alloc_single(s, slab, addr);
	spin_unlock(&s->list_lock);
	if (object)
		return object;
	if (gfpflags_allow_blocking(gfp))
		local_irq_enable();
	slab = allocate_slab(s, gfp);
	local_irq_disable();
	if (!slab)
		return NULL;
	spin_lock(&s->list_lock);
	object = alloc_single(s, slab, addr);
	spin_unlock(&s->list_lock);
	return object;
}

static void free_debug_slowpath(struct kmem_cache *s, struct slab *slab, void *object,
				unsigned long addr)
{
	unsigned long flags;
	bool was_full, discard = false;

	spin_lock_irqsave(&s->list_lock, flags);
	if (!free_debug_processing(s, slab, object, addr))
		goto out;
	was_full = !slab->freelist;
	set_freepointer(s, object, slab->freelist);
	slab->freelist = object;
	slab->inuse--;
	if (!slab->inuse && s->nr_partial >= s->min_partial) {
		if (was_full)
			list_del_init(&slab->slab_list);
		else
			remove_partial(s, slab);
		discard = true;
	} else if (was_full) {
		list_del_init(&slab->slab_list);
		add_partial(s, slab);
	}
out:
	spin_unlock_irqrestore(&s->list_lock, flags);
	if (discard)
		discard_slab(s, slab);
}

/* ---- boot parameters ------------------------------------------------------ */

static int setup_uint_param(char *str, unsigned int *val, unsigned int max, const char *name)
{
	unsigned int v;

	if (kstrtouint(str, 0, &v) || v > max) {
		pr_warn("%s: bad value '%s' ignored\n", name, str);
		return -EINVAL;
	}
	*val = v;
	return 0;
}

static int setup_slub_min_order(char *str)
{
	return setup_uint_param(str, &slub_min_order, MAX_ORDER, "slub_min_order");
}
early_param("slub_min_order=", setup_slub_min_order);

static int setup_slub_max_order(char *str)
{
	return setup_uint_param(str, &slub_max_order, MAX_ORDER, "slub_max_order");
}
early_param("slub_max_order=", setup_slub_max_order);

static int setup_slub_min_objects(char *str)
{
	return setup_uint_param(str, &slub_min_objects, MAX_OBJS_PER_PAGE, "slub_min_objects");
}
early_param("slub_min_objects=", setup_slub_min_objects);

static int setup_slab_nomerge(char *str)
{
	slab_nomerge = true;
	return 0;
}
early_param("slab_nomerge", setup_slab_nomerge);


/* ---- boot and slabinfo ------------------------------------------------- */

static const char *const kmalloc_names[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1] = {
#define KMALLOC_NAMES(p) { NULL, p "kmalloc-96", p "kmalloc-192", p "kmalloc-8",		\
	p "kmalloc-16", p "kmalloc-32", p "kmalloc-64", p "kmalloc-128", p "kmalloc-256",	\
	p "kmalloc-512", p "kmalloc-1k", p "kmalloc-2k", p "kmalloc-4k", p "kmalloc-8k" }
	[KMALLOC_NORMAL] = KMALLOC_NAMES(""),
	[KMALLOC_DMA] = KMALLOC_NAMES("dma-"),
	[KMALLOC_DMA32] = KMALLOC_NAMES("dma32-"),
#undef KMALLOC_NAMES
};

static unsigned int kmalloc_size_of(unsigned int index)
{
	return index == 1 ? 96 : index == 2 ? 192 : 1U << index;
}

/* kmalloc() of a power of two is naturally aligned, red zones or not (as Linux). */
static unsigned int kmalloc_align(unsigned int size)
{
	return is_power_of_2(size) ? size : 0;
}

static void create_boot_cache(struct kmem_cache *s, const char *name, unsigned int size,
				     slab_flags_t flags)
{
	if (kmem_cache_open(s, name, size, kmalloc_align(size), flags, NULL))
		panic("SLUB: cannot create cache %s", name);
	list_add_tail(&s->list, &slab_caches);
}

static const slab_flags_t kmalloc_type_flags[NR_KMALLOC_TYPES] = {
	[KMALLOC_NORMAL] = 0,
	[KMALLOC_DMA] = SLAB_CACHE_DMA,
	[KMALLOC_DMA32] = SLAB_CACHE_DMA32,
};

void kmem_cache_init(void)
{
	unsigned int i, type, size;

	if (init_on_alloc || debug_pagealloc_enabled)
		slab_alloc_slow |= SLAB_ALLOC_SLOW_INIT;
	create_boot_cache(&kmem_cache_boot, "kmem_cache", sizeof(struct kmem_cache),
			  SLAB_HWCACHE_ALIGN);
	for (i = 1; i <= KMALLOC_SHIFT_HIGH; i++) {
		create_boot_cache(&kmalloc_boot[i], kmalloc_names[KMALLOC_NORMAL][i],
				  kmalloc_size_of(i), SLAB_KMALLOC);
		kmalloc_caches[KMALLOC_NORMAL][i] = &kmalloc_boot[i];
	}
	for (type = KMALLOC_DMA; type < NR_KMALLOC_TYPES; type++) {
		for (i = 1; i <= KMALLOC_SHIFT_HIGH; i++)
			kmalloc_caches[type][i] = kmem_cache_create(kmalloc_names[type][i],
				kmalloc_size_of(i), kmalloc_align(kmalloc_size_of(i)),
				SLAB_KMALLOC | SLAB_PANIC | kmalloc_type_flags[type], NULL);
	}
	for (size = 8; size <= 192; size += 8)
		size_index[(size - 1) / 8] = (u8)kmalloc_index(size);
}

static void print_slabinfo_header(struct seq_file *m)
{
	seq_puts(m, "slabinfo - version: 2.1\n");
	seq_puts(m, "# name            <active_objs> <num_objs> <objsize> <objperslab> "
		 "<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : "
		 "slabdata <active_slabs> <num_slabs> <sharedavail>\n");
}

int slabinfo_show(struct seq_file *m, void *v)
{
	struct kmem_cache *s;

	print_slabinfo_header(m);
	mutex_lock(&slab_caches_mutex);
	list_for_each_entry(s, &slab_caches, list) {
		unsigned long objs = (unsigned long)atomic_long_read(&s->total_objects);
		unsigned long slabs = (unsigned long)atomic_long_read(&s->nr_slabs);

		seq_printf(m, "%-17s %6lu %6lu %6u %4u %4u : tunables %4u %4u %4u : "
			   "slabdata %6lu %6lu %6u\n", s->name, objs - count_free_objects(s),
			   objs, s->size, s->objects, 1U << s->order, 0, 0, 0, slabs, slabs, 0);
	}
	mutex_unlock(&slab_caches_mutex);
	return 0;
}

void slab_sysfs_init(void)
{
	struct kmem_cache *s;

	mutex_lock(&slab_caches_mutex);
	if (slab_sysfs_start()) {
		pr_err("SLUB: cannot make /sys/kernel/slab\n");
		goto out;
	}
	list_for_each_entry(s, &slab_caches, list)
		if (sysfs_slab_add(s))
			pr_err("SLUB: no /sys/kernel/slab/%s\n", s->name);
out:
	mutex_unlock(&slab_caches_mutex);
}

/* "slabinfo -v": not a printer but slub_debug's validation of every cache. */
static int slabinfo_validate(void)
{
	unsigned long errors = 0;
	struct kmem_cache *s;

	mutex_lock(&slab_caches_mutex);
	list_for_each_entry(s, &slab_caches, list)
		errors += validate_slab_cache(s);
	mutex_unlock(&slab_caches_mutex);
	raw_printk("slabinfo: validated every cache: %lu error%s\n", errors,
		   errors == 1 ? "" : "s");
	return errors ? -EINVAL : 0;
}

static int cmd_slabinfo(int argc, char **argv)
{
	if (argc == 1)
		return shell_seq_print(slabinfo_show, NULL);
	if (argc == 2 && !strcmp(argv[1], "-v"))
		return slabinfo_validate();
	raw_printk("usage: slabinfo [-v]\n");
	return -EINVAL;
}
SHELL_CMD(slabinfo, "slab caches, as /proc/slabinfo; -v validates every slab", cmd_slabinfo);
