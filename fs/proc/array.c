// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/PID/stat and /proc/PID/status (Linux's fs/proc/array.c), in
 * Linux's layouts. The fields of an address space, of signals and of
 * times are what Linux prints for a task with nothing of them: 0 (rsslim
 * is RLIM_INFINITY); the state (Z for a zombie), parent, process group,
 * session and exit signal are the task's; num_threads and Threads: count
 * the threads of its process, Tgid: is its process's id; starttime is
 * real (clock ticks since boot at the task's creation). The status lines
 * are the ones whose subject exists here (no Sig* lines yet).
 *
 * Locking: the caller holds a reference on the task. Its fs and files
 * are read under task_lock(), which exit_fs() and exit_files() take to
 * clear them; the parent's pid under tasklist_lock (task_ppid_nr()).
 */
#include <linux/seq_file.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/sched/signal.h>
#include <linux/cred.h>
#include <linux/fs_struct.h>
#include <linux/bitops.h>
#include <linux/fdtable.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <linux/sched/mm.h>
#include <linux/mm.h>
#include "internal.h"

#define RLIM_INFINITY	(~0UL)
#define USER_HZ		100	/* the unit of stat's times: clock ticks, as Linux's */

/* Linux's status names of the state letters. */
static const char *task_state_name(char state)
{
	switch (state) {
	case 'R':
		return "R (running)";
	case 'S':
		return "S (sleeping)";
	case 'D':
		return "D (disk sleep)";
	case 'I':
		return "I (idle)";
	case 'Z':
		return "Z (zombie)";
	default:
		return "X (dead)";
	}
}

/*
 * The 52 fields of Linux's proc(5) stat line: pid (comm) state ppid pgrp
 * session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime
 * cutime cstime priority nice num_threads itrealvalue starttime vsize rss
 * rsslim startcode endcode startstack kstkesp kstkeip signal blocked
 * sigignore sigcatch wchan nswap cnswap exit_signal processor rt_priority
 * policy delayacct_blkio_ticks guest_time cguest_time start_data end_data
 * start_brk arg_start arg_end env_start env_end exit_code.
 */
/* The threads of @task's process: a kernel thread (on no thread list) is one. */
static int task_nr_threads(const struct task_struct *task)
{
	return max(get_nr_threads(task), 1);
}

int proc_pid_stat(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = get_task_mm(task);
	unsigned long vsize = 0, rss = 0;

	if (mm) {
		vsize = mm->total_vm << PAGE_SHIFT;
		rss = get_mm_rss(mm);
	}
	seq_printf(m, "%d (%s) %c %d %d %d 0 -1 %u", task->pid, task->comm,
		   task_state_to_char(task), task_ppid_nr(task), task_pgrp_nr(task),
		   task_session_nr(task), task->flags);
	/* minflt cminflt majflt cmajflt utime stime cutime cstime */
	seq_printf(m, " %lu 0 %lu 0 0 0 0 0", task->min_flt, task->maj_flt);
	/* priority nice num_threads itrealvalue starttime vsize rss */
	seq_printf(m, " 20 0 %d 0 %llu %lu %lu", task_nr_threads(task),
		   task->start_time / (1000000000ULL / USER_HZ),
		   vsize, rss);
	seq_put_decimal_ull(m, " ", RLIM_INFINITY);
	/* startcode endcode startstack, then kstkesp kstkeip (0 as Linux's for others) */
	seq_printf(m, " %lu %lu %lu 0 0", mm ? mm->start_code : 0, mm ? mm->end_code : 0,
		   mm ? mm->start_stack : 0);
	/* signal blocked sigignore sigcatch wchan nswap cnswap */
	seq_puts(m, " 0 0 0 0 0 0 0");
	seq_printf(m, " %d %u", task->exit_signal, READ_ONCE(task->cpu));
	/* rt_priority policy delayacct_blkio_ticks guest_time cguest_time */
	seq_puts(m, " 0 0 0 0 0");
	/* start_data end_data start_brk arg_start arg_end env_start env_end */
	if (mm)
		seq_printf(m, " %lu %lu %lu %lu %lu %lu %lu", mm->start_data, mm->end_data,
			   mm->start_brk, mm->arg_start, mm->arg_end, mm->env_start, mm->env_end);
	else
		seq_puts(m, " 0 0 0 0 0 0 0");
	seq_printf(m, " %d\n", task->exit_code);
	if (mm)
		mmput(mm);
	return 0;
}

/*
 * Cpus_allowed as Linux's %*pb (hex, nr_cpu_ids bits wide; CPUs beyond 64
 * do not exist here), its list form, and the one memory node's.
 */
static void task_cpus_allowed(struct seq_file *m, struct task_struct *task)
{
	unsigned int cpu = READ_ONCE(task->cpu), digits = (nr_cpu_ids + 3) / 4;
	bool bound = task->flags & PF_NO_SETAFFINITY;
	u64 mask = bound ? 1ULL << cpu : ~0ULL >> (64 - nr_cpu_ids);

	seq_printf(m, "Cpus_allowed:\t%0*llx\n", (int)digits, mask);
	if (bound)
		seq_printf(m, "Cpus_allowed_list:\t%u\n", cpu);
	else if (nr_cpu_ids == 1)
		seq_puts(m, "Cpus_allowed_list:\t0\n");
	else
		seq_printf(m, "Cpus_allowed_list:\t0-%u\n", nr_cpu_ids - 1);
	seq_puts(m, "Mems_allowed:\t1\nMems_allowed_list:\t0\n");
}

/* Uid, Gid, FDSize and Groups, as Linux's task_state(). */
static void task_ids(struct seq_file *m, struct task_struct *task, const struct cred *cred)
{
	const struct group_info *gi = cred->group_info;
	int i;

	seq_printf(m, "Uid:\t%u\t%u\t%u\t%u\n", cred->uid, cred->euid, cred->suid, cred->fsuid);
	seq_printf(m, "Gid:\t%u\t%u\t%u\t%u\n", cred->gid, cred->egid, cred->sgid, cred->fsgid);
	task_lock(task);
	seq_printf(m, "FDSize:\t%u\n", task->files ? files_fdtable_max(task->files) : 0);
	task_unlock(task);
	seq_puts(m, "Groups:\t");
	for (i = 0; i < gi->ngroups; i++)
		seq_printf(m, "%u ", gi->gid[i]);
	seq_putc(m, '\n');
}

/* The capability sets and NoNewPrivs, as Linux's task_cap() and task_seccomp(). */
static void task_cap(struct seq_file *m, struct task_struct *task, const struct cred *cred)
{
	seq_printf(m, "CapInh:\t%016llx\nCapPrm:\t%016llx\nCapEff:\t%016llx\n",
		   cred->cap_inheritable.val, cred->cap_permitted.val, cred->cap_effective.val);
	seq_printf(m, "CapBnd:\t%016llx\nCapAmb:\t%016llx\n",
		   cred->cap_bset.val, cred->cap_ambient.val);
	seq_printf(m, "NoNewPrivs:\t%d\nSeccomp:\t0\nSeccomp_filters:\t0\n",
		   test_bit(PFA_NO_NEW_PRIVS, &task->atomic_flags));
}

int proc_pid_status(struct seq_file *m, struct task_struct *task)
{
	const struct cred *cred = get_task_cred(task);
	struct mm_struct *mm;

	seq_printf(m, "Name:\t%s\n", task->comm);
	task_lock(task);
	if (task->fs)
		seq_printf(m, "Umask:\t%04o\n", task->fs->umask);
	task_unlock(task);
	seq_printf(m, "State:\t%s\n", task_state_name(task_state_to_char(task)));
	seq_printf(m, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0\n",
		   task->tgid, task->pid, task_ppid_nr(task));
	task_ids(m, task, cred);
	seq_printf(m, "NStgid:\t%d\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\n", task->tgid, task->pid,
		   task_pgrp_nr(task), task_session_nr(task));
	mm = get_task_mm(task);
	if (mm) {
		task_mem(m, mm);
		mmput(mm);
	}
	seq_printf(m, "Threads:\t%d\n", task_nr_threads(task));
	task_cap(m, task, cred);
	put_cred(cred);
	task_cpus_allowed(m, task);
	seq_printf(m, "voluntary_ctxt_switches:\t%lu\nnonvoluntary_ctxt_switches:\t%lu\n",
		   task->nvcsw, task->nivcsw);
	return 0;
}
