// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of interrupt-driven serial input (drivers/serial.c through the
 * IOAPIC, arch/x86_64/io_apic.c): in the UART's loopback mode, bytes sent
 * come back as IRQ 4, and a task sleeping for input is woken with them.
 * Nothing may be printed while loopback is on: it would loop back too.
 */
#include <linux/ktest.h>
#include <linux/serial.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/acpi.h>
#include <asm/io_apic.h>
#include <asm/irq.h>

static void loopback_bytes_arrive_by_interrupt(struct ktest *test)
{
	static const char msg[] = "mm!";
	unsigned long before;
	char got[sizeof(msg)] = "";
	unsigned int i, n = 0;
	int ret;

	if (!acpi_madt.nr_ioapics)
		KTEST_SKIP(test, "no IOAPIC");
	ret = serial_enable_rx_irq();
	KTEST_ASSERT_EQ(test, ret, 0);
	while (serial_getc() >= 0)
		;
	before = irq_count(smp_processor_id(), ISA_IRQ_VECTOR(4));
	serial_set_loopback(true);
	for (i = 0; i < sizeof(msg) - 1; i++)
		serial_put_raw((u8)msg[i]);
	for (i = 0; i < 200 && n < sizeof(msg) - 1; i++) {
		int c;

		serial_wait_input();
		while (n < sizeof(msg) - 1 && (c = serial_getc()) >= 0)
			got[n++] = (char)c;
	}
	serial_set_loopback(false);
	KTEST_EXPECT_STREQ(test, got, msg);
	KTEST_EXPECT_GT(test, irq_count(smp_processor_id(), ISA_IRQ_VECTOR(4)), before);
}

static struct ktest_case serial_cases[] = {
	KTEST_CASE(loopback_bytes_arrive_by_interrupt),
	{}
};

static struct ktest_suite serial_suite = {
	.name = "serial",
	.test_cases = serial_cases,
};
ktest_register_suite(serial_suite);
