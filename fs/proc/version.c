// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/version, in Linux's "Linux version RELEASE (BUILDER@HOST)
 * (COMPILER) #BUILD FLAGS" form. This kernel says what it is in each
 * field: release "6.1.0-mmkernel" (the Linux whose interfaces it
 * follows, then its own name), builder and host "mmkernel", the
 * compiler that built it (__VERSION__), build "#1 SMP".
 */
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/panic.h>
#include "internal.h"

#define UTS_RELEASE	"6.1.0-mmkernel"

static int version_proc_show(struct seq_file *m, void *v)
{
	seq_puts(m, "Linux version " UTS_RELEASE " (mmkernel@mmkernel) (gcc version "
		 __VERSION__ ") #1 SMP\n");
	return 0;
}

void proc_version_init(void)
{
	if (!proc_create_single("version", 0, NULL, version_proc_show))
		panic("Could not make /proc/version");
}
