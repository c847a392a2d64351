/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The console shell (kernel/shell.c): a line editor on the serial port and
 * a table of commands, each registered next to the code it shows:
 *
 *   static int cmd_e820(int argc, char **argv)
 *   {
 *           e820__print_table("BIOS-e820");
 *           return 0;
 *   }
 *   SHELL_CMD(e820, "print the sanitised memory map", cmd_e820);
 *
 * argv[0] is the command's name; arguments are split on white space
 * (double quotes group). A command prints with printk/raw_printk and
 * returns 0, or a negative errno that the shell reports.
 *
 * A /proc-format file is a printer into a seq_file (include/linux/seq_file.h),
 * kept apart from the shell so that procfs can call it too; the shell only
 * runs it and prints the text:
 *
 *   SHELL_SEQ_CMD(buddyinfo, "free blocks per order", frag_show);
 *
 * and a command with arguments calls shell_seq_print(show, data) itself.
 */
#ifndef _LINUX_SHELL_H
#define _LINUX_SHELL_H

#include <linux/compiler.h>
#include <linux/seq_file.h>

struct shell_cmd {
	const char *name;
	const char *help;
	int (*fn)(int argc, char **argv);
};

/* @cmd is spelled as typed ("provoke-crash"); @func names the entry. */
#define SHELL_CMD(cmd, helptext, func)					\
	static const struct shell_cmd __shell_cmd_##func		\
		__used __section("shell_cmds") __aligned(8) =		\
		{ #cmd, helptext, func }

/**
 * shell_seq_print - run @show into a seq_file and print the text as it is
 * @show: the printer
 * @v: passed to @show
 *
 * Return: 0, or the error of seq_file_show() (@show's, or -ENOMEM).
 * Context: may sleep.
 */
int shell_seq_print(seq_show_fn show, void *v);

/* A command that prints @show's text; its arguments are ignored. */
#define SHELL_SEQ_CMD(cmd, helptext, show)					\
	static int __shell_seq_##show(int argc, char **argv)			\
	{									\
		return shell_seq_print(show, NULL);				\
	}									\
	SHELL_CMD(cmd, helptext, __shell_seq_##show)

extern const struct shell_cmd __start_shell_cmds[], __stop_shell_cmds[];

/* Run one command line; returns the command's result (-ENOENT if unknown). */
int shell_exec(char *line);

/* The interactive loop on the serial console; never returns. */
void __noreturn shell_run(void);

#endif /* _LINUX_SHELL_H */
