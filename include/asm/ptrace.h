/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct pt_regs: the registers an exception entry saves (arch/x86_64/entry.S
 * pushes them in this order, last member first). Linux's field names; the
 * vector is kept beside the error code (Linux's orig_ax).
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

struct pt_regs {
	unsigned long r15, r14, r13, r12, bp, bx;
	unsigned long r11, r10, r9, r8, ax, cx, dx, si, di;
	unsigned long vector;
	unsigned long error_code;
	/* pushed by the CPU */
	unsigned long ip, cs, flags, sp, ss;
};

#endif /* _ASM_PTRACE_H */
