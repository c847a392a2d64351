// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the file and time system calls: each call goes through
 * sys_call_table (the table entry_SYSCALL_64 dispatches on) with its
 * arguments in a struct pt_regs, as a process's syscall instruction
 * would give them; names, buffers and structures sit in one user page
 * (user_page.h, at FSYS_USER). Every case checks what came back, the
 * bytes that reached user memory, and the errno of each misuse: a
 * pointer into the unmapped page after it (FSYS_HOLE) or into the kernel
 * is -EFAULT, and so on. The suite's tmpfs (vfs_test.h) holds the files
 * and checks after each case that inodes, dentries, files and mounts are
 * back where they were.
 *
 * The user page's layout: two path slots, a data buffer and a structure
 * slot, addressed by their user addresses (P0, P1, BUF, ST) and, for the
 * checks, through the kernel's view of the page (at(OFFSET)).
 *
 * Sleeping is checked in jiffies, never against wall time, so a slow host
 * cannot fail it. One case turns failslab on around each call, failing
 * every slab allocation after a growing number of bytes, to see each
 * call unwind (-ENOMEM, no fd, name, vector or mount left behind).
 */
#include "vfs_test.h"
#include "user_page.h"
#include "mm_test.h"
#include <linux/fs_struct.h>
#include <linux/dirent.h>
#include <linux/stat.h>
#include <linux/statfs.h>
#include <linux/memfd.h>
#include <linux/random.h>
#include <linux/time.h>
#include <linux/timekeeping.h>
#include <linux/sysinfo.h>
#include <linux/shmem_fs.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <linux/uio.h>
#include <linux/tty.h>
#include <linux/resource.h>
#include <linux/sched/signal.h>
#include <asm/stat.h>
#include <asm/syscall.h>

#define FSYS_USER	0x40000000UL
#define FSYS_HOLE	(FSYS_USER + PAGE_SIZE)		/* unmapped */

/* Offsets in the user page, and their user addresses. */
#define OFF_P0		0
#define OFF_P1		256
#define OFF_BUF		1024
#define OFF_ST		3072
#define P0		(FSYS_USER + OFF_P0)
#define P1		(FSYS_USER + OFF_P1)
#define BUF		(FSYS_USER + OFF_BUF)
#define ST		(FSYS_USER + OFF_ST)

static struct user_page fsys_user_page;	/* unmapped by the suite's exit */
static u8 *upage;				/* its kernel view while mapped */

static long sys(int nr, long a0, long a1, long a2, long a3, long a4, long a5)
{
	struct pt_regs regs = { .di = a0, .si = a1, .dx = a2, .r10 = a3, .r8 = a4, .r9 = a5,
				.orig_ax = nr };

	return sys_call_table[nr](&regs);
}

/* SYS(name, args...): the system call, up to six arguments, each a long. */
#define SYS_PAD(a0, a1, a2, a3, a4, a5, ...)	a0, a1, a2, a3, a4, a5
#define SYS(name, ...)	sys(__NR_##name, SYS_PAD(__VA_ARGS__, 0, 0, 0, 0, 0, 0))
#define L(x)		((long)(x))

static void *at(unsigned int off)
{
	return upage + off;
}

/* Copy @s (with its NUL) to the user page at @off. Return: its user address. */
static long ustr(unsigned int off, const char *s)
{
	strscpy(at(off), s, PAGE_SIZE - off);
	return FSYS_USER + off;
}

static void map_user(struct ktest *test)
{
	upage = user_page_map(test, &fsys_user_page, FSYS_USER);
}

static int fsys_suite_init(struct ktest *test)
{
	return vfs_suite_init(test);
}

static void fsys_suite_exit(struct ktest *test)
{
	user_page_unmap(&fsys_user_page);
	upage = NULL;
	ksys_chdir("/");	/* a case that failed in a directory of VT */
	vfs_suite_exit(test);
}

/* Open @path (a kernel string, copied to P0) with @flags. */
static long uopen(const char *path, int flags, umode_t mode)
{
	return SYS(openat, AT_FDCWD, ustr(OFF_P0, path), flags, mode);
}

static struct stat *ustat(void)
{
	return at(OFF_ST);
}

static void read_and_write_move_bytes_through_user_memory(struct ktest *test)
{
	long fd;

	map_user(test);
	fd = uopen(VT "/f", O_CREAT | O_RDWR, 0644);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, SYS(write, fd, ustr(OFF_BUF, "hello, world"), 12), 12);
	KTEST_EXPECT_EQ(test, SYS(lseek, fd, 7, SEEK_SET), 7);
	memset(at(OFF_BUF), 0, 32);
	KTEST_EXPECT_EQ(test, SYS(read, fd, BUF, 32), 5);
	KTEST_EXPECT_STREQ(test, (char *)at(OFF_BUF), "world");
	KTEST_EXPECT_EQ(test, SYS(read, fd, BUF, 32), 0);		/* at the end */
	KTEST_EXPECT_EQ(test, SYS(lseek, fd, 0, SEEK_END), 12);
	KTEST_EXPECT_EQ(test, SYS(lseek, fd, -1, SEEK_SET), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(lseek, fd, 0, 7), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(close, fd), 0);
	KTEST_EXPECT_EQ(test, SYS(close, fd), -EBADF);
	KTEST_EXPECT_EQ(test, SYS(read, fd, BUF, 1), -EBADF);
	KTEST_EXPECT_EQ(test, SYS(write, 12345, BUF, 1), -EBADF);
	fd = uopen(VT "/f", O_RDONLY, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, SYS(write, fd, BUF, 1), -EBADF);	/* not open for writing */
	KTEST_EXPECT_EQ(test, SYS(read, fd, BUF, 0), 0);
	SYS(close, fd);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/f"), 0);
}

static void bad_user_pointers_are_efault_and_leave_nothing(struct ktest *test)
{
	char kbuf[16] = VT "/f";
	long fd;

	map_user(test);
	KTEST_EXPECT_EQ(test, SYS(openat, AT_FDCWD, FSYS_HOLE, O_RDONLY), -EFAULT);
	KTEST_EXPECT_EQ(test, SYS(openat, AT_FDCWD, L(kbuf), O_CREAT | O_RDWR, 0644), -EFAULT);
	KTEST_EXPECT_EQ(test, SYS(openat, AT_FDCWD, 0, O_RDONLY), -EFAULT);
	/* the name runs into the hole: no NUL before the fault */
	memset(at(0), 'a', PAGE_SIZE);
	KTEST_EXPECT_EQ(test, SYS(mkdir, FSYS_HOLE - 8, 0755), -EFAULT);
	fd = uopen(VT "/f", O_CREAT | O_RDWR, 0644);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, SYS(write, fd, ustr(OFF_BUF, "0123456789"), 10), 10);
	KTEST_EXPECT_EQ(test, SYS(write, fd, L(kbuf), 4), -EFAULT);
	KTEST_EXPECT_EQ(test, SYS(pread64, fd, FSYS_HOLE, 4, 0), -EFAULT);
	KTEST_EXPECT_EQ(test, SYS(pread64, fd, L(kbuf), 4, 0), -EFAULT);
	/* a buffer that ends in the hole: the bytes up to it, no more */
	KTEST_EXPECT_EQ(test, SYS(pread64, fd, FSYS_HOLE - 3, 10, 0), 3);
	KTEST_EXPECT_MEMEQ(test, (char *)at(PAGE_SIZE - 3), "012", 3);
	KTEST_EXPECT_EQ(test, SYS(fstat, fd, FSYS_HOLE), -EFAULT);
	KTEST_EXPECT_EQ(test, SYS(fstat, fd, L(kbuf)), -EFAULT);
	KTEST_EXPECT_EQ(test, SYS(lseek, fd, 0, SEEK_CUR), 10);	/* the failures moved nothing */
	KTEST_EXPECT_EQ(test, SYS(close, fd), 0);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/f"), 0);
}

static void names_too_long_or_empty_are_refused(struct ktest *test)
{
	char *p;

	map_user(test);
	p = at(0);
	memset(p, 'a', PAGE_SIZE - 1);		/* PATH_MAX bytes with the NUL: too long */
	p[PAGE_SIZE - 1] = '\0';
	KTEST_EXPECT_EQ(test, SYS(mkdir, FSYS_USER, 0755), -ENAMETOOLONG);
	p[PAGE_SIZE - 1] = 'a';			/* no NUL in PATH_MAX bytes */
	KTEST_EXPECT_EQ(test, SYS(mkdir, FSYS_USER, 0755), -ENAMETOOLONG);
	strscpy(p, VT "/", PAGE_SIZE);
	memset(p + 4, 'b', NAME_MAX + 1);	/* one component of 256 bytes */
	p[4 + NAME_MAX + 1] = '\0';
	KTEST_EXPECT_EQ(test, SYS(mkdir, FSYS_USER, 0755), -ENAMETOOLONG);
	p[4 + NAME_MAX] = '\0';			/* 255: fine */
	KTEST_EXPECT_EQ(test, SYS(mkdir, FSYS_USER, 0755), 0);
	KTEST_EXPECT_EQ(test, SYS(rmdir, FSYS_USER), 0);
	KTEST_EXPECT_EQ(test, SYS(open, ustr(OFF_P0, ""), O_RDONLY), -ENOENT);
	KTEST_EXPECT_EQ(test, SYS(stat, P0, ST), -ENOENT);
}

static void open_flags_and_errors_are_linuxs(struct ktest *test)
{
	long fd, dfd;

	map_user(test);
	KTEST_ASSERT_EQ(test, vt_create(VT "/f"), 0);
	KTEST_EXPECT_EQ(test, uopen(VT "/f", O_CREAT | O_EXCL | O_RDWR, 0644), -EEXIST);
	KTEST_EXPECT_EQ(test, uopen(VT "/f/", O_RDONLY, 0), -ENOTDIR);
	KTEST_EXPECT_EQ(test, uopen(VT "/f", O_RDONLY | O_DIRECTORY, 0), -ENOTDIR);
	KTEST_EXPECT_EQ(test, uopen(VT, O_WRONLY, 0), -EISDIR);
	KTEST_EXPECT_EQ(test, uopen(VT "/none", O_RDONLY, 0), -ENOENT);
	KTEST_EXPECT_EQ(test, uopen(VT "/f/x", O_RDONLY, 0), -ENOTDIR);
	fd = uopen(VT "/f", O_RDONLY, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_TRUE(test, SYS(fcntl, fd, F_GETFL) & O_LARGEFILE);	/* a 64-bit kernel's */
	SYS(close, fd);
	dfd = uopen(VT, O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_GE(test, dfd, 0);
	fd = SYS(openat, dfd, ustr(OFF_P0, "f"), O_RDONLY);		/* relative to dfd */
	KTEST_EXPECT_GE(test, fd, 0);
	SYS(close, fd);
	KTEST_EXPECT_EQ(test, SYS(openat, 9999, P0, O_RDONLY), -EBADF);
	fd = SYS(openat, 9999, ustr(OFF_P0, VT "/f"), O_RDONLY);	/* absolute: dfd unused */
	KTEST_EXPECT_GE(test, fd, 0);
	SYS(close, fd);
	SYS(close, dfd);
	fd = SYS(creat, ustr(OFF_P0, VT "/c"), 0600);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, SYS(fcntl, fd, F_GETFL) & O_ACCMODE, O_WRONLY);
	KTEST_EXPECT_EQ(test, SYS(read, fd, BUF, 1), -EBADF);
	SYS(close, fd);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/c"), 0);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/f"), 0);
}

static void positioned_and_vectored_io_use_user_iovecs(struct ktest *test)
{
	struct iovec *iov;
	long fd;

	map_user(test);
	iov = at(OFF_ST);
	fd = uopen(VT "/f", O_CREAT | O_RDWR, 0644);
	KTEST_ASSERT_GE(test, fd, 0);
	ustr(OFF_BUF, "abcdefgh");
	iov[0] = (struct iovec){ (void __user *)(BUF + 4), 4 };	/* "efgh" then "abcd" */
	iov[1] = (struct iovec){ (void __user *)BUF, 4 };
	KTEST_EXPECT_EQ(test, SYS(writev, fd, ST, 2), 8);
	KTEST_EXPECT_EQ(test, SYS(pwrite64, fd, BUF, 2, 20), 2);	/* a hole in between */
	KTEST_EXPECT_EQ(test, SYS(lseek, fd, 0, SEEK_CUR), 8);	/* pwrite left it */
	memset(at(OFF_BUF), 0, 64);
	KTEST_EXPECT_EQ(test, SYS(pread64, fd, BUF, 64, 0), 22);
	KTEST_EXPECT_MEMEQ(test, (char *)at(OFF_BUF), "efghabcd", 8);
	KTEST_EXPECT_EQ(test, ((char *)at(OFF_BUF))[10], 0);
	KTEST_EXPECT_MEMEQ(test, (char *)at(OFF_BUF + 20), "ab", 2);
	KTEST_EXPECT_EQ(test, SYS(pread64, fd, BUF, 4, -1), -EINVAL);
	iov[0] = (struct iovec){ (void __user *)(BUF + 100), 3 };
	iov[1] = (struct iovec){ (void __user *)(BUF + 200), 3 };
	KTEST_EXPECT_EQ(test, SYS(preadv, fd, ST, 2, 2, 0), 6);		/* "ghabcd" */
	KTEST_EXPECT_MEMEQ(test, (char *)at(OFF_BUF + 100), "gha", 3);
	KTEST_EXPECT_MEMEQ(test, (char *)at(OFF_BUF + 200), "bcd", 3);
	KTEST_EXPECT_EQ(test, SYS(preadv, fd, ST, 2, -1, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(lseek, fd, 1, SEEK_SET), 1);
	KTEST_EXPECT_EQ(test, SYS(preadv2, fd, ST, 2, -1, 0, 0), 6);	/* -1: the position */
	KTEST_EXPECT_MEMEQ(test, (char *)at(OFF_BUF + 100), "fgh", 3);
	KTEST_EXPECT_EQ(test, SYS(lseek, fd, 0, SEEK_CUR), 7);
	KTEST_EXPECT_EQ(test, SYS(preadv2, fd, ST, 2, 0, 0, RWF_HIPRI), 6);
	KTEST_EXPECT_EQ(test, SYS(preadv2, fd, ST, 2, 0, 0, RWF_NOWAIT), -EOPNOTSUPP);
	KTEST_EXPECT_EQ(test, SYS(preadv2, fd, ST, 2, 0, 0, 0x100), -EOPNOTSUPP);
	KTEST_EXPECT_EQ(test, SYS(preadv2, fd, ST, 2, -2, 0, 0), -EINVAL);
	iov[0] = (struct iovec){ (void __user *)BUF, 1 };
	KTEST_EXPECT_EQ(test, SYS(pwritev2, fd, ST, 1, 0, 0, RWF_APPEND), 1);	/* at the end */
	KTEST_EXPECT_EQ(test, SYS(lseek, fd, 0, SEEK_END), 23);
	KTEST_EXPECT_EQ(test, SYS(pwritev, fd, ST, 1, 0, 0), 1);
	/* the vector's own faults */
	KTEST_EXPECT_EQ(test, SYS(readv, fd, FSYS_HOLE, 1), -EFAULT);
	KTEST_EXPECT_EQ(test, SYS(readv, fd, L(iov), 1), -EFAULT);	/* a kernel array */
	KTEST_EXPECT_EQ(test, SYS(readv, fd, ST, UIO_MAXIOV + 1), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(readv, fd, ST, 0), 0);
	iov[1] = (struct iovec){ (void __user *)L(iov), 4 };			/* kernel buffer */
	KTEST_EXPECT_EQ(test, SYS(writev, fd, ST, 2), -EFAULT);
	iov[1] = (struct iovec){ (void __user *)BUF, (size_t)-1 };
	KTEST_EXPECT_EQ(test, SYS(writev, fd, ST, 2), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(readv, 9999, ST, 1), -EBADF);
	SYS(close, fd);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/f"), 0);
}

static void sendfile_copies_between_files(struct ktest *test)
{
	long in, out, i;
	char *data;

	map_user(test);
	in = uopen(VT "/in", O_CREAT | O_RDWR, 0644);
	out = uopen(VT "/out", O_CREAT | O_RDWR, 0644);
	KTEST_ASSERT_GE(test, in, 0);
	KTEST_ASSERT_GE(test, out, 0);
	data = at(OFF_BUF);
	for (i = 0; i < 2000; i++)
		data[i] = 'a' + i % 26;
	KTEST_EXPECT_EQ(test, SYS(write, in, BUF, 2000), 2000);
	for (i = 0; i < 3; i++)	/* over a page: the copy goes in pieces */
		KTEST_EXPECT_EQ(test, SYS(pwrite64, in, BUF, 2000, 2000 * (i + 1)), 2000);
	KTEST_EXPECT_EQ(test, SYS(lseek, in, 0, SEEK_SET), 0);
	KTEST_EXPECT_EQ(test, SYS(sendfile, out, in, 0, 10000), 8000);	/* to the end */
	KTEST_EXPECT_EQ(test, SYS(lseek, in, 0, SEEK_CUR), 8000);
	KTEST_EXPECT_EQ(test, SYS(pread64, out, BUF + 2048, 26, 6520), 26);	/* 6000 + 20 * 26 */
	KTEST_EXPECT_MEMEQ(test, (char *)at(OFF_BUF + 2048), "abcdefghijklmnopqrstuvwxyz", 26);
	*(s64 *)at(OFF_ST) = 26;					/* an offset: f_pos stays */
	KTEST_EXPECT_EQ(test, SYS(sendfile, out, in, ST, 5), 5);
	KTEST_EXPECT_EQ(test, *(s64 *)at(OFF_ST), 31);
	KTEST_EXPECT_EQ(test, SYS(lseek, in, 0, SEEK_CUR), 8000);
	KTEST_EXPECT_EQ(test, SYS(lseek, out, 0, SEEK_CUR), 8005);
	KTEST_EXPECT_EQ(test, SYS(sendfile, out, in, FSYS_HOLE, 5), -EFAULT);
	*(s64 *)at(OFF_ST) = -1;
	KTEST_EXPECT_EQ(test, SYS(sendfile, out, in, ST, 5), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(sendfile, out, 9999, 0, 5), -EBADF);
	KTEST_EXPECT_EQ(test, SYS(sendfile, 9999, in, 0, 5), -EBADF);
	KTEST_EXPECT_EQ(test, SYS(fcntl, out, F_SETFL, O_APPEND), 0);
	KTEST_EXPECT_EQ(test, SYS(sendfile, out, in, 0, 5), -EINVAL);
	SYS(close, out);
	SYS(close, in);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/in"), 0);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/out"), 0);
}

static void stat_calls_fill_linuxs_struct_stat(struct ktest *test)
{
	struct stat *st;
	long fd;

	map_user(test);
	st = ustat();
	KTEST_EXPECT_EQ(test, (long)(offsetof(struct stat, st_size)), 48);
	KTEST_EXPECT_EQ(test, (long)(offsetof(struct stat, st_mtime)), 88);
	fd = uopen(VT "/f", O_CREAT | O_RDWR, 0640);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, SYS(write, fd, ustr(OFF_BUF, "0123456789"), 10), 10);
	KTEST_EXPECT_EQ(test, init_symlink("f", VT "/l"), 0);
	memset(st, 0xff, sizeof(*st));
	KTEST_EXPECT_EQ(test, SYS(stat, ustr(OFF_P0, VT "/l"), ST), 0);	/* follows */
	KTEST_EXPECT_EQ(test, st->st_size, 10);
	KTEST_EXPECT_EQ(test, (long)(st->st_mode), S_IFREG | 0640);
	KTEST_EXPECT_EQ(test, (long)(st->st_nlink), 1);
	KTEST_EXPECT_EQ(test, (long)(st->st_uid), 0);
	KTEST_EXPECT_EQ(test, (long)(st->st_blksize), (long)PAGE_SIZE);
	KTEST_EXPECT_EQ(test, (long)(st->__pad0), 0);
	KTEST_EXPECT_EQ(test, st->__unused[2], 0);
	/* stamped with the wall clock */
	KTEST_EXPECT_LE(test, (long)st->st_mtime, SYS(time, 0));
	KTEST_EXPECT_GE(test, (long)st->st_mtime, SYS(time, 0) - 60);
	KTEST_EXPECT_EQ(test, SYS(lstat, P0, ST), 0);
	KTEST_EXPECT_EQ(test, (long)(st->st_mode & S_IFMT), S_IFLNK);
	KTEST_EXPECT_EQ(test, st->st_size, 1);				/* "f" */
	KTEST_EXPECT_EQ(test, SYS(newfstatat, AT_FDCWD, P0, ST, AT_SYMLINK_NOFOLLOW), 0);
	KTEST_EXPECT_EQ(test, (long)(st->st_mode & S_IFMT), S_IFLNK);
	KTEST_EXPECT_EQ(test, SYS(newfstatat, fd, ustr(OFF_P1, ""), ST, AT_EMPTY_PATH), 0);
	KTEST_EXPECT_EQ(test, (long)(st->st_mode), S_IFREG | 0640);
	KTEST_EXPECT_EQ(test, SYS(newfstatat, fd, P1, ST, 0), -ENOENT);	/* no AT_EMPTY_PATH */
	KTEST_EXPECT_EQ(test, SYS(newfstatat, AT_FDCWD, P0, ST, 0x1), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(fstat, fd, ST), 0);
	KTEST_EXPECT_EQ(test, st->st_size, 10);
	KTEST_EXPECT_EQ(test, SYS(fstat, 9999, ST), -EBADF);
	KTEST_EXPECT_EQ(test, SYS(stat, ustr(OFF_P0, VT "/none"), ST), -ENOENT);
	KTEST_EXPECT_EQ(test, SYS(stat, ustr(OFF_P0, VT "/f/x"), ST), -ENOTDIR);
	SYS(close, fd);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/l"), 0);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/f"), 0);
}

static void statx_and_statfs_answer_in_linuxs_layouts(struct ktest *test)
{
	struct statx *stx;
	struct statfs *sfs;

	map_user(test);
	stx = at(OFF_ST);
	sfs = at(OFF_ST);
	KTEST_EXPECT_EQ(test, (long)(offsetof(struct statx, stx_mtime)), 112);
	KTEST_EXPECT_EQ(test, (long)(offsetof(struct statx, stx_dev_major)), 136);
	KTEST_EXPECT_EQ(test, (long)(offsetof(struct statfs, f_namelen)), 64);
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/d", 0750), 0);
	memset(stx, 0xff, sizeof(*stx));
	KTEST_EXPECT_EQ(test, SYS(statx, AT_FDCWD, ustr(OFF_P0, VT "/d"), 0, STATX_BASIC_STATS,
				  ST), 0);
	KTEST_EXPECT_EQ(test, stx->stx_mask & STATX_BASIC_STATS, STATX_BASIC_STATS);
	KTEST_EXPECT_EQ(test, stx->stx_mode, S_IFDIR | 0750);
	KTEST_EXPECT_EQ(test, (long)(stx->stx_nlink), 2);
	KTEST_EXPECT_EQ(test, (long)(stx->__spare3[11]), 0);
	KTEST_EXPECT_EQ(test, SYS(statx, AT_FDCWD, P0, AT_STATX_DONT_SYNC, STATX_BASIC_STATS, ST),
			0);
	KTEST_EXPECT_EQ(test, SYS(statx, AT_FDCWD, P0, AT_STATX_SYNC_TYPE, 0, ST), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(statx, AT_FDCWD, P0, 0, STATX__RESERVED, ST), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(statx, AT_FDCWD, P0, 0x1, 0, ST), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(statx, AT_FDCWD, P0, 0, 0, FSYS_HOLE), -EFAULT);
	memset(sfs, 0xff, sizeof(*sfs));
	KTEST_EXPECT_EQ(test, SYS(statfs, P0, ST), 0);
	KTEST_EXPECT_EQ(test, sfs->f_type, TMPFS_MAGIC);
	KTEST_EXPECT_EQ(test, (long)(sfs->f_bsize), (long)PAGE_SIZE);
	KTEST_EXPECT_EQ(test, sfs->f_namelen, NAME_MAX);
	KTEST_EXPECT_TRUE(test, sfs->f_flags & ST_VALID);
	KTEST_EXPECT_EQ(test, sfs->f_spare[3], 0);
	KTEST_EXPECT_EQ(test, SYS(statfs, ustr(OFF_P0, VT "/none"), ST), -ENOENT);
	KTEST_EXPECT_EQ(test, SYS(fstatfs, 9999, ST), -EBADF);
	KTEST_EXPECT_EQ(test, init_rmdir(VT "/d"), 0);
}

/* The names in @len bytes of linux_dirent64 records at @buf, joined by ' ', into @out. */
static int dirent_names(struct ktest *test, const char *buf, long len, char *out, size_t size)
{
	int n = 0;

	while (len > 0) {
		const struct linux_dirent64 *d = (const void *)buf;

		KTEST_EXPECT_EQ(test, d->d_reclen % 8, 0);
		KTEST_EXPECT_GT(test, d->d_off, 0);
		strlcpy(out + strlen(out), d->d_name, size - strlen(out));
		strlcpy(out + strlen(out), " ", size - strlen(out));
		buf += d->d_reclen;
		len -= d->d_reclen;
		n++;
	}
	KTEST_EXPECT_EQ(test, len, 0);
	return n;
}

/* @names (" . .. a bb " in some order) has each of the four. */
static void expect_four_names(struct ktest *test, const char *names)
{
	KTEST_EXPECT_NOT_NULL(test, strstr(names, " . "));
	KTEST_EXPECT_NOT_NULL(test, strstr(names, " .. "));
	KTEST_EXPECT_NOT_NULL(test, strstr(names, " a "));
	KTEST_EXPECT_NOT_NULL(test, strstr(names, " bb "));
}

static void getdents64_writes_records_to_user_memory(struct ktest *test)
{
	char names[64] = " ", chunked[64] = " ";
	long fd, len;
	int n = 0;

	map_user(test);
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/d", 0755), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/d/a"), 0);
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/d/bb", 0755), 0);
	fd = uopen(VT "/d", O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	len = SYS(getdents64, fd, BUF, 2048);
	KTEST_EXPECT_GT(test, len, 0);
	if (len > 0)
		n = dirent_names(test, at(OFF_BUF), len, names, sizeof(names));
	KTEST_EXPECT_EQ(test, n, 4);
	expect_four_names(test, names);
	KTEST_EXPECT_EQ(test, SYS(getdents64, fd, BUF, 2048), 0);	/* the end */
	/* one record a call: each call's last d_off is where the next starts */
	KTEST_EXPECT_EQ(test, SYS(lseek, fd, 0, SEEK_SET), 0);
	n = 0;
	while ((len = SYS(getdents64, fd, BUF, 24)) > 0) {
		KTEST_EXPECT_EQ(test, len, 24);
		n += dirent_names(test, at(OFF_BUF), len, chunked, sizeof(chunked));
	}
	KTEST_EXPECT_EQ(test, len, 0);
	KTEST_EXPECT_EQ(test, n, 4);
	KTEST_EXPECT_STREQ(test, chunked, names);
	KTEST_EXPECT_EQ(test, SYS(lseek, fd, 0, SEEK_SET), 0);
	KTEST_EXPECT_EQ(test, SYS(getdents64, fd, BUF, 16), -EINVAL);	/* not one fits */
	KTEST_EXPECT_EQ(test, SYS(getdents64, fd, FSYS_HOLE, 2048), -EFAULT);
	KTEST_EXPECT_EQ(test, SYS(getdents64, fd, L(names), sizeof(names)), -EFAULT);
	KTEST_EXPECT_EQ(test, SYS(getdents64, 9999, BUF, 2048), -EBADF);
	/* the old format: the same entries, d_type in each record's last byte */
	KTEST_EXPECT_EQ(test, SYS(lseek, fd, 0, SEEK_SET), 0);
	len = SYS(getdents, fd, BUF, 2048);
	n = 0;
	while (len > 0) {
		const struct linux_dirent *d = at(OFF_BUF + n);

		if (!strcmp(d->d_name, "bb"))
			KTEST_EXPECT_EQ(test, ((u8 *)d)[d->d_reclen - 1], DT_DIR);
		if (!strcmp(d->d_name, "a"))
			KTEST_EXPECT_EQ(test, ((u8 *)d)[d->d_reclen - 1], DT_REG);
		KTEST_EXPECT_EQ(test, d->d_reclen % 8, 0);
		n += d->d_reclen;
		len -= d->d_reclen;
	}
	KTEST_EXPECT_EQ(test, len, 0);
	KTEST_EXPECT_EQ(test, n, 4 * 24);	/* 18 + name + NUL + type, rounded to 8: 24 each */
	KTEST_EXPECT_EQ(test, SYS(getdents, fd, BUF, 2048), 0);
	SYS(close, fd);
	fd = uopen(VT "/d/a", O_RDONLY, 0);
	KTEST_EXPECT_EQ(test, SYS(getdents64, fd, BUF, 2048), -ENOTDIR);
	KTEST_EXPECT_EQ(test, SYS(getdents, fd, BUF, 2048), -ENOTDIR);
	SYS(close, fd);
	KTEST_EXPECT_EQ(test, init_rmdir(VT "/d/bb"), 0);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/d/a"), 0);
	KTEST_EXPECT_EQ(test, init_rmdir(VT "/d"), 0);
}

static void dup_and_fcntl_manage_descriptors(struct ktest *test)
{
	long fd, fd2;

	map_user(test);
	fd = uopen(VT "/f", O_CREAT | O_RDWR, 0644);
	KTEST_ASSERT_GE(test, fd, 0);
	fd2 = SYS(dup, fd);
	KTEST_EXPECT_EQ(test, fd2, fd + 1);				/* the lowest free */
	KTEST_EXPECT_EQ(test, SYS(write, fd2, ustr(OFF_BUF, "xy"), 2), 2);
	KTEST_EXPECT_EQ(test, SYS(lseek, fd, 0, SEEK_CUR), 2);		/* one open file */
	KTEST_EXPECT_EQ(test, SYS(dup2, fd, fd), fd);
	KTEST_EXPECT_EQ(test, SYS(dup3, fd, fd, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(dup3, fd, fd + 5, O_CLOEXEC), fd + 5);
	KTEST_EXPECT_EQ(test, SYS(fcntl, fd + 5, F_GETFD), FD_CLOEXEC);
	KTEST_EXPECT_EQ(test, SYS(dup3, fd, fd + 6, O_APPEND), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(fcntl, fd, F_DUPFD, fd + 10), fd + 10);
	KTEST_EXPECT_EQ(test, SYS(fcntl, fd + 10, F_GETFD), 0);
	KTEST_EXPECT_EQ(test, SYS(fcntl, fd, F_DUPFD_CLOEXEC, fd + 10), fd + 11);
	KTEST_EXPECT_EQ(test, SYS(fcntl, fd + 11, F_GETFD), FD_CLOEXEC);
	KTEST_EXPECT_EQ(test, SYS(fcntl, fd + 11, F_SETFD, 0), 0);
	KTEST_EXPECT_EQ(test, SYS(fcntl, fd + 11, F_GETFD), 0);
	KTEST_EXPECT_EQ(test, SYS(fcntl, fd, F_SETFL, O_APPEND | O_RDONLY), 0);
	KTEST_EXPECT_EQ(test, SYS(fcntl, fd2, F_GETFL) & (O_APPEND | O_ACCMODE), O_APPEND | O_RDWR);
	KTEST_EXPECT_EQ(test, SYS(fcntl, fd, 9999), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(fcntl, 9999, F_GETFD), -EBADF);
	KTEST_EXPECT_EQ(test, SYS(dup, 9999), -EBADF);
	KTEST_EXPECT_EQ(test, SYS(dup2, 9999, fd), -EBADF);
	/* RLIMIT_NOFILE (1024 for the kernel's tasks) bounds the fds */
	KTEST_EXPECT_EQ(test, rlimit(RLIMIT_NOFILE), (unsigned long)INR_OPEN_CUR);
	KTEST_EXPECT_EQ(test, SYS(dup2, fd, INR_OPEN_CUR - 1), INR_OPEN_CUR - 1);
	KTEST_EXPECT_EQ(test, SYS(dup, INR_OPEN_CUR - 1), fd + 2);	/* still the lowest */
	KTEST_EXPECT_EQ(test, SYS(close, fd + 2), 0);
	KTEST_EXPECT_EQ(test, SYS(fcntl, fd, F_DUPFD, INR_OPEN_CUR - 1), -EMFILE);
	KTEST_EXPECT_EQ(test, SYS(close, INR_OPEN_CUR - 1), 0);
	KTEST_EXPECT_EQ(test, SYS(dup2, fd, INR_OPEN_CUR), -EBADF);
	KTEST_EXPECT_EQ(test, SYS(fcntl, fd, F_DUPFD, INR_OPEN_CUR), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(close, fd + 5), 0);
	KTEST_EXPECT_EQ(test, SYS(close, fd + 10), 0);
	KTEST_EXPECT_EQ(test, SYS(close, fd + 11), 0);
	KTEST_EXPECT_EQ(test, SYS(close, fd2), 0);
	KTEST_EXPECT_EQ(test, SYS(close, fd), 0);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/f"), 0);
}

static void ioctl_answers_generic_requests_and_enotty(struct ktest *test)
{
	long fd;

	map_user(test);
	fd = uopen(VT "/f", O_CREAT | O_RDWR, 0644);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, SYS(ioctl, fd, 0x5401 /* TCGETS */, ST), -ENOTTY);
	KTEST_EXPECT_EQ(test, SYS(ioctl, fd, 0x5451 /* FIOCLEX */), 0);
	KTEST_EXPECT_EQ(test, SYS(fcntl, fd, F_GETFD), FD_CLOEXEC);
	KTEST_EXPECT_EQ(test, SYS(ioctl, fd, 0x5450 /* FIONCLEX */), 0);
	KTEST_EXPECT_EQ(test, SYS(fcntl, fd, F_GETFD), 0);
	*(int *)at(OFF_ST) = 1;
	KTEST_EXPECT_EQ(test, SYS(ioctl, fd, 0x5421 /* FIONBIO */, ST), 0);
	KTEST_EXPECT_TRUE(test, SYS(fcntl, fd, F_GETFL) & O_NONBLOCK);
	*(int *)at(OFF_ST) = 0;
	KTEST_EXPECT_EQ(test, SYS(ioctl, fd, 0x5421, ST), 0);
	KTEST_EXPECT_FALSE(test, SYS(fcntl, fd, F_GETFL) & O_NONBLOCK);
	KTEST_EXPECT_EQ(test, SYS(ioctl, fd, 0x5421, FSYS_HOLE), -EFAULT);
	KTEST_EXPECT_EQ(test, SYS(ioctl, 9999, 0x5401, ST), -EBADF);
	SYS(close, fd);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/f"), 0);
}

/* The console's termios and window size, through ioctl(2) with user pointers. */
static void ioctl_reaches_the_consoles_termios(struct ktest *test)
{
	struct termios *t;
	long fd;

	map_user(test);
	t = at(OFF_ST);
	fd = uopen("/dev/console", O_RDWR | O_NONBLOCK | O_NOCTTY, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	memset(t, 0, sizeof(*t));
	KTEST_EXPECT_EQ(test, SYS(ioctl, fd, TCGETS, ST), 0);
	KTEST_EXPECT_TRUE(test, t->c_lflag & ICANON);
	KTEST_EXPECT_EQ(test, SYS(ioctl, fd, TCSETS, ST), 0);		/* back as it was */
	KTEST_EXPECT_EQ(test, SYS(ioctl, fd, TIOCGWINSZ, ST + 512), 0);
	KTEST_EXPECT_EQ(test, SYS(ioctl, fd, TIOCSWINSZ, ST + 512), 0);
	KTEST_EXPECT_EQ(test, SYS(ioctl, fd, TCGETS, FSYS_HOLE), -EFAULT);
	KTEST_EXPECT_EQ(test, SYS(ioctl, fd, TCGETS, L(t)), -EFAULT);	/* a kernel pointer */
	KTEST_EXPECT_EQ(test, SYS(close, fd), 0);
}

static void name_calls_create_remove_and_rename(struct ktest *test)
{
	struct stat *st;

	map_user(test);
	st = ustat();
	ustr(OFF_P0, VT "/d");
	ustr(OFF_P1, VT "/e");
	KTEST_EXPECT_EQ(test, SYS(mkdirat, AT_FDCWD, P0, 0755), 0);
	KTEST_EXPECT_EQ(test, SYS(mkdir, P0, 0755), -EEXIST);
	KTEST_EXPECT_EQ(test, SYS(unlink, P0), -EISDIR);
	KTEST_EXPECT_EQ(test, SYS(unlinkat, AT_FDCWD, P0, 0x1), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(rename, P0, P1), 0);
	KTEST_EXPECT_EQ(test, SYS(stat, P0, ST), -ENOENT);
	KTEST_EXPECT_EQ(test, SYS(unlinkat, AT_FDCWD, P1, AT_REMOVEDIR), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/f"), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/g"), 0);
	ustr(OFF_P0, VT "/f");
	ustr(OFF_P1, VT "/g");
	KTEST_EXPECT_EQ(test, SYS(rmdir, P0), -ENOTDIR);
	KTEST_EXPECT_EQ(test, SYS(renameat2, AT_FDCWD, P0, AT_FDCWD, P1, RENAME_NOREPLACE),
			-EEXIST);
	KTEST_EXPECT_EQ(test, SYS(renameat2, AT_FDCWD, P0, AT_FDCWD, P1, 0x80), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(renameat2, AT_FDCWD, P0, AT_FDCWD, P1, RENAME_EXCHANGE), 0);
	KTEST_EXPECT_EQ(test, SYS(renameat, AT_FDCWD, P0, AT_FDCWD, FSYS_HOLE), -EFAULT);
	KTEST_EXPECT_EQ(test, SYS(renameat, AT_FDCWD, P0, AT_FDCWD, P1), 0);	/* g replaced */
	KTEST_EXPECT_EQ(test, SYS(link, P1, P0), 0);
	KTEST_EXPECT_EQ(test, SYS(stat, P0, ST), 0);
	KTEST_EXPECT_EQ(test, (long)(st->st_nlink), 2);
	KTEST_EXPECT_EQ(test, SYS(linkat, AT_FDCWD, P1, AT_FDCWD, P0, 0), -EEXIST);
	KTEST_EXPECT_EQ(test, SYS(unlink, P0), 0);
	KTEST_EXPECT_EQ(test, SYS(symlink, ustr(OFF_P0, "g"), ustr(OFF_P1, VT "/s")), 0);
	KTEST_EXPECT_EQ(test, SYS(symlinkat, P0, AT_FDCWD, P1), -EEXIST);
	memset(at(OFF_BUF), 'x', 8);
	KTEST_EXPECT_EQ(test, SYS(readlink, P1, BUF, 8), 1);		/* no NUL */
	KTEST_EXPECT_MEMEQ(test, (char *)at(OFF_BUF), "gx", 2);
	KTEST_EXPECT_EQ(test, SYS(readlinkat, AT_FDCWD, P1, BUF, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(readlink, P1, FSYS_HOLE, 8), -EFAULT);
	KTEST_EXPECT_EQ(test, SYS(readlink, ustr(OFF_P0, VT "/g"), BUF, 8), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(mknodat, AT_FDCWD, ustr(OFF_P0, VT "/n"), S_IFREG | 0600, 0), 0);
	KTEST_EXPECT_EQ(test, SYS(unlink, P0), 0);
	KTEST_EXPECT_EQ(test, SYS(unlink, P1), 0);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/g"), 0);
}

static void size_calls_truncate_and_allocate(struct ktest *test)
{
	struct stat *st;
	long fd;

	map_user(test);
	st = ustat();
	KTEST_ASSERT_EQ(test, vt_create(VT "/f"), 0);
	ustr(OFF_P0, VT "/f");
	KTEST_EXPECT_EQ(test, SYS(truncate, P0, 100), 0);
	KTEST_EXPECT_EQ(test, SYS(stat, P0, ST), 0);
	KTEST_EXPECT_EQ(test, st->st_size, 100);
	KTEST_EXPECT_EQ(test, SYS(truncate, P0, -1), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(truncate, ustr(OFF_P1, VT), 0), -EISDIR);
	fd = SYS(open, P0, O_RDONLY);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, SYS(ftruncate, fd, 10), -EINVAL);	/* not open for writing */
	KTEST_EXPECT_EQ(test, SYS(fallocate, fd, 0, 0, 4096), -EBADF);
	SYS(close, fd);
	fd = SYS(open, P0, O_RDWR);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, SYS(ftruncate, fd, 10), 0);
	KTEST_EXPECT_EQ(test, SYS(fallocate, fd, 0, 0, 8192), 0);
	KTEST_EXPECT_EQ(test, SYS(fstat, fd, ST), 0);
	KTEST_EXPECT_EQ(test, st->st_size, 8192);
	KTEST_EXPECT_EQ(test, SYS(fallocate, fd, 0, -1, 10), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(ftruncate, 9999, 0), -EBADF);
	SYS(close, fd);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/f"), 0);
}

static void mode_owner_and_access_calls_follow_umask_and_permissions(struct ktest *test)
{
	const struct cred *old;
	struct stat *st;
	long fd, mask;

	map_user(test);
	st = ustat();
	mask = SYS(umask, 027);
	fd = SYS(creat, ustr(OFF_P0, VT "/f"), 0666);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, SYS(umask, mask), 027);
	KTEST_EXPECT_EQ(test, SYS(fstat, fd, ST), 0);
	KTEST_EXPECT_EQ(test, (long)(st->st_mode), S_IFREG | 0640);
	KTEST_EXPECT_EQ(test, SYS(fchmod, fd, 0604), 0);
	KTEST_EXPECT_EQ(test, SYS(stat, P0, ST), 0);
	KTEST_EXPECT_EQ(test, (long)(st->st_mode), S_IFREG | 0604);
	KTEST_EXPECT_EQ(test, SYS(chmod, P0, 0600), 0);
	KTEST_EXPECT_EQ(test, SYS(fchmodat, AT_FDCWD, P0, 0700), 0);
	KTEST_EXPECT_EQ(test, SYS(fchown, fd, 1000, -1), 0);
	KTEST_EXPECT_EQ(test, SYS(symlink, ustr(OFF_P1, "f"), ustr(OFF_BUF, VT "/l")), 0);
	KTEST_EXPECT_EQ(test, SYS(lchown, BUF, 2000, 2000), 0);
	KTEST_EXPECT_EQ(test, SYS(lstat, BUF, ST), 0);
	KTEST_EXPECT_EQ(test, (long)(st->st_uid), 2000);
	KTEST_EXPECT_EQ(test, SYS(stat, BUF, ST), 0);
	KTEST_EXPECT_EQ(test, (long)(st->st_uid), 1000);
	KTEST_EXPECT_EQ(test, (long)(st->st_mode), S_IFREG | 0700);
	KTEST_EXPECT_EQ(test, SYS(chown, BUF, -1, 3000), 0);
	KTEST_EXPECT_EQ(test, SYS(stat, P0, ST), 0);
	KTEST_EXPECT_EQ(test, (long)(st->st_gid), 3000);
	KTEST_EXPECT_EQ(test, SYS(fchownat, AT_FDCWD, P0, 0, 0, 0x2), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(access, P0, R_OK | W_OK), 0);
	KTEST_EXPECT_EQ(test, SYS(access, P0, 8), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(faccessat2, AT_FDCWD, P0, R_OK, 0x1), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(faccessat2, fd, ustr(OFF_P1, ""), F_OK, AT_EMPTY_PATH), 0);
	KTEST_EXPECT_EQ(test, SYS(faccessat, AT_FDCWD, ustr(OFF_P1, VT "/none"), F_OK), -ENOENT);
	/* owned by 1000 now, mode 0700: another user may not read it */
	old = override_creds(&vfs_test_user_cred);
	KTEST_EXPECT_EQ(test, SYS(access, P0, R_OK), 0);
	KTEST_EXPECT_EQ(test, SYS(chown, P0, 0, -1), -EPERM);
	revert_creds(old);
	KTEST_EXPECT_EQ(test, SYS(chown, P0, 1001, -1), 0);
	old = override_creds(&vfs_test_user_cred);
	KTEST_EXPECT_EQ(test, SYS(access, P0, R_OK), -EACCES);
	KTEST_EXPECT_EQ(test, SYS(chmod, P0, 0777), -EPERM);
	revert_creds(old);
	SYS(close, fd);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/l"), 0);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/f"), 0);
}

static void cwd_calls_move_and_report_the_directory(struct ktest *test)
{
	char kbuf[64];
	long fd;

	map_user(test);
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/d", 0755), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/f"), 0);
	KTEST_EXPECT_EQ(test, SYS(chdir, ustr(OFF_P0, VT "/d")), 0);
	KTEST_EXPECT_EQ(test, SYS(getcwd, BUF, 64), 6);
	KTEST_EXPECT_STREQ(test, (char *)at(OFF_BUF), VT "/d");
	KTEST_EXPECT_EQ(test, SYS(getcwd, BUF, 5), -ERANGE);	/* no room for the NUL */
	KTEST_EXPECT_EQ(test, SYS(getcwd, FSYS_HOLE, 64), -EFAULT);
	KTEST_EXPECT_EQ(test, SYS(getcwd, L(kbuf), sizeof(kbuf)), -EFAULT);
	KTEST_EXPECT_EQ(test, SYS(mkdir, ustr(OFF_P1, "sub"), 0755), 0);	/* relative */
	KTEST_EXPECT_EQ(test, SYS(chdir, P1), 0);
	KTEST_EXPECT_EQ(test, SYS(rmdir, ustr(OFF_P1, VT "/d/sub")), 0);
	KTEST_EXPECT_EQ(test, SYS(getcwd, BUF, 64), -ENOENT);		/* removed */
	fd = SYS(open, ustr(OFF_P1, VT), O_RDONLY | O_DIRECTORY);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, SYS(fchdir, fd), 0);
	KTEST_EXPECT_EQ(test, SYS(getcwd, BUF, 64), 4);
	SYS(close, fd);
	fd = SYS(open, ustr(OFF_P1, VT "/f"), O_RDONLY);
	KTEST_EXPECT_EQ(test, SYS(fchdir, fd), -ENOTDIR);
	SYS(close, fd);
	KTEST_EXPECT_EQ(test, SYS(chdir, P1), -ENOTDIR);
	KTEST_EXPECT_EQ(test, SYS(chdir, ustr(OFF_P1, VT "/none")), -ENOENT);
	KTEST_EXPECT_EQ(test, SYS(fchdir, 9999), -EBADF);
	KTEST_EXPECT_EQ(test, SYS(chroot, ustr(OFF_P1, VT "/none")), -ENOENT);
	KTEST_EXPECT_EQ(test, SYS(chdir, ustr(OFF_P1, "/")), 0);
	KTEST_EXPECT_EQ(test, SYS(getcwd, BUF, 64), 2);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/f"), 0);
	KTEST_EXPECT_EQ(test, init_rmdir(VT "/d"), 0);
}

static void mount_and_umount2_need_root_and_valid_arguments(struct ktest *test)
{
	const struct cred *old;
	struct statfs *sfs;

	map_user(test);
	sfs = at(OFF_ST);
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/m", 0755), 0);
	ustr(OFF_P0, VT "/m");
	ustr(OFF_P1, "tmpfs");
	KTEST_EXPECT_EQ(test, SYS(mount, ustr(OFF_BUF, "none"), P0, P1, 0xC0ED0000,
				  ustr(OFF_BUF + 64, "size=1m")), 0);
	KTEST_EXPECT_EQ(test, SYS(statfs, P0, ST), 0);
	KTEST_EXPECT_EQ(test, sfs->f_blocks, 256);			/* size=1m */
	KTEST_EXPECT_EQ(test, SYS(umount2, P0, 0x100), -EINVAL);
	old = override_creds(&vfs_test_user_cred);
	KTEST_EXPECT_EQ(test, SYS(umount2, P0, 0), -EPERM);
	KTEST_EXPECT_EQ(test, SYS(mount, BUF, P0, P1, 0, 0), -EPERM);
	revert_creds(old);
	KTEST_EXPECT_EQ(test, SYS(umount2, P0, 0), 0);
	KTEST_EXPECT_EQ(test, SYS(umount2, P0, 0), -EINVAL);		/* not a mount point */
	KTEST_EXPECT_EQ(test, SYS(mount, BUF, P0, ustr(OFF_P1, "nofs"), 0, 0), -ENODEV);
	KTEST_EXPECT_EQ(test, SYS(mount, BUF, P0, FSYS_HOLE, 0, 0), -EFAULT);
	KTEST_EXPECT_EQ(test, SYS(mount, BUF, FSYS_HOLE, ustr(OFF_P1, "tmpfs"), 0, 0), -EFAULT);
	KTEST_EXPECT_EQ(test, SYS(umount2, ustr(OFF_P0, VT "/none"), 0), -ENOENT);
	KTEST_EXPECT_EQ(test, init_rmdir(VT "/m"), 0);
}

static void memfd_create_copies_the_name_and_checks_flags(struct ktest *test)
{
	char name[MFD_NAME_MAX_LEN + 2];
	long fd;

	map_user(test);
	fd = SYS(memfd_create, ustr(OFF_P0, "buf"), MFD_CLOEXEC);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, SYS(fcntl, fd, F_GETFD), FD_CLOEXEC);
	KTEST_EXPECT_EQ(test, SYS(fcntl, fd, F_GETFL) & O_ACCMODE, O_RDWR);
	KTEST_EXPECT_EQ(test, SYS(write, fd, ustr(OFF_BUF, "memfd"), 5), 5);
	KTEST_EXPECT_EQ(test, SYS(pread64, fd, BUF + 8, 5, 0), 5);
	KTEST_EXPECT_MEMEQ(test, (char *)at(OFF_BUF + 8), "memfd", 5);
	KTEST_EXPECT_EQ(test, SYS(close, fd), 0);
	KTEST_EXPECT_EQ(test, SYS(memfd_create, P0, MFD_ALLOW_SEALING), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(memfd_create, P0, MFD_HUGETLB), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(memfd_create, FSYS_HOLE, 0), -EFAULT);
	KTEST_EXPECT_EQ(test, SYS(memfd_create, L("k"), 0), -EFAULT);
	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	KTEST_EXPECT_EQ(test, SYS(memfd_create, ustr(OFF_BUF, name), 0), -EINVAL);
	name[MFD_NAME_MAX_LEN] = '\0';
	fd = SYS(memfd_create, ustr(OFF_BUF, name), 0);
	KTEST_EXPECT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, SYS(fcntl, fd, F_GETFD), 0);
	SYS(close, fd);
}

static void sync_calls_succeed_on_files_and_check_fds(struct ktest *test)
{
	long fd;

	map_user(test);
	fd = uopen(VT "/f", O_CREAT | O_RDWR, 0644);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, SYS(fsync, fd), 0);
	KTEST_EXPECT_EQ(test, SYS(fdatasync, fd), 0);
	KTEST_EXPECT_EQ(test, SYS(fsync, 9999), -EBADF);
	KTEST_EXPECT_EQ(test, SYS(sync, 0), 0);
	SYS(close, fd);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/f"), 0);
}

static void getrandom_fills_user_memory_and_checks_flags(struct ktest *test)
{
	static const u8 zero[64];
	char kbuf[8];

	map_user(test);
	memset(at(OFF_BUF), 0, 128);
	KTEST_EXPECT_EQ(test, SYS(getrandom, BUF, 64, 0), 64);
	KTEST_EXPECT_FALSE(test, !memcmp(at(OFF_BUF), zero, 64));
	KTEST_EXPECT_TRUE(test, !memcmp(at(OFF_BUF + 64), zero, 64));	/* no more than asked */
	KTEST_EXPECT_EQ(test, SYS(getrandom, BUF, 16, GRND_NONBLOCK | GRND_RANDOM), 16);
	KTEST_EXPECT_EQ(test, SYS(getrandom, BUF, 16, GRND_INSECURE), 16);
	KTEST_EXPECT_EQ(test, SYS(getrandom, BUF, 0, 0), 0);
	KTEST_EXPECT_EQ(test, SYS(getrandom, BUF, 16, 0x8), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(getrandom, BUF, 16, GRND_INSECURE | GRND_RANDOM), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(getrandom, FSYS_HOLE, 16, 0), -EFAULT);
	KTEST_EXPECT_EQ(test, SYS(getrandom, L(kbuf), sizeof(kbuf), 0), -EFAULT);
	KTEST_EXPECT_EQ(test, SYS(getrandom, FSYS_HOLE - 10, 100, 0), 10);	/* up to the hole */
}

static s64 clock_ns(struct ktest *test, int clock)
{
	struct __kernel_timespec *ts = at(OFF_ST);

	KTEST_EXPECT_EQ(test, SYS(clock_gettime, clock, ST), 0);
	KTEST_EXPECT_LT(test, ts->tv_nsec, NSEC_PER_SEC);
	return ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

static void clocks_read_and_monotonic_never_goes_back(struct ktest *test)
{
	static const int monotonic[] = { CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW,
					 CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME };
	struct __kernel_timespec *ts;
	struct timespec64 boot;
	unsigned int i, c;
	s64 last, now;

	map_user(test);
	ts = at(OFF_ST);
	for (c = 0; c < ARRAY_SIZE(monotonic); c++) {
		last = clock_ns(test, monotonic[c]);
		for (i = 0; i < 1000; i++) {
			now = clock_ns(test, monotonic[c]);
			if (now < last)
				break;
			last = now;
		}
		KTEST_EXPECT_EQ(test, (long)(i), 1000);
	}
	/* the CMOS clock's date: after 2020-01-01, when this was written */
	KTEST_EXPECT_GT(test, clock_ns(test, CLOCK_REALTIME) / NSEC_PER_SEC, 1577836800);
	KTEST_EXPECT_GT(test, clock_ns(test, CLOCK_REALTIME_COARSE) / NSEC_PER_SEC, 1577836800);
	getboottime64(&boot);
	KTEST_EXPECT_LE(test, boot.tv_sec * NSEC_PER_SEC + boot.tv_nsec + (s64)ktime_get(),
			clock_ns(test, CLOCK_REALTIME));
	KTEST_EXPECT_EQ(test, SYS(clock_gettime, CLOCK_PROCESS_CPUTIME_ID, ST), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(clock_gettime, CLOCK_THREAD_CPUTIME_ID, ST), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(clock_gettime, 100, ST), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(clock_gettime, -1, ST), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(clock_gettime, CLOCK_MONOTONIC, FSYS_HOLE), -EFAULT);
	KTEST_EXPECT_EQ(test, SYS(clock_getres, CLOCK_MONOTONIC, ST), 0);
	KTEST_EXPECT_EQ(test, ts->tv_sec, 0);
	KTEST_EXPECT_EQ(test, ts->tv_nsec, 1);
	KTEST_EXPECT_EQ(test, SYS(clock_getres, CLOCK_MONOTONIC_COARSE, ST), 0);
	KTEST_EXPECT_EQ(test, ts->tv_nsec, TICK_NSEC);
	KTEST_EXPECT_EQ(test, SYS(clock_getres, CLOCK_REALTIME, 0), 0);
	KTEST_EXPECT_EQ(test, SYS(clock_getres, CLOCK_PROCESS_CPUTIME_ID, ST), -EINVAL);
}

static void time_and_gettimeofday_agree_with_clock_realtime(struct ktest *test)
{
	struct __kernel_old_timeval *tv;
	struct timezone *tz;
	long t, t2;

	map_user(test);
	tv = at(OFF_ST);
	tz = at(OFF_ST + 64);
	memset(tz, 0xff, sizeof(*tz));
	t = SYS(time, 0);
	KTEST_EXPECT_EQ(test, SYS(gettimeofday, ST, ST + 64), 0);
	t2 = SYS(time, BUF);
	KTEST_EXPECT_EQ(test, *(long *)at(OFF_BUF), t2);
	KTEST_EXPECT_LE(test, t, tv->tv_sec);
	KTEST_EXPECT_LE(test, tv->tv_sec, t2);
	KTEST_EXPECT_LT(test, tv->tv_usec, USEC_PER_SEC);
	KTEST_EXPECT_EQ(test, tz->tz_minuteswest, 0);
	KTEST_EXPECT_EQ(test, tz->tz_dsttime, 0);
	KTEST_EXPECT_EQ(test, SYS(gettimeofday, 0, 0), 0);
	KTEST_EXPECT_EQ(test, SYS(time, FSYS_HOLE), -EFAULT);
	KTEST_EXPECT_EQ(test, SYS(gettimeofday, FSYS_HOLE, 0), -EFAULT);
}

/* @fn sleeps; at least @ns must pass in jiffies and on CLOCK_MONOTONIC. */
static void expect_sleep(struct ktest *test, long ret, unsigned long j0, s64 t0, s64 ns)
{
	KTEST_EXPECT_EQ(test, ret, 0);
	KTEST_EXPECT_GE(test, (long)(jiffies - j0), (long)DIV_ROUND_UP(ns, TICK_NSEC));
	KTEST_EXPECT_GE(test, clock_ns(test, CLOCK_MONOTONIC) - t0, ns);
}

static void nanosleep_sleeps_at_least_the_time_asked(struct ktest *test)
{
	struct __kernel_timespec *rq;
	unsigned long j0;
	s64 t0;

	map_user(test);
	rq = at(OFF_BUF);
	*rq = (struct __kernel_timespec){ .tv_sec = 0, .tv_nsec = 5 * TICK_NSEC };
	t0 = clock_ns(test, CLOCK_MONOTONIC);
	j0 = jiffies;
	expect_sleep(test, SYS(nanosleep, BUF, ST), j0, t0, 5 * TICK_NSEC);
	t0 = clock_ns(test, CLOCK_MONOTONIC);
	j0 = jiffies;
	expect_sleep(test, SYS(clock_nanosleep, CLOCK_REALTIME, 0, BUF, 0), j0, t0,
		     5 * TICK_NSEC);
	/* absolute: until 3 ticks from now on the monotonic clock */
	t0 = clock_ns(test, CLOCK_MONOTONIC);
	j0 = jiffies;
	*rq = (struct __kernel_timespec){ .tv_sec = (t0 + 3 * TICK_NSEC) / NSEC_PER_SEC,
					  .tv_nsec = (t0 + 3 * TICK_NSEC) % NSEC_PER_SEC };
	expect_sleep(test, SYS(clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, BUF, 0), j0, t0,
		     3 * TICK_NSEC);
	/* a time already past: at once */
	KTEST_EXPECT_EQ(test, SYS(clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, BUF, 0), 0);
	*rq = (struct __kernel_timespec){ 0, 0 };
	KTEST_EXPECT_EQ(test, SYS(nanosleep, BUF, 0), 0);
	*rq = (struct __kernel_timespec){ 0, NSEC_PER_SEC };
	KTEST_EXPECT_EQ(test, SYS(nanosleep, BUF, 0), -EINVAL);
	*rq = (struct __kernel_timespec){ -1, 0 };
	KTEST_EXPECT_EQ(test, SYS(nanosleep, BUF, 0), -EINVAL);
	*rq = (struct __kernel_timespec){ 0, -1 };
	KTEST_EXPECT_EQ(test, SYS(clock_nanosleep, CLOCK_MONOTONIC, 0, BUF, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(nanosleep, FSYS_HOLE, 0), -EFAULT);
	KTEST_EXPECT_EQ(test, SYS(clock_nanosleep, CLOCK_MONOTONIC_RAW, 0, BUF, 0), -EOPNOTSUPP);
	KTEST_EXPECT_EQ(test, SYS(clock_nanosleep, CLOCK_PROCESS_CPUTIME_ID, 0, BUF, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(clock_nanosleep, 100, 0, BUF, 0), -EINVAL);
}

static void sysinfo_getcpu_and_affinity_describe_the_machine(struct ktest *test)
{
	struct sysinfo *si;
	unsigned int *cpu;
	unsigned long *mask;

	map_user(test);
	si = at(OFF_ST);
	KTEST_EXPECT_EQ(test, (long)(offsetof(struct sysinfo, procs)), 80);
	KTEST_EXPECT_EQ(test, (long)(offsetof(struct sysinfo, mem_unit)), 104);
	memset(si, 0xff, sizeof(*si));
	KTEST_EXPECT_EQ(test, SYS(sysinfo, ST), 0);
	KTEST_EXPECT_EQ(test, (long)(si->mem_unit), 1);
	KTEST_EXPECT_EQ(test, si->totalram, totalram_pages() * PAGE_SIZE);
	KTEST_EXPECT_LE(test, si->freeram, si->totalram);
	KTEST_EXPECT_GT(test, (long)(si->freeram), 0);
	KTEST_EXPECT_GE(test, (long)(si->procs), 2);		/* init and kthreadd at least */
	KTEST_EXPECT_GE(test, si->uptime, 1);
	KTEST_EXPECT_EQ(test, (long)(si->loads[0]), 0);
	KTEST_EXPECT_EQ(test, (long)(si->totalswap), 0);
	KTEST_EXPECT_EQ(test, SYS(sysinfo, FSYS_HOLE), -EFAULT);
	cpu = at(OFF_BUF);
	cpu[0] = cpu[1] = ~0U;
	KTEST_EXPECT_EQ(test, SYS(getcpu, BUF, BUF + 4, 0), 0);
	KTEST_EXPECT_TRUE(test, cpu_online(cpu[0]));
	KTEST_EXPECT_EQ(test, (long)(cpu[1]), 0);
	KTEST_EXPECT_EQ(test, SYS(getcpu, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(test, SYS(getcpu, FSYS_HOLE, 0, 0), -EFAULT);
	mask = at(OFF_ST);
	mask[0] = 0;
	KTEST_EXPECT_EQ(test, SYS(sched_getaffinity, 0, 128, ST), (long)sizeof(long));
	KTEST_EXPECT_EQ(test, mask[0], cpu_online_mask->bits[0]);
	KTEST_EXPECT_EQ(test, SYS(sched_getaffinity, current->pid, 8, ST), 8);
	KTEST_EXPECT_EQ(test, SYS(sched_getaffinity, 0, 4, ST), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(sched_getaffinity, -1, 8, ST), -ESRCH);
	KTEST_EXPECT_EQ(test, SYS(sched_getaffinity, 1 << 30, 8, ST), -ESRCH);
	KTEST_EXPECT_EQ(test, SYS(sched_getaffinity, 0, 8, FSYS_HOLE), -EFAULT);
}

/*
 * @nr with every slab allocation failing after @space bytes, for growing
 * @space until it answers something else than -ENOMEM (the caller checks
 * what). Return: that answer.
 */
static long sys_under_failslab(struct ktest *test, int nr, long a0, long a1, long a2,
				  long a3, long a4)
{
	struct failslab_attr saved = failslab;
	bool enabled = failslab_enabled;
	long space, ret = -ENOMEM;

	for (space = 0; ret == -ENOMEM && space < 64 * (long)PAGE_SIZE; space += 64) {
		fail_slab_always(space);
		ret = sys(nr, a0, a1, a2, a3, a4, 0);
		failslab = saved;
		failslab_enabled = enabled;
	}
	return ret;
}

static void calls_unwind_an_allocation_failure_at_any_step(struct ktest *test)
{
	long fd, lowest, i;
	struct iovec *iov;

	map_user(test);
	iov = at(OFF_ST);
	for (i = 0; i < UIO_FASTIOV + 2; i++)		/* more than fit on the stack */
		iov[i] = (struct iovec){ (void __user *)(BUF + i), 1 };
	lowest = uopen(VT, O_RDONLY, 0);		/* the lowest free fd */
	SYS(close, lowest);
	fd = sys_under_failslab(test, __NR_openat, AT_FDCWD, ustr(OFF_P0, VT "/f"),
				   O_CREAT | O_RDWR, 0644, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, fd, lowest);		/* the failed tries kept none */
	KTEST_EXPECT_EQ(test, sys_under_failslab(test, __NR_writev, fd, ST, UIO_FASTIOV + 2,
						    0, 0), UIO_FASTIOV + 2);
	KTEST_EXPECT_EQ(test, sys_under_failslab(test, __NR_mkdirat, AT_FDCWD,
						    ustr(OFF_P1, VT "/m"), 0755, 0, 0), 0);
	KTEST_EXPECT_EQ(test, sys_under_failslab(test, __NR_mount, ustr(OFF_BUF + 64, "none"),
						    P1, ustr(OFF_BUF + 128, "tmpfs"), 0,
						    ustr(OFF_BUF + 192, "size=1m")), 0);
	KTEST_EXPECT_EQ(test, SYS(umount2, P1, 0), 0);
	KTEST_EXPECT_EQ(test, sys_under_failslab(test, __NR_getcwd, BUF + 512, 64, 0, 0, 0), 2);
	KTEST_EXPECT_EQ(test, sys_under_failslab(test, __NR_readlinkat, AT_FDCWD, P0, BUF, 8,
						    0), -EINVAL);
	KTEST_EXPECT_EQ(test, SYS(close, fd), 0);
	KTEST_EXPECT_EQ(test, sys_under_failslab(test, __NR_renameat2, AT_FDCWD, P0, AT_FDCWD,
						    ustr(OFF_BUF + 256, VT "/g"), 0), 0);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/g"), 0);
	KTEST_EXPECT_EQ(test, init_rmdir(VT "/m"), 0);
}

static struct ktest_case fsys_cases[] = {
	KTEST_CASE(read_and_write_move_bytes_through_user_memory),
	KTEST_CASE(bad_user_pointers_are_efault_and_leave_nothing),
	KTEST_CASE(names_too_long_or_empty_are_refused),
	KTEST_CASE(open_flags_and_errors_are_linuxs),
	KTEST_CASE(positioned_and_vectored_io_use_user_iovecs),
	KTEST_CASE(sendfile_copies_between_files),
	KTEST_CASE(stat_calls_fill_linuxs_struct_stat),
	KTEST_CASE(statx_and_statfs_answer_in_linuxs_layouts),
	KTEST_CASE(getdents64_writes_records_to_user_memory),
	KTEST_CASE(dup_and_fcntl_manage_descriptors),
	KTEST_CASE(ioctl_answers_generic_requests_and_enotty),
	KTEST_CASE(ioctl_reaches_the_consoles_termios),
	KTEST_CASE(name_calls_create_remove_and_rename),
	KTEST_CASE(size_calls_truncate_and_allocate),
	KTEST_CASE(mode_owner_and_access_calls_follow_umask_and_permissions),
	KTEST_CASE(cwd_calls_move_and_report_the_directory),
	KTEST_CASE(mount_and_umount2_need_root_and_valid_arguments),
	KTEST_CASE(memfd_create_copies_the_name_and_checks_flags),
	KTEST_CASE(sync_calls_succeed_on_files_and_check_fds),
	KTEST_CASE(getrandom_fills_user_memory_and_checks_flags),
	KTEST_CASE(clocks_read_and_monotonic_never_goes_back),
	KTEST_CASE(time_and_gettimeofday_agree_with_clock_realtime),
	KTEST_CASE(nanosleep_sleeps_at_least_the_time_asked),
	KTEST_CASE(sysinfo_getcpu_and_affinity_describe_the_machine),
	KTEST_CASE(calls_unwind_an_allocation_failure_at_any_step),
	{}
};

static struct ktest_suite fsys_suite = {
	.name = "fsys",
	.init = fsys_suite_init,
	.exit = fsys_suite_exit,
	.test_cases = fsys_cases,
};
ktest_register_suite(fsys_suite);
