// SPDX-License-Identifier: GPL-2.0
/*
 * Fault injection for the page allocator, Linux's fail_page_alloc, on the
 * framework of include/linux/fault-inject.h:
 *
 *   fail_page_alloc=<interval>,<probability>,<space>,<times>
 *
 * Allocations qualify when their order is at least min-order (default 1),
 * and are exempt with __GFP_NOFAIL, with __GFP_DIRECT_RECLAIM while
 * ignore-gfp-wait is set (the default, as Linux), and with __GFP_NOWARN
 * while ignore-gfp-nowarn is set (default off). The switches are boot
 * parameters (fail_page_alloc.min_order=, fail_page_alloc.ignore_gfp_wait=,
 * fail_page_alloc.ignore_gfp_nowarn=) and fields of fail_page_alloc for
 * tests. A request's space is PAGE_SIZE << order bytes (Linux counts
 * 1 << order). __GFP_NOWARN silences the "FAULT_INJECTION: forcing a
 * failure." report.
 *
 * Locking: fail_page_alloc.attr.lock, taken by should_fail_ex().
 */
#include <linux/fault-inject.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kstrtox.h>
#include "internal.h"

bool fail_page_alloc_enabled;

struct fail_page_alloc_attr fail_page_alloc = {
	.attr = FAULT_ATTR_INITIALIZER(fail_page_alloc.attr, "fail_page_alloc"),
	.min_order = 1,
	.ignore_gfp_wait = true,
};

static int setup_fail_page_alloc(char *str)
{
	struct fault_attr *attr = &fail_page_alloc.attr;
	int err = setup_fault_attr(attr, str);

	if (!err)
		fail_page_alloc_enabled = attr->probability && attr->times;
	return err;
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

bool __should_fail_alloc_page(gfp_t gfp, unsigned int order)
{
	struct fail_page_alloc_attr *a = &fail_page_alloc;

	if (order < a->min_order || (gfp & __GFP_NOFAIL))
		return false;
	if (a->ignore_gfp_wait && (gfp & __GFP_DIRECT_RECLAIM))
		return false;
	if (a->ignore_gfp_nowarn && (gfp & __GFP_NOWARN))
		return false;
	return should_fail_ex(&a->attr, PAGE_SIZE << order,
			      (gfp & __GFP_NOWARN) ? FAULT_NOWARN : 0);
}
