// SPDX-License-Identifier: GPL-2.0
/*
 * epoll_calls: eventfd2(2) and the epoll calls.
 *
 * eventfd: the counter's reads and writes (sums, EFD_SEMAPHORE, 8-byte
 * buffers, ULLONG_MAX refused, a write that would overflow waits or
 * fails with EAGAIN), its flags and errors. epoll: epoll_create1 and
 * epoll_create with their errors, every epoll_ctl error (EEXIST, ENOENT,
 * EBADF, EPERM, EINVAL for itself and bad EPOLLEXCLUSIVE uses, ELOOP,
 * EFAULT), epoll_wait's errors and timeout; level-triggered,
 * edge-triggered and one-shot reports, EPOLL_CTL_MOD re-arming, the data
 * word, maxevents; socket pairs (EPOLLOUT, EPOLLIN, EPOLLHUP and
 * EPOLLRDHUP at close); a watched file removed when its last fd closes
 * but kept while a dup lives; nested epolls; a child woken in
 * epoll_wait by its parent's write.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <time.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include "utest.h"

static int efd_write(int fd, uint64_t v)
{
	return write(fd, &v, sizeof(v)) == sizeof(v) ? 0 : -1;
}

static int64_t efd_read(int fd)
{
	uint64_t v;

	return read(fd, &v, sizeof(v)) == sizeof(v) ? (int64_t)v : -1;
}

static int add(int ep, int fd, uint32_t events, uint64_t data)
{
	struct epoll_event ev = { .events = events, .data.u64 = data };

	return epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
}

/* epoll_wait with no wait: the number of events; the first one in *@ev. */
static int ready(int ep, struct epoll_event *ev)
{
	struct epoll_event evs[8];
	int n = epoll_wait(ep, evs, 8, 0);

	if (n > 0 && ev)
		*ev = evs[0];
	return n;
}

static void eventfd_calls(void)
{
	uint32_t small;
	uint64_t max = ~0ULL;
	int fd = eventfd(0, EFD_NONBLOCK);

	ksft_test_result(fd >= 0 && efd_write(fd, 3) == 0 && efd_write(fd, 4) == 0 &&
			 efd_read(fd) == 7, "eventfd: writes add up, a read takes the sum");
	expect_errno(efd_read(fd), EAGAIN, "eventfd: read of zero, non-blocking: EAGAIN");
	expect_errno(read(fd, &small, sizeof(small)), EINVAL, "eventfd: 4-byte read: EINVAL");
	expect_errno(write(fd, &small, sizeof(small)), EINVAL, "eventfd: 4-byte write: EINVAL");
	expect_errno(write(fd, &max, sizeof(max)), EINVAL, "eventfd: writing ULLONG_MAX: EINVAL");
	ksft_test_result(efd_write(fd, ~0ULL - 1) == 0, "eventfd: up to ULLONG_MAX - 1");
	expect_errno(efd_write(fd, 1), EAGAIN, "eventfd: past it, non-blocking: EAGAIN");
	ksft_test_result(lseek(fd, 5, SEEK_SET) == 0, "eventfd: lseek moves nothing");
	close(fd);

	fd = syscall(SYS_eventfd2, 3, EFD_SEMAPHORE | EFD_NONBLOCK | EFD_CLOEXEC);
	ksft_test_result(fd >= 0 && efd_read(fd) == 1 && efd_read(fd) == 1 && efd_read(fd) == 1 &&
			 efd_read(fd) == -1 && errno == EAGAIN, "EFD_SEMAPHORE: 1 per read");
	ksft_test_result(fcntl(fd, F_GETFD) & FD_CLOEXEC, "EFD_CLOEXEC");
	close(fd);
	expect_errno(syscall(SYS_eventfd2, 0, 0x10), EINVAL, "eventfd2: unknown flag: EINVAL");
	fd = syscall(SYS_eventfd, 5);
	ksft_test_result(fd >= 0 && efd_read(fd) == 5, "eventfd(5): the initial count");
	close(fd);
}

static void create_and_ctl(void)
{
	struct epoll_event ev = { .events = EPOLLIN };
	int ep = epoll_create1(0), ep2, efd = eventfd(0, 0);
	int file = open("/dev/null", O_RDONLY);
	char tmp[] = "/tmp/epoll_calls.XXXXXX";
	int reg = mkstemp(tmp);

	unlink(tmp);
	ksft_test_result(ep >= 0 && !(fcntl(ep, F_GETFD) & FD_CLOEXEC), "epoll_create1(0)");
	ep2 = epoll_create1(EPOLL_CLOEXEC);
	ksft_test_result(ep2 >= 0 && (fcntl(ep2, F_GETFD) & FD_CLOEXEC), "EPOLL_CLOEXEC");
	expect_errno(epoll_create1(1), EINVAL, "epoll_create1: unknown flag: EINVAL");
	expect_errno(syscall(SYS_epoll_create, 0), EINVAL, "epoll_create(0): EINVAL");
	file = epoll_create(1);
	ksft_test_result(file >= 0, "epoll_create(1)");
	close(file);

	ksft_test_result(add(ep, efd, EPOLLIN, 1) == 0, "EPOLL_CTL_ADD");
	expect_errno(add(ep, efd, EPOLLIN, 1), EEXIST, "ADD twice: EEXIST");
	ksft_test_result(epoll_ctl(ep, EPOLL_CTL_MOD, efd, &ev) == 0, "EPOLL_CTL_MOD");
	ksft_test_result(epoll_ctl(ep, EPOLL_CTL_DEL, efd, NULL) == 0, "EPOLL_CTL_DEL");
	expect_errno(epoll_ctl(ep, EPOLL_CTL_DEL, efd, NULL), ENOENT, "DEL of no item: ENOENT");
	expect_errno(epoll_ctl(ep, EPOLL_CTL_MOD, efd, &ev), ENOENT, "MOD of no item: ENOENT");
	expect_errno(add(ep, 999, EPOLLIN, 0), EBADF, "ADD of a bad fd: EBADF");
	expect_errno(add(999, efd, EPOLLIN, 0), EBADF, "a bad epoll fd: EBADF");
	expect_errno(add(efd, efd, EPOLLIN, 0), EINVAL, "an epoll fd that is not one: EINVAL");
	expect_errno(add(ep, ep, EPOLLIN, 0), EINVAL, "an epoll watching itself: EINVAL");
	expect_errno(add(ep, reg, EPOLLIN, 0), EPERM, "a regular file: EPERM");
	expect_errno(epoll_ctl(ep, 17, efd, &ev), EINVAL, "unknown op: EINVAL");
	expect_errno(epoll_ctl(ep, EPOLL_CTL_ADD, efd, (void *)8), EFAULT, "ADD, bad event: EFAULT");
	expect_errno(add(ep, efd, EPOLLIN | EPOLLEXCLUSIVE | EPOLLONESHOT, 0), EINVAL,
		     "EPOLLEXCLUSIVE with EPOLLONESHOT: EINVAL");
	ksft_test_result(add(ep, efd, EPOLLIN | EPOLLEXCLUSIVE, 0) == 0,
			 "EPOLLEXCLUSIVE accepted");
	ev.events = EPOLLIN | EPOLLEXCLUSIVE;
	expect_errno(epoll_ctl(ep, EPOLL_CTL_MOD, efd, &ev), EINVAL, "MOD with EPOLLEXCLUSIVE: EINVAL");
	ev.events = EPOLLIN;
	expect_errno(epoll_ctl(ep, EPOLL_CTL_MOD, efd, &ev), EINVAL,
		     "MOD of an EPOLLEXCLUSIVE item: EINVAL");
	expect_errno(add(ep2, ep, EPOLLIN | EPOLLEXCLUSIVE, 0), EINVAL,
		     "EPOLLEXCLUSIVE on an epoll fd: EINVAL");
	ksft_test_result(add(ep2, ep, EPOLLIN, 0) == 0, "an epoll watching an epoll");
	expect_errno(add(ep, ep2, EPOLLIN, 0), ELOOP, "a loop of epolls: ELOOP");

	expect_errno(epoll_wait(ep, &ev, 0, 0), EINVAL, "epoll_wait maxevents 0: EINVAL");
	expect_errno(epoll_wait(999, &ev, 1, 0), EBADF, "epoll_wait bad fd: EBADF");
	expect_errno(epoll_wait(efd, &ev, 1, 0), EINVAL, "epoll_wait on a non-epoll fd: EINVAL");
	expect_errno(syscall(SYS_epoll_wait, ep, 0xffff888000000000UL, 1, 0), EFAULT,
		     "epoll_wait into kernel memory: EFAULT");
	close(reg);
	close(efd);
	close(ep2);
	close(ep);
}

static void triggers(void)
{
	struct epoll_event ev;
	int ep = epoll_create1(0), efd = eventfd(1, EFD_NONBLOCK);

	add(ep, efd, EPOLLIN, 0x1122334455667788ULL);
	ksft_test_result(ready(ep, &ev) == 1 && ev.events == EPOLLIN &&
			 ev.data.u64 == 0x1122334455667788ULL, "level: EPOLLIN with the data word");
	ksft_test_result(ready(ep, NULL) == 1, "level: reported again");
	efd_read(efd);
	ksft_test_result(ready(ep, NULL) == 0, "level: not once read");

	ev.events = EPOLLIN | EPOLLET;
	ev.data.u64 = 2;
	efd_write(efd, 1);
	ksft_test_result(epoll_ctl(ep, EPOLL_CTL_MOD, efd, &ev) == 0 && ready(ep, NULL) == 1 &&
			 ready(ep, NULL) == 0, "edge: reported once");
	efd_write(efd, 1);
	ksft_test_result(ready(ep, &ev) == 1 && ev.data.u64 == 2, "edge: again after a new write");

	ev.events = EPOLLIN | EPOLLONESHOT;
	ksft_test_result(epoll_ctl(ep, EPOLL_CTL_MOD, efd, &ev) == 0 && ready(ep, NULL) == 1 &&
			 ready(ep, NULL) == 0, "oneshot: reported once");
	efd_write(efd, 1);
	ksft_test_result(ready(ep, NULL) == 0, "oneshot: disabled until MOD");
	ksft_test_result(epoll_ctl(ep, EPOLL_CTL_MOD, efd, &ev) == 0 && ready(ep, NULL) == 1,
			 "oneshot: MOD re-arms");

	ev.events = EPOLLOUT;
	ksft_test_result(epoll_ctl(ep, EPOLL_CTL_MOD, efd, &ev) == 0 && ready(ep, &ev) == 1 &&
			 ev.events == EPOLLOUT, "eventfd: EPOLLOUT");
	close(efd);
	close(ep);
}

static void many(void)
{
	struct epoll_event evs[4];
	int ep = epoll_create1(0), fds[3], i, n1, n2;
	uint64_t seen = 0;

	for (i = 0; i < 3; i++) {
		fds[i] = eventfd(1, 0);
		add(ep, fds[i], EPOLLIN | EPOLLET, 1 << i);
	}
	n1 = epoll_wait(ep, evs, 2, 0);
	for (i = 0; i < n1; i++)
		seen |= evs[i].data.u64;
	n2 = epoll_wait(ep, evs, 4, 0);
	for (i = 0; i < n2; i++)
		seen |= evs[i].data.u64;
	ksft_test_result(n1 == 2 && n2 == 1 && seen == 7, "maxevents 2 of 3: 2, then the third");
	for (i = 0; i < 3; i++)
		close(fds[i]);
	close(ep);
}

static void sockets(void)
{
	struct epoll_event ev;
	int ep = epoll_create1(0), sv[2];

	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	add(ep, sv[0], EPOLLIN | EPOLLOUT | EPOLLRDHUP, 0);
	ksft_test_result(ready(ep, &ev) == 1 && ev.events == EPOLLOUT, "socket: EPOLLOUT when idle");
	write(sv[1], "x", 1);
	ksft_test_result(ready(ep, &ev) == 1 && ev.events == (EPOLLIN | EPOLLOUT),
			 "socket: EPOLLIN once the peer wrote");
	close(sv[1]);
	ksft_test_result(ready(ep, &ev) == 1 &&
			 ev.events == (EPOLLIN | EPOLLOUT | EPOLLHUP | EPOLLRDHUP),
			 "socket: EPOLLHUP and EPOLLRDHUP at the peer's close");
	close(sv[0]);
	close(ep);

	ep = epoll_create1(0);
	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	add(ep, sv[1], EPOLLIN, 0);
	send(sv[0], "d", 1, 0);
	ksft_test_result(ready(ep, &ev) == 1 && ev.events == EPOLLIN, "dgram socket: EPOLLIN");
	close(sv[0]);
	close(sv[1]);
	close(ep);
}

static void closing(void)
{
	struct epoll_event ev;
	int ep = epoll_create1(0), efd = eventfd(1, 0), dup_fd;

	add(ep, efd, EPOLLIN, 5);
	dup_fd = dup(efd);
	close(efd);
	ksft_test_result(ready(ep, &ev) == 1 && ev.data.u64 == 5,
			 "closing one of two fds keeps the watch");
	close(dup_fd);
	ksft_test_result(ready(ep, NULL) == 0, "closing the last removes it");
	close(ep);
}

static void nested(void)
{
	struct epoll_event ev;
	int inner = epoll_create1(0), outer = epoll_create1(0), efd = eventfd(0, 0);

	add(inner, efd, EPOLLIN, 1);
	add(outer, inner, EPOLLIN, 2);
	ksft_test_result(ready(outer, NULL) == 0, "nested: nothing ready");
	efd_write(efd, 1);
	ksft_test_result(ready(outer, &ev) == 1 && ev.data.u64 == 2 && ev.events == EPOLLIN,
			 "nested: the inner epoll is readable");
	close(efd);
	close(outer);
	close(inner);
}

static long ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

static void waiting(void)
{
	struct epoll_event ev;
	struct timespec t0;
	int ep = epoll_create1(0), efd = eventfd(0, 0), status;
	pid_t pid;

	add(ep, efd, EPOLLIN, 9);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ksft_test_result(epoll_wait(ep, &ev, 1, 50) == 0 && ms_since(&t0) >= 50,
			 "epoll_wait: 50 ms timeout");
	pid = fork();
	if (pid == 0)
		_exit(epoll_wait(ep, &ev, 1, -1) == 1 && ev.data.u64 == 9 ? 0 : 1);
	usleep(20000);
	efd_write(efd, 1);
	ksft_test_result(waitpid(pid, &status, 0) == pid && exited_with(status, 0),
			 "a child in epoll_wait woken by its parent's write");
	pid = fork();
	if (pid == 0)
		_exit(efd_read(efd) == 1 && efd_read(efd) == 2 ? 0 : 1);
	usleep(20000);
	efd_write(efd, 2);
	ksft_test_result(waitpid(pid, &status, 0) == pid && exited_with(status, 0),
			 "eventfd: a blocked read woken by a write");
	close(efd);
	close(ep);
}

int main(void)
{
	ksft_print_header();
	ksft_set_plan(62);
	eventfd_calls();
	create_and_ctl();
	triggers();
	many();
	sockets();
	closing();
	nested();
	waiting();
	ksft_finished();
}
