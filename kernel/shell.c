// SPDX-License-Identifier: GPL-2.0
/*
 * The console shell: reads a line from the serial port (polled), splits it
 * into words and runs the command registered under the first word
 * (include/linux/shell.h). Line editing is what a serial terminal needs:
 * backspace/delete, ^U (kill line), ^C (discard); input beyond the line
 * buffer is dropped with a bell, never overflows it.
 */
#include <linux/shell.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/serial.h>
#include <asm/processor.h>
#include <asm/reboot.h>

#define SHELL_LINE_MAX	256
#define SHELL_ARGS_MAX	16
#define PROMPT		"mm> "

/* Split @line in place; double quotes group words. Returns argc. */
static int split_args(char *line, char **argv, int max)
{
	int argc = 0;

	while (argc < max) {
		line = skip_spaces(line);
		if (!*line)
			break;
		if (*line == '"') {
			argv[argc++] = ++line;
			while (*line && *line != '"')
				line++;
		} else {
			argv[argc++] = line;
			while (*line && !isspace(*line))
				line++;
		}
		if (!*line)
			break;
		*line++ = '\0';
	}
	return argc;
}

static const struct shell_cmd *find_cmd(const char *name)
{
	const struct shell_cmd *c;

	for (c = __start_shell_cmds; c < __stop_shell_cmds; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

int shell_exec(char *line)
{
	char *argv[SHELL_ARGS_MAX];
	const struct shell_cmd *c;
	int argc = split_args(line, argv, SHELL_ARGS_MAX);

	if (!argc)
		return 0;
	c = find_cmd(argv[0]);
	if (!c) {
		raw_printk("%s: command not found (try 'help')\n", argv[0]);
		return -ENOENT;
	}
	return c->fn(argc, argv);
}

static int read_line(char *buf, size_t size)
{
	size_t len = 0;

	for (;;) {
		int c = serial_getc();

		if (c < 0) {
			serial_wait_input();
			continue;
		}
		if (c == '\r' || c == '\n') {
			raw_printk("\n");
			buf[len] = '\0';
			return (int)len;
		}
		if ((c == 0x7f || c == '\b') && len) {
			len--;
			raw_printk("\b \b");
		} else if (c == 0x15) {			/* ^U */
			while (len) {
				len--;
				raw_printk("\b \b");
			}
		} else if (c == 0x03) {			/* ^C */
			raw_printk("^C\n");
			len = 0;
			buf[0] = '\0';
			return 0;
		} else if (isprint(c) && len + 1 < size) {
			buf[len++] = (char)c;
			raw_printk("%c", c);
		} else if (isprint(c)) {
			raw_printk("\a");
		}
	}
}

void shell_run(void)
{
	static char line[SHELL_LINE_MAX];

	for (;;) {
		int ret;

		raw_printk(PROMPT);
		read_line(line, sizeof(line));
		ret = shell_exec(line);
		if (ret && ret != -ENOENT)
			raw_printk("error %d\n", ret);
	}
}

/* Lines whole, and no piece longer than raw_printk() takes. */
#define SHELL_PRINT_CHUNK	512

int shell_seq_print(seq_show_fn show, void *v)
{
	struct seq_file m = {};
	size_t pos = 0;
	int err = seq_file_show(&m, show, v);

	if (err)
		return err;
	while (pos < m.count) {
		size_t len = min(m.count - pos, (size_t)SHELL_PRINT_CHUNK);
		const char *nl = memchr(m.buf + pos, '\n', len);

		if (nl)
			len = (size_t)(nl - (m.buf + pos)) + 1;
		raw_printk("%.*s", (int)len, m.buf + pos);
		pos += len;
	}
	seq_file_free(&m);
	return 0;
}

static int cmd_help(int argc, char **argv)
{
	const struct shell_cmd *c;

	for (c = __start_shell_cmds; c < __stop_shell_cmds; c++)
		raw_printk("  %-14s %s\n", c->name, c->help);
	return 0;
}
SHELL_CMD(help, "list the commands", cmd_help);

static int cmd_reboot(int argc, char **argv)
{
	machine_restart();
}
SHELL_CMD(reboot, "restart the machine", cmd_reboot);

static int cmd_poweroff(int argc, char **argv)
{
	machine_power_off();
}
SHELL_CMD(poweroff, "power the machine off", cmd_poweroff);
