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
 * ktest.user=1 (with ktest.run=all) makes the boot go on after the suites:
 * ktest_boot() keeps their verdict and returns, init runs its program in
 * user space (the runner of tests/user/, whose TAP follows the KTAP
 * document on the console) and its reboot(LINUX_REBOOT_CMD_POWER_OFF)
 * ends the boot through ktest_power_off() with the kept verdict.
 *
 * The suites and the benchmarks are linked in only when the image is built
 * with them (make KTEST=1; make test and make bench build their own, see
 * Documentation/testing.md). In an image without them ktest.run=all and
 * ktest.run=bench fail at once, and the shell's "ktest" says how to get them.
 *
 * State: there is no global "current test". Cases run one at a time in the
 * task that called ktest_run_all() (init at boot, the shell's "ktest run",
 * or a write to debugfs's ktest/run), each with its struct ktest on that
 * task's stack; ktap_depth and log_suite are the only state shared
 * between them. A run started from inside a case (a write to ktest/run by
 * a test) prints its KTAP nested below that case's level.
 *
 * Each suite's lines are also kept in suite->log (Linux's kunit log) for
 * /sys/kernel/debug/ktest/SUITE/results, a KTAP document of its own:
 *
 *   KTAP version 1
 *   1..1
 *       KTAP version 1            the suite's lines, as printed
 *       # Subtest: SUITE
 *       ...
 *   ok 1 SUITE
 *
 * A log holds KTEST_LOG_SIZE bytes; lines past that are left out of it
 * (the console has them all). ktest_log_lock, a spinlock (a failing
 * expectation may be reported with interrupts off), guards the suites'
 * log, log_len and status.
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
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include <linux/mm.h>
#include <asm/reboot.h>

#define KTEST_LOG_SIZE	(16 * 1024)

enum ktest_run_mode { KTEST_RUN_NONE, KTEST_RUN_ALL, KTEST_RUN_BENCH };

static enum ktest_run_mode run_mode = KTEST_RUN_NONE;
static char filter_glob[128] = "*";
/* ktest.user=1: user space after the suites; their verdict until power-off. */
static bool user_after_suites;
static u8 suites_verdict = QEMU_EXIT_FAIL;

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

static int ktest_user_setup(char *val)
{
	if (!val || (strcmp(val, "0") && strcmp(val, "1")))
		return -EINVAL;
	user_after_suites = !strcmp(val, "1");
	return 0;
}
__setup("ktest.user=", ktest_user_setup);

/* Indentation of the KTAP level being printed: 4 spaces per level. */
static int ktap_depth;
/* The level of the run's top lines: 0, or deeper for a run inside a case. */
static int ktap_base;
/* The suite whose lines go to its log, or NULL. */
static struct ktest_suite *log_suite;
static DEFINE_SPINLOCK(ktest_log_lock);

/* Append @text, indented as it is in the suite's own document, to log_suite's log. */
static void ktest_log_append(const char *text)
{
	struct ktest_suite *suite = log_suite;
	unsigned long flags;
	int len;

	if (!suite)
		return;
	spin_lock_irqsave(&ktest_log_lock, flags);
	if (suite->log) {
		size_t room = KTEST_LOG_SIZE - suite->log_len;

		len = snprintf(suite->log + suite->log_len, room, "%*s%s\n",
			       (ktap_depth - ktap_base) * 4, "", text);
		if ((size_t)len < room)
			suite->log_len += len;
		else
			suite->log[suite->log_len] = '\0';	/* full: the line is left out */
	}
	spin_unlock_irqrestore(&ktest_log_lock, flags);
}

static void ktap_line(const char *fmt, ...) __printf(1, 2);
static void ktap_line(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	raw_printk("%*s%s\n", ktap_depth * 4, "", buf);
	ktest_log_append(buf);
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

static unsigned int count_matching_suites(const char *glob)
{
	struct ktest_suite *const *s;
	char suite_glob[128];
	const char *case_glob;
	unsigned int n = 0;

	for (s = __start_ktest_suites; s < __stop_ktest_suites; s++)
		n += suite_matches(*s, glob, suite_glob, sizeof(suite_glob), &case_glob);
	return n;
}

/* A fresh log for @suite's run (none if memory is short: the results file is then empty). */
static void ktest_log_start(struct ktest_suite *suite)
{
	char *log = kmalloc(KTEST_LOG_SIZE, GFP_KERNEL | __GFP_NOWARN), *old;
	unsigned long flags;

	if (log)
		log[0] = '\0';
	spin_lock_irqsave(&ktest_log_lock, flags);
	old = suite->log;
	suite->log = log;
	suite->log_len = 0;
	spin_unlock_irqrestore(&ktest_log_lock, flags);
	kfree(old);
	log_suite = suite;
}

static void ktest_log_end(struct ktest_suite *suite, enum ktest_status status)
{
	unsigned long flags;

	log_suite = NULL;
	spin_lock_irqsave(&ktest_log_lock, flags);
	suite->status = status;
	spin_unlock_irqrestore(&ktest_log_lock, flags);
}

bool ktest_run_all(const char *glob)
{
	struct ktest_suite *const *s, *outer_log = log_suite;
	int outer_depth = ktap_depth, outer_base = ktap_base;
	unsigned int nsuites = count_matching_suites(glob);
	struct ktest_totals totals = { 0 };
	char suite_glob[128];
	const char *case_glob;
	int n = 0;

	/* At the top, or nested below the case that started this run. */
	ktap_base = ktap_depth = outer_log ? outer_depth + 1 : 0;
	log_suite = NULL;
	ktap_line("KTAP version 1");
	ktap_line("1..%u", nsuites);
	for (s = __start_ktest_suites; s < __stop_ktest_suites; s++) {
		enum ktest_status st;

		if (!suite_matches(*s, glob, suite_glob, sizeof(suite_glob), &case_glob))
			continue;
		ktest_log_start(*s);
		st = run_suite(*s, case_glob, &totals);
		ktest_log_end(*s, st);
		print_result(++n, (*s)->name, st, "no case ran");
	}
	if (!nsuites)
		ktap_line("# no suite matches %s", glob);
	ktap_line("# Totals: pass:%u fail:%u skip:%u total:%u", totals.pass,
		  totals.fail, totals.skip, totals.pass + totals.fail + totals.skip);
	ktap_depth = outer_depth;
	ktap_base = outer_base;
	log_suite = outer_log;
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
		suites_verdict = ktest_run_all(filter_glob) ? QEMU_EXIT_PASS : QEMU_EXIT_FAIL;
		if (user_after_suites)
			return;		/* init goes on; ktest_power_off() exits */
		qemu_debug_exit(suites_verdict);
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

bool ktest_user_boot(void)
{
	return run_mode == KTEST_RUN_ALL && user_after_suites && ktest_have_suites();
}

void ktest_power_off(void)
{
	if (ktest_user_boot())
		qemu_debug_exit(suites_verdict);
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

/* ---- /sys/kernel/debug/ktest --------------------------------------------- */

static int ktest_results_show(struct seq_file *m, void *v)
{
	struct ktest_suite *suite = v;
	unsigned long flags;

	spin_lock_irqsave(&ktest_log_lock, flags);
	if (suite->log) {
		seq_puts(m, "KTAP version 1\n1..1\n");
		seq_write(m, suite->log, suite->log_len);
		if (suite->status == KTEST_SKIPPED)
			seq_printf(m, "ok 1 %s # SKIP\n", suite->name);
		else
			seq_printf(m, "%s 1 %s\n",
				   suite->status == KTEST_FAILURE ? "not ok" : "ok", suite->name);
	}
	spin_unlock_irqrestore(&ktest_log_lock, flags);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(ktest_results);

static int ktest_run_show(struct seq_file *m, void *v)
{
	if (ktest_have_suites())
		seq_puts(m, "write a glob (SUITE or SUITE.CASE) to run the suites it matches\n");
	else
		seq_puts(m, "this image has no tests: build it with make KTEST=1\n");
	return 0;
}

static int ktest_run_open(struct inode *inode, struct file *file)
{
	return single_open(file, ktest_run_show, NULL);
}

/* Run the glob written (surrounding white space ignored), its KTAP to the console. */
static ssize_t ktest_run_write(struct kiocb *iocb, struct iov_iter *from)
{
	size_t count = iov_iter_count(from);
	char buf[128], *glob;

	if (count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_iter(buf, count, from) != count)
		return -EFAULT;
	buf[count] = '\0';
	glob = strim(buf);
	if (!ktest_have_suites()) {
		ktest_none_linked("tests");
		return -ENOENT;
	}
	if (!count_matching_suites(glob))
		return -ENOENT;
	ktest_run_all(glob);
	iocb->ki_pos += count;
	return count;
}

static const struct file_operations ktest_run_fops = {
	.open = ktest_run_open,
	.read_iter = seq_read_iter,
	.write_iter = ktest_run_write,
	.llseek = seq_lseek,
	.release = single_release,
};

void ktest_debugfs_init(void)
{
	struct dentry *dir = debugfs_create_dir("ktest", NULL), *sub;
	struct ktest_suite *const *s;

	if (IS_ERR(dir) || IS_ERR(debugfs_create_file("run", 0600, dir, NULL, &ktest_run_fops)))
		goto fail;
	for (s = __start_ktest_suites; s < __stop_ktest_suites; s++) {
		sub = debugfs_create_dir((*s)->name, dir);
		if (IS_ERR(sub) ||
		    IS_ERR(debugfs_create_file("results", 0444, sub, *s, &ktest_results_fops)))
			goto fail;
	}
	return;
fail:
	pr_warn("ktest: debugfs files are missing\n");
}
