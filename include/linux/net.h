/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sockets (net/socket.c): the BSD socket layer between the system calls
 * and a protocol family. A struct socket lives with its inode in sockfs
 * (struct socket_alloc) and is the private_data of its file; its
 * protocol's state is a struct sock (include/net/sock.h) reached through
 * sk, its calls are ops (struct proto_ops), set by the family's create().
 *
 *   file --private_data--> socket --sk--> sock (family's, e.g. unix_sock)
 *                            | ops: proto_ops of the family and type
 *
 * Only AF_UNIX is here, and only socketpair() makes sockets (there is
 * no socket(2), bind or connect yet).
 */
#ifndef _LINUX_NET_H
#define _LINUX_NET_H

#include <linux/types.h>
#include <linux/socket.h>

struct file;
struct sock;
struct socket;
struct poll_table_struct;
struct kvec;

typedef enum {
	SS_FREE = 0,
	SS_UNCONNECTED,
	SS_CONNECTING,
	SS_CONNECTED,
	SS_DISCONNECTING,
} socket_state;

/*
 * struct proto_ops - a family's calls for one socket type. Each returns
 * Linux's values: bytes or 0 / -errno. Context: process, may sleep.
 */
struct proto_ops {
	int family;
	/* Drop the socket's protocol state (its file's last close). */
	int (*release)(struct socket *sock);
	/* Connect two new sockets to each other. */
	int (*socketpair)(struct socket *sock1, struct socket *sock2);
	__poll_t (*poll)(struct file *file, struct socket *sock, struct poll_table_struct *wait);
	/* shutdown(2): @how is SHUT_RD, SHUT_WR or SHUT_RDWR. */
	int (*shutdown)(struct socket *sock, int how);
	/* Send @len bytes of @m->msg_iter; @m->msg_flags has the MSG_* flags. */
	int (*sendmsg)(struct socket *sock, struct msghdr *m, size_t len);
	/* Receive up to @len bytes into @m->msg_iter; @flags MSG_*; result flags in @m. */
	int (*recvmsg)(struct socket *sock, struct msghdr *m, size_t len, int flags);
};

/*
 * struct net_proto_family - a registered family: create() sets up @sock
 * (its type already set) for @protocol: sock->ops and sock->sk.
 */
struct net_proto_family {
	int family;
	int (*create)(struct socket *sock, int protocol);
};

/*
 * struct socket - the BSD socket of an open file: state, type and file
 * are set once; sk and ops by the family's create(). The file owns it:
 * its last fput() releases the protocol state and frees the socket
 * with its inode.
 */
struct socket {
	socket_state state;
	short type;			/* SOCK_STREAM... */
	struct file *file;		/* NULL until sock_alloc_file() */
	struct sock *sk;
	const struct proto_ops *ops;
};

/* sock_register - make @fam's create() the one of its family. Return: 0, -EEXIST, -EINVAL. */
int sock_register(const struct net_proto_family *fam);

/**
 * sock_create - a new socket of @family, @type, @protocol with no file
 * @res: the socket, on success
 *
 * Return: 0, -EAFNOSUPPORT (no such family), -EINVAL (bad type),
 * -ESOCKTNOSUPPORT / -EPROTONOSUPPORT (the family's refusal), -ENOMEM.
 * Context: process, may sleep.
 */
int sock_create(int family, int type, int protocol, struct socket **res);
/* sock_release - drop a socket that has no file (sock_create()'s, on an error path). */
void sock_release(struct socket *sock);
/*
 * sock_alloc_file - the open file of @sock (O_RDWR, O_NONBLOCK from
 * @flags). Return: it, or ERR_PTR(-ENOMEM) after releasing @sock.
 */
struct file *sock_alloc_file(struct socket *sock, int flags);
/* sock_from_file - the socket of @file, or NULL if it is no socket. */
struct socket *sock_from_file(struct file *file);

/*
 * sock_sendmsg / sock_recvmsg - the protocol's sendmsg/recvmsg on @msg's
 * iterator (the bytes in it for a send). Return: bytes, or -errno.
 */
int sock_sendmsg(struct socket *sock, struct msghdr *msg);
int sock_recvmsg(struct socket *sock, struct msghdr *msg, int flags);
/*
 * kernel_sendmsg / kernel_recvmsg - the same on @num kernel buffers
 * @vec of @len bytes in all (in-kernel users and tests).
 */
int kernel_sendmsg(struct socket *sock, struct msghdr *msg, struct kvec *vec, size_t num,
		   size_t len);
int kernel_recvmsg(struct socket *sock, struct msghdr *msg, struct kvec *vec, size_t num,
		   size_t len, int flags);

/* __sys_socketpair - socketpair(2) with @usockvec in user memory. */
int __sys_socketpair(int family, int type, int protocol, int __user *usockvec);

/* sock_init - sockfs and the families (boot). */
void sock_init(void);

#endif /* _LINUX_NET_H */
