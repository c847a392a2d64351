// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/uptime: "UP IDLE\n", seconds with two decimals, as Linux's. Up is
 * the time since boot (ktime_get()); idle is the sum over the CPUs of the
 * time their idle tasks ran, which nothing counts yet: it reads 0.00
 * until CPU time accounting exists.
 */
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/timekeeping.h>
#include <linux/panic.h>
#include "internal.h"

static int uptime_proc_show(struct seq_file *m, void *v)
{
	u64 ns = ktime_get();

	seq_printf(m, "%llu.%02llu 0.00\n", ns / 1000000000ULL, ns % 1000000000ULL / 10000000ULL);
	return 0;
}

void proc_uptime_init(void)
{
	if (!proc_create_single("uptime", 0, NULL, uptime_proc_show))
		panic("Could not make /proc/uptime");
}
