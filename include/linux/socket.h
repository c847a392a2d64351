/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The socket calls' user ABI (Linux's linux/socket.h and the x86-64
 * asm/socket.h): address families, socket types and their creation
 * flags, MSG_* flags, SOL_SOCKET options, struct user_msghdr and cmsghdr
 * in Linux's layouts; and the kernel's struct msghdr, one send or receive
 * with its buffers as an iov_iter (net/socket.c builds it from the user's).
 */
#ifndef _LINUX_SOCKET_H
#define _LINUX_SOCKET_H

#include <linux/types.h>
#include <linux/fcntl.h>
#include <linux/uio.h>

typedef unsigned short sa_family_t;

/* Address families (Linux's; only AF_UNIX has sockets here). */
#define AF_UNSPEC	0
#define AF_UNIX		1
#define AF_LOCAL	AF_UNIX
#define AF_INET		2
#define AF_MAX		46
#define NPROTO		AF_MAX
#define PF_UNIX		AF_UNIX

/* Socket types, and the creation flags or'ed into socket()'s type. */
#define SOCK_STREAM	1
#define SOCK_DGRAM	2
#define SOCK_RAW	3
#define SOCK_RDM	4
#define SOCK_SEQPACKET	5
#define SOCK_DCCP	6
#define SOCK_PACKET	10
#define SOCK_MAX	(SOCK_PACKET + 1)
#define SOCK_TYPE_MASK	0xf
#define SOCK_CLOEXEC	O_CLOEXEC
#define SOCK_NONBLOCK	O_NONBLOCK

/* send/recv flags, Linux's values. */
#define MSG_OOB		0x1
#define MSG_PEEK	0x2
#define MSG_DONTROUTE	0x4
#define MSG_CTRUNC	0x8		/* control data cut short (recvmsg's msg_flags) */
#define MSG_TRUNC	0x20		/* datagram cut short; in flags: return its real length */
#define MSG_DONTWAIT	0x40
#define MSG_EOR		0x80
#define MSG_WAITALL	0x100
#define MSG_NOSIGNAL	0x4000		/* EPIPE without SIGPIPE */
#define MSG_CMSG_CLOEXEC 0x40000000	/* SCM_RIGHTS fds close-on-exec */

/* shutdown(2)'s how. */
#define SHUT_RD		0
#define SHUT_WR		1
#define SHUT_RDWR	2

/* Socket-level options (x86-64's asm/socket.h values). */
#define SOL_SOCKET	1
#define SO_TYPE		3
#define SO_ERROR	4
#define SO_SNDBUF	7
#define SO_RCVBUF	8
#define SO_PROTOCOL	38
#define SO_DOMAIN	39

/* Control messages. */
#define SCM_RIGHTS	0x01

/* The largest socket address a call copies in (struct sockaddr_storage). */
#define _K_SS_MAXSIZE	128

struct sockaddr {
	sa_family_t sa_family;
	char sa_data[14];
};

/* sendmsg/recvmsg's argument in user memory, x86-64 layout. */
struct user_msghdr {
	void __user *msg_name;
	int msg_namelen;
	struct iovec __user *msg_iov;
	size_t msg_iovlen;
	void __user *msg_control;
	size_t msg_controllen;
	unsigned int msg_flags;
};

struct cmsghdr {
	size_t cmsg_len;	/* header and data */
	int cmsg_level;
	int cmsg_type;
};

#define CMSG_ALIGN(len)	(((len) + sizeof(long) - 1) & ~(sizeof(long) - 1))
#define CMSG_SPACE(len)	(sizeof(struct cmsghdr) + CMSG_ALIGN(len))
#define CMSG_LEN(len)	(sizeof(struct cmsghdr) + (len))

/*
 * struct msghdr - one send or receive in the kernel: the data as an
 * iov_iter, the user's address and control buffers (unused by socket
 * pairs beyond their checks), and the MSG_* flags: the call's on the way
 * in, the result's (MSG_TRUNC...) on the way out of a receive.
 */
struct msghdr {
	void *msg_name;			/* kernel copy of the address, or NULL */
	int msg_namelen;
	struct iov_iter msg_iter;
	void __user *msg_control;
	size_t msg_controllen;
	unsigned int msg_flags;
};

#endif /* _LINUX_SOCKET_H */
