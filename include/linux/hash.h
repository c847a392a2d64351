/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Multiplicative hashing (Linux's include/linux/hash.h): multiply by a
 * constant close to 2^64 / phi and keep the top @bits bits, which depend on
 * all of the input's bits.
 */
#ifndef _LINUX_HASH_H
#define _LINUX_HASH_H

#include <linux/types.h>

#define GOLDEN_RATIO_64		0x61c8864680b583ebULL

/* @val hashed to @bits bits (1 to 32). */
static inline u32 hash_64(u64 val, unsigned int bits)
{
	return (u32)((val * GOLDEN_RATIO_64) >> (64 - bits));
}

#endif /* _LINUX_HASH_H */
