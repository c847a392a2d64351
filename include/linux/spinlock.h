/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spinlocks. A test-and-test-and-set lock on one byte: xchg to take it, a
 * plain load while spinning so waiters do not bounce the cache line. This is
 * the single-CPU-era lock every shared structure uses from day one; the SMP
 * work adds fairness and lock debugging behind the same names.
 *
 * spin_lock_irqsave() also disables interrupts, for data touched from
 * interrupt context. spin_trylock() is what code on the oops path uses, so
 * that reporting a crash that happened with a lock held cannot deadlock.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/irqflags.h>
#include <asm/processor.h>

typedef struct {
	volatile u8 locked;
} spinlock_t;

typedef spinlock_t raw_spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name)	{ .locked = 0 }
#define DEFINE_SPINLOCK(name)		spinlock_t name = __SPIN_LOCK_UNLOCKED(name)
#define DEFINE_RAW_SPINLOCK(name)	DEFINE_SPINLOCK(name)

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->locked = 0;
}

static inline bool spin_trylock(spinlock_t *lock)
{
	return __atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE) == 0;
}

static inline void spin_lock(spinlock_t *lock)
{
	while (!spin_trylock(lock))
		while (READ_ONCE(lock->locked))
			cpu_relax();
}

static inline void spin_unlock(spinlock_t *lock)
{
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

static inline bool spin_is_locked(spinlock_t *lock)
{
	return READ_ONCE(lock->locked);
}

#define spin_lock_irqsave(lock, flags) do {	\
	local_irq_save(flags);			\
	spin_lock(lock);			\
} while (0)

#define spin_unlock_irqrestore(lock, flags) do {	\
	spin_unlock(lock);				\
	local_irq_restore(flags);			\
} while (0)

#define raw_spin_lock		spin_lock
#define raw_spin_unlock		spin_unlock
#define raw_spin_lock_irqsave	spin_lock_irqsave
#define raw_spin_unlock_irqrestore spin_unlock_irqrestore

#endif /* _LINUX_SPINLOCK_H */
