/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory statistics (mm/vmstat.c): the zone counters of enum zone_stat_item
 * (atomic, in struct zone, summed into vm_zone_stat) and the event counters
 * below (per CPU, summed when read). Names are /proc/vmstat's.
 */
#ifndef _LINUX_VMSTAT_H
#define _LINUX_VMSTAT_H

#include <linux/mmzone.h>
#include <linux/smp.h>
#include <linux/percpu.h>

enum vm_event_item {
	PGALLOC_DMA,
	PGALLOC_DMA32,
	PGALLOC_NORMAL,
	PGALLOC_MOVABLE,
	ALLOCSTALL_DMA,
	ALLOCSTALL_DMA32,
	ALLOCSTALL_NORMAL,
	ALLOCSTALL_MOVABLE,
	PGFREE,
	PGFAULT,	/* handle_mm_fault() calls */
	PGMAJFAULT,	/* faults that had to read the page (filemap_fault()) */
	NR_TLB_LOCAL_FLUSH_ALL,	/* whole-ASID flushes of user translations, switches' too */
	NR_TLB_LOCAL_FLUSH_ONE,	/* user pages flushed one by one (invlpg, invpcid) */
	NR_VM_EVENT_ITEMS
};

struct vm_event_state {
	unsigned long event[NR_VM_EVENT_ITEMS];
};

DECLARE_PER_CPU(struct vm_event_state, vm_event_states);
extern atomic_long_t vm_zone_stat[NR_VM_ZONE_STAT_ITEMS];
extern const char *const vmstat_text_zone[NR_VM_ZONE_STAT_ITEMS];
extern const char *const vmstat_text_event[NR_VM_EVENT_ITEMS];

/*
 * Event counters are per CPU: one %gs-relative add to this CPU's slot,
 * which an interrupt on the same CPU cannot tear and no other CPU writes.
 */
static inline void count_vm_events(enum vm_event_item item, unsigned long delta)
{
	this_cpu_add(vm_event_states.event[item], delta);
}

static inline void count_vm_event(enum vm_event_item item)
{
	count_vm_events(item, 1);
}

/* PGALLOC_DMA + zone index, ALLOCSTALL_DMA + zone index. */
static inline void __count_zid_vm_events(enum vm_event_item base, int zid,
					 unsigned long delta)
{
	count_vm_events(base + zid, delta);
}

/* The sum over CPUs of one event counter. */
unsigned long sum_vm_event(enum vm_event_item item);

static inline void mod_zone_page_state(struct zone *zone, enum zone_stat_item item,
				       long delta)
{
	atomic_long_add(delta, &zone->vm_stat[item]);
	atomic_long_add(delta, &vm_zone_stat[item]);
}
#define __mod_zone_page_state	mod_zone_page_state

static inline unsigned long global_zone_page_state(enum zone_stat_item item)
{
	long x = atomic_long_read(&vm_zone_stat[item]);

	return x < 0 ? 0 : (unsigned long)x;
}

/*
 * The /proc-format printers (mm/vmstat.c), Linux's formats: meminfo,
 * buddyinfo (frag_show), pagetypeinfo, zoneinfo, vmstat. Each writes the
 * whole file into @m and returns 0; @v is unused. Context: may take each
 * zone->lock with interrupts off; reruns harmlessly (seq_file_show()).
 */
struct seq_file;
int meminfo_proc_show(struct seq_file *m, void *v);
int frag_show(struct seq_file *m, void *v);
int pagetypeinfo_show(struct seq_file *m, void *v);
int zoneinfo_show(struct seq_file *m, void *v);
int vmstat_show(struct seq_file *m, void *v);

struct seq_file;
/* show_val_kb - one "Name:    N kB" line, as /proc/meminfo and smaps print them. */
void show_val_kb(struct seq_file *m, const char *name, unsigned long kb);

#endif /* _LINUX_VMSTAT_H */
