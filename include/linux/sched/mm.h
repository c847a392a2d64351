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

struct rlimit;

/*
 * DOC: the layout of a new address space (arch/x86_64/mmap.c)
 *
 * exec sets PF_RANDOMIZE on the task when randomize_va_space is not 0;
 * each function below then randomises, and returns the unrandomised
 * value without it. Context: process, the exec'ing task; they write only
 * the @mm they are given, not yet visible to any other task.
 */

/* 0: no randomisation; 1: stack, mmap_base, ET_DYN bases; 2 (default): the heap's start too. */
extern int randomize_va_space;

/**
 * arch_pick_mmap_layout - set @mm's task_size and mmap_base
 * @mm: the new address space
 * @rlim_stack: the stack limit the program starts with
 *
 * mmap_base = mmap_base(rnd, TASK_SIZE, @rlim_stack) with rnd from
 * arch_mmap_rnd() under PF_RANDOMIZE.
 */
void arch_pick_mmap_layout(struct mm_struct *mm, const struct rlimit *rlim_stack);

/*
 * mmap_base - PAGE_ALIGN(@task_size - gap - @rnd): the gap is the stack
 * limit plus the largest random move of the stack top (under
 * PF_RANDOMIZE) and stack_guard_gap, clamped to [128 MiB, 5/6 of
 * @task_size].
 */
unsigned long mmap_base(unsigned long rnd, unsigned long task_size,
			const struct rlimit *rlim_stack);

/* arch_mmap_rnd - MMAP_RND_BITS (28) random bits, in pages: a byte offset. */
unsigned long arch_mmap_rnd(void);

/*
 * randomize_stack_top - PAGE_ALIGN(@stack_top), less STACK_RND_MASK
 * random pages under PF_RANDOMIZE.
 */
unsigned long randomize_stack_top(unsigned long stack_top);

/*
 * arch_randomize_brk - a page-aligned random address in [@mm->brk,
 * @mm->brk + 32 MiB) for the heap's start (randomize_va_space 2).
 */
unsigned long arch_randomize_brk(struct mm_struct *mm);

/*
 * arch_align_stack - @sp 16-byte aligned, first moved down by up to 8 KiB
 * at random under PF_RANDOMIZE.
 */
unsigned long arch_align_stack(unsigned long sp);

/*
 * randomize_page - a random page-aligned address in [@start, @start +
 * @range); @start itself if the range holds no whole page (Linux's).
 */
unsigned long randomize_page(unsigned long start, unsigned long range);

struct task_struct;

/*
 * exec_mm_release - exec's part of Linux's mm_release(), before the old
 * mm goes (kernel/exit.c): the clear_child_tid word zeroed if others see
 * the mm, and a vfork() parent waiting on @tsk let go.
 * Context: process, @tsk is current, still on @mm.
 */
void exec_mm_release(struct task_struct *tsk, struct mm_struct *mm);

/*
 * get_task_mm - @task's mm with a user reference (mmput() it), or NULL
 * for a kernel thread or a task past exit_mm(). Takes task_lock().
 */
struct mm_struct *get_task_mm(struct task_struct *task);

/*
 * get_task_exe_file - the program @task's mm runs (mm->exe_file) with a
 * reference (fput() it), or NULL for a kernel thread or a task past
 * exit_mm(). Takes task_lock().
 */
struct file *get_task_exe_file(struct task_struct *task);

/*
 * mm_access - @task's mm with a user reference (mmput() it) if the caller
 * may inspect it in @mode (ptrace_may_access(), linux/ptrace.h; its own
 * mm always), ERR_PTR(-EACCES) if not, NULL if it has none.
 * Context: process.
 */
struct mm_struct *mm_access(struct task_struct *task, unsigned int mode);

#endif /* _LINUX_SCHED_MM_H */
