// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/devices, as Linux's: the character device majors with their
 * names (chrdev_show(), fs/char_dev.c), then a "Block devices:" part,
 * empty until there is a block layer.
 */
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/cdev.h>
#include <linux/panic.h>
#include "internal.h"

static int devinfo_show(struct seq_file *m, void *v)
{
	int err = chrdev_show(m, v);

	if (!err)
		seq_puts(m, "\nBlock devices:\n");
	return err;
}

void proc_devices_init(void)
{
	if (!proc_create_single("devices", 0, NULL, devinfo_show))
		panic("Could not make /proc/devices");
}
