// SPDX-License-Identifier: GPL-2.0
/*
 * BLAKE2s (include/crypto/blake2s.h), written from RFC 7693.
 *
 * The compression function F mixes a 16-word work vector v: its top half
 * the chained value h, its bottom half the IV with the byte counter t
 * xored into v[12..13] and the final-block flag into v[14]. Ten rounds
 * each run the mixing function G down the columns and the diagonals of v
 * (as ChaCha's quarter round, with rotations 16, 12, 8, 7 to the right),
 * G taking two message words chosen by the round's row of blake2s_sigma.
 * Then h ^= v[0..7] ^ v[8..15].
 *
 * Constant time, pure (also built for the host tests,
 * tests/host/blake2s_test.c). A state belongs to one user: the entropy
 * pool's lock (drivers/char/random.c) serialises its users there.
 */
#include <crypto/blake2s.h>
#include <linux/bitops.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/unaligned.h>

static const u32 blake2s_iv[8] = {
	BLAKE2S_IV0, BLAKE2S_IV1, BLAKE2S_IV2, BLAKE2S_IV3,
	BLAKE2S_IV4, BLAKE2S_IV5, BLAKE2S_IV6, BLAKE2S_IV7,
};

/* RFC 7693 2.7: the message schedule of each of the ten rounds. */
static const u8 blake2s_sigma[10][16] = {
	{ 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 },
	{ 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3 },
	{ 11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4 },
	{ 7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8 },
	{ 9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13 },
	{ 2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9 },
	{ 12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11 },
	{ 13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10 },
	{ 6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5 },
	{ 10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0 },
};

static inline void blake2s_g(u32 *v, int a, int b, int c, int d, u32 x, u32 y)
{
	v[a] += v[b] + x; v[d] = ror32(v[d] ^ v[a], 16);
	v[c] += v[d];     v[b] = ror32(v[b] ^ v[c], 12);
	v[a] += v[b] + y; v[d] = ror32(v[d] ^ v[a], 8);
	v[c] += v[d];     v[b] = ror32(v[b] ^ v[c], 7);
}

/* Add @inc bytes to the 64-bit counter t. */
static void blake2s_increment_counter(struct blake2s_state *state, u32 inc)
{
	state->t[0] += inc;
	state->t[1] += state->t[0] < inc;
}

/* F: compress the block at @block into state->h, counting @inc bytes. */
static void blake2s_compress(struct blake2s_state *state, const u8 *block, u32 inc)
{
	u32 m[16], v[16];
	int i, r;

	blake2s_increment_counter(state, inc);
	for (i = 0; i < 16; i++)
		m[i] = get_unaligned_le32(block + 4 * i);
	memcpy(v, state->h, sizeof(state->h));
	memcpy(v + 8, blake2s_iv, sizeof(blake2s_iv));
	v[12] ^= state->t[0];
	v[13] ^= state->t[1];
	v[14] ^= state->f[0];
	v[15] ^= state->f[1];
	for (r = 0; r < 10; r++) {
		const u8 *s = blake2s_sigma[r];

		blake2s_g(v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
		blake2s_g(v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
		blake2s_g(v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
		blake2s_g(v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
		blake2s_g(v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
		blake2s_g(v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
		blake2s_g(v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
		blake2s_g(v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
	}
	for (i = 0; i < 8; i++)
		state->h[i] ^= v[i] ^ v[i + 8];
	memzero_explicit(m, sizeof(m));
	memzero_explicit(v, sizeof(v));
}

void blake2s_init_key(struct blake2s_state *state, size_t outlen, const void *key,
		      size_t keylen)
{
	WARN_ON_ONCE(!outlen || outlen > BLAKE2S_HASH_SIZE || keylen > BLAKE2S_KEY_SIZE ||
		     (!key && keylen));
	memset(state, 0, sizeof(*state));
	memcpy(state->h, blake2s_iv, sizeof(state->h));
	state->h[0] ^= BLAKE2S_PARAM0((u32)outlen, (u32)keylen);
	state->outlen = outlen;
	if (keylen) {
		/* The key, zero-padded to a block, is the first block. */
		memcpy(state->buf, key, keylen);
		state->buflen = BLAKE2S_BLOCK_SIZE;
	}
}

void blake2s_update(struct blake2s_state *state, const u8 *in, size_t inlen)
{
	size_t fill = BLAKE2S_BLOCK_SIZE - state->buflen;

	if (!inlen)
		return;
	/* Compress whatever is buffered only once more input follows it. */
	if (inlen > fill) {
		memcpy(state->buf + state->buflen, in, fill);
		blake2s_compress(state, state->buf, BLAKE2S_BLOCK_SIZE);
		state->buflen = 0;
		in += fill;
		inlen -= fill;
		for (; inlen > BLAKE2S_BLOCK_SIZE; in += BLAKE2S_BLOCK_SIZE,
		     inlen -= BLAKE2S_BLOCK_SIZE)
			blake2s_compress(state, in, BLAKE2S_BLOCK_SIZE);
	}
	memcpy(state->buf + state->buflen, in, inlen);
	state->buflen += inlen;
}

void blake2s_final(struct blake2s_state *state, u8 *out)
{
	u8 digest[BLAKE2S_HASH_SIZE];
	int i;

	state->f[0] = ~0U;
	memset(state->buf + state->buflen, 0, BLAKE2S_BLOCK_SIZE - state->buflen);
	blake2s_compress(state, state->buf, state->buflen);
	for (i = 0; i < 8; i++)
		put_unaligned_le32(state->h[i], digest + 4 * i);
	memcpy(out, digest, state->outlen);
	memzero_explicit(digest, sizeof(digest));
	memzero_explicit(state, sizeof(*state));
}
