/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The loader: from GRUB's 32-bit protected mode to start_kernel() in the
 * higher half.
 *
 * GRUB (multiboot2) enters _start in 32-bit protected mode, paging off, with
 * EAX = the multiboot2 magic and EBX = the physical address of the boot
 * information. Everything in this file runs at its physical address except
 * the last stage, so it lives in .boot, linked with VMA == LMA.
 *
 *   _start (32-bit)  magic check, CPUID check for long mode and NX, early
 *                    page tables, PAE + EFER.LME/NXE + paging, far jump
 *   startup_64       jump to the higher half
 *   high_64          data segments, clear BSS, boot stack, start_kernel()
 *
 * The early page tables map, with 2 MiB pages, the first GiB of physical
 * memory three times: identity (to survive enabling paging), at the direct
 * map PAGE_OFFSET and at the kernel image base __START_KERNEL_map. The memory
 * layer replaces them with tables built from the memory map.
 *
 * A failure before long mode prints one line on COM1 and halts: the kernel
 * has no other way to say what went wrong yet.
 */
#include <asm/page.h>
#include <asm/boot.h>

#define MB2_HEADER_MAGIC	0xe85250d6
#define MB2_ARCH_I386		0
#define MB2_TAG_END		0
#define MB2_TAG_INFO_REQ	1
#define MB2_TAG_OPTIONAL	1
#define COM1			0x3f8

	.section .multiboot, "a"
	.balign 8
mb2_header:
	.long MB2_HEADER_MAGIC
	.long MB2_ARCH_I386
	.long mb2_header_end - mb2_header
	.long -(MB2_HEADER_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))
	/* Information request: command line, loader name, modules, memory map. */
	.balign 8
	.short MB2_TAG_INFO_REQ
	.short 0
	.long 8 + 4 * 4
	.long 1, 2, 3, 6
	/* ACPI RSDP tags, optional: a loader without them still boots us. */
	.balign 8
	.short MB2_TAG_INFO_REQ
	.short MB2_TAG_OPTIONAL
	.long 8 + 4 * 2
	.long 14, 15
	.balign 8
	.short MB2_TAG_END
	.short 0
	.long 8
mb2_header_end:

	.section .boot.text, "ax"
	.code32
	.globl _start
_start:
	cli
	cld
	movl	$boot32_stack_top, %esp
	movl	%eax, boot_mb_magic
	movl	%ebx, boot_mb_info
	call	early_serial_init

	cmpl	$MULTIBOOT2_BOOTLOADER_MAGIC, %eax
	jne	.Lbad_magic

	/* Long mode and NX are reported in CPUID leaf 0x80000001 EDX. */
	movl	$0x80000000, %eax
	cpuid
	cmpl	$0x80000001, %eax
	jb	.Lno_long_mode
	movl	$0x80000001, %eax
	cpuid
	btl	$29, %edx
	jnc	.Lno_long_mode
	btl	$20, %edx
	jnc	.Lno_nx

	/* PAE on, the early PML4 in CR3. */
	movl	%cr4, %eax
	orl	$(1 << 5), %eax
	movl	%eax, %cr4
	movl	$early_pml4, %eax
	movl	%eax, %cr3

	/* EFER: long mode enable and no-execute enable. */
	movl	$0xc0000080, %ecx
	rdmsr
	orl	$((1 << 8) | (1 << 11)), %eax
	wrmsr

	/* Paging, write protection for the kernel too, protected mode. */
	movl	%cr0, %eax
	orl	$((1 << 31) | (1 << 16) | 1), %eax
	movl	%eax, %cr0

	lgdt	early_gdt_desc
	ljmp	$BOOT_CS, $startup_64

.Lbad_magic:
	movl	$msg_bad_magic, %esi
	jmp	.Lfail
.Lno_long_mode:
	movl	$msg_no_lm, %esi
	jmp	.Lfail
.Lno_nx:
	movl	$msg_no_nx, %esi
.Lfail:
	call	early_serial_puts
1:	hlt
	jmp	1b

/* 115200 8N1, FIFO on; the same settings drivers/serial.c uses later. */
early_serial_init:
	pushl	%eax
	pushl	%edx
	movw	$COM1 + 1, %dx
	xorb	%al, %al
	outb	%al, %dx		/* no interrupts */
	movw	$COM1 + 3, %dx
	movb	$0x80, %al
	outb	%al, %dx		/* DLAB */
	movw	$COM1, %dx
	movb	$1, %al
	outb	%al, %dx		/* divisor 1: 115200 baud */
	movw	$COM1 + 1, %dx
	xorb	%al, %al
	outb	%al, %dx
	movw	$COM1 + 3, %dx
	movb	$3, %al
	outb	%al, %dx		/* 8N1 */
	movw	$COM1 + 2, %dx
	movb	$0xc7, %al
	outb	%al, %dx		/* FIFO */
	popl	%edx
	popl	%eax
	ret

/* Print the NUL-terminated string at %esi. */
early_serial_puts:
1:	lodsb
	testb	%al, %al
	jz	3f
	movb	%al, %ah
	movw	$COM1 + 5, %dx
2:	inb	%dx, %al
	testb	$0x20, %al
	jz	2b
	movb	%ah, %al
	movw	$COM1, %dx
	outb	%al, %dx
	jmp	1b
3:	ret

	.code64
startup_64:
	movabsq	$high_64, %rax
	jmp	*%rax

	.section .boot.data, "aw"
msg_bad_magic:
	.asciz	"boot: not loaded by a multiboot2 loader (bad magic in EAX); halting\r\n"
msg_no_lm:
	.asciz	"boot: this CPU does not support long mode (x86-64); halting\r\n"
msg_no_nx:
	.asciz	"boot: this CPU does not support the NX bit; halting\r\n"

	.balign 8
	.globl boot_mb_magic, boot_mb_info
boot_mb_magic:	.long 0
boot_mb_info:	.long 0

	.balign 16
early_gdt:
	.quad 0
	.quad 0x00af9a000000ffff	/* BOOT_CS: 64-bit code */
	.quad 0x00cf92000000ffff	/* BOOT_DS: data */
early_gdt_end:
early_gdt_desc:
	.short early_gdt_end - early_gdt - 1
	.long early_gdt

	.balign 16
	.space 1024
boot32_stack_top:

/*
 * Early page tables. PML4 slot 0 (identity), slot 273 (PAGE_OFFSET) and
 * slot 511 (kernel image, PDPT entry 510) all lead to one page directory of
 * 512 2 MiB pages covering physical 0-1 GiB.
 */
#define PTE_P	0x001
#define PTE_W	0x002
#define PTE_PS	0x080
	.balign 4096
	.globl early_pml4
early_pml4:
	.quad early_pdpt_low + (PTE_P | PTE_W)
	.fill 272, 8, 0
	.quad early_pdpt_low + (PTE_P | PTE_W)
	.fill 237, 8, 0
	.quad early_pdpt_high + (PTE_P | PTE_W)
early_pdpt_low:
	.quad early_pd + (PTE_P | PTE_W)
	.fill 511, 8, 0
early_pdpt_high:
	.fill 510, 8, 0
	.quad early_pd + (PTE_P | PTE_W)
	.quad 0
early_pd:
	.set i, 0
	.rept 512
	.quad (i << 21) + (PTE_P | PTE_W | PTE_PS)
	.set i, i + 1
	.endr

	.text
	.code64
high_64:
	movl	$BOOT_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs

	/* Clear BSS (the loader may leave it dirty). */
	movq	$__bss_start, %rdi
	movq	$__bss_stop, %rcx
	subq	%rdi, %rcx
	shrq	$3, %rcx
	xorl	%eax, %eax
	rep stosq

	movq	$init_stack_top, %rsp
	xorl	%ebp, %ebp		/* the frame-pointer walk stops here */
	movl	boot_mb_magic, %edi
	movl	boot_mb_info, %esi
	call	start_kernel
1:	cli
	hlt
	jmp	1b

	.bss
	.balign 16384
	.globl init_stack, init_stack_top
init_stack:
	.space BOOT_STACK_SIZE
init_stack_top:
