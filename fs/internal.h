/* SPDX-License-Identifier: GPL-2.0 */
/* What the files of fs/ share and the rest of the kernel must not call (Linux's fs/internal.h). */
#ifndef _FS_INTERNAL_H
#define _FS_INTERNAL_H

#include <linux/types.h>
#include <linux/init.h>

struct path;
struct file;
struct filename;
struct dentry;
struct super_block;

/* Boot (vfs_caches_init()). */
void dcache_init(void);
void inode_init(void);
void files_init(void);
void names_cache_init(void);
void init_mount_tree(void);

/* fs/namei.c: open a file by name (filp_open() and do_sys_open()). */
struct file *do_filp_open(int dfd, struct filename *pathname, int flags, umode_t mode,
			  const struct path *root);

/* fs/open.c: open an already looked-up path into an empty file. */
int vfs_open(const struct path *path, struct file *file);
/* fs/open.c: the attribute changes by path (chmod, chown, utimes). */
int chmod_common(const struct path *path, umode_t mode);
int chown_common(const struct path *path, uid_t user, gid_t group);
int vfs_utimes(const struct path *path, struct timespec64 *times);
/* fs/open.c: set_fs_root/pwd of the caller to a directory it may search. */
int set_cwd_or_root(const struct path *path, bool root);


/* fs/super.c: the anonymous device numbers of super blocks. */
int get_anon_bdev(dev_t *p);
void free_anon_bdev(dev_t dev);

#endif /* _FS_INTERNAL_H */
