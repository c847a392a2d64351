// SPDX-License-Identifier: GPL-2.0
/*
 * Inodes (include/linux/fs.h): allocation, reference counts, eviction,
 * and the small helpers file systems share (link counts, owner, times).
 *
 * An inode comes from its super block's ->alloc_inode() (a file system's
 * own cache around struct inode, as tmpfs's shmem_inode_cache) or from
 * inode_cache, starts with i_count 1 and sits on sb->s_inodes until it is
 * evicted. A file system that finds inodes by number (iget_locked(),
 * ilookup()) keeps them in inode_hashtable, hashed by (sb, ino); tmpfs
 * does not. There is no LRU of unused inodes yet (it comes with reclaim):
 * the last iput() evicts at once, hashed or not; a file system that wants
 * an inode kept holds a reference, as the dcache-based ones do through
 * their dentries. Eviction takes the inode out of the hash, calls
 * ->evict_inode() (the file system frees its data: page cache, symlink
 * body), takes the inode off the sb's list and frees it.
 *
 * Locking: inode_hash_lock (a spinlock) guards the hash table and the drop
 * of every i_count to zero, so a lookup in the hash never takes a
 * reference on an inode being evicted (I_FREEING is set under it). A new
 * inode from iget_locked() is I_NEW until unlock_new_inode(); lookups
 * sleep on inode_wait until then.
 *
 * nr_inodes counts allocated inodes (the first number of Linux's
 * /proc/sys/fs/inode-nr); tests compare it before and after.
 *
 * Times: current_time() is the wall clock (CLOCK_REALTIME), as Linux's;
 * nothing steps it, so it only moves forward, which make needs.
 */
#include <linux/fs.h>
#include <linux/cred.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/bug.h>
#include <linux/mmdebug.h>
#include <linux/printk.h>
#include <linux/hash.h>
#include <linux/wait.h>
#include <linux/sched.h>
#include "internal.h"

#define I_HASHBITS	10
#define I_HASHSIZE	(1U << I_HASHBITS)

static struct kmem_cache *inode_cache;
static struct list_head inode_hashtable[I_HASHSIZE];
static DEFINE_SPINLOCK(inode_hash_lock);
static DECLARE_WAIT_QUEUE_HEAD(inode_wait);
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
static const struct inode_operations empty_iops;

/* Every field from scratch: the memory may be any earlier inode's. */
static void inode_init_always(struct super_block *sb, struct inode *inode)
{
	memset(inode, 0, sizeof(*inode));
	inode->i_sb = sb;
	inode->i_nlink = 1;
	inode->i_op = &empty_iops;	/* as Linux: the VFS calls through it unchecked */
	atomic_set(&inode->i_count, 1);
	spin_lock_init(&inode->i_lock);
	mutex_init(&inode->i_rwsem);
	INIT_LIST_HEAD(&inode->i_sb_list);
	INIT_LIST_HEAD(&inode->i_hash);
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

static struct list_head *inode_hash(struct super_block *sb, unsigned long ino)
{
	return &inode_hashtable[hash_64((unsigned long)sb ^ ino * GOLDEN_RATIO_64, I_HASHBITS)];
}

/* The live hashed inode (@sb, @ino) with a new reference, or NULL; inode_hash_lock held. */
static struct inode *find_inode(struct super_block *sb, unsigned long ino)
{
	struct inode *inode;

	list_for_each_entry(inode, inode_hash(sb, ino), i_hash) {
		if (inode->i_sb != sb || inode->i_ino != ino)
			continue;
		atomic_inc(&inode->i_count);
		return inode;
	}
	return NULL;
}

static bool inode_is_new(struct inode *inode)
{
	bool ret;

	spin_lock(&inode->i_lock);
	ret = inode->i_state & I_NEW;
	spin_unlock(&inode->i_lock);
	return ret;
}

/* @inode found in the hash: wait for its filler; NULL (and dropped) if it failed. */
static struct inode *wait_on_new_inode(struct inode *inode)
{
	wait_event(inode_wait, !inode_is_new(inode));
	if (list_empty(&inode->i_hash)) {	/* iget_failed() */
		iput(inode);
		return NULL;
	}
	return inode;
}

struct inode *ilookup(struct super_block *sb, unsigned long ino)
{
	struct inode *inode;

	spin_lock(&inode_hash_lock);
	inode = find_inode(sb, ino);
	spin_unlock(&inode_hash_lock);
	return inode ? wait_on_new_inode(inode) : NULL;
}

struct inode *iget_locked(struct super_block *sb, unsigned long ino)
{
	struct inode *inode = ilookup(sb, ino), *old;

	if (inode)
		return inode;
	inode = new_inode(sb);
	if (!inode)
		return NULL;
	inode->i_ino = ino;
	inode->i_state = I_NEW;
	spin_lock(&inode_hash_lock);
	old = find_inode(sb, ino);
	if (!old)
		list_add(&inode->i_hash, inode_hash(sb, ino));
	spin_unlock(&inode_hash_lock);
	if (!old)
		return inode;
	/* someone else added it meanwhile: theirs wins */
	iput(inode);
	return wait_on_new_inode(old);
}

void unlock_new_inode(struct inode *inode)
{
	spin_lock(&inode->i_lock);
	WARN_ON_ONCE(!(inode->i_state & I_NEW));
	inode->i_state &= ~I_NEW;
	spin_unlock(&inode->i_lock);
	wake_up(&inode_wait);
}

void iget_failed(struct inode *inode)
{
	remove_inode_hash(inode);
	unlock_new_inode(inode);
	iput(inode);
}

void insert_inode_hash(struct inode *inode)
{
	spin_lock(&inode_hash_lock);
	list_add(&inode->i_hash, inode_hash(inode->i_sb, inode->i_ino));
	spin_unlock(&inode_hash_lock);
}

void remove_inode_hash(struct inode *inode)
{
	spin_lock(&inode_hash_lock);
	list_del_init(&inode->i_hash);
	spin_unlock(&inode_hash_lock);
}

void ihold(struct inode *inode)
{
	VM_WARN_ON_ONCE(atomic_read(&inode->i_count) <= 0);
	atomic_inc(&inode->i_count);
}

/* Evict @inode, which iput() has marked I_FREEING and unhashed. */
static void evict(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;

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
	spin_lock(&inode_hash_lock);
	if (!atomic_dec_and_test(&inode->i_count)) {
		spin_unlock(&inode_hash_lock);
		return;
	}
	list_del_init(&inode->i_hash);
	spin_lock(&inode->i_lock);
	inode->i_state |= I_FREEING;
	spin_unlock(&inode->i_lock);
	spin_unlock(&inode_hash_lock);
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
	return ns_to_timespec64(ktime_get_real_ns());
}

void file_update_time(struct file *file)
{
	struct inode *inode = file_inode(file);
	struct timespec64 now = current_time(inode);

	spin_lock(&inode->i_lock);
	inode->i_mtime = inode->i_ctime = now;
	spin_unlock(&inode->i_lock);
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

/*
 * Block devices, fifos and sockets open to -ENXIO until block drivers,
 * pipes and sockets exist; character devices go through chrdev_open().
 */
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
	inode->i_fop = S_ISCHR(mode) ? &def_chr_fops : &no_open_fops;
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
	unsigned int i;

	inode_cache = kmem_cache_create("inode_cache", sizeof(struct inode), 0,
					SLAB_PANIC | SLAB_RECLAIM_ACCOUNT, NULL);
	for (i = 0; i < I_HASHSIZE; i++)
		INIT_LIST_HEAD(&inode_hashtable[i]);
}
