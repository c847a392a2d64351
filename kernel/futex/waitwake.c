// SPDX-License-Identifier: GPL-2.0
/*
 * Waiting and waking (Linux's kernel/futex/waitwake.c): FUTEX_WAIT,
 * FUTEX_WAIT_BITSET, FUTEX_WAKE, FUTEX_WAKE_BITSET and FUTEX_WAKE_OP.
 *
 * futex_wait(): key; count in and lock the bucket; read the word (no
 * page faults under the lock: on -EFAULT unlock, fault it in, retry);
 * -EAGAIN if it is not the expected value; else queue and sleep,
 * TASK_INTERRUPTIBLE, until a waker unqueues it (lock_ptr NULL) or the
 * timeout passes. Why no wake-up can be lost: core.c's top.
 *
 * futex_wake(): key; no waiters counted in the bucket: return 0 without
 * the lock (the common unlock of an uncontended mutex); else wake up to
 * nr_wake queued waiters of the key whose bitset meets the wake's, oldest
 * first.
 *
 * Timeouts are absolute times in ns on CLOCK_MONOTONIC (ktime_get()) or,
 * with FLAGS_CLOCKRT, CLOCK_REALTIME (ktime_get_real_ns()). The waiter
 * sleeps in schedule_timeout() (the timer list of kernel/time/timer.c)
 * for the time left rounded up to ticks plus one, as nanosleep does, and
 * reads the clock again when it wakes, so a wait never ends early.
 *
 * Signals: the waiter sleeps TASK_INTERRUPTIBLE, and a signal ends the
 * wait (schedule() does not sleep while one is pending, so one sent
 * between the queueing and the sleep is not missed). Without a timeout
 * the call answers -ERESTARTSYS, as Linux's: restarted after a handler
 * with SA_RESTART, else -EINTR. With one Linux answers
 * -ERESTART_RESTARTBLOCK and restarts through restart_syscall() with the
 * absolute time kept; here it is -ERESTARTNOHAND: -EINTR after a handler
 * as in Linux, and without one (a stop and continue) the call is made
 * again with its own arguments, which for FUTEX_WAIT_BITSET's absolute
 * time is the same thing, and for FUTEX_WAIT's relative one waits the
 * whole span again.
 */
#include <linux/futex.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/timekeeping.h>
#include <linux/time.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <asm/uaccess.h>
#include <asm/futex.h>
#include "futex.h"

/* ---- waking ------------------------------------------------------------------- */

/*
 * Wake up to @nr_wake (at least one) waiters of @key in @hb whose bitset
 * meets @bitset. The bucket's lock held. Return: how many were woken.
 */
static int futex_wake_matching(struct futex_hash_bucket *hb, const union futex_key *key,
			       int nr_wake, u32 bitset)
{
	struct futex_q *this, *next;
	int woken = 0;

	list_for_each_entry_safe(this, next, &hb->chain, list) {
		if (!futex_match(&this->key, key) || !(this->bitset & bitset))
			continue;
		futex_wake_mark(this);
		if (++woken >= nr_wake)
			break;
	}
	return woken;
}

int futex_wake(u32 __user *uaddr, unsigned int flags, int nr_wake, u32 bitset)
{
	struct futex_hash_bucket *hb;
	union futex_key key;
	int ret;

	if (!bitset)
		return -EINVAL;
	ret = get_futex_key(uaddr, flags, &key, FUTEX_READ);
	if (unlikely(ret))
		return ret;
	hb = futex_hash(&key);
	if (!futex_hb_waiters_pending(hb))
		return 0;
	spin_lock(&hb->lock);
	ret = futex_wake_matching(hb, &key, nr_wake, bitset);
	spin_unlock(&hb->lock);
	return ret;
}

/*
 * FUTEX_WAKE_OP's update of @uaddr: atomically *@uaddr = oldval OP oparg.
 * A bucket lock held: a missing page gives -EFAULT (see core.c's top).
 * Return: the comparison of oldval (1 or 0), -ENOSYS (a bad op or cmp;
 * a bad cmp after the update, as Linux's), or -EFAULT.
 */
static int futex_atomic_op_inuser(u32 encoded_op, u32 __user *uaddr)
{
	struct futex_op fop;
	u32 oldval, cur;
	int ret = futex_op_decode(encoded_op, &fop);

	if (ret)
		return ret;
	ret = futex_get_value_locked(&oldval, uaddr);
	while (!ret) {
		ret = futex_atomic_cmpxchg_inatomic(&cur, uaddr, oldval,
						    futex_op_apply(&fop, oldval));
		if (!ret && cur == oldval)
			return futex_op_cmp(&fop, oldval);
		oldval = cur;
	}
	return ret;
}

int futex_wake_op(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2,
		  int nr_wake, int nr_wake2, u32 op)
{
	struct futex_hash_bucket *hb1, *hb2;
	union futex_key key1, key2;
	int ret, op_ret;

retry:
	ret = get_futex_key(uaddr1, flags, &key1, FUTEX_READ);
	if (unlikely(ret))
		return ret;
	ret = get_futex_key(uaddr2, flags, &key2, FUTEX_WRITE);
	if (unlikely(ret))
		return ret;
	hb1 = futex_hash(&key1);
	hb2 = futex_hash(&key2);
	double_lock_hb(hb1, hb2);
	op_ret = futex_atomic_op_inuser(op, uaddr2);
	if (unlikely(op_ret < 0)) {
		double_unlock_hb(hb1, hb2);
		if (op_ret != -EFAULT)
			return op_ret;
		ret = fault_in_user_writeable(uaddr2);
		if (ret)
			return ret;
		goto retry;
	}
	ret = futex_wake_matching(hb1, &key1, nr_wake, FUTEX_BITSET_MATCH_ANY);
	if (op_ret > 0)
		ret += futex_wake_matching(hb2, &key2, nr_wake2, FUTEX_BITSET_MATCH_ANY);
	double_unlock_hb(hb1, hb2);
	return ret;
}

/* ---- waiting ------------------------------------------------------------------ */

/* The time now on the timeout's clock, in ns. */
static s64 futex_clock_now(unsigned int flags)
{
	return flags & FLAGS_CLOCKRT ? (s64)ktime_get_real_ns() : (s64)ktime_get();
}

/* Has @abs_time (none: NULL) passed on the clock of @flags? */
static bool futex_timed_out(unsigned int flags, const s64 *abs_time)
{
	return abs_time && futex_clock_now(flags) >= *abs_time;
}

/*
 * Queue @q (futex_q_lock() held @hb) and sleep until a waker takes it off
 * (lock_ptr NULL), @abs_time passes on the clock of @flags, or a signal
 * comes. The state is set before the queueing, so a wake between the
 * unlock and schedule() only makes schedule() return at once.
 */
static void futex_wait_queue(struct futex_hash_bucket *hb, struct futex_q *q,
			     unsigned int flags, const s64 *abs_time)
{
	set_current_state(TASK_INTERRUPTIBLE);
	futex_queue(q, hb);
	while (smp_load_acquire(&q->lock_ptr)) {
		if (!abs_time) {
			schedule();
		} else {
			s64 left = *abs_time - futex_clock_now(flags);

			if (left <= 0)
				break;
			schedule_timeout(min_t(u64, DIV_ROUND_UP((u64)left, TICK_NSEC) + 1,
					       MAX_SCHEDULE_TIMEOUT - 1));
		}
		if (signal_pending(current))
			break;
		set_current_state(TASK_INTERRUPTIBLE);
	}
	__set_current_state(TASK_RUNNING);
}

/*
 * Read the word and queue on it if it still holds @val: on return 0
 * futex_q_lock() holds *@hb and @q is ready to queue. Return: 0, -EAGAIN
 * (another value), or an error of the key or the read (nothing held).
 */
static int futex_wait_setup(u32 __user *uaddr, u32 val, unsigned int flags, struct futex_q *q,
			    struct futex_hash_bucket **hb)
{
	u32 uval;
	int ret;

	for (;;) {
		ret = get_futex_key(uaddr, flags, &q->key, FUTEX_READ);
		if (unlikely(ret))
			return ret;
		*hb = futex_q_lock(q);
		ret = futex_get_value_locked(&uval, uaddr);
		if (likely(!ret))
			break;
		futex_q_unlock(*hb);
		ret = get_user(uval, uaddr);	/* faults the page in */
		if (ret)
			return ret;
	}
	if (uval != val) {
		futex_q_unlock(*hb);
		return -EAGAIN;
	}
	return 0;
}

int futex_wait(u32 __user *uaddr, unsigned int flags, u32 val, s64 *abs_time, u32 bitset)
{
	struct futex_hash_bucket *hb;
	struct futex_q q = { .bitset = bitset };
	int ret;

	if (!bitset)
		return -EINVAL;
	ret = futex_wait_setup(uaddr, val, flags, &q, &hb);
	if (ret)
		return ret;
	futex_wait_queue(hb, &q, flags, abs_time);
	if (!futex_unqueue(&q))
		return 0;	/* woken */
	/* Still queued: the time passed, or a signal came (see the top). */
	if (futex_timed_out(flags, abs_time))
		return -ETIMEDOUT;
	return abs_time ? -ERESTARTNOHAND : -ERESTARTSYS;
}
