/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reverse mapping (mm/rmap.c): from a page to the ptes that map it.
 *
 * An anonymous folio points (folio->mapping, with PAGE_MAPPING_ANON set)
 * at the anon_vma of the VMA it was first faulted into; every VMA that
 * may map it (the original, and its copies in forked children) is
 * reachable from that anon_vma through anon_vma_chains, as in Linux.
 * A file folio is found through its address_space's i_mmap.
 *
 *   struct anon_vma  <--anon_vma--  struct anon_vma_chain  --vma-->  VMA
 *     list of chains (same_anon_vma)      |                  list of chains
 *                                         +-- same_vma ----  (anon_vma_chain)
 *
 * A VMA has one chain per anon_vma of its family whose pages it may map:
 * its own (vma->anon_vma, where its new pages go) and its ancestors'.
 * Every anon_vma of a family shares the root's rwsem. Linux keeps the
 * chains of an anon_vma in an interval tree by pgoff; they are a list
 * here (a walk skips the VMAs that do not cover the page).
 *
 * Mapcounts: page->_mapcount (-1: unmapped) counts the ptes mapping a
 * page; a large folio also keeps _nr_pages_mapped and _entire_mapcount.
 * The rmap calls below change them with the page table lock of the pte
 * held, as the pte is set or cleared.
 */
#ifndef _LINUX_RMAP_H
#define _LINUX_RMAP_H

#include <linux/mm.h>
#include <linux/list.h>
#include <linux/rwsem.h>
#include <linux/atomic.h>
#include <linux/errno.h>

/**
 * struct anon_vma - the anonymous pages of a family of VMAs
 * @root: the first anon_vma of the family (itself for a root); its rwsem
 *        is the lock of every anon_vma of the family
 * @rwsem: the lock (the root's only is used): the chain lists, and
 *         num_children/num_active_vmas; for writing to change them
 * @refcount: 1 while any chain links it, +1 for each non-root anon_vma
 *            whose root it is, +1 for each temporary holder
 * @num_children: anon_vmas whose parent this is (a root counts itself)
 * @num_active_vmas: VMAs whose vma->anon_vma this is
 * @parent: the anon_vma of the VMA that forked the one this serves
 * @chains: its anon_vma_chains (anon_vma_chain.same_anon_vma); Linux's
 *          rb_root interval tree, a list here
 *
 * anon_vma_fork() reuses an anon_vma that has no VMA of its own left and
 * at most one child (Linux's rule), which bounds how long a chain grows
 * across generations of forks.
 */
struct anon_vma {
	struct anon_vma *root;
	struct rw_semaphore rwsem;
	atomic_t refcount;
	unsigned long num_children;
	unsigned long num_active_vmas;
	struct anon_vma *parent;
	struct list_head chains;
};

/**
 * struct anon_vma_chain - "@vma may map pages of @anon_vma"
 * @vma: the VMA
 * @anon_vma: the anon_vma
 * @same_vma: on vma->anon_vma_chain (mmap_lock for writing and the root lock)
 * @same_anon_vma: on anon_vma->chains (the root lock)
 */
struct anon_vma_chain {
	struct vm_area_struct *vma;
	struct anon_vma *anon_vma;
	struct list_head same_vma;
	struct list_head same_anon_vma;
};

/* The caches (slab: "anon_vma", "anon_vma_chain"); leak checks count their objects. */
extern struct kmem_cache *anon_vma_cachep;
extern struct kmem_cache *anon_vma_chain_cachep;
/* anon_vma_init - make the two caches. Context: boot, after the slab allocator. */
void anon_vma_init(void);

/* Take a reference: the anon_vma stays until put_anon_vma(). */
static inline void get_anon_vma(struct anon_vma *anon_vma)
{
	atomic_inc(&anon_vma->refcount);
}

void __put_anon_vma(struct anon_vma *anon_vma);
/* Drop a reference; the last frees it (and drops its root's reference). */
static inline void put_anon_vma(struct anon_vma *anon_vma)
{
	if (atomic_dec_and_test(&anon_vma->refcount))
		__put_anon_vma(anon_vma);
}

static inline void anon_vma_lock_write(struct anon_vma *anon_vma)
{
	down_write(&anon_vma->root->rwsem);
}

static inline void anon_vma_unlock_write(struct anon_vma *anon_vma)
{
	up_write(&anon_vma->root->rwsem);
}

static inline void anon_vma_lock_read(struct anon_vma *anon_vma)
{
	down_read(&anon_vma->root->rwsem);
}

static inline void anon_vma_unlock_read(struct anon_vma *anon_vma)
{
	up_read(&anon_vma->root->rwsem);
}

/* folio->mapping of an anonymous folio: its anon_vma, with this bit set. */
#define PAGE_MAPPING_ANON	0x1UL

typedef int rmap_t;
#define RMAP_NONE	0		/* nothing special */
#define RMAP_EXCLUSIVE	(1 << 0)	/* the page is PageAnonExclusive */

/*
 * anon_vma_prepare - give @vma an anon_vma before its first anonymous
 * page (reusing a neighbour's when they could merge). Return: 0, -ENOMEM.
 * Context: mmap_lock held (for reading suffices).
 */
int anon_vma_prepare(struct vm_area_struct *vma);
/**
 * anon_vma_clone - @dst (a split or copy of @src) joins every anon_vma of @src
 * @dst: a VMA whose anon_vma_chain is empty
 * @src: the VMA it was made from
 *
 * When @dst has no anon_vma of its own yet (fork), one of @src's that no
 * VMA uses any more and that has fewer than two children is reused.
 * Return: 0, or -ENOMEM with @dst linked to nothing. Context: mmap_lock
 * of @dst's mm held for writing; takes the root lock.
 */
int anon_vma_clone(struct vm_area_struct *dst, struct vm_area_struct *src);
/**
 * anon_vma_fork - a forked child's @vma joins @pvma's anon_vmas and gets its own
 * @vma: the child's copy of @pvma (vm_area_dup())
 * @pvma: the parent's VMA
 *
 * Nothing to do when @pvma has no anon_vma. Else @vma clones @pvma's
 * chains and, unless anon_vma_clone() reused one, gets a new anon_vma
 * whose parent is @pvma's and root is its root.
 * Return: 0, or -ENOMEM with @vma linked to nothing. Context: both mms'
 * mmap_lock held for writing.
 */
int anon_vma_fork(struct vm_area_struct *vma, struct vm_area_struct *pvma);
/**
 * unlink_anon_vmas - @vma (going, or failing to be made) leaves its anon_vmas
 * @vma: the VMA
 *
 * Every chain of @vma is unlinked and freed; an anon_vma no chain links
 * any more loses its reference (freed when it was the last). Clears
 * vma->anon_vma; a second call does nothing. Context: mmap_lock held for
 * writing; takes the root lock.
 */
void unlink_anon_vmas(struct vm_area_struct *vma);

/*
 * folio_add_new_anon_rmap - a new anonymous @folio, mapped at @address of
 * @vma (the fault path): its mapping is vma->anon_vma (which must exist:
 * anon_vma_prepare()), its index linear_page_index(), each page mapped
 * once and PageAnonExclusive, the folio swap-backed. A large folio is
 * taken as mapped by ptes, all of its pages. Context: the pte lock held.
 */
void folio_add_new_anon_rmap(struct folio *folio, struct vm_area_struct *vma,
			     unsigned long address);
/* @nr pages of the anonymous @folio from @page, mapped again (swap-in, fork's COW share). */
void folio_add_anon_rmap_ptes(struct folio *folio, struct page *page, int nr,
			      struct vm_area_struct *vma, unsigned long address, rmap_t flags);
#define folio_add_anon_rmap_pte(folio, page, vma, address, flags) \
	folio_add_anon_rmap_ptes(folio, page, 1, vma, address, flags)
/* @nr pages of the file @folio from @page, mapped by ptes of @vma. */
void folio_add_file_rmap_ptes(struct folio *folio, struct page *page, int nr,
			      struct vm_area_struct *vma);
#define folio_add_file_rmap_pte(folio, page, vma) \
	folio_add_file_rmap_ptes(folio, page, 1, vma)
/* @nr pages of @folio from @page, unmapped from ptes of @vma. */
void folio_remove_rmap_ptes(struct folio *folio, struct page *page, int nr,
			    struct vm_area_struct *vma);
#define folio_remove_rmap_pte(folio, page, vma) \
	folio_remove_rmap_ptes(folio, page, 1, vma)
/* Is @folio anonymous (folio->mapping is an anon_vma)? */
static inline bool folio_test_anon(const struct folio *folio)
{
	return ((unsigned long)folio->mapping & PAGE_MAPPING_ANON) != 0;
}

static inline bool PageAnon(const struct page *page)
{
	return folio_test_anon(page_folio(page));
}

/*
 * folio_try_dup_anon_rmap_ptes - fork: share @nr anonymous pages from
 * @page with the child. Return: 0, or -EBUSY when a page may be pinned
 * (it is then copied for the child instead, keeping the pin coherent).
 * Inline, as Linux's: fork calls it for every pte of a private mapping.
 */
static inline int folio_try_dup_anon_rmap_ptes(struct folio *folio, struct page *page, int nr,
					       struct vm_area_struct *src_vma)
{
	int i;

	VM_BUG_ON_FOLIO(!folio_test_anon(folio), folio);
	/* A pinned exclusive page stays the parent's; the child gets a copy. */
	for (i = 0; i < nr; i++)
		if (PageAnonExclusive(&page[i]) && is_cow_mapping(src_vma->vm_flags) &&
		    folio_maybe_dma_pinned(folio))
			return -EBUSY;
	for (i = 0; i < nr; i++) {
		ClearPageAnonExclusive(&page[i]);
		VM_BUG_ON_PAGE(page_mapcount(&page[i]) < 1, &page[i]);
		atomic_inc(&page[i]._mapcount);
	}
	return 0;
}

/* fork: the child's ptes map @nr file pages from @page too. */
static inline void folio_dup_file_rmap_ptes(struct folio *folio, struct page *page, int nr)
{
	int i;

	for (i = 0; i < nr; i++) {
		VM_BUG_ON_PAGE(page_mapcount(&page[i]) < 1, &page[i]);
		atomic_inc(&page[i]._mapcount);
	}
}

/* The anon_vma of the anonymous @folio (NULL for a file folio). */
static inline struct anon_vma *folio_anon_vma(const struct folio *folio)
{
	unsigned long mapping = (unsigned long)folio->mapping;

	if (!(mapping & PAGE_MAPPING_ANON))
		return NULL;
	return (struct anon_vma *)(mapping - PAGE_MAPPING_ANON);
}

/* Is @folio mapped by any pte (or pmd)? */
static inline bool folio_mapped(const struct folio *folio)
{
	return folio_mapcount(folio) > 0;
}

/*
 * DOC: walking the mappings of a folio
 *
 * rmap_walk() calls @rmap_one for every VMA that may map @folio, at the
 * address the folio's first page would have there, under the anon_vma
 * root's rwsem (anonymous) or i_mmap_rwsem (file), both for reading:
 *   @rmap_one     false ends the walk
 *   @done         after each call, nonzero ends the walk (optional)
 *   @anon_lock    locks and returns the anon_vma instead of the default
 *                 (optional)
 *   @invalid_vma  true skips the VMA (optional)
 * page_vma_mapped_walk() then finds the ptes of one VMA that map the
 * folio: each call returns true with pvmw->pte and pvmw->address set and
 * the pte lock held; it drops the lock when it returns false.
 * page_vma_mapped_walk_done() ends a walk early.
 *
 * The folio's anon_vma must stay while the walk runs: the caller keeps
 * the folio mapped somewhere (holds the mmap_lock of an mm mapping it),
 * or holds the folio's lock across the unmapping of its last pte. Linux
 * also lets reclaim walk folios nobody holds, relying on RCU and a
 * SLAB_TYPESAFE_BY_RCU cache; neither exists here yet.
 */
struct rmap_walk_control {
	void *arg;
	bool (*rmap_one)(struct folio *folio, struct vm_area_struct *vma,
			 unsigned long address, void *arg);
	int (*done)(struct folio *folio);
	struct anon_vma *(*anon_lock)(struct folio *folio, struct rmap_walk_control *rwc);
	bool (*invalid_vma)(struct vm_area_struct *vma, void *arg);
};

/* rmap_walk - @rwc->rmap_one() on each VMA that may map @folio. Context: may sleep. */
void rmap_walk(struct folio *folio, struct rmap_walk_control *rwc);
/* rmap_walk_locked - rmap_walk(), the caller holding the anon_vma or i_mmap lock. */
void rmap_walk_locked(struct folio *folio, struct rmap_walk_control *rwc);

/**
 * struct page_vma_mapped_walk - the state of page_vma_mapped_walk()
 * @pfn: the first pfn looked for (set by DEFINE_FOLIO_VMA_WALK)
 * @nr_pages: how many pfns from @pfn
 * @pgoff: the file offset of the first page
 * @vma: the VMA searched
 * @address: where the walk starts; then the address of the pte found
 * @pmd: the pmd entry of @address
 * @pte: the pte found (NULL before the first call)
 * @ptl: the pte lock, held while a call's true result is used
 * @flags: PVMW_* (none yet: Linux's PVMW_MIGRATION comes with migration)
 *
 * pte level only; pmd-mapped folios come with THP.
 */
struct page_vma_mapped_walk {
	unsigned long pfn;
	unsigned long nr_pages;
	pgoff_t pgoff;
	struct vm_area_struct *vma;
	unsigned long address;
	pmd_t *pmd;
	pte_t *pte;
	spinlock_t *ptl;
	unsigned int flags;
};

#define DEFINE_FOLIO_VMA_WALK(name, _folio, _vma, _address, _flags)	\
	struct page_vma_mapped_walk name = {				\
		.pfn = folio_pfn(_folio),				\
		.nr_pages = folio_nr_pages(_folio),			\
		.pgoff = (_folio)->index,				\
		.vma = _vma,						\
		.address = _address,					\
		.flags = _flags,					\
	}

/* The next pte of pvmw->vma mapping the folio: true with it locked, false at the end. */
bool page_vma_mapped_walk(struct page_vma_mapped_walk *pvmw);

/* End a walk before it returned false: drop the pte lock. */
static inline void page_vma_mapped_walk_done(struct page_vma_mapped_walk *pvmw)
{
	if (pvmw->ptl)
		spin_unlock(pvmw->ptl);
	pvmw->ptl = NULL;
}

/**
 * folio_referenced - how many ptes have used @folio since the last look
 * @folio: the folio
 * @is_locked: the caller holds the folio's lock
 * @vm_flags: out: the vm_flags of the VMAs that referenced it (VM_LOCKED
 *            alone when a locked VMA maps it: the walk stops there)
 *
 * Clears the accessed bit of each young pte mapping @folio (and flushes
 * it from the TLB). Linux's memcg argument is not there.
 * Return: the number of VMAs in which a pte of @folio was young (a
 * VM_SEQ_READ VMA's do not count), or -1 when a file folio's lock could
 * not be taken. Context: may sleep.
 */
int folio_referenced(struct folio *folio, int is_locked, unsigned long *vm_flags);

/**
 * folio_mkclean - write-protect and clean the shared ptes of the file @folio
 * @folio: a locked file folio (anonymous: nothing to do)
 *
 * So that the next write faults and dirties it again (writeback).
 * Return: how many ptes were dirty or writable. Context: may sleep.
 */
int folio_mkclean(struct folio *folio);

/* try_to_unmap() flags, Linux 6.1's values. */
enum ttu_flags {
	TTU_SPLIT_HUGE_PMD	= 0x4,	/* split a pmd mapping first (THP) */
	TTU_IGNORE_MLOCK	= 0x8,	/* unmap from VM_LOCKED VMAs too */
	TTU_SYNC		= 0x10,	/* do not skip a racing pte change */
	TTU_HWPOISON		= 0x20,
	TTU_BATCH_FLUSH		= 0x40,
	TTU_RMAP_LOCKED		= 0x80,	/* the caller holds the rmap lock */
};

/**
 * try_to_unmap - remove every pte mapping @folio
 * @folio: a locked folio
 * @flags: TTU_*
 *
 * A file folio's ptes are cleared (a dirty one dirties the folio), its
 * mapcount and rss counters drop and each pte's reference is put. An
 * anonymous folio that is not swap-backed and is clean (MADV_FREE) is
 * discarded the same way; a swap-backed one stays mapped until swap
 * entries exist (Linux would write a swap entry). VM_LOCKED VMAs stop the
 * walk unless TTU_IGNORE_MLOCK. The caller learns the outcome from
 * folio_mapped(). Context: may sleep.
 */
void try_to_unmap(struct folio *folio, enum ttu_flags flags);

/*
 * DOC: the invariant checkers
 *
 * rmap_check_mms() walks the ptes of @nr mms (each mmap_lock held by the
 * caller) and checks, for every present pte mapping a page: the page's
 * mapcount equals the ptes mapping it across the mms (so every mm
 * mapping a page of them must be in the set), an anonymous page's
 * anon_vma is on the VMA's chain and its index is the VMA's for the
 * address, and a PageAnonExclusive page is mapped once. Each broken
 * invariant is reported (dump_page() and a line naming it). Return: how
 * many were broken, or -ENOMEM (the walk's bookkeeping could not be
 * allocated). Tests call it; so may anything that knows the set.
 *
 * check_mm_rmap() checks one mm in a CONFIG_DEBUG_VM build (a no-op
 * otherwise): as above but a mapcount need only be at least the ptes of
 * @mm (other mms may map the page too); a broken invariant warns once.
 */
int rmap_check_mms(struct mm_struct *const *mms, unsigned int nr);
#ifdef CONFIG_DEBUG_VM
void check_mm_rmap(struct mm_struct *mm);
#else
static inline void check_mm_rmap(struct mm_struct *mm) { }
#endif

#endif /* _LINUX_RMAP_H */
