/* SPDX-License-Identifier: GPL-2.0 */
/*
 * DOC: x86-64 page-table helpers
 *
 * The helpers generic mm code expects of an architecture (Linux's
 * Documentation/mm "Architecture Page Table Helpers"), with the names and
 * the x86-64 semantics of Linux. Types and bits: asm/pgtable_types.h.
 *
 * Layout (4-level paging, p4d folded into the pgd):
 *
 *   63    48 47     39 38     30 29     21 20     12 11          0
 *   | sign  | pgd idx | pud idx | pmd idx | pte idx | page offset |
 *             (= p4d)    1 GiB     2 MiB     4 KiB
 *
 * A walk: pgd_offset_pgd() or pgd_offset_k() -> p4d_offset() (the pgd entry
 * itself) -> pud_offset() -> pmd_offset() -> pte_offset_kernel(). Each step
 * reads the entry's physical address and follows it through the direct map
 * (__va()), so every table must lie in memory the direct map covers.
 *
 * What the predicates mean (the mm relies on these, not on raw bits):
 *
 *   *_none      nothing there. The CPU may set ACCESSED/DIRTY in a
 *               non-present entry (Knights Landing erratum), so those two
 *               bits alone still count as none, as in Linux.
 *   *_present   a mapping exists: PRESENT, or PROTNONE (a PROT_NONE mapping
 *               the CPU must fault on); a pmd also stays present while
 *               pmd_mkinvalid() has it hidden for a THP split (PSE kept).
 *   *_leaf      maps memory instead of pointing to a table (PSE, pmd/pud).
 *   *_bad       not a pointer to a next-level table with the table flags
 *               (_KERNPG_TABLE or _PAGE_TABLE); a leaf is "bad" to a walker.
 *
 * Concurrency: the CPU sets ACCESSED and DIRTY on its own, and with SMP
 * other CPUs walk the same tables, so the read-modify-write helpers
 * (ptep_get_and_clear, *_test_and_clear_young, *_set_wrprotect) are single
 * locked instructions, as in Linux; set_* and *p_get are single 8-byte
 * stores and loads. None of them flushes the TLB: the caller does
 * (asm/tlbflush.h) once the entry has changed.
 *
 * Differences from Linux, on purpose: pte_mkwrite() and pmd_mkwrite() take
 * only the entry (Linux 6.x also takes a vma, for shadow stacks, which we do
 * not have; for the same reason wrprotect does not move DIRTY to a
 * SAVED_DIRTY bit); pfns of non-present entries are stored as they are
 * (Linux inverts them against L1TF; no helper's result depends on it);
 * pte_bad() exists, see there.
 *
 * Only helpers with a caller, or with an obvious one in the coming
 * process, COW, THP, hugetlb, KSM, DAMON and reclaim work, are here.
 * Not yet, until their users come: soft-dirty (CONFIG_MEM_SOFT_DIRTY),
 * ZONE_DEVICE devmap, PUD-sized THP (pudp_*, pud_mk*), NUMA-hinting
 * pte/pmd_protnone(), pud_clear_huge() (nothing maps 1 GiB in vmalloc
 * space). The bits they would use stay defined in asm/pgtable_types.h.
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>

struct mm_struct;
struct vm_area_struct;

#define PGDIR_SHIFT		39
#define P4D_SHIFT		39	/* folded: one p4d per pgd entry */
#define PUD_SHIFT		30
#define PMD_SHIFT		21

#define PTRS_PER_PGD		512
#define PTRS_PER_P4D		1
#define PTRS_PER_PUD		512
#define PTRS_PER_PMD		512
#define PTRS_PER_PTE		512

#define PGDIR_SIZE		(1UL << PGDIR_SHIFT)
#define PGDIR_MASK		(~(PGDIR_SIZE - 1))
#define P4D_SIZE		(1UL << P4D_SHIFT)
#define P4D_MASK		(~(P4D_SIZE - 1))
#define PUD_SIZE		(1UL << PUD_SHIFT)
#define PUD_MASK		(~(PUD_SIZE - 1))
#define PMD_SIZE		(1UL << PMD_SHIFT)
#define PMD_MASK		(~(PMD_SIZE - 1))

/* Where a 2 MiB / 1 GiB leaf's address lies (below them: PAT_LARGE). */
#define PHYSICAL_PMD_PAGE_MASK	(PMD_MASK & __PHYSICAL_MASK)
#define PHYSICAL_PUD_PAGE_MASK	(PUD_MASK & __PHYSICAL_MASK)

/* Bits the CPU may set in a non-present entry (Xeon Phi erratum). */
#define _PAGE_KNL_ERRATUM_MASK	(_PAGE_DIRTY | _PAGE_ACCESSED)

/* The kernel's top-level table (arch code); pgd_offset_k() walks it. */
extern pgd_t init_top_pgt[];

static inline unsigned long pgd_index(unsigned long addr)
{
	return (addr >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1);
}

static inline unsigned long pud_index(unsigned long addr)
{
	return (addr >> PUD_SHIFT) & (PTRS_PER_PUD - 1);
}

static inline unsigned long pmd_index(unsigned long addr)
{
	return (addr >> PMD_SHIFT) & (PTRS_PER_PMD - 1);
}

static inline unsigned long pte_index(unsigned long addr)
{
	return (addr >> PAGE_SHIFT) & (PTRS_PER_PTE - 1);
}

/*
 * Locked read-modify-write of one entry (any level), for the helpers the
 * CPU or other CPUs may race with. GCC emits xchg, lock btr and lock and.
 */
static inline unsigned long pgtable_entry_xchg(unsigned long *entry, unsigned long val)
{
	return __atomic_exchange_n(entry, val, __ATOMIC_SEQ_CST);
}

static inline bool pgtable_entry_test_and_clear(unsigned long *entry, unsigned long mask)
{
	return __atomic_fetch_and(entry, ~mask, __ATOMIC_SEQ_CST) & mask;
}

static inline void pgtable_entry_clear(unsigned long *entry, unsigned long mask)
{
	__atomic_fetch_and(entry, ~mask, __ATOMIC_SEQ_CST);
}

/* ---- PTE: predicates ---------------------------------------------------- */

static inline bool pte_none(pte_t pte)
{
	return !(pte_val(pte) & ~_PAGE_KNL_ERRATUM_MASK);
}

static inline bool pte_same(pte_t a, pte_t b)
{
	return pte_val(a) == pte_val(b);
}

/* A mapping exists, accessible (PRESENT) or PROT_NONE (PROTNONE). */
static inline bool pte_present(pte_t pte)
{
	return pte_flags(pte) & (_PAGE_PRESENT | _PAGE_PROTNONE);
}

/**
 * pte_bad - is this mapped pte corrupt?
 * @pte: the entry
 *
 * x86 Linux has no pte_bad(): a pte never points to a table, so the
 * "not a table" meaning of pmd_bad() has nothing to test. Here it reports a
 * mapping (pte_present()) with any of bits 52-56 set, which the CPU ignores
 * and no helper ever sets: the mark of an entry not built by these helpers,
 * typically a virtual address stored instead of a physical one.
 * Non-present entries are not judged: swap entries use those bits.
 */
static inline bool pte_bad(pte_t pte)
{
	return pte_present(pte) && (pte_val(pte) & _PAGE_UNUSED_HIGH);
}

static inline bool pte_young(pte_t pte)
{
	return pte_flags(pte) & _PAGE_ACCESSED;
}

static inline bool pte_dirty(pte_t pte)
{
	return pte_flags(pte) & _PAGE_DIRTY;
}

static inline bool pte_write(pte_t pte)
{
	return pte_flags(pte) & _PAGE_RW;
}

static inline bool pte_exec(pte_t pte)
{
	return !(pte_flags(pte) & _PAGE_NX);
}

static inline bool pte_special(pte_t pte)
{
	return pte_flags(pte) & _PAGE_SPECIAL;
}

/* ---- PTE: builders ------------------------------------------------------ */

static inline pte_t pte_set_flags(pte_t pte, pteval_t set)
{
	return __pte(pte_val(pte) | set);
}

static inline pte_t pte_clear_flags(pte_t pte, pteval_t clear)
{
	return __pte(pte_val(pte) & ~clear);
}

static inline pte_t pte_mkyoung(pte_t pte)
{
	return pte_set_flags(pte, _PAGE_ACCESSED);
}

static inline pte_t pte_mkold(pte_t pte)
{
	return pte_clear_flags(pte, _PAGE_ACCESSED);
}

/* Dirty is also soft-dirty: userspace's tracker must see the write. */
static inline pte_t pte_mkdirty(pte_t pte)
{
	return pte_set_flags(pte, _PAGE_DIRTY | _PAGE_SOFT_DIRTY);
}

/* Written since userspace last cleared soft-dirty (/proc/PID/clear_refs "4")? */
static inline bool pte_soft_dirty(pte_t pte)
{
	return pte_flags(pte) & _PAGE_SOFT_DIRTY;
}

static inline pte_t pte_clear_soft_dirty(pte_t pte)
{
	return pte_clear_flags(pte, _PAGE_SOFT_DIRTY);
}

/* Leaves soft-dirty: only clearing soft-dirty (from userspace) resets it. */
static inline pte_t pte_mkclean(pte_t pte)
{
	return pte_clear_flags(pte, _PAGE_DIRTY);
}

/* Linux 6.x: pte_mkwrite(pte, vma); the vma only matters for shadow stacks. */
static inline pte_t pte_mkwrite(pte_t pte)
{
	return pte_set_flags(pte, _PAGE_RW);
}

static inline pte_t pte_wrprotect(pte_t pte)
{
	return pte_clear_flags(pte, _PAGE_RW);
}

static inline pte_t pte_mkexec(pte_t pte)
{
	return pte_clear_flags(pte, _PAGE_NX);
}

static inline pte_t pte_mkspecial(pte_t pte)
{
	return pte_set_flags(pte, _PAGE_SPECIAL);
}

/* ---- PTE: pfn and protection -------------------------------------------- */

static inline unsigned long pte_pfn(pte_t pte)
{
	return (pte_val(pte) & PTE_PFN_MASK) >> PAGE_SHIFT;
}

static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return __pte((((phys_addr_t)pfn << PAGE_SHIFT) & PTE_PFN_MASK) | pgprot_val(prot));
}

static inline pgprot_t pte_pgprot(pte_t pte)
{
	return __pgprot(pte_flags(pte));
}

/**
 * pte_modify - give a mapping a new protection (mprotect)
 * @pte: the entry
 * @newprot: the protection it gets
 *
 * Keeps what _PAGE_CHG_MASK names (pfn, cache type, accessed, dirty,
 * soft-dirty, special, devmap); the rest, PRESENT/PROTNONE included, comes
 * from @newprot, so PAGE_NONE makes a PROT_NONE entry and back.
 */
static inline pte_t pte_modify(pte_t pte, pgprot_t newprot)
{
	return __pte((pte_val(pte) & _PAGE_CHG_MASK) |
		     (pgprot_val(newprot) & ~_PAGE_CHG_MASK));
}

/* ---- PTE: in the table -------------------------------------------------- */

static inline pte_t ptep_get(pte_t *ptep)
{
	return READ_ONCE(*ptep);
}

static inline void set_pte(pte_t *ptep, pte_t pte)
{
	WRITE_ONCE(*ptep, pte);
}

static inline void set_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep,
			      pte_t pte)
{
	set_pte(ptep, pte);
}

static inline void pte_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep)
{
	set_pte(ptep, __pte(0));
}

/* Atomically: the CPU may set ACCESSED/DIRTY until the entry is gone. */
static inline pte_t ptep_get_and_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep)
{
	return __pte(pgtable_entry_xchg(&ptep->pte, 0));
}

/*
 * @full: the whole address space is being torn down and no CPU runs in
 * it any more, so a plain load and store do (no locked instruction).
 */
static inline pte_t ptep_get_and_clear_full(struct mm_struct *mm, unsigned long addr,
					    pte_t *ptep, int full)
{
	pte_t pte;

	if (!full)
		return ptep_get_and_clear(mm, addr, ptep);
	pte = ptep_get(ptep);
	pte_clear(mm, addr, ptep);
	return pte;
}

static inline void ptep_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep)
{
	ptep_get_and_clear(mm, addr, ptep);
}

/*
 * Returns whether the pte was young, and makes it old. An old pte is only
 * read: no locked write dirties a cache line that reclaim scans by the
 * thousand. The caller flushes the TLB if it needs the CPU to notice.
 */
static inline int ptep_test_and_clear_young(struct vm_area_struct *vma, unsigned long addr,
					    pte_t *ptep)
{
	if (!pte_young(ptep_get(ptep)))
		return 0;
	return pgtable_entry_test_and_clear(&ptep->pte, _PAGE_ACCESSED);
}

static inline void ptep_set_wrprotect(struct mm_struct *mm, unsigned long addr, pte_t *ptep)
{
	pgtable_entry_clear(&ptep->pte, _PAGE_RW);
}

/**
 * ptep_set_access_flags - make a pte more permissive after a fault
 * @vma: the mapping (unused until vmas exist)
 * @addr: the faulting address
 * @ptep: the entry
 * @entry: the new value: the old one plus ACCESSED, DIRTY and/or RW only
 * @dirty: the fault was a write
 *
 * Returns whether @entry differs from the current value. As in Linux on
 * x86, the entry is only written for a write fault: what a read fault adds
 * (ACCESSED) the CPU sets itself on the retried access. No TLB flush: a
 * stale, less permissive TLB entry at worst faults once more, and the
 * caller flushes when it must.
 */
static inline int ptep_set_access_flags(struct vm_area_struct *vma, unsigned long addr,
					pte_t *ptep, pte_t entry, int dirty)
{
	int changed = !pte_same(ptep_get(ptep), entry);

	if (changed && dirty)
		set_pte(ptep, entry);
	return changed;
}

/*
 * update_mmu_cache - a pte of @vma at @addr was set: x86 needs nothing
 * (the TLB is filled from the tables on demand), as in Linux.
 */
static inline void update_mmu_cache(struct vm_area_struct *vma, unsigned long addr,
				    pte_t *ptep)
{
}

/* ---- HugeTLB: a huge page's pte_t is its pmd or pud entry ---------------- */

static inline bool pte_huge(pte_t pte)
{
	return pte_flags(pte) & _PAGE_PSE;
}

static inline pte_t pte_mkhuge(pte_t pte)
{
	return pte_set_flags(pte, _PAGE_PSE);
}

static inline bool huge_pte_dirty(pte_t pte)
{
	return pte_dirty(pte);
}

static inline bool huge_pte_write(pte_t pte)
{
	return pte_write(pte);
}

static inline pte_t huge_pte_mkdirty(pte_t pte)
{
	return pte_mkdirty(pte);
}

static inline pte_t huge_pte_mkwrite(pte_t pte)
{
	return pte_mkwrite(pte);
}

static inline pte_t huge_pte_wrprotect(pte_t pte)
{
	return pte_wrprotect(pte);
}

static inline pte_t huge_ptep_get_and_clear(struct mm_struct *mm, unsigned long addr,
					    pte_t *ptep)
{
	return ptep_get_and_clear(mm, addr, ptep);
}

static inline void huge_ptep_set_wrprotect(struct mm_struct *mm, unsigned long addr,
					   pte_t *ptep)
{
	ptep_set_wrprotect(mm, addr, ptep);
}

static inline int huge_ptep_set_access_flags(struct vm_area_struct *vma, unsigned long addr,
					     pte_t *ptep, pte_t pte, int dirty)
{
	return ptep_set_access_flags(vma, addr, ptep, pte, dirty);
}

/* ---- PMD ---------------------------------------------------------------- */

/* A 2 MiB leaf's address stops at bit 21: bit 12 is PAT_LARGE there. */
static inline pmdval_t pmd_pfn_mask(pmd_t pmd)
{
	return (pmd_val(pmd) & _PAGE_PSE) ? PHYSICAL_PMD_PAGE_MASK : PTE_PFN_MASK;
}

static inline pmdval_t pmd_flags(pmd_t pmd)
{
	return pmd_val(pmd) & ~pmd_pfn_mask(pmd);
}

static inline bool pmd_none(pmd_t pmd)
{
	return !(pmd_val(pmd) & ~_PAGE_KNL_ERRATUM_MASK);
}

static inline bool pmd_same(pmd_t a, pmd_t b)
{
	return pmd_val(a) == pmd_val(b);
}

/* PSE too: a THP hidden by pmd_mkinvalid() during a split still exists. */
static inline bool pmd_present(pmd_t pmd)
{
	return pmd_flags(pmd) & (_PAGE_PRESENT | _PAGE_PROTNONE | _PAGE_PSE);
}

/* A 2 MiB mapping. PSE implies pmd_present(), so no other bit matters. */
static inline bool pmd_leaf(pmd_t pmd)
{
	return pmd_val(pmd) & _PAGE_PSE;
}

/* HugeTLB: anything but nothing or a table (leaves, and non-present leaves). */
static inline bool pmd_huge(pmd_t pmd)
{
	return !pmd_none(pmd) && (pmd_val(pmd) & (_PAGE_PRESENT | _PAGE_PSE)) != _PAGE_PRESENT;
}

/* A THP: a leaf that is not ZONE_DEVICE memory. */
static inline bool pmd_trans_huge(pmd_t pmd)
{
	return (pmd_val(pmd) & (_PAGE_PSE | _PAGE_DEVMAP)) == _PAGE_PSE;
}

/* Table flags only; USER and ACCESSED may be either way, as in Linux. */
static inline bool pmd_bad(pmd_t pmd)
{
	return (pmd_flags(pmd) & ~(_PAGE_USER | _PAGE_ACCESSED)) !=
	       (_KERNPG_TABLE & ~_PAGE_ACCESSED);
}

static inline bool pmd_young(pmd_t pmd)
{
	return pmd_flags(pmd) & _PAGE_ACCESSED;
}

static inline bool pmd_dirty(pmd_t pmd)
{
	return pmd_flags(pmd) & _PAGE_DIRTY;
}

static inline bool pmd_write(pmd_t pmd)
{
	return pmd_flags(pmd) & _PAGE_RW;
}

static inline bool pmd_special(pmd_t pmd)
{
	return pmd_flags(pmd) & _PAGE_SPECIAL;
}

static inline pmd_t pmd_set_flags(pmd_t pmd, pmdval_t set)
{
	return __pmd(pmd_val(pmd) | set);
}

static inline pmd_t pmd_clear_flags(pmd_t pmd, pmdval_t clear)
{
	return __pmd(pmd_val(pmd) & ~clear);
}

static inline pmd_t pmd_mkyoung(pmd_t pmd)
{
	return pmd_set_flags(pmd, _PAGE_ACCESSED);
}

static inline pmd_t pmd_mkold(pmd_t pmd)
{
	return pmd_clear_flags(pmd, _PAGE_ACCESSED);
}

static inline pmd_t pmd_mkdirty(pmd_t pmd)
{
	return pmd_set_flags(pmd, _PAGE_DIRTY | _PAGE_SOFT_DIRTY);
}

static inline pmd_t pmd_mkclean(pmd_t pmd)
{
	return pmd_clear_flags(pmd, _PAGE_DIRTY);
}

/* Linux 6.x: pmd_mkwrite(pmd, vma), as pte_mkwrite(). */
static inline pmd_t pmd_mkwrite(pmd_t pmd)
{
	return pmd_set_flags(pmd, _PAGE_RW);
}

static inline pmd_t pmd_wrprotect(pmd_t pmd)
{
	return pmd_clear_flags(pmd, _PAGE_RW);
}

static inline pmd_t pmd_mkspecial(pmd_t pmd)
{
	return pmd_set_flags(pmd, _PAGE_SPECIAL);
}

static inline pmd_t pmd_mkhuge(pmd_t pmd)
{
	return pmd_set_flags(pmd, _PAGE_PSE);
}

/*
 * Hide a huge pmd from the CPU while a THP is split: PRESENT and PROTNONE
 * go, PSE stays, so the mm still sees pmd_present() and pmd_trans_huge()
 * and no walker takes it for an empty slot or a table.
 */
static inline pmd_t pmd_mkinvalid(pmd_t pmd)
{
	return pmd_clear_flags(pmd, _PAGE_PRESENT | _PAGE_PROTNONE);
}

static inline unsigned long pmd_pfn(pmd_t pmd)
{
	return (pmd_val(pmd) & pmd_pfn_mask(pmd)) >> PAGE_SHIFT;
}

/* For 2 MiB leaves: @pfn is rounded down to 2 MiB. */
static inline pmd_t pfn_pmd(unsigned long pfn, pgprot_t prot)
{
	return __pmd((((phys_addr_t)pfn << PAGE_SHIFT) & PHYSICAL_PMD_PAGE_MASK) |
		     pgprot_val(prot));
}

/* The direct-map address of the pte table this pmd points to. */
static inline unsigned long pmd_page_vaddr(pmd_t pmd)
{
	return (unsigned long)__va(pmd_val(pmd) & pmd_pfn_mask(pmd));
}

static inline pmd_t pmdp_get(pmd_t *pmdp)
{
	return READ_ONCE(*pmdp);
}

static inline void set_pmd(pmd_t *pmdp, pmd_t pmd)
{
	WRITE_ONCE(*pmdp, pmd);
}

static inline void set_pmd_at(struct mm_struct *mm, unsigned long addr, pmd_t *pmdp,
			      pmd_t pmd)
{
	set_pmd(pmdp, pmd);
}

static inline void pmd_clear(pmd_t *pmdp)
{
	set_pmd(pmdp, __pmd(0));
}

/**
 * pmd_set_huge - map 2 MiB at @pmd (ioremap, the direct map)
 * @pmd: the entry
 * @addr: physical address, 2 MiB aligned
 * @prot: a 4 KiB protection; its PAT bit moves to PAT_LARGE
 *
 * Returns 1 when mapped, 0 when @addr is not aligned or @pmd points to a
 * page table (which the caller must free first); the caller then maps with
 * 4 KiB pages. No TLB flush.
 */
static inline int pmd_set_huge(pmd_t *pmd, phys_addr_t addr, pgprot_t prot)
{
	pmd_t old = pmdp_get(pmd);

	if (!IS_ALIGNED(addr, PMD_SIZE) || (pmd_present(old) && !pmd_leaf(old)))
		return 0;
	set_pmd(pmd, pfn_pmd(addr >> PAGE_SHIFT,
			     __pgprot(protval_4k_2_large(pgprot_val(prot)) | _PAGE_PSE)));
	return 1;
}

/* Returns 1 if @pmd held a 2 MiB mapping, now cleared; 0 if it did not. */
static inline int pmd_clear_huge(pmd_t *pmd)
{
	if (!pmd_leaf(pmdp_get(pmd)))
		return 0;
	pmd_clear(pmd);
	return 1;
}

static inline pmd_t pmdp_huge_get_and_clear(struct mm_struct *mm, unsigned long addr,
					    pmd_t *pmdp)
{
	return __pmd(pgtable_entry_xchg(&pmdp->pmd, 0));
}

static inline pmd_t pmdp_huge_get_and_clear_full(struct vm_area_struct *vma,
						 unsigned long addr, pmd_t *pmdp, int full)
{
	return pmdp_huge_get_and_clear(NULL, addr, pmdp);
}

static inline int pmdp_test_and_clear_young(struct vm_area_struct *vma, unsigned long addr,
					    pmd_t *pmdp)
{
	if (!pmd_young(pmdp_get(pmdp)))
		return 0;
	return pgtable_entry_test_and_clear(&pmdp->pmd, _PAGE_ACCESSED);
}

static inline void pmdp_set_wrprotect(struct mm_struct *mm, unsigned long addr, pmd_t *pmdp)
{
	pgtable_entry_clear(&pmdp->pmd, _PAGE_RW);
}

/* As ptep_set_access_flags(). */
static inline int pmdp_set_access_flags(struct vm_area_struct *vma, unsigned long addr,
					pmd_t *pmdp, pmd_t entry, int dirty)
{
	int changed = !pmd_same(pmdp_get(pmdp), entry);

	if (changed && dirty)
		set_pmd(pmdp, entry);
	return changed;
}

/* ---- PUD ---------------------------------------------------------------- */

static inline pudval_t pud_pfn_mask(pud_t pud)
{
	return (pud_val(pud) & _PAGE_PSE) ? PHYSICAL_PUD_PAGE_MASK : PTE_PFN_MASK;
}

static inline pudval_t pud_flags(pud_t pud)
{
	return pud_val(pud) & ~pud_pfn_mask(pud);
}

static inline bool pud_none(pud_t pud)
{
	return !(pud_val(pud) & ~_PAGE_KNL_ERRATUM_MASK);
}

static inline bool pud_same(pud_t a, pud_t b)
{
	return pud_val(a) == pud_val(b);
}

/* Unlike pmd_present(), only PRESENT counts (Linux x86). */
static inline bool pud_present(pud_t pud)
{
	return pud_flags(pud) & _PAGE_PRESENT;
}

static inline bool pud_leaf(pud_t pud)
{
	return pud_val(pud) & _PAGE_PSE;
}

static inline bool pud_huge(pud_t pud)
{
	return !pud_none(pud) && (pud_val(pud) & (_PAGE_PRESENT | _PAGE_PSE)) != _PAGE_PRESENT;
}

/* No flags beyond a table's (Linux x86: missing ones are not "bad" here). */
static inline bool pud_bad(pud_t pud)
{
	return pud_flags(pud) & ~(_KERNPG_TABLE | _PAGE_USER);
}

static inline pud_t pud_set_flags(pud_t pud, pudval_t set)
{
	return __pud(pud_val(pud) | set);
}

static inline pud_t pud_mkhuge(pud_t pud)
{
	return pud_set_flags(pud, _PAGE_PSE);
}

static inline unsigned long pud_pfn(pud_t pud)
{
	return (pud_val(pud) & pud_pfn_mask(pud)) >> PAGE_SHIFT;
}

/* For 1 GiB leaves: @pfn is rounded down to 1 GiB. */
static inline pud_t pfn_pud(unsigned long pfn, pgprot_t prot)
{
	return __pud((((phys_addr_t)pfn << PAGE_SHIFT) & PHYSICAL_PUD_PAGE_MASK) |
		     pgprot_val(prot));
}

/* The direct-map address of the pmd table this pud points to. */
static inline pmd_t *pud_pgtable(pud_t pud)
{
	return (pmd_t *)__va(pud_val(pud) & pud_pfn_mask(pud));
}

static inline pud_t pudp_get(pud_t *pudp)
{
	return READ_ONCE(*pudp);
}

static inline void set_pud(pud_t *pudp, pud_t pud)
{
	WRITE_ONCE(*pudp, pud);
}

static inline void pud_clear(pud_t *pudp)
{
	set_pud(pudp, __pud(0));
}

/* As pmd_set_huge(), for 1 GiB. */
static inline int pud_set_huge(pud_t *pud, phys_addr_t addr, pgprot_t prot)
{
	pud_t old = pudp_get(pud);

	if (!IS_ALIGNED(addr, PUD_SIZE) || (pud_present(old) && !pud_leaf(old)))
		return 0;
	set_pud(pud, pfn_pud(addr >> PAGE_SHIFT,
			     __pgprot(protval_4k_2_large(pgprot_val(prot)) | _PAGE_PSE)));
	return 1;
}

/* ---- P4D and PGD (folded: the p4d entry is the pgd entry) --------------- */

static inline bool p4d_none(p4d_t p4d)
{
	return !(p4d_val(p4d) & ~_PAGE_KNL_ERRATUM_MASK);
}

static inline bool p4d_present(p4d_t p4d)
{
	return p4d_val(p4d) & _PAGE_PRESENT;
}

static inline bool p4d_bad(p4d_t p4d)
{
	return (p4d_val(p4d) & PTE_FLAGS_MASK) & ~(_KERNPG_TABLE | _PAGE_USER);
}

/* The direct-map address of the pud table this p4d points to. */
static inline pud_t *p4d_pgtable(p4d_t p4d)
{
	return (pud_t *)__va(p4d_val(p4d) & PTE_PFN_MASK);
}

static inline p4d_t p4dp_get(p4d_t *p4dp)
{
	return READ_ONCE(*p4dp);
}

static inline void set_p4d(p4d_t *p4dp, p4d_t p4d)
{
	WRITE_ONCE(*p4dp, p4d);
}

static inline void p4d_clear(p4d_t *p4dp)
{
	set_p4d(p4dp, __p4d(0));
}

/*
 * With the p4d folded, a pgd entry is only looked at as a p4d: the pgd
 * level itself is never empty or bad, and walkers test p4d_none() and
 * p4d_bad() (Linux x86 without 5-level paging).
 */
static inline bool pgd_none(pgd_t pgd)
{
	return false;
}

static inline bool pgd_present(pgd_t pgd)
{
	return true;
}

static inline bool pgd_bad(pgd_t pgd)
{
	return false;
}

/* ---- Walking ------------------------------------------------------------ */

static inline pgd_t *pgd_offset_pgd(pgd_t *pgd, unsigned long addr)
{
	return pgd + pgd_index(addr);
}

/* The kernel's tables (init_top_pgt): for addresses above PAGE_OFFSET. */
static inline pgd_t *pgd_offset_k(unsigned long addr)
{
	return pgd_offset_pgd(init_top_pgt, addr);
}

static inline p4d_t *p4d_offset(pgd_t *pgd, unsigned long addr)
{
	return (p4d_t *)pgd;
}

static inline pud_t *pud_offset(p4d_t *p4d, unsigned long addr)
{
	return p4d_pgtable(p4dp_get(p4d)) + pud_index(addr);
}

static inline pmd_t *pmd_offset(pud_t *pud, unsigned long addr)
{
	return pud_pgtable(pudp_get(pud)) + pmd_index(addr);
}

static inline pte_t *pte_offset_kernel(pmd_t *pmd, unsigned long addr)
{
	return (pte_t *)pmd_page_vaddr(pmdp_get(pmd)) + pte_index(addr);
}

#endif /* _ASM_PGTABLE_H */
