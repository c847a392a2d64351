// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl (Linux's fs/ioctl.c): a request on an open file. The generic
 * requests on the fd and the open file come first, as in Linux's
 * do_vfs_ioctl(): FIOCLEX / FIONCLEX (the close-on-exec bit) and FIONBIO
 * (O_NONBLOCK from an int in user memory). Everything else goes to the
 * driver's ->unlocked_ioctl (the tty layer's termios and window-size
 * requests take their user pointers there); a file without one answers
 * -ENOTTY. Locks: FIONBIO changes f_flags under f_pos_lock, as F_SETFL;
 * drivers take their own.
 */
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/fcntl.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

/* Linux's asm-generic/ioctls.h numbers of the generic requests. */
#define FIONBIO		0x5421
#define FIONCLEX	0x5450
#define FIOCLEX		0x5451

long vfs_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	if (!file->f_op->unlocked_ioctl)
		return -ENOTTY;
	return file->f_op->unlocked_ioctl(file, cmd, arg);
}

static long ioctl_fionbio(struct file *file, int __user *argp)
{
	int on;

	if (get_user(on, argp))
		return -EFAULT;
	mutex_lock(&file->f_pos_lock);
	if (on)
		file->f_flags |= O_NONBLOCK;
	else
		file->f_flags &= ~O_NONBLOCK;
	mutex_unlock(&file->f_pos_lock);
	return 0;
}

long ksys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case FIOCLEX:
	case FIONCLEX:
		set_close_on_exec(fd, cmd == FIOCLEX);
		ret = 0;
		break;
	case FIONBIO:
		ret = ioctl_fionbio(f, (int __user *)arg);
		break;
	default:
		ret = vfs_ioctl(f, cmd, arg);
		break;
	}
	fput(f);
	return ret;
}

SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	return ksys_ioctl(fd, cmd, arg);
}
