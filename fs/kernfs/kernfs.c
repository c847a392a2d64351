// SPDX-License-Identifier: GPL-2.0
/*
 * kernfs: the tree of kernel-made nodes under sysfs and debugfs; the
 * design, the picture and the locking are in include/linux/kernfs.h.
 *
 * A node is created as tmpfs creates a file: the parent's i_rwsem held,
 * lookup_one_len() gives the negative dentry, a new inode is instantiated
 * in it and the lookup's reference stays as the pin (kill_litter_super()
 * and kernfs_remove() drop it).
 *
 * kernfs_remove() walks the subtree depth first (trees are a few levels
 * deep: the recursion is bounded by that), deactivating and unlinking each
 * node as vfs_unlink() does (the pin dropped, then d_delete()). A node
 * removed while open stays positive but unhashed until its last dput();
 * the walk skips such nodes.
 */
#include <linux/kernfs.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/errno.h>

/* Held while a node's data is in use, and while removal clears it (see kernfs.h). */
static DEFINE_MUTEX(kernfs_active_mutex);

static const struct inode_operations kernfs_file_iops;
/* A file made without operations: opens, and reading or writing it is -EINVAL. */
static const struct file_operations kernfs_empty_fops;

static const struct super_operations kernfs_sops = {
	.statfs = simple_statfs,
};

static struct inode *kernfs_new_inode(struct super_block *sb, umode_t mode, void *data)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_ino = get_next_ino();
	inode->i_mode = mode;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	inode->i_private = data;
	inode->i_op = &kernfs_file_iops;
	inode->i_fop = &kernfs_empty_fops;
	if (S_ISDIR(mode)) {
		inode->i_op = &simple_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		inc_nlink(inode);	/* "." */
	}
	return inode;
}

/* Make the node @name in @parent: a directory, or a file with @fops. */
static struct dentry *kernfs_create(struct dentry *parent, const char *name, umode_t mode,
				    void *data, const struct file_operations *fops)
{
	struct inode *dir = d_inode(parent), *inode;
	struct dentry *dentry;

	inode_lock(dir);
	dentry = lookup_one_len(name, parent, strlen(name));
	if (IS_ERR(dentry))
		goto unlock;
	if (d_really_is_positive(dentry)) {
		dput(dentry);
		dentry = ERR_PTR(-EEXIST);
		goto unlock;
	}
	inode = kernfs_new_inode(dir->i_sb, mode, data);
	if (!inode)
		goto put_dentry;
	if (fops)
		inode->i_fop = fops;
	if (S_ISDIR(mode))
		inc_nlink(dir);		/* its ".." */
	dir->i_mtime = dir->i_ctime = current_time(dir);
	d_instantiate(dentry, inode);	/* the lookup's reference stays: the pin */
	goto unlock;

put_dentry:
	dput(dentry);
	dentry = ERR_PTR(-ENOMEM);
unlock:
	inode_unlock(dir);
	return dentry;
}

struct dentry *kernfs_create_dir(struct dentry *parent, const char *name, umode_t mode,
				 void *data)
{
	return kernfs_create(parent, name, S_IFDIR | (mode & 07777), data, NULL);
}

struct dentry *kernfs_create_file(struct dentry *parent, const char *name, umode_t mode,
				  const struct file_operations *fops, void *data)
{
	return kernfs_create(parent, name, S_IFREG | (mode & 07777), data, fops);
}

void *kernfs_get_active(struct inode *inode)
{
	mutex_lock(&kernfs_active_mutex);
	if (inode->i_private)
		return inode->i_private;
	mutex_unlock(&kernfs_active_mutex);
	return NULL;
}

void kernfs_put_active(void)
{
	mutex_unlock(&kernfs_active_mutex);
}

static void kernfs_deactivate(struct inode *inode)
{
	mutex_lock(&kernfs_active_mutex);
	inode->i_private = NULL;
	mutex_unlock(&kernfs_active_mutex);
}

/* A live (positive, hashed) child of @dir, with a reference; NULL if none. */
static struct dentry *kernfs_first_child(struct dentry *dir)
{
	struct dentry *child;

	spin_lock(&dcache_lock);
	list_for_each_entry(child, &dir->d_subdirs, d_child) {
		if (child->d_inode && !d_unhashed(child)) {
			dget(child);
			spin_unlock(&dcache_lock);
			return child;
		}
	}
	spin_unlock(&dcache_lock);
	return NULL;
}

/*
 * Remove @node, referenced by the caller, from @dir, whose i_rwsem is held:
 * what simple_unlink()/simple_rmdir() and d_delete() do for an unlink,
 * except that a directory is removed even while a removed child of it is
 * still open (simple_empty() would count that child).
 */
static void kernfs_remove_locked(struct inode *dir, struct dentry *node)
{
	struct inode *inode = d_inode(node);
	struct dentry *child;

	if (S_ISDIR(inode->i_mode)) {
		while ((child = kernfs_first_child(node))) {
			kernfs_remove_locked(inode, child);
			dput(child);
		}
		drop_nlink(dir);	/* its ".." */
	}
	kernfs_deactivate(inode);
	clear_nlink(inode);
	dir->i_mtime = dir->i_ctime = current_time(dir);
	dput(node);		/* the pin */
	d_delete(node);
}

void kernfs_remove(struct dentry *node)
{
	struct inode *dir;

	if (IS_ERR_OR_NULL(node))
		return;
	dir = d_inode(node->d_parent);
	dget(node);
	inode_lock(dir);
	if (node->d_inode && !d_unhashed(node))
		kernfs_remove_locked(dir, node);
	inode_unlock(dir);
	dput(node);
}

/* The super block of a kernfs type: an empty root directory, mode 0755. */
static int kernfs_fill_super(struct super_block *sb, void *data, int silent)
{
	struct inode *inode;

	sb->s_op = &kernfs_sops;
	inode = kernfs_new_inode(sb, S_IFDIR | 0755, NULL);
	if (!inode)
		return -ENOMEM;
	sb->s_root = d_make_root(inode);
	return sb->s_root ? 0 : -ENOMEM;
}

struct dentry *kernfs_mount_single(struct file_system_type *fs_type, int flags, void *data,
				   struct vfsmount *internal, unsigned long magic)
{
	struct super_block *sb;
	struct dentry *root;

	if (internal) {
		sb = internal->mnt_sb;
		atomic_inc(&sb->s_active);
		return dget(sb->s_root);
	}
	root = mount_nodev(fs_type, flags, data, kernfs_fill_super);
	if (!IS_ERR(root))
		root->d_sb->s_magic = magic;
	return root;
}
