// SPDX-License-Identifier: GPL-2.0
/*
 * signal_calls: the signal system calls and their errors, handlers and
 * their flags, queueing, the alternate stack, stop and continue seen by
 * wait, SIGCHLD, interrupted calls (EINTR or SA_RESTART), the FPU state
 * across a handler, and signals to a process spinning in user space (the
 * interrupt return path). Each case that could kill the program runs in a
 * child (utest.h's child_status()).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include "utest.h"

#ifndef SS_AUTODISARM
#define SS_AUTODISARM	(1U << 31)
#endif
#define KERNEL_MINSIGSTKSZ	2048	/* the kernel's (glibc's MINSIGSTKSZ may be sysconf()'s) */

/* The kernel's struct sigaction, for calls libc would fix up (SA_RESTORER). */
struct ksigaction {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	uint64_t mask;
};

static volatile sig_atomic_t hits, depth, max_depth, order[8], norder;
static siginfo_t last_info;
static volatile int last_value[8];

static void count_handler(int sig)
{
	(void)sig;
	hits++;
}

static void info_handler(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	last_info = *si;
	if (hits < 8)
		last_value[hits] = si->si_value.sival_int;
	hits++;
}

static void set_handler(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa = { .sa_handler = fn, .sa_flags = flags };

	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void set_info_handler(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa = { .sa_sigaction = fn, .sa_flags = flags | SA_SIGINFO };

	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void block(int how, int sig)
{
	sigset_t s;

	sigemptyset(&s);
	if (sig)
		sigaddset(&s, sig);
	sigprocmask(how, &s, NULL);
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* ---- rt_sigaction, rt_sigprocmask, rt_sigpending ---------------------- */

static void sigaction_errors(void)
{
	struct ksigaction ka = { 0 };

	expect_errno(sigaction(SIGKILL, &(struct sigaction){ .sa_handler = SIG_IGN }, NULL),
		     EINVAL, "rt_sigaction(SIGKILL) is EINVAL");
	expect_errno(sigaction(SIGSTOP, &(struct sigaction){ .sa_handler = SIG_IGN }, NULL),
		     EINVAL, "rt_sigaction(SIGSTOP) is EINVAL");
	expect_errno(syscall(SYS_rt_sigaction, 0, NULL, &ka, 8), EINVAL, "signal 0 is EINVAL");
	expect_errno(syscall(SYS_rt_sigaction, 65, NULL, &ka, 8), EINVAL, "signal 65 is EINVAL");
	expect_errno(syscall(SYS_rt_sigaction, SIGUSR1, NULL, &ka, 4), EINVAL,
		     "a sigsetsize other than 8 is EINVAL");
	expect_errno(syscall(SYS_rt_sigaction, SIGUSR1, (void *)8, NULL, 8), EFAULT,
		     "a bad act pointer is EFAULT");
	expect_ok(syscall(SYS_rt_sigaction, SIGKILL, NULL, &ka, 8),
		  "SIGKILL's action may be read");
}

static void sigaction_reports_and_clears_unknown_flags(void)
{
	struct ksigaction ka = { .handler = count_handler, .flags = SA_RESTART | 0x400 };
	struct ksigaction old = { 0 };

	syscall(SYS_rt_sigaction, SIGUSR2, &ka, NULL, 8);
	syscall(SYS_rt_sigaction, SIGUSR2, NULL, &old, 8);
	ksft_test_result(old.handler == count_handler && old.flags == SA_RESTART,
			 "rt_sigaction keeps the handler and clears unknown flag bits");
	set_handler(SIGUSR2, SIG_DFL, 0);
}

static void sigprocmask_rules(void)
{
	sigset_t s, old;

	expect_errno(syscall(SYS_rt_sigprocmask, 3, &s, NULL, 8), EINVAL, "a bad how is EINVAL");
	expect_errno(syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &old, 16), EINVAL,
		     "rt_sigprocmask with sigsetsize 16 is EINVAL");
	sigfillset(&s);
	sigprocmask(SIG_SETMASK, &s, &old);
	sigprocmask(SIG_SETMASK, &old, &s);
	ksft_test_result(!sigismember(&s, SIGKILL) && !sigismember(&s, SIGSTOP) &&
			 sigismember(&s, SIGUSR1) && sigismember(&s, SIGRTMAX),
			 "SIGKILL and SIGSTOP cannot be blocked, the rest can");
	block(SIG_BLOCK, SIGUSR1);
	block(SIG_UNBLOCK, 0);
	sigprocmask(SIG_SETMASK, NULL, &s);
	ksft_test_result(sigismember(&s, SIGUSR1), "SIG_BLOCK adds, SIG_UNBLOCK of none keeps");
	block(SIG_UNBLOCK, SIGUSR1);
	sigprocmask(SIG_SETMASK, NULL, &s);
	ksft_test_result(!sigismember(&s, SIGUSR1), "SIG_UNBLOCK removes");
}

static void pending_and_coalescing(void)
{
	sigset_t p;

	hits = 0;
	set_handler(SIGUSR1, count_handler, 0);
	block(SIG_BLOCK, SIGUSR1);
	kill(getpid(), SIGUSR1);
	kill(getpid(), SIGUSR1);
	sigpending(&p);
	ksft_test_result(sigismember(&p, SIGUSR1) && hits == 0,
			 "a blocked signal is pending (rt_sigpending), not delivered");
	block(SIG_UNBLOCK, SIGUSR1);
	ksft_test_result(hits == 1, "two standard signals sent while blocked coalesce into one");
	set_handler(SIGUSR1, SIG_DFL, 0);
}

static void realtime_signals_queue_in_order(void)
{
	int i;

	hits = 0;
	set_info_handler(SIGRTMIN + 1, info_handler, 0);
	block(SIG_BLOCK, SIGRTMIN + 1);
	for (i = 1; i <= 3; i++)
		sigqueue(getpid(), SIGRTMIN + 1, (union sigval){ .sival_int = i * 10 });
	block(SIG_UNBLOCK, SIGRTMIN + 1);
	ksft_test_result(hits == 3 && last_value[0] == 10 && last_value[1] == 20 &&
			 last_value[2] == 30, "real-time signals queue, delivered in order with values");
	ksft_test_result(last_info.si_code == SI_QUEUE && last_info.si_pid == getpid(),
			 "sigqueue: si_code SI_QUEUE, si_pid the sender");
	set_handler(SIGRTMIN + 1, SIG_DFL, 0);
}

/* ---- handlers and their siginfo --------------------------------------- */

static void siginfo_of_kill_and_raise(void)
{
	set_info_handler(SIGUSR1, info_handler, 0);
	kill(getpid(), SIGUSR1);
	ksft_test_result(last_info.si_signo == SIGUSR1 && last_info.si_code == SI_USER &&
			 last_info.si_pid == getpid() && last_info.si_uid == getuid(),
			 "kill: si_signo, SI_USER, si_pid, si_uid");
	syscall(SYS_tgkill, getpid(), gettid(), SIGUSR1);
	ksft_test_result(last_info.si_code == SI_TKILL && last_info.si_pid == getpid(),
			 "tgkill: SI_TKILL");
	syscall(SYS_tkill, gettid(), SIGUSR1);
	ksft_test_result(last_info.si_code == SI_TKILL, "tkill: SI_TKILL");
	set_handler(SIGUSR1, SIG_DFL, 0);
}

static void nodefer_handler(int sig)
{
	depth++;
	if (depth > max_depth)
		max_depth = depth;
	if (++hits < 3)
		raise(sig);
	depth--;
}

static void nodefer_and_default_blocking(void)
{
	max_depth = depth = hits = 0;
	set_handler(SIGUSR2, nodefer_handler, SA_NODEFER);
	raise(SIGUSR2);
	ksft_test_result(max_depth == 3, "SA_NODEFER: the handler nests in itself");
	max_depth = depth = hits = 0;
	set_handler(SIGUSR2, nodefer_handler, 0);
	raise(SIGUSR2);
	ksft_test_result(max_depth == 1 && hits == 3, "without SA_NODEFER the signal waits for the handler's end");
	set_handler(SIGUSR2, SIG_DFL, 0);
}

static void order_handler(int sig)
{
	order[norder++] = sig;
	if (sig == SIGUSR1)
		raise(SIGUSR2);
	order[norder++] = -sig;
}

static void nested_handlers(void)
{
	norder = 0;
	set_handler(SIGUSR1, order_handler, 0);
	set_handler(SIGUSR2, order_handler, 0);
	raise(SIGUSR1);
	ksft_test_result(norder == 4 && order[0] == SIGUSR1 && order[1] == SIGUSR2 &&
			 order[2] == -SIGUSR2 && order[3] == -SIGUSR1,
			 "another signal's handler nests inside a handler");
	{
		struct sigaction sa = { .sa_handler = order_handler };

		sigemptyset(&sa.sa_mask);
		sigaddset(&sa.sa_mask, SIGUSR2);
		sigaction(SIGUSR1, &sa, NULL);
	}
	norder = 0;
	raise(SIGUSR1);
	ksft_test_result(norder == 4 && order[1] == -SIGUSR1 && order[2] == SIGUSR2,
			 "sa_mask holds a signal back until the handler returns");
	set_handler(SIGUSR1, SIG_DFL, 0);
	set_handler(SIGUSR2, SIG_DFL, 0);
}

static void resethand(void)
{
	struct sigaction old;

	hits = 0;
	set_handler(SIGUSR1, count_handler, SA_RESETHAND);
	raise(SIGUSR1);
	sigaction(SIGUSR1, NULL, &old);
	ksft_test_result(hits == 1 && old.sa_handler == SIG_DFL,
			 "SA_RESETHAND: SIG_DFL once delivered");
}

static int raise_usr1(void *unused)
{
	(void)unused;
	raise(SIGUSR1);
	return 0;
}

static int raise_ignored(void *unused)
{
	(void)unused;
	set_handler(SIGUSR1, SIG_IGN, 0);
	raise(SIGUSR1);
	raise(SIGCHLD);
	raise(SIGURG);
	raise(SIGWINCH);
	return 7;
}

static int no_restorer(void *unused)
{
	struct ksigaction ka = { .handler = count_handler };

	(void)unused;
	syscall(SYS_rt_sigaction, SIGUSR1, &ka, NULL, 8);
	raise(SIGUSR1);
	return 0;
}

static int bad_sigreturn(void *unused)
{
	(void)unused;
	__asm__ volatile("xor %%esp, %%esp\n\tmov %0, %%eax\n\tsyscall" : : "i"(SYS_rt_sigreturn));
	return 0;
}

static void default_actions(void)
{
	ksft_test_result(killed_by(child_status(raise_usr1, NULL), SIGUSR1),
			 "SIGUSR1's default action terminates");
	ksft_test_result(exited_with(child_status(raise_ignored, NULL), 7),
			 "SIG_IGN and the default-ignored signals (CHLD, URG, WINCH) do nothing");
	ksft_test_result(killed_by(child_status(no_restorer, NULL), SIGSEGV),
			 "a handler without SA_RESTORER: SIGSEGV at delivery (x86-64)");
	ksft_test_result(killed_by(child_status(bad_sigreturn, NULL), SIGSEGV),
			 "rt_sigreturn of an unreadable frame: SIGSEGV");
}

/* ---- sigaltstack -------------------------------------------------------- */

static char altstack[64 << 10];
static volatile int on_alt, alt_flags, alt_eperm;

static void alt_handler(int sig)
{
	char here;
	stack_t ss, cur;

	(void)sig;
	on_alt = &here >= altstack && &here < altstack + sizeof(altstack);
	sigaltstack(NULL, &cur);
	alt_flags = cur.ss_flags;
	ss = cur;
	ss.ss_flags = 0;
	alt_eperm = sigaltstack(&ss, NULL) == -1 && errno == EPERM;
}

static void sigaltstack_calls(void)
{
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) }, old;

	expect_errno(sigaltstack(&(stack_t){ .ss_sp = altstack, .ss_size = 1024 }, NULL), ENOMEM,
		     "sigaltstack below MINSIGSTKSZ is ENOMEM");
	expect_errno(sigaltstack(&(stack_t){ .ss_sp = altstack, .ss_size = sizeof(altstack),
					      .ss_flags = 0x10 }, NULL),
		     EINVAL, "sigaltstack with unknown flags is EINVAL");
	sigaltstack(NULL, &old);
	ksft_test_result(old.ss_flags == SS_DISABLE, "no altstack at first: SS_DISABLE");
	expect_ok(sigaltstack(&ss, NULL), "sigaltstack sets a stack");
	set_handler(SIGUSR1, alt_handler, SA_ONSTACK);
	raise(SIGUSR1);
	ksft_test_result(on_alt && alt_flags == SS_ONSTACK,
			 "SA_ONSTACK runs the handler on it, which reports SS_ONSTACK");
	ksft_test_result(alt_eperm, "changing the altstack while on it is EPERM");
	ss.ss_flags = SS_AUTODISARM;
	sigaltstack(&ss, NULL);
	raise(SIGUSR1);
	ksft_test_result(on_alt && alt_flags == SS_DISABLE && !alt_eperm,
			 "SS_AUTODISARM: disarmed while the handler runs on it");
	sigaltstack(NULL, &old);
	ksft_test_result(old.ss_sp == altstack && (old.ss_flags & SS_AUTODISARM),
			 "... and armed again after it returns");
	sigaltstack(&(stack_t){ .ss_flags = SS_DISABLE }, NULL);
	sigaltstack(NULL, &old);
	ksft_test_result(old.ss_flags == SS_DISABLE, "SS_DISABLE removes it");
	set_handler(SIGUSR1, SIG_DFL, 0);
}

static void recurse_on_alt(int sig)
{
	raise(sig);	/* SA_NODEFER: each frame lower on the small stack, until it is full */
}

static int altstack_overflow(void *unused)
{
	static char small[KERNEL_MINSIGSTKSZ];

	(void)unused;
	sigaltstack(&(stack_t){ .ss_sp = small, .ss_size = sizeof(small) }, NULL);
	set_handler(SIGUSR1, recurse_on_alt, SA_ONSTACK | SA_NODEFER);
	raise(SIGUSR1);
	return 0;
}

/* ---- waiting for signals ------------------------------------------------ */

static void sigtimedwait_calls(void)
{
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	siginfo_t si;
	sigset_t s;

	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	block(SIG_BLOCK, SIGUSR1);
	expect_errno(sigtimedwait(&s, &si, &ts), EAGAIN, "rt_sigtimedwait times out with EAGAIN");
	sigqueue(getpid(), SIGUSR1, (union sigval){ .sival_int = 42 });
	ksft_test_result(sigtimedwait(&s, &si, &ts) == SIGUSR1 && si.si_code == SI_QUEUE &&
			 si.si_value.sival_int == 42,
			 "rt_sigtimedwait takes a pending signal with its siginfo");
	expect_errno(syscall(SYS_rt_sigtimedwait, &s, NULL, NULL, 4), EINVAL,
		     "rt_sigtimedwait's sigsetsize 4 is EINVAL");
	expect_errno(sigtimedwait(&s, &si, &(struct timespec){ 0, 1000000000 }), EINVAL,
		     "a timeout with tv_nsec >= 1e9 is EINVAL");
	block(SIG_UNBLOCK, SIGUSR1);
}

/* A child that sends @sig to its parent after @ms, then exits. */
static pid_t signal_parent_later(int sig, long ms)
{
	pid_t pid = fork();

	if (pid == 0) {
		sleep_ms(ms);
		kill(getppid(), sig);
		_exit(0);
	}
	return pid;
}

static void sigsuspend_and_pause(void)
{
	sigset_t empty, now;
	pid_t pid;
	int r;

	hits = 0;
	set_handler(SIGUSR1, count_handler, 0);
	block(SIG_BLOCK, SIGUSR1);
	sigemptyset(&empty);
	pid = signal_parent_later(SIGUSR1, 20);
	r = sigsuspend(&empty);
	sigprocmask(SIG_SETMASK, NULL, &now);
	ksft_test_result(r == -1 && errno == EINTR && hits == 1 && sigismember(&now, SIGUSR1),
			 "rt_sigsuspend: EINTR after the handler, the old mask back");
	waitpid(pid, NULL, 0);
	block(SIG_UNBLOCK, SIGUSR1);
	pid = signal_parent_later(SIGUSR1, 20);
	r = pause();
	ksft_test_result(r == -1 && errno == EINTR && hits == 2, "pause: EINTR after the handler");
	waitpid(pid, NULL, 0);
	set_handler(SIGUSR1, SIG_DFL, 0);
}

static void interrupted_calls(void)
{
	pid_t sleeper, sender;
	struct timespec ts = { 5, 0 }, rem = { 0, 0 };
	int r;

	set_handler(SIGUSR1, count_handler, 0);
	sleeper = fork();
	if (sleeper == 0) {
		sleep_ms(300);
		_exit(0);
	}
	sender = signal_parent_later(SIGUSR1, 30);
	r = waitpid(sleeper, NULL, 0);
	ksft_test_result(r == -1 && errno == EINTR, "wait4 interrupted by a handler: EINTR");
	waitpid(sender, NULL, 0);
	set_handler(SIGUSR1, count_handler, SA_RESTART);
	sender = signal_parent_later(SIGUSR1, 30);
	r = waitpid(sleeper, NULL, 0);
	ksft_test_result(r == sleeper, "wait4 with SA_RESTART restarts and reaps");
	waitpid(sender, NULL, 0);
	set_handler(SIGUSR1, count_handler, SA_RESTART);
	sender = signal_parent_later(SIGUSR1, 30);
	r = nanosleep(&ts, &rem);
	ksft_test_result(r == -1 && errno == EINTR && rem.tv_sec >= 4 && rem.tv_sec <= 5,
			 "nanosleep: EINTR even with SA_RESTART, the time left in rem");
	waitpid(sender, NULL, 0);
	set_handler(SIGUSR1, SIG_DFL, 0);
}

/* ---- children: stop, continue, SIGCHLD, user-space spinning ------------ */

static void chld_handler(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	last_info = *si;
	hits++;
}

static void stop_and_continue(void)
{
	siginfo_t si;
	pid_t pid;
	int st = 0;

	pid = fork();
	if (pid == 0)
		for (;;)
			sched_yield();
	kill(pid, SIGSTOP);
	ksft_test_result(waitpid(pid, &st, WUNTRACED) == pid && WIFSTOPPED(st) &&
			 WSTOPSIG(st) == SIGSTOP, "wait4(WUNTRACED) sees the child stopped by SIGSTOP");
	ksft_test_result(waitpid(pid, &st, WUNTRACED | WNOHANG) == 0,
			 "a stop is reported once");
	kill(pid, SIGCONT);
	ksft_test_result(waitpid(pid, &st, WCONTINUED) == pid && WIFCONTINUED(st),
			 "wait4(WCONTINUED) sees it continued (status 0xffff)");
	/* SIGSTOP: SIGTSTP to an orphaned process group (under the test runner) is discarded. */
	kill(pid, SIGSTOP);
	ksft_test_result(waitid(P_PID, pid, &si, WSTOPPED) == 0 && si.si_code == CLD_STOPPED &&
			 si.si_status == SIGSTOP && si.si_pid == pid,
			 "waitid(WSTOPPED): CLD_STOPPED with the signal");
	kill(pid, SIGKILL);
	ksft_test_result(waitpid(pid, &st, 0) == pid && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL,
			 "SIGKILL ends a stopped child");
}

static void sigchld_siginfo(void)
{
	pid_t pid;

	hits = 0;
	set_info_handler(SIGCHLD, chld_handler, SA_RESTART);
	pid = fork();
	if (pid == 0)
		_exit(42);
	while (!hits)
		sched_yield();
	ksft_test_result(last_info.si_signo == SIGCHLD && last_info.si_code == CLD_EXITED &&
			 last_info.si_pid == pid && last_info.si_status == 42,
			 "SIGCHLD: CLD_EXITED, the child's pid and exit code");
	waitpid(pid, NULL, 0);
	hits = 0;
	pid = fork();
	if (pid == 0)
		for (;;)
			;
	kill(pid, SIGSTOP);
	while (!hits)
		sched_yield();
	ksft_test_result(last_info.si_code == CLD_STOPPED && last_info.si_status == SIGSTOP,
			 "SIGCHLD: CLD_STOPPED when a child stops");
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	set_info_handler(SIGCHLD, chld_handler, SA_NOCLDSTOP);
	hits = 0;
	pid = fork();
	if (pid == 0)
		for (;;)
			;
	kill(pid, SIGSTOP);
	waitpid(pid, NULL, WUNTRACED);
	ksft_test_result(hits == 0, "SA_NOCLDSTOP: no SIGCHLD for the stop");
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	set_handler(SIGCHLD, SIG_IGN, 0);
	pid = fork();
	if (pid == 0)
		_exit(0);
	errno = 0;
	ksft_test_result(waitpid(pid, NULL, 0) == -1 && errno == ECHILD,
			 "SIGCHLD ignored: children are reaped at once (ECHILD)");
	set_handler(SIGCHLD, SIG_DFL, 0);
}

static volatile int spin_flag;

static void spin_handler(int sig)
{
	(void)sig;
	spin_flag = 1;
}

static void spinning_children(void)
{
	pid_t pid;
	int st;

	pid = fork();
	if (pid == 0)
		for (;;)
			;
	sleep_ms(20);
	kill(pid, SIGTERM);
	ksft_test_result(waitpid(pid, &st, 0) == pid && WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM,
			 "SIGTERM kills a child spinning in user space");
	pid = fork();
	if (pid == 0) {
		set_handler(SIGUSR1, spin_handler, 0);
		kill(getppid(), SIGUSR2);
		while (!spin_flag)
			;
		_exit(5);
	}
	block(SIG_BLOCK, SIGUSR2);
	sigwaitinfo(&(sigset_t){ { 1UL << (SIGUSR2 - 1) } }, NULL);
	block(SIG_UNBLOCK, SIGUSR2);
	sleep_ms(20);
	kill(pid, SIGUSR1);
	ksft_test_result(waitpid(pid, &st, 0) == pid && exited_with(st, 5),
			 "a handler runs in a child spinning in user space");
}

/* ---- FPU state across a handler ---------------------------------------- */

static void xmm_clobber(int sig)
{
	(void)sig;
	__asm__ volatile("pcmpeqd %%xmm0, %%xmm0\n\tpcmpeqd %%xmm7, %%xmm7\n\t"
			 "pcmpeqd %%xmm15, %%xmm15" : : : "xmm0", "xmm7", "xmm15");
	hits++;
}

static void fpu_survives_a_handler(void)
{
	uint64_t in[2] = { 0x1122334455667788ULL, 0x99aabbccddeeff00ULL }, out[6];
	long pid = getpid(), tid = gettid();

	hits = 0;
	set_handler(SIGUSR1, xmm_clobber, 0);
	__asm__ volatile("movdqu (%[in]), %%xmm0\n\tmovdqu (%[in]), %%xmm7\n\t"
			 "movdqu (%[in]), %%xmm15\n\t"
			 "mov %[pid], %%rdi\n\tmov %[tid], %%rsi\n\tmov %[sig], %%edx\n\t"
			 "mov %[nr], %%eax\n\tsyscall\n\t"
			 "movdqu %%xmm0, (%[out])\n\tmovdqu %%xmm7, 16(%[out])\n\t"
			 "movdqu %%xmm15, 32(%[out])"
			 : : [in] "r"(in), [out] "r"(out), [pid] "r"(pid), [tid] "r"(tid),
			   [sig] "i"(SIGUSR1), [nr] "i"(SYS_tgkill)
			 : "rax", "rcx", "rdx", "rsi", "rdi", "r11", "xmm0", "xmm7", "xmm15",
			   "memory");
	ksft_test_result(hits == 1 && !memcmp(out, in, 16) && !memcmp(out + 2, in, 16) &&
			 !memcmp(out + 4, in, 16),
			 "xmm registers a handler changes are restored by rt_sigreturn");
	set_handler(SIGUSR1, SIG_DFL, 0);
}

/* ---- kill ---------------------------------------------------------------- */

static void kill_calls(void)
{
	pid_t pid;
	int st;

	expect_ok(kill(getpid(), 0), "kill(self, 0) probes");
	expect_errno(kill(0x3fffffff, 0), ESRCH, "kill of no such pid is ESRCH");
	expect_errno(kill(getpid(), 65), EINVAL, "kill with signal 65 is EINVAL");
	expect_errno(syscall(SYS_tgkill, 0, gettid(), SIGUSR1), EINVAL, "tgkill(tgid 0) is EINVAL");
	expect_errno(syscall(SYS_tgkill, getpid() + 0x3fff0000, gettid(), 0), ESRCH,
		     "tgkill with the wrong tgid is ESRCH");
	expect_errno(syscall(SYS_tkill, -1, SIGUSR1), EINVAL, "tkill(-1) is EINVAL");
	expect_errno(kill(INT32_MIN, SIGUSR1), ESRCH, "kill(INT_MIN) is ESRCH");
	pid = fork();
	if (pid == 0)
		for (;;)
			sched_yield();
	set_handler(SIGUSR2, SIG_IGN, 0);
	kill(0, SIGUSR2);
	set_handler(SIGUSR2, SIG_DFL, 0);
	ksft_test_result(waitpid(pid, &st, 0) == pid && killed_by(st, SIGUSR2),
			 "kill(0) signals the caller's process group");
	expect_errno(sigqueue(getpid(), 0x41, (union sigval){ 0 }), EINVAL,
		     "sigqueue with signal 65 is EINVAL");
	{
		siginfo_t si = { .si_code = SI_USER };

		pid = fork();
		if (pid == 0)
			for (;;)
				sched_yield();
		expect_errno(syscall(SYS_rt_sigqueueinfo, pid, SIGUSR1, &si), EPERM,
			     "rt_sigqueueinfo posing as kill() to another process is EPERM");
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);	/* every result out before any child's fork */
	ksft_print_header();
	ksft_set_plan(70);
	sigaction_errors();
	sigaction_reports_and_clears_unknown_flags();
	sigprocmask_rules();
	pending_and_coalescing();
	realtime_signals_queue_in_order();
	siginfo_of_kill_and_raise();
	nodefer_and_default_blocking();
	nested_handlers();
	resethand();
	default_actions();
	sigaltstack_calls();
	ksft_test_result(killed_by(child_status(altstack_overflow, NULL), SIGSEGV),
			 "handlers overflowing a small altstack: SIGSEGV");
	sigtimedwait_calls();
	sigsuspend_and_pause();
	interrupted_calls();
	stop_and_continue();
	sigchld_siginfo();
	spinning_children();
	fpu_survives_a_handler();
	kill_calls();
	ksft_finished();
}
