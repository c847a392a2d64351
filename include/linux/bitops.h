/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bit operations on words and on bitmaps of unsigned longs, with Linux's
 * names and semantics.
 *
 * A bitmap is an array of unsigned long; bit nr lives in word
 * BIT_WORD(nr) under mask BIT_MASK(nr), so bit 0 is the least significant
 * bit of word 0 and bit 64 the least significant bit of word 1.
 *
 *   word:      [        0        ][        1        ] ...
 *   bit:        63 ............ 0  127 .......... 64
 *
 * The __-prefixed modifiers are plain read-modify-writes: the caller
 * serialises access to the word, with a lock or by owning the map.
 * set_bit() is atomic (a locked or) for words that several CPUs change
 * without a lock.
 *
 * Everything here compiles the same in the kernel (freestanding,
 * -mgeneral-regs-only) and in the host tests. The word helpers use
 * __builtin_ctzl/clzl, which become tzcnt/bsf/bsr; population count is done
 * by hand because __builtin_popcountl without -mpopcnt becomes a call to
 * libgcc's __popcountdi2, and the kernel links without libgcc.
 *
 * The find_* searches and for_each_*_bit live here as in Linux; their
 * bodies are in lib/bitmap.c with the rest of the bitmap code.
 */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>

#define BITS_PER_BYTE		8
#define BITS_PER_TYPE(type)	(sizeof(type) * BITS_PER_BYTE)
#define BITS_PER_LONG		64
#define BITS_PER_LONG_LONG	64

static_assert(BITS_PER_TYPE(long) == BITS_PER_LONG);

#define BIT(nr)			(1UL << (nr))
#define BIT_ULL(nr)		(1ULL << (nr))
/* The mask of bit @nr inside its word, and the index of that word. */
#define BIT_MASK(nr)		(1UL << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr)		((nr) / BITS_PER_LONG)
/* The number of unsigned longs a bitmap of @nr bits needs. */
#define BITS_TO_LONGS(nr)	DIV_ROUND_UP(nr, BITS_PER_TYPE(long))

/**
 * __ffs - index of the least significant set bit
 * @word: the word to search; must not be 0 (the result is undefined)
 *
 * Returns 0 for bit 0 .. 63 for bit 63.
 */
static inline unsigned long __ffs(unsigned long word)
{
	return __builtin_ctzl(word);
}

/**
 * __fls - index of the most significant set bit
 * @word: the word to search; must not be 0 (the result is undefined)
 */
static inline unsigned long __fls(unsigned long word)
{
	return BITS_PER_LONG - 1 - __builtin_clzl(word);
}

/**
 * ffs - find first set bit, counting from 1 as the C library does
 * @x: the value to search
 *
 * Returns 1 for bit 0 .. 32 for bit 31, and 0 when @x is 0.
 */
static inline int ffs(int x)
{
	return x ? __builtin_ctz((unsigned int)x) + 1 : 0;
}

/**
 * fls - find last set bit, counting from 1
 * @x: the value to search
 *
 * Returns 1 for bit 0 .. 32 for bit 31, and 0 when @x is 0: fls(1) == 1,
 * fls(0x80000000) == 32.
 */
static inline int fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}

/* fls64 - as fls() for a 64-bit value: 0 for 0, 64 for bit 63. */
static inline int fls64(u64 x)
{
	return x ? 64 - __builtin_clzll(x) : 0;
}

/* fls_long - as fls() for an unsigned long. */
static inline unsigned int fls_long(unsigned long l)
{
	return fls64(l);
}

/**
 * ilog2 - base-2 logarithm, rounded down
 * @n: a value greater than 0
 *
 * A constant @n gives a constant result, usable in initialisers and
 * static_assert(); otherwise it is one bsr. ilog2(0) is -1.
 */
#define ilog2(n)							\
	(__builtin_constant_p(n) ?					\
	 ((n) < 1 ? -1 : 63 - __builtin_clzll(n)) :			\
	 fls64(n) - 1)

/* is_power_of_2 - true for 1, 2, 4 ..., false for 0 and everything else. */
static inline bool is_power_of_2(unsigned long n)
{
	return n != 0 && (n & (n - 1)) == 0;
}

/**
 * roundup_pow_of_two - the smallest power of two >= @n
 * @n: 1 .. 2^63; 0 and larger values are undefined, as in Linux
 */
static inline unsigned long roundup_pow_of_two(unsigned long n)
{
	return 1UL << fls_long(n - 1);
}

/**
 * rounddown_pow_of_two - the largest power of two <= @n
 * @n: a value greater than 0
 */
static inline unsigned long rounddown_pow_of_two(unsigned long n)
{
	return 1UL << (fls_long(n) - 1);
}

/**
 * sign_extend32 - the signed value of bits 0..@index of @value
 * @value: the bits
 * @index: the position of the sign bit (0..31)
 */
static inline s32 sign_extend32(u32 value, int index)
{
	u8 shift = 31 - index;

	return (s32)(value << shift) >> shift;
}

/* Rotations of a 32-bit or 64-bit word left or right by @shift (0..width-1). */
static inline u32 rol32(u32 word, unsigned int shift)
{
	return (word << (shift & 31)) | (word >> ((-shift) & 31));
}

static inline u32 ror32(u32 word, unsigned int shift)
{
	return (word >> (shift & 31)) | (word << ((-shift) & 31));
}

static inline u64 rol64(u64 word, unsigned int shift)
{
	return (word << (shift & 63)) | (word >> ((-shift) & 63));
}

/**
 * hweight_long - the number of set bits in @w (its Hamming weight)
 *
 * Counts bit pairs, then nibbles, then bytes in parallel, and sums the
 * bytes with one multiply: no table and no libgcc call (see the top of
 * this file).
 */
static inline unsigned long hweight_long(unsigned long w)
{
	w -= (w >> 1) & 0x5555555555555555UL;
	w = (w & 0x3333333333333333UL) + ((w >> 2) & 0x3333333333333333UL);
	w = (w + (w >> 4)) & 0x0f0f0f0f0f0f0f0fUL;
	return (w * 0x0101010101010101UL) >> 56;
}

/**
 * __set_bit - set bit @nr of the bitmap at @addr, non-atomically
 * @nr: the bit, counted from bit 0 of addr[0]
 * @addr: the bitmap
 *
 * Context: the caller excludes concurrent writers of the same word.
 */
static inline void __set_bit(unsigned long nr, unsigned long *addr)
{
	addr[BIT_WORD(nr)] |= BIT_MASK(nr);
}

/* __clear_bit - clear bit @nr, non-atomically; context as __set_bit(). */
static inline void __clear_bit(unsigned long nr, unsigned long *addr)
{
	addr[BIT_WORD(nr)] &= ~BIT_MASK(nr);
}

/* set_bit - set bit @nr of @addr atomically. Context: any. */
static inline void set_bit(unsigned long nr, unsigned long *addr)
{
	__atomic_fetch_or(&addr[BIT_WORD(nr)], BIT_MASK(nr), __ATOMIC_RELAXED);
}

/* clear_bit - clear bit @nr of @addr atomically. Context: any. */
static inline void clear_bit(unsigned long nr, unsigned long *addr)
{
	__atomic_fetch_and(&addr[BIT_WORD(nr)], ~BIT_MASK(nr), __ATOMIC_RELAXED);
}

/* test_bit - is bit @nr of @addr set? */
static inline bool test_bit(unsigned long nr, const unsigned long *addr)
{
	return (addr[BIT_WORD(nr)] & BIT_MASK(nr)) != 0;
}

/**
 * __test_and_set_bit - set bit @nr and return its old value, non-atomically
 *
 * Context: as __set_bit(); the read and the write are two accesses.
 */
static inline bool __test_and_set_bit(unsigned long nr, unsigned long *addr)
{
	bool old = test_bit(nr, addr);

	__set_bit(nr, addr);
	return old;
}

/* __test_and_clear_bit - clear bit @nr, return its old value; as above. */
static inline bool __test_and_clear_bit(unsigned long nr, unsigned long *addr)
{
	bool old = test_bit(nr, addr);

	__clear_bit(nr, addr);
	return old;
}

/**
 * find_next_bit - the first set bit at or after @offset
 * @addr: the bitmap
 * @size: its length in bits; bits at and past @size are never looked at
 * @offset: where to start
 *
 * Returns the bit's index, or @size when there is none (also when
 * @offset >= @size). Context: any; reads the map without a lock, so the
 * caller decides what a concurrent change means.
 */
unsigned long find_next_bit(const unsigned long *addr, unsigned long size,
			    unsigned long offset);

/* find_next_zero_bit - as find_next_bit(), for a clear bit. */
unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size,
				 unsigned long offset);

/* find_first_bit - the first set bit of @addr, or @size when none. */
static inline unsigned long find_first_bit(const unsigned long *addr, unsigned long size)
{
	return find_next_bit(addr, size, 0);
}

/* find_first_zero_bit - the first clear bit of @addr, or @size when none. */
static inline unsigned long find_first_zero_bit(const unsigned long *addr,
						unsigned long size)
{
	return find_next_zero_bit(addr, size, 0);
}

/**
 * for_each_set_bit - loop over the set bits of a bitmap, lowest first
 * @bit: an unsigned long that holds the current index
 * @addr: the bitmap
 * @size: its length in bits
 *
 * The body may clear @bit or any bit before it; a bit the body sets after
 * @bit is visited too.
 */
#define for_each_set_bit(bit, addr, size)				\
	for ((bit) = find_first_bit((addr), (size));			\
	     (bit) < (size);						\
	     (bit) = find_next_bit((addr), (size), (bit) + 1))

/* for_each_clear_bit - as for_each_set_bit(), over the clear bits. */
#define for_each_clear_bit(bit, addr, size)				\
	for ((bit) = find_first_zero_bit((addr), (size));		\
	     (bit) < (size);						\
	     (bit) = find_next_zero_bit((addr), (size), (bit) + 1))

#endif /* _LINUX_BITOPS_H */
