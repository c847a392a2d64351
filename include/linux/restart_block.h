/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What restart_syscall() needs to go on with a system call a signal
 * interrupted with -ERESTART_RESTARTBLOCK (Linux's linux/restart_block.h):
 * the call's continuation and its arguments. Only the task itself
 * touches its block (task->restart_block).
 */
#ifndef _LINUX_RESTART_BLOCK_H
#define _LINUX_RESTART_BLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>

struct __kernel_timespec;

struct restart_block {
	/* The continuation; NULL: restart_syscall() answers -EINTR. */
	long (*fn)(struct restart_block *);
	union {
		struct {		/* nanosleep(), clock_nanosleep() */
			int clockid;
			struct __kernel_timespec __user *rmtp;
			s64 expires;	/* the clock's time to wake at, ns */
		} nanosleep;
	};
};

#endif /* _LINUX_RESTART_BLOCK_H */
