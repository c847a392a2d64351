/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Path lookup (fs/namei.c): names to dentries, walking from the task's
 * root (a leading '/') or its working directory or a directory fd; the
 * design is at the top of fs/namei.c.
 */
#ifndef _LINUX_NAMEI_H
#define _LINUX_NAMEI_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/path.h>

struct dentry;
struct qstr;

/* Lookup flags (Linux's LOOKUP_*). */
#define LOOKUP_FOLLOW		0x0001	/* follow a final symlink */
#define LOOKUP_DIRECTORY	0x0002	/* the final component must be a directory */
#define LOOKUP_PARENT		0x0010	/* (internal) walking to the parent */
#define LOOKUP_EMPTY		0x4000	/* an empty name means the start directory */

/* Kinds of a final component. */
enum { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT };

/*
 * struct filename - a kernel copy of a path (names_cache, PATH_MAX bytes),
 * as Linux's: the system-call layer makes one from a user string with
 * getname(); getname_kernel() makes one from a kernel string.
 */
struct filename {
	const char *name;
	int refcnt;
};

/* getname_kernel - copy @name. Return: the copy, ERR_PTR(-ENAMETOOLONG / -ENOMEM). */
struct filename *getname_kernel(const char *name);
/**
 * getname - copy the user string @filename (Linux's getname())
 * @filename: a NUL-terminated path in user memory
 *
 * An empty name is copied as it is: the walk answers -ENOENT for it, or
 * takes it as the start directory under LOOKUP_EMPTY (AT_EMPTY_PATH).
 * Return: the copy, or ERR_PTR(-EFAULT) (a kernel or unmapped pointer),
 * ERR_PTR(-ENAMETOOLONG) (no NUL in PATH_MAX bytes), ERR_PTR(-ENOMEM).
 * Context: process, may sleep (and fault).
 */
struct filename *getname(const char __user *filename);
void putname(struct filename *name);

/**
 * kern_path - look up @name
 * @name: kernel string; relative names start at the caller's cwd
 * @flags: LOOKUP_FOLLOW, LOOKUP_DIRECTORY
 * @path: the result, with references (path_put() it)
 *
 * Return: 0, -ENOENT, -ENOTDIR, -ELOOP, -ENAMETOOLONG, -EACCES (search
 * permission) or -ENOMEM. Context: process, may sleep.
 */
int kern_path(const char *name, unsigned int flags, struct path *path);
/* user_path_at - the same relative to directory fd @dfd (or AT_FDCWD). */
int user_path_at(int dfd, const char *name, unsigned int flags, struct path *path);
/* vfs_path_lookup - @name relative to @dentry in @mnt. */
int vfs_path_lookup(struct dentry *dentry, struct vfsmount *mnt, const char *name,
		    unsigned int flags, struct path *path);
/*
 * filename_lookup - the walk itself on a struct filename (consumed by the
 * caller, not here); @root: the root to use, or NULL for the task's.
 */
int filename_lookup(int dfd, struct filename *name, unsigned int flags, struct path *path,
		    struct path *root);
/*
 * lookup_one_len - the dentry @name (no '/') in @base, whose inode lock the
 * caller holds; negative if it does not exist. Return: it with a
 * reference, or ERR_PTR(-EACCES / -ENAMETOOLONG / -EINVAL / -ENOMEM).
 */
struct dentry *lookup_one_len(const char *name, struct dentry *base, int len);
#endif /* _LINUX_NAMEI_H */
