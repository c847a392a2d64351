/* SPDX-License-Identifier: GPL-2.0 */
/*
 * gunzip (lib/inflate.c): gzip (RFC 1952) around DEFLATE (RFC 1951), with
 * Linux's decompressor signature (include/linux/decompress/generic.h).
 */
#ifndef _LINUX_DECOMPRESS_INFLATE_H
#define _LINUX_DECOMPRESS_INFLATE_H

#include <linux/decompress/generic.h>

/* The size of the input buffer @fill reads into, as in Linux. */
#define GZIP_IOBUF_SIZE		(16 * 1024)

/**
 * gunzip - decompress one gzip member
 * @inbuf: the input, or with @fill its buffer of GZIP_IOBUF_SIZE bytes
 *         (NULL: gunzip allocates it)
 * @len: bytes of input in @inbuf (with @fill: already there, usually 0)
 * @fill: NULL, or the source of more input (see decompress_fn)
 * @flush: NULL, or the sink of the output in pieces of at most 32 KiB;
 *         @outbuf is then unused
 * @outbuf: with @flush NULL, the output, large enough for all of it
 * @posp: NULL, or where to store the bytes of input the member took, from
 *        its first header byte to the end of its trailer (on an error: up
 *        to where decoding stopped). With @fill it counts from the first
 *        byte @fill supplied; what @fill read beyond the member is lost to
 *        the caller, as in Linux.
 * @error: gets a message before -1 is returned. The header: "not a gzip
 *         file", "unsupported gzip compression method", "reserved gzip
 *         flags set", "gzip header CRC mismatch". The blocks: "invalid
 *         block type", "invalid stored block lengths", "too many length or
 *         distance symbols", "invalid code lengths set", "invalid bit
 *         length repeat", "missing end-of-block code", "invalid
 *         literal/length code lengths", "invalid distance code lengths",
 *         "invalid literal/length code", "invalid distance code", "invalid
 *         distance too far back". The trailer: "CRC32 mismatch", "length
 *         mismatch". And "unexpected end of input", "read error" (@fill
 *         failed), "write error" (@flush took less), "out of memory", "no
 *         output buffer" (neither @flush nor @outbuf: a bug, with a WARN)
 *
 * Decodes stored, fixed and dynamic Huffman blocks with a 32 KiB window,
 * checks the header (FTEXT, FHCRC, FEXTRA, FNAME and FCOMMENT are
 * understood, reserved flags refused), then the CRC32 and ISIZE of the
 * trailer. Malformed input is reported, never read or written out of
 * bounds (with @outbuf, within the room the caller promised). One member
 * per call: a caller walks a multi-member file with *@posp.
 *
 * Return: 0, or -1 after @error.
 * Context: may sleep (kvmalloc() with GFP_KERNEL of about 50 KiB).
 */
int gunzip(unsigned char *inbuf, long len,
	   long (*fill)(void *, unsigned long),
	   long (*flush)(void *, unsigned long),
	   unsigned char *outbuf, long *posp,
	   void (*error)(char *x));

#endif /* _LINUX_DECOMPRESS_INFLATE_H */
