/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tasks and the scheduler (kernel/sched/core.c); a task's creation and
 * end are in include/linux/sched/task.h.
 *
 * Every CPU has a run queue of runnable tasks and runs them round robin,
 * a time slice each (SCHED_SLICE ticks of the HZ APIC timer), preempting at
 * the end of an interrupt when the interrupted code was preemptible
 * (preempt_count() == 0, interrupts on). A CPU with nothing to run runs its
 * idle task, which halts. A woken task goes back to its CPU's queue; a new
 * task starts on the least loaded allowed CPU, and every CPU periodically
 * pulls a queued task from a busier one (load balancing).
 *
 * As in Linux, the boot CPU's boot context is init_task, its idle task
 * "swapper/0"; every other CPU's idle task is "swapper/N"; all have pid 0.
 * pid 1 is "init", the first task rest_init() starts (kernel/main.c): it
 * runs the tests or the shell; pid 2 is "kthreadd", the parent of every
 * other kthread (kernel/kthread.c).
 *
 * Address spaces: mm is the task's own (NULL for a kernel thread); active_mm
 * is the one the CPU has loaded while the task runs (NULL for a kernel
 * thread that does not run). A user task's is its mm; a kernel thread's is
 * init_mm, the kernel's: Linux's lazy TLB would let it keep a user mm
 * loaded (with an mmgrab()), but here a CPU holds a user mm only while one
 * of its tasks runs, so the mm can be freed once its tasks have exited
 * (exit_mm() switches away, then drops the task's mm_users reference).
 *
 * Task states, as Linux: TASK_RUNNING (on a run queue or running),
 * TASK_INTERRUPTIBLE / TASK_UNINTERRUPTIBLE (sleeping until woken),
 * TASK_DEAD (exited, waiting to be freed). A sleeper sets its state
 * before testing its condition and calling schedule(); a waker sets the
 * condition before wake_up_process(): the run-queue lock orders the two.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/percpu.h>
#include <linux/spinlock.h>
#include <linux/completion.h>
#include <linux/atomic.h>
#include <linux/lockdep.h>
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/signal_types.h>
#include <linux/restart_block.h>
#include <asm/pgtable_types.h>
#include <asm/kmap_size.h>

#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001
#define TASK_UNINTERRUPTIBLE	0x0002
#define __TASK_STOPPED		0x0004	/* a group stop (SIGSTOP...): only SIGCONT or SIGKILL wake */
#define TASK_DEAD		0x0080
#define TASK_WAKEKILL		0x0100	/* a fatal signal wakes this sleep too */
#define TASK_KILLABLE		(TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_STOPPED		(TASK_WAKEKILL | __TASK_STOPPED)
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

/* task->jobctl (siglock), Linux's bit. */
#define JOBCTL_STOP_PENDING	(1UL << 17)	/* this thread is to join the group stop */

/* task->exit_state, Linux's values: a zombie waits for its parent's wait; dead: reaped. */
#define EXIT_DEAD		0x0010
#define EXIT_ZOMBIE		0x0020

#define PF_IDLE			0x00000002
#define PF_EXITING		0x00000004	/* in do_exit(): not a reaper, not zapped again */
#define PF_FORKNOEXEC		0x00000040	/* forked and has not exec'd: setpgid() may move it */
#define PF_KTHREAD		0x00200000
#define PF_RANDOMIZE		0x00400000	/* this exec's layout is randomised (asm/elf.h) */
#define PF_NO_SETAFFINITY	0x04000000	/* bound to its CPU */

#define TASK_COMM_LEN		16

/* task->atomic_flags (Linux's PFA_*): prctl(PR_SET_NO_NEW_PRIVS), kept over fork and exec. */
#define PFA_NO_NEW_PRIVS	0
#define THREAD_SIZE_ORDER	2
#define THREAD_SIZE		(PAGE_SIZE << THREAD_SIZE_ORDER)

#define SCHED_SLICE		2	/* ticks */
#define MAX_SCHEDULE_TIMEOUT	LONG_MAX

struct fpu;

/*
 * The CPU state of a task that is not in the registers while it does not
 * run (arch/x86_64/process.c). Only the task itself, and the context
 * switch on its CPU, touch it.
 */
struct thread_struct {
	unsigned long sp;	/* saved by __switch_to_asm: first field */
	/* A user task's FS and GS bases (arch_prctl()), saved while it is out. */
	unsigned long fsbase, gsbase;
	/* Its FPU/SSE/AVX registers (asm/fpu.h); NULL: a kernel thread's, none. */
	struct fpu *fpu;
};

/*
 * The task's kmap_local_page() stack (mm/highmem.c): idx slots in use, the
 * PTE of each (none: unmapped out of order, popped later). Only the task
 * and interrupts on its CPU touch it; a context switch saves and restores
 * the slots from it.
 */
struct kmap_ctrl {
	int idx;
	pte_t pteval[KM_MAX_IDX];
};

struct mm_struct;
struct cred;
struct fs_struct;
struct files_struct;
struct signal_struct;
struct robust_list_head;

/*
 * Per-task scheduler counts (Linux's sched_statistics), written by the
 * load balancer under the run-queue locks.
 */
struct sched_statistics {
	/* Refused a move: bound to its CPU, or holding kmap_local slots. */
	unsigned long nr_failed_migrations_affine;
};

struct task_struct {
	struct thread_struct thread;
	volatile long __state;
	unsigned int flags;
	unsigned int cpu;
	int on_rq;		/* runnable: queued or running */
	int on_cpu;		/* running, or not yet switched away from */
	bool started;		/* woken at least once (placed on a CPU) */
	int pid;
	char comm[TASK_COMM_LEN];
	void *stack;		/* THREAD_SIZE bytes, the lowest address */
	struct vm_struct *stack_vm_area;	/* its vmalloc area (kernel/fork.c), or NULL */
	struct list_head run_list;
	struct list_head tasks;	/* on init_task.tasks, tasklist_lock (sched/task.h) */

	/*
	 * The process tree (kernel/fork.c, kernel/exit.c), all under
	 * tasklist_lock: real_parent created it (kthreadd for kthreads,
	 * swapper/0 for init and kthreadd) or adopted it when its parent
	 * exited (init); parent is the one its exit notifies, the same task
	 * until ptrace exists. children lists its children through their
	 * sibling nodes, zombies included, until they are reaped.
	 */
	struct task_struct *real_parent;
	struct task_struct *parent;
	struct list_head children;
	struct list_head sibling;
	int exit_state;		/* 0, EXIT_ZOMBIE, EXIT_DEAD: tasklist_lock (cmpxchg to reap) */
	int exit_signal;	/* told to the parent at exit: SIGCHLD, or another (clone()) */
	/*
	 * Process group and session: inherited at fork under tasklist_lock,
	 * changed by setpgid() and setsid() (kernel/sys.c) under it written.
	 */
	int pgid, sid;
	/* A vfork() parent waits on it until the child execs or exits (mm_release()). */
	struct completion *vfork_done;
	int __user *set_child_tid;	/* CLONE_CHILD_SETTID: the child stores its pid there */
	int __user *clear_child_tid;	/* CLONE_CHILD_CLEARTID, set_tid_address(): 0 at exit */
	/* set_robust_list(): the robust mutexes it holds (kernel/futex/); only the task touches it */
	struct robust_list_head __user *robust_list;
	/*
	 * alloc_lock (task_lock()) guards mm, fs and files against their
	 * teardown at exit for readers that are not the task (/proc).
	 */
	spinlock_t alloc_lock;
	struct mm_struct *mm;		/* own address space; NULL: a kernel thread */
	struct mm_struct *active_mm;	/* loaded while it runs (see the top); rq lock */
	unsigned int time_slice;
	unsigned long nvcsw, nivcsw;	/* voluntary, involuntary switches */
	unsigned long min_flt, maj_flt;	/* page faults without and with I/O (handle_mm_fault()) */
	u64 utime, stime;		/* ns of ticks spent in user and kernel mode (sched/cputime.h) */
	u64 start_time;			/* ktime_get() at copy_process(); 0 for the boot's */
	struct sched_statistics stats;
	atomic_t usage;
	struct lockdep_task lockdep;	/* locks held, for lockdep=on */
	struct kmap_ctrl kmap_ctrl;	/* kmap_local slots; pins the task to its CPU */

	/*
	 * Kernel threads share init_cred (counted like every cred), and
	 * init_fs, init_files and init_signal, which nothing counts; a process has its own (fork), or shares its
	 * parent's fs or files with CLONE_FS or CLONE_FILES. exit_fs() and
	 * exit_files() clear fs and files under alloc_lock.
	 */
	const struct cred *real_cred;	/* objective, counted; only the task changes it (cred.h) */
	const struct cred *cred;	/* subjective: real_cred, or override_creds()'s */
	struct fs_struct *fs;		/* root and working directory */
	struct files_struct *files;	/* fd table */
	struct signal_struct *signal;	/* the process's shared state: limits (sched/signal.h) */

	/*
	 * Signals (kernel/signal.c; the types in linux/signal_types.h, the
	 * interface in linux/sched/signal.h). sighand is shared with
	 * CLONE_SIGHAND; blocked and pending are this thread's, under
	 * sighand->siglock; sas_ss_* (sigaltstack()) only the task touches.
	 */
	struct sighand_struct *sighand;
	sigset_t blocked, real_blocked;
	sigset_t saved_sigmask;		/* rt_sigsuspend(), ppoll(): restored after delivery */
	struct sigpending pending;
	unsigned long sas_ss_sp;
	size_t sas_ss_size;
	unsigned int sas_ss_flags;
	unsigned long jobctl;		/* JOBCTL_*: group stop in progress (siglock) */
	bool restore_sigmask;		/* saved_sigmask goes back on the way out (only the task) */
	struct restart_block restart_block;	/* restart_syscall()'s (only the task) */
	int pdeath_signal;		/* PR_SET_PDEATHSIG: sent when the parent exits */
	unsigned long atomic_flags;	/* PFA_*: atomic bits, copied by fork */
	wait_queue_head_t wait_pidfd;	/* pidfd pollers (kernel/pid.c): woken at exit_notify() */

	/*
	 * Thread groups (kernel/fork.c with CLONE_THREAD, kernel/exit.c):
	 * tgid is the process's pid (getpid()), the group leader's pid;
	 * thread_node links the group's threads on signal->thread_head under
	 * tasklist_lock and siglock.
	 */
	int tgid;
	struct task_struct *group_leader;
	struct list_head thread_node;

	/* kthreads (kernel/kthread.c); exit_code and exited also do_exit()'s */
	int (*threadfn)(void *data);
	void *data;
	int exit_code;
	bool should_stop;
	struct completion exited;
};

DECLARE_PER_CPU(struct task_struct *, current_task);
#define current		this_cpu_read(current_task)

#define set_current_state(state) do {					\
	WRITE_ONCE(current->__state, (state));				\
	__atomic_thread_fence(__ATOMIC_SEQ_CST);			\
} while (0)
#define __set_current_state(state)	WRITE_ONCE(current->__state, (state))
#define task_is_running(p)		(READ_ONCE((p)->__state) == TASK_RUNNING)

/* Run something else until this task is woken (if it set a sleeping state). */
void schedule(void);
/*
 * schedule_timeout - sleep (in the state the caller set) until woken or
 * @timeout jiffies have passed (MAX_SCHEDULE_TIMEOUT: until woken).
 * Return: the jiffies left, 0 on timeout. Context: process
 * (kernel/time/timer.c).
 */
long schedule_timeout(long timeout);
long schedule_timeout_uninterruptible(long timeout);
/* Wake @p if it sleeps (TASK_NORMAL). Return: true if it was sleeping. Context: any. */
bool wake_up_process(struct task_struct *p);
/*
 * wake_up_state - wake @p only if its state has a bit of @state
 * (__TASK_STOPPED, TASK_WAKEKILL...). Return: true if woken. Context: any.
 */
bool wake_up_state(struct task_struct *p, unsigned int state);
/* task_curr - is @p running on a CPU right now? (A hint: it may change at once.) */
bool task_curr(const struct task_struct *p);
/*
 * signal_pending_state - would a signal end a sleep in @state now? An
 * interruptible sleep ends for any pending signal, a killable one for
 * SIGKILL (kernel/signal.c). schedule() does not sleep when it would.
 */
bool signal_pending_state(unsigned int state, struct task_struct *p);
/* Let another task run if this one's time is up. */
void cond_resched(void);

bool need_resched(void);
/* At the end of an interrupt: switch if asked to and the interrupted code allows it. */
void preempt_schedule_irq(void);

/* The tick's part (kernel/time/tick-common.c): time slices, load balancing. Context: the tick. */
void scheduler_tick(void);

/*
 * sched_init - make the boot context init_task, CPU 0's idle task, and
 * give every other possible CPU its idle task and run queue.
 * Context: boot, after the page allocator, before the other CPUs start.
 */
void sched_init(void);
/*
 * cpu_startup_entry - run @cpu's idle loop for ever: the boot CPU from
 * rest_init(); a starting CPU (@stack: the stack it runs on) once online.
 */
void __noreturn cpu_startup_entry(unsigned int cpu, void *stack);
/* The idle task of @cpu (swapper/N). */
struct task_struct *idle_task(unsigned int cpu);

/*
 * Thread stacks (kernel/fork.c): a created task's stack is vmalloc'd,
 * with an unmapped guard page below it and one above it.
 */
struct vm_struct;

/* Freed stacks each CPU keeps for its next tasks (Linux's NR_CACHED_STACKS). */
#define NR_CACHED_STACKS	2

/* The lowest address of @task's stack (where an overflow leaves it). */
static inline void *task_stack_page(const struct task_struct *task)
{
	return task->stack;
}

/* The vmalloc area of @task's stack; NULL for the idle tasks' boot stacks. */
static inline struct vm_struct *task_stack_vm_area(const struct task_struct *task)
{
	return task->stack_vm_area;
}

/**
 * alloc_thread_stack_node - give @tsk a THREAD_SIZE stack
 * @tsk: a task being created, without a stack
 * @node: NUMA node to prefer (NUMA_NO_NODE: any)
 *
 * From this CPU's cache of freed stacks (cleared), else a new vmalloc area
 * with a guard page on each side. Sets @tsk->stack and @tsk->stack_vm_area.
 *
 * Return: 0, or -ENOMEM with nothing kept. Context: process, may sleep.
 */
int alloc_thread_stack_node(struct task_struct *tsk, int node);

/**
 * free_thread_stack - release @tsk's stack, if it has one from alloc_thread_stack_node()
 * @tsk: a task that will never run again
 *
 * Into this CPU's cache if it has room; else freed, or, when the caller
 * cannot sleep (interrupts off: the last reference dropped by
 * finish_task_switch()), handed to the next alloc_thread_stack_node() or
 * free_vm_stack_cache() to free. Context: any.
 */
void free_thread_stack(struct task_struct *tsk);

/*
 * free_vm_stack_cache - free the stacks @cpu has cached, and those waiting
 * for process context (Linux frees a CPU's cache when the CPU goes
 * offline; tests use it to count pages). Context: process, may sleep.
 */
void free_vm_stack_cache(unsigned int cpu);
/* free_vm_stack_cache() of every CPU. Context: process, may sleep. */
void free_vm_stack_caches(void);
struct seq_file;
/*
 * ps_show - every task, one line each (pid, parent's pid, CPU, state,
 * voluntary and involuntary switches, name): the idle tasks, then the
 * task list in creation order. The shell's ps. Context: process.
 */
int ps_show(struct seq_file *m, void *v);

/*
 * task_state_to_char - @p's state as ps and /proc/PID/stat print it: R
 * running, S sleeping, D uninterruptible, Z a zombie (exited, not yet
 * reaped), X dead, I an idle task.
 */
char task_state_to_char(const struct task_struct *p);

/* Runnable tasks of @cpu, queued or running, its idle task not counted. */
unsigned int nr_running_on(unsigned int cpu);

/* Tasks on the task list, the idle tasks not counted (Linux's nr_processes()). */
unsigned int nr_processes(void);

#endif /* _LINUX_SCHED_H */
