// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs's ready-made files (Linux's fs/debugfs/file.c): a u32 shown and
 * set as a decimal number. The text is made at open (single_open(), for
 * writers too, as Linux's seq_file files); a
 * write parses the whole of one write() (its first 23 bytes) as a
 * number, as Linux's simple_attr_write().
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/kstrtox.h>
#include <linux/slab.h>
#include <linux/uio.h>
#include <linux/printk.h>
#include <linux/kernel.h>

/* Digits of a u64 in any base, a sign and a newline fit: Linux's simple_attr buffer. */
#define DEBUGFS_ATTR_BUF	24

static int debugfs_u32_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%llu\n", (unsigned long long)*(u32 *)v);
	return 0;
}

static int debugfs_u32_open(struct inode *inode, struct file *file)
{
	return single_open(file, debugfs_u32_show, inode->i_private);
}

static ssize_t debugfs_u32_write(struct kiocb *iocb, struct iov_iter *from)
{
	u32 *value = file_inode(iocb->ki_filp)->i_private;
	size_t len = iov_iter_count(from), size = min(len, (size_t)DEBUGFS_ATTR_BUF - 1);
	char buf[DEBUGFS_ATTR_BUF];
	unsigned long long val;
	int err;

	/* As Linux's simple_attr_write(): what does not fit the buffer is ignored. */
	if (copy_from_iter(buf, size, from) != size)
		return -EFAULT;
	buf[size] = '\0';
	err = kstrtoull(buf, 0, &val);
	if (err)
		return err;
	*value = (u32)val;
	iocb->ki_pos += len;
	return len;
}

static const struct file_operations fops_u32 = {
	.open = debugfs_u32_open,
	.read_iter = seq_read_iter,
	.write_iter = debugfs_u32_write,
	.llseek = seq_lseek,
	.release = single_release,
};

static const struct file_operations fops_u32_ro = {
	.open = debugfs_u32_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = single_release,
};

void debugfs_create_u32(const char *name, umode_t mode, struct dentry *parent, u32 *value)
{
	const struct file_operations *fops = (mode & 0222) ? &fops_u32 : &fops_u32_ro;
	struct dentry *d = debugfs_create_file(name, mode, parent, value, fops);

	if (IS_ERR(d))
		pr_warn("debugfs: cannot create %s: %ld\n", name, PTR_ERR(d));
}
