// SPDX-License-Identifier: GPL-2.0
/*
 * madvise_calls: madvise(2)'s advice as Linux x86-64 answers it: the
 * hints accepted, MADV_DONTNEED and MADV_FREE emptying private anonymous
 * memory, MADV_REMOVE punching a shared file mapping, the fork advice
 * (DONTFORK, DOFORK, WIPEONFORK, KEEPONFORK) checked in a child,
 * MADV_POPULATE_READ/WRITE, and the errno of each refusal.
 */
#define _GNU_SOURCE
#include <sys/uio.h>
#include "utest.h"

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ	22
#define MADV_POPULATE_WRITE	23
#endif

static int sys_madvise(void *addr, size_t len, int advice)
{
	return syscall(SYS_madvise, addr, len, advice);
}

static void hints(void)
{
	static const struct { int advice; const char *name; } ok[] = {
		{ MADV_NORMAL, "MADV_NORMAL" }, { MADV_RANDOM, "MADV_RANDOM" },
		{ MADV_SEQUENTIAL, "MADV_SEQUENTIAL" }, { MADV_WILLNEED, "MADV_WILLNEED" },
		{ MADV_DONTDUMP, "MADV_DONTDUMP" }, { MADV_DODUMP, "MADV_DODUMP" },
	};
	char *p = map_anon(4 * PAGE, PROT_READ | PROT_WRITE);
	unsigned int i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		char desc[64];

		snprintf(desc, sizeof(desc), "%s is accepted", ok[i].name);
		expect_ok(sys_madvise(p, 4 * PAGE, ok[i].advice), desc);
	}
	expect_errno(sys_madvise(p, 4 * PAGE, 12345), EINVAL, "unknown advice: EINVAL");
	expect_errno(sys_madvise(p + 1, PAGE, MADV_NORMAL), EINVAL, "unaligned start: EINVAL");
	munmap(p + PAGE, PAGE);
	expect_errno(sys_madvise(p, 4 * PAGE, MADV_NORMAL), ENOMEM, "a hole in the range: ENOMEM");
	ksft_test_result(sys_madvise(p, 0, MADV_NORMAL) == 0, "length 0 is accepted");
	munmap(p, 4 * PAGE);
}

static void dontneed_free(void)
{
	char *p = map_anon(8 * PAGE, PROT_READ | PROT_WRITE);
	int fd = memfd_create("madv", 0);
	char *s;

	memset(p, 1, 8 * PAGE);
	ksft_test_result(sys_madvise(p, 4 * PAGE, MADV_DONTNEED) == 0 && p[0] == 0 &&
			 p[4 * PAGE] == 1, "MADV_DONTNEED: private anonymous pages read zero");
	ksft_test_result(resident_pages(p, 8 * PAGE) == 5,
			 "MADV_DONTNEED frees the pages (one refaulted)");
	ksft_test_result(sys_madvise(p + 4 * PAGE, 4 * PAGE, MADV_FREE) == 0,
			 "MADV_FREE is accepted on private anonymous memory");
	p[5 * PAGE] = 7;
	ksft_test_result(p[5 * PAGE] == 7, "a write after MADV_FREE is kept");
	ftruncate(fd, 2 * PAGE);
	s = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	memset(s, 3, 2 * PAGE);
	ksft_test_result(sys_madvise(s, 2 * PAGE, MADV_DONTNEED) == 0 && s[0] == 3,
			 "MADV_DONTNEED on a shared file mapping keeps the data");
	expect_errno(sys_madvise(s, 2 * PAGE, MADV_FREE), EINVAL,
		     "MADV_FREE on a shared file mapping: EINVAL");
	ksft_test_result(sys_madvise(s, PAGE, MADV_REMOVE) == 0 && s[0] == 0 && s[PAGE] == 3,
			 "MADV_REMOVE punches a hole in the shared file");
	expect_errno(sys_madvise(p, PAGE, MADV_REMOVE), EINVAL,
		     "MADV_REMOVE on private anonymous memory: EINVAL");
	munmap(s, 2 * PAGE);
	close(fd);
	munmap(p, 8 * PAGE);
}

static int child_reads_pattern(void *p)
{
	return *(volatile char *)p;
}

static void fork_advice(void)
{
	char *p = map_anon(2 * PAGE, PROT_READ | PROT_WRITE);
	char *s = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	memset(p, 6, 2 * PAGE);
	ksft_test_result(sys_madvise(p, PAGE, MADV_DONTFORK) == 0 &&
			 killed_by(child_status(touch_read, p), SIGSEGV),
			 "MADV_DONTFORK: the child has no mapping there");
	ksft_test_result(exited_with(child_status(child_reads_pattern, p + PAGE), 6),
			 "MADV_DONTFORK: the rest of the mapping is inherited");
	ksft_test_result(sys_madvise(p, PAGE, MADV_DOFORK) == 0 &&
			 exited_with(child_status(child_reads_pattern, p), 6),
			 "MADV_DOFORK: inherited again");
	ksft_test_result(sys_madvise(p, PAGE, MADV_WIPEONFORK) == 0 &&
			 exited_with(child_status(child_reads_pattern, p), 0) && p[0] == 6,
			 "MADV_WIPEONFORK: the child reads zeros, the parent keeps its data");
	ksft_test_result(sys_madvise(p, PAGE, MADV_KEEPONFORK) == 0 &&
			 exited_with(child_status(child_reads_pattern, p), 6),
			 "MADV_KEEPONFORK: the child sees the data again");
	expect_errno(sys_madvise(s, PAGE, MADV_WIPEONFORK), EINVAL,
		     "MADV_WIPEONFORK on a shared mapping: EINVAL");
	munmap(p, 2 * PAGE);
	munmap(s, PAGE);
}

static void populate(void)
{
	char *p = map_anon(16 * PAGE, PROT_READ | PROT_WRITE), *r;

	ksft_test_result(sys_madvise(p, 8 * PAGE, MADV_POPULATE_READ) == 0 &&
			 resident_pages(p, 16 * PAGE) == 8, "MADV_POPULATE_READ makes pages present");
	ksft_test_result(sys_madvise(p + 8 * PAGE, 8 * PAGE, MADV_POPULATE_WRITE) == 0 &&
			 resident_pages(p, 16 * PAGE) == 16,
			 "MADV_POPULATE_WRITE makes pages present");
	r = map_anon(PAGE, PROT_READ);
	expect_errno(sys_madvise(r, PAGE, MADV_POPULATE_WRITE), EINVAL,
		     "MADV_POPULATE_WRITE of a read-only mapping: EINVAL");
	ksft_test_result(mprotect(r, PAGE, PROT_NONE) == 0, "mprotect PROT_NONE");
	expect_errno(sys_madvise(r, PAGE, MADV_POPULATE_READ), EINVAL,
		     "MADV_POPULATE_READ of PROT_NONE: EINVAL");
	munmap(r, PAGE);
	expect_errno(sys_madvise(r, PAGE, MADV_POPULATE_READ), ENOMEM,
		     "MADV_POPULATE_READ of an unmapped range: ENOMEM");
	munmap(p, 16 * PAGE);
}

/* process_madvise(2) on our own pid through a pidfd: the advice it allows, and the rest. */
static void process_madvise_calls(void)
{
	char *p = map_anon(4 * PAGE, PROT_READ | PROT_WRITE);
	struct iovec iov = { p, 4 * PAGE };
	int pidfd = syscall(SYS_pidfd_open, getpid(), 0);

	ksft_test_result(pidfd >= 0 && syscall(SYS_process_madvise, pidfd, &iov, 1,
					       MADV_WILLNEED, 0) == 4 * PAGE,
			 "process_madvise MADV_WILLNEED: the bytes advised");
	expect_errno(syscall(SYS_process_madvise, pidfd, &iov, 1, MADV_DONTNEED, 0), EINVAL,
		     "process_madvise MADV_DONTNEED: EINVAL");
	expect_errno(syscall(SYS_process_madvise, pidfd, &iov, 1, MADV_WILLNEED, 1), EINVAL,
		     "process_madvise with flags: EINVAL");
	expect_errno(syscall(SYS_process_madvise, 1000, &iov, 1, MADV_WILLNEED, 0), EBADF,
		     "process_madvise of a closed fd: EBADF");
	close(pidfd);
	munmap(p, 4 * PAGE);
}

int main(void)
{
	ksft_print_header();
	ksft_set_plan(34);
	hints();
	dontneed_free();
	fork_advice();
	populate();
	process_madvise_calls();
	ksft_finished();
}
