/* SPDX-License-Identifier: GPL-2.0 */
/*
 * String to integer conversion (lib/kstrtox.c), Linux's semantics.
 *
 * kstrto*(s, base, &res): the whole string must be the number (one trailing
 * newline allowed); base 0 detects 0x (hex) and 0 (octal); returns 0,
 * -EINVAL for anything else, -ERANGE when the value does not fit. @res is
 * written only on success.
 *
 * simple_strto*(s, &end, base): parse as far as digits go, no overflow
 * check; *end points after the last digit used. Prefer kstrto*.
 */
#ifndef _LINUX_KSTRTOX_H
#define _LINUX_KSTRTOX_H

#include <linux/types.h>

int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoll(const char *s, unsigned int base, long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtou8(const char *s, unsigned int base, u8 *res);
int kstrtobool(const char *s, bool *res);

unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base);
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
long simple_strtol(const char *cp, char **endp, unsigned int base);

#endif /* _LINUX_KSTRTOX_H */
