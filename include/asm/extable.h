/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The exception table: where a faulting kernel instruction may resume.
 *
 * Code that may fault on purpose (the user accesses of asm/uaccess.h) marks
 * the instruction with _ASM_EXTABLE*() (asm/asm.h). The linker gathers the
 * entries into __ex_table, between __start___ex_table and __stop___ex_table
 * (linker.ld); trap_init() sorts them by instruction address before the
 * image becomes read-only, and the fault paths look the faulting ip up by
 * binary search. An exception in kernel mode whose ip has an entry resumes
 * at the entry's fixup instead of oopsing.
 *
 * An entry, Linux's layout: two 32-bit offsets, each from its own field,
 * and the fixup type (asm/extable_fixup_types.h):
 *
 *   &e->insn + e->insn    = the instruction that may fault
 *   &e->fixup + e->fixup  = where to resume
 *
 * Sorting moves entries, so the swap rewrites both offsets (lib/extable.c).
 */
#ifndef _ASM_EXTABLE_H
#define _ASM_EXTABLE_H

#include <linux/types.h>
#include <asm/extable_fixup_types.h>

struct pt_regs;

struct exception_table_entry {
	int insn, fixup, data;
};

static inline unsigned long ex_to_insn(const struct exception_table_entry *e)
{
	return (unsigned long)&e->insn + e->insn;
}

static inline unsigned long ex_fixup_addr(const struct exception_table_entry *e)
{
	return (unsigned long)&e->fixup + e->fixup;
}

extern struct exception_table_entry __start___ex_table[], __stop___ex_table[];

/**
 * sort_extable - sort exception-table entries by instruction address
 * @start: the first entry
 * @finish: one past the last
 *
 * Context: boot, before the table becomes read-only (lib/extable.c).
 */
void sort_extable(struct exception_table_entry *start, struct exception_table_entry *finish);

/**
 * search_extable - binary search of a sorted exception table
 * @base: the first entry
 * @num: the number of entries
 * @value: an instruction address
 *
 * Return: the entry for @value, or NULL. Context: any.
 */
const struct exception_table_entry *
search_extable(const struct exception_table_entry *base, size_t num, unsigned long value);

/*
 * sort_main_extable - sort the kernel's table (trap_init()). Context: boot,
 * before init_mem_mapping() maps .rodata read-only.
 */
void sort_main_extable(void);

/**
 * search_exception_tables - the kernel's exception-table entry for @ip
 * @ip: the address of a kernel instruction
 *
 * Return: the entry, or NULL when @ip may not fault. Context: any.
 */
const struct exception_table_entry *search_exception_tables(unsigned long ip);

/**
 * fixup_exception - resume a kernel-mode exception at its fixup
 * @regs: the exception frame
 * @trapnr: the vector (X86_TRAP_*)
 * @error_code: the error code the CPU pushed (0 for vectors without one)
 * @fault_addr: CR2 for a page fault, else 0
 *
 * When @regs->ip has an exception-table entry, point @regs->ip at its fixup
 * (and do what the entry's type asks) so that the return from the
 * exception resumes there.
 *
 * Return: 1 if fixed up, 0 when there is no entry. Context: exception.
 */
int fixup_exception(struct pt_regs *regs, int trapnr, unsigned long error_code,
		    unsigned long fault_addr);

#endif /* _ASM_EXTABLE_H */
