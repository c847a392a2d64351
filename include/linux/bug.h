/* SPDX-License-Identifier: GPL-2.0 */
/*
 * BUG and WARN as in Linux. BUG_ON(cond) reports "kernel BUG at file:line!",
 * the registers and the stack, then panics: going on is unsafe. WARN_ON(cond)
 * reports "WARNING: at file:line function" with a stack trace and returns
 * cond, so callers can write `if (WARN_ON(x)) return -EINVAL;`. Every report
 * counts in warn_count, which tests read to prove a check fired.
 *
 * The CONFIG_DEBUG_VM tier (VM_BUG_ON, VM_WARN_ON_ONCE, ...) is in
 * <linux/mmdebug.h>: with it off the checks are type-checked but generate
 * no code (Documentation/design.md, "Two tiers of checks").
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>
#include <linux/types.h>

extern unsigned long warn_count;

/* Prints the "kernel BUG at" lines; the ud2 after it raises the oops. */
void __bug_report(const char *file, int line, const char *cond);
void __warn(const char *file, int line, const char *func, const char *cond);

/*
 * The ud2 sits at the call site, as in Linux, so the oops's RIP names the
 * function that hit the BUG.
 */
#define __BUG(cond) do {					\
	__bug_report(__FILE__, __LINE__, cond);			\
	__asm__ __volatile__("ud2");				\
	__builtin_unreachable();				\
} while (0)
#define BUG()		__BUG(NULL)
#define BUG_ON(cond)	do { if (unlikely(cond)) __BUG(#cond); } while (0)

#define WARN_ON(cond) ({						\
	bool __c = !!(cond);						\
	if (unlikely(__c))						\
		__warn(__FILE__, __LINE__, __func__, #cond);		\
	unlikely(__c);							\
})

#define WARN_ON_ONCE(cond) ({						\
	static bool __warned;						\
	bool __c = !!(cond);						\
	if (unlikely(__c) && !__warned) {				\
		__warned = true;					\
		__warn(__FILE__, __LINE__, __func__, #cond);		\
	}								\
	unlikely(__c);							\
})

/* WARN() that reports only the first time @cond holds; returns @cond. */
#define WARN_ONCE(cond, fmt, ...) ({					\
	static bool __warned_once;					\
	bool __c1 = !!(cond);						\
	if (unlikely(__c1) && !__warned_once) {				\
		__warned_once = true;					\
		printk(KERN_WARNING fmt, ##__VA_ARGS__);		\
		__warn(__FILE__, __LINE__, __func__, #cond);		\
	}								\
	unlikely(__c1);							\
})

#define WARN(cond, fmt, ...) ({						\
	bool __c = !!(cond);						\
	if (unlikely(__c)) {						\
		printk(KERN_WARNING fmt, ##__VA_ARGS__);		\
		__warn(__FILE__, __LINE__, __func__, #cond);		\
	}								\
	unlikely(__c);							\
})

#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), "BUILD_BUG_ON(" #cond ")")

/*
 * BUILD_BUG_ON_INVALID - type-check @e without evaluating it or generating
 * code: what a compiled-out check leaves behind.
 */
#define BUILD_BUG_ON_INVALID(e)	((void)(sizeof((long)(e))))

#endif /* _LINUX_BUG_H */
