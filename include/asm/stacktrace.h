/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Frame-pointer stack traces (arch/x86_64/stacktrace.c). The kernel is built
 * with -fno-omit-frame-pointer: every frame starts with {saved rbp, return
 * address}, and the exception entry adds such a frame for the interrupted
 * code.
 */
#ifndef _ASM_STACKTRACE_H
#define _ASM_STACKTRACE_H

#include <linux/types.h>

struct stack_frame {
	struct stack_frame *next;
	unsigned long return_address;
};

/* True when [addr, addr + len) lies on one of the kernel's stacks. */
bool on_kernel_stack(unsigned long addr, size_t len);

/*
 * Print " <TASK>", one " symbol+0xoff/0xsize" line per frame starting from
 * the frame at @bp, then " </TASK>"; at most 64 frames, stopping at the
 * first frame pointer that is not on a kernel stack.
 */
void show_trace(unsigned long bp, const char *loglvl);

/*
 * Fill @store with up to @size return addresses from the caller's caller
 * on (for page_owner-style recording). Returns how many were stored.
 */
unsigned int stack_trace_save(unsigned long *store, unsigned int size,
			      unsigned int skipnr);

/* "CPU: 0 PID: 0 Comm: swapper/0", then the call trace of the caller. */
void dump_stack(void);
void dump_stack_lvl(const char *loglvl);

#endif /* _ASM_STACKTRACE_H */
