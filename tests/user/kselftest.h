/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kselftest.h: the TAP output of a user test program, with the API names of
 * Linux's tools/testing/selftests/kselftest.h (written for this project).
 *
 *   TAP version 13                 ksft_print_header()
 *   1..N                           ksft_set_plan(N)
 *   # a diagnostic line            ksft_print_msg()
 *   ok 1 desc                      ksft_test_result_pass()
 *   not ok 2 desc                  ksft_test_result_fail()
 *   ok 3 desc # SKIP why           ksft_test_result_skip()
 *   # Totals: pass:P fail:F xfail:0 xpass:0 skip:S error:0
 *                                  ksft_finished() / ksft_exit_*()
 *
 * Every line goes out with one write(2) on fd 1, unbuffered: a test that
 * forks must not hand a child a stdio buffer to print twice, and a line
 * must not be torn by a child writing at the same time. The counters are
 * per process; a child reports to its parent through its exit status and
 * the parent prints the result.
 *
 * Exit statuses (KSFT_*), as the kselftest runner reads them: 0 pass,
 * 1 fail, 4 skip (2 and 3, xfail and xpass, are never produced here).
 * ksft_finished() exits with 1 when a result failed or fewer or more
 * results than planned were printed.
 */
#ifndef _USER_KSELFTEST_H
#define _USER_KSELFTEST_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define KSFT_PASS	0
#define KSFT_FAIL	1
#define KSFT_XFAIL	2
#define KSFT_XPASS	3
#define KSFT_SKIP	4

struct ksft_count {
	unsigned int pass, fail, xfail, xpass, skip, error;
};

static struct ksft_count ksft_cnt;
static unsigned int ksft_plan;

static inline unsigned int ksft_test_num(void)
{
	return ksft_cnt.pass + ksft_cnt.fail + ksft_cnt.xfail + ksft_cnt.xpass +
	       ksft_cnt.skip + ksft_cnt.error;
}

/* One line, written whole; errno is kept for the caller's next message. */
static inline __attribute__((format(printf, 1, 0))) void ksft_vline(const char *fmt,
								     va_list ap)
{
	char buf[512];
	int saved = errno, n = vsnprintf(buf, sizeof(buf) - 1, fmt, ap);

	if (n < 0)
		n = 0;
	if (n > (int)sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	buf[n++] = '\n';
	if (write(1, buf, n) < 0)
		n = 0;
	errno = saved;
}

static inline __attribute__((format(printf, 1, 2))) void ksft_line(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ksft_vline(fmt, ap);
	va_end(ap);
}

static inline void ksft_print_header(void)
{
	ksft_line("TAP version 13");
}

static inline void ksft_set_plan(unsigned int plan)
{
	ksft_plan = plan;
	ksft_line("1..%u", plan);
}

/* "# " and the message (which, as Linux's, carries no newline of its own here). */
static inline __attribute__((format(printf, 1, 2))) void ksft_print_msg(const char *fmt, ...)
{
	char buf[480];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	buf[strcspn(buf, "\n")] = '\0';
	ksft_line("# %s", buf);
}

static inline void ksft_result(const char *status, const char *directive, const char *fmt,
			       va_list ap)
{
	char desc[400];

	vsnprintf(desc, sizeof(desc), fmt, ap);
	desc[strcspn(desc, "\n")] = '\0';
	ksft_line("%s %u %s%s", status, ksft_test_num(), desc, directive);
}

static inline __attribute__((format(printf, 1, 2))) void ksft_test_result_pass(const char *fmt,
									       ...)
{
	va_list ap;

	ksft_cnt.pass++;
	va_start(ap, fmt);
	ksft_result("ok", "", fmt, ap);
	va_end(ap);
}

static inline __attribute__((format(printf, 1, 2))) void ksft_test_result_fail(const char *fmt,
									       ...)
{
	va_list ap;

	ksft_cnt.fail++;
	va_start(ap, fmt);
	ksft_result("not ok", "", fmt, ap);
	va_end(ap);
}

/* @fmt is the reason; the description is "ok N # SKIP reason" as Linux prints it. */
static inline __attribute__((format(printf, 1, 2))) void ksft_test_result_skip(const char *fmt,
									       ...)
{
	char why[400];
	va_list ap;

	ksft_cnt.skip++;
	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	why[strcspn(why, "\n")] = '\0';
	ksft_line("ok %u # SKIP %s", ksft_test_num(), why);
}

#define ksft_test_result(cond, fmt, ...)				\
	do {								\
		if (cond)						\
			ksft_test_result_pass(fmt, ##__VA_ARGS__);	\
		else							\
			ksft_test_result_fail(fmt, ##__VA_ARGS__);	\
	} while (0)

static inline void ksft_print_cnts(void)
{
	ksft_line("# Totals: pass:%u fail:%u xfail:%u xpass:%u skip:%u error:%u",
		  ksft_cnt.pass, ksft_cnt.fail, ksft_cnt.xfail, ksft_cnt.xpass, ksft_cnt.skip,
		  ksft_cnt.error);
}

static inline __attribute__((noreturn)) void ksft_exit_pass(void)
{
	ksft_print_cnts();
	exit(KSFT_PASS);
}

static inline __attribute__((noreturn)) void ksft_exit_fail(void)
{
	ksft_print_cnts();
	exit(KSFT_FAIL);
}

/* The whole program is skipped: "1..0 # SKIP why" when nothing ran yet. */
static inline __attribute__((noreturn, format(printf, 1, 2))) void
ksft_exit_skip(const char *fmt, ...)
{
	char why[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	why[strcspn(why, "\n")] = '\0';
	if (ksft_test_num() == 0)
		ksft_line("1..0 # SKIP %s", why);
	else
		ksft_print_msg("SKIP %s", why);
	exit(KSFT_SKIP);
}

/* @fmt says why the program cannot go on: a failure, with the totals so far. */
static inline __attribute__((noreturn, format(printf, 1, 2))) void
ksft_exit_fail_msg(const char *fmt, ...)
{
	char why[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	ksft_print_msg("Bail out! %s", why);
	ksft_exit_fail();
}

static inline __attribute__((noreturn)) void ksft_finished(void)
{
	if (ksft_cnt.fail || ksft_test_num() != ksft_plan) {
		if (ksft_test_num() != ksft_plan)
			ksft_print_msg("planned %u tests, ran %u", ksft_plan, ksft_test_num());
		ksft_exit_fail();
	}
	ksft_exit_pass();
}

#endif /* _USER_KSELFTEST_H */
