// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the atomics (include/linux/atomic.h) and barriers: the
 * compare-and-exchange family's return values, and lock-free counters
 * built on them staying exact with every CPU updating at once.
 */
#include <linux/ktest.h>
#include <linux/atomic.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <asm/barrier.h>
#include <asm/processor.h>

static void cmpxchg_returns_what_it_found(struct ktest *test)
{
	unsigned long v = 5;

	KTEST_EXPECT_EQ(test, cmpxchg(&v, 5UL, 7UL), 5UL);
	KTEST_EXPECT_EQ(test, v, 7UL);
	KTEST_EXPECT_EQ(test, cmpxchg(&v, 5UL, 9UL), 7UL);
	KTEST_EXPECT_EQ(test, v, 7UL);
	KTEST_EXPECT_EQ(test, xchg(&v, 1UL), 7UL);
	KTEST_EXPECT_EQ(test, v, 1UL);
}

static void try_cmpxchg_updates_the_expected_value(struct ktest *test)
{
	atomic_t a = ATOMIC_INIT(3);
	int old = 4;

	KTEST_EXPECT_FALSE(test, atomic_try_cmpxchg(&a, &old, 10));
	KTEST_EXPECT_EQ(test, old, 3);
	KTEST_EXPECT_TRUE(test, atomic_try_cmpxchg(&a, &old, 10));
	KTEST_EXPECT_EQ(test, atomic_read(&a), 10);
	KTEST_EXPECT_EQ(test, atomic_cmpxchg(&a, 10, 11), 10);
	KTEST_EXPECT_EQ(test, atomic_read(&a), 11);
}

static void cmpxchg128_exchanges_both_halves(struct ktest *test)
{
	static u128 v __aligned(16);
	u128 one = ((u128)1 << 64) | 2, two = ((u128)3 << 64) | 4;

	if (!system_has_cmpxchg128())
		KTEST_SKIP(test, "no cmpxchg16b on this CPU");
	v = one;
	KTEST_EXPECT_TRUE(test, cmpxchg128(&v, one, two) == one);
	KTEST_EXPECT_TRUE(test, v == two);
	KTEST_EXPECT_TRUE(test, cmpxchg128(&v, one, one) == two);
	KTEST_EXPECT_TRUE(test, v == two);
}

static unsigned long lockfree_counter;
static atomic_t cas_done;

static void cas_increments(void *arg)
{
	unsigned long i, old;

	for (i = 0; i < 20000; i++) {
		old = READ_ONCE(lockfree_counter);
		while (!try_cmpxchg(&lockfree_counter, &old, old + 1))
			cpu_relax();
	}
	smp_mb();
	atomic_inc(&cas_done);
}

static void cmpxchg_counter_is_exact_on_every_cpu(struct ktest *test)
{
	lockfree_counter = 0;
	atomic_set(&cas_done, 0);
	smp_call_function_many(cpu_online_mask, cas_increments, NULL, false);
	cas_increments(NULL);
	while ((unsigned int)atomic_read(&cas_done) < num_online_cpus())
		cpu_relax();
	KTEST_EXPECT_EQ(test, lockfree_counter, 20000UL * num_online_cpus());
}

static struct ktest_case atomic_cases[] = {
	KTEST_CASE(cmpxchg_returns_what_it_found),
	KTEST_CASE(try_cmpxchg_updates_the_expected_value),
	KTEST_CASE(cmpxchg128_exchanges_both_halves),
	KTEST_CASE(cmpxchg_counter_is_exact_on_every_cpu),
	{}
};

static struct ktest_suite atomic_suite = {
	.name = "atomic",
	.test_cases = atomic_cases,
};
ktest_register_suite(atomic_suite);
