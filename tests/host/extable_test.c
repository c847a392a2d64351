// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of lib/extable.c: sort_extable() keeps every entry pointing
 * at its instruction and fixup while it moves entries (their offsets are
 * relative to themselves), and search_extable() finds each instruction and
 * nothing else. The "instructions" are bytes of a local array.
 */
#include "htest.h"
#include <asm/extable.h>

#define N	97

static char text[4 * N];

static void set_entry(struct exception_table_entry *e, unsigned long insn,
		      unsigned long fixup, int data)
{
	e->insn = (int)(insn - (unsigned long)&e->insn);
	e->fixup = (int)(fixup - (unsigned long)&e->fixup);
	e->data = data;
}

/* Entry i names text[4 * p(i)] with fixup text[4 * p(i) + 1], p a permutation. */
static void fill_shuffled(struct exception_table_entry *t)
{
	int i;

	for (i = 0; i < N; i++) {
		int p = (i * 37) % N;

		set_entry(&t[i], (unsigned long)&text[4 * p], (unsigned long)&text[4 * p + 1], p);
	}
}

HTEST(sort_extable_orders_entries_and_keeps_their_targets)
{
	static struct exception_table_entry t[N];
	int i;

	fill_shuffled(t);
	sort_extable(t, t + N);
	for (i = 0; i < N; i++) {
		HT_EXPECT_EQ(ex_to_insn(&t[i]), (unsigned long)&text[4 * i]);
		HT_EXPECT_EQ(ex_fixup_addr(&t[i]), (unsigned long)&text[4 * i + 1]);
		HT_EXPECT_EQ(t[i].data, i);
	}
}

HTEST(search_extable_finds_each_instruction_and_nothing_between)
{
	static struct exception_table_entry t[N];
	int i;

	fill_shuffled(t);
	sort_extable(t, t + N);
	for (i = 0; i < N; i++) {
		HT_EXPECT_EQ(search_extable(t, N, (unsigned long)&text[4 * i]), &t[i]);
		HT_EXPECT_EQ(search_extable(t, N, (unsigned long)&text[4 * i + 2]), NULL);
	}
	HT_EXPECT_EQ(search_extable(t, N, (unsigned long)text - 1), NULL);
	HT_EXPECT_EQ(search_extable(t, 0, (unsigned long)text), NULL);
}
