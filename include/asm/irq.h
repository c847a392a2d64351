/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt vectors 32-255 (arch/x86_64/irq.c): each vector has at most one
 * handler, called with interrupts off on the CPU that took it; do_irq()
 * counts it per CPU and acknowledges the local APIC afterwards.
 */
#ifndef _ASM_IRQ_H
#define _ASM_IRQ_H

#include <linux/types.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

typedef void (*irq_vector_handler_t)(struct pt_regs *regs);

/*
 * set_vector_handler - route @vector to @handler (NULL: none).
 * Context: boot, or before the vector can fire.
 */
void set_vector_handler(unsigned int vector, irq_vector_handler_t handler);

/* Called by do_exception() for vectors >= FIRST_EXTERNAL_VECTOR. */
void do_irq(struct pt_regs *regs);

/* How many interrupts of @vector @cpu took (the irqs shell command). */
unsigned long irq_count(unsigned int cpu, unsigned int vector);

struct seq_file;
/*
 * show_interrupts - the counts per vector and CPU in /proc/interrupts'
 * layout: the system vectors always (LOC, SPU, ERR, RES, CAL, CFS with
 * Linux's names), other vectors once one has fired. The shell's irqs.
 */
int show_interrupts(struct seq_file *p, void *v);

#endif /* _ASM_IRQ_H */
