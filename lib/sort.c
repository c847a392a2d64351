// SPDX-License-Identifier: GPL-2.0
/*
 * sort() and bsearch() for arrays of fixed-size elements; see
 * include/linux/sort.h for the contracts.
 *
 * sort() is a heapsort, chosen as Linux chose it: its worst case is
 * O(n log n) (quicksort's is quadratic, and callers sort tables an
 * adversary or a firmware may have ordered badly), it needs no recursion
 * and no memory beyond a few locals, which matters before any allocator
 * exists. The array is viewed as a binary max-heap:
 *
 *	index:    0   1   2   3   4   5   6 ...
 *	children of i are 2i+1 and 2i+2; every parent >= its children
 *
 * Phase one builds the heap by sifting down every parent, the last first.
 * Phase two repeatedly swaps the root (the largest element) with the last
 * element of the heap, shrinks the heap by one and sifts the new root down;
 * the sorted tail grows from the end of the array.
 *
 * When the caller passes no swap function, the built-in one moves whole
 * 64-bit or 32-bit words when the base address and the element size are
 * both multiples of the word size (then every element is aligned), and
 * bytes otherwise.
 */
#include <linux/sort.h>

static void swap_words_64(void *a, void *b, int size)
{
	u64 *x = a, *y = b;
	int n;

	for (n = size / 8; n; n--) {
		u64 t = *x;

		*x++ = *y;
		*y++ = t;
	}
}

static void swap_words_32(void *a, void *b, int size)
{
	u32 *x = a, *y = b;
	int n;

	for (n = size / 4; n; n--) {
		u32 t = *x;

		*x++ = *y;
		*y++ = t;
	}
}

static void swap_bytes(void *a, void *b, int size)
{
	u8 *x = a, *y = b;

	while (size--) {
		u8 t = *x;

		*x++ = *y;
		*y++ = t;
	}
}

static swap_func_t builtin_swap(const void *base, size_t size)
{
	unsigned long bits = (unsigned long)base | size;

	if (!(bits & (sizeof(u64) - 1)))
		return swap_words_64;
	if (!(bits & (sizeof(u32) - 1)))
		return swap_words_32;
	return swap_bytes;
}

/* What sift_down() needs to know about the array. */
struct heap {
	char *base;
	size_t size;
	cmp_func_t cmp;
	swap_func_t swap;
};

static inline char *heap_elt(const struct heap *h, size_t i)
{
	return h->base + i * h->size;
}

/*
 * Move the element at @root down until it is no smaller than its children,
 * in a heap of the first @n elements. Everything below @root must already
 * be a heap.
 */
static void sift_down(const struct heap *h, size_t root, size_t n)
{
	size_t child;

	while ((child = 2 * root + 1) < n) {
		if (child + 1 < n && h->cmp(heap_elt(h, child), heap_elt(h, child + 1)) < 0)
			child++;
		if (h->cmp(heap_elt(h, root), heap_elt(h, child)) >= 0)
			return;
		h->swap(heap_elt(h, root), heap_elt(h, child), (int)h->size);
		root = child;
	}
}

void sort(void *base, size_t num, size_t size, cmp_func_t cmp_func,
	  swap_func_t swap_func)
{
	struct heap h = {
		.base = base,
		.size = size,
		.cmp = cmp_func,
		.swap = swap_func ? swap_func : builtin_swap(base, size),
	};
	size_t i;

	if (num < 2)
		return;
	for (i = num / 2; i-- > 0;)
		sift_down(&h, i, num);
	for (i = num - 1; i > 0; i--) {
		h.swap(heap_elt(&h, 0), heap_elt(&h, i), (int)size);
		sift_down(&h, 0, i);
	}
}

/*
 * The search keeps [lo, lo + num) as the part that may still hold a match
 * and halves it with every comparison.
 */
void *bsearch(const void *key, const void *base, size_t num, size_t size,
	      cmp_func_t cmp)
{
	const char *lo = base;

	while (num) {
		const char *mid = lo + (num / 2) * size;
		int c = cmp(key, mid);

		if (!c)
			return (void *)mid;
		if (c > 0) {
			lo = mid + size;
			num -= num / 2 + 1;
		} else {
			num /= 2;
		}
	}
	return NULL;
}
