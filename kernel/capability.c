// SPDX-License-Identifier: GPL-2.0
/*
 * Capabilities (linux/capability.h): capable(), capget(), capset(), and
 * the rules of Linux's security/commoncap.c, the only security module
 * here: what capset() may change, how the set*id calls move capabilities
 * with uid 0 (cap_task_fix_setuid()) and what an exec grants
 * (cap_bprm_creds()).
 *
 * There are no file capabilities (no xattrs) and no user namespaces: an
 * exec is privileged only through a root uid or euid ("root is
 * special", SECURE_NOROOT never set) or a setuid/setgid file. capable()
 * reads the caller's subjective creds (task->cred), which override_creds()
 * may have swapped; has_capability() the objective ones of any task.
 */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/syscalls.h>
#include <linux/sched/task.h>
#include <asm/uaccess.h>

bool capable(int cap)
{
	if (WARN_ON_ONCE(!cap_valid(cap)))
		return false;
	return cap_raised(current_cred()->cap_effective, cap);
}

bool has_capability(struct task_struct *t, int cap)
{
	const struct cred *cred = get_task_cred(t);
	bool ret = cap_raised(cred->cap_effective, cap);

	put_cred(cred);
	return ret;
}

/* ---- the set*id calls' fix-ups ------------------------------------------ */

static bool any_root_uid(const struct cred *c)
{
	return c->uid == 0 || c->euid == 0 || c->suid == 0;
}

/* Linux's cap_emulate_setxuid(). */
static void cap_emulate_setxuid(struct cred *new, const struct cred *old)
{
	if (any_root_uid(old) && !any_root_uid(new)) {
		if (!(new->securebits & issecure_mask(SECURE_KEEP_CAPS))) {
			new->cap_permitted = CAP_EMPTY_SET;
			new->cap_effective = CAP_EMPTY_SET;
		}
		new->cap_ambient = CAP_EMPTY_SET;
	}
	if (old->euid == 0 && new->euid != 0)
		new->cap_effective = CAP_EMPTY_SET;
	if (old->euid != 0 && new->euid == 0)
		new->cap_effective = new->cap_permitted;
}

void cap_task_fix_setuid(struct cred *new, const struct cred *old, int flags)
{
	if (flags != LSM_SETID_FS) {
		cap_emulate_setxuid(new, old);
		return;
	}
	if (old->fsuid == 0 && new->fsuid != 0)
		new->cap_effective = cap_drop(new->cap_effective, CAP_FS_SET);
	if (old->fsuid != 0 && new->fsuid == 0)
		new->cap_effective = cap_combine(new->cap_effective,
						 cap_intersect(new->cap_permitted, CAP_FS_SET));
}

/* ---- exec ----------------------------------------------------------------- */

/* The setuid and setgid bits (Linux's bprm_fill_uid()): ignored under no_new_privs. */
static void bprm_fill_uid(struct cred *new, umode_t mode, uid_t uid, gid_t gid, bool nnp)
{
	if (nnp)
		return;
	if (mode & S_ISUID)
		new->euid = uid;
	if ((mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP))
		new->egid = gid;
}

bool cap_bprm_creds(struct cred *new, umode_t mode, uid_t uid, gid_t gid, bool nnp)
{
	const struct cred *old = current_cred();
	bool effective = false, is_setid;

	bprm_fill_uid(new, mode, uid, gid, nnp);
	new->cap_permitted = CAP_EMPTY_SET;
	if (new->euid == 0 || new->uid == 0) {
		/* root's files count as having every capability (fP = fI = all) */
		new->cap_permitted = cap_combine(old->cap_bset, old->cap_inheritable);
		effective = new->euid == 0;
	}
	is_setid = new->euid != old->uid || new->egid != old->gid;
	if (is_setid)
		new->cap_ambient = CAP_EMPTY_SET;
	new->cap_permitted = cap_combine(new->cap_permitted, new->cap_ambient);
	new->cap_effective = effective ? new->cap_permitted : new->cap_ambient;
	new->suid = new->fsuid = new->euid;
	new->sgid = new->fsgid = new->egid;
	new->securebits &= ~issecure_mask(SECURE_KEEP_CAPS);
	return is_setid ||
	       (new->uid != 0 && (effective || !cap_issubset(new->cap_permitted, new->cap_ambient)));
}

/* ---- capget() and capset() -------------------------------------------- */

/* Linux's cap_validate_magic(): the data words of the header's version. */
static int cap_validate_magic(struct __user_cap_header_struct __user *header, unsigned int *tocopy)
{
	u32 version;

	if (get_user(version, &header->version))
		return -EFAULT;
	switch (version) {
	case _LINUX_CAPABILITY_VERSION_1:
		*tocopy = _LINUX_CAPABILITY_U32S_1;
		return 0;
	case _LINUX_CAPABILITY_VERSION_2:
	case _LINUX_CAPABILITY_VERSION_3:
		*tocopy = _LINUX_CAPABILITY_U32S_3;
		return 0;
	}
	if (put_user((u32)_KERNEL_CAPABILITY_VERSION, &header->version))
		return -EFAULT;
	return -EINVAL;
}

static u32 cap_word(kernel_cap_t c, unsigned int i)
{
	return c.val >> (32 * i);
}

SYSCALL_DEFINE2(capget, struct __user_cap_header_struct __user *, header,
		struct __user_cap_data_struct __user *, dataptr)
{
	struct __user_cap_data_struct kdata[_LINUX_CAPABILITY_U32S_3];
	struct task_struct *t = current;
	const struct cred *cred;
	unsigned int tocopy, i;
	int ret, pid;

	ret = cap_validate_magic(header, &tocopy);
	if (!dataptr || ret)
		return !dataptr && ret == -EINVAL ? 0 : ret;	/* a version probe */
	if (get_user(pid, &header->pid))
		return -EFAULT;
	if (pid < 0)
		return -EINVAL;
	if (pid && pid != current->pid) {
		t = find_get_task_by_vpid(pid);
		if (!t)
			return -ESRCH;
	} else {
		get_task_struct(t);
	}
	cred = get_task_cred(t);
	put_task_struct(t);
	for (i = 0; i < tocopy; i++) {
		kdata[i].effective = cap_word(cred->cap_effective, i);
		kdata[i].permitted = cap_word(cred->cap_permitted, i);
		kdata[i].inheritable = cap_word(cred->cap_inheritable, i);
	}
	put_cred(cred);
	if (copy_to_user(dataptr, kdata, tocopy * sizeof(kdata[0])))
		return -EFAULT;
	return 0;
}

/* Linux's cap_capset(): the rules a new set must follow. */
static int cap_capset(struct cred *new, const struct cred *old, kernel_cap_t effective,
		      kernel_cap_t inheritable, kernel_cap_t permitted)
{
	if (!cap_issubset(inheritable, cap_combine(old->cap_inheritable, old->cap_permitted)) &&
	    !capable(CAP_SETPCAP))
		return -EPERM;
	if (!cap_issubset(inheritable, cap_combine(old->cap_inheritable, old->cap_bset)))
		return -EPERM;
	if (!cap_issubset(permitted, old->cap_permitted))
		return -EPERM;
	if (!cap_issubset(effective, permitted))
		return -EPERM;
	new->cap_effective = effective;
	new->cap_inheritable = inheritable;
	new->cap_permitted = permitted;
	new->cap_ambient = cap_intersect(new->cap_ambient, cap_intersect(permitted, inheritable));
	return 0;
}

SYSCALL_DEFINE2(capset, struct __user_cap_header_struct __user *, header,
		const struct __user_cap_data_struct __user *, data)
{
	struct __user_cap_data_struct kdata[_LINUX_CAPABILITY_U32S_3] = { };
	kernel_cap_t effective = { 0 }, inheritable = { 0 }, permitted = { 0 };
	unsigned int tocopy, i;
	struct cred *new;
	int ret, pid;

	ret = cap_validate_magic(header, &tocopy);
	if (ret)
		return ret;
	if (get_user(pid, &header->pid))
		return -EFAULT;
	if (pid && pid != current->pid)
		return -EPERM;
	if (copy_from_user(kdata, data, tocopy * sizeof(kdata[0])))
		return -EFAULT;
	for (i = 0; i < tocopy; i++) {
		effective.val |= (u64)kdata[i].effective << (32 * i);
		inheritable.val |= (u64)kdata[i].inheritable << (32 * i);
		permitted.val |= (u64)kdata[i].permitted << (32 * i);
	}
	effective = cap_intersect(effective, CAP_FULL_SET);
	inheritable = cap_intersect(inheritable, CAP_FULL_SET);
	permitted = cap_intersect(permitted, CAP_FULL_SET);
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	ret = cap_capset(new, current_cred(), effective, inheritable, permitted);
	if (ret) {
		abort_creds(new);
		return ret;
	}
	return commit_creds(new);
}
