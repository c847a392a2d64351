// SPDX-License-Identifier: GPL-2.0
/*
 * The wait suite: kernel/sched/wait.c's model. Entries with recording
 * wake functions show what __wake_up() passes and whom it reaches
 * (order, exclusive counting, the key, a negative return); kthreads
 * sleeping in each state show which wake-ups wake them. wait_event()
 * itself is covered by the sched suite.
 */
#include <linux/ktest.h>
#include <linux/kthread.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/wait.h>

#define NR_REC	4

/* A recording entry: what its func saw, and what it answers. */
struct rec {
	struct wait_queue_entry wq;
	int calls;
	unsigned int mode;
	__poll_t key;
	int ret;
	int *order;		/* a shared counter: the call's rank goes to rank */
	int rank;
};

static int rec_wake(struct wait_queue_entry *wq_entry, unsigned int mode, int flags, void *key)
{
	struct rec *r = container_of(wq_entry, struct rec, wq);

	r->calls++;
	r->mode = mode;
	r->key = key_to_poll(key);
	r->rank = (*r->order)++;
	return r->ret;
}

static void rec_init(struct rec *r, int *order, int ret)
{
	init_waitqueue_func_entry(&r->wq, rec_wake);
	r->calls = 0;
	r->ret = ret;
	r->order = order;
	r->rank = -1;
}

static void wake_up_reaches_every_plain_entry_with_its_key(struct ktest *test)
{
	DECLARE_WAIT_QUEUE_HEAD(wq);
	struct rec r[NR_REC];
	int order = 0, i;

	for (i = 0; i < NR_REC; i++) {
		rec_init(&r[i], &order, 1);
		add_wait_queue(&wq, &r[i].wq);
	}
	KTEST_EXPECT_TRUE(test, waitqueue_active(&wq));
	wake_up_interruptible_poll(&wq, EPOLLIN | EPOLLRDNORM);
	for (i = 0; i < NR_REC; i++) {
		KTEST_EXPECT_EQ(test, r[i].calls, 1);
		KTEST_EXPECT_EQ(test, r[i].mode, (unsigned int)TASK_INTERRUPTIBLE);
		KTEST_EXPECT_EQ(test, r[i].key, (__poll_t)(EPOLLIN | EPOLLRDNORM));
		remove_wait_queue(&wq, &r[i].wq);
	}
	KTEST_EXPECT_EQ(test, r[NR_REC - 1].rank, 0);	/* added at the front: newest first */
	KTEST_EXPECT_FALSE(test, wq_has_sleeper(&wq));
}

static void wake_up_counts_only_exclusive_entries_that_woke(struct ktest *test)
{
	DECLARE_WAIT_QUEUE_HEAD(wq);
	struct rec plain, ex[3];
	int order = 0, i;

	rec_init(&ex[0], &order, 0);	/* declines: not counted */
	rec_init(&ex[1], &order, 1);
	rec_init(&ex[2], &order, 1);
	for (i = 0; i < 3; i++)
		add_wait_queue_exclusive(&wq, &ex[i].wq);
	rec_init(&plain, &order, 1);
	add_wait_queue(&wq, &plain.wq);

	wake_up(&wq);
	KTEST_EXPECT_EQ(test, plain.rank, 0);	/* plain entries come before exclusive ones */
	KTEST_EXPECT_EQ(test, ex[0].calls, 1);
	KTEST_EXPECT_EQ(test, ex[1].calls, 1);
	KTEST_EXPECT_EQ(test, ex[2].calls, 0);	/* nr_exclusive 1 reached at ex[1] */
	KTEST_EXPECT_EQ(test, plain.mode, (unsigned int)TASK_NORMAL);
	KTEST_EXPECT_EQ(test, plain.key, 0U);

	wake_up_all(&wq);
	KTEST_EXPECT_EQ(test, ex[2].calls, 1);
	for (i = 0; i < 3; i++)
		remove_wait_queue(&wq, &ex[i].wq);
	remove_wait_queue(&wq, &plain.wq);
}

static void wake_function_below_zero_stops_the_walk(struct ktest *test)
{
	DECLARE_WAIT_QUEUE_HEAD(wq);
	struct rec first, stop;
	int order = 0;

	rec_init(&first, &order, 1);
	rec_init(&stop, &order, -1);
	add_wait_queue(&wq, &first.wq);
	add_wait_queue(&wq, &stop.wq);		/* front: called first */
	wake_up_all(&wq);
	KTEST_EXPECT_EQ(test, stop.calls, 1);
	KTEST_EXPECT_EQ(test, first.calls, 0);
	remove_wait_queue(&wq, &stop.wq);
	remove_wait_queue(&wq, &first.wq);
}

/* A kthread that sleeps once in @state on @wq, then reports it woke. */
struct sleeper {
	struct wait_queue_head wq;
	int state;
	atomic_t queued;
	atomic_t woke;
};

static int sleep_once(void *data)
{
	struct sleeper *s = data;
	DEFINE_WAIT(wait);

	prepare_to_wait(&s->wq, &wait, s->state);
	atomic_set(&s->queued, 1);
	schedule();
	finish_wait(&s->wq, &wait);
	atomic_set(&s->woke, 1);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static struct task_struct *start_sleeper(struct ktest *test, struct sleeper *s, int state)
{
	struct task_struct *k;

	init_waitqueue_head(&s->wq);
	s->state = state;
	atomic_set(&s->queued, 0);
	atomic_set(&s->woke, 0);
	k = kthread_run(sleep_once, s, "sleeper");
	ktest_require_kthreads(test, &k, 1);
	KTEST_ASSERT_TRUE(test, ktest_wait_for(atomic_read(&s->queued) &&
					       READ_ONCE(k->__state) == state, 2000));
	return k;
}

static void interruptible_wake_up_leaves_uninterruptible_sleepers(struct ktest *test)
{
	struct sleeper s;
	struct task_struct *k = start_sleeper(test, &s, TASK_UNINTERRUPTIBLE);

	wake_up_interruptible(&s.wq);
	msleep(20);
	KTEST_EXPECT_EQ(test, atomic_read(&s.woke), 0);
	KTEST_EXPECT_TRUE(test, waitqueue_active(&s.wq));	/* not woken: still queued */
	wake_up(&s.wq);
	KTEST_EXPECT_TRUE(test, ktest_wait_for(atomic_read(&s.woke), 2000));
	kthread_stop(k);
}

static void autoremove_takes_a_woken_sleeper_off_the_queue(struct ktest *test)
{
	struct sleeper s;
	struct task_struct *k = start_sleeper(test, &s, TASK_INTERRUPTIBLE);

	wake_up_interruptible(&s.wq);
	KTEST_EXPECT_FALSE(test, waitqueue_active(&s.wq));	/* gone before it even ran */
	KTEST_EXPECT_TRUE(test, ktest_wait_for(atomic_read(&s.woke), 2000));
	kthread_stop(k);
}

static struct ktest_case wait_cases[] = {
	KTEST_CASE(wake_up_reaches_every_plain_entry_with_its_key),
	KTEST_CASE(wake_up_counts_only_exclusive_entries_that_woke),
	KTEST_CASE(wake_function_below_zero_stops_the_walk),
	KTEST_CASE(interruptible_wake_up_leaves_uninterruptible_sleepers),
	KTEST_CASE(autoremove_takes_a_woken_sleeper_off_the_queue),
	{}
};

static struct ktest_suite wait_suite = {
	.name = "wait",
	.test_cases = wait_cases,
};
ktest_register_suite(wait_suite);
