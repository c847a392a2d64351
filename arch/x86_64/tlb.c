// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel TLB shootdown (asm/tlbflush.h): the range goes to every online
 * CPU through on_each_cpu() and each flushes it locally, page by page up
 * to tlb_single_page_flush_ceiling pages, everything beyond. The caller
 * waits until all have flushed. With one CPU online there is no IPI.
 *
 * User ranges (flush_tlb_mm_range()) go only to the CPUs in
 * mm_cpumask(mm): this one flushes directly, the others by IPI, waited
 * for. Each still checks that the mm is its loaded one
 * (current->active_mm): it may have switched away since the mask was
 * read, and user entries are not global, so the CR3 load of the switch
 * dropped them.
 *
 * The threads of a process load one mm on several CPUs at once, so the
 * mask is read while other CPUs join it. A CPU joining sets its bit with
 * a locked instruction before loading CR3 (switch_mm_irqs_off()); the
 * flusher's read of the mask must likewise come after its writes to the
 * page tables are visible, or x86's store buffer lets the two cross: the
 * flusher misses the new bit while the joining CPU walks the old entry
 * and caches it. A full barrier (Linux's inc_mm_tlb_gen() is one) sits
 * between the caller's pte writes and the read of the mask.
 */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/preempt.h>
#include <asm/barrier.h>
#include <asm/tlbflush.h>

struct flush_tlb_info {
	unsigned long start, end;
	struct mm_struct *mm;	/* a user flush: only where it is loaded */
};

static void do_kernel_range_flush(void *data)
{
	const struct flush_tlb_info *info = data;
	unsigned long addr;

	if (info->end == TLB_FLUSH_ALL ||
	    info->end - info->start > (tlb_single_page_flush_ceiling << PAGE_SHIFT)) {
		__flush_tlb_all();
		return;
	}
	for (addr = ALIGN_DOWN(info->start, PAGE_SIZE); addr < info->end; addr += PAGE_SIZE)
		__flush_tlb_one_kernel(addr);
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	struct flush_tlb_info info = { start, end, NULL };

	if (num_online_cpus() == 1)
		do_kernel_range_flush(&info);
	else
		on_each_cpu(do_kernel_range_flush, &info, true);
}

void flush_tlb_all(void)
{
	flush_tlb_kernel_range(0, TLB_FLUSH_ALL);
}

static void do_user_range_flush(void *data)
{
	const struct flush_tlb_info *info = data;

	if (current->active_mm == info->mm)
		do_kernel_range_flush(data);
}

void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end,
			 unsigned int stride_shift, bool freed_tables)
{
	struct flush_tlb_info info = { start, end, mm };
	unsigned int cpu = get_cpu();
	struct cpumask cpus;

	/* The page-table writes before the mask is read: see the top. */
	smp_mb();
	/* A snapshot: the CPUs sent to are the CPUs waited for. */
	cpus = *mm_cpumask(mm);

	/* invlpg also drops the paging-structure caches of the address. */
	if (cpumask_test_cpu(cpu, &cpus)) {
		unsigned long flags;

		local_irq_save(flags);
		do_user_range_flush(&info);
		local_irq_restore(flags);
	}
	smp_call_function_many(&cpus, do_user_range_flush, &info, true);
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
