// SPDX-License-Identifier: GPL-2.0
/*
 * mem_calls: brk(2), mincore(2) and msync(2) as Linux x86-64 answers them:
 * the break moved up and down (and not below its start), resident pages as
 * mincore() reports them, msync's flags and errno values. Raw system calls
 * (libc's sbrk() keeps its own idea of the break).
 */
#define _GNU_SOURCE
#include "utest.h"

static unsigned long sys_brk(unsigned long addr)
{
	return syscall(SYS_brk, addr);
}

static void brk_calls(void)
{
	unsigned long start = sys_brk(0), top;
	char *p = (char *)start;

	ksft_test_result(start != 0 && start != (unsigned long)-1,
			 "brk(0) returns the current break");
	top = sys_brk(start + 4 * PAGE);
	ksft_test_result(top == start + 4 * PAGE, "brk up by 4 pages");
	p[0] = 1;
	p[4 * PAGE - 1] = 2;
	ksft_test_result(p[0] == 1 && p[4 * PAGE - 1] == 2, "the new heap is writable");
	ksft_test_result(sys_brk(start + PAGE) == start + PAGE &&
			 killed_by(child_status(touch_read, p + 2 * PAGE), SIGSEGV),
			 "brk down unmaps what is above");
	ksft_test_result(sys_brk(start + 4 * PAGE) == start + 4 * PAGE && p[2 * PAGE] == 0,
			 "brk up again reads zeros");
	ksft_test_result(sys_brk(PAGE) == start + 4 * PAGE,
			 "brk below the heap's start is refused (the break stays)");
	ksft_test_result(sys_brk(1UL << 47) == start + 4 * PAGE,
			 "brk beyond the address space is refused");
	sys_brk(start);
}

static void mincore_calls(void)
{
	char *p = map_anon(4 * PAGE, PROT_READ | PROT_WRITE);
	unsigned char vec[4] = { 9, 9, 9, 9 };

	p[PAGE] = 1;
	ksft_test_result(mincore(p, 4 * PAGE, vec) == 0 && vec[0] == 0 && vec[1] == 1 &&
			 vec[2] == 0, "mincore: only the touched page is resident");
	ksft_test_result(mincore(p, 4 * PAGE - 100, vec) == 0,
			 "mincore: a length is rounded up to pages");
	expect_errno(mincore(p + 1, PAGE, vec), EINVAL, "mincore unaligned: EINVAL");
	expect_errno(mincore(p, PAGE, (unsigned char *)8), EFAULT, "mincore bad vector: EFAULT");
	munmap(p + 2 * PAGE, PAGE);
	expect_errno(mincore(p, 4 * PAGE, vec), ENOMEM, "mincore over a hole: ENOMEM");
	munmap(p, 4 * PAGE);
}

static void msync_calls(void)
{
	int fd = memfd_create("msync", 0);
	char *p, *a = map_anon(2 * PAGE, PROT_READ | PROT_WRITE);

	ftruncate(fd, 2 * PAGE);
	p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	p[0] = 1;
	expect_ok(msync(p, 2 * PAGE, MS_SYNC), "msync MS_SYNC");
	expect_ok(msync(p, 2 * PAGE, MS_ASYNC), "msync MS_ASYNC");
	expect_ok(msync(p, 2 * PAGE, MS_INVALIDATE), "msync MS_INVALIDATE");
	expect_ok(msync(a, 2 * PAGE, MS_SYNC), "msync of anonymous memory");
	expect_errno(msync(p, 2 * PAGE, MS_SYNC | MS_ASYNC), EINVAL,
		     "msync MS_SYNC|MS_ASYNC: EINVAL");
	expect_errno(msync(p, 2 * PAGE, 0x100), EINVAL, "msync unknown flags: EINVAL");
	expect_errno(msync(p + 1, PAGE, MS_SYNC), EINVAL, "msync unaligned: EINVAL");
	ksft_test_result(mlock(a, PAGE) == 0, "mlock for MS_INVALIDATE");
	expect_errno(msync(a, PAGE, MS_INVALIDATE), EBUSY, "MS_INVALIDATE of locked pages: EBUSY");
	munmap(p, 2 * PAGE);
	expect_errno(msync(p, 2 * PAGE, MS_SYNC), ENOMEM, "msync of an unmapped range: ENOMEM");
	munmap(a, 2 * PAGE);
	close(fd);
}

int main(void)
{
	ksft_print_header();
	ksft_set_plan(22);
	brk_calls();
	mincore_calls();
	msync_calls();
	ksft_finished();
}
