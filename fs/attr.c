// SPDX-License-Identifier: GPL-2.0
/*
 * Changing an inode's attributes (Linux's fs/attr.c): notify_change()
 * checks the change (setattr_prepare()) and hands it to the file
 * system's ->setattr(), whose usual helper is setattr_copy(). The caller
 * holds the inode's i_rwsem.
 *
 * Who may do what, as Linux (fsuid 0 standing for the capabilities):
 * chown to another user: root; chgrp: root, or the owner to a group it
 * is in (its fsgid: there are no supplementary groups yet); chmod and
 * setting explicit times: the owner or root; touching the times to
 * "now": the owner, root, or anyone who may write the file.
 */
#include <linux/fs.h>
#include <linux/cred.h>
#include <linux/errno.h>

static bool inode_owner_or_capable(const struct inode *inode)
{
	return current_fsuid() == inode->i_uid || fsuid_is_root();
}

static bool in_group_or_capable(gid_t gid)
{
	return current_fsgid() == gid || fsuid_is_root();
}

int setattr_prepare(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	unsigned int valid = attr->ia_valid;

	if (valid & ATTR_FORCE)
		return 0;
	if ((valid & ATTR_UID) && attr->ia_uid != inode->i_uid && !fsuid_is_root())
		return -EPERM;
	if ((valid & ATTR_UID) && !inode_owner_or_capable(inode))
		return -EPERM;
	if ((valid & ATTR_GID) && (!inode_owner_or_capable(inode) ||
				   (attr->ia_gid != inode->i_gid && !in_group_or_capable(attr->ia_gid))))
		return -EPERM;
	if ((valid & ATTR_MODE) && !inode_owner_or_capable(inode))
		return -EPERM;
	if ((valid & (ATTR_ATIME_SET | ATTR_MTIME_SET)) && !inode_owner_or_capable(inode))
		return -EPERM;
	if ((valid & ATTR_TOUCH) && !inode_owner_or_capable(inode))
		return inode_permission(inode, MAY_WRITE);
	return 0;
}

void setattr_copy(struct inode *inode, const struct iattr *attr)
{
	unsigned int valid = attr->ia_valid;

	if (valid & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (valid & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (valid & ATTR_ATIME)
		inode->i_atime = attr->ia_atime;
	if (valid & ATTR_MTIME)
		inode->i_mtime = attr->ia_mtime;
	if (valid & ATTR_CTIME)
		inode->i_ctime = attr->ia_ctime;
	if (valid & ATTR_MODE) {
		umode_t mode = attr->ia_mode;

		/* setgid on a file of a group the caller is not in is dropped, as Linux */
		if (!in_group_or_capable(inode->i_gid) && !(valid & ATTR_FORCE))
			mode &= ~S_ISGID;
		inode->i_mode = mode;
	}
}

int notify_change(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	struct timespec64 now = current_time(inode);
	int err;

	if (attr->ia_valid & ATTR_SIZE) {
		if (S_ISDIR(inode->i_mode))
			return -EISDIR;
		if (!S_ISREG(inode->i_mode))
			return -EINVAL;
		if (attr->ia_size < 0)
			return -EINVAL;
		if (attr->ia_size > inode->i_sb->s_maxbytes)
			return -EFBIG;
	}
	err = setattr_prepare(dentry, attr);
	if (err)
		return err;
	attr->ia_ctime = now;
	attr->ia_valid |= ATTR_CTIME;
	if (!(attr->ia_valid & ATTR_ATIME_SET))
		attr->ia_atime = now;
	if (!(attr->ia_valid & ATTR_MTIME_SET))
		attr->ia_mtime = now;
	if (inode->i_op->setattr)
		return inode->i_op->setattr(dentry, attr);
	if (attr->ia_valid & ATTR_SIZE)
		return -EPERM;		/* nothing to truncate with */
	setattr_copy(inode, attr);
	return 0;
}
