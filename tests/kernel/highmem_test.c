// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of temporary mappings (mm/highmem.c): kmap_local slots nest as a
 * stack, are this CPU's and this task's, survive sleeping and preemption
 * while another task uses the same slot, and are flushed when unmapped;
 * the kmap() pool hands out entries, sleeps when full, recycles entries
 * with a TLB flush that reaches every CPU, and works from every CPU at
 * once; the copy helpers copy through the mappings.
 *
 * The mapping paths themselves (__kmap_local_pfn_prot, kmap_high) are
 * tested in every boot; what only kmap_local.force_map=1 changes (the
 * public kmap_local_page/kmap_atomic/kmap then map for real) is tested in
 * the boot of the test matrix that sets it, and skipped elsewhere.
 * The cases run in the task "init", bound to CPU 0.
 */
#include <linux/ktest.h>
#include <linux/timekeeping.h>
#include <linux/highmem.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/fault-inject.h>
#include <asm/fixmap.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/traps.h>
#include "../../mm/internal.h"

/* The test's own pages: fault injection is for the code under test. */
#define TEST_GFP	(GFP_KERNEL | __GFP_NOFAIL)

static unsigned long slot_addr(unsigned int cpu, int slot)
{
	return fix_to_virt(FIX_KMAP_BEGIN + cpu * KM_MAX_IDX + slot);
}

/* init is bound to its CPU (0): this CPU's slot @slot. */
static unsigned long my_slot(int slot)
{
	return slot_addr(raw_smp_processor_id(), slot);
}

static void *map_slot(struct page *page)
{
	return __kmap_local_pfn_prot(page_to_pfn(page), PAGE_KERNEL);
}

static unsigned int kmap_depth(void)
{
	return (unsigned int)current->kmap_ctrl.idx;
}

/* Word i of the page holds @pattern ^ i. */
static void fill_page(struct page *page, unsigned long pattern)
{
	unsigned long *p = page_address(page);
	unsigned long i;

	for (i = 0; i < PAGE_SIZE / sizeof(long); i++)
		p[i] = pattern ^ i;
}

static bool page_holds(const void *addr, unsigned long pattern)
{
	const unsigned long *p = addr;
	unsigned long i;

	for (i = 0; i < PAGE_SIZE / sizeof(long); i++)
		if (p[i] != (pattern ^ i))
			return false;
	return true;
}

static void read_word(void *p)
{
	(void)*(volatile unsigned long *)p;
}

/* Does reading @addr fault on this CPU (no mapping, and none left in the TLB)? */
static bool read_faults(const void *addr)
{
	struct exception_info info;

	return catch_exception(read_word, (void *)addr, &info) && info.vector == X86_TRAP_PF;
}

static void require_force_map(struct ktest *test)
{
	if (!kmap_local_force_map)
		KTEST_SKIP(test, "needs kmap_local.force_map=1");
}

/*
 * @n kthreads running @fn(@args[i]), created but not started (the caller
 * binds and wakes them), before the case takes anything it would have to
 * give back. Under fault injection a creation may fail: those created are
 * stopped and the case is skipped.
 */
static void create_kthreads(struct ktest *test, struct task_struct **k, unsigned int n,
			    int (*fn)(void *), void *const *args, const char *name)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		k[i] = kthread_create(fn, args[i], "%s/%u", name, i);
	ktest_require_kthreads(test, k, n);
}

static unsigned int last_online_cpu(void)
{
	unsigned int cpu, last = 0;

	for_each_online_cpu(cpu)
		last = cpu;
	return last;
}

/* ---- layout --------------------------------------------------------------- */

/* The 4 KiB entry the kernel's page-table walk finds for @addr, or NULL. */
static pte_t *kernel_pte(unsigned long addr)
{
	enum pg_level level;
	pte_t *pte = lookup_address(addr, &level);

	return level == PG_LEVEL_4K ? pte : NULL;
}

static void slots_of_every_cpu_and_the_pkmap_have_page_tables(struct ktest *test)
{
	unsigned int idx, nr, wrong = 0;

	KTEST_EXPECT_EQ(test, slot_addr(0, 0), fix_to_virt(FIX_KMAP_BEGIN));
	KTEST_EXPECT_EQ(test, slot_addr(NR_CPUS - 1, KM_MAX_IDX - 1), fix_to_virt(FIX_KMAP_END));
	KTEST_EXPECT_TRUE(test, is_kmap_local_addr(slot_addr(NR_CPUS - 1, KM_MAX_IDX - 1)));
	KTEST_EXPECT_FALSE(test, is_kmap_local_addr(fix_to_virt(FIX_KMAP_END + 1)));
	KTEST_EXPECT_FALSE(test, is_kmap_local_addr(fix_to_virt(FIX_KMAP_BEGIN - 1)));
	KTEST_EXPECT_GT(test, FIXMAP_PMD_START + FIXMAP_PMD_NUM * PMD_SIZE, FIXADDR_TOP);
	KTEST_EXPECT_LE(test, FIXMAP_PMD_START, FIXADDR_START);
	KTEST_EXPECT_EQ(test, PKMAP_BASE & ~PMD_MASK, 0UL);
	KTEST_EXPECT_EQ(test, PKMAP_ADDR(LAST_PKMAP), FIXMAP_PMD_START);
	KTEST_EXPECT_GT(test, PKMAP_BASE, (unsigned long)_end);
	/* Every slot's entry is where the page-table walk finds it: no allocation later. */
	for (idx = FIX_HOLE + 1; idx < __end_of_fixed_addresses; idx++)
		wrong += kernel_pte(fix_to_virt(idx)) != fixmap_pte(fix_to_virt(idx));
	for (nr = 0; nr < LAST_PKMAP; nr++)
		wrong += kernel_pte(PKMAP_ADDR(nr)) != &pkmap_page_table[nr];
	KTEST_EXPECT_EQ(test, wrong, 0u);
}

static void force_map_parameter_rejects_a_bad_value(struct ktest *test)
{
	bool before = kmap_local_force_map;

	parse_args("kmap_local.force_map=maybe", true);
	KTEST_EXPECT_EQ(test, kmap_local_force_map, before);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
		"Malformed early option 'kmap_local.force_map=maybe'"));
}

/* ---- kmap_local ----------------------------------------------------------- */

static void kmap_local_page_is_the_direct_map_without_force_map(struct ktest *test)
{
	struct page *page;
	void *addr;

	if (kmap_local_force_map)
		KTEST_SKIP(test, "kmap_local.force_map=1 maps for real");
	page = alloc_page(TEST_GFP);
	addr = kmap_local_page(page);
	KTEST_EXPECT_PTR_EQ(test, addr, page_address(page));
	KTEST_EXPECT_EQ(test, kmap_depth(), 0u);
	kunmap_local(addr);
	addr = kmap_atomic(page);
	KTEST_EXPECT_PTR_EQ(test, addr, page_address(page));
	kunmap_atomic(addr);
	KTEST_EXPECT_PTR_EQ(test, kmap(page), page_address(page));
	kunmap(page);
	__free_page(page);
}

static void kmap_local_slot_maps_the_page_then_unmap_flushes_it(struct ktest *test)
{
	struct page *page = alloc_page(TEST_GFP);
	unsigned int depth = kmap_depth();
	unsigned long *v;

	fill_page(page, 0x1111);
	v = map_slot(page);
	KTEST_EXPECT_EQ(test, (unsigned long)v, my_slot((int)depth));
	KTEST_EXPECT_NE(test, (unsigned long)v, (unsigned long)page_address(page));
	KTEST_EXPECT_EQ(test, kmap_depth(), depth + 1);
	KTEST_EXPECT_TRUE(test, page_holds(v, 0x1111));
	v[7] = 0xfeedUL;
	KTEST_EXPECT_EQ(test, ((unsigned long *)page_address(page))[7], 0xfeedUL);
	kunmap_local((char *)v + 100);		/* any address inside the page */
	KTEST_EXPECT_EQ(test, kmap_depth(), depth);
	KTEST_EXPECT_TRUE(test, pte_none(ptep_get(fixmap_pte((unsigned long)v))));
	KTEST_EXPECT_TRUE(test, read_faults(v));	/* cleared and flushed here */
	__free_page(page);
}

static void force_map_kmap_local_page_and_folio_map_through_slots(struct ktest *test)
{
	struct page *page;
	unsigned long *a, *b;

	require_force_map(test);
	page = alloc_pages(TEST_GFP | __GFP_COMP, 1);
	fill_page(page, 0xa0a0);
	fill_page(page + 1, 0xb0b0);
	a = kmap_local_page(page);
	KTEST_EXPECT_TRUE(test, is_kmap_local_addr((unsigned long)a));
	KTEST_EXPECT_NE(test, (unsigned long)a, (unsigned long)page_address(page));
	KTEST_EXPECT_TRUE(test, page_holds(a, 0xa0a0));
	b = kmap_local_folio(page_folio(page), PAGE_SIZE + 3 * sizeof(long));
	KTEST_EXPECT_TRUE(test, is_kmap_local_addr((unsigned long)b));
	KTEST_EXPECT_EQ(test, (unsigned long)b & ~PAGE_MASK, 3 * sizeof(long));
	KTEST_EXPECT_EQ(test, *b, 0xb0b0UL ^ 3);
	*b = 0x77;
	KTEST_EXPECT_EQ(test, ((unsigned long *)page_address(page + 1))[3], 0x77UL);
	KTEST_EXPECT_EQ(test, kmap_depth(), 2u);
	kunmap_local(b);
	kunmap_local(a);
	KTEST_EXPECT_EQ(test, kmap_depth(), 0u);
	__free_pages(page, 1);
}

static void kmap_local_nests_km_max_idx_deep_then_warns(struct ktest *test)
{
	struct page *pages[KM_MAX_IDX + 1];
	void *addr[KM_MAX_IDX + 1];
	unsigned long warns;
	int i, j;

	KTEST_ASSERT_EQ(test, kmap_depth(), 0u);
	for (i = 0; i <= KM_MAX_IDX; i++) {
		pages[i] = alloc_page(TEST_GFP);
		fill_page(pages[i], 0x5000UL + (unsigned long)i);
	}
	for (i = 0; i < KM_MAX_IDX; i++)
		addr[i] = map_slot(pages[i]);
	for (i = 0; i < KM_MAX_IDX; i++) {
		KTEST_EXPECT_EQ(test, (unsigned long)addr[i], my_slot(i));
		KTEST_EXPECT_TRUE(test, page_holds(addr[i], 0x5000UL + (unsigned long)i));
		for (j = 0; j < i; j++)
			KTEST_EXPECT_NE(test, (unsigned long)addr[i], (unsigned long)addr[j]);
	}
	/* The 17th: reported, and served from the direct map (Linux BUG()s). */
	warns = warn_count;
	addr[KM_MAX_IDX] = map_slot(pages[KM_MAX_IDX]);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "more than 16 nested mappings"));
	KTEST_EXPECT_PTR_EQ(test, addr[KM_MAX_IDX], page_address(pages[KM_MAX_IDX]));
	KTEST_EXPECT_EQ(test, kmap_depth(), (unsigned int)KM_MAX_IDX);
	kunmap_local(addr[KM_MAX_IDX]);
	for (i = KM_MAX_IDX - 1; i >= 0; i--)
		kunmap_local(addr[i]);
	KTEST_EXPECT_EQ(test, kmap_depth(), 0u);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
	for (i = 0; i <= KM_MAX_IDX; i++)
		__free_page(pages[i]);
}

static void kunmap_local_out_of_order_is_reported_and_recovers(struct ktest *test)
{
	struct page *pa = alloc_page(TEST_GFP), *pb = alloc_page(TEST_GFP);
	unsigned long warns;
	void *a, *b, *c;

	fill_page(pa, 0xaaaa);
	fill_page(pb, 0xbbbb);
	a = map_slot(pa);
	b = map_slot(pb);
	warns = warn_count;
	kunmap_local(a);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "unmapped out of order: slot 0, the innermost is slot 1"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Call Trace:"));
	KTEST_EXPECT_TRUE(test, read_faults(a));	/* unmapped at once */
	KTEST_EXPECT_TRUE(test, page_holds(b, 0xbbbb));
	KTEST_EXPECT_EQ(test, kmap_depth(), 2u);	/* slot 0 waits for slot 1 */
	kunmap_local(b);
	KTEST_EXPECT_EQ(test, kmap_depth(), 0u);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
	c = map_slot(pa);
	KTEST_EXPECT_PTR_EQ(test, c, a);		/* slot 0 is free again */
	KTEST_EXPECT_TRUE(test, page_holds(c, 0xaaaa));
	kunmap_local(c);
	__free_page(pa);
	__free_page(pb);
}

static void kunmap_local_of_a_slot_not_mapped_here_is_reported(struct ktest *test)
{
	unsigned long warns = warn_count;

	kunmap_local((void *)my_slot(3));
	kunmap_local((void *)slot_addr((raw_smp_processor_id() + 1) % NR_CPUS, 0)); /* another CPU's */
	KTEST_EXPECT_EQ(test, warn_count, warns + 2);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "is not mapped by init/1 on CPU0"));
	KTEST_EXPECT_EQ(test, kmap_depth(), 0u);
}

static void kmap_atomic_disables_preemption(struct ktest *test)
{
	struct page *page = alloc_page(TEST_GFP), *other = alloc_page(TEST_GFP);
	unsigned int pc = preempt_count();
	void *local, *atomic;

	fill_page(other, 0xa70);
	local = kmap_local_page(page);
	KTEST_EXPECT_EQ(test, preempt_count(), pc);	/* kmap_local does not */
	atomic = kmap_atomic(other);
	KTEST_EXPECT_EQ(test, preempt_count(), pc + 1);
	KTEST_EXPECT_TRUE(test, page_holds(atomic, 0xa70));
	if (kmap_local_force_map) {
		KTEST_EXPECT_EQ(test, (unsigned long)atomic, my_slot(1));
		KTEST_EXPECT_EQ(test, kmap_depth(), 2u);
	}
	kunmap_atomic(atomic);
	KTEST_EXPECT_EQ(test, preempt_count(), pc);
	kunmap_local(local);
	KTEST_EXPECT_EQ(test, kmap_depth(), 0u);
	__free_page(page);
	__free_page(other);
}

/* Another task on this CPU maps its page at the same slot while init sleeps. */
struct slot_share {
	struct page *page;
	unsigned long addr;
	bool ok_mapped, ok_after;
	unsigned int depth_after;
	struct completion mapped, go, done;
};

static int map_and_sleep(void *data)
{
	struct slot_share *s = data;
	void *v = map_slot(s->page);

	s->addr = (unsigned long)v;
	s->ok_mapped = page_holds(v, 0xbeef);
	complete(&s->mapped);
	wait_for_completion(&s->go);		/* switched out with the slot */
	s->ok_after = page_holds(v, 0xbeef);
	kunmap_local(v);
	s->depth_after = kmap_depth();
	complete(&s->done);
	return 0;
}

static void kmap_local_survives_sleep_while_another_task_uses_the_slot(struct ktest *test)
{
	static struct slot_share s;
	void *const args[] = { &s };
	struct task_struct *k;
	struct page *mine;
	void *v;

	create_kthreads(test, &k, 1, map_and_sleep, args, "kmap-share");
	kthread_bind(k, raw_smp_processor_id());
	mine = alloc_page(TEST_GFP);
	s.page = alloc_page(TEST_GFP);
	fill_page(mine, 0xcafe);
	fill_page(s.page, 0xbeef);
	init_completion(&s.mapped);
	init_completion(&s.go);
	init_completion(&s.done);
	v = map_slot(mine);
	wake_up_process(k);
	wait_for_completion(&s.mapped);		/* init sleeps holding its slot */
	KTEST_EXPECT_EQ(test, s.addr, (unsigned long)v);	/* the same slot... */
	KTEST_EXPECT_TRUE(test, s.ok_mapped);			/* ...showed its page */
	KTEST_EXPECT_TRUE(test, page_holds(v, 0xcafe));		/* and now ours again */
	complete(&s.go);
	wait_for_completion(&s.done);
	KTEST_EXPECT_TRUE(test, s.ok_after);
	KTEST_EXPECT_EQ(test, s.depth_after, 0u);
	KTEST_EXPECT_TRUE(test, page_holds(v, 0xcafe));
	kunmap_local(v);
	kthread_stop(k);
	__free_page(mine);
	__free_page(s.page);
}

/* Two tasks on one CPU, each writing through its slot, preempted by the tick. */
struct spinner {
	struct page *page;
	unsigned long pattern, addr, bad, rounds, preempted;
	struct completion done;
};

static int spin_with_a_mapping(void *data)
{
	struct spinner *s = data;
	unsigned long *v = map_slot(s->page), *direct = page_address(s->page);
	unsigned long nivcsw = current->nivcsw, r = 0;
	u64 end = ktime_get() + 150000000ULL;

	s->addr = (unsigned long)v;
	while (ktime_get() < end) {
		unsigned long i = (r * 7) % (PAGE_SIZE / sizeof(long));

		v[i] = s->pattern + r;
		s->bad += READ_ONCE(direct[i]) != s->pattern + r;
		r++;
	}
	s->rounds = r;
	s->preempted = current->nivcsw - nivcsw;
	kunmap_local(v);
	complete(&s->done);
	return 0;
}

static void kmap_local_survives_preemption_by_a_task_using_the_same_slot(struct ktest *test)
{
	static struct spinner s[2];
	void *const args[] = { &s[0], &s[1] };
	struct task_struct *k[2];
	int i;

	create_kthreads(test, k, 2, spin_with_a_mapping, args, "kmap-spin");
	for (i = 0; i < 2; i++) {
		kthread_bind(k[i], last_online_cpu());
		s[i].page = alloc_page(TEST_GFP);
		s[i].pattern = 0x100000UL * (unsigned long)(i + 1);
		s[i].bad = s[i].rounds = s[i].preempted = 0;
		init_completion(&s[i].done);
	}
	for (i = 0; i < 2; i++)
		wake_up_process(k[i]);
	for (i = 0; i < 2; i++) {
		wait_for_completion(&s[i].done);
		kthread_stop(k[i]);
	}
	KTEST_EXPECT_EQ(test, s[0].addr, s[1].addr);
	KTEST_EXPECT_EQ(test, s[0].bad + s[1].bad, 0UL);
	KTEST_EXPECT_GT(test, s[0].rounds, 0UL);
	KTEST_EXPECT_GT(test, s[0].preempted + s[1].preempted, 0UL);
	ktest_info(test, "preempted %lu + %lu times holding the slot",
		   s[0].preempted, s[1].preempted);
	for (i = 0; i < 2; i++)
		__free_page(s[i].page);
}

/*
 * A task that holds a slot is not migrated however busy its CPU: the load
 * balancer considers it and refuses (its nr_failed_migrations_affine
 * grows); once it has unmapped, the same task is pulled to an idle CPU.
 * The holder waits for both to happen, each up to PIN_WAIT_NS.
 */
#define PIN_WAIT_NS	5000000000ULL

struct pinned {
	struct page *page;
	unsigned int start_cpu;
	unsigned long moved_holding, bad, refused;
	bool moved_after;
	struct completion started, load_ready, done;
};

static int hold_a_slot_on_a_busy_cpu(void *data)
{
	struct pinned *p = data;
	unsigned long *v, refused0;
	u64 end;

	p->start_cpu = raw_smp_processor_id();
	v = map_slot(p->page);
	complete(&p->started);
	wait_for_completion(&p->load_ready);
	refused0 = READ_ONCE(current->stats.nr_failed_migrations_affine);
	end = ktime_get() + PIN_WAIT_NS;
	while (ktime_get() < end &&
	       READ_ONCE(current->stats.nr_failed_migrations_affine) == refused0) {
		p->moved_holding += raw_smp_processor_id() != p->start_cpu;
		p->bad += READ_ONCE(v[5]) != (0xd00dUL ^ 5);
	}
	p->refused = READ_ONCE(current->stats.nr_failed_migrations_affine) - refused0;
	p->moved_holding += raw_smp_processor_id() != p->start_cpu;
	kunmap_local(v);
	end = ktime_get() + PIN_WAIT_NS;
	while (ktime_get() < end && raw_smp_processor_id() == p->start_cpu)
		cpu_relax();
	p->moved_after = raw_smp_processor_id() != p->start_cpu;
	complete(&p->done);
	return 0;
}

/* The holder (@data: the struct pinned), or with no data one of its CPU's load. */
static int pinned_or_busy(void *data)
{
	if (data)
		return hold_a_slot_on_a_busy_cpu(data);
	while (!kthread_should_stop())
		cpu_relax();
	return 0;
}

static void kmap_local_pins_its_task_to_the_cpu(struct ktest *test)
{
	static struct pinned p;
	void *const args[] = { &p, NULL, NULL, NULL };
	struct task_struct *k[4];	/* the holder, then three busy tasks */
	int i;

	if (num_online_cpus() < 2)
		KTEST_SKIP(test, "needs two CPUs");
	create_kthreads(test, k, 4, pinned_or_busy, args, "kmap-pinned");
	p.page = alloc_page(TEST_GFP);
	fill_page(p.page, 0xd00d);
	p.moved_holding = p.bad = p.refused = 0;
	p.moved_after = false;
	init_completion(&p.started);
	init_completion(&p.load_ready);
	init_completion(&p.done);
	wake_up_process(k[0]);			/* unbound: the balancer may move it */
	wait_for_completion(&p.started);
	for (i = 1; i < 4; i++) {
		kthread_bind(k[i], p.start_cpu);
		wake_up_process(k[i]);
	}
	complete(&p.load_ready);
	wait_for_completion(&p.done);
	for (i = 0; i < 4; i++)
		kthread_stop(k[i]);
	KTEST_EXPECT_GT(test, p.refused, 0UL);		/* the balancer tried */
	KTEST_EXPECT_EQ(test, p.moved_holding, 0UL);	/* and did not move it */
	KTEST_EXPECT_EQ(test, p.bad, 0UL);
	KTEST_EXPECT_TRUE(test, p.moved_after);		/* without slots, it does */
	__free_page(p.page);
}

/* A cross-CPU call maps on top of whatever the interrupted task holds. */
struct irq_probe {
	struct page *pages[NR_CPUS];
	unsigned long addr[NR_CPUS];
	bool ok[NR_CPUS], balanced[NR_CPUS];
};

static void map_in_call(void *info)
{
	struct irq_probe *p = info;
	unsigned int cpu = smp_processor_id(), depth = kmap_depth();
	void *v = map_slot(p->pages[cpu]);

	p->addr[cpu] = (unsigned long)v;
	p->ok[cpu] = page_holds(v, 0x10000UL * cpu);
	kunmap_local(v);
	p->balanced[cpu] = kmap_depth() == depth && v == (void *)slot_addr(cpu, (int)depth);
}

static void kmap_local_nests_inside_cross_cpu_calls(struct ktest *test)
{
	static struct irq_probe p;
	struct page *mine = alloc_page(TEST_GFP);
	unsigned int cpu;
	void *v;

	fill_page(mine, 0x3131);
	for_each_online_cpu(cpu) {
		p.pages[cpu] = alloc_page(TEST_GFP);
		fill_page(p.pages[cpu], 0x10000UL * cpu);
	}
	v = map_slot(mine);
	on_each_cpu(map_in_call, &p, true);
	KTEST_EXPECT_EQ(test, p.addr[raw_smp_processor_id()], my_slot(1));	/* above init's */
	for_each_online_cpu(cpu) {
		KTEST_EXPECT_TRUE(test, p.ok[cpu]);
		KTEST_EXPECT_TRUE(test, p.balanced[cpu]);
	}
	KTEST_EXPECT_TRUE(test, page_holds(v, 0x3131));
	kunmap_local(v);
	for_each_online_cpu(cpu)
		__free_page(p.pages[cpu]);
	__free_page(mine);
}

/* ---- kmap and the pkmap pool ---------------------------------------------- */

static bool is_pkmap_addr(const void *addr)
{
	return (unsigned long)addr >= PKMAP_BASE && (unsigned long)addr < PKMAP_ADDR(LAST_PKMAP);
}

static void kmap_high_gives_a_mapped_page_its_entry_again(struct ktest *test)
{
	struct page *page = alloc_page(TEST_GFP);
	void *a, *b, *c;

	fill_page(page, 0x4242);
	a = kmap_high(page);
	b = kmap_high(page);
	KTEST_EXPECT_TRUE(test, is_pkmap_addr(a));
	KTEST_EXPECT_PTR_EQ(test, b, a);
	KTEST_EXPECT_TRUE(test, page_holds(a, 0x4242));
	kunmap_high(page);
	kunmap_high(page);
	c = kmap_high(page);			/* still in the pool, without users */
	KTEST_EXPECT_PTR_EQ(test, c, a);
	kunmap_high(page);
	kmap_flush_unused();
	KTEST_EXPECT_TRUE(test, pte_none(ptep_get(&pkmap_page_table[PKMAP_NR(a)])));
	KTEST_EXPECT_TRUE(test, read_faults(a));
	__free_page(page);
}

static void kunmap_of_a_page_not_kmapped_is_reported(struct ktest *test)
{
	struct page *page = alloc_page(TEST_GFP);
	unsigned long warns = warn_count;

	kunmap_high(page);
	KTEST_EXPECT_EQ(test, warn_count, warns + 1);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "is not kmap()ed"));
	__free_page(page);
}

static void force_map_kmap_uses_the_pool(struct ktest *test)
{
	struct page *page;
	void *a;

	require_force_map(test);
	page = alloc_page(TEST_GFP);
	fill_page(page, 0x6161);
	a = kmap(page);
	KTEST_EXPECT_TRUE(test, is_pkmap_addr(a));
	KTEST_EXPECT_PTR_EQ(test, kmap_to_page(a), page);
	KTEST_EXPECT_TRUE(test, page_holds(a, 0x6161));
	kunmap(page);
	kmap_flush_unused();
	__free_page(page);
}

/* Kept across cases that fill the pool: too big for the stack. */
static struct page *pool_pages[2][LAST_PKMAP + 1];
static void *pool_addr[LAST_PKMAP];

static void alloc_pool_pages(unsigned int set, unsigned int n, unsigned long pattern)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		pool_pages[set][i] = alloc_page(TEST_GFP);
		fill_page(pool_pages[set][i], pattern + i);
	}
}

static void free_pool_pages(unsigned int set, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		__free_page(pool_pages[set][i]);
}

struct pkmap_waiter {
	struct page *page;
	void *addr;
	bool mapped, ok;
	struct completion done;
};

static int kmap_when_an_entry_frees(void *data)
{
	struct pkmap_waiter *w = data;

	w->addr = kmap_high(w->page);
	WRITE_ONCE(w->mapped, true);
	w->ok = page_holds(w->addr, 0x7777);
	kunmap_high(w->page);
	complete(&w->done);
	return 0;
}

static void kmap_sleeps_on_a_full_pool_until_kunmap(struct ktest *test)
{
	static struct pkmap_waiter w;
	void *const args[] = { &w };
	struct task_struct *k;
	unsigned int i, wrong = 0;
	unsigned long left;

	create_kthreads(test, &k, 1, kmap_when_an_entry_frees, args, "kmap-wait");
	kmap_flush_unused();			/* every entry free */
	alloc_pool_pages(0, LAST_PKMAP, 0x20000);
	for (i = 0; i < LAST_PKMAP; i++)
		pool_addr[i] = kmap_high(pool_pages[0][i]);
	for (i = 0; i < LAST_PKMAP; i++)
		wrong += kmap_to_page(pool_addr[i]) != pool_pages[0][i] ||
			 !page_holds(pool_addr[i], 0x20000 + i);
	KTEST_EXPECT_EQ(test, wrong, 0u);
	w.page = alloc_page(TEST_GFP);
	fill_page(w.page, 0x7777);
	w.mapped = false;
	init_completion(&w.done);
	wake_up_process(k);
	ktest_wait_for(READ_ONCE(k->__state) == TASK_UNINTERRUPTIBLE, 2000);
	KTEST_EXPECT_FALSE(test, READ_ONCE(w.mapped));
	KTEST_EXPECT_EQ(test, READ_ONCE(k->__state), (long)TASK_UNINTERRUPTIBLE);
	kunmap_high(pool_pages[0][0]);		/* one entry without users: wakes it */
	left = wait_for_completion_timeout(&w.done, msecs_to_jiffies(5000));
	KTEST_EXPECT_GT(test, left, 0UL);
	KTEST_EXPECT_TRUE(test, READ_ONCE(w.mapped));
	/* Free the rest before waiting for good, so that a failure cannot hang. */
	for (i = 1; i < LAST_PKMAP; i++)
		kunmap_high(pool_pages[0][i]);
	if (!left)
		wait_for_completion(&w.done);
	KTEST_EXPECT_TRUE(test, w.ok);
	KTEST_EXPECT_PTR_EQ(test, w.addr, pool_addr[0]);	/* the entry, recycled */
	kthread_stop(k);
	kmap_flush_unused();
	free_pool_pages(0, LAST_PKMAP);
	__free_page(w.page);
}

/* Each CPU reads every pool address and compares with what it should map. */
struct pkmap_probe {
	unsigned long expect[LAST_PKMAP];
	unsigned int bad[NR_CPUS];
};

static void read_every_pkmap(void *info)
{
	struct pkmap_probe *p = info;
	unsigned int cpu = smp_processor_id(), i;

	for (i = 0; i < LAST_PKMAP; i++)
		p->bad[cpu] += *(volatile unsigned long *)pool_addr[i] != p->expect[i];
}

static void probe_every_cpu(struct ktest *test, struct pkmap_probe *p)
{
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		p->bad[cpu] = 0;
		smp_call_function_single(cpu, read_every_pkmap, p, true);
		KTEST_EXPECT_EQ(test, p->bad[cpu], 0u);
	}
}

static void pkmap_recycling_leaves_no_stale_tlb_entry_on_any_cpu(struct ktest *test)
{
	static struct pkmap_probe p;
	unsigned int i;

	kmap_flush_unused();
	alloc_pool_pages(0, LAST_PKMAP, 0x30000);
	alloc_pool_pages(1, LAST_PKMAP, 0x40000);
	/* Round one: every CPU caches a translation of every entry. */
	for (i = 0; i < LAST_PKMAP; i++) {
		pool_addr[i] = kmap_high(pool_pages[0][i]);
		p.expect[i] = 0x30000UL + i;
	}
	probe_every_cpu(test, &p);
	for (i = 0; i < LAST_PKMAP; i++)
		kunmap_high(pool_pages[0][i]);	/* mapped, no users: stays */
	/* Round two: the pool wraps, unmaps round one and reuses every entry. */
	for (i = 0; i < LAST_PKMAP; i++) {
		pool_addr[i] = kmap_high(pool_pages[1][i]);
		p.expect[i] = 0x40000UL + i;
	}
	probe_every_cpu(test, &p);
	for (i = 0; i < LAST_PKMAP; i++)
		kunmap_high(pool_pages[1][i]);
	kmap_flush_unused();
	free_pool_pages(0, LAST_PKMAP);
	free_pool_pages(1, LAST_PKMAP);
}

/* Every CPU at once: pool entries and kmap_local slots, checked word by word. */
#define WORKER_PAGES	4
#define WORKER_ROUNDS	150

struct kmap_worker {
	struct page *pages[WORKER_PAGES];
	unsigned int cpu, bad, rounds;
	struct completion done;
};

static unsigned long worker_word(const struct kmap_worker *w, unsigned int round, unsigned int i)
{
	return ((unsigned long)w->cpu << 32) | (round << 8) | i;
}

static int kmap_worker_fn(void *data)
{
	struct kmap_worker *w = data;
	unsigned long *high[WORKER_PAGES], *local[WORKER_PAGES];
	unsigned int round, i;
	int j;

	for (round = 0; round < WORKER_ROUNDS; round++) {
		for (i = 0; i < WORKER_PAGES; i++) {
			high[i] = kmap_high(w->pages[i]);
			high[i][round % 512] = worker_word(w, round, i);
		}
		for (i = 0; i < WORKER_PAGES; i++)
			local[i] = map_slot(w->pages[i]);
		for (i = 0; i < WORKER_PAGES; i++)
			w->bad += local[i][round % 512] != worker_word(w, round, i);
		for (j = WORKER_PAGES - 1; j >= 0; j--)
			kunmap_local(local[j]);
		for (i = 0; i < WORKER_PAGES; i++) {
			unsigned long *direct = page_address(w->pages[i]);

			w->bad += direct[round % 512] != worker_word(w, round, i);
			kunmap_high(w->pages[i]);
		}
		if (round % 16 == 0)
			kmap_flush_unused();
		w->rounds++;
	}
	w->bad += kmap_depth();
	complete(&w->done);
	return 0;
}

static void kmap_from_every_cpu_at_once(struct ktest *test)
{
	static struct kmap_worker w[NR_CPUS];
	static void *args[NR_CPUS];
	struct task_struct *k[NR_CPUS];
	unsigned int cpu, n = 0, i, j;

	for_each_online_cpu(cpu) {
		w[n].cpu = cpu;
		args[n] = &w[n];
		n++;
	}
	create_kthreads(test, k, n, kmap_worker_fn, args, "kmap-worker");
	for (j = 0; j < n; j++) {
		w[j].bad = w[j].rounds = 0;
		init_completion(&w[j].done);
		for (i = 0; i < WORKER_PAGES; i++)
			w[j].pages[i] = alloc_page(TEST_GFP | __GFP_ZERO);
		kthread_bind(k[j], w[j].cpu);
	}
	for (j = 0; j < n; j++)
		wake_up_process(k[j]);
	for (j = 0; j < n; j++) {
		wait_for_completion(&w[j].done);
		kthread_stop(k[j]);
		KTEST_EXPECT_EQ(test, w[j].bad, 0u);
		KTEST_EXPECT_EQ(test, w[j].rounds, (unsigned int)WORKER_ROUNDS);
		for (i = 0; i < WORKER_PAGES; i++)
			__free_page(w[j].pages[i]);
	}
	kmap_flush_unused();
}

/* ---- kmap_to_page and the copy helpers ------------------------------------ */

static void kmap_to_page_finds_pkmap_fixmap_and_direct_addresses(struct ktest *test)
{
	struct page *page = alloc_page(TEST_GFP);
	unsigned long warns;
	char *local, *high;

	KTEST_EXPECT_PTR_EQ(test, kmap_to_page((char *)page_address(page) + 5), page);
	local = map_slot(page);
	KTEST_EXPECT_PTR_EQ(test, kmap_to_page(local + 100), page);
	high = kmap_high(page);
	KTEST_EXPECT_PTR_EQ(test, kmap_to_page(high + PAGE_SIZE - 1), page);
	kunmap_high(page);
	kunmap_local(local);
	kmap_flush_unused();
	warns = warn_count;
	KTEST_EXPECT_NULL(test, kmap_to_page(high));
	KTEST_EXPECT_NULL(test, kmap_to_page(local));
	KTEST_EXPECT_EQ(test, warn_count, warns + 2);
	__free_page(page);
}

static void memcpy_helpers_copy_through_the_mapping(struct ktest *test)
{
	struct page *src = alloc_page(TEST_GFP), *dst = alloc_page(TEST_GFP);
	char *s = page_address(src), *d = page_address(dst);
	char buf[64];
	unsigned int i;

	for (i = 0; i < PAGE_SIZE; i++)
		s[i] = (char)(i * 13 + 1);
	memset(d, 0x5a, PAGE_SIZE);
	memcpy_to_page(dst, 100, "sixteen bytes!!", 16);
	KTEST_EXPECT_MEMEQ(test, d + 100, "sixteen bytes!!", 16);
	KTEST_EXPECT_EQ(test, d[99], 0x5a);
	KTEST_EXPECT_EQ(test, d[116], 0x5a);
	memcpy_from_page(buf, src, PAGE_SIZE - sizeof(buf), sizeof(buf));
	KTEST_EXPECT_MEMEQ(test, buf, s + PAGE_SIZE - sizeof(buf), sizeof(buf));
	memcpy_page(dst, 2048, src, 8, 512);
	KTEST_EXPECT_MEMEQ(test, d + 2048, s + 8, 512);
	KTEST_EXPECT_EQ(test, d[2047], 0x5a);
	KTEST_EXPECT_EQ(test, d[2048 + 512], 0x5a);
	memset_page(dst, 3000, 0xab, 10);
	KTEST_EXPECT_EQ(test, (u8)d[3000], 0xab);
	KTEST_EXPECT_EQ(test, (u8)d[3009], 0xab);
	KTEST_EXPECT_EQ(test, d[3010], 0x5a);
	memzero_page(dst, 0, 64);
	KTEST_EXPECT_EQ(test, d[0], 0);
	KTEST_EXPECT_EQ(test, d[63], 0);
	KTEST_EXPECT_EQ(test, d[64], 0x5a);
	KTEST_EXPECT_EQ(test, kmap_depth(), 0u);
	__free_page(src);
	__free_page(dst);
}

static void clear_and_copy_highpage_cover_the_whole_page(struct ktest *test)
{
	struct page *src = alloc_page(TEST_GFP), *dst = alloc_page(TEST_GFP);

	fill_page(src, 0xc0c0);
	memset(page_address(dst), 0xee, PAGE_SIZE);
	copy_highpage(dst, src);
	KTEST_EXPECT_TRUE(test, page_holds(page_address(dst), 0xc0c0));
	clear_highpage(dst);
	KTEST_EXPECT_NULL(test, memchr_inv(page_address(dst), 0, PAGE_SIZE));
	KTEST_EXPECT_TRUE(test, page_holds(page_address(src), 0xc0c0));
	KTEST_EXPECT_EQ(test, kmap_depth(), 0u);
	__free_page(src);
	__free_page(dst);
}

static void zero_user_segments_zero_only_their_ranges(struct ktest *test)
{
	struct page *page = alloc_pages(TEST_GFP | __GFP_COMP, 1);
	u8 *p = page_address(page);
	unsigned int i, wrong = 0;

	memset(p, 0xff, 2 * PAGE_SIZE);
	/* The second range crosses into the second subpage. */
	zero_user_segments(page, 100, 200, 4000, 4200);
	zero_user(page, 8000, 100);
	zero_user_segment(page, 10, 10);		/* empty */
	for (i = 0; i < 2 * PAGE_SIZE; i++) {
		bool zero = (i >= 100 && i < 200) || (i >= 4000 && i < 4200) ||
			    (i >= 8000 && i < 8100);

		wrong += p[i] != (zero ? 0 : 0xff);
	}
	KTEST_EXPECT_EQ(test, wrong, 0u);
	KTEST_EXPECT_EQ(test, kmap_depth(), 0u);
	__free_pages(page, 1);
}

static struct ktest_case highmem_cases[] = {
	KTEST_CASE(slots_of_every_cpu_and_the_pkmap_have_page_tables),
	KTEST_CASE(force_map_parameter_rejects_a_bad_value),
	KTEST_CASE(kmap_local_page_is_the_direct_map_without_force_map),
	KTEST_CASE(kmap_local_slot_maps_the_page_then_unmap_flushes_it),
	KTEST_CASE(force_map_kmap_local_page_and_folio_map_through_slots),
	KTEST_CASE(kmap_local_nests_km_max_idx_deep_then_warns),
	KTEST_CASE(kunmap_local_out_of_order_is_reported_and_recovers),
	KTEST_CASE(kunmap_local_of_a_slot_not_mapped_here_is_reported),
	KTEST_CASE(kmap_atomic_disables_preemption),
	KTEST_CASE(kmap_local_survives_sleep_while_another_task_uses_the_slot),
	KTEST_CASE(kmap_local_survives_preemption_by_a_task_using_the_same_slot),
	KTEST_CASE(kmap_local_pins_its_task_to_the_cpu),
	KTEST_CASE(kmap_local_nests_inside_cross_cpu_calls),
	KTEST_CASE(kmap_high_gives_a_mapped_page_its_entry_again),
	KTEST_CASE(kunmap_of_a_page_not_kmapped_is_reported),
	KTEST_CASE(force_map_kmap_uses_the_pool),
	KTEST_CASE(kmap_sleeps_on_a_full_pool_until_kunmap),
	KTEST_CASE(pkmap_recycling_leaves_no_stale_tlb_entry_on_any_cpu),
	KTEST_CASE(kmap_from_every_cpu_at_once),
	KTEST_CASE(kmap_to_page_finds_pkmap_fixmap_and_direct_addresses),
	KTEST_CASE(memcpy_helpers_copy_through_the_mapping),
	KTEST_CASE(clear_and_copy_highpage_cover_the_whole_page),
	KTEST_CASE(zero_user_segments_zero_only_their_ranges),
	{}
};

static struct ktest_suite highmem_suite = {
	.name = "highmem",
	.test_cases = highmem_cases,
};
ktest_register_suite(highmem_suite);
