/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Assembler helpers for C inline assembly: the entries of the exception
 * table (Linux's _ASM_EXTABLE family).
 *
 * _ASM_EXTABLE_TYPE(from, to, type) records, in the __ex_table section, that
 * a fault on the instruction at label @from resumes at label @to, handled as
 * @type (asm/extable.h). The two addresses are stored as 32-bit offsets from
 * the entry's own fields, so an entry is 12 bytes and needs no relocation;
 * the table is sorted at boot (arch/x86_64/extable.c).
 *
 *   _ASM_EXTABLE(from, to)     resume at @to, whatever the exception
 *   _ASM_EXTABLE_UA(from, to)  an access to user memory (uaccess.h): resume
 *                              at @to after a page fault or a general
 *                              protection fault (a non-canonical address)
 */
#ifndef _ASM_ASM_H
#define _ASM_ASM_H

#include <linux/compiler.h>
#include <asm/extable_fixup_types.h>

#define _ASM_EXTABLE_TYPE(from, to, type)			\
	" .pushsection \"__ex_table\",\"a\"\n"			\
	" .balign 4\n"						\
	" .long (" #from ") - .\n"				\
	" .long (" #to ") - .\n"				\
	" .long " __stringify(type) "\n"			\
	" .popsection\n"

#define _ASM_EXTABLE(from, to)		_ASM_EXTABLE_TYPE(from, to, EX_TYPE_DEFAULT)
#define _ASM_EXTABLE_UA(from, to)	_ASM_EXTABLE_TYPE(from, to, EX_TYPE_UACCESS)

#endif /* _ASM_ASM_H */
