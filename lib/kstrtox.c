// SPDX-License-Identifier: GPL-2.0
/*
 * String to integer conversion; see include/linux/kstrtox.h. One digit
 * parser (parse_digits) serves both families: the kstrto* functions demand
 * that it consumed the whole string and did not overflow.
 */
#include <linux/kstrtox.h>
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>

/* Base 0: "0x" means 16, a leading "0" 8, else 10. Returns the digits' start. */
static const char *parse_base(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] == '0' && tolower(s[1]) == 'x' && isxdigit(s[2]))
			*base = 16;
		else if (s[0] == '0')
			*base = 8;
		else
			*base = 10;
	}
	if (*base == 16 && s[0] == '0' && tolower(s[1]) == 'x' && isxdigit(s[2]))
		s += 2;
	return s;
}

static int digit_value(char c)
{
	if (isdigit(c))
		return c - '0';
	if (isxdigit(c))
		return tolower(c) - 'a' + 10;
	return 99;
}

/* Digits of @base from @s; sets *overflow when the value passed 2^64 - 1. */
static const char *parse_digits(const char *s, unsigned int base,
				unsigned long long *res, bool *overflow)
{
	unsigned long long v = 0;
	int d;

	*overflow = false;
	while ((d = digit_value(*s)) < (int)base) {
		if (v > (U64_MAX - d) / base)
			*overflow = true;
		v = v * base + d;
		s++;
	}
	*res = v;
	return s;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v;
	const char *start, *end;
	bool overflow;

	if (base == 1 || base > 16)
		return -EINVAL;
	if (*s == '+')
		s++;
	start = parse_base(s, &base);
	end = parse_digits(start, base, &v, &overflow);
	if (end == start)
		return -EINVAL;
	if (*end == '\n')
		end++;
	if (*end)
		return -EINVAL;
	if (overflow)
		return -ERANGE;
	*res = v;
	return 0;
}

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long v;
	int ret;

	if (*s == '-') {
		ret = kstrtoull(s + 1, base, &v);
		if (ret)
			return ret;
		if (v > (unsigned long long)LLONG_MAX + 1)
			return -ERANGE;
		*res = (long long)(0 - v);
		return 0;
	}
	ret = kstrtoull(s, base, &v);
	if (ret)
		return ret;
	if (v > (unsigned long long)LLONG_MAX)
		return -ERANGE;
	*res = (long long)v;
	return 0;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	int ret = kstrtoull(s, base, &v);

	if (!ret)
		*res = v;
	return ret;
}

int kstrtol(const char *s, unsigned int base, long *res)
{
	long long v;
	int ret = kstrtoll(s, base, &v);

	if (!ret)
		*res = v;
	return ret;
}

int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long v;
	int ret = kstrtoull(s, base, &v);

	if (ret)
		return ret;
	if (v > UINT_MAX)
		return -ERANGE;
	*res = (unsigned int)v;
	return 0;
}

int kstrtoint(const char *s, unsigned int base, int *res)
{
	long long v;
	int ret = kstrtoll(s, base, &v);

	if (ret)
		return ret;
	if (v > INT_MAX || v < -(long long)INT_MAX - 1)
		return -ERANGE;
	*res = (int)v;
	return 0;
}

int kstrtou8(const char *s, unsigned int base, u8 *res)
{
	unsigned long long v;
	int ret = kstrtoull(s, base, &v);

	if (ret)
		return ret;
	if (v > 0xff)
		return -ERANGE;
	*res = (u8)v;
	return 0;
}

/* Linux's kstrtobool: y/Y/1/on are true, n/N/0/off false. */
int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;
	switch (s[0]) {
	case 'y': case 'Y': case '1':
		*res = true;
		return 0;
	case 'n': case 'N': case '0':
		*res = false;
		return 0;
	case 'o': case 'O':
		if (tolower(s[1]) == 'n') {
			*res = true;
			return 0;
		}
		if (tolower(s[1]) == 'f') {
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}

unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base)
{
	unsigned long long v;
	bool overflow;
	const char *start = parse_base(cp, &base);	/* sets base: sequence it */
	const char *end = parse_digits(start, base, &v, &overflow);

	if (endp)
		*endp = (char *)end;
	return v;
}

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoull(cp, endp, base);
}

long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	if (*cp == '-')
		return -(long)simple_strtoull(cp + 1, endp, base);
	return (long)simple_strtoull(cp, endp, base);
}
