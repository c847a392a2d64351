// SPDX-License-Identifier: GPL-2.0
/*
 * Wait queues (include/linux/wait.h). A sleeper is on the queue from
 * prepare_to_wait() to finish_wait(); wake_up() wakes every sleeper, each
 * of which tests its condition again.
 */
#include <linux/wait.h>
#include <linux/sched.h>

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait, int state)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	if (!wait->task) {
		wait->task = current;
		list_add_tail(&wait->entry, &wq->head);
	}
	set_current_state(state);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	if (!wait->task)
		return;
	spin_lock_irqsave(&wq->lock, flags);
	list_del(&wait->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
	wait->task = NULL;
}

void wake_up(struct wait_queue_head *wq)
{
	struct wait_queue_entry *wait;
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_for_each_entry(wait, &wq->head, entry)
		wake_up_process(wait->task);
	spin_unlock_irqrestore(&wq->lock, flags);
}
