// SPDX-License-Identifier: GPL-2.0
/*
 * The x86-64 signal frame (Linux's arch/x86/kernel/signal.c): what a
 * handler runs on, rt_sigreturn() that comes back from it, and the
 * decision on the way back to user mode between restarting an
 * interrupted system call, failing it with -EINTR, and running a handler.
 *
 * The frame, as Linux lays it out on the user stack (or the sigaltstack()
 * stack with SA_ONSTACK), from high addresses down:
 *
 *   regs->sp - 128          the interrupted code's red zone, skipped
 *   FPU/XSAVE image         fpu_sigframe_size() bytes, 64-byte aligned,
 *                           uc_mcontext.fpstate points at it
 *   struct rt_sigframe      pretcode (sa_restorer: the handler's return
 *                           address), ucontext (flags, link, the altstack,
 *                           sigcontext, the mask to restore), siginfo;
 *                           placed so that the handler sees
 *                           (rsp + 8) % 16 == 0, as after a call
 *
 * The handler starts with rdi = signal, rsi = &info, rdx = &uc, rax = 0,
 * its FPU registers in the initial state, DF, TF and RF clear.
 * rt_sigreturn() finds the frame at rsp - 8 (the handler's ret popped
 * pretcode), restores the mask, registers, FPU state and altstack, and
 * refuses a frame it cannot restore safely (a non-canonical rip, FPU
 * state with reserved bits) with SIGSEGV.
 *
 * Restart (Linux's rules): a system call whose return is -ERESTARTSYS
 * restarts if the handler has SA_RESTART, else fails -EINTR;
 * -ERESTARTNOINTR always restarts; -ERESTARTNOHAND and
 * -ERESTART_RESTARTBLOCK fail -EINTR when a handler runs. Without a
 * handler they all restart (RESTARTBLOCK through restart_syscall()). A
 * restart re-executes the 2-byte SYSCALL with rax = orig_ax.
 *
 * Only the current task touches its frame and registers: no locks.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/signal.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/ratelimit.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/smap.h>
#include <asm/uaccess.h>
#include <asm/unistd_64.h>

/* Linux's uapi struct sigcontext (x86-64): 256 bytes. */
struct sigcontext_64 {
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 di, si, bp, bx, dx, ax, cx, sp, ip, flags;
	u16 cs, gs, fs, ss;
	u64 err, trapno, oldmask, cr2;
	u64 fpstate;		/* the FPU image, 0: none */
	u64 reserved1[8];
};

struct ucontext {
	unsigned long uc_flags;
	struct ucontext __user *uc_link;
	stack_t uc_stack;
	struct sigcontext_64 uc_mcontext;
	sigset_t uc_sigmask;
};

/* uc_flags */
#define UC_FP_XSTATE		0x1	/* fpstate holds an XSAVE image with its magic */
#define UC_SIGCONTEXT_SS	0x2	/* the ss slot holds SS */
#define UC_STRICT_RESTORE_SS	0x4

struct rt_sigframe {
	char __user *pretcode;
	struct ucontext uc;
	u8 info[SI_MAX_SIZE];	/* siginfo_t */
};

static_assert(sizeof(struct sigcontext_64) == 256);
static_assert(offsetof(struct rt_sigframe, uc.uc_mcontext) == 48);
static_assert(offsetof(struct rt_sigframe, info) == 312);

/* The flags user space may change through rt_sigreturn(): Linux's FIX_EFLAGS. */
#define X86_EFLAGS_CF	0x0001UL
#define X86_EFLAGS_PF	0x0004UL
#define X86_EFLAGS_AF	0x0010UL
#define X86_EFLAGS_ZF	0x0040UL
#define X86_EFLAGS_SF	0x0080UL
#define X86_EFLAGS_OF	0x0800UL
#define FIX_EFLAGS	(X86_EFLAGS_AC | X86_EFLAGS_OF | X86_EFLAGS_DF | X86_EFLAGS_TF | \
			 X86_EFLAGS_SF | X86_EFLAGS_ZF | X86_EFLAGS_AF | X86_EFLAGS_PF | \
			 X86_EFLAGS_CF | X86_EFLAGS_RF)

#define RED_ZONE	128

/*
 * Where the frame goes: its address, and the FPU image's in *@fpstate.
 * Return: the frame, or -1UL when it does not fit the alternate stack
 * it is on (the overflow Linux answers with SIGSEGV).
 */
static unsigned long get_sigframe(const struct ksignal *ksig, const struct pt_regs *regs,
				  unsigned long *fpstate)
{
	unsigned long sp = regs->sp - RED_ZONE;
	bool nested = on_sig_stack(regs->sp), entering = false;

	if ((ksig->ka.sa.sa_flags & SA_ONSTACK) && sas_ss_flags(sp) == 0) {
		sp = current->sas_ss_sp + current->sas_ss_size;
		entering = true;
	}
	sp = ALIGN_DOWN(sp - fpu_sigframe_size(), 64);
	*fpstate = sp;
	sp = ALIGN_DOWN(sp - sizeof(struct rt_sigframe), 16) - 8;
	if ((nested || entering) && !__on_sig_stack(sp))
		return -1UL;
	return sp;
}

/* The mask the handler's return restores: rt_sigsuspend()'s saved one, if any. */
static sigset_t *sigmask_to_save(void)
{
	return current->restore_sigmask ? &current->saved_sigmask : &current->blocked;
}

static void fill_sigcontext(struct sigcontext_64 *sc, const struct pt_regs *regs,
			    unsigned long fpstate, const sigset_t *mask)
{
	memset(sc, 0, sizeof(*sc));
	sc->r8 = regs->r8;
	sc->r9 = regs->r9;
	sc->r10 = regs->r10;
	sc->r11 = regs->r11;
	sc->r12 = regs->r12;
	sc->r13 = regs->r13;
	sc->r14 = regs->r14;
	sc->r15 = regs->r15;
	sc->di = regs->di;
	sc->si = regs->si;
	sc->bp = regs->bp;
	sc->bx = regs->bx;
	sc->dx = regs->dx;
	sc->ax = regs->ax;
	sc->cx = regs->cx;
	sc->sp = regs->sp;
	sc->ip = regs->ip;
	sc->flags = regs->flags;
	sc->cs = regs->cs;
	sc->ss = regs->ss;
	sc->oldmask = mask->sig[0];
	sc->fpstate = fpstate;
}

/* Linux's signal_fault(): the line it prints, and SIGSEGV. */
static void signal_fault(const struct pt_regs *regs, const void __user *frame, const char *where)
{
	static DEFINE_RATELIMIT_STATE(rs, DEFAULT_RATELIMIT_INTERVAL, DEFAULT_RATELIMIT_BURST);

	if (__ratelimit(&rs))
		pr_info("%s[%d] bad frame in %s frame:%px ip:%lx sp:%lx orax:%lx\n", current->comm,
			current->pid, where, frame, regs->ip, regs->sp, regs->orig_ax);
	force_sig(SIGSEGV);
}

/* Build the frame for @ksig and point @regs at the handler. Return: 0 or -EFAULT. */
static int setup_rt_frame(struct ksignal *ksig, struct pt_regs *regs)
{
	struct rt_sigframe frame;
	struct rt_sigframe __user *uframe;
	unsigned long fpstate, sp;

	/* x86-64 has no default restorer: user space must give one, as Linux requires. */
	if (!(ksig->ka.sa.sa_flags & SA_RESTORER))
		return -EFAULT;
	sp = get_sigframe(ksig, regs, &fpstate);
	if (sp == -1UL || !access_ok((void __user *)sp, fpstate + fpu_sigframe_size() - sp))
		return -EFAULT;
	uframe = (struct rt_sigframe __user *)sp;
	memset(&frame, 0, offsetof(struct rt_sigframe, info));
	frame.pretcode = (char __user *)ksig->ka.sa.sa_restorer;
	frame.uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS |
			    (fpu_sigframe_size() > 512 ? UC_FP_XSTATE : 0);
	frame.uc.uc_stack.ss_sp = (void __user *)current->sas_ss_sp;
	frame.uc.uc_stack.ss_flags = sas_ss_flags(regs->sp) | (current->sas_ss_flags & SS_FLAG_BITS);
	frame.uc.uc_stack.ss_size = current->sas_ss_size;
	fill_sigcontext(&frame.uc.uc_mcontext, regs, fpstate, sigmask_to_save());
	frame.uc.uc_sigmask = *sigmask_to_save();
	if (copy_fpstate_to_sigframe((void __user *)fpstate) ||
	    copy_to_user(uframe, &frame, offsetof(struct rt_sigframe, info)) ||
	    copy_siginfo_to_user(uframe->info, &ksig->info))
		return -EFAULT;
	regs->di = ksig->sig;
	regs->si = (unsigned long)uframe->info;
	regs->dx = (unsigned long)&uframe->uc;
	regs->ax = 0;
	regs->sp = sp;
	regs->ip = (unsigned long)ksig->ka.sa.sa_handler;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
	return 0;
}

/* Is @regs a system call's frame that may restart (not rt_sigreturn()'s, orig_ax -1)? */
static bool in_syscall(const struct pt_regs *regs)
{
	return regs->vector == SYSCALL_VECTOR_NONE && (long)regs->orig_ax >= 0;
}

static void restart_syscall_insn(struct pt_regs *regs, unsigned long nr)
{
	regs->ax = nr;
	regs->ip -= 2;		/* SYSCALL is 0f 05 */
}

static void handle_signal(struct ksignal *ksig, struct pt_regs *regs)
{
	int failed;

	if (in_syscall(regs)) {
		switch (regs->ax) {
		case -ERESTART_RESTARTBLOCK:
		case -ERESTARTNOHAND:
			regs->ax = -EINTR;
			break;
		case -ERESTARTSYS:
			if (!(ksig->ka.sa.sa_flags & SA_RESTART)) {
				regs->ax = -EINTR;
				break;
			}
			__attribute__((__fallthrough__));
		case -ERESTARTNOINTR:
			restart_syscall_insn(regs, regs->orig_ax);
			break;
		}
	}
	failed = setup_rt_frame(ksig, regs);
	if (!failed)
		fpu_reset_user();
	signal_setup_done(failed, ksig);
}

/* Linux's arch_do_signal_or_restart(): deliver one signal, or restart the call. */
static void arch_do_signal_or_restart(struct pt_regs *regs)
{
	struct ksignal ksig;

	if (get_signal(&ksig)) {
		handle_signal(&ksig, regs);
		return;
	}
	if (in_syscall(regs)) {
		switch (regs->ax) {
		case -ERESTARTNOHAND:
		case -ERESTARTSYS:
		case -ERESTARTNOINTR:
			restart_syscall_insn(regs, regs->orig_ax);
			break;
		case -ERESTART_RESTARTBLOCK:
			restart_syscall_insn(regs, __NR_restart_syscall);
			break;
		}
	}
	restore_saved_sigmask();
}

void syscall_exit_to_user_mode(struct pt_regs *regs)
{
	local_irq_disable();
	for (;;) {
		if (need_resched()) {
			local_irq_enable();
			schedule();
		} else if (signal_pending(current) || current->restore_sigmask) {
			local_irq_enable();
			arch_do_signal_or_restart(regs);
		} else {
			break;
		}
		local_irq_disable();
	}
	WARN_ON_ONCE(preempt_count());
}

/* The registers from @sc; the selectors stay the user's, the flags only FIX_EFLAGS. */
static int restore_sigcontext(struct pt_regs *regs, const struct sigcontext_64 *sc)
{
	if (sc->ip >= TASK_SIZE_MAX)
		return -EINVAL;		/* IRETQ would fault in the kernel */
	regs->r8 = sc->r8;
	regs->r9 = sc->r9;
	regs->r10 = sc->r10;
	regs->r11 = sc->r11;
	regs->r12 = sc->r12;
	regs->r13 = sc->r13;
	regs->r14 = sc->r14;
	regs->r15 = sc->r15;
	regs->di = sc->di;
	regs->si = sc->si;
	regs->bp = sc->bp;
	regs->bx = sc->bx;
	regs->dx = sc->dx;
	regs->ax = sc->ax;
	regs->cx = sc->cx;
	regs->sp = sc->sp;
	regs->ip = sc->ip;
	regs->flags = (regs->flags & ~FIX_EFLAGS) | (sc->flags & FIX_EFLAGS);
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->orig_ax = -1;	/* no restart of rt_sigreturn() itself */
	return 0;
}

SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *frame_regs = task_pt_regs(current);
	struct rt_sigframe __user *uframe =
		(struct rt_sigframe __user *)(frame_regs->sp - sizeof(long));
	struct ucontext uc;

	/* A restart block the handler's own calls may have left is no longer ours. */
	current->restart_block.fn = NULL;
	if (copy_from_user(&uc, &uframe->uc, sizeof(uc)))
		goto badframe;
	set_current_blocked(&uc.uc_sigmask);
	if (fpu_restore_sig((const void __user *)uc.uc_mcontext.fpstate))
		goto badframe;
	if (restore_sigcontext(frame_regs, &uc.uc_mcontext))
		goto badframe;
	/* The altstack's errors other than a fault are ignored, as Linux's restore_altstack(). */
	do_sigaltstack(&uc.uc_stack, NULL, frame_regs->sp, MINSIGSTKSZ);
	return frame_regs->ax;

badframe:
	signal_fault(frame_regs, uframe, "rt_sigreturn");
	return 0;
}
