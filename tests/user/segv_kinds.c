// SPDX-License-Identifier: GPL-2.0
/*
 * segv_kinds: every kind of bad access kills the process with the signal
 * Linux sends, seen from the parent through wait4 (signal handlers, and
 * with them si_code and si_addr, come with issue 17): reads and writes of
 * NULL, of unmapped memory, of PROT_NONE, writes to read-only memory and to
 * the program's text, executing data (NX), a kernel address, the stack
 * grown past RLIMIT_STACK, and SIGBUS beyond a file's end. The parent
 * goes on after each.
 */
#define _GNU_SOURCE
#include <sys/resource.h>
#include "utest.h"

static int exec_at(void *p)
{
	return ((int (*)(void))p)();
}

static int write_text(void *unused)
{
	*(volatile char *)(void *)exec_at = 0xc3;
	return 0;
}

static int recurse(int depth)
{
	volatile char pad[4096];

	pad[0] = (char)depth;
	return depth > 0 ? recurse(depth - 1) + pad[0] : 0;
}

static int stack_overflow(void *unused)
{
	struct rlimit rl = { 256 << 10, 256 << 10 };

	setrlimit(RLIMIT_STACK, &rl);
	return recurse(1 << 20);
}

static void expect_signal(int (*fn)(void *), void *arg, int sig, const char *desc)
{
	int st = child_status(fn, arg);

	if (!killed_by(st, sig))
		ksft_print_msg("%s: status %#x", desc, st);
	ksft_test_result(killed_by(st, sig), "%s", desc);
}

int main(void)
{
	char *ro, *none, *gone, *data;
	int fd;

	ksft_print_header();
	ksft_set_plan(12);
	ro = map_anon(PAGE, PROT_READ);
	none = map_anon(PAGE, PROT_NONE);
	gone = map_anon(PAGE, PROT_READ | PROT_WRITE);
	data = map_anon(PAGE, PROT_READ | PROT_WRITE);
	munmap(gone, PAGE);
	data[0] = (char)0xc3;	/* ret */
	expect_signal(touch_read, NULL, SIGSEGV, "read of NULL: SIGSEGV");
	expect_signal(touch_write, NULL, SIGSEGV, "write of NULL: SIGSEGV");
	expect_signal(touch_read, gone, SIGSEGV, "read of an unmapped page: SIGSEGV");
	expect_signal(touch_read, none, SIGSEGV, "read of PROT_NONE: SIGSEGV");
	expect_signal(touch_write, ro, SIGSEGV, "write of PROT_READ: SIGSEGV");
	expect_signal(write_text, NULL, SIGSEGV, "write to the program's text: SIGSEGV");
	expect_signal(exec_at, data, SIGSEGV, "executing a data page (NX): SIGSEGV");
	expect_signal(touch_read, (void *)0xffff888000000000UL, SIGSEGV,
		      "read of a kernel address: SIGSEGV");
	expect_signal(touch_read, (void *)0x0000800000000000UL, SIGSEGV,
		      "read of a non-canonical address: SIGSEGV");
	expect_signal(stack_overflow, NULL, SIGSEGV, "stack past RLIMIT_STACK: SIGSEGV");
	fd = memfd_create("segv", 0);
	ftruncate(fd, 100);
	data = mmap(NULL, 2 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	expect_signal(touch_read, data + PAGE, SIGBUS, "read of a page beyond the file: SIGBUS");
	ksft_test_result(exited_with(child_status(touch_read, data + 99), 0),
			 "the file's last partial page reads (zeros past its end)");
	ksft_finished();
}
