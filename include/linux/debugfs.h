/* SPDX-License-Identifier: GPL-2.0 */
/*
 * debugfs (fs/debugfs/): /sys/kernel/debug, files the kernel makes for
 * debugging, over the kernfs core (include/linux/kernfs.h), with Linux's
 * interface: a file is its dentry, made with the caller's
 * file_operations and data (the inode's i_private, which the fops read in
 * ->open), removed with debugfs_remove() and everything below it.
 *
 *   debugfs_create_dir("memblock", NULL)
 *       debugfs_create_file("memory", 0444, dir, &memblock.memory, &fops)
 *
 * As Linux's debugfs_create_file_unsafe(): an open file may outlive its
 * removal, and its ->read/->write then still run; a creator whose data
 * can go away makes its operations safe (debugfs data here is static, or
 * removed only when nothing opened it, as the tests do).
 */
#ifndef _LINUX_DEBUGFS_H
#define _LINUX_DEBUGFS_H

#include <linux/types.h>

struct dentry;
struct file_operations;

/**
 * debugfs_create_file - the file @name in @parent (NULL: the top of debugfs)
 * @mode: permission bits
 * @data: the inode's i_private, for @fops
 * @fops: its operations
 *
 * Return: its dentry, or ERR_PTR(-EEXIST / -ENOMEM / -ENODEV when
 * debugfs is not up). Context: may sleep.
 */
struct dentry *debugfs_create_file(const char *name, umode_t mode, struct dentry *parent,
				   void *data, const struct file_operations *fops);
/* debugfs_create_dir - a directory; as debugfs_create_file(). */
struct dentry *debugfs_create_dir(const char *name, struct dentry *parent);
/*
 * debugfs_create_u32 - a file showing *@value in decimal ("%llu\n"), and
 * when @mode lets anyone write, setting it from a number written (any
 * base kstrtoull() takes; -EINVAL otherwise), as Linux's. Its errors are
 * only logged, as Linux's, which returns nothing.
 */
void debugfs_create_u32(const char *name, umode_t mode, struct dentry *parent, u32 *value);
/* debugfs_remove - remove @dentry and all below it; NULL and ERR_PTRs are ignored. */
void debugfs_remove(struct dentry *dentry);
/* debugfs_init - register debugfs, make its super block and /sys/kernel/debug. Context: boot. */
void debugfs_init(void);

#endif /* _LINUX_DEBUGFS_H */
