/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU exceptions (arch/x86_64/traps.c): vector numbers, the oops report, and
 * catching an exception on purpose (for tests that must fault).
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

struct exception_info {
	int vector;
	unsigned long error_code;
	unsigned long address;		/* CR2 for a page fault, else 0 */
	unsigned long ip;		/* the faulting instruction */
};

/* Load the IDT and the GDT with its TSS for @cpu (boot CPU: 0). */
void trap_init(void);

/* A caught exception's report, then recovery; see ktest_catch_exception. */
bool catch_exception(void (*fn)(void *), void *arg, struct exception_info *info);

/* Human name of an exception vector ("page fault", "invalid opcode", ...). */
const char *exception_name(int vector);

void show_regs(const struct pt_regs *regs);

/* Exceptions reported since boot (caught or not); tests compare it. */
extern unsigned long oops_count;

#endif /* _ASM_TRAPS_H */
