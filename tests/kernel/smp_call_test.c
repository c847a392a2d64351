// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of work across CPUs (kernel/smp.c, arch/x86_64/tlb.c): calls reach
 * the CPU they name, once; spinlocks exclude between CPUs; per-CPU data
 * stays per CPU; a TLB shootdown reaches every CPU; the page allocator
 * survives a torture run on all CPUs at once and ends at its baseline.
 * On one CPU the cross-CPU cases still run, against the local path.
 */
#include <linux/ktest.h>
#include <linux/fault-inject.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/percpu.h>
#include <linux/spinlock.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/errno.h>
#include <asm/fixmap.h>
#include <asm/tlbflush.h>
#include <asm/traps.h>
#include "../../mm/internal.h"

static unsigned int ran_on[NR_CPUS];
static DEFINE_PER_CPU(unsigned long, smp_test_counter);

static void record_cpu(void *info)
{
	unsigned int *slot = info;

	*slot = smp_processor_id() + 1;
}

static void call_single_runs_on_the_target_cpu(struct ktest *test)
{
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		ran_on[cpu] = 0;
		KTEST_EXPECT_EQ(test, smp_call_function_single(cpu, record_cpu, &ran_on[cpu], true), 0);
		KTEST_EXPECT_EQ(test, ran_on[cpu], cpu + 1);
	}
}

static void call_to_an_offline_cpu_fails(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, smp_call_function_single(nr_cpu_ids, record_cpu, &ran_on[0], true),
			-ENXIO);
}

static void count_call(void *info)
{
	this_cpu_inc(smp_test_counter);
}

static void on_each_cpu_runs_once_everywhere(struct ktest *test)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		per_cpu(smp_test_counter, cpu) = 0;
	on_each_cpu(count_call, NULL, true);
	for_each_online_cpu(cpu)
		KTEST_EXPECT_EQ(test, per_cpu(smp_test_counter, cpu), 1UL);
}

static void async_calls_complete(struct ktest *test)
{
	unsigned int cpu, round;

	for_each_online_cpu(cpu)
		per_cpu(smp_test_counter, cpu) = 0;
	for (round = 0; round < 50; round++)
		for_each_online_cpu(cpu)
			smp_call_function_single(cpu, count_call, NULL, false);
	/* A waited call queues behind the others: all have run after it. */
	for_each_online_cpu(cpu)
		smp_call_function_single(cpu, count_call, NULL, true);
	for_each_online_cpu(cpu)
		KTEST_EXPECT_EQ(test, per_cpu(smp_test_counter, cpu), 51UL);
}

/* Run @fn on every online CPU at once, this one included; return when all finished. */
static atomic_t finished;

struct concurrent_work {
	void (*fn)(void *);
	void *arg;
};

static void concurrent_trampoline(void *data)
{
	struct concurrent_work *w = data;

	w->fn(w->arg);
	atomic_inc(&finished);
}

static void run_everywhere_at_once(void (*fn)(void *), void *arg)
{
	struct concurrent_work w = { fn, arg };

	atomic_set(&finished, 0);
	smp_call_function_many(cpu_online_mask, concurrent_trampoline, &w, false);
	concurrent_trampoline(&w);
	while ((unsigned int)atomic_read(&finished) < num_online_cpus())
		cpu_relax();
}

static DEFINE_SPINLOCK(test_lock);
static unsigned long shared_counter;

static void increment_under_lock(void *arg)
{
	unsigned long i, n = (unsigned long)arg;

	for (i = 0; i < n; i++) {
		spin_lock(&test_lock);
		shared_counter = shared_counter + 1;	/* not atomic: the lock is */
		spin_unlock(&test_lock);
	}
}

static void spinlock_excludes_across_cpus(struct ktest *test)
{
	shared_counter = 0;
	run_everywhere_at_once(increment_under_lock, (void *)20000UL);
	KTEST_EXPECT_EQ(test, shared_counter, 20000UL * num_online_cpus());
}

static void bump_own_counter(void *arg)
{
	unsigned long i;

	for (i = 0; i < 10000 + smp_processor_id(); i++)
		this_cpu_inc(smp_test_counter);
}

static void per_cpu_counters_stay_separate(struct ktest *test)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		per_cpu(smp_test_counter, cpu) = 0;
	run_everywhere_at_once(bump_own_counter, NULL);
	for_each_online_cpu(cpu)
		KTEST_EXPECT_EQ(test, per_cpu(smp_test_counter, cpu), 10000UL + cpu);
}

struct tlb_probe {
	volatile unsigned long *va;
	bool faulted[NR_CPUS];
	unsigned long seen[NR_CPUS];
};

static void read_probe(void *data)
{
	struct tlb_probe *p = data;

	p->seen[smp_processor_id()] = *p->va;
}

static void read_word(void *addr)
{
	(void)*(volatile unsigned long *)addr;
}

static void try_read_probe(void *data)
{
	struct tlb_probe *p = data;
	struct exception_info info;

	p->faulted[smp_processor_id()] = catch_exception(read_word, (void *)p->va, &info) &&
					 info.vector == X86_TRAP_PF;
}

/* Map a page, read it everywhere, unmap it here, shoot down: all fault. */
static void tlb_shootdown_reaches_every_cpu(struct ktest *test)
{
	static struct tlb_probe probe;
	struct fault_injection_state paused;
	unsigned long va;
	unsigned int cpu;
	struct page *page;

	/* The page is the test's material, not what it tests. */
	fault_injection_pause(&paused);
	page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	fault_injection_resume(&paused);
	KTEST_ASSERT_NOT_NULL(test, page);
	*(unsigned long *)page_address(page) = 0x5151UL;
	probe.va = early_memremap(page_to_phys(page), sizeof(long));
	KTEST_ASSERT_NOT_NULL(test, (void *)probe.va);
	va = (unsigned long)probe.va & PAGE_MASK;
	on_each_cpu(read_probe, &probe, true);
	for_each_online_cpu(cpu)
		KTEST_EXPECT_EQ(test, probe.seen[cpu], 0x5151UL);
	early_memunmap((void *)probe.va, sizeof(long));	/* flushes this CPU only */
	flush_tlb_kernel_range(va, va + PAGE_SIZE);
	for_each_online_cpu(cpu) {
		smp_call_function_single(cpu, try_read_probe, &probe, true);
		KTEST_EXPECT_TRUE(test, probe.faulted[cpu]);
	}
	__free_page(page);
}

/* Each CPU: random orders and flags, a pattern in every page, checked on free. */
static unsigned int torture_bad[NR_CPUS], torture_served[NR_CPUS];

static void torture_this_cpu(void *arg)
{
	/* Interrupt context (the call's IPI): requests that do not sleep. */
	static const gfp_t gfps[] = { GFP_NOWAIT, GFP_NOWAIT | __GFP_MOVABLE, GFP_ATOMIC,
				      GFP_NOWAIT | __GFP_RECLAIMABLE, GFP_ATOMIC | __GFP_COMP };
	unsigned int cpu = smp_processor_id(), i, j, s;
	struct page *slot[32] = { NULL };
	u8 order[32] = { 0 };
	u64 rnd = 0x9e3779b97f4a7c15ULL * (cpu + 1);

	for (i = 0; i < 3000; i++) {
		rnd ^= rnd << 13;
		rnd ^= rnd >> 7;
		rnd ^= rnd << 17;
		s = rnd % 32;
		if (slot[s]) {
			unsigned long *p = page_address(slot[s]);

			for (j = 0; j < (PAGE_SIZE << order[s]) / sizeof(long); j += 61)
				torture_bad[cpu] += p[j] != (page_to_pfn(slot[s]) ^ j);
			__free_pages(slot[s], order[s]);
			slot[s] = NULL;
			continue;
		}
		order[s] = (rnd >> 8) % 4;
		slot[s] = alloc_pages(gfps[(rnd >> 16) % ARRAY_SIZE(gfps)] | __GFP_NOWARN, order[s]);
		if (slot[s]) {
			unsigned long *p = page_address(slot[s]);

			for (j = 0; j < (PAGE_SIZE << order[s]) / sizeof(long); j++)
				p[j] = page_to_pfn(slot[s]) ^ j;
			torture_served[cpu]++;
		}
	}
	for (s = 0; s < 32; s++)
		if (slot[s])
			__free_pages(slot[s], order[s]);
}

static void page_allocator_torture_on_every_cpu(struct ktest *test)
{
	unsigned long baseline;
	unsigned int cpu;

	drain_all_pages(NULL);
	baseline = nr_free_pages();
	memset(torture_bad, 0, sizeof(torture_bad));
	memset(torture_served, 0, sizeof(torture_served));
	run_everywhere_at_once(torture_this_cpu, NULL);
	for_each_online_cpu(cpu) {
		KTEST_EXPECT_EQ(test, torture_bad[cpu], 0u);
		KTEST_EXPECT_GT(test, torture_served[cpu], 0u);
	}
	drain_all_pages(NULL);
	KTEST_EXPECT_EQ(test, nr_free_pages(), baseline);
	KTEST_EXPECT_TRUE(test, free_area_check());
}

static struct ktest_case smp_call_cases[] = {
	KTEST_CASE(call_single_runs_on_the_target_cpu),
	KTEST_CASE(call_to_an_offline_cpu_fails),
	KTEST_CASE(on_each_cpu_runs_once_everywhere),
	KTEST_CASE(async_calls_complete),
	KTEST_CASE(spinlock_excludes_across_cpus),
	KTEST_CASE(per_cpu_counters_stay_separate),
	KTEST_CASE(tlb_shootdown_reaches_every_cpu),
	KTEST_CASE(page_allocator_torture_on_every_cpu),
	{}
};

static struct ktest_suite smp_call_suite = {
	.name = "smp_call",
	.test_cases = smp_call_cases,
};
ktest_register_suite(smp_call_suite);
