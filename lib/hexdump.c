// SPDX-License-Identifier: GPL-2.0
/*
 * print_hex_dump(): memory as lines of hex bytes (or groups of 2, 4 or 8
 * bytes, read as little-endian numbers), each line with an optional prefix,
 * address or offset and the bytes as ASCII, in Linux's format:
 *
 *   Object   ffff888003a1c000: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b a5  kkkkkkkkkkkkkkk.
 *
 * Context: any; it only reads the buffer and prints.
 */
#include <linux/printk.h>
#include <linux/sprintf.h>
#include <linux/kernel.h>
#include <linux/string.h>

/* One line of at most @rowsize bytes, as hex groups and, with @ascii, text. */
static void hex_dump_line(char *buf, size_t size, const u8 *p, size_t len,
			  unsigned int rowsize, unsigned int groupsize, bool ascii)
{
	unsigned int ngroups = DIV_ROUND_UP(rowsize, groupsize), g, b;
	int n = 0;

	for (g = 0; g < ngroups; g++) {
		unsigned long v = 0;

		if (g * groupsize >= len) {
			if (!ascii)
				break;
			/* Pad a short last line so its text lines up. */
			n += scnprintf(buf + n, size - n, "%*s", (int)groupsize * 2 + !!g, "");
			continue;
		}
		for (b = groupsize; b-- > 0;)
			v = (v << 8) | p[g * groupsize + b];
		n += scnprintf(buf + n, size - n, "%s%0*lx", g ? " " : "", (int)groupsize * 2, v);
	}
	if (!ascii)
		return;
	n += scnprintf(buf + n, size - n, "  ");
	for (b = 0; b < len && n < (int)size - 1; b++)
		buf[n++] = p[b] >= 0x20 && p[b] < 0x7f ? (char)p[b] : '.';
	buf[n] = '\0';
}

void print_hex_dump(const char *level, const char *prefix_str, int prefix_type,
		    int rowsize, int groupsize, const void *buf, size_t len, bool ascii)
{
	char line[32 * 3 + 2 + 32 + 1];
	const u8 *p = buf;
	size_t i;

	if (rowsize != 16 && rowsize != 32)
		rowsize = 16;
	if (groupsize != 1 && groupsize != 2 && groupsize != 4 && groupsize != 8)
		groupsize = 1;
	for (i = 0; i < len; i += rowsize) {
		size_t n = min_t(size_t, rowsize, len - i);

		/* A group that the buffer cuts short is shown byte by byte. */
		hex_dump_line(line, sizeof(line), p + i, n, rowsize,
			      n % groupsize ? 1 : groupsize, ascii);
		if (prefix_type == DUMP_PREFIX_ADDRESS)
			printk("%s%s%p: %s\n", level, prefix_str, p + i, line);
		else if (prefix_type == DUMP_PREFIX_OFFSET)
			printk("%s%s%.8zx: %s\n", level, prefix_str, i, line);
		else
			printk("%s%s%s\n", level, prefix_str, line);
	}
}
