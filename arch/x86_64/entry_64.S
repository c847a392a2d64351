/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Entry into the kernel and the ways back: exceptions and interrupts (all
 * 256 vectors), the SYSCALL instruction, and a new task's first return.
 *
 * Exceptions and interrupts. Each vector's stub pushes a zero error code
 * when the CPU pushes none, then the vector number, and jumps to
 * exception_common (NMI, #DF and #MC: paranoid_common), which saves the
 * general registers as a struct pt_regs (include/asm/ptrace.h) and calls
 * do_exception(regs). Both also push a frame {interrupted rbp, interrupted
 * rip} and point rbp at it, so the frame-pointer unwinder walks from the
 * handler straight into the code that faulted and on to its callers (it
 * stops at a user rbp: not on a kernel stack). An entry from ring 3 lands
 * on the TSS's rsp0, the top of the task's stack, so its pt_regs is
 * task_pt_regs(current).
 *
 * %gs. Kernel code reaches per-CPU data through GS base (linux/percpu.h);
 * user mode has its own GS base, kept in MSR_KERNEL_GS_BASE while the
 * kernel runs. Every entry from ring 3 does SWAPGS before touching per-CPU
 * data, and every return to ring 3 does it last:
 *  - exception_common decides by the saved CS (from ring 3 or not);
 *  - NMI, #DF and #MC run on IST stacks and may arrive anywhere, also in
 *    the instructions of entry_SYSCALL_64 before its SWAPGS, or of a return
 *    after it, where CS is the kernel's but GS the user's. paranoid_common
 *    decides by MSR_KERNEL_GS_BASE: it holds the kernel's base exactly when
 *    the user's is live, and the kernel's base (a per-CPU offset) is
 *    negative, since the areas lie below the image whose per-CPU section
 *    is the template (syscall_init() checks), while a user's is a user
 *    address (arch_prctl() checks) or 0. Before the per-CPU areas exist
 *    both are 0 and nothing is swapped.
 *
 * System calls. SYSCALL loads CS and SS from STAR, RIP from LSTAR, saves
 * the user RIP in RCX and RFLAGS in R11, clears the SYSCALL_MASK bits (IF
 * among them) and leaves RSP alone. entry_SYSCALL_64 swaps GS, parks the
 * user RSP in a per-CPU slot, moves to the task's stack top
 * (cpu_current_top_of_stack, kept by load_sp0()) and builds the frame an
 * interrupt from ring 3 would (vector SYSCALL_VECTOR_NONE, orig_ax the
 * number, ax -ENOSYS), then calls do_syscall_64(regs, nr). That returns
 * true when SYSRET can restore the frame exactly (RCX == RIP, R11 ==
 * RFLAGS, a canonical RIP, no TF or RF: arch/x86_64/syscall_64.c); SYSRET
 * then takes RIP from RCX and RFLAGS from R11; otherwise IRETQ.
 *
 * Stack alignment: an entry from ring 3, SYSCALL included, starts at a
 * 16-byte aligned top and pt_regs is 22 words, so the call is aligned; an
 * exception in ring 0 starts where the CPU aligned rsp, and its 22 words
 * plus the two-word frame keep that.
 */
#include <linux/errno.h>
#include <asm/desc.h>
#include <asm/processor.h>
#include <asm/ptrace.h>

	.macro irqentry_addr vec
	.quad exc_entry_\vec
	.endm

	/* rdi ... r15 into pt_regs, below the vector and error code. */
	.macro PUSH_REGS rax=%rax
	pushq	%rdi
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	\rax
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
	.endm

	.macro POP_REGS
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
	.endm

	.text
	.macro idtentry vec, has_error_code, common=exception_common
	.p2align 4
exc_entry_\vec:
	.if \has_error_code == 0
	pushq	$0
	.endif
	pushq	$\vec
	jmp	\common
	.endm

	/*
	 * Without an error code, then with one (SDM 3A, 6.13); NMI (2), #DF
	 * (8) and #MC (18) go through paranoid_common.
	 */
	.irp vec, 0,1,3,4,5,6,7,9,15,16,19,20,22,23,24,25,26,27,28,31
	idtentry \vec, 0
	.endr
	.irp vec, 10,11,12,13,14,17,21,29,30
	idtentry \vec, 1
	.endr
	idtentry 2, 0, paranoid_common
	idtentry 8, 1, paranoid_common
	idtentry 18, 0, paranoid_common

	/*
	 * External interrupts (vectors 32-255): the same frame, error code 0;
	 * do_exception() hands them to do_irq().
	 */
	.altmacro
	.set vec, 32
	.rept 224
	idtentry %vec, 0
	.set vec, vec + 1
	.endr
	.noaltmacro

	/* Call do_exception(regs) under the unwinder's frame; rsp = regs. */
	.macro CALL_DO_EXCEPTION
	movq	%rsp, %rdi
	pushq	PT_IP(%rdi)
	pushq	PT_BP(%rdi)
	movq	%rsp, %rbp
	cld
	call	do_exception
	addq	$16, %rsp
	.endm

	/* CS is at 24(%rsp) before the registers are pushed: vector, error, ip. */
	.p2align 4
exception_common:
	testb	$3, 24(%rsp)
	jz	1f
	swapgs
1:	PUSH_REGS
	CALL_DO_EXCEPTION
	testb	$3, PT_CS(%rsp)
	jnz	swapgs_restore_regs_and_return_to_usermode
	POP_REGS
	addq	$16, %rsp		/* vector and error code */
	iretq

	/* ebx: 1 if this entry swapped GS (and the exit must swap back). */
	.p2align 4
paranoid_common:
	PUSH_REGS
	xorl	%ebx, %ebx
	movl	$MSR_KERNEL_GS_BASE, %ecx
	rdmsr
	testl	%edx, %edx
	jns	1f
	swapgs
	incl	%ebx
1:	CALL_DO_EXCEPTION
	testl	%ebx, %ebx
	jz	2f
	swapgs
2:	POP_REGS
	addq	$16, %rsp
	iretq

	/* Back to ring 3 through IRETQ: rsp = the task's pt_regs. */
	.globl swapgs_restore_regs_and_return_to_usermode
swapgs_restore_regs_and_return_to_usermode:
	POP_REGS
	addq	$16, %rsp		/* vector and orig_ax */
	swapgs
	iretq

/*
 * The SYSCALL target (MSR_LSTAR). Interrupts are off (SYSCALL_MASK) until
 * do_syscall_64() turns them on, so nothing can run between the SWAPGS
 * and the stack switch but NMI, #DF and #MC, which bring their own stacks.
 */
	.p2align 4
	.globl entry_SYSCALL_64
entry_SYSCALL_64:
	swapgs
	movq	%rsp, %gs:cpu_syscall_user_sp
	movq	%gs:cpu_current_top_of_stack, %rsp
	pushq	$__USER_DS			/* ss */
	pushq	%gs:cpu_syscall_user_sp		/* sp */
	pushq	%r11				/* flags */
	pushq	$__USER_CS			/* cs */
	pushq	%rcx				/* ip */
	pushq	%rax				/* orig_ax */
	pushq	$SYSCALL_VECTOR_NONE		/* vector */
	PUSH_REGS rax=$-ENOSYS
	xorl	%ebp, %ebp			/* the unwinder stops here */
	movq	%rsp, %rdi
	movslq	%eax, %rsi
	call	do_syscall_64
	testb	%al, %al
	jz	swapgs_restore_regs_and_return_to_usermode
	/* do_syscall_64() checked rcx == ip and r11 == flags in the frame. */
	POP_REGS
	movq	PT_SP - PT_VECTOR(%rsp), %rsp
	swapgs
	sysretq

/*
 * A 32-bit SYSCALL (MSR_CSTAR): there is no compatibility mode entry;
 * answer -ENOSYS at once, as Linux does without IA32 emulation.
 */
	.p2align 4
	.globl entry_SYSCALL_compat
entry_SYSCALL_compat:
	movl	$-ENOSYS, %eax
	sysretl

/*
 * A new task's first code: __switch_to_asm returns here on the frame
 * copy_thread() built, just below the task's pt_regs. Finish the switch
 * (rdi = the previous task), then run fn(fn_arg) (fn in rbx, fn_arg in
 * r12). ret_from_fork_fn_returned() ends a kernel thread with fn's return
 * as its exit code; a thread that became a user task (it has an mm and
 * start_thread() set its registers: Linux's kernel_execve()) comes back
 * and leaves for ring 3 through its pt_regs. A forked user child has no
 * fn (rbx 0) and leaves at once, through the registers copied from its
 * parent (IRETQ: they were a SYSCALL's frame, so ring 3 sees SYSRET's
 * rcx and r11).
 */
	.globl ret_from_fork
ret_from_fork:
	xorl	%ebp, %ebp
	call	schedule_tail
	testq	%rbx, %rbx
	jz	1f
	movq	%r12, %rdi
	call	*%rbx
	movl	%eax, %edi
	call	ret_from_fork_fn_returned
1:	movq	%rsp, %rdi
	call	syscall_exit_to_user_mode
	jmp	swapgs_restore_regs_and_return_to_usermode

	.section .rodata
	.balign 8
	.globl exception_entries
exception_entries:
	.irp vec, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	.quad exc_entry_\vec
	.endr
	.globl irq_entries
irq_entries:
	.altmacro
	.set vec, 32
	.rept 224
	irqentry_addr %vec
	.set vec, vec + 1
	.endr
	.noaltmacro
