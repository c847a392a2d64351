// SPDX-License-Identifier: GPL-2.0
/*
 * Fake physical memory for the host tests: what __va() and __pa() call
 * under __HOST_TEST__ (include/asm/page.h). Physical addresses
 * [0, HOST_FAKE_PHYS_SIZE) are backed by a static buffer, so code that
 * writes through the direct map (memblock_alloc(), a doubled memblock array)
 * runs under ASan on real host memory. Other physical addresses have no
 * backing: translating one fails the test, so tests of large address ranges
 * keep to physical addresses (memblock_phys_alloc()). Compiled as kernel-side
 * code (tests/host/htest.h).
 */
#include <asm/page.h>
#include <linux/kernel.h>
#include "htest.h"

static u8 fake_phys_mem[HOST_FAKE_PHYS_SIZE] __aligned(PAGE_SIZE);

/* One past the end is allowed, as for any C array. */
void *host_phys_to_virt(phys_addr_t pa)
{
	if (pa > HOST_FAKE_PHYS_SIZE) {
		htest_fail(__FILE__, __LINE__,
			   "__va(%#lx): no fake physical memory there (it ends at %#lx)",
			   pa, HOST_FAKE_PHYS_SIZE);
		htest_abort();
	}
	return fake_phys_mem + pa;
}

phys_addr_t host_virt_to_phys(const void *va)
{
	const u8 *p = va;

	if (p < fake_phys_mem || p > fake_phys_mem + HOST_FAKE_PHYS_SIZE) {
		htest_fail(__FILE__, __LINE__,
			   "__pa(%p): not an address of fake physical memory", va);
		htest_abort();
	}
	return (phys_addr_t)(p - fake_phys_mem);
}
