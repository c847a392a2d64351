/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sleeping locks (kernel/locking/mutex.c), Linux's interface. The owner
 * field holds the owning task (0: free), taken with one cmpxchg when
 * uncontended; contenders queue on wait_list and sleep, and mutex_unlock()
 * wakes the first. Only the owner may unlock; a mutex may not be taken in
 * interrupt context or with a spinlock held (might_sleep()).
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/lockdep.h>

struct mutex {
	unsigned long owner;
	spinlock_t wait_lock;		/* wait_list */
	struct list_head wait_list;
	struct lockdep_map dep_map;
};

#define __MUTEX_INITIALIZER(name) {					\
	.owner = 0,							\
	.wait_lock = __SPIN_LOCK_UNLOCKED(name.wait_lock),		\
	.wait_list = LIST_HEAD_INIT(name.wait_list),			\
	.dep_map = STATIC_LOCKDEP_MAP_INIT(#name, (void *)&(name)) }
#define DEFINE_MUTEX(name)	struct mutex name = __MUTEX_INITIALIZER(name)

void __mutex_init(struct mutex *lock, const char *name, const struct lock_class_key *key);
#define mutex_init(lock) do {						\
	static struct lock_class_key __key;				\
	__mutex_init(lock, #lock, &__key);				\
} while (0)

void mutex_lock(struct mutex *lock);
/*
 * mutex_lock_nested - mutex_lock() of a lock whose class the caller
 * already holds another of, @subclass telling lockdep the order (as
 * Linux's; inode locks: parent before child).
 */
void mutex_lock_nested(struct mutex *lock, unsigned int subclass);
/* Return: true if taken. */
bool mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

static inline bool mutex_is_locked(const struct mutex *lock)
{
	return READ_ONCE(lock->owner) != 0;
}

#endif /* _LINUX_MUTEX_H */
