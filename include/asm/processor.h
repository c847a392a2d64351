/* SPDX-License-Identifier: GPL-2.0 */
/* CPU control: control registers, MSRs, CPUID, halting. */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#define X86_CR0_WP	(1UL << 16)
#define X86_CR4_PAE	(1UL << 5)
#define X86_CR4_PGE	(1UL << 7)
#define X86_CR4_OSFXSR	(1UL << 9)	/* FXSAVE/FXRSTOR and SSE */
#define X86_CR4_OSXMMEXCPT (1UL << 10)	/* SIMD exceptions as #XF */
#define X86_CR4_UMIP	(1UL << 11)	/* SGDT, SIDT, SLDT, SMSW, STR: ring 0 only */
#define X86_CR4_PCIDE	(1UL << 17)	/* CR3 bits 0-11 tag translations (PCID) */
#define X86_CR4_OSXSAVE	(1UL << 18)	/* XSAVE and XCR0 */

#define MSR_EFER		0xc0000080
#define MSR_STAR		0xc0000081	/* SYSCALL/SYSRET selectors */
#define MSR_LSTAR		0xc0000082	/* 64-bit SYSCALL target */
#define MSR_CSTAR		0xc0000083	/* compatibility-mode SYSCALL target */
#define MSR_SYSCALL_MASK	0xc0000084	/* RFLAGS bits SYSCALL clears (FMASK) */
#define MSR_FS_BASE		0xc0000100
#define MSR_GS_BASE		0xc0000101
#define MSR_KERNEL_GS_BASE	0xc0000102	/* what SWAPGS exchanges with GS base */
#define EFER_SCE	(1UL << 0)	/* SYSCALL/SYSRET enabled */
#define EFER_NX		(1UL << 11)

#define X86_EFLAGS_TF	(1UL << 8)
#define X86_EFLAGS_DF	(1UL << 10)
#define X86_EFLAGS_IOPL	(3UL << 12)
#define X86_EFLAGS_NT	(1UL << 14)
#define X86_EFLAGS_RF	(1UL << 16)
#define X86_EFLAGS_FIXED (1UL << 1)	/* reads as 1 */

#ifndef __ASSEMBLER__
#include <linux/types.h>
#include <linux/compiler.h>

static inline unsigned long read_cr0(void)
{
	unsigned long v;

	__asm__ __volatile__("mov %%cr0, %0" : "=r"(v));
	return v;
}

static inline void write_cr0(unsigned long v)
{
	__asm__ __volatile__("mov %0, %%cr0" : : "r"(v) : "memory");
}

static inline unsigned long read_cr2(void)
{
	unsigned long v;

	__asm__ __volatile__("mov %%cr2, %0" : "=r"(v));
	return v;
}

static inline unsigned long read_cr3(void)
{
	unsigned long v;

	__asm__ __volatile__("mov %%cr3, %0" : "=r"(v));
	return v;
}

static inline void write_cr3(unsigned long v)
{
	__asm__ __volatile__("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline unsigned long read_cr4(void)
{
	unsigned long v;

	__asm__ __volatile__("mov %%cr4, %0" : "=r"(v));
	return v;
}

static inline void write_cr4(unsigned long v)
{
	__asm__ __volatile__("mov %0, %%cr4" : : "r"(v) : "memory");
}

static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

static inline void wrmsr(u32 msr, u64 val)
{
	__asm__ __volatile__("wrmsr" : : "c"(msr), "a"((u32)val), "d"((u32)(val >> 32)));
}

/* CPUID @leaf, subleaf @subleaf (ECX). */
static inline void cpuid_count(u32 leaf, u32 subleaf, u32 *a, u32 *b, u32 *c, u32 *d)
{
	__asm__ __volatile__("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
			     : "a"(leaf), "c"(subleaf));
}

static inline void cpuid(u32 leaf, u32 *a, u32 *b, u32 *c, u32 *d)
{
	cpuid_count(leaf, 0, a, b, c, d);
}

/* The time stamp counter, as the CPU happens to execute the read. */
static inline u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

/* Serialising read of the time stamp counter: earlier loads retire first. */
static inline u64 rdtsc_ordered(void)
{
	u32 lo, hi;

	__asm__ __volatile__("lfence; rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return ((u64)hi << 32) | lo;
}

static inline void cpu_relax(void)
{
	__asm__ __volatile__("pause" : : : "memory");
}

static inline void local_irq_disable(void)
{
	__asm__ __volatile__("cli" : : : "memory");
}

static inline void native_halt(void)
{
	__asm__ __volatile__("hlt" : : : "memory");
}

static inline unsigned long current_stack_pointer(void)
{
	unsigned long sp;

	__asm__ __volatile__("mov %%rsp, %0" : "=r"(sp));
	return sp;
}

static inline void __noreturn halt_forever(void)
{
	for (;;) {
		local_irq_disable();
		native_halt();
	}
}

/* The top of @task's kernel stack holds its user registers (entry_64.S). */
#define task_pt_regs(task) \
	((struct pt_regs *)((char *)task_stack_page(task) + THREAD_SIZE) - 1)

struct pt_regs;
/**
 * start_thread - make @regs return to user mode at @new_ip with stack @new_sp
 * @regs: the task's user registers (task_pt_regs(current))
 * @new_ip: the first user instruction
 * @new_sp: the user stack pointer
 *
 * As Linux's, for exec: the user code and data selectors, interrupts on,
 * every general register zero. The task goes there on its way out of
 * the kernel (ret_from_fork for a thread function that returns with an
 * mm, or the end of a system call). Context: process, current task.
 */
void start_thread(struct pt_regs *regs, unsigned long new_ip, unsigned long new_sp);

struct mm_struct;
struct task_struct;
/**
 * begin_user_task - make the current kernel thread a user task in @mm
 * @mm: its address space (user half mapped, kernel half init_mm's)
 *
 * The first half of Linux's exec for a kernel thread: @mm becomes the
 * task's mm and is loaded in CR3, FS and GS bases start at 0, the FPU
 * registers in their initial state (a new per-task area). start_thread()
 * then says where user mode starts; the thread function's return goes
 * there (ret_from_fork). The task takes its own user reference to @mm
 * (mmget()), which its exit drops (exit_mm()): the caller keeps or drops
 * its own.
 * Return: 0; -ENOMEM (no FPU area) or -EINVAL (already a user task), the
 * task unchanged. Context: process, a kernel thread.
 */
int begin_user_task(struct mm_struct *mm);
/*
 * exit_user_task - leave the current task's mm for init_mm, mm NULL under
 * task_lock(): exit_mm()'s switch, so that no CPU holds the mm once the
 * task's reference is dropped. Context: process.
 */
void exit_user_task(void);
/*
 * arch_switch_to - what a context switch changes in the CPU besides the
 * stack and CR3: ring-0 stack (load_sp0()), a user task's FS/GS bases and
 * FPU registers. Context: the scheduler, run-queue lock, interrupts off.
 */
void arch_switch_to(struct task_struct *prev, struct task_struct *next);

struct seq_file;
/*
 * show_cpuinfo - /proc/cpuinfo: a block per online CPU in Linux's x86
 * layout (arch/x86_64/cpuinfo.c). Context: process.
 */
int show_cpuinfo(struct seq_file *m, void *v);

#endif /* __ASSEMBLER__ */
#endif /* _ASM_PROCESSOR_H */
