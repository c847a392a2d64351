/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct statfs as x86-64 Linux gives it to statfs(2) and fstatfs(2)
 * (asm-generic/statfs.h with 64-bit words: 120 bytes), and the ST_* bits
 * of its f_flags (the mount's flags, ST_VALID always set).
 */
#ifndef _LINUX_STATFS_H
#define _LINUX_STATFS_H

#include <linux/types.h>

struct statfs {
	long f_type;
	long f_bsize;
	long f_blocks;
	long f_bfree;
	long f_bavail;
	long f_files;
	long f_ffree;
	struct { int val[2]; } f_fsid;
	long f_namelen;
	long f_frsize;
	long f_flags;
	long f_spare[4];
};

static_assert(sizeof(struct statfs) == 120);

#define ST_RDONLY	0x0001
#define ST_NOSUID	0x0002
#define ST_NODEV	0x0004
#define ST_NOEXEC	0x0008
#define ST_VALID	0x0020	/* f_flags is filled in */

#endif /* _LINUX_STATFS_H */
