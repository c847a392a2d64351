/* SPDX-License-Identifier: GPL-2.0 */
/* Non-local jumps for the kernel (arch/x86_64/setjmp.S): callee-saved state. */
#ifndef _ASM_SETJMP_H
#define _ASM_SETJMP_H

struct jmp_buf {
	unsigned long rbx, rbp, r12, r13, r14, r15, rsp, rip;
};

/* Returns 0 when called, the value given to longjmp when returned to. */
int kernel_setjmp(struct jmp_buf *env) __attribute__((__returns_twice__));
void kernel_longjmp(struct jmp_buf *env, int val) __attribute__((__noreturn__));

#endif /* _ASM_SETJMP_H */
