// SPDX-License-Identifier: GPL-2.0
/*
 * Job control on terminals (Linux's drivers/tty/tty_jobctrl.c): the
 * controlling terminal of a session and its foreground process group.
 *
 *   session (sid) --signal->tty--> tty_struct <--tty->session
 *                                     | tty->pgrp: the foreground group
 *
 * A session leader without a terminal takes one with TIOCSCTTY (a tty
 * another session holds only with arg 1, as root), or by opening a tty
 * no session has without O_NOCTTY (not /dev/console, as Linux's: that is
 * how busybox init gives its shell the console's ttyS0); its children
 * inherit it at fork; setsid() and TIOCNOTTY leave it. The foreground group
 * (TIOCSPGRP, a group of the same session) gets the interrupt characters'
 * signals (n_tty.c) and may read; a background group's read stops it with
 * SIGTTIN (-EIO if SIGTTIN is ignored or blocked, or the group is
 * orphaned), and with TOSTOP its write, like a background TCSETS or
 * TIOCSPGRP, stops it with SIGTTOU (allowed if SIGTTOU is ignored or
 * blocked). The stopped reader's call returns -ERESTARTSYS: it restarts
 * once the group is continued and looks again.
 *
 * When the session leader exits, its terminal's foreground group gets
 * SIGHUP (and the group SIGCONT when the leader left by TIOCNOTTY), and
 * no process of the session keeps the terminal; the tty's last close
 * clears it from every process too. Linux's full hangup of the open files
 * (reads returning 0, writes -EIO afterwards) is not done.
 *
 * Process groups and sessions are numbers (task->pgid, task->sid): pids
 * are not reused here, so a number names one group for the system's life.
 *
 * Locking: signal->tty is written under tty_mutex and tasklist_lock
 * (written) both (see linux/sched/signal.h); tty->pgrp and tty->session
 * under tty->lock (the receive interrupt reads pgrp), taken inside
 * tasklist_lock. Lock order: tty_mutex, tasklist_lock, tty->lock.
 */
#include <linux/tty.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/bug.h>
#include <asm/signal.h>
#include <asm/uaccess.h>

/* Is @sig ignored or blocked by the caller (a stop signal would do nothing)? */
static bool is_ignored(int sig)
{
	return sigismember(&current->blocked, sig) ||
	       current->sighand->action[sig - 1].sa.sa_handler == SIG_IGN;
}

static pid_t tty_get_pgrp(struct tty_struct *tty)
{
	unsigned long flags;
	pid_t pgrp;

	spin_lock_irqsave(&tty->lock, flags);
	pgrp = tty->pgrp;
	spin_unlock_irqrestore(&tty->lock, flags);
	return pgrp;
}

static void tty_set_session(struct tty_struct *tty, pid_t session, pid_t pgrp)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	tty->session = session;
	tty->pgrp = pgrp;
	spin_unlock_irqrestore(&tty->lock, flags);
}

int __tty_check_change(struct tty_struct *tty, int sig)
{
	pid_t pgrp;

	if (READ_ONCE(current->signal->tty) != tty)
		return 0;
	pgrp = tty_get_pgrp(tty);
	if (!pgrp || pgrp == task_pgrp_nr(current))
		return 0;
	if (is_ignored(sig))
		return sig == SIGTTIN ? -EIO : 0;
	if (is_current_pgrp_orphaned())
		return -EIO;
	kill_pgrp(task_pgrp_nr(current), sig, 1);
	return -ERESTARTSYS;
}

int tty_check_change(struct tty_struct *tty)
{
	return __tty_check_change(tty, SIGTTOU);
}

/* No process keeps @tty as its terminal. tty_mutex and tasklist_lock (written) held. */
static void __session_clear_tty(struct tty_struct *tty)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->signal->tty == tty)
			p->signal->tty = NULL;
}

/* session_clear_tty - @tty is nobody's terminal any more. tty_mutex held. */
void session_clear_tty(struct tty_struct *tty)
{
	unsigned long flags;

	write_lock_irqsave(&tasklist_lock, flags);
	__session_clear_tty(tty);
	write_unlock_irqrestore(&tasklist_lock, flags);
	tty_set_session(tty, 0, 0);
}

/* @tty becomes the caller's terminal. tty_mutex and tasklist_lock (written) held. */
static void __proc_set_tty(struct tty_struct *tty)
{
	if (tty->session)
		__session_clear_tty(tty);
	current->signal->tty = tty;
	tty_set_session(tty, task_session_nr(current), task_pgrp_nr(current));
}

void tty_open_proc_set_tty(struct file *filp, struct tty_struct *tty)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;

	write_lock_irqsave(&tasklist_lock, flags);
	if (sig->leader && !sig->tty && !tty->session && (filp->f_mode & FMODE_READ))
		__proc_set_tty(tty);
	write_unlock_irqrestore(&tasklist_lock, flags);
}

/* TIOCSCTTY; tty_mutex held. */
static int tiocsctty(struct tty_struct *tty, struct file *file, int arg)
{
	struct task_struct *me = current;
	unsigned long flags;

	if (me->signal->leader && task_session_nr(me) == tty->session)
		return 0;	/* already ours */
	if (!me->signal->leader || me->signal->tty)
		return -EPERM;
	/* Stealing another session's terminal needs CAP_SYS_ADMIN: every task is root. */
	if (tty->session && arg != 1)
		return -EPERM;
	if (!(file->f_mode & FMODE_READ))
		return -EPERM;
	write_lock_irqsave(&tasklist_lock, flags);
	__proc_set_tty(tty);
	write_unlock_irqrestore(&tasklist_lock, flags);
	return 0;
}

/* The session of group @pgrp (or of the process @pgrp), -1 if neither exists. */
static pid_t session_of_pgrp(pid_t pgrp)
{
	struct task_struct *p, *found = NULL;
	unsigned long flags;
	pid_t sid = -1;

	read_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		if (task_pgrp_nr(p) == pgrp) {
			found = p;
			break;
		}
	}
	if (!found)
		found = find_task_by_vpid(pgrp);
	if (found)
		sid = task_session_nr(found);
	read_unlock_irqrestore(&tasklist_lock, flags);
	return sid;
}

static bool is_ctty(struct tty_struct *tty)
{
	return READ_ONCE(current->signal->tty) == tty;
}

static int tiocspgrp(struct tty_struct *tty, pid_t __user *p)
{
	int ret = tty_check_change(tty);
	pid_t pgrp, sid;
	unsigned long flags;

	if (ret)
		return ret == -EIO ? -ENOTTY : ret;
	if (get_user(pgrp, p))
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	if (!is_ctty(tty) || tty->session != task_session_nr(current))
		return -ENOTTY;
	sid = session_of_pgrp(pgrp);
	if (sid < 0)
		return -ESRCH;
	if (sid != task_session_nr(current))
		return -EPERM;
	spin_lock_irqsave(&tty->lock, flags);
	tty->pgrp = pgrp;
	spin_unlock_irqrestore(&tty->lock, flags);
	return 0;
}

/* Leave the terminal (TIOCNOTTY, or @on_exit the session leader's exit). */
static void __disassociate_ctty(struct tty_struct *tty, bool on_exit)
{
	pid_t pgrp = tty_get_pgrp(tty);

	if (pgrp) {
		kill_pgrp(pgrp, SIGHUP, on_exit);
		if (!on_exit)
			kill_pgrp(pgrp, SIGCONT, on_exit);
	}
	session_clear_tty(tty);
}

void disassociate_ctty(int on_exit)
{
	struct tty_struct *tty;

	mutex_lock(&tty_mutex);
	tty = current->signal->tty;
	if (tty && current->signal->leader)
		__disassociate_ctty(tty, on_exit);
	mutex_unlock(&tty_mutex);
}

/* TIOCNOTTY: a leader hangs its session up; another process only leaves. */
static int tiocnotty(struct tty_struct *tty)
{
	unsigned long flags;

	if (!is_ctty(tty))
		return -ENOTTY;
	if (current->signal->leader) {
		__disassociate_ctty(tty, false);
		return 0;
	}
	write_lock_irqsave(&tasklist_lock, flags);
	current->signal->tty = NULL;
	write_unlock_irqrestore(&tasklist_lock, flags);
	return 0;
}

long tty_jobctrl_ioctl(struct tty_struct *tty, struct file *file, unsigned int cmd,
		       unsigned long arg)
{
	pid_t __user *p = (pid_t __user *)arg;
	long ret;

	switch (cmd) {
	case TIOCSCTTY:
	case TIOCNOTTY:
		mutex_lock(&tty_mutex);
		ret = cmd == TIOCSCTTY ? tiocsctty(tty, file, arg) : tiocnotty(tty);
		mutex_unlock(&tty_mutex);
		return ret;
	case TIOCGPGRP:
		if (!is_ctty(tty))
			return -ENOTTY;
		return put_user(tty_get_pgrp(tty), p);
	case TIOCSPGRP:
		return tiocspgrp(tty, p);
	case TIOCGSID:
		if (!is_ctty(tty) || !tty->session)
			return -ENOTTY;
		return put_user(tty->session, p);
	default:
		WARN_ON_ONCE(1);	/* tty_ioctl() passes only the calls above */
		return -ENOTTY;
	}
}
