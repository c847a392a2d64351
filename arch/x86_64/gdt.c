// SPDX-License-Identifier: GPL-2.0
/*
 * The GDT and the TSS. In long mode segments are flat; the GDT exists for
 * the code/data selectors and to hold the TSS, whose interrupt stack table
 * gives double fault, NMI and machine check their own stacks, so that a
 * kernel stack overflow (a double fault on a dead stack) can still be
 * reported (Intel SDM vol. 3A, 6.14.5).
 *
 * The TSS's rsp0 is the stack the CPU switches to when an interrupt or
 * exception arrives in ring 3: the running task's kernel stack top, which
 * the context switch sets (load_sp0()); entry_SYSCALL_64 reads the same
 * top from cpu_current_top_of_stack, since SYSCALL switches no stack.
 *
 * Each CPU has its own GDT (for its TSS descriptor), TSS and exception
 * stacks; the boot CPU's are static, the others' are set up as they start
 * (arch/x86_64/smpboot.c). cpu_stacks records them for the stack walker.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <asm/desc.h>
#include <asm/processor.h>

static const u64 gdt_template[GDT_ENTRIES] = {
	[GDT_ENTRY_KERNEL32_CS]	= 0x00cf9b000000ffffULL,
	[GDT_ENTRY_KERNEL_CS]	= 0x00af9b000000ffffULL,	/* L=1 */
	[GDT_ENTRY_KERNEL_DS]	= 0x00cf93000000ffffULL,
	[GDT_ENTRY_USER32_CS]	= 0x00cffb000000ffffULL,
	[GDT_ENTRY_USER_DS]	= 0x00cff3000000ffffULL,
	[GDT_ENTRY_USER_CS]	= 0x00affb000000ffffULL,
};

/* Each CPU's GDT (its TSS descriptor differs) and TSS. */
static u64 gdt[NR_CPUS][GDT_ENTRIES] __aligned(16);
static struct x86_hw_tss tss[NR_CPUS] __aligned(16);
/* The boot CPU's exception stacks; the others' come from the page allocator. */
static char boot_exception_stacks[N_EXCEPTION_STACKS * EXCEPTION_STKSZ] __aligned(16);

extern char init_stack[], init_stack_top[];

/* The boot CPU's stacks; every per-CPU area starts as a copy. */
DEFINE_PER_CPU(struct cpu_stacks, cpu_stacks) = {
	.task_lo = (unsigned long)init_stack,
	.task_hi = (unsigned long)init_stack_top,
	.estacks = boot_exception_stacks,
};

/* The running task's kernel stack top; written by load_sp0() only. */
DEFINE_PER_CPU(unsigned long, cpu_current_top_of_stack);

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

void gdt_init_cpu(unsigned int cpu, char *estacks)
{
	struct desc_ptr gdtr = { sizeof(gdt[cpu]) - 1, (u64)gdt[cpu] };
	struct x86_hw_tss *t = &tss[cpu];
	int i;

	memcpy(gdt[cpu], gdt_template, sizeof(gdt_template));
	for (i = 0; i < N_EXCEPTION_STACKS; i++)
		t->ist[i] = (u64)(estacks + (i + 1) * EXCEPTION_STKSZ);
	t->io_bitmap_base = sizeof(*t);	/* no I/O bitmap */
	set_tss_desc(&gdt[cpu][GDT_ENTRY_TSS], (unsigned long)t, sizeof(*t) - 1);

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

void load_sp0(unsigned long sp0)
{
	tss[smp_processor_id()].sp0 = sp0;
	this_cpu_write(cpu_current_top_of_stack, sp0);
}

void gdt_init(void)
{
	/* Per-CPU data is the template until setup_per_cpu_areas(). */
	wrmsr(MSR_GS_BASE, 0);
	gdt_init_cpu(0, boot_exception_stacks);
}
