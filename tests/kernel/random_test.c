// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the random number generator (drivers/char/random.c): the CRNG
 * becomes ready (at boot from the CPU's instructions when trusted, else by
 * waiting, from the cycle counter alone: the random.trust_cpu=off boot of
 * make test); output fills exactly what was asked and differs between
 * calls; bounded draws stay in bounds and reach every value; a monobit
 * count over 1 MiB is balanced; each draw replaces its CPU's key with the
 * first half of a ChaCha20 block under the old one (fast key erasure);
 * every CPU rekeys after a reseed; draws work from IPIs and timers;
 * interrupt timings reach the pool; get_random_bytes_user() fills every
 * segment of an iov_iter and gives -EFAULT for an unmapped user buffer.
 * Every assertion is about values, never about time; the statistical bounds are many standard
 * deviations wide.
 */
#include <linux/ktest.h>
#include <linux/random.h>
#include <linux/uio.h>
#include <linux/bitops.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <linux/timer.h>
#include <crypto/chacha.h>
#include <asm/archrandom.h>
#include <asm/irqflags.h>
#include "../../drivers/char/random_internal.h"

/* The ready case runs first: the later ones want a ready CRNG. */
static void cpu_randomness_makes_the_crng_ready_at_boot(struct ktest *test)
{
	unsigned long v;

	if (!trust_cpu)
		KTEST_SKIP(test, "random.trust_cpu=off");
	if (!arch_get_random_seed_longs(&v, 1) && !arch_get_random_longs(&v, 1))
		KTEST_SKIP(test, "the CPU has neither RDSEED nor RDRAND");
	KTEST_EXPECT_TRUE(test, rng_is_initialized());
}

static void wait_for_random_bytes_makes_the_crng_ready(struct ktest *test)
{
	bool was_ready = rng_is_initialized();

	KTEST_EXPECT_EQ(test, wait_for_random_bytes(), 0);
	KTEST_EXPECT_TRUE(test, rng_is_initialized());
	if (!was_ready)
		KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "random: crng init done"));
	else
		ktest_info(test, "ready before the wait (trust_cpu=%d)", trust_cpu);
}

static void get_random_bytes_differ_between_calls(struct ktest *test)
{
	u8 a[64], b[64];

	get_random_bytes(a, sizeof(a));
	get_random_bytes(b, sizeof(b));
	KTEST_EXPECT_NE(test, memcmp(a, b, sizeof(a)), 0);
	KTEST_EXPECT_NOT_NULL(test, memchr_inv(a, 0, sizeof(a)));
}

static void get_random_bytes_fills_exactly_len_bytes(struct ktest *test)
{
	u8 buf[8 + 200 + 8];
	size_t len, untouched = 0, unfilled = 0;

	for (len = 0; len <= 200; len++) {
		memset(buf, 0x5a, sizeof(buf));
		get_random_bytes(buf + 8, len);
		untouched += !memchr_inv(buf, 0x5a, 8) && !memchr_inv(buf + 8 + len, 0x5a,
								      sizeof(buf) - 8 - len);
		/* 8 or more bytes all still 0x5a: not filled (odds 2^-64). */
		unfilled += len >= 8 && !memchr_inv(buf + 8, 0x5a, len);
	}
	KTEST_EXPECT_EQ(test, untouched, 201UL);
	KTEST_EXPECT_EQ(test, unfilled, 0UL);
}

static void get_random_u32_below_is_in_range_and_hits_every_value(struct ktest *test)
{
	static const u32 ceils[] = { 1, 2, 3, 7, 10, 100 };
	static bool seen[100];
	unsigned int i, j, out_of_range = 0, missed = 0;

	for (i = 0; i < ARRAY_SIZE(ceils); i++) {
		memset(seen, 0, sizeof(seen));
		/* 200 draws a value: a miss has odds below (1 - 1/ceil)^(200 ceil) < e^-200. */
		for (j = 0; j < 200 * ceils[i]; j++) {
			u32 v = get_random_u32_below(ceils[i]);

			if (v >= ceils[i])
				out_of_range++;
			else
				seen[v] = true;
		}
		for (j = 0; j < ceils[i]; j++)
			missed += !seen[j];
	}
	/* A bound whose biased sliver is half the range: the redraw path. */
	for (j = 0; j < 1000; j++)
		out_of_range += get_random_u32_below(0x80000001U) >= 0x80000001U;
	KTEST_EXPECT_EQ(test, out_of_range, 0U);
	KTEST_EXPECT_EQ(test, missed, 0U);
	KTEST_EXPECT_EQ(test, get_random_u32_below(0), 0U);
}

static void get_random_u32_inclusive_reaches_both_ends(struct ktest *test)
{
	unsigned int i, out_of_range = 0;
	bool low = false, high = false;

	for (i = 0; i < 1000; i++) {
		u32 v = get_random_u32_inclusive(5, 9);

		out_of_range += v < 5 || v > 9;
		low |= v == 5;
		high |= v == 9;
	}
	KTEST_EXPECT_EQ(test, out_of_range, 0U);
	KTEST_EXPECT_TRUE(test, low);
	KTEST_EXPECT_TRUE(test, high);
	KTEST_EXPECT_EQ(test, get_random_u32_inclusive(7, 7), 7U);
	KTEST_EXPECT_NE(test, get_random_u32_inclusive(0, ~0U) | get_random_u32_inclusive(0, ~0U) |
			      get_random_u32_inclusive(0, ~0U), 0U);
}

/* Over 256 draws every bit of every width is set in one and clear in another. */
static void every_width_sets_and_clears_every_bit(struct ktest *test)
{
	u64 or8 = 0, and8 = ~0ULL, or16 = 0, and16 = ~0ULL, or32 = 0, and32 = ~0ULL;
	u64 or64 = 0, and64 = ~0ULL;
	unsigned int i;

	for (i = 0; i < 256; i++) {
		u8 a = get_random_u8();
		u16 b = get_random_u16();
		u32 c = get_random_u32();
		u64 d = get_random_long();

		or8 |= a; and8 &= a;
		or16 |= b; and16 &= b;
		or32 |= c; and32 &= c;
		or64 |= d; and64 &= d;
	}
	KTEST_EXPECT_EQ(test, or8, 0xffULL);
	KTEST_EXPECT_EQ(test, or16, 0xffffULL);
	KTEST_EXPECT_EQ(test, or32, 0xffffffffULL);
	KTEST_EXPECT_EQ(test, or64, ~0ULL);
	KTEST_EXPECT_EQ(test, and8 | and16 | and32 | and64, 0ULL);
}

static void monobit_count_of_one_mib_is_balanced(struct ktest *test)
{
	static unsigned long buf[PAGE_SIZE / sizeof(long)];
	const long bits = 8L << 20, half = bits / 2;
	long ones = 0;
	unsigned int i, j;

	for (i = 0; i < (1U << 20) / sizeof(buf); i++) {
		get_random_bytes(buf, sizeof(buf));
		for (j = 0; j < ARRAY_SIZE(buf); j++)
			ones += hweight_long(buf[j]);
	}
	ktest_info(test, "%ld ones in %ld bits", ones, bits);
	/* One standard deviation is sqrt(bits) / 2 = 1448: allow 8. */
	KTEST_EXPECT_LT(test, ones > half ? ones - half : half - ones, 11585L);
}

/* ChaCha20 under @key at counter 0, nonce 0: what fast key erasure computes. */
static void chacha20_first_block(const u8 *key, u8 *block)
{
	u32 state[CHACHA_STATE_WORDS] = { 0 };

	chacha_init_consts(state);
	memcpy(&state[4], key, CHACHA_KEY_SIZE);
	chacha20_block(state, block);
}

static void each_draw_replaces_the_key_with_its_first_half_block(struct ktest *test)
{
	u8 key[CHACHA_KEY_SIZE], after[CHACHA_KEY_SIZE], out[32], block[CHACHA_BLOCK_SIZE];
	unsigned long flags, gen_before, gen_after;

	/* Reseeded just now: no reseed falls due between the draws. */
	crng_reseed();
	local_irq_save(flags);
	get_random_bytes(out, 1);	/* rekeys this CPU from the new base key */
	memcpy(key, this_cpu_ptr(&crngs)->key, sizeof(key));
	gen_before = this_cpu_ptr(&crngs)->generation;
	get_random_bytes(out, sizeof(out));
	memcpy(after, this_cpu_ptr(&crngs)->key, sizeof(after));
	gen_after = this_cpu_ptr(&crngs)->generation;
	local_irq_restore(flags);

	KTEST_ASSERT_EQ(test, gen_before, gen_after);
	chacha20_first_block(key, block);
	KTEST_EXPECT_MEMEQ(test, after, block, CHACHA_KEY_SIZE);
	KTEST_EXPECT_MEMEQ(test, out, block + CHACHA_KEY_SIZE, sizeof(out));
	KTEST_EXPECT_NE(test, memcmp(key, after, sizeof(key)), 0);
}

static unsigned long cpu_generation[NR_CPUS];
static u8 cpu_key[NR_CPUS][CHACHA_KEY_SIZE];

/* On each CPU, with interrupts off: draw, then note the CPU's crng. */
static void draw_and_record(void *unused)
{
	unsigned int cpu = smp_processor_id();

	(void)get_random_u32();
	cpu_generation[cpu] = this_cpu_ptr(&crngs)->generation;
	memcpy(cpu_key[cpu], this_cpu_ptr(&crngs)->key, CHACHA_KEY_SIZE);
}

static void every_cpu_rekeys_after_a_reseed(struct ktest *test)
{
	static u8 old_key[NR_CPUS][CHACHA_KEY_SIZE];
	unsigned long old_gen, new_gen;
	unsigned int cpu, stale = 0, same_key = 0;

	on_each_cpu(draw_and_record, NULL, true);
	memcpy(old_key, cpu_key, sizeof(old_key));
	old_gen = READ_ONCE(base_crng.generation);
	crng_reseed();
	new_gen = READ_ONCE(base_crng.generation);
	KTEST_EXPECT_NE(test, new_gen, old_gen);
	KTEST_EXPECT_NE(test, new_gen, ULONG_MAX);

	/* get_random_u32()'s batch predates the reseed: it refills, and so rekeys. */
	on_each_cpu(draw_and_record, NULL, true);
	for_each_online_cpu(cpu) {
		stale += cpu_generation[cpu] != new_gen;
		same_key += !memcmp(old_key[cpu], cpu_key[cpu], CHACHA_KEY_SIZE);
	}
	KTEST_EXPECT_EQ(test, stale, 0U);
	KTEST_EXPECT_EQ(test, same_key, 0U);
}

struct irq_draw {
	u32 value;
	u64 bytes[2];
	bool in_irq;
	bool done;
	struct timer_list timer;
};

static struct irq_draw ipi_draws[NR_CPUS];

static void draw_in_ipi(void *unused)
{
	struct irq_draw *d = &ipi_draws[smp_processor_id()];

	d->in_irq = in_interrupt();
	d->value = get_random_u32();
	get_random_bytes(d->bytes, sizeof(d->bytes));
	WRITE_ONCE(d->done, true);
}

static void draw_in_timer(struct timer_list *t)
{
	struct irq_draw *d = from_timer(d, t, timer);

	d->in_irq = in_interrupt();
	d->value = get_random_u32_below(1000);
	get_random_bytes(d->bytes, sizeof(d->bytes));
	WRITE_ONCE(d->done, true);
}

static void draws_work_in_interrupt_context(struct ktest *test)
{
	static struct irq_draw timer_draw;
	unsigned int cpu, self = raw_smp_processor_id(), ipis = 0, wrong = 0;

	/* A timer on this CPU: its function runs in the tick's interrupt. */
	memset(&timer_draw, 0, sizeof(timer_draw));
	timer_setup(&timer_draw.timer, draw_in_timer, 0);
	timer_draw.timer.expires = jiffies + 1;
	add_timer(&timer_draw.timer);
	while (!READ_ONCE(timer_draw.done))
		schedule_timeout_uninterruptible(1);
	KTEST_EXPECT_TRUE(test, timer_draw.in_irq);
	KTEST_EXPECT_LT(test, timer_draw.value, 1000U);
	KTEST_EXPECT_NE(test, timer_draw.bytes[0], timer_draw.bytes[1]);

	/* IPIs to every other CPU. */
	memset(ipi_draws, 0, sizeof(ipi_draws));
	for_each_online_cpu(cpu) {
		if (cpu == self)
			continue;
		KTEST_EXPECT_EQ(test, smp_call_function_single(cpu, draw_in_ipi, NULL, true), 0);
		wrong += !ipi_draws[cpu].done || !ipi_draws[cpu].in_irq ||
			 ipi_draws[cpu].bytes[0] == ipi_draws[cpu].bytes[1];
		ipis++;
	}
	KTEST_EXPECT_EQ(test, wrong, 0U);
	ktest_info(test, "%u CPUs drew from an IPI", ipis);
}

/*
 * With interrupts off nothing else feeds this CPU's fast pool: each call
 * changes it, and at the latest the 1024th empties it into the input pool.
 */
static void interrupt_timings_reach_the_pool_every_1024_interrupts(struct ktest *test)
{
	struct fast_pool *fp, before;
	unsigned int i, unchanged = 0, flushed_at = 0;
	unsigned long flags;

	local_irq_save(flags);
	fp = this_cpu_ptr(&irq_randomness);
	add_interrupt_randomness(0);	/* a flush due by time happens here */
	for (i = 1; i <= 1024 && !flushed_at; i++) {
		before = *fp;
		add_interrupt_randomness(i);
		unchanged += !memcmp(before.pool, fp->pool, sizeof(fp->pool));
		if (fp->count == 0)
			flushed_at = i;
		else if (fp->count != before.count + 1)
			break;
	}
	local_irq_restore(flags);
	KTEST_EXPECT_EQ(test, unchanged, 0U);
	KTEST_EXPECT_GT(test, flushed_at, 0U);
	KTEST_EXPECT_LE(test, flushed_at, 1024U);
}

/* get_random_bytes_user() over @len bytes of @buf in @nsegs equal kernel segments. */
static ssize_t random_into_kvec(u8 *buf, size_t len, unsigned int nsegs)
{
	struct kvec kv[4];
	struct iov_iter iter;
	unsigned int i;

	for (i = 0; i < nsegs; i++)
		kv[i] = (struct kvec){ buf + i * (len / nsegs), len / nsegs };
	iov_iter_kvec(&iter, ITER_DEST, kv, nsegs, len / nsegs * nsegs);
	return get_random_bytes_user(&iter);
}

static void get_random_bytes_user_fills_the_iterator_and_stops_at_a_fault(struct ktest *test)
{
	static u8 buf[5000];
	struct iovec bad = { .iov_base = (void __user *)0x1000, .iov_len = 64 };
	struct iov_iter iter;
	unsigned int i;

	KTEST_EXPECT_EQ(test, random_into_kvec(buf, 0, 1), 0L);
	memset(buf, 0, sizeof(buf));
	KTEST_EXPECT_EQ(test, random_into_kvec(buf, 16, 1), 16L);
	KTEST_EXPECT_NOT_NULL(test, memchr_inv(buf, 0, 16));
	KTEST_EXPECT_NULL(test, memchr_inv(buf + 16, 0, sizeof(buf) - 16));
	memset(buf, 0, sizeof(buf));
	KTEST_EXPECT_EQ(test, random_into_kvec(buf, sizeof(buf), 4), (ssize_t)sizeof(buf));
	for (i = 0; i < 4; i++)		/* the end of every segment is filled */
		KTEST_EXPECT_NOT_NULL(test, memchr_inv(buf + (i + 1) * 1250 - 16, 0, 16));
	/* An unmapped user buffer: nothing copied, -EFAULT (short and long paths). */
	iov_iter_init(&iter, ITER_DEST, &bad, 1, 8);
	KTEST_EXPECT_EQ(test, get_random_bytes_user(&iter), (ssize_t)-EFAULT);
	iov_iter_init(&iter, ITER_DEST, &bad, 1, 64);
	KTEST_EXPECT_EQ(test, get_random_bytes_user(&iter), (ssize_t)-EFAULT);
}

static struct ktest_case random_cases[] = {
	KTEST_CASE(cpu_randomness_makes_the_crng_ready_at_boot),
	KTEST_CASE(wait_for_random_bytes_makes_the_crng_ready),
	KTEST_CASE(get_random_bytes_differ_between_calls),
	KTEST_CASE(get_random_bytes_fills_exactly_len_bytes),
	KTEST_CASE(get_random_u32_below_is_in_range_and_hits_every_value),
	KTEST_CASE(get_random_u32_inclusive_reaches_both_ends),
	KTEST_CASE(every_width_sets_and_clears_every_bit),
	KTEST_CASE(monobit_count_of_one_mib_is_balanced),
	KTEST_CASE(each_draw_replaces_the_key_with_its_first_half_block),
	KTEST_CASE(every_cpu_rekeys_after_a_reseed),
	KTEST_CASE(draws_work_in_interrupt_context),
	KTEST_CASE(interrupt_timings_reach_the_pool_every_1024_interrupts),
	KTEST_CASE(get_random_bytes_user_fills_the_iterator_and_stops_at_a_fault),
	{}
};

static struct ktest_suite random_suite = {
	.name = "random",
	.test_cases = random_cases,
};
ktest_register_suite(random_suite);
