// SPDX-License-Identifier: GPL-2.0
/*
 * splice(2) and vmsplice(2) (Linux's fs/splice.c): moving pages into,
 * out of and between pipes (include/linux/pipe_fs_i.h) without the
 * caller's buffer in between.
 *
 *   vmsplice(pipe write end, iov)  the user pages themselves go into the
 *       ring, referenced (get_user_pages() without FOLL_WRITE, as Linux
 *       6.1's iov_iter_get_pages()), not copied: a later write by the
 *       process to such a page shows in what the reader gets, unless a
 *       fork made the page copy-on-write, in which case the write goes
 *       to a copy (the pipe's reference keeps the page from being reused)
 *       and the reader sees the data as spliced. SPLICE_F_GIFT only
 *       marks the buffers (nothing here steals pages).
 *   vmsplice(pipe read end, iov)   copies out, as read().
 *   splice(pipe, pipe)             moves whole buffers; a buffer split
 *       by the length is shared (one more page reference).
 *   splice(file, pipe)             reads the file into new pages
 *       (Linux's copy_splice_read()), as many as the pipe has room for.
 *   splice(pipe, file)             writes the buffers to the file at its
 *       position (or *off_out), consuming what was written.
 *
 * As Linux: one end must be a pipe (-EINVAL otherwise, and for a pipe
 * to itself); an offset for a pipe is -ESPIPE; a pipe with no reader is
 * -EPIPE and SIGPIPE; SPLICE_F_NONBLOCK or O_NONBLOCK on either file
 * gives -EAGAIN instead of waiting on a pipe; waits are interruptible.
 *
 * Locking: each pipe's mutex; pipe to pipe takes both, the lower
 * address first, and never sleeps with either held (pipe_wait_*() drop
 * their own; the other is dropped first).
 */
#include <linux/pipe_fs_i.h>
#include <linux/poll.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/fcntl.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/highmem.h>
#include <linux/uio.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <asm/signal.h>
#include <asm/uaccess.h>

/* splice flags, Linux's */
#define SPLICE_F_MOVE		0x01
#define SPLICE_F_NONBLOCK	0x02
#define SPLICE_F_MORE		0x04
#define SPLICE_F_GIFT		0x08
#define SPLICE_F_ALL		(SPLICE_F_MOVE | SPLICE_F_NONBLOCK | SPLICE_F_MORE | SPLICE_F_GIFT)

static void wakeup_pipe_readers(struct pipe_inode_info *pipe)
{
	wake_up_interruptible_poll(&pipe->rd_wait, EPOLLIN | EPOLLRDNORM);
}

static void wakeup_pipe_writers(struct pipe_inode_info *pipe)
{
	wake_up_interruptible_poll(&pipe->wr_wait, EPOLLOUT | EPOLLWRNORM);
}

/*
 * Wait (pipe->mutex held) until @pipe has room. Return: 0, -EPIPE (no
 * reader: SIGPIPE sent), -EAGAIN, -ERESTARTSYS.
 */
static int wait_for_space(struct pipe_inode_info *pipe, unsigned int flags)
{
	for (;;) {
		if (!pipe->readers) {
			send_sig(SIGPIPE, current, 0);
			return -EPIPE;
		}
		if (!pipe_full(pipe->head, pipe->tail, pipe->max_usage))
			return 0;
		if (flags & SPLICE_F_NONBLOCK)
			return -EAGAIN;
		if (pipe_wait_writable(pipe))
			return -ERESTARTSYS;
	}
}

/*
 * Wait (pipe->mutex held) until @pipe has data. Return: 1 (data), 0 (no
 * writer: end of file), -EAGAIN, -ERESTARTSYS.
 */
static int wait_for_data(struct pipe_inode_info *pipe, unsigned int flags)
{
	for (;;) {
		if (!pipe_empty(pipe->head, pipe->tail))
			return 1;
		if (!pipe->writers)
			return 0;
		if (flags & SPLICE_F_NONBLOCK)
			return -EAGAIN;
		if (pipe_wait_readable(pipe))
			return -ERESTARTSYS;
	}
}

/* Put @page[@offset, +@len) at the head (a free slot; mutex held), taking the reference. */
static void pipe_add_page(struct pipe_inode_info *pipe, struct page *page, unsigned int offset,
			  unsigned int len, unsigned int flags)
{
	struct pipe_buffer *buf = pipe_buf(pipe, pipe->head);

	buf->page = page;
	buf->offset = offset;
	buf->len = len;
	buf->flags = flags;
	pipe->head++;
}

/* Drop @len bytes of the tail buffer (mutex held); a buffer left empty is freed. */
static void pipe_consume(struct pipe_inode_info *pipe, struct pipe_buffer *buf, size_t len)
{
	buf->offset += len;
	buf->len -= len;
	if (!buf->len) {
		pipe_buf_release(pipe, buf);
		pipe->tail++;
	}
}

/* ---- vmsplice ----------------------------------------------------------- */

/*
 * Reference the pages under one user segment into the pipe while it has
 * room (mutex held). Return: bytes added, or -errno if none.
 */
static ssize_t iovec_to_pipe(struct pipe_inode_info *pipe, unsigned long start, size_t len,
			     unsigned int buf_flags)
{
	ssize_t done = 0;

	while (len && !pipe_full(pipe->head, pipe->tail, pipe->max_usage)) {
		unsigned int offset = start & ~PAGE_MASK;
		size_t chars = min_t(size_t, len, PAGE_SIZE - offset);
		struct page *page;
		long got;

		mmap_read_lock(current->mm);
		got = get_user_pages(start, 1, 0, &page, NULL);
		mmap_read_unlock(current->mm);
		if (got != 1)
			return done ?: (got < 0 ? got : -EFAULT);
		pipe_add_page(pipe, page, offset, chars, buf_flags);
		done += chars;
		start += chars;
		len -= chars;
	}
	return done;
}

/* vmsplice into @pipe: one wait for room, then as much as fits (Linux). */
static ssize_t vmsplice_to_pipe(struct pipe_inode_info *pipe, const struct iovec *iov,
				unsigned long nr_segs, unsigned int flags)
{
	unsigned int buf_flags = flags & SPLICE_F_GIFT ? PIPE_BUF_FLAG_GIFT : 0;
	unsigned long seg;
	ssize_t ret, total = 0;

	mutex_lock(&pipe->mutex);
	ret = wait_for_space(pipe, flags);
	for (seg = 0; !ret && seg < nr_segs; seg++) {
		ssize_t n = iovec_to_pipe(pipe, (unsigned long)iov[seg].iov_base,
					  iov[seg].iov_len, buf_flags);

		if (n < 0) {
			ret = total ? 0 : n;
			break;
		}
		total += n;
		if ((size_t)n < iov[seg].iov_len)
			break;			/* full */
	}
	mutex_unlock(&pipe->mutex);
	if (total)
		wakeup_pipe_readers(pipe);
	return total ?: ret;
}

/* vmsplice out of @pipe: copy to the user's buffers, as read() would. */
static ssize_t vmsplice_to_user(struct pipe_inode_info *pipe, struct iov_iter *to,
				unsigned int flags)
{
	ssize_t ret = 0;
	int ready;

	mutex_lock(&pipe->mutex);
	ready = wait_for_data(pipe, flags);
	while (ready > 0 && iov_iter_count(to) && !pipe_empty(pipe->head, pipe->tail)) {
		struct pipe_buffer *buf = pipe_buf(pipe, pipe->tail);
		size_t chars = min_t(size_t, buf->len, iov_iter_count(to));
		void *addr = kmap_local_page(buf->page);
		size_t done = copy_to_iter(addr + buf->offset, chars, to);

		kunmap_local(addr);
		ret += done;
		pipe_consume(pipe, buf, done);
		if (done < chars) {
			ret = ret ?: -EFAULT;
			break;
		}
	}
	mutex_unlock(&pipe->mutex);
	if (ret > 0)
		wakeup_pipe_writers(pipe);
	return ready < 0 && !ret ? ready : ret;
}

SYSCALL_DEFINE4(vmsplice, int, fd, const struct iovec __user *, uiov, unsigned long, nr_segs,
		unsigned int, flags)
{
	struct iovec iovstack[UIO_FASTIOV], *iov = iovstack;
	struct pipe_inode_info *pipe;
	struct iov_iter iter;
	struct file *file;
	ssize_t ret;

	if (flags & ~SPLICE_F_ALL)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	ret = -EBADF;
	pipe = get_pipe_info(file, true);
	if (!pipe || !(file->f_mode & (FMODE_READ | FMODE_WRITE)))
		goto out;
	ret = import_iovec(file->f_mode & FMODE_WRITE ? ITER_SOURCE : ITER_DEST, uiov,
			   nr_segs, UIO_FASTIOV, &iov, &iter);
	if (ret < 0)
		goto out;
	if (ret && (file->f_mode & FMODE_WRITE))
		ret = vmsplice_to_pipe(pipe, iter.__iov, iter.nr_segs, flags);
	else if (ret)
		ret = vmsplice_to_user(pipe, &iter, flags);
	kfree(iov);
out:
	fput(file);
	return ret;
}

/* ---- splice ------------------------------------------------------------- */

/* Move up to @len bytes of @ipipe's buffers to @opipe (both mutexes held). */
static ssize_t move_pipe_buffers(struct pipe_inode_info *ipipe, struct pipe_inode_info *opipe,
				 size_t len)
{
	ssize_t ret = 0;

	while (len && !pipe_empty(ipipe->head, ipipe->tail) &&
	       !pipe_full(opipe->head, opipe->tail, opipe->max_usage)) {
		struct pipe_buffer *ibuf = pipe_buf(ipipe, ipipe->tail);
		unsigned int flags = ibuf->flags & ~PIPE_BUF_FLAG_CAN_MERGE;

		if (len >= ibuf->len) {
			/* the whole buffer changes pipes: its reference moves with it */
			pipe_add_page(opipe, ibuf->page, ibuf->offset, ibuf->len, flags);
			len -= ibuf->len;
			ret += ibuf->len;
			ibuf->page = NULL;
			ibuf->len = 0;
			ipipe->tail++;
			continue;
		}
		get_page(ibuf->page);
		pipe_add_page(opipe, ibuf->page, ibuf->offset, len, flags);
		pipe_consume(ipipe, ibuf, len);
		ret += len;
		len = 0;
	}
	return ret;
}

static void pipe_double_lock(struct pipe_inode_info *a, struct pipe_inode_info *b)
{
	if (a > b)
		swap(a, b);
	mutex_lock(&a->mutex);
	mutex_lock(&b->mutex);
}

/*
 * Pipe to pipe: wait for data in @ipipe and room in @opipe (each alone),
 * then move under both locks. Return: bytes moved, 0 at end of file.
 */
static ssize_t splice_pipe_to_pipe(struct pipe_inode_info *ipipe, struct pipe_inode_info *opipe,
				   size_t len, unsigned int flags)
{
	ssize_t ret;

	for (;;) {
		mutex_lock(&ipipe->mutex);
		ret = wait_for_data(ipipe, flags);
		mutex_unlock(&ipipe->mutex);
		if (ret <= 0)
			return ret;
		mutex_lock(&opipe->mutex);
		ret = wait_for_space(opipe, flags);
		mutex_unlock(&opipe->mutex);
		if (ret)
			return ret;
		pipe_double_lock(ipipe, opipe);
		ret = move_pipe_buffers(ipipe, opipe, len);
		mutex_unlock(&ipipe->mutex);
		mutex_unlock(&opipe->mutex);
		if (ret)
			break;		/* else another reader or writer came between */
	}
	wakeup_pipe_writers(ipipe);
	wakeup_pipe_readers(opipe);
	return ret;
}

/* File to pipe: read @in at *@ppos into new pages while @opipe has room. */
static ssize_t splice_file_to_pipe(struct file *in, struct pipe_inode_info *opipe,
				   loff_t *ppos, size_t len, unsigned int flags)
{
	ssize_t ret, total = 0;
	bool eof = false;

	mutex_lock(&opipe->mutex);
	ret = wait_for_space(opipe, flags);
	while (!ret && !eof && len && !pipe_full(opipe->head, opipe->tail, opipe->max_usage)) {
		struct page *page = alloc_page(GFP_KERNEL);
		size_t chars = min_t(size_t, len, PAGE_SIZE);
		void *addr;

		if (!page) {
			ret = -ENOMEM;
			break;
		}
		addr = kmap_local_page(page);
		ret = kernel_read(in, addr, chars, ppos);
		kunmap_local(addr);
		if (ret <= 0) {
			put_page(page);
			break;
		}
		pipe_add_page(opipe, page, 0, ret, 0);
		total += ret;
		len -= ret;
		eof = (size_t)ret < chars;	/* short: the file ends here */
		ret = 0;
	}
	mutex_unlock(&opipe->mutex);
	if (total) {
		wakeup_pipe_readers(opipe);
		return total;
	}
	return ret < 0 ? ret : 0;
}

/* Pipe to file: write @ipipe's buffers to @out at *@ppos, consuming what was written. */
static ssize_t splice_pipe_to_file(struct pipe_inode_info *ipipe, struct file *out,
				   loff_t *ppos, size_t len, unsigned int flags)
{
	ssize_t ret, total = 0;

	mutex_lock(&ipipe->mutex);
	ret = wait_for_data(ipipe, flags);
	while (ret > 0 && len && !pipe_empty(ipipe->head, ipipe->tail)) {
		struct pipe_buffer *buf = pipe_buf(ipipe, ipipe->tail);
		size_t chars = min_t(size_t, len, buf->len);
		void *addr = kmap_local_page(buf->page);

		ret = kernel_write(out, addr + buf->offset, chars, ppos);
		kunmap_local(addr);
		if (ret <= 0)
			break;
		pipe_consume(ipipe, buf, ret);
		total += ret;
		len -= ret;
	}
	mutex_unlock(&ipipe->mutex);
	if (total) {
		wakeup_pipe_writers(ipipe);
		return total;
	}
	return ret < 0 ? ret : 0;
}

/* The file side's position: *@off (copied in and out) or f_pos. */
static ssize_t splice_file(struct file *file, loff_t __user *off, bool file_is_in,
			   struct pipe_inode_info *pipe, size_t len, unsigned int flags)
{
	loff_t pos;
	ssize_t ret;

	if (off) {
		if (!(file->f_mode & (file_is_in ? FMODE_PREAD : FMODE_PWRITE)))
			return -EINVAL;
		if (copy_from_user(&pos, off, sizeof(pos)))
			return -EFAULT;
	} else {
		mutex_lock(&file->f_pos_lock);
		pos = file->f_pos;
	}
	ret = file_is_in ? splice_file_to_pipe(file, pipe, &pos, len, flags) :
			   splice_pipe_to_file(pipe, file, &pos, len, flags);
	if (!off) {
		file->f_pos = pos;
		mutex_unlock(&file->f_pos_lock);
	} else if (copy_to_user(off, &pos, sizeof(pos))) {
		ret = -EFAULT;
	}
	return ret;
}

static ssize_t do_splice(struct file *in, loff_t __user *off_in, struct file *out,
			 loff_t __user *off_out, size_t len, unsigned int flags)
{
	struct pipe_inode_info *ipipe = get_pipe_info(in, true);
	struct pipe_inode_info *opipe = get_pipe_info(out, true);

	if (!(in->f_mode & FMODE_READ) || !(out->f_mode & FMODE_WRITE))
		return -EBADF;
	if ((in->f_flags | out->f_flags) & O_NONBLOCK)
		flags |= SPLICE_F_NONBLOCK;
	if (ipipe && opipe) {
		if (off_in || off_out)
			return -ESPIPE;
		if (ipipe == opipe)
			return -EINVAL;
		return splice_pipe_to_pipe(ipipe, opipe, len, flags);
	}
	if (ipipe) {
		if (off_in)
			return -ESPIPE;
		if (out->f_flags & O_APPEND)
			return -EINVAL;
		return splice_file(out, off_out, false, ipipe, len, flags);
	}
	if (opipe) {
		if (off_out)
			return -ESPIPE;
		return splice_file(in, off_in, true, opipe, len, flags);
	}
	return -EINVAL;
}

SYSCALL_DEFINE6(splice, int, fd_in, loff_t __user *, off_in, int, fd_out,
		loff_t __user *, off_out, size_t, len, unsigned int, flags)
{
	struct file *in, *out;
	ssize_t ret;

	if (unlikely(!len))
		return 0;
	if (unlikely(flags & ~SPLICE_F_ALL))
		return -EINVAL;
	in = fget(fd_in);
	if (!in)
		return -EBADF;
	out = fget(fd_out);
	if (!out) {
		fput(in);
		return -EBADF;
	}
	ret = do_splice(in, off_in, out, off_out, min_t(size_t, len, MAX_RW_COUNT), flags);
	fput(out);
	fput(in);
	return ret;
}
