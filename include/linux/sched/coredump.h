/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm->flags (Linux's sched/coredump.h): bits of an address space that
 * outlive the task that set them. Bits 0-1 hold the dumpable mode
 * (SUID_DUMP_*: prctl(PR_SET_DUMPABLE), exec, commit_creds()), which
 * ptrace-style access (process_vm_readv(), /proc/PID/mem) checks;
 * MMF_DISABLE_THP is prctl(PR_SET_THP_DISABLE)'s, for the THP code.
 *
 * fork copies the flags with the mm (dup_mm()); an exec's new mm takes
 * MMF_INIT_MASK of the old one (mm_alloc()), so THP-disable survives
 * exec as in Linux, and exec then sets the dumpable mode afresh.
 * Locking: atomic bit operations; the dumpable pair changes by cmpxchg.
 */
#ifndef _LINUX_SCHED_COREDUMP_H
#define _LINUX_SCHED_COREDUMP_H

#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/mm_types.h>

#define SUID_DUMP_DISABLE	0	/* no ptrace access, no core */
#define SUID_DUMP_USER		1	/* the owner's, as usual */
#define SUID_DUMP_ROOT		2	/* root's only */

#define MMF_DUMPABLE_BITS	2
#define MMF_DUMPABLE_MASK	((1UL << MMF_DUMPABLE_BITS) - 1)
#define MMF_DISABLE_THP		24
#define MMF_DISABLE_THP_MASK	(1UL << MMF_DISABLE_THP)
#define MMF_INIT_MASK		(MMF_DUMPABLE_MASK | MMF_DISABLE_THP_MASK)

/* set_dumpable - @mm's dumpable mode becomes @value (SUID_DUMP_*). */
static inline void set_dumpable(struct mm_struct *mm, int value)
{
	unsigned long old = READ_ONCE(mm->flags);

	while (!try_cmpxchg(&mm->flags, &old, (old & ~MMF_DUMPABLE_MASK) | value))
		;
}

static inline int get_dumpable(struct mm_struct *mm)
{
	return READ_ONCE(mm->flags) & MMF_DUMPABLE_MASK;
}

#endif /* _LINUX_SCHED_COREDUMP_H */
