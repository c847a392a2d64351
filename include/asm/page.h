/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page size and the kernel's fixed virtual regions
 * (Documentation/virtual-memory-map.md). The direct map puts physical
 * address P at PAGE_OFFSET + P; the kernel image runs at
 * __START_KERNEL_map + its physical load address.
 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#define PAGE_SHIFT		12
#define PAGE_SIZE		(1UL << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))

#define __PAGE_OFFSET		0xffff888000000000UL
#define __START_KERNEL_map	0xffffffff80000000UL
#define PAGE_OFFSET		__PAGE_OFFSET
#define VMALLOC_START		0xffffc90000000000UL
#define VMALLOC_END		0xffffe90000000000UL	/* exclusive: 32 TiB */
#define VMEMMAP_START		0xffffea0000000000UL

/*
 * The top of user space with 4-level paging (Linux's): the lower canonical
 * half minus its last page, which stays unmapped so that no user object
 * ends at the non-canonical boundary. No user space exists yet; uaccess
 * (asm/uaccess.h) already refuses anything above.
 */
#define TASK_SIZE_MAX		((1UL << 47) - PAGE_SIZE)
#define TASK_SIZE		TASK_SIZE_MAX

#ifndef __ASSEMBLER__
#include <linux/types.h>

#ifdef __HOST_TEST__
/*
 * Host tests have no direct map: fake physical memory [0, HOST_FAKE_PHYS_SIZE)
 * is a host buffer (tests/host/fake_phys.c), and a translation outside it
 * fails the test.
 */
#define HOST_FAKE_PHYS_SIZE	(64UL << 20)
void *host_phys_to_virt(phys_addr_t pa);
phys_addr_t host_virt_to_phys(const void *va);
#define __va(pa)	host_phys_to_virt((phys_addr_t)(pa))
#define __pa(va)	host_virt_to_phys((const void *)(va))
#else
#define __va(pa)	((void *)((unsigned long)(pa) + PAGE_OFFSET))
#define __pa(va)	__phys_addr((unsigned long)(va))
#endif

/* clear_page - zero one page-aligned page (rep stosq). */
static inline void clear_page(void *page)
{
	unsigned long cnt = PAGE_SIZE / 8;

	__asm__ __volatile__("rep stosq"
			     : "+D"(page), "+c"(cnt)
			     : "a"(0UL)
			     : "memory");
}

/*
 * copy_page - copy one page-aligned page to another (rep movsq).
 *
 * Linux's copy_page() picks rep movsq on CPUs with X86_FEATURE_REP_GOOD and
 * an unrolled register loop elsewhere; every CPU this kernel runs on moves
 * quadwords with rep well, and under QEMU's icount one rep movsq counts
 * once per quadword (512) where memcpy's word loop costs ~2600.
 */
static inline void copy_page(void *to, void *from)
{
	unsigned long cnt = PAGE_SIZE / 8;

	__asm__ __volatile__("rep movsq"
			     : "+D"(to), "+S"(from), "+c"(cnt)
			     :
			     : "memory");
}

/* get_order - the smallest order whose block (PAGE_SIZE << order) holds @size > 0. */
static inline unsigned int get_order(unsigned long size)
{
	size = (size - 1) >> PAGE_SHIFT;
	return size ? 64 - (unsigned int)__builtin_clzl(size) : 0;
}

/* Both the direct map and the kernel image translate back to physical. */
static inline phys_addr_t __phys_addr(unsigned long va)
{
	if (va >= __START_KERNEL_map)
		return va - __START_KERNEL_map;
	return va - PAGE_OFFSET;
}
#endif

#endif /* _ASM_PAGE_H */
