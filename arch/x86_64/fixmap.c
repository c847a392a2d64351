// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed mappings and early_memremap() (see asm/fixmap.h). The page tables
 * of the fixmap range are allocated by init_mem_mapping() and never freed;
 * setting a slot is one PTE store and a local TLB flush (boot code and
 * per-CPU device pages only, so no other CPU holds a stale translation
 * that matters: a slot is set before anyone uses it). The kmap_local
 * slots are managed by mm/highmem.c through fixmap_pte() directly.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <asm/fixmap.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

/* The PTE tables of the 2 MiB ranges holding the fixmap (init_mem_mapping). */
pte_t *fixmap_ptes;

void __set_fixmap(enum fixed_addresses idx, phys_addr_t phys, pgprot_t prot)
{
	unsigned long vaddr = fix_to_virt(idx);
	pte_t *pte;

	BUG_ON(idx == FIX_HOLE || idx >= __end_of_fixed_addresses || !fixmap_ptes);
	pte = fixmap_pte(vaddr);
	if (pgprot_val(prot))
		set_pte(pte, pfn_pte(phys >> PAGE_SHIFT, prot));
	else
		set_pte(pte, __pte(0));
	__flush_tlb_one_kernel(vaddr);
}

/* Which early_memremap() slot groups are in use. */
static bool btmap_used[FIX_BTMAPS_SLOTS];

static enum fixed_addresses btmap_first(int slot)
{
	return FIX_BTMAP_BEGIN - slot * NR_FIX_BTMAPS;
}

void *early_memremap(phys_addr_t phys, unsigned long size)
{
	unsigned long offset = phys & ~PAGE_MASK;
	unsigned long i, nr = (offset + size + PAGE_SIZE - 1) >> PAGE_SHIFT;
	int slot;

	if (WARN_ON(!size || nr > NR_FIX_BTMAPS))
		return NULL;
	for (slot = 0; slot < FIX_BTMAPS_SLOTS && btmap_used[slot]; slot++)
		;
	if (WARN_ON(slot == FIX_BTMAPS_SLOTS))
		return NULL;
	btmap_used[slot] = true;
	/* Slots count down in address: the first page gets the lowest address. */
	for (i = 0; i < nr; i++)
		__set_fixmap(btmap_first(slot) - i, (phys & PAGE_MASK) + (i << PAGE_SHIFT),
			     PAGE_KERNEL);
	return (void *)(fix_to_virt(btmap_first(slot)) + offset);
}

void early_memunmap(void *addr, unsigned long size)
{
	unsigned long va = (unsigned long)addr, i, nr;
	int slot;

	for (slot = 0; slot < FIX_BTMAPS_SLOTS; slot++) {
		unsigned long base = fix_to_virt(btmap_first(slot));

		if (btmap_used[slot] && va >= base && va < base + NR_FIX_BTMAPS * PAGE_SIZE)
			break;
	}
	if (WARN_ON(slot == FIX_BTMAPS_SLOTS))
		return;
	nr = ((va & ~PAGE_MASK) + size + PAGE_SIZE - 1) >> PAGE_SHIFT;
	for (i = 0; i < nr; i++)
		__set_fixmap(btmap_first(slot) - i, 0, __pgprot(0));
	btmap_used[slot] = false;
}
