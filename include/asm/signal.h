/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Signal numbers of Linux x86-64. There is no signal delivery yet: a user
 * task that faults is ended as the unhandled signal would end it
 * (force_sig_exit(), asm/traps.h), its exit code the signal's number as
 * in Linux's wait status.
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

/* si_code of SIGSEGV and SIGBUS (Linux's uapi asm-generic/siginfo.h). */
#define SEGV_MAPERR	1	/* address not mapped */
#define SEGV_ACCERR	2	/* the mapping forbids the access */
#define SEGV_PKUERR	4	/* a protection key forbids it */
#define BUS_ADRERR	2	/* nonexistent physical address (beyond a file's end) */

#endif /* _ASM_SIGNAL_H */
