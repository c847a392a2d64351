// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's exception table and its fixups (asm/extable.h).
 *
 * __ex_table (linker.ld) holds every _ASM_EXTABLE*() entry of the image in
 * link order; sort_main_extable() sorts it once at boot, in trap_init(),
 * while .rodata is still writable, and search_exception_tables() then finds
 * an instruction's entry by binary search (lib/extable.c). There is one
 * table: no modules.
 *
 * fixup_exception() is called by the exception handlers (traps.c, fault.c)
 * for kernel-mode exceptions they cannot otherwise handle, before the oops:
 * an entry for the faulting ip turns the exception into a jump to the
 * fixup. The table is read-only after boot and needs no lock.
 */
#include <linux/bug.h>
#include <linux/printk.h>
#include <asm/extable.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

void sort_main_extable(void)
{
	sort_extable(__start___ex_table, __stop___ex_table);
}

const struct exception_table_entry *search_exception_tables(unsigned long ip)
{
	return search_extable(__start___ex_table, __stop___ex_table - __start___ex_table, ip);
}

/* A user access faulted: a #GP there means a non-canonical user pointer. */
static int ex_handler_uaccess(const struct exception_table_entry *e, struct pt_regs *regs,
			      int trapnr)
{
	WARN_ONCE(trapnr == X86_TRAP_GP, "General protection fault in user access. "
		  "Non-canonical address?\n");
	regs->ip = ex_fixup_addr(e);
	return 1;
}

int fixup_exception(struct pt_regs *regs, int trapnr, unsigned long error_code,
		    unsigned long fault_addr)
{
	const struct exception_table_entry *e = search_exception_tables(regs->ip);

	if (!e)
		return 0;
	switch (e->data) {
	case EX_TYPE_DEFAULT:
		regs->ip = ex_fixup_addr(e);
		return 1;
	case EX_TYPE_UACCESS:
		return ex_handler_uaccess(e, regs, trapnr);
	}
	BUG();	/* an entry of a type this kernel does not know: a build bug */
}
