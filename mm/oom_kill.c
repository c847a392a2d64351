// SPDX-License-Identifier: GPL-2.0
/*
 * process_mrelease() (Linux's mm/oom_kill.c part for it): free the
 * memory of a process that is dying from a fatal signal now, instead of
 * when its last thread gets through exit_mmap(). The OOM killer itself
 * comes with reclaim.
 *
 * The process is named by a pidfd. It must be dying: its signal_struct
 * has SIGNAL_GROUP_EXIT (a SIGKILL sets it when sent), and no live
 * process outside it shares its mm (a vfork parent's would lose its
 * memory); otherwise EINVAL. Its mm is held with a user reference
 * (mmget_not_zero()), which keeps exit_mmap() from tearing the tables
 * down under the walk; an mm already gone is success. The reap is Linux's
 * __oom_reap_task_mm(): under mmap_lock for reading, the ptes of every
 * private VMA (anonymous, or a file's COW copies) are zapped, which frees
 * the pages now; shared mappings are left to exit (their pages stay in
 * the page cache anyway), hugetlb and raw-PFN VMAs are skipped. The
 * teardown after that finds the ranges empty.
 */
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/task.h>
#include <linux/sched/signal.h>
#include <linux/pid.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/syscalls.h>

/* Is @p's process on its way out (Linux's __task_will_free_mem(), less coredumps)? */
static bool task_dying(struct task_struct *p)
{
	return READ_ONCE(p->signal->flags) & SIGNAL_GROUP_EXIT;
}

/* Does a live process other than @task's use @mm? tasklist_lock taken. */
static bool mm_shared_with_live(struct task_struct *task, struct mm_struct *mm)
{
	struct task_struct *p;
	unsigned long flags;
	bool shared = false;

	read_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		if (p->signal != task->signal && READ_ONCE(p->mm) == mm && !task_dying(p))
			shared = true;
	read_unlock_irqrestore(&tasklist_lock, flags);
	return shared;
}

/* Linux's __oom_reap_task_mm(): the private pages of every VMA. mmap_lock held for reading. */
static void reap_task_mm(struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	for (vma = mm->mmap; vma; vma = vma->vm_next) {
		if (vma->vm_flags & (VM_HUGETLB | VM_PFNMAP))
			continue;
		if (vma_is_anonymous(vma) || !(vma->vm_flags & VM_SHARED))
			zap_page_range_single(vma, vma->vm_start, vma->vm_end - vma->vm_start);
	}
}

SYSCALL_DEFINE2(process_mrelease, int, pidfd, unsigned int, flags)
{
	struct task_struct *task;
	struct mm_struct *mm;
	unsigned int f_flags;
	bool reap;

	if (flags)
		return -EINVAL;
	task = pidfd_get_task(pidfd, &f_flags);
	if (IS_ERR(task))
		return PTR_ERR(task);
	task_lock(task);
	mm = task->mm;
	reap = mm && mmget_not_zero(mm);
	task_unlock(task);
	if (!reap) {
		put_task_struct(task);
		return 0;	/* its memory is gone already */
	}
	reap = task_dying(task) && !mm_shared_with_live(task, mm);
	put_task_struct(task);
	if (reap) {
		mmap_read_lock(mm);
		reap_task_mm(mm);
		mmap_read_unlock(mm);
	}
	mmput(mm);
	return reap ? 0 : -EINVAL;
}
