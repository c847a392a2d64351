/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The file calls the kernel makes on itself at boot (Linux's
 * fs/init.c): path-based, relative to the calling task's root and working
 * directory, no user pointers. init/initramfs.c builds the root file
 * system with them. Each returns 0 or -errno, as the system call of the
 * same name would.
 *
 * Context: process, may sleep.
 */
#ifndef _LINUX_INIT_SYSCALLS_H
#define _LINUX_INIT_SYSCALLS_H

#include <linux/types.h>

struct kstat;
struct timespec64;

int init_mount(const char *dev_name, const char *dir_name, const char *type,
	       unsigned long flags, void *data);
int init_umount(const char *name, int flags);
int init_chdir(const char *filename);
int init_chroot(const char *filename);
int init_chown(const char *filename, uid_t user, gid_t group, int flags);
int init_chmod(const char *filename, umode_t mode);
int init_eaccess(const char *filename);
int init_stat(const char *filename, struct kstat *stat, int flags);
int init_mknod(const char *filename, umode_t mode, unsigned int dev);
int init_link(const char *oldname, const char *newname);
int init_symlink(const char *oldname, const char *newname);
int init_unlink(const char *pathname);
int init_mkdir(const char *pathname, umode_t mode);
int init_rmdir(const char *pathname);
int init_utimes(const char *filename, struct timespec64 *ts);

#endif /* _LINUX_INIT_SYSCALLS_H */
