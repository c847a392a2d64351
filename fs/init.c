// SPDX-License-Identifier: GPL-2.0
/*
 * The file calls the kernel makes on itself at boot (Linux's fs/init.c,
 * include/linux/init_syscalls.h): each the system call of the same name
 * on kernel strings, relative to the calling task's root and cwd.
 * init/initramfs.c builds the root file system with them. Context:
 * process, may sleep.
 */
#include <linux/init_syscalls.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/mount.h>
#include <linux/errno.h>
#include "internal.h"

int init_mount(const char *dev_name, const char *dir_name, const char *type,
	       unsigned long flags, void *data)
{
	struct path path;
	int err = kern_path(dir_name, LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	err = path_mount(dev_name, &path, type, flags, data);
	path_put(&path);
	return err;
}

int init_umount(const char *name, int flags)
{
	struct path path;
	int err;

	err = kern_path(name, flags & UMOUNT_NOFOLLOW ? 0 : LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	err = path_umount(&path, flags);
	path_put(&path);
	return err;
}

int init_chdir(const char *filename)
{
	return ksys_chdir(filename);
}

int init_chroot(const char *filename)
{
	return ksys_chroot(filename);
}

int init_chown(const char *filename, uid_t user, gid_t group, int flags)
{
	return do_fchownat(AT_FDCWD, filename, user, group, flags);
}

int init_chmod(const char *filename, umode_t mode)
{
	return do_fchmodat(AT_FDCWD, filename, mode);
}

int init_eaccess(const char *filename)
{
	return do_faccessat(AT_FDCWD, filename, X_OK, 0);
}

int init_stat(const char *filename, struct kstat *stat, int flags)
{
	return vfs_fstatat(AT_FDCWD, filename, stat, flags);
}

int init_mknod(const char *filename, umode_t mode, unsigned int dev)
{
	return do_mknodat(AT_FDCWD, filename, mode, dev);
}

int init_link(const char *oldname, const char *newname)
{
	return do_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

int init_symlink(const char *oldname, const char *newname)
{
	return do_symlinkat(oldname, AT_FDCWD, newname);
}

int init_unlink(const char *pathname)
{
	return do_unlinkat(AT_FDCWD, pathname);
}

int init_mkdir(const char *pathname, umode_t mode)
{
	return do_mkdirat(AT_FDCWD, pathname, mode);
}

int init_rmdir(const char *pathname)
{
	return do_rmdir(AT_FDCWD, pathname);
}

int init_utimes(const char *filename, struct timespec64 *ts)
{
	return do_utimes(AT_FDCWD, filename, ts, AT_SYMLINK_NOFOLLOW);
}
