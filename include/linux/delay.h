/* SPDX-License-Identifier: GPL-2.0 */
/* Busy-wait delays, timed by the TSC (arch/x86_64/tsc.c). */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

/* udelay - spin for at least @usecs microseconds. Context: any. */
void udelay(unsigned long usecs);

static inline void mdelay(unsigned long msecs)
{
	udelay(msecs * 1000);
}

#endif /* _LINUX_DELAY_H */
