/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmap_lock: the reader-writer semaphore (linux/rwsem.h) of an address
 * space (mm_struct.mmap_lock), Linux's wrappers. Readers look VMAs up
 * (faults, /proc); writers change them (mmap, munmap, mprotect, brk).
 * Every function may sleep but the trylocks and unlocks.
 */
#ifndef _LINUX_MMAP_LOCK_H
#define _LINUX_MMAP_LOCK_H

#include <linux/mm_types.h>
#include <linux/rwsem.h>
#include <linux/mmdebug.h>
#include <linux/sched.h>

#define MMAP_LOCK_INITIALIZER(name) \
	.mmap_lock = __RWSEM_INITIALIZER((name).mmap_lock),

static inline void mmap_init_lock(struct mm_struct *mm)
{
	init_rwsem(&mm->mmap_lock);
}

static inline void mmap_write_lock(struct mm_struct *mm)
{
	down_write(&mm->mmap_lock);
}

/* A second mm's lock, taken while holding one (dup_mmap(): the child's inside the parent's). */
static inline void mmap_write_lock_nested(struct mm_struct *mm, int subclass)
{
	down_write_nested(&mm->mmap_lock, subclass);
}

/* Return: 0 (-EINTR on a fatal signal once signals exist). */
static inline int mmap_write_lock_killable(struct mm_struct *mm)
{
	return down_write_killable(&mm->mmap_lock);
}

static inline bool mmap_write_trylock(struct mm_struct *mm)
{
	return down_write_trylock(&mm->mmap_lock);
}

static inline void mmap_write_unlock(struct mm_struct *mm)
{
	up_write(&mm->mmap_lock);
}

/* Keep the lock for reading, letting other readers in (munmap's tail). */
static inline void mmap_write_downgrade(struct mm_struct *mm)
{
	downgrade_write(&mm->mmap_lock);
}

static inline void mmap_read_lock(struct mm_struct *mm)
{
	down_read(&mm->mmap_lock);
}

/* Return: 0 (-EINTR on a fatal signal once signals exist). */
static inline int mmap_read_lock_killable(struct mm_struct *mm)
{
	return down_read_killable(&mm->mmap_lock);
}

static inline bool mmap_read_trylock(struct mm_struct *mm)
{
	return down_read_trylock(&mm->mmap_lock);
}

static inline void mmap_read_unlock(struct mm_struct *mm)
{
	up_read(&mm->mmap_lock);
}

/* The caller holds @mm's mmap_lock, for reading or writing (DEBUG_VM check). */
static inline void mmap_assert_locked(struct mm_struct *mm)
{
	VM_BUG_ON_MM(!rwsem_is_locked(&mm->mmap_lock), mm);
}

/* The caller holds @mm's mmap_lock for writing (DEBUG_VM check). */
static inline void mmap_assert_write_locked(struct mm_struct *mm)
{
	VM_BUG_ON_MM(READ_ONCE(mm->mmap_lock.owner) != current, mm);
}

#endif /* _LINUX_MMAP_LOCK_H */
