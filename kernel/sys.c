// SPDX-License-Identifier: GPL-2.0
/*
 * The simplest system calls about the caller itself (Linux's
 * kernel/sys.c): its ids, its limits and the system's name.
 *
 * getpid() is the thread group's id (the leader's pid, Linux's tgid),
 * gettid() the calling thread's own pid; getppid() is the tgid of the
 * process's parent now (init once the first parent exited). The process
 * group and session are inherited at fork, 0 for kernel threads and so
 * for the processes they start, as Linux's (setpgid() and setsid() come
 * with sessions, the signal issue). Every task runs as root: the uid and
 * gid calls answer init_cred's zeros.
 *
 * Limits (getrlimit(2)): prlimit64(), getrlimit() and setrlimit() read
 * and write the target's signal_struct under its task_lock(), so a reader
 * never sees half of a pair, with Linux's checks: an unknown resource or
 * a soft limit above the hard one is -EINVAL, a hard RLIMIT_NOFILE above
 * nr_open (NR_OPEN) -EPERM, raising a hard limit needs CAP_SYS_RESOURCE
 * (root has it: allowed), a pid that names no task -ESRCH. A kernel
 * thread's limits are init_signal, which every kernel thread shares.
 *
 * uname() fills Linux's struct new_utsname (six 65-byte strings). The
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

/* Read-only: there is no sethostname() yet. */
static const struct new_utsname init_uts_ns_name = {
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

SYSCALL_DEFINE1(uname, struct new_utsname __user *, name)
{
	if (copy_to_user(name, &init_uts_ns_name, sizeof(*name)))
		return -EFAULT;
	return 0;
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
