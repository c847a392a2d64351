// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/sys (Linux's fs/proc/proc_sysctl.c): each row of a registered
 * struct ctl_table is a /proc entry whose proc_ops run the row's handler
 * (include/linux/sysctl.h has the text rules). Linux keeps a tree of
 * ctl_table headers of its own; here the rows hang in procfs's entry
 * tree directly (generic.c), which is all /proc/sys needs while there
 * are no namespaces and no unregistering.
 *
 * A read asks the handler for the text into a page, then copies the part
 * the reader wants; a write hands the handler the kernel copy procfs made.
 */
#include <linux/proc_fs.h>
#include <linux/sysctl.h>
#include <linux/uio.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/panic.h>
#include "internal.h"

static struct ctl_table *sysctl_table_of(struct file *file)
{
	return pde_data(file_inode(file));
}

static ssize_t proc_sys_read_iter(struct kiocb *iocb, struct iov_iter *iter)
{
	struct ctl_table *table = sysctl_table_of(iocb->ki_filp);
	size_t len = min_t(size_t, PAGE_SIZE, iov_iter_count(iter));
	char *page;
	ssize_t ret;

	page = (char *)__get_free_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	ret = table->proc_handler(table, 0, page, &len, &iocb->ki_pos);
	if (!ret)
		ret = (ssize_t)copy_to_iter(page, len, iter);
	free_page((unsigned long)page);
	return ret;
}

static ssize_t proc_sys_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	struct ctl_table *table = sysctl_table_of(file);
	size_t len = count;
	int ret;

	ret = table->proc_handler(table, 1, (void *)buf, &len, pos);
	return ret ? ret : (ssize_t)len;
}

/*
 * Linux checks a sysctl's own mode for root as well: a 0444 row cannot be
 * opened for writing by anyone (generic_permission() lets root through).
 */
static int proc_sys_open(struct inode *inode, struct file *file)
{
	struct ctl_table *table = sysctl_table_of(file);

	if ((file->f_mode & FMODE_WRITE) && !(table->mode & 0222))
		return -EACCES;
	return 0;
}

static const struct proc_ops proc_sys_ops = {
	.proc_open = proc_sys_open,
	.proc_read_iter = proc_sys_read_iter,
	.proc_write = proc_sys_write,
};

static struct proc_dir_entry *proc_sys_root;	/* /proc/sys */

/* The directory @path of /proc/sys ("vm": one level, all that is used), made if missing. */
static struct proc_dir_entry *sysctl_mkdir(const char *path)
{
	struct proc_dir_entry *dir = proc_lookup_de(proc_sys_root, path,
						    (unsigned int)strlen(path));

	if (!dir)
		return proc_mkdir(path, proc_sys_root);
	pde_put(dir);		/* the tree keeps it */
	return dir;
}

int register_sysctl(const char *path, struct ctl_table *table)
{
	struct proc_dir_entry *dir = sysctl_mkdir(path);
	struct ctl_table *row;

	if (!dir)
		return -ENOMEM;
	for (row = table; row->procname; row++) {
		if (!proc_create_data(row->procname, row->mode, dir, &proc_sys_ops, row)) {
			while (row-- != table)
				remove_proc_entry(row->procname, dir);
			return -ENOMEM;
		}
	}
	return 0;
}

void proc_sys_init(void)
{
	proc_sys_root = proc_mkdir("sys", NULL);
	if (!proc_sys_root || sysctl_init_bases())
		panic("Could not make /proc/sys");
}
