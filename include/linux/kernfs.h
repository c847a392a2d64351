/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kernfs (fs/kernfs/kernfs.c): the core sysfs and debugfs share, a tree of
 * nodes the kernel makes (directories and files) in the dcache of a
 * file system's single super block. Linux's kernfs keeps a kernfs_node
 * tree beside the dcache; here, as in Linux's debugfs, a node IS its
 * pinned dentry, and the node's data is its inode's i_private.
 *
 *   kern_mount(type) --> super block --s_root--> dir --> file (i_private: data)
 *
 * The internal mount made at init holds the super block for good; every
 * mount of the type (mount -t sysfs) shares it (kernfs_mount_single()).
 *
 * Removal deactivates before it unlinks: kernfs_remove() clears every
 * removed node's i_private under kernfs_active_mutex, and a file's
 * operations that use the data take it with kernfs_get_active() (NULL once
 * removed: answer -ENODEV) and let it go with kernfs_put_active(), so an
 * open file outliving its node never sees freed data (Linux's kernfs
 * active references, as one mutex).
 *
 * Locking: a directory's i_rwsem around creating and removing its
 * children; kernfs_active_mutex inside it, around the data's users.
 */
#ifndef _LINUX_KERNFS_H
#define _LINUX_KERNFS_H

#include <linux/types.h>

struct dentry;
struct inode;
struct file_operations;
struct vfsmount;
struct file_system_type;

/**
 * kernfs_create_dir - a directory @name in @parent
 * @parent: a directory of a kernfs file system
 * @name: no '/'
 * @mode: permission bits (S_IFDIR is added)
 * @data: its i_private
 *
 * Return: the node, or ERR_PTR(-EEXIST / -ENOMEM / -ENAMETOOLONG).
 * Context: may sleep; takes @parent's i_rwsem.
 */
struct dentry *kernfs_create_dir(struct dentry *parent, const char *name, umode_t mode,
				 void *data);

/* kernfs_create_file - a regular file @name in @parent with @fops and @data; as kernfs_create_dir(). */
struct dentry *kernfs_create_file(struct dentry *parent, const char *name, umode_t mode,
				  const struct file_operations *fops, void *data);

/**
 * kernfs_remove - remove @node and everything below it
 * @node: a node, or NULL / an ERR_PTR (nothing to do, as Linux's debugfs_remove())
 *
 * Each node is deactivated (see top), then unlinked; its dentry and inode
 * go when the last open file of it closes. Nothing may be created below
 * @node meanwhile (its creator removes it).
 * Context: may sleep; takes the parents' i_rwsem.
 */
void kernfs_remove(struct dentry *node);

/* kernfs_get_active - the data of @inode's node, with removal held off; NULL if removed. */
void *kernfs_get_active(struct inode *inode);
/* kernfs_put_active - end what a kernfs_get_active() that returned data began. */
void kernfs_put_active(void);

/**
 * kernfs_mount_single - a file system type's ->mount() for its one super block
 * @fs_type, @flags, @data: as ->mount() got them
 * @internal: the type's internal mount; NULL while it is being made
 * @magic: the super block's magic, for the first mount
 *
 * The first mount (kern_mount() at init) makes the super block with an
 * empty root (kernfs_fill_super()); every later one shares it: s_active
 * and the root's count raised, as Linux's get_tree_single().
 * Return: the root with a reference, or ERR_PTR(-ENOMEM).
 */
struct dentry *kernfs_mount_single(struct file_system_type *fs_type, int flags, void *data,
				   struct vfsmount *internal, unsigned long magic);

#endif /* _LINUX_KERNFS_H */
