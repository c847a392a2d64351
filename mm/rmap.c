// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: reverse mapping (include/linux/rmap.h has the pictures and the API)
 *
 * Three parts:
 *
 * 1. anon_vmas and their chains. A VMA that gets its first anonymous page
 *    gets an anon_vma (anon_vma_prepare(): a new root, or the one of a
 *    neighbour it could merge with). A split copies the VMA's chains
 *    (anon_vma_clone()); fork gives the child's VMA the parent's chains
 *    plus a new anon_vma of its own (anon_vma_fork()), whose parent is the
 *    parent VMA's and whose root is the family's root. A COW copy in the
 *    child goes to the child's anon_vma, so the parent's rmap walks never
 *    see it; a page still shared is on an older anon_vma, which the
 *    child's VMA is chained to. unlink_anon_vmas() undoes it; an anon_vma
 *    lives while chains link it (one reference) and while it is the root
 *    of others (one reference each).
 *
 *    Life of a family, fork depth 2 (P forks C, C forks G):
 *
 *      P's VMA: [A]           A: root, parent A
 *      C's VMA: [B, A]        B: root A, parent A
 *      G's VMA: [D, B, A]     D: root A, parent B
 *
 *    num_children and num_active_vmas let anon_vma_fork() reuse an
 *    anon_vma no VMA uses as its own any more with at most one child
 *    (Linux 6.1's rule), so a fork-exit loop does not grow chains.
 *
 * 2. Mapcounts and the rmap of a folio. folio->mapping is the anon_vma
 *    (| PAGE_MAPPING_ANON) or the file's address_space; folio->index the
 *    page offset (linear_page_index() for anonymous pages). _mapcount of
 *    each page counts the ptes mapping it (from -1); a large folio counts
 *    its mapped pages in _nr_pages_mapped. NR_ANON_MAPPED/NR_FILE_MAPPED
 *    count pages mapped at least once ("AnonPages:", "Mapped:").
 *
 * 3. Walks: rmap_walk() visits the VMAs that may map a folio;
 *    page_vma_mapped_walk() the ptes of one VMA that do. On them:
 *    folio_referenced(), folio_mkclean(), try_to_unmap(), and the
 *    invariant checkers rmap_check_mms()/check_mm_rmap().
 *
 * Lock order (Linux's):
 *   mm->mmap_lock
 *     mapping->i_mmap_rwsem
 *       anon_vma->root->rwsem
 *         mm->page_table_lock (the pte lock)
 *
 * The chains of a VMA change with its mm's mmap_lock held for writing and
 * the root's rwsem; anon_vma_prepare() may run with mmap_lock for reading
 * only (two faults race to prepare one VMA): page_table_lock decides.
 */
#include <linux/rmap.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/pagemap.h>
#include <linux/pagewalk.h>
#include <linux/pgtable.h>
#include <linux/slab.h>
#include <linux/xarray.h>
#include <linux/vmstat.h>
#include <linux/mmdebug.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <asm/tlbflush.h>
#include "internal.h"

struct kmem_cache *anon_vma_cachep;
struct kmem_cache *anon_vma_chain_cachep;

/* Once per object, as its memory enters the cache: the fields a free anon_vma keeps. */
static void anon_vma_ctor(void *data)
{
	struct anon_vma *anon_vma = data;

	init_rwsem(&anon_vma->rwsem);
	INIT_LIST_HEAD(&anon_vma->chains);
}

void anon_vma_init(void)
{
	anon_vma_cachep = kmem_cache_create("anon_vma", sizeof(struct anon_vma), 0,
					    SLAB_PANIC | SLAB_NO_MERGE, anon_vma_ctor);
	anon_vma_chain_cachep = kmem_cache_create("anon_vma_chain",
						  sizeof(struct anon_vma_chain), 0,
						  SLAB_PANIC | SLAB_NO_MERGE, NULL);
}

/* ---- anon_vmas and chains ---------------------------------------------- */

/* A new root: its own root and parent, one reference (the chains'). */
static struct anon_vma *anon_vma_alloc(void)
{
	struct anon_vma *anon_vma = kmem_cache_alloc(anon_vma_cachep, GFP_KERNEL);

	if (!anon_vma)
		return NULL;
	atomic_set(&anon_vma->refcount, 1);
	anon_vma->num_children = 0;
	anon_vma->num_active_vmas = 0;
	anon_vma->parent = anon_vma;
	anon_vma->root = anon_vma;
	return anon_vma;
}

static void anon_vma_free(struct anon_vma *anon_vma)
{
	VM_BUG_ON(atomic_read(&anon_vma->refcount));
	VM_BUG_ON(!list_empty(&anon_vma->chains));
	kmem_cache_free(anon_vma_cachep, anon_vma);
}

void __put_anon_vma(struct anon_vma *anon_vma)
{
	struct anon_vma *root = anon_vma->root;

	anon_vma_free(anon_vma);
	if (root != anon_vma && atomic_dec_and_test(&root->refcount))
		anon_vma_free(root);
}

static struct anon_vma_chain *anon_vma_chain_alloc(void)
{
	return kmem_cache_alloc(anon_vma_chain_cachep, GFP_KERNEL);
}

static void anon_vma_chain_free(struct anon_vma_chain *avc)
{
	kmem_cache_free(anon_vma_chain_cachep, avc);
}

/* @vma may map pages of @anon_vma. Context: the root lock held for writing. */
static void anon_vma_chain_link(struct vm_area_struct *vma, struct anon_vma_chain *avc,
				struct anon_vma *anon_vma)
{
	avc->vma = vma;
	avc->anon_vma = anon_vma;
	list_add(&avc->same_vma, &vma->anon_vma_chain);
	list_add_tail(&avc->same_anon_vma, &anon_vma->chains);
}

int anon_vma_prepare(struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;
	struct anon_vma *anon_vma, *allocated = NULL;
	struct anon_vma_chain *avc;

	might_sleep();
	if (likely(READ_ONCE(vma->anon_vma)))
		return 0;
	avc = anon_vma_chain_alloc();
	if (!avc)
		return -ENOMEM;
	anon_vma = find_mergeable_anon_vma(vma);
	if (!anon_vma) {
		anon_vma = allocated = anon_vma_alloc();
		if (!anon_vma) {
			anon_vma_chain_free(avc);
			return -ENOMEM;
		}
		anon_vma->num_children++;	/* a root is its own parent */
	}
	anon_vma_lock_write(anon_vma);
	/* With mmap_lock for reading, another fault may have won the race. */
	spin_lock(&mm->page_table_lock);
	if (likely(!vma->anon_vma)) {
		vma->anon_vma = anon_vma;
		anon_vma_chain_link(vma, avc, anon_vma);
		anon_vma->num_active_vmas++;
		allocated = NULL;
		avc = NULL;
	}
	spin_unlock(&mm->page_table_lock);
	anon_vma_unlock_write(anon_vma);
	if (unlikely(allocated))
		put_anon_vma(allocated);
	if (unlikely(avc))
		anon_vma_chain_free(avc);
	return 0;
}

int anon_vma_clone(struct vm_area_struct *dst, struct vm_area_struct *src)
{
	struct anon_vma_chain *avc, *pavc;

	VM_BUG_ON_VMA(!list_empty(&dst->anon_vma_chain), dst);
	/* Oldest first, so that @dst's list ends up in @src's order (newest first). */
	list_for_each_entry_reverse(pavc, &src->anon_vma_chain, same_vma) {
		struct anon_vma *anon_vma = pavc->anon_vma;

		avc = anon_vma_chain_alloc();
		if (!avc)
			goto enomem;
		anon_vma_lock_write(anon_vma);
		anon_vma_chain_link(dst, avc, anon_vma);
		/* Fork: reuse an anon_vma nobody uses as its own, with < 2 children. */
		if (!dst->anon_vma && src->anon_vma && !anon_vma->num_active_vmas &&
		    anon_vma->num_children < 2)
			dst->anon_vma = anon_vma;
		anon_vma_unlock_write(anon_vma);
	}
	if (dst->anon_vma) {
		anon_vma_lock_write(dst->anon_vma);
		dst->anon_vma->num_active_vmas++;
		anon_vma_unlock_write(dst->anon_vma);
	}
	return 0;

enomem:
	/* Not counted as active yet: unlink_anon_vmas() must not uncount it. */
	dst->anon_vma = NULL;
	unlink_anon_vmas(dst);
	return -ENOMEM;
}

int anon_vma_fork(struct vm_area_struct *vma, struct vm_area_struct *pvma)
{
	struct anon_vma_chain *avc;
	struct anon_vma *anon_vma;
	int err;

	if (!pvma->anon_vma)
		return 0;
	vma->anon_vma = NULL;	/* vm_area_dup() copied the parent's */
	err = anon_vma_clone(vma, pvma);
	if (err)
		return err;
	if (vma->anon_vma)	/* reused one */
		return 0;
	anon_vma = anon_vma_alloc();
	if (!anon_vma)
		goto out_unlink;
	avc = anon_vma_chain_alloc();
	if (!avc)
		goto out_put;
	anon_vma->num_active_vmas++;
	anon_vma->root = pvma->anon_vma->root;
	anon_vma->parent = pvma->anon_vma;
	get_anon_vma(anon_vma->root);
	vma->anon_vma = anon_vma;
	anon_vma_lock_write(anon_vma);
	anon_vma_chain_link(vma, avc, anon_vma);
	anon_vma->parent->num_children++;
	anon_vma_unlock_write(anon_vma);
	return 0;

out_put:
	put_anon_vma(anon_vma);
out_unlink:
	unlink_anon_vmas(vma);
	return -ENOMEM;
}

void unlink_anon_vmas(struct vm_area_struct *vma)
{
	struct anon_vma_chain *avc, *next;
	struct anon_vma *root = NULL;

	/* Newest first: an anon_vma's children leave before it, the root last. */
	list_for_each_entry_safe(avc, next, &vma->anon_vma_chain, same_vma) {
		struct anon_vma *anon_vma = avc->anon_vma;

		if (!root) {
			root = anon_vma->root;
			down_write(&root->rwsem);
		}
		VM_BUG_ON_VMA(anon_vma->root != root, vma);
		list_del(&avc->same_anon_vma);
		if (list_empty(&anon_vma->chains)) {
			/* Its last chain: put after the lock is dropped (it may free the root). */
			anon_vma->parent->num_children--;
			continue;
		}
		list_del(&avc->same_vma);
		anon_vma_chain_free(avc);
	}
	if (vma->anon_vma) {
		vma->anon_vma->num_active_vmas--;
		vma->anon_vma = NULL;
	}
	if (root)
		up_write(&root->rwsem);

	list_for_each_entry_safe(avc, next, &vma->anon_vma_chain, same_vma) {
		struct anon_vma *anon_vma = avc->anon_vma;

		VM_WARN_ON(anon_vma->num_children);
		VM_WARN_ON(anon_vma->num_active_vmas);
		list_del(&avc->same_vma);
		anon_vma_chain_free(avc);
		put_anon_vma(anon_vma);
	}
}

/* ---- mapcounts --------------------------------------------------------- */

/* The file offset (anonymous: linear index) of @page of @folio. */
static pgoff_t folio_page_pgoff(const struct folio *folio, const struct page *page)
{
	return folio->index + (page - &folio->page);
}

static void folio_mod_mapped(struct folio *folio, long nr)
{
	if (nr)
		mod_zone_page_state(page_zone(&folio->page),
				    folio_test_anon(folio) ? NR_ANON_MAPPED : NR_FILE_MAPPED, nr);
}

/* @nr ptes more map pages of @folio from @page. Return: the pages mapped for the first time. */
static int __folio_add_rmap(struct folio *folio, struct page *page, int nr)
{
	int i, first = 0;

	for (i = 0; i < nr; i++)
		if (atomic_add_return(1, &page[i]._mapcount) == 0)
			first++;
	if (first && folio_test_large(folio))
		atomic_add(first, &folio->_nr_pages_mapped);
	return first;
}

void folio_add_new_anon_rmap(struct folio *folio, struct vm_area_struct *vma,
			     unsigned long address)
{
	int i, nr = folio_nr_pages(folio);

	VM_BUG_ON_VMA(!vma->anon_vma, vma);
	VM_BUG_ON_VMA(address < vma->vm_start ||
		      address + ((unsigned long)nr << PAGE_SHIFT) > vma->vm_end, vma);
	VM_BUG_ON_FOLIO(folio_mapped(folio), folio);
	__folio_set_swapbacked(folio);
	WRITE_ONCE(folio->mapping,
		   (struct address_space *)((unsigned long)vma->anon_vma | PAGE_MAPPING_ANON));
	folio->index = linear_page_index(vma, address);
	/* Every page mapped by one pte each (a pmd mapping comes with THP). */
	for (i = 0; i < nr; i++) {
		atomic_set(&folio_page(folio, i)->_mapcount, 0);
		SetPageAnonExclusive(folio_page(folio, i));
	}
	if (folio_test_large(folio))
		atomic_set(&folio->_nr_pages_mapped, nr);
	folio_mod_mapped(folio, nr);
}

void folio_add_anon_rmap_ptes(struct folio *folio, struct page *page, int nr,
			      struct vm_area_struct *vma, unsigned long address, rmap_t flags)
{
	int i, first;

	VM_BUG_ON_FOLIO(!folio_test_anon(folio), folio);
	VM_BUG_ON_VMA(!vma->anon_vma ||
		      folio_anon_vma(folio)->root != vma->anon_vma->root, vma);
	VM_BUG_ON_PAGE(folio_page_pgoff(folio, page) != linear_page_index(vma, address), page);
	first = __folio_add_rmap(folio, page, nr);
	for (i = 0; i < nr; i++) {
		/* An exclusive page is mapped once: never added to a mapping. */
		VM_BUG_ON_PAGE(PageAnonExclusive(&page[i]) && page_mapcount(&page[i]) > 1,
			       &page[i]);
		if (flags & RMAP_EXCLUSIVE)
			SetPageAnonExclusive(&page[i]);
	}
	folio_mod_mapped(folio, first);
}

void folio_add_file_rmap_ptes(struct folio *folio, struct page *page, int nr,
			      struct vm_area_struct *vma)
{
	VM_BUG_ON_FOLIO(folio_test_anon(folio), folio);
	folio_mod_mapped(folio, __folio_add_rmap(folio, page, nr));
}

void folio_remove_rmap_ptes(struct folio *folio, struct page *page, int nr,
			    struct vm_area_struct *vma)
{
	int i, last = 0;

	for (i = 0; i < nr; i++) {
		int count = atomic_add_return(-1, &page[i]._mapcount);

		VM_BUG_ON_PAGE(count < -1, &page[i]);
		if (count < 0)
			last++;
	}
	if (last && folio_test_large(folio))
		atomic_sub(last, &folio->_nr_pages_mapped);
	folio_mod_mapped(folio, -last);
}

/* ---- walks ------------------------------------------------------------- */

pmd_t *mm_find_pmd(struct mm_struct *mm, unsigned long address)
{
	p4d_t *p4d = p4d_offset(pgd_offset(mm, address), address);
	pud_t *pud;
	pmd_t *pmd;

	if (!p4d_present(p4dp_get(p4d)))
		return NULL;
	pud = pud_offset(p4d, address);
	if (!pud_present(pudp_get(pud)) || pud_leaf(pudp_get(pud)))
		return NULL;
	pmd = pmd_offset(pud, address);
	if (!pmd_present(pmdp_get(pmd)) || pmd_leaf(pmdp_get(pmd)))
		return NULL;
	return pmd;
}

/* Where the folio's pages covered by pvmw->vma end. */
static unsigned long pvmw_end(const struct page_vma_mapped_walk *pvmw)
{
	const struct vm_area_struct *vma = pvmw->vma;
	pgoff_t end = min(pvmw->pgoff + pvmw->nr_pages, vma->vm_pgoff + vma_pages(vma));

	return vma->vm_start + ((end - vma->vm_pgoff) << PAGE_SHIFT);
}

/* Point pvmw->pte at the pte of pvmw->address, the lock held. Return: false if no table. */
static bool pvmw_map_table(struct page_vma_mapped_walk *pvmw)
{
	struct mm_struct *mm = pvmw->vma->vm_mm;

	pvmw->pmd = mm_find_pmd(mm, pvmw->address);
	if (!pvmw->pmd)
		return false;
	if (!pvmw->ptl) {
		pvmw->ptl = pte_lockptr(mm, pvmw->pmd);
		spin_lock(pvmw->ptl);
	}
	pvmw->pte = pte_offset_map(pvmw->pmd, pvmw->address);
	return true;
}

/* To the next address; the pte table ends at a pmd boundary. */
static void pvmw_next(struct page_vma_mapped_walk *pvmw)
{
	pvmw->address += PAGE_SIZE;
	if (pvmw->address & ~PMD_MASK)
		pvmw->pte++;
	else
		pvmw->pte = NULL;
}

static bool pvmw_pte_maps_folio(const struct page_vma_mapped_walk *pvmw)
{
	pte_t pte = ptep_get(pvmw->pte);

	return pte_present(pte) && pte_pfn(pte) - pvmw->pfn < pvmw->nr_pages;
}

bool page_vma_mapped_walk(struct page_vma_mapped_walk *pvmw)
{
	unsigned long end = pvmw_end(pvmw);

	if (pvmw->pte)		/* resume after the pte found last */
		pvmw_next(pvmw);
	while (pvmw->address < end) {
		if (!pvmw->pte && !pvmw_map_table(pvmw)) {
			pvmw->address = pmd_addr_end(pvmw->address, end);
			continue;
		}
		if (pvmw_pte_maps_folio(pvmw))
			return true;
		pvmw_next(pvmw);
	}
	page_vma_mapped_walk_done(pvmw);
	return false;
}

/* The address of @folio's first page that @vma covers, or -EFAULT. */
static unsigned long folio_vma_address(const struct folio *folio,
				       const struct vm_area_struct *vma)
{
	pgoff_t pgoff = folio->index;

	if (pgoff < vma->vm_pgoff && pgoff + folio_nr_pages(folio) > vma->vm_pgoff)
		pgoff = vma->vm_pgoff;	/* a large folio straddling vm_start */
	return vma_pgoff_address(pgoff, vma);
}

/* One VMA of the walk. Return: false to end it. */
static bool rmap_walk_vma(struct folio *folio, struct vm_area_struct *vma,
			  struct rmap_walk_control *rwc)
{
	unsigned long address = folio_vma_address(folio, vma);

	if (IS_ERR_VALUE(address))
		return true;
	if (rwc->invalid_vma && rwc->invalid_vma(vma, rwc->arg))
		return true;
	if (!rwc->rmap_one(folio, vma, address, rwc->arg))
		return false;
	return !(rwc->done && rwc->done(folio));
}

static void rmap_walk_anon(struct folio *folio, struct rmap_walk_control *rwc, bool locked)
{
	struct anon_vma *anon_vma;
	struct anon_vma_chain *avc;

	if (locked) {
		anon_vma = folio_anon_vma(folio);
	} else if (rwc->anon_lock) {
		anon_vma = rwc->anon_lock(folio, rwc);
	} else {
		anon_vma = folio_anon_vma(folio);
		if (anon_vma)
			anon_vma_lock_read(anon_vma);
	}
	if (!anon_vma)
		return;
	list_for_each_entry(avc, &anon_vma->chains, same_anon_vma)
		if (!rmap_walk_vma(folio, avc->vma, rwc))
			break;
	if (!locked)
		anon_vma_unlock_read(anon_vma);
}

static void rmap_walk_file(struct folio *folio, struct rmap_walk_control *rwc, bool locked)
{
	struct address_space *mapping = folio->mapping;
	struct vm_area_struct *vma;

	if (!mapping)
		return;
	if (!locked)
		i_mmap_lock_read(mapping);
	list_for_each_entry(vma, &mapping->i_mmap, shared)
		if (!rmap_walk_vma(folio, vma, rwc))
			break;
	if (!locked)
		i_mmap_unlock_read(mapping);
}

void rmap_walk(struct folio *folio, struct rmap_walk_control *rwc)
{
	if (folio_test_anon(folio))
		rmap_walk_anon(folio, rwc, false);
	else
		rmap_walk_file(folio, rwc, false);
}

void rmap_walk_locked(struct folio *folio, struct rmap_walk_control *rwc)
{
	if (folio_test_anon(folio))
		rmap_walk_anon(folio, rwc, true);
	else
		rmap_walk_file(folio, rwc, true);
}

/* ---- folio_referenced, folio_mkclean, try_to_unmap ------------------- */

struct folio_referenced_arg {
	int mapcount;		/* ptes still to find */
	int referenced;		/* VMAs that had a young pte */
	unsigned long vm_flags;
};

static bool folio_referenced_one(struct folio *folio, struct vm_area_struct *vma,
				 unsigned long address, void *arg)
{
	struct folio_referenced_arg *pra = arg;
	DEFINE_FOLIO_VMA_WALK(pvmw, folio, vma, address, 0);
	int referenced = 0;

	while (page_vma_mapped_walk(&pvmw)) {
		if (vma->vm_flags & VM_LOCKED) {
			page_vma_mapped_walk_done(&pvmw);
			pra->vm_flags |= VM_LOCKED;
			return false;
		}
		if (ptep_test_and_clear_young(vma, pvmw.address, pvmw.pte)) {
			flush_tlb_page(vma, pvmw.address);
			/* As Linux: a sequential reader's use does not keep the page. */
			if (!(vma->vm_flags & VM_SEQ_READ))
				referenced++;
		}
		pra->mapcount--;
	}
	if (referenced) {
		pra->referenced++;
		pra->vm_flags |= vma->vm_flags & ~VM_LOCKED;
	}
	return pra->mapcount > 0;
}

int folio_referenced(struct folio *folio, int is_locked, unsigned long *vm_flags)
{
	struct folio_referenced_arg pra = { .mapcount = folio_mapcount(folio) };
	struct rmap_walk_control rwc = { .rmap_one = folio_referenced_one, .arg = &pra };
	bool we_locked = false;

	*vm_flags = 0;
	if (!pra.mapcount || !folio->mapping)
		return 0;
	/* A file folio's mapping may go (truncation) unless it is locked. */
	if (!is_locked && !folio_test_anon(folio)) {
		we_locked = folio_trylock(folio);
		if (!we_locked)
			return -1;
	}
	rmap_walk(folio, &rwc);
	*vm_flags = pra.vm_flags;
	if (we_locked)
		folio_unlock(folio);
	return pra.referenced;
}

static bool page_mkclean_one(struct folio *folio, struct vm_area_struct *vma,
			     unsigned long address, void *arg)
{
	DEFINE_FOLIO_VMA_WALK(pvmw, folio, vma, address, 0);
	int *cleaned = arg;

	while (page_vma_mapped_walk(&pvmw)) {
		pte_t entry = ptep_get(pvmw.pte);

		if (!pte_dirty(entry) && !pte_write(entry))
			continue;
		/* Cleared and flushed first: no CPU may set dirty in a stale entry meanwhile. */
		entry = ptep_get_and_clear(vma->vm_mm, pvmw.address, pvmw.pte);
		flush_tlb_page(vma, pvmw.address);
		set_pte_at(vma->vm_mm, pvmw.address, pvmw.pte, pte_mkclean(pte_wrprotect(entry)));
		(*cleaned)++;
	}
	return true;
}

/* Private mappings of a file never write back to it. */
static bool invalid_mkclean_vma(struct vm_area_struct *vma, void *arg)
{
	return !(vma->vm_flags & VM_SHARED);
}

int folio_mkclean(struct folio *folio)
{
	int cleaned = 0;
	struct rmap_walk_control rwc = {
		.arg = &cleaned,
		.rmap_one = page_mkclean_one,
		.invalid_vma = invalid_mkclean_vma,
	};

	BUG_ON(!folio_test_locked(folio));
	if (!folio_mapped(folio) || !folio->mapping || folio_test_anon(folio))
		return 0;
	rmap_walk(folio, &rwc);
	return cleaned;
}

/*
 * May the anonymous @folio, whose pte @pteval was just cleared, be dropped?
 * Only a lazily freed one (MADV_FREE: not swap-backed) that nobody wrote
 * to and nobody but the ptes and the caller holds (Linux's rule).
 */
static bool anon_folio_discardable(struct folio *folio, pte_t pteval)
{
	if (pte_dirty(pteval) || folio_test_dirty(folio))
		return false;
	return folio_ref_count(folio) == 1 + folio_mapcount(folio);
}

static bool try_to_unmap_one(struct folio *folio, struct vm_area_struct *vma,
			     unsigned long address, void *arg)
{
	enum ttu_flags flags = (enum ttu_flags)(unsigned long)arg;
	struct mm_struct *mm = vma->vm_mm;
	DEFINE_FOLIO_VMA_WALK(pvmw, folio, vma, address, 0);
	bool anon = folio_test_anon(folio);

	while (page_vma_mapped_walk(&pvmw)) {
		struct page *subpage = pfn_to_page(pte_pfn(ptep_get(pvmw.pte)));
		pte_t pteval;

		/* Locked VMAs keep their pages; swap-backed ones wait for swap entries. */
		if ((!(flags & TTU_IGNORE_MLOCK) && (vma->vm_flags & VM_LOCKED)) ||
		    (anon && folio_test_swapbacked(folio))) {
			page_vma_mapped_walk_done(&pvmw);
			return false;
		}
		pteval = ptep_get_and_clear(mm, pvmw.address, pvmw.pte);
		flush_tlb_page(vma, pvmw.address);
		if (anon && !anon_folio_discardable(folio, pteval)) {
			/* Written since MADV_FREE: keep it, as swap-backed memory again. */
			set_pte_at(mm, pvmw.address, pvmw.pte, pteval);
			folio_set_swapbacked(folio);
			page_vma_mapped_walk_done(&pvmw);
			return false;
		}
		if (pte_dirty(pteval))
			folio_mark_dirty(folio);
		dec_mm_counter(mm, anon ? MM_ANONPAGES : mm_counter_file(subpage));
		folio_remove_rmap_pte(folio, subpage, vma);
		folio_put(folio);	/* the pte's reference */
	}
	return true;
}

static int folio_not_mapped(struct folio *folio)
{
	return !folio_mapped(folio);
}

void try_to_unmap(struct folio *folio, enum ttu_flags flags)
{
	struct rmap_walk_control rwc = {
		.rmap_one = try_to_unmap_one,
		.arg = (void *)(unsigned long)flags,
		.done = folio_not_mapped,
	};

	if (flags & TTU_RMAP_LOCKED)
		rmap_walk_locked(folio, &rwc);
	else
		rmap_walk(folio, &rwc);
}

/* ---- the invariant checkers ------------------------------------------- */

struct rmap_check {
	struct xarray ptes;	/* pfn -> the ptes found mapping it (a value entry) */
	int bad;		/* broken invariants */
	bool exact;		/* mapcount == ptes (all its mms walked), else >= */
};

static void rmap_report(struct rmap_check *c, struct page *page, const char *what)
{
	dump_page(page, what);
	pr_err("rmap check: pfn %#lx: %s\n", page_to_pfn(page), what);
	c->bad++;
}

static bool vma_chains_anon_vma(struct vm_area_struct *vma, struct anon_vma *anon_vma)
{
	struct anon_vma_chain *avc;

	list_for_each_entry(avc, &vma->anon_vma_chain, same_vma)
		if (avc->anon_vma == anon_vma)
			return true;
	return false;
}

static int rmap_check_pte(pte_t *pte, unsigned long addr, unsigned long next,
			  struct mm_walk *walk)
{
	struct rmap_check *c = walk->private;
	pte_t entry = ptep_get(pte);
	struct folio *folio;
	struct page *page;
	unsigned long n;

	if (!pte_present(entry) || pte_special(entry) || !pfn_valid(pte_pfn(entry)))
		return 0;
	page = pfn_to_page(pte_pfn(entry));
	folio = page_folio(page);
	if (folio_test_anon(folio)) {
		if (!vma_chains_anon_vma(walk->vma, folio_anon_vma(folio)))
			rmap_report(c, page, "anon_vma not on the VMA's chain");
		if (folio_page_pgoff(folio, page) != linear_page_index(walk->vma, addr))
			rmap_report(c, page, "index is not the VMA's for the address");
	}
	n = xa_to_value(xa_load(&c->ptes, pte_pfn(entry)) ?: xa_mk_value(0));
	return xa_err(xa_store(&c->ptes, pte_pfn(entry), xa_mk_value(n + 1), GFP_KERNEL));
}

static const struct mm_walk_ops rmap_check_ops = {
	.pte_entry = rmap_check_pte,
};

/* Compare each page's mapcount with the ptes found. */
static void rmap_check_counts(struct rmap_check *c)
{
	unsigned long pfn;
	void *entry;

	xa_for_each(&c->ptes, pfn, entry) {
		struct page *page = pfn_to_page(pfn);
		unsigned long ptes = xa_to_value(entry);
		unsigned long mapcount = page_mapcount(page);

		if (c->exact ? mapcount != ptes : mapcount < ptes) {
			pr_err("rmap check: pfn %#lx: mapcount %lu, %lu ptes\n", pfn, mapcount,
			       ptes);
			rmap_report(c, page, "mapcount is not the ptes mapping the page");
		}
		if (PageAnon(page) && PageAnonExclusive(page) && (ptes != 1 || mapcount != 1))
			rmap_report(c, page, "PageAnonExclusive but mapped more than once");
	}
}

static int rmap_check(struct mm_struct *const *mms, unsigned int nr, bool exact)
{
	struct rmap_check c = { .exact = exact };
	unsigned int i;
	int err = 0;

	xa_init(&c.ptes);
	for (i = 0; i < nr && !err; i++)
		err = walk_page_range(mms[i], 0, TASK_SIZE, &rmap_check_ops, &c);
	if (!err)
		rmap_check_counts(&c);
	xa_destroy(&c.ptes);
	return err ?: c.bad;
}

int rmap_check_mms(struct mm_struct *const *mms, unsigned int nr)
{
	return rmap_check(mms, nr, true);
}

#ifdef CONFIG_DEBUG_VM
void check_mm_rmap(struct mm_struct *mm)
{
	VM_WARN_ON_ONCE(rmap_check(&mm, 1, false) > 0);
}
#endif
