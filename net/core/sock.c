// SPDX-License-Identifier: GPL-2.0
/*
 * The protocol-independent half of a socket (include/net/sock.h): a
 * sock's references, the skbs a sender charges to its sk_wmem_alloc and
 * the wait for room, pending errors, and the SOL_SOCKET options.
 *
 * Send-buffer accounting, as Linux's: a send may start while
 * sk_wmem_alloc < sk_sndbuf (so the total may pass sk_sndbuf by one
 * skb); each skb charges its truesize (its header and data) and gives
 * it back when freed, after the receiver took the data or dropped it.
 */
#include <net/sock.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/wait.h>
#include <linux/bug.h>
#include <linux/mmdebug.h>
#include <asm/uaccess.h>

void sock_put(struct sock *sk)
{
	VM_BUG_ON(atomic_read(&sk->sk_refcnt) <= 0);
	if (atomic_dec_and_test(&sk->sk_refcnt))
		sk->sk_destruct(sk);
}

void sock_init_data(struct socket *sock, struct sock *sk)
{
	spin_lock_init(&sk->sk_lock);
	atomic_set(&sk->sk_refcnt, 1);
	sk->sk_type = sock->type;
	sk->sk_sndbuf = SK_WMEM_DEFAULT;
	sk->sk_rcvbuf = SK_RMEM_DEFAULT;
	atomic_set(&sk->sk_wmem_alloc, 0);
	INIT_LIST_HEAD(&sk->sk_receive_queue);
	sk->sk_receive_qlen = 0;
	init_waitqueue_head(&sk->sk_wq);
	sock->sk = sk;
}

void sk_wake(struct sock *sk, __poll_t mask)
{
	if (wq_has_sleeper(&sk->sk_wq))
		wake_up_interruptible_poll(&sk->sk_wq, mask);
}

int sock_error(struct sock *sk)
{
	int err;

	if (likely(!READ_ONCE(sk->sk_err)))
		return 0;
	spin_lock(&sk->sk_lock);
	err = sk->sk_err;
	sk->sk_err = 0;
	spin_unlock(&sk->sk_lock);
	return -err;
}

/* May a sender of @sk go on: room, or a reason to stop waiting? */
static bool sock_send_ready(struct sock *sk)
{
	return sock_writeable(sk) || READ_ONCE(sk->sk_err) ||
	       (READ_ONCE(sk->sk_shutdown) & SEND_SHUTDOWN);
}

/* Wait for room in @sk's send buffer. Return: 0, or -errno to give up with. */
static int sock_wait_for_wmem(struct sock *sk, int noblock)
{
	int err;

	for (;;) {
		err = sock_error(sk);
		if (err)
			return err;
		if (READ_ONCE(sk->sk_shutdown) & SEND_SHUTDOWN)
			return -EPIPE;
		if (sock_writeable(sk))
			return 0;
		if (noblock)
			return -EAGAIN;
		err = wait_event_interruptible(sk->sk_wq, sock_send_ready(sk));
		if (err)
			return err;
	}
}

struct sk_buff *sock_alloc_send_skb(struct sock *sk, unsigned long size, int noblock,
				    int *errcode)
{
	unsigned int truesize = sizeof(struct sk_buff) + size;
	struct sk_buff *skb;

	*errcode = sock_wait_for_wmem(sk, noblock);
	if (*errcode)
		return NULL;
	skb = kvmalloc(truesize, GFP_KERNEL);
	if (!skb) {
		*errcode = -ENOMEM;
		return NULL;
	}
	INIT_LIST_HEAD(&skb->list);
	skb->len = size;
	skb->consumed = 0;
	skb->truesize = truesize;
	skb->sk = sk;
	sock_hold(sk);
	atomic_add(truesize, &sk->sk_wmem_alloc);
	return skb;
}

/* Give @skb's charge back to its sender and wake it (Linux's sock_wfree()). */
static void sock_wfree(struct sk_buff *skb)
{
	struct sock *sk = skb->sk;

	VM_BUG_ON(atomic_read(&sk->sk_wmem_alloc) < (int)skb->truesize);
	atomic_sub(skb->truesize, &sk->sk_wmem_alloc);
	sk_wake(sk, EPOLLOUT | EPOLLWRNORM | EPOLLWRBAND);
	sock_put(sk);
}

void kfree_skb(struct sk_buff *skb)
{
	VM_BUG_ON(!list_empty(&skb->list));
	sock_wfree(skb);
	kvfree(skb);
}

/* The buffer size SO_SNDBUF/SO_RCVBUF set for @val: doubled, within [@min, 2 * @max]. */
static int sock_buf_size(int val, unsigned int max, int min)
{
	unsigned int v = min_t(unsigned int, (unsigned int)val, max);

	return max_t(int, v * 2, min);
}

int sock_setsockopt(struct socket *sock, int optname, void __user *optval,
		    unsigned int optlen)
{
	struct sock *sk = sock->sk;
	int val;

	if (optlen < sizeof(int))
		return -EINVAL;
	if (get_user(val, (int __user *)optval))
		return -EFAULT;
	switch (optname) {
	case SO_SNDBUF:
		WRITE_ONCE(sk->sk_sndbuf, sock_buf_size(val, SK_WMEM_MAX, SOCK_MIN_SNDBUF));
		sk_wake(sk, EPOLLOUT | EPOLLWRNORM | EPOLLWRBAND);
		return 0;
	case SO_RCVBUF:
		WRITE_ONCE(sk->sk_rcvbuf, sock_buf_size(val, SK_RMEM_MAX, SOCK_MIN_RCVBUF));
		return 0;
	default:
		return -ENOPROTOOPT;
	}
}

int sock_getsockopt(struct socket *sock, int optname, void __user *optval,
		    int __user *optlen)
{
	struct sock *sk = sock->sk;
	int len, val;

	if (get_user(len, optlen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	switch (optname) {
	case SO_TYPE:
		val = sk->sk_type;
		break;
	case SO_DOMAIN:
		val = sk->sk_family;
		break;
	case SO_PROTOCOL:
		val = sk->sk_protocol;
		break;
	case SO_ERROR:
		val = -sock_error(sk);
		break;
	case SO_SNDBUF:
		val = READ_ONCE(sk->sk_sndbuf);
		break;
	case SO_RCVBUF:
		val = READ_ONCE(sk->sk_rcvbuf);
		break;
	default:
		return -ENOPROTOOPT;
	}
	len = min_t(int, len, sizeof(val));
	if (copy_to_user(optval, &val, len))
		return -EFAULT;
	return put_user(len, optlen) ? -EFAULT : 0;
}
