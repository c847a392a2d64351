// SPDX-License-Identifier: GPL-2.0
/*
 * futex_signals: a FUTEX_WAIT that a signal interrupts. Without
 * SA_RESTART it fails EINTR; with SA_RESTART an untimed wait is restarted
 * after the handler (and then woken normally), while a timed one still
 * fails EINTR, as Linux answers -ERESTART_RESTARTBLOCK for it. The waiter
 * is a forked child on a MAP_SHARED page; the parent signals it once it
 * is about to wait, and wakes it with retries (it may not be back in the
 * kernel yet).
 */
#define _GNU_SOURCE
#include <limits.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include "utest.h"

#define FUTEX_WAIT	0
#define FUTEX_WAKE	1
#define WAKE_TRIES	20000	/* a waker's retries, ~1 ms apart */

struct shm {
	uint32_t word, word2, ready;
	long result[1];
};

static long futex(volatile uint32_t *uaddr, int op, uint32_t val, const void *timeout)
{
	return syscall(SYS_futex, uaddr, op, val, timeout, NULL, 0);
}

static void pause_ms(int ms)
{
	struct timespec ts = { 0, ms * 1000000L };

	nanosleep(&ts, NULL);
}

static void wait_ready(volatile uint32_t *ready, uint32_t n)
{
	int i;

	for (i = 0; i < WAKE_TRIES && *ready < n; i++)
		pause_ms(1);
}

/* Reap @pid within 10 s, else kill it (a wait the signal did not end). */
static bool reap_within(pid_t pid, int *st)
{
	int i;

	for (i = 0; i < 10000; i++) {
		if (waitpid(pid, st, WNOHANG) == pid)
			return true;
		pause_ms(1);
	}
	kill(pid, SIGKILL);
	waitpid(pid, st, 0);
	return false;
}

/* Wake @uaddr until one waiter was woken. Return: how many were. */
static long wake_one(volatile uint32_t *uaddr)
{
	long r = 0;
	int i;

	for (i = 0; i < WAKE_TRIES && r == 0; i++) {
		r = futex(uaddr, FUTEX_WAKE, 1, NULL);
		if (r == 0)
			pause_ms(1);
	}
	return r;
}

static volatile uint32_t *handled;	/* the child's count of SIGUSR1 handlers run */

static void on_usr1(int sig)
{
	__atomic_add_fetch(handled, 1, __ATOMIC_SEQ_CST);
}

struct sig_case {
	int sa_flags;
	bool timed;
	const char *desc;
};

/* The child: wait on a word nobody changes until SIGUSR1 (and, after a restart, a wake). */
static int interrupted_wait(struct shm *s, const struct sig_case *c)
{
	static const struct timespec five_s = { 5, 0 };
	struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = c->sa_flags };
	long r;

	handled = &s->word2;
	if (sigaction(SIGUSR1, &sa, NULL))
		return 100;
	__atomic_add_fetch(&s->ready, 1, __ATOMIC_SEQ_CST);
	r = futex(&s->word, FUTEX_WAIT, s->word, c->timed ? &five_s : NULL);
	s->result[0] = r == 0 ? 0 : errno;
	return 0;
}

/*
 * SIGUSR1 to a child in FUTEX_WAIT: without SA_RESTART it fails EINTR;
 * with SA_RESTART an untimed wait is restarted (the handler ran, the wait
 * goes on until a wake), a timed one still fails EINTR, as Linux's.
 */
static void signal_interrupts(struct shm *s)
{
	static const struct sig_case cases[] = {
		{ 0, false, "FUTEX_WAIT interrupted by a handled signal: EINTR" },
		{ SA_RESTART, false, "FUTEX_WAIT with SA_RESTART: restarted after the handler, then woken" },
		{ SA_RESTART, true, "timed FUTEX_WAIT with SA_RESTART: EINTR" },
	};
	unsigned int i;

	for (i = 0; i < 3; i++) {
		const struct sig_case *c = &cases[i];
		long woken = 0;
		pid_t pid;
		int st = -1;

		s->word = 11;
		s->word2 = 0;
		s->ready = 0;
		s->result[0] = -1;
		pid = fork();
		if (pid == 0)
			_exit(interrupted_wait(s, c));
		wait_ready(&s->ready, 1);
		pause_ms(50);
		kill(pid, SIGUSR1);
		if (c->sa_flags & SA_RESTART && !c->timed) {
			wait_ready(&s->word2, 1);	/* the handler ran */
			pause_ms(50);	/* back in the wait */
			woken = wake_one(&s->word);
		}
		ksft_test_result(reap_within(pid, &st) && exited_with(st, 0) &&
				 s->word2 == 1 &&
				 s->result[0] == (c->sa_flags & SA_RESTART && !c->timed ? 0 : EINTR) &&
				 woken == (c->sa_flags & SA_RESTART && !c->timed),
				 "%s", c->desc);
	}
}

int main(void)
{
	struct shm *s = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	ksft_print_header();
	ksft_set_plan(3);
	if (s == MAP_FAILED)
		ksft_exit_fail_msg("mmap: %s", strerror(errno));
	signal_interrupts(s);
	ksft_finished();
}
