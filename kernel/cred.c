// SPDX-License-Identifier: GPL-2.0
/*
 * Credentials (include/linux/cred.h): init_cred, root's, which every
 * kernel thread runs with. Creds are never changed once a task points at
 * one; a test acting as another user points at its own with
 * override_creds() and puts init_cred back with revert_creds().
 */
#include <linux/cred.h>

const struct cred init_cred = {
	.uid = 0, .euid = 0, .suid = 0, .fsuid = 0,
	.gid = 0, .egid = 0, .sgid = 0, .fsgid = 0,
};
