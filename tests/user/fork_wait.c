// SPDX-License-Identifier: GPL-2.0
/*
 * fork_wait: fork(2) copies the address space copy-on-write, wait4(2)
 * reports how children end.
 *
 * COW at depth 1..5: a chain of processes, each writing its own byte into
 * its own page of a shared-at-fork buffer before forking the next, then
 * checking after that child's exit that every page still holds what it
 * (and its ancestors) wrote: a descendant's writes must stay its own. A
 * fork-exit storm of 1000 children, each checking a page its parent
 * wrote. wait4's statuses (exit codes, a death by SIGSEGV, WNOHANG,
 * ECHILD) and getpid/getppid across fork. vfork's child runs in the
 * parent's memory until it exits.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <time.h>
#include <sys/resource.h>
#include "utest.h"

#define BUF_PAGES	8

static char *buf;

/* Pages 0..depth hold, in order, the bytes written by the processes of the chain. */
static bool chain_intact(int depth)
{
	int i;

	for (i = 0; i < BUF_PAGES; i++) {
		char want = i <= depth ? (char)(0x10 + i) : 0x7f;

		if (buf[i * PAGE] != want || buf[i * PAGE + PAGE - 1] != want)
			return false;
	}
	return true;
}

/* Level @level of a chain @depth long: 0 when every process saw its own bytes. */
static int chain(int level, int depth)
{
	int status;
	pid_t pid;

	memset(buf + level * PAGE, 0x10 + level, PAGE);
	if (!chain_intact(level))
		return 1;
	if (level == depth) {
		memset(buf, 0x66, PAGE);	/* page 0 too: no ancestor may see it */
		return 0;
	}
	pid = fork();
	if (pid < 0)
		return 2;
	if (pid == 0)
		_exit(chain(level + 1, depth));
	/* The child overwrote pages level+1..depth in its copy, and page 0 too. */
	if (waitpid(pid, &status, 0) != pid || !exited_with(status, 0))
		return 3;
	return chain_intact(level) ? 0 : 4;
}

static int chain_child(void *arg)
{
	return chain(1, (int)(long)arg);
}

static void cow_depths(void)
{
	int depth;

	for (depth = 1; depth <= 5; depth++) {
		int st;

		memset(buf, 0x7f, BUF_PAGES * PAGE);
		memset(buf, 0x10, PAGE);
		st = child_status(chain_child, (void *)(long)depth);
		ksft_test_result(exited_with(st, 0) && chain_intact(0),
				 "COW at depth %d: every process keeps its own bytes", depth);
	}
}

static int child_writes(void *p)
{
	memset(p, 0x55, PAGE);
	return ((char *)p)[0] == 0x55 ? 0 : 1;
}

static int child_sees(void *p)
{
	return *(volatile char *)p;
}

static void cow_basic(void)
{
	char *p = map_anon(PAGE, PROT_READ | PROT_WRITE);
	int *shared = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	pid_t pid;

	p[0] = 1;
	ksft_test_result(exited_with(child_status(child_writes, p), 0) && p[0] == 1,
			 "a child's write to a private page is not seen by the parent");
	ksft_test_result(exited_with(child_status(child_sees, p), 1), "the child sees the parent's data");
	pid = fork();
	if (pid == 0) {
		int before = p[0];

		while (*(volatile int *)shared == 0)
			sched_yield();
		_exit(before == 1 && p[0] == 1 ? 0 : 1);
	}
	p[0] = 2;	/* after the fork: the child must keep its 1 */
	*shared = 1;
	{
		int st;

		ksft_test_result(waitpid(pid, &st, 0) == pid && exited_with(st, 0),
				 "the parent's write after fork is not seen by the child");
	}
	ksft_test_result(exited_with(child_status(child_writes, shared), 0) && *shared == 0x55555555,
			 "MAP_SHARED memory is shared across fork");
	munmap(p, PAGE);
	munmap(shared, PAGE);
}

/* /proc/meminfo's "@name: N kB". */
static long meminfo_kb(const char *name)
{
	char buf[4096], *p;
	int fd = open("/proc/meminfo", O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);

	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	p = strstr(buf, name);
	return p ? strtol(p + strlen(name) + 1, NULL, 10) : -1;
}

/*
 * 1000 children, each checking a page its parent wrote; after them the
 * page-table pages and free memory are back within 128 kB and 1 MiB of
 * their baselines: meminfo's counters drift by what the per-CPU vmstat
 * deltas hold, while one page leaked per child would be 4000 kB.
 */
static void storm(void)
{
	int i, bad = 0, st;
	char *p = map_anon(PAGE, PROT_READ | PROT_WRITE);
	long pt0 = meminfo_kb("PageTables:"), free0 = meminfo_kb("MemFree:"), pt1, free1;

	p[0] = 42;
	for (i = 0; i < 1000; i++) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(p[0] == 42 ? 0 : 1);
		if (pid < 0 || waitpid(pid, &st, 0) != pid || !exited_with(st, 0))
			bad++;
	}
	ksft_test_result(bad == 0, "fork-exit storm: 1000 children forked, checked, reaped");
	pt1 = meminfo_kb("PageTables:");
	free1 = meminfo_kb("MemFree:");
	ksft_print_msg("PageTables %ld -> %ld kB, MemFree %ld -> %ld kB", pt0, pt1, free0, free1);
	ksft_test_result(pt0 >= 0 && pt1 <= pt0 + 128,
			 "after the storm: PageTables back within 128 kB");
	ksft_test_result(free0 >= 0 && free1 >= free0 - 1024,
			 "after the storm: MemFree back within 1 MiB");
	munmap(p, PAGE);
}

static int exit_code(void *arg)
{
	return (int)(long)arg;
}

static int parent_is(void *arg)
{
	return getppid() == (pid_t)(long)arg && getpid() != (pid_t)(long)arg ? 0 : 1;
}

static void wait_statuses(void)
{
	struct rusage ru;
	int st;
	pid_t pid;

	ksft_test_result(exited_with(child_status(exit_code, (void *)7L), 7), "exit(7): WEXITSTATUS 7");
	ksft_test_result(exited_with(child_status(exit_code, (void *)0x1ff), 0xff),
			 "exit(0x1ff): WEXITSTATUS 0xff");
	ksft_test_result(killed_by(child_status(touch_write, NULL), SIGSEGV) &&
			 !WCOREDUMP(child_status(touch_write, NULL)),
			 "a NULL write: WIFSIGNALED, SIGSEGV, no core");
	ksft_test_result(exited_with(child_status(parent_is, (void *)(long)getpid()), 0),
			 "getppid in the child is the parent's pid");
	pid = fork();
	if (pid == 0) {
		struct timespec ts = { 0, 50 * 1000 * 1000 };

		nanosleep(&ts, NULL);
		_exit(3);
	}
	ksft_test_result(wait4(pid, &st, WNOHANG, NULL) == 0, "WNOHANG while the child runs: 0");
	ksft_test_result(wait4(pid, &st, 0, &ru) == pid && exited_with(st, 3),
			 "wait4 then reaps it with its status");
	expect_errno(wait4(pid, &st, 0, NULL), ECHILD, "wait4 of a reaped child: ECHILD");
	expect_errno(wait4(-1, &st, 0, NULL), ECHILD, "wait4(-1) without children: ECHILD");
	expect_errno(wait4(-1, &st, 0x40000000 | 0x1000, NULL), EINVAL, "wait4 bad options: EINVAL");
}

static void vfork_shares(void)
{
	static volatile int value;
	pid_t pid;
	int st;

	value = 1;
	pid = vfork();
	if (pid == 0) {
		value = 2;
		_exit(0);
	}
	ksft_test_result(pid > 0 && waitpid(pid, &st, 0) == pid && value == 2,
			 "vfork: the child ran in the parent's memory before it went on");
}

int main(void)
{
	ksft_print_header();
	ksft_set_plan(22);
	buf = map_anon(BUF_PAGES * PAGE, PROT_READ | PROT_WRITE);
	if (!buf)
		ksft_exit_fail_msg("mmap: %s", strerror(errno));
	cow_depths();
	cow_basic();
	storm();
	wait_statuses();
	vfork_shares();
	ksft_finished();
}
