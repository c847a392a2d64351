// SPDX-License-Identifier: GPL-2.0
/*
 * Path lookup and the name operations (Linux's fs/namei.c).
 *
 * A walk (struct nameidata) starts at the task's root for a name with a
 * leading '/', else at its working directory or at a directory fd
 * (path_init()). link_path_walk() then takes every component but the
 * last: it checks search (x) permission on the directory, looks the name
 * up in the dcache (lookup_fast()) or asks the file system under the
 * directory's lock (lookup_slow()), crosses onto whatever is mounted
 * there, and follows symlinks; the caller handles the last component
 * (lookup_last(), open_last_lookups(), or a create or delete in the
 * locked parent).
 *
 * Symlinks: a body is walked in place of the link. The rest of the name
 * after a link waits on a stack (at most MAXSYMLINKS deep), and every
 * link followed stays referenced in nd->links until the walk ends, so its
 * body stays valid. A walk follows at most MAXSYMLINKS (40) links in all:
 * -ELOOP after that. A trailing symlink is followed when the caller asks
 * (LOOKUP_FOLLOW) or when a trailing slash makes the name a directory's.
 *
 * "..": stays at the task's root; at the root of a mount it first goes to
 * the mountpoint in the parent mount, then up. Errors as Linux's:
 * -ENOENT (missing, or an empty name), -ENOTDIR (a non-directory in the
 * middle, or before a trailing slash), -ENAMETOOLONG (a component over
 * NAME_MAX, or a name of PATH_MAX bytes or more), -ELOOP, -EACCES.
 *
 * The walk holds references, not locks: a dentry found stays valid while
 * referenced, though a rename may move it meanwhile (as Linux's walk
 * outside rename_lock, the answer is one of the names it had). Operations
 * that change a directory lock it (i_rwsem, I_MUTEX_PARENT), then look
 * up the last component again under the lock.
 *
 * Names from user space: getname() copies one (PATH_MAX bytes at most,
 * -EFAULT for a kernel or unmapped pointer); the system calls at the end
 * of the file then call the do_* functions on the copy.
 */
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/mount.h>
#include <linux/fs_struct.h>
#include <linux/file.h>
#include <linux/cred.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>
#include "internal.h"
#include "mount.h"

static struct kmem_cache *names_cachep;

/* An empty filename: its buffer from names_cache, refcnt 1. */
static struct filename *filename_alloc(void)
{
	struct filename *result = kmalloc(sizeof(*result), GFP_KERNEL);

	if (!result)
		return ERR_PTR(-ENOMEM);
	result->name = kmem_cache_alloc(names_cachep, GFP_KERNEL);
	if (!result->name) {
		kfree(result);
		return ERR_PTR(-ENOMEM);
	}
	result->refcnt = 1;
	return result;
}

struct filename *getname_kernel(const char *name)
{
	size_t len = strnlen(name, PATH_MAX);
	struct filename *result;

	if (len >= PATH_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	result = filename_alloc();
	if (!IS_ERR(result))
		memcpy((char *)result->name, name, len + 1);
	return result;
}

struct filename *getname(const char __user *filename)
{
	struct filename *result = filename_alloc();
	long len;

	if (IS_ERR(result))
		return result;
	len = strncpy_from_user((char *)result->name, filename, PATH_MAX);
	if (len >= 0 && len < PATH_MAX)
		return result;
	putname(result);
	return ERR_PTR(len < 0 ? len : -ENAMETOOLONG);
}

void putname(struct filename *name)
{
	if (IS_ERR_OR_NULL(name))
		return;
	if (--name->refcnt > 0)
		return;
	kmem_cache_free(names_cachep, (void *)name->name);
	kfree(name);
}

void path_get(const struct path *path)
{
	mntget(path->mnt);
	dget(path->dentry);
}

void path_put(const struct path *path)
{
	dput(path->dentry);
	mntput(path->mnt);
}

/* ---- permissions -------------------------------------------------------- */

int generic_permission(struct inode *inode, int mask)
{
	umode_t mode = inode->i_mode;

	mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
	if (current_fsuid() == inode->i_uid)
		mode >>= 6;
	else if (in_group_p(inode->i_gid))
		mode >>= 3;
	if ((mask & ~mode & 7) == 0)
		return 0;
	/* CAP_DAC_OVERRIDE: all, but exec of a file nobody may execute */
	if ((!(mask & MAY_EXEC) || S_ISDIR(inode->i_mode) || (inode->i_mode & 0111)) &&
	    capable(CAP_DAC_OVERRIDE))
		return 0;
	/* CAP_DAC_READ_SEARCH: reading anything, searching directories */
	if (!(mask & MAY_WRITE) && (S_ISDIR(inode->i_mode) || !(mask & MAY_EXEC)) &&
	    capable(CAP_DAC_READ_SEARCH))
		return 0;
	return -EACCES;
}

int inode_permission(struct inode *inode, int mask)
{
	if (inode->i_op && inode->i_op->permission)
		return inode->i_op->permission(inode, mask);
	return generic_permission(inode, mask);
}

/* ---- the walk ----------------------------------------------------------- */

struct nameidata {
	struct path path;		/* where the walk is */
	struct qstr last;		/* the last component seen */
	struct path root;
	unsigned int flags;		/* LOOKUP_* */
	int last_type;			/* LAST_* */
	int total_link_count;
	unsigned int depth;		/* links held in links[] */
	struct path links[MAXSYMLINKS];
	const char *stack[MAXSYMLINKS];	/* the rest of the name after each pending link */
};

#define WALK_TRAILING	1	/* the last component: follow only with LOOKUP_FOLLOW */
#define WALK_MORE	2	/* more components follow */

static void terminate_walk(struct nameidata *nd)
{
	unsigned int i;

	if (nd->path.dentry)
		path_put(&nd->path);
	for (i = 0; i < nd->depth; i++)
		path_put(&nd->links[i]);
	path_put(&nd->root);
	nd->path.dentry = NULL;
	nd->path.mnt = NULL;
	nd->depth = 0;
}

/* The start of the walk: @start if given, else by the name and @dfd. */
static const char *path_init(struct nameidata *nd, int dfd, const char *s,
			     const struct path *root, const struct path *start)
{
	struct file *f;

	if (root) {
		nd->root = *root;
		path_get(root);
	} else {
		get_fs_root(current->fs, &nd->root);
	}
	if (*s == '/') {
		nd->path = nd->root;
		path_get(&nd->path);
		return s;
	}
	if (start) {
		nd->path = *start;
		path_get(start);
	} else if (dfd == AT_FDCWD) {
		get_fs_pwd(current->fs, &nd->path);
	} else {
		f = fget(dfd);
		if (!f)
			return ERR_PTR(-EBADF);
		/* an empty name (LOOKUP_EMPTY) is the file itself: any kind will do */
		if (*s && !d_is_dir(f->f_path.dentry)) {
			fput(f);
			return ERR_PTR(-ENOTDIR);
		}
		nd->path = f->f_path;
		path_get(&nd->path);
		fput(f);
	}
	return s;
}

static bool d_can_lookup(const struct dentry *dentry)
{
	return d_is_dir(dentry);
}

/* Cross onto what is mounted on @path, repeatedly (the last mounted is on top). */
static void follow_mounts(struct path *path)
{
	while (d_mountpoint(path->dentry)) {
		struct vfsmount *mounted = lookup_mnt(path);

		if (!mounted)
			break;
		path_put(path);
		path->mnt = mounted;
		path->dentry = dget(mounted->mnt_root);
	}
}

/* From the root of a mount to its mountpoint in the parent mount; false at the top. */
static bool follow_up(struct path *path)
{
	struct mount *mnt = real_mount(path->mnt), *parent;
	struct dentry *mp;

	spin_lock(&mount_lock);
	parent = mnt->mnt_parent;
	if (parent == mnt) {
		spin_unlock(&mount_lock);
		return false;
	}
	mntget(&parent->mnt);
	mp = dget(mnt->mnt_mountpoint);
	spin_unlock(&mount_lock);
	path_put(path);
	path->mnt = &parent->mnt;
	path->dentry = mp;
	return true;
}

static struct dentry *dget_parent(struct dentry *dentry)
{
	struct dentry *parent;

	spin_lock(&dcache_lock);
	parent = dget(dentry->d_parent);
	spin_unlock(&dcache_lock);
	return parent;
}

static void follow_dotdot(struct nameidata *nd)
{
	for (;;) {
		if (path_equal(&nd->path, &nd->root))
			break;
		if (nd->path.dentry != nd->path.mnt->mnt_root) {
			struct dentry *parent = dget_parent(nd->path.dentry);

			dput(nd->path.dentry);
			nd->path.dentry = parent;
			break;
		}
		if (!follow_up(&nd->path))
			break;
	}
	follow_mounts(&nd->path);
}

static void handle_dots(struct nameidata *nd)
{
	if (nd->last_type == LAST_DOTDOT)
		follow_dotdot(nd);
}

/*
 * The dentry @name in @dir, which the caller has locked: from the dcache,
 * or a new one the file system's ->lookup() fills (negative if the name
 * does not exist).
 */
static struct dentry *__lookup_hash(const struct qstr *name, struct dentry *dir,
				    unsigned int flags)
{
	struct inode *inode = dir->d_inode;
	struct dentry *dentry = d_lookup(dir, name), *old;

	if (dentry)
		return dentry;
	if (IS_DEADDIR(inode))
		return ERR_PTR(-ENOENT);
	dentry = d_alloc(dir, name);
	if (!dentry)
		return ERR_PTR(-ENOMEM);
	old = inode->i_op->lookup(inode, dentry, flags);
	if (old) {
		dput(dentry);
		dentry = old;
	}
	return dentry;
}

static struct dentry *lookup_slow(const struct qstr *name, struct dentry *dir,
				  unsigned int flags)
{
	struct inode *inode = dir->d_inode;
	struct dentry *dentry;

	inode_lock(inode);
	dentry = __lookup_hash(name, dir, flags);
	inode_unlock(inode);
	return dentry;
}

/* Push the symlink at @link (its references pass to nd) and return its body. */
static const char *pick_link(struct nameidata *nd, struct path *link)
{
	struct inode *inode = link->dentry->d_inode;
	const char *body;

	if (++nd->total_link_count > MAXSYMLINKS) {
		path_put(link);
		return ERR_PTR(-ELOOP);
	}
	nd->links[nd->depth++] = *link;
	body = inode->i_link;
	if (!body && inode->i_op->get_link)
		body = inode->i_op->get_link(link->dentry, inode);
	if (IS_ERR_OR_NULL(body))
		return body ? body : ERR_PTR(-EIO);
	if (!*body)
		return ERR_PTR(-ENOENT);
	if (*body == '/') {
		path_put(&nd->path);
		nd->path = nd->root;
		path_get(&nd->path);
		while (*body == '/')
			body++;
	}
	return body;
}

/*
 * Step onto @dentry (a reference the caller gives) in nd->path: cross
 * mounts, then either make it nd->path or, for a symlink to follow, push
 * it and return its body.
 */
static const char *step_into(struct nameidata *nd, int flags, struct dentry *dentry)
{
	struct path path = { .mnt = mntget(nd->path.mnt), .dentry = dentry };

	follow_mounts(&path);
	if (d_is_symlink(path.dentry) &&
	    (!(flags & WALK_TRAILING) || (nd->flags & LOOKUP_FOLLOW)))
		return pick_link(nd, &path);
	path_put(&nd->path);
	nd->path = path;
	return NULL;
}

static const char *walk_component(struct nameidata *nd, int flags)
{
	struct dentry *dentry;

	if (nd->last_type != LAST_NORM) {
		handle_dots(nd);
		return NULL;
	}
	dentry = d_lookup(nd->path.dentry, &nd->last);
	if (!dentry)
		dentry = lookup_slow(&nd->last, nd->path.dentry, nd->flags);
	if (IS_ERR(dentry))
		return ERR_CAST(dentry);
	if (d_really_is_negative(dentry)) {
		dput(dentry);
		return ERR_PTR(-ENOENT);
	}
	return step_into(nd, flags, dentry);
}

/* Split off the component at @name into nd->last; return what follows it. */
static const char *hash_component(struct nameidata *nd, const char *name)
{
	unsigned int len = 0;

	while (name[len] && name[len] != '/')
		len++;
	nd->last.name = (const unsigned char *)name;
	nd->last.len = len;
	nd->last_type = LAST_NORM;
	if (name[0] == '.' && len == 1)
		nd->last_type = LAST_DOT;
	else if (name[0] == '.' && name[1] == '.' && len == 2)
		nd->last_type = LAST_DOTDOT;
	else
		nd->last.hash = full_name_hash(nd->path.dentry, name, len);
	return name + len;
}

/*
 * Walk every component of @name but the last (see the top); nd->last and
 * nd->last_type describe the last one (LAST_ROOT for "/").
 */
static int link_path_walk(const char *name, struct nameidata *nd)
{
	unsigned int depth = 0;

	nd->last_type = LAST_ROOT;
	for (;;) {
		const char *link;
		int err;

		while (*name == '/')
			name++;
		if (!*name) {
			if (!depth)
				return 0;	/* "/", or a link body of slashes at the end */
			name = nd->stack[--depth];
			continue;
		}
		err = inode_permission(nd->path.dentry->d_inode, MAY_EXEC);
		if (err)
			return err;
		name = hash_component(nd, name);
		if (nd->last.len > NAME_MAX)
			return -ENAMETOOLONG;
		if (*name) {
			while (*name == '/')
				name++;
			if (!*name && !depth)	/* a trailing slash: a directory's name */
				nd->flags |= LOOKUP_FOLLOW | LOOKUP_DIRECTORY;
		}
		if (!*name) {
			if (!depth)
				return 0;
			name = nd->stack[--depth];	/* the last component of a link body */
			link = walk_component(nd, 0);
		} else {
			link = walk_component(nd, WALK_MORE);
		}
		if (IS_ERR(link))
			return PTR_ERR(link);
		if (link) {
			nd->stack[depth++] = name;
			name = link;
			continue;
		}
		if (!d_can_lookup(nd->path.dentry))
			return -ENOTDIR;
	}
}

/* The last component of a lookup; a trailing symlink's body to walk, or NULL. */
static const char *lookup_last(struct nameidata *nd)
{
	if (nd->last_type != LAST_NORM) {
		handle_dots(nd);
		return NULL;
	}
	return walk_component(nd, WALK_TRAILING);
}

static int path_lookupat(struct nameidata *nd, const char *s, struct path *path)
{
	int err;

	for (;;) {
		err = link_path_walk(s, nd);
		if (err)
			break;
		s = lookup_last(nd);
		if (!s)
			break;
		if (IS_ERR(s)) {
			err = PTR_ERR(s);
			break;
		}
	}
	if (!err && (nd->flags & LOOKUP_DIRECTORY) && !d_can_lookup(nd->path.dentry))
		err = -ENOTDIR;
	if (!err) {
		*path = nd->path;
		nd->path.dentry = NULL;
		nd->path.mnt = NULL;
	}
	return err;
}

static int path_lookup_start(int dfd, struct filename *name, unsigned int flags,
			     struct path *path, const struct path *root,
			     const struct path *start)
{
	struct nameidata nd = { .flags = flags };
	const char *s;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	if (!*name->name && !(flags & LOOKUP_EMPTY))
		return -ENOENT;
	s = path_init(&nd, dfd, name->name, root, start);
	err = IS_ERR(s) ? PTR_ERR(s) : path_lookupat(&nd, s, path);
	terminate_walk(&nd);
	return err;
}

int filename_lookup(int dfd, struct filename *name, unsigned int flags, struct path *path,
		    struct path *root)
{
	return path_lookup_start(dfd, name, flags, path, root, NULL);
}

int user_path_at(int dfd, const char *name, unsigned int flags, struct path *path)
{
	struct filename *filename = getname_kernel(name);
	int err = filename_lookup(dfd, filename, flags, path, NULL);

	putname(filename);
	return err;
}

int kern_path(const char *name, unsigned int flags, struct path *path)
{
	return user_path_at(AT_FDCWD, name, flags, path);
}

int vfs_path_lookup(struct dentry *dentry, struct vfsmount *mnt, const char *name,
		    unsigned int flags, struct path *path)
{
	struct path start = { .mnt = mnt, .dentry = dentry };
	struct filename *filename = getname_kernel(name);
	int err = path_lookup_start(AT_FDCWD, filename, flags, path, NULL, &start);

	putname(filename);
	return err;
}

/*
 * The parent of @name's last component, with references, in @parent;
 * the component in @last (pointing into @name) and its kind in @type.
 */
static int filename_parentat(int dfd, struct filename *name, unsigned int flags,
			     struct path *parent, struct qstr *last, int *type)
{
	struct nameidata nd = { .flags = flags | LOOKUP_PARENT };
	const char *s;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	if (!*name->name)
		return -ENOENT;
	s = path_init(&nd, dfd, name->name, NULL, NULL);
	err = IS_ERR(s) ? PTR_ERR(s) : link_path_walk(s, &nd);
	if (!err) {
		*parent = nd.path;
		*last = nd.last;
		*type = nd.last_type;
		nd.path.dentry = NULL;
		nd.path.mnt = NULL;
	}
	terminate_walk(&nd);
	return err;
}

struct dentry *lookup_one_len(const char *name, struct dentry *base, int len)
{
	struct qstr this = QSTR_INIT(name, len);
	int err, i;

	if (!len || (name[0] == '.' && (len == 1 || (len == 2 && name[1] == '.'))))
		return ERR_PTR(-EACCES);
	for (i = 0; i < len; i++)
		if (name[i] == '/' || !name[i])
			return ERR_PTR(-EACCES);
	if (len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	err = inode_permission(base->d_inode, MAY_EXEC);
	if (err)
		return ERR_PTR(err);
	this.hash = full_name_hash(base, name, len);
	return __lookup_hash(&this, base, 0);
}

/* ---- the checks of the name operations --------------------------------- */

static int may_create(struct inode *dir, struct dentry *child)
{
	if (child->d_inode)
		return -EEXIST;
	if (IS_DEADDIR(dir))
		return -ENOENT;
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
}

/* The sticky bit: only the file's or the directory's owner (or root) may remove. */
static bool check_sticky(struct inode *dir, struct inode *inode)
{
	uid_t fsuid = current_fsuid();

	if (!(dir->i_mode & S_ISVTX))
		return false;
	return inode->i_uid != fsuid && dir->i_uid != fsuid && !capable(CAP_FOWNER);
}

static int may_delete(struct inode *dir, struct dentry *victim, bool isdir)
{
	struct inode *inode = victim->d_inode;
	int err;

	if (!inode)
		return -ENOENT;
	err = inode_permission(dir, MAY_WRITE | MAY_EXEC);
	if (err)
		return err;
	if (check_sticky(dir, inode))
		return -EPERM;
	if (isdir) {
		if (!S_ISDIR(inode->i_mode))
			return -ENOTDIR;
		if (IS_ROOT(victim))
			return -EBUSY;
	} else if (S_ISDIR(inode->i_mode)) {
		return -EISDIR;
	}
	if (IS_DEADDIR(dir))
		return -ENOENT;
	return 0;
}

int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if (!dir->i_op->create)
		return -EACCES;
	return dir->i_op->create(dir, dentry, (mode & S_IALLUGO) | S_IFREG, excl);
}

int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if (!dir->i_op->mkdir)
		return -EPERM;
	return dir->i_op->mkdir(dir, dentry, mode & (S_IRWXU | S_IRWXG | S_IRWXO | S_ISVTX));
}

int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if ((S_ISCHR(mode) || S_ISBLK(mode)) && !capable(CAP_MKNOD))
		return -EPERM;
	if (!dir->i_op->mknod)
		return -EPERM;
	return dir->i_op->mknod(dir, dentry, mode, dev);
}

int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *oldname)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if (!dir->i_op->symlink)
		return -EPERM;
	return dir->i_op->symlink(dir, dentry, oldname);
}

int vfs_link(struct dentry *old_dentry, struct inode *dir, struct dentry *new_dentry)
{
	struct inode *inode = old_dentry->d_inode;
	int err;

	if (!inode)
		return -ENOENT;
	err = may_create(dir, new_dentry);
	if (err)
		return err;
	if (dir->i_sb != inode->i_sb)
		return -EXDEV;
	if (S_ISDIR(inode->i_mode))
		return -EPERM;
	if (!dir->i_op->link)
		return -EPERM;
	inode_lock_nested(inode, I_MUTEX_CHILD);
	if (inode->i_nlink == 0)
		err = -ENOENT;		/* unlinked meanwhile */
	else
		err = dir->i_op->link(old_dentry, dir, new_dentry);
	inode_unlock(inode);
	return err;
}

int vfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode;
	int err = may_delete(dir, dentry, true);

	if (err)
		return err;
	if (!dir->i_op->rmdir)
		return -EPERM;
	inode = dentry->d_inode;
	dget(dentry);
	inode_lock_nested(inode, I_MUTEX_CHILD);
	if (d_mountpoint(dentry)) {
		err = -EBUSY;
	} else {
		err = dir->i_op->rmdir(dir, dentry);
		if (!err) {
			inode->i_flags |= S_DEAD;
			spin_lock(&dcache_lock);
			dentry->d_flags |= DCACHE_CANT_MOUNT;
			spin_unlock(&dcache_lock);
		}
	}
	inode_unlock(inode);
	if (!err)
		d_delete(dentry);
	dput(dentry);
	return err;
}

int vfs_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode;
	int err = may_delete(dir, dentry, false);

	if (err)
		return err;
	if (!dir->i_op->unlink)
		return -EPERM;
	inode = dentry->d_inode;
	ihold(inode);
	inode_lock_nested(inode, I_MUTEX_CHILD);
	if (d_mountpoint(dentry))
		err = -EBUSY;
	else
		err = dir->i_op->unlink(dir, dentry);
	inode_unlock(inode);
	if (!err)
		d_delete(dentry);
	iput(inode);	/* the last link's inode goes here, after the locks */
	return err;
}

int vfs_rename(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
	       struct dentry *new_dentry, unsigned int flags)
{
	struct inode *source = old_dentry->d_inode, *target = new_dentry->d_inode;
	bool is_dir = S_ISDIR(source->i_mode);
	bool new_is_dir = target && S_ISDIR(target->i_mode);
	int err;

	if (source == target)
		return 0;
	err = may_delete(old_dir, old_dentry, is_dir);
	if (err)
		return err;
	if (!target)
		err = may_create(new_dir, new_dentry);
	else if (flags & RENAME_EXCHANGE)
		err = may_delete(new_dir, new_dentry, new_is_dir);
	else
		err = may_delete(new_dir, new_dentry, is_dir);
	if (err)
		return err;
	if (!old_dir->i_op->rename)
		return -EPERM;
	/* A directory that changes parent rewrites its "..": write permission on it. */
	if (new_dir != old_dir) {
		if (is_dir)
			err = inode_permission(source, MAY_WRITE);
		if (!err && new_is_dir && (flags & RENAME_EXCHANGE))
			err = inode_permission(target, MAY_WRITE);
		if (err)
			return err;
	}
	if (d_mountpoint(old_dentry) || d_mountpoint(new_dentry))
		return -EBUSY;
	if (target)
		inode_lock_nested(target, I_MUTEX_NONDIR2);
	err = old_dir->i_op->rename(old_dir, old_dentry, new_dir, new_dentry, flags);
	if (!err && target && !(flags & RENAME_EXCHANGE) && new_is_dir) {
		target->i_flags |= S_DEAD;
		spin_lock(&dcache_lock);
		new_dentry->d_flags |= DCACHE_CANT_MOUNT;
		spin_unlock(&dcache_lock);
	}
	if (target)
		inode_unlock(target);
	if (!err) {
		if (flags & RENAME_EXCHANGE)
			d_exchange(old_dentry, new_dentry);
		else
			d_move(old_dentry, new_dentry);
	}
	return err;
}

int vfs_readlink(struct dentry *dentry, char *buf, int buflen)
{
	struct inode *inode = dentry->d_inode;
	const char *body;
	int len;

	if (!inode || !S_ISLNK(inode->i_mode))
		return -EINVAL;
	body = inode->i_link;
	if (!body && inode->i_op->get_link)
		body = inode->i_op->get_link(dentry, inode);
	if (IS_ERR_OR_NULL(body))
		return body ? PTR_ERR(body) : -EINVAL;
	len = min_t(int, strlen(body), buflen);
	memcpy(buf, body, len);
	return len;
}

struct dentry *lock_rename(struct dentry *p1, struct dentry *p2)
{
	struct dentry *p;

	if (p1 == p2) {
		inode_lock_nested(p1->d_inode, I_MUTEX_PARENT);
		return NULL;
	}
	mutex_lock(&p1->d_sb->s_vfs_rename_mutex);
	p = d_ancestor(p2, p1);
	if (p) {
		inode_lock_nested(p2->d_inode, I_MUTEX_PARENT);
		inode_lock_nested(p1->d_inode, I_MUTEX_PARENT2);
		return p;
	}
	p = d_ancestor(p1, p2);
	inode_lock_nested(p1->d_inode, I_MUTEX_PARENT);
	inode_lock_nested(p2->d_inode, I_MUTEX_PARENT2);
	return p;
}

void unlock_rename(struct dentry *p1, struct dentry *p2)
{
	inode_unlock(p1->d_inode);
	if (p1 != p2) {
		inode_unlock(p2->d_inode);
		mutex_unlock(&p1->d_sb->s_vfs_rename_mutex);
	}
}

/* ---- the calls by name -------------------------------------------------- */

/* Lock the parent of @name and return the negative dentry to create (see namei.h). */
static struct dentry *filename_create(int dfd, struct filename *name, struct path *path,
				      unsigned int lookup_flags)
{
	bool want_dir = lookup_flags & LOOKUP_DIRECTORY;
	struct dentry *dentry;
	struct qstr last;
	int type, err;

	err = filename_parentat(dfd, name, 0, path, &last, &type);
	if (err)
		return ERR_PTR(err);
	if (type != LAST_NORM) {
		path_put(path);
		return ERR_PTR(-EEXIST);
	}
	inode_lock_nested(path->dentry->d_inode, I_MUTEX_PARENT);
	dentry = __lookup_hash(&last, path->dentry, 0);
	if (IS_ERR(dentry))
		goto unlock;
	err = -EEXIST;
	if (d_really_is_positive(dentry))
		goto fail;
	/* "foo/" names a directory: only mkdir may create it */
	err = -ENOENT;
	if (!want_dir && last.name[last.len])
		goto fail;
	return dentry;
fail:
	dput(dentry);
	dentry = ERR_PTR(err);
unlock:
	inode_unlock(path->dentry->d_inode);
	path_put(path);
	return dentry;
}

/* Undo filename_create(): unlock the parent, drop the dentry and the path. */
static void done_path_create(struct path *path, struct dentry *dentry)
{
	dput(dentry);
	inode_unlock(path->dentry->d_inode);
	path_put(path);
}

static umode_t current_umask(void)
{
	return current->fs->umask;
}

/* @dev in the user's form (new_encode_dev(), as mknod(2) and cpio give it). */
int do_mknodat(int dfd, const char *filename, umode_t mode, unsigned int dev)
{
	struct filename *name;
	struct dentry *dentry;
	struct path path;
	int err;

	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	switch (mode & S_IFMT) {
	case S_IFREG: case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		break;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
	name = getname_kernel(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	dentry = filename_create(dfd, name, &path, 0);
	err = PTR_ERR_OR_ZERO(dentry);
	if (!err) {
		mode &= ~current_umask();
		if (S_ISREG(mode))
			err = vfs_create(path.dentry->d_inode, dentry, mode, true);
		else
			err = vfs_mknod(path.dentry->d_inode, dentry, mode, new_decode_dev(dev));
		done_path_create(&path, dentry);
	}
	putname(name);
	return err;
}

int do_mkdirat(int dfd, const char *pathname, umode_t mode)
{
	struct filename *name = getname_kernel(pathname);
	struct dentry *dentry;
	struct path path;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	dentry = filename_create(dfd, name, &path, LOOKUP_DIRECTORY);
	err = PTR_ERR_OR_ZERO(dentry);
	if (!err) {
		err = vfs_mkdir(path.dentry->d_inode, dentry, mode & ~current_umask());
		done_path_create(&path, dentry);
	}
	putname(name);
	return err;
}

int do_symlinkat(const char *oldname, int newdfd, const char *newname)
{
	struct filename *name;
	struct dentry *dentry;
	struct path path;
	int err;

	if (!*oldname)
		return -ENOENT;
	if (strnlen(oldname, PATH_MAX) >= PATH_MAX)
		return -ENAMETOOLONG;
	name = getname_kernel(newname);
	if (IS_ERR(name))
		return PTR_ERR(name);
	dentry = filename_create(newdfd, name, &path, 0);
	err = PTR_ERR_OR_ZERO(dentry);
	if (!err) {
		err = vfs_symlink(path.dentry->d_inode, dentry, oldname);
		done_path_create(&path, dentry);
	}
	putname(name);
	return err;
}

int do_linkat(int olddfd, const char *oldname, int newdfd, const char *newname, int flags)
{
	struct filename *name;
	struct path old_path, new_path;
	struct dentry *dentry;
	int err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(olddfd, oldname, flags & AT_SYMLINK_FOLLOW ? LOOKUP_FOLLOW : 0,
			   &old_path);
	if (err)
		return err;
	name = getname_kernel(newname);
	err = PTR_ERR_OR_ZERO(name);
	if (err)
		goto out;
	dentry = filename_create(newdfd, name, &new_path, 0);
	err = PTR_ERR_OR_ZERO(dentry);
	if (!err) {
		err = -EXDEV;
		if (old_path.mnt == new_path.mnt)
			err = vfs_link(old_path.dentry, new_path.dentry->d_inode, dentry);
		done_path_create(&new_path, dentry);
	}
	putname(name);
out:
	path_put(&old_path);
	return err;
}

/* rmdir and unlink: parent, locked, and the victim. */
static int do_remove(int dfd, const char *pathname, bool dir)
{
	struct filename *name = getname_kernel(pathname);
	struct dentry *dentry;
	struct path path;
	struct qstr last;
	int type, err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = filename_parentat(dfd, name, 0, &path, &last, &type);
	if (err)
		goto out;
	if (type != LAST_NORM) {
		if (!dir)
			err = -EISDIR;
		else
			err = type == LAST_DOT ? -EINVAL : type == LAST_DOTDOT ? -ENOTEMPTY : -EBUSY;
		goto put;
	}
	inode_lock_nested(path.dentry->d_inode, I_MUTEX_PARENT);
	dentry = __lookup_hash(&last, path.dentry, 0);
	err = PTR_ERR_OR_ZERO(dentry);
	if (err)
		goto unlock;
	if (dir) {
		err = vfs_rmdir(path.dentry->d_inode, dentry);
	} else if (last.name[last.len] && d_really_is_positive(dentry)) {
		/* "file/": a trailing slash names a directory */
		err = d_is_dir(dentry) ? -EISDIR : -ENOTDIR;
	} else {
		err = vfs_unlink(path.dentry->d_inode, dentry);
	}
	dput(dentry);
unlock:
	inode_unlock(path.dentry->d_inode);
put:
	path_put(&path);
out:
	putname(name);
	return err;
}

int do_rmdir(int dfd, const char *pathname)
{
	return do_remove(dfd, pathname, true);
}

int do_unlinkat(int dfd, const char *pathname)
{
	return do_remove(dfd, pathname, false);
}

/* The two dentries of a rename, looked up in the locked parents, and its checks. */
static int rename_lookup_and_do(struct path *old_path, struct qstr *old_last,
				struct path *new_path, struct qstr *new_last,
				unsigned int flags)
{
	struct dentry *old_dir = old_path->dentry, *new_dir = new_path->dentry;
	struct dentry *trap, *old_dentry, *new_dentry;
	int err;

	trap = lock_rename(new_dir, old_dir);
	old_dentry = __lookup_hash(old_last, old_dir, 0);
	err = PTR_ERR_OR_ZERO(old_dentry);
	if (err)
		goto unlock;
	err = -ENOENT;
	if (d_really_is_negative(old_dentry))
		goto put_old;
	new_dentry = __lookup_hash(new_last, new_dir, 0);
	err = PTR_ERR_OR_ZERO(new_dentry);
	if (err)
		goto put_old;
	err = -EEXIST;
	if ((flags & RENAME_NOREPLACE) && d_really_is_positive(new_dentry))
		goto put_new;
	err = -ENOENT;
	if ((flags & RENAME_EXCHANGE) && d_really_is_negative(new_dentry))
		goto put_new;
	/* trailing slashes are for directories only */
	err = -ENOTDIR;
	if (!d_is_dir(old_dentry) && (old_last->name[old_last->len] ||
				      (!(flags & RENAME_EXCHANGE) && new_last->name[new_last->len])))
		goto put_new;
	if ((flags & RENAME_EXCHANGE) && !d_is_dir(new_dentry) && new_last->name[new_last->len])
		goto put_new;
	/* a directory may not move below itself */
	err = -EINVAL;
	if (old_dentry == trap)
		goto put_new;
	err = (flags & RENAME_EXCHANGE) ? -EINVAL : -ENOTEMPTY;
	if (new_dentry == trap)
		goto put_new;
	err = vfs_rename(old_dir->d_inode, old_dentry, new_dir->d_inode, new_dentry, flags);
put_new:
	dput(new_dentry);
put_old:
	dput(old_dentry);
unlock:
	unlock_rename(new_dir, old_dir);
	return err;
}

int do_renameat2(int olddfd, const char *oldname, int newdfd, const char *newname,
		 unsigned int flags)
{
	struct filename *from, *to;
	struct path old_path, new_path;
	struct qstr old_last, new_last;
	int old_type, new_type, err;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT))
		return -EINVAL;
	if ((flags & RENAME_EXCHANGE) && (flags & (RENAME_NOREPLACE | RENAME_WHITEOUT)))
		return -EINVAL;
	if (flags & RENAME_WHITEOUT)
		return -EINVAL;		/* no overlay file systems */
	from = getname_kernel(oldname);
	to = getname_kernel(newname);
	err = PTR_ERR_OR_ZERO(from) ?: PTR_ERR_OR_ZERO(to);
	if (err)
		goto out_names;
	err = filename_parentat(olddfd, from, 0, &old_path, &old_last, &old_type);
	if (err)
		goto out_names;
	err = filename_parentat(newdfd, to, 0, &new_path, &new_last, &new_type);
	if (err)
		goto out_old;
	err = -EXDEV;
	if (old_path.mnt != new_path.mnt)
		goto out_new;
	err = -EBUSY;
	if (old_type != LAST_NORM)
		goto out_new;
	if (new_type != LAST_NORM) {
		if (flags & RENAME_NOREPLACE)
			err = -EEXIST;
		goto out_new;
	}
	err = rename_lookup_and_do(&old_path, &old_last, &new_path, &new_last, flags);
out_new:
	path_put(&new_path);
out_old:
	path_put(&old_path);
out_names:
	putname(to);
	putname(from);
	return err;
}

int do_readlinkat(int dfd, const char *pathname, char *buf, int bufsiz)
{
	struct path path;
	int err;

	if (bufsiz <= 0)
		return -EINVAL;
	err = user_path_at(dfd, pathname, LOOKUP_EMPTY, &path);
	if (err)
		return err;
	err = vfs_readlink(path.dentry, buf, bufsiz);
	path_put(&path);
	return err;
}

/* ---- open --------------------------------------------------------------- */

static int open_acc_mode(int flags)
{
	static const int acc[] = { MAY_READ, MAY_WRITE, MAY_READ | MAY_WRITE, MAY_READ | MAY_WRITE };
	int mode = acc[flags & O_ACCMODE];

	if (flags & O_TRUNC)
		mode |= MAY_WRITE;
	if (flags & O_APPEND)
		mode |= MAY_APPEND;
	return mode;
}

/* Create @dentry (negative, parent locked) as a regular file. */
static int open_create(struct nameidata *nd, struct dentry *dentry, int flags, umode_t mode)
{
	return vfs_create(nd->path.dentry->d_inode, dentry, mode & ~current_umask(),
			  flags & O_EXCL);
}

/* The last component of an open: look it up, or create it with O_CREAT. */
static const char *open_last_lookups(struct nameidata *nd, int flags, umode_t mode,
				     bool *created)
{
	struct inode *dir = nd->path.dentry->d_inode;
	struct dentry *dentry;
	int err;

	if (nd->last_type != LAST_NORM) {
		handle_dots(nd);
		return (flags & O_CREAT) ? ERR_PTR(-EISDIR) : NULL;
	}
	if (!(flags & O_CREAT))
		return walk_component(nd, WALK_TRAILING);
	if (nd->last.name[nd->last.len])
		return ERR_PTR(-EISDIR);	/* "name/" with O_CREAT */
	inode_lock_nested(dir, I_MUTEX_PARENT);
	dentry = __lookup_hash(&nd->last, nd->path.dentry, 0);
	if (IS_ERR(dentry)) {
		inode_unlock(dir);
		return ERR_CAST(dentry);
	}
	if (d_really_is_negative(dentry)) {
		err = open_create(nd, dentry, flags, mode);
		inode_unlock(dir);
		if (err) {
			dput(dentry);
			return ERR_PTR(err);
		}
		*created = true;
		return step_into(nd, WALK_TRAILING, dentry);
	}
	inode_unlock(dir);
	if (flags & O_EXCL) {
		dput(dentry);
		return ERR_PTR(-EEXIST);
	}
	return step_into(nd, WALK_TRAILING, dentry);
}

/* Open what the walk found into @file. */
static int do_open(struct nameidata *nd, struct file *file, int flags, bool created)
{
	struct inode *inode = nd->path.dentry->d_inode;
	int acc_mode = open_acc_mode(flags);
	int err;

	if (S_ISLNK(inode->i_mode))
		return -ELOOP;		/* O_NOFOLLOW on a symlink */
	if ((flags & O_DIRECTORY || nd->flags & LOOKUP_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if ((flags & O_CREAT) && S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (S_ISDIR(inode->i_mode) && (acc_mode & MAY_WRITE))
		return -EISDIR;
	if (!created) {
		err = inode_permission(inode, acc_mode);
		if (err)
			return err;
	}
	err = vfs_open(&nd->path, file);
	if (err)
		return err;
	if ((flags & O_TRUNC) && S_ISREG(inode->i_mode) && !created) {
		struct iattr attr = {
			.ia_valid = ATTR_SIZE | ATTR_MTIME | ATTR_CTIME | ATTR_FILE | ATTR_FORCE,
			.ia_size = 0, .ia_file = file,
		};

		inode_lock(inode);
		err = notify_change(nd->path.dentry, &attr);
		inode_unlock(inode);
	}
	return err;
}

struct file *do_filp_open(int dfd, struct filename *pathname, int flags, umode_t mode,
			  const struct path *root)
{
	struct nameidata nd = { .flags = (flags & O_NOFOLLOW) ? 0 : LOOKUP_FOLLOW };
	bool created = false;
	struct file *file;
	const char *s;
	int err;

	if (IS_ERR(pathname))
		return ERR_CAST(pathname);
	if (!*pathname->name)
		return ERR_PTR(-ENOENT);
	file = alloc_empty_file(flags);
	if (IS_ERR(file))
		return file;
	s = path_init(&nd, dfd, pathname->name, root, NULL);
	err = IS_ERR(s) ? PTR_ERR(s) : 0;
	while (!err) {
		err = link_path_walk(s, &nd);
		if (err)
			break;
		s = open_last_lookups(&nd, flags, mode, &created);
		if (!s)
			break;
		err = PTR_ERR_OR_ZERO(s);
	}
	if (!err)
		err = do_open(&nd, file, flags, created);
	terminate_walk(&nd);
	if (err) {
		fput(file);
		return ERR_PTR(err);
	}
	return file;
}

void names_cache_init(void)
{
	names_cachep = kmem_cache_create("names_cache", PATH_MAX, 0,
					 SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
}

/*
 * ---- the system calls ------------------------------------------------------
 *
 * Each copies its user names with getname() (-EFAULT, -ENAMETOOLONG) and
 * calls the do_* above on the kernel copies; the names are freed on every
 * path (putname() takes an error pointer too).
 */

SYSCALL_DEFINE4(mknodat, int, dfd, const char __user *, filename, umode_t, mode,
		unsigned int, dev)
{
	struct filename *name = getname(filename);
	long ret = IS_ERR(name) ? PTR_ERR(name) : do_mknodat(dfd, name->name, mode, dev);

	putname(name);
	return ret;
}

SYSCALL_DEFINE3(mknod, const char __user *, filename, umode_t, mode, unsigned int, dev)
{
	return __do_sys_mknodat(AT_FDCWD, filename, mode, dev);
}

SYSCALL_DEFINE3(mkdirat, int, dfd, const char __user *, pathname, umode_t, mode)
{
	struct filename *name = getname(pathname);
	long ret = IS_ERR(name) ? PTR_ERR(name) : do_mkdirat(dfd, name->name, mode);

	putname(name);
	return ret;
}

SYSCALL_DEFINE2(mkdir, const char __user *, pathname, umode_t, mode)
{
	return __do_sys_mkdirat(AT_FDCWD, pathname, mode);
}

SYSCALL_DEFINE3(unlinkat, int, dfd, const char __user *, pathname, int, flag)
{
	struct filename *name;
	long ret;

	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	name = getname(pathname);
	if (IS_ERR(name))
		return PTR_ERR(name);
	ret = flag & AT_REMOVEDIR ? do_rmdir(dfd, name->name) : do_unlinkat(dfd, name->name);
	putname(name);
	return ret;
}

SYSCALL_DEFINE1(unlink, const char __user *, pathname)
{
	return __do_sys_unlinkat(AT_FDCWD, pathname, 0);
}

SYSCALL_DEFINE1(rmdir, const char __user *, pathname)
{
	return __do_sys_unlinkat(AT_FDCWD, pathname, AT_REMOVEDIR);
}

/* Both names of a rename, link or symlink: 0 with @from and @to set, or -errno with none. */
static int getname_pair(const char __user *oldname, const char __user *newname,
			struct filename **from, struct filename **to)
{
	*to = NULL;
	*from = getname(oldname);
	if (IS_ERR(*from))
		return PTR_ERR(*from);
	*to = getname(newname);
	if (!IS_ERR(*to))
		return 0;
	putname(*from);
	return PTR_ERR(*to);
}

SYSCALL_DEFINE5(renameat2, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, unsigned int, flags)
{
	struct filename *from, *to;
	long ret = getname_pair(oldname, newname, &from, &to);

	if (ret)
		return ret;
	ret = do_renameat2(olddfd, from->name, newdfd, to->name, flags);
	putname(to);
	putname(from);
	return ret;
}

SYSCALL_DEFINE4(renameat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return __do_sys_renameat2(olddfd, oldname, newdfd, newname, 0);
}

SYSCALL_DEFINE2(rename, const char __user *, oldname, const char __user *, newname)
{
	return __do_sys_renameat2(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

SYSCALL_DEFINE5(linkat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, int, flags)
{
	struct filename *from, *to;
	long ret = getname_pair(oldname, newname, &from, &to);

	if (ret)
		return ret;
	ret = do_linkat(olddfd, from->name, newdfd, to->name, flags);
	putname(to);
	putname(from);
	return ret;
}

SYSCALL_DEFINE2(link, const char __user *, oldname, const char __user *, newname)
{
	return __do_sys_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

SYSCALL_DEFINE3(symlinkat, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	struct filename *from, *to;
	long ret = getname_pair(oldname, newname, &from, &to);

	if (ret)
		return ret;
	ret = do_symlinkat(from->name, newdfd, to->name);
	putname(to);
	putname(from);
	return ret;
}

SYSCALL_DEFINE2(symlink, const char __user *, oldname, const char __user *, newname)
{
	return __do_sys_symlinkat(oldname, AT_FDCWD, newname);
}

/* The body goes through a kernel buffer of at most PATH_MAX bytes (no body is longer). */
SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, pathname, char __user *, buf,
		int, bufsiz)
{
	struct filename *name;
	char *kbuf;
	long ret;

	if (bufsiz <= 0)
		return -EINVAL;
	bufsiz = min(bufsiz, PATH_MAX);
	name = getname(pathname);
	if (IS_ERR(name))
		return PTR_ERR(name);
	ret = -ENOMEM;
	kbuf = kmalloc(bufsiz, GFP_KERNEL);
	if (kbuf) {
		ret = do_readlinkat(dfd, name->name, kbuf, bufsiz);
		if (ret > 0 && copy_to_user(buf, kbuf, ret))
			ret = -EFAULT;
		kfree(kbuf);
	}
	putname(name);
	return ret;
}

SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf, int, bufsiz)
{
	return __do_sys_readlinkat(AT_FDCWD, path, buf, bufsiz);
}
