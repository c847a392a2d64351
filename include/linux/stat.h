/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct kstat: what vfs_getattr() reports (fs/stat.c), Linux's fields, and
 * the statx() mask bits saying which of them are filled.
 */
#ifndef _LINUX_STAT_H
#define _LINUX_STAT_H

#include <linux/types.h>
#include <linux/time64.h>

#define STATX_TYPE		0x00000001U
#define STATX_MODE		0x00000002U
#define STATX_NLINK		0x00000004U
#define STATX_UID		0x00000008U
#define STATX_GID		0x00000010U
#define STATX_ATIME		0x00000020U
#define STATX_MTIME		0x00000040U
#define STATX_CTIME		0x00000080U
#define STATX_INO		0x00000100U
#define STATX_SIZE		0x00000200U
#define STATX_BLOCKS		0x00000400U
#define STATX_BASIC_STATS	0x000007ffU
#define STATX_BTIME		0x00000800U

struct kstat {
	u32 result_mask;	/* STATX_* filled in */
	umode_t mode;
	unsigned int nlink;
	u32 blksize;		/* preferred I/O size */
	u64 attributes;
	u64 attributes_mask;
	u64 ino;
	dev_t dev;		/* of the file system */
	dev_t rdev;		/* of a device node */
	uid_t uid;
	gid_t gid;
	loff_t size;
	struct timespec64 atime;
	struct timespec64 mtime;
	struct timespec64 ctime;
	struct timespec64 btime;
	u64 blocks;		/* 512-byte units */
};

#endif /* _LINUX_STAT_H */
