// SPDX-License-Identifier: GPL-2.0
/*
 * The layout of a new address space and its randomisation (Linux's
 * arch/x86/mm/mmap.c, with randomize_va_space and norandmaps from its
 * mm/memory.c and randomize_page() from its mm/util.c), chosen by exec
 * (fs/exec.c, fs/binfmt_elf.c) for the task it runs in:
 *
 *   TASK_SIZE ---------------------------------------------------------
 *              stack_top = STACK_TOP - random pages (22 bits), then the
 *              stack's VMA grows down from it
 *              gap: RLIMIT_STACK + the stack's largest random pad + the
 *              guard gap, clamped to [128 MiB, 5/6 of TASK_SIZE]
 *   mmap_base  = PAGE_ALIGN(TASK_SIZE - gap - random pages (28 bits));
 *              mmap() searches top-down from here: libraries, the
 *              interpreter, anonymous memory
 *              ...
 *   ELF_ET_DYN_BASE + random pages (28 bits): an ET_DYN program
 *              brk: after the program's highest segment, + up to 32 MiB
 *   ET_EXEC programs at their own addresses (0x400000 usually)
 *   mmap_min_addr (64 KiB); nothing below
 *
 * randomize_va_space: 0 nothing is random; 1 the stack, mmap_base and
 * ET_DYN bases are; 2 (the default) the heap's start too. norandmaps on
 * the command line makes it 0 at boot; /proc/sys/kernel/randomize_va_space
 * changes it later. exec reads it once per program: the task's
 * PF_RANDOMIZE flag, set then, decides every random choice of that exec
 * (Linux's semantics), so that a change affects only later execs.
 *
 * Locking: randomize_va_space is one int read with READ_ONCE; the
 * functions below read the current task's flags and limits, and write
 * only the mm they are given, which no other task uses yet.
 */
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/random.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <asm/elf.h>

int randomize_va_space = 2;

static int disable_randmaps(char *s)
{
	randomize_va_space = 0;
	return 0;
}
__setup("norandmaps", disable_randmaps);

static bool task_randomizes(void)
{
	return current->flags & PF_RANDOMIZE;
}

unsigned long randomize_page(unsigned long start, unsigned long range)
{
	if (start & ~PAGE_MASK) {
		range -= PAGE_ALIGN(start) - start;
		start = PAGE_ALIGN(start);
	}
	if (start > ULONG_MAX - range)
		range = ULONG_MAX - start;
	range >>= PAGE_SHIFT;
	if (!range)
		return start;
	return start + ((get_random_long() % range) << PAGE_SHIFT);
}

unsigned long arch_mmap_rnd(void)
{
	return (get_random_long() & ((1UL << MMAP_RND_BITS) - 1)) << PAGE_SHIFT;
}

/* The most the stack top may move down: what mmap_base must leave room for. */
static unsigned long stack_maxrandom_size(void)
{
	return task_randomizes() ? STACK_RND_MASK << PAGE_SHIFT : 0;
}

unsigned long mmap_base(unsigned long rnd, unsigned long task_size,
			const struct rlimit *rlim_stack)
{
	unsigned long gap = rlim_stack->rlim_cur;
	unsigned long pad = stack_maxrandom_size() + stack_guard_gap;
	unsigned long gap_max = task_size / 6 * 5;

	if (gap + pad > gap)	/* RLIM_INFINITY and its neighbours would wrap */
		gap += pad;
	gap = clamp(gap, 128UL << 20, gap_max);
	return PAGE_ALIGN(task_size - gap - rnd);
}

void arch_pick_mmap_layout(struct mm_struct *mm, const struct rlimit *rlim_stack)
{
	unsigned long rnd = task_randomizes() ? arch_mmap_rnd() : 0;

	mm->task_size = TASK_SIZE;
	mm->mmap_base = mmap_base(rnd, TASK_SIZE, rlim_stack);
}

unsigned long randomize_stack_top(unsigned long stack_top)
{
	unsigned long rnd = 0;

	if (task_randomizes())
		rnd = (get_random_long() & STACK_RND_MASK) << PAGE_SHIFT;
	return PAGE_ALIGN(stack_top) - rnd;
}

unsigned long arch_randomize_brk(struct mm_struct *mm)
{
	return randomize_page(mm->brk, BRK_RND_RANGE);
}

unsigned long arch_align_stack(unsigned long sp)
{
	if (task_randomizes() && READ_ONCE(randomize_va_space))
		sp -= get_random_u32_below(8192);
	return sp & ~0xfUL;
}
