// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/stat in Linux's layout:
 *
 *   cpu  user nice system idle iowait irq softirq steal guest guest_nice
 *   cpuN ...                 (one line per online CPU)
 *   intr TOTAL C0 C1 ...     (a count per interrupt number)
 *   ctxt N
 *   btime N
 *   processes N
 *   procs_running N
 *   procs_blocked N
 *   softirq TOTAL HI TIMER NET_TX NET_RX BLOCK IRQ_POLL TASKLET SCHED HRTIMER RCU
 *
 * What is real here: intr (the per-CPU counts of each vector summed;
 * the numbers are x86 vectors 0-255, as there is no IRQ-number layer),
 * ctxt (the voluntary and involuntary switches of every task, idle tasks
 * included), processes (pids given out: pids count up), procs_running
 * and procs_blocked (runnable tasks, tasks in TASK_UNINTERRUPTIBLE).
 * There is no CPU time accounting and no softirq, so those columns are
 * 0. btime is the wall-clock time of boot, in seconds (getboottime64()).
 */
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/cpumask.h>
#include <linux/panic.h>
#include <linux/timekeeping.h>
#include <asm/irq.h>
#include "internal.h"

#define NR_SOFTIRQS	10

static void show_cpu_times(struct seq_file *m)
{
	unsigned int cpu;

	seq_puts(m, "cpu  0 0 0 0 0 0 0 0 0 0\n");
	for_each_online_cpu(cpu)
		seq_printf(m, "cpu%u 0 0 0 0 0 0 0 0 0 0\n", cpu);
}

static void show_intr(struct seq_file *m)
{
	unsigned long sum = 0;
	unsigned int cpu, v;

	for (v = 0; v < NR_VECTORS; v++)
		for_each_online_cpu(cpu)
			sum += irq_count(cpu, v);
	seq_put_decimal_ull(m, "intr ", sum);
	for (v = 0; v < NR_VECTORS; v++) {
		unsigned long n = 0;

		for_each_online_cpu(cpu)
			n += irq_count(cpu, v);
		seq_put_decimal_ull(m, " ", n);
	}
	seq_putc(m, '\n');
}

/* Context switches, running and blocked tasks. */
static void show_tasks(struct seq_file *m)
{
	unsigned long ctxt = 0, blocked = 0, running = 0, flags;
	struct task_struct *p;
	struct timespec64 boot;
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		p = idle_task(cpu);
		ctxt += READ_ONCE(p->nvcsw) + READ_ONCE(p->nivcsw);
		running += nr_running_on(cpu);
	}
	read_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		ctxt += READ_ONCE(p->nvcsw) + READ_ONCE(p->nivcsw);
		if (READ_ONCE(p->__state) == TASK_UNINTERRUPTIBLE)
			blocked++;
	}
	read_unlock_irqrestore(&tasklist_lock, flags);
	getboottime64(&boot);
	seq_printf(m, "ctxt %lu\nbtime %lld\nprocesses %d\nprocs_running %lu\nprocs_blocked %lu\n",
		   ctxt, (long long)boot.tv_sec, last_pid_nr(), running, blocked);
}

static int show_stat(struct seq_file *m, void *v)
{
	unsigned int i;

	show_cpu_times(m);
	show_intr(m);
	show_tasks(m);
	seq_puts(m, "softirq 0");
	for (i = 0; i < NR_SOFTIRQS; i++)
		seq_puts(m, " 0");
	seq_putc(m, '\n');
	return 0;
}

void proc_stat_init(void)
{
	if (!proc_create_single("stat", 0, NULL, show_stat))
		panic("Could not make /proc/stat");
}
