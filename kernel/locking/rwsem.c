// SPDX-License-Identifier: GPL-2.0
/*
 * Reader-writer semaphores (include/linux/rwsem.h, where the count word
 * is drawn). Fast paths are one cmpxchg on count; the slow path queues a
 * struct rwsem_waiter on the sleeper's stack and sleeps until it is
 * granted the lock.
 *
 * Granting (rwsem_grant(), wait_lock held) is a handoff: the grantor sets
 * the waiter's share in count itself, unlinks the waiter and marks it
 * granted, so a woken task never competes again and the queue's order is
 * the order of entry. The head writer is granted when no one holds the
 * lock; the run of readers at the head when no writer does (readers
 * already inside may stay: they share).
 *
 * Lost wake-ups: RWSEM_FLAG_WAITERS is set under wait_lock after the
 * waiter is queued, and the waiter then calls rwsem_grant() itself. A
 * releaser either saw the flag (it takes wait_lock after the waiter let
 * it go, and grants), or released before the flag was set, and the
 * waiter's own rwsem_grant() finds the lock free.
 *
 * A granted waiter may return and its task exit at once: the grantor
 * holds a task reference across wake_up_process().
 *
 * Lock order: wait_lock is innermost (the run-queue locks inside it, via
 * wake_up_process()).
 */
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/preempt.h>
#include <linux/atomic.h>
#include <linux/bug.h>
#include <asm/barrier.h>

enum rwsem_waiter_type {
	RWSEM_WAITING_FOR_WRITE,
	RWSEM_WAITING_FOR_READ,
};

struct rwsem_waiter {
	struct list_head list;		/* on sem->wait_list */
	struct task_struct *task;
	enum rwsem_waiter_type type;
	bool granted;			/* set by the grantor, then woken */
};

void __init_rwsem(struct rw_semaphore *sem, const char *name,
		  const struct lock_class_key *key)
{
	sem->count = 0;
	sem->owner = NULL;
	spin_lock_init(&sem->wait_lock);
	INIT_LIST_HEAD(&sem->wait_list);
	sem->dep_map.key = key;
	sem->dep_map.name = name;
}

static bool rwsem_read_trylock(struct rw_semaphore *sem)
{
	unsigned long c = READ_ONCE(sem->count);

	do {
		if (c & (RWSEM_WRITER_LOCKED | RWSEM_FLAG_WAITERS))
			return false;
	} while (!try_cmpxchg(&sem->count, &c, c + RWSEM_READER_BIAS));
	return true;
}

static bool rwsem_write_trylock(struct rw_semaphore *sem)
{
	unsigned long none = 0;

	if (!try_cmpxchg(&sem->count, &none, RWSEM_WRITER_LOCKED))
		return false;
	WRITE_ONCE(sem->owner, current);
	return true;
}

/* Add @add to count unless a holder in @busy_mask is there. Return: whether it did. */
static bool rwsem_count_add_unless(struct rw_semaphore *sem, unsigned long busy_mask,
				   unsigned long add)
{
	unsigned long c = READ_ONCE(sem->count);

	do {
		if (c & busy_mask)
			return false;
	} while (!try_cmpxchg(&sem->count, &c, c + add));
	return true;
}

static void rwsem_wake_waiter(struct rwsem_waiter *waiter)
{
	struct task_struct *task = waiter->task;

	list_del(&waiter->list);
	get_task_struct(task);
	smp_store_release(&waiter->granted, true);
	wake_up_process(task);
	put_task_struct(task);
}

/* The number of readers queued at the head of the list, before any writer. */
static unsigned long rwsem_head_readers(struct rw_semaphore *sem)
{
	struct rwsem_waiter *waiter;
	unsigned long n = 0;

	list_for_each_entry(waiter, &sem->wait_list, list) {
		if (waiter->type != RWSEM_WAITING_FOR_READ)
			break;
		n++;
	}
	return n;
}

/* Hand the lock to the head of the queue if it can have it. wait_lock held. */
static void rwsem_grant(struct rw_semaphore *sem)
{
	struct rwsem_waiter *head;
	unsigned long readers;

	head = list_first_entry_or_null(&sem->wait_list, struct rwsem_waiter, list);
	if (!head)
		return;
	if (head->type == RWSEM_WAITING_FOR_WRITE) {
		if (!rwsem_count_add_unless(sem, RWSEM_WRITER_LOCKED | RWSEM_READER_MASK,
					    RWSEM_WRITER_LOCKED))
			return;
		WRITE_ONCE(sem->owner, head->task);
		rwsem_wake_waiter(head);
	} else {
		readers = rwsem_head_readers(sem);
		if (!rwsem_count_add_unless(sem, RWSEM_WRITER_LOCKED,
					    readers * RWSEM_READER_BIAS))
			return;
		while (readers--)
			rwsem_wake_waiter(list_first_entry(&sem->wait_list,
							   struct rwsem_waiter, list));
	}
	if (list_empty(&sem->wait_list))
		__atomic_fetch_and(&sem->count, ~RWSEM_FLAG_WAITERS, __ATOMIC_SEQ_CST);
}

/* Queue as @type and sleep until granted. */
static void rwsem_down_slowpath(struct rw_semaphore *sem, enum rwsem_waiter_type type)
{
	struct rwsem_waiter waiter = { .task = current, .type = type };

	spin_lock(&sem->wait_lock);
	list_add_tail(&waiter.list, &sem->wait_list);
	__atomic_fetch_or(&sem->count, RWSEM_FLAG_WAITERS, __ATOMIC_SEQ_CST);
	rwsem_grant(sem);
	spin_unlock(&sem->wait_lock);

	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (smp_load_acquire(&waiter.granted))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

/* Grant the lock to waiters after a release that left @count. */
static void rwsem_wake(struct rw_semaphore *sem, unsigned long count)
{
	if (!(count & RWSEM_FLAG_WAITERS))
		return;
	spin_lock(&sem->wait_lock);
	rwsem_grant(sem);
	spin_unlock(&sem->wait_lock);
}

void down_read(struct rw_semaphore *sem)
{
	might_sleep();
	if (unlikely(lockdep_enabled))
		lock_acquire(&sem->dep_map, false, _THIS_IP_);
	if (!rwsem_read_trylock(sem))
		rwsem_down_slowpath(sem, RWSEM_WAITING_FOR_READ);
}

int down_read_killable(struct rw_semaphore *sem)
{
	down_read(sem);
	return 0;
}

bool down_read_trylock(struct rw_semaphore *sem)
{
	if (!rwsem_read_trylock(sem))
		return false;
	if (unlikely(lockdep_enabled))
		lock_acquire(&sem->dep_map, true, _THIS_IP_);
	return true;
}

void up_read(struct rw_semaphore *sem)
{
	unsigned long c;

	if (unlikely(lockdep_tracking))
		lock_release(&sem->dep_map, _THIS_IP_);
	c = __atomic_sub_fetch(&sem->count, RWSEM_READER_BIAS, __ATOMIC_RELEASE);
	WARN_ON_ONCE((c & RWSEM_READER_MASK) == RWSEM_READER_MASK);	/* no reader held it */
	if (!(c & RWSEM_READER_MASK))
		rwsem_wake(sem, c);
}

void down_write(struct rw_semaphore *sem)
{
	might_sleep();
	if (unlikely(lockdep_enabled))
		lock_acquire(&sem->dep_map, false, _THIS_IP_);
	if (!rwsem_write_trylock(sem))
		rwsem_down_slowpath(sem, RWSEM_WAITING_FOR_WRITE);
}

void down_write_nested(struct rw_semaphore *sem, int subclass)
{
	might_sleep();
	if (unlikely(lockdep_enabled))
		__lock_acquire(&sem->dep_map, subclass, false, _THIS_IP_);
	if (!rwsem_write_trylock(sem))
		rwsem_down_slowpath(sem, RWSEM_WAITING_FOR_WRITE);
}

int down_write_killable(struct rw_semaphore *sem)
{
	down_write(sem);
	return 0;
}

bool down_write_trylock(struct rw_semaphore *sem)
{
	if (!rwsem_write_trylock(sem))
		return false;
	if (unlikely(lockdep_enabled))
		lock_acquire(&sem->dep_map, true, _THIS_IP_);
	return true;
}

void up_write(struct rw_semaphore *sem)
{
	unsigned long c;

	WARN_ON_ONCE(READ_ONCE(sem->owner) != current);
	if (unlikely(lockdep_tracking))
		lock_release(&sem->dep_map, _THIS_IP_);
	WRITE_ONCE(sem->owner, NULL);
	c = __atomic_and_fetch(&sem->count, ~RWSEM_WRITER_LOCKED, __ATOMIC_RELEASE);
	rwsem_wake(sem, c);
}

void downgrade_write(struct rw_semaphore *sem)
{
	unsigned long c;

	WARN_ON_ONCE(READ_ONCE(sem->owner) != current);
	WRITE_ONCE(sem->owner, NULL);
	c = __atomic_add_fetch(&sem->count, RWSEM_READER_BIAS - RWSEM_WRITER_LOCKED,
			       __ATOMIC_RELEASE);
	rwsem_wake(sem, c);
}
