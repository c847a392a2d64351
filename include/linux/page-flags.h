/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page flags: the low bits of page->flags, with Linux's names. Only the
 * flags some code uses are defined; each layer adds its own. The upper bits
 * hold section, node and zone (see include/linux/mm.h).
 *
 * PageFoo/SetPageFoo/ClearPageFoo are atomic bit operations (another CPU may
 * change other bits of the same word); __SetPageFoo/__ClearPageFoo are the
 * non-atomic forms for pages nobody else can see yet. Each has its folio
 * form, on the folio's head page: folio_test_foo, folio_set_foo,
 * folio_clear_foo, __folio_set_foo, __folio_clear_foo.
 *
 * Flags that another user gives a second meaning get named wrappers next
 * to that user: SLUB's slab_test_node_partial() is PG_workingset
 * (mm/slab.h).
 */
#ifndef _LINUX_PAGE_FLAGS_H
#define _LINUX_PAGE_FLAGS_H

#include <linux/mm_types.h>

enum pageflags {
	PG_locked,
	PG_referenced,
	PG_uptodate,
	PG_dirty,
	PG_lru,
	PG_active,
	PG_slab,
	PG_reserved,
	PG_private,
	PG_writeback,
	PG_head,
	PG_reclaim,
	PG_swapbacked,
	PG_unevictable,
	PG_workingset,		/* slab: on its cache's node partial list (mm/slab.h) */
	PG_anon_exclusive,	/* anonymous, mapped by one process only (mm/rmap.c) */
	PG_mlocked,		/* mapped by a VM_LOCKED VMA (mm/mlock.c) */
	__NR_PAGEFLAGS,
};

#define PAGEFLAG(uname, lname)							\
static inline bool Page##uname(const struct page *page)			\
{ return __atomic_load_n(&page->flags, __ATOMIC_RELAXED) & (1UL << PG_##lname); } \
static inline void SetPage##uname(struct page *page)				\
{ __atomic_fetch_or(&page->flags, 1UL << PG_##lname, __ATOMIC_RELAXED); }	\
static inline void ClearPage##uname(struct page *page)				\
{ __atomic_fetch_and(&page->flags, ~(1UL << PG_##lname), __ATOMIC_RELAXED); } \
static inline void __SetPage##uname(struct page *page)				\
{ page->flags |= 1UL << PG_##lname; }						\
static inline void __ClearPage##uname(struct page *page)			\
{ page->flags &= ~(1UL << PG_##lname); }					\
static inline bool folio_test_##lname(const struct folio *folio)		\
{ return Page##uname(&folio->page); }						\
static inline void folio_set_##lname(struct folio *folio)			\
{ SetPage##uname(&folio->page); }						\
static inline void folio_clear_##lname(struct folio *folio)			\
{ ClearPage##uname(&folio->page); }						\
static inline void __folio_set_##lname(struct folio *folio)			\
{ __SetPage##uname(&folio->page); }						\
static inline void __folio_clear_##lname(struct folio *folio)			\
{ __ClearPage##uname(&folio->page); }

PAGEFLAG(Locked, locked)
PAGEFLAG(Referenced, referenced)
PAGEFLAG(Uptodate, uptodate)
PAGEFLAG(Dirty, dirty)
PAGEFLAG(LRU, lru)
PAGEFLAG(Active, active)
PAGEFLAG(Slab, slab)
PAGEFLAG(Reserved, reserved)
PAGEFLAG(Private, private)
PAGEFLAG(Writeback, writeback)
PAGEFLAG(Head, head)
PAGEFLAG(Reclaim, reclaim)
PAGEFLAG(SwapBacked, swapbacked)
PAGEFLAG(Unevictable, unevictable)
PAGEFLAG(Workingset, workingset)
/*
 * PageAnonExclusive: an anonymous page that this process alone may map
 * (Linux 6.1's rule): a write fault reuses it instead of copying, GUP may
 * pin it; fork() must copy it rather than share it while it is pinned.
 * Set and cleared under the page table lock of the pte that maps it.
 */
PAGEFLAG(AnonExclusive, anon_exclusive)
/*
 * PageMlocked: mapped by a VM_LOCKED VMA, counted in NR_MLOCK and
 * NR_ZONE_UNEVICTABLE (mm/mlock.c) until munlocked or freed.
 */
PAGEFLAG(Mlocked, mlocked)

#endif /* _LINUX_PAGE_FLAGS_H */
