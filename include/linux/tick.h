/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The periodic tick (kernel/time/tick-common.c): every CPU's local APIC
 * timer interrupts HZ times a second; each tick runs the CPU's expired
 * timers, the scheduler's bookkeeping and the soft-lockup check, and the
 * boot CPU's also advances jiffies.
 */
#ifndef _LINUX_TICK_H
#define _LINUX_TICK_H

/* tick_init - take the timer vector and start the boot CPU's tick. Context: boot. */
void tick_init(void);

/* tick_start_cpu - start this CPU's periodic tick. Context: a starting CPU. */
void tick_start_cpu(void);

#endif /* _LINUX_TICK_H */
