/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The cache line: 64 bytes on every x86-64 CPU this kernel runs on (Intel
 * SDM vol. 3, 12.1; AMD APM vol. 2, 7.1). The one place it is defined:
 * SMP_CACHE_BYTES (memblock's default alignment, what data shared between
 * CPUs is padded to), L1_CACHE_BYTES (SLUB's SLAB_HWCACHE_ALIGN).
 */
#ifndef _ASM_X86_CACHE_H
#define _ASM_X86_CACHE_H

#define L1_CACHE_SHIFT		6
#define L1_CACHE_BYTES		(1 << L1_CACHE_SHIFT)
#define SMP_CACHE_BYTES		L1_CACHE_BYTES

/* Start the object on a cache line of its own. */
#define ____cacheline_aligned	__attribute__((__aligned__(SMP_CACHE_BYTES)))

#endif /* _ASM_X86_CACHE_H */
