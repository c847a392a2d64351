// SPDX-License-Identifier: GPL-2.0
/* /proc/cmdline: the kernel's command line and a "\n", as Linux's. */
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/init.h>
#include <linux/panic.h>
#include "internal.h"

static int cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_puts(m, boot_command_line);
	seq_putc(m, '\n');
	return 0;
}

void proc_cmdline_init(void)
{
	if (!proc_create_single("cmdline", 0, NULL, cmdline_proc_show))
		panic("Could not make /proc/cmdline");
}
