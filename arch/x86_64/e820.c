// SPDX-License-Identifier: GPL-2.0
/*
 * The e820 memory map: the kernel's copy of the firmware's list of physical
 * ranges, sanitised, edited by mem= and memmap=, and printed as Linux does.
 *
 * Sanitising (e820__update_table) sweeps the change points of all entries
 * in address order. At each address where some entry starts or ends, the
 * type in force is the largest type number among the entries covering the
 * address (Linux's rule: reserved, ACPI and the rest beat usable RAM); a
 * new output entry starts wherever that type changes, so overlaps resolve,
 * neighbours of one type merge and empty entries vanish. Persistent memory
 * (PMEM, PRAM) is never merged, as in Linux: one entry per device.
 *
 * This file is pure: no hardware access, so the host tests build it as it
 * is. Locking: boot only, before other CPUs run; the sanitiser's work arrays
 * are static, so it is not reentrant.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/cmdline.h>
#include <linux/shell.h>
#include <asm/e820.h>
#include <asm/page.h>

static struct e820_table e820_table_kernel;
struct e820_table *e820_table = &e820_table_kernel;

/* mem= or memmap= edited the map: print it again as "user". */
static bool e820_userdef;

const char *e820_type_to_string(enum e820_type type)
{
	switch (type) {
	case E820_TYPE_RAM:
		return "usable";
	case E820_TYPE_RESERVED:
		return "reserved";
	case E820_TYPE_SOFT_RESERVED:
		return "soft reserved";
	case E820_TYPE_ACPI:
		return "ACPI data";
	case E820_TYPE_NVS:
		return "ACPI NVS";
	case E820_TYPE_UNUSABLE:
		return "unusable";
	default:
		return NULL;
	}
}

static bool e820_nomerge(enum e820_type type)
{
	return type == E820_TYPE_PMEM || type == E820_TYPE_PRAM;
}

/* The exclusive end of an entry; a range wrapping past 2^64 ends at 2^64-1. */
static u64 entry_end(const struct e820_entry *e)
{
	return e->addr + e->size < e->addr ? U64_MAX : e->addr + e->size;
}

void e820__range_add(u64 start, u64 size, enum e820_type type)
{
	struct e820_table *t = e820_table;

	if (t->nr_entries >= E820_MAX_ENTRIES) {
		pr_err("e820: too many entries; ignoring [mem %#018llx-%#018llx]\n",
		       start, start + size - 1);
		return;
	}
	t->entries[t->nr_entries].addr = start;
	t->entries[t->nr_entries].size = size;
	t->entries[t->nr_entries].type = type;
	t->nr_entries++;
}

struct change_point {
	u64 addr;
	u32 entry;
	bool start;
};

/* Static: 2 change points per entry are too large for the kernel stack. */
static struct change_point change_points[2 * E820_MAX_ENTRIES];
static u32 overlap_list[E820_MAX_ENTRIES];
static struct e820_entry new_entries[2 * E820_MAX_ENTRIES];

/* Insertion sort: at most 640 points, and the firmware's map is near-sorted. */
static void sort_change_points(struct change_point *cp, u32 n)
{
	u32 i, j;

	for (i = 1; i < n; i++) {
		struct change_point key = cp[i];

		for (j = i; j > 0 && cp[j - 1].addr > key.addr; j--)
			cp[j] = cp[j - 1];
		cp[j] = key;
	}
}

static enum e820_type overlap_type(const struct e820_table *table, u32 n)
{
	enum e820_type type = 0;
	u32 i;

	for (i = 0; i < n; i++)
		if (table->entries[overlap_list[i]].type > type)
			type = table->entries[overlap_list[i]].type;
	return type;
}

/* Apply every change point at cp[*i]'s address; true if a nomerge entry changed. */
static bool apply_changes(const struct e820_table *table, u32 n_points, u32 *i, u32 *n_overlap)
{
	u64 addr = change_points[*i].addr;
	bool nomerge = false;

	for (; *i < n_points && change_points[*i].addr == addr; (*i)++) {
		const struct change_point *cp = &change_points[*i];
		u32 k;

		nomerge |= e820_nomerge(table->entries[cp->entry].type);
		if (cp->start) {
			overlap_list[(*n_overlap)++] = cp->entry;
			continue;
		}
		for (k = 0; k < *n_overlap; k++) {
			if (overlap_list[k] == cp->entry) {
				overlap_list[k] = overlap_list[--(*n_overlap)];
				break;
			}
		}
	}
	return nomerge;
}

int e820__update_table(struct e820_table *table)
{
	u32 i, n_points = 0, n_overlap = 0, n_new = 0;
	enum e820_type last_type = 0;

	if (table->nr_entries > E820_MAX_ENTRIES)
		return -1;
	for (i = 0; i < table->nr_entries; i++) {
		const struct e820_entry *e = &table->entries[i];

		if (entry_end(e) <= e->addr)
			continue;	/* empty */
		change_points[n_points++] = (struct change_point){ e->addr, i, true };
		change_points[n_points++] = (struct change_point){ entry_end(e), i, false };
	}
	sort_change_points(change_points, n_points);

	for (i = 0; i < n_points;) {
		u64 addr = change_points[i].addr;
		bool nomerge = apply_changes(table, n_points, &i, &n_overlap);
		enum e820_type type = overlap_type(table, n_overlap);

		if (type == last_type && !(nomerge && e820_nomerge(type)))
			continue;
		if (last_type)
			new_entries[n_new - 1].size = addr - new_entries[n_new - 1].addr;
		if (type)
			new_entries[n_new++] = (struct e820_entry){ addr, 0, type };
		last_type = type;
	}
	if (n_new > E820_MAX_ENTRIES) {
		pr_err("e820: sanitised map has %u entries, more than %d; keeping the first\n",
		       n_new, E820_MAX_ENTRIES);
		n_new = E820_MAX_ENTRIES;
	}
	memcpy(table->entries, new_entries, n_new * sizeof(new_entries[0]));
	table->nr_entries = n_new;
	return 0;
}

/* Shared walk of range_update and range_remove: @new_type 0 removes. */
static u64 range_edit(u64 start, u64 size, enum e820_type old_type, bool check_type,
		      enum e820_type new_type)
{
	u64 end = start + size < start ? U64_MAX : start + size, changed = 0;
	u32 i, n = e820_table->nr_entries;

	for (i = 0; i < n; i++) {
		struct e820_entry *e = &e820_table->entries[i];
		u64 e_end = entry_end(e), s = max(e->addr, start), x = min(e_end, end);
		enum e820_type type = e->type;

		if (s >= x || (check_type && type != old_type))
			continue;
		changed += x - s;
		/* Keep the left part in place, append the right part and the edit. */
		if (s > e->addr) {
			e->size = s - e->addr;
		} else {
			e->size = 0;
		}
		if (x < e_end) {
			if (e->size)
				e820__range_add(x, e_end - x, type);
			else
				*e = (struct e820_entry){ x, e_end - x, type };
		}
		if (new_type)
			e820__range_add(s, x - s, new_type);
	}
	return changed;
}

u64 e820__range_update(u64 start, u64 size, enum e820_type old_type,
		       enum e820_type new_type)
{
	if (old_type == new_type || !new_type)
		return 0;
	return range_edit(start, size, old_type, true, new_type);
}

u64 e820__range_remove(u64 start, u64 size, enum e820_type old_type, bool check_type)
{
	return range_edit(start, size, old_type, check_type, 0);
}

void e820__print_table(const char *who)
{
	u32 i;

	for (i = 0; i < e820_table->nr_entries; i++) {
		const struct e820_entry *e = &e820_table->entries[i];
		const char *name = e820_type_to_string(e->type);

		if (name)
			pr_info("%s: [mem %#018llx-%#018llx] %s\n", who, e->addr,
				entry_end(e) - 1, name);
		else if (e820_nomerge(e->type))
			pr_info("%s: [mem %#018llx-%#018llx] persistent (type %u)\n", who,
				e->addr, entry_end(e) - 1, e->type);
		else
			pr_info("%s: [mem %#018llx-%#018llx] type %u\n", who, e->addr,
				entry_end(e) - 1, e->type);
	}
}

/* Bytes of [start, end) covered by entries of @type. */
static u64 covered(u64 start, u64 end, enum e820_type type)
{
	u64 total = 0;
	u32 i;

	for (i = 0; i < e820_table->nr_entries; i++) {
		const struct e820_entry *e = &e820_table->entries[i];
		u64 s = max(e->addr, start), x = min(entry_end(e), end);

		if (e->type == type && s < x)
			total += x - s;
	}
	return total;
}

bool e820__mapped_any(u64 start, u64 end, enum e820_type type)
{
	return start < end && covered(start, end, type) > 0;
}

/* Exact on a sanitised table, whose entries do not overlap. */
bool e820__mapped_all(u64 start, u64 end, enum e820_type type)
{
	return start < end && covered(start, end, type) == end - start;
}

#define MAX_ARCH_PFN	(1UL << (46 - PAGE_SHIFT))

unsigned long e820__end_of_ram_pfn(void)
{
	unsigned long last = 0;
	u32 i;

	for (i = 0; i < e820_table->nr_entries; i++) {
		const struct e820_entry *e = &e820_table->entries[i];
		unsigned long end_pfn = entry_end(e) >> PAGE_SHIFT;

		if (e->type != E820_TYPE_RAM)
			continue;
		last = max(last, min(end_pfn, MAX_ARCH_PFN));
	}
	return last;
}

/* ---- mem= and memmap= (Linux's parse_memopt and parse_memmap_opt) ---- */

static int parse_memopt(char *p)
{
	char *end;
	u64 limit;

	if (!p || !*p)
		return -EINVAL;
	limit = memparse(p, &end);
	if (*end || !limit)
		return -EINVAL;
	if (!e820__range_remove(limit, U64_MAX - limit, E820_TYPE_RAM, true))
		pr_warn("mem=%s: no usable RAM above it, nothing removed\n", p);
	e820_userdef = true;
	return 0;
}
early_param("mem", parse_memopt);

/* One memmap= item: nn@ss (RAM), nn#ss (ACPI), nn$ss and nn!ss (reserved). */
static int parse_memmap_one(char *p)
{
	char *end;
	u64 size, start;
	char op;

	if (!strcmp(p, "exactmap")) {
		e820_table->nr_entries = 0;
		e820_userdef = true;
		return 0;
	}
	size = memparse(p, &end);
	if (end == p || !size)
		return -EINVAL;
	op = *end;
	if (!op) {	/* a bare size is a limit, like mem= */
		e820__range_remove(size, U64_MAX - size, E820_TYPE_RAM, true);
		e820_userdef = true;
		return 0;
	}
	p = end + 1;
	start = memparse(p, &end);
	if (end == p || *end || start + size < start)
		return -EINVAL;
	e820_userdef = true;
	switch (op) {
	case '@':
		e820__range_add(start, size, E820_TYPE_RAM);
		return 0;
	case '#':
		e820__range_add(start, size, E820_TYPE_ACPI);
		return 0;
	case '$':
	case '!':	/* persistent memory: kept away from the allocator */
		if (!e820__range_update(start, size, E820_TYPE_RAM, E820_TYPE_RESERVED))
			pr_warn("memmap=%llx%c%llx: no usable RAM there, nothing reserved\n",
				size, op, start);
		return 0;
	}
	return -EINVAL;
}

static int parse_memmap_opt(char *str)
{
	char *item;
	int ret = 0;

	if (!str || !*str)
		return -EINVAL;
	while ((item = strsep(&str, ",")) != NULL)
		if (parse_memmap_one(item))
			ret = -EINVAL;
	return ret;
}
early_param("memmap", parse_memmap_opt);

void e820__finish(void)
{
	/*
	 * Page 0 belongs to the BIOS and 640 KiB-1 MiB is the legacy video and
	 * ROM area, whatever the map claims (Linux's trim_bios_range).
	 */
	e820__range_update(0, PAGE_SIZE, E820_TYPE_RAM, E820_TYPE_RESERVED);
	e820__range_remove(0xa0000, 0x100000 - 0xa0000, E820_TYPE_RAM, true);
	e820__update_table(e820_table);
	if (e820_userdef) {
		pr_info("user-defined physical RAM map:\n");
		e820__print_table("user");
	}
}

static int cmd_e820(int argc, char **argv)
{
	e820__print_table(e820_userdef ? "user" : "BIOS-e820");
	return 0;
}
SHELL_CMD(e820, "the sanitised memory map (BIOS-e820 lines)", cmd_e820);
