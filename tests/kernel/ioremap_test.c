// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of ioremap (arch/x86_64/ioremap.c) and the PAT (arch/x86_64/pat.c):
 * every CPU holds Linux's PAT layout; each ioremap variant maps with the
 * PAT/PCD/PWT bits of its memory type; mappings keep the offset, cover the
 * range and are listed in vmallocinfo; RAM and bad ranges are refused;
 * the local APIC is reached through an ioremap; iounmap checks its
 * argument and gives the addresses back after the purge.
 *
 * The device addresses mapped are the local APIC's page (read only its
 * ID and version registers, uncached) and, for type bits that are never
 * accessed, a page of the 0xfed00000 range (HPET's, never RAM on a PC).
 */
#include <linux/ktest.h>
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/shell.h>
#include <linux/mm.h>
#include <linux/bug.h>
#include <linux/panic.h>
#include <asm/io.h>
#include <asm/apic.h>
#include <asm/memtype.h>
#include <asm/processor.h>
#include <asm/pgtable.h>
#include <asm/setup.h>
#include "../../mm/internal.h"

#define DEVICE_PHYS	0xfed00000UL

/* The memory-type bits and the whole entry of the 4 KiB mapping at @addr. */
static pteval_t entry_of(const volatile void __iomem *addr)
{
	enum pg_level level;
	pte_t *pte = lookup_address((unsigned long)addr, &level);

	return pte && level == PG_LEVEL_4K ? pte_val(*pte) : 0;
}

static void read_pat(void *arg)
{
	u64 *pat = arg;

	pat[smp_processor_id()] = rdmsr(MSR_IA32_CR_PAT);
}

static void every_cpu_holds_linux_pat_layout(struct ktest *test)
{
	static u64 pat[NR_CPUS];
	unsigned int cpu;

	if (!pat_enabled)
		KTEST_SKIP(test, "this CPU has no PAT");
	on_each_cpu(read_pat, pat, true);
	for_each_online_cpu(cpu)
		KTEST_EXPECT_EQ(test, pat[cpu], 0x0407050600070106ULL);
	KTEST_EXPECT_EQ(test, pat_msr_expected(), 0x0407050600070106ULL);
}

static void each_variant_maps_with_its_memory_type(struct ktest *test)
{
	static const struct {
		void __iomem *(*map)(phys_addr_t, unsigned long);
		pteval_t bits;
	} variants[] = {
		{ ioremap, _PAGE_PCD },			/* UC-: PAT index 2 */
		{ ioremap_uc, _PAGE_PCD | _PAGE_PWT },	/* UC: index 3 */
		{ ioremap_wc, _PAGE_PWT },		/* WC: index 1 */
		{ ioremap_cache, 0 },			/* WB: index 0 */
	};
	unsigned int i;

	if (!pat_enabled)
		KTEST_SKIP(test, "this CPU has no PAT");
	for (i = 0; i < ARRAY_SIZE(variants); i++) {
		void __iomem *p = variants[i].map(DEVICE_PHYS, PAGE_SIZE);
		pteval_t e;

		KTEST_ASSERT_NOT_NULL(test, p);
		KTEST_EXPECT_TRUE(test, is_vmalloc_addr((const void *)p));
		e = entry_of(p);
		KTEST_EXPECT_EQ(test, e & _PAGE_CACHE_MASK, variants[i].bits);
		KTEST_EXPECT_EQ(test, e & PTE_PFN_MASK, DEVICE_PHYS);
		KTEST_EXPECT_TRUE(test, (e & (_PAGE_PRESENT | _PAGE_RW | _PAGE_NX)) ==
					(_PAGE_PRESENT | _PAGE_RW | _PAGE_NX));
		iounmap(p);
	}
}

static void a_mapping_keeps_the_offset_and_covers_the_range(struct ktest *test)
{
	char cmd[] = "vmallocinfo";
	phys_addr_t phys = DEVICE_PHYS + 0x123;
	u8 __iomem *p = ioremap(phys, 2 * PAGE_SIZE);
	struct vm_struct *vm;
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_EQ(test, (unsigned long)p & ~PAGE_MASK, 0x123UL);
	vm = find_vm_area((const void *)p);
	KTEST_ASSERT_NOT_NULL(test, vm);
	KTEST_EXPECT_TRUE(test, vm->flags & VM_IOREMAP);
	KTEST_EXPECT_EQ(test, vm->phys_addr, (phys_addr_t)DEVICE_PHYS);
	/* Three pages reach [phys, phys + 2 pages), and the guard page. */
	KTEST_EXPECT_EQ(test, vm->size, 4 * PAGE_SIZE);
	for (i = 0; i < 3; i++)
		KTEST_EXPECT_EQ(test, entry_of((u8 __iomem *)vm->addr + i * PAGE_SIZE) & PTE_PFN_MASK,
				DEVICE_PHYS + i * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, entry_of((u8 __iomem *)vm->addr + 3 * PAGE_SIZE), 0UL);
	KTEST_EXPECT_EQ(test, shell_exec(cmd), 0);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "phys=0x00000000fed00000 ioremap"));
	iounmap(p);
}

static void ram_and_bad_ranges_are_refused(struct ktest *test)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned int warns = warn_count;

	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_EXPECT_NULL(test, ioremap(page_to_phys(page), PAGE_SIZE));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "ioremap on RAM at"));
	/* A device range that runs into RAM is refused too. */
	KTEST_EXPECT_NULL(test, ioremap_wc(0, 1UL << 20));
	KTEST_EXPECT_NULL(test, ioremap(DEVICE_PHYS, 0));
	KTEST_EXPECT_NULL(test, ioremap(~0ULL - 10, 100));
	KTEST_EXPECT_NULL(test, ioremap(1ULL << phys_addr_bits(), PAGE_SIZE));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "ioremap: invalid physical range"));
	KTEST_EXPECT_EQ(test, warn_count, warns + 5);
	__free_page(page);
}

static phys_addr_t apic_base_phys(void)
{
	return rdmsr(0x1b) & PAGE_MASK & ((1ULL << phys_addr_bits()) - 1);
}

static void the_local_apic_is_reached_through_ioremap(struct ktest *test)
{
	void __iomem *base = lapic_mmio_base();
	struct vm_struct *vm = find_vm_area((const void *)base);

	KTEST_EXPECT_TRUE(test, is_vmalloc_addr((const void *)base));
	KTEST_ASSERT_NOT_NULL(test, vm);
	KTEST_EXPECT_TRUE(test, vm->flags & VM_IOREMAP);
	KTEST_EXPECT_EQ(test, vm->phys_addr, apic_base_phys());
	KTEST_EXPECT_EQ(test, entry_of(base) & _PAGE_CACHE_MASK, _PAGE_PCD | _PAGE_PWT);
	KTEST_EXPECT_EQ(test, readl(base + APIC_ID) >> 24, read_apic_id());
}

/* A second, uncached mapping of the APIC reads the same registers. */
static void a_second_mapping_reads_the_same_registers(struct ktest *test)
{
	void __iomem *p = ioremap_uc(apic_base_phys(), PAGE_SIZE);

	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_PTR_NE(test, (void *)p, (void *)lapic_mmio_base());
	KTEST_EXPECT_EQ(test, readl(p + APIC_LVR), apic_read(APIC_LVR));
	KTEST_EXPECT_EQ(test, readl(p + APIC_ID), apic_read(APIC_ID));
	iounmap(p);
}

static void iounmap_checks_its_argument_and_frees_after_the_purge(struct ktest *test)
{
	unsigned int warns = warn_count;
	void *v = vmalloc(PAGE_SIZE);
	void __iomem *p, *q;

	KTEST_ASSERT_NOT_NULL(test, v);
	iounmap((void __iomem *)v);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "iounmap: bad address"));
	KTEST_EXPECT_NOT_NULL(test, find_vm_area(v));
	iounmap(NULL);
	vfree(v);
	vm_unmap_aliases();
	p = ioremap(DEVICE_PHYS, PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(test, p);
	iounmap(p);
	KTEST_EXPECT_NULL(test, find_vm_area((const void *)p));
	vm_unmap_aliases();
	q = ioremap(DEVICE_PHYS, PAGE_SIZE);
	KTEST_EXPECT_PTR_EQ(test, (void *)q, (void *)p);
	iounmap(q);
}

static struct ktest_case ioremap_cases[] = {
	KTEST_CASE(every_cpu_holds_linux_pat_layout),
	KTEST_CASE(each_variant_maps_with_its_memory_type),
	KTEST_CASE(a_mapping_keeps_the_offset_and_covers_the_range),
	KTEST_CASE(ram_and_bad_ranges_are_refused),
	KTEST_CASE(the_local_apic_is_reached_through_ioremap),
	KTEST_CASE(a_second_mapping_reads_the_same_registers),
	KTEST_CASE(iounmap_checks_its_argument_and_frees_after_the_purge),
	{}
};

static struct ktest_suite ioremap_suite = {
	.name = "ioremap",
	.init = ktest_pause_fault_injection,
	.exit = ktest_resume_fault_injection,
	.test_cases = ioremap_cases,
};
ktest_register_suite(ioremap_suite);
