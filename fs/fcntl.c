// SPDX-License-Identifier: GPL-2.0
/*
 * fcntl (Linux's fs/fcntl.c), the commands on fds and open-file flags:
 * F_DUPFD / F_DUPFD_CLOEXEC (fs/file.c's f_dupfd()), F_GETFD / F_SETFD
 * (the close-on-exec bit), F_GETFL / F_SETFL (of the flags, only those
 * Linux lets F_SETFL change: O_APPEND, O_NONBLOCK, O_DIRECT, O_NOATIME),
 * F_SETPIPE_SZ / F_GETPIPE_SZ (fs/pipe.c's pipe_fcntl()).
 * Locks, leases, owners and seals come with their users.
 */
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/fcntl.h>
#include <linux/fdtable.h>
#include <linux/pipe_fs_i.h>
#include <linux/errno.h>
#include <linux/syscalls.h>

#define SETFL_MASK	(O_APPEND | O_NONBLOCK | O_DIRECT | O_NOATIME)

static long setfl(struct file *file, unsigned long arg)
{
	/* f_pos_lock: read/write/lseek see the flags whole (Linux's f_lock) */
	mutex_lock(&file->f_pos_lock);
	file->f_flags = (arg & SETFL_MASK) | (file->f_flags & ~SETFL_MASK);
	mutex_unlock(&file->f_pos_lock);
	return 0;
}

long do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *file = fget(fd);
	long err;

	if (!file)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		err = f_dupfd(min_t(unsigned long, arg, NR_OPEN), file,
			      cmd == F_DUPFD_CLOEXEC ? O_CLOEXEC : 0);
		break;
	case F_GETFD:
		err = get_close_on_exec(fd) ? FD_CLOEXEC : 0;
		break;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		err = 0;
		break;
	case F_GETFL:
		err = file->f_flags;
		break;
	case F_SETFL:
		err = setfl(file, arg);
		break;
	case F_SETPIPE_SZ:
	case F_GETPIPE_SZ:
		err = pipe_fcntl(file, cmd, arg);
		break;
	default:
		err = -EINVAL;
		break;
	}
	fput(file);
	return err;
}

SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	return do_fcntl(fd, cmd, arg);
}
