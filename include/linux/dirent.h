/* SPDX-License-Identifier: GPL-2.0 */
/* getdents64's record (Linux's linux_dirent64): 8-byte aligned, d_reclen long; and getdents's. */
#ifndef _LINUX_DIRENT_H
#define _LINUX_DIRENT_H

#include <linux/types.h>

struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;		/* position of the next entry */
	unsigned short d_reclen;
	unsigned char d_type;	/* DT_* */
	char d_name[];		/* NUL-terminated, padded with NULs */
};

/* The old getdents's record: d_type is the last byte of the record, after the name's NUL. */
struct linux_dirent {
	unsigned long d_ino;
	unsigned long d_off;
	unsigned short d_reclen;
	char d_name[];
};

#endif /* _LINUX_DIRENT_H */
