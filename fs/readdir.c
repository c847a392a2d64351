// SPDX-License-Identifier: GPL-2.0
/*
 * Reading directories (Linux's fs/readdir.c): iterate_dir() runs the
 * file system's ->iterate_shared() under the directory's lock, with a
 * dir_context whose actor takes one entry at a time; getdents64 packs
 * them as struct linux_dirent64 (dirent.h) records: 8-byte aligned,
 * d_off the position after the entry, names NUL-terminated; the old
 * getdents as struct linux_dirent, with d_type in a record's last byte. The records
 * go through an iov_iter: a kernel buffer for ksys_getdents64(), the
 * user's for the system call.
 */
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/dirent.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/uio.h>
#include <linux/syscalls.h>

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

/* The longest record of either format: a NAME_MAX name. */
#define DIRENT_MAX	ALIGN(offsetof(struct linux_dirent64, d_name) + NAME_MAX + 1, sizeof(u64))

/*
 * A record waits in @pending until the next entry's position, its d_off,
 * is known; then it goes to @iter whole (copy_to_iter()). @legacy: the
 * old getdents format (struct linux_dirent), else getdents64's; d_off is
 * at the same place in both.
 */
struct getdents_callback {
	struct dir_context ctx;
	struct iov_iter *iter;	/* the caller's buffer */
	bool legacy;
	union {
		struct linux_dirent64 d64;
		struct linux_dirent d;
		char bytes[DIRENT_MAX];
	} pending;
	size_t pending_len;	/* 0: none yet */
	int count;		/* bytes of the buffer not yet claimed by a record */
	int error;
};

static_assert(offsetof(struct linux_dirent, d_off) == offsetof(struct linux_dirent64, d_off));

/* Send the pending record with @d_off. Return: 0, or -EFAULT on a short copy. */
static int flush_pending(struct getdents_callback *buf, loff_t d_off)
{
	buf->pending.d64.d_off = d_off;
	if (copy_to_iter(&buf->pending, buf->pending_len, buf->iter) != buf->pending_len)
		return -EFAULT;
	return 0;
}

/* The record of one entry in @buf->pending (its d_off comes later); @reclen bytes. */
static void fill_record(struct getdents_callback *buf, const char *name, int namlen, u64 ino,
			unsigned int d_type, int reclen)
{
	memset(buf->pending.bytes, 0, reclen);
	if (buf->legacy) {
		buf->pending.d.d_ino = ino;
		buf->pending.d.d_reclen = reclen;
		memcpy(buf->pending.d.d_name, name, namlen);
		buf->pending.bytes[reclen - 1] = d_type;	/* the last byte, after the NUL */
	} else {
		buf->pending.d64.d_ino = ino;
		buf->pending.d64.d_reclen = reclen;
		buf->pending.d64.d_type = d_type;
		memcpy(buf->pending.d64.d_name, name, namlen);
	}
}

static bool filldir(struct dir_context *ctx, const char *name, int namlen, loff_t offset,
		    u64 ino, unsigned int d_type)
{
	struct getdents_callback *buf = container_of(ctx, struct getdents_callback, ctx);
	int reclen = buf->legacy ?
		ALIGN(offsetof(struct linux_dirent, d_name) + namlen + 2, sizeof(long)) :
		ALIGN(offsetof(struct linux_dirent64, d_name) + namlen + 1, sizeof(u64));

	if (reclen > buf->count) {
		buf->error = -EINVAL;	/* reported only if not even one entry fits */
		return false;
	}
	if (buf->pending_len) {
		buf->error = flush_pending(buf, offset);
		if (buf->error)
			return false;
	}
	fill_record(buf, name, namlen, ino, d_type, reclen);
	buf->pending_len = reclen;
	buf->count -= reclen;
	return true;
}

/* getdents or getdents64 into @iter. Return: the bytes of whole records, 0 at the end, or -errno. */
static int do_getdents(unsigned int fd, struct iov_iter *iter, bool legacy)
{
	struct getdents_callback buf = {
		.ctx.actor = filldir,
		.iter = iter,
		.legacy = legacy,
		.count = iov_iter_count(iter),
	};
	int size = buf.count, err;
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	err = iterate_dir(f, &buf.ctx);
	if (buf.pending_len)
		err = flush_pending(&buf, buf.ctx.pos) ?: size - buf.count;
	else if (!err)
		err = buf.error;
	fput(f);
	return err;
}

int ksys_getdents64(unsigned int fd, void *dirent, unsigned int count)
{
	struct kvec kv = { .iov_base = dirent, .iov_len = min_t(size_t, count, MAX_RW_COUNT) };
	struct iov_iter iter;

	iov_iter_kvec(&iter, ITER_DEST, &kv, 1, kv.iov_len);
	return do_getdents(fd, &iter, false);
}

SYSCALL_DEFINE3(getdents64, unsigned int, fd, struct linux_dirent64 __user *, dirent,
		unsigned int, count)
{
	struct iovec iov;
	struct iov_iter iter;
	int err = import_single_range(ITER_DEST, dirent, count, &iov, &iter);

	return err ?: do_getdents(fd, &iter, false);
}

SYSCALL_DEFINE3(getdents, unsigned int, fd, struct linux_dirent __user *, dirent,
		unsigned int, count)
{
	struct iovec iov;
	struct iov_iter iter;
	int err = import_single_range(ITER_DEST, dirent, count, &iov, &iter);

	return err ?: do_getdents(fd, &iter, true);
}
