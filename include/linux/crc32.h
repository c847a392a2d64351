/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CRC-32 (lib/crc32.c): the IEEE 802.3 polynomial that gzip, zip and
 * Ethernet use, with Linux's names.
 */
#ifndef _LINUX_CRC32_H
#define _LINUX_CRC32_H

#include <linux/types.h>

/**
 * crc32_le - CRC-32, least significant bit first (polynomial 0xedb88320)
 * @crc: the running value: the seed for the first call, the previous
 *       result for the next piece of the same data
 * @p: the data
 * @len: its length in bytes
 *
 * No inversion is applied before or after, as in Linux: gzip's CRC32 of a
 * buffer is ``crc32_le(~0, p, len) ^ ~0``, and a buffer may be fed in
 * pieces (``crc = crc32_le(crc, piece, n)`` with the inversion once at each
 * end).
 *
 * Return: the updated CRC.
 * Context: any; pure code, no locks.
 */
u32 crc32_le(u32 crc, const unsigned char *p, size_t len);

#define crc32(seed, data, length) crc32_le(seed, (const unsigned char *)(data), length)

#endif /* _LINUX_CRC32_H */
