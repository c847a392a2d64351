// SPDX-License-Identifier: GPL-2.0
/*
 * Walking an iov_iter (include/linux/uio.h). Linux keeps this in
 * lib/iov_iter.c; here lib/ is built for the host as well and must not
 * touch user memory, so it lives with its users in fs/.
 *
 * Each copy goes segment by segment: the part of the current segment
 * that is left, then the next. A user copy that faults stops the walk at
 * the bytes done (copy_to_user()/copy_from_user() say how many were not).
 */
#include <linux/uio.h>
#include <linux/string.h>
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <asm/uaccess.h>

void iov_iter_init(struct iov_iter *i, unsigned int direction, const struct iovec *iov,
		   unsigned long nr_segs, size_t count)
{
	*i = (struct iov_iter){ .iter_type = ITER_IOVEC, .data_source = direction,
				.__iov = iov, .nr_segs = nr_segs, .count = count };
}

void iov_iter_kvec(struct iov_iter *i, unsigned int direction, const struct kvec *kvec,
		   unsigned long nr_segs, size_t count)
{
	*i = (struct iov_iter){ .iter_type = ITER_KVEC, .data_source = direction,
				.kvec = kvec, .nr_segs = nr_segs, .count = count };
}

/* The current segment: its base (user or kernel, as an address) and length. */
static void iter_segment(const struct iov_iter *i, unsigned long *base, size_t *len)
{
	if (i->iter_type == ITER_IOVEC) {
		*base = (unsigned long)i->__iov->iov_base;
		*len = i->__iov->iov_len;
	} else {
		*base = (unsigned long)i->kvec->iov_base;
		*len = i->kvec->iov_len;
	}
}

void iov_iter_advance(struct iov_iter *i, size_t bytes)
{
	bytes = min(bytes, i->count);
	i->count -= bytes;
	bytes += i->iov_offset;
	while (i->nr_segs) {
		unsigned long base;
		size_t len;

		iter_segment(i, &base, &len);
		if (bytes < len)
			break;
		bytes -= len;
		i->nr_segs--;
		if (i->iter_type == ITER_IOVEC)
			i->__iov++;
		else
			i->kvec++;
	}
	i->iov_offset = bytes;
}

enum iter_op { ITER_TO, ITER_FROM, ITER_ZERO };

/* Move up to @bytes: into the buffers (TO, ZERO) or out of them (FROM). */
static size_t iterate(struct iov_iter *i, void *addr, size_t bytes, enum iter_op op)
{
	size_t done = 0;

	bytes = min(bytes, i->count);
	while (done < bytes) {
		unsigned long base;
		size_t len, n, left = 0;
		void *seg;

		iter_segment(i, &base, &len);
		n = min(len - i->iov_offset, bytes - done);
		seg = (void *)(base + i->iov_offset);
		if (i->iter_type == ITER_IOVEC) {
			if (op == ITER_TO)
				left = copy_to_user((void __user *)seg, (char *)addr + done, n);
			else if (op == ITER_FROM)
				left = copy_from_user((char *)addr + done, (void __user *)seg, n);
			else
				left = clear_user((void __user *)seg, n);
		} else if (op == ITER_TO) {
			memcpy(seg, (char *)addr + done, n);
		} else if (op == ITER_FROM) {
			memcpy((char *)addr + done, seg, n);
		} else {
			memset(seg, 0, n);
		}
		iov_iter_advance(i, n - left);
		done += n - left;
		if (left)
			break;
	}
	return done;
}

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	WARN_ON_ONCE(i->data_source);
	return iterate(i, (void *)addr, bytes, ITER_TO);
}

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	WARN_ON_ONCE(!i->data_source);
	return iterate(i, addr, bytes, ITER_FROM);
}

size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	return iterate(i, NULL, bytes, ITER_ZERO);
}

int import_single_range(int type, void __user *buf, size_t len, struct iovec *iov,
			struct iov_iter *i)
{
	len = min_t(size_t, len, MAX_RW_COUNT);
	if (!access_ok(buf, len))
		return -EFAULT;
	iov->iov_base = buf;
	iov->iov_len = len;
	iov_iter_init(i, type, iov, 1, len);
	return 0;
}

ssize_t import_iovec(int type, const struct iovec __user *uvec, unsigned int nr_segs,
		     unsigned int fast_segs, struct iovec **iovp, struct iov_iter *i)
{
	struct iovec *iov = *iovp;
	ssize_t total;
	unsigned int seg;

	*iovp = NULL;
	if (nr_segs > UIO_MAXIOV)
		return -EINVAL;
	if (nr_segs > fast_segs) {
		iov = kmalloc_array(nr_segs, sizeof(*iov), GFP_KERNEL);
		if (!iov)
			return -ENOMEM;
	}
	total = -EFAULT;
	if (copy_from_user(iov, uvec, nr_segs * sizeof(*iov)))
		goto out_free;
	total = iov_length_checked(iov, nr_segs);
	for (seg = 0; total >= 0 && seg < nr_segs; seg++)
		if (!access_ok(iov[seg].iov_base, iov[seg].iov_len))
			total = -EFAULT;
	if (total < 0)
		goto out_free;
	iov_iter_init(i, type, iov, nr_segs, total);
	if (nr_segs > fast_segs)
		*iovp = iov;
	return total;
out_free:
	if (nr_segs > fast_segs)
		kfree(iov);
	return total;
}
