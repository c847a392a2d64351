// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel threads (include/linux/kthread.h), tasks made by copy_process()
 * (kernel/fork.c) that run kthread(), which runs threadfn(data). A
 * kthread starts stopped; its first wake-up places it
 * (wake_up_new_task()), later ones wake it where it slept. kthread_stop()
 * sets should_stop, wakes it and waits on its exit completion; the
 * creator's reference is then dropped, the scheduler's when the task has
 * switched away for good (kernel/exit.c).
 */
#include <linux/kthread.h>
#include <linux/sched/task.h>
#include <linux/sprintf.h>
#include <linux/errno.h>
#include <linux/preempt.h>
#include <linux/bug.h>

/* Every kthread's function: threadfn, unless stopped before it first ran. */
static int kthread(void *unused)
{
	struct task_struct *self = current;

	if (READ_ONCE(self->should_stop))
		return -EINTR;
	return self->threadfn(self->data);
}

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...)
{
	struct kernel_clone_args args = { .fn = kthread };
	char name[TASK_COMM_LEN];
	struct task_struct *p;
	va_list ap;

	might_sleep();
	va_start(ap, namefmt);
	vsnprintf(name, sizeof(name), namefmt, ap);
	va_end(ap);
	args.name = name;
	p = copy_process(&args);
	if (p) {
		p->threadfn = threadfn;
		p->data = data;
	}
	return p;
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
