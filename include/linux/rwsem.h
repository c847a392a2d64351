/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reader-writer semaphores (kernel/locking/rwsem.c), Linux's interface:
 * any number of readers or one writer, sleeping when they must wait.
 *
 * The state is one word, count, changed with atomic instructions:
 *
 *   bit 0       RWSEM_WRITER_LOCKED   a writer holds it
 *   bit 1       RWSEM_FLAG_WAITERS    wait_list is not empty
 *   bits 8..63  readers holding it, in units of RWSEM_READER_BIAS
 *
 * An uncontended down_read() adds a reader bias with one cmpxchg, an
 * uncontended down_write() turns 0 into RWSEM_WRITER_LOCKED. Either
 * fails its fast path while anyone waits (RWSEM_FLAG_WAITERS), so a new
 * reader never overtakes a queued writer: that is what keeps writers from
 * starving. Waiters queue FIFO on wait_list and are granted the lock by
 * whoever frees it (a handoff, in the queue's order): a writer at the
 * head alone, or the run of readers at the head together (the batch ends
 * at the first writer queued behind them).
 *
 * Only the writer that took the lock releases it (owner, checked); a
 * down_*() may sleep: not from interrupts nor under a spinlock.
 */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/lockdep.h>

struct task_struct;

#define RWSEM_WRITER_LOCKED	(1UL << 0)
#define RWSEM_FLAG_WAITERS	(1UL << 1)
#define RWSEM_READER_SHIFT	8
#define RWSEM_READER_BIAS	(1UL << RWSEM_READER_SHIFT)
#define RWSEM_READER_MASK	(~(RWSEM_READER_BIAS - 1))

struct rw_semaphore {
	unsigned long count;		/* atomic; see above */
	struct task_struct *owner;	/* the writer holding it, or NULL */
	spinlock_t wait_lock;		/* wait_list, and granting the lock */
	struct list_head wait_list;	/* struct rwsem_waiter, FIFO */
	struct lockdep_map dep_map;
};

#define __RWSEM_INITIALIZER(name) {					\
	.count = 0,							\
	.owner = NULL,							\
	.wait_lock = __SPIN_LOCK_UNLOCKED(name.wait_lock),		\
	.wait_list = LIST_HEAD_INIT(name.wait_list),			\
	.dep_map = STATIC_LOCKDEP_MAP_INIT(#name, (void *)&(name)) }
#define DECLARE_RWSEM(name)	struct rw_semaphore name = __RWSEM_INITIALIZER(name)

void __init_rwsem(struct rw_semaphore *sem, const char *name,
		  const struct lock_class_key *key);
/* init_rwsem - an unlocked semaphore; its call site names its lockdep class. */
#define init_rwsem(sem) do {						\
	static struct lock_class_key __key;				\
	__init_rwsem(sem, #sem, &__key);				\
} while (0)

/**
 * down_read - take @sem for reading, sleeping while a writer holds it or
 *             anyone waits for it
 * @sem: the semaphore
 *
 * Context: process, may sleep.
 */
void down_read(struct rw_semaphore *sem);
/*
 * down_read_killable - down_read() that a fatal signal would interrupt.
 * There are no signals yet: it waits uninterruptibly, as down_read().
 * Return: 0 (later -EINTR when killed). Context: process, may sleep.
 */
int down_read_killable(struct rw_semaphore *sem);
/* Return: true if @sem was taken for reading without waiting. Context: any task. */
bool down_read_trylock(struct rw_semaphore *sem);
/* up_read - release a read hold; hands the lock to the waiters if it was the last. */
void up_read(struct rw_semaphore *sem);

/**
 * down_write - take @sem exclusively, sleeping while anyone holds it or
 *              waits for it
 * @sem: the semaphore
 *
 * Context: process, may sleep.
 */
void down_write(struct rw_semaphore *sem);
/*
 * down_write_nested - down_write() of a semaphore whose class the caller
 * already holds another of; @subclass (SINGLE_DEPTH_NESTING) tells lockdep
 * the order is intended (fork: the parent's mmap_lock, then the child's).
 */
void down_write_nested(struct rw_semaphore *sem, int subclass);
/* As down_read_killable(): uninterruptible until signals exist. Return: 0. */
int down_write_killable(struct rw_semaphore *sem);
/* Return: true if @sem was taken for writing without waiting. Context: any task. */
bool down_write_trylock(struct rw_semaphore *sem);
/* up_write - release the write hold (the caller's); hands the lock to the waiters. */
void up_write(struct rw_semaphore *sem);

/**
 * downgrade_write - turn the caller's write hold into a read hold, atomically
 * @sem: a semaphore the caller holds for writing
 *
 * No writer can get in between; readers queued at the head are let in
 * with it. Release with up_read(). Context: process.
 */
void downgrade_write(struct rw_semaphore *sem);

/* Is @sem held, for reading or writing? A snapshot. */
static inline bool rwsem_is_locked(const struct rw_semaphore *sem)
{
	return (READ_ONCE(sem->count) & (RWSEM_WRITER_LOCKED | RWSEM_READER_MASK)) != 0;
}

#endif /* _LINUX_RWSEM_H */
