/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct sock: a socket's protocol-independent state (net/core/sock.c),
 * and struct sk_buff, one queued piece of data, in Linux's names and
 * reduced to what AF_UNIX socket pairs use.
 *
 *   sender sock                         receiver sock
 *   sk_wmem_alloc += truesize  --skb-->  sk_receive_queue (skb->sk = sender)
 *   sk_wmem_alloc -= truesize  <-------  kfree_skb() once read (sock_wfree)
 *
 * An skb holds a reference on the sock that sent it and is charged to
 * its sk_wmem_alloc until freed: a sender waits while its wmem reaches
 * sk_sndbuf, and every free wakes it (sock_wfree()). The wait queue is
 * the sock's own (Linux hangs it on the struct socket and reaches it
 * through sk_wq under RCU; here it lives as long as the sock, so a late
 * wake-up after the file closed wakes nobody instead of freed memory).
 *
 * Lifetime: sk_refcnt; the socket holds one, each skb one on its
 * sender, a connected peer one; sock_put() of the last frees it through
 * its family's sk_destruct.
 *
 * Locking: sk_lock (a spinlock, Linux's unix_state_lock) guards
 * sk_receive_queue, sk_shutdown, sk_err and the family's peer pointer;
 * sk_wmem_alloc is atomic; sk_sndbuf/sk_rcvbuf are read without a lock
 * (setsockopt writes them whole). Two socks' locks are never held at once.
 */
#ifndef _NET_SOCK_H
#define _NET_SOCK_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/atomic.h>
#include <linux/wait.h>
#include <linux/net.h>

/* sk_shutdown bits. */
#define RCV_SHUTDOWN	1
#define SEND_SHUTDOWN	2
#define SHUTDOWN_MASK	3

/* Linux 6.1's defaults and limits on x86-64 (net.core.[wr]mem_default/_max). */
#define SK_WMEM_DEFAULT	212992
#define SK_RMEM_DEFAULT	212992
#define SK_WMEM_MAX	212992
#define SK_RMEM_MAX	212992
#define SOCK_MIN_SNDBUF	4608
#define SOCK_MIN_RCVBUF	2304

struct sock;

/*
 * struct sk_buff - one message (a datagram) or one piece of a stream,
 * on its receiver's sk_receive_queue. @consumed counts the bytes a
 * stream reader took already; the rest is data[consumed..len).
 */
struct sk_buff {
	struct list_head list;		/* in the receiver's queue; its sk_lock */
	struct sock *sk;		/* the sender, charged truesize; holds a reference */
	unsigned int len;
	unsigned int consumed;		/* the receiver's (serialised by its reader lock) */
	unsigned int truesize;		/* charged to sk->sk_wmem_alloc */
	unsigned char data[];
};

struct sock {
	spinlock_t sk_lock;
	atomic_t sk_refcnt;
	unsigned short sk_family;
	unsigned short sk_type;
	unsigned short sk_protocol;
	unsigned char sk_shutdown;	/* RCV_SHUTDOWN | SEND_SHUTDOWN; sk_lock */
	bool sk_dead;			/* its socket is released (SOCK_DEAD); sk_lock */
	int sk_err;			/* pending error (positive errno), SO_ERROR; sk_lock */
	int sk_sndbuf;			/* bytes in flight before a send waits */
	int sk_rcvbuf;			/* SO_RCVBUF, reported only */
	atomic_t sk_wmem_alloc;		/* truesize of its skbs not yet freed */
	struct list_head sk_receive_queue;	/* sk_buff.list; sk_lock */
	unsigned int sk_receive_qlen;	/* skbs on it; sk_lock */
	wait_queue_head_t sk_wq;	/* readers, writers and pollers of this end */
	void (*sk_destruct)(struct sock *sk);	/* frees the sock at its last sock_put() */
};

static inline void sock_hold(struct sock *sk)
{
	atomic_inc(&sk->sk_refcnt);
}

/* sock_put - drop a reference; the last calls sk_destruct. Context: any but hard irq. */
void sock_put(struct sock *sk);

/*
 * sock_init_data - the generic fields of a new @sk of @sock's type (one
 * reference, default buffer sizes) and @sock->sk.
 */
void sock_init_data(struct socket *sock, struct sock *sk);

/*
 * sock_alloc_send_skb - an skb of @size bytes charged to @sk, waiting
 * (interruptibly) while sk_wmem_alloc is at sk_sndbuf unless @noblock.
 * Return: it, or NULL with *@errcode -EAGAIN, -EPIPE (SEND_SHUTDOWN),
 * the pending sk_err, -ERESTARTSYS (a signal) or -ENOMEM.
 */
struct sk_buff *sock_alloc_send_skb(struct sock *sk, unsigned long size, int noblock,
				    int *errcode);
/* kfree_skb - free @skb, uncharging and waking its sender. */
void kfree_skb(struct sk_buff *skb);

/* sock_error - take the pending error. Return: -errno, or 0. Takes sk_lock. */
int sock_error(struct sock *sk);
/* sock_writeable - may a send go on without waiting (wmem below sndbuf)? */
static inline bool sock_writeable(const struct sock *sk)
{
	return atomic_read(&sk->sk_wmem_alloc) < READ_ONCE(sk->sk_sndbuf);
}

/* sk_wake - wake @sk's waiters and pollers with the events @mask. */
void sk_wake(struct sock *sk, __poll_t mask);

/*
 * sock_setsockopt / sock_getsockopt - SOL_SOCKET options: SO_SNDBUF and
 * SO_RCVBUF (set doubled within Linux's limits), SO_TYPE, SO_DOMAIN,
 * SO_PROTOCOL, SO_ERROR. Return: 0, -EINVAL, -EFAULT, -ENOPROTOOPT.
 */
int sock_setsockopt(struct socket *sock, int optname, void __user *optval,
		    unsigned int optlen);
int sock_getsockopt(struct socket *sock, int optname, void __user *optval,
		    int __user *optlen);

#endif /* _NET_SOCK_H */
