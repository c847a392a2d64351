// SPDX-License-Identifier: GPL-2.0
/*
 * pthread_calls: the C library's threads (glibc's and musl's pthreads)
 * on top of clone(CLONE_THREAD...), futex(2), set_robust_list(2) and
 * (glibc) rseq(2): what ordinary threaded programs do.
 *
 * Cases: create and join with a return value, ids (getpid() shared,
 * gettid() per thread), __thread variables private to each thread and
 * initialised from the TLS image, a mutex guarding a counter that
 * NTHREADS threads increment, a condition variable handing items from
 * a producer to consumers, a barrier reused over several rounds, malloc
 * and free racing in every thread, a detached thread, and
 * pthread_create() after threads have come and gone (their stacks and
 * tids recycled by the library).
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "utest.h"

#define NTHREADS	8
#define INCREMENTS	20000

static __thread int tls_var = 42;
static __thread char tls_buf[256];

static void *return_arg(void *arg)
{
	return arg;
}

struct ids {
	pid_t pid, tid;
	int tls_initial;
};

static void *report_ids(void *arg)
{
	struct ids *ids = arg;

	ids->pid = getpid();
	ids->tid = (pid_t)syscall(SYS_gettid);
	ids->tls_initial = tls_var;
	tls_var = 1000 + ids->tid;
	memset(tls_buf, (char)ids->tid, sizeof(tls_buf));
	return tls_var == 1000 + ids->tid && tls_buf[255] == (char)ids->tid ? arg : NULL;
}

static void create_join_and_ids(void)
{
	pthread_t th[NTHREADS];
	struct ids ids[NTHREADS];
	void *ret;
	int i, ok = 0, distinct = 1;

	ksft_test_result(pthread_create(&th[0], NULL, return_arg, (void *)0x1234) == 0 &&
			 pthread_join(th[0], &ret) == 0 && ret == (void *)0x1234,
			 "pthread_create() then pthread_join() returns the thread's value");
	tls_var = 7;
	for (i = 0; i < NTHREADS; i++)
		if (pthread_create(&th[i], NULL, report_ids, &ids[i]))
			break;
	for (i = 0; i < NTHREADS; i++)
		if (pthread_join(th[i], &ret) == 0 && ret == &ids[i])
			ok++;
	for (i = 1; i < NTHREADS; i++)
		if (ids[i].tid == ids[0].tid)
			distinct = 0;
	ksft_test_result(ok == NTHREADS, "%d threads each see only their own __thread data",
			 NTHREADS);
	ksft_test_result(ids[0].pid == getpid() && ids[NTHREADS - 1].pid == getpid(),
			 "getpid() in every thread is the process's");
	ksft_test_result(distinct && ids[0].tid != getpid(), "gettid() differs per thread");
	ksft_test_result(ids[0].tls_initial == 42 && ids[NTHREADS - 1].tls_initial == 42,
			 "a new thread's __thread variable starts from the TLS image");
	ksft_test_result(tls_var == 7, "the main thread's __thread variable is its own");
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *increment(void *arg)
{
	int i;

	for (i = 0; i < INCREMENTS; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		if (i % 1000 == 0)
			sched_yield();	/* hold it across a switch: contention */
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void mutex_counter(void)
{
	pthread_t th[NTHREADS];
	int i;

	for (i = 0; i < NTHREADS; i++)
		pthread_create(&th[i], NULL, increment, NULL);
	for (i = 0; i < NTHREADS; i++)
		pthread_join(th[i], NULL);
	ksft_test_result(counter == (long)NTHREADS * INCREMENTS,
			 "a mutex keeps %d threads' increments exact", NTHREADS);
}

/* A one-slot queue: the producer waits for it empty, consumers for it full. */
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int slot, produced_sum, consumed_sum, consumed_items, done;

#define ITEMS	2000

static void *consumer(void *arg)
{
	for (;;) {
		pthread_mutex_lock(&lock);
		while (!slot && !done)
			pthread_cond_wait(&cond, &lock);
		if (!slot && done) {
			pthread_mutex_unlock(&lock);
			return NULL;
		}
		consumed_sum += slot;
		consumed_items++;
		slot = 0;
		pthread_cond_broadcast(&cond);
		pthread_mutex_unlock(&lock);
	}
}

static void condvar_queue(void)
{
	pthread_t th[4];
	int i;

	for (i = 0; i < 4; i++)
		pthread_create(&th[i], NULL, consumer, NULL);
	for (i = 1; i <= ITEMS; i++) {
		pthread_mutex_lock(&lock);
		while (slot)
			pthread_cond_wait(&cond, &lock);
		slot = i;
		produced_sum += i;
		pthread_cond_broadcast(&cond);
		pthread_mutex_unlock(&lock);
	}
	pthread_mutex_lock(&lock);
	while (slot)
		pthread_cond_wait(&cond, &lock);
	done = 1;
	pthread_cond_broadcast(&cond);
	pthread_mutex_unlock(&lock);
	for (i = 0; i < 4; i++)
		pthread_join(th[i], NULL);
	ksft_test_result(consumed_items == ITEMS && consumed_sum == produced_sum,
			 "a condition variable hands %d items to 4 consumers", ITEMS);
}

#define ROUNDS	50

static pthread_barrier_t barrier;
static int arrived[ROUNDS];

static void *barrier_rounds(void *arg)
{
	int r, bad = 0;

	for (r = 0; r < ROUNDS; r++) {
		__atomic_add_fetch(&arrived[r], 1, __ATOMIC_SEQ_CST);
		pthread_barrier_wait(&barrier);
		/* Everybody arrived before anybody left. */
		if (__atomic_load_n(&arrived[r], __ATOMIC_SEQ_CST) != NTHREADS)
			bad = 1;
		pthread_barrier_wait(&barrier);
	}
	return bad ? (void *)1 : NULL;
}

static void barrier_reuse(void)
{
	pthread_t th[NTHREADS];
	void *ret;
	int i, bad = 0;

	pthread_barrier_init(&barrier, NULL, NTHREADS);
	for (i = 0; i < NTHREADS; i++)
		pthread_create(&th[i], NULL, barrier_rounds, NULL);
	for (i = 0; i < NTHREADS; i++)
		if (pthread_join(th[i], &ret) || ret)
			bad++;
	pthread_barrier_destroy(&barrier);
	ksft_test_result(!bad, "a barrier holds %d threads over %d rounds", NTHREADS, ROUNDS);
}

static void *malloc_churn(void *arg)
{
	void *p[64];
	int i, r;

	for (r = 0; r < 200; r++) {
		for (i = 0; i < 64; i++) {
			size_t n = 16 + (size_t)((r * 64 + i) * 37 % 8000);

			p[i] = malloc(n);
			if (!p[i])
				return (void *)1;
			memset(p[i], i, n);
		}
		for (i = 0; i < 64; i++) {
			if (((unsigned char *)p[i])[0] != i)
				return (void *)1;
			free(p[i]);
		}
	}
	return NULL;
}

static void malloc_in_threads(void)
{
	pthread_t th[NTHREADS];
	void *ret;
	int i, bad = 0;

	for (i = 0; i < NTHREADS; i++)
		pthread_create(&th[i], NULL, malloc_churn, NULL);
	for (i = 0; i < NTHREADS; i++)
		if (pthread_join(th[i], &ret) || ret)
			bad++;
	ksft_test_result(!bad, "malloc() and free() in %d threads at once", NTHREADS);
}

static volatile int detached_ran;

static void *detached(void *arg)
{
	detached_ran = 1;
	return NULL;
}

static void detached_and_recycled(void)
{
	pthread_attr_t attr;
	pthread_t th;
	int i, ok = 0;

	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	ksft_test_result(pthread_create(&th, &attr, detached, NULL) == 0, "a detached thread starts");
	for (i = 0; i < 5000 && !detached_ran; i++)
		usleep(1000);
	ksft_test_result(detached_ran, "the detached thread runs");
	pthread_attr_destroy(&attr);
	for (i = 0; i < 200; i++) {
		void *ret;

		if (pthread_create(&th, NULL, return_arg, (void *)(long)i) == 0 &&
		    pthread_join(th, &ret) == 0 && ret == (void *)(long)i)
			ok++;
	}
	ksft_test_result(ok == 200, "200 threads created and joined one after another");
}

int main(void)
{
	ksft_print_header();
	ksft_set_plan(13);
	create_join_and_ids();
	mutex_counter();
	condvar_queue();
	barrier_reuse();
	malloc_in_threads();
	detached_and_recycled();
	ksft_finished();
}
