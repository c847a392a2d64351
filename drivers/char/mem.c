// SPDX-License-Identifier: GPL-2.0
/*
 * The memory devices, major 1 (Linux's drivers/char/mem.c): one cdev over
 * all 256 minors whose open picks the device's operations by minor.
 *
 *   1:3 null     reads: end of file; writes: swallowed whole
 *   1:5 zero     reads: zeroes; writes: swallowed
 *   1:7 full     reads: zeroes; writes: -ENOSPC
 *   1:8 random   drivers/char/random.c (random_fops)
 *   1:9 urandom  drivers/char/random.c (urandom_fops)
 *   1:11 kmsg    kernel/printk.c (kmsg_fops)
 *
 * Other minors (Linux's mem, kmem, port: physical memory, which this
 * kernel does not expose) open to -ENXIO, as Linux's for an absent one.
 * lseek of null, zero and full leaves the position at 0 and returns 0,
 * as Linux's. No state, no locks.
 */
#include <linux/fs.h>
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/uio.h>
#include <linux/random.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/kernel.h>
#include <linux/errno.h>

#define MEM_MAJOR	1

static ssize_t read_iter_null(struct kiocb *iocb, struct iov_iter *to)
{
	return 0;
}

static ssize_t write_iter_null(struct kiocb *iocb, struct iov_iter *from)
{
	size_t count = iov_iter_count(from);

	iov_iter_advance(from, count);
	return count;
}

/* Zeroes, a page at a time with a chance to reschedule, as Linux's. */
static ssize_t read_iter_zero(struct kiocb *iocb, struct iov_iter *iter)
{
	size_t written = 0;

	while (iov_iter_count(iter)) {
		size_t chunk = min_t(size_t, iov_iter_count(iter), PAGE_SIZE);
		size_t n = iov_iter_zero(chunk, iter);

		written += n;
		if (n != chunk)
			break;
		cond_resched();
	}
	return written ? (ssize_t)written : -EFAULT;
}

static ssize_t write_iter_full(struct kiocb *iocb, struct iov_iter *from)
{
	return -ENOSPC;
}

static loff_t null_lseek(struct file *file, loff_t offset, int orig)
{
	return file->f_pos = 0;
}

static const struct file_operations null_fops = {
	.llseek = null_lseek,
	.read_iter = read_iter_null,
	.write_iter = write_iter_null,
};

static const struct file_operations zero_fops = {
	.llseek = null_lseek,
	.read_iter = read_iter_zero,
	.write_iter = write_iter_null,
};

static const struct file_operations full_fops = {
	.llseek = null_lseek,
	.read_iter = read_iter_zero,
	.write_iter = write_iter_full,
};

static const struct memdev {
	const char *name;
	umode_t mode;
	const struct file_operations *fops;
} devlist[] = {
	[3] = { "null", 0666, &null_fops },
	[5] = { "zero", 0666, &zero_fops },
	[7] = { "full", 0666, &full_fops },
	[8] = { "random", 0666, &random_fops },
	[9] = { "urandom", 0666, &urandom_fops },
	[11] = { "kmsg", 0644, &kmsg_fops },
};

static int memory_open(struct inode *inode, struct file *filp)
{
	unsigned int minor = iminor(inode);
	const struct memdev *dev;

	if (minor >= ARRAY_SIZE(devlist) || !devlist[minor].fops)
		return -ENXIO;
	dev = &devlist[minor];
	filp->f_op = dev->fops;
	return dev->fops->open ? dev->fops->open(inode, filp) : 0;
}

static const struct file_operations memory_fops = {
	.open = memory_open,
};

static struct cdev mem_cdev;

int chr_dev_init(void)
{
	unsigned int minor;
	int err;

	err = register_chrdev_region(MKDEV(MEM_MAJOR, 0), 256, "mem");
	if (err)
		return err;
	cdev_init(&mem_cdev, &memory_fops);
	err = cdev_add(&mem_cdev, MKDEV(MEM_MAJOR, 0), 256);
	if (err)
		goto out_unregister;
	for (minor = 0; minor < ARRAY_SIZE(devlist); minor++) {
		if (!devlist[minor].name)
			continue;
		err = devtmpfs_create_node(devlist[minor].name, S_IFCHR | devlist[minor].mode,
					   MKDEV(MEM_MAJOR, minor));
		if (err)
			pr_err("mem: /dev/%s: error %d\n", devlist[minor].name, err);
	}
	return 0;

out_unregister:
	unregister_chrdev_region(MKDEV(MEM_MAJOR, 0), 256);
	return err;
}
