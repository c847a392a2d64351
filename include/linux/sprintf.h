/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Formatted output (lib/vsprintf.c). The C conversions (%d %i %u %x %X %o %c
 * %s %%, flags "-0+ #", width and precision incl. '*', length hh h l ll z t)
 * plus Linux's pointer extensions:
 *   %p, %px  the pointer as 16 hex digits (this is a debugging kernel: never
 *            hashed)
 *   %pa      a phys_addr_t passed by reference, as 0x and 16 hex digits
 *   %pS, %ps a text address as symbol+0xoff/0xsize (%ps: the name only)
 *   %*pbl    a bitmap of (int) width bits as a list of ranges, "0-3,8"
 *            (sysfs's cpulist format); %*pb the same bitmap in hex, 32-bit
 *            chunks from the top, comma-separated ("1,00000003")
 */
#ifndef _LINUX_SPRINTF_H
#define _LINUX_SPRINTF_H

#include <linux/types.h>
#include <linux/compiler.h>

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
int scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int sprintf(char *buf, const char *fmt, ...) __printf(2, 3);

#endif /* _LINUX_SPRINTF_H */
