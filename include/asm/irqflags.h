/* SPDX-License-Identifier: GPL-2.0 */
/* Interrupt flag save/restore (RFLAGS.IF, bit 9). */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#define X86_EFLAGS_IF	(1UL << 9)

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushf; pop %0; cli" : "=r"(flags) : : "memory");
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		__asm__ __volatile__("sti" : : : "memory");
}

static inline void local_irq_enable(void)
{
	__asm__ __volatile__("sti" : : : "memory");
}

/* Wait for an interrupt with interrupts on: sti's one-instruction shadow
 * means none can arrive between the two (and be missed by the hlt). */
static inline void safe_halt(void)
{
	__asm__ __volatile__("sti; hlt" : : : "memory");
}

static inline bool irqs_disabled(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushf; pop %0" : "=r"(flags));
	return !(flags & X86_EFLAGS_IF);
}

#define local_irq_save(flags)	((flags) = arch_local_irq_save())
#define local_irq_restore(flags) arch_local_irq_restore(flags)

#endif /* _ASM_IRQFLAGS_H */
