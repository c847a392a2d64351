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
#define UIO_FASTIOV	8	/* segments import_iovec() takes on the caller's stack */

/**
 * import_single_range - one user buffer as an ITER_IOVEC iterator
 * @type: ITER_DEST (a read) or ITER_SOURCE (a write)
 * @buf, @len: the buffer; @len is cut to MAX_RW_COUNT, as Linux's
 * @iov: the caller's segment, which @i points to
 * @i: the iterator
 *
 * Return: 0, or -EFAULT when the buffer is not user memory (access_ok()).
 */
int import_single_range(int type, void __user *buf, size_t len, struct iovec *iov,
			struct iov_iter *i);

/**
 * import_iovec - a user array of struct iovec as an ITER_IOVEC iterator
 * @type: ITER_DEST or ITER_SOURCE
 * @uvec: the array in user memory
 * @nr_segs: its length (at most UIO_MAXIOV)
 * @fast_segs: the length of the caller's array *@iovp
 * @iovp: in: the caller's array; out: NULL when that one was used, else a
 *	  kmalloc'ed one the caller kfree()s after the transfer (NULL on error)
 * @i: the iterator
 *
 * Return: the bytes in all, or -EINVAL (too many segments, a length that
 * is negative as ssize_t, a total over MAX_RW_COUNT), -EFAULT (the array
 * or a buffer not user memory, or the array unreadable), -ENOMEM.
 * Context: process, may sleep.
 */
ssize_t import_iovec(int type, const struct iovec __user *uvec, unsigned int nr_segs,
		     unsigned int fast_segs, struct iovec **iovp, struct iov_iter *i);

/*
 * import_iovec-like check: the total length of @nr_segs segments, or
 * -EINVAL when there are too many or the total overflows ssize_t.
 */
ssize_t iov_length_checked(const struct iovec *iov, unsigned long nr_segs);

#endif /* _LINUX_UIO_H */
