// SPDX-License-Identifier: GPL-2.0
/*
 * segv_kinds: every kind of bad access kills the process with the signal
 * Linux sends, seen from the parent through wait4: reads and writes of
 * NULL, of unmapped memory, of PROT_NONE, writes to read-only memory and to
 * the program's text, executing data (NX), a kernel address, the stack
 * grown past RLIMIT_STACK, and SIGBUS beyond a file's end. The parent
 * goes on after each. Then each kind again with a SA_SIGINFO handler (on
 * an alternate stack, so that the stack overflow can be handled too),
 * which checks si_signo, si_code and si_addr and exits with the verdict.
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

/* What the handler is to see; the child exits 0 if it does, 1 if not, 2 if nothing faulted. */
static struct {
	int sig, code;
	void *addr;
	bool any_addr;		/* the stack overflow: the exact address is the kernel's choice */
	bool or_maperr;		/* 1 << 47: a #GP, or with 5-level paging a plain unmapped page */
} want;

static void check_siginfo(int sig, siginfo_t *si, void *uc)
{
	bool as_wanted = si->si_code == want.code && (want.any_addr || si->si_addr == want.addr);

	(void)uc;
	if (want.or_maperr && si->si_code == SEGV_MAPERR)
		as_wanted = si->si_addr == (void *)0x0000800000000000UL;
	_exit(si->si_signo == want.sig && as_wanted ? 0 : 1);
}

struct handled {
	int (*fn)(void *);
	void *arg;
};

static int run_handled(void *arg)
{
	static char altstack[64 << 10];
	const struct handled *h = arg;
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
	struct sigaction sa = { .sa_sigaction = check_siginfo, .sa_flags = SA_SIGINFO | SA_ONSTACK };

	if (sigaltstack(&ss, NULL) || sigaction(SIGSEGV, &sa, NULL) || sigaction(SIGBUS, &sa, NULL))
		return 3;
	h->fn(h->arg);
	return 2;
}

static void expect_siginfo(int (*fn)(void *), void *arg, int sig, int code, void *addr,
			   const char *desc)
{
	struct handled h = { fn, arg };
	int st;

	want.sig = sig;
	want.code = code;
	want.addr = addr;
	want.any_addr = fn == stack_overflow;
	want.or_maperr = arg == (void *)0x0000800000000000UL;
	st = child_status(run_handled, &h);
	if (!exited_with(st, 0))
		ksft_print_msg("%s: status %#x", desc, st);
	ksft_test_result(exited_with(st, 0), "%s", desc);
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
	char *ro, *none, *gone, *data, *nx;
	int fd;

	ksft_print_header();
	ksft_set_plan(24);
	ro = map_anon(PAGE, PROT_READ);
	none = map_anon(PAGE, PROT_NONE);
	gone = map_anon(PAGE, PROT_READ | PROT_WRITE);
	data = map_anon(PAGE, PROT_READ | PROT_WRITE);
	munmap(gone, PAGE);
	data[0] = (char)0xc3;	/* ret */
	nx = data;
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

	expect_siginfo(touch_read, NULL, SIGSEGV, SEGV_MAPERR, NULL,
		       "handled: read of NULL: SEGV_MAPERR at 0");
	expect_siginfo(touch_write, NULL, SIGSEGV, SEGV_MAPERR, NULL,
		       "handled: write of NULL: SEGV_MAPERR at 0");
	expect_siginfo(touch_read, gone, SIGSEGV, SEGV_MAPERR, gone,
		       "handled: read of an unmapped page: SEGV_MAPERR at it");
	expect_siginfo(touch_read, none, SIGSEGV, SEGV_ACCERR, none,
		       "handled: read of PROT_NONE: SEGV_ACCERR at it");
	expect_siginfo(touch_write, ro, SIGSEGV, SEGV_ACCERR, ro,
		       "handled: write of PROT_READ: SEGV_ACCERR at it");
	expect_siginfo(write_text, NULL, SIGSEGV, SEGV_ACCERR, (void *)exec_at,
		       "handled: write to the text: SEGV_ACCERR at it");
	expect_siginfo(exec_at, nx, SIGSEGV, SEGV_ACCERR, nx,
		       "handled: executing a data page: SEGV_ACCERR at it");
	expect_siginfo(touch_read, (void *)0xffff888000000000UL, SIGSEGV, SEGV_MAPERR,
		       (void *)0xffff888000000000UL, "handled: read of a kernel address: SEGV_MAPERR");
	expect_siginfo(touch_read, (void *)0x0000800000000000UL, SIGSEGV, SI_KERNEL, NULL,
		       "handled: read at 1 << 47: SI_KERNEL (#GP), or SEGV_MAPERR with LA57");
	expect_siginfo(stack_overflow, NULL, SIGSEGV, SEGV_MAPERR, NULL,
		       "handled on the altstack: stack past RLIMIT_STACK: SEGV_MAPERR");
	expect_siginfo(touch_read, data + PAGE, SIGBUS, BUS_ADRERR, data + PAGE,
		       "handled: read beyond the file: BUS_ADRERR at it");
	{
		struct handled good = { touch_read, &want };

		ksft_test_result(exited_with(child_status(run_handled, &good), 2),
				 "handled: a good read reaches no handler");
	}
	ksft_finished();
}
