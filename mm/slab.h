/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The slab allocator's insides, shared by mm/slub.c (the allocator) and
 * mm/slub_debug.c (slub_debug: red zones, poisoning, owner tracking,
 * validation). Nothing outside mm/ includes this.
 *
 * An object slot of a cache, with every debug option on (s->size bytes):
 *
 *   | left red zone | object      | right red zone | free pointer | tracks  | pad |
 *   0          red_left_pad   +object_size      +inuse          +offset  +2*track
 *
 * Object addresses (what callers get, and what freelists link) point past
 * the left red zone. Without debug options: red_left_pad is 0, the right
 * red zone and tracks are absent, and the free pointer lives inside the
 * free object (s->offset < object_size), unless a constructor or poisoning
 * owns the object's bytes, when it goes after them (offset == inuse).
 *
 * A slab is a folio whose head page is seen as a struct slab (below): the
 * page's flags, then SLUB's own fields where struct page keeps its union,
 * with _refcount and memcg_data where they are for every page.
 */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/atomic.h>
#include <linux/stackdepot.h>
#include <linux/kobject.h>

/**
 * struct slab - a slab's head page, SLUB's view of it
 * @__page_flags: the page's flags; PG_slab set while it is a slab,
 *	PG_workingset while on the node partial list (list_lock)
 * @slab_list: on s->partial or (debug caches) s->full, under list_lock
 * @next: on a CPU's c->partial list, changed by that CPU, interrupts off
 * @slab_cache: the cache it belongs to; set while PG_slab is
 * @freelist: the slab's own free objects (frees by CPUs that do not own it)
 * @counters: inuse, objects and frozen as one word, replaced with
 *	@freelist by one cmpxchg16b (slab_update_freelist()) for CPU slabs,
 *	under list_lock for debug caches
 * @inuse: objects not on @freelist
 * @objects: objects in the slab
 * @frozen: some CPU's active slab
 * @__page_type: the page's _mapcount, untouched (-1)
 * @__page_refcount: the page's _refcount (the page allocator's 1)
 * @memcg_data: the page's, unused
 */
struct slab {
	unsigned long __page_flags;
	union {
		struct list_head slab_list;
		struct slab *next;
	};
	struct kmem_cache *slab_cache;
	/* 16-byte aligned, for cmpxchg16b. */
	void *freelist;
	union {
		unsigned long counters;
		struct {
			unsigned inuse:16;
			unsigned objects:15;
			unsigned frozen:1;
		};
	};
	unsigned int __page_type;
	atomic_t __page_refcount;
	unsigned long memcg_data;
};

#define SLAB_MATCH(pg, sl)						\
	_Static_assert(__builtin_offsetof(struct page, pg) ==		\
		       __builtin_offsetof(struct slab, sl), "slab." #sl " is not page." #pg)
SLAB_MATCH(flags, __page_flags);
SLAB_MATCH(compound_head, slab_list);	/* a pointer, bit 0 clear: not a tail page */
SLAB_MATCH(mapping, slab_cache);	/* NULLed before the pages are freed */
SLAB_MATCH(_mapcount, __page_type);
SLAB_MATCH(_refcount, __page_refcount);
SLAB_MATCH(memcg_data, memcg_data);
#undef SLAB_MATCH
_Static_assert(sizeof(struct slab) <= sizeof(struct page), "struct slab is larger than a page's");
_Static_assert(__builtin_offsetof(struct slab, freelist) % (2 * sizeof(void *)) == 0,
	       "slab freelist and counters must be 16-byte aligned for cmpxchg16b");

/*
 * Conversions: a slab is its folio, whose first page is the slab's. They
 * are casts, as the types overlay one another; keep the caller's const.
 */
#define slab_folio(s)	_Generic((s),						\
	const struct slab *: (const struct folio *)(s),			\
	struct slab *: (struct folio *)(s))
#define folio_slab(f)	_Generic((f),						\
	const struct folio *: (const struct slab *)(f),			\
	struct folio *: (struct slab *)(f))
#define page_slab(p)	_Generic((p),						\
	const struct page *: (const struct slab *)(p),			\
	struct page *: (struct slab *)(p))
#define slab_page(s)	folio_page(slab_folio(s), 0)

static inline void *slab_address(const struct slab *slab)
{
	return folio_address(slab_folio(slab));
}

static inline int slab_nid(const struct slab *slab)
{
	return folio_nid(slab_folio(slab));
}

static inline unsigned int slab_order(const struct slab *slab)
{
	return folio_order(slab_folio(slab));
}

static inline size_t slab_size(const struct slab *slab)
{
	return PAGE_SIZE << slab_order(slab);
}

/* The slab holding @obj, or NULL if its page is not a slab's. */
static inline struct slab *virt_to_slab(const void *obj)
{
	struct folio *folio = virt_to_folio(obj);

	return folio_test_slab(folio) ? folio_slab(folio) : NULL;
}

/*
 * PG_workingset, reused: the slab is on its cache's node partial list.
 * Changed under list_lock only, and nothing else changes the flags of a
 * slab's page while it is one: the non-atomic forms do.
 */
static inline bool slab_test_node_partial(const struct slab *slab)
{
	return folio_test_workingset(slab_folio(slab));
}

static inline void slab_set_node_partial(struct slab *slab)
{
	__folio_set_workingset(slab_folio(slab));
}

static inline void slab_clear_node_partial(struct slab *slab)
{
	__folio_clear_workingset(slab_folio(slab));
}

/*
 * A CPU's slab state (alloc_percpu(), reached with %gs). freelist and tid
 * change together, by one cmpxchg16b, on the fast paths; everything
 * changes with interrupts off on the slow paths, which also advance tid,
 * so that a fast path interrupted or migrated in between fails its
 * cmpxchg and retries. tid starts at the CPU number and grows by
 * TID_STEP, so two CPUs' tids never match.
 */
struct kmem_cache_cpu {
	union {
		struct {
			void *freelist;		/* free objects of the active slab */
			unsigned long tid;	/* transaction id */
		};
		u128 freelist_tid;
	};
	struct slab *slab;		/* the active slab (frozen), or NULL */
	struct slab *partial;		/* unfrozen partial slabs, by slab->next */
	unsigned int partial_slabs;
} __aligned(16);

/* What a slab debug option records for each object (SLAB_STORE_USER). */
enum track_item { TRACK_ALLOC, TRACK_FREE };

struct track {
	unsigned long addr;		/* the caller */
	depot_stack_handle_t handle;	/* its stack, 0 if none */
	int cpu;
	int pid;
	unsigned long when;		/* jiffies */
};

struct kmem_cache {
	struct kmem_cache_cpu *cpu_slab;	/* per-CPU */
	slab_flags_t flags;
	unsigned int object_size;	/* what the user asked for */
	unsigned int size;		/* a slot: object plus metadata, aligned */
	unsigned int offset;		/* of the free pointer, from the object */
	unsigned long random;		/* free pointer obfuscation (hardened) */
	unsigned int inuse;		/* object_size plus right red zone */
	unsigned int red_left_pad;
	unsigned int align;
	unsigned int order;
	unsigned int objects;		/* per slab */
	unsigned int cpu_partial_slabs;	/* cap of a CPU's partial list */
	gfp_t allocflags;
	void (*ctor)(void *);
	const char *name;
	int refcount;			/* the cache and its merged aliases */
	struct list_head list;		/* slab_caches */
	struct kobject kobj;		/* /sys/kernel/slab/NAME (mm/slub_sysfs.c) */

	/* The node: one, as there is one NUMA node. */
	spinlock_t list_lock;
	struct list_head partial;	/* unfrozen slabs with free objects */
	struct list_head full;		/* debug caches: slabs without */
	unsigned long nr_partial;
	unsigned long min_partial;
	atomic_long_t nr_slabs;
	atomic_long_t total_objects;
};

/* Flags that make a cache a debug cache: every object goes through list_lock. */
#define SLAB_DEBUG_FLAGS	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | \
				 SLAB_STORE_USER | SLAB_TRACE)

static inline bool kmem_cache_debug(const struct kmem_cache *s)
{
	return s->flags & SLAB_DEBUG_FLAGS;
}

/*
 * A snapshot of slab->counters taken for a cmpxchg16b, decoded and built
 * (the same bits as the inuse, objects and frozen fields).
 */
#define SLAB_INUSE(c)		((unsigned int)((c) & 0xffff))
#define SLAB_OBJECTS(c)		((unsigned int)(((c) >> 16) & 0x7fff))
#define SLAB_FROZEN		(1UL << 31)
#define MAX_OBJS_PER_PAGE	32767	/* the objects field */

static inline unsigned long slab_counters(unsigned int objects, unsigned int inuse, bool frozen)
{
	return ((unsigned long)objects << 16) | inuse | (frozen ? SLAB_FROZEN : 0);
}

/* Objects of @size in a slab of @order. */
static inline unsigned int order_objects(unsigned int order, unsigned int size)
{
	return min((unsigned int)((PAGE_SIZE << order) / size), (unsigned int)MAX_OBJS_PER_PAGE);
}

/* The slot holding @object begins red_left_pad bytes before it. */
static inline void *slot_of(const struct kmem_cache *s, void *object)
{
	return (char *)object - s->red_left_pad;
}

/*
 * Is @object NULL or the start of an object of @slab (not inside one, nor
 * beyond the slab's own object count, which a fallback order makes smaller
 * than s->objects)?
 */
static inline bool check_valid_pointer(const struct kmem_cache *s, const struct slab *slab,
				       const void *object)
{
	const char *base = slab_address(slab);
	const char *o = object;

	if (!object)
		return true;
	if (o < base + s->red_left_pad ||
	    o >= base + SLAB_OBJECTS(READ_ONCE(slab->counters)) * s->size)
		return false;
	return (o - base - s->red_left_pad) % s->size == 0;
}

/*
 * ---- free pointers --------------------------------------------------------
 * With CONFIG_SLAB_FREELIST_HARDENED (make SLAB_FREELIST_HARDENED=1) a
 * stored free pointer is obfuscated with the cache's random value and the
 * byte-swapped address it is stored at, as Linux does, so that an
 * overwrite or a leak of it is not a usable pointer. It is a build switch
 * because the fast paths would otherwise pay a test on every operation.
 */
static __always_inline unsigned long freelist_ptr(const struct kmem_cache *s, unsigned long ptr,
						  unsigned long at)
{
#ifdef CONFIG_SLAB_FREELIST_HARDENED
	return ptr ^ s->random ^ __builtin_bswap64(at);
#else
	return ptr;
#endif
}

static __always_inline void *get_freepointer(const struct kmem_cache *s, void *object)
{
	unsigned long at = (unsigned long)object + s->offset;

	return (void *)freelist_ptr(s, *(unsigned long *)at, at);
}

static __always_inline void set_freepointer(const struct kmem_cache *s, void *object, void *fp)
{
	unsigned long at = (unsigned long)object + s->offset;

	*(unsigned long *)at = freelist_ptr(s, (unsigned long)fp, at);
}

/* Where the metadata after the object and free pointer ends: the tracks start here. */
static inline unsigned int get_info_end(const struct kmem_cache *s)
{
	return s->offset >= s->inuse ? s->inuse + sizeof(void *) : s->inuse;
}

/*
 * Why allocations skip the lockless fast path, tested there as one byte:
 * init_on_alloc or debug_pagealloc (set by kmem_cache_init()), failslab=
 * (set by its boot parameter).
 */
#define SLAB_ALLOC_SLOW_INIT		0x01
#define SLAB_ALLOC_SLOW_FAILSLAB	0x02
extern u8 slab_alloc_slow;

/* ---- slub_debug (mm/slub_debug.c) ---------------------------------------- */

/* Poison and red zone bytes, Linux's values (include/linux/poison.h). */
#define POISON_INUSE		0x5a	/* a new slab's bytes, before setup */
#define POISON_FREE		0x6b	/* a free object */
#define POISON_END		0xa5	/* the last byte of a free object */
#define SLUB_RED_INACTIVE	0xbb	/* red zone of a free object */
#define SLUB_RED_ACTIVE		0xcc	/* red zone of an allocated object */

/*
 * What a slub_debug= string says: the flags for every cache, and the text
 * of the blocks that name caches ("FZ,kmalloc-*;P,dentry"), kept to be
 * matched as caches are created.
 */
struct slub_debug_options {
	slab_flags_t flags;
	bool disable_higher_order;	/* 'O': no debugging that raises a cache's order */
	char blocks[256];		/* "" when no block names caches */
};

/*
 * slub_debug_parse - fill @opt from the value of slub_debug= (NULL when
 * the option has no '=': every check on for every cache). Unknown letters
 * are reported and skipped. Return: 0, or -EINVAL for a string too long.
 */
int slub_debug_parse(struct slub_debug_options *opt, const char *str);
/* The flags @opt gives a cache @name created with @flags. */
slab_flags_t slub_debug_cache_flags(const struct slub_debug_options *opt, const char *name,
				    slab_flags_t flags);
/* The flags the boot's slub_debug= gives cache @name on top of @flags. */
slab_flags_t kmem_cache_flags(const char *name, slab_flags_t flags);
/* slub_debug=O: drop debug metadata that would raise a cache's order. */
extern bool disable_higher_order_debug;
/* The flags that put metadata around objects (all but F, T and A). */
#define DEBUG_METADATA_FLAGS	(SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER)
/* A new object of a debug cache: red zones and poison in place. */
void setup_object_debug(struct kmem_cache *s, void *object);
/*
 * Checks of an object about to be handed out / freed, under list_lock.
 * Return: false if it is corrupt (alloc: the slab is left alone) or the
 * free is bad (double free, interior or foreign pointer): the caller then
 * does not use or free it. Reports have been printed.
 */
bool alloc_debug_processing(struct kmem_cache *s, struct slab *slab, void *object,
			    unsigned long addr);
bool free_debug_processing(struct kmem_cache *s, struct slab *slab, void *object,
			   unsigned long addr);
/* Check every slab of @s (slabinfo -v). Return: the number of errors. */
unsigned long validate_slab_cache(struct kmem_cache *s);
/* Debug reports printed since boot (the tests count them). */
extern atomic_long_t slub_debug_reports;

/*
 * count_partial - @get_count(counters) summed over the node partial slabs
 * of @s (Linux's count_partial()): count_free or count_inuse. Takes
 * list_lock. The CPUs' slabs are not counted.
 */
unsigned long count_partial(struct kmem_cache *s, unsigned long (*get_count)(unsigned long));
unsigned long count_free(unsigned long counters);
unsigned long count_inuse(unsigned long counters);

/*
 * sysfs_slab_add - /sys/kernel/slab/NAME for the cache @s, once
 * slab_sysfs_start() has run (nothing before: slab_sysfs_init() adds the
 * caches made until then). Return: 0, or -ENOMEM (a new cache is then not
 * made). slab_caches_mutex held; sleeps.
 */
int sysfs_slab_add(struct kmem_cache *s);
/*
 * slab_sysfs_start - make /sys/kernel/slab; sysfs_slab_add() adds from
 * then on. Return: 0 or -ENOMEM. slab_caches_mutex held.
 */
int slab_sysfs_start(void);
/* sysfs_slab_remove - remove @s's directory (its open files answer -ENODEV). Mutex held. */
void sysfs_slab_remove(struct kmem_cache *s);

/* For mm/slub_debug.c: every CPU's slabs back on the node lists. */
void flush_all(struct kmem_cache *s);
/*
 * Free objects on the node partial list; CPU slabs' objects count as in
 * use (after flush_all() there are none): total_objects less this is
 * slabinfo's active_objs.
 */
unsigned long count_free_objects(struct kmem_cache *s);

#endif /* _MM_SLAB_H */
