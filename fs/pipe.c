// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes (Linux's fs/pipe.c): pipe(2), pipe2(2) and the file operations
 * of both ends. include/linux/pipe_fs_i.h draws the ring of buffers.
 *
 * A pipe is an inode of pipefs, an internal file system (kern_mount()
 * at boot, never in the tree), with i_pipe its ring; the read end and
 * the write end are two files on two pseudo dentries of that inode, each
 * holding an inode reference, so the ring lives until the last end is
 * closed (pipefs_evict_inode() frees it). d_path() names either end
 * "pipe:[INO]", as /proc/PID/fd shows it on Linux.
 *
 * Behaviour mirrored from Linux 6.1:
 *  - write(): with no reader, -EPIPE and SIGPIPE to the writer. A write
 *    of at most PIPE_BUF bytes goes into one buffer (appended to the last
 *    one if it fits, else a new page) so it is never interleaved; a
 *    longer one may be, page by page. A full pipe blocks the writer
 *    (interruptibly: -ERESTARTSYS) or, with O_NONBLOCK, ends the write
 *    with what was written or -EAGAIN.
 *  - read(): returns as soon as it has read something; an empty pipe
 *    gives 0 (EOF) when there is no writer, else blocks or -EAGAIN.
 *  - O_DIRECT ("packet mode"): each write's pages are packets; a read
 *    takes at most one packet and discards what does not fit.
 *  - poll: readable when not empty, EPOLLHUP with no writer; writable
 *    when not full, EPOLLERR with no reader.
 *  - F_SETPIPE_SZ: the size in pages rounded up to a power of two, at
 *    most pipe_max_size (1 MiB) for a non-root caller (-EPERM), -EBUSY
 *    below what the pipe holds. FIONREAD: the bytes held.
 *
 * Locking: pipe->mutex around every use of the ring and the counts of
 * readers and writers; wake-ups happen after it is dropped (a woken task
 * would only wait for it). Lock order: pipe->mutex, then a wait queue's
 * lock.
 */
#include <linux/pipe_fs_i.h>
#include <linux/poll.h>
#include <linux/fs.h>
#include <linux/capability.h>
#include <linux/file.h>
#include <linux/fcntl.h>
#include <linux/mount.h>
#include <linux/dcache.h>
#include <linux/highmem.h>
#include <linux/uio.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/sprintf.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <linux/timekeeping.h>
#include <asm/signal.h>
#include <asm/uaccess.h>

#define PIPEFS_MAGIC	0x50495045

#define FIONREAD	0x541B	/* Linux's asm-generic/ioctls.h number */

unsigned int pipe_max_size = 1024 * 1024;	/* /proc/sys/fs/pipe-max-size */

static struct vfsmount *pipe_mnt;

/* ---- the ring ----------------------------------------------------------- */

void pipe_buf_release(struct pipe_inode_info *pipe, struct pipe_buffer *buf)
{
	put_page(buf->page);
	buf->page = NULL;
	buf->len = 0;
}

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	pipe->bufs = kcalloc(PIPE_DEF_BUFFERS, sizeof(*pipe->bufs), GFP_KERNEL);
	if (!pipe->bufs) {
		kfree(pipe);
		return NULL;
	}
	mutex_init(&pipe->mutex);
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	pipe->ring_size = pipe->max_usage = PIPE_DEF_BUFFERS;
	return pipe;
}

static void free_pipe_info(struct pipe_inode_info *pipe)
{
	unsigned int i;

	for (i = pipe->tail; i != pipe->head; i++)
		pipe_buf_release(pipe, pipe_buf(pipe, i));
	kfree(pipe->bufs);
	kfree(pipe);
}

/* Lockless tests for the wait conditions: the sleeper rechecks under the mutex. */
static bool pipe_readable(const struct pipe_inode_info *pipe)
{
	return !pipe_empty(READ_ONCE(pipe->head), READ_ONCE(pipe->tail)) ||
	       !READ_ONCE(pipe->writers);
}

static bool pipe_writable(const struct pipe_inode_info *pipe)
{
	return !pipe_full(READ_ONCE(pipe->head), READ_ONCE(pipe->tail),
			  READ_ONCE(pipe->max_usage)) ||
	       !READ_ONCE(pipe->readers);
}

int pipe_wait_readable(struct pipe_inode_info *pipe)
{
	int ret;

	mutex_unlock(&pipe->mutex);
	ret = wait_event_interruptible(pipe->rd_wait, pipe_readable(pipe));
	mutex_lock(&pipe->mutex);
	return ret;
}

int pipe_wait_writable(struct pipe_inode_info *pipe)
{
	int ret;

	mutex_unlock(&pipe->mutex);
	ret = wait_event_interruptible(pipe->wr_wait, pipe_writable(pipe));
	mutex_lock(&pipe->mutex);
	return ret;
}

struct pipe_inode_info *get_pipe_info(struct file *file, bool for_splice)
{
	return file->f_op == &pipefifo_fops ? file->f_inode->i_pipe : NULL;
}

/* ---- read and write ------------------------------------------------------ */

/* Copy up to @chars of @buf to @to. Return: bytes copied (short: a fault). */
static size_t pipe_buf_copy_out(struct pipe_buffer *buf, size_t chars, struct iov_iter *to)
{
	void *addr = kmap_local_page(buf->page);
	size_t done = copy_to_iter(addr + buf->offset, chars, to);

	kunmap_local(addr);
	return done;
}

static ssize_t pipe_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct pipe_inode_info *pipe = iocb->ki_filp->f_inode->i_pipe;
	size_t total_len = iov_iter_count(to);
	bool freed = false;
	ssize_t ret = 0;

	mutex_lock(&pipe->mutex);
	for (;;) {
		unsigned int tail = pipe->tail;

		if (!pipe_empty(pipe->head, tail)) {
			struct pipe_buffer *buf = pipe_buf(pipe, tail);
			size_t chars = min_t(size_t, buf->len, total_len);

			if (pipe_buf_copy_out(buf, chars, to) < chars) {
				ret = ret ?: -EFAULT;
				break;
			}
			ret += chars;
			total_len -= chars;
			buf->offset += chars;
			buf->len -= chars;
			if (buf->flags & PIPE_BUF_FLAG_PACKET) {
				total_len = 0;		/* one packet per read; the rest is lost */
				buf->len = 0;
			}
			if (!buf->len) {
				pipe_buf_release(pipe, buf);
				pipe->tail = tail + 1;
				freed = true;
			}
			if (!total_len)
				break;
			continue;
		}
		if (!pipe->writers || ret)
			break;
		if (iocb->ki_filp->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		if (freed) {
			wake_up_interruptible_poll(&pipe->wr_wait, EPOLLOUT | EPOLLWRNORM);
			freed = false;
		}
		if (pipe_wait_readable(pipe)) {
			ret = -ERESTARTSYS;
			break;
		}
	}
	mutex_unlock(&pipe->mutex);
	if (freed)
		wake_up_interruptible_poll(&pipe->wr_wait, EPOLLOUT | EPOLLWRNORM);
	return ret;
}

/* Append up to @chars from @from to @buf's page at its end. Return: bytes copied. */
static size_t pipe_buf_copy_in(struct pipe_buffer *buf, size_t chars, struct iov_iter *from)
{
	void *addr = kmap_local_page(buf->page);
	size_t done = copy_from_iter(addr + buf->offset + buf->len, chars, from);

	kunmap_local(addr);
	buf->len += done;
	return done;
}

/*
 * Add what fits of the last buffer to it when the write may merge there:
 * for a write of at most a page, only if all of it fits (so PIPE_BUF
 * writes stay whole). Return: bytes taken, or -EFAULT.
 */
static ssize_t pipe_write_merge(struct pipe_inode_info *pipe, struct iov_iter *from,
				bool packets)
{
	size_t chars = iov_iter_count(from) & (PAGE_SIZE - 1);
	struct pipe_buffer *buf;

	if (packets || !chars || pipe_empty(pipe->head, pipe->tail))
		return 0;
	buf = pipe_buf(pipe, pipe->head - 1);
	if (!(buf->flags & PIPE_BUF_FLAG_CAN_MERGE) || buf->offset + buf->len + chars > PAGE_SIZE)
		return 0;
	return pipe_buf_copy_in(buf, chars, from) == chars ? (ssize_t)chars : -EFAULT;
}

/* Fill a new buffer at the head from @from. Return: bytes, -ENOMEM or -EFAULT. */
static ssize_t pipe_write_page(struct pipe_inode_info *pipe, struct iov_iter *from, bool packets)
{
	struct pipe_buffer *buf = pipe_buf(pipe, pipe->head);
	size_t chars = min_t(size_t, iov_iter_count(from), PAGE_SIZE);
	size_t done;

	buf->page = alloc_page(GFP_KERNEL);
	if (!buf->page)
		return -ENOMEM;
	buf->offset = 0;
	buf->len = 0;
	buf->flags = packets ? PIPE_BUF_FLAG_PACKET : PIPE_BUF_FLAG_CAN_MERGE;
	done = pipe_buf_copy_in(buf, chars, from);
	if (!done) {
		pipe_buf_release(pipe, buf);
		return -EFAULT;
	}
	pipe->head++;
	return done;
}

static ssize_t pipe_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *filp = iocb->ki_filp;
	struct pipe_inode_info *pipe = filp->f_inode->i_pipe;
	bool packets = filp->f_flags & O_DIRECT;
	bool added = false;
	ssize_t ret = 0, n;

	mutex_lock(&pipe->mutex);
	if (!pipe->readers) {
		send_sig(SIGPIPE, current, 0);
		ret = -EPIPE;
		goto out;
	}
	n = pipe_write_merge(pipe, from, packets);
	if (n) {
		ret = n;
		added = n > 0;
	}
	while (n >= 0 && iov_iter_count(from)) {
		if (!pipe->readers) {
			send_sig(SIGPIPE, current, 0);
			ret = ret ?: -EPIPE;
			break;
		}
		if (!pipe_full(pipe->head, pipe->tail, pipe->max_usage)) {
			n = pipe_write_page(pipe, from, packets);
			if (n < 0) {
				ret = ret ?: n;
				break;
			}
			ret += n;
			added = true;
			continue;
		}
		if (filp->f_flags & O_NONBLOCK) {
			ret = ret ?: -EAGAIN;
			break;
		}
		if (added) {
			wake_up_interruptible_poll(&pipe->rd_wait, EPOLLIN | EPOLLRDNORM);
			added = false;
		}
		if (pipe_wait_writable(pipe)) {
			ret = ret ?: -ERESTARTSYS;
			break;
		}
	}
out:
	mutex_unlock(&pipe->mutex);
	if (added)
		wake_up_interruptible_poll(&pipe->rd_wait, EPOLLIN | EPOLLRDNORM);
	return ret;
}

/* ---- poll, ioctl, fcntl, release ----------------------------------------- */

static __poll_t pipe_poll(struct file *filp, poll_table *wait)
{
	struct pipe_inode_info *pipe = filp->f_inode->i_pipe;
	unsigned int head, tail;
	__poll_t mask = 0;

	/* Queue first, then look: a change after the look wakes the poller. */
	if (filp->f_mode & FMODE_READ)
		poll_wait(filp, &pipe->rd_wait, wait);
	if (filp->f_mode & FMODE_WRITE)
		poll_wait(filp, &pipe->wr_wait, wait);
	head = READ_ONCE(pipe->head);
	tail = READ_ONCE(pipe->tail);
	if (filp->f_mode & FMODE_READ) {
		if (!pipe_empty(head, tail))
			mask |= EPOLLIN | EPOLLRDNORM;
		if (!READ_ONCE(pipe->writers))
			mask |= EPOLLHUP;
	}
	if (filp->f_mode & FMODE_WRITE) {
		if (!pipe_full(head, tail, READ_ONCE(pipe->max_usage)))
			mask |= EPOLLOUT | EPOLLWRNORM;
		if (!READ_ONCE(pipe->readers))
			mask |= EPOLLERR;
	}
	return mask;
}

static long pipe_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = filp->f_inode->i_pipe;
	unsigned int i, count = 0;

	if (cmd != FIONREAD)
		return -ENOTTY;
	mutex_lock(&pipe->mutex);
	for (i = pipe->tail; i != pipe->head; i++)
		count += pipe_buf(pipe, i)->len;
	mutex_unlock(&pipe->mutex);
	return put_user(count, (int __user *)arg);
}

/* F_SETPIPE_SZ's size: at least a page, a power of two; 0 if too big. */
static unsigned long round_pipe_size(unsigned long size)
{
	if (size > (1UL << 31))
		return 0;
	if (size < PAGE_SIZE)
		return PAGE_SIZE;
	return roundup_pow_of_two(size);
}

/* Move the buffers into a ring of @nr_slots. Context: pipe->mutex. */
static long pipe_resize_ring(struct pipe_inode_info *pipe, unsigned int nr_slots)
{
	unsigned int head = pipe->head, tail = pipe->tail, n = pipe_occupancy(head, tail);
	struct pipe_buffer *bufs;
	unsigned int i;

	if (nr_slots < n)
		return -EBUSY;
	bufs = kcalloc(nr_slots, sizeof(*bufs), GFP_KERNEL);
	if (!bufs)
		return -ENOMEM;
	for (i = 0; i < n; i++)
		bufs[i] = *pipe_buf(pipe, tail + i);
	kfree(pipe->bufs);
	pipe->bufs = bufs;
	pipe->tail = 0;
	pipe->head = n;
	pipe->ring_size = pipe->max_usage = nr_slots;
	return 0;
}

static long pipe_set_size(struct pipe_inode_info *pipe, unsigned long arg)
{
	unsigned long size = round_pipe_size(arg);
	long ret;

	if (!size)
		return -EINVAL;
	if (size > pipe_max_size && !capable(CAP_SYS_RESOURCE))
		return -EPERM;
	mutex_lock(&pipe->mutex);
	ret = pipe_resize_ring(pipe, size >> PAGE_SHIFT);
	mutex_unlock(&pipe->mutex);
	if (ret)
		return ret;
	/* a bigger ring may have room for a waiting writer */
	wake_up_interruptible_poll(&pipe->wr_wait, EPOLLOUT | EPOLLWRNORM);
	return size;
}

long pipe_fcntl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = get_pipe_info(file, false);

	if (!pipe)
		return -EBADF;
	switch (cmd) {
	case F_SETPIPE_SZ:
		return pipe_set_size(pipe, (unsigned int)arg);	/* an int, as Linux */
	case F_GETPIPE_SZ:
		return (long)READ_ONCE(pipe->max_usage) * PAGE_SIZE;
	default:
		return -EINVAL;
	}
}

static int pipe_release(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = inode->i_pipe;

	mutex_lock(&pipe->mutex);
	if (file->f_mode & FMODE_READ)
		pipe->readers--;
	if (file->f_mode & FMODE_WRITE)
		pipe->writers--;
	mutex_unlock(&pipe->mutex);
	/* the other side sees EOF, or EPIPE: wake both so their sleeps recheck */
	wake_up_interruptible_all(&pipe->rd_wait);
	wake_up_interruptible_all(&pipe->wr_wait);
	return 0;
}

const struct file_operations pipefifo_fops = {
	.read_iter	= pipe_read,
	.write_iter	= pipe_write,
	.poll		= pipe_poll,
	.unlocked_ioctl	= pipe_ioctl,
	.release	= pipe_release,
};

/* ---- pipefs and pipe2 ---------------------------------------------------- */

static char *pipefs_dname(struct dentry *dentry, char *buffer, int buflen)
{
	char name[32];
	int len = snprintf(name, sizeof(name), "pipe:[%lu]", dentry->d_inode->i_ino);

	if (len >= buflen)
		return ERR_PTR(-ENAMETOOLONG);
	memcpy(buffer + buflen - len - 1, name, len + 1);
	return buffer + buflen - len - 1;
}

static const struct dentry_operations pipefs_dentry_operations = {
	.d_dname	= pipefs_dname,
};

static void pipefs_evict_inode(struct inode *inode)
{
	if (inode->i_pipe)
		free_pipe_info(inode->i_pipe);
}

static const struct super_operations pipefs_ops = {
	.evict_inode	= pipefs_evict_inode,
};

static int pipefs_fill_super(struct super_block *sb, void *data, int silent)
{
	struct inode *root = new_inode(sb);

	sb->s_op = &pipefs_ops;
	sb->s_d_op = &pipefs_dentry_operations;
	sb->s_magic = PIPEFS_MAGIC;
	if (!root)
		return -ENOMEM;
	root->i_ino = 1;
	root->i_mode = S_IFDIR | 0600;
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct dentry *pipefs_mount(struct file_system_type *fs_type, int flags,
				   const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, pipefs_fill_super);
}

static struct file_system_type pipe_fs_type = {
	.name		= "pipefs",
	.mount		= pipefs_mount,
	.kill_sb	= kill_anon_super,
};

/* A pipefs inode with a new ring: one reader and one writer to come. */
static struct inode *get_pipe_inode(void)
{
	struct inode *inode = new_inode(pipe_mnt->mnt_sb);
	struct pipe_inode_info *pipe;

	if (!inode)
		return NULL;
	inode->i_ino = get_next_ino();
	pipe = alloc_pipe_info();
	if (!pipe) {
		iput(inode);
		return NULL;
	}
	inode->i_pipe = pipe;
	pipe->readers = pipe->writers = 1;
	inode->i_mode = S_IFIFO | 0600;
	inode->i_uid = current_fsuid();
	inode->i_gid = current_fsgid();
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	return inode;
}

/* An end of @inode's pipe opened with @flags; takes over one inode reference. */
static struct file *pipe_file(struct inode *inode, int flags)
{
	struct file *f = alloc_file_pseudo(inode, pipe_mnt, "", flags, &pipefifo_fops);

	if (IS_ERR(f))
		return f;
	f->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);	/* a stream */
	return f;
}

int create_pipe_files(struct file **res, int flags)
{
	struct inode *inode;
	struct file *f;

	if (flags & ~(O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	inode = get_pipe_inode();
	if (!inode)
		return -ENFILE;
	f = pipe_file(inode, O_WRONLY | flags);
	if (IS_ERR(f)) {
		iput(inode);
		return PTR_ERR(f);
	}
	ihold(inode);
	res[0] = pipe_file(inode, O_RDONLY | flags);
	if (IS_ERR(res[0])) {
		iput(inode);
		fput(f);
		return PTR_ERR(res[0]);
	}
	res[1] = f;
	return 0;
}

static int do_pipe2(int __user *fildes, int flags)
{
	struct file *files[2];
	int fd[2], err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	err = create_pipe_files(files, flags & ~O_CLOEXEC);
	if (err)
		return err;
	fd[0] = get_unused_fd_flags(flags);
	if (fd[0] < 0) {
		err = fd[0];
		goto put_files;
	}
	fd[1] = get_unused_fd_flags(flags);
	if (fd[1] < 0) {
		err = fd[1];
		goto put_fd0;
	}
	if (copy_to_user(fildes, fd, sizeof(fd))) {
		err = -EFAULT;
		goto put_fd1;
	}
	fd_install(fd[0], files[0]);
	fd_install(fd[1], files[1]);
	return 0;

put_fd1:
	put_unused_fd(fd[1]);
put_fd0:
	put_unused_fd(fd[0]);
put_files:
	fput(files[0]);
	fput(files[1]);
	return err;
}

SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	return do_pipe2(fildes, flags);
}

SYSCALL_DEFINE1(pipe, int __user *, fildes)
{
	return do_pipe2(fildes, 0);
}

void pipe_init(void)
{
	int err = register_filesystem(&pipe_fs_type);

	if (err)
		panic("pipefs: cannot register: %d", err);
	pipe_mnt = kern_mount(&pipe_fs_type);
	if (IS_ERR(pipe_mnt))
		panic("pipefs: cannot mount: %ld", PTR_ERR(pipe_mnt));
}
