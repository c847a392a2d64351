// SPDX-License-Identifier: GPL-2.0
/*
 * Supplementary groups (Linux's kernel/groups.c): struct group_info
 * (linux/cred.h), in_group_p(), getgroups() and setgroups().
 *
 * A group_info is a counted, sorted array of gids, shared by every cred
 * that points at it and never changed once one does; setgroups() makes
 * a new one (kvmalloc: up to NGROUPS_MAX gids, 256 KiB), sorts it and
 * installs it in a new cred. init_groups is empty and static, its count
 * never reaches 0.
 */
#include <linux/cred.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/sort.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

struct group_info init_groups = { .usage = ATOMIC_INIT(2) };

struct group_info *groups_alloc(int gidsetsize)
{
	struct group_info *gi = kvmalloc(sizeof(*gi) + gidsetsize * sizeof(gid_t), GFP_KERNEL);

	if (!gi)
		return NULL;
	atomic_set(&gi->usage, 1);
	gi->ngroups = gidsetsize;
	return gi;
}

void put_group_info(struct group_info *gi)
{
	if (atomic_dec_and_test(&gi->usage)) {
		BUG_ON(gi == &init_groups);
		kvfree(gi);
	}
}

static int gid_cmp(const void *a, const void *b)
{
	gid_t x = *(const gid_t *)a, y = *(const gid_t *)b;

	return (x > y) - (x < y);
}

void groups_sort(struct group_info *gi)
{
	sort(gi->gid, gi->ngroups, sizeof(*gi->gid), gid_cmp, NULL);
}

bool groups_search(const struct group_info *gi, gid_t grp)
{
	int left = 0, right;

	if (!gi)
		return false;
	right = gi->ngroups;
	while (left < right) {
		int mid = left + (right - left) / 2;

		if (grp > gi->gid[mid])
			left = mid + 1;
		else if (grp < gi->gid[mid])
			right = mid;
		else
			return true;
	}
	return false;
}

void set_groups(struct cred *new, struct group_info *gi)
{
	put_group_info(new->group_info);
	new->group_info = get_group_info(gi);
}

bool in_group_p(gid_t grp)
{
	const struct cred *cred = current_cred();

	return grp == cred->fsgid || groups_search(cred->group_info, grp);
}

bool in_egroup_p(gid_t grp)
{
	const struct cred *cred = current_cred();

	return grp == cred->egid || groups_search(cred->group_info, grp);
}

SYSCALL_DEFINE2(getgroups, int, gidsetsize, gid_t __user *, grouplist)
{
	const struct group_info *gi = current_cred()->group_info;
	int n = gi->ngroups;

	if (gidsetsize < 0)
		return -EINVAL;
	if (!gidsetsize)
		return n;
	if (gidsetsize < n)
		return -EINVAL;
	if (copy_to_user(grouplist, gi->gid, n * sizeof(gid_t)))
		return -EFAULT;
	return n;
}

/* The new groups into a new cred; CAP_SETGID was checked. */
static int set_current_groups(struct group_info *gi)
{
	struct cred *new = prepare_creds();

	if (!new)
		return -ENOMEM;
	set_groups(new, gi);
	return commit_creds(new);
}

SYSCALL_DEFINE2(setgroups, int, gidsetsize, gid_t __user *, grouplist)
{
	struct group_info *gi;
	int err;

	if (!capable(CAP_SETGID))
		return -EPERM;
	if ((unsigned int)gidsetsize > NGROUPS_MAX)
		return -EINVAL;
	gi = groups_alloc(gidsetsize);
	if (!gi)
		return -ENOMEM;
	if (copy_from_user(gi->gid, grouplist, gidsetsize * sizeof(gid_t))) {
		put_group_info(gi);
		return -EFAULT;
	}
	groups_sort(gi);
	err = set_current_groups(gi);
	put_group_info(gi);
	return err;
}
