/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the loader handed over (arch/x86_64/setup.c): the memory map (into
 * e820_table), the command line (into boot_command_line), and the ranges the
 * memory layer must reserve before it hands memory out.
 */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H

#include <linux/types.h>

#define MAX_BOOT_MODULES	16

struct boot_module {
	u64 start, end;			/* physical, end exclusive */
	char cmdline[64];
};

struct boot_info {
	u64 mbi_start, mbi_size;	/* the multiboot2 information */
	char loader_name[64];
	unsigned int nr_modules;
	struct boot_module modules[MAX_BOOT_MODULES];
	u64 rsdp_phys;			/* 0: no ACPI RSDP tag */
	u8 rsdp[36];			/* the loader's copy of the RSDP */
	unsigned int rsdp_len;
};

extern struct boot_info boot_info;

/* The CPU's physical address width (CPUID 0x80000008), 36 bits if unknown. */
unsigned int phys_addr_bits(void);

/* The TSC value when the kernel became ready (boot_to_ready). */
extern u64 ready_tsc;

/*
 * init_mem_mapping - build the kernel's page tables from memblock (the
 * direct map and the W^X kernel image) and switch to them
 * (arch/x86_64/init_64.c). Context: boot, once.
 */
void init_mem_mapping(void);

/* Print the page-table walk of @addr in the live tables (oops, ptdump). */
void dump_pagetable(unsigned long addr);
/*
 * ptdump_debugfs_init - /sys/kernel/debug/kernel_page_tables, init_mm's
 * tables in Linux's x86 format (arch/x86_64/dump_pagetables.c).
 * Context: boot, after debugfs_init().
 */
void ptdump_debugfs_init(void);

/* Parse the multiboot2 information; panics when it cannot be used at all. */
void setup_arch(u32 magic, u32 mbi_phys);

#endif /* _ASM_SETUP_H */
