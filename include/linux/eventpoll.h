/* SPDX-License-Identifier: GPL-2.0 */
/*
 * epoll (fs/eventpoll.c): the user ABI (struct epoll_event, EPOLL_CTL_*,
 * the EPOLL* flags beyond poll.h's events) and the hook the file layer
 * calls when a file's last reference goes.
 */
#ifndef _LINUX_EVENTPOLL_H
#define _LINUX_EVENTPOLL_H

#include <linux/types.h>
#include <linux/fcntl.h>
#include <linux/list.h>
#include <linux/fs.h>

#define EPOLL_CLOEXEC	O_CLOEXEC

#define EPOLL_CTL_ADD	1
#define EPOLL_CTL_DEL	2
#define EPOLL_CTL_MOD	3

/* Input flags of an epoll_event (Linux's values). */
#define EPOLLEXCLUSIVE	((__poll_t)(1U << 28))	/* wake one of the epolls waiting */
#define EPOLLWAKEUP	((__poll_t)(1U << 29))	/* hold a wakeup source: accepted, no effect */
#define EPOLLONESHOT	((__poll_t)(1U << 30))	/* disable after one report */
#define EPOLLET		((__poll_t)(1U << 31))	/* edge triggered */

/* struct epoll_event - x86-64 packs it: 12 bytes, data at offset 4. */
struct epoll_event {
	__poll_t events;
	u64 data;
} __attribute__((packed));

/*
 * do_epoll_create - epoll_create1(2): a new epoll at the lowest free fd.
 * Return: the fd, -EINVAL (flags other than EPOLL_CLOEXEC), -EMFILE, -ENOMEM.
 */
int do_epoll_create(int flags);

/**
 * do_epoll_ctl - epoll_ctl(2) with the event in kernel memory
 * @epfd: the epoll
 * @op: EPOLL_CTL_ADD, EPOLL_CTL_DEL or EPOLL_CTL_MOD
 * @fd: the file to watch
 * @epds: the events and data (EPOLLERR and EPOLLHUP are added to them)
 *
 * Return: 0, -EBADF, -EPERM (@fd cannot be polled), -EINVAL (@epfd is no
 * epoll or is @fd, a bad op or EPOLLEXCLUSIVE use), -EEXIST, -ENOENT,
 * -ELOOP (epolls watching each other, or nested too deep), -ENOMEM.
 * Context: process, may sleep.
 */
int do_epoll_ctl(int epfd, int op, int fd, struct epoll_event *epds);

void eventpoll_release_file(struct file *file);

/*
 * eventpoll_release - drop @file from every epoll that watches it (its
 * last fput(), before ->release()). Context: process, may sleep.
 */
static inline void eventpoll_release(struct file *file)
{
	if (likely(list_empty(&file->f_ep)))
		return;
	eventpoll_release_file(file);
}

/* eventpoll_init - the epitem caches (boot). */
void eventpoll_init(void);

#endif /* _LINUX_EVENTPOLL_H */
