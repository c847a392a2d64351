/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The mount tree, private to fs/ (Linux's fs/mount.h):
 *
 *   struct mount { mnt_parent, mnt_mountpoint, mnt (the vfsmount), children }
 *
 * A mount in the tree sits on mnt_mountpoint (a dentry of mnt_parent's
 * tree, marked DCACHE_MOUNTED) and is on mnt_parent->mnt_mounts. The top
 * of the tree (the root tmpfs) and internal mounts (kern_mount()) are
 * their own parent.
 *
 * Locking: mount_lock (a spinlock) guards every mnt_parent,
 * mnt_mountpoint, the mnt_mounts lists and DCACHE_MOUNTED; namespace_sem
 * (a mutex) serialises mount and umount as a whole. mnt_count is atomic;
 * a mount in the tree holds one reference on itself, on its mountpoint's
 * dentry and on its parent mount.
 */
#ifndef _FS_MOUNT_H
#define _FS_MOUNT_H

#include <linux/mount.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/kernel.h>

struct mount {
	struct mount *mnt_parent;
	struct dentry *mnt_mountpoint;
	struct vfsmount mnt;
	atomic_t mnt_count;
	struct list_head mnt_mounts;	/* mounts on this one's dentries */
	struct list_head mnt_child;	/* in mnt_parent->mnt_mounts */
	char *mnt_devname;
};

extern spinlock_t mount_lock;

static inline struct mount *real_mount(struct vfsmount *mnt)
{
	return container_of(mnt, struct mount, mnt);
}

static inline bool mnt_is_top(const struct mount *mnt)
{
	return mnt->mnt_parent == mnt;
}

/*
 * lookup_mnt - the mount on @path->dentry in @path->mnt, with a
 * reference, or NULL. Context: takes mount_lock.
 */
struct vfsmount *lookup_mnt(const struct path *path);

#endif /* _FS_MOUNT_H */
