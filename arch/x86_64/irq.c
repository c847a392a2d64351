// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt dispatch for vectors 32-255 (see asm/irq.h), per-CPU counts,
 * and the `irqs` shell command in /proc/interrupts' layout.
 *
 * Locking: vector_handlers[] is written before its vector can fire and
 * read by any CPU; the counts are per CPU.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/shell.h>
#include <linux/seq_file.h>
#include <linux/random.h>
#include <asm/irq.h>
#include <asm/apic.h>

static irq_vector_handler_t vector_handlers[NR_VECTORS];
static DEFINE_PER_CPU(unsigned long, irq_stat[NR_VECTORS]);

void set_vector_handler(unsigned int vector, irq_vector_handler_t handler)
{
	WRITE_ONCE(vector_handlers[vector], handler);
}

unsigned long irq_count(unsigned int cpu, unsigned int vector)
{
	return READ_ONCE(per_cpu(irq_stat, cpu)[vector]);
}

void do_irq(struct pt_regs *regs)
{
	unsigned int vector = (unsigned int)regs->vector;
	irq_vector_handler_t handler = READ_ONCE(vector_handlers[vector]);

	irq_enter();
	this_cpu_inc(irq_stat[vector]);
	add_interrupt_randomness(vector);
	if (handler)
		handler(regs);
	else
		pr_err("do_IRQ: %u.%u No irq handler for vector\n", smp_processor_id(), vector);
	/* A spurious interrupt is not in service: it must not be acknowledged. */
	if (vector != SPURIOUS_APIC_VECTOR)
		apic_eoi();
	irq_exit();
	/* Preempt the interrupted task if asked to and it allows it. */
	if (unlikely(this_cpu_read(sched_need_resched)) && !preempt_count() &&
	    (regs->flags & X86_EFLAGS_IF))
		preempt_schedule_irq();
}

static const struct {
	unsigned int vector;
	const char *tag, *name;
} system_vectors[] = {
	{ LOCAL_TIMER_VECTOR, "LOC", "Local timer interrupts" },
	{ SPURIOUS_APIC_VECTOR, "SPU", "Spurious interrupts" },
	{ ERROR_APIC_VECTOR, "ERR", "APIC errors" },
	{ RESCHEDULE_VECTOR, "RES", "Rescheduling interrupts" },
	{ CALL_FUNCTION_VECTOR, "CAL", "Function call interrupts" },
	{ CALL_FUNCTION_SINGLE_VECTOR, "CFS", "Single function call interrupts" },
};

int show_interrupts(struct seq_file *p, void *unused)
{
	unsigned int cpu, i, v;

	seq_puts(p, "    ");
	for_each_online_cpu(cpu)
		seq_printf(p, "       CPU%-3u", cpu);
	seq_putc(p, '\n');
	for (v = FIRST_EXTERNAL_VECTOR; v < NR_VECTORS; v++) {
		unsigned long any = 0;

		for_each_online_cpu(cpu)
			any |= irq_count(cpu, v);
		for (i = 0; i < ARRAY_SIZE(system_vectors); i++)
			if (system_vectors[i].vector == v)
				break;
		if (!any && i == ARRAY_SIZE(system_vectors))
			continue;
		if (i < ARRAY_SIZE(system_vectors))
			seq_printf(p, "%s:", system_vectors[i].tag);
		else
			seq_printf(p, "%3u:", v);
		for_each_online_cpu(cpu)
			seq_printf(p, " %13lu", irq_count(cpu, v));
		seq_printf(p, "   %s\n", i < ARRAY_SIZE(system_vectors) ? system_vectors[i].name :
			   "vector");
	}
	return 0;
}
SHELL_SEQ_CMD(irqs, "interrupts per vector and CPU, as /proc/interrupts", show_interrupts);
