// SPDX-License-Identifier: GPL-2.0
/*
 * Reading the multiboot2 boot information into the kernel's own structures.
 *
 * The loader's information is untrusted input: every tag is bounds-checked
 * against the total size before it is read, a malformed tag ends the walk
 * with a message (what was read so far is kept), and the memory map goes
 * through the e820 sanitiser. The information lies in low memory, which the
 * early page tables map at PAGE_OFFSET (the first GiB); anything else is
 * refused with a panic, since without a memory map the kernel cannot run.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/panic.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/multiboot2.h>
#include <linux/random.h>
#include <linux/shell.h>
#include <asm/boot.h>
#include <asm/e820.h>
#include <asm/page.h>
#include <asm/setup.h>
#include <asm/memtype.h>
#include <linux/acpi.h>
#include <asm/io_apic.h>
#include <asm/processor.h>
#include <asm/sections.h>
#include <asm/smap.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/initrd.h>
#include "../../mm/internal.h"

#define EARLY_MAP_END	SZ_1G
#define MBI_MAX_SIZE	SZ_1M

struct boot_info boot_info;

static enum e820_type mb2_to_e820_type(u32 type)
{
	switch (type) {
	case MB2_MEMORY_AVAILABLE:
		return E820_TYPE_RAM;
	case MB2_MEMORY_ACPI:
		return E820_TYPE_ACPI;
	case MB2_MEMORY_NVS:
		return E820_TYPE_NVS;
	case MB2_MEMORY_BADRAM:
		return E820_TYPE_UNUSABLE;
	default:
		return E820_TYPE_RESERVED;
	}
}

static void parse_mmap(const struct mb2_tag_mmap *t)
{
	const u8 *p = (const u8 *)t->entries, *end = (const u8 *)t + t->tag.size;

	if (t->tag.size < sizeof(*t) || t->entry_size < sizeof(struct mb2_mmap_entry)) {
		pr_err("multiboot2: memory map tag malformed (size %u, entry size %u)\n",
		       t->tag.size, t->entry_size);
		return;
	}
	for (; p + t->entry_size <= end; p += t->entry_size) {
		const struct mb2_mmap_entry *e = (const void *)p;

		e820__range_add(e->addr, e->len, mb2_to_e820_type(e->type));
	}
}

/* Copy a tag's string, which the loader should but might not terminate. */
static void copy_tag_string(char *dst, size_t size, const struct mb2_tag *t,
			    size_t offset)
{
	size_t avail = t->size > offset ? t->size - offset : 0;
	const char *src = (const char *)t + offset;

	avail = strnlen(src, avail);
	size = min(size - 1, avail);
	memcpy(dst, src, size);
	dst[size] = '\0';
}

static void parse_module(const struct mb2_tag_module *t)
{
	struct boot_module *m;

	if (t->tag.size < sizeof(*t) || t->mod_end < t->mod_start) {
		pr_err("multiboot2: module tag malformed\n");
		return;
	}
	if (boot_info.nr_modules == MAX_BOOT_MODULES) {
		pr_warn("multiboot2: more than %d modules, ignoring the rest\n",
			MAX_BOOT_MODULES);
		return;
	}
	m = &boot_info.modules[boot_info.nr_modules++];
	m->start = t->mod_start;
	m->end = t->mod_end;
	copy_tag_string(m->cmdline, sizeof(m->cmdline), &t->tag, sizeof(*t));
}

static void parse_acpi(const struct mb2_tag *t)
{
	size_t len = min((size_t)(t->size - sizeof(*t)), sizeof(boot_info.rsdp));

	/* The ACPI 2.0 tag (15) wins over the 1.0 one (14). */
	if (boot_info.rsdp_len && t->type == MB2_TAG_ACPI_OLD)
		return;
	memcpy(boot_info.rsdp, t + 1, len);
	boot_info.rsdp_len = len;
	boot_info.rsdp_phys = __pa(t + 1);
}

static void parse_tag(const struct mb2_tag *t)
{
	switch (t->type) {
	case MB2_TAG_CMDLINE:
		setup_command_line((const char *)(t + 1), t->size - sizeof(*t));
		break;
	case MB2_TAG_LOADER_NAME:
		copy_tag_string(boot_info.loader_name, sizeof(boot_info.loader_name),
				t, sizeof(*t));
		break;
	case MB2_TAG_MODULE:
		parse_module((const struct mb2_tag_module *)t);
		break;
	case MB2_TAG_MMAP:
		parse_mmap((const struct mb2_tag_mmap *)t);
		break;
	case MB2_TAG_ACPI_OLD:
	case MB2_TAG_ACPI_NEW:
		parse_acpi(t);
		break;
	}
}

static void parse_mbi(u32 mbi_phys)
{
	const struct mb2_info *info = __va(mbi_phys);
	const u8 *p, *end;

	if (!IS_ALIGNED(mbi_phys, 8) || mbi_phys >= EARLY_MAP_END - sizeof(*info))
		panic("multiboot2: boot information at %#x is not usable", mbi_phys);
	if (info->total_size < sizeof(*info) + sizeof(struct mb2_tag) ||
	    info->total_size > MBI_MAX_SIZE || mbi_phys + info->total_size > EARLY_MAP_END)
		panic("multiboot2: boot information size %u at %#x is not usable",
		      info->total_size, mbi_phys);
	boot_info.mbi_start = mbi_phys;
	boot_info.mbi_size = info->total_size;
	/* The memory map, ACPI pointers, loader and command line: differ per machine. */
	add_device_randomness(info, info->total_size);
	end = (const u8 *)info + info->total_size;
	for (p = (const u8 *)(info + 1); p + sizeof(struct mb2_tag) <= end;) {
		const struct mb2_tag *t = (const void *)p;

		if (t->type == MB2_TAG_END)
			return;
		if (t->size < sizeof(*t) || t->size > (size_t)(end - p)) {
			pr_err("multiboot2: tag %u has bad size %u, ignoring the rest\n",
			       t->type, t->size);
			return;
		}
		parse_tag(t);
		p += ALIGN(t->size, 8);
	}
	pr_warn("multiboot2: boot information has no end tag\n");
}

/*
 * The boot identity map (PML4 slot 0, the first GiB at virtual 0) served only
 * to turn paging on; everything since runs in the higher half. Removing it
 * makes a NULL or user-range dereference fault, as it must.
 */
static void zap_identity_map(void)
{
	extern u64 early_pml4[];
	u64 *pml4 = __va((unsigned long)early_pml4);

	pml4[0] = 0;
	write_cr3(read_cr3());
}

/* The CPU's physical address width (CPUID 0x80000008), 36 bits if unknown. */
unsigned int phys_addr_bits(void)
{
	u32 a, b, c, d;

	cpuid(0x80000000, &a, &b, &c, &d);
	if (a < 0x80000008)
		return 36;
	cpuid(0x80000008, &a, &b, &c, &d);
	return min(a & 0xff, (u32)MAX_PHYSMEM_BITS);
}

/* Nothing beyond what the CPU (and 4-level paging) can address is usable. */
static void e820__clip_to_phys_bits(void)
{
	u64 limit = 1ULL << phys_addr_bits();

	if (e820__range_remove(limit, U64_MAX - limit, E820_TYPE_RAM, true)) {
		pr_warn("e820: RAM above the CPU's %u-bit physical address limit ignored\n",
			phys_addr_bits());
		e820__update_table(e820_table);
	}
}

/* Usable RAM to memblock: the only memory the kernel will ever use. */
static void e820__memblock_setup(void)
{
	u32 i;

	for (i = 0; i < e820_table->nr_entries; i++) {
		const struct e820_entry *e = &e820_table->entries[i];

		if (e->type == E820_TYPE_RAM)
			memblock_add(e->addr, e->size);
	}
	memblock_trim_memory(PAGE_SIZE);
}

/*
 * What must never be handed out: the low 1 MiB (BIOS data, the real-mode
 * trampoline SMP will need; Linux reserves all of it), the kernel image
 * from its loader part to the end of bss (the early page tables are in it),
 * the boot information and the modules.
 */
static void reserve_boot_memory(void)
{
	unsigned int i;

	memblock_reserve(0, SZ_1M);
	/* .boot is linked at its physical address: __boot_start is physical. */
	memblock_reserve((phys_addr_t)__boot_start, __pa(_end) - (phys_addr_t)__boot_start);
	memblock_reserve(boot_info.mbi_start, boot_info.mbi_size);
	for (i = 0; i < boot_info.nr_modules; i++)
		memblock_reserve(boot_info.modules[i].start,
				 boot_info.modules[i].end - boot_info.modules[i].start);
}

/*
 * The initrd (Linux's reserve_initrd()): the module whose command line is
 * "initrd", as `module2 FILE initrd` in grub.cfg gives it, or else the
 * first module. It stays reserved with the other modules until
 * populate_rootfs() has unpacked it; outside usable RAM (mem=, memmap=) it
 * is ignored, since the page allocator could not take it back.
 */
static void find_initrd(void)
{
	const struct boot_module *m = NULL;
	unsigned int i;

	for (i = 0; i < boot_info.nr_modules && !m; i++)
		if (!strcmp(boot_info.modules[i].cmdline, "initrd"))
			m = &boot_info.modules[i];
	if (!m && boot_info.nr_modules)
		m = &boot_info.modules[0];
	if (!m || m->end == m->start)
		return;
	if (!memblock_is_region_memory(m->start, m->end - m->start)) {
		pr_err("initrd: [mem %#010llx-%#010llx] is not in usable RAM, ignored\n",
		       m->start, m->end - 1);
		return;
	}
	phys_initrd_start = m->start;
	phys_initrd_size = m->end - m->start;
	pr_info("RAMDISK: [mem %#010llx-%#010llx]\n", m->start, m->end - 1);
}

/* A machine whose usable memory is all but gone cannot boot: say so. */
#define MIN_FREE_MEMORY		(4UL << 20)

static void check_enough_memory(void)
{
	u64 free = memblock_phys_mem_size() - memblock_reserved_size();

	if (memblock_phys_mem_size() < memblock_reserved_size() || free < MIN_FREE_MEMORY)
		panic("Not enough usable memory: %llu KiB free after boot reservations "
		      "(check mem= and memmap=)", memblock_phys_mem_size() > memblock_reserved_size() ?
		      free >> 10 : 0);
}

static void paging_init(void)
{
	unsigned long max_zone_pfns[MAX_NR_ZONES] = {
		[ZONE_DMA] = MAX_DMA_PFN,
		[ZONE_DMA32] = MAX_DMA32_PFN,
		[ZONE_NORMAL] = PFN_DOWN(memblock_end_of_DRAM()),
	};

	sparse_init();
	free_area_init(max_zone_pfns);
}

void setup_arch(u32 magic, u32 mbi_phys)
{
	zap_identity_map();
	pat_init();
	/* head.S halts on a bad magic; this catches a loader that jumps here. */
	if (magic != MULTIBOOT2_BOOTLOADER_MAGIC)
		panic("multiboot2: bad magic %#x", magic);
	parse_mbi(mbi_phys);
	if (boot_info.loader_name[0])
		pr_info("Boot loader: %s\n", boot_info.loader_name);
	pr_info("Command line: %s\n", boot_command_line);
	if (!e820_table->nr_entries)
		panic("multiboot2: the boot loader gave no memory map");
	e820__update_table(e820_table);
	pr_info("BIOS-provided physical RAM map:\n");
	e820__print_table("BIOS-e820");
	parse_early_param();
	setup_smep_smap();
	e820__finish();
	e820__clip_to_phys_bits();
	e820__memblock_setup();
	reserve_boot_memory();
	find_initrd();
	check_enough_memory();
	init_mem_mapping();
	acpi_boot_init();
	setup_IO_APIC();
	paging_init();
}

static int cmd_bootinfo(int argc, char **argv)
{
	unsigned int i;

	raw_printk("loader: %s\n", boot_info.loader_name);
	raw_printk("multiboot2 info: [mem %#018llx-%#018llx]\n", boot_info.mbi_start,
		   boot_info.mbi_start + boot_info.mbi_size - 1);
	for (i = 0; i < boot_info.nr_modules; i++)
		raw_printk("module %u: [mem %#018llx-%#018llx] %s\n", i,
			   boot_info.modules[i].start, boot_info.modules[i].end - 1,
			   boot_info.modules[i].cmdline);
	if (boot_info.rsdp_len)
		raw_printk("ACPI RSDP: %u bytes (revision %u), OEM %.6s\n",
			   boot_info.rsdp_len, boot_info.rsdp[15], &boot_info.rsdp[9]);
	else
		raw_printk("ACPI RSDP: none\n");
	return 0;
}
SHELL_CMD(bootinfo, "what the boot loader passed: name, modules, ACPI RSDP", cmd_bootinfo);
