// SPDX-License-Identifier: GPL-2.0
/*
 * procfs's inodes and open files (Linux's fs/proc/inode.c).
 *
 * Every inode is a struct proc_inode (internal.h) from proc_inode_cache.
 * One made for a registered entry (proc_get_inode()) holds a reference on
 * it, dropped when the inode is evicted; its operations follow the entry:
 *
 *   directory   proc_lookup() / proc_readdir() over the entry's children
 *   symlink     the entry's body
 *   file        single_show: single_open() + seq_read_iter()/seq_lseek();
 *               else the entry's struct proc_ops, called through
 *               proc_reg_file_ops (a write is copied into a kernel
 *               buffer of at most a page first: -EINVAL past that)
 *
 * Inodes are owned by root; the entry's mode decides who may open them
 * (generic_permission(), as Linux's: vmallocinfo 0400 refuses others).
 */
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uio.h>
#include <linux/mm.h>
#include <linux/errno.h>
#include "internal.h"

static struct kmem_cache *proc_inode_cachep;

static struct inode *proc_alloc_inode(struct super_block *sb)
{
	struct proc_inode *ei = kmem_cache_alloc(proc_inode_cachep, GFP_KERNEL);

	if (!ei)
		return NULL;
	ei->pde = NULL;
	ei->pid = 0;
	ei->pid_entry = NULL;
	ei->link[0] = '\0';
	ei->exe_path = NULL;
	ei->link_err = 0;
	return &ei->vfs_inode;
}

static void proc_free_inode(struct inode *inode)
{
	kfree(PROC_I(inode)->exe_path);
	kmem_cache_free(proc_inode_cachep, PROC_I(inode));
}

static void proc_evict_inode(struct inode *inode)
{
	if (PROC_I(inode)->pde)
		pde_put(PROC_I(inode)->pde);
}

const struct super_operations proc_sops = {
	.alloc_inode = proc_alloc_inode,
	.free_inode = proc_free_inode,
	.evict_inode = proc_evict_inode,
	.statfs = simple_statfs,
};

/*
 * A removed entry may still have a dentry someone holds; a new open of it
 * fails as Linux's (-ENOENT), files already open keep reading.
 */
static int proc_reg_open(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *de = PROC_I(inode)->pde;

	if (pde_is_removed(de))
		return -ENOENT;
	if (de->single_show)
		return single_open(file, de->single_show, de->data);
	return de->proc_ops->proc_open ? de->proc_ops->proc_open(inode, file) : 0;
}

static int proc_reg_release(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *de = PROC_I(inode)->pde;

	if (de->single_show)
		return single_release(inode, file);
	return de->proc_ops->proc_release ? de->proc_ops->proc_release(inode, file) : 0;
}

static ssize_t proc_reg_read_iter(struct kiocb *iocb, struct iov_iter *iter)
{
	struct proc_dir_entry *de = PROC_I(file_inode(iocb->ki_filp))->pde;

	if (de->single_show)
		return seq_read_iter(iocb, iter);
	return de->proc_ops->proc_read_iter ? de->proc_ops->proc_read_iter(iocb, iter) : -EINVAL;
}

static ssize_t proc_reg_write_iter(struct kiocb *iocb, struct iov_iter *iter)
{
	struct proc_dir_entry *de = PROC_I(file_inode(iocb->ki_filp))->pde;
	size_t count = iov_iter_count(iter);
	ssize_t ret;
	char *buf;

	if (de->single_show || !de->proc_ops->proc_write)
		return -EIO;
	if (count >= PAGE_SIZE)
		return -EINVAL;
	buf = kmalloc(count + 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	ret = -EFAULT;
	if (copy_from_iter(buf, count, iter) == count) {
		buf[count] = '\0';
		ret = de->proc_ops->proc_write(iocb->ki_filp, buf, count, &iocb->ki_pos);
	}
	kfree(buf);
	return ret;
}

static loff_t proc_reg_llseek(struct file *file, loff_t offset, int whence)
{
	struct proc_dir_entry *de = PROC_I(file_inode(file))->pde;

	if (de->single_show)
		return seq_lseek(file, offset, whence);
	if (de->proc_ops->proc_lseek)
		return de->proc_ops->proc_lseek(file, offset, whence);
	return generic_file_llseek_size(file, offset, whence, MAX_LFS_FILESIZE, 0);
}

static const struct file_operations proc_reg_file_ops = {
	.open = proc_reg_open,
	.release = proc_reg_release,
	.read_iter = proc_reg_read_iter,
	.write_iter = proc_reg_write_iter,
	.llseek = proc_reg_llseek,
};

loff_t proc_dir_llseek(struct file *file, loff_t offset, int whence)
{
	if (whence == SEEK_CUR)
		offset += file->f_pos;
	else if (whence != SEEK_SET)
		return -EINVAL;
	return vfs_setpos(file, offset, MAX_LFS_FILESIZE);
}

static int proc_readdir(struct file *file, struct dir_context *ctx)
{
	proc_readdir_de(file, ctx, PROC_I(file_inode(file))->pde);
	return 0;
}

static const struct file_operations proc_dir_operations = {
	.llseek = proc_dir_llseek,
	.read_iter = generic_read_dir,
	.iterate_shared = proc_readdir,
};

static const struct inode_operations proc_dir_inode_operations = {
	.lookup = proc_lookup,
};

/* Files have no name operations; the VFS expects an i_op all the same (Linux's empty_iops). */
static const struct inode_operations proc_file_inode_operations;

struct inode *proc_new_inode(struct super_block *sb, umode_t mode)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_ino = get_next_ino();
	inode->i_mode = mode;
	inode->i_op = &proc_file_inode_operations;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	if (S_ISDIR(mode))
		set_nlink(inode, 2);
	return inode;
}

struct inode *proc_get_inode(struct super_block *sb, struct proc_dir_entry *de)
{
	struct inode *inode = proc_new_inode(sb, de->mode);

	if (!inode) {
		pde_put(de);
		return NULL;
	}
	inode->i_ino = de->low_ino;
	PROC_I(inode)->pde = de;
	if (S_ISDIR(de->mode)) {
		inode->i_op = &proc_dir_inode_operations;
		inode->i_fop = &proc_dir_operations;
	} else if (S_ISLNK(de->mode)) {
		inode->i_op = &simple_symlink_inode_operations;
		inode->i_link = de->data;
	} else {
		inode->i_fop = &proc_reg_file_ops;
	}
	return inode;
}

void proc_init_kmemcache(void)
{
	proc_inode_cachep = kmem_cache_create("proc_inode_cache", sizeof(struct proc_inode), 0,
					      SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
}
