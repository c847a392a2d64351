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

/*
 * struct shmem_inode_info - a tmpfs inode. alloced counts the pages
 * charged to the mount's size= for it; it trails i_mapping->nrpages,
 * whose folios may come and go without i_rwsem (page faults add them),
 * and shmem_recalc_inode() gives back the difference after a removal.
 */
struct shmem_inode_info {
	spinlock_t lock;		/* alloced */
	unsigned long alloced;
	struct inode vfs_inode;
};

static inline struct shmem_inode_info *SHMEM_I(struct inode *inode)
{
	return container_of(inode, struct shmem_inode_info, vfs_inode);
}

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

/**
 * shmem_zero_setup - back the shared anonymous @vma with tmpfs
 * @vma: a new MAP_SHARED|MAP_ANONYMOUS VMA (do_mmap())
 *
 * As Linux: an unlinked tmpfs file "dev/zero" the size of @vma becomes
 * its vm_file (the VMA holds its reference; one left there before is
 * put), and its pages are that file's, shared by every copy of the VMA
 * (fork) and counted as MM_SHMEMPAGES. Return: 0, or -ENOMEM.
 * Context: mmap_lock held for writing.
 */
int shmem_zero_setup(struct vm_area_struct *vma);

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
