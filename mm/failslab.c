// SPDX-License-Identifier: GPL-2.0
/*
 * Fault injection for the slab allocator, Linux's failslab, on the
 * framework of include/linux/fault-inject.h:
 *
 *   failslab=<interval>,<probability>,<space>,<times>
 *
 * Every slab allocation qualifies, except with __GFP_NOFAIL, with
 * __GFP_DIRECT_RECLAIM while ignore-gfp-wait is set (the default, as Linux),
 * and, while cache-filter is set (default off), from a cache created without
 * SLAB_FAILSLAB. The switches are boot parameters (failslab.ignore_gfp_wait=,
 * failslab.cache_filter=) and fields of failslab for tests. A request's
 * space is the cache's object size. __GFP_NOWARN silences the
 * "FAULT_INJECTION: forcing a failure." report.
 *
 * The slab allocator calls should_failslab() on its slow path and exempts
 * the kmem_cache cache itself (Linux's "no fault injection for the
 * bootstrap cache").
 *
 * Locking: failslab.attr.lock, taken by should_fail_ex().
 */
#include <linux/fault-inject.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kstrtox.h>
#include "slab.h"

bool failslab_enabled;

struct failslab_attr failslab = {
	.attr = FAULT_ATTR_INITIALIZER(failslab.attr, "failslab"),
	.ignore_gfp_wait = true,
};

static int setup_failslab(char *str)
{
	struct fault_attr *attr = &failslab.attr;
	int err = setup_fault_attr(attr, str);

	if (!err)
		failslab_enabled = attr->probability && attr->times;
	if (failslab_enabled)
		slab_alloc_slow |= SLAB_ALLOC_SLOW_FAILSLAB;	/* off SLUB's fast path */
	return err;
}
__setup("failslab=", setup_failslab);

static int setup_ignore_gfp_wait(char *str)
{
	return kstrtobool(str, &failslab.ignore_gfp_wait);
}
__setup("failslab.ignore_gfp_wait=", setup_ignore_gfp_wait);

static int setup_cache_filter(char *str)
{
	return kstrtobool(str, &failslab.cache_filter);
}
__setup("failslab.cache_filter=", setup_cache_filter);

bool __should_failslab(struct kmem_cache *s, gfp_t gfpflags)
{
	if (gfpflags & __GFP_NOFAIL)
		return false;
	if (failslab.ignore_gfp_wait && (gfpflags & __GFP_DIRECT_RECLAIM))
		return false;
	if (failslab.cache_filter && !(s->flags & SLAB_FAILSLAB))
		return false;
	/* Linux: __GFP_NOWARN callers may hold locks that printing takes. */
	return should_fail_ex(&failslab.attr, kmem_cache_size(s),
			      (gfpflags & __GFP_NOWARN) ? FAULT_NOWARN : 0);
}
