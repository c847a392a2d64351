// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl (Linux's fs/ioctl.c): a request on an open file, passed to its
 * driver's ->unlocked_ioctl. The generic requests Linux answers in
 * do_vfs_ioctl() (FIOCLEX, FIONBIO, FIONREAD of regular files...) are not
 * here yet: every request goes to the driver, and a file without
 * ->unlocked_ioctl answers -ENOTTY. No locks: the driver takes its own.
 */
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/errno.h>

long vfs_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	if (!file->f_op->unlocked_ioctl)
		return -ENOTTY;
	return file->f_op->unlocked_ioctl(file, cmd, arg);
}

long ksys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	ret = vfs_ioctl(f, cmd, arg);
	fput(f);
	return ret;
}
