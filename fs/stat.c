// SPDX-License-Identifier: GPL-2.0
/*
 * stat, statx and statfs (Linux's fs/stat.c, fs/statfs.c): vfs_getattr()
 * asks the file system's ->getattr() or copies the inode's fields
 * (generic_fillattr()); result_mask says which fields are real
 * (STATX_BASIC_STATS today).
 */
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/namei.h>
#include <linux/string.h>
#include <linux/errno.h>

void generic_fillattr(u32 request_mask, struct inode *inode, struct kstat *stat)
{
	stat->result_mask = STATX_BASIC_STATS;
	stat->dev = inode->i_sb->s_dev;
	stat->ino = inode->i_ino;
	stat->mode = inode->i_mode;
	stat->nlink = inode->i_nlink;
	stat->uid = inode->i_uid;
	stat->gid = inode->i_gid;
	stat->rdev = inode->i_rdev;
	stat->size = i_size_read(inode);
	stat->atime = inode->i_atime;
	stat->mtime = inode->i_mtime;
	stat->ctime = inode->i_ctime;
	stat->blksize = 1U << inode->i_sb->s_blocksize_bits;
	spin_lock(&inode->i_lock);
	stat->blocks = inode->i_blocks;
	spin_unlock(&inode->i_lock);
}

int vfs_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
		unsigned int query_flags)
{
	struct inode *inode = path->dentry->d_inode;

	memset(stat, 0, sizeof(*stat));
	if (inode->i_op->getattr)
		return inode->i_op->getattr(path, stat, request_mask, query_flags);
	generic_fillattr(request_mask, inode, stat);
	return 0;
}

int vfs_fstat(int fd, struct kstat *stat)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = vfs_getattr(&f->f_path, stat, STATX_BASIC_STATS, 0);
	fput(f);
	return err;
}

int vfs_statx(int dfd, const char *filename, int flags, struct kstat *stat, u32 request_mask)
{
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	struct path path;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup_flags &= ~LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	err = user_path_at(dfd, filename, lookup_flags, &path);
	if (err)
		return err;
	err = vfs_getattr(&path, stat, request_mask, flags);
	path_put(&path);
	return err;
}

int vfs_fstatat(int dfd, const char *filename, struct kstat *stat, int flags)
{
	return vfs_statx(dfd, filename, flags, stat, STATX_BASIC_STATS);
}

int vfs_statfs(const struct path *path, struct kstatfs *buf)
{
	struct dentry *dentry = path->dentry;

	memset(buf, 0, sizeof(*buf));
	if (!dentry->d_sb->s_op->statfs)
		return -ENOSYS;
	buf->f_frsize = buf->f_bsize = dentry->d_sb->s_blocksize;
	return dentry->d_sb->s_op->statfs(dentry, buf);
}

int ksys_statfs(const char *pathname, struct kstatfs *st)
{
	struct path path;
	int err = kern_path(pathname, LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	err = vfs_statfs(&path, st);
	path_put(&path);
	return err;
}

int ksys_fstatfs(unsigned int fd, struct kstatfs *st)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = vfs_statfs(&f->f_path, st);
	fput(f);
	return err;
}
