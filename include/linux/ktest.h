/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktest: in-kernel unit tests in KTAP version 1 (kernel/ktest.c), shaped like
 * KUnit so a reader of Linux's tests is at home.
 *
 *   static void adds_up(struct ktest *test)
 *   {
 *           KTEST_EXPECT_EQ(test, 1 + 1, 2);
 *   }
 *   static struct ktest_case example_cases[] = {
 *           KTEST_CASE(adds_up),
 *           {}
 *   };
 *   static struct ktest_suite example_suite = {
 *           .name = "example",
 *           .test_cases = example_cases,
 *   };
 *   ktest_register_suite(example_suite);
 *
 * EXPECT failures mark the case failed and go on; ASSERT failures also end
 * the case at once (the framework longjmps out of it, then runs ->exit).
 * A failed check prints "# file:line: Expected a == b, but" followed by both
 * values, before the case's "not ok" line.
 *
 * Parameterised cases: KTEST_CASE_PARAM(fn, gen) where gen(prev, desc)
 * returns the next parameter (NULL after the last) and writes its
 * description into desc (KTEST_PARAM_DESC_SIZE bytes). The case reads it as
 * test->param_value. KTEST_ARRAY_PARAM(name, array, get_desc) builds gen
 * from an array.
 *
 * Exceptions: ktest_catch_exception(fn, arg, &info) runs fn and returns true
 * when it raised a CPU exception, which is reported as an oops (with the
 * faulting function's name) and then recovered from; KTEST_EXPECT_EXCEPTION
 * wraps it.
 *
 * Boot parameters: ktest.run=all|none|bench (default none: the shell),
 * ktest.filter=GLOB (suite names; default "*").
 */
#ifndef _LINUX_KTEST_H
#define _LINUX_KTEST_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/delay.h>
#include <linux/seq_file.h>
#include <asm/setjmp.h>
#include <asm/traps.h>

enum ktest_status {
	KTEST_SUCCESS,
	KTEST_FAILURE,
	KTEST_SKIPPED,
};

#define KTEST_PARAM_DESC_SIZE	128
#define KTEST_SKIP_REASON_SIZE	128

struct ktest {
	const char *name;		/* the case, or the case's parameter */
	const void *param_value;
	enum ktest_status status;
	char skip_reason[KTEST_SKIP_REASON_SIZE];
	void *priv;			/* for ->init/->exit */
	u64 log_start;			/* log_buf_seq() when the case began */
	struct jmp_buf abort;		/* where KTEST_ASSERT_* leave to */
};

struct ktest_case {
	void (*run_case)(struct ktest *test);
	const char *name;
	const void *(*generate_params)(const void *prev, char *desc);
};

struct ktest_suite {
	const char *name;
	int (*suite_init)(struct ktest_suite *suite);
	void (*suite_exit)(struct ktest_suite *suite);
	int (*init)(struct ktest *test);
	void (*exit)(struct ktest *test);
	struct ktest_case *test_cases;
	/* ktest's own, for debugfs's ktest/SUITE/results; ktest_log_lock */
	char *log;			/* the last run's KTAP lines, or NULL */
	size_t log_len;
	enum ktest_status status;	/* of the last run */
};

#define KTEST_CASE(fn)			{ .run_case = fn, .name = #fn }
#define KTEST_CASE_PARAM(fn, gen)	{ .run_case = fn, .name = #fn, .generate_params = gen }

#define KTEST_ARRAY_PARAM(name, array, get_desc)				\
	static const void *name##_gen_params(const void *prev, char *desc)	\
	{									\
		__typeof__((array)[0]) *__next = prev ?				\
			((__typeof__((array)[0]) *)prev) + 1 : (array);		\
		if (__next - (array) < (long)ARRAY_SIZE(array)) {		\
			void (*__get_desc)(__typeof__(__next), char *) = get_desc; \
			if (__get_desc)						\
				__get_desc(__next, desc);			\
			return __next;						\
		}								\
		return NULL;							\
	}

#define ktest_register_suite(suite)						\
	static struct ktest_suite *const __ktest_suite_##suite			\
		__used __section("ktest_suites") __aligned(8) = &(suite)

extern struct ktest_suite *const __start_ktest_suites[], *const __stop_ktest_suites[];

/**
 * ktest_run_all - run every registered suite whose name matches @glob
 * @glob: shell pattern for suite names
 *
 * Prints the whole KTAP document. Returns true when nothing failed.
 */
bool ktest_run_all(const char *glob);

/*
 * ktest_debugfs_init - /sys/kernel/debug/ktest: SUITE/results, the KTAP of
 * the suite's last run (empty before one), and run, where writing a glob
 * runs the suites it matches (-ENOENT if none does, as in an image built
 * without the suites; reading it says which). Context: boot, after
 * debugfs_init().
 */
void ktest_debugfs_init(void);

/*
 * ktest_boot - the boot hook: runs what ktest.run= asks for, then leaves
 * QEMU with the verdict. Returns for ktest.run=none, and after the suites
 * of ktest.run=all when ktest.user=1: then the boot goes on into user
 * space (ktest_user_boot()). Context: init (pid 1), once.
 */
void ktest_boot(void);

/**
 * ktest_user_boot - does this test boot go on into user space?
 *
 * True after ktest_boot() has run the suites of ktest.run=all with
 * ktest.user=1: init then runs its program (rdinit=, the user tests'
 * runner in make test), which ends the boot with reboot(2)'s
 * LINUX_REBOOT_CMD_POWER_OFF; kernel_power_off() leaves QEMU with the
 * suites' verdict (ktest_power_off()). Documentation/testing.md, "User
 * space".
 */
bool ktest_user_boot(void);

/**
 * ktest_power_off - end a test boot that went on into user space
 *
 * Called by kernel_power_off() and kernel_halt() (kernel/reboot.c): in a
 * ktest_user_boot() boot, leaves QEMU through isa-debug-exit with the
 * in-kernel suites' verdict (33 passed, 35 failed); the user programs'
 * results are read from the console. Returns otherwise (or without the
 * isa-debug-exit device).
 */
void ktest_power_off(void);

void ktest_skip(struct ktest *test, const char *fmt, ...) __printf(2, 3);
void __noreturn ktest_abort(struct ktest *test);
void ktest_fail_at(struct ktest *test, const char *file, int line,
		   const char *fmt, ...) __printf(4, 5);

/*
 * ktest_log_contains - did the kernel log a line containing @needle since
 * this case began? For tests that prove a report was printed (an oops, a
 * WARN, "Malformed early option").
 */
bool ktest_log_contains(struct ktest *test, const char *needle);

/*
 * ktest_pause_fault_injection / ktest_resume_fault_injection - a suite's
 * .init and .exit for cases that count pages or need their own
 * allocations to work: fail_page_alloc= and failslab= are off while each
 * case runs (fault_injection_pause()) and back on after it.
 */
int ktest_pause_fault_injection(struct ktest *test);
void ktest_resume_fault_injection(struct ktest *test);

/*
 * KTEST_SHOW - the text of a /proc-format printer, for cases that check
 * its lines without the shell: runs @show (with @v) into the seq_file @m,
 * failing the case if it cannot, and gives the NUL-terminated text. The
 * case frees it with seq_file_free(@m).
 */
#define KTEST_SHOW(test, m, show, v) ({						\
	KTEST_ASSERT_EQ(test, seq_file_show(m, show, v), 0);			\
	(const char *)(m)->buf;							\
})

/* Diagnostics printed as "    # text" inside the running case. */
void ktest_info(struct ktest *test, const char *fmt, ...) __printf(2, 3);

#define KTEST_FAIL(test, fmt, ...) \
	ktest_fail_at(test, __FILE__, __LINE__, fmt, ##__VA_ARGS__)

#define KTEST_SKIP(test, fmt, ...) do {			\
	ktest_skip(test, fmt, ##__VA_ARGS__);			\
	ktest_abort(test);					\
} while (0)

/*
 * The check macros. _ktest_binary evaluates each side once, compares as
 * long long (or unsigned long long for pointers and unsigned types, through
 * the cast the caller's types imply) and prints both values on failure.
 */
#define _ktest_binary(test, a, op, b, fatal) do {				\
	__typeof__(a) __a = (a);						\
	__typeof__(b) __b = (b);						\
	if (!(__a op __b)) {							\
		ktest_fail_at(test, __FILE__, __LINE__,				\
			"Expected %s %s %s, but\n%s == %lld (0x%llx)\n"	\
			"%s == %lld (0x%llx)", #a, #op, #b,			\
			#a, (long long)__a, (unsigned long long)__a,		\
			#b, (long long)__b, (unsigned long long)__b);		\
		if (fatal)							\
			ktest_abort(test);					\
	}									\
} while (0)

#define _ktest_ptr(test, a, op, b, fatal) do {					\
	const void *__a = (a), *__b = (b);					\
	if (!(__a op __b)) {							\
		ktest_fail_at(test, __FILE__, __LINE__,				\
			"Expected %s %s %s, but\n%s == %px\n%s == %px",	\
			#a, #op, #b, #a, __a, #b, __b);				\
		if (fatal)							\
			ktest_abort(test);					\
	}									\
} while (0)

#define _ktest_bool(test, cond, want, fatal) do {				\
	if ((!!(cond)) != (want)) {						\
		ktest_fail_at(test, __FILE__, __LINE__, "Expected %s to be %s", \
			#cond, (want) ? "true" : "false");			\
		if (fatal)							\
			ktest_abort(test);					\
	}									\
} while (0)

#define _ktest_str(test, a, op, b, fatal) do {					\
	const char *__a = (a), *__b = (b);					\
	if (!(strcmp(__a, __b) op 0)) {						\
		ktest_fail_at(test, __FILE__, __LINE__,				\
			"Expected %s %s %s, but\n%s == \"%s\"\n%s == \"%s\"", \
			#a, #op, #b, #a, __a, #b, __b);				\
		if (fatal)							\
			ktest_abort(test);					\
	}									\
} while (0)

#define _ktest_mem(test, a, b, n, op, fatal) do {				\
	const void *__a = (a), *__b = (b);					\
	size_t __n = (n);							\
	if (!(memcmp(__a, __b, __n) op 0)) {					\
		ktest_fail_at(test, __FILE__, __LINE__,				\
			"Expected %s %s %s over %zu bytes", #a, #op, #b, __n);	\
		if (fatal)							\
			ktest_abort(test);					\
	}									\
} while (0)

#define KTEST_EXPECT_EQ(t, a, b)	_ktest_binary(t, a, ==, b, false)
#define KTEST_EXPECT_NE(t, a, b)	_ktest_binary(t, a, !=, b, false)
#define KTEST_EXPECT_LT(t, a, b)	_ktest_binary(t, a, <, b, false)
#define KTEST_EXPECT_LE(t, a, b)	_ktest_binary(t, a, <=, b, false)
#define KTEST_EXPECT_GT(t, a, b)	_ktest_binary(t, a, >, b, false)
#define KTEST_EXPECT_GE(t, a, b)	_ktest_binary(t, a, >=, b, false)
#define KTEST_EXPECT_TRUE(t, c)		_ktest_bool(t, c, true, false)
#define KTEST_EXPECT_FALSE(t, c)	_ktest_bool(t, c, false, false)
#define KTEST_EXPECT_PTR_EQ(t, a, b)	_ktest_ptr(t, a, ==, b, false)
#define KTEST_EXPECT_PTR_NE(t, a, b)	_ktest_ptr(t, a, !=, b, false)
#define KTEST_EXPECT_NULL(t, p)		_ktest_ptr(t, p, ==, NULL, false)
#define KTEST_EXPECT_NOT_NULL(t, p)	_ktest_ptr(t, p, !=, NULL, false)
#define KTEST_EXPECT_STREQ(t, a, b)	_ktest_str(t, a, ==, b, false)
#define KTEST_EXPECT_STRNEQ(t, a, b)	_ktest_str(t, a, !=, b, false)
#define KTEST_EXPECT_MEMEQ(t, a, b, n)	_ktest_mem(t, a, b, n, ==, false)

#define KTEST_ASSERT_EQ(t, a, b)	_ktest_binary(t, a, ==, b, true)
#define KTEST_ASSERT_NE(t, a, b)	_ktest_binary(t, a, !=, b, true)
#define KTEST_ASSERT_LT(t, a, b)	_ktest_binary(t, a, <, b, true)
#define KTEST_ASSERT_LE(t, a, b)	_ktest_binary(t, a, <=, b, true)
#define KTEST_ASSERT_GT(t, a, b)	_ktest_binary(t, a, >, b, true)
#define KTEST_ASSERT_GE(t, a, b)	_ktest_binary(t, a, >=, b, true)
#define KTEST_ASSERT_TRUE(t, c)		_ktest_bool(t, c, true, true)
#define KTEST_ASSERT_FALSE(t, c)	_ktest_bool(t, c, false, true)
#define KTEST_ASSERT_PTR_EQ(t, a, b)	_ktest_ptr(t, a, ==, b, true)
#define KTEST_ASSERT_NULL(t, p)		_ktest_ptr(t, p, ==, NULL, true)
#define KTEST_ASSERT_NOT_NULL(t, p)	_ktest_ptr(t, p, !=, NULL, true)
#define KTEST_ASSERT_STREQ(t, a, b)	_ktest_str(t, a, ==, b, true)

/*
 * ktest_catch_exception - run @fn(@arg), recovering if it raises a CPU
 * exception. Returns true when an exception was caught; @info then says
 * which (vector, error code, faulting address and instruction). The
 * exception is reported in full (an oops) before the recovery, so the log
 * shows what a real fault would. Context: interrupts off or on; not
 * reentrant (one catch at a time per CPU).
 */
static inline bool ktest_catch_exception(void (*fn)(void *), void *arg,
					 struct exception_info *info)
{
	return catch_exception(fn, arg, info);
}

#define KTEST_EXPECT_EXCEPTION(test, fn, arg, want_vector, info) do {		\
	if (!ktest_catch_exception(fn, arg, info))				\
		KTEST_FAIL(test, "Expected %s to raise vector %d, but it "	\
			   "returned", #fn, (int)(want_vector));			\
	else									\
		KTEST_EXPECT_EQ(test, (info)->vector, (want_vector));		\
} while (0)

struct task_struct;
/*
 * ktest_require_kthreads - @k[0..n) were all created (kthread_create(),
 * not yet woken)? If one is NULL, the others are stopped and the case is
 * skipped under fault injection (fail_page_alloc, failslab: a kthread's
 * stack comes from vmalloc and the slab), failed and aborted otherwise.
 */
void ktest_require_kthreads(struct ktest *test, struct task_struct **k, unsigned int n);

/*
 * ktest_wait_for - poll @cond, sleeping a tick between tries, until it
 * holds or @ms milliseconds of jiffies have passed: for what another CPU
 * finishes in its own time (a stopped task freed by the scheduler there).
 * Return: whether @cond held. Context: may sleep.
 */
#define ktest_wait_for(cond, ms) ({						\
	unsigned long __end = jiffies + msecs_to_jiffies(ms);			\
	bool __ok;								\
										\
	while (!(__ok = (cond)) && (long)(jiffies - __end) < 0)			\
		msleep(1);							\
	__ok;									\
})

#endif /* _LINUX_KTEST_H */
