/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Basic integer types with Linux's names. The compiler's freestanding
 * headers (stddef, stdint, stdbool, stdarg) are the only ones we use, so the
 * same definitions serve the kernel and the host-side test builds.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdarg.h>

typedef int8_t s8;
typedef uint8_t u8;
typedef int16_t s16;
typedef uint16_t u16;
typedef int32_t s32;
typedef uint32_t u32;
/* As in Linux on every architecture: printed with %llu / %llx. */
typedef long long s64;
typedef unsigned long long u64;

typedef unsigned long phys_addr_t;
typedef unsigned long dma_addr_t;
typedef unsigned long resource_size_t;
typedef long ssize_t;
typedef unsigned int gfp_t;
typedef unsigned long pgoff_t;

typedef long off_t;

/* The file layer's (Linux's include/linux/types.h). */
typedef long long loff_t;
typedef unsigned short umode_t;
typedef u32 dev_t;		/* MKDEV(major, minor): include/linux/kdev_t.h */
typedef u32 uid_t;
typedef int pid_t;
typedef u32 gid_t;
typedef u64 ino_t;
typedef unsigned int __poll_t;	/* EPOLL* event mask: include/linux/poll.h */

#endif /* _LINUX_TYPES_H */
