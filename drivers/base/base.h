/* SPDX-License-Identifier: GPL-2.0 */
/* What drivers/base/ files share: /sys/devices/system and the subsystems in it. */
#ifndef _DRIVERS_BASE_BASE_H
#define _DRIVERS_BASE_BASE_H

struct kobject;

/* Make /sys/devices/system/cpu, /sys/devices/system/node under @system. Return: 0 or -errno. */
int cpu_dev_init(struct kobject *system);
int node_dev_init(struct kobject *system);

#endif /* _DRIVERS_BASE_BASE_H */
