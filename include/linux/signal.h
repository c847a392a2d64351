/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Signal sets and the kernel's view of each signal (Linux's
 * include/linux/signal.h): the set operations, the default action of
 * each standard signal, and the calls of kernel/signal.c that the rest
 * of the kernel (exec, exit, the return to user mode) makes.
 *
 * A sigset_t holds signal n (1..64) as bit n - 1 of one word (x86-64's
 * _NSIG_WORDS is 1), so the operations are single-word bit operations;
 * none takes a lock: the caller holds the set's lock (siglock for a
 * task's blocked and pending sets) or owns the set.
 *
 * Default actions, Linux's: SIGKILL and SIGSTOP cannot be caught, blocked
 * or ignored (sig_kernel_only); SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU stop
 * the process (sig_kernel_stop); SIGCONT, SIGCHLD, SIGWINCH, SIGURG are
 * ignored (sig_kernel_ignore); SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGFPE,
 * SIGSEGV, SIGBUS, SIGSYS, SIGXCPU, SIGXFSZ dump core
 * (sig_kernel_coredump); everything else, real-time signals included,
 * terminates.
 */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

#include <linux/signal_types.h>
#include <linux/bitops.h>
#include <asm/signal.h>

struct task_struct;
struct pt_regs;

/* The bit of signal @sig in a set's word. */
#define sigmask(sig)	(1UL << ((sig) - 1))

static inline bool valid_signal(unsigned long sig)
{
	return sig <= _NSIG;
}

static inline void sigaddset(sigset_t *set, int sig)
{
	set->sig[0] |= sigmask(sig);
}

static inline void sigdelset(sigset_t *set, int sig)
{
	set->sig[0] &= ~sigmask(sig);
}

static inline bool sigismember(const sigset_t *set, int sig)
{
	return set->sig[0] & sigmask(sig);
}

static inline void sigemptyset(sigset_t *set)
{
	set->sig[0] = 0;
}

static inline void sigfillset(sigset_t *set)
{
	set->sig[0] = ~0UL;
}

static inline bool sigisemptyset(const sigset_t *set)
{
	return set->sig[0] == 0;
}

static inline bool sigequalsets(const sigset_t *a, const sigset_t *b)
{
	return a->sig[0] == b->sig[0];
}

static inline void sigaddsetmask(sigset_t *set, unsigned long mask)
{
	set->sig[0] |= mask;
}

static inline void sigdelsetmask(sigset_t *set, unsigned long mask)
{
	set->sig[0] &= ~mask;
}

static inline void siginitset(sigset_t *set, unsigned long mask)
{
	set->sig[0] = mask;
}

static inline void sigorsets(sigset_t *r, const sigset_t *a, const sigset_t *b)
{
	r->sig[0] = a->sig[0] | b->sig[0];
}

static inline void sigandsets(sigset_t *r, const sigset_t *a, const sigset_t *b)
{
	r->sig[0] = a->sig[0] & b->sig[0];
}

/* r = a & ~b */
static inline void sigandnsets(sigset_t *r, const sigset_t *a, const sigset_t *b)
{
	r->sig[0] = a->sig[0] & ~b->sig[0];
}

static inline void signotset(sigset_t *set)
{
	set->sig[0] = ~set->sig[0];
}

/* The lowest signal in @set, or 0: standard signals come before real-time ones. */
static inline int first_signal(const sigset_t *set)
{
	return set->sig[0] ? __builtin_ctzl(set->sig[0]) + 1 : 0;
}

#define SIG_KERNEL_ONLY_MASK	(sigmask(SIGKILL) | sigmask(SIGSTOP))
#define SIG_KERNEL_STOP_MASK	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | \
				 sigmask(SIGTTOU))
#define SIG_KERNEL_COREDUMP_MASK (sigmask(SIGQUIT) | sigmask(SIGILL) | sigmask(SIGTRAP) | \
				  sigmask(SIGABRT) | sigmask(SIGFPE) | sigmask(SIGSEGV) | \
				  sigmask(SIGBUS) | sigmask(SIGSYS) | sigmask(SIGXCPU) | \
				  sigmask(SIGXFSZ))
#define SIG_KERNEL_IGNORE_MASK	(sigmask(SIGCONT) | sigmask(SIGCHLD) | sigmask(SIGWINCH) | \
				 sigmask(SIGURG))
/* The synchronous signals a fault sends: delivered before any other. */
#define SYNCHRONOUS_MASK	(sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGILL) | \
				 sigmask(SIGTRAP) | sigmask(SIGFPE) | sigmask(SIGSYS))

#define siginmask(sig, mask)	((sig) < SIGRTMIN && (sigmask(sig) & (mask)))
#define sig_kernel_only(sig)	siginmask(sig, SIG_KERNEL_ONLY_MASK)
#define sig_kernel_stop(sig)	siginmask(sig, SIG_KERNEL_STOP_MASK)
#define sig_kernel_coredump(sig) siginmask(sig, SIG_KERNEL_COREDUMP_MASK)
#define sig_kernel_ignore(sig)	siginmask(sig, SIG_KERNEL_IGNORE_MASK)

/* send_sig_info()'s @info: no siginfo (SI_USER from current) or the kernel's (SI_KERNEL). */
#define SEND_SIG_NOINFO	((struct kernel_siginfo *)0)
#define SEND_SIG_PRIV	((struct kernel_siginfo *)1)

static inline void clear_siginfo(kernel_siginfo_t *info)
{
	__builtin_memset(info, 0, sizeof(*info));
}

/* A signal get_signal() chose to deliver to a handler: what setup_rt_frame() needs. */
struct ksignal {
	struct k_sigaction ka;
	kernel_siginfo_t info;
	int sig;
};

/**
 * get_signal - dequeue the next signal for current and act on it: a
 * default action (stop, ignore, or the exit that does not return) or,
 * for a handled signal, fill @ksig for the frame
 * Return: true when @ksig holds a signal to deliver to its handler.
 * Context: process, current on its way back to user mode, may sleep (stop).
 */
bool get_signal(struct ksignal *ksig);

/**
 * signal_setup_done - after the frame for @ksig was built (@failed: 0) or
 * could not be (-EFAULT): block the handler's mask (sa_mask, the signal
 * itself without SA_NODEFER), SIG_DFL with SA_RESETHAND; a failed frame
 * forces SIGSEGV instead. Context: process, current.
 */
void signal_setup_done(int failed, struct ksignal *ksig);

/*
 * set_current_blocked - current's blocked set becomes @newset (SIGKILL
 * and SIGSTOP never blocked). Context: process, current.
 */
void set_current_blocked(sigset_t *newset);

/*
 * restore_saved_sigmask - put back the mask rt_sigsuspend() saved, when
 * no handler ran to restore it from its frame. Context: current.
 */
void restore_saved_sigmask(void);

/**
 * copy_siginfo_to_user - write @from to user space as the 128-byte
 * siginfo_t, the bytes past kernel_siginfo zeroed
 * Return: 0 or -EFAULT. Context: process, may fault.
 */
int copy_siginfo_to_user(void __user *to, const kernel_siginfo_t *from);

/*
 * The task's own signal state, created, inherited and freed with it
 * (kernel/fork.c, fs/exec.c, kernel/exit.c):
 *   copy_sighand()    fork: the handlers shared (CLONE_SIGHAND) or copied,
 *                     all reset with CLONE_CLEAR_SIGHAND; pending empty
 *   unshare_sighand() exec: a shared table copied for the task alone
 *   flush_signal_handlers() exec: every handled signal back to SIG_DFL
 *   exit_signals_free() the task's last reference: its queue and table
 * -ENOMEM on failure, nothing changed.
 */
int copy_sighand(u64 clone_flags, struct task_struct *p);
int unshare_sighand(struct task_struct *me);
void flush_signal_handlers(struct task_struct *t, bool force_default);
void exit_signals_free(struct task_struct *p);
/* flush_sigqueue - free every entry of @pending and empty its set. Context: its lock or sole owner. */
void flush_sigqueue(struct sigpending *pending);

static inline void init_sigpending(struct sigpending *sig)
{
	sigemptyset(&sig->signal);
	INIT_LIST_HEAD(&sig->list);
}

/*
 * The signal handed to the parent at a child's exit (kernel/exit.c):
 * Return: true when the child is to be reaped at once (the parent
 * ignores SIGCHLD or has SA_NOCLDWAIT). Context: tasklist_lock held.
 */
bool do_notify_parent(struct task_struct *tsk, int sig);

/**
 * do_sigaltstack - sigaltstack()'s work, also rt_sigreturn()'s restore
 * @ss: the new stack, or NULL
 * @oss: where the old one is reported, or NULL
 * @sp: the user stack pointer now (changing the stack while on it: -EPERM)
 * @min_ss_size: smaller stacks are refused with -ENOMEM
 * Return: 0, -EPERM, -EINVAL (bad flags), -ENOMEM. Context: current.
 */
int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp, size_t min_ss_size);

extern struct sighand_struct init_sighand;

#endif /* _LINUX_SIGNAL_H */
