/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fill bytes for memory that must not be used any more, Linux's values
 * (include/linux/poison.h): a stray read shows the pattern in a dump.
 */
#ifndef _LINUX_POISON_H
#define _LINUX_POISON_H

/* Freed boot memory: the initrd, and later the kernel's init sections. */
#define POISON_FREE_INITMEM	0xcc

#endif /* _LINUX_POISON_H */
