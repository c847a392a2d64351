/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The life of a task: creation (kernel/fork.c), exit and teardown
 * (kernel/exit.c), and the list of all tasks.
 *
 *   copy_process()        a new task: struct, stack, pid, on the task
 *                         list; not running until wake_up_new_task()
 *   wake_up_new_task()    (kernel/sched/core.c) its first run queue
 *   do_exit()             the task stops for good: TASK_DEAD
 *   finish_task_switch()  drops the scheduler's reference once the dead
 *                         task's stack is left
 *   put_task_struct()     the last reference frees it: off the list,
 *                         stack and struct freed (free_task())
 *
 * A task starts with two references: the scheduler's (dropped once it
 * has died and been switched away from) and its creator's (kthread_stop()
 * drops it). Idle tasks are neither on the list nor ever freed; their pid
 * is 0, as Linux's.
 */
#ifndef _LINUX_SCHED_TASK_H
#define _LINUX_SCHED_TASK_H

#include <linux/sched.h>
#include <linux/spinlock.h>

/* The boot CPU's idle task, swapper/0, and the head of the task list. */
extern struct task_struct init_task;

/* Protects every task's tasks list node (init_task.tasks is the head). Irqsave. */
extern rwlock_t tasklist_lock;

static inline struct task_struct *next_task(const struct task_struct *p)
{
	return list_entry(p->tasks.next, struct task_struct, tasks);
}

/* Every task but the idle tasks, in creation order; tasklist_lock held. */
#define for_each_process(p) \
	for (p = &init_task; (p = next_task(p)) != &init_task; )

/*
 * task_lock - hold @p's mm pointer still (and whatever else alloc_lock
 * guards): the task itself changes p->mm under it, so another task may
 * read it and take a reference (get_task_mm()). Nests inside nothing of
 * the mm's; never taken from interrupts.
 */
static inline void task_lock(struct task_struct *p)
{
	spin_lock(&p->alloc_lock);
}

static inline void task_unlock(struct task_struct *p)
{
	spin_unlock(&p->alloc_lock);
}

/* What copy_process() makes; Linux's struct kernel_clone_args, kthreads' part. */
struct kernel_clone_args {
	int (*fn)(void *);	/* the task's function; its return is the exit code */
	void *fn_arg;
	const char *name;	/* comm, truncated to TASK_COMM_LEN - 1 */
};

/**
 * copy_process - create a task that will run @args->fn(@args->fn_arg)
 * @args: what to run and the task's name
 *
 * The task gets a struct, a stack (alloc_thread_stack_node()), the next
 * pid, no mm (a kernel thread: it borrows the active_mm of the task it
 * follows) and its place on the task list. It is not runnable until
 * wake_up_new_task() (wake_up_process() calls it on the first wake-up).
 *
 * Return: the task with two references (see the top), or NULL when
 * memory is short. Context: process, may sleep.
 */
struct task_struct *copy_process(struct kernel_clone_args *args);

/* last_pid_nr - the pid copy_process() gave out last (pids count up, never reused). */
int last_pid_nr(void);

/*
 * fork_idle - the struct of @cpu's idle task: pid 0, off the task list,
 * no stack yet (the CPU brings its own). Return: NULL when memory is short.
 * Context: may sleep.
 */
struct task_struct *fork_idle(unsigned int cpu);

/*
 * proc_caches_init - the slab caches of mm_structs and vm_area_structs
 * (kernel/fork.c). Context: boot, once the slab allocator runs.
 */
void proc_caches_init(void);

/* The first run of a created task, on the least loaded CPU unless bound (PF_NO_SETAFFINITY). */
void wake_up_new_task(struct task_struct *p);

static inline void get_task_struct(struct task_struct *p)
{
	atomic_inc(&p->usage);
}

/* __put_task_struct - free @p, whose last reference is gone (kernel/exit.c). */
void __put_task_struct(struct task_struct *p);

/* put_task_struct - drop a reference; the last one frees @p. Context: any. */
static inline void put_task_struct(struct task_struct *p)
{
	if (atomic_dec_and_test(&p->usage))
		__put_task_struct(p);
}

/*
 * free_task - free @p's stack and struct (kernel/fork.c); @p is off the
 * task list. Context: any (a stack freed with interrupts off waits for
 * process context, see kernel/fork.c).
 */
void free_task(struct task_struct *p);

/**
 * do_exit - end the current task with @code
 * @code: exit code, for kthread_stop()
 *
 * Wakes whoever waits on its exit, becomes TASK_DEAD and switches away
 * for good; the scheduler's reference goes once it is off its stack. The
 * exit of init (pid 1) is fatal, as in Linux. Context: process.
 */
void __noreturn do_exit(int code);

/* The thread's first frame (arch/x86_64/process.c): ret_from_fork then @args->fn. */
void copy_thread(struct task_struct *p, const struct kernel_clone_args *args);

#endif /* _LINUX_SCHED_TASK_H */
