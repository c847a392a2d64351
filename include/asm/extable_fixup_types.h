/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How a fault on an exception-table entry is fixed up (the entry's data
 * field; Linux's numbering). Kept apart from asm/extable.h so that .S files
 * can include it.
 *
 *   EX_TYPE_DEFAULT   resume at the fixup address
 *   EX_TYPE_UACCESS   the same, for accesses to user memory; a general
 *                     protection fault there (a non-canonical user
 *                     pointer) warns once, as Linux does
 */
#ifndef _ASM_EXTABLE_FIXUP_TYPES_H
#define _ASM_EXTABLE_FIXUP_TYPES_H

#define EX_TYPE_NONE		0
#define EX_TYPE_DEFAULT		1
#define EX_TYPE_UACCESS		3

#endif /* _ASM_EXTABLE_FIXUP_TYPES_H */
