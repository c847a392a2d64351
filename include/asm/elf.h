/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the ELF loader (fs/binfmt_elf.c) and exec (fs/exec.c) take from
 * the machine, Linux x86-64's values: where programs and their stack go,
 * how much of it is randomised, and what the auxiliary vector says of
 * the CPU. arch/x86_64/mmap.c computes the layout from them.
 */
#ifndef _ASM_ELF_H
#define _ASM_ELF_H

#include <asm/page.h>

/* The top of the stack before randomisation (Linux's STACK_TOP, STACK_TOP_MAX). */
#define STACK_TOP		TASK_SIZE
#define STACK_TOP_MAX		TASK_SIZE_MAX

/* Pages of stack-top randomisation: 22 bits (16 GiB), Linux's STACK_RND_MASK. */
#define STACK_RND_MASK		0x3fffffUL

/* Where an ET_DYN program goes before its random offset: 2/3 of user space. */
#define ELF_ET_DYN_BASE		(TASK_SIZE / 3 * 2)

/* Bits of mmap_base randomisation in pages (Linux's mmap_rnd_bits default). */
#define MMAP_RND_BITS		28

/* The range arch_randomize_brk() moves the heap's start within: 32 MiB. */
#define BRK_RND_RANGE		0x02000000UL

/* AT_PLATFORM's string. */
#define ELF_PLATFORM		"x86_64"

/* AT_MINSIGSTKSZ without XSAVE's signal frame size known: Linux's MINSIGSTKSZ. */
#define ELF_MINSIGSTKSZ		2048

#endif /* _ASM_ELF_H */
