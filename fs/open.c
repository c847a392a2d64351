// SPDX-License-Identifier: GPL-2.0
/*
 * Opening and closing files, and the attribute calls by path or file
 * (Linux's fs/open.c): filp_open()/do_sys_open() go through
 * do_filp_open() (fs/namei.c), which ends in vfs_open() here; chmod,
 * chown, truncate, fallocate, access, utimes, chdir and chroot.
 *
 * The layering (include/linux/fs.h): do_* and ksys_* take kernel
 * strings and fds; the system calls at the end of the file copy the
 * user's names first (getname()). filp_open() and the init_* calls
 * (fs/init.c) are the kernel's own entry points.
 *
 * chdir and chroot change the calling task's fs_struct; every kernel
 * thread shares init_fs today, so they change it for all of them.
 */
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/namei.h>
#include <linux/mount.h>
#include <linux/cred.h>
#include <linux/falloc.h>
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include "internal.h"

int vfs_open(const struct path *path, struct file *file)
{
	struct inode *inode = path->dentry->d_inode;
	int err;

	file->f_path = *path;
	path_get(path);
	file->f_inode = inode;
	file->f_mapping = inode->i_mapping;
	file->f_op = inode->i_fop;
	file->f_mode = OPEN_FMODE(file->f_flags) | FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	if (S_ISREG(inode->i_mode) || S_ISDIR(inode->i_mode))
		file->f_mode |= FMODE_ATOMIC_POS;
	if (!file->f_op)
		return -ENODEV;
	if (file->f_op->open) {
		err = file->f_op->open(inode, file);
		if (err)
			return err;
	}
	/* After ->open(), as Linux's: a tty's open looks at O_NOCTTY. */
	file->f_flags &= ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC);
	file->f_mode |= FMODE_OPENED;
	return 0;
}

int nonseekable_open(struct inode *inode, struct file *filp)
{
	filp->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	return 0;
}

struct file *dentry_open(const struct path *path, int flags)
{
	struct file *f = alloc_empty_file(flags);
	int err;

	if (IS_ERR(f))
		return f;
	err = vfs_open(path, f);
	if (err) {
		fput(f);
		return ERR_PTR(err);
	}
	return f;
}

struct file *filp_open(const char *filename, int flags, umode_t mode)
{
	struct filename *name = getname_kernel(filename);
	struct file *file = do_filp_open(AT_FDCWD, name, flags, mode, NULL);

	putname(name);
	return file;
}

int filp_close(struct file *file, void *id)
{
	if (WARN_ON_ONCE(atomic_long_read(&file->f_count) <= 0))
		return 0;
	fput(file);
	return 0;
}

long do_sys_open(int dfd, const char *filename, int flags, umode_t mode)
{
	struct filename *name;
	struct file *f;
	int fd;

	mode = (flags & O_CREAT) ? mode & S_IALLUGO : 0;
	name = getname_kernel(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	fd = get_unused_fd_flags(flags);
	if (fd >= 0) {
		f = do_filp_open(dfd, name, flags, mode, NULL);
		if (IS_ERR(f)) {
			put_unused_fd(fd);
			fd = PTR_ERR(f);
		} else {
			fd_install(fd, f);
		}
	}
	putname(name);
	return fd;
}

int ksys_close(unsigned int fd)
{
	return close_fd(fd);
}

/* ---- attributes --------------------------------------------------------- */

static int chmod_common(const struct path *path, umode_t mode)
{
	struct inode *inode = path->dentry->d_inode;
	struct iattr attr = { .ia_valid = ATTR_MODE | ATTR_CTIME };
	int err;

	inode_lock(inode);
	attr.ia_mode = (mode & S_IALLUGO) | (inode->i_mode & ~S_IALLUGO);
	err = notify_change(path->dentry, &attr);
	inode_unlock(inode);
	return err;
}

static int chown_common(const struct path *path, uid_t user, gid_t group)
{
	struct inode *inode = path->dentry->d_inode;
	struct iattr attr = { .ia_valid = ATTR_CTIME, .ia_uid = user, .ia_gid = group };
	int err;

	if (user != (uid_t)-1)
		attr.ia_valid |= ATTR_UID;
	if (group != (gid_t)-1)
		attr.ia_valid |= ATTR_GID;
	if (!S_ISDIR(inode->i_mode))
		attr.ia_valid |= ATTR_KILL_SUID | ATTR_KILL_SGID;
	inode_lock(inode);
	err = notify_change(path->dentry, &attr);
	inode_unlock(inode);
	return err;
}

int vfs_fchmod(struct file *file, umode_t mode)
{
	return chmod_common(&file->f_path, mode);
}

int vfs_fchown(struct file *file, uid_t user, gid_t group)
{
	return chown_common(&file->f_path, user, group);
}

int do_fchmodat(int dfd, const char *filename, umode_t mode)
{
	struct path path;
	int err = user_path_at(dfd, filename, LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	err = chmod_common(&path, mode);
	path_put(&path);
	return err;
}

int do_fchownat(int dfd, const char *filename, uid_t user, gid_t group, int flag)
{
	struct path path;
	int err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(dfd, filename, (flag & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW) |
			   (flag & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0), &path);
	if (err)
		return err;
	err = chown_common(&path, user, group);
	path_put(&path);
	return err;
}

/* Linux checks access() with the real ids; with no setuid programs yet they equal the fs ids. */
int do_faccessat(int dfd, const char *filename, int mode, int flags)
{
	struct path path;
	int err;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(dfd, filename, (flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW) |
			   (flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0), &path);
	if (err)
		return err;
	if (mode)
		err = inode_permission(path.dentry->d_inode, mode);
	path_put(&path);
	return err;
}

int vfs_utimes(const struct path *path, struct timespec64 *times)
{
	struct inode *inode = path->dentry->d_inode;
	struct iattr attr = { .ia_valid = ATTR_CTIME | ATTR_ATIME | ATTR_MTIME };
	int err;

	if (times && times[0].tv_nsec == UTIME_NOW && times[1].tv_nsec == UTIME_NOW)
		times = NULL;
	if (!times) {
		attr.ia_valid |= ATTR_TOUCH;
	} else {
		if (times[0].tv_nsec == UTIME_OMIT)
			attr.ia_valid &= ~ATTR_ATIME;
		else if (times[0].tv_nsec != UTIME_NOW)
			attr.ia_valid |= ATTR_ATIME_SET;
		if (times[1].tv_nsec == UTIME_OMIT)
			attr.ia_valid &= ~ATTR_MTIME;
		else if (times[1].tv_nsec != UTIME_NOW)
			attr.ia_valid |= ATTR_MTIME_SET;
		attr.ia_atime = times[0];
		attr.ia_mtime = times[1];
		if ((attr.ia_valid & ATTR_ATIME_SET && (u64)times[0].tv_nsec >= NSEC_PER_SEC) ||
		    (attr.ia_valid & ATTR_MTIME_SET && (u64)times[1].tv_nsec >= NSEC_PER_SEC))
			return -EINVAL;
	}
	inode_lock(inode);
	err = notify_change(path->dentry, &attr);
	inode_unlock(inode);
	return err;
}

int do_utimes(int dfd, const char *filename, struct timespec64 *times, int flags)
{
	struct path path;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(dfd, filename, (flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW) |
			   (flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0), &path);
	if (err)
		return err;
	err = vfs_utimes(&path, times);
	path_put(&path);
	return err;
}

/* ---- size --------------------------------------------------------------- */

static int do_truncate(struct dentry *dentry, loff_t length, struct file *filp)
{
	struct iattr attr = {
		.ia_valid = ATTR_SIZE | ATTR_MTIME | ATTR_CTIME | ATTR_FORCE,
		.ia_size = length,
	};
	int err;

	if (length < 0)
		return -EINVAL;
	if (filp) {
		attr.ia_valid |= ATTR_FILE;
		attr.ia_file = filp;
	}
	inode_lock(dentry->d_inode);
	err = notify_change(dentry, &attr);
	inode_unlock(dentry->d_inode);
	return err;
}

long vfs_truncate(const struct path *path, loff_t length)
{
	struct inode *inode = path->dentry->d_inode;
	int err;

	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	err = inode_permission(inode, MAY_WRITE);
	if (err)
		return err;
	return do_truncate(path->dentry, length, NULL);
}

long do_sys_truncate(const char *pathname, loff_t length)
{
	struct path path;
	long err;

	if (length < 0)
		return -EINVAL;
	err = kern_path(pathname, LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	err = vfs_truncate(&path, length);
	path_put(&path);
	return err;
}

long do_sys_ftruncate(unsigned int fd, loff_t length)
{
	struct file *f = fget(fd);
	long err = -EINVAL;

	if (!f)
		return -EBADF;
	if (length >= 0 && S_ISREG(file_inode(f)->i_mode) && (f->f_mode & FMODE_WRITE))
		err = do_truncate(f->f_path.dentry, length, f);
	fput(f);
	return err;
}

int vfs_fallocate(struct file *file, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = file_inode(file);

	if (offset < 0 || len <= 0)
		return -EINVAL;
	if (mode & ~(FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE))
		return -EOPNOTSUPP;
	if ((mode & FALLOC_FL_PUNCH_HOLE) && !(mode & FALLOC_FL_KEEP_SIZE))
		return -EOPNOTSUPP;
	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -ENODEV;
	if (len > inode->i_sb->s_maxbytes - offset)
		return -EFBIG;
	if (!file->f_op->fallocate)
		return -EOPNOTSUPP;
	return file->f_op->fallocate(file, mode, offset, len);
}

int ksys_fallocate(int fd, int mode, loff_t offset, loff_t len)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = vfs_fallocate(f, mode, offset, len);
	fput(f);
	return err;
}

/* ---- cwd and root -------------------------------------------------------- */

/* Make @path the caller's root or cwd, if it may search it (and, for a root, is root). */
static int set_cwd_or_root(const struct path *path, bool root)
{
	int err = inode_permission(path->dentry->d_inode, MAY_EXEC);

	if (err)
		return err;
	if (root && !capable(CAP_SYS_CHROOT))
		return -EPERM;
	if (root)
		set_fs_root(current->fs, path);
	else
		set_fs_pwd(current->fs, path);
	return 0;
}

static int chdir_or_chroot(const char *filename, bool root)
{
	struct path path;
	int err = kern_path(filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (err)
		return err;
	err = set_cwd_or_root(&path, root);
	path_put(&path);
	return err;
}

int ksys_chdir(const char *filename)
{
	return chdir_or_chroot(filename, false);
}

int ksys_chroot(const char *filename)
{
	return chdir_or_chroot(filename, true);
}

int ksys_fchdir(unsigned int fd)
{
	struct file *f = fget(fd);
	int err = -ENOTDIR;

	if (!f)
		return -EBADF;
	if (d_is_dir(f->f_path.dentry))
		err = set_cwd_or_root(&f->f_path, false);
	fput(f);
	return err;
}

/*
 * ---- the system calls ------------------------------------------------------
 *
 * User names are copied with getname() and passed to the calls above;
 * the forms without "at" are the "at" ones from AT_FDCWD, as Linux's.
 */

SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags, umode_t, mode)
{
	struct filename *name = getname(filename);
	long ret;

	if (IS_ERR(name))
		return PTR_ERR(name);
	/* a 64-bit kernel opens every file as large (Linux's force_o_largefile()) */
	ret = do_sys_open(dfd, name->name, flags | O_LARGEFILE, mode);
	putname(name);
	return ret;
}

SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, umode_t, mode)
{
	return __do_sys_openat(AT_FDCWD, filename, flags, mode);
}

SYSCALL_DEFINE2(creat, const char __user *, pathname, umode_t, mode)
{
	return __do_sys_openat(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return ksys_close(fd);
}

SYSCALL_DEFINE2(truncate, const char __user *, path, long, length)
{
	struct filename *name = getname(path);
	long ret = IS_ERR(name) ? PTR_ERR(name) : do_sys_truncate(name->name, length);

	putname(name);
	return ret;
}

SYSCALL_DEFINE2(ftruncate, unsigned int, fd, unsigned long, length)
{
	return do_sys_ftruncate(fd, length);
}

SYSCALL_DEFINE4(fallocate, int, fd, int, mode, loff_t, offset, loff_t, len)
{
	return ksys_fallocate(fd, mode, offset, len);
}

/* fchmod and fchown: the attribute call on an open file. */
static long file_attr_call(unsigned int fd, umode_t mode, uid_t user, gid_t group, bool chown)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	ret = chown ? vfs_fchown(f, user, group) : vfs_fchmod(f, mode);
	fput(f);
	return ret;
}

SYSCALL_DEFINE2(fchmod, unsigned int, fd, umode_t, mode)
{
	return file_attr_call(fd, mode, 0, 0, false);
}

SYSCALL_DEFINE3(fchmodat, int, dfd, const char __user *, filename, umode_t, mode)
{
	struct filename *name = getname(filename);
	long ret = IS_ERR(name) ? PTR_ERR(name) : do_fchmodat(dfd, name->name, mode);

	putname(name);
	return ret;
}

SYSCALL_DEFINE2(chmod, const char __user *, filename, umode_t, mode)
{
	return __do_sys_fchmodat(AT_FDCWD, filename, mode);
}

SYSCALL_DEFINE3(fchown, unsigned int, fd, uid_t, user, gid_t, group)
{
	return file_attr_call(fd, 0, user, group, true);
}

SYSCALL_DEFINE5(fchownat, int, dfd, const char __user *, filename, uid_t, user, gid_t, group,
		int, flag)
{
	struct filename *name = getname(filename);
	long ret = IS_ERR(name) ? PTR_ERR(name) :
		   do_fchownat(dfd, name->name, user, group, flag);

	putname(name);
	return ret;
}

SYSCALL_DEFINE3(chown, const char __user *, filename, uid_t, user, gid_t, group)
{
	return __do_sys_fchownat(AT_FDCWD, filename, user, group, 0);
}

SYSCALL_DEFINE3(lchown, const char __user *, filename, uid_t, user, gid_t, group)
{
	return __do_sys_fchownat(AT_FDCWD, filename, user, group, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE4(faccessat2, int, dfd, const char __user *, filename, int, mode, int, flags)
{
	struct filename *name = getname(filename);
	long ret = IS_ERR(name) ? PTR_ERR(name) : do_faccessat(dfd, name->name, mode, flags);

	putname(name);
	return ret;
}

SYSCALL_DEFINE3(faccessat, int, dfd, const char __user *, filename, int, mode)
{
	return __do_sys_faccessat2(dfd, filename, mode, 0);
}

SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
	return __do_sys_faccessat2(AT_FDCWD, filename, mode, 0);
}

SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
	struct filename *name = getname(filename);
	long ret = IS_ERR(name) ? PTR_ERR(name) : ksys_chdir(name->name);

	putname(name);
	return ret;
}

SYSCALL_DEFINE1(fchdir, unsigned int, fd)
{
	return ksys_fchdir(fd);
}

SYSCALL_DEFINE1(chroot, const char __user *, filename)
{
	struct filename *name = getname(filename);
	long ret = IS_ERR(name) ? PTR_ERR(name) : ksys_chroot(name->name);

	putname(name);
	return ret;
}
