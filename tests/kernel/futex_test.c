// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of futexes (kernel/futex/): keys, the hash of waiter queues and
 * its invariants, wake counts, requeueing, FUTEX_WAKE_OP's arithmetic in
 * user memory, the fault-in path of a wait, and the robust-list walk.
 *
 * Futex operations act on current->mm, so each case's body runs in a
 * kthread that became a user task in a new mm (run_in_mm(): begin_user_task(),
 * the body, do_exit()). Waiters are more such kthreads in the same mm
 * (as CLONE_VM threads share one), started by start_waiter(): each sleeps
 * in futex_wait() and records what it returned. A waker knows a waiter
 * is queued by counting the entries of its key on the bucket's chain
 * (queued_on()), which also checks the chains' invariants on the way.
 *
 * Keys of shared futexes are taken in two mms that map one tmpfs file at
 * different addresses: the keys must be equal and name the inode. The
 * suite pauses fault injection (its mms and mappings must come); one
 * case fails page allocations on purpose around the futex calls.
 */
#include <linux/ktest.h>
#include <linux/futex.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/shmem_fs.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/task.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/timekeeping.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <asm/processor.h>
#include <asm/uaccess.h>
#include "../../kernel/futex/futex.h"
#include "mm_test.h"

#define BASE		0x10000000UL
#define OTHER		0x20005000UL		/* a second address for one file */
#define RW		(PROT_READ | PROT_WRITE)
#define NR_WAITERS	3

/* ---- user tasks ---------------------------------------------------------------- */

struct user_run {
	struct ktest *test;
	struct mm_struct *mm;
	void (*body)(struct user_run *r);
	void *arg;
	long ret;		/* the body's result, for waiters */
};

static int user_run_thread(void *data)
{
	struct user_run *r = data;
	int err = begin_user_task(r->mm);

	if (err)
		return err;
	r->body(r);
	do_exit(0);
}

static struct task_struct *start_user(struct user_run *r)
{
	struct task_struct *k = kthread_create(user_run_thread, r, "futex-test");

	if (k)
		wake_up_process(k);
	return k;
}

static void join_user(struct task_struct *k)
{
	wait_for_completion(&k->exited);
	kthread_stop(k);
}

static struct mm_struct *new_mm(struct ktest *test)
{
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(test, mm);
	mm->mmap_base = 0x7f0000000000UL;
	mm->task_size = TASK_SIZE;
	return mm;
}

/* Run @body in a user task of @mm (NULL: a new one) and wait for it. */
static void run_in_mm(struct ktest *test, struct mm_struct *mm, void (*body)(struct user_run *),
		      void *arg)
{
	struct user_run r = { .test = test, .mm = mm ?: new_mm(test), .body = body, .arg = arg };
	struct task_struct *k = start_user(&r);

	KTEST_ASSERT_NOT_NULL(test, k);
	join_user(k);
	if (!mm)
		mmput(r.mm);
}

/* A fixed mapping of @len bytes at @addr in current's mm: anonymous private, or @file shared. */
static bool map_at(struct ktest *test, unsigned long addr, unsigned long len, struct file *file)
{
	unsigned long ret = vm_mmap(file, addr, len, RW,
				    (file ? MAP_SHARED : MAP_PRIVATE | MAP_ANONYMOUS) | MAP_FIXED, 0);

	KTEST_EXPECT_EQ(test, ret, addr);
	return ret == addr;
}

/* ---- queue invariants -------------------------------------------------------- */

/*
 * Waiters of @key on its bucket, checking every futex_q of the bucket on
 * the way: its lock_ptr is this bucket's lock, its key hashes here, and
 * the bucket counts at least as many waiters as its chain holds.
 */
static int queued_on(struct ktest *test, const union futex_key *key)
{
	struct futex_hash_bucket *hb = futex_hash(key);
	struct futex_q *q;
	int on_chain = 0, matching = 0;

	spin_lock(&hb->lock);
	list_for_each_entry(q, &hb->chain, list) {
		KTEST_EXPECT_PTR_EQ(test, q->lock_ptr, &hb->lock);
		KTEST_EXPECT_PTR_EQ(test, futex_hash(&q->key), hb);
		on_chain++;
		matching += futex_match(&q->key, key);
	}
	KTEST_EXPECT_GE(test, atomic_read(&hb->waiters), on_chain);
	spin_unlock(&hb->lock);
	return matching;
}

/* Every bucket's chain and count agree (no waiter left behind by a case). */
static void expect_all_queues_empty(struct ktest *test)
{
	unsigned long i, busy = 0;

	for (i = 0; i < futex_hashsize; i++) {
		struct futex_hash_bucket *hb = &futex_queues[i];

		spin_lock(&hb->lock);
		busy += !list_empty(&hb->chain) || atomic_read(&hb->waiters);
		spin_unlock(&hb->lock);
	}
	KTEST_EXPECT_EQ(test, busy, 0UL);
}

/* ---- keys ------------------------------------------------------------------------ */

static void private_key_is_the_mm_and_the_page_address(struct ktest *test)
{
	struct mm_struct *a = (struct mm_struct *)0x1000, *b = (struct mm_struct *)0x2000;
	union futex_key k1, k2;

	KTEST_ASSERT_EQ(test, futex_key_of(a, BASE + 0x124, 0, &k1, FUTEX_READ), 0);
	KTEST_EXPECT_PTR_EQ(test, k1.private.mm, a);
	KTEST_EXPECT_EQ(test, k1.private.address, BASE);
	KTEST_EXPECT_EQ(test, k1.private.offset, 0x124U);
	KTEST_ASSERT_EQ(test, futex_key_of(b, BASE + 0x124, 0, &k2, FUTEX_READ), 0);
	KTEST_EXPECT_FALSE(test, futex_match(&k1, &k2));
	KTEST_ASSERT_EQ(test, futex_key_of(a, BASE + 0x128, 0, &k2, FUTEX_READ), 0);
	KTEST_EXPECT_FALSE(test, futex_match(&k1, &k2));
	KTEST_ASSERT_EQ(test, futex_key_of(a, BASE + 0x124, 0, &k2, FUTEX_WRITE), 0);
	KTEST_EXPECT_TRUE(test, futex_match(&k1, &k2));
	KTEST_EXPECT_EQ(test, futex_key_of(a, BASE + 2, 0, &k2, FUTEX_READ), -EINVAL);
	KTEST_EXPECT_EQ(test, futex_key_of(a, TASK_SIZE_MAX, 0, &k2, FUTEX_READ), -EFAULT);
	KTEST_EXPECT_EQ(test, futex_key_of(a, -4096UL, FLAGS_SHARED, &k2, FUTEX_READ), -EFAULT);
}

struct key_case {
	struct file *file;
	unsigned long addr;
	union futex_key key;
	int err;
};

/* Map the case's file at its address and take the shared key of its word 8. */
static void shared_key_body(struct user_run *r)
{
	struct key_case *kc = r->arg;

	if (!map_at(r->test, kc->addr, PAGE_SIZE, kc->file))
		return;
	kc->err = get_futex_key((u32 __user *)(kc->addr + 8), FLAGS_SHARED, &kc->key,
				FUTEX_READ);
}

static void shared_key_is_the_inode_and_page_in_every_mm(struct ktest *test)
{
	struct file *file = shmem_file_setup("futex", 2 * PAGE_SIZE, 0);
	struct key_case a = { .addr = BASE }, b = { .addr = OTHER };

	KTEST_ASSERT_FALSE(test, IS_ERR(file));
	a.file = b.file = file;
	run_in_mm(test, NULL, shared_key_body, &a);
	run_in_mm(test, NULL, shared_key_body, &b);
	KTEST_EXPECT_EQ(test, a.err, 0);
	KTEST_EXPECT_EQ(test, b.err, 0);
	KTEST_EXPECT_TRUE(test, futex_match(&a.key, &b.key));
	KTEST_EXPECT_EQ(test, a.key.both.offset, 8U | FUT_OFF_INODE);
	KTEST_EXPECT_EQ(test, a.key.shared.pgoff, 0UL);
	KTEST_EXPECT_EQ(test, a.key.shared.i_seq,
			(u64)atomic_long_read(&file->f_inode->i_sequence));
	KTEST_EXPECT_NE(test, a.key.shared.i_seq, 0ULL);
	fput(file);
}

/* An anonymous page: (mm, address) marked shared, unlike the private key; a hole: -EFAULT. */
static void anon_keys_body(struct user_run *r)
{
	struct ktest *test = r->test;
	union futex_key shared, private;

	if (!map_at(test, BASE, PAGE_SIZE, NULL))
		return;
	KTEST_EXPECT_EQ(test, get_futex_key((u32 __user *)BASE, FLAGS_SHARED, &shared,
					    FUTEX_READ), 0);
	KTEST_EXPECT_EQ(test, get_futex_key((u32 __user *)BASE, 0, &private, FUTEX_READ), 0);
	KTEST_EXPECT_PTR_EQ(test, shared.private.mm, current->mm);
	KTEST_EXPECT_EQ(test, shared.private.address, BASE);
	KTEST_EXPECT_EQ(test, shared.both.offset, (unsigned int)FUT_OFF_MMSHARED);
	KTEST_EXPECT_FALSE(test, futex_match(&shared, &private));
	KTEST_EXPECT_EQ(test, get_futex_key((u32 __user *)(BASE + PAGE_SIZE), FLAGS_SHARED,
					    &shared, FUTEX_READ), -EFAULT);
}

static void shared_key_of_an_anonymous_page_is_its_mm_and_address(struct ktest *test)
{
	run_in_mm(test, NULL, anon_keys_body, NULL);
}

/* ---- waiting and waking ------------------------------------------------------- */

struct waiters {
	struct user_run run[NR_WAITERS];
	struct task_struct *task[NR_WAITERS];
	u32 __user *uaddr;
	u32 val;
	u32 bitset;
};

static void waiter_body(struct user_run *r)
{
	struct waiters *w = r->arg;

	r->ret = futex_wait(w->uaddr, 0, w->val, NULL, w->bitset);
}

/* Start @n waiters on @w->uaddr in current's mm. */
static void start_waiters(struct ktest *test, struct waiters *w, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		w->run[i] = (struct user_run){ .test = test, .mm = current->mm, .body = waiter_body,
					       .arg = w, .ret = 1 };
		w->task[i] = start_user(&w->run[i]);
		KTEST_EXPECT_NOT_NULL(test, w->task[i]);
	}
}

/* Wait until @n waiters of @key are queued. */
static bool wait_queued(struct ktest *test, const union futex_key *key, int n)
{
	return ktest_wait_for(queued_on(test, key) == n, 5000);
}

/* Join the waiters; how many returned 0 (woken). */
static int join_waiters(struct waiters *w, int n)
{
	int i, woken = 0;

	for (i = 0; i < n; i++) {
		if (!w->task[i])
			continue;
		join_user(w->task[i]);
		woken += w->run[i].ret == 0;
	}
	return woken;
}

static void wake_counts_body(struct user_run *r)
{
	struct ktest *test = r->test;
	struct waiters w = { .uaddr = (u32 __user *)(BASE + 64), .val = 7,
			     .bitset = FUTEX_BITSET_MATCH_ANY };
	union futex_key key;

	if (!map_at(test, BASE, PAGE_SIZE, NULL) || put_user(7, w.uaddr))
		return;
	KTEST_EXPECT_EQ(test, futex_wake(w.uaddr, 0, 1, FUTEX_BITSET_MATCH_ANY), 0);
	KTEST_EXPECT_EQ(test, get_futex_key(w.uaddr, 0, &key, FUTEX_READ), 0);
	start_waiters(test, &w, NR_WAITERS);
	KTEST_EXPECT_TRUE(test, wait_queued(test, &key, NR_WAITERS));
	KTEST_EXPECT_EQ(test, futex_wake(w.uaddr, 0, 1, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, futex_wake(w.uaddr, 0, 1, FUTEX_BITSET_MATCH_ANY), 1);
	KTEST_EXPECT_EQ(test, queued_on(test, &key), NR_WAITERS - 1);
	KTEST_EXPECT_EQ(test, futex_wake(w.uaddr, 0, 0, FUTEX_BITSET_MATCH_ANY), 1);
	KTEST_EXPECT_EQ(test, futex_wake(w.uaddr, 0, 100, FUTEX_BITSET_MATCH_ANY),
			NR_WAITERS - 2);
	KTEST_EXPECT_EQ(test, queued_on(test, &key), 0);
	KTEST_EXPECT_EQ(test, join_waiters(&w, NR_WAITERS), NR_WAITERS);
}

static void wake_counts_and_queue_invariants(struct ktest *test)
{
	run_in_mm(test, NULL, wake_counts_body, NULL);
	expect_all_queues_empty(test);
}

static void bitset_body(struct user_run *r)
{
	struct ktest *test = r->test;
	struct waiters w = { .uaddr = (u32 __user *)BASE, .val = 0, .bitset = 0x5 };
	union futex_key key;

	if (!map_at(test, BASE, PAGE_SIZE, NULL))
		return;
	KTEST_EXPECT_EQ(test, get_futex_key(w.uaddr, 0, &key, FUTEX_READ), 0);
	start_waiters(test, &w, 1);
	KTEST_EXPECT_TRUE(test, wait_queued(test, &key, 1));
	KTEST_EXPECT_EQ(test, futex_wake(w.uaddr, 0, 1, 0x2), 0);
	KTEST_EXPECT_EQ(test, futex_wake(w.uaddr, 0, 1, 0x4), 1);
	KTEST_EXPECT_EQ(test, join_waiters(&w, 1), 1);
}

static void wake_bitset_wakes_only_waiters_it_meets(struct ktest *test)
{
	run_in_mm(test, NULL, bitset_body, NULL);
	expect_all_queues_empty(test);
}

static void requeue_body(struct user_run *r)
{
	struct ktest *test = r->test;
	struct waiters w = { .uaddr = (u32 __user *)BASE, .val = 3,
			     .bitset = FUTEX_BITSET_MATCH_ANY };
	u32 __user *uaddr2 = (u32 __user *)(BASE + 2048);
	union futex_key key1, key2;
	u32 cmp = 3, wrong = 4;

	if (!map_at(test, BASE, PAGE_SIZE, NULL) || put_user(3, w.uaddr))
		return;
	KTEST_EXPECT_EQ(test, get_futex_key(w.uaddr, 0, &key1, FUTEX_READ), 0);
	KTEST_EXPECT_EQ(test, get_futex_key(uaddr2, 0, &key2, FUTEX_READ), 0);
	start_waiters(test, &w, NR_WAITERS);
	KTEST_EXPECT_TRUE(test, wait_queued(test, &key1, NR_WAITERS));
	KTEST_EXPECT_EQ(test, futex_requeue(w.uaddr, 0, uaddr2, 1, 1, &wrong), -EAGAIN);
	KTEST_EXPECT_EQ(test, futex_requeue(w.uaddr, 0, uaddr2, -1, 1, NULL), -EINVAL);
	/* one woken, one moved, one left */
	KTEST_EXPECT_EQ(test, futex_requeue(w.uaddr, 0, uaddr2, 1, 1, &cmp), 2);
	KTEST_EXPECT_EQ(test, queued_on(test, &key1), 1);
	KTEST_EXPECT_EQ(test, queued_on(test, &key2), 1);
	/* the last one moved without a wake */
	KTEST_EXPECT_EQ(test, futex_requeue(w.uaddr, 0, uaddr2, 0, 5, NULL), 1);
	KTEST_EXPECT_EQ(test, queued_on(test, &key1), 0);
	KTEST_EXPECT_EQ(test, queued_on(test, &key2), 2);
	KTEST_EXPECT_EQ(test, futex_wake(w.uaddr, 0, 5, FUTEX_BITSET_MATCH_ANY), 0);
	KTEST_EXPECT_EQ(test, futex_wake(uaddr2, 0, 5, FUTEX_BITSET_MATCH_ANY), 2);
	KTEST_EXPECT_EQ(test, join_waiters(&w, NR_WAITERS), NR_WAITERS);
}

static void requeue_moves_waiters_to_the_second_futex(struct ktest *test)
{
	run_in_mm(test, NULL, requeue_body, NULL);
	expect_all_queues_empty(test);
}

/* ---- FUTEX_WAKE_OP ------------------------------------------------------------- */

struct wake_op_step {
	u32 before, op;
	int ret;
	u32 after;
};

static void wake_op_body(struct user_run *r)
{
	static const struct wake_op_step steps[] = {
		{ 5, FUTEX_OP(FUTEX_OP_ADD, 3, FUTEX_OP_CMP_EQ, 5), 0, 8 },
		{ 0xff, FUTEX_OP(FUTEX_OP_ANDN, 0xf, FUTEX_OP_CMP_GT, 0), 0, 0xf0 },
		{ 1, FUTEX_OP(FUTEX_OP_XOR | FUTEX_OP_OPARG_SHIFT, 3, FUTEX_OP_CMP_LT, 0), 0, 9 },
		{ 5, FUTEX_OP(FUTEX_OP_SET, 1, 9, 0), -ENOSYS, 1 },
		{ 5, FUTEX_OP(6, 1, FUTEX_OP_CMP_EQ, 0), -ENOSYS, 5 },
	};
	struct ktest *test = r->test;
	u32 __user *uaddr1 = (u32 __user *)BASE;
	u32 __user *uaddr2 = (u32 __user *)(BASE + PAGE_SIZE + 12);
	unsigned int i;
	u32 val;

	/* The second page is never touched first: the locked update faults, the retry maps it. */
	if (!map_at(test, BASE, 2 * PAGE_SIZE, NULL))
		return;
	for (i = 0; i < ARRAY_SIZE(steps); i++) {
		if (i)
			KTEST_EXPECT_EQ(test, put_user(steps[i].before, uaddr2), 0);
		else
			KTEST_EXPECT_EQ(test, futex_wake_op(uaddr1, 0, uaddr2, 1, 1,
				FUTEX_OP(FUTEX_OP_SET, 5, FUTEX_OP_CMP_EQ, 0)), 0);
		KTEST_EXPECT_EQ(test, futex_wake_op(uaddr1, 0, uaddr2, 1, 1, steps[i].op),
				steps[i].ret);
		KTEST_EXPECT_EQ(test, get_user(val, uaddr2), 0);
		KTEST_EXPECT_EQ(test, val, steps[i].after);
	}
	KTEST_EXPECT_EQ(test, futex_wake_op(uaddr1, 0, (u32 __user *)(BASE + 4 * PAGE_SIZE), 1, 1,
					    steps[0].op), -EFAULT);
}

static void wake_op_updates_user_memory_atomically(struct ktest *test)
{
	run_in_mm(test, NULL, wake_op_body, NULL);
}

/* ---- the wait's fault path and timeouts --------------------------------------- */

static void wait_fault_body(struct user_run *r)
{
	struct ktest *test = r->test;
	u32 __user *uaddr = (u32 __user *)(BASE + 40);
	s64 past = ktime_get(), soon;

	if (!map_at(test, BASE, PAGE_SIZE, NULL))
		return;
	/* Not faulted in: the read under the bucket lock fails, the retry maps it. */
	KTEST_EXPECT_EQ(test, futex_wait(uaddr, 0, 1, &past, FUTEX_BITSET_MATCH_ANY), -EAGAIN);
	KTEST_EXPECT_EQ(test, futex_wait(uaddr, 0, 0, &past, FUTEX_BITSET_MATCH_ANY), -ETIMEDOUT);
	soon = ktime_get() + NSEC_PER_SEC / 50;	/* 20 ms */
	KTEST_EXPECT_EQ(test, futex_wait(uaddr, 0, 0, &soon, FUTEX_BITSET_MATCH_ANY), -ETIMEDOUT);
	KTEST_EXPECT_GE(test, (s64)ktime_get(), soon);
	KTEST_EXPECT_EQ(test, futex_wait(uaddr, 0, 0, NULL, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, futex_wait((u32 __user *)(BASE + PAGE_SIZE), 0, 0, NULL,
					 FUTEX_BITSET_MATCH_ANY), -EFAULT);
}

static void wait_faults_the_word_in_and_times_out(struct ktest *test)
{
	run_in_mm(test, NULL, wait_fault_body, NULL);
	expect_all_queues_empty(test);
}

/* ---- robust lists --------------------------------------------------------------- */

/* User memory at BASE: the head, then three mutexes (node, word) 16 bytes apart. */
#define HEAD		((struct robust_list_head __user *)BASE)
#define NODE(i)		((struct robust_list __user *)(BASE + 64 + 16 * (i)))
#define WORD(i)		((u32 __user *)(BASE + 64 + 16 * (i) + 8))

static void put_list(struct ktest *test, struct robust_list __user *first, long offset,
		     struct robust_list __user *pending)
{
	KTEST_EXPECT_EQ(test, put_user(first, &HEAD->list.next), 0);
	KTEST_EXPECT_EQ(test, put_user(offset, &HEAD->futex_offset), 0);
	KTEST_EXPECT_EQ(test, put_user(pending, &HEAD->list_op_pending), 0);
}

static void robust_body(struct user_run *r)
{
	struct ktest *test = r->test;
	u32 tid = current->pid, val;

	if (!map_at(test, BASE, PAGE_SIZE, NULL))
		return;
	current->robust_list = HEAD;
	/* Three locks: held, held by another, held (pending, last); the list ends at the head. */
	put_list(test, NODE(0), 8, NODE(2));
	KTEST_EXPECT_EQ(test, put_user(NODE(1), &NODE(0)->next), 0);
	KTEST_EXPECT_EQ(test, put_user(NODE(2), &NODE(1)->next), 0);
	KTEST_EXPECT_EQ(test, put_user(&HEAD->list, &NODE(2)->next), 0);
	KTEST_EXPECT_EQ(test, put_user(tid | FUTEX_WAITERS, WORD(0)), 0);
	KTEST_EXPECT_EQ(test, put_user(tid + 1, WORD(1)), 0);
	KTEST_EXPECT_EQ(test, put_user(tid, WORD(2)), 0);
	KTEST_EXPECT_EQ(test, futex_robust_list_walk(current), 3U);
	KTEST_EXPECT_EQ(test, get_user(val, WORD(0)), 0);
	KTEST_EXPECT_EQ(test, val, FUTEX_WAITERS | FUTEX_OWNER_DIED);
	KTEST_EXPECT_EQ(test, get_user(val, WORD(1)), 0);
	KTEST_EXPECT_EQ(test, val, tid + 1);
	KTEST_EXPECT_EQ(test, get_user(val, WORD(2)), 0);
	KTEST_EXPECT_EQ(test, val, (u32)FUTEX_OWNER_DIED);

	/* A list that loops on itself: the walk stops at ROBUST_LIST_LIMIT. */
	put_list(test, NODE(0), 8, NULL);
	KTEST_EXPECT_EQ(test, put_user(NODE(0), &NODE(0)->next), 0);
	KTEST_EXPECT_EQ(test, futex_robust_list_walk(current), (unsigned int)ROBUST_LIST_LIMIT);

	/*
	 * A next pointer into nowhere: that entry is tried (its word cannot be
	 * read) and its own next cannot be, so the walk ends; a head into
	 * nowhere ends it at once.
	 */
	KTEST_EXPECT_EQ(test, put_user((void __user *)(BASE + 8 * PAGE_SIZE), &NODE(0)->next), 0);
	KTEST_EXPECT_EQ(test, futex_robust_list_walk(current), 2U);
	current->robust_list = (struct robust_list_head __user *)(BASE + 8 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, futex_robust_list_walk(current), 0U);

	/* Exit walks it once and forgets it. */
	current->robust_list = HEAD;
	futex_exit_release(current);
	KTEST_EXPECT_NULL(test, current->robust_list);
}

static void robust_list_walk_marks_owned_locks_and_ends_on_bad_lists(struct ktest *test)
{
	run_in_mm(test, NULL, robust_body, NULL);
}

/* ---- out of memory --------------------------------------------------------------- */

/*
 * With every page allocation failing, the key of a shared futex on a page
 * not yet faulted in cannot be had: -ENOMEM from GUP, passed on by the
 * operations, nothing queued; the page is then faulted in and it works.
 */
static void nomem_body(struct user_run *r)
{
	struct ktest *test = r->test;
	struct fail_page_alloc_attr saved = fail_page_alloc;
	bool was_enabled = fail_page_alloc_enabled;
	u32 __user *uaddr = (u32 __user *)(BASE + PAGE_SIZE);
	union futex_key key;
	int key_err, wake_err, wait_err;
	s64 past = ktime_get();

	if (!map_at(test, BASE, 2 * PAGE_SIZE, NULL) || put_user(0, (u32 __user *)BASE))
		return;		/* the page tables exist */
	fail_pages_always(0, 0);
	key_err = get_futex_key(uaddr, FLAGS_SHARED, &key, FUTEX_READ);
	wake_err = futex_wake(uaddr, FLAGS_SHARED, 1, FUTEX_BITSET_MATCH_ANY);
	wait_err = futex_wait(uaddr, FLAGS_SHARED, 0, &past, FUTEX_BITSET_MATCH_ANY);
	fail_page_alloc = saved;
	fail_page_alloc_enabled = was_enabled;
	KTEST_EXPECT_EQ(test, key_err, -ENOMEM);
	KTEST_EXPECT_EQ(test, wake_err, -ENOMEM);
	KTEST_EXPECT_EQ(test, wait_err, -ENOMEM);
	KTEST_EXPECT_EQ(test, futex_wait(uaddr, FLAGS_SHARED, 0, &past, FUTEX_BITSET_MATCH_ANY),
			-ETIMEDOUT);
}

static void shared_key_without_memory_is_enomem_and_queues_nothing(struct ktest *test)
{
	run_in_mm(test, NULL, nomem_body, NULL);
	expect_all_queues_empty(test);
}

static struct ktest_case futex_cases[] = {
	KTEST_CASE(private_key_is_the_mm_and_the_page_address),
	KTEST_CASE(shared_key_is_the_inode_and_page_in_every_mm),
	KTEST_CASE(shared_key_of_an_anonymous_page_is_its_mm_and_address),
	KTEST_CASE(wake_counts_and_queue_invariants),
	KTEST_CASE(wake_bitset_wakes_only_waiters_it_meets),
	KTEST_CASE(requeue_moves_waiters_to_the_second_futex),
	KTEST_CASE(wake_op_updates_user_memory_atomically),
	KTEST_CASE(wait_faults_the_word_in_and_times_out),
	KTEST_CASE(robust_list_walk_marks_owned_locks_and_ends_on_bad_lists),
	KTEST_CASE(shared_key_without_memory_is_enomem_and_queues_nothing),
	{}
};

static struct ktest_suite futex_suite = {
	.name = "futex",
	.init = ktest_pause_fault_injection,	/* the cases' mms and mappings must come */
	.exit = ktest_resume_fault_injection,
	.test_cases = futex_cases,
};
ktest_register_suite(futex_suite);
