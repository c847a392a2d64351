/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How deep kmap_local_page() / kmap_atomic() mappings may nest on one CPU
 * (Linux's asm-generic/kmap_size.h): each CPU owns KM_MAX_IDX fixmap slots
 * (asm/fixmap.h), and a task keeps the same number of saved entries in its
 * task_struct so that its mappings survive a context switch (mm/highmem.c).
 */
#ifndef _ASM_KMAP_SIZE_H
#define _ASM_KMAP_SIZE_H

#define KM_MAX_IDX	16

#endif /* _ASM_KMAP_SIZE_H */
