// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel TLB shootdown (asm/tlbflush.h): the range goes to every online
 * CPU through on_each_cpu() and each flushes it locally, page by page up
 * to tlb_single_page_flush_ceiling pages, everything beyond. The caller
 * waits until all have flushed. With one CPU online there is no IPI.
 */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <asm/tlbflush.h>

struct flush_tlb_info {
	unsigned long start, end;
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
	struct flush_tlb_info info = { start, end };

	if (num_online_cpus() == 1)
		do_kernel_range_flush(&info);
	else
		on_each_cpu(do_kernel_range_flush, &info, true);
}

void flush_tlb_all(void)
{
	flush_tlb_kernel_range(0, TLB_FLUSH_ALL);
}
