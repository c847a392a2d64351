/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ChaCha20 block function (lib/crypto/chacha.c), RFC 8439 section 2.3,
 * with Linux's names. The state is sixteen 32-bit words:
 *
 *   0..3    "expand 32-byte k"    the constants (chacha_init_consts())
 *   4..11   the 256-bit key       eight little-endian words
 *   12      the block counter     incremented by every chacha_block_generic()
 *   13..15  the 96-bit nonce      (or, as the RNG uses them, 12..13 one 64-bit
 *                                 counter and 14..15 zero)
 *
 * A block is the state run through 20 rounds and added to itself; its 64
 * bytes are the keystream. Pure code: the kernel's random number generator
 * (drivers/char/random.c) and the host tests use the same file.
 */
#ifndef _CRYPTO_CHACHA_H
#define _CRYPTO_CHACHA_H

#include <linux/types.h>
#include <linux/unaligned.h>

#define CHACHA_IV_SIZE		16
#define CHACHA_KEY_SIZE		32
#define CHACHA_BLOCK_SIZE	64
#define CHACHA_STATE_WORDS	(CHACHA_BLOCK_SIZE / sizeof(u32))

/**
 * chacha_block_generic - one block of keystream, then advance the counter
 * @state: the CHACHA_STATE_WORDS words; state[12] is incremented (it wraps
 *         without carrying into state[13]: a caller that wants a 64-bit
 *         counter carries itself)
 * @stream: CHACHA_BLOCK_SIZE bytes of output
 * @nrounds: 20 for ChaCha20 (12 and 8 are the reduced variants)
 *
 * Context: any; uses no lock and no memory but its arguments and its stack,
 * which it leaves holding no copy of the keystream.
 */
void chacha_block_generic(u32 *state, u8 *stream, int nrounds);

/* chacha20_block - chacha_block_generic() with ChaCha20's 20 rounds. */
static inline void chacha20_block(u32 *state, u8 *stream)
{
	chacha_block_generic(state, stream, 20);
}

/* chacha_init_consts - store "expand 32-byte k" in state[0..3]. */
static inline void chacha_init_consts(u32 *state)
{
	state[0] = 0x61707865;	/* "expa" */
	state[1] = 0x3320646e;	/* "nd 3" */
	state[2] = 0x79622d32;	/* "2-by" */
	state[3] = 0x6b206574;	/* "te k" */
}

/**
 * chacha_init_generic - a complete state from a key and an IV
 * @state: the CHACHA_STATE_WORDS words to fill
 * @key: the key as eight words (already in CPU order)
 * @iv: CHACHA_IV_SIZE bytes: the little-endian counter, then the nonce
 */
static inline void chacha_init_generic(u32 *state, const u32 *key, const u8 *iv)
{
	int i;

	chacha_init_consts(state);
	for (i = 0; i < 8; i++)
		state[4 + i] = key[i];
	for (i = 0; i < 4; i++)
		state[12 + i] = get_unaligned_le32(iv + 4 * i);
}

#endif /* _CRYPTO_CHACHA_H */
