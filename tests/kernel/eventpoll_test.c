// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of epoll and eventfd (fs/eventpoll.c, fs/eventfd.c) through the
 * in-kernel calls: an item is on its file's f_ep list from EPOLL_CTL_ADD
 * to DEL, to the epoll's close or to the file's last close; the epoll
 * file polls readable exactly while a watched file is ready (level and
 * one-shot items); eventfd's counter through kernel reads and writes;
 * and ADDs with slab allocations failing at each point return -ENOMEM
 * or succeed, leaving no item, entry, file or inode behind.
 */
#include <linux/ktest.h>
#include <linux/eventpoll.h>
#include <linux/eventfd.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/fault-inject.h>
#include "../../mm/slab.h"
#include "mm_test.h"

/* The file at @fd, without keeping a reference (the fd keeps it). */
static struct file *fd_file(int fd)
{
	struct file *f = fget(fd);

	if (f)
		fput(f);
	return f;
}

static int ctl(int ep, int op, int fd, __poll_t events)
{
	struct epoll_event ev = { .events = events, .data = 0 };

	return do_epoll_ctl(ep, op, fd, &ev);
}

/* The events ready on @fd (an int, to compare with the EPOLL* constants). */
static int poll_fd(int fd)
{
	return (int)vfs_poll(fd_file(fd), NULL);
}

static int efd_add(int fd, u64 v)
{
	loff_t pos = 0;

	return kernel_write(fd_file(fd), &v, sizeof(v), &pos);
}

static void items_live_from_add_to_del_or_close(struct ktest *test)
{
	long files = get_nr_files();
	int ep = do_epoll_create(0), efd = do_eventfd(0, 0), dup_fd;
	struct file *target;

	KTEST_ASSERT_GE(test, ep, 0);
	KTEST_ASSERT_GE(test, efd, 0);
	target = fd_file(efd);
	KTEST_EXPECT_EQ(test, ctl(ep, EPOLL_CTL_ADD, efd, EPOLLIN), 0);
	KTEST_EXPECT_FALSE(test, list_empty(&target->f_ep));
	KTEST_EXPECT_EQ(test, ctl(ep, EPOLL_CTL_DEL, efd, 0), 0);
	KTEST_EXPECT_TRUE(test, list_empty(&target->f_ep));

	KTEST_EXPECT_EQ(test, ctl(ep, EPOLL_CTL_ADD, efd, EPOLLIN), 0);
	close_fd(ep);				/* the epoll goes: its items too */
	KTEST_EXPECT_TRUE(test, list_empty(&target->f_ep));

	ep = do_epoll_create(0);
	KTEST_EXPECT_EQ(test, ctl(ep, EPOLL_CTL_ADD, efd, EPOLLIN), 0);
	efd_add(efd, 1);
	dup_fd = ksys_dup(efd);
	close_fd(efd);				/* a dup keeps the file */
	KTEST_EXPECT_TRUE(test, poll_fd(ep) & EPOLLIN);
	close_fd(dup_fd);			/* its last close removes the item */
	KTEST_EXPECT_EQ(test, poll_fd(ep), 0);
	close_fd(ep);
	KTEST_EXPECT_EQ(test, get_nr_files(), files);
}

static void epoll_file_is_readable_while_an_item_is_ready(struct ktest *test)
{
	int ep = do_epoll_create(0), efd = do_eventfd(0, EFD_NONBLOCK), outer;
	loff_t pos = 0;
	u64 v;

	KTEST_ASSERT_GE(test, ep, 0);
	KTEST_ASSERT_GE(test, efd, 0);
	KTEST_EXPECT_EQ(test, ctl(ep, EPOLL_CTL_ADD, efd, EPOLLIN), 0);
	KTEST_EXPECT_EQ(test, poll_fd(ep), 0);
	KTEST_EXPECT_EQ(test, efd_add(efd, 2), 8);
	KTEST_EXPECT_EQ(test, poll_fd(ep), EPOLLIN | EPOLLRDNORM);
	KTEST_EXPECT_EQ(test, poll_fd(ep), EPOLLIN | EPOLLRDNORM);	/* level: still */
	KTEST_EXPECT_EQ(test, kernel_read(fd_file(efd), &v, sizeof(v), &pos), 8);
	KTEST_EXPECT_EQ(test, v, 2ULL);
	KTEST_EXPECT_EQ(test, poll_fd(ep), 0);
	KTEST_EXPECT_EQ(test, kernel_read(fd_file(efd), &v, sizeof(v), &pos), -EAGAIN);
	KTEST_EXPECT_EQ(test, kernel_read(fd_file(efd), &v, 4, &pos), -EINVAL);

	outer = do_epoll_create(0);
	KTEST_EXPECT_EQ(test, ctl(outer, EPOLL_CTL_ADD, ep, EPOLLIN), 0);
	KTEST_EXPECT_EQ(test, ctl(ep, EPOLL_CTL_ADD, outer, EPOLLIN), -ELOOP);
	KTEST_EXPECT_EQ(test, ctl(ep, EPOLL_CTL_ADD, ep, EPOLLIN), -EINVAL);
	KTEST_EXPECT_EQ(test, poll_fd(outer), 0);
	efd_add(efd, 1);
	KTEST_EXPECT_EQ(test, poll_fd(outer), EPOLLIN | EPOLLRDNORM);	/* nested */
	close_fd(outer);
	close_fd(efd);
	close_fd(ep);
}

static void eventfd_counts_and_refuses_overflow(struct ktest *test)
{
	int efd = do_eventfd(5, EFD_NONBLOCK | EFD_SEMAPHORE);
	loff_t pos = 0;
	u64 v = ~0ULL;

	KTEST_ASSERT_GE(test, efd, 0);
	KTEST_EXPECT_EQ(test, poll_fd(efd), EPOLLIN | EPOLLRDNORM | EPOLLOUT | EPOLLWRNORM);
	KTEST_EXPECT_EQ(test, kernel_write(fd_file(efd), &v, sizeof(v), &pos), -EINVAL);
	v = EVENTFD_MAX - 5;
	KTEST_EXPECT_EQ(test, kernel_write(fd_file(efd), &v, sizeof(v), &pos), 8);
	KTEST_EXPECT_EQ(test, poll_fd(efd), EPOLLIN | EPOLLRDNORM);
	KTEST_EXPECT_EQ(test, efd_add(efd, 1), -EAGAIN);
	KTEST_EXPECT_EQ(test, kernel_read(fd_file(efd), &v, sizeof(v), &pos), 8);
	KTEST_EXPECT_EQ(test, v, 1ULL);			/* EFD_SEMAPHORE */
	KTEST_EXPECT_EQ(test, do_eventfd(0, 0x10), -EINVAL);
	close_fd(efd);
}

static void failed_allocations_leave_no_item(struct ktest *test)
{
	long files = get_nr_files(), inodes = get_nr_inodes();
	struct failslab_attr saved = failslab;
	bool enabled = failslab_enabled;
	u8 saved_slow = slab_alloc_slow;
	int ep = do_epoll_create(0), efd = do_eventfd(0, 0), space, err, failed = 0;
	struct file *target = fd_file(efd);

	KTEST_ASSERT_GE(test, ep, 0);
	KTEST_ASSERT_GE(test, efd, 0);
	for (space = 0; space < 1024; space += 16) {
		fail_slab_always(space);
		failslab.attr.times = 1;
		slab_alloc_slow |= SLAB_ALLOC_SLOW_FAILSLAB;	/* the fast path asks too */
		err = ctl(ep, EPOLL_CTL_ADD, efd, EPOLLIN);
		failslab_enabled = false;
		slab_alloc_slow = saved_slow;
		if (err) {
			KTEST_EXPECT_EQ(test, err, -ENOMEM);
			KTEST_EXPECT_TRUE(test, list_empty(&target->f_ep));
			failed++;
		} else {
			KTEST_EXPECT_EQ(test, ctl(ep, EPOLL_CTL_DEL, efd, 0), 0);
		}
	}
	failslab = saved;
	failslab_enabled = enabled;
	KTEST_EXPECT_GT(test, failed, 0);
	close_fd(efd);
	close_fd(ep);
	KTEST_EXPECT_EQ(test, get_nr_files(), files);
	KTEST_EXPECT_EQ(test, get_nr_inodes(), inodes);
}

static struct ktest_case eventpoll_cases[] = {
	KTEST_CASE(items_live_from_add_to_del_or_close),
	KTEST_CASE(epoll_file_is_readable_while_an_item_is_ready),
	KTEST_CASE(eventfd_counts_and_refuses_overflow),
	KTEST_CASE(failed_allocations_leave_no_item),
	{}
};

static struct ktest_suite eventpoll_suite = {
	.name = "eventpoll",
	.init = ktest_pause_fault_injection,
	.exit = ktest_resume_fault_injection,
	.test_cases = eventpoll_cases,
};
ktest_register_suite(eventpoll_suite);
