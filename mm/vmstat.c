// SPDX-License-Identifier: GPL-2.0
/*
 * Memory statistics in the formats of Linux's /proc files, for the shell.
 * zoneinfo prints, per populated or spanned zone, the fields that exist so
 * far, in /proc/zoneinfo's layout; the page allocator adds free pages,
 * watermarks and the per-CPU lists.
 */
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/shell.h>

static void zoneinfo_show_zone(const pg_data_t *pgdat, const struct zone *zone)
{
	raw_printk("Node %d, zone %8s\n", pgdat->node_id, zone->name);
	raw_printk("        spanned  %lu\n", zone->spanned_pages);
	raw_printk("        present  %lu\n", zone->present_pages);
	raw_printk("        managed  %lu\n", zone_managed_pages(zone));
	raw_printk("  start_pfn:           %lu\n", zone->zone_start_pfn);
}

static int cmd_zoneinfo(int argc, char **argv)
{
	int nid;

	for_each_online_node(nid) {
		const pg_data_t *pgdat = NODE_DATA(nid);
		const struct zone *zone;

		for_each_zone_in_node(zone, pgdat)
			zoneinfo_show_zone(pgdat, zone);
	}
	return 0;
}
SHELL_CMD(zoneinfo, "zones of every node, as /proc/zoneinfo", cmd_zoneinfo);
