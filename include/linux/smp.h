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
#include <linux/types.h>
#include <linux/preempt.h>

extern unsigned int nr_cpu_ids;

#define raw_smp_processor_id()	this_cpu_read(cpu_number)

/*
 * smp_processor_id - this CPU's number, for a caller that cannot migrate
 * (interrupts or preemption off, or a task bound to its CPU). With
 * lockdep=on, a call from migratable code is reported (kernel/lockdep.c),
 * as Linux's CONFIG_DEBUG_PREEMPT.
 */
extern bool lockdep_enabled;
void check_preemption_disabled(void);
#define smp_processor_id() ({						\
	if (unlikely(lockdep_enabled))					\
		check_preemption_disabled();				\
	raw_smp_processor_id();						\
})

/* get_cpu - this CPU's number, with preemption off until put_cpu(). */
#define get_cpu()	({ preempt_disable(); smp_processor_id(); })
#define put_cpu()	preempt_enable()

#define for_each_possible_cpu(cpu)	for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++)

struct cpumask;
typedef void (*smp_call_func_t)(void *info);

/*
 * smp_call_function_single - run @func(@info) on @cpu, with interrupts off
 * there; with @wait, return once it has run. Return: 0, or -ENXIO for a
 * CPU that is not online. Context: interrupts on when waiting.
 */
int smp_call_function_single(unsigned int cpu, smp_call_func_t func, void *info, bool wait);

/* The same on every online CPU of @mask except this one (kernel/smp.c). */
void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func,
			    void *info, bool wait);

/* On every online CPU, this one included (here with interrupts off). */
void on_each_cpu(smp_call_func_t func, void *info, bool wait);

/* Set up the queues and the IPI handler. Context: boot, before smp_init(). */
void call_function_init(void);

#endif /* _LINUX_SMP_H */
