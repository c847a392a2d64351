/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Completions (kernel/sched/completion.c): one task waits until another
 * says something is done. complete() lets one waiter through (or one
 * later wait), complete_all() every present and future waiter.
 */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

#include <linux/wait.h>

struct completion {
	unsigned int done;	/* UINT_MAX after complete_all() */
	struct wait_queue_head wait;
};

#define init_completion(x) do {					\
	(x)->done = 0;							\
	init_waitqueue_head(&(x)->wait);				\
} while (0)

void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
/* Return: 0 on timeout, else the jiffies left (at least 1). */
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);

#endif /* _LINUX_COMPLETION_H */
