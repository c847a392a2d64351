/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The virtual file system's interface (fs/): files, inodes, super blocks.
 * What is declared so far is the in-kernel file calls that boot code
 * (init/initramfs.c) uses; the VFS itself fills this header in.
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/fcntl.h>
#include <linux/kdev_t.h>
#include <linux/err.h>

struct file;
struct path;

/* File types and permission bits of an inode's mode (Linux's stat.h). */
#define S_IFMT		00170000
#define S_IFSOCK	0140000
#define S_IFLNK		0120000
#define S_IFREG		0100000
#define S_IFBLK		0060000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFIFO		0010000
#define S_ISUID		0004000
#define S_ISGID		0002000
#define S_ISVTX		0001000

#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m)	(((m) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(m)	(((m) & S_IFMT) == S_IFIFO)
#define S_ISSOCK(m)	(((m) & S_IFMT) == S_IFSOCK)

#define S_IRWXU		00700
#define S_IRUSR		00400
#define S_IWUSR		00200
#define S_IXUSR		00100
#define S_IRWXG		00070
#define S_IRGRP		00040
#define S_IWGRP		00020
#define S_IXGRP		00010
#define S_IRWXO		00007
#define S_IROTH		00004
#define S_IWOTH		00002
#define S_IXOTH		00001
#define S_IALLUGO	(S_ISUID | S_ISGID | S_ISVTX | S_IRWXU | S_IRWXG | S_IRWXO)

/**
 * filp_open - open @filename (relative to the task's root and cwd)
 * @filename: kernel string
 * @flags: O_* (include/linux/fcntl.h)
 * @mode: permissions of a file O_CREAT makes
 *
 * Return: the file, or ERR_PTR(-errno). Context: process, may sleep.
 */
struct file *filp_open(const char *filename, int flags, umode_t mode);
/* filp_close - flush and drop the opener's reference (@id: the fd table, or NULL). */
int filp_close(struct file *file, void *id);
/* fput - drop a reference; the last one releases the file. */
void fput(struct file *file);

/*
 * kernel_read / kernel_write - read or write @count bytes of a kernel
 * buffer at *@pos, advancing it. Return: bytes done, or -errno.
 */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos);

/* The attribute changes initramfs makes on an open file (Linux's names). */
int vfs_fchown(struct file *file, uid_t user, gid_t group);
int vfs_fchmod(struct file *file, umode_t mode);

#endif /* _LINUX_FS_H */
