/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Signal data types, Linux x86-64's layouts (its uapi asm-generic/signal.h,
 * siginfo.h and linux/signal_types.h): the 64-signal set, siginfo (128
 * bytes, the same to user space as kernel_siginfo's first 48 bytes plus
 * zeros), the handler table and the queue of pending signals.
 *
 * Who uses what (kernel/signal.c is the owner):
 *   task->pending         signals sent to one thread (tkill(), faults)
 *   signal->shared_pending signals sent to the process (kill())
 *   sighand->action[]     handlers, shared by CLONE_SIGHAND tasks, under
 *                         sighand->siglock, which also guards both queues,
 *                         task->blocked and the process's stop/exit state
 */
#ifndef _LINUX_SIGNAL_TYPES_H
#define _LINUX_SIGNAL_TYPES_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/atomic.h>
#include <linux/wait.h>

#define _NSIG		64
#define _NSIG_BPW	64
#define _NSIG_WORDS	(_NSIG / _NSIG_BPW)

/* Signal n (1..64) is bit n - 1. */
typedef struct {
	unsigned long sig[_NSIG_WORDS];
} sigset_t;

typedef void __signalfn_t(int);
typedef __signalfn_t __user *__sighandler_t;
typedef void __restorefn_t(void);
typedef __restorefn_t __user *__sigrestore_t;

#define SIG_DFL	((__sighandler_t)0)	/* default action */
#define SIG_IGN	((__sighandler_t)1)	/* ignore */
#define SIG_ERR	((__sighandler_t)-1)

/* rt_sigaction()'s struct, Linux x86-64's kernel layout: handler, flags, restorer, mask. */
struct sigaction {
	__sighandler_t sa_handler;
	unsigned long sa_flags;
	__sigrestore_t sa_restorer;
	sigset_t sa_mask;
};

struct k_sigaction {
	struct sigaction sa;
};

typedef union sigval {
	int sival_int;
	void __user *sival_ptr;
} sigval_t;

/*
 * The union of Linux's kernel_siginfo: signo, errno, code, then the
 * fields of the sender's kind. User space sees it padded to 128 bytes
 * (SI_MAX_SIZE); copy_siginfo_to_user() writes the padding as zeros.
 */
#define SI_MAX_SIZE	128

typedef struct kernel_siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		struct {		/* kill(), tkill(), sigqueue() */
			int _pid;
			unsigned int _uid;
			sigval_t _sigval;
		} _rt;
		struct {		/* timers */
			int _tid;
			int _overrun;
			sigval_t _sigval;
			int _sys_private;
		} _timer;
		struct {		/* SIGCHLD */
			int _pid;
			unsigned int _uid;
			int _status;
			long _utime;
			long _stime;
		} _sigchld;
		struct {		/* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP */
			void __user *_addr;
			short _addr_lsb;
			union {
				struct {
					void __user *_lower;
					void __user *_upper;
				} _addr_bnd;
				u32 _pkey;
			};
		} _sigfault;
		struct {		/* SIGPOLL */
			long _band;
			int _fd;
		} _sigpoll;
	} _sifields;
} kernel_siginfo_t;

#define si_pid		_sifields._rt._pid
#define si_uid		_sifields._rt._uid
#define si_value	_sifields._rt._sigval
#define si_int		_sifields._rt._sigval.sival_int
#define si_ptr		_sifields._rt._sigval.sival_ptr
#define si_status	_sifields._sigchld._status
#define si_utime	_sifields._sigchld._utime
#define si_stime	_sifields._sigchld._stime
#define si_addr		_sifields._sigfault._addr
#define si_addr_lsb	_sifields._sigfault._addr_lsb
#define si_band		_sifields._sigpoll._band
#define si_fd		_sifields._sigpoll._fd

/* One queued signal (a real-time signal may be queued several times). */
struct sigqueue {
	struct list_head list;
	kernel_siginfo_t info;
};

struct sigpending {
	struct list_head list;	/* of struct sigqueue, oldest first */
	sigset_t signal;	/* the signals with at least one entry (or none needed) */
};

/* What CLONE_SIGHAND tasks (a process's threads) share. */
struct sighand_struct {
	atomic_t count;			
	spinlock_t siglock;		/* see the top */
	wait_queue_head_t signalfd_wqh;	/* woken when a signal is queued */
	struct k_sigaction action[_NSIG];
};

#endif /* _LINUX_SIGNAL_TYPES_H */
