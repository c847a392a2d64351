// SPDX-License-Identifier: GPL-2.0
/* /proc/interrupts: show_interrupts() (arch/x86_64/irq.c), the shell's irqs. */
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/panic.h>
#include <asm/irq.h>
#include "internal.h"

void proc_interrupts_init(void)
{
	if (!proc_create_single("interrupts", 0, NULL, show_interrupts))
		panic("Could not make /proc/interrupts");
}
