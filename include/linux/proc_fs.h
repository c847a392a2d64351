/* SPDX-License-Identifier: GPL-2.0 */
/*
 * procfs's interface to the rest of the kernel (fs/proc/), Linux's
 * calls: a subsystem names a file under /proc and says how it is read
 * (a show function, or its own struct proc_ops), and procfs does the
 * rest (inodes, open files, offsets).
 *
 *   proc_create_single("meminfo", 0, NULL, meminfo_proc_show);
 *   proc_mkdir("sys", NULL);
 *   proc_create("sys/vm/min_free_kbytes", 0644, NULL, &ops);   (parent by path)
 *
 * The registered entries form a tree of struct proc_dir_entry (fs/proc/
 * internal.h) rooted at /proc; the per-task directories /proc/PID and
 * /proc/self are made up on lookup by fs/proc/base.c.
 */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <linux/types.h>
#include <linux/fs.h>

struct proc_dir_entry;
struct seq_file;

/*
 * struct proc_ops - how a /proc file is opened, read, written, seeked and
 * closed; NULL members are refused (-EINVAL; writes -EIO as Linux's for a
 * file without ->proc_write). proc_write gets the bytes in a kernel
 * buffer (procfs copies them in, at most a page).
 */
struct proc_ops {
	int (*proc_open)(struct inode *inode, struct file *file);
	ssize_t (*proc_read_iter)(struct kiocb *iocb, struct iov_iter *iter);
	ssize_t (*proc_write)(struct file *file, const char *buf, size_t count, loff_t *pos);
	loff_t (*proc_lseek)(struct file *file, loff_t offset, int whence);
	int (*proc_release)(struct inode *inode, struct file *file);
};

/**
 * proc_create_data - a /proc file read and written through @proc_ops
 * @name: its name; may have '/'-separated parts, looked up below @parent
 * @mode: permission bits (0: 0444), S_IFREG implied
 * @parent: directory, NULL for /proc
 * @proc_ops: its operations (must outlive the entry)
 * @data: for the file's operations (pde_data())
 *
 * Return: the entry, or NULL (no memory, a parent missing, the name
 * taken). Context: process, may sleep.
 */
struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct proc_ops *proc_ops, void *data);
/* proc_create - proc_create_data() without data. */
struct proc_dir_entry *proc_create(const char *name, umode_t mode, struct proc_dir_entry *parent,
				   const struct proc_ops *proc_ops);
/*
 * proc_create_single_data - a read-only file whose text is @show's output
 * (single_open(): each open its own snapshot). Return: as proc_create_data().
 */
struct proc_dir_entry *proc_create_single_data(const char *name, umode_t mode,
					       struct proc_dir_entry *parent,
					       int (*show)(struct seq_file *, void *), void *data);
#define proc_create_single(name, mode, parent, show) \
	proc_create_single_data(name, mode, parent, show, NULL)
/* proc_mkdir - a directory (mode 0555). Return: as proc_create_data(). */
struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent);
struct proc_dir_entry *proc_mkdir_mode(const char *name, umode_t mode,
				       struct proc_dir_entry *parent);
/* proc_symlink - a symlink @name to @dest (copied). Return: as proc_create_data(). */
struct proc_dir_entry *proc_symlink(const char *name, struct proc_dir_entry *parent,
				    const char *dest);
/*
 * remove_proc_entry - take @name (below @parent) out of /proc; files open
 * on it keep working until closed, new opens fail with -ENOENT (the entry
 * is freed with its last inode). A directory must be empty (else a
 * warning, and nothing is removed). Context: process, may sleep.
 */
void remove_proc_entry(const char *name, struct proc_dir_entry *parent);
/* pde_data - the @data of the entry @inode is a /proc file of. */
void *pde_data(const struct inode *inode);

/* proc_root_init - register "proc" and make the entries of the core kernel (boot). */
void proc_root_init(void);
/*
 * proc_mount_boot - mkdir /proc (if missing) and mount procfs there, as a
 * Linux init does. Return: 0 or -errno. Context: init, after the initramfs.
 */
int proc_mount_boot(void);

#endif /* _LINUX_PROC_FS_H */
