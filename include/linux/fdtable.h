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
#include <linux/atomic.h>

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
	atomic_t count;			/* tasks sharing it (CLONE_FILES) */
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

/*
 * dup_fd - a copy of @oldf for a new process (fork without CLONE_FILES):
 * the same files at the same fds, each with a new reference, and the same
 * close-on-exec bits. Return: the copy (count 1) or ERR_PTR(-ENOMEM).
 * Context: process, may sleep.
 */
struct files_struct *dup_fd(struct files_struct *oldf);
/* put_files_struct - drop a user; the last one closes every file and frees the table. */
void put_files_struct(struct files_struct *files);
/* do_close_on_exec - close the fds of @files marked close-on-exec (exec). */
void do_close_on_exec(struct files_struct *files);
/*
 * unshare_files - give the current task a files table of its own (a copy)
 * if it shares one, or has init_files, as exec and init's console need
 * (fs/exec.c). Return: 0 or -ENOMEM, the table unchanged. Context:
 * process, may sleep.
 */
int unshare_files(void);

#endif /* _LINUX_FDTABLE_H */
