// SPDX-License-Identifier: GPL-2.0
/*
 * stat, statx and statfs (Linux's fs/stat.c, fs/statfs.c): vfs_getattr()
 * asks the file system's ->getattr() or copies the inode's fields
 * (generic_fillattr()); result_mask says which fields are real
 * (STATX_BASIC_STATS today).
 *
 * The system calls copy a struct kstat out in the user's layout: struct
 * stat (asm/stat.h) for stat, lstat, fstat and newfstatat, struct statx
 * (linux/stat.h), struct statfs (linux/statfs.h); device numbers in
 * new_encode_dev() form, or major and minor apart for statx.
 */
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/namei.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/mount.h>
#include <linux/kdev_t.h>
#include <linux/stat.h>
#include <linux/statfs.h>
#include <linux/syscalls.h>
#include <asm/stat.h>
#include <asm/uaccess.h>

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

/* The mount's flags as statfs's ST_* (Linux's calculate_f_flags()). */
static long statfs_flags(const struct vfsmount *mnt)
{
	return ST_VALID | (mnt->mnt_flags & MNT_READONLY ? ST_RDONLY : 0) |
	       (mnt->mnt_flags & MNT_NOSUID ? ST_NOSUID : 0) |
	       (mnt->mnt_flags & MNT_NODEV ? ST_NODEV : 0) |
	       (mnt->mnt_flags & MNT_NOEXEC ? ST_NOEXEC : 0) |
	       (mnt->mnt_sb->s_flags & SB_RDONLY ? ST_RDONLY : 0);
}

int vfs_statfs(const struct path *path, struct kstatfs *buf)
{
	struct dentry *dentry = path->dentry;

	memset(buf, 0, sizeof(*buf));
	if (!dentry->d_sb->s_op->statfs)
		return -ENOSYS;
	buf->f_frsize = buf->f_bsize = dentry->d_sb->s_blocksize;
	buf->f_flags = statfs_flags(path->mnt);
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

/* ---- the system calls ------------------------------------------------------ */

static int cp_new_stat(const struct kstat *stat, struct stat __user *statbuf)
{
	struct stat tmp = {
		.st_dev = new_encode_dev(stat->dev),
		.st_ino = stat->ino,
		.st_nlink = stat->nlink,
		.st_mode = stat->mode,
		.st_uid = stat->uid,
		.st_gid = stat->gid,
		.st_rdev = new_encode_dev(stat->rdev),
		.st_size = stat->size,
		.st_blksize = stat->blksize,
		.st_blocks = stat->blocks,
		.st_atime = stat->atime.tv_sec,
		.st_atime_nsec = stat->atime.tv_nsec,
		.st_mtime = stat->mtime.tv_sec,
		.st_mtime_nsec = stat->mtime.tv_nsec,
		.st_ctime = stat->ctime.tv_sec,
		.st_ctime_nsec = stat->ctime.tv_nsec,
	};

	return copy_to_user(statbuf, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, filename,
		struct stat __user *, statbuf, int, flag)
{
	struct filename *name = getname(filename);
	struct kstat stat;
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = vfs_fstatat(dfd, name->name, &stat, flag);
	putname(name);
	return err ?: cp_new_stat(&stat, statbuf);
}

SYSCALL_DEFINE2(stat, const char __user *, filename, struct stat __user *, statbuf)
{
	return __do_sys_newfstatat(AT_FDCWD, filename, statbuf, 0);
}

SYSCALL_DEFINE2(lstat, const char __user *, filename, struct stat __user *, statbuf)
{
	return __do_sys_newfstatat(AT_FDCWD, filename, statbuf, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE2(fstat, unsigned int, fd, struct stat __user *, statbuf)
{
	struct kstat stat;

	return vfs_fstat(fd, &stat) ?: cp_new_stat(&stat, statbuf);
}

static struct statx_timestamp statx_time(struct timespec64 ts)
{
	return (struct statx_timestamp){ .tv_sec = ts.tv_sec, .tv_nsec = ts.tv_nsec };
}

static int cp_statx(const struct kstat *stat, struct statx __user *buffer)
{
	struct statx tmp = {
		.stx_mask = stat->result_mask,
		.stx_blksize = stat->blksize,
		.stx_attributes = stat->attributes,
		.stx_nlink = stat->nlink,
		.stx_uid = stat->uid,
		.stx_gid = stat->gid,
		.stx_mode = stat->mode,
		.stx_ino = stat->ino,
		.stx_size = stat->size,
		.stx_blocks = stat->blocks,
		.stx_attributes_mask = stat->attributes_mask,
		.stx_atime = statx_time(stat->atime),
		.stx_btime = statx_time(stat->btime),
		.stx_ctime = statx_time(stat->ctime),
		.stx_mtime = statx_time(stat->mtime),
		.stx_rdev_major = MAJOR(stat->rdev),
		.stx_rdev_minor = MINOR(stat->rdev),
		.stx_dev_major = MAJOR(stat->dev),
		.stx_dev_minor = MINOR(stat->dev),
	};

	return copy_to_user(buffer, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

SYSCALL_DEFINE5(statx, int, dfd, const char __user *, filename, unsigned int, flags,
		unsigned int, mask, struct statx __user *, buffer)
{
	struct filename *name;
	struct kstat stat;
	long err;

	if (mask & STATX__RESERVED)
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
		return -EINVAL;
	name = getname(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = vfs_statx(dfd, name->name, flags & ~AT_STATX_SYNC_TYPE, &stat, mask);
	putname(name);
	return err ?: cp_statx(&stat, buffer);
}

static int cp_statfs(const struct kstatfs *st, struct statfs __user *buf)
{
	struct statfs tmp = {
		.f_type = st->f_type,
		.f_bsize = st->f_bsize,
		.f_blocks = st->f_blocks,
		.f_bfree = st->f_bfree,
		.f_bavail = st->f_bavail,
		.f_files = st->f_files,
		.f_ffree = st->f_ffree,
		.f_fsid.val = { (int)st->f_fsid, (int)(st->f_fsid >> 32) },
		.f_namelen = st->f_namelen,
		.f_frsize = st->f_frsize,
		.f_flags = st->f_flags,
	};

	return copy_to_user(buf, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(statfs, const char __user *, pathname, struct statfs __user *, buf)
{
	struct filename *name = getname(pathname);
	struct kstatfs st;
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = ksys_statfs(name->name, &st);
	putname(name);
	return err ?: cp_statfs(&st, buf);
}

SYSCALL_DEFINE2(fstatfs, unsigned int, fd, struct statfs __user *, buf)
{
	struct kstatfs st;

	return ksys_fstatfs(fd, &st) ?: cp_statfs(&st, buf);
}
