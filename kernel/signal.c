// SPDX-License-Identifier: GPL-2.0
/*
 * Signals (Linux's kernel/signal.c): sending, queueing, the choice of the
 * thread that takes a process-directed signal, dequeueing and the default
 * actions on the way back to user mode, group stop and continue, the
 * SIGCHLD a parent receives, and the signal system calls. The x86-64
 * frame a handler runs on is arch/x86_64/signal.c's.
 *
 *   sender (kill(), tkill(), a fault, the tty)
 *     send_signal_locked()   prepare_signal(): SIGCONT/stop side effects,
 *                            ignored signals dropped; a standard signal
 *                            already pending coalesces, a real-time one
 *                            queues again; complete_signal() picks the
 *                            thread and wakes it (signal_wake_up())
 *   receiver (syscall_exit_to_user_mode(), any return to ring 3)
 *     arch_do_signal_or_restart() -> get_signal(): group exit, group stop,
 *                            dequeue (synchronous signals first, then the
 *                            lowest number), default action or a handler
 *
 * Data (linux/signal_types.h):
 *
 *   task->pending ------------> sigqueue -> sigqueue      (tkill, faults)
 *   signal->shared_pending ---> sigqueue -> ...           (kill)
 *   sighand->action[sig - 1]    handler, flags, mask      (shared by CLONE_SIGHAND)
 *   task->blocked               the mask; SIGKILL and SIGSTOP never in it
 *
 * A pending set's bit may have no sigqueue behind it (the allocation
 * failed): the signal is then delivered with SI_USER and no sender, as
 * Linux does when over RLIMIT_SIGPENDING.
 *
 * signal_pending(p) is computed, not a flag: (p->pending | shared_pending)
 * & ~p->blocked, or a group stop or exit waiting for p. A sleeper sets its
 * state, then tests it; a sender changes the sets under siglock, then
 * signal_wake_up() takes the run-queue lock to wake: a signal cannot slip
 * between the test and the sleep (linux/sched.h's rule).
 *
 * Kernel threads (PF_KTHREAD: every task sharing init_signal and
 * init_sighand, a test's kthread that became a user task included) ignore
 * every signal but a forced one, as Linux's; only a fault's forced signal
 * reaches them, on their own pending queue.
 *
 * Threads: process-directed signals go to signal->shared_pending and complete_signal() walks signal->thread_head
 * as Linux's does. A fatal signal ends the process: do_group_exit()
 * (kernel/exit.c) with the signal's wait status, which also ends the
 * threads of a group that is dying or execing (signal_group_exit()).
 *
 * Locking: sighand->siglock (taken with interrupts off: the console and
 * timers send from interrupts) guards both pending queues, task->blocked,
 * task->jobctl and signal->flags, group_exit_code, group_stop_count.
 * Order: tasklist_lock, then siglock, then the run-queue lock (taken by
 * wake-ups). Two siglocks are never held together but for a parent's
 * under a child's in do_notify_parent_cldstop(): child, then parent.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/signal.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/cred.h>
#include <linux/pid.h>
#include <linux/resource.h>
#include <linux/syscalls.h>
#include <linux/bug.h>
#include <linux/mmdebug.h>
#include <linux/time.h>
#include <linux/jiffies.h>
#include <asm/uaccess.h>
#include <asm/signal.h>
#include <asm/irqflags.h>
#include <asm/processor.h>

struct sighand_struct init_sighand = {
	.count = ATOMIC_INIT(1),
	.siglock = __SPIN_LOCK_UNLOCKED(init_sighand.siglock),
	.signalfd_wqh = __WAIT_QUEUE_HEAD_INITIALIZER(init_sighand.signalfd_wqh),
};

static struct kmem_cache *sigqueue_cachep;
static struct kmem_cache *sighand_cachep;

/* ---- state of a task ------------------------------------------------- */

/* Has @t a process of its own (a user process), or the kernel's init_signal? */
static bool has_own_signal(const struct task_struct *t)
{
	return t->signal != &init_signal;
}

/* Is a signal other than those of @ignore pending for @p, or a group stop? */
static bool signal_pending_except(struct task_struct *p, unsigned long ignore)
{
	unsigned long pending = READ_ONCE(p->pending.signal.sig[0]) |
				READ_ONCE(p->signal->shared_pending.signal.sig[0]);

	if (pending & ~READ_ONCE(p->blocked.sig[0]) & ~ignore)
		return true;
	return READ_ONCE(p->jobctl) & JOBCTL_STOP_PENDING;
}

bool signal_pending(struct task_struct *p)
{
	return signal_pending_except(p, 0);
}

bool fatal_signal_pending(struct task_struct *p)
{
	return READ_ONCE(p->pending.signal.sig[0]) & sigmask(SIGKILL);
}

bool signal_pending_state(unsigned int state, struct task_struct *p)
{
	if (!(state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)) || !signal_pending(p))
		return false;
	return (state & TASK_INTERRUPTIBLE) || fatal_signal_pending(p);
}

void signal_wake_up(struct task_struct *t, bool fatal)
{
	wake_up_state(t, TASK_INTERRUPTIBLE | (fatal ? TASK_WAKEKILL | __TASK_STOPPED : 0));
}

/* ---- queues ---------------------------------------------------------- */

void flush_sigqueue(struct sigpending *pending)
{
	struct sigqueue *q, *n;

	sigemptyset(&pending->signal);
	list_for_each_entry_safe(q, n, &pending->list, list) {
		list_del(&q->list);
		kmem_cache_free(sigqueue_cachep, q);
	}
}

/* Drop every instance of the signals in @mask from @pending. siglock held. */
static void flush_sigqueue_mask(const sigset_t *mask, struct sigpending *pending)
{
	struct sigqueue *q, *n;

	if (!(pending->signal.sig[0] & mask->sig[0]))
		return;
	sigandnsets(&pending->signal, &pending->signal, mask);
	list_for_each_entry_safe(q, n, &pending->list, list) {
		if (sigismember(mask, q->info.si_signo)) {
			list_del(&q->list);
			kmem_cache_free(sigqueue_cachep, q);
		}
	}
}

/* The same from the process's queue and each thread's. siglock held. */
static void flush_process_signals(struct task_struct *p, const sigset_t *mask)
{
	struct task_struct *t;

	flush_sigqueue_mask(mask, &p->signal->shared_pending);
	if (!has_own_signal(p)) {
		flush_sigqueue_mask(mask, &p->pending);
		return;
	}
	for_each_thread(p, t)
		flush_sigqueue_mask(mask, &t->pending);
}

/*
 * Take the first queued instance of @sig off @pending into @info; the bit
 * stays while another instance waits. No instance (the queue allocation
 * failed): SI_USER from nobody.
 */
static void collect_signal(int sig, struct sigpending *pending, kernel_siginfo_t *info)
{
	struct sigqueue *q, *first = NULL;
	bool more = false;

	list_for_each_entry(q, &pending->list, list) {
		if (q->info.si_signo != sig)
			continue;
		if (first) {
			more = true;
			break;
		}
		first = q;
	}
	if (!more)
		sigdelset(&pending->signal, sig);
	if (!first) {
		clear_siginfo(info);
		info->si_signo = sig;
		info->si_code = SI_USER;
		return;
	}
	list_del(&first->list);
	*info = first->info;
	kmem_cache_free(sigqueue_cachep, first);
}

/* The next signal of @pending not in @mask: synchronous ones first, then the lowest. */
static int next_signal(const struct sigpending *pending, const sigset_t *mask)
{
	sigset_t ready, sync;

	sigandnsets(&ready, &pending->signal, mask);
	siginitset(&sync, SYNCHRONOUS_MASK);
	sigandsets(&sync, &sync, &ready);
	return first_signal(&sync) ?: first_signal(&ready);
}

/* Dequeue one signal for @tsk not in @mask: its own queue, then the process's. siglock held. */
static int dequeue_signal(struct task_struct *tsk, const sigset_t *mask, kernel_siginfo_t *info)
{
	struct sigpending *pending = &tsk->pending;
	int sig = next_signal(pending, mask);

	if (!sig) {
		pending = &tsk->signal->shared_pending;
		sig = next_signal(pending, mask);
	}
	if (sig)
		collect_signal(sig, pending, info);
	return sig;
}

/* ---- sending --------------------------------------------------------- */

static bool sig_handler_ignored(__sighandler_t handler, int sig)
{
	return handler == SIG_IGN || (handler == SIG_DFL && sig_kernel_ignore(sig));
}

/* Would @t drop @sig at once (ignored, and not blocked to be looked at later)? siglock held. */
static bool sig_ignored(struct task_struct *t, int sig, bool force)
{
	__sighandler_t handler = t->sighand->action[sig - 1].sa.sa_handler;

	if ((t->flags & PF_KTHREAD) && !force)
		return true;
	if ((t->signal->flags & SIGNAL_UNKILLABLE) && handler == SIG_DFL &&
	    !(force && sig_kernel_only(sig)))
		return true;
	if (sigismember(&t->blocked, sig) || sigismember(&t->real_blocked, sig))
		return false;
	return sig_handler_ignored(handler, sig);
}

/* Does @sig, unhandled, end @p's process? siglock held. */
static bool sig_fatal(struct task_struct *p, int sig)
{
	__sighandler_t handler = p->sighand->action[sig - 1].sa.sa_handler;

	return !sig_kernel_ignore(sig) && !sig_kernel_stop(sig) && handler == SIG_DFL;
}

/*
 * What a stop or continue signal does the moment it is sent (Linux's
 * prepare_signal()): a stop signal cancels a pending SIGCONT; SIGCONT
 * cancels pending stop signals, ends the group stop and wakes the
 * stopped threads, who tell the parent (SIGNAL_CLD_*). Return: false
 * when the signal is to be dropped. siglock held.
 */
static bool prepare_signal(int sig, struct task_struct *p, bool force)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t;
	sigset_t flush;
	unsigned int why = 0;

	if (signal->flags & SIGNAL_GROUP_EXIT)
		return false;
	if (sig_kernel_stop(sig)) {
		siginitset(&flush, sigmask(SIGCONT));
		flush_process_signals(p, &flush);
	} else if (sig == SIGCONT && has_own_signal(p)) {
		siginitset(&flush, SIG_KERNEL_STOP_MASK);
		flush_process_signals(p, &flush);
		for_each_thread(p, t) {
			t->jobctl &= ~JOBCTL_STOP_PENDING;
			wake_up_state(t, __TASK_STOPPED);
		}
		if (signal->flags & SIGNAL_STOP_STOPPED)
			why = SIGNAL_CLD_CONTINUED;
		else if (signal->group_stop_count)
			why = SIGNAL_CLD_STOPPED;
		if (why) {
			signal->flags = why | SIGNAL_STOP_CONTINUED;
			signal->group_stop_count = 0;
			signal->group_exit_code = 0;
		}
	}
	return !sig_ignored(p, sig, force);
}

/* Linux's wants_signal(): may @p take @sig now? siglock held. */
static bool wants_signal(int sig, struct task_struct *p)
{
	if (sigismember(&p->blocked, sig))
		return false;
	if (p->exit_state)
		return false;
	if (sig == SIGKILL)
		return true;
	if (READ_ONCE(p->__state) & __TASK_STOPPED)
		return false;
	/* Busy with another signal already? (@sig itself is queued by now.) */
	return task_curr(p) || !signal_pending_except(p, sigmask(sig));
}

/*
 * The exit status of a death by @sig: the number, with 0x80 ("core
 * dumped") for a core-dumping signal when RLIMIT_CORE allows a dump.
 * No core file is written (there is no coredump writer); the status is
 * what Linux's would be with one.
 */
static int fatal_exit_code(int sig)
{
	if (sig_kernel_coredump(sig) && rlimit(RLIMIT_CORE) > 0)
		return sig | 0x80;
	return sig;
}

/*
 * A fatal signal for the whole process: every thread gets SIGKILL, and
 * the exit status is the signal's (Linux's complete_signal() shortcut).
 * siglock held.
 */
static void signal_group_kill(struct task_struct *p, int sig)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t;

	signal->flags = SIGNAL_GROUP_EXIT;
	signal->group_exit_code = fatal_exit_code(sig);
	signal->group_stop_count = 0;
	for_each_thread(p, t) {
		t->jobctl &= ~JOBCTL_STOP_PENDING;
		sigaddset(&t->pending.signal, SIGKILL);
		signal_wake_up(t, true);
	}
}

/*
 * Wake the thread that is to take @sig (Linux's complete_signal()): @p
 * if it can, else (@group) another thread of its process that can; a
 * fatal, unhandled signal kills the whole process at once. siglock held.
 */
static void complete_signal(int sig, struct task_struct *p, bool group)
{
	struct task_struct *t = p;

	if (!wants_signal(sig, p)) {
		if (!group || !has_own_signal(p))
			return;
		for_each_thread(p, t)
			if (wants_signal(sig, t))
				break;
		if (&t->thread_node == &p->signal->thread_head)
			return;
	}
	if (has_own_signal(p) && sig_fatal(p, sig) && !sig_kernel_coredump(sig) &&
	    !sigismember(&t->real_blocked, sig) &&
	    (sig == SIGKILL || !(p->signal->flags & SIGNAL_UNKILLABLE))) {
		signal_group_kill(p, sig);
		return;
	}
	signal_wake_up(t, sig == SIGKILL);
}

/* @info as it is to be queued: SEND_SIG_NOINFO and SEND_SIG_PRIV made real. */
static void fill_siginfo(kernel_siginfo_t *to, int sig, const kernel_siginfo_t *info)
{
	if (info == SEND_SIG_NOINFO || info == SEND_SIG_PRIV) {
		clear_siginfo(to);
		to->si_signo = sig;
		to->si_code = info == SEND_SIG_PRIV ? SI_KERNEL : SI_USER;
		if (info == SEND_SIG_NOINFO && !in_interrupt()) {
			to->si_pid = current->tgid;
			to->si_uid = current_cred()->uid;
		}
		return;
	}
	*to = *info;
}

/*
 * Queue @sig for @t (@group: for its process) and wake the thread that
 * takes it. Return: 0 (queued, coalesced or ignored), -EAGAIN (a
 * real-time signal from user space could not be queued). siglock held.
 */
static int send_signal_locked(int sig, const kernel_siginfo_t *info, struct task_struct *t,
			      bool group, bool force)
{
	struct sigpending *pending;
	struct sigqueue *q;

	if (!prepare_signal(sig, t, force))
		return 0;
	pending = group && has_own_signal(t) ? &t->signal->shared_pending : &t->pending;
	/* A standard signal pending already: one instance is all it gets. */
	if (sig < SIGRTMIN && sigismember(&pending->signal, sig))
		return 0;
	q = kmem_cache_alloc(sigqueue_cachep, GFP_ATOMIC);
	if (q) {
		fill_siginfo(&q->info, sig, info);
		list_add_tail(&q->list, &pending->list);
	} else if (sig >= SIGRTMIN && info > SEND_SIG_PRIV && info->si_code != SI_USER) {
		return -EAGAIN;
	}
	sigaddset(&pending->signal, sig);
	complete_signal(sig, t, group);
	return 0;
}

/*
 * Linux's lock_task_sighand(): @t's sighand, locked, or NULL once it
 * has none. A shared table only changes under exec (unshare_sighand()),
 * hence the recheck.
 */
static struct sighand_struct *lock_task_sighand(struct task_struct *t, unsigned long *flags)
{
	struct sighand_struct *sighand;

	for (;;) {
		sighand = READ_ONCE(t->sighand);
		if (!sighand)
			return NULL;
		spin_lock_irqsave(&sighand->siglock, *flags);
		if (likely(sighand == t->sighand))
			return sighand;
		spin_unlock_irqrestore(&sighand->siglock, *flags);
	}
}

static void unlock_task_sighand(struct task_struct *t, unsigned long *flags)
{
	spin_unlock_irqrestore(&t->sighand->siglock, *flags);
}

static int do_send_sig_info(int sig, const kernel_siginfo_t *info, struct task_struct *p,
			    bool group)
{
	unsigned long flags;
	int ret = -ESRCH;

	if (lock_task_sighand(p, &flags)) {
		ret = send_signal_locked(sig, info, p, group, false);
		unlock_task_sighand(p, &flags);
	}
	return ret;
}

int send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p)
{
	if (!valid_signal(sig) || sig <= 0)
		return -EINVAL;
	return do_send_sig_info(sig, info, p, true);
}

int send_sig(int sig, struct task_struct *p, int priv)
{
	return send_sig_info(sig, priv ? SEND_SIG_PRIV : SEND_SIG_NOINFO, p);
}

/*
 * A signal current cannot refuse (Linux's force_sig_info_to_task()): a
 * blocked or ignored one is unblocked and its handler reset to SIG_DFL,
 * so a fault nobody handles kills.
 */
static int force_sig_info(kernel_siginfo_t *info)
{
	struct task_struct *t = current;
	struct k_sigaction *action;
	unsigned long flags;
	int sig = info->si_signo, ret;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	action = &t->sighand->action[sig - 1];
	if (action->sa.sa_handler == SIG_IGN || sigismember(&t->blocked, sig)) {
		if (action->sa.sa_handler == SIG_IGN)
			action->sa.sa_handler = SIG_DFL;
		sigdelset(&t->blocked, sig);
	}
	/* init may be killed by a fault it does not handle. */
	if (action->sa.sa_handler == SIG_DFL)
		t->signal->flags &= ~SIGNAL_UNKILLABLE;
	ret = send_signal_locked(sig, info, t, false, true);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	return ret;
}

int force_sig(int sig)
{
	kernel_siginfo_t info;

	clear_siginfo(&info);
	info.si_signo = sig;
	info.si_code = SI_KERNEL;
	return force_sig_info(&info);
}

int force_sig_fault(int sig, int code, void __user *addr)
{
	kernel_siginfo_t info;

	clear_siginfo(&info);
	info.si_signo = sig;
	info.si_code = code;
	info.si_addr = addr;
	return force_sig_info(&info);
}

bool unhandled_signal(struct task_struct *tsk, int sig)
{
	__sighandler_t handler = tsk->sighand->action[sig - 1].sa.sa_handler;

	return tsk->pid == 1 || handler == SIG_IGN || handler == SIG_DFL;
}

/* ---- kill() and friends ---------------------------------------------- */

/*
 * Linux's kill_ok_by_cred(): CAP_KILL sends anything; others need their
 * uid or euid to be the target's uid or suid. SIGCONT within a session is
 * allowed too. The target's creds are read with a reference (they may be
 * replaced meanwhile: linux/cred.h).
 */
static bool kill_ok_by_cred(struct task_struct *t)
{
	const struct cred *cred = current_cred(), *tcred = get_task_cred(t);
	bool ok = cred->euid == tcred->suid || cred->euid == tcred->uid ||
		  cred->uid == tcred->suid || cred->uid == tcred->uid;

	put_cred(tcred);
	return ok || capable(CAP_KILL);
}

/* May current send @sig with @info to @t? 0 or -EPERM. */
static int check_kill_permission(int sig, const kernel_siginfo_t *info, struct task_struct *t)
{
	if (info != SEND_SIG_NOINFO && info != SEND_SIG_PRIV && info->si_code > 0)
		return 0;	/* the kernel's (a fault, the tty) */
	if (info == SEND_SIG_PRIV)
		return 0;
	if (kill_ok_by_cred(t))
		return 0;
	if (sig == SIGCONT && task_session_nr(t) == task_session_nr(current))
		return 0;
	return -EPERM;
}

/* Send to @p's process after the permission check; sig 0 only checks. tasklist_lock held. */
static int group_send_sig_info(int sig, const kernel_siginfo_t *info, struct task_struct *p)
{
	int ret = check_kill_permission(sig, info, p);

	if (!ret && sig)
		ret = do_send_sig_info(sig, info, p, true);
	return ret;
}

/* Is @p a process a kill() may name (not a kernel thread, not a zombie)? */
static bool killable_process(const struct task_struct *p)
{
	return !(p->flags & PF_KTHREAD) && p->pid == p->tgid;
}

static int kill_pid_info(int sig, const kernel_siginfo_t *info, pid_t pid)
{
	struct task_struct *p;
	unsigned long flags;
	int ret = -ESRCH;

	read_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_vpid(pid);
	if (p && p->pid == p->tgid)
		ret = group_send_sig_info(sig, info, p);
	read_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* Every process of group @pgrp: 0 if one was signalled, else the last error. tasklist_lock held. */
static int __kill_pgrp_info(int sig, const kernel_siginfo_t *info, pid_t pgrp)
{
	struct task_struct *p;
	bool success = false;
	int ret = -ESRCH, err;

	for_each_process(p) {
		if (!killable_process(p) || task_pgrp_nr(p) != pgrp)
			continue;
		err = group_send_sig_info(sig, info, p);
		success |= !err;
		ret = err;
	}
	return success ? 0 : ret;
}

int kill_pgrp(int pgrp, int sig, int priv)
{
	unsigned long flags;
	int ret;

	read_lock_irqsave(&tasklist_lock, flags);
	ret = __kill_pgrp_info(sig, priv ? SEND_SIG_PRIV : SEND_SIG_NOINFO, pgrp);
	read_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* kill(-1): every process but init and the caller's own. */
static int kill_every_process(int sig, const kernel_siginfo_t *info)
{
	struct task_struct *p;
	int count = 0, ret = 0, err;
	unsigned long flags;

	read_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		if (!killable_process(p) || p->pid <= 1 || p->tgid == current->tgid ||
		    p->exit_state)
			continue;
		err = group_send_sig_info(sig, info, p);
		++count;
		if (err != -EPERM)
			ret = err;
	}
	read_unlock_irqrestore(&tasklist_lock, flags);
	return count ? ret : -ESRCH;
}

/* Linux's kill_something_info(). */
static int kill_something_info(int sig, const kernel_siginfo_t *info, pid_t pid)
{
	unsigned long flags;
	int ret;

	if (pid > 0)
		return kill_pid_info(sig, info, pid);
	if (pid == INT_MIN)
		return -ESRCH;
	if (pid == -1)
		return kill_every_process(sig, info);
	read_lock_irqsave(&tasklist_lock, flags);
	ret = __kill_pgrp_info(sig, info, pid ? -pid : task_pgrp_nr(current));
	read_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	if (!valid_signal(sig) || sig < 0)
		return -EINVAL;
	return kill_something_info(sig, SEND_SIG_NOINFO, pid);
}

/* tkill() and tgkill(): one thread (@tgid > 0: of that process). */
static int do_tkill(pid_t tgid, pid_t pid, int sig)
{
	kernel_siginfo_t info;
	struct task_struct *p;
	unsigned long flags;
	int ret = -ESRCH;

	clear_siginfo(&info);
	info.si_signo = sig;
	info.si_code = SI_TKILL;
	info.si_pid = current->tgid;
	info.si_uid = current_cred()->uid;
	read_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_vpid(pid);
	if (p && !(p->flags & PF_KTHREAD) && (tgid <= 0 || p->tgid == tgid)) {
		ret = check_kill_permission(sig, &info, p);
		if (!ret && sig)
			ret = do_send_sig_info(sig, &info, p, false);
	}
	read_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

SYSCALL_DEFINE3(tgkill, pid_t, tgid, pid_t, pid, int, sig)
{
	if (pid <= 0 || tgid <= 0 || !valid_signal(sig) || sig < 0)
		return -EINVAL;
	return do_tkill(tgid, pid, sig);
}

SYSCALL_DEFINE2(tkill, pid_t, pid, int, sig)
{
	if (pid <= 0 || !valid_signal(sig) || sig < 0)
		return -EINVAL;
	return do_tkill(0, pid, sig);
}

/* rt_sigqueueinfo()'s rule: user space may not pose as the kernel or as kill(). */
static int copy_queue_info(kernel_siginfo_t *info, int sig, const void __user *uinfo, pid_t pid)
{
	if (copy_from_user(info, uinfo, sizeof(*info)))
		return -EFAULT;
	if ((info->si_code >= 0 || info->si_code == SI_TKILL) && pid != current->tgid)
		return -EPERM;
	info->si_signo = sig;
	return 0;
}

SYSCALL_DEFINE3(rt_sigqueueinfo, pid_t, pid, int, sig, void __user *, uinfo)
{
	kernel_siginfo_t info;
	int ret;

	if (!valid_signal(sig) || sig < 0)
		return -EINVAL;
	ret = copy_queue_info(&info, sig, uinfo, pid);
	return ret ?: kill_pid_info(sig, &info, pid);
}

SYSCALL_DEFINE4(rt_tgsigqueueinfo, pid_t, tgid, pid_t, pid, int, sig, void __user *, uinfo)
{
	kernel_siginfo_t info;
	struct task_struct *p;
	unsigned long flags;
	int ret;

	if (pid <= 0 || tgid <= 0 || !valid_signal(sig) || sig < 0)
		return -EINVAL;
	ret = copy_queue_info(&info, sig, uinfo, tgid);
	if (ret)
		return ret;
	ret = -ESRCH;
	read_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_vpid(pid);
	if (p && !(p->flags & PF_KTHREAD) && p->tgid == tgid) {
		ret = check_kill_permission(sig, &info, p);
		if (!ret && sig)
			ret = do_send_sig_info(sig, &info, p, false);
	}
	read_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/*
 * pidfd_send_signal(): kill() of the process a pidfd names (linux/pid.h),
 * which stays that process: a reaped one answers ESRCH. A siginfo from
 * user space must carry @sig, and only the caller itself may be sent one
 * that poses as the kernel or as kill() (rt_sigqueueinfo()'s rule).
 */
SYSCALL_DEFINE4(pidfd_send_signal, int, pidfd, int, sig, kernel_siginfo_t __user *, uinfo,
		unsigned int, flags)
{
	kernel_siginfo_t info;
	struct task_struct *task;
	unsigned int f_flags;
	int ret, signo;
	pid_t pid;

	if (flags)
		return -EINVAL;
	task = pidfd_get_task(pidfd, &f_flags);
	if (IS_ERR(task))
		return PTR_ERR(task);
	pid = task->pid;
	put_task_struct(task);
	if (!valid_signal(sig) || sig < 0)
		return -EINVAL;
	if (!uinfo)
		return kill_pid_info(sig, SEND_SIG_NOINFO, pid);
	if (get_user(signo, &uinfo->si_signo))
		return -EFAULT;
	if (signo != sig)
		return -EINVAL;
	ret = copy_queue_info(&info, sig, uinfo, pid);
	return ret ?: kill_pid_info(sig, &info, pid);
}

/* ---- the parent's SIGCHLD -------------------------------------------- */

/* The SIGCHLD siginfo for @tsk: @why (CLD_*) with @status. */
static void fill_sigchld_info(kernel_siginfo_t *info, struct task_struct *tsk, int why,
			      int status)
{
	clear_siginfo(info);
	info->si_signo = SIGCHLD;
	info->si_code = why;
	info->si_pid = tsk->tgid;
	info->si_uid = tsk->cred->uid;
	info->si_status = status;
}

bool do_notify_parent(struct task_struct *tsk, int sig)
{
	struct task_struct *parent = tsk->parent;
	struct sighand_struct *psig = parent->sighand;
	int code = tsk->exit_code, why, status;
	kernel_siginfo_t info;
	bool autoreap = false;
	unsigned long flags;

	if (!(code & 0x7f)) {
		why = CLD_EXITED;
		status = (code >> 8) & 0xff;
	} else {
		why = (code & 0x80) ? CLD_DUMPED : CLD_KILLED;
		status = code & 0x7f;
	}
	fill_sigchld_info(&info, tsk, why, status);
	spin_lock_irqsave(&psig->siglock, flags);
	/* Kernel threads ignore SIGCHLD (kthreadd's ignore_signals()). */
	if ((parent->flags & PF_KTHREAD) && !parent->mm) {
		autoreap = true;
	} else if (sig == SIGCHLD && (psig->action[SIGCHLD - 1].sa.sa_handler == SIG_IGN ||
				      (psig->action[SIGCHLD - 1].sa.sa_flags & SA_NOCLDWAIT))) {
		autoreap = true;
		if (psig->action[SIGCHLD - 1].sa.sa_handler == SIG_IGN)
			sig = 0;
	}
	if (sig > 0 && valid_signal(sig))
		send_signal_locked(sig, &info, parent, true, false);
	spin_unlock_irqrestore(&psig->siglock, flags);
	wake_up(&parent->signal->wait_chldexit);
	return autoreap;
}

/*
 * Tell @tsk's parent its process stopped or continued (@why: CLD_STOPPED,
 * CLD_CONTINUED): SIGCHLD unless the parent set SA_NOCLDSTOP, and its
 * wait woken. Context: tasklist_lock read-held, no siglock.
 */
static void do_notify_parent_cldstop(struct task_struct *tsk, int why)
{
	struct task_struct *parent = tsk->group_leader->real_parent;
	struct sighand_struct *psig = parent->sighand;
	kernel_siginfo_t info;
	unsigned long flags;

	fill_sigchld_info(&info, tsk, why,
			  why == CLD_CONTINUED ? SIGCONT : tsk->signal->group_exit_code & 0x7f);
	spin_lock_irqsave(&psig->siglock, flags);
	if (!(psig->action[SIGCHLD - 1].sa.sa_flags & SA_NOCLDSTOP))
		send_signal_locked(SIGCHLD, &info, parent, true, false);
	spin_unlock_irqrestore(&psig->siglock, flags);
	wake_up(&parent->signal->wait_chldexit);
}

static void notify_parent_cldstop(int why)
{
	unsigned long flags;

	read_lock_irqsave(&tasklist_lock, flags);
	do_notify_parent_cldstop(current, why);
	read_unlock_irqrestore(&tasklist_lock, flags);
}

/* ---- taking signals: get_signal() ------------------------------------ */

/*
 * Take part in a group stop (Linux's do_signal_stop()): start one for
 * @signr if none is under way, then stop; the last thread to stop makes
 * it complete and tells the parent. Return: true once stopped and woken
 * (the caller looks again), false when there is nothing to stop for.
 * Called with siglock held (interrupts off); returns with it dropped
 * when true.
 */
static bool do_signal_stop(int signr)
{
	struct signal_struct *sig = current->signal;
	struct task_struct *t;
	bool notify = false;

	if (!(current->jobctl & JOBCTL_STOP_PENDING)) {
		if (!signr || (sig->flags & SIGNAL_GROUP_EXIT) || !has_own_signal(current))
			return false;
		sig->group_exit_code = signr;
		sig->group_stop_count = 0;
		for_each_thread(current, t) {
			if (t->exit_state)
				continue;
			t->jobctl |= JOBCTL_STOP_PENDING;
			sig->group_stop_count++;
			if (t != current)
				signal_wake_up(t, false);
		}
	}
	current->jobctl &= ~JOBCTL_STOP_PENDING;
	if (!--sig->group_stop_count) {
		sig->flags = SIGNAL_STOP_STOPPED;
		notify = true;
	}
	set_current_state(TASK_STOPPED);
	spin_unlock_irq(&current->sighand->siglock);
	if (notify)
		notify_parent_cldstop(CLD_STOPPED);
	schedule();
	return true;
}

/*
 * The next signal's fate under siglock: 0 when there is nothing to do,
 * -1 to look again (siglock dropped), or the signal to act on with its
 * siginfo in @ksig (siglock held).
 */
static int take_signal(struct ksignal *ksig)
{
	struct signal_struct *signal = current->signal;
	struct sighand_struct *sighand = current->sighand;
	unsigned int why;

	if (unlikely(signal->flags & (SIGNAL_CLD_STOPPED | SIGNAL_CLD_CONTINUED))) {
		why = (signal->flags & SIGNAL_CLD_CONTINUED) ? CLD_CONTINUED : CLD_STOPPED;
		signal->flags &= ~(SIGNAL_CLD_STOPPED | SIGNAL_CLD_CONTINUED);
		spin_unlock_irq(&sighand->siglock);
		notify_parent_cldstop(why);
		return -1;
	}
	if (unlikely(current->jobctl & JOBCTL_STOP_PENDING) && do_signal_stop(0))
		return -1;
	return dequeue_signal(current, &current->blocked, &ksig->info);
}

bool get_signal(struct ksignal *ksig)
{
	struct sighand_struct *sighand = current->sighand;
	struct signal_struct *signal = current->signal;
	struct k_sigaction *ka;
	int signr;

	for (;;) {
		spin_lock_irq(&sighand->siglock);
		/* The group dies or another thread execs: do_group_exit() picks the code. */
		if (has_own_signal(current) && signal_group_exit(signal)) {
			spin_unlock_irq(&sighand->siglock);
			do_group_exit(0);
		}
		signr = take_signal(ksig);
		if (signr < 0)
			continue;
		if (!signr)
			break;
		ka = &sighand->action[signr - 1];
		if (ka->sa.sa_handler == SIG_IGN)
			goto next;
		if (ka->sa.sa_handler != SIG_DFL) {
			ksig->ka = *ka;
			ksig->sig = signr;
			if (ka->sa.sa_flags & SA_RESETHAND)
				ka->sa.sa_handler = SIG_DFL;
			spin_unlock_irq(&sighand->siglock);
			return true;
		}
		if (sig_kernel_ignore(signr))
			goto next;
		/* init gets only the signals it handles (and a forced fault's). */
		if ((signal->flags & SIGNAL_UNKILLABLE) && !sig_kernel_only(signr))
			goto next;
		if (sig_kernel_stop(signr)) {
			if (!do_signal_stop(signr))
				goto next;
			continue;
		}
		spin_unlock_irq(&sighand->siglock);
		do_group_exit(fatal_exit_code(signr));
next:
		spin_unlock_irq(&sighand->siglock);
	}
	spin_unlock_irq(&sighand->siglock);
	return false;
}

void set_current_blocked(sigset_t *newset)
{
	struct sighand_struct *sighand = current->sighand;

	sigdelsetmask(newset, SIG_KERNEL_ONLY_MASK);
	spin_lock_irq(&sighand->siglock);
	current->blocked = *newset;
	spin_unlock_irq(&sighand->siglock);
}

void signal_setup_done(int failed, struct ksignal *ksig)
{
	sigset_t blocked;

	if (failed) {
		force_sig(SIGSEGV);
		return;
	}
	current->restore_sigmask = false;
	sigorsets(&blocked, &current->blocked, &ksig->ka.sa.sa_mask);
	if (!(ksig->ka.sa.sa_flags & SA_NODEFER))
		sigaddset(&blocked, ksig->sig);
	set_current_blocked(&blocked);
	if (current->sas_ss_flags & SS_AUTODISARM) {
		current->sas_ss_sp = 0;
		current->sas_ss_size = 0;
		current->sas_ss_flags = SS_DISABLE;
	}
}

void restore_saved_sigmask(void)
{
	if (current->restore_sigmask) {
		current->restore_sigmask = false;
		set_current_blocked(&current->saved_sigmask);
	}
}

int copy_siginfo_to_user(void __user *to, const kernel_siginfo_t *from)
{
	if (copy_to_user(to, from, sizeof(*from)))
		return -EFAULT;
	return clear_user((char __user *)to + sizeof(*from), SI_MAX_SIZE - sizeof(*from)) ?
	       -EFAULT : 0;
}

/* ---- the task's signal state ----------------------------------------- */

int copy_sighand(u64 clone_flags, struct task_struct *p)
{
	struct sighand_struct *sig;
	int i;

	init_sigpending(&p->pending);
	p->blocked = current->blocked;
	sigemptyset(&p->real_blocked);
	p->jobctl = 0;
	p->restore_sigmask = false;
	/* The alternate stack is inherited, but not by a child sharing the mm on another stack. */
	if ((clone_flags & (CLONE_VM | CLONE_VFORK)) == CLONE_VM) {
		p->sas_ss_sp = p->sas_ss_size = 0;
		p->sas_ss_flags = SS_DISABLE;
	} else {
		p->sas_ss_sp = current->sas_ss_sp;
		p->sas_ss_size = current->sas_ss_size;
		p->sas_ss_flags = current->sas_ss_flags;
	}
	if (clone_flags & CLONE_SIGHAND) {
		atomic_inc(&current->sighand->count);
		p->sighand = current->sighand;
		return 0;
	}
	sig = kmem_cache_alloc(sighand_cachep, GFP_KERNEL);
	if (!sig)
		return -ENOMEM;
	atomic_set(&sig->count, 1);
	spin_lock_init(&sig->siglock);
	init_waitqueue_head(&sig->signalfd_wqh);
	spin_lock_irq(&current->sighand->siglock);
	memcpy(sig->action, current->sighand->action, sizeof(sig->action));
	spin_unlock_irq(&current->sighand->siglock);
	if (clone_flags & CLONE_CLEAR_SIGHAND)
		for (i = 0; i < _NSIG; i++)
			if (sig->action[i].sa.sa_handler != SIG_IGN)
				sig->action[i].sa.sa_handler = SIG_DFL;
	p->sighand = sig;
	return 0;
}

static void put_sighand(struct sighand_struct *sighand)
{
	if (sighand != &init_sighand && atomic_dec_and_test(&sighand->count))
		kmem_cache_free(sighand_cachep, sighand);
}

int unshare_sighand(struct task_struct *me)
{
	struct sighand_struct *old = me->sighand;
	struct sighand_struct *new;

	if (old != &init_sighand && atomic_read(&old->count) == 1)
		return 0;
	new = kmem_cache_alloc(sighand_cachep, GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	atomic_set(&new->count, 1);
	spin_lock_init(&new->siglock);
	init_waitqueue_head(&new->signalfd_wqh);
	spin_lock_irq(&old->siglock);
	memcpy(new->action, old->action, sizeof(new->action));
	spin_unlock_irq(&old->siglock);
	/* Senders recheck the pointer under the lock (lock_task_sighand()). */
	spin_lock_irq(&old->siglock);
	WRITE_ONCE(me->sighand, new);
	spin_unlock_irq(&old->siglock);
	put_sighand(old);
	return 0;
}

void flush_signal_handlers(struct task_struct *t, bool force_default)
{
	struct k_sigaction *ka = t->sighand->action;
	int i;

	spin_lock_irq(&t->sighand->siglock);
	for (i = 0; i < _NSIG; i++, ka++) {
		if (force_default || ka->sa.sa_handler != SIG_IGN)
			ka->sa.sa_handler = SIG_DFL;
		ka->sa.sa_flags = 0;
		ka->sa.sa_restorer = NULL;
		sigemptyset(&ka->sa.sa_mask);
	}
	spin_unlock_irq(&t->sighand->siglock);
}

void exit_signals_free(struct task_struct *p)
{
	flush_sigqueue(&p->pending);
	if (p->sighand)
		put_sighand(p->sighand);
	p->sighand = NULL;
}

/* ---- the mask and the handlers --------------------------------------- */

SYSCALL_DEFINE4(rt_sigprocmask, int, how, sigset_t __user *, nset, sigset_t __user *, oset,
		size_t, sigsetsize)
{
	sigset_t old = current->blocked, new, set;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&set, nset, sizeof(set)))
			return -EFAULT;
		switch (how) {
		case SIG_BLOCK:
			sigorsets(&new, &old, &set);
			break;
		case SIG_UNBLOCK:
			sigandnsets(&new, &old, &set);
			break;
		case SIG_SETMASK:
			new = set;
			break;
		default:
			return -EINVAL;
		}
		set_current_blocked(&new);
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(rt_sigpending, sigset_t __user *, uset, size_t, sigsetsize)
{
	sigset_t pending;

	if (sigsetsize > sizeof(sigset_t))
		return -EINVAL;
	spin_lock_irq(&current->sighand->siglock);
	sigorsets(&pending, &current->pending.signal, &current->signal->shared_pending.signal);
	spin_unlock_irq(&current->sighand->siglock);
	sigandsets(&pending, &pending, &current->blocked);
	return copy_to_user(uset, &pending, sigsetsize) ? -EFAULT : 0;
}

/*
 * Linux's do_sigaction(): install @act for @sig (SIGKILL, SIGSTOP
 * refused), report the old one in @oact. An ignored signal's pending
 * instances are discarded, in every thread.
 */
static int do_sigaction(int sig, struct k_sigaction *act, struct k_sigaction *oact)
{
	struct task_struct *p = current;
	struct k_sigaction *k;
	sigset_t mask;

	if (!valid_signal(sig) || sig < 1 || (act && sig_kernel_only(sig)))
		return -EINVAL;
	k = &p->sighand->action[sig - 1];
	spin_lock_irq(&p->sighand->siglock);
	if (oact) {
		*oact = *k;
		oact->sa.sa_flags &= UAPI_SA_FLAGS;
	}
	if (act) {
		act->sa.sa_flags &= UAPI_SA_FLAGS;
		sigdelsetmask(&act->sa.sa_mask, SIG_KERNEL_ONLY_MASK);
		*k = *act;
		if (sig_handler_ignored(k->sa.sa_handler, sig)) {
			siginitset(&mask, sigmask(sig));
			flush_process_signals(p, &mask);
		}
	}
	spin_unlock_irq(&p->sighand->siglock);
	return 0;
}

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct sigaction __user *, act,
		struct sigaction __user *, oact, size_t, sigsetsize)
{
	struct k_sigaction new, old;
	int ret;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (act && copy_from_user(&new.sa, act, sizeof(new.sa)))
		return -EFAULT;
	ret = do_sigaction(sig, act ? &new : NULL, oact ? &old : NULL);
	if (!ret && oact && copy_to_user(oact, &old.sa, sizeof(old.sa)))
		return -EFAULT;
	return ret;
}

/* ---- waiting for signals --------------------------------------------- */

SYSCALL_DEFINE0(pause)
{
	while (!signal_pending(current)) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!signal_pending(current))
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return -ERESTARTNOHAND;
}

/*
 * Sleep with @set as the mask until a signal is delivered; the old mask
 * comes back after the handler (restore_sigmask). Linux's sigsuspend().
 */
static long sigsuspend(sigset_t *set)
{
	current->saved_sigmask = current->blocked;
	set_current_blocked(set);
	while (!signal_pending(current)) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!signal_pending(current))
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	current->restore_sigmask = true;
	return -ERESTARTNOHAND;
}

SYSCALL_DEFINE2(rt_sigsuspend, sigset_t __user *, unewset, size_t, sigsetsize)
{
	sigset_t newset;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&newset, unewset, sizeof(newset)))
		return -EFAULT;
	return sigsuspend(&newset);
}

/*
 * Linux's do_sigtimedwait(): dequeue one of @which (blocked while we
 * wait, so it is not delivered), sleeping up to @ts (NULL: forever).
 * Return: the signal, -EAGAIN on timeout, -EINTR for another signal.
 */
static int do_sigtimedwait(const sigset_t *which, kernel_siginfo_t *info,
			   const struct timespec64 *ts)
{
	struct task_struct *tsk = current;
	long timeout = MAX_SCHEDULE_TIMEOUT;
	sigset_t mask = *which;
	int sig;

	if (ts) {
		if (!timespec64_valid(ts))
			return -EINVAL;
		timeout = 0;
		if (ts->tv_sec || ts->tv_nsec)	/* rounded up, plus the tick under way */
			timeout = min_t(u64, DIV_ROUND_UP((u64)timespec64_to_ns(ts), TICK_NSEC) + 1,
					MAX_SCHEDULE_TIMEOUT - 1);
	}
	sigdelsetmask(&mask, SIG_KERNEL_ONLY_MASK);
	signotset(&mask);
	spin_lock_irq(&tsk->sighand->siglock);
	sig = dequeue_signal(tsk, &mask, info);
	if (!sig && timeout) {
		/* What we wait for is unblocked meanwhile: it wakes us, and stays queued. */
		tsk->real_blocked = tsk->blocked;
		sigandsets(&tsk->blocked, &tsk->blocked, &mask);
		set_current_state(TASK_INTERRUPTIBLE);
		spin_unlock_irq(&tsk->sighand->siglock);
		timeout = schedule_timeout(timeout);
		spin_lock_irq(&tsk->sighand->siglock);
		tsk->blocked = tsk->real_blocked;
		sigemptyset(&tsk->real_blocked);
		sig = dequeue_signal(tsk, &mask, info);
	}
	spin_unlock_irq(&tsk->sighand->siglock);
	if (sig)
		return sig;
	return timeout ? -EINTR : -EAGAIN;
}

SYSCALL_DEFINE4(rt_sigtimedwait, const sigset_t __user *, uthese, void __user *, uinfo,
		const struct __kernel_timespec __user *, uts, size_t, sigsetsize)
{
	struct timespec64 ts;
	kernel_siginfo_t info;
	sigset_t these;
	int ret;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&these, uthese, sizeof(these)))
		return -EFAULT;
	if (uts && get_timespec64(&ts, uts))
		return -EFAULT;
	ret = do_sigtimedwait(&these, &info, uts ? &ts : NULL);
	if (ret > 0 && uinfo && copy_siginfo_to_user(uinfo, &info))
		return -EFAULT;
	return ret;
}

/*
 * restart_syscall(): what a call interrupted with -ERESTART_RESTARTBLOCK
 * left to do (the return to user mode made the task call it). Anything
 * else gets -EINTR, as Linux's do_no_restart_syscall().
 */
SYSCALL_DEFINE0(restart_syscall)
{
	struct restart_block *restart = &current->restart_block;
	long (*fn)(struct restart_block *) = restart->fn;

	restart->fn = NULL;
	return fn ? fn(restart) : -EINTR;
}

/* ---- sigaltstack() --------------------------------------------------- */

int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp, size_t min_ss_size)
{
	struct task_struct *t = current;
	unsigned int mode;

	if (oss) {
		memset(oss, 0, sizeof(*oss));
		oss->ss_sp = (void __user *)t->sas_ss_sp;
		oss->ss_size = t->sas_ss_size;
		oss->ss_flags = sas_ss_flags(sp) | (t->sas_ss_flags & SS_FLAG_BITS);
	}
	if (!ss)
		return 0;
	if (on_sig_stack(sp))
		return -EPERM;
	mode = ss->ss_flags & ~SS_FLAG_BITS;
	if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
		return -EINVAL;
	if (mode == SS_DISABLE) {
		t->sas_ss_sp = 0;
		t->sas_ss_size = 0;
	} else {
		if (ss->ss_size < min_ss_size)
			return -ENOMEM;
		t->sas_ss_sp = (unsigned long)ss->ss_sp;
		t->sas_ss_size = ss->ss_size;
	}
	t->sas_ss_flags = ss->ss_flags;
	return 0;
}

SYSCALL_DEFINE2(sigaltstack, const stack_t __user *, uss, stack_t __user *, uoss)
{
	stack_t new, old;
	int err;

	if (uss && copy_from_user(&new, uss, sizeof(new)))
		return -EFAULT;
	err = do_sigaltstack(uss ? &new : NULL, uoss ? &old : NULL, task_pt_regs(current)->sp,
			     MINSIGSTKSZ);
	if (!err && uoss && copy_to_user(uoss, &old, sizeof(old)))
		return -EFAULT;
	return err;
}

void signals_init(void)
{
	sigqueue_cachep = kmem_cache_create("sigqueue", sizeof(struct sigqueue), 0, SLAB_PANIC,
					    NULL);
	sighand_cachep = kmem_cache_create("sighand_cache", sizeof(struct sighand_struct), 0,
					   SLAB_PANIC, NULL);
}
