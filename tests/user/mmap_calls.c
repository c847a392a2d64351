// SPDX-License-Identifier: GPL-2.0
/*
 * mmap_calls: mmap(2), munmap(2) and mprotect(2) as Linux x86-64 answers
 * them: the mapping kinds and flags (anonymous, shared, memfd-backed,
 * MAP_FIXED, MAP_FIXED_NOREPLACE, MAP_POPULATE, MAP_LOCKED, MAP_GROWSDOWN,
 * MAP_SHARED_VALIDATE), their errno values, and the access each protection
 * allows (a denied access is seen from the parent as the child's SIGSEGV
 * or SIGBUS; signal handlers come with issue 17).
 */
#define _GNU_SOURCE
#include <sys/mman.h>
#include "utest.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE	0x100000
#endif
#ifndef MAP_SHARED_VALIDATE
#define MAP_SHARED_VALIDATE	0x03
#endif

static void *sys_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return (void *)syscall(SYS_mmap, addr, len, prot, flags, fd, off);
}

static long mmap_ret(void *p)
{
	return p == MAP_FAILED ? -1 : 0;
}

static int memfd(size_t size)
{
	int fd = memfd_create("mmap_calls", 0);

	if (fd >= 0 && ftruncate(fd, size)) {
		close(fd);
		return -1;
	}
	return fd;
}

static void anon_private(void)
{
	char *p = map_anon(4 * PAGE, PROT_READ | PROT_WRITE);
	bool zero = p, kept;
	size_t i;

	for (i = 0; p && i < 4 * PAGE; i++)
		zero &= p[i] == 0;
	ksft_test_result(zero, "anonymous private mapping reads zeros");
	if (p)
		memset(p, 0x77, 4 * PAGE);
	kept = p && p[0] == 0x77 && p[4 * PAGE - 1] == 0x77;
	ksft_test_result(kept, "anonymous private mapping keeps what is written");
	ksft_test_result(p && ((unsigned long)p & (PAGE - 1)) == 0, "mapping is page aligned");
	ksft_test_result(p && munmap(p, 4 * PAGE) == 0, "munmap of the whole mapping");
}

static int child_write_shared(void *p)
{
	*(volatile int *)p = 4242;
	return 0;
}

static void anon_shared(void)
{
	int *p = (int *)mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int st;

	if (p == MAP_FAILED) {
		ksft_test_result_fail("MAP_SHARED|MAP_ANONYMOUS: a child's write is seen");
		return;
	}
	st = child_status(child_write_shared, p);
	ksft_test_result(exited_with(st, 0) && *p == 4242,
			 "MAP_SHARED|MAP_ANONYMOUS: a child's write is seen");
	munmap(p, PAGE);
}

static void fixed_and_noreplace(void)
{
	char *p = map_anon(4 * PAGE, PROT_READ | PROT_WRITE), *q;

	if (!p) {
		ksft_exit_fail_msg("mmap: %s", strerror(errno));
		return;
	}
	p[PAGE] = 1;
	q = sys_mmap(p + PAGE, PAGE, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	ksft_test_result(q == p + PAGE && q[0] == 0, "MAP_FIXED replaces the page (reads zero)");
	expect_errno(mmap_ret(sys_mmap(p, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
				       MAP_FIXED_NOREPLACE, -1, 0)), EEXIST,
		     "MAP_FIXED_NOREPLACE over a mapping: EEXIST");
	munmap(p + 2 * PAGE, 2 * PAGE);
	expect_errno(mmap_ret(sys_mmap(p + PAGE, 2 * PAGE, PROT_READ, MAP_PRIVATE |
				       MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0)), EEXIST,
		     "MAP_FIXED_NOREPLACE overlapping a mapping's end: EEXIST");
	q = sys_mmap(p + 2 * PAGE, 2 * PAGE, PROT_READ,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	ksft_test_result(q == p + 2 * PAGE, "MAP_FIXED_NOREPLACE on a free range maps there");
	munmap(p, 4 * PAGE);
	q = sys_mmap(p + PAGE, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ksft_test_result(q == p + PAGE, "a free hint address is honoured");
	munmap(q, PAGE);
	expect_errno(mmap_ret(sys_mmap(p + 1, PAGE, PROT_READ,
				       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)),
		     EINVAL, "MAP_FIXED at an unaligned address: EINVAL");
}

static void errors(void)
{
	int fd = memfd(PAGE);

	expect_errno(mmap_ret(sys_mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)),
		     EINVAL, "length 0: EINVAL");
	expect_errno(mmap_ret(sys_mmap(NULL, PAGE, PROT_READ, MAP_ANONYMOUS, -1, 0)), EINVAL,
		     "neither MAP_PRIVATE nor MAP_SHARED: EINVAL");
	expect_errno(mmap_ret(sys_mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 1000, 0)), EBADF,
		     "a file mapping of a closed fd: EBADF");
	expect_errno(mmap_ret(sys_mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 100)), EINVAL,
		     "an unaligned offset: EINVAL");
	expect_errno(mmap_ret(sys_mmap(NULL, 1UL << 60, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
				       -1, 0)), ENOMEM, "a length beyond the address space: ENOMEM");
	expect_errno(mmap_ret(sys_mmap(NULL, PAGE, PROT_READ, MAP_SHARED_VALIDATE | 0x800000,
				       fd, 0)), EOPNOTSUPP,
		     "MAP_SHARED_VALIDATE with an unknown flag: EOPNOTSUPP");
	ksft_test_result(mmap_ret(sys_mmap(NULL, PAGE, PROT_READ, MAP_SHARED_VALIDATE, fd, 0))
			 == 0, "MAP_SHARED_VALIDATE with known flags maps");
	ksft_test_result(mmap_ret(sys_mmap(NULL, PAGE, PROT_READ, MAP_SHARED | 0x800000, fd, 0))
			 == 0, "MAP_SHARED ignores an unknown flag");
	{
		void *h = sys_mmap(NULL, 2UL << 20, PROT_READ | PROT_WRITE,
				   MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB, -1, 0);
		int e = errno;

		ksft_test_result(h == MAP_FAILED && (e == ENOMEM || e == EINVAL),
				 "MAP_HUGETLB without huge pages: ENOMEM or EINVAL");
	}
	close(fd);
}

static void populate_locked(void)
{
	size_t len = 16 * PAGE;
	char *p = sys_mmap(NULL, len, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);

	ksft_test_result(p != MAP_FAILED && resident_pages(p, len) == 16,
			 "MAP_POPULATE: every page resident");
	if (p != MAP_FAILED)
		munmap(p, len);
	p = map_anon(len, PROT_READ | PROT_WRITE);
	ksft_test_result(p && resident_pages(p, len) == 0, "without MAP_POPULATE: none resident");
	if (p)
		munmap(p, len);
	p = sys_mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_LOCKED,
		     -1, 0);
	ksft_test_result(p != MAP_FAILED && resident_pages(p, len) == 16 &&
			 status_kb("VmLck") >= 64, "MAP_LOCKED: resident and counted in VmLck");
	if (p != MAP_FAILED)
		munmap(p, len);
	ksft_test_result(status_kb("VmLck") == 0, "munmap of the locked mapping: VmLck 0");
	p = sys_mmap(NULL, len, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
	ksft_test_result(p != MAP_FAILED && (p[len - 1] = 3) == 3,
			 "MAP_NORESERVE|MAP_STACK maps writable memory");
	if (p != MAP_FAILED)
		munmap(p, len);
}

static void growsdown(void)
{
	char *p = sys_mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_GROWSDOWN, -1, 0);
	struct maps_entry e[256];
	int n;

	if (p == MAP_FAILED) {
		ksft_test_result_fail("MAP_GROWSDOWN maps");
		return;
	}
	p[0] = 1;
	p[4 * PAGE - 1] = 2;
	n = maps_read(e, 256);
	ksft_test_result(n > 0 && maps_find(e, n, (unsigned long)p) &&
			 maps_find(e, n, (unsigned long)p)->end == (unsigned long)p + 4 * PAGE,
			 "MAP_GROWSDOWN maps");
	munmap(p, 4 * PAGE);
}

/*
 * A MAP_GROWSDOWN mapping grows when the page below it is touched, as a
 * stack does, but not into the guard gap of a mapping below it
 * (stack_guard_gap, 256 pages by default).
 */
static int touch_below_and_report(void *p)
{
	struct maps_entry e[256], *m;
	int n;

	((volatile char *)p)[-1] = 1;
	n = maps_read(e, 256);
	m = n > 0 ? maps_find(e, n, (unsigned long)p - 1) : NULL;
	return m && m->start == (unsigned long)p - PAGE ? 0 : 1;
}

static void growsdown_growth(void)
{
	char *area = map_anon(300 * PAGE, PROT_NONE), *g;

	munmap(area, 300 * PAGE);
	g = sys_mmap(area + 299 * PAGE, PAGE, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_GROWSDOWN, -1, 0);
	ksft_test_result(g != MAP_FAILED && exited_with(child_status(touch_below_and_report, g), 0),
			 "MAP_GROWSDOWN grows down by a page when touched below");
	sys_mmap(area + 250 * PAGE, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	ksft_test_result(killed_by(child_status(touch_below_and_report, g), SIGSEGV),
			 "it does not grow within the stack guard gap of a mapping below: SIGSEGV");
	munmap(area, 300 * PAGE);
}

static int map_low(void *unused)
{
	if (setuid(65534))
		return 2;
	return sys_mmap((void *)0x1000, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
			-1, 0) == MAP_FAILED && errno == EPERM ? 0 : 1;
}

static void memfd_mappings(void)
{
	int fd = memfd(2 * PAGE);
	char *s, *pr, buf[4] = "";

	/* Placed with a hole after it, for the access beyond its end. */
	s = map_anon(3 * PAGE, PROT_NONE);
	munmap(s + 2 * PAGE, PAGE);
	s = sys_mmap(s, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 0);
	pr = sys_mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	if (fd < 0 || s == MAP_FAILED || pr == MAP_FAILED) {
		ksft_exit_fail_msg("memfd mappings: %s", strerror(errno));
		return;
	}
	memcpy(s + PAGE, "abc", 4);
	ksft_test_result(pread(fd, buf, 4, PAGE) == 4 && !strcmp(buf, "abc"),
			 "MAP_SHARED memfd: a write reaches the file");
	ksft_test_result(!strcmp(pr + PAGE, "abc"), "MAP_PRIVATE memfd sees the file's data");
	memcpy(pr + PAGE, "xyz", 4);
	ksft_test_result(pread(fd, buf, 4, PAGE) == 4 && !strcmp(buf, "abc") &&
			 !strcmp(s + PAGE, "abc"), "MAP_PRIVATE memfd: a write stays private");
	ksft_test_result(pwrite(fd, "q", 1, 0) == 1 && s[0] == 'q',
			 "MAP_SHARED memfd: a write(2) is seen in the mapping");
	ksft_test_result(killed_by(child_status(touch_read, s + 2 * PAGE), SIGSEGV),
			 "beyond the mapping: SIGSEGV");
	munmap(s, 2 * PAGE);
	s = sys_mmap(NULL, 4 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	ksft_test_result(s != MAP_FAILED && killed_by(child_status(touch_read, s + 3 * PAGE),
						      SIGBUS),
			 "a mapped page beyond the end of the file: SIGBUS");
	munmap(s, 4 * PAGE);
	/* A read fault's fault-around stops at the VMA's end: the next page is another's. */
	s = map_anon(2 * PAGE, PROT_NONE);
	s = sys_mmap(s, PAGE, PROT_READ, MAP_SHARED | MAP_FIXED, fd, 0);
	ksft_test_result(s != MAP_FAILED && s[0] == 'q' && mprotect(s + PAGE, PAGE, PROT_READ) == 0 &&
			 s[PAGE] == 0, "fault-around maps nothing past the mapping's end");
	munmap(s, 2 * PAGE);
	close(fd);
	fd = open("/proc/self/exe", O_RDONLY);
	expect_errno(mmap_ret(sys_mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)),
		     EACCES, "MAP_SHARED|PROT_WRITE of a read-only fd: EACCES");
	s = sys_mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0);
	expect_errno(s == MAP_FAILED ? 0 : mprotect(s, PAGE, PROT_READ | PROT_WRITE), EACCES,
		     "mprotect PROT_WRITE of that file's shared mapping: EACCES");
	close(fd);
}

static void munmap_calls(void)
{
	char *p = map_anon(3 * PAGE, PROT_READ | PROT_WRITE);

	expect_errno(munmap(p + 1, PAGE), EINVAL, "munmap at an unaligned address: EINVAL");
	expect_errno(munmap(p, 0), EINVAL, "munmap of length 0: EINVAL");
	ksft_test_result(munmap(p + PAGE, PAGE) == 0, "munmap of the middle page");
	ksft_test_result(killed_by(child_status(touch_read, p + PAGE), SIGSEGV),
			 "the hole faults: SIGSEGV");
	ksft_test_result(exited_with(child_status(touch_write, p + 2 * PAGE), 0),
			 "the page after the hole is still mapped");
	ksft_test_result(munmap(p, 3 * PAGE) == 0 && munmap(p, 3 * PAGE) == 0,
			 "munmap of an unmapped range succeeds");
}

static int exec_page(void *p)
{
	return ((int (*)(void))p)();
}

static void mprotect_calls(void)
{
	char *p = map_anon(2 * PAGE, PROT_READ | PROT_WRITE);
	/* mov $7, %eax; ret */
	static const unsigned char code[] = { 0xb8, 7, 0, 0, 0, 0xc3 };

	memcpy(p, code, sizeof(code));
	ksft_test_result(mprotect(p, PAGE, PROT_READ) == 0 &&
			 killed_by(child_status(touch_write, p), SIGSEGV),
			 "PROT_READ: a write is SIGSEGV");
	ksft_test_result(exited_with(child_status(touch_read, p + 1), 0), "PROT_READ: reads work");
	ksft_test_result(killed_by(child_status(exec_page, p), SIGSEGV),
			 "PROT_READ: executing is SIGSEGV (NX)");
	ksft_test_result(mprotect(p, PAGE, PROT_READ | PROT_EXEC) == 0 &&
			 exited_with(child_status(exec_page, p), 7), "PROT_EXEC: the code runs");
	ksft_test_result(mprotect(p, PAGE, PROT_NONE) == 0 &&
			 killed_by(child_status(touch_read, p), SIGSEGV),
			 "PROT_NONE: a read is SIGSEGV");
	ksft_test_result(mprotect(p, PAGE, PROT_READ | PROT_WRITE) == 0 && p[1] == 7,
			 "back to PROT_READ|PROT_WRITE: data kept");
	/* musl's mprotect() rounds the address down: the system call itself. */
	expect_errno(syscall(SYS_mprotect, p + 1, PAGE, PROT_READ), EINVAL,
		     "mprotect unaligned: EINVAL");
	expect_errno(mprotect(p, PAGE, 0x100), EINVAL, "mprotect unknown prot bits: EINVAL");
	munmap(p + PAGE, PAGE);
	expect_errno(mprotect(p, 2 * PAGE, PROT_READ), ENOMEM,
		     "mprotect over a hole: ENOMEM");
	munmap(p, PAGE);
}

int main(void)
{
	ksft_print_header();
	ksft_set_plan(53);
	anon_private();
	anon_shared();
	fixed_and_noreplace();
	errors();
	populate_locked();
	growsdown();
	growsdown_growth();
	ksft_test_result(exited_with(child_status(map_low, NULL), 0),
			 "MAP_FIXED below mmap_min_addr as a user: EPERM");
	memfd_mappings();
	munmap_calls();
	mprotect_calls();
	ksft_finished();
}
