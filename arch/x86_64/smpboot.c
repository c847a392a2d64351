// SPDX-License-Identifier: GPL-2.0
/*
 * Starting the application processors.
 *
 * The boot CPU starts each possible CPU in turn (smp_init()), after the
 * page allocator is up: it gives the CPU a stack and exception stacks from
 * the page allocator, records them in the CPU's cpu_stacks, leaves the
 * stack and the CPU number in smpboot_stack/smpboot_cpu, and sends INIT,
 * then STARTUP twice (Intel SDM vol. 3A, 8.4.4.1), pointing the CPU at the
 * trampoline (trampoline.S). The new CPU loads its per-CPU segment, its GDT
 * and TSS, the IDT, turns SMEP and SMAP on as the boot CPU did, enables
 * its local APIC, marks itself online and
 * becomes its idle task (cpu_startup_entry()). A CPU that is not online within a second
 * is reported and left out; its stacks are freed.
 *
 * Only one CPU is started at a time: smpboot_stack and smpboot_cpu belong
 * to the CPU being started until it is online.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/smp.h>
#include <linux/percpu.h>
#include <linux/cpumask.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/delay.h>
#include <linux/shell.h>
#include <linux/sched.h>
#include <asm/tlbflush.h>
#include <asm/smp.h>
#include <asm/apic.h>
#include <asm/memtype.h>
#include <asm/desc.h>
#include <asm/irq.h>
#include <asm/irqflags.h>
#include <asm/pgtable.h>
#include <asm/pgalloc.h>
#include <asm/processor.h>
#include <asm/smap.h>
#include <asm/fpu.h>
#include <asm/syscall.h>
#include <asm/tsc.h>

#define ESTACKS_ORDER		3	/* 3 x 8 KiB exception stacks */

struct cpumask __cpu_possible_mask, __cpu_present_mask, __cpu_online_mask;
u32 x86_cpu_to_apicid[NR_CPUS];

DECLARE_PER_CPU(struct cpu_stacks, cpu_stacks);

/* For the CPU being started: its stack top and its number. */
unsigned long smpboot_stack;
static unsigned int smpboot_cpu;

extern const char trampoline_start[], trampoline_end[];

/*
 * The trampoline and its tables: identity-map the low 2 MiB (executable:
 * the trampoline runs there), share the upper half. The tables sit at
 * fixed pages below 1 MiB (32-bit mode loads CR3 from TRAMPOLINE_PGD), so
 * they are not allocated; the entries are made by the populate helpers.
 */
static void setup_trampoline(void)
{
	pgd_t *pgd = __va(TRAMPOLINE_PGD);
	pud_t *pud = __va(TRAMPOLINE_PUD);
	pmd_t *pmd = __va(TRAMPOLINE_PMD);
	unsigned int half = PTRS_PER_PGD / 2;

	memcpy(__va(TRAMPOLINE_BASE), trampoline_start, trampoline_end - trampoline_start);
	memset(pgd, 0, PAGE_SIZE);
	memset(pud, 0, PAGE_SIZE);
	memset(pmd, 0, PAGE_SIZE);
	pmd_set_huge(pmd, 0, __pgprot(_PAGE_PRESENT | _PAGE_RW));
	pud_populate(&init_mm, pud, pmd);
	p4d_populate(&init_mm, p4d_offset(pgd, 0), pud);
	memcpy(pgd + half, init_top_pgt + half, half * sizeof(pgd_t));
}

void __noreturn start_secondary(void);
void __noreturn start_secondary(void)
{
	unsigned int cpu = READ_ONCE(smpboot_cpu);

	load_percpu_segment(cpu);
	gdt_init_cpu(cpu, this_cpu_read(cpu_stacks.estacks));
	load_idt();
	setup_smep_smap();
	setup_umip();
	setup_pcid();
	syscall_init();
	fpu__init_cpu();
	pat_init();
	setup_local_APIC();
	set_cpu_online(cpu, true);
	cpu_startup_entry(cpu, (void *)this_cpu_read(cpu_stacks.task_lo));
}

static bool wait_online(unsigned int cpu, unsigned int ms)
{
	u64 t0 = rdtsc_ordered(), limit = (u64)tsc_khz * ms;

	while (!cpu_online(cpu) && rdtsc_ordered() - t0 < limit)
		cpu_relax();
	return cpu_online(cpu);
}

/*
 * The SDM's 10 ms between INIT and STARTUP is for the external APICs of
 * old CPUs; like Linux (init_udelay), skip it on family 6 and later Intel
 * and family 0xf and later AMD, or under a hypervisor, and wait 10 us
 * instead of 200 after each STARTUP. A STARTUP that finds the CPU already
 * running is ignored, so the second one is harmless.
 */
static bool init_delay_needed(void)
{
	u32 a, b, c, d, family;

	cpuid(1, &a, &b, &c, &d);
	if (c & (1U << 31))	/* hypervisor */
		return false;
	family = (a >> 8) & 0xf;
	if (family == 0xf)
		family += (a >> 20) & 0xff;
	return family < 6;
}

/* INIT, then STARTUP twice, as the SDM's MP initialisation protocol. */
static void wakeup_cpu(u32 apicid)
{
	bool slow = init_delay_needed();
	unsigned int i;

	apic_send_IPI(apicid, APIC_INT_LEVELTRIG | APIC_INT_ASSERT | APIC_DM_INIT);
	apic_send_IPI(apicid, APIC_INT_LEVELTRIG | APIC_DM_INIT);
	if (slow)
		mdelay(10);
	for (i = 0; i < 2; i++) {
		apic_send_IPI(apicid, APIC_DM_STARTUP | (TRAMPOLINE_BASE >> PAGE_SHIFT));
		udelay(slow ? 200 : 10);
	}
}

static int do_boot_cpu(unsigned int cpu)
{
	struct page *stack = alloc_pages(GFP_KERNEL, THREAD_SIZE_ORDER);
	struct page *estacks = alloc_pages(GFP_KERNEL, ESTACKS_ORDER);
	struct cpu_stacks *cs = per_cpu_ptr(&cpu_stacks, cpu);

	if (!stack || !estacks)
		goto fail;
	cs->task_lo = (unsigned long)page_address(stack);
	cs->task_hi = cs->task_lo + (PAGE_SIZE << THREAD_SIZE_ORDER);
	cs->estacks = page_address(estacks);
	smpboot_stack = cs->task_hi;
	WRITE_ONCE(smpboot_cpu, cpu);
	wakeup_cpu(x86_cpu_to_apicid[cpu]);
	if (wait_online(cpu, 1000))
		return 0;
	pr_err("smpboot: CPU%u (APIC %#x) did not come up\n", cpu, x86_cpu_to_apicid[cpu]);
fail:
	if (stack)
		__free_pages(stack, THREAD_SIZE_ORDER);
	if (estacks)
		__free_pages(estacks, ESTACKS_ORDER);
	return -1;
}

void smp_init(void)
{
	unsigned int cpu;

	set_cpu_online(0, true);
	call_function_init();
	if (nr_cpu_ids == 1)
		return;
	setup_trampoline();
	for_each_possible_cpu(cpu)
		if (!cpu_online(cpu))
			do_boot_cpu(cpu);
	pr_info("smp: Brought up 1 node, %u CPUs\n", num_online_cpus());
}

static int cmd_cpus(int argc, char **argv)
{
	unsigned int cpu;

	raw_printk("CPU  APIC  state\n");
	for_each_possible_cpu(cpu)
		raw_printk("%3u  %4u  %s\n", cpu, x86_cpu_to_apicid[cpu],
			   cpu_online(cpu) ? "online" : "offline");
	return 0;
}
SHELL_CMD(cpus, "the possible CPUs: APIC ID and whether online", cmd_cpus);
