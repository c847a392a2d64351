// SPDX-License-Identifier: GPL-2.0
/*
 * futex_calls: futex(2), set_robust_list(2) and get_robust_list(2).
 *
 * Every operation (WAIT, WAKE, REQUEUE, CMP_REQUEUE, WAKE_OP with each op
 * and comparison, WAIT_BITSET, WAKE_BITSET) with its errors; timeouts
 * (relative, absolute on both clocks, already past, bad); where waiters
 * and wakers meet: a forked child and its parent on a MAP_SHARED page, on
 * a memfd mapped at two addresses, CLONE_VM children on a private futex,
 * and a private futex that does not reach another process. The
 * CLONE_CHILD_CLEARTID word woken at exit, a robust mutex left locked by
 * a dying owner (FUTEX_OWNER_DIED and the waiter woken). Waits that a
 * signal interrupts are futex_signals.c's.
 * A futex mutex between CLONE_VM children loses no increment and no wake.
 *
 * A waiter is another process or a CLONE_VM child: it counts itself in
 * a shared word before it sleeps, and the waker retries its wake until
 * the waiter got into the kernel, so no result depends on timing.
 */
#define _GNU_SOURCE
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <time.h>
#include <unistd.h>
#include "utest.h"

/* linux/futex.h's numbers (musl's headers do not carry the kernel's). */
#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_FD		2
#define FUTEX_REQUEUE		3
#define FUTEX_CMP_REQUEUE	4
#define FUTEX_WAKE_OP		5
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CLOCK_REALTIME	256
#define FUTEX_WAIT_PRIVATE		(FUTEX_WAIT | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_PRIVATE		(FUTEX_WAKE | FUTEX_PRIVATE_FLAG)
#define FUTEX_REQUEUE_PRIVATE		(FUTEX_REQUEUE | FUTEX_PRIVATE_FLAG)
#define FUTEX_CMP_REQUEUE_PRIVATE	(FUTEX_CMP_REQUEUE | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_OP_PRIVATE		(FUTEX_WAKE_OP | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAIT_BITSET_PRIVATE	(FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_BITSET_PRIVATE	(FUTEX_WAKE_BITSET | FUTEX_PRIVATE_FLAG)
#define FUTEX_BITSET_MATCH_ANY	0xffffffffu
#define FUTEX_WAITERS		0x80000000u
#define FUTEX_OWNER_DIED	0x40000000u
#define FUTEX_OP(op, oparg, cmp, cmparg) \
	((((op) & 0xf) << 28) | (((cmp) & 0xf) << 24) | (((oparg) & 0xfff) << 12) | ((cmparg) & 0xfff))
#define OP_SET 0
#define OP_ADD 1
#define OP_OR 2
#define OP_ANDN 3
#define OP_XOR 4
#define OP_SHIFT 8
#define CMP_EQ 0
#define CMP_NE 1
#define CMP_LT 2
#define CMP_LE 3
#define CMP_GT 4
#define CMP_GE 5

struct robust_list {
	struct robust_list *next;
};

struct robust_list_head {
	struct robust_list list;
	long futex_offset;
	struct robust_list *list_op_pending;
};

#define WAKE_TRIES	20000	/* a waker's retries, ~1 ms apart: 20 s at worst */

static long futex(volatile uint32_t *uaddr, int op, uint32_t val, const void *timeout_or_val2,
		  volatile uint32_t *uaddr2, uint32_t val3)
{
	return syscall(SYS_futex, uaddr, op, val, timeout_or_val2, uaddr2, val3);
}

static void *map_shared(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		ksft_exit_fail_msg("mmap: %s", strerror(errno));
	return p;
}

static int64_t clock_ns(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static struct timespec ns_to_ts(int64_t ns)
{
	struct timespec ts = { .tv_sec = ns / 1000000000LL, .tv_nsec = ns % 1000000000LL };

	return ts;
}

static void pause_ms(int ms)
{
	struct timespec ts = { 0, ms * 1000000L };

	nanosleep(&ts, NULL);
}

/*
 * Wake @uaddr with @op until @want waiters were woken in all (a waiter
 * may not have gone to sleep yet). Return: the number woken.
 */
static long wake_until(volatile uint32_t *uaddr, int op, long want, uint32_t bitset)
{
	long woken = 0, r;
	int i;

	for (i = 0; i < WAKE_TRIES && woken < want; i++) {
		r = futex(uaddr, op, INT_MAX, NULL, NULL, bitset);
		if (r < 0)
			return r;
		woken += r;
		if (woken < want)
			pause_ms(1);
	}
	return woken;
}

/* ---- errors ------------------------------------------------------------------ */

static void errors(void)
{
	static uint32_t word = 1;
	struct timespec bad = { 0, 1000000000L }, past = { 0, 0 };
	char unaligned[8] __attribute__((aligned(4)));

	expect_errno(futex(&word, FUTEX_WAIT_PRIVATE, 2, NULL, NULL, 0), EAGAIN,
		     "FUTEX_WAIT on a word that differs: EAGAIN");
	expect_errno(futex(&word, FUTEX_WAIT, 2, NULL, NULL, 0), EAGAIN,
		     "FUTEX_WAIT (shared) on a word that differs: EAGAIN");
	expect_errno(futex((uint32_t *)(unaligned + 1), FUTEX_WAIT, 0, NULL, NULL, 0), EINVAL,
		     "FUTEX_WAIT on an unaligned word: EINVAL");
	expect_errno(futex((uint32_t *)(unaligned + 2), FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0),
		     EINVAL, "FUTEX_WAKE on an unaligned word: EINVAL");
	expect_errno(futex(NULL, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0), EFAULT,
		     "FUTEX_WAIT on an unmapped word: EFAULT");
	expect_errno(futex(NULL, FUTEX_WAKE, 1, NULL, NULL, 0), EFAULT,
		     "shared FUTEX_WAKE on an unmapped word: EFAULT");
	expect_errno(futex((uint32_t *)-4096L, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0), EFAULT,
		     "FUTEX_WAIT on a kernel address: EFAULT");
	expect_errno(futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 1, NULL, NULL, 0), EINVAL,
		     "FUTEX_WAIT_BITSET with bitset 0: EINVAL");
	expect_errno(futex(&word, FUTEX_WAKE_BITSET_PRIVATE, 1, NULL, NULL, 0), EINVAL,
		     "FUTEX_WAKE_BITSET with bitset 0: EINVAL");
	expect_errno(futex(&word, 14 | FUTEX_PRIVATE_FLAG, 0, NULL, NULL, 0), ENOSYS,
		     "an unknown operation: ENOSYS");
	expect_errno(futex(&word, FUTEX_FD, 0, NULL, NULL, 0), ENOSYS,
		     "FUTEX_FD (removed in 2.6.26): ENOSYS");
	expect_errno(futex(&word, FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 1, &past, NULL, 0), ENOSYS,
		     "FUTEX_CLOCK_REALTIME with FUTEX_WAIT: ENOSYS");
	expect_errno(futex(&word, FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, NULL, NULL, 0), ENOSYS,
		     "FUTEX_CLOCK_REALTIME with FUTEX_WAKE: ENOSYS");
	expect_errno(futex(&word, FUTEX_WAIT_PRIVATE, 1, &bad, NULL, 0), EINVAL,
		     "FUTEX_WAIT with tv_nsec of 1e9: EINVAL");
	expect_errno(futex(&word, FUTEX_WAIT_PRIVATE, 1, (void *)8, NULL, 0), EFAULT,
		     "FUTEX_WAIT with an unmapped timeout: EFAULT");
	expect_errno(futex(&word, FUTEX_CMP_REQUEUE_PRIVATE, 1, (void *)1, &word, 2), EAGAIN,
		     "FUTEX_CMP_REQUEUE with a word that differs from val3: EAGAIN");
	expect_errno(futex(&word, FUTEX_REQUEUE_PRIVATE, -1, (void *)1, &word, 0), EINVAL,
		     "FUTEX_REQUEUE with a negative nr_wake: EINVAL");
	expect_errno(futex(&word, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1, NULL,
			   FUTEX_OP(OP_SET, 0, CMP_EQ, 0)), EFAULT,
		     "FUTEX_WAKE_OP on an unmapped second word: EFAULT");
	expect_errno(futex(&word, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1, &word,
			   FUTEX_OP(7, 0, CMP_EQ, 0)), ENOSYS,
		     "FUTEX_WAKE_OP with an unknown op: ENOSYS");
	ksft_test_result(futex(&word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0) == 0 &&
			 futex(&word, FUTEX_WAKE, INT_MAX, NULL, NULL, 0) == 0,
			 "FUTEX_WAKE with no waiter: 0");
}

/* ---- FUTEX_WAKE_OP's arithmetic ---------------------------------------------- */

struct wake_op_case {
	uint32_t before;
	uint32_t op;
	uint32_t after;
	long ret;	/* no waiters: 0; -ENOSYS as -1 */
	const char *desc;
};

static void wake_op(void)
{
	static const struct wake_op_case cases[] = {
		{ 5, FUTEX_OP(OP_SET, 9, CMP_EQ, 5), 9, 0, "SET" },
		{ 5, FUTEX_OP(OP_ADD, 3, CMP_EQ, 5), 8, 0, "ADD" },
		{ 5, FUTEX_OP(OP_ADD, -1, CMP_EQ, 5), 4, 0, "ADD of a negative oparg" },
		{ 5, FUTEX_OP(OP_OR, 0x12, CMP_EQ, 5), 0x17, 0, "OR" },
		{ 7, FUTEX_OP(OP_ANDN, 2, CMP_EQ, 5), 5, 0, "ANDN" },
		{ 6, FUTEX_OP(OP_XOR, 3, CMP_EQ, 5), 5, 0, "XOR" },
		{ 1, FUTEX_OP(OP_SET | OP_SHIFT, 31, CMP_EQ, 5), 0x80000000u, 0, "SET with OPARG_SHIFT 31" },
		{ 1, FUTEX_OP(OP_OR | OP_SHIFT, 4, CMP_EQ, 5), 0x11, 0, "OR with OPARG_SHIFT 4" },
		{ 5, FUTEX_OP(OP_ADD, 1, 6, 5), 6, -1, "an unknown cmp: ENOSYS after the update" },
	};
	static uint32_t w1, w2;
	unsigned int i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct wake_op_case *c = &cases[i];
		long r;

		w2 = c->before;
		r = futex(&w1, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1, &w2, c->op);
		if (r == c->ret && (r != -1 || errno == ENOSYS) && w2 == c->after)
			ksft_test_result_pass("FUTEX_WAKE_OP %s: %#x -> %#x", c->desc, c->before,
					      c->after);
		else
			ksft_test_result_fail("FUTEX_WAKE_OP %s: returned %ld, word %#x (want %#x)",
					      c->desc, r, w2, c->after);
	}
}

/* ---- waiters in other processes and CLONE_VM children ------------------------ */

/*
 * What a waiting child does: count itself in @ready, wait on @word for
 * @val with @op, and report how the wait ended in @result.
 */
struct waiter {
	volatile uint32_t *word;
	uint32_t val;
	int op;
	uint32_t bitset;
	const struct timespec *timeout;
	volatile uint32_t *ready;
	volatile long *result;	/* 0 or an errno */
};

static int waiter_run(void *arg)
{
	struct waiter *w = arg;
	long r;

	__atomic_add_fetch(w->ready, 1, __ATOMIC_SEQ_CST);
	r = syscall(SYS_futex, w->word, w->op, w->val, w->timeout, NULL, w->bitset);
	*w->result = r == 0 ? 0 : errno;
	return 0;
}

static int wait_ready(volatile uint32_t *ready, uint32_t n)
{
	int i;

	for (i = 0; i < WAKE_TRIES && *ready < n; i++)
		pause_ms(1);
	return *ready == n;
}

/* Fork @n waiters described by @w (in a MAP_SHARED area). Return: how many started. */
static int fork_waiters(struct waiter *w, int n, pid_t *pids)
{
	int i;

	for (i = 0; i < n; i++) {
		pids[i] = fork();
		if (pids[i] < 0)
			return i;
		if (pids[i] == 0)
			_exit(waiter_run(w));
	}
	return n;
}

static bool reap_all(pid_t *pids, int n)
{
	bool ok = true;
	int i, st;

	for (i = 0; i < n; i++)
		ok &= waitpid(pids[i], &st, 0) == pids[i] && exited_with(st, 0);
	return ok;
}

struct shm {
	uint32_t word, word2, ready;
	long result[8];
};

/* @n processes wait on a MAP_SHARED word; the parent wakes one, then the rest. */
static void shared_wake_counts(struct shm *s)
{
	struct waiter w = { &s->word, 7, FUTEX_WAIT, 0, NULL, &s->ready, &s->result[0] };
	pid_t pids[4];
	long first, rest;
	int n;

	s->word = 7;
	s->ready = 0;
	n = fork_waiters(&w, 4, pids);
	wait_ready(&s->ready, 4);
	first = 0;
	for (int i = 0; i < WAKE_TRIES && !first; i++) {
		first = futex(&s->word, FUTEX_WAKE, 1, NULL, NULL, 0);
		if (!first)
			pause_ms(1);
	}
	rest = wake_until(&s->word, FUTEX_WAKE, 3, 0);
	ksft_test_result(n == 4 && first == 1, "FUTEX_WAKE of 1 wakes exactly one of 4 processes");
	ksft_test_result(rest == 3 && reap_all(pids, n) && s->result[0] == 0,
			 "FUTEX_WAKE of INT_MAX wakes the other 3, whose waits return 0");
}

/* A child waits on page A of a memfd; the parent wakes it through a second mapping B. */
static void memfd_two_addresses(void)
{
	int fd = memfd_create("futex", 0);
	struct shm *a, *b;
	pid_t pid;
	long woken;
	int st;

	if (fd < 0 || ftruncate(fd, PAGE) < 0) {
		ksft_test_result_fail("memfd: %s", strerror(errno));
		return;
	}
	a = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	b = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (a == MAP_FAILED || b == MAP_FAILED || a == b) {
		ksft_test_result_fail("memfd mapped twice: %s", strerror(errno));
		return;
	}
	a->word = 3;
	a->ready = 0;
	pid = fork();
	if (pid == 0) {
		struct waiter w = { &a->word, 3, FUTEX_WAIT, 0, NULL, &a->ready, &a->result[0] };

		_exit(waiter_run(&w));
	}
	wait_ready(&b->ready, 1);
	woken = wake_until(&b->word, FUTEX_WAKE, 1, 0);
	ksft_test_result(woken == 1 && waitpid(pid, &st, 0) == pid && exited_with(st, 0) &&
			 b->result[0] == 0,
			 "a memfd's futex: waiter at one address, woken through another mapping");
	munmap(a, PAGE);
	munmap(b, PAGE);
}

/* A private futex is (mm, address): another process's wake at the same address misses it. */
static void private_stays_private(struct shm *s)
{
	static const struct timespec t = { 0, 300000000L };
	struct waiter w = { &s->word, 1, FUTEX_WAIT_PRIVATE, 0, &t, &s->ready, &s->result[0] };
	pid_t pid;
	long woken = 0;
	int st, i;

	s->word = 1;
	s->ready = 0;
	s->result[0] = -1;
	fork_waiters(&w, 1, &pid);
	wait_ready(&s->ready, 1);
	for (i = 0; i < 50; i++)
		woken += futex(&s->word, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
	ksft_test_result(woken == 0 && waitpid(pid, &st, 0) == pid && s->result[0] == ETIMEDOUT,
			 "FUTEX_PRIVATE_FLAG: another process's wake does not reach the waiter");
}

/* FUTEX_WAKE_BITSET wakes only waiters whose bitset meets its own. */
static void bitsets(struct shm *s)
{
	struct waiter w = { &s->word, 4, FUTEX_WAIT_BITSET, 0x1, NULL, &s->ready, &s->result[0] };
	long miss = 0, hit;
	pid_t pid;
	int i, st;

	s->word = 4;
	s->ready = 0;
	fork_waiters(&w, 1, &pid);
	wait_ready(&s->ready, 1);
	for (i = 0; i < 20; i++)
		miss += futex(&s->word, FUTEX_WAKE_BITSET, INT_MAX, NULL, NULL, 0x6);
	hit = wake_until(&s->word, FUTEX_WAKE_BITSET, 1, 0x3);
	ksft_test_result(miss == 0 && hit == 1 && waitpid(pid, &st, 0) == pid &&
			 s->result[0] == 0,
			 "FUTEX_WAKE_BITSET: bitset 0x6 misses a 0x1 waiter, 0x3 wakes it");
}

/* CMP_REQUEUE: one of 3 woken, the rest moved to word2 and woken there. */
static void requeue(struct shm *s)
{
	struct waiter w = { &s->word, 9, FUTEX_WAIT, 0, NULL, &s->ready, &s->result[0] };
	long r, moved, left;
	pid_t pids[3];
	int n;

	s->word = 9;
	s->word2 = 0;
	s->ready = 0;
	n = fork_waiters(&w, 3, pids);
	wait_ready(&s->ready, 3);
	pause_ms(50);
	r = futex(&s->word, FUTEX_CMP_REQUEUE, 1, (void *)INT_MAX, &s->word2, 9);
	moved = r > 0 ? wake_until(&s->word2, FUTEX_WAKE, r - 1, 0) : -1;
	left = r >= 0 ? wake_until(&s->word, FUTEX_WAKE, 3 - r, 0) : -1;
	ksft_test_result(n == 3 && r >= 1 && moved == r - 1 && left == 3 - r && reap_all(pids, n),
			 "FUTEX_CMP_REQUEUE wakes 1 and moves the others to the second word (%ld)",
			 r);
	s->ready = 0;
	n = fork_waiters(&w, 2, pids);
	wait_ready(&s->ready, 2);
	pause_ms(50);
	r = futex(&s->word, FUTEX_REQUEUE, 0, (void *)1, &s->word2, 0);
	moved = r > 0 ? wake_until(&s->word2, FUTEX_WAKE, r, 0) : 0;
	left = wake_until(&s->word, FUTEX_WAKE, 2 - r, 0);
	ksft_test_result(r <= 1 && moved == r && left == 2 - r && reap_all(pids, n),
			 "FUTEX_REQUEUE with nr_wake 0 moves at most nr_requeue (%ld)", r);
}

/* WAKE_OP wakes the second word's waiter only when the comparison holds. */
static void wake_op_wakes(struct shm *s)
{
	struct waiter w = { &s->word2, 10, FUTEX_WAIT, 0, NULL, &s->ready, &s->result[0] };
	long miss = 0, hit = 0;
	pid_t pid;
	int i, st;

	s->word2 = 10;
	s->ready = 0;
	fork_waiters(&w, 1, &pid);
	wait_ready(&s->ready, 1);
	for (i = 0; i < 20; i++) {
		s->word2 = 10;
		miss += futex(&s->word, FUTEX_WAKE_OP, 1, (void *)1, &s->word2,
			      FUTEX_OP(OP_SET, 10, CMP_GT, 10));
	}
	for (i = 0; i < WAKE_TRIES && !hit; i++) {
		hit = futex(&s->word, FUTEX_WAKE_OP, 1, (void *)1, &s->word2,
			    FUTEX_OP(OP_SET, 10, CMP_EQ, 10));
		if (!hit)
			pause_ms(1);
	}
	ksft_test_result(miss == 0 && hit == 1 && waitpid(pid, &st, 0) == pid &&
			 s->result[0] == 0,
			 "FUTEX_WAKE_OP wakes the second word's waiter only when cmp holds");
}

/* CLONE_VM children share the mm: a private futex meets. */
static uint32_t vm_word, vm_ready;
static long vm_result[2];

static void clone_vm_private(void)
{
	static char stacks[2][64 * 1024] __attribute__((aligned(16)));
	struct waiter w = { &vm_word, 2, FUTEX_WAIT_PRIVATE, 0, NULL, &vm_ready, &vm_result[0] };
	pid_t pids[2];
	long woken;
	int i;

	vm_word = 2;
	for (i = 0; i < 2; i++)
		pids[i] = clone(waiter_run, stacks[i] + sizeof(stacks[i]), CLONE_VM | SIGCHLD, &w);
	wait_ready(&vm_ready, 2);
	woken = wake_until(&vm_word, FUTEX_WAKE_PRIVATE, 2, 0);
	ksft_test_result(pids[0] > 0 && pids[1] > 0 && woken == 2 && reap_all(pids, 2) &&
			 vm_result[0] == 0,
			 "CLONE_VM children wait on a private futex and are woken");
}

/*
 * A futex mutex (0 free, 1 locked, 2 locked with waiters) between CLONE_VM
 * children: every increment under it must count, and no waiter may miss
 * its wake (a wait gives up after 2 s and is counted as a lost wake-up).
 */
#define MUTEX_CHILDREN	3
#define MUTEX_ROUNDS	3000

static uint32_t mutex_word, lost_wakes;
static unsigned long mutex_count;

static void mutex_lock(uint32_t *m)
{
	static const struct timespec two_s = { 2, 0 };
	uint32_t c = 0;

	if (__atomic_compare_exchange_n(m, &c, 1, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return;
	if (c != 2)
		c = __atomic_exchange_n(m, 2, __ATOMIC_ACQUIRE);
	while (c != 0) {
		if (futex(m, FUTEX_WAIT_PRIVATE, 2, &two_s, NULL, 0) && errno == ETIMEDOUT)
			__atomic_add_fetch(&lost_wakes, 1, __ATOMIC_RELAXED);
		c = __atomic_exchange_n(m, 2, __ATOMIC_ACQUIRE);
	}
}

static void mutex_unlock(uint32_t *m)
{
	if (__atomic_fetch_sub(m, 1, __ATOMIC_RELEASE) != 1) {
		__atomic_store_n(m, 0, __ATOMIC_RELEASE);
		futex(m, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	}
}

static int mutex_worker(void *arg)
{
	int i;

	for (i = 0; i < MUTEX_ROUNDS; i++) {
		mutex_lock(&mutex_word);
		mutex_count++;
		if (!(i % 64))
			sched_yield();	/* let the others find it taken */
		mutex_unlock(&mutex_word);
	}
	return 0;
}

static void clone_vm_mutex(void)
{
	static char stacks[MUTEX_CHILDREN][64 * 1024] __attribute__((aligned(16)));
	pid_t pids[MUTEX_CHILDREN];
	int i, started = 0;

	for (i = 0; i < MUTEX_CHILDREN; i++) {
		pids[i] = clone(mutex_worker, stacks[i] + sizeof(stacks[i]), CLONE_VM | SIGCHLD, NULL);
		started += pids[i] > 0;
	}
	ksft_test_result(started == MUTEX_CHILDREN && reap_all(pids, started) &&
			 mutex_count == MUTEX_CHILDREN * MUTEX_ROUNDS && !lost_wakes &&
			 !mutex_word,
			 "a futex mutex between %d CLONE_VM children: %lu increments, %u lost wake-ups",
			 MUTEX_CHILDREN, mutex_count, lost_wakes);
}

/* ---- timeouts ------------------------------------------------------------------- */

static void timeouts(void)
{
	static uint32_t word;
	const int64_t span = 50000000;	/* 50 ms */
	struct timespec rel = ns_to_ts(span), abs, past = { 0, 0 };
	int64_t t0, t;
	long r;

	t0 = clock_ns(CLOCK_MONOTONIC);
	r = futex(&word, FUTEX_WAIT_PRIVATE, 0, &rel, NULL, 0);
	t = clock_ns(CLOCK_MONOTONIC) - t0;
	ksft_test_result(r == -1 && errno == ETIMEDOUT && t >= span,
			 "FUTEX_WAIT's relative timeout: ETIMEDOUT after it (%lld ns)", (long long)t);

	t0 = clock_ns(CLOCK_MONOTONIC);
	abs = ns_to_ts(t0 + span);
	r = futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 0, &abs, NULL, FUTEX_BITSET_MATCH_ANY);
	t = clock_ns(CLOCK_MONOTONIC);
	ksft_test_result(r == -1 && errno == ETIMEDOUT && t >= t0 + span,
			 "FUTEX_WAIT_BITSET's absolute CLOCK_MONOTONIC timeout: ETIMEDOUT");

	t0 = clock_ns(CLOCK_REALTIME);
	abs = ns_to_ts(t0 + span);
	r = futex(&word, FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME, 0, &abs, NULL,
		  FUTEX_BITSET_MATCH_ANY);
	t = clock_ns(CLOCK_REALTIME);
	ksft_test_result(r == -1 && errno == ETIMEDOUT && t >= t0 + span,
			 "FUTEX_WAIT_BITSET's absolute CLOCK_REALTIME timeout: ETIMEDOUT");

	expect_errno(futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 0, &past, NULL,
			   FUTEX_BITSET_MATCH_ANY), ETIMEDOUT,
		     "FUTEX_WAIT_BITSET with a time already past: ETIMEDOUT");
	expect_errno(futex(&word, FUTEX_WAIT_PRIVATE, 0, &past, NULL, 0), ETIMEDOUT,
		     "FUTEX_WAIT with a zero timeout: ETIMEDOUT");
}

/* ---- exit: CLONE_CHILD_CLEARTID and robust lists ---------------------------------- */

static int child_sleeps(void *arg)
{
	pause_ms(20);
	return 0;
}

/* The kernel zeroes the CLONE_CHILD_CLEARTID word at exit and wakes its waiter. */
static void clear_child_tid(void)
{
	static char stack[64 * 1024] __attribute__((aligned(16)));
	static volatile uint32_t ctid = 0xdead;
	long r = 0;
	pid_t pid;
	int st;

	pid = clone(child_sleeps, stack + sizeof(stack), CLONE_VM | CLONE_CHILD_CLEARTID | SIGCHLD,
		    NULL, NULL, NULL, &ctid);
	while (pid > 0 && ctid && r == 0)	/* EAGAIN: it was cleared meanwhile */
		r = futex(&ctid, FUTEX_WAIT, 0xdead, NULL, NULL, 0);
	ksft_test_result(pid > 0 && ctid == 0 && (r == 0 || errno == EAGAIN) &&
			 waitpid(pid, &st, 0) == pid,
			 "CLONE_CHILD_CLEARTID: the word is zeroed at exit and its waiter woken");
}

struct robust_mutex {
	struct robust_list node;
	uint32_t word;
};

struct robust_shm {
	struct robust_mutex m[3];
	struct robust_list_head head;
	uint32_t ready, tid;
	long result;
};

/* Take @r's mutexes 0 and 1 as this thread, list them, and die holding them. */
static int robust_owner(void *arg)
{
	struct robust_shm *r = arg;
	uint32_t tid = syscall(SYS_gettid);

	r->tid = tid;

	r->head.list.next = &r->m[0].node;
	r->m[0].node.next = &r->m[1].node;
	r->m[1].node.next = &r->head.list;
	r->head.futex_offset = offsetof(struct robust_mutex, word);
	r->head.list_op_pending = NULL;
	r->m[0].word = tid;
	r->m[1].word = tid | FUTEX_WAITERS;
	r->m[2].word = tid + 1;		/* listed by nobody, owned by another */
	if (syscall(SYS_set_robust_list, &r->head, sizeof(r->head)))
		return 1;
	__atomic_add_fetch(&r->ready, 1, __ATOMIC_SEQ_CST);
	while (r->ready < 2)
		pause_ms(1);
	pause_ms(50);		/* let the waiter sleep */
	return 0;
}

static void robust_list(void)
{
	struct robust_shm *r = map_shared(PAGE);
	struct robust_list_head *head = NULL, *libc_head = NULL;
	size_t len = 0;
	uint32_t want;
	pid_t pid;
	long ret;
	int st;

	pid = fork();
	if (pid == 0)
		_exit(robust_owner(r));
	while (__atomic_load_n(&r->ready, __ATOMIC_SEQ_CST) < 1)
		pause_ms(1);
	want = r->m[1].word;
	__atomic_add_fetch(&r->ready, 1, __ATOMIC_SEQ_CST);
	ret = futex(&r->m[1].word, FUTEX_WAIT, want, NULL, NULL, 0);
	ksft_test_result((ret == 0 || errno == EAGAIN) && waitpid(pid, &st, 0) == pid &&
			 exited_with(st, 0) && r->m[1].word == (FUTEX_OWNER_DIED | FUTEX_WAITERS),
			 "robust list: a dead owner's contended lock gets OWNER_DIED and its waiter wakes");
	ksft_test_result(r->m[0].word == FUTEX_OWNER_DIED && r->m[2].word == r->tid + 1,
			 "robust list: an uncontended one gets OWNER_DIED, another's is untouched");

	expect_errno(syscall(SYS_set_robust_list, &r->head, sizeof(r->head) + 1), EINVAL,
		     "set_robust_list with a wrong length: EINVAL");
	expect_errno(syscall(SYS_get_robust_list, 0, &head, NULL), EFAULT,
		     "get_robust_list with an unmapped len_ptr: EFAULT");
	expect_errno(syscall(SYS_get_robust_list, INT_MAX, &head, &len), ESRCH,
		     "get_robust_list of no such task: ESRCH");
	syscall(SYS_get_robust_list, 0, &libc_head, &len);	/* glibc's; musl's: none yet */
	ksft_test_result(syscall(SYS_set_robust_list, &r->head, sizeof(r->head)) == 0 &&
			 syscall(SYS_get_robust_list, 0, &head, &len) == 0 &&
			 len == sizeof(struct robust_list_head) && head == &r->head &&
			 syscall(SYS_set_robust_list, libc_head, sizeof(r->head)) == 0,
			 "get_robust_list answers what set_robust_list registered");
	munmap(r, PAGE);
}

int main(void)
{
	struct shm *s;

	ksft_print_header();
	ksft_set_plan(51);
	errors();
	wake_op();
	s = map_shared(PAGE);
	shared_wake_counts(s);
	memfd_two_addresses();
	private_stays_private(s);
	bitsets(s);
	requeue(s);
	wake_op_wakes(s);
	clone_vm_private();
	clone_vm_mutex();
	timeouts();
	clear_child_tid();
	robust_list();
	ksft_finished();
}
