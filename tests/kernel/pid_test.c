// SPDX-License-Identifier: GPL-2.0
/*
 * The pid suite: kernel/pid.c's pidfds. A pidfd of a kernel thread that
 * has not run polls as nothing ready, and readable (EPOLLIN | EPOLLRDNORM)
 * once the thread has exited; the file holds its own task reference.
 */
#include <linux/ktest.h>
#include <linux/pid.h>
#include <linux/poll.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/sched.h>
#include <linux/sched/task.h>

static int pid_test_exit_at_once(void *data)
{
	return 0;
}

static void pidfd_polls_readable_once_the_task_exits(struct ktest *test)
{
	struct task_struct *p = kthread_create(pid_test_exit_at_once, NULL, "pidfd_test");
	struct file *file;
	int fd, refs;

	KTEST_ASSERT_NOT_NULL(test, p);
	get_task_struct(p);
	refs = atomic_read(&p->usage);
	fd = pidfd_prepare(p, 0, &file);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, atomic_read(&p->usage), refs + 1);
	KTEST_EXPECT_EQ(test, vfs_poll(file, NULL), (__poll_t)0);
	wake_up_process(p);
	wait_for_completion(&p->exited);
	KTEST_EXPECT_EQ(test, vfs_poll(file, NULL), (__poll_t)(EPOLLIN | EPOLLRDNORM));
	fput(file);
	put_unused_fd(fd);
	put_task_struct(p);
}

static struct ktest_case pid_cases[] = {
	KTEST_CASE(pidfd_polls_readable_once_the_task_exits),
	{}
};

static struct ktest_suite pid_suite = {
	.name = "pid",
	.test_cases = pid_cases,
};
ktest_register_suite(pid_suite);
