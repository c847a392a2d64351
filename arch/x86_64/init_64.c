// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's own page tables, built from memblock (Linux's
 * init_mem_mapping / kernel_physical_mapping_init idea).
 *
 * init_top_pgt replaces the loader's early tables:
 *
 *   PAGE_OFFSET + phys   the direct map of every memblock memory range,
 *                        RW + NX, with 1 GiB pages where the CPU has them
 *                        and the range covers an aligned GiB, 2 MiB pages
 *                        likewise, 4 KiB pages at unaligned edges; holes
 *                        are not mapped, so a stray pointer into one faults.
 *                        With debug_pagealloc=on only 4 KiB pages, so that
 *                        __kernel_map_pages() can unmap each free page
 *   __START_KERNEL_map   the kernel image, W^X: text RX, rodata R + NX,
 *                        data and bss RW + NX, 4 KiB pages
 *   VMEMMAP_START        struct pages of present sections (vmemmap_populate)
 *   FIXMAP_PMD_START     empty PTE tables for the fixmap and, below it, the
 *   PKMAP_BASE           kmap() pool (asm/fixmap.h), so that mapping a slot
 *                        later never allocates
 *
 * The tables are made through the generic layer (pud_alloc(), pmd_alloc(),
 * pte_alloc_kernel() on init_mm, asm/pgalloc.h), which takes memblock
 * memory at this stage; only the fixmap's and pkmap's contiguous pte
 * tables come from memblock directly (pte_alloc_k_range()). They are
 * built while the early tables are live, which map only the first GiB at
 * PAGE_OFFSET: memblock's current limit stays at 1 GiB until CR3 points
 * at init_top_pgt, so every table page is reachable by __va(). Kernel
 * mappings are global (CR4.PGE), so they survive CR3 reloads.
 *
 * Also here: lookup_address() (one address's entry in any pgd) and
 * dump_pagetable(), the oops and `ptdump` line, a walk_page_range_novma()
 * over the CPU's own top table.
 *
 * Locking: boot-time only, single-threaded (before SMP); later changes to
 * kernel mappings bring their own rules: vmalloc its locks, debug_pagealloc
 * (__kernel_map_pages) none, since each page's PTE belongs to the page's
 * owner and the 4 KiB tables it uses are never split or freed.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/panic.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/shell.h>
#include <linux/kstrtox.h>
#include <linux/errno.h>
#include <linux/pagewalk.h>
#include <asm/pgtable.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>
#include <asm/processor.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <asm/fixmap.h>
#include <linux/bug.h>

pgd_t init_top_pgt[PTRS_PER_PGD] __aligned(PAGE_SIZE);

static bool gbpages;

/*
 * The pud of @addr in the kernel's tables, the levels above it allocated
 * where missing. At boot the tables come from memblock, whose failure
 * panics (asm/pgalloc.h), so the allocators here cannot return NULL.
 */
static pud_t *kernel_pud_alloc(unsigned long addr)
{
	pud_t *pud = pud_alloc(&init_mm, p4d_alloc(&init_mm, pgd_offset_k(addr), addr), addr);

	BUG_ON(!pud);
	return pud;
}

static pmd_t *kernel_pmd_alloc(pud_t *pud, unsigned long addr)
{
	pmd_t *pmd;

	BUG_ON(pud_leaf(pudp_get(pud)));
	pmd = pmd_alloc(&init_mm, pud, addr);
	BUG_ON(!pmd);
	return pmd;
}

static pte_t *kernel_pte_alloc(pmd_t *pmd, unsigned long addr)
{
	pte_t *pte;

	BUG_ON(pmd_leaf(pmdp_get(pmd)));
	pte = pte_alloc_kernel(pmd, addr);
	BUG_ON(!pte);
	return pte;
}

/*
 * PTE tables for @nr consecutive 2 MiB ranges from @start (2 MiB aligned),
 * in one physically contiguous block, so that their entries form one array
 * (the fixmap's and the pkmap's: asm/fixmap.h). The block is the one table
 * allocation outside pte_alloc_one_kernel(): that gives single pages.
 * Return: the first entry.
 */
static pte_t *pte_alloc_k_range(unsigned long start, unsigned int nr)
{
	pte_t *ptes = memblock_alloc(nr * PAGE_SIZE, PAGE_SIZE);
	unsigned int i;

	if (!ptes)
		panic("init_64: out of memory for kernel page tables");
	for (i = 0; i < nr; i++) {
		unsigned long addr = start + i * PMD_SIZE;
		pmd_t *pmd = kernel_pmd_alloc(kernel_pud_alloc(addr), addr);

		BUG_ON(!pmd_none(pmdp_get(pmd)));
		pmd_populate_kernel(&init_mm, pmd, ptes + i * PTRS_PER_PTE);
	}
	return ptes;
}

/*
 * Map [vaddr, vaddr + size) to [paddr, ...) with @prot (a 4 KiB protection).
 * @large allows 2 MiB and 1 GiB leaves where both addresses are aligned,
 * the range covers the whole leaf and no table is in the way.
 */
static void map_kernel_range(unsigned long vaddr, phys_addr_t paddr, unsigned long size,
			     pgprot_t prot, bool large)
{
	unsigned long end = vaddr + size;

	while (vaddr < end) {
		unsigned long left = end - vaddr;
		pud_t *pud = kernel_pud_alloc(vaddr);
		pmd_t *pmd;

		if (large && gbpages && left >= PUD_SIZE && IS_ALIGNED(vaddr, PUD_SIZE) &&
		    pud_set_huge(pud, paddr, prot)) {
			vaddr += PUD_SIZE;
			paddr += PUD_SIZE;
			continue;
		}
		pmd = kernel_pmd_alloc(pud, vaddr);
		if (large && left >= PMD_SIZE && IS_ALIGNED(vaddr, PMD_SIZE) &&
		    pmd_set_huge(pmd, paddr, prot)) {
			vaddr += PMD_SIZE;
			paddr += PMD_SIZE;
			continue;
		}
		set_pte(kernel_pte_alloc(pmd, vaddr), pfn_pte(paddr >> PAGE_SHIFT, prot));
		vaddr += PAGE_SIZE;
		paddr += PAGE_SIZE;
	}
}

/* debug_pagealloc unmaps single pages, so its direct map has only 4 KiB ones. */
static void map_direct(void)
{
	bool large = !debug_pagealloc_enabled;
	phys_addr_t start, end;
	u64 i;

	for_each_mem_range(i, &start, &end) {
		start = ALIGN(start, PAGE_SIZE);
		end = ALIGN_DOWN(end, PAGE_SIZE);
		if (start < end)
			map_kernel_range((unsigned long)__va(start), start, end - start,
					 PAGE_KERNEL, large);
	}
}

static void map_image_part(void *start, void *end, pgprot_t prot)
{
	map_kernel_range((unsigned long)start, __pa(start),
			 (unsigned long)end - (unsigned long)start, prot, false);
}

/* W^X: nothing of the image is both writable and executable. */
static void map_kernel_image(void)
{
	map_image_part(_text, _etext, PAGE_KERNEL_ROX);
	map_image_part(__start_rodata, __end_rodata, PAGE_KERNEL_RO);
	map_image_part(_sdata, _end, PAGE_KERNEL);
}

static bool cpu_has_gbpages(void)
{
	u32 a, b, c, d;

	cpuid(0x80000000, &a, &b, &c, &d);
	if (a < 0x80000001)
		return false;
	cpuid(0x80000001, &a, &b, &c, &d);
	return d & (1U << 26);
}

void init_mem_mapping(void)
{
	gbpages = cpu_has_gbpages();
	memblock_set_current_limit(SZ_1G);
	map_direct();
	map_kernel_image();
	fixmap_ptes = pte_alloc_k_range(FIXMAP_PMD_START, FIXMAP_PMD_NUM);
	pkmap_page_table = pte_alloc_k_range(PKMAP_BASE, 1);
	write_cr3(__pa(init_top_pgt));
	write_cr4(read_cr4() | X86_CR4_PGE);
	memblock_set_current_limit(MEMBLOCK_ALLOC_ANYWHERE);
	pr_info("init_64: direct map with %s pages, kernel image W^X\n",
		debug_pagealloc_enabled ? "4K (debug_pagealloc)" :
		gbpages ? "1G/2M/4K" : "2M/4K");
}

pte_t *lookup_address_in_pgd(pgd_t *pgd, unsigned long addr, enum pg_level *level)
{
	p4d_t *p4d = p4d_offset(pgd, addr);
	pud_t *pud;
	pmd_t *pmd;

	*level = PG_LEVEL_NONE;
	if (p4d_none(p4dp_get(p4d)))
		return NULL;
	pud = pud_offset(p4d, addr);
	if (pud_none(pudp_get(pud)))
		return NULL;
	*level = PG_LEVEL_1G;
	if (pud_leaf(pudp_get(pud)))
		return (pte_t *)pud;
	pmd = pmd_offset(pud, addr);
	if (pmd_none(pmdp_get(pmd)))
		return NULL;
	*level = PG_LEVEL_2M;
	if (pmd_leaf(pmdp_get(pmd)))
		return (pte_t *)pmd;
	*level = PG_LEVEL_4K;
	return pte_offset_kernel(pmd, addr);
}

pte_t *lookup_address(unsigned long addr, enum pg_level *level)
{
	return lookup_address_in_pgd(pgd_offset_k(addr), addr, level);
}

/*
 * A free page's direct-map entry keeps its pfn (an oops then shows which
 * page it was) but loses PRESENT, and GLOBAL too: in a non-present entry
 * GLOBAL is PROTNONE, which pte_present() would take for a mapping.
 */
#define PAGE_KERNEL_NOT_PRESENT	__pgprot(__PAGE_KERNEL & ~(_PAGE_PRESENT | _PAGE_GLOBAL))

void __kernel_map_pages(struct page *page, unsigned long numpages, bool enable)
{
	pgprot_t prot = enable ? PAGE_KERNEL : PAGE_KERNEL_NOT_PRESENT;
	unsigned long start = (unsigned long)page_address(page), pfn = page_to_pfn(page);
	unsigned long i;

	for (i = 0; i < numpages; i++) {
		enum pg_level level;
		pte_t *pte = lookup_address(start + i * PAGE_SIZE, &level);

		/* debug_pagealloc's direct map has no large pages (map_direct). */
		BUG_ON(!pte || level != PG_LEVEL_4K);
		set_pte(pte, pfn_pte(pfn + i, prot));
		/*
		 * This CPU only, as Linux: an IPI here could deadlock (pages are
		 * freed with interrupts off). Another CPU may briefly keep a
		 * stale entry of a page it touched; a use after free there
		 * goes unnoticed until its TLB drops the entry.
		 */
		__flush_tlb_one_kernel(start + i * PAGE_SIZE);
	}
}

bool kernel_page_present(struct page *page)
{
	enum pg_level level;
	pte_t *pte = lookup_address((unsigned long)page_address(page), &level);

	return pte && (pte_val(*pte) & _PAGE_PRESENT);
}

/*
 * vmemmap_populate - back [start, end) of the virtual memory map with
 * memory from @node: a 2 MiB page per aligned 2 MiB when memblock has one,
 * else 4 KiB pages. The memory is not zeroed (memmap_init writes every
 * struct page). Returns 0 or -ENOMEM.
 */
int vmemmap_populate(unsigned long start, unsigned long end, int node)
{
	unsigned long addr = start;

	while (addr < end) {
		phys_addr_t pa = 0;

		if (IS_ALIGNED(addr, PMD_SIZE) && end - addr >= PMD_SIZE)
			pa = memblock_phys_alloc_range(PMD_SIZE, PMD_SIZE, 0,
						       MEMBLOCK_ALLOC_ACCESSIBLE);
		if (pa) {
			map_kernel_range(addr, pa, PMD_SIZE, PAGE_KERNEL, true);
			addr += PMD_SIZE;
			continue;
		}
		pa = memblock_phys_alloc_range(PAGE_SIZE, PAGE_SIZE, 0,
					       MEMBLOCK_ALLOC_ACCESSIBLE);
		if (!pa)
			return -ENOMEM;
		map_kernel_range(addr, pa, PAGE_SIZE, PAGE_KERNEL, false);
		addr += PAGE_SIZE;
	}
	return 0;
}

/*
 * A table the walk may read: RAM the direct map covers. A corrupt entry is
 * then reported instead of faulting inside the fault report.
 */
static bool table_readable(unsigned long entry)
{
	return memblock_is_memory(entry & PTE_PFN_MASK);
}

/*
 * dump_pagetable - print the walk of @addr through the live tables, one
 * line: "PGD 1234067 P4D 1234067 PUD 1235067 PMD 80000000012000e3", stopping
 * at the first entry that is not present or is a leaf (Linux's format).
 *
 * It runs in the oops path on tables that may be corrupt, so each
 * callback stops the walk's descent (ACTION_CONTINUE) before an entry
 * that points outside RAM. The walk is the generic one (mm/pagewalk.c)
 * over the CPU's top table (CR3), which need not be init_mm's; a hole
 * callback prints the empty entry the walk found, read again through the
 * table pointer the level above left in struct ptdump_walk.
 */
struct ptdump_walk {
	p4d_t *p4d;	/* of the pgd entry printed */
	pud_t *pud;	/* of the pud entry printed */
};

static int ptdump_pgd_entry(pgd_t *pgd, unsigned long addr, unsigned long next,
			    struct mm_walk *walk)
{
	struct ptdump_walk *d = walk->private;
	p4d_t p4d;

	d->p4d = p4d_offset(pgd, addr);
	p4d = p4dp_get(d->p4d);
	/* The P4D level is folded into the PGD: both print the same entry. */
	printk(KERN_ALERT "PGD %lx P4D %lx ", pgd_val(*pgd), p4d_val(p4d));
	if (!p4d_present(p4d) || !table_readable(p4d_val(p4d)))
		walk->action = ACTION_CONTINUE;
	return 0;
}

static int ptdump_pud_entry(pud_t *pud, unsigned long addr, unsigned long next,
			    struct mm_walk *walk)
{
	pud_t val = pudp_get(pud);

	((struct ptdump_walk *)walk->private)->pud = pud;
	pr_cont("PUD %lx ", pud_val(val));
	if (!pud_present(val) || pud_leaf(val) || !table_readable(pud_val(val)))
		walk->action = ACTION_CONTINUE;
	return 0;
}

static int ptdump_pmd_entry(pmd_t *pmd, unsigned long addr, unsigned long next,
			    struct mm_walk *walk)
{
	pmd_t val = pmdp_get(pmd);

	pr_cont("PMD %lx ", pmd_val(val));
	if (!pmd_present(val) || pmd_leaf(val) || !table_readable(pmd_val(val)))
		walk->action = ACTION_CONTINUE;
	return 0;
}

static int ptdump_pte_entry(pte_t *pte, unsigned long addr, unsigned long next,
			    struct mm_walk *walk)
{
	pr_cont("PTE %lx", pte_val(ptep_get(pte)));
	return 0;
}

static int ptdump_pte_hole(unsigned long addr, unsigned long next, int depth,
			   struct mm_walk *walk)
{
	struct ptdump_walk *d = walk->private;

	if (depth == 2)
		pr_cont("PUD %lx ", pud_val(pudp_get(pud_offset(d->p4d, addr))));
	else if (depth == 3)
		pr_cont("PMD %lx ", pmd_val(pmdp_get(pmd_offset(d->pud, addr))));
	return 0;
}

static const struct mm_walk_ops ptdump_ops = {
	.pgd_entry = ptdump_pgd_entry,
	.pud_entry = ptdump_pud_entry,
	.pmd_entry = ptdump_pmd_entry,
	.pte_entry = ptdump_pte_entry,
	.pte_hole = ptdump_pte_hole,
};

void dump_pagetable(unsigned long addr)
{
	unsigned long start = addr & PAGE_MASK;
	struct ptdump_walk d = {};

	/* [start, start + PAGE_SIZE - 1): one page's entries, even the last page's. */
	walk_page_range_novma(&init_mm, start, start + PAGE_SIZE - 1, &ptdump_ops,
			      __va(read_cr3() & PTE_PFN_MASK), &d);
	pr_cont("\n");
}

static int cmd_ptdump(int argc, char **argv)
{
	unsigned long addr;

	if (argc != 2 || kstrtoul(argv[1], 16, &addr)) {
		raw_printk("usage: ptdump ADDR   (hexadecimal virtual address)\n");
		return -EINVAL;
	}
	dump_pagetable(addr);
	return 0;
}
SHELL_CMD(ptdump, "the page-table walk of one virtual address", cmd_ptdump);
