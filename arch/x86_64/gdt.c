// SPDX-License-Identifier: GPL-2.0
/*
 * The GDT and the TSS. In long mode segments are flat; the GDT exists for
 * the code/data selectors and to hold the TSS, whose interrupt stack table
 * gives double fault, NMI and machine check their own stacks, so that a
 * kernel stack overflow (a double fault on a dead stack) can still be
 * reported (Intel SDM vol. 3A, 6.14.5).
 *
 * Only the boot CPU exists so far; SMP bring-up gives each CPU its own GDT,
 * TSS and exception stacks.
 */
#include <linux/kernel.h>
#include <asm/desc.h>
#include <asm/processor.h>

static u64 gdt[GDT_ENTRIES] __aligned(16) = {
	[GDT_ENTRY_KERNEL32_CS]	= 0x00cf9b000000ffffULL,
	[GDT_ENTRY_KERNEL_CS]	= 0x00af9b000000ffffULL,	/* L=1 */
	[GDT_ENTRY_KERNEL_DS]	= 0x00cf93000000ffffULL,
	[GDT_ENTRY_USER32_CS]	= 0x00cffb000000ffffULL,
	[GDT_ENTRY_USER_DS]	= 0x00cff3000000ffffULL,
	[GDT_ENTRY_USER_CS]	= 0x00affb000000ffffULL,
};

static struct x86_hw_tss tss __aligned(16);
char exception_stacks[N_EXCEPTION_STACKS][EXCEPTION_STKSZ] __aligned(16);

struct desc_ptr {
	u16 size;
	u64 address;
} __packed;

/* A 16-byte available 64-bit TSS descriptor (type 9, present). */
static void set_tss_desc(u64 *desc, unsigned long base, u32 limit)
{
	desc[0] = (limit & 0xffff) | ((base & 0xffffff) << 16) | (0x89ULL << 40) |
		  ((u64)(limit >> 16 & 0xf) << 48) | ((u64)(base >> 24 & 0xff) << 56);
	desc[1] = base >> 32;
}

void gdt_init(void)
{
	struct desc_ptr gdtr = { sizeof(gdt) - 1, (u64)gdt };
	int i;

	for (i = 0; i < N_EXCEPTION_STACKS; i++)
		tss.ist[i] = (u64)&exception_stacks[i][EXCEPTION_STKSZ];
	tss.io_bitmap_base = sizeof(tss);	/* no I/O bitmap */
	/* Per-CPU data is the template until setup_per_cpu_areas(). */
	wrmsr(MSR_GS_BASE, 0);
	set_tss_desc(&gdt[GDT_ENTRY_TSS], (unsigned long)&tss, sizeof(tss) - 1);

	/* Load the GDT, reload CS with a far return, then the data segments. */
	__asm__ __volatile__(
		"lgdt %0\n\t"
		"pushq %1\n\t"
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\n\t"
		"movl %2, %%eax\n\t"
		"movl %%eax, %%ds\n\t"
		"movl %%eax, %%es\n\t"
		"movl %%eax, %%ss\n\t"
		"ltr %w3"
		: : "m"(gdtr), "i"(__KERNEL_CS), "i"(__KERNEL_DS), "r"(__TSS_SEL)
		: "rax", "memory");
}
