// SPDX-License-Identifier: GPL-2.0
/*
 * The console shell (kernel/shell.c) without a console: commands run
 * through shell_exec() and their output is checked in the log.
 */
#include <linux/ktest.h>
#include <linux/shell.h>
#include <linux/errno.h>

static int run(const char *line)
{
	char buf[128];

	strscpy(buf, line, sizeof(buf));
	return shell_exec(buf);
}

static void unknown_command_is_reported(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, run("no-such-command x y"), -ENOENT);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "no-such-command: command not found"));
}

static void empty_line_does_nothing(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, run("   "), 0);
	KTEST_EXPECT_EQ(test, run(""), 0);
}

static void help_lists_every_command(struct ktest *test)
{
	const struct shell_cmd *c;

	KTEST_EXPECT_EQ(test, run("help"), 0);
	for (c = __start_shell_cmds; c < __stop_shell_cmds; c++)
		KTEST_EXPECT_TRUE(test, ktest_log_contains(test, c->name));
}

static void commands_print_their_data(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, run("cmdline"), 0);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "ktest.run=all"));
	KTEST_EXPECT_EQ(test, run("e820"), 0);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "] usable"));
	KTEST_EXPECT_EQ(test, run("zoneinfo"), 0);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Node 0, zone      DMA"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "        managed  "));
	KTEST_EXPECT_EQ(test, run("ptdump ffffffff80100000"), 0);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "PGD "));
	KTEST_EXPECT_EQ(test, run("bootinfo"), 0);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "loader: GRUB"));
}

static void bad_arguments_are_refused(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, run("ptdump"), -EINVAL);
	KTEST_EXPECT_EQ(test, run("ptdump xyz"), -EINVAL);
	KTEST_EXPECT_EQ(test, run("provoke-crash NOTHING"), -EINVAL);
	KTEST_EXPECT_EQ(test, run("ktest bogus"), -EINVAL);
}

static void quoted_arguments_group(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, run("\"no such\" command"), -ENOENT);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "no such: command not found"));
}

static struct ktest_case shell_cases[] = {
	KTEST_CASE(unknown_command_is_reported),
	KTEST_CASE(empty_line_does_nothing),
	KTEST_CASE(help_lists_every_command),
	KTEST_CASE(commands_print_their_data),
	KTEST_CASE(bad_arguments_are_refused),
	KTEST_CASE(quoted_arguments_group),
	{}
};

static struct ktest_suite shell_suite = {
	.name = "shell",
	.init = ktest_pause_fault_injection,
	.exit = ktest_resume_fault_injection,
	.test_cases = shell_cases,
};
ktest_register_suite(shell_suite);
