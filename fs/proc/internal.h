/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the files of fs/proc/ share.
 *
 *   proc_root ("/proc")            struct proc_dir_entry: the registered tree
 *     +- subdir: meminfo, sys/ ...   (generic.c), one entry per name
 *
 *   inode of /proc/X  --PROC_I()-->  struct proc_inode { pde or pid+pid_entry }
 *
 * An inode of a registered name points at its entry (with a reference);
 * an inode of /proc/PID or of a file in it holds the pid number only, and
 * every use finds the task again (find_get_task_by_vpid()): a task that is gone
 * answers -ESRCH, as Linux's. Dentries of procfs are not pinned: each
 * lookup makes the inode, the last dput() frees it.
 *
 * Locking: proc_subdir_lock (a spinlock) guards every entry's subdir list
 * and the parent links; an entry's refcnt is atomic.
 */
#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H

#include <linux/proc_fs.h>
#include <linux/fs.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>

struct task_struct;
struct seq_file;

#define PROC_SUPER_MAGIC	0x9fa0
#define PROC_ROOT_INO		1

struct proc_dir_entry {
	atomic_t refcnt;		/* the tree's one, and one per inode */
	unsigned long low_ino;
	umode_t mode;
	struct proc_dir_entry *parent;	/* proc_subdir_lock */
	struct list_head subdir;	/* children; proc_subdir_lock */
	struct list_head subdir_node;	/* in parent->subdir */
	const struct proc_ops *proc_ops;
	int (*single_show)(struct seq_file *m, void *v);	/* or NULL */
	void *data;			/* a symlink's body (owned), else the creator's */
	unsigned int namelen;
	char name[];
};

/*
 * What a /proc/PID entry is: its name, mode and either a printer (a
 * single_open() text, base.c) or file operations of its own (@fop: the
 * binary pagemap, the written clear_refs).
 */
struct pid_entry {
	const char *name;
	umode_t mode;
	int (*show)(struct seq_file *m, struct task_struct *task);
	const struct file_operations *fop;
};

struct proc_inode {
	struct proc_dir_entry *pde;		/* a registered name, else NULL */
	int pid;				/* /proc/PID and below: the task */
	const struct pid_entry *pid_entry;	/* a file of /proc/PID */
	char link[16];				/* /proc/self's body */
	char *exe_path;				/* /proc/PID/exe's body (kmalloc'd), or NULL */
	int link_err;				/* /proc/PID/exe: what readlink answers instead */
	struct inode vfs_inode;
};

static inline struct proc_inode *PROC_I(const struct inode *inode)
{
	return container_of(inode, struct proc_inode, vfs_inode);
}

extern struct proc_dir_entry proc_root;
extern spinlock_t proc_subdir_lock;

/* generic.c */
void pde_get(struct proc_dir_entry *de);
void pde_put(struct proc_dir_entry *de);
/* pde_is_removed - has remove_proc_entry() taken @de (not proc_root) out of the tree? */
bool pde_is_removed(struct proc_dir_entry *de);
/* proc_lookup_de - the child @name of @de with a reference, or NULL. */
struct proc_dir_entry *proc_lookup_de(struct proc_dir_entry *de, const char *name,
				      unsigned int len);
struct dentry *proc_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags);
/*
 * proc_readdir_de - emit the children of @de from position ctx->pos - 2
 * on (the dots first). Return: false if the caller's buffer filled.
 */
bool proc_readdir_de(struct file *file, struct dir_context *ctx, struct proc_dir_entry *de);

/* inode.c */
/* proc_get_inode - a new inode for @de (the reference passes to it). Return: NULL if short. */
struct inode *proc_get_inode(struct super_block *sb, struct proc_dir_entry *de);
/* proc_new_inode - a bare procfs inode of @mode owned by root, or NULL. */
struct inode *proc_new_inode(struct super_block *sb, umode_t mode);
loff_t proc_dir_llseek(struct file *file, loff_t offset, int whence);
extern const struct super_operations proc_sops;
void proc_init_kmemcache(void);

/* base.c: /proc/PID and /proc/self, below the root's registered names */
struct dentry *proc_pid_lookup(struct dentry *dentry, unsigned int flags);
/* proc_pid_readdir - "self", then a directory per task, from ctx->pos on. */
int proc_pid_readdir(struct file *file, struct dir_context *ctx);
/* Where the root's registered names end and "self", then the pids, begin. */
#define PROC_SELF_POS		(1LL << 20)
#define PROC_PID_POS(pid)	(PROC_SELF_POS + 1 + (pid))

/* array.c: /proc/PID/stat and status */
int proc_pid_stat(struct seq_file *m, struct task_struct *task);
int proc_pid_status(struct seq_file *m, struct task_struct *task);

/* proc_sysctl.c, and the files of the core kernel: one init each (root.c calls them) */
void proc_sys_init(void);
void proc_meminfo_init(void);
void proc_version_init(void);
void proc_cmdline_init(void);
void proc_devices_init(void);
void proc_uptime_init(void);
void proc_loadavg_init(void);
void proc_interrupts_init(void);
void proc_cpuinfo_init(void);
void proc_stat_init(void);
void proc_page_init(void);

/* task_mmu.c: the address-space files of /proc/PID, and status's Vm* lines */
struct mm_struct;
void task_mem(struct seq_file *m, struct mm_struct *mm);
int proc_pid_maps(struct seq_file *m, struct task_struct *task);
int proc_pid_smaps(struct seq_file *m, struct task_struct *task);
int proc_pid_smaps_rollup(struct seq_file *m, struct task_struct *task);
int proc_pid_statm(struct seq_file *m, struct task_struct *task);
extern const struct file_operations proc_pagemap_operations;
extern const struct file_operations proc_clear_refs_operations;

#endif /* _FS_PROC_INTERNAL_H */
