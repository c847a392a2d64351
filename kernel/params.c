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
 * The init program gets the rest, as Linux passes it (argv_init,
 * envp_init): an unknown "NAME=VALUE" goes to its environment (replacing
 * one of the same NAME), an unknown word without '=' and every word after
 * "--" to its arguments; dotted names (module parameters in Linux) to
 * neither. At most MAX_INIT_ARGS and MAX_INIT_ENVS of them: Linux panics
 * when there are more ("Too many boot init vars"), here the rest is
 * dropped with that message. Their text is copied into init_strs.
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

const char *argv_init[MAX_INIT_ARGS + 2] = { "init", NULL };
const char *envp_init[MAX_INIT_ENVS + 2] = { "HOME=/", "TERM=linux", NULL };
static char init_strs[COMMAND_LINE_SIZE];
static size_t init_strs_used;
/* Set while parse_kernel_params() runs: what init gets comes from the boot's own line. */
static bool for_init;

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

/* "@param[=@val]" copied into init_strs; NULL when there is no room. */
static const char *init_str(const char *param, const char *val)
{
	size_t room = sizeof(init_strs) - init_strs_used;
	char *s = init_strs + init_strs_used;
	int n = scnprintf(s, room, "%s%s%s", param, val ? "=" : "", val ? val : "");

	if ((size_t)n + 1 >= room)
		return NULL;
	init_strs_used += n + 1;
	return s;
}

/*
 * Add "@param[=@val]" to @vec (at most @max entries, NULL-terminated); in
 * the environment (@env), in place of a variable of the same name.
 */
static void add_init_str(const char **vec, unsigned int max, const char *param, const char *val,
			 bool env)
{
	size_t name_len = strlen(param);
	const char *str = NULL;
	unsigned int i;

	for (i = 0; vec[i]; i++)
		if (env && !strncmp(vec[i], param, name_len) && vec[i][name_len] == '=')
			break;
	if (i < max)
		str = init_str(param, val);
	if (str)
		vec[i] = str;
	else
		pr_err("Too many boot %s vars at `%s', dropped\n", env ? "env" : "init", param);
}

/* Linux's unknown_bootoption(): what init gets of an unknown word. */
static void pass_to_init(const char *param, const char *val)
{
	if (!for_init || strchr(param, '.'))
		return;
	if (val)
		add_init_str(envp_init, MAX_INIT_ENVS, param, val, true);
	else
		add_init_str(argv_init, MAX_INIT_ARGS, param, NULL, false);
}

static void handle_param(char *param, char *val, bool early)
{
	const struct obs_kernel_param *p = find_param(param);

	if (!p) {
		if (!early) {
			note_unknown(param, val);
			pass_to_init(param, val);
		}
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
	/* After "--": every word is init's argument, as in Linux. */
	while (*args && !early && for_init) {
		args = next_arg(args, &param, &val);
		if (*param)
			add_init_str(argv_init, MAX_INIT_ARGS, param, val, false);
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
	/* What init gets is this line's alone (a test may parse one again). */
	init_strs_used = 0;
	memset(&argv_init[1], 0, sizeof(argv_init) - sizeof(argv_init[0]));
	memset(&envp_init[2], 0, sizeof(envp_init) - 2 * sizeof(envp_init[0]));
	for_init = true;
	parse_args(boot_command_line, false);
	for_init = false;
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
