// SPDX-License-Identifier: GPL-2.0
/*
 * The POSIX clocks and sleeping on them (Linux's kernel/time/posix-timers.c,
 * posix-stubs.c and hrtimer.c's nanosleep): clock_gettime, clock_getres,
 * clock_nanosleep and nanosleep.
 *
 * The clocks, from the two of timekeeping.c:
 *   CLOCK_MONOTONIC, _RAW, _COARSE, CLOCK_BOOTTIME   ktime_get() (the TSC;
 *       nothing slews it and the machine never suspends, so they agree)
 *   CLOCK_REALTIME, _COARSE, CLOCK_TAI                ktime_get_real_ns()
 *       (the CMOS clock at boot; TAI's offset is 0 until someone sets it)
 * The coarse clocks read the same counter, which is allowed (they promise
 * only to be cheap and no finer than a tick: clock_getres says TICK_NSEC).
 * CLOCK_PROCESS_CPUTIME_ID and CLOCK_THREAD_CPUTIME_ID answer -EINVAL:
 * the scheduler does not count a task's run time yet. So do the alarm
 * clocks and the dynamic (negative, per-pid) ids.
 *
 * Sleeping: until the clock reaches the target, in schedule_timeout()
 * steps of the time left rounded up to ticks, plus one (a tick may be
 * about to end), so a sleep never ends early by either clock or jiffies.
 * Sleeps are TASK_INTERRUPTIBLE: a signal ends one as Linux's
 * do_nanosleep(): a relative sleep writes the time left to @rmtp and
 * returns -ERESTART_RESTARTBLOCK (-EINTR if a handler runs; restarted
 * through restart_syscall() to the same wake-up time if none does, e.g.
 * after SIGSTOP and SIGCONT), an absolute one -ERESTARTNOHAND.
 */
#include <linux/time.h>
#include <linux/timekeeping.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/syscalls.h>

typedef int clockid_t;

/* @id's time now, in ns. Return: 0, or -EINVAL for a clock that is not here. */
static int clock_read_ns(clockid_t id, s64 *ns)
{
	switch (id) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_TAI:
		*ns = ktime_get_real_ns();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		*ns = ktime_get();
		return 0;
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE2(clock_gettime, clockid_t, which_clock, struct __kernel_timespec __user *, tp)
{
	struct timespec64 ts;
	s64 ns;
	int err = clock_read_ns(which_clock, &ns);

	if (err)
		return err;
	ts = ns_to_timespec64(ns);
	return put_timespec64(&ts, tp);
}

SYSCALL_DEFINE2(clock_getres, clockid_t, which_clock, struct __kernel_timespec __user *, tp)
{
	bool coarse = which_clock == CLOCK_REALTIME_COARSE ||
		      which_clock == CLOCK_MONOTONIC_COARSE;
	struct timespec64 res = { .tv_nsec = coarse ? TICK_NSEC : 1 };
	s64 ns;
	int err = clock_read_ns(which_clock, &ns);

	if (err)
		return err;
	return tp ? put_timespec64(&res, tp) : 0;
}

/* Sleep until @id reads @target (ns) or later. Return: 0, or -EINTR for a signal. */
static int sleep_until(clockid_t id, s64 target)
{
	s64 now;

	while (!clock_read_ns(id, &now) && now < target) {
		u64 ticks = DIV_ROUND_UP((u64)(target - now), TICK_NSEC) + 1;

		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current)) {
			__set_current_state(TASK_RUNNING);
			return -EINTR;
		}
		schedule_timeout(min_t(u64, ticks, MAX_SCHEDULE_TIMEOUT - 1));
	}
	return 0;
}

static long nanosleep_restart(struct restart_block *restart);

/* Linux's do_nanosleep(): sleep to @target; a signal's answer as the top says. */
static long do_nanosleep(clockid_t id, int flags, s64 target,
			 struct __kernel_timespec __user *rmtp)
{
	struct restart_block *restart = &current->restart_block;
	struct timespec64 rem;
	s64 now = target;

	if (!sleep_until(id, target))
		return 0;
	if (flags & TIMER_ABSTIME)
		return -ERESTARTNOHAND;
	if (rmtp) {
		clock_read_ns(id, &now);
		rem = ns_to_timespec64(now < target ? target - now : 0);
		if (put_timespec64(&rem, rmtp))
			return -EFAULT;
	}
	restart->fn = nanosleep_restart;
	restart->nanosleep.clockid = id;
	restart->nanosleep.rmtp = rmtp;
	restart->nanosleep.expires = target;
	return -ERESTART_RESTARTBLOCK;
}

static long nanosleep_restart(struct restart_block *restart)
{
	return do_nanosleep(restart->nanosleep.clockid, 0, restart->nanosleep.expires,
			    restart->nanosleep.rmtp);
}

/* The target of a sleep of @rq on @id: @rq itself (TIMER_ABSTIME) or now + @rq, capped. */
static s64 sleep_target(clockid_t id, int flags, const struct timespec64 *rq)
{
	s64 span = rq->tv_sec >= LLONG_MAX / NSEC_PER_SEC ? LLONG_MAX : timespec64_to_ns(rq);
	s64 now = 0;	/* the caller checked @id */

	if (flags & TIMER_ABSTIME)
		return span;
	clock_read_ns(id, &now);
	return now > LLONG_MAX - span ? LLONG_MAX : now + span;
}

SYSCALL_DEFINE4(clock_nanosleep, clockid_t, which_clock, int, flags,
		const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	struct timespec64 rq;

	switch (which_clock) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
	case CLOCK_TAI:
		break;
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
		return -EOPNOTSUPP;	/* Linux's: these clocks cannot arm timers */
	default:
		return -EINVAL;
	}
	if (get_timespec64(&rq, rqtp))
		return -EFAULT;
	if (!timespec64_valid(&rq))
		return -EINVAL;
	return do_nanosleep(which_clock, flags, sleep_target(which_clock, flags, &rq), rmtp);
}

SYSCALL_DEFINE2(nanosleep, const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	return __do_sys_clock_nanosleep(CLOCK_MONOTONIC, 0, rqtp, rmtp);
}
