// SPDX-License-Identifier: GPL-2.0
/*
 * String and memory helpers with the C library's semantics, plus Linux's
 * strscpy, memchr_inv, skip_spaces, strim and glob_match. The compiler may
 * emit calls to memcpy/memset/memmove/memcmp on its own, so these must exist
 * and must not call themselves through a builtin: the Makefile builds lib/
 * with -fno-builtin. memset, memcpy and memchr_inv go a word at a time
 * between unaligned edges (page_poison fills and checks whole pages with
 * them); the page allocator's hot paths use clear_page(), not memset.
 */
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/errno.h>

/* A word that may alias any object, so the word loops are not misoptimised. */
typedef unsigned long __attribute__((__may_alias__)) word_t;

#define WORD_BYTES	sizeof(word_t)
#define BYTE_REPEAT	(~0UL / 0xff)	/* 0x0101...01 */

static inline bool word_aligned(const void *p)
{
	return ((unsigned long)p & (WORD_BYTES - 1)) == 0;
}

/* Bytes up to alignment, then whole words, then the tail. */
void *memset(void *s, int c, size_t n)
{
	unsigned char *p = s;
	unsigned long pattern = (unsigned char)c * BYTE_REPEAT;

	for (; n && !word_aligned(p); n--)
		*p++ = (unsigned char)c;
	for (; n >= WORD_BYTES; n -= WORD_BYTES, p += WORD_BYTES)
		*(word_t *)p = pattern;
	while (n--)
		*p++ = (unsigned char)c;
	return s;
}

/* Words when source and destination can both be aligned, else bytes. */
void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (((unsigned long)d ^ (unsigned long)s) % WORD_BYTES == 0) {
		for (; n && !word_aligned(d); n--)
			*d++ = *s++;
		for (; n >= WORD_BYTES; n -= WORD_BYTES, d += WORD_BYTES, s += WORD_BYTES)
			*(word_t *)d = *(const word_t *)s;
	}
	while (n--)
		*d++ = *s++;
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d == s || n == 0)
		return dst;
	if (d < s) {
		while (n--)
			*d++ = *s++;
	} else {
		d += n;
		s += n;
		while (n--)
			*--d = *--s;
	}
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x < *y ? -1 : 1;
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

/* First byte that is not @c, or NULL when all @n bytes are @c. */
/* Whole words compared at a time; the byte that differs found in the word. */
void *memchr_inv(const void *s, int c, size_t n)
{
	const unsigned char *p = s;
	unsigned long pattern = (unsigned char)c * BYTE_REPEAT;

	for (; n && !word_aligned(p); n--, p++)
		if (*p != (unsigned char)c)
			return (void *)p;
	for (; n >= WORD_BYTES && *(const word_t *)p == pattern;
	     n -= WORD_BYTES, p += WORD_BYTES)
		;
	for (; n; n--, p++)
		if (*p != (unsigned char)c)
			return (void *)p;
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return (unsigned char)*a < (unsigned char)*b ? -1 :
	       (unsigned char)*a > (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		if (!*a)
			break;
	}
	return 0;
}

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack; haystack++)
		if (!strncmp(haystack, needle, n))
			return (char *)haystack;
	return n ? NULL : (char *)haystack;
}

/* Copy with truncation; returns strlen(src) so callers can detect it. */
size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

/* Copy with truncation; returns the length copied or -E2BIG if truncated. */
ssize_t strscpy(char *dst, const char *src, size_t size)
{
	size_t i;

	if (!size)
		return -E2BIG;
	for (i = 0; i < size; i++) {
		dst[i] = src[i];
		if (!src[i])
			return i;
	}
	dst[size - 1] = '\0';
	return -E2BIG;
}

/* Split off the token of *@s up to the first of @delim; NULL at the end. */
char *strsep(char **s, const char *delim)
{
	char *start = *s, *end;

	if (!start)
		return NULL;
	end = start + strcspn(start, delim);
	if (*end)
		*end++ = '\0';
	else
		end = NULL;
	*s = end;
	return start;
}

size_t strcspn(const char *s, const char *reject)
{
	const char *p = s;

	while (*p && !strchr(reject, *p))
		p++;
	return p - s;
}

char *skip_spaces(const char *s)
{
	while (isspace(*s))
		s++;
	return (char *)s;
}

/* Remove leading and trailing white space; returns the new start. */
char *strim(char *s)
{
	size_t len = strlen(s);

	while (len && isspace(s[len - 1]))
		s[--len] = '\0';
	return skip_spaces(s);
}

/*
 * Shell-style wildcard match: '*' any run, '?' one character, '[a-z]' and
 * '[!a-z]' classes. Iterative with one backtrack point, as the classic
 * algorithm: a '*' can only ever need to absorb more of @str.
 */
bool glob_match(const char *pat, const char *str)
{
	const char *back_pat = NULL, *back_str = NULL;

	for (;;) {
		unsigned char c = *str++;
		unsigned char d = *pat++;

		switch (d) {
		case '?':
			if (!c)
				return false;
			break;
		case '*':
			if (!*pat)
				return true;
			back_pat = pat;
			back_str = --str;
			break;
		case '[': {
			bool match = false, inverted = (*pat == '!');
			const char *class = pat + inverted;
			unsigned char a = *class++;

			do {
				unsigned char b = a;

				if (!a)
					goto literal;
				if (class[0] == '-' && class[1] != ']') {
					b = class[1];
					if (!b)
						goto literal;
					class += 2;
				}
				match |= (a <= c && c <= b);
			} while ((a = *class++) != ']');
			if (match == inverted || !c)
				goto backtrack;
			pat = class;
			break;
		}
		default:
literal:
			if (c == d) {
				if (!d)
					return true;
				break;
			}
backtrack:
			if (!c || !back_pat)
				return false;
			pat = back_pat;
			str = ++back_str;
			break;
		}
	}
}
