/* SPDX-License-Identifier: GPL-2.0 */
/* Command-line parsing helpers (lib/cmdline.c), Linux's semantics. */
#ifndef _LINUX_CMDLINE_H
#define _LINUX_CMDLINE_H

#include <linux/types.h>

/**
 * next_arg - split the next "param[=value]" off @args
 * @args: the rest of the command line (modified in place)
 * @param: receives the name
 * @val: receives the value, or NULL when there is no '='
 *
 * Words are separated by white space; double quotes group, and are removed
 * around a value (foo="a b") or a whole word ("foo=a b"). An unterminated
 * quote runs to the end. Returns the start of the next word.
 */
char *next_arg(char *args, char **param, char **val);

/**
 * memparse - a size with an optional K, M, G, T, P or E suffix (any case)
 * @ptr: the text; @retptr: receives the first unparsed character
 *
 * Base prefixes as simple_strtoull(ptr, ..., 0). As in Linux, overflow is
 * not detected: callers check *retptr and the value's plausibility.
 */
unsigned long long memparse(const char *ptr, char **retptr);

/**
 * get_option - an integer from a comma-separated list
 * Returns 0 when there is no integer, 1 for an integer alone, 2 for an
 * integer followed by a comma (*str then points after it), 3 for an
 * integer followed by '-' (a range).
 */
int get_option(char **str, int *pint);

#endif /* _LINUX_CMDLINE_H */
