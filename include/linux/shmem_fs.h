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
	umode_t mode;			/* of the root directory */
	uid_t uid;
	gid_t gid;
};

static inline struct shmem_sb_info *SHMEM_SB(struct super_block *sb)
{
	return sb->s_fs_info;
}

/* shmem_init - register tmpfs and make the internal mount (mnt_init()). */
void shmem_init(void);

#endif /* _LINUX_SHMEM_FS_H */
