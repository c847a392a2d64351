// SPDX-License-Identifier: GPL-2.0
/*
 * Walking the frame-pointer chain. A frame is trusted only when it is
 * 8-byte aligned and lies wholly on a known kernel stack; within one stack
 * each frame must be above the previous one (the stack grows down), so a
 * corrupt chain ends the walk instead of looping or faulting. Crossing from
 * an exception stack back to the interrupted stack is allowed once per
 * frame. The known stacks are this CPU's (struct cpu_stacks): the one it
 * runs on and its exception (IST) stacks; the task layer adds its stacks.
 */
#include <linux/printk.h>
#include <linux/kernel.h>
#include <asm/stacktrace.h>
#include <asm/desc.h>
#include <asm/boot.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/sched.h>
#include <linux/panic.h>

#define MAX_FRAMES	64

DECLARE_PER_CPU(struct cpu_stacks, cpu_stacks);

static bool in_range(unsigned long addr, size_t len, void *lo, void *hi)
{
	return addr >= (unsigned long)lo && addr + len <= (unsigned long)hi &&
	       addr + len > addr;
}

/* Exception stack @i of this CPU holds [addr, addr + len)? */
static bool on_exception_stack(int i, unsigned long addr, size_t len)
{
	char *lo = this_cpu_read(cpu_stacks.estacks) + i * EXCEPTION_STKSZ;

	return in_range(addr, len, lo, lo + EXCEPTION_STKSZ);
}

bool on_kernel_stack(unsigned long addr, size_t len)
{
	int i;

	if (in_range(addr, len, (void *)this_cpu_read(cpu_stacks.task_lo),
		     (void *)this_cpu_read(cpu_stacks.task_hi)))
		return true;
	for (i = 0; i < N_EXCEPTION_STACKS; i++)
		if (on_exception_stack(i, addr, len))
			return true;
	return false;
}

/* Which stack holds @addr: a small id used to allow one crossing per step. */
static int stack_id(unsigned long addr)
{
	int i;

	for (i = 0; i < N_EXCEPTION_STACKS; i++)
		if (on_exception_stack(i, addr, 1))
			return i + 1;
	return 0;
}

static const struct stack_frame *next_frame(const struct stack_frame *f)
{
	const struct stack_frame *n = f->next;
	unsigned long a = (unsigned long)n;

	if (!n || !IS_ALIGNED(a, 8) || !on_kernel_stack(a, sizeof(*n)))
		return NULL;
	if (stack_id(a) == stack_id((unsigned long)f) && n <= f)
		return NULL;
	return n;
}

void show_trace(unsigned long bp, const char *loglvl)
{
	const struct stack_frame *f = (const struct stack_frame *)bp;
	int depth = 0;

	printk("%s <TASK>\n", loglvl);
	if (!on_kernel_stack(bp, sizeof(*f)) || !IS_ALIGNED(bp, 8))
		f = NULL;
	for (; f && depth < MAX_FRAMES; f = next_frame(f), depth++) {
		if (!f->return_address)
			break;
		printk("%s %pS\n", loglvl, (void *)f->return_address);
	}
	printk("%s </TASK>\n", loglvl);
}

unsigned int stack_trace_save(unsigned long *store, unsigned int size,
			      unsigned int skipnr)
{
	const struct stack_frame *f = __builtin_frame_address(0);
	unsigned int n = 0;

	if (!on_kernel_stack((unsigned long)f, sizeof(*f)))
		return 0;
	for (; f && n < size; f = next_frame(f)) {
		if (!f->return_address)
			break;
		if (skipnr) {
			skipnr--;
			continue;
		}
		store[n++] = f->return_address;
	}
	return n;
}

void dump_stack_lvl(const char *loglvl)
{
	printk("%sCPU: %u PID: %d Comm: %s %s\n", loglvl, raw_smp_processor_id(), current->pid,
	       current->comm, print_tainted());
	printk("%sCall Trace:\n", loglvl);
	show_trace((unsigned long)__builtin_frame_address(0), loglvl);
}

void dump_stack(void)
{
	dump_stack_lvl(KERN_DEFAULT);
}
