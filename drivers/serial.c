// SPDX-License-Identifier: GPL-2.0
/*
 * 16550 UART driver for COM1, polled: the kernel console and the shell's
 * input. 115200 baud, 8N1, FIFOs on, no interrupts (the shell polls).
 * Registers: THR/RBR +0, IER +1, FCR +2, LCR +3, MCR +4, LSR +5; with
 * LCR.DLAB set, +0/+1 are the divisor latch (115200 / divisor baud).
 *
 * A missing UART (LSR reads 0xff) must not hang the kernel: writes then give
 * up after a bounded wait.
 */
#include <linux/serial.h>
#include <asm/io.h>

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

int serial_getc(void)
{
	u8 lsr = inb(COM1 + UART_LSR);

	if (lsr == 0xff || !(lsr & UART_LSR_DR))
		return -1;
	return inb(COM1 + UART_RBR);
}
