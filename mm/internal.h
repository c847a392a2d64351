/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the files of mm/ share that the rest of the kernel must not call
 * (STYLE.md rule 17).
 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/types.h>

/* TSC cycles memmap_init() took (the memmap_init_per_GiB benchmark). */
extern u64 memmap_init_cycles;

/* mm/sparse.c: mark sections with RAM present and map their struct pages. */
void sparse_init(void);

unsigned long memblock_free_all(void);
void mem_init_print_info(void);

#endif /* _MM_INTERNAL_H */
