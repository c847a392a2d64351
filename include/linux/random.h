/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's random number generator (drivers/char/random.c), Linux's
 * interface since 5.18: a BLAKE2s entropy pool seeds a ChaCha20 CRNG.
 *
 * Output, from any context (interrupts included), never blocking:
 *   get_random_bytes(buf, len)       any length
 *   get_random_u8/u16/u32/u64/long() one value, from a per-CPU batch
 *   get_random_u32_below(ceil)       uniform in [0, ceil), unbiased
 *   get_random_u32_inclusive(lo, hi) uniform in [lo, hi]
 * Before the pool has been credited 256 bits the values come from a key
 * seeded with whatever was mixed in so far: rng_is_initialized() tells,
 * and wait_for_random_bytes() (process context) waits until it is true.
 *
 * Input: add_device_randomness() (boot information, the command line:
 * not credited), add_interrupt_randomness() (the cycle counter at each
 * interrupt, credited a little), and the CPU's RDSEED/RDRAND, credited
 * when random.trust_cpu= says so (the default).
 */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/types.h>
#include <asm/processor.h>

/* getrandom(2)'s flags (Linux's uapi/linux/random.h). */
#define GRND_NONBLOCK	0x0001	/* -EAGAIN rather than wait for the CRNG */
#define GRND_RANDOM	0x0002	/* /dev/random: the same CRNG, waiting once */
#define GRND_INSECURE	0x0004	/* never wait, even before the CRNG is ready */

/*
 * random_get_entropy - the cheapest counter that changes quickly: the TSC,
 * whose low bits at an interrupt are what add_interrupt_randomness()
 * harvests. Not serialised: when exactly the read executes is part of
 * what it measures.
 */
static inline unsigned long random_get_entropy(void)
{
	return rdtsc();
}

/**
 * random_init_early - seed the pool at boot
 * @command_line: the kernel command line, mixed in (not credited)
 *
 * Mixes a block of RDSEED (or RDRAND) output, the command line and the
 * cycle counter; credits the CPU's bits when random.trust_cpu= is on,
 * which makes the CRNG ready at once on a CPU that has either instruction.
 * Context: boot CPU, once, after setup_per_cpu_areas() (the per-CPU CRNGs
 * must not be copied from the template after first use) and
 * parse_early_param().
 */
void random_init_early(const char *command_line);

/**
 * add_device_randomness - mix in data that differs between machines or boots
 * @buf: the data (a MAC address, the firmware's tables, the boot information)
 * @len: its length
 *
 * Credited with nothing: it makes two machines' pools differ, it does not
 * make either unpredictable. Context: any; takes the pool's lock with
 * interrupts off.
 */
void add_device_randomness(const void *buf, size_t len);

/**
 * add_interrupt_randomness - harvest the timing of an interrupt
 * @irq: the interrupt's number (the vector here)
 *
 * Mixes the cycle counter into a per-CPU fast pool (a few SipHash rounds);
 * once a second, or every 1024 interrupts, the fast pool goes into the
 * entropy pool, credited one bit per 64 interrupts (at least one).
 * Context: hard interrupt, interrupts off.
 */
void add_interrupt_randomness(int irq);

/**
 * get_random_bytes - fill @buf with @len random bytes
 * @buf: the output
 * @len: its length; any
 *
 * Context: any, interrupts included; never sleeps. Before
 * rng_is_initialized() the bytes are only as good as the input so far.
 */
void get_random_bytes(void *buf, size_t len);

/*
 * get_random_u8/u16/u32/u64 - one random value, from this CPU's batch of
 * ChaCha output (refilled every 96 bytes, and at once after a reseed).
 * Context: any; never sleeps.
 */
u8 get_random_u8(void);
u16 get_random_u16(void);
u32 get_random_u32(void);
u64 get_random_u64(void);

static inline unsigned long get_random_long(void)
{
	return get_random_u64();
}

/**
 * get_random_u32_below - a uniform random integer in [0, @ceil)
 * @ceil: the exclusive bound; 0 gives 0 (the only value in no range)
 *
 * Lemire's multiply-and-shift: the high half of @ceil * a random u32, with
 * the few draws whose low half falls below 2^32 mod @ceil redrawn, so no
 * value is favoured. Context: any; never sleeps.
 */
u32 get_random_u32_below(u32 ceil);

/**
 * get_random_u32_inclusive - a uniform random integer in [@floor, @ceil]
 * @floor: the lowest value
 * @ceil: the highest; must be >= @floor
 *
 * The whole range [0, U32_MAX] (which Linux refuses at compile time) is
 * get_random_u32(). Context: any; never sleeps.
 */
static inline u32 get_random_u32_inclusive(u32 floor, u32 ceil)
{
	if (floor == 0 && ceil == ~0U)
		return get_random_u32();
	return floor + get_random_u32_below(ceil - floor + 1);
}

/**
 * rng_is_initialized - has the pool been credited 256 bits yet?
 *
 * Once true it stays true. Context: any.
 */
bool rng_is_initialized(void);

/**
 * wait_for_random_bytes - sleep until rng_is_initialized()
 *
 * While it waits it also makes entropy of its own, as Linux does: a timer
 * fires every tick while the task loops, and each expiry mixes the cycle
 * counter, whose jitter against the loop is credited one bit. So a
 * machine without RDSEED/RDRAND, or with random.trust_cpu=off, is ready
 * in about 256 ticks. Return: 0 (there are no signals to interrupt it).
 * Context: process, may sleep.
 */
int wait_for_random_bytes(void);

struct iov_iter;
struct file_operations;

/**
 * get_random_bytes_user - fill @iter with random bytes (/dev/urandom, getrandom())
 * @iter: the reader's buffers, iov_iter_count(@iter) bytes wanted
 *
 * The CRNG's key is replaced before the first byte is copied, so a copy
 * that faults or sleeps for ever keeps nothing that could rebuild the
 * output. Stops at the first short copy (a user fault), as Linux's.
 * Return: the bytes copied, or -EFAULT when none could be (and some were
 * wanted). Context: process; may sleep between pages (cond_resched()).
 */
ssize_t get_random_bytes_user(struct iov_iter *iter);

/*
 * /dev/random (1:8) and /dev/urandom (1:9), opened through drivers/char/mem.c.
 * Linux 5.18+'s semantics: both read from the CRNG; /dev/random waits
 * once for it to be ready (wait_for_random_bytes()), /dev/urandom never
 * waits; writes mix the bytes into the pool and credit nothing.
 */
extern const struct file_operations random_fops;
extern const struct file_operations urandom_fops;

#endif /* _LINUX_RANDOM_H */
