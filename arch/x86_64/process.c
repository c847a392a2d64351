// SPDX-License-Identifier: GPL-2.0
/*
 * The first frame of a new task (Linux's copy_thread()). __switch_to_asm
 * (switch_to.S) pops six callee-saved registers and returns; for a task
 * that never ran, the frame makes it return into ret_from_kthread with
 * the function in rbx and its argument in r12:
 *
 *   stack + THREAD_SIZE ->  ret_from_kthread   (the return address)
 *                           rbp = 0
 *                           rbx = fn
 *                           r12 = fn_arg
 *                           r13, r14, r15 = 0
 *   p->thread.sp        ->
 */
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/string.h>

void ret_from_kthread(void);

void copy_thread(struct task_struct *p, const struct kernel_clone_args *args)
{
	unsigned long *sp = (unsigned long *)((char *)p->stack + THREAD_SIZE);

	*--sp = (unsigned long)ret_from_kthread;
	*--sp = 0;				/* rbp */
	*--sp = (unsigned long)args->fn;	/* rbx */
	*--sp = (unsigned long)args->fn_arg;	/* r12 */
	*--sp = 0;				/* r13 */
	*--sp = 0;				/* r14 */
	*--sp = 0;				/* r15 */
	p->thread.sp = (unsigned long)sp;
}
