/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Directory entries and the dentry cache (fs/dcache.c), in Linux's shape.
 *
 * A dentry names an inode (or, negative, names nothing) inside its parent:
 *
 *   d_parent <- d_child on parent's d_subdirs, hashed by (parent, name)
 *        |
 *      dentry --d_inode--> inode    (NULL: negative)
 *
 * Lifetime: d_count references. A child holds one on its parent, so a
 * cached path stays connected up to the root. When the last reference
 * goes, the dentry is freed at once (there is no LRU of unused dentries
 * yet: that comes with reclaim); file systems that keep their tree in the
 * dcache (tmpfs, like Linux's ramfs) hold an extra "pin" reference on
 * every positive dentry, dropped by unlink/rmdir or at umount.
 *
 * Locking (no RCU here): the global dcache_lock (a spinlock) protects the
 * hash table, every d_subdirs/d_child list, d_parent, d_name, d_flags and
 * d_inode changes, and the drop of a d_count to zero. Taking a reference
 * on a dentry one already holds (dget) is an atomic increment. A name
 * changes only under the parent directories' i_rwsem and the super
 * block's s_vfs_rename_mutex (d_move); path walk reads d_parent and
 * d_name under dcache_lock.
 */
#ifndef _LINUX_DCACHE_H
#define _LINUX_DCACHE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>

struct inode;
struct super_block;
struct path;

#define DNAME_INLINE_LEN	40

/* A name and its hash (full_name_hash()); @name need not be NUL-terminated. */
struct qstr {
	u32 hash;
	u32 len;
	const unsigned char *name;
};

#define QSTR_INIT(n, l)	{ .len = (l), .name = (const unsigned char *)(n) }

struct dentry {
	unsigned int d_flags;		/* DCACHE_*; dcache_lock */
	atomic_t d_count;		/* references; drops to 0 only under dcache_lock */
	struct dentry *d_parent;	/* itself for a root; dcache_lock */
	struct qstr d_name;		/* dcache_lock; points at d_iname or a kmalloc'd copy */
	struct inode *d_inode;		/* NULL: negative; set under dcache_lock */
	struct list_head d_hash;	/* in dentry_hashtable; empty: unhashed */
	struct list_head d_child;	/* in d_parent->d_subdirs */
	struct list_head d_subdirs;	/* children, positive and negative */
	struct super_block *d_sb;
	const struct dentry_operations *d_op;	/* sb->s_d_op when made; fixed */
	void *d_fsdata;
	unsigned char d_iname[DNAME_INLINE_LEN];
};

/* What a file system does differently for its dentries (Linux's, what is used). */
struct dentry_operations {
	/*
	 * d_dname - the name d_path() gives a pseudo dentry (pipefs:
	 * "pipe:[INO]"), written at the end of @buf (@buflen bytes).
	 * Return: its start in @buf, or ERR_PTR(-ENAMETOOLONG).
	 */
	char *(*d_dname)(struct dentry *dentry, char *buf, int buflen);
};

#define DCACHE_MOUNTED		0x0001	/* something is mounted here */
#define DCACHE_GENOCIDE		0x0002	/* d_genocide() has dropped its pin */
#define DCACHE_CANT_MOUNT	0x0004	/* removed directory: nothing may be mounted on it */

extern spinlock_t dcache_lock;

/* The counters of /proc/sys/fs/dentry-state: dentries allocated (nr_dentry). */
long get_nr_dentry(void);

/* full_name_hash - hash of @len bytes of @name, salted by the parent @salt. */
u32 full_name_hash(const void *salt, const char *name, unsigned int len);

/**
 * d_alloc - a new negative, unhashed dentry named @name under @parent
 * @parent: directory (a reference is taken on it)
 * @name: name, copied
 *
 * Return: the dentry with one reference, or NULL if memory is short.
 * Context: process; takes dcache_lock.
 */
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
/*
 * d_alloc_pseudo - a dentry named @name that belongs to no directory (its
 * own parent, never hashed): for files with no name in any tree
 * (memfd_create). Return: it with one reference, or NULL.
 */
struct dentry *d_alloc_pseudo(struct super_block *sb, const struct qstr *name);
/* d_make_root - the root dentry of a new super block for @inode (consumed, even on failure). */
struct dentry *d_make_root(struct inode *inode);
/* d_instantiate - attach @inode (its reference passes to @dentry) to a negative dentry. */
void d_instantiate(struct dentry *dentry, struct inode *inode);
/* d_add - d_instantiate() (if @inode) and hash @dentry. */
void d_add(struct dentry *dentry, struct inode *inode);
/* d_rehash / d_drop - put @dentry in / take it out of the hash table. */
void d_rehash(struct dentry *dentry);
void d_drop(struct dentry *dentry);
/*
 * d_delete - after an unlink: make @dentry negative if the caller's is the
 * only reference, or unhash it. Context: process; takes dcache_lock.
 */
void d_delete(struct dentry *dentry);
/* d_lookup - the hashed dentry @name under @parent, with a reference, or NULL. */
struct dentry *d_lookup(const struct dentry *parent, const struct qstr *name);
/*
 * d_move - @dentry takes @target's name and parent; @target is unhashed.
 * d_exchange - the two swap names and parents. Context: both parents'
 * i_rwsem and, across directories, s_vfs_rename_mutex held.
 */
void d_move(struct dentry *dentry, struct dentry *target);
void d_exchange(struct dentry *dentry1, struct dentry *dentry2);
/* is_subdir - is @new_dentry at or below @ancestor? */
bool is_subdir(struct dentry *new_dentry, struct dentry *ancestor);
/* d_ancestor - the child of @p1 on the way to @p2 if @p1 is a proper ancestor of @p2, else NULL. */
struct dentry *d_ancestor(struct dentry *p1, struct dentry *p2);
/* d_genocide - drop the pin of every positive dentry below @root (kill_litter_super()). */
void d_genocide(struct dentry *root);
/*
 * dentry_path_raw - the path of @dentry from its file system's root into
 * the end of @buf. Return: its start in @buf, or ERR_PTR(-ENAMETOOLONG).
 */
char *dentry_path_raw(const struct dentry *dentry, char *buf, int buflen);
/*
 * d_path - @path's full name from the caller's root into the end of @buf
 * (across mounts); " (deleted)" after a name removed while open, and
 * "/NAME (deleted)" for a file in no directory (memfd), as Linux; the
 * dentry's d_op->d_dname() if it has one (pipes, sockets).
 * Return: its start, or ERR_PTR(-ENAMETOOLONG).
 */
char *d_path(const struct path *path, char *buf, int buflen);

static inline struct dentry *dget(struct dentry *dentry)
{
	if (dentry)
		atomic_inc(&dentry->d_count);
	return dentry;
}

/* dput - drop a reference; the last one frees the dentry (and drops its inode and parent). */
void dput(struct dentry *dentry);

static inline bool d_unhashed(const struct dentry *dentry)
{
	return list_empty(&dentry->d_hash);
}

static inline bool d_really_is_negative(const struct dentry *dentry)
{
	return dentry->d_inode == NULL;
}

static inline bool d_really_is_positive(const struct dentry *dentry)
{
	return dentry->d_inode != NULL;
}

static inline struct inode *d_inode(const struct dentry *dentry)
{
	return dentry->d_inode;
}

static inline bool d_mountpoint(const struct dentry *dentry)
{
	return dentry->d_flags & DCACHE_MOUNTED;
}

static inline bool IS_ROOT(const struct dentry *dentry)
{
	return dentry == dentry->d_parent;
}

static inline unsigned int d_count(const struct dentry *dentry)
{
	return atomic_read(&dentry->d_count);
}

void vfs_caches_init(void);

#endif /* _LINUX_DCACHE_H */
