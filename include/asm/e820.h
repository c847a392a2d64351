/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The e820 memory map (arch/x86_64/e820.c): the firmware's list of physical
 * ranges and their types, as the boot loader reported it, sanitised
 * (sorted, overlaps resolved, adjacent ranges merged) and then edited by
 * mem= and memmap=. memblock is built from its usable ranges.
 *
 * An entry covers [addr, addr + size). A sanitised table (what
 * e820__update_table() leaves) has these invariants, which everything that
 * walks e820_table after boot may rely on:
 *
 *   - entries sorted by addr, none empty, none overlapping;
 *   - no entry ends past 0xffffffffffffffff (the exclusive end fits a u64);
 *   - no two touching entries of one type, persistent memory (PMEM, PRAM)
 *     excepted: Linux keeps one entry per persistent range.
 *
 * Between an edit (e820__range_add/update/remove) and the next
 * e820__update_table() those invariants may not hold.
 *
 * Context for everything here: boot, one CPU, no locking.
 */
#ifndef _ASM_E820_H
#define _ASM_E820_H

#include <linux/types.h>
#include <linux/compiler.h>

/* The numbers are the firmware's (ACPI's address range types). */
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

/* The firmware's own layout, hence packed (20 bytes). */
struct e820_entry {
	u64 addr;
	u64 size;
	enum e820_type type;
} __packed;

/* Room for 128 firmware entries and what memmap= and the edits add. */
#define E820_MAX_ENTRIES	320

struct e820_table {
	u32 nr_entries;
	struct e820_entry entries[E820_MAX_ENTRIES];
};

/* The kernel's map: sanitised once setup_arch() has read the firmware's. */
extern struct e820_table *e820_table;

/**
 * e820__range_add - append a range to the kernel's map
 * @start: first byte
 * @size: length in bytes
 * @type: what the range is
 *
 * The table is not re-sanitised; call e820__update_table() after a batch of
 * edits. A full table drops the range and says so with one error line
 * naming it. Context: boot.
 */
void e820__range_add(u64 start, u64 size, enum e820_type type);

/**
 * e820__range_update - retype part of the kernel's map
 * @start: first byte of the range
 * @size: its length; a range that would wrap past 2^64 ends at 2^64 - 1
 * @old_type: only the parts of this type change
 * @new_type: what they become
 *
 * Entries that straddle the range's edges are split: the part inside is
 * retyped, the parts outside keep their type (as new entries appended to
 * the table). Call e820__update_table() afterwards.
 *
 * Return: the number of bytes retyped; 0 when @old_type == @new_type.
 * Context: boot.
 */
u64 e820__range_update(u64 start, u64 size, enum e820_type old_type,
		       enum e820_type new_type);

/**
 * e820__range_remove - remove part of the kernel's map
 * @start: first byte of the range
 * @size: its length; a range that would wrap past 2^64 ends at 2^64 - 1
 * @old_type: the type to remove, when @check_type
 * @check_type: remove only @old_type, or (false) every type
 *
 * Splits entries at the range's edges as e820__range_update() does.
 *
 * Return: the number of bytes removed. Context: boot.
 */
u64 e820__range_remove(u64 start, u64 size, enum e820_type old_type, bool check_type);

/**
 * e820__update_table - sanitise a table in place
 * @table: the kernel's map or a scratch table
 *
 * Resolves overlaps (where ranges overlap, the larger type number wins:
 * reserved beats usable, as in Linux), drops empty entries, clips an entry
 * that would wrap past 2^64 (with a warning), merges touching entries of
 * one type (persistent memory excepted) and sorts the result. Afterwards
 * @table has the invariants listed at the top of this file. If the result
 * needs more than E820_MAX_ENTRIES entries, the highest ones are dropped
 * with an error line.
 *
 * Unlike Linux, which returns -1 and leaves the table alone when it holds
 * fewer than two entries or an entry that wraps, this always sanitises, so
 * that the invariants hold after every call.
 *
 * Return: 0, or -1 when @table claims more than E820_MAX_ENTRIES entries
 * (it is then left unchanged).
 * Context: boot; not reentrant (the work arrays are static).
 */
int e820__update_table(struct e820_table *table);

/**
 * e820__print_table - print the kernel's map as Linux does
 * @who: the line prefix: "BIOS-e820" for the firmware's map, "user" after
 *       mem= or memmap=
 *
 * One line per entry at KERN_INFO, end inclusive:
 * "BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable".
 */
void e820__print_table(const char *who);

/**
 * e820_type_to_string - Linux's resource name of an e820 type
 * @type: the type
 *
 * The names /proc/iomem shows ("System RAM", "Reserved", "ACPI Tables",
 * ...); "Unknown E820 type" for a type Linux does not name. The boot log's
 * lines use the shorter names of e820__print_table() instead.
 */
const char *e820_type_to_string(enum e820_type type);

/**
 * e820__mapped_any - does any entry of @type overlap [@start, @end)?
 * @start: first byte
 * @end: first byte after the range
 * @type: the type, or 0 for any type
 *
 * Return: false for an empty range.
 */
bool e820__mapped_any(u64 start, u64 end, enum e820_type type);

/**
 * e820__mapped_all - do entries of @type cover all of [@start, @end)?
 * @start: first byte
 * @end: first byte after the range
 * @type: the type, or 0 for any type
 *
 * Correct on an unsanitised table too (entries may overlap or be unsorted).
 * Return: false for an empty range.
 */
bool e820__mapped_all(u64 start, u64 end, enum e820_type type);

/**
 * e820__end_of_ram_pfn - the page frame number after the last usable page
 *
 * Capped at MAX_ARCH_PFN, the limit of 4-level paging (46 physical address
 * bits), as Linux's is. A partial last page does not count.
 */
unsigned long e820__end_of_ram_pfn(void);

/**
 * e820__finish - the boot-time edits after the firmware's map is read
 *
 * Page 0 becomes reserved and usable RAM in 640 KiB..1 MiB (the legacy
 * video and ROM area) is removed, as Linux's trim_bios_range() does; the
 * early parameters mem= and memmap= have already edited the map. Sanitises
 * the result and prints it as "user-defined physical RAM map" when a
 * parameter changed it. Context: boot, after parse_early_param().
 */
void e820__finish(void);

#endif /* _ASM_E820_H */
