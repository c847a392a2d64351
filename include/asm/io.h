/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Port I/O (Intel SDM vol. 1, 18.2: IN/OUT), memory-mapped I/O accessors,
 * and ioremap() (arch/x86_64/ioremap.c).
 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <linux/types.h>
#include <linux/compiler.h>

/* Device memory, reached only through the accessors below (sparse's mark in Linux). */
#define __iomem

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

/* One access of the exact width, never merged or elided by the compiler. */
#define build_mmio(name, type)							\
static inline type read##name(const volatile void __iomem *addr)		\
{										\
	return *(const volatile type *)addr;					\
}										\
static inline void write##name(type val, volatile void __iomem *addr)		\
{										\
	*(volatile type *)addr = val;						\
}
build_mmio(b, u8)
build_mmio(w, u16)
build_mmio(l, u32)
build_mmio(q, u64)
#undef build_mmio

/*
 * ioremap - map the device memory [@phys_addr, + @size) uncached (UC-),
 * ioremap_uc() strictly uncached, ioremap_wc() write-combining,
 * ioremap_cache() write-back. Return: the address of @phys_addr, or NULL
 * (with a warning for RAM or a range that is empty, wraps or lies past the
 * CPU's physical address width). Context: process.
 */
void __iomem *ioremap(phys_addr_t phys_addr, unsigned long size);
void __iomem *ioremap_uc(phys_addr_t phys_addr, unsigned long size);
void __iomem *ioremap_wc(phys_addr_t phys_addr, unsigned long size);
void __iomem *ioremap_cache(phys_addr_t phys_addr, unsigned long size);
/* Undo an ioremap*(); NULL is allowed, anything else warns. Context: process. */
void iounmap(volatile void __iomem *addr);

#endif /* _ASM_IO_H */
