// SPDX-License-Identifier: GPL-2.0
/*
 * The periodic tick (include/linux/tick.h): the local APIC timer of every
 * CPU at HZ. On each tick, in this order: jiffies (only on
 * tick_do_timer_cpu), the CPU's expired timers, the scheduler's time
 * slices and balancing, the soft-lockup check. Linux's
 * tick_handle_periodic() and update_process_times(), without clockevents:
 * there is one kind of timer device.
 */
#include <linux/tick.h>
#include <linux/timekeeping.h>
#include <linux/timer.h>
#include <linux/sched.h>
#include <linux/sched/cputime.h>
#include <linux/nmi.h>
#include <linux/smp.h>
#include <asm/apic.h>
#include <asm/irq.h>
#include <asm/desc.h>

/* The CPU whose tick advances jiffies. */
static const unsigned int tick_do_timer_cpu;

static void update_process_times(struct pt_regs *regs)
{
	account_process_tick(current, user_mode(regs));
	run_local_timers();
	scheduler_tick();
	watchdog_timer_fn(regs);
}

static void tick_handle_periodic(struct pt_regs *regs)
{
	if (smp_processor_id() == tick_do_timer_cpu)
		do_timer(1);
	update_process_times(regs);
}

void tick_start_cpu(void)
{
	lapic_timer_periodic(HZ);
}

void tick_init(void)
{
	set_vector_handler(LOCAL_TIMER_VECTOR, tick_handle_periodic);
	tick_start_cpu();
}
