/* SPDX-License-Identifier: GPL-2.0 */
/* Error numbers with Linux's names and values; functions return -ENAME. */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#define EPERM		1
#define ENOENT		2
#define ESRCH		3
#define EINTR		4
#define EIO		5
#define ENXIO		6
#define E2BIG		7
#define ENOEXEC		8
#define EBADF		9
#define ECHILD		10
#define EAGAIN		11
#define ENOMEM		12
#define EACCES		13
#define EFAULT		14
#define ENOTBLK		15
#define EBUSY		16
#define EEXIST		17
#define EXDEV		18
#define ENODEV		19
#define ENOTDIR		20
#define EISDIR		21
#define EINVAL		22
#define ENFILE		23
#define EMFILE		24
#define ENOTTY		25
#define ETXTBSY		26
#define EFBIG		27
#define ENOSPC		28
#define ESPIPE		29
#define EROFS		30
#define EMLINK		31
#define EPIPE		32
#define EDOM		33
#define ERANGE		34
#define EDEADLK		35
#define ENAMETOOLONG	36
#define ENOLCK		37
#define ENOSYS		38
#define ENOTEMPTY	39
#define ELOOP		40
#define ENODATA		61
#define EOVERFLOW	75
#define ELIBBAD		80	/* a shared library (an ELF interpreter) is corrupted */
#define ENOTSOCK	88
#define EMSGSIZE	90
#define ENOPROTOOPT	92
#define EPROTONOSUPPORT	93
#define ESOCKTNOSUPPORT	94
#define EOPNOTSUPP	95
#define EAFNOSUPPORT	97
#define ECONNRESET	104
#define EISCONN		106
#define ENOTCONN	107
#define ETIMEDOUT	110
#define ECONNREFUSED	111

/*
 * Never seen by user space (Linux's include/linux/errno.h): a system call
 * interrupted by a signal returns one, and the return to user mode
 * (arch/x86_64/signal.c) turns it into a restart or -EINTR:
 *   ERESTARTSYS            restart if the handler has SA_RESTART, else -EINTR
 *   ERESTARTNOINTR         always restart
 *   ERESTARTNOHAND         restart only if no handler runs, else -EINTR
 *   ERESTART_RESTARTBLOCK  restart through restart_syscall() (nanosleep)
 */
#define ERESTARTSYS		512
#define ERESTARTNOINTR		513
#define ERESTARTNOHAND		514
#define ERESTART_RESTARTBLOCK	516

#endif /* _LINUX_ERRNO_H */
