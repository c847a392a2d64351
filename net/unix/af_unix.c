// SPDX-License-Identifier: GPL-2.0
/*
 * AF_UNIX socket pairs (include/net/af_unix.h), Linux's semantics for
 * socketpair() of SOCK_STREAM, SOCK_SEQPACKET and SOCK_DGRAM (SOCK_RAW
 * is taken as SOCK_DGRAM, as Linux). There are no names: no bind(),
 * connect() or listen().
 *
 *   end A (unix_sock)                     end B (unix_sock)
 *   peer ------------------------------->  sk.sk_receive_queue: skb skb skb
 *   sk.sk_wmem_alloc: truesize of A's skbs still queued on B (or being read)
 *   sk_receive_queue  <------------------  peer
 *
 * A send charges an skb to the sender (sock_alloc_send_skb(): it waits
 * while the sender's sk_wmem_alloc is at sk_sndbuf), copies the data in
 * and queues it on the peer under the peer's sk_lock; a read takes skbs
 * off its own queue and frees them, which uncharges and wakes the
 * sender. A stream send is cut into skbs of at most half the send buffer;
 * a stream read crosses skb boundaries and takes part of one (consumed).
 * A datagram or seqpacket message is one skb, read whole or cut short
 * (MSG_TRUNC).
 *
 * Ends of a connection (stream, seqpacket): shutdown(SHUT_WR) on one end
 * is SEND_SHUTDOWN there and RCV_SHUTDOWN at the peer (and SHUT_RD the
 * converse); releasing an end shuts the peer down both ways, and with an
 * ECONNRESET pending at the peer (sk_err) if data was left unread. A
 * reader sees end of file once its queue is empty and RCV_SHUTDOWN is
 * set; a stream writer gets EPIPE and SIGPIPE (unless MSG_NOSIGNAL). A
 * datagram end whose peer is gone gets ECONNREFUSED at its next send,
 * which forgets the peer (then ENOTCONN), as Linux.
 *
 * Lifetime: each end's unix_sock holds a reference on its peer until it
 * is released (or, for a datagram end, until it learns the peer died);
 * the socket holds one; each queued skb one on its sender.
 *
 * Locking: sk_lock of one end guards its queue, shutdown bits, sk_err,
 * sk_dead and peer; no two ends' locks are ever held together. iolock
 * (a mutex) serialises the readers of one end, so the skb at the head
 * stays while a reader copies from it without sk_lock (a sender only
 * appends; release runs only once no reader holds the file).
 */
#include <net/af_unix.h>
#include <net/sock.h>
#include <linux/net.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <asm/signal.h>
#include <linux/slab.h>
#include <linux/uio.h>
#include <linux/mm.h>
#include <linux/mmdebug.h>
#include <linux/panic.h>

/* A stream skb carries at most this much: its allocation stays within 8 pages. */
#define UNIX_SKB_DATA_MAX	(8 * PAGE_SIZE - sizeof(struct sk_buff))

static struct kmem_cache *unix_sk_cachep;
static atomic_long_t unix_nr;

long unix_nr_socks(void)
{
	return atomic_long_read(&unix_nr);
}

static void unix_sock_destruct(struct sock *sk)
{
	VM_BUG_ON(atomic_read(&sk->sk_wmem_alloc));
	VM_BUG_ON(!list_empty(&sk->sk_receive_queue) || sk->sk_receive_qlen);
	VM_BUG_ON(unix_sk(sk)->peer);
	kmem_cache_free(unix_sk_cachep, unix_sk(sk));
	atomic_long_sub(1, &unix_nr);
}

/* The peer of @sk with a reference, or NULL. */
static struct sock *unix_peer_get(struct sock *sk)
{
	struct sock *peer;

	spin_lock(&sk->sk_lock);
	peer = unix_sk(sk)->peer;
	if (peer)
		sock_hold(peer);
	spin_unlock(&sk->sk_lock);
	return peer;
}

/* Wake every waiter of @sk: its state changed (Linux's sk_state_change). */
static void unix_state_change(struct sock *sk)
{
	sk_wake(sk, EPOLLIN | EPOLLRDNORM | EPOLLOUT | EPOLLWRNORM | EPOLLHUP | EPOLLRDHUP |
		    EPOLLERR);
}

/* ---- creation, pairing, release ------------------------------------------ */

static int unix_socketpair(struct socket *socka, struct socket *sockb)
{
	struct sock *ska = socka->sk, *skb = sockb->sk;

	sock_hold(ska);
	sock_hold(skb);
	unix_sk(ska)->peer = skb;
	unix_sk(skb)->peer = ska;
	socka->state = SS_CONNECTED;
	sockb->state = SS_CONNECTED;
	return 0;
}

/* Free the skbs of @queue, taken off a released end. */
static void unix_purge_queue(struct list_head *queue)
{
	struct sk_buff *skb, *next;

	list_for_each_entry_safe(skb, next, queue, list) {
		list_del_init(&skb->list);
		kfree_skb(skb);
	}
}

/* The peer of a released connection end: shut both ways, reset if data was lost. */
static void unix_peer_hangup(struct sock *peer, bool data_lost)
{
	spin_lock(&peer->sk_lock);
	peer->sk_shutdown = SHUTDOWN_MASK;
	if (data_lost)
		peer->sk_err = ECONNRESET;
	spin_unlock(&peer->sk_lock);
	unix_state_change(peer);
}

static int unix_release(struct socket *sock)
{
	struct sock *sk = sock->sk, *peer;
	LIST_HEAD(queue);
	bool data_lost;

	spin_lock(&sk->sk_lock);
	sk->sk_dead = true;
	sk->sk_shutdown = SHUTDOWN_MASK;
	peer = unix_sk(sk)->peer;
	unix_sk(sk)->peer = NULL;
	data_lost = sk->sk_receive_qlen;
	list_splice_init(&sk->sk_receive_queue, &queue);
	sk->sk_receive_qlen = 0;
	spin_unlock(&sk->sk_lock);
	if (peer) {
		if (sk->sk_type != SOCK_DGRAM)
			unix_peer_hangup(peer, data_lost);
		sock_put(peer);
	}
	unix_purge_queue(&queue);
	sock_put(sk);
	return 0;
}

/* ---- sending --------------------------------------------------------------- */

/*
 * Queue @skb on @other. Return: 0, -ECONNREFUSED if @other is released,
 * -EPIPE if it is shut down for reading (the skb stays the caller's).
 */
static int unix_queue_skb(struct sock *other, struct sk_buff *skb)
{
	int err = 0;

	spin_lock(&other->sk_lock);
	if (other->sk_dead)
		err = -ECONNREFUSED;
	else if (other->sk_shutdown & RCV_SHUTDOWN)
		err = -EPIPE;
	else {
		list_add_tail(&skb->list, &other->sk_receive_queue);
		other->sk_receive_qlen++;
	}
	spin_unlock(&other->sk_lock);
	if (!err)
		sk_wake(other, EPOLLIN | EPOLLRDNORM);
	return err;
}

/* A new skb of @size bytes from @msg's iterator, charged to @sk. NULL with *@err. */
static struct sk_buff *unix_skb_from_msg(struct sock *sk, struct msghdr *msg, size_t size,
					 int *err)
{
	struct sk_buff *skb = sock_alloc_send_skb(sk, size, msg->msg_flags & MSG_DONTWAIT, err);

	if (!skb)
		return NULL;
	if (copy_from_iter(skb->data, size, &msg->msg_iter) != size) {
		kfree_skb(skb);
		*err = -EFAULT;
		return NULL;
	}
	return skb;
}

static int unix_stream_sendmsg(struct socket *sock, struct msghdr *msg, size_t len)
{
	struct sock *sk = sock->sk, *other;
	struct sk_buff *skb;
	size_t sent = 0, size;
	int err;

	if (msg->msg_flags & MSG_OOB)
		return -EOPNOTSUPP;
	if (msg->msg_namelen)
		return -EISCONN;
	other = unix_peer_get(sk);
	if (!other)
		return -ENOTCONN;
	err = -EPIPE;
	if (READ_ONCE(sk->sk_shutdown) & SEND_SHUTDOWN)
		goto pipe_err;
	while (sent < len) {
		size = min3(len - sent, (size_t)(READ_ONCE(sk->sk_sndbuf) / 2 - 64),
			    (size_t)UNIX_SKB_DATA_MAX);
		skb = unix_skb_from_msg(sk, msg, size, &err);
		if (!skb)
			goto out;
		err = unix_queue_skb(other, skb);
		if (err) {
			kfree_skb(skb);
			goto pipe_err;
		}
		sent += size;
	}
	goto out;

pipe_err:
	if (!sent && !(msg->msg_flags & MSG_NOSIGNAL))
		send_sig(SIGPIPE, current, 0);
	err = -EPIPE;
out:
	sock_put(other);
	return sent ? (int)sent : err;
}

/* A datagram end learns its peer is gone: it forgets it (ENOTCONN from now on). */
static void unix_dgram_disconnect(struct sock *sk, struct sock *other)
{
	bool forgot = false;

	spin_lock(&sk->sk_lock);
	if (unix_sk(sk)->peer == other) {
		unix_sk(sk)->peer = NULL;
		forgot = true;
	}
	spin_unlock(&sk->sk_lock);
	if (forgot)
		sock_put(other);
}

/* A destination address: socket pairs have no names, so nothing can be reached. */
static int unix_dgram_addressed(struct msghdr *msg)
{
	const struct sockaddr *sa = msg->msg_name;

	if (msg->msg_namelen <= (int)sizeof(sa_family_t) || msg->msg_namelen > 110 ||
	    sa->sa_family != AF_UNIX)
		return -EINVAL;
	return -ECONNREFUSED;
}

/* One message as one skb: SOCK_DGRAM and SOCK_SEQPACKET. */
static int unix_dgram_sendmsg(struct socket *sock, struct msghdr *msg, size_t len)
{
	struct sock *sk = sock->sk, *other;
	struct sk_buff *skb;
	int err;

	if (msg->msg_flags & MSG_OOB)
		return -EOPNOTSUPP;
	if (sk->sk_type == SOCK_DGRAM && msg->msg_namelen)
		return unix_dgram_addressed(msg);
	other = unix_peer_get(sk);
	if (!other)
		return -ENOTCONN;
	err = -EMSGSIZE;
	if (len > (size_t)READ_ONCE(sk->sk_sndbuf) - 32)
		goto out;
	skb = unix_skb_from_msg(sk, msg, len, &err);
	if (!skb)
		goto out;
	err = unix_queue_skb(other, skb);
	if (err == -ECONNREFUSED && sk->sk_type == SOCK_SEQPACKET)
		err = -EPIPE;
	else if (err == -ECONNREFUSED)
		unix_dgram_disconnect(sk, other);
	if (err)
		kfree_skb(skb);
out:
	sock_put(other);
	return err ? err : (int)len;
}

/* ---- receiving ------------------------------------------------------------- */

static bool unix_recv_ready(struct sock *sk)
{
	return READ_ONCE(sk->sk_receive_qlen) || READ_ONCE(sk->sk_err) ||
	       (READ_ONCE(sk->sk_shutdown) & RCV_SHUTDOWN);
}

/*
 * Wait for data on @sk's empty queue (iolock not held).
 * Return: 1 to look again, 0 at end of file, or -errno (the pending
 * error, -EAGAIN, -ERESTARTSYS).
 */
static int unix_wait_for_data(struct sock *sk, bool noblock)
{
	int err = sock_error(sk);

	if (err)
		return err;
	if (READ_ONCE(sk->sk_shutdown) & RCV_SHUTDOWN)
		return 0;
	if (noblock)
		return -EAGAIN;
	err = wait_event_interruptible(sk->sk_wq, unix_recv_ready(sk));
	return err ? err : 1;
}

/* The first skb of @sk's queue, taken off it unless @peek; NULL if empty. */
static struct sk_buff *unix_first_skb(struct sock *sk, bool peek)
{
	struct sk_buff *skb;

	spin_lock(&sk->sk_lock);
	skb = list_first_entry_or_null(&sk->sk_receive_queue, struct sk_buff, list);
	if (skb && !peek) {
		list_del_init(&skb->list);
		sk->sk_receive_qlen--;
	}
	spin_unlock(&sk->sk_lock);
	return skb;
}

/* The skb after @skb on @sk's queue, or NULL (a stream peek). */
static struct sk_buff *unix_next_skb(struct sock *sk, struct sk_buff *skb)
{
	struct sk_buff *next = NULL;

	spin_lock(&sk->sk_lock);
	if (skb->list.next != &sk->sk_receive_queue)
		next = list_next_entry(skb, list);
	spin_unlock(&sk->sk_lock);
	return next;
}

static int unix_dgram_recvmsg(struct socket *sock, struct msghdr *msg, size_t size, int flags)
{
	struct sock *sk = sock->sk;
	struct unix_sock *u = unix_sk(sk);
	bool peek = flags & MSG_PEEK;
	struct sk_buff *skb;
	size_t copied;
	int err;

	if (flags & MSG_OOB)
		return -EOPNOTSUPP;
	for (;;) {
		mutex_lock(&u->iolock);
		skb = unix_first_skb(sk, peek);
		if (skb)
			break;
		mutex_unlock(&u->iolock);
		err = unix_wait_for_data(sk, flags & MSG_DONTWAIT);
		if (err <= 0)
			return err;
	}
	copied = min_t(size_t, size, skb->len);
	if (copied < skb->len)
		msg->msg_flags |= MSG_TRUNC;
	if (copy_to_iter(skb->data, copied, &msg->msg_iter) != copied)
		err = -EFAULT;
	else
		err = (flags & MSG_TRUNC) ? skb->len : copied;
	if (!peek)
		kfree_skb(skb);
	mutex_unlock(&u->iolock);
	return err;
}

/* Take @chunk bytes of the head skb @skb as read; free it once read whole. */
static void unix_stream_consume(struct sock *sk, struct sk_buff *skb, size_t chunk)
{
	skb->consumed += chunk;
	if (skb->consumed < skb->len)
		return;
	spin_lock(&sk->sk_lock);
	VM_BUG_ON(list_first_entry(&sk->sk_receive_queue, struct sk_buff, list) != skb);
	list_del_init(&skb->list);
	sk->sk_receive_qlen--;
	spin_unlock(&sk->sk_lock);
	kfree_skb(skb);
}

/*
 * A stream read: bytes across skbs until @size, or until the queue is
 * empty once @target bytes are in (MSG_WAITALL: all of @size; a peek
 * never waits once it has some). Return: bytes, or -errno / 0 (EOF).
 */
static int unix_stream_recvmsg(struct socket *sock, struct msghdr *msg, size_t size, int flags)
{
	struct sock *sk = sock->sk;
	struct unix_sock *u = unix_sk(sk);
	bool peek = flags & MSG_PEEK;
	size_t target = (flags & MSG_WAITALL) && !peek ? size : 1;
	struct sk_buff *skb = NULL;
	size_t copied = 0, chunk;
	int err = 0;

	if (flags & MSG_OOB)
		return -EOPNOTSUPP;
	mutex_lock(&u->iolock);
	while (copied < size) {
		skb = peek && skb ? unix_next_skb(sk, skb) : unix_first_skb(sk, true);
		if (!skb) {
			if (copied >= target)
				break;
			mutex_unlock(&u->iolock);
			err = unix_wait_for_data(sk, flags & MSG_DONTWAIT);
			if (err <= 0)
				return copied ? (int)copied : err;
			mutex_lock(&u->iolock);
			continue;
		}
		chunk = min_t(size_t, skb->len - skb->consumed, size - copied);
		if (copy_to_iter(skb->data + skb->consumed, chunk, &msg->msg_iter) != chunk) {
			err = -EFAULT;
			break;
		}
		copied += chunk;
		if (!peek)
			unix_stream_consume(sk, skb, chunk);
	}
	mutex_unlock(&u->iolock);
	return copied ? (int)copied : err;
}

/* ---- shutdown and poll ----------------------------------------------------- */

static int unix_shutdown(struct socket *sock, int how)
{
	struct sock *sk = sock->sk, *other;
	int mode, peer_mode = 0;

	if (how < SHUT_RD || how > SHUT_RDWR)
		return -EINVAL;
	mode = how + 1;		/* SHUT_RD -> RCV_SHUTDOWN, SHUT_WR -> SEND_SHUTDOWN... */
	spin_lock(&sk->sk_lock);
	sk->sk_shutdown |= mode;
	other = unix_sk(sk)->peer;
	if (other)
		sock_hold(other);
	spin_unlock(&sk->sk_lock);
	unix_state_change(sk);
	if (!other)
		return 0;
	if (sk->sk_type != SOCK_DGRAM) {
		if (mode & RCV_SHUTDOWN)
			peer_mode |= SEND_SHUTDOWN;
		if (mode & SEND_SHUTDOWN)
			peer_mode |= RCV_SHUTDOWN;
		spin_lock(&other->sk_lock);
		other->sk_shutdown |= peer_mode;
		spin_unlock(&other->sk_lock);
		unix_state_change(other);
	}
	sock_put(other);
	return 0;
}

/*
 * Linux's unix_poll()/unix_dgram_poll() for connected pairs: writable
 * while at most a quarter of the send buffer is in flight.
 */
static __poll_t unix_poll(struct file *file, struct socket *sock, poll_table *wait)
{
	struct sock *sk = sock->sk;
	unsigned char shutdown;
	__poll_t mask = 0;

	poll_wait(file, &sk->sk_wq, wait);
	shutdown = READ_ONCE(sk->sk_shutdown);
	if (READ_ONCE(sk->sk_err))
		mask |= EPOLLERR;
	if (shutdown == SHUTDOWN_MASK)
		mask |= EPOLLHUP;
	if (shutdown & RCV_SHUTDOWN)
		mask |= EPOLLRDHUP | EPOLLIN | EPOLLRDNORM;
	if (READ_ONCE(sk->sk_receive_qlen))
		mask |= EPOLLIN | EPOLLRDNORM;
	if ((atomic_read(&sk->sk_wmem_alloc) << 2) <= READ_ONCE(sk->sk_sndbuf))
		mask |= EPOLLOUT | EPOLLWRNORM | EPOLLWRBAND;
	return mask;
}

static const struct proto_ops unix_stream_ops = {
	.family = AF_UNIX,
	.release = unix_release,
	.socketpair = unix_socketpair,
	.poll = unix_poll,
	.shutdown = unix_shutdown,
	.sendmsg = unix_stream_sendmsg,
	.recvmsg = unix_stream_recvmsg,
};

/* SOCK_DGRAM and SOCK_SEQPACKET: messages (sk_type tells their few differences). */
static const struct proto_ops unix_dgram_ops = {
	.family = AF_UNIX,
	.release = unix_release,
	.socketpair = unix_socketpair,
	.poll = unix_poll,
	.shutdown = unix_shutdown,
	.sendmsg = unix_dgram_sendmsg,
	.recvmsg = unix_dgram_recvmsg,
};

static int unix_create(struct socket *sock, int protocol)
{
	struct unix_sock *u;

	if (protocol && protocol != PF_UNIX)
		return -EPROTONOSUPPORT;
	switch (sock->type) {
	case SOCK_STREAM:
		sock->ops = &unix_stream_ops;
		break;
	case SOCK_RAW:		/* as Linux: a datagram socket */
	case SOCK_DGRAM:
		sock->type = SOCK_DGRAM;
		sock->ops = &unix_dgram_ops;
		break;
	case SOCK_SEQPACKET:
		sock->ops = &unix_dgram_ops;
		break;
	default:
		return -ESOCKTNOSUPPORT;
	}
	u = kmem_cache_alloc(unix_sk_cachep, GFP_KERNEL);
	if (!u) {
		sock->ops = NULL;
		return -ENOMEM;
	}
	memset(u, 0, sizeof(*u));
	sock_init_data(sock, &u->sk);
	u->sk.sk_family = AF_UNIX;
	u->sk.sk_protocol = 0;	/* as Linux: PF_UNIX given or not */
	u->sk.sk_destruct = unix_sock_destruct;
	mutex_init(&u->iolock);
	atomic_long_add(1, &unix_nr);
	return 0;
}

static const struct net_proto_family unix_family_ops = {
	.family = PF_UNIX,
	.create = unix_create,
};

void unix_init(void)
{
	unix_sk_cachep = kmem_cache_create("UNIX", sizeof(struct unix_sock), 0,
					   SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
	if (sock_register(&unix_family_ops))
		panic("unix_init: cannot register AF_UNIX");
}
