/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Exception and interrupt entry. Each of the 256 vectors has a stub that
 * pushes a zero error code when the CPU does not push one, then the vector
 * number, and
 * jumps to exception_common, which saves the general registers as a
 * struct pt_regs (include/asm/ptrace.h) and calls do_exception(regs).
 *
 * exception_common also pushes a frame {interrupted rbp, interrupted rip}
 * and points rbp at it, so the frame-pointer unwinder walks from the
 * handler straight into the code that faulted and on to its callers.
 *
 * Stack alignment: the CPU aligns rsp to 16 bytes before pushing its five
 * words; with error code, vector, 15 registers and the two-word frame the
 * total is 24 words, so rsp is 16-byte aligned at the call as the ABI wants.
 */
#define PT_BP	32
#define PT_IP	136

	.altmacro
	.macro irqentry_addr vec
	.quad exc_entry_\vec
	.endm

	.text
	.macro idtentry vec, has_error_code
	.p2align 4
exc_entry_\vec:
	.if \has_error_code == 0
	pushq	$0
	.endif
	pushq	$\vec
	jmp	exception_common
	.endm

	/* The vectors whose exceptions push an error code (SDM 3A, 6.13). */
	.irp vec, 0,1,2,3,4,5,6,7,9,15,16,18,19,20,22,23,24,25,26,27,28,31
	idtentry \vec, 0
	.endr
	.irp vec, 8,10,11,12,13,14,17,21,29,30
	idtentry \vec, 1
	.endr

	/*
	 * External interrupts (vectors 32-255): the same frame, error code 0;
	 * do_exception() hands them to do_irq().
	 */
	.set vec, 32
	.rept 224
	idtentry %vec, 0
	.set vec, vec + 1
	.endr

	.p2align 4
exception_common:
	pushq	%rdi
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	%rax
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, %rdi
	pushq	PT_IP(%rdi)
	pushq	PT_BP(%rdi)
	movq	%rsp, %rbp
	cld
	call	do_exception
	addq	$16, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rax
	popq	%rcx
	popq	%rdx
	popq	%rsi
	popq	%rdi
	addq	$16, %rsp		/* vector and error code */
	iretq

	.section .rodata
	.balign 8
	.globl exception_entries
exception_entries:
	.irp vec, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	.quad exc_entry_\vec
	.endr
	.globl irq_entries
irq_entries:
	.set vec, 32
	.rept 224
	irqentry_addr %vec
	.set vec, vec + 1
	.endr
