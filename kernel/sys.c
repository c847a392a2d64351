// SPDX-License-Identifier: GPL-2.0
/*
 * The simplest system calls about the caller itself (Linux's
 * kernel/sys.c): its ids and the system's name.
 *
 * Every task is its own thread group until threads exist, so getpid()
 * (Linux's tgid) and gettid() are both the pid; getppid() is the pid of
 * the task's creator (real_parent, fixed for its life).
 *
 * uname() fills Linux's struct new_utsname (six 65-byte strings). The
 * sysname is "Linux" and the release "6.1.0-mmkernel": C libraries and
 * programs built for Linux read them to decide what the kernel offers
 * (glibc refuses to start on a release older than the one it was
 * configured for, "FATAL: kernel too old"), and the system calls, their
 * numbers and their semantics here are Linux 6.1's; the suffix says which
 * kernel this really is.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

#define __NEW_UTS_LEN	64

struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

/* Read-only: there is no sethostname() yet. */
static const struct new_utsname init_uts_ns_name = {
	.sysname = "Linux",
	.nodename = "(none)",
	.release = "6.1.0-mmkernel",
	.version = "#1 SMP PREEMPT",
	.machine = "x86_64",
	.domainname = "(none)",
};

SYSCALL_DEFINE0(getpid)
{
	return current->pid;
}

SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

SYSCALL_DEFINE0(getppid)
{
	return current->real_parent->pid;
}

SYSCALL_DEFINE1(uname, struct new_utsname __user *, name)
{
	if (copy_to_user(name, &init_uts_ns_name, sizeof(*name)))
		return -EFAULT;
	return 0;
}
