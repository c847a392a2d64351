// SPDX-License-Identifier: GPL-2.0
/*
 * "#!" scripts (Linux's fs/binfmt_script.c): a file that starts with
 * "#!INTERP [ARG]" runs as INTERP [ARG] PATH ARGV[1]..., the interpreter
 * loaded by the next round of exec_binprm() (fs/exec.c).
 *
 * The line is read from the first BINPRM_BUF_SIZE bytes of the file:
 * blanks (space, tab) around INTERP and ARG are dropped, ARG is the rest
 * of the line as one argument (spaces inside kept), as Linux's. A line
 * that does not end within those bytes is -ENOEXEC when INTERP itself
 * may be cut short (it reaches the end of the buffer), as Linux's; an
 * empty INTERP is -ENOEXEC. The original argv[0] is replaced by the
 * script's path (the name exec was given, bprm->filename).
 */
#include <linux/binfmts.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/errno.h>

static bool spacetab(char c)
{
	return c == ' ' || c == '\t';
}

static char *next_non_spacetab(char *first, const char *last)
{
	for (; first <= last; first++)
		if (!spacetab(*first))
			return first;
	return NULL;
}

static char *next_terminator(char *first, const char *last)
{
	for (; first <= last; first++)
		if (spacetab(*first) || !*first)
			return first;
	return NULL;
}

static int load_script(struct linux_binprm *bprm)
{
	char *i_name, *i_sep, *i_arg, *i_end, *buf_end;
	struct file *file;
	int err;

	if (bprm->buf[0] != '#' || bprm->buf[1] != '!')
		return -ENOEXEC;
	buf_end = bprm->buf + sizeof(bprm->buf) - 1;
	i_end = memchr(bprm->buf, '\n', sizeof(bprm->buf));
	if (!i_end) {
		i_end = next_non_spacetab(bprm->buf + 2, buf_end);
		if (!i_end)
			return -ENOEXEC;	/* an entirely blank line */
		if (!next_terminator(i_end, buf_end))
			return -ENOEXEC;	/* the interpreter's name may be cut */
		i_end = buf_end;
	}
	while (i_end > bprm->buf + 2 && spacetab(i_end[-1]))
		i_end--;
	*i_end = '\0';
	i_name = next_non_spacetab(bprm->buf + 2, i_end);
	if (!i_name || i_name == i_end)
		return -ENOEXEC;
	i_arg = NULL;
	i_sep = next_terminator(i_name, i_end);
	if (i_sep && *i_sep)
		i_arg = next_non_spacetab(i_sep, i_end);
	if (i_arg && !*i_arg)
		i_arg = NULL;
	if (i_sep)
		*i_sep = '\0';

	/* argv: INTERP [ARG] PATH argv[1]..., pushed from the last. */
	err = remove_arg_zero(bprm) ?: copy_string_kernel(bprm->filename, bprm);
	if (err)
		return err;
	bprm->argc++;
	if (i_arg) {
		err = copy_string_kernel(i_arg, bprm);
		if (err)
			return err;
		bprm->argc++;
	}
	err = copy_string_kernel(i_name, bprm);
	if (err)
		return err;
	bprm->argc++;
	file = open_exec(i_name);
	if (IS_ERR(file))
		return PTR_ERR(file);
	bprm->interpreter = file;
	return 0;
}

struct linux_binfmt script_format = {
	.name = "script",
	.load_binary = load_script,
};
