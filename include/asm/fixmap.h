/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixed virtual addresses for physical pages outside the direct map:
 * device registers (the local APIC, IOAPICs), firmware tables and the
 * per-CPU kmap_local slots. Slot i is at fix_to_virt(i), counting down from
 * FIXADDR_TOP. The fixmap spans FIXMAP_PMD_NUM 2 MiB ranges; their PTE
 * tables are allocated by init_mem_mapping() in one physically contiguous
 * block (fixmap_ptes), so fixmap_pte() finds any slot's entry by arithmetic
 * and setting a slot never allocates memory.
 *
 *   FIXADDR_TOP      FIX_HOLE, FIX_APIC_BASE, FIX_IO_APIC_BASE_*
 *       |            FIX_KMAP_BEGIN .. FIX_KMAP_END: KM_MAX_IDX slots per
 *       v                            CPU, CPU c's slot s at
 *                                    FIX_KMAP_BEGIN + c * KM_MAX_IDX + s
 *   FIXADDR_START    FIX_BTMAP_END .. FIX_BTMAP_BEGIN: early_memremap()
 *
 *   PKMAP_BASE       the kmap() pool (mm/highmem.c): LAST_PKMAP pages in the
 *                    2 MiB range just below the fixmap's first one, with its
 *                    own PTE table (pkmap_page_table), also allocated at boot
 *
 * early_memremap() maps a physical range of up to NR_FIX_BTMAPS pages
 * through one of FIX_BTMAPS_SLOTS groups of slots, for boot code that reads
 * firmware tables (ACPI) before the kernel has a general ioremap().
 *
 * Locking: __set_fixmap() of one slot belongs to its user; a CPU's
 * kmap_local slots belong to the task running there (mm/highmem.c);
 * early_memremap() is boot-time only, single-threaded.
 */
#ifndef _ASM_FIXMAP_H
#define _ASM_FIXMAP_H

#include <linux/types.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>
#include <asm/pgtable.h>
#include <asm/kmap_size.h>
#include <linux/threads.h>

#define FIXADDR_TOP		0xffffffffff5ff000UL	/* below the vsyscall page */
#define NR_FIX_BTMAPS		64
#define FIX_BTMAPS_SLOTS	4
#define MAX_IO_APICS		8

enum fixed_addresses {
	FIX_HOLE,			/* a guard page at FIXADDR_TOP */
	FIX_APIC_BASE,
	FIX_IO_APIC_BASE_0,
	FIX_IO_APIC_BASE_END = FIX_IO_APIC_BASE_0 + MAX_IO_APICS - 1,
	FIX_KMAP_BEGIN,			/* kmap_local_page(), kmap_atomic() */
	FIX_KMAP_END = FIX_KMAP_BEGIN + KM_MAX_IDX * NR_CPUS - 1,
	FIX_BTMAP_END,
	FIX_BTMAP_BEGIN = FIX_BTMAP_END + NR_FIX_BTMAPS * FIX_BTMAPS_SLOTS - 1,
	__end_of_fixed_addresses
};

#define FIXADDR_SIZE	((unsigned long)__end_of_fixed_addresses << PAGE_SHIFT)
#define FIXADDR_START	(FIXADDR_TOP - FIXADDR_SIZE + PAGE_SIZE)

/*
 * The 2 MiB ranges the fixmap spans, from FIXMAP_PMD_START: one PTE table
 * each. They must share one PMD table (one GiB) and stay below the
 * vsyscall page.
 */
#define FIXMAP_PMD_START	(FIXADDR_START & PMD_MASK)
#define FIXMAP_PMD_NUM		(((FIXADDR_TOP - FIXMAP_PMD_START) >> PMD_SHIFT) + 1)

_Static_assert((FIXMAP_PMD_START & PUD_MASK) == (FIXADDR_TOP & PUD_MASK),
	       "the fixmap crosses a 1 GiB boundary");
_Static_assert(FIXADDR_TOP + PAGE_SIZE <= 0xffffffffff600000UL,
	       "the fixmap overlaps the vsyscall page");

/* The kmap() pool: its own 2 MiB range, one PTE table, just below the fixmap. */
#define LAST_PKMAP		512
#define PKMAP_BASE		(FIXMAP_PMD_START - PMD_SIZE)

_Static_assert(LAST_PKMAP * PAGE_SIZE == PMD_SIZE, "the pkmap pool is one PTE table");
_Static_assert((PKMAP_BASE & PUD_MASK) == (FIXADDR_TOP & PUD_MASK),
	       "the pkmap range leaves the fixmap's GiB");

static inline unsigned long fix_to_virt(enum fixed_addresses idx)
{
	return FIXADDR_TOP - ((unsigned long)idx << PAGE_SHIFT);
}

/*
 * The FIXMAP_PMD_NUM PTE tables of the fixmap, contiguous, the first entry
 * mapping FIXMAP_PMD_START; allocated by init_mem_mapping().
 */
extern pte_t *fixmap_ptes;

/* The PTE of the fixmap page holding @vaddr. */
static inline pte_t *fixmap_pte(unsigned long vaddr)
{
	return fixmap_ptes + ((vaddr - FIXMAP_PMD_START) >> PAGE_SHIFT);
}

static inline enum fixed_addresses virt_to_fix(unsigned long vaddr)
{
	return (enum fixed_addresses)((FIXADDR_TOP - (vaddr & PAGE_MASK)) >> PAGE_SHIFT);
}

/* The PTE table of the pkmap range (PKMAP_BASE), allocated by init_mem_mapping(). */
extern pte_t *pkmap_page_table;

/* Map slot @idx to the page at @phys with @prot (0 pgprot: unmap). */
void __set_fixmap(enum fixed_addresses idx, phys_addr_t phys, pgprot_t prot);

#define set_fixmap_nocache(idx, phys)	__set_fixmap(idx, phys, PAGE_KERNEL_NOCACHE)

/*
 * early_memremap - map [@phys, @phys + @size) for reading firmware tables
 * (write-back, read-write, NX). Return: the virtual address of @phys, or
 * NULL (with a warning) when the range is too large or every slot is
 * taken. Undo with early_memunmap(). Context: boot, single-threaded.
 */
void *early_memremap(phys_addr_t phys, unsigned long size);
void early_memunmap(void *addr, unsigned long size);

#endif /* _ASM_FIXMAP_H */
