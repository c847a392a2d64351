/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The initial RAM file system (init/initramfs.c): the boot loader's module,
 * a cpio archive (plain, compressed, or a concatenation of both), unpacked
 * into the root tmpfs before init runs, then its memory freed.
 */
#ifndef _LINUX_INITRD_H
#define _LINUX_INITRD_H

#include <linux/types.h>

/*
 * Where the loader put the archive: the multiboot2 module whose command
 * line is "initrd", or the first module (arch/x86_64/setup.c). Size 0: no
 * initrd. Kept after the memory is freed (the tests look at the range).
 */
extern phys_addr_t phys_initrd_start;
extern unsigned long phys_initrd_size;

/* The same bytes in the direct map; both 0 once the memory is freed. */
extern unsigned long initrd_start, initrd_end;

/**
 * unpack_to_rootfs - unpack a cpio archive (or several) into the file system
 * @buf: the archive: newc or crc cpio, compressed parts, zero padding between
 * @len: its length in bytes
 *
 * Creates each entry relative to the caller's root and working directory
 * through the init_* calls; stops at the first error and keeps what was
 * unpacked before it (an incomplete file is removed).
 *
 * Return: NULL, or what was wrong and at which byte offset, e.g.
 * "bad data checksum at offset 1024" (a static buffer, valid until the
 * next call). Context: process, may sleep; not reentrant (boot and tests,
 * one caller at a time).
 */
char *unpack_to_rootfs(char *buf, unsigned long len);

/**
 * populate_rootfs - unpack the initrd into the root file system, then free it
 *
 * Reports a failure as "Initramfs unpacking failed: ..." and goes on with
 * what was unpacked. Context: init (pid 1), once, after the root tmpfs is
 * mounted.
 */
void populate_rootfs(void);

/* Give [@start, @end) (direct-map addresses) back to the page allocator. */
void free_initrd_mem(unsigned long start, unsigned long end);

#endif /* _LINUX_INITRD_H */
