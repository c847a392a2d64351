// SPDX-License-Identifier: GPL-2.0
/*
 * The memory of user address spaces (Linux's mm/memory.c): page-table
 * population, the page-fault handler, teardown of mappings and tables,
 * and fork's copy of the ptes.
 *
 * Page-table population: a missing level is allocated with no lock held
 * (it may sleep), then mm->page_table_lock is taken and the entry checked
 * again; if another CPU populated it meanwhile, that table is used and
 * ours is freed (pmd_install() for pte tables). So a populated entry never
 * changes under a walker, and two CPUs mapping next to each other never
 * lose a table. Tables go only in free_pgtables(), with the mmap_lock
 * held for writing and the VMAs above them gone.
 *
 * The fault handler, Linux's structure:
 *
 *   handle_mm_fault -> __handle_mm_fault (allocate pud, pmd)
 *     -> handle_pte_fault:
 *          pte none, anonymous VMA     do_anonymous_page(): read maps the
 *                                      shared zero page (special,
 *                                      read-only), write a new zeroed page
 *          pte none, file VMA          do_fault(): do_read_fault() (with
 *                                      fault-around through ->map_pages),
 *                                      do_cow_fault() (private, written),
 *                                      do_shared_fault() (->page_mkwrite,
 *                                      the folio marked dirty)
 *          present, write, read-only   do_wp_page(): shared mappings become
 *                                      writable (after ->page_mkwrite);
 *                                      private ones reuse an anonymous page
 *                                      this mm alone has (PageAnonExclusive,
 *                                      or refcount 1 under the folio lock:
 *                                      then made exclusive), else copy it
 *                                      (wp_page_copy(), the zero page too)
 *          present otherwise           accessed (and dirty) bits set
 *
 * COW rules of Linux 6.1: an anonymous page may be written through a pte
 * only while PageAnonExclusive; fork clears it when it shares the page
 * (the rmap's folio_try_dup_anon_rmap_ptes()), or copies the page at once
 * when it may be pinned. FAULT_FLAG_UNSHARE (GUP's read pin of a shared
 * page) breaks COW the same way but leaves the new pte read-only.
 * Reusing a page does not move it to this VMA's anon_vma (Linux's
 * page_move_anon_rmap()): the old one is an ancestor this VMA is chained
 * to, so the rmap still finds the page, only less directly.
 *
 * Teardown: unmap_vmas() clears the ptes of a range into an mmu_gather
 * (asm/tlb.h): each page's rmap and rss are dropped at once, a dirty pte
 * marks its file folio dirty, a young one PG_referenced; the mapping's
 * page reference is released only after the TLB flush. free_pgtables()
 * then frees the tables a range no longer needs, within floor and
 * ceiling (the neighbours' space): a table is freed only when the whole
 * span it maps lies between them, as Linux's free_pgd_range().
 *
 * Special ptes (pte_special(): the zero page) have no struct page that
 * counts: vm_normal_page() returns NULL for them, and teardown, fork and
 * the rmap skip them.
 *
 * Locking: mmap_lock (read for faults and zaps, write for free_pgtables
 * and both mms at fork); mm->page_table_lock is the pte lock of every
 * table of the mm (pte_offset_map_lock()), held while a pte is read to be
 * changed, changed, and its rmap and rss updated; never across an
 * allocation or a sleep. Fork nests the parent's pte lock inside the
 * child's (SINGLE_DEPTH_NESTING). The folio lock is taken without the pte
 * lock (->fault, ->page_mkwrite), except for a trylock in do_wp_page().
 */
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/pagemap.h>
#include <linux/highmem.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/lockdep.h>
#include <linux/vmstat.h>
#include <linux/errno.h>
#include <linux/bug.h>
#include <asm/pgalloc.h>
#include <asm/tlb.h>
#include <asm/tlbflush.h>
#include "internal.h"

u8 empty_zero_page[PAGE_SIZE] __aligned(PAGE_SIZE);
unsigned long fault_around_bytes = 65536;

int __pud_alloc(struct mm_struct *mm, p4d_t *p4d, unsigned long addr)
{
	pud_t *new = pud_alloc_one(mm, addr);

	if (!new)
		return -ENOMEM;
	spin_lock(&mm->page_table_lock);
	if (p4d_none(p4dp_get(p4d))) {
		p4d_populate(mm, p4d, new);
		new = NULL;
	}
	spin_unlock(&mm->page_table_lock);
	if (new)
		pud_free(mm, new);
	return 0;
}

int __pmd_alloc(struct mm_struct *mm, pud_t *pud, unsigned long addr)
{
	pmd_t *new = pmd_alloc_one(mm, addr);

	if (!new)
		return -ENOMEM;
	spin_lock(&mm->page_table_lock);
	if (pud_none(pudp_get(pud))) {
		pud_populate(mm, pud, new);
		new = NULL;
	}
	spin_unlock(&mm->page_table_lock);
	if (new)
		pmd_free(mm, new);
	return 0;
}

void pmd_install(struct mm_struct *mm, pmd_t *pmd, pgtable_t *pte)
{
	spin_lock(&mm->page_table_lock);
	if (pmd_none(pmdp_get(pmd))) {
		pmd_populate(mm, pmd, *pte);
		*pte = NULL;
	}
	spin_unlock(&mm->page_table_lock);
}

int __pte_alloc(struct mm_struct *mm, pmd_t *pmd)
{
	pgtable_t new = pte_alloc_one(mm);

	if (!new)
		return -ENOMEM;
	pmd_install(mm, pmd, &new);
	if (new)
		pte_free(mm, new);
	return 0;
}

int __pte_alloc_kernel(pmd_t *pmd)
{
	pte_t *new = pte_alloc_one_kernel(&init_mm);

	if (!new)
		return -ENOMEM;
	spin_lock(&init_mm.page_table_lock);
	if (pmd_none(pmdp_get(pmd))) {
		pmd_populate_kernel(&init_mm, pmd, new);
		new = NULL;
	}
	spin_unlock(&init_mm.page_table_lock);
	if (new)
		pte_free_kernel(&init_mm, new);
	return 0;
}

/* ---- apply_to_page_range ------------------------------------------------ */

/*
 * One pte table's run. A user mm's ptes are changed under its
 * page_table_lock (its pte lock, while there are no split ptlocks);
 * the kernel's belong to the caller's range.
 */
static int apply_to_pte_range(struct mm_struct *mm, pmd_t *pmd, unsigned long addr,
			      unsigned long end, pte_fn_t fn, void *data, bool create)
{
	bool user = mm != &init_mm;
	pte_t *pte;
	int err = 0;

	if (create) {
		if (user ? pte_alloc(mm, pmd) : !pte_alloc_kernel(pmd, addr))
			return -ENOMEM;
	}
	pte = pte_offset_kernel(pmd, addr);
	if (user)
		spin_lock(&mm->page_table_lock);
	for (; addr < end; addr += PAGE_SIZE, pte++) {
		if (create || !pte_none(ptep_get(pte)))
			err = fn(pte, addr, data);
		if (err)
			break;
	}
	if (user)
		spin_unlock(&mm->page_table_lock);
	return err;
}

static int apply_to_pmd_range(struct mm_struct *mm, pud_t *pud, unsigned long addr,
			      unsigned long end, pte_fn_t fn, void *data, bool create)
{
	pmd_t *pmd = create ? pmd_alloc(mm, pud, addr) : pmd_offset(pud, addr);
	unsigned long next;
	int err;

	if (!pmd)
		return -ENOMEM;
	for (; addr < end; addr = next, pmd++) {
		next = pmd_addr_end(addr, end);
		if (pmd_none(pmdp_get(pmd)) && !create)
			continue;
		if (WARN_ON_ONCE(pmd_leaf(pmdp_get(pmd))))
			return -EINVAL;
		err = apply_to_pte_range(mm, pmd, addr, next, fn, data, create);
		if (err)
			return err;
	}
	return 0;
}

static int apply_to_pud_range(struct mm_struct *mm, p4d_t *p4d, unsigned long addr,
			      unsigned long end, pte_fn_t fn, void *data, bool create)
{
	pud_t *pud = create ? pud_alloc(mm, p4d, addr) : pud_offset(p4d, addr);
	unsigned long next;
	int err;

	if (!pud)
		return -ENOMEM;
	for (; addr < end; addr = next, pud++) {
		next = pud_addr_end(addr, end);
		if (pud_none(pudp_get(pud)) && !create)
			continue;
		if (WARN_ON_ONCE(pud_leaf(pudp_get(pud))))
			return -EINVAL;
		err = apply_to_pmd_range(mm, pud, addr, next, fn, data, create);
		if (err)
			return err;
	}
	return 0;
}

static int __apply_to_page_range(struct mm_struct *mm, unsigned long addr,
				 unsigned long size, pte_fn_t fn, void *data, bool create)
{
	unsigned long end = addr + size, next;
	pgd_t *pgd;
	int err;

	if (WARN_ON(addr >= end))
		return -EINVAL;
	pgd = pgd_offset(mm, addr);
	for (; addr < end; addr = next, pgd++) {
		p4d_t *p4d = p4d_alloc(mm, pgd, addr);

		next = pgd_addr_end(addr, end);
		if (p4d_none(p4dp_get(p4d)) && !create)
			continue;
		err = apply_to_pud_range(mm, p4d, addr, next, fn, data, create);
		if (err)
			return err;
	}
	return 0;
}

int apply_to_page_range(struct mm_struct *mm, unsigned long addr, unsigned long size,
			pte_fn_t fn, void *data)
{
	return __apply_to_page_range(mm, addr, size, fn, data, true);
}

int apply_to_existing_page_range(struct mm_struct *mm, unsigned long addr,
				 unsigned long size, pte_fn_t fn, void *data)
{
	return __apply_to_page_range(mm, addr, size, fn, data, false);
}

/* ---- helpers shared by faults, teardown and fork ------------------------ */

/* The rss counter @page counts in. */
static int mm_counter(struct page *page)
{
	return PageAnon(page) ? MM_ANONPAGES : mm_counter_file(page);
}

static void add_mm_rss_vec(struct mm_struct *mm, const int *rss)
{
	int i;

	for (i = 0; i < NR_MM_COUNTERS; i++)
		if (rss[i])
			add_mm_counter(mm, i, rss[i]);
}

/* Skip an empty table entry; a huge or corrupt one is not ours to walk. */
static bool pmd_skip(pmd_t *pmd)
{
	pmd_t val = pmdp_get(pmd);

	return pmd_none(val) || WARN_ON_ONCE(pmd_leaf(val) || pmd_bad(val));
}

static bool pud_skip(pud_t *pud)
{
	pud_t val = pudp_get(pud);

	return pud_none(val) || WARN_ON_ONCE(pud_leaf(val) || pud_bad(val));
}

static bool p4d_skip(p4d_t *p4d)
{
	p4d_t val = p4dp_get(p4d);

	return p4d_none(val) || WARN_ON_ONCE(p4d_bad(val));
}

/* A new anonymous page for @vma: exclusive to it until fork shares it. */
static struct page *alloc_anon_page(gfp_t extra)
{
	return alloc_page(GFP_HIGHUSER_MOVABLE | extra);
}

/* A new anonymous page mapped at @addr of @vma: in the rmap, PageAnonExclusive. */
static void anon_page_map(struct page *page, struct vm_area_struct *vma, unsigned long addr)
{
	folio_add_new_anon_rmap(page_folio(page), vma, addr);
	VM_BUG_ON_PAGE(!PageAnonExclusive(page), page);
}

/* ---- the fault handler ---------------------------------------------------- */

static vm_fault_t map_anonymous_pte(struct vm_fault *vmf, pte_t entry, struct page *page)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;

	vmf->pte = pte_offset_map_lock(mm, vmf->pmd, vmf->address, &vmf->ptl);
	if (!pte_none(ptep_get(vmf->pte))) {
		/* Another thread of the mm faulted it in first. */
		pte_unmap_unlock(vmf->pte, vmf->ptl);
		if (page)
			put_page(page);
		return 0;
	}
	if (page) {
		inc_mm_counter(mm, MM_ANONPAGES);
		anon_page_map(page, vma, vmf->address);
	}
	set_pte_at(mm, vmf->address, vmf->pte, entry);
	update_mmu_cache(vma, vmf->address, vmf->pte);
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return 0;
}

static vm_fault_t do_anonymous_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct page *page;
	pte_t entry;

	/* A shared anonymous mapping is shmem's: it has vm_ops. */
	if (vma->vm_flags & VM_SHARED)
		return VM_FAULT_SIGBUS;
	if (pte_alloc(vma->vm_mm, vmf->pmd))
		return VM_FAULT_OOM;
	if (!(vmf->flags & FAULT_FLAG_WRITE)) {
		entry = pfn_pte(my_zero_pfn(vmf->address), vma->vm_page_prot);
		return map_anonymous_pte(vmf, pte_mkspecial(entry), NULL);
	}
	if (anon_vma_prepare(vma))
		return VM_FAULT_OOM;
	page = alloc_anon_page(__GFP_ZERO);
	if (!page)
		return VM_FAULT_OOM;
	folio_mark_uptodate(page_folio(page));
	entry = pte_mkyoung(mk_pte(page, vma->vm_page_prot));
	entry = maybe_mkwrite(pte_mkdirty(entry), vma);
	return map_anonymous_pte(vmf, entry, page);
}

/* The page is this mm's alone: make the pte writable (and dirty). */
static void wp_page_reuse(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	pte_t entry = pte_mkyoung(vmf->orig_pte);

	entry = maybe_mkwrite(pte_mkdirty(entry), vma);
	if (ptep_set_access_flags(vma, vmf->address, vmf->pte, entry, 1))
		update_mmu_cache(vma, vmf->address, vmf->pte);
	pte_unmap_unlock(vmf->pte, vmf->ptl);
}

/* Clear a present pte and flush it before another pfn goes in (no two TLB entries). */
static void ptep_clear_flush(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep)
{
	ptep_get_and_clear(vma->vm_mm, addr, ptep);
	flush_tlb_page(vma, addr);
}

/*
 * Put the new copy @new in place of the pte (still vmf->orig_pte) that
 * mapped @old (NULL: the zero page). Return: whether the pte was unchanged.
 */
static bool wp_page_replace(struct vm_fault *vmf, struct page *old, struct page *new)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	pte_t entry;

	vmf->pte = pte_offset_map_lock(mm, vmf->pmd, vmf->address, &vmf->ptl);
	if (!pte_same(ptep_get(vmf->pte), vmf->orig_pte)) {
		pte_unmap_unlock(vmf->pte, vmf->ptl);
		return false;
	}
	if (!old || !PageAnon(old)) {
		if (old)
			dec_mm_counter(mm, mm_counter_file(old));
		inc_mm_counter(mm, MM_ANONPAGES);
	}
	entry = pte_mkyoung(mk_pte(new, vma->vm_page_prot));
	if (!(vmf->flags & FAULT_FLAG_UNSHARE))
		entry = maybe_mkwrite(pte_mkdirty(entry), vma);
	ptep_clear_flush(vma, vmf->address, vmf->pte);
	anon_page_map(new, vma, vmf->address);
	set_pte_at(mm, vmf->address, vmf->pte, entry);
	update_mmu_cache(vma, vmf->address, vmf->pte);
	if (old)
		folio_remove_rmap_pte(page_folio(old), old, vma);
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return true;
}

/*
 * Break COW: a private copy of vmf->page (referenced by the caller; NULL
 * for the zero page) replaces it in the pte. No lock held.
 */
static vm_fault_t wp_page_copy(struct vm_fault *vmf)
{
	struct page *old = vmf->page, *new = NULL;
	vm_fault_t ret = VM_FAULT_OOM;

	VM_WARN_ON_ONCE(!old && !is_zero_pfn(pte_pfn(vmf->orig_pte)));
	if (anon_vma_prepare(vmf->vma))
		goto out;
	new = alloc_anon_page(old ? 0 : __GFP_ZERO);
	if (!new)
		goto out;
	if (old)
		copy_highpage(new, old);
	folio_mark_uptodate(page_folio(new));
	ret = 0;
	if (wp_page_replace(vmf, old, new))
		new = old;	/* the old page lost the pte's reference */
	if (new)
		put_page(new);
out:
	if (old)
		put_page(old);
	return ret;
}

/*
 * May the private anonymous @page be written in place? Yes when it is
 * exclusive; else when nobody but this pte holds a reference (checked
 * under the folio lock, so no GUP or swap-cache user is racing): then it
 * becomes exclusive. Context: the pte lock held.
 */
static bool wp_can_reuse_anon_page(struct page *page)
{
	struct folio *folio = page_folio(page);
	bool reuse;

	if (PageAnonExclusive(page))
		return true;
	if (folio_test_large(folio) || folio_ref_count(folio) != 1 || !folio_trylock(folio))
		return false;
	reuse = folio_ref_count(folio) == 1;
	if (reuse)
		SetPageAnonExclusive(page);
	folio_unlock(folio);
	return reuse;
}

/*
 * Call ->page_mkwrite() for the (unlocked, referenced) vmf->page. Return:
 * its code with the page locked (VM_FAULT_LOCKED), an error or
 * VM_FAULT_NOPAGE, or 0 when the page was truncated meanwhile (the
 * fault is retried from the start).
 */
static vm_fault_t do_page_mkwrite(struct vm_fault *vmf)
{
	struct folio *folio = page_folio(vmf->page);
	unsigned int old_flags = vmf->flags;
	vm_fault_t ret;

	vmf->flags = FAULT_FLAG_WRITE | FAULT_FLAG_MKWRITE;
	ret = vmf->vma->vm_ops->page_mkwrite(vmf);
	vmf->flags = old_flags;
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE))
		return ret;
	if (!(ret & VM_FAULT_LOCKED)) {
		folio_lock(folio);
		if (!folio->mapping) {
			folio_unlock(folio);
			return 0;
		}
		ret |= VM_FAULT_LOCKED;
	}
	VM_BUG_ON_FOLIO(!folio_test_locked(folio), folio);
	return ret;
}

/* A shared folio was written through a pte: dirty it, then unlock it. */
static void fault_dirty_shared_page(struct vm_fault *vmf)
{
	struct folio *folio = page_folio(vmf->page);

	folio_mark_dirty(folio);
	folio_unlock(folio);
}

/* Make the pte writable after ->page_mkwrite(), unless it changed meanwhile. */
static vm_fault_t finish_mkwrite_fault(struct vm_fault *vmf)
{
	vmf->pte = pte_offset_map_lock(vmf->vma->vm_mm, vmf->pmd, vmf->address, &vmf->ptl);
	if (!pte_same(ptep_get(vmf->pte), vmf->orig_pte)) {
		pte_unmap_unlock(vmf->pte, vmf->ptl);
		return VM_FAULT_NOPAGE;
	}
	wp_page_reuse(vmf);
	return 0;
}

/* A write to a read-only pte of a shared mapping of a page. */
static vm_fault_t wp_page_shared(struct vm_fault *vmf)
{
	struct folio *folio = page_folio(vmf->page);
	vm_fault_t ret;

	folio_get(folio);
	if (vmf->vma->vm_ops && vmf->vma->vm_ops->page_mkwrite) {
		pte_unmap_unlock(vmf->pte, vmf->ptl);
		ret = do_page_mkwrite(vmf);
		if (!ret || (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE))) {
			folio_put(folio);
			return ret;
		}
		ret = finish_mkwrite_fault(vmf);
		if (ret & VM_FAULT_NOPAGE) {
			folio_unlock(folio);
			folio_put(folio);
			return ret;
		}
	} else {
		wp_page_reuse(vmf);
		folio_lock(folio);
	}
	fault_dirty_shared_page(vmf);
	folio_put(folio);
	return 0;
}

/* A write (or unshare) fault on a present, read-only pte. Entered with the pte lock. */
static vm_fault_t do_wp_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	bool unshare = vmf->flags & FAULT_FLAG_UNSHARE;

	vmf->page = vm_normal_page(vma, vmf->address, vmf->orig_pte);
	if (vma->vm_flags & (VM_SHARED | VM_MAYSHARE)) {
		if (unshare || !vmf->page) {
			/* Nothing to unshare; raw PFNs have no page to dirty. */
			if (!unshare)
				wp_page_reuse(vmf);
			else
				pte_unmap_unlock(vmf->pte, vmf->ptl);
			return 0;
		}
		return wp_page_shared(vmf);
	}
	if (vmf->page && PageAnon(vmf->page) && wp_can_reuse_anon_page(vmf->page)) {
		if (unshare)
			pte_unmap_unlock(vmf->pte, vmf->ptl);
		else
			wp_page_reuse(vmf);
		return 0;
	}
	if (vmf->page)
		get_page(vmf->page);
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return wp_page_copy(vmf);
}

/* ->fault(): the page of vmf->pgoff, referenced and locked. */
static vm_fault_t __do_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	vm_fault_t ret;

	/* Allocate the pte table before ->fault() takes the folio lock. */
	if (pmd_none(pmdp_get(vmf->pmd)) && !vmf->prealloc_pte) {
		vmf->prealloc_pte = pte_alloc_one(vma->vm_mm);
		if (!vmf->prealloc_pte)
			return VM_FAULT_OOM;
	}
	ret = vma->vm_ops->fault(vmf);
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY))
		return ret;
	if (!(ret & VM_FAULT_LOCKED))
		folio_lock(page_folio(vmf->page));
	VM_BUG_ON_PAGE(!PageLocked(vmf->page), vmf->page);
	return ret;
}

void do_set_pte(struct vm_fault *vmf, struct page *page, unsigned long addr)
{
	struct vm_area_struct *vma = vmf->vma;
	bool write = vmf->flags & FAULT_FLAG_WRITE;
	pte_t entry = pte_mkyoung(mk_pte(page, vma->vm_page_prot));

	if (write)
		entry = maybe_mkwrite(pte_mkdirty(entry), vma);
	if (write && !(vma->vm_flags & VM_SHARED)) {
		inc_mm_counter(vma->vm_mm, MM_ANONPAGES);
		anon_page_map(page, vma, addr);
	} else {
		inc_mm_counter(vma->vm_mm, mm_counter_file(page));
		folio_add_file_rmap_pte(page_folio(page), page, vma);
	}
	set_pte_at(vma->vm_mm, addr, vmf->pte, entry);
	update_mmu_cache(vma, addr, vmf->pte);
}

vm_fault_t finish_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	bool cow = (vmf->flags & FAULT_FLAG_WRITE) && !(vma->vm_flags & VM_SHARED);
	struct page *page = cow ? vmf->cow_page : vmf->page;
	vm_fault_t ret = 0;

	if (pmd_none(pmdp_get(vmf->pmd))) {
		if (vmf->prealloc_pte)
			pmd_install(vma->vm_mm, vmf->pmd, &vmf->prealloc_pte);
		else if (pte_alloc(vma->vm_mm, vmf->pmd))
			return VM_FAULT_OOM;
	}
	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address, &vmf->ptl);
	if (pte_none(ptep_get(vmf->pte)))
		do_set_pte(vmf, page, vmf->address);
	else
		ret = VM_FAULT_NOPAGE;
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return ret;
}

/*
 * Map the cached pages around vmf->address: a window of fault_around_bytes
 * aligned to its size, within the VMA and the pte table of the address.
 */
static vm_fault_t do_fault_around(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long window = READ_ONCE(fault_around_bytes) & PAGE_MASK;
	unsigned long pmd_start = vmf->address & PMD_MASK, start, end;

	start = max3(ALIGN_DOWN(vmf->address, window), vma->vm_start, pmd_start);
	end = min3(start + window, vma->vm_end, pmd_start + PMD_SIZE);
	if (pmd_none(pmdp_get(vmf->pmd))) {
		vmf->prealloc_pte = pte_alloc_one(vma->vm_mm);
		if (!vmf->prealloc_pte)
			return VM_FAULT_OOM;
	}
	return vma->vm_ops->map_pages(vmf, vmf->pgoff - ((vmf->address - start) >> PAGE_SHIFT),
				      vmf->pgoff + ((end - vmf->address) >> PAGE_SHIFT));
}

static vm_fault_t do_read_fault(struct vm_fault *vmf)
{
	const struct vm_operations_struct *ops = vmf->vma->vm_ops;
	struct folio *folio;
	vm_fault_t ret;

	if (ops->map_pages && (fault_around_bytes >> PAGE_SHIFT) > 1) {
		ret = do_fault_around(vmf);
		if (ret)
			return ret;
	}
	ret = __do_fault(vmf);
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY))
		return ret;
	folio = page_folio(vmf->page);
	ret |= finish_fault(vmf);
	folio_unlock(folio);
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY))
		folio_put(folio);
	return ret;
}

/* A write fault of a private file mapping: an anonymous copy of the file page. */
static vm_fault_t do_cow_fault(struct vm_fault *vmf)
{
	vm_fault_t ret;

	if (anon_vma_prepare(vmf->vma))
		return VM_FAULT_OOM;
	vmf->cow_page = alloc_anon_page(0);
	if (!vmf->cow_page)
		return VM_FAULT_OOM;
	ret = __do_fault(vmf);
	if (!(ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY))) {
		copy_highpage(vmf->cow_page, vmf->page);
		folio_mark_uptodate(page_folio(vmf->cow_page));
		ret |= finish_fault(vmf);
		folio_unlock(page_folio(vmf->page));
		put_page(vmf->page);
		if (!(ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY)))
			return ret;
	}
	put_page(vmf->cow_page);
	return ret;
}

static vm_fault_t do_shared_fault(struct vm_fault *vmf)
{
	struct folio *folio;
	vm_fault_t ret, tmp;

	ret = __do_fault(vmf);
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY))
		return ret;
	folio = page_folio(vmf->page);
	if (vmf->vma->vm_ops->page_mkwrite) {
		folio_unlock(folio);
		tmp = do_page_mkwrite(vmf);
		if (!tmp || (tmp & (VM_FAULT_ERROR | VM_FAULT_NOPAGE))) {
			folio_put(folio);
			return tmp;
		}
	}
	ret |= finish_fault(vmf);
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY)) {
		folio_unlock(folio);
		folio_put(folio);
		return ret;
	}
	fault_dirty_shared_page(vmf);
	return ret;
}

static vm_fault_t do_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	vm_fault_t ret;

	if (!vma->vm_ops->fault)
		ret = VM_FAULT_SIGBUS;
	else if (!(vmf->flags & FAULT_FLAG_WRITE))
		ret = do_read_fault(vmf);
	else if (!(vma->vm_flags & VM_SHARED))
		ret = do_cow_fault(vmf);
	else
		ret = do_shared_fault(vmf);
	if (vmf->prealloc_pte) {
		pte_free(vma->vm_mm, vmf->prealloc_pte);
		vmf->prealloc_pte = NULL;
	}
	return ret;
}

static vm_fault_t handle_pte_fault(struct vm_fault *vmf)
{
	struct mm_struct *mm = vmf->vma->vm_mm;
	pte_t entry;

	vmf->pte = NULL;
	if (!pmd_none(pmdp_get(vmf->pmd))) {
		vmf->pte = pte_offset_map(vmf->pmd, vmf->address);
		vmf->orig_pte = ptep_get(vmf->pte);
		vmf->flags |= FAULT_FLAG_ORIG_PTE_VALID;
		if (pte_none(vmf->orig_pte))
			vmf->pte = NULL;
	}
	if (!vmf->pte)
		return vma_is_anonymous(vmf->vma) ? do_anonymous_page(vmf) : do_fault(vmf);
	/* Swap and migration entries come with their issues. */
	if (WARN_ON_ONCE(!pte_present(vmf->orig_pte)))
		return VM_FAULT_SIGBUS;
	vmf->ptl = pte_lockptr(mm, vmf->pmd);
	spin_lock(vmf->ptl);
	entry = vmf->orig_pte;
	if (!pte_same(ptep_get(vmf->pte), entry))
		goto unlock;	/* changed under us: the access is retried */
	if (vmf->flags & (FAULT_FLAG_WRITE | FAULT_FLAG_UNSHARE)) {
		if (!pte_write(entry))
			return do_wp_page(vmf);
		if (vmf->flags & FAULT_FLAG_WRITE)
			entry = pte_mkdirty(entry);
	}
	entry = pte_mkyoung(entry);
	if (ptep_set_access_flags(vmf->vma, vmf->address, vmf->pte, entry,
				  vmf->flags & FAULT_FLAG_WRITE))
		update_mmu_cache(vmf->vma, vmf->address, vmf->pte);
unlock:
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return 0;
}

static vm_fault_t __handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
				    unsigned int flags)
{
	struct vm_fault vmf = {
		.vma = vma,
		.address = address & PAGE_MASK,
		.real_address = address,
		.flags = flags,
		.pgoff = linear_page_index(vma, address),
		.gfp_mask = GFP_KERNEL,
	};
	struct mm_struct *mm = vma->vm_mm;
	p4d_t *p4d = p4d_alloc(mm, pgd_offset(mm, address), address);

	vmf.pud = pud_alloc(mm, p4d, address);
	if (!vmf.pud)
		return VM_FAULT_OOM;
	vmf.pmd = pmd_alloc(mm, vmf.pud, address);
	if (!vmf.pmd)
		return VM_FAULT_OOM;
	if (WARN_ON_ONCE(pmd_leaf(pmdp_get(vmf.pmd))))	/* no THP yet */
		return VM_FAULT_SIGBUS;
	return handle_pte_fault(&vmf);
}

/* Linux's checks of impossible flag combinations (bugs of the caller). */
static vm_fault_t sanitize_fault_flags(struct vm_area_struct *vma, unsigned int *flags)
{
	if (*flags & FAULT_FLAG_UNSHARE) {
		if (WARN_ON_ONCE(*flags & FAULT_FLAG_WRITE))
			return VM_FAULT_SIGSEGV;
		if (!is_cow_mapping(vma->vm_flags))
			*flags &= ~FAULT_FLAG_UNSHARE;
	} else if (*flags & FAULT_FLAG_WRITE) {
		if (WARN_ON_ONCE(!(vma->vm_flags & VM_MAYWRITE)))
			return VM_FAULT_SIGSEGV;
		if (WARN_ON_ONCE(!(vma->vm_flags & VM_WRITE) && !is_cow_mapping(vma->vm_flags)))
			return VM_FAULT_SIGSEGV;
	}
	return 0;
}

/* The task's min_flt/maj_flt (Linux's mm_account_fault()): a failed fault is not counted. */
static void mm_account_fault(unsigned int flags, vm_fault_t ret)
{
	if (ret & (VM_FAULT_ERROR | VM_FAULT_RETRY))
		return;
	if ((ret & VM_FAULT_MAJOR) || (flags & FAULT_FLAG_TRIED))
		current->maj_flt++;
	else
		current->min_flt++;
}

vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags, struct pt_regs *regs)
{
	vm_fault_t ret;

	VM_BUG_ON_VMA(address < vma->vm_start || address >= vma->vm_end, vma);
	mmap_assert_locked(vma->vm_mm);
	count_vm_event(PGFAULT);
	ret = sanitize_fault_flags(vma, &flags);
	if (!ret)
		ret = __handle_mm_fault(vma, address, flags);
	mm_account_fault(flags, ret);
	return ret;
}

/* ---- teardown --------------------------------------------------------------- */

/* The pte was cleared: the page's rmap, rss, dirty and accessed state follow. */
static void zap_present_page(struct vm_area_struct *vma, struct page *page, pte_t ptent,
			     int *rss)
{
	struct folio *folio = page_folio(page);

	if (!folio_test_anon(folio)) {
		if (pte_dirty(ptent))
			folio_mark_dirty(folio);
		if (pte_young(ptent) && !(vma->vm_flags & VM_SEQ_READ))
			folio_set_referenced(folio);
	}
	rss[mm_counter(page)]--;
	folio_remove_rmap_pte(folio, page, vma);
	VM_WARN_ON_ONCE_PAGE(page_mapcount(page) < 0, page);
}

/*
 * Clear the ptes of [addr, end) in one table. Return: where it stopped
 * (end, or earlier when the gather filled up and was flushed).
 */
static unsigned long zap_pte_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
				   pmd_t *pmd, unsigned long addr, unsigned long end)
{
	struct mm_struct *mm = tlb->mm;
	int rss[NR_MM_COUNTERS] = { 0 };
	bool full = false;
	spinlock_t *ptl;
	pte_t *pte = pte_offset_map_lock(mm, pmd, addr, &ptl);

	for (; addr != end && !full; pte++, addr += PAGE_SIZE) {
		pte_t ptent = ptep_get(pte);
		struct page *page;

		if (pte_none(ptent))
			continue;
		/* Swap and migration entries come with their issues. */
		if (WARN_ON_ONCE(!pte_present(ptent))) {
			pte_clear(mm, addr, pte);
			continue;
		}
		page = vm_normal_page(vma, addr, ptent);
		ptent = ptep_get_and_clear_full(mm, addr, pte, tlb->fullmm);
		tlb_remove_tlb_entry(tlb, pte, addr);
		if (!page)
			continue;
		zap_present_page(vma, page, ptent, rss);
		full = __tlb_remove_page(tlb, page);
	}
	add_mm_rss_vec(mm, rss);
	pte_unmap_unlock(pte, ptl);
	if (full)
		tlb_flush_mmu(tlb);
	return addr;
}

static void zap_pmd_range(struct mmu_gather *tlb, struct vm_area_struct *vma, pud_t *pud,
			  unsigned long addr, unsigned long end)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;

	for (; addr != end; pmd++, addr = next) {
		next = pmd_addr_end(addr, end);
		if (pmd_skip(pmd))
			continue;
		while (addr != next)
			addr = zap_pte_range(tlb, vma, pmd, addr, next);
		cond_resched();
	}
}

static void zap_pud_range(struct mmu_gather *tlb, struct vm_area_struct *vma, p4d_t *p4d,
			  unsigned long addr, unsigned long end)
{
	pud_t *pud = pud_offset(p4d, addr);
	unsigned long next;

	for (; addr != end; pud++, addr = next) {
		next = pud_addr_end(addr, end);
		if (!pud_skip(pud))
			zap_pmd_range(tlb, vma, pud, addr, next);
	}
}

static void unmap_page_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
			     unsigned long addr, unsigned long end)
{
	pgd_t *pgd = pgd_offset(vma->vm_mm, addr);
	unsigned long next;

	for (; addr != end; pgd++, addr = next) {
		p4d_t *p4d = p4d_offset(pgd, addr);

		next = pgd_addr_end(addr, end);
		if (!p4d_skip(p4d))
			zap_pud_range(tlb, vma, p4d, addr, next);
	}
}

static void unmap_single_vma(struct mmu_gather *tlb, struct vm_area_struct *vma,
			     unsigned long start, unsigned long end)
{
	start = max(start, vma->vm_start);
	end = min(end, vma->vm_end);
	if (start < end)
		unmap_page_range(tlb, vma, start, end);
}

void unmap_vmas(struct mmu_gather *tlb, struct vm_area_struct *vma,
		unsigned long start, unsigned long end)
{
	for (; vma && vma->vm_start < end; vma = vma->vm_next)
		unmap_single_vma(tlb, vma, start, end);
}

void zap_page_range_single(struct vm_area_struct *vma, unsigned long start, unsigned long size)
{
	struct mmu_gather tlb;

	tlb_gather_mmu(&tlb, vma->vm_mm);
	unmap_single_vma(&tlb, vma, start, start + size);
	tlb_finish_mmu(&tlb);
}

/*
 * The shared mappings of pages [first, last] of @mapping lose them. The
 * VMAs are found on i_mmap under i_mmap_rwsem, which keeps their page
 * tables (free_pgtables() unlinks a VMA first, as Linux's).
 */
void unmap_mapping_pages(struct address_space *mapping, pgoff_t first, pgoff_t last)
{
	struct vm_area_struct *vma;

	i_mmap_lock_read(mapping);
	list_for_each_entry(vma, &mapping->i_mmap, shared) {
		pgoff_t vfirst = vma->vm_pgoff, vlast = vfirst + vma_pages(vma) - 1;
		pgoff_t from = max(first, vfirst), to = min(last, vlast);

		if (!(vma->vm_flags & VM_SHARED) || from > to)
			continue;
		zap_page_range_single(vma, vma->vm_start + ((from - vfirst) << PAGE_SHIFT),
				      (to - from + 1) << PAGE_SHIFT);
	}
	i_mmap_unlock_read(mapping);
}

void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long size)
{
	struct mmu_gather tlb;

	tlb_gather_mmu(&tlb, vma->vm_mm);
	unmap_vmas(&tlb, vma, start, start + size);
	tlb_finish_mmu(&tlb);
}

/*
 * free_pgtables' rule at each level: the table under an entry that maps
 * [start & ~(span - 1), + span) goes only if that span lies within
 * [floor, ceiling) (ceiling 0: the top). @start, @end: the range walked.
 */
static bool table_span_free(unsigned long start, unsigned long end, unsigned long mask,
			    unsigned long floor, unsigned long ceiling)
{
	start &= mask;
	if (start < floor)
		return false;
	if (ceiling) {
		ceiling &= mask;
		if (!ceiling)
			return false;
	}
	return end - 1 <= ceiling - 1;
}

static void free_pte_range(struct mmu_gather *tlb, pmd_t *pmd, unsigned long addr)
{
	pgtable_t table = virt_to_page((void *)pmd_page_vaddr(pmdp_get(pmd)));

	pmd_clear(pmd);
	pte_free_tlb(tlb, table, addr);
}

static void free_pmd_range(struct mmu_gather *tlb, pud_t *pud, unsigned long addr,
			   unsigned long end, unsigned long floor, unsigned long ceiling)
{
	unsigned long start = addr, next;
	pmd_t *pmd = pmd_offset(pud, addr);

	for (; addr != end; pmd++, addr = next) {
		next = pmd_addr_end(addr, end);
		if (!pmd_skip(pmd))
			free_pte_range(tlb, pmd, addr);
	}
	if (!table_span_free(start, end, PUD_MASK, floor, ceiling))
		return;
	pmd = pmd_offset(pud, start & PUD_MASK);
	pud_clear(pud);
	pmd_free_tlb(tlb, pmd, start);
}

static void free_pud_range(struct mmu_gather *tlb, p4d_t *p4d, unsigned long addr,
			   unsigned long end, unsigned long floor, unsigned long ceiling)
{
	unsigned long start = addr, next;
	pud_t *pud = pud_offset(p4d, addr);

	for (; addr != end; pud++, addr = next) {
		next = pud_addr_end(addr, end);
		if (!pud_skip(pud))
			free_pmd_range(tlb, pud, addr, next, floor, ceiling);
	}
	if (!table_span_free(start, end, PGDIR_MASK, floor, ceiling))
		return;
	pud = pud_offset(p4d, start & PGDIR_MASK);
	p4d_clear(p4d);
	pud_free_tlb(tlb, pud, start);
}

/*
 * Free the tables under [addr, end), those shared with [floor, addr) and
 * [end, ceiling) excepted (Linux's free_pgd_range(); the pgd stays).
 */
static void free_pgd_range(struct mmu_gather *tlb, unsigned long addr, unsigned long end,
			   unsigned long floor, unsigned long ceiling)
{
	unsigned long next;
	pgd_t *pgd;

	/* Only whole pte tables go: trim to what lies in [floor, ceiling) by PMD. */
	addr &= PMD_MASK;
	if (addr < floor) {
		addr += PMD_SIZE;
		if (!addr)
			return;
	}
	if (ceiling) {
		ceiling &= PMD_MASK;
		if (!ceiling)
			return;
	}
	if (end - 1 > ceiling - 1)
		end -= PMD_SIZE;
	if (addr > end - 1)
		return;
	pgd = pgd_offset(tlb->mm, addr);
	for (; addr != end; pgd++, addr = next) {
		p4d_t *p4d = p4d_offset(pgd, addr);

		next = pgd_addr_end(addr, end);
		if (!p4d_skip(p4d))
			free_pud_range(tlb, p4d, addr, next, floor, ceiling);
	}
}

void free_pgtables(struct mmu_gather *tlb, struct vm_area_struct *vma,
		   unsigned long floor, unsigned long ceiling)
{
	while (vma) {
		struct vm_area_struct *next = vma->vm_next;
		unsigned long addr = vma->vm_start;

		/* Out of the rmap first: no walker may reach tables being freed. */
		unlink_anon_vmas(vma);
		unlink_file_vma(vma);
		/* Neighbours closer than a pmd share tables: free them in one go. */
		while (next && next->vm_start <= vma->vm_end + PMD_SIZE) {
			vma = next;
			next = vma->vm_next;
			unlink_anon_vmas(vma);
			unlink_file_vma(vma);
		}
		free_pgd_range(tlb, addr, vma->vm_end, floor, next ? next->vm_start : ceiling);
		vma = next;
	}
}

/* ---- fork --------------------------------------------------------------------- */

/*
 * The child gets a copy of @page now (Linux's copy_present_page()): the
 * parent's page may be pinned, and a pinned page must stay the parent's.
 * Return: -EAGAIN when there is no preallocated page (the caller drops
 * its locks, allocates one and comes back).
 */
static int copy_present_page(struct vm_area_struct *dst_vma, pte_t *dst_pte,
			     unsigned long addr, int *rss, struct page **prealloc,
			     struct page *page)
{
	struct page *new = *prealloc;
	pte_t pte;

	if (!new)
		return -EAGAIN;
	*prealloc = NULL;
	copy_highpage(new, page);
	folio_mark_uptodate(page_folio(new));
	anon_page_map(new, dst_vma, addr);
	rss[MM_ANONPAGES]++;
	pte = pte_mkyoung(mk_pte(new, dst_vma->vm_page_prot));
	set_pte_at(dst_vma->vm_mm, addr, dst_pte, maybe_mkwrite(pte_mkdirty(pte), dst_vma));
	return 0;
}

static int copy_present_pte(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma,
			    pte_t *dst_pte, pte_t *src_pte, unsigned long addr, int *rss,
			    struct page **prealloc)
{
	unsigned long vm_flags = src_vma->vm_flags;
	pte_t pte = ptep_get(src_pte);
	struct page *page = vm_normal_page(src_vma, addr, pte);
	struct folio *folio = page ? page_folio(page) : NULL;

	if (folio && folio_test_anon(folio)) {
		folio_get(folio);
		if (folio_try_dup_anon_rmap_ptes(folio, page, 1, src_vma)) {
			folio_put(folio);
			return copy_present_page(dst_vma, dst_pte, addr, rss, prealloc, page);
		}
		rss[MM_ANONPAGES]++;
	} else if (folio) {
		folio_get(folio);
		folio_dup_file_rmap_ptes(folio, page, 1);
		rss[mm_counter_file(page)]++;
	}
	if (is_cow_mapping(vm_flags) && pte_write(pte)) {
		ptep_set_wrprotect(src_vma->vm_mm, addr, src_pte);
		pte = pte_wrprotect(pte);
	}
	if (vm_flags & VM_SHARED)
		pte = pte_mkclean(pte);
	set_pte_at(dst_vma->vm_mm, addr, dst_pte, pte_mkold(pte));
	return 0;
}

/*
 * Copy the ptes of [*addrp, end) in one table, both pte locks held.
 * Return: 0, or -EAGAIN with *addrp where a page must be copied and no
 * page was preallocated.
 */
static int copy_pte_run(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma,
			pmd_t *dst_pmd, pmd_t *src_pmd, unsigned long *addrp,
			unsigned long end, struct page **prealloc)
{
	struct mm_struct *src_mm = src_vma->vm_mm, *dst_mm = dst_vma->vm_mm;
	int rss[NR_MM_COUNTERS] = { 0 };
	unsigned long addr = *addrp;
	spinlock_t *dst_ptl, *src_ptl = pte_lockptr(src_mm, src_pmd);
	pte_t *dst_pte, *src_pte;
	int ret = 0;

	dst_pte = pte_offset_map_lock(dst_mm, dst_pmd, addr, &dst_ptl);
	src_pte = pte_offset_map(src_pmd, addr);
	spin_lock_nested(src_ptl, SINGLE_DEPTH_NESTING);
	for (; addr != end; addr += PAGE_SIZE, src_pte++, dst_pte++) {
		pte_t pte = ptep_get(src_pte);

		if (pte_none(pte))
			continue;
		/* Swap and migration entries come with their issues. */
		if (WARN_ON_ONCE(!pte_present(pte)))
			continue;
		ret = copy_present_pte(dst_vma, src_vma, dst_pte, src_pte, addr, rss, prealloc);
		if (ret)
			break;
	}
	spin_unlock(src_ptl);
	pte_unmap_unlock(dst_pte, dst_ptl);
	add_mm_rss_vec(dst_mm, rss);
	*addrp = addr;
	return ret;
}

static int copy_pte_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma,
			  pmd_t *dst_pmd, pmd_t *src_pmd, unsigned long addr, unsigned long end)
{
	struct page *prealloc = NULL;
	int ret;

	if (pte_alloc(dst_vma->vm_mm, dst_pmd))
		return -ENOMEM;
	while ((ret = copy_pte_run(dst_vma, src_vma, dst_pmd, src_pmd, &addr, end,
				   &prealloc)) == -EAGAIN) {
		prealloc = alloc_anon_page(0);
		if (!prealloc)
			return -ENOMEM;
	}
	if (prealloc)
		put_page(prealloc);
	return ret;
}

static int copy_pmd_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma,
			  pud_t *dst_pud, pud_t *src_pud, unsigned long addr, unsigned long end)
{
	pmd_t *src_pmd = pmd_offset(src_pud, addr);
	pmd_t *dst_pmd = pmd_alloc(dst_vma->vm_mm, dst_pud, addr);
	unsigned long next;

	if (!dst_pmd)
		return -ENOMEM;
	for (; addr != end; src_pmd++, dst_pmd++, addr = next) {
		next = pmd_addr_end(addr, end);
		if (pmd_skip(src_pmd))
			continue;
		if (copy_pte_range(dst_vma, src_vma, dst_pmd, src_pmd, addr, next))
			return -ENOMEM;
	}
	return 0;
}

static int copy_pud_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma,
			  p4d_t *dst_p4d, p4d_t *src_p4d, unsigned long addr, unsigned long end)
{
	pud_t *src_pud = pud_offset(src_p4d, addr);
	pud_t *dst_pud = pud_alloc(dst_vma->vm_mm, dst_p4d, addr);
	unsigned long next;

	if (!dst_pud)
		return -ENOMEM;
	for (; addr != end; src_pud++, dst_pud++, addr = next) {
		next = pud_addr_end(addr, end);
		if (pud_skip(src_pud))
			continue;
		if (copy_pmd_range(dst_vma, src_vma, dst_pud, src_pud, addr, next))
			return -ENOMEM;
	}
	return 0;
}

/* Only anonymous pages and raw PFNs need copying: file pages fault in again. */
static bool vma_needs_copy(struct vm_area_struct *src_vma)
{
	return (src_vma->vm_flags & (VM_PFNMAP | VM_MIXEDMAP)) || src_vma->anon_vma;
}

int copy_page_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma)
{
	unsigned long addr = src_vma->vm_start, end = src_vma->vm_end, next;
	struct mm_struct *src_mm = src_vma->vm_mm, *dst_mm = dst_vma->vm_mm;
	pgd_t *src_pgd = pgd_offset(src_mm, addr), *dst_pgd = pgd_offset(dst_mm, addr);

	if (!vma_needs_copy(src_vma))
		return 0;
	for (; addr != end; src_pgd++, dst_pgd++, addr = next) {
		p4d_t *src_p4d = p4d_offset(src_pgd, addr);

		next = pgd_addr_end(addr, end);
		if (p4d_skip(src_p4d))
			continue;
		if (copy_pud_range(dst_vma, src_vma, p4d_alloc(dst_mm, dst_pgd, addr), src_p4d,
				   addr, next))
			return -ENOMEM;
	}
	return 0;
}

/* ---- another process's memory, a page at a time (ptrace's way) -------- */

int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len,
		     unsigned int gup_flags)
{
	int done = 0;

	mmap_read_lock(mm);
	while (done < len) {
		unsigned long offset = addr & ~PAGE_MASK;
		int bytes = min_t(int, len - done, PAGE_SIZE - offset);
		struct page *page;
		void *kaddr;

		if (get_user_pages_remote(mm, addr, 1, gup_flags, &page, NULL, NULL) <= 0)
			break;
		kaddr = kmap_local_page(page);
		if (gup_flags & FOLL_WRITE) {
			memcpy(kaddr + offset, buf + done, bytes);
			if (!PageAnon(page))
				folio_mark_dirty(page_folio(page));
		} else {
			memcpy(buf + done, kaddr + offset, bytes);
		}
		kunmap_local(kaddr);
		put_page(page);
		done += bytes;
		addr += bytes;
	}
	mmap_read_unlock(mm);
	return done;
}
