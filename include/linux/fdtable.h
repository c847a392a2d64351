/* SPDX-License-Identifier: GPL-2.0 */
/*
 * File-descriptor tables (fs/file.c): a task's files_struct maps fd
 * numbers to open files.
 *
 *   files_struct --fdt--> fdtable { max_fds, fd[], open_fds, close_on_exec }
 *
 * The table starts at NR_OPEN_DEFAULT slots and doubles when a new fd does
 * not fit (expand_files()), up to NR_OPEN; fds are given lowest first, as
 * POSIX requires. open_fds marks slots taken (reserved by get_unused_fd_flags()
 * before fd_install() fills them), close_on_exec the O_CLOEXEC ones.
 *
 * Locking: file_lock (a spinlock) guards the table and the bitmaps;
 * fget() takes a reference on the file under it. Kernel threads share
 * init_files for now.
 */
#ifndef _LINUX_FDTABLE_H
#define _LINUX_FDTABLE_H

#include <linux/types.h>
#include <linux/spinlock.h>

struct file;

#define NR_OPEN_DEFAULT		64	/* BITS_PER_LONG, as Linux */
#define NR_OPEN			(1024 * 1024)	/* sysctl_nr_open's default */

struct fdtable {
	unsigned int max_fds;
	struct file **fd;
	unsigned long *close_on_exec;
	unsigned long *open_fds;
};

struct files_struct {
	int count;
	spinlock_t file_lock;
	struct fdtable *fdt;
	struct fdtable fdtab;			/* the first, embedded table */
	struct file *fd_array[NR_OPEN_DEFAULT];
	unsigned long close_on_exec_init[1];
	unsigned long open_fds_init[1];
};

extern struct files_struct init_files;

/* The files of the calling task. */
#define current_files()	(current->files)

/* files_fdtable_max - the slots of @files' current table (tests). */
unsigned int files_fdtable_max(struct files_struct *files);

#endif /* _LINUX_FDTABLE_H */
