// SPDX-License-Identifier: GPL-2.0
/*
 * The futex system calls (Linux's kernel/futex/syscalls.c): futex(2),
 * set_robust_list() and get_robust_list().
 *
 * futex(2)'s fourth argument is a timeout for the waiting operations
 * (FUTEX_WAIT: relative, made absolute on CLOCK_MONOTONIC here;
 * FUTEX_WAIT_BITSET: absolute, on CLOCK_MONOTONIC or, with
 * FUTEX_CLOCK_REALTIME, CLOCK_REALTIME) and a count (val2) for the
 * others. FUTEX_CLOCK_REALTIME with anything but the bitset wait (and
 * the PI operations Linux allows it with) is -ENOSYS, as Linux's.
 *
 * Not built, as Linux answers without CONFIG_FUTEX_PI: the PI operations
 * (FUTEX_LOCK_PI, LOCK_PI2, UNLOCK_PI, TRYLOCK_PI, WAIT_REQUEUE_PI,
 * CMP_REQUEUE_PI) answer -ENOSYS; so does FUTEX_FD (gone since 2.6.26).
 * Neither glibc's nor musl's threads use them unless a program asks for
 * a PTHREAD_PRIO_INHERIT mutex. futex_waitv() (Linux 5.16) and rseq()
 * are not here either (-ENOSYS from the system-call table): glibc and
 * musl never call futex_waitv, and glibc 2.35+ goes on without rseq
 * when registering it fails with ENOSYS (sched_getcpu() then asks the
 * kernel).
 */
#include <linux/futex.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/cred.h>
#include <linux/time.h>
#include <linux/timekeeping.h>
#include <linux/syscalls.h>
#include <linux/ptrace.h>
#include <linux/errno.h>
#include <asm/uaccess.h>
#include "futex.h"

long do_futex(u32 __user *uaddr, int op, u32 val, s64 *timeout, u32 __user *uaddr2,
	      u32 val2, u32 val3)
{
	unsigned int flags = 0;
	int cmd = op & FUTEX_CMD_MASK;

	if (!(op & FUTEX_PRIVATE_FLAG))
		flags |= FLAGS_SHARED;
	if (op & FUTEX_CLOCK_REALTIME) {
		flags |= FLAGS_CLOCKRT;
		if (cmd != FUTEX_WAIT_BITSET && cmd != FUTEX_WAIT_REQUEUE_PI &&
		    cmd != FUTEX_LOCK_PI2)
			return -ENOSYS;
	}
	switch (cmd) {
	case FUTEX_WAIT:
		return futex_wait(uaddr, flags, val, timeout, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAIT_BITSET:
		return futex_wait(uaddr, flags, val, timeout, val3);
	case FUTEX_WAKE:
		return futex_wake(uaddr, flags, val, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAKE_BITSET:
		return futex_wake(uaddr, flags, val, val3);
	case FUTEX_REQUEUE:
		return futex_requeue(uaddr, flags, uaddr2, val, val2, NULL);
	case FUTEX_CMP_REQUEUE:
		return futex_requeue(uaddr, flags, uaddr2, val, val2, &val3);
	case FUTEX_WAKE_OP:
		return futex_wake_op(uaddr, flags, uaddr2, val, val2, val3);
	default:
		return -ENOSYS;
	}
}

static bool futex_cmd_has_timeout(int cmd)
{
	switch (cmd) {
	case FUTEX_WAIT:
	case FUTEX_LOCK_PI:
	case FUTEX_LOCK_PI2:
	case FUTEX_WAIT_BITSET:
	case FUTEX_WAIT_REQUEUE_PI:
		return true;
	default:
		return false;
	}
}

/* @ts in ns, saturated (Linux's timespec64_to_ktime() caps at KTIME_MAX). */
static s64 futex_timespec_to_ns(const struct timespec64 *ts)
{
	if (ts->tv_sec >= LLONG_MAX / NSEC_PER_SEC)
		return LLONG_MAX;
	return timespec64_to_ns(ts);
}

/* The absolute timeout of @cmd from the user's @ts. Return: 0 or -EINVAL. */
static int futex_init_timeout(int cmd, const struct timespec64 *ts, s64 *t)
{
	s64 now;

	if (!timespec64_valid(ts))
		return -EINVAL;
	*t = futex_timespec_to_ns(ts);
	if (cmd == FUTEX_WAIT) {
		now = ktime_get();
		*t = *t > LLONG_MAX - now ? LLONG_MAX : *t + now;
	}
	return 0;
}

SYSCALL_DEFINE6(futex, u32 __user *, uaddr, int, op, u32, val,
		const struct __kernel_timespec __user *, utime, u32 __user *, uaddr2, u32, val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	struct timespec64 ts;
	s64 t, *tp = NULL;
	int ret;

	if (utime && futex_cmd_has_timeout(cmd)) {
		if (get_timespec64(&ts, utime))
			return -EFAULT;
		ret = futex_init_timeout(cmd, &ts, &t);
		if (ret)
			return ret;
		tp = &t;
	}
	return do_futex(uaddr, op, val, tp, uaddr2, (unsigned long)utime, val3);
}

SYSCALL_DEFINE2(set_robust_list, struct robust_list_head __user *, head, size_t, len)
{
	if (unlikely(len != sizeof(*head)))
		return -EINVAL;
	current->robust_list = head;
	return 0;
}

SYSCALL_DEFINE3(get_robust_list, int, pid, struct robust_list_head __user * __user *, head_ptr,
		size_t __user *, len_ptr)
{
	struct robust_list_head __user *head;

	if (pid) {
		struct task_struct *p = find_get_task_by_vpid(pid);

		if (!p)
			return -ESRCH;
		if (!ptrace_may_access(p, PTRACE_MODE_READ_REALCREDS)) {
			put_task_struct(p);
			return -EPERM;
		}
		head = READ_ONCE(p->robust_list);
		put_task_struct(p);
	} else {
		head = current->robust_list;
	}
	if (put_user(sizeof(*head), len_ptr))
		return -EFAULT;
	return put_user(head, head_ptr);
}
