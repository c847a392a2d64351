// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/debug/kernel_page_tables: the whole of init_mm's tables in
 * the format of Linux's arch/x86/mm/dump_pagetables.c (6.1). Runs of
 * consecutive entries of one level with the same flags make one line,
 *
 *   0xffff888000000000-0xffff888000100000           1M     RW                 GLB NX pte
 *
 * (start-end, the size in the largest unit that divides it, the flags
 * USR RW/ro PWT PCD PSE PAT GLB NX/x, the level: pgd, p4d, pud, pmd, pte;
 * blank flags for what is not mapped), and a "---[ NAME ]---" line where
 * a region of the layout begins: User Space, Kernel Space, Low Kernel
 * Mapping (the direct map), vmalloc() Area, Vmemmap, High Kernel Mapping,
 * and the two of this kernel's that Linux shows only on 32-bit, the
 * Persistent kmap() Area and the Fixmap Area.
 *
 * The walk is the generic one (mm/pagewalk.c) over init_mm's pgd, in two
 * ranges around the non-canonical hole, as Linux's ptdump_walk_pgd(). The
 * P4D level is folded into the PGD: an empty top entry is a hole one
 * level down, a "p4d" line, as on Linux with 4-level paging. The end of
 * the last run is the address past the top, 0, as Linux prints it.
 * It reads the tables without a lock, as Linux's does: a mapping changing
 * meanwhile may show half done.
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/pagewalk.h>
#include <linux/printk.h>
#include <linux/mm.h>
#include <linux/err.h>
#include <asm/pgtable.h>
#include <asm/fixmap.h>
#include <asm/page.h>
#include <asm/setup.h>

struct addr_marker {
	unsigned long start_address;
	const char *name;
};

/* In address order; the walk prints each as it passes it. */
static const struct addr_marker address_markers[] = {
	{ 0, "User Space" },
	{ 1UL << 63, "Kernel Space" },
	{ PAGE_OFFSET, "Low Kernel Mapping" },
	{ VMALLOC_START, "vmalloc() Area" },
	{ VMEMMAP_START, "Vmemmap" },
	{ __START_KERNEL_map, "High Kernel Mapping" },
	{ PKMAP_BASE, "Persistent kmap() Area" },
	{ FIXADDR_START, "Fixmap Area" },
	{ -1UL, NULL },
};

/* The run being gathered. */
struct pg_state {
	struct seq_file *m;
	int level;			/* of the run; -1 before the first entry */
	pteval_t current_prot;		/* flags of the run; 0: not present */
	unsigned long start_address;
	const struct addr_marker *marker;	/* the next to print */
};

static const char *const level_name[] = { "pgd", "p4d", "pud", "pmd", "pte" };

static void printk_prot(struct seq_file *m, pteval_t pr, int level)
{
	if (!(pr & _PAGE_PRESENT)) {
		seq_puts(m, "                              ");
	} else {
		seq_puts(m, pr & _PAGE_USER ? "USR " : "    ");
		seq_puts(m, pr & _PAGE_RW ? "RW " : "ro ");
		seq_puts(m, pr & _PAGE_PWT ? "PWT " : "    ");
		seq_puts(m, pr & _PAGE_PCD ? "PCD " : "    ");
		/* Bit 7 is PSE above the pte level, PAT in a pte. */
		seq_puts(m, level <= 3 && (pr & _PAGE_PSE) ? "PSE " : "    ");
		seq_puts(m, (level == 4 && (pr & _PAGE_PAT)) ||
			    ((level == 3 || level == 2) && (pr & _PAGE_PAT_LARGE)) ? "PAT " : "    ");
		seq_puts(m, pr & _PAGE_GLOBAL ? "GLB " : "    ");
		seq_puts(m, pr & _PAGE_NX ? "NX " : "x  ");
	}
	seq_printf(m, "%s\n", level_name[level]);
}

/* Print the run [start_address, @addr). */
static void print_run(struct pg_state *st, unsigned long addr)
{
	static const char units[] = "BKMGTPE";
	unsigned long delta = addr - st->start_address;
	const char *unit = units;

	seq_printf(st->m, "0x%016lx-0x%016lx   ", st->start_address, addr);
	while (!(delta & 1023) && unit[1]) {
		delta >>= 10;
		unit++;
	}
	seq_printf(st->m, "%9lu%c ", delta, *unit);
	printk_prot(st->m, st->current_prot, st->level);
}

/* An entry of @level mapping from @addr with flags @prot (0: nothing there): Linux's note_page(). */
static void note_page(struct pg_state *st, unsigned long addr, int level, pteval_t prot)
{
	if (prot & _PAGE_PRESENT)
		prot &= PTE_FLAGS_MASK & ~(_PAGE_ACCESSED | _PAGE_DIRTY);
	else
		prot = 0;
	if (st->level >= 0 && prot == st->current_prot && level == st->level &&
	    addr < st->marker->start_address)
		return;
	if (st->level >= 0)
		print_run(st, addr);
	while (addr >= st->marker->start_address && st->marker->name) {
		seq_printf(st->m, "---[ %s ]---\n", st->marker->name);
		st->marker++;
	}
	st->start_address = addr;
	st->current_prot = prot;
	st->level = level;
}

static int ptdump_pud_entry(pud_t *pud, unsigned long addr, unsigned long next,
			    struct mm_walk *walk)
{
	pud_t val = pudp_get(pud);

	if (pud_leaf(val) || !pud_present(val))
		note_page(walk->private, addr, 2, pud_val(val));
	return 0;
}

static int ptdump_pmd_entry(pmd_t *pmd, unsigned long addr, unsigned long next,
			    struct mm_walk *walk)
{
	pmd_t val = pmdp_get(pmd);

	if (pmd_leaf(val) || !pmd_present(val))
		note_page(walk->private, addr, 3, pmd_val(val));
	return 0;
}

static int ptdump_pte_entry(pte_t *pte, unsigned long addr, unsigned long next,
			    struct mm_walk *walk)
{
	note_page(walk->private, addr, 4, pte_val(ptep_get(pte)));
	return 0;
}

/* An empty entry: depth 1 (p4d, the top), 2 (pud) or 3 (pmd). */
static int ptdump_hole(unsigned long addr, unsigned long next, int depth, struct mm_walk *walk)
{
	note_page(walk->private, addr, depth, 0);
	return 0;
}

static const struct mm_walk_ops ptdump_ops = {
	.pud_entry = ptdump_pud_entry,
	.pmd_entry = ptdump_pmd_entry,
	.pte_entry = ptdump_pte_entry,
	.pte_hole = ptdump_hole,
};

static int kernel_page_tables_show(struct seq_file *m, void *v)
{
	struct pg_state st = { .m = m, .level = -1, .marker = address_markers };

	/* The user half, then the kernel half: what lies between is not canonical. */
	walk_page_range_novma(&init_mm, 0, 1UL << 47, &ptdump_ops, NULL, &st);
	walk_page_range_novma(&init_mm, -(1UL << 47), ~0UL, &ptdump_ops, NULL, &st);
	note_page(&st, 0, -1, 0);	/* ends the last run */
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(kernel_page_tables);

void ptdump_debugfs_init(void)
{
	struct dentry *d = debugfs_create_file("kernel_page_tables", 0400, NULL, NULL,
					       &kernel_page_tables_fops);

	if (IS_ERR(d))
		pr_warn("ptdump: no debugfs file: %ld\n", PTR_ERR(d));
}
