// SPDX-License-Identifier: GPL-2.0
/*
 * Command-line parsing helpers; see include/linux/cmdline.h. They work on
 * untrusted text (whatever the boot loader passed): every loop stops at
 * the terminating NUL, whatever quotes or separators came before.
 */
#include <linux/cmdline.h>
#include <linux/kstrtox.h>
#include <linux/ctype.h>
#include <linux/string.h>

char *next_arg(char *args, char **param, char **val)
{
	bool quoted = false, in_quote = false;
	char *p, *eq = NULL;

	if (*args == '"') {
		args++;
		quoted = in_quote = true;
	}
	for (p = args; *p; p++) {
		if (isspace(*p) && !in_quote)
			break;
		if (!eq && *p == '=' && p != args)
			eq = p;
		if (*p == '"')
			in_quote = !in_quote;
	}
	*param = args;
	*val = NULL;
	if (eq) {
		*eq = '\0';
		*val = eq + 1;
		if (**val == '"') {
			(*val)++;
			quoted = true;
		}
	}
	/* The closing quote, if any, is the word's last character. */
	if (quoted && p > args && p[-1] == '"' && p - 1 >= (*val ? *val : args))
		p[-1] = '\0';
	if (*p)
		*p++ = '\0';
	return skip_spaces(p);
}

unsigned long long memparse(const char *ptr, char **retptr)
{
	char *end;
	unsigned long long v = simple_strtoull(ptr, &end, 0);
	int shift = 0;

	switch (toupper(*end)) {
	case 'E':
		shift += 10;
		/* fall through */
	case 'P':
		shift += 10;
		/* fall through */
	case 'T':
		shift += 10;
		/* fall through */
	case 'G':
		shift += 10;
		/* fall through */
	case 'M':
		shift += 10;
		/* fall through */
	case 'K':
		shift += 10;
		end++;
		break;
	}
	if (retptr)
		*retptr = end;
	return v << shift;
}

int get_option(char **str, int *pint)
{
	char *cur = *str;
	bool negative;

	if (!cur || !*cur)
		return 0;
	negative = *cur == '-';
	*pint = (int)simple_strtol(cur, str, 0);
	if (*str == cur + negative)
		return 0;
	if (**str == ',') {
		(*str)++;
		return 2;
	}
	return **str == '-' ? 3 : 1;
}
