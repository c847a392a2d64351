// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's random number generator (include/linux/random.h), the
 * design of Linux 5.18 and later, written for this kernel.
 *
 * DOC: overview
 *
 *   inputs                          input_pool            CRNGs
 *   RDSEED/RDRAND (boot, reseed) --+
 *   command line, boot info -------+--> BLAKE2s state --> base_crng.key, generation
 *   interrupts (per-CPU fast pool)-+    init_bits             |  each CPU rekeys
 *   timer jitter (while waiting) --+                          v  once a generation
 *                                                  crngs[cpu].key --> ChaCha20 output
 *
 * Entropy pool. input_pool.hash is a running BLAKE2s: mixing is
 * blake2s_update(). Extracting finalises it into a seed, rekeys the pool
 * with BLAKE2s(seed, RDSEED || 0) and expands the seed into the output as
 * BLAKE2s(seed, RDSEED || i), i = 1, 2, ... (Linux's extract_entropy()):
 * the pool that remains cannot reproduce what was taken. init_bits counts
 * the credited bits up to 256; at 128 the base CRNG is keyed for the first
 * time ("early"), at 256 it is reseeded and the CRNG is ready ("crng init
 * done"); crediting stops there.
 *
 * CRNGs. base_crng holds a key reseeded from the pool: when the CRNG
 * becomes ready, and later at most once a reseed interval (1 s at boot,
 * half the uptime after, 60 s from two minutes on), checked lazily at each
 * draw. Each reseed bumps base_crng.generation. Each CPU has its own key
 * and generation: when they differ from base_crng's, the CPU's key is
 * replaced by a block of base_crng's output. Every draw is fast key
 * erasure: one ChaCha20 block under the CPU's key, whose first 32 bytes
 * become the new key and whose last 32 are output; longer output continues
 * from the old key, now gone from memory, at counter 1. So an attacker who
 * reads a key learns nothing of what came out before. Until the CRNG is
 * ready every draw uses base_crng directly, under its lock.
 *
 * Batches. get_random_u8..u64 take values from a per-CPU batch of 96
 * bytes, discarded as used, refilled when empty or when the generation
 * moved.
 *
 * Readers. get_random_bytes_user() fills a struct iov_iter (getrandom(),
 * /dev/random and /dev/urandom's random_fops/urandom_fops at the end of
 * this file, opened through drivers/char/mem.c); writes to those devices
 * mix into the pool without credit.
 *
 * Locking. base_crng.lock then input_pool.lock, each taken with
 * interrupts off; a CPU's crng, fast pool and batches are touched only by
 * that CPU with interrupts off. Everything is callable from interrupts.
 */
#define pr_fmt(fmt) "random: " fmt

#include <linux/random.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/wait.h>
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include <linux/syscalls.h>
#include <crypto/blake2s.h>
#include <crypto/chacha.h>
#include <asm/archrandom.h>
#include "random_internal.h"

enum {
	POOL_BITS = BLAKE2S_HASH_SIZE * 8,
	POOL_READY_BITS = POOL_BITS,		/* "crng init done" */
	POOL_EARLY_BITS = POOL_READY_BITS / 2,	/* the base CRNG's first key */
};

enum {
	CRNG_RESEED_START_INTERVAL = HZ,
	CRNG_RESEED_INTERVAL = 60 * HZ,
};

/* Written under base_crng.lock; read anywhere. */
static enum { CRNG_EMPTY, CRNG_EARLY, CRNG_READY } crng_init = CRNG_EMPTY;
#define crng_ready()	(likely(READ_ONCE(crng_init) >= CRNG_READY))

static DECLARE_WAIT_QUEUE_HEAD(crng_init_wait);

bool trust_cpu = true;

static int parse_trust_cpu(char *val)
{
	return kstrtobool(val, &trust_cpu);
}
early_param("random.trust_cpu", parse_trust_cpu);

/* ---- the entropy pool ---------------------------------------------------- */

static struct {
	struct blake2s_state hash;	/* under lock */
	spinlock_t lock;		/* taken with interrupts off */
	unsigned int init_bits;		/* credited bits, 0..POOL_BITS; cmpxchg */
} input_pool = {
	.hash = BLAKE2S_STATE_INIT,
	.lock = __SPIN_LOCK_UNLOCKED(input_pool.lock),
};

static void _mix_pool_bytes(const void *buf, size_t len)
{
	blake2s_update(&input_pool.hash, buf, len);
}

static void mix_pool_bytes(const void *buf, size_t len)
{
	unsigned long flags;

	spin_lock_irqsave(&input_pool.lock, flags);
	_mix_pool_bytes(buf, len);
	spin_unlock_irqrestore(&input_pool.lock, flags);
}

/* A block of RDSEED output, or RDRAND's, or the cycle counter's. */
static void fill_arch_block(unsigned long *block, size_t longs)
{
	size_t i, got;

	for (i = 0; i < longs; i += got) {
		got = arch_get_random_seed_longs(block + i, longs - i);
		if (!got)
			got = arch_get_random_longs(block + i, longs - i);
		if (!got) {
			block[i] = random_get_entropy();
			got = 1;
		}
	}
}

/*
 * Fill @buf with @len bytes from the pool and rekey the pool, so that what
 * is left cannot give them again. Context: any; takes input_pool.lock.
 */
static void extract_entropy(void *out, size_t len)
{
	u8 *buf = out;
	struct {
		unsigned long rdseed[32 / sizeof(long)];
		size_t counter;
	} block;
	u8 seed[BLAKE2S_HASH_SIZE], next_key[BLAKE2S_HASH_SIZE];
	unsigned long flags;
	size_t i;

	fill_arch_block(block.rdseed, ARRAY_SIZE(block.rdseed));

	spin_lock_irqsave(&input_pool.lock, flags);
	blake2s_final(&input_pool.hash, seed);
	block.counter = 0;
	blake2s(next_key, (u8 *)&block, seed, sizeof(next_key), sizeof(block), sizeof(seed));
	blake2s_init_key(&input_pool.hash, BLAKE2S_HASH_SIZE, next_key, sizeof(next_key));
	spin_unlock_irqrestore(&input_pool.lock, flags);
	memzero_explicit(next_key, sizeof(next_key));

	while (len) {
		i = min_t(size_t, len, BLAKE2S_HASH_SIZE);
		++block.counter;
		blake2s(buf, (u8 *)&block, seed, i, sizeof(block), sizeof(seed));
		len -= i;
		buf += i;
	}
	memzero_explicit(seed, sizeof(seed));
	memzero_explicit(&block, sizeof(block));
}

/* ---- the CRNGs ------------------------------------------------------------ */

struct base_crng base_crng = {
	.lock = __SPIN_LOCK_UNLOCKED(base_crng.lock),
};

DEFINE_PER_CPU(struct crng, crngs) = {
	.generation = ULONG_MAX,
};

void crng_reseed(void)
{
	unsigned long flags, next_gen;
	u8 key[CHACHA_KEY_SIZE];

	extract_entropy(key, sizeof(key));
	spin_lock_irqsave(&base_crng.lock, flags);
	memcpy(base_crng.key, key, sizeof(base_crng.key));
	/* ULONG_MAX marks a per-CPU CRNG that was never keyed. */
	next_gen = base_crng.generation + 1;
	if (next_gen == ULONG_MAX)
		++next_gen;
	WRITE_ONCE(base_crng.generation, next_gen);
	WRITE_ONCE(base_crng.birth, jiffies);
	if (!crng_ready())
		WRITE_ONCE(crng_init, CRNG_READY);
	spin_unlock_irqrestore(&base_crng.lock, flags);
	memzero_explicit(key, sizeof(key));
}

/*
 * One block under @key: its first CHACHA_KEY_SIZE bytes replace @key, up to
 * 32 more go to @random_data. @chacha_state is left holding the old key at
 * counter 1, for a caller that wants more blocks.
 */
static void crng_fast_key_erasure(u8 key[CHACHA_KEY_SIZE], u32 chacha_state[CHACHA_STATE_WORDS],
				  u8 *random_data, size_t random_data_len)
{
	u8 first_block[CHACHA_BLOCK_SIZE];

	BUG_ON(random_data_len > CHACHA_BLOCK_SIZE - CHACHA_KEY_SIZE);
	chacha_init_consts(chacha_state);
	memcpy(&chacha_state[4], key, CHACHA_KEY_SIZE);
	memset(&chacha_state[12], 0, sizeof(u32) * 4);
	chacha20_block(chacha_state, first_block);

	memcpy(key, first_block, CHACHA_KEY_SIZE);
	memcpy(random_data, first_block + CHACHA_KEY_SIZE, random_data_len);
	memzero_explicit(first_block, sizeof(first_block));
}

/*
 * Is base_crng due for a reseed? Every CRNG_RESEED_INTERVAL, but at boot
 * every half uptime (at least every CRNG_RESEED_START_INTERVAL), so the
 * entropy of the first minutes reaches the output soon.
 */
static bool crng_has_old_seed(void)
{
	static bool early_boot = true;
	unsigned long interval = CRNG_RESEED_INTERVAL;

	if (unlikely(READ_ONCE(early_boot))) {
		unsigned long uptime = jiffies / HZ;

		if (uptime >= CRNG_RESEED_INTERVAL / HZ * 2)
			WRITE_ONCE(early_boot, false);
		else
			interval = max_t(unsigned long, CRNG_RESEED_START_INTERVAL,
					 uptime / 2 * HZ);
	}
	return time_after(jiffies, READ_ONCE(base_crng.birth) + interval);
}

/*
 * Before the CRNG is ready draws use base_crng itself, under its lock.
 * Return: true if it turned out ready after all (nothing was drawn).
 */
static bool crng_make_state_unready(u32 chacha_state[CHACHA_STATE_WORDS], u8 *random_data,
				    size_t random_data_len)
{
	unsigned long flags;
	bool ready;

	spin_lock_irqsave(&base_crng.lock, flags);
	ready = crng_ready();
	if (!ready) {
		if (crng_init == CRNG_EMPTY)
			extract_entropy(base_crng.key, sizeof(base_crng.key));
		crng_fast_key_erasure(base_crng.key, chacha_state, random_data, random_data_len);
	}
	spin_unlock_irqrestore(&base_crng.lock, flags);
	return ready;
}

/*
 * Up to 32 bytes of output in @random_data, and @chacha_state set up for
 * more. This CPU's crng is rekeyed first if base_crng moved on.
 */
static void crng_make_state(u32 chacha_state[CHACHA_STATE_WORDS], u8 *random_data,
			    size_t random_data_len)
{
	unsigned long flags;
	struct crng *crng;

	if (!crng_ready() &&
	    !crng_make_state_unready(chacha_state, random_data, random_data_len))
		return;

	if (unlikely(crng_has_old_seed()))
		crng_reseed();

	local_irq_save(flags);
	crng = this_cpu_ptr(&crngs);
	if (unlikely(crng->generation != READ_ONCE(base_crng.generation))) {
		spin_lock(&base_crng.lock);
		crng_fast_key_erasure(base_crng.key, chacha_state, crng->key, sizeof(crng->key));
		crng->generation = base_crng.generation;
		spin_unlock(&base_crng.lock);
	}
	crng_fast_key_erasure(crng->key, chacha_state, random_data, random_data_len);
	local_irq_restore(flags);
}

/* The next block of @chacha_state, whose 64-bit counter is words 12 and 13. */
static void crng_next_block(u32 chacha_state[CHACHA_STATE_WORDS], u8 *block)
{
	chacha20_block(chacha_state, block);
	if (unlikely(chacha_state[12] == 0))
		++chacha_state[13];
}

void get_random_bytes(void *out, size_t len)
{
	u8 *buf = out;
	u32 chacha_state[CHACHA_STATE_WORDS];
	u8 tmp[CHACHA_BLOCK_SIZE];
	size_t first_block_len;

	if (!len)
		return;
	first_block_len = min_t(size_t, CHACHA_KEY_SIZE, len);
	crng_make_state(chacha_state, buf, first_block_len);
	len -= first_block_len;
	buf += first_block_len;

	for (; len >= CHACHA_BLOCK_SIZE; len -= CHACHA_BLOCK_SIZE, buf += CHACHA_BLOCK_SIZE)
		crng_next_block(chacha_state, buf);
	if (len) {
		crng_next_block(chacha_state, tmp);
		memcpy(buf, tmp, len);
		memzero_explicit(tmp, sizeof(tmp));
	}
	memzero_explicit(chacha_state, sizeof(chacha_state));
}

ssize_t get_random_bytes_user(struct iov_iter *iter)
{
	u32 chacha_state[CHACHA_STATE_WORDS];
	u8 block[CHACHA_BLOCK_SIZE];
	size_t ret = 0, copied;

	BUILD_BUG_ON(PAGE_SIZE % CHACHA_BLOCK_SIZE);
	might_sleep();
	if (!iov_iter_count(iter))
		return 0;
	if (iov_iter_count(iter) <= CHACHA_KEY_SIZE) {
		crng_make_state(chacha_state, block, iov_iter_count(iter));
		ret = copy_to_iter(block, iov_iter_count(iter), iter);
		goto out_zero;
	}
	/* Key the state with fresh bytes before any copy can stall. */
	crng_make_state(chacha_state, (u8 *)&chacha_state[4], CHACHA_KEY_SIZE);
	for (;;) {
		crng_next_block(chacha_state, block);
		copied = copy_to_iter(block, sizeof(block), iter);
		ret += copied;
		if (!iov_iter_count(iter) || copied != sizeof(block))
			break;
		if (ret % PAGE_SIZE == 0)
			cond_resched();
	}
out_zero:
	memzero_explicit(block, sizeof(block));
	memzero_explicit(chacha_state, sizeof(chacha_state));
	return ret ? (ssize_t)ret : -EFAULT;
}

/*
 * A per-CPU batch of output for each integer type: used value by value,
 * each wiped as it goes, refilled when used up or when base_crng's
 * generation moved (so no value predates a reseed).
 */
#define DEFINE_BATCHED_ENTROPY(type)						\
struct batch_ ##type {								\
	type entropy[CHACHA_BLOCK_SIZE * 3 / (2 * sizeof(type))];		\
	unsigned long generation;						\
	unsigned int position;		/* next unused; >= size: empty */	\
};										\
										\
static DEFINE_PER_CPU(struct batch_ ##type, batched_entropy_ ##type) = {	\
	.position = UINT_MAX,							\
};										\
										\
type get_random_ ##type(void)							\
{										\
	struct batch_ ##type *batch;						\
	unsigned long flags, next_gen;						\
	type ret;								\
										\
	if (!crng_ready()) {							\
		get_random_bytes(&ret, sizeof(ret));				\
		return ret;							\
	}									\
	local_irq_save(flags);							\
	batch = this_cpu_ptr(&batched_entropy_ ##type);				\
	next_gen = READ_ONCE(base_crng.generation);				\
	if (batch->position >= ARRAY_SIZE(batch->entropy) ||			\
	    next_gen != batch->generation) {					\
		get_random_bytes(batch->entropy, sizeof(batch->entropy));	\
		batch->position = 0;						\
		batch->generation = next_gen;					\
	}									\
	ret = batch->entropy[batch->position];					\
	batch->entropy[batch->position++] = 0;					\
	local_irq_restore(flags);						\
	return ret;								\
}

DEFINE_BATCHED_ENTROPY(u8)
DEFINE_BATCHED_ENTROPY(u16)
DEFINE_BATCHED_ENTROPY(u32)
DEFINE_BATCHED_ENTROPY(u64)

u32 get_random_u32_below(u32 ceil)
{
	u64 mult = (u64)ceil * get_random_u32();

	/* The low half below 2^32 mod ceil is the biased sliver: redraw it. */
	if (unlikely((u32)mult < ceil)) {
		u32 bound = -ceil % ceil;

		while (unlikely((u32)mult < bound))
			mult = (u64)ceil * get_random_u32();
	}
	return mult >> 32;
}

bool rng_is_initialized(void)
{
	return crng_ready();
}

/* ---- crediting -------------------------------------------------------------- */

static void credit_init_bits(size_t bits)
{
	unsigned int add, orig, new;
	unsigned long flags;

	if (crng_ready() || !bits)
		return;
	add = min_t(size_t, bits, POOL_BITS);
	orig = READ_ONCE(input_pool.init_bits);
	do {
		new = min_t(unsigned int, POOL_BITS, orig + add);
	} while (!__atomic_compare_exchange_n(&input_pool.init_bits, &orig, new, false,
					      __ATOMIC_RELAXED, __ATOMIC_RELAXED));

	if (orig < POOL_READY_BITS && new >= POOL_READY_BITS) {
		crng_reseed();
		wake_up(&crng_init_wait);
		pr_notice("crng init done\n");
	} else if (orig < POOL_EARLY_BITS && new >= POOL_EARLY_BITS) {
		spin_lock_irqsave(&base_crng.lock, flags);
		/* crng_reseed() may have been quicker. */
		if (crng_init == CRNG_EMPTY) {
			extract_entropy(base_crng.key, sizeof(base_crng.key));
			WRITE_ONCE(crng_init, CRNG_EARLY);
		}
		spin_unlock_irqrestore(&base_crng.lock, flags);
	}
}

/* ---- inputs ----------------------------------------------------------------- */

void random_init_early(const char *command_line)
{
	unsigned long entropy[BLAKE2S_BLOCK_SIZE / sizeof(long)];
	size_t i, got, arch_bits = sizeof(entropy) * 8;

	x86_init_rdrand();
	for (i = 0; i < ARRAY_SIZE(entropy); i += got) {
		got = arch_get_random_seed_longs(entropy + i, ARRAY_SIZE(entropy) - i);
		if (!got)
			got = arch_get_random_longs(entropy + i, ARRAY_SIZE(entropy) - i);
		if (!got) {
			/* Not from the CPU: the cycle counter, not credited. */
			entropy[i] = random_get_entropy();
			arch_bits -= sizeof(long) * 8;
			got = 1;
		}
	}
	mix_pool_bytes(entropy, sizeof(entropy));
	mix_pool_bytes(command_line, strlen(command_line));
	entropy[0] = random_get_entropy();
	mix_pool_bytes(entropy, sizeof(entropy[0]));
	memzero_explicit(entropy, sizeof(entropy));

	if (crng_ready())
		crng_reseed();
	else if (trust_cpu)
		credit_init_bits(arch_bits);
}

void add_device_randomness(const void *buf, size_t len)
{
	unsigned long entropy = random_get_entropy();
	unsigned long flags;

	spin_lock_irqsave(&input_pool.lock, flags);
	_mix_pool_bytes(&entropy, sizeof(entropy));
	_mix_pool_bytes(buf, len);
	spin_unlock_irqrestore(&input_pool.lock, flags);
}

DEFINE_PER_CPU(struct fast_pool, irq_randomness);

/* One SipHash round on the four words. */
static void sipround(unsigned long s[4])
{
	s[0] += s[1]; s[1] = rol64(s[1], 13); s[1] ^= s[0]; s[0] = rol64(s[0], 32);
	s[2] += s[3]; s[3] = rol64(s[3], 16); s[3] ^= s[2];
	s[0] += s[3]; s[3] = rol64(s[3], 21); s[3] ^= s[0];
	s[2] += s[1]; s[1] = rol64(s[1], 17); s[1] ^= s[2]; s[2] = rol64(s[2], 32);
}

static void fast_mix(unsigned long s[4], unsigned long v1, unsigned long v2)
{
	s[3] ^= v1;
	sipround(s);
	s[0] ^= v1;
	s[3] ^= v2;
	sipround(s);
	s[0] ^= v2;
}

/* The fast pool to the input pool: one bit per 64 interrupts, at least one. */
static void mix_interrupt_randomness(struct fast_pool *fast_pool)
{
	unsigned long pool[ARRAY_SIZE(fast_pool->pool)];
	unsigned int count = fast_pool->count;

	memcpy(pool, fast_pool->pool, sizeof(pool));
	fast_pool->count = 0;
	fast_pool->last = jiffies;
	mix_pool_bytes(pool, sizeof(pool));
	credit_init_bits(clamp_t(unsigned int, count / 64, 1, sizeof(pool) * 8));
	memzero_explicit(pool, sizeof(pool));
}

void add_interrupt_randomness(int irq)
{
	struct fast_pool *fast_pool = this_cpu_ptr(&irq_randomness);
	unsigned long entropy = random_get_entropy();

	fast_mix(fast_pool->pool, entropy, (unsigned long)__builtin_return_address(0) ^ irq);
	if (++fast_pool->count < 1024 && !time_after(jiffies, fast_pool->last + HZ))
		return;
	mix_interrupt_randomness(fast_pool);
}

/* ---- waiting, and the jitter it makes ------------------------------------------ */

struct entropy_timer_state {
	unsigned long entropy;		/* the cycle counter as the loop last saw it */
	struct timer_list timer;
	unsigned int samples, samples_per_bit;	/* touched by the timer only */
};

/*
 * The timer's expiry, against the waiting loop's progress, is what the
 * cycle counter's value here depends on: mix it, and credit a bit every
 * samples_per_bit expiries.
 */
static void entropy_timer(struct timer_list *timer)
{
	struct entropy_timer_state *state = from_timer(state, timer, timer);
	unsigned long entropy = random_get_entropy();

	mix_pool_bytes(&entropy, sizeof(entropy));
	if (++state->samples % state->samples_per_bit == 0)
		credit_init_bits(1);
}

/*
 * Linux's try_to_generate_entropy(): if the cycle counter changes often
 * enough between reads, loop mixing it while a timer fires each tick.
 */
static void try_to_generate_entropy(void)
{
	enum { NUM_TRIAL_SAMPLES = 8192, MAX_SAMPLES_PER_BIT = HZ / 15 };
	struct entropy_timer_state stack = { 0 };
	unsigned int i, num_different = 0;
	unsigned long last = random_get_entropy();

	for (i = 0; i < NUM_TRIAL_SAMPLES - 1; i++) {
		stack.entropy = random_get_entropy();
		num_different += stack.entropy != last;
		last = stack.entropy;
	}
	stack.samples_per_bit = DIV_ROUND_UP(NUM_TRIAL_SAMPLES, num_different + 1);
	if (stack.samples_per_bit > MAX_SAMPLES_PER_BIT)
		return;

	timer_setup(&stack.timer, entropy_timer, 0);
	stack.timer.expires = jiffies;
	add_timer(&stack.timer);
	while (!crng_ready()) {
		if (!timer_pending(&stack.timer)) {
			/* Under the timer's lock: its function has returned. */
			del_timer(&stack.timer);
			stack.timer.expires = jiffies;
			add_timer(&stack.timer);
		}
		mix_pool_bytes(&stack.entropy, sizeof(stack.entropy));
		schedule();
		stack.entropy = random_get_entropy();
	}
	mix_pool_bytes(&stack.entropy, sizeof(stack.entropy));
	del_timer(&stack.timer);
}

int wait_for_random_bytes(void)
{
	might_sleep();
	while (!crng_ready()) {
		try_to_generate_entropy();
		wait_event_timeout(crng_init_wait, crng_ready(), HZ);
	}
	return 0;
}

/* /dev/urandom: never waits (Linux 5.18+: the CRNG is all there is). */
static ssize_t urandom_read_iter(struct kiocb *kiocb, struct iov_iter *iter)
{
	return get_random_bytes_user(iter);
}

/* /dev/random: waits once for the CRNG to be ready, never after. */
static ssize_t random_read_iter(struct kiocb *kiocb, struct iov_iter *iter)
{
	if (!crng_ready()) {
		if (kiocb->ki_filp->f_flags & O_NONBLOCK)
			return -EAGAIN;
		wait_for_random_bytes();
	}
	return get_random_bytes_user(iter);
}

/* Writes mix the bytes into the input pool, crediting no entropy (as Linux without RNDADDENTROPY). */
static ssize_t random_write_iter(struct kiocb *kiocb, struct iov_iter *iter)
{
	u8 block[BLAKE2S_BLOCK_SIZE];
	size_t ret = 0, copied;

	while (iov_iter_count(iter)) {
		copied = copy_from_iter(block, sizeof(block), iter);
		if (!copied)
			break;
		mix_pool_bytes(block, copied);
		ret += copied;
		cond_resched();
	}
	memzero_explicit(block, sizeof(block));
	return ret ? (ssize_t)ret : -EFAULT;
}

const struct file_operations random_fops = {
	.read_iter = random_read_iter,
	.write_iter = random_write_iter,
	.llseek = noop_llseek,
};

const struct file_operations urandom_fops = {
	.read_iter = urandom_read_iter,
	.write_iter = random_write_iter,
	.llseek = noop_llseek,
};

/*
 * getrandom(2), Linux 5.18's: GRND_RANDOM is /dev/random (there is only
 * the CRNG; it waits once, as /dev/random does), GRND_INSECURE never
 * waits (not with GRND_RANDOM), GRND_NONBLOCK answers -EAGAIN instead of
 * waiting. Return: the bytes written, or -EINVAL, -EAGAIN, -EFAULT.
 */
SYSCALL_DEFINE3(getrandom, char __user *, ubuf, size_t, len, unsigned int, flags)
{
	struct iov_iter iter;
	struct iovec iov;
	int err;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) == (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	if (!crng_ready() && !(flags & GRND_INSECURE)) {
		if (flags & GRND_NONBLOCK)
			return -EAGAIN;
		wait_for_random_bytes();
	}
	err = import_single_range(ITER_DEST, ubuf, len, &iov, &iter);
	return err ?: get_random_bytes_user(&iter);
}
