/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Resource limits, Linux's x86-64 numbers and layout (getrlimit(2)).
 * A process's limits live in its signal_struct (linux/sched/signal.h);
 * rlimit() reads the calling task's soft limit.
 */
#ifndef _LINUX_RESOURCE_H
#define _LINUX_RESOURCE_H

#include <linux/types.h>

#define RLIMIT_CPU		0	/* CPU time in seconds */
#define RLIMIT_FSIZE		1	/* largest file size */
#define RLIMIT_DATA		2	/* data: brk and private writable mappings */
#define RLIMIT_STACK		3	/* the main stack */
#define RLIMIT_CORE		4	/* core file size */
#define RLIMIT_RSS		5
#define RLIMIT_NPROC		6	/* processes of the user */
#define RLIMIT_NOFILE		7	/* open files */
#define RLIMIT_MEMLOCK		8	/* locked memory, bytes */
#define RLIMIT_AS		9	/* address space, bytes */
#define RLIMIT_LOCKS		10
#define RLIMIT_SIGPENDING	11
#define RLIMIT_MSGQUEUE		12
#define RLIMIT_NICE		13
#define RLIMIT_RTPRIO		14
#define RLIMIT_RTTIME		15
#define RLIM_NLIMITS		16

#define RLIM_INFINITY		(~0UL)

struct rlimit {
	unsigned long rlim_cur;	/* soft limit */
	unsigned long rlim_max;	/* hard limit */
};

struct rlimit64 {
	u64 rlim_cur;
	u64 rlim_max;
};

/* getrusage(2)'s and wait4()'s struct rusage, Linux's x86-64 layout. */
struct rusage {
	struct {
		long tv_sec, tv_usec;
	} ru_utime, ru_stime;	/* user and system CPU time */
	long ru_maxrss;		/* the largest resident set, KiB */
	long ru_ixrss, ru_idrss, ru_isrss;	/* unused, as in Linux */
	long ru_minflt, ru_majflt;	/* page faults without and with I/O */
	long ru_nswap;
	long ru_inblock, ru_oublock;
	long ru_msgsnd, ru_msgrcv, ru_nsignals;
	long ru_nvcsw, ru_nivcsw;	/* voluntary and involuntary context switches */
};

/* getrusage()'s @who, Linux's; RUSAGE_BOTH is the kernel's own (wait4()). */
#define RUSAGE_SELF	0
#define RUSAGE_CHILDREN	(-1)
#define RUSAGE_BOTH	(-2)
#define RUSAGE_THREAD	1

struct task_struct;
/**
 * getrusage - @p's usage counts for @who (RUSAGE_*) in @r
 * @p: the process (current, or a zombie being reaped)
 * @who: RUSAGE_SELF, RUSAGE_CHILDREN, RUSAGE_THREAD or RUSAGE_BOTH
 * @r: filled whole
 *
 * Times from the tick accounting, ru_maxrss in KiB (the peak RSS of the
 * mm, or of the reaped children's). Context: process.
 */
void getrusage(struct task_struct *p, int who, struct rusage *r);

/* Linux's defaults for init (INIT_RLIMITS); 8 MiB stacks, 8 MiB mlock, 1024 files. */
#define _STK_LIM		(8UL << 20)
#define MLOCK_LIMIT		(8UL << 20)
#define INR_OPEN_CUR		1024
#define INR_OPEN_MAX		4096

#endif /* _LINUX_RESOURCE_H */
