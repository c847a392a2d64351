/* SPDX-License-Identifier: GPL-2.0 */
/* String and memory helpers (lib/string.c). */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <linux/types.h>

void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
void *memchr_inv(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
size_t strlcpy(char *dst, const char *src, size_t size);
ssize_t strscpy(char *dst, const char *src, size_t size);
char *strsep(char **s, const char *delim);
size_t strcspn(const char *s, const char *reject);
char *skip_spaces(const char *s);
char *strim(char *s);
bool glob_match(const char *pattern, const char *str);

/**
 * memzero_explicit - zero @count bytes at @s, even if the compiler sees no
 * later reader
 * @s: the memory, typically a key or other secret about to go out of scope
 * @count: its size in bytes
 *
 * A plain memset() before a buffer dies may be removed as a dead store; the
 * empty asm that takes @s as an input and clobbers memory keeps it. Context:
 * any.
 */
static inline void memzero_explicit(void *s, size_t count)
{
	memset(s, 0, count);
	__asm__ __volatile__("" : : "r"(s) : "memory");
}

#endif /* _LINUX_STRING_H */
