/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The FPU, SSE and AVX registers of user tasks (arch/x86_64/fpu.c).
 *
 * The kernel itself never touches them (it is built -mgeneral-regs-only),
 * so only user state matters, and it is switched eagerly: a user task's
 * registers are saved into its struct fpu when it is switched out and
 * loaded back when it is switched in (arch_switch_to()), so while a user
 * task runs, or is in the kernel, the registers are its own. A kernel
 * thread has no area (thread.fpu NULL) and leaves the registers alone.
 * Eager is Linux's choice too since 4.6: lazy switching saves little on
 * CPUs with XSAVEOPT and leaks state through speculation (LazyFP).
 *
 * The format is XSAVE's standard form where CPUID says XSAVE is present
 * (XSAVEOPT when it is too), with every user feature the CPU has among
 * x87, SSE, AVX and AVX-512 enabled in XCR0; else FXSAVE's 512 bytes. The
 * size is CPUID leaf 0xD's for the XCR0 set; areas are 64-byte aligned,
 * from one slab cache.
 */
#ifndef _ASM_FPU_H
#define _ASM_FPU_H

#include <linux/types.h>
#include <linux/compiler.h>

/* A task's saved registers: an XSAVE (or FXSAVE) area, fpu_state_size() bytes. */
struct fpu;

/*
 * fpu__init_cpu - enable SSE (CR4.OSFXSR, OSXMMEXCPT), XSAVE (CR4.OSXSAVE
 * and XCR0) where present, and the x87 (CR0: MP on, EM and TS off) on
 * this CPU. The boot CPU decides the features on its first call.
 * Context: boot of each CPU, interrupts off.
 */
void fpu__init_cpu(void);
/* fpu__init_system - the areas' slab cache. Context: boot, after the slab allocator. */
void fpu__init_system(void);

/* fpu_state_size - the bytes of one area (XSAVE's size for XCR0, or 512). */
unsigned int fpu_state_size(void);

/**
 * fpu_alloc - an area in the initial state (as after FNINIT, MXCSR 0x1f80,
 * every vector register zero)
 * Return: the area, or NULL. Context: process, may sleep.
 */
struct fpu *fpu_alloc(void);
/**
 * fpu_clone - an area holding the calling user task's registers now: a
 * fork child's (Linux's fpu_clone())
 * Return: the area, or NULL. Context: process, a user task, may sleep.
 */
struct fpu *fpu_clone(void);
/* fpu_free - free an area from fpu_alloc() or fpu_clone() (NULL: nothing). Context: any. */
void fpu_free(struct fpu *fpu);

/* fpu_save - store this CPU's user registers into @fpu. Context: interrupts or preemption off. */
void fpu_save(struct fpu *fpu);
/* fpu_restore - load this CPU's user registers from @fpu. Context: interrupts or preemption off. */
void fpu_restore(struct fpu *fpu);

/*
 * The signal frame's copy of the registers (arch/x86_64/signal.c), in
 * Linux's layout: the XSAVE (or FXSAVE) image, its software bytes
 * (_fpx_sw_bytes, magic FP_XSTATE_MAGIC1) at byte 464, and
 * FP_XSTATE_MAGIC2 after it; 64-byte aligned.
 *
 * fpu_sigframe_size - the bytes the frame reserves for it.
 * copy_fpstate_to_sigframe - current's registers into @buf. Return: 0 or
 *	-EFAULT. Context: process, current a user task, may fault.
 * fpu_restore_sig - current's registers from @buf (NULL: the initial
 *	state), checked first so that the restore cannot fault. Return: 0,
 *	-EFAULT, -EINVAL (reserved bits set), -ENOMEM; unchanged on error.
 * fpu_reset_user - current's registers to the initial state (a handler
 *	starts with them, as Linux's fpu__clear_user_states()).
 */
unsigned int fpu_sigframe_size(void);
int copy_fpstate_to_sigframe(void __user *buf);
int fpu_restore_sig(const void __user *buf);
void fpu_reset_user(void);

#endif /* _ASM_FPU_H */
