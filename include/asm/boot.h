/* SPDX-License-Identifier: GPL-2.0 */
/* Constants shared by the loader (boot/head.S) and C. */
#ifndef _ASM_BOOT_H
#define _ASM_BOOT_H

#define MULTIBOOT2_BOOTLOADER_MAGIC	0x36d76289
#define BOOT_CS			0x08
#define BOOT_DS			0x10
#define BOOT_STACK_SIZE		16384

#endif /* _ASM_BOOT_H */
