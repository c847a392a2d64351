// SPDX-License-Identifier: GPL-2.0
/*
 * Reboot and power off. Reboot pulses the reset line through the keyboard
 * controller (command 0xfe) and, if that does nothing, triple-faults by
 * loading an empty IDT. Power off writes SLP_EN with sleep type 5 to QEMU's
 * ACPI PM1a control register (port 0x604 on the pc and q35 machines), then
 * halts. isa-debug-exit carries a test verdict out as QEMU's exit status.
 */
#include <linux/printk.h>
#include <asm/reboot.h>
#include <asm/io.h>
#include <asm/processor.h>

void qemu_debug_exit(u8 code)
{
	outb(code, 0xf4);
}

void machine_restart(void)
{
	struct {
		u16 size;
		u64 address;
	} __packed null_idt = { 0, 0 };
	int i;

	for (i = 0; i < 100000 && (inb(0x64) & 0x02); i++)
		io_delay();
	outb(0xfe, 0x64);
	for (i = 0; i < 1000; i++)
		io_delay();
	__asm__ __volatile__("lidt %0; int3" : : "m"(null_idt));
	halt_forever();
}

void machine_power_off(void)
{
	outw(0x2000, 0x604);
	pr_emerg("reboot: power off failed; halting\n");
	halt_forever();
}
