// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of command-line parsing (lib/cmdline.c, lib/kstrtox.c) and the
 * boot parameter machinery (kernel/params.c), ending with a fuzz run of
 * random command lines under AddressSanitizer and UBSan.
 */
#include "htest.h"
#include <linux/cmdline.h>
#include <linux/kstrtox.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>

static char buf[256];

/* Split @line and check the first word's param and value. */
static char *arg(const char *line, char **param, char **val)
{
	strscpy(buf, line, sizeof(buf));
	return next_arg(buf, param, val);
}

HTEST(next_arg_splits_param_and_value)
{
	char *p, *v, *rest = arg("foo=bar baz", &p, &v);

	HT_EXPECT_STREQ(p, "foo");
	HT_EXPECT_STREQ(v, "bar");
	HT_EXPECT_STREQ(rest, "baz");
}

HTEST(next_arg_flag_has_no_value)
{
	char *p, *v, *rest = arg("nosmp   next", &p, &v);

	HT_EXPECT_STREQ(p, "nosmp");
	HT_EXPECT_TRUE(v == NULL);
	HT_EXPECT_STREQ(rest, "next");
}

HTEST(next_arg_removes_quotes_around_value)
{
	char *p, *v, *rest = arg("x=\"a b c\" y", &p, &v);

	HT_EXPECT_STREQ(p, "x");
	HT_EXPECT_STREQ(v, "a b c");
	HT_EXPECT_STREQ(rest, "y");
}

HTEST(next_arg_removes_quotes_around_whole_word)
{
	char *p, *v, *rest = arg("\"x=a b\" y", &p, &v);

	HT_EXPECT_STREQ(p, "x");
	HT_EXPECT_STREQ(v, "a b");
	HT_EXPECT_STREQ(rest, "y");
}

HTEST(next_arg_value_keeps_later_equals)
{
	char *p, *v;

	arg("a=b=c", &p, &v);
	HT_EXPECT_STREQ(p, "a");
	HT_EXPECT_STREQ(v, "b=c");
}

HTEST(next_arg_unterminated_quote_runs_to_end)
{
	char *p, *v, *rest = arg("x=\"a b", &p, &v);

	HT_EXPECT_STREQ(p, "x");
	HT_EXPECT_STREQ(v, "a b");
	HT_EXPECT_STREQ(rest, "");
}

HTEST(next_arg_lone_quote_and_empty_value)
{
	char *p, *v;

	arg("\"", &p, &v);
	HT_EXPECT_STREQ(p, "");
	arg("x=", &p, &v);
	HT_EXPECT_STREQ(p, "x");
	HT_EXPECT_STREQ(v, "");
	arg("x=\"", &p, &v);
	HT_EXPECT_STREQ(v, "");
}

HTEST(memparse_suffixes)
{
	char *end;

	HT_EXPECT_EQ(memparse("4096", &end), 4096ULL);
	HT_EXPECT_EQ(memparse("64k", &end), 64ULL << 10);
	HT_EXPECT_EQ(memparse("100M", &end), 100ULL << 20);
	HT_EXPECT_EQ(memparse("3G", &end), 3ULL << 30);
	HT_EXPECT_EQ(memparse("2T", &end), 2ULL << 40);
	HT_EXPECT_EQ(memparse("0x1000K@", &end), 0x1000ULL << 10);
	HT_EXPECT_EQ(*end, '@');
}

HTEST(memparse_junk_consumes_nothing)
{
	char *end;
	const char *s = "junk";

	HT_EXPECT_EQ(memparse(s, &end), 0ULL);
	HT_EXPECT_TRUE(end == s);
}

HTEST(kstrtoull_bases_and_newline)
{
	unsigned long long v;

	HT_EXPECT_EQ(kstrtoull("123", 10, &v), 0);
	HT_EXPECT_EQ(v, 123ULL);
	HT_EXPECT_EQ(kstrtoull("0x1F\n", 0, &v), 0);
	HT_EXPECT_EQ(v, 31ULL);
	HT_EXPECT_EQ(kstrtoull("017", 0, &v), 0);
	HT_EXPECT_EQ(v, 15ULL);
	HT_EXPECT_EQ(kstrtoull("ff", 16, &v), 0);
	HT_EXPECT_EQ(v, 255ULL);
	HT_EXPECT_EQ(kstrtoull("+7", 10, &v), 0);
	HT_EXPECT_EQ(v, 7ULL);
}

HTEST(kstrtoull_rejects_junk_and_overflow)
{
	unsigned long long v = 99;

	HT_EXPECT_EQ(kstrtoull("", 10, &v), -EINVAL);
	HT_EXPECT_EQ(kstrtoull("12a", 10, &v), -EINVAL);
	HT_EXPECT_EQ(kstrtoull("1\n\n", 10, &v), -EINVAL);
	HT_EXPECT_EQ(kstrtoull("-1", 10, &v), -EINVAL);
	HT_EXPECT_EQ(kstrtoull("18446744073709551616", 10, &v), -ERANGE);
	HT_EXPECT_EQ(kstrtoull("1", 17, &v), -EINVAL);
	HT_EXPECT_EQ(v, 99ULL);
	HT_EXPECT_EQ(kstrtoull("18446744073709551615", 10, &v), 0);
	HT_EXPECT_EQ(v, U64_MAX);
}

HTEST(kstrtoint_range_and_sign)
{
	int v;
	long long l;
	u8 b;

	HT_EXPECT_EQ(kstrtoint("-2147483648", 10, &v), 0);
	HT_EXPECT_EQ(v, -2147483647 - 1);
	HT_EXPECT_EQ(kstrtoint("2147483648", 10, &v), -ERANGE);
	HT_EXPECT_EQ(kstrtoll("-9223372036854775808", 10, &l), 0);
	HT_EXPECT_EQ(kstrtoll("-9223372036854775809", 10, &l), -ERANGE);
	HT_EXPECT_EQ(kstrtou8("256", 10, &b), -ERANGE);
	HT_EXPECT_EQ(kstrtou8("255", 10, &b), 0);
	HT_EXPECT_EQ(b, 255);
}

HTEST(kstrtobool_accepts_linux_spellings)
{
	bool v = false;

	HT_EXPECT_EQ(kstrtobool("on", &v), 0);
	HT_EXPECT_TRUE(v);
	HT_EXPECT_EQ(kstrtobool("off", &v), 0);
	HT_EXPECT_FALSE(v);
	HT_EXPECT_EQ(kstrtobool("Y", &v), 0);
	HT_EXPECT_TRUE(v);
	HT_EXPECT_EQ(kstrtobool("maybe", &v), -EINVAL);
}

HTEST(get_option_walks_a_list)
{
	char list[] = "5,-3,7-9";
	char *s = list;
	int v;

	HT_EXPECT_EQ(get_option(&s, &v), 2);
	HT_EXPECT_EQ(v, 5);
	HT_EXPECT_EQ(get_option(&s, &v), 2);
	HT_EXPECT_EQ(v, -3);
	HT_EXPECT_EQ(get_option(&s, &v), 3);
	HT_EXPECT_EQ(v, 7);
	s = (char *)"x";
	HT_EXPECT_EQ(get_option(&s, &v), 0);
}

/* Parameters registered by this test file. */
static int early_seen, normal_seen, normal_value = 42;
static char early_val[32];

static int test_early(char *val)
{
	early_seen++;
	strscpy(early_val, val ? val : "(none)", sizeof(early_val));
	return 0;
}
early_param("htest_early", test_early);

static int test_normal(char *val)
{
	int v;

	if (!val || kstrtoint(val, 0, &v))
		return -EINVAL;
	normal_seen++;
	normal_value = v;
	return 0;
}
__setup("htest_normal=", test_normal);

HTEST(early_and_normal_params_run_in_their_pass)
{
	early_seen = normal_seen = 0;
	parse_args("htest_early=\"x y\" htest_normal=7", true);
	HT_EXPECT_EQ(early_seen, 1);
	HT_EXPECT_EQ(normal_seen, 0);
	HT_EXPECT_STREQ(early_val, "x y");
	parse_args("htest_early=1 htest_normal=7", false);
	HT_EXPECT_EQ(early_seen, 1);
	HT_EXPECT_EQ(normal_seen, 1);
	HT_EXPECT_EQ(normal_value, 7);
}

HTEST(malformed_value_is_reported_and_default_kept)
{
	normal_value = 42;
	htest_log_clear();
	parse_args("htest_normal=seven", false);
	HT_EXPECT_EQ(normal_value, 42);
	HT_EXPECT_TRUE(htest_log_contains("Malformed kernel option 'htest_normal=seven', ignored"));
}

HTEST(unknown_params_reported_once_in_one_line)
{
	setup_command_line("bogus1 bogus2=3 htest_normal=1 \"bogus 3\"", 100);
	htest_log_clear();
	parse_kernel_params();
	HT_EXPECT_TRUE(htest_log_contains(
		"Unknown kernel command line parameters \"bogus1 bogus2=3 bogus 3\", will be passed to user space."));
}

HTEST(double_dash_ends_kernel_params)
{
	setup_command_line("htest_normal=5 -- bogus", 100);
	htest_log_clear();
	parse_kernel_params();
	HT_EXPECT_EQ(normal_value, 5);
	HT_EXPECT_FALSE(htest_log_contains("Unknown"));
}

HTEST(unknown_params_go_to_init_as_linux_passes_them)
{
	setup_command_line("ro foo=1 mod.opt=2 TERM=vt100 foo=3 -- single x=y", 100);
	parse_kernel_params();
	HT_EXPECT_STREQ(argv_init[0], "init");
	HT_EXPECT_STREQ(argv_init[1], "ro");
	HT_EXPECT_STREQ(argv_init[2], "single");
	HT_EXPECT_STREQ(argv_init[3], "x=y");
	HT_EXPECT_TRUE(argv_init[4] == NULL);
	HT_EXPECT_STREQ(envp_init[0], "HOME=/");
	HT_EXPECT_STREQ(envp_init[1], "TERM=vt100");
	HT_EXPECT_STREQ(envp_init[2], "foo=3");
	HT_EXPECT_TRUE(envp_init[3] == NULL);
	/* tests parsing a line of their own pass nothing to init */
	parse_args("bar", false);
	HT_EXPECT_TRUE(argv_init[4] == NULL);
}

HTEST(too_many_init_args_are_dropped_with_linux_message)
{
	char line[400] = "";
	int i;

	for (i = 0; i < MAX_INIT_ARGS + 2; i++)
		memcpy(line + 2 * i, "w ", 2);
	setup_command_line(line, sizeof(line));
	htest_log_clear();
	parse_kernel_params();
	HT_EXPECT_TRUE(argv_init[MAX_INIT_ARGS - 1] != NULL);
	HT_EXPECT_TRUE(argv_init[MAX_INIT_ARGS] == NULL);
	HT_EXPECT_TRUE(htest_log_contains("Too many boot init vars at `w'"));
}

HTEST(loglevel_param_sets_console_level)
{
	int saved = console_loglevel;

	parse_args("loglevel=3", true);
	HT_EXPECT_EQ(console_loglevel, 3);
	htest_log_clear();
	parse_args("loglevel=abc loglevel=99", true);
	HT_EXPECT_EQ(console_loglevel, 3);
	HT_EXPECT_TRUE(htest_log_contains("Malformed early option 'loglevel=abc'"));
	HT_EXPECT_TRUE(htest_log_contains("Malformed early option 'loglevel=99'"));
	console_loglevel = saved;
}

HTEST(long_command_line_is_truncated_with_warning)
{
	static char big[COMMAND_LINE_SIZE * 2];

	memset(big, 'a', sizeof(big) - 1);
	htest_log_clear();
	setup_command_line(big, sizeof(big));
	HT_EXPECT_EQ(strlen(boot_command_line), (size_t)COMMAND_LINE_SIZE - 1);
	HT_EXPECT_TRUE(htest_log_contains("Command line truncated to 2047 bytes"));
}

HTEST(control_characters_become_spaces)
{
	setup_command_line("a\tb\nc\x7f" "d", 100);
	HT_EXPECT_STREQ(boot_command_line, "a b c d");
	setup_command_line("ab\0cd", 5);
	HT_EXPECT_STREQ(boot_command_line, "ab");
}

static u64 rnd_state = 88172645463325252ULL;

static u64 rnd(void)
{
	return htest_xorshift64(&rnd_state);
}

/* Random bytes weighted toward the parser's special characters. */
HTEST(fuzz_random_command_lines_never_misbehave)
{
	static const char special[] = "\"= \t,$@#!-.\\";
	static char line[5000];
	int iter, saved = console_loglevel;

	for (iter = 0; iter < 2000; iter++) {
		size_t len = rnd() % sizeof(line), i;

		for (i = 0; i < len; i++) {
			u64 r = rnd();

			line[i] = (r & 3) ? special[r % (sizeof(special) - 1)] : (char)(r >> 8);
		}
		console_loglevel = 0;	/* thousands of warnings: log, don't echo */
		setup_command_line(line, len);
		parse_args(boot_command_line, true);
		parse_kernel_params();
	}
	console_loglevel = saved;
	HT_EXPECT_LT(strlen(boot_command_line), (size_t)COMMAND_LINE_SIZE);
}
