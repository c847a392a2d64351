// SPDX-License-Identifier: GPL-2.0
/*
 * Creating tasks (include/linux/sched/task.h): init_task and the task
 * list, pids, copy_process() and the idle tasks' fork_idle(); and their
 * stacks, below.
 *
 *   init_task.tasks -> init (pid 1) -> kthread ... -> back to init_task
 *
 * The list holds every task but the idle tasks, in creation order, under
 * tasklist_lock (irqsave: a task is unlinked wherever its last reference
 * goes, finish_task_switch() included). init_task is the boot CPU's idle
 * task, swapper/0; pids count up from 1 and are not reused (pid_max is
 * far off for a kernel that runs its tests and stops).
 *
 * A task_struct is one zeroed page (it fits: a static assertion); the
 * stack is separate, as follows.
 *
 * Processes: kernel_clone() is fork(), vfork(), clone() and clone3().
 * copy_process() makes the child in this order, each step undone in
 * reverse when a later one fails, so a refused fork keeps nothing:
 *
 *   flags checked (Linux's refusals; namespaces: -EINVAL)
 *   struct and stack
 *   signal_struct    shared (CLONE_THREAD) or its own copy of the limits
 *   files            shared (CLONE_FILES) or dup_fd()
 *   fs               shared (CLONE_FS) or copy_fs_struct()
 *   mm               shared (CLONE_VM, mmget()) or dup_mm()
 *   registers        copy_thread(): the caller's, ax 0, new sp and TLS
 *   pidfd            CLONE_PIDFD: a pidfd reserved and its number stored
 *                    (args->pidfd), installed once the child is attached
 *   the tree         pid, parent (the caller, or its parent with
 *                    CLONE_PARENT), task list: under tasklist_lock, where
 *                    nr_threads >= max_threads is -EAGAIN; a thread
 *                    instead joins its group (see below)
 *
 * Threads (CLONE_THREAD, which needs CLONE_SIGHAND, which needs CLONE_VM,
 * as Linux's): the new task shares the caller's signal_struct, takes the
 * caller's tgid and group_leader, and goes on signal->thread_head (under
 * tasklist_lock and siglock) but not on the task list or any children
 * list: only a group's leader is a process. Its exit signal is -1 (no
 * parent is told of it) and its parent the leader's parent, as Linux's.
 * A kernel thread that became a user task without an exec still shares
 * init_signal with every kernel thread: it cannot start threads (-EINVAL).
 *
 * The child inherits comm, process group and session. CLONE_CHILD_SETTID
 * is stored by the child itself (schedule_tail()), CLONE_PARENT_SETTID by
 * kernel_clone(), CLONE_CHILD_CLEARTID at the child's exit (exit_mm()).
 * RLIMIT_NPROC is not checked: every task is root, which Linux exempts.
 * init_files and init_fs, which kernel threads share, are never counted:
 * a user task started from a kernel thread shares them only when it asks
 * (CLONE_FILES, CLONE_FS) and otherwise gets its own copies.
 *
 * Thread stacks: vmalloc'd, with guard pages, cached per CPU. Linux's
 * VMAP_STACK (its kernel/fork.c; "Virtually Mapped Kernel Stack Support"
 * in the mm documentation). copy_process() and free_task() are the
 * callers.
 *
 * One stack, one area of the vmalloc space, reserved with
 * get_vm_area_caller(PAGE_SIZE + THREAD_SIZE, VM_SPARSE):
 *
 *   vm->addr                                                    vm->addr + vm->size
 *   | guard: never mapped | stack: THREAD_SIZE, 4 pages mapped | guard: vmalloc's |
 *                         ^ task_stack_page()                  ^ first stack pointer
 *
 * The guard page below is part of the stack's own area, so nothing is
 * ever mapped there and an overflow always faults. Linux vmallocs
 * THREAD_SIZE and counts on the area below ending with its own guard
 * page; but the space below may be free, and later be given to an area
 * without a guard (VM_NO_GUARD: a huge vmalloc) ending right at the
 * stack. The guard above is the one vmalloc leaves after every area, so
 * running off the top faults as well. The pages are order-0 (a stack needs
 * no contiguous memory), zeroed, mapped with vm_area_map_pages(); vm->pages
 * keeps them. Being VM_SPARSE, they do not count in vmalloc_nr_pages().
 *
 * An overflow: the push or call that enters the guard page faults, the
 * CPU cannot push the page fault's frame on the same stack and raises a
 * double fault instead, which runs on its own IST stack; the report
 * ("kernel stack overflow (double-fault)") is arch/x86_64/traps.c's.
 *
 * The cache: each CPU keeps up to NR_CACHED_STACKS freed stacks (their
 * vm_structs) in cached_stacks[]. A dead task's stack goes there and a new
 * task's comes from there, cleared, with no vmalloc, page allocation or
 * TLB flush. A slot is emptied with xchg and filled with cmpxchg, locked
 * instructions, so free_vm_stack_cache() may empty another CPU's slots,
 * and a task that moves to another CPU between picking a slot and using
 * it merely uses the other CPU's slot.
 *
 * What does not fit in the cache is freed: remove_vm_area() may sleep and
 * purge (IPIs to every CPU), but the last reference to a dead task is
 * often dropped by finish_task_switch() with interrupts off. Such a stack
 * goes on dead_stacks, an llist linked through the dead stack itself
 * (still mapped), and is freed by the next
 * alloc_thread_stack_node() or free_vm_stack_cache().
 *
 * meminfo's KernelStack counts the stacks of live tasks (not the cached
 * ones), in the zones of their pages, as Linux's NR_KERNEL_STACK_KB.
 *
 * Address spaces (include/linux/sched/mm.h has their two counts): struct
 * mm_struct and struct vm_area_struct come from their own caches, made
 * by proc_caches_init() once the slab allocator runs. mm_alloc() gives
 * an empty mm with its own pgd; mmput() and mmdrop() end it; the VMAs
 * themselves are mm/mmap.c's. dup_mm() is fork's copy: every VMA but
 * the VM_DONTCOPY ones, each joined to the parent's anon_vmas with one of
 * its own (anon_vma_fork()) and to its file's i_mmap, its ptes copied by
 * copy_page_range() (private pages shared copy-on-write); VM_WIPEONFORK
 * VMAs come empty, mlock()s are not inherited. A failure part way leaves
 * a consistent, partial mm, which mmput() takes apart like any other. Both caches are SLAB_NO_MERGE: in Linux
 * SLAB_ACCOUNT keeps them apart from the kmalloc caches, and their
 * object counts are what the leak checks read.
 *
 * Not here: the boot CPU's first stack (init_stack in the kernel image,
 * init_task's) and the other CPUs' idle stacks (arch/x86_64/smpboot.c,
 * from the page allocator) stay where the boot put them, without guards.
 */
#include <asm/fpu.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/timekeeping.h>
#include <linux/mm_types.h>
#include <asm/mmu_context.h>
#include <linux/sprintf.h>
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/percpu.h>
#include <linux/atomic.h>
#include <linux/preempt.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/bug.h>
#include <linux/llist.h>
#include <linux/vmstat.h>
#include <linux/cred.h>
#include <linux/sched/coredump.h>
#include <linux/ptrace.h>
#include <linux/pid.h>
#include <linux/file.h>
#include <linux/fs_struct.h>
#include <linux/fdtable.h>
#include <linux/sched/signal.h>
#include <linux/sched/mm.h>
#include <linux/mmap_lock.h>
#include <linux/mman.h>
#include <linux/rbtree.h>
#include <linux/rmap.h>
#include <linux/fs.h>
#include <asm/tlbflush.h>
#include <asm/pgalloc.h>
#include <asm/irqflags.h>
#include <linux/signal.h>
#include <asm/signal.h>
#include <asm/uaccess.h>
#include <linux/syscalls.h>

extern char init_stack[];

/* Limits of the kernel's tasks and of init, Linux's INIT_RLIMITS. */
struct signal_struct init_signal = {
	.rlim = {
		[RLIMIT_CPU]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_FSIZE]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_DATA]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_STACK]		= { _STK_LIM, RLIM_INFINITY },
		[RLIMIT_CORE]		= { 0, RLIM_INFINITY },
		[RLIMIT_RSS]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_NPROC]		= { 0, 0 },	/* set from memory, as Linux's fork_init() */
		[RLIMIT_NOFILE]		= { INR_OPEN_CUR, INR_OPEN_MAX },
		[RLIMIT_MEMLOCK]	= { MLOCK_LIMIT, MLOCK_LIMIT },
		[RLIMIT_AS]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_LOCKS]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_SIGPENDING]	= { 0, 0 },
		[RLIMIT_MSGQUEUE]	= { 819200, 819200 },
		[RLIMIT_NICE]		= { 0, 0 },
		[RLIMIT_RTPRIO]		= { 0, 0 },
		[RLIMIT_RTTIME]		= { RLIM_INFINITY, RLIM_INFINITY },
	},
	.wait_chldexit = __WAIT_QUEUE_HEAD_INITIALIZER(init_signal.wait_chldexit),
	/* Kernel threads share it but are on no thread list: it stays empty. */
	.thread_head = LIST_HEAD_INIT(init_signal.thread_head),
	.shared_pending = { .list = LIST_HEAD_INIT(init_signal.shared_pending.list) },
	/* Never armed (kernel threads have no interval timers), but stopped at their exit. */
	.itimer_lock = __SPIN_LOCK_UNLOCKED(init_signal.itimer_lock),
	.real_timer = { .entry = LIST_HEAD_INIT(init_signal.real_timer.entry) },
};

/* swapper/0: the boot context, CPU 0's idle task (Linux's init/init_task.c). */
struct task_struct init_task = {
	.__state = TASK_RUNNING,
	.flags = PF_KTHREAD,
	.comm = "swapper",		/* swapper/0 once sched_init() makes it idle */
	.stack = init_stack,
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.real_parent = &init_task,
	.parent = &init_task,
	.children = LIST_HEAD_INIT(init_task.children),
	.sibling = LIST_HEAD_INIT(init_task.sibling),
	.alloc_lock = __SPIN_LOCK_UNLOCKED(init_task.alloc_lock),
	.active_mm = &init_mm,
	.usage = ATOMIC_INIT(2),
	.real_cred = &init_cred,
	.cred = &init_cred,
	.fs = &init_fs,
	.files = &init_files,
	.signal = &init_signal,
	.sighand = &init_sighand,
	.pending = { .list = LIST_HEAD_INIT(init_task.pending.list) },
	.thread_node = LIST_HEAD_INIT(init_task.thread_node),
	.group_leader = &init_task,
};

DEFINE_RWLOCK(tasklist_lock);
static atomic_t last_pid = ATOMIC_INIT(0);

int last_pid_nr(void)
{
	return atomic_read(&last_pid);
}

#define THREAD_PAGES		(THREAD_SIZE >> PAGE_SHIFT)
/* Linux's THREADINFO_GFP, less the memcg accounting we do not have. */
#define THREADINFO_GFP		(GFP_KERNEL | __GFP_ZERO)

/* Freed stacks for this CPU's next tasks; taken and filled atomically (see the top). */
static DEFINE_PER_CPU(struct vm_struct *, cached_stacks[NR_CACHED_STACKS]);

/* A stack freed with interrupts off, waiting for process context; at its lowest address. */
struct dead_stack {
	struct llist_node node;
	struct vm_struct *vm;
};
static LLIST_HEAD(dead_stacks);

/* The stack in @vm: above the guard page that starts the area. */
static inline void *vm_stack(const struct vm_struct *vm)
{
	return (char *)vm->addr + PAGE_SIZE;
}

/* Unmap @vm's stack and free its area and pages. Context: process. */
static void free_vm_stack(struct vm_struct *vm)
{
	struct vm_struct *removed = remove_vm_area(vm->addr);
	struct page **pages = vm->pages;
	unsigned int i;

	BUG_ON(removed != vm);
	for (i = 0; pages && i < THREAD_PAGES; i++)
		if (pages[i])
			__free_page(pages[i]);
	kfree(pages);
	kfree(vm);
}

static void free_dead_stacks(void)
{
	struct llist_node *pos, *n;

	/* Each node is in the stack free_vm_stack() unmaps: @n is read first. */
	llist_for_each_safe(pos, n, llist_del_all(&dead_stacks))
		free_vm_stack(llist_entry(pos, struct dead_stack, node)->vm);
}

/* A new stack: the area with its two guard pages, its pages mapped. */
static struct vm_struct *alloc_vm_stack(const void *caller)
{
	struct vm_struct *vm;
	struct page **pages;
	unsigned long stack;

	vm = get_vm_area_caller(PAGE_SIZE + THREAD_SIZE, VM_SPARSE, caller);
	if (!vm)
		return NULL;
	pages = kcalloc(THREAD_PAGES, sizeof(*pages), GFP_KERNEL);
	vm->pages = pages;
	stack = (unsigned long)vm_stack(vm);
	if (!pages || alloc_pages_bulk_array(THREADINFO_GFP, THREAD_PAGES, pages) < THREAD_PAGES ||
	    vm_area_map_pages(vm, stack, stack + THREAD_SIZE, pages)) {
		free_vm_stack(vm);
		return NULL;
	}
	vm->nr_pages = THREAD_PAGES;
	return vm;
}

/* A task takes (+1) or gives up (-1) the stack in @vm: KernelStack in meminfo. */
static void account_kernel_stack(const struct vm_struct *vm, int sign)
{
	unsigned int i;

	for (i = 0; i < THREAD_PAGES; i++)
		mod_zone_page_state(page_zone(vm->pages[i]), NR_KERNEL_STACK_KB,
				    sign * (long)(PAGE_SIZE / 1024));
}

int alloc_thread_stack_node(struct task_struct *tsk, int node)
{
	struct vm_struct *vm;
	unsigned int i;

	/* One node here: @node has no choice to make. */
	might_sleep();
	if (unlikely(!llist_empty(&dead_stacks)))
		free_dead_stacks();
	for (i = 0; i < NR_CACHED_STACKS; i++) {
		vm = xchg(raw_cpu_ptr(&cached_stacks[i]), NULL);
		if (vm) {
			/* As Linux: no stale pointers from the last task. */
			memset(vm_stack(vm), 0, THREAD_SIZE);
			goto found;
		}
	}
	vm = alloc_vm_stack(__builtin_return_address(0));
	if (!vm)
		return -ENOMEM;
found:
	account_kernel_stack(vm, 1);
	tsk->stack = vm_stack(vm);
	tsk->stack_vm_area = vm;
	return 0;
}

void free_thread_stack(struct task_struct *tsk)
{
	struct vm_struct *vm = tsk->stack_vm_area;
	struct dead_stack *d;
	unsigned int i;

	if (!vm)
		return;
	account_kernel_stack(vm, -1);
	tsk->stack = NULL;
	tsk->stack_vm_area = NULL;
	for (i = 0; i < NR_CACHED_STACKS; i++)
		if (!cmpxchg(raw_cpu_ptr(&cached_stacks[i]), NULL, vm))
			return;
	if (likely(!in_atomic() && !irqs_disabled())) {
		free_vm_stack(vm);
		return;
	}
	d = vm_stack(vm);
	d->vm = vm;
	llist_add(&d->node, &dead_stacks);
}

void free_vm_stack_cache(unsigned int cpu)
{
	unsigned int i;

	might_sleep();
	for (i = 0; i < NR_CACHED_STACKS; i++) {
		struct vm_struct *vm = xchg(per_cpu_ptr(&cached_stacks[i], cpu), NULL);

		if (vm)
			free_vm_stack(vm);
	}
	free_dead_stacks();
}

void free_vm_stack_caches(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		free_vm_stack_cache(cpu);
}

/* ---- tasks ------------------------------------------------------------- */

int nr_threads;		/* tasklist_lock */
int max_threads;	/* fork_init() */

/* Linux's FUTEX_TID_MASK: the largest tid a futex word can hold. */
#define FUTEX_TID_MASK		0x3fffffff
#define MIN_THREADS		20

void fork_init(void)
{
	u64 threads = (u64)totalram_pages() * PAGE_SIZE / ((u64)THREAD_SIZE * 8);

	max_threads = clamp_t(u64, threads, MIN_THREADS, FUTEX_TID_MASK);
	init_signal.rlim[RLIMIT_NPROC].rlim_cur = max_threads / 2;
	init_signal.rlim[RLIMIT_NPROC].rlim_max = max_threads / 2;
}

/* Linux's alloc_task_struct_node(): a zeroed page. */
static struct task_struct *alloc_task_struct_node(int node)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

	BUILD_BUG_ON(sizeof(struct task_struct) > PAGE_SIZE);
	return page ? page_address(page) : NULL;
}

static void free_task_struct(struct task_struct *p)
{
	free_page((unsigned long)p);
}

/* A zeroed task named @name that has never run, with its two references. */
static struct task_struct *dup_task_struct(const char *name)
{
	struct task_struct *p = alloc_task_struct_node(NUMA_NO_NODE);

	if (!p)
		return NULL;
	p->__state = TASK_UNINTERRUPTIBLE;	/* until woken for the first time */
	p->flags = PF_KTHREAD;
	strscpy(p->comm, name, sizeof(p->comm));
	atomic_set(&p->usage, 2);
	init_completion(&p->exited);
	init_waitqueue_head(&p->wait_pidfd);
	INIT_LIST_HEAD(&p->tasks);
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	spin_lock_init(&p->alloc_lock);
	/* Kernel threads: root, the shared root and cwd, the shared fd table. */
	p->real_cred = p->cred = get_cred(&init_cred);
	p->fs = &init_fs;
	p->files = &init_files;
	p->signal = &init_signal;
	p->sighand = &init_sighand;
	init_sigpending(&p->pending);
	INIT_LIST_HEAD(&p->thread_node);
	p->group_leader = p;
	return p;
}

/*
 * The flags Linux refuses together (its copy_process()), and what is not
 * here: namespaces, cgroups: -EINVAL.
 */
static int clone_flags_check(const struct kernel_clone_args *args)
{
	u64 flags = args->flags;

	if ((flags & (CLONE_NEWNS | CLONE_FS)) == (CLONE_NEWNS | CLONE_FS) ||
	    (flags & (CLONE_NEWUSER | CLONE_FS)) == (CLONE_NEWUSER | CLONE_FS))
		return -EINVAL;
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	/* The global init has no siblings: its parent is swapper. */
	if ((flags & CLONE_PARENT) && current->pid == 1)
		return -EINVAL;
	if ((flags & CLONE_PIDFD) && (flags & (CLONE_DETACHED | CLONE_THREAD)))
		return -EINVAL;
	/* A dying or execing group takes no new threads (Linux: its fatal signal would). */
	if ((flags & CLONE_THREAD) &&
	    (current->signal == &init_signal || signal_group_exit(current->signal)))
		return -EINVAL;
	if (flags & (		     CLONE_INTO_CGROUP | CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS |
		     CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET))
		return -EINVAL;
	return 0;
}

/* The child's fd table: the parent's shared (CLONE_FILES) or copied. */
static int copy_files(u64 flags, struct task_struct *p)
{
	struct files_struct *oldf = current->files, *newf;

	if (flags & CLONE_FILES) {
		/* init_files is shared by every kernel thread and never counted. */
		if (oldf != &init_files)
			atomic_inc(&oldf->count);
		p->files = oldf;
		return 0;
	}
	newf = dup_fd(oldf);
	if (IS_ERR(newf))
		return PTR_ERR(newf);
	p->files = newf;
	return 0;
}

/* The child's root, cwd and umask: the parent's shared (CLONE_FS) or copied. */
static int copy_fs(u64 flags, struct task_struct *p)
{
	struct fs_struct *fs = current->fs;

	if (flags & CLONE_FS) {
		if (fs != &init_fs) {
			spin_lock(&fs->lock);
			fs->users++;
			spin_unlock(&fs->lock);
		}
		p->fs = fs;
		return 0;
	}
	p->fs = copy_fs_struct(fs);
	return p->fs ? 0 : -ENOMEM;
}

/* A thread shares the caller's process state: one more user, one more live thread. */
static void share_signal(struct task_struct *p)
{
	struct signal_struct *sig = current->signal;

	atomic_inc(&sig->sigcnt);
	atomic_inc(&sig->live);
	p->signal = sig;
}

int copy_signal(struct task_struct *p)
{
	struct signal_struct *sig = kzalloc(sizeof(*sig), GFP_KERNEL);

	if (!sig)
		return -ENOMEM;
	task_lock(current);
	memcpy(sig->rlim, current->signal->rlim, sizeof(sig->rlim));
	task_unlock(current);
	init_waitqueue_head(&sig->wait_chldexit);
	init_sigpending(&sig->shared_pending);
	INIT_LIST_HEAD(&sig->thread_head);
	list_add_tail(&p->thread_node, &sig->thread_head);
	sig->nr_threads = 1;
	atomic_set(&sig->sigcnt, 1);
	atomic_set(&sig->live, 1);
	init_itimers(sig);
	p->signal = sig;
	return 0;
}

void put_signal_struct(struct signal_struct *sig)
{
	if (sig == &init_signal || !atomic_dec_and_test(&sig->sigcnt))
		return;
	flush_sigqueue(&sig->shared_pending);
	kfree(sig);
}

/* Undo copy_signal() for a child that never ran. */
static void uncopy_signal(struct task_struct *p)
{
	if (p->signal != &init_signal)
		atomic_dec(&p->signal->live);
	put_signal_struct(p->signal);
	p->signal = &init_signal;
}

/* The child's address space: the parent's shared (CLONE_VM) or copied (dup_mm()). */
static int copy_mm(u64 flags, struct task_struct *p)
{
	struct mm_struct *oldmm = current->mm, *mm;

	if (WARN_ON_ONCE(!oldmm))
		return -EINVAL;
	if (flags & CLONE_VM) {
		mmget(oldmm);
		mm = oldmm;
	} else {
		mm = dup_mm(p, oldmm);
		if (!mm)
			return -ENOMEM;
	}
	p->mm = p->active_mm = mm;
	return 0;
}

/* Undo what exit_files() and exit_fs() would, for a child that never ran. */
static void free_files_fs(struct task_struct *p)
{
	struct fs_struct *fs = p->fs;
	bool last = false;

	if (p->files && p->files != &init_files)
		put_files_struct(p->files);
	if (fs && fs != &init_fs) {
		spin_lock(&fs->lock);
		last = !--fs->users;
		spin_unlock(&fs->lock);
		if (last)
			free_fs_struct(fs);
	}
	p->files = NULL;
	p->fs = NULL;
}

/*
 * A user child's own state: limits, files, fs, mm, registers. On failure
 * what was made is undone in reverse, and the caller frees the rest.
 */
static int copy_user_state(struct kernel_clone_args *args, struct task_struct *p)
{
	int err = 0;

	p->flags = (p->flags & ~PF_KTHREAD) | PF_FORKNOEXEC;
	p->files = NULL;
	p->fs = NULL;
	exit_creds(p);
	copy_creds(p);
	p->atomic_flags = current->atomic_flags;
	if (args->flags & CLONE_THREAD)
		share_signal(p);
	else
		err = copy_signal(p);
	if (err)
		return err;
	err = copy_sighand(args->flags, p);
	if (err)
		goto fail_sighand;
	err = copy_files(args->flags, p);
	if (err)
		goto fail_files;
	err = copy_fs(args->flags, p);
	if (err)
		goto fail_fs;
	err = copy_mm(args->flags, p);
	if (err)
		goto fail_fs;
	err = copy_thread(p, args);
	if (err)
		goto fail_thread;
	strscpy(p->comm, current->comm, sizeof(p->comm));
	if (args->flags & CLONE_CHILD_SETTID)
		p->set_child_tid = args->child_tid;
	if (args->flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = args->child_tid;
	return 0;

fail_thread:
	mmput(p->mm);
	p->mm = p->active_mm = NULL;
fail_fs:
	free_files_fs(p);
fail_files:
	uncopy_signal(p);
	exit_signals_free(p);
	p->sighand = &init_sighand;
	return err;
fail_sighand:
	uncopy_signal(p);
	return err;
}

/* A thread joins the caller's group: tasklist_lock written, siglock taken here. */
static void attach_thread(struct task_struct *p)
{
	struct signal_struct *sig = current->signal;

	spin_lock(&current->sighand->siglock);
	p->tgid = current->tgid;
	p->group_leader = current->group_leader;
	p->exit_signal = -1;
	sig->nr_threads++;
	list_add_tail(&p->thread_node, &sig->thread_head);
	spin_unlock(&current->sighand->siglock);
}

/*
 * A new process joins the tree and the task list, the leader of its own
 * group (a user process is already alone on its thread list:
 * copy_signal()). tasklist_lock written.
 */
static void attach_process(struct task_struct *p)
{
	p->tgid = p->pid;
	list_add_tail(&p->sibling, &p->real_parent->children);
	list_add_tail(&p->tasks, &init_task.tasks);
}

/*
 * The new task joins the tree (tasklist_lock): the caller's child, or
 * with CLONE_PARENT or CLONE_THREAD its sibling (the leader's parent's
 * child), which with CLONE_PARENT inherits the leader's exit signal as
 * Linux's. -EAGAIN past max_threads.
 */
static int attach_task(struct kernel_clone_args *args, struct task_struct *p)
{
	struct task_struct *parent = current;
	unsigned long flags;

	write_lock_irqsave(&tasklist_lock, flags);
	if (nr_threads >= max_threads) {
		write_unlock_irqrestore(&tasklist_lock, flags);
		return -EAGAIN;
	}
	if (args->flags & (CLONE_PARENT | CLONE_THREAD)) {
		parent = current->real_parent;
		p->exit_signal = current->group_leader->exit_signal;
	}
	p->real_parent = p->parent = parent;
	p->pgid = task_pgrp_nr(current);
	p->sid = task_session_nr(current);
	p->signal->tty = current->signal->tty;
	p->pid = atomic_add_return(1, &last_pid);
	p->tgid = p->pid;
	p->start_time = ktime_get();
	nr_threads++;
	if (args->flags & CLONE_THREAD)
		attach_thread(p);
	else
		attach_process(p);
	write_unlock_irqrestore(&tasklist_lock, flags);
	return 0;
}

struct task_struct *copy_process(struct kernel_clone_args *args)
{
	struct file *pidfile = NULL;
	struct task_struct *p;
	int pidfd, err;

	err = clone_flags_check(args);
	if (err)
		return ERR_PTR(err);
	p = dup_task_struct(args->name ?: current->comm);
	if (!p)
		return ERR_PTR(-ENOMEM);
	err = alloc_thread_stack_node(p, NUMA_NO_NODE);
	if (err)
		goto fail_stack;
	p->exit_signal = args->exit_signal;
	if (args->fn) {
		/* A kernel thread: no mm; the active_mm is borrowed when it first runs. */
		err = copy_thread(p, args);
	} else {
		err = copy_user_state(args, p);
	}
	if (err)
		goto fail_state;
	pidfd = args->flags & CLONE_PIDFD ? pidfd_prepare(p, 0, &pidfile) : 0;
	err = pidfd < 0 ? pidfd : 0;
	if (err)
		goto fail_attach;
	if ((args->flags & CLONE_PIDFD) && put_user(pidfd, args->pidfd)) {
		err = -EFAULT;
		goto fail_pidfd;
	}
	err = attach_task(args, p);
	if (err)
		goto fail_pidfd;
	if (args->flags & CLONE_PIDFD)
		fd_install(pidfd, pidfile);
	return p;

fail_pidfd:
	if (args->flags & CLONE_PIDFD) {
		fput(pidfile);		/* its task reference goes */
		put_unused_fd(pidfd);
	}
fail_attach:
	if (p->mm)
		mmput(p->mm);
	free_files_fs(p);
fail_state:
	free_thread_stack(p);
	fpu_free(p->thread.fpu);
	uncopy_signal(p);
	exit_signals_free(p);
fail_stack:
	exit_creds(p);
	free_task_struct(p);
	return ERR_PTR(err);
}

/* The parent of a vfork() child: until the child's exec or exit (mm_release()). */
static void wait_for_vfork_done(struct task_struct *child, struct completion *vfork)
{
	wait_for_completion(vfork);
	put_task_struct(child);
}

pid_t kernel_clone(struct kernel_clone_args *args)
{
	struct completion vfork;
	struct task_struct *p;
	pid_t nr;

	/* clone() passes the pidfd and the parent's tid through one pointer */
	if ((args->flags & CLONE_PIDFD) && (args->flags & CLONE_PARENT_SETTID) &&
	    args->pidfd == args->parent_tid)
		return -EINVAL;
	p = copy_process(args);
	if (IS_ERR(p))
		return PTR_ERR(p);
	nr = p->pid;
	if (args->flags & CLONE_PARENT_SETTID)
		put_user(nr, args->parent_tid);	/* a fault is ignored, as Linux's */
	if (args->flags & CLONE_VFORK) {
		init_completion(&vfork);
		p->vfork_done = &vfork;
		get_task_struct(p);
	}
	wake_up_process(p);
	if (args->flags & CLONE_VFORK)
		wait_for_vfork_done(p, &vfork);
	return nr;
}

SYSCALL_DEFINE0(fork)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };

	return kernel_clone(&args);
}

SYSCALL_DEFINE0(vfork)
{
	struct kernel_clone_args args = {
		.flags = CLONE_VFORK | CLONE_VM,
		.exit_signal = SIGCHLD,
	};

	return kernel_clone(&args);
}

/* x86-64's order: flags, newsp, parent_tidptr, child_tidptr, tls. */
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, int __user *, child_tidptr, unsigned long, tls)
{
	struct kernel_clone_args args = {
		.flags = lower_32_bits(clone_flags) & ~CSIGNAL,
		.pidfd = parent_tidptr,
		.child_tid = child_tidptr,
		.parent_tid = parent_tidptr,
		.exit_signal = lower_32_bits(clone_flags) & CSIGNAL,
		.stack = newsp,
		.tls = tls,
	};

	return kernel_clone(&args);
}

/* clone3()'s argument into @kargs, with Linux's checks of its size and fields. */
static int copy_clone_args_from_user(struct kernel_clone_args *kargs,
				     struct clone_args __user *uargs, size_t usize)
{
	struct clone_args args;
	int err;

	if (usize > PAGE_SIZE)
		return -E2BIG;
	if (usize < CLONE_ARGS_SIZE_VER0)
		return -EINVAL;
	err = copy_struct_from_user(&args, sizeof(args), uargs, usize);
	if (err)
		return err;
	if (args.set_tid_size > 32 || (!args.set_tid && args.set_tid_size) ||
	    (args.set_tid && !args.set_tid_size))
		return -EINVAL;
	if (args.exit_signal & ~(u64)CSIGNAL || args.exit_signal > _NSIG)
		return -EINVAL;
	/* Choosing one's pid needs pid namespaces: not here. */
	if (args.set_tid_size)
		return -EINVAL;
	*kargs = (struct kernel_clone_args){
		.flags = args.flags,
		.pidfd = u64_to_user_ptr(args.pidfd),
		.child_tid = u64_to_user_ptr(args.child_tid),
		.parent_tid = u64_to_user_ptr(args.parent_tid),
		.exit_signal = args.exit_signal,
		.stack = args.stack,
		.stack_size = args.stack_size,
		.tls = args.tls,
	};
	return 0;
}

/* Linux's clone3_args_valid(): known flags, a stack with a size, no signal for a sibling. */
static bool clone3_args_valid(const struct kernel_clone_args *kargs)
{
	if (kargs->flags & ~(CLONE_LEGACY_FLAGS | CLONE_CLEAR_SIGHAND | CLONE_INTO_CGROUP))
		return false;
	if (kargs->flags & (CLONE_DETACHED | CSIGNAL))
		return false;
	if ((kargs->flags & (CLONE_SIGHAND | CLONE_CLEAR_SIGHAND)) ==
	    (CLONE_SIGHAND | CLONE_CLEAR_SIGHAND))
		return false;
	if ((kargs->flags & (CLONE_THREAD | CLONE_PARENT)) && kargs->exit_signal)
		return false;
	if (!kargs->stack != !kargs->stack_size)
		return false;
	return true;
}

SYSCALL_DEFINE2(clone3, struct clone_args __user *, uargs, size_t, size)
{
	struct kernel_clone_args kargs;
	int err = copy_clone_args_from_user(&kargs, uargs, size);

	if (err)
		return err;
	if (!clone3_args_valid(&kargs))
		return -EINVAL;
	/* The stack grows down on x86: the child starts at its top. */
	if (kargs.stack)
		kargs.stack += kargs.stack_size;
	return kernel_clone(&kargs);
}

struct task_struct *fork_idle(unsigned int cpu)
{
	struct task_struct *idle = dup_task_struct("swapper");

	if (!idle)
		return NULL;
	idle->active_mm = &init_mm;	/* the one the CPU starts on */
	idle->real_parent = idle->parent = &init_task;
	idle->pid = 0;
	return idle;
}

void free_task(struct task_struct *p)
{
	WARN_ON_ONCE(!list_empty(&p->tasks) && p->started);
	WARN_ON_ONCE(!list_empty(&p->thread_node) && p->started);
	fpu_free(p->thread.fpu);
	free_thread_stack(p);
	exit_signals_free(p);
	put_signal_struct(p->signal);
	exit_creds(p);
	free_task_struct(p);
}

struct kmem_cache *mm_cachep;
struct kmem_cache *vm_area_cachep;

void proc_caches_init(void)
{
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 0,
				      SLAB_PANIC | SLAB_HWCACHE_ALIGN | SLAB_NO_MERGE, NULL);
	vm_area_cachep = kmem_cache_create("vm_area_struct", sizeof(struct vm_area_struct), 0,
					   SLAB_PANIC | SLAB_NO_MERGE, NULL);
}

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = kmem_cache_zalloc(vm_area_cachep, GFP_KERNEL);

	if (!vma)
		return NULL;
	vma->vm_mm = mm;
	RB_CLEAR_NODE(&vma->vm_rb);
	INIT_LIST_HEAD(&vma->anon_vma_chain);
	INIT_LIST_HEAD(&vma->shared);
	return vma;
}

struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *new = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);

	if (!new)
		return NULL;
	*new = *orig;
	new->vm_next = NULL;
	new->vm_prev = NULL;
	RB_CLEAR_NODE(&new->vm_rb);
	/* Linked to nothing: the caller clones the chains and links the file. */
	INIT_LIST_HEAD(&new->anon_vma_chain);
	INIT_LIST_HEAD(&new->shared);
	return new;
}

void vm_area_free(struct vm_area_struct *vma)
{
	kmem_cache_free(vm_area_cachep, vma);
}

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kmem_cache_zalloc(mm_cachep, GFP_KERNEL);

	if (!mm)
		return NULL;
	atomic_set(&mm->mm_users, 1);
	atomic_set(&mm->mm_count, 1);
	spin_lock_init(&mm->page_table_lock);
	mmap_init_lock(mm);
	mm->mm_rb = RB_ROOT;
	init_new_context(mm);
	/* As Linux's mm_init(): fork and exec keep the dumpable mode and THP-disable. */
	if (current->mm)
		mm->flags = READ_ONCE(current->mm->flags) & MMF_INIT_MASK;
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		kmem_cache_free(mm_cachep, mm);
		return NULL;
	}
	return mm;
}

/* ---- fork's copy of an address space ---------------------------------- */

/* Undo a copy that never got linked: its anon_vmas, its file, itself. */
static void discard_vma_copy(struct vm_area_struct *tmp)
{
	unlink_anon_vmas(tmp);
	if (tmp->vm_file)
		fput(tmp->vm_file);
	vm_area_free(tmp);
}

/*
 * The child's copy of @mpnt, linked into @mm (and its file's i_mmap), its
 * ptes copied. Return: 0 or -ENOMEM; after a failure of copy_page_range()
 * the copy stays linked, for mmput() to tear down with the rest.
 */
static int dup_vma(struct mm_struct *mm, struct vm_area_struct *mpnt)
{
	long charge = (mpnt->vm_flags & VM_ACCOUNT) ? (long)vma_pages(mpnt) : 0;
	struct vm_area_struct *tmp;
	int err;

	/* The copy's overcommit charge; once linked, its teardown gives it back. */
	if (charge && security_vm_enough_memory_mm(mpnt->vm_mm, charge))
		return -ENOMEM;
	tmp = vm_area_dup(mpnt);
	if (!tmp)
		goto out_unacct;
	tmp->vm_mm = mm;
	/* VM_WIPEONFORK: a clean slate, its anon_vma prepared at the first fault. */
	if (tmp->vm_flags & VM_WIPEONFORK)
		tmp->anon_vma = NULL;
	else if (anon_vma_fork(tmp, mpnt))
		goto out_free;
	/* mlock() is not inherited (POSIX, Linux's VM_LOCKED_MASK). */
	tmp->vm_flags &= ~VM_LOCKED_MASK;
	if (tmp->vm_file)
		get_file(tmp->vm_file);
	if (insert_vm_struct(mm, tmp)) {
		discard_vma_copy(tmp);
		goto out_unacct;
	}
	err = 0;
	if (!(tmp->vm_flags & VM_WIPEONFORK))
		err = copy_page_range(tmp, mpnt);
	if (tmp->vm_ops && tmp->vm_ops->open)
		tmp->vm_ops->open(tmp);
	return err;

out_free:
	vm_area_free(tmp);
out_unacct:
	vm_unacct_memory(charge);
	return -ENOMEM;
}

/*
 * Linux's dup_mmap(): every VMA of @oldmm but the VM_DONTCOPY ones copied
 * into @mm, both mmap_locks held for writing (the child's nested). The
 * parent's TLB is flushed at the end: copy_page_range() write-protected
 * its private ptes.
 */
static int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *mpnt;
	int err = 0;

	if (mmap_write_lock_killable(oldmm))
		return -EINTR;
	mmap_write_lock_nested(mm, SINGLE_DEPTH_NESTING);
	mm->total_vm = oldmm->total_vm;
	mm->data_vm = oldmm->data_vm;
	mm->exec_vm = oldmm->exec_vm;
	mm->stack_vm = oldmm->stack_vm;
	for (mpnt = oldmm->mmap; mpnt && !err; mpnt = mpnt->vm_next) {
		if (mpnt->vm_flags & VM_DONTCOPY) {
			vm_stat_account(mm, mpnt->vm_flags, -(long)vma_pages(mpnt));
			continue;
		}
		err = dup_vma(mm, mpnt);
	}
	if (!err) {
		check_mm_rmap(oldmm);
		check_mm_rmap(mm);
	}
	mmap_write_unlock(mm);
	flush_tlb_mm(oldmm);
	mmap_write_unlock(oldmm);
	return err;
}

struct mm_struct *dup_mm(struct task_struct *tsk, struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return NULL;
	mm->mmap_base = oldmm->mmap_base;
	mm->task_size = oldmm->task_size;
	/* As Linux's mm_init(): of the default flags only VM_NOHUGEPAGE is inherited. */
	mm->def_flags = oldmm->def_flags & VM_NOHUGEPAGE;
	mm->start_code = oldmm->start_code;
	mm->end_code = oldmm->end_code;
	mm->start_data = oldmm->start_data;
	mm->end_data = oldmm->end_data;
	mm->start_brk = oldmm->start_brk;
	mm->brk = oldmm->brk;
	mm->start_stack = oldmm->start_stack;
	mm->arg_start = oldmm->arg_start;
	mm->arg_end = oldmm->arg_end;
	mm->env_start = oldmm->env_start;
	mm->env_end = oldmm->env_end;
	mm->exe_file = oldmm->exe_file ? get_file(oldmm->exe_file) : NULL;
	if (dup_mmap(mm, oldmm)) {
		mmput(mm);	/* the half-built copy: its VMAs, pages and tables */
		return NULL;
	}
	return mm;
}

static const char *const resident_page_types[NR_MM_COUNTERS] = {
	[MM_FILEPAGES] = "MM_FILEPAGES",
	[MM_ANONPAGES] = "MM_ANONPAGES",
	[MM_SWAPENTS] = "MM_SWAPENTS",
	[MM_SHMEMPAGES] = "MM_SHMEMPAGES",
};

/* What must be back at 0 when an mm goes: Linux's reports, not fatal. */
static void check_mm(struct mm_struct *mm)
{
	long bytes = atomic_long_read(&mm->pgtables_bytes);
	int i;

	for (i = 0; i < NR_MM_COUNTERS; i++) {
		long x = atomic_long_read(&mm->rss_stat[i]);

		if (unlikely(x))
			pr_alert("BUG: Bad rss-counter state mm:%p type:%s val:%ld\n", mm,
				 resident_page_types[i], x);
	}
	if (unlikely(bytes))
		pr_alert("BUG: non-zero pgtables_bytes on freeing mm: %ld\n", bytes);
}

void __mmdrop(struct mm_struct *mm)
{
	BUG_ON(mm == &init_mm);
	WARN_ON_ONCE(mm == current->mm);
	WARN_ON_ONCE(mm == current->active_mm);
	VM_BUG_ON_MM(mm->map_count || mm->mmap, mm);
	pgd_free(mm, mm->pgd);
	check_mm(mm);
	kmem_cache_free(mm_cachep, mm);
}

struct file *get_task_exe_file(struct task_struct *task)
{
	struct file *exe_file = NULL;

	task_lock(task);
	if (task->mm && !(task->flags & PF_KTHREAD) && task->mm->exe_file)
		exe_file = get_file(task->mm->exe_file);
	task_unlock(task);
	return exe_file;
}

struct mm_struct *mm_access(struct task_struct *task, unsigned int mode)
{
	struct mm_struct *mm = get_task_mm(task);

	if (mm && mm != current->mm && !ptrace_may_access(task, mode)) {
		mmput(mm);
		return ERR_PTR(-EACCES);
	}
	return mm;
}

struct mm_struct *get_task_mm(struct task_struct *task)
{
	struct mm_struct *mm;

	task_lock(task);
	mm = task->mm;
	if (mm)
		mmget(mm);
	task_unlock(task);
	return mm;
}

void mmput(struct mm_struct *mm)
{
	might_sleep();
	if (!atomic_dec_and_test(&mm->mm_users))
		return;
	exit_mmap(mm);
	if (mm->exe_file)
		fput(mm->exe_file);
	mmdrop(mm);
}

