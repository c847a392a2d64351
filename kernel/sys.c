// SPDX-License-Identifier: GPL-2.0
/*
 * The simplest system calls about the caller itself (Linux's
 * kernel/sys.c): its ids, its limits and the system's name.
 *
 * getpid() is the thread group's id (the leader's pid, Linux's tgid),
 * gettid() the calling thread's own pid; getppid() is the tgid of the
 * process's parent now (init once the first parent exited). The uid and
 * gid calls read the caller's credentials (kernel/cred.c).
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
 * thread (the process's threads are not summed yet).
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
 * (uts_lock; CAP_SYS_ADMIN, else -EPERM). The
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
#include <linux/capability.h>
#include <linux/bitops.h>
#include <linux/mmap_lock.h>
#include <linux/signal_types.h>
#include <linux/sched/coredump.h>
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
	return current->tgid;
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

/* ---- set*id ------------------------------------------------------------ */

/*
 * The real, effective, saved and file-system ids of one kind (uids or
 * gids) of a cred being prepared, so one rule serves both kinds. @old
 * holds the values before the change (the new cred starts as a copy).
 */
struct id_quad {
	u32 *r, *e, *s, *fs;
	u32 old[3];	/* real, effective, saved */
};

static struct id_quad cred_ids(struct cred *new, bool uid)
{
	struct id_quad q = uid ?
		(struct id_quad){ &new->uid, &new->euid, &new->suid, &new->fsuid, { } } :
		(struct id_quad){ &new->gid, &new->egid, &new->sgid, &new->fsgid, { } };

	q.old[0] = *q.r;
	q.old[1] = *q.e;
	q.old[2] = *q.s;
	return q;
}

/* Is @id one of the caller's real, effective or saved ids of the kind? */
static bool id_is_current(const struct id_quad *q, u32 id)
{
	return id == q->old[0] || id == q->old[1] || id == q->old[2];
}

/*
 * A rule: Linux's checks and assignments of one call. @arg holds the
 * call's ids, (u32)-1 for "unchanged" where the call allows it; @priv is
 * CAP_SETUID or CAP_SETGID.
 */
typedef int (*id_rule_t)(struct id_quad *q, const u32 *arg, bool priv);

/* setuid(), setgid(): with the capability all four ids; without, to the real or saved id only. */
static int rule_set(struct id_quad *q, const u32 *arg, bool priv)
{
	u32 id = arg[0];

	if (id == (u32)-1)
		return -EINVAL;
	if (priv)
		*q->r = *q->s = id;
	else if (id != q->old[0] && id != q->old[2])
		return -EPERM;
	*q->e = *q->fs = id;
	return 0;
}

/* setreuid(), setregid(): the saved id follows a new effective one as Linux's. */
static int rule_setre(struct id_quad *q, const u32 *arg, bool priv)
{
	u32 r = arg[0], e = arg[1];

	if (r != (u32)-1) {
		if (!priv && r != q->old[0] && r != q->old[1])
			return -EPERM;
		*q->r = r;
	}
	if (e != (u32)-1) {
		if (!priv && !id_is_current(q, e))
			return -EPERM;
		*q->e = e;
	}
	if (r != (u32)-1 || (e != (u32)-1 && e != q->old[0]))
		*q->s = *q->e;
	*q->fs = *q->e;
	return 0;
}

/* setresuid(), setresgid(): unprivileged, each new id must be a current one. */
static int rule_setres(struct id_quad *q, const u32 *arg, bool priv)
{
	u32 *dst[3] = { q->r, q->e, q->s };
	int i;

	for (i = 0; i < 3; i++)
		if (!priv && arg[i] != (u32)-1 && !id_is_current(q, arg[i]))
			return -EPERM;
	for (i = 0; i < 3; i++)
		if (arg[i] != (u32)-1)
			*dst[i] = arg[i];
	*q->fs = *q->e;
	return 0;
}

/*
 * One set*id call: a new cred, the rule applied to its uids (@lsm_flags,
 * LSM_SETID_*) or gids (0), the capabilities fixed for a uid change, and
 * the commit; an error keeps the caller's creds.
 */
static long set_ids(id_rule_t rule, int lsm_flags, u32 a, u32 b, u32 c)
{
	const u32 arg[3] = { a, b, c };
	struct cred *new = prepare_creds();
	struct id_quad q;
	int err;

	if (!new)
		return -ENOMEM;
	q = cred_ids(new, lsm_flags);
	err = rule(&q, arg, capable(lsm_flags ? CAP_SETUID : CAP_SETGID));
	if (err) {
		abort_creds(new);
		return err;
	}
	if (lsm_flags)
		cap_task_fix_setuid(new, current_cred(), lsm_flags);
	return commit_creds(new);
}

SYSCALL_DEFINE1(setuid, uid_t, uid)
{
	return set_ids(rule_set, LSM_SETID_ID, uid, 0, 0);
}

SYSCALL_DEFINE1(setgid, gid_t, gid)
{
	return set_ids(rule_set, 0, gid, 0, 0);
}

SYSCALL_DEFINE2(setreuid, uid_t, ruid, uid_t, euid)
{
	return set_ids(rule_setre, LSM_SETID_RE, ruid, euid, 0);
}

SYSCALL_DEFINE2(setregid, gid_t, rgid, gid_t, egid)
{
	return set_ids(rule_setre, 0, rgid, egid, 0);
}

SYSCALL_DEFINE3(setresuid, uid_t, ruid, uid_t, euid, uid_t, suid)
{
	return set_ids(rule_setres, LSM_SETID_RES, ruid, euid, suid);
}

SYSCALL_DEFINE3(setresgid, gid_t, rgid, gid_t, egid, gid_t, sgid)
{
	return set_ids(rule_setres, 0, rgid, egid, sgid);
}

/*
 * setfsuid(), setfsgid(): the old fs id, always; the new one only if it
 * is one of the caller's ids of the kind (or with the capability), and
 * never (u32)-1, which is how programs query it.
 */
static long set_fsid(bool uid, u32 id)
{
	struct cred *new = prepare_creds();
	struct id_quad q;
	u32 old_fs;

	if (!new)
		return uid ? current_cred()->fsuid : current_cred()->fsgid;
	q = cred_ids(new, uid);
	old_fs = *q.fs;
	if (id != (u32)-1 && id != old_fs &&
	    (id_is_current(&q, id) || capable(uid ? CAP_SETUID : CAP_SETGID))) {
		*q.fs = id;
		if (uid)
			cap_task_fix_setuid(new, current_cred(), LSM_SETID_FS);
		commit_creds(new);
		return old_fs;
	}
	abort_creds(new);
	return old_fs;
}

SYSCALL_DEFINE1(setfsuid, uid_t, uid)
{
	return set_fsid(true, uid);
}

SYSCALL_DEFINE1(setfsgid, gid_t, gid)
{
	return set_fsid(false, gid);
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

/*
 * Is there a process in group @pgrp (of session @sid; ANY_SESSION: of any)?
 * Session 0 is a real one: the processes of a kernel-started init are in
 * it until they call setsid(). tasklist_lock held.
 */
#define ANY_SESSION	(-1)

static bool pgrp_exists(pid_t pgrp, pid_t sid)
{
	struct task_struct *p;

	for_each_process(p)
		if (task_pgrp_nr(p) == pgrp && (sid == ANY_SESSION || task_session_nr(p) == sid))
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
	if (pgrp_exists(me->pid, ANY_SESSION)) {
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
	if (new_rlim && new_rlim->rlim_max > rlim->rlim_max && !capable(CAP_SYS_RESOURCE)) {
		task_unlock(tsk);
		return -EPERM;
	}
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

/*
 * Linux's check_prlimit_permission(): another process's limits need its
 * real, effective and saved uids and gids all the caller's real uid and
 * gid, or CAP_SYS_RESOURCE.
 */
static int check_prlimit_permission(struct task_struct *tsk)
{
	const struct cred *cred = current_cred(), *tcred;
	bool same;

	if (tsk == current)
		return 0;
	tcred = get_task_cred(tsk);
	same = cred->uid == tcred->euid && cred->uid == tcred->suid && cred->uid == tcred->uid &&
	       cred->gid == tcred->egid && cred->gid == tcred->sgid && cred->gid == tcred->gid;
	put_cred(tcred);
	return same || capable(CAP_SYS_RESOURCE) ? 0 : -EPERM;
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
	ret = check_prlimit_permission(tsk);
	if (!ret)
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

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
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

/* ---- prctl() ------------------------------------------------------------ */

/* PR_* (Linux's uapi prctl.h): the options there are. */
#define PR_SET_PDEATHSIG	1
#define PR_GET_PDEATHSIG	2
#define PR_GET_DUMPABLE		3
#define PR_SET_DUMPABLE		4
#define PR_GET_KEEPCAPS		7
#define PR_SET_KEEPCAPS		8
#define PR_SET_NAME		15
#define PR_GET_NAME		16
#define PR_CAPBSET_READ		23
#define PR_CAPBSET_DROP		24
#define PR_SET_NO_NEW_PRIVS	38
#define PR_GET_NO_NEW_PRIVS	39
#define PR_SET_THP_DISABLE	41
#define PR_GET_THP_DISABLE	42

static int prctl_set_name(const char __user *uname)
{
	char comm[TASK_COMM_LEN] = { };

	if (strncpy_from_user(comm, uname, sizeof(comm) - 1) < 0)
		return -EFAULT;
	task_lock(current);
	strscpy(current->comm, comm, sizeof(current->comm));
	task_unlock(current);
	return 0;
}

static int prctl_get_name(char __user *uname)
{
	char comm[TASK_COMM_LEN];

	task_lock(current);
	strscpy(comm, current->comm, sizeof(comm));
	task_unlock(current);
	return copy_to_user(uname, comm, sizeof(comm)) ? -EFAULT : 0;
}

/* A change to current's creds by @fn; an error keeps them. */
static int change_creds(int (*fn)(struct cred *new, unsigned long arg), unsigned long arg)
{
	struct cred *new = prepare_creds();
	int err;

	if (!new)
		return -ENOMEM;
	err = fn(new, arg);
	if (err) {
		abort_creds(new);
		return err;
	}
	return commit_creds(new);
}

static int set_keepcaps(struct cred *new, unsigned long on)
{
	if (new->securebits & issecure_mask(SECURE_KEEP_CAPS_LOCKED))
		return -EPERM;
	if (on)
		new->securebits |= issecure_mask(SECURE_KEEP_CAPS);
	else
		new->securebits &= ~issecure_mask(SECURE_KEEP_CAPS);
	return 0;
}

static int capbset_drop(struct cred *new, unsigned long cap)
{
	if (!capable(CAP_SETPCAP))
		return -EPERM;
	cap_lower(&new->cap_bset, cap);
	return 0;
}

/* The options about the caller's creds and capabilities (Linux's cap_task_prctl()). */
static int prctl_caps(int option, unsigned long arg2, unsigned long arg3,
		      unsigned long arg4, unsigned long arg5)
{
	const struct cred *cred = current_cred();

	switch (option) {
	case PR_GET_KEEPCAPS:
		return !!(cred->securebits & issecure_mask(SECURE_KEEP_CAPS));
	case PR_SET_KEEPCAPS:
		if (arg2 > 1 || arg3 || arg4 || arg5)
			return -EINVAL;
		return change_creds(set_keepcaps, arg2);
	case PR_CAPBSET_READ:
		if (!cap_valid(arg2))
			return -EINVAL;
		return cap_raised(cred->cap_bset, arg2);
	case PR_CAPBSET_DROP:
		if (!cap_valid(arg2))
			return -EINVAL;
		return change_creds(capbset_drop, arg2);
	}
	return -EINVAL;
}

/* PR_SET_THP_DISABLE / PR_GET_THP_DISABLE: MMF_DISABLE_THP, under mmap_lock as Linux. */
static int prctl_thp_disable(struct mm_struct *mm, bool set, unsigned long on)
{
	if (!set)
		return test_bit(MMF_DISABLE_THP, &mm->flags);
	mmap_write_lock(mm);
	if (on)
		set_bit(MMF_DISABLE_THP, &mm->flags);
	else
		clear_bit(MMF_DISABLE_THP, &mm->flags);
	mmap_write_unlock(mm);
	return 0;
}

SYSCALL_DEFINE5(prctl, int, option, unsigned long, arg2, unsigned long, arg3,
		unsigned long, arg4, unsigned long, arg5)
{
	struct task_struct *me = current;

	switch (option) {
	case PR_SET_PDEATHSIG:
		if (arg2 > _NSIG)
			return -EINVAL;
		me->pdeath_signal = arg2;
		return 0;
	case PR_GET_PDEATHSIG:
		return put_user(me->pdeath_signal, (int __user *)arg2);
	case PR_GET_DUMPABLE:
		return get_dumpable(me->mm);
	case PR_SET_DUMPABLE:
		if (arg2 != SUID_DUMP_DISABLE && arg2 != SUID_DUMP_USER)
			return -EINVAL;
		set_dumpable(me->mm, arg2);
		return 0;
	case PR_SET_NAME:
		return prctl_set_name((const char __user *)arg2);
	case PR_GET_NAME:
		return prctl_get_name((char __user *)arg2);
	case PR_SET_NO_NEW_PRIVS:
		if (arg2 != 1 || arg3 || arg4 || arg5)
			return -EINVAL;
		set_bit(PFA_NO_NEW_PRIVS, &me->atomic_flags);
		return 0;
	case PR_GET_NO_NEW_PRIVS:
		if (arg2 || arg3 || arg4 || arg5)
			return -EINVAL;
		return test_bit(PFA_NO_NEW_PRIVS, &me->atomic_flags);
	case PR_SET_THP_DISABLE:
	case PR_GET_THP_DISABLE:
		if (arg3 || arg4 || arg5 || (option == PR_GET_THP_DISABLE && arg2))
			return -EINVAL;
		return prctl_thp_disable(me->mm, option == PR_SET_THP_DISABLE, arg2);
	}
	return prctl_caps(option, arg2, arg3, arg4, arg5);
}
