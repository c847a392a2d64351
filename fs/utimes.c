// SPDX-License-Identifier: GPL-2.0
/*
 * The system calls that set a file's access and modification times
 * (Linux's fs/utimes.c): utimensat(), futimesat(), utimes() and utime(),
 * all on do_utimes() and vfs_utimes() (fs/open.c, which set the times
 * through notify_change()).
 *
 * utimensat() takes nanoseconds and the two specials of tv_nsec:
 * UTIME_NOW (this time is now) and UTIME_OMIT (leave it); a NULL array is
 * both now, both UTIME_OMIT changes nothing and succeeds at once, any
 * other tv_nsec outside [0, 1e9) is -EINVAL. A NULL @filename with a file
 * descriptor sets that file's times (futimens(); no flag is allowed
 * then). The older calls take microseconds (struct __kernel_old_timeval,
 * -EINVAL outside [0, 1e6)) or whole seconds (struct utimbuf), and always
 * follow symbolic links.
 */
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/fcntl.h>
#include <linux/namei.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

/* Linux's nsec_valid(): a time, or one of the two specials. */
static bool nsec_valid(long nsec)
{
	if (nsec == UTIME_OMIT || nsec == UTIME_NOW)
		return true;
	return nsec >= 0 && nsec < NSEC_PER_SEC;
}

/* The times of the file at @dfd (futimens()). */
static int do_utimes_fd(int dfd, struct timespec64 *times, int flags)
{
	struct file *f;
	int err;

	if (flags)
		return -EINVAL;
	f = fget(dfd);
	if (!f)
		return -EBADF;
	err = vfs_utimes(&f->f_path, times);
	fput(f);
	return err;
}

/* utimensat() after the copy in: @times NULL means now. */
static long do_utimensat(int dfd, const char __user *filename, struct timespec64 *times,
			 int flags)
{
	struct filename *name;
	long ret;

	if (times) {
		if (!nsec_valid(times[0].tv_nsec) || !nsec_valid(times[1].tv_nsec))
			return -EINVAL;
		if (times[0].tv_nsec == UTIME_OMIT && times[1].tv_nsec == UTIME_OMIT)
			return 0;
	}
	if (!filename && dfd != AT_FDCWD)
		return do_utimes_fd(dfd, times, flags);
	name = getname(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	ret = do_utimes(dfd, name->name, times, flags);
	putname(name);
	return ret;
}

SYSCALL_DEFINE4(utimensat, int, dfd, const char __user *, filename,
		struct __kernel_timespec __user *, utimes, int, flags)
{
	struct timespec64 tstimes[2];

	if (utimes && (get_timespec64(&tstimes[0], &utimes[0]) ||
		       get_timespec64(&tstimes[1], &utimes[1])))
		return -EFAULT;
	return do_utimensat(dfd, filename, utimes ? tstimes : NULL, flags);
}

/* futimesat() and utimes(): microseconds, which have no specials. */
static long do_futimesat(int dfd, const char __user *filename,
			 struct __kernel_old_timeval __user *utimes)
{
	struct __kernel_old_timeval times[2];
	struct timespec64 tstimes[2];
	int i;

	if (!utimes)
		return do_utimensat(dfd, filename, NULL, 0);
	if (copy_from_user(times, utimes, sizeof(times)))
		return -EFAULT;
	for (i = 0; i < 2; i++) {
		if (times[i].tv_usec < 0 || times[i].tv_usec >= USEC_PER_SEC)
			return -EINVAL;
		tstimes[i].tv_sec = times[i].tv_sec;
		tstimes[i].tv_nsec = times[i].tv_usec * NSEC_PER_USEC;
	}
	return do_utimensat(dfd, filename, tstimes, 0);
}

SYSCALL_DEFINE3(futimesat, int, dfd, const char __user *, filename,
		struct __kernel_old_timeval __user *, utimes)
{
	return do_futimesat(dfd, filename, utimes);
}

SYSCALL_DEFINE2(utimes, char __user *, filename, struct __kernel_old_timeval __user *, utimes)
{
	return do_futimesat(AT_FDCWD, filename, utimes);
}

/* utime(2)'s struct utimbuf: whole seconds. */
struct utimbuf {
	long actime;
	long modtime;
};

SYSCALL_DEFINE2(utime, char __user *, filename, struct utimbuf __user *, times)
{
	struct timespec64 tv[2];
	struct utimbuf buf;

	if (!times)
		return do_utimensat(AT_FDCWD, filename, NULL, 0);
	if (copy_from_user(&buf, times, sizeof(buf)))
		return -EFAULT;
	tv[0] = (struct timespec64){ .tv_sec = buf.actime };
	tv[1] = (struct timespec64){ .tv_sec = buf.modtime };
	return do_utimensat(AT_FDCWD, filename, tv, 0);
}
