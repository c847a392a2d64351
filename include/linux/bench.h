/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The benchmark suite (kernel/bench.c), run by ktest.run=bench under QEMU's
 * -icount shift=0, where the TSC counts guest instructions
 * (Documentation/benchmarks.md).
 * Each layer registers its loops next to its tests:
 *
 *   static void bench_page_pair(void) { ... bench_report("page_pair_order0", t, n); }
 *   BENCH(page_pair, bench_page_pair);
 *
 * Rows print as "bench: NAME VALUE cycles/op" with two decimals; the run
 * ends with "bench: done". Loops and names are those of
 * Documentation/benchmarks.md exactly.
 */
#ifndef _LINUX_BENCH_H
#define _LINUX_BENCH_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/processor.h>

struct bench_case {
	const char *name;
	void (*fn)(void);
};

#define BENCH(id, func)							\
	static const struct bench_case __bench_##id			\
		__used __section("bench_cases") __aligned(8) = { #id, func }

extern const struct bench_case __start_bench_cases[], __stop_bench_cases[];

/* lfence; rdtsc — the reading Documentation/benchmarks.md prescribes. */
static inline u64 bench_now(void)
{
	return rdtsc_ordered();
}

/* Print one row: @cycles over @ops operations. */
void bench_report(const char *name, u64 cycles, u64 ops);

/*
 * Run the benchmarks whose id matches @glob (ktest.filter=, "*" for all),
 * boot_to_ready first, then print "bench: done".
 */
void bench_run_all(const char *glob);

/* Keep the optimiser from deleting a value or assuming memory unchanged. */
#define bench_hide(p)	__asm__ __volatile__("" : "+r"(p) : : "memory")

#endif /* _LINUX_BENCH_H */
