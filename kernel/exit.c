// SPDX-License-Identifier: GPL-2.0
/*
 * The end of a task (include/linux/sched/task.h): do_exit(), zombies and
 * their reaping (wait4(), waitid()), and the freeing of what is left.
 *
 *   do_exit()             exit_mm(): the robust list, clear_child_tid
 *                         and its futex wake, the vfork parent
 *                         woken, off the mm (mmput()); exit_files(),
 *                         exit_fs(); exit_code set
 *   exit_notify()         the children go to init; the task becomes a
 *                         zombie and its parent's wait is woken, or is
 *                         reaped at once (release_task()) when the parent
 *                         is a kernel thread; waiters on exited woken;
 *                         TASK_DEAD, a last switch away
 *   wait4(), waitid()     the parent finds a zombie child, takes its exit
 *                         status, and reaps it: release_task()
 *   finish_task_switch()  (kernel/sched/core.c) in the next task, off the
 *                         dead one's stack: drops the scheduler's reference
 *   put_task_struct()     whoever drops the last one: free_task()
 *
 * Zombies. A child's exit status waits for its parent in the child's
 * task_struct, which stays on the task list (ps and /proc/PID show it
 * with state Z) until the parent's wait4() or waitid() takes it. The
 * parent gets the child's exit signal with its siginfo (SIGCHLD,
 * CLD_EXITED...: kernel/signal.c's do_notify_parent()), and its wait is
 * woken. A parent that ignores SIGCHLD or set SA_NOCLDWAIT has its
 * children reaped at once, as Linux's; kernel threads ignore SIGCHLD
 * (kthreadd's ignore_signals()), so a child of a kernel thread never
 * lingers. A stopped or continued child (kernel/signal.c's group stop)
 * is reported to WUNTRACED (WSTOPPED) and WCONTINUED waits, once.
 *
 * Orphans go to a live thread of their parent's group, else to init
 * (pid 1), Linux's child reaper; child subreapers
 * (PR_SET_CHILD_SUBREAPER) do not exist yet. A child moved to another
 * process gets SIGCHLD as its exit signal, as Linux's, and each of its
 * threads that asked for a parent-death signal (prctl(PR_SET_PDEATHSIG))
 * is sent it, as Linux's, whenever the parent thread exits.
 *
 * Thread groups (linux/sched/signal.h has the picture). A thread that is
 * not its group's leader is reaped as soon as it exits: nobody waits for
 * it (wait4() of its tid is -ECHILD: it is on no children list). A
 * leader that exits before its threads stays a zombie its parent cannot
 * reap (delay_group_leader()) and is not announced; release_task() of
 * the group's last other thread announces it. Any thread of a process
 * may wait for the children of any other (unless __WNOTHREAD), as they
 * share the wait queue. exit_group() is do_group_exit(): the group is
 * marked dying (SIGNAL_GROUP_EXIT, group_exit_code, under siglock), the
 * other threads get SIGKILL (zap_other_threads()) and nobody waits:
 * each dies on its way back to user mode, and the mm, files and fs go
 * with the last reference, the last thread's. The process's wait status
 * is group_exit_code: exit_group()'s, or (Linux 6.1) the code of the
 * last thread to exit when none called it.
 *
 * Exit statuses are Linux's wait statuses: (code & 0xff) << 8 for exit()
 * and exit_group(), the signal's number for a task a signal killed (with
 * 0x80 when a core would be dumped: kernel/signal.c), 0x7f | sig << 8 for
 * a stopped child, 0xffff for a continued one; kthreads' codes are their
 * functions' returns.
 *
 * Locking: tasklist_lock (written with interrupts off) guards the tree:
 * parents, children lists, exit_state, the thread lists (with siglock
 * once a group has threads). A waiter scans its children under
 * the read lock and claims a zombie by moving exit_state from EXIT_ZOMBIE
 * to EXIT_DEAD with cmpxchg; release_task() then unlinks it under the
 * write lock. task_lock() (alloc_lock) guards mm, fs and files against
 * their teardown for readers that are not the task (/proc).
 */
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/pid.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/completion.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/futex.h>
#include <linux/resource.h>
#include <linux/mm.h>
#include <linux/tty.h>
#include <linux/wait.h>
#include <linux/panic.h>
#include <linux/bug.h>
#include <linux/mmdebug.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/signal.h>
#include <asm/uaccess.h>

/*
 * @p leaves its thread group's list (tasklist_lock written). An execve()
 * waiting for the group to empty is woken. Return: the group's zombie
 * leader when @p was its last other thread and the leader's parent
 * ignores SIGCHLD (to be reaped too), else NULL (the parent was told).
 */
static struct task_struct *unhash_thread(struct task_struct *p)
{
	struct signal_struct *sig = p->signal;
	struct task_struct *leader = p->group_leader;

	if (list_empty(&p->thread_node))
		return NULL;	/* a kernel thread, or a process never attached */
	if (sig->nr_threads > 1) {
		spin_lock(&p->sighand->siglock);
		list_del_init(&p->thread_node);
		sig->nr_threads--;
		spin_unlock(&p->sighand->siglock);
	} else {
		list_del_init(&p->thread_node);
		sig->nr_threads--;
	}
	if (sig->group_exec_task)
		wake_up_process(sig->group_exec_task);
	if (leader == p || !thread_group_empty(leader) || leader->exit_state != EXIT_ZOMBIE)
		return NULL;
	if (!do_notify_parent(leader, leader->exit_signal))
		return NULL;
	leader->exit_state = EXIT_DEAD;
	return leader;
}

void release_task(struct task_struct *p)
{
	struct task_struct *leader;
	unsigned long flags;

	do {
		VM_WARN_ON_ONCE(READ_ONCE(p->exit_state) != EXIT_DEAD);
		write_lock_irqsave(&tasklist_lock, flags);
		list_del_init(&p->tasks);
		list_del_init(&p->sibling);
		nr_threads--;
		leader = unhash_thread(p);
		write_unlock_irqrestore(&tasklist_lock, flags);
		put_task_struct(p);		/* the tree's reference */
		p = leader;
	} while (p);
}

void __put_task_struct(struct task_struct *p)
{
	WARN_ON_ONCE(READ_ONCE(p->__state) != TASK_DEAD && p->started);
	free_task(p);
}

/*
 * Linux's mm_release(): the tid word of CLONE_CHILD_CLEARTID or
 * set_tid_address() is zeroed while the mm is still ours and one waiter
 * on it woken (pthread_join() sleeps there), only if someone else can see
 * it (the mm has other users); then the vfork() parent may go on.
 */
static void mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	if (tsk->clear_child_tid) {
		if (atomic_read(&mm->mm_users) > 1 &&
		    !put_user(0, tsk->clear_child_tid))	/* a fault is ignored */
			futex_wake_tid((u32 __user *)tsk->clear_child_tid);
		tsk->clear_child_tid = NULL;
	}
	if (tsk->vfork_done) {
		struct completion *vfork = tsk->vfork_done;

		tsk->vfork_done = NULL;
		complete(vfork);
	}
}

/* Exec's half: the robust list is walked and forgotten first, as Linux's. */
void exec_mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	futex_exec_release(tsk);
	mm_release(tsk, mm);
}

/* Exit's half (Linux's exit_mm_release()): the robust locks it holds are marked dead. */
static void exit_mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	futex_exit_release(tsk);
	mm_release(tsk, mm);
}

/* Off the mm for good: the last user tears it down (mmput()). */
static void exit_mm(void)
{
	struct mm_struct *mm = current->mm;

	if (!mm)
		return;
	exit_mm_release(current, mm);
	setmax_mm_hiwater_rss(&current->signal->maxrss, mm);
	exit_user_task();
	mmput(mm);
}

static void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	task_lock(tsk);
	tsk->files = NULL;
	task_unlock(tsk);
	if (files && files != &init_files)
		put_files_struct(files);
}

static void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;
	bool last;

	task_lock(tsk);
	tsk->fs = NULL;
	task_unlock(tsk);
	if (!fs || fs == &init_fs)
		return;
	spin_lock(&fs->lock);
	last = !--fs->users;
	spin_unlock(&fs->lock);
	if (last)
		free_fs_struct(fs);
}

/*
 * Who adopts @father's children: a thread of its group not yet exiting
 * (Linux's find_alive_thread()), else init. tasklist_lock held.
 */
static struct task_struct *find_new_reaper(struct task_struct *father)
{
	struct task_struct *t, *reaper;

	for_each_thread(father, t)
		if (!(t->flags & PF_EXITING))
			return t;
	reaper = find_task_by_vpid(1);
	BUG_ON(!reaper);
	return reaper;
}

/*
 * Give @father's children to a live thread of its group, or to init,
 * each thread sent its parent-death signal. A
 * child moved to another process gets SIGCHLD as its exit signal, and
 * a zombie among them (its threads gone) is announced to init, or put on
 * @dead to be reaped once the lock is dropped. tasklist_lock written.
 */
static void forget_original_parent(struct task_struct *father, struct list_head *dead)
{
	struct task_struct *reaper, *p, *n, *t;

	if (list_empty(&father->children))
		return;
	reaper = find_new_reaper(father);
	list_for_each_entry_safe(p, n, &father->children, sibling) {
		p->real_parent = p->parent = reaper;
		for_each_thread(p, t) {
			t->real_parent = t->parent = reaper;
			if (t->pdeath_signal)	/* prctl(PR_SET_PDEATHSIG) */
				send_sig(t->pdeath_signal, t, 1);
		}
		list_move_tail(&p->sibling, &reaper->children);
		if (reaper->signal == father->signal && father->signal != &init_signal)
			continue;
		p->exit_signal = SIGCHLD;
		if (p->exit_state == EXIT_ZOMBIE && thread_group_empty(p) &&
		    do_notify_parent(p, p->exit_signal)) {
			p->exit_state = EXIT_DEAD;
			list_move_tail(&p->sibling, dead);
		}
	}
}

/*
 * Whether @tsk is reaped at once: a thread always; a leader only when it
 * is alone and its parent ignores SIGCHLD (its parent told if it is
 * alone). tasklist_lock written.
 */
static bool exit_notify_parent(struct task_struct *tsk)
{
	if (!thread_group_leader(tsk))
		return true;
	if (!thread_group_empty(tsk)) {
		/* An execve() in another thread waits for this zombie. */
		if (tsk->signal->group_exec_task)
			wake_up_process(tsk->signal->group_exec_task);
		return false;
	}
	return do_notify_parent(tsk, tsk->exit_signal);
}

static void exit_notify(struct task_struct *tsk)
{
	struct task_struct *p, *n;
	unsigned long flags;
	LIST_HEAD(dead);
	bool autoreap;

	write_lock_irqsave(&tasklist_lock, flags);
	forget_original_parent(tsk, &dead);
	autoreap = exit_notify_parent(tsk);
	tsk->exit_state = autoreap ? EXIT_DEAD : EXIT_ZOMBIE;
	write_unlock_irqrestore(&tasklist_lock, flags);
	wake_up_all(&tsk->wait_pidfd);		/* its pidfds are readable now */
	list_for_each_entry_safe(p, n, &dead, sibling)
		release_task(p);
	if (autoreap)
		release_task(tsk);
}

/*
 * One live thread less; the last one's @code becomes the process's exit
 * status unless a group exit set it (Linux 6.1's synchronize_group_exit()).
 * Kernel threads, on no thread group, have nothing to do.
 */
static void synchronize_group_exit(struct task_struct *tsk, int code)
{
	struct signal_struct *sig = tsk->signal;
	unsigned long flags;

	if (sig == &init_signal)
		return;
	spin_lock_irqsave(&tsk->sighand->siglock, flags);
	if (atomic_dec_and_test(&sig->live) && !(sig->flags & SIGNAL_GROUP_EXIT)) {
		sig->flags = SIGNAL_GROUP_EXIT;
		sig->group_exit_code = code;
		sig->group_stop_count = 0;
	}
	spin_unlock_irqrestore(&tsk->sighand->siglock, flags);
}

void __noreturn do_exit(int code)
{
	struct task_struct *tsk = current;

	if (unlikely(tsk->pid == 1))
		panic("Attempted to kill init! exitcode=0x%08x\n", code);
	/* No longer a reaper for its group's orphans. */
	tsk->flags |= PF_EXITING;
	synchronize_group_exit(tsk, code);
	/* Off its mm before anyone learns it exited: the mm may go then. */
	exit_mm();
	exit_files(tsk);
	exit_fs(tsk);
	exit_itimers(tsk->signal);
	if (tsk->signal->leader)
		disassociate_ctty(1);
	kill_orphaned_pgrp(tsk);
	tsk->exit_code = code;
	exit_notify(tsk);
	complete_all(&tsk->exited);
	local_irq_disable();
	WRITE_ONCE(tsk->__state, TASK_DEAD);
	schedule();
	BUG();
	for (;;)
		;
}

int zap_other_threads(struct task_struct *p)
{
	struct task_struct *t;
	int count = 0;

	p->signal->group_stop_count = 0;
	for_each_thread(p, t) {
		if (t == p || t->exit_state)
			continue;
		count++;
		sigaddset(&t->pending.signal, SIGKILL);
		signal_wake_up(t, true);
	}
	return count;
}

/* The group's exit status once it is dying (Linux: 0 for the threads an execve() kills). */
static bool group_exit_code(const struct signal_struct *sig, int *code)
{
	if (sig->flags & SIGNAL_GROUP_EXIT)
		*code = sig->group_exit_code;
	else if (sig->group_exec_task)
		*code = 0;
	else
		return false;
	return true;
}

void __noreturn do_group_exit(int exit_code)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;

	/* Alone (a kernel thread always is), nobody else can join or kill: no lock. */
	if (group_exit_code(sig, &exit_code) || thread_group_empty(current))
		do_exit(exit_code);
	spin_lock_irqsave(&current->sighand->siglock, flags);
	if (!group_exit_code(sig, &exit_code)) {
		sig->group_exit_code = exit_code;
		sig->flags = SIGNAL_GROUP_EXIT;
		zap_other_threads(current);
	}
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	do_exit(exit_code);
}

/*
 * exit() ends the calling thread, exit_group() its whole process; both
 * with Linux's wait status for a normal exit, the low byte of
 * @error_code shifted left by 8.
 */
SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}

/* ---- wait4(), waitid() ---------------------------------------------- */

/* Which children a wait is for. */
enum wait_type {
	WAIT_ANY,		/* P_ALL, wait4(-1) */
	WAIT_PID,		/* P_PID, wait4(pid) */
	WAIT_PGID,		/* P_PGID, wait4(0) and wait4(-pgid) */
};

struct wait_opts {
	enum wait_type type;
	pid_t id;
	int options;		/* W*, __W* */
	/* what the reaped (or, WNOWAIT, seen) child leaves */
	pid_t pid;
	int status;		/* the wait status */
	int why;		/* CLD_STOPPED, CLD_CONTINUED, or 0: it exited */
	struct rusage ru;
};

/* Linux's eligible_child(): the id, and __WCLONE / __WALL against the exit signal. */
static bool eligible_child(const struct wait_opts *wo, const struct task_struct *p)
{
	if (wo->type == WAIT_PID && p->pid != wo->id)
		return false;
	if (wo->type == WAIT_PGID && task_pgrp_nr(p) != wo->id)
		return false;
	if (wo->options & __WALL)
		return true;
	return (p->exit_signal != SIGCHLD) == !!(wo->options & __WCLONE);
}

/* @p's counts into @wo->ru (wait4()'s and waitid()'s rusage). */
static void fill_wait_rusage(struct wait_opts *wo, const struct task_struct *p)
{
	memset(&wo->ru, 0, sizeof(wo->ru));
	wo->ru.ru_minflt = p->min_flt;
	wo->ru.ru_majflt = p->maj_flt;
	wo->ru.ru_nvcsw = p->nvcsw;
	wo->ru.ru_nivcsw = p->nivcsw;
}

/*
 * A stopped child for WSTOPPED (status 0x7f | sig << 8) or a continued
 * one for WCONTINUED (0xffff), the report consumed unless WNOWAIT
 * (Linux's wait_task_stopped() and wait_task_continued()). Return: true
 * with @wo filled. Context: tasklist_lock read-held (interrupts off).
 */
static bool wait_task_stopped_or_continued(struct wait_opts *wo, struct task_struct *p)
{
	struct signal_struct *sig = p->signal;
	bool consume = !(wo->options & WNOWAIT);

	if (p->exit_state || sig == &init_signal || !(wo->options & (WSTOPPED | WCONTINUED)))
		return false;
	spin_lock(&p->sighand->siglock);
	wo->why = 0;
	if ((wo->options & WSTOPPED) && (sig->flags & SIGNAL_STOP_STOPPED) &&
	    sig->group_exit_code) {
		wo->why = CLD_STOPPED;
		wo->status = (sig->group_exit_code << 8) | 0x7f;
		if (consume)
			sig->group_exit_code = 0;
	} else if ((wo->options & WCONTINUED) && (sig->flags & SIGNAL_STOP_CONTINUED)) {
		wo->why = CLD_CONTINUED;
		wo->status = 0xffff;
		if (consume)
			sig->flags &= ~SIGNAL_STOP_CONTINUED;
	}
	spin_unlock(&p->sighand->siglock);
	if (!wo->why)
		return false;
	wo->pid = p->pid;
	fill_wait_rusage(wo, p);
	return true;
}

/*
 * Scan @parent's children for what @wo wants: a zombie (a leader whose
 * threads are gone), claimed (EXIT_DEAD) unless WNOWAIT and returned with
 * a reference; or a stop or continue report (*@reported, @wo filled).
 * *@any: @wo matches a child. tasklist_lock held.
 */
static struct task_struct *scan_children(struct wait_opts *wo, struct task_struct *parent,
					 bool *any, bool *reported)
{
	struct task_struct *p;

	list_for_each_entry(p, &parent->children, sibling) {
		if (!eligible_child(wo, p))
			continue;
		*any = true;
		if (wait_task_stopped_or_continued(wo, p)) {
			*reported = true;
			return NULL;
		}
		if (!(wo->options & WEXITED) || READ_ONCE(p->exit_state) != EXIT_ZOMBIE ||
		    delay_group_leader(p))
			continue;
		if (!(wo->options & WNOWAIT) &&
		    cmpxchg(&p->exit_state, EXIT_ZOMBIE, EXIT_DEAD) != EXIT_ZOMBIE)
			continue;
		get_task_struct(p);
		return p;
	}
	return NULL;
}

/* The thread after @t in its group, round the list; @t itself when it is alone. */
static struct task_struct *next_thread(const struct task_struct *t)
{
	struct list_head *n = t->thread_node.next;

	if (n == &t->signal->thread_head)
		n = n->next;
	return list_entry(n, struct task_struct, thread_node);
}

/*
 * What @wo wants among the children of the caller or, unless __WNOTHREAD,
 * of any thread of its process; see scan_children().
 */
static struct task_struct *scan_group_children(struct wait_opts *wo, bool *any, bool *reported)
{
	struct task_struct *t = current, *found;
	unsigned long flags;

	*any = *reported = false;
	read_lock_irqsave(&tasklist_lock, flags);
	do {
		found = scan_children(wo, t, any, reported);
		t = next_thread(t);
	} while (!found && !*reported && !(wo->options & __WNOTHREAD) && t != current);
	read_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

/*
 * Linux's part of wait_task_zombie(): @p's usage and its own reaped
 * children's add to the caller's children's totals (getrusage()).
 */
static void account_reaped_child(struct task_struct *p)
{
	struct signal_struct *psig = current->signal, *sig = p->signal;
	unsigned long flags;

	write_lock_irqsave(&tasklist_lock, flags);
	psig->cutime += p->utime + sig->cutime;
	psig->cstime += p->stime + sig->cstime;
	psig->cnvcsw += p->nvcsw + sig->cnvcsw;
	psig->cnivcsw += p->nivcsw + sig->cnivcsw;
	psig->cmin_flt += p->min_flt + sig->cmin_flt;
	psig->cmaj_flt += p->maj_flt + sig->cmaj_flt;
	psig->cmaxrss = max3(psig->cmaxrss, sig->maxrss, sig->cmaxrss);
	write_unlock_irqrestore(&tasklist_lock, flags);
}

/* Take @p's exit status (the group's after exit_group()) and counts; reap it unless WNOWAIT. */
static void wait_task_zombie(struct wait_opts *wo, struct task_struct *p)
{
	wo->pid = p->pid;
	wo->status = (p->signal->flags & SIGNAL_GROUP_EXIT) ? p->signal->group_exit_code :
							       p->exit_code;
	wo->why = 0;
	getrusage(p, RUSAGE_BOTH, &wo->ru);
	if (!(wo->options & WNOWAIT)) {
		account_reaped_child(p);
		release_task(p);
	}
	put_task_struct(p);
}

/*
 * Wait until a child @wo wants is a zombie, or stopped or continued for
 * WSTOPPED, WCONTINUED (not at all with WNOHANG). Return: its pid (wo
 * filled), 0 (WNOHANG, none ready), -ECHILD (no such child),
 * -ERESTARTSYS (a signal came). Context: process, sleeps.
 */
static long do_wait(struct wait_opts *wo)
{
	struct wait_queue_head *wq = &current->signal->wait_chldexit;
	DEFINE_WAIT(wait);
	struct task_struct *zombie;
	bool any, reported;
	long ret;

	for (;;) {
		prepare_to_wait(wq, &wait, TASK_INTERRUPTIBLE);
		zombie = scan_group_children(wo, &any, &reported);
		if (zombie || reported || !any || (wo->options & WNOHANG))
			break;
		if (signal_pending(current))
			break;
		schedule();
	}
	finish_wait(wq, &wait);
	if (reported)
		return wo->pid;
	if (!zombie)
		return !any ? -ECHILD : (wo->options & WNOHANG) ? 0 : -ERESTARTSYS;
	ret = zombie->pid;
	wait_task_zombie(wo, zombie);
	return ret;
}

pid_t kernel_wait(pid_t pid, int *stat)
{
	struct wait_opts wo = { .type = WAIT_PID, .id = pid, .options = WEXITED | __WALL };
	long ret = do_wait(&wo);

	if (ret > 0 && stat)
		*stat = wo.status;
	return ret;
}

SYSCALL_DEFINE4(wait4, pid_t, upid, int __user *, stat_addr, int, options,
		struct rusage __user *, ru)
{
	struct wait_opts wo = { .options = options | WEXITED };
	long ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	/* -INT_MIN is not an int. */
	if (upid == INT_MIN)
		return -ESRCH;
	if (upid == -1) {
		wo.type = WAIT_ANY;
	} else if (upid < 0) {
		wo.type = WAIT_PGID;
		wo.id = -upid;
	} else if (upid == 0) {
		wo.type = WAIT_PGID;
		wo.id = task_pgrp_nr(current);
	} else {
		wo.type = WAIT_PID;
		wo.id = upid;
	}
	ret = do_wait(&wo);
	if (ret > 0 && stat_addr && put_user(wo.status, stat_addr))
		return -EFAULT;
	if (ret > 0 && ru && copy_to_user(ru, &wo.ru, sizeof(*ru)))
		return -EFAULT;
	return ret;
}

/* Where waitid() wrote its answer: signo, code, pid, uid, status (Linux's order). */
static int put_waitid_info(struct kernel_siginfo __user *infop, const struct wait_opts *wo,
			   bool found)
{
	int code = 0, status = 0;

	if (found && wo->why) {
		code = wo->why;
		status = wo->why == CLD_STOPPED ? (wo->status >> 8) & 0xff : SIGCONT;
	} else if (found && !(wo->status & 0x7f)) {
		code = CLD_EXITED;
		status = (wo->status >> 8) & 0xff;
	} else if (found) {
		code = (wo->status & 0x80) ? CLD_DUMPED : CLD_KILLED;
		status = wo->status & 0x7f;
	}
	if (put_user(found ? SIGCHLD : 0, &infop->si_signo) ||
	    put_user(0, &infop->si_errno) || put_user(code, &infop->si_code) ||
	    put_user(found ? wo->pid : 0, &infop->si_pid) || put_user(0U, &infop->si_uid) ||
	    put_user(status, &infop->si_status))
		return -EFAULT;
	return 0;
}

/* P_PIDFD: the process the pidfd @fd names; a PIDFD_NONBLOCK one waits as WNOHANG. */
static int waitid_pidfd(struct wait_opts *wo, int fd)
{
	struct task_struct *task;
	unsigned int f_flags;

	if (fd < 0)
		return -EINVAL;
	task = pidfd_get_task(fd, &f_flags);
	if (IS_ERR(task))
		return PTR_ERR(task);
	wo->type = WAIT_PID;
	wo->id = task->pid;
	if (f_flags & PIDFD_NONBLOCK)
		wo->options |= WNOHANG;
	put_task_struct(task);
	return 0;
}

/* waitid()'s id type into @wo. */
static int waitid_type(struct wait_opts *wo, int which, pid_t upid)
{
	switch (which) {
	case P_ALL:
		wo->type = WAIT_ANY;
		return 0;
	case P_PID:
		wo->type = WAIT_PID;
		wo->id = upid;
		return upid <= 0 ? -EINVAL : 0;
	case P_PGID:
		wo->type = WAIT_PGID;
		wo->id = upid ?: task_pgrp_nr(current);
		return upid < 0 ? -EINVAL : 0;
	case P_PIDFD:
		return waitid_pidfd(wo, upid);
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE5(waitid, int, which, pid_t, upid, struct kernel_siginfo __user *, infop,
		int, options, struct rusage __user *, ru)
{
	struct wait_opts wo = { .options = options };
	long ret;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED | __WNOTHREAD |
			__WCLONE | __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	ret = waitid_type(&wo, which, upid);
	if (ret)
		return ret;
	ret = do_wait(&wo);
	if (ret > 0 && ru && copy_to_user(ru, &wo.ru, sizeof(*ru)))
		return -EFAULT;
	if (infop && put_waitid_info(infop, &wo, ret > 0))
		return -EFAULT;
	return ret > 0 ? 0 : ret;
}
