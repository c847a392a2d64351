/* SPDX-License-Identifier: GPL-2.0 */
/* Compiler attributes and helpers with Linux's spelling. */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

/* The host test build may see glibc's definition first (sys/cdefs.h). */
#undef __always_inline
#define __always_inline	inline __attribute__((__always_inline__))
#define noinline	__attribute__((__noinline__))
#define __noreturn	__attribute__((__noreturn__))
#define __packed	__attribute__((__packed__))
#define __aligned(x)	__attribute__((__aligned__(x)))
#define __section(s)	__attribute__((__section__(s)))
#define __used		__attribute__((__used__))
#define __maybe_unused	__attribute__((__unused__))
#define __printf(a, b)	__attribute__((__format__(printf, a, b)))
#define __weak		__attribute__((__weak__))
#define __cold		__attribute__((__cold__))
/* A pointer into user space (asm/uaccess.h): never dereferenced directly. */
#define __user

/* The caller of the current function, for reports. */
#define _RET_IP_	((unsigned long)__builtin_return_address(0))

#define barrier()	__asm__ __volatile__("" : : : "memory")

#define READ_ONCE(x)	(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val) \
	do { *(volatile __typeof__(x) *)&(x) = (val); } while (0)

#define __stringify_1(x...)	#x
#define __stringify(x...)	__stringify_1(x)

#define static_assert(expr, ...) _Static_assert(expr, #expr)

#endif /* _LINUX_COMPILER_H */
