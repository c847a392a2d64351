// SPDX-License-Identifier: GPL-2.0
/*
 * Bitmap searches and range operations; the layout and the single-bit
 * operations are in include/linux/bitops.h, the interface in
 * include/linux/bitmap.h.
 *
 * Everything works a word at a time. A range [start, end) touches words
 * BIT_WORD(start) .. BIT_WORD(end - 1); only the first and the last of them
 * are partial, and BITMAP_FIRST_WORD_MASK / BITMAP_LAST_WORD_MASK cut them.
 * Reads never look at a word past BITS_TO_LONGS(size), and tail bits beyond
 * @size are masked off before they can influence a result.
 */
#include <linux/bitmap.h>

/*
 * The first bit at or after @start whose value differs from @invert's:
 * @invert is 0 to find a set bit, ~0UL to find a clear one (the word is
 * flipped so both become a search for a 1).
 */
static unsigned long find_next(const unsigned long *addr, unsigned long size,
			       unsigned long start, unsigned long invert)
{
	unsigned long word;

	if (unlikely(start >= size))
		return size;
	word = (addr[BIT_WORD(start)] ^ invert) & BITMAP_FIRST_WORD_MASK(start);
	start = ALIGN_DOWN(start, BITS_PER_LONG);
	while (!word) {
		start += BITS_PER_LONG;
		if (start >= size)
			return size;
		word = addr[BIT_WORD(start)] ^ invert;
	}
	/* A hit among the tail bits of the last word is no hit. */
	return min(start + __ffs(word), size);
}

unsigned long find_next_bit(const unsigned long *addr, unsigned long size,
			    unsigned long offset)
{
	return find_next(addr, size, offset, 0);
}

unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size,
				 unsigned long offset)
{
	return find_next(addr, size, offset, ~0UL);
}

/* Set (@value) or clear bits [start, start + nbits). */
static void bitmap_assign(unsigned long *map, unsigned int start,
			  unsigned int nbits, bool value)
{
	unsigned long end = (unsigned long)start + nbits;
	unsigned long first = BIT_WORD(start), last, w;

	if (!nbits)
		return;
	last = BIT_WORD(end - 1);
	for (w = first; w <= last; w++) {
		unsigned long mask = ~0UL;

		if (w == first)
			mask &= BITMAP_FIRST_WORD_MASK(start);
		if (w == last)
			mask &= BITMAP_LAST_WORD_MASK(end);
		if (value)
			map[w] |= mask;
		else
			map[w] &= ~mask;
	}
}

void bitmap_set(unsigned long *map, unsigned int start, unsigned int nbits)
{
	bitmap_assign(map, start, nbits, true);
}

void bitmap_clear(unsigned long *map, unsigned int start, unsigned int nbits)
{
	bitmap_assign(map, start, nbits, false);
}

unsigned int bitmap_weight(const unsigned long *src, unsigned int nbits)
{
	unsigned int full = nbits / BITS_PER_LONG, w, weight = 0;

	for (w = 0; w < full; w++)
		weight += hweight_long(src[w]);
	if (nbits % BITS_PER_LONG)
		weight += hweight_long(src[w] & BITMAP_LAST_WORD_MASK(nbits));
	return weight;
}

bool bitmap_equal(const unsigned long *src1, const unsigned long *src2,
		  unsigned int nbits)
{
	unsigned int full = nbits / BITS_PER_LONG, w;

	for (w = 0; w < full; w++)
		if (src1[w] != src2[w])
			return false;
	if (nbits % BITS_PER_LONG)
		return !((src1[w] ^ src2[w]) & BITMAP_LAST_WORD_MASK(nbits));
	return true;
}

/*
 * Candidate runs start at the next clear bit, rounded up to the alignment;
 * a set bit inside a candidate moves the search just past it. Each step
 * moves forward, so the loop ends.
 */
unsigned long bitmap_find_next_zero_area(unsigned long *map, unsigned long size,
					 unsigned long start, unsigned int nr,
					 unsigned long align_mask)
{
	for (;;) {
		unsigned long index, end, busy;

		index = find_next_zero_bit(map, size, start);
		index = (index + align_mask) & ~align_mask;
		end = index + nr;
		if (end > size)
			return end;
		busy = find_next_bit(map, end, index);
		if (busy >= end)
			return index;
		start = busy + 1;
	}
}
