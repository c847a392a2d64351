/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct sysinfo, Linux's (uapi/linux/sysinfo.h), 112 bytes on x86-64:
 * what sysinfo(2) answers, and what si_meminfo() (mm/page_alloc.c) fills
 * the memory part of. Memory sizes are in units of mem_unit bytes: pages
 * from si_meminfo(), bytes (mem_unit 1) from the system call, as Linux's.
 * loads[] are fixed point with SI_LOAD_SHIFT fraction bits.
 */
#ifndef _LINUX_SYSINFO_H
#define _LINUX_SYSINFO_H

#include <linux/types.h>

#define SI_LOAD_SHIFT	16

struct sysinfo {
	long uptime;			/* seconds since boot */
	unsigned long loads[3];		/* 1, 5 and 15 minute load averages */
	unsigned long totalram;
	unsigned long freeram;
	unsigned long sharedram;
	unsigned long bufferram;
	unsigned long totalswap;
	unsigned long freeswap;
	u16 procs;			/* tasks */
	u16 pad;
	unsigned long totalhigh;
	unsigned long freehigh;
	u32 mem_unit;
	char _f[20 - 2 * sizeof(unsigned long) - sizeof(u32)];	/* none on 64-bit */
};

static_assert(sizeof(struct sysinfo) == 112);

#endif /* _LINUX_SYSINFO_H */
