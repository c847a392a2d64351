/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Access to another process's memory and files (Linux's linux/ptrace.h):
 * ptrace_may_access(), the check that /proc/PID/exe and /proc/PID/mem,
 * process_vm_readv()/process_vm_writev() and process_madvise() share.
 * There is no ptrace(2) itself.
 */
#ifndef _LINUX_PTRACE_H
#define _LINUX_PTRACE_H

#include <linux/types.h>

struct task_struct;

#define PTRACE_MODE_READ	0x01
#define PTRACE_MODE_ATTACH	0x02
#define PTRACE_MODE_FSCREDS	0x08	/* compare the caller's fsuid/fsgid */
#define PTRACE_MODE_REALCREDS	0x10	/* compare the caller's real uid/gid */

#define PTRACE_MODE_READ_FSCREDS	(PTRACE_MODE_READ | PTRACE_MODE_FSCREDS)
#define PTRACE_MODE_READ_REALCREDS	(PTRACE_MODE_READ | PTRACE_MODE_REALCREDS)
#define PTRACE_MODE_ATTACH_FSCREDS	(PTRACE_MODE_ATTACH | PTRACE_MODE_FSCREDS)
#define PTRACE_MODE_ATTACH_REALCREDS	(PTRACE_MODE_ATTACH | PTRACE_MODE_REALCREDS)

/**
 * ptrace_may_access - may current inspect @task (Linux's __ptrace_may_access())?
 * @task: the target, referenced by the caller
 * @mode: PTRACE_MODE_*, with exactly one of FSCREDS and REALCREDS
 *
 * Itself always; otherwise the caller's fsuid (FSCREDS) or real uid
 * (REALCREDS) must equal the target's real, effective and saved uids, and
 * the same for the gids, or the caller needs CAP_SYS_PTRACE; and a target
 * whose mm is not dumpable (SUID_DUMP_USER) needs CAP_SYS_PTRACE too.
 * Return: true if allowed. Context: process; takes task_lock(@task).
 */
bool ptrace_may_access(struct task_struct *task, unsigned int mode);

#endif /* _LINUX_PTRACE_H */
