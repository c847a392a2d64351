/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The CPU's random number instructions (arch/x86_64/rdrand.c), Linux's
 * interface: RDSEED (CPUID.7.0:EBX bit 18) returns conditioned entropy,
 * RDRAND (CPUID.1:ECX bit 30) the output of a DRBG the hardware reseeds.
 * Either may fail for a moment (carry clear); RDRAND is retried, as Intel's
 * DRNG guide advises, RDSEED is not (its failures are real exhaustion).
 * drivers/char/random.c mixes what they give into its pool and credits it
 * only when random.trust_cpu= allows (the default).
 */
#ifndef _ASM_ARCHRANDOM_H
#define _ASM_ARCHRANDOM_H

#include <linux/types.h>

/*
 * x86_init_rdrand - find RDRAND and RDSEED in CPUID and check that they
 * work (a few draws must succeed and differ); a broken one is reported and
 * never used. Context: boot CPU, once, before the first draw.
 */
void x86_init_rdrand(void);

/*
 * arch_get_random_longs / arch_get_random_seed_longs - fill up to
 * @max_longs words at @v from RDRAND / RDSEED
 * Return: the number of words filled: 0 when the CPU lacks the
 * instruction or it failed, else at most 1 (one instruction per call, as
 * Linux's x86 version). Context: any.
 */
size_t arch_get_random_longs(unsigned long *v, size_t max_longs);
size_t arch_get_random_seed_longs(unsigned long *v, size_t max_longs);

#endif /* _ASM_ARCHRANDOM_H */
