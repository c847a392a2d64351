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

#define STATX_MNT_ID		0x00001000U
#define STATX__RESERVED		0x80000000U	/* a mask with it is refused (-EINVAL) */

/* statx()'s sync-type flags (AT_*): accepted, there is nothing remote to sync with. */
#define AT_STATX_SYNC_AS_STAT	0x0000
#define AT_STATX_FORCE_SYNC	0x2000
#define AT_STATX_DONT_SYNC	0x4000
#define AT_STATX_SYNC_TYPE	0x6000

/* struct statx_timestamp, struct statx - statx()'s answer, Linux's 256-byte layout. */
struct statx_timestamp {
	s64 tv_sec;
	u32 tv_nsec;
	s32 __reserved;
};

struct statx {
	u32 stx_mask;		/* STATX_* filled in */
	u32 stx_blksize;
	u64 stx_attributes;
	u32 stx_nlink;
	u32 stx_uid;
	u32 stx_gid;
	u16 stx_mode;
	u16 __spare0[1];
	u64 stx_ino;
	u64 stx_size;
	u64 stx_blocks;
	u64 stx_attributes_mask;
	struct statx_timestamp stx_atime;
	struct statx_timestamp stx_btime;
	struct statx_timestamp stx_ctime;
	struct statx_timestamp stx_mtime;
	u32 stx_rdev_major;
	u32 stx_rdev_minor;
	u32 stx_dev_major;
	u32 stx_dev_minor;
	u64 stx_mnt_id;
	u32 stx_dio_mem_align;
	u32 stx_dio_offset_align;
	u64 __spare3[12];
};

static_assert(sizeof(struct statx) == 256);

#endif /* _LINUX_STAT_H */
