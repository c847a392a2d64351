// SPDX-License-Identifier: GPL-2.0
/*
 * Wait queues (include/linux/wait.h has the model): entries on a head,
 * each with a wake function __wake_up() calls under the head's lock.
 * A task sleeping through prepare_to_wait() is on the queue until
 * woken (autoremove_wake_function() takes it off) or until
 * finish_wait(); default_wake_function() leaves it on (add_wait_queue()
 * users remove it themselves).
 *
 * Order on a head: non-exclusive entries are added at the front,
 * exclusive ones at the tail, so a wake-up reaches every non-exclusive
 * entry before it counts exclusive ones.
 */
#include <linux/wait.h>
#include <linux/sched.h>

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	list_add(&wq_entry->entry, &wq_head->head);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void add_wait_queue_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	list_add_tail(&wq_entry->entry, &wq_head->head);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	list_del(&wq_entry->entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive, void *key)
{
	struct wait_queue_entry *curr, *next;
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	list_for_each_entry_safe(curr, next, &wq_head->head, entry) {
		unsigned int wq_flags = curr->flags;	/* func may free an autoremoved entry */
		int ret = curr->func(curr, mode, 0, key);

		if (ret < 0)
			break;
		if (ret && (wq_flags & WQ_FLAG_EXCLUSIVE) && !--nr_exclusive)
			break;
	}
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
			  void *key)
{
	return wake_up_state(wq_entry->private, mode);
}

int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
			     void *key)
{
	int ret = default_wake_function(wq_entry, mode, flags, key);

	if (ret)
		list_del_init(&wq_entry->entry);
	return ret;
}

/* Queue @wait unless it is (a wake-up took it off, or this is the first call). */
static void __prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait,
			      int state, bool exclusive)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	if (list_empty(&wait->entry)) {
		if (exclusive) {
			wait->flags |= WQ_FLAG_EXCLUSIVE;
			list_add_tail(&wait->entry, &wq->head);
		} else {
			wait->flags &= ~WQ_FLAG_EXCLUSIVE;
			list_add(&wait->entry, &wq->head);
		}
	}
	set_current_state(state);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait, int state)
{
	__prepare_to_wait(wq, wait, state, false);
}

void prepare_to_wait_exclusive(struct wait_queue_head *wq, struct wait_queue_entry *wait,
			       int state)
{
	__prepare_to_wait(wq, wait, state, true);
}

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	/*
	 * Under the lock even when a wake-up already took it off: a waker
	 * may still be writing the entry (Linux peeks with
	 * list_empty_careful(); one lock round is cheap enough here).
	 */
	spin_lock_irqsave(&wq->lock, flags);
	list_del_init(&wait->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
}
