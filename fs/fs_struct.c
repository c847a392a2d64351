// SPDX-License-Identifier: GPL-2.0
/*
 * Root and working directory (include/linux/fs_struct.h): init_fs, which
 * every kernel thread shares, and its getters and setters. A setter takes
 * a reference on the new path and drops the old one's after the lock.
 */
#include <linux/fs_struct.h>
#include <linux/path.h>
#include <linux/spinlock.h>

struct fs_struct init_fs = {
	.users = 1,
	.lock = __SPIN_LOCK_UNLOCKED(init_fs.lock),
	.umask = 0022,
};

void get_fs_root(struct fs_struct *fs, struct path *root)
{
	spin_lock(&fs->lock);
	*root = fs->root;
	path_get(root);
	spin_unlock(&fs->lock);
}

void get_fs_pwd(struct fs_struct *fs, struct path *pwd)
{
	spin_lock(&fs->lock);
	*pwd = fs->pwd;
	path_get(pwd);
	spin_unlock(&fs->lock);
}

static void set_fs_path(struct fs_struct *fs, struct path *slot, const struct path *path)
{
	struct path old;

	path_get(path);
	spin_lock(&fs->lock);
	old = *slot;
	*slot = *path;
	spin_unlock(&fs->lock);
	if (old.dentry)
		path_put(&old);
}

void set_fs_root(struct fs_struct *fs, const struct path *path)
{
	set_fs_path(fs, &fs->root, path);
}

void set_fs_pwd(struct fs_struct *fs, const struct path *path)
{
	set_fs_path(fs, &fs->pwd, path);
}
