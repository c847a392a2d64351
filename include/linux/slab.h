/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The slab allocator (mm/slub.c): caches of equal-sized objects carved
 * from compound pages, and the kmalloc family on top of size-class caches.
 * Linux's interface and flag names; see mm/slub.c for the design.
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/compiler.h>

typedef unsigned int slab_flags_t;

#define SLAB_CONSISTENCY_CHECKS	0x00000100U	/* slub_debug F: sanity checks */
#define SLAB_RED_ZONE		0x00000400U	/* slub_debug Z: red zones around objects */
#define SLAB_POISON		0x00000800U	/* slub_debug P: poison free objects */
#define SLAB_KMALLOC		0x00001000U	/* a kmalloc cache */
#define SLAB_HWCACHE_ALIGN	0x00002000U	/* align objects to cache lines */
#define SLAB_CACHE_DMA		0x00004000U
#define SLAB_CACHE_DMA32	0x00008000U
#define SLAB_STORE_USER		0x00010000U	/* slub_debug U: track allocs and frees */
#define SLAB_PANIC		0x00040000U	/* panic if kmem_cache_create() fails */
#define SLAB_RECLAIM_ACCOUNT	0x00020000U	/* objects are reclaimable */
#define SLAB_TRACE		0x00200000U	/* slub_debug T: log allocs and frees */
#define SLAB_NO_MERGE		0x01000000U	/* never merge with another cache */
#define SLAB_FAILSLAB		0x02000000U	/* failslab.cache_filter: may fail */

struct kmem_cache;

/*
 * kmem_cache_create - a cache of @size-byte objects aligned to @align (0:
 * the natural alignment), @ctor run on each object when its slab is
 * created. A cache without constructor or debug flags may be merged with
 * an existing compatible one (it then shares its slabs; slab_nomerge turns
 * this off). Return: the cache, or NULL (SLAB_PANIC: panics instead).
 * Context: may sleep.
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *));
/* Free the cache; objects still allocated are reported and it is kept. */
void kmem_cache_destroy(struct kmem_cache *s);
/*
 * slab_sysfs_init - /sys/kernel/slab with a directory per cache
 * (mm/slub_sysfs.c); caches made later get theirs at creation.
 * Context: boot, after sysfs_init(); failures are logged.
 */
void slab_sysfs_init(void);
/* Return empty slabs to the page allocator. Return: 0. */
int kmem_cache_shrink(struct kmem_cache *s);

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *s, void *obj);
/* The cache's name, and the size of its objects. */
const char *kmem_cache_name(const struct kmem_cache *s);
unsigned int kmem_cache_size(const struct kmem_cache *s);

/*
 * kmem_cache_alloc_bulk - @nr objects into @p, all or none.
 * Return: @nr, or 0 when they could not all be allocated.
 */
int kmem_cache_alloc_bulk(struct kmem_cache *s, gfp_t gfp, size_t nr, void **p);
/* Free @nr objects of @p; with @s NULL, each to its own cache (kfree_bulk). */
void kmem_cache_free_bulk(struct kmem_cache *s, size_t nr, void **p);

static inline void kfree_bulk(size_t nr, void **p)
{
	kmem_cache_free_bulk(NULL, nr, p);
}

static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp)
{
	return kmem_cache_alloc(s, gfp | __GFP_ZERO);
}

/*
 * kmalloc: size classes 8 .. 8192 (with 96 and 192); larger from the page
 * allocator. GFP_DMA / GFP_DMA32 requests come from the dma-kmalloc-N and
 * dma32-kmalloc-N caches.
 */
#define KMALLOC_MIN_SIZE	8
#define KMALLOC_SHIFT_HIGH	13
#define KMALLOC_MAX_CACHE_SIZE	(1U << KMALLOC_SHIFT_HIGH)
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

enum kmalloc_cache_type {
	KMALLOC_NORMAL,
	KMALLOC_DMA,		/* GFP_DMA: dma-kmalloc-N */
	KMALLOC_DMA32,		/* GFP_DMA32: dma32-kmalloc-N */
	NR_KMALLOC_TYPES
};

/* By type and kmalloc_index(); set up by kmem_cache_init(). */
extern struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];

static __always_inline enum kmalloc_cache_type kmalloc_type(gfp_t flags)
{
	if (__builtin_expect(!(flags & (__GFP_DMA | __GFP_DMA32)), 1))
		return KMALLOC_NORMAL;
	return (flags & __GFP_DMA) ? KMALLOC_DMA : KMALLOC_DMA32;
}

/*
 * The class of a request of 1 .. KMALLOC_MAX_CACHE_SIZE bytes, as Linux
 * numbers them: index n holds 2^n bytes, with 96 at 1 and 192 at 2.
 * Folds to a constant for a constant size.
 */
static __always_inline unsigned int kmalloc_index(size_t size)
{
	if (size <= 8)
		return 3;
	if (size <= 16)
		return 4;
	if (size <= 32)
		return 5;
	if (size <= 64)
		return 6;
	if (size <= 96)
		return 1;
	if (size <= 128)
		return 7;
	if (size <= 192)
		return 2;
	return (unsigned int)(64 - __builtin_clzl(size - 1));
}

/* kmalloc() for a size not known at compile time, and large requests. */
void *__kmalloc(size_t size, gfp_t gfp);
/* An object of @s for a kmalloc(@size) request. */
void *kmalloc_trace(struct kmem_cache *s, gfp_t gfp, size_t size);

/*
 * kmalloc - @size bytes, aligned to 8 (to the size for powers of two up to
 * the page size). Return: the memory, ZERO_SIZE_PTR for 0 bytes, or NULL.
 * Context: may sleep when @gfp allows it.
 */
static __always_inline void *kmalloc(size_t size, gfp_t gfp)
{
	if (__builtin_constant_p(size) && size && size <= KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_trace(kmalloc_caches[kmalloc_type(gfp)][kmalloc_index(size)],
				     gfp, size);
	return __kmalloc(size, gfp);
}

void kfree(const void *obj);
/* The usable size of a kmalloc()ed object (at least what was asked). */
size_t ksize(const void *obj);
void *krealloc(const void *p, size_t new_size, gfp_t gfp);

static inline void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

/* @n elements of @size; NULL if n * size overflows. */
static inline void *kmalloc_array(size_t n, size_t size, gfp_t gfp)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kmalloc(bytes, gfp);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t gfp)
{
	return kmalloc_array(n, size, gfp | __GFP_ZERO);
}

void *kmemdup(const void *src, size_t len, gfp_t gfp);
char *kstrdup(const char *s, gfp_t gfp);
char *kstrndup(const char *s, size_t max, gfp_t gfp);

/* The boot-time setup: the kmalloc caches. Context: after the page allocator. */
void kmem_cache_init(void);

/*
 * slabinfo_show - /proc/slabinfo (version 2.1) into @m: one line a cache.
 * Context: may sleep (slab_caches_mutex).
 */
struct seq_file;
int slabinfo_show(struct seq_file *m, void *v);

/*
 * kvmalloc and friends (mm/util.c): kmalloc() when that is cheap, else
 * vmalloc(); free with kvfree(). A mask without all of GFP_KERNEL gets
 * kmalloc() only.
 */
void *kvmalloc_node(size_t size, gfp_t flags, int node);
void kvfree(const void *addr);
void *kvrealloc(const void *p, size_t oldsize, size_t newsize, gfp_t flags);

static inline void *kvmalloc(size_t size, gfp_t flags)
{
	return kvmalloc_node(size, flags, -1);
}

static inline void *kvzalloc(size_t size, gfp_t flags)
{
	return kvmalloc(size, flags | __GFP_ZERO);
}

static inline void *kvmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kvmalloc(bytes, flags);
}

static inline void *kvcalloc(size_t n, size_t size, gfp_t flags)
{
	return kvmalloc_array(n, size, flags | __GFP_ZERO);
}

#endif /* _LINUX_SLAB_H */
