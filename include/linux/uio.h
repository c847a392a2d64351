/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct iov_iter: the buffers of one read or write, walked as they are
 * filled or drained (Linux's uio.h; fs/iov_iter.c). ITER_IOVEC: user
 * buffers (readv/writev), copied with copy_to_user()/copy_from_user(), a
 * fault ending the copy short; ITER_KVEC: kernel buffers (kernel_read()).
 *
 * A read fills the iterator (ITER_DEST), a write drains it (ITER_SOURCE).
 * count is the bytes left; the current segment is the first of
 * __iov/kvec, iov_offset bytes into it. Owned by one caller: no locking.
 */
#ifndef _LINUX_UIO_H
#define _LINUX_UIO_H

#include <linux/types.h>
#include <linux/compiler.h>

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

struct kvec {
	void *iov_base;
	size_t iov_len;
};

enum iter_type {
	ITER_IOVEC,
	ITER_KVEC,
};

#define ITER_SOURCE	1	/* == WRITE: the data comes from the buffers */
#define ITER_DEST	0	/* == READ: the data goes into the buffers */

#define UIO_MAXIOV	1024	/* segments in one readv/writev */

struct iov_iter {
	u8 iter_type;
	bool data_source;
	size_t iov_offset;
	size_t count;
	union {
		const struct iovec *__iov;
		const struct kvec *kvec;
	};
	unsigned long nr_segs;
};

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

/* iov_iter_init - @nr_segs user buffers @iov, @count bytes in all. */
void iov_iter_init(struct iov_iter *i, unsigned int direction, const struct iovec *iov,
		   unsigned long nr_segs, size_t count);
/* iov_iter_kvec - @nr_segs kernel buffers @kvec, @count bytes in all. */
void iov_iter_kvec(struct iov_iter *i, unsigned int direction, const struct kvec *kvec,
		   unsigned long nr_segs, size_t count);
/*
 * copy_to_iter / copy_from_iter - move up to @bytes between @addr and the
 * buffers, advancing @i. Return: the bytes moved (short on a user fault
 * or at the end of the buffers). Context: process (user copies fault).
 */
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
/* iov_iter_zero - write @bytes zeroes into the buffers. Return: bytes written. */
size_t iov_iter_zero(size_t bytes, struct iov_iter *i);
/* iov_iter_advance - skip @bytes of the buffers. */
void iov_iter_advance(struct iov_iter *i, size_t bytes);
/*
 * import_iovec-like check: the total length of @nr_segs segments, or
 * -EINVAL when there are too many or the total overflows ssize_t.
 */
ssize_t iov_length_checked(const struct iovec *iov, unsigned long nr_segs);

#endif /* _LINUX_UIO_H */
