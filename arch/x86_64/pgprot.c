// SPDX-License-Identifier: GPL-2.0
/*
 * The page protections of user mappings (Linux's arch/x86/mm/pgprot.c):
 * protection_map gives, for each combination of VM_READ, VM_WRITE,
 * VM_EXEC and VM_SHARED, the pte bits a VMA's pages get
 * (vm_get_page_prot(), vma->vm_page_prot).
 *
 * x86 cannot map a page writable but not readable, nor executable but
 * not readable: write implies read, exec implies read. Every entry
 * without VM_EXEC has NX (always available here: the kernel turns NX on
 * at boot). A private writable mapping starts read-only (PAGE_COPY) so
 * that the first write faults and COW decides; a shared one is writable
 * (PAGE_SHARED). PROT_NONE is PAGE_NONE: not present, _PAGE_PROTNONE
 * set, so the fault handler and pte_present() tell it from an empty pte.
 */
#include <linux/mm.h>
#include <asm/pgtable_types.h>

/* The values, not pgprot_t: __pgprot() is a function, not a constant expression. */
#define P_USER			(_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED)
#define P_NONE			(_PAGE_ACCESSED | _PAGE_PROTNONE)
#define P_SHARED		(P_USER | _PAGE_RW | _PAGE_NX)
#define P_SHARED_EXEC		(P_USER | _PAGE_RW)
#define P_COPY			(P_USER | _PAGE_NX)
#define P_COPY_EXEC		P_USER
#define P_READONLY		(P_USER | _PAGE_NX)
#define P_READONLY_EXEC		P_USER

static const pgprotval_t protection_map[16] = {
	[VM_NONE]					= P_NONE,
	[VM_READ]					= P_READONLY,
	[VM_WRITE]					= P_COPY,
	[VM_WRITE | VM_READ]				= P_COPY,
	[VM_EXEC]					= P_READONLY_EXEC,
	[VM_EXEC | VM_READ]				= P_READONLY_EXEC,
	[VM_EXEC | VM_WRITE]				= P_COPY_EXEC,
	[VM_EXEC | VM_WRITE | VM_READ]			= P_COPY_EXEC,
	[VM_SHARED]					= P_NONE,
	[VM_SHARED | VM_READ]				= P_READONLY,
	[VM_SHARED | VM_WRITE]				= P_SHARED,
	[VM_SHARED | VM_WRITE | VM_READ]		= P_SHARED,
	[VM_SHARED | VM_EXEC]				= P_READONLY_EXEC,
	[VM_SHARED | VM_EXEC | VM_READ]			= P_READONLY_EXEC,
	[VM_SHARED | VM_EXEC | VM_WRITE]		= P_SHARED_EXEC,
	[VM_SHARED | VM_EXEC | VM_WRITE | VM_READ]	= P_SHARED_EXEC,
};

pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	return __pgprot(protection_map[vm_flags & (VM_READ | VM_WRITE | VM_EXEC | VM_SHARED)]);
}
