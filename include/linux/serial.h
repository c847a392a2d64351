/* SPDX-License-Identifier: GPL-2.0 */
/* The 16550 UART on COM1 (drivers/serial.c): the console. */
#ifndef _LINUX_SERIAL_H
#define _LINUX_SERIAL_H

#include <linux/types.h>

void serial_init(void);
/* Write @len bytes, "\n" as "\r\n". Context: any; the caller serialises. */
void serial_write(const char *s, size_t len);
/* The next received byte, or -1 when none is waiting. */
int serial_getc(void);
/* Sleep until a byte arrives (interrupt mode), or spin once (polled). */
void serial_wait_input(void);
/*
 * serial_enable_rx_irq - take input by interrupt: IRQ 4 to this CPU.
 * Return: 0, or -ENODEV without an IOAPIC (input stays polled).
 * Context: a task, after the scheduler and the IOAPIC are set up.
 */
int serial_enable_rx_irq(void);

/* For tests: loop output back to input, and send one byte as it is. */
void serial_set_loopback(bool on);
void serial_put_raw(u8 c);

/*
 * serial_tty_init - register COM1 as the terminal ttyS0 (4:64) and make
 * /dev/ttyS0. Return: 0 or -errno. Context: boot, after devtmpfs_init().
 */
int serial_tty_init(void);

#endif /* _LINUX_SERIAL_H */
