// SPDX-License-Identifier: GPL-2.0
/*
 * Super blocks (Linux's fs/super.c): one per mounted file-system instance.
 *
 * sget_anon() makes one with an anonymous device number (major 0, minor
 * from a bitmap, as Linux's get_anon_bdev()) and s_active 1; each mount
 * of it holds one s_active (vfs_kern_mount() takes over the first);
 * deactivate_super() of the last calls the type's kill_sb(), which drops
 * the tree (kill_litter_super(): the pinned dentries; then the root) and
 * ends in kill_anon_super(): the inodes must all be gone by then,
 * ->put_super() frees the file system's own data, and the super block is
 * freed.
 *
 * Locking: sb_lock (a spinlock) guards super_blocks and the minor bitmap.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/bitops.h>
#include <linux/sprintf.h>
#include <linux/errno.h>
#include "internal.h"

#define NR_ANON_MINORS	4096

static LIST_HEAD(super_blocks);
static DEFINE_SPINLOCK(sb_lock);
static unsigned long anon_minors[NR_ANON_MINORS / BITS_PER_LONG];

int get_anon_bdev(dev_t *p)
{
	unsigned int i;

	spin_lock(&sb_lock);
	/* minor 0 is never given: a dev_t of 0 means "none" */
	for (i = 1; i < NR_ANON_MINORS && test_bit(i, anon_minors); i++)
		;
	if (i < NR_ANON_MINORS)
		__set_bit(i, anon_minors);
	spin_unlock(&sb_lock);
	if (i == NR_ANON_MINORS)
		return -EMFILE;
	*p = MKDEV(0, i);
	return 0;
}

void free_anon_bdev(dev_t dev)
{
	spin_lock(&sb_lock);
	__clear_bit(MINOR(dev), anon_minors);
	spin_unlock(&sb_lock);
}

struct super_block *sget_anon(struct file_system_type *type, int flags)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);
	int err;

	if (!sb)
		return ERR_PTR(-ENOMEM);
	err = get_anon_bdev(&sb->s_dev);
	if (err) {
		kfree(sb);
		return ERR_PTR(err);
	}
	sb->s_type = type;
	sb->s_flags = flags;
	sb->s_blocksize = PAGE_SIZE;
	sb->s_blocksize_bits = PAGE_SHIFT;
	sb->s_maxbytes = MAX_LFS_FILESIZE;
	atomic_set(&sb->s_active, 1);
	INIT_LIST_HEAD(&sb->s_inodes);
	spin_lock_init(&sb->s_inode_list_lock);
	mutex_init(&sb->s_vfs_rename_mutex);
	snprintf(sb->s_id, sizeof(sb->s_id), "%s", type->name);
	spin_lock(&sb_lock);
	list_add_tail(&sb->s_list, &super_blocks);
	spin_unlock(&sb_lock);
	return sb;
}

struct dentry *mount_nodev(struct file_system_type *fs_type, int flags, void *data,
			   int (*fill_super)(struct super_block *, void *, int))
{
	struct super_block *sb = sget_anon(fs_type, flags);
	int err;

	if (IS_ERR(sb))
		return ERR_CAST(sb);
	err = fill_super(sb, data, flags & MS_SILENT ? 1 : 0);
	if (err) {
		deactivate_super(sb);
		return ERR_PTR(err);
	}
	return dget(sb->s_root);
}

void kill_anon_super(struct super_block *sb)
{
	evict_inodes(sb);
	if (sb->s_op && sb->s_op->put_super)
		sb->s_op->put_super(sb);
	spin_lock(&sb_lock);
	list_del(&sb->s_list);
	spin_unlock(&sb_lock);
	free_anon_bdev(sb->s_dev);
	kfree(sb);
}

void kill_litter_super(struct super_block *sb)
{
	struct dentry *root = sb->s_root;

	if (root) {
		d_genocide(root);
		sb->s_root = NULL;
		dput(root);
	}
	kill_anon_super(sb);
}

void deactivate_super(struct super_block *sb)
{
	if (atomic_dec_and_test(&sb->s_active))
		sb->s_type->kill_sb(sb);
}
