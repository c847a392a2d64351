// SPDX-License-Identifier: GPL-2.0
/*
 * The benchmark runner: see include/linux/bench.h and
 * Documentation/benchmarks.md. The figures are instruction counts only
 * under -icount shift=0 (make bench); anywhere else they are TSC ticks and
 * mean little. Timing never appears in a test.
 */
#include <linux/bench.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <asm/setup.h>

void bench_report(const char *name, u64 cycles, u64 ops)
{
	u64 hundredths;

	if (!ops)
		ops = 1;
	/* Rounded to the nearest hundredth. */
	hundredths = (cycles * 100 + ops / 2) / ops;
	raw_printk("bench: %s %llu.%02llu cycles/op\n", name, hundredths / 100,
		   hundredths % 100);
}

void bench_run_all(const char *glob)
{
	const struct bench_case *b;

	if (glob_match(glob, "boot_to_ready"))
		bench_report("boot_to_ready", ready_tsc, 1);
	for (b = __start_bench_cases; b < __stop_bench_cases; b++)
		if (glob_match(glob, b->name))
			b->fn();
	raw_printk("bench: done\n");
}
