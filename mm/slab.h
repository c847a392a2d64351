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
 */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/atomic.h>
#include <linux/stackdepot.h>

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
	struct page *slab;		/* the active slab (frozen), or NULL */
	struct page *partial;		/* unfrozen partial slabs, by slab_next */
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
 * slab->slab_counters: inuse (bits 0-15), objects (16-30), frozen (31).
 * It changes with slab->slab_freelist, by cmpxchg16b (slab_update_freelist).
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

static inline void *slab_address(const struct page *slab)
{
	return page_address(slab);
}

static inline struct page *virt_to_slab(const void *obj)
{
	struct page *page = compound_head(virt_to_page(obj));

	return PageSlab(page) ? page : NULL;
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
static inline bool check_valid_pointer(const struct kmem_cache *s, const struct page *slab,
				       const void *object)
{
	const char *base = slab_address(slab);
	const char *o = object;

	if (!object)
		return true;
	if (o < base + s->red_left_pad ||
	    o >= base + SLAB_OBJECTS(READ_ONCE(slab->slab_counters)) * s->size)
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
bool alloc_debug_processing(struct kmem_cache *s, struct page *slab, void *object,
			    unsigned long addr);
bool free_debug_processing(struct kmem_cache *s, struct page *slab, void *object,
			   unsigned long addr);
/* Check every slab of @s (slabinfo -v). Return: the number of errors. */
unsigned long validate_slab_cache(struct kmem_cache *s);
/* Debug reports printed since boot (the tests count them). */
extern atomic_long_t slub_debug_reports;

/* For mm/slub_debug.c: every CPU's slabs back on the node lists. */
void flush_all(struct kmem_cache *s);

#endif /* _MM_SLAB_H */
