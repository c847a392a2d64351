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
 * Mapcounts: page->_mapcount (-1: unmapped) counts the ptes mapping a
 * page; a large folio also keeps _nr_pages_mapped and _entire_mapcount.
 * The rmap calls below change them with the page table lock of the pte
 * held, as the pte is set or cleared.
 */
#ifndef _LINUX_RMAP_H
#define _LINUX_RMAP_H

#include <linux/mm.h>

struct anon_vma;
struct anon_vma_chain;

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
/* anon_vma_clone - @dst (a split or copy of @src) joins every anon_vma of @src. */
int anon_vma_clone(struct vm_area_struct *dst, struct vm_area_struct *src);
/* anon_vma_fork - a forked child's @vma joins @pvma's anon_vmas and gets its own. */
int anon_vma_fork(struct vm_area_struct *vma, struct vm_area_struct *pvma);
/* unlink_anon_vmas - @vma (going) leaves its anon_vmas; the last one out frees each. */
void unlink_anon_vmas(struct vm_area_struct *vma);

/* A new anonymous @folio, exclusive, mapped at @address of @vma (the fault path). */
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
/*
 * folio_try_dup_anon_rmap_ptes - fork: share @nr anonymous pages from
 * @page with the child. Return: 0, or -EBUSY when a page may be pinned
 * (it is then copied for the child instead, keeping the pin coherent).
 */
int folio_try_dup_anon_rmap_ptes(struct folio *folio, struct page *page, int nr,
				 struct vm_area_struct *src_vma);
/* fork: the child's ptes map @nr file pages from @page too. */
void folio_dup_file_rmap_ptes(struct folio *folio, struct page *page, int nr);

/* Is @folio anonymous (folio->mapping is an anon_vma)? */
static inline bool folio_test_anon(const struct folio *folio)
{
	return ((unsigned long)folio->mapping & PAGE_MAPPING_ANON) != 0;
}

static inline bool PageAnon(const struct page *page)
{
	return folio_test_anon(page_folio(page));
}

#endif /* _LINUX_RMAP_H */
