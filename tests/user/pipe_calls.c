// SPDX-License-Identifier: GPL-2.0
/*
 * pipe_calls: pipe(2), pipe2(2), vmsplice(2) and splice(2) with Linux's
 * semantics: flags and their errors, the 64 KiB default and
 * F_GETPIPE_SZ/F_SETPIPE_SZ, EOF, EPIPE with SIGPIPE, O_NONBLOCK's
 * EAGAIN, O_DIRECT packets, FIONREAD, fstat's S_IFIFO, PIPE_BUF atomicity with several writers, a pipeline of
 * three processes, and vmsplice'd pages referenced (not copied) and
 * kept as spliced across fork.
 */
#define _GNU_SOURCE
#include <limits.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include "utest.h"

static int fds[2];

static void must_pipe2(int *p, int flags)
{
	if (pipe2(p, flags))
		ksft_exit_fail_msg("pipe2: %s", strerror(errno));
}

static void close_pair(int *p)
{
	close(p[0]);
	close(p[1]);
}

static void creation(void)
{
	struct stat st;
	char c;
	int p[2];

	ksft_test_result(pipe(p) == 0 && p[1] > p[0], "pipe: two fds, read end first");
	ksft_test_result(fcntl(p[0], F_GETFL) == O_RDONLY && fcntl(p[1], F_GETFL) == O_WRONLY,
			 "pipe: O_RDONLY and O_WRONLY ends");
	ksft_test_result(fstat(p[0], &st) == 0 && S_ISFIFO(st.st_mode) && st.st_size == 0,
			 "fstat: S_IFIFO, size 0");
	expect_errno(lseek(p[0], 0, SEEK_CUR), ESPIPE, "lseek on a pipe: ESPIPE");
	expect_errno(pread(p[0], &c, 1, 0), ESPIPE, "pread on a pipe: ESPIPE");
	expect_errno(write(p[0], "x", 1), EBADF, "write to the read end: EBADF");
	close_pair(p);

	must_pipe2(p, O_CLOEXEC | O_NONBLOCK);
	ksft_test_result(fcntl(p[0], F_GETFD) == FD_CLOEXEC && fcntl(p[1], F_GETFD) == FD_CLOEXEC &&
			 (fcntl(p[0], F_GETFL) & O_NONBLOCK) && (fcntl(p[1], F_GETFL) & O_NONBLOCK),
			 "pipe2(O_CLOEXEC | O_NONBLOCK): both ends");
	close_pair(p);
	expect_errno(pipe2(p, O_APPEND), EINVAL, "pipe2(O_APPEND): EINVAL");
	expect_errno(pipe2(p, O_RDWR), EINVAL, "pipe2(O_RDWR): EINVAL");
	expect_errno(syscall(SYS_pipe2, (void *)8, 0), EFAULT, "pipe2 to a bad address: EFAULT");
}

static void sizes(void)
{
	static char big[1 << 17];
	int n;

	must_pipe2(fds, O_NONBLOCK);
	ksft_test_result(fcntl(fds[0], F_GETPIPE_SZ) == 65536, "F_GETPIPE_SZ: 64 KiB by default");
	n = 0;
	while (write(fds[1], big, 1000) == 1000)
		n += 1000;
	/* small writes share a page while they fit: 4 per page */
	ksft_test_result(errno == EAGAIN && n == 64 * 1000,
			 "O_NONBLOCK: EAGAIN once 16 pages hold 4 1000-byte writes each (got %d)", n);
	ksft_test_result(ioctl(fds[0], FIONREAD, &n) == 0 && n == 64000, "FIONREAD: 64000");
	expect_errno(fcntl(fds[1], F_SETPIPE_SZ, 4096), EBUSY,
		     "F_SETPIPE_SZ below the content: EBUSY");
	ksft_test_result(fcntl(fds[1], F_SETPIPE_SZ, 70000) == 131072,
			 "F_SETPIPE_SZ 70000: rounded to 128 KiB");
	ksft_test_result(fcntl(fds[0], F_GETPIPE_SZ) == 131072, "F_GETPIPE_SZ: 128 KiB after");
	ksft_test_result(read(fds[0], big, sizeof(big)) == 64000, "the content survived the resize");
	ksft_test_result(fcntl(fds[1], F_SETPIPE_SZ, 1) == 4096, "F_SETPIPE_SZ 1: one page");
	ksft_test_result(write(fds[1], big, sizeof(big)) == 4096,
			 "a one-page pipe takes 4096 bytes of a big nonblocking write");
	ksft_test_result(fcntl(fds[1], F_SETPIPE_SZ, 0) == 4096, "F_SETPIPE_SZ 0: one page");
	expect_errno(fcntl(fds[1], F_SETPIPE_SZ, (1U << 31) + 1), EINVAL, "F_SETPIPE_SZ past 2 GiB: EINVAL");
	expect_errno(fcntl(0 + fds[1] + 100, F_GETPIPE_SZ), EBADF, "F_GETPIPE_SZ of a closed fd: EBADF");
	n = open("/proc/self/maps", O_RDONLY);
	expect_errno(fcntl(n, F_GETPIPE_SZ), EBADF, "F_GETPIPE_SZ of a regular file: EBADF");
	close(n);
	close_pair(fds);
}

static void eof_and_epipe(void)
{
	char c;
	int st;

	must_pipe2(fds, 0);
	close(fds[1]);
	ksft_test_result(read(fds[0], &c, 1) == 0, "no writer, empty: read gives 0 (EOF)");
	close(fds[0]);

	must_pipe2(fds, 0);
	close(fds[0]);
	signal(SIGPIPE, SIG_IGN);
	expect_errno(write(fds[1], "x", 1), EPIPE, "no reader: write fails EPIPE (SIGPIPE ignored)");
	signal(SIGPIPE, SIG_DFL);
	if (fork() == 0) {
		(void)!write(fds[1], "x", 1);
		_exit(0);
	}
	wait(&st);
	ksft_test_result(killed_by(st, SIGPIPE), "no reader: SIGPIPE kills the writer");
	close(fds[1]);

	must_pipe2(fds, O_NONBLOCK);
	expect_errno(read(fds[0], &c, 1), EAGAIN, "O_NONBLOCK, empty, a writer: EAGAIN");
	close_pair(fds);
}

static void packets(void)
{
	char buf[64];

	must_pipe2(fds, O_DIRECT);
	ksft_test_result(write(fds[1], "hello", 5) == 5 && write(fds[1], "world!", 6) == 6,
			 "O_DIRECT: two writes");
	ksft_test_result(read(fds[0], buf, sizeof(buf)) == 5 && !memcmp(buf, "hello", 5),
			 "O_DIRECT: a read takes one packet");
	ksft_test_result(read(fds[0], buf, 3) == 3 && !memcmp(buf, "wor", 3),
			 "O_DIRECT: a short read takes part of a packet");
	ksft_test_result(write(fds[1], "x", 1) == 1 && read(fds[0], buf, 8) == 1 && buf[0] == 'x',
			 "O_DIRECT: the rest of the short-read packet was discarded");
	close_pair(fds);
}

/*
 * 4 writers each write 200 records of PIPE_BUF bytes, a record all one
 * byte; the reader checks no record is interleaved with another.
 */
static void atomic_writes(void)
{
	static char rec[PIPE_BUF];
	int w, i, bad = 0, total = 0, st;

	must_pipe2(fds, 0);
	for (w = 0; w < 4; w++) {
		if (fork() == 0) {
			close(fds[0]);
			memset(rec, 'a' + w, sizeof(rec));
			for (i = 0; i < 200; i++)
				if (write(fds[1], rec, sizeof(rec)) != sizeof(rec))
					_exit(1);
			_exit(0);
		}
	}
	close(fds[1]);
	for (;;) {
		size_t got = 0;
		ssize_t n;

		while (got < sizeof(rec) && (n = read(fds[0], rec + got, sizeof(rec) - got)) > 0)
			got += n;
		if (!got)
			break;
		for (i = 1; i < (int)got; i++)
			bad += rec[i] != rec[0];
		total++;
	}
	for (w = 0; w < 4; w++)
		if (wait(&st) < 0 || !exited_with(st, 0))
			bad++;
	close(fds[0]);
	ksft_test_result(!bad && total == 800, "PIPE_BUF writes from 4 writers never interleave (%d)",
			 total);
}

/* parent -> child 1 (doubles each byte) -> child 2 (sums) -> parent */
static void pipeline(void)
{
	int a[2], b[2], c[2], st, i;
	unsigned long sum = 0;
	unsigned char buf[512];
	ssize_t n;

	must_pipe2(a, 0);
	must_pipe2(b, 0);
	must_pipe2(c, 0);
	if (fork() == 0) {
		close(a[1]), close(b[0]), close_pair(c);
		while ((n = read(a[0], buf, sizeof(buf))) > 0) {
			for (i = 0; i < n; i++)
				buf[i] = (unsigned char)(buf[i] * 2);
			if (write(b[1], buf, n) != n)
				_exit(1);
		}
		_exit(0);
	}
	if (fork() == 0) {
		close_pair(a), close(b[1]), close(c[0]);
		while ((n = read(b[0], buf, sizeof(buf))) > 0)
			for (i = 0; i < n; i++)
				sum += buf[i];
		_exit(write(c[1], &sum, sizeof(sum)) == sizeof(sum) ? 0 : 1);
	}
	close(a[0]), close_pair(b), close(c[1]);
	memset(buf, 3, sizeof(buf));
	for (i = 0; i < 1000; i++)
		if (write(a[1], buf, sizeof(buf)) != sizeof(buf))
			break;
	close(a[1]);
	n = read(c[0], &sum, sizeof(sum));
	close(c[0]);
	ksft_test_result(n == sizeof(sum) && sum == 6UL * 512 * 1000,
			 "a pipeline of 3 processes carries 512000 bytes");
	for (i = 0; i < 2; i++)
		if (wait(&st) < 0 || !exited_with(st, 0))
			sum = 0;
	ksft_test_result(sum, "both pipeline children exited 0");
}

static void splices(void)
{
	char *page = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct iovec iov = { page, PAGE };
	static char buf[2 * PAGE];
	int p2[2], st, fd;
	loff_t off;

	must_pipe2(fds, 0);
	memset(page, 'A', PAGE);
	ksft_test_result(vmsplice(fds[1], &iov, 1, 0) == PAGE, "vmsplice a page into a pipe");
	memset(page, 'B', PAGE);
	ksft_test_result(read(fds[0], buf, PAGE) == PAGE && buf[0] == 'B' && buf[PAGE - 1] == 'B',
			 "vmsplice references the page: a later write shows to the reader");

	memset(page, 'C', PAGE);
	vmsplice(fds[1], &iov, 1, 0);
	if (fork() == 0) {
		memset(page, 'D', PAGE);
		_exit(0);
	}
	wait(&st);
	memset(page, 'E', PAGE);
	ksft_test_result(read(fds[0], buf, PAGE) == PAGE && buf[0] == 'C' && buf[PAGE - 1] == 'C',
			 "vmsplice then fork: neither process's write changes what was spliced");

	ksft_test_result(write(fds[1], "splice!", 7) == 7 && pipe(p2) == 0 &&
			 splice(fds[0], NULL, p2[1], NULL, 4, 0) == 4 &&
			 read(p2[0], buf, 8) == 4 && !memcmp(buf, "spli", 4) &&
			 read(fds[0], buf, 8) == 3 && !memcmp(buf, "ce!", 3),
			 "splice pipe to pipe moves 4 of 7 bytes");
	expect_errno(splice(fds[0], NULL, fds[1], NULL, 4, 0), EINVAL, "splice a pipe to itself: EINVAL");
	off = 0;
	expect_errno(splice(fds[0], &off, p2[1], NULL, 4, 0), ESPIPE, "splice with a pipe offset: ESPIPE");
	expect_errno(splice(fds[0], NULL, p2[1], NULL, 4, 99), EINVAL, "splice bad flags: EINVAL");
	ksft_test_result(splice(fds[0], NULL, p2[1], NULL, 4, SPLICE_F_NONBLOCK) == -1 &&
			 errno == EAGAIN, "splice from an empty pipe, SPLICE_F_NONBLOCK: EAGAIN");

	fd = open("/tmp/pipe_calls.splice", O_RDWR | O_CREAT | O_TRUNC, 0600);
	memset(buf, 'F', 5000);
	ksft_test_result(fd >= 0 && write(fd, buf, 5000) == 5000, "a 5000-byte tmpfs file");
	off = 1000;
	ksft_test_result(splice(fd, &off, fds[1], NULL, 8192, 0) == 4000 && off == 5000,
			 "splice file to pipe: 4000 bytes from offset 1000, offset moved");
	off = 0;
	ksft_test_result(splice(fds[0], NULL, fd, &off, 8192, 0) == 4000 && off == 4000,
			 "splice pipe to file at offset 0");
	ksft_test_result(pread(fd, buf, 1, 3999) == 1 && buf[0] == 'F' && lseek(fd, 0, SEEK_CUR) == 5000,
			 "splice with an offset leaves the file position");
	close(fd);
	unlink("/tmp/pipe_calls.splice");
	expect_errno(vmsplice(fds[1], &iov, 1, 0x100), EINVAL, "vmsplice bad flags: EINVAL");
	fd = open("/proc/self/maps", O_RDONLY);
	expect_errno(vmsplice(fd, &iov, 1, 0), EBADF, "vmsplice on a regular file: EBADF");
	close(fd);
	(void)!write(fds[1], "out", 3);
	iov.iov_len = 8;
	ksft_test_result(vmsplice(fds[0], &iov, 1, 0) == 3 && !memcmp(page, "out", 3),
			 "vmsplice from the read end copies to user memory");
	close_pair(fds);
	close_pair(p2);
	munmap(page, PAGE);
}

static void fd_limit(void)
{
	static int p[64][2];
	struct rlimit old, rl;
	int first[2], n = 0;

	must_pipe2(first, 0);
	close_pair(first);
	getrlimit(RLIMIT_NOFILE, &old);
	rl = old;
	rl.rlim_cur = 64;
	setrlimit(RLIMIT_NOFILE, &rl);
	while (n < 64 && pipe(p[n]) == 0)
		n++;
	ksft_test_result(n < 64 && errno == EMFILE && n > 20, "pipes until EMFILE (%d pipes)", n);
	while (n--)
		close_pair(p[n]);
	setrlimit(RLIMIT_NOFILE, &old);
	ksft_test_result(pipe(p[0]) == 0 && p[0][0] == first[0], "the fds are free again");
	close_pair(p[0]);
}

int main(void)
{
	ksft_print_header();
	ksft_set_plan(51);
	creation();
	sizes();
	eof_and_epipe();
	packets();
	atomic_writes();
	pipeline();
	splices();
	fd_limit();
	ksft_finished();
}
