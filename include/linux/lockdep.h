/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lockdep-lite (kernel/lockdep.c), enabled by the boot parameter
 * lockdep=on. Every lock carries a lockdep_map naming its class: all locks
 * initialised at one spin_lock_init() call site share a class (the site's
 * static lock_class_key), a DEFINE_SPINLOCK is a class of its own. With
 * the option on, each acquisition is checked against the locks the task
 * already holds and the order between classes seen so far:
 *
 *   recursive locking   taking a lock this CPU holds (it would deadlock)
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

struct lock_class_key {
	char dummy;		/* its address names the class */
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

void lock_acquire(struct lockdep_map *map, bool trylock, unsigned long ip);
void lock_release(struct lockdep_map *map, unsigned long ip);

/* Locks the current task holds that lockdep tracks. */
unsigned int lockdep_depth(void);

/* Forget every class and order and the current task's locks; turn lockdep on (tests). */
void lockdep_reset(void);

#endif /* _LINUX_LOCKDEP_H */
