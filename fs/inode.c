// SPDX-License-Identifier: GPL-2.0
/*
 * Inodes (include/linux/fs.h): allocation, reference counts, eviction,
 * and the small helpers file systems share (link counts, owner, times).
 *
 * An inode comes from its super block's ->alloc_inode() (a file system's
 * own cache around struct inode, as tmpfs's shmem_inode_cache) or from
 * inode_cache, starts with i_count 1 and sits on sb->s_inodes until it is
 * evicted. There is no inode hash and no LRU of unused inodes yet: every
 * file system today keeps its inodes alive through its dentries, so the
 * last iput() evicts at once (Linux's generic_drop_inode() says the same
 * of an unhashed inode). Eviction calls ->evict_inode() (the file system
 * frees its data: page cache, symlink body), takes the inode off the
 * list and frees it.
 *
 * nr_inodes counts allocated inodes (the first number of Linux's
 * /proc/sys/fs/inode-nr); tests compare it before and after.
 *
 * Times: current_time() is the time since boot, as there is no wall
 * clock (RTC) yet; it moves forward, which is what tests and make need.
 */
#include <linux/fs.h>
#include <linux/cred.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/bug.h>
#include <linux/mmdebug.h>
#include <linux/printk.h>
#include "internal.h"

static struct kmem_cache *inode_cache;
static atomic_long_t nr_inodes;
static atomic_long_t last_ino;

long get_nr_inodes(void)
{
	return atomic_long_read(&nr_inodes);
}

unsigned long get_next_ino(void)
{
	return atomic_long_add_return(1, &last_ino);
}

static const struct address_space_operations empty_aops;

/* Every field from scratch: the memory may be any earlier inode's. */
static void inode_init_always(struct super_block *sb, struct inode *inode)
{
	memset(inode, 0, sizeof(*inode));
	inode->i_sb = sb;
	inode->i_nlink = 1;
	atomic_set(&inode->i_count, 1);
	spin_lock_init(&inode->i_lock);
	mutex_init(&inode->i_rwsem);
	INIT_LIST_HEAD(&inode->i_sb_list);
	inode->i_data.host = inode;
	inode->i_data.a_ops = &empty_aops;
	address_space_init_once(&inode->i_data);
	inode->i_mapping = &inode->i_data;
}

static struct inode *alloc_inode(struct super_block *sb)
{
	struct inode *inode;

	if (sb->s_op->alloc_inode)
		inode = sb->s_op->alloc_inode(sb);
	else
		inode = kmem_cache_alloc(inode_cache, GFP_KERNEL);
	if (!inode)
		return NULL;
	inode_init_always(sb, inode);
	atomic_long_add(1, &nr_inodes);
	return inode;
}

static void free_inode(struct inode *inode)
{
	atomic_long_sub(1, &nr_inodes);
	if (inode->i_sb->s_op->free_inode)
		inode->i_sb->s_op->free_inode(inode);
	else
		kmem_cache_free(inode_cache, inode);
}

struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode = alloc_inode(sb);

	if (!inode)
		return NULL;
	spin_lock(&sb->s_inode_list_lock);
	list_add(&inode->i_sb_list, &sb->s_inodes);
	spin_unlock(&sb->s_inode_list_lock);
	return inode;
}

void ihold(struct inode *inode)
{
	VM_WARN_ON_ONCE(atomic_read(&inode->i_count) <= 0);
	atomic_inc(&inode->i_count);
}

static void evict(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;

	spin_lock(&inode->i_lock);
	inode->i_state |= I_FREEING;
	spin_unlock(&inode->i_lock);
	if (sb->s_op->evict_inode)
		sb->s_op->evict_inode(inode);
	spin_lock(&sb->s_inode_list_lock);
	list_del_init(&inode->i_sb_list);
	spin_unlock(&sb->s_inode_list_lock);
	free_inode(inode);
}

void iput(struct inode *inode)
{
	if (!inode)
		return;
	VM_BUG_ON(atomic_read(&inode->i_count) <= 0);
	if (atomic_dec_and_test(&inode->i_count))
		evict(inode);
}

void evict_inodes(struct super_block *sb)
{
	struct inode *inode;

	spin_lock(&sb->s_inode_list_lock);
	list_for_each_entry(inode, &sb->s_inodes, i_sb_list)
		pr_err("VFS: busy inode %lu (count %d) at the end of %s\n", inode->i_ino,
		       atomic_read(&inode->i_count), sb->s_id);
	WARN_ON_ONCE(!list_empty(&sb->s_inodes));
	spin_unlock(&sb->s_inode_list_lock);
}

struct timespec64 current_time(struct inode *inode)
{
	return ns_to_timespec64(ktime_get());
}

void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode)
{
	inode->i_uid = current_fsuid();
	if (dir && (dir->i_mode & S_ISGID)) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;	/* inherited by subdirectories, as Linux */
	} else {
		inode->i_gid = current_fsgid();
	}
	inode->i_mode = mode;
}

/* Device nodes, fifos and sockets open to -ENXIO until their drivers exist. */
static int no_open(struct inode *inode, struct file *file)
{
	return -ENXIO;
}

static const struct file_operations no_open_fops = {
	.open = no_open,
};

void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	inode->i_fop = &no_open_fops;
	if (S_ISCHR(mode) || S_ISBLK(mode))
		inode->i_rdev = rdev;
}

void inc_nlink(struct inode *inode)
{
	inode->i_nlink++;
}

void drop_nlink(struct inode *inode)
{
	WARN_ON_ONCE(inode->i_nlink == 0);
	inode->i_nlink--;
}

void clear_nlink(struct inode *inode)
{
	inode->i_nlink = 0;
}

void set_nlink(struct inode *inode, unsigned int nlink)
{
	inode->i_nlink = nlink;
}

void inode_add_bytes(struct inode *inode, loff_t bytes)
{
	spin_lock(&inode->i_lock);
	inode->i_blocks += bytes >> 9;
	spin_unlock(&inode->i_lock);
}

void inode_sub_bytes(struct inode *inode, loff_t bytes)
{
	spin_lock(&inode->i_lock);
	inode->i_blocks -= bytes >> 9;
	spin_unlock(&inode->i_lock);
}

void inode_init(void)
{
	inode_cache = kmem_cache_create("inode_cache", sizeof(struct inode), 0,
					SLAB_PANIC | SLAB_RECLAIM_ACCOUNT, NULL);
}
