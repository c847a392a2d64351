// SPDX-License-Identifier: GPL-2.0
/*
 * Dynamic per-CPU memory: alloc_percpu() / free_percpu(), as Linux's
 * interface, from a reserved stretch of the per-CPU template.
 *
 * Every CPU's area is a copy of the template (arch/x86_64/setup_percpu.c),
 * so a chunk carved from pcpu_dynamic[] sits at the same %gs offset on
 * every CPU: the returned pointer is used exactly as the address of a
 * DEFINE_PER_CPU variable (this_cpu_ptr(), per_cpu_ptr(), %gs-relative
 * instructions). That is what lets SLUB's fast path address its
 * kmem_cache_cpu with one %gs-relative cmpxchg16b.
 *
 * The reserve is handed out in PCPU_UNIT-byte units from a bitmap, first
 * fit; PCPU_DYNAMIC_SIZE bounds what can be live at once (a failed
 * allocation returns NULL). Each allocation is zeroed on every possible CPU.
 *
 * Locking: pcpu_lock protects the bitmap. Context: may be called with
 * interrupts on or off, not from NMI.
 */
#include <linux/percpu.h>
#include <linux/bitmap.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/smp.h>
#include <asm/cache.h>

#define PCPU_UNIT		16
#define PCPU_DYNAMIC_SIZE	(32 * 1024)
#define PCPU_UNITS		(PCPU_DYNAMIC_SIZE / PCPU_UNIT)

static DEFINE_PER_CPU(char, pcpu_dynamic[PCPU_DYNAMIC_SIZE]) ____cacheline_aligned;

static DEFINE_SPINLOCK(pcpu_lock);
static unsigned long pcpu_used[BITS_TO_LONGS(PCPU_UNITS)];	/* under pcpu_lock */
static u16 pcpu_units_of[PCPU_UNITS];	/* length of the chunk at a unit; under pcpu_lock */

void *__alloc_percpu(size_t size, size_t align)
{
	unsigned int units = (unsigned int)DIV_ROUND_UP(size, PCPU_UNIT);
	unsigned long mask = align > PCPU_UNIT ? align / PCPU_UNIT - 1 : 0;
	unsigned long flags, start;
	unsigned int cpu;
	char *p;

	if (WARN_ON_ONCE(!size || (align & (align - 1)) || align > 64))
		return NULL;
	spin_lock_irqsave(&pcpu_lock, flags);
	start = bitmap_find_next_zero_area(pcpu_used, PCPU_UNITS, 0, units, mask);
	if (start < PCPU_UNITS && start + units <= PCPU_UNITS) {
		bitmap_set(pcpu_used, (unsigned int)start, units);
		pcpu_units_of[start] = (u16)units;
	}
	spin_unlock_irqrestore(&pcpu_lock, flags);
	if (start >= PCPU_UNITS || start + units > PCPU_UNITS) {
		pr_warn("percpu: allocation of %zu bytes failed: reserve of %u bytes full\n",
			size, PCPU_DYNAMIC_SIZE);
		return NULL;
	}
	p = pcpu_dynamic + start * PCPU_UNIT;
	for_each_possible_cpu(cpu)
		memset(per_cpu_ptr(p, cpu), 0, units * PCPU_UNIT);
	return p;
}

void free_percpu(void *ptr)
{
	unsigned long flags, start;

	if (!ptr)
		return;
	start = ((char *)ptr - pcpu_dynamic) / PCPU_UNIT;
	if (WARN_ON((char *)ptr < pcpu_dynamic || start >= PCPU_UNITS ||
		    (char *)ptr != pcpu_dynamic + start * PCPU_UNIT || !pcpu_units_of[start])) {
		pr_err("free_percpu: %p was not given by alloc_percpu()\n", ptr);
		return;
	}
	spin_lock_irqsave(&pcpu_lock, flags);
	bitmap_clear(pcpu_used, (unsigned int)start, pcpu_units_of[start]);
	pcpu_units_of[start] = 0;
	spin_unlock_irqrestore(&pcpu_lock, flags);
}
