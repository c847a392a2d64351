// SPDX-License-Identifier: GPL-2.0
/*
 * What the kernel's pure code calls that, on the host, has no kernel to go
 * to: printk into the harness log, WARN and BUG as test failures, the
 * symbol lookup %pS uses, and kvmalloc()/kvfree() on the harness's heap
 * (which tests can make fail: htest_fail_allocs()). Compiled as
 * kernel-side code.
 */
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/kallsyms.h>
#include <linux/sprintf.h>
#include <linux/slab.h>
#include "htest.h"

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
unsigned long warn_count;

/* Every message goes to the log tests search; the console echo honours
 * console_loglevel as the kernel's console does. */
int vprintk(const char *fmt, va_list args)
{
	char buf[1024];
	const char *text = buf;
	int level = 4, n = vscnprintf(buf, sizeof(buf), fmt, args);

	if (buf[0] == '\001' && buf[1]) {
		if (buf[1] >= '0' && buf[1] <= '7')
			level = buf[1] - '0';
		text += 2;
	}
	htest_log_write(text, level < console_loglevel);
	return n;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

int raw_printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

void __warn(const char *file, int line, const char *func, const char *cond)
{
	warn_count++;
	printk("WARNING: at %s:%d %s (%s)\n", file, line, func, cond);
}

/* On the host a BUG is a test failure; the ud2 after it would then kill
 * the binary, so leave the case here. */
void __bug_report(const char *file, int line, const char *cond)
{
	htest_fail(file, line, "kernel BUG: %s", cond ? cond : "BUG()");
	htest_abort();
}

int sprint_symbol(char *buf, size_t size, unsigned long addr, bool with_offset)
{
	(void)with_offset;
	return scnprintf(buf, size, "0x%lx", addr);
}

void *kvmalloc_node(size_t size, gfp_t flags, int node)
{
	void *p = htest_malloc(size);

	if (p && (flags & __GFP_ZERO))
		memset(p, 0, size);
	return p;
}

void kvfree(const void *addr)
{
	htest_free(addr);
}
