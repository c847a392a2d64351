// SPDX-License-Identifier: GPL-2.0
/*
 * struct file's life (Linux's fs/file_table.c): alloc_empty_file() from
 * the "filp" cache with f_count 1; vfs_open() fills it; fput() of the last
 * reference calls ->release() (if it was opened) and drops the path.
 * nr_files counts allocated files (the first number of
 * /proc/sys/fs/file-nr); tests compare it before and after.
 *
 * Linux defers the final __fput() to task work; with no user space yet it
 * runs at once, so fput() may sleep. Context: process.
 */
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/eventpoll.h>
#include <linux/mount.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

static struct kmem_cache *filp_cachep;
static atomic_long_t nr_files;

long get_nr_files(void)
{
	return atomic_long_read(&nr_files);
}

struct file *alloc_empty_file(int flags)
{
	struct file *f = kmem_cache_alloc(filp_cachep, GFP_KERNEL);

	if (!f)
		return ERR_PTR(-ENOMEM);
	memset(f, 0, sizeof(*f));
	atomic_long_set(&f->f_count, 1);
	mutex_init(&f->f_pos_lock);
	INIT_LIST_HEAD(&f->f_ep);
	f->f_flags = flags;
	atomic_long_add(1, &nr_files);
	return f;
}

struct file *alloc_file_pseudo(struct inode *inode, struct vfsmount *mnt, const char *name,
			       int flags, const struct file_operations *fops)
{
	struct qstr this = QSTR_INIT(name, strlen(name));
	struct path path = { .mnt = mnt };
	struct file *file = alloc_empty_file(flags);

	if (IS_ERR(file))
		return file;
	path.dentry = d_alloc_pseudo(mnt->mnt_sb, &this);
	if (!path.dentry) {
		fput(file);		/* never opened: only freed */
		return ERR_PTR(-ENOMEM);
	}
	d_instantiate(path.dentry, inode);
	mntget(mnt);
	file->f_path = path;
	file->f_inode = inode;
	file->f_mapping = inode->i_mapping;
	file->f_op = fops;
	file->f_mode = OPEN_FMODE(flags) | FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE | FMODE_OPENED;
	return file;
}

static void __fput(struct file *file)
{
	eventpoll_release(file);
	if ((file->f_mode & FMODE_OPENED) && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	if (file->f_path.dentry)
		path_put(&file->f_path);
	kmem_cache_free(filp_cachep, file);
	atomic_long_sub(1, &nr_files);
}

void fput(struct file *file)
{
	if (atomic_long_dec_and_test(&file->f_count))
		__fput(file);
}

void files_init(void)
{
	filp_cachep = kmem_cache_create("filp", sizeof(struct file), 0,
					SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
}
