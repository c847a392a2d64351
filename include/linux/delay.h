/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Delays: busy-waits timed by the TSC (arch/x86_64/tsc.c) and sleeps
 * counted in jiffies (kernel/time/timer.c).
 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

/* udelay - spin for at least @usecs microseconds. Context: any. */
void udelay(unsigned long usecs);

static inline void mdelay(unsigned long msecs)
{
	udelay(msecs * 1000);
}

/*
 * msleep - sleep, uninterruptibly, for at least @msecs milliseconds: at
 * least msecs_to_jiffies(@msecs) + 1 ticks pass before it returns (the
 * first tick may come at once). Context: process, may sleep.
 */
void msleep(unsigned int msecs);

#endif /* _LINUX_DELAY_H */
