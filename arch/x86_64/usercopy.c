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

/* How much of a string at @src may be read: @count at most, none past TASK_SIZE_MAX. */
static unsigned long user_string_limit(const char __user *src, long count)
{
	unsigned long addr = (unsigned long)src;

	return addr < TASK_SIZE_MAX ? min(TASK_SIZE_MAX - addr, (unsigned long)count) : 0;
}

/*
 * Read the string at @src, copying it to @dst unless NULL, up to @limit
 * bytes (user_string_limit()). Return: the index of its NUL, @limit if
 * there is none within @limit, or -EFAULT.
 */
static long read_user_string(char *dst, const char __user *src, unsigned long limit)
{
	long res;

	if (!limit || !user_access_begin(src, limit))
		return -EFAULT;
	for (res = 0; res < (long)limit; res++) {
		char c;

		unsafe_get_user(c, src + res, efault);
		if (dst)
			dst[res] = c;
		if (!c)
			break;
	}
	user_access_end();
	return res;
efault:
	user_access_end();
	return -EFAULT;
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	unsigned long limit;
	long res;

	if (count <= 0)
		return 0;
	limit = user_string_limit(src, count);
	res = read_user_string(dst, src, limit);
	/* The end of user space before the NUL or @count is a fault. */
	return res == (long)limit && limit < (unsigned long)count ? -EFAULT : res;
}

long strnlen_user(const char __user *src, long n)
{
	unsigned long limit;
	long res;

	if (n <= 0)
		return 0;
	limit = user_string_limit(src, n);
	res = read_user_string(NULL, src, limit);
	if (res < 0 || (res == (long)limit && limit < (unsigned long)n))
		return 0;
	return res == n ? n + 1 : res + 1;
}

/* Are the @size bytes at @from all zero? 1 yes, 0 no, -EFAULT. */
static int check_zeroed_user(const void __user *from, size_t size)
{
	u8 chunk[64];

	while (size) {
		size_t n = min_t(size_t, size, sizeof(chunk));
		size_t i;

		if (copy_from_user(chunk, from, n))
			return -EFAULT;
		for (i = 0; i < n; i++)
			if (chunk[i])
				return 0;
		from = (const u8 __user *)from + n;
		size -= n;
	}
	return 1;
}

int copy_struct_from_user(void *dst, size_t ksize, const void __user *src, size_t usize)
{
	size_t size = min(ksize, usize);

	if (usize > ksize) {
		int ret = check_zeroed_user((const u8 __user *)src + ksize, usize - ksize);

		if (ret <= 0)
			return ret ?: -E2BIG;
	} else {
		memset((u8 *)dst + size, 0, ksize - size);
	}
	return copy_from_user(dst, src, size) ? -EFAULT : 0;
}
