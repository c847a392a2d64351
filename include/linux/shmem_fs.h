/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tmpfs (mm/shmem.c): a file system that lives in the dcache and the page
 * cache. Its per-mount limits and counts, and the inode wrapper.
 */
#ifndef _LINUX_SHMEM_FS_H
#define _LINUX_SHMEM_FS_H

#include <linux/fs.h>
#include <linux/spinlock.h>

#define TMPFS_MAGIC	0x01021994

struct shmem_inode_info {
	struct inode vfs_inode;
};

/*
 * struct shmem_sb_info - one tmpfs mount's limits (0: none) and use.
 * stat_lock guards used_blocks and free_inodes.
 */
struct shmem_sb_info {
	unsigned long max_blocks;	/* size= / nr_blocks=, in pages */
	unsigned long used_blocks;
	unsigned long max_inodes;	/* nr_inodes= */
	unsigned long free_inodes;
	spinlock_t stat_lock;
	unsigned long default_max;	/* both limits' default: half of RAM, 0 for kern_mount */
	umode_t mode;			/* of the root directory */
	uid_t uid;
	gid_t gid;
};

static inline struct shmem_sb_info *SHMEM_SB(struct super_block *sb)
{
	return sb->s_fs_info;
}

/**
 * shmem_file_setup - a nameless tmpfs file of @size bytes (holes)
 * @name: its dentry's name (memfd_create's "memfd:NAME")
 * @size: the initial size
 * @flags: VM_NORESERVE in Linux; no accounting here, so unused
 *
 * The file lives on the internal tmpfs mount, linked nowhere; its last
 * fput() frees it. Return: the file (O_RDWR), or ERR_PTR(-EINVAL /
 * -ENOMEM). Context: process, may sleep.
 */
struct file *shmem_file_setup(const char *name, loff_t size, unsigned long flags);

/* shmem_init - register tmpfs and make the internal mount (mnt_init()). */
void shmem_init(void);
/*
 * shmem_mount - a new tmpfs super block of type @fs_type with options
 * @data (size=, nr_inodes=, mode=, uid=, gid=): tmpfs's own ->mount, and
 * devtmpfs's. Return: its root with a reference, or ERR_PTR.
 */
struct dentry *shmem_mount(struct file_system_type *fs_type, int flags,
			   const char *dev_name, void *data);

#endif /* _LINUX_SHMEM_FS_H */
