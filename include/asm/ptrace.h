/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct pt_regs: the registers an entry from user mode or an exception
 * saves (arch/x86_64/entry_64.S pushes them in this order, last member
 * first). Linux's field names and order, r15 ... di, orig_ax, ip ... ss,
 * with one word more: the vector, between di and orig_ax (Linux's entry
 * calls each vector's handler directly and needs none; here every stub
 * goes through one common path, which reads it from the frame).
 *
 * orig_ax is the error code of an exception (also under its old name,
 * error_code) and the system-call number of a system call, whose vector
 * is SYSCALL_VECTOR_NONE. A task entered from user mode has its frame at
 * the top of its kernel stack: task_pt_regs() (asm/processor.h).
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

/* The vector word of a system call's frame: no exception vector. */
#define SYSCALL_VECTOR_NONE	(-1UL)

#ifndef __ASSEMBLER__
struct pt_regs {
	unsigned long r15, r14, r13, r12, bp, bx;
	unsigned long r11, r10, r9, r8, ax, cx, dx, si, di;
	unsigned long vector;
	union {
		unsigned long orig_ax;		/* system call number */
		unsigned long error_code;	/* exception's error code */
	};
	/* pushed by the CPU (by entry_SYSCALL_64 for a system call) */
	unsigned long ip, cs, flags, sp, ss;
};

/* Was the CPU in ring 3 when it saved @regs? */
static inline int user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}
#endif

/* Byte offsets of the fields entry_64.S reads, and the frame's size. */
#define PT_BP		32
#define PT_CX		88
#define PT_VECTOR	120
#define PT_ORIG_AX	128
#define PT_IP		136
#define PT_CS		144
#define PT_FLAGS	152
#define PT_SP		160
#define SIZEOF_PTREGS	176

#endif /* _ASM_PTRACE_H */
