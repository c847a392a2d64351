/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux's decompressor interface: every decompressor (only gunzip here,
 * include/linux/decompress/inflate.h) has the signature of decompress_fn,
 * and decompress_method() (lib/decompress.c) picks one from the first two
 * bytes of the data, as init/initramfs.c does for each compressed part of
 * an initramfs.
 */
#ifndef _LINUX_DECOMPRESS_GENERIC_H
#define _LINUX_DECOMPRESS_GENERIC_H

/**
 * typedef decompress_fn - decompress one compressed stream
 * @inbuf: the input; with @fill, the buffer @fill reads into (NULL: the
 *         decompressor allocates one). It must then hold at least the
 *         decompressor's buffer size (GZIP_IOBUF_SIZE for gunzip).
 * @len: bytes already in @inbuf; 0 with @fill to start by calling it
 * @fill: NULL when all the input is in @inbuf; otherwise called as
 *        fill(buf, size) whenever the input is used up: it stores up to
 *        size bytes at buf and returns how many, 0 at the end of the input,
 *        or a negative value on an error
 * @flush: NULL to write the output to @outbuf; otherwise called as
 *         flush(buf, n) with each piece of output in order: it returns how
 *         many bytes it took, and anything but @n stops decompression
 * @outbuf: with @flush NULL, where the output goes: it must be large
 *          enough for all of it (there is no bound, as in Linux)
 * @posp: NULL, or where to store how many input bytes the stream took,
 *        its trailer included, so the caller can find what follows it
 * @error: called once with a message saying what was wrong, before the
 *         decompressor returns -1
 *
 * Return: 0 on success, -1 after @error reported a failure.
 * Context: may sleep (it allocates with GFP_KERNEL); reentrant, no locks.
 */
typedef int (*decompress_fn)(unsigned char *inbuf, long len,
			     long (*fill)(void *, unsigned long),
			     long (*flush)(void *, unsigned long),
			     unsigned char *outbuf, long *posp,
			     void (*error)(char *x));

/**
 * decompress_method - the decompressor for data starting at @inbuf
 * @inbuf: the data
 * @len: its length (fewer than 2 bytes match nothing)
 * @name: NULL, or where to store the format's name ("gzip", "xz", ...)
 *
 * The format is known by its two magic bytes. Formats Linux knows but this
 * kernel does not decompress (bzip2, lzma, xz, lzo, lz4, zstd) give NULL
 * with their name, so a caller can say "compression method xz not
 * configured"; unknown data gives NULL with *@name NULL.
 *
 * Return: the decompressor, or NULL.
 * Context: any.
 */
decompress_fn decompress_method(const unsigned char *inbuf, long len, const char **name);

#endif /* _LINUX_DECOMPRESS_GENERIC_H */
