// SPDX-License-Identifier: GPL-2.0
/*
 * ktest core: runs the registered suites and prints KTAP version 1.
 *
 *   KTAP version 1
 *   1..S                          suites that match ktest.filter
 *       KTAP version 1
 *       # Subtest: SUITE
 *       1..C
 *       # file:line: Expected ...  diagnostics come before the result
 *       not ok 1 CASE
 *           KTAP version 1          a parameterised case is a subtest of
 *           # Subtest: CASE         its own with one line per parameter
 *           1..P
 *           ok 1 PARAM-DESCRIPTION
 *       ok 2 CASE
 *       # SUITE: pass:X fail:Y skip:Z total:T
 *   ok 1 SUITE
 *   # Totals: pass:X fail:Y skip:Z total:T
 *
 * KTAP lines go out through raw_printk, without the console's timestamp,
 * as Linux's KTAP tools expect; other kernel messages printed during a test
 * keep their "[time]" prefix and are not KTAP lines.
 *
 * A suite is "not ok" if any case failed, "ok # SKIP" if every case was
 * skipped. A case whose ->init fails is failed without running. The filter
 * is a glob on the suite name, or "SUITE_GLOB.CASE_GLOB". A run in which
 * no suite matches fails: a mistyped filter must not pass.
 *
 * The suites and the benchmarks are linked in only when the image is built
 * with them (make KTEST=1; make test and make bench build their own, see
 * Documentation/testing.md). In an image without them ktest.run=all and
 * ktest.run=bench fail at once, and the shell's "ktest" says how to get them.
 *
 * State: there is no global "current test". Cases run one at a time in the
 * task that called ktest_run_all() (init at boot, or the shell's "ktest
 * run"), each with its struct ktest on that task's stack; ktap_depth is the
 * only state shared between them.
 */
#include <linux/ktest.h>
#include <linux/printk.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/shell.h>
#include <linux/bench.h>
#include <linux/kthread.h>
#include <linux/fault-inject.h>
#include <asm/reboot.h>

enum ktest_run_mode { KTEST_RUN_NONE, KTEST_RUN_ALL, KTEST_RUN_BENCH };

static enum ktest_run_mode run_mode = KTEST_RUN_NONE;
static char filter_glob[128] = "*";

struct ktest_totals {
	unsigned int pass, fail, skip;
};

static int ktest_run_setup(char *val)
{
	if (!val)
		return -EINVAL;
	if (!strcmp(val, "all"))
		run_mode = KTEST_RUN_ALL;
	else if (!strcmp(val, "none"))
		run_mode = KTEST_RUN_NONE;
	else if (!strcmp(val, "bench"))
		run_mode = KTEST_RUN_BENCH;
	else
		return -EINVAL;
	return 0;
}
__setup("ktest.run=", ktest_run_setup);

static int ktest_filter_setup(char *val)
{
	if (!val || !*val || strscpy(filter_glob, val, sizeof(filter_glob)) < 0)
		return -EINVAL;
	return 0;
}
__setup("ktest.filter=", ktest_filter_setup);

/* Indentation of the KTAP level being printed: 4 spaces per level. */
static int ktap_depth;

static void ktap_line(const char *fmt, ...) __printf(1, 2);
static void ktap_line(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	raw_printk("%*s%s\n", ktap_depth * 4, "", buf);
}

/* Diagnostics: every line of @text as "# line", '#' in text kept harmless. */
static void ktap_diag(const char *text)
{
	while (*text) {
		const char *nl = strchr(text, '\n');
		int len = nl ? (int)(nl - text) : (int)strlen(text);

		ktap_line("# %.*s", len, text);
		text += len + (nl ? 1 : 0);
	}
}

void ktest_fail_at(struct ktest *test, const char *file, int line,
		   const char *fmt, ...)
{
	char buf[512];
	int n;
	va_list ap;

	test->status = KTEST_FAILURE;
	n = scnprintf(buf, sizeof(buf), "%s:%d: ", file, line);
	va_start(ap, fmt);
	vscnprintf(buf + n, sizeof(buf) - n, fmt, ap);
	va_end(ap);
	ktap_diag(buf);
}

void ktest_info(struct ktest *test, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	ktap_diag(buf);
}

void ktest_skip(struct ktest *test, const char *fmt, ...)
{
	va_list ap;

	test->status = KTEST_SKIPPED;
	va_start(ap, fmt);
	vscnprintf(test->skip_reason, sizeof(test->skip_reason), fmt, ap);
	va_end(ap);
}

struct log_search {
	const char *needle;
	bool found;
};

static void log_search_line(u64 ts, int level, const char *text, void *arg)
{
	struct log_search *ls = arg;

	if (strstr(text, ls->needle))
		ls->found = true;
}

bool ktest_log_contains(struct ktest *test, const char *needle)
{
	struct log_search ls = { needle, false };

	log_buf_for_each_line_from(test->log_start, log_search_line, &ls);
	return ls.found;
}

void ktest_abort(struct ktest *test)
{
	kernel_longjmp(&test->abort, 1);
}

static void print_result(int n, const char *name, enum ktest_status status,
			 const char *skip_reason)
{
	if (status == KTEST_SKIPPED)
		ktap_line("ok %d %s # SKIP %s", n, name, skip_reason);
	else
		ktap_line("%s %d %s", status == KTEST_FAILURE ? "not ok" : "ok", n, name);
}

static void count(struct ktest_totals *t, enum ktest_status status)
{
	if (status == KTEST_FAILURE)
		t->fail++;
	else if (status == KTEST_SKIPPED)
		t->skip++;
	else
		t->pass++;
}

/* Run one invocation of a case (one parameter of a parameterised case). */
static enum ktest_status run_one(struct ktest_suite *suite, struct ktest_case *c,
				 const void *param, char *skip_reason)
{
	struct ktest test = {
		.name = c->name,
		.param_value = param,
		.status = KTEST_SUCCESS,
		.log_start = log_buf_seq(),
	};

	if (suite->init && suite->init(&test)) {
		ktap_diag("suite init failed for this case");
		return KTEST_FAILURE;
	}
	if (!kernel_setjmp(&test.abort))
		c->run_case(&test);
	if (suite->exit)
		suite->exit(&test);
	strscpy(skip_reason, test.skip_reason, KTEST_SKIP_REASON_SIZE);
	return test.status;
}

static unsigned int count_params(struct ktest_case *c)
{
	char desc[KTEST_PARAM_DESC_SIZE];
	const void *p = NULL;
	unsigned int n = 0;

	while ((p = c->generate_params(p, desc)) != NULL)
		n++;
	return n;
}

/* A parameterised case: a nested KTAP subtest, one result per parameter. */
static enum ktest_status run_param_case(struct ktest_suite *suite, struct ktest_case *c,
					char *skip_reason)
{
	char desc[KTEST_PARAM_DESC_SIZE];
	enum ktest_status worst = KTEST_SKIPPED;
	const void *p = NULL;
	int n = 0;

	ktap_depth++;
	ktap_line("KTAP version 1");
	ktap_line("# Subtest: %s", c->name);
	ktap_line("1..%u", count_params(c));
	for (;;) {
		enum ktest_status s;

		desc[0] = '\0';
		p = c->generate_params(p, desc);
		if (!p)
			break;
		if (!desc[0])
			scnprintf(desc, sizeof(desc), "param-%d", n);
		s = run_one(suite, c, p, skip_reason);
		print_result(++n, desc, s, skip_reason);
		if (s == KTEST_FAILURE || (s == KTEST_SUCCESS && worst == KTEST_SKIPPED))
			worst = s;
	}
	ktap_depth--;
	strscpy(skip_reason, "all parameters skipped", KTEST_SKIP_REASON_SIZE);
	return worst;
}

static bool case_matches(const struct ktest_case *c, const char *case_glob)
{
	return !case_glob || glob_match(case_glob, c->name);
}

static enum ktest_status run_suite(struct ktest_suite *suite, const char *case_glob,
				   struct ktest_totals *totals)
{
	struct ktest_totals t = { 0 };
	char skip_reason[KTEST_SKIP_REASON_SIZE];
	struct ktest_case *c;
	unsigned int ncases = 0;
	int n = 0;

	for (c = suite->test_cases; c->run_case; c++)
		ncases += case_matches(c, case_glob);
	ktap_depth++;
	ktap_line("KTAP version 1");
	ktap_line("# Subtest: %s", suite->name);
	ktap_line("1..%u", ncases);
	if (suite->suite_init && suite->suite_init(suite)) {
		ktap_diag("suite_init failed: every case fails");
		for (c = suite->test_cases; c->run_case; c++)
			if (case_matches(c, case_glob)) {
				print_result(++n, c->name, KTEST_FAILURE, "");
				t.fail++;
			}
		goto out;
	}
	for (c = suite->test_cases; c->run_case; c++) {
		enum ktest_status s;

		if (!case_matches(c, case_glob))
			continue;
		skip_reason[0] = '\0';
		if (c->generate_params)
			s = run_param_case(suite, c, skip_reason);
		else
			s = run_one(suite, c, NULL, skip_reason);
		print_result(++n, c->name, s, skip_reason);
		count(&t, s);
	}
	if (suite->suite_exit)
		suite->suite_exit(suite);
out:
	ktap_line("# %s: pass:%u fail:%u skip:%u total:%u", suite->name, t.pass,
		  t.fail, t.skip, t.pass + t.fail + t.skip);
	ktap_depth--;
	totals->pass += t.pass;
	totals->fail += t.fail;
	totals->skip += t.skip;
	if (t.fail)
		return KTEST_FAILURE;
	return t.pass || !ncases ? KTEST_SUCCESS : KTEST_SKIPPED;
}

/* Split "SUITE.CASE" globs; the suite part is matched against names. */
static bool suite_matches(const struct ktest_suite *s, const char *glob,
			  char *suite_glob, size_t size, const char **case_glob)
{
	const char *dot = strchr(glob, '.');

	*case_glob = NULL;
	if (dot) {
		size_t n = min((size_t)(dot - glob), size - 1);

		memcpy(suite_glob, glob, n);
		suite_glob[n] = '\0';
		*case_glob = dot + 1;
	} else {
		strscpy(suite_glob, glob, size);
	}
	return glob_match(suite_glob, s->name);
}

/* Counted from the linker's bounds: an image built without KTEST=1 has none. */
static bool ktest_have_suites(void)
{
	return __stop_ktest_suites - __start_ktest_suites > 0;
}

static bool ktest_have_benchmarks(void)
{
	return __stop_bench_cases - __start_bench_cases > 0;
}

static void ktest_none_linked(const char *what)
{
	pr_err("ktest: this image has no %s: build it with make KTEST=1 "
	       "(make run KTEST=1 boots it; make test and make bench build their own)\n",
	       what);
}

bool ktest_run_all(const char *glob)
{
	struct ktest_suite *const *s;
	struct ktest_totals totals = { 0 };
	char suite_glob[128];
	const char *case_glob;
	unsigned int nsuites = 0;
	int n = 0;

	for (s = __start_ktest_suites; s < __stop_ktest_suites; s++)
		nsuites += suite_matches(*s, glob, suite_glob, sizeof(suite_glob), &case_glob);
	ktap_depth = 0;
	ktap_line("KTAP version 1");
	ktap_line("1..%u", nsuites);
	for (s = __start_ktest_suites; s < __stop_ktest_suites; s++) {
		enum ktest_status st;

		if (!suite_matches(*s, glob, suite_glob, sizeof(suite_glob), &case_glob))
			continue;
		st = run_suite(*s, case_glob, &totals);
		print_result(++n, (*s)->name, st, "no case ran");
	}
	if (!nsuites)
		ktap_line("# no suite matches %s", glob);
	ktap_line("# Totals: pass:%u fail:%u skip:%u total:%u", totals.pass,
		  totals.fail, totals.skip, totals.pass + totals.fail + totals.skip);
	return nsuites && totals.fail == 0;
}

void ktest_boot(void)
{
	switch (run_mode) {
	case KTEST_RUN_ALL:
		if (!ktest_have_suites()) {
			ktest_none_linked("tests");
			qemu_debug_exit(QEMU_EXIT_FAIL);
			break;
		}
		qemu_debug_exit(ktest_run_all(filter_glob) ? QEMU_EXIT_PASS : QEMU_EXIT_FAIL);
		break;
	case KTEST_RUN_BENCH:
		if (!ktest_have_benchmarks()) {
			ktest_none_linked("benchmarks");
			qemu_debug_exit(QEMU_EXIT_FAIL);
			break;
		}
		bench_run_all(filter_glob);
		qemu_debug_exit(QEMU_EXIT_PASS);
		break;
	case KTEST_RUN_NONE:
		break;
	}
	/* Without the isa-debug-exit device we are still here: go to the shell. */
}

static int cmd_ktest(int argc, char **argv)
{
	struct ktest_suite *const *s;

	bool list = argc == 2 && !strcmp(argv[1], "list");
	bool run = argc == 3 && !strcmp(argv[1], "run");

	if (!list && !run) {
		raw_printk("usage: ktest list | ktest run GLOB   (GLOB: SUITE or SUITE.CASE)\n");
		return -EINVAL;
	}
	if (!ktest_have_suites()) {
		ktest_none_linked("tests");
		return 0;
	}
	if (list) {
		for (s = __start_ktest_suites; s < __stop_ktest_suites; s++)
			raw_printk("%s\n", (*s)->name);
		return 0;
	}
	ktest_run_all(argv[2]);
	return 0;
}
SHELL_CMD(ktest, "list the test suites, or run those matching a glob", cmd_ktest);

void ktest_require_kthreads(struct ktest *test, struct task_struct **k, unsigned int n)
{
	unsigned int i, missing = 0;

	for (i = 0; i < n; i++)
		missing += !k[i];
	if (!missing)
		return;
	for (i = 0; i < n; i++)
		if (k[i])
			kthread_stop(k[i]);
	if (fault_injection_active())
		KTEST_SKIP(test, "kthread creation failed under fault injection");
	KTEST_FAIL(test, "%u of %u kthreads could not be created", missing, n);
	ktest_abort(test);
}

/* One case runs at a time, so one saved state serves every suite. */
static struct fault_injection_state ktest_paused_faults;

int ktest_pause_fault_injection(struct ktest *test)
{
	fault_injection_pause(&ktest_paused_faults);
	return 0;
}

void ktest_resume_fault_injection(struct ktest *test)
{
	fault_injection_resume(&ktest_paused_faults);
}
