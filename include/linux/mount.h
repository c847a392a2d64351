/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mounts (fs/namespace.c): a vfsmount is a super block's tree attached at
 * a place of the file tree. The mount tree itself (struct mount: parent,
 * mountpoint, children) is private to fs/ (fs/mount.h).
 */
#ifndef _LINUX_MOUNT_H
#define _LINUX_MOUNT_H

#include <linux/types.h>

struct dentry;
struct super_block;
struct path;
struct file_system_type;

#define MNT_NOSUID	0x01
#define MNT_NODEV	0x02
#define MNT_NOEXEC	0x04
#define MNT_READONLY	0x40

struct vfsmount {
	struct dentry *mnt_root;	/* root of the mounted tree */
	struct super_block *mnt_sb;
	int mnt_flags;			/* MNT_* */
};

struct vfsmount *mntget(struct vfsmount *mnt);
/* mntput - drop a reference; a detached mount's last one ends it (and its sb's s_active). */
void mntput(struct vfsmount *mnt);

/*
 * vfs_kern_mount - a new, unattached mount of @type.
 * Return: the mount with one reference, or ERR_PTR.
 */
struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags,
				const char *name, void *data);
/* kern_mount - an internal mount of @type (not in the tree), as Linux's shm_mnt. */
struct vfsmount *kern_mount(struct file_system_type *type);
void kern_unmount(struct vfsmount *mnt);

/*
 * path_mount - mount(2)'s work once the target is looked up: a new mount
 * of @type_page on @path (or a bind of @dev_name with MS_BIND).
 */
int path_mount(const char *dev_name, struct path *path, const char *type_page,
	       unsigned long flags, void *data_page);
/* path_umount - detach the mount at the root of @path. Return: 0, -EINVAL, -EBUSY. */
int path_umount(struct path *path, int flags);

/* The counter of mounts in the tree (tests). */
long get_nr_mounts(void);

void mnt_init(void);

#endif /* _LINUX_MOUNT_H */
