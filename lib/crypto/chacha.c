// SPDX-License-Identifier: GPL-2.0
/*
 * The ChaCha block function (include/crypto/chacha.h), written from RFC
 * 8439 section 2: a quarter round mixes four words with add, xor and
 * rotate (16, 12, 8, 7); a double round is four quarter rounds down the
 * columns of the 4x4 state, then four down its diagonals:
 *
 *    0  1  2  3      columns:   (0 4 8 12) (1 5 9 13) (2 6 10 14) (3 7 11 15)
 *    4  5  6  7      diagonals: (0 5 10 15) (1 6 11 12) (2 7 8 13) (3 4 9 14)
 *    8  9 10 11
 *   12 13 14 15
 *
 * nrounds / 2 double rounds run on a copy; the copy plus the input state,
 * stored little-endian, is the block. Then the counter (state[12]) moves on.
 * Plain C, constant time (no branch or index depends on the key), pure: it
 * builds for the host tests (tests/host/chacha_test.c) as well.
 */
#include <crypto/chacha.h>
#include <linux/bitops.h>
#include <linux/bug.h>
#include <linux/string.h>

static inline void chacha_quarter_round(u32 *x, int a, int b, int c, int d)
{
	x[a] += x[b]; x[d] = rol32(x[d] ^ x[a], 16);
	x[c] += x[d]; x[b] = rol32(x[b] ^ x[c], 12);
	x[a] += x[b]; x[d] = rol32(x[d] ^ x[a], 8);
	x[c] += x[d]; x[b] = rol32(x[b] ^ x[c], 7);
}

static void chacha_permute(u32 *x, int nrounds)
{
	int i;

	for (i = 0; i < nrounds; i += 2) {
		chacha_quarter_round(x, 0, 4, 8, 12);
		chacha_quarter_round(x, 1, 5, 9, 13);
		chacha_quarter_round(x, 2, 6, 10, 14);
		chacha_quarter_round(x, 3, 7, 11, 15);

		chacha_quarter_round(x, 0, 5, 10, 15);
		chacha_quarter_round(x, 1, 6, 11, 12);
		chacha_quarter_round(x, 2, 7, 8, 13);
		chacha_quarter_round(x, 3, 4, 9, 14);
	}
}

void chacha_block_generic(u32 *state, u8 *stream, int nrounds)
{
	u32 x[CHACHA_STATE_WORDS];
	unsigned int i;

	WARN_ON_ONCE(nrounds != 20 && nrounds != 12 && nrounds != 8);
	memcpy(x, state, sizeof(x));
	chacha_permute(x, nrounds);
	for (i = 0; i < CHACHA_STATE_WORDS; i++)
		put_unaligned_le32(x[i] + state[i], stream + 4 * i);
	state[12]++;
	memzero_explicit(x, sizeof(x));
}
