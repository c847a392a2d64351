/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU variables, as Linux's x86-64 implementation.
 *
 *   DEFINE_PER_CPU(type, name)   one instance per CPU; the definition is the
 *                                template in .data..percpu (linker.ld)
 *   this_cpu_read/write/add/inc/dec(var)
 *                                this CPU's instance, one %gs-relative
 *                                instruction: safe against interrupts on
 *                                this CPU, needs no preemption control
 *   this_cpu_ptr(&var), per_cpu_ptr(&var, cpu), per_cpu(var, cpu)
 *
 * Each CPU's area is a copy of the template (setup_per_cpu_areas(),
 * arch/x86_64/setup_percpu.c) at __per_cpu_offset[cpu] from it, and the
 * CPU's GS base holds that offset: %gs:var then addresses the CPU's own
 * instance, since the segment base is added to var's address. Until the
 * areas exist the boot CPU runs with GS base 0, on the template itself.
 *
 * Whoever uses this_cpu_ptr() across more than one instruction must not
 * migrate meanwhile: interrupts off (and, once there is preemption,
 * preemption off).
 */
#ifndef _LINUX_PERCPU_H
#define _LINUX_PERCPU_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/threads.h>
#include <linux/atomic.h>

#define PER_CPU_SECTION		".data..percpu"

#define DECLARE_PER_CPU(type, name)	extern __typeof__(type) name
#define DEFINE_PER_CPU(type, name)	\
	__section(PER_CPU_SECTION) __typeof__(type) name

extern char __per_cpu_start[], __per_cpu_end[];
extern unsigned long __per_cpu_offset[NR_CPUS];

/* This CPU's offset, and its number, in its own area. */
DECLARE_PER_CPU(unsigned long, this_cpu_off);
DECLARE_PER_CPU(unsigned int, cpu_number);

#define per_cpu_offset(cpu)	(__per_cpu_offset[cpu])

#define per_cpu_ptr(ptr, cpu)						\
	((__typeof__(ptr))((unsigned long)(ptr) + per_cpu_offset(cpu)))
#define per_cpu(var, cpu)	(*per_cpu_ptr(&(var), cpu))

/* One %gs-relative instruction on @var, sized by its type. */
#define __percpu_op(op, var, val) do {						\
	switch (sizeof(var)) {							\
	case 1: __asm__ __volatile__(op "b %1, %%gs:%0" : "+m"(var) : "qi"((u8)(unsigned long)(val))); break; \
	case 2: __asm__ __volatile__(op "w %1, %%gs:%0" : "+m"(var) : "ri"((u16)(unsigned long)(val))); break; \
	case 4: __asm__ __volatile__(op "l %1, %%gs:%0" : "+m"(var) : "ri"((u32)(unsigned long)(val))); break; \
	case 8: __asm__ __volatile__(op "q %1, %%gs:%0" : "+m"(var) : "re"((u64)(unsigned long)(val))); break; \
	default: __bad_percpu_size();						\
	}									\
} while (0)

void __bad_percpu_size(void);	/* never defined: a link error for other sizes */

#define this_cpu_read(var) ({							\
	__typeof__(var) __ret;							\
	switch (sizeof(var)) {							\
	case 1: __asm__ __volatile__("movb %%gs:%1, %0" : "=q"(__ret) : "m"(var)); break; \
	case 2: __asm__ __volatile__("movw %%gs:%1, %0" : "=r"(__ret) : "m"(var)); break; \
	case 4: __asm__ __volatile__("movl %%gs:%1, %0" : "=r"(__ret) : "m"(var)); break; \
	case 8: __asm__ __volatile__("movq %%gs:%1, %0" : "=r"(__ret) : "m"(var)); break; \
	default: __bad_percpu_size();						\
	}									\
	__ret;									\
})

#define this_cpu_write(var, val)	__percpu_op("mov", var, val)
#define this_cpu_add(var, val)		__percpu_op("add", var, val)
#define this_cpu_sub(var, val)		__percpu_op("sub", var, val)
#define this_cpu_inc(var)		this_cpu_add(var, 1)
#define this_cpu_dec(var)		this_cpu_sub(var, 1)

#define this_cpu_ptr(ptr)						\
	((__typeof__(ptr))((unsigned long)(ptr) + this_cpu_read(this_cpu_off)))
/* this_cpu_ptr() for callers that tolerate migrating right after. */
#define raw_cpu_ptr(ptr)	this_cpu_ptr(ptr)

/*
 * this_cpu_try_cmpxchg128 - one %gs-relative cmpxchg16b on 16 bytes
 * (16-byte aligned) of this CPU's instance: atomic against interrupts on
 * this CPU, which is all per-CPU data needs, so without a lock prefix.
 * Return: true if *@ovalp matched and @nval was stored; else false, with
 * the current value in *@ovalp.
 */
static inline bool __this_cpu_try_cmpxchg128(u128 *pcp, u128 *ovalp, u128 nval)
{
	u64 lo = (u64)*ovalp, hi = (u64)(*ovalp >> 64);
	bool ok;

	__asm__ __volatile__("cmpxchg16b %%gs:%[p]"
			     : [p] "+m"(*pcp), "+a"(lo), "+d"(hi), "=@ccz"(ok)
			     : "b"((u64)nval), "c"((u64)(nval >> 64))
			     : "memory");
	if (!ok)
		*ovalp = ((u128)hi << 64) | lo;
	return ok;
}
#define this_cpu_try_cmpxchg128(pcp, ovalp, nval)	\
	__this_cpu_try_cmpxchg128(&(pcp), ovalp, nval)

/*
 * Dynamic per-CPU memory (mm/percpu.c): a zeroed instance of @size bytes
 * for every CPU, used like the address of a DEFINE_PER_CPU variable.
 * Return: NULL when the reserve is exhausted. Context: not from NMI.
 */
void *__alloc_percpu(size_t size, size_t align);
#define alloc_percpu(type)	((type *)__alloc_percpu(sizeof(type), __alignof__(type)))
void free_percpu(void *ptr);

/*
 * setup_per_cpu_areas - give each possible CPU its copy of the template and
 * move the boot CPU onto its own. Context: boot, after nr_cpu_ids is known,
 * while memblock allocates.
 */
void setup_per_cpu_areas(void);

/* Point this CPU's GS base at @cpu's area (arch/x86_64/setup_percpu.c). */
void load_percpu_segment(unsigned int cpu);

#endif /* _LINUX_PERCPU_H */
