/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The e820 memory map (arch/x86_64/e820.c): the firmware's list of physical
 * ranges and their types, as the boot loader reported it, sanitised
 * (sorted, overlaps resolved, adjacent ranges merged) and then edited by
 * mem= and memmap=. memblock is built from its usable ranges.
 */
#ifndef _ASM_E820_H
#define _ASM_E820_H

#include <linux/types.h>
#include <linux/compiler.h>

enum e820_type {
	E820_TYPE_RAM		= 1,
	E820_TYPE_RESERVED	= 2,
	E820_TYPE_ACPI		= 3,
	E820_TYPE_NVS		= 4,
	E820_TYPE_UNUSABLE	= 5,
	E820_TYPE_PMEM		= 7,
	E820_TYPE_PRAM		= 12,
	E820_TYPE_SOFT_RESERVED	= 0xefffffff,
};

struct e820_entry {
	u64 addr;
	u64 size;
	enum e820_type type;
} __packed;

/* Room for 128 firmware entries and what memmap= and the sanitiser add. */
#define E820_MAX_ENTRIES	320

struct e820_table {
	u32 nr_entries;
	struct e820_entry entries[E820_MAX_ENTRIES];
};

/* The kernel's map. */
extern struct e820_table *e820_table;

/**
 * e820__range_add - append [start, start + size) of @type to the kernel's map
 *
 * The table is not re-sanitised; call e820__update_table() after a batch.
 * A full table drops the range with an error message. Context: boot.
 */
void e820__range_add(u64 start, u64 size, enum e820_type type);

/**
 * e820__range_update - retype the parts of [start, start + size) that are
 * @old_type to @new_type, splitting entries at the edges. Returns the
 * number of bytes changed.
 */
u64 e820__range_update(u64 start, u64 size, enum e820_type old_type,
		       enum e820_type new_type);

/**
 * e820__range_remove - remove [start, start + size) from the map: only the
 * parts of @old_type when @check_type, else every type. Returns the number
 * of bytes removed.
 */
u64 e820__range_remove(u64 start, u64 size, enum e820_type old_type, bool check_type);

/**
 * e820__update_table - sanitise @table in place (Linux's algorithm)
 *
 * Sorts the entries, resolves overlaps (where ranges overlap, the larger
 * type number wins: reserved over usable), drops empty entries, clips a
 * range that would wrap past 2^64, and merges neighbours of one type
 * (persistent memory excepted). Returns 0, or -1 when @table is invalid
 * (more than E820_MAX_ENTRIES entries) and was left unchanged. Not
 * reentrant (static work arrays); boot only.
 */
int e820__update_table(struct e820_table *table);

/* Print the kernel's map, one "WHO: [mem 0x...-0x...] type" line per entry. */
void e820__print_table(const char *who);

const char *e820_type_to_string(enum e820_type type);

/* Is any / all of [start, end) of @type in the kernel's map? */
bool e820__mapped_any(u64 start, u64 end, enum e820_type type);
bool e820__mapped_all(u64 start, u64 end, enum e820_type type);

/* The pfn after the last usable page, capped at the 4-level paging limit. */
unsigned long e820__end_of_ram_pfn(void);

/*
 * e820__finish - the boot-time edits after the firmware map is read: page 0
 * and the legacy BIOS area become reserved (as Linux's trim_bios_range),
 * then mem= and memmap= apply; prints the result as "user-defined physical
 * RAM map" when a parameter changed it.
 */
void e820__finish(void);

#endif /* _ASM_E820_H */
