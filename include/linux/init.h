/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Boot parameters, registered next to the code that uses them
 * (kernel/params.c parses the command line against this table).
 *
 *   early_param("mem", parse_mem);      handled by parse_early_param(), before
 *                                       the memory layer starts
 *   __setup("loglevel", set_loglevel);  handled by parse_kernel_params(), once
 *                                       early setup is done
 *
 * The name may carry Linux's trailing '=' ("loglevel="); it is ignored when
 * matching. The handler receives the text after '=' (NULL for a bare flag
 * such as "nosmp") and returns 0 when it took the value, or a negative errno
 * when the value is malformed: the kernel then reports
 * "Malformed early option 'NAME=VALUE'" (or "kernel option") and the handler
 * must have left its default untouched. (Linux's __setup handlers return 1
 * for success; here both kinds share the early_param convention.)
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/types.h>
#include <linux/compiler.h>

struct obs_kernel_param {
	const char *str;
	int (*setup_func)(char *val);
	bool early;
};

#define __setup_param(str, unique_id, fn, is_early)			\
	static const char __setup_str_##unique_id[] = str;		\
	static const struct obs_kernel_param __setup_##unique_id	\
		__used __section("setup_params") __aligned(8) =		\
		{ __setup_str_##unique_id, fn, is_early }

#define __setup(str, fn)	__setup_param(str, fn, fn, false)
#define early_param(str, fn)	__setup_param(str, fn, fn, true)

#define COMMAND_LINE_SIZE	2048

/* The command line as the loader gave it (truncated to COMMAND_LINE_SIZE - 1). */
extern char boot_command_line[COMMAND_LINE_SIZE];

extern const struct obs_kernel_param __start_setup_params[], __stop_setup_params[];

/*
 * setup_command_line - copy the loader's command line (@len bytes at most,
 * or up to a NUL) into boot_command_line: truncated with a warning,
 * control characters turned into spaces.
 */
void setup_command_line(const char *src, size_t len);

/* Run the early (or the other) parameter handlers over @cmdline. */
void parse_args(const char *cmdline, bool early);

void parse_early_param(void);
void parse_kernel_params(void);

/*
 * What the init program gets from the command line (kernel/params.c,
 * Linux's): argv_init = { "init", unknown words without '=' and the words
 * after "--", NULL }, envp_init = { "HOME=/", "TERM=linux", unknown
 * NAME=VALUE words, NULL }. Set by parse_kernel_params(); run_init_process()
 * puts the program's path in argv_init[0].
 */
#define MAX_INIT_ARGS	32
#define MAX_INIT_ENVS	32
extern const char *argv_init[MAX_INIT_ARGS + 2];
extern const char *envp_init[MAX_INIT_ENVS + 2];

#endif /* _LINUX_INIT_H */
