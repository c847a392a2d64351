// SPDX-License-Identifier: GPL-2.0
/*
 * Reading directories (Linux's fs/readdir.c): iterate_dir() runs the
 * file system's ->iterate_shared() under the directory's lock, with a
 * dir_context whose actor takes one entry at a time; getdents64 packs
 * them as struct linux_dirent64 (dirent.h) records: 8-byte aligned,
 * d_off the position after the entry, names NUL-terminated. The buffer
 * here is a kernel one; the system call will give a user one.
 */
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/dirent.h>
#include <linux/string.h>
#include <linux/errno.h>

int iterate_dir(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file_inode(file);
	int err = -ENOTDIR;

	if (!file->f_op->iterate_shared)
		return err;
	inode_lock(inode);
	err = -ENOENT;
	if (!IS_DEADDIR(inode)) {
		ctx->pos = file->f_pos;
		err = file->f_op->iterate_shared(file, ctx);
		file->f_pos = ctx->pos;
	}
	inode_unlock(inode);
	return err;
}

struct getdents_callback64 {
	struct dir_context ctx;
	struct linux_dirent64 *previous;	/* its d_off waits for the next position */
	char *current_dir;			/* where the next record goes */
	int count;				/* bytes left */
	int error;
};

static bool filldir64(struct dir_context *ctx, const char *name, int namlen, loff_t offset,
		      u64 ino, unsigned int d_type)
{
	struct getdents_callback64 *buf = container_of(ctx, struct getdents_callback64, ctx);
	size_t head = offsetof(struct linux_dirent64, d_name);
	int reclen = ALIGN(head + namlen + 1, sizeof(u64));
	struct linux_dirent64 *d = (struct linux_dirent64 *)buf->current_dir;

	if (reclen > buf->count) {
		buf->error = -EINVAL;	/* reported only if not even one entry fits */
		return false;
	}
	if (buf->previous)
		buf->previous->d_off = offset;
	d->d_ino = ino;
	d->d_reclen = reclen;
	d->d_type = d_type;
	memcpy(d->d_name, name, namlen);
	memset(d->d_name + namlen, 0, reclen - head - namlen);
	buf->previous = d;
	buf->current_dir += reclen;
	buf->count -= reclen;
	return true;
}

int ksys_getdents64(unsigned int fd, void *dirent, unsigned int count)
{
	struct getdents_callback64 buf = {
		.ctx.actor = filldir64,
		.current_dir = dirent,
		.count = count,
	};
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = iterate_dir(f, &buf.ctx);
	if (buf.previous) {
		buf.previous->d_off = buf.ctx.pos;
		err = buf.current_dir - (char *)dirent;
	} else if (!err) {
		err = buf.error;
	}
	fput(f);
	return err;
}
