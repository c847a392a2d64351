// SPDX-License-Identifier: GPL-2.0
/*
 * Sorting and searching exception tables (asm/extable.h has the layout).
 *
 * Entries hold offsets relative to their own fields, so an entry that
 * moves by d bytes must have d added to both offsets to keep pointing at
 * the same instruction and fixup: swap_ex() does that while sort() (a
 * heapsort, lib/sort.c) moves them. Once sorted by instruction address the
 * table is searched with bsearch(). Pure code: the host tests run it too.
 */
#include <linux/sort.h>
#include <asm/extable.h>

static int cmp_ex_sort(const void *a, const void *b)
{
	unsigned long x = ex_to_insn(a), y = ex_to_insn(b);

	return x < y ? -1 : x > y;
}

static void swap_ex(void *a, void *b, int size)
{
	struct exception_table_entry *x = a, *y = b, tmp = *x;
	int delta = (int)((char *)b - (char *)a);

	x->insn = y->insn + delta;
	x->fixup = y->fixup + delta;
	x->data = y->data;
	y->insn = tmp.insn - delta;
	y->fixup = tmp.fixup - delta;
	y->data = tmp.data;
}

void sort_extable(struct exception_table_entry *start, struct exception_table_entry *finish)
{
	sort(start, finish - start, sizeof(*start), cmp_ex_sort, swap_ex);
}

static int cmp_ex_search(const void *key, const void *elt)
{
	unsigned long value = *(const unsigned long *)key, insn = ex_to_insn(elt);

	return value < insn ? -1 : value > insn;
}

const struct exception_table_entry *
search_extable(const struct exception_table_entry *base, size_t num, unsigned long value)
{
	return bsearch(&value, base, num, sizeof(*base), cmp_ex_search);
}
