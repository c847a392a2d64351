// SPDX-License-Identifier: GPL-2.0
/*
 * init_mm: the kernel's address space (include/linux/mm_types.h). Its pgd
 * is init_top_pgt, the table arch/x86_64/init_64.c fills at boot; it is
 * never freed, so its counts start at 1 and stay there. It has no VMAs:
 * the kernel's mappings are not VMAs.
 */
#include <linux/mm_types.h>
#include <linux/mmap_lock.h>
#include <asm/pgtable.h>
#include <asm/mmu_context.h>

struct mm_struct init_mm = {
	.pgd = init_top_pgt,
	.mm_users = ATOMIC_INIT(1),
	.mm_count = ATOMIC_INIT(1),
	.pgtables_bytes = { 0 },
	.page_table_lock = __SPIN_LOCK_UNLOCKED(init_mm.page_table_lock),
	MMAP_LOCK_INITIALIZER(init_mm)
	.mm_rb = RB_ROOT,
	.context = INIT_MM_CONTEXT,
};
