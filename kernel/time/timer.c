// SPDX-License-Identifier: GPL-2.0
/*
 * Timers and sleeping with a timeout (include/linux/timer.h, delay.h):
 * per-CPU lists of timer_lists, looked at every tick; schedule_timeout()
 * and msleep() on top of them.
 *
 *   timer_bases[cpu]: lock, timers -> timer_list -> timer_list ...
 *
 * A timer is on the list of the CPU that added it, unordered, and runs
 * there from the tick once jiffies has reached its expiry. Linux's timer
 * wheel buckets timers by expiry so that a tick looks at few of them;
 * the lists here hold only sleeping tasks' timeouts, so a tick walks
 * them whole.
 *
 * Locking: base->lock (interrupts off) guards its list, each timer's
 * entry and base->running_timer. A function runs with the lock dropped
 * (interrupts still off), marked as the base's running_timer, so it may
 * add timers, itself included (the interval timers re-arm so); del_timer()
 * waits while its timer runs, so its return means the function is not
 * running (a function must not delete its own timer: it would wait for
 * itself), and try_to_del_timer_sync() answers -1 instead of waiting.
 * Lock order: a base's lock before run-queue locks (add_timer() from a
 * wake-up path).
 */
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/delay.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/percpu.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <linux/preempt.h>

struct timer_base {
	spinlock_t lock;
	struct list_head timers;	/* pending timer_lists, any order */
	struct timer_list *running_timer;	/* whose function runs now, or NULL */
};

static DEFINE_PER_CPU(struct timer_base, timer_bases);

void init_timers(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct timer_base *base = per_cpu_ptr(&timer_bases, cpu);

		spin_lock_init(&base->lock);
		INIT_LIST_HEAD(&base->timers);
	}
}

void add_timer(struct timer_list *timer)
{
	struct timer_base *base;
	unsigned long flags;

	local_irq_save(flags);
	base = this_cpu_ptr(&timer_bases);
	spin_lock(&base->lock);
	timer->cpu = smp_processor_id();
	list_add_tail(&timer->entry, &base->timers);
	spin_unlock(&base->lock);
	local_irq_restore(flags);
}

int try_to_del_timer_sync(struct timer_list *timer)
{
	struct timer_base *base = per_cpu_ptr(&timer_bases, READ_ONCE(timer->cpu));
	unsigned long flags;
	int ret = -1;

	spin_lock_irqsave(&base->lock, flags);
	if (base->running_timer != timer) {
		ret = timer_pending(timer);
		if (ret)
			list_del_init(&timer->entry);
	}
	spin_unlock_irqrestore(&base->lock, flags);
	return ret;
}

int del_timer(struct timer_list *timer)
{
	int ret;

	while ((ret = try_to_del_timer_sync(timer)) < 0)
		cpu_relax();
	return ret;
}

/* The first timer of @base due at jiffies, or NULL. base->lock held. */
static struct timer_list *first_expired(struct timer_base *base)
{
	struct timer_list *t;

	list_for_each_entry(t, &base->timers, entry)
		if (!time_before(jiffies, t->expires))
			return t;
	return NULL;
}

void run_local_timers(void)
{
	struct timer_base *base = this_cpu_ptr(&timer_bases);
	struct timer_list *t;

	spin_lock(&base->lock);
	while ((t = first_expired(base))) {
		list_del_init(&t->entry);
		base->running_timer = t;
		spin_unlock(&base->lock);
		t->function(t);
		spin_lock(&base->lock);
		base->running_timer = NULL;
	}
	spin_unlock(&base->lock);
}

/* ---- sleeping ---------------------------------------------------------- */

struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	struct process_timer *timeout = from_timer(timeout, t, timer);

	wake_up_process(timeout->task);
}

long schedule_timeout(long timeout)
{
	struct process_timer timer;
	unsigned long expire;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout <= 0) {
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	expire = jiffies + (unsigned long)timeout;
	timer.task = current;
	timer_setup(&timer.timer, process_timeout, 0);
	timer.timer.expires = expire;
	/* Armed after the caller set its state: a timeout that fires at once still wakes it. */
	add_timer(&timer.timer);
	schedule();
	del_timer(&timer.timer);
	timeout = (long)(expire - jiffies);
	return timeout > 0 ? timeout : 0;
}

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

void msleep(unsigned int msecs)
{
	long timeout = (long)msecs_to_jiffies(msecs) + 1;

	might_sleep();
	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}
