// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs: the file system of /sys and its attribute files (the design is in
 * include/linux/sysfs.h). One super block, made by sysfs_init() with an
 * internal mount that keeps it for good; every "mount -t sysfs" shares it.
 *
 * An attribute file's text is made at open through single_open(): the show
 * writes straight into the seq_file's first buffer, which is a page, the
 * size Linux promises a show().
 */
#include <linux/sysfs.h>
#include <linux/kernfs.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/seq_file.h>
#include <linux/sprintf.h>
#include <linux/slab.h>
#include <linux/uio.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/err.h>
#include <linux/bug.h>
#include <linux/namei.h>
#include <linux/string.h>
#include <linux/errno.h>

#define SYSFS_MAGIC	0x62656572

static struct vfsmount *sysfs_mnt;

int sysfs_emit(char *buf, const char *fmt, ...)
{
	va_list args;
	int len;

	WARN_ON_ONCE(!IS_ALIGNED((unsigned long)buf, PAGE_SIZE));
	va_start(args, fmt);
	len = vscnprintf(buf, PAGE_SIZE, fmt, args);
	va_end(args);
	return len;
}

/* The kobject of the attribute file @file: its directory's data (active reference held). */
static struct kobject *sysfs_file_kobj(struct file *file)
{
	return d_inode(file->f_path.dentry->d_parent)->i_private;
}

/* single_open()'s show: the attribute's show() into the first (page-sized) buffer. */
static int sysfs_seq_show(struct seq_file *m, void *v)
{
	struct file *file = v;
	struct attribute *attr = kernfs_get_active(file_inode(file));
	struct kobject *kobj;
	ssize_t len;

	if (!attr)
		return -ENODEV;
	kobj = sysfs_file_kobj(file);
	len = kobj->ktype->sysfs_ops->show(kobj, attr, m->buf);
	kernfs_put_active();
	if (len < 0)
		return len;
	m->count = min((size_t)len, m->size);	/* a full page reruns with two */
	return 0;
}

static bool sysfs_file_can(struct file *file, bool write)
{
	struct attribute *attr = kernfs_get_active(file_inode(file));
	bool can = false;

	if (attr) {
		const struct sysfs_ops *ops = sysfs_file_kobj(file)->ktype->sysfs_ops;

		can = write ? ops->store != NULL : ops->show != NULL;
		kernfs_put_active();
	}
	return can;
}

static int sysfs_open(struct inode *inode, struct file *file)
{
	if ((file->f_mode & FMODE_WRITE) && !sysfs_file_can(file, true))
		return -EACCES;
	if (!(file->f_mode & FMODE_READ))
		return 0;
	if (!sysfs_file_can(file, false))
		return -EACCES;
	return single_open(file, sysfs_seq_show, file);
}

static int sysfs_release(struct inode *inode, struct file *file)
{
	return file->private_data ? single_release(inode, file) : 0;
}

static ssize_t sysfs_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *file = iocb->ki_filp;
	size_t len = min_t(size_t, iov_iter_count(from), PAGE_SIZE);
	struct attribute *attr;
	struct kobject *kobj;
	ssize_t ret;
	char *buf = kmalloc(len + 1, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	ret = -EFAULT;
	if (copy_from_iter(buf, len, from) != len)
		goto out;
	buf[len] = '\0';
	ret = -ENODEV;
	attr = kernfs_get_active(file_inode(file));
	if (!attr)
		goto out;
	kobj = sysfs_file_kobj(file);
	ret = kobj->ktype->sysfs_ops->store(kobj, attr, buf, len);
	kernfs_put_active();
	if (ret > 0)
		iocb->ki_pos += ret;
out:
	kfree(buf);
	return ret;
}

static const struct file_operations sysfs_file_operations = {
	.open = sysfs_open,
	.read_iter = seq_read_iter,
	.write_iter = sysfs_write_iter,
	.llseek = seq_lseek,
	.release = sysfs_release,
};

int sysfs_create_file(struct kobject *kobj, const struct attribute *attr)
{
	struct dentry *d;

	if (!kobj->sd)
		return -ENOENT;
	d = kernfs_create_file(kobj->sd, attr->name, attr->mode, &sysfs_file_operations,
			       (void *)attr);
	return PTR_ERR_OR_ZERO(d);
}

/* The files of @grp in @dir, whose data is @kobj; on failure the caller removes @dir's. */
static int sysfs_add_group_files(struct dentry *dir, const struct attribute_group *grp)
{
	struct attribute **attr;

	for (attr = grp->attrs; *attr; attr++) {
		struct dentry *d = kernfs_create_file(dir, (*attr)->name, (*attr)->mode,
						      &sysfs_file_operations, *attr);

		if (IS_ERR(d))
			return PTR_ERR(d);
	}
	return 0;
}

/* Remove the files of @grp from @dir (those that were made). */
static void sysfs_remove_group_files(struct dentry *dir, const struct attribute_group *grp)
{
	struct attribute **attr;

	inode_lock(d_inode(dir));
	for (attr = grp->attrs; *attr; attr++) {
		struct dentry *d = lookup_one_len((*attr)->name, dir, strlen((*attr)->name));

		if (IS_ERR(d))
			continue;
		inode_unlock(d_inode(dir));
		kernfs_remove(d);
		dput(d);
		inode_lock(d_inode(dir));
	}
	inode_unlock(d_inode(dir));
}

int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp)
{
	struct dentry *dir;
	int err;

	if (!kobj->sd)
		return -ENOENT;
	if (!grp->name) {
		err = sysfs_add_group_files(kobj->sd, grp);
		if (err)
			sysfs_remove_group_files(kobj->sd, grp);
		return err;
	}
	/* A named group's directory shares the kobject's data, as in Linux. */
	dir = kernfs_create_dir(kobj->sd, grp->name, 0755, kobj);
	if (IS_ERR(dir))
		return PTR_ERR(dir);
	err = sysfs_add_group_files(dir, grp);
	if (err)
		kernfs_remove(dir);
	return err;
}

int sysfs_create_dir(struct kobject *kobj)
{
	struct dentry *parent = kobj->parent ? kobj->parent->sd : sysfs_mnt->mnt_root;
	struct dentry *d;

	if (!parent)
		return -ENOENT;
	d = kernfs_create_dir(parent, kobj->name, 0755, kobj);
	if (IS_ERR(d))
		return PTR_ERR(d);
	kobj->sd = d;
	return 0;
}

void sysfs_remove_dir(struct kobject *kobj)
{
	kernfs_remove(kobj->sd);
	kobj->sd = NULL;
}

static struct dentry *sysfs_mount(struct file_system_type *fs_type, int flags,
				  const char *dev_name, void *data)
{
	return kernfs_mount_single(fs_type, flags, data, sysfs_mnt, SYSFS_MAGIC);
}

static struct file_system_type sysfs_fs_type = {
	.name = "sysfs",
	.mount = sysfs_mount,
	.kill_sb = kill_litter_super,
};

struct kobject *kernel_kobj;

void sysfs_init(void)
{
	if (register_filesystem(&sysfs_fs_type))
		panic("sysfs: cannot register");
	sysfs_mnt = kern_mount(&sysfs_fs_type);
	if (IS_ERR(sysfs_mnt))
		panic("sysfs: cannot mount: %ld", PTR_ERR(sysfs_mnt));
	kernel_kobj = kobject_create_and_add("kernel", NULL);
	if (!kernel_kobj)
		panic("sysfs: cannot make /sys/kernel");
}
