/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Polling a file (Linux's linux/poll.h and uapi poll/eventpoll bits).
 *
 * A file that can be polled has f_op->poll(file, pt): it returns the
 * EPOLL* events ready now, and, when @pt has a _qproc, first calls
 * poll_wait(file, wq, pt) for each wait queue whose wake-ups may change
 * that answer. poll/select (fs/select.c) and epoll (fs/eventpoll.c)
 * pass a _qproc that hangs their own wait_queue_entry on the queue;
 * the file then wakes it with wake_up_poll(wq, events) (linux/wait.h)
 * when it becomes ready, the key telling which events happened. A
 * second call with pt == NULL (or _qproc NULL) only asks for the mask.
 *
 *   select.c --vfs_poll(file, pt)--> f_op->poll --poll_wait(wq)--> _qproc
 *       ^                                                          |
 *       +--- entry->func <-- wake_up_poll(wq, EPOLLIN) <-- writer   v
 *                                                      add_wait_queue
 *
 * _key is the set of events the poller wants (a file may use it to skip
 * work); init_poll_funcptr() sets all of them.
 */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/types.h>
#include <linux/wait.h>
#include <linux/fs.h>

/* Events, Linux's values (POLL* of <poll.h> are the same numbers). */
#define EPOLLIN		0x00000001	/* data to read */
#define EPOLLPRI	0x00000002	/* urgent data */
#define EPOLLOUT	0x00000004	/* writing will not block */
#define EPOLLERR	0x00000008	/* error (always reported) */
#define EPOLLHUP	0x00000010	/* hung up (always reported) */
#define EPOLLNVAL	0x00000020	/* fd not open (poll(2) only) */
#define EPOLLRDNORM	0x00000040
#define EPOLLRDBAND	0x00000080
#define EPOLLWRNORM	0x00000100
#define EPOLLWRBAND	0x00000200
#define EPOLLMSG	0x00000400
#define EPOLLRDHUP	0x00002000	/* the peer shut down its writing side */

#define POLLIN		EPOLLIN
#define POLLPRI		EPOLLPRI
#define POLLOUT		EPOLLOUT
#define POLLERR		EPOLLERR
#define POLLHUP		EPOLLHUP
#define POLLNVAL	EPOLLNVAL
#define POLLRDNORM	EPOLLRDNORM
#define POLLRDBAND	EPOLLRDBAND
#define POLLWRNORM	EPOLLWRNORM
#define POLLWRBAND	EPOLLWRBAND
#define POLLMSG		EPOLLMSG
#define POLLRDHUP	EPOLLRDHUP

/* What a file without f_op->poll answers (a regular file is always ready). */
#define DEFAULT_POLLMASK (EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM)

/* poll(2)'s array element, Linux's layout. */
struct pollfd {
	int fd;
	short events;
	short revents;
};

struct poll_table_struct;

/* Hang the poller's entry on @whead (called by poll_wait()). */
typedef void (*poll_queue_proc)(struct file *file, wait_queue_head_t *whead,
				struct poll_table_struct *pt);

/* The poller's side of f_op->poll: what to do with each queue, and the events wanted. */
typedef struct poll_table_struct {
	poll_queue_proc _qproc;
	__poll_t _key;
} poll_table;

/**
 * poll_wait - register the poller of @pt on @wait_address
 * @filp: the file being polled
 * @wait_address: a queue the file wakes with wake_up_poll() when ready
 * @p: the poll table (NULL, or _qproc NULL: only the mask is wanted)
 *
 * Called from f_op->poll before it computes its mask. Context: process.
 */
static inline void poll_wait(struct file *filp, wait_queue_head_t *wait_address, poll_table *p)
{
	if (p && p->_qproc && wait_address)
		p->_qproc(filp, wait_address, p);
}

/* Will f_op->poll's poll_wait() calls queue anything? */
static inline bool poll_does_not_wait(const poll_table *p)
{
	return p == NULL || p->_qproc == NULL;
}

/* The events the poller wants (all if @p is NULL). */
static inline __poll_t poll_requested_events(const poll_table *p)
{
	return p ? p->_key : ~(__poll_t)0;
}

static inline void init_poll_funcptr(poll_table *pt, poll_queue_proc qproc)
{
	pt->_qproc = qproc;
	pt->_key = ~(__poll_t)0;
}

static inline bool file_can_poll(struct file *file)
{
	return file->f_op->poll != NULL;
}

/**
 * vfs_poll - the events ready on @file, registering @pt's waiter
 * Return: EPOLL* mask; DEFAULT_POLLMASK for a file without ->poll.
 * Context: process, may sleep.
 */
static inline __poll_t vfs_poll(struct file *file, struct poll_table_struct *pt)
{
	if (unlikely(!file->f_op->poll))
		return DEFAULT_POLLMASK;
	return file->f_op->poll(file, pt);
}

#endif /* _LINUX_POLL_H */
