// SPDX-License-Identifier: GPL-2.0
/*
 * thread_torture: threads on every CPU change one shared address space
 * while the others fault in it and read it, for a fixed number of steps.
 *
 * One thread per online CPU (2 to 8), made with raw clone() as in
 * thread_calls.c (no futexes or pthreads needed). The arena is one
 * mapping of NPAGES pages per thread, side by side, so that the threads'
 * mprotect() calls split and merge VMAs their neighbours fault in. Each
 * page has one owner; its first word holds a tag, (owner << 32) |
 * version, and published[] says which version the owner last wrote.
 *
 * A step of the owner, on one of its pages chosen at random: replace it
 * with a fresh zero page (mmap MAP_FIXED over it: other threads never
 * see a hole), empty it (MADV_DONTNEED), make it read-only or writable
 * again (mprotect), or write the next version; or, in a private scratch
 * area of its own, map, touch and unmap a few pages. After each change
 * the owner writes the next tag and publishes it.
 *
 * Every step a thread also reads a random page of another thread: it
 * reads published[], the word, published[] again; with no publication in
 * between, the word must be the published version's tag, 0 (the page
 * was just replaced or emptied), or the next version's tag (written, not
 * yet published). Anything else (another page's tag) is a stale
 * translation: a TLB shootdown that missed this CPU, the old page freed
 * and reused. Readers only read, and the owners never leave a page
 * unmapped, so no access faults.
 *
 * At the end the main thread checks every page against its last
 * published tag. The kernel's own checks (DEBUG_VM: VMA tree, rmap,
 * page counts) run all along in the debug boot.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "utest.h"

#define NPAGES		16
#define SCRATCH_PAGES	8
#define STEPS		3000
#define MAX_THREADS	8
#define THREAD_STACK	(64 * 1024)
#define THREAD_FLAGS	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | \
			 CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

/* See thread_calls.c: clone(), then fn(arg) and exit() in the child. */
long raw_clone(unsigned long flags, void *stack_top, int *ptid, int *ctid, unsigned long tls,
	       int (*fn)(void *), void *arg);
__asm__(".text\n"
	".globl raw_clone\n"
	"raw_clone:\n\t"
	"mov 8(%rsp), %rax\n\t"
	"and $-16, %rsi\n\t"
	"sub $16, %rsi\n\t"
	"mov %r9, 0(%rsi)\n\t"
	"mov %rax, 8(%rsi)\n\t"
	"mov %rcx, %r10\n\t"
	"mov $56, %eax\n\t"
	"syscall\n\t"
	"test %rax, %rax\n\t"
	"jnz 1f\n\t"
	"xor %ebp, %ebp\n\t"
	"pop %rax\n\t"
	"pop %rdi\n\t"
	"call *%rax\n\t"
	"mov %eax, %edi\n\t"
	"mov $60, %eax\n\t"
	"syscall\n\t"
	"hlt\n"
	"1:\tret\n");

static inline long sys6(long nr, long a, long b, long c, long d, long e, long f)
{
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	long ret;

	__asm__ volatile("syscall" : "=a"(ret)
			 : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

struct worker {
	int id, nthreads;
	unsigned long long rng;
	char *stack;
	unsigned long tls[16];
	volatile int ptid, ctid;
	/* results */
	long steps, reads, stale, errors;
	unsigned long bad_word, bad_page;
	long bad_step;
};

static char *arena;
static volatile unsigned long published[MAX_THREADS * NPAGES];
static struct worker workers[MAX_THREADS];

static unsigned long long next_rand(struct worker *w)
{
	w->rng ^= w->rng << 13;
	w->rng ^= w->rng >> 7;
	w->rng ^= w->rng << 17;
	return w->rng;
}

static inline unsigned long tag(int owner, unsigned long version)
{
	return ((unsigned long)owner << 32) | version;
}

static inline volatile unsigned long *page_word(int page)
{
	return (volatile unsigned long *)(arena + (unsigned long)page * PAGE);
}

/* Write the next version of @page (writable now) and publish it. */
static void publish_next(int owner, int page)
{
	unsigned long v = (published[page] & 0xffffffffUL) + 1;

	*page_word(page) = tag(owner, v);
	__atomic_store_n(&published[page], tag(owner, v), __ATOMIC_RELEASE);
}

/* One change to one of @w's pages; 0 or the failing call's -errno. */
static long owner_step(struct worker *w)
{
	int page = w->id * NPAGES + (int)(next_rand(w) % NPAGES);
	unsigned long addr = (unsigned long)arena + (unsigned long)page * PAGE;
	long ret = 0;

	switch (next_rand(w) % 5) {
	case 0:
		ret = sys6(SYS_mmap, (long)addr, PAGE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
		ret = ret == (long)addr ? 0 : ret;
		break;
	case 1:
		ret = sys6(SYS_madvise, (long)addr, PAGE, MADV_DONTNEED, 0, 0, 0);
		break;
	case 2:
		/* Read-only for a while: readers still read; then writable again. */
		ret = sys6(SYS_mprotect, (long)addr, PAGE, PROT_READ, 0, 0, 0);
		if (!ret && *page_word(page) != published[page])
			ret = -1000;	/* its own last version, read back read-only */
		if (!ret)
			ret = sys6(SYS_mprotect, (long)addr, PAGE, PROT_READ | PROT_WRITE, 0, 0, 0);
		break;
	default:
		break;
	}
	if (!ret)
		publish_next(w->id, page);
	return ret;
}

/* Map, touch and unmap a few private pages: VMA and page-table churn. */
static long scratch_step(struct worker *w)
{
	long n = 1 + (long)(next_rand(w) % SCRATCH_PAGES), i;
	long p = sys6(SYS_mmap, 0, n * PAGE, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p < 0 && p > -4096)
		return p;
	for (i = 0; i < n; i++)
		((volatile char *)p)[i * PAGE] = (char)i;
	for (i = 0; i < n; i++)
		if (((volatile char *)p)[i * PAGE] != (char)i)
			return -1001;
	return sys6(SYS_munmap, p, n * PAGE, 0, 0, 0, 0);
}

/* Read a random page of another thread; false on a word no version explains. */
static bool reader_step(struct worker *w)
{
	int other = (w->id + 1 + (int)(next_rand(w) % (w->nthreads - 1))) % w->nthreads;
	int page = other * NPAGES + (int)(next_rand(w) % NPAGES);
	unsigned long before, word, after;

	before = __atomic_load_n(&published[page], __ATOMIC_ACQUIRE);
	word = *page_word(page);
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	after = __atomic_load_n(&published[page], __ATOMIC_ACQUIRE);
	w->reads++;
	if (before != after || word == 0 || word == before || word == before + 1)
		return true;
	w->bad_word = word;
	w->bad_page = (unsigned long)page;
	return false;
}

static int worker_main(void *arg)
{
	struct worker *w = arg;
	long ret;

	for (w->steps = 0; w->steps < STEPS; w->steps++) {
		ret = next_rand(w) % 4 ? owner_step(w) : scratch_step(w);
		if (ret) {
			w->errors++;
			w->bad_step = ret;
			return 1;
		}
		if (!reader_step(w))
			w->stale++;
		if (!reader_step(w))
			w->stale++;
	}
	return 0;
}

static bool worker_join(struct worker *w)
{
	struct timespec end, now;

	clock_gettime(CLOCK_MONOTONIC, &end);
	end.tv_sec += 120;
	while (w->ctid != 0) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec > end.tv_sec)
			return false;
		usleep(1000);
	}
	return true;
}

int main(void)
{
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	int n = ncpu < 2 ? 2 : ncpu > MAX_THREADS ? MAX_THREADS : (int)ncpu;
	int i, started = 0, joined = 0, final_bad = 0;
	long stale = 0, errors = 0, reads = 0;

	ksft_print_header();
	ksft_set_plan(4);
	ksft_print_msg("%d threads, %d steps each", n, STEPS);
	arena = mmap(NULL, (size_t)n * NPAGES * PAGE, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (arena == MAP_FAILED)
		ksft_exit_fail_msg("mmap: %s\n", strerror(errno));
	for (i = 0; i < n * NPAGES; i++)
		publish_next(i / NPAGES, i);
	for (i = 0; i < n; i++) {
		struct worker *w = &workers[i];

		w->id = i;
		w->nthreads = n;
		w->rng = 0x9e3779b97f4a7c15ULL * (unsigned long long)(i + 1);
		w->stack = mmap(NULL, THREAD_STACK, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
		w->tls[0] = (unsigned long)w->tls;
		w->ctid = -1;
		if (w->stack != MAP_FAILED &&
		    raw_clone(THREAD_FLAGS, w->stack + THREAD_STACK, (int *)&w->ptid,
			      (int *)&w->ctid, (unsigned long)w->tls, worker_main, w) > 0)
			started++;
		else
			w->ctid = 0;
	}
	for (i = 0; i < n; i++) {
		if (worker_join(&workers[i]))
			joined++;
		stale += workers[i].stale;
		errors += workers[i].errors;
		reads += workers[i].reads;
		if (workers[i].errors)
			ksft_print_msg("thread %d: step %ld failed: %ld", i, workers[i].steps,
				       workers[i].bad_step);
		if (workers[i].stale)
			ksft_print_msg("thread %d: page %lu read %#lx", i, workers[i].bad_page,
				       workers[i].bad_word);
	}
	for (i = 0; i < n * NPAGES; i++)
		if (*page_word(i) != published[i])
			final_bad++;
	ksft_test_result(started == n && joined == n, "%d threads ran %d steps and exited", n,
			 STEPS);
	ksft_test_result(errors == 0, "every mmap, madvise, mprotect and munmap succeeded");
	ksft_test_result(stale == 0, "%ld reads of other threads' pages: no stale translation",
			 reads);
	ksft_test_result(final_bad == 0, "every page holds its last published version");
	ksft_finished();
}
