/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Task credentials (Linux's cred.h; kernel/cred.c): who a task is and
 * what it may do: the real, effective, saved and file-system user and
 * group ids, the supplementary groups, the five capability sets
 * (linux/capability.h) and the securebits.
 *
 *   task->real_cred ---> struct cred (usage n) ---> struct group_info (usage m)
 *   task->cred -------/  (== real_cred but under override_creds())
 *
 * A cred is never changed once a task points at it (published): a change
 * is prepare_creds() (a private copy, usage 1), edits, then commit_creds()
 * (installs it, drops the old) or abort_creds() (drops the copy). Only the
 * task itself changes its creds. Each task holds one reference to its
 * real_cred: fork takes it (copy_creds()), the task's last put drops it
 * (exit_creds() from free_task()); kernel threads share init_cred.
 *
 * Locking: the task reads its own creds without a lock (nobody else
 * changes them). Another task reads @t's through get_task_cred(), which
 * takes a reference under task_lock(@t); commit_creds() swaps the
 * pointers under the same lock, so a reader holds either the old or the
 * new cred, alive. There is no RCU here: the lock stands for Linux's
 * rcu_read_lock() around __task_cred().
 *
 * override_creds() points task->cred (the subjective creds, what
 * current_cred() and capable() see) at a cred the caller keeps alive, for
 * kernel code acting as someone else (tests); it takes no reference and
 * fork copies real_cred, never the override.
 */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/capability.h>
#include <linux/sched.h>

/* setgroups()'s limit (Linux's uapi limits.h). */
#define NGROUPS_MAX	65536

/**
 * struct group_info - a set of supplementary groups, sorted ascending
 * (groups_sort()) so in_group_p() can search it. Shared by the creds
 * that point at it and never changed once one does.
 */
struct group_info {
	atomic_t usage;
	int ngroups;
	gid_t gid[];
};

/* securebits (Linux's securebits.h): only keep-caps is used here. */
#define SECURE_KEEP_CAPS		4
#define SECURE_KEEP_CAPS_LOCKED		5
#define issecure_mask(X)		(1U << (X))

struct cred {
	atomic_t usage;
	uid_t uid, euid, suid, fsuid;	/* real, effective, saved, file system */
	gid_t gid, egid, sgid, fsgid;
	unsigned int securebits;	/* SECURE_* bits */
	kernel_cap_t cap_inheritable;	/* kept over exec for files that ask */
	kernel_cap_t cap_permitted;	/* the most the task may make effective */
	kernel_cap_t cap_effective;	/* what capable() checks */
	kernel_cap_t cap_bset;		/* the bounding set: limits exec's gains */
	kernel_cap_t cap_ambient;	/* kept over exec of an ordinary file */
	struct group_info *group_info;	/* never NULL in a cred a task holds */
};

extern struct cred init_cred;
extern struct group_info init_groups;

#define current_cred()		(current->cred)
#define current_uid()		(current_cred()->uid)
#define current_euid()		(current_cred()->euid)
#define current_fsuid()		(current_cred()->fsuid)
#define current_fsgid()		(current_cred()->fsgid)

/* cred_init - the creds' slab cache ("cred_jar"), at boot after the slab allocator. */
void cred_init(void);

/**
 * prepare_creds - a private copy of current's creds to change.
 * Return: the copy (usage 1, a reference to each shared part), or NULL
 * without memory. Context: process.
 */
struct cred *prepare_creds(void);

/**
 * commit_creds - install @new as current's creds; the old go (one put).
 * @new: from prepare_creds(), not yet installed; its reference passes to
 *       the task.
 *
 * As Linux: a change of euid, egid, fsuid or fsgid, or a permitted set
 * that grows, makes the mm non-dumpable (the suid_dumpable default, 0)
 * and clears the parent-death signal. Return: 0. Context: process; takes
 * task_lock(current).
 */
int commit_creds(struct cred *new);

/** abort_creds - drop @new, from prepare_creds() and not installed. */
void abort_creds(struct cred *new);

void __put_cred(struct cred *cred);

static inline const struct cred *get_cred(const struct cred *cred)
{
	atomic_inc(&((struct cred *)cred)->usage);
	return cred;
}

static inline void put_cred(const struct cred *cred)
{
	struct cred *c = (struct cred *)cred;

	if (atomic_dec_and_test(&c->usage))
		__put_cred(c);
}

/**
 * get_task_cred - @t's objective creds with a reference (put_cred()).
 * Context: process; takes task_lock(@t).
 */
const struct cred *get_task_cred(struct task_struct *t);

/**
 * copy_creds - fork: @p takes a reference to current's real creds.
 * exit_creds - @p's reference goes (free_task()).
 */
void copy_creds(struct task_struct *p);
void exit_creds(struct task_struct *p);

/*
 * override_creds - act with @new until revert_creds(); @new must outlive
 * that (no reference is taken; see the top). Return: the cred to give
 * back to revert_creds(). Context: process.
 */
const struct cred *override_creds(const struct cred *new);
void revert_creds(const struct cred *old);

/* ---- supplementary groups (kernel/groups.c) ---- */

/** groups_alloc - a group_info for @gidsetsize groups (usage 1), or NULL. */
struct group_info *groups_alloc(int gidsetsize);

static inline struct group_info *get_group_info(struct group_info *gi)
{
	atomic_inc(&gi->usage);
	return gi;
}

void put_group_info(struct group_info *gi);

/** groups_sort - sort @gi's gids ascending, as in_group_p() needs. */
void groups_sort(struct group_info *gi);

/** groups_search - is @grp in @gi (sorted; NULL: none)? */
bool groups_search(const struct group_info *gi, gid_t grp);

/** set_groups - @new, not yet installed, takes a reference to @gi instead of its own. */
void set_groups(struct cred *new, struct group_info *gi);

/**
 * in_group_p - is @grp current's fsgid or one of its supplementary groups?
 * in_egroup_p - the same with the egid. Context: process.
 */
bool in_group_p(gid_t grp);
bool in_egroup_p(gid_t grp);

/* ---- the rules of commoncap (kernel/capability.c) ---- */

/* set*id()'s flavour, for cap_task_fix_setuid() (Linux's LSM_SETID_*). */
#define LSM_SETID_ID	1	/* setuid() */
#define LSM_SETID_RE	2	/* setreuid() */
#define LSM_SETID_RES	4	/* setresuid() */
#define LSM_SETID_FS	8	/* setfsuid() */

/**
 * cap_task_fix_setuid - adjust @new's capabilities after a uid change
 * from @old, as Linux: leaving uid 0 in every uid drops permitted and
 * effective (unless SECURE_KEEP_CAPS), leaving euid 0 drops effective,
 * gaining euid 0 makes permitted effective; with LSM_SETID_FS the
 * file-system capabilities follow fsuid 0.
 */
void cap_task_fix_setuid(struct cred *new, const struct cred *old, int flags);

/**
 * cap_bprm_creds - exec's new creds in @new from the file's setuid and
 * setgid bits (@mode, owned by @uid:@gid) and root's rules: a root euid
 * or uid gets the bounding set (| inheritable) as permitted, a root euid
 * has them effective, anyone else keeps only ambient capabilities.
 * @no_new_privs: the setid bits are ignored. Return: whether the exec is
 * secure (AT_SECURE: the ids changed or capabilities were gained by a
 * non-root uid).
 */
bool cap_bprm_creds(struct cred *new, umode_t mode, uid_t uid, gid_t gid,
		    bool no_new_privs);

#endif /* _LINUX_CRED_H */
