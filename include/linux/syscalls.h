/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Defining a system call, as Linux does:
 *
 *   SYSCALL_DEFINE2(arch_prctl, int, option, unsigned long, arg2)
 *   {
 *           ...
 *   }
 *
 * makes __x64_sys_arch_prctl(const struct pt_regs *regs), which takes the
 * arguments from the registers of the convention (asm/syscall.h), casts
 * each to its type and calls the body, a static __do_sys_arch_prctl().
 * sys_call_table finds __x64_sys_NAME by its name alone: defining one is
 * all it takes to implement a call of asm/unistd_64.h.
 */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <linux/types.h>
#include <asm/syscall.h>

/* m(position, type, name) for each type-name pair, comma separated. */
#define __MAP1(m, t1, a1) m(0, t1, a1)
#define __MAP2(m, t1, a1, t2, a2) __MAP1(m, t1, a1), m(1, t2, a2)
#define __MAP3(m, t1, a1, t2, a2, t3, a3) __MAP2(m, t1, a1, t2, a2), m(2, t3, a3)
#define __MAP4(m, t1, a1, t2, a2, t3, a3, t4, a4)				\
	__MAP3(m, t1, a1, t2, a2, t3, a3), m(3, t4, a4)
#define __MAP5(m, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5)			\
	__MAP4(m, t1, a1, t2, a2, t3, a3, t4, a4), m(4, t5, a5)
#define __MAP6(m, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6)		\
	__MAP5(m, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5), m(5, t6, a6)
#define __MAP(n, ...)	__MAP##n(__VA_ARGS__)

#define __SC_DECL(i, t, a)	t a
#define __SC_ARG(i, t, a)	(t)syscall_arg(regs, i)

#define SYSCALL_DEFINE0(name)							\
	long __x64_sys_##name(const struct pt_regs *regs);			\
	long __x64_sys_##name(const struct pt_regs *regs)

#define SYSCALL_DEFINEx(x, name, ...)						\
	static long __do_sys_##name(__MAP(x, __SC_DECL, __VA_ARGS__));		\
	long __x64_sys_##name(const struct pt_regs *regs);			\
	long __x64_sys_##name(const struct pt_regs *regs)			\
	{									\
		return __do_sys_##name(__MAP(x, __SC_ARG, __VA_ARGS__));	\
	}									\
	static long __do_sys_##name(__MAP(x, __SC_DECL, __VA_ARGS__))

#define SYSCALL_DEFINE1(name, ...)	SYSCALL_DEFINEx(1, name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...)	SYSCALL_DEFINEx(2, name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...)	SYSCALL_DEFINEx(3, name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...)	SYSCALL_DEFINEx(4, name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...)	SYSCALL_DEFINEx(5, name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...)	SYSCALL_DEFINEx(6, name, __VA_ARGS__)

#endif /* _LINUX_SYSCALLS_H */
