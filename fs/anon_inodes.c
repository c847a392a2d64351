// SPDX-License-Identifier: GPL-2.0
/*
 * Anonymous inodes (include/linux/anon_inodes.h), as Linux's: one internal
 * mount of "anon_inodefs" and one inode in it, shared by every file made
 * here. Each file holds a reference on the inode through its pseudo
 * dentry ("anon_inode:[eventfd]"...), so the inode never goes while a
 * file lives; anon_inode_init()'s own reference keeps it for good.
 *
 * The inode's mode is 0600 with no file type, its owner root, as Linux's
 * (fstat of an eventfd shows st_mode 0600). No locking of its own: the
 * inode is never changed after anon_inode_init().
 */
#include <linux/anon_inodes.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/mount.h>
#include <linux/panic.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/err.h>

#define ANON_INODE_FS_MAGIC	0x09041934

static struct vfsmount *anon_inode_mnt;
static struct inode *anon_inode_inode;

static struct dentry *anon_inodefs_mount(struct file_system_type *fs_type, int flags,
					 const char *dev_name, void *data)
{
	return mount_pseudo(fs_type, NULL, ANON_INODE_FS_MAGIC);
}

static struct file_system_type anon_inode_fs_type = {
	.name = "anon_inodefs",
	.mount = anon_inodefs_mount,
	.kill_sb = kill_anon_super,
};

struct file *anon_inode_getfile(const char *name, const struct file_operations *fops,
				void *priv, int flags)
{
	char dname[64];
	struct file *file;

	snprintf(dname, sizeof(dname), "anon_inode:%s", name);
	ihold(anon_inode_inode);
	file = alloc_file_pseudo(anon_inode_inode, anon_inode_mnt, dname,
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
		panic("anon_inode_init: cannot mount anon_inodefs: %ld", PTR_ERR(anon_inode_mnt));
	anon_inode_inode = new_inode(anon_inode_mnt->mnt_sb);
	if (!anon_inode_inode)
		panic("anon_inode_init: no inode");
	anon_inode_inode->i_ino = get_next_ino();
	anon_inode_inode->i_mode = 0600;
}
