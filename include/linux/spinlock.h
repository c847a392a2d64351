/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spinlocks. A test-and-test-and-set lock on one byte: xchg to take it, a
 * plain load while spinning so waiters do not bounce the cache line.
 * Taking one disables preemption (preempt_count), so a holder is never
 * switched away; with lockdep=on every acquisition is checked
 * (include/linux/lockdep.h).
 *
 * spin_lock_irqsave() also disables interrupts, for data touched from
 * interrupt context; spin_lock_irqs_off() is for code already running with
 * them off, and leaves the preemption count alone. spin_trylock() is what code on the oops path uses, so
 * that reporting a crash that happened with a lock held cannot deadlock.
 *
 * rwlock_t: many readers or one writer, spinning; a writer waits for the
 * readers to leave and keeps new ones out while it waits (bit 31 of the
 * count), so writers are not starved.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/bug.h>
#include <linux/lockdep.h>
#include <linux/preempt.h>
#include <asm/irqflags.h>
#include <asm/processor.h>

typedef struct {
	volatile u8 locked;
	struct lockdep_map dep_map;
} spinlock_t;

typedef spinlock_t raw_spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name)						\
	{ .locked = 0, .dep_map = STATIC_LOCKDEP_MAP_INIT(#name, (void *)&(name)) }
#define DEFINE_SPINLOCK(name)		spinlock_t name = __SPIN_LOCK_UNLOCKED(name)
#define DEFINE_RAW_SPINLOCK(name)	DEFINE_SPINLOCK(name)

static inline void __spin_lock_init(spinlock_t *lock, const char *name,
				    const struct lock_class_key *key)
{
	lock->locked = 0;
	lock->dep_map.key = key;
	lock->dep_map.name = name;
}

#define spin_lock_init(lock) do {					\
	static struct lock_class_key __key;				\
	__spin_lock_init(lock, #lock, &__key);				\
} while (0)

static inline bool arch_spin_trylock(spinlock_t *lock)
{
	return __atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE) == 0;
}

static inline void arch_spin_lock(spinlock_t *lock)
{
	while (!arch_spin_trylock(lock))
		while (READ_ONCE(lock->locked))
			cpu_relax();
}

static inline void arch_spin_unlock(spinlock_t *lock)
{
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

#define _THIS_IP_	({ __label__ __here; __here: (unsigned long)&&__here; })

static __always_inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	spin_acquire(&lock->dep_map, 0, false, _THIS_IP_);
	arch_spin_lock(lock);
}

/*
 * spin_lock_nested - take @lock while a lock of its class is held: lockdep
 * treats it as @subclass of the class (SINGLE_DEPTH_NESTING for the second
 * of two), so the order between the two is checked like any other.
 */
static __always_inline void spin_lock_nested(spinlock_t *lock, unsigned int subclass)
{
	preempt_disable();
	spin_acquire(&lock->dep_map, subclass, false, _THIS_IP_);
	arch_spin_lock(lock);
}

static __always_inline bool spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (arch_spin_trylock(lock)) {
		if (unlikely(lockdep_enabled))
			lock_acquire(&lock->dep_map, true, _THIS_IP_);
		return true;
	}
	preempt_enable();
	return false;
}

static __always_inline void spin_unlock(spinlock_t *lock)
{
	spin_release(&lock->dep_map, _THIS_IP_);
	arch_spin_unlock(lock);
	preempt_enable();
}

/**
 * spin_lock_irqs_off - take @lock in code that already runs with interrupts off
 * @lock: the lock
 *
 * As spin_lock(), checked by lockdep, but without the preemption count:
 * with interrupts off nothing can preempt or migrate the holder, and the
 * page allocator's fast path (mm/page_alloc.c) counts every instruction.
 * Context: interrupts off (lockdep=on reports a caller with them on), until
 * the matching spin_unlock_irqs_off().
 */
static __always_inline void spin_lock_irqs_off(spinlock_t *lock)
{
	if (unlikely(lockdep_enabled)) {
		WARN_ON_ONCE(!irqs_disabled());
		lock_acquire(&lock->dep_map, false, _THIS_IP_);
	}
	arch_spin_lock(lock);
}

static __always_inline void spin_unlock_irqs_off(spinlock_t *lock)
{
	if (unlikely(lockdep_enabled))
		lock_release(&lock->dep_map, _THIS_IP_);
	arch_spin_unlock(lock);
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

/* With interrupts off, which the unlock turns on again: for callers that know they were on. */
#define spin_lock_irq(lock) do {		\
	local_irq_disable();			\
	spin_lock(lock);			\
} while (0)

#define spin_unlock_irq(lock) do {		\
	spin_unlock(lock);			\
	local_irq_enable();			\
} while (0)

/*
 * raw_spinlock_t is spinlock_t here (no PREEMPT_RT to tell them apart);
 * the names say what Linux would use.
 */
#define raw_spin_lock		spin_lock
#define raw_spin_lock_nested	spin_lock_nested
#define raw_spin_unlock		spin_unlock
#define raw_spin_lock_irqsave	spin_lock_irqsave
#define raw_spin_unlock_irqrestore spin_unlock_irqrestore
#define raw_spin_lock_init	spin_lock_init

/* ---- rwlock_t ---- */

#define RW_WRITER	0x80000000U	/* held or wanted by a writer */

typedef struct {
	u32 cnt;		/* readers inside, plus RW_WRITER */
	struct lockdep_map dep_map;
} rwlock_t;

#define __RW_LOCK_UNLOCKED(name)						\
	{ .cnt = 0, .dep_map = STATIC_LOCKDEP_MAP_INIT(#name, (void *)&(name)) }
#define DEFINE_RWLOCK(name)	rwlock_t name = __RW_LOCK_UNLOCKED(name)

#define rwlock_init(lock) do {						\
	static struct lock_class_key __key;				\
	(lock)->cnt = 0;						\
	(lock)->dep_map.key = &__key;					\
	(lock)->dep_map.name = #lock;					\
} while (0)

static inline void read_lock(rwlock_t *lock)
{
	preempt_disable();
	for (;;) {
		u32 old = __atomic_load_n(&lock->cnt, __ATOMIC_RELAXED);

		if (!(old & RW_WRITER) &&
		    __atomic_compare_exchange_n(&lock->cnt, &old, old + 1, false,
						__ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			return;
		cpu_relax();
	}
}

static inline void read_unlock(rwlock_t *lock)
{
	__atomic_fetch_sub(&lock->cnt, 1, __ATOMIC_RELEASE);
	preempt_enable();
}

static inline void write_lock(rwlock_t *lock)
{
	preempt_disable();
	spin_acquire(&lock->dep_map, 0, false, _THIS_IP_);
	/* Claim the writer bit, then wait for the readers to leave. */
	while (__atomic_fetch_or(&lock->cnt, RW_WRITER, __ATOMIC_ACQUIRE) & RW_WRITER)
		while (__atomic_load_n(&lock->cnt, __ATOMIC_RELAXED) & RW_WRITER)
			cpu_relax();
	while (__atomic_load_n(&lock->cnt, __ATOMIC_ACQUIRE) != RW_WRITER)
		cpu_relax();
}

static inline void write_unlock(rwlock_t *lock)
{
	spin_release(&lock->dep_map, _THIS_IP_);
	__atomic_store_n(&lock->cnt, 0, __ATOMIC_RELEASE);
	preempt_enable();
}

#define read_lock_irqsave(lock, flags)	do { local_irq_save(flags); read_lock(lock); } while (0)
#define read_unlock_irqrestore(lock, flags) \
	do { read_unlock(lock); local_irq_restore(flags); } while (0)
#define write_lock_irqsave(lock, flags)	do { local_irq_save(flags); write_lock(lock); } while (0)
#define write_unlock_irqrestore(lock, flags) \
	do { write_unlock(lock); local_irq_restore(flags); } while (0)

#endif /* _LINUX_SPINLOCK_H */
