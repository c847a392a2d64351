// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the fixmap and early_memremap() (arch/x86_64/fixmap.c): a page
 * mapped through a slot shows the same memory as the direct map, an
 * unmapped slot faults, and ranges larger than a slot group are refused.
 */
#include <linux/ktest.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <asm/fixmap.h>
#include <asm/traps.h>
#include <linux/fault-inject.h>

static void read_word(void *p)
{
	(void)*(volatile unsigned long *)p;
}

static void fixmap_range_sits_below_the_vsyscall_page(struct ktest *test)
{
	KTEST_EXPECT_LT(test, FIXADDR_TOP, 0xffffffffff600000UL);
	KTEST_EXPECT_EQ(test, fix_to_virt(FIX_APIC_BASE), FIXADDR_TOP - PAGE_SIZE);
	KTEST_EXPECT_EQ(test, fix_to_virt(FIX_BTMAP_BEGIN), FIXADDR_START);
}

static void early_memremap_shows_the_same_memory(struct ktest *test)
{
	struct fault_injection_state paused;
	struct exception_info info;
	unsigned long *direct, *mapped;
	struct page *page;

	/* The pages are the test's material, not what it tests. */
	fault_injection_pause(&paused);
	page = alloc_pages(GFP_KERNEL, 1);
	fault_injection_resume(&paused);
	KTEST_ASSERT_NOT_NULL(test, page);
	direct = page_address(page);
	direct[0] = 0x1122334455667788UL;
	/* An unaligned start and a range over two pages. */
	mapped = early_memremap(page_to_phys(page) + 8, PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(test, mapped);
	KTEST_EXPECT_EQ(test, (unsigned long)mapped & ~PAGE_MASK, 8UL);
	mapped[PAGE_SIZE / 8 - 2] = 0xabcdUL;	/* the second page */
	KTEST_EXPECT_EQ(test, direct[PAGE_SIZE / 8 - 1], 0xabcdUL);
	KTEST_EXPECT_EQ(test, mapped[-1], 0x1122334455667788UL);
	early_memunmap(mapped, PAGE_SIZE);
	KTEST_EXPECT_EXCEPTION(test, read_word, mapped, X86_TRAP_PF, &info);
	__free_pages(page, 1);
}

static void early_memremap_slots_run_out_and_come_back(struct ktest *test)
{
	void *maps[FIX_BTMAPS_SLOTS];
	phys_addr_t phys;
	int i;

	phys = page_to_phys(virt_to_page(maps));
	for (i = 0; i < FIX_BTMAPS_SLOTS; i++) {
		maps[i] = early_memremap(phys, 16);
		KTEST_EXPECT_NOT_NULL(test, maps[i]);
	}
	KTEST_EXPECT_NULL(test, early_memremap(phys, 16));
	KTEST_EXPECT_NULL(test, early_memremap(phys, (NR_FIX_BTMAPS + 1) * PAGE_SIZE));
	for (i = 0; i < FIX_BTMAPS_SLOTS; i++)
		early_memunmap(maps[i], 16);
	maps[0] = early_memremap(phys, 16);
	KTEST_EXPECT_NOT_NULL(test, maps[0]);
	early_memunmap(maps[0], 16);
}

static struct ktest_case fixmap_cases[] = {
	KTEST_CASE(fixmap_range_sits_below_the_vsyscall_page),
	KTEST_CASE(early_memremap_shows_the_same_memory),
	KTEST_CASE(early_memremap_slots_run_out_and_come_back),
	{}
};

static struct ktest_suite fixmap_suite = {
	.name = "fixmap",
	.test_cases = fixmap_cases,
};
ktest_register_suite(fixmap_suite);
