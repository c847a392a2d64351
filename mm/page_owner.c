// SPDX-License-Identifier: GPL-2.0
/*
 * page_owner=on: who allocated each page, and who freed it last (Linux's
 * mm/page_owner.c), for finding leaks and explaining a bad page.
 *
 * Records: a struct page_owner (mm/internal.h) per page, 16 bytes: order,
 * gfp mask, flags and two stack depot handles (kernel/stackdepot.c), the
 * allocation's and the last free's. The allocator's hooks write every page
 * of the block:
 *
 *   prep_new_page()       set_page_owner()    order, gfp, stack; ALLOCATED
 *   free_pages_prepare()  reset_page_owner()  free stack; ALLOCATED cleared,
 *                                             the rest kept for dump_page()
 *   split_page()          split_page_owner()  order 0: 2^n allocations
 *
 * Stacks are 16 frames from the allocator inwards (the page_owner frames
 * are skipped), deduplicated by the depot. There are no tasks and no
 * timestamps are kept (8 more bytes a page): the pid, tgid, comm and ts
 * fields of Linux's format are printed as 0, 0, swapper/0 and 0.
 *
 * Storage, from memblock in mm_core_init() before memblock_free_all() and
 * only when the option is on:
 *
 *   section_owners[section nr] -> struct page_owner[PAGES_PER_SECTION]
 *
 * one array per present section (512 KiB per 128 MiB: 0.4% of RAM; a
 * partly filled section costs the whole 512 KiB) and a pointer per section
 * up to the last present one; plus the depot's 272 KiB. A block never
 * spans sections (the largest, 4 MiB, is aligned), so a block's records
 * are consecutive.
 *
 * /sys/kernel/debug/page_owner streams every allocated block's record in
 * Linux 6.1's text, the input of tools/mm/page_owner_sort: one record per
 * read() (-ENOMEM if it does not fit the read's buffer), the file
 * position being the next pfn to look at, as Linux's read_page_owner().
 * The shell's page_owner command prints them grouped, as page_owner_sort
 * does.
 * Locking: a page's record is written only by the page's owner of the
 * moment (the allocation path after the block left the free lists, the
 * free path before it goes back), so writers need no lock. Readers (the
 * page_owner command, dump_page()) read unlocked snapshots that a
 * concurrent allocation or free may change under them, as in Linux.
 */
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kstrtox.h>
#include <linux/memblock.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/shell.h>
#include <linux/sort.h>
#include <linux/string.h>
#include <linux/hash.h>
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/kallsyms.h>
#include <linux/stackdepot.h>
#include <linux/debugfs.h>
#include <linux/sprintf.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/uio.h>
#include <linux/pageblock-flags.h>
#include <asm/stacktrace.h>
#include "internal.h"

bool page_owner_enabled;
static struct page_owner **section_owners;
static unsigned long nr_owner_sections;

static int early_page_owner_param(char *buf)
{
	int ret = kstrtobool(buf, &page_owner_enabled);

	if (page_owner_enabled)
		stack_depot_request_early_init();
	return ret;
}
early_param("page_owner", early_page_owner_param);

void page_owner_init(void)
{
	unsigned long nr, last = 0, bytes = PAGES_PER_SECTION * sizeof(struct page_owner);

	if (!page_owner_enabled)
		return;
	for_each_present_section_nr(0, nr)
		last = nr;
	nr_owner_sections = last + 1;
	section_owners = memblock_alloc(nr_owner_sections * sizeof(*section_owners),
					SMP_CACHE_BYTES);
	if (!section_owners)
		panic("page_owner: out of memory for the section table");
	for_each_present_section_nr(0, nr) {
		section_owners[nr] = memblock_alloc(bytes, PAGE_SIZE);
		if (!section_owners[nr])
			panic("page_owner: out of memory for the records of section %lu", nr);
	}
	pr_info("page_owner: records for %lu sections, %lu KiB each\n",
		nr_owner_sections, bytes >> 10);
}

struct page_owner *get_page_owner(const struct page *page)
{
	unsigned long pfn = page_to_pfn(page), nr = pfn_to_section_nr(pfn);

	if (nr >= nr_owner_sections || !section_owners[nr])
		return NULL;
	return &section_owners[nr][pfn & ~PAGE_SECTION_MASK];
}

/*
 * The caller's caller's stack, in the depot. noinline: the two frames
 * skipped are this one and the __set/__reset_page_owner() that called it,
 * so the trace starts in the allocator.
 */
static noinline depot_stack_handle_t save_stack(void)
{
	unsigned long entries[STACK_DEPOT_MAX_FRAMES];
	unsigned int nr = stack_trace_save(entries, ARRAY_SIZE(entries), 2);

	return stack_depot_save(entries, nr);
}

void __set_page_owner(struct page *page, unsigned int order, gfp_t gfp_mask)
{
	struct page_owner *po = get_page_owner(page);
	depot_stack_handle_t handle;
	unsigned long i;

	if (WARN_ON_ONCE(!po))
		return;
	handle = save_stack();
	for (i = 0; i < (1UL << order); i++) {
		po[i].order = (unsigned short)order;
		po[i].gfp_mask = gfp_mask;
		po[i].handle = handle;
		po[i].flags = PAGE_OWNER_SET | PAGE_OWNER_ALLOCATED;
	}
}

void __reset_page_owner(struct page *page, unsigned int order)
{
	struct page_owner *po = get_page_owner(page);
	depot_stack_handle_t handle;
	unsigned long i;

	if (WARN_ON_ONCE(!po))
		return;
	handle = save_stack();
	for (i = 0; i < (1UL << order); i++) {
		po[i].flags &= ~PAGE_OWNER_ALLOCATED;
		po[i].free_handle = handle;
	}
}

void __split_page_owner(struct page *page, unsigned int order)
{
	struct page_owner *po = get_page_owner(page);
	unsigned long i;

	if (WARN_ON_ONCE(!po))
		return;
	for (i = 0; i < (1UL << order); i++)
		po[i].order = 0;
}

void __dump_page_owner(const struct page *page)
{
	const struct page_owner *po = get_page_owner(page);
	char flags[256];

	if (!po) {
		pr_alert("page_owner: no record for this page (not in a RAM section)\n");
		return;
	}
	if (!(po->flags & PAGE_OWNER_SET)) {
		pr_alert("page_owner info is not present (never set?)\n");
		return;
	}
	pr_alert("page_owner tracks the page as %s\n",
		 po->flags & PAGE_OWNER_ALLOCATED ? "allocated" : "freed");
	format_gfp_flags(flags, sizeof(flags), po->gfp_mask);
	pr_alert("page last allocated via order %u, migratetype %s, gfp_mask %#x(%s), "
		 "pid 0, tgid 0 (swapper/0), ts 0, free_ts 0\n", po->order,
		 migratetype_names[gfp_migratetype(po->gfp_mask)], po->gfp_mask, flags);
	if (po->handle)
		stack_depot_print(po->handle);
	else
		pr_alert("page_owner allocation stack trace missing\n");
	if (po->free_handle) {
		pr_alert("page last free pid 0 tgid 0 stack trace:\n");
		stack_depot_print(po->free_handle);
	} else {
		pr_alert("page_owner free stack trace missing\n");
	}
}

/* ---- the page_owner command: Linux's page_owner_sort output ------------- */

/* Allocations with the same text: stack, order and gfp mask. */
struct owner_group {
	depot_stack_handle_t handle;
	gfp_t gfp_mask;
	unsigned int order;
	unsigned long times;		/* allocations (blocks) */
	unsigned long pages;
};

/* A scratch table of groups, open addressing, from the page allocator. */
#define GROUPS_ORDER	3	/* 32 KiB: 1024 groups */

struct owner_table {
	struct owner_group *groups;
	const struct page_owner *self;	/* the table's own block: not listed */
	unsigned long size;		/* slots, a power of two */
	unsigned long used;
	unsigned long missed;		/* pages of groups that did not fit */
};

static bool group_matches(const struct owner_group *g, const struct page_owner *po)
{
	return g->handle == po->handle && g->gfp_mask == po->gfp_mask && g->order == po->order;
}

static void group_add(struct owner_table *t, const struct page_owner *po)
{
	u64 key = ((u64)po->handle << 32) ^ ((u64)po->gfp_mask << 4) ^ po->order;
	unsigned long i = hash_64(key, ilog2(t->size));
	struct owner_group *g;

	for (;; i = (i + 1) & (t->size - 1)) {
		g = &t->groups[i];
		if (!g->times || group_matches(g, po))
			break;
	}
	if (!g->times) {
		/* Keep one slot empty so that every probe ends. */
		if (t->used + 1 == t->size) {
			t->missed += 1UL << po->order;
			return;
		}
		t->used++;
		g->handle = po->handle;
		g->gfp_mask = po->gfp_mask;
		g->order = po->order;
	}
	g->times++;
	g->pages += 1UL << po->order;
}

/* Every allocated block once, at its first page. */
static void collect_groups(struct owner_table *t)
{
	unsigned long nr, i;

	for_each_present_section_nr(0, nr) {
		const struct page_owner *po = section_owners[nr];

		for (i = 0; i < PAGES_PER_SECTION; i++)
			if ((po[i].flags & PAGE_OWNER_ALLOCATED) &&
			    IS_ALIGNED(i, 1UL << po[i].order) && &po[i] != t->self)
				group_add(t, &po[i]);
	}
}

/* Most allocations first, as page_owner_sort's default. */
static int cmp_group(const void *a, const void *b)
{
	const struct owner_group *x = a, *y = b;

	if (x->times != y->times)
		return x->times < y->times ? 1 : -1;
	if (x->pages != y->pages)
		return x->pages < y->pages ? 1 : -1;
	return 0;
}

/* Does the stack of @g pass through function @func? (page_owner_sort --func) */
static bool group_has_func(const struct owner_group *g, const char *func)
{
	unsigned long *entries;
	unsigned int i, nr = stack_depot_fetch(g->handle, &entries);

	for (i = 0; i < nr; i++) {
		const char *name = kallsyms_lookup(entries[i], NULL, NULL);

		if (name && !strcmp(name, func))
			return true;
	}
	return false;
}

static void print_group(const struct owner_group *g)
{
	unsigned long *entries;
	unsigned int i, nr = stack_depot_fetch(g->handle, &entries);
	char flags[256];

	format_gfp_flags(flags, sizeof(flags), g->gfp_mask);
	raw_printk("%lu times, %lu pages:\n", g->times, g->pages);
	raw_printk("Page allocated via order %u, mask %#x(%s), pid 0, tgid 0 (swapper/0), "
		   "ts 0 ns\n", g->order, g->gfp_mask, flags);
	if (!nr)
		raw_printk(" (stack trace missing: the stack depot was full)\n");
	for (i = 0; i < nr; i++)
		raw_printk(" %pS\n", (void *)entries[i]);
	raw_printk("\n");
}

static void print_groups(struct owner_table *t, const char *func)
{
	unsigned long i, n = 0, shown = 0;

	for (i = 0; i < t->size; i++)
		if (t->groups[i].times)
			t->groups[n++] = t->groups[i];
	sort(t->groups, n, sizeof(*t->groups), cmp_group, NULL);
	for (i = 0; i < n; i++) {
		if (func && !group_has_func(&t->groups[i], func))
			continue;
		print_group(&t->groups[i]);
		shown++;
	}
	raw_printk("page_owner: %lu of %lu groups shown", shown, n);
	if (t->missed)
		raw_printk(", %lu pages in groups that did not fit the table", t->missed);
	if (stack_depot_dropped)
		raw_printk(", %lu stacks dropped (stack depot full)", stack_depot_dropped);
	raw_printk("\n");
}

static int cmd_page_owner(int argc, char **argv)
{
	struct owner_table t = { 0 };
	struct page *page;

	if (argc > 2) {
		raw_printk("usage: page_owner [FUNCTION]\n");
		return -EINVAL;
	}
	if (!page_owner_enabled) {
		raw_printk("page_owner is disabled: boot with page_owner=on\n");
		return -EINVAL;
	}
	page = alloc_pages(GFP_KERNEL | __GFP_ZERO | __GFP_NOWARN, GROUPS_ORDER);
	if (!page)
		return -ENOMEM;
	t.groups = page_address(page);
	t.self = get_page_owner(page);
	t.size = rounddown_pow_of_two((PAGE_SIZE << GROUPS_ORDER) / sizeof(*t.groups));
	collect_groups(&t);
	print_groups(&t, argc == 2 ? argv[1] : NULL);
	__free_pages(page, GROUPS_ORDER);
	return 0;
}
SHELL_CMD(page_owner, "allocated pages by stack [only stacks through FUNCTION]",
	  cmd_page_owner);

/* ---- /sys/kernel/debug/page_owner ---------------------------------------- */

/* The record of the first allocated block at or after *@pfnp, which it is moved to; or NULL. */
static const struct page_owner *next_block_owner(unsigned long *pfnp)
{
	unsigned long nr, i, pfn = *pfnp;

	for (nr = pfn_to_section_nr(pfn); nr < nr_owner_sections; pfn = section_nr_to_pfn(++nr)) {
		const struct page_owner *po = section_owners[nr];

		if (!po)
			continue;
		for (i = pfn & ~PAGE_SECTION_MASK; i < PAGES_PER_SECTION; i++) {
			if (!(po[i].flags & PAGE_OWNER_ALLOCATED) || !po[i].handle ||
			    !IS_ALIGNED(i, 1UL << po[i].order))
				continue;
			*pfnp = section_nr_to_pfn(nr) + i;
			return &po[i];
		}
	}
	return NULL;
}

/* Linux 6.1's print_page_owner(). Return: the length, or -ENOMEM if @count is too small. */
static ssize_t print_page_owner(char *buf, size_t count, unsigned long pfn,
				const struct page_owner *po)
{
	struct page *page = pfn_to_page(pfn);
	unsigned long *entries;
	unsigned int i, nr = stack_depot_fetch(po->handle, &entries);
	char gfp[256], flags[192];
	size_t ret;

	format_gfp_flags(gfp, sizeof(gfp), po->gfp_mask);
	format_page_flags(flags, sizeof(flags), page->flags);
	ret = scnprintf(buf, count, "Page allocated via order %u, mask %#x(%s), pid 0, tgid 0 "
			"(swapper/0), ts 0 ns, free_ts 0 ns\n", po->order, po->gfp_mask, gfp);
	ret += scnprintf(buf + ret, count - ret, "PFN %lu type %s Block %lu type %s Flags %#lx(%s)\n",
			 pfn, migratetype_names[gfp_migratetype(po->gfp_mask)],
			 pfn >> pageblock_order,
			 migratetype_names[get_pageblock_migratetype(page)], page->flags, flags);
	for (i = 0; i < nr; i++)
		ret += scnprintf(buf + ret, count - ret, " %pS\n", (void *)entries[i]);
	ret += scnprintf(buf + ret, count - ret, "\n");
	/* scnprintf() stops one short of a full buffer: a full one may be cut. */
	return ret + 1 >= count ? -ENOMEM : (ssize_t)ret;
}

static ssize_t read_page_owner(struct kiocb *iocb, struct iov_iter *to)
{
	size_t count = min(iov_iter_count(to), PAGE_SIZE);
	const struct page_owner *po;
	unsigned long pfn;
	ssize_t ret;
	char *kbuf;

	if (!page_owner_enabled)
		return -EINVAL;
	if (iocb->ki_pos < 0)
		return -EINVAL;
	pfn = (unsigned long)iocb->ki_pos;
	po = next_block_owner(&pfn);
	if (!po)
		return 0;
	kbuf = kmalloc(count, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	ret = print_page_owner(kbuf, count, pfn, po);
	if (ret > 0 && copy_to_iter(kbuf, ret, to) != (size_t)ret)
		ret = -EFAULT;
	if (ret > 0)
		iocb->ki_pos = pfn + 1;
	kfree(kbuf);
	return ret;
}

static const struct file_operations proc_page_owner_operations = {
	.read_iter = read_page_owner,
	.llseek = generic_file_llseek,
};

void pageowner_init(void)
{
	struct dentry *d;

	if (!page_owner_enabled)
		return;
	d = debugfs_create_file("page_owner", 0400, NULL, NULL, &proc_page_owner_operations);
	if (IS_ERR(d))
		pr_warn("page_owner: no debugfs file: %ld\n", PTR_ERR(d));
}
