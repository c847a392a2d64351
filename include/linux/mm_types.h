/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct page: one per physical page frame, 64 bytes, found at
 * vmemmap + pfn (SPARSEMEM_VMEMMAP, mm/sparse.c).
 *
 *   flags       8   page flags (low bits, page-flags.h) and, in the upper
 *                   bits, the page's section, node and zone (mm.h)
 *   union      40   what the page is used for: a free or LRU page (lru,
 *                   mapping, index, private), a slab (list, cache,
 *                   freelist, counters), a tail page of a compound page
 *                   (compound_head with bit 0 set, order), ...
 *   _mapcount   4   page-table mappings, -1 when none; page_type otherwise
 *   _refcount   4   references; 0 when free
 *   memcg_data  8   reserved for the memory controller
 *
 * The size is fixed by a static assertion: vmemmap arithmetic and the
 * memory overhead (1/64 of RAM) depend on it.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <asm/pgtable_types.h>

struct address_space;
struct kmem_cache;

struct page {
	unsigned long flags;
	union {
		struct {	/* free pages, page cache and anonymous pages */
			struct list_head lru;
			struct address_space *mapping;
			pgoff_t index;
			unsigned long private;
		};
		struct {	/* slab head pages (mm/slub.c, struct slab) */
			union {
				struct list_head slab_list;	/* node lists */
				struct page *slab_next;		/* a CPU's partial list */
			};
			struct kmem_cache *slab_cache;
			/* Changed together by cmpxchg16b: 16-byte aligned. */
			void *slab_freelist;
			unsigned long slab_counters;
		};
		struct {	/* tail pages of a compound page */
			unsigned long compound_head;	/* head | 1 */
			unsigned char compound_dtor;
			unsigned char compound_order;
			atomic_t compound_mapcount;
		};
	};
	union {
		atomic_t _mapcount;
		unsigned int page_type;
	};
	atomic_t _refcount;
	unsigned long memcg_data;
};

_Static_assert(sizeof(struct page) == 64, "struct page must be 64 bytes");
_Static_assert(__builtin_offsetof(struct page, slab_freelist) % 16 == 0,
	       "slab freelist and counters must be 16-byte aligned for cmpxchg16b");

/*
 * struct mm_struct: one address space, its page tables and its users.
 *
 * init_mm (mm/init-mm.c) is the kernel's: its pgd is the kernel's top
 * table (init_top_pgt), which every address space shares above
 * TASK_SIZE, and its page_table_lock serialises the allocation of
 * missing kernel page-table levels. Kernel threads have no mm of their
 * own (task->mm == NULL) and borrow the last one (task->active_mm).
 *
 *   pgd              the top-level table; fixed for the mm's life
 *   mm_users         tasks using the address space (its user-visible life)
 *   mm_count         references to the struct itself (mm_users counts as 1)
 *   pgtables_bytes   bytes of page-table pages below pgd, for accounting
 *   page_table_lock  protects the population of missing table levels
 */
struct mm_struct {
	pgd_t *pgd;
	atomic_t mm_users;
	atomic_t mm_count;
	atomic_long_t pgtables_bytes;
	spinlock_t page_table_lock;
};

extern struct mm_struct init_mm;

#endif /* _LINUX_MM_TYPES_H */
