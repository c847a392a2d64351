/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixed virtual addresses for physical pages outside the direct map:
 * device registers (the local APIC, IOAPICs) and firmware tables. Slot i is
 * at fix_to_virt(i), counting down from FIXADDR_TOP, all inside one 2 MiB
 * range whose page table init_mem_mapping() allocates, so that setting a
 * slot never allocates memory.
 *
 * early_memremap() maps a physical range of up to NR_FIX_BTMAPS pages
 * through one of FIX_BTMAPS_SLOTS groups of slots, for boot code that reads
 * firmware tables (ACPI) before the kernel has a general ioremap().
 *
 * Locking: __set_fixmap() of one slot belongs to its user; early_memremap()
 * is boot-time only, single-threaded.
 */
#ifndef _ASM_FIXMAP_H
#define _ASM_FIXMAP_H

#include <linux/types.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>

#define FIXADDR_TOP		0xffffffffff5ff000UL	/* below the vsyscall page, DESIGN.md */
#define NR_FIX_BTMAPS		64
#define FIX_BTMAPS_SLOTS	4
#define MAX_IO_APICS		8

enum fixed_addresses {
	FIX_HOLE,			/* a guard page at FIXADDR_TOP */
	FIX_APIC_BASE,
	FIX_IO_APIC_BASE_0,
	FIX_IO_APIC_BASE_END = FIX_IO_APIC_BASE_0 + MAX_IO_APICS - 1,
	FIX_BTMAP_END,
	FIX_BTMAP_BEGIN = FIX_BTMAP_END + NR_FIX_BTMAPS * FIX_BTMAPS_SLOTS - 1,
	__end_of_fixed_addresses
};

#define FIXADDR_SIZE	((unsigned long)__end_of_fixed_addresses << PAGE_SHIFT)
#define FIXADDR_START	(FIXADDR_TOP - FIXADDR_SIZE + PAGE_SIZE)

/* One page table maps the whole fixmap: it must not cross a 2 MiB boundary. */
_Static_assert(((FIXADDR_TOP ^ (FIXADDR_TOP - FIXADDR_SIZE + PAGE_SIZE)) >> 21) == 0,
	       "the fixmap crosses a 2 MiB boundary");

static inline unsigned long fix_to_virt(enum fixed_addresses idx)
{
	return FIXADDR_TOP - ((unsigned long)idx << PAGE_SHIFT);
}

/* The PTE table of the fixmap's 2 MiB range, allocated by init_mem_mapping(). */
extern pte_t *fixmap_ptes;

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
