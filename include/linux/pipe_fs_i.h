/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pipes (fs/pipe.c) and what splice (fs/splice.c) needs of them.
 *
 * A pipe is a ring of pipe_buffers, each a page with the bytes
 * [offset, offset + len) still to be read. head and tail count up
 * without wrapping back (unsigned arithmetic): the slot of index i is
 * bufs[i & (ring_size - 1)], the buffers holding data are tail..head-1,
 * and the pipe may hold max_usage of them (ring_size, a power of two, is
 * max_usage rounded up: Linux's F_SETPIPE_SZ sizes are powers of two, so
 * the two are equal here).
 *
 *     tail                 head
 *      v                    v
 *   [ buf | buf | buf |    |    ...  ]  ring_size slots
 *
 * A buffer's page is referenced by the pipe: a page of its own for
 * write(), which later small writes may append to (PIPE_BUF_FLAG_CAN_MERGE),
 * or another's page (vmsplice()'s user pages, splice()'s copies) that is
 * never written; put_page() releases either. O_DIRECT pipes keep each
 * write in buffers flagged PIPE_BUF_FLAG_PACKET, read one per read().
 *
 * Locking: pipe->mutex protects the ring and the counters; readers sleep
 * on rd_wait for data or the last writer leaving, writers on wr_wait for
 * room or the last reader leaving. Wake-ups carry the poll events
 * (wake_up_interruptible_poll()), so poll and epoll see them.
 */
#ifndef _LINUX_PIPE_FS_I_H
#define _LINUX_PIPE_FS_I_H

#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/types.h>

struct page;
struct file;

#define PIPE_DEF_BUFFERS	16	/* 64 KiB, Linux's default */
#define PIPE_BUF		4096	/* writes up to this size are atomic (POSIX, Linux) */

/* pipe_buffer->flags, Linux's values */
#define PIPE_BUF_FLAG_GIFT	0x04	/* vmsplice(SPLICE_F_GIFT): the page was given */
#define PIPE_BUF_FLAG_PACKET	0x08	/* O_DIRECT: a read takes the whole buffer */
#define PIPE_BUF_FLAG_CAN_MERGE	0x10	/* the pipe's own page: writes may append */

struct pipe_buffer {
	struct page *page;	/* one reference held while in the ring */
	unsigned int offset;	/* the unread bytes: [offset, offset + len) */
	unsigned int len;
	unsigned int flags;	/* PIPE_BUF_FLAG_* */
};

struct pipe_inode_info {
	struct mutex mutex;
	wait_queue_head_t rd_wait;	/* readers: data, or no writers */
	wait_queue_head_t wr_wait;	/* writers: room, or no readers */
	unsigned int head;		/* next slot to fill (mutex) */
	unsigned int tail;		/* next slot to read (mutex) */
	unsigned int max_usage;		/* buffers allowed: F_SETPIPE_SZ / PAGE_SIZE */
	unsigned int ring_size;		/* slots in bufs, a power of two */
	unsigned int readers;		/* open read ends (mutex) */
	unsigned int writers;		/* open write ends (mutex) */
	struct pipe_buffer *bufs;
};

static inline bool pipe_empty(unsigned int head, unsigned int tail)
{
	return head == tail;
}

static inline unsigned int pipe_occupancy(unsigned int head, unsigned int tail)
{
	return head - tail;
}

static inline bool pipe_full(unsigned int head, unsigned int tail, unsigned int limit)
{
	return pipe_occupancy(head, tail) >= limit;
}

static inline struct pipe_buffer *pipe_buf(const struct pipe_inode_info *pipe, unsigned int slot)
{
	return &pipe->bufs[slot & (pipe->ring_size - 1)];
}

/* Both ends' file operations (get_pipe_info() knows a pipe by them). */
extern const struct file_operations pipefifo_fops;

/* pipe_buf_release - drop @buf's page and empty it. Context: pipe->mutex. */
void pipe_buf_release(struct pipe_inode_info *pipe, struct pipe_buffer *buf);

/*
 * get_pipe_info - the pipe behind @file, or NULL if it is no pipe.
 * @for_splice: only a pipe splice may use (as Linux; every pipe here).
 */
struct pipe_inode_info *get_pipe_info(struct file *file, bool for_splice);

/*
 * pipe_wait_readable / pipe_wait_writable - drop pipe->mutex, sleep
 * interruptibly until the pipe has data or no writers (has room or no
 * readers), take the mutex again. Return: 0, or -ERESTARTSYS.
 */
int pipe_wait_readable(struct pipe_inode_info *pipe);
int pipe_wait_writable(struct pipe_inode_info *pipe);

/* pipe_fcntl - F_SETPIPE_SZ / F_GETPIPE_SZ on @file. Return: the size, or -errno. */
long pipe_fcntl(struct file *file, unsigned int cmd, unsigned long arg);

/*
 * create_pipe_files - a new pipe's read end in res[0] and write end in
 * res[1], each file with @flags (O_NONBLOCK, O_DIRECT) added to
 * O_RDONLY / O_WRONLY. Return: 0, -EINVAL (other flags), -ENFILE,
 * -ENOMEM. Context: process.
 */
int create_pipe_files(struct file **res, int flags);

/* pipe-max-size (/proc/sys/fs): the largest F_SETPIPE_SZ without CAP_SYS_RESOURCE. */
extern unsigned int pipe_max_size;

void pipe_init(void);

#endif /* _LINUX_PIPE_FS_I_H */
