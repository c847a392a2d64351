// SPDX-License-Identifier: GPL-2.0
/*
 * Fault injection, Linux's lib/fault-inject.c (here in kernel/: lib/ is
 * pure code, also built for the host, and this needs a lock and the stack
 * tracer). include/linux/fault-inject.h describes the interface.
 *
 * should_fail_ex() applies the tests in Linux's order: a probability of 0 or
 * no times left passes at once; then ->space is used up; then ->interval
 * counts; then the dice. A failure counts down ->times (unless -1) and up
 * ->failures, and is reported unless the caller asked for quiet.
 *
 * Locking: each attribute's ->lock protects its counters and its random
 * state; the report is rate-limited (->ratelimit_state, Linux's defaults)
 * and printed after the lock is dropped.
 */
#include <linux/fault-inject.h>
#include <linux/kstrtox.h>
#include <linux/printk.h>
#include <linux/errno.h>
#include <asm/stacktrace.h>

/* The next unsigned long of @str, which must have one: digits, then @end. */
static bool parse_field(char **str, unsigned long *val, char end)
{
	char *p;

	*val = simple_strtoul(*str, &p, 0);
	if (p == *str || *p != end)
		return false;
	*str = p + 1;
	return true;
}

int setup_fault_attr(struct fault_attr *attr, char *str)
{
	unsigned long interval, probability, space;
	char *end;
	long times;

	if (!str || !parse_field(&str, &interval, ',') ||
	    !parse_field(&str, &probability, ',') || !parse_field(&str, &space, ','))
		goto bad;
	times = simple_strtol(str, &end, 0);
	if (end == str || *end || probability > 100 || times < -1)
		goto bad;
	attr->interval = interval ? interval : 1;
	attr->probability = probability;
	attr->space = (long)space;
	attr->times = (int)times;
	return 0;
bad:
	pr_warn("FAULT_INJECTION: failed to parse arguments\n");
	return -EINVAL;
}

/* xorshift64*: a fixed seed, so a run can be repeated. Context: lock held. */
static unsigned int fault_random(struct fault_attr *attr)
{
	u64 x = attr->rand;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	attr->rand = x;
	return (unsigned int)((x * 0x2545f4914f6cdd1dULL) >> 32);
}

/* May @attr report once more this second? Context: lock held. */
/* Linux's should_fail_ex() without the task and stack filters. Lock held. */
static bool __should_fail(struct fault_attr *attr, ssize_t size)
{
	if (!attr->probability || !attr->times)
		return false;
	if (attr->space > size) {
		attr->space -= size;
		return false;
	}
	if (attr->interval > 1 && ++attr->count % attr->interval)
		return false;
	if (attr->probability <= fault_random(attr) % 100)
		return false;
	if (attr->times != -1)
		attr->times--;
	attr->failures++;
	return true;
}

static void fail_dump(const struct fault_attr *attr)
{
	pr_notice("FAULT_INJECTION: forcing a failure.\n"
		  "name %s, interval %lu, probability %lu, space %ld, times %d\n",
		  attr->name, attr->interval, attr->probability, attr->space, attr->times);
	dump_stack();
}

bool should_fail_ex(struct fault_attr *attr, ssize_t size, int flags)
{
	unsigned long irqflags;
	bool fail;

	spin_lock_irqsave(&attr->lock, irqflags);
	fail = __should_fail(attr, size);
	spin_unlock_irqrestore(&attr->lock, irqflags);
	if (fail && !(flags & FAULT_NOWARN) && __ratelimit(&attr->ratelimit_state))
		fail_dump(attr);
	return fail;
}

bool should_fail(struct fault_attr *attr, ssize_t size)
{
	return should_fail_ex(attr, size, 0);
}

void fault_injection_pause(struct fault_injection_state *saved)
{
	saved->page_alloc = fail_page_alloc_enabled;
	saved->slab = failslab_enabled;
	fail_page_alloc_enabled = false;
	failslab_enabled = false;
}

void fault_injection_resume(const struct fault_injection_state *saved)
{
	fail_page_alloc_enabled = saved->page_alloc;
	failslab_enabled = saved->slab;
}

bool fault_injection_active(void)
{
	return fail_page_alloc_enabled || failslab_enabled;
}
