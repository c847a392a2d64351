// SPDX-License-Identifier: GPL-2.0
/*
 * thread_calls: thread groups made with raw clone(2), no pthreads.
 *
 * raw_clone() below starts a thread on a stack of its own (an mmap'd
 * THREAD_STACK) running fn(arg), which then calls exit(2) with fn's
 * return value, as glibc's clone() does. The threads use only raw system
 * calls (sys()): libc's wrappers would store errno through the TLS of
 * whichever FS base the thread runs with. Every thread is made with
 * THREAD_FLAGS (glibc's pthread_create() set: CLONE_VM|CLONE_FS|
 * CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|
 * CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID) and a TLS block of its own
 * whose first word points at itself (the x86-64 TCB convention).
 *
 * Cases: getpid/gettid/getppid in a thread, the tid stores and the TLS,
 * the CLONE_CHILD_CLEARTID word cleared at exit, one thread's exit
 * leaving the process running, a leader exiting before its threads (its
 * parent sees the process only when the last thread is gone, with that
 * thread's exit status, as Linux 6.1), wait4()
 * of a thread id refused and a thread's child reaped by another thread,
 * exit_group() from a thread killing threads that spin or sleep, execve()
 * from a thread that is not the leader (the new image has the process's
 * pid and one thread), /proc/PID/task and the status lines, and the
 * flag rules (EINVAL).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "utest.h"

/* Linux's values; musl's headers have neither (no kernel headers). */
#define ARCH_GET_FS	0x1003

/* clone3()'s argument, its first version (CLONE_ARGS_SIZE_VER0). */
struct clone_args_v0 {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
};

#define THREAD_STACK	(64 * 1024)
#define THREAD_FLAGS	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | \
			 CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

/*
 * raw_clone(flags, stack_top, ptid, ctid, tls, fn, arg): clone(2); the
 * child pops fn and arg off its new stack, calls fn(arg) and exit()s
 * with its return value. Returns what the system call returned (-errno).
 */
long raw_clone(unsigned long flags, void *stack_top, int *ptid, int *ctid, unsigned long tls,
	       int (*fn)(void *), void *arg);
__asm__(".text\n"
	".globl raw_clone\n"
	"raw_clone:\n\t"
	"mov 8(%rsp), %rax\n\t"
	"and $-16, %rsi\n\t"
	"sub $16, %rsi\n\t"
	"mov %r9, 0(%rsi)\n\t"
	"mov %rax, 8(%rsi)\n\t"
	"mov %rcx, %r10\n\t"
	"mov $" "56" ", %eax\n\t"	/* __NR_clone */
	"syscall\n\t"
	"test %rax, %rax\n\t"
	"jnz 1f\n\t"
	"xor %ebp, %ebp\n\t"
	"pop %rax\n\t"
	"pop %rdi\n\t"
	"call *%rax\n\t"
	"mov %eax, %edi\n\t"
	"mov $" "60" ", %eax\n\t"	/* __NR_exit */
	"syscall\n\t"
	"hlt\n"
	"1:\tret\n");

/* A system call without libc: its raw return (-errno on failure). */
static inline long sys(long nr, long a, long b, long c)
{
	long ret;

	__asm__ volatile("syscall" : "=a"(ret) : "a"(nr), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return ret;
}

static inline void yield(void)
{
	sys(SYS_sched_yield, 0, 0, 0);
}

/* One thread: its stack, TLS block, tid words and what it reports. */
struct thread {
	char *stack;
	unsigned long tls[64];		/* tls[0] = &tls[0]: the TCB's self pointer */
	volatile int ptid, ctid;	/* CLONE_PARENT_SETTID, CLONE_CHILD_CLEARTID */
	volatile long tid, pid, ppid, fs0, fsbase;
	volatile long arg, ret;
	volatile int go;
	volatile int *flag;		/* wait_go()'s word: &go unless set */
};

static long thread_start(struct thread *t, unsigned long flags, int (*fn)(void *))
{
	long tid;

	t->stack = mmap(NULL, THREAD_STACK, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (t->stack == MAP_FAILED)
		return -ENOMEM;
	t->tls[0] = (unsigned long)t->tls;
	t->ctid = -1;
	if (!t->flag)
		t->flag = &t->go;
	tid = raw_clone(flags, t->stack + THREAD_STACK, (int *)&t->ptid, (int *)&t->ctid,
			(unsigned long)t->tls, fn, t);
	if (tid < 0)
		munmap(t->stack, THREAD_STACK);
	return tid;
}

/* Until the thread's CLONE_CHILD_CLEARTID word is 0 (no futex needed), within ~5 s. */
static bool thread_join(struct thread *t)
{
	struct timespec end, now;

	clock_gettime(CLOCK_MONOTONIC, &end);
	end.tv_sec += 5;
	while (t->ctid != 0) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec > end.tv_sec ||
		    (now.tv_sec == end.tv_sec && now.tv_nsec > end.tv_nsec))
			return false;
		sched_yield();
	}
	munmap(t->stack, THREAD_STACK);
	return true;
}

static unsigned long read_fs0(void)
{
	unsigned long v;

	__asm__ volatile("mov %%fs:0, %0" : "=r"(v));
	return v;
}

static int report_ids(void *arg)
{
	struct thread *t = arg;
	unsigned long fsbase = 0;

	t->tid = sys(SYS_gettid, 0, 0, 0);
	t->pid = sys(SYS_getpid, 0, 0, 0);
	t->ppid = sys(SYS_getppid, 0, 0, 0);
	t->fs0 = read_fs0();
	sys(SYS_arch_prctl, ARCH_GET_FS, (long)&fsbase, 0);
	t->fsbase = fsbase;
	return 0;
}

static void ids_and_tid_stores(void)
{
	struct thread t = { 0 };
	long tid = thread_start(&t, THREAD_FLAGS, report_ids);
	bool joined = tid > 0 && thread_join(&t);

	ksft_test_result(joined, "a thread starts and its CLONE_CHILD_CLEARTID word is cleared");
	ksft_test_result(joined && t.pid == getpid(), "getpid() in a thread is the process's");
	ksft_test_result(joined && t.tid == tid && tid != getpid(),
			 "gettid() in a thread is clone()'s return, not the pid");
	ksft_test_result(joined && t.ptid == tid, "CLONE_PARENT_SETTID stores the tid");
	ksft_test_result(joined && t.ppid == getppid(), "getppid() in a thread is the process's parent");
	ksft_test_result(joined && t.fs0 == (long)t.tls && t.fsbase == (long)t.tls,
			 "CLONE_SETTLS: the thread's FS base is its TLS block");
	ksft_test_result(read_fs0() != (unsigned long)t.tls, "the caller's FS base is unchanged");
}

static int settid_child(void *arg)
{
	struct thread *t = arg;

	t->tid = sys(SYS_gettid, 0, 0, 0);
	return 0;
}

static void child_settid(void)
{
	struct thread t = { 0 };
	long tid = thread_start(&t, (THREAD_FLAGS & ~CLONE_CHILD_CLEARTID) | CLONE_CHILD_SETTID,
				settid_child);
	int i;

	/* The thread stores it before its first instruction: wait for it to have run. */
	for (i = 0; i < 2000 && t.tid == 0; i++)
		usleep(1000);
	ksft_test_result(tid > 0 && t.tid == tid && t.ctid == tid,
			 "CLONE_CHILD_SETTID: the thread stores its tid");
}

/* Spins until its flag is set, then returns arg. */
static int wait_go(void *arg)
{
	struct thread *t = arg;

	while (!*t->flag)
		yield();
	return (int)t->arg;
}

/* The number after "@name:" in /proc/@pid/status, or -1. */
static int status_field(pid_t pid, const char *name)
{
	char path[64], key[32], buf[4096], *p;
	int fd, n;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	snprintf(key, sizeof(key), "\n%s:", name);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	p = strstr(buf, key);
	return p ? atoi(p + strlen(key)) : -1;
}

/*
 * Whether our Threads: reaches @n within ~2 s: the tid word is cleared
 * before the exiting thread leaves the group.
 */
static bool threads_become(int n)
{
	int i;

	for (i = 0; i < 2000 && status_field(getpid(), "Threads") != n; i++)
		usleep(1000);
	return status_field(getpid(), "Threads") == n;
}

/* Whether @name is an entry of directory @path. */
static bool dir_has(const char *path, const char *name)
{
	DIR *d = opendir(path);
	struct dirent *e;
	bool found = false;

	if (!d)
		return false;
	while ((e = readdir(d)))
		if (!strcmp(e->d_name, name))
			found = true;
	closedir(d);
	return found;
}

static void proc_and_exit_of_one(void)
{
	struct thread a = { 0 }, b = { 0 };
	long ta = thread_start(&a, THREAD_FLAGS, wait_go);
	long tb = thread_start(&b, THREAD_FLAGS, wait_go);
	char name[16], path[64];
	int st;

	ksft_test_result(ta > 0 && tb > 0 && status_field(getpid(), "Threads") == 3,
			 "/proc/self/status Threads: counts 3 with two threads");
	snprintf(name, sizeof(name), "%ld", ta);
	snprintf(path, sizeof(path), "/proc/%d/task", getpid());
	ksft_test_result(dir_has(path, name) && dir_has("/proc/self/task", name),
			 "/proc/PID/task lists a thread");
	snprintf(path, sizeof(path), "/proc/%d/task/%ld/status", getpid(), ta);
	ksft_test_result(access(path, R_OK) == 0, "/proc/PID/task/TID/status exists");
	ksft_test_result(!dir_has("/proc", name) && status_field((pid_t)ta, "Tgid") == getpid(),
			 "/proc/TID is hidden from readdir but found, its Tgid the pid");
	ksft_test_result(status_field((pid_t)ta, "Threads") == 3, "/proc/TID/status Threads: is the group's");
	errno = 0;
	ksft_test_result(waitpid((pid_t)ta, &st, __WALL | WNOHANG) == -1 && errno == ECHILD,
			 "wait4() of a thread id is ECHILD, even with __WALL");
	a.go = 1;
	ksft_test_result(thread_join(&a) && threads_become(2),
			 "one thread's exit() leaves the process and the others running");
	snprintf(path, sizeof(path), "/proc/%d/task/%ld", getpid(), ta);
	ksft_test_result(access(path, F_OK) == -1 && errno == ENOENT,
			 "an exited thread leaves /proc/PID/task");
	b.go = 1;
	ksft_test_result(thread_join(&b) && threads_become(1), "Threads: back to 1");
}

/* A thread that forks a child exiting with 9 and reports the child's pid. */
static int forker(void *arg)
{
	struct thread *t = arg;
	long pid = sys(SYS_fork, 0, 0, 0);

	if (pid == 0)
		sys(SYS_exit, 9, 0, 0);
	t->ret = pid;
	return 0;
}

static void wait_for_a_threads_child(void)
{
	struct thread t = { 0 };
	long tid = thread_start(&t, THREAD_FLAGS, forker);
	int st = 0;
	pid_t got;

	ksft_test_result(tid > 0 && thread_join(&t) && t.ret > 0, "a thread forks a child");
	got = waitpid((pid_t)t.ret, &st, 0);
	ksft_test_result(got == t.ret && exited_with(st, 9),
			 "the main thread reaps the child of an exited thread");
}

/*
 * The leader starts a thread waiting on @shared[0], says so in
 * @shared[1] and exits with 3; the thread exits with 5 once the test
 * sets @shared[0].
 */
static int leader_first(void *arg)
{
	volatile int *shared = arg;
	static struct thread t;

	t.arg = 5;
	t.flag = &shared[0];
	if (thread_start(&t, THREAD_FLAGS, wait_go) < 0)
		return 1;
	shared[1] = 1;
	sys(SYS_exit, 3, 0, 0);
	return 1;
}

/* "State:" letter of /proc/@pid/status, or 0. */
static char status_state(pid_t pid)
{
	char path[64], buf[4096], *p;
	int fd, n;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	p = strstr(buf, "\nState:");
	return p ? p[8] == '\t' ? p[9] : p[8] : 0;
}

static void leader_exits_first(void)
{
	volatile int *shared = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
				    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int st = 0, i;
	pid_t pid = fork();

	if (pid == 0)
		_exit(leader_first((void *)shared));
	for (i = 0; i < 5000 && (!shared[1] || status_state(pid) != 'Z'); i++)
		usleep(1000);
	ksft_test_result(status_state(pid) == 'Z' && waitpid(pid, &st, WNOHANG) == 0,
			 "a leader that exited before its thread is a zombie not reaped yet");
	ksft_test_result(status_field(pid, "Threads") == 2, "the zombie leader still counts in Threads:");
	shared[0] = 1;
	/* Linux 6.1's synchronize_group_exit(): the last thread's code is the process's. */
	ksft_test_result(waitpid(pid, &st, 0) == pid && exited_with(st, 5),
			 "the process is reaped once its last thread exits, with that thread's status");
	munmap((void *)shared, PAGE);
}

/* Sleeps for good: pause(), an interruptible sleep only a signal ends. */
static int sleeper(void *arg)
{
	for (;;)
		sys(SYS_pause, 0, 0, 0);
	return 0;
}

static int spinner(void *arg)
{
	for (;;)
		;
	return 0;
}

static int group_exiter(void *arg)
{
	sys(SYS_exit_group, 7, 0, 0);
	return 1;
}

/* exit_group(7) from a thread while one spins, one sleeps and the leader sleeps. */
static int group_exit_from_thread(void *arg)
{
	static struct thread a, b, c;

	if (thread_start(&a, THREAD_FLAGS, spinner) < 0 || thread_start(&b, THREAD_FLAGS, sleeper) < 0)
		return 1;
	if (thread_start(&c, THREAD_FLAGS, group_exiter) < 0)
		return 1;
	return sleeper(NULL) + 2;
}

static void exit_group_kills_the_others(void)
{
	struct timespec t0, t1;
	int st;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	st = child_status(group_exit_from_thread, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ksft_test_result(exited_with(st, 7), "exit_group(7) from a thread: the process exits 7");
	ksft_test_result(t1.tv_sec - t0.tv_sec < 10,
			 "exit_group() ends spinning and sleeping threads at once");
}

static const char *self;

/* exec self from a thread that is not the leader; the new image checks its ids. */
static int exec_thread(void *arg)
{
	static char pid[16];
	const char *argv[] = { self, "--exec-check", pid, NULL };
	const char *envp[] = { NULL };
	long p = sys(SYS_getpid, 0, 0, 0);
	int i = 15;

	pid[i] = '\0';
	do {
		pid[--i] = (char)('0' + p % 10);
		p /= 10;
	} while (p);
	memmove(pid, pid + i, 16 - i);
	sys(SYS_execve, (long)self, (long)argv, (long)envp);
	return 99;
}

static int exec_from_thread(void *arg)
{
	static struct thread a, b;

	if (thread_start(&a, THREAD_FLAGS, sleeper) < 0 || thread_start(&b, THREAD_FLAGS, exec_thread) < 0)
		return 1;
	return sleeper(NULL) + 2;
}

/* The exec'd image: the process's pid, its tid the pid, one thread. */
static int exec_check(const char *pid)
{
	if (getpid() != atoi(pid))
		return 3;
	if (syscall(SYS_gettid) != getpid())
		return 4;
	if (status_field(getpid(), "Threads") != 1)
		return 5;
	return 0;
}

static void execve_from_a_thread(void)
{
	int st = child_status(exec_from_thread, NULL);

	if (!exited_with(st, 0))
		ksft_print_msg("status %#x", st);
	ksft_test_result(exited_with(st, 0),
			 "execve() in a thread: the others die, the image has the pid and one thread");
}

static void flag_rules(void)
{
	struct thread t = { 0 };

	errno = 0;
	ksft_test_result(thread_start(&t, CLONE_VM | CLONE_THREAD, report_ids) == -EINVAL,
			 "CLONE_THREAD without CLONE_SIGHAND: EINVAL");
	ksft_test_result(thread_start(&t, CLONE_SIGHAND, report_ids) == -EINVAL,
			 "CLONE_SIGHAND without CLONE_VM: EINVAL");
	{
		struct clone_args_v0 ca = {
			.flags = CLONE_VM | CLONE_SIGHAND | CLONE_THREAD,
			.exit_signal = SIGCHLD,
		};

		expect_errno(syscall(SYS_clone3, &ca, sizeof(ca)), EINVAL,
			     "clone3: CLONE_THREAD with an exit signal: EINVAL");
	}
}

/* 64 threads at once, all joined. */
static void many_threads(void)
{
	static struct thread t[64];
	int i, started = 0, joined = 0;

	for (i = 0; i < 64; i++) {
		t[i].go = 1;
		if (thread_start(&t[i], THREAD_FLAGS, wait_go) > 0)
			started++;
	}
	for (i = 0; i < 64; i++)
		if (thread_join(&t[i]))
			joined++;
	ksft_test_result(started == 64 && joined == 64, "64 threads start and exit");
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "--exec-check"))
		return exec_check(argv[2]);
	self = argv[0];
	ksft_print_header();
	ksft_set_plan(29);
	ids_and_tid_stores();
	child_settid();
	proc_and_exit_of_one();
	wait_for_a_threads_child();
	leader_exits_first();
	exit_group_kills_the_others();
	execve_from_a_thread();
	flag_rules();
	many_threads();
	ksft_finished();
}
