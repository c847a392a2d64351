// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of lib/crypto/blake2s.c: RFC 7693's example (BLAKE2s-256 of
 * "abc", appendix B), the self-test of its appendix E (a hash over the
 * keyed and unkeyed digests of 4 lengths x 6 message sizes, which crosses
 * every buffering edge: empty, partial, exactly one block, one byte more),
 * and that feeding a message in pieces changes nothing.
 */
#include <crypto/blake2s.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include "htest.h"

HTEST(blake2s_256_of_abc_matches_rfc7693_appendix_b)
{
	static const u8 expected[BLAKE2S_HASH_SIZE] = {
		0x50, 0x8C, 0x5E, 0x8C, 0x32, 0x7C, 0x14, 0xE2,
		0xE1, 0xA7, 0x2B, 0xA3, 0x4E, 0xEB, 0x45, 0x2F,
		0x37, 0x45, 0x8B, 0x20, 0x9E, 0xD6, 0x3A, 0x29,
		0x4D, 0x99, 0x9B, 0x4C, 0x86, 0x67, 0x59, 0x82,
	};
	u8 out[BLAKE2S_HASH_SIZE];

	blake2s(out, (const u8 *)"abc", NULL, sizeof(out), 3, 0);
	HT_EXPECT_EQ(memcmp(out, expected, sizeof(out)), 0);
}

/* RFC 7693 appendix E: a deterministic byte sequence (a Fibonacci generator). */
static void selftest_seq(u8 *out, size_t len, u32 seed)
{
	u32 a = 0xDEAD4BAD * seed, b = 1, t;
	size_t i;

	for (i = 0; i < len; i++) {
		t = a + b;
		a = b;
		b = t;
		out[i] = t >> 24;
	}
}

HTEST(blake2s_passes_rfc7693_selftest)
{
	static const u8 expected[BLAKE2S_HASH_SIZE] = {
		0x6A, 0x41, 0x1F, 0x08, 0xCE, 0x25, 0xAD, 0xCD,
		0xFB, 0x02, 0xAB, 0xA6, 0x41, 0x45, 0x1C, 0xEC,
		0x53, 0xC5, 0x98, 0xB2, 0x4F, 0x4F, 0xC7, 0x87,
		0xFB, 0xDC, 0x88, 0x79, 0x7F, 0x4C, 0x1D, 0xFE,
	};
	static const size_t md_len[] = { 16, 20, 28, 32 };
	static const size_t in_len[] = { 0, 3, 64, 65, 255, 1024 };
	static u8 in[1024];
	u8 md[BLAKE2S_HASH_SIZE], key[BLAKE2S_KEY_SIZE];
	struct blake2s_state grand;
	unsigned int i, j;

	blake2s_init(&grand, BLAKE2S_HASH_SIZE);
	for (i = 0; i < ARRAY_SIZE(md_len); i++) {
		for (j = 0; j < ARRAY_SIZE(in_len); j++) {
			selftest_seq(in, in_len[j], in_len[j]);
			blake2s(md, in, NULL, md_len[i], in_len[j], 0);
			blake2s_update(&grand, md, md_len[i]);
			selftest_seq(key, md_len[i], md_len[i]);
			blake2s(md, in, key, md_len[i], in_len[j], md_len[i]);
			blake2s_update(&grand, md, md_len[i]);
		}
	}
	blake2s_final(&grand, md);
	HT_EXPECT_EQ(memcmp(md, expected, sizeof(md)), 0);
}

HTEST(blake2s_in_pieces_equals_blake2s_at_once)
{
	static const size_t pieces[] = { 1, 63, 64, 65, 7, 128, 0, 200 };
	u8 msg[600], whole[BLAKE2S_HASH_SIZE], split[BLAKE2S_HASH_SIZE];
	struct blake2s_state state;
	size_t off = 0;
	unsigned int i;

	selftest_seq(msg, sizeof(msg), 7);
	blake2s(whole, msg, msg + 500, sizeof(whole), sizeof(msg), 16);
	blake2s_init_key(&state, sizeof(split), msg + 500, 16);
	for (i = 0; i < ARRAY_SIZE(pieces); i++) {
		blake2s_update(&state, msg + off, pieces[i]);
		off += pieces[i];
	}
	blake2s_update(&state, msg + off, sizeof(msg) - off);
	blake2s_final(&state, split);
	HT_EXPECT_EQ(memcmp(whole, split, sizeof(whole)), 0);
	/* final() wiped the state. */
	HT_EXPECT_EQ(state.h[0], 0U);
}

HTEST(blake2s_state_init_equals_blake2s_init)
{
	struct blake2s_state a = BLAKE2S_STATE_INIT, b;

	blake2s_init(&b, BLAKE2S_HASH_SIZE);
	HT_EXPECT_EQ(memcmp(&a, &b, sizeof(a)), 0);
}
