// SPDX-License-Identifier: GPL-2.0
/*
 * ptrace_may_access() (include/linux/ptrace.h): Linux's
 * __ptrace_may_access() without security modules or namespaces. The
 * target's creds are read with a reference (get_task_cred()), its
 * dumpable mode under task_lock() so its mm cannot go meanwhile.
 */
#include <linux/ptrace.h>
#include <linux/cred.h>
#include <linux/capability.h>
#include <linux/bug.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/sched/coredump.h>

/* Is the caller, by the ids @mode names, the same user as @tcred in all three ids? */
static bool same_ids(const struct cred *tcred, unsigned int mode)
{
	const struct cred *cred = current_cred();
	uid_t uid = mode & PTRACE_MODE_FSCREDS ? cred->fsuid : cred->uid;
	gid_t gid = mode & PTRACE_MODE_FSCREDS ? cred->fsgid : cred->gid;

	return uid == tcred->uid && uid == tcred->euid && uid == tcred->suid &&
	       gid == tcred->gid && gid == tcred->egid && gid == tcred->sgid;
}

/* A target whose mm asks not to be inspected (a setuid program's, prctl's). */
static bool task_dumpable(struct task_struct *task)
{
	bool ok = true;

	task_lock(task);
	if (task->mm)
		ok = get_dumpable(task->mm) == SUID_DUMP_USER;
	task_unlock(task);
	return ok;
}

bool ptrace_may_access(struct task_struct *task, unsigned int mode)
{
	const struct cred *tcred;
	bool same;

	WARN_ON_ONCE(!(mode & PTRACE_MODE_FSCREDS) == !(mode & PTRACE_MODE_REALCREDS));
	if (task == current)
		return true;
	tcred = get_task_cred(task);
	same = same_ids(tcred, mode);
	put_cred(tcred);
	if (!same && !capable(CAP_SYS_PTRACE))
		return false;
	return task_dumpable(task) || capable(CAP_SYS_PTRACE);
}
