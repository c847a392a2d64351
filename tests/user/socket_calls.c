// SPDX-License-Identifier: GPL-2.0
/*
 * socket_calls: socketpair(2) of AF_UNIX and the calls on its ends.
 *
 * Creation and its errors (family, type, protocol, flags, a bad vector
 * leaving no fd behind), SOCK_CLOEXEC and SOCK_NONBLOCK, fstat's
 * S_IFSOCK, the SOL_SOCKET options. SOCK_STREAM: bytes in order across
 * writes, partial reads, readv/writev, MSG_PEEK, MSG_DONTWAIT, a full
 * buffer (EAGAIN, then every byte back), shutdown and the end of file,
 * EPIPE with MSG_NOSIGNAL and SIGPIPE without, ECONNRESET for data lost
 * at close. SOCK_SEQPACKET and SOCK_DGRAM: message boundaries, truncation
 * (MSG_TRUNC in msg_flags and as a flag), EMSGSIZE, empty messages, end
 * of file and a datagram peer's ECONNREFUSED then ENOTCONN. Across fork:
 * a ping-pong and a 4 MiB stream with a blocked writer.
 */
#define _GNU_SOURCE
#include <poll.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include "utest.h"

static int sv[2];

static bool pair(int type)
{
	return socketpair(AF_UNIX, type, 0, sv) == 0;
}

static void close_pair(void)
{
	close(sv[0]);
	close(sv[1]);
}

static int sockopt(int fd, int name)
{
	int val = -1;
	socklen_t len = sizeof(val);

	if (getsockopt(fd, SOL_SOCKET, name, &val, &len) || len != sizeof(val))
		return -1;
	return val;
}

/* A regular file's fd (a non-socket), already unlinked. */
static int plain_file(void)
{
	char tmp[] = "/tmp/socket_calls.XXXXXX";
	int fd = mkstemp(tmp);

	unlink(tmp);
	return fd;
}

static void creation(void)
{
	struct stat st;
	int fd, next;

	ksft_test_result(pair(SOCK_STREAM) && sv[0] != sv[1] && sv[0] >= 0 && sv[1] >= 0,
			 "socketpair(AF_UNIX, SOCK_STREAM): two fds");
	ksft_test_result(fstat(sv[0], &st) == 0 && S_ISSOCK(st.st_mode), "fstat: S_IFSOCK");
	ksft_test_result(sockopt(sv[0], SO_TYPE) == SOCK_STREAM &&
			 sockopt(sv[0], SO_DOMAIN) == AF_UNIX && sockopt(sv[0], SO_PROTOCOL) == 0,
			 "SO_TYPE, SO_DOMAIN, SO_PROTOCOL");
	ksft_test_result(sockopt(sv[1], SO_ERROR) == 0, "SO_ERROR: 0");
	expect_errno(lseek(sv[0], 0, SEEK_SET), ESPIPE, "lseek: ESPIPE");
	expect_errno(pread(sv[0], &fd, 1, 0), ESPIPE, "pread: ESPIPE");
	close_pair();

	ksft_test_result(pair(SOCK_RAW) && sockopt(sv[0], SO_TYPE) == SOCK_DGRAM,
			 "SOCK_RAW is SOCK_DGRAM");
	close_pair();
	ksft_test_result(socketpair(AF_UNIX, SOCK_SEQPACKET, PF_UNIX, sv) == 0 &&
			 sockopt(sv[0], SO_PROTOCOL) == 0, "protocol PF_UNIX accepted (SO_PROTOCOL 0)");
	close_pair();
	expect_errno(socketpair(4321, SOCK_STREAM, 0, sv), EAFNOSUPPORT, "bad family: EAFNOSUPPORT");
	expect_errno(socketpair(AF_UNIX, 99, 0, sv), EINVAL, "type past SOCK_MAX: EINVAL");
	expect_errno(socketpair(AF_UNIX, SOCK_RDM, 0, sv), ESOCKTNOSUPPORT,
		     "SOCK_RDM: ESOCKTNOSUPPORT");
	expect_errno(socketpair(AF_UNIX, SOCK_STREAM, 7, sv), EPROTONOSUPPORT,
		     "protocol 7: EPROTONOSUPPORT");
	expect_errno(socketpair(AF_UNIX, SOCK_STREAM | 0x10, 0, sv), EINVAL,
		     "unknown flag in type: EINVAL");

	fd = plain_file();
	close(fd);
	expect_errno(syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, 8L), EFAULT, "bad vector: EFAULT");
	next = plain_file();
	ksft_test_result(next >= 0 && next == fd, "EFAULT leaves no fd behind");
	close(next);

	ksft_test_result(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, sv) == 0 &&
			 (fcntl(sv[0], F_GETFD) & FD_CLOEXEC) && (fcntl(sv[1], F_GETFL) & O_NONBLOCK),
			 "SOCK_CLOEXEC and SOCK_NONBLOCK");
	expect_errno(read(sv[0], &fd, 1), EAGAIN, "SOCK_NONBLOCK: empty read EAGAIN");
	close_pair();
}

static void options(void)
{
	int val = 65536, fd = plain_file();
	socklen_t len = 2;

	pair(SOCK_STREAM);
	ksft_test_result(setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &val, sizeof(val)) == 0 &&
			 sockopt(sv[0], SO_SNDBUF) == 2 * 65536, "SO_SNDBUF: set 64 KiB, get it doubled");
	ksft_test_result(setsockopt(sv[0], SOL_SOCKET, SO_RCVBUF, &val, sizeof(val)) == 0 &&
			 sockopt(sv[0], SO_RCVBUF) == 2 * 65536, "SO_RCVBUF: set 64 KiB, get it doubled");
	val = 1;
	ksft_test_result(setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &val, sizeof(val)) == 0 &&
			 sockopt(sv[0], SO_SNDBUF) == 4608, "SO_SNDBUF: at least 4608");
	expect_errno(setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &val, 2), EINVAL,
		     "setsockopt optlen 2: EINVAL");
	expect_errno(setsockopt(sv[0], SOL_SOCKET, SO_TYPE, &val, sizeof(val)), ENOPROTOOPT,
		     "setsockopt SO_TYPE: ENOPROTOOPT");
	expect_errno(getsockopt(sv[0], SOL_SOCKET, 12345, &val, &len), ENOPROTOOPT,
		     "getsockopt unknown: ENOPROTOOPT");
	val = 0;
	ksft_test_result(getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &val, &len) == 0 && len == 2 &&
			 val == SOCK_STREAM, "getsockopt with optlen 2: 2 bytes");
	expect_errno(setsockopt(sv[0], 6, 1, &val, sizeof(val)), EOPNOTSUPP,
		     "setsockopt of IPPROTO_TCP: EOPNOTSUPP");
	expect_errno(setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &val, sizeof(val)), ENOTSOCK,
		     "setsockopt on a file: ENOTSOCK");
	expect_errno(send(fd, "x", 1, 0), ENOTSOCK, "send on a file: ENOTSOCK");
	expect_errno(recv(999, &val, 1, 0), EBADF, "recv on a bad fd: EBADF");
	expect_errno(shutdown(fd, SHUT_RD), ENOTSOCK, "shutdown on a file: ENOTSOCK");
	expect_errno(shutdown(sv[0], 3), EINVAL, "shutdown how 3: EINVAL");
	close(fd);
	close_pair();
}

static void stream_data(void)
{
	char buf[64] = { 0 }, a[4], b[8];
	struct iovec iov[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
	struct sockaddr sa = { .sa_family = AF_UNIX };

	pair(SOCK_STREAM);
	ksft_test_result(write(sv[0], "abc", 3) == 3 && write(sv[0], "def", 3) == 3 &&
			 read(sv[1], buf, sizeof(buf)) == 6 && !memcmp(buf, "abcdef", 6),
			 "stream: two writes read as one");
	ksft_test_result(send(sv[1], "0123456789", 10, 0) == 10 && recv(sv[0], buf, 4, 0) == 4 &&
			 !memcmp(buf, "0123", 4) && recv(sv[0], buf, 10, 0) == 6 &&
			 !memcmp(buf, "456789", 6), "stream: partial reads");
	ksft_test_result(send(sv[0], "peek", 4, 0) == 4 && recv(sv[1], buf, 4, MSG_PEEK) == 4 &&
			 recv(sv[1], buf + 4, 4, 0) == 4 && !memcmp(buf, "peekpeek", 8),
			 "MSG_PEEK leaves the data");
	ksft_test_result(writev(sv[0], iov, 0) == 0 && write(sv[0], "0123456789AB", 12) == 12 &&
			 readv(sv[1], iov, 2) == 12 && !memcmp(a, "0123", 4) &&
			 !memcmp(b, "456789AB", 8), "readv scatters");
	expect_errno(recv(sv[0], buf, 1, MSG_DONTWAIT), EAGAIN, "MSG_DONTWAIT: EAGAIN");
	expect_errno(sendto(sv[0], "x", 1, 0, &sa, sizeof(sa)), EISCONN,
		     "sendto with an address: EISCONN");
	close_pair();
}

static void stream_full(void)
{
	static char chunk[4096];
	long total = 0, back = 0;
	ssize_t n;

	pair(SOCK_STREAM | SOCK_NONBLOCK);
	while ((n = write(sv[0], chunk, sizeof(chunk))) > 0)
		total += n;
	ksft_test_result(n == -1 && errno == EAGAIN && total > 0,
			 "stream: writes until EAGAIN (%ld bytes)", total);
	while ((n = read(sv[1], chunk, sizeof(chunk))) > 0)
		back += n;
	ksft_test_result(back == total, "every byte written is read back");
	close_pair();
}

static void stream_shutdown(void)
{
	char buf[8];

	pair(SOCK_STREAM);
	write(sv[0], "end", 3);
	ksft_test_result(shutdown(sv[0], SHUT_WR) == 0 && read(sv[1], buf, 8) == 3 &&
			 read(sv[1], buf, 8) == 0, "SHUT_WR: the peer reads the data, then EOF");
	expect_errno(send(sv[0], "x", 1, MSG_NOSIGNAL), EPIPE, "send after SHUT_WR: EPIPE");
	ksft_test_result(write(sv[1], "back", 4) == 4 && read(sv[0], buf, 8) == 4,
			 "the other direction still works");
	ksft_test_result(shutdown(sv[0], SHUT_RD) == 0 &&
			 send(sv[1], "x", 1, MSG_NOSIGNAL) == -1 && errno == EPIPE,
			 "SHUT_RD: the peer's send gets EPIPE");
	close_pair();

	pair(SOCK_STREAM);
	write(sv[0], "last", 4);
	close(sv[0]);
	ksft_test_result(read(sv[1], buf, 8) == 4 && read(sv[1], buf, 8) == 0,
			 "peer closed: data, then EOF");
	expect_errno(send(sv[1], "x", 1, MSG_NOSIGNAL), EPIPE, "send to a closed peer: EPIPE");
	close(sv[1]);

	pair(SOCK_STREAM);
	write(sv[1], "lost", 4);
	close(sv[0]);
	expect_errno(read(sv[1], buf, 8), ECONNRESET, "peer closed with data unread: ECONNRESET");
	ksft_test_result(read(sv[1], buf, 8) == 0, "then EOF");
	close(sv[1]);
}

static int write_to_closed(void *arg)
{
	write(sv[1], "x", 1);
	return 0;
}

static void sigpipe(void)
{
	pair(SOCK_STREAM);
	close(sv[0]);
	ksft_test_result(killed_by(child_status(write_to_closed, NULL), SIGPIPE),
			 "write to a closed peer: SIGPIPE");
	close(sv[1]);
}

/* recvmsg into @len bytes: the length, and msg_flags into *@flags. */
static ssize_t recv_flags(int fd, void *buf, size_t len, int flags, int *msg_flags)
{
	struct iovec iov = { buf, len };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
	ssize_t n = recvmsg(fd, &msg, flags);

	*msg_flags = msg.msg_flags;
	return n;
}

static void messages(int type, const char *name)
{
	char buf[256];
	int flags, big = 300000;

	pair(type);
	ksft_test_result(send(sv[0], "12345", 5, 0) == 5 && send(sv[0], "1234567890", 10, 0) == 10 &&
			 send(sv[0], "1", 1, 0) == 1 && recv(sv[1], buf, 100, 0) == 5 &&
			 recv(sv[1], buf, 100, 0) == 10 && recv(sv[1], buf, 100, 0) == 1,
			 "%s: message boundaries", name);
	ksft_test_result(send(sv[0], "0123456789", 10, 0) == 10 && send(sv[0], "next", 4, 0) == 4 &&
			 recv_flags(sv[1], buf, 4, 0, &flags) == 4 && (flags & MSG_TRUNC) &&
			 recv_flags(sv[1], buf, 100, 0, &flags) == 4 && !(flags & MSG_TRUNC) &&
			 !memcmp(buf, "next", 4), "%s: a short buffer truncates (MSG_TRUNC)", name);
	ksft_test_result(send(sv[0], "0123456789", 10, 0) == 10 &&
			 recv(sv[1], buf, 3, MSG_TRUNC) == 10, "%s: flag MSG_TRUNC: the real length",
			 name);
	ksft_test_result(send(sv[0], "pk", 2, 0) == 2 && recv(sv[1], buf, 10, MSG_PEEK) == 2 &&
			 recv(sv[1], buf, 10, 0) == 2, "%s: MSG_PEEK", name);
	ksft_test_result(send(sv[0], buf, 0, 0) == 0 && recv(sv[1], buf, 10, MSG_DONTWAIT) == 0,
			 "%s: an empty message", name);
	{
		char *p = malloc(big);

		expect_errno(send(sv[0], p, big, 0), EMSGSIZE, "EMSGSIZE past the send buffer");
		free(p);
	}
	expect_errno(recv(sv[1], buf, 10, MSG_DONTWAIT), EAGAIN, "empty: EAGAIN");
	close_pair();
}

static void message_ends(void)
{
	char buf[8];

	pair(SOCK_SEQPACKET);
	send(sv[0], "bye", 3, 0);
	close(sv[0]);
	ksft_test_result(recv(sv[1], buf, 8, 0) == 3 && recv(sv[1], buf, 8, 0) == 0,
			 "seqpacket: peer closed: message, then EOF");
	expect_errno(send(sv[1], "x", 1, MSG_NOSIGNAL), EPIPE, "seqpacket: send to closed: EPIPE");
	close(sv[1]);

	pair(SOCK_DGRAM);
	close(sv[0]);
	expect_errno(send(sv[1], "x", 1, 0), ECONNREFUSED, "dgram: send to closed: ECONNREFUSED");
	expect_errno(send(sv[1], "x", 1, 0), ENOTCONN, "then ENOTCONN");
	close(sv[1]);

	pair(SOCK_DGRAM);
	ksft_test_result(shutdown(sv[0], SHUT_WR) == 0 &&
			 send(sv[0], "x", 1, MSG_NOSIGNAL) == -1 && errno == EPIPE &&
			 send(sv[1], "y", 1, 0) == 1 && recv(sv[0], buf, 8, 0) == 1,
			 "dgram: SHUT_WR stops this end's sends only");
	close_pair();
}

/* The child's half of the ping-pong: echo each message plus one. */
static int pong(void *arg)
{
	unsigned char c;
	int i;

	close(sv[0]);
	for (i = 0; i < 200; i++) {
		if (recv(sv[1], &c, 1, 0) != 1)
			return 1;
		c++;
		if (send(sv[1], &c, 1, 0) != 1)
			return 2;
	}
	return 0;
}

static void across_fork(void)
{
	unsigned char c = 0;
	int i, status, ok = 1;
	pid_t pid;

	pair(SOCK_SEQPACKET);
	pid = fork();
	if (pid == 0)
		_exit(pong(NULL));
	for (i = 0; i < 200 && ok; i++) {
		unsigned char want = c + 1;

		ok = send(sv[0], &c, 1, 0) == 1 && recv(sv[0], &c, 1, 0) == 1 && c == want;
	}
	ksft_test_result(ok && waitpid(pid, &status, 0) == pid && exited_with(status, 0),
			 "across fork: 200 round trips");
	close_pair();
}

#define BULK	(4 << 20)

/* Write BULK bytes of a pattern in odd pieces: the writer blocks on a full buffer. */
static int bulk_writer(void *arg)
{
	static unsigned char buf[7000];
	long off = 0;
	int i;

	close(sv[1]);
	while (off < BULK) {
		int n = BULK - off < (long)sizeof(buf) ? BULK - off : (int)sizeof(buf);

		for (i = 0; i < n; i++)
			buf[i] = (unsigned char)((off + i) * 7);
		if (write(sv[0], buf, n) != n)
			return 1;
		off += n;
	}
	return 0;
}

static void bulk(void)
{
	static unsigned char buf[5000];
	long off = 0, bad = 0;
	int status;
	ssize_t n, i;
	pid_t pid;

	pair(SOCK_STREAM);
	pid = fork();
	if (pid == 0)
		_exit(bulk_writer(NULL));
	close(sv[0]);
	while ((n = read(sv[1], buf, sizeof(buf))) > 0) {
		for (i = 0; i < n; i++)
			bad += buf[i] != (unsigned char)((off + i) * 7);
		off += n;
	}
	ksft_test_result(n == 0 && off == BULK && !bad && waitpid(pid, &status, 0) == pid &&
			 exited_with(status, 0), "4 MiB through a stream, in order, then EOF");
	close(sv[1]);
}

int main(void)
{
	ksft_print_header();
	ksft_set_plan(68);
	creation();
	options();
	stream_data();
	stream_full();
	stream_shutdown();
	sigpipe();
	messages(SOCK_SEQPACKET, "seqpacket");
	messages(SOCK_DGRAM, "dgram");
	message_ends();
	across_fork();
	bulk();
	ksft_finished();
}
