/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86-64 page-table entry types, bits and protections, with Linux's names
 * and values (helpers that use them: asm/pgtable.h).
 *
 * Four levels of 512 eight-byte entries; the p4d level of 5-level paging is
 * folded into the pgd (it has one entry, and a p4d_t is the pgd entry):
 *
 *   pgd (PML4) -> [p4d] -> pud (PDPT) -> pmd (PD) -> pte (PT) -> 4 KiB page
 *                                  \ 1 GiB leaf   \ 2 MiB leaf
 *
 * An entry holds a physical address (bits 12-51, PTE_PFN_MASK) and flags:
 *
 *   bit  0  PRESENT   the CPU may use the entry
 *   bit  1  RW        writable          bit  5  ACCESSED  set by the CPU
 *   bit  2  USER      user-accessible   bit  6  DIRTY     set by the CPU
 *   bit  3  PWT       \ cache type,     bit  7  PSE       leaf in a pmd/pud
 *   bit  4  PCD       /  with PAT                 PAT     in a pte
 *   bit  8  GLOBAL    survives CR3 loads (kernel mappings)
 *   bit 12  PAT_LARGE PAT in a 2 MiB / 1 GiB leaf (the pfn starts higher)
 *   bit 63  NX        no execute (EFER.NXE is set at boot)
 *
 * Software bits: the CPU ignores bits 9-11 and 52-62, so Linux keeps its
 * own per-mapping state there, which we follow:
 *
 *   bit  9  SPECIAL     no struct page behind it (pfn maps, the zero page)
 *   bit 11  SOFT_DIRTY  written since userspace last cleared soft-dirty;
 *                       set with DIRTY, survives pte_mkclean()
 *   bit 57  DEVMAP      ZONE_DEVICE memory
 *
 * PROT_NONE: a mapping that exists but may not be touched has PRESENT clear
 * (so the CPU faults) and PROTNONE set. PROTNONE reuses the GLOBAL bit,
 * which means nothing to the CPU in a non-present entry. The mm therefore
 * asks pte_present() ("is there a mapping?"), which is true for PRESENT or
 * PROTNONE, never the raw bit; GLOBAL in a present entry is just GLOBAL.
 *
 * Swapped-out entries (PRESENT and PROTNONE clear) keep soft-dirty in the
 * RW bit (_PAGE_SWP_SOFT_DIRTY), a bit the swap-entry format leaves free.
 */
#ifndef _ASM_PGTABLE_TYPES_H
#define _ASM_PGTABLE_TYPES_H

#include <linux/types.h>
#include <asm/page.h>

#define _PAGE_BIT_PRESENT	0
#define _PAGE_BIT_RW		1
#define _PAGE_BIT_USER		2
#define _PAGE_BIT_PWT		3
#define _PAGE_BIT_PCD		4
#define _PAGE_BIT_ACCESSED	5
#define _PAGE_BIT_DIRTY		6
#define _PAGE_BIT_PSE		7	/* 2 MiB / 1 GiB leaf */
#define _PAGE_BIT_PAT		7	/* the same bit in a 4 KiB pte */
#define _PAGE_BIT_GLOBAL	8
#define _PAGE_BIT_SOFTW1	9	/* available for programmer */
#define _PAGE_BIT_SOFTW2	10
#define _PAGE_BIT_SOFTW3	11
#define _PAGE_BIT_PAT_LARGE	12	/* PAT in a 2 MiB / 1 GiB leaf */
#define _PAGE_BIT_SOFTW4	57
#define _PAGE_BIT_NX		63

#define _PAGE_BIT_SPECIAL	_PAGE_BIT_SOFTW1
#define _PAGE_BIT_SOFT_DIRTY	_PAGE_BIT_SOFTW3
#define _PAGE_BIT_DEVMAP	_PAGE_BIT_SOFTW4
#define _PAGE_BIT_PROTNONE	_PAGE_BIT_GLOBAL	/* only if not present */

#define _PAGE_PRESENT		(1UL << _PAGE_BIT_PRESENT)
#define _PAGE_RW		(1UL << _PAGE_BIT_RW)
#define _PAGE_USER		(1UL << _PAGE_BIT_USER)
#define _PAGE_PWT		(1UL << _PAGE_BIT_PWT)
#define _PAGE_PCD		(1UL << _PAGE_BIT_PCD)
#define _PAGE_ACCESSED		(1UL << _PAGE_BIT_ACCESSED)
#define _PAGE_DIRTY		(1UL << _PAGE_BIT_DIRTY)
#define _PAGE_PSE		(1UL << _PAGE_BIT_PSE)
#define _PAGE_PAT		(1UL << _PAGE_BIT_PAT)
#define _PAGE_GLOBAL		(1UL << _PAGE_BIT_GLOBAL)
#define _PAGE_SOFTW1		(1UL << _PAGE_BIT_SOFTW1)
#define _PAGE_SOFTW2		(1UL << _PAGE_BIT_SOFTW2)
#define _PAGE_SOFTW3		(1UL << _PAGE_BIT_SOFTW3)
#define _PAGE_PAT_LARGE		(1UL << _PAGE_BIT_PAT_LARGE)
#define _PAGE_SOFTW4		(1UL << _PAGE_BIT_SOFTW4)
#define _PAGE_NX		(1UL << _PAGE_BIT_NX)

#define _PAGE_SPECIAL		(1UL << _PAGE_BIT_SPECIAL)
#define _PAGE_SOFT_DIRTY	(1UL << _PAGE_BIT_SOFT_DIRTY)
#define _PAGE_DEVMAP		(1UL << _PAGE_BIT_DEVMAP)
#define _PAGE_PROTNONE		(1UL << _PAGE_BIT_PROTNONE)
#define _PAGE_SWP_SOFT_DIRTY	_PAGE_RW	/* only if not present */

/*
 * Bits 52-56: ignored by the CPU and used by no helper here or in Linux.
 * They are set in a present entry only by corruption, typically a virtual
 * address (0xffff8880...) stored where a physical one belongs: pte_bad().
 */
#define _PAGE_UNUSED_HIGH	(0x1fUL << 52)

#define _PAGE_CACHE_MASK	(_PAGE_PWT | _PAGE_PCD | _PAGE_PAT)
/* Uncached under both the power-on PAT and Linux's (PAT index 3). */
#define _PAGE_NOCACHE		(_PAGE_PWT | _PAGE_PCD)

/* Physical addresses are at most 52 bits wide on x86-64. */
#define __PHYSICAL_MASK_SHIFT	52
#define __PHYSICAL_MASK		((1UL << __PHYSICAL_MASK_SHIFT) - 1)
#define PHYSICAL_PAGE_MASK	(PAGE_MASK & __PHYSICAL_MASK)
#define PTE_PFN_MASK		PHYSICAL_PAGE_MASK
#define PTE_FLAGS_MASK		(~PTE_PFN_MASK)

/*
 * What pte_modify() keeps of the old entry: where it points, the cache type
 * and the state the CPU or the mm accumulated (accessed, dirty, soft-dirty,
 * special, devmap). Everything else comes from the new protection.
 */
#define _PAGE_CHG_MASK		(PTE_PFN_MASK | _PAGE_CACHE_MASK | _PAGE_SPECIAL | \
				 _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_SOFT_DIRTY | \
				 _PAGE_DEVMAP)

/* Linux's shorthand, so that the table below reads as columns. */
#define __PP	_PAGE_PRESENT
#define __RW	_PAGE_RW
#define _USR	_PAGE_USER
#define ___A	_PAGE_ACCESSED
#define ___D	_PAGE_DIRTY
#define ___G	_PAGE_GLOBAL
#define __NX	_PAGE_NX
#define _PSE	_PAGE_PSE
#define __NC	_PAGE_NOCACHE

#define __PAGE_KERNEL		 (__PP | __RW |    0 | ___A | __NX | ___D |    0 | ___G)
#define __PAGE_KERNEL_EXEC	 (__PP | __RW |    0 | ___A |    0 | ___D |    0 | ___G)
#define __PAGE_KERNEL_RO	 (__PP |    0 |    0 | ___A | __NX |    0 |    0 | ___G)
#define __PAGE_KERNEL_ROX	 (__PP |    0 |    0 | ___A |    0 |    0 |    0 | ___G)
#define __PAGE_KERNEL_NOCACHE	 (__PP | __RW |    0 | ___A | __NX | ___D |    0 | ___G | __NC)
#define __PAGE_KERNEL_LARGE	 (__PP | __RW |    0 | ___A | __NX | ___D | _PSE | ___G)
#define __PAGE_KERNEL_LARGE_EXEC (__PP | __RW |    0 | ___A |    0 | ___D | _PSE | ___G)

/*
 * Table entries (pointing to the next level) carry ACCESSED and DIRTY
 * preset, as in Linux, so the CPU never has to write them back; pmd_bad()
 * and friends accept exactly these flags.
 */
#define _KERNPG_TABLE		 (__PP | __RW |    0 | ___A |    0 | ___D |    0 |    0)
#define _PAGE_TABLE		 (__PP | __RW | _USR | ___A |    0 | ___D |    0 |    0)


typedef unsigned long pteval_t;
typedef unsigned long pmdval_t;
typedef unsigned long pudval_t;
typedef unsigned long p4dval_t;
typedef unsigned long pgdval_t;
typedef unsigned long pgprotval_t;

typedef struct { pteval_t pte; } pte_t;
typedef struct { pmdval_t pmd; } pmd_t;
typedef struct { pudval_t pud; } pud_t;
typedef struct { p4dval_t p4d; } p4d_t;
typedef struct { pgdval_t pgd; } pgd_t;
typedef struct { pgprotval_t pgprot; } pgprot_t;

static inline pte_t __pte(pteval_t val) { return (pte_t){ val }; }
static inline pmd_t __pmd(pmdval_t val) { return (pmd_t){ val }; }
static inline pud_t __pud(pudval_t val) { return (pud_t){ val }; }
static inline p4d_t __p4d(p4dval_t val) { return (p4d_t){ val }; }
static inline pgd_t __pgd(pgdval_t val) { return (pgd_t){ val }; }
static inline pgprot_t __pgprot(pgprotval_t val) { return (pgprot_t){ val }; }

static inline pteval_t pte_val(pte_t pte) { return pte.pte; }
static inline pmdval_t pmd_val(pmd_t pmd) { return pmd.pmd; }
static inline pudval_t pud_val(pud_t pud) { return pud.pud; }
static inline p4dval_t p4d_val(p4d_t p4d) { return p4d.p4d; }
static inline pgdval_t pgd_val(pgd_t pgd) { return pgd.pgd; }
static inline pgprotval_t pgprot_val(pgprot_t prot) { return prot.pgprot; }

#define PAGE_NONE		__pgprot(___A | _PAGE_PROTNONE)
#define PAGE_KERNEL		__pgprot(__PAGE_KERNEL)
#define PAGE_KERNEL_EXEC	__pgprot(__PAGE_KERNEL_EXEC)
#define PAGE_KERNEL_RO		__pgprot(__PAGE_KERNEL_RO)
#define PAGE_KERNEL_ROX		__pgprot(__PAGE_KERNEL_ROX)
#define PAGE_KERNEL_NOCACHE	__pgprot(__PAGE_KERNEL_NOCACHE)
#define PAGE_KERNEL_LARGE	__pgprot(__PAGE_KERNEL_LARGE)
#define PAGE_KERNEL_LARGE_EXEC	__pgprot(__PAGE_KERNEL_LARGE_EXEC)

/* The flags of an entry: everything but the physical address. */
static inline pteval_t pte_flags(pte_t pte)
{
	return pte_val(pte) & PTE_FLAGS_MASK;
}

/*
 * The PAT bit is bit 7 in a 4 KiB pte but bit 12 in a 2 MiB or 1 GiB leaf
 * (bit 7 there is PSE). Converts a 4 KiB protection to its large-page form
 * and back.
 */
static inline pgprotval_t protval_4k_2_large(pgprotval_t val)
{
	return (val & ~(_PAGE_PAT | _PAGE_PAT_LARGE)) |
	       ((val & _PAGE_PAT) << (_PAGE_BIT_PAT_LARGE - _PAGE_BIT_PAT));
}

static inline pgprotval_t protval_large_2_4k(pgprotval_t val)
{
	return (val & ~(_PAGE_PAT | _PAGE_PAT_LARGE)) |
	       ((val & _PAGE_PAT_LARGE) >> (_PAGE_BIT_PAT_LARGE - _PAGE_BIT_PAT));
}

static inline pgprot_t pgprot_4k_2_large(pgprot_t prot)
{
	return __pgprot(protval_4k_2_large(pgprot_val(prot)));
}

static inline pgprot_t pgprot_large_2_4k(pgprot_t prot)
{
	return __pgprot(protval_large_2_4k(pgprot_val(prot)));
}

/*
 * Memory types a mapping can ask for, as Linux's; cachemode2protval()
 * (arch/x86_64/pat.c) gives the PAT/PCD/PWT bits that select one under
 * the PAT layout every CPU loads.
 */
enum page_cache_mode {
	_PAGE_CACHE_MODE_WB,
	_PAGE_CACHE_MODE_WC,
	_PAGE_CACHE_MODE_UC_MINUS,
	_PAGE_CACHE_MODE_UC,
};

pgprotval_t cachemode2protval(enum page_cache_mode pcm);

static inline pgprot_t pgprot_cachemode(pgprot_t prot, enum page_cache_mode pcm)
{
	return __pgprot((pgprot_val(prot) & ~_PAGE_CACHE_MASK) | cachemode2protval(pcm));
}

#define pgprot_noncached(prot)		pgprot_cachemode(prot, _PAGE_CACHE_MODE_UC_MINUS)
#define pgprot_writecombine(prot)	pgprot_cachemode(prot, _PAGE_CACHE_MODE_WC)

/* A pte table as the generic mm hands it around (Linux's pgtable_t). */
struct page;
typedef struct page *pgtable_t;

/* Where lookup_address() found the entry mapping an address (Linux's). */
enum pg_level {
	PG_LEVEL_NONE,
	PG_LEVEL_4K,
	PG_LEVEL_2M,
	PG_LEVEL_1G,
};

/**
 * lookup_address_in_pgd - the entry of one address space's tables that
 * maps @addr
 * @pgd: the top-level entry of @addr (pgd_offset(mm, addr))
 * @addr: virtual address
 * @level: where the entry was found (PG_LEVEL_NONE when none)
 *
 * Return: a pud or pmd leaf, or the pte (present or not); NULL when no
 * level can map @addr. Context: any; the caller keeps the tables from
 * being freed (arch/x86_64/init_64.c).
 */
pte_t *lookup_address_in_pgd(pgd_t *pgd, unsigned long addr, enum pg_level *level);

/* lookup_address_in_pgd() in the kernel's tables (init_mm), as Linux's. */
pte_t *lookup_address(unsigned long addr, enum pg_level *level);

#endif /* _ASM_PGTABLE_TYPES_H */
