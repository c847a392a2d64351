// SPDX-License-Identifier: GPL-2.0
/*
 * sync, fsync and fdatasync (Linux's fs/sync.c). Every file system here
 * keeps its data in memory (tmpfs, and the kernfs, proc and debugfs
 * views): there is nothing to write back, so sync() has nothing to do
 * and fsync() answers what Linux answers for such files: 0 for a file
 * that can be written at all (regular files and directories, as
 * noop_fsync), -EINVAL for the rest (Linux: a file without ->fsync, as
 * pipes and character devices without one). No locks.
 */
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/errno.h>
#include <linux/syscalls.h>

SYSCALL_DEFINE0(sync)
{
	return 0;
}

static long do_fsync(unsigned int fd)
{
	struct file *f = fget(fd);
	umode_t mode;

	if (!f)
		return -EBADF;
	mode = file_inode(f)->i_mode;
	fput(f);
	return S_ISREG(mode) || S_ISDIR(mode) ? 0 : -EINVAL;
}

SYSCALL_DEFINE1(fsync, unsigned int, fd)
{
	return do_fsync(fd);
}

SYSCALL_DEFINE1(fdatasync, unsigned int, fd)
{
	return do_fsync(fd);
}
