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
 *
 * pidfd_open() (linux/pid.h): an anonymous file "[pidfd]" (O_RDWR,
 * always close-on-exec) whose private_data is a task reference, dropped
 * at its release. Only a thread-group leader has one (EINVAL for another
 * thread). Polling it says readable once the process has exited (a
 * zombie or reaped: exit_state set), woken through task->wait_pidfd.
 * pidfd_getfd() copies a file out of the named process's fd table.
 */
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/pid.h>
#include <linux/poll.h>
#include <linux/ptrace.h>
#include <linux/anon_inodes.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
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

static int pidfd_release(struct inode *inode, struct file *file)
{
	put_task_struct(file->private_data);
	return 0;
}

static __poll_t pidfd_poll(struct file *file, struct poll_table_struct *pts)
{
	struct task_struct *task = file->private_data;

	poll_wait(file, &task->wait_pidfd, pts);
	return READ_ONCE(task->exit_state) ? EPOLLIN | EPOLLRDNORM : 0;
}

static const struct file_operations pidfd_fops = {
	.release = pidfd_release,
	.poll = pidfd_poll,
};

struct task_struct *pidfd_get_task(int pidfd, unsigned int *flags)
{
	struct file *file = fget(pidfd);
	struct task_struct *task;

	if (!file)
		return ERR_PTR(-EBADF);
	if (file->f_op != &pidfd_fops) {
		fput(file);
		return ERR_PTR(-EBADF);
	}
	task = file->private_data;
	get_task_struct(task);
	*flags = file->f_flags;
	fput(file);
	return task;
}

int pidfd_prepare(struct task_struct *task, unsigned int flags, struct file **ret)
{
	int fd = get_unused_fd_flags(O_CLOEXEC);
	struct file *file;

	if (fd < 0)
		return fd;
	get_task_struct(task);
	file = anon_inode_getfile("[pidfd]", &pidfd_fops, task, O_RDWR | flags);
	if (IS_ERR(file)) {
		put_task_struct(task);
		put_unused_fd(fd);
		return PTR_ERR(file);
	}
	*ret = file;
	return fd;
}

/*
 * pidfd_getfd(): a duplicate, close-on-exec, of the file at @fd in the
 * process @pidfd names; that needs PTRACE_MODE_ATTACH_REALCREDS (EPERM).
 */
SYSCALL_DEFINE3(pidfd_getfd, int, pidfd, int, fd, unsigned int, flags)
{
	struct task_struct *task;
	unsigned int f_flags;
	struct file *file = NULL;
	int ret;

	if (flags)
		return -EINVAL;
	task = pidfd_get_task(pidfd, &f_flags);
	if (IS_ERR(task))
		return PTR_ERR(task);
	ret = -EPERM;
	if (ptrace_may_access(task, PTRACE_MODE_ATTACH_REALCREDS)) {
		file = fd >= 0 ? fget_task(task, fd) : NULL;
		ret = -EBADF;
	}
	put_task_struct(task);
	if (!file)
		return ret;
	ret = get_unused_fd_flags(O_CLOEXEC);
	if (ret < 0) {
		fput(file);
		return ret;
	}
	fd_install(ret, file);
	return ret;
}

SYSCALL_DEFINE2(pidfd_open, pid_t, pid, unsigned int, flags)
{
	struct task_struct *task;
	struct file *file;
	int fd;

	if (flags & ~PIDFD_NONBLOCK)
		return -EINVAL;
	if (pid <= 0)
		return -EINVAL;
	task = find_get_task_by_vpid(pid);
	if (!task)
		return -ESRCH;
	if (task->group_leader && task->group_leader != task)
		fd = -EINVAL;		/* a thread, not a process */
	else
		fd = pidfd_prepare(task, flags, &file);
	if (fd >= 0)
		fd_install(fd, file);
	put_task_struct(task);
	return fd;
}
