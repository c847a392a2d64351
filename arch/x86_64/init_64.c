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
 * The tables are built while the early tables are live, which map only the
 * first GiB at PAGE_OFFSET: memblock's current limit stays at 1 GiB until
 * CR3 points at init_top_pgt, so every table page is reachable by __va().
 * Kernel mappings are global (CR4.PGE), so they survive CR3 reloads.
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
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <asm/processor.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <asm/fixmap.h>
#include <linux/bug.h>

pgd_t init_top_pgt[PTRS_PER_PGD] __aligned(PAGE_SIZE);

static bool gbpages;

static void *alloc_table_page(void)
{
	void *p = memblock_alloc(PAGE_SIZE, PAGE_SIZE);

	if (!p)
		panic("init_64: out of memory for kernel page tables");
	return p;
}

static pud_t *pud_alloc_k(unsigned long addr)
{
	p4d_t *p4d = p4d_offset(pgd_offset_pgd(init_top_pgt, addr), addr);

	if (p4d_none(*p4d))
		set_p4d(p4d, __p4d(__pa(alloc_table_page()) | _KERNPG_TABLE));
	return pud_offset(p4d, addr);
}

static pmd_t *pmd_alloc_k(pud_t *pud, unsigned long addr)
{
	BUG_ON(pud_leaf(*pud));
	if (pud_none(*pud))
		set_pud(pud, __pud(__pa(alloc_table_page()) | _KERNPG_TABLE));
	return pmd_offset(pud, addr);
}

static pte_t *pte_alloc_k(pmd_t *pmd, unsigned long addr)
{
	BUG_ON(pmd_leaf(*pmd));
	if (pmd_none(*pmd))
		set_pmd(pmd, __pmd(__pa(alloc_table_page()) | _KERNPG_TABLE));
	return pte_offset_kernel(pmd, addr);
}

/*
 * PTE tables for @nr consecutive 2 MiB ranges from @start (2 MiB aligned),
 * in one physically contiguous block, so that their entries form one array
 * (the fixmap's and the pkmap's: asm/fixmap.h). Return: the first entry.
 */
static pte_t *pte_alloc_k_range(unsigned long start, unsigned int nr)
{
	pte_t *ptes = memblock_alloc(nr * PAGE_SIZE, PAGE_SIZE);
	unsigned int i;

	if (!ptes)
		panic("init_64: out of memory for kernel page tables");
	for (i = 0; i < nr; i++) {
		unsigned long addr = start + i * PMD_SIZE;
		pmd_t *pmd = pmd_alloc_k(pud_alloc_k(addr), addr);

		BUG_ON(!pmd_none(*pmd));
		set_pmd(pmd, __pmd(__pa(ptes + i * PTRS_PER_PTE) | _KERNPG_TABLE));
	}
	return ptes;
}

/*
 * Map [vaddr, vaddr + size) to [paddr, ...) with @prot (a 4 KiB protection;
 * _PAGE_PSE is added for leaves). @large allows 2 MiB and 1 GiB leaves where
 * both addresses are aligned and the range covers the whole leaf.
 */
static void map_kernel_range(unsigned long vaddr, phys_addr_t paddr, unsigned long size,
			     pgprot_t prot, bool large)
{
	unsigned long end = vaddr + size;

	while (vaddr < end) {
		unsigned long left = end - vaddr;
		pud_t *pud = pud_alloc_k(vaddr);
		pmd_t *pmd;

		if (large && gbpages && IS_ALIGNED(vaddr | paddr, PUD_SIZE) && left >= PUD_SIZE) {
			set_pud(pud, __pud(paddr | pgprot_val(prot) | _PAGE_PSE));
			vaddr += PUD_SIZE;
			paddr += PUD_SIZE;
			continue;
		}
		pmd = pmd_alloc_k(pud, vaddr);
		if (large && IS_ALIGNED(vaddr | paddr, PMD_SIZE) && left >= PMD_SIZE) {
			set_pmd(pmd, __pmd(paddr | pgprot_val(prot) | _PAGE_PSE));
			vaddr += PMD_SIZE;
			paddr += PMD_SIZE;
			continue;
		}
		set_pte(pte_alloc_k(pmd, vaddr), __pte(paddr | pgprot_val(prot)));
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

/*
 * The entry of the kernel's tables that maps @addr: a pud or pmd leaf, or
 * the pte (present or not); NULL when no entry at any level can map it
 * (Linux's lookup_address). *@level says which.
 */
pte_t *lookup_address(unsigned long addr, enum pg_level *level)
{
	p4d_t *p4d = p4d_offset(pgd_offset_k(addr), addr);
	pud_t *pud;
	pmd_t *pmd;

	*level = PG_LEVEL_NONE;
	if (p4d_none(*p4d))
		return NULL;
	pud = pud_offset(p4d, addr);
	if (pud_none(*pud))
		return NULL;
	*level = PG_LEVEL_1G;
	if (pud_leaf(*pud))
		return (pte_t *)pud;
	pmd = pmd_offset(pud, addr);
	if (pmd_none(*pmd))
		return NULL;
	*level = PG_LEVEL_2M;
	if (pmd_leaf(*pmd))
		return (pte_t *)pmd;
	*level = PG_LEVEL_4K;
	return pte_offset_kernel(pmd, addr);
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
 */
void dump_pagetable(unsigned long addr)
{
	pgd_t *base = __va(read_cr3() & PTE_PFN_MASK);
	pgd_t *pgd = pgd_offset_pgd(base, addr);
	p4d_t *p4d = p4d_offset(pgd, addr);
	pud_t *pud;
	pmd_t *pmd;

	/* The P4D level is folded into the PGD: both print the same entry. */
	printk(KERN_ALERT "PGD %lx P4D %lx ", pgd_val(*pgd), p4d_val(*p4d));
	if (!p4d_present(*p4d) || !table_readable(p4d_val(*p4d)))
		goto out;
	pud = pud_offset(p4d, addr);
	pr_cont("PUD %lx ", pud_val(*pud));
	if (!pud_present(*pud) || pud_leaf(*pud) || !table_readable(pud_val(*pud)))
		goto out;
	pmd = pmd_offset(pud, addr);
	pr_cont("PMD %lx ", pmd_val(*pmd));
	if (!pmd_present(*pmd) || pmd_leaf(*pmd) || !table_readable(pmd_val(*pmd)))
		goto out;
	pr_cont("PTE %lx", pte_val(*pte_offset_kernel(pmd, addr)));
out:
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
