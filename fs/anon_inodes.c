// SPDX-License-Identifier: GPL-2.0
/*
 * Anonymous inodes (Linux's fs/anon_inodes.c): files with no name in any
 * directory, for objects that only need an fd (pidfds here; eventfd and
 * epoll may use them too). One pseudo file system, "anon_inodefs",
 * mounted nowhere (kern_mount() at boot), holds one inode that every such
 * file shares (a reference per file, ihold()); each file gets a dentry of
 * its own named by the caller ("[pidfd]"), which is what /proc/PID/fd
 * would show as "anon_inode:[pidfd]".
 */
#include <linux/anon_inodes.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/mount.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/panic.h>

#define ANON_INODE_FS_MAGIC	0x09041934

static struct vfsmount *anon_inode_mnt;
static struct inode *anon_inode_inode;

static const struct super_operations anon_inodefs_ops = {
	.statfs = simple_statfs,
};

static int anon_inodefs_fill_super(struct super_block *sb, void *data, int silent)
{
	struct inode *root;

	sb->s_op = &anon_inodefs_ops;
	root = new_inode(sb);
	if (!root)
		return -ENOMEM;
	root->i_mode = S_IFDIR | 0500;
	sb->s_magic = ANON_INODE_FS_MAGIC;
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct dentry *anon_inodefs_mount(struct file_system_type *type, int flags,
					 const char *dev_name, void *data)
{
	return mount_nodev(type, flags, data, anon_inodefs_fill_super);
}

static struct file_system_type anon_inode_fs_type = {
	.name = "anon_inodefs",
	.mount = anon_inodefs_mount,
	.kill_sb = kill_anon_super,
};

struct file *anon_inode_getfile(const char *name, const struct file_operations *fops,
				void *priv, int flags)
{
	struct file *file;

	ihold(anon_inode_inode);
	file = alloc_file_pseudo(anon_inode_inode, anon_inode_mnt, name,
				 flags & (O_ACCMODE | O_NONBLOCK), fops);
	if (IS_ERR(file)) {
		iput(anon_inode_inode);
		return file;
	}
	file->private_data = priv;
	return file;
}

int anon_inode_getfd(const char *name, const struct file_operations *fops, void *priv,
		     int flags)
{
	int fd = get_unused_fd_flags(flags);
	struct file *file;

	if (fd < 0)
		return fd;
	file = anon_inode_getfile(name, fops, priv, flags);
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		return PTR_ERR(file);
	}
	fd_install(fd, file);
	return fd;
}

void anon_inode_init(void)
{
	if (register_filesystem(&anon_inode_fs_type))
		panic("anon_inode_init: cannot register anon_inodefs");
	anon_inode_mnt = kern_mount(&anon_inode_fs_type);
	if (IS_ERR(anon_inode_mnt))
		panic("anon_inode_init: cannot mount anon_inodefs");
	anon_inode_inode = new_inode(anon_inode_mnt->mnt_sb);
	if (!anon_inode_inode)
		panic("anon_inode_init: no inode");
	/* Linux's: a regular-looking, unreadable inode owned by root */
	anon_inode_inode->i_mode = S_IRUSR | S_IWUSR;
	anon_inode_inode->i_uid = 0;
	anon_inode_inode->i_gid = 0;
}
