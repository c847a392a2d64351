/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Files with no inode of their own (fs/anon_inodes.c): eventfd, epoll and
 * the like are open files of one shared inode of the internal
 * "anon_inodefs" mount, each on a pseudo dentry named "anon_inode:NAME"
 * (as Linux's /proc/PID/fd shows them). The file's private_data is the
 * object; its f_op does all the work.
 */
#ifndef _LINUX_ANON_INODES_H
#define _LINUX_ANON_INODES_H

struct file;
struct file_operations;

/**
 * anon_inode_getfile - an open file of the anonymous inode
 * @name: the object's kind, as "[eventfd]": the dentry is "anon_inode:@name"
 * @fops: the file's operations
 * @priv: its private_data
 * @flags: O_ACCMODE, O_NONBLOCK (kept in f_flags); other bits ignored
 *
 * Return: the file (one reference), or ERR_PTR(-ENOMEM). On failure
 * nothing of @priv is touched. Context: process, may sleep.
 */
struct file *anon_inode_getfile(const char *name, const struct file_operations *fops,
				void *priv, int flags);

/**
 * anon_inode_getfd - anon_inode_getfile() installed at the lowest free fd
 * @name, @fops, @priv: as anon_inode_getfile()
 * @flags: as there, and O_CLOEXEC for the fd
 *
 * Return: the fd, or -EMFILE / -ENOMEM (then @priv stays the caller's).
 */
int anon_inode_getfd(const char *name, const struct file_operations *fops, void *priv,
		     int flags);

/* anon_inode_init - register and mount anon_inodefs (boot, before any caller). */
void anon_inode_init(void);

#endif /* _LINUX_ANON_INODES_H */
