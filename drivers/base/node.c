// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/devices/system/node/node0: the one NUMA node's meminfo and cpulist,
 * in Linux's formats. meminfo's lines are those of Linux 6.1's
 * node_read_meminfo() for a kernel without HIGHMEM, CMA or shadow call
 * stacks: "Node 0 " then the name padded to 16 columns and the value in
 * kB in 8 (the HugePages_ lines: a count in 5). As /proc/meminfo here,
 * counters that nothing feeds yet (no LRU, slab or hugetlb accounting)
 * read 0. The node holds all memory, so its totals are the system's.
 */
#include <linux/sysfs.h>
#include <linux/mm.h>
#include <linux/vmstat.h>
#include <linux/cpumask.h>
#include <linux/threads.h>
#include <linux/sprintf.h>
#include <linux/errno.h>
#include "base.h"

#define K(pages)	((pages) << (PAGE_SHIFT - 10))

/* One "Node 0 NAME:   VALUE kB" line after the @len bytes of @buf. Return: the new length. */
static size_t node_kb(char *buf, size_t len, const char *name, unsigned long kb)
{
	return len + scnprintf(buf + len, PAGE_SIZE - len, "Node 0 %-16s%8lu kB\n", name, kb);
}

/* Lines of counters that nothing feeds yet: 0 kB each. */
static size_t node_zero_lines(char *buf, size_t len, const char *const *names)
{
	for (; *names; names++)
		len = node_kb(buf, len, *names, 0);
	return len;
}

static const char *const node_unfed_1[] = { "Dirty:", "Writeback:", NULL };
static const char *const node_unfed_2[] = { "SecPageTables:", "NFS_Unstable:", NULL };
static const char *const node_unfed_3[] = {
	"WritebackTmp:", "KReclaimable:", "Slab:", "SReclaimable:", "SUnreclaim:",
	"AnonHugePages:", "ShmemHugePages:", "ShmemPmdMapped:", "FileHugePages:",
	"FilePmdMapped:", NULL
};

static ssize_t node0_meminfo_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	unsigned long active_anon = global_zone_page_state(NR_ZONE_ACTIVE_ANON);
	unsigned long inactive_anon = global_zone_page_state(NR_ZONE_INACTIVE_ANON);
	unsigned long active_file = global_zone_page_state(NR_ZONE_ACTIVE_FILE);
	unsigned long inactive_file = global_zone_page_state(NR_ZONE_INACTIVE_FILE);
	struct sysinfo i;
	size_t len = 0;

	si_meminfo(&i);
	len = node_kb(buf, len, "MemTotal:", K(i.totalram));
	len = node_kb(buf, len, "MemFree:", K(i.freeram));
	len = node_kb(buf, len, "MemUsed:", K(i.totalram - i.freeram));
	len = node_kb(buf, len, "SwapCached:", 0);
	len = node_kb(buf, len, "Active:", K(active_anon + active_file));
	len = node_kb(buf, len, "Inactive:", K(inactive_anon + inactive_file));
	len = node_kb(buf, len, "Active(anon):", K(active_anon));
	len = node_kb(buf, len, "Inactive(anon):", K(inactive_anon));
	len = node_kb(buf, len, "Active(file):", K(active_file));
	len = node_kb(buf, len, "Inactive(file):", K(inactive_file));
	len = node_kb(buf, len, "Unevictable:", K(global_zone_page_state(NR_ZONE_UNEVICTABLE)));
	len = node_kb(buf, len, "Mlocked:", K(global_zone_page_state(NR_MLOCK)));
	len = node_zero_lines(buf, len, node_unfed_1);
	len = node_kb(buf, len, "FilePages:", K(global_zone_page_state(NR_FILE_PAGES)));
	len = node_kb(buf, len, "Mapped:", K(global_zone_page_state(NR_FILE_MAPPED)));
	len = node_kb(buf, len, "AnonPages:", K(global_zone_page_state(NR_ANON_MAPPED)));
	len = node_kb(buf, len, "Shmem:", K(global_zone_page_state(NR_SHMEM)));
	len = node_kb(buf, len, "KernelStack:", global_zone_page_state(NR_KERNEL_STACK_KB));
	len = node_kb(buf, len, "PageTables:", K(global_zone_page_state(NR_PAGETABLE)));
	len = node_zero_lines(buf, len, node_unfed_2);
	len = node_kb(buf, len, "Bounce:", K(global_zone_page_state(NR_BOUNCE)));
	len = node_zero_lines(buf, len, node_unfed_3);
	len += scnprintf(buf + len, PAGE_SIZE - len,
			 "Node 0 HugePages_Total: %5u\nNode 0 HugePages_Free:  %5u\n"
			 "Node 0 HugePages_Surp:  %5u\n", 0, 0, 0);
	return len;
}

static ssize_t node0_cpulist_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	/* The CPUs of the node: every online one, as x86 adds a CPU to its node when it comes up. */
	return sysfs_emit(buf, "%*pbl\n", NR_CPUS, cpu_online_mask->bits);
}

static struct kobj_attribute node0_attrs[] = {
	__ATTR(meminfo, 0444, node0_meminfo_show, NULL),
	__ATTR(cpulist, 0444, node0_cpulist_show, NULL),
};

static struct attribute *node0_attr_list[] = {
	&node0_attrs[0].attr,
	&node0_attrs[1].attr,
	NULL,
};

static const struct attribute_group node0_group = {
	.attrs = node0_attr_list,
};

int node_dev_init(struct kobject *system)
{
	struct kobject *node = kobject_create_and_add("node", system), *node0;

	if (!node)
		return -ENOMEM;
	node0 = kobject_create_and_add("node0", node);
	if (!node0)
		return -ENOMEM;
	return sysfs_create_group(node0, &node0_group);
}
