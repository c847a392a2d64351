// SPDX-License-Identifier: GPL-2.0
/*
 * The host test runner: the one file of the host build that uses libc. It
 * runs every HTEST in link order and prints KTAP version 1. A failed
 * HT_ASSERT longjmps back here. It also owns the heap behind the shimmed
 * allocators (htest_malloc(), with failures on request and a count of the
 * live blocks). See htest.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct htest_case {
	const char *name;
	void (*fn)(void);
};

extern const struct htest_case __start_htest_cases[], __stop_htest_cases[];

static jmp_buf abort_env;
static unsigned int allocs_to_fail, nth_to_fail;
static long heap_live;
static bool failed;
static char log_buf[1 << 16];
static size_t log_len;

void htest_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	failed = true;
	printf("# %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

void htest_abort(void)
{
	longjmp(abort_env, 1);
}

void htest_log_write(const char *s, bool echo)
{
	size_t n = strlen(s);
	const char *p = s;

	/* Keep the newest text when the buffer fills. */
	if (n >= sizeof(log_buf))
		return;
	if (log_len + n >= sizeof(log_buf))
		log_len = 0;
	memcpy(log_buf + log_len, s, n + 1);
	log_len += n;
	/* Echo as KTAP diagnostics, one "# " per line. */
	while (echo && *p) {
		const char *nl = strchr(p, '\n');
		int len = nl ? (int)(nl - p) : (int)strlen(p);

		printf("# log: %.*s\n", len, p);
		p += len + (nl ? 1 : 0);
	}
}

void *htest_malloc(size_t size)
{
	void *p;

	if (allocs_to_fail) {
		allocs_to_fail--;
		return NULL;
	}
	if (nth_to_fail && !--nth_to_fail)
		return NULL;
	p = malloc(size);
	heap_live += p != NULL;
	return p;
}

void htest_free(const void *p)
{
	heap_live -= p != NULL;
	free((void *)p);
}

void htest_fail_allocs(unsigned int n)
{
	allocs_to_fail = n;
}

void htest_fail_nth_alloc(unsigned int nth)
{
	nth_to_fail = nth;
}

long htest_heap_live(void)
{
	return heap_live;
}

bool htest_log_contains(const char *needle)
{
	return strstr(log_buf, needle) != NULL;
}

void htest_log_clear(void)
{
	log_len = 0;
	log_buf[0] = '\0';
}

const char *htest_log(void)
{
	return log_buf;
}

int main(int argc, char **argv)
{
	/* volatile: live across setjmp (a failed HT_ASSERT longjmps back). */
	const struct htest_case *volatile t;
	volatile int n = 0, nfail = 0, i = 0;
	const char *filter = argc > 1 ? argv[1] : NULL;

	for (t = __start_htest_cases; t < __stop_htest_cases; t++)
		if (!filter || strstr(t->name, filter))
			n++;
	printf("KTAP version 1\n1..%d\n", n);
	for (t = __start_htest_cases; t < __stop_htest_cases; t++) {
		if (filter && !strstr(t->name, filter))
			continue;
		failed = false;
		allocs_to_fail = 0;
		nth_to_fail = 0;
		htest_log_clear();
		if (!setjmp(abort_env))
			t->fn();
		printf("%sok %d %s\n", failed ? "not " : "", ++i, t->name);
		nfail += failed;
	}
	fflush(stdout);
	return nfail ? 1 : 0;
}
