/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Context switch (kernel/sched/core.c).
 *
 * __switch_to_asm(prev, next) saves the callee-saved registers on prev's
 * stack, stores the stack pointer in prev->thread.sp (the first field of
 * task_struct), loads next's, restores its registers and returns into
 * next: where next once called __switch_to_asm, or, for a new task, into
 * ret_from_fork (entry_64.S; copy_thread() in process.c builds that frame). It returns the task
 * switched away from, which the resumed side must finish
 * (finish_task_switch()): rdi still holds it, whoever called.
 */
	.text
	.globl __switch_to_asm
__switch_to_asm:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, (%rdi)
	movq	(%rsi), %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	movq	%rdi, %rax
	ret
