// SPDX-License-Identifier: GPL-2.0
/*
 * The core of futexes (Linux's kernel/futex/core.c): the hash table of
 * waiter queues, keys, queueing and unqueueing, and the robust-list walk
 * at exit and exec. The data structures and their locking are drawn in
 * futex.h; the operations are in waitwake.c and requeue.c, futex(2) and
 * the robust-list calls in syscalls.c.
 *
 * Keys (futex_key_of(), Linux 6.1's get_futex_key()):
 *   FUTEX_PRIVATE_FLAG              (mm, address): no page is looked at
 *   shared, an anonymous page       (mm, address) | FUT_OFF_MMSHARED: only
 *                                   this mm maps it (a MAP_PRIVATE page a
 *                                   fork shares is broken out of COW
 *                                   first: the page is asked for with
 *                                   FOLL_WRITE, read-only only if that fails)
 *   shared, a file or shmem page    (inode sequence, page index) |
 *                                   FUT_OFF_INODE: every mapping of the
 *                                   page meets, at any address, in any mm
 *                                   (MAP_SHARED anonymous memory and memfds
 *                                   are shmem files)
 * An inode's sequence number (inode->i_sequence) is given on first use
 * from a 64-bit counter and never reused, so a key never outlives its
 * inode by matching a later one at the same address: a waiter holds no
 * reference to the inode or the mm.
 *
 * The wait/wake race. A waiter must not sleep after the word changed and
 * the waker looked for it. The waiter counts itself in the bucket
 * (futex_q_lock(): waiters++, full barrier), takes the bucket lock, reads
 * the word, and queues itself before the lock is dropped; a waker stores
 * the new word in user space, then (futex_hb_waiters_pending(): barrier,
 * read waiters) takes the lock if the count is not 0. Either the waker
 * sees the count, and then the lock orders it after the queueing, or the
 * waiter's read comes after the store and sees the new word (-EAGAIN).
 * The word is read under the spinlock, where a page fault cannot be
 * served (in_atomic(): the fault handler goes straight to the exception
 * fixup), so a missing page gives -EFAULT there; the waiter then drops
 * the lock, faults the page in with get_user() and starts again.
 */
#include <linux/futex.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/rmap.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/cpumask.h>
#include <linux/bitops.h>
#include <linux/panic.h>
#include <linux/mmdebug.h>
#include <linux/errno.h>
#include <asm/uaccess.h>
#include <asm/futex.h>
#include "futex.h"

struct futex_hash_bucket *futex_queues;
unsigned long futex_hashsize;
unsigned int futex_hash_bits;

/* ---- keys -------------------------------------------------------------------- */

/* @inode's futex sequence number, given on first use (see the top). */
static u64 get_inode_sequence_number(struct inode *inode)
{
	static atomic_long_t i_seq;
	long old = atomic_long_read(&inode->i_sequence);
	long new;

	if (likely(old))
		return old;
	new = atomic_long_add_return(1, &i_seq);
	old = cmpxchg(&inode->i_sequence.counter, 0L, new);
	return old ? old : new;
}

/*
 * The page backing @address in @mm, referenced, and whether only a
 * read-only one could be had. mmap_lock of @mm held.
 */
static int futex_get_page(struct mm_struct *mm, unsigned long address, enum futex_access rw,
			  struct page **page, bool *ro)
{
	long ret = get_user_pages_remote(mm, address, 1, FOLL_WRITE, page, NULL, NULL);

	*ro = false;
	if (ret == -EFAULT && rw == FUTEX_READ) {
		ret = get_user_pages_remote(mm, address, 1, 0, page, NULL, NULL);
		*ro = true;
	}
	if (ret < 0)
		return ret;
	return ret == 1 ? 0 : -EFAULT;
}

/* The shared key of the page at @address (page-aligned) in @mm. */
static int futex_shared_key(struct mm_struct *mm, unsigned long address, union futex_key *key,
			    enum futex_access rw)
{
	struct page *page;
	struct folio *folio;
	bool ro;
	int ret;

	if (!mm)
		return -EFAULT;
	mmap_read_lock(mm);
	ret = futex_get_page(mm, address, rw, &page, &ro);
	if (ret)
		goto out;
	folio = page_folio(page);
	if (folio_test_anon(folio)) {
		/* A read-only anonymous page (the zero page's kin): nothing can wake on it. */
		if (ro) {
			ret = -EFAULT;
			goto put;
		}
		key->both.offset |= FUT_OFF_MMSHARED;
		key->private.mm = mm;
		key->private.address = address;
	} else if (folio->mapping && folio->mapping->host) {
		key->both.offset |= FUT_OFF_INODE;
		key->shared.i_seq = get_inode_sequence_number(folio->mapping->host);
		key->shared.pgoff = folio->index + (page - folio_page(folio, 0));
	} else {
		ret = -EFAULT;	/* the zero page, or a page without a file */
	}
put:
	put_page(page);
out:
	mmap_read_unlock(mm);
	return ret;
}

int futex_key_of(struct mm_struct *mm, unsigned long address, unsigned int flags,
		 union futex_key *key, enum futex_access rw)
{
	if (unlikely(address % sizeof(u32)))
		return -EINVAL;
	if (unlikely(!access_ok((u32 __user *)address, sizeof(u32))))
		return -EFAULT;
	key->both.offset = address % PAGE_SIZE;
	address -= key->both.offset;
	if (!(flags & FLAGS_SHARED)) {
		key->private.mm = mm;
		key->private.address = address;
		return 0;
	}
	return futex_shared_key(mm, address, key, rw);
}

int get_futex_key(u32 __user *uaddr, unsigned int flags, union futex_key *key,
		  enum futex_access rw)
{
	return futex_key_of(current->mm, (unsigned long)uaddr, flags, key, rw);
}

/* ---- queues ------------------------------------------------------------------- */

static struct futex_hash_bucket *lock_to_hb(spinlock_t *lock)
{
	return container_of(lock, struct futex_hash_bucket, lock);
}

struct futex_hash_bucket *futex_q_lock(struct futex_q *q)
{
	struct futex_hash_bucket *hb = futex_hash(&q->key);

	atomic_inc(&hb->waiters);
	smp_mb();	/* the count before the read of the word: see the top */
	q->lock_ptr = &hb->lock;
	spin_lock(&hb->lock);
	return hb;
}

void futex_q_unlock(struct futex_hash_bucket *hb)
{
	spin_unlock(&hb->lock);
	atomic_dec(&hb->waiters);
}

void futex_queue(struct futex_q *q, struct futex_hash_bucket *hb)
{
	VM_WARN_ON_ONCE(q->lock_ptr != &hb->lock);
	q->task = current;
	list_add_tail(&q->list, &hb->chain);
	spin_unlock(&hb->lock);
}

/* Off the chain; the count follows. The bucket's lock held. */
static void __futex_unqueue(struct futex_q *q)
{
	struct futex_hash_bucket *hb = lock_to_hb(q->lock_ptr);

	VM_WARN_ON_ONCE(list_empty(&q->list));
	list_del_init(&q->list);
	atomic_dec(&hb->waiters);
	VM_WARN_ON_ONCE(atomic_read(&hb->waiters) < 0);
}

int futex_unqueue(struct futex_q *q)
{
	spinlock_t *lock_ptr;

	for (;;) {
		lock_ptr = smp_load_acquire(&q->lock_ptr);
		if (!lock_ptr)
			return 0;
		spin_lock(lock_ptr);
		/* A requeue may have moved q to another bucket meanwhile. */
		if (likely(lock_ptr == q->lock_ptr))
			break;
		spin_unlock(lock_ptr);
	}
	__futex_unqueue(q);
	spin_unlock(lock_ptr);
	return 1;
}

void futex_wake_mark(struct futex_q *q)
{
	struct task_struct *p = q->task;

	get_task_struct(p);	/* q goes with the NULL below, p may then exit */
	__futex_unqueue(q);
	smp_store_release(&q->lock_ptr, NULL);
	wake_up_process(p);
	put_task_struct(p);
}

void requeue_futex(struct futex_q *q, struct futex_hash_bucket *hb1,
		   struct futex_hash_bucket *hb2, const union futex_key *key2)
{
	if (hb1 != hb2) {
		list_move_tail(&q->list, &hb2->chain);
		atomic_inc(&hb2->waiters);
		atomic_dec(&hb1->waiters);
		q->lock_ptr = &hb2->lock;
	}
	q->key = *key2;
}

void double_lock_hb(struct futex_hash_bucket *hb1, struct futex_hash_bucket *hb2)
{
	if (hb1 > hb2)
		swap(hb1, hb2);
	spin_lock(&hb1->lock);
	if (hb1 != hb2)
		spin_lock_nested(&hb2->lock, SINGLE_DEPTH_NESTING);
}

void double_unlock_hb(struct futex_hash_bucket *hb1, struct futex_hash_bucket *hb2)
{
	spin_unlock(&hb1->lock);
	if (hb1 != hb2)
		spin_unlock(&hb2->lock);
}

/* ---- the word --------------------------------------------------------------- */

int futex_get_value_locked(u32 *dest, u32 __user *from)
{
	VM_WARN_ON_ONCE(!in_atomic());
	return get_user(*dest, from) ? -EFAULT : 0;
}

int fault_in_user_writeable(u32 __user *uaddr)
{
	struct mm_struct *mm = current->mm;
	long ret;

	mmap_read_lock(mm);
	ret = get_user_pages((unsigned long)uaddr, 1, FOLL_WRITE, NULL, NULL);
	mmap_read_unlock(mm);
	return ret < 0 ? -EFAULT : 0;
}

/* ---- robust lists ------------------------------------------------------------ */

/*
 * The lock word at @uaddr of a robust mutex whose holder @tsk dies: if
 * @tsk owns it, mark it FUTEX_OWNER_DIED (keeping FUTEX_WAITERS) and wake
 * one waiter, who then owns a lock whose state it must check. @pending:
 * the list_op_pending entry, which @tsk may have been about to take or
 * have just released: a free word then still wakes a waiter, who could
 * otherwise sleep for ever. PI locks are not woken (none exist here).
 * Return: 0, or -EFAULT for a word that cannot be read or written.
 */
static int handle_futex_death(u32 __user *uaddr, struct task_struct *tsk, bool pi,
			      bool pending)
{
	u32 uval, nval, mval;

	if ((unsigned long)uaddr % sizeof(u32))
		return -EFAULT;
	for (;;) {
		if (get_user(uval, uaddr))
			return -EFAULT;
		if (pending && !pi && !uval) {
			futex_wake(uaddr, FLAGS_SHARED, 1, FUTEX_BITSET_MATCH_ANY);
			return 0;
		}
		if ((uval & FUTEX_TID_MASK) != (u32)tsk->pid)
			return 0;
		mval = (uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
		if (futex_atomic_cmpxchg_inatomic(&nval, uaddr, uval, mval)) {
			if (fault_in_user_writeable(uaddr))
				return -EFAULT;
			continue;
		}
		if (nval == uval)
			break;
	}
	if (!pi && (uval & FUTEX_WAITERS))
		futex_wake(uaddr, FLAGS_SHARED, 1, FUTEX_BITSET_MATCH_ANY);
	return 0;
}

/* Read a robust-list pointer at @head: the entry, and its PI bit (bit 0). */
static int fetch_robust_entry(struct robust_list __user **entry,
			      struct robust_list __user *__user *head, bool *pi)
{
	unsigned long uentry;

	if (get_user(uentry, (unsigned long __user *)head))
		return -EFAULT;
	*entry = (struct robust_list __user *)(uentry & ~1UL);
	*pi = uentry & 1;
	return 0;
}

static u32 __user *robust_word(struct robust_list __user *entry, long futex_offset)
{
	return (u32 __user *)((unsigned long)entry + futex_offset);
}

unsigned int futex_robust_list_walk(struct task_struct *tsk)
{
	struct robust_list_head __user *head = tsk->robust_list;
	struct robust_list __user *entry, *next, *pending;
	unsigned int visited = 0;
	bool pi, next_pi, pending_pi;
	long futex_offset;
	int rc;

	if (fetch_robust_entry(&entry, &head->list.next, &pi) ||
	    get_user(futex_offset, &head->futex_offset) ||
	    fetch_robust_entry(&pending, &head->list_op_pending, &pending_pi))
		return 0;
	while (entry != &head->list) {
		/* Read the next one first: the death may free this one's memory. */
		rc = fetch_robust_entry(&next, &entry->next, &next_pi);
		if (entry != pending)
			handle_futex_death(robust_word(entry, futex_offset), tsk, pi, false);
		visited++;
		if (rc || visited >= ROBUST_LIST_LIMIT)
			break;
		entry = next;
		pi = next_pi;
		cond_resched();
	}
	if (pending)
		handle_futex_death(robust_word(pending, futex_offset), tsk, pending_pi, true);
	return visited;
}

void futex_exit_release(struct task_struct *tsk)
{
	if (unlikely(tsk->robust_list)) {
		futex_robust_list_walk(tsk);
		tsk->robust_list = NULL;
	}
}

/* Exec forgets the list as exit does: the new program's threads register their own. */
void futex_exec_release(struct task_struct *tsk)
{
	futex_exit_release(tsk);
}

void futex_wake_tid(u32 __user *uaddr)
{
	futex_wake(uaddr, FLAGS_SHARED, 1, FUTEX_BITSET_MATCH_ANY);
}

void futex_init(void)
{
	unsigned long i;

	futex_hashsize = roundup_pow_of_two(256 * num_possible_cpus());
	futex_hash_bits = ilog2(futex_hashsize);
	futex_queues = kvcalloc(futex_hashsize, sizeof(*futex_queues), GFP_KERNEL);
	if (!futex_queues)
		panic("futex_init: no memory for %lu hash buckets\n", futex_hashsize);
	for (i = 0; i < futex_hashsize; i++) {
		atomic_set(&futex_queues[i].waiters, 0);
		spin_lock_init(&futex_queues[i].lock);
		INIT_LIST_HEAD(&futex_queues[i].chain);
	}
}
