/* SPDX-License-Identifier: GPL-2.0 */
/*
 * IOAPICs (arch/x86_64/io_apic.c): route legacy (ISA) interrupts to a
 * vector on one CPU, as the MADT describes them. ISA IRQ n is delivered on
 * ISA_IRQ_VECTOR(n).
 */
#ifndef _ASM_IO_APIC_H
#define _ASM_IO_APIC_H

#include <linux/types.h>

#define ISA_IRQ_VECTOR(irq)	(0x30 + (irq))

/* Map the MADT's IOAPICs and mask every pin. Context: boot, once. */
void setup_IO_APIC(void);

/*
 * io_apic_route_isa_irq - deliver ISA @irq (through its MADT override, if
 * any) as ISA_IRQ_VECTOR(@irq) to the CPU with APIC ID @apicid.
 * Return: 0, or -ENODEV when no IOAPIC serves it.
 */
int io_apic_route_isa_irq(unsigned int irq, u32 apicid);

#endif /* _ASM_IO_APIC_H */
