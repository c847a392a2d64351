// SPDX-License-Identifier: GPL-2.0
/*
 * Requeueing (Linux's kernel/futex/requeue.c without its PI half):
 * FUTEX_REQUEUE and FUTEX_CMP_REQUEUE wake up to nr_wake waiters of the
 * first futex and move up to nr_requeue more to the second, without
 * waking them (a condition variable's broadcast moves its waiters onto
 * the mutex instead of waking them all to fight for it).
 *
 * Both buckets are locked (double_lock_hb()) for the whole move, so a
 * moved waiter is on exactly one chain at every moment; its lock_ptr
 * changes under both locks, which futex_unqueue() allows for. For
 * CMP_REQUEUE the first word is read under the locks (no page faults
 * there: on -EFAULT unlock, fault in, retry), so no waker can slip
 * between the comparison and the move. The PI requeue operations
 * (FUTEX_WAIT_REQUEUE_PI, FUTEX_CMP_REQUEUE_PI) are not built: -ENOSYS.
 */
#include <linux/futex.h>
#include <linux/errno.h>
#include <asm/uaccess.h>
#include "futex.h"

int futex_requeue(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2,
		  int nr_wake, int nr_requeue, u32 *cmpval)
{
	struct futex_hash_bucket *hb1, *hb2;
	union futex_key key1, key2;
	struct futex_q *this, *next;
	int task_count = 0, ret;
	u32 curval;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
retry:
	ret = get_futex_key(uaddr1, flags, &key1, FUTEX_READ);
	if (unlikely(ret))
		return ret;
	ret = get_futex_key(uaddr2, flags, &key2, FUTEX_READ);
	if (unlikely(ret))
		return ret;
	hb1 = futex_hash(&key1);
	hb2 = futex_hash(&key2);
	/* Count as a waiter of hb2 while locked: a waker of key2 must take the lock. */
	atomic_inc(&hb2->waiters);
	smp_mb();
	double_lock_hb(hb1, hb2);
	if (cmpval) {
		ret = futex_get_value_locked(&curval, uaddr1);
		if (unlikely(ret)) {
			double_unlock_hb(hb1, hb2);
			atomic_dec(&hb2->waiters);
			ret = get_user(curval, uaddr1);
			if (ret)
				return ret;
			goto retry;
		}
		if (curval != *cmpval) {
			ret = -EAGAIN;
			goto out_unlock;
		}
	}
	list_for_each_entry_safe(this, next, &hb1->chain, list) {
		if (task_count - nr_wake >= nr_requeue)
			break;
		if (!futex_match(&this->key, &key1))
			continue;
		if (++task_count <= nr_wake)
			futex_wake_mark(this);
		else
			requeue_futex(this, hb1, hb2, &key2);
	}
	ret = task_count;
out_unlock:
	double_unlock_hb(hb1, hb2);
	atomic_dec(&hb2->waiters);
	return ret;
}
