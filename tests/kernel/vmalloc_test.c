// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of kernel virtual memory (mm/vmalloc.c) and kvmalloc (mm/util.c):
 * the vmalloc family's addresses, contents and bookkeeping, vmap of the
 * caller's pages, the guard page, alignment and ranges, the lazy free and
 * its purge (reuse of the addresses, and every CPU's TLB right after it),
 * frees from interrupts, huge mappings, running out of the range, and a
 * stress on every CPU that checks every byte. The benchmark rows
 * (vmalloc_pair_*, Documentation/benchmarks.md) are at the end.
 *
 * "Pages back" is measured after vm_unmap_aliases(): lazily freed areas
 * hold no pages, but their vmap_area nodes wait for the purge.
 */
#include <linux/ktest.h>
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/string.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/shell.h>
#include <linux/sprintf.h>
#include <linux/bench.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/fault-inject.h>
#include <asm/traps.h>
#include <asm/pgtable.h>
#include "../../mm/internal.h"
#include "mm_test.h"

/* An address outside vmalloc space: in the image (the tests' own stack is vmalloc'd). */
static int image_object;

static bool all_bytes(const void *p, u8 val, size_t n)
{
	return !memchr_inv(p, val, n);
}

static void vmalloc_gives_page_aligned_areas_in_the_vmalloc_range(struct ktest *test)
{
	static const unsigned long sizes[] = { 1, 100, PAGE_SIZE, PAGE_SIZE + 1, 65536, 1 << 20 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		u8 *p = vmalloc(sizes[i]);
		struct vm_struct *vm;

		KTEST_ASSERT_NOT_NULL(test, p);
		KTEST_EXPECT_TRUE(test, is_vmalloc_addr(p));
		KTEST_EXPECT_EQ(test, (unsigned long)p % PAGE_SIZE, 0UL);
		vm = find_vm_area(p);
		KTEST_ASSERT_NOT_NULL(test, vm);
		KTEST_EXPECT_PTR_EQ(test, vm->addr, (void *)p);
		KTEST_EXPECT_EQ(test, vm->size, PAGE_ALIGN(sizes[i]) + PAGE_SIZE);
		KTEST_EXPECT_EQ(test, vm->nr_pages, (unsigned int)(PAGE_ALIGN(sizes[i]) >> PAGE_SHIFT));
		KTEST_EXPECT_TRUE(test, vm->flags & VM_ALLOC);
		/* An address inside the area finds it too. */
		KTEST_EXPECT_PTR_EQ(test, find_vm_area(p + sizes[i] - 1), vm);
		memset(p, 0xa7, sizes[i]);
		KTEST_EXPECT_TRUE(test, all_bytes(p, 0xa7, sizes[i]));
		vfree(p);
		KTEST_EXPECT_NULL(test, find_vm_area(p));
	}
	KTEST_EXPECT_FALSE(test, is_vmalloc_addr(&image_object));
	KTEST_EXPECT_NULL(test, vmalloc(0));
}

static void each_page_of_an_area_is_its_own_and_aliases_the_direct_map(struct ktest *test)
{
	unsigned int i, n = 16;
	u8 *p = vmalloc(n * PAGE_SIZE);
	struct vm_struct *vm;

	KTEST_ASSERT_NOT_NULL(test, p);
	vm = find_vm_area(p);
	KTEST_ASSERT_NOT_NULL(test, vm);
	for (i = 0; i < n; i++) {
		struct page *page = vmalloc_to_page(p + i * PAGE_SIZE + 5);

		KTEST_EXPECT_PTR_EQ(test, page, vm->pages[i]);
		KTEST_EXPECT_EQ(test, vmalloc_to_pfn(p + i * PAGE_SIZE), page_to_pfn(page));
		memset(p + i * PAGE_SIZE, i, PAGE_SIZE);
		KTEST_EXPECT_TRUE(test, all_bytes(page_address(page), i, PAGE_SIZE));
	}
	/* The guard page has no page. */
	KTEST_EXPECT_NULL(test, vmalloc_to_page(p + n * PAGE_SIZE));
	KTEST_EXPECT_NULL(test, vmalloc_to_page(&image_object));
	vfree(p);
}

static void vzalloc_and_vmalloc_user_give_zeroed_memory(struct ktest *test)
{
	unsigned long size = 8 * PAGE_SIZE;
	u8 *p = vmalloc(size), *q;

	KTEST_ASSERT_NOT_NULL(test, p);
	/* Freed dirty: the per-CPU lists hand the same pages back first. */
	memset(p, 0xff, size);
	vfree(p);
	q = vzalloc(size);
	KTEST_ASSERT_NOT_NULL(test, q);
	KTEST_EXPECT_TRUE(test, all_bytes(q, 0, size));
	memset(q, 0xff, size);
	vfree(q);
	q = vmalloc_user(size);
	KTEST_ASSERT_NOT_NULL(test, q);
	KTEST_EXPECT_TRUE(test, all_bytes(q, 0, size));
	KTEST_EXPECT_TRUE(test, find_vm_area(q)->flags & VM_USERMAP);
	vfree(q);
}

static void vmalloc_32_pages_lie_below_4g(struct ktest *test)
{
	unsigned int i, n = 8;
	u8 *p = vmalloc_32(n * PAGE_SIZE);

	KTEST_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < n; i++)
		KTEST_EXPECT_LT(test, (u64)page_to_pfn(vmalloc_to_page(p + i * PAGE_SIZE)),
				(u64)(1ULL << (32 - PAGE_SHIFT)));
	vfree(p);
}

static void vmap_maps_the_callers_pages_in_order_and_leaves_them(struct ktest *test)
{
	struct page *pages[4];
	unsigned int i;
	u8 *p;

	for (i = 0; i < ARRAY_SIZE(pages); i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, pages[i]);
		memset(page_address(pages[i]), 0x10 + i, PAGE_SIZE);
	}
	p = vmap(pages, ARRAY_SIZE(pages), 0, PAGE_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_TRUE(test, find_vm_area(p)->flags & VM_MAP);
	for (i = 0; i < ARRAY_SIZE(pages); i++) {
		KTEST_EXPECT_TRUE(test, all_bytes(p + i * PAGE_SIZE, 0x10 + i, PAGE_SIZE));
		KTEST_EXPECT_PTR_EQ(test, vmalloc_to_page(p + i * PAGE_SIZE), pages[i]);
	}
	p[0] = 0x99;
	vunmap(p);
	KTEST_EXPECT_EQ(test, *(u8 *)page_address(pages[0]), 0x99);
	for (i = 0; i < ARRAY_SIZE(pages); i++)
		__free_page(pages[i]);
	KTEST_EXPECT_NULL(test, vmap(pages, 0, 0, PAGE_KERNEL));
}

static void write_past_end(void *p)
{
	WRITE_ONCE(*(u8 *)p, 1);
}

static void a_write_one_byte_past_an_area_hits_the_guard_page(struct ktest *test)
{
	struct exception_info info;
	u8 *p = vmalloc(3 * PAGE_SIZE);

	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_EXCEPTION(test, write_past_end, p + 3 * PAGE_SIZE, X86_TRAP_PF, &info);
	KTEST_EXPECT_EQ(test, info.address, (unsigned long)p + 3 * PAGE_SIZE);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "BUG: unable to handle page fault"));
	vfree(p);
}

static void areas_without_guard_are_adjacent(struct ktest *test)
{
	const unsigned long start = VMALLOC_START + (3UL << 30), end = start + (1UL << 20);
	void *a, *b;

	a = __vmalloc_node_range(PAGE_SIZE, PAGE_SIZE, start, end, GFP_KERNEL, PAGE_KERNEL,
				 VM_NO_GUARD, NUMA_NO_NODE, __builtin_return_address(0));
	b = __vmalloc_node_range(PAGE_SIZE, PAGE_SIZE, start, end, GFP_KERNEL, PAGE_KERNEL,
				 VM_NO_GUARD, NUMA_NO_NODE, __builtin_return_address(0));
	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_ASSERT_NOT_NULL(test, b);
	KTEST_EXPECT_EQ(test, find_vm_area(a)->size, PAGE_SIZE);
	KTEST_EXPECT_EQ(test, (unsigned long)a, start);
	KTEST_EXPECT_EQ(test, (unsigned long)b, start + PAGE_SIZE);
	vfree(a);
	vfree(b);
}

static void alignment_and_range_are_honoured(struct ktest *test)
{
	static const unsigned long aligns[] = { PAGE_SIZE, 16384, 65536, 1 << 20, 2 << 20 };
	const unsigned long start = VMALLOC_START + (1UL << 30), end = start + (64UL << 20);
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(aligns); i++) {
		void *p = __vmalloc_node_range(3 * PAGE_SIZE, aligns[i], start, end, GFP_KERNEL,
					       PAGE_KERNEL, 0, NUMA_NO_NODE,
					       __builtin_return_address(0));

		KTEST_ASSERT_NOT_NULL(test, p);
		KTEST_EXPECT_EQ(test, (unsigned long)p % aligns[i], 0UL);
		KTEST_EXPECT_GE(test, (unsigned long)p, start);
		KTEST_EXPECT_LE(test, (unsigned long)p + 4 * PAGE_SIZE, end);
		vfree(p);
	}
}

/* Fill a small window of the range; the next fails cleanly; freeing brings room back. */
static void exhausting_a_range_fails_cleanly_and_recovers(struct ktest *test)
{
	const unsigned long start = VMALLOC_START + (2UL << 30), end = start + 64 * PAGE_SIZE;
	void *areas[40], *p;
	unsigned int n = 0, i;

	vm_unmap_aliases();
	while (n < ARRAY_SIZE(areas)) {
		p = __vmalloc_node_range(PAGE_SIZE, PAGE_SIZE, start, end,
					 GFP_KERNEL | __GFP_NOWARN, PAGE_KERNEL, 0, NUMA_NO_NODE,
					 __builtin_return_address(0));
		if (!p)
			break;
		areas[n++] = p;
	}
	/* Each area takes 2 pages with its guard: 32 fit. */
	KTEST_EXPECT_EQ(test, n, 32u);
	p = __vmalloc_node_range(PAGE_SIZE, PAGE_SIZE, start, end, GFP_KERNEL,
				 PAGE_KERNEL, 0, NUMA_NO_NODE, __builtin_return_address(0));
	KTEST_EXPECT_NULL(test, p);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "vmap allocation for size 8192 failed"));
	/* Freed areas are lazy; the failing allocation purges them and fits. */
	vfree(areas[7]);
	p = __vmalloc_node_range(PAGE_SIZE, PAGE_SIZE, start, end, GFP_KERNEL,
				 PAGE_KERNEL, 0, NUMA_NO_NODE, __builtin_return_address(0));
	KTEST_EXPECT_PTR_EQ(test, p, areas[7]);
	areas[7] = p;
	for (i = 0; i < n; i++)
		vfree(areas[i]);
}

static void freed_areas_wait_for_the_purge_then_are_reused(struct ktest *test)
{
	char cmd[] = "vmallocinfo";
	void *p, *q;

	vm_unmap_aliases();
	p = vmalloc(PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(test, p);
	vfree(p);
	/* Lazy: the range is not free yet. */
	q = vmalloc(PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(test, q);
	KTEST_EXPECT_PTR_NE(test, q, p);
	KTEST_EXPECT_EQ(test, shell_exec(cmd), 0);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "unpurged vm_area"));
	vfree(q);
	vm_unmap_aliases();
	/* The lowest free address again. */
	q = vmalloc(PAGE_SIZE);
	KTEST_EXPECT_PTR_EQ(test, q, p);
	vfree(q);
}

/*
 * The first round may leave page tables (never freed) and slab pages for
 * the area descriptors behind; the second, over the same addresses, must
 * give back every page it took.
 */
static void vfree_gives_every_page_back(struct ktest *test)
{
	unsigned long before = 0, used = vmalloc_nr_pages();
	unsigned int i, round;
	void *p[8];

	for (round = 0; round < 2; round++) {
		if (round)
			before = free_pages_settled();
		for (i = 0; i < ARRAY_SIZE(p); i++) {
			p[i] = vmalloc((i + 1) * 5 * PAGE_SIZE);
			KTEST_ASSERT_NOT_NULL(test, p[i]);
		}
		KTEST_EXPECT_EQ(test, vmalloc_nr_pages(), used + 180);
		for (i = 0; i < ARRAY_SIZE(p); i++)
			vfree(p[i]);
		KTEST_EXPECT_EQ(test, vmalloc_nr_pages(), used);
	}
	KTEST_EXPECT_EQ(test, free_pages_settled(), before);
}

static void vfree_or_vunmap_of_a_bad_address_warns_and_frees_nothing(struct ktest *test)
{
	unsigned long warns = warn_count;
	u8 *p = vmalloc(2 * PAGE_SIZE);

	KTEST_ASSERT_NOT_NULL(test, p);
	vfree(p + PAGE_SIZE);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Trying to vfree() nonexistent vm area"));
	vunmap(p + PAGE_SIZE);
	KTEST_EXPECT_EQ(test, warn_count, warns + 2);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Trying to vunmap() nonexistent vm area"));
	KTEST_EXPECT_NOT_NULL(test, find_vm_area(p));
	vfree(NULL);
	vunmap(NULL);
	vfree(p);
}

struct irq_free {
	void *p;
	bool in_irq;
};

static void vfree_in_irq(void *arg)
{
	struct irq_free *f = arg;

	f->in_irq = in_interrupt();
	vfree(f->p);
}

static void vfree_from_an_interrupt_is_deferred(struct ktest *test)
{
	struct irq_free f;
	unsigned int cpu;
	unsigned long before;

	if (num_online_cpus() < 2)
		KTEST_SKIP(test, "needs a second CPU to send an IPI from");
	before = free_pages_settled();
	f.p = vmalloc(4 * PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(test, f.p);
	for_each_online_cpu(cpu)
		if (cpu != smp_processor_id())
			break;
	KTEST_ASSERT_EQ(test, smp_call_function_single(cpu, vfree_in_irq, &f, true), 0);
	KTEST_EXPECT_TRUE(test, f.in_irq);
	/* Still there until process context drains the deferred list. */
	KTEST_EXPECT_NOT_NULL(test, find_vm_area(f.p));
	vm_unmap_aliases();
	KTEST_EXPECT_NULL(test, find_vm_area(f.p));
	KTEST_EXPECT_EQ(test, free_pages_settled(), before);
}

/* ---- TLB ---------------------------------------------------------------------- */

struct tlb_probe {
	volatile u8 *p;
	u8 seen[NR_CPUS];
};

static void read_probe(void *arg)
{
	struct tlb_probe *t = arg;

	t->seen[smp_processor_id()] = *t->p;
}

/*
 * Every CPU reads page @a through an area (its TLB then holds the
 * translation); the area is unmapped and purged, and the address is reused
 * for page @b. @a stays allocated with its contents, so a CPU whose TLB
 * the purge did not flush reads 0x11 instead of 0x22.
 */
static void a_reused_address_reads_the_new_page_on_every_cpu(struct ktest *test)
{
	struct page *a = alloc_page(GFP_KERNEL), *b = alloc_page(GFP_KERNEL);
	struct tlb_probe t;
	unsigned int cpu;
	u8 *p, *q;

	if (!a || !b)
		goto out;
	memset(page_address(a), 0x11, PAGE_SIZE);
	memset(page_address(b), 0x22, PAGE_SIZE);
	vm_unmap_aliases();
	p = vmap(&a, 1, 0, PAGE_KERNEL);
	KTEST_EXPECT_NOT_NULL(test, p);
	if (!p)
		goto out;
	t.p = p;
	on_each_cpu(read_probe, &t, true);
	for_each_online_cpu(cpu)
		KTEST_EXPECT_EQ(test, t.seen[cpu], 0x11);
	vunmap(p);
	vm_unmap_aliases();
	q = vmap(&b, 1, 0, PAGE_KERNEL);
	KTEST_EXPECT_PTR_EQ(test, q, p);
	if (q == p) {
		on_each_cpu(read_probe, &t, true);
		for_each_online_cpu(cpu)
			KTEST_EXPECT_EQ(test, t.seen[cpu], 0x22);
	}
	vunmap(q);
out:
	KTEST_EXPECT_TRUE(test, a && b);
	if (a)
		__free_page(a);
	if (b)
		__free_page(b);
}

/* ---- edges, reservations, failures -------------------------------------------------- */

static void oversized_requests_fail_with_a_report(struct ktest *test)
{
	unsigned long too_much = (totalram_pages() + 1) << PAGE_SHIFT;

	warn_alloc_ratelimit_reset();
	KTEST_EXPECT_NULL(test, vmalloc(too_much));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "exceeds total pages"));
	KTEST_EXPECT_NULL(test, __vmalloc(too_much, GFP_KERNEL | __GFP_NOWARN));
	KTEST_EXPECT_NULL(test, vmalloc(ULONG_MAX));
	KTEST_EXPECT_TRUE(test, vmap_area_check());
}

static void is_vmalloc_addr_knows_the_range_edges(struct ktest *test)
{
	KTEST_EXPECT_TRUE(test, is_vmalloc_addr((void *)VMALLOC_START));
	KTEST_EXPECT_TRUE(test, is_vmalloc_addr((void *)(VMALLOC_END - 1)));
	KTEST_EXPECT_FALSE(test, is_vmalloc_addr((void *)VMALLOC_END));
	KTEST_EXPECT_FALSE(test, is_vmalloc_addr((void *)(VMALLOC_START - 1)));
	KTEST_EXPECT_FALSE(test, is_vmalloc_addr(NULL));
	KTEST_EXPECT_FALSE(test, is_vmalloc_addr(page_address(virt_to_page(&image_object))));
	KTEST_EXPECT_FALSE(test, is_vmalloc_addr((void *)is_vmalloc_addr_knows_the_range_edges));
	KTEST_EXPECT_NULL(test, find_vm_area((void *)(VMALLOC_END - PAGE_SIZE)));
}

/* get_vm_area_caller() reserves addresses only; the caller maps them (ioremap). */
static void a_reserved_area_has_no_pages_until_removed(struct ktest *test)
{
	char cmd[] = "vmallocinfo";
	struct vm_struct *vm = get_vm_area_caller(5 * PAGE_SIZE, VM_IOREMAP,
						  a_reserved_area_has_no_pages_until_removed);

	KTEST_ASSERT_NOT_NULL(test, vm);
	KTEST_EXPECT_TRUE(test, is_vmalloc_addr(vm->addr));
	KTEST_EXPECT_EQ(test, vm->size, 6 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, vm->nr_pages, 0u);
	KTEST_EXPECT_PTR_EQ(test, find_vm_area((char *)vm->addr + 4 * PAGE_SIZE), vm);
	KTEST_EXPECT_NULL(test, vmalloc_to_page(vm->addr));
	KTEST_EXPECT_EQ(test, shell_exec(cmd), 0);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
			"   24576 a_reserved_area_has_no_pages_until_removed+0x0/"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, " ioremap"));
	/* Only the start of an area removes it, once. */
	KTEST_EXPECT_NULL(test, remove_vm_area((char *)vm->addr + PAGE_SIZE));
	KTEST_EXPECT_PTR_EQ(test, remove_vm_area(vm->addr), vm);
	KTEST_EXPECT_NULL(test, remove_vm_area(vm->addr));
	KTEST_EXPECT_NULL(test, find_vm_area(vm->addr));
	kfree(vm);
}

/* With every page allocation failing, vmalloc() fails and keeps nothing. */
static void page_allocation_failure_leaves_nothing_behind(struct ktest *test)
{
	struct fail_page_alloc_attr saved = fail_page_alloc;
	unsigned long used = vmalloc_nr_pages();
	void *p;

	vm_unmap_aliases();
	warn_alloc_ratelimit_reset();
	fail_pages_always(0, 0);
	p = vmalloc(16 * PAGE_SIZE);
	fail_page_alloc_enabled = false;
	fail_page_alloc = saved;
	KTEST_EXPECT_NULL(test, p);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "vmalloc error: size 65536, failed to allocate pages"));
	KTEST_EXPECT_EQ(test, vmalloc_nr_pages(), used);
	vm_unmap_aliases();
	KTEST_EXPECT_TRUE(test, vmap_area_check());
}

/* No 2 MiB pages to be had: the huge request is served with 4 KiB ones and a guard. */
static void vmalloc_huge_falls_back_to_small_pages(struct ktest *test)
{
	struct fail_page_alloc_attr saved = fail_page_alloc;
	unsigned long size = 4UL << 20;
	struct vm_struct *vm;
	u8 *p;

	fail_pages_always(0, PMD_SHIFT - PAGE_SHIFT);
	p = vmalloc_huge(size, GFP_KERNEL);
	fail_page_alloc_enabled = false;
	fail_page_alloc = saved;
	KTEST_ASSERT_NOT_NULL(test, p);
	vm = find_vm_area(p);
	KTEST_ASSERT_NOT_NULL(test, vm);
	KTEST_EXPECT_EQ(test, vm->page_order, 0u);
	KTEST_EXPECT_EQ(test, vm->size, size + PAGE_SIZE);
	KTEST_EXPECT_FALSE(test, vm->flags & VM_NO_GUARD);
	memset(p, 0x3b, size);
	KTEST_EXPECT_TRUE(test, all_bytes(p, 0x3b, size));
	vfree(p);
}

/* A 2 MiB mapping where 4 KiB areas were: their empty page table goes. */
static void a_huge_mapping_replaces_an_empty_page_table(struct ktest *test)
{
	const unsigned long start = VMALLOC_START + (5UL << 30), end = start + (8UL << 20);
	unsigned long before;
	u8 *small, *huge;

	vm_unmap_aliases();
	small = __vmalloc_node_range(PAGE_SIZE, PAGE_SIZE, start, end, GFP_KERNEL, PAGE_KERNEL,
				     0, NUMA_NO_NODE, __builtin_return_address(0));
	KTEST_ASSERT_PTR_EQ(test, (void *)small, (void *)start);
	vfree(small);
	before = free_pages_settled();
	huge = __vmalloc_node_range(PMD_SIZE, PAGE_SIZE, start, end, GFP_KERNEL, PAGE_KERNEL,
				    VM_ALLOW_HUGE_VMAP, NUMA_NO_NODE, __builtin_return_address(0));
	KTEST_ASSERT_NOT_NULL(test, huge);
	if (!find_vm_area(huge)->page_order) {
		vfree(huge);
		KTEST_SKIP(test, "no free 2 MiB page: fell back to 4 KiB");
	}
	KTEST_EXPECT_PTR_EQ(test, (void *)huge, (void *)start);
	memset(huge, 0x6d, PMD_SIZE);
	KTEST_EXPECT_TRUE(test, all_bytes(huge, 0x6d, PMD_SIZE));
	KTEST_EXPECT_EQ(test, vmalloc_to_pfn(huge + PMD_SIZE - 1),
			vmalloc_to_pfn(huge) + PTRS_PER_PTE - 1);
	vfree(huge);
	/* The 2 MiB page and the old page table are both back. */
	KTEST_EXPECT_EQ(test, free_pages_settled(), before + 1);
}

/* Linux's full_fit_alloc_test: a request exactly the size of a hole fills it. */
static void a_request_the_size_of_a_hole_fills_it(struct ktest *test)
{
	const unsigned long start = VMALLOC_START + (4UL << 30), end = start + (1UL << 20);
	void *areas[8];
	unsigned int i;

	vm_unmap_aliases();
	for (i = 0; i < ARRAY_SIZE(areas); i++) {
		areas[i] = __vmalloc_node_range(3 * PAGE_SIZE, PAGE_SIZE, start, end, GFP_KERNEL,
						PAGE_KERNEL, 0, NUMA_NO_NODE,
						__builtin_return_address(0));
		KTEST_ASSERT_NOT_NULL(test, areas[i]);
		KTEST_EXPECT_EQ(test, (unsigned long)areas[i], start + i * 4 * PAGE_SIZE);
	}
	vfree(areas[2]);
	vfree(areas[5]);
	vm_unmap_aliases();
	KTEST_EXPECT_TRUE(test, vmap_area_check());
	for (i = 2; i <= 5; i += 3) {
		void *p = __vmalloc_node_range(3 * PAGE_SIZE, PAGE_SIZE, start, end, GFP_KERNEL,
					       PAGE_KERNEL, 0, NUMA_NO_NODE,
					       __builtin_return_address(0));

		KTEST_EXPECT_PTR_EQ(test, p, areas[i]);
		areas[i] = p;
	}
	for (i = 0; i < ARRAY_SIZE(areas); i++)
		vfree(areas[i]);
	vm_unmap_aliases();
	KTEST_EXPECT_TRUE(test, vmap_area_check());
}

/* Linux's align_shift_alloc_test: every alignment up to 1 GiB, over the whole range. */
static void every_alignment_up_to_a_gigabyte(struct ktest *test)
{
	unsigned int shift;

	for (shift = PAGE_SHIFT; shift <= 30; shift++) {
		unsigned long align = 1UL << shift;
		void *p = __vmalloc_node_range(PAGE_SIZE, align, VMALLOC_START, VMALLOC_END,
					       GFP_KERNEL, PAGE_KERNEL, 0, NUMA_NO_NODE,
					       __builtin_return_address(0));

		KTEST_ASSERT_NOT_NULL(test, p);
		KTEST_EXPECT_EQ(test, (unsigned long)p & (align - 1), 0UL);
		vfree(p);
	}
	vm_unmap_aliases();
	KTEST_EXPECT_TRUE(test, vmap_area_check());
}

/*
 * Linux's long_busy_list_alloc_test: with thousands of busy areas, areas
 * still come and go at the right addresses, each its own.
 */
static void a_long_busy_list(struct ktest *test)
{
	const unsigned int n = 3000;
	void **areas = vmalloc(n * sizeof(*areas));
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(test, areas);
	for (i = 0; i < n; i++) {
		areas[i] = vmalloc(PAGE_SIZE);
		KTEST_ASSERT_NOT_NULL(test, areas[i]);
	}
	for (i = 0; i < 200; i++) {
		u8 *p = vmalloc(3 * PAGE_SIZE);

		KTEST_ASSERT_NOT_NULL(test, p);
		KTEST_EXPECT_PTR_EQ(test, find_vm_area(p + 2 * PAGE_SIZE)->addr, (void *)p);
		memset(p, 0x41, 3 * PAGE_SIZE);
		vfree(p);
	}
	for (i = 0; i < n; i++)
		vfree(areas[i]);
	vfree(areas);
	vm_unmap_aliases();
	KTEST_EXPECT_TRUE(test, vmap_area_check());
}

/*
 * The whole vmalloc range, reserved in 1 TiB areas (no pages), runs out
 * cleanly: the next reservation fails with Linux's report, a small
 * vmalloc() fails too, and all of it is usable again once given back.
 */
static void running_out_of_the_whole_range_fails_cleanly_and_recovers(struct ktest *test)
{
	const unsigned long chunk = 1UL << 40;
	struct vm_struct *vm[32];
	unsigned int n = 0, i;
	void *p;

	vm_unmap_aliases();
	while (n < ARRAY_SIZE(vm)) {
		vm[n] = get_vm_area_caller(chunk - PAGE_SIZE, VM_IOREMAP,
					   __builtin_return_address(0));
		if (!vm[n])
			break;
		n++;
	}
	/* 32 TiB less what is in use: 31 of them. */
	KTEST_EXPECT_EQ(test, n, (unsigned int)((VMALLOC_END - VMALLOC_START) / chunk) - 1);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "vmap allocation for size 1099511627776 failed"));
	/* What is left is below 1 TiB, in pieces; the largest still serves a page. */
	KTEST_EXPECT_LT(test, vmalloc_largest_free(), chunk);
	p = vmalloc(PAGE_SIZE);
	KTEST_EXPECT_NOT_NULL(test, p);
	vfree(p);
	for (i = 0; i < n; i++)
		kfree(remove_vm_area(vm[i]->addr));
	vm_unmap_aliases();
	KTEST_EXPECT_TRUE(test, vmap_area_check());
	KTEST_EXPECT_GE(test, vmalloc_largest_free(), (VMALLOC_END - VMALLOC_START) / 2);
	vm[0] = get_vm_area_caller(chunk - PAGE_SIZE, VM_IOREMAP, __builtin_return_address(0));
	KTEST_EXPECT_NOT_NULL(test, vm[0]);
	if (vm[0])
		kfree(remove_vm_area(vm[0]->addr));
}

/* Freeing more than lazy_max_pages() of areas purges without being asked. */
static void lazy_frees_purge_themselves_past_the_limit(struct ktest *test)
{
	unsigned long size = (fls(num_online_cpus()) * (32UL << 20)) + (1UL << 20);
	struct vm_struct *big, *again;
	void *addr;

	vm_unmap_aliases();
	big = get_vm_area_caller(size, VM_IOREMAP, __builtin_return_address(0));
	KTEST_ASSERT_NOT_NULL(test, big);
	addr = big->addr;
	kfree(remove_vm_area(addr));
	/* No vm_unmap_aliases(): the lowest address is free again already. */
	again = get_vm_area_caller(size, VM_IOREMAP, __builtin_return_address(0));
	KTEST_ASSERT_NOT_NULL(test, again);
	KTEST_EXPECT_PTR_EQ(test, again->addr, addr);
	kfree(remove_vm_area(again->addr));
	KTEST_EXPECT_TRUE(test, vmap_area_check());
}

/* ---- huge mappings -------------------------------------------------------------- */

static void vmalloc_huge_maps_2m_pages_when_it_can(struct ktest *test)
{
	unsigned long size = 4UL << 20, i;
	u8 *p = vmalloc_huge(size, GFP_KERNEL);
	struct vm_struct *vm;

	KTEST_ASSERT_NOT_NULL(test, p);
	vm = find_vm_area(p);
	KTEST_ASSERT_NOT_NULL(test, vm);
	if (!vm->page_order)
		KTEST_SKIP(test, "no free 2 MiB pages: fell back to 4 KiB");
	KTEST_EXPECT_EQ(test, (unsigned long)p % PMD_SIZE, 0UL);
	KTEST_EXPECT_EQ(test, vm->nr_pages, (unsigned int)(size >> PAGE_SHIFT));
	for (i = 0; i < size; i += PAGE_SIZE)
		KTEST_EXPECT_EQ(test, vmalloc_to_pfn(p + i),
				vmalloc_to_pfn(p + (i & PMD_MASK)) + ((i & ~PMD_MASK) >> PAGE_SHIFT));
	memset(p, 0x5c, size);
	KTEST_EXPECT_TRUE(test, all_bytes(p, 0x5c, size));
	vfree(p);
}

/* ---- kvmalloc -------------------------------------------------------------------- */

static void kvmalloc_uses_the_slab_when_it_can_and_vmalloc_otherwise(struct ktest *test)
{
	void *small = kvmalloc(100, GFP_KERNEL), *big, *atomic;
	size_t n = (size_t)1 << 40;

	KTEST_ASSERT_NOT_NULL(test, small);
	KTEST_EXPECT_FALSE(test, is_vmalloc_addr(small));
	kvfree(small);
	big = kvzalloc(16 << 20, GFP_KERNEL);		/* past the largest kmalloc() */
	KTEST_ASSERT_NOT_NULL(test, big);
	KTEST_EXPECT_TRUE(test, is_vmalloc_addr(big));
	KTEST_EXPECT_TRUE(test, all_bytes(big, 0, 16 << 20));
	kvfree(big);
	/* Without GFP_KERNEL it may not sleep: only the slab is tried. */
	atomic = kvmalloc(16 << 20, GFP_ATOMIC | __GFP_NOWARN);
	KTEST_EXPECT_NULL(test, atomic);
	KTEST_EXPECT_NULL(test, kvmalloc_array(n, n, GFP_KERNEL));
	kvfree(NULL);
}

static void kvcalloc_zeroes_and_kvrealloc_keeps_the_contents(struct ktest *test)
{
	u8 *p = kvcalloc(1024, 8192, GFP_KERNEL), *q;

	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_TRUE(test, all_bytes(p, 0, 8 << 20));
	memset(p, 0x6e, 100);
	q = kvrealloc(p, 8 << 20, 10 << 20, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, q);
	KTEST_EXPECT_TRUE(test, all_bytes(q, 0x6e, 100));
	KTEST_EXPECT_PTR_EQ(test, kvrealloc(q, 10 << 20, 4096, GFP_KERNEL), (void *)q);
	kvfree(q);
}

/* ---- stress ------------------------------------------------------------------------ */

struct stress {
	unsigned long bad, fails;
	unsigned int seed;
	struct completion done;
};

static unsigned int next_rand(unsigned int *s)
{
	*s = *s * 1103515245 + 12345;
	return *s >> 8;
}

/* Random sizes and alignments, a window of live areas, every byte checked. */
static int stress_fn(void *arg)
{
	struct stress *st = arg;
	struct { u8 *p; unsigned long size; } live[24] = { { NULL, 0 } };
	u8 tag = (u8)(smp_processor_id() + 0x31);
	unsigned int round, i;

	for (round = 0; round < 400; round++) {
		i = next_rand(&st->seed) % ARRAY_SIZE(live);
		if (live[i].p) {
			if (!all_bytes(live[i].p, tag, live[i].size))
				st->bad++;
			vfree(live[i].p);
			live[i].p = NULL;
		}
		live[i].size = 1 + next_rand(&st->seed) % (16 * PAGE_SIZE);
		live[i].p = __vmalloc_node_range(live[i].size,
						 PAGE_SIZE << (next_rand(&st->seed) % 4),
						 VMALLOC_START, VMALLOC_END, GFP_KERNEL,
						 PAGE_KERNEL, 0, NUMA_NO_NODE,
						 __builtin_return_address(0));
		if (!live[i].p) {
			st->fails++;
			continue;
		}
		memset(live[i].p, tag, live[i].size);
	}
	for (i = 0; i < ARRAY_SIZE(live); i++)
		if (live[i].p) {
			if (!all_bytes(live[i].p, tag, live[i].size))
				st->bad++;
			vfree(live[i].p);
		}
	complete(&st->done);
	return 0;
}

static void stress_on_every_cpu_checks_every_byte(struct ktest *test)
{
	static struct stress st[NR_CPUS];
	static struct task_struct *k[NR_CPUS];
	unsigned long before = free_pages_settled(), used = vmalloc_nr_pages();
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		st[cpu] = (struct stress){ .seed = 7919 * (cpu + 1) };
		init_completion(&st[cpu].done);
		k[cpu] = kthread_create(stress_fn, &st[cpu], "vmstress/%u", cpu);
		KTEST_ASSERT_NOT_NULL(test, k[cpu]);
		kthread_bind(k[cpu], cpu);
		wake_up_process(k[cpu]);
	}
	for_each_online_cpu(cpu) {
		wait_for_completion(&st[cpu].done);
		kthread_stop(k[cpu]);
		KTEST_EXPECT_EQ(test, st[cpu].bad, 0UL);
		KTEST_EXPECT_EQ(test, st[cpu].fails, 0UL);
	}
	/*
	 * Every page back but what the lazy frees left: until the purge, the
	 * 400 areas of each CPU (at most 24 pages with their alignment) march
	 * through fresh addresses, which need page tables (kept; one per 512
	 * pages) and vmap_area descriptors (slab pages, 64 a page or more).
	 */
	KTEST_EXPECT_EQ(test, vmalloc_nr_pages(), used);
	KTEST_EXPECT_TRUE(test, vmap_area_check());
	KTEST_EXPECT_LE(test, before - free_pages_settled(),
			num_online_cpus() * (400UL * 24 / 512 + 400 / 64 + 4));
}

static void meminfo_and_vmallocinfo_show_the_areas(struct ktest *test)
{
	char meminfo[] = "meminfo", info[] = "vmallocinfo", used[48], chunk[48];
	void *p = vmalloc(3 * PAGE_SIZE);

	KTEST_ASSERT_NOT_NULL(test, p);
	/* Nothing else allocates meanwhile: the values the lines must show. */
	snprintf(used, sizeof(used), "VmallocUsed:    %8lu kB", vmalloc_nr_pages() << 2);
	snprintf(chunk, sizeof(chunk), "VmallocChunk:   %8lu kB", vmalloc_largest_free() >> 10);
	KTEST_EXPECT_EQ(test, shell_exec(meminfo), 0);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "VmallocTotal:   34359738368 kB"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, used));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, chunk));
	KTEST_EXPECT_EQ(test, shell_exec(info), 0);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
			" meminfo_and_vmallocinfo_show_the_areas+"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "pages=3 vmalloc N0=3"));
	vfree(p);
}

static struct ktest_case vmalloc_cases[] = {
	KTEST_CASE(vmalloc_gives_page_aligned_areas_in_the_vmalloc_range),
	KTEST_CASE(each_page_of_an_area_is_its_own_and_aliases_the_direct_map),
	KTEST_CASE(vzalloc_and_vmalloc_user_give_zeroed_memory),
	KTEST_CASE(vmalloc_32_pages_lie_below_4g),
	KTEST_CASE(vmap_maps_the_callers_pages_in_order_and_leaves_them),
	KTEST_CASE(a_write_one_byte_past_an_area_hits_the_guard_page),
	KTEST_CASE(areas_without_guard_are_adjacent),
	KTEST_CASE(alignment_and_range_are_honoured),
	KTEST_CASE(exhausting_a_range_fails_cleanly_and_recovers),
	KTEST_CASE(freed_areas_wait_for_the_purge_then_are_reused),
	KTEST_CASE(vfree_gives_every_page_back),
	KTEST_CASE(vfree_or_vunmap_of_a_bad_address_warns_and_frees_nothing),
	KTEST_CASE(vfree_from_an_interrupt_is_deferred),
	KTEST_CASE(a_reused_address_reads_the_new_page_on_every_cpu),
	KTEST_CASE(vmalloc_huge_maps_2m_pages_when_it_can),
	KTEST_CASE(kvmalloc_uses_the_slab_when_it_can_and_vmalloc_otherwise),
	KTEST_CASE(kvcalloc_zeroes_and_kvrealloc_keeps_the_contents),
	KTEST_CASE(stress_on_every_cpu_checks_every_byte),
	KTEST_CASE(meminfo_and_vmallocinfo_show_the_areas),
	KTEST_CASE(oversized_requests_fail_with_a_report),
	KTEST_CASE(is_vmalloc_addr_knows_the_range_edges),
	KTEST_CASE(a_reserved_area_has_no_pages_until_removed),
	KTEST_CASE(page_allocation_failure_leaves_nothing_behind),
	KTEST_CASE(vmalloc_huge_falls_back_to_small_pages),
	KTEST_CASE(a_huge_mapping_replaces_an_empty_page_table),
	KTEST_CASE(a_request_the_size_of_a_hole_fills_it),
	KTEST_CASE(every_alignment_up_to_a_gigabyte),
	KTEST_CASE(a_long_busy_list),
	KTEST_CASE(lazy_frees_purge_themselves_past_the_limit),
	KTEST_CASE(running_out_of_the_whole_range_fails_cleanly_and_recovers),
	{}
};

static struct ktest_suite vmalloc_suite = {
	.name = "vmalloc",
	.init = ktest_pause_fault_injection,
	.exit = ktest_resume_fault_injection,
	.test_cases = vmalloc_cases,
};
ktest_register_suite(vmalloc_suite);

/* ---- benchmarks (Documentation/benchmarks.md) ----------------------------------------- */

static void bench_vmalloc_pair(unsigned long size, unsigned int n, const char *name)
{
	unsigned int i;
	u64 t0;

	t0 = bench_now();
	for (i = 0; i < n; i++) {
		void *p = vmalloc(size);

		bench_hide(p);
		vfree(p);
	}
	bench_report(name, bench_now() - t0, n);
}

static void bench_vmalloc(void)
{
	bench_vmalloc_pair(4096, 20000, "vmalloc_pair_4K");
	bench_vmalloc_pair(65536, 5000, "vmalloc_pair_64K");
	bench_vmalloc_pair(1 << 20, 500, "vmalloc_pair_1024K");
}
BENCH(vmalloc, bench_vmalloc);
