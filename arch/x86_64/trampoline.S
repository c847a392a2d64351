/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The application processors' way from reset to the kernel.
 *
 * A started AP (INIT, then STARTUP with vector TRAMPOLINE_BASE >> 12) runs
 * in 16-bit real mode at TRAMPOLINE_BASE, where smpboot.c has copied
 * [trampoline_start, trampoline_end) and built the trampoline's page
 * tables in the three pages after it (asm/smp.h). The AP goes:
 *
 *   16-bit  load the trampoline's GDT, protected mode
 *   32-bit  PAE, CR3 = the trampoline's tables (identity map of the low
 *           2 MiB plus the kernel's upper half), EFER.LME and NXE, paging
 *   64-bit  jump to secondary_startup_64 at its kernel address
 *
 * secondary_startup_64 switches to the kernel's own tables, takes the stack
 * the boot CPU left in smpboot_stack and calls start_secondary().
 *
 * The base is fixed, inside the low 1 MiB that memblock keeps reserved, so
 * every address below is known when linking.
 */
#include <asm/page.h>
#include <asm/smp.h>

#define TR(sym)		(TRAMPOLINE_BASE + ((sym) - trampoline_start))
#define X86_CR0_PE	0x00000001
#define X86_CR0_WP	0x00010000
#define X86_CR0_PG	0x80000000
#define X86_CR4_PAE	0x00000020
#define X86_CR4_PGE	0x00000080
#define MSR_EFER	0xc0000080
#define EFER_LME	(1 << 8)
#define EFER_NX		(1 << 11)

	.section .rodata
	.balign 16
	.globl trampoline_start, trampoline_end
	.code16
trampoline_start:
	cli
	cld
	movw	%cs, %ax
	movw	%ax, %ds
	lgdtl	tr_gdt_desc - trampoline_start
	movl	%cr0, %eax
	orl	$X86_CR0_PE, %eax
	movl	%eax, %cr0
	ljmpl	$0x08, $TR(tr_pm)

	.code32
tr_pm:
	movl	$0x10, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	%cr4, %eax
	orl	$X86_CR4_PAE, %eax
	movl	%eax, %cr4
	movl	$TRAMPOLINE_PGD, %eax
	movl	%eax, %cr3
	movl	$MSR_EFER, %ecx
	rdmsr
	orl	$(EFER_LME | EFER_NX), %eax
	wrmsr
	movl	%cr0, %eax
	orl	$(X86_CR0_PG | X86_CR0_WP), %eax
	movl	%eax, %cr0
	ljmpl	$0x18, $TR(tr_lm)

	.code64
tr_lm:
	movabsq	$secondary_startup_64, %rax
	jmpq	*%rax

	.balign 8
tr_gdt:
	.quad	0
	.quad	0x00cf9a000000ffff	/* 0x08: 32-bit code */
	.quad	0x00cf92000000ffff	/* 0x10: data */
	.quad	0x00af9a000000ffff	/* 0x18: 64-bit code */
tr_gdt_end:
tr_gdt_desc:
	.word	tr_gdt_end - tr_gdt - 1
	.long	TR(tr_gdt)
trampoline_end:

	.text
	.globl secondary_startup_64
secondary_startup_64:
	movabsq	$__START_KERNEL_map, %rdx
	leaq	init_top_pgt(%rip), %rax
	subq	%rdx, %rax
	movq	%rax, %cr3
	movq	%cr4, %rax
	orq	$X86_CR4_PGE, %rax
	movq	%rax, %cr4
	movq	smpboot_stack(%rip), %rsp
	xorl	%ebp, %ebp
	call	start_secondary
	ud2
