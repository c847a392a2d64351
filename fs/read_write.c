// SPDX-License-Identifier: GPL-2.0
/*
 * read, write, their positioned and vectored forms, and lseek (Linux's
 * fs/read_write.c). Every transfer goes through the file's ->read_iter()
 * or ->write_iter() with a struct kiocb (file, position, flags) and an
 * iov_iter over the caller's buffers: ITER_KVEC for kernel buffers
 * (kernel_read(), ksys_read()), ITER_IOVEC for user ones (the system
 * calls at the end of the file, and do_readv()/do_writev()). Every read
 * or write by fd ends in fd_rw_iter().
 *
 * sendfile copies between two files a page at a time through a kernel
 * buffer.
 *
 * f_pos: read/write/lseek through one regular file or directory
 * (FMODE_ATOMIC_POS, set at open) hold f_pos_lock around the use of the
 * position, so concurrent readers of one file get distinct ranges, as
 * Linux; a stream's reads and writes (sockets, eventfd, terminals) do
 * not, since a read may sleep until a write through the same file comes.
 * pread and pwrite leave it alone. O_APPEND writes go to the end (IOCB_APPEND; the file
 * system takes the size under its i_rwsem).
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/file.h>
#include <linux/uio.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/gfp.h>
#include <asm/uaccess.h>

static int rw_verify_area(struct file *file, loff_t pos, size_t count)
{
	if (pos < 0)
		return -EINVAL;
	if (pos + (loff_t)count < pos)
		return -EOVERFLOW;
	return 0;
}

/* A read into @iter at *@ppos, with IOCB_* @ki_flags (preadv2's RWF_* turned into them). */
static ssize_t do_iter_read(struct file *file, struct iov_iter *iter, loff_t *ppos, int ki_flags)
{
	struct kiocb kiocb = { .ki_filp = file, .ki_pos = *ppos, .ki_flags = ki_flags };
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

static ssize_t do_iter_write(struct file *file, struct iov_iter *iter, loff_t *ppos, int ki_flags)
{
	struct kiocb kiocb = { .ki_filp = file, .ki_pos = *ppos, .ki_flags = ki_flags };
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

ssize_t vfs_iter_read(struct file *file, struct iov_iter *iter, loff_t *ppos)
{
	return do_iter_read(file, iter, ppos, 0);
}

ssize_t vfs_iter_write(struct file *file, struct iov_iter *iter, loff_t *ppos)
{
	return do_iter_write(file, iter, ppos, 0);
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

/*
 * The body of every read and write by fd: @iter at @pos, or at the file
 * position under f_pos_lock when @pos is -1; IOCB_* @ki_flags.
 */
static ssize_t fd_rw_iter(unsigned int fd, struct iov_iter *iter, loff_t pos, int ki_flags,
			  bool write)
{
	struct file *f = fget(fd);
	ssize_t ret = -ESPIPE;

	if (!f)
		return -EBADF;
	if (pos == -1 && (f->f_mode & FMODE_ATOMIC_POS)) {
		mutex_lock(&f->f_pos_lock);
		ret = write ? do_iter_write(f, iter, &f->f_pos, ki_flags) :
			      do_iter_read(f, iter, &f->f_pos, ki_flags);
		mutex_unlock(&f->f_pos_lock);
	} else if (pos == -1) {
		/* a stream (socket, eventfd, tty): a read may block, a write must not wait for it */
		ret = write ? do_iter_write(f, iter, &f->f_pos, ki_flags) :
			      do_iter_read(f, iter, &f->f_pos, ki_flags);
	} else if (f->f_mode & (write ? FMODE_PWRITE : FMODE_PREAD)) {
		ret = write ? do_iter_write(f, iter, &pos, ki_flags) :
			      do_iter_read(f, iter, &pos, ki_flags);
	}
	fput(f);
	return ret;
}

/* A kernel buffer's read or write by fd (@pos as fd_rw_iter()'s). */
static ssize_t fd_rw_kernel(unsigned int fd, void *buf, size_t count, loff_t pos, bool write)
{
	struct kvec kv = { .iov_base = buf, .iov_len = min_t(size_t, count, MAX_RW_COUNT) };
	struct iov_iter iter;

	iov_iter_kvec(&iter, write ? ITER_SOURCE : ITER_DEST, &kv, 1, kv.iov_len);
	return fd_rw_iter(fd, &iter, pos, 0, write);
}

ssize_t ksys_read(unsigned int fd, void *buf, size_t count)
{
	return fd_rw_kernel(fd, buf, count, -1, false);
}

ssize_t ksys_write(unsigned int fd, const void *buf, size_t count)
{
	return fd_rw_kernel(fd, (void *)buf, count, -1, true);
}

ssize_t ksys_pread64(unsigned int fd, void *buf, size_t count, loff_t pos)
{
	return pos < 0 ? -EINVAL : fd_rw_kernel(fd, buf, count, pos, false);
}

ssize_t ksys_pwrite64(unsigned int fd, const void *buf, size_t count, loff_t pos)
{
	return pos < 0 ? -EINVAL : fd_rw_kernel(fd, (void *)buf, count, pos, true);
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

	if (total < 0)
		return total;
	iov_iter_init(&iter, write ? ITER_SOURCE : ITER_DEST, iov, nr_segs, total);
	return fd_rw_iter(fd, &iter, -1, 0, write);
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

/*
 * ---- the system calls ------------------------------------------------------
 *
 * The user's buffers become an ITER_IOVEC iterator (import_single_range(),
 * import_iovec(): -EFAULT for what is not user memory), then fd_rw_iter()
 * moves the bytes; a fault in the middle ends the transfer short, and one
 * before the first byte is -EFAULT (the file system's ->read_iter says).
 */

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	struct iovec iov;
	struct iov_iter iter;
	int err = import_single_range(ITER_DEST, buf, count, &iov, &iter);

	return err ?: fd_rw_iter(fd, &iter, -1, 0, false);
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
{
	struct iovec iov;
	struct iov_iter iter;
	int err = import_single_range(ITER_SOURCE, (void __user *)buf, count, &iov, &iter);

	return err ?: fd_rw_iter(fd, &iter, -1, 0, true);
}

SYSCALL_DEFINE4(pread64, unsigned int, fd, char __user *, buf, size_t, count, loff_t, pos)
{
	struct iovec iov;
	struct iov_iter iter;
	int err = pos < 0 ? -EINVAL : import_single_range(ITER_DEST, buf, count, &iov, &iter);

	return err ?: fd_rw_iter(fd, &iter, pos, 0, false);
}

SYSCALL_DEFINE4(pwrite64, unsigned int, fd, const char __user *, buf, size_t, count, loff_t, pos)
{
	struct iovec iov;
	struct iov_iter iter;
	int err = pos < 0 ? -EINVAL :
		  import_single_range(ITER_SOURCE, (void __user *)buf, count, &iov, &iter);

	return err ?: fd_rw_iter(fd, &iter, pos, 0, true);
}

/* RWF_* as IOCB_* flags, or -EOPNOTSUPP for what Linux refuses on this file. */
static int rwf_to_iocb(rwf_t flags, bool write)
{
	if (flags & ~RWF_SUPPORTED)
		return -EOPNOTSUPP;
	if (flags & RWF_NOWAIT)
		return -EOPNOTSUPP;	/* no file here says FMODE_NOWAIT */
	return write && (flags & RWF_APPEND) ? IOCB_APPEND : 0;
}

/*
 * readv and writev, and their positioned forms: @pos -1 is the file
 * position (preadv2's way to say it; preadv refuses any negative @pos
 * before it gets here).
 */
static ssize_t do_user_rwv(unsigned long fd, const struct iovec __user *vec,
			   unsigned long vlen, loff_t pos, rwf_t flags, bool write)
{
	struct iovec fast[UIO_FASTIOV], *iov = fast;
	int ki_flags = rwf_to_iocb(flags, write);
	struct iov_iter iter;
	ssize_t ret;

	if (ki_flags < 0)
		return ki_flags;
	if (pos < -1)
		return -EINVAL;
	ret = import_iovec(write ? ITER_SOURCE : ITER_DEST, vec, vlen, ARRAY_SIZE(fast), &iov,
			   &iter);
	if (ret < 0)
		return ret;
	ret = fd_rw_iter(fd, &iter, pos, ki_flags, write);
	kfree(iov);
	return ret;
}

SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec, unsigned long, vlen)
{
	return do_user_rwv(fd, vec, vlen, -1, 0, false);
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec, unsigned long, vlen)
{
	return do_user_rwv(fd, vec, vlen, -1, 0, true);
}

/*
 * The offset comes in two registers for the 32-bit ABIs' sake; on x86-64
 * @pos_l holds all of it (Linux's pos_from_hilo() shifts @pos_h out).
 */
SYSCALL_DEFINE5(preadv, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h)
{
	return (loff_t)pos_l < 0 ? -EINVAL : do_user_rwv(fd, vec, vlen, pos_l, 0, false);
}

SYSCALL_DEFINE5(pwritev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h)
{
	return (loff_t)pos_l < 0 ? -EINVAL : do_user_rwv(fd, vec, vlen, pos_l, 0, true);
}

SYSCALL_DEFINE6(preadv2, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h, rwf_t, flags)
{
	return do_user_rwv(fd, vec, vlen, pos_l, flags, false);
}

SYSCALL_DEFINE6(pwritev2, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h, rwf_t, flags)
{
	return do_user_rwv(fd, vec, vlen, pos_l, flags, true);
}

/*
 * sendfile: up to @count bytes from @in at *@ppos (its file position when
 * @ppos is NULL) to @out at its position, a page at a time through a
 * kernel buffer (Linux goes through a pipe; the result is the same). A
 * short write ends it, and the bytes read but not written are given
 * back to the input position. Return: the bytes moved, or -errno if none.
 */
static ssize_t sendfile_files(struct file *in, struct file *out, loff_t *ppos, size_t count)
{
	void *buf = (void *)__get_free_page(GFP_KERNEL);
	loff_t *pos = ppos ?: &in->f_pos;
	ssize_t total = 0, n = 0, w;

	if (!buf)
		return -ENOMEM;
	while (count) {
		if (!ppos)
			mutex_lock(&in->f_pos_lock);
		n = vfs_read(in, buf, min_t(size_t, count, PAGE_SIZE), pos);
		if (!ppos)
			mutex_unlock(&in->f_pos_lock);
		if (n <= 0)
			break;
		mutex_lock(&out->f_pos_lock);
		w = vfs_write(out, buf, n, &out->f_pos);
		mutex_unlock(&out->f_pos_lock);
		if (w > 0) {
			total += w;
			count -= w;
		}
		if (w != n) {
			if (!ppos)
				mutex_lock(&in->f_pos_lock);
			*pos -= n - max_t(ssize_t, w, 0);
			if (!ppos)
				mutex_unlock(&in->f_pos_lock);
			n = w;
			break;
		}
	}
	free_page((unsigned long)buf);
	return total ?: n;
}

static ssize_t do_sendfile(int out_fd, int in_fd, loff_t *ppos, size_t count)
{
	struct file *in = fget(in_fd), *out = NULL;
	ssize_t ret = -EBADF;

	if (!in)
		return -EBADF;
	if (!(in->f_mode & FMODE_READ))
		goto out;
	ret = -ESPIPE;
	if (ppos && !(in->f_mode & FMODE_PREAD))
		goto out;
	ret = -EBADF;
	out = fget(out_fd);
	if (!out || !(out->f_mode & FMODE_WRITE))
		goto out;
	ret = -EINVAL;
	if (out->f_flags & O_APPEND)
		goto out;
	ret = sendfile_files(in, out, ppos, min_t(size_t, count, MAX_RW_COUNT));
out:
	if (out)
		fput(out);
	fput(in);
	return ret;
}

SYSCALL_DEFINE4(sendfile, int, out_fd, int, in_fd, loff_t __user *, offset, size_t, count)
{
	loff_t pos;
	ssize_t ret;

	if (!offset)
		return do_sendfile(out_fd, in_fd, NULL, count);
	if (get_user(pos, offset))
		return -EFAULT;
	if (pos < 0)
		return -EINVAL;
	ret = do_sendfile(out_fd, in_fd, &pos, count);
	if (ret > 0 && put_user(pos, offset))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE3(lseek, unsigned int, fd, off_t, offset, unsigned int, whence)
{
	return ksys_lseek(fd, offset, whence);
}
