/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU masks, with Linux's names: a bitmap of NR_CPUS bits.
 *
 *   cpu_possible_mask  CPUs that may ever run (0 .. nr_cpu_ids - 1)
 *   cpu_present_mask   CPUs the firmware reported
 *   cpu_online_mask    CPUs running the kernel now
 *
 * cpumask_set_cpu() and cpumask_clear_cpu() are atomic (another CPU may
 * change another bit of the same word); readers need no lock and may see
 * a CPU come online a moment late.
 */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/types.h>
#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/threads.h>

struct cpumask {
	DECLARE_BITMAP(bits, NR_CPUS);
};
typedef struct cpumask cpumask_t;

extern struct cpumask __cpu_possible_mask, __cpu_present_mask, __cpu_online_mask;
#define cpu_possible_mask	((const struct cpumask *)&__cpu_possible_mask)
#define cpu_present_mask	((const struct cpumask *)&__cpu_present_mask)
#define cpu_online_mask		((const struct cpumask *)&__cpu_online_mask)

static inline void cpumask_set_cpu(unsigned int cpu, struct cpumask *mask)
{
	__atomic_fetch_or(&mask->bits[cpu / BITS_PER_LONG], 1UL << (cpu % BITS_PER_LONG),
			  __ATOMIC_SEQ_CST);
}

static inline void cpumask_clear_cpu(unsigned int cpu, struct cpumask *mask)
{
	__atomic_fetch_and(&mask->bits[cpu / BITS_PER_LONG], ~(1UL << (cpu % BITS_PER_LONG)),
			   __ATOMIC_SEQ_CST);
}

static inline bool cpumask_test_cpu(unsigned int cpu, const struct cpumask *mask)
{
	return __atomic_load_n(&mask->bits[cpu / BITS_PER_LONG], __ATOMIC_ACQUIRE) &
	       (1UL << (cpu % BITS_PER_LONG));
}

static inline unsigned int cpumask_weight(const struct cpumask *mask)
{
	return bitmap_weight(mask->bits, NR_CPUS);
}

#define for_each_cpu(cpu, mask)	for_each_set_bit(cpu, (mask)->bits, NR_CPUS)
#define for_each_online_cpu(cpu)	for_each_cpu(cpu, cpu_online_mask)
#define for_each_present_cpu(cpu)	for_each_cpu(cpu, cpu_present_mask)

static inline bool cpu_online(unsigned int cpu)
{
	return cpumask_test_cpu(cpu, cpu_online_mask);
}

static inline void set_cpu_online(unsigned int cpu, bool online)
{
	if (online)
		cpumask_set_cpu(cpu, &__cpu_online_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_online_mask);
}

static inline void set_cpu_present(unsigned int cpu, bool present)
{
	if (present)
		cpumask_set_cpu(cpu, &__cpu_present_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_present_mask);
}

static inline void set_cpu_possible(unsigned int cpu, bool possible)
{
	if (possible)
		cpumask_set_cpu(cpu, &__cpu_possible_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_possible_mask);
}

static inline unsigned int num_online_cpus(void)
{
	return cpumask_weight(cpu_online_mask);
}

static inline unsigned int num_possible_cpus(void)
{
	return cpumask_weight(cpu_possible_mask);
}

#endif /* _LINUX_CPUMASK_H */
