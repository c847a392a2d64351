// SPDX-License-Identifier: GPL-2.0
/*
 * get_user_pages and friends (Linux 6.1's mm/gup.c): the pages behind a
 * range of a process's address space, found from its page tables and
 * faulted in where missing, each returned with a reference (FOLL_GET) or
 * a pin (FOLL_PIN) so that it cannot go away while the kernel uses it.
 *
 *   __get_user_pages(mm, start, n, flags)
 *     for each page:  VMA (check_vma_flags) -> follow_page_mask()
 *                        walk pgd..pmd -> follow_page_pte(): under the
 *                        pte lock, the page if the pte allows the access,
 *                        referenced or pinned (try_grab_page())
 *                     nothing there, or a COW page a pin must not share:
 *                        faultin_page() -> handle_mm_fault(WRITE/UNSHARE)
 *                        and follow again
 *
 * References and pins (Linux 6.1): FOLL_GET takes one folio reference.
 * FOLL_PIN takes GUP_PIN_COUNTING_BIAS (1024) references on a small folio,
 * or one reference plus one in _pincount on a large one, so that
 * folio_maybe_dma_pinned() (linux/mm.h) can tell fork and the rmap code
 * that the page may be under DMA. unpin_user_page() undoes one pin.
 *
 * COW and pins (the Linux 5.8-6.1 bugs): a pin must hold the page the
 * process itself maps, now and after fork, or DMA and the process
 * drift apart. So a write (FOLL_WRITE) needs a writable pte, which a
 * write fault produces by breaking COW, and a read-only pin of an
 * anonymous page that is not PageAnonExclusive first unshares it
 * (FAULT_FLAG_UNSHARE: the fault handler gives the process a page of
 * its own, still read-only); fork then copies a pinned exclusive page
 * instead of sharing it (folio_try_dup_anon_rmap_ptes()). FOLL_FORCE may
 * write through a read-only pte of a private mapping only when it maps
 * an exclusive anonymous page: the copy a forced write fault made.
 *
 * Errors are Linux's: -EFAULT for a hole, a VMA without the access, a
 * VM_IO or VM_PFNMAP VMA or a fault ending in SIGBUS/SIGSEGV; -ENOMEM
 * for a fault out of memory. A call that got some pages returns their
 * number instead.
 *
 * Locking: the caller holds mmap_lock of the mm for reading (this
 * version never drops it, so *@locked stays 1); each pte is read and
 * the page grabbed under the pte lock (mm->page_table_lock), so the page
 * cannot be unmapped and freed in between. Faults sleep.
 *
 * get_user_pages_fast() and pin_user_pages_fast() first walk the tables
 * of current->mm with interrupts off and no lock (Linux's gup_fast):
 * the tables cannot be freed meanwhile, because freeing them waits for a
 * TLB shootdown that reaches this CPU (it runs the mm) only once
 * interrupts are on again; a folio found there is taken only if its count
 * is not already 0 and the pte still maps it afterwards. What the walk
 * cannot take goes the slow way.
 *
 * Not here (later issues): huge pages, migrating FOLL_LONGTERM pins out of ZONE_MOVABLE, and
 * the mm->pinned_vm count, which Linux leaves to the long-term pinners
 * (RDMA, io_uring, VFIO) that know when they unpin.
 */
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/pagemap.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/mmdebug.h>
#include <asm/uaccess.h>
#include "internal.h"

/* ---- references and pins ------------------------------------------------ */

/*
 * Take what @flags asks for on @page's folio: a reference (FOLL_GET) or
 * a pin (FOLL_PIN). Return: 0, or -ENOMEM if the count would overflow.
 * Context: the pte mapping @page is locked, so the folio is alive.
 */
static int try_grab_page(struct page *page, unsigned int flags)
{
	struct folio *folio = page_folio(page);

	if (WARN_ON_ONCE(folio_ref_count(folio) <= 0))
		return -ENOMEM;
	if (flags & FOLL_GET) {
		folio_ref_inc(folio);
	} else if (flags & FOLL_PIN) {
		if (unlikely(folio_ref_count(folio) > INT_MAX - (int)GUP_PIN_COUNTING_BIAS))
			return -ENOMEM;
		if (folio_test_large(folio)) {
			folio_ref_inc(folio);
			atomic_inc(&folio->_pincount);
		} else {
			folio_ref_add(folio, GUP_PIN_COUNTING_BIAS);
		}
	}
	return 0;
}

void unpin_user_page(struct page *page)
{
	struct folio *folio = page_folio(page);
	int refs = 1;

	if (folio_test_large(folio)) {
		int pins = atomic_sub_return(1, &folio->_pincount);

		VM_BUG_ON_FOLIO(pins < 0, folio);
	} else {
		refs = GUP_PIN_COUNTING_BIAS;
	}
	VM_BUG_ON_FOLIO(folio_ref_count(folio) < refs, folio);
	folio_put_refs(folio, refs);
}

void unpin_user_pages(struct page **pages, unsigned long npages)
{
	unsigned long i;

	for (i = 0; i < npages; i++)
		unpin_user_page(pages[i]);
}

/* ---- following the page tables ------------------------------------------ */

/*
 * May a FOLL_WRITE access use @pte (mapping @page, NULL if none) of
 * @vma? A writable pte, yes. Through a read-only one only with
 * FOLL_FORCE, in a private mapping that may be written but is not
 * writable now, when the page is an exclusive anonymous one: the
 * private copy that a forced write fault left there read-only (Linux
 * 6.1's can_follow_write_pte(), after the FOLL_COW hole was closed).
 */
static bool can_follow_write_pte(pte_t pte, struct page *page,
				 struct vm_area_struct *vma, unsigned int flags)
{
	if (pte_write(pte))
		return true;
	if (!(flags & FOLL_FORCE))
		return false;
	if (vma->vm_flags & (VM_SHARED | VM_MAYSHARE | VM_WRITE))
		return false;
	if (!(vma->vm_flags & VM_MAYWRITE))
		return false;
	return page && PageAnon(page) && PageAnonExclusive(page);
}

/*
 * Must a pin of @page, mapped read-only, wait for the page to be
 * unshared? A read-only pin (FOLL_PIN without FOLL_WRITE) of an
 * anonymous page that another process may map: the process's next
 * write would copy it and leave the pin on the old page.
 */
static bool gup_must_unshare(unsigned int flags, struct page *page)
{
	if ((flags & (FOLL_WRITE | FOLL_PIN)) != FOLL_PIN)
		return false;
	return PageAnon(page) && !PageAnonExclusive(page);
}

/* Nothing mapped at the address: NULL (fault it in), or -EFAULT where FOLL_DUMP wants holes reported. */
static struct page *no_page_table(struct vm_area_struct *vma, unsigned int flags)
{
	if ((flags & FOLL_DUMP) && (vma_is_anonymous(vma) || !vma->vm_ops->fault))
		return ERR_PTR(-EFAULT);
	return NULL;
}

/*
 * A pte without a struct page (pte_special outside the zero page): no
 * reference can be taken (-EFAULT when one is asked for); otherwise
 * -EEXIST tells __get_user_pages() the address is mapped.
 */
static struct page *follow_pfn_pte(unsigned int flags)
{
	return ERR_PTR(flags & (FOLL_GET | FOLL_PIN) ? -EFAULT : -EEXIST);
}

/* Mark @page as GUP touched it: accessed, and dirty for a write through a clean pte. */
static void gup_touch_page(struct page *page, pte_t pte, unsigned int flags)
{
	struct folio *folio = page_folio(page);

	if ((flags & FOLL_WRITE) && !pte_dirty(pte))
		folio_mark_dirty(folio);
	folio_set_referenced(folio);
}

/*
 * The page the pte of @address in the table of @pmd maps, grabbed as
 * @flags asks; NULL when it must be faulted in first; ERR_PTR(-EMLINK)
 * when a pin must wait for it to be unshared; other ERR_PTRs as
 * __get_user_pages() returns them.
 */
static struct page *follow_page_pte(struct vm_area_struct *vma, unsigned long address,
				    pmd_t *pmd, unsigned int flags)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page *page;
	spinlock_t *ptl;
	pte_t *ptep, pte;
	int err;

	ptep = pte_offset_map_lock(mm, pmd, address, &ptl);
	pte = ptep_get(ptep);
	if (!(pte_flags(pte) & _PAGE_PRESENT))
		goto no_page;		/* none, or PROT_NONE: the fault handler decides */
	page = vm_normal_page(vma, address, pte);
	if ((flags & FOLL_WRITE) && !can_follow_write_pte(pte, page, vma, flags)) {
		page = NULL;
		goto out;
	}
	if (!page) {
		if (!is_zero_pfn(pte_pfn(pte))) {
			page = follow_pfn_pte(flags);
			goto out;
		}
		if (flags & FOLL_DUMP) {	/* a core dump skips the zero page */
			page = ERR_PTR(-EFAULT);
			goto out;
		}
		page = ZERO_PAGE(address);
	}
	if (!pte_write(pte) && gup_must_unshare(flags, page)) {
		page = ERR_PTR(-EMLINK);
		goto out;
	}
	VM_BUG_ON_PAGE((flags & FOLL_PIN) && PageAnon(page) && !PageAnonExclusive(page), page);
	err = try_grab_page(page, flags);
	if (err) {
		page = ERR_PTR(err);
		goto out;
	}
	if (flags & FOLL_TOUCH)
		gup_touch_page(page, pte, flags);
out:
	pte_unmap_unlock(ptep, ptl);
	return page;
no_page:
	pte_unmap_unlock(ptep, ptl);
	if (!pte_none(pte))
		return NULL;
	return no_page_table(vma, flags);
}

/*
 * follow_page_mask - the page mapped at @address of @vma, walking the
 * page tables (no huge pages in user space yet: a leaf above the pte
 * level is not followed). Return: as follow_page_pte().
 * Context: mmap_lock held.
 */
static struct page *follow_page_mask(struct vm_area_struct *vma, unsigned long address,
				     unsigned int flags)
{
	pgd_t *pgd = pgd_offset(vma->vm_mm, address);
	p4d_t *p4d;
	pud_t *pud;
	pmd_t *pmd;

	if (pgd_none(*pgd) || pgd_bad(*pgd))
		return no_page_table(vma, flags);
	p4d = p4d_offset(pgd, address);
	if (p4d_none(p4dp_get(p4d)) || p4d_bad(p4dp_get(p4d)))
		return no_page_table(vma, flags);
	pud = pud_offset(p4d, address);
	if (pud_none(pudp_get(pud)) || pud_bad(pudp_get(pud)))
		return no_page_table(vma, flags);
	pmd = pmd_offset(pud, address);
	if (pmd_none(pmdp_get(pmd)) || pmd_bad(pmdp_get(pmd)))
		return no_page_table(vma, flags);
	return follow_page_pte(vma, address, pmd, flags);
}

/* ---- faulting in -------------------------------------------------------- */

/* The errno of a failed fault (Linux's vm_fault_to_errno()). */
static int vm_fault_to_errno(vm_fault_t ret)
{
	if (ret & VM_FAULT_OOM)
		return -ENOMEM;
	return -EFAULT;		/* SIGBUS, SIGSEGV, HWPOISON */
}

/*
 * Fault in the page at @address of @vma for the access @flags asks:
 * a write fault breaks COW, an unshare fault (@unshare) gives the
 * process its own copy of a shared anonymous page for a read-only pin.
 * Return: 0 (follow the page again), -EFAULT or -ENOMEM.
 */
static int faultin_page(struct vm_area_struct *vma, unsigned long address,
			unsigned int flags, bool unshare)
{
	unsigned int fault_flags = 0;
	vm_fault_t ret;

	if (flags & FOLL_NOFAULT)
		return -EFAULT;
	if (flags & FOLL_WRITE)
		fault_flags |= FAULT_FLAG_WRITE;
	if (flags & FOLL_REMOTE)
		fault_flags |= FAULT_FLAG_REMOTE;
	if (unshare)
		fault_flags |= FAULT_FLAG_UNSHARE;
	VM_BUG_ON(unshare && (fault_flags & FAULT_FLAG_WRITE));
	ret = handle_mm_fault(vma, address, fault_flags, NULL);
	if (ret & VM_FAULT_ERROR)
		return vm_fault_to_errno(ret);
	VM_WARN_ON_ONCE(ret & (VM_FAULT_RETRY | VM_FAULT_COMPLETED));	/* never allowed */
	return 0;
}

/*
 * check_vma_flags - may @gup_flags access @vma at all? Not device or
 * raw-PFN memory; a write needs VM_WRITE, or FOLL_FORCE on a private
 * mapping that may be written (ptrace's poke); a read needs VM_READ, or
 * FOLL_FORCE and VM_MAYREAD. So a PROT_NONE VMA refuses both.
 * Return: 0 or -EFAULT.
 */
static int check_vma_flags(struct vm_area_struct *vma, unsigned int gup_flags)
{
	unsigned long vm_flags = vma->vm_flags;

	if (vm_flags & (VM_IO | VM_PFNMAP))
		return -EFAULT;
	if ((gup_flags & FOLL_ANON) && !vma_is_anonymous(vma))
		return -EFAULT;
	if (gup_flags & FOLL_WRITE) {
		if (!(vm_flags & VM_WRITE) &&
		    (!(gup_flags & FOLL_FORCE) || !is_cow_mapping(vm_flags)))
			return -EFAULT;
	} else if (!(vm_flags & VM_READ)) {
		if (!(gup_flags & FOLL_FORCE) || !(vm_flags & VM_MAYREAD))
			return -EFAULT;
	}
	return 0;
}

/*
 * The VMA of @start for GUP: the one containing it, or a stack that
 * can grow down to it (Linux's find_extend_vma()). NULL for a hole.
 */
static struct vm_area_struct *gup_vma_lookup(struct mm_struct *mm, unsigned long start)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	if (!vma || start >= vma->vm_start)
		return vma;
	if (!(vma->vm_flags & VM_GROWSDOWN) || expand_stack(vma, start))
		return NULL;
	return vma;
}

/*
 * __get_user_pages - the core: @nr_pages pages from @start of @mm, each
 * grabbed as @gup_flags says into @pages (may be NULL: fault in only)
 * with its VMA in @vmas (may be NULL). Return: the pages done, or the
 * error of the first when none was. Context: mmap_lock held for reading.
 */
static long __get_user_pages(struct mm_struct *mm, unsigned long start,
			     unsigned long nr_pages, unsigned int gup_flags,
			     struct page **pages, struct vm_area_struct **vmas)
{
	struct vm_area_struct *vma = NULL;
	long i = 0, ret = 0;

	mmap_assert_locked(mm);
	VM_BUG_ON(!!pages != !!(gup_flags & (FOLL_GET | FOLL_PIN)));
	start &= PAGE_MASK;
	for (; nr_pages; i++, nr_pages--, start += PAGE_SIZE) {
		struct page *page;

		if (!vma || start >= vma->vm_end) {
			vma = gup_vma_lookup(mm, start);
			if (!vma) {
				ret = -EFAULT;
				break;
			}
			ret = check_vma_flags(vma, gup_flags);
			if (ret)
				break;
		}
		cond_resched();
		page = follow_page_mask(vma, start, gup_flags);
		while (!page || PTR_ERR(page) == -EMLINK) {
			ret = faultin_page(vma, start, gup_flags, PTR_ERR(page) == -EMLINK);
			if (ret)
				goto out;
			page = follow_page_mask(vma, start, gup_flags);
		}
		if (PTR_ERR(page) == -EEXIST) {
			page = NULL;	/* mapped, without a page: nothing to hand out */
		} else if (IS_ERR(page)) {
			ret = PTR_ERR(page);
			break;
		}
		if (pages)
			pages[i] = page;
		if (vmas)
			vmas[i] = vma;
	}
out:
	return i ? i : ret;
}

/*
 * The checks and flags common to every entry point: pages means a
 * reference each unless pinning. Return: the result of
 * __get_user_pages(), or -EINVAL for flags a caller may not pass.
 */
static long __get_user_pages_locked(struct mm_struct *mm, unsigned long start,
				    unsigned long nr_pages, unsigned int gup_flags,
				    struct page **pages, struct vm_area_struct **vmas)
{
	if (WARN_ON_ONCE((gup_flags & (FOLL_GET | FOLL_PIN)) == (FOLL_GET | FOLL_PIN)))
		return -EINVAL;
	if ((gup_flags & FOLL_PIN) && WARN_ON_ONCE(!pages))
		return -EINVAL;
	if (pages && !(gup_flags & FOLL_PIN))
		gup_flags |= FOLL_GET;
	return __get_user_pages(mm, start, nr_pages, gup_flags, pages, vmas);
}

long get_user_pages_remote(struct mm_struct *mm, unsigned long start, unsigned long nr_pages,
			   unsigned int gup_flags, struct page **pages,
			   struct vm_area_struct **vmas, int *locked)
{
	if (WARN_ON_ONCE(gup_flags & FOLL_PIN))
		return -EINVAL;
	return __get_user_pages_locked(mm, start, nr_pages, gup_flags | FOLL_TOUCH | FOLL_REMOTE,
				       pages, vmas);
}

long get_user_pages(unsigned long start, unsigned long nr_pages, unsigned int gup_flags,
		    struct page **pages, struct vm_area_struct **vmas)
{
	if (WARN_ON_ONCE(gup_flags & FOLL_PIN))
		return -EINVAL;
	return __get_user_pages_locked(current->mm, start, nr_pages, gup_flags | FOLL_TOUCH,
				       pages, vmas);
}

long pin_user_pages_remote(struct mm_struct *mm, unsigned long start, unsigned long nr_pages,
			   unsigned int gup_flags, struct page **pages,
			   struct vm_area_struct **vmas, int *locked)
{
	if (WARN_ON_ONCE(gup_flags & FOLL_GET))
		return -EINVAL;
	return __get_user_pages_locked(mm, start, nr_pages,
				       gup_flags | FOLL_PIN | FOLL_TOUCH | FOLL_REMOTE, pages, vmas);
}

long pin_user_pages(unsigned long start, unsigned long nr_pages, unsigned int gup_flags,
		    struct page **pages, struct vm_area_struct **vmas)
{
	if (WARN_ON_ONCE(gup_flags & FOLL_GET))
		return -EINVAL;
	return __get_user_pages_locked(current->mm, start, nr_pages,
				       gup_flags | FOLL_PIN | FOLL_TOUCH, pages, vmas);
}

/* ---- the lockless walk: get_user_pages_fast() --------------------------- */

/*
 * Turn the reference gup_fast_pte() took into what @flags asks: kept
 * (FOLL_GET) or made a pin (FOLL_PIN, try_grab_page()'s counts).
 * Return: false if the count would overflow (the reference is dropped).
 */
static bool gup_fast_grab(struct folio *folio, unsigned int flags)
{
	if (!(flags & FOLL_PIN))
		return true;
	if (folio_test_large(folio)) {
		atomic_inc(&folio->_pincount);
		return true;
	}
	if (unlikely(folio_ref_count(folio) > INT_MAX - (int)GUP_PIN_COUNTING_BIAS)) {
		folio_put(folio);
		return false;
	}
	folio_ref_add(folio, GUP_PIN_COUNTING_BIAS - 1);
	return true;
}

/*
 * The page of the pte at @ptep, taken as @flags asks, or NULL: the slow
 * path decides (Linux's gup_pte_range()). The pte is read without its
 * lock, so the folio may be on its way out: its reference is taken only
 * if it still has one, and kept only if the pte still maps it after.
 */
static struct page *gup_fast_pte(pte_t *ptep, unsigned int flags)
{
	pte_t pte = ptep_get(ptep);
	struct folio *folio;
	struct page *page;

	/* present and user (not PROT_NONE), writable for a write, a struct page behind */
	if ((pte_flags(pte) & (_PAGE_PRESENT | _PAGE_USER)) != (_PAGE_PRESENT | _PAGE_USER) ||
	    pte_special(pte) || ((flags & FOLL_WRITE) && !pte_write(pte)) ||
	    !pfn_valid(pte_pfn(pte)))
		return NULL;
	page = pfn_to_page(pte_pfn(pte));
	folio = page_folio(page);
	if (!folio_try_get(folio))
		return NULL;
	if (pte_val(ptep_get(ptep)) != pte_val(pte) || page_folio(page) != folio ||
	    gup_must_unshare(flags, page)) {
		folio_put(folio);
		return NULL;
	}
	if (!gup_fast_grab(folio, flags))
		return NULL;
	folio_set_referenced(folio);
	return page;
}

/*
 * Take the pages of [@start, @end) of @mm into @pages until one cannot be
 * taken without a lock. Return: how many were. Context: interrupts off,
 * @mm loaded on this CPU (so its tables outlive the walk).
 */
static unsigned long gup_fast_walk(struct mm_struct *mm, unsigned long start,
				   unsigned long end, unsigned int flags, struct page **pages)
{
	unsigned long addr, nr = 0;

	for (addr = start; addr < end; addr += PAGE_SIZE) {
		pmd_t *pmdp = mm_find_pmd(mm, addr);
		pmd_t pmd = pmdp ? pmdp_get(pmdp) : __pmd(0);
		struct page *page;

		/* read once: pte_offset_kernel() works on this copy of the entry */
		if (!pmd_present(pmd) || pmd_leaf(pmd))
			break;
		page = gup_fast_pte(pte_offset_kernel(&pmd, addr), flags);
		if (!page)
			break;
		pages[nr++] = page;
	}
	return nr;
}

/* get_user_pages_fast() and pin_user_pages_fast(): the walk, then the slow path for the rest. */
static int gup_fast_fallback(unsigned long start, unsigned long nr_pages,
			     unsigned int gup_flags, struct page **pages)
{
	struct mm_struct *mm = current->mm;
	unsigned long len = nr_pages << PAGE_SHIFT, irqflags, nr;
	long ret;

	if (WARN_ON_ONCE(gup_flags & ~(FOLL_WRITE | FOLL_LONGTERM | FOLL_FORCE | FOLL_PIN |
				       FOLL_GET | FOLL_FAST_ONLY | FOLL_NOFAULT)))
		return -EINVAL;
	start &= PAGE_MASK;
	if (!nr_pages)
		return 0;
	if (!mm || !access_ok((const void __user *)start, len))
		return -EFAULT;
	local_irq_save(irqflags);
	nr = gup_fast_walk(mm, start, start + len, gup_flags, pages);
	local_irq_restore(irqflags);
	if (nr == nr_pages || (gup_flags & FOLL_FAST_ONLY))
		return nr;
	mmap_read_lock(mm);
	ret = __get_user_pages_locked(mm, start + (nr << PAGE_SHIFT), nr_pages - nr,
				      gup_flags | FOLL_TOUCH, pages + nr, NULL);
	mmap_read_unlock(mm);
	if (ret < 0)
		return nr ? (int)nr : (int)ret;
	return nr + ret;
}

int get_user_pages_fast(unsigned long start, int nr_pages, unsigned int gup_flags,
			struct page **pages)
{
	if (WARN_ON_ONCE(gup_flags & FOLL_PIN) || nr_pages < 0)
		return -EINVAL;
	return gup_fast_fallback(start, nr_pages, gup_flags | FOLL_GET, pages);
}

int pin_user_pages_fast(unsigned long start, int nr_pages, unsigned int gup_flags,
			struct page **pages)
{
	if (WARN_ON_ONCE(gup_flags & FOLL_GET) || nr_pages < 0)
		return -EINVAL;
	return gup_fast_fallback(start, nr_pages, gup_flags | FOLL_PIN, pages);
}

/* ---- populating: MAP_POPULATE, mlock, MADV_POPULATE_* ------------------- */

long populate_vma_page_range(struct vm_area_struct *vma, unsigned long start,
			     unsigned long end)
{
	unsigned long nr_pages = (end - start) >> PAGE_SHIFT;
	unsigned int gup_flags = FOLL_TOUCH;

	VM_BUG_ON(start & ~PAGE_MASK || end & ~PAGE_MASK);
	VM_BUG_ON(start < vma->vm_start || end > vma->vm_end);
	if (vma->vm_flags & VM_LOCKONFAULT)	/* always with VM_LOCKED */
		return nr_pages;	/* mlock2(MLOCK_ONFAULT): leave it to the faults */
	/* break COW in private writable mappings now, not on the first write */
	if ((vma->vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
		gup_flags |= FOLL_WRITE;
	/* any access at all lets mlock fault it in; PROT_NONE does not */
	if (vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC))
		gup_flags |= FOLL_FORCE;
	return __get_user_pages(vma->vm_mm, start, nr_pages, gup_flags, NULL, NULL);
}

long faultin_vma_page_range(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end, bool write)
{
	unsigned int gup_flags = FOLL_TOUCH | FOLL_HWPOISON;

	VM_BUG_ON(start & ~PAGE_MASK || end & ~PAGE_MASK);
	VM_BUG_ON(start < vma->vm_start || end > vma->vm_end);
	if (write)
		gup_flags |= FOLL_WRITE;
	if (check_vma_flags(vma, gup_flags))
		return -EINVAL;
	return __get_user_pages(vma->vm_mm, start, (end - start) >> PAGE_SHIFT, gup_flags,
				NULL, NULL);
}

int __mm_populate(unsigned long start, unsigned long len, int ignore_errors)
{
	struct mm_struct *mm = current->mm;
	unsigned long end = start + len, nstart, nend;
	struct vm_area_struct *vma;
	long ret = 0;

	mmap_read_lock(mm);
	for (nstart = start; nstart < end; nstart = nend) {
		vma = find_vma_intersection(mm, nstart, end);
		if (!vma)
			break;
		nend = min(end, vma->vm_end);
		if (vma->vm_flags & (VM_IO | VM_PFNMAP))
			continue;
		nstart = max(nstart, vma->vm_start);
		ret = populate_vma_page_range(vma, nstart, nend);
		if (ret < 0) {
			if (!ignore_errors)
				break;
			ret = 0;
			continue;
		}
		nend = nstart + ret * PAGE_SIZE;	/* short: try again from there */
		ret = 0;
	}
	mmap_read_unlock(mm);
	return ret;
}
