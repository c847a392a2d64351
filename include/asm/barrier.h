/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory barriers, x86-64 (Linux's names). x86 keeps loads ordered with
 * loads and stores with stores (TSO): only a store followed by a load
 * needs a fence between CPUs, so smp_rmb() and smp_wmb() only stop the
 * compiler; smp_mb() is a locked add to the stack, cheaper than mfence
 * and as strong for ordinary memory.
 */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#include <linux/compiler.h>

#define smp_mb()	__asm__ __volatile__("lock addl $0, -4(%%rsp)" : : : "memory", "cc")
#define smp_rmb()	barrier()
#define smp_wmb()	barrier()

#define smp_load_acquire(p)		__atomic_load_n(p, __ATOMIC_ACQUIRE)
#define smp_store_release(p, v)		__atomic_store_n(p, v, __ATOMIC_RELEASE)

#endif /* _ASM_BARRIER_H */
