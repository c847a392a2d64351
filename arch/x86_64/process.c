// SPDX-License-Identifier: GPL-2.0
/*
 * A task's CPU state (Linux's process_64.c): its first frame, the state
 * a context switch moves, the way into user mode, arch_prctl().
 *
 * The top of every task's stack is its pt_regs, the user registers an
 * entry from ring 3 saves (entry_64.S); below it, for a task that never
 * ran, copy_thread() leaves the frame __switch_to_asm (switch_to.S) pops:
 * six callee-saved registers and a return into ret_from_fork, with the
 * function in rbx and its argument in r12:
 *
 *   stack + THREAD_SIZE ->
 *                           struct pt_regs     (task_pt_regs())
 *                           ret_from_fork      (the return address)
 *                           rbp = 0
 *                           rbx = fn
 *                           r12 = fn_arg
 *                           r13, r14, r15 = 0
 *   p->thread.sp        ->
 *
 * A kernel thread becomes a user task (begin_user_task(), then
 * start_thread(), then returning from its function) the way Linux's
 * kernel_execve() makes init one: ret_from_fork leaves through pt_regs.
 *
 * arch_switch_to() runs in every context switch, interrupts off, before
 * the stacks change: the CPU's ring-0 stack becomes the next task's, and
 * a user task's FS and GS bases and FPU registers are saved when it is
 * switched out and loaded when it is switched in (eagerly: asm/fpu.h).
 * Between two user tasks a kernel thread leaves them alone: it uses
 * neither (the kernel is built -mgeneral-regs-only, and its per-CPU base
 * is the live GS while the user's waits in MSR_KERNEL_GS_BASE).
 */
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/preempt.h>
#include <linux/syscalls.h>
#include <linux/mm_types.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/irqflags.h>
#include <asm/mmu_context.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/uaccess.h>

#define ARCH_SET_GS	0x1001
#define ARCH_SET_FS	0x1002
#define ARCH_GET_FS	0x1003
#define ARCH_GET_GS	0x1004

void ret_from_fork(void);

void copy_thread(struct task_struct *p, const struct kernel_clone_args *args)
{
	unsigned long *sp = (unsigned long *)task_pt_regs(p);

	*--sp = (unsigned long)ret_from_fork;
	*--sp = 0;				/* rbp */
	*--sp = (unsigned long)args->fn;	/* rbx */
	*--sp = (unsigned long)args->fn_arg;	/* r12 */
	*--sp = 0;				/* r13 */
	*--sp = 0;				/* r14 */
	*--sp = 0;				/* r15 */
	p->thread.sp = (unsigned long)sp;
}

void ret_from_fork_fn_returned(int ret);
void ret_from_fork_fn_returned(int ret)
{
	if (!current->mm)
		do_exit(ret);
}

void start_thread(struct pt_regs *regs, unsigned long new_ip, unsigned long new_sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->ip = new_ip;
	regs->sp = new_sp;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
	regs->vector = SYSCALL_VECTOR_NONE;
}

int begin_user_task(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct fpu *fpu = fpu_alloc();
	unsigned long flags;

	if (WARN_ON_ONCE(tsk->mm) || !fpu) {
		fpu_free(fpu);
		return tsk->mm ? -EINVAL : -ENOMEM;
	}
	task_lock(tsk);
	local_irq_save(flags);
	switch_mm_irqs_off(tsk->active_mm, mm, tsk);
	tsk->mm = tsk->active_mm = mm;
	tsk->thread.fsbase = tsk->thread.gsbase = 0;
	wrmsr(MSR_FS_BASE, 0);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	tsk->thread.fpu = fpu;
	fpu_restore(fpu);
	local_irq_restore(flags);
	task_unlock(tsk);
	return 0;
}

void exit_user_task(void)
{
	struct task_struct *tsk = current;
	unsigned long flags;

	task_lock(tsk);
	local_irq_save(flags);
	switch_mm_irqs_off(tsk->active_mm, &init_mm, tsk);
	tsk->mm = NULL;
	tsk->active_mm = &init_mm;
	local_irq_restore(flags);
	task_unlock(tsk);
}

void arch_switch_to(struct task_struct *prev, struct task_struct *next)
{
	load_sp0((unsigned long)(task_pt_regs(next) + 1));
	if (prev->mm) {
		prev->thread.fsbase = rdmsr(MSR_FS_BASE);
		prev->thread.gsbase = rdmsr(MSR_KERNEL_GS_BASE);
		fpu_save(prev->thread.fpu);
	}
	if (next->mm) {
		wrmsr(MSR_FS_BASE, next->thread.fsbase);
		wrmsr(MSR_KERNEL_GS_BASE, next->thread.gsbase);
		fpu_restore(next->thread.fpu);
	}
}

/*
 * A base is a user address: the kernel's entries trust a user GS base to
 * be non-negative (entry_64.S), and a kernel FS base would only fault.
 */
static long do_arch_prctl_set(int option, unsigned long addr)
{
	if (addr >= TASK_SIZE_MAX)
		return -EPERM;
	preempt_disable();
	if (option == ARCH_SET_FS) {
		current->thread.fsbase = addr;
		wrmsr(MSR_FS_BASE, addr);
	} else {
		current->thread.gsbase = addr;
		wrmsr(MSR_KERNEL_GS_BASE, addr);
	}
	preempt_enable();
	return 0;
}

SYSCALL_DEFINE2(arch_prctl, int, option, unsigned long, arg2)
{
	unsigned long base;

	switch (option) {
	case ARCH_SET_FS:
	case ARCH_SET_GS:
		return do_arch_prctl_set(option, arg2);
	case ARCH_GET_FS:
	case ARCH_GET_GS:
		preempt_disable();
		base = rdmsr(option == ARCH_GET_FS ? MSR_FS_BASE : MSR_KERNEL_GS_BASE);
		preempt_enable();
		return put_user(base, (unsigned long __user *)arg2);
	default:
		return -EINVAL;
	}
}
