// SPDX-License-Identifier: GPL-2.0
/*
 * 16550 UART driver for COM1: the kernel console (polled writes) and the
 * shell's input. 115200 baud, 8N1, FIFOs on. Input is polled until
 * serial_enable_rx_irq() routes IRQ 4 through the IOAPIC: from then the
 * interrupt handler moves received bytes into rx_buf and wakes whoever
 * waits in serial_wait_input() (the shell sleeps there).
 * Registers: THR/RBR +0, IER +1, FCR +2, LCR +3, MCR +4, LSR +5; with
 * LCR.DLAB set, +0/+1 are the divisor latch (115200 / divisor baud).
 *
 * A missing UART (LSR reads 0xff) must not hang the kernel: writes then give
 * up after a bounded wait.
 *
 * The port is also the terminal ttyS0 (4:64, and /dev/console) of the TTY
 * layer (drivers/tty/). Input has one owner at a time: while ttyS0 is
 * open (rx_tty set) the interrupt handler gives received bytes to its
 * line discipline; while it is closed they go to rx_buf, which the
 * kernel's shell reads. So the shell keeps working when no process uses
 * the console, and neither steals the other's keys. The terminal gets
 * input only in interrupt mode (after serial_enable_rx_irq()). Output of
 * both goes to the UART as it comes.
 */
#include <linux/serial.h>
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/tty.h>
#include <asm/io.h>
#include <asm/io_apic.h>
#include <asm/irq.h>
#include <asm/apic.h>

#define COM1		0x3f8
#define UART_THR	0
#define UART_RBR	0
#define UART_IER	1
#define UART_FCR	2
#define UART_LCR	3
#define UART_MCR	4
#define UART_LSR	5
#define UART_LSR_DR	0x01	/* receive data ready */
#define UART_LSR_THRE	0x20	/* transmit holding register empty */
#define UART_LCR_DLAB	0x80
#define UART_IER_RDI	0x01	/* interrupt on received data */
#define UART_MCR_DTR	0x01
#define UART_MCR_RTS	0x02
#define UART_MCR_OUT2	0x08	/* gates the IRQ line on PCs */
#define UART_MCR_LOOP	0x10
#define COM1_IRQ	4

/* Bytes received by the interrupt handler; rx_lock protects head and tail. */
static DEFINE_SPINLOCK(rx_lock);
static u8 rx_buf[256];
static unsigned int rx_head, rx_tail;
static bool rx_irq;
static DECLARE_WAIT_QUEUE_HEAD(rx_wait);
static struct tty_struct *rx_tty;	/* ttyS0 while open; rx_lock */

void serial_init(void)
{
	outb(0x00, COM1 + UART_IER);
	outb(UART_LCR_DLAB, COM1 + UART_LCR);
	outb(1, COM1 + 0);		/* divisor 1: 115200 baud */
	outb(0, COM1 + 1);
	outb(0x03, COM1 + UART_LCR);	/* 8N1, DLAB off */
	outb(0xc7, COM1 + UART_FCR);	/* FIFOs on and cleared, 14-byte trigger */
	outb(0x03, COM1 + UART_MCR);	/* DTR, RTS */
}

static void serial_putc(char c)
{
	unsigned int spins = 100000;

	while (!(inb(COM1 + UART_LSR) & UART_LSR_THRE) && --spins)
		;
	outb((u8)c, COM1 + UART_THR);
}

void serial_write(const char *s, size_t len)
{
	while (len--) {
		if (*s == '\n')
			serial_putc('\r');
		serial_putc(*s++);
	}
}

static int uart_getc(void)
{
	u8 lsr = inb(COM1 + UART_LSR);

	if (lsr == 0xff || !(lsr & UART_LSR_DR))
		return -1;
	return inb(COM1 + UART_RBR);
}

int serial_getc(void)
{
	unsigned long flags;
	int c = -1;

	if (!READ_ONCE(rx_irq))
		return uart_getc();
	spin_lock_irqsave(&rx_lock, flags);
	if (rx_head != rx_tail)
		c = rx_buf[rx_tail++ % sizeof(rx_buf)];
	spin_unlock_irqrestore(&rx_lock, flags);
	return c;
}

static bool rx_pending(void)
{
	return READ_ONCE(rx_head) != READ_ONCE(rx_tail);
}

void serial_wait_input(void)
{
	if (READ_ONCE(rx_irq))
		wait_event(rx_wait, rx_pending());
	else
		cpu_relax();
}

/*
 * Drain the FIFO into the open terminal or rx_buf (the oldest bytes are
 * dropped when full). rx_lock keeps the terminal from being freed meanwhile.
 */
static void serial_interrupt(struct pt_regs *regs)
{
	int c;

	spin_lock(&rx_lock);
	while ((c = uart_getc()) >= 0) {
		u8 byte = (u8)c;

		if (rx_tty) {
			tty_receive_buf(rx_tty, &byte, 1);
			continue;
		}
		if (rx_head - rx_tail == sizeof(rx_buf))
			rx_tail++;
		rx_buf[rx_head++ % sizeof(rx_buf)] = byte;
	}
	spin_unlock(&rx_lock);
	wake_up(&rx_wait);
}

/* Loop the UART's output back to its input (tests; the console is then silent). */
void serial_set_loopback(bool on)
{
	u8 mcr = inb(COM1 + UART_MCR);

	outb(on ? mcr | UART_MCR_LOOP : mcr & ~UART_MCR_LOOP, COM1 + UART_MCR);
}

void serial_put_raw(u8 c)
{
	serial_putc((char)c);
}

int serial_enable_rx_irq(void)
{
	int ret;

	set_vector_handler(ISA_IRQ_VECTOR(COM1_IRQ), serial_interrupt);
	ret = io_apic_route_isa_irq(COM1_IRQ, read_apic_id());
	if (ret)
		return ret;
	WRITE_ONCE(rx_irq, true);
	outb(UART_MCR_DTR | UART_MCR_RTS | UART_MCR_OUT2, COM1 + UART_MCR);
	outb(UART_IER_RDI, COM1 + UART_IER);
	return 0;
}

/* ---- ttyS0 ---------------------------------------------------------------- */

static void serial_tty_write(struct tty_struct *tty, const u8 *buf, size_t count)
{
	while (count--)
		serial_putc((char)*buf++);
}

/* First open: the terminal takes the input over from the shell. */
static int serial_tty_install(struct tty_struct *tty)
{
	unsigned long flags;

	spin_lock_irqsave(&rx_lock, flags);
	rx_tty = tty;
	spin_unlock_irqrestore(&rx_lock, flags);
	return 0;
}

static void serial_tty_shutdown(struct tty_struct *tty)
{
	unsigned long flags;

	spin_lock_irqsave(&rx_lock, flags);
	rx_tty = NULL;
	spin_unlock_irqrestore(&rx_lock, flags);
}

static const struct tty_operations serial_tty_ops = {
	.write = serial_tty_write,
	.install = serial_tty_install,
	.shutdown = serial_tty_shutdown,
};

static struct tty_driver serial_driver = {
	.name = "ttyS",
	.major = TTY_MAJOR,
	.minor_start = 64,
	.num = 1,
	.ops = &serial_tty_ops,
};

int serial_tty_init(void)
{
	int err;

	serial_driver.init_termios = tty_std_termios;
	serial_driver.init_termios.c_cflag = B115200 | CS8 | CREAD | HUPCL | CLOCAL;
	err = tty_register_driver(&serial_driver);
	if (err)
		return err;
	return tty_register_device(&serial_driver, 0);
}
