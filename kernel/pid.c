// SPDX-License-Identifier: GPL-2.0
/*
 * Finding a task by its pid (include/linux/sched/task.h), Linux's
 * kernel/pid.c interface without its pid hash: pids count up and are
 * never reused (kernel/fork.c), and the task list is walked in creation
 * order, so a lookup costs the tasks older than the one it finds (init,
 * pid 1, is the first). A hash comes when the walk shows in a profile.
 *
 * A thread is found too (Linux's pid hash holds every task): only its
 * group's leader is on the task list, so the walk looks through the
 * threads of each process that has some.
 *
 * One pid namespace: the "v" (virtual, the caller's namespace) numbers
 * are the global ones.
 */
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/sched/signal.h>

struct task_struct *find_task_by_vpid(pid_t nr)
{
	struct task_struct *p, *t;

	for_each_process(p) {
		if (p->pid == nr)
			return p;
		if (thread_group_empty(p))
			continue;
		for_each_thread(p, t)
			if (t->pid == nr)
				return t;
	}
	return NULL;
}

/* A task on the list holds the tree's reference: release_task() unlinks it before dropping it. */
struct task_struct *find_get_task_by_vpid(pid_t nr)
{
	struct task_struct *p;
	unsigned long flags;

	read_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_vpid(nr);
	if (p)
		get_task_struct(p);
	read_unlock_irqrestore(&tasklist_lock, flags);
	return p;
}

pid_t task_ppid_nr(const struct task_struct *p)
{
	unsigned long flags;
	pid_t ppid;

	read_lock_irqsave(&tasklist_lock, flags);
	ppid = p->real_parent ? p->real_parent->tgid : 0;
	read_unlock_irqrestore(&tasklist_lock, flags);
	return ppid;
}
