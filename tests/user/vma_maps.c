// SPDX-License-Identifier: GPL-2.0
/*
 * vma_maps: VMA splitting and merging, checked against a model of what
 * /proc/self/maps must show.
 *
 * The arena is 32 pages between two one-page holes (so nothing merges
 * across its ends). The model keeps, per page, whether it is mapped, its
 * protection and whether the VMA is accounted (VM_ACCOUNT: a private
 * writable mapping is charged at mmap; mprotect to writable charges, and
 * taking write away does not uncharge): Linux merges two neighbouring
 * anonymous VMAs, never touched, exactly when both agree. The expected
 * maps are the runs of equal pages; after every step the arena's lines
 * of /proc/self/maps must be those runs, start, end and permissions.
 * Each named sequence is one result; a random one (fixed seed, 300
 * steps of mmap MAP_FIXED, munmap and mprotect) is another. No page is
 * written: an anon_vma would change the merging rules.
 */
#define _GNU_SOURCE
#include "utest.h"

#define NPAGES	32

struct page_state {
	bool mapped, acct;
	int prot;
};

static struct page_state model[NPAGES];
static char *arena;
static int rng_state = 12345;

static int rnd(int n)
{
	rng_state = rng_state * 1103515245 + 12345;
	return ((unsigned int)rng_state >> 8) % n;
}

static bool same_vma(const struct page_state *a, const struct page_state *b)
{
	return a->mapped && b->mapped && a->prot == b->prot && a->acct == b->acct;
}

static void perms(int prot, char out[5])
{
	out[0] = prot & PROT_READ ? 'r' : '-';
	out[1] = prot & PROT_WRITE ? 'w' : '-';
	out[2] = prot & PROT_EXEC ? 'x' : '-';
	out[3] = 'p';
	out[4] = '\0';
}

/* Do /proc/self/maps's lines inside the arena match the model's runs? */
static bool maps_match(const char *what)
{
	static struct maps_entry e[512];
	unsigned long lo = (unsigned long)arena, hi = lo + NPAGES * PAGE;
	int n = maps_read(e, 512), i, k = 0, p = 0;

	for (i = 0; i < n; i++) {
		char want[5];
		int start;

		if (e[i].end <= lo || e[i].start >= hi)
			continue;
		while (p < NPAGES && !model[p].mapped)
			p++;
		if (p == NPAGES)
			goto bad;
		start = p;
		while (p + 1 < NPAGES && same_vma(&model[p], &model[p + 1]))
			p++;
		p++;
		perms(model[start].prot, want);
		if (e[i].start != lo + start * PAGE || e[i].end != lo + p * PAGE ||
		    strcmp(e[i].perms, want))
			goto bad;
		k++;
	}
	while (p < NPAGES && !model[p].mapped)
		p++;
	if (p == NPAGES)
		return true;
bad:
	ksft_print_msg("%s: /proc/self/maps differs from the model at its VMA %d:", what, k);
	for (i = 0; i < n; i++)
		if (e[i].end > lo && e[i].start < hi)
			ksft_print_msg("  page %ld-%ld %s", (long)(e[i].start - lo) / (long)PAGE,
				       (long)(e[i].end - lo) / (long)PAGE, e[i].perms);
	for (i = 0; i < NPAGES; i++)
		if (model[i].mapped && (i == 0 || !same_vma(&model[i - 1], &model[i])))
			ksft_print_msg("  model from page %d prot %d acct %d", i, model[i].prot,
				       model[i].acct);
	return false;
}

static bool do_mmap(int first, int n, int prot)
{
	int i;

	if (mmap(arena + first * PAGE, n * PAGE, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
		 -1, 0) == MAP_FAILED)
		return false;
	for (i = first; i < first + n; i++)
		model[i] = (struct page_state){ true, (prot & PROT_WRITE) != 0, prot };
	return true;
}

static bool do_munmap(int first, int n)
{
	int i;

	if (munmap(arena + first * PAGE, n * PAGE))
		return false;
	for (i = first; i < first + n; i++)
		model[i].mapped = false;
	return true;
}

/*
 * mprotect over a hole is -ENOMEM, as Linux does it: the VMAs before the
 * hole have been changed already (nothing when the range starts in one).
 */
static bool do_mprotect(int first, int n, int prot)
{
	int i, end = first, ret = mprotect(arena + first * PAGE, n * PAGE, prot);

	while (end < first + n && model[end].mapped)
		end++;
	if (end < first + n ? ret != -1 || errno != ENOMEM : ret != 0)
		return false;
	for (i = first; i < end; i++) {
		model[i].prot = prot;
		model[i].acct |= (prot & PROT_WRITE) != 0;
	}
	return true;
}

static void reset(void)
{
	do_munmap(0, NPAGES);
	do_mmap(0, NPAGES, PROT_READ | PROT_WRITE);
}

#define RW	(PROT_READ | PROT_WRITE)

static void sequence(const char *name, const int (*ops)[4], int nops)
{
	bool ok = true;
	int i;

	reset();
	for (i = 0; ok && i < nops; i++) {
		const int *op = ops[i];

		if (op[0] == 'm')
			ok = do_mmap(op[1], op[2], op[3]);
		else if (op[0] == 'u')
			ok = do_munmap(op[1], op[2]);
		else
			ok = do_mprotect(op[1], op[2], op[3]);
		ok = ok && maps_match(name);
	}
	ksft_test_result(ok, "%s", name);
}

static const int split_middle[][4] = { { 'p', 10, 1, PROT_READ }, { 'p', 10, 1, RW } };
static const int split_edges[][4] = { { 'p', 0, 4, PROT_READ }, { 'p', 28, 4, PROT_NONE },
				      { 'p', 0, 4, RW }, { 'p', 28, 4, RW } };
static const int hole_refill[][4] = { { 'u', 8, 2, 0 }, { 'm', 8, 2, RW } };
static const int hole_refill_other[][4] = { { 'u', 8, 2, 0 }, { 'm', 8, 2, PROT_READ },
					    { 'p', 8, 2, RW } };
static const int overlapping[][4] = { { 'p', 2, 6, PROT_NONE }, { 'p', 4, 10, PROT_READ },
				      { 'p', 12, 3, PROT_EXEC | PROT_READ },
				      { 'p', 0, NPAGES, RW } };
static const int readonly_map_vs_downgraded[][4] = { { 'u', 16, 16, 0 },
						     { 'm', 16, 16, PROT_READ },
						     { 'p', 0, 16, PROT_READ } };
static const int staircase[][4] = { { 'p', 1, 1, PROT_READ }, { 'p', 3, 1, PROT_READ },
				    { 'p', 5, 1, PROT_READ }, { 'p', 2, 1, PROT_READ },
				    { 'p', 4, 1, PROT_READ }, { 'u', 3, 1, 0 },
				    { 'p', 1, 5, RW } };
static const int mprotect_over_hole[][4] = { { 'u', 20, 1, 0 }, { 'p', 16, 8, PROT_READ },
					     { 'm', 20, 1, PROT_READ } };

static void random_sequence(void)
{
	bool ok = true;
	int step;
	static const int prots[] = { PROT_NONE, PROT_READ, RW, PROT_READ | PROT_EXEC };

	reset();
	for (step = 0; ok && step < 300; step++) {
		int first = rnd(NPAGES), n = 1 + rnd(NPAGES - first), prot = prots[rnd(4)];

		switch (rnd(3)) {
		case 0:
			ok = do_mmap(first, n, prot);
			break;
		case 1:
			ok = do_munmap(first, n);
			break;
		default:
			ok = do_mprotect(first, n, prot);
		}
		ok = ok && maps_match("random");
		if (!ok)
			ksft_print_msg("random: step %d", step);
	}
	ksft_test_result(ok, "300 random mmap/munmap/mprotect steps match the model");
}

#define SEQ(ops) sequence(#ops, ops, sizeof(ops) / sizeof(ops[0]))

int main(void)
{
	char *area;

	ksft_print_header();
	ksft_set_plan(10);
	area = mmap(NULL, (NPAGES + 2) * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (area == MAP_FAILED)
		ksft_exit_fail_msg("mmap: %s", strerror(errno));
	arena = area + PAGE;
	munmap(area, PAGE);
	munmap(arena + NPAGES * PAGE, PAGE);
	do_mmap(0, NPAGES, RW);
	ksft_test_result(maps_match("one mapping"), "a fresh mapping is one VMA");
	SEQ(split_middle);
	SEQ(split_edges);
	SEQ(hole_refill);
	SEQ(hole_refill_other);
	SEQ(overlapping);
	SEQ(readonly_map_vs_downgraded);
	SEQ(staircase);
	SEQ(mprotect_over_hole);
	random_sequence();
	ksft_finished();
}
