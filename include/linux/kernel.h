/* SPDX-License-Identifier: GPL-2.0 */
/* Small helpers every file wants: min/max, alignment, ARRAY_SIZE. */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

/* Booting until the boot CPU runs as a task with interrupts on (kernel/main.c). */
enum system_states {
	SYSTEM_BOOTING,
	SYSTEM_RUNNING,
};
extern enum system_states system_state;

#include <linux/types.h>
#include <linux/compiler.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#define min(a, b)	({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a < _b ? _a : _b; })
#define max(a, b)	({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })
#define min_t(t, a, b)	min((t)(a), (t)(b))
#define max_t(t, a, b)	max((t)(a), (t)(b))
#define min3(a, b, c)	min(min(a, b), c)
#define max3(a, b, c)	max(max(a, b), c)
#define clamp(v, lo, hi) min(max(v, lo), hi)
#define clamp_t(t, v, lo, hi)	clamp((t)(v), (t)(lo), (t)(hi))
#define swap(a, b) \
	do { __typeof__(a) _t = (a); (a) = (b); (b) = _t; } while (0)

#define ALIGN(x, a)		(((x) + ((__typeof__(x))(a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a)	((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))

#define upper_32_bits(n)	((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n)	((u32)((n) & 0xffffffff))
/* A u64 from user space (clone3(), io structures) as a user pointer. */
#define u64_to_user_ptr(x)	((void __user *)(unsigned long)(x))

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define SZ_1K	0x400UL
#define SZ_4K	0x1000UL
#define SZ_1M	0x100000UL
#define SZ_2M	0x200000UL
#define SZ_16M	0x1000000UL
#define SZ_1G	0x40000000UL
#define SZ_4G	0x100000000UL

#define U64_MAX	((u64)~0ULL)
#define ULONG_MAX (~0UL)
#define LONG_MAX ((long)(~0UL >> 1))
#define LLONG_MAX ((long long)(~0ULL >> 1))
#define INT_MAX	((int)(~0U >> 1))
#define INT_MIN	(-INT_MAX - 1)
#define UINT_MAX (~0U)

#endif /* _LINUX_KERNEL_H */
