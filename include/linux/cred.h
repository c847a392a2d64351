/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Task credentials, the part the file layer checks (Linux's cred.h): real,
 * effective, saved and file-system user and group ids. A task points at a cred
 * that is never changed once published; override_creds() swaps in
 * another for a while (as Linux's, for acting as someone else).
 *
 * No capabilities yet: a file-system uid of 0 stands for CAP_DAC_OVERRIDE,
 * CAP_DAC_READ_SEARCH, CAP_FOWNER and CAP_CHOWN (fsuid_is_root()).
 * Kernel threads all run with init_cred (root).
 */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

#include <linux/types.h>
#include <linux/sched.h>

struct cred {
	uid_t uid, euid, suid, fsuid;	/* real, effective, saved, file system */
	gid_t gid, egid, sgid, fsgid;
};

extern const struct cred init_cred;

#define current_cred()		(current->cred)
#define current_fsuid()		(current_cred()->fsuid)
#define current_fsgid()		(current_cred()->fsgid)

/* Does the caller have root's file-system privileges (see the top)? */
static inline bool fsuid_is_root(void)
{
	return current_fsuid() == 0;
}

/*
 * override_creds - act with @new until revert_creds(); @new must outlive
 * that. Return: the cred to give back to revert_creds(). Context: process.
 */
static inline const struct cred *override_creds(const struct cred *new)
{
	const struct cred *old = current->cred;

	current->cred = new;
	return old;
}

static inline void revert_creds(const struct cred *old)
{
	current->cred = old;
}

#endif /* _LINUX_CRED_H */
