/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Timers (kernel/time/timer.c): a function to run from the tick once
 * jiffies reaches an expiry time. Linux's timer_list interface, with one
 * list per CPU instead of the timer wheel: the lists hold only the
 * timeouts of sleeping tasks, a handful at a time.
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/kernel.h>

struct timer_list {
	struct list_head entry;		/* on its CPU's list while pending (base lock) */
	unsigned long expires;		/* in jiffies */
	void (*function)(struct timer_list *);
	unsigned int cpu;		/* whose list: the CPU that armed it */
};

#define from_timer(var, timer, field)	container_of(timer, typeof(*var), field)

/* timer_setup - prepare @timer to run @fn; @flags: none are supported (0). */
static inline void timer_setup(struct timer_list *timer, void (*fn)(struct timer_list *),
			       unsigned int flags)
{
	INIT_LIST_HEAD(&timer->entry);
	timer->function = fn;
	(void)flags;
}

/* Queued and not yet run. The caller must keep add_timer() and del_timer() apart. */
static inline bool timer_pending(const struct timer_list *timer)
{
	return !list_empty(&timer->entry);
}

/**
 * add_timer - start @timer: its function runs from the tick of this CPU
 * once jiffies reaches @timer->expires
 * @timer: set up with timer_setup(), not pending
 *
 * The function runs in interrupt context (interrupts off), without the
 * timer lock: it may add timers, @timer itself again, but not delete its
 * own. Context: any.
 */
void add_timer(struct timer_list *timer);

/**
 * del_timer - stop @timer if it is pending
 * @timer: a timer that was added, or only set up
 *
 * If the function is running it waits for it to end, so on return the
 * function is not running either: del_timer() is also Linux's
 * del_timer_sync(). A function that re-adds its timer may have done so
 * by then: its owner stops it from doing that first.
 *
 * Return: 1 if the timer was pending, 0 if it had run or never started.
 * Context: any.
 */
int del_timer(struct timer_list *timer);

/**
 * try_to_del_timer_sync - del_timer() that does not wait
 * @timer: as del_timer()'s
 *
 * Return: -1 if the function is running now (nothing done), else as
 * del_timer(). For callers that hold a lock the function takes.
 * Context: any.
 */
int try_to_del_timer_sync(struct timer_list *timer);

/* init_timers - empty every CPU's timer list. Context: boot, before the tick starts. */
void init_timers(void);

/* run_local_timers - run this CPU's expired timers. Context: the tick interrupt. */
void run_local_timers(void);

#endif /* _LINUX_TIMER_H */
