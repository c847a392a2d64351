// SPDX-License-Identifier: GPL-2.0
/*
 * Memory statistics: the zone counters and per-CPU event counters of
 * include/linux/vmstat.h, and the shell commands that print them in the
 * formats of Linux's /proc files: meminfo, buddyinfo, pagetypeinfo,
 * zoneinfo and vmstat. Counters that no code feeds yet (no LRU, no page
 * cache) exist and read 0, as they would on Linux with nothing mapped.
 *
 * Locking: zone counters are atomic; event counters are per CPU (see
 * vmstat.h) and their sum may be a little stale. The free lists are read
 * under zone->lock.
 */
#include <linux/mm.h>
#include <linux/vmstat.h>
#include <linux/pageblock-flags.h>
#include <linux/printk.h>
#include <linux/shell.h>
#include <linux/vmalloc.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include "internal.h"

DEFINE_PER_CPU(struct vm_event_state, vm_event_states);
atomic_long_t vm_zone_stat[NR_VM_ZONE_STAT_ITEMS];

const char *const vmstat_text_zone[NR_VM_ZONE_STAT_ITEMS] = {
	"nr_free_pages", "nr_zone_inactive_anon", "nr_zone_active_anon",
	"nr_zone_inactive_file", "nr_zone_active_file", "nr_zone_unevictable",
	"nr_zone_write_pending", "nr_mlock", "nr_page_table_pages", "nr_kernel_stack",
	"nr_bounce", "nr_free_cma",
};

const char *const vmstat_text_event[NR_VM_EVENT_ITEMS] = {
	"pgalloc_dma", "pgalloc_dma32", "pgalloc_normal", "pgalloc_movable",
	"allocstall_dma", "allocstall_dma32", "allocstall_normal", "allocstall_movable",
	"pgfree",
};

unsigned long sum_vm_event(enum vm_event_item item)
{
	unsigned long sum = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		sum += READ_ONCE(per_cpu(vm_event_states, cpu).event[item]);
	return sum;
}

#define K(pages)	((pages) << (PAGE_SHIFT - 10))

static void meminfo_kb(const char *name, unsigned long kb)
{
	raw_printk("%-16s%8lu kB\n", name, kb);
}

static void meminfo_line(const char *name, unsigned long pages)
{
	meminfo_kb(name, K(pages));
}

/* MemAvailable without a page cache: what is free above the reserves. */
static unsigned long si_mem_available(void)
{
	long available = (long)nr_free_pages() - (long)totalreserve_pages;

	return available < 0 ? 0 : (unsigned long)available;
}

static int cmd_meminfo(int argc, char **argv)
{
	struct sysinfo i;

	si_meminfo(&i);
	meminfo_line("MemTotal:", i.totalram);
	meminfo_line("MemFree:", i.freeram);
	meminfo_line("MemAvailable:", si_mem_available());
	meminfo_line("Buffers:", 0);
	meminfo_line("Cached:", 0);
	meminfo_line("SwapCached:", 0);
	meminfo_line("Active:", global_zone_page_state(NR_ZONE_ACTIVE_ANON) +
				global_zone_page_state(NR_ZONE_ACTIVE_FILE));
	meminfo_line("Inactive:", global_zone_page_state(NR_ZONE_INACTIVE_ANON) +
				  global_zone_page_state(NR_ZONE_INACTIVE_FILE));
	meminfo_line("Unevictable:", global_zone_page_state(NR_ZONE_UNEVICTABLE));
	meminfo_line("Mlocked:", global_zone_page_state(NR_MLOCK));
	meminfo_line("SwapTotal:", 0);
	meminfo_line("SwapFree:", 0);
	meminfo_kb("KernelStack:", global_zone_page_state(NR_KERNEL_STACK_KB));
	meminfo_line("PageTables:", global_zone_page_state(NR_PAGETABLE));
	meminfo_line("Bounce:", global_zone_page_state(NR_BOUNCE));
	meminfo_kb("VmallocTotal:", (VMALLOC_END - VMALLOC_START) >> 10);
	meminfo_line("VmallocUsed:", vmalloc_nr_pages());
	meminfo_kb("VmallocChunk:", vmalloc_largest_free() >> 10);
	return 0;
}
SHELL_CMD(meminfo, "memory totals, as /proc/meminfo", cmd_meminfo);

static int cmd_buddyinfo(int argc, char **argv)
{
	struct zone *zone;

	for_each_populated_zone(zone) {
		unsigned long nr[MAX_ORDER], flags;
		unsigned int order;

		spin_lock_irqsave(&zone->lock, flags);
		for (order = 0; order < MAX_ORDER; order++)
			nr[order] = zone->free_area[order].nr_free;
		spin_unlock_irqrestore(&zone->lock, flags);
		raw_printk("Node %d, zone %8s ", zone->node, zone->name);
		for (order = 0; order < MAX_ORDER; order++)
			raw_printk("%6lu ", nr[order]);
		raw_printk("\n");
	}
	return 0;
}
SHELL_CMD(buddyinfo, "free blocks per order, as /proc/buddyinfo", cmd_buddyinfo);

static unsigned long count_list(const struct list_head *head)
{
	const struct list_head *pos;
	unsigned long n = 0;

	list_for_each(pos, head)
		n++;
	return n;
}

static void pagetypeinfo_free(struct zone *zone)
{
	int mt;

	for (mt = 0; mt < MIGRATE_TYPES; mt++) {
		unsigned long counts[MAX_ORDER], flags;
		unsigned int order;

		spin_lock_irqsave(&zone->lock, flags);
		for (order = 0; order < MAX_ORDER; order++)
			counts[order] = count_list(&zone->free_area[order].free_list[mt]);
		spin_unlock_irqrestore(&zone->lock, flags);
		raw_printk("Node %4d, zone %8s, type %12s ", zone->node, zone->name,
			   migratetype_names[mt]);
		for (order = 0; order < MAX_ORDER; order++)
			raw_printk("%6lu ", counts[order]);
		raw_printk("\n");
	}
}

static void pagetypeinfo_blocks(struct zone *zone)
{
	unsigned long count[MIGRATE_TYPES] = { 0 }, pfn;
	int mt;

	for (pfn = pageblock_start_pfn(zone->zone_start_pfn); pfn < zone_end_pfn(zone);
	     pfn += pageblock_nr_pages) {
		unsigned long first = max(pfn, zone->zone_start_pfn);

		if (!pfn_valid(first))
			continue;
		mt = get_pfnblock_migratetype(pfn_to_page(first), first);
		if (mt < MIGRATE_TYPES)
			count[mt]++;
	}
	raw_printk("Node %d, zone %8s ", zone->node, zone->name);
	for (mt = 0; mt < MIGRATE_TYPES; mt++)
		raw_printk("%12lu ", count[mt]);
	raw_printk("\n");
}

static int cmd_pagetypeinfo(int argc, char **argv)
{
	struct zone *zone;
	unsigned int order;
	int mt;

	raw_printk("Page block order: %d\n", pageblock_order);
	raw_printk("Pages per block:  %lu\n\n", pageblock_nr_pages);
	raw_printk("%-43s ", "Free pages count per migrate type at order");
	for (order = 0; order < MAX_ORDER; order++)
		raw_printk("%6u ", order);
	raw_printk("\n");
	for_each_populated_zone(zone)
		pagetypeinfo_free(zone);
	raw_printk("\n%-23s", "Number of blocks type ");
	for (mt = 0; mt < MIGRATE_TYPES; mt++)
		raw_printk("%12s ", migratetype_names[mt]);
	raw_printk("\n");
	for_each_populated_zone(zone)
		pagetypeinfo_blocks(zone);
	return 0;
}
SHELL_CMD(pagetypeinfo, "free blocks per migratetype and pageblock types, as /proc/pagetypeinfo",
	  cmd_pagetypeinfo);

static void zoneinfo_show_zone(const pg_data_t *pgdat, struct zone *zone)
{
	unsigned int cpu;
	int i;

	raw_printk("Node %d, zone %8s\n", pgdat->node_id, zone->name);
	raw_printk("  pages free     %lu\n", zone_page_state(zone, NR_FREE_PAGES));
	raw_printk("        boost    0\n");
	raw_printk("        min      %lu\n", min_wmark_pages(zone));
	raw_printk("        low      %lu\n", low_wmark_pages(zone));
	raw_printk("        high     %lu\n", high_wmark_pages(zone));
	raw_printk("        spanned  %lu\n", zone->spanned_pages);
	raw_printk("        present  %lu\n", zone->present_pages);
	raw_printk("        managed  %lu\n", zone_managed_pages(zone));
	raw_printk("        cma      0\n");
	raw_printk("        protection: (%ld", zone->lowmem_reserve[0]);
	for (i = 1; i < MAX_NR_ZONES; i++)
		raw_printk(", %ld", zone->lowmem_reserve[i]);
	raw_printk(")\n");
	if (!populated_zone(zone))
		return;
	for (i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++)
		raw_printk("      %-12s %lu\n", vmstat_text_zone[i], zone_page_state(zone, i));
	raw_printk("  pagesets\n");
	for_each_possible_cpu(cpu) {
		const struct per_cpu_pages *pcp = &zone->per_cpu_pageset[cpu];

		raw_printk("    cpu: %u\n", cpu);
		raw_printk("              count: %d\n", READ_ONCE(pcp->count));
		raw_printk("              high:  %d\n", READ_ONCE(pcp->high));
		raw_printk("              batch: %d\n", READ_ONCE(pcp->batch));
	}
	raw_printk("  node_unreclaimable:  0\n");
	raw_printk("  start_pfn:           %lu\n", zone->zone_start_pfn);
}

static int cmd_zoneinfo(int argc, char **argv)
{
	int nid;

	for_each_online_node(nid) {
		pg_data_t *pgdat = NODE_DATA(nid);
		struct zone *zone;

		for_each_zone_in_node(zone, pgdat)
			zoneinfo_show_zone(pgdat, zone);
	}
	return 0;
}
SHELL_CMD(zoneinfo, "zones of every node, as /proc/zoneinfo", cmd_zoneinfo);

static int cmd_vmstat(int argc, char **argv)
{
	int i;

	for (i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++)
		raw_printk("%s %lu\n", vmstat_text_zone[i], global_zone_page_state(i));
	for (i = 0; i < NR_VM_EVENT_ITEMS; i++)
		raw_printk("%s %lu\n", vmstat_text_event[i], sum_vm_event(i));
	return 0;
}
SHELL_CMD(vmstat, "memory counters and events, as /proc/vmstat", cmd_vmstat);
