// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/PID and /proc/self (Linux's fs/proc/base.c).
 *
 * Tasks come and go, so nothing here is registered: a lookup of a number
 * in /proc's root makes the directory of that task if it is on the task
 * list, and readdir lists the tasks on it at the time. The inodes hold
 * the pid number, not the task: each read finds the task again
 * (find_get_task_by_vpid()) and answers -ESRCH once it has been freed, as Linux's
 * do for a reaped task. Pids are never reused (kernel/fork.c counts up),
 * so a number names one task for ever.
 *
 * A /proc/PID directory's inode number is PROC_PID_INO(pid), the same in
 * readdir and stat. Its files (tgid_base_stuff[]) are single_open()
 * texts printed by array.c, task_mmu.c and the functions below, or
 * files with operations of their own (task_mmu.c's pagemap and
 * clear_refs).
 *
 * Threads, as Linux's: /proc lists processes only, but a lookup of any
 * thread's id finds its directory (a hidden entry). /proc/PID/task lists
 * the threads of PID's process, each a directory /proc/PID/task/TID with
 * the files of /proc/PID but "task", reused as they are (they print the
 * one task they name). "task" is the last of tgid_base_stuff[] so that
 * the first TID_BASE_ENTRIES are a thread's.
 *
 * /proc/self is a symlink whose body depends on who looks: its dentry
 * is made for each lookup and never hashed, so no other task finds it,
 * and its body (the looker's pid) is kept in its proc_inode.
 *
 * A /proc/PID inode is owned by the task's euid and egid when it is
 * made (pid_inode_owner()), so a user opens its own processes' 0600 and
 * 0400 files and no one else's.
 *
 * /proc/PID/exe is made the same way: at each lookup the program's path
 * (d_path() of mm->exe_file) becomes its body, or, when the looker may
 * not inspect the task (ptrace_may_access(), PTRACE_MODE_READ_FSCREDS)
 * or the task has no program, the error readlink and a walk through it
 * answer (EACCES, ENOENT). Linux's is a "magic" link that jumps to the
 * file itself; this one is followed by its name, which differs only for
 * a program renamed or deleted since its exec.
 */
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/sched/signal.h>
#include <linux/mount.h>
#include <linux/kstrtox.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/ptrace.h>
#include <linux/file.h>
#include <linux/slab.h>
#include <linux/dcache.h>
#include <linux/sched/mm.h>
#include <linux/sched/coredump.h>
#include <linux/cred.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/uio.h>
#include "internal.h"

#define PROC_PID_INO(pid)	((1UL << 32) + (unsigned long)(pid))
#define PROC_SELF_INO		(1UL << 32)
#define PROC_TASK_INO(pid)	((2UL << 32) + (unsigned long)(pid))	/* /proc/PID/task */
#define PROC_TID_INO(tid)	((3UL << 32) + (unsigned long)(tid))	/* .../task/TID */

/* The smallest pid >= @min on the task list, or -1. */
static int next_tgid(int min)
{
	struct task_struct *p;
	unsigned long flags;
	int best = -1;

	read_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		if (p->pid >= min && (best < 0 || p->pid < best))
			best = p->pid;
	read_unlock_irqrestore(&tasklist_lock, flags);
	return best;
}

/* The thread group id of the task @pid names, or -1 when there is none. */
static int pid_tgid(int pid)
{
	struct task_struct *p;
	unsigned long flags;
	int tgid = -1;

	read_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_vpid(pid);
	if (p)
		tgid = p->tgid;
	read_unlock_irqrestore(&tasklist_lock, flags);
	return tgid;
}

/*
 * The smallest id >= @min of a thread of @tgid's process, or -1 (a kernel
 * thread, on no thread list, is its own only thread).
 */
static int next_tid(int tgid, int min)
{
	struct task_struct *p, *t;
	unsigned long flags;
	int best = -1;

	read_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_vpid(tgid);
	if (p && list_empty(&p->thread_node) && p->pid >= min)
		best = p->pid;
	else if (p)
		for_each_thread(p, t)
			if (t->pid >= min && (best < 0 || t->pid < best))
				best = t->pid;
	read_unlock_irqrestore(&tasklist_lock, flags);
	return best;
}

/* Kernel threads have no arguments: an empty file, as Linux's. */
static int proc_pid_cmdline(struct seq_file *m, struct task_struct *task)
{
	return 0;
}

static int proc_pid_comm(struct seq_file *m, struct task_struct *task)
{
	seq_printf(m, "%s\n", task->comm);
	return 0;
}

/* Every task shares the one mount tree. */
static int proc_pid_mounts(struct seq_file *m, struct task_struct *task)
{
	return mounts_show(m, NULL);
}

/*
 * /proc/PID/mem: the task's memory at the file offset, read and written
 * as a debugger does (access_remote_vm() with FOLL_FORCE: a read-only
 * private mapping is written through a COW copy). Opening it needs
 * PTRACE_MODE_ATTACH_FSCREDS (mm_access(): EACCES otherwise); the mm is
 * kept (mmgrab()) until release and used while it still has users. A
 * kernel thread's reads 0 bytes; an address nothing maps answers EIO.
 */
static int mem_open(struct inode *inode, struct file *file)
{
	struct task_struct *task = find_get_task_by_vpid(PROC_I(inode)->pid);
	struct mm_struct *mm;

	if (!task)
		return -ESRCH;
	mm = mm_access(task, PTRACE_MODE_ATTACH_FSCREDS);
	put_task_struct(task);
	if (IS_ERR(mm))
		return PTR_ERR(mm);
	if (mm) {
		mmgrab(mm);
		mmput(mm);
	}
	file->private_data = mm;
	return 0;
}

static int mem_release(struct inode *inode, struct file *file)
{
	if (file->private_data)
		mmdrop(file->private_data);
	return 0;
}

/* Linux's mem_rw(): a page-sized bounce buffer between the iterator and the mm. */
static ssize_t mem_rw(struct kiocb *iocb, struct iov_iter *iter, bool write)
{
	struct mm_struct *mm = iocb->ki_filp->private_data;
	unsigned int flags = FOLL_FORCE | (write ? FOLL_WRITE : 0);
	unsigned long addr = iocb->ki_pos;
	ssize_t copied = 0;
	char *page;

	if (!mm || !iov_iter_count(iter))
		return 0;
	page = (char *)__get_free_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	if (!mmget_not_zero(mm))
		goto free;
	while (iov_iter_count(iter)) {
		size_t len = min_t(size_t, iov_iter_count(iter), PAGE_SIZE);
		int done;

		if (write && copy_from_iter(page, len, iter) != len) {
			copied = copied ?: -EFAULT;
			break;
		}
		done = access_remote_vm(mm, addr, page, len, flags);
		if (!done) {
			copied = copied ?: -EIO;
			break;
		}
		if (!write && copy_to_iter(page, done, iter) != (size_t)done) {
			copied = -EFAULT;
			break;
		}
		addr += done;
		copied += done;
		if ((size_t)done < len)
			break;
	}
	iocb->ki_pos = addr;
	mmput(mm);
free:
	free_page((unsigned long)page);
	return copied;
}

static ssize_t mem_read(struct kiocb *iocb, struct iov_iter *to)
{
	return mem_rw(iocb, to, false);
}

static ssize_t mem_write(struct kiocb *iocb, struct iov_iter *from)
{
	return mem_rw(iocb, from, true);
}

static const struct file_operations proc_mem_operations = {
	.llseek = generic_file_llseek,
	.read_iter = mem_read,
	.write_iter = mem_write,
	.open = mem_open,
	.release = mem_release,
};

/* Linux's shorthands: a single_open() text, or a file with its own operations. */
#define ONE(NAME, MODE, show)	{ NAME, S_IFREG | (MODE), show, NULL }
#define REG(NAME, MODE, fops)	{ NAME, S_IFREG | (MODE), NULL, &fops }
#define LNK(NAME)		{ NAME, S_IFLNK | 0777, NULL, NULL }

static const struct pid_entry tgid_base_stuff[] = {
	REG("clear_refs", 0200, proc_clear_refs_operations),
	ONE("cmdline", 0444, proc_pid_cmdline),
	ONE("comm", 0444, proc_pid_comm),
	LNK("exe"),
	ONE("maps", 0444, proc_pid_maps),
	REG("mem", 0600, proc_mem_operations),
	ONE("mounts", 0444, proc_pid_mounts),
	REG("pagemap", 0400, proc_pagemap_operations),
	ONE("smaps", 0444, proc_pid_smaps),
	ONE("smaps_rollup", 0444, proc_pid_smaps_rollup),
	ONE("stat", 0444, proc_pid_stat),
	ONE("statm", 0444, proc_pid_statm),
	ONE("status", 0444, proc_pid_status),
	{ "task", S_IFDIR | 0555, NULL, NULL },		/* last: see the top */
};
#define TGID_BASE_ENTRIES	ARRAY_SIZE(tgid_base_stuff)
#define TID_BASE_ENTRIES	(TGID_BASE_ENTRIES - 1)

static const struct file_operations proc_task_operations;
static const struct inode_operations proc_task_inode_operations;

/* The single_open() show of every /proc/PID file: @v is its inode. */
static int proc_single_show(struct seq_file *m, void *v)
{
	struct proc_inode *ei = PROC_I(v);
	struct task_struct *task = find_get_task_by_vpid(ei->pid);
	int ret;

	if (!task)
		return -ESRCH;
	ret = ei->pid_entry->show(m, task);
	put_task_struct(task);
	return ret;
}

/*
 * Linux's task_dump_owner(): a /proc/PID inode belongs to the task's euid
 * and egid, or to root for a kernel thread or a task that is not
 * dumpable (a setuid program's files are not its user's to open).
 */
static void pid_inode_owner(struct inode *inode, int pid)
{
	struct task_struct *task = find_get_task_by_vpid(pid);
	const struct cred *cred;
	bool dumpable;

	inode->i_uid = 0;
	inode->i_gid = 0;
	if (!task)
		return;
	task_lock(task);
	dumpable = task->mm && !(task->flags & PF_KTHREAD) &&
		   get_dumpable(task->mm) == SUID_DUMP_USER;
	task_unlock(task);
	if (dumpable) {
		cred = get_task_cred(task);
		inode->i_uid = cred->euid;
		inode->i_gid = cred->egid;
		put_cred(cred);
	}
	put_task_struct(task);
}

static bool task_exists(int pid)
{
	struct task_struct *task = find_get_task_by_vpid(pid);

	if (task)
		put_task_struct(task);
	return task;
}

/*
 * Linux drops the dentries of a reaped task at the next lookup
 * (pid_revalidate()); there is no revalidation here, so a held dentry
 * of a gone task is refused at open with what a lookup would say.
 */
static int proc_single_open(struct inode *inode, struct file *file)
{
	if (!task_exists(PROC_I(inode)->pid))
		return -ENOENT;
	return single_open(file, proc_single_show, inode);
}

static const struct file_operations proc_single_file_operations = {
	.open = proc_single_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = single_release,
};

static const char *proc_exe_get_link(struct dentry *dentry, struct inode *inode)
{
	struct proc_inode *ei = PROC_I(inode);

	return ei->link_err ? ERR_PTR(ei->link_err) : ei->exe_path;
}

static const struct inode_operations proc_exe_link_inode_operations = {
	.get_link = proc_exe_get_link,
};

/* @task's program's path into @ei, or the error a reader gets (see the top). */
static int proc_exe_path(struct proc_inode *ei, struct task_struct *task)
{
	struct file *exe;
	char *buf, *path;

	if (!ptrace_may_access(task, PTRACE_MODE_READ_FSCREDS))
		return -EACCES;
	exe = get_task_exe_file(task);
	if (!exe)
		return -ENOENT;
	buf = kmalloc(PATH_MAX, GFP_KERNEL);
	path = buf ? d_path(&exe->f_path, buf, PATH_MAX) : ERR_PTR(-ENOMEM);
	fput(exe);
	if (IS_ERR(path)) {
		kfree(buf);
		return PTR_ERR(path);
	}
	memmove(buf, path, strlen(path) + 1);
	ei->exe_path = buf;
	return 0;
}

/* "exe": a symlink on a dentry of its own, made for this looker (see the top). */
static struct dentry *proc_exe_lookup(struct inode *dir, struct dentry *dentry)
{
	struct task_struct *task = find_get_task_by_vpid(PROC_I(dir)->pid);
	struct inode *inode;

	if (!task)
		return ERR_PTR(-ENOENT);
	inode = proc_new_inode(dir->i_sb, S_IFLNK | 0777);
	if (!inode) {
		put_task_struct(task);
		return ERR_PTR(-ENOMEM);
	}
	PROC_I(inode)->pid = PROC_I(dir)->pid;
	pid_inode_owner(inode, PROC_I(inode)->pid);
	PROC_I(inode)->link_err = proc_exe_path(PROC_I(inode), task);
	put_task_struct(task);
	inode->i_op = &proc_exe_link_inode_operations;
	d_instantiate(dentry, inode);
	return NULL;
}

/* The file or directory of the first @n of tgid_base_stuff[] named @dentry in /proc/PID @dir. */
static struct dentry *pid_entry_lookup(struct inode *dir, struct dentry *dentry, size_t n)
{
	const struct pid_entry *p;
	struct inode *inode;

	for (p = tgid_base_stuff; p < tgid_base_stuff + n; p++)
		if (strlen(p->name) == dentry->d_name.len &&
		    !memcmp(p->name, dentry->d_name.name, dentry->d_name.len))
			break;
	if (p == tgid_base_stuff + n || !task_exists(PROC_I(dir)->pid))
		return ERR_PTR(-ENOENT);
	if (S_ISLNK(p->mode))
		return proc_exe_lookup(dir, dentry);
	inode = proc_new_inode(dir->i_sb, p->mode);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	PROC_I(inode)->pid = PROC_I(dir)->pid;
	PROC_I(inode)->pid_entry = p;
	pid_inode_owner(inode, PROC_I(inode)->pid);
	if (S_ISDIR(p->mode)) {
		inode->i_ino = PROC_TASK_INO(PROC_I(dir)->pid);
		inode->i_op = &proc_task_inode_operations;
		inode->i_fop = &proc_task_operations;
		set_nlink(inode, 2);
	} else {
		inode->i_fop = p->fop ? p->fop : &proc_single_file_operations;
	}
	d_add(dentry, inode);
	return NULL;
}

/* The first @n of tgid_base_stuff[], after the dots, as /proc/PID's entries. */
static int pid_entry_readdir(struct file *file, struct dir_context *ctx, size_t n)
{
	const struct pid_entry *p;

	if (!task_exists(PROC_I(file_inode(file))->pid))
		return -ENOENT;
	if (!dir_emit_dots(file, ctx))
		return 0;
	for (; ctx->pos - 2 < (loff_t)n; ctx->pos++) {
		p = &tgid_base_stuff[ctx->pos - 2];
		/* Any non-zero number: getdents readers skip 0; stat gives the real one. */
		if (!dir_emit(ctx, p->name, (int)strlen(p->name), file_inode(file)->i_ino + 1,
			      S_ISLNK(p->mode) ? DT_LNK : S_ISDIR(p->mode) ? DT_DIR : DT_REG))
			return 0;
	}
	return 0;
}

static struct dentry *proc_tgid_base_lookup(struct inode *dir, struct dentry *dentry,
					    unsigned int flags)
{
	return pid_entry_lookup(dir, dentry, TGID_BASE_ENTRIES);
}

static int proc_tgid_base_readdir(struct file *file, struct dir_context *ctx)
{
	return pid_entry_readdir(file, ctx, TGID_BASE_ENTRIES);
}

static struct dentry *proc_tid_base_lookup(struct inode *dir, struct dentry *dentry,
					   unsigned int flags)
{
	return pid_entry_lookup(dir, dentry, TID_BASE_ENTRIES);
}

static int proc_tid_base_readdir(struct file *file, struct dir_context *ctx)
{
	return pid_entry_readdir(file, ctx, TID_BASE_ENTRIES);
}

static const struct file_operations proc_tid_base_operations = {
	.llseek = proc_dir_llseek,
	.read_iter = generic_read_dir,
	.iterate_shared = proc_tid_base_readdir,
};

static const struct inode_operations proc_tid_base_inode_operations = {
	.lookup = proc_tid_base_lookup,
};

static const struct file_operations proc_tgid_base_operations = {
	.llseek = proc_dir_llseek,
	.read_iter = generic_read_dir,
	.iterate_shared = proc_tgid_base_readdir,
};

static const struct inode_operations proc_tgid_base_inode_operations = {
	.lookup = proc_tgid_base_lookup,
};

/* A pid as a name: see name_to_pid() below. */
static int name_to_pid(const struct qstr *name);

/* /proc/PID/task/TID: TID must be a thread of PID's process. */
static struct dentry *proc_task_lookup(struct inode *dir, struct dentry *dentry,
				       unsigned int flags)
{
	int tid = name_to_pid(&dentry->d_name), tgid = pid_tgid(PROC_I(dir)->pid);
	struct inode *inode;

	if (tid <= 0 || tgid < 0 || pid_tgid(tid) != tgid)
		return ERR_PTR(-ENOENT);
	inode = proc_new_inode(dir->i_sb, S_IFDIR | 0555);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_ino = PROC_TID_INO(tid);
	PROC_I(inode)->pid = tid;
	inode->i_op = &proc_tid_base_inode_operations;
	inode->i_fop = &proc_tid_base_operations;
	set_nlink(inode, 2);
	d_add(dentry, inode);
	return NULL;
}

/* The dots, then the threads of PID's process by increasing id (pos: 2 + tid). */
static int proc_task_readdir(struct file *file, struct dir_context *ctx)
{
	int tgid = pid_tgid(PROC_I(file_inode(file))->pid), tid;
	char name[12];

	if (tgid < 0)
		return -ENOENT;
	if (!dir_emit_dots(file, ctx))
		return 0;
	while ((tid = next_tid(tgid, (int)(ctx->pos - 2))) > 0) {
		int len = snprintf(name, sizeof(name), "%d", tid);

		ctx->pos = 2 + tid;
		if (!dir_emit(ctx, name, len, PROC_TID_INO(tid), DT_DIR))
			return 0;
		ctx->pos++;
	}
	return 0;
}

static const struct file_operations proc_task_operations = {
	.llseek = proc_dir_llseek,
	.read_iter = generic_read_dir,
	.iterate_shared = proc_task_readdir,
};

static const struct inode_operations proc_task_inode_operations = {
	.lookup = proc_task_lookup,
};

/* "self": a symlink to the looker's pid, on a dentry of its own (unhashed). */
static struct dentry *proc_self_lookup(struct dentry *dentry)
{
	struct inode *inode = proc_new_inode(dentry->d_sb, S_IFLNK | 0777);

	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_ino = PROC_SELF_INO;
	snprintf(PROC_I(inode)->link, sizeof(PROC_I(inode)->link), "%d", current->tgid);
	inode->i_link = PROC_I(inode)->link;
	inode->i_op = &simple_symlink_inode_operations;
	d_instantiate(dentry, inode);
	return NULL;
}

/* A pid as a name: decimal, no sign, no leading zero (Linux's name_to_int()). */
static int name_to_pid(const struct qstr *name)
{
	char buf[12];
	int pid;

	if (!name->len || name->len >= sizeof(buf) || (name->len > 1 && name->name[0] == '0'))
		return -1;
	memcpy(buf, name->name, name->len);
	buf[name->len] = '\0';
	if (buf[0] == '+' || kstrtoint(buf, 10, &pid) || pid < 0)
		return -1;
	return pid;
}

struct dentry *proc_pid_lookup(struct dentry *dentry, unsigned int flags)
{
	int pid;
	struct inode *inode;

	if (dentry->d_name.len == 4 && !memcmp(dentry->d_name.name, "self", 4))
		return proc_self_lookup(dentry);
	pid = name_to_pid(&dentry->d_name);
	if (pid <= 0 || !task_exists(pid))
		return ERR_PTR(-ENOENT);
	inode = proc_new_inode(dentry->d_sb, S_IFDIR | 0555);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_ino = PROC_PID_INO(pid);
	PROC_I(inode)->pid = pid;
	pid_inode_owner(inode, pid);
	inode->i_op = &proc_tgid_base_inode_operations;
	inode->i_fop = &proc_tgid_base_operations;
	set_nlink(inode, 2);
	d_add(dentry, inode);
	return NULL;
}

int proc_pid_readdir(struct file *file, struct dir_context *ctx)
{
	char name[12];
	int pid;

	if (ctx->pos == PROC_SELF_POS) {
		if (!dir_emit(ctx, "self", 4, PROC_SELF_INO, DT_LNK))
			return 0;
		ctx->pos = PROC_PID_POS(0);
	}
	while ((pid = next_tgid((int)(ctx->pos - PROC_PID_POS(0)))) > 0) {
		int len = snprintf(name, sizeof(name), "%d", pid);

		ctx->pos = PROC_PID_POS(pid);
		if (!dir_emit(ctx, name, len, PROC_PID_INO(pid), DT_DIR))
			return 0;
		ctx->pos++;
	}
	return 0;
}
