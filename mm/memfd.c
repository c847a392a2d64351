// SPDX-License-Identifier: GPL-2.0
/*
 * memfd_create (Linux's mm/memfd.c): an fd on a tmpfs file that has no
 * name in any directory (shmem_file_setup()), called "memfd:NAME" as
 * Linux shows it. The system call copies the user's name and calls
 * do_memfd_create(). File seals (F_ADD_SEALS) are not here yet, so
 * MFD_ALLOW_SEALING is refused (-EINVAL) rather than promised.
 */
#include <linux/memfd.h>
#include <linux/shmem_fs.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

long do_memfd_create(const char *uname, unsigned int flags)
{
	size_t len = strnlen(uname, MFD_NAME_MAX_LEN + 1);
	struct file *file;
	char *name;
	long fd;

	/* no seals yet: refuse to promise them (Linux without sealing would, too) */
	if (flags & ~MFD_CLOEXEC || len > MFD_NAME_MAX_LEN)
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

SYSCALL_DEFINE2(memfd_create, const char __user *, uname, unsigned int, flags)
{
	long len = strnlen_user(uname, MFD_NAME_MAX_LEN + 1);
	char name[MFD_NAME_MAX_LEN + 1];

	if (flags & ~MFD_CLOEXEC)
		return -EINVAL;
	if (len <= 0)
		return -EFAULT;
	if (len > (long)MFD_NAME_MAX_LEN + 1)
		return -EINVAL;
	if (copy_from_user(name, uname, len))
		return -EFAULT;
	name[len - 1] = '\0';
	return do_memfd_create(name, flags);
}
