/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What drivers/char/random.c shares with its tests
 * (tests/kernel/random_test.c) and, later, with the ioctl of the random
 * devices (RNDRESEEDCRNG): the CRNGs themselves. Nothing else may use them.
 */
#ifndef _DRIVERS_CHAR_RANDOM_INTERNAL_H
#define _DRIVERS_CHAR_RANDOM_INTERNAL_H

#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/percpu.h>
#include <crypto/chacha.h>

/* The CRNG every per-CPU one is keyed from. */
struct base_crng {
	u8 key[CHACHA_KEY_SIZE];	/* under lock */
	unsigned long birth;		/* jiffies of the last reseed; under lock */
	unsigned long generation;	/* bumped by each reseed, never ULONG_MAX; under lock,
					 * read without it */
	spinlock_t lock;		/* taken with interrupts off; before input_pool.lock */
};
extern struct base_crng base_crng;

/* A CPU's own CRNG: touched only by its CPU, with interrupts off. */
struct crng {
	u8 key[CHACHA_KEY_SIZE];
	unsigned long generation;	/* base_crng's when keyed; ULONG_MAX: never */
};
DECLARE_PER_CPU(struct crng, crngs);

/*
 * A CPU's interrupt timings, mixed with a SipHash permutation (Linux's
 * fast_mix()) until they go to the pool: touched only by its CPU, in
 * interrupts (or with them off).
 */
struct fast_pool {
	unsigned long pool[4];
	unsigned long last;		/* jiffies of the last flush */
	unsigned int count;		/* interrupts since */
};
DECLARE_PER_CPU(struct fast_pool, irq_randomness);

/* random.trust_cpu=: credit RDSEED/RDRAND output (default on). */
extern bool trust_cpu;

/*
 * crng_reseed - key base_crng afresh from the pool, and bump its generation
 * so every per-CPU CRNG rekeys before its next output. Makes the CRNG
 * ready. Context: any; takes the pool's and base_crng's locks in turn.
 */
void crng_reseed(void);

#endif /* _DRIVERS_CHAR_RANDOM_INTERNAL_H */
