// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of lib/inflate.c (gunzip) and lib/decompress.c
 * (decompress_method), under AddressSanitizer and UBSan.
 *
 * The data is what the host's gzip made of fixed originals, embedded by
 * tests/host/inflate_fixtures.py (its header lists them): every fixture
 * must come back byte for byte, through an output buffer, through flush(),
 * and with the input pulled through fill() in odd-sized pieces. Each input
 * is copied into a heap block of its exact size (and outputs are sized
 * exactly), so a read or write one byte beyond is an ASan report.
 *
 * Malformed input: every bit, and every whole byte, of the small fixtures
 * flipped in turn must give an error or the right output, every
 * truncation an error; blocks assembled bit by bit (bitw_*) reach each
 * DEFLATE error. A leak on any path fails the run through LeakSanitizer.
 */
#include <linux/decompress/generic.h>
#include <linux/decompress/inflate.h>
#include <linux/crc32.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "htest.h"

/* ---- fixtures ------------------------------------------------------------- */

struct fixture {
	const char *name;
	const u8 *gz, *gz_end;
	const u8 *orig, *orig_end;
};

#define FIXTURE(n)							\
	extern const u8 fx_##n[], fx_##n##_end[], fx_##n##_orig[], fx_##n##_orig_end[]
#define FX(n)	{ #n, fx_##n, fx_##n##_end, fx_##n##_orig, fx_##n##_orig_end }

FIXTURE(text_1); FIXTURE(text_6); FIXTURE(text_9); FIXTURE(random); FIXTURE(tiny);
FIXTURE(empty); FIXTURE(repetitive); FIXTURE(skewed); FIXTURE(small);
FIXTURE(small_random); FIXTURE(flags); FIXTURE(multi);

/* The single-member fixtures. */
static const struct fixture fixtures[] = {
	FX(text_1), FX(text_6), FX(text_9), FX(random), FX(tiny), FX(empty),
	FX(repetitive), FX(skewed), FX(small), FX(small_random), FX(flags),
};

/* The small ones, for the sweeps over every bit and every length. */
static const struct fixture sweep_fixtures[] = {
	FX(tiny), FX(flags), FX(small), FX(small_random), FX(empty),
};

static const struct fixture multi = FX(multi);

#define gz_len(f)	((size_t)((f)->gz_end - (f)->gz))
#define orig_len(f)	((size_t)((f)->orig_end - (f)->orig))

/* ---- callbacks ------------------------------------------------------------ */

static char last_error[128];
static unsigned int error_calls;

static void record_error(char *x)
{
	strscpy(last_error, x, sizeof(last_error));
	error_calls++;
}

/* flush(): appends to sink[], refusing (short count) beyond sink_cap or sink_limit. */
static u8 *sink;
static size_t sink_len, sink_cap, sink_limit;
static unsigned long flush_calls;

static long flush_to_sink(void *buf, unsigned long n)
{
	unsigned long room = min(sink_cap, sink_limit) - sink_len;

	flush_calls++;
	HT_EXPECT_LE(n, 32768UL);
	if (n > room)
		n = room;
	memcpy(sink + sink_len, buf, n);
	sink_len += n;
	return n;
}

/* fill(): hands out src[] in pieces of at most src_chunk bytes; src_fail: an error. */
static const u8 *src;
static size_t src_len, src_pos, src_chunk;
static bool src_fail;

static long fill_from_src(void *buf, unsigned long size)
{
	size_t n = min3((size_t)size, src_chunk, src_len - src_pos);

	HT_EXPECT_EQ(size, (unsigned long)GZIP_IOBUF_SIZE);
	if (src_fail)
		return -1;
	memcpy(buf, src + src_pos, n);
	src_pos += n;
	return n;
}

static void reset_callbacks(void)
{
	last_error[0] = '\0';
	error_calls = 0;
	flush_calls = 0;
	sink_len = 0;
	sink_limit = ~(size_t)0;
	src_fail = false;
}

/* A heap copy of @len bytes of @p, exactly that size, so ASan sees its end. */
static u8 *heap_copy(const u8 *p, size_t len)
{
	u8 *q = kvmalloc(len ? len : 1, GFP_KERNEL);

	HT_ASSERT_TRUE(q);
	memcpy(q, p, len);
	return q;
}

/* ---- the ways of calling gunzip() ----------------------------------------- */

enum mode { TO_BUFFER, TO_FLUSH, FILL_OWN_BUF, FILL_CALLER_BUF };

/*
 * Decompress @len bytes of @gz in @mode (fill() in pieces of @chunk),
 * into a buffer of @cap bytes or sink[] (then of @cap bytes too). The
 * output is left in sink[0..sink_len).
 */
static int run_gunzip(const u8 *gz, size_t len, enum mode mode, size_t chunk, size_t cap,
		      long *pos)
{
	u8 *in = heap_copy(gz, len), *ibuf = NULL;
	int ret = -1;

	reset_callbacks();
	if (!sink || sink_cap != cap) {
		kvfree(sink);
		sink = kvmalloc(cap ? cap : 1, GFP_KERNEL);
		HT_ASSERT_TRUE(sink);
		sink_cap = cap;
	}
	src = in;
	src_len = len;
	src_pos = 0;
	src_chunk = chunk;
	switch (mode) {
	case TO_BUFFER:
		ret = gunzip(in, len, NULL, NULL, sink, pos, record_error);
		/* Without flush(), the output length is what the trailer vouched for. */
		sink_len = ret ? 0 : cap;
		break;
	case TO_FLUSH:
		ret = gunzip(in, len, NULL, flush_to_sink, NULL, pos, record_error);
		break;
	case FILL_OWN_BUF:
		ret = gunzip(NULL, 0, fill_from_src, flush_to_sink, NULL, pos, record_error);
		break;
	case FILL_CALLER_BUF:
		ibuf = kvmalloc(GZIP_IOBUF_SIZE, GFP_KERNEL);
		HT_ASSERT_TRUE(ibuf);
		ret = gunzip(ibuf, 0, fill_from_src, flush_to_sink, NULL, pos, record_error);
		break;
	}
	HT_EXPECT_EQ(error_calls, ret ? 1U : 0U);
	kvfree(ibuf);
	kvfree(in);
	return ret;
}

static void expect_fixture(const struct fixture *f, enum mode mode, size_t chunk)
{
	long pos = -1;
	int ret = run_gunzip(f->gz, gz_len(f), mode, chunk, orig_len(f), &pos);

	if (ret)
		htest_fail(__FILE__, __LINE__, "%s, mode %d, chunk %zu: \"%s\"", f->name,
			   mode, chunk, last_error);
	HT_EXPECT_EQ(ret, 0);
	HT_EXPECT_EQ(pos, (long)gz_len(f));
	HT_EXPECT_EQ(sink_len, orig_len(f));
	HT_EXPECT_TRUE(sink_len == orig_len(f) && !memcmp(sink, f->orig, sink_len));
}

/* ---- whole files ---------------------------------------------------------- */

HTEST(gunzip_decompresses_every_fixture_into_a_buffer)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(fixtures); i++)
		expect_fixture(&fixtures[i], TO_BUFFER, 0);
}

HTEST(gunzip_decompresses_every_fixture_through_flush)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(fixtures); i++) {
		expect_fixture(&fixtures[i], TO_FLUSH, 0);
		/* 32 KiB pieces: one flush per window, and one for the rest. */
		HT_EXPECT_EQ(flush_calls, DIV_ROUND_UP(orig_len(&fixtures[i]), 32768UL));
	}
}

HTEST(gunzip_reads_through_fill_in_pieces_of_any_size)
{
	static const size_t chunks[] = { 1, 7, 1000, GZIP_IOBUF_SIZE };
	unsigned int i, c;

	for (i = 0; i < ARRAY_SIZE(fixtures); i++) {
		for (c = 0; c < ARRAY_SIZE(chunks); c++) {
			/* Byte by byte only where it stays quick. */
			if (chunks[c] < 1000 && gz_len(&fixtures[i]) > 65536)
				continue;
			expect_fixture(&fixtures[i], FILL_OWN_BUF, chunks[c]);
		}
		expect_fixture(&fixtures[i], FILL_CALLER_BUF, GZIP_IOBUF_SIZE);
	}
}

HTEST(gunzip_posp_walks_a_multi_member_file)
{
	size_t at = 0, out = 0;
	unsigned int members = 0;
	long pos;

	while (at < gz_len(&multi)) {
		pos = -1;
		HT_ASSERT_EQ(run_gunzip(multi.gz + at, gz_len(&multi) - at, TO_FLUSH, 0,
					orig_len(&multi), &pos), 0);
		HT_ASSERT_TRUE(pos > 0 && (size_t)pos <= gz_len(&multi) - at);
		HT_ASSERT_TRUE(out + sink_len <= orig_len(&multi));
		HT_EXPECT_TRUE(!memcmp(sink, multi.orig + out, sink_len));
		out += sink_len;
		at += pos;
		members++;
	}
	HT_EXPECT_EQ(members, 4U);
	HT_EXPECT_EQ(at, gz_len(&multi));
	HT_EXPECT_EQ(out, orig_len(&multi));
}

HTEST(gunzip_posp_ends_at_the_trailer_when_more_data_follows)
{
	const struct fixture *f = &sweep_fixtures[0];
	u8 buf[256];
	long pos = -1;

	/* A cpio archive after the member, as in an initramfs. */
	memcpy(buf, f->gz, gz_len(f));
	memcpy(buf + gz_len(f), "070701000000000000000000", 24);
	HT_EXPECT_EQ(run_gunzip(buf, gz_len(f) + 24, TO_BUFFER, 0, orig_len(f), &pos), 0);
	HT_EXPECT_EQ(pos, (long)gz_len(f));
	HT_EXPECT_TRUE(!memcmp(sink, f->orig, orig_len(f)));
}

/* ---- decompress_method ---------------------------------------------------- */

HTEST(decompress_method_knows_gzip_and_names_the_others)
{
	static const unsigned char gz[] = { 0x1f, 0x8b, 8 }, xz[] = { 0xfd, '7', 'z' },
		zstd[] = { 0x28, 0xb5 }, cpio[] = "070701";
	const char *name = "unset";

	HT_EXPECT_TRUE(decompress_method(gz, sizeof(gz), &name) == gunzip);
	HT_EXPECT_STREQ(name, "gzip");
	HT_EXPECT_TRUE(decompress_method(gz, sizeof(gz), NULL) == gunzip);
	HT_EXPECT_TRUE(decompress_method(xz, sizeof(xz), &name) == NULL);
	HT_EXPECT_STREQ(name, "xz");
	HT_EXPECT_TRUE(decompress_method(zstd, sizeof(zstd), &name) == NULL);
	HT_EXPECT_STREQ(name, "zstd");
	HT_EXPECT_TRUE(decompress_method(cpio, 6, &name) == NULL);
	HT_EXPECT_TRUE(name == NULL);
	name = "unset";
	HT_EXPECT_TRUE(decompress_method(gz, 1, &name) == NULL);
	HT_EXPECT_TRUE(name == NULL);
}

/* ---- malformed input: sweeps ---------------------------------------------- */

/*
 * Output cannot outgrow 1032 bytes per input byte: a match of 258 bytes
 * costs at least two bits (a literal/length and a distance code).
 */
#define MAX_EXPANSION(len)	(1032 * (len) + 64)

HTEST(gunzip_with_any_bit_or_byte_flipped_fails_or_gives_the_original)
{
	unsigned int i, bit, errors = 0, runs = 0;
	size_t at;

	for (i = 0; i < ARRAY_SIZE(sweep_fixtures); i++) {
		const struct fixture *f = &sweep_fixtures[i];
		u8 *gz = heap_copy(f->gz, gz_len(f));

		for (at = 0; at < gz_len(f); at++) {
			/* Each bit alone, then the whole byte (bit 8). */
			for (bit = 0; bit <= 8; bit++) {
				enum mode mode = bit & 1 ? TO_FLUSH : TO_BUFFER;
				u8 mask = bit < 8 ? 1 << bit : 0xff;
				int ret;

				gz[at] ^= mask;
				ret = run_gunzip(gz, gz_len(f), mode, 0, MAX_EXPANSION(gz_len(f)), NULL);
				gz[at] ^= mask;
				runs++;
				if (ret) {
					errors++;
					HT_EXPECT_TRUE(last_error[0]);
					continue;
				}
				/* Only MTIME, XFL, OS or FTEXT may change without harm. */
				if (mode == TO_FLUSH)
					HT_EXPECT_EQ(sink_len, orig_len(f));
				HT_EXPECT_TRUE(!memcmp(sink, f->orig, orig_len(f)));
			}
		}
		kvfree(gz);
	}
	/* Most flips must be caught (the CRC catches what decodes). */
	HT_EXPECT_GT(errors, runs / 2);
}

HTEST(gunzip_truncated_at_any_length_reports_the_end_of_input)
{
	unsigned int i;
	size_t len;

	for (i = 0; i < ARRAY_SIZE(sweep_fixtures); i++) {
		const struct fixture *f = &sweep_fixtures[i];

		for (len = 0; len < gz_len(f); len++) {
			enum mode mode = len & 1 ? FILL_OWN_BUF : TO_BUFFER;

			HT_EXPECT_EQ(run_gunzip(f->gz, len, mode, 5, MAX_EXPANSION(len), NULL), -1);
			HT_EXPECT_STREQ(last_error, "unexpected end of input");
			HT_EXPECT_EQ(run_gunzip(f->gz, len, TO_FLUSH, 0, MAX_EXPANSION(len), NULL), -1);
			HT_EXPECT_STREQ(last_error, "unexpected end of input");
		}
	}
}

/* ---- malformed input: each error ------------------------------------------ */

/* A DEFLATE stream written bit by bit, inside a gzip header and a zero trailer. */
struct bitw {
	u8 buf[128];
	unsigned int nbits;
};

static void bitw_init(struct bitw *w)
{
	static const u8 header[10] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3 };

	memset(w, 0, sizeof(*w));
	memcpy(w->buf, header, sizeof(header));
	w->nbits = sizeof(header) * 8;
}

/* A field of @n bits, least significant first. */
static void bitw_put(struct bitw *w, u32 v, unsigned int n)
{
	while (n--) {
		if (v & 1)
			w->buf[w->nbits / 8] |= 1 << (w->nbits % 8);
		w->nbits++;
		v >>= 1;
	}
}

/* A Huffman code of @len bits, most significant first (RFC 1951 3.1.1). */
static void bitw_code(struct bitw *w, u32 code, unsigned int len)
{
	while (len--)
		bitw_put(w, code >> len, 1);
}

/* Decompress what @w holds plus an 8-byte trailer; the error message. */
static const char *bitw_gunzip(struct bitw *w)
{
	size_t len = DIV_ROUND_UP(w->nbits, 8) + 8;

	HT_ASSERT_TRUE(len <= sizeof(w->buf));
	if (run_gunzip(w->buf, len, TO_BUFFER, 0, 4096, NULL))
		return last_error;
	return "(success)";
}

/*
 * The start of a dynamic block (the last with @last) whose code-length
 * code gives symbol 1 a 1-bit code (0), and symbols 0 and 18 2-bit codes
 * (10, 11); then @nlen - 257 and @ndist - 1.
 */
static void bitw_dynamic(struct bitw *w, bool last, unsigned int nlen, unsigned int ndist)
{
	/* Code-length code lengths in RFC order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1 */
	static const u8 clen[18] = { 0, 0, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 };
	unsigned int i;

	bitw_put(w, last, 1);		/* BFINAL */
	bitw_put(w, 2, 2);		/* dynamic */
	bitw_put(w, nlen - 257, 5);
	bitw_put(w, ndist - 1, 5);
	bitw_put(w, ARRAY_SIZE(clen) - 4, 4);
	for (i = 0; i < ARRAY_SIZE(clen); i++)
		bitw_put(w, clen[i], 3);
}

/* Code lengths with that code: a run of @n zeros (11..138 each), or a 1. */
static void bitw_zeros(struct bitw *w, unsigned int n)
{
	while (n) {
		unsigned int run = min(n, 138U);

		HT_ASSERT_TRUE(run >= 11);
		bitw_code(w, 3, 2);		/* 18: 11 + 7 bits of zeros */
		bitw_put(w, run - 11, 7);
		n -= run;
	}
}

static void bitw_one(struct bitw *w)
{
	bitw_code(w, 0, 1);
}

HTEST(gunzip_reports_a_bad_gzip_header)
{
	u8 gz[128];
	const struct fixture *flags = &sweep_fixtures[1];

	memcpy(gz, sweep_fixtures[0].gz, gz_len(&sweep_fixtures[0]));
	gz[1] = 0x8c;
	HT_EXPECT_EQ(run_gunzip(gz, 20, TO_BUFFER, 0, 64, NULL), -1);
	HT_EXPECT_STREQ(last_error, "not a gzip file");
	gz[1] = 0x8b;
	gz[2] = 7;
	HT_EXPECT_EQ(run_gunzip(gz, 20, TO_BUFFER, 0, 64, NULL), -1);
	HT_EXPECT_STREQ(last_error, "unsupported gzip compression method");
	gz[2] = 8;
	gz[3] = 0x20;
	HT_EXPECT_EQ(run_gunzip(gz, 20, TO_BUFFER, 0, 64, NULL), -1);
	HT_EXPECT_STREQ(last_error, "reserved gzip flags set");

	/* The FHCRC fixture with its header CRC (the two bytes before the data) off by one. */
	memcpy(gz, flags->gz, gz_len(flags));
	gz[10 + 2 + 6 + 10 + 10]++;
	HT_EXPECT_EQ(run_gunzip(gz, gz_len(flags), TO_BUFFER, 0, 64, NULL), -1);
	HT_EXPECT_STREQ(last_error, "gzip header CRC mismatch");
}

HTEST(gunzip_reports_a_bad_trailer)
{
	const struct fixture *f = &sweep_fixtures[2];
	u8 *gz = heap_copy(f->gz, gz_len(f));

	gz[gz_len(f) - 8] ^= 1;		/* CRC32 */
	HT_EXPECT_EQ(run_gunzip(gz, gz_len(f), TO_FLUSH, 0, orig_len(f), NULL), -1);
	HT_EXPECT_STREQ(last_error, "CRC32 mismatch");
	gz[gz_len(f) - 8] ^= 1;
	gz[gz_len(f) - 4] ^= 1;		/* ISIZE */
	HT_EXPECT_EQ(run_gunzip(gz, gz_len(f), TO_FLUSH, 0, orig_len(f), NULL), -1);
	HT_EXPECT_STREQ(last_error, "length mismatch");
	kvfree(gz);
}

HTEST(gunzip_reports_bad_block_headers)
{
	struct bitw w;

	bitw_init(&w);
	bitw_put(&w, 1, 1);
	bitw_put(&w, 3, 2);
	HT_EXPECT_STREQ(bitw_gunzip(&w), "invalid block type");

	bitw_init(&w);
	bitw_put(&w, 1, 1);
	bitw_put(&w, 0, 2);
	w.nbits = ALIGN(w.nbits, 8);
	bitw_put(&w, 5, 16);
	bitw_put(&w, 5, 16);		/* NLEN must be ~5 */
	HT_EXPECT_STREQ(bitw_gunzip(&w), "invalid stored block lengths");
}

HTEST(gunzip_reports_bad_fixed_block_codes)
{
	struct bitw w;

	/* Length 3 at distance 1 before any output. */
	bitw_init(&w);
	bitw_put(&w, 1, 1);
	bitw_put(&w, 1, 2);
	bitw_code(&w, 1, 7);		/* 257 */
	bitw_code(&w, 0, 5);		/* distance 1 */
	HT_EXPECT_STREQ(bitw_gunzip(&w), "invalid distance too far back");

	/* 'a', then distance 2 (one byte out). */
	bitw_init(&w);
	bitw_put(&w, 1, 1);
	bitw_put(&w, 1, 2);
	bitw_code(&w, 0x30 + 'a', 8);
	bitw_code(&w, 1, 7);
	bitw_code(&w, 1, 5);
	HT_EXPECT_STREQ(bitw_gunzip(&w), "invalid distance too far back");

	bitw_init(&w);
	bitw_put(&w, 1, 1);
	bitw_put(&w, 1, 2);
	bitw_code(&w, 0xc0 + 286 - 280, 8);
	HT_EXPECT_STREQ(bitw_gunzip(&w), "invalid literal/length code");

	bitw_init(&w);
	bitw_put(&w, 1, 1);
	bitw_put(&w, 1, 2);
	bitw_code(&w, 0x30 + 'a', 8);
	bitw_code(&w, 1, 7);
	bitw_code(&w, 30, 5);
	HT_EXPECT_STREQ(bitw_gunzip(&w), "invalid distance code");
}

HTEST(gunzip_reports_bad_dynamic_code_lengths)
{
	struct bitw w;

	bitw_init(&w);
	bitw_put(&w, 1, 1);
	bitw_put(&w, 2, 2);
	bitw_put(&w, 30, 5);		/* 287 literal/length codes */
	bitw_put(&w, 0, 5);
	bitw_put(&w, 0, 4);
	HT_EXPECT_STREQ(bitw_gunzip(&w), "too many length or distance symbols");

	/* Four code-length codes, all of length 0: no code at all. */
	bitw_init(&w);
	bitw_put(&w, 1, 1);
	bitw_put(&w, 2, 2);
	bitw_put(&w, 0, 14);
	bitw_put(&w, 0, 12);
	HT_EXPECT_STREQ(bitw_gunzip(&w), "invalid code lengths set");

	/* A repeat (16) of the previous length before the first. */
	bitw_init(&w);
	bitw_put(&w, 1, 1);
	bitw_put(&w, 2, 2);
	bitw_put(&w, 0, 10);
	bitw_put(&w, 0, 4);
	bitw_put(&w, 2, 3);		/* 16: 2 bits */
	bitw_put(&w, 2, 3);		/* 17 */
	bitw_put(&w, 2, 3);		/* 18 */
	bitw_put(&w, 2, 3);		/* 0 */
	bitw_code(&w, 1, 2);		/* 16 */
	bitw_put(&w, 0, 2);
	HT_EXPECT_STREQ(bitw_gunzip(&w), "invalid bit length repeat");

	/* A run of zeros beyond the 258 lengths. */
	bitw_init(&w);
	bitw_dynamic(&w, true, 257, 1);
	bitw_zeros(&w, 138);
	bitw_zeros(&w, 138);
	HT_EXPECT_STREQ(bitw_gunzip(&w), "invalid bit length repeat");

	bitw_init(&w);
	bitw_dynamic(&w, true, 257, 1);
	bitw_zeros(&w, 258);
	HT_EXPECT_STREQ(bitw_gunzip(&w), "missing end-of-block code");

	/* Three 1-bit literal/length codes. */
	bitw_init(&w);
	bitw_dynamic(&w, true, 257, 1);
	bitw_one(&w);
	bitw_one(&w);
	bitw_one(&w);
	bitw_zeros(&w, 253);
	bitw_one(&w);			/* end-of-block */
	bitw_one(&w);			/* distance 0 */
	HT_EXPECT_STREQ(bitw_gunzip(&w), "invalid literal/length code lengths");

	/* Three 1-bit distance codes. */
	bitw_init(&w);
	bitw_dynamic(&w, true, 257, 3);
	bitw_one(&w);
	bitw_zeros(&w, 255);
	bitw_one(&w);
	bitw_one(&w);
	bitw_one(&w);
	bitw_one(&w);
	HT_EXPECT_STREQ(bitw_gunzip(&w), "invalid distance code lengths");
}

/*
 * End-of-block as the only literal/length code (1 bit: 0), with no
 * distance code or a single 1-bit one: RFC 1951 allows both, zlib writes
 * them for empty input. Then a 1 bit is no code.
 */
static void bitw_only_end_of_block(struct bitw *w, u32 dist_len_code)
{
	bitw_init(w);
	bitw_dynamic(w, true, 257, 1);
	bitw_zeros(w, 256);
	bitw_one(w);			/* end-of-block: length 1 */
	bitw_code(w, dist_len_code, dist_len_code ? 2 : 1);
}

HTEST(gunzip_accepts_a_single_one_bit_code_and_rejects_its_unused_half)
{
	struct bitw w;

	bitw_only_end_of_block(&w, 2);	/* distance code length 0 */
	bitw_put(&w, 0, 1);		/* end-of-block */
	HT_EXPECT_STREQ(bitw_gunzip(&w), "(success)");	/* the zero trailer fits */

	bitw_only_end_of_block(&w, 0);	/* distance code length 1 */
	bitw_put(&w, 0, 1);
	HT_EXPECT_STREQ(bitw_gunzip(&w), "(success)");

	/* Found past the one-lookup table, in huffman_decode_long(). */
	bitw_only_end_of_block(&w, 2);
	bitw_put(&w, 0xffff, 16);
	HT_EXPECT_STREQ(bitw_gunzip(&w), "invalid literal/length code");
}

/* A fixed block with the literals of @str, then end-of-block. */
static void bitw_fixed(struct bitw *w, bool last, const char *str)
{
	bitw_put(w, last, 1);
	bitw_put(w, 1, 2);
	for (; *str; str++)
		bitw_code(w, 0x30 + *str, 8);	/* literals 0..143: 8 bits from 0x30 */
	bitw_code(w, 0, 7);			/* end-of-block */
}

/*
 * The fixed tables are built once and kept for the next fixed block, but
 * not past a dynamic block, which overwrites them: "a", "b", a dynamic
 * block with nothing but end-of-block, then "c".
 */
HTEST(gunzip_rebuilds_the_fixed_code_after_a_dynamic_block)
{
	struct bitw w;
	u32 crc = crc32(~0U, "abc", 3) ^ ~0U;

	bitw_init(&w);
	bitw_fixed(&w, false, "a");
	bitw_fixed(&w, false, "b");
	bitw_dynamic(&w, false, 257, 1);
	bitw_zeros(&w, 256);
	bitw_one(&w);			/* end-of-block, the only code */
	bitw_code(&w, 2, 2);		/* no distance code */
	bitw_put(&w, 0, 1);		/* end-of-block */
	bitw_fixed(&w, true, "c");
	w.nbits = ALIGN(w.nbits, 8);
	bitw_put(&w, crc, 32);
	bitw_put(&w, 3, 32);
	HT_ASSERT_TRUE(w.nbits / 8 <= sizeof(w.buf));
	HT_EXPECT_EQ(run_gunzip(w.buf, w.nbits / 8, TO_BUFFER, 0, 3, NULL), 0);
	HT_EXPECT_STREQ(last_error, "");
	HT_EXPECT_TRUE(!memcmp(sink, "abc", 3));
}

/* ---- failing callbacks and allocations ------------------------------------ */

HTEST(gunzip_reports_a_fill_error)
{
	const struct fixture *f = &sweep_fixtures[2];

	reset_callbacks();
	src = f->gz;
	src_len = gz_len(f);
	src_pos = 0;
	src_chunk = 100;
	src_fail = true;
	HT_EXPECT_EQ(gunzip(NULL, 0, fill_from_src, flush_to_sink, NULL, NULL, record_error), -1);
	HT_EXPECT_STREQ(last_error, "read error");
	HT_EXPECT_EQ(error_calls, 1U);
}

HTEST(gunzip_reports_a_short_flush)
{
	const struct fixture *f = &fixtures[0];
	u8 *gz = heap_copy(f->gz, gz_len(f));

	reset_callbacks();
	kvfree(sink);
	sink = kvmalloc(orig_len(f), GFP_KERNEL);
	sink_cap = orig_len(f);
	sink_limit = 40000;
	HT_EXPECT_EQ(gunzip(gz, gz_len(f), NULL, flush_to_sink, NULL, NULL, record_error), -1);
	HT_EXPECT_STREQ(last_error, "write error");
	/* One full window went out, the second was refused: no more calls. */
	HT_EXPECT_EQ(flush_calls, 2UL);
	kvfree(gz);
}

HTEST(gunzip_reports_out_of_memory_and_leaks_nothing)
{
	const struct fixture *f = &sweep_fixtures[0];
	long pos = 123;

	reset_callbacks();
	htest_fail_allocs(1);
	HT_EXPECT_EQ(gunzip((u8 *)f->gz, gz_len(f), NULL, flush_to_sink, NULL, &pos,
			    record_error), -1);
	HT_EXPECT_STREQ(last_error, "out of memory");
	HT_EXPECT_EQ(flush_calls, 0UL);
	/* The next call, allowed its memory, works. */
	expect_fixture(f, TO_FLUSH, 0);
}
