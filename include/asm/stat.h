/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct stat as x86-64 Linux gives it to stat(2), fstat(2), lstat(2) and
 * newfstatat(2) (arch/x86/include/uapi/asm/stat.h): 144 bytes, every
 * field 64 bits wide but the mode and the ids; times in seconds and
 * nanoseconds; st_dev and st_rdev in new_encode_dev() form.
 */
#ifndef _ASM_X86_STAT_H
#define _ASM_X86_STAT_H

#include <linux/types.h>

struct stat {
	unsigned long st_dev;
	unsigned long st_ino;
	unsigned long st_nlink;
	unsigned int st_mode;
	unsigned int st_uid;
	unsigned int st_gid;
	unsigned int __pad0;
	unsigned long st_rdev;
	long st_size;
	long st_blksize;
	long st_blocks;		/* 512-byte units */
	unsigned long st_atime;
	unsigned long st_atime_nsec;
	unsigned long st_mtime;
	unsigned long st_mtime_nsec;
	unsigned long st_ctime;
	unsigned long st_ctime_nsec;
	long __unused[3];
};

static_assert(sizeof(struct stat) == 144);

#endif /* _ASM_X86_STAT_H */
