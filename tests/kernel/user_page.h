/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One user page for a test case, while there is no user space: a private
 * chain of page tables hung from an empty slot of init_mm's pgd, mapping
 * a zeroed page present, user, writable. The user-copy routines
 * (asm/uaccess.h) then work on it as on a process's memory: the uaccess
 * suite tries them there, the tty suite passes termios ioctls user
 * pointers into it. The case's suite ->exit calls user_page_unmap(), so a
 * case that aborts leaves nothing mapped.
 */
#ifndef _TESTS_KERNEL_USER_PAGE_H
#define _TESTS_KERNEL_USER_PAGE_H

#include <linux/ktest.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/fault-inject.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

/* Linux's PAGE_SHARED_EXEC: what a user mapping of a writable text page is. */
#define USER_PROT	(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED | _PAGE_DIRTY)

/* The case's user page: where (0: none), its tables (pud, pmd, pte), the data page. */
struct user_page {
	unsigned long addr;
	unsigned long table[3];
	struct page *data;
};

static inline void user_page_unmap(struct user_page *up)
{
	unsigned int i;

	if (!up->addr)
		return;
	set_p4d(p4d_offset(pgd_offset_k(up->addr), up->addr), __p4d(0));
	flush_tlb_kernel_range(up->addr, up->addr + PAGE_SIZE);
	for (i = 0; i < ARRAY_SIZE(up->table); i++)
		if (up->table[i])
			free_page(up->table[i]);
	if (up->data)
		__free_page(up->data);
	memset(up, 0, sizeof(*up));
}

/*
 * Map @up at @addr (its pgd slot must be empty: nothing else owns the
 * lower half of init_mm). Skips the case when an allocation fails under
 * fault injection. Return: the data page through the direct map.
 */
static inline u8 *user_page_map(struct ktest *test, struct user_page *up, unsigned long addr)
{
	p4d_t *p4d = p4d_offset(pgd_offset_k(addr), addr);
	pud_t *pud;
	pmd_t *pmd;
	unsigned int i;

	KTEST_ASSERT_TRUE(test, p4d_none(*p4d));
	up->addr = addr;
	for (i = 0; i < ARRAY_SIZE(up->table); i++)
		up->table[i] = get_zeroed_page(GFP_KERNEL);
	up->data = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if ((!up->table[0] || !up->table[1] || !up->table[2] || !up->data) &&
	    fault_injection_active())
		KTEST_SKIP(test, "allocation failed under fault injection");
	KTEST_ASSERT_TRUE(test, up->table[0] && up->table[1] && up->table[2] && up->data);
	set_p4d(p4d, __p4d(__pa(up->table[0]) | _PAGE_TABLE));
	pud = pud_offset(p4d, addr);
	set_pud(pud, __pud(__pa(up->table[1]) | _PAGE_TABLE));
	pmd = pmd_offset(pud, addr);
	set_pmd(pmd, __pmd(__pa(up->table[2]) | _PAGE_TABLE));
	set_pte(pte_offset_kernel(pmd, addr), pfn_pte(page_to_pfn(up->data),
						      __pgprot(USER_PROT)));
	return page_address(up->data);
}

#endif /* _TESTS_KERNEL_USER_PAGE_H */
