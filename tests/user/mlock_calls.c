// SPDX-License-Identifier: GPL-2.0
/*
 * mlock_calls: mlock(2), mlock2(2) with MLOCK_ONFAULT, munlock(2),
 * mlockall(2) (MCL_CURRENT, MCL_FUTURE, MCL_ONFAULT) and munlockall(2),
 * seen through mincore() and /proc/self/status's VmLck, and
 * RLIMIT_MEMLOCK for an unprivileged user (root's locking is not
 * limited): a child drops to uid 65534 for those cases.
 */
#define _GNU_SOURCE
#include <sys/resource.h>
#include "utest.h"

#ifndef MLOCK_ONFAULT
#define MLOCK_ONFAULT	1
#endif
#ifndef MCL_ONFAULT
#define MCL_ONFAULT	4
#endif

static long sys_mlock2(void *addr, size_t len, int flags)
{
	return syscall(SYS_mlock2, addr, len, flags);
}

static void mlock_munlock(void)
{
	char *p = map_anon(8 * PAGE, PROT_READ | PROT_WRITE);

	ksft_test_result(mlock(p, 8 * PAGE) == 0 && resident_pages(p, 8 * PAGE) == 8,
			 "mlock makes every page resident");
	ksft_test_result(status_kb("VmLck") == 32, "VmLck counts the locked 32 kB");
	ksft_test_result(munlock(p, 8 * PAGE) == 0 && status_kb("VmLck") == 0,
			 "munlock: VmLck back to 0");
	ksft_test_result(sys_mlock2(p, 8 * PAGE, MLOCK_ONFAULT) == 0 &&
			 resident_pages(p, 8 * PAGE) == 8 && status_kb("VmLck") == 32,
			 "mlock2 MLOCK_ONFAULT of resident pages locks them");
	munlock(p, 8 * PAGE);
	munmap(p, 8 * PAGE);
	p = map_anon(8 * PAGE, PROT_READ | PROT_WRITE);
	ksft_test_result(sys_mlock2(p, 8 * PAGE, MLOCK_ONFAULT) == 0 &&
			 resident_pages(p, 8 * PAGE) == 0,
			 "mlock2 MLOCK_ONFAULT populates nothing");
	p[0] = 1;
	ksft_test_result(resident_pages(p, 8 * PAGE) == 1, "a touched page is faulted in");
	expect_errno(sys_mlock2(p, PAGE, 0x8), EINVAL, "mlock2 unknown flags: EINVAL");
	munmap(p + PAGE, PAGE);
	expect_errno(mlock(p, 8 * PAGE), ENOMEM, "mlock over a hole: ENOMEM");
	munmap(p, 8 * PAGE);
}

static void mlockall_calls(void)
{
	char *p;

	expect_errno(mlockall(0), EINVAL, "mlockall(0): EINVAL");
	expect_errno(mlockall(MCL_ONFAULT), EINVAL, "mlockall(MCL_ONFAULT) alone: EINVAL");
	expect_errno(mlockall(0x100), EINVAL, "mlockall with unknown flags: EINVAL");
	ksft_test_result(mlockall(MCL_FUTURE) == 0, "mlockall(MCL_FUTURE)");
	p = map_anon(4 * PAGE, PROT_READ | PROT_WRITE);
	ksft_test_result(p && resident_pages(p, 4 * PAGE) == 4,
			 "MCL_FUTURE: a new mapping is locked and populated");
	munmap(p, 4 * PAGE);
	ksft_test_result(mlockall(MCL_FUTURE | MCL_ONFAULT) == 0, "MCL_FUTURE|MCL_ONFAULT");
	p = map_anon(4 * PAGE, PROT_READ | PROT_WRITE);
	ksft_test_result(p && resident_pages(p, 4 * PAGE) == 0,
			 "MCL_ONFAULT: a new mapping is not populated");
	munmap(p, 4 * PAGE);
	ksft_test_result(munlockall() == 0 && status_kb("VmLck") == 0, "munlockall");
	p = map_anon(4 * PAGE, PROT_READ | PROT_WRITE);
	ksft_test_result(p && resident_pages(p, 4 * PAGE) == 0,
			 "after munlockall a new mapping is not locked");
	munmap(p, 4 * PAGE);
}

/* As uid 65534 with RLIMIT_MEMLOCK of 4 pages: 0 when the limits hold, else a step number. */
static int memlock_limits(void *unused)
{
	struct rlimit rl = { 4 * PAGE, 4 * PAGE };
	char *p = map_anon(8 * PAGE, PROT_READ | PROT_WRITE);

	if (setrlimit(RLIMIT_MEMLOCK, &rl) || setgid(65534) || setuid(65534))
		return 10;
	if (mlock(p, 4 * PAGE))
		return 1;
	if (mlock(p + 4 * PAGE, PAGE) != -1 || errno != ENOMEM)
		return 2;
	munlock(p, 4 * PAGE);
	if (mlockall(MCL_CURRENT) != -1 || errno != ENOMEM)
		return 3;
	rl.rlim_cur = rl.rlim_max = 0;
	if (setrlimit(RLIMIT_MEMLOCK, &rl) || mlock(p, PAGE) != -1 || errno != EPERM)
		return 4;
	return 0;
}

int main(void)
{
	int st;

	ksft_print_header();
	ksft_set_plan(18);
	mlock_munlock();
	mlockall_calls();
	st = child_status(memlock_limits, NULL);
	if (!exited_with(st, 0))
		ksft_print_msg("child: status %#x", st);
	ksft_test_result(exited_with(st, 0),
			 "RLIMIT_MEMLOCK for a user: within ok, beyond ENOMEM, 0 EPERM");
	ksft_finished();
}
