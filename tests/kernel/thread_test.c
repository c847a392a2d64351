// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of thread groups (kernel/fork.c's CLONE_THREAD, kernel/exit.c's
 * thread exits, do_group_exit() and zap_other_threads(), the shared mm's
 * TLB shootdowns in arch/x86_64/tlb.c).
 *
 * As process_test.c does, a case builds a private mm with user pages
 * mapped by hand and runs a kthread there that becomes a user task and
 * returns into thr_main:
 *
 *   USER_CODE   0x400000   the stubs below
 *   USER_DATA   0x600000   what the tasks report; flags the test sets
 *   USER_PROBE  0x601000   read-only: the word the TLB case's threads read
 *   USER_STACK  0x7f8000   eight pages: the user task's stack ends at
 *                          0x800000, the process's at 0x7ff000, thread i's
 *                          at 0x7fe000 - i pages
 *
 * The user task (a kernel thread, whose init_signal it may not share
 * with threads) clones a process P with CLONE_VM, and P clones NTHREADS
 * threads; the user task then waits for P with wait4(). The test reads
 * the tasks (find_get_task_by_vpid()) and the data page while they run
 * and sets flags to move them on. P's mode (the stub's argument):
 *
 *   MODE_EXIT    once flag LEADER_GO is set P exit(3)s; the threads
 *                exit(5) once THREADS_GO is set
 *   MODE_GROUP   the threads spin in user mode; P exit_group(7)s
 *   MODE_PROBE   the threads read USER_PROBE into their slots until
 *                THREADS_GO, then exit(0); P exit(0)s at LEADER_GO
 */
#include <linux/ktest.h>
#include <linux/kthread.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/signal.h>
#include <asm/tlbflush.h>
#include <asm/unistd_64.h>
#include "mm_test.h"

#define USER_CODE	0x400000UL
#define USER_DATA	0x600000UL
#define USER_PROBE	0x601000UL
#define USER_STACK	0x7f8000UL
#define USER_STACK_TOP	0x800000UL
#define STACK_PAGES	8
#define NTHREADS	4

#define MODE_EXIT	0
#define MODE_GROUP	1
#define MODE_PROBE	2

/* The data page, in words. */
#define D_PID		0	/* P's pid (clone's return in the user task) */
#define D_STATUS	1	/* wait4()'s status */
#define D_WAITED	2	/* wait4()'s return */
#define D_LEADER_GO	3
#define D_THREADS_GO	4
#define D_READY		5	/* threads that have reported */
#define D_LEADER_PID	6	/* P's getpid() */
#define D_TID		8	/* [8 + i]: thread i's tid (CLONE_PARENT_SETTID) */
#define D_GETTID	16	/* [16 + i]: its gettid() */
#define D_GETPID	24	/* [24 + i]: its getpid() */
#define D_PROBE		32	/* [32 + i]: what it last read at USER_PROBE */

#define __S(x)	#x
#define S(x)	__S(x)
#define SYSCALL(nr)	"mov $" S(nr) ", %eax\n\tsyscall\n\t"
#define OFF(w)		S(w) "*8"
#define WAIT_FLAG(w, l) l ":\tcmpq $0, " OFF(w) "(%rbx)\n\tjne " l "f\n\t"		\
			SYSCALL(__NR_sched_yield) "jmp " l "b\n" l ":\n\t"
#define THREAD_FLAGS	S(CLONE_VM) "|" S(CLONE_FS) "|" S(CLONE_FILES) "|" S(CLONE_SIGHAND) \
			"|" S(CLONE_THREAD) "|" S(CLONE_PARENT_SETTID)

/* rdi = the data page (kept in rbx), rsi = the mode (r12); r13 is a thread's index. */
__asm__(
	".pushsection .rodata, \"a\"\n"
	".balign 16\n"
	"thr_stubs:\n"
	"thr_main:\n\t"
	"mov %rdi, %rbx\n\tmov %rsi, %r12\n\t"
	"mov $(" S(CLONE_VM) "|" S(SIGCHLD) "), %edi\n\tmov $0x7ff000, %esi\n\t"
	"xor %edx, %edx\n\txor %r10d, %r10d\n\txor %r8d, %r8d\n\t"
	SYSCALL(__NR_clone)
	"test %rax, %rax\n\tjz thr_leader\n\t"
	/* the user task: wait for P */
	"mov %rax, " OFF(D_PID) "(%rbx)\n\t"
	"mov %rax, %rdi\n\tlea " OFF(D_STATUS) "(%rbx), %rsi\n\txor %edx, %edx\n\t"
	"xor %r10d, %r10d\n\t"
	SYSCALL(__NR_wait4) "mov %rax, " OFF(D_WAITED) "(%rbx)\n\t"
	"xor %edi, %edi\n\t" SYSCALL(__NR_exit_group)
	"ud2\n"

	"thr_leader:\n\t"
	SYSCALL(__NR_getpid) "mov %rax, " OFF(D_LEADER_PID) "(%rbx)\n\t"
	"xor %r13d, %r13d\n"
	"1:\tcmp $" S(NTHREADS) ", %r13\n\tjge 3f\n\t"
	"mov $(" THREAD_FLAGS "), %edi\n\t"
	"mov %r13, %rax\n\tshl $12, %rax\n\tmov $0x7fe000, %esi\n\tsub %rax, %rsi\n\t"
	"lea " OFF(D_TID) "(%rbx,%r13,8), %rdx\n\txor %r10d, %r10d\n\txor %r8d, %r8d\n\t"
	SYSCALL(__NR_clone)
	"test %rax, %rax\n\tjz thr_thread\n\t"
	"inc %r13\n\tjmp 1b\n"
	"3:\t"
	WAIT_FLAG(D_LEADER_GO, "4")
	"cmp $" S(MODE_GROUP) ", %r12\n\tje 5f\n\t"
	"cmp $" S(MODE_PROBE) ", %r12\n\tje 6f\n\t"
	"mov $3, %edi\n\t" SYSCALL(__NR_exit)
	"5:\tmov $7, %edi\n\t" SYSCALL(__NR_exit_group)
	"6:\txor %edi, %edi\n\t" SYSCALL(__NR_exit)
	"ud2\n"

	"thr_thread:\n\t"
	SYSCALL(__NR_gettid) "mov %rax, " OFF(D_GETTID) "(%rbx,%r13,8)\n\t"
	SYSCALL(__NR_getpid) "mov %rax, " OFF(D_GETPID) "(%rbx,%r13,8)\n\t"
	"lock incq " OFF(D_READY) "(%rbx)\n\t"
	"cmp $" S(MODE_GROUP) ", %r12\n\tje 2f\n\t"
	"cmp $" S(MODE_PROBE) ", %r12\n\tje 3f\n\t"
	WAIT_FLAG(D_THREADS_GO, "1")
	"mov $5, %edi\n\t" SYSCALL(__NR_exit)
	"2:\tpause\n\tjmp 2b\n"
	"3:\tmov " S(USER_PROBE) ", %rax\n\t"
	"mov %rax, " OFF(D_PROBE) "(%rbx,%r13,8)\n\t"
	"cmpq $0, " OFF(D_THREADS_GO) "(%rbx)\n\tje 3b\n\t"
	"xor %edi, %edi\n\t" SYSCALL(__NR_exit)
	"ud2\n"
	"thr_stubs_end:\n"
	".popsection\n");

extern const char thr_stubs[], thr_stubs_end[], thr_main[];

struct thr_env {
	struct mm_struct mm;
	struct page *code, *data, *probe[2], *stack[STACK_PAGES];
	struct task_struct *user;	/* the kthread that becomes the user task */
	unsigned long mode;
};

#define RW_NX	(_PAGE_RW | _PAGE_DIRTY | _PAGE_NX)

static void thr_env_destroy(struct thr_env *env)
{
	unsigned int i;

	test_mm_destroy(&env->mm);
	for (i = 0; i < STACK_PAGES; i++)
		if (env->stack[i])
			__free_page(env->stack[i]);
	for (i = 0; i < 2; i++)
		if (env->probe[i])
			__free_page(env->probe[i]);
	if (env->code)
		__free_page(env->code);
	if (env->data)
		__free_page(env->data);
}

static bool thr_env_pages(struct thr_env *env)
{
	unsigned int i;

	env->code = alloc_page(GFP_KERNEL | __GFP_ZERO);
	env->data = alloc_page(GFP_KERNEL | __GFP_ZERO);
	for (i = 0; i < 2; i++)
		env->probe[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
	for (i = 0; i < STACK_PAGES; i++)
		env->stack[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
	for (i = 0; i < STACK_PAGES; i++)
		if (!env->stack[i])
			return false;
	return env->code && env->data && env->probe[0] && env->probe[1];
}

static bool thr_env_create(struct ktest *test, struct thr_env *env, unsigned long mode)
{
	unsigned int i;
	int err;

	memset(env, 0, sizeof(*env));
	env->mode = mode;
	if (!test_mm_init(&env->mm)) {
		KTEST_FAIL(test, "no memory for the address space");
		return false;
	}
	if (!thr_env_pages(env))
		goto fail;
	memcpy(page_address(env->code), thr_stubs, thr_stubs_end - thr_stubs);
	*(unsigned long *)page_address(env->probe[0]) = 1;
	*(unsigned long *)page_address(env->probe[1]) = 2;
	err = test_map_user_page(&env->mm, USER_CODE, env->code, 0) ||
	      test_map_user_page(&env->mm, USER_DATA, env->data, RW_NX) ||
	      test_map_user_page(&env->mm, USER_PROBE, env->probe[0], _PAGE_NX);
	for (i = 0; i < STACK_PAGES && !err; i++)
		err = test_map_user_page(&env->mm, USER_STACK + i * PAGE_SIZE, env->stack[i],
					 RW_NX);
	if (!err)
		return true;
fail:
	thr_env_destroy(env);
	KTEST_FAIL(test, "no memory for the user pages");
	return false;
}

static unsigned long *thr_data(struct thr_env *env)
{
	return page_address(env->data);
}

static int thr_user_thread(void *arg)
{
	struct thr_env *env = arg;
	struct pt_regs *regs = task_pt_regs(current);
	int err = begin_user_task(&env->mm);

	if (err)
		return err;
	start_thread(regs, USER_CODE + (thr_main - thr_stubs), USER_STACK_TOP);
	regs->di = USER_DATA;
	regs->si = env->mode;
	return 0;
}

/* Start the user task; wait (2 s) until the NTHREADS threads have reported. */
static bool thr_start(struct ktest *test, struct thr_env *env)
{
	unsigned long *d = thr_data(env);

	env->user = kthread_create(thr_user_thread, env, "thr-user");
	if (!env->user) {
		KTEST_FAIL(test, "kthread_create() failed");
		return false;
	}
	wake_up_process(env->user);
	if (!ktest_wait_for(READ_ONCE(d[D_READY]) == NTHREADS, 2000)) {
		KTEST_FAIL(test, "%lu of %d threads reported", READ_ONCE(d[D_READY]), NTHREADS);
		return false;
	}
	return true;
}

/* Let everything go, wait for the user task's end (its wait4() of P included). */
static void thr_finish(struct ktest *test, struct thr_env *env)
{
	unsigned long *d = thr_data(env);

	WRITE_ONCE(d[D_LEADER_GO], 1);
	WRITE_ONCE(d[D_THREADS_GO], 1);
	wait_for_completion(&env->user->exited);
	KTEST_EXPECT_EQ(test, kthread_stop(env->user), 0);
	/* The threads' last references go with their stacks, on other CPUs maybe. */
	KTEST_EXPECT_TRUE(test, ktest_wait_for(atomic_read(&env->mm.mm_users) == 1, 2000));
}

/* Count @p's group (tasklist_lock); each member's fields checked against @p. */
static int group_members(struct task_struct *p)
{
	struct task_struct *t;
	unsigned long flags;
	int n = 0;

	read_lock_irqsave(&tasklist_lock, flags);
	for_each_thread(p, t)
		if (t->tgid == p->pid && t->group_leader == p && t->signal == p->signal)
			n++;
	read_unlock_irqrestore(&tasklist_lock, flags);
	return n;
}

static void threads_join_the_group_and_share_the_mm(struct ktest *test)
{
	struct task_struct *p, *t;
	struct thr_env env;
	unsigned long *d;
	int i;

	if (!thr_env_create(test, &env, MODE_EXIT))
		return;
	d = thr_data(&env);
	if (!thr_start(test, &env))
		goto out;
	p = find_get_task_by_vpid(d[D_LEADER_PID]);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_TRUE(test, thread_group_leader(p));
	KTEST_EXPECT_EQ(test, p->tgid, p->pid);
	KTEST_EXPECT_EQ(test, get_nr_threads(p), NTHREADS + 1);
	KTEST_EXPECT_EQ(test, group_members(p), NTHREADS + 1);
	/* The test's reference, the user task's, P's and each thread's. */
	KTEST_EXPECT_EQ(test, atomic_read(&env.mm.mm_users), NTHREADS + 3);
	for (i = 0; i < NTHREADS; i++) {
		t = find_get_task_by_vpid(d[D_TID + i]);
		KTEST_EXPECT_NOT_NULL(test, t);
		if (!t)
			continue;
		KTEST_EXPECT_EQ(test, d[D_GETTID + i], d[D_TID + i]);
		KTEST_EXPECT_EQ(test, d[D_GETPID + i], (unsigned long)p->pid);
		KTEST_EXPECT_FALSE(test, thread_group_leader(t));
		KTEST_EXPECT_EQ(test, t->exit_signal, -1);
		KTEST_EXPECT_PTR_EQ(test, t->real_parent, p->real_parent);
		KTEST_EXPECT_PTR_EQ(test, t->mm, &env.mm);
		/* Only the leader is a process: on the task list and its parent's children. */
		KTEST_EXPECT_TRUE(test, list_empty(&t->tasks) && list_empty(&t->sibling));
		put_task_struct(t);
	}
	put_task_struct(p);
out:
	thr_finish(test, &env);
	thr_env_destroy(&env);
}

/* Whether the task @pid is a zombie. */
static bool is_zombie(pid_t pid)
{
	struct task_struct *p = find_get_task_by_vpid(pid);
	bool zombie = p && READ_ONCE(p->exit_state) == EXIT_ZOMBIE;

	if (p)
		put_task_struct(p);
	return zombie;
}

static bool task_gone(pid_t pid)
{
	struct task_struct *p = find_get_task_by_vpid(pid);

	if (p)
		put_task_struct(p);
	return !p;
}

static void a_leader_stays_a_zombie_until_its_last_thread_exits(struct ktest *test)
{
	struct thr_env env;
	unsigned long *d;
	pid_t pid;
	int i;

	if (!thr_env_create(test, &env, MODE_EXIT))
		return;
	d = thr_data(&env);
	if (!thr_start(test, &env))
		goto out;
	pid = (pid_t)d[D_LEADER_PID];
	WRITE_ONCE(d[D_LEADER_GO], 1);
	KTEST_EXPECT_TRUE(test, ktest_wait_for(is_zombie(pid), 2000));
	msleep(20);
	/* Its parent's wait4() is still waiting: the threads live. */
	KTEST_EXPECT_EQ(test, READ_ONCE(d[D_WAITED]), 0UL);
	for (i = 0; i < NTHREADS; i++)
		KTEST_EXPECT_FALSE(test, task_gone((pid_t)d[D_TID + i]));
	WRITE_ONCE(d[D_THREADS_GO], 1);
	KTEST_EXPECT_TRUE(test, ktest_wait_for(READ_ONCE(d[D_WAITED]) == (unsigned long)pid, 2000));
	/* Linux 6.1: with no exit_group(), the last thread's code is the process's status. */
	KTEST_EXPECT_EQ(test, (u32)d[D_STATUS], 5U << 8);
	for (i = 0; i < NTHREADS; i++)
		KTEST_EXPECT_TRUE(test, task_gone((pid_t)d[D_TID + i]));
	KTEST_EXPECT_TRUE(test, task_gone(pid));
out:
	thr_finish(test, &env);
	thr_env_destroy(&env);
}

/* The CPUs the group's threads ran on last, as a count (informational). */
static unsigned int thread_cpus(unsigned long *d)
{
	struct cpumask seen = { 0 };
	unsigned int i;

	for (i = 0; i < NTHREADS; i++) {
		struct task_struct *t = find_get_task_by_vpid((pid_t)d[D_TID + i]);

		if (t) {
			cpumask_set_cpu(READ_ONCE(t->cpu), &seen);
			put_task_struct(t);
		}
	}
	return cpumask_weight(&seen);
}

static void exit_group_kills_threads_running_on_every_cpu(struct ktest *test)
{
	struct thr_env env;
	unsigned long *d;
	pid_t pid;
	int i;

	if (!thr_env_create(test, &env, MODE_GROUP))
		return;
	d = thr_data(&env);
	if (!thr_start(test, &env))
		goto out;
	pid = (pid_t)d[D_LEADER_PID];
	msleep(20);
	ktest_info(test, "%u threads spinning on %u CPUs", NTHREADS, thread_cpus(d));
	WRITE_ONCE(d[D_LEADER_GO], 1);
	KTEST_EXPECT_TRUE(test, ktest_wait_for(READ_ONCE(d[D_WAITED]) == (unsigned long)pid, 2000));
	KTEST_EXPECT_EQ(test, (u32)d[D_STATUS], 7U << 8);
	for (i = 0; i < NTHREADS; i++)
		KTEST_EXPECT_TRUE(test, task_gone((pid_t)d[D_TID + i]));
out:
	thr_finish(test, &env);
	thr_env_destroy(&env);
}

/* Every thread has read @val at USER_PROBE since the test cleared its slot. */
static bool probes_read(unsigned long *d, unsigned long val)
{
	int i;

	for (i = 0; i < NTHREADS; i++)
		if (READ_ONCE(d[D_PROBE + i]) != val)
			return false;
	return true;
}

/* Every thread that is on a CPU now has that CPU in mm_cpumask(). */
static bool running_threads_in_mm_cpumask(struct thr_env *env, unsigned long *d)
{
	bool ok = true;
	int i;

	for (i = 0; i < NTHREADS; i++) {
		struct task_struct *t = find_get_task_by_vpid((pid_t)d[D_TID + i]);
		unsigned long flags;

		if (!t)
			return false;
		local_irq_save(flags);
		if (READ_ONCE(t->on_cpu) && READ_ONCE(t->cpu) != smp_processor_id() &&
		    !cpumask_test_cpu(READ_ONCE(t->cpu), mm_cpumask(&env->mm)))
			ok = false;
		local_irq_restore(flags);
		put_task_struct(t);
	}
	return ok;
}

/*
 * Threads on several CPUs read one word in a loop; the test maps another
 * page there and flushes: each must read the new page's word soon, which
 * it cannot while its CPU keeps the old translation.
 */
static void a_shootdown_reaches_every_cpu_running_the_mm(struct ktest *test)
{
	struct thr_env env;
	unsigned long *d;

	if (!thr_env_create(test, &env, MODE_PROBE))
		return;
	d = thr_data(&env);
	if (!thr_start(test, &env))
		goto out;
	KTEST_EXPECT_TRUE(test, ktest_wait_for(probes_read(d, 1), 2000));
	KTEST_EXPECT_TRUE(test, running_threads_in_mm_cpumask(&env, d));
	ktest_info(test, "%u threads reading on %u CPUs", NTHREADS, thread_cpus(d));
	KTEST_EXPECT_EQ(test, test_map_user_page(&env.mm, USER_PROBE, env.probe[1], _PAGE_NX), 0);
	flush_tlb_mm_range(&env.mm, USER_PROBE, USER_PROBE + PAGE_SIZE, PAGE_SHIFT, false);
	KTEST_EXPECT_TRUE(test, ktest_wait_for(probes_read(d, 2), 1000));
out:
	thr_finish(test, &env);
	thr_env_destroy(&env);
}

static struct ktest_case thread_cases[] = {
	KTEST_CASE(threads_join_the_group_and_share_the_mm),
	KTEST_CASE(a_leader_stays_a_zombie_until_its_last_thread_exits),
	KTEST_CASE(exit_group_kills_threads_running_on_every_cpu),
	KTEST_CASE(a_shootdown_reaches_every_cpu_running_the_mm),
	{}
};

static struct ktest_suite thread_suite = {
	.name = "thread",
	.init = ktest_pause_fault_injection,
	.exit = ktest_resume_fault_injection,
	.test_cases = thread_cases,
};
ktest_register_suite(thread_suite);
