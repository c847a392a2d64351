// SPDX-License-Identifier: GPL-2.0
/*
 * SLUB: the slab allocator, after Linux's design (include/linux/slab.h).
 *
 * A cache hands out objects of one size from slabs: compound pages of an
 * order chosen so that a slab holds enough objects (slub_min_objects) with
 * little waste. A free object keeps the pointer to the next free one at
 * s->offset inside itself (after the object when a constructor owns its
 * bytes). The slab's struct page (head) is the struct slab: its cache,
 * its freelist, and the counters inuse / objects / frozen.
 *
 * Each CPU has an active slab and owns its free objects: c->freelist is
 * popped and pushed by that CPU alone, with interrupts off, which is what
 * keeps two paths on one CPU apart; no lock is taken on that fast path. An
 * active slab is "frozen": its inuse counts every object (the CPU's free
 * ones included), so remote frees can only decrease it. Objects freed by
 * other CPUs, or to a slab that is not this CPU's active one, go onto the
 * slab's own freelist under the cache's list_lock. When the CPU's
 * freelist runs dry it takes the slab's remote frees, else moves to a
 * partial slab of the node list, else allocates a slab. Slabs that become
 * empty are freed to the page allocator beyond min_partial per cache.
 *
 * Locking: s->list_lock (interrupts off) protects the partial list and
 * the freelist and counters of every slab that is not frozen, and the
 * remote freelist of frozen ones. slab_caches_mutex protects the list of
 * caches.
 */
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/panic.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/smp.h>
#include <linux/bitops.h>
#include <linux/shell.h>
#include <linux/atomic.h>
#include <asm/irqflags.h>

#define SLUB_MIN_OBJECTS	16
#define SLUB_MAX_ORDER		3
#define L1_CACHE_BYTES		64

struct kmem_cache_cpu {
	void *freelist;		/* free objects of slab, this CPU's alone */
	struct page *slab;	/* the active slab, frozen; NULL if none */
};

struct kmem_cache {
	struct kmem_cache_cpu cpu_slab[NR_CPUS];
	unsigned int object_size;	/* what the user asked for */
	unsigned int size;		/* object plus metadata, aligned */
	unsigned int offset;		/* of the free pointer in an object */
	unsigned int align;
	unsigned int order;
	unsigned int objects;		/* per slab */
	slab_flags_t flags;
	gfp_t allocflags;
	void (*ctor)(void *);
	const char *name;
	struct list_head list;		/* slab_caches */

	spinlock_t list_lock;
	struct list_head partial;
	unsigned long nr_partial;
	unsigned long min_partial;
	atomic_long_t nr_slabs;
	atomic_long_t total_objects;
};

/* counters: inuse (bits 0-15), objects (16-30), frozen (31). */
#define SLAB_INUSE(c)		((c) & 0xffff)
#define SLAB_FROZEN		(1UL << 31)

static LIST_HEAD(slab_caches);
static DEFINE_MUTEX(slab_caches_mutex);

/* kmalloc caches, by index: 8, 16, 32, 64, 96, 128, 192, 256 ... 8192. */
#define NR_KMALLOC	13
static const unsigned int kmalloc_sizes[NR_KMALLOC] = {
	8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192,
};
static struct kmem_cache kmalloc_boot[NR_KMALLOC];
static struct kmem_cache *kmalloc_caches[NR_KMALLOC];
/* For sizes up to 192: the cache index of (size - 1) / 8. */
static u8 size_index[24];
/* kmem_cache structures of kmem_cache_create(). */
static struct kmem_cache kmem_cache_boot;

static inline void *get_freepointer(const struct kmem_cache *s, void *object)
{
	return *(void **)((char *)object + s->offset);
}

static inline void set_freepointer(const struct kmem_cache *s, void *object, void *fp)
{
	*(void **)((char *)object + s->offset) = fp;
}

static inline struct page *virt_to_slab(const void *obj)
{
	struct page *page = compound_head(virt_to_page(obj));

	return PageSlab(page) ? page : NULL;
}

/* ---- slabs ------------------------------------------------------------- */

static unsigned int order_objects(unsigned int order, unsigned int size)
{
	return (unsigned int)((PAGE_SIZE << order) / size);
}

/* The smallest order giving SLUB_MIN_OBJECTS objects, or wasting under 1/16. */
static unsigned int calculate_order(unsigned int size)
{
	unsigned int order;

	for (order = get_order(size); order < SLUB_MAX_ORDER; order++) {
		unsigned long bytes = PAGE_SIZE << order;

		if (order_objects(order, size) >= SLUB_MIN_OBJECTS ||
		    (bytes % size) * 16 <= bytes)
			return order;
	}
	return max((unsigned int)SLUB_MAX_ORDER, get_order(size));
}

static struct page *allocate_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct page *slab = alloc_pages((gfp & ~__GFP_ZERO) | s->allocflags | __GFP_COMP,
					s->order);
	char *start, *p;
	unsigned int i;

	if (!slab)
		return NULL;
	__SetPageSlab(slab);
	slab->slab_cache = s;
	INIT_LIST_HEAD(&slab->slab_list);
	start = page_address(slab);
	for (i = 0, p = start; i < s->objects; i++, p += s->size) {
		if (s->ctor)
			s->ctor(p);
		set_freepointer(s, p, i + 1 < s->objects ? p + s->size : NULL);
	}
	slab->slab_freelist = start;
	slab->slab_counters = (unsigned long)s->objects << 16;
	atomic_long_add(1, &s->nr_slabs);
	atomic_long_add(s->objects, &s->total_objects);
	return slab;
}

static void discard_slab(struct kmem_cache *s, struct page *slab)
{
	atomic_long_sub(1, &s->nr_slabs);
	atomic_long_sub(s->objects, &s->total_objects);
	__ClearPageSlab(slab);
	slab->slab_cache = NULL;	/* the page's mapping: must be NULL when freed */
	__free_pages(slab, s->order);
}

/* ---- the per-CPU active slab ------------------------------------------- */

/*
 * Give up this CPU's active slab: its free objects go back to the slab,
 * which joins the partial list, or is freed when empty and enough remain.
 * Context: interrupts off.
 */
static void deactivate_slab(struct kmem_cache *s, struct kmem_cache_cpu *c)
{
	struct page *slab = c->slab, *discard = NULL;
	unsigned int returned = 0;
	void *object;

	if (!slab)
		return;
	spin_lock(&s->list_lock);
	while ((object = c->freelist)) {
		c->freelist = get_freepointer(s, object);
		set_freepointer(s, object, slab->slab_freelist);
		slab->slab_freelist = object;
		returned++;
	}
	slab->slab_counters = (slab->slab_counters & ~SLAB_FROZEN) - returned;
	if (!SLAB_INUSE(slab->slab_counters) && s->nr_partial >= s->min_partial) {
		discard = slab;
	} else if (slab->slab_freelist) {
		list_add(&slab->slab_list, &s->partial);
		s->nr_partial++;
	}
	spin_unlock(&s->list_lock);
	c->slab = NULL;
	if (discard)
		discard_slab(s, discard);
}

/* Make @slab this CPU's active slab with its free objects. List lock held. */
static void freeze_slab(struct kmem_cache *s, struct kmem_cache_cpu *c, struct page *slab)
{
	c->freelist = slab->slab_freelist;
	slab->slab_freelist = NULL;
	slab->slab_counters = ((unsigned long)s->objects << 16) | s->objects | SLAB_FROZEN;
	c->slab = slab;
}

/*
 * Refill this CPU's freelist: the active slab's remote frees, else a
 * partial slab, else a new slab (allocated with interrupts on when @gfp
 * may sleep; the caller looks up its CPU again after).
 * Context: interrupts off. Return: false when no memory.
 */
static bool refill_cpu_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct kmem_cache_cpu *c = &s->cpu_slab[smp_processor_id()];
	struct page *slab;

	spin_lock(&s->list_lock);
	slab = c->slab;
	if (slab && !slab->slab_freelist) {
		/* Full: on no list until an object comes back (slab_free_slowpath). */
		slab->slab_counters &= ~SLAB_FROZEN;
		c->slab = NULL;
		slab = NULL;
	}
	if (!slab) {
		slab = list_first_entry_or_null(&s->partial, struct page, slab_list);
		if (slab) {
			list_del_init(&slab->slab_list);
			s->nr_partial--;
		}
	}
	if (slab) {
		freeze_slab(s, c, slab);
		spin_unlock(&s->list_lock);
		return true;
	}
	spin_unlock(&s->list_lock);
	if (gfpflags_allow_blocking(gfp))
		local_irq_enable();
	slab = allocate_slab(s, gfp);
	local_irq_disable();
	if (!slab)
		return false;
	/* Perhaps another CPU now, perhaps with a slab by now: queue it then. */
	c = &s->cpu_slab[smp_processor_id()];
	spin_lock(&s->list_lock);
	if (c->slab) {
		list_add(&slab->slab_list, &s->partial);
		s->nr_partial++;
	} else {
		freeze_slab(s, c, slab);
	}
	spin_unlock(&s->list_lock);
	return true;
}

static void *slab_alloc_slowpath(struct kmem_cache *s, gfp_t gfp)
{
	struct kmem_cache_cpu *c;
	void *object;

	for (;;) {
		c = &s->cpu_slab[smp_processor_id()];
		object = c->freelist;
		if (object)
			break;
		if (!refill_cpu_slab(s, gfp))
			return NULL;
	}
	c->freelist = get_freepointer(s, object);
	return object;
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	struct kmem_cache_cpu *c;
	unsigned long flags;
	void *object;

	might_sleep_if(gfpflags_allow_blocking(gfp));
	local_irq_save(flags);
	c = &s->cpu_slab[raw_smp_processor_id()];
	object = c->freelist;
	if (likely(object))
		c->freelist = get_freepointer(s, object);
	else
		object = slab_alloc_slowpath(s, gfp);
	local_irq_restore(flags);
	if (unlikely(gfp & __GFP_ZERO) && object)
		memset(object, 0, s->object_size);
	return object;
}

/* A free that is not to this CPU's active slab. Context: interrupts off. */
static void slab_free_slowpath(struct kmem_cache *s, struct page *slab, void *object)
{
	struct page *discard = NULL;
	bool was_full;

	spin_lock(&s->list_lock);
	was_full = !slab->slab_freelist;
	set_freepointer(s, object, slab->slab_freelist);
	slab->slab_freelist = object;
	slab->slab_counters--;
	if (!(slab->slab_counters & SLAB_FROZEN)) {
		if (!SLAB_INUSE(slab->slab_counters) && s->nr_partial > s->min_partial) {
			if (!was_full) {
				list_del_init(&slab->slab_list);
				s->nr_partial--;
			}
			discard = slab;
		} else if (was_full) {
			list_add_tail(&slab->slab_list, &s->partial);
			s->nr_partial++;
		}
	}
	spin_unlock(&s->list_lock);
	if (discard)
		discard_slab(s, discard);
}

static void slab_free(struct kmem_cache *s, struct page *slab, void *object)
{
	struct kmem_cache_cpu *c;
	unsigned long flags;

	local_irq_save(flags);
	c = &s->cpu_slab[raw_smp_processor_id()];
	if (likely(c->slab == slab)) {
		set_freepointer(s, object, c->freelist);
		c->freelist = object;
	} else {
		slab_free_slowpath(s, slab, object);
	}
	local_irq_restore(flags);
}

void kmem_cache_free(struct kmem_cache *s, void *obj)
{
	struct page *slab;

	if (!obj)
		return;
	slab = virt_to_slab(obj);
	if (WARN_ON(!slab || slab->slab_cache != s)) {
		pr_err("kmem_cache_free(%s): %p is not an object of this cache\n", s->name, obj);
		return;
	}
	slab_free(s, slab, (void *)obj);
}

/* ---- caches ------------------------------------------------------------ */

static void init_cache(struct kmem_cache *s, const char *name, unsigned int size,
		       unsigned int align, slab_flags_t flags, void (*ctor)(void *))
{
	memset(s, 0, sizeof(*s));
	s->name = name;
	s->object_size = size;
	s->flags = flags;
	s->ctor = ctor;
	if (flags & SLAB_HWCACHE_ALIGN)
		align = max(align, (unsigned int)L1_CACHE_BYTES);
	s->align = max(align, (unsigned int)sizeof(void *));
	size = ALIGN(max(size, (unsigned int)sizeof(void *)), sizeof(void *));
	/* A constructor owns the object's bytes: the free pointer goes after them. */
	s->offset = ctor ? size : 0;
	if (ctor)
		size += sizeof(void *);
	s->size = ALIGN(size, s->align);
	s->order = calculate_order(s->size);
	s->objects = order_objects(s->order, s->size);
	s->min_partial = 5;
	if (flags & SLAB_CACHE_DMA)
		s->allocflags |= GFP_DMA;
	if (flags & SLAB_CACHE_DMA32)
		s->allocflags |= GFP_DMA32;
	if (flags & SLAB_RECLAIM_ACCOUNT)
		s->allocflags |= __GFP_RECLAIMABLE;
	spin_lock_init(&s->list_lock);
	INIT_LIST_HEAD(&s->partial);
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *))
{
	struct kmem_cache *s = NULL;

	if (!name || !size || size > KMALLOC_MAX_CACHE_SIZE * 4 || (align & (align - 1))) {
		pr_err("kmem_cache_create(%s): bad size %u or alignment %u\n",
		       name ? name : "(null)", size, align);
	} else {
		s = kmem_cache_alloc(&kmem_cache_boot, GFP_KERNEL);
	}
	if (s) {
		init_cache(s, name, size, align, flags, ctor);
		mutex_lock(&slab_caches_mutex);
		list_add_tail(&s->list, &slab_caches);
		mutex_unlock(&slab_caches_mutex);
	} else if (flags & SLAB_PANIC) {
		panic("kmem_cache_create: Failed to create slab '%s'", name);
	}
	return s;
}

/* Deactivate every CPU's slab of @s (each from its own CPU). */
static void flush_cpu_slab(void *data)
{
	struct kmem_cache *s = data;

	deactivate_slab(s, &s->cpu_slab[smp_processor_id()]);
}

/* Free the empty slabs of the partial list. */
static unsigned long discard_empty_slabs(struct kmem_cache *s)
{
	struct page *slab, *next;
	unsigned long flags, kept = 0;
	LIST_HEAD(empty);

	spin_lock_irqsave(&s->list_lock, flags);
	list_for_each_entry_safe(slab, next, &s->partial, slab_list) {
		if (SLAB_INUSE(slab->slab_counters)) {
			kept++;
			continue;
		}
		list_move(&slab->slab_list, &empty);
		s->nr_partial--;
	}
	spin_unlock_irqrestore(&s->list_lock, flags);
	list_for_each_entry_safe(slab, next, &empty, slab_list)
		discard_slab(s, slab);
	return kept;
}

int kmem_cache_shrink(struct kmem_cache *s)
{
	on_each_cpu(flush_cpu_slab, s, true);
	discard_empty_slabs(s);
	return 0;
}

void kmem_cache_destroy(struct kmem_cache *s)
{
	long left;

	if (!s)
		return;
	kmem_cache_shrink(s);
	left = atomic_long_read(&s->nr_slabs);
	if (left) {
		pr_err("kmem_cache_destroy %s: Slab cache still has objects when called from %pS\n",
		       s->name, __builtin_return_address(0));
		pr_err("%s: %ld slab%s with objects still allocated, cache kept\n", s->name,
		       left, left > 1 ? "s" : "");
		return;
	}
	mutex_lock(&slab_caches_mutex);
	list_del(&s->list);
	mutex_unlock(&slab_caches_mutex);
	kmem_cache_free(&kmem_cache_boot, s);
}

/* ---- kmalloc ----------------------------------------------------------- */

/* Classes above 192 are powers of two from 256: index 7 is 256, 12 is 8192. */
static struct kmem_cache *kmalloc_slab(size_t size)
{
	if (size <= 192)
		return kmalloc_caches[size_index[(size - 1) / 8]];
	return kmalloc_caches[fls_long(size - 1) - 1];
}

void *kmalloc(size_t size, gfp_t gfp)
{
	struct page *page;

	if (unlikely(!size))
		return ZERO_SIZE_PTR;
	if (likely(size <= KMALLOC_MAX_CACHE_SIZE))
		return kmem_cache_alloc(kmalloc_slab(size), gfp);
	page = alloc_pages(gfp | __GFP_COMP, get_order(size));
	return page ? page_address(page) : NULL;
}

void kfree(const void *obj)
{
	struct page *page;

	if (unlikely(ZERO_OR_NULL_PTR(obj)))
		return;
	page = compound_head(virt_to_page(obj));
	if (likely(PageSlab(page))) {
		slab_free(page->slab_cache, page, (void *)obj);
		return;
	}
	if (WARN_ON(!PageHead(page))) {
		pr_err("kfree: %p is not a kmalloc()ed object\n", obj);
		return;
	}
	__free_pages(page, compound_order(page));
}

size_t ksize(const void *obj)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(obj))
		return 0;
	page = compound_head(virt_to_page(obj));
	if (PageSlab(page))
		return page->slab_cache->object_size;
	return PAGE_SIZE << compound_order(page);
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
	n = kmalloc(new_size, gfp);
	if (n && !ZERO_OR_NULL_PTR(p)) {
		memcpy(n, p, old);
		kfree(p);
	}
	return n;
}

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);

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
	p = kmalloc(len + 1, gfp);
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

/* ---- boot and slabinfo ------------------------------------------------- */

static const char *const kmalloc_names[NR_KMALLOC] = {
	"kmalloc-8", "kmalloc-16", "kmalloc-32", "kmalloc-64", "kmalloc-96",
	"kmalloc-128", "kmalloc-192", "kmalloc-256", "kmalloc-512", "kmalloc-1k",
	"kmalloc-2k", "kmalloc-4k", "kmalloc-8k",
};

void kmem_cache_init(void)
{
	unsigned int i, size;

	init_cache(&kmem_cache_boot, "kmem_cache", sizeof(struct kmem_cache), 0,
		   SLAB_HWCACHE_ALIGN, NULL);
	list_add_tail(&kmem_cache_boot.list, &slab_caches);
	for (i = 0; i < NR_KMALLOC; i++) {
		init_cache(&kmalloc_boot[i], kmalloc_names[i], kmalloc_sizes[i], 0, 0, NULL);
		list_add_tail(&kmalloc_boot[i].list, &slab_caches);
		kmalloc_caches[i] = &kmalloc_boot[i];
	}
	/* Sizes up to 192 map to the smallest class that holds them (96, 192 included). */
	for (size = 8; size <= 192; size += 8) {
		for (i = 0; kmalloc_sizes[i] < size; i++)
			;
		size_index[(size - 1) / 8] = (u8)i;
	}
}

/* Free objects on the partial lists (the per-CPU freelists count as in use). */
static unsigned long count_partial_free(struct kmem_cache *s)
{
	unsigned long flags, free = 0;
	struct page *slab;

	spin_lock_irqsave(&s->list_lock, flags);
	list_for_each_entry(slab, &s->partial, slab_list)
		free += s->objects - SLAB_INUSE(slab->slab_counters);
	spin_unlock_irqrestore(&s->list_lock, flags);
	return free;
}

static int cmd_slabinfo(int argc, char **argv)
{
	struct kmem_cache *s;

	raw_printk("slabinfo - version: 2.1\n");
	raw_printk("# name            <active_objs> <num_objs> <objsize> <objperslab> "
		   "<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : "
		   "slabdata <active_slabs> <num_slabs> <sharedavail>\n");
	mutex_lock(&slab_caches_mutex);
	list_for_each_entry(s, &slab_caches, list) {
		unsigned long objs = (unsigned long)atomic_long_read(&s->total_objects);
		unsigned long slabs = (unsigned long)atomic_long_read(&s->nr_slabs);

		raw_printk("%-17s %6lu %6lu %6u %4u %4u : tunables %4u %4u %4u : slabdata %6lu %6lu %6u\n",
			   s->name, objs - count_partial_free(s), objs, s->size, s->objects,
			   1U << s->order, 0, 0, 0, slabs, slabs, 0);
	}
	mutex_unlock(&slab_caches_mutex);
	return 0;
}
SHELL_CMD(slabinfo, "slab caches, as /proc/slabinfo", cmd_slabinfo);
