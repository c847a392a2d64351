// SPDX-License-Identifier: GPL-2.0
/*
 * mremap_calls: mremap(2) as Linux x86-64 answers it: growing in place,
 * shrinking, moving with MREMAP_MAYMOVE and MREMAP_FIXED (the data goes
 * with the pages), MREMAP_DONTUNMAP (the old range stays, empty), and the
 * errno of each refusal. The system call is made directly: libc wrappers
 * differ in what they check first.
 */
#define _GNU_SOURCE
#include "utest.h"

#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP	4
#endif

static void *do_mremap(void *old, size_t old_len, size_t new_len, int flags, void *new_addr)
{
	return (void *)syscall(SYS_mremap, old, old_len, new_len, flags, new_addr);
}

static long ret_of(void *p)
{
	return p == MAP_FAILED ? -1 : 0;
}

/* A region of @pages pages, each filled with its index + 1. */
static char *patterned(unsigned int pages)
{
	char *p = map_anon(pages * PAGE, PROT_READ | PROT_WRITE);
	unsigned int i;

	for (i = 0; p && i < pages; i++)
		memset(p + i * PAGE, i + 1, PAGE);
	return p;
}

static bool has_pattern(const char *p, unsigned int pages)
{
	unsigned int i;

	for (i = 0; i < pages; i++)
		if (p[i * PAGE] != (char)(i + 1) || p[i * PAGE + PAGE - 1] != (char)(i + 1))
			return false;
	return true;
}

static void grow_and_shrink(void)
{
	char *area = map_anon(8 * PAGE, PROT_NONE), *p, *q;

	/* Two pages at the start of a reserved area, the rest freed for growing. */
	munmap(area + 2 * PAGE, 6 * PAGE);
	p = mmap(area, 2 * PAGE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	memset(p, 9, 2 * PAGE);
	q = do_mremap(p, 2 * PAGE, 4 * PAGE, 0, NULL);
	ksft_test_result(q == p && p[0] == 9 && p[3 * PAGE] == 0, "grow in place keeps data");
	q = do_mremap(p, 4 * PAGE, PAGE, 0, NULL);
	ksft_test_result(q == p && killed_by(child_status(touch_read, p + PAGE), SIGSEGV),
			 "shrink unmaps the tail");
	/* Block growth with a mapping right after. */
	q = mmap(p + PAGE, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	expect_errno(ret_of(do_mremap(p, PAGE, 2 * PAGE, 0, NULL)), ENOMEM,
		     "grow blocked without MREMAP_MAYMOVE: ENOMEM");
	q = do_mremap(p, PAGE, 3 * PAGE, MREMAP_MAYMOVE, NULL);
	ksft_test_result(q != MAP_FAILED && q != p && q[0] == 9,
			 "grow blocked with MREMAP_MAYMOVE moves, data kept");
	munmap(q, 3 * PAGE);
	munmap(area, 8 * PAGE);
}

static void move_fixed(void)
{
	char *src = patterned(8), *dst = map_anon(8 * PAGE, PROT_NONE), *q;

	q = do_mremap(src, 8 * PAGE, 8 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, dst);
	ksft_test_result(q == dst && has_pattern(dst, 8), "MREMAP_FIXED moves every page's data");
	ksft_test_result(killed_by(child_status(touch_read, src), SIGSEGV),
			 "the old range is unmapped after the move");
	q = do_mremap(dst, 8 * PAGE, 8 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, src);
	ksft_test_result(q == src && has_pattern(src, 8), "and back again");
	expect_errno(ret_of(do_mremap(src, 8 * PAGE, 8 * PAGE, MREMAP_FIXED, dst)), EINVAL,
		     "MREMAP_FIXED without MREMAP_MAYMOVE: EINVAL");
	expect_errno(ret_of(do_mremap(src, 8 * PAGE, 8 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED,
				      src + 2 * PAGE)), EINVAL,
		     "MREMAP_FIXED onto an overlapping range: EINVAL");
	expect_errno(ret_of(do_mremap(src, 8 * PAGE, 8 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED,
				      dst + 1)), EINVAL, "MREMAP_FIXED to an unaligned address: EINVAL");
	expect_errno(ret_of(do_mremap(src + 1, PAGE, PAGE, 0, NULL)), EINVAL,
		     "an unaligned old address: EINVAL");
	expect_errno(ret_of(do_mremap(src, PAGE, 0, MREMAP_MAYMOVE, NULL)), EINVAL,
		     "new size 0: EINVAL");
	expect_errno(ret_of(do_mremap(src, PAGE, PAGE, 0x80, NULL)), EINVAL,
		     "unknown flags: EINVAL");
	munmap(src, 8 * PAGE);
	expect_errno(ret_of(do_mremap(src, PAGE, 2 * PAGE, MREMAP_MAYMOVE, NULL)), EFAULT,
		     "an unmapped old range: EFAULT");
	munmap(dst, 8 * PAGE);
}

static void dontunmap(void)
{
	char *src = patterned(4), *q;

	q = do_mremap(src, 4 * PAGE, 4 * PAGE, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
	ksft_test_result(q != MAP_FAILED && has_pattern(q, 4), "MREMAP_DONTUNMAP moves the data");
	ksft_test_result(q != MAP_FAILED && src[0] == 0 && src[3 * PAGE] == 0,
			 "MREMAP_DONTUNMAP: the old range stays mapped, empty");
	expect_errno(ret_of(do_mremap(src, 4 * PAGE, 8 * PAGE,
				      MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL)), EINVAL,
		     "MREMAP_DONTUNMAP with a size change: EINVAL");
	expect_errno(ret_of(do_mremap(src, 4 * PAGE, 4 * PAGE, MREMAP_DONTUNMAP, NULL)), EINVAL,
		     "MREMAP_DONTUNMAP without MREMAP_MAYMOVE: EINVAL");
	munmap(src, 4 * PAGE);
	munmap(q, 4 * PAGE);
}

static void shared_and_expand_merge(void)
{
	char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	char *q;
	struct maps_entry e[256];
	int n;

	p[0] = 5;
	q = do_mremap(p, 2 * PAGE, 6 * PAGE, MREMAP_MAYMOVE, NULL);
	ksft_test_result(q != MAP_FAILED && q[0] == 5, "a shared anonymous mapping grows");
	munmap(q, 6 * PAGE);
	/* Growing into the space behind makes one VMA, not two. */
	p = map_anon(4 * PAGE, PROT_READ | PROT_WRITE);
	munmap(p + PAGE, 3 * PAGE);
	q = do_mremap(p, PAGE, 4 * PAGE, 0, NULL);
	n = maps_read(e, 256);
	ksft_test_result(q == p && n > 0 && maps_find(e, n, (unsigned long)p) &&
			 maps_find(e, n, (unsigned long)p)->end == (unsigned long)p + 4 * PAGE,
			 "growing in place leaves one VMA");
	munmap(p, 4 * PAGE);
}

static inline uint64_t now(void)
{
	uint32_t lo, hi;

	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return ((uint64_t)hi << 32) | lo;
}

/*
 * 1 GiB with a byte written every 2 MiB (512 pages), moved between two
 * 2 MiB-aligned places: the page tables move (whole PTE tables, as
 * Linux moves them), the pages do not. It must take far fewer
 * instructions than copying would: under an eighth of copying the GiB,
 * estimated as 512 times the cost of copying 2 MiB (the TSC counts
 * instructions under icount, time otherwise).
 */
static char *map_aligned(size_t len, int prot)
{
	char *p = mmap(NULL, len + (2 << 20), prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
		       -1, 0);

	return p == MAP_FAILED ? NULL : (char *)(((uintptr_t)p + (2 << 20) - 1) & ~((2UL << 20) - 1));
}

static void move_1g(void)
{
	size_t len = 1UL << 30, i;
	char *src = map_aligned(len, PROT_READ | PROT_WRITE), *dst = map_aligned(len, PROT_NONE);
	static char copy[2 << 20];
	uint64_t t0, t_move, t_copy;
	bool kept = true;

	if (!src || !dst) {
		ksft_test_result_fail("mremap of 1 GiB moves page tables, not pages");
		return;
	}
	for (i = 0; i < len; i += 2 << 20)
		src[i] = (char)(i >> 21) | 1;
	memset(copy, 0, sizeof(copy));	/* its faults are not part of the copy */
	t0 = now();
	memcpy(copy, src, sizeof(copy));
	__asm__ volatile("" : : "r"(copy) : "memory");
	t_copy = now() - t0;
	t0 = now();
	if (do_mremap(src, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, dst) != dst)
		kept = false;
	t_move = now() - t0;
	for (i = 0; kept && i < len; i += 2 << 20)
		kept = dst[i] == ((char)(i >> 21) | 1);
	ksft_print_msg("mremap 1 GiB: %llu cycles; copying 2 MiB: %llu",
		       (unsigned long long)t_move, (unsigned long long)t_copy);
	ksft_test_result(kept && t_move * 8 < t_copy * 512,
			 "mremap of 1 GiB moves page tables: under 1/8 of copying it");
}

int main(void)
{
	ksft_print_header();
	ksft_set_plan(21);
	grow_and_shrink();
	move_fixed();
	dontunmap();
	shared_and_expand_merge();
	move_1g();
	ksft_finished();
}
