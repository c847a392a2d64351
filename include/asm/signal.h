/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux x86-64's signal ABI constants (its uapi asm/signal.h and
 * asm-generic/siginfo.h): signal numbers, sigaction flags, the
 * sigprocmask operations, sigaltstack's stack_t and flags, and the
 * si_code values. kernel/signal.c and arch/x86_64/signal.c use them.
 */
#ifndef _ASM_SIGNAL_H
#define _ASM_SIGNAL_H

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGSTKFLT	16
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGIO		29
#define SIGPWR		30
#define SIGSYS		31
#define SIGRTMIN	32
#define SIGRTMAX	64	/* _NSIG */

/* sa_flags (x86-64's values). */
#define SA_NOCLDSTOP	0x00000001	/* no SIGCHLD when a child stops or continues */
#define SA_NOCLDWAIT	0x00000002	/* children are reaped at once */
#define SA_SIGINFO	0x00000004	/* handler(sig, siginfo, ucontext) */
#define SA_EXPOSE_TAGBITS 0x00000800
#define SA_RESTORER	0x04000000	/* sa_restorer returns through rt_sigreturn */
#define SA_ONSTACK	0x08000000	/* on the sigaltstack() stack */
#define SA_RESTART	0x10000000	/* restart an interrupted call (-ERESTARTSYS) */
#define SA_NODEFER	0x40000000	/* the signal is not blocked in its handler */
#define SA_RESETHAND	0x80000000	/* SIG_DFL once delivered */
/* What rt_sigaction() keeps and reports; the rest is cleared (Linux's UAPI_SA_FLAGS). */
#define UAPI_SA_FLAGS	(SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO | SA_ONSTACK | SA_RESTART | \
			 SA_NODEFER | SA_RESETHAND | SA_EXPOSE_TAGBITS | SA_RESTORER)

/* rt_sigprocmask()'s how. */
#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

/* sigaltstack(). */
#define SS_ONSTACK	1		/* ss_flags: running on it (reported) */
#define SS_DISABLE	2		/* none */
#define SS_AUTODISARM	(1U << 31)	/* cleared while a handler runs on it */
#define SS_FLAG_BITS	SS_AUTODISARM
#define MINSIGSTKSZ	2048
#define SIGSTKSZ	8192

#ifndef __ASSEMBLER__
#include <linux/types.h>

typedef struct sigaltstack {
	void __user *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;
#endif

/* si_code: who sent it (<= 0: user space, > 0: the kernel). */
#define SI_USER		0		/* kill() */
#define SI_KERNEL	0x80
#define SI_QUEUE	(-1)		/* sigqueue(), rt_sigqueueinfo() */
#define SI_TIMER	(-2)
#define SI_MESGQ	(-3)
#define SI_ASYNCIO	(-4)
#define SI_SIGIO	(-5)
#define SI_TKILL	(-6)		/* tkill(), tgkill() */

#define ILL_ILLOPN	2		/* illegal operand (#UD) */
#define FPE_INTDIV	1		/* integer divide by zero */
#define TRAP_BRKPT	1		/* int3 */
#define TRAP_TRACE	2		/* single step */
#define BUS_ADRALN	1		/* misaligned (#AC) */

/* si_code of SIGCHLD; waitid()'s too. */
#define CLD_EXITED	1		/* it called exit() */
#define CLD_KILLED	2		/* a signal killed it */
#define CLD_DUMPED	3		/* ... and it dumped core */
#define CLD_TRAPPED	4
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

/* si_code of SIGSEGV and SIGBUS (Linux's uapi asm-generic/siginfo.h). */
#define SEGV_MAPERR	1	/* address not mapped */
#define SEGV_ACCERR	2	/* the mapping forbids the access */
#define SEGV_PKUERR	4	/* a protection key forbids it */
#define BUS_ADRERR	2	/* nonexistent physical address (beyond a file's end) */

#endif /* _ASM_SIGNAL_H */
