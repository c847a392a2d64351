/* SPDX-License-Identifier: GPL-2.0 */
/*
 * AF_UNIX sockets (net/unix/af_unix.c): the unix_sock behind each end of
 * a socketpair(). Exposed for the tests that check its queues.
 */
#ifndef _NET_AF_UNIX_H
#define _NET_AF_UNIX_H

#include <net/sock.h>
#include <linux/mutex.h>

/*
 * struct unix_sock - one end: the generic sock, the peer it sends to
 * (a reference held; sk_lock), and iolock, which serialises its readers
 * (a stream read takes bytes from the head skb outside sk_lock).
 */
struct unix_sock {
	struct sock sk;			/* first: unix_sk() is a cast */
	struct sock *peer;		/* sk.sk_lock; NULL once released */
	struct mutex iolock;		/* readers of this end */
};

static inline struct unix_sock *unix_sk(const struct sock *sk)
{
	return (struct unix_sock *)sk;
}

/* unix_nr_socks - unix_socks allocated and not yet freed (leak checks). */
long unix_nr_socks(void);

/* unix_init - register AF_UNIX (boot). */
void unix_init(void);

#endif /* _NET_AF_UNIX_H */
