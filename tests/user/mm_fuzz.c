// SPDX-License-Identifier: GPL-2.0
/*
 * mm_fuzz: random mm system calls against a model of what memory holds.
 *
 * Each worker (one per online CPU, at most 8, each with its own seed)
 * owns an arena of 64 pages and a model of it: per page, mapped or not,
 * its protection, and the byte its first and last bytes must hold (0 for
 * a page never written or emptied). For a fixed number of steps it picks
 * one of: mmap MAP_FIXED (fresh zero pages), munmap, mprotect (over a
 * hole: ENOMEM, the part before the hole changed, as Linux does),
 * madvise MADV_DONTNEED (every mapped page of the range reads zero after;
 * ENOMEM when the range has a hole), mremap MREMAP_FIXED of a mapped range
 * to another place (contents and protections move; EFAULT when the range
 * spans VMAs the model cannot see apart, the destination then unmapped
 * as Linux 6.1 leaves it), a write of a
 * new byte to a writable page, and fork: the child checks the whole
 * arena, writes over every writable page, and exits; the parent's bytes
 * must be untouched. After every step a few random pages are checked,
 * every 64 steps all of them. Any unexpected return or byte ends the
 * worker with a failure and the step's description.
 *
 * What the kernel checks of itself meanwhile (VMA tree, rmap, free
 * pages, with DEBUG_VM) is the other half of the test.
 */
#define _GNU_SOURCE
#include "utest.h"

#define NPAGES		64
#define STEPS		3000
#define MAX_WORKERS	8

struct page_model {
	bool mapped;
	int prot;
	unsigned char tag;
};

static struct page_model model[NPAGES];
static char *arena;
static unsigned long long rng;
static char why[200];

static unsigned int rnd(unsigned int n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned int)(rng >> 11) % n;
}

static char *page(int i)
{
	return arena + (size_t)i * PAGE;
}

static bool check_page(int i)
{
	const struct page_model *m = &model[i];

	if (!m->mapped || !(m->prot & PROT_READ))
		return true;
	if ((unsigned char)page(i)[0] == m->tag && (unsigned char)page(i)[PAGE - 1] == m->tag)
		return true;
	snprintf(why, sizeof(why), "page %d holds %#x/%#x, model %#x", i,
		 (unsigned char)page(i)[0], (unsigned char)page(i)[PAGE - 1], m->tag);
	return false;
}

static bool check_all(void)
{
	int i;

	for (i = 0; i < NPAGES; i++)
		if (!check_page(i))
			return false;
	return true;
}

static bool failed_call(const char *call, long ret)
{
	snprintf(why, sizeof(why), "%s returned %ld errno %d (%s)", call, ret, errno,
		 strerror(errno));
	return false;
}

static bool op_mmap(int first, int n, int prot)
{
	int i;

	if (mmap(page(first), n * PAGE, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) !=
	    page(first))
		return failed_call("mmap", -1);
	for (i = first; i < first + n; i++)
		model[i] = (struct page_model){ true, prot, 0 };
	return true;
}

static bool op_munmap(int first, int n)
{
	int i;

	if (munmap(page(first), n * PAGE))
		return failed_call("munmap", -1);
	for (i = first; i < first + n; i++)
		model[i].mapped = false;
	return true;
}

static int first_hole(int first, int n)
{
	while (n-- && model[first].mapped)
		first++;
	return first;
}

static bool op_mprotect(int first, int n, int prot)
{
	int end = first_hole(first, n), i;
	long ret = mprotect(page(first), n * PAGE, prot);

	if (end < first + n ? ret != -1 || errno != ENOMEM : ret != 0)
		return failed_call("mprotect", ret);
	for (i = first; i < end; i++)
		model[i].prot = prot;
	return true;
}

static bool op_dontneed(int first, int n)
{
	bool hole = first_hole(first, n) < first + n;
	long ret = madvise(page(first), n * PAGE, MADV_DONTNEED);
	int i;

	if (hole ? ret != -1 || errno != ENOMEM : ret != 0)
		return failed_call("madvise", ret);
	for (i = first; i < first + n; i++)
		model[i].tag = 0;
	return true;
}

static bool op_mremap(int first, int n, int dst)
{
	struct page_model moved[NPAGES];
	void *ret;
	int i;

	if (first_hole(first, n) < first + n || (dst < first + n && first < dst + n))
		return true;	/* only whole mapped ranges, never overlapping */
	ret = (void *)syscall(SYS_mremap, page(first), n * PAGE, n * PAGE,
			      MREMAP_MAYMOVE | MREMAP_FIXED, page(dst));
	if (ret == MAP_FAILED && errno == EFAULT) {
		/*
		 * The range spans more than one VMA. Linux 6.1's mremap_to()
		 * has unmapped the destination before it finds that out.
		 */
		for (i = dst; i < dst + n; i++)
			model[i].mapped = false;
		return true;
	}
	if (ret != page(dst))
		return failed_call("mremap", (long)ret);
	memcpy(moved, &model[first], n * sizeof(moved[0]));
	for (i = first; i < first + n; i++)
		model[i].mapped = false;
	memcpy(&model[dst], moved, n * sizeof(moved[0]));
	return true;
}

static bool op_write(int i)
{
	if (!model[i].mapped || (model[i].prot & (PROT_READ | PROT_WRITE)) !=
	    (PROT_READ | PROT_WRITE))
		return true;
	model[i].tag = 1 + rnd(255);
	page(i)[0] = page(i)[PAGE - 1] = model[i].tag;
	return true;
}

static bool op_fork(void)
{
	int st, i;
	pid_t pid = fork();

	if (pid == 0) {
		bool ok = check_all();

		for (i = 0; i < NPAGES; i++)
			if (model[i].mapped && model[i].prot == (PROT_READ | PROT_WRITE))
				page(i)[0] = page(i)[PAGE - 1] = (char)~model[i].tag;
		_exit(ok ? 0 : 1);
	}
	if (pid < 0)
		return failed_call("fork", pid);
	if (waitpid(pid, &st, 0) != pid || !exited_with(st, 0)) {
		snprintf(why, sizeof(why), "the forked child saw other bytes (status %#x)", st);
		return false;
	}
	return check_all();
}

static bool step(void)
{
	static const int prots[] = { PROT_NONE, PROT_READ, PROT_READ | PROT_WRITE,
				     PROT_READ | PROT_WRITE };
	int first = rnd(NPAGES), n = 1 + rnd(NPAGES - first > 8 ? 8 : NPAGES - first);
	int prot = prots[rnd(4)];

	switch (rnd(16)) {
	case 0: case 1:
		return op_mmap(first, n, prot);
	case 2:
		return op_munmap(first, n);
	case 3: case 4:
		return op_mprotect(first, n, prot);
	case 5:
		return op_dontneed(first, n);
	case 6:
		return op_mremap(first, n, rnd(NPAGES - n + 1));
	case 7:
		return rnd(8) ? true : op_fork();
	default:
		return op_write(first);
	}
}

/* One worker: 0 when every step held, else 1 with the reason printed. */
static int worker(int id)
{
	int s, i;

	rng = 0x9e3779b97f4a7c15ULL * (id + 1);
	arena = mmap(NULL, NPAGES * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (arena == MAP_FAILED || munmap(arena, NPAGES * PAGE))
		return 1;
	for (s = 0; s < STEPS; s++) {
		bool ok = step();

		for (i = 0; ok && i < 4; i++)
			ok = check_page(rnd(NPAGES));
		if (ok && s % 64 == 63)
			ok = check_all();
		if (!ok) {
			ksft_print_msg("worker %d step %d: %s", id, s, why);
			return 1;
		}
	}
	return 0;
}

int main(void)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int n = cpus < 1 ? 1 : cpus > MAX_WORKERS ? MAX_WORKERS : (int)cpus, i, st = -1;
	pid_t pids[MAX_WORKERS];

	ksft_print_header();
	ksft_set_plan(n);
	for (i = 0; i < n; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			_exit(worker(i));
	}
	for (i = 0; i < n; i++) {
		bool ok = pids[i] > 0 && waitpid(pids[i], &st, 0) == pids[i] && exited_with(st, 0);

		if (!ok)
			ksft_print_msg("worker %d: wait status %#x", i, st);
		ksft_test_result(ok, "fuzz worker %d: %d steps, memory as modelled", i, STEPS);
	}
	ksft_finished();
}
