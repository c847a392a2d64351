/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Segment descriptors, the TSS and the IDT (arch/x86_64/gdt.c, idt.c).
 * Selector values follow Linux's x86-64 GDT layout so that register dumps
 * read the same (CS 0010, SS 0018; user mode CS 0033, SS 002b).
 */
#ifndef _ASM_DESC_H
#define _ASM_DESC_H

#define GDT_ENTRY_KERNEL32_CS	1
#define GDT_ENTRY_KERNEL_CS	2
#define GDT_ENTRY_KERNEL_DS	3
#define GDT_ENTRY_USER32_CS	4
#define GDT_ENTRY_USER_DS	5
#define GDT_ENTRY_USER_CS	6
#define GDT_ENTRY_TSS		8	/* 16 bytes: entries 8 and 9 */
#define GDT_ENTRIES		16

#define __KERNEL_CS	(GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS	(GDT_ENTRY_KERNEL_DS * 8)
#define __TSS_SEL	(GDT_ENTRY_TSS * 8)
/*
 * User selectors carry RPL 3. SYSRET derives its selectors from STAR[63:48]
 * = __USER32_CS: SS = that + 8 (__USER_DS), 64-bit CS = that + 16
 * (__USER_CS), which is why the three sit in this order (SDM vol. 2B, SYSRET).
 */
#define __USER32_CS	(GDT_ENTRY_USER32_CS * 8 + 3)
#define __USER_DS	(GDT_ENTRY_USER_DS * 8 + 3)
#define __USER_CS	(GDT_ENTRY_USER_CS * 8 + 3)

#ifndef __ASSEMBLER__
#include <linux/types.h>
#include <linux/compiler.h>

/* Interrupt stack table slots (the IDT's IST field is the slot + 1). */
enum exception_stack {
	ESTACK_DF,
	ESTACK_NMI,
	ESTACK_MCE,
	N_EXCEPTION_STACKS,
};
#define EXCEPTION_STKSZ	8192

struct x86_hw_tss {
	u32 reserved1;
	u64 sp0, sp1, sp2;
	u64 reserved2;
	u64 ist[7];
	u32 reserved3;
	u32 reserved4;
	u16 reserved5;
	u16 io_bitmap_base;
} __packed;

/*
 * A CPU's stacks, for the stack walker's bounds: the one it runs on outside
 * exceptions, and its N_EXCEPTION_STACKS IST stacks, EXCEPTION_STKSZ each.
 */
struct cpu_stacks {
	unsigned long task_lo, task_hi;
	char *estacks;
};

/* Install the boot CPU's GDT and TSS. */
void gdt_init(void);
/* Install @cpu's GDT and TSS, with its IST stacks at @estacks (this CPU). */
void gdt_init_cpu(unsigned int cpu, char *estacks);
/* Build the IDT (every vector) and load it: boot CPU. */
void idt_init(void);
/* Load the IDT built by idt_init(): the other CPUs. */
void load_idt(void);

/**
 * load_sp0 - set the stack this CPU enters ring 0 on from ring 3
 * @sp0: the top of the running task's kernel stack
 *
 * Writes the TSS's rsp0 (the stack an interrupt or exception from user
 * mode starts on) and cpu_current_top_of_stack (the one entry_SYSCALL_64
 * switches to). Context: the scheduler's context switch, interrupts off.
 */
void load_sp0(unsigned long sp0);

#endif /* __ASSEMBLER__ */
#endif /* _ASM_DESC_H */
