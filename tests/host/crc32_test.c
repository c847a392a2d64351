// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of lib/crc32.c: gzip's check value, the CRC of every byte and
 * of every length and alignment against the polynomial computed bit by
 * bit (so every entry of the four tables is used and checked), and that
 * data fed in pieces gives the CRC of the whole.
 */
#include <linux/crc32.h>
#include "htest.h"

/* crc32_le() from the definition: one bit at a time. */
static u32 crc32_bitwise(u32 crc, const u8 *p, size_t len)
{
	int k;

	while (len--) {
		crc ^= *p++;
		for (k = 0; k < 8; k++)
			crc = crc & 1 ? (crc >> 1) ^ 0xedb88320 : crc >> 1;
	}
	return crc;
}

HTEST(crc32_gives_the_standard_check_value)
{
	/* CRC-32/ISO-HDLC of "123456789", as gzip and zlib compute it. */
	HT_EXPECT_EQ(crc32(~0U, "123456789", 9) ^ ~0U, 0xcbf43926U);
	HT_EXPECT_EQ(crc32(~0U, "", 0) ^ ~0U, 0U);
	HT_EXPECT_EQ(crc32_le(0x12345678, NULL, 0), 0x12345678U);
}

/*
 * One byte uses table 0 at that byte; four copies of it, from a zero
 * register, use all four tables at it: every entry is checked.
 */
HTEST(crc32_tables_match_the_polynomial_for_every_byte)
{
	unsigned int n;

	for (n = 0; n < 256; n++) {
		u8 b[4] = { n, n, n, n };

		HT_EXPECT_EQ(crc32_le(0, b, 1), crc32_bitwise(0, b, 1));
		HT_EXPECT_EQ(crc32_le(0, b, 4), crc32_bitwise(0, b, 4));
	}
}

/* Four bytes at a time, then the tail: every length and start. */
HTEST(crc32_matches_the_bitwise_definition_at_every_length_and_alignment)
{
	static u8 data[4096 + 8];
	unsigned int i, off, len;

	for (i = 0; i < sizeof(data); i++)
		data[i] = (i * 2654435761U) >> 13;
	for (off = 0; off < 8; off++)
		for (len = 0; len <= 64; len++)
			HT_EXPECT_EQ(crc32_le(~0U, data + off, len),
				     crc32_bitwise(~0U, data + off, len));
	HT_EXPECT_EQ(crc32_le(0x1234, data + 3, 4096), crc32_bitwise(0x1234, data + 3, 4096));
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
