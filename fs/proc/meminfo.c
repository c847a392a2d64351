// SPDX-License-Identifier: GPL-2.0
/*
 * The memory files of /proc: each is a show function mm already has (the
 * shell prints the same ones), registered with Linux's modes. Linux
 * registers them from mm/ (vmstat.c, slab_common.c, vmalloc.c) and
 * fs/proc/meminfo.c; without initcalls they are gathered here.
 *
 *   meminfo       meminfo_proc_show   0444
 *   buddyinfo     frag_show           0444
 *   pagetypeinfo  pagetypeinfo_show   0400 (as Linux since 5.6)
 *   zoneinfo      zoneinfo_show       0444
 *   vmstat        vmstat_show         0444
 *   slabinfo      slabinfo_show       0400 (SLABINFO_RIGHTS without writes)
 *   vmallocinfo   vmalloc_info_show   0400
 */
#include <linux/proc_fs.h>
#include <linux/vmstat.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/panic.h>
#include "internal.h"

void proc_meminfo_init(void)
{
	if (!proc_create_single("meminfo", 0444, NULL, meminfo_proc_show) ||
	    !proc_create_single("buddyinfo", 0444, NULL, frag_show) ||
	    !proc_create_single("pagetypeinfo", 0400, NULL, pagetypeinfo_show) ||
	    !proc_create_single("zoneinfo", 0444, NULL, zoneinfo_show) ||
	    !proc_create_single("vmstat", 0444, NULL, vmstat_show) ||
	    !proc_create_single("slabinfo", 0400, NULL, slabinfo_show) ||
	    !proc_create_single("vmallocinfo", 0400, NULL, vmalloc_info_show))
		panic("Could not make /proc's memory files");
}
