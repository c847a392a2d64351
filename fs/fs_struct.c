// SPDX-License-Identifier: GPL-2.0
/*
 * Root and working directory (include/linux/fs_struct.h): init_fs, which
 * every kernel thread shares, and its getters and setters. A setter takes
 * a reference on the new path and drops the old one's after the lock.
 * copy_fs_struct() gives a new process its own (fork without CLONE_FS).
 */
#include <linux/fs_struct.h>
#include <linux/path.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include "internal.h"

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

static struct kmem_cache *fs_cachep;

struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = kmem_cache_alloc(fs_cachep, GFP_KERNEL);

	if (!fs)
		return NULL;
	fs->users = 1;
	spin_lock_init(&fs->lock);
	spin_lock(&old->lock);
	fs->umask = old->umask;
	fs->root = old->root;
	fs->pwd = old->pwd;
	path_get(&fs->root);
	path_get(&fs->pwd);
	spin_unlock(&old->lock);
	return fs;
}

void free_fs_struct(struct fs_struct *fs)
{
	WARN_ON_ONCE(fs == &init_fs);
	path_put(&fs->root);
	path_put(&fs->pwd);
	kmem_cache_free(fs_cachep, fs);
}

void fs_cache_init(void)
{
	fs_cachep = kmem_cache_create("fs_cache", sizeof(struct fs_struct), 0,
				      SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
}
