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

#endif /* _LINUX_SERIAL_H */
