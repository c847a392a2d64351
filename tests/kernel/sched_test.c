// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of tasks and scheduling (kernel/sched/, kernel/kthread.c,
 * kernel/locking/mutex.c): kthreads start, return and stop, sleeping and
 * waking keep their order, the timer preempts busy tasks, load balancing
 * spreads them, mutexes exclude sleeping holders, and the page allocator
 * survives kthreads on every CPU at once. They run in the task "init"
 * (pid 1), bound to CPU 0.
 */
#include <linux/ktest.h>
#include <linux/nmi.h>
#include <linux/sched/task.h>
#include <linux/mm_types.h>
#include <linux/timekeeping.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/completion.h>
#include <linux/mutex.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/shell.h>
#include <linux/errno.h>
#include <linux/lockdep.h>
#include <linux/sprintf.h>
#include <linux/vmalloc.h>
#include <linux/fault-inject.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <asm/processor.h>
#include <asm/tsc.h>
#include "../../mm/internal.h"
#include "mm_test.h"

static void start_kthreads(struct task_struct **k, unsigned int n, int cpu)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (cpu >= 0)
			kthread_bind(k[i], (unsigned int)cpu);
		wake_up_process(k[i]);
	}
}

static int return_42_when_stopped(void *data)
{
	while (!kthread_should_stop())
		msleep(1);
	return 42;
}

static void kthread_returns_its_value_to_kthread_stop(struct ktest *test)
{
	struct task_struct *k = kthread_create(return_42_when_stopped, NULL, "test-%d", 42);

	ktest_require_kthreads(test, &k, 1);
	start_kthreads(&k, 1, -1);
	msleep(5);
	KTEST_EXPECT_EQ(test, kthread_stop(k), 42);
}

static int never_runs(void *data)
{
	*(bool *)data = true;
	return 0;
}

static void kthread_stopped_before_it_ran_gives_eintr(struct ktest *test)
{
	bool ran = false;
	struct task_struct *k = kthread_create(never_runs, &ran, "never");

	ktest_require_kthreads(test, &k, 1);
	KTEST_EXPECT_EQ(test, kthread_stop(k), -EINTR);
	KTEST_EXPECT_FALSE(test, ran);
}

static int count_once(void *data)
{
	atomic_inc(data);
	while (!kthread_should_stop())
		schedule_timeout_uninterruptible(1);
	return 0;
}

static void kthread_create_stop_cycles_leak_nothing(struct ktest *test)
{
	unsigned long before, stacks = kernel_stack_kb();
	atomic_t runs = ATOMIC_INIT(0);
	int i;

	before = free_pages_settled();
	for (i = 0; i < 40; i++) {
		struct task_struct *k = kthread_create(count_once, &runs, "cycle/%d", i);

		ktest_require_kthreads(test, &k, 1);
		start_kthreads(&k, 1, -1);
		if (i % 2)
			msleep(1);
		kthread_stop(k);
	}
	KTEST_EXPECT_GT(test, atomic_read(&runs), 0);
	KTEST_EXPECT_TRUE(test, wait_for_stacks_freed(stacks));
	KTEST_EXPECT_EQ(test, free_pages_settled(), before);
}

/*
 * What msleep() promises is ticks, not wall-clock time (a loaded host
 * stretches a tick): msecs_to_jiffies(ms) + 1 of them, since the first
 * may come at once.
 */
static void msleep_sleeps_at_least_as_asked(struct ktest *test)
{
	unsigned int ms;

	for (ms = 1; ms <= 40; ms *= 4) {
		unsigned long j0 = jiffies;

		msleep(ms);
		KTEST_EXPECT_GE(test, jiffies - j0, msecs_to_jiffies(ms) + 1);
	}
}

static void schedule_timeout_returns_what_is_left(struct ktest *test)
{
	unsigned long j0 = jiffies;

	/* Nobody wakes it: the whole timeout passes and nothing is left. */
	KTEST_EXPECT_EQ(test, schedule_timeout_uninterruptible(5), 0L);
	KTEST_EXPECT_GE(test, jiffies - j0, 5UL);
	KTEST_EXPECT_TRUE(test, task_is_running(current));
}

/* pid 0 is each CPU's idle task, swapper/N; pid 1 is init, which runs the tests. */
static void idle_tasks_are_pid_0_and_init_is_pid_1(struct ktest *test)
{
	unsigned int cpu;

	KTEST_EXPECT_PTR_EQ(test, idle_task(0), &init_task);
	for_each_online_cpu(cpu) {
		char name[TASK_COMM_LEN];

		snprintf(name, sizeof(name), "swapper/%u", cpu);
		KTEST_EXPECT_EQ(test, idle_task(cpu)->pid, 0);
		KTEST_EXPECT_STREQ(test, idle_task(cpu)->comm, name);
		KTEST_EXPECT_TRUE(test, idle_task(cpu)->flags & PF_IDLE);
	}
	KTEST_EXPECT_EQ(test, current->pid, 1);
	KTEST_EXPECT_STREQ(test, current->comm, "init");
	KTEST_EXPECT_PTR_EQ(test, next_task(&init_task), current);	/* first on the list */
}

struct mm_seen {
	struct mm_struct *mm, *active_mm;
	struct completion done;
};

static int record_mm(void *data)
{
	struct mm_seen *seen = data;

	seen->mm = current->mm;
	seen->active_mm = current->active_mm;
	complete(&seen->done);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

/* Kernel threads have no mm; while one runs it borrows the kernel's, and gives it up after. */
static void kthreads_borrow_init_mm_while_they_run(struct ktest *test)
{
	static struct mm_seen seen;
	struct task_struct *k;

	seen.mm = seen.active_mm = NULL;
	init_completion(&seen.done);
	k = kthread_create(record_mm, &seen, "mm-probe");
	ktest_require_kthreads(test, &k, 1);
	KTEST_EXPECT_PTR_EQ(test, k->mm, NULL);
	start_kthreads(&k, 1, -1);
	wait_for_completion(&seen.done);
	KTEST_EXPECT_PTR_EQ(test, seen.mm, NULL);
	KTEST_EXPECT_PTR_EQ(test, seen.active_mm, &init_mm);
	KTEST_EXPECT_PTR_EQ(test, current->active_mm, &init_mm);
	kthread_stop(k);
}

struct ping {
	struct completion go, done;
	int value;
};

static int answer_ping(void *data)
{
	struct ping *p = data;

	wait_for_completion(&p->go);
	p->value *= 2;
	complete(&p->done);
	return 0;
}

static void completion_orders_two_tasks(struct ktest *test)
{
	static struct ping p;
	struct task_struct *k;

	init_completion(&p.go);
	init_completion(&p.done);
	p.value = 21;
	k = kthread_create(answer_ping, &p, "ping");
	ktest_require_kthreads(test, &k, 1);
	start_kthreads(&k, 1, -1);
	msleep(10);
	KTEST_EXPECT_EQ(test, p.value, 21);	/* still waiting */
	complete(&p.go);
	wait_for_completion(&p.done);
	KTEST_EXPECT_EQ(test, p.value, 42);
	kthread_stop(k);
}

static DECLARE_WAIT_QUEUE_HEAD(test_wq);
static volatile int wq_flag;

static int set_flag_later(void *data)
{
	msleep(10);
	wq_flag = 1;
	wake_up(&test_wq);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void wait_event_wakes_on_its_condition(struct ktest *test)
{
	struct task_struct *k;

	wq_flag = 0;
	k = kthread_create(set_flag_later, NULL, "waker");
	ktest_require_kthreads(test, &k, 1);
	start_kthreads(&k, 1, -1);
	wait_event(test_wq, wq_flag);
	KTEST_EXPECT_EQ(test, wq_flag, 1);
	kthread_stop(k);
}

static void wait_event_timeout_gives_up(struct ktest *test)
{
	unsigned long j0 = jiffies;

	wq_flag = 0;
	KTEST_EXPECT_EQ(test, wait_event_timeout(test_wq, wq_flag, msecs_to_jiffies(20)), 0L);
	KTEST_EXPECT_GE(test, jiffies - j0, msecs_to_jiffies(20));
}

static int spin_counting(void *data)
{
	unsigned long *count = data;

	while (!kthread_should_stop())
		(*count)++;
	return 0;
}

/* Two busy tasks on one CPU: only the timer can let the second one run. */
static void timer_preempts_busy_tasks(struct ktest *test)
{
	static unsigned long counts[2];
	struct task_struct *k[2];
	unsigned int cpu = nr_cpu_ids - 1;
	int i;

	for (i = 0; i < 2; i++) {
		counts[i] = 0;
		k[i] = kthread_create(spin_counting, &counts[i], "hog/%d", i);
	}
	ktest_require_kthreads(test, k, 2);
	start_kthreads(k, 2, (int)cpu);
	msleep(100);
	for (i = 0; i < 2; i++) {
		KTEST_EXPECT_GT(test, READ_ONCE(counts[i]), 0UL);
		KTEST_EXPECT_EQ(test, READ_ONCE(k[i]->cpu), cpu);
		KTEST_EXPECT_GT(test, k[i]->nivcsw, 0UL);
	}
	for (i = 0; i < 2; i++)
		kthread_stop(k[i]);
}

static void load_balancing_spreads_busy_tasks(struct ktest *test)
{
	static unsigned long counts[2 * NR_CPUS];
	struct task_struct *k[2 * NR_CPUS];
	unsigned int n = 2 * nr_cpu_ids, i, cpu, busy_cpus = 0;

	if (nr_cpu_ids < 2)
		KTEST_SKIP(test, "one CPU");
	for (i = 0; i < n; i++) {
		counts[i] = 0;
		k[i] = kthread_create(spin_counting, &counts[i], "spread/%u", i);
	}
	ktest_require_kthreads(test, k, n);
	start_kthreads(k, n, -1);
	msleep(300);
	for_each_online_cpu(cpu)
		busy_cpus += nr_running_on(cpu) > 0;
	KTEST_EXPECT_EQ(test, busy_cpus, num_online_cpus());
	for (i = 0; i < n; i++) {
		KTEST_EXPECT_GT(test, READ_ONCE(counts[i]), 0UL);
		kthread_stop(k[i]);
	}
}

static DEFINE_MUTEX(test_mutex);
static unsigned long mutex_counter;

static int bump_under_mutex(void *data)
{
	int i;

	for (i = 0; i < 200; i++) {
		mutex_lock(&test_mutex);
		mutex_counter = mutex_counter + 1;
		if (i % 50 == 0)
			msleep(1);	/* sleep holding it: others must wait */
		mutex_unlock(&test_mutex);
	}
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void mutex_excludes_sleeping_holders(struct ktest *test)
{
	struct task_struct *k[8];
	int i;

	mutex_counter = 0;
	for (i = 0; i < 8; i++)
		k[i] = kthread_create(bump_under_mutex, NULL, "mutex/%d", i);
	ktest_require_kthreads(test, k, 8);
	start_kthreads(k, 8, -1);
	while (READ_ONCE(mutex_counter) < 8 * 200)
		msleep(5);
	KTEST_EXPECT_EQ(test, mutex_counter, 8UL * 200);
	KTEST_EXPECT_FALSE(test, mutex_is_locked(&test_mutex));
	KTEST_EXPECT_TRUE(test, mutex_trylock(&test_mutex));
	KTEST_EXPECT_FALSE(test, mutex_trylock(&test_mutex));
	mutex_unlock(&test_mutex);
	for (i = 0; i < 8; i++)
		kthread_stop(k[i]);
}

#define PS_HEADER	"  PID  PPID CPU S   VCSW   IVCSW COMMAND\n"

static void ps_lists_tasks_with_state_and_cpu(struct ktest *test)
{
	struct task_struct *k = kthread_create(return_42_when_stopped, NULL, "ps-test");
	struct fault_injection_state paused;
	struct seq_file m = {};
	const char *text;
	char line[32];

	ktest_require_kthreads(test, &k, 1);
	start_kthreads(&k, 1, -1);
	msleep(5);
	fault_injection_pause(&paused);		/* the text's buffer is not what this tests */
	text = KTEST_SHOW(test, &m, ps_show, NULL);
	fault_injection_resume(&paused);
	KTEST_EXPECT_EQ(test, strncmp(text, PS_HEADER, strlen(PS_HEADER)), 0);
	snprintf(line, sizeof(line), "\n%5d %5d %3u R", 1, 0, smp_processor_id());
	KTEST_EXPECT_NOT_NULL(test, strstr(text, line));	/* init, running ps */
	KTEST_EXPECT_NOT_NULL(test, strstr(text, "\n    0     0   0 I "));
	KTEST_EXPECT_NOT_NULL(test, strstr(text, " swapper/0\n"));
	KTEST_EXPECT_NOT_NULL(test, strstr(text, "\n    2     0 "));
	KTEST_EXPECT_NOT_NULL(test, strstr(text, " kthreadd\n"));
	snprintf(line, sizeof(line), "\n%5d %5d ", k->pid, 2);
	KTEST_EXPECT_NOT_NULL(test, strstr(text, line));
	KTEST_EXPECT_NOT_NULL(test, strstr(text, " ps-test\n"));
	seq_file_free(&m);
	kthread_stop(k);
}

/*
 * kthreadd is pid 2, swapper/0's child as init is; every kthread is
 * kthreadd's child, whoever asked for it, even a kthread asking.
 */
struct grandchild {
	struct task_struct *task;	/* NULL if memory was short */
	struct completion made;
};

static int create_grandchild(void *data)
{
	struct grandchild *g = data;

	g->task = kthread_create(return_42_when_stopped, NULL, "grandchild");
	complete(&g->made);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void kthreadd_is_pid_2_and_the_parent_of_every_kthread(struct ktest *test)
{
	static struct grandchild g;
	struct task_struct *k;

	KTEST_ASSERT_NOT_NULL(test, kthreadd_task);
	KTEST_EXPECT_EQ(test, kthreadd_task->pid, 2);
	KTEST_EXPECT_STREQ(test, kthreadd_task->comm, "kthreadd");
	KTEST_EXPECT_PTR_EQ(test, kthreadd_task->real_parent, &init_task);
	KTEST_EXPECT_PTR_EQ(test, current->real_parent, &init_task);
	KTEST_EXPECT_PTR_EQ(test, next_task(current), kthreadd_task);	/* second on the list */

	init_completion(&g.made);
	k = kthread_create(create_grandchild, &g, "child");
	ktest_require_kthreads(test, &k, 1);
	KTEST_EXPECT_PTR_EQ(test, k->real_parent, kthreadd_task);
	start_kthreads(&k, 1, -1);
	wait_for_completion(&g.made);
	kthread_stop(k);
	ktest_require_kthreads(test, &g.task, 1);
	KTEST_EXPECT_PTR_EQ(test, g.task->real_parent, kthreadd_task);
	KTEST_EXPECT_EQ(test, kthread_stop(g.task), -EINTR);
}

/* Many creators at once: kthreadd serves every request, each exactly once. */
#define CREATORS	8
#define CREATIONS	16

static atomic_t created, creators_done;

static int create_and_stop_many(void *unused)
{
	unsigned int i;

	for (i = 0; i < CREATIONS; i++) {
		struct task_struct *k = kthread_create(return_42_when_stopped, NULL, "many");

		if (!k)
			continue;
		if (k->real_parent == kthreadd_task)
			atomic_inc(&created);
		wake_up_process(k);
		kthread_stop(k);
	}
	atomic_inc(&creators_done);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void kthread_create_serves_many_creators_at_once(struct ktest *test)
{
	struct task_struct *k[CREATORS];
	unsigned int i;

	atomic_set(&created, 0);
	atomic_set(&creators_done, 0);
	for (i = 0; i < CREATORS; i++)
		k[i] = kthread_create(create_and_stop_many, NULL, "creator/%u", i);
	ktest_require_kthreads(test, k, CREATORS);
	start_kthreads(k, CREATORS, -1);
	/* Stopped before it first ran, a creator would never create. */
	KTEST_EXPECT_TRUE(test, ktest_wait_for(atomic_read(&creators_done) == CREATORS, 10000));
	for (i = 0; i < CREATORS; i++)
		kthread_stop(k[i]);
	/* Memory may run short under fault injection: what was made was kthreadd's. */
	if (!fault_injection_active())
		KTEST_EXPECT_EQ(test, atomic_read(&created), CREATORS * CREATIONS);
}

/* Blocking allocations, a pattern in every page, from a kthread per CPU. */
static atomic_t torture_bad, torture_done;

static int torture_task(void *data)
{
	u64 rnd = 0x9e3779b97f4a7c15ULL * (smp_processor_id() + 7);
	struct page *slot[16] = { NULL };
	unsigned int i, j;

	for (i = 0; i < 2000; i++) {
		unsigned int s;

		rnd ^= rnd << 13;
		rnd ^= rnd >> 7;
		rnd ^= rnd << 17;
		s = rnd % 16;
		if (slot[s]) {
			unsigned long *p = page_address(slot[s]);

			for (j = 0; j < (PAGE_SIZE << 1) / sizeof(long); j += 31)
				if (p[j] != (page_to_pfn(slot[s]) ^ j))
					atomic_inc(&torture_bad);
			__free_pages(slot[s], 1);
			slot[s] = NULL;
		} else if ((slot[s] = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 1))) {
			unsigned long *p = page_address(slot[s]);

			for (j = 0; j < (PAGE_SIZE << 1) / sizeof(long); j++)
				p[j] = page_to_pfn(slot[s]) ^ j;
		}
		if (i % 64 == 0)
			cond_resched();
	}
	for (i = 0; i < 16; i++)
		if (slot[i])
			__free_pages(slot[i], 1);
	atomic_inc(&torture_done);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void page_allocator_torture_in_kthreads_on_every_cpu(struct ktest *test)
{
	struct task_struct *k[NR_CPUS];
	unsigned long before, stacks = kernel_stack_kb();
	unsigned int cpu;

	before = free_pages_settled();
	atomic_set(&torture_bad, 0);
	atomic_set(&torture_done, 0);
	for_each_online_cpu(cpu)
		k[cpu] = kthread_create(torture_task, NULL, "torture/%u", cpu);
	ktest_require_kthreads(test, k, num_online_cpus());
	for_each_online_cpu(cpu) {
		kthread_bind(k[cpu], cpu);
		wake_up_process(k[cpu]);
	}
	/* A kthread stopped before it first runs never runs: let them all finish. */
	ktest_wait_for(atomic_read(&torture_done) == (int)num_online_cpus(), 60000);
	KTEST_EXPECT_EQ(test, atomic_read(&torture_done), (int)num_online_cpus());
	for_each_online_cpu(cpu)
		kthread_stop(k[cpu]);
	KTEST_EXPECT_TRUE(test, wait_for_stacks_freed(stacks));
	KTEST_EXPECT_EQ(test, atomic_read(&torture_bad), 0);
	KTEST_EXPECT_EQ(test, free_pages_settled(), before);
	KTEST_EXPECT_TRUE(test, free_area_check());
}

static int hog_with_preemption_off(void *data)
{
	u64 t0 = rdtsc_ordered();

	preempt_disable();
	while (rdtsc_ordered() - t0 < 2500ULL * 1000 * tsc_khz / 1000)
		cpu_relax();
	preempt_enable();
	return 0;
}

/* Only with watchdog_thresh=1 (2 s of spinning). */
static void watchdog_reports_a_stuck_cpu(struct ktest *test)
{
	struct task_struct *hog, *waiter;
	unsigned int cpu = nr_cpu_ids - 1;

	if (watchdog_thresh != 1)
		KTEST_SKIP(test, "boot with watchdog_thresh=1");
	hog = kthread_create(hog_with_preemption_off, NULL, "hog");
	waiter = kthread_create(return_42_when_stopped, NULL, "starved");
	if (!hog || !waiter) {
		struct task_struct *k[2] = { hog, waiter };

		ktest_require_kthreads(test, k, 2);
	}
	kthread_bind(hog, cpu);
	kthread_bind(waiter, cpu);
	wake_up_process(hog);
	wake_up_process(waiter);
	msleep(3000);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "watchdog: BUG: soft lockup - CPU#"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "hog_with_preemption_off"));
	kthread_stop(hog);
	kthread_stop(waiter);
}

static int use_cpu_number(void *data)
{
	unsigned int cpu;

	cpu = get_cpu();		/* fine: preemption off */
	*(unsigned int *)data = cpu + 1;
	put_cpu();
	(void)smp_processor_id();	/* not fine: this task may migrate */
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void smp_processor_id_in_migratable_code_is_reported(struct ktest *test)
{
	bool was = lockdep_enabled;
	unsigned int got = 0;
	struct task_struct *k;

	lockdep_reset();
	k = kthread_create(use_cpu_number, &got, "migratable");
	ktest_require_kthreads(test, &k, 1);
	start_kthreads(&k, 1, -1);
	while (!READ_ONCE(got))
		msleep(1);
	msleep(5);
	kthread_stop(k);
	lockdep_enabled = was;
	KTEST_EXPECT_LE(test, got, nr_cpu_ids);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
		"BUG: using smp_processor_id() in preemptible [00000000] code: migratable/"));
}

/*
 * The run-queue lock is tracked by lockdep across context switches: with
 * lockdep on, busy tasks switching on every CPU and balanced between
 * them (two run-queue locks at once) leave it on, and leave no lock held.
 */
static void run_queue_locks_pass_lockdep(struct ktest *test)
{
	bool was = lockdep_enabled;
	struct task_struct *k[2 * NR_CPUS];
	static unsigned long counts[2 * NR_CPUS];
	unsigned int n = 2 * nr_cpu_ids, i;

	lockdep_reset();
	for (i = 0; i < n; i++) {
		counts[i] = 0;
		k[i] = kthread_create(spin_counting, &counts[i], "lockdep/%u", i);
	}
	ktest_require_kthreads(test, k, n);
	start_kthreads(k, n, -1);
	msleep(200);
	for (i = 0; i < n; i++)
		kthread_stop(k[i]);
	KTEST_EXPECT_TRUE(test, lockdep_enabled);
	KTEST_EXPECT_EQ(test, lockdep_depth(), 0u);
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "WARNING: possible"));
	lockdep_enabled = was;
}

static struct ktest_case sched_cases[] = {
	KTEST_CASE(kthread_returns_its_value_to_kthread_stop),
	KTEST_CASE(kthread_stopped_before_it_ran_gives_eintr),
	KTEST_CASE(kthread_create_stop_cycles_leak_nothing),
	KTEST_CASE(msleep_sleeps_at_least_as_asked),
	KTEST_CASE(schedule_timeout_returns_what_is_left),
	KTEST_CASE(idle_tasks_are_pid_0_and_init_is_pid_1),
	KTEST_CASE(kthreads_borrow_init_mm_while_they_run),
	KTEST_CASE(completion_orders_two_tasks),
	KTEST_CASE(wait_event_wakes_on_its_condition),
	KTEST_CASE(wait_event_timeout_gives_up),
	KTEST_CASE(timer_preempts_busy_tasks),
	KTEST_CASE(load_balancing_spreads_busy_tasks),
	KTEST_CASE(mutex_excludes_sleeping_holders),
	KTEST_CASE(ps_lists_tasks_with_state_and_cpu),
	KTEST_CASE(kthreadd_is_pid_2_and_the_parent_of_every_kthread),
	KTEST_CASE(kthread_create_serves_many_creators_at_once),
	KTEST_CASE(page_allocator_torture_in_kthreads_on_every_cpu),
	KTEST_CASE(watchdog_reports_a_stuck_cpu),
	KTEST_CASE(smp_processor_id_in_migratable_code_is_reported),
	KTEST_CASE(run_queue_locks_pass_lockdep),
	{}
};

static struct ktest_suite sched_suite = {
	.name = "sched",
	.test_cases = sched_cases,
};
ktest_register_suite(sched_suite);
