/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPUs. smp_processor_id() is the number of the CPU running the caller,
 * read from its per-CPU area (include/linux/percpu.h). A caller must not
 * migrate while it uses its CPU's data: it runs with interrupts off (and,
 * once there is preemption, preemption off).
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/threads.h>
#include <linux/percpu.h>

extern unsigned int nr_cpu_ids;

#define raw_smp_processor_id()	this_cpu_read(cpu_number)
#define smp_processor_id()	raw_smp_processor_id()

#define for_each_possible_cpu(cpu)	for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++)

#endif /* _LINUX_SMP_H */
