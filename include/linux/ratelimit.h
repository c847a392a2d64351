/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Rate limiting of reports (kernel/ratelimit.c), Linux's interface: a
 * struct ratelimit_state lets @burst callers through per window of
 * @interval jiffies and counts the rest; the first caller let through in
 * a new window prints "FUNC: N callbacks suppressed" for the window before.
 *
 *   static DEFINE_RATELIMIT_STATE(rs, DEFAULT_RATELIMIT_INTERVAL,
 *                                 DEFAULT_RATELIMIT_BURST);
 *
 *   if (__ratelimit(&rs))
 *           pr_warn("...");
 *
 * An interval of 0 lets every call through; a burst of 0 none.
 */
#ifndef _LINUX_RATELIMIT_H
#define _LINUX_RATELIMIT_H

#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/sched.h>

#define DEFAULT_RATELIMIT_INTERVAL	(5 * HZ)
#define DEFAULT_RATELIMIT_BURST		10

/* Every field but the parameters is protected by ->lock. */
struct ratelimit_state {
	raw_spinlock_t lock;
	int interval;		/* jiffies a window lasts; 0: no limit */
	int burst;		/* calls let through per window */
	int printed;		/* let through in this window */
	int missed;		/* refused since the last "suppressed" line */
	unsigned long begin;	/* jiffies the window began; 0: at the next call */
};

#define RATELIMIT_STATE_INIT(name, interval_init, burst_init) {		\
	.lock = __SPIN_LOCK_UNLOCKED(name.lock),				\
	.interval = interval_init,						\
	.burst = burst_init,							\
}

#define DEFINE_RATELIMIT_STATE(name, interval_init, burst_init)		\
	struct ratelimit_state name = RATELIMIT_STATE_INIT(name, interval_init, burst_init)

/**
 * ratelimit_state_init - set up a ratelimit_state at run time
 * @rs: the state, not in use by anyone
 * @interval: window length in jiffies (0: no limit)
 * @burst: calls let through per window
 */
static inline void ratelimit_state_init(struct ratelimit_state *rs, int interval, int burst)
{
	*rs = (struct ratelimit_state){ .interval = interval, .burst = burst };
	raw_spin_lock_init(&rs->lock);
}

/**
 * ratelimit_state_reset_interval - start a new window, forgetting the count
 * @rs: the state, possibly in use
 * @interval_init: the window length from now on
 *
 * The calls refused so far are dropped without a "suppressed" line. For
 * tests that must see the next report. Context: takes @rs->lock with
 * interrupts off.
 */
void ratelimit_state_reset_interval(struct ratelimit_state *rs, int interval_init);

/**
 * ___ratelimit - may the caller go ahead?
 * @rs: the state to consult and count in
 * @func: the caller's name, for the "suppressed" line
 *
 * Return: true for the first @rs->burst calls of each window, false for
 * the others and when another CPU holds @rs->lock (a caller that contends
 * is busy enough to stay quiet). Context: any; takes @rs->lock with
 * interrupts off, and prints with it dropped.
 */
bool ___ratelimit(struct ratelimit_state *rs, const char *func);
#define __ratelimit(state)	___ratelimit(state, __func__)

#endif /* _LINUX_RATELIMIT_H */
