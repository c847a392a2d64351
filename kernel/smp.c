// SPDX-License-Identifier: GPL-2.0
/*
 * Cross-CPU function calls (include/linux/smp.h), as Linux's kernel/smp.c.
 *
 * A call is a call_single_data (csd) queued on the target CPU's
 * call_single_queue, followed by a CALL_FUNCTION_SINGLE_VECTOR IPI. The
 * target's handler runs every queued function with interrupts off and then
 * unlocks the csd (clears CSD_FLAG_LOCK), which is what a waiting caller
 * spins on. A caller that waits uses a csd on its stack; one that does not
 * uses its own per-CPU csd for that target, waiting first for the previous
 * call through it to finish.
 *
 * Waiting with interrupts off can deadlock (two CPUs each waiting for the
 * other to take its IPI): it warns, as Linux does.
 *
 * Locking: each call_single_queue has its lock (interrupts off); a csd
 * belongs to its caller until queued and to the target until unlocked.
 */
#include <linux/smp.h>
#include <linux/percpu.h>
#include <linux/cpumask.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/errno.h>
#include <linux/bug.h>
#include <asm/apic.h>
#include <asm/barrier.h>
#include <asm/irq.h>
#include <asm/irqflags.h>
#include <asm/smp.h>

#define CSD_FLAG_LOCK	0x01

struct call_single_data {
	struct list_head node;
	smp_call_func_t func;
	void *info;
	unsigned int flags;
};

struct call_single_queue {
	spinlock_t lock;
	struct list_head list;
};

static DEFINE_PER_CPU(struct call_single_queue, call_single_queue);
/* This CPU's csd for asynchronous calls to each other CPU. */
static DEFINE_PER_CPU(struct call_single_data, csd_data[NR_CPUS]);

static void csd_lock_wait(const struct call_single_data *csd)
{
	while (smp_load_acquire(&csd->flags) & CSD_FLAG_LOCK)
		cpu_relax();
}

static void csd_lock(struct call_single_data *csd)
{
	csd_lock_wait(csd);
	csd->flags = CSD_FLAG_LOCK;
}

static void csd_unlock(struct call_single_data *csd)
{
	smp_store_release(&csd->flags, 0);
}

static void queue_csd(unsigned int cpu, struct call_single_data *csd)
{
	struct call_single_queue *q = per_cpu_ptr(&call_single_queue, cpu);
	unsigned long flags;

	spin_lock_irqsave(&q->lock, flags);
	list_add_tail(&csd->node, &q->list);
	spin_unlock_irqrestore(&q->lock, flags);
	apic_send_IPI(x86_cpu_to_apicid[cpu], APIC_DM_FIXED | CALL_FUNCTION_SINGLE_VECTOR);
}

/* Run this CPU's queued calls. Context: the IPI, interrupts off. */
static void call_function_single_interrupt(struct pt_regs *regs)
{
	struct call_single_queue *q = this_cpu_ptr(&call_single_queue);

	for (;;) {
		struct call_single_data *csd;

		spin_lock(&q->lock);
		csd = list_first_entry_or_null(&q->list, struct call_single_data, node);
		if (csd)
			list_del(&csd->node);
		spin_unlock(&q->lock);
		if (!csd)
			return;
		csd->func(csd->info);
		csd_unlock(csd);
	}
}

void call_function_init(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct call_single_queue *q = per_cpu_ptr(&call_single_queue, cpu);

		spin_lock_init(&q->lock);
		INIT_LIST_HEAD(&q->list);
	}
	set_vector_handler(CALL_FUNCTION_SINGLE_VECTOR, call_function_single_interrupt);
}

static void run_local(smp_call_func_t func, void *info)
{
	unsigned long flags;

	local_irq_save(flags);
	func(info);
	local_irq_restore(flags);
}

int smp_call_function_single(unsigned int cpu, smp_call_func_t func, void *info, bool wait)
{
	struct call_single_data stack_csd, *csd;
	unsigned int me = get_cpu();	/* stay here while this CPU's csds are used */

	if (cpu == me) {
		run_local(func, info);
		put_cpu();
		return 0;
	}
	if (cpu >= nr_cpu_ids || !cpu_online(cpu)) {
		put_cpu();
		return -ENXIO;
	}
	WARN_ON_ONCE(wait && irqs_disabled());
	csd = wait ? &stack_csd : &this_cpu_ptr(&csd_data)[0][cpu];
	if (wait)
		stack_csd.flags = 0;
	csd_lock(csd);
	csd->func = func;
	csd->info = info;
	queue_csd(cpu, csd);
	if (wait)
		csd_lock_wait(csd);
	put_cpu();
	return 0;
}

void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func,
			    void *info, bool wait)
{
	unsigned int cpu, me = get_cpu();
	struct call_single_data *csds = this_cpu_ptr(&csd_data)[0];

	WARN_ON_ONCE(wait && irqs_disabled());
	for_each_cpu(cpu, mask) {
		if (cpu == me || !cpu_online(cpu))
			continue;
		csd_lock(&csds[cpu]);
		csds[cpu].func = func;
		csds[cpu].info = info;
		queue_csd(cpu, &csds[cpu]);
	}
	if (wait)
		for_each_cpu(cpu, mask)
			if (cpu != me)
				csd_lock_wait(&csds[cpu]);
	put_cpu();
}

void on_each_cpu(smp_call_func_t func, void *info, bool wait)
{
	preempt_disable();
	smp_call_function_many(cpu_online_mask, func, info, wait);
	run_local(func, info);
	preempt_enable();
}
