/* SPDX-License-Identifier: GPL-2.0 */
/*
 * reboot(2) and the kernel's ways out (kernel/reboot.c): Linux's magic
 * numbers and commands (its uapi linux/reboot.h) and kernel_restart(),
 * kernel_halt(), kernel_power_off().
 */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

#include <linux/compiler.h>

/* reboot(2)'s first two arguments: MAGIC1, then any one of the MAGIC2s. */
#define LINUX_REBOOT_MAGIC1	0xfee1dead
#define LINUX_REBOOT_MAGIC2	672274793
#define LINUX_REBOOT_MAGIC2A	85072278
#define LINUX_REBOOT_MAGIC2B	369367448
#define LINUX_REBOOT_MAGIC2C	537993216

/* Its third: the command. */
#define LINUX_REBOOT_CMD_RESTART	0x01234567
#define LINUX_REBOOT_CMD_HALT		0xCDEF0123
#define LINUX_REBOOT_CMD_CAD_ON		0x89ABCDEF
#define LINUX_REBOOT_CMD_CAD_OFF	0x00000000
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321FEDC
#define LINUX_REBOOT_CMD_RESTART2	0xA1B2C3D4
#define LINUX_REBOOT_CMD_SW_SUSPEND	0xD000FCE2
#define LINUX_REBOOT_CMD_KEXEC		0x45584543

/**
 * kernel_restart - reset the machine
 * @cmd: the command string of LINUX_REBOOT_CMD_RESTART2, logged, or NULL
 *
 * Context: process context; never returns.
 */
void __noreturn kernel_restart(const char *cmd);

/**
 * kernel_halt - stop the machine ("System halted.")
 *
 * In a test boot that went on to user space, leaves QEMU with the suites'
 * verdict first (ktest_power_off()). Context: process context; never
 * returns.
 */
void __noreturn kernel_halt(void);

/**
 * kernel_power_off - switch the machine off ("Power down")
 *
 * As kernel_halt(), through ACPI's soft-off (machine_power_off()).
 */
void __noreturn kernel_power_off(void);

#endif /* _LINUX_REBOOT_H */
