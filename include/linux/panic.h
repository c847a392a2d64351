/* SPDX-License-Identifier: GPL-2.0 */
/*
 * panic() (kernel/panic.c): print "Kernel panic - not syncing: REASON" and
 * the stack, then stop the machine: halt, or with panic=N (N != 0) reboot,
 * which under QEMU's -no-reboot ends the run.
 */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H

#include <linux/compiler.h>

void __noreturn panic(const char *fmt, ...) __printf(1, 2);

#endif /* _LINUX_PANIC_H */
