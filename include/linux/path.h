/* SPDX-License-Identifier: GPL-2.0 */
/* A place in the file tree: a mount and a dentry in it (Linux's path.h). */
#ifndef _LINUX_PATH_H
#define _LINUX_PATH_H

#include <linux/types.h>

struct dentry;
struct vfsmount;

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

/* Take / drop a reference on both halves (fs/namei.c). Context: process. */
void path_get(const struct path *path);
void path_put(const struct path *path);

static inline bool path_equal(const struct path *a, const struct path *b)
{
	return a->dentry == b->dentry && a->mnt == b->mnt;
}

#endif /* _LINUX_PATH_H */
