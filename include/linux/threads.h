/* SPDX-License-Identifier: GPL-2.0 */
/* The most CPUs the kernel supports (Linux's CONFIG_NR_CPUS). */
#ifndef _LINUX_THREADS_H
#define _LINUX_THREADS_H

#define NR_CPUS		64

#endif /* _LINUX_THREADS_H */
