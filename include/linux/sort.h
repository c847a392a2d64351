/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sorting and binary search of arrays (lib/sort.c), with Linux's
 * signatures and semantics.
 */
#ifndef _LINUX_SORT_H
#define _LINUX_SORT_H

#include <linux/types.h>

/*
 * A comparison returns <0, 0 or >0 as its first element orders before,
 * with or after its second, like memcmp(). A swap exchanges two elements of
 * @size bytes.
 */
typedef int (*cmp_func_t)(const void *a, const void *b);
typedef void (*swap_func_t)(void *a, void *b, int size);

/**
 * sort - sort an array in place
 * @base: the first element
 * @num: the number of elements
 * @size: the size of an element in bytes
 * @cmp_func: the ordering
 * @swap_func: exchanges two elements, or NULL for the built-in swap, which
 *             moves 8 or 4 bytes at a time when @size and @base allow it
 *
 * Heapsort: O(n log n) comparisons in the worst case, no recursion, no
 * allocation, a constant amount of stack. It is not stable: elements that
 * compare equal may end in any order. Pass a @swap_func when elements must
 * be fixed up as they move (they hold pointers into themselves).
 *
 * Context: any; sleeps only if @cmp_func or @swap_func does.
 */
void sort(void *base, size_t num, size_t size, cmp_func_t cmp_func,
	  swap_func_t swap_func);

/**
 * bsearch - binary search of a sorted array
 * @key: what to look for, passed as @cmp's first argument
 * @base: the array, sorted in the order @cmp defines
 * @num: the number of elements
 * @size: the size of an element in bytes
 * @cmp: compares @key with an element, returning <0, 0 or >0 as @key
 *       orders before, with or after it
 *
 * Returns an element that compares equal to @key (any one of several), or
 * NULL when there is none. Context: any.
 */
void *bsearch(const void *key, const void *base, size_t num, size_t size,
	      cmp_func_t cmp);

#endif /* _LINUX_SORT_H */
