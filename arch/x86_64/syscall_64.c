// SPDX-License-Identifier: GPL-2.0
/*
 * System calls: the table, the C half of entry_SYSCALL_64 (entry_64.S)
 * and the SYSCALL MSRs. The work before any return to user mode
 * (syscall_exit_to_user_mode(): the scheduler, signals) is
 * arch/x86_64/signal.c's.
 *
 * The table. include/asm/syscalls_64.h lists every call of Linux x86-64
 * by name; each __x64_sys_NAME is declared weak here, so the entry for a
 * call that some file defines (SYSCALL_DEFINEn, linux/syscalls.h) is that
 * function and the entry for one that nobody defines yet is NULL (an
 * undefined weak symbol links as 0). A NULL entry answers -ENOSYS with a
 * rate-limited "sys_NAME (nr N) not implemented" line, so a program that
 * fails shows what it missed; a number outside the table (or negative) is
 * -ENOSYS silently, as on Linux.
 *
 * SYSRET or IRETQ. SYSRET is the fast way back but restores only RIP
 * (from RCX) and RFLAGS (from R11), and faults in ring 0 on a
 * non-canonical RIP on Intel CPUs; do_syscall_64() allows it, as Linux,
 * only when the frame is what SYSRET would produce: RCX == RIP, R11 ==
 * RFLAGS, RIP below TASK_SIZE_MAX, the user selectors, and neither RF nor
 * TF (a single-stepped task must trap after the instruction).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/ratelimit.h>
#include <linux/sched.h>
#include <linux/preempt.h>
#include <linux/percpu.h>
#include <linux/bug.h>
#include <linux/syscalls.h>
#include <asm/desc.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/smap.h>
#include <asm/syscall.h>

/* entry_64.S's offsets into the frame. */
static_assert(offsetof(struct pt_regs, bp) == PT_BP);
static_assert(offsetof(struct pt_regs, cx) == PT_CX);
static_assert(offsetof(struct pt_regs, vector) == PT_VECTOR);
static_assert(offsetof(struct pt_regs, orig_ax) == PT_ORIG_AX);
static_assert(offsetof(struct pt_regs, ip) == PT_IP);
static_assert(offsetof(struct pt_regs, cs) == PT_CS);
static_assert(offsetof(struct pt_regs, flags) == PT_FLAGS);
static_assert(offsetof(struct pt_regs, sp) == PT_SP);
static_assert(sizeof(struct pt_regs) == SIZEOF_PTREGS);

#define __SYSCALL(name) extern long __x64_sys_##name(const struct pt_regs *regs) __weak;
#include <asm/syscalls_64.h>
#undef __SYSCALL

#define __SYSCALL(name) [__NR_##name] = __x64_sys_##name,
const sys_call_ptr_t sys_call_table[NR_syscalls] = {
#include <asm/syscalls_64.h>
};
#undef __SYSCALL

#define __SYSCALL(name) [__NR_##name] = #name,
static const char *const sys_call_names[NR_syscalls] = {
#include <asm/syscalls_64.h>
};
#undef __SYSCALL

/* The user RSP between SYSCALL and the push that saves it (entry_64.S). */
DEFINE_PER_CPU(unsigned long, cpu_syscall_user_sp);

void entry_SYSCALL_64(void);
void entry_SYSCALL_compat(void);

/* A listed call nobody implements yet (Linux's sys_ni_syscall, with a name). */
static long sys_ni_syscall(unsigned int nr)
{
	static DEFINE_RATELIMIT_STATE(rs, DEFAULT_RATELIMIT_INTERVAL, DEFAULT_RATELIMIT_BURST);

	if (__ratelimit(&rs))
		pr_warn("sys_%s (nr %u) not implemented\n", sys_call_names[nr] ?: "?", nr);
	return -ENOSYS;
}

static long invoke_syscall(const struct pt_regs *regs, int nr)
{
	sys_call_ptr_t fn;

	if (unlikely((unsigned int)nr >= NR_syscalls))
		return -ENOSYS;
	fn = sys_call_table[nr];
	if (unlikely(!fn))
		return sys_ni_syscall(nr);
	return fn(regs);
}

static bool syscall_can_sysret(const struct pt_regs *regs)
{
	return regs->cx == regs->ip && regs->r11 == regs->flags &&
	       regs->ip < TASK_SIZE_MAX && regs->cs == __USER_CS && regs->ss == __USER_DS &&
	       !(regs->flags & (X86_EFLAGS_RF | X86_EFLAGS_TF));
}

bool do_syscall_64(struct pt_regs *regs, int nr)
{
	local_irq_enable();
	regs->ax = invoke_syscall(regs, nr);
	syscall_exit_to_user_mode(regs);
	return syscall_can_sysret(regs);
}

void syscall_init(void)
{
	wrmsr(MSR_STAR, ((u64)__USER32_CS << 48) | ((u64)__KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (unsigned long)entry_SYSCALL_64);
	wrmsr(MSR_CSTAR, (unsigned long)entry_SYSCALL_compat);
	wrmsr(MSR_SYSCALL_MASK, X86_EFLAGS_TF | X86_EFLAGS_DF | X86_EFLAGS_IF |
				X86_EFLAGS_IOPL | X86_EFLAGS_AC | X86_EFLAGS_NT);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}
