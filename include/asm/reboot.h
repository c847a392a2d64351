/* SPDX-License-Identifier: GPL-2.0 */
/* Leaving the machine (arch/x86_64/reboot.c). */
#ifndef _ASM_REBOOT_H
#define _ASM_REBOOT_H

#include <linux/compiler.h>
#include <linux/types.h>

/* QEMU's isa-debug-exit at port 0xf4: QEMU exits with (code << 1) | 1. */
#define QEMU_EXIT_PASS	0x10	/* exit status 33 */
#define QEMU_EXIT_FAIL	0x11	/* exit status 35 */
void qemu_debug_exit(u8 code);

void __noreturn machine_restart(void);
void __noreturn machine_power_off(void);

#endif /* _ASM_REBOOT_H */
