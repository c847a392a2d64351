// SPDX-License-Identifier: GPL-2.0
/*
 * memfd_create (Linux's mm/memfd.c): an fd on a tmpfs file that has no
 * name in any directory (shmem_file_setup()), called "memfd:NAME" as
 * Linux shows it. The system call of the next issue copies the user's
 * name and calls do_memfd_create(). File seals (F_ADD_SEALS) are not
 * here yet.
 */
#include <linux/memfd.h>
#include <linux/shmem_fs.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>

long do_memfd_create(const char *uname, unsigned int flags)
{
	size_t len = strnlen(uname, MFD_NAME_MAX_LEN + 1);
	struct file *file;
	char *name;
	long fd;

	if (flags & ~(MFD_CLOEXEC | MFD_ALLOW_SEALING) || len > MFD_NAME_MAX_LEN)
		return -EINVAL;
	name = kmalloc(MFD_NAME_PREFIX_LEN + len + 1, GFP_KERNEL);
	if (!name)
		return -ENOMEM;
	memcpy(name, MFD_NAME_PREFIX, MFD_NAME_PREFIX_LEN);
	memcpy(name + MFD_NAME_PREFIX_LEN, uname, len + 1);
	fd = get_unused_fd_flags(flags & MFD_CLOEXEC ? O_CLOEXEC : 0);
	if (fd < 0)
		goto out;
	file = shmem_file_setup(name, 0, 0);
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		fd = PTR_ERR(file);
		goto out;
	}
	file->f_flags |= O_LARGEFILE;
	fd_install(fd, file);
out:
	kfree(name);
	return fd;
}
