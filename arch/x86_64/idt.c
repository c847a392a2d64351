// SPDX-License-Identifier: GPL-2.0
/*
 * The interrupt descriptor table: the 32 exception vectors, each an
 * interrupt gate (interrupts stay off in the handler) to its stub in
 * entry.S. Double fault, NMI and machine check run on their own IST stacks
 * (asm/desc.h), the rest on the interrupted stack. Device interrupts come
 * with the local APIC work; until then the 8259 PICs are masked.
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

void idt_init(void)
{
	struct {
		u16 size;
		u64 address;
	} __packed idtr = { sizeof(idt_table) - 1, (u64)idt_table };
	int v;

	for (v = 0; v < NR_EXCEPTION_VECTORS; v++)
		set_intr_gate(v, exception_entries[v], 0);
	set_intr_gate(X86_TRAP_DF, exception_entries[X86_TRAP_DF], ESTACK_DF + 1);
	set_intr_gate(X86_TRAP_NMI, exception_entries[X86_TRAP_NMI], ESTACK_NMI + 1);
	set_intr_gate(X86_TRAP_MC, exception_entries[X86_TRAP_MC], ESTACK_MCE + 1);
	mask_legacy_pic();
	__asm__ __volatile__("lidt %0" : : "m"(idtr));
}
