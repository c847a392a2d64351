// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of interrupt-driven serial input (drivers/serial.c through the
 * IOAPIC, arch/x86_64/io_apic.c): in the UART's loopback mode, bytes sent
 * come back as IRQ 4, and a task sleeping for input is woken with them.
 * Nothing may be printed while loopback is on: it would loop back too.
 * The same with ttyS0 open: the bytes go to the terminal, not the shell.
 */
#include <linux/ktest.h>
#include <linux/serial.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/acpi.h>
#include <linux/fs.h>
#include <linux/tty.h>
#include <linux/err.h>
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

/* Raw, no echo (an echo would loop back for ever), reads waiting at most 0.1 s. */
static void ttys0_quiet_raw(struct file *f)
{
	struct termios t = file_tty(f)->termios;

	t.c_lflag &= ~(ICANON | ECHO | ISIG);
	t.c_oflag &= ~OPOST;
	t.c_cc[VMIN] = 0;
	t.c_cc[VTIME] = 1;
	tty_set_termios(file_tty(f), &t);
}

/*
 * While ttyS0 is open the interrupt gives the bytes to it and the shell's
 * buffer gets none; once it is closed the shell gets them again.
 */
static void an_open_ttys0_takes_the_input_from_the_shell(struct ktest *test)
{
	char got[8] = "", after[4] = "";
	struct file *f;
	loff_t pos = 0;
	int shell_got, i, n = 0;
	ssize_t r;

	if (!acpi_madt.nr_ioapics)
		KTEST_SKIP(test, "no IOAPIC");
	KTEST_ASSERT_EQ(test, serial_enable_rx_irq(), 0);
	f = filp_open("/dev/ttyS0", O_RDWR, 0);
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	ttys0_quiet_raw(f);
	while (serial_getc() >= 0)
		;
	serial_set_loopback(true);
	r = kernel_write(f, "tty", 3, &pos);
	for (i = 0; i < 20 && n < 3; i++) {
		ssize_t got_now = kernel_read(f, got + n, 3 - n, &pos);

		if (got_now > 0)
			n += got_now;
	}
	shell_got = serial_getc();
	fput(f);
	serial_put_raw('s');
	for (i = 0; i < 200 && !after[0]; i++) {
		int c;

		serial_wait_input();
		c = serial_getc();
		if (c >= 0)
			after[0] = (char)c;
	}
	serial_set_loopback(false);
	KTEST_EXPECT_EQ(test, r, 3L);
	KTEST_EXPECT_STREQ(test, got, "tty");
	KTEST_EXPECT_EQ(test, shell_got, -1);
	KTEST_EXPECT_STREQ(test, after, "s");
}

static struct ktest_case serial_cases[] = {
	KTEST_CASE(loopback_bytes_arrive_by_interrupt),
	KTEST_CASE(an_open_ttys0_takes_the_input_from_the_shell),
	{}
};

static struct ktest_suite serial_suite = {
	.name = "serial",
	.init = ktest_pause_fault_injection,	/* the open of ttyS0 must not fail */
	.exit = ktest_resume_fault_injection,
	.test_cases = serial_cases,
};
ktest_register_suite(serial_suite);
