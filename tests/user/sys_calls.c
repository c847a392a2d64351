// SPDX-License-Identifier: GPL-2.0
/*
 * sys_calls: the process calls around memory as Linux x86-64 answers
 * them: getrandom(2) and its flags, clock_gettime(2) and nanosleep(2),
 * uname(2), the id calls, getrlimit/setrlimit/prlimit64 and the limits
 * enforced on the address space (RLIMIT_AS, RLIMIT_DATA), and reboot(2)'s
 * refusals (the runner's power-off is its success).
 */
#define _GNU_SOURCE
#include <sys/random.h>
#include <sys/reboot.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <time.h>
#include "utest.h"

#ifndef GRND_INSECURE
#define GRND_INSECURE	4
#endif

static void getrandom_calls(void)
{
	unsigned char a[64], b[64];
	char *volatile bad = (char *)8;

	ksft_test_result(syscall(SYS_getrandom, a, sizeof(a), 0) == sizeof(a) &&
			 syscall(SYS_getrandom, b, sizeof(b), 0) == sizeof(b) &&
			 memcmp(a, b, sizeof(a)), "getrandom: two calls give different bytes");
	ksft_test_result(syscall(SYS_getrandom, a, sizeof(a), GRND_NONBLOCK) == sizeof(a),
			 "getrandom GRND_NONBLOCK");
	ksft_test_result(syscall(SYS_getrandom, a, sizeof(a), GRND_RANDOM) == sizeof(a),
			 "getrandom GRND_RANDOM");
	ksft_test_result(syscall(SYS_getrandom, a, sizeof(a), GRND_INSECURE) == sizeof(a),
			 "getrandom GRND_INSECURE");
	expect_errno(syscall(SYS_getrandom, a, sizeof(a), 0x40), EINVAL,
		     "getrandom unknown flags: EINVAL");
	expect_errno(syscall(SYS_getrandom, a, sizeof(a), GRND_INSECURE | GRND_RANDOM), EINVAL,
		     "getrandom GRND_INSECURE|GRND_RANDOM: EINVAL");
	expect_errno(syscall(SYS_getrandom, bad, 16, 0), EFAULT, "getrandom bad buffer: EFAULT");
	ksft_test_result(syscall(SYS_getrandom, a, 0, 0) == 0, "getrandom of 0 bytes: 0");
}

static long long ns(const struct timespec *t)
{
	return t->tv_sec * 1000000000LL + t->tv_nsec;
}

static void clock_calls(void)
{
	struct timespec t0, t1, req = { 0, 20 * 1000 * 1000 };
	void *volatile bad = (void *)8;

	ksft_test_result(syscall(SYS_clock_gettime, CLOCK_REALTIME, &t0) == 0 &&
			 t0.tv_sec > 1600000000 && t0.tv_nsec < 1000000000,
			 "CLOCK_REALTIME is after 2020 and normalised");
	ksft_test_result(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &t0) == 0 &&
			 syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &t1) == 0 && ns(&t1) >= ns(&t0),
			 "CLOCK_MONOTONIC does not go back");
	ksft_test_result(syscall(SYS_clock_gettime, CLOCK_BOOTTIME, &t1) == 0 &&
			 ns(&t1) >= ns(&t0) - 1000000000LL, "CLOCK_BOOTTIME");
	expect_errno(syscall(SYS_clock_gettime, 1000, &t0), EINVAL, "an unknown clock: EINVAL");
	expect_errno(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, bad), EFAULT,
		     "clock_gettime bad pointer: EFAULT");
	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &t0);
	ksft_test_result(syscall(SYS_nanosleep, &req, NULL) == 0 &&
			 syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &t1) == 0 &&
			 ns(&t1) - ns(&t0) >= 20 * 1000 * 1000, "nanosleep 20 ms sleeps 20 ms or more");
	req.tv_nsec = 1000000000;
	expect_errno(syscall(SYS_nanosleep, &req, NULL), EINVAL, "nanosleep tv_nsec 1e9: EINVAL");
	req.tv_sec = -1;
	req.tv_nsec = 0;
	expect_errno(syscall(SYS_nanosleep, &req, NULL), EINVAL, "nanosleep negative: EINVAL");
}

static void id_calls(void)
{
	struct utsname u;

	ksft_test_result(uname(&u) == 0 && !strcmp(u.sysname, "Linux") &&
			 !strcmp(u.machine, "x86_64"), "uname: Linux, x86_64");
	ksft_test_result(syscall(SYS_getpid) == getpid() && syscall(SYS_gettid) == getpid(),
			 "gettid of a single-threaded process is its pid");
	ksft_test_result(getuid() == 0 && geteuid() == 0 && getgid() == 0 && getegid() == 0,
			 "the runner's programs run as root");
}

/* As a child: limits lowered, then the address space is asked for more. */
static int as_limit(void *unused)
{
	struct rlimit rl = { 64UL << 20, 64UL << 20 };
	void *p;

	if (getrlimit(RLIMIT_AS, &rl) || rl.rlim_cur != RLIM_INFINITY)
		return 1;
	/* The static binary's mappings are small: 64 MiB of room beyond them. */
	rl.rlim_cur = rl.rlim_max = 64UL << 20;
	if (setrlimit(RLIMIT_AS, &rl))
		return 2;
	p = mmap(NULL, 128UL << 20, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p != MAP_FAILED || errno != ENOMEM)
		return 3;
	p = mmap(NULL, 16UL << 20, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return p == MAP_FAILED ? 4 : 0;
}

static int data_limit(void *unused)
{
	struct rlimit rl = { 32UL << 20, 32UL << 20 };
	unsigned long brk0 = syscall(SYS_brk, 0);
	void *p;

	if (setrlimit(RLIMIT_DATA, &rl))
		return 1;
	p = mmap(NULL, 64UL << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p != MAP_FAILED || errno != ENOMEM)
		return 2;
	if ((unsigned long)syscall(SYS_brk, brk0 + (64UL << 20)) != brk0)
		return 3;
	/* Read-only private memory is not data. */
	p = mmap(NULL, 64UL << 20, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return p == MAP_FAILED ? 4 : 0;
}

static int user_raises(void *unused)
{
	struct rlimit rl;

	getrlimit(RLIMIT_NOFILE, &rl);
	rl.rlim_cur = rl.rlim_max;
	rl.rlim_max = rl.rlim_max;
	if (setgid(65534) || setuid(65534))
		return 1;
	rl.rlim_max += 1;
	return setrlimit(RLIMIT_NOFILE, &rl) == -1 && errno == EPERM ? 0 : 2;
}

static void rlimit_calls(void)
{
	struct rlimit rl, old, got;

	ksft_test_result(getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur >= (128 << 10),
			 "getrlimit RLIMIT_STACK");
	rl.rlim_cur = rl.rlim_max == RLIM_INFINITY ? 1 : rl.rlim_max + 1;
	rl.rlim_max = rl.rlim_cur - 1;
	expect_errno(setrlimit(RLIMIT_STACK, &rl), EINVAL, "setrlimit soft above hard: EINVAL");
	expect_errno(syscall(SYS_getrlimit, 99, &rl), EINVAL, "getrlimit of resource 99: EINVAL");
	getrlimit(RLIMIT_NOFILE, &old);
	rl.rlim_cur = 100;
	rl.rlim_max = old.rlim_max;
	ksft_test_result(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &rl, &got) == 0 &&
			 got.rlim_cur == old.rlim_cur && getrlimit(RLIMIT_NOFILE, &got) == 0 &&
			 got.rlim_cur == 100, "prlimit64 sets and returns the old limit");
	setrlimit(RLIMIT_NOFILE, &old);
	expect_errno(syscall(SYS_prlimit64, 999999, RLIMIT_NOFILE, NULL, &got), ESRCH,
		     "prlimit64 of no such process: ESRCH");
	ksft_test_result(exited_with(child_status(user_raises, NULL), 0),
			 "a user cannot raise a hard limit: EPERM");
	ksft_test_result(exited_with(child_status(as_limit, NULL), 0),
			 "RLIMIT_AS: a mapping beyond it is ENOMEM");
	ksft_test_result(exited_with(child_status(data_limit, NULL), 0),
			 "RLIMIT_DATA: private writable mappings and brk beyond it refused");
}

static int reboot_as_user(void *unused)
{
	if (setuid(65534))
		return 1;
	return syscall(SYS_reboot, 0xfee1dead, 672274793, RB_POWER_OFF, NULL) == -1 &&
	       errno == EPERM ? 0 : 2;
}

static void reboot_calls(void)
{
	expect_errno(syscall(SYS_reboot, 0xfee1deaf, 672274793, 0, NULL), EINVAL,
		     "reboot with a wrong magic: EINVAL");
	expect_errno(syscall(SYS_reboot, 0xfee1dead, 672274793, 0x12345678, NULL), EINVAL,
		     "reboot with an unknown command: EINVAL");
	ksft_test_result(exited_with(child_status(reboot_as_user, NULL), 0),
			 "reboot as a user: EPERM");
}

int main(void)
{
	ksft_print_header();
	ksft_set_plan(30);
	getrandom_calls();
	clock_calls();
	id_calls();
	rlimit_calls();
	reboot_calls();
	ksft_finished();
}
