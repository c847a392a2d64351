/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Symbol lookup for stack traces (kernel/kallsyms.c). The table holds every
 * text symbol, sorted by address; it is generated from the first link of the
 * kernel by tools/kallsyms.py and linked into the second (see the Makefile).
 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

#define KSYM_NAME_LEN	128

/**
 * kallsyms_lookup - find the function containing an address
 * @addr: a text address
 * @size: if not NULL, receives the symbol's size
 * @offset: if not NULL, receives @addr minus the symbol's start
 *
 * Returns the symbol's name, or NULL when @addr is not in the kernel's text.
 * Context: any; takes no lock.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset);

/* The address of a text symbol by name, or 0. */
unsigned long kallsyms_lookup_name(const char *name);

/*
 * sprint_symbol - "name+0xoff/0xsize" (with @with_offset) or "name"; a bare
 * hex address when the lookup fails. Returns the length written.
 */
int sprint_symbol(char *buf, size_t size, unsigned long addr, bool with_offset);

#endif /* _LINUX_KALLSYMS_H */
