/* SPDX-License-Identifier: GPL-2.0 */
/* Port I/O (Intel SDM vol. 1, 18.2: IN/OUT). */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <linux/types.h>

static inline void outb(u8 val, u16 port)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(val), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 val;

	__asm__ __volatile__("inb %1, %0" : "=a"(val) : "Nd"(port));
	return val;
}

static inline void outw(u16 val, u16 port)
{
	__asm__ __volatile__("outw %0, %1" : : "a"(val), "Nd"(port));
}

static inline void outl(u32 val, u16 port)
{
	__asm__ __volatile__("outl %0, %1" : : "a"(val), "Nd"(port));
}

/* A write to an unused port: about 1 us of delay on PC hardware. */
static inline void io_delay(void)
{
	outb(0, 0x80);
}

#endif /* _ASM_IO_H */
