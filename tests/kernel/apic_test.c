// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the local APIC and interrupt dispatch (arch/x86_64/apic.c,
 * irq.c): the APIC is this CPU's, a self-IPI reaches its handler exactly
 * once and is acknowledged, and the calibrated timer fires.
 */
#include <linux/ktest.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <asm/apic.h>
#include <asm/irq.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/tsc.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/sprintf.h>

#define TEST_VECTOR	0x41

static volatile unsigned int test_vector_hits;

static void test_vector_handler(struct pt_regs *regs)
{
	test_vector_hits++;
}

static void apic_is_this_cpus(struct ktest *test)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	KTEST_EXPECT_EQ(test, read_apic_id(), b >> 24);
	KTEST_EXPECT_TRUE(test, apic_read(APIC_SPIV) & APIC_SPIV_APIC_ENABLED);
	KTEST_EXPECT_GT(test, lapic_timer_ticks_per_ms, 0u);
}

/* Enable interrupts until @hits changes or @ms of TSC time pass. */
static bool wait_for_hit(unsigned int before, unsigned int ms)
{
	u64 t0 = rdtsc_ordered(), limit = (u64)tsc_khz * ms;

	local_irq_enable();
	while (test_vector_hits == before && rdtsc_ordered() - t0 < limit)
		cpu_relax();
	local_irq_disable();
	return test_vector_hits != before;
}

static void self_ipi_reaches_its_handler_once(struct ktest *test)
{
	unsigned long flags;
	unsigned int before = test_vector_hits;
	unsigned long count = irq_count(smp_processor_id(), TEST_VECTOR);

	set_vector_handler(TEST_VECTOR, test_vector_handler);
	local_irq_save(flags);
	apic_send_IPI(0, APIC_DEST_SELF | APIC_DM_FIXED | TEST_VECTOR);
	/* Pending while interrupts are off. */
	KTEST_EXPECT_EQ(test, test_vector_hits, before);
	KTEST_EXPECT_TRUE(test, wait_for_hit(before, 100));
	local_irq_restore(flags);
	KTEST_EXPECT_EQ(test, test_vector_hits, before + 1);
	KTEST_EXPECT_EQ(test, irq_count(smp_processor_id(), TEST_VECTOR), count + 1);
	set_vector_handler(TEST_VECTOR, NULL);
}

/*
 * /proc/interrupts' layout: a CPU column per online CPU, then a line per
 * system vector ("LOC:" and the others, always shown) and per external
 * vector that ever fired ("%3u:" and "vector"), one count per CPU.
 */
static void show_interrupts_has_a_column_per_cpu_and_a_line_per_vector(struct ktest *test)
{
	unsigned long flags;
	unsigned int before = test_vector_hits, cpu;
	struct seq_file m = {};
	const char *text;
	char want[64];

	set_vector_handler(TEST_VECTOR, test_vector_handler);
	local_irq_save(flags);
	apic_send_IPI(0, APIC_DEST_SELF | APIC_DM_FIXED | TEST_VECTOR);
	KTEST_EXPECT_TRUE(test, wait_for_hit(before, 100));
	local_irq_restore(flags);
	set_vector_handler(TEST_VECTOR, NULL);

	text = KTEST_SHOW(test, &m, show_interrupts, NULL);
	KTEST_EXPECT_EQ(test, strncmp(text, "           CPU0  ", 17), 0);
	for_each_online_cpu(cpu) {
		snprintf(want, sizeof(want), "CPU%-3u", cpu);
		KTEST_EXPECT_NOT_NULL(test, strstr(text, want));
	}
	KTEST_EXPECT_NOT_NULL(test, strstr(text, "\nLOC: "));
	KTEST_EXPECT_NOT_NULL(test, strstr(text, "   Local timer interrupts\n"));
	KTEST_EXPECT_NOT_NULL(test, strstr(text, "\nRES: "));
	snprintf(want, sizeof(want), "\n%3u: ", TEST_VECTOR);
	KTEST_EXPECT_NOT_NULL(test, strstr(text, want));
	seq_file_free(&m);
}

static void apic_timer_fires_once(struct ktest *test)
{
	unsigned long flags;
	unsigned int before = test_vector_hits;

	set_vector_handler(TEST_VECTOR, test_vector_handler);
	local_irq_save(flags);
	lapic_timer_oneshot(lapic_timer_ticks_per_ms, TEST_VECTOR);	/* 1 ms */
	KTEST_EXPECT_TRUE(test, wait_for_hit(before, 1000));
	/* One-shot: no second interrupt. */
	KTEST_EXPECT_FALSE(test, wait_for_hit(before + 1, 20));
	/* Give the scheduler its tick back. */
	lapic_timer_periodic(HZ);
	local_irq_restore(flags);
	set_vector_handler(TEST_VECTOR, NULL);
}

static void unhandled_vector_is_reported(struct ktest *test)
{
	unsigned long flags;

	local_irq_save(flags);
	apic_send_IPI(0, APIC_DEST_SELF | APIC_DM_FIXED | (TEST_VECTOR + 1));
	wait_for_hit(test_vector_hits, 10);	/* nothing counts it: just a window */
	local_irq_restore(flags);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "No irq handler for vector"));
}

static struct ktest_case apic_cases[] = {
	KTEST_CASE(apic_is_this_cpus),
	KTEST_CASE(self_ipi_reaches_its_handler_once),
	KTEST_CASE(apic_timer_fires_once),
	KTEST_CASE(unhandled_vector_is_reported),
	KTEST_CASE(show_interrupts_has_a_column_per_cpu_and_a_line_per_vector),
	{}
};

static struct ktest_suite apic_suite = {
	.name = "apic",
	.test_cases = apic_cases,
};
ktest_register_suite(apic_suite);
