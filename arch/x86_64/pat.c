// SPDX-License-Identifier: GPL-2.0
/*
 * The page attribute table (Intel SDM vol. 3A, 12.12): which memory type
 * each combination of a pte's PAT, PCD and PWT bits selects. Every CPU
 * gets Linux's layout, so that a cache mode is the same bits everywhere:
 *
 *   index (PAT PCD PWT)  0 WB   1 WC   2 UC-   3 UC   4 WB   5 WP   6 UC-   7 WT
 *
 * Indexes 0 and 3 are what the power-on table has there too (WB, UC), so
 * the mappings made before pat_init() (write-back memory, uncached device
 * pages with PCD|PWT) keep their type. Write-combining (index 1, PWT alone)
 * exists only once the table is loaded; a CPU without PAT would read PWT
 * as write-through, so ioremap_wc() then falls back to UC-.
 *
 * Context: pat_init() on the boot CPU before any WC mapping, then on each
 * application processor as it starts, before it runs anything else.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <asm/processor.h>
#include <asm/pgtable_types.h>
#include <asm/tlbflush.h>
#include <asm/memtype.h>

enum { PAT_UC = 0, PAT_WC = 1, PAT_WT = 4, PAT_WP = 5, PAT_WB = 6, PAT_UC_MINUS = 7 };

#define PAT(i, type)	((u64)PAT_##type << ((i) * 8))
static const u64 linux_pat = PAT(0, WB) | PAT(1, WC) | PAT(2, UC_MINUS) | PAT(3, UC) |
			     PAT(4, WB) | PAT(5, WP) | PAT(6, UC_MINUS) | PAT(7, WT);

bool pat_enabled;

static bool cpu_has_pat(void)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	return d & (1U << 16);
}

/* Load Linux's table on this CPU; the first call (the boot CPU) decides pat_enabled. */
void pat_init(void)
{
	static bool decided;

	if (!decided) {
		decided = true;
		pat_enabled = cpu_has_pat();
		pr_info("x86/PAT: Configuration [0-7]: WB  WC  UC- UC  WB  WP  UC- WT%s\n",
			pat_enabled ? "" : " (no PAT: write-combining unavailable)");
	}
	if (!pat_enabled)
		return;
	wrmsr(MSR_IA32_CR_PAT, linux_pat);
	__flush_tlb_all();
}

u64 pat_msr_expected(void)
{
	return linux_pat;
}

pgprotval_t cachemode2protval(enum page_cache_mode pcm)
{
	switch (pcm) {
	case _PAGE_CACHE_MODE_WB:
		return 0;
	case _PAGE_CACHE_MODE_WC:
		return pat_enabled ? _PAGE_PWT : _PAGE_PCD;
	case _PAGE_CACHE_MODE_UC_MINUS:
		return _PAGE_PCD;
	case _PAGE_CACHE_MODE_UC:
	default:
		return _PAGE_PCD | _PAGE_PWT;
	}
}
