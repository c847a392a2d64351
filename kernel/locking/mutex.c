// SPDX-License-Identifier: GPL-2.0
/*
 * Mutexes (include/linux/mutex.h). A waiter tests the owner and sets its
 * sleeping state under wait_lock; mutex_unlock() frees the owner before it
 * takes wait_lock to wake the first waiter, so a waiter that saw the
 * mutex taken is always woken after it. A woken waiter competes again (no
 * handoff): the mutex is not fair, as Linux's is not.
 */
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/preempt.h>
#include <linux/atomic.h>
#include <linux/bug.h>

struct mutex_waiter {
	struct list_head list;
	struct task_struct *task;
};

void __mutex_init(struct mutex *lock, const char *name, const struct lock_class_key *key)
{
	lock->owner = 0;
	spin_lock_init(&lock->wait_lock);
	INIT_LIST_HEAD(&lock->wait_list);
	lock->dep_map.key = key;
	lock->dep_map.name = name;
}

static bool __mutex_trylock(struct mutex *lock)
{
	unsigned long none = 0;

	return try_cmpxchg(&lock->owner, &none, (unsigned long)current);
}

static void mutex_lock_slowpath(struct mutex *lock)
{
	struct mutex_waiter waiter = { .task = current };

	spin_lock(&lock->wait_lock);
	list_add_tail(&waiter.list, &lock->wait_list);
	for (;;) {
		if (__mutex_trylock(lock))
			break;
		set_current_state(TASK_UNINTERRUPTIBLE);
		spin_unlock(&lock->wait_lock);
		schedule();
		spin_lock(&lock->wait_lock);
	}
	list_del(&waiter.list);
	__set_current_state(TASK_RUNNING);
	spin_unlock(&lock->wait_lock);
}

void mutex_lock_nested(struct mutex *lock, unsigned int subclass)
{
	might_sleep();
	if (unlikely(lockdep_enabled))
		__lock_acquire(&lock->dep_map, subclass, false, _THIS_IP_);
	if (!__mutex_trylock(lock))
		mutex_lock_slowpath(lock);
}

void mutex_lock(struct mutex *lock)
{
	mutex_lock_nested(lock, 0);
}

bool mutex_trylock(struct mutex *lock)
{
	if (!__mutex_trylock(lock))
		return false;
	if (unlikely(lockdep_enabled))
		lock_acquire(&lock->dep_map, true, _THIS_IP_);
	return true;
}

void mutex_unlock(struct mutex *lock)
{
	struct mutex_waiter *first;

	WARN_ON_ONCE(READ_ONCE(lock->owner) != (unsigned long)current);
	if (unlikely(lockdep_tracking))
		lock_release(&lock->dep_map, _THIS_IP_);
	__atomic_store_n(&lock->owner, 0, __ATOMIC_RELEASE);
	spin_lock(&lock->wait_lock);
	first = list_first_entry_or_null(&lock->wait_list, struct mutex_waiter, list);
	if (first)
		wake_up_process(first->task);
	spin_unlock(&lock->wait_lock);
}
