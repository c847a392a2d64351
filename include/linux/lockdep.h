/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lockdep-lite (kernel/lockdep.c), enabled by the boot parameter
 * lockdep=on. Every lock carries a lockdep_map naming its class: all locks
 * initialised at one spin_lock_init() call site share a class (the site's
 * static lock_class_key), a DEFINE_SPINLOCK is a class of its own. With
 * the option on, each acquisition is checked against the locks the task
 * already holds and the order between classes seen so far:
 *
 *   recursive locking   taking a lock this CPU holds (it would deadlock),
 *                       or another lock of a class already held, unless
 *                       the nesting is annotated (spin_lock_nested())
 *   circular locking    taking B with A held when B ... -> A was seen
 *                       before (the AB-BA deadlock, and longer cycles)
 *
 * and might_sleep() also reports a sleeping call with a lock held. The
 * first report prints both locks and the stack and turns lockdep off, as
 * Linux's debug_locks_off(); lockdep_reset() turns it on again (tests).
 */
#ifndef _LINUX_LOCKDEP_H
#define _LINUX_LOCKDEP_H

#include <linux/types.h>
#include <linux/compiler.h>

#define MAX_LOCKDEP_SUBCLASSES	8
/* Nesting two locks of one class: the inner one's subclass (spin_lock_nested()). */
#define SINGLE_DEPTH_NESTING	1

/* The address of subkeys[N] names the class of subclass N, as in Linux. */
struct lock_class_key {
	char subkeys[MAX_LOCKDEP_SUBCLASSES];
};

struct lockdep_map {
	const struct lock_class_key *key;
	const char *name;
};

#define STATIC_LOCKDEP_MAP_INIT(_name, _key)	{ .key = (_key), .name = (_name) }

#define MAX_LOCK_DEPTH		32

/* The locks a task holds (in task_struct: a mutex is held across sleeps). */
struct held_lock {
	const struct lockdep_map *map;
	unsigned int class;
	unsigned long ip;
};

struct lockdep_task {
	unsigned int depth;
	struct held_lock lock[MAX_LOCK_DEPTH];
};

extern bool lockdep_enabled;
/*
 * Set once lockdep has been on, and never cleared: releases go on
 * updating the held locks after a report turned lockdep off, so that
 * when lockdep_reset() turns it on again no task (on any CPU) still
 * "holds" a lock it released meanwhile.
 */
extern bool lockdep_tracking;

/*
 * __lock_acquire - @map is being taken at @ip, as @subclass of its class
 * (0 unless annotated); a trylock is not checked for deadlocks, only
 * recorded. lock_release() forgets it. Context: any.
 */
void __lock_acquire(struct lockdep_map *map, unsigned int subclass, bool trylock,
		    unsigned long ip);
void lock_release(struct lockdep_map *map, unsigned long ip);

static inline void lock_acquire(struct lockdep_map *map, bool trylock, unsigned long ip)
{
	__lock_acquire(map, 0, trylock, ip);
}

/*
 * What lock code calls: spin_acquire() checks and records a lock with
 * lockdep on, spin_release() forgets it once lockdep has ever been on.
 * Lock code that hands a held lock from one task to another (the
 * run-queue lock across a context switch) releases it from the current
 * task's held locks and acquires it in the next one's.
 */
#define spin_acquire(map, subclass, trylock, ip) do {			\
	if (unlikely(lockdep_enabled))					\
		__lock_acquire(map, subclass, trylock, ip);		\
} while (0)
#define spin_release(map, ip) do {					\
	if (unlikely(lockdep_tracking))					\
		lock_release(map, ip);					\
} while (0)

/* Locks the current task holds that lockdep tracks. */
unsigned int lockdep_depth(void);

/* Forget every class and order and the current task's locks; turn lockdep on (tests). */
void lockdep_reset(void);

#endif /* _LINUX_LOCKDEP_H */
