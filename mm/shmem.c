// SPDX-License-Identifier: GPL-2.0
/*
 * tmpfs (Linux's mm/shmem.c): a file system whose tree is the dcache
 * (fs/libfs.c's model: every positive dentry pinned) and whose file data
 * will be page-cache folios only.
 *
 * What exists: directories, regular files, symlinks (the body in a
 * kmalloc'd i_link; Linux puts long ones in a page), device nodes, fifos
 * and sockets (only the inode); link counts, rename with
 * RENAME_NOREPLACE/RENAME_EXCHANGE, attributes and times, statfs, and
 * the mount options size= (bytes, k/m/g suffixes, or % of RAM),
 * nr_blocks= (pages), nr_inodes=, mode=, uid=, gid=.
 *
 * Limits: each inode and each extra hard link takes one of nr_inodes
 * (as Linux, so links cannot grow the dcache without bound); -ENOSPC
 * when none is left. The defaults are half of RAM in pages for both, as
 * Linux; the internal mount (kern_mount, SB_KERNMOUNT) has no limits.
 * Directory sizes count BOGO_DIRENT_SIZE per entry, as Linux's.
 *
 * Locking: the VFS's (i_rwsem of the directories); the sb's stat_lock
 * (a spinlock) for its counts.
 */
#include <linux/shmem_fs.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/cmdline.h>
#include <linux/kstrtox.h>
#include <linux/mm.h>
#include <linux/init.h>
#include <linux/errno.h>

#define BOGO_DIRENT_SIZE	20

static struct kmem_cache *shmem_inode_cachep;
static const struct super_operations shmem_ops;
static const struct inode_operations shmem_inode_operations;
static const struct inode_operations shmem_dir_inode_operations;
static const struct inode_operations shmem_symlink_inode_operations;
static const struct file_operations shmem_file_operations;

/* Take one of the mount's inode slots. Return: 0 or -ENOSPC. */
static int shmem_reserve_inode(struct super_block *sb)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(sb);
	int err = 0;

	if (!sbinfo->max_inodes)
		return 0;
	spin_lock(&sbinfo->stat_lock);
	if (!sbinfo->free_inodes)
		err = -ENOSPC;
	else
		sbinfo->free_inodes--;
	spin_unlock(&sbinfo->stat_lock);
	return err;
}

static void shmem_free_inode(struct super_block *sb)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(sb);

	if (!sbinfo->max_inodes)
		return;
	spin_lock(&sbinfo->stat_lock);
	sbinfo->free_inodes++;
	spin_unlock(&sbinfo->stat_lock);
}

static struct inode *shmem_get_inode(struct super_block *sb, struct inode *dir,
				     umode_t mode, dev_t dev)
{
	struct inode *inode;
	int err = shmem_reserve_inode(sb);

	if (err)
		return ERR_PTR(err);
	inode = new_inode(sb);
	if (!inode) {
		shmem_free_inode(sb);
		return ERR_PTR(-ENOMEM);
	}
	inode->i_ino = get_next_ino();
	inode_init_owner(inode, dir, mode);
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_op = &shmem_inode_operations;
		inode->i_fop = &shmem_file_operations;
		break;
	case S_IFDIR:
		inc_nlink(inode);		/* "." */
		inode->i_size = 2 * BOGO_DIRENT_SIZE;
		inode->i_op = &shmem_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		break;
	case S_IFLNK:
		inode->i_op = &shmem_symlink_inode_operations;
		break;
	default:
		inode->i_op = &shmem_inode_operations;
		init_special_inode(inode, inode->i_mode, dev);
		break;
	}
	return inode;
}

/* Give @dentry its new @inode, pinned, and count the entry in @dir. */
static void shmem_instantiate(struct inode *dir, struct dentry *dentry, struct inode *inode)
{
	dir->i_size += BOGO_DIRENT_SIZE;
	dir->i_mtime = dir->i_ctime = current_time(dir);
	d_instantiate(dentry, inode);
	dget(dentry);		/* the pin: the dcache is the directory */
}

static int shmem_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	struct inode *inode = shmem_get_inode(dir->i_sb, dir, mode, dev);

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	shmem_instantiate(dir, dentry, inode);
	return 0;
}

static int shmem_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = shmem_mknod(dir, dentry, mode | S_IFDIR, 0);

	if (!err)
		inc_nlink(dir);		/* the new directory's ".." */
	return err;
}

static int shmem_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl)
{
	return shmem_mknod(dir, dentry, mode | S_IFREG, 0);
}

static int shmem_link(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry)
{
	int err = shmem_reserve_inode(dir->i_sb);

	if (err)
		return err;
	dir->i_size += BOGO_DIRENT_SIZE;
	return simple_link(old_dentry, dir, dentry);
}

static int shmem_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	if (inode->i_nlink > 1 && !S_ISDIR(inode->i_mode))
		shmem_free_inode(dir->i_sb);	/* an extra link's slot */
	dir->i_size -= BOGO_DIRENT_SIZE;
	return simple_unlink(dir, dentry);
}

static int shmem_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	drop_nlink(dentry->d_inode);	/* "." */
	drop_nlink(dir);		/* ".." */
	return shmem_unlink(dir, dentry);
}

/* simple_rename(), and the slot of a replaced extra link and the directory sizes. */
static int shmem_rename2(struct inode *old_dir, struct dentry *old_dentry,
			 struct inode *new_dir, struct dentry *new_dentry, unsigned int flags)
{
	struct inode *target = new_dentry->d_inode;
	bool extra_link = target && target->i_nlink > 1 && !S_ISDIR(target->i_mode);
	int err = simple_rename(old_dir, old_dentry, new_dir, new_dentry, flags);

	if (err || (flags & RENAME_EXCHANGE))
		return err;
	if (extra_link)
		shmem_free_inode(old_dir->i_sb);
	old_dir->i_size -= BOGO_DIRENT_SIZE;
	if (!target)
		new_dir->i_size += BOGO_DIRENT_SIZE;
	return 0;
}

static int shmem_symlink(struct inode *dir, struct dentry *dentry, const char *symname)
{
	size_t len = strlen(symname) + 1;
	struct inode *inode;

	if (len > PAGE_SIZE)
		return -ENAMETOOLONG;
	inode = shmem_get_inode(dir->i_sb, dir, S_IFLNK | 0777, 0);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	inode->i_link = kmemdup(symname, len, GFP_KERNEL);
	if (!inode->i_link) {
		iput(inode);
		return -ENOMEM;
	}
	inode->i_size = len - 1;
	shmem_instantiate(dir, dentry, inode);
	return 0;
}

static int shmem_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;

	if ((attr->ia_valid & ATTR_SIZE) && attr->ia_size != i_size_read(inode))
		i_size_write(inode, attr->ia_size);
	setattr_copy(inode, attr);
	return 0;
}

static void shmem_evict_inode(struct inode *inode)
{
	kfree(inode->i_link);
	shmem_free_inode(inode->i_sb);
}

static int shmem_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(dentry->d_sb);

	buf->f_type = TMPFS_MAGIC;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	spin_lock(&sbinfo->stat_lock);
	if (sbinfo->max_blocks) {
		buf->f_blocks = sbinfo->max_blocks;
		buf->f_bavail = buf->f_bfree = sbinfo->max_blocks - sbinfo->used_blocks;
	}
	if (sbinfo->max_inodes) {
		buf->f_files = sbinfo->max_inodes;
		buf->f_ffree = sbinfo->free_inodes;
	}
	spin_unlock(&sbinfo->stat_lock);
	return 0;
}

/* One "name=value" option into @sbinfo. Return: 0 or -EINVAL. */
static int shmem_parse_one(struct shmem_sb_info *sbinfo, const char *opt, size_t len)
{
	char buf[64], *val, *end;
	unsigned long long size;

	if (len >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, opt, len);
	buf[len] = '\0';
	val = strchr(buf, '=');
	if (!val)
		return -EINVAL;
	*val++ = '\0';
	if (!strcmp(buf, "size")) {
		size = memparse(val, &end);
		if (*end == '%' && !end[1])
			size = (u64)totalram_pages() * PAGE_SIZE / 100 * size;
		else if (*end)
			return -EINVAL;
		sbinfo->max_blocks = DIV_ROUND_UP(size, PAGE_SIZE);
		return 0;
	}
	if (!strcmp(buf, "nr_blocks")) {
		size = memparse(val, &end);
		if (*end)
			return -EINVAL;
		sbinfo->max_blocks = size;
		return 0;
	}
	if (!strcmp(buf, "nr_inodes")) {
		size = memparse(val, &end);
		if (*end)
			return -EINVAL;
		sbinfo->max_inodes = size;
		return 0;
	}
	if (!strcmp(buf, "mode")) {
		unsigned int mode;

		if (kstrtouint(val, 8, &mode))
			return -EINVAL;
		sbinfo->mode = mode & 07777;
		return 0;
	}
	if (!strcmp(buf, "uid"))
		return kstrtouint(val, 0, &sbinfo->uid) ? -EINVAL : 0;
	if (!strcmp(buf, "gid"))
		return kstrtouint(val, 0, &sbinfo->gid) ? -EINVAL : 0;
	return -EINVAL;
}

static int shmem_parse_options(struct shmem_sb_info *sbinfo, const char *data)
{
	while (data && *data) {
		size_t len = strcspn(data, ",");
		int err = len ? shmem_parse_one(sbinfo, data, len) : 0;

		if (err)
			return err;
		data += len;
		if (*data == ',')
			data++;
	}
	return 0;
}

static int shmem_fill_super(struct super_block *sb, void *data, int silent)
{
	struct shmem_sb_info *sbinfo = kzalloc(sizeof(*sbinfo), GFP_KERNEL);
	struct inode *inode;
	int err;

	if (!sbinfo)
		return -ENOMEM;
	sb->s_fs_info = sbinfo;
	sb->s_op = &shmem_ops;
	sb->s_magic = TMPFS_MAGIC;
	spin_lock_init(&sbinfo->stat_lock);
	sbinfo->mode = 01777;
	if (!(sb->s_flags & SB_KERNMOUNT)) {
		sbinfo->max_blocks = totalram_pages() / 2;
		sbinfo->max_inodes = totalram_pages() / 2;
	}
	err = shmem_parse_options(sbinfo, data);
	if (err)
		return err;
	sbinfo->free_inodes = sbinfo->max_inodes;
	inode = shmem_get_inode(sb, NULL, S_IFDIR | sbinfo->mode, 0);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	inode->i_uid = sbinfo->uid;
	inode->i_gid = sbinfo->gid;
	sb->s_root = d_make_root(inode);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct dentry *shmem_mount(struct file_system_type *fs_type, int flags,
				  const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, shmem_fill_super);
}

static void shmem_put_super(struct super_block *sb)
{
	kfree(sb->s_fs_info);
	sb->s_fs_info = NULL;
}

static struct inode *shmem_alloc_inode(struct super_block *sb)
{
	struct shmem_inode_info *info = kmem_cache_alloc(shmem_inode_cachep, GFP_KERNEL);

	return info ? &info->vfs_inode : NULL;
}

static void shmem_free_in_core_inode(struct inode *inode)
{
	kmem_cache_free(shmem_inode_cachep, container_of(inode, struct shmem_inode_info, vfs_inode));
}

static const struct super_operations shmem_ops = {
	.alloc_inode = shmem_alloc_inode,
	.free_inode = shmem_free_in_core_inode,
	.evict_inode = shmem_evict_inode,
	.put_super = shmem_put_super,
	.statfs = shmem_statfs,
};

static const struct inode_operations shmem_inode_operations = {
	.setattr = shmem_setattr,
	.getattr = simple_getattr,
};

static const struct inode_operations shmem_dir_inode_operations = {
	.create = shmem_create,
	.lookup = simple_lookup,
	.link = shmem_link,
	.unlink = shmem_unlink,
	.symlink = shmem_symlink,
	.mkdir = shmem_mkdir,
	.rmdir = shmem_rmdir,
	.mknod = shmem_mknod,
	.rename = shmem_rename2,
	.setattr = shmem_setattr,
};

static const struct inode_operations shmem_symlink_inode_operations = {
	.get_link = simple_get_link,
	.setattr = shmem_setattr,
};

static const struct file_operations shmem_file_operations = {
	.llseek = generic_file_llseek,
};

static struct file_system_type shmem_fs_type = {
	.name = "tmpfs",
	.mount = shmem_mount,
	.kill_sb = kill_litter_super,
};

void shmem_init(void)
{
	shmem_inode_cachep = kmem_cache_create("shmem_inode_cache",
					       sizeof(struct shmem_inode_info), 0,
					       SLAB_PANIC | SLAB_RECLAIM_ACCOUNT, NULL);
	BUG_ON(register_filesystem(&shmem_fs_type));
}
