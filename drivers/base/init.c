// SPDX-License-Identifier: GPL-2.0
/*
 * driver_init(): /sys/devices and /sys/devices/system, then the cpu and
 * node subsystems in it (drivers/base/cpu.c, node.c). The kobjects live
 * as long as the kernel: nothing here is ever removed.
 */
#include <linux/device.h>
#include <linux/kobject.h>
#include <linux/printk.h>
#include <linux/errno.h>
#include "base.h"

void driver_init(void)
{
	struct kobject *devices, *system;
	int err = -ENOMEM;

	devices = kobject_create_and_add("devices", NULL);
	if (!devices)
		goto fail;
	system = kobject_create_and_add("system", devices);
	if (!system)
		goto fail;
	err = cpu_dev_init(system);
	if (!err)
		err = node_dev_init(system);
	if (!err)
		return;
fail:
	pr_err("driver_init: /sys/devices is incomplete: %d\n", err);
}
