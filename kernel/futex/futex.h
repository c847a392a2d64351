/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the files of kernel/futex/ share and nothing else may call: keys,
 * the hash of waiter queues, the queue operations, the FUTEX_WAKE_OP
 * decoder, and the operations behind futex(2).
 *
 *   futex_queues[]          one futex_hash_bucket per hash of a key
 *     bucket.lock           protects the chain and every futex_q on it
 *     bucket.chain -> futex_q -> futex_q ...   (FIFO: wakes in arrival order)
 *     bucket.waiters        waiters queued or about to queue: a waker that
 *                           reads 0 takes no lock (the no-waiter fast path)
 *
 * A waiter's futex_q lives on its own kernel stack for the length of the
 * wait. lock_ptr points to its bucket's lock while it is queued; a waker
 * unlinks it under that lock, then stores NULL with release semantics as
 * the last touch of the futex_q, and wakes the task through a reference
 * it took before: once the waiter reads NULL (acquire) it may return and
 * the futex_q is gone. A requeue moves a futex_q to another bucket under
 * both locks and changes lock_ptr, so a waiter leaving on its own
 * (futex_unqueue()) locks *lock_ptr and checks it did not change meanwhile.
 *
 * Lock order: two buckets are taken lowest address first (double_lock_hb());
 * mmap_lock (key lookup of shared futexes) is never held with a bucket lock.
 */
#ifndef _KERNEL_FUTEX_FUTEX_H
#define _KERNEL_FUTEX_FUTEX_H

#include <linux/futex.h>
#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/atomic.h>
#include <linux/hash.h>
#include <asm/barrier.h>

struct mm_struct;
struct task_struct;

/* do_futex()'s flags, from op: Linux's FLAGS_*. */
#define FLAGS_SHARED		0x01	/* no FUTEX_PRIVATE_FLAG: key by the backing page */
#define FLAGS_CLOCKRT		0x02	/* the timeout is CLOCK_REALTIME's */

/* key.both.offset's low bits beside the offset in the page (a u32 is 4-aligned). */
#define FUT_OFF_INODE		1	/* shared.i_seq and pgoff: a file or shmem page */
#define FUT_OFF_MMSHARED	2	/* private.mm and address, of a shared futex */

/*
 * union futex_key - what a futex word is, for matching waiters with wakers
 *
 * private: a FUTEX_PRIVATE_FLAG futex, or a shared one on an anonymous
 *          page (only this mm, or its forks' copies before COW, reach it):
 *          (mm, page address); offset has FUT_OFF_MMSHARED when shared.
 * shared:  a page of a file or of shmem (MAP_SHARED anonymous memory,
 *          memfd): (the inode's sequence number, page index), FUT_OFF_INODE.
 * both:    the three words, to hash and compare a key of either kind.
 * The low bits of offset are the word's offset in its page.
 */
union futex_key {
	struct {
		u64 i_seq;
		unsigned long pgoff;
		unsigned int offset;
	} shared;
	struct {
		struct mm_struct *mm;
		unsigned long address;
		unsigned int offset;
	} private;
	struct {
		u64 ptr;
		unsigned long word;
		unsigned int offset;
	} both;
};

enum futex_access {
	FUTEX_READ,
	FUTEX_WRITE
};

/* One hash chain: see the top of this file. */
struct futex_hash_bucket {
	atomic_t waiters;
	spinlock_t lock;
	struct list_head chain;
};

/*
 * struct futex_q - one waiting task, on its stack (see the top)
 * @list:     on the bucket's chain (lock_ptr's lock)
 * @task:     the waiter
 * @lock_ptr: its bucket's lock while queued; NULL once a waker took it off
 * @key:      the futex it waits on (changed by a requeue, under both locks)
 * @bitset:   FUTEX_WAIT_BITSET's mask: wakes whose bitset meets it wake it
 */
struct futex_q {
	struct list_head list;
	struct task_struct *task;
	spinlock_t *lock_ptr;
	union futex_key key;
	u32 bitset;
};

/* ---- core.c ---------------------------------------------------------------- */

/*
 * futex_key_of - the key of the word at @address in @mm (get_futex_key()
 * for another mm than current's; the kernel tests use it).
 * @flags: FLAGS_SHARED or not. @rw: FUTEX_WRITE when the operation will
 * write the word (a shared key then needs a writable page).
 * Return: 0, -EINVAL (not 4-aligned), -EFAULT (not user memory, unmapped,
 * or a read-only anonymous page for FUTEX_WRITE).
 * Context: process, may sleep (takes mmap_lock of @mm for a shared key).
 */
int futex_key_of(struct mm_struct *mm, unsigned long address, unsigned int flags,
		 union futex_key *key, enum futex_access rw);

/* get_futex_key - futex_key_of() of current->mm, as Linux's. */
int get_futex_key(u32 __user *uaddr, unsigned int flags, union futex_key *key,
		  enum futex_access rw);

static inline bool futex_match(const union futex_key *a, const union futex_key *b)
{
	return a->both.word == b->both.word && a->both.ptr == b->both.ptr &&
	       a->both.offset == b->both.offset;
}

/* The buckets (futex_init()): futex_hashsize = 1 << futex_hash_bits of them. */
extern struct futex_hash_bucket *futex_queues;
extern unsigned long futex_hashsize;
extern unsigned int futex_hash_bits;

/* futex_hash - the bucket of @key (inline: FUTEX_WAKE without waiters is this and a read). */
static inline struct futex_hash_bucket *futex_hash(const union futex_key *key)
{
	u64 h = key->both.ptr * GOLDEN_RATIO_64 + key->both.word + key->both.offset;

	return &futex_queues[hash_64(h, futex_hash_bits)];
}

/*
 * futex_q_lock - count a waiter in @q's bucket and take its lock (the
 * count first: see futex_hb_waiters_pending()). Return: the bucket.
 */
struct futex_hash_bucket *futex_q_lock(struct futex_q *q);
/* futex_q_unlock - undo futex_q_lock() for a waiter that does not queue. */
void futex_q_unlock(struct futex_hash_bucket *hb);
/* futex_queue - put @q on @hb's chain and drop the lock futex_q_lock() took. */
void futex_queue(struct futex_q *q, struct futex_hash_bucket *hb);
/*
 * futex_unqueue - take @q off its chain if a waker did not.
 * Return: 1 if it was still queued (the wait ended otherwise), 0 if woken.
 */
int futex_unqueue(struct futex_q *q);
/* futex_wake_mark - wake @q's task and unqueue it: its bucket's lock held. */
void futex_wake_mark(struct futex_q *q);
/* requeue_futex - move @q from @hb1 to @hb2 with @key2: both locks held. */
void requeue_futex(struct futex_q *q, struct futex_hash_bucket *hb1,
		   struct futex_hash_bucket *hb2, const union futex_key *key2);

/*
 * futex_hb_waiters_pending - may @hb have waiters? Full barrier first: a
 * waker that changed the word and then reads 0 here knows any waiter to
 * come will read the new word (it counted itself before reading it).
 */
static inline bool futex_hb_waiters_pending(struct futex_hash_bucket *hb)
{
	smp_mb();
	return atomic_read(&hb->waiters);
}

/* Take two buckets' locks, lowest address first (one lock if they are the same). */
void double_lock_hb(struct futex_hash_bucket *hb1, struct futex_hash_bucket *hb2);
void double_unlock_hb(struct futex_hash_bucket *hb1, struct futex_hash_bucket *hb2);

/*
 * futex_get_value_locked - read the word with a bucket lock held: a
 * missing page is not faulted in (a spinlock holder is atomic), so
 * -EFAULT may only mean "fault it in and retry". Return: 0 or -EFAULT.
 */
int futex_get_value_locked(u32 *dest, u32 __user *from);
/* fault_in_user_writeable - fault the word's page in for writing. Return: 0 or -EFAULT. */
int fault_in_user_writeable(u32 __user *uaddr);

/*
 * futex_robust_list_walk - Linux's exit_robust_list(): handle the death of
 * @tsk (current) for each lock on its robust list: at most
 * ROBUST_LIST_LIMIT entries, then the pending one. Return: the entries
 * visited. Context: process, may sleep.
 */
unsigned int futex_robust_list_walk(struct task_struct *tsk);

/* ---- op.c (pure, host-tested) ---------------------------------------------- */

/* FUTEX_WAKE_OP's val3, decoded. */
struct futex_op {
	unsigned int op;	/* FUTEX_OP_SET .. XOR, or a bad one */
	unsigned int cmp;	/* FUTEX_OP_CMP_EQ .. GE, or a bad one */
	u32 oparg;		/* the operand, 1 << n done for FUTEX_OP_OPARG_SHIFT */
	int cmparg;		/* sign-extended 12 bits */
};

/*
 * futex_op_decode - split FUTEX_WAKE_OP's @encoded into @fop: the 12-bit
 * arguments sign-extended; with FUTEX_OP_OPARG_SHIFT the operand is
 * 1 << (oparg modulo 32). Return: 0, or -ENOSYS for an op that is not one.
 */
int futex_op_decode(u32 encoded, struct futex_op *fop);
/* futex_op_apply - @oldval OP oparg, for a @fop futex_op_decode() accepted. */
u32 futex_op_apply(const struct futex_op *fop, u32 oldval);
/* futex_op_cmp - (int)@oldval CMP cmparg. Return: 1, 0, or -ENOSYS for a bad cmp. */
int futex_op_cmp(const struct futex_op *fop, u32 oldval);

/* ---- the operations (waitwake.c, requeue.c) --------------------------------- */

int futex_wait(u32 __user *uaddr, unsigned int flags, u32 val, s64 *abs_time, u32 bitset);
int futex_wake(u32 __user *uaddr, unsigned int flags, int nr_wake, u32 bitset);
int futex_wake_op(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2,
		  int nr_wake, int nr_wake2, u32 op);
int futex_requeue(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2,
		  int nr_wake, int nr_requeue, u32 *cmpval);

#endif /* _KERNEL_FUTEX_FUTEX_H */
