// SPDX-License-Identifier: GPL-2.0
/*
 * The interrupt descriptor table, shared by every CPU: all 256 vectors,
 * each an interrupt gate (interrupts stay off in the handler) to its stub
 * in entry.S; vectors 32-255 go to do_irq() (arch/x86_64/irq.c). Double
 * fault, NMI and machine check run on their own IST stacks (asm/desc.h),
 * the rest on the interrupted stack. The 8259 PICs stay masked: interrupts
 * come through the local APIC.
 */
#include <linux/kernel.h>
#include <asm/desc.h>
#include <asm/traps.h>
#include <asm/io.h>

struct gate_desc {
	u16 offset_low;
	u16 segment;
	u8 ist;
	u8 type_attr;		/* P=1, DPL=0, type 0xE: 64-bit interrupt gate */
	u16 offset_middle;
	u32 offset_high;
	u32 reserved;
} __packed;

static struct gate_desc idt_table[256] __aligned(16);
extern const unsigned long exception_entries[NR_EXCEPTION_VECTORS];
extern const unsigned long irq_entries[NR_VECTORS - FIRST_EXTERNAL_VECTOR];

static const struct {
	u16 size;
	u64 address;
} __packed idtr = { sizeof(idt_table) - 1, (u64)idt_table };

static void set_intr_gate(int vector, unsigned long addr, int ist)
{
	struct gate_desc *g = &idt_table[vector];

	g->offset_low = addr & 0xffff;
	g->segment = __KERNEL_CS;
	g->ist = ist;
	g->type_attr = 0x8e;
	g->offset_middle = (addr >> 16) & 0xffff;
	g->offset_high = addr >> 32;
}

/* Mask both 8259s: no legacy interrupt may arrive on an exception vector. */
static void mask_legacy_pic(void)
{
	outb(0xff, 0x21);
	outb(0xff, 0xa1);
}

void load_idt(void)
{
	__asm__ __volatile__("lidt %0" : : "m"(idtr));
}

void idt_init(void)
{
	int v;

	for (v = 0; v < NR_EXCEPTION_VECTORS; v++)
		set_intr_gate(v, exception_entries[v], 0);
	for (v = FIRST_EXTERNAL_VECTOR; v < NR_VECTORS; v++)
		set_intr_gate(v, irq_entries[v - FIRST_EXTERNAL_VECTOR], 0);
	set_intr_gate(X86_TRAP_DF, exception_entries[X86_TRAP_DF], ESTACK_DF + 1);
	set_intr_gate(X86_TRAP_NMI, exception_entries[X86_TRAP_NMI], ESTACK_NMI + 1);
	set_intr_gate(X86_TRAP_MC, exception_entries[X86_TRAP_MC], ESTACK_MCE + 1);
	mask_legacy_pic();
	load_idt();
}
