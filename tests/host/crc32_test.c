// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of lib/crc32.c: gzip's check value, every table entry against
 * the polynomial computed bit by bit, and that data fed in pieces gives the
 * CRC of the whole.
 */
#include <linux/crc32.h>
#include "htest.h"

/* The CRC of one byte with a zero register, from the definition. */
static u32 crc_of_byte_bitwise(u8 b)
{
	u32 c = b;
	int k;

	for (k = 0; k < 8; k++)
		c = c & 1 ? (c >> 1) ^ 0xedb88320 : c >> 1;
	return c;
}

HTEST(crc32_gives_the_standard_check_value)
{
	/* CRC-32/ISO-HDLC of "123456789", as gzip and zlib compute it. */
	HT_EXPECT_EQ(crc32(~0U, "123456789", 9) ^ ~0U, 0xcbf43926U);
	HT_EXPECT_EQ(crc32(~0U, "", 0) ^ ~0U, 0U);
	HT_EXPECT_EQ(crc32_le(0x12345678, NULL, 0), 0x12345678U);
}

HTEST(crc32_table_matches_the_polynomial_for_every_byte)
{
	unsigned int n;

	for (n = 0; n < 256; n++) {
		u8 b = n;

		HT_EXPECT_EQ(crc32_le(0, &b, 1), crc_of_byte_bitwise(b));
	}
}

HTEST(crc32_of_pieces_equals_crc32_of_the_whole)
{
	u8 data[1000];
	u32 whole, pieces = ~0U;
	unsigned int i, at, step;

	for (i = 0; i < sizeof(data); i++)
		data[i] = i * 7 + (i >> 3);
	whole = crc32_le(~0U, data, sizeof(data));
	for (at = 0, step = 1; at < sizeof(data); at += step, step += 3) {
		if (step > sizeof(data) - at)
			step = sizeof(data) - at;
		pieces = crc32_le(pieces, data + at, step);
	}
	HT_EXPECT_EQ(pieces, whole);
	data[500] ^= 0x10;
	HT_EXPECT_NE(crc32_le(~0U, data, sizeof(data)), whole);
}
