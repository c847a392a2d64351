// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of AF_UNIX socket pairs (net/unix/af_unix.c, net/socket.c,
 * net/core/sock.c) through the in-kernel calls: the queues and the
 * send-buffer charge as data moves (every skb charged to its sender
 * until read, the receive count matching the queue), stream sends cut
 * into skbs of at most half the buffer, datagram truncation, shutdown
 * mirrored to the peer and seen by poll, and the life of a pair: every
 * unix_sock, file and inode freed after a release with data queued both
 * ways, and after allocations failing at each point of socketpair()'s
 * path.
 */
#include <linux/ktest.h>
#include <linux/net.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/uio.h>
#include <linux/fault-inject.h>
#include <net/af_unix.h>
#include <net/sock.h>
#include "../../mm/slab.h"
#include "mm_test.h"

struct pair {
	struct socket *a, *b;
};

static int pair_make(struct pair *p, int type)
{
	int err = sock_create(AF_UNIX, type, 0, &p->a);

	if (err)
		return err;
	err = sock_create(AF_UNIX, type, 0, &p->b);
	if (err) {
		sock_release(p->a);
		return err;
	}
	return p->a->ops->socketpair(p->a, p->b);
}

static void pair_release(struct pair *p)
{
	sock_release(p->a);
	sock_release(p->b);
}

static int ksend(struct socket *s, const void *buf, size_t len, int flags)
{
	struct kvec v = { .iov_base = (void *)buf, .iov_len = len };
	struct msghdr msg = { .msg_flags = flags };

	return kernel_sendmsg(s, &msg, &v, 1, len);
}

static int krecv(struct socket *s, void *buf, size_t len, int flags, unsigned int *msg_flags)
{
	struct kvec v = { .iov_base = buf, .iov_len = len };
	struct msghdr msg = { 0 };
	int ret = kernel_recvmsg(s, &msg, &v, 1, len, flags);

	if (msg_flags)
		*msg_flags = msg.msg_flags;
	return ret;
}

/* The sum of the truesizes queued on @sk: what their senders are charged. */
static long queued_truesize(struct sock *sk, unsigned int *count)
{
	struct sk_buff *skb;
	long sum = 0;

	*count = 0;
	spin_lock(&sk->sk_lock);
	list_for_each_entry(skb, &sk->sk_receive_queue, list) {
		sum += skb->truesize;
		(*count)++;
	}
	spin_unlock(&sk->sk_lock);
	return sum;
}

static void stream_skbs_are_charged_to_the_sender_until_read(struct ktest *test)
{
	long socks = unix_nr_socks();
	unsigned int count;
	struct pair p;
	char buf[32];

	KTEST_ASSERT_EQ(test, pair_make(&p, SOCK_STREAM), 0);
	KTEST_EXPECT_EQ(test, unix_nr_socks(), socks + 2);
	KTEST_EXPECT_EQ(test, ksend(p.a, "abc", 3, 0), 3);
	KTEST_EXPECT_EQ(test, ksend(p.a, "defgh", 5, 0), 5);
	KTEST_EXPECT_EQ(test, queued_truesize(p.b->sk, &count),
			atomic_read(&p.a->sk->sk_wmem_alloc));
	KTEST_EXPECT_EQ(test, count, 2U);
	KTEST_EXPECT_EQ(test, p.b->sk->sk_receive_qlen, 2U);
	KTEST_EXPECT_EQ(test, krecv(p.b, buf, 4, 0, NULL), 4);	/* one skb and a part */
	KTEST_EXPECT_EQ(test, p.b->sk->sk_receive_qlen, 1U);
	KTEST_EXPECT_EQ(test, queued_truesize(p.b->sk, &count),
			atomic_read(&p.a->sk->sk_wmem_alloc));
	KTEST_EXPECT_EQ(test, krecv(p.b, buf + 4, sizeof(buf) - 4, 0, NULL), 4);
	KTEST_EXPECT_EQ(test, memcmp(buf, "abcdefgh", 8), 0);
	KTEST_EXPECT_EQ(test, atomic_read(&p.a->sk->sk_wmem_alloc), 0);
	KTEST_EXPECT_EQ(test, p.b->sk->sk_receive_qlen, 0U);
	pair_release(&p);
	KTEST_EXPECT_EQ(test, unix_nr_socks(), socks);
}

static void stream_send_stops_at_the_buffer_in_half_buffer_skbs(struct ktest *test)
{
	size_t len = 3 * SK_WMEM_DEFAULT;
	char *big = kvmalloc(len, GFP_KERNEL);
	struct sk_buff *skb;
	struct pair p;
	int sent;

	KTEST_ASSERT_NOT_NULL(test, big);
	KTEST_ASSERT_EQ(test, pair_make(&p, SOCK_STREAM), 0);
	sent = ksend(p.a, big, len, MSG_DONTWAIT);
	KTEST_EXPECT_GT(test, sent, 0);
	KTEST_EXPECT_LT(test, sent, (int)len);
	KTEST_EXPECT_GE(test, atomic_read(&p.a->sk->sk_wmem_alloc), p.a->sk->sk_sndbuf);
	list_for_each_entry(skb, &p.b->sk->sk_receive_queue, list)
		KTEST_EXPECT_LE(test, skb->len, (unsigned int)(p.a->sk->sk_sndbuf / 2 - 64));
	KTEST_EXPECT_EQ(test, ksend(p.a, big, 1, MSG_DONTWAIT), -EAGAIN);
	KTEST_EXPECT_FALSE(test, p.a->ops->poll(NULL, p.a, NULL) & EPOLLOUT);
	KTEST_EXPECT_TRUE(test, p.b->ops->poll(NULL, p.b, NULL) & EPOLLIN);
	pair_release(&p);
	kvfree(big);
}

static void datagrams_keep_boundaries_and_truncate(struct ktest *test)
{
	unsigned int flags;
	struct pair p;
	char buf[16];

	KTEST_ASSERT_EQ(test, pair_make(&p, SOCK_DGRAM), 0);
	KTEST_EXPECT_EQ(test, ksend(p.a, "0123456789", 10, 0), 10);
	KTEST_EXPECT_EQ(test, ksend(p.a, "xy", 2, 0), 2);
	KTEST_EXPECT_EQ(test, krecv(p.b, buf, 4, 0, &flags), 4);
	KTEST_EXPECT_TRUE(test, flags & MSG_TRUNC);
	KTEST_EXPECT_EQ(test, krecv(p.b, buf, 1, MSG_TRUNC, &flags), 2);
	KTEST_EXPECT_EQ(test, p.b->sk->sk_receive_qlen, 0U);
	KTEST_EXPECT_EQ(test, atomic_read(&p.a->sk->sk_wmem_alloc), 0);
	KTEST_EXPECT_EQ(test, ksend(p.a, buf, p.a->sk->sk_sndbuf, 0), -EMSGSIZE);
	KTEST_EXPECT_EQ(test, krecv(p.b, buf, 4, MSG_DONTWAIT, NULL), -EAGAIN);
	pair_release(&p);
}

static void shutdown_is_mirrored_to_the_peer(struct ktest *test)
{
	struct pair p;
	char c;

	KTEST_ASSERT_EQ(test, pair_make(&p, SOCK_SEQPACKET), 0);
	KTEST_EXPECT_EQ(test, p.a->ops->shutdown(p.a, SHUT_WR), 0);
	KTEST_EXPECT_EQ(test, p.a->sk->sk_shutdown, SEND_SHUTDOWN);
	KTEST_EXPECT_EQ(test, p.b->sk->sk_shutdown, RCV_SHUTDOWN);
	KTEST_EXPECT_EQ(test, krecv(p.b, &c, 1, 0, NULL), 0);	/* end of file, no wait */
	KTEST_EXPECT_EQ(test, ksend(p.a, "x", 1, MSG_NOSIGNAL), -EPIPE);
	KTEST_EXPECT_EQ(test, p.b->ops->shutdown(p.b, SHUT_WR), 0);
	KTEST_EXPECT_EQ(test, p.a->sk->sk_shutdown, SHUTDOWN_MASK);
	KTEST_EXPECT_EQ(test, p.a->ops->shutdown(p.a, 3), -EINVAL);
	pair_release(&p);
}

static void release_frees_both_ends_with_data_queued(struct ktest *test)
{
	static const int types[] = { SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET };
	long socks = unix_nr_socks();
	struct pair p;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(types); i++) {
		int type = types[i];

		KTEST_ASSERT_EQ(test, pair_make(&p, type), 0);
		KTEST_EXPECT_EQ(test, ksend(p.a, "to b", 4, 0), 4);
		KTEST_EXPECT_EQ(test, ksend(p.b, "to a", 4, 0), 4);
		sock_release(p.b);
		if (type != SOCK_DGRAM) {
			KTEST_EXPECT_EQ(test, p.a->sk->sk_shutdown, SHUTDOWN_MASK);
			KTEST_EXPECT_EQ(test, p.a->sk->sk_err, ECONNRESET);
		}
		/* b's skb on a's queue still holds b's sock */
		KTEST_EXPECT_EQ(test, unix_nr_socks(), socks + 2);
		sock_release(p.a);
		KTEST_EXPECT_EQ(test, unix_nr_socks(), socks);
	}
}

/* socketpair()'s path in the kernel: two sockets, the pair, their files. */
static int pair_files(struct file **fa, struct file **fb)
{
	struct pair p;
	int err = pair_make(&p, SOCK_STREAM);

	if (err)
		return err;
	*fa = sock_alloc_file(p.a, 0);
	if (IS_ERR(*fa)) {
		sock_release(p.b);
		return PTR_ERR(*fa);
	}
	*fb = sock_alloc_file(p.b, 0);
	if (IS_ERR(*fb)) {
		fput(*fa);
		return PTR_ERR(*fb);
	}
	return 0;
}

static void failed_allocations_leak_nothing(struct ktest *test)
{
	long socks = unix_nr_socks(), files = get_nr_files(), inodes = get_nr_inodes();
	struct failslab_attr saved = failslab;
	bool enabled = failslab_enabled;
	u8 saved_slow = slab_alloc_slow;
	int space, failed = 0, made = 0;
	struct file *fa = NULL, *fb = NULL;

	for (space = 0; space < 8192; space += 64) {
		fail_slab_always(space);
		failslab.attr.times = 1;
		slab_alloc_slow |= SLAB_ALLOC_SLOW_FAILSLAB;	/* the fast path asks too */
		if (pair_files(&fa, &fb)) {
			failed++;
		} else {
			made++;
			fput(fa);
			fput(fb);
		}
		failslab_enabled = false;
		slab_alloc_slow = saved_slow;
	}
	failslab = saved;
	failslab_enabled = enabled;
	KTEST_EXPECT_GT(test, failed, 0);
	KTEST_EXPECT_GT(test, made, 0);
	KTEST_EXPECT_EQ(test, unix_nr_socks(), socks);
	KTEST_EXPECT_EQ(test, get_nr_files(), files);
	KTEST_EXPECT_EQ(test, get_nr_inodes(), inodes);
}

static struct ktest_case unix_cases[] = {
	KTEST_CASE(stream_skbs_are_charged_to_the_sender_until_read),
	KTEST_CASE(stream_send_stops_at_the_buffer_in_half_buffer_skbs),
	KTEST_CASE(datagrams_keep_boundaries_and_truncate),
	KTEST_CASE(shutdown_is_mirrored_to_the_peer),
	KTEST_CASE(release_frees_both_ends_with_data_queued),
	KTEST_CASE(failed_allocations_leak_nothing),
	{}
};

static struct ktest_suite unix_suite = {
	.name = "unix",
	.init = ktest_pause_fault_injection,
	.exit = ktest_resume_fault_injection,
	.test_cases = unix_cases,
};
ktest_register_suite(unix_suite);
