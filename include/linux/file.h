/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Files and fds (fs/file.c, fs/file_table.c): the calls that turn an fd
 * into a file and back. Context: process.
 */
#ifndef _LINUX_FILE_H
#define _LINUX_FILE_H

#include <linux/types.h>

struct file;
struct path;
struct inode;
struct vfsmount;
struct file_operations;

/*
 * get_unused_fd_flags - reserve the lowest free fd (O_CLOEXEC in @flags
 * marks it close-on-exec). Return: the fd, -EMFILE (none below the
 * caller's RLIMIT_NOFILE), or -ENOMEM.
 */
int get_unused_fd_flags(unsigned int flags);
/* put_unused_fd - give back a reserved fd that was never installed. */
void put_unused_fd(unsigned int fd);
/* fd_install - publish @file at reserved @fd; the table takes over the caller's reference. */
void fd_install(unsigned int fd, struct file *file);
/* fget - the file at @fd with a new reference, or NULL. */
struct file *fget(unsigned int fd);
struct task_struct;
/* fget_task - fget() in @task's fd table (NULL past its exit_files()). Takes task_lock(@task). */
struct file *fget_task(struct task_struct *task, unsigned int fd);
/* close_fd - remove @fd from the table and drop its file. Return: 0 or -EBADF. */
int close_fd(unsigned int fd);
/* get_close_on_exec / set_close_on_exec - @fd's close-on-exec bit. */
bool get_close_on_exec(unsigned int fd);
void set_close_on_exec(unsigned int fd, bool flag);
/*
 * f_dupfd - a new fd at or above @from for @file (O_CLOEXEC in @flags).
 * Return: it, -EINVAL (@from at or above RLIMIT_NOFILE), -EMFILE.
 */
int f_dupfd(unsigned int from, struct file *file, unsigned int flags);
/*
 * ksys_dup / ksys_dup2 / ksys_dup3 - dup(2), dup2(2), dup3(2): the lowest
 * free fd, or @newfd (whose old file is closed first) for @oldfd's file.
 * Return: the new fd, or -EBADF (also @newfd at or above RLIMIT_NOFILE),
 * -EINVAL (dup3 of an fd onto itself, bad flags), -EBUSY (@newfd reserved by an open in progress), -EMFILE, -ENOMEM.
 */
int ksys_dup(unsigned int fildes);
int ksys_dup2(unsigned int oldfd, unsigned int newfd);
int ksys_dup3(unsigned int oldfd, unsigned int newfd, int flags);
/* do_fcntl - fcntl(2)'s F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD, F_GETFL, F_SETFL (fs/fcntl.c). */
long do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);

/*
 * alloc_empty_file - a zeroed struct file with one reference, counted in
 * nr_files. Return: it or ERR_PTR(-ENOMEM).
 */
struct file *alloc_empty_file(int flags);
/*
 * alloc_file_pseudo - an open file of @inode (whose reference it takes
 * over on success) on a dentry named @name in no directory of @mnt, with
 * @fops: for files made without a name, as tmpfs's shmem_file_setup().
 * Return: the file or ERR_PTR(-ENOMEM) (@inode still the caller's).
 */
struct file *alloc_file_pseudo(struct inode *inode, struct vfsmount *mnt, const char *name,
			       int flags, const struct file_operations *fops);
/* get_nr_files - files allocated (the first number of /proc/sys/fs/file-nr). */
long get_nr_files(void);

#endif /* _LINUX_FILE_H */
