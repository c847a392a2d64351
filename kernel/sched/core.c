// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler: per-CPU run queues, round robin with time slices, the
 * tick, sleeping with a timeout, load balancing and the soft-lockup
 * watchdog (see include/linux/sched.h for the model).
 *
 * Run queue invariants (rq->lock, interrupts off):
 *  - rq->queue holds the runnable tasks of this CPU that are not running,
 *    in run order; rq->curr is the running task and is not on the queue;
 *  - on_rq is set while a task is queued or running; nr_running counts
 *    those tasks of the CPU, the idle task excepted;
 *  - on_cpu is set while a task runs and until the task after it has
 *    switched away from its stack, so a stack is never freed under it.
 *
 * A context switch holds the run-queue lock across __switch_to_asm; the
 * task switched to releases it (finish_task_switch(), schedule_tail() for
 * a new task). Two run queues are locked lower CPU first. The run-queue
 * locks are arch spinlocks: lockdep cannot follow a lock handed from one
 * task to another.
 *
 * Timeouts: per-CPU lists of sleep timers, checked every tick; a timer
 * fires on the CPU that armed it.
 */
#include <linux/sched.h>
#include <linux/kthread.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/percpu.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/shell.h>
#include <linux/init.h>
#include <linux/kstrtox.h>
#include <linux/errno.h>
#include <linux/highmem.h>
#include <asm/apic.h>
#include <asm/irq.h>
#include <asm/irqflags.h>
#include <asm/desc.h>
#include <asm/smp.h>
#include <asm/processor.h>
#include <asm/tsc.h>
#include <asm/stacktrace.h>

struct rq {
	spinlock_t lock;
	struct list_head queue;
	unsigned int nr_running;
	bool lockup_reported;
	struct task_struct *curr, *idle;
	unsigned long last_switch;	/* jiffies of the last context switch */
};

struct sleep_timer {
	struct list_head node;
	unsigned long expires;
	struct task_struct *task;
	bool pending;
};

struct timer_base {
	spinlock_t lock;
	struct list_head timers;
};

static struct task_struct init_task;
/* Every CPU starts as init until it has a task of its own (sched_init, its idle task). */
DEFINE_PER_CPU(struct task_struct *, current_task) = &init_task;
DEFINE_PER_CPU(bool, sched_need_resched);
static DEFINE_PER_CPU(struct rq, runqueues);
static DEFINE_PER_CPU(struct timer_base, timer_bases);
DECLARE_PER_CPU(struct cpu_stacks, cpu_stacks);

unsigned long volatile jiffies;
unsigned int watchdog_thresh = 10;

extern char init_stack[];

/* The boot context; bound to CPU 0, where it runs the tests and the shell. */
static struct task_struct init_task = {
	.__state = TASK_RUNNING,
	.flags = PF_NO_SETAFFINITY,
	.pid = 1,
	.comm = "init",
	.on_rq = 1,
	.on_cpu = 1,
	.started = true,
	.stack = init_stack,
	.usage = ATOMIC_INIT(2),
};

/* All tasks, for ps. */
static LIST_HEAD(task_list);
static DEFINE_SPINLOCK(task_list_lock);
static atomic_t next_pid = ATOMIC_INIT(2);

struct task_struct *__switch_to_asm(struct task_struct *prev, struct task_struct *next);
void ret_from_kthread(void);

static int watchdog_thresh_setup(char *val)
{
	return kstrtouint(val, 0, &watchdog_thresh);
}
early_param("watchdog_thresh", watchdog_thresh_setup);

static inline struct rq *cpu_rq(unsigned int cpu)
{
	return per_cpu_ptr(&runqueues, cpu);
}

static inline struct rq *this_rq(void)
{
	return this_cpu_ptr(&runqueues);
}

bool need_resched(void)
{
	return this_cpu_read(sched_need_resched);
}

unsigned int nr_running_on(unsigned int cpu)
{
	return READ_ONCE(cpu_rq(cpu)->nr_running);
}

static void enqueue_task(struct rq *rq, struct task_struct *p)
{
	list_add_tail(&p->run_list, &rq->queue);
	p->on_rq = 1;
	rq->nr_running++;
}

/* Make @cpu look at its queue soon: at once if it is this CPU, by IPI otherwise. */
static void resched_cpu(struct rq *rq, unsigned int cpu)
{
	(void)rq;
	per_cpu(sched_need_resched, cpu) = true;
	if (cpu != smp_processor_id())
		apic_send_IPI(x86_cpu_to_apicid[cpu], APIC_DM_FIXED | RESCHEDULE_VECTOR);
}

/* ---- switching --------------------------------------------------------- */

/* In the task switched to, run-queue lock held, interrupts off. */
static void finish_task_switch(struct task_struct *prev)
{
	WRITE_ONCE(prev->on_cpu, 0);
	arch_spin_unlock(&this_rq()->lock);
	if (READ_ONCE(prev->__state) == TASK_DEAD)
		put_task_struct(prev);
}

/* The first code of a new task (ret_from_kthread), then its function. */
void schedule_tail(struct task_struct *prev);
void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	local_irq_enable();
}

void task_entry(void);
void task_entry(void)
{
	struct task_struct *me = current;

	/* kthread_stop() before the first run: the function never runs. */
	if (READ_ONCE(me->should_stop))
		do_exit(-EINTR);
	do_exit(me->threadfn(me->data));
}

static void context_switch(struct rq *rq, struct task_struct *prev, struct task_struct *next)
{
	struct cpu_stacks *cs = this_cpu_ptr(&cpu_stacks);

	rq->curr = next;
	rq->last_switch = jiffies;
	rq->lockup_reported = false;
	next->on_cpu = 1;
	next->cpu = smp_processor_id();
	this_cpu_write(current_task, next);
	cs->task_lo = (unsigned long)next->stack;
	cs->task_hi = cs->task_lo + THREAD_SIZE;
	kmap_local_sched_out(prev);
	kmap_local_sched_in(next);
	prev = __switch_to_asm(prev, next);
	/* Running again, switched to by @prev, which left the lock held. */
	finish_task_switch(prev);
}

/*
 * Pick and switch to the next task. @preempt: @prev is being preempted
 * and stays runnable whatever its state. Context: interrupts off.
 */
static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	struct rq *rq = this_rq();

	arch_spin_lock(&rq->lock);
	this_cpu_write(sched_need_resched, false);
	if (!preempt && READ_ONCE(prev->__state) != TASK_RUNNING) {
		prev->on_rq = 0;		/* goes to sleep (or dies) */
		rq->nr_running--;
	} else if (prev != rq->idle) {
		list_add_tail(&prev->run_list, &rq->queue);
	}
	next = list_first_entry_or_null(&rq->queue, struct task_struct, run_list);
	if (next)
		list_del(&next->run_list);
	else
		next = rq->idle;
	next->time_slice = SCHED_SLICE;
	if (next == prev) {
		arch_spin_unlock(&rq->lock);
		return;
	}
	if (preempt)
		prev->nivcsw++;
	else
		prev->nvcsw++;
	context_switch(rq, prev, next);
}

void schedule(void)
{
	unsigned long flags;

	local_irq_save(flags);
	__schedule(false);
	local_irq_restore(flags);
}

/* From do_irq(), interrupts off, the interrupted code preemptible. */
void preempt_schedule_irq(void)
{
	__schedule(true);
}

void preempt_schedule(void)
{
	unsigned long flags;

	if (irqs_disabled() || preempt_count())
		return;
	local_irq_save(flags);
	__schedule(true);
	local_irq_restore(flags);
}

void cond_resched(void)
{
	if (need_resched() && !preempt_count())
		preempt_schedule();
}

/* ---- waking ------------------------------------------------------------ */

/* Lock the run queue @p belongs to (it may move while we look). Interrupts off. */
static struct rq *task_rq_lock(struct task_struct *p, unsigned int *cpu)
{
	for (;;) {
		struct rq *rq;

		*cpu = READ_ONCE(p->cpu);
		rq = cpu_rq(*cpu);
		arch_spin_lock(&rq->lock);
		if (READ_ONCE(p->cpu) == *cpu)
			return rq;
		arch_spin_unlock(&rq->lock);
	}
}

static void wake_up_new_task(struct task_struct *p, int cpu);

bool wake_up_process(struct task_struct *p)
{
	unsigned long flags;
	unsigned int cpu;
	struct rq *rq;
	bool woken = false;

	if (unlikely(!__atomic_load_n(&p->started, __ATOMIC_ACQUIRE)) &&
	    !__atomic_exchange_n(&p->started, true, __ATOMIC_SEQ_CST)) {
		wake_up_new_task(p, (p->flags & PF_NO_SETAFFINITY) ? (int)p->cpu : -1);
		return true;
	}
	local_irq_save(flags);
	rq = task_rq_lock(p, &cpu);
	if (READ_ONCE(p->__state) != TASK_RUNNING && p->__state != TASK_DEAD) {
		WRITE_ONCE(p->__state, TASK_RUNNING);
		woken = true;
		if (!p->on_rq) {
			enqueue_task(rq, p);
			if (rq->curr == rq->idle || rq->curr->time_slice == 0)
				resched_cpu(rq, cpu);
		}
	}
	arch_spin_unlock(&rq->lock);
	local_irq_restore(flags);
	return woken;
}

/* The allowed CPU with the fewest runnable tasks. */
static unsigned int select_task_cpu(void)
{
	unsigned int cpu, best = smp_processor_id();

	for_each_online_cpu(cpu)
		if (nr_running_on(cpu) < nr_running_on(best))
			best = cpu;
	return best;
}

static void wake_up_new_task(struct task_struct *p, int cpu)
{
	unsigned long flags;
	struct rq *rq;

	p->started = true;
	if (cpu < 0)
		cpu = (int)select_task_cpu();
	else
		p->flags |= PF_NO_SETAFFINITY;
	p->cpu = (unsigned int)cpu;
	rq = cpu_rq((unsigned int)cpu);
	local_irq_save(flags);
	arch_spin_lock(&rq->lock);
	WRITE_ONCE(p->__state, TASK_RUNNING);
	enqueue_task(rq, p);
	if (rq->curr == rq->idle)
		resched_cpu(rq, (unsigned int)cpu);
	arch_spin_unlock(&rq->lock);
	local_irq_restore(flags);
}

/* ---- tasks ------------------------------------------------------------- */

/* A task without a stack, on the task list; not runnable yet. */
static struct task_struct *alloc_task(const char *name)
{
	struct page *tp = alloc_page(GFP_KERNEL | __GFP_ZERO);
	struct task_struct *p;
	unsigned long flags;

	BUILD_BUG_ON(sizeof(struct task_struct) > PAGE_SIZE);
	if (!tp)
		return NULL;
	p = page_address(tp);
	p->__state = TASK_UNINTERRUPTIBLE;	/* until woken for the first time */
	p->flags = PF_KTHREAD;
	p->pid = atomic_add_return(1, &next_pid) - 1;
	strscpy(p->comm, name, sizeof(p->comm));
	atomic_set(&p->usage, 2);	/* the scheduler's and the creator's */
	init_completion(&p->exited);
	spin_lock_irqsave(&task_list_lock, flags);
	list_add_tail(&p->tasks, &task_list);
	spin_unlock_irqrestore(&task_list_lock, flags);
	return p;
}

/* Unlink @p from the task list and free it with its stack (Linux's free_task()). */
static void free_task(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&task_list_lock, flags);
	list_del(&p->tasks);
	spin_unlock_irqrestore(&task_list_lock, flags);
	free_thread_stack(p);
	free_page((unsigned long)p);
}

struct task_struct *create_task(int (*fn)(void *), void *data, const char *name)
{
	struct task_struct *p = alloc_task(name);
	unsigned long *stack;

	if (!p)
		return NULL;
	if (alloc_thread_stack_node(p, NUMA_NO_NODE)) {
		free_task(p);
		return NULL;
	}
	p->threadfn = fn;
	p->data = data;
	/* __switch_to_asm pops six registers, then returns to ret_from_kthread. */
	stack = (unsigned long *)((char *)p->stack + THREAD_SIZE);
	*--stack = (unsigned long)ret_from_kthread;
	stack -= 6;
	memset(stack, 0, 6 * sizeof(*stack));
	p->thread.sp = (unsigned long)stack;
	return p;
}

void put_task_struct(struct task_struct *p)
{
	if (atomic_dec_and_test(&p->usage))
		free_task(p);
}

void __noreturn do_exit(int code)
{
	struct task_struct *me = current;

	me->exit_code = code;
	complete_all(&me->exited);
	local_irq_disable();
	WRITE_ONCE(me->__state, TASK_DEAD);
	__schedule(false);
	BUG();
	for (;;)
		;
}

/* ---- timeouts ---------------------------------------------------------- */

unsigned long msecs_to_jiffies(unsigned int ms)
{
	return DIV_ROUND_UP((unsigned long)ms * HZ, 1000);
}

u64 ktime_get(void)
{
	return local_clock();
}

static void run_timers(void)
{
	struct timer_base *base = this_cpu_ptr(&timer_bases);
	struct sleep_timer *t, *next;

	arch_spin_lock(&base->lock);
	list_for_each_entry_safe(t, next, &base->timers, node) {
		if ((long)(jiffies - t->expires) < 0)
			continue;
		list_del(&t->node);
		t->pending = false;
		wake_up_process(t->task);
	}
	arch_spin_unlock(&base->lock);
}

long schedule_timeout(long timeout)
{
	struct timer_base *base;
	struct sleep_timer t;
	unsigned long flags;
	long left;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout <= 0) {
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	t.expires = jiffies + (unsigned long)timeout;
	t.task = current;
	t.pending = true;
	local_irq_save(flags);
	base = this_cpu_ptr(&timer_bases);
	arch_spin_lock(&base->lock);
	list_add_tail(&t.node, &base->timers);
	arch_spin_unlock(&base->lock);
	__schedule(false);
	/* Perhaps on another CPU now: the timer stays on @base. */
	arch_spin_lock(&base->lock);
	if (t.pending)
		list_del(&t.node);
	arch_spin_unlock(&base->lock);
	local_irq_restore(flags);
	left = (long)(t.expires - jiffies);
	return left > 0 ? left : 0;
}

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

void msleep(unsigned int msecs)
{
	long timeout = (long)msecs_to_jiffies(msecs) + 1;

	might_sleep();
	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}

/* ---- the tick ---------------------------------------------------------- */

/* Pull one queued task from the busiest CPU if it has two more than this one. */
static void load_balance(unsigned int this_cpu)
{
	struct rq *this = cpu_rq(this_cpu), *busiest = NULL, *first, *second;
	unsigned int cpu, busiest_cpu = this_cpu;
	struct task_struct *p, *moved = NULL;

	for_each_online_cpu(cpu)
		if (nr_running_on(cpu) > nr_running_on(busiest_cpu))
			busiest_cpu = cpu;
	if (nr_running_on(busiest_cpu) < nr_running_on(this_cpu) + 2)
		return;
	busiest = cpu_rq(busiest_cpu);
	first = this_cpu < busiest_cpu ? this : busiest;
	second = first == this ? busiest : this;
	arch_spin_lock(&first->lock);
	arch_spin_lock(&second->lock);
	list_for_each_entry(p, &busiest->queue, run_list) {
		/* kmap_local slots are this CPU's (mm/highmem.c): such a task stays. */
		if (p->flags & PF_NO_SETAFFINITY || p->on_cpu || p->kmap_ctrl.idx)
			continue;
		list_del(&p->run_list);
		busiest->nr_running--;
		WRITE_ONCE(p->cpu, this_cpu);
		enqueue_task(this, p);
		moved = p;
		break;
	}
	if (moved && this->curr == this->idle)
		this_cpu_write(sched_need_resched, true);
	arch_spin_unlock(&second->lock);
	arch_spin_unlock(&first->lock);
}

/* A CPU that has not switched for 2 * watchdog_thresh s with work queued. */
static void watchdog_check(struct rq *rq, struct pt_regs *regs)
{
	unsigned long stuck = jiffies - rq->last_switch;

	if (!watchdog_thresh || rq->lockup_reported || list_empty(&rq->queue) ||
	    stuck < 2UL * watchdog_thresh * HZ)
		return;
	rq->lockup_reported = true;
	pr_emerg("watchdog: BUG: soft lockup - CPU#%u stuck for %lus! [%s:%d]\n",
		 smp_processor_id(), stuck / HZ, rq->curr->comm, rq->curr->pid);
	pr_emerg("RIP: 0010:%pS\n", (void *)regs->ip);
	show_trace(regs->bp, KERN_EMERG);
}

static void scheduler_tick(void)
{
	unsigned int cpu = smp_processor_id();
	struct rq *rq = this_rq();
	struct task_struct *curr;

	if (cpu == 0)
		jiffies++;
	run_timers();
	arch_spin_lock(&rq->lock);
	curr = rq->curr;
	if (curr != rq->idle) {
		if (curr->time_slice)
			curr->time_slice--;
		/* An expired slice yields as soon as anything waits, even later. */
		if (!curr->time_slice && !list_empty(&rq->queue))
			this_cpu_write(sched_need_resched, true);
	}
	arch_spin_unlock(&rq->lock);
	if (jiffies % (HZ / 10) == cpu % (HZ / 10))
		load_balance(cpu);
}

static void local_timer_interrupt(struct pt_regs *regs)
{
	scheduler_tick();
	watchdog_check(this_rq(), regs);
}

static void reschedule_interrupt(struct pt_regs *regs)
{
	/* need_resched is set: do_irq() switches on the way out. */
}

/* ---- idle and start-up ------------------------------------------------- */

static void __noreturn do_idle(void)
{
	for (;;) {
		local_irq_disable();
		if (need_resched()) {
			__schedule(false);
			local_irq_enable();
		} else {
			safe_halt();
		}
	}
}

static int idle_fn(void *unused)
{
	do_idle();
}

static void init_rq(unsigned int cpu, struct task_struct *idle)
{
	struct rq *rq = cpu_rq(cpu);
	struct timer_base *base = per_cpu_ptr(&timer_bases, cpu);

	spin_lock_init(&rq->lock);
	INIT_LIST_HEAD(&rq->queue);
	rq->idle = idle;
	rq->curr = idle;
	spin_lock_init(&base->lock);
	INIT_LIST_HEAD(&base->timers);
	idle->flags |= PF_IDLE | PF_NO_SETAFFINITY;
	idle->pid = 0;
	idle->cpu = cpu;
	idle->__state = TASK_RUNNING;
	idle->on_rq = 1;
	idle->started = true;
	snprintf(idle->comm, sizeof(idle->comm), "swapper/%u", cpu);
}

void __noreturn cpu_startup_entry(unsigned int cpu, void *stack)
{
	struct task_struct *idle = alloc_task("swapper");

	BUG_ON(!idle);
	/* This context, on the stack the boot CPU gave it, becomes the idle task. */
	idle->stack = stack;
	init_rq(cpu, idle);
	idle->on_cpu = 1;
	this_cpu_write(current_task, idle);
	lapic_timer_periodic(HZ);
	do_idle();
}

void sched_init(void)
{
	struct task_struct *idle0 = create_task(idle_fn, NULL, "swapper");
	struct rq *rq = cpu_rq(0);
	unsigned long flags;

	BUG_ON(!idle0);
	set_vector_handler(LOCAL_TIMER_VECTOR, local_timer_interrupt);
	set_vector_handler(RESCHEDULE_VECTOR, reschedule_interrupt);
	init_rq(0, idle0);
	/* The boot context is "init", running on CPU 0. */
	rq->curr = &init_task;
	rq->nr_running = 1;
	this_cpu_write(current_task, &init_task);
	spin_lock_irqsave(&task_list_lock, flags);
	list_add(&init_task.tasks, &task_list);
	spin_unlock_irqrestore(&task_list_lock, flags);
	lapic_timer_periodic(HZ);
}

/* ---- ps ---------------------------------------------------------------- */

static char task_state_char(const struct task_struct *p)
{
	if (p->flags & PF_IDLE)
		return 'I';
	switch (READ_ONCE(p->__state)) {
	case TASK_RUNNING:
		return 'R';
	case TASK_INTERRUPTIBLE:
		return 'S';
	case TASK_UNINTERRUPTIBLE:
		return 'D';
	default:
		return 'X';
	}
}

static int cmd_ps(int argc, char **argv)
{
	struct task_struct *p;
	unsigned long flags;

	raw_printk("  PID CPU S   VCSW   IVCSW COMMAND\n");
	spin_lock_irqsave(&task_list_lock, flags);
	list_for_each_entry(p, &task_list, tasks)
		raw_printk("%5d %3u %c %6lu %7lu %s\n", p->pid, READ_ONCE(p->cpu),
			   task_state_char(p), p->nvcsw, p->nivcsw, p->comm);
	spin_unlock_irqrestore(&task_list_lock, flags);
	return 0;
}
SHELL_CMD(ps, "tasks with their state and CPU", cmd_ps);
