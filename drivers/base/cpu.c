// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/devices/system/cpu: the masks of possible, present and online CPUs
 * in Linux's cpulist format ("0-3\n", %*pbl). The masks are read without
 * a lock: a CPU coming up meanwhile shows in one read or the next.
 */
#include <linux/sysfs.h>
#include <linux/cpumask.h>
#include <linux/threads.h>
#include <linux/errno.h>
#include "base.h"

static ssize_t print_cpus(char *buf, const struct cpumask *mask)
{
	return sysfs_emit(buf, "%*pbl\n", NR_CPUS, mask->bits);
}

static ssize_t possible_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	return print_cpus(buf, cpu_possible_mask);
}

static ssize_t present_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	return print_cpus(buf, cpu_present_mask);
}

static ssize_t online_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	return print_cpus(buf, cpu_online_mask);
}

static struct kobj_attribute cpu_attrs[] = {
	__ATTR_RO(possible),
	__ATTR_RO(present),
	__ATTR_RO(online),
};

static struct attribute *cpu_root_attrs[] = {
	&cpu_attrs[0].attr,
	&cpu_attrs[1].attr,
	&cpu_attrs[2].attr,
	NULL,
};

static const struct attribute_group cpu_root_group = {
	.attrs = cpu_root_attrs,
};

int cpu_dev_init(struct kobject *system)
{
	struct kobject *cpu = kobject_create_and_add("cpu", system);

	if (!cpu)
		return -ENOMEM;
	return sysfs_create_group(cpu, &cpu_root_group);
}
