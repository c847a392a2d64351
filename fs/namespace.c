// SPDX-License-Identifier: GPL-2.0
/*
 * Mounts and the mount tree (the picture and the locking are in
 * fs/mount.h): vfs_kern_mount() makes a mount of a new super block,
 * path_mount() attaches one (or a bind of a tree already mounted) on a
 * directory, path_umount() detaches one, mntput() of the last reference
 * ends a detached mount and drops its super block's s_active.
 *
 * At boot, mnt_init() registers tmpfs (shmem_init()) and mounts one as
 * the root of everything: init_fs's root and cwd (Linux's rootfs, which
 * is a tmpfs when tmpfs is built in). It is the top of the tree and
 * cannot be unmounted.
 *
 * A mount in the tree holds a reference on itself, on its parent mount
 * and on its mountpoint dentry; umount refuses (-EBUSY) while anything
 * else holds the mount (mnt_count above 2: the tree's and the caller's
 * path) or something is mounted on it, unless MNT_DETACH, which detaches
 * at once and leaves the end to the last mntput().
 */
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/fs_struct.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/panic.h>
#include <linux/errno.h>
#include "internal.h"
#include "mount.h"

DEFINE_SPINLOCK(mount_lock);
static DEFINE_MUTEX(namespace_sem);
static struct kmem_cache *mnt_cache;
static atomic_long_t nr_mounts;

long get_nr_mounts(void)
{
	return atomic_long_read(&nr_mounts);
}

static struct mount *alloc_vfsmnt(const char *name)
{
	struct mount *mnt = kmem_cache_alloc(mnt_cache, GFP_KERNEL);

	if (!mnt)
		return NULL;
	memset(mnt, 0, sizeof(*mnt));
	if (name) {
		mnt->mnt_devname = kmemdup(name, strlen(name) + 1, GFP_KERNEL);
		if (!mnt->mnt_devname) {
			kmem_cache_free(mnt_cache, mnt);
			return NULL;
		}
	}
	mnt->mnt_parent = mnt;
	atomic_set(&mnt->mnt_count, 1);
	INIT_LIST_HEAD(&mnt->mnt_mounts);
	INIT_LIST_HEAD(&mnt->mnt_child);
	atomic_long_add(1, &nr_mounts);
	return mnt;
}

static void free_vfsmnt(struct mount *mnt)
{
	kfree(mnt->mnt_devname);
	kmem_cache_free(mnt_cache, mnt);
	atomic_long_sub(1, &nr_mounts);
}

struct vfsmount *mntget(struct vfsmount *mnt)
{
	if (mnt)
		atomic_inc(&real_mount(mnt)->mnt_count);
	return mnt;
}

void mntput(struct vfsmount *mnt)
{
	struct mount *m;

	if (!mnt)
		return;
	m = real_mount(mnt);
	if (!atomic_dec_and_test(&m->mnt_count))
		return;
	dput(mnt->mnt_root);
	deactivate_super(mnt->mnt_sb);
	free_vfsmnt(m);
}

struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags,
				const char *name, void *data)
{
	struct mount *mnt = alloc_vfsmnt(name);
	struct dentry *root;

	if (!mnt)
		return ERR_PTR(-ENOMEM);
	root = type->mount(type, flags, name, data);
	if (IS_ERR(root)) {
		free_vfsmnt(mnt);
		return ERR_CAST(root);
	}
	mnt->mnt.mnt_root = root;
	mnt->mnt.mnt_sb = root->d_sb;
	return &mnt->mnt;
}

struct vfsmount *kern_mount(struct file_system_type *type)
{
	return vfs_kern_mount(type, SB_KERNMOUNT, type->name, NULL);
}

void kern_unmount(struct vfsmount *mnt)
{
	mntput(mnt);
}

struct vfsmount *lookup_mnt(const struct path *path)
{
	struct mount *parent = real_mount(path->mnt), *child;
	struct vfsmount *found = NULL;

	spin_lock(&mount_lock);
	/* The last one attached is on top, and the first on the list. */
	list_for_each_entry(child, &parent->mnt_mounts, mnt_child) {
		if (child->mnt_mountpoint == path->dentry) {
			found = mntget(&child->mnt);
			break;
		}
	}
	spin_unlock(&mount_lock);
	return found;
}

/* Hang @mnt (its tree reference: the caller's) on @path; namespace_sem held. */
static void attach_mnt(struct mount *mnt, const struct path *path)
{
	struct mount *parent = real_mount(mntget(path->mnt));
	struct dentry *mp = dget(path->dentry);

	spin_lock(&mount_lock);
	spin_lock(&dcache_lock);
	mp->d_flags |= DCACHE_MOUNTED;
	spin_unlock(&dcache_lock);
	mnt->mnt_parent = parent;
	mnt->mnt_mountpoint = mp;
	list_add(&mnt->mnt_child, &parent->mnt_mounts);
	spin_unlock(&mount_lock);
}

/* Take @mnt out of the tree; the caller drops the tree's references. namespace_sem held. */
static void detach_mnt(struct mount *mnt)
{
	struct dentry *mp = mnt->mnt_mountpoint;
	struct mount *parent = mnt->mnt_parent, *other;
	bool still_mounted = false;

	spin_lock(&mount_lock);
	list_del_init(&mnt->mnt_child);
	list_for_each_entry(other, &parent->mnt_mounts, mnt_child)
		if (other->mnt_mountpoint == mp)
			still_mounted = true;
	if (!still_mounted) {
		spin_lock(&dcache_lock);
		mp->d_flags &= ~DCACHE_MOUNTED;
		spin_unlock(&dcache_lock);
	}
	mnt->mnt_parent = mnt;
	mnt->mnt_mountpoint = NULL;
	spin_unlock(&mount_lock);
	dput(mp);
	mntput(&parent->mnt);
}

/* Attach @newmnt on directory @path (consuming the caller's reference on success). */
static int do_add_mount(struct mount *newmnt, const struct path *path)
{
	struct inode *dir = path->dentry->d_inode;
	int err = 0;

	if (!S_ISDIR(dir->i_mode) || !d_is_dir(newmnt->mnt.mnt_root))
		return -ENOTDIR;
	mutex_lock(&namespace_sem);
	inode_lock(dir);
	if (IS_DEADDIR(dir) || (path->dentry->d_flags & DCACHE_CANT_MOUNT) ||
	    (d_unhashed(path->dentry) && !IS_ROOT(path->dentry)))
		err = -ENOENT;
	else
		attach_mnt(newmnt, path);
	inode_unlock(dir);
	mutex_unlock(&namespace_sem);
	return err;
}

static int do_new_mount(const struct path *path, const char *fstype, int flags,
			const char *name, void *data)
{
	struct file_system_type *type;
	struct vfsmount *mnt;
	int err;

	if (!fstype)
		return -EINVAL;
	type = get_fs_type(fstype);
	if (!type)
		return -ENODEV;
	mnt = vfs_kern_mount(type, flags, name, data);
	if (IS_ERR(mnt))
		return PTR_ERR(mnt);
	err = do_add_mount(real_mount(mnt), path);
	if (err)
		mntput(mnt);
	return err;
}

/* A bind mount: the tree at @old_name, mounted again on @path. */
static int do_loopback(const struct path *path, const char *old_name)
{
	struct path old;
	struct mount *mnt;
	int err;

	if (!old_name || !*old_name)
		return -EINVAL;
	err = kern_path(old_name, LOOKUP_FOLLOW, &old);
	if (err)
		return err;
	err = -ENOMEM;
	mnt = alloc_vfsmnt(real_mount(old.mnt)->mnt_devname);
	if (!mnt)
		goto out;
	atomic_inc(&old.mnt->mnt_sb->s_active);
	mnt->mnt.mnt_sb = old.mnt->mnt_sb;
	mnt->mnt.mnt_root = dget(old.dentry);
	mnt->mnt.mnt_flags = old.mnt->mnt_flags;
	err = do_add_mount(mnt, path);
	if (err)
		mntput(&mnt->mnt);
out:
	path_put(&old);
	return err;
}

int path_mount(const char *dev_name, struct path *path, const char *type_page,
	       unsigned long flags, void *data_page)
{
	if (flags & (MS_REMOUNT | MS_MOVE))
		return -EINVAL;		/* not supported yet */
	if (flags & MS_BIND)
		return do_loopback(path, dev_name);
	return do_new_mount(path, type_page, flags & ~MS_SILENT, dev_name, data_page);
}

int path_umount(struct path *path, int flags)
{
	struct mount *mnt = real_mount(path->mnt);
	int err = 0;

	if (flags & ~(MNT_FORCE | MNT_DETACH | UMOUNT_NOFOLLOW))
		return -EINVAL;
	if (path->dentry != path->mnt->mnt_root)
		return -EINVAL;		/* not a mount point */
	mutex_lock(&namespace_sem);
	if (mnt_is_top(mnt)) {
		err = -EINVAL;		/* the root, or not in the tree */
	} else if (!(flags & MNT_DETACH) &&
		   (!list_empty(&mnt->mnt_mounts) || atomic_read(&mnt->mnt_count) > 2)) {
		err = -EBUSY;
	} else {
		/* Lazy: the children leave with it, still attached to it. */
		detach_mnt(mnt);
	}
	mutex_unlock(&namespace_sem);
	if (!err)
		mntput(&mnt->mnt);	/* the tree's reference */
	return err;
}

/* The root tmpfs as everyone's root and cwd (init_fs: kernel threads share it). */
void init_mount_tree(void)
{
	struct file_system_type *type = get_fs_type("tmpfs");
	struct vfsmount *mnt;
	struct path root;

	BUG_ON(!type);
	mnt = vfs_kern_mount(type, 0, "rootfs", NULL);
	if (IS_ERR(mnt))
		panic("Can't create rootfs");
	root.mnt = mnt;
	root.dentry = mnt->mnt_root;
	set_fs_pwd(&init_fs, &root);
	set_fs_root(&init_fs, &root);
	/* vfs_kern_mount()'s reference stays: the tree's own, never dropped. */
}

void mnt_init(void)
{
	mnt_cache = kmem_cache_create("mnt_cache", sizeof(struct mount), 0, SLAB_PANIC, NULL);
	shmem_init();
	init_mount_tree();
}
