// SPDX-License-Identifier: GPL-2.0
/*
 * read, write, their positioned and vectored forms, and lseek (Linux's
 * fs/read_write.c). Every transfer goes through the file's ->read_iter()
 * or ->write_iter() with a struct kiocb (file, position, flags) and an
 * iov_iter over the caller's buffers: ITER_KVEC for kernel buffers
 * (kernel_read(), ksys_read() today), ITER_IOVEC for user ones (readv
 * and writev, and the system calls to come).
 *
 * f_pos: read/write/lseek through one file hold f_pos_lock around the use
 * of the position, so concurrent readers of one file get distinct ranges
 * (as Linux's FMODE_ATOMIC_POS for regular files); pread and pwrite
 * leave it alone. O_APPEND writes go to the end (IOCB_APPEND; the file
 * system takes the size under its i_rwsem).
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/file.h>
#include <linux/uio.h>
#include <linux/errno.h>
#include <linux/kernel.h>

#define MAX_RW_COUNT	(INT_MAX & PAGE_MASK)	/* one call moves at most this, as Linux */

static int rw_verify_area(struct file *file, loff_t pos, size_t count)
{
	if (pos < 0)
		return -EINVAL;
	if (pos + (loff_t)count < pos)
		return -EOVERFLOW;
	return 0;
}

ssize_t vfs_iter_read(struct file *file, struct iov_iter *iter, loff_t *ppos)
{
	struct kiocb kiocb = { .ki_filp = file, .ki_pos = *ppos };
	ssize_t ret;

	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (!file->f_op->read_iter)
		return -EINVAL;
	ret = rw_verify_area(file, *ppos, iov_iter_count(iter));
	if (ret)
		return ret;
	if (!iov_iter_count(iter))
		return 0;
	ret = file->f_op->read_iter(&kiocb, iter);
	if (ret > 0)
		*ppos = kiocb.ki_pos;
	return ret;
}

ssize_t vfs_iter_write(struct file *file, struct iov_iter *iter, loff_t *ppos)
{
	struct kiocb kiocb = { .ki_filp = file, .ki_pos = *ppos };
	ssize_t ret;

	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op->write_iter)
		return -EINVAL;
	if (file->f_flags & O_APPEND)
		kiocb.ki_flags |= IOCB_APPEND;
	ret = rw_verify_area(file, *ppos, iov_iter_count(iter));
	if (ret)
		return ret;
	if (!iov_iter_count(iter))
		return 0;
	ret = file->f_op->write_iter(&kiocb, iter);
	if (ret > 0)
		*ppos = kiocb.ki_pos;
	return ret;
}

ssize_t vfs_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	struct kvec kv = { .iov_base = buf, .iov_len = min_t(size_t, count, MAX_RW_COUNT) };
	struct iov_iter iter;

	iov_iter_kvec(&iter, ITER_DEST, &kv, 1, kv.iov_len);
	return vfs_iter_read(file, &iter, pos);
}

ssize_t vfs_write(struct file *file, const void *buf, size_t count, loff_t *pos)
{
	struct kvec kv = { .iov_base = (void *)buf, .iov_len = min_t(size_t, count, MAX_RW_COUNT) };
	struct iov_iter iter;

	iov_iter_kvec(&iter, ITER_SOURCE, &kv, 1, kv.iov_len);
	return vfs_iter_write(file, &iter, pos);
}

ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	return vfs_read(file, buf, count, pos);
}

ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos)
{
	return vfs_write(file, buf, count, pos);
}

/* A read or write at the file position, under f_pos_lock. */
static ssize_t rw_at_fpos(unsigned int fd, void *buf, size_t count, bool write)
{
	struct file *f = fget(fd);
	ssize_t ret;

	if (!f)
		return -EBADF;
	mutex_lock(&f->f_pos_lock);
	ret = write ? vfs_write(f, buf, count, &f->f_pos) : vfs_read(f, buf, count, &f->f_pos);
	mutex_unlock(&f->f_pos_lock);
	fput(f);
	return ret;
}

ssize_t ksys_read(unsigned int fd, void *buf, size_t count)
{
	return rw_at_fpos(fd, buf, count, false);
}

ssize_t ksys_write(unsigned int fd, const void *buf, size_t count)
{
	return rw_at_fpos(fd, (void *)buf, count, true);
}

static ssize_t prw(unsigned int fd, void *buf, size_t count, loff_t pos, bool write)
{
	struct file *f;
	ssize_t ret = -ESPIPE;

	if (pos < 0)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	if (f->f_mode & (write ? FMODE_PWRITE : FMODE_PREAD))
		ret = write ? vfs_write(f, buf, count, &pos) : vfs_read(f, buf, count, &pos);
	fput(f);
	return ret;
}

ssize_t ksys_pread64(unsigned int fd, void *buf, size_t count, loff_t pos)
{
	return prw(fd, buf, count, pos, false);
}

ssize_t ksys_pwrite64(unsigned int fd, const void *buf, size_t count, loff_t pos)
{
	return prw(fd, (void *)buf, count, pos, true);
}

ssize_t iov_length_checked(const struct iovec *iov, unsigned long nr_segs)
{
	size_t total = 0;
	unsigned long i;

	if (nr_segs > UIO_MAXIOV)
		return -EINVAL;
	for (i = 0; i < nr_segs; i++) {
		if ((ssize_t)iov[i].iov_len < 0 || total + iov[i].iov_len > MAX_RW_COUNT)
			return -EINVAL;
		total += iov[i].iov_len;
	}
	return total;
}

/* readv/writev on @iov (user buffers), at the file position. */
static ssize_t do_rwv(unsigned int fd, const struct iovec *iov, unsigned long nr_segs,
		      bool write)
{
	ssize_t total = iov_length_checked(iov, nr_segs);
	struct iov_iter iter;
	struct file *f;
	ssize_t ret;

	if (total < 0)
		return total;
	f = fget(fd);
	if (!f)
		return -EBADF;
	iov_iter_init(&iter, write ? ITER_SOURCE : ITER_DEST, iov, nr_segs, total);
	mutex_lock(&f->f_pos_lock);
	ret = write ? vfs_iter_write(f, &iter, &f->f_pos) : vfs_iter_read(f, &iter, &f->f_pos);
	mutex_unlock(&f->f_pos_lock);
	fput(f);
	return ret;
}

ssize_t do_readv(unsigned int fd, const struct iovec *vec, unsigned long vlen)
{
	return do_rwv(fd, vec, vlen, false);
}

ssize_t do_writev(unsigned int fd, const struct iovec *vec, unsigned long vlen)
{
	return do_rwv(fd, vec, vlen, true);
}

loff_t vfs_setpos(struct file *file, loff_t offset, loff_t maxsize)
{
	if (offset < 0 || offset > maxsize)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}

loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence,
				loff_t maxsize, loff_t eof)
{
	switch (whence) {
	case SEEK_END:
		offset += eof;
		break;
	case SEEK_CUR:
		offset += file->f_pos;
		break;
	case SEEK_DATA:
		if (offset < 0 || offset >= eof)
			return -ENXIO;
		break;
	case SEEK_HOLE:
		if (offset < 0 || offset >= eof)
			return -ENXIO;
		offset = eof;
		break;
	case SEEK_SET:
		break;
	default:
		return -EINVAL;
	}
	return vfs_setpos(file, offset, maxsize);
}

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	struct inode *inode = file_inode(file);

	return generic_file_llseek_size(file, offset, whence, inode->i_sb->s_maxbytes,
					i_size_read(inode));
}

loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	if (!(file->f_mode & FMODE_LSEEK) || !file->f_op->llseek)
		return -ESPIPE;
	return file->f_op->llseek(file, offset, whence);
}

off_t ksys_lseek(unsigned int fd, off_t offset, unsigned int whence)
{
	struct file *f = fget(fd);
	off_t ret = -EINVAL;

	if (!f)
		return -EBADF;
	if (whence <= SEEK_HOLE) {
		mutex_lock(&f->f_pos_lock);
		ret = vfs_llseek(f, offset, whence);
		mutex_unlock(&f->f_pos_lock);
	}
	fput(f);
	return ret;
}

loff_t noop_llseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos;
}
