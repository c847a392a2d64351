// SPDX-License-Identifier: GPL-2.0
/*
 * IOAPICs (asm/io_apic.h), from the MADT (acpi_madt). Each has a 4 KiB
 * register window at a fixmap slot: IOREGSEL at +0x00 selects a register,
 * IOWIN at +0x10 reads or writes it; register 1 gives the number of
 * redirection entries, entry n is registers 0x10 + 2n (low) and + 1 (high).
 * Every entry starts masked; a routed ISA IRQ takes the polarity and
 * trigger of its interrupt source override, else ISA's: edge, active high.
 *
 * Locking: ioapic_lock serialises the select-then-access register pairs.
 */
#include <linux/acpi.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <linux/errno.h>
#include <asm/io_apic.h>
#include <asm/fixmap.h>

#define IO_APIC_VER		0x01
#define IO_APIC_REDTBL(n)	(0x10 + 2 * (n))
#define IO_APIC_DEST_LOW	(1U << 13)	/* active low */
#define IO_APIC_LEVEL		(1U << 15)
#define IO_APIC_MASKED		(1U << 16)

static DEFINE_SPINLOCK(ioapic_lock);
static unsigned int nr_pins[ACPI_MAX_IOAPICS];

static volatile u32 *ioapic_base(unsigned int i)
{
	return (volatile u32 *)fix_to_virt(FIX_IO_APIC_BASE_0 + i);
}

static u32 io_apic_read(unsigned int i, u32 reg)
{
	ioapic_base(i)[0] = reg;
	return ioapic_base(i)[4];
}

static void io_apic_write(unsigned int i, u32 reg, u32 val)
{
	ioapic_base(i)[0] = reg;
	ioapic_base(i)[4] = val;
}

void setup_IO_APIC(void)
{
	unsigned int i, pin;
	unsigned long flags;

	for (i = 0; i < acpi_madt.nr_ioapics && i < MAX_IO_APICS; i++) {
		set_fixmap_nocache(FIX_IO_APIC_BASE_0 + i, acpi_madt.ioapics[i].address);
		spin_lock_irqsave(&ioapic_lock, flags);
		nr_pins[i] = ((io_apic_read(i, IO_APIC_VER) >> 16) & 0xff) + 1;
		for (pin = 0; pin < nr_pins[i]; pin++) {
			io_apic_write(i, IO_APIC_REDTBL(pin) + 1, 0);
			io_apic_write(i, IO_APIC_REDTBL(pin), IO_APIC_MASKED);
		}
		spin_unlock_irqrestore(&ioapic_lock, flags);
		pr_info("IOAPIC[%u]: apic_id %u, GSI %u-%u\n", i, acpi_madt.ioapics[i].id,
			acpi_madt.ioapics[i].gsi_base,
			acpi_madt.ioapics[i].gsi_base + nr_pins[i] - 1);
	}
}

int io_apic_route_isa_irq(unsigned int irq, u32 apicid)
{
	u32 gsi = irq, entry = ISA_IRQ_VECTOR(irq);
	unsigned int i;
	unsigned long flags;

	for (i = 0; i < acpi_madt.nr_overrides; i++) {
		u16 f = acpi_madt.overrides[i].flags;

		if (acpi_madt.overrides[i].source_irq != irq)
			continue;
		gsi = acpi_madt.overrides[i].gsi;
		if ((f & 3) == 3)
			entry |= IO_APIC_DEST_LOW;
		if (((f >> 2) & 3) == 3)
			entry |= IO_APIC_LEVEL;
	}
	for (i = 0; i < acpi_madt.nr_ioapics && i < MAX_IO_APICS; i++) {
		u32 base = acpi_madt.ioapics[i].gsi_base;

		if (gsi < base || gsi >= base + nr_pins[i])
			continue;
		spin_lock_irqsave(&ioapic_lock, flags);
		io_apic_write(i, IO_APIC_REDTBL(gsi - base) + 1, apicid << 24);
		io_apic_write(i, IO_APIC_REDTBL(gsi - base), entry);
		spin_unlock_irqrestore(&ioapic_lock, flags);
		return 0;
	}
	return -ENODEV;
}
