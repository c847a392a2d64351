// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of kernel/locking/rwsem.c: exclusion, trylocks, readers sharing
 * the lock on several CPUs, the FIFO order of waiters (a writer queued
 * behind readers is not starved by readers that come later; the run of
 * readers at the head enters together), downgrade_write(), and a torture
 * run on every CPU that checks, under the lock, that a writer is alone.
 *
 * Waiters are kthreads (struct waiter): each takes the lock as told,
 * records the order in which it got in, holds it for a moment and
 * releases it. The main task sees that one has queued by counting the
 * semaphore's wait_list.
 */
#include <linux/ktest.h>
#include <linux/rwsem.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/string.h>

struct waiter {
	struct rw_semaphore *sem;
	bool write;
	atomic_t *seq;		/* shared: the order of entry */
	atomic_t *inside;	/* shared: holders now */
	int order;		/* 1-based, 0 until it got in */
	int inside_seen;	/* holders when it got in, itself included */
	unsigned int hold_ms;
	bool done;
};

static int waiter_fn(void *data)
{
	struct waiter *w = data;

	if (w->write)
		down_write(w->sem);
	else
		down_read(w->sem);
	WRITE_ONCE(w->order, atomic_add_return(1, w->seq));
	WRITE_ONCE(w->inside_seen, atomic_add_return(1, w->inside));
	msleep(w->hold_ms);
	atomic_dec(w->inside);
	if (w->write)
		up_write(w->sem);
	else
		up_read(w->sem);
	WRITE_ONCE(w->done, true);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static unsigned int nr_queued(struct rw_semaphore *sem)
{
	struct list_head *pos;
	unsigned int n = 0;

	spin_lock(&sem->wait_lock);
	list_for_each(pos, &sem->wait_list)
		n++;
	spin_unlock(&sem->wait_lock);
	return n;
}

/*
 * Create a kthread for each of @w[0..n), none woken yet: all exist (or the
 * case ends) before the case takes a lock that they would wait for.
 */
static void create_waiters(struct ktest *test, struct waiter *w, struct task_struct **k,
			   unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		k[i] = kthread_create(waiter_fn, &w[i], "rwsem-%s", w[i].write ? "w" : "r");
	ktest_require_kthreads(test, k, n);
}

/* Wake @k and wait until it is the @nth waiter queued on @sem. */
static void queue_waiter(struct ktest *test, struct rw_semaphore *sem, struct task_struct *k,
			 unsigned int nth)
{
	wake_up_process(k);
	KTEST_EXPECT_TRUE(test, ktest_wait_for(nr_queued(sem) == nth, 2000));
}

static void stop_waiters(struct task_struct **k, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (k[i])
			kthread_stop(k[i]);
}

static void write_lock_excludes_everyone(struct ktest *test)
{
	struct rw_semaphore sem;

	init_rwsem(&sem);
	down_write(&sem);
	KTEST_EXPECT_TRUE(test, rwsem_is_locked(&sem));
	KTEST_EXPECT_FALSE(test, down_read_trylock(&sem));
	KTEST_EXPECT_FALSE(test, down_write_trylock(&sem));
	up_write(&sem);
	KTEST_EXPECT_FALSE(test, rwsem_is_locked(&sem));
	KTEST_ASSERT_TRUE(test, down_write_trylock(&sem));
	up_write(&sem);
	KTEST_EXPECT_EQ(test, sem.count, 0ul);
}

static void readers_share_and_keep_writers_out(struct ktest *test)
{
	struct rw_semaphore sem;

	init_rwsem(&sem);
	down_read(&sem);
	KTEST_EXPECT_TRUE(test, down_read_trylock(&sem));
	KTEST_EXPECT_FALSE(test, down_write_trylock(&sem));
	up_read(&sem);
	KTEST_EXPECT_TRUE(test, rwsem_is_locked(&sem));
	KTEST_EXPECT_FALSE(test, down_write_trylock(&sem));
	up_read(&sem);
	KTEST_EXPECT_FALSE(test, rwsem_is_locked(&sem));
	KTEST_EXPECT_TRUE(test, down_write_trylock(&sem));
	up_write(&sem);
}

/* There are no signals yet: the killable forms wait and return 0. */
static void killable_forms_take_the_lock(struct ktest *test)
{
	struct rw_semaphore sem;

	init_rwsem(&sem);
	KTEST_EXPECT_EQ(test, down_read_killable(&sem), 0);
	KTEST_EXPECT_FALSE(test, down_write_trylock(&sem));
	up_read(&sem);
	KTEST_EXPECT_EQ(test, down_write_killable(&sem), 0);
	KTEST_EXPECT_FALSE(test, down_read_trylock(&sem));
	up_write(&sem);
	KTEST_EXPECT_FALSE(test, rwsem_is_locked(&sem));
}

static void writer_sleeps_until_the_reader_leaves(struct ktest *test)
{
	struct rw_semaphore sem;
	atomic_t seq = ATOMIC_INIT(0), inside = ATOMIC_INIT(0);
	struct waiter w = { &sem, true, &seq, &inside, .hold_ms = 0 };
	struct task_struct *k;

	init_rwsem(&sem);
	create_waiters(test, &w, &k, 1);
	down_read(&sem);
	queue_waiter(test, &sem, k, 1);
	msleep(5);
	KTEST_EXPECT_EQ(test, READ_ONCE(w.order), 0);
	up_read(&sem);
	KTEST_EXPECT_TRUE(test, ktest_wait_for(READ_ONCE(w.done), 2000));
	KTEST_EXPECT_EQ(test, w.order, 1);
	kthread_stop(k);
	KTEST_EXPECT_EQ(test, sem.count, 0ul);
}

/* Readers that come after a queued writer wait behind it: no starvation. */
static void queued_writer_goes_before_later_readers(struct ktest *test)
{
	struct rw_semaphore sem;
	atomic_t seq = ATOMIC_INIT(0), inside = ATOMIC_INIT(0);
	struct waiter w[2] = {
		{ &sem, true, &seq, &inside, .hold_ms = 2 },
		{ &sem, false, &seq, &inside, .hold_ms = 0 },
	};
	struct task_struct *k[2];

	init_rwsem(&sem);
	create_waiters(test, w, k, 2);
	down_read(&sem);
	queue_waiter(test, &sem, k[0], 1);
	if (down_read_trylock(&sem)) {		/* it would overtake the writer */
		KTEST_FAIL(test, "a reader got in ahead of a queued writer");
		up_read(&sem);
	}
	queue_waiter(test, &sem, k[1], 2);
	up_read(&sem);
	KTEST_EXPECT_TRUE(test, ktest_wait_for(READ_ONCE(w[0].done) && READ_ONCE(w[1].done),
					       2000));
	KTEST_EXPECT_EQ(test, w[0].order, 1);
	KTEST_EXPECT_EQ(test, w[1].order, 2);
	stop_waiters(k, 2);
}

/* W1 R1 R2 W2 queued: W1 alone, then R1 and R2 together, then W2. */
static void waiters_are_granted_in_fifo_order_readers_batched(struct ktest *test)
{
	struct rw_semaphore sem;
	atomic_t seq = ATOMIC_INIT(0), inside = ATOMIC_INIT(0);
	struct waiter w[4] = {
		{ &sem, true, &seq, &inside, .hold_ms = 2 },
		{ &sem, false, &seq, &inside, .hold_ms = 20 },
		{ &sem, false, &seq, &inside, .hold_ms = 20 },
		{ &sem, true, &seq, &inside, .hold_ms = 2 },
	};
	struct task_struct *k[4];
	unsigned int i;

	init_rwsem(&sem);
	create_waiters(test, w, k, 4);
	down_write(&sem);
	for (i = 0; i < 4; i++)
		queue_waiter(test, &sem, k[i], i + 1);
	up_write(&sem);
	KTEST_EXPECT_TRUE(test, ktest_wait_for(READ_ONCE(w[3].done), 2000));
	KTEST_EXPECT_EQ(test, w[0].order, 1);
	KTEST_EXPECT_EQ(test, w[0].inside_seen, 1);
	KTEST_EXPECT_EQ(test, w[1].order + w[2].order, 2 + 3);
	KTEST_EXPECT_EQ(test, max(w[1].inside_seen, w[2].inside_seen), 2);	/* together */
	KTEST_EXPECT_EQ(test, w[3].order, 4);
	KTEST_EXPECT_EQ(test, w[3].inside_seen, 1);
	stop_waiters(k, 4);
	KTEST_EXPECT_EQ(test, sem.count, 0ul);
}

static void downgrade_lets_readers_in_and_keeps_writers_out(struct ktest *test)
{
	struct rw_semaphore sem;
	atomic_t seq = ATOMIC_INIT(0), inside = ATOMIC_INIT(0);
	struct waiter w[2] = {
		{ &sem, false, &seq, &inside, .hold_ms = 20 },
		{ &sem, true, &seq, &inside, .hold_ms = 0 },
	};
	struct task_struct *k[2];

	init_rwsem(&sem);
	create_waiters(test, w, k, 2);
	down_write(&sem);
	queue_waiter(test, &sem, k[0], 1);
	queue_waiter(test, &sem, k[1], 2);
	downgrade_write(&sem);
	KTEST_EXPECT_TRUE(test, ktest_wait_for(READ_ONCE(w[0].order) != 0, 2000));
	KTEST_EXPECT_EQ(test, w[0].inside_seen, 1);
	KTEST_EXPECT_FALSE(test, down_write_trylock(&sem));
	KTEST_EXPECT_EQ(test, READ_ONCE(w[1].order), 0);
	up_read(&sem);
	KTEST_EXPECT_TRUE(test, ktest_wait_for(READ_ONCE(w[1].done), 2000));
	KTEST_EXPECT_EQ(test, w[1].order, 2);
	stop_waiters(k, 2);
	KTEST_EXPECT_FALSE(test, rwsem_is_locked(&sem));
}

#define MAX_TEST_CPUS	8

/* Readers bound to different CPUs all hold the lock at once. */
static void readers_hold_the_lock_together_on_several_cpus(struct ktest *test)
{
	struct rw_semaphore sem;
	atomic_t seq = ATOMIC_INIT(0), inside = ATOMIC_INIT(0);
	struct waiter r[MAX_TEST_CPUS];
	struct task_struct *k[MAX_TEST_CPUS] = { NULL };
	unsigned int cpu, n = 0, i;
	int most = 0;

	init_rwsem(&sem);
	for_each_online_cpu(cpu) {
		if (n == MAX_TEST_CPUS)
			break;
		r[n] = (struct waiter){ &sem, false, &seq, &inside, .hold_ms = 50 };
		k[n] = kthread_create(waiter_fn, &r[n], "rwsem-r/%u", cpu);
		if (k[n])
			kthread_bind(k[n], cpu);
		n++;
	}
	if (n < 2) {
		stop_waiters(k, n);
		KTEST_SKIP(test, "one CPU");
	}
	ktest_require_kthreads(test, k, n);
	for (i = 0; i < n; i++)
		wake_up_process(k[i]);
	KTEST_EXPECT_TRUE(test, ktest_wait_for(atomic_read(&seq) == (int)n, 2000));
	for (i = 0; i < n; i++)
		KTEST_EXPECT_TRUE(test, ktest_wait_for(READ_ONCE(r[i].done), 2000));
	for (i = 0; i < n; i++)
		most = max(most, r[i].inside_seen);
	KTEST_EXPECT_GE(test, most, 2);
	stop_waiters(k, n);
}

struct torture {
	struct rw_semaphore sem;
	atomic_t readers, writers;
	atomic_t violations;
	atomic_t steps_done;
	unsigned long shared[4];	/* a writer makes them all equal */
};

#define TORTURE_STEPS	1500

/* Under the read lock: no writer inside, and the words all equal. */
static void torture_read_side(struct torture *t)
{
	unsigned int j;

	if (atomic_read(&t->writers))
		atomic_inc(&t->violations);
	for (j = 1; j < 4; j++)
		if (READ_ONCE(t->shared[j]) != READ_ONCE(t->shared[0]))
			atomic_inc(&t->violations);
	atomic_dec(&t->readers);
	up_read(&t->sem);
}

/* Write; then either release, or downgrade and finish as a reader. */
static void torture_write_side(struct torture *t, bool downgrade, bool resched)
{
	unsigned int j;

	down_write(&t->sem);
	if (atomic_add_return(1, &t->writers) != 1 || atomic_read(&t->readers))
		atomic_inc(&t->violations);
	for (j = 0; j < 4; j++)
		WRITE_ONCE(t->shared[j], t->shared[j] + 1);
	if (resched)
		cond_resched();
	atomic_dec(&t->writers);
	if (!downgrade) {
		up_write(&t->sem);
		return;
	}
	atomic_inc(&t->readers);
	downgrade_write(&t->sem);
	torture_read_side(t);
}

static int torture_fn(void *data)
{
	struct torture *t = data;
	u64 x = 0x9e3779b97f4a7c15ULL ^ ((u64)smp_processor_id() << 32 | (unsigned long)current);
	unsigned int i;

	for (i = 0; i < TORTURE_STEPS; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		if (x % 4 == 0) {
			torture_write_side(t, x % 8 == 0, x % 16 == 4);
		} else {
			down_read(&t->sem);
			atomic_inc(&t->readers);
			torture_read_side(t);
		}
	}
	atomic_add(TORTURE_STEPS, &t->steps_done);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void torture_on_every_cpu_keeps_writers_alone(struct ktest *test)
{
	static struct torture t;
	struct task_struct *k[2 * MAX_TEST_CPUS] = { NULL };
	unsigned int cpu, n = 0, i;

	memset(&t, 0, sizeof(t));
	init_rwsem(&t.sem);
	for_each_online_cpu(cpu) {
		for (i = 0; i < 2 && n < ARRAY_SIZE(k); i++) {
			k[n] = kthread_create(torture_fn, &t, "rwsem-t/%u", cpu);
			if (k[n])
				kthread_bind(k[n], cpu);
			n++;
		}
	}
	ktest_require_kthreads(test, k, n);
	for (i = 0; i < n; i++)
		wake_up_process(k[i]);
	KTEST_EXPECT_TRUE(test, ktest_wait_for(atomic_read(&t.steps_done) ==
					       (int)(n * TORTURE_STEPS), 60000));
	stop_waiters(k, n);
	KTEST_EXPECT_EQ(test, atomic_read(&t.violations), 0);
	KTEST_EXPECT_EQ(test, t.sem.count, 0ul);
	KTEST_EXPECT_TRUE(test, list_empty(&t.sem.wait_list));
}

static struct ktest_case rwsem_cases[] = {
	KTEST_CASE(write_lock_excludes_everyone),
	KTEST_CASE(readers_share_and_keep_writers_out),
	KTEST_CASE(killable_forms_take_the_lock),
	KTEST_CASE(writer_sleeps_until_the_reader_leaves),
	KTEST_CASE(queued_writer_goes_before_later_readers),
	KTEST_CASE(waiters_are_granted_in_fifo_order_readers_batched),
	KTEST_CASE(downgrade_lets_readers_in_and_keeps_writers_out),
	KTEST_CASE(readers_hold_the_lock_together_on_several_cpus),
	KTEST_CASE(torture_on_every_cpu_keeps_writers_alone),
	{}
};

static struct ktest_suite rwsem_suite = {
	.name = "rwsem",
	.test_cases = rwsem_cases,
};
ktest_register_suite(rwsem_suite);
