/* SPDX-License-Identifier: GPL-2.0 */
/*
 * panic() (kernel/panic.c): print "Kernel panic - not syncing: REASON" and
 * the stack, then stop the machine: halt, or with panic=N (N != 0) reboot,
 * which under QEMU's -no-reboot ends the run.
 */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H

#include <linux/compiler.h>
#include <linux/types.h>

void __noreturn panic(const char *fmt, ...) __printf(1, 2);

/*
 * Taint: what has happened that makes later reports less trustworthy, as
 * Linux's bits and letters. Reports print print_tainted(): "Not tainted",
 * or "Tainted: " and one column a flag ("G    B   W" and so on).
 */
#define TAINT_BAD_PAGE		5	/* 'B': a bad page or corrupt slab object */
#define TAINT_WARN		9	/* 'W': a WARN fired */
#define TAINT_FLAGS_COUNT	18

void add_taint(unsigned int flag);
bool test_taint(unsigned int flag);
const char *print_tainted(void);

#endif /* _LINUX_PANIC_H */
