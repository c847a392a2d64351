/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pidfds (kernel/pid.c): a file that names one process, from
 * pidfd_open(). The file holds a reference to the task_struct (Linux's
 * holds its struct pid; here pids are never reused and the task struct
 * outlives its reaping while referenced), so the fd keeps naming that
 * process after it has exited and been reaped: calls on it then answer
 * ESRCH.
 */
#ifndef _LINUX_PID_H
#define _LINUX_PID_H

#include <linux/fcntl.h>

struct task_struct;
struct file;

#define PIDFD_NONBLOCK	O_NONBLOCK

/**
 * pidfd_get_task - the process a pidfd names, with a reference
 * (put_task_struct()).
 * @pidfd: the fd
 * @flags: set to the file's f_flags (PIDFD_NONBLOCK)
 *
 * Return: the task, or ERR_PTR(-EBADF) for an fd that is not a pidfd.
 * Context: process.
 */
struct task_struct *pidfd_get_task(int pidfd, unsigned int *flags);

/**
 * pidfd_prepare - a pidfd for @task, not yet installed
 * @flags: PIDFD_NONBLOCK or 0
 * @ret: the file, which takes its own reference to @task
 *
 * Return: the reserved fd (close-on-exec) for fd_install(@ret), or
 * -errno; to give up, fput() the file and put_unused_fd() the fd.
 * Context: process.
 */
int pidfd_prepare(struct task_struct *task, unsigned int flags, struct file **ret);

#endif /* _LINUX_PID_H */
