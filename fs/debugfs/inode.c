// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs: its file system and the creation calls (include/linux/debugfs.h).
 * One super block, made by debugfs_init() with an internal mount that
 * keeps it for good (Linux pins it at the first file made); every
 * "mount -t debugfs" shares it. The top is mode 0700, as Linux's.
 * debugfs_init() also makes the mount point /sys/kernel/debug, as Linux's
 * sysfs_create_mount_point().
 */
#include <linux/debugfs.h>
#include <linux/kernfs.h>
#include <linux/sysfs.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/err.h>

#define DEBUGFS_MAGIC	0x64626720

static struct vfsmount *debugfs_mnt;

static struct dentry *debugfs_parent(struct dentry *parent)
{
	return parent ? parent : debugfs_mnt->mnt_root;
}

struct dentry *debugfs_create_file(const char *name, umode_t mode, struct dentry *parent,
				   void *data, const struct file_operations *fops)
{
	if (!debugfs_mnt)
		return ERR_PTR(-ENODEV);
	return kernfs_create_file(debugfs_parent(parent), name, mode, fops, data);
}

struct dentry *debugfs_create_dir(const char *name, struct dentry *parent)
{
	if (!debugfs_mnt)
		return ERR_PTR(-ENODEV);
	return kernfs_create_dir(debugfs_parent(parent), name, 0755, NULL);
}

void debugfs_remove(struct dentry *dentry)
{
	kernfs_remove(dentry);
}

static struct dentry *debugfs_mount(struct file_system_type *fs_type, int flags,
				    const char *dev_name, void *data)
{
	struct dentry *root = kernfs_mount_single(fs_type, flags, data, debugfs_mnt,
						  DEBUGFS_MAGIC);

	if (!debugfs_mnt && !IS_ERR(root))
		d_inode(root)->i_mode = S_IFDIR | 0700;
	return root;
}

static struct file_system_type debugfs_fs_type = {
	.name = "debugfs",
	.mount = debugfs_mount,
	.kill_sb = kill_litter_super,
};

void debugfs_init(void)
{
	struct vfsmount *mnt;
	struct dentry *mountpoint;

	if (register_filesystem(&debugfs_fs_type))
		panic("debugfs: cannot register");
	mnt = kern_mount(&debugfs_fs_type);
	if (IS_ERR(mnt))
		panic("debugfs: cannot mount: %ld", PTR_ERR(mnt));
	debugfs_mnt = mnt;
	mountpoint = kernfs_create_dir(kernel_kobj->sd, "debug", 0755, NULL);
	if (IS_ERR(mountpoint))
		pr_warn("debugfs: no mount point /sys/kernel/debug: %ld\n", PTR_ERR(mountpoint));
}
