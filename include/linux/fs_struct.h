/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A task's root and working directory (fs/fs_struct.c). Kernel threads
 * share init_fs (root and cwd: the root tmpfs, set by mnt_init()); user
 * processes will copy theirs at fork (the process issue).
 *
 * Locking: lock (a spinlock) guards root and pwd; a reader takes
 * references under it (get_fs_root(), get_fs_pwd()) and uses them unlocked.
 */
#ifndef _LINUX_FS_STRUCT_H
#define _LINUX_FS_STRUCT_H

#include <linux/path.h>
#include <linux/spinlock.h>

struct fs_struct {
	int users;
	spinlock_t lock;
	int umask;
	struct path root, pwd;
};

extern struct fs_struct init_fs;

void get_fs_root(struct fs_struct *fs, struct path *root);
void get_fs_pwd(struct fs_struct *fs, struct path *pwd);
/* set_fs_root / set_fs_pwd - take a reference on @path and drop the old one's. */
void set_fs_root(struct fs_struct *fs, const struct path *path);
void set_fs_pwd(struct fs_struct *fs, const struct path *path);

#endif /* _LINUX_FS_STRUCT_H */
