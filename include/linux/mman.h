/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmap()'s protection and flag bits, Linux x86-64's values (its uapi
 * asm-generic/mman-common.h). The system calls come with user mode; the
 * address-space code (mm/mmap.c) already takes MAP_FIXED.
 */
#ifndef _LINUX_MMAN_H
#define _LINUX_MMAN_H

#define PROT_NONE		0x0
#define PROT_READ		0x1
#define PROT_WRITE		0x2
#define PROT_EXEC		0x4

#define MAP_SHARED		0x01
#define MAP_PRIVATE		0x02
#define MAP_FIXED		0x10	/* exactly at addr */
#define MAP_ANONYMOUS		0x20
#define MAP_GROWSDOWN		0x0100
#define MAP_FIXED_NOREPLACE	0x100000

#endif /* _LINUX_MMAN_H */
