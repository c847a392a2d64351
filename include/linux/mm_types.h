/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct page: one per physical page frame, 64 bytes, found at
 * vmemmap + pfn (SPARSEMEM_VMEMMAP, mm/sparse.c).
 *
 *   flags       8   page flags (low bits, page-flags.h) and, in the upper
 *                   bits, the page's section, node and zone (mm.h)
 *   union      40   what the page is used for: a free or LRU page (lru,
 *                   mapping, index, private), or a tail page of a compound
 *                   page (compound_head with bit 0 set)
 *   _mapcount   4   page-table mappings, -1 when none; page_type otherwise
 *   _refcount   4   references; 0 when free
 *   memcg_data  8   reserved for the memory controller
 *
 * The size is fixed by a static assertion: vmemmap arithmetic and the
 * memory overhead (1/64 of RAM) depend on it.
 *
 * Other types overlay struct page with fields of their own, and assert
 * that the fields they share sit where struct page has them:
 *
 *   struct folio (here)      a head page or a single page seen as the
 *                            whole allocation; its fields run on into the
 *                            first tail page (order, mapcounts, pincount)
 *   struct slab (mm/slab.h)  a slab's head page, SLUB's own
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/rbtree_types.h>
#include <linux/rwsem.h>
#include <linux/cpumask.h>
#include <asm/pgtable_types.h>
#include <asm/mmu.h>

struct address_space;
struct kmem_cache;
struct file;
struct anon_vma;
struct vm_operations_struct;

struct page {
	unsigned long flags;
	union {
		struct {	/* free pages, page cache and anonymous pages */
			struct list_head lru;
			struct address_space *mapping;
			pgoff_t index;
			unsigned long private;
		};
		struct {	/* tail pages of a compound page */
			unsigned long compound_head;	/* head | 1 */
			/* The first tail page's other fields: struct folio's. */
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

/*
 * struct folio: a compound page's head (or an order-0 page) as one unit,
 * so that a function taking one never needs compound_head(). Its first 64
 * bytes are the head's struct page; the fields after them alias the first
 * tail page, whose flags and compound_head stay what a tail page needs:
 *
 *   _flags_1, __head      page[1].flags, page[1].compound_head (tail bit)
 *   _folio_dtor/_order    how to free it, and its order (bytes 16, 17)
 *   _entire_mapcount      mappings of the whole folio (a PMD), -1 if none
 *   _nr_pages_mapped      pages of it mapped by PTEs
 *   _pincount             pin_user_pages() references
 *
 * prep_compound_page() (mm/page_alloc.c) sets them: order, -1, 0, 0. The
 * last two sit in page[1].mapping, which is NULL again when the pages are
 * freed. Nothing but the page allocator writes them yet; the coming THP
 * and rmap code keeps them. An order-0 folio has none of these fields:
 * read them only when folio_test_large().
 */
struct folio {
	union {
		struct {
			unsigned long flags;
			struct list_head lru;
			struct address_space *mapping;
			pgoff_t index;
			unsigned long private;
			atomic_t _mapcount;
			atomic_t _refcount;
			unsigned long memcg_data;
		};
		struct page page;
	};
	unsigned long _flags_1;
	unsigned long __head;
	unsigned char _folio_dtor;
	unsigned char _folio_order;
	atomic_t _entire_mapcount;
	atomic_t _nr_pages_mapped;
	atomic_t _pincount;
};

#define FOLIO_MATCH(pg, fl)						\
	_Static_assert(__builtin_offsetof(struct page, pg) ==		\
		       __builtin_offsetof(struct folio, fl), "folio." #fl " is not page." #pg)
FOLIO_MATCH(flags, flags);
FOLIO_MATCH(lru, lru);
FOLIO_MATCH(compound_head, lru);
FOLIO_MATCH(mapping, mapping);
FOLIO_MATCH(index, index);
FOLIO_MATCH(private, private);
FOLIO_MATCH(_mapcount, _mapcount);
FOLIO_MATCH(_refcount, _refcount);
FOLIO_MATCH(memcg_data, memcg_data);
#undef FOLIO_MATCH
/* The same, for the fields in the first tail page, page[1]. */
#define FOLIO_MATCH(pg, fl)						\
	_Static_assert(__builtin_offsetof(struct page, pg) + sizeof(struct page) == \
		       __builtin_offsetof(struct folio, fl), "folio." #fl " is not page[1]." #pg)
FOLIO_MATCH(flags, _flags_1);
FOLIO_MATCH(compound_head, __head);
FOLIO_MATCH(mapping, _nr_pages_mapped);
#undef FOLIO_MATCH
_Static_assert(__builtin_offsetof(struct folio, _pincount) + sizeof(atomic_t) <=
	       sizeof(struct page) + __builtin_offsetof(struct page, index),
	       "folio._pincount must lie in page[1].mapping");
_Static_assert(sizeof(struct folio) <= 2 * sizeof(struct page), "struct folio spans two pages");

/*
 * struct vm_area_struct: one mapping of an address space, the range
 * [vm_start, vm_end) with one set of flags, protections and backing
 * (mm/mmap.c). An mm's VMAs never overlap; they sit both on a list sorted
 * by address (vm_next/vm_prev, from mm->mmap) and in a red-black tree
 * (vm_rb, from mm->mm_rb), Linux <= 6.0's layout. The tree is augmented:
 *
 *   rb_subtree_gap  the largest free gap below a VMA of this subtree:
 *                   for one VMA, vm_start - vm_prev->vm_end (vm_start
 *                   for the first), less the stack guard gap around a
 *                   VM_GROWSDOWN VMA; the maximum over the subtree
 *
 * so that vm_unmapped_area() finds a gap of a length in O(log n).
 *
 * The reverse mapping (mm/rmap.c) links a VMA twice more: anon_vma_chain
 * lists its struct anon_vma_chains (one per anon_vma whose pages it may
 * map), and a file VMA sits on its file's address_space->i_mmap by
 * shared.
 *
 * Locking: every field is written with the mm's mmap_lock held for
 * writing, and read with it held at least for reading; anon_vma_chain
 * also under the anon_vma root's rwsem, shared under i_mmap_rwsem.
 */
struct vm_area_struct {
	unsigned long vm_start;		/* first address */
	unsigned long vm_end;		/* first address after */
	struct vm_area_struct *vm_next, *vm_prev;	/* sorted by address */
	struct rb_node vm_rb;
	unsigned long rb_subtree_gap;
	struct mm_struct *vm_mm;	/* the address space it belongs to */
	pgprot_t vm_page_prot;		/* page-table protections of its PTEs */
	unsigned long vm_flags;		/* VM_* (linux/mm.h) */
	struct anon_vma *anon_vma;	/* where its new anonymous pages point (rmap.h) */
	struct list_head anon_vma_chain;	/* anon_vma_chain.same_vma, newest first */
	struct list_head shared;	/* on vm_file's i_mapping->i_mmap (empty if not) */
	const struct vm_operations_struct *vm_ops;
	unsigned long vm_pgoff;		/* offset in vm_file, in pages */
	struct file *vm_file;		/* the file mapped, or NULL (opaque for now) */
	void *vm_private_data;
};

/* Resident pages of an address space, per type (get_mm_counter(), linux/mm.h). */
enum {
	MM_FILEPAGES,	/* file-backed pages */
	MM_ANONPAGES,	/* anonymous pages */
	MM_SWAPENTS,	/* anonymous pages swapped out */
	MM_SHMEMPAGES,	/* shared memory pages */
	NR_MM_COUNTERS
};

/*
 * struct mm_struct: one address space, its page tables, VMAs and users.
 *
 * init_mm (mm/init-mm.c) is the kernel's: its pgd is the kernel's top
 * table (init_top_pgt), which every address space shares above
 * TASK_SIZE, and its page_table_lock serialises the allocation of
 * missing kernel page-table levels; it has no VMAs. Kernel threads have
 * no mm of their own (task->mm == NULL) and borrow the last one
 * (task->active_mm). Other address spaces come from mm_alloc() and go
 * with mmput()/mmdrop() (kernel/fork.c, linux/sched/mm.h).
 *
 *   pgd              the top-level table; fixed for the mm's life
 *   mm_users         users of the address space (its VMAs and tables live
 *                    while it is not 0)
 *   mm_count         references to the struct itself (mm_users counts as 1)
 *   pgtables_bytes   bytes of page-table pages below pgd, for accounting
 *   page_table_lock  protects the population of missing table levels
 *                    and rss_stat
 *   mmap_lock        the VMAs and every field below it but rss_stat and
 *                    cpu_bitmap: written under it for writing, read under
 *                    it for reading (linux/mmap_lock.h)
 *   cpu_bitmap       mm_cpumask(): the CPUs that may hold TLB entries of
 *                    the mm. A CPU sets its bit before it loads the mm's
 *                    pgd and clears it after loading another
 *                    (switch_mm_irqs_off()); atomic bit operations, no lock.
 *                    A kernel thread borrowing the mm lazily keeps the bit.
 *   context          ctx_id (set once) and tlb_gen (atomic): the ASID
 *                    bookkeeping of arch/x86_64/tlb.c (asm/mmu.h)
 */
struct mm_struct {
	pgd_t *pgd;
	atomic_t mm_users;
	atomic_t mm_count;
	atomic_long_t pgtables_bytes;
	spinlock_t page_table_lock;
	struct rw_semaphore mmap_lock;

	struct vm_area_struct *mmap;	/* the VMA list, lowest first */
	struct rb_root mm_rb;		/* the VMA tree (augmented: rb_subtree_gap) */
	int map_count;			/* VMAs */
	unsigned long mmap_base;	/* where top-down searches start */
	unsigned long task_size;	/* the top of user space */
	unsigned long highest_vm_end;	/* the highest vm_end of any VMA */

	unsigned long hiwater_rss;	/* the peak RSS before the last unmap (VmHWM) */
	unsigned long hiwater_vm;	/* the peak total_vm before the last unmap (VmPeak) */
	unsigned long total_vm;		/* pages mapped */
	unsigned long locked_vm;	/* pages VM_LOCKED */
	atomic_long_t pinned_vm;	/* pages pinned (FOLL_LONGTERM) */
	unsigned long data_vm;		/* VM_WRITE & ~VM_SHARED & ~VM_STACK */
	unsigned long exec_vm;		/* VM_EXEC & ~VM_WRITE & ~VM_STACK */
	unsigned long stack_vm;		/* VM_STACK */
	unsigned long def_flags;	/* VM_* every new VMA gets (mlockall) */
	unsigned long flags;		/* MMF_* (sched/coredump.h): atomic bits */
	struct file *exe_file;		/* the program exec ran (/proc/PID/exe): set at exec, fput at teardown */

	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;

	atomic_long_t rss_stat[NR_MM_COUNTERS];	/* pages, by MM_* type */
	struct cpumask cpu_bitmap;		/* mm_cpumask() */
	mm_context_t context;			/* ASIDs: asm/mmu.h */
};

/* mm_cpumask - the CPUs that may cache translations of @mm (TLB shootdowns go there). */
static inline struct cpumask *mm_cpumask(struct mm_struct *mm)
{
	return &mm->cpu_bitmap;
}

extern struct mm_struct init_mm;

#endif /* _LINUX_MM_TYPES_H */
