// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of per-CPU variables (include/linux/percpu.h): this CPU's
 * instance through %gs, every CPU's through per_cpu(), and the template
 * left alone once the areas exist.
 */
#include <linux/ktest.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <asm/processor.h>

static DEFINE_PER_CPU(u8, pcpu_test_u8);
static DEFINE_PER_CPU(u16, pcpu_test_u16);
static DEFINE_PER_CPU(u32, pcpu_test_u32);
static DEFINE_PER_CPU(u64, pcpu_test_u64) = 0x1234;
static DEFINE_PER_CPU(unsigned long, pcpu_test_array[4]);

static void boot_cpu_runs_on_its_own_area(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, smp_processor_id(), 0u);
	KTEST_EXPECT_EQ(test, rdmsr(MSR_GS_BASE), per_cpu_offset(0));
	KTEST_EXPECT_EQ(test, this_cpu_read(this_cpu_off), per_cpu_offset(0));
	KTEST_EXPECT_NE(test, per_cpu_offset(0), 0UL);
	KTEST_EXPECT_PTR_EQ(test, this_cpu_ptr(&pcpu_test_u64), per_cpu_ptr(&pcpu_test_u64, 0));
}

static void this_cpu_ops_work_at_every_size(struct ktest *test)
{
	this_cpu_write(pcpu_test_u8, 0xfe);
	this_cpu_inc(pcpu_test_u8);
	KTEST_EXPECT_EQ(test, this_cpu_read(pcpu_test_u8), 0xff);
	this_cpu_write(pcpu_test_u16, 1000);
	this_cpu_add(pcpu_test_u16, 234);
	KTEST_EXPECT_EQ(test, this_cpu_read(pcpu_test_u16), 1234);
	this_cpu_write(pcpu_test_u32, 7);
	this_cpu_dec(pcpu_test_u32);
	KTEST_EXPECT_EQ(test, this_cpu_read(pcpu_test_u32), 6u);
	this_cpu_sub(pcpu_test_u64, 0x34);
	KTEST_EXPECT_EQ(test, this_cpu_read(pcpu_test_u64), 0x1200ULL);
	this_cpu_add(pcpu_test_array[2], 5);
	KTEST_EXPECT_EQ(test, per_cpu(pcpu_test_array, 0)[2], 5UL);
	KTEST_EXPECT_EQ(test, per_cpu(pcpu_test_u16, smp_processor_id()), 1234);
}

static void areas_start_as_copies_of_the_template(struct ktest *test)
{
	unsigned int cpu;

	/* pcpu_test_u64 was initialised to 0x1234; CPU 0's copy was changed above. */
	for_each_possible_cpu(cpu)
		if (cpu)
			KTEST_EXPECT_EQ(test, per_cpu(pcpu_test_u64, cpu), 0x1234ULL);
	KTEST_EXPECT_EQ(test, *(u64 *)&pcpu_test_u64, 0x1234ULL);
}

static void every_cpu_has_its_own_area(struct ktest *test)
{
	unsigned int cpu, other;

	for_each_possible_cpu(cpu) {
		KTEST_EXPECT_EQ(test, per_cpu(cpu_number, cpu), cpu);
		KTEST_EXPECT_EQ(test, per_cpu(this_cpu_off, cpu), per_cpu_offset(cpu));
		for (other = 0; other < cpu; other++) {
			unsigned long a = per_cpu_offset(cpu), b = per_cpu_offset(other);
			unsigned long size = __per_cpu_end - __per_cpu_start;

			KTEST_EXPECT_TRUE(test, a + size <= b || b + size <= a);
		}
	}
	per_cpu(pcpu_test_u32, nr_cpu_ids - 1) = 99;
	if (nr_cpu_ids > 1)
		KTEST_EXPECT_NE(test, this_cpu_read(pcpu_test_u32), 99u);
}

static struct ktest_case percpu_cases[] = {
	KTEST_CASE(boot_cpu_runs_on_its_own_area),
	KTEST_CASE(this_cpu_ops_work_at_every_size),
	KTEST_CASE(areas_start_as_copies_of_the_template),
	KTEST_CASE(every_cpu_has_its_own_area),
	{}
};

static struct ktest_suite percpu_suite = {
	.name = "percpu",
	.test_cases = percpu_cases,
};
ktest_register_suite(percpu_suite);
