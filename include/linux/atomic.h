/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Atomic counters with Linux's interface on the compiler's __atomic
 * builtins (lock-prefixed instructions on x86), and compare-and-exchange:
 *
 *   cmpxchg(ptr, old, new)        store @new if *@ptr == @old; returns the
 *                                 value found (full barrier)
 *   try_cmpxchg(ptr, &old, new)   the same, as a bool; on failure @old is
 *                                 updated to the value found
 *   cmpxchg128(ptr, old, new)     16 bytes at once (cmpxchg16b; the CPU
 *                                 must have it: system_has_cmpxchg128())
 *   try_cmpxchg128(ptr, &old, new)  the same, returning success
 */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/types.h>

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	long counter;
} atomic_long_t;

#define ATOMIC_INIT(i)	{ (i) }

static inline int atomic_read(const atomic_t *v)
{
	return __atomic_load_n(&v->counter, __ATOMIC_RELAXED);
}

static inline void atomic_set(atomic_t *v, int i)
{
	__atomic_store_n(&v->counter, i, __ATOMIC_RELAXED);
}

static inline void atomic_add(int i, atomic_t *v)
{
	__atomic_fetch_add(&v->counter, i, __ATOMIC_RELAXED);
}

static inline void atomic_sub(int i, atomic_t *v)
{
	__atomic_fetch_sub(&v->counter, i, __ATOMIC_RELAXED);
}

static inline void atomic_inc(atomic_t *v)
{
	atomic_add(1, v);
}

static inline void atomic_dec(atomic_t *v)
{
	atomic_sub(1, v);
}

static inline int atomic_add_return(int i, atomic_t *v)
{
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline int atomic_sub_return(int i, atomic_t *v)
{
	return __atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline bool atomic_dec_and_test(atomic_t *v)
{
	return atomic_sub_return(1, v) == 0;
}

static inline long atomic_long_read(const atomic_long_t *v)
{
	return __atomic_load_n(&v->counter, __ATOMIC_RELAXED);
}

static inline void atomic_long_set(atomic_long_t *v, long i)
{
	__atomic_store_n(&v->counter, i, __ATOMIC_RELAXED);
}

static inline void atomic_long_add(long i, atomic_long_t *v)
{
	__atomic_fetch_add(&v->counter, i, __ATOMIC_RELAXED);
}

static inline void atomic_long_sub(long i, atomic_long_t *v)
{
	__atomic_fetch_sub(&v->counter, i, __ATOMIC_RELAXED);
}

static inline long atomic_long_add_return(long i, atomic_long_t *v)
{
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline void atomic_long_inc(atomic_long_t *v)
{
	atomic_long_add(1, v);
}

/* atomic_long_dec_and_test - decrement; true if it reached zero. */
static inline bool atomic_long_dec_and_test(atomic_long_t *v)
{
	return atomic_long_add_return(-1, v) == 0;
}

#define cmpxchg(ptr, old, new) ({						\
	__typeof__(*(ptr)) __old = (old);					\
	__atomic_compare_exchange_n(ptr, &__old, new, false, __ATOMIC_SEQ_CST,	\
				    __ATOMIC_SEQ_CST);				\
	__old;									\
})

#define try_cmpxchg(ptr, oldp, new)						\
	__atomic_compare_exchange_n(ptr, oldp, new, false, __ATOMIC_SEQ_CST,	\
				    __ATOMIC_SEQ_CST)

#define xchg(ptr, v)	__atomic_exchange_n(ptr, v, __ATOMIC_SEQ_CST)

static inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	return cmpxchg(&v->counter, old, new);
}

static inline bool atomic_try_cmpxchg(atomic_t *v, int *old, int new)
{
	return try_cmpxchg(&v->counter, old, new);
}

/* atomic_inc_not_zero - add 1 unless the count is 0 (a dying object). Return: whether it did. */
static inline bool atomic_inc_not_zero(atomic_t *v)
{
	int old = atomic_read(v);

	do {
		if (!old)
			return false;
	} while (!atomic_try_cmpxchg(v, &old, old + 1));
	return true;
}

/* Does this CPU have cmpxchg16b (CPUID.1:ECX bit 13)? */
static inline bool system_has_cmpxchg128(void)
{
	unsigned int a = 1, b, c, d;

	__asm__ __volatile__("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
	return c & (1U << 13);
}

typedef unsigned __int128 u128;

/* 16 bytes compared and exchanged at once; @ptr 16-byte aligned. */
static inline u128 cmpxchg128(u128 *ptr, u128 old, u128 new)
{
	u64 old_lo = (u64)old, old_hi = (u64)(old >> 64);

	__asm__ __volatile__("lock cmpxchg16b %[p]"
			     : [p] "+m"(*ptr), "+a"(old_lo), "+d"(old_hi)
			     : "b"((u64)new), "c"((u64)(new >> 64))
			     : "memory", "cc");
	return ((u128)old_hi << 64) | old_lo;
}

/* cmpxchg128() reporting success; on failure *@old gets the current value. */
static inline bool try_cmpxchg128(u128 *ptr, u128 *old, u128 new)
{
	u64 lo = (u64)*old, hi = (u64)(*old >> 64);
	bool ok;

	__asm__ __volatile__("lock cmpxchg16b %[p]"
			     : [p] "+m"(*ptr), "+a"(lo), "+d"(hi), "=@ccz"(ok)
			     : "b"((u64)new), "c"((u64)(new >> 64))
			     : "memory");
	if (!ok)
		*old = ((u128)hi << 64) | lo;
	return ok;
}

#endif /* _LINUX_ATOMIC_H */
