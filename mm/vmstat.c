// SPDX-License-Identifier: GPL-2.0
/*
 * Memory statistics: the zone counters and per-CPU event counters of
 * include/linux/vmstat.h, and the printers of Linux's /proc files
 * meminfo (meminfo_proc_show), buddyinfo (frag_show), pagetypeinfo,
 * zoneinfo and vmstat (*_show), each into a seq_file; the shell commands
 * of the same names run them (SHELL_SEQ_CMD). Counters that no code feeds yet (no LRU, no page
 * cache) exist and read 0, as they would on Linux with nothing mapped.
 *
 * Locking: zone counters are atomic; event counters are per CPU (see
 * vmstat.h) and their sum may be a little stale. The free lists are read
 * under zone->lock.
 */
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/vmstat.h>
#include <linux/pageblock-flags.h>
#include <linux/seq_file.h>
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
	"nr_bounce", "nr_free_cma", "nr_file_pages", "nr_shmem", "nr_anon_pages", "nr_mapped",
};

const char *const vmstat_text_event[NR_VM_EVENT_ITEMS] = {
	"pgalloc_dma", "pgalloc_dma32", "pgalloc_normal", "pgalloc_movable",
	"allocstall_dma", "allocstall_dma32", "allocstall_normal", "allocstall_movable",
	"pgfree", "pgfault", "pgmajfault", "nr_tlb_local_flush_all", "nr_tlb_local_flush_one",
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

/* ---- the /proc-format printers (shell commands of the same names) ---------- */

void show_val_kb(struct seq_file *m, const char *name, unsigned long kb)
{
	seq_printf(m, "%-16s%8lu kB\n", name, kb);
}

static void meminfo_line(struct seq_file *m, const char *name, unsigned long pages)
{
	show_val_kb(m, name, K(pages));
}

/* MemAvailable without a page cache: what is free above the reserves. */
static unsigned long si_mem_available(void)
{
	long available = (long)nr_free_pages() - (long)totalreserve_pages;

	return available < 0 ? 0 : (unsigned long)available;
}

int meminfo_proc_show(struct seq_file *m, void *v)
{
	struct sysinfo i;

	si_meminfo(&i);
	meminfo_line(m, "MemTotal:", i.totalram);
	meminfo_line(m, "MemFree:", i.freeram);
	meminfo_line(m, "MemAvailable:", si_mem_available());
	meminfo_line(m, "Buffers:", 0);
	meminfo_line(m, "Cached:", global_zone_page_state(NR_FILE_PAGES));
	meminfo_line(m, "SwapCached:", 0);
	meminfo_line(m, "Active:", global_zone_page_state(NR_ZONE_ACTIVE_ANON) +
				   global_zone_page_state(NR_ZONE_ACTIVE_FILE));
	meminfo_line(m, "Inactive:", global_zone_page_state(NR_ZONE_INACTIVE_ANON) +
				     global_zone_page_state(NR_ZONE_INACTIVE_FILE));
	meminfo_line(m, "Unevictable:", global_zone_page_state(NR_ZONE_UNEVICTABLE));
	meminfo_line(m, "Mlocked:", global_zone_page_state(NR_MLOCK));
	meminfo_line(m, "SwapTotal:", 0);
	meminfo_line(m, "SwapFree:", 0);
	meminfo_line(m, "AnonPages:", global_zone_page_state(NR_ANON_MAPPED));
	meminfo_line(m, "Mapped:", global_zone_page_state(NR_FILE_MAPPED));
	meminfo_line(m, "Shmem:", global_zone_page_state(NR_SHMEM));
	show_val_kb(m, "KernelStack:", global_zone_page_state(NR_KERNEL_STACK_KB));
	meminfo_line(m, "PageTables:", global_zone_page_state(NR_PAGETABLE));
	meminfo_line(m, "Bounce:", global_zone_page_state(NR_BOUNCE));
	meminfo_line(m, "CommitLimit:", vm_commit_limit());
	meminfo_line(m, "Committed_AS:", vm_memory_committed());
	show_val_kb(m, "VmallocTotal:", (VMALLOC_END - VMALLOC_START) >> 10);
	meminfo_line(m, "VmallocUsed:", vmalloc_nr_pages());
	show_val_kb(m, "VmallocChunk:", vmalloc_largest_free() >> 10);
	return 0;
}
SHELL_SEQ_CMD(meminfo, "memory totals, as /proc/meminfo", meminfo_proc_show);

/* /proc/buddyinfo */
int frag_show(struct seq_file *m, void *v)
{
	struct zone *zone;

	for_each_populated_zone(zone) {
		unsigned long nr[MAX_ORDER], flags;
		unsigned int order;

		spin_lock_irqsave(&zone->lock, flags);
		for (order = 0; order < MAX_ORDER; order++)
			nr[order] = zone->free_area[order].nr_free;
		spin_unlock_irqrestore(&zone->lock, flags);
		seq_printf(m, "Node %d, zone %8s ", zone->node, zone->name);
		for (order = 0; order < MAX_ORDER; order++)
			seq_printf(m, "%6lu ", nr[order]);
		seq_putc(m, '\n');
	}
	return 0;
}
SHELL_SEQ_CMD(buddyinfo, "free blocks per order, as /proc/buddyinfo", frag_show);

static unsigned long count_list(const struct list_head *head)
{
	const struct list_head *pos;
	unsigned long n = 0;

	list_for_each(pos, head)
		n++;
	return n;
}

static void pagetypeinfo_showfree_print(struct seq_file *m, struct zone *zone)
{
	int mt;

	for (mt = 0; mt < MIGRATE_TYPES; mt++) {
		unsigned long counts[MAX_ORDER], flags;
		unsigned int order;

		spin_lock_irqsave(&zone->lock, flags);
		for (order = 0; order < MAX_ORDER; order++)
			counts[order] = count_list(&zone->free_area[order].free_list[mt]);
		spin_unlock_irqrestore(&zone->lock, flags);
		seq_printf(m, "Node %4d, zone %8s, type %12s ", zone->node, zone->name,
			   migratetype_names[mt]);
		for (order = 0; order < MAX_ORDER; order++)
			seq_printf(m, "%6lu ", counts[order]);
		seq_putc(m, '\n');
	}
}

static void pagetypeinfo_showblockcount_print(struct seq_file *m, struct zone *zone)
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
	seq_printf(m, "Node %d, zone %8s ", zone->node, zone->name);
	for (mt = 0; mt < MIGRATE_TYPES; mt++)
		seq_printf(m, "%12lu ", count[mt]);
	seq_putc(m, '\n');
}

int pagetypeinfo_show(struct seq_file *m, void *v)
{
	struct zone *zone;
	unsigned int order;
	int mt;

	seq_printf(m, "Page block order: %d\n", pageblock_order);
	seq_printf(m, "Pages per block:  %lu\n\n", pageblock_nr_pages);
	seq_printf(m, "%-43s ", "Free pages count per migrate type at order");
	for (order = 0; order < MAX_ORDER; order++)
		seq_printf(m, "%6u ", order);
	seq_putc(m, '\n');
	for_each_populated_zone(zone)
		pagetypeinfo_showfree_print(m, zone);
	seq_printf(m, "\n%-23s", "Number of blocks type ");
	for (mt = 0; mt < MIGRATE_TYPES; mt++)
		seq_printf(m, "%12s ", migratetype_names[mt]);
	seq_putc(m, '\n');
	for_each_populated_zone(zone)
		pagetypeinfo_showblockcount_print(m, zone);
	return 0;
}
SHELL_SEQ_CMD(pagetypeinfo, "free blocks per migratetype and pageblock types, as /proc/pagetypeinfo",
	      pagetypeinfo_show);

static void zoneinfo_show_print(struct seq_file *m, const pg_data_t *pgdat, struct zone *zone)
{
	unsigned int cpu;
	int i;

	seq_printf(m, "Node %d, zone %8s\n", pgdat->node_id, zone->name);
	seq_printf(m, "  pages free     %lu\n", zone_page_state(zone, NR_FREE_PAGES));
	seq_puts(m, "        boost    0\n");
	seq_printf(m, "        min      %lu\n", min_wmark_pages(zone));
	seq_printf(m, "        low      %lu\n", low_wmark_pages(zone));
	seq_printf(m, "        high     %lu\n", high_wmark_pages(zone));
	seq_printf(m, "        spanned  %lu\n", zone->spanned_pages);
	seq_printf(m, "        present  %lu\n", zone->present_pages);
	seq_printf(m, "        managed  %lu\n", zone_managed_pages(zone));
	seq_puts(m, "        cma      0\n");
	seq_printf(m, "        protection: (%ld", zone->lowmem_reserve[0]);
	for (i = 1; i < MAX_NR_ZONES; i++)
		seq_printf(m, ", %ld", zone->lowmem_reserve[i]);
	seq_puts(m, ")\n");
	if (!populated_zone(zone))
		return;
	for (i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++)
		seq_printf(m, "      %-12s %lu\n", vmstat_text_zone[i], zone_page_state(zone, i));
	seq_puts(m, "  pagesets\n");
	for_each_possible_cpu(cpu) {
		const struct per_cpu_pages *pcp = &zone->per_cpu_pageset[cpu];

		seq_printf(m, "    cpu: %u\n", cpu);
		seq_printf(m, "              count: %d\n", READ_ONCE(pcp->count));
		seq_printf(m, "              high:  %d\n", READ_ONCE(pcp->high));
		seq_printf(m, "              batch: %d\n", READ_ONCE(pcp->batch));
	}
	seq_puts(m, "  node_unreclaimable:  0\n");
	seq_printf(m, "  start_pfn:           %lu\n", zone->zone_start_pfn);
}

int zoneinfo_show(struct seq_file *m, void *v)
{
	pg_data_t *pgdat;

	for_each_online_pgdat(pgdat) {
		struct zone *zone;

		for_each_zone_in_node(zone, pgdat)
			zoneinfo_show_print(m, pgdat, zone);
	}
	return 0;
}
SHELL_SEQ_CMD(zoneinfo, "zones of every node, as /proc/zoneinfo", zoneinfo_show);

int vmstat_show(struct seq_file *m, void *v)
{
	int i;

	for (i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++) {
		seq_puts(m, vmstat_text_zone[i]);
		seq_put_decimal_ull(m, " ", global_zone_page_state(i));
		seq_putc(m, '\n');
	}
	for (i = 0; i < NR_VM_EVENT_ITEMS; i++) {
		seq_puts(m, vmstat_text_event[i]);
		seq_put_decimal_ull(m, " ", sum_vm_event(i));
		seq_putc(m, '\n');
	}
	return 0;
}
SHELL_SEQ_CMD(vmstat, "memory counters and events, as /proc/vmstat", vmstat_show);
