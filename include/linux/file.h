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

/*
 * get_unused_fd_flags - reserve the lowest free fd (O_CLOEXEC in @flags
 * marks it close-on-exec). Return: the fd, -EMFILE, or -ENOMEM.
 */
int get_unused_fd_flags(unsigned int flags);
/* put_unused_fd - give back a reserved fd that was never installed. */
void put_unused_fd(unsigned int fd);
/* fd_install - publish @file at reserved @fd; the table takes over the caller's reference. */
void fd_install(unsigned int fd, struct file *file);
/* fget - the file at @fd with a new reference, or NULL. */
struct file *fget(unsigned int fd);
/* close_fd - remove @fd from the table and drop its file. Return: 0 or -EBADF. */
int close_fd(unsigned int fd);
/* get_close_on_exec - is @fd marked close-on-exec? */
bool get_close_on_exec(unsigned int fd);

/*
 * alloc_empty_file - a zeroed struct file with one reference, counted in
 * nr_files. Return: it or ERR_PTR(-ENOMEM).
 */
struct file *alloc_empty_file(int flags);
/* get_nr_files - files allocated (the first number of /proc/sys/fs/file-nr). */
long get_nr_files(void);

#endif /* _LINUX_FILE_H */
