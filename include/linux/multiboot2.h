/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The multiboot2 boot information (Multiboot2 Specification, section 3.6):
 * a u32 total size, a u32 reserved word, then tags aligned to 8 bytes, each
 * starting with {u32 type, u32 size}, ended by a tag of type 0.
 */
#ifndef _LINUX_MULTIBOOT2_H
#define _LINUX_MULTIBOOT2_H

#include <linux/types.h>

#define MB2_TAG_END		0
#define MB2_TAG_CMDLINE		1
#define MB2_TAG_LOADER_NAME	2
#define MB2_TAG_MODULE		3
#define MB2_TAG_BASIC_MEMINFO	4
#define MB2_TAG_MMAP		6
#define MB2_TAG_ACPI_OLD	14
#define MB2_TAG_ACPI_NEW	15

#define MB2_MEMORY_AVAILABLE	1
#define MB2_MEMORY_RESERVED	2
#define MB2_MEMORY_ACPI		3
#define MB2_MEMORY_NVS		4
#define MB2_MEMORY_BADRAM	5

struct mb2_info {
	u32 total_size;
	u32 reserved;
};

struct mb2_tag {
	u32 type;
	u32 size;
};

struct mb2_tag_string {
	struct mb2_tag tag;
	char string[];
};

struct mb2_tag_module {
	struct mb2_tag tag;
	u32 mod_start;
	u32 mod_end;
	char cmdline[];
};

struct mb2_mmap_entry {
	u64 addr;
	u64 len;
	u32 type;
	u32 zero;
};

struct mb2_tag_mmap {
	struct mb2_tag tag;
	u32 entry_size;
	u32 entry_version;
	struct mb2_mmap_entry entries[];
};

#endif /* _LINUX_MULTIBOOT2_H */
