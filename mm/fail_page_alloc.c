// SPDX-License-Identifier: GPL-2.0
/*
 * Fault injection for the page allocator, Linux's fail_page_alloc:
 *
 *   fail_page_alloc=<interval>,<probability>,<space>,<times>
 *
 * Of the allocations that qualify, after <space> bytes have been allowed,
 * every <interval>-th one fails with <probability> percent, <times> times
 * in all (-1: no limit). Allocations qualify when their order is at least
 * min-order (default 1), and are exempt with __GFP_NOFAIL, with
 * __GFP_DIRECT_RECLAIM while ignore-gfp-wait is set (the default, as
 * Linux), and with __GFP_NOWARN while ignore-gfp-nowarn is set (default
 * off). The switches are boot parameters (fail_page_alloc.min_order=,
 * fail_page_alloc.ignore_gfp_wait=, fail_page_alloc.ignore_gfp_nowarn=)
 * and fields of fail_page_alloc for tests. An injected failure prints
 * "FAULT_INJECTION: forcing a failure." with a stack trace, unless the
 * request has __GFP_NOWARN; at most 10 a second are printed.
 *
 * Locking: fail_page_alloc.lock protects the counters and the random state.
 */
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kstrtox.h>
#include <linux/printk.h>
#include <linux/errno.h>
#include <asm/stacktrace.h>
#include <asm/tsc.h>
#include "internal.h"

bool fail_page_alloc_enabled;

struct fail_page_alloc_attr fail_page_alloc = {
	.lock = __SPIN_LOCK_UNLOCKED(fail_page_alloc.lock),
	.interval = 1,
	.times = -1,
	.min_order = 1,
	.ignore_gfp_wait = true,
	.rand = 0x9e3779b97f4a7c15ULL,
};

static int setup_fail_page_alloc(char *str)
{
	unsigned long v[3];
	char *end = str;
	long times;
	int i;

	for (i = 0; i < 3; i++) {
		v[i] = simple_strtoul(end, &end, 0);
		if (*end++ != ',')
			goto bad;
	}
	times = simple_strtol(end, &end, 0);
	if (*end || v[1] > 100 || times < -1)
		goto bad;
	fail_page_alloc.interval = v[0] ? v[0] : 1;
	fail_page_alloc.probability = v[1];
	fail_page_alloc.space = (long)v[2];
	fail_page_alloc.times = (int)times;
	fail_page_alloc_enabled = v[1] && times;
	return 0;
bad:
	pr_warn("FAULT_INJECTION: failed to parse arguments\n");
	return -EINVAL;
}
__setup("fail_page_alloc=", setup_fail_page_alloc);

static int setup_min_order(char *str)
{
	return kstrtouint(str, 0, &fail_page_alloc.min_order);
}
__setup("fail_page_alloc.min_order=", setup_min_order);

static int setup_ignore_gfp_wait(char *str)
{
	return kstrtobool(str, &fail_page_alloc.ignore_gfp_wait);
}
__setup("fail_page_alloc.ignore_gfp_wait=", setup_ignore_gfp_wait);

static int setup_ignore_gfp_nowarn(char *str)
{
	return kstrtobool(str, &fail_page_alloc.ignore_gfp_nowarn);
}
__setup("fail_page_alloc.ignore_gfp_nowarn=", setup_ignore_gfp_nowarn);

/* xorshift64*: a fixed seed, so a run can be repeated. Context: lock held. */
static unsigned int fail_random(void)
{
	u64 x = fail_page_alloc.rand;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	fail_page_alloc.rand = x;
	return (unsigned int)((x * 0x2545f4914f6cdd1dULL) >> 32);
}

/* Linux's should_fail(): space, then interval, then probability, then times. */
static bool should_fail(unsigned long size)
{
	struct fail_page_alloc_attr *a = &fail_page_alloc;

	if (!a->times)
		return false;
	if (a->space > (long)size) {
		a->space -= (long)size;
		return false;
	}
	if (a->interval > 1 && ++a->count % a->interval)
		return false;
	if (a->probability <= fail_random() % 100)
		return false;
	if (a->times != -1)
		a->times--;
	a->failures++;
	return true;
}

static bool fail_dump_ratelimit(void)
{
	static u64 second;
	static unsigned int printed;
	u64 now = cycles_to_ns(rdtsc_ordered()) / 1000000000ULL;

	if (now != second) {
		second = now;
		printed = 0;
	}
	return printed++ < 10;
}

bool __should_fail_alloc_page(gfp_t gfp, unsigned int order)
{
	struct fail_page_alloc_attr *a = &fail_page_alloc;
	unsigned long flags;
	bool fail, dump;

	if (order < a->min_order || (gfp & __GFP_NOFAIL))
		return false;
	if (a->ignore_gfp_wait && (gfp & __GFP_DIRECT_RECLAIM))
		return false;
	if (a->ignore_gfp_nowarn && (gfp & __GFP_NOWARN))
		return false;
	spin_lock_irqsave(&a->lock, flags);
	fail = should_fail(PAGE_SIZE << order);
	dump = fail && !(gfp & __GFP_NOWARN) && fail_dump_ratelimit();
	spin_unlock_irqrestore(&a->lock, flags);
	if (dump) {
		pr_notice("FAULT_INJECTION: forcing a failure.\n"
			  "name fail_page_alloc, interval %lu, probability %lu, space %ld, times %d\n",
			  a->interval, a->probability, a->space, a->times);
		dump_stack();
	}
	return fail;
}
