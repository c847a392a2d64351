// SPDX-License-Identifier: GPL-2.0
/*
 * ioremap: device memory (MMIO) mapped into the vmalloc space with the
 * memory type its user asks for, as Linux's:
 *
 *   ioremap()        UC- (uncached; an MTRR may still make it WC)
 *   ioremap_uc()     UC, whatever the MTRRs say
 *   ioremap_wc()     write-combining, for frame buffers (UC- without PAT)
 *   ioremap_cache()  write-back
 *   iounmap()        unmap; the addresses go lazy, as vfree()'s do
 *
 * Each mapping is a VM_IOREMAP area of the vmalloc space (a guard page
 * after it), its vm_struct holding the physical base, which vmallocinfo
 * prints ("phys=... ioremap"). The memory type is the pte's PAT/PCD/PWT
 * bits under the layout arch/x86_64/pat.c loads on every CPU.
 *
 * Refused, with a warning: an empty range, one that wraps or reaches past
 * the CPU's physical address width, and RAM (any part of the range usable
 * in the e820 map). RAM is in the direct map, write-back; a second mapping
 * of another type is undefined behaviour on x86 (SDM vol. 3A, 12.12.4).
 *
 * Context: process: the area and its page tables are GFP_KERNEL.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <asm/io.h>
#include <asm/e820.h>
#include <asm/setup.h>
#include <asm/pgtable_types.h>

static void __iomem *__ioremap_caller(phys_addr_t phys_addr, unsigned long size,
				      enum page_cache_mode pcm, const void *caller)
{
	phys_addr_t last = phys_addr + size - 1, base = phys_addr & PAGE_MASK;
	unsigned long offset = phys_addr & ~PAGE_MASK, vaddr;
	struct vm_struct *area;

	if (!size || last < phys_addr || last >> phys_addr_bits()) {
		WARN(1, "ioremap: invalid physical range %pa, size %#lx\n", &phys_addr, size);
		return NULL;
	}
	if (e820__mapped_any(phys_addr, last + 1, E820_TYPE_RAM)) {
		WARN(1, "ioremap on RAM at %pa - %pa\n", &phys_addr, &last);
		return NULL;
	}
	size = PAGE_ALIGN(offset + size);
	area = get_vm_area_caller(size, VM_IOREMAP, caller);
	if (!area)
		return NULL;
	area->phys_addr = base;
	vaddr = (unsigned long)area->addr;
	if (ioremap_page_range(vaddr, vaddr + size, base, pgprot_cachemode(PAGE_KERNEL, pcm))) {
		kfree(remove_vm_area(area->addr));
		return NULL;
	}
	return (void __iomem *)(vaddr + offset);
}

void __iomem *ioremap(phys_addr_t phys_addr, unsigned long size)
{
	return __ioremap_caller(phys_addr, size, _PAGE_CACHE_MODE_UC_MINUS,
				__builtin_return_address(0));
}

void __iomem *ioremap_uc(phys_addr_t phys_addr, unsigned long size)
{
	return __ioremap_caller(phys_addr, size, _PAGE_CACHE_MODE_UC,
				__builtin_return_address(0));
}

void __iomem *ioremap_wc(phys_addr_t phys_addr, unsigned long size)
{
	return __ioremap_caller(phys_addr, size, _PAGE_CACHE_MODE_WC,
				__builtin_return_address(0));
}

void __iomem *ioremap_cache(phys_addr_t phys_addr, unsigned long size)
{
	return __ioremap_caller(phys_addr, size, _PAGE_CACHE_MODE_WB,
				__builtin_return_address(0));
}

void iounmap(volatile void __iomem *addr)
{
	struct vm_struct *vm;

	if (!addr)
		return;
	vm = find_vm_area((const void *)addr);
	if (!vm || !(vm->flags & VM_IOREMAP)) {
		WARN(1, "iounmap: bad address %p\n", (const void *)addr);
		return;
	}
	kfree(remove_vm_area(vm->addr));
}
