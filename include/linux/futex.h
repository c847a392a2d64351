/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fast user-space mutexes (kernel/futex/), Linux's futex(2) ABI: the
 * operations and their flags, the FUTEX_WAKE_OP encoding, the robust-list
 * structures user space registers with set_robust_list(), the bits of a
 * lock word, and what the rest of the kernel calls: the cleanup at exit
 * and exec.
 *
 * A futex is a 32-bit word of user memory; the kernel keeps no state for
 * it except the tasks waiting on it, queued by the word's key (union
 * futex_key, kernel/futex/futex.h): (mm, address) for a private futex,
 * the backing file's inode and page offset for a shared one, so that
 * processes mapping the same page meet however they map it.
 */
#ifndef _LINUX_FUTEX_H
#define _LINUX_FUTEX_H

#include <linux/types.h>
#include <linux/compiler.h>

/* futex(2)'s operations (op & FUTEX_CMD_MASK), Linux's numbers. */
#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_FD		2	/* removed in Linux 2.6.26: -ENOSYS */
#define FUTEX_REQUEUE		3
#define FUTEX_CMP_REQUEUE	4
#define FUTEX_WAKE_OP		5
#define FUTEX_LOCK_PI		6	/* the PI operations: -ENOSYS (no PI futexes) */
#define FUTEX_UNLOCK_PI		7
#define FUTEX_TRYLOCK_PI	8
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10
#define FUTEX_WAIT_REQUEUE_PI	11
#define FUTEX_CMP_REQUEUE_PI	12
#define FUTEX_LOCK_PI2		13

#define FUTEX_PRIVATE_FLAG	128	/* the word is private to this mm: keyed by (mm, address) */
#define FUTEX_CLOCK_REALTIME	256	/* WAIT_BITSET's absolute timeout is CLOCK_REALTIME's */
#define FUTEX_CMD_MASK		~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME)

/* FUTEX_WAIT and FUTEX_WAKE are the BITSET operations with every bit set. */
#define FUTEX_BITSET_MATCH_ANY	0xffffffff

/*
 * FUTEX_WAKE_OP's val3: [op:4 | cmp:4 | oparg:12 | cmparg:12], high bits
 * first. The kernel atomically does *uaddr2 = oldval OP oparg (oparg =
 * 1 << oparg when FUTEX_OP_OPARG_SHIFT is in op), wakes waiters of uaddr,
 * and also those of uaddr2 when (int)oldval CMP cmparg.
 */
#define FUTEX_OP_SET		0	/* *uaddr2 = oparg */
#define FUTEX_OP_ADD		1	/* *uaddr2 += oparg */
#define FUTEX_OP_OR		2	/* *uaddr2 |= oparg */
#define FUTEX_OP_ANDN		3	/* *uaddr2 &= ~oparg */
#define FUTEX_OP_XOR		4	/* *uaddr2 ^= oparg */
#define FUTEX_OP_OPARG_SHIFT	8	/* use (1 << oparg) as the operand */

#define FUTEX_OP_CMP_EQ		0
#define FUTEX_OP_CMP_NE		1
#define FUTEX_OP_CMP_LT		2
#define FUTEX_OP_CMP_LE		3
#define FUTEX_OP_CMP_GT		4
#define FUTEX_OP_CMP_GE		5

#define FUTEX_OP(op, oparg, cmp, cmparg)				\
	((((op) & 0xfU) << 28) | (((cmp) & 0xfU) << 24) |			\
	 (((oparg) & 0xfffU) << 12) | ((cmparg) & 0xfffU))

/* The bits of a robust (or PI) lock word. */
#define FUTEX_WAITERS		0x80000000	/* someone sleeps on it: wake at unlock */
#define FUTEX_OWNER_DIED	0x40000000	/* its owner exited holding it */
#define FUTEX_TID_MASK		0x3fffffff	/* the owner's tid */

/*
 * The robust list (set_robust_list()): a per-thread circular list, in
 * user memory, of the robust mutexes the thread holds. Each entry is a
 * struct robust_list inside a mutex; the lock word is futex_offset bytes
 * from it. list_op_pending names a lock being taken or released, whose
 * entry may not be on the list yet. Bit 0 of a pointer marks a PI lock.
 */
struct robust_list {
	struct robust_list __user *next;
};

struct robust_list_head {
	struct robust_list list;
	long futex_offset;
	struct robust_list __user *list_op_pending;
};

/* The most entries the walk at exit follows: a loop in user memory ends there. */
#define ROBUST_LIST_LIMIT	2048

struct task_struct;

/**
 * futex_init - allocate the futex hash table, 256 buckets per possible CPU
 * (rounded up to a power of two), as Linux's.
 * Context: boot, after the CPUs are counted; a failure panics.
 */
void futex_init(void);

/**
 * futex_exit_release - a task's futex state at its exit: its robust list
 * walked (each lock it held gets FUTEX_OWNER_DIED and one waiter woken)
 * @tsk: current, in do_exit(), while its mm is still its own
 *
 * The CLONE_CHILD_CLEARTID word is kernel/exit.c's (mm_release(), which
 * wakes it through futex_wake_tid()). Context: process, may sleep.
 */
void futex_exit_release(struct task_struct *tsk);

/**
 * futex_exec_release - the same at execve(), before the old mm goes: the
 * robust list walked and forgotten (the new program registers its own).
 * @tsk: current. Context: process, may sleep.
 */
void futex_exec_release(struct task_struct *tsk);

/**
 * futex_wake_tid - wake one waiter of the CLONE_CHILD_CLEARTID word @uaddr
 * once mm_release() has zeroed it: FUTEX_WAKE, shared, as Linux's (glibc's
 * pthread_join() waits there). Context: process, may sleep.
 */
void futex_wake_tid(u32 __user *uaddr);

/**
 * do_futex - futex(2) after its arguments are read
 * @uaddr: the futex word
 * @op: the operation with its flags (FUTEX_PRIVATE_FLAG...)
 * @val: the expected value (WAIT) or the number to wake (WAKE...)
 * @timeout: an absolute time in ns on the operation's clock (CLOCK_MONOTONIC,
 *           or CLOCK_REALTIME with FUTEX_CLOCK_REALTIME), or NULL: none
 * @uaddr2: the second word (REQUEUE, CMP_REQUEUE, WAKE_OP)
 * @val2: the number to requeue or to wake on @uaddr2
 * @val3: the expected value (CMP_REQUEUE), the bitset, or WAKE_OP's op
 *
 * Return: what futex(2) returns: the number woken (and requeued), 0 after
 * a wait that was woken, or -EAGAIN, -ETIMEDOUT, -ERESTARTSYS, -EFAULT,
 * -EINVAL, -ENOSYS. Context: process, may sleep.
 */
long do_futex(u32 __user *uaddr, int op, u32 val, s64 *timeout, u32 __user *uaddr2,
	      u32 val2, u32 val3);

#endif /* _LINUX_FUTEX_H */
