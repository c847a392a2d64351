// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of CPU discovery and bring-up (arch/x86_64/acpi.c, smpboot.c):
 * the MADT's CPUs, nosmp/maxcpus, every possible CPU online with its own
 * APIC, per-CPU area and stacks.
 */
#include <linux/ktest.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/percpu.h>
#include <linux/shell.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/kstrtox.h>
#include <linux/sprintf.h>
#include <asm/smp.h>
#include <asm/apic.h>
#include <asm/desc.h>

DECLARE_PER_CPU(struct cpu_stacks, cpu_stacks);

/* The maxcpus= limit on the command line (nosmp: 1), or NR_CPUS. */
static unsigned int cmdline_max_cpus(void)
{
	const char *p = strstr(boot_command_line, "maxcpus=");
	unsigned int n = NR_CPUS;

	if (strstr(boot_command_line, "nosmp"))
		return 1;
	if (p)
		n = (unsigned int)simple_strtoul(p + 8, NULL, 0);
	return n ? n : 1;
}

static void every_possible_cpu_is_online(struct ktest *test)
{
	unsigned int cpu;

	KTEST_EXPECT_EQ(test, num_online_cpus(), nr_cpu_ids);
	KTEST_EXPECT_EQ(test, cpumask_weight(cpu_possible_mask), nr_cpu_ids);
	for_each_possible_cpu(cpu)
		KTEST_EXPECT_TRUE(test, cpu_online(cpu));
	KTEST_EXPECT_FALSE(test, cpu_online(nr_cpu_ids));
}

static void nr_cpu_ids_follows_madt_and_maxcpus(struct ktest *test)
{
	unsigned int present = cpumask_weight(cpu_present_mask);

	KTEST_EXPECT_GE(test, present, 1u);
	KTEST_EXPECT_EQ(test, nr_cpu_ids, min(present, cmdline_max_cpus()));
}

static void boot_cpu_is_cpu0_with_its_apic(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, smp_processor_id(), 0u);
	KTEST_EXPECT_EQ(test, x86_cpu_to_apicid[0], read_apic_id());
}

static void cpus_have_distinct_apics_and_stacks(struct ktest *test)
{
	unsigned int cpu, other;

	for_each_possible_cpu(cpu) {
		const struct cpu_stacks *cs = per_cpu_ptr(&cpu_stacks, cpu);

		KTEST_EXPECT_LT(test, cs->task_lo, cs->task_hi);
		KTEST_EXPECT_NOT_NULL(test, cs->estacks);
		for (other = 0; other < cpu; other++) {
			KTEST_EXPECT_NE(test, x86_cpu_to_apicid[cpu], x86_cpu_to_apicid[other]);
			KTEST_EXPECT_NE(test, cs->task_lo, per_cpu_ptr(&cpu_stacks, other)->task_lo);
		}
	}
}

static void cpus_command_lists_each_cpu(struct ktest *test)
{
	char line[32] = "cpus";
	unsigned int cpu;

	KTEST_EXPECT_EQ(test, shell_exec(line), 0);
	for_each_possible_cpu(cpu) {
		snprintf(line, sizeof(line), "%3u  %4u  online", cpu, x86_cpu_to_apicid[cpu]);
		KTEST_EXPECT_TRUE(test, ktest_log_contains(test, line));
	}
}

static struct ktest_case smp_cases[] = {
	KTEST_CASE(every_possible_cpu_is_online),
	KTEST_CASE(nr_cpu_ids_follows_madt_and_maxcpus),
	KTEST_CASE(boot_cpu_is_cpu0_with_its_apic),
	KTEST_CASE(cpus_have_distinct_apics_and_stacks),
	KTEST_CASE(cpus_command_lists_each_cpu),
	{}
};

static struct ktest_suite smp_suite = {
	.name = "smp",
	.test_cases = smp_cases,
};
ktest_register_suite(smp_suite);
