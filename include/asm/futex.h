/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one atomic access to user memory futexes need (kernel/futex/): a
 * lock cmpxchg on a user word with an exception-table entry, so a fault
 * becomes -EFAULT (with a bucket lock held the page is not faulted in:
 * the caller faults it in with fault_in_user_writeable() and retries).
 * FUTEX_WAKE_OP's operations and the robust-list cleanup are loops of it.
 */
#ifndef _ASM_FUTEX_H
#define _ASM_FUTEX_H

#include <linux/types.h>
#include <asm/uaccess.h>

/**
 * futex_atomic_cmpxchg_inatomic - store @newval at @uaddr if it holds @oldval
 * @uval: set to the value found at @uaddr
 * @uaddr: a 4-aligned user address
 * @oldval: the value expected
 * @newval: the value to store
 *
 * Return: 0 (compare *@uval with @oldval to know whether it stored), or
 * -EFAULT (not a user address, or not mapped writable).
 * Context: any process context; does not sleep.
 */
static inline int futex_atomic_cmpxchg_inatomic(u32 *uval, u32 __user *uaddr, u32 oldval,
						u32 newval)
{
	u32 found = oldval;

	if (!access_ok(uaddr, sizeof(u32)))
		return -EFAULT;
	stac();
	asm volatile goto("1: lock cmpxchgl %[new], (%[uaddr])\n"
			  _ASM_EXTABLE_UA(1b, %l[efault])
			  : "+a"(found)
			  : [new] "r"(newval), [uaddr] "r"(uaddr)
			  : "memory", "cc" : efault);
	clac();
	*uval = found;
	return 0;
efault:
	clac();
	return -EFAULT;
}

#endif /* _ASM_FUTEX_H */
