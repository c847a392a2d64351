/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Files with no name in any directory (fs/anon_inodes.c): an object that
 * only needs an fd gets a file of the one anonymous inode.
 */
#ifndef _LINUX_ANON_INODES_H
#define _LINUX_ANON_INODES_H

struct file;
struct file_operations;

/**
 * anon_inode_getfile - a new file of the anonymous inode
 * @name: its dentry's name ("[pidfd]")
 * @fops: its operations
 * @priv: file->private_data (the caller's reference passes to the file)
 * @flags: O_RDONLY/O_WRONLY/O_RDWR, O_NONBLOCK
 *
 * Return: the file, or ERR_PTR(-ENOMEM); @priv stays the caller's on
 * error. Context: process.
 */
struct file *anon_inode_getfile(const char *name, const struct file_operations *fops,
				void *priv, int flags);

/**
 * anon_inode_getfd - the same, installed at the lowest free fd
 * @flags: as above, and O_CLOEXEC for the fd
 *
 * Return: the fd, or -EMFILE, -ENOMEM. Context: process.
 */
int anon_inode_getfd(const char *name, const struct file_operations *fops, void *priv,
		     int flags);

/* anon_inode_init - register and mount anon_inodefs at boot (after the VFS caches). */
void anon_inode_init(void);

#endif /* _LINUX_ANON_INODES_H */
