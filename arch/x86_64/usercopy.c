// SPDX-License-Identifier: GPL-2.0
/*
 * The bulk user-memory functions of asm/uaccess.h.
 *
 * Copies and clears are one rep movsb / rep stosb between stac() and
 * clac(), with an exception-table entry on the instruction: a fault resumes
 * after it with RCX = the bytes not done, byte-exact, which is the return
 * value Linux defines. (With ERMS, rep movsb is also the fastest copy.)
 * The string functions read one byte at a time with unsafe_get_user():
 * they must stop at the NUL, and a string may end just before an unmapped
 * page.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/uaccess.h>

/* rep movsb from @from to @to; one of them is a user address. */
static unsigned long copy_user_generic(void *to, const void *from, unsigned long n)
{
	stac();
	__asm__ __volatile__("1: rep movsb\n"
			     "2:\n"
			     _ASM_EXTABLE_UA(1b, 2b)
			     : "+c"(n), "+D"(to), "+S"(from) : : "memory");
	clac();
	return n;
}

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left = n;

	if (access_ok(from, n))
		left = copy_user_generic(to, (const void *)from, n);
	if (unlikely(left))
		memset((char *)to + (n - left), 0, left);
	return left;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return copy_user_generic((void *)to, from, n);
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	stac();
	__asm__ __volatile__("1: rep stosb\n"
			     "2:\n"
			     _ASM_EXTABLE_UA(1b, 2b)
			     : "+c"(n), "+D"(to) : "a"(0) : "memory");
	clac();
	return n;
}

/* How far a string at @src may run before leaving user space (0: not user). */
static unsigned long user_string_room(const char __user *src)
{
	unsigned long addr = (unsigned long)src;

	return addr < TASK_SIZE_MAX ? TASK_SIZE_MAX - addr : 0;
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	unsigned long limit = user_string_room(src);
	long res;

	if (count <= 0)
		return 0;
	limit = min(limit, (unsigned long)count);
	if (!limit || !user_access_begin(src, limit))
		return -EFAULT;
	for (res = 0; res < (long)limit; res++) {
		char c;

		unsafe_get_user(c, src + res, efault);
		dst[res] = c;
		if (!c)
			break;
	}
	user_access_end();
	/* The end of user space before the NUL or @count is a fault. */
	return res < (long)limit || res == count ? res : -EFAULT;
efault:
	user_access_end();
	return -EFAULT;
}

long strnlen_user(const char __user *src, long n)
{
	unsigned long limit = user_string_room(src);
	long res;

	if (n <= 0)
		return 0;
	limit = min(limit, (unsigned long)n);
	if (!limit || !user_access_begin(src, limit))
		return 0;
	for (res = 0; res < (long)limit; res++) {
		char c;

		unsafe_get_user(c, src + res, efault);
		if (!c) {
			user_access_end();
			return res + 1;
		}
	}
	user_access_end();
	return res == n ? n + 1 : 0;
efault:
	user_access_end();
	return 0;
}
