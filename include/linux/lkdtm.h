/* SPDX-License-Identifier: GPL-2.0 */
/* Crashing on purpose (kernel/lkdtm.c), to prove crashes are reported. */
#ifndef _LINUX_LKDTM_H
#define _LINUX_LKDTM_H

/* Provoke the crash named @type; -EINVAL for an unknown name. */
int lkdtm_provoke(const char *type);

/* Fire lkdtm.cpoint_type= if the command line set it. */
void lkdtm_boot(void);

/*
 * lkdtm_debugfs_init - /sys/kernel/debug/provoke-crash/DIRECT (see
 * kernel/lkdtm.c). Context: boot, after debugfs_init().
 */
void lkdtm_debugfs_init(void);

#endif /* _LINUX_LKDTM_H */
