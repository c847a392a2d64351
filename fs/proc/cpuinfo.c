// SPDX-License-Identifier: GPL-2.0
/* /proc/cpuinfo: the architecture's show_cpuinfo() (arch/x86_64/cpuinfo.c). */
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/panic.h>
#include <asm/processor.h>
#include "internal.h"

void proc_cpuinfo_init(void)
{
	if (!proc_create_single("cpuinfo", 0, NULL, show_cpuinfo))
		panic("Could not make /proc/cpuinfo");
}
