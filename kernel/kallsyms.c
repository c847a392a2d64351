// SPDX-License-Identifier: GPL-2.0
/*
 * Symbol lookup over the table tools/kallsyms.py generates:
 *
 *   kallsyms_num             number of symbols
 *   kallsyms_addresses[]     sorted start addresses (u64)
 *   kallsyms_name_offsets[]  offset of each name in kallsyms_names (u32)
 *   kallsyms_names           NUL-terminated names, back to back
 *   kallsyms_text_end        end of the last symbol (the end of .text)
 *
 * A symbol's size is the distance to the next symbol. The first link of the
 * kernel has an empty table (num == 0): every lookup then fails cleanly.
 */
#include <linux/kallsyms.h>
#include <linux/sprintf.h>
#include <linux/string.h>

extern const u64 kallsyms_num;
extern const u64 kallsyms_addresses[];
extern const u32 kallsyms_name_offsets[];
extern const char kallsyms_names[];
extern const u64 kallsyms_text_end;

/* Index of the last symbol starting at or below @addr, or -1. */
static long symbol_index(unsigned long addr)
{
	long lo = 0, hi = (long)kallsyms_num - 1, found = -1;

	if (!kallsyms_num || addr < kallsyms_addresses[0] || addr >= kallsyms_text_end)
		return -1;
	while (lo <= hi) {
		long mid = lo + (hi - lo) / 2;

		if (kallsyms_addresses[mid] <= addr) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return found;
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset)
{
	long i = symbol_index(addr);
	unsigned long end;

	if (i < 0)
		return NULL;
	end = (u64)i + 1 < kallsyms_num ? kallsyms_addresses[i + 1] : kallsyms_text_end;
	if (size)
		*size = end - kallsyms_addresses[i];
	if (offset)
		*offset = addr - kallsyms_addresses[i];
	return &kallsyms_names[kallsyms_name_offsets[i]];
}

unsigned long kallsyms_lookup_name(const char *name)
{
	u64 i;

	for (i = 0; i < kallsyms_num; i++)
		if (!strcmp(&kallsyms_names[kallsyms_name_offsets[i]], name))
			return kallsyms_addresses[i];
	return 0;
}

int sprint_symbol(char *buf, size_t size, unsigned long addr, bool with_offset)
{
	unsigned long symsize, offset;
	const char *name = kallsyms_lookup(addr, &symsize, &offset);

	if (!name)
		return scnprintf(buf, size, "0x%lx", addr);
	if (!with_offset)
		return scnprintf(buf, size, "%s", name);
	return scnprintf(buf, size, "%s+0x%lx/0x%lx", name, offset, symsize);
}
