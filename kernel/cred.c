// SPDX-License-Identifier: GPL-2.0
/*
 * Credentials (include/linux/cred.h draws the structures and the locking):
 * init_cred, the refcounts, and the prepare/commit protocol by which a
 * task changes its own creds.
 *
 * init_cred is root's: every id 0, every capability but the inheritable
 * and ambient ones, the full bounding set, no supplementary groups
 * (init_groups). Kernel threads and the first user task (init) start
 * with it; its usage never reaches 0 (init_task holds it forever).
 *
 * A cred lives in the "cred_jar" cache while referenced; __put_cred()
 * frees it with its reference to the groups. Commit rules as Linux's
 * commit_creds(): the task must own @new exclusively (usage 1, never
 * installed), and a change of who the task is makes its mm non-dumpable
 * (suid_dumpable, 0 here: there is no sysctl) and forgets the parent-death
 * signal.
 */
#include <linux/cred.h>
#include <linux/slab.h>
#include <linux/bug.h>
#include <linux/mmdebug.h>
#include <linux/mm_types.h>
#include <linux/sched/task.h>
#include <linux/sched/coredump.h>

struct cred init_cred = {
	.usage = ATOMIC_INIT(1),	/* init_task's */
	.uid = 0, .euid = 0, .suid = 0, .fsuid = 0,
	.gid = 0, .egid = 0, .sgid = 0, .fsgid = 0,
	.cap_inheritable = CAP_EMPTY_SET,
	.cap_permitted = CAP_FULL_SET,
	.cap_effective = CAP_FULL_SET,
	.cap_bset = CAP_FULL_SET,
	.cap_ambient = CAP_EMPTY_SET,
	.group_info = &init_groups,
};

static struct kmem_cache *cred_jar;

void cred_init(void)
{
	cred_jar = kmem_cache_create("cred_jar", sizeof(struct cred), 0,
				     SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
}

void __put_cred(struct cred *cred)
{
	VM_BUG_ON(atomic_read(&cred->usage) != 0);
	BUG_ON(cred == &init_cred);
	VM_BUG_ON(cred == current->cred || cred == current->real_cred);
	put_group_info(cred->group_info);
	kmem_cache_free(cred_jar, cred);
}

struct cred *prepare_creds(void)
{
	const struct cred *old = current->real_cred;
	struct cred *new = kmem_cache_alloc(cred_jar, GFP_KERNEL);

	if (!new)
		return NULL;
	*new = *old;
	atomic_set(&new->usage, 1);
	get_group_info(new->group_info);
	return new;
}

void abort_creds(struct cred *new)
{
	VM_BUG_ON(atomic_read(&new->usage) != 1);
	put_cred(new);
}

/* Linux's test for "the task became someone else" in commit_creds(). */
static bool creds_identity_changed(const struct cred *old, const struct cred *new)
{
	return old->euid != new->euid || old->egid != new->egid ||
	       old->fsuid != new->fsuid || old->fsgid != new->fsgid ||
	       !cap_issubset(new->cap_permitted, old->cap_permitted);
}

int commit_creds(struct cred *new)
{
	struct task_struct *task = current;
	const struct cred *old = task->real_cred;

	VM_BUG_ON(atomic_read(&new->usage) != 1);
	WARN_ON_ONCE(task->cred != old);	/* no commit under override_creds() */
	if (creds_identity_changed(old, new)) {
		if (task->mm)
			set_dumpable(task->mm, SUID_DUMP_DISABLE);
		task->pdeath_signal = 0;
	}
	task_lock(task);
	task->real_cred = new;
	task->cred = new;
	task_unlock(task);
	put_cred(old);
	return 0;
}

const struct cred *get_task_cred(struct task_struct *t)
{
	const struct cred *cred;

	task_lock(t);
	cred = get_cred(t->real_cred);
	task_unlock(t);
	return cred;
}

void copy_creds(struct task_struct *p)
{
	p->real_cred = get_cred(current->real_cred);
	p->cred = p->real_cred;
}

void exit_creds(struct task_struct *p)
{
	const struct cred *cred = p->real_cred;

	WARN_ON_ONCE(p->cred != cred);
	p->cred = p->real_cred = NULL;
	put_cred(cred);
}

const struct cred *override_creds(const struct cred *new)
{
	const struct cred *old = current->cred;

	task_lock(current);
	current->cred = new;
	task_unlock(current);
	return old;
}

void revert_creds(const struct cred *old)
{
	task_lock(current);
	current->cred = old;
	task_unlock(current);
}
