/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Accessing user memory from the kernel, Linux's interface.
 *
 *   access_ok(ptr, size)          [ptr, ptr + size) lies below TASK_SIZE_MAX
 *   get_user(x, ptr)              one 1/2/4/8-byte load: 0 or -EFAULT (x = 0)
 *   put_user(x, ptr)              one store: 0 or -EFAULT
 *   __get_user, __put_user        the same without access_ok()
 *   copy_from_user(to, from, n)   bytes not copied (the rest of @to zeroed)
 *   copy_to_user(to, from, n)     bytes not copied
 *   clear_user(to, n)             bytes not cleared
 *   strncpy_from_user(dst, src, count)
 *                                 the string's length, @count if it did not
 *                                 end within @count bytes, or -EFAULT
 *   strnlen_user(src, n)          length including the NUL, n + 1 if longer
 *                                 than n, 0 on a fault
 *   copy_struct_from_user(dst, ksize, src, usize)
 *                                 an extensible structure (clone3()): 0,
 *                                 -E2BIG, -EFAULT
 *
 * How a bad pointer becomes an error instead of an oops: each instruction
 * that touches user memory has an exception-table entry (_ASM_EXTABLE_UA,
 * asm/asm.h); a page fault on it (an unmapped page) or a general protection
 * fault (a non-canonical address) resumes at its fixup (fault.c,
 * extable.c), which leaves through the error path. A bulk copy is one
 * rep movsb/stosb: on a fault RCX holds the bytes left, which is exactly
 * what the copy functions return. Kernel addresses never get that far:
 * access_ok() refuses them.
 *
 * With SMAP (asm/smap.h) every access runs between stac() and clac();
 * user_access_begin()/user_access_end() bracket a run of unsafe_get_user(),
 * which jumps to a label on a fault. Nothing between
 * them may sleep or call out.
 *
 * Until user space exists there is no user page to fault in: every user
 * address the kernel touches is either mapped (a test's own mapping) or
 * fails with -EFAULT.
 */
#ifndef _ASM_UACCESS_H
#define _ASM_UACCESS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <asm/asm.h>
#include <asm/page.h>
#include <asm/smap.h>

static inline bool __access_ok(const void __user *ptr, unsigned long size)
{
	unsigned long addr = (unsigned long)ptr;

	return size <= TASK_SIZE_MAX && addr <= TASK_SIZE_MAX - size;
}

/**
 * access_ok - may the kernel access [@addr, @addr + @size) as user memory?
 * @addr: the start of the range
 * @size: its length in bytes
 *
 * Return: true when the range lies wholly below TASK_SIZE_MAX. It says
 * nothing of whether the pages are mapped. Context: any.
 */
#define access_ok(addr, size)	likely(__access_ok(addr, size))

/* Begin a run of unsafe_*_user() on [@ptr, @ptr + @len); false: refused. */
static __always_inline bool user_access_begin(const void __user *ptr, unsigned long len)
{
	if (unlikely(!access_ok(ptr, len)))
		return false;
	stac();
	return true;
}

static __always_inline void user_access_end(void)
{
	clac();
}

void __get_user_bad(void);	/* never defined: a link error for other sizes */

/*
 * "asm volatile goto": GCC before 14 does not treat an asm goto with
 * outputs as volatile (GCC PR 113921) and drops it when the value is not
 * used, fault and all. The address goes in a register: a user pointer
 * may be misaligned, which an "m" operand of its type would not allow.
 */
#define __get_user_asm(x, ptr, itype, ltype, label)			\
	asm volatile goto("1: mov" itype " (%[uaddr]), %[output]\n"		\
		 _ASM_EXTABLE_UA(1b, %l[label])				\
		 : [output] ltype(x) : [uaddr] "r"(ptr) : : label)

/*
 * unsafe_get_user - load *@ptr into @x inside user_access_begin(), or jump
 * to @label on a fault (@x is then undefined).
 */
#define unsafe_get_user(x, ptr, label) do {				\
	switch (sizeof(*(ptr))) {					\
	case 1: __get_user_asm(x, ptr, "b", "=q", label); break;	\
	case 2: __get_user_asm(x, ptr, "w", "=r", label); break;	\
	case 4: __get_user_asm(x, ptr, "l", "=r", label); break;	\
	case 8: __get_user_asm(x, ptr, "q", "=r", label); break;	\
	default: __get_user_bad();					\
	}								\
} while (0)

/*
 * One load or store of 1, 2, 4 or 8 bytes between stac() and clac(), in a
 * function per size, so that the fault label is the function's own rather
 * than a statement expression's (which every macro nesting get_user()
 * would have to declare with __label__).
 */
#define DEFINE_GET_PUT_USER(size, type, itype, ltype)				\
static __always_inline int __get_user_##size(unsigned long *val,		\
					     const void __user *ptr)		\
{										\
	type v;									\
										\
	stac();									\
	unsafe_get_user(v, (const type __user *)ptr, efault);			\
	clac();									\
	*val = v;								\
	return 0;								\
efault:										\
	clac();									\
	*val = 0;								\
	return -EFAULT;								\
}										\
static __always_inline int __put_user_##size(type v, void __user *ptr)	\
{										\
	stac();									\
	asm volatile goto("1: mov" itype " %[val], (%[uaddr])\n"			\
		 _ASM_EXTABLE_UA(1b, %l[efault])				\
		 : : [val] ltype(v), [uaddr] "r"(ptr) : "memory" : efault);	\
	clac();									\
	return 0;								\
efault:										\
	clac();									\
	return -EFAULT;								\
}

DEFINE_GET_PUT_USER(1, u8, "b", "iq")
DEFINE_GET_PUT_USER(2, u16, "w", "ir")
DEFINE_GET_PUT_USER(4, u32, "l", "ir")
DEFINE_GET_PUT_USER(8, u64, "q", "er")

/**
 * __get_user - get_user() without the access_ok() check
 * @x: the variable to load into (0 after a fault)
 * @ptr: the user address, of a 1, 2, 4 or 8-byte type
 *
 * Return: 0 or -EFAULT. Context: may fault; not from interrupts.
 */
#define __get_user(x, ptr) ({						\
	unsigned long __gu_val;						\
	int __gu_err;							\
	switch (sizeof(*(ptr))) {					\
	case 1: __gu_err = __get_user_1(&__gu_val, (ptr)); break;	\
	case 2: __gu_err = __get_user_2(&__gu_val, (ptr)); break;	\
	case 4: __gu_err = __get_user_4(&__gu_val, (ptr)); break;	\
	case 8: __gu_err = __get_user_8(&__gu_val, (ptr)); break;	\
	default: __get_user_bad(); __gu_err = -EFAULT; __gu_val = 0;	\
	}								\
	(x) = (__typeof__(*(ptr)))__gu_val;				\
	__gu_err;							\
})

/**
 * get_user - load one value from user space
 * @x: the variable to load into (0 on any error)
 * @ptr: the user address, of a 1, 2, 4 or 8-byte type
 *
 * Return: 0, or -EFAULT when @ptr is not a user address or cannot be read.
 * Context: may fault; not from interrupts.
 */
#define get_user(x, ptr) ({						\
	__typeof__(ptr) __gu_ptr = (ptr);				\
	int __gu_ret = -EFAULT;						\
	if (access_ok(__gu_ptr, sizeof(*__gu_ptr)))			\
		__gu_ret = __get_user(x, __gu_ptr);			\
	else								\
		(x) = 0;						\
	__gu_ret;							\
})

/* __put_user - put_user() without the access_ok() check. */
#define __put_user(x, ptr) ({						\
	__typeof__(*(ptr)) __pu_val = (x);				\
	int __pu_err;							\
	switch (sizeof(*(ptr))) {					\
	case 1: __pu_err = __put_user_1((u8)(unsigned long)__pu_val, (ptr)); break;	\
	case 2: __pu_err = __put_user_2((u16)(unsigned long)__pu_val, (ptr)); break;	\
	case 4: __pu_err = __put_user_4((u32)(unsigned long)__pu_val, (ptr)); break;	\
	case 8: __pu_err = __put_user_8((u64)(unsigned long)__pu_val, (ptr)); break;	\
	default: __get_user_bad(); __pu_err = -EFAULT;			\
	}								\
	__pu_err;							\
})

/**
 * put_user - store one value to user space
 * @x: the value
 * @ptr: the user address, of a 1, 2, 4 or 8-byte type
 *
 * Return: 0, or -EFAULT when @ptr is not a user address or cannot be
 * written. Context: may fault; not from interrupts.
 */
#define put_user(x, ptr) ({						\
	__typeof__(ptr) __pu_ptr = (ptr);				\
	access_ok(__pu_ptr, sizeof(*__pu_ptr)) ?			\
		__put_user((x), __pu_ptr) : -EFAULT;			\
})

/**
 * copy_from_user - copy a block from user space
 * @to: the kernel destination
 * @from: the user source
 * @n: bytes to copy
 *
 * Return: the number of bytes not copied (0: all of them); those bytes at
 * the end of @to are zeroed. Context: may fault; not from interrupts.
 */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);

/**
 * copy_to_user - copy a block to user space
 * @to: the user destination
 * @from: the kernel source
 * @n: bytes to copy
 *
 * Return: the number of bytes not copied. Context: may fault.
 */
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);

/**
 * clear_user - zero a block of user space
 * @to: the user address
 * @n: bytes to zero
 *
 * Return: the number of bytes not zeroed. Context: may fault.
 */
unsigned long clear_user(void __user *to, unsigned long n);

/**
 * strncpy_from_user - copy a NUL-terminated string from user space
 * @dst: the kernel buffer, at least @count bytes
 * @src: the user string
 * @count: the most bytes to copy, the NUL included
 *
 * Return: the string's length (without the NUL, which is copied too);
 * @count when the string is @count bytes or longer (@dst is then not
 * terminated); -EFAULT when @src is not a user address or a byte of the
 * string cannot be read. Context: may fault.
 */
long strncpy_from_user(char *dst, const char __user *src, long count);

/**
 * strnlen_user - the length of a string in user space
 * @src: the user string
 * @n: the most bytes to look at
 *
 * Return: the length including the NUL; a value greater than @n when there
 * is no NUL in the first @n bytes; 0 on a fault or a bad @src.
 * Context: may fault.
 */
long strnlen_user(const char __user *src, long n);

/**
 * copy_struct_from_user - copy an extensible structure from user space
 * @dst: the kernel's structure, @ksize bytes
 * @ksize: the size the kernel knows
 * @src: the user's structure
 * @usize: the size the user passed
 *
 * Linux's rules for structures that grow by appending fields: a shorter
 * user structure is copied and the rest of @dst zeroed (an old program);
 * a longer one is copied if every byte beyond @ksize is zero (a newer
 * program not using what this kernel lacks), else -E2BIG.
 * Return: 0, -E2BIG, or -EFAULT. Context: process, may fault.
 */
int copy_struct_from_user(void *dst, size_t ksize, const void __user *src, size_t usize);

#endif /* _ASM_UACCESS_H */
