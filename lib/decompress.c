// SPDX-License-Identifier: GPL-2.0
/*
 * decompress_method(): which decompressor a compressed stream needs, from
 * its first two bytes (include/linux/decompress/generic.h).
 *
 * compressed_formats lists the magic numbers Linux recognises, each with
 * its name and the decompressor this kernel has for it, or NULL: only gzip
 * is built in. Keeping the others by name lets a caller tell "xz, which we
 * cannot read" from garbage.
 */
#include <linux/decompress/generic.h>
#include <linux/decompress/inflate.h>
#include <linux/kernel.h>

struct compress_format {
	unsigned char magic[2];
	const char *name;
	decompress_fn decompressor;
};

static const struct compress_format compressed_formats[] = {
	{ { 0x1f, 0x8b }, "gzip", gunzip },
	{ { 0x42, 0x5a }, "bzip2", NULL },
	{ { 0x5d, 0x00 }, "lzma", NULL },
	{ { 0xfd, 0x37 }, "xz", NULL },
	{ { 0x89, 0x4c }, "lzo", NULL },
	{ { 0x02, 0x21 }, "lz4", NULL },
	{ { 0x28, 0xb5 }, "zstd", NULL },
};

decompress_fn decompress_method(const unsigned char *inbuf, long len, const char **name)
{
	const struct compress_format *cf;

	if (name)
		*name = NULL;
	if (len < 2)
		return NULL;
	for (cf = compressed_formats; cf < compressed_formats + ARRAY_SIZE(compressed_formats); cf++) {
		if (inbuf[0] == cf->magic[0] && inbuf[1] == cf->magic[1]) {
			if (name)
				*name = cf->name;
			return cf->decompressor;
		}
	}
	return NULL;
}
