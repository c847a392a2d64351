// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler: per-CPU run queues, round robin with time slices,
 * wake-ups, context switches, the idle loop and load balancing (see
 * include/linux/sched.h for the model). Tasks are made in kernel/fork.c
 * and end in kernel/exit.c; the tick that drives scheduler_tick() is
 * kernel/time/tick-common.c's.
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
 * a new task). lockdep follows the hand-over: the lock leaves the held
 * locks of the task switched away from and joins those of the task
 * switched to (Linux's prepare_lock_switch()/finish_lock_switch()).
 *
 * Lock order: a CPU's timer lock (kernel/time/timer.c), then run-queue
 * locks; two run queues lower CPU first, the second taken with
 * raw_spin_lock_nested(): both are of one lockdep class.
 */
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/percpu.h>
#include <linux/shell.h>
#include <linux/seq_file.h>
#include <linux/sprintf.h>
#include <linux/highmem.h>
#include <linux/nmi.h>
#include <linux/tick.h>
#include <asm/apic.h>
#include <asm/irq.h>
#include <asm/irqflags.h>
#include <asm/desc.h>
#include <asm/smp.h>
#include <asm/processor.h>
#include <asm/mmu_context.h>
#include <asm/uaccess.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

/* One per CPU; everything below lock is under it, with interrupts off. */
struct rq {
	raw_spinlock_t lock;
	struct list_head queue;		/* runnable, not running, in run order */
	unsigned int nr_running;	/* queued + running, idle excepted; read racily */
	struct task_struct *curr, *idle;	/* idle: set once, by sched_init() */
};

/* CPU 0 starts as init_task; sched_init() gives every other CPU its idle task. */
DEFINE_PER_CPU(struct task_struct *, current_task) = &init_task;
DEFINE_PER_CPU(bool, sched_need_resched);
static DEFINE_PER_CPU(struct rq, runqueues);
DECLARE_PER_CPU(struct cpu_stacks, cpu_stacks);

struct task_struct *__switch_to_asm(struct task_struct *prev, struct task_struct *next);

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

unsigned int nr_processes(void)
{
	struct task_struct *p;
	unsigned long flags;
	unsigned int n = 0;

	read_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		n++;
	read_unlock_irqrestore(&tasklist_lock, flags);
	return n;
}

struct task_struct *idle_task(unsigned int cpu)
{
	return cpu_rq(cpu)->idle;
}

static void enqueue_task(struct rq *rq, struct task_struct *p)
{
	list_add_tail(&p->run_list, &rq->queue);
	p->on_rq = 1;
	rq->nr_running++;
}

/* Make @cpu look at its queue soon: at once if it is this CPU, by IPI otherwise. */
static void resched_cpu(unsigned int cpu)
{
	per_cpu(sched_need_resched, cpu) = true;
	if (cpu != smp_processor_id())
		apic_send_IPI(x86_cpu_to_apicid[cpu], APIC_DM_FIXED | RESCHEDULE_VECTOR);
}

/* ---- switching --------------------------------------------------------- */

/*
 * In the task switched to, run-queue lock held, interrupts off. @prev's
 * state is read while it is still on_cpu: once that is clear, a sleeping
 * @prev may be woken, run and exit elsewhere.
 */
static void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	long prev_state = READ_ONCE(prev->__state);

	WRITE_ONCE(prev->on_cpu, 0);
	spin_acquire(&rq->lock.dep_map, 0, 0, _THIS_IP_);
	raw_spin_unlock(&rq->lock);
	if (prev_state == TASK_DEAD)
		put_task_struct(prev);		/* the scheduler's reference */
}

/*
 * The first code of a new task (ret_from_fork), before its function; a
 * CLONE_CHILD_SETTID child stores its pid in its own memory (a fault is
 * ignored, as Linux's).
 */
void schedule_tail(struct task_struct *prev);
void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	local_irq_enable();
	if (current->set_child_tid)
		put_user(current->pid, current->set_child_tid);
}

/*
 * The address space @next runs on (see linux/sched.h): its own mm, or, for
 * a kernel thread, init_mm, which every kernel thread shares (Linux's lazy
 * TLB borrows any mm with a reference; here a kernel thread never keeps a
 * user mm loaded). CR3 changes only when the mm does.
 */
static void switch_mm_task(struct task_struct *prev, struct task_struct *next)
{
	struct mm_struct *mm = next->mm ?: &init_mm;

	switch_mm_irqs_off(prev->active_mm, mm, next);
	next->active_mm = mm;
	if (!prev->mm)
		prev->active_mm = NULL;
}

static void context_switch(struct rq *rq, struct task_struct *prev, struct task_struct *next)
{
	struct cpu_stacks *cs = this_cpu_ptr(&cpu_stacks);

	rq->curr = next;
	touch_softlockup_watchdog();
	next->on_cpu = 1;
	next->cpu = smp_processor_id();
	switch_mm_task(prev, next);
	/* The run-queue lock goes to @next: off @prev's held locks while it is current. */
	spin_release(&rq->lock.dep_map, _THIS_IP_);
	this_cpu_write(current_task, next);
	cs->task_lo = (unsigned long)next->stack;
	cs->task_hi = cs->task_lo + THREAD_SIZE;
	kmap_local_sched_out(prev);
	kmap_local_sched_in(next);
	arch_switch_to(prev, next);
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

	raw_spin_lock(&rq->lock);
	this_cpu_write(sched_need_resched, false);
	if (!preempt && READ_ONCE(prev->__state) != TASK_RUNNING &&
	    signal_pending_state(READ_ONCE(prev->__state), prev)) {
		/* A signal came before the sleep: it ends it (Linux's __schedule()). */
		WRITE_ONCE(prev->__state, TASK_RUNNING);
		list_add_tail(&prev->run_list, &rq->queue);
	} else if (!preempt && READ_ONCE(prev->__state) != TASK_RUNNING) {
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
		raw_spin_unlock(&rq->lock);
		return;
	}
	if (preempt)
		prev->nivcsw++;
	else
		prev->nvcsw++;
	context_switch(rq, prev, next);
}

/* Is there a task with @pid (0: the caller)? */
static bool pid_exists(int pid)
{
	struct task_struct *p;
	unsigned long flags;
	bool found = false;

	if (!pid || pid == current->pid)
		return true;
	read_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		if (p->pid == pid)
			found = true;
	read_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

/*
 * sched_getaffinity(2): the online CPUs, for every task (no task has a
 * mask of its own yet). @len must hold nr_cpu_ids bits in whole longs;
 * the answer is the bytes of whole longs that hold them, as Linux's with
 * CPUMASK_OFFSTACK (Debian's).
 */
SYSCALL_DEFINE3(sched_getaffinity, int, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	unsigned int retlen = BITS_TO_LONGS(nr_cpu_ids) * sizeof(long);

	if (len * BITS_PER_BYTE < nr_cpu_ids || (len & (sizeof(long) - 1)))
		return -EINVAL;
	if (pid < 0 || !pid_exists(pid))
		return -ESRCH;
	retlen = min(len, retlen);
	if (copy_to_user(user_mask_ptr, cpu_online_mask->bits, retlen))
		return -EFAULT;
	return retlen;
}

/* Give the CPU to the next runnable task, staying runnable (at the queue's tail). */
SYSCALL_DEFINE0(sched_yield)
{
	schedule();
	return 0;
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
		raw_spin_lock(&rq->lock);
		if (READ_ONCE(p->cpu) == *cpu)
			return rq;
		raw_spin_unlock(&rq->lock);
	}
}

bool wake_up_process(struct task_struct *p)
{
	if (unlikely(!__atomic_load_n(&p->started, __ATOMIC_ACQUIRE)) &&
	    !__atomic_exchange_n(&p->started, true, __ATOMIC_SEQ_CST)) {
		wake_up_new_task(p);
		return true;
	}
	return wake_up_state(p, TASK_NORMAL);
}

bool task_curr(const struct task_struct *p)
{
	return READ_ONCE(p->on_cpu);
}

bool wake_up_state(struct task_struct *p, unsigned int state)
{
	unsigned long flags;
	unsigned int cpu;
	struct rq *rq;
	bool woken = false;

	/* Only wake_up_process() starts a new task (it sleeps uninterruptibly until then). */
	if (unlikely(!__atomic_load_n(&p->started, __ATOMIC_ACQUIRE)))
		return false;
	local_irq_save(flags);
	rq = task_rq_lock(p, &cpu);
	if (READ_ONCE(p->__state) & state) {
		WRITE_ONCE(p->__state, TASK_RUNNING);
		woken = true;
		if (!p->on_rq) {
			enqueue_task(rq, p);
			if (rq->curr == rq->idle || rq->curr->time_slice == 0)
				resched_cpu(cpu);
		}
	}
	raw_spin_unlock(&rq->lock);
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

void wake_up_new_task(struct task_struct *p)
{
	unsigned long flags;
	unsigned int cpu;
	struct rq *rq;

	p->started = true;
	/* Interrupts off first: the choice starts from this CPU, which must stay it. */
	local_irq_save(flags);
	cpu = (p->flags & PF_NO_SETAFFINITY) ? p->cpu : select_task_cpu();
	p->cpu = cpu;
	rq = cpu_rq(cpu);
	raw_spin_lock(&rq->lock);
	WRITE_ONCE(p->__state, TASK_RUNNING);
	enqueue_task(rq, p);
	if (rq->curr == rq->idle)
		resched_cpu(cpu);
	raw_spin_unlock_irqrestore(&rq->lock, flags);
}

/* ---- load balancing ---------------------------------------------------- */

/*
 * May the balancer move queued @p? Not a task bound to its CPU, nor one
 * holding kmap_local slots, which are its CPU's (mm/highmem.c; Linux's
 * migrate_disable()): both count as Linux's affinity refusals. Not one
 * still on its CPU either. Both run-queue locks held.
 */
static bool can_migrate_task(struct task_struct *p)
{
	if (p->flags & PF_NO_SETAFFINITY || p->kmap_ctrl.idx) {
		p->stats.nr_failed_migrations_affine++;
		return false;
	}
	return !p->on_cpu;
}

/* Lock two run queues, lower CPU first; interrupts off. */
static void double_rq_lock(struct rq *rq1, struct rq *rq2)
{
	if (rq1 > rq2)
		swap(rq1, rq2);
	raw_spin_lock(&rq1->lock);
	raw_spin_lock_nested(&rq2->lock, SINGLE_DEPTH_NESTING);
}

static void double_rq_unlock(struct rq *rq1, struct rq *rq2)
{
	raw_spin_unlock(&rq1->lock);
	raw_spin_unlock(&rq2->lock);
}

/* Pull one queued task from the busiest CPU if it has two more than this one. */
static void load_balance(unsigned int this_cpu)
{
	struct rq *this = cpu_rq(this_cpu), *busiest;
	unsigned int cpu, busiest_cpu = this_cpu;
	struct task_struct *p, *moved = NULL;

	for_each_online_cpu(cpu)
		if (nr_running_on(cpu) > nr_running_on(busiest_cpu))
			busiest_cpu = cpu;
	if (nr_running_on(busiest_cpu) < nr_running_on(this_cpu) + 2)
		return;
	busiest = cpu_rq(busiest_cpu);
	double_rq_lock(this, busiest);
	list_for_each_entry(p, &busiest->queue, run_list) {
		if (!can_migrate_task(p))
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
	double_rq_unlock(this, busiest);
}

/* ---- the tick ---------------------------------------------------------- */

void scheduler_tick(void)
{
	unsigned int cpu = smp_processor_id();
	struct rq *rq = this_rq();
	struct task_struct *curr;

	raw_spin_lock(&rq->lock);
	curr = rq->curr;
	if (curr != rq->idle) {
		if (curr->time_slice)
			curr->time_slice--;
		/* An expired slice yields as soon as anything waits, even later. */
		if (!curr->time_slice && !list_empty(&rq->queue))
			this_cpu_write(sched_need_resched, true);
	}
	raw_spin_unlock(&rq->lock);
	if (jiffies % (HZ / 10) == cpu % (HZ / 10))
		load_balance(cpu);
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

/* Make @idle the running idle task of @cpu (Linux's init_idle()). */
static void init_idle(struct task_struct *idle, unsigned int cpu)
{
	struct rq *rq = cpu_rq(cpu);

	raw_spin_lock_init(&rq->lock);
	INIT_LIST_HEAD(&rq->queue);
	rq->idle = idle;
	rq->curr = idle;
	idle->flags |= PF_IDLE | PF_NO_SETAFFINITY;
	idle->cpu = cpu;
	idle->__state = TASK_RUNNING;
	idle->on_rq = 1;
	idle->on_cpu = 1;
	idle->started = true;
	snprintf(idle->comm, sizeof(idle->comm), "swapper/%u", cpu);
}

void __noreturn cpu_startup_entry(unsigned int cpu, void *stack)
{
	if (cpu != 0) {
		/* A starting CPU, already its idle task (sched_init()), on the stack smpboot gave it. */
		current->stack = stack;
		tick_start_cpu();
	}
	do_idle();
}

void sched_init(void)
{
	unsigned int cpu;

	/* The boot context, on init_stack, is CPU 0's idle task; it runs until rest_init(). */
	init_idle(&init_task, 0);
	this_cpu_write(current_task, &init_task);
	/*
	 * The other CPUs' idle tasks, before the CPUs start (Linux's
	 * idle_threads_init()): a CPU's run queue is ready once it is online,
	 * and its current task is its own from its first instruction.
	 */
	for_each_possible_cpu(cpu) {
		struct task_struct *idle;

		if (cpu == 0)
			continue;
		idle = fork_idle(cpu);
		BUG_ON(!idle);
		init_idle(idle, cpu);
		per_cpu(current_task, cpu) = idle;
	}
	set_vector_handler(RESCHEDULE_VECTOR, reschedule_interrupt);
}

/* ---- ps ---------------------------------------------------------------- */

char task_state_to_char(const struct task_struct *p)
{
	int exit_state = READ_ONCE(p->exit_state);

	if (p->flags & PF_IDLE)
		return 'I';
	if (exit_state)
		return exit_state == EXIT_ZOMBIE ? 'Z' : 'X';
	switch (READ_ONCE(p->__state) & ~TASK_WAKEKILL) {
	case TASK_RUNNING:
		return 'R';
	case TASK_INTERRUPTIBLE:
		return 'S';
	case TASK_UNINTERRUPTIBLE:
		return 'D';
	case __TASK_STOPPED:
		return 'T';
	default:
		return 'X';
	}
}

static void ps_show_task(struct seq_file *m, const struct task_struct *p)
{
	seq_printf(m, "%5d %5d %3u %c %6lu %7lu %s\n", p->pid, p->real_parent->pid,
		   READ_ONCE(p->cpu), task_state_to_char(p), p->nvcsw, p->nivcsw, p->comm);
}

/* The idle tasks (pid 0), then every other task in creation order. */
int ps_show(struct seq_file *m, void *v)
{
	struct task_struct *p;
	unsigned long flags;
	unsigned int cpu;

	seq_puts(m, "  PID  PPID CPU S   VCSW   IVCSW COMMAND\n");
	for_each_online_cpu(cpu)
		ps_show_task(m, idle_task(cpu));
	read_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		ps_show_task(m, p);
	read_unlock_irqrestore(&tasklist_lock, flags);
	return 0;
}
SHELL_SEQ_CMD(ps, "tasks with their parent, state and CPU", ps_show);
