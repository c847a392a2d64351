// SPDX-License-Identifier: GPL-2.0
/*
 * page_poison=1: free pages are filled with PAGE_POISON (0xaa) and checked
 * when they are allocated again, so a write to a free page (a use after
 * free, a stray DMA) is reported where it is found, with a hex dump of the
 * damaged bytes. Turning it on also turns on the whole-block page checks.
 * The pattern is checked on every page leaving the allocator; a page
 * reported as corrupted is still handed out (the damage is done), as Linux
 * does.
 */
#include <linux/mm.h>
#include <linux/init.h>
#include <linux/kstrtox.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/errno.h>
#include <asm/stacktrace.h>
#include "internal.h"

bool page_poisoning_enabled;

static int early_page_poison_param(char *val)
{
	bool on;

	if (kstrtobool(val, &on))
		return -EINVAL;
	page_poisoning_enabled = on;
	if (on)
		check_pages_enabled = true;
	return 0;
}
early_param("page_poison", early_page_poison_param);

void __kernel_poison_pages(struct page *page, unsigned long nr)
{
	unsigned long i;

	for (i = 0; i < nr; i++)
		memset(page_address(page + i), PAGE_POISON, PAGE_SIZE);
}

static void check_poison_mem(struct page *page, const u8 *mem)
{
	const u8 *first = memchr_inv(mem, PAGE_POISON, PAGE_SIZE), *last;
	u8 diff;

	if (likely(!first))
		return;
	for (last = mem + PAGE_SIZE - 1; last > first && *last == PAGE_POISON; last--)
		;
	diff = *first ^ PAGE_POISON;
	if (first == last && !(diff & (diff - 1)))
		pr_err("pagealloc: single bit error\n");
	else
		pr_err("pagealloc: memory corruption\n");
	print_hex_dump(KERN_ERR, "", DUMP_PREFIX_ADDRESS, 16, 1, first, last + 1 - first, true);
	dump_page(page, "pagealloc: corrupted page details");
	dump_stack();
}

void __kernel_unpoison_pages(struct page *page, unsigned long nr)
{
	unsigned long i;

	for (i = 0; i < nr; i++)
		check_poison_mem(page + i, page_address(page + i));
}
