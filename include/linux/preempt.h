/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The preemption count, per CPU, as Linux lays it out:
 *
 *   bits  0-7   preempt_disable() nesting (spinlocks take it)
 *   bits  8-15  softirq (unused yet)
 *   bits 16-19  hardirq nesting (do_irq())
 *   bit  20     NMI
 *
 * Non-zero means this CPU must not switch tasks: it holds a spinlock or
 * runs an interrupt handler. in_interrupt() says the latter.
 * preempt_enable() switches tasks at once if the scheduler asked for it
 * meanwhile.
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <linux/compiler.h>
#include <linux/percpu.h>
#include <asm/irqflags.h>

#define PREEMPT_OFFSET		(1U << 0)
#define SOFTIRQ_OFFSET		(1U << 8)
#define HARDIRQ_OFFSET		(1U << 16)
#define NMI_OFFSET		(1U << 20)
#define PREEMPT_MASK		0x000000ffU
#define SOFTIRQ_MASK		0x0000ff00U
#define HARDIRQ_MASK		0x000f0000U
#define NMI_MASK		0x00100000U

DECLARE_PER_CPU(unsigned int, __preempt_count);

static __always_inline unsigned int preempt_count(void)
{
	return this_cpu_read(__preempt_count);
}

#define preempt_count_add(val)	this_cpu_add(__preempt_count, val)
#define preempt_count_sub(val)	this_cpu_sub(__preempt_count, val)

#define preempt_disable() do {		\
	preempt_count_add(PREEMPT_OFFSET);	\
	barrier();				\
} while (0)

/* Set when this CPU should switch tasks (kernel/sched/core.c). */
DECLARE_PER_CPU(bool, sched_need_resched);
void preempt_schedule(void);

#define preempt_enable() do {						\
	barrier();							\
	preempt_count_sub(PREEMPT_OFFSET);				\
	if (unlikely(this_cpu_read(sched_need_resched)) && !preempt_count()) \
		preempt_schedule();					\
} while (0)

#define in_interrupt()		(preempt_count() & (HARDIRQ_MASK | SOFTIRQ_MASK | NMI_MASK))
#define in_atomic()		(preempt_count() != 0)

#define irq_enter()		preempt_count_add(HARDIRQ_OFFSET)
#define irq_exit()		preempt_count_sub(HARDIRQ_OFFSET)
#define nmi_enter()		preempt_count_add(NMI_OFFSET)
#define nmi_exit()		preempt_count_sub(NMI_OFFSET)

/*
 * might_sleep - state that the caller may sleep: reported (once per call
 * site) in atomic context, with a spinlock held or in an interrupt handler
 * (kernel/lockdep.c), or with interrupts off once the scheduler runs (the
 * boot CPU has them off until then).
 */
void __might_sleep(const char *file, int line, bool *reported);
#define might_sleep() do {					\
	static bool __reported;					\
	if (unlikely(preempt_count()) || unlikely(irqs_disabled()))	\
		__might_sleep(__FILE__, __LINE__, &__reported);	\
} while (0)
#define might_sleep_if(cond)	do { if (cond) might_sleep(); } while (0)

#endif /* _LINUX_PREEMPT_H */
