// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel threads (include/linux/kthread.h), tasks made by copy_process()
 * (kernel/fork.c) that run kthread(), which runs threadfn(data). A
 * kthread starts stopped; its first wake-up places it
 * (wake_up_new_task()), later ones wake it where it slept. kthread_stop()
 * sets should_stop, wakes it and waits on its exit completion; the
 * creator's reference (taken for it by create_kthread()) is then
 * dropped, the process tree's when it exits (its parent kthreadd reaps
 * it at once: kernel/exit.c), the scheduler's when the task has switched
 * away for good.
 *
 * As in Linux, kthreads are made by one task, kthreadd (pid 2, started
 * by rest_init() beside init), so that every kthread is its child and
 * none inherits anything from whoever asked for it:
 *
 *   kthread_create()                       kthreadd
 *     request on the caller's stack ---->  kthread_create_list
 *     wake kthreadd, wait on done          copy_process(), ->result,
 *     <------------------------------------ complete(done)
 *
 * kthread_create_lock protects kthread_create_list. The requester waits
 * uninterruptibly, so its request outlives kthreadd's use of it.
 */
#include <linux/kthread.h>
#include <linux/sched/task.h>
#include <linux/sprintf.h>
#include <linux/errno.h>
#include <linux/preempt.h>
#include <linux/bug.h>
#include <asm/signal.h>

/* A kthread_create() call waiting for kthreadd. */
struct kthread_create_info {
	int (*threadfn)(void *data);
	void *data;
	char name[TASK_COMM_LEN];
	struct task_struct *result;	/* NULL when memory was short */
	struct completion done;
	struct list_head list;		/* on kthread_create_list */
};

struct task_struct *kthreadd_task;
static DEFINE_SPINLOCK(kthread_create_lock);
static LIST_HEAD(kthread_create_list);

/* Every kthread's function: threadfn, unless stopped before it first ran. */
static int kthread(void *unused)
{
	struct task_struct *self = current;

	if (READ_ONCE(self->should_stop))
		return -EINTR;
	return self->threadfn(self->data);
}

/* kthreadd's part of a request: the task, as its child, with a reference for the requester. */
static void create_kthread(struct kthread_create_info *create)
{
	struct kernel_clone_args args = {
		.fn = kthread,
		.name = create->name,
		.exit_signal = SIGCHLD,		/* as Linux's kernel_thread() */
	};
	struct task_struct *p = copy_process(&args);

	if (IS_ERR(p)) {
		create->result = NULL;
	} else {
		p->threadfn = create->threadfn;
		p->data = create->data;
		get_task_struct(p);
		create->result = p;
	}
	complete(&create->done);
}

int kthreadd(void *unused)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (list_empty(&kthread_create_list))
			schedule();
		__set_current_state(TASK_RUNNING);

		spin_lock(&kthread_create_lock);
		while (!list_empty(&kthread_create_list)) {
			struct kthread_create_info *create =
				list_first_entry(&kthread_create_list,
						 struct kthread_create_info, list);

			list_del_init(&create->list);
			spin_unlock(&kthread_create_lock);
			create_kthread(create);
			spin_lock(&kthread_create_lock);
		}
		spin_unlock(&kthread_create_lock);
	}
}

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...)
{
	struct kthread_create_info create = { .threadfn = threadfn, .data = data };
	va_list ap;

	might_sleep();
	BUG_ON(!kthreadd_task);
	va_start(ap, namefmt);
	vsnprintf(create.name, sizeof(create.name), namefmt, ap);
	va_end(ap);
	init_completion(&create.done);

	spin_lock(&kthread_create_lock);
	list_add_tail(&create.list, &kthread_create_list);
	spin_unlock(&kthread_create_lock);
	wake_up_process(kthreadd_task);
	wait_for_completion(&create.done);
	return create.result;
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
