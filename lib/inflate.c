// SPDX-License-Identifier: GPL-2.0
/*
 * gunzip(): a DEFLATE decoder (RFC 1951) inside the gzip wrapper (RFC
 * 1952), with Linux's decompressor interface
 * (include/linux/decompress/inflate.h). The initramfs uses it.
 *
 * One call decodes one gzip member with one allocation, freed before it
 * returns:
 *
 *	struct inflate_state   bit reader, output position, two code tables
 *	window[32 KiB]         only with flush(): the last 32 KiB of output
 *	inbuf[16 KiB]          only with fill() and no caller buffer
 *
 * Input. All bytes pass through a 64-bit bit buffer (DEFLATE packs its
 * bit fields from the least significant bit of each byte): bitbuf holds
 * bitcnt unread bits, the next one in bit 0, and zeros above them.
 * more_bits() tops it up from in[in_pos..in_len), calling fill() when that
 * is used up. Whole bytes read ahead into bitbuf are not consumed: the
 * input taken is in_before + in_pos - bitcnt / 8 once the trailer,
 * byte-aligned, has been read.
 *
 * Output. Without flush() the output buffer is the window: a back
 * reference copies from outbuf itself. With flush() the window is a ring
 * of 32 KiB (DEFLATE's largest distance) handed to flush() each time it
 * fills; wpos wraps to 0 and the old bytes stay for references behind it.
 * A distance is checked against the bytes output so far (flushed + wpos),
 * never against the ring's size. The CRC32 is taken as bytes leave the
 * window (or over outbuf at the end).
 *
 * Huffman decoding is table-driven. A code of at most ROOTBITS bits is
 * found with one lookup in table[] indexed by the next ROOTBITS input
 * bits: each entry holds the symbol and the code's length, and a code of
 * length L fills the 2^(ROOTBITS - L) entries that start with it. An entry
 * of length 0 means the bits begin a longer code (rare: such a symbol
 * occurs less than once in 2^ROOTBITS) or none at all; decode_slow() then
 * continues canonically, one bit at a time, from the state the codes up to
 * ROOTBITS leave (long_first, long_index). Codes are canonical (RFC 1951
 * 3.2.2): symbols sorted by (length, value) get consecutive code values.
 *
 * Decoding has a fast path, inflate_fast(): while the input buffer holds
 * a whole symbol pair's bytes and the window has room for the longest
 * match, it works on local copies of the bit buffer and positions with no
 * bounds checks per bit; inflate_codes() takes one symbol at a time, with
 * every check, near the edges, then hands back to it.
 *
 * Errors: the first failure stores its message in msg and every function
 * returns -1 up to gunzip(), which reports it once through error().
 * Lengths and distances are checked before any copy, so malformed input
 * cannot make the decoder read or write outside its buffers.
 *
 * Locking: none; the state is private to one call.
 */
#include <linux/decompress/inflate.h>
#include <linux/crc32.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/kernel.h>
#include <linux/bug.h>

#define WSIZE		32768U	/* the window: the farthest a distance reaches */
#define MAXBITS		15	/* the longest Huffman code */
#define ROOTBITS	10	/* bits resolved by one table lookup */
#define NUM_LITLEN	288	/* literal/length symbols of the fixed code */
#define NUM_DIST	32	/* distance symbols of the fixed code */
#define MAX_DYN_LITLEN	286	/* what a dynamic block may declare */
#define MAX_DYN_DIST	30
#define END_OF_BLOCK	256
#define MAX_MATCH	258	/* the longest length */
#define FAST_IN_MIN	8	/* input bytes inflate_fast() may read in one refill */

/* gzip header flags (RFC 1952 2.3.1) */
#define FHCRC		0x02
#define FEXTRA		0x04
#define FNAME		0x08
#define FCOMMENT	0x10
#define FRESERVED	0xe0

/* table[] entries: the symbol in the low bits, the code length above. */
#define ENTRY_SYM_MASK	0x1ff
#define ENTRY_LEN_SHIFT	9
#define ROOTMASK	((1U << ROOTBITS) - 1)

struct huffman {
	u16 table[1 << ROOTBITS];	/* by the next ROOTBITS bits; length 0: see decode_slow() */
	u16 count[MAXBITS + 1];		/* codes of each length */
	u16 symbol[NUM_LITLEN];		/* symbols in canonical order */
	u16 long_first;			/* first code of length ROOTBITS + 1 */
	u16 long_index;			/* symbols with codes of at most ROOTBITS bits */
	const char *bad_code;		/* message for bits that are no code */
};

struct inflate_state {
	/* input */
	u8 *in;				/* the current input buffer */
	unsigned long in_pos, in_len;
	unsigned long in_before;	/* bytes of earlier fill() buffers */
	long (*fill)(void *, unsigned long);
	bool in_eof;			/* fill() said there is no more */
	u64 bitbuf;			/* bitcnt unread bits, the next in bit 0 */
	unsigned int bitcnt;
	/* output */
	u8 *win;			/* outbuf, or the 32 KiB ring */
	unsigned long wpos, wsize;	/* wsize: ULONG_MAX for outbuf (no wrap) */
	unsigned long flushed;		/* bytes handed to flush() */
	long (*flush)(void *, unsigned long);
	u32 crc;			/* uninverted, of what flush_window() passed on */
	const char *msg;		/* the first error */
	struct huffman lencode, distcode;
	bool fixed_tables;		/* lencode and distcode hold the fixed codes */
	u8 buf[];			/* the ring, then fill()'s buffer */
};

/* RFC 1951 3.2.5: base values and extra bits of length and distance symbols. */
static const u16 len_base[29] = {
	3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
	35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258
};
static const u8 len_extra[29] = {
	0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
	3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0
};
static const u16 dist_base[30] = {
	1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
	257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577
};
static const u8 dist_extra[30] = {
	0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
	7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13
};

static int fail(struct inflate_state *s, const char *msg)
{
	if (!s->msg)
		s->msg = msg;
	return -1;
}

/* ---- input ---------------------------------------------------------------- */

/* The current buffer is used up: get the next from fill(). 0 if it has bytes. */
static int next_input(struct inflate_state *s)
{
	long n;

	if (!s->fill || s->in_eof)
		return -1;
	n = s->fill(s->in, GZIP_IOBUF_SIZE);
	if (n <= 0 || n > GZIP_IOBUF_SIZE) {
		s->in_eof = true;
		return n ? fail(s, "read error") : -1;
	}
	s->in_before += s->in_len;
	s->in_pos = 0;
	s->in_len = n;
	return 0;
}

/* Fill bitbuf with as many whole bytes as fit, or as the input has. */
static inline void more_bits(struct inflate_state *s)
{
	while (s->bitcnt <= 56) {
		if (unlikely(s->in_pos == s->in_len) && next_input(s))
			return;
		s->bitbuf |= (u64)s->in[s->in_pos++] << s->bitcnt;
		s->bitcnt += 8;
	}
}

/* Make sure @n (at most 57) bits are in bitbuf. */
static inline int need_bits(struct inflate_state *s, unsigned int n)
{
	if (likely(s->bitcnt >= n))
		return 0;
	more_bits(s);
	return s->bitcnt >= n ? 0 : fail(s, "unexpected end of input");
}

/* Take @n bits that need_bits() made sure of. */
static inline u32 take_bits(struct inflate_state *s, unsigned int n)
{
	u32 v = s->bitbuf & ((1ULL << n) - 1);

	s->bitbuf >>= n;
	s->bitcnt -= n;
	return v;
}

/* Read @n bytes into @p (NULL: skip them), feeding the gzip header CRC @hcrc. */
static int header_bytes(struct inflate_state *s, u8 *p, unsigned int n, u32 *hcrc)
{
	u8 b;

	while (n--) {
		if (need_bits(s, 8))
			return -1;
		b = take_bits(s, 8);
		*hcrc = crc32_le(*hcrc, &b, 1);
		if (p)
			*p++ = b;
	}
	return 0;
}

/* Skip a zero-terminated header field (FNAME, FCOMMENT). */
static int header_string(struct inflate_state *s, u32 *hcrc)
{
	u8 b;

	do {
		if (header_bytes(s, &b, 1, hcrc))
			return -1;
	} while (b);
	return 0;
}

static u32 get_le(const u8 *p, unsigned int n)
{
	u32 v = 0;

	while (n--)
		v = v << 8 | p[n];
	return v;
}

/* RFC 1952 2.3: the member header, up to the first DEFLATE block. */
static int gzip_header(struct inflate_state *s)
{
	u32 hcrc = ~0U;
	u8 h[10], x[2];

	if (header_bytes(s, h, sizeof(h), &hcrc))
		return -1;
	if (h[0] != 0x1f || h[1] != 0x8b)
		return fail(s, "not a gzip file");
	if (h[2] != 8)
		return fail(s, "unsupported gzip compression method");
	if (h[3] & FRESERVED)
		return fail(s, "reserved gzip flags set");
	if (h[3] & FEXTRA) {
		if (header_bytes(s, x, 2, &hcrc) || header_bytes(s, NULL, get_le(x, 2), &hcrc))
			return -1;
	}
	if ((h[3] & FNAME) && header_string(s, &hcrc))
		return -1;
	if ((h[3] & FCOMMENT) && header_string(s, &hcrc))
		return -1;
	if (h[3] & FHCRC) {
		u32 want = ~hcrc & 0xffff;

		if (header_bytes(s, x, 2, &hcrc))
			return -1;
		if (get_le(x, 2) != want)
			return fail(s, "gzip header CRC mismatch");
	}
	return 0;
}

/* ---- output --------------------------------------------------------------- */

/* Hand win[0..wpos) on: into the CRC, and to flush() when there is one. */
static int flush_window(struct inflate_state *s)
{
	s->crc = crc32_le(s->crc, s->win, s->wpos);
	if (!s->flush || !s->wpos)
		return 0;
	if (s->flush(s->win, s->wpos) != (long)s->wpos)
		return fail(s, "write error");
	s->flushed += s->wpos;
	s->wpos = 0;
	return 0;
}

static inline int put_byte(struct inflate_state *s, u8 b)
{
	s->win[s->wpos++] = b;
	if (unlikely(s->wpos == s->wsize))
		return flush_window(s);
	return 0;
}

/*
 * Copy @len bytes forward from @from to @to, @dist bytes after it. With
 * @dist < @len the copy reads bytes it has just written (a repeated
 * pattern), so it moves 8 bytes at a time only when @dist >= 8.
 */
static inline void copy_forward(u8 *to, const u8 *from, unsigned int len, unsigned int dist)
{
	if (dist >= 8) {
		/* Each 8 bytes read lie wholly before the 8 written. */
		for (; len >= 8; len -= 8, to += 8, from += 8) {
			u64 v;

			__builtin_memcpy(&v, from, 8);
			__builtin_memcpy(to, &v, 8);
		}
	}
	while (len--)
		*to++ = *from++;
}

/* Copy @len bytes from @dist back, which has been checked to be output already. */
static int copy_match(struct inflate_state *s, unsigned int dist, unsigned int len)
{
	while (len) {
		unsigned long from = s->wpos >= dist ? s->wpos - dist : s->wpos + s->wsize - dist;
		unsigned long n = min3((unsigned long)len, s->wsize - s->wpos, s->wsize - from);
		u8 *dst = s->win + s->wpos, *src = s->win + from;

		s->wpos += n;
		len -= n;
		/* From the ring's end (src at or after dst), no byte read is one just written. */
		copy_forward(dst, src, n, src < dst ? dist : MAX_MATCH);
		if (s->wpos == s->wsize && flush_window(s))
			return -1;
	}
	return 0;
}

/* ---- Huffman codes -------------------------------------------------------- */

static unsigned int reverse_bits(unsigned int code, unsigned int len)
{
	unsigned int r = 0;

	while (len--) {
		r = r << 1 | (code & 1);
		code >>= 1;
	}
	return r;
}

/*
 * Build @h for symbols 0..@n-1 with code lengths @lengths (0: unused).
 * An over-subscribed set is refused; an incomplete one only when
 * @allow_single is set and it has no code or a single code of one bit
 * (RFC 1951 3.2.7 allows one distance code; zlib accepts the same sets).
 */
static int huffman_build(struct huffman *h, const u8 *lengths, unsigned int n, bool allow_single)
{
	u16 offs[MAXBITS + 1];
	unsigned int sym, len, code, idx, k, codes = 0;
	int left = 1;

	memset(h->count, 0, sizeof(h->count));
	for (sym = 0; sym < n; sym++)
		h->count[lengths[sym]]++;
	h->count[0] = 0;
	for (len = 1; len <= MAXBITS; len++) {
		left = (left << 1) - h->count[len];
		if (left < 0)
			return -1;
		codes += h->count[len];
	}
	if (left > 0 && !(allow_single && codes <= 1 && h->count[1] == codes))
		return -1;

	offs[1] = 0;
	for (len = 1; len < MAXBITS; len++)
		offs[len + 1] = offs[len] + h->count[len];
	for (sym = 0; sym < n; sym++)
		if (lengths[sym])
			h->symbol[offs[lengths[sym]]++] = sym;

	memset(h->table, 0, sizeof(h->table));
	code = idx = 0;
	for (len = 1; len <= ROOTBITS; len++) {
		for (k = 0; k < h->count[len]; k++, code++, idx++) {
			u16 entry = h->symbol[idx] | len << ENTRY_LEN_SHIFT;
			unsigned int i;

			for (i = reverse_bits(code, len); i < ARRAY_SIZE(h->table); i += 1U << len)
				h->table[i] = entry;
		}
		code <<= 1;
	}
	h->long_first = code;
	h->long_index = idx;
	return 0;
}

/*
 * A code longer than ROOTBITS, or none, at the start of @bits, of which
 * @avail are input: walk the canonical code from length ROOTBITS + 1
 * (code < first + count[n] finds the symbol; code >= first holds because
 * no shorter code matched). Return: the symbol, its length in *@len; -1
 * for bits that are no code, -2 when the input ends inside the code.
 */
static int huffman_decode_long(const struct huffman *h, u64 bits, unsigned int avail,
			       unsigned int *len)
{
	unsigned int code = reverse_bits(bits, ROOTBITS), first = h->long_first;
	unsigned int index = h->long_index, n;

	for (n = ROOTBITS + 1; n <= MAXBITS; n++) {
		if (n > avail)
			return -2;
		code = code << 1 | ((bits >> (n - 1)) & 1);
		if (code < first + h->count[n]) {
			*len = n;
			return h->symbol[index + code - first];
		}
		index += h->count[n];
		first = (first + h->count[n]) << 1;
	}
	return -1;
}

/* decode() when one lookup is not enough, or the input ran short. */
static noinline int decode_slow(struct inflate_state *s, const struct huffman *h)
{
	unsigned int len = h->table[s->bitbuf & ROOTMASK] >> ENTRY_LEN_SHIFT;
	int sym;

	if (len)	/* a short code, but not all its bits have arrived */
		return fail(s, "unexpected end of input");
	sym = huffman_decode_long(h, s->bitbuf, s->bitcnt, &len);
	if (sym < 0)
		return fail(s, sym == -2 ? "unexpected end of input" : h->bad_code);
	take_bits(s, len);
	return sym;
}

/* The next symbol of @h, or -1. */
static inline int decode(struct inflate_state *s, const struct huffman *h)
{
	unsigned int entry, len;

	if (s->bitcnt < MAXBITS)
		more_bits(s);
	entry = h->table[s->bitbuf & ROOTMASK];
	len = entry >> ENTRY_LEN_SHIFT;
	if (likely(len && len <= s->bitcnt)) {
		take_bits(s, len);
		return entry & ENTRY_SYM_MASK;
	}
	return decode_slow(s, h);
}

/* ---- blocks --------------------------------------------------------------- */

/*
 * The fast path of inflate_codes(). While at least FAST_IN_MIN input bytes
 * remain in the buffer and the window has room for the longest match, one
 * refill gives the bits of a whole literal or length/distance pair (at most
 * 15 + 5 + 15 + 13 bits), no fill() or flush() can be due, and the state
 * stays in registers. Long literal/length codes (rare) are left to the
 * slow path; long distance codes are decoded here, their bits being there.
 * Return: 1 at end-of-block, 0 when stopped short, -1 on an error.
 */
static int inflate_fast(struct inflate_state *s)
{
	const u8 *in = s->in + s->in_pos, *in_stop;
	u8 *win = s->win;
	unsigned long wpos = s->wpos, wstop;
	u64 bitbuf = s->bitbuf;
	unsigned int bitcnt = s->bitcnt, entry, n, sym, len, dist;
	int ret = 0;

	if (s->in_len - s->in_pos <= FAST_IN_MIN || s->wsize - s->wpos <= MAX_MATCH)
		return 0;
	in_stop = s->in + s->in_len - FAST_IN_MIN;
	wstop = s->wsize - MAX_MATCH;
	do {
		while (bitcnt <= 56) {
			bitbuf |= (u64)*in++ << bitcnt;
			bitcnt += 8;
		}
		entry = s->lencode.table[bitbuf & ROOTMASK];
		n = entry >> ENTRY_LEN_SHIFT;
		if (unlikely(!n))
			break;
		bitbuf >>= n;
		bitcnt -= n;
		sym = entry & ENTRY_SYM_MASK;
		if (likely(sym < END_OF_BLOCK)) {
			win[wpos++] = sym;
			continue;
		}
		if (sym == END_OF_BLOCK) {
			ret = 1;
			break;
		}
		sym -= END_OF_BLOCK + 1;
		if (unlikely(sym >= ARRAY_SIZE(len_base))) {
			ret = fail(s, "invalid literal/length code");
			break;
		}
		len = len_base[sym] + (bitbuf & ((1U << len_extra[sym]) - 1));
		bitbuf >>= len_extra[sym];
		bitcnt -= len_extra[sym];

		entry = s->distcode.table[bitbuf & ROOTMASK];
		n = entry >> ENTRY_LEN_SHIFT;
		sym = entry & ENTRY_SYM_MASK;
		if (unlikely(!n)) {
			int lsym = huffman_decode_long(&s->distcode, bitbuf, bitcnt, &n);

			if (lsym < 0) {
				ret = fail(s, s->distcode.bad_code);
				break;
			}
			sym = lsym;
		}
		bitbuf >>= n;
		bitcnt -= n;
		if (unlikely(sym >= ARRAY_SIZE(dist_base))) {
			ret = fail(s, "invalid distance code");
			break;
		}
		dist = dist_base[sym] + (bitbuf & ((1U << dist_extra[sym]) - 1));
		bitbuf >>= dist_extra[sym];
		bitcnt -= dist_extra[sym];
		if (unlikely(dist > s->flushed + wpos)) {
			ret = fail(s, "invalid distance too far back");
			break;
		}
		if (likely(dist <= wpos)) {
			copy_forward(win + wpos, win + wpos - dist, len, dist);
			wpos += len;
		} else {
			/* Behind the ring's start: its end holds the bytes (flush() mode). */
			s->wpos = wpos;
			copy_match(s, dist, len);	/* cannot reach wsize: no flush */
			wpos = s->wpos;
		}
	} while (in < in_stop && wpos < wstop);
	s->in_pos = in - s->in;
	s->wpos = wpos;
	s->bitbuf = bitbuf;
	s->bitcnt = bitcnt;
	return ret;
}

/*
 * The compressed data of a fixed or dynamic block, up to end-of-block:
 * inflate_fast() while it can, one symbol at a time near the edges of the
 * input or the window.
 */
static int inflate_codes(struct inflate_state *s)
{
	int sym, ret;
	unsigned int len, dist;

	for (;;) {
		ret = inflate_fast(s);
		if (ret)
			return ret < 0 ? ret : 0;
		sym = decode(s, &s->lencode);
		if (sym < 0)
			return -1;
		if (sym < END_OF_BLOCK) {
			if (put_byte(s, sym))
				return -1;
			continue;
		}
		if (sym == END_OF_BLOCK)
			return 0;
		sym -= END_OF_BLOCK + 1;
		if (sym >= (int)ARRAY_SIZE(len_base))
			return fail(s, "invalid literal/length code");
		if (need_bits(s, len_extra[sym]))
			return -1;
		len = len_base[sym] + take_bits(s, len_extra[sym]);

		sym = decode(s, &s->distcode);
		if (sym < 0)
			return -1;
		if (sym >= (int)ARRAY_SIZE(dist_base))
			return fail(s, "invalid distance code");
		if (need_bits(s, dist_extra[sym]))
			return -1;
		dist = dist_base[sym] + take_bits(s, dist_extra[sym]);
		if (dist > s->flushed + s->wpos)
			return fail(s, "invalid distance too far back");
		if (copy_match(s, dist, len))
			return -1;
	}
}

/* RFC 1951 3.2.4: LEN, NLEN, then LEN bytes as they are. */
static int inflate_stored(struct inflate_state *s)
{
	unsigned int len;

	take_bits(s, s->bitcnt & 7);
	if (need_bits(s, 32))
		return -1;
	len = take_bits(s, 16);
	if (len != (~take_bits(s, 16) & 0xffff))
		return fail(s, "invalid stored block lengths");
	/* Bytes already in bitbuf first, then straight from the input. */
	while (len && s->bitcnt) {
		if (put_byte(s, take_bits(s, 8)))
			return -1;
		len--;
	}
	while (len) {
		unsigned long n;

		if (s->in_pos == s->in_len && next_input(s))
			return fail(s, "unexpected end of input");
		n = min3((unsigned long)len, s->in_len - s->in_pos, s->wsize - s->wpos);
		memcpy(s->win + s->wpos, s->in + s->in_pos, n);
		s->in_pos += n;
		s->wpos += n;
		len -= n;
		if (s->wpos == s->wsize && flush_window(s))
			return -1;
	}
	return 0;
}

/* RFC 1951 3.2.6; the tables stay until a dynamic block replaces them. */
static int inflate_fixed(struct inflate_state *s)
{
	u8 lengths[NUM_LITLEN];

	if (s->fixed_tables)
		return inflate_codes(s);
	s->fixed_tables = true;
	memset(lengths, 8, 144);
	memset(lengths + 144, 9, 256 - 144);
	memset(lengths + 256, 7, 280 - 256);
	memset(lengths + 280, 8, NUM_LITLEN - 280);
	huffman_build(&s->lencode, lengths, NUM_LITLEN, false);
	memset(lengths, 5, NUM_DIST);
	huffman_build(&s->distcode, lengths, NUM_DIST, false);
	return inflate_codes(s);
}

/* Code lengths of a dynamic block, run-length coded (RFC 1951 3.2.7). */
static int read_code_lengths(struct inflate_state *s, u8 *lengths, unsigned int n)
{
	unsigned int i = 0, rep;
	int sym;
	u8 val;

	while (i < n) {
		sym = decode(s, &s->lencode);
		if (sym < 0)
			return -1;
		if (sym < 16) {
			lengths[i++] = sym;
			continue;
		}
		val = 0;
		if (sym == 16) {
			if (!i)
				return fail(s, "invalid bit length repeat");
			val = lengths[i - 1];
			if (need_bits(s, 2))
				return -1;
			rep = 3 + take_bits(s, 2);
		} else if (sym == 17) {
			if (need_bits(s, 3))
				return -1;
			rep = 3 + take_bits(s, 3);
		} else {
			if (need_bits(s, 7))
				return -1;
			rep = 11 + take_bits(s, 7);
		}
		if (rep > n - i)
			return fail(s, "invalid bit length repeat");
		memset(lengths + i, val, rep);
		i += rep;
	}
	return 0;
}

static int inflate_dynamic(struct inflate_state *s)
{
	static const u8 order[19] = {
		16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15
	};
	u8 lengths[MAX_DYN_LITLEN + MAX_DYN_DIST];
	unsigned int nlen, ndist, ncode, i;

	if (need_bits(s, 14))
		return -1;
	nlen = take_bits(s, 5) + 257;
	ndist = take_bits(s, 5) + 1;
	ncode = take_bits(s, 4) + 4;
	if (nlen > MAX_DYN_LITLEN || ndist > MAX_DYN_DIST)
		return fail(s, "too many length or distance symbols");

	memset(lengths, 0, ARRAY_SIZE(order));
	for (i = 0; i < ncode; i++) {
		if (need_bits(s, 3))
			return -1;
		lengths[order[i]] = take_bits(s, 3);
	}
	/* The code-length code borrows lencode until the real one is built. */
	s->fixed_tables = false;
	if (huffman_build(&s->lencode, lengths, ARRAY_SIZE(order), false))
		return fail(s, "invalid code lengths set");
	if (read_code_lengths(s, lengths, nlen + ndist))
		return -1;
	if (!lengths[END_OF_BLOCK])
		return fail(s, "missing end-of-block code");
	if (huffman_build(&s->lencode, lengths, nlen, true))
		return fail(s, "invalid literal/length code lengths");
	if (huffman_build(&s->distcode, lengths + nlen, ndist, true))
		return fail(s, "invalid distance code lengths");
	return inflate_codes(s);
}

static int inflate_blocks(struct inflate_state *s)
{
	unsigned int last, type;
	int ret;

	do {
		if (need_bits(s, 3))
			return -1;
		last = take_bits(s, 1);
		type = take_bits(s, 2);
		if (type == 0)
			ret = inflate_stored(s);
		else if (type == 1)
			ret = inflate_fixed(s);
		else if (type == 2)
			ret = inflate_dynamic(s);
		else
			ret = fail(s, "invalid block type");
		if (ret)
			return ret;
	} while (!last);
	return 0;
}

/* RFC 1952 2.3.1: CRC32 and ISIZE (the length modulo 2^32), after the last block. */
static int gzip_trailer(struct inflate_state *s)
{
	unsigned long total = s->flushed + s->wpos;
	u32 crc, size;

	if (flush_window(s))
		return -1;
	take_bits(s, s->bitcnt & 7);
	if (need_bits(s, 32))
		return -1;
	crc = take_bits(s, 32);
	if (need_bits(s, 32))
		return -1;
	size = take_bits(s, 32);
	if (crc != ~s->crc)
		return fail(s, "CRC32 mismatch");
	if (size != (u32)total)
		return fail(s, "length mismatch");
	return 0;
}

/* ---- the interface -------------------------------------------------------- */

static struct inflate_state *inflate_alloc(unsigned char *inbuf, long len,
					   long (*fill)(void *, unsigned long),
					   long (*flush)(void *, unsigned long),
					   unsigned char *outbuf)
{
	size_t win = flush ? WSIZE : 0, ibuf = fill && !inbuf ? GZIP_IOBUF_SIZE : 0;
	struct inflate_state *s = kvmalloc(sizeof(*s) + win + ibuf, GFP_KERNEL);

	if (!s)
		return NULL;
	memset(s, 0, sizeof(*s));
	s->in = inbuf ? inbuf : s->buf + win;
	s->in_len = inbuf && len > 0 ? len : 0;
	s->fill = fill;
	s->flush = flush;
	s->win = flush ? s->buf : outbuf;
	s->wsize = flush ? WSIZE : ULONG_MAX;
	s->crc = ~0U;
	s->lencode.bad_code = "invalid literal/length code";
	s->distcode.bad_code = "invalid distance code";
	return s;
}

int gunzip(unsigned char *inbuf, long len,
	   long (*fill)(void *, unsigned long),
	   long (*flush)(void *, unsigned long),
	   unsigned char *outbuf, long *posp,
	   void (*error)(char *x))
{
	struct inflate_state *s;
	const char *msg = NULL;

	if (WARN_ON_ONCE(!flush && !outbuf)) {
		msg = "no output buffer";
		goto out;
	}
	s = inflate_alloc(inbuf, len, fill, flush, outbuf);
	if (!s) {
		msg = "out of memory";
		goto out;
	}
	if (gzip_header(s) || inflate_blocks(s) || gzip_trailer(s))
		msg = s->msg;
	if (posp)
		*posp = s->in_before + s->in_pos - s->bitcnt / 8;
	kvfree(s);
out:
	if (msg && error)
		error((char *)msg);
	return msg ? -1 : 0;
}
