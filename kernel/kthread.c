// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel threads on top of the scheduler's tasks (include/linux/kthread.h).
 * A kthread starts stopped; its first wake-up places it (wake_up_new_task()),
 * later ones wake it where it slept. kthread_stop() sets should_stop, wakes
 * it and waits on its exit completion; the creator's reference is then
 * dropped, the scheduler's when the task has switched away for good.
 */
#include <linux/kthread.h>
#include <linux/sprintf.h>
#include <linux/errno.h>
#include <linux/preempt.h>
#include <linux/bug.h>

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...)
{
	char name[TASK_COMM_LEN];
	va_list args;

	might_sleep();
	va_start(args, namefmt);
	vsnprintf(name, sizeof(name), namefmt, args);
	va_end(args);
	return create_task(threadfn, data, name);
}

void kthread_bind(struct task_struct *k, unsigned int cpu)
{
	WARN_ON_ONCE(k->started);
	k->cpu = cpu;
	k->flags |= PF_NO_SETAFFINITY;
}

bool kthread_should_stop(void)
{
	return READ_ONCE(current->should_stop);
}

int kthread_stop(struct task_struct *k)
{
	int ret;

	might_sleep();
	WRITE_ONCE(k->should_stop, true);
	wake_up_process(k);
	wait_for_completion(&k->exited);
	ret = k->exit_code;
	put_task_struct(k);
	return ret;
}
