// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of processes: clone(), vfork(), clone3(), exit, zombies, wait4()
 * and waitid(), reparenting, the limit and id calls (kernel/fork.c,
 * kernel/exit.c, kernel/sys.c, kernel/pid.c).
 *
 * As entry_test.c does, each case builds a private mm (test_mm_init())
 * with user pages mapped by hand:
 *
 *   USER_CODE   0x400000   read-only, executable: a copy of proc_stubs
 *   USER_DATA   0x600000   read-write: the stub's inputs and results
 *   USER_STACK  0x7fe000   two pages: the parent's stack ends at 0x800000,
 *                          a clone child's (CHILD_STACK) at 0x7ff000
 *
 * and runs a kthread there that becomes a user task (begin_user_task(),
 * start_thread()) and returns into one stub. The stubs clone children
 * with CLONE_VM (the address space shared: no dup_mm() needed), so parent
 * and children leave their results in the one data page, which the test
 * reads through the direct map. The user task's parent is kthreadd, a
 * kernel thread: it is reaped at once when it exits, while its own
 * children are real zombies until it waits for them.
 *
 * The kernel-side cases (a storm of clones, clones under fault injection)
 * run kernel_clone() from such a task before it returns to user mode: the
 * children copy its registers and run exit_group(0).
 *
 * Fault injection is paused by the suite (begin_user_task() allocates);
 * the fault-injection case turns it on itself around each clone.
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
#include <linux/sprintf.h>
#include <linux/errno.h>
#include <linux/resource.h>
#include <linux/fdtable.h>
#include <linux/wait.h>
#include <linux/vmstat.h>
#include <linux/fault-inject.h>
#include <linux/rmap.h>
#include <linux/mmap_lock.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/signal.h>
#include <asm/unistd_64.h>
#include "mm_test.h"
#include "vfs_test.h"

#define USER_CODE	0x400000UL
#define USER_DATA	0x600000UL
#define USER_STACK	0x7fe000UL
#define USER_STACK_TOP	0x800000UL
#define CHILD_STACK	0x7ff000UL
#define KERNEL_ADDR	"0xffffffff80100000"

#define __S(x)	#x
#define S(x)	__S(x)
#define SYSCALL(nr)	"mov $" S(nr) ", %eax\n\tsyscall\n\t"
/* clone(flags, CHILD_STACK, 0, 0, 0) */
#define CLONE(flags)	"mov $(" flags "), %edi\n\tmov $" S(CHILD_STACK) ", %esi\n\t"	\
			"xor %edx, %edx\n\txor %r10d, %r10d\n\txor %r8d, %r8d\n\t"	\
			SYSCALL(__NR_clone)
/* Spin, yielding, until the quadword at @off(%rbx) is set. */
#define WAIT_FLAG(off, l) l ":\tcmpq $0, " off "(%rbx)\n\tjne " l "f\n\t"		\
			SYSCALL(__NR_sched_yield) "jmp " l "b\n" l ":\n\t"

#define CLONE_VM_SIGCHLD	S(CLONE_VM) "|" S(SIGCHLD)

/*
 * The user code; every stub starts with rdi = the data page (kept in
 * rbx) and rsi = its argument (kept in r12).
 */
__asm__(
	".pushsection .rodata, \"a\"\n"
	".balign 16\n"
	"proc_stubs:\n"

	"proc_exit0:\n\t"
	"xor %edi, %edi\n\t"
	SYSCALL(__NR_exit_group)
	"ud2\n"

	/*
	 * A CLONE_VM child: [48] its rax, [0] getpid, [40] getppid, then
	 * exit(r12), or ud2 (r12 0x100), or a read of kernel memory (0x101).
	 * The parent: [8] the child's pid, wait4(pid, [16], 0, [0x200]) into
	 * [24], then wait4(-1, NULL, WNOHANG) into [32].
	 */
	"proc_clone_wait:\n\t"
	"mov %rdi, %rbx\n\tmov %rsi, %r12\n\t"
	CLONE(CLONE_VM_SIGCHLD)
	"test %rax, %rax\n\tjnz 1f\n\t"
	"mov %rax, 48(%rbx)\n\t"
	SYSCALL(__NR_getpid) "mov %rax, 0(%rbx)\n\t"
	SYSCALL(__NR_getppid) "mov %rax, 40(%rbx)\n\t"
	"cmp $0x100, %r12\n\tje 2f\n\t"
	"cmp $0x101, %r12\n\tje 3f\n\t"
	"mov %r12, %rdi\n\t" SYSCALL(__NR_exit)
	"2:\tud2\n"
	"3:\tmov " KERNEL_ADDR ", %rax\n\tud2\n"
	"1:\tmov %rax, 8(%rbx)\n\t"
	"mov %rax, %rdi\n\tlea 16(%rbx), %rsi\n\txor %edx, %edx\n\tlea 0x200(%rbx), %r10\n\t"
	SYSCALL(__NR_wait4) "mov %rax, 24(%rbx)\n\t"
	"mov $-1, %rdi\n\txor %esi, %esi\n\tmov $" S(WNOHANG) ", %edx\n\txor %r10d, %r10d\n\t"
	SYSCALL(__NR_wait4) "mov %rax, 32(%rbx)\n\t"
	"jmp proc_exit0\n"

	/*
	 * A child that exits(3) once the test sets [0x108]. The parent: [8]
	 * its pid, [24] wait4(pid, [16], WNOHANG) while it lives, [0x110]
	 * set, then once the test sets [0x100]: [40] wait4(pid, [32], 0),
	 * [48] wait4(-1, NULL, WNOHANG).
	 */
	"proc_zombie:\n\t"
	"mov %rdi, %rbx\n\t"
	CLONE(CLONE_VM_SIGCHLD)
	"test %rax, %rax\n\tjnz 1f\n\t"
	WAIT_FLAG("0x108", "2")
	"mov $3, %edi\n\t" SYSCALL(__NR_exit)
	"1:\tmov %rax, 8(%rbx)\n\t"
	"mov %rax, %rdi\n\tlea 16(%rbx), %rsi\n\tmov $" S(WNOHANG) ", %edx\n\txor %r10d, %r10d\n\t"
	SYSCALL(__NR_wait4) "mov %rax, 24(%rbx)\n\t"
	"movq $1, 0x110(%rbx)\n\t"
	WAIT_FLAG("0x100", "3")
	"mov 8(%rbx), %rdi\n\tlea 32(%rbx), %rsi\n\txor %edx, %edx\n\txor %r10d, %r10d\n\t"
	SYSCALL(__NR_wait4) "mov %rax, 40(%rbx)\n\t"
	"mov $-1, %rdi\n\txor %esi, %esi\n\tmov $" S(WNOHANG) ", %edx\n\txor %r10d, %r10d\n\t"
	SYSCALL(__NR_wait4) "mov %rax, 48(%rbx)\n\t"
	"jmp proc_exit0\n"

	/* The parent exits at once ([8] the child's pid); the child, once [0x108] is set, [16] getppid. */
	"proc_orphan:\n\t"
	"mov %rdi, %rbx\n\t"
	CLONE(CLONE_VM_SIGCHLD)
	"test %rax, %rax\n\tjnz 1f\n\t"
	WAIT_FLAG("0x108", "2")
	SYSCALL(__NR_getppid) "mov %rax, 16(%rbx)\n\t"
	"xor %edi, %edi\n\t" SYSCALL(__NR_exit)
	"1:\tmov %rax, 8(%rbx)\n\t"
	"jmp proc_exit0\n"

	/*
	 * vfork(): the child sets [0] to 1, yields 50 times, sets it to 2
	 * and exits(9); the parent, on the same stack, copies [0] to [8],
	 * [16] the pid, [32] wait4(pid, [24], 0).
	 */
	"proc_vfork:\n\t"
	"mov %rdi, %rbx\n\t"
	SYSCALL(__NR_vfork)
	"test %rax, %rax\n\tjnz 1f\n\t"
	"movq $1, 0(%rbx)\n\tmov $50, %r12d\n"
	"2:\t" SYSCALL(__NR_sched_yield) "dec %r12\n\tjnz 2b\n\t"
	"movq $2, 0(%rbx)\n\t"
	"mov $9, %edi\n\t" SYSCALL(__NR_exit)
	"1:\tmov 0(%rbx), %rcx\n\tmov %rcx, 8(%rbx)\n\tmov %rax, 16(%rbx)\n\t"
	"mov %rax, %rdi\n\tlea 24(%rbx), %rsi\n\txor %edx, %edx\n\txor %r10d, %r10d\n\t"
	SYSCALL(__NR_wait4) "mov %rax, 32(%rbx)\n\t"
	"jmp proc_exit0\n"

	/*
	 * A child with its own limits (see the case for the slots); then the
	 * parent's getrlimit(RLIMIT_NOFILE, [0x180]) once it is reaped.
	 */
	"proc_rlimits:\n\t"
	"mov %rdi, %rbx\n\t"
	CLONE(CLONE_VM_SIGCHLD)
	"test %rax, %rax\n\tjnz 1f\n\t"
	"mov $7, %edi\n\tlea 0x100(%rbx), %rsi\n\t" SYSCALL(__NR_getrlimit) "mov %rax, 0(%rbx)\n\t"
	"mov $7, %edi\n\tlea 0x110(%rbx), %rsi\n\t" SYSCALL(__NR_setrlimit) "mov %rax, 8(%rbx)\n\t"
	"mov $7, %edi\n\tlea 0x120(%rbx), %rsi\n\t" SYSCALL(__NR_setrlimit) "mov %rax, 16(%rbx)\n\t"
	"mov $7, %edi\n\tlea 0x130(%rbx), %rsi\n\t" SYSCALL(__NR_setrlimit) "mov %rax, 24(%rbx)\n\t"
	"mov $7, %edi\n\tlea 0x140(%rbx), %rsi\n\t" SYSCALL(__NR_getrlimit) "mov %rax, 32(%rbx)\n\t"
	"xor %edi, %edi\n\tmov $7, %esi\n\txor %edx, %edx\n\tlea 0x150(%rbx), %r10\n\t"
	SYSCALL(__NR_prlimit64) "mov %rax, 40(%rbx)\n\t"
	"mov $99999999, %edi\n\tmov $7, %esi\n\txor %edx, %edx\n\tlea 0x160(%rbx), %r10\n\t"
	SYSCALL(__NR_prlimit64) "mov %rax, 48(%rbx)\n\t"
	"mov $99, %edi\n\tlea 0x170(%rbx), %rsi\n\t" SYSCALL(__NR_getrlimit) "mov %rax, 56(%rbx)\n\t"
	"xor %edi, %edi\n\tmov $7, %esi\n\tlea 0x190(%rbx), %rdx\n\tlea 0x1a0(%rbx), %r10\n\t"
	SYSCALL(__NR_prlimit64) "mov %rax, 64(%rbx)\n\t"
	"mov $7, %edi\n\tmovabs $" KERNEL_ADDR ", %rsi\n\t" SYSCALL(__NR_getrlimit)
	"mov %rax, 72(%rbx)\n\t"
	"xor %edi, %edi\n\t" SYSCALL(__NR_exit)
	"1:\tmov %rax, %rdi\n\tlea 0x1f0(%rbx), %rsi\n\txor %edx, %edx\n\txor %r10d, %r10d\n\t"
	SYSCALL(__NR_wait4)
	"mov $7, %edi\n\tlea 0x180(%rbx), %rsi\n\t" SYSCALL(__NR_getrlimit)
	"jmp proc_exit0\n"

	/* The id calls, in the order the case reads them. */
	"proc_ids:\n\t"
	"mov %rdi, %rbx\n\t"
	SYSCALL(__NR_getuid) "mov %rax, 0(%rbx)\n\t"
	SYSCALL(__NR_geteuid) "mov %rax, 8(%rbx)\n\t"
	SYSCALL(__NR_getgid) "mov %rax, 16(%rbx)\n\t"
	SYSCALL(__NR_getegid) "mov %rax, 24(%rbx)\n\t"
	"lea 0x100(%rbx), %rdi\n\tlea 0x104(%rbx), %rsi\n\tlea 0x108(%rbx), %rdx\n\t"
	SYSCALL(__NR_getresuid) "mov %rax, 32(%rbx)\n\t"
	"lea 0x110(%rbx), %rdi\n\tlea 0x114(%rbx), %rsi\n\tlea 0x118(%rbx), %rdx\n\t"
	SYSCALL(__NR_getresgid) "mov %rax, 40(%rbx)\n\t"
	"lea 0x120(%rbx), %rdi\n\t" SYSCALL(__NR_set_tid_address) "mov %rax, 48(%rbx)\n\t"
	SYSCALL(__NR_getpid) "mov %rax, 56(%rbx)\n\t"
	"xor %edi, %edi\n\t" SYSCALL(__NR_getpgid) "mov %rax, 64(%rbx)\n\t"
	SYSCALL(__NR_getpgrp) "mov %rax, 72(%rbx)\n\t"
	"xor %edi, %edi\n\t" SYSCALL(__NR_getsid) "mov %rax, 80(%rbx)\n\t"
	"mov $99999999, %edi\n\t" SYSCALL(__NR_getpgid) "mov %rax, 88(%rbx)\n\t"
	"movabs $" KERNEL_ADDR ", %rdi\n\tlea 0x104(%rbx), %rsi\n\tlea 0x108(%rbx), %rdx\n\t"
	SYSCALL(__NR_getresuid) "mov %rax, 96(%rbx)\n\t"
	"xor %edi, %edi\n\t" SYSCALL(__NR_set_tid_address)
	"jmp proc_exit0\n"

	/* Refused clones and waits, in the order the case reads them. */
	"proc_refusals:\n\t"
	"mov %rdi, %rbx\n\t"
	CLONE(S(CLONE_THREAD) "|" S(CLONE_SIGHAND) "|" S(CLONE_VM)) "mov %rax, 0(%rbx)\n\t"
	CLONE(S(CLONE_SIGHAND)) "mov %rax, 8(%rbx)\n\t"
	CLONE(S(CLONE_FS) "|" S(CLONE_NEWNS)) "mov %rax, 16(%rbx)\n\t"
	"mov $(" CLONE_VM_SIGCHLD "|" S(CLONE_SETTLS) "), %edi\n\tmov $" S(CHILD_STACK) ", %esi\n\t"
	"xor %edx, %edx\n\txor %r10d, %r10d\n\tmovabs $" KERNEL_ADDR ", %r8\n\t"
	SYSCALL(__NR_clone) "mov %rax, 24(%rbx)\n\t"
	"lea 0x100(%rbx), %rdi\n\tmov $32, %esi\n\t" SYSCALL(__NR_clone3) "mov %rax, 32(%rbx)\n\t"
	"lea 0x100(%rbx), %rdi\n\tmov $8192, %esi\n\t" SYSCALL(__NR_clone3) "mov %rax, 40(%rbx)\n\t"
	"lea 0x100(%rbx), %rdi\n\tmov $96, %esi\n\t" SYSCALL(__NR_clone3) "mov %rax, 48(%rbx)\n\t"
	"lea 0x200(%rbx), %rdi\n\tmov $88, %esi\n\t" SYSCALL(__NR_clone3) "mov %rax, 56(%rbx)\n\t"
	"lea 0x300(%rbx), %rdi\n\tmov $64, %esi\n\t" SYSCALL(__NR_clone3) "mov %rax, 64(%rbx)\n\t"
	"mov $-1, %rdi\n\txor %esi, %esi\n\tmov $" S(WNOWAIT) ", %edx\n\txor %r10d, %r10d\n\t"
	SYSCALL(__NR_wait4) "mov %rax, 72(%rbx)\n\t"
	"xor %edi, %edi\n\txor %esi, %esi\n\txor %edx, %edx\n\txor %r10d, %r10d\n\txor %r8d, %r8d\n\t"
	SYSCALL(__NR_waitid) "mov %rax, 80(%rbx)\n\t"
	"mov $7, %edi\n\txor %esi, %esi\n\txor %edx, %edx\n\tmov $" S(WEXITED) ", %r10d\n\t"
	"xor %r8d, %r8d\n\t" SYSCALL(__NR_waitid) "mov %rax, 88(%rbx)\n\t"
	"mov $0x80000000, %edi\n\txor %esi, %esi\n\txor %edx, %edx\n\txor %r10d, %r10d\n\t"
	SYSCALL(__NR_wait4) "mov %rax, 96(%rbx)\n\t"
	"mov $-1, %rdi\n\txor %esi, %esi\n\txor %edx, %edx\n\txor %r10d, %r10d\n\t"
	SYSCALL(__NR_wait4) "mov %rax, 104(%rbx)\n\t"
	"movabs $" KERNEL_ADDR ", %rdi\n\tmov $64, %esi\n\t" SYSCALL(__NR_clone3)
	"mov %rax, 112(%rbx)\n\t"
	"jmp proc_exit0\n"

	/*
	 * clone3() with the struct at [0x400]: the child stores [8] %fs:0,
	 * [16] its tid word [0x500], [24] rsp and exits(6). The parent: [32]
	 * the pid, [40] waitid(P_PID, pid, [0x700], WEXITED | WNOWAIT),
	 * [48] waitid(P_PID, pid, [0x780], WEXITED, [0x800] rusage), [56]
	 * waitid(P_PID, pid, [0x880], WEXITED | WNOHANG).
	 */
	"proc_clone3:\n\t"
	"mov %rdi, %rbx\n\t"
	"lea 0x400(%rbx), %rdi\n\tmov $88, %esi\n\t" SYSCALL(__NR_clone3)
	"test %rax, %rax\n\tjnz 1f\n\t"
	"mov %fs:0, %rax\n\tmov %rax, 8(%rbx)\n\t"
	"mov 0x500(%rbx), %eax\n\tmov %rax, 16(%rbx)\n\t"
	"mov %rsp, 24(%rbx)\n\t"
	"mov $6, %edi\n\t" SYSCALL(__NR_exit)
	"1:\tmov %rax, 32(%rbx)\n\t"
	"mov $" S(P_PID) ", %edi\n\tmov %rax, %rsi\n\tlea 0x700(%rbx), %rdx\n\t"
	"mov $(" S(WEXITED) "|" S(WNOWAIT) "), %r10d\n\txor %r8d, %r8d\n\t"
	SYSCALL(__NR_waitid) "mov %rax, 40(%rbx)\n\t"
	"mov $" S(P_PID) ", %edi\n\tmov 32(%rbx), %rsi\n\tlea 0x780(%rbx), %rdx\n\t"
	"mov $" S(WEXITED) ", %r10d\n\tlea 0x800(%rbx), %r8\n\t"
	SYSCALL(__NR_waitid) "mov %rax, 48(%rbx)\n\t"
	"mov $" S(P_PID) ", %edi\n\tmov 32(%rbx), %rsi\n\tlea 0x880(%rbx), %rdx\n\t"
	"mov $(" S(WEXITED) "|" S(WNOHANG) "), %r10d\n\txor %r8d, %r8d\n\t"
	SYSCALL(__NR_waitid) "mov %rax, 56(%rbx)\n\t"
	"jmp proc_exit0\n"

	/*
	 * A child with no exit signal exits(1): [0] its pid, [8] wait4(pid)
	 * without __WCLONE, [16] wait4(pid, [0x100], __WCLONE).
	 */
	"proc_wclone:\n\t"
	"mov %rdi, %rbx\n\t"
	CLONE(S(CLONE_VM))
	"test %rax, %rax\n\tjnz 1f\n\t"
	"mov $1, %edi\n\t" SYSCALL(__NR_exit)
	"1:\tmov %rax, 0(%rbx)\n\t"
	"mov %rax, %rdi\n\txor %esi, %esi\n\txor %edx, %edx\n\txor %r10d, %r10d\n\t"
	SYSCALL(__NR_wait4) "mov %rax, 8(%rbx)\n\t"
	"mov 0(%rbx), %rdi\n\tlea 0x100(%rbx), %rsi\n\tmov $0x80000000, %edx\n\txor %r10d, %r10d\n\t"
	SYSCALL(__NR_wait4) "mov %rax, 16(%rbx)\n\t"
	"jmp proc_exit0\n"
	/*
	 * fork() with [0] = 1: the child sets [0] to 2 in its copy, [8] its
	 * pid, and exits with [0] + 5; the parent: [16] the pid, [32]
	 * wait4(pid, [24], 0, [0x100]), [40] its [0].
	 */
	"proc_fork:\n\t"
	"mov %rdi, %rbx\n\t"
	"movq $1, 0(%rbx)\n\t"
	SYSCALL(__NR_fork)
	"test %rax, %rax\n\tjnz 1f\n\t"
	"movq $2, 0(%rbx)\n\t"
	SYSCALL(__NR_getpid) "mov %rax, 8(%rbx)\n\t"
	"mov 0(%rbx), %rdi\n\tadd $5, %rdi\n\t" SYSCALL(__NR_exit)
	"1:\tmov %rax, 16(%rbx)\n\t"
	"mov %rax, %rdi\n\tlea 24(%rbx), %rsi\n\txor %edx, %edx\n\tlea 0x100(%rbx), %r10\n\t"
	SYSCALL(__NR_wait4) "mov %rax, 32(%rbx)\n\t"
	"mov 0(%rbx), %rax\n\tmov %rax, 40(%rbx)\n\t"
	"jmp proc_exit0\n"
	"proc_stubs_end:\n"
	".popsection\n");

extern const char proc_stubs[], proc_stubs_end[], proc_exit0[];
extern const char proc_clone_wait[], proc_zombie[], proc_orphan[], proc_vfork[];
extern const char proc_rlimits[], proc_ids[], proc_refusals[], proc_clone3[], proc_wclone[];
extern const char proc_fork[];

/* A case's address space and its pages. */
struct proc_env {
	struct mm_struct mm;
	struct page *code, *data, *stack[2];
};

static unsigned long stub_addr(const char *stub)
{
	return USER_CODE + (stub - proc_stubs);
}

static int map_user_page(struct proc_env *env, unsigned long addr, struct page *page,
			 unsigned long flags)
{
	return test_map_user_page(&env->mm, addr, page, flags);
}

static void proc_env_free_pages(struct proc_env *env)
{
	struct page *pages[] = { env->code, env->data, env->stack[0], env->stack[1] };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(pages); i++)
		if (pages[i])
			__free_page(pages[i]);
}

static void proc_env_destroy(struct proc_env *env)
{
	test_mm_destroy(&env->mm);
	proc_env_free_pages(env);
}

#define RW_NX	(_PAGE_RW | _PAGE_DIRTY | _PAGE_NX)

static bool proc_env_create(struct ktest *test, struct proc_env *env)
{
	unsigned int i;

	memset(env, 0, sizeof(*env));
	if (!test_mm_init(&env->mm)) {
		KTEST_FAIL(test, "no memory for the address space");
		return false;
	}
	env->code = alloc_page(GFP_KERNEL | __GFP_ZERO);
	env->data = alloc_page(GFP_KERNEL | __GFP_ZERO);
	for (i = 0; i < 2; i++)
		env->stack[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!env->code || !env->data || !env->stack[0] || !env->stack[1])
		goto fail;
	memcpy(page_address(env->code), proc_stubs, proc_stubs_end - proc_stubs);
	if (map_user_page(env, USER_CODE, env->code, 0) ||
	    map_user_page(env, USER_DATA, env->data, RW_NX) ||
	    map_user_page(env, USER_STACK, env->stack[0], RW_NX) ||
	    map_user_page(env, USER_STACK + PAGE_SIZE, env->stack[1], RW_NX))
		goto fail;
	return true;
fail:
	proc_env_destroy(env);
	KTEST_FAIL(test, "no memory for the user pages");
	return false;
}

static unsigned long *env_data(struct proc_env *env)
{
	return page_address(env->data);
}

/* The user task's start: a stub with its argument, or a kernel function first. */
struct proc_start {
	struct mm_struct *mm;
	const char *stub;
	unsigned long si;
	int (*before)(struct proc_start *st);	/* runs as the user task, in the kernel */
	void *arg;
};

static int proc_user_thread(void *arg)
{
	struct proc_start *st = arg;
	struct pt_regs *regs = task_pt_regs(current);
	int err = begin_user_task(st->mm);

	if (err)
		return err;
	start_thread(regs, stub_addr(st->stub), USER_STACK_TOP);
	regs->di = USER_DATA;
	regs->si = st->si;
	return st->before ? st->before(st) : 0;
}

static struct task_struct *proc_task_start(struct ktest *test, struct proc_start *st)
{
	struct task_struct *k = kthread_create(proc_user_thread, st, "proc-user");

	if (!k) {
		KTEST_FAIL(test, "kthread_create() failed");
		return NULL;
	}
	wake_up_process(k);
	return k;
}

/* Its exit code, once it has exited. */
static int proc_task_wait(struct task_struct *k)
{
	wait_for_completion(&k->exited);
	return kthread_stop(k);
}

/* Run @st's task to its end: its exit code. */
static int run_start(struct ktest *test, struct proc_start *st)
{
	struct task_struct *k = proc_task_start(test, st);

	return k ? proc_task_wait(k) : -1;
}

static int run_stub(struct ktest *test, struct proc_env *env, const char *stub, unsigned long si)
{
	struct proc_start st = { .mm = &env->mm, .stub = stub, .si = si };

	return run_start(test, &st);
}

/* Wait (2 s at most) until the task @pid is gone from the task list. */
static bool pid_gone(pid_t pid)
{
	struct task_struct *p;

	return ktest_wait_for((p = find_get_task_by_vpid(pid)) == NULL ||
			      (put_task_struct(p), false), 2000);
}

/* After a case: its tasks are gone and nothing holds the mm but the case. */
static void expect_quiet(struct ktest *test, struct proc_env *env)
{
	KTEST_EXPECT_EQ(test, atomic_read(&env->mm.mm_users), 1);
}

static void clone_child_sees_zero_and_parent_its_pid(struct ktest *test)
{
	struct proc_env env;
	unsigned long *d;
	struct rusage *ru;

	if (!proc_env_create(test, &env))
		return;
	d = env_data(&env);
	d[6] = 0xdead;
	KTEST_EXPECT_EQ(test, run_stub(test, &env, proc_clone_wait, 42), 0);
	KTEST_EXPECT_EQ(test, d[6], 0UL);			/* the child's rax */
	KTEST_EXPECT_GT(test, d[1], 0UL);
	KTEST_EXPECT_EQ(test, d[0], d[1]);			/* its getpid() */
	KTEST_EXPECT_EQ(test, d[3], d[1]);			/* wait4()'s return */
	KTEST_EXPECT_EQ(test, (u32)d[2], 42U << 8);		/* WEXITSTATUS 42 */
	KTEST_EXPECT_EQ(test, (long)d[4], -ECHILD);
	ru = (struct rusage *)((char *)d + 0x200);
	KTEST_EXPECT_EQ(test, ru->ru_minflt, 0L);
	KTEST_EXPECT_GE(test, ru->ru_nvcsw + ru->ru_nivcsw, 0L);
	KTEST_EXPECT_TRUE(test, pid_gone(d[1]));
	expect_quiet(test, &env);
	proc_env_destroy(&env);
}

static void clone_child_parent_is_the_caller(struct ktest *test)
{
	struct proc_start st;
	struct proc_env env;
	struct task_struct *k;
	unsigned long *d;

	if (!proc_env_create(test, &env))
		return;
	d = env_data(&env);
	st = (struct proc_start){ .mm = &env.mm, .stub = proc_clone_wait, .si = 0 };
	k = proc_task_start(test, &st);
	if (k) {
		pid_t pid = k->pid;	/* k is freed once waited for */

		KTEST_EXPECT_EQ(test, proc_task_wait(k), 0);
		KTEST_EXPECT_EQ(test, d[5], (unsigned long)pid);	/* getppid() */
	}
	proc_env_destroy(&env);
}

static void a_child_killed_by_a_fault_has_a_signal_status(struct ktest *test)
{
	unsigned long oopses = oops_count;
	struct proc_env env;
	unsigned long *d;
	char line[64];

	if (!proc_env_create(test, &env))
		return;
	d = env_data(&env);
	KTEST_EXPECT_EQ(test, run_stub(test, &env, proc_clone_wait, 0x100), 0);
	KTEST_EXPECT_EQ(test, d[3], d[1]);
	KTEST_EXPECT_EQ(test, (u32)d[2], (u32)SIGILL);		/* WIFSIGNALED, WTERMSIG 4 */
	memset(d, 0, PAGE_SIZE);
	KTEST_EXPECT_EQ(test, run_stub(test, &env, proc_clone_wait, 0x101), 0);
	KTEST_EXPECT_EQ(test, d[3], d[1]);
	KTEST_EXPECT_EQ(test, (u32)d[2], (u32)SIGSEGV);
	snprintf(line, sizeof(line), "proc-user[%lu]: segfault at ffffffff80100000", d[1]);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, line));
	KTEST_EXPECT_EQ(test, oops_count, oopses);
	expect_quiet(test, &env);
	proc_env_destroy(&env);
}

/* @pid's /proc/PID/stat has state @state. */
static bool proc_stat_state_is(pid_t pid, char state)
{
	char path[32], buf[256], want[8];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	n = vt_read_file(path, buf, sizeof(buf) - 1);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	snprintf(want, sizeof(want), ") %c ", state);
	return strstr(buf, want);
}

static bool is_child_of(struct task_struct *p, struct task_struct *parent)
{
	struct task_struct *c;
	unsigned long flags;
	bool found = false;

	read_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(c, &parent->children, sibling)
		found |= c == p;
	found &= p->real_parent == parent && p->parent == parent;
	read_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

static void an_exited_child_is_a_zombie_until_reaped(struct ktest *test)
{
	struct task_struct *k, *child;
	struct proc_start st;
	struct proc_env env;
	unsigned long *d;

	if (!proc_env_create(test, &env))
		return;
	d = env_data(&env);
	st = (struct proc_start){ .mm = &env.mm, .stub = proc_zombie };
	k = proc_task_start(test, &st);
	if (!k)
		goto out;
	KTEST_ASSERT_TRUE(test, ktest_wait_for(READ_ONCE(d[0x110 / 8]), 2000));
	KTEST_EXPECT_EQ(test, d[3], 0UL);			/* WNOHANG: alive */
	child = find_get_task_by_vpid(d[1]);
	KTEST_ASSERT_NOT_NULL(test, child);
	KTEST_EXPECT_TRUE(test, is_child_of(child, k));
	WRITE_ONCE(d[0x108 / 8], 1);
	KTEST_EXPECT_TRUE(test, ktest_wait_for(task_state_to_char(child) == 'Z', 2000));
	KTEST_EXPECT_EQ(test, child->exit_state, EXIT_ZOMBIE);
	KTEST_EXPECT_TRUE(test, proc_stat_state_is(child->pid, 'Z'));
	KTEST_EXPECT_TRUE(test, is_child_of(child, k));		/* still its child */
	WRITE_ONCE(d[0x100 / 8], 1);
	KTEST_EXPECT_EQ(test, proc_task_wait(k), 0);
	KTEST_EXPECT_EQ(test, d[5], d[1]);
	KTEST_EXPECT_EQ(test, (u32)d[4], 3U << 8);
	KTEST_EXPECT_EQ(test, (long)d[6], -ECHILD);
	KTEST_EXPECT_EQ(test, child->exit_state, EXIT_DEAD);
	put_task_struct(child);
	KTEST_EXPECT_TRUE(test, pid_gone(d[1]));
out:
	proc_env_destroy(&env);
}

static void an_orphan_goes_to_init(struct ktest *test)
{
	struct task_struct *init, *child;
	struct proc_env env;
	unsigned long *d;
	unsigned long flags;

	if (!proc_env_create(test, &env))
		return;
	d = env_data(&env);
	KTEST_EXPECT_EQ(test, run_stub(test, &env, proc_orphan, 0), 0);
	child = find_get_task_by_vpid(d[1]);
	KTEST_ASSERT_NOT_NULL(test, child);
	read_lock_irqsave(&tasklist_lock, flags);
	init = find_task_by_vpid(1);
	read_unlock_irqrestore(&tasklist_lock, flags);
	KTEST_EXPECT_TRUE(test, is_child_of(child, init));
	KTEST_EXPECT_EQ(test, child->exit_signal, SIGCHLD);
	WRITE_ONCE(d[0x108 / 8], 1);
	wait_for_completion(&child->exited);
	KTEST_EXPECT_EQ(test, d[2], 1UL);			/* its getppid() */
	/* init is a kernel thread (the tests' runner): it ignores SIGCHLD, so no zombie. */
	KTEST_EXPECT_EQ(test, child->exit_state, EXIT_DEAD);
	KTEST_EXPECT_FALSE(test, is_child_of(child, init));
	put_task_struct(child);
	KTEST_EXPECT_TRUE(test, pid_gone(d[1]));
	expect_quiet(test, &env);
	proc_env_destroy(&env);
}

static void vfork_parent_waits_for_the_child_to_exit(struct ktest *test)
{
	struct proc_env env;
	unsigned long *d;

	if (!proc_env_create(test, &env))
		return;
	d = env_data(&env);
	KTEST_EXPECT_EQ(test, run_stub(test, &env, proc_vfork, 0), 0);
	KTEST_EXPECT_EQ(test, d[1], 2UL);		/* the child had finished */
	KTEST_EXPECT_EQ(test, d[4], d[2]);
	KTEST_EXPECT_EQ(test, (u32)d[3], 9U << 8);
	expect_quiet(test, &env);
	proc_env_destroy(&env);
}

static void rlimits_are_read_set_and_checked_per_process(struct ktest *test)
{
	struct proc_env env;
	struct rlimit *r;
	unsigned long *d;

	if (!proc_env_create(test, &env))
		return;
	d = env_data(&env);
	r = (struct rlimit *)((char *)d + 0x100);
	r[1] = (struct rlimit){ 10, 5 };		/* 0x110: cur > max */
	r[2] = (struct rlimit){ 10, NR_OPEN + 1 };	/* 0x120: above nr_open */
	r[3] = (struct rlimit){ 100, 200 };		/* 0x130 */
	r[9] = (struct rlimit){ 300, 8192 };		/* 0x190: a higher hard limit */
	KTEST_EXPECT_EQ(test, run_stub(test, &env, proc_rlimits, 0), 0);
	KTEST_EXPECT_EQ(test, d[0], 0UL);
	KTEST_EXPECT_EQ(test, r[0].rlim_cur, (unsigned long)INR_OPEN_CUR);
	KTEST_EXPECT_EQ(test, r[0].rlim_max, (unsigned long)INR_OPEN_MAX);
	KTEST_EXPECT_EQ(test, (long)d[1], -EINVAL);
	KTEST_EXPECT_EQ(test, (long)d[2], -EPERM);
	KTEST_EXPECT_EQ(test, d[3], 0UL);
	KTEST_EXPECT_EQ(test, d[4], 0UL);
	KTEST_EXPECT_EQ(test, r[4].rlim_cur, 100UL);
	KTEST_EXPECT_EQ(test, r[4].rlim_max, 200UL);
	KTEST_EXPECT_EQ(test, d[5], 0UL);			/* prlimit64(0, ...) */
	KTEST_EXPECT_EQ(test, r[5].rlim_cur, 100UL);
	KTEST_EXPECT_EQ(test, r[5].rlim_max, 200UL);
	KTEST_EXPECT_EQ(test, (long)d[6], -ESRCH);
	KTEST_EXPECT_EQ(test, (long)d[7], -EINVAL);
	KTEST_EXPECT_EQ(test, d[8], 0UL);			/* root raises its hard limit */
	KTEST_EXPECT_EQ(test, r[10].rlim_cur, 100UL);	/* 0x1a0: the old value */
	KTEST_EXPECT_EQ(test, r[10].rlim_max, 200UL);
	KTEST_EXPECT_EQ(test, (long)d[9], -EFAULT);
	/* The parent's (init_signal's) are untouched. */
	KTEST_EXPECT_EQ(test, r[8].rlim_cur, (unsigned long)INR_OPEN_CUR);
	KTEST_EXPECT_EQ(test, r[8].rlim_max, (unsigned long)INR_OPEN_MAX);
	KTEST_EXPECT_EQ(test, init_signal.rlim[RLIMIT_NOFILE].rlim_cur, (unsigned long)INR_OPEN_CUR);
	proc_env_destroy(&env);
}

static void nproc_limit_is_set_from_memory(struct ktest *test)
{
	KTEST_EXPECT_GE(test, max_threads, 20);
	KTEST_EXPECT_EQ(test, init_signal.rlim[RLIMIT_NPROC].rlim_cur, (unsigned long)max_threads / 2);
	KTEST_EXPECT_EQ(test, init_signal.rlim[RLIMIT_NPROC].rlim_max, (unsigned long)max_threads / 2);
}

static void id_calls_answer_root_and_the_pid(struct ktest *test)
{
	struct proc_start st;
	struct proc_env env;
	struct task_struct *k;
	unsigned long *d;
	pid_t pid;
	u32 *ids;

	if (!proc_env_create(test, &env))
		return;
	d = env_data(&env);
	memset((char *)d + 0x100, 0xff, 0x30);
	st = (struct proc_start){ .mm = &env.mm, .stub = proc_ids };
	k = proc_task_start(test, &st);
	if (!k)
		goto out;
	pid = k->pid;	/* k is freed once waited for */
	KTEST_EXPECT_EQ(test, proc_task_wait(k), 0);
	ids = (u32 *)((char *)d + 0x100);
	KTEST_EXPECT_EQ(test, d[0] | d[1] | d[2] | d[3] | d[4] | d[5], 0UL);
	KTEST_EXPECT_EQ(test, ids[0] | ids[1] | ids[2] | ids[4] | ids[5] | ids[6], 0U);
	KTEST_EXPECT_EQ(test, d[6], d[7]);			/* set_tid_address() */
	KTEST_EXPECT_EQ(test, d[7], (unsigned long)pid);
	/* A kernel thread's process group and session are 0, as Linux's. */
	KTEST_EXPECT_EQ(test, d[8], 0UL);
	KTEST_EXPECT_EQ(test, d[9], 0UL);
	KTEST_EXPECT_EQ(test, d[10], 0UL);
	KTEST_EXPECT_EQ(test, (long)d[11], -ESRCH);
	KTEST_EXPECT_EQ(test, (long)d[12], -EFAULT);
out:
	proc_env_destroy(&env);
}

static void bad_clone_and_wait_arguments_are_refused(struct ktest *test)
{
	struct clone_args *a;
	struct proc_env env;
	unsigned long *d;

	if (!proc_env_create(test, &env))
		return;
	d = env_data(&env);
	a = (struct clone_args *)((char *)d + 0x100);
	a->flags = CLONE_VM;
	a->exit_signal = SIGCHLD;
	((u64 *)a)[11] = 1;				/* a field beyond this kernel's */
	a = (struct clone_args *)((char *)d + 0x200);
	a->exit_signal = 65;
	a = (struct clone_args *)((char *)d + 0x300);
	a->stack = CHILD_STACK;				/* without a size */
	KTEST_EXPECT_EQ(test, run_stub(test, &env, proc_refusals, 0), 0);
	KTEST_EXPECT_EQ(test, (long)d[0], -EINVAL);	/* CLONE_THREAD: not yet */
	KTEST_EXPECT_EQ(test, (long)d[1], -EINVAL);	/* CLONE_SIGHAND without CLONE_VM */
	KTEST_EXPECT_EQ(test, (long)d[2], -EINVAL);	/* CLONE_FS | CLONE_NEWNS */
	KTEST_EXPECT_EQ(test, (long)d[3], -EPERM);	/* a kernel TLS */
	KTEST_EXPECT_EQ(test, (long)d[4], -EINVAL);	/* clone3() size 32 */
	KTEST_EXPECT_EQ(test, (long)d[5], -E2BIG);	/* size 8192 */
	KTEST_EXPECT_EQ(test, (long)d[6], -E2BIG);	/* an unknown field set */
	KTEST_EXPECT_EQ(test, (long)d[7], -EINVAL);	/* exit signal 65 */
	KTEST_EXPECT_EQ(test, (long)d[8], -EINVAL);	/* stack without size */
	KTEST_EXPECT_EQ(test, (long)d[9], -EINVAL);	/* wait4(WNOWAIT) */
	KTEST_EXPECT_EQ(test, (long)d[10], -EINVAL);	/* waitid() without WEXITED */
	KTEST_EXPECT_EQ(test, (long)d[11], -EINVAL);	/* waitid(7, ...) */
	KTEST_EXPECT_EQ(test, (long)d[12], -ESRCH);	/* wait4(INT_MIN) */
	KTEST_EXPECT_EQ(test, (long)d[13], -ECHILD);
	KTEST_EXPECT_EQ(test, (long)d[14], -EFAULT);
	expect_quiet(test, &env);
	proc_env_destroy(&env);
}

/* Linux's siginfo_t for a child, as waitid() fills it. */
static void expect_child_siginfo(struct ktest *test, const void *p, pid_t pid, int status)
{
	const struct kernel_siginfo *si = p;

	KTEST_EXPECT_EQ(test, si->si_signo, SIGCHLD);
	KTEST_EXPECT_EQ(test, si->si_errno, 0);
	KTEST_EXPECT_EQ(test, si->si_code, 1);		/* CLD_EXITED */
	KTEST_EXPECT_EQ(test, si->si_pid, pid);
	KTEST_EXPECT_EQ(test, si->si_uid, 0U);
	KTEST_EXPECT_EQ(test, si->si_status, status);
}

static void clone3_sets_tls_tids_stack_and_waitid_reports(struct ktest *test)
{
	struct clone_args *a;
	struct proc_env env;
	unsigned long *d;
	pid_t pid;

	if (!proc_env_create(test, &env))
		return;
	d = env_data(&env);
	a = (struct clone_args *)((char *)d + 0x400);
	a->flags = CLONE_VM | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID |
		   CLONE_CHILD_CLEARTID;
	a->child_tid = USER_DATA + 0x500;
	a->parent_tid = USER_DATA + 0x508;
	a->exit_signal = SIGCHLD;
	a->stack = USER_STACK;
	a->stack_size = PAGE_SIZE;
	a->tls = USER_DATA + 0x600;
	d[0x600 / 8] = 0x7153;
	memset((char *)d + 0x880, 0xff, 32);
	KTEST_EXPECT_EQ(test, run_stub(test, &env, proc_clone3, 0), 0);
	pid = d[4];
	KTEST_EXPECT_GT(test, pid, 0);
	KTEST_EXPECT_EQ(test, d[1], 0x7153UL);			/* %fs:0 */
	KTEST_EXPECT_EQ(test, d[2], (unsigned long)pid);	/* CLONE_CHILD_SETTID */
	KTEST_EXPECT_EQ(test, d[3], USER_STACK + PAGE_SIZE);	/* stack + stack_size */
	KTEST_EXPECT_EQ(test, *(int *)((char *)d + 0x508), pid);	/* CLONE_PARENT_SETTID */
	KTEST_EXPECT_EQ(test, *(int *)((char *)d + 0x500), 0);	/* cleared at exit */
	KTEST_EXPECT_EQ(test, d[5], 0UL);
	expect_child_siginfo(test, (char *)d + 0x700, pid, 6);	/* WNOWAIT: still there */
	KTEST_EXPECT_EQ(test, d[6], 0UL);
	expect_child_siginfo(test, (char *)d + 0x780, pid, 6);
	KTEST_EXPECT_EQ(test, (long)d[7], -ECHILD);		/* then reaped */
	KTEST_EXPECT_EQ(test, ((struct kernel_siginfo *)((char *)d + 0x880))->si_signo, 0);
	expect_quiet(test, &env);
	proc_env_destroy(&env);
}

static void a_child_without_exit_signal_needs_wclone(struct ktest *test)
{
	struct proc_env env;
	unsigned long *d;

	if (!proc_env_create(test, &env))
		return;
	d = env_data(&env);
	KTEST_EXPECT_EQ(test, run_stub(test, &env, proc_wclone, 0), 0);
	KTEST_EXPECT_EQ(test, (long)d[1], -ECHILD);
	KTEST_EXPECT_EQ(test, d[2], d[0]);
	KTEST_EXPECT_EQ(test, *(u32 *)((char *)d + 0x100), 1U << 8);
	expect_quiet(test, &env);
	proc_env_destroy(&env);
}

/* ---- kernel-side clones ------------------------------------------------ */

/* What the storm and the fault-injection case count. */
struct proc_counts {
	/* in the caches of a child's signal, files, fs, FPU; mms, VMAs, anon_vmas, chains */
	unsigned long objects[8];
	unsigned long stack_kb, tables, free;
	int threads;
};

struct proc_caches {
	struct kmem_cache *cache[8];
};

static struct kmem_cache *cache_of(const void *obj)
{
	return virt_to_slab(obj)->slab_cache;
}

static void proc_counts_get(const struct proc_caches *c, struct proc_counts *n)
{
	unsigned long flags;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(c->cache); i++) {
		n->objects[i] = objects_in_use(c->cache[i]);
		kmem_cache_shrink(c->cache[i]);
	}
	n->stack_kb = kernel_stack_kb();
	n->tables = global_zone_page_state(NR_PAGETABLE);
	n->free = free_pages_settled();
	read_lock_irqsave(&tasklist_lock, flags);
	n->threads = nr_threads;
	read_unlock_irqrestore(&tasklist_lock, flags);
}

/* A user child of the caller that runs exit_group(0); its caches into @c. */
static pid_t probe_child(struct proc_caches *c, u64 flags)
{
	struct kernel_clone_args args = { .flags = flags, .exit_signal = SIGCHLD };
	struct task_struct *p = copy_process(&args);
	pid_t pid;

	if (IS_ERR(p))
		return PTR_ERR(p);
	c->cache[0] = cache_of(p->signal);
	c->cache[1] = cache_of(p->files);
	c->cache[2] = cache_of(p->fs);
	c->cache[3] = cache_of(p->thread.fpu);
	c->cache[4] = mm_cachep;
	c->cache[5] = vm_area_cachep;
	c->cache[6] = anon_vma_cachep;
	c->cache[7] = anon_vma_chain_cachep;
	pid = p->pid;
	wake_up_process(p);
	return pid;
}

struct storm {
	u64 flags;		/* of every clone */
	unsigned int n;		/* clones */
	unsigned int ok, enomem, bad;	/* children reaped with status 0, refusals, other */
	struct proc_counts before, after;
	bool settled;
};

/* One child probed for its caches and reaped, then the counts before the case. */
static bool probe_baseline(struct storm *s, struct proc_caches *c)
{
	unsigned long kb = kernel_stack_kb();
	pid_t pid = probe_child(c, s->flags);

	if (pid < 0 || kernel_wait(pid, NULL) != pid)
		return false;
	wait_for_stacks_freed(kb);
	proc_counts_get(c, &s->before);
	return true;
}

/* Clone and reap one child; count what happened. */
static void storm_one(struct storm *s)
{
	struct kernel_clone_args args = { .flags = s->flags, .exit_signal = SIGCHLD };
	pid_t pid = kernel_clone(&args);
	int status = -1;

	if (pid == -ENOMEM) {
		s->enomem++;
		return;
	}
	if (pid > 0 && kernel_wait(pid, &status) == pid && status == 0)
		s->ok++;
	else
		s->bad++;
}

/* Back at the baseline: every count equal. */
static bool counts_back(const struct proc_counts *a, const struct proc_counts *b)
{
	return !memcmp(a->objects, b->objects, sizeof(a->objects)) &&
	       a->stack_kb == b->stack_kb && a->tables == b->tables &&
	       a->threads == b->threads && a->free == b->free;
}

static bool storm_settled(struct storm *s, const struct proc_caches *c)
{
	proc_counts_get(c, &s->after);
	return counts_back(&s->after, &s->before);
}

/* The user task's kernel part: a probe clone, the baseline, the storm, the counts again. */
static int storm_run(struct proc_start *st)
{
	struct storm *s = st->arg;
	struct proc_caches c;
	unsigned int i;

	if (!probe_baseline(s, &c))
		return -ECHILD;
	for (i = 0; i < s->n; i++)
		storm_one(s);
	s->settled = ktest_wait_for(storm_settled(s, &c), 2000);
	return 0;
}

static void expect_counts_eq(struct ktest *test, const struct proc_counts *a,
			     const struct proc_counts *b)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(a->objects); i++)
		KTEST_EXPECT_EQ(test, a->objects[i], b->objects[i]);
	KTEST_EXPECT_EQ(test, a->stack_kb, b->stack_kb);
	KTEST_EXPECT_EQ(test, a->tables, b->tables);
	KTEST_EXPECT_EQ(test, a->free, b->free);
	KTEST_EXPECT_EQ(test, a->threads, b->threads);
}

/* Run @fn(@s) as a user task of @mm, which then runs exit_group(0). */
static void run_storm_in(struct ktest *test, struct mm_struct *mm, struct storm *s,
			 int (*fn)(struct proc_start *))
{
	struct proc_start st = { .mm = mm, .stub = proc_exit0, .before = fn, .arg = s };

	KTEST_EXPECT_EQ(test, run_start(test, &st), 0);
}

static void run_storm(struct ktest *test, struct storm *s, int (*fn)(struct proc_start *))
{
	struct proc_env env;

	if (!proc_env_create(test, &env))
		return;
	run_storm_in(test, &env.mm, s, fn);
	proc_env_destroy(&env);
}

/* 200 clones, each child exiting at once and reaped: every count is back. */
static void a_storm_of_clones_leaves_nothing_behind(struct ktest *test)
{
	struct storm s = { .flags = CLONE_VM, .n = 200 };

	run_storm(test, &s, storm_run);
	KTEST_EXPECT_EQ(test, s.ok, 200U);
	KTEST_EXPECT_EQ(test, s.enomem + s.bad, 0U);
	KTEST_EXPECT_TRUE(test, s.settled);
	expect_counts_eq(test, &s.after, &s.before);
}

/*
 * Clones with slab (@slab) or page allocations failing after @space
 * bytes, the space growing until a clone succeeds: each earlier one fails
 * at a later allocation, and every failure must be -ENOMEM.
 */
static void nomem_sweep(struct storm *s, bool slab, long step)
{
	struct fail_page_alloc_attr saved_pages = fail_page_alloc;
	struct failslab_attr saved_slab = failslab;
	bool pages_on = fail_page_alloc_enabled, slab_on = failslab_enabled;
	unsigned int ok = s->ok;
	long space;

	for (space = 0; space < 65536 && s->ok == ok && !s->bad; space += step) {
		if (slab)
			fail_slab_always(space);
		else
			fail_pages_always(space, 0);
		storm_one(s);
		fail_page_alloc = saved_pages;
		failslab = saved_slab;
		fail_page_alloc_enabled = pages_on;
		failslab_enabled = slab_on;
	}
}

/* Every slab allocation of a clone failing in turn, then every page allocation. */
static void nomem_sweeps(struct storm *s)
{
	s->ok = s->enomem = s->bad = 0;
	nomem_sweep(s, true, 16);
	nomem_sweep(s, false, 512);
}

/*
 * A first round, then the measured one: the first may leave what the
 * kernel keeps for good once made (a page table of the vmalloc space for
 * a stack's area, as Linux's), the second must leave nothing.
 */
static int nomem_run(struct proc_start *st)
{
	struct storm *s = st->arg;
	struct proc_caches c;

	nomem_sweeps(s);
	if (!probe_baseline(s, &c))
		return -ECHILD;
	nomem_sweeps(s);
	s->settled = ktest_wait_for(storm_settled(s, &c), 2000);
	return 0;
}

static void a_clone_without_memory_fails_cleanly(struct ktest *test)
{
	struct storm s = { .flags = CLONE_VM };

	run_storm(test, &s, nomem_run);
	KTEST_EXPECT_EQ(test, s.ok, 2U);
	/* slab: signal, files, fs, FPU (some once per new slab); pages: task, stack */
	KTEST_EXPECT_GE(test, s.enomem, 6U);
	KTEST_EXPECT_EQ(test, s.bad, 0U);
	KTEST_EXPECT_TRUE(test, s.settled);
	expect_counts_eq(test, &s.after, &s.before);
}

/* copy_process() refuses a task past max_threads with -EAGAIN. */
static int max_threads_run(struct proc_start *st)
{
	struct storm *s = st->arg;
	struct kernel_clone_args args = { .flags = CLONE_VM, .exit_signal = SIGCHLD };
	int saved = max_threads;
	unsigned long flags;
	pid_t pid;

	read_lock_irqsave(&tasklist_lock, flags);
	max_threads = nr_threads;
	read_unlock_irqrestore(&tasklist_lock, flags);
	pid = kernel_clone(&args);
	max_threads = saved;
	s->bad = pid == -EAGAIN ? 0 : 1;
	if (pid > 0)
		kernel_wait(pid, NULL);
	return 0;
}

static void clone_past_max_threads_is_eagain(struct ktest *test)
{
	struct proc_start st = { .stub = proc_exit0, .before = max_threads_run };
	struct storm s = {};
	struct proc_env env;

	if (!proc_env_create(test, &env))
		return;
	st.mm = &env.mm;
	st.arg = &s;
	KTEST_EXPECT_EQ(test, run_start(test, &st), 0);
	KTEST_EXPECT_EQ(test, s.bad, 0U);
	proc_env_destroy(&env);
}

/* ---- fork: a copied address space ------------------------------------- */

#define VM_RW		(VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)
#define VM_RX		(VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)

/* A private anonymous VMA [@start, @end) of @mm: what mmap() makes (never RW in the ptes). */
static bool fork_add_vma(struct mm_struct *mm, unsigned long start, unsigned long end,
			 unsigned long flags)
{
	struct vm_area_struct *vma = vm_area_alloc(mm);
	pteval_t prot = _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED;

	if (!vma)
		return false;
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = flags;
	vma->vm_page_prot = __pgprot(flags & VM_EXEC ? prot : prot | _PAGE_NX);
	mmap_write_lock(mm);
	if (insert_vm_struct(mm, vma)) {
		mmap_write_unlock(mm);
		vm_area_free(vma);
		return false;
	}
	vm_stat_account(mm, flags, vma_pages(vma));
	mmap_write_unlock(mm);
	return true;
}

/* The page @mm maps at @addr, faulting it in for writing (a private copy), or NULL. */
static void *fork_page(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	pmd_t *pmd;
	pte_t pte;
	void *page = NULL;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	if (vma && !(handle_mm_fault(vma, addr, FAULT_FLAG_WRITE, NULL) & VM_FAULT_ERROR)) {
		pmd = pmd_offset(pud_offset(p4d_offset(pgd_offset(mm, addr), addr), addr), addr);
		pte = *pte_offset_kernel(pmd, addr);
		if (pte_present(pte))
			page = page_address(pfn_to_page(pte_pfn(pte)));
	}
	mmap_read_unlock(mm);
	return page;
}

/* An mm with the stubs at USER_CODE and a data page at USER_DATA, as exec would leave one. */
static struct mm_struct *fork_mm(struct ktest *test)
{
	struct mm_struct *mm = mm_alloc();
	void *code;

	KTEST_ASSERT_NOT_NULL(test, mm);
	if (!fork_add_vma(mm, USER_CODE, USER_CODE + PAGE_SIZE, VM_RX) ||
	    !fork_add_vma(mm, USER_DATA, USER_DATA + PAGE_SIZE, VM_RW) ||
	    !(code = fork_page(mm, USER_CODE)) || !fork_page(mm, USER_DATA)) {
		mmput(mm);
		KTEST_ASSERT_TRUE(test, false);
	}
	memcpy(code, proc_stubs, proc_stubs_end - proc_stubs);
	return mm;
}

static void fork_gives_the_child_its_own_copy_of_memory(struct ktest *test)
{
	struct mm_struct *mm = fork_mm(test);
	struct proc_start st = { .mm = mm, .stub = proc_fork };
	unsigned long *d;
	struct rusage *ru;

	KTEST_EXPECT_EQ(test, run_start(test, &st), 0);
	d = fork_page(mm, USER_DATA);
	KTEST_ASSERT_NOT_NULL(test, d);
	KTEST_EXPECT_EQ(test, d[0], 1UL);		/* the child wrote its own copy */
	KTEST_EXPECT_EQ(test, d[5], 1UL);
	KTEST_EXPECT_EQ(test, d[1], 0UL);		/* and its pid there */
	KTEST_EXPECT_GT(test, d[2], 0UL);
	KTEST_EXPECT_EQ(test, d[4], d[2]);
	KTEST_EXPECT_EQ(test, (u32)d[3], 7U << 8);	/* it saw its own 2 */
	ru = (struct rusage *)((char *)d + 0x100);
	KTEST_EXPECT_GE(test, ru->ru_minflt, 1L);	/* its copy-on-write fault */
	KTEST_EXPECT_EQ(test, atomic_read(&mm->mm_users), 1);
	mmput(mm);
}

/* 200 forks of a real address space, each child exiting at once: every count is back. */
static void a_storm_of_forks_leaves_nothing_behind(struct ktest *test)
{
	struct mm_struct *mm = fork_mm(test);
	struct storm s = { .flags = 0, .n = 200 };

	run_storm_in(test, mm, &s, storm_run);
	mmput(mm);
	KTEST_EXPECT_EQ(test, s.ok, 200U);
	KTEST_EXPECT_EQ(test, s.enomem + s.bad, 0U);
	KTEST_EXPECT_TRUE(test, s.settled);
	expect_counts_eq(test, &s.after, &s.before);
}

/* Forks with allocations failing, dup_mm()'s included: -ENOMEM and nothing kept. */
static void a_fork_without_memory_fails_cleanly(struct ktest *test)
{
	struct mm_struct *mm = fork_mm(test);
	struct storm s = { .flags = 0 };

	run_storm_in(test, mm, &s, nomem_run);
	mmput(mm);
	KTEST_EXPECT_EQ(test, s.ok, 2U);
	KTEST_EXPECT_GE(test, s.enomem, 8U);
	KTEST_EXPECT_EQ(test, s.bad, 0U);
	KTEST_EXPECT_TRUE(test, s.settled);
	expect_counts_eq(test, &s.after, &s.before);
}

static struct ktest_case process_cases[] = {
	KTEST_CASE(clone_child_sees_zero_and_parent_its_pid),
	KTEST_CASE(clone_child_parent_is_the_caller),
	KTEST_CASE(a_child_killed_by_a_fault_has_a_signal_status),
	KTEST_CASE(an_exited_child_is_a_zombie_until_reaped),
	KTEST_CASE(an_orphan_goes_to_init),
	KTEST_CASE(vfork_parent_waits_for_the_child_to_exit),
	KTEST_CASE(rlimits_are_read_set_and_checked_per_process),
	KTEST_CASE(nproc_limit_is_set_from_memory),
	KTEST_CASE(id_calls_answer_root_and_the_pid),
	KTEST_CASE(bad_clone_and_wait_arguments_are_refused),
	KTEST_CASE(clone3_sets_tls_tids_stack_and_waitid_reports),
	KTEST_CASE(a_child_without_exit_signal_needs_wclone),
	KTEST_CASE(a_storm_of_clones_leaves_nothing_behind),
	KTEST_CASE(a_clone_without_memory_fails_cleanly),
	KTEST_CASE(clone_past_max_threads_is_eagain),
	KTEST_CASE(fork_gives_the_child_its_own_copy_of_memory),
	KTEST_CASE(a_storm_of_forks_leaves_nothing_behind),
	KTEST_CASE(a_fork_without_memory_fails_cleanly),
	{}
};

static struct ktest_suite process_suite = {
	.name = "process",
	.init = ktest_pause_fault_injection,
	.exit = ktest_resume_fault_injection,
	.test_cases = process_cases,
};
ktest_register_suite(process_suite);
