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
 *
 * umask() swaps the fs_struct's umask under its lock; sysinfo() fills
 * Linux's struct sysinfo (uptime from the boot clock, memory in bytes,
 * loads 0: there is no load average yet, as /proc/loadavg says); getcpu()
 * is the CPU the caller ran on at the call (node 0: one node).
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/mm.h>
#include <linux/sysinfo.h>
#include <linux/timekeeping.h>
#include <linux/time64.h>
#include <linux/smp.h>
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

SYSCALL_DEFINE1(umask, int, mask)
{
	struct fs_struct *fs = current->fs;
	int old;

	spin_lock(&fs->lock);
	old = fs->umask;
	fs->umask = mask & (S_IRWXU | S_IRWXG | S_IRWXO);
	spin_unlock(&fs->lock);
	return old;
}

/* Linux's do_sysinfo() on a 64-bit kernel: the sizes in bytes, mem_unit 1. */
static void do_sysinfo(struct sysinfo *info)
{
	u64 uptime = ktime_get();

	si_meminfo(info);
	info->uptime = uptime / NSEC_PER_SEC + (uptime % NSEC_PER_SEC ? 1 : 0);
	info->procs = min(nr_processes(), 0xffffU);
	info->totalram *= info->mem_unit;
	info->freeram *= info->mem_unit;
	info->sharedram *= info->mem_unit;
	info->bufferram *= info->mem_unit;
	info->mem_unit = 1;
}

SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo val;

	do_sysinfo(&val);
	return copy_to_user(info, &val, sizeof(val)) ? -EFAULT : 0;
}

SYSCALL_DEFINE3(getcpu, unsigned int __user *, cpup, unsigned int __user *, nodep,
		void __user *, unused)
{
	unsigned int cpu = raw_smp_processor_id();
	int err = 0;

	if (cpup)
		err |= put_user(cpu, cpup);
	if (nodep)
		err |= put_user(0U, nodep);
	return err ? -EFAULT : 0;
}
