// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of thread stacks (kernel/fork.c) and their overflow report
 * (arch/x86_64/traps.c): a kthread's stack is vmalloc'd between two
 * unmapped guard pages, freed stacks come back from the per-CPU cache
 * cleared, a thread can use all but the last KiB of its stack, a task that
 * touches its own guard page is reported as a stack overflow, a stack
 * freed with interrupts off waits for process context, and neither 200
 * threads nor failing page or slab allocations leave anything behind.
 * They run in the task "init", on CPU 0. The overflow itself is fatal:
 * tools/runtest.py provokes it in boots of their own (lkdtm.cpoint_type=
 * EXHAUST_STACK, STACK_GUARD_PAGE_LEADING, STACK_GUARD_PAGE_TRAILING).
 *
 * Pages are counted after every CPU's stack cache is freed and the lazy
 * vmap areas purged, and after a first round that makes the page tables
 * and slabs the measured round needs.
 */
#include <linux/ktest.h>
#include <linux/vmstat.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/shell.h>
#include <linux/errno.h>
#include <linux/fault-inject.h>
#include <asm/processor.h>
#include <asm/traps.h>
#include <asm/irqflags.h>
#include <asm/stacktrace.h>
#include "../../mm/internal.h"
#include "mm_test.h"

#define NR_MANY		200

static int wait_until_stopped(void *data)
{
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static noinline void read_byte(void *p)
{
	(void)*(volatile u8 *)p;
}

static void a_kthread_stack_is_vmalloced_between_guard_pages(struct ktest *test)
{
	struct task_struct *k = kthread_create(wait_until_stopped, NULL, "vmap-stack");
	struct vm_struct *vm;
	u8 *stack;
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(test, k);
	stack = task_stack_page(k);
	vm = task_stack_vm_area(k);
	KTEST_EXPECT_TRUE(test, is_vmalloc_addr(stack));
	KTEST_EXPECT_PTR_EQ(test, find_vm_area(stack), vm);
	if (vm) {
		/* The guard below is the first page of the stack's own area. */
		KTEST_EXPECT_PTR_EQ(test, vm->addr, (void *)(stack - PAGE_SIZE));
		KTEST_EXPECT_EQ(test, vm->size, THREAD_SIZE + 2 * PAGE_SIZE);
		KTEST_EXPECT_TRUE(test, vm->flags & VM_SPARSE);
		KTEST_EXPECT_EQ(test, vm->nr_pages, (unsigned int)(THREAD_SIZE / PAGE_SIZE));
		for (i = 0; i < THREAD_SIZE / PAGE_SIZE; i++) {
			KTEST_EXPECT_NOT_NULL(test, vmalloc_to_page(stack + i * PAGE_SIZE));
			KTEST_EXPECT_PTR_EQ(test, vmalloc_to_page(stack + i * PAGE_SIZE),
					    vm->pages[i]);
		}
	}
	KTEST_EXPECT_NULL(test, vmalloc_to_page(stack - 1));
	KTEST_EXPECT_NULL(test, vmalloc_to_page(stack - PAGE_SIZE));
	KTEST_EXPECT_NULL(test, vmalloc_to_page(stack + THREAD_SIZE));
	/* The first frame, for ret_from_fork, is just below the user registers. */
	KTEST_EXPECT_GT(test, k->thread.sp, (unsigned long)task_pt_regs(k) - 128);
	KTEST_EXPECT_LT(test, k->thread.sp, (unsigned long)task_pt_regs(k));
	KTEST_EXPECT_EQ(test, kthread_stop(k), -EINTR);
}

/* Probes only: reading another (sleeping) task's guard pages is a plain page fault. */
static void reading_next_to_another_tasks_stack_faults(struct ktest *test)
{
	struct task_struct *k = kthread_create(wait_until_stopped, NULL, "vmap-stack");
	struct exception_info info;
	u8 *stack;

	KTEST_ASSERT_NOT_NULL(test, k);
	stack = task_stack_page(k);
	KTEST_EXPECT_EXCEPTION(test, read_byte, stack - 1, X86_TRAP_PF, &info);
	KTEST_EXPECT_EQ(test, info.address, (unsigned long)stack - 1);
	KTEST_EXPECT_EXCEPTION(test, read_byte, stack - PAGE_SIZE, X86_TRAP_PF, &info);
	KTEST_EXPECT_EQ(test, info.address, (unsigned long)stack - PAGE_SIZE);
	KTEST_EXPECT_EXCEPTION(test, read_byte, stack + THREAD_SIZE, X86_TRAP_PF, &info);
	KTEST_EXPECT_EQ(test, info.address, (unsigned long)stack + THREAD_SIZE);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "BUG: unable to handle page fault"));
	/* Not the faulting task's stack: no overflow. */
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "stack guard page was hit"));
	kthread_stop(k);
}

struct guard_probe {
	unsigned long address;
	bool caught;
	struct exception_info info;
};

/* On CPU 0 while init waits (catch_exception() state is per CPU). */
static int read_own_guard_page(void *data)
{
	struct guard_probe *g = data;

	g->address = (unsigned long)task_stack_page(current) - 1;
	g->caught = catch_exception(read_byte, (void *)g->address, &g->info);
	return 0;
}

static void a_task_reading_its_own_guard_page_is_reported_as_overflow(struct ktest *test)
{
	struct guard_probe g = { 0 };
	struct task_struct *k = kthread_create(read_own_guard_page, &g, "guard-probe");
	char line[128];
	u8 *stack;

	KTEST_ASSERT_NOT_NULL(test, k);
	stack = task_stack_page(k);
	kthread_bind(k, 0);
	wake_up_process(k);
	wait_for_completion(&k->exited);
	KTEST_EXPECT_TRUE(test, g.caught);
	KTEST_EXPECT_EQ(test, g.info.vector, X86_TRAP_PF);
	KTEST_EXPECT_EQ(test, g.info.address, (unsigned long)stack - 1);
	snprintf(line, sizeof(line), "BUG: stack guard page was hit at %p (stack is %p..%p)",
		 stack - 1, stack, stack + THREAD_SIZE - 1);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, line));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "kernel stack overflow (page fault): "));
	snprintf(line, sizeof(line), "PID: %d Comm: guard-probe", k->pid);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, line));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, " read_own_guard_page+"));
	kthread_stop(k);
}

static void freed_stacks_come_back_from_the_cpu_cache_cleared(struct ktest *test)
{
	struct task_struct *k[5];
	void *old[2];
	unsigned int i;

	unsigned long stack_kb = kernel_stack_kb();

	/* Tasks on CPU 0, like init, die and are freed there: into CPU 0's cache. */
	free_vm_stack_caches();
	for (i = 0; i < 2; i++) {
		k[i] = kthread_create(wait_until_stopped, NULL, "cached/%u", i);
		KTEST_ASSERT_NOT_NULL(test, k[i]);
		kthread_bind(k[i], 0);
		old[i] = task_stack_page(k[i]);
		/* Dirty the part of the stack the task will not use. */
		memset(old[i], 0xa5, THREAD_SIZE / 2);
	}
	for (i = 0; i < 2; i++)
		kthread_stop(k[i]);
	KTEST_EXPECT_TRUE(test, wait_for_stacks_freed(stack_kb));
	for (i = 2; i < 5; i++) {
		k[i] = kthread_create(wait_until_stopped, NULL, "cached/%u", i);
		KTEST_ASSERT_NOT_NULL(test, k[i]);
	}
	/* Both cached stacks, in either order, cleared; the third is a new one. */
	KTEST_EXPECT_TRUE(test, (task_stack_page(k[2]) == old[0] && task_stack_page(k[3]) == old[1]) ||
				(task_stack_page(k[2]) == old[1] && task_stack_page(k[3]) == old[0]));
	KTEST_EXPECT_NULL(test, memchr_inv(task_stack_page(k[2]), 0, THREAD_SIZE / 2));
	KTEST_EXPECT_NULL(test, memchr_inv(task_stack_page(k[3]), 0, THREAD_SIZE / 2));
	KTEST_EXPECT_PTR_NE(test, task_stack_page(k[4]), old[0]);
	KTEST_EXPECT_PTR_NE(test, task_stack_page(k[4]), old[1]);
	KTEST_EXPECT_NULL(test, memchr_inv(task_stack_page(k[4]), 0, THREAD_SIZE / 2));
	for (i = 2; i < 5; i++)
		KTEST_EXPECT_EQ(test, kthread_stop(k[i]), -EINTR);
}

#define DIG_FRAME	256

struct dig {
	unsigned long target;		/* stop once a frame is this low */
	unsigned long lowest;		/* the lowest frame reached */
	unsigned int corrupt;		/* frames whose bytes changed under them */
};

/* Each level fills a frame with its number, and checks it on the way back. */
static noinline void dig(struct dig *d, unsigned int level)
{
	volatile u8 buf[DIG_FRAME];
	unsigned int i;

	memset((u8 *)buf, (u8)level, sizeof(buf));
	if ((unsigned long)buf > d->target)
		dig(d, level + 1);
	else
		d->lowest = (unsigned long)buf;
	for (i = 0; i < sizeof(buf); i++) {
		if (buf[i] != (u8)level) {
			d->corrupt++;
			break;
		}
	}
}

static int dig_to_the_last_kib(void *data)
{
	struct dig *d = data;
	unsigned long flags;

	d->target = (unsigned long)task_stack_page(current) + SZ_1K;
	/* An interrupt on top of the deepest frames would have no room left. */
	local_irq_save(flags);
	dig(d, 0);
	local_irq_restore(flags);
	return 0;
}

static void a_thread_can_use_all_but_the_last_kib_of_its_stack(struct ktest *test)
{
	struct dig d = { 0 };
	struct task_struct *k = kthread_create(dig_to_the_last_kib, &d, "dig");
	unsigned long stack;

	KTEST_ASSERT_NOT_NULL(test, k);
	stack = (unsigned long)task_stack_page(k);
	wake_up_process(k);
	wait_for_completion(&k->exited);
	KTEST_EXPECT_EQ(test, kthread_stop(k), 0);
	KTEST_EXPECT_LE(test, d.lowest, stack + SZ_1K);
	KTEST_EXPECT_GE(test, d.lowest, stack);
	KTEST_EXPECT_GE(test, stack + THREAD_SIZE - d.lowest, THREAD_SIZE - SZ_1K);
	KTEST_EXPECT_EQ(test, d.corrupt, 0u);
}

struct walk {
	bool on_stack, below_on_stack;
	unsigned int frames;
};

static noinline int look_at_own_stack(void *data)
{
	struct walk *w = data;
	unsigned long store[8];
	volatile u8 here = 0;

	w->on_stack = on_kernel_stack((unsigned long)&here, sizeof(here));
	w->below_on_stack = on_kernel_stack((unsigned long)task_stack_page(current) - 1, 1);
	w->frames = stack_trace_save(store, ARRAY_SIZE(store), 0);
	return here;
}

/* The stack walker's bounds (cpu_stacks) follow the vmalloc'd stacks on every CPU. */
static void the_stack_walker_knows_each_cpus_vmalloced_stacks(struct ktest *test)
{
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		struct walk w = { 0 };
		struct task_struct *k = kthread_create(look_at_own_stack, &w, "walk/%u", cpu);

		KTEST_ASSERT_NOT_NULL(test, k);
		kthread_bind(k, cpu);
		wake_up_process(k);
		wait_for_completion(&k->exited);
		kthread_stop(k);
		KTEST_EXPECT_TRUE(test, w.on_stack);
		KTEST_EXPECT_FALSE(test, w.below_on_stack);
		/* kthread and ret_from_fork at least. */
		KTEST_EXPECT_GE(test, w.frames, 2u);
	}
}

static void a_stack_freed_with_interrupts_off_waits_for_process_context(struct ktest *test)
{
	struct task_struct *t = kcalloc(4, sizeof(*t), GFP_KERNEL);
	struct vm_struct *vm[3];
	void *stack[3];
	unsigned long flags;
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(test, t);
	/* init stays on CPU 0: the cache used is CPU 0's throughout. */
	free_vm_stack_caches();
	vm_unmap_aliases();
	for (i = 0; i < 3; i++) {
		if (alloc_thread_stack_node(&t[i], NUMA_NO_NODE)) {
			KTEST_FAIL(test, "no stack %u", i);
			goto out;
		}
		vm[i] = task_stack_vm_area(&t[i]);
		stack[i] = task_stack_page(&t[i]);
	}
	/* Two fill the cache, and stay mapped there. */
	free_thread_stack(&t[0]);
	free_thread_stack(&t[1]);
	KTEST_EXPECT_NULL(test, t[0].stack);
	KTEST_EXPECT_NULL(test, t[0].stack_vm_area);
	KTEST_EXPECT_PTR_EQ(test, find_vm_area(stack[0]), vm[0]);
	KTEST_EXPECT_PTR_EQ(test, find_vm_area(stack[1]), vm[1]);
	/* The third cannot be freed with interrupts off: it waits, still mapped. */
	local_irq_save(flags);
	free_thread_stack(&t[2]);
	local_irq_restore(flags);
	KTEST_EXPECT_PTR_EQ(test, find_vm_area(stack[2]), vm[2]);
	KTEST_EXPECT_NOT_NULL(test, vmalloc_to_page(stack[2]));
	/* The next allocation frees it, and takes a cached one. */
	KTEST_ASSERT_EQ(test, alloc_thread_stack_node(&t[3], NUMA_NO_NODE), 0);
	KTEST_EXPECT_NULL(test, find_vm_area(stack[2]));
	KTEST_EXPECT_TRUE(test, task_stack_vm_area(&t[3]) == vm[0] ||
				task_stack_vm_area(&t[3]) == vm[1]);
	free_thread_stack(&t[3]);
	free_vm_stack_caches();
	vm_unmap_aliases();
	for (i = 0; i < 3; i++)
		KTEST_EXPECT_NULL(test, find_vm_area(stack[i]));
	KTEST_EXPECT_TRUE(test, vmap_area_check());
out:
	kfree(t);
}

/*
 * Create NR_MANY kthreads, run them all at once, stop them all. Their
 * stacks go to @stacks. Return: false (the case failed) if some could not
 * be created.
 */
static bool many_threads_round(struct ktest *test, struct task_struct **k, void **stacks)
{
	unsigned long stack_kb = kernel_stack_kb();
	unsigned int i, n;

	for (n = 0; n < NR_MANY; n++) {
		k[n] = kthread_create(wait_until_stopped, NULL, "many/%u", n);
		if (!k[n])
			break;
		stacks[n] = task_stack_page(k[n]);
	}
	for (i = 0; i < n; i++)
		wake_up_process(k[i]);
	for (i = 0; i < n; i++)
		kthread_stop(k[i]);
	KTEST_EXPECT_TRUE(test, wait_for_stacks_freed(stack_kb));
	if (n < NR_MANY)
		KTEST_FAIL(test, "only %u of %u kthreads could be created", n, NR_MANY);
	return n == NR_MANY;
}

static bool all_distinct(void **p, unsigned int n)
{
	unsigned int i, j;

	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (p[i] == p[j])
				return false;
	return true;
}

static void two_hundred_threads_leave_nothing_behind(struct ktest *test)
{
	struct task_struct **k = kcalloc(NR_MANY, sizeof(*k), GFP_KERNEL);
	void **stacks = kcalloc(NR_MANY, sizeof(*stacks), GFP_KERNEL);
	unsigned long before, used, vm_before, stack_kb;
	unsigned int i, kept = 0;
	struct task_struct *extra;

	if (!k || !stacks) {
		KTEST_FAIL(test, "no memory for the arrays");
		goto out;
	}
	/*
	 * A first round makes the page tables and slabs the measured one
	 * needs; both start with empty caches and no lazy areas, so that the
	 * second takes the same addresses.
	 */
	free_pages_settled();
	if (!many_threads_round(test, k, stacks))
		goto out;
	before = free_pages_settled();
	vm_before = vmalloc_nr_pages();
	if (!many_threads_round(test, k, stacks))
		goto out;
	KTEST_EXPECT_TRUE(test, all_distinct(stacks, NR_MANY));
	for (i = 0; i < NR_MANY; i++)
		KTEST_EXPECT_TRUE(test, is_vmalloc_addr(stacks[i]));
	/* One more task frees the stacks that waited; only the caches keep any. */
	stack_kb = kernel_stack_kb();
	extra = kthread_create(wait_until_stopped, NULL, "many/extra");
	KTEST_ASSERT_NOT_NULL(test, extra);
	for (i = 0; i < NR_MANY; i++) {
		struct vm_struct *vm = find_vm_area(stacks[i]);

		kept += vm && vm != task_stack_vm_area(extra);
	}
	KTEST_EXPECT_LE(test, kept, NR_CACHED_STACKS * num_online_cpus());
	kthread_stop(extra);
	KTEST_EXPECT_TRUE(test, wait_for_stacks_freed(stack_kb));
	used = free_pages_settled();
	for (i = 0; i < NR_MANY; i++)
		KTEST_EXPECT_NULL(test, find_vm_area(stacks[i]));
	KTEST_EXPECT_EQ(test, used, before);
	/* Stacks are VM_SPARSE: not vmalloc()'s pages. */
	KTEST_EXPECT_EQ(test, vmalloc_nr_pages(), vm_before);
	KTEST_EXPECT_TRUE(test, vmap_area_check());
out:
	kfree(stacks);
	kfree(k);
}

static struct fail_page_alloc_attr saved_fail_page_alloc;
static struct failslab_attr saved_failslab;

/* Every page allocation fails after the first @i. */
static void fail_pages_after(unsigned int i)
{
	saved_fail_page_alloc = fail_page_alloc;
	fail_pages_always((long)i * PAGE_SIZE + 1, 0);
}

static void pages_again(void)
{
	fail_page_alloc_enabled = false;
	fail_page_alloc = saved_fail_page_alloc;
}

/* Every slab allocation fails once @i * 16 bytes have been handed out. */
static void fail_slab_after(unsigned int i)
{
	saved_failslab = failslab;
	fail_slab_always((long)i * 16);
}

static void slab_again(void)
{
	failslab_enabled = false;
	failslab = saved_failslab;
}

/*
 * kthread_create() with an allocator failing after its @i-th grant, for
 * each @i below @steps, the stack caches empty so that the stack is
 * allocated: each step of making a task and its stack fails in turn, and
 * must unwind. The first @must_fail steps must fail, the last must not;
 * afterwards every page is back and the vmap areas are sound.
 */
static void create_while_failing(struct ktest *test, void (*fail_after)(unsigned int i),
				 void (*again)(void), unsigned int steps, unsigned int must_fail)
{
	unsigned long before, stack_kb = kernel_stack_kb();
	unsigned int i, failed = 0;
	struct task_struct *k;

	k = kthread_create(wait_until_stopped, NULL, "failing/warm");
	KTEST_ASSERT_NOT_NULL(test, k);
	kthread_stop(k);
	KTEST_EXPECT_TRUE(test, wait_for_stacks_freed(stack_kb));
	before = free_pages_settled();
	for (i = 0; i < steps; i++) {
		free_vm_stack_caches();
		vm_unmap_aliases();
		fail_after(i);
		k = kthread_create(wait_until_stopped, NULL, "failing/%u", i);
		again();
		if (i < must_fail)
			KTEST_EXPECT_NULL(test, k);
		if (!k) {
			failed++;
			continue;
		}
		KTEST_EXPECT_TRUE(test, is_vmalloc_addr(task_stack_page(k)));
		KTEST_EXPECT_EQ(test, kthread_stop(k), -EINTR);
		KTEST_EXPECT_TRUE(test, wait_for_stacks_freed(stack_kb));
	}
	KTEST_EXPECT_GE(test, failed, must_fail);
	KTEST_EXPECT_LT(test, failed, steps);
	KTEST_EXPECT_EQ(test, free_pages_settled(), before);
	KTEST_EXPECT_TRUE(test, vmap_area_check());
}

/* The first page is the task's, the second the first of its stack's. */
static void kthread_create_fails_cleanly_when_pages_run_out(struct ktest *test)
{
	create_while_failing(test, fail_pages_after, pages_again, 12, 2);
}

/* The stack's vm_struct, vmap_area and pages array, in turn. */
static void kthread_create_fails_cleanly_when_slab_objects_run_out(struct ktest *test)
{
	create_while_failing(test, fail_slab_after, slab_again, 16, 1);
}

static void stacks_are_listed_in_vmallocinfo(struct ktest *test)
{
	unsigned long stack_kb = kernel_stack_kb();
	struct task_struct *k = kthread_create(wait_until_stopped, NULL, "vmap-stack");
	char cmd[] = "vmallocinfo", line[96];
	struct vm_struct *vm;

	KTEST_ASSERT_NOT_NULL(test, k);
	vm = task_stack_vm_area(k);
	KTEST_EXPECT_EQ(test, shell_exec(cmd), 0);
	snprintf(line, sizeof(line), "0x%px-0x%px %7ld copy_process+", vm->addr,
		 (char *)vm->addr + vm->size, (long)vm->size);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, line));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, " pages=4 sparse"));
	kthread_stop(k);
	KTEST_EXPECT_TRUE(test, wait_for_stacks_freed(stack_kb));
}

/* meminfo's KernelStack: a live task's stack counts, a dead one's no more. */
static void kernel_stack_counts_the_stacks_of_live_tasks(struct ktest *test)
{
	char cmd[] = "meminfo";
	unsigned long before = kernel_stack_kb();
	struct task_struct *k = kthread_create(wait_until_stopped, NULL, "vmap-stack");

	KTEST_ASSERT_NOT_NULL(test, k);
	KTEST_EXPECT_EQ(test, kernel_stack_kb(), before + THREAD_SIZE / 1024);
	KTEST_EXPECT_EQ(test, shell_exec(cmd), 0);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "KernelStack:"));
	wake_up_process(k);
	kthread_stop(k);
	wait_for_stacks_freed(before);
	KTEST_EXPECT_EQ(test, kernel_stack_kb(), before);
}

static struct ktest_case vmap_stack_cases[] = {
	KTEST_CASE(a_kthread_stack_is_vmalloced_between_guard_pages),
	KTEST_CASE(reading_next_to_another_tasks_stack_faults),
	KTEST_CASE(a_task_reading_its_own_guard_page_is_reported_as_overflow),
	KTEST_CASE(freed_stacks_come_back_from_the_cpu_cache_cleared),
	KTEST_CASE(a_thread_can_use_all_but_the_last_kib_of_its_stack),
	KTEST_CASE(the_stack_walker_knows_each_cpus_vmalloced_stacks),
	KTEST_CASE(a_stack_freed_with_interrupts_off_waits_for_process_context),
	KTEST_CASE(two_hundred_threads_leave_nothing_behind),
	KTEST_CASE(kthread_create_fails_cleanly_when_pages_run_out),
	KTEST_CASE(kthread_create_fails_cleanly_when_slab_objects_run_out),
	KTEST_CASE(stacks_are_listed_in_vmallocinfo),
	KTEST_CASE(kernel_stack_counts_the_stacks_of_live_tasks),
	{}
};

static struct ktest_suite vmap_stack_suite = {
	.name = "vmap_stack",
	.init = ktest_pause_fault_injection,
	.exit = ktest_resume_fault_injection,
	.test_cases = vmap_stack_cases,
};
ktest_register_suite(vmap_stack_suite);
