// SPDX-License-Identifier: GPL-2.0
/*
 * poll_calls: poll(2), ppoll(2), select(2) and pselect6(2) on pipes and
 * files with Linux's rules: the events of each end (POLLIN, POLLOUT,
 * POLLHUP without a writer, POLLERR without a reader), POLLNVAL for a
 * closed fd, negative fds skipped, regular files and /dev/null always
 * ready; EINVAL for nfds over RLIMIT_NOFILE, EBADF for a closed fd in a
 * select set; timeouts (kept by poll, the time left written back by the
 * raw ppoll and select calls); a wake-up from another process; a signal
 * ending the wait with EINTR even with SA_RESTART; the signal mask of
 * ppoll and pselect6 in force only during the wait.
 */
#define _GNU_SOURCE
#include <poll.h>
#include <time.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/time.h>
#include "utest.h"

static volatile sig_atomic_t got_usr1;

static void on_usr1(int sig)
{
	got_usr1++;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A child that sleeps @ms, then writes a byte to @fd (or sends @sig to the parent if @sig). */
static pid_t later(int ms, int fd, int sig)
{
	pid_t parent = getpid(), pid = fork();

	if (pid == 0) {
		struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

		nanosleep(&ts, NULL);
		if (sig)
			kill(parent, sig);
		else
			(void)!write(fd, "!", 1);
		_exit(0);
	}
	return pid;
}

static void reap(pid_t pid)
{
	int st;

	waitpid(pid, &st, 0);
}

static void poll_events(void)
{
	struct pollfd pfd[3];
	int p[2], fd;
	char c;

	if (pipe(p))
		ksft_exit_fail_msg("pipe: %s", strerror(errno));
	pfd[0] = (struct pollfd){ .fd = p[0], .events = POLLIN | POLLOUT };
	pfd[1] = (struct pollfd){ .fd = p[1], .events = POLLIN | POLLOUT };
	ksft_test_result(poll(pfd, 2, 0) == 1 && pfd[0].revents == 0 && pfd[1].revents == POLLOUT,
			 "empty pipe: the write end POLLOUT, the read end nothing");
	(void)!write(p[1], "x", 1);
	ksft_test_result(poll(pfd, 2, 0) == 2 && pfd[0].revents == POLLIN,
			 "after a write: the read end POLLIN");
	close(p[1]);
	pfd[0].events = POLLIN;
	ksft_test_result(poll(pfd, 1, 0) == 1 && pfd[0].revents == (POLLIN | POLLHUP),
			 "no writer, data left: POLLIN | POLLHUP");
	(void)!read(p[0], &c, 1);
	pfd[0].events = 0;
	ksft_test_result(poll(pfd, 1, 0) == 1 && pfd[0].revents == POLLHUP,
			 "POLLHUP reported though not asked for");
	close(p[0]);

	if (pipe(p))
		ksft_exit_fail_msg("pipe: %s", strerror(errno));
	close(p[0]);
	pfd[0] = (struct pollfd){ .fd = p[1], .events = POLLOUT };
	ksft_test_result(poll(pfd, 1, 0) == 1 && pfd[0].revents == (POLLOUT | POLLERR),
			 "no reader: the write end POLLOUT | POLLERR");
	pfd[0] = (struct pollfd){ .fd = p[0], .events = POLLIN };
	pfd[1] = (struct pollfd){ .fd = -1, .events = POLLIN, .revents = 0x7 };
	ksft_test_result(poll(pfd, 2, 0) == 1 && pfd[0].revents == POLLNVAL && pfd[1].revents == 0,
			 "a closed fd: POLLNVAL; a negative fd: skipped, revents 0");
	close(p[1]);

	fd = open("/proc/self/maps", O_RDONLY);
	pfd[0] = (struct pollfd){ .fd = fd, .events = POLLIN | POLLOUT };
	ksft_test_result(poll(pfd, 1, -1) == 1 && pfd[0].revents == (POLLIN | POLLOUT),
			 "a regular file is always ready");
	close(fd);
	fd = open("/dev/null", O_RDWR);
	pfd[0] = (struct pollfd){ .fd = fd, .events = POLLIN | POLLOUT };
	ksft_test_result(poll(pfd, 1, -1) == 1 && pfd[0].revents == (POLLIN | POLLOUT),
			 "/dev/null is always ready");
	close(fd);
	expect_errno(syscall(SYS_poll, (void *)8, 1, 0), EFAULT, "poll of a bad array: EFAULT");
}

static void poll_limits(void)
{
	struct rlimit rl;
	struct pollfd pfd = { .fd = -1 };

	getrlimit(RLIMIT_NOFILE, &rl);
	expect_errno(poll(&pfd, rl.rlim_cur + 1, 0), EINVAL, "poll nfds over RLIMIT_NOFILE: EINVAL");
	ksft_test_result(poll(NULL, 0, 0) == 0, "poll of nothing, no wait: 0");
}

static void poll_waits(void)
{
	struct pollfd pfd;
	struct timespec ts;
	long t0;
	int p[2];
	pid_t pid;

	if (pipe(p))
		ksft_exit_fail_msg("pipe: %s", strerror(errno));
	pfd = (struct pollfd){ .fd = p[0], .events = POLLIN };
	t0 = now_ms();
	ksft_test_result(poll(&pfd, 1, 60) == 0 && now_ms() - t0 >= 59,
			 "poll times out after 60 ms with 0");
	pid = later(40, p[1], 0);
	t0 = now_ms();
	ksft_test_result(poll(&pfd, 1, 5000) == 1 && pfd.revents == POLLIN && now_ms() - t0 < 4000,
			 "poll wakes when another process writes");
	reap(pid);

	ts = (struct timespec){ 0, 50 * 1000000L };
	ksft_test_result(syscall(SYS_ppoll, &pfd, 1, &ts, NULL, 8) == 1 && ts.tv_sec == 0 &&
			 ts.tv_nsec <= 50 * 1000000L && ts.tv_nsec > 40 * 1000000L,
			 "raw ppoll ready at once: nearly all of the 50 ms written back");
	(void)!read(p[0], &ts, 1);
	ts = (struct timespec){ 0, 50 * 1000000L };
	ksft_test_result(syscall(SYS_ppoll, &pfd, 1, &ts, NULL, 8) == 0 && ts.tv_sec == 0 &&
			 ts.tv_nsec == 0, "raw ppoll timing out writes back 0 left");
	ts = (struct timespec){ 0, 1000000000L };
	expect_errno(ppoll(&pfd, 1, &ts, NULL), EINVAL, "ppoll with tv_nsec of a second: EINVAL");
	ts = (struct timespec){ 0, 0 };
	expect_errno(syscall(SYS_ppoll, &pfd, 1, &ts, (void *)&ts, 7), EINVAL,
		     "ppoll with a sigset size of 7: EINVAL");
	close(p[0]);
	close(p[1]);
}

static void signals_end_waits(void)
{
	struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = SA_RESTART };
	struct pollfd pfd;
	sigset_t block, none, cur;
	struct timespec ts;
	fd_set rd;
	int p[2], ret;
	pid_t pid;

	if (pipe(p))
		ksft_exit_fail_msg("pipe: %s", strerror(errno));
	sigaction(SIGUSR1, &sa, NULL);
	pfd = (struct pollfd){ .fd = p[0], .events = POLLIN };
	got_usr1 = 0;
	pid = later(30, 0, SIGUSR1);
	ret = poll(&pfd, 1, 5000);
	if (ret != -1 || errno != EINTR || got_usr1 != 1)
		ksft_print_msg("poll: %d errno %d, %d signals", ret, errno, (int)got_usr1);
	ksft_test_result(ret == -1 && errno == EINTR && got_usr1 == 1,
			 "a handled signal ends poll with EINTR despite SA_RESTART");
	reap(pid);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	pid = later(30, 0, SIGUSR1);
	ksft_test_result(select(p[0] + 1, &rd, NULL, NULL, NULL) == -1 && errno == EINTR &&
			 got_usr1 == 2, "a handled signal ends select with EINTR");
	reap(pid);

	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigemptyset(&none);
	sigprocmask(SIG_BLOCK, &block, NULL);
	pid = later(30, 0, SIGUSR1);
	ts = (struct timespec){ 5, 0 };
	ksft_test_result(ppoll(&pfd, 1, &ts, &none) == -1 && errno == EINTR && got_usr1 == 3,
			 "ppoll's mask lets a blocked signal in during the wait");
	reap(pid);
	sigprocmask(SIG_SETMASK, NULL, &cur);
	ksft_test_result(sigismember(&cur, SIGUSR1), "the old mask is back after ppoll");
	pid = later(30, 0, SIGUSR1);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	ts = (struct timespec){ 5, 0 };
	ksft_test_result(pselect(p[0] + 1, &rd, NULL, NULL, &ts, &none) == -1 && errno == EINTR &&
			 got_usr1 == 4, "pselect's mask lets a blocked signal in during the wait");
	reap(pid);
	sigprocmask(SIG_SETMASK, NULL, &cur);
	ksft_test_result(sigismember(&cur, SIGUSR1), "the old mask is back after pselect");
	kill(getpid(), SIGUSR1);
	ts = (struct timespec){ 0, 0 };
	ksft_test_result(ppoll(&pfd, 1, &ts, &block) == 0 && got_usr1 == 4,
			 "a pending signal blocked by ppoll's mask stays pending");
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	ksft_test_result(got_usr1 == 5, "... and is delivered once unblocked");
	signal(SIGUSR1, SIG_DFL);
	close(p[0]);
	close(p[1]);
}

static void select_calls(void)
{
	struct timeval tv;
	fd_set rd, wr;
	int p[2], n;
	long t0;

	if (pipe(p))
		ksft_exit_fail_msg("pipe: %s", strerror(errno));
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(p[0], &rd);
	FD_SET(p[1], &wr);
	tv = (struct timeval){ 0, 0 };
	n = select(p[1] + 1, &rd, &wr, NULL, &tv);
	ksft_test_result(n == 1 && !FD_ISSET(p[0], &rd) && FD_ISSET(p[1], &wr),
			 "select: an empty pipe is writable, not readable");
	(void)!write(p[1], "x", 1);
	FD_SET(p[0], &rd);
	FD_SET(p[1], &wr);
	n = select(p[1] + 1, &rd, &wr, NULL, NULL);
	ksft_test_result(n == 2 && FD_ISSET(p[0], &rd) && FD_ISSET(p[1], &wr),
			 "select counts each ready bit: 2");
	(void)!read(p[0], &n, 1);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	tv = (struct timeval){ 0, 60000 };
	t0 = now_ms();
	n = syscall(SYS_select, p[0] + 1, &rd, NULL, NULL, &tv);	/* musl's passes a copy */
	ksft_test_result(n == 0 && now_ms() - t0 >= 59 && !FD_ISSET(p[0], &rd) &&
			 tv.tv_sec == 0 && tv.tv_usec == 0,
			 "select times out after 60 ms, sets cleared, the time left 0");
	FD_SET(p[0], &rd);
	tv = (struct timeval){ 0, -1 };
	expect_errno(select(p[0] + 1, &rd, NULL, NULL, &tv), EINVAL, "select, negative tv_usec: EINVAL");
	expect_errno(select(-1, NULL, NULL, NULL, NULL), EINVAL, "select, nfds -1: EINVAL");
	FD_ZERO(&rd);
	FD_SET(p[1] + 1, &rd);
	tv = (struct timeval){ 0, 0 };
	expect_errno(select(p[1] + 2, &rd, NULL, NULL, &tv), EBADF, "select on a closed fd: EBADF");
	tv = (struct timeval){ 0, 1500000 };
	FD_ZERO(&wr);
	FD_SET(p[1], &wr);
	ksft_test_result(select(p[1] + 1, NULL, &wr, NULL, &tv) == 1,
			 "select: 1.5 million microseconds are accepted");
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	ksft_print_header();
	ksft_set_plan(32);
	poll_events();
	poll_limits();
	poll_waits();
	signals_end_waits();
	select_calls();
	ksft_finished();
}
