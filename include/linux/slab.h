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

typedef unsigned int slab_flags_t;

#define SLAB_HWCACHE_ALIGN	0x00002000U	/* align objects to cache lines */
#define SLAB_CACHE_DMA		0x00004000U
#define SLAB_CACHE_DMA32	0x00008000U
#define SLAB_PANIC		0x00040000U	/* panic if kmem_cache_create() fails */
#define SLAB_RECLAIM_ACCOUNT	0x00020000U	/* objects are reclaimable */
#define SLAB_NO_MERGE		0x01000000U

struct kmem_cache;

/*
 * kmem_cache_create - a cache of @size-byte objects aligned to @align (0:
 * the natural alignment), @ctor run on each object when its slab is
 * created. Return: the cache, or NULL (SLAB_PANIC: panics instead).
 * Context: may sleep.
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *));
/* Free the cache; objects still allocated are reported and it is kept. */
void kmem_cache_destroy(struct kmem_cache *s);
/* Return empty slabs to the page allocator. Return: 0. */
int kmem_cache_shrink(struct kmem_cache *s);

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *s, void *obj);

static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp)
{
	return kmem_cache_alloc(s, gfp | __GFP_ZERO);
}

/* kmalloc: size classes 8 .. 8192 (with 96 and 192); larger from the page allocator. */
#define KMALLOC_MIN_SIZE	8
#define KMALLOC_MAX_CACHE_SIZE	8192
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

void *kmalloc(size_t size, gfp_t gfp);
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

#endif /* _LINUX_SLAB_H */
