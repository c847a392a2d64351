// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel command line and the boot parameters registered with
 * early_param() and __setup() (include/linux/init.h).
 *
 * boot_command_line holds the loader's text, truncated to
 * COMMAND_LINE_SIZE - 1 with a warning and with control characters turned
 * into spaces, so nothing downstream meets a NUL or a newline in the middle.
 * Parsing works on a copy (next_arg() writes into its input): the early
 * pass runs the early_param handlers, the second pass the __setup ones and
 * then reports, in one line, every word that matched no parameter of
 * either kind. "--" ends the kernel's part, as in Linux.
 *
 * Unlike Linux, unknown dotted words ("foo.bar=1") are reported too: there
 * are no modules here to take them, so they are typos.
 *
 * Locking: boot only, single-threaded.
 */
#include <linux/init.h>
#include <linux/cmdline.h>
#include <linux/kstrtox.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/errno.h>
#include <linux/shell.h>
#include <linux/sprintf.h>

char boot_command_line[COMMAND_LINE_SIZE];
static char parse_buf[COMMAND_LINE_SIZE];
static char unknown_buf[COMMAND_LINE_SIZE];

void setup_command_line(const char *src, size_t len)
{
	size_t i;

	len = strnlen(src, len);
	if (len > COMMAND_LINE_SIZE - 1) {
		pr_warn("Command line truncated to %d bytes\n", COMMAND_LINE_SIZE - 1);
		len = COMMAND_LINE_SIZE - 1;
	}
	for (i = 0; i < len; i++) {
		unsigned char c = src[i];

		boot_command_line[i] = (c < 0x20 || c == 0x7f) ? ' ' : (char)c;
	}
	boot_command_line[len] = '\0';
}

/* Does @param name the registered @p ("loglevel" matches "loglevel=")? */
static bool param_matches(const struct obs_kernel_param *p, const char *param)
{
	size_t n = strlen(p->str);

	if (n && p->str[n - 1] == '=')
		n--;
	return !strncmp(p->str, param, n) && param[n] == '\0';
}

static const struct obs_kernel_param *find_param(const char *param)
{
	const struct obs_kernel_param *p;

	for (p = __start_setup_params; p < __stop_setup_params; p++)
		if (param_matches(p, param))
			return p;
	return NULL;
}

static void note_unknown(const char *param, const char *val)
{
	size_t used = strlen(unknown_buf);
	size_t room = sizeof(unknown_buf) - used;
	int n;

	if (room < 5)
		return;
	n = scnprintf(unknown_buf + used, room, "%s%s%s%s", used ? " " : "", param,
		      val ? "=" : "", val ? val : "");
	/* Mark a list cut short; never write past the buffer. */
	if ((size_t)n == room - 1)
		strscpy(unknown_buf + sizeof(unknown_buf) - 4, "...", 4);
}

static void handle_param(char *param, char *val, bool early)
{
	const struct obs_kernel_param *p = find_param(param);

	if (!p) {
		if (!early)
			note_unknown(param, val);
		return;
	}
	if (p->early != early)
		return;
	if (p->setup_func(val))
		pr_warn("Malformed %s option '%s%s%s', ignored\n", early ? "early" : "kernel",
			param, val ? "=" : "", val ? val : "");
}

/**
 * parse_args - run the @early (or the other) handlers over @cmdline
 * @cmdline: the text; it is copied, not modified
 *
 * Exposed (declared in init.h) so tests can parse a command line of their
 * own against the registered parameters.
 */
void parse_args(const char *cmdline, bool early)
{
	char *args = parse_buf, *param, *val;

	strscpy(parse_buf, cmdline, sizeof(parse_buf));
	args = skip_spaces(args);
	while (*args) {
		args = next_arg(args, &param, &val);
		if (!strcmp(param, "--") && !val)
			break;
		if (*param)
			handle_param(param, val, early);
	}
}

void parse_early_param(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	parse_args(boot_command_line, true);
}

void parse_kernel_params(void)
{
	unknown_buf[0] = '\0';
	parse_args(boot_command_line, false);
	if (unknown_buf[0])
		pr_warn("Unknown kernel command line parameters \"%s\", will be passed to user space.\n",
			unknown_buf);
}

/* loglevel=N, quiet and debug: the console log level, as in Linux. */
static int loglevel_setup(char *val)
{
	int level;

	if (!val || kstrtoint(val, 0, &level) || level < 0 || level > 15)
		return -EINVAL;
	console_loglevel = level;
	return 0;
}
early_param("loglevel", loglevel_setup);

static int quiet_setup(char *val)
{
	if (val)
		return -EINVAL;
	console_loglevel = 4;	/* CONSOLE_LOGLEVEL_QUIET */
	return 0;
}
early_param("quiet", quiet_setup);

static int debug_setup(char *val)
{
	if (val)
		return -EINVAL;
	console_loglevel = 10;	/* CONSOLE_LOGLEVEL_DEBUG */
	return 0;
}
early_param("debug", debug_setup);

static int cmd_cmdline(int argc, char **argv)
{
	raw_printk("%s\n", boot_command_line);
	return 0;
}
SHELL_CMD(cmdline, "the kernel command line", cmd_cmdline);
