// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers for file systems that live in the dcache (Linux's fs/libfs.c):
 * tmpfs today, procfs, sysfs and debugfs next. Their directories are
 * exactly the positive dentries below them, each pinned by an extra
 * reference taken at creation (d_instantiate() + dget()) and dropped by
 * simple_unlink(); lookups of a missing name answer a negative dentry.
 *
 * dcache_readdir() numbers entries: position 0 is ".", 1 "..", 2 + n the
 * n-th positive child on d_subdirs (newest first). Linux keeps a cursor
 * dentry in the list instead; positions here are stable as long as the
 * directory does not change between two getdents calls, and an entry
 * removed meanwhile can make the next call skip one (which POSIX allows
 * for entries changed during a readdir). Each entry is found again from
 * the start under dcache_lock and emitted without it (the actor may copy
 * to user memory): a directory of n entries costs n^2/2 steps to read.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/namei.h>
#include <linux/string.h>
#include <linux/errno.h>

struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags)
{
	if (dentry->d_name.len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	d_add(dentry, NULL);
	return NULL;
}

static void dir_touch(struct inode *dir)
{
	dir->i_mtime = dir->i_ctime = current_time(dir);
}

int simple_link(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = old_dentry->d_inode;

	inode->i_ctime = current_time(inode);
	dir_touch(dir);
	inc_nlink(inode);
	ihold(inode);
	dget(dentry);		/* the pin */
	d_instantiate(dentry, inode);
	return 0;
}

int simple_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	inode->i_ctime = current_time(inode);
	dir_touch(dir);
	drop_nlink(inode);
	dput(dentry);		/* the pin */
	return 0;
}

bool simple_empty(struct dentry *dentry)
{
	struct dentry *child;
	bool empty = true;

	spin_lock(&dcache_lock);
	list_for_each_entry(child, &dentry->d_subdirs, d_child) {
		if (child->d_inode) {
			empty = false;
			break;
		}
	}
	spin_unlock(&dcache_lock);
	return empty;
}

int simple_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	drop_nlink(dentry->d_inode);	/* its "." */
	simple_unlink(dir, dentry);
	drop_nlink(dir);		/* its ".." */
	return 0;
}

static void rename_touch(struct inode *old_dir, struct dentry *old_dentry,
			 struct inode *new_dir, struct dentry *new_dentry)
{
	struct timespec64 now = current_time(old_dir);

	old_dir->i_mtime = old_dir->i_ctime = now;
	new_dir->i_mtime = new_dir->i_ctime = now;
	old_dentry->d_inode->i_ctime = now;
	if (new_dentry->d_inode)
		new_dentry->d_inode->i_ctime = now;
}

static int simple_rename_exchange(struct inode *old_dir, struct dentry *old_dentry,
				  struct inode *new_dir, struct dentry *new_dentry)
{
	bool old_is_dir = d_is_dir(old_dentry), new_is_dir = d_is_dir(new_dentry);

	/* A directory moving between parents moves its ".." link with it. */
	if (old_dir != new_dir && old_is_dir != new_is_dir) {
		if (old_is_dir) {
			drop_nlink(old_dir);
			inc_nlink(new_dir);
		} else {
			drop_nlink(new_dir);
			inc_nlink(old_dir);
		}
	}
	rename_touch(old_dir, old_dentry, new_dir, new_dentry);
	return 0;
}

int simple_rename(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
		  struct dentry *new_dentry, unsigned int flags)
{
	bool they_are_dirs = d_is_dir(old_dentry);

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE))
		return -EINVAL;
	if (flags & RENAME_EXCHANGE)
		return simple_rename_exchange(old_dir, old_dentry, new_dir, new_dentry);
	if (!simple_empty(new_dentry))
		return -ENOTEMPTY;
	rename_touch(old_dir, old_dentry, new_dir, new_dentry);
	if (d_really_is_positive(new_dentry)) {
		simple_unlink(new_dir, new_dentry);
		if (they_are_dirs) {
			drop_nlink(new_dentry->d_inode);
			drop_nlink(old_dir);
		}
	} else if (they_are_dirs) {
		drop_nlink(old_dir);
		inc_nlink(new_dir);
	}
	return 0;
}

int simple_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
		   unsigned int query_flags)
{
	generic_fillattr(request_mask, path->dentry->d_inode, stat);
	return 0;
}

int simple_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	buf->f_type = dentry->d_sb->s_magic;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	return 0;
}

/* The n-th positive child of @dir: its name copied to @name, its number and type. */
static bool nth_child(struct dentry *dir, loff_t n, char *name, int *len, u64 *ino,
		      unsigned int *type)
{
	struct dentry *child;

	spin_lock(&dcache_lock);
	list_for_each_entry(child, &dir->d_subdirs, d_child) {
		if (!child->d_inode || d_unhashed(child) || n--)
			continue;
		*len = child->d_name.len;
		memcpy(name, child->d_name.name, *len);
		*ino = child->d_inode->i_ino;
		*type = dt_type(child->d_inode);
		spin_unlock(&dcache_lock);
		return true;
	}
	spin_unlock(&dcache_lock);
	return false;
}

int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dir = file->f_path.dentry;
	char name[NAME_MAX + 1];
	unsigned int type;
	u64 ino;
	int len;

	if (!dir_emit_dots(file, ctx))
		return 0;
	while (nth_child(dir, ctx->pos - 2, name, &len, &ino, &type)) {
		if (!dir_emit(ctx, name, len, ino, type))
			break;
		ctx->pos++;
	}
	return 0;
}

const char *simple_get_link(struct dentry *dentry, struct inode *inode)
{
	return inode->i_link;
}

ssize_t generic_read_dir(struct kiocb *iocb, struct iov_iter *iter)
{
	return -EISDIR;
}

static loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence)
{
	if (whence == SEEK_CUR)
		offset += file->f_pos;
	else if (whence != SEEK_SET)
		return -EINVAL;
	return vfs_setpos(file, offset, MAX_LFS_FILESIZE);
}

const struct file_operations simple_dir_operations = {
	.llseek = dcache_dir_lseek,
	.read_iter = generic_read_dir,
	.iterate_shared = dcache_readdir,
};

const struct inode_operations simple_dir_inode_operations = {
	.lookup = simple_lookup,
};

const struct inode_operations simple_symlink_inode_operations = {
	.get_link = simple_get_link,
};

/*
 * @sb's super operations @ops (if any), then its root: a directory only
 * root may enter, as Linux's pseudo file systems'.
 */
static int pseudo_fill_super(struct super_block *sb, void *ops, int silent)
{
	struct inode *root;

	if (ops)
		sb->s_op = ops;
	root = new_inode(sb);
	if (!root)
		return -ENOMEM;
	root->i_ino = 1;
	root->i_mode = S_IFDIR | S_IRUSR | S_IWUSR;
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

struct dentry *mount_pseudo(struct file_system_type *fs_type,
			    const struct super_operations *ops, unsigned long magic)
{
	struct dentry *root = mount_nodev(fs_type, SB_KERNMOUNT, (void *)ops, pseudo_fill_super);

	if (!IS_ERR(root))
		root->d_sb->s_magic = magic;
	return root;
}
