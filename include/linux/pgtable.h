/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Generic page-table helpers on top of the architecture's (asm/pgtable.h):
 * the ends of one entry's span, used by every range walk (mm/pagewalk.c,
 * mm/memory.c, mm/vmalloc.c, the direct-map builder).
 *
 * pXd_addr_end(addr, end) is the end of the pXd entry's range that holds
 * @addr, or @end if that comes first. The "- 1" comparisons keep a range
 * that ends at the top of the address space (end == 0) working, as Linux's.
 */
#ifndef _LINUX_PGTABLE_H
#define _LINUX_PGTABLE_H

#include <asm/pgtable.h>

#define __pgtable_addr_end(addr, end, size)					\
({										\
	unsigned long __boundary = ((addr) + (size)) & ~((size) - 1);		\
	(__boundary - 1 < (end) - 1) ? __boundary : (end);			\
})

#define pgd_addr_end(addr, end)	__pgtable_addr_end(addr, end, PGDIR_SIZE)
#define p4d_addr_end(addr, end)	__pgtable_addr_end(addr, end, P4D_SIZE)
#define pud_addr_end(addr, end)	__pgtable_addr_end(addr, end, PUD_SIZE)
#define pmd_addr_end(addr, end)	__pgtable_addr_end(addr, end, PMD_SIZE)

#endif /* _LINUX_PGTABLE_H */
