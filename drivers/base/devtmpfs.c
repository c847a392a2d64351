// SPDX-License-Identifier: GPL-2.0
/*
 * devtmpfs (Linux's drivers/base/devtmpfs.c): one tmpfs instance in which
 * drivers create their device nodes as they register, mounted on /dev.
 *
 *   devtmpfs_mnt --------> the one super block (type "devtmpfs", tmpfs inside)
 *   mount("devtmpfs", "/dev") returns that same super block (s_active + 1)
 *
 * Boot order (kernel/main.c's kernel_init): devtmpfs_init(), the drivers
 * (mem, tty) making their nodes, devtmpfs_mount() on /dev, and only then
 * the initramfs: an archive's own /dev entries (usr/initramfs_list has
 * /dev/console and /dev/null) are unpacked into devtmpfs beside the
 * drivers' nodes, a node of the same name replacing the driver's (same
 * numbers in practice). Linux mounts devtmpfs after the initramfs, and
 * only without one; unpacking into it keeps both sets visible.
 *
 * Linux creates nodes from a kthread (kdevtmpfsd) in its own namespace so
 * that the caller's root and credentials do not matter; here the nodes
 * are made under the internal mount's root directly, by name, and only
 * from boot code and tests running as root.
 *
 * Locking: devtmpfs_mnt is set once at boot; the directory's i_rwsem
 * serialises node creation.
 */
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/init_syscalls.h>
#include <linux/shmem_fs.h>
#include <linux/string.h>
#include <linux/errno.h>

static struct vfsmount *devtmpfs_mnt;

/* The first mount (devtmpfs_init()'s) makes the tmpfs; later ones share it. */
static struct dentry *devtmpfs_fs_mount(struct file_system_type *fs_type, int flags,
					const char *dev_name, void *data)
{
	struct super_block *sb;

	if (!devtmpfs_mnt)
		return shmem_mount(fs_type, flags, dev_name, "mode=0755");
	sb = devtmpfs_mnt->mnt_sb;
	atomic_inc(&sb->s_active);
	return dget(sb->s_root);
}

static struct file_system_type dev_fs_type = {
	.name = "devtmpfs",
	.mount = devtmpfs_fs_mount,
	.kill_sb = kill_litter_super,
};

int devtmpfs_init(void)
{
	struct vfsmount *mnt;
	int err = register_filesystem(&dev_fs_type);

	if (err)
		return err;
	mnt = vfs_kern_mount(&dev_fs_type, SB_KERNMOUNT, "devtmpfs", NULL);
	if (IS_ERR(mnt)) {
		unregister_filesystem(&dev_fs_type);
		return PTR_ERR(mnt);
	}
	devtmpfs_mnt = mnt;
	return 0;
}

int devtmpfs_mount(void)
{
	int err = init_mkdir("/dev", 0755);

	if (err && err != -EEXIST)
		return err;
	return init_mount("devtmpfs", "/dev", "devtmpfs", MS_SILENT, NULL);
}

int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev)
{
	struct dentry *root, *dentry;
	int err;

	if (!devtmpfs_mnt)
		return -ENODEV;
	root = devtmpfs_mnt->mnt_root;
	inode_lock_nested(root->d_inode, I_MUTEX_PARENT);
	dentry = lookup_one_len(name, root, strlen(name));
	err = PTR_ERR_OR_ZERO(dentry);
	if (!err) {
		err = d_really_is_negative(dentry) ? vfs_mknod(root->d_inode, dentry, mode, dev)
					    : -EEXIST;
		dput(dentry);
	}
	inode_unlock(root->d_inode);
	return err;
}
