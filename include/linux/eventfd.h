/* SPDX-License-Identifier: GPL-2.0 */
/*
 * eventfd (fs/eventfd.c): a 64-bit counter behind a file. write(2) adds
 * an 8-byte value, read(2) takes the count (or 1 with EFD_SEMAPHORE);
 * both block (or fail with -EAGAIN) at the ends: a read of a zero count,
 * a write that would reach ULLONG_MAX. poll reports EPOLLIN while the
 * count is above zero and EPOLLOUT while one more can be added.
 */
#ifndef _LINUX_EVENTFD_H
#define _LINUX_EVENTFD_H

#include <linux/types.h>
#include <linux/fcntl.h>

/* eventfd2()'s flags, Linux's values. */
#define EFD_SEMAPHORE	(1 << 0)
#define EFD_CLOEXEC	O_CLOEXEC
#define EFD_NONBLOCK	O_NONBLOCK
#define EFD_SHARED_FCNTL_FLAGS	(O_CLOEXEC | O_NONBLOCK)
#define EFD_FLAGS_SET	(EFD_SHARED_FCNTL_FLAGS | EFD_SEMAPHORE)

/* The largest count: a write that would reach ULLONG_MAX waits. */
#define EVENTFD_MAX	(~0ULL - 1)

/**
 * do_eventfd - eventfd2(2): a new eventfd at the lowest free fd
 * @count: the counter's first value
 * @flags: EFD_SEMAPHORE, EFD_NONBLOCK, EFD_CLOEXEC
 *
 * Return: the fd, or -EINVAL (other flags), -EMFILE, -ENOMEM.
 * Context: process, may sleep.
 */
int do_eventfd(unsigned int count, int flags);

#endif /* _LINUX_EVENTFD_H */
