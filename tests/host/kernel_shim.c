// SPDX-License-Identifier: GPL-2.0
/*
 * What the kernel's pure code calls that, on the host, has no kernel to go
 * to: printk into the harness log, WARN and BUG as test failures, the
 * symbol lookup %pS uses, the kmalloc and kvmalloc families and the slab
 * interface on the harness's heap (which tests can make fail:
 * htest_fail_allocs(), htest_fail_nth_alloc(), htest_slab_fail()), and
 * what spinlocks touch. Compiled as kernel-side code.
 */
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/kallsyms.h>
#include <linux/sprintf.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/spinlock.h>
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

/* kmalloc()'s constant-size path names a cache; on the host there is none. */
struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];

void *__kmalloc(size_t size, gfp_t flags)
{
	return kvmalloc_node(size, flags, -1);
}

void *kmalloc_trace(struct kmem_cache *s, gfp_t flags, size_t size)
{
	return __kmalloc(size, flags);
}

void kfree(const void *obj)
{
	kvfree(obj);
}

char *kstrdup(const char *s, gfp_t gfp)
{
	size_t len = s ? strlen(s) + 1 : 0;
	char *p = s ? __kmalloc(len, gfp) : NULL;

	if (p)
		memcpy(p, s, len);
	return p;
}

/*
 * Slab caches: a cache is its object size, an object one libc allocation,
 * so ASan checks every use. Failures on demand stand in for failslab.
 */
struct kmem_cache {
	const char *name;
	unsigned int size;
};

static unsigned int slab_fail_nr;
static bool slab_fail_all;

void htest_slab_fail(unsigned int nr, bool all)
{
	slab_fail_nr = nr;
	slab_fail_all = all;
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *))
{
	struct kmem_cache *s = htest_malloc(sizeof(*s));

	BUG_ON(!s || ctor);
	s->name = name;
	s->size = size;
	return s;
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	if (slab_fail_nr && (slab_fail_all || !gfpflags_allow_blocking(gfp))) {
		slab_fail_nr--;
		return NULL;
	}
	/* Zeroed, as the calloc() the host tests of lib/xarray.c were written on. */
	return kvmalloc_node(s->size, gfp | __GFP_ZERO, -1);
}

void kmem_cache_free(struct kmem_cache *s, void *obj)
{
	kvfree(obj);
}

/*
 * Spinlocks: one thread, never contended. preempt_disable() counts in
 * the per-CPU __preempt_count through %gs, whose base is 0 in a Linux
 * process: %gs:var is var itself, as on the kernel's boot CPU before its
 * per-CPU area exists. lockdep stays off.
 */
DEFINE_PER_CPU(unsigned int, __preempt_count);
DEFINE_PER_CPU(bool, sched_need_resched);
bool lockdep_enabled, lockdep_tracking;

void preempt_schedule(void)
{
	BUG();
}

void __lock_acquire(struct lockdep_map *map, unsigned int subclass, bool trylock,
		    unsigned long ip)
{
	BUG();
}

void lock_release(struct lockdep_map *map, unsigned long ip)
{
	BUG();
}
