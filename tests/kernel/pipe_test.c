// SPDX-License-Identifier: GPL-2.0
/*
 * The pipe suite: fs/pipe.c's ring seen from inside. Pipes are made with
 * create_pipe_files() (non-blocking ends, so no case sleeps) and used
 * through kernel_read()/kernel_write() and vfs_poll(); the cases look
 * at the ring (head, tail, each buffer's page and length), the poll
 * masks, the keys the wake-ups carry, F_SETPIPE_SZ over a wrapped ring,
 * and an allocation failure at every step of making a pipe. The VFS
 * suite helpers check that every case leaves inodes, dentries and files
 * as it found them.
 */
#include "vfs_test.h"
#include <linux/pipe_fs_i.h>
#include <linux/poll.h>
#include <linux/fcntl.h>
#include <linux/fault-inject.h>

static void make_pipe(struct ktest *test, struct file **p)
{
	KTEST_ASSERT_EQ(test, create_pipe_files(p, O_NONBLOCK), 0);
}

static void close_pipe(struct file **p)
{
	if (p[0])
		fput(p[0]);
	if (p[1])
		fput(p[1]);
}

static ssize_t put(struct file *f, const void *buf, size_t n)
{
	loff_t pos = 0;

	return kernel_write(f, buf, n, &pos);
}

static ssize_t get(struct file *f, void *buf, size_t n)
{
	loff_t pos = 0;

	return kernel_read(f, buf, n, &pos);
}

static void small_writes_share_a_page_and_reads_free_it(struct ktest *test)
{
	static char buf[3 * PAGE_SIZE];
	struct pipe_inode_info *pipe;
	struct file *p[2];

	make_pipe(test, p);
	pipe = p[0]->f_inode->i_pipe;
	KTEST_EXPECT_EQ(test, put(p[1], "abc", 3), 3L);
	KTEST_EXPECT_EQ(test, put(p[1], "defg", 4), 4L);
	KTEST_EXPECT_EQ(test, pipe_occupancy(pipe->head, pipe->tail), 1U);
	KTEST_EXPECT_EQ(test, pipe_buf(pipe, pipe->tail)->len, 7U);
	/* a write that does not fit what is left of the page starts a new one */
	KTEST_EXPECT_EQ(test, put(p[1], buf, PAGE_SIZE - 4), (ssize_t)(PAGE_SIZE - 4));
	KTEST_EXPECT_EQ(test, pipe_occupancy(pipe->head, pipe->tail), 2U);
	/* more than a page: page-sized buffers, no merging into the last one */
	KTEST_EXPECT_EQ(test, put(p[1], buf, PAGE_SIZE + 10), (ssize_t)(PAGE_SIZE + 10));
	KTEST_EXPECT_EQ(test, pipe_occupancy(pipe->head, pipe->tail), 4U);
	KTEST_EXPECT_EQ(test, get(p[0], buf, 5), 5L);
	KTEST_EXPECT_MEMEQ(test, buf, "abcde", 5);
	KTEST_EXPECT_EQ(test, pipe_buf(pipe, pipe->tail)->offset, 5U);
	KTEST_EXPECT_EQ(test, get(p[0], buf, sizeof(buf)), (ssize_t)(2 * PAGE_SIZE + 8));
	KTEST_EXPECT_TRUE(test, pipe_empty(pipe->head, pipe->tail));
	KTEST_EXPECT_NULL(test, pipe_buf(pipe, pipe->tail - 1)->page);	/* released */
	KTEST_EXPECT_EQ(test, get(p[0], buf, 1), (ssize_t)-EAGAIN);
	close_pipe(p);
}

static void a_full_pipe_takes_no_more_and_a_page_write_is_whole(struct ktest *test)
{
	static char buf[PAGE_SIZE];
	struct pipe_inode_info *pipe;
	struct file *p[2];
	int i;

	make_pipe(test, p);
	pipe = p[0]->f_inode->i_pipe;
	for (i = 0; i < PIPE_DEF_BUFFERS; i++)
		KTEST_EXPECT_EQ(test, put(p[1], buf, PAGE_SIZE), (ssize_t)PAGE_SIZE);
	KTEST_EXPECT_TRUE(test, pipe_full(pipe->head, pipe->tail, pipe->max_usage));
	KTEST_EXPECT_EQ(test, put(p[1], buf, 1), (ssize_t)-EAGAIN);
	KTEST_EXPECT_EQ(test, get(p[0], buf, 100), 100L);
	/* room in a slot's page is not room in the ring: still full */
	KTEST_EXPECT_EQ(test, put(p[1], buf, 100), (ssize_t)-EAGAIN);
	close_pipe(p);
}

/* A poll_table that hangs one recording entry on each queue it is shown. */
struct rec_pt {
	poll_table pt;
	struct wait_queue_entry entry[2];
	wait_queue_head_t *head[2];
	int nr;
	__poll_t keys;		/* every key a wake-up carried */
	int wakes;
};

static int rec_wake(struct wait_queue_entry *wq_entry, unsigned int mode, int flags, void *key)
{
	struct rec_pt *r = wq_entry->private;

	r->keys |= key_to_poll(key);
	r->wakes++;
	return 0;
}

static void rec_queue(struct file *file, wait_queue_head_t *wq, poll_table *pt)
{
	struct rec_pt *r = container_of(pt, struct rec_pt, pt);

	init_waitqueue_func_entry(&r->entry[r->nr], rec_wake);
	r->entry[r->nr].private = r;
	r->head[r->nr] = wq;
	add_wait_queue(wq, &r->entry[r->nr++]);
}

static void rec_init(struct rec_pt *r)
{
	memset(r, 0, sizeof(*r));
	init_poll_funcptr(&r->pt, rec_queue);
}

static void rec_done(struct rec_pt *r)
{
	while (r->nr--)
		remove_wait_queue(r->head[r->nr], &r->entry[r->nr]);
}

static void poll_masks_follow_the_content_and_the_ends(struct ktest *test)
{
	static char buf[PAGE_SIZE];
	struct file *p[2];
	int i;

	make_pipe(test, p);
	KTEST_EXPECT_EQ(test, vfs_poll(p[0], NULL), 0U);
	KTEST_EXPECT_EQ(test, vfs_poll(p[1], NULL), (__poll_t)(EPOLLOUT | EPOLLWRNORM));
	put(p[1], "x", 1);
	KTEST_EXPECT_EQ(test, vfs_poll(p[0], NULL), (__poll_t)(EPOLLIN | EPOLLRDNORM));
	for (i = 0; i < PIPE_DEF_BUFFERS; i++)
		put(p[1], buf, PAGE_SIZE);
	KTEST_EXPECT_EQ(test, vfs_poll(p[1], NULL), 0U);	/* full */
	fput(p[1]);
	p[1] = NULL;
	KTEST_EXPECT_EQ(test, vfs_poll(p[0], NULL), (__poll_t)(EPOLLIN | EPOLLRDNORM | EPOLLHUP));
	close_pipe(p);

	make_pipe(test, p);
	fput(p[0]);
	p[0] = NULL;
	/* (a write now is -EPIPE with SIGPIPE: pipe_calls checks it from user space) */
	KTEST_EXPECT_EQ(test, vfs_poll(p[1], NULL), (__poll_t)(EPOLLOUT | EPOLLWRNORM | EPOLLERR));
	close_pipe(p);
}

static void wake_ups_carry_the_events_to_the_pollers(struct ktest *test)
{
	static char buf[PAGE_SIZE];
	struct rec_pt rd, wr;
	struct file *p[2];
	int i;

	make_pipe(test, p);
	rec_init(&rd);
	rec_init(&wr);
	vfs_poll(p[0], &rd.pt);
	vfs_poll(p[1], &wr.pt);
	KTEST_EXPECT_EQ(test, rd.nr, 1);
	KTEST_EXPECT_EQ(test, wr.nr, 1);
	KTEST_EXPECT_PTR_EQ(test, rd.head[0], &p[0]->f_inode->i_pipe->rd_wait);

	put(p[1], "x", 1);
	KTEST_EXPECT_EQ(test, rd.keys, (__poll_t)(EPOLLIN | EPOLLRDNORM));
	KTEST_EXPECT_EQ(test, wr.wakes, 0);
	for (i = 0; i < PIPE_DEF_BUFFERS; i++)
		put(p[1], buf, PAGE_SIZE);
	get(p[0], buf, 1);			/* frees the first slot of a full ring */
	KTEST_EXPECT_EQ(test, wr.keys, (__poll_t)(EPOLLOUT | EPOLLWRNORM));
	KTEST_EXPECT_EQ(test, wr.wakes, 1);
	rec_done(&rd);
	rec_done(&wr);
	close_pipe(p);
}

static void set_size_keeps_the_data_of_a_wrapped_ring_in_order(struct ktest *test)
{
	static char buf[PAGE_SIZE];
	struct pipe_inode_info *pipe;
	struct file *p[2];
	int i;

	make_pipe(test, p);
	pipe = p[0]->f_inode->i_pipe;
	for (i = 0; i < PIPE_DEF_BUFFERS - 2; i++) {	/* move tail near the ring's end */
		put(p[1], buf, PAGE_SIZE);
		get(p[0], buf, PAGE_SIZE);
	}
	for (i = 0; i < 4; i++) {		/* slots 14, 15, 0, 1 */
		memset(buf, 'a' + i, PAGE_SIZE);
		put(p[1], buf, PAGE_SIZE);
	}
	KTEST_EXPECT_EQ(test, pipe_fcntl(p[1], F_SETPIPE_SZ, 2 * PAGE_SIZE), -EBUSY);
	KTEST_EXPECT_EQ(test, pipe_fcntl(p[1], F_SETPIPE_SZ, 3 * PAGE_SIZE + 1), (long)(4 * PAGE_SIZE));
	KTEST_EXPECT_EQ(test, pipe->ring_size, 4U);
	KTEST_EXPECT_TRUE(test, pipe_full(pipe->head, pipe->tail, pipe->max_usage));
	for (i = 0; i < 4; i++) {
		KTEST_EXPECT_EQ(test, get(p[0], buf, PAGE_SIZE), (ssize_t)PAGE_SIZE);
		KTEST_EXPECT_EQ(test, buf[0], 'a' + i);
		KTEST_EXPECT_EQ(test, buf[PAGE_SIZE - 1], 'a' + i);
	}
	KTEST_EXPECT_EQ(test, pipe_fcntl(p[0], F_GETPIPE_SZ, 0), (long)(4 * PAGE_SIZE));
	KTEST_EXPECT_EQ(test, pipe_fcntl(p[0], 0, 0), -EINVAL);
	close_pipe(p);
}

static void making_a_pipe_unwinds_an_allocation_failure_at_any_step(struct ktest *test)
{
	struct failslab_attr saved = failslab;
	bool enabled = failslab_enabled;
	struct file *p[2];
	long space;
	int err = -ENOMEM, failures = 0;

	for (space = 0; err && space < 65536; space += 32) {
		failslab_once_after(space);
		err = create_pipe_files(p, 0);
		failslab_enabled = enabled;
		failslab = saved;
		if (err) {
			KTEST_EXPECT_TRUE(test, err == -ENOMEM || err == -ENFILE);
			failures++;
		}
	}
	KTEST_ASSERT_EQ(test, err, 0);
	KTEST_EXPECT_GE(test, failures, 4);	/* inode, ring, buffers, files, dentries */
	close_pipe(p);
}

static void create_pipe_files_refuses_other_flags(struct ktest *test)
{
	struct file *p[2];

	KTEST_EXPECT_EQ(test, create_pipe_files(p, O_APPEND), -EINVAL);
	KTEST_EXPECT_EQ(test, create_pipe_files(p, O_CLOEXEC), -EINVAL);
	KTEST_ASSERT_EQ(test, create_pipe_files(p, O_DIRECT), 0);
	KTEST_EXPECT_EQ(test, p[0]->f_flags, (unsigned int)(O_RDONLY | O_DIRECT));
	KTEST_EXPECT_EQ(test, p[1]->f_flags, (unsigned int)(O_WRONLY | O_DIRECT));
	KTEST_EXPECT_PTR_EQ(test, get_pipe_info(p[1], true), p[0]->f_inode->i_pipe);
	close_pipe(p);
}

static struct ktest_case pipe_cases[] = {
	KTEST_CASE(small_writes_share_a_page_and_reads_free_it),
	KTEST_CASE(a_full_pipe_takes_no_more_and_a_page_write_is_whole),
	KTEST_CASE(poll_masks_follow_the_content_and_the_ends),
	KTEST_CASE(wake_ups_carry_the_events_to_the_pollers),
	KTEST_CASE(set_size_keeps_the_data_of_a_wrapped_ring_in_order),
	KTEST_CASE(making_a_pipe_unwinds_an_allocation_failure_at_any_step),
	KTEST_CASE(create_pipe_files_refuses_other_flags),
	{}
};

static struct ktest_suite pipe_suite = {
	.name = "pipe",
	.init = vfs_suite_init,
	.exit = vfs_suite_exit,
	.test_cases = pipe_cases,
};
ktest_register_suite(pipe_suite);
