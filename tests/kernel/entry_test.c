// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of ring 3 and the system-call entry (arch/x86_64/entry_64.S,
 * syscall_64.c, process.c, fpu.c, traps.c's user faults).
 *
 * Each case builds a private mm (test_mm_init(), tests/kernel/mm_test.h)
 * with three user pages:
 *
 *   USER_CODE   0x400000   read-only, executable: a copy of user_stubs
 *   USER_DATA   0x600000   read-write, NX: inputs and results, in slices
 *                          of DATA_SLICE bytes, one per task
 *   USER_STACK  0x7ff000   read-write, NX: the stack, top USER_STACK_TOP
 *
 * and runs one or two kthreads in it: each calls begin_user_task() and
 * start_thread() at one stub of user_stubs with rdi = its data slice and
 * rsi = an argument, then returns, which takes it to ring 3 through
 * ret_from_fork. The scheduler loads the mm while such a task runs, so
 * the test itself never runs on it; the stubs leave their results in the
 * data page (the test reads it through the direct map) and end with
 * exit_group(0), or are ended by a fault; the exit code says which.
 *
 * The stubs are position-independent machine code assembled into the
 * image (.rodata) below, each ending in exit_group. The benchmark
 * syscall_getpid (Documentation/benchmarks.md) runs the same way. Fault injection is
 * paused: begin_user_task() allocates, and a case that cannot start its
 * task proves nothing about the entry.
 */
#include <linux/ktest.h>
#include <linux/kthread.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/errno.h>
#include <linux/delay.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/vmstat.h>
#include <linux/bench.h>
#include <asm/fpu.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/signal.h>
#include <asm/traps.h>
#include <asm/unistd_64.h>
#include "mm_test.h"

#define USER_CODE	0x400000UL
#define USER_DATA	0x600000UL
#define USER_STACK	0x7ff000UL
#define USER_STACK_TOP	(USER_STACK + PAGE_SIZE)
#define DATA_SLICE	0x800UL
#define KERNEL_ADDR	"0xffffffff80100000"	/* the kernel image: mapped, supervisor */

#define ARCH_SET_GS	0x1001
#define ARCH_SET_FS	0x1002

#define __S(x)	#x
#define S(x)	__S(x)
#define SYSCALL(nr)	"mov $" S(nr) ", %eax\n\tsyscall\n\t"

/*
 * The user code. Every stub starts with rdi = its data slice (kept in
 * rbx, which system calls preserve) and rsi = its argument.
 */
__asm__(
	".pushsection .rodata, \"a\"\n"
	".balign 16\n"
	"user_stubs:\n"

	/* exit_group(0): where every stub that finishes ends. */
	"user_exit0:\n\t"
	"xor %edi, %edi\n\t"
	SYSCALL(__NR_exit_group)
	"ud2\n"

	/* [0] getpid, [8] gettid, [16] getppid */
	"user_ids:\n\t"
	"mov %rdi, %rbx\n\t"
	SYSCALL(__NR_getpid) "mov %rax, 0(%rbx)\n\t"
	SYSCALL(__NR_gettid) "mov %rax, 8(%rbx)\n\t"
	SYSCALL(__NR_getppid) "mov %rax, 16(%rbx)\n\t"
	"jmp user_exit0\n"

	/* [0] kexec_load, [8] NR_syscalls, [16] -1, [24] getpid + 2^32 */
	"user_enosys:\n\t"
	"mov %rdi, %rbx\n\t"
	SYSCALL(__NR_kexec_load) "mov %rax, 0(%rbx)\n\t"
	SYSCALL(NR_syscalls) "mov %rax, 8(%rbx)\n\t"
	"mov $-1, %rax\n\tsyscall\n\tmov %rax, 16(%rbx)\n\t"
	"movabs $(1 << 32) + " S(__NR_getpid) ", %rax\n\tsyscall\n\tmov %rax, 24(%rbx)\n\t"
	"jmp user_exit0\n"

	/*
	 * Known values in every register a system call must keep, two calls
	 * (one switching away), then [0..88] rbx rbp r12-r15 rdi rsi rdx r8
	 * r9 r10, [96] rsp, [104] rflags.
	 */
	"user_regs:\n\t"
	"push %rdi\n\t"
	"movabs $0x1111111111111111, %rbx\n\t"
	"movabs $0x2222222222222222, %rbp\n\t"
	"movabs $0x3333333333333333, %r12\n\t"
	"movabs $0x4444444444444444, %r13\n\t"
	"movabs $0x5555555555555555, %r14\n\t"
	"movabs $0x6666666666666666, %r15\n\t"
	"movabs $0x7777777777777777, %rdi\n\t"
	"movabs $0x8888888888888888, %rsi\n\t"
	"movabs $0x9999999999999999, %rdx\n\t"
	"movabs $0xaaaaaaaaaaaaaaaa, %r8\n\t"
	"movabs $0xbbbbbbbbbbbbbbbb, %r9\n\t"
	"movabs $0xcccccccccccccccc, %r10\n\t"
	SYSCALL(__NR_getpid)
	SYSCALL(__NR_sched_yield)
	"mov (%rsp), %rax\n\t"
	"mov %rbx, 0(%rax)\n\tmov %rbp, 8(%rax)\n\tmov %r12, 16(%rax)\n\t"
	"mov %r13, 24(%rax)\n\tmov %r14, 32(%rax)\n\tmov %r15, 40(%rax)\n\t"
	"mov %rdi, 48(%rax)\n\tmov %rsi, 56(%rax)\n\tmov %rdx, 64(%rax)\n\t"
	"mov %r8, 72(%rax)\n\tmov %r9, 80(%rax)\n\tmov %r10, 88(%rax)\n\t"
	"lea 8(%rsp), %rcx\n\tmov %rcx, 96(%rax)\n\t"
	"pushfq\n\tpop %rcx\n\tmov %rcx, 104(%rax)\n\t"
	"jmp user_exit0\n"

	/* xmm0-15 from [0x100], rsi sched_yield()s, then to [0x300]. */
	"user_xmm:\n\t"
	"mov %rdi, %rbx\n\tmov %rsi, %r12\n\t"
	".irp i,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n\t"
	"movdqu 0x100+16*\\i(%rbx), %xmm\\i\n\t"
	".endr\n"
	"1:\t" SYSCALL(__NR_sched_yield)
	"dec %r12\n\tjnz 1b\n\t"
	".irp i,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n\t"
	"movdqu %xmm\\i, 0x300+16*\\i(%rbx)\n\t"
	".endr\n\t"
	"jmp user_exit0\n"

	/* ymm0-15 from [0x100], rsi sched_yield()s, then to [0x300]. */
	"user_ymm:\n\t"
	"mov %rdi, %rbx\n\tmov %rsi, %r12\n\t"
	".irp i,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n\t"
	"vmovdqu 0x100+32*\\i(%rbx), %ymm\\i\n\t"
	".endr\n"
	"1:\t" SYSCALL(__NR_sched_yield)
	"dec %r12\n\tjnz 1b\n\t"
	".irp i,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n\t"
	"vmovdqu %ymm\\i, 0x300+32*\\i(%rbx)\n\t"
	".endr\n\t"
	"jmp user_exit0\n"

	/*
	 * FS base at [0x600], GS base at [0x608]: [0] set FS, [8] %fs:0,
	 * [16] get FS, [24] its return, [32] set GS, [40] %gs:0, [48] %fs:0
	 * and [56] %gs:0 after switching away, [64] set FS to a kernel
	 * address, [72] an unknown code, [80] get FS into a kernel address.
	 */
	"user_fsgs:\n\t"
	"mov %rdi, %rbx\n\t"
	"mov $0x1002, %edi\n\tlea 0x600(%rbx), %rsi\n\t" SYSCALL(__NR_arch_prctl)
	"mov %rax, 0(%rbx)\n\t"
	"mov %fs:0, %rax\n\tmov %rax, 8(%rbx)\n\t"
	"mov $0x1003, %edi\n\tlea 16(%rbx), %rsi\n\t" SYSCALL(__NR_arch_prctl)
	"mov %rax, 24(%rbx)\n\t"
	"mov $0x1001, %edi\n\tlea 0x608(%rbx), %rsi\n\t" SYSCALL(__NR_arch_prctl)
	"mov %rax, 32(%rbx)\n\t"
	"mov %gs:0, %rax\n\tmov %rax, 40(%rbx)\n\t"
	SYSCALL(__NR_sched_yield)
	"mov %fs:0, %rax\n\tmov %rax, 48(%rbx)\n\t"
	"mov %gs:0, %rax\n\tmov %rax, 56(%rbx)\n\t"
	"mov $0x1002, %edi\n\tmovabs $" KERNEL_ADDR ", %rsi\n\t" SYSCALL(__NR_arch_prctl)
	"mov %rax, 64(%rbx)\n\t"
	"mov $0x1234, %edi\n\txor %esi, %esi\n\t" SYSCALL(__NR_arch_prctl)
	"mov %rax, 72(%rbx)\n\t"
	"mov $0x1003, %edi\n\tmovabs $" KERNEL_ADDR ", %rsi\n\t" SYSCALL(__NR_arch_prctl)
	"mov %rax, 80(%rbx)\n\t"
	"jmp user_exit0\n"

	/* [0] uname into [0x400], [8] uname into a kernel address */
	"user_uname:\n\t"
	"mov %rdi, %rbx\n\t"
	"lea 0x400(%rbx), %rdi\n\t" SYSCALL(__NR_uname) "mov %rax, 0(%rbx)\n\t"
	"movabs $" KERNEL_ADDR ", %rdi\n\t" SYSCALL(__NR_uname) "mov %rax, 8(%rbx)\n\t"
	"jmp user_exit0\n"

	/*
	 * With GS base at the slice: spin until [0] is set, counting in rcx,
	 * then [8] = the count. Only interrupts from ring 3 end it.
	 */
	"user_spin:\n\t"
	"mov %rdi, %rsi\n\tmov $0x1001, %edi\n\t" SYSCALL(__NR_arch_prctl)
	"xor %ecx, %ecx\n"
	"1:\tinc %rcx\n\t"
	"cmpq $0, %gs:0\n\tje 1b\n\t"
	"mov %rcx, %gs:8\n\t"
	"jmp user_exit0\n"

	"user_exit42:\n\t"
	"mov $42, %edi\n\t" SYSCALL(__NR_exit_group) "ud2\n"
	"user_exit7:\n\t"
	"mov $7, %edi\n\t" SYSCALL(__NR_exit) "ud2\n"
	"user_cli:\n\tcli\n\tjmp user_exit0\n"
	"user_hlt:\n\thlt\n\tjmp user_exit0\n"
	"user_ud2:\n\tud2\n"
	"user_sgdt:\n\tsgdt (%rdi)\n\tjmp user_exit0\n"
	"user_read_kernel:\n\tmov " KERNEL_ADDR ", %rax\n\tjmp user_exit0\n"
	"user_exec_stack:\n\tsub $8, %rsp\n\tmovb $0xc3, (%rsp)\n\tjmp *%rsp\n"
	"user_write_code:\n\tmovb $0, user_write_code(%rip)\n\tjmp user_exit0\n"
	/* [0] the TSC ticks of rsi getpid()s */
	"user_bench_getpid:\n\t"
	"mov %rdi, %rbx\n\tmov %rsi, %r12\n\t"
	"lfence\n\trdtsc\n\tshl $32, %rdx\n\tor %rax, %rdx\n\tmov %rdx, %r13\n"
	"1:\t" SYSCALL(__NR_getpid)
	"dec %r12\n\tjnz 1b\n\t"
	"lfence\n\trdtsc\n\tshl $32, %rdx\n\tor %rax, %rdx\n\tsub %r13, %rdx\n\t"
	"mov %rdx, 0(%rbx)\n\t"
	"jmp user_exit0\n"
	"user_stubs_end:\n"
	".popsection\n");

extern const char user_stubs[], user_stubs_end[];
extern const char user_ids[], user_enosys[], user_regs[], user_xmm[], user_ymm[];
extern const char user_fsgs[], user_uname[], user_spin[], user_exit42[], user_exit7[];
extern const char user_cli[], user_hlt[], user_ud2[], user_sgdt[], user_read_kernel[];
extern const char user_exec_stack[], user_write_code[], user_bench_getpid[];

/* A case's address space and its three pages. */
struct user_env {
	struct mm_struct mm;
	struct page *code, *data, *stack;
};

/* One user task: where it starts, what it gets. */
struct user_start {
	struct user_env *env;
	const char *stub;
	unsigned long di, si;
};

static unsigned long stub_addr(const char *stub)
{
	return USER_CODE + (stub - user_stubs);
}

static void *data_slice(struct user_env *env, unsigned int slice)
{
	return (char *)page_address(env->data) + slice * DATA_SLICE;
}

static int map_user_page(struct user_env *env, unsigned long addr, struct page *page,
			 unsigned long flags)
{
	return test_map_user_page(&env->mm, addr, page, flags);
}

static void user_env_destroy(struct user_env *env)
{
	test_mm_destroy(&env->mm);
	__free_page(env->code);
	__free_page(env->data);
	__free_page(env->stack);
}

/* Build @env (see the top). Return: 0, or -ENOMEM with nothing kept. */
static int user_env_init(struct user_env *env)
{
	if (!test_mm_init(&env->mm))
		return -ENOMEM;
	env->code = alloc_page(GFP_KERNEL | __GFP_ZERO);
	env->data = alloc_page(GFP_KERNEL | __GFP_ZERO);
	env->stack = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!env->code || !env->data || !env->stack)
		goto fail;
	memcpy(page_address(env->code), user_stubs, user_stubs_end - user_stubs);
	if (map_user_page(env, USER_CODE, env->code, 0) ||
	    map_user_page(env, USER_DATA, env->data, _PAGE_RW | _PAGE_DIRTY | _PAGE_NX) ||
	    map_user_page(env, USER_STACK, env->stack, _PAGE_RW | _PAGE_DIRTY | _PAGE_NX))
		goto fail;
	return 0;
fail:
	if (env->code)
		__free_page(env->code);
	if (env->data)
		__free_page(env->data);
	if (env->stack)
		__free_page(env->stack);
	test_mm_destroy(&env->mm);
	return -ENOMEM;
}

static bool user_env_create(struct ktest *test, struct user_env *env)
{
	if (!user_env_init(env))
		return true;
	KTEST_FAIL(test, "no memory for the user address space");
	return false;
}

/* The kthread: become a user task, then return into ring 3 (ret_from_fork). */
static int user_thread(void *arg)
{
	struct user_start *st = arg;
	struct pt_regs *regs = task_pt_regs(current);
	int err = begin_user_task(&st->env->mm);

	if (err)
		return err;
	start_thread(regs, stub_addr(st->stub), USER_STACK_TOP);
	regs->di = st->di;
	regs->si = st->si;
	return 0;
}

/*
 * The CPU for tasks that must share one: the last online CPU, away from
 * CPU 0, where the runner (init) and kthreadd are bound, so that the
 * busy user tasks leave the runner's CPU to it.
 */
static unsigned int shared_cpu(void)
{
	unsigned int cpu, last = 0;

	for_each_online_cpu(cpu)
		last = cpu;
	return last;
}

static struct task_struct *user_task_create(struct ktest *test, struct user_start *st, int cpu)
{
	struct task_struct *k = kthread_create(user_thread, st, "entry-user");

	if (!k) {
		if (test)
			KTEST_FAIL(test, "kthread_create() failed");
		return NULL;
	}
	if (cpu >= 0)
		kthread_bind(k, cpu);
	return k;
}

/* Wait for @k's end (not kthread_stop() alone: a stop before it runs is -EINTR). */
static int user_task_wait(struct task_struct *k)
{
	wait_for_completion(&k->exited);
	return kthread_stop(k);
}

/* Run @stub with its data slice 0 and @si; return its exit code (@test: NULL for a benchmark). */
static int run_user(struct ktest *test, struct user_env *env, const char *stub, unsigned long si,
		    int *pid)
{
	struct user_start st = { .env = env, .stub = stub, .di = USER_DATA, .si = si };
	struct task_struct *k = user_task_create(test, &st, -1);

	if (!k)
		return -1;
	if (pid)
		*pid = k->pid;
	wake_up_process(k);
	return user_task_wait(k);
}

static void system_calls_return_the_callers_ids(struct ktest *test)
{
	struct user_env env;
	unsigned long *d;
	int pid = 0;

	if (!user_env_create(test, &env))
		return;
	d = data_slice(&env, 0);
	KTEST_EXPECT_EQ(test, run_user(test, &env, user_ids, 0, &pid), 0);
	KTEST_EXPECT_EQ(test, d[0], (unsigned long)pid);
	KTEST_EXPECT_EQ(test, d[1], (unsigned long)pid);
	KTEST_EXPECT_EQ(test, d[2], (unsigned long)kthreadd_task->pid);
	user_env_destroy(&env);
}

static void unimplemented_and_out_of_range_numbers_are_enosys(struct ktest *test)
{
	struct user_env env;
	unsigned long *d;
	int pid = 0;
	char line[64];

	if (!user_env_create(test, &env))
		return;
	d = data_slice(&env, 0);
	KTEST_EXPECT_EQ(test, run_user(test, &env, user_enosys, 0, &pid), 0);
	KTEST_EXPECT_EQ(test, (long)d[0], -ENOSYS);
	KTEST_EXPECT_EQ(test, (long)d[1], -ENOSYS);
	KTEST_EXPECT_EQ(test, (long)d[2], -ENOSYS);
	/* Only the low 32 bits of rax are the number, as on Linux. */
	KTEST_EXPECT_EQ(test, d[3], (unsigned long)pid);
	snprintf(line, sizeof(line), "sys_kexec_load (nr %d) not implemented", __NR_kexec_load);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, line));
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "(nr 451)"));
	user_env_destroy(&env);
}

static void every_register_but_rax_rcx_r11_survives_a_system_call(struct ktest *test)
{
	static const unsigned long want[] = {
		0x1111111111111111, 0x2222222222222222, 0x3333333333333333,
		0x4444444444444444, 0x5555555555555555, 0x6666666666666666,
		0x7777777777777777, 0x8888888888888888, 0x9999999999999999,
		0xaaaaaaaaaaaaaaaa, 0xbbbbbbbbbbbbbbbb, 0xcccccccccccccccc,
	};
	struct user_env env;
	unsigned long *d;
	unsigned int i;

	if (!user_env_create(test, &env))
		return;
	d = data_slice(&env, 0);
	KTEST_EXPECT_EQ(test, run_user(test, &env, user_regs, 0, NULL), 0);
	for (i = 0; i < ARRAY_SIZE(want); i++)
		KTEST_EXPECT_EQ(test, d[i], want[i]);
	KTEST_EXPECT_EQ(test, d[12], USER_STACK_TOP);
	KTEST_EXPECT_TRUE(test, d[13] & X86_EFLAGS_IF);
	KTEST_EXPECT_FALSE(test, d[13] & (X86_EFLAGS_TF | X86_EFLAGS_DF | X86_EFLAGS_NT));
	KTEST_EXPECT_EQ(test, d[13] & X86_EFLAGS_IOPL, 0UL);
	user_env_destroy(&env);
}

/*
 * Two tasks on one CPU, each with its own vector register values, each
 * yielding to the other @yields times: each gets back exactly its own.
 */
static void two_tasks_keep_their_vector_registers(struct ktest *test, const char *stub,
						  unsigned int bytes)
{
	struct user_start st[2];
	struct task_struct *k[2];
	struct user_env env;
	unsigned int i, j, cpu = shared_cpu();

	if (!user_env_create(test, &env))
		return;
	for (i = 0; i < 2; i++) {
		u8 *d = data_slice(&env, i);

		for (j = 0; j < bytes; j++)
			d[0x100 + j] = (u8)(j * 7 + i * 0x55 + 1);
		st[i] = (struct user_start){ .env = &env, .stub = stub,
					     .di = USER_DATA + i * DATA_SLICE, .si = 20 };
		k[i] = user_task_create(test, &st[i], cpu);
	}
	for (i = 0; i < 2; i++)
		if (k[i])
			wake_up_process(k[i]);
	for (i = 0; i < 2; i++) {
		u8 *d = data_slice(&env, i);

		if (!k[i])
			continue;
		KTEST_EXPECT_EQ(test, user_task_wait(k[i]), 0);
		KTEST_EXPECT_MEMEQ(test, d + 0x300, d + 0x100, bytes);
	}
	user_env_destroy(&env);
}

static void sse_registers_survive_system_calls_and_switches(struct ktest *test)
{
	two_tasks_keep_their_vector_registers(test, user_xmm, 16 * 16);
}

static bool cpu_has_avx_enabled(void)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	return (c & (1U << 27)) && (c & (1U << 28)) && fpu_state_size() >= 832;
}

static void avx_registers_survive_system_calls_and_switches(struct ktest *test)
{
	if (!cpu_has_avx_enabled())
		KTEST_SKIP(test, "no AVX");
	two_tasks_keep_their_vector_registers(test, user_ymm, 16 * 32);
}

static void arch_prctl_sets_fs_and_gs_bases(struct ktest *test)
{
	struct user_env env;
	unsigned long *d;

	if (!user_env_create(test, &env))
		return;
	d = data_slice(&env, 0);
	d[0x600 / 8] = 0xf5f5f5f5f5f5f5f5;
	d[0x608 / 8] = 0x6565656565656565UL;
	KTEST_EXPECT_EQ(test, run_user(test, &env, user_fsgs, 0, NULL), 0);
	KTEST_EXPECT_EQ(test, d[0], 0UL);
	KTEST_EXPECT_EQ(test, d[1], 0xf5f5f5f5f5f5f5f5);
	KTEST_EXPECT_EQ(test, d[2], USER_DATA + 0x600);
	KTEST_EXPECT_EQ(test, d[3], 0UL);
	KTEST_EXPECT_EQ(test, d[4], 0UL);
	KTEST_EXPECT_EQ(test, d[5], 0x6565656565656565UL);
	KTEST_EXPECT_EQ(test, d[6], 0xf5f5f5f5f5f5f5f5);
	KTEST_EXPECT_EQ(test, d[7], 0x6565656565656565UL);
	KTEST_EXPECT_EQ(test, (long)d[8], -EPERM);
	KTEST_EXPECT_EQ(test, (long)d[9], -EINVAL);
	KTEST_EXPECT_EQ(test, (long)d[10], -EFAULT);
	user_env_destroy(&env);
}

static void uname_says_linux(struct ktest *test)
{
	struct user_env env;
	unsigned long *d;
	const char *u;

	if (!user_env_create(test, &env))
		return;
	d = data_slice(&env, 0);
	u = (const char *)d + 0x400;
	KTEST_EXPECT_EQ(test, run_user(test, &env, user_uname, 0, NULL), 0);
	KTEST_EXPECT_EQ(test, d[0], 0UL);
	KTEST_EXPECT_EQ(test, (long)d[1], -EFAULT);
	KTEST_EXPECT_STREQ(test, u, "Linux");			/* sysname */
	KTEST_EXPECT_STREQ(test, u + 2 * 65, "6.1.0-mmkernel");	/* release */
	KTEST_EXPECT_STREQ(test, u + 4 * 65, "x86_64");		/* machine */
	user_env_destroy(&env);
}

/*
 * The spinning task is only ever interrupted in ring 3, and ends when the
 * test sets the flag: on one CPU the test runs only because an interrupt
 * from ring 3 preempted the task.
 */
static void interrupts_from_user_mode_preempt_and_return(struct ktest *test)
{
	struct user_start st;
	struct task_struct *k;
	struct user_env env;
	unsigned long *d;

	if (!user_env_create(test, &env))
		return;
	d = data_slice(&env, 0);
	st = (struct user_start){ .env = &env, .stub = user_spin, .di = USER_DATA };
	k = user_task_create(test, &st, shared_cpu());
	if (k) {
		wake_up_process(k);
		msleep(30);
		WRITE_ONCE(d[0], 1);
		KTEST_EXPECT_EQ(test, user_task_wait(k), 0);
		KTEST_EXPECT_GT(test, READ_ONCE(d[1]), 0UL);
	}
	user_env_destroy(&env);
}

static void exit_and_exit_group_give_the_wait_status(struct ktest *test)
{
	struct user_env env;

	if (!user_env_create(test, &env))
		return;
	KTEST_EXPECT_EQ(test, run_user(test, &env, user_exit42, 0, NULL), 42 << 8);
	KTEST_EXPECT_EQ(test, run_user(test, &env, user_exit7, 0, NULL), 7 << 8);
	user_env_destroy(&env);
}

/*
 * A user task that faults at the start of @stub ends with @sig and the
 * line @fmt (of the pid, then the stub's address twice); no oops.
 */
static void expect_user_fault(struct ktest *test, const char *stub, int sig, const char *fmt)
{
	unsigned long oopses = oops_count;
	struct user_env env;
	char line[96];
	int pid = 0;

	if (!user_env_create(test, &env))
		return;
	KTEST_EXPECT_EQ(test, run_user(test, &env, stub, 0, &pid), sig);
	snprintf(line, sizeof(line), fmt, pid, stub_addr(stub), stub_addr(stub));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, line));
	KTEST_EXPECT_EQ(test, oops_count, oopses);
	user_env_destroy(&env);
}

static void cli_in_user_mode_is_a_general_protection_fault(struct ktest *test)
{
	expect_user_fault(test, user_cli, SIGSEGV,
			  "traps: entry-user[%d] general protection fault ip:%lx sp:800000 error:0");
}

static void hlt_in_user_mode_is_a_general_protection_fault(struct ktest *test)
{
	expect_user_fault(test, user_hlt, SIGSEGV,
			  "traps: entry-user[%d] general protection fault ip:%lx sp:800000 error:0");
}

static void ud2_in_user_mode_is_sigill(struct ktest *test)
{
	expect_user_fault(test, user_ud2, SIGILL,
			  "traps: entry-user[%d] trap invalid opcode ip:%lx sp:800000 error:0");
}

static void sgdt_in_user_mode_faults_under_umip(struct ktest *test)
{
	if (!(read_cr4() & X86_CR4_UMIP))
		KTEST_SKIP(test, "no UMIP");
	expect_user_fault(test, user_sgdt, SIGSEGV,
			  "traps: entry-user[%d] general protection fault ip:%lx sp:800000 error:0");
}

static void reading_kernel_memory_from_user_mode_is_a_segfault(struct ktest *test)
{
	/*
	 * The error code has the user bit (4); TCG reports the supervisor
	 * page not present (4) where hardware says a protection fault (5).
	 */
	expect_user_fault(test, user_read_kernel, SIGSEGV,
			  "entry-user[%d]: segfault at ffffffff80100000 ip %016lx "
			  "sp 0000000000800000 error ");
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "sp 0000000000800000 error 0"));
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "sp 0000000000800000 error 1"));
}

static void executing_the_nx_stack_is_a_segfault(struct ktest *test)
{
	/* error 0x15: an instruction fetch, user mode, a protection fault */
	expect_user_fault(test, user_exec_stack, SIGSEGV,
			  "entry-user[%d]: segfault at 7ffff8 ip 00000000007ffff8 "
			  "sp 00000000007ffff8 error 15");
}

static void writing_the_read_only_code_is_a_segfault(struct ktest *test)
{
	/* error 7: a write, user mode, a protection fault */
	expect_user_fault(test, user_write_code, SIGSEGV,
			  "entry-user[%d]: segfault at %lx ip %016lx sp 0000000000800000 error 7");
}

/* begin_user_task() with every slab allocation failing, then as it was. */
static int user_thread_without_memory(void *mm)
{
	struct failslab_attr saved = failslab;
	bool enabled = failslab_enabled;
	int err;

	fail_slab_always(0);
	err = begin_user_task(mm);
	failslab = saved;
	failslab_enabled = enabled;
	return err;
}

/* No FPU area: the task stays a kernel thread and ends with the error. */
static void a_task_without_memory_for_its_fpu_area_stays_a_kernel_thread(struct ktest *test)
{
	struct task_struct *k;
	struct user_env env;

	if (!user_env_create(test, &env))
		return;
	k = kthread_create(user_thread_without_memory, &env.mm, "entry-nomem");
	if (k) {
		wake_up_process(k);
		KTEST_EXPECT_EQ(test, user_task_wait(k), -ENOMEM);
	} else {
		KTEST_FAIL(test, "kthread_create() failed");
	}
	user_env_destroy(&env);
}

/* After a user task is gone no CPU holds its mm, and its tables all go. */
static void user_tasks_leave_nothing_behind(struct ktest *test)
{
	unsigned long tables = global_zone_page_state(NR_PAGETABLE);
	struct user_env env;

	if (!user_env_create(test, &env))
		return;
	KTEST_EXPECT_EQ(test, run_user(test, &env, user_ids, 0, NULL), 0);
	KTEST_EXPECT_EQ(test, run_user(test, &env, user_cli, 0, NULL), SIGSEGV);
	KTEST_EXPECT_PTR_EQ(test, current->active_mm, &init_mm);
	KTEST_EXPECT_EQ(test, read_cr3() & PTE_PFN_MASK, __pa(init_mm.pgd));
	user_env_destroy(&env);
	KTEST_EXPECT_EQ(test, global_zone_page_state(NR_PAGETABLE), tables);
}

/*
 * bench: syscall_getpid - 100000 getpid() round trips from ring 3, timed
 * there (rdtsc is allowed in user mode): SYSCALL, the entry, the table,
 * the exit work and SYSRET.
 */
static void bench_syscall_getpid(void)
{
	const unsigned long n = 100000;
	struct user_env env;
	int code;

	if (user_env_init(&env))
		return;
	code = run_user(NULL, &env, user_bench_getpid, n, NULL);
	if (!code)
		bench_report("syscall_getpid", *(unsigned long *)data_slice(&env, 0), n);
	user_env_destroy(&env);
}
BENCH(syscall_getpid, bench_syscall_getpid);

static struct ktest_case entry_cases[] = {
	KTEST_CASE(system_calls_return_the_callers_ids),
	KTEST_CASE(unimplemented_and_out_of_range_numbers_are_enosys),
	KTEST_CASE(every_register_but_rax_rcx_r11_survives_a_system_call),
	KTEST_CASE(sse_registers_survive_system_calls_and_switches),
	KTEST_CASE(avx_registers_survive_system_calls_and_switches),
	KTEST_CASE(arch_prctl_sets_fs_and_gs_bases),
	KTEST_CASE(uname_says_linux),
	KTEST_CASE(interrupts_from_user_mode_preempt_and_return),
	KTEST_CASE(exit_and_exit_group_give_the_wait_status),
	KTEST_CASE(cli_in_user_mode_is_a_general_protection_fault),
	KTEST_CASE(hlt_in_user_mode_is_a_general_protection_fault),
	KTEST_CASE(ud2_in_user_mode_is_sigill),
	KTEST_CASE(sgdt_in_user_mode_faults_under_umip),
	KTEST_CASE(reading_kernel_memory_from_user_mode_is_a_segfault),
	KTEST_CASE(executing_the_nx_stack_is_a_segfault),
	KTEST_CASE(writing_the_read_only_code_is_a_segfault),
	KTEST_CASE(a_task_without_memory_for_its_fpu_area_stays_a_kernel_thread),
	KTEST_CASE(user_tasks_leave_nothing_behind),
	{}
};

static struct ktest_suite entry_suite = {
	.name = "entry",
	.init = ktest_pause_fault_injection,
	.exit = ktest_resume_fault_injection,
	.test_cases = entry_cases,
};
ktest_register_suite(entry_suite);
