// SPDX-License-Identifier: GPL-2.0
/*
 * Changing an inode's attributes (Linux's fs/attr.c): notify_change()
 * checks the change (setattr_prepare()) and hands it to the file
 * system's ->setattr(), whose usual helper is setattr_copy(). The caller
 * holds the inode's i_rwsem.
 *
 * Who may do what, as Linux: chown to another user: CAP_CHOWN; chgrp:
 * CAP_CHOWN, or the owner to a group it is in (in_group_p(): its fsgid
 * or a supplementary group); chmod and setting explicit times: the owner
 * or CAP_FOWNER; touching the times to "now": the owner, CAP_FOWNER, or
 * anyone who may write the file; a chmod keeps setgid only for a member
 * of the file's group or CAP_FSETID. A chown of a
 * non-directory drops its setuid bit, and its setgid bit when group
 * execution is on (ATTR_KILL_SUID/SGID), whoever does it, as Linux.
 */
#include <linux/fs.h>
#include <linux/cred.h>
#include <linux/errno.h>

static bool inode_owner_or_capable(const struct inode *inode)
{
	return current_fsuid() == inode->i_uid || capable(CAP_FOWNER);
}

/* May the caller give a file's group to @gid (CAP_CHOWN), or keep setgid (CAP_FSETID)? */
static bool in_group_or_capable(gid_t gid, int cap)
{
	return in_group_p(gid) || capable(cap);
}

int setattr_prepare(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	unsigned int valid = attr->ia_valid;

	if (valid & ATTR_FORCE)
		return 0;
	if ((valid & ATTR_UID) && attr->ia_uid != inode->i_uid && !capable(CAP_CHOWN))
		return -EPERM;
	if ((valid & ATTR_UID) && !inode_owner_or_capable(inode))
		return -EPERM;
	if ((valid & ATTR_GID) && (!inode_owner_or_capable(inode) ||
				   (attr->ia_gid != inode->i_gid && !in_group_or_capable(attr->ia_gid, CAP_CHOWN))))
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
		if (!in_group_or_capable(inode->i_gid, CAP_FSETID) && !(valid & ATTR_FORCE))
			mode &= ~S_ISGID;
		inode->i_mode = mode;
	}
}

/* ATTR_KILL_SUID / ATTR_KILL_SGID as a mode change, as Linux's notify_change(). */
static void kill_suid_sgid(struct inode *inode, struct iattr *attr)
{
	umode_t mode = inode->i_mode, kill = 0;

	if ((attr->ia_valid & ATTR_KILL_SUID) && (mode & S_ISUID))
		kill |= S_ISUID;
	if ((attr->ia_valid & ATTR_KILL_SGID) && (mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP))
		kill |= S_ISGID;
	if (!kill || WARN_ON_ONCE(attr->ia_valid & ATTR_MODE))
		return;
	attr->ia_valid |= ATTR_MODE;
	attr->ia_mode = mode & ~kill;
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
	kill_suid_sgid(inode, attr);
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
