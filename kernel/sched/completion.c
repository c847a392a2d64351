// SPDX-License-Identifier: GPL-2.0
/*
 * Completions (include/linux/completion.h) on a wait queue: done counts
 * the complete() calls not yet consumed by a waiter; complete_all() makes
 * it UINT_MAX, which no waiter consumes. Locking: x->wait.lock.
 */
#include <linux/completion.h>
#include <linux/sched.h>
#include <linux/kernel.h>

void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != UINT_MAX)
		x->done++;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	wake_up(&x->wait);
}

void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = UINT_MAX;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	wake_up(&x->wait);
}

/* Take one completion if there is one. */
static bool try_consume(struct completion *x)
{
	unsigned long flags;
	bool ok;

	spin_lock_irqsave(&x->wait.lock, flags);
	ok = x->done != 0;
	if (ok && x->done != UINT_MAX)
		x->done--;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ok;
}

void wait_for_completion(struct completion *x)
{
	wait_event(x->wait, try_consume(x));
}

unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout)
{
	return (unsigned long)wait_event_timeout(x->wait, try_consume(x), (long)timeout);
}
