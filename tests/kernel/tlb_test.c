// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of address-space switches and user TLB flushes with ASIDs
 * (arch/x86_64/tlb.c): whether PCID is on as CPUID and nopcid say, that a
 * switch back to an unchanged mm keeps its ASID without a flush (with
 * PCID; without, every switch flushes), that a pte changed while the mm
 * was not loaded is not seen stale after the switch back, and that a
 * shootdown of the loaded mm flushes the page and brings the CPU's ASID
 * up to the mm's generation.
 *
 * Each case builds a small mm: one VM_PFNMAP VMA with a special,
 * kernel-only pte (no _PAGE_USER, so the kernel reads it without SMAP
 * games; not global, so it is tagged with the mm's ASID) mapping one of
 * two pages that hold different magic numbers. The case's own kernel
 * thread switches to the mm and back with switch_mm_irqs_off() under
 * disabled preemption, interrupts off around each switch, and reads the
 * address while the mm is loaded. Flushes are counted with this CPU's
 * nr_tlb_local_flush_all / _one events. QEMU's TCG has no PCID (it drops
 * the feature with a warning) and flushes its TLB on every CR3 load, so
 * there the stale-translation reads cannot fail; the generation and flush
 * counts they come with are what fails when a flush is missing.
 */
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/sched/mm.h>
#include <linux/sched.h>
#include <linux/preempt.h>
#include <linux/vmstat.h>
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>
#include <asm/mmu_context.h>

#define TT_ADDR		0x40000000UL
#define MAGIC_A		0xa5a5a5a5a5a5a5a5UL
#define MAGIC_B		0x5b5b5b5b5b5b5b5bUL
#define CPUID_1_ECX_PCID	(1U << 17)

struct tt_mm {
	struct mm_struct *mm;
	pte_t *ptep;
	struct page *page[2];	/* holding MAGIC_A, MAGIC_B */
};

static unsigned long flushes_all(void)
{
	return this_cpu_read(vm_event_states.event[NR_TLB_LOCAL_FLUSH_ALL]);
}

static unsigned long flushes_one(void)
{
	return this_cpu_read(vm_event_states.event[NR_TLB_LOCAL_FLUSH_ONE]);
}

static struct tlb_context *tt_ctx(void)
{
	struct tlb_state *ts = this_cpu_ptr(&cpu_tlbstate);

	return &ts->ctxs[ts->loaded_mm_asid];
}

/* Point the pte at page[@which] (kernel-only, special: no rmap, no rss). */
static void tt_set(struct tt_mm *t, unsigned int which)
{
	pte_t pte = pfn_pte(page_to_pfn(t->page[which]),
			    __pgprot(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY |
				     _PAGE_NX));

	set_pte(t->ptep, pte_mkspecial(pte));
}

static void tt_load(struct mm_struct *mm)
{
	unsigned long flags;

	local_irq_save(flags);
	switch_mm_irqs_off(this_cpu_ptr(&cpu_tlbstate)->loaded_mm, mm, current);
	local_irq_restore(flags);
}

static unsigned long tt_read(void)
{
	return *(volatile unsigned long *)TT_ADDR;
}

static void tt_free(struct tt_mm *t)
{
	if (t->mm)
		mmput(t->mm);
	if (t->page[0])
		__free_page(t->page[0]);
	if (t->page[1])
		__free_page(t->page[1]);
	memset(t, 0, sizeof(*t));
}

static int tt_test_init(struct ktest *test)
{
	test->priv = NULL;
	return 0;
}

static void tt_test_exit(struct ktest *test)
{
	if (test->priv)
		tt_free(test->priv);
}

/* Allocation failed: a skip under fault injection, else a failure. */
static void tt_alloc_failed(struct ktest *test)
{
	if (fault_injection_active())
		KTEST_SKIP(test, "allocation failed under fault injection");
	KTEST_FAIL(test, "allocation failed");
	ktest_abort(test);
}

/* The running case's mm (cases run one at a time), freed by ->exit. */
static struct tt_mm tt_case_mm;

/* The case's mm with its VMA, tables and pte (mapping MAGIC_A). */
static struct tt_mm *tt_mm_build(struct ktest *test)
{
	struct tt_mm *t = &tt_case_mm;
	struct vm_area_struct *vma;
	pmd_t *pmd = NULL;
	pud_t *pud = NULL;
	p4d_t *p4d;
	int err = -ENOMEM;

	KTEST_ASSERT_NULL(test, current->mm);
	memset(t, 0, sizeof(*t));
	test->priv = t;
	t->page[0] = alloc_page(GFP_KERNEL);
	t->page[1] = alloc_page(GFP_KERNEL);
	t->mm = mm_alloc();
	if (!t->page[0] || !t->page[1] || !t->mm)
		tt_alloc_failed(test);
	*(unsigned long *)page_address(t->page[0]) = MAGIC_A;
	*(unsigned long *)page_address(t->page[1]) = MAGIC_B;
	t->mm->task_size = TASK_SIZE;
	vma = vm_area_alloc(t->mm);
	if (!vma)
		tt_alloc_failed(test);
	vma->vm_start = TT_ADDR;
	vma->vm_end = TT_ADDR + PAGE_SIZE;
	vma->vm_flags = VM_READ | VM_MAYREAD | VM_PFNMAP | VM_IO;
	vma->vm_page_prot = __pgprot(_PAGE_PRESENT | _PAGE_NX);
	vma->vm_pgoff = TT_ADDR >> PAGE_SHIFT;
	mmap_write_lock(t->mm);
	err = insert_vm_struct(t->mm, vma);
	if (!err) {
		p4d = p4d_alloc(t->mm, pgd_offset(t->mm, TT_ADDR), TT_ADDR);
		pud = p4d ? pud_alloc(t->mm, p4d, TT_ADDR) : NULL;
		pmd = pud ? pmd_alloc(t->mm, pud, TT_ADDR) : NULL;
		err = !pmd || pte_alloc(t->mm, pmd) ? -ENOMEM : 0;
	}
	mmap_write_unlock(t->mm);
	if (err == -ENOMEM && !pmd)
		tt_alloc_failed(test);
	if (err) {
		vm_area_free(vma);
		tt_alloc_failed(test);
	}
	t->ptep = pte_offset_kernel(pmd, TT_ADDR);
	tt_set(t, 0);
	return t;
}

static void pcid_follows_cpuid_and_nopcid(struct ktest *test)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	KTEST_EXPECT_EQ(test, !!(read_cr4() & X86_CR4_PCIDE), tlb_pcid_enabled);
	if (tlb_pcid_enabled)
		KTEST_EXPECT_TRUE(test, c & CPUID_1_ECX_PCID);
	ktest_info(test, "CPUID PCID %s, PCID %s", c & CPUID_1_ECX_PCID ? "yes" : "no",
		   tlb_pcid_enabled ? "on" : "off");
	/* CR3's PCID is the loaded ASID's + 1, 0 without PCID */
	KTEST_EXPECT_EQ(test, read_cr3() & X86_CR3_PCID_MASK,
			tlb_pcid_enabled ? this_cpu_ptr(&cpu_tlbstate)->loaded_mm_asid + 1UL : 0UL);
}

static void switch_back_to_an_unchanged_mm_keeps_its_asid(struct ktest *test)
{
	struct tt_mm *t = tt_mm_build(test);
	unsigned long read, flushed;
	struct mm_struct *home;
	u16 asid, asid2;

	preempt_disable();
	home = this_cpu_ptr(&cpu_tlbstate)->loaded_mm;
	tt_load(t->mm);
	asid = this_cpu_ptr(&cpu_tlbstate)->loaded_mm_asid;
	tt_read();
	tt_load(home);
	flushed = flushes_all();
	tt_load(t->mm);
	flushed = flushes_all() - flushed;
	asid2 = this_cpu_ptr(&cpu_tlbstate)->loaded_mm_asid;
	read = tt_read();
	tt_load(home);
	preempt_enable();
	KTEST_EXPECT_EQ(test, read, MAGIC_A);
	KTEST_EXPECT_EQ(test, asid2, asid);
	/* with PCID the translations stayed; without, the CR3 load dropped them */
	KTEST_EXPECT_EQ(test, flushed, tlb_pcid_enabled ? 0UL : 1UL);
}

static void a_pte_changed_while_away_is_not_seen_stale(struct ktest *test)
{
	struct mm_struct *home;
	unsigned long read, flushed_all, flushed_one;
	u64 ctx_gen, mm_gen, gen_at_change;
	struct tt_mm *t = tt_mm_build(test);

	preempt_disable();
	home = this_cpu_ptr(&cpu_tlbstate)->loaded_mm;
	tt_load(t->mm);
	tt_read();			/* the translation of page A is cached */
	tt_load(home);
	tt_set(t, 1);
	flushed_one = flushes_one();
	flush_tlb_mm_range(t->mm, TT_ADDR, TT_ADDR + PAGE_SIZE, PAGE_SHIFT, false);
	flushed_one = flushes_one() - flushed_one;
	gen_at_change = atomic_long_read(&t->mm->context.tlb_gen);
	flushed_all = flushes_all();
	tt_load(t->mm);
	flushed_all = flushes_all() - flushed_all;
	read = tt_read();
	ctx_gen = tt_ctx()->tlb_gen;
	mm_gen = atomic_long_read(&t->mm->context.tlb_gen);
	tt_load(home);
	preempt_enable();
	KTEST_EXPECT_EQ(test, read, MAGIC_B);
	KTEST_EXPECT_EQ(test, ctx_gen, mm_gen);
	KTEST_EXPECT_EQ(test, mm_gen, gen_at_change);
	/* the page went at once (INVPCID) or the ASID at the switch back */
	KTEST_EXPECT_EQ(test, flushed_one + flushed_all, 1UL);
}

static void a_flush_of_the_loaded_mm_brings_its_asid_up_to_date(struct ktest *test)
{
	unsigned long read_a, read_b, read_a2, one, all;
	u64 gen1, mm_gen1, gen2, mm_gen2;
	struct mm_struct *home;
	struct tt_mm *t = tt_mm_build(test);

	preempt_disable();
	home = this_cpu_ptr(&cpu_tlbstate)->loaded_mm;
	tt_load(t->mm);
	read_a = tt_read();
	tt_set(t, 1);
	one = flushes_one();
	flush_tlb_mm_range(t->mm, TT_ADDR, TT_ADDR + PAGE_SIZE, PAGE_SHIFT, false);
	one = flushes_one() - one;
	read_b = tt_read();
	gen1 = tt_ctx()->tlb_gen;
	mm_gen1 = atomic_long_read(&t->mm->context.tlb_gen);
	tt_set(t, 0);
	all = flushes_all();
	flush_tlb_mm(t->mm);		/* everything: the whole ASID */
	all = flushes_all() - all;
	read_a2 = tt_read();
	gen2 = tt_ctx()->tlb_gen;
	mm_gen2 = atomic_long_read(&t->mm->context.tlb_gen);
	tt_load(home);
	preempt_enable();
	KTEST_EXPECT_EQ(test, read_a, MAGIC_A);
	KTEST_EXPECT_EQ(test, read_b, MAGIC_B);
	KTEST_EXPECT_EQ(test, read_a2, MAGIC_A);
	KTEST_EXPECT_EQ(test, one, 1UL);
	KTEST_EXPECT_EQ(test, all, 1UL);
	KTEST_EXPECT_EQ(test, gen1, mm_gen1);
	KTEST_EXPECT_EQ(test, gen2, mm_gen2);
	KTEST_EXPECT_EQ(test, mm_gen2, mm_gen1 + 1);
}

static struct ktest_case tlb_cases[] = {
	KTEST_CASE(pcid_follows_cpuid_and_nopcid),
	KTEST_CASE(switch_back_to_an_unchanged_mm_keeps_its_asid),
	KTEST_CASE(a_pte_changed_while_away_is_not_seen_stale),
	KTEST_CASE(a_flush_of_the_loaded_mm_brings_its_asid_up_to_date),
	{}
};

static struct ktest_suite tlb_suite = {
	.name = "tlb",
	.init = tt_test_init,
	.exit = tt_test_exit,
	.test_cases = tlb_cases,
};
ktest_register_suite(tlb_suite);
