/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loads and stores of little-endian values at any alignment, Linux's
 * get_unaligned_le32() family. x86-64 (and every host the tests run on) is
 * little-endian and tolerates unaligned accesses, so each is one memcpy()
 * of the value's size, which the compiler turns into a single move.
 */
#ifndef _LINUX_UNALIGNED_H
#define _LINUX_UNALIGNED_H

#include <linux/types.h>
#include <linux/string.h>

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "little-endian loads are plain copies");

static inline u32 get_unaligned_le32(const void *p)
{
	u32 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static inline void put_unaligned_le32(u32 v, void *p)
{
	memcpy(p, &v, sizeof(v));
}

#endif /* _LINUX_UNALIGNED_H */
