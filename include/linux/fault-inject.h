/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fault injection (kernel/fault_inject.c), Linux's framework: a struct
 * fault_attr says how often a site fails, should_fail() asks it. Users wrap
 * it with their own exemptions and switches, as Linux's do:
 *
 *   fail_page_alloc=I,P,S,T   mm/fail_page_alloc.c (hook: mm/internal.h)
 *   failslab=I,P,S,T          mm/failslab.c (hook: should_failslab() below)
 *
 * Of the calls that reach should_fail(), the first <space> bytes pass, then
 * every <interval>-th call fails with <probability> percent, <times> times in
 * all (-1: no limit). The random numbers come from a fixed seed, so a run
 * can be repeated. Not here (Linux's debugfs files, task_filter, the stack
 * filters, fail_nth): there is no debugfs; tests set the fields directly.
 */
#ifndef _LINUX_FAULT_INJECT_H
#define _LINUX_FAULT_INJECT_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/spinlock.h>
#include <linux/ratelimit.h>

/* Protected by ->lock, except the parameters, which are set before use. */
struct fault_attr {
	spinlock_t lock;		/* the counters, rand and the ratelimit */
	const char *name;		/* in the report */
	unsigned long probability;	/* percent */
	unsigned long interval;
	int times;			/* failures left; -1: no limit */
	long space;			/* bytes to let pass first */
	unsigned long count;		/* calls, for interval */
	unsigned long failures;		/* injected so far */
	u64 rand;			/* xorshift64* state */
	struct ratelimit_state ratelimit_state;	/* of the reports; its own lock */
};

/*
 * @attr is the object being initialised (its lock's lockdep map names it),
 * @attr_name the name printed in reports. Linux's defaults: probability 0,
 * interval 1, times 1, reports at most 10 in 5 seconds.
 */
#define FAULT_ATTR_INITIALIZER(attr, attr_name) {				\
	.lock = __SPIN_LOCK_UNLOCKED(attr.lock),				\
	.name = attr_name,							\
	.interval = 1,								\
	.times = 1,								\
	.rand = 0x9e3779b97f4a7c15ULL,						\
	.ratelimit_state = RATELIMIT_STATE_INIT(attr.ratelimit_state,		\
		DEFAULT_RATELIMIT_INTERVAL, DEFAULT_RATELIMIT_BURST),		\
}
#define DECLARE_FAULT_ATTR(name)						\
	struct fault_attr name = FAULT_ATTR_INITIALIZER(name, #name)

/**
 * setup_fault_attr - parse "<interval>,<probability>,<space>,<times>"
 * @attr: the attribute to set
 * @str: the boot parameter's value
 *
 * An interval of 0 means 1. Bad input (a field missing or left over, a
 * probability above 100, times below -1) is reported as
 * "FAULT_INJECTION: failed to parse arguments" and leaves @attr unchanged.
 *
 * Return: 0, or -EINVAL for bad input (the early_param convention of
 * include/linux/init.h; Linux returns 1 and 0). Context: boot parameters
 * and tests; @attr must not be in use.
 */
int setup_fault_attr(struct fault_attr *attr, char *str);

enum fault_flags {
	FAULT_NOWARN = 1 << 0,		/* no report: the caller has __GFP_NOWARN */
};

/**
 * should_fail_ex - should this call fail?
 * @attr: the attribute to consult and count in
 * @size: bytes the call asks for (used up by ->space)
 * @flags: FAULT_NOWARN or 0
 *
 * On a failure, prints "FAULT_INJECTION: forcing a failure." with @attr's
 * name and parameters, and a stack trace, unless FAULT_NOWARN (at most 10
 * reports in 5 seconds for each attribute, as Linux's default ratelimit).
 *
 * Return: true to fail. Context: any; takes @attr->lock with interrupts off.
 */
bool should_fail_ex(struct fault_attr *attr, ssize_t size, int flags);

/* should_fail_ex() with flags 0. */
bool should_fail(struct fault_attr *attr, ssize_t size);

/* ---- mm/fail_page_alloc.c: fail_page_alloc=, for its tests ---- */
/* Set when fail_page_alloc has a probability and times left to inject. */
extern bool fail_page_alloc_enabled;

struct fail_page_alloc_attr {
	struct fault_attr attr;
	unsigned int min_order;		/* fail_page_alloc.min_order= */
	bool ignore_gfp_wait;		/* fail_page_alloc.ignore_gfp_wait= */
	bool ignore_gfp_nowarn;		/* fail_page_alloc.ignore_gfp_nowarn= */
};
extern struct fail_page_alloc_attr fail_page_alloc;

/* ---- mm/failslab.c: failslab= ---- */
struct kmem_cache;

struct failslab_attr {
	struct fault_attr attr;
	bool ignore_gfp_wait;		/* failslab.ignore_gfp_wait= */
	bool cache_filter;		/* failslab.cache_filter=: SLAB_FAILSLAB caches only */
};
extern struct failslab_attr failslab;
/* Set when failslab has a probability and times left to inject. */
extern bool failslab_enabled;

/**
 * __should_failslab - should this slab allocation fail?
 * @s: the cache
 * @gfpflags: the allocation's flags
 *
 * Exempt: __GFP_NOFAIL; __GFP_DIRECT_RECLAIM while failslab.ignore_gfp_wait
 * (the default, as Linux); caches without SLAB_FAILSLAB while
 * failslab.cache_filter. __GFP_NOWARN silences the report. The kmem_cache
 * cache itself is the caller's to exempt.
 *
 * Return: true to fail. Context: any; takes failslab.attr.lock.
 */
bool __should_failslab(struct kmem_cache *s, gfp_t gfpflags);

/* The slab allocator's hook: one load and a branch while failslab= is off. */
static inline bool should_failslab(struct kmem_cache *s, gfp_t gfpflags)
{
	return unlikely(failslab_enabled) && __should_failslab(s, gfpflags);
}

/*
 * Both mm switches at once, for tests that count pages or need their
 * allocations to work: fault_injection_pause() turns fail_page_alloc and
 * failslab off and remembers them, fault_injection_resume() puts them
 * back (kernel/fault_inject.c).
 */
struct fault_injection_state {
	bool page_alloc, slab;
};
void fault_injection_pause(struct fault_injection_state *saved);
void fault_injection_resume(const struct fault_injection_state *saved);
/* Is fail_page_alloc or failslab injecting? */
bool fault_injection_active(void);

#endif /* _LINUX_FAULT_INJECT_H */
