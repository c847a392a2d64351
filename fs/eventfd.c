// SPDX-License-Identifier: GPL-2.0
/*
 * eventfd (include/linux/eventfd.h), Linux's semantics: one eventfd_ctx
 * per eventfd2() call, the private_data of an anonymous-inode file
 * ("anon_inode:[eventfd]"), freed with the file's last reference.
 *
 *   struct eventfd_ctx { wqh (its lock guards count), count, flags }
 *
 * Invariant: count <= EVENTFD_MAX (ULLONG_MAX - 1), as Linux: a write of
 * ULLONG_MAX is refused and a write that would pass EVENTFD_MAX waits.
 *
 * Locking: wqh.lock (interrupts off) guards count. A change of count
 * wakes the other side with wake_up_poll() after the lock is dropped
 * (the wake-up takes it); readers and writers sleep on wqh in
 * TASK_INTERRUPTIBLE and test again under the lock when woken.
 */
#include <linux/eventfd.h>
#include <linux/anon_inodes.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uio.h>
#include <linux/wait.h>

struct eventfd_ctx {
	wait_queue_head_t wqh;	/* readers, writers and pollers; lock guards count */
	u64 count;
	unsigned int flags;	/* EFD_SEMAPHORE; fixed at creation */
};

static int eventfd_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static __poll_t eventfd_poll(struct file *file, poll_table *wait)
{
	struct eventfd_ctx *ctx = file->private_data;
	__poll_t events = 0;
	u64 count;

	poll_wait(file, &ctx->wqh, wait);
	count = READ_ONCE(ctx->count);
	if (count > 0)
		events |= EPOLLIN | EPOLLRDNORM;
	if (count < EVENTFD_MAX)
		events |= EPOLLOUT | EPOLLWRNORM;
	return events;
}

static bool eventfd_readable(const struct eventfd_ctx *ctx, u64 unused)
{
	return READ_ONCE(ctx->count) > 0;
}

static bool eventfd_writable(const struct eventfd_ctx *ctx, u64 ucnt)
{
	return ~0ULL - READ_ONCE(ctx->count) > ucnt;
}

/*
 * Take wqh.lock once @ready(@ctx, @arg) holds under it, sleeping
 * (interruptibly) while it does not, unless the file is non-blocking.
 * Return: 0 with the lock held, or -EAGAIN / -ERESTARTSYS without it.
 */
static int eventfd_lock_ready(struct eventfd_ctx *ctx, struct file *file,
			      bool (*ready)(const struct eventfd_ctx *, u64), u64 arg,
			      unsigned long *flags)
{
	int err;

	for (;;) {
		spin_lock_irqsave(&ctx->wqh.lock, *flags);
		if (ready(ctx, arg))
			return 0;
		spin_unlock_irqrestore(&ctx->wqh.lock, *flags);
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		err = wait_event_interruptible(ctx->wqh, ready(ctx, arg));
		if (err)
			return err;
	}
}

static ssize_t eventfd_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *file = iocb->ki_filp;
	struct eventfd_ctx *ctx = file->private_data;
	unsigned long flags;
	u64 ucnt;
	int err;

	if (iov_iter_count(to) < sizeof(ucnt))
		return -EINVAL;
	err = eventfd_lock_ready(ctx, file, eventfd_readable, 0, &flags);
	if (err)
		return err;
	ucnt = (ctx->flags & EFD_SEMAPHORE) ? 1 : ctx->count;
	ctx->count -= ucnt;
	spin_unlock_irqrestore(&ctx->wqh.lock, flags);
	wake_up_poll(&ctx->wqh, EPOLLOUT | EPOLLWRNORM);
	if (copy_to_iter(&ucnt, sizeof(ucnt), to) != sizeof(ucnt))
		return -EFAULT;
	return sizeof(ucnt);
}

static ssize_t eventfd_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *file = iocb->ki_filp;
	struct eventfd_ctx *ctx = file->private_data;
	unsigned long flags;
	u64 ucnt;
	int err;

	if (iov_iter_count(from) < sizeof(ucnt))
		return -EINVAL;
	if (copy_from_iter(&ucnt, sizeof(ucnt), from) != sizeof(ucnt))
		return -EFAULT;
	if (ucnt == ~0ULL)
		return -EINVAL;
	err = eventfd_lock_ready(ctx, file, eventfd_writable, ucnt, &flags);
	if (err)
		return err;
	ctx->count += ucnt;
	spin_unlock_irqrestore(&ctx->wqh.lock, flags);
	wake_up_poll(&ctx->wqh, EPOLLIN | EPOLLRDNORM);
	return sizeof(ucnt);
}

static const struct file_operations eventfd_fops = {
	.release = eventfd_release,
	.poll = eventfd_poll,
	.read_iter = eventfd_read,
	.write_iter = eventfd_write,
	.llseek = noop_llseek,
};

int do_eventfd(unsigned int count, int flags)
{
	struct eventfd_ctx *ctx;
	int fd;

	if (flags & ~EFD_FLAGS_SET)
		return -EINVAL;
	ctx = kmalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	init_waitqueue_head(&ctx->wqh);
	ctx->count = count;
	ctx->flags = flags & EFD_SEMAPHORE;
	fd = anon_inode_getfd("[eventfd]", &eventfd_fops, ctx,
			      O_RDWR | (flags & EFD_SHARED_FCNTL_FLAGS));
	if (fd < 0)
		kfree(ctx);
	return fd;
}

SYSCALL_DEFINE2(eventfd2, unsigned int, count, int, flags)
{
	return do_eventfd(count, flags);
}

SYSCALL_DEFINE1(eventfd, unsigned int, count)
{
	return do_eventfd(count, 0);
}
