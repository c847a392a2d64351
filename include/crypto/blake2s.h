/* SPDX-License-Identifier: GPL-2.0 */
/*
 * BLAKE2s (lib/crypto/blake2s.c), RFC 7693, with Linux's names: a hash of
 * 1..32 bytes over 32-bit words, optionally keyed (a MAC / PRF) with a key
 * of 1..32 bytes. The random number generator's entropy pool is one
 * running blake2s_state (drivers/char/random.c).
 *
 *   struct blake2s_state s;
 *   blake2s_init(&s, BLAKE2S_HASH_SIZE);     or blake2s_init_key(...)
 *   blake2s_update(&s, data, len);           as often as wanted
 *   blake2s_final(&s, out);                  s is wiped afterwards
 *
 * The state holds the chained value h, the byte counter t, the final-block
 * flag f, and up to one whole block not yet compressed: the last block
 * must be compressed with the flag set, so update() keeps a full buffer
 * back until more input proves it is not the last.
 */
#ifndef _CRYPTO_BLAKE2S_H
#define _CRYPTO_BLAKE2S_H

#include <linux/types.h>
#include <linux/bug.h>

#define BLAKE2S_BLOCK_SIZE	64
#define BLAKE2S_HASH_SIZE	32
#define BLAKE2S_KEY_SIZE	32

#define BLAKE2S_IV0		0x6A09E667U
#define BLAKE2S_IV1		0xBB67AE85U
#define BLAKE2S_IV2		0x3C6EF372U
#define BLAKE2S_IV3		0xA54FF53AU
#define BLAKE2S_IV4		0x510E527FU
#define BLAKE2S_IV5		0x9B05688CU
#define BLAKE2S_IV6		0x1F83D9ABU
#define BLAKE2S_IV7		0x5BE0CD19U

/*
 * The parameter block's first word, folded into h[0]: digest length,
 * key length, fanout 1, depth 1 (sequential mode).
 */
#define BLAKE2S_PARAM0(outlen, keylen)	(0x01010000U | ((keylen) << 8) | (outlen))

/* Owned by one user at a time: no lock. */
struct blake2s_state {
	u32 h[8];			/* chained value */
	u32 t[2];			/* bytes compressed, low and high word */
	u32 f[2];			/* f[0] all ones for the final block */
	u8 buf[BLAKE2S_BLOCK_SIZE];	/* input not yet compressed */
	unsigned int buflen;		/* bytes in buf, 0..BLAKE2S_BLOCK_SIZE */
	unsigned int outlen;		/* digest length, 1..BLAKE2S_HASH_SIZE */
};

/*
 * An unkeyed state for a BLAKE2S_HASH_SIZE digest, as a static
 * initializer: what blake2s_init(state, BLAKE2S_HASH_SIZE) computes.
 */
#define BLAKE2S_STATE_INIT {						\
	.h = { BLAKE2S_IV0 ^ BLAKE2S_PARAM0(BLAKE2S_HASH_SIZE, 0),	\
	       BLAKE2S_IV1, BLAKE2S_IV2, BLAKE2S_IV3, BLAKE2S_IV4,	\
	       BLAKE2S_IV5, BLAKE2S_IV6, BLAKE2S_IV7 },			\
	.outlen = BLAKE2S_HASH_SIZE,					\
}

/**
 * blake2s_init_key - start a (keyed) hash
 * @state: the state to set up
 * @outlen: digest length in bytes, 1..BLAKE2S_HASH_SIZE
 * @key: the key, or NULL when @keylen is 0
 * @keylen: key length in bytes, 0..BLAKE2S_KEY_SIZE (0: unkeyed)
 *
 * The key is padded to a block and hashed first, as RFC 7693 3.3 says.
 * Context: any.
 */
void blake2s_init_key(struct blake2s_state *state, size_t outlen, const void *key,
		      size_t keylen);

/* blake2s_init - start an unkeyed hash of @outlen bytes (1..BLAKE2S_HASH_SIZE). */
static inline void blake2s_init(struct blake2s_state *state, size_t outlen)
{
	blake2s_init_key(state, outlen, NULL, 0);
}

/* blake2s_update - hash @inlen more bytes at @in. Context: any. */
void blake2s_update(struct blake2s_state *state, const u8 *in, size_t inlen);

/**
 * blake2s_final - finish: write the digest and wipe the state
 * @state: the state; unusable until initialised again
 * @out: state->outlen bytes
 */
void blake2s_final(struct blake2s_state *state, u8 *out);

/**
 * blake2s - the digest of one buffer, in one call
 * @out: @outlen bytes of output
 * @in: the message (may be NULL when @inlen is 0)
 * @key: the key, or NULL when @keylen is 0
 * @outlen: 1..BLAKE2S_HASH_SIZE
 * @inlen: message length
 * @keylen: 0..BLAKE2S_KEY_SIZE
 */
static inline void blake2s(u8 *out, const u8 *in, const u8 *key, size_t outlen,
			   size_t inlen, size_t keylen)
{
	struct blake2s_state state;

	blake2s_init_key(&state, outlen, key, keylen);
	blake2s_update(&state, in, inlen);
	blake2s_final(&state, out);
}

#endif /* _CRYPTO_BLAKE2S_H */
