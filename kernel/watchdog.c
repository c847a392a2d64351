// SPDX-License-Identifier: GPL-2.0
/*
 * The soft-lockup detector (include/linux/nmi.h). Every context switch
 * touches the CPU's timestamp (touch_softlockup_watchdog()); every tick
 * looks at it (watchdog_timer_fn()). A CPU whose last switch is
 * 2 * watchdog_thresh seconds old while another task waits to run on it
 * is stuck, reported once until it switches again, in Linux's words:
 *
 *   watchdog: BUG: soft lockup - CPU#N stuck for Ns! [comm:pid]
 *
 * with where the tick interrupted it and the stack. Linux's detector
 * has a per-CPU watchdog thread whose not running is the sign; here a
 * task waiting for the CPU is (nr_running_on() > 1: the one running and
 * at least one more).
 *
 * State: per CPU, written by the CPU itself with interrupts off (the
 * switch, the tick).
 */
#include <linux/nmi.h>
#include <linux/sched.h>
#include <linux/jiffies.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/printk.h>
#include <linux/init.h>
#include <linux/kstrtox.h>
#include <asm/ptrace.h>
#include <asm/stacktrace.h>

unsigned int watchdog_thresh = 10;

static DEFINE_PER_CPU(unsigned long, watchdog_touch_ts);	/* jiffies of the last switch */
static DEFINE_PER_CPU(bool, soft_watchdog_warn);	/* reported since */

static int watchdog_thresh_setup(char *val)
{
	return kstrtouint(val, 0, &watchdog_thresh);
}
early_param("watchdog_thresh", watchdog_thresh_setup);

void touch_softlockup_watchdog(void)
{
	this_cpu_write(watchdog_touch_ts, jiffies);
	this_cpu_write(soft_watchdog_warn, false);
}

void watchdog_timer_fn(struct pt_regs *regs)
{
	unsigned int cpu = smp_processor_id();
	unsigned long stuck = jiffies - this_cpu_read(watchdog_touch_ts);

	if (!watchdog_thresh || this_cpu_read(soft_watchdog_warn) || nr_running_on(cpu) < 2 ||
	    stuck < 2UL * watchdog_thresh * HZ)
		return;
	this_cpu_write(soft_watchdog_warn, true);
	pr_emerg("watchdog: BUG: soft lockup - CPU#%u stuck for %lus! [%s:%d]\n",
		 cpu, stuck / HZ, current->comm, current->pid);
	pr_emerg("RIP: 0010:%pS\n", (void *)regs->ip);
	show_trace(regs->bp, KERN_EMERG);
}
