/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The virtual file system's objects and calls (fs/, mm/shmem.c,
 * mm/filemap.c), in Linux's shape:
 *
 *   file_system_type --mount--> super_block --s_root--> dentry tree
 *                                   |                      | d_inode
 *                                   +--s_inodes--> inode <-+
 *                                                   | i_mapping
 *   file --f_path (mount, dentry), f_inode ------>  address_space (page cache)
 *
 * An inode is the file itself: mode, owner, size, times, link count, its
 * operations (i_op for names, i_fop for open files) and its page cache.
 * A super block is a mounted file system's instance; struct file is an
 * open file, with its position and open mode; fd tables (fdtable.h) map
 * small integers to files.
 *
 * Reference counts: inode->i_count (iput() at zero evicts the inode when
 * it has no links or no hash, as every inode today: see fs/inode.c),
 * file->f_count (fput()), super_block->s_active (one per mount).
 *
 * Locking, outermost first:
 *   sb->s_vfs_rename_mutex   cross-directory renames (lock_rename())
 *   inode->i_rwsem           a directory's entries, a file's size and data;
 *                            parent before child (I_MUTEX_PARENT/CHILD)
 *   inode->i_lock            i_state, i_blocks (spinlock)
 *   dcache_lock              the dentry tree (dcache.h)
 *   sb->s_inode_list_lock    the super block's inode list
 *
 * Linux's calls of this version take a struct mnt_idmap first; there are
 * no idmapped mounts here, so the argument is left out.
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/fcntl.h>
#include <linux/kdev_t.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>
#include <linux/atomic.h>
#include <linux/time64.h>
#include <linux/path.h>
#include <linux/dcache.h>
#include <linux/stat.h>
#include <linux/xarray.h>

struct file;
struct inode;
struct super_block;
struct vfsmount;
struct kstatfs;
struct iov_iter;
struct iovec;
struct kiocb;
struct dir_context;
struct folio;
struct poll_table_struct;
struct pipe_inode_info;
struct vm_area_struct;
struct seq_file;
struct page;

/* File types and permission bits of an inode's mode (Linux's stat.h). */
#define S_IFMT		00170000
#define S_IFSOCK	0140000
#define S_IFLNK		0120000
#define S_IFREG		0100000
#define S_IFBLK		0060000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFIFO		0010000
#define S_ISUID		0004000
#define S_ISGID		0002000
#define S_ISVTX		0001000

#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m)	(((m) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(m)	(((m) & S_IFMT) == S_IFIFO)
#define S_ISSOCK(m)	(((m) & S_IFMT) == S_IFSOCK)

#define S_IRWXU		00700
#define S_IRUSR		00400
#define S_IWUSR		00200
#define S_IXUSR		00100
#define S_IRWXG		00070
#define S_IRGRP		00040
#define S_IWGRP		00020
#define S_IXGRP		00010
#define S_IRWXO		00007
#define S_IROTH		00004
#define S_IWOTH		00002
#define S_IXOTH		00001
#define S_IALLUGO	(S_ISUID | S_ISGID | S_ISVTX | S_IRWXU | S_IRWXG | S_IRWXO)

/**
 * filp_open - open @filename (relative to the task's root and cwd)
 * @filename: kernel string
 * @flags: O_* (include/linux/fcntl.h)
 * @mode: permissions of a file O_CREAT makes
 *
 * Return: the file, or ERR_PTR(-errno). Context: process, may sleep.
 */
struct file *filp_open(const char *filename, int flags, umode_t mode);
/* filp_close - flush and drop the opener's reference (@id: the fd table, or NULL). */
int filp_close(struct file *file, void *id);
/* fput - drop a reference; the last one releases the file. */
void fput(struct file *file);

/*
 * kernel_read / kernel_write - read or write @count bytes of a kernel
 * buffer at *@pos, advancing it. Return: bytes done, or -errno.
 */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos);

/* The attribute changes initramfs makes on an open file (Linux's names). */
int vfs_fchown(struct file *file, uid_t user, gid_t group);
int vfs_fchmod(struct file *file, umode_t mode);


#define MAY_EXEC		0x00000001
#define MAY_WRITE		0x00000002
#define MAY_READ		0x00000004
#define MAY_APPEND		0x00000008

/* f_mode: what an open file may do (Linux's FMODE_*). */
#define FMODE_READ		0x1
#define FMODE_WRITE		0x2
#define FMODE_LSEEK		0x4
#define FMODE_PREAD		0x8
#define FMODE_PWRITE		0x10
#define FMODE_OPENED		0x80000	/* ->open() succeeded: fput() calls ->release() */
/* The FMODE_READ/FMODE_WRITE of open flags: O_RDONLY 1, O_WRONLY 2, O_RDWR 3, as Linux. */
#define OPEN_FMODE(flags)	(((flags) + 1) & O_ACCMODE)

/* One read or write moves at most this many bytes, as Linux (a page-aligned INT_MAX). */
#define MAX_RW_COUNT	(INT_MAX & PAGE_MASK)

/* preadv2/pwritev2 flags (Linux's RWF_*, of type rwf_t). */
typedef int rwf_t;
#define RWF_HIPRI	0x00000001	/* poll for completion: nothing to poll here, accepted */
#define RWF_DSYNC	0x00000002	/* as O_DSYNC */
#define RWF_SYNC	0x00000004	/* as O_SYNC */
#define RWF_NOWAIT	0x00000008	/* do not block: refused (no FMODE_NOWAIT file yet) */
#define RWF_APPEND	0x00000010	/* as O_APPEND */
#define RWF_SUPPORTED	(RWF_HIPRI | RWF_DSYNC | RWF_SYNC | RWF_NOWAIT | RWF_APPEND)

#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#define SEEK_DATA	3
#define SEEK_HOLE	4

#define RENAME_NOREPLACE	(1 << 0)
#define RENAME_EXCHANGE		(1 << 1)
#define RENAME_WHITEOUT		(1 << 2)

/* Mount flags (mount(2)'s MS_*; the super block keeps the SB_* of them). */
#define MS_RDONLY	1
#define MS_NOSUID	2
#define MS_NODEV	4
#define MS_NOEXEC	8
#define MS_REMOUNT	32
#define MS_BIND		4096
#define MS_MOVE		8192
#define MS_SILENT	32768
#define SB_RDONLY	MS_RDONLY
#define SB_KERNMOUNT	(1 << 22)

/* umount2(2) flags. */
#define MNT_FORCE	0x00000001
#define MNT_DETACH	0x00000002
#define UMOUNT_NOFOLLOW	0x00000008

/* Dirent types of getdents64 (d_type) and of dir_emit(). */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

#define NAME_MAX	255	/* bytes in a path component */
#define PATH_MAX	4096	/* bytes in a path, with its NUL */
#define MAXSYMLINKS	40	/* symlinks followed in one lookup */
#define MAX_LFS_FILESIZE	((loff_t)LLONG_MAX)

/* i_rwsem nesting classes, as Linux's: parent before child, two parents in a rename. */
enum inode_i_mutex_lock_class {
	I_MUTEX_NORMAL,
	I_MUTEX_PARENT,
	I_MUTEX_CHILD,
	I_MUTEX_XATTR,
	I_MUTEX_NONDIR2,
	I_MUTEX_PARENT2,
};

/* inode->i_flags */
#define S_DEAD		(1 << 4)	/* removed directory: nothing may be created in it */

/* inode->i_state (i_lock) */
#define I_NEW		(1 << 3)
#define I_FREEING	(1 << 5)

struct iattr {
	unsigned int ia_valid;		/* ATTR_* */
	umode_t ia_mode;
	uid_t ia_uid;
	gid_t ia_gid;
	loff_t ia_size;
	struct timespec64 ia_atime;
	struct timespec64 ia_mtime;
	struct timespec64 ia_ctime;
	struct file *ia_file;		/* ATTR_FILE: the open file it is done through */
};

#define ATTR_MODE	(1 << 0)
#define ATTR_UID	(1 << 1)
#define ATTR_GID	(1 << 2)
#define ATTR_SIZE	(1 << 3)
#define ATTR_ATIME	(1 << 4)
#define ATTR_MTIME	(1 << 5)
#define ATTR_CTIME	(1 << 6)
#define ATTR_ATIME_SET	(1 << 7)
#define ATTR_MTIME_SET	(1 << 8)
#define ATTR_FORCE	(1 << 9)	/* no permission checks: the kernel's own change */
#define ATTR_KILL_SUID	(1 << 11)	/* drop S_ISUID (chown of a file) */
#define ATTR_KILL_SGID	(1 << 12)	/* drop S_ISGID if group-executable */
#define ATTR_FILE	(1 << 13)
#define ATTR_TOUCH	(1 << 17)	/* utimes with a NULL times argument: "now" */

/*
 * struct address_space - a file's page cache (mm/filemap.c): its folios by
 * page index. host is the owning inode; nrpages counts the pages cached.
 * i_mmap lists the VMAs that map the file (vm_area_struct.shared, in the
 * order they were linked), for the reverse mapping of its folios
 * (mm/rmap.c); Linux keeps them in an interval tree by pgoff, a list
 * here: a walk filters by range.
 */
struct address_space {
	struct inode *host;
	struct xarray i_pages;		/* index -> folio; its own lock (mm/filemap.c) */
	unsigned long nrpages;		/* i_pages' xa_lock for writers */
	const struct address_space_operations *a_ops;
	struct list_head i_mmap;	/* VMAs mapping the file; i_mmap_rwsem */
	struct rw_semaphore i_mmap_rwsem;	/* inside mmap_lock, outside anon_vma's */
};

static inline void i_mmap_lock_write(struct address_space *mapping)
{
	down_write(&mapping->i_mmap_rwsem);
}

static inline void i_mmap_unlock_write(struct address_space *mapping)
{
	up_write(&mapping->i_mmap_rwsem);
}

static inline void i_mmap_lock_read(struct address_space *mapping)
{
	down_read(&mapping->i_mmap_rwsem);
}

static inline void i_mmap_unlock_read(struct address_space *mapping)
{
	up_read(&mapping->i_mmap_rwsem);
}

/* mapping_mapped - does any VMA map the file of @mapping? Context: any (a snapshot). */
static inline bool mapping_mapped(struct address_space *mapping)
{
	return !list_empty(&mapping->i_mmap);
}

struct address_space_operations {
	/*
	 * write_begin - the locked, referenced page-cache folio that will take
	 * @len bytes at @pos, allocated if need be; write_end - copy done
	 * (@copied of @len bytes), mark it dirty and uptodate, grow i_size,
	 * unlock and release it. Return: 0 / the bytes accepted, or -errno.
	 */
	int (*write_begin)(struct file *file, struct address_space *mapping, loff_t pos,
			   unsigned int len, struct folio **foliop, void **fsdata);
	int (*write_end)(struct file *file, struct address_space *mapping, loff_t pos,
			 unsigned int len, unsigned int copied, struct folio *folio,
			 void *fsdata);
	/*
	 * read_folio - fill the new, locked @folio from the backing store,
	 * mark it uptodate and unlock it (Linux's; a page fault's read,
	 * filemap_fault()). Return: 0 or -errno (the folio still unlocked).
	 * A file system without a backing store (tmpfs) has none.
	 */
	int (*read_folio)(struct file *file, struct folio *folio);
};

struct inode {
	umode_t i_mode;			/* type and permissions; i_rwsem */
	uid_t i_uid;
	gid_t i_gid;
	unsigned int i_flags;		/* S_DEAD; i_rwsem */
	const struct inode_operations *i_op;
	struct super_block *i_sb;
	struct address_space *i_mapping;	/* &i_data */
	unsigned long i_ino;
	unsigned int i_nlink;		/* i_rwsem of the inode or of its parent */
	dev_t i_rdev;			/* device nodes */
	loff_t i_size;			/* i_rwsem; read without it */
	struct timespec64 i_atime;
	struct timespec64 i_mtime;
	struct timespec64 i_ctime;
	u64 i_blocks;			/* 512-byte sectors in use; i_lock */
	unsigned long i_state;		/* I_*; i_lock */
	spinlock_t i_lock;
	struct mutex i_rwsem;
	atomic_t i_count;
	struct list_head i_sb_list;	/* sb->s_inodes; s_inode_list_lock */
	struct list_head i_hash;	/* inode_hashtable by (sb, ino); inode_hash_lock */
	const struct file_operations *i_fop;
	struct address_space i_data;
	char *i_link;			/* a fast symlink's body, or NULL */
	struct pipe_inode_info *i_pipe;	/* a pipe's or FIFO's ring (fs/pipe.c) */
	void *i_private;
};

struct inode_operations {
	/* Find @dentry (negative, unhashed) in @dir: d_add() it, or return another / ERR_PTR. */
	struct dentry *(*lookup)(struct inode *dir, struct dentry *dentry, unsigned int flags);
	/* A symlink's body (valid while the caller holds @dentry). */
	const char *(*get_link)(struct dentry *dentry, struct inode *inode);
	int (*permission)(struct inode *inode, int mask);
	int (*create)(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl);
	int (*link)(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry);
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	int (*symlink)(struct inode *dir, struct dentry *dentry, const char *symname);
	int (*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	int (*mknod)(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
	int (*rename)(struct inode *old_dir, struct dentry *old_dentry,
		      struct inode *new_dir, struct dentry *new_dentry, unsigned int flags);
	int (*setattr)(struct dentry *dentry, struct iattr *attr);
	int (*getattr)(const struct path *path, struct kstat *stat, u32 request_mask,
		       unsigned int query_flags);
};

struct file_operations {
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	ssize_t (*read_iter)(struct kiocb *iocb, struct iov_iter *iter);
	ssize_t (*write_iter)(struct kiocb *iocb, struct iov_iter *iter);
	int (*iterate_shared)(struct file *file, struct dir_context *ctx);
	int (*open)(struct inode *inode, struct file *file);
	int (*release)(struct inode *inode, struct file *file);
	long (*fallocate)(struct file *file, int mode, loff_t offset, loff_t len);
	/* ioctl(2) on the open file; @arg is a user pointer or a value, per @cmd. */
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	/*
	 * mmap(2) of the file: do_mmap() calls it on the new @vma (mmap_lock
	 * held for writing), which it may only set up (vm_ops, vm_flags).
	 * Return: 0 or -errno (the mapping is then not made).
	 */
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	/*
	 * poll(2)/select(2)/epoll: the EPOLL* events ready now, after
	 * poll_wait() on each queue that wakes when they change
	 * (linux/poll.h). NULL: always readable and writable. May sleep.
	 */
	__poll_t (*poll)(struct file *file, struct poll_table_struct *pt);
};

/*
 * struct file - an open file. f_pos is the file position (f_pos_lock
 * serialises read/write/lseek through one file, as Linux's for regular
 * files); the rest is fixed at open.
 */
struct file {
	struct path f_path;		/* holds a reference on both */
	struct inode *f_inode;
	const struct file_operations *f_op;
	unsigned int f_mode;		/* FMODE_* */
	unsigned int f_flags;		/* O_* given to open, less O_CREAT/O_EXCL/O_TRUNC */
	atomic_long_t f_count;
	struct mutex f_pos_lock;
	loff_t f_pos;
	struct address_space *f_mapping;
	void *private_data;
};

/* struct kiocb - one read or write: the file, the position, IOCB_* flags. */
struct kiocb {
	struct file *ki_filp;
	loff_t ki_pos;
	int ki_flags;
};

#define IOCB_APPEND	(1 << 1)

struct super_operations {
	struct inode *(*alloc_inode)(struct super_block *sb);
	void (*free_inode)(struct inode *inode);
	/* Free the inode's data before it is freed (its last iput()). */
	void (*evict_inode)(struct inode *inode);
	void (*put_super)(struct super_block *sb);
	int (*statfs)(struct dentry *dentry, struct kstatfs *buf);
	/* The file system's part of a /proc/mounts line: ",opt=value"... */
	int (*show_options)(struct seq_file *m, struct dentry *root);
};

struct super_block {
	struct list_head s_list;	/* super_blocks; sb_lock */
	dev_t s_dev;			/* anonymous: major 0 */
	unsigned char s_blocksize_bits;
	unsigned long s_blocksize;
	loff_t s_maxbytes;
	struct file_system_type *s_type;
	const struct super_operations *s_op;
	unsigned long s_flags;		/* SB_* */
	unsigned long s_magic;
	struct dentry *s_root;
	const struct dentry_operations *s_d_op;	/* for every dentry of it; fixed at fill_super */
	atomic_t s_active;		/* mounts of it; the last deactivate_super() kills it */
	void *s_fs_info;
	struct list_head s_inodes;	/* s_inode_list_lock */
	spinlock_t s_inode_list_lock;
	struct mutex s_vfs_rename_mutex;
	char s_id[32];
};

#define FS_REQUIRES_DEV		1
#define FS_USERNS_MOUNT		8

/*
 * struct file_system_type - a registered file system (fs/filesystems.c).
 * mount() makes or finds the super block and returns its root with a
 * reference; kill_sb() ends it when the last mount is gone.
 */
struct file_system_type {
	const char *name;
	int fs_flags;
	struct dentry *(*mount)(struct file_system_type *fs_type, int flags,
				const char *dev_name, void *data);
	void (*kill_sb)(struct super_block *sb);
	struct file_system_type *next;	/* file_systems; file_systems_lock */
};

/* struct kstatfs - statfs()'s answer. */
struct kstatfs {
	long f_type;
	long f_bsize;
	u64 f_blocks;
	u64 f_bfree;
	u64 f_bavail;
	u64 f_files;
	u64 f_ffree;
	u64 f_fsid;
	long f_namelen;
	long f_frsize;
	long f_flags;
};

/*
 * struct dir_context - getdents' cursor: actor() takes one entry and
 * returns false when the caller's buffer is full; pos is the directory
 * position of the next entry.
 */
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name, int namelen,
			  loff_t offset, u64 ino, unsigned int d_type);
struct dir_context {
	filldir_t actor;
	loff_t pos;
};

static inline bool dir_emit(struct dir_context *ctx, const char *name, int namelen,
			    u64 ino, unsigned int type)
{
	return ctx->actor(ctx, name, namelen, ctx->pos, ino, type);
}

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

/*
 * dir_emit_dots - "." (position 0) and ".." (1) of the directory @file,
 * those not yet emitted. Return: false if the caller's buffer filled.
 */
static inline bool dir_emit_dots(struct file *file, struct dir_context *ctx)
{
	struct dentry *dir = file->f_path.dentry;
	unsigned long parent_ino;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, file_inode(file)->i_ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		spin_lock(&dcache_lock);	/* d_parent may move (rename) */
		parent_ino = dir->d_parent->d_inode->i_ino;
		spin_unlock(&dcache_lock);
		if (!dir_emit(ctx, "..", 2, parent_ino, DT_DIR))
			return false;
		ctx->pos = 2;
	}
	return true;
}

static inline void inode_lock(struct inode *inode)
{
	mutex_lock(&inode->i_rwsem);
}

static inline void inode_unlock(struct inode *inode)
{
	mutex_unlock(&inode->i_rwsem);
}

static inline void inode_lock_nested(struct inode *inode, unsigned int subclass)
{
	mutex_lock_nested(&inode->i_rwsem, subclass);
}

static inline unsigned int iminor(const struct inode *inode)
{
	return MINOR(inode->i_rdev);
}

static inline unsigned int imajor(const struct inode *inode)
{
	return MAJOR(inode->i_rdev);
}

static inline loff_t i_size_read(const struct inode *inode)
{
	return READ_ONCE(inode->i_size);
}

/* i_size_write - set the size; the caller holds i_rwsem. */
static inline void i_size_write(struct inode *inode, loff_t size)
{
	WRITE_ONCE(inode->i_size, size);
}

static inline bool IS_DEADDIR(const struct inode *inode)
{
	return inode->i_flags & S_DEAD;
}

static inline bool d_is_dir(const struct dentry *dentry)
{
	return dentry->d_inode && S_ISDIR(dentry->d_inode->i_mode);
}

static inline bool d_is_symlink(const struct dentry *dentry)
{
	return dentry->d_inode && S_ISLNK(dentry->d_inode->i_mode);
}

static inline unsigned int dt_type(const struct inode *inode)
{
	return (inode->i_mode >> 12) & 15;
}

/* ---- fs/inode.c -------------------------------------------------------- */

/* address_space_init_once - an empty page cache (mm/filemap.c). */
void address_space_init_once(struct address_space *mapping);

/* The counter of /proc/sys/fs/inode-nr: inodes allocated. */
long get_nr_inodes(void);
/* get_next_ino - a fresh inode number for a file system without its own. */
unsigned long get_next_ino(void);
/* new_inode - an inode of @sb with i_count 1, on the sb's list. Return: NULL if memory is short. */
struct inode *new_inode(struct super_block *sb);
void ihold(struct inode *inode);
/* iput - drop a reference; the last one evicts and frees the inode. Context: process. */
void iput(struct inode *inode);
/**
 * iget_locked - the inode @ino of @sb from the inode hash, or a new one
 * @sb: the super block
 * @ino: the inode number
 *
 * A new inode comes hashed, with I_NEW set: the caller fills it in and
 * calls unlock_new_inode() (or iget_failed()); others looking it up
 * meanwhile wait for that. Return: the inode with a reference, or NULL
 * if memory is short. Context: process, may sleep.
 */
struct inode *iget_locked(struct super_block *sb, unsigned long ino);
void unlock_new_inode(struct inode *inode);
/* iget_failed - give up on a new inode from iget_locked(): unhash it and drop it. */
void iget_failed(struct inode *inode);
/* ilookup - the hashed inode @ino of @sb with a reference, or NULL. */
struct inode *ilookup(struct super_block *sb, unsigned long ino);
/* insert_inode_hash / remove_inode_hash - put @inode in / take it out of the inode hash. */
void insert_inode_hash(struct inode *inode);
void remove_inode_hash(struct inode *inode);
/* current_time - the time to stamp on @inode: the wall clock (ktime_get_real_ns()). */
struct timespec64 current_time(struct inode *inode);
/*
 * file_update_time - stamp @file's inode modified now (mtime, ctime): a
 * write through a shared mapping (filemap_page_mkwrite()). Takes i_lock.
 */
void file_update_time(struct file *file);
/* inode_init_owner - uid from the caller, gid from it or from a setgid @dir, and @mode. */
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode);
/* init_special_inode - a device, fifo or socket node: its i_fop and i_rdev. */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);
void inc_nlink(struct inode *inode);
void drop_nlink(struct inode *inode);
void clear_nlink(struct inode *inode);
void set_nlink(struct inode *inode, unsigned int nlink);
/* inode_add_bytes / inode_sub_bytes - account @bytes in i_blocks (512-byte units). */
void inode_add_bytes(struct inode *inode, loff_t bytes);
void inode_sub_bytes(struct inode *inode, loff_t bytes);
/* Drop the inodes of a dying super block (all unused by then). */
void evict_inodes(struct super_block *sb);

/* ---- fs/namei.c: permissions and the name operations ------------------- */

/*
 * generic_permission - may the caller do @mask (MAY_*) to @inode, by its
 * owner, group and mode? fsuid 0 passes as CAP_DAC_OVERRIDE (execute
 * needs one x bit on a non-directory). Return: 0 or -EACCES.
 */
int generic_permission(struct inode *inode, int mask);
/* inode_permission - the same through i_op->permission where set. */
int inode_permission(struct inode *inode, int mask);

int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl);
int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode);
int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *oldname);
int vfs_link(struct dentry *old_dentry, struct inode *dir, struct dentry *new_dentry);
int vfs_rmdir(struct inode *dir, struct dentry *dentry);
int vfs_unlink(struct inode *dir, struct dentry *dentry);
int vfs_rename(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
	       struct dentry *new_dentry, unsigned int flags);
/*
 * vfs_readlink - copy @dentry's symlink body into @buf (no NUL added).
 * Return: bytes copied (at most @buflen), -EINVAL if not a symlink.
 */
int vfs_readlink(struct dentry *dentry, char *buf, int buflen);

/*
 * lock_rename - lock the directories of a rename, @p1 then @p2, or the
 * ancestor first; across directories it takes s_vfs_rename_mutex.
 * Return: the common ancestor when one is the other's ancestor (a
 * rename may not move into it), else NULL. unlock_rename() undoes it.
 */
struct dentry *lock_rename(struct dentry *p1, struct dentry *p2);
void unlock_rename(struct dentry *p1, struct dentry *p2);

/*
 * The in-kernel calls behind the system calls (the layering): a system
 * call copies its user strings with getname() and calls one of these
 * with kernel strings; fs/init.c's init_* calls and the tests
 * call them directly. @dfd is a directory fd or AT_FDCWD. Each returns 0
 * (or an fd / a count) or -errno. Context: process, may sleep.
 */
long do_sys_open(int dfd, const char *filename, int flags, umode_t mode);
int do_mkdirat(int dfd, const char *pathname, umode_t mode);
int do_mknodat(int dfd, const char *filename, umode_t mode, unsigned int dev);
int do_rmdir(int dfd, const char *pathname);
int do_unlinkat(int dfd, const char *pathname);
int do_symlinkat(const char *oldname, int newdfd, const char *newname);
int do_linkat(int olddfd, const char *oldname, int newdfd, const char *newname, int flags);
int do_renameat2(int olddfd, const char *oldname, int newdfd, const char *newname,
		 unsigned int flags);
/* do_readlinkat - the body of the symlink @pathname into @buf. Return: its length (no NUL). */
int do_readlinkat(int dfd, const char *pathname, char *buf, int bufsiz);
int do_fchmodat(int dfd, const char *filename, umode_t mode);
int do_fchownat(int dfd, const char *filename, uid_t user, gid_t group, int flag);
/* do_faccessat - may the caller do @mode (R_OK/W_OK/X_OK, F_OK) to @filename? */
int do_faccessat(int dfd, const char *filename, int mode, int flags);
/* do_utimes - set the times of @filename (@times NULL: now; UTIME_NOW, UTIME_OMIT). */
int do_utimes(int dfd, const char *filename, struct timespec64 *times, int flags);
/* vfs_utimes - do_utimes() on a looked-up path. */
int vfs_utimes(const struct path *path, struct timespec64 *times);
long do_sys_truncate(const char *pathname, loff_t length);
long do_sys_ftruncate(unsigned int fd, loff_t length);
int ksys_fallocate(int fd, int mode, loff_t offset, loff_t len);
int ksys_chdir(const char *filename);
int ksys_fchdir(unsigned int fd);
int ksys_chroot(const char *filename);
int ksys_close(unsigned int fd);
ssize_t ksys_read(unsigned int fd, void *buf, size_t count);
ssize_t ksys_write(unsigned int fd, const void *buf, size_t count);
ssize_t ksys_pread64(unsigned int fd, void *buf, size_t count, loff_t pos);
ssize_t ksys_pwrite64(unsigned int fd, const void *buf, size_t count, loff_t pos);
/* do_readv / do_writev - @vlen user buffers (struct iovec, uio.h) at the file position. */
ssize_t do_readv(unsigned int fd, const struct iovec *vec, unsigned long vlen);
ssize_t do_writev(unsigned int fd, const struct iovec *vec, unsigned long vlen);
off_t ksys_lseek(unsigned int fd, off_t offset, unsigned int whence);
/* ksys_getdents64 - linux_dirent64 records (dirent.h) into @dirent. Return: bytes, 0 at the end. */
int ksys_getdents64(unsigned int fd, void *dirent, unsigned int count);
/* ksys_statfs / ksys_fstatfs - the file system's numbers. */
int ksys_statfs(const char *pathname, struct kstatfs *st);
int ksys_fstatfs(unsigned int fd, struct kstatfs *st);

#define F_OK	0
#define X_OK	1
#define W_OK	2
#define R_OK	4

/* ---- fs/open.c, fs/read_write.c, fs/attr.c ----------------------------- */

/*
 * nonseekable_open - for a driver's ->open: the file has no position
 * (lseek, pread and pwrite fail with -ESPIPE), as a terminal. Return: 0.
 */
int nonseekable_open(struct inode *inode, struct file *filp);
/* dentry_open - open @path (references taken) with @flags. Return: the file or ERR_PTR. */
struct file *dentry_open(const struct path *path, int flags);
/*
 * notify_change - apply @attr to @dentry's inode (i_rwsem held), after
 * setattr_prepare()'s permission checks unless ATTR_FORCE. Return: 0 or -errno.
 */
int notify_change(struct dentry *dentry, struct iattr *attr);
/* setattr_prepare - may the caller make the change @attr asks for? */
int setattr_prepare(struct dentry *dentry, struct iattr *attr);
/* setattr_copy - copy @attr into the inode (no checks; a ->setattr helper). */
void setattr_copy(struct inode *inode, const struct iattr *attr);
/* vfs_truncate - set the size of @path's file (write permission checked). */
long vfs_truncate(const struct path *path, loff_t length);
int vfs_fallocate(struct file *file, int mode, loff_t offset, loff_t len);

ssize_t vfs_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t vfs_write(struct file *file, const void *buf, size_t count, loff_t *pos);
ssize_t vfs_iter_read(struct file *file, struct iov_iter *iter, loff_t *ppos);
ssize_t vfs_iter_write(struct file *file, struct iov_iter *iter, loff_t *ppos);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
/*
 * generic_file_llseek_size - SEEK_SET/CUR/END (and SEEK_DATA/SEEK_HOLE as
 * all data up to @eof) within @maxsize. Return: the new position or -EINVAL/-ENXIO.
 */
loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence,
				loff_t maxsize, loff_t eof);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
/*
 * generic_file_mmap - f_op->mmap of a file system with ->read_folio: the
 * VMA's pages are the page cache's (generic_file_vm_ops: filemap_fault,
 * filemap_map_pages, filemap_page_mkwrite). Return: 0, or -ENOEXEC
 * without ->read_folio. Context: mmap_lock held for writing.
 */
int generic_file_mmap(struct file *file, struct vm_area_struct *vma);
/* noop_llseek - lseek that succeeds and moves nothing (devices without a position). */
loff_t noop_llseek(struct file *file, loff_t offset, int whence);
/* vfs_setpos - set f_pos to @offset if within @maxsize. */
loff_t vfs_setpos(struct file *file, loff_t offset, loff_t maxsize);
/* iterate_dir - call @file's iterate_shared under its inode's lock; -ENOENT once removed. */
int iterate_dir(struct file *file, struct dir_context *ctx);

static inline struct file *get_file(struct file *f)
{
	atomic_long_inc(&f->f_count);
	return f;
}

/* ---- fs/ioctl.c, fs/char_dev.c ---------------------------------------- */

/**
 * vfs_ioctl - call @file's ->unlocked_ioctl
 * @file: the open file
 * @cmd: the request (_IOC-encoded, or a legacy number as TCGETS)
 * @arg: a user pointer or a value, as @cmd says
 *
 * Return: the driver's answer, or -ENOTTY when the file has no ioctls
 * (Linux's "inappropriate ioctl for device"). Context: process, may sleep.
 */
long vfs_ioctl(struct file *file, unsigned int cmd, unsigned long arg);
/* ksys_ioctl - vfs_ioctl() on fd @fd. Return: as vfs_ioctl(), or -EBADF. */
long ksys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);

/* The file operations of a character device node before chrdev_open() picks the driver's. */
extern const struct file_operations def_chr_fops;

/* ---- fs/stat.c --------------------------------------------------------- */

/*
 * vfs_getattr - fill @stat for @path (i_op->getattr or the inode's fields).
 * @request_mask: STATX_* wanted. Return: 0 or -errno.
 */
int vfs_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
		unsigned int query_flags);
/* generic_fillattr - @stat from the inode's fields. */
void generic_fillattr(u32 request_mask, struct inode *inode, struct kstat *stat);
int vfs_fstat(int fd, struct kstat *stat);
/* vfs_fstatat - stat of @filename; AT_SYMLINK_NOFOLLOW: of a final symlink itself. */
int vfs_fstatat(int dfd, const char *filename, struct kstat *stat, int flags);
/* vfs_statx - statx(): @mask of STATX_* wanted, AT_* @flags. */
int vfs_statx(int dfd, const char *filename, int flags, struct kstat *stat, u32 request_mask);
int vfs_statfs(const struct path *path, struct kstatfs *buf);

/* ---- fs/super.c, fs/filesystems.c -------------------------------------- */

/* register_filesystem - add @fs to the list mount() chooses from. Return: 0 or -EBUSY. */
int register_filesystem(struct file_system_type *fs);
int unregister_filesystem(struct file_system_type *fs);
/* get_fs_type - the file system called @name, or NULL. */
struct file_system_type *get_fs_type(const char *name);
/* filesystems_proc_show - "nodev\tNAME" (or "\tNAME" for a disk's) a line, as /proc/filesystems. */
int filesystems_proc_show(struct seq_file *m, void *v);

/*
 * sget_anon - a new super block of @type with an anonymous device number
 * (s_active 1). Return: it, or ERR_PTR(-ENOMEM).
 */
struct super_block *sget_anon(struct file_system_type *type, int flags);
/*
 * mount_nodev - a new super block filled by @fill_super(sb, @data, silent).
 * Return: its root with a reference, or ERR_PTR.
 */
struct dentry *mount_nodev(struct file_system_type *fs_type, int flags, void *data,
			   int (*fill_super)(struct super_block *, void *, int));
/* deactivate_super - drop one s_active; the last one kills the super block. */
void deactivate_super(struct super_block *sb);
/* kill_litter_super - for tmpfs-like file systems: drop the pinned dentries, then end the sb. */
void kill_litter_super(struct super_block *sb);
void kill_anon_super(struct super_block *sb);

/* ---- fs/libfs.c --------------------------------------------------------- */

extern const struct file_operations simple_dir_operations;
extern const struct inode_operations simple_dir_inode_operations;
extern const struct inode_operations simple_symlink_inode_operations;
struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags);
int simple_link(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry);
int simple_unlink(struct inode *dir, struct dentry *dentry);
int simple_rmdir(struct inode *dir, struct dentry *dentry);
/* simple_empty - does directory @dentry have no positive children? */
bool simple_empty(struct dentry *dentry);
int simple_rename(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
		  struct dentry *new_dentry, unsigned int flags);
int simple_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
		   unsigned int query_flags);
int simple_statfs(struct dentry *dentry, struct kstatfs *buf);
/* dcache_readdir - ".", "..", then the positive children in the dcache. */
int dcache_readdir(struct file *file, struct dir_context *ctx);
const char *simple_get_link(struct dentry *dentry, struct inode *inode);
/* generic_read_dir - read() of a directory: -EISDIR. */
ssize_t generic_read_dir(struct kiocb *iocb, struct iov_iter *iter);

#endif /* _LINUX_FS_H */
