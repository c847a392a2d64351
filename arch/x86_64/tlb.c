// SPDX-License-Identifier: GPL-2.0
/*
 * TLB shootdowns and address-space switches (asm/tlbflush.h,
 * asm/mmu_context.h), with Linux's per-CPU ASIDs when the CPU has PCID.
 *
 * Kernel ranges (flush_tlb_kernel_range()) go to every online CPU through
 * on_each_cpu() and each flushes them locally, page by page up to
 * tlb_single_page_flush_ceiling pages, everything beyond. The kernel's
 * mappings are global, so this is the same with or without PCID (but for
 * the test suites' pages in init_mm's user half: everything, with PCID).
 *
 * ASIDs. With PCID (CPUID.1:ECX.PCID, CR4.PCIDE) CR3's low 12 bits tag
 * every translation the CPU caches, and a CR3 load with bit 63
 * (X86_CR3_PCID_NOFLUSH) keeps the new PCID's translations. Each CPU keeps
 * TLB_NR_DYN_ASIDS ASIDs (PCID = ASID + 1; PCID 0 only at boot):
 *
 *   cpu_tlbstate.ctxs[asid] = { ctx_id of the owning mm, tlb_gen flushed }
 *   mm->context             = { ctx_id (unique), tlb_gen (bumped per flush) }
 *
 *   switch to mm:   the ASID whose ctx_id is mm's, if any: flush it only if
 *                   ctxs[asid].tlb_gen < mm's tlb_gen (it changed since);
 *                   else the next ASID round robin, flushed, now mm's
 *   flush of mm:    tlb_gen++ first, then mm_cpumask() read: the CPUs
 *                   running mm flush at once (IPI) and record the new
 *                   generation; the others, not in the mask, flush when
 *                   they switch back (their recorded generation is older).
 *                   This CPU, with INVPCID, flushes a cached ASID of mm
 *                   that lacks only this change page by page instead.
 *
 * Without PCID everything is ASID 0 and every switch flushes (a CR3 load
 * drops all non-global translations); the generations still tell a CPU
 * running the mm whether a shootdown left anything for it to do.
 *
 * A CPU that receives a flush for an older generation than its ASID has
 * already (another flush did a full one) does nothing; one that lacks
 * more than the flushed change, or a range too large, flushes its whole
 * ASID (a CR3 reload of the loaded PCID without NOFLUSH). The generation
 * counters of a freed mm are never seen again: ctx_ids are not reused.
 *
 * The threads of a process load one mm on several CPUs at once, so the
 * mask is read while other CPUs join it: a joining CPU sets its bit with a
 * locked instruction before it reads the generation and loads CR3, and the
 * flusher's locked increment of tlb_gen is a full barrier between its pte
 * writes and its read of the mask (x86's store buffer would otherwise let
 * the two cross: the flusher missing the new bit while the joining CPU
 * caches the old entry).
 *
 * Locking: cpu_tlbstate is per CPU, used with interrupts off by its own
 * CPU only (switches, the IPI handler, the local part of a flush).
 */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/preempt.h>
#include <linux/percpu.h>
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/vmstat.h>
#include <linux/string.h>
#include <linux/mmdebug.h>
#include <asm/tlbflush.h>
#include <asm/mmu_context.h>

#define CPUID_1_ECX_PCID	(1U << 17)
#define CPUID_7_EBX_INVPCID	(1U << 10)
#define INVPCID_TYPE_INDIV_ADDR	0

DEFINE_PER_CPU(struct tlb_state, cpu_tlbstate) = { .loaded_mm = &init_mm };
atomic_long_t last_mm_ctx_id = ATOMIC_INIT(1);
bool tlb_pcid_enabled;
static bool tlb_invpcid, nopcid, decided;

static int setup_disable_pcid(char *val)
{
	nopcid = true;
	return 0;
}
early_param("nopcid", setup_disable_pcid);

struct flush_tlb_info {
	unsigned long start, end;
	struct mm_struct *mm;	/* a user flush: only where it is loaded */
	u64 new_tlb_gen;	/* the generation this flush brings its mm to */
};

/* The CR3 value that loads @pgd under @asid (PCID asid + 1), flushing it. */
static unsigned long build_cr3(pgd_t *pgd, u16 asid)
{
	return __pa(pgd) | (tlb_pcid_enabled ? asid + 1UL : 0);
}

/* INVPCID of one address in @pcid (Intel SDM vol. 2, INVPCID). */
static void invpcid_flush_one(unsigned long pcid, unsigned long addr)
{
	struct { u64 pcid, addr; } desc = { pcid, addr };

	__asm__ __volatile__("invpcid %0, %1"
			     : : "m"(desc), "r"((unsigned long)INVPCID_TYPE_INDIV_ADDR)
			     : "memory");
}

/* Every non-global translation of the loaded ASID (Linux's flush_tlb_local()). */
static void flush_tlb_local(void)
{
	write_cr3(read_cr3() & ~X86_CR3_PCID_NOFLUSH);
	count_vm_event(NR_TLB_LOCAL_FLUSH_ALL);
}

/* Should [start, end) go page by page rather than with one full flush? */
static bool flush_by_page(const struct flush_tlb_info *info)
{
	return info->end != TLB_FLUSH_ALL &&
	       info->end - info->start <= (tlb_single_page_flush_ceiling << PAGE_SHIFT);
}

/*
 * A kernel flush of the user half: the test suites map pages into init_mm
 * there (tests/kernel/user_page.h), not global, so with PCID a translation
 * may sit in any ASID this CPU used, not only the loaded one that invlpg
 * reaches. All of them go.
 */
static bool kernel_flush_needs_all(const struct flush_tlb_info *info)
{
	return !flush_by_page(info) || (tlb_pcid_enabled && info->start < TASK_SIZE_MAX);
}

static void do_kernel_range_flush(void *data)
{
	const struct flush_tlb_info *info = data;
	unsigned long addr;

	if (kernel_flush_needs_all(info)) {
		__flush_tlb_all();
		return;
	}
	for (addr = ALIGN_DOWN(info->start, PAGE_SIZE); addr < info->end; addr += PAGE_SIZE)
		__flush_tlb_one_kernel(addr);
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	struct flush_tlb_info info = { start, end, NULL, 0 };

	if (num_online_cpus() == 1)
		do_kernel_range_flush(&info);
	else
		on_each_cpu(do_kernel_range_flush, &info, true);
}

void flush_tlb_all(void)
{
	flush_tlb_kernel_range(0, TLB_FLUSH_ALL);
}

/*
 * The flush of a user range on a CPU that has the mm loaded (Linux's
 * flush_tlb_func()): page by page when this is the one change its ASID
 * lacks, else the whole ASID; either way the ASID is then current.
 */
static void flush_tlb_func(void *data)
{
	const struct flush_tlb_info *info = data;
	struct tlb_state *ts = this_cpu_ptr(&cpu_tlbstate);
	struct tlb_context *ctx = &ts->ctxs[ts->loaded_mm_asid];
	unsigned long addr;
	u64 mm_gen;

	if (ts->loaded_mm != info->mm)
		return;		/* switched away: the switch back checks the generation */
	VM_WARN_ON_ONCE(ctx->ctx_id != info->mm->context.ctx_id);
	mm_gen = atomic_long_read(&info->mm->context.tlb_gen);
	switch (tlb_flush_kind(ctx->tlb_gen, mm_gen, info->new_tlb_gen, flush_by_page(info))) {
	case TLB_FLUSH_NOTHING:
		return;
	case TLB_FLUSH_PAGES:
		for (addr = ALIGN_DOWN(info->start, PAGE_SIZE); addr < info->end;
		     addr += PAGE_SIZE)
			__flush_tlb_one_kernel(addr);	/* invlpg: this PCID */
		count_vm_events(NR_TLB_LOCAL_FLUSH_ONE, (info->end - info->start) >> PAGE_SHIFT);
		break;
	case TLB_FLUSH_ASID:
		flush_tlb_local();
		break;
	}
	ctx->tlb_gen = mm_gen;
}

/*
 * @info's mm is not loaded here but may own one of this CPU's ASIDs: with
 * INVPCID, an ASID that lacks only this change drops its pages now, so
 * that the switch back need not flush it all. Else nothing: the switch
 * back sees the generation.
 */
static void flush_cached_asid(const struct flush_tlb_info *info)
{
	struct tlb_state *ts = this_cpu_ptr(&cpu_tlbstate);
	unsigned long addr;
	u16 asid;

	if (!tlb_invpcid || !flush_by_page(info))
		return;
	for (asid = 0; asid < TLB_NR_DYN_ASIDS; asid++) {
		struct tlb_context *ctx = &ts->ctxs[asid];

		if (!tlb_asid_lacks_only(ctx, info->mm->context.ctx_id, info->new_tlb_gen))
			continue;
		for (addr = ALIGN_DOWN(info->start, PAGE_SIZE); addr < info->end;
		     addr += PAGE_SIZE)
			invpcid_flush_one(asid + 1UL, addr);
		count_vm_events(NR_TLB_LOCAL_FLUSH_ONE, (info->end - info->start) >> PAGE_SHIFT);
		ctx->tlb_gen = info->new_tlb_gen;
	}
}

void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end,
			 unsigned int stride_shift, bool freed_tables)
{
	struct flush_tlb_info info = { start, end, mm, 0 };
	struct cpumask cpus;
	unsigned long flags;
	unsigned int cpu;

	/* The generation first: a CPU that loads mm after reading it sees ours. */
	info.new_tlb_gen = atomic_long_add_return(1, &mm->context.tlb_gen);
	cpu = get_cpu();
	/* A snapshot: the CPUs sent to are the CPUs waited for. */
	cpus = *mm_cpumask(mm);
	local_irq_save(flags);
	if (cpumask_test_cpu(cpu, &cpus))
		flush_tlb_func(&info);
	else
		flush_cached_asid(&info);
	local_irq_restore(flags);
	smp_call_function_many(&cpus, flush_tlb_func, &info, true);
	put_cpu();
}

void flush_tlb_range(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	flush_tlb_mm_range(vma->vm_mm, start, end, PAGE_SHIFT, false);
}

void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr)
{
	flush_tlb_mm_range(vma->vm_mm, addr, addr + PAGE_SIZE, PAGE_SHIFT, false);
}

void switch_mm_irqs_off(struct mm_struct *prev, struct mm_struct *next,
			struct task_struct *tsk)
{
	struct tlb_state *ts = this_cpu_ptr(&cpu_tlbstate);
	struct mm_struct *real_prev = ts->loaded_mm;
	unsigned int cpu = raw_smp_processor_id();
	bool need_flush;
	u64 next_gen;
	u16 asid;

	if (real_prev == next)
		return;
	cpumask_set_cpu(cpu, mm_cpumask(next));
	/* After the bit: a flush that missed it bumped the generation first. */
	next_gen = atomic_long_read(&next->context.tlb_gen);
	if (tlb_pcid_enabled) {
		asid = tlb_asid_choose(ts->ctxs, &ts->next_asid, next->context.ctx_id, next_gen,
				       &need_flush);
	} else {	/* ASID 0, and a CR3 load flushes anyway */
		asid = 0;
		need_flush = true;
		ts->ctxs[0].ctx_id = next->context.ctx_id;
		ts->ctxs[0].tlb_gen = next_gen;
	}
	if (need_flush) {
		write_cr3(build_cr3(next->pgd, asid));
		count_vm_event(NR_TLB_LOCAL_FLUSH_ALL);
	} else {
		write_cr3(build_cr3(next->pgd, asid) | X86_CR3_PCID_NOFLUSH);
	}
	ts->loaded_mm = next;
	ts->loaded_mm_asid = asid;
	cpumask_clear_cpu(cpu, mm_cpumask(real_prev));
}

static void decide(void)
{
	u32 a, b, c, d;
	bool has_pcid;

	cpuid(1, &a, &b, &c, &d);
	has_pcid = c & CPUID_1_ECX_PCID;
	tlb_pcid_enabled = has_pcid && !nopcid;
	cpuid(0, &a, &b, &c, &d);
	if (a >= 7) {
		cpuid(7, &a, &b, &c, &d);
		tlb_invpcid = tlb_pcid_enabled && (b & CPUID_7_EBX_INVPCID);
	}
	decided = true;
	pr_info("x86: PCID %s, INVPCID %s\n",
		tlb_pcid_enabled ? "on" : has_pcid ? "off (nopcid)" : "not supported",
		tlb_invpcid ? "on" : "off");
}

void setup_pcid(void)
{
	struct tlb_state *ts = this_cpu_ptr(&cpu_tlbstate);

	if (!decided)
		decide();
	/* CR3's PCID bits are 0 here, as setting CR4.PCIDE requires. */
	if (tlb_pcid_enabled)
		write_cr4(read_cr4() | X86_CR4_PCIDE);
	memset(ts, 0, sizeof(*ts));
	ts->loaded_mm = &init_mm;
	ts->next_asid = 1;
	ts->ctxs[0].ctx_id = init_mm.context.ctx_id;
	ts->ctxs[0].tlb_gen = atomic_long_read(&init_mm.context.tlb_gen);
	cpumask_set_cpu(raw_smp_processor_id(), mm_cpumask(&init_mm));
	/* init_mm's own tables (an AP ran on the trampoline's), ASID 0 flushed. */
	write_cr3(build_cr3(init_mm.pgd, 0));
}
