// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU areas (include/linux/percpu.h): one copy of the .data..percpu
 * template per possible CPU, from memblock, each reached through its CPU's
 * GS base. The boot CPU runs on the template (GS base 0) until
 * setup_per_cpu_areas() moves it onto its own copy; other CPUs load their
 * offset before they touch per-CPU data (load_percpu_segment()).
 */
#include <linux/percpu.h>
#include <linux/memblock.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/panic.h>
#include <linux/bug.h>
#include <linux/smp.h>
#include <asm/processor.h>

DEFINE_PER_CPU(unsigned long, this_cpu_off);
DEFINE_PER_CPU(unsigned int, cpu_number);
DEFINE_PER_CPU(unsigned int, __preempt_count);

unsigned long __per_cpu_offset[NR_CPUS];

void load_percpu_segment(unsigned int cpu)
{
	wrmsr(MSR_GS_BASE, per_cpu_offset(cpu));
}

void setup_per_cpu_areas(void)
{
	unsigned long size = __per_cpu_end - __per_cpu_start;
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		char *area = memblock_alloc(PFN_ALIGN(size), PAGE_SIZE);

		if (!area)
			panic("Failed to allocate the per-CPU area of CPU %u", cpu);
		memcpy(area, __per_cpu_start, size);
		__per_cpu_offset[cpu] = area - __per_cpu_start;
		/* entry_64.S tells a kernel GS base from a user's by its sign. */
		BUG_ON((long)__per_cpu_offset[cpu] >= 0);
		per_cpu(this_cpu_off, cpu) = __per_cpu_offset[cpu];
		per_cpu(cpu_number, cpu) = cpu;
	}
	pr_info("percpu: %u areas of %lu bytes\n", nr_cpu_ids, size);
	load_percpu_segment(0);
}
