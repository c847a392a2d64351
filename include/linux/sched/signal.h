/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct signal_struct: what the threads of a process share beyond the
 * mm and the files (Linux's kernel/signal.c and kernel/sys.c data): the
 * resource limits, the queue wait4() sleeps on, the thread group and
 * the process's signal state. Kernel threads share init_signal and are
 * on no thread list (each is a group of one: nr_threads 0, never zapped);
 * fork gives a process its own copy, CLONE_THREAD shares the caller's
 * (kernel/fork.c). sigcnt counts the tasks pointing at it; the last
 * free_task() frees it.
 *
 * Thread groups (kernel/fork.c, kernel/exit.c, fs/exec.c's de_thread()):
 *
 *   signal->thread_head -> leader -> thread -> thread   (task->thread_node)
 *
 * The leader is the task clone() without CLONE_THREAD made; its pid is
 * every thread's tgid (getpid()). Only the leader is on the task list and
 * on its parent's children: a thread is never a child anyone waits for.
 * A thread leaves the list when it exits (it is reaped at once); a leader
 * that exits first stays on it as a zombie until the last thread is gone,
 * and only then is its parent told.
 *
 * Locking: a limit is read with READ_ONCE() of one word; setrlimit()
 * and prlimit64() (kernel/sys.c) write under task_lock() of the task
 * and store each word once; fork copies the limits under the same lock.
 */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <asm/signal.h>
#include <linux/timer.h>
#include <linux/spinlock.h>

/* signal->flags (siglock), Linux's. */
#define SIGNAL_STOP_STOPPED	0x00000001	/* the group stop is complete */
#define SIGNAL_STOP_CONTINUED	0x00000002	/* SIGCONT since WCONTINUED was reported */
#define SIGNAL_GROUP_EXIT	0x00000004	/* exit_group() or a fatal signal: all threads die */
#define SIGNAL_CLD_STOPPED	0x00000010	/* the parent is to be told of the stop */
#define SIGNAL_CLD_CONTINUED	0x00000020	/* ... of the continue */
#define SIGNAL_UNKILLABLE	0x00000040	/* init: only the signals it handles */

struct signal_struct {
	struct rlimit rlim[RLIM_NLIMITS];	/* writers: task_lock() of a task of the process */
	/* wait4() and waitid() sleep here; a child's exit wakes them (kernel/exit.c). */
	wait_queue_head_t wait_chldexit;

	atomic_t sigcnt;		/* tasks pointing here: the last free_task() frees it */
	/*
	 * The threads (task->thread_node) and their number: changed under
	 * tasklist_lock (written) and, once the group has threads, siglock;
	 * either lock keeps them still for a reader.
	 */
	struct list_head thread_head;
	int nr_threads;
	atomic_t live;			/* threads that have not yet begun do_exit() */

	/* What kernel/signal.c keeps for the process, under sighand->siglock. */
	struct sigpending shared_pending;	/* kill(): any thread may take it */
	unsigned int flags;			/* SIGNAL_* */
	int group_exit_code;			/* the wait status of a group exit */
	int group_stop_count;			/* threads yet to stop */
	struct task_struct *group_exec_task;	/* execve() killing the other threads */

	/*
	 * The session (kernel/sys.c, drivers/tty/tty_jobctrl.c): leader is
	 * set by setsid(); tty is the controlling terminal, NULL or an open
	 * tty, written under tasklist_lock (written) and tty_mutex both, so
	 * either lock keeps it for a reader; the tty's last close clears it.
	 */
	bool leader;
	struct tty_struct *tty;

	/*
	 * Reaped children's totals, their children's included (wait4()'s
	 * reap, under tasklist_lock), and maxrss, the process's own peak RSS
	 * in pages of the mms it left (exec, exit): getrusage()'s.
	 */
	u64 cutime, cstime;
	unsigned long cnvcsw, cnivcsw, cmin_flt, cmaj_flt;
	unsigned long maxrss, cmaxrss;

	/*
	 * ITIMER_REAL (kernel/time/itimer.c), under itimer_lock: real_timer
	 * sends SIGALRM to the process it_real_pid and re-arms itself every
	 * it_real_incr ns (0: once).
	 */
	spinlock_t itimer_lock;
	struct timer_list real_timer;
	u64 it_real_incr;
	pid_t it_real_pid;
};

/* @p leads its thread group: its pid is the group's tgid. */
static inline bool thread_group_leader(const struct task_struct *p)
{
	return p->group_leader == p;
}

/* Threads of @p's group not yet reaped, zombie leader included; 0 for a kernel thread. */
static inline int get_nr_threads(const struct task_struct *p)
{
	return READ_ONCE(p->signal->nr_threads);
}

/* @p is alone in its group (a kernel thread always is). */
static inline bool thread_group_empty(const struct task_struct *p)
{
	return get_nr_threads(p) <= 1;
}

/* A leader whose threads still run: its wait status is not ready (tasklist_lock). */
static inline bool delay_group_leader(const struct task_struct *p)
{
	return thread_group_leader(p) && !thread_group_empty(p);
}

/* Linux's signal_group_exit(): the group is dying (exit_group(), a fatal signal) or execing. */
static inline bool signal_group_exit(const struct signal_struct *sig)
{
	return (sig->flags & SIGNAL_GROUP_EXIT) || sig->group_exec_task;
}

/**
 * zap_other_threads - SIGKILL to every other live thread of @p's group
 * @p: the thread that stays (exit_group()'s caller, or de_thread()'s)
 *
 * Each gets SIGKILL in its own pending set and is woken from any
 * killable sleep; it dies on its way back to user mode. Nothing waits.
 * Return: how many were sent it. Context: @p->sighand->siglock held
 * (kernel/exit.c).
 */
int zap_other_threads(struct task_struct *p);

/**
 * do_group_exit - exit_group(): end every thread of the caller's process
 * @exit_code: the wait status of the process (Linux's)
 *
 * The first thread to ask sets SIGNAL_GROUP_EXIT and group_exit_code
 * under siglock and zaps the others; a thread that finds the group
 * already dying exits with the group's code. The caller then do_exit()s;
 * the last thread out does the process's exit (mm, files; the leader's
 * parent told). Also what a fatal signal's delivery calls. Context:
 * process; does not return.
 */
void __noreturn do_group_exit(int exit_code);

/* The signal_struct of a task being freed loses a user; the last frees it (kernel/fork.c). */
void put_signal_struct(struct signal_struct *sig);

/*
 * The interface between signals and everything that sleeps or sends
 * (kernel/signal.c):
 *
 *   signal_pending(p)        an unblocked signal waits for p: an
 *                            interruptible sleep returns -EINTR or
 *                            -ERESTARTSYS (include/linux/errno.h)
 *   fatal_signal_pending(p)  SIGKILL waits (even a killable sleep ends)
 *   send_sig(sig, p, priv)   send to p's process as the kernel (SIGPIPE...)
 *   send_sig_info()          the same with a siginfo
 *   force_sig_fault()        a synchronous fault signal to current,
 *                            unblocked and its handler reset if ignored
 *   kill_pgrp()              to every process of a process group
 *   signal_wake_up(t, fatal) wake t from an interruptible (or, when fatal,
 *                            killable) sleep to see a new signal
 */
bool signal_pending(struct task_struct *p);
bool signal_pending_state(unsigned int state, struct task_struct *p);
bool fatal_signal_pending(struct task_struct *p);
int send_sig(int sig, struct task_struct *p, int priv);
int send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p);
int force_sig(int sig);
int force_sig_fault(int sig, int code, void __user *addr);
int kill_pgrp(int pgrp, int sig, int priv);
void signal_wake_up(struct task_struct *t, bool fatal);
/* unhandled_signal - would @sig hit no handler of @tsk (the fault messages print then)? */
bool unhandled_signal(struct task_struct *tsk, int sig);
/* signals_init - the slab caches of sigqueues and handler tables. Context: boot. */
void signals_init(void);

extern struct signal_struct init_signal;

/*
 * The alternate signal stack (sigaltstack()), Linux's helpers: is @sp on
 * current's? (never, with SS_AUTODISARM: it is disarmed while in use);
 * the flags sigaltstack() reports for it.
 */
static inline bool __on_sig_stack(unsigned long sp)
{
	return sp > current->sas_ss_sp && sp - current->sas_ss_sp <= current->sas_ss_size;
}

static inline bool on_sig_stack(unsigned long sp)
{
	if (current->sas_ss_flags & SS_AUTODISARM)
		return false;
	return __on_sig_stack(sp);
}

static inline int sas_ss_flags(unsigned long sp)
{
	if (!current->sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

/*
 * The threads of @p's process (signal->thread_head, thread_node):
 * tasklist_lock or siglock held. Kernel threads share init_signal and are
 * on no list.
 */
#define __for_each_thread(signal, t)	\
	list_for_each_entry(t, &(signal)->thread_head, thread_node)
#define for_each_thread(p, t)	__for_each_thread((p)->signal, t)

/*
 * Process groups (kernel/sys.c). is_current_pgrp_orphaned(): no member
 * of the caller's group has a parent in another group of its session
 * (a background read or write then fails with -EIO instead of stopping).
 * kill_orphaned_pgrp(): before @tsk's exit notifies its parent, SIGHUP
 * then SIGCONT every group its exit orphans that has stopped members
 * (its own and its children's), as POSIX asks. Context: process.
 */
bool is_current_pgrp_orphaned(void);
void kill_orphaned_pgrp(struct task_struct *tsk);

/*
 * Interval timers (kernel/time/itimer.c). init_itimers() prepares a new
 * process's (fork); exit_itimers() stops them when the process ends (its
 * last thread's do_exit()). Context: process.
 */
void init_itimers(struct signal_struct *sig);
void exit_itimers(struct signal_struct *sig);

static inline unsigned long task_rlimit(const struct task_struct *task, unsigned int limit)
{
	return READ_ONCE(task->signal->rlim[limit].rlim_cur);
}

static inline unsigned long task_rlimit_max(const struct task_struct *task, unsigned int limit)
{
	return READ_ONCE(task->signal->rlim[limit].rlim_max);
}

/* The calling task's soft limit of @limit (RLIMIT_*). */
static inline unsigned long rlimit(unsigned int limit)
{
	return task_rlimit(current, limit);
}

static inline unsigned long rlimit_max(unsigned int limit)
{
	return task_rlimit_max(current, limit);
}

#endif /* _LINUX_SCHED_SIGNAL_H */
