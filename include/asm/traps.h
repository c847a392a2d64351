/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU exceptions (arch/x86_64/traps.c, arch/x86_64/fault.c): vector
 * numbers, the page-fault error code, the per-vector handlers, the oops
 * report, and catching an exception on purpose (for tests that must fault).
 */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <linux/types.h>
#include <asm/ptrace.h>

enum {
	X86_TRAP_DE = 0,	/* divide error */
	X86_TRAP_DB,		/* debug */
	X86_TRAP_NMI,
	X86_TRAP_BP,		/* int3 */
	X86_TRAP_OF,		/* overflow */
	X86_TRAP_BR,		/* bound range */
	X86_TRAP_UD,		/* invalid opcode */
	X86_TRAP_NM,		/* device not available */
	X86_TRAP_DF,		/* double fault */
	X86_TRAP_OLD_MF,
	X86_TRAP_TS,		/* invalid TSS */
	X86_TRAP_NP,		/* segment not present */
	X86_TRAP_SS,		/* stack segment */
	X86_TRAP_GP,		/* general protection */
	X86_TRAP_PF,		/* page fault */
	X86_TRAP_SPURIOUS,
	X86_TRAP_MF,		/* x87 floating point */
	X86_TRAP_AC,		/* alignment check */
	X86_TRAP_MC,		/* machine check */
	X86_TRAP_XF,		/* SIMD floating point */
	X86_TRAP_VE,		/* virtualisation */
	X86_TRAP_CP,		/* control protection */
	NR_EXCEPTION_VECTORS = 32,
	FIRST_EXTERNAL_VECTOR = 32,
	NR_VECTORS = 256,
};

/* Page-fault error code bits (Intel SDM vol. 3A, 4.7). */
#define X86_PF_PROT	(1UL << 0)
#define X86_PF_WRITE	(1UL << 1)
#define X86_PF_USER	(1UL << 2)
#define X86_PF_RSVD	(1UL << 3)
#define X86_PF_INSTR	(1UL << 4)
#define X86_PF_PK	(1UL << 5)	/* protection key */

struct exception_info {
	int vector;
	unsigned long error_code;
	unsigned long address;		/* CR2 for a page fault, else 0 */
	unsigned long ip;		/* the faulting instruction */
};

struct task_struct;

/*
 * A vector's handler (traps.c's exception_handlers[]), called with
 * interrupts off on the interrupted stack (DF, NMI, MC: their IST stack).
 * Returning resumes at @regs->ip.
 */
typedef void (*exception_handler_t)(struct pt_regs *regs, unsigned long error_code);

/**
 * exc_page_fault - the #PF handler: reads CR2, calls do_page_fault()
 * @regs: the exception frame
 * @error_code: the X86_PF_* bits the CPU pushed
 */
void exc_page_fault(struct pt_regs *regs, unsigned long error_code);

/**
 * do_page_fault - handle a page fault (arch/x86_64/fault.c)
 * @regs: the exception frame
 * @error_code: X86_PF_* bits
 * @address: the faulting address (CR2)
 *
 * Decodes the error code and dispatches: a fault on a user address from
 * user mode or a uaccess routine is resolved in current's mm
 * (handle_mm_fault()); one that cannot be sends the user task SIGSEGV
 * (SEGV_MAPERR, SEGV_ACCERR) or SIGBUS (force_sig_fault(), si_addr the
 * address), or resumes the uaccess routine at its fixup (-EFAULT).
 * A kernel-mode fault on a kernel address that is spurious (the entry now
 * allows the access) is flushed and retried; a SMAP violation oopses; any
 * other resumes at its exception-table fixup if the ip has one, else is
 * reported (stack guard page, free page under debug_pagealloc) and oopses.
 * Context: exception, interrupts off (on while a user fault is
 * resolved). Returns only when the faulting code may resume.
 */
void do_page_fault(struct pt_regs *regs, unsigned long error_code, unsigned long address);

/**
 * die_addr - the oops: report @regs and panic, or resume a catch_exception()
 * @str: what happened ("Oops", "general protection fault", ...)
 * @regs: the exception frame
 * @err: the error code to print
 * @address: the fault address (CR2 for a page fault, else 0), for the catch
 *
 * Context: exception. Never returns: panics, or longjmps into this CPU's
 * armed catch_exception() (not for #DF, #MC or NMI).
 */
void __noreturn die_addr(const char *str, struct pt_regs *regs, unsigned long err,
			 unsigned long address);

/* Before the first line of an oops: the console may break its locks. */
void oops_begin(const struct pt_regs *regs);

/* Did @address hit a guard page of @tsk's vmalloc'd stack (below or above)? */
bool stack_guard_hit(const struct task_struct *tsk, unsigned long address);

/*
 * handle_stack_overflow - "BUG: stack guard page was hit at ..." and the
 * oops titled @message ("kernel stack overflow (page fault)").
 */
void __noreturn handle_stack_overflow(const char *message, struct pt_regs *regs,
				      unsigned long fault_address);

/*
 * trap_init - sort the exception table, load the GDT with its TSS and the
 * IDT on the boot CPU. Context: boot, first thing.
 */
void trap_init(void);

/**
 * catch_exception - run @fn(@arg), recovering from an oops inside it
 * @fn: the function that may fault
 * @arg: its argument
 * @info: filled with the exception's vector, error code, address and ip
 *
 * An oops on this CPU while @fn runs is reported in full, then resumes
 * here. The state is per CPU: preemption is off while @fn runs, so @fn
 * must not sleep. Return: true if @fn raised an exception.
 */
bool catch_exception(void (*fn)(void *), void *arg, struct exception_info *info);

/* Human name of an exception vector ("page fault", "invalid opcode", ...). */
const char *exception_name(int vector);

void show_regs(const struct pt_regs *regs);

/* Exceptions reported since boot (caught or not); tests compare it. */
extern unsigned long oops_count;

#endif /* _ASM_TRAPS_H */
