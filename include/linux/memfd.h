/* SPDX-License-Identifier: GPL-2.0 */
/* memfd_create (mm/memfd.c): an fd on a nameless tmpfs file; Linux's flags. */
#ifndef _LINUX_MEMFD_H
#define _LINUX_MEMFD_H

#define MFD_CLOEXEC		0x0001U
#define MFD_ALLOW_SEALING	0x0002U
#define MFD_HUGETLB		0x0004U

#define MFD_NAME_PREFIX		"memfd:"
#define MFD_NAME_PREFIX_LEN	(sizeof(MFD_NAME_PREFIX) - 1)
#define MFD_NAME_MAX_LEN	(NAME_MAX - MFD_NAME_PREFIX_LEN)

/**
 * do_memfd_create - memfd_create(2) on a kernel string
 * @uname: the name, shown as "memfd:NAME" (at most MFD_NAME_MAX_LEN bytes)
 * @flags: MFD_CLOEXEC; MFD_ALLOW_SEALING is refused until seals exist
 *	   (F_ADD_SEALS), MFD_HUGETLB until hugetlbfs does
 *
 * Return: the fd of a new empty tmpfs file open for reading and writing,
 * or -EINVAL, -EMFILE, -ENOMEM. Context: process, may sleep.
 */
long do_memfd_create(const char *uname, unsigned int flags);

#endif /* _LINUX_MEMFD_H */
