// SPDX-License-Identifier: GPL-2.0
/*
 * The simplest system calls about the caller itself (Linux's
 * kernel/sys.c): its ids, its limits and the system's name.
 *
 * Every task is its own thread group until threads exist, so getpid()
 * (Linux's tgid) and gettid() are both the pid; getppid() is the pid of
 * the task's parent now (init once the first parent exited). Every task
 * runs as root: the uid and gid calls answer init_cred's zeros.
 *
 * Process groups and sessions (task->pgid, task->sid: numbers, pids not
 * being reused) are inherited at fork, 0 for kernel threads and so for
 * the processes they start, as Linux's, and change under tasklist_lock
 * (written). setsid(): a new session and group led by the caller, without
 * a terminal; -EPERM if a group already has the caller's number.
 * setpgid(pid, pgid) (0s: the caller, its pid), Linux's checks in order:
 * pgid < 0 -EINVAL; the target must be the caller or its child (-ESRCH),
 * a child in the caller's session (-EPERM) that has not exec'd
 * (PF_FORKNOEXEC, else -EACCES); a session leader cannot move (-EPERM);
 * a group other than the target's own number must exist in the caller's
 * session (-EPERM). An exit that orphans a group with stopped members
 * (POSIX: no member has a parent in another group of the session) sends
 * it SIGHUP and SIGCONT (kill_orphaned_pgrp(), from do_exit()).
 *
 * Usage: getrusage() and times() from the tick accounting
 * (sched/cputime.h), the fault and switch counts, and ru_maxrss, the peak
 * RSS of the mm in KiB (signal->maxrss keeps it over exec and exit);
 * RUSAGE_CHILDREN is the reaped children's totals, added at reap
 * (kernel/exit.c), theirs included. RUSAGE_SELF counts the calling
 * thread until threads exist.
 *
 * Limits (getrlimit(2)): prlimit64(), getrlimit() and setrlimit() read
 * and write the target's signal_struct under its task_lock(), so a reader
 * never sees half of a pair, with Linux's checks: an unknown resource or
 * a soft limit above the hard one is -EINVAL, a hard RLIMIT_NOFILE above
 * nr_open (NR_OPEN) -EPERM, raising a hard limit needs CAP_SYS_RESOURCE
 * (root has it: allowed), a pid that names no task -ESRCH. A kernel
 * thread's limits are init_signal, which every kernel thread shares.
 *
 * uname() fills Linux's struct new_utsname (six 65-byte strings);
 * sethostname() and setdomainname() change the node and domain names
 * (uts_lock; every task is root, which CAP_SYS_ADMIN asks). The
 * sysname is "Linux" and the release "6.1.0-mmkernel": C libraries and
 * programs built for Linux read them to decide what the kernel offers
 * (glibc refuses to start on a release older than the one it was
 * configured for, "FATAL: kernel too old"), and the system calls, their
 * numbers and their semantics here are Linux 6.1's; the suffix says which
 * kernel this really is.
 *
 * umask() swaps the fs_struct's umask under its lock; sysinfo() fills
 * Linux's struct sysinfo (uptime from the boot clock, memory in bytes,
 * loads 0: there is no load average yet, as /proc/loadavg says); getcpu()
 * is the CPU the caller ran on at the call (node 0: one node).
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/mm.h>
#include <linux/sysinfo.h>
#include <linux/timekeeping.h>
#include <linux/time64.h>
#include <linux/smp.h>
#include <linux/cred.h>
#include <linux/resource.h>
#include <linux/fdtable.h>
#include <linux/sched/task.h>
#include <linux/sched/signal.h>
#include <linux/sched/mm.h>
#include <linux/time.h>
#include <asm/signal.h>
#include <asm/uaccess.h>

#define __NEW_UTS_LEN	64

struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

/* The one UTS namespace's names; sethostname() and setdomainname() write them under uts_lock. */
static DEFINE_SPINLOCK(uts_lock);
static struct new_utsname init_uts_ns_name = {
	.sysname = "Linux",
	.nodename = "(none)",
	.release = "6.1.0-mmkernel",
	.version = "#1 SMP PREEMPT",
	.machine = "x86_64",
	.domainname = "(none)",
};

SYSCALL_DEFINE0(getpid)
{
	return current->pid;
}

SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

SYSCALL_DEFINE0(getppid)
{
	return task_ppid_nr(current);
}

SYSCALL_DEFINE0(getuid)
{
	return current_cred()->uid;
}

SYSCALL_DEFINE0(geteuid)
{
	return current_cred()->euid;
}

SYSCALL_DEFINE0(getgid)
{
	return current_cred()->gid;
}

SYSCALL_DEFINE0(getegid)
{
	return current_cred()->egid;
}

SYSCALL_DEFINE3(getresuid, uid_t __user *, ruidp, uid_t __user *, euidp, uid_t __user *, suidp)
{
	const struct cred *cred = current_cred();

	if (put_user(cred->uid, ruidp) || put_user(cred->euid, euidp) ||
	    put_user(cred->suid, suidp))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE3(getresgid, gid_t __user *, rgidp, gid_t __user *, egidp, gid_t __user *, sgidp)
{
	const struct cred *cred = current_cred();

	if (put_user(cred->gid, rgidp) || put_user(cred->egid, egidp) ||
	    put_user(cred->sgid, sgidp))
		return -EFAULT;
	return 0;
}

/* The word zeroed at exit (CLONE_CHILD_CLEARTID's); returns the caller's tid. */
SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

/* @pid's task with a reference (0: the caller), or NULL. */
static struct task_struct *get_pid_or_self(pid_t pid)
{
	if (!pid) {
		get_task_struct(current);
		return current;
	}
	return pid > 0 ? find_get_task_by_vpid(pid) : NULL;
}

/* getpgid() and getsid(): @nr of @pid's task, or -ESRCH. */
static long task_id_of(pid_t pid, pid_t (*nr)(const struct task_struct *))
{
	struct task_struct *p = get_pid_or_self(pid);
	long ret;

	if (!p)
		return -ESRCH;
	ret = nr(p);
	put_task_struct(p);
	return ret;
}

SYSCALL_DEFINE1(getpgid, pid_t, pid)
{
	return task_id_of(pid, task_pgrp_nr);
}

SYSCALL_DEFINE0(getpgrp)
{
	return task_pgrp_nr(current);
}

SYSCALL_DEFINE1(getsid, pid_t, pid)
{
	return task_id_of(pid, task_session_nr);
}

/* ---- process groups and sessions ------------------------------------ */

/* Is there a process in group @pgrp (of session @sid, if not 0)? tasklist_lock held. */
static bool pgrp_exists(pid_t pgrp, pid_t sid)
{
	struct task_struct *p;

	for_each_process(p)
		if (task_pgrp_nr(p) == pgrp && (!sid || task_session_nr(p) == sid))
			return true;
	return false;
}

/*
 * Linux's setpgid() checks on @p, moving to @pgid, asked by current;
 * tasklist_lock written. See the top of the file.
 */
static int setpgid_check(struct task_struct *p, pid_t pgid)
{
	if (p->real_parent == current) {
		if (task_session_nr(p) != task_session_nr(current))
			return -EPERM;
		if (!(p->flags & PF_FORKNOEXEC))
			return -EACCES;
	} else if (p != current) {
		return -ESRCH;
	}
	if (p->signal->leader)
		return -EPERM;
	if (pgid != p->pid && !pgrp_exists(pgid, task_session_nr(current)))
		return -EPERM;
	return 0;
}

SYSCALL_DEFINE2(setpgid, pid_t, pid, pid_t, pgid)
{
	struct task_struct *p;
	unsigned long flags;
	int err;

	if (!pid)
		pid = current->pid;
	if (!pgid)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;
	write_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_vpid(pid);
	err = p ? setpgid_check(p, pgid) : -ESRCH;
	if (!err)
		WRITE_ONCE(p->pgid, pgid);
	write_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

SYSCALL_DEFINE0(setsid)
{
	struct task_struct *me = current;
	unsigned long flags;
	long ret = me->pid;

	write_lock_irqsave(&tasklist_lock, flags);
	/* A process group leader (or any group with its number) cannot leave. */
	if (pgrp_exists(me->pid, 0)) {
		ret = -EPERM;
	} else {
		me->signal->leader = true;
		me->signal->tty = NULL;
		WRITE_ONCE(me->sid, me->pid);
		WRITE_ONCE(me->pgid, me->pid);
	}
	write_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/*
 * Linux's will_become_orphaned_pgrp(): does group @pgrp have no member,
 * but @ignored, whose parent is in another group of the same session?
 * tasklist_lock held.
 */
static bool will_become_orphaned_pgrp(pid_t pgrp, const struct task_struct *ignored)
{
	struct task_struct *p;

	for_each_process(p) {
		struct task_struct *parent = p->real_parent;

		if (p == ignored || task_pgrp_nr(p) != pgrp || p->exit_state)
			continue;
		if (parent->pid == 1 || parent->exit_state || parent == ignored)
			continue;
		if (task_pgrp_nr(parent) != pgrp &&
		    task_session_nr(parent) == task_session_nr(p))
			return false;
	}
	return true;
}

bool is_current_pgrp_orphaned(void)
{
	unsigned long flags;
	bool ret;

	read_lock_irqsave(&tasklist_lock, flags);
	ret = will_become_orphaned_pgrp(task_pgrp_nr(current), NULL);
	read_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* Does group @pgrp have a stopped member? tasklist_lock held. */
static bool has_stopped_jobs(pid_t pgrp)
{
	struct task_struct *p;

	for_each_process(p)
		if (task_pgrp_nr(p) == pgrp && (p->signal->flags & SIGNAL_STOP_STOPPED))
			return true;
	return false;
}

/*
 * Would @tsk's exit orphan @pgrp, a group with stopped members that @link
 * (@tsk or one of its children) tied to another group of its session
 * through its parent? tasklist_lock held.
 */
static bool exit_orphans(struct task_struct *tsk, struct task_struct *link, pid_t pgrp)
{
	struct task_struct *parent = link->real_parent;

	if (link == tsk && (task_pgrp_nr(parent) == pgrp ||
			    task_session_nr(parent) != task_session_nr(link)))
		return false;
	if (link != tsk && (task_pgrp_nr(tsk) == pgrp ||
			    task_session_nr(tsk) != task_session_nr(link)))
		return false;
	return will_become_orphaned_pgrp(pgrp, tsk) && has_stopped_jobs(pgrp);
}

#define ORPHANS_MAX	8	/* groups hung up by one exit; more wait for the next exit */

/* The groups @tsk's exit orphans (see exit_orphans()), up to ORPHANS_MAX. */
static int find_orphaned_pgrps(struct task_struct *tsk, pid_t *pgrps)
{
	struct task_struct *child;
	unsigned long flags;
	int n = 0, i;

	read_lock_irqsave(&tasklist_lock, flags);
	if (task_pgrp_nr(tsk) && exit_orphans(tsk, tsk, task_pgrp_nr(tsk)))
		pgrps[n++] = task_pgrp_nr(tsk);
	list_for_each_entry(child, &tsk->children, sibling) {
		pid_t pgrp = task_pgrp_nr(child);

		for (i = 0; i < n && pgrps[i] != pgrp; i++)
			;
		if (!pgrp || i < n || n == ORPHANS_MAX || !exit_orphans(tsk, child, pgrp))
			continue;
		pgrps[n++] = pgrp;
	}
	read_unlock_irqrestore(&tasklist_lock, flags);
	return n;
}

void kill_orphaned_pgrp(struct task_struct *tsk)
{
	pid_t pgrps[ORPHANS_MAX];
	int i, n = find_orphaned_pgrps(tsk, pgrps);

	for (i = 0; i < n; i++) {
		kill_pgrp(pgrps[i], SIGHUP, 1);
		kill_pgrp(pgrps[i], SIGCONT, 1);
	}
}

/*
 * Linux's do_prlimit(): @old_rlim gets @tsk's limit, then @new_rlim (if
 * any) replaces it, both under task_lock(). See the top for the checks.
 */
static int do_prlimit(struct task_struct *tsk, unsigned int resource,
		      const struct rlimit *new_rlim, struct rlimit *old_rlim)
{
	struct rlimit *rlim;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new_rlim) {
		if (new_rlim->rlim_cur > new_rlim->rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && new_rlim->rlim_max > NR_OPEN)
			return -EPERM;
	}
	rlim = &tsk->signal->rlim[resource];
	task_lock(tsk);
	if (old_rlim)
		*old_rlim = *rlim;
	if (new_rlim) {
		WRITE_ONCE(rlim->rlim_cur, new_rlim->rlim_cur);
		WRITE_ONCE(rlim->rlim_max, new_rlim->rlim_max);
	}
	task_unlock(tsk);
	return 0;
}

SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit value;
	int ret = do_prlimit(current, resource, NULL, &value);

	if (!ret && copy_to_user(rlim, &value, sizeof(value)))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE2(setrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit value;

	if (copy_from_user(&value, rlim, sizeof(value)))
		return -EFAULT;
	return do_prlimit(current, resource, &value, NULL);
}

/* rlimit64 and rlimit are one on x86-64: RLIM64_INFINITY is RLIM_INFINITY. */
SYSCALL_DEFINE4(prlimit64, pid_t, pid, unsigned int, resource,
		const struct rlimit64 __user *, new_rlim, struct rlimit64 __user *, old_rlim)
{
	struct rlimit64 new64, old64;
	struct rlimit new, old;
	struct task_struct *tsk;
	int ret;

	if (new_rlim) {
		if (copy_from_user(&new64, new_rlim, sizeof(new64)))
			return -EFAULT;
		new = (struct rlimit){ new64.rlim_cur, new64.rlim_max };
	}
	tsk = get_pid_or_self(pid);
	if (!tsk)
		return -ESRCH;
	ret = do_prlimit(tsk, resource, new_rlim ? &new : NULL, old_rlim ? &old : NULL);
	put_task_struct(tsk);
	if (!ret && old_rlim) {
		old64 = (struct rlimit64){ old.rlim_cur, old.rlim_max };
		if (copy_to_user(old_rlim, &old64, sizeof(old64)))
			ret = -EFAULT;
	}
	return ret;
}

/* ---- CPU time and usage ---------------------------------------------- */

static void ns_to_timeval(u64 ns, long *sec, long *usec)
{
	*sec = ns / NSEC_PER_SEC;
	*usec = ns % NSEC_PER_SEC / NSEC_PER_USEC;
}

void getrusage(struct task_struct *p, int who, struct rusage *r)
{
	struct signal_struct *sig = p->signal;
	u64 utime = 0, stime = 0;
	unsigned long maxrss = 0;
	struct mm_struct *mm;

	memset(r, 0, sizeof(*r));
	if (who == RUSAGE_CHILDREN || who == RUSAGE_BOTH) {
		utime = sig->cutime;
		stime = sig->cstime;
		r->ru_nvcsw = sig->cnvcsw;
		r->ru_nivcsw = sig->cnivcsw;
		r->ru_minflt = sig->cmin_flt;
		r->ru_majflt = sig->cmaj_flt;
		maxrss = sig->cmaxrss;
	}
	if (who != RUSAGE_CHILDREN) {
		utime += READ_ONCE(p->utime);
		stime += READ_ONCE(p->stime);
		r->ru_nvcsw += READ_ONCE(p->nvcsw);
		r->ru_nivcsw += READ_ONCE(p->nivcsw);
		r->ru_minflt += READ_ONCE(p->min_flt);
		r->ru_majflt += READ_ONCE(p->maj_flt);
		maxrss = max(maxrss, sig->maxrss);
		mm = get_task_mm(p);
		if (mm) {
			setmax_mm_hiwater_rss(&maxrss, mm);
			mmput(mm);
		}
	}
	ns_to_timeval(utime, &r->ru_utime.tv_sec, &r->ru_utime.tv_usec);
	ns_to_timeval(stime, &r->ru_stime.tv_sec, &r->ru_stime.tv_usec);
	r->ru_maxrss = maxrss * (PAGE_SIZE / 1024);
}

SYSCALL_DEFINE2(getrusage, int, who, struct rusage __user *, ru)
{
	struct rusage r;

	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
		return -EINVAL;
	getrusage(current, who, &r);
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}

/* times(2)'s struct tms, in clock ticks of USER_HZ. */
struct tms {
	long tms_utime, tms_stime, tms_cutime, tms_cstime;
};

#define USER_HZ		100	/* sysconf(_SC_CLK_TCK) on x86-64 */

static long nsec_to_clock_t(u64 ns)
{
	return ns / (NSEC_PER_SEC / USER_HZ);
}

SYSCALL_DEFINE1(times, struct tms __user *, tbuf)
{
	struct signal_struct *sig = current->signal;

	if (tbuf) {
		struct tms tms = {
			.tms_utime = nsec_to_clock_t(READ_ONCE(current->utime)),
			.tms_stime = nsec_to_clock_t(READ_ONCE(current->stime)),
			.tms_cutime = nsec_to_clock_t(sig->cutime),
			.tms_cstime = nsec_to_clock_t(sig->cstime),
		};

		if (copy_to_user(tbuf, &tms, sizeof(tms)))
			return -EFAULT;
	}
	return nsec_to_clock_t(ktime_get());
}

SYSCALL_DEFINE1(uname, struct new_utsname __user *, name)
{
	struct new_utsname tmp;

	spin_lock(&uts_lock);
	tmp = init_uts_ns_name;
	spin_unlock(&uts_lock);
	if (copy_to_user(name, &tmp, sizeof(*name)))
		return -EFAULT;
	return 0;
}

/* sethostname() and setdomainname(): @len bytes (at most 64) of @name, the rest zeroed. */
static long set_uts_field(char *field, const char __user *name, int len)
{
	char tmp[__NEW_UTS_LEN + 1] = {};

	if (len < 0 || len > __NEW_UTS_LEN)
		return -EINVAL;
	if (copy_from_user(tmp, name, len))
		return -EFAULT;
	spin_lock(&uts_lock);
	memcpy(field, tmp, sizeof(tmp));
	spin_unlock(&uts_lock);
	return 0;
}

SYSCALL_DEFINE2(sethostname, char __user *, name, int, len)
{
	return set_uts_field(init_uts_ns_name.nodename, name, len);
}

SYSCALL_DEFINE2(setdomainname, char __user *, name, int, len)
{
	return set_uts_field(init_uts_ns_name.domainname, name, len);
}

SYSCALL_DEFINE1(umask, int, mask)
{
	struct fs_struct *fs = current->fs;
	int old;

	spin_lock(&fs->lock);
	old = fs->umask;
	fs->umask = mask & (S_IRWXU | S_IRWXG | S_IRWXO);
	spin_unlock(&fs->lock);
	return old;
}

/* Linux's do_sysinfo() on a 64-bit kernel: the sizes in bytes, mem_unit 1. */
static void do_sysinfo(struct sysinfo *info)
{
	u64 uptime = ktime_get();

	si_meminfo(info);
	info->uptime = uptime / NSEC_PER_SEC + (uptime % NSEC_PER_SEC ? 1 : 0);
	info->procs = min(nr_processes(), 0xffffU);
	info->totalram *= info->mem_unit;
	info->freeram *= info->mem_unit;
	info->sharedram *= info->mem_unit;
	info->bufferram *= info->mem_unit;
	info->mem_unit = 1;
}

SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo val;

	do_sysinfo(&val);
	return copy_to_user(info, &val, sizeof(val)) ? -EFAULT : 0;
}

SYSCALL_DEFINE3(getcpu, unsigned int __user *, cpup, unsigned int __user *, nodep,
		void __user *, unused)
{
	unsigned int cpu = raw_smp_processor_id();
	int err = 0;

	if (cpup)
		err |= put_user(cpu, cpup);
	if (nodep)
		err |= put_user(0U, nodep);
	return err ? -EFAULT : 0;
}
