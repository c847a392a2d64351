// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/loadavg: "L1 L5 L15 RUNNING/TOTAL LASTPID\n", as Linux's. The
 * load averages need the scheduler's periodic sampling (calc_load),
 * which does not exist yet: they read 0.00. RUNNING counts the runnable
 * tasks of every CPU, TOTAL the tasks on the task list, LASTPID the pid
 * most recently given out.
 */
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/cpumask.h>
#include <linux/panic.h>
#include "internal.h"

static int loadavg_proc_show(struct seq_file *m, void *v)
{
	unsigned int cpu, running = 0;

	for_each_online_cpu(cpu)
		running += nr_running_on(cpu);
	seq_printf(m, "0.00 0.00 0.00 %u/%u %d\n", running, nr_processes(), last_pid_nr());
	return 0;
}

void proc_loadavg_init(void)
{
	if (!proc_create_single("loadavg", 0, NULL, loadavg_proc_show))
		panic("Could not make /proc/loadavg");
}
