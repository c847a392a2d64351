/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The life of an address space (kernel/fork.c), Linux's two counts:
 *
 *   mm_users   users of the address space: tasks, and code that works on
 *              it for a while (mmget()). The last mmput() tears the VMAs
 *              down (exit_mmap()) and drops the mm_count reference that
 *              all users share.
 *   mm_count   references to the struct mm_struct: the users' one, and
 *              lazy ones (mmgrab(): a kernel thread borrowing it as
 *              active_mm). The last mmdrop() frees the page-table root
 *              and the struct, after check_mm() has reported counters
 *              that are not back at 0 (Linux's "BUG: Bad rss-counter
 *              state" and "non-zero pgtables_bytes on freeing mm").
 *
 *   mm_alloc()  -> mm_users 1, mm_count 1
 *   mmput()     -> mm_users 0: exit_mmap(), mmdrop() -> mm_count 0: freed
 */
#ifndef _LINUX_SCHED_MM_H
#define _LINUX_SCHED_MM_H

#include <linux/mm_types.h>
#include <linux/atomic.h>

struct kmem_cache;

/* The caches of mm_structs and vm_area_structs (proc_caches_init()); leak checks read them. */
extern struct kmem_cache *mm_cachep;
extern struct kmem_cache *vm_area_cachep;

/**
 * mm_alloc - a new, empty address space
 *
 * Its own pgd (the kernel half shared, pgd_alloc()), no VMAs, counters
 * at 0, mm_users and mm_count at 1. The layout (mmap_base, task_size)
 * is exec's to choose; until then both are 0.
 * Return: the mm, or NULL when memory is short. Context: may sleep.
 */
struct mm_struct *mm_alloc(void);

struct task_struct;
/**
 * dup_mm - fork's copy of the address space @oldmm, for @tsk
 * @tsk: the new task (unused until mm owners exist)
 * @oldmm: the parent's mm
 *
 * A new mm with @oldmm's layout (mmap_base, task_size, code/data/brk/
 * stack/arg/env bounds) and counters, and a copy of each VMA but the
 * VM_DONTCOPY (MADV_DONTFORK) ones: private pages shared copy-on-write
 * (write-protected in both), shared ones shared, VM_WIPEONFORK ones
 * empty, VM_LOCKED/VM_LOCKONFAULT cleared; def_flags keeps VM_NOHUGEPAGE
 * only (mlockall() is not inherited), as Linux.
 * Return: the mm (mm_users 1), or NULL when memory ran short (everything
 * copied so far freed). Context: process; takes both mmap_locks for
 * writing, @oldmm's first.
 */
struct mm_struct *dup_mm(struct task_struct *tsk, struct mm_struct *oldmm);

/* Take a reference to the struct only (it stays, its VMAs may go). Context: any. */
static inline void mmgrab(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_count);
}

/* __mmdrop - free @mm, whose mm_count reached 0: pgd, check_mm(), struct. */
void __mmdrop(struct mm_struct *mm);

/* Drop an mmgrab() reference; the last one frees @mm. Context: may free memory. */
static inline void mmdrop(struct mm_struct *mm)
{
	if (atomic_dec_and_test(&mm->mm_count))
		__mmdrop(mm);
}

/* Take a user reference to @mm, which has one already. Context: any. */
static inline void mmget(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_users);
}

/* Take a user reference unless the users are gone. Return: whether it did. Context: any. */
static inline bool mmget_not_zero(struct mm_struct *mm)
{
	int users = atomic_read(&mm->mm_users);

	do {
		if (!users)
			return false;
	} while (!atomic_try_cmpxchg(&mm->mm_users, &users, users + 1));
	return true;
}

/**
 * mmput - drop a user reference to @mm
 * @mm: the address space
 *
 * The last one tears down the VMAs (exit_mmap()) and drops the users'
 * mm_count reference. Context: process, may sleep.
 */
void mmput(struct mm_struct *mm);

/**
 * get_task_mm - @task's address space, with a user reference (mmget())
 * @task: any task
 *
 * Return: the mm, or NULL for a kernel thread or a task past exit_mm().
 * The caller mmput()s it. Context: process (takes task_lock).
 */
struct mm_struct *get_task_mm(struct task_struct *task);

#endif /* _LINUX_SCHED_MM_H */
