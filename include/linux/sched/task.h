/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The life of a task: creation (kernel/fork.c), exit and teardown
 * (kernel/exit.c), and the list of all tasks.
 *
 *   copy_process()        a new task: struct, stack, pid, on the task
 *                         list and its parent's children; not running
 *                         until wake_up_new_task()
 *   wake_up_new_task()    (kernel/sched/core.c) its first run queue
 *   do_exit()             the task stops for good: a zombie (EXIT_ZOMBIE)
 *                         for its parent's wait4(), or reaped at once
 *                         (EXIT_DEAD) when the parent is a kernel thread
 *   release_task()        reaped: off the task list and the children,
 *                         the tree's reference dropped
 *   finish_task_switch()  drops the scheduler's reference once the dead
 *                         task's stack is left
 *   put_task_struct()     the last reference frees it: stack and struct
 *                         (free_task())
 *
 * A task starts with two references: the scheduler's (dropped once it
 * has died and been switched away from) and the process tree's
 * (release_task()). kthread_create() takes a third for its caller, which
 * kthread_stop() drops. Idle tasks are neither on the list nor ever
 * freed; their pid is 0, as Linux's.
 */
#ifndef _LINUX_SCHED_TASK_H
#define _LINUX_SCHED_TASK_H

#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/err.h>

/* The boot CPU's idle task, swapper/0, and the head of the task list. */
extern struct task_struct init_task;

/*
 * Protects every task's tasks list node (init_task.tasks is the head) and
 * the process tree (sched.h): parents, children, exit_state. Irqsave.
 */
extern rwlock_t tasklist_lock;

static inline struct task_struct *next_task(const struct task_struct *p)
{
	return list_entry(p->tasks.next, struct task_struct, tasks);
}

/* Every task but the idle tasks, in creation order; tasklist_lock held. */
#define for_each_process(p) \
	for (p = &init_task; (p = next_task(p)) != &init_task; )

/* clone() flags, Linux's values (its uapi/linux/sched.h). */
#define CSIGNAL			0x000000ff	/* the exit signal, in clone()'s flags */
#define CLONE_VM		0x00000100	/* share the address space */
#define CLONE_FS		0x00000200	/* share root, cwd and umask */
#define CLONE_FILES		0x00000400	/* share the fd table */
#define CLONE_SIGHAND		0x00000800	/* share signal handlers (needs CLONE_VM) */
#define CLONE_PIDFD		0x00001000
#define CLONE_PTRACE		0x00002000
#define CLONE_VFORK		0x00004000	/* the parent waits for the child's exec or exit */
#define CLONE_PARENT		0x00008000	/* the child is the caller's sibling */
#define CLONE_THREAD		0x00010000	/* same thread group (needs CLONE_SIGHAND) */
#define CLONE_NEWNS		0x00020000
#define CLONE_SYSVSEM		0x00040000
#define CLONE_SETTLS		0x00080000	/* the child's FS base is tls */
#define CLONE_PARENT_SETTID	0x00100000	/* store the child's pid in the parent */
#define CLONE_CHILD_CLEARTID	0x00200000	/* zero the child's tid word at its exit */
#define CLONE_DETACHED		0x00400000	/* ignored, as by Linux */
#define CLONE_UNTRACED		0x00800000
#define CLONE_CHILD_SETTID	0x01000000	/* the child stores its pid in its memory */
#define CLONE_NEWCGROUP		0x02000000
#define CLONE_NEWUTS		0x04000000
#define CLONE_NEWIPC		0x08000000
#define CLONE_NEWUSER		0x10000000
#define CLONE_NEWPID		0x20000000
#define CLONE_NEWNET		0x40000000
#define CLONE_IO		0x80000000
#define CLONE_LEGACY_FLAGS	0xffffffffULL	/* what clone() can pass */
#define CLONE_CLEAR_SIGHAND	0x100000000ULL	/* clone3() only */
#define CLONE_INTO_CGROUP	0x200000000ULL	/* clone3() only */

/* clone3()'s argument, Linux's layout; sizes of its versions. */
struct clone_args {
	u64 flags;
	u64 pidfd;
	u64 child_tid;
	u64 parent_tid;
	u64 exit_signal;
	u64 stack;
	u64 stack_size;
	u64 tls;
	u64 set_tid;
	u64 set_tid_size;
	u64 cgroup;
};
#define CLONE_ARGS_SIZE_VER0	64	/* up to tls */
#define CLONE_ARGS_SIZE_VER1	80	/* set_tid, set_tid_size */
#define CLONE_ARGS_SIZE_VER2	88	/* cgroup */

/*
 * What copy_process() makes (Linux's struct kernel_clone_args): a kernel
 * thread running fn(fn_arg) when fn is set, else a copy of the calling
 * user task returning from its system call with 0.
 */
struct kernel_clone_args {
	u64 flags;		/* CLONE_*, without the exit signal */
	int __user *pidfd;
	int __user *child_tid;
	int __user *parent_tid;
	int exit_signal;	/* the child's: SIGCHLD, another, or 0 */
	unsigned long stack;	/* the child's user stack pointer (0: the caller's) */
	unsigned long stack_size;
	unsigned long tls;	/* CLONE_SETTLS: the child's FS base */
	int (*fn)(void *);	/* the task's function; its return is the exit code */
	void *fn_arg;
	const char *name;	/* comm, truncated to TASK_COMM_LEN - 1 (kernel threads) */
};

/**
 * copy_process - create a task: a kernel thread or a copy of the caller
 * @args: what to run (a kernel thread's fn and name), or, fn NULL, the
 *	  clone flags of a new user process
 *
 * The task gets a struct, a stack (alloc_thread_stack_node()), the next
 * pid and its place on the task list and among its parent's children. A
 * kernel thread has no mm (it borrows init_mm while it runs) and shares
 * init_fs, init_files and init_signal. A user child gets the caller's
 * registers (ax 0, @args->stack, @args->tls), FPU state, its mm copied
 * (dup_mm()) or shared (CLONE_VM), files and fs copied or shared, and its
 * own limits, or with CLONE_THREAD the caller's process (a thread of its
 * group: the signal_struct, tgid and leader shared).
 * It is not runnable until wake_up_new_task() (wake_up_process() calls it
 * on the first wake-up).
 *
 * Return: the task with two references (see the top), or ERR_PTR():
 * -EINVAL (a bad combination of flags; CLONE_THREAD from a dying group
 * or from a task sharing init_signal), -EAGAIN (max_threads
 * reached), -EPERM (a kernel TLS address), -ENOMEM, with nothing kept.
 * Context: process, may sleep.
 */
struct task_struct *copy_process(struct kernel_clone_args *args);

/*
 * copy_signal - give @p a signal_struct of its own: current's limits, no
 * pending signal, @p its only thread. A fork child's; and init's at its
 * exec, when it leaves the kernel threads' init_signal (fs/exec.c).
 * Return: 0 or -ENOMEM. Context: process, may sleep.
 */
int copy_signal(struct task_struct *p);

/**
 * kernel_clone - fork(), vfork(), clone() and clone3(): copy_process(),
 * then CLONE_PARENT_SETTID's store, the child's start, and with
 * CLONE_VFORK the wait until it execs or exits.
 * @args: the flags and pointers, fn NULL
 * Return: the child's pid, or an error of copy_process(). Context: a user task.
 */
pid_t kernel_clone(struct kernel_clone_args *args);

/*
 * Tasks, all of them (kernel threads included), and their limit, set from
 * memory by fork_init() as Linux's (the RAM, over 8 stacks per task,
 * within 20 .. FUTEX_TID_MASK); copy_process() refuses more with -EAGAIN.
 * nr_threads: tasklist_lock.
 */
extern int nr_threads;
extern int max_threads;

/*
 * fork_init - max_threads from memory, and init_signal's RLIMIT_NPROC
 * (half of it, as Linux's). Context: boot, once memory is counted.
 */
void fork_init(void);

/*
 * task_lock - @p's alloc_lock: its mm, fs and files do not go away while
 * it is held (exit_mm(), exit_fs(), exit_files() clear them under it).
 */
static inline void task_lock(struct task_struct *p)
{
	spin_lock(&p->alloc_lock);
}

static inline void task_unlock(struct task_struct *p)
{
	spin_unlock(&p->alloc_lock);
}

/*
 * find_task_by_vpid - the task whose pid is @nr, or NULL (kernel/pid.c).
 * Context: tasklist_lock held (the task is valid while it is).
 * find_get_task_by_vpid - the same with a reference (put_task_struct()),
 * or NULL: a task whose last reference went is not taken. Context: any.
 */
struct task_struct *find_task_by_vpid(pid_t nr);
struct task_struct *find_get_task_by_vpid(pid_t nr);

/* The process group and session of @p: inherited at fork; 0 for kernel threads. */
static inline pid_t task_pgrp_nr(const struct task_struct *p)
{
	return READ_ONCE(p->pgid);
}

static inline pid_t task_session_nr(const struct task_struct *p)
{
	return READ_ONCE(p->sid);
}

/* task_ppid_nr - the tgid of @p's parent now (it changes when the parent exits). */
pid_t task_ppid_nr(const struct task_struct *p);

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
 * @code: exit code, Linux's wait status: (status & 0xff) << 8 for exit(),
 *	  the signal's number for a task a signal killed; kthread_stop()'s
 *
 * Leaves the mm (exit_mm(): clear_child_tid, the vfork parent woken,
 * mmput()), the files and the fs; then exit_notify(): the children go to
 * init, the task becomes a zombie its parent's wait4() reaps, or is
 * reaped at once when the parent is a kernel thread (they ignore SIGCHLD,
 * as Linux's). Wakes whoever waits on its exit, becomes TASK_DEAD and
 * switches away for good; the scheduler's reference goes once it is off
 * its stack. The exit of init (pid 1) is fatal, as in Linux.
 * Context: process.
 */
void __noreturn do_exit(int code);

/*
 * kernel_wait - wait for the caller's child @pid to exit, whatever its
 * exit signal (__WALL), and reap it (Linux's, for the kernel's own
 * children: exec's helpers, tests). @stat: its wait status, or NULL.
 * Return: @pid, or -ECHILD. Context: process, sleeps.
 */
pid_t kernel_wait(pid_t pid, int *stat);

/*
 * release_task - a reaped (EXIT_DEAD) task leaves the task list and its
 * parent's children, and the reference copy_process() gave the tree goes.
 * Context: process or the exiting task itself; takes tasklist_lock.
 */
void release_task(struct task_struct *p);

/*
 * copy_thread - the new task's first frame (arch/x86_64/process.c):
 * ret_from_fork then @args->fn for a kernel thread; for a user child
 * (@args->fn NULL) the caller's pt_regs with ax 0, @args->stack as the
 * stack pointer if set, the caller's FS/GS bases (CLONE_SETTLS: FS base
 * @args->tls) and a copy of its FPU registers.
 * Return: 0, -EPERM (a TLS address outside user space), -ENOMEM.
 */
int copy_thread(struct task_struct *p, const struct kernel_clone_args *args);

#endif /* _LINUX_SCHED_TASK_H */
