// SPDX-License-Identifier: GPL-2.0
/*
 * RDRAND and RDSEED (include/asm/archrandom.h). The two flags are set once
 * on the boot CPU by x86_init_rdrand() and only read afterwards; every CPU
 * of a machine has the same instructions. Linux's x86_init_rdrand() sanity
 * check is mirrored: a few draws that fail or repeat mean the instruction
 * is broken (as on some AMD parts after resume) and it is not used.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <asm/archrandom.h>
#include <asm/processor.h>

#define RDRAND_RETRY_LOOPS	10	/* Intel's DRNG guide: retry up to 10 times */
#define SANITY_CHECK_LOOPS	8

#define CPUID1_ECX_RDRAND	(1U << 30)
#define CPUID7_EBX_RDSEED	(1U << 18)

static bool has_rdrand, has_rdseed;

static inline bool rdrand_long(unsigned long *v)
{
	unsigned int retry = RDRAND_RETRY_LOOPS;
	bool ok;

	do {
		__asm__ __volatile__("rdrand %0" : "=r"(*v), "=@ccc"(ok));
		if (ok)
			return true;
	} while (--retry);
	return false;
}

static inline bool rdseed_long(unsigned long *v)
{
	bool ok;

	__asm__ __volatile__("rdseed %0" : "=r"(*v), "=@ccc"(ok));
	return ok;
}

size_t arch_get_random_longs(unsigned long *v, size_t max_longs)
{
	return max_longs && has_rdrand && rdrand_long(v) ? 1 : 0;
}

size_t arch_get_random_seed_longs(unsigned long *v, size_t max_longs)
{
	return max_longs && has_rdseed && rdseed_long(v) ? 1 : 0;
}

/* Do @draw's first few values all succeed and not all repeat the first? */
static bool random_insn_works(bool (*draw)(unsigned long *))
{
	unsigned long first = 0, v;
	bool varies = false;
	int i;

	for (i = 0; i < SANITY_CHECK_LOOPS; i++) {
		/* RDSEED may run dry for a moment: give it the retries RDRAND has. */
		unsigned int tries = RDRAND_RETRY_LOOPS;

		while (!draw(&v))
			if (!--tries)
				return false;
		if (!i)
			first = v;
		varies |= v != first;
	}
	return varies;
}

void x86_init_rdrand(void)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	has_rdrand = c & CPUID1_ECX_RDRAND;
	cpuid(0, &a, &b, &c, &d);
	if (a >= 7) {
		cpuid(7, &a, &b, &c, &d);
		has_rdseed = b & CPUID7_EBX_RDSEED;
	}
	if (has_rdrand && !random_insn_works(rdrand_long)) {
		pr_err("RDRAND gives funky smelling output, not using it\n");
		has_rdrand = false;
	}
	if (has_rdseed && !random_insn_works(rdseed_long)) {
		pr_err("RDSEED gives funky smelling output, not using it\n");
		has_rdseed = false;
	}
}
