/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bitmaps of arbitrary length (lib/bitmap.c), with Linux's names and
 * semantics. The layout is that of include/linux/bitops.h: an array of
 * BITS_TO_LONGS(nbits) unsigned longs, bit nr in word nr / 64.
 *
 * Tail bits: the bits of the last word at and beyond @nbits are "don't
 * care". bitmap_fill() sets them (it fills whole words, as Linux does);
 * every function that reads a bitmap masks them off, so they never change a
 * result. Callers must therefore not keep data of their own there.
 *
 * Nothing here is atomic or locked: the owner of the map serialises.
 */
#ifndef _LINUX_BITMAP_H
#define _LINUX_BITMAP_H

#include <linux/bitops.h>
#include <linux/string.h>

/* DECLARE_BITMAP - define an array named @name able to hold @bits bits. */
#define DECLARE_BITMAP(name, bits)	unsigned long name[BITS_TO_LONGS(bits)]

/*
 * Masks for the partial words at either end of a range: the bits of the
 * word holding bit @start from @start up, and the bits of the last word of
 * an @nbits-bit map below @nbits (all of them when @nbits is a multiple of
 * 64).
 */
#define BITMAP_FIRST_WORD_MASK(start)	(~0UL << ((start) & (BITS_PER_LONG - 1)))
#define BITMAP_LAST_WORD_MASK(nbits)	(~0UL >> (-(nbits) & (BITS_PER_LONG - 1)))

/* bitmap_zero - clear all @nbits bits of @dst. */
static inline void bitmap_zero(unsigned long *dst, unsigned int nbits)
{
	memset(dst, 0, BITS_TO_LONGS(nbits) * sizeof(unsigned long));
}

/* bitmap_fill - set all @nbits bits of @dst (and the tail bits, see top). */
static inline void bitmap_fill(unsigned long *dst, unsigned int nbits)
{
	memset(dst, 0xff, BITS_TO_LONGS(nbits) * sizeof(unsigned long));
}

/**
 * bitmap_set - set a run of bits
 * @map: the bitmap
 * @start: the first bit to set
 * @nbits: how many bits to set; 0 touches nothing
 *
 * Whole words in the middle of the run are written as words.
 */
void bitmap_set(unsigned long *map, unsigned int start, unsigned int nbits);

/* bitmap_clear - clear @nbits bits from @start; as bitmap_set(). */
void bitmap_clear(unsigned long *map, unsigned int start, unsigned int nbits);

/* bitmap_weight - the number of set bits among the first @nbits. */
unsigned int bitmap_weight(const unsigned long *src, unsigned int nbits);

/* bitmap_equal - do the first @nbits bits of @src1 and @src2 agree? */
bool bitmap_equal(const unsigned long *src1, const unsigned long *src2,
		  unsigned int nbits);

/* bitmap_empty - is none of the first @nbits bits set? */
static inline bool bitmap_empty(const unsigned long *src, unsigned int nbits)
{
	return find_first_bit(src, nbits) >= nbits;
}

/* bitmap_full - are all of the first @nbits bits set? */
static inline bool bitmap_full(const unsigned long *src, unsigned int nbits)
{
	return find_first_zero_bit(src, nbits) >= nbits;
}

/**
 * bitmap_find_next_zero_area - find a run of clear bits
 * @map: the bitmap
 * @size: its length in bits
 * @start: where to begin looking
 * @nr: the length of the run wanted
 * @align_mask: the run's first bit must be a multiple of @align_mask + 1
 *              (so @align_mask is 2^k - 1; 0 for no alignment)
 *
 * Returns the first bit of the lowest such run at or after @start. When
 * there is none, returns a value greater than @size (the end of the last
 * candidate run tried), as Linux does: for @nr > 0, `index >= size` means
 * failure.
 * The map is not changed: the caller bitmap_set()s the run it takes.
 */
unsigned long bitmap_find_next_zero_area(unsigned long *map, unsigned long size,
					 unsigned long start, unsigned int nr,
					 unsigned long align_mask);

#endif /* _LINUX_BITMAP_H */
