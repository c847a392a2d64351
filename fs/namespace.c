// SPDX-License-Identifier: GPL-2.0
/*
 * Mounts and the mount tree (the picture and the locking are in
 * fs/mount.h): vfs_kern_mount() makes a mount of a new super block,
 * path_mount() attaches one (or a bind of a tree already mounted) on a
 * directory, path_umount() detaches one, mntput() of the last reference
 * ends a detached mount and drops its super block's s_active.
 *
 * mounts_show() prints the tree in /proc/mounts's format (the shell's
 * "mounts").
 *
 * At boot, mnt_init() registers tmpfs (shmem_init()) and mounts one, as
 * the type "rootfs", as the root of everything: init_fs's root and cwd
 * (Linux's rootfs, which is a tmpfs when tmpfs is built in). It is the
 * top of the tree and cannot be unmounted.
 *
 * A mount in the tree holds a reference on itself, on its parent mount
 * and on its mountpoint dentry; umount refuses (-EBUSY) while anything
 * else holds the mount (mnt_count above 2: the tree's and the caller's
 * path) or something is mounted on it, unless MNT_DETACH, which detaches
 * it and everything mounted below it at once and leaves the end of each
 * to its last mntput().
 *
 * mount(2) and umount2(2) copy their user strings (type, device and the
 * options, each at most a page, as Linux's copy_mount_string() and
 * copy_mount_options()) and need root (CAP_SYS_ADMIN: fsuid_is_root(),
 * as chroot's check).
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
#include <linux/seq_file.h>
#include <linux/shell.h>
#include <linux/cred.h>
#include <linux/syscalls.h>
#include <linux/pipe_fs_i.h>
#include <asm/uaccess.h>
#include "internal.h"
#include "mount.h"

DEFINE_SPINLOCK(mount_lock);
static DEFINE_MUTEX(namespace_sem);
static LIST_HEAD(mount_list);		/* the tree's mounts in mount order; namespace_sem */
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
	INIT_LIST_HEAD(&mnt->mnt_list);
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
	list_add_tail(&mnt->mnt_list, &mount_list);
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
	list_del_init(&mnt->mnt_list);
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

/* Detach every mount below @mnt, deepest first (a lazy umount's). namespace_sem held. */
static void umount_children(struct mount *mnt)
{
	struct mount *m = mnt;

	for (;;) {
		struct mount *child = list_first_entry_or_null(&m->mnt_mounts, struct mount,
							       mnt_child);
		struct mount *parent;

		if (child) {
			m = child;
			continue;
		}
		if (m == mnt)
			return;
		parent = m->mnt_parent;
		detach_mnt(m);
		mntput(&m->mnt);	/* the tree's reference */
		m = parent;
	}
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
		umount_children(mnt);	/* none unless MNT_DETACH */
		detach_mnt(mnt);
	}
	mutex_unlock(&namespace_sem);
	if (!err)
		mntput(&mnt->mnt);	/* the tree's reference */
	return err;
}

/* One line of /proc/mounts: device, mount point, type, options, "0 0". */
static void show_vfsmnt(struct seq_file *m, struct mount *mnt, char *buf)
{
	struct super_block *sb = mnt->mnt.mnt_sb;
	struct path mp = { .mnt = &mnt->mnt_parent->mnt, .dentry = mnt->mnt_mountpoint };
	char *path;

	if (mnt_is_top(mnt))
		mp = (struct path){ .mnt = &mnt->mnt, .dentry = mnt->mnt.mnt_root };
	path = d_path(&mp, buf, PATH_MAX);
	seq_escape(m, mnt->mnt_devname ? mnt->mnt_devname : "none", " \t\n\\");
	seq_putc(m, ' ');
	seq_escape(m, IS_ERR(path) ? "?" : path, " \t\n\\");
	seq_putc(m, ' ');
	seq_escape(m, sb->s_type->name, " \t\n\\");
	seq_puts(m, (sb->s_flags & SB_RDONLY) || (mnt->mnt.mnt_flags & MNT_READONLY) ? " ro" : " rw");
	seq_puts(m, ",relatime");	/* Linux's default atime policy */
	if (sb->s_op->show_options)
		sb->s_op->show_options(m, mnt->mnt.mnt_root);
	seq_puts(m, " 0 0\n");
}

int mounts_show(struct seq_file *m, void *v)
{
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL);
	struct mount *mnt;

	if (!buf)
		return -ENOMEM;
	mutex_lock(&namespace_sem);
	list_for_each_entry(mnt, &mount_list, mnt_list)
		show_vfsmnt(m, mnt, buf);
	mutex_unlock(&namespace_sem);
	kfree(buf);
	return 0;
}
SHELL_SEQ_CMD(mounts, "mounted file systems, as /proc/mounts", mounts_show);

/* The root tmpfs as everyone's root and cwd (init_fs: kernel threads share it). */
static void init_mount_tree(void)
{
	struct file_system_type *type = get_fs_type("rootfs");
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
	list_add_tail(&real_mount(mnt)->mnt_list, &mount_list);
}

void mnt_init(void)
{
	mnt_cache = kmem_cache_create("mnt_cache", sizeof(struct mount), 0,
				      SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
	shmem_init();
	pipe_init();
	init_mount_tree();
}

/* ---- the system calls ------------------------------------------------------ */

#define MS_MGC_VAL	0xC0ED0000	/* old callers' magic in the high half of the flags */
#define MS_MGC_MSK	0xffff0000
#define MNT_EXPIRE	0x00000004

/* A user string of at most a page, or NULL for NULL. Return: it, or ERR_PTR(-errno). */
static char *copy_mount_string(const char __user *data)
{
	long len;
	char *s;

	if (!data)
		return NULL;
	len = strnlen_user(data, PAGE_SIZE);
	if (len <= 0)
		return ERR_PTR(-EFAULT);
	if (len > (long)PAGE_SIZE)
		return ERR_PTR(-EINVAL);
	s = kmalloc(len, GFP_KERNEL);
	if (!s)
		return ERR_PTR(-ENOMEM);
	if (copy_from_user(s, data, len)) {
		kfree(s);
		return ERR_PTR(-EFAULT);
	}
	s[len - 1] = '\0';
	return s;
}

/*
 * The options: a page, of which as much as is readable (Linux copies up
 * to the first fault, since the options need not be a string). Return:
 * the page, NULL for NULL, or ERR_PTR(-EFAULT / -ENOMEM).
 */
static void *copy_mount_options(const void __user *data)
{
	unsigned long left;
	char *copy;

	if (!data)
		return NULL;
	copy = kzalloc(PAGE_SIZE, GFP_KERNEL);
	if (!copy)
		return ERR_PTR(-ENOMEM);
	left = copy_from_user(copy, data, PAGE_SIZE);
	if (left == PAGE_SIZE) {
		kfree(copy);
		return ERR_PTR(-EFAULT);
	}
	copy[PAGE_SIZE - 1] = '\0';
	return copy;
}

SYSCALL_DEFINE5(mount, char __user *, dev_name, char __user *, dir_name, char __user *, type,
		unsigned long, flags, void __user *, data)
{
	char *kernel_type, *kernel_dev;
	struct filename *dir;
	void *options;
	struct path path;
	long ret;

	if (!fsuid_is_root())
		return -EPERM;
	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	kernel_type = copy_mount_string(type);
	ret = PTR_ERR(kernel_type);
	if (IS_ERR(kernel_type))
		goto out_type;
	kernel_dev = copy_mount_string(dev_name);
	ret = PTR_ERR(kernel_dev);
	if (IS_ERR(kernel_dev))
		goto out_dev;
	options = copy_mount_options(data);
	ret = PTR_ERR(options);
	if (IS_ERR(options))
		goto out_data;
	dir = getname(dir_name);
	ret = PTR_ERR(dir);
	if (IS_ERR(dir))
		goto out_dir;
	ret = kern_path(dir->name, LOOKUP_FOLLOW, &path);
	if (!ret) {
		ret = path_mount(kernel_dev, &path, kernel_type, flags, options);
		path_put(&path);
	}
	putname(dir);
out_dir:
	kfree(options);
out_data:
	kfree(kernel_dev);
out_dev:
	kfree(kernel_type);
out_type:
	return ret;
}

SYSCALL_DEFINE2(umount2, char __user *, name, int, flags)
{
	struct filename *kname;
	struct path path;
	long ret;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	if (!fsuid_is_root())
		return -EPERM;
	kname = getname(name);
	if (IS_ERR(kname))
		return PTR_ERR(kname);
	ret = kern_path(kname->name, flags & UMOUNT_NOFOLLOW ? 0 : LOOKUP_FOLLOW, &path);
	if (!ret) {
		ret = path_umount(&path, flags);
		path_put(&path);
	}
	putname(kname);
	return ret;
}
