/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPUs. Per-CPU data is indexed by smp_processor_id() from day one; until
 * the other CPUs are started (the SMP issue) every caller runs on CPU 0.
 * A caller must not migrate while it uses its CPU's data: it runs with
 * interrupts off (and, once there is preemption, preemption off).
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#define NR_CPUS		64

extern unsigned int nr_cpu_ids;

static inline unsigned int smp_processor_id(void)
{
	return 0;
}

#define for_each_possible_cpu(cpu)	for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++)

#endif /* _LINUX_SMP_H */
