// SPDX-License-Identifier: GPL-2.0
/*
 * Interval timers (Linux's kernel/time/itimer.c): alarm(), setitimer()
 * and getitimer() for ITIMER_REAL, which sends SIGALRM to the process when
 * its value runs out on the wall clock and then every interval.
 *
 *   signal_struct: itimer_lock
 *                  real_timer   a timer_list (kernel/time/timer.c) due at
 *                               the next expiry, in jiffies
 *                  it_real_incr the interval in ns, as set (0: one shot)
 *                  it_real_pid  the process to signal
 *
 * Values are rounded up to whole ticks (Linux's hrtimer would be finer);
 * the interval is kept as given, so getitimer() answers it unchanged, and
 * each re-arm is one rounded-up interval after the expiry that ran. A
 * running timer reports at least 1 microsecond left, as Linux's. The
 * timer's function (the tick interrupt) sends the signal, then re-arms
 * under itimer_lock; setitimer() stops it with try_to_del_timer_sync()
 * under the same lock, retrying while the function runs (it takes the
 * lock to re-arm).
 *
 * ITIMER_VIRTUAL and ITIMER_PROF (process CPU time) are not built: both
 * are -EINVAL, as an unknown timer is.
 *
 * Values: tv_sec >= 0 and 0 <= tv_usec < 1000000, else -EINVAL; a NULL
 * new value disarms, as Linux 6.1 still allows.
 */
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/time.h>
#include <linux/jiffies.h>
#include <linux/timer.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <asm/signal.h>
#include <asm/processor.h>
#include <asm/uaccess.h>

#define ITIMER_REAL	0
#define ITIMER_VIRTUAL	1
#define ITIMER_PROF	2

struct __kernel_old_itimerval {
	struct __kernel_old_timeval it_interval;	/* the period, 0: one shot */
	struct __kernel_old_timeval it_value;		/* until the next expiry, 0: off */
};

static unsigned long ns_to_jiffies_up(u64 ns)
{
	return DIV_ROUND_UP(ns, TICK_NSEC);
}

static struct __kernel_old_timeval ns_to_old_timeval(u64 ns)
{
	return (struct __kernel_old_timeval){
		.tv_sec = ns / NSEC_PER_SEC,
		.tv_usec = ns % NSEC_PER_SEC / NSEC_PER_USEC,
	};
}

/* A struct timeval as ns; -EINVAL outside Linux's bounds. */
static int old_timeval_to_ns(const struct __kernel_old_timeval *tv, u64 *ns)
{
	if (tv->tv_sec < 0 || tv->tv_usec < 0 || tv->tv_usec >= USEC_PER_SEC)
		return -EINVAL;
	*ns = (u64)tv->tv_sec * NSEC_PER_SEC + (u64)tv->tv_usec * NSEC_PER_USEC;
	return 0;
}

/* real_timer ran out: SIGALRM, and the next period. Context: the tick. */
static void it_real_fn(struct timer_list *t)
{
	struct signal_struct *sig = from_timer(sig, t, real_timer);
	struct task_struct *p;
	unsigned long flags;

	read_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_vpid(sig->it_real_pid);
	if (p)
		send_sig(SIGALRM, p, 1);
	read_unlock_irqrestore(&tasklist_lock, flags);
	spin_lock_irqsave(&sig->itimer_lock, flags);
	if (sig->it_real_incr) {
		t->expires += ns_to_jiffies_up(sig->it_real_incr);
		add_timer(t);
	}
	spin_unlock_irqrestore(&sig->itimer_lock, flags);
}

void init_itimers(struct signal_struct *sig)
{
	spin_lock_init(&sig->itimer_lock);
	timer_setup(&sig->real_timer, it_real_fn, 0);
	sig->it_real_incr = 0;
}

/* ITIMER_REAL's value now; itimer_lock held. */
static void get_real_itimer(struct signal_struct *sig, struct __kernel_old_itimerval *value)
{
	u64 left = 0;

	if (timer_pending(&sig->real_timer)) {
		long ticks = (long)(sig->real_timer.expires - jiffies);

		left = ticks > 0 ? (u64)ticks * TICK_NSEC : NSEC_PER_USEC;
	}
	value->it_value = ns_to_old_timeval(left);
	value->it_interval = ns_to_old_timeval(sig->it_real_incr);
}

/*
 * Stop real_timer (its function may be running: it re-arms under the
 * lock), its value first read into @ovalue if not NULL. Returns with
 * itimer_lock held.
 */
static void lock_and_stop_real_timer(struct signal_struct *sig, unsigned long *flags,
				     struct __kernel_old_itimerval *ovalue)
{
	for (;;) {
		spin_lock_irqsave(&sig->itimer_lock, *flags);
		if (ovalue)
			get_real_itimer(sig, ovalue);
		if (try_to_del_timer_sync(&sig->real_timer) >= 0)
			return;
		spin_unlock_irqrestore(&sig->itimer_lock, *flags);
		cpu_relax();
	}
}

void exit_itimers(struct signal_struct *sig)
{
	unsigned long flags;

	lock_and_stop_real_timer(sig, &flags, NULL);
	sig->it_real_incr = 0;
	spin_unlock_irqrestore(&sig->itimer_lock, flags);
}

/* Linux's do_setitimer() for ITIMER_REAL; @ovalue may be NULL. */
static int do_setitimer(int which, const struct __kernel_old_itimerval *value,
			struct __kernel_old_itimerval *ovalue)
{
	struct signal_struct *sig = current->signal;
	u64 expires, incr;
	unsigned long flags;

	if (which != ITIMER_REAL)
		return -EINVAL;
	if (old_timeval_to_ns(&value->it_value, &expires) ||
	    old_timeval_to_ns(&value->it_interval, &incr))
		return -EINVAL;
	lock_and_stop_real_timer(sig, &flags, ovalue);
	sig->it_real_incr = expires ? incr : 0;
	if (expires) {
		sig->it_real_pid = current->pid;
		sig->real_timer.expires = jiffies + ns_to_jiffies_up(expires);
		add_timer(&sig->real_timer);
	}
	spin_unlock_irqrestore(&sig->itimer_lock, flags);
	return 0;
}

static int do_getitimer(int which, struct __kernel_old_itimerval *value)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;

	if (which != ITIMER_REAL)
		return -EINVAL;
	spin_lock_irqsave(&sig->itimer_lock, flags);
	get_real_itimer(sig, value);
	spin_unlock_irqrestore(&sig->itimer_lock, flags);
	return 0;
}

SYSCALL_DEFINE2(getitimer, int, which, struct __kernel_old_itimerval __user *, value)
{
	struct __kernel_old_itimerval get_buffer;
	int error = do_getitimer(which, &get_buffer);

	if (!error && copy_to_user(value, &get_buffer, sizeof(get_buffer)))
		error = -EFAULT;
	return error;
}

SYSCALL_DEFINE3(setitimer, int, which, struct __kernel_old_itimerval __user *, value,
		struct __kernel_old_itimerval __user *, ovalue)
{
	struct __kernel_old_itimerval set_buffer = {}, get_buffer;
	int error;

	if (value && copy_from_user(&set_buffer, value, sizeof(set_buffer)))
		return -EFAULT;
	error = do_setitimer(which, &set_buffer, ovalue ? &get_buffer : NULL);
	if (error || !ovalue)
		return error;
	return copy_to_user(ovalue, &get_buffer, sizeof(get_buffer)) ? -EFAULT : 0;
}

/* alarm(): seconds; the old value's seconds, rounded to nearest, at least 1 if any is left. */
SYSCALL_DEFINE1(alarm, unsigned int, seconds)
{
	struct __kernel_old_itimerval it_new = { .it_value.tv_sec = seconds }, it_old;
	unsigned int oldalarm;

	do_setitimer(ITIMER_REAL, &it_new, &it_old);
	oldalarm = it_old.it_value.tv_sec;
	if ((!oldalarm && it_old.it_value.tv_usec) || it_old.it_value.tv_usec >= 500000)
		oldalarm++;
	return oldalarm;
}
