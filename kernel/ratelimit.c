// SPDX-License-Identifier: GPL-2.0
/*
 * Rate limiting, Linux's lib/ratelimit.c (here in kernel/: lib/ is pure
 * code, also built for the host, and this needs jiffies and a lock).
 * include/linux/ratelimit.h describes the interface.
 *
 * A window opens at the first call and lasts ->interval jiffies. Calls in
 * it are let through while ->printed < ->burst; the others count in
 * ->missed. The first call after the window has passed opens the next one,
 * and if calls were missed, prints Linux's "FUNC: N callbacks suppressed"
 * before it goes ahead, so the reader knows what is missing.
 */
#include <linux/ratelimit.h>
#include <linux/printk.h>

/* Has the window of @rs passed? jiffies wraps; compare by difference. */
static bool ratelimit_window_passed(const struct ratelimit_state *rs, int interval)
{
	return (long)(jiffies - (rs->begin + (unsigned long)interval)) > 0;
}

bool ___ratelimit(struct ratelimit_state *rs, const char *func)
{
	int interval = READ_ONCE(rs->interval), burst = READ_ONCE(rs->burst);
	unsigned long flags;
	int suppressed = 0;
	bool ok;

	if (!interval)
		return true;
	local_irq_save(flags);
	if (!spin_trylock(&rs->lock)) {
		local_irq_restore(flags);
		return false;
	}
	if (!rs->begin)
		rs->begin = jiffies;
	if (ratelimit_window_passed(rs, interval)) {
		suppressed = rs->missed;
		rs->missed = 0;
		rs->printed = 0;
		rs->begin = jiffies;
	}
	ok = burst > rs->printed;
	if (ok)
		rs->printed++;
	else
		rs->missed++;
	spin_unlock_irqrestore(&rs->lock, flags);
	if (suppressed)
		pr_warn("%s: %d callbacks suppressed\n", func, suppressed);
	return ok;
}

void ratelimit_state_reset_interval(struct ratelimit_state *rs, int interval_init)
{
	unsigned long flags;

	spin_lock_irqsave(&rs->lock, flags);
	rs->interval = interval_init;
	rs->begin = 0;
	rs->printed = 0;
	rs->missed = 0;
	spin_unlock_irqrestore(&rs->lock, flags);
}
