/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The system-call table and entry (arch/x86_64/syscall_64.c,
 * arch/x86_64/entry_64.S).
 *
 * Linux's x86-64 convention: the number in rax, arguments in rdi, rsi,
 * rdx, r10, r8 and r9 (r10, not rcx: SYSCALL keeps the return address
 * there), the result in rax, an error as -errno (-4095..-1). Each
 * implemented call NAME is __x64_sys_NAME(regs) (SYSCALL_DEFINEn in
 * linux/syscalls.h unpacks the registers); sys_call_table[__NR_NAME] is
 * it, or NULL when none exists yet (answered -ENOSYS, see syscall_64.c).
 */
#ifndef _ASM_SYSCALL_H
#define _ASM_SYSCALL_H

#include <linux/types.h>
#include <asm/ptrace.h>
#include <asm/unistd_64.h>

typedef long (*sys_call_ptr_t)(const struct pt_regs *regs);

/* Indexed by number; NULL: not implemented. Read-only. */
extern const sys_call_ptr_t sys_call_table[NR_syscalls];

/* Argument @i (0-5) of the system call @regs holds. */
static __always_inline unsigned long syscall_arg(const struct pt_regs *regs, unsigned int i)
{
	switch (i) {
	case 0: return regs->di;
	case 1: return regs->si;
	case 2: return regs->dx;
	case 3: return regs->r10;
	case 4: return regs->r8;
	default: return regs->r9;
	}
}

/* The number of the system call @regs holds (its entry's rax). */
static inline int syscall_get_nr(const struct pt_regs *regs)
{
	return (int)regs->orig_ax;
}

/**
 * do_syscall_64 - run system call @nr for the frame entry_SYSCALL_64 built
 * @regs: the caller's registers, at the top of its kernel stack
 * @nr: the number (rax, sign-extended from 32 bits as Linux does)
 *
 * Puts the result in @regs->ax, then does the work before a return to
 * user mode (syscall_exit_to_user_mode()).
 * Return: true when SYSRET can return (it would restore @regs exactly),
 * false for IRETQ. Context: entry, interrupts off; on when calling the
 * handler; off again on return.
 */
bool do_syscall_64(struct pt_regs *regs, int nr);

/*
 * syscall_exit_to_user_mode - what must happen before any return to ring
 * 3 (a system call's, an exception's, an interrupt's, ret_from_fork's):
 * with interrupts off, run the scheduler while it asks to and deliver
 * pending signals, restarting an interrupted call or building a handler's
 * frame in @regs (arch/x86_64/signal.c); a fatal signal ends the task
 * here. Context: entry code, the current task's user frame @regs;
 * returns with interrupts off.
 */
void syscall_exit_to_user_mode(struct pt_regs *regs);

/*
 * syscall_init - this CPU's SYSCALL MSRs: EFER.SCE, STAR (kernel and
 * user selectors), LSTAR (entry_SYSCALL_64), CSTAR, SYSCALL_MASK (TF, DF,
 * IF, IOPL, AC, NT cleared on entry, Linux's), and MSR_KERNEL_GS_BASE 0.
 * Context: boot of each CPU.
 */
void syscall_init(void);

#endif /* _ASM_SYSCALL_H */
