// SPDX-License-Identifier: GPL-2.0
/*
 * The end of a task (include/linux/sched/task.h): do_exit() and the
 * freeing of what is left.
 *
 *   do_exit()             exit_code set, waiters on exited woken,
 *                         TASK_DEAD, a last switch away
 *   finish_task_switch()  (kernel/sched/core.c) in the next task, off the
 *                         dead one's stack: drops the scheduler's reference
 *   put_task_struct()     whoever drops the last one (kthread_stop(), or
 *                         the scheduler if the creator let go first):
 *                         __put_task_struct() unlinks and frees the task
 *
 * A user task (one with an mm) first leaves its mm for init_mm
 * (exit_user_task()), so the mm's owner may free it as soon as the
 * task's exit is known. exit() and exit_group() end a user task.
 *
 * There is no parent to reap a zombie: the references are the whole of
 * the life cycle, and a task's struct and stack outlive it exactly as long
 * as someone may still look at its exit code.
 */
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/completion.h>
#include <linux/panic.h>
#include <linux/bug.h>
#include <linux/syscalls.h>
#include <asm/irqflags.h>
#include <asm/processor.h>

/* Off the task list: for_each_process() no longer finds @p (Linux's release_task()). */
static void release_task(struct task_struct *p)
{
	unsigned long flags;

	write_lock_irqsave(&tasklist_lock, flags);
	list_del(&p->tasks);
	write_unlock_irqrestore(&tasklist_lock, flags);
}

void __put_task_struct(struct task_struct *p)
{
	WARN_ON_ONCE(READ_ONCE(p->__state) != TASK_DEAD && p->started);
	release_task(p);
	free_task(p);
}

void __noreturn do_exit(int code)
{
	struct task_struct *tsk = current;

	if (unlikely(tsk->pid == 1))
		panic("Attempted to kill init! exitcode=0x%08x\n", code);
	/* Off its mm before anyone learns it exited: the mm may go then. */
	if (tsk->mm)
		exit_user_task();
	tsk->exit_code = code;
	complete_all(&tsk->exited);
	local_irq_disable();
	WRITE_ONCE(tsk->__state, TASK_DEAD);
	schedule();
	BUG();
	for (;;)
		;
}

/*
 * exit() and exit_group() are one until threads exist: the task ends with
 * Linux's wait status for a normal exit, the low byte of @error_code
 * shifted left by 8.
 */
SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}
