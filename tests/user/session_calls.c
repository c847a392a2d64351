// SPDX-License-Identifier: GPL-2.0
/*
 * session_calls: process groups and sessions, the controlling terminal
 * and job control on the serial console, interval timers, CPU times and
 * resource usage, file times and the kernel log, as Linux 6.1 answers.
 *
 * Groups and sessions: setsid() makes a session and group led by the
 * caller (EPERM for a group leader); setpgid()'s rules (EINVAL, ESRCH for
 * a process that is neither the caller nor its child, EPERM across
 * sessions or for a session leader, EACCES once the child has exec'd);
 * getpgid()/getsid() with ESRCH; a group orphaned by its link's exit
 * while a member is stopped gets SIGHUP then SIGCONT.
 *
 * The terminal is the serial console (ttyS0, 4:64: the console of both
 * kernels in their QEMU runs), reached through nodes made in /tmp so that
 * the test does not depend on the /dev of either initramfs. Every case
 * runs in a child that makes its own session, so the runner keeps its
 * console: TIOCSCTTY, TIOCGPGRP, TIOCSPGRP (ESRCH, EPERM, EINVAL),
 * TIOCGSID, /dev/tty, TIOCNOTTY; a background group's read is stopped by
 * SIGTTIN or fails with EIO when SIGTTIN is ignored; with TOSTOP its
 * write is stopped by SIGTTOU; TIOCSWINSZ/TIOCGWINSZ and FIONREAD; input
 * typed with TIOCSTI: ^C, ^\ and ^Z signal the foreground group,
 * canonical erase, raw reads with VMIN and VTIME (echo off). The
 * leader leaves the terminal (TIOCNOTTY, SIGHUP ignored) before it exits,
 * so that Linux does not hang the console up.
 *
 * Timers and usage: setitimer()/getitimer() ITIMER_REAL values, errors,
 * and SIGALRM every interval; alarm()'s old value; times() and
 * getrusage() (RUSAGE_SELF, _THREAD, _CHILDREN) after a child burned CPU
 * and touched 8 MiB: its maxrss and minor faults reach the parent at
 * reap. utimensat() with times, UTIME_NOW, UTIME_OMIT, NULL, on an fd and
 * on a symbolic link itself; utimes(). syslog(): SIZE_BUFFER, READ_ALL
 * holding a line written to /dev/kmsg, SIZE_UNREAD, the errors.
 *
 * An argument "idle" makes the program sleep a second and exit: the
 * exec'd child of the EACCES case.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <signal.h>
#include <time.h>
#include <termios.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/resource.h>
#include <sys/klog.h>
#include <sys/wait.h>
#include "utest.h"

#define TTY_NODE	"/tmp/session_ttyS0"
#define DEVTTY_NODE	"/tmp/session_tty"
#define MARK_FILE	"/tmp/session_hup"

static char self[256];	/* this program's path, for the exec case */

/* ---- groups and sessions ------------------------------------------------ */

static int setsid_child(void *arg)
{
	pid_t me = getpid();

	(void)arg;
	if (setsid() != me || getsid(0) != me || getpgrp() != me || getpgid(0) != me)
		return 1;
	/* A session leader cannot move to another group, even its own number. */
	if (setpgid(0, 0) != -1 || errno != EPERM)
		return 2;
	/* ... nor make another session. */
	return setsid() == -1 && errno == EPERM ? 0 : 3;
}

static int group_leader_setsid_child(void *arg)
{
	(void)arg;
	if (setpgid(0, 0))
		return 1;
	return setsid() == -1 && errno == EPERM ? 0 : 2;
}

static void sessions(void)
{
	pid_t child, other;
	int status;

	ksft_test_result(getsid(0) == getsid(getpid()) && getpgid(0) == getpgrp(),
			 "getsid(0) and getpgid(0) name the caller's");
	expect_errno(getpgid(999999), ESRCH, "getpgid of no process is ESRCH");
	expect_errno(getsid(999999), ESRCH, "getsid of no process is ESRCH");
	expect_errno(setpgid(0, -1), EINVAL, "setpgid to a negative group is EINVAL");
	expect_errno(setpgid(getppid(), getppid()), ESRCH,
		     "setpgid of a process not the caller's child is ESRCH");
	expect_errno(setpgid(999999, 0), ESRCH, "setpgid of no process is ESRCH");
	ksft_test_result(exited_with(child_status(setsid_child, NULL), 0),
			 "setsid makes the caller leader of a session and group; it may not leave");
	ksft_test_result(exited_with(child_status(group_leader_setsid_child, NULL), 0),
			 "setsid by a group leader is EPERM");

	/* A child moved into its own group by its parent, a second child into that group. */
	child = fork();
	if (child == 0) {
		usleep(200000);
		_exit(0);
	}
	other = fork();
	if (other == 0) {
		usleep(200000);
		_exit(0);
	}
	ksft_test_result(setpgid(child, child) == 0 && getpgid(child) == child &&
			 setpgid(other, child) == 0 && getpgid(other) == child,
			 "setpgid moves a child to a new group, another child into it");
	waitpid(child, &status, 0);
	waitpid(other, &status, 0);
}

/* A child that makes its own session, then waits to be killed. */
static pid_t spawn_session_leader(void)
{
	pid_t child = fork();

	if (child == 0) {
		setsid();
		for (;;)
			pause();
	}
	return child;
}

static void setpgid_across_sessions(void)
{
	pid_t leader = spawn_session_leader(), other;
	int status;

	usleep(100000);
	expect_errno(setpgid(leader, leader), EPERM, "setpgid of a child in another session is EPERM");
	other = fork();
	if (other == 0) {
		usleep(300000);
		_exit(0);
	}
	expect_errno(setpgid(other, leader), EPERM,
		     "setpgid into a group of another session is EPERM");
	expect_errno(setpgid(other, 999999), EPERM, "setpgid into no group is EPERM");
	kill(leader, SIGKILL);
	waitpid(leader, &status, 0);
	waitpid(other, &status, 0);
}

static void setpgid_after_exec(void)
{
	char *argv[] = { self, "idle", NULL };
	pid_t child = vfork();
	int status;

	if (child == 0) {
		execv(self, argv);
		_exit(127);
	}
	/*
	 * vfork: the child is in its exec (or failed) by now. Linux releases
	 * the parent before the exec is complete: give it the time to end.
	 */
	usleep(100000);
	expect_errno(setpgid(child, child), EACCES, "setpgid of a child that exec'd is EACCES");
	waitpid(child, &status, 0);
	if (!exited_with(status, 0))
		ksft_print_msg("the exec'd child (%s) ended with status %#x", self, status);
}

static void hup_handler(int sig)
{
	int fd = open(MARK_FILE, O_WRONLY | O_CREAT | O_APPEND, 0644);

	if (fd >= 0) {
		write(fd, sig == SIGHUP ? "H" : "C", 1);
		close(fd);
	}
}

/*
 * The middle process puts itself and a child in a new group; the child
 * stops. The middle process's exit orphans the group (the test, its
 * parent, is in another group of the session): the stopped child gets
 * SIGHUP, then SIGCONT, and records both.
 */
static int orphan_middle(void *arg)
{
	pid_t stopper;
	int status;

	(void)arg;
	if (setpgid(0, 0))
		return 1;
	stopper = fork();
	if (stopper == 0) {
		signal(SIGHUP, hup_handler);
		signal(SIGCONT, hup_handler);
		raise(SIGSTOP);
		usleep(100000);
		_exit(0);
	}
	if (waitpid(stopper, &status, WUNTRACED) != stopper || !WIFSTOPPED(status))
		return 2;
	return 0;
}

static void orphaned_group_hangup(void)
{
	char mark[8] = "";
	int fd, i;

	unlink(MARK_FILE);
	if (!exited_with(child_status(orphan_middle, NULL), 0)) {
		ksft_test_result_fail("an orphaned group with a stopped member gets SIGHUP and SIGCONT");
		return;
	}
	for (i = 0; i < 50; i++) {
		fd = open(MARK_FILE, O_RDONLY);
		if (fd >= 0) {
			mark[read(fd, mark, sizeof(mark) - 1) > 0 ? 2 : 0] = '\0';
			close(fd);
			if (strlen(mark) == 2)
				break;
		}
		usleep(20000);
	}
	/* Both are pending when it resumes: Linux runs SIGCONT's handler inside SIGHUP's. */
	ksft_test_result(strlen(mark) == 2 && strchr(mark, 'H') && strchr(mark, 'C'),
			 "an orphaned group with a stopped member gets SIGHUP and SIGCONT (got \"%s\")",
			 mark);
	unlink(MARK_FILE);
}

/* ---- the controlling terminal -------------------------------------------- */

/* A new session with the console as its terminal; the tty's fd, or -errno-ish codes. */
static int take_console(void)
{
	int fd;

	if (setsid() < 0)
		return -1;
	fd = open(TTY_NODE, O_RDWR | O_NOCTTY);
	if (fd < 0)
		return -2;
	if (ioctl(fd, TIOCSCTTY, 0))
		return -3;
	return fd;
}

/* Leave the terminal before exiting, so that Linux does not hang the console up. */
static int leave_console(int fd, int ret)
{
	signal(SIGHUP, SIG_IGN);
	signal(SIGCONT, SIG_IGN);
	ioctl(fd, TIOCNOTTY);
	close(fd);
	return ret;
}

static int ctty_child(void *arg)
{
	pid_t pgrp, sid;
	int fd, tfd;

	(void)arg;
	if (setsid() < 0)
		return 1;
	fd = open(TTY_NODE, O_RDWR | O_NOCTTY);
	if (fd < 0)
		return 2;
	/* Not our terminal yet: the job-control calls do not apply. */
	if (ioctl(fd, TIOCGPGRP, &pgrp) != -1 || errno != ENOTTY)
		return 3;
	if (open(DEVTTY_NODE, O_RDWR) != -1 || errno != ENXIO)
		return 4;
	if (ioctl(fd, TIOCSCTTY, 0))
		return 5;
	if (ioctl(fd, TIOCGPGRP, &pgrp) || pgrp != getpgrp())
		return 6;
	if (ioctl(fd, TIOCGSID, &sid) || sid != getsid(0))
		return 7;
	tfd = open(DEVTTY_NODE, O_RDWR);
	if (tfd < 0 || ioctl(tfd, TIOCGPGRP, &pgrp) || pgrp != getpgrp())
		return 8;
	close(tfd);
	return leave_console(fd, 0);
}

static int tiocspgrp_child(void *arg)
{
	pid_t pgrp = -1, bg;
	int fd = take_console(), status, ret = 0;

	(void)arg;
	if (fd < 0)
		return 10 - fd;
	if (ioctl(fd, TIOCSPGRP, &pgrp) != -1 || errno != EINVAL)
		ret = 1;
	pgrp = 999999;
	if (!ret && (ioctl(fd, TIOCSPGRP, &pgrp) != -1 || errno != ESRCH))
		ret = 2;
	pgrp = getppid();	/* the test: a process of another session */
	if (!ret && (ioctl(fd, TIOCSPGRP, &pgrp) != -1 || errno != EPERM))
		ret = 3;
	bg = fork();
	if (bg == 0) {
		setpgid(0, 0);
		usleep(300000);
		_exit(0);
	}
	setpgid(bg, bg);
	pgrp = bg;
	if (!ret && (ioctl(fd, TIOCSPGRP, &pgrp) || ioctl(fd, TIOCGPGRP, &pgrp) || pgrp != bg))
		ret = 4;
	/* Back to our group: we are in the background now, so SIGTTOU must be ignored. */
	signal(SIGTTOU, SIG_IGN);
	pgrp = getpgrp();
	if (!ret && (ioctl(fd, TIOCSPGRP, &pgrp) || ioctl(fd, TIOCGPGRP, &pgrp) ||
		     pgrp != getpgrp()))
		ret = 5;
	waitpid(bg, &status, 0);
	return leave_console(fd, ret);
}

/* A child in a background group of the console's session does @what; its wait status. */
static int background_status(int fd, int what)
{
	pid_t bg = fork();
	int status;
	char c;

	if (bg == 0) {
		setpgid(0, 0);
		if (what == 0)
			_exit(read(fd, &c, 1) == -1 && errno == EIO ? 0 : 1);
		if (what == 1)
			read(fd, &c, 1);
		else
			write(fd, " \b", 2);
		_exit(2);
	}
	setpgid(bg, bg);
	if (waitpid(bg, &status, WUNTRACED) != bg)
		return -1;
	if (WIFSTOPPED(status)) {
		kill(bg, SIGKILL);
		waitpid(bg, NULL, 0);
	}
	return status;
}

static int background_read_child(void *arg)
{
	int fd = take_console(), st, ret = 0;
	struct termios t, saved;

	(void)arg;
	if (fd < 0)
		return 10 - fd;
	st = background_status(fd, 1);
	if (!WIFSTOPPED(st) || WSTOPSIG(st) != SIGTTIN)
		ret = 1;
	signal(SIGTTIN, SIG_IGN);	/* inherited by the next child */
	st = background_status(fd, 0);
	if (!ret && !exited_with(st, 0))
		ret = 2;
	signal(SIGTTIN, SIG_DFL);
	/* TOSTOP: a background write stops with SIGTTOU. */
	if (!ret && tcgetattr(fd, &saved))
		ret = 3;
	t = saved;
	t.c_lflag |= TOSTOP;
	if (!ret && tcsetattr(fd, TCSANOW, &t))
		ret = 4;
	st = background_status(fd, 2);
	if (!ret && (!WIFSTOPPED(st) || WSTOPSIG(st) != SIGTTOU))
		ret = 5;
	tcsetattr(fd, TCSANOW, &saved);
	return leave_console(fd, ret);
}

static int winsize_child(void *arg)
{
	struct winsize ws = { .ws_row = 33, .ws_col = 111 }, got, saved;
	int fd = take_console(), n = -1, ret = 0;

	(void)arg;
	if (fd < 0)
		return 10 - fd;
	if (ioctl(fd, TIOCGWINSZ, &saved) || ioctl(fd, TIOCSWINSZ, &ws) ||
	    ioctl(fd, TIOCGWINSZ, &got) || got.ws_row != 33 || got.ws_col != 111)
		ret = 1;
	ioctl(fd, TIOCSWINSZ, &saved);
	if (!ret && (ioctl(fd, FIONREAD, &n) || n < 0))
		ret = 2;
	return leave_console(fd, ret);
}

static int notty_child(void *arg)
{
	pid_t pgrp;
	int fd = take_console();

	(void)arg;
	if (fd < 0)
		return 10 - fd;
	signal(SIGHUP, SIG_IGN);
	signal(SIGCONT, SIG_IGN);
	if (ioctl(fd, TIOCNOTTY))
		return 1;
	if (ioctl(fd, TIOCGPGRP, &pgrp) != -1 || errno != ENOTTY)
		return 2;
	if (open(DEVTTY_NODE, O_RDWR) != -1 || errno != ENXIO)
		return 3;
	close(fd);
	return 0;
}

static volatile int got_int, got_quit, got_tstp;

static void on_isig(int sig)
{
	got_int += sig == SIGINT;
	got_quit += sig == SIGQUIT;
	got_tstp += sig == SIGTSTP;
}

/* Type @s into the terminal (TIOCSTI: root may, on both kernels). */
static int type_in(int fd, const char *s)
{
	for (; *s; s++)
		if (ioctl(fd, TIOCSTI, s))
			return -1;
	return 0;
}

/* ^C, ^\ and ^Z typed on the terminal signal its foreground group: us. */
static int isig_child(void *arg)
{
	int fd = take_console(), ret = 0;
	struct termios t, saved;

	(void)arg;
	if (fd < 0)
		return 10 - fd;
	tcgetattr(fd, &saved);
	t = saved;
	t.c_lflag &= ~ECHO;	/* nothing typed here reaches the console */
	tcsetattr(fd, TCSANOW, &t);
	signal(SIGINT, on_isig);
	signal(SIGQUIT, on_isig);
	signal(SIGTSTP, on_isig);
	if (type_in(fd, "\x03") || type_in(fd, "\x1c") || type_in(fd, "\x1a"))
		ret = 1;
	usleep(50000);
	if (!ret && (got_int != 1 || got_quit != 1 || got_tstp != 1))
		ret = 2;
	tcsetattr(fd, TCSANOW, &saved);
	return leave_console(fd, ret);
}

/* Canonical editing, then raw reads with VMIN and VTIME, on typed input. */
static int line_discipline_child(void *arg)
{
	int fd = take_console(), ret = 0, n;
	struct termios t, saved;
	char buf[16];

	(void)arg;
	if (fd < 0)
		return 10 - fd;
	tcgetattr(fd, &saved);
	t = saved;
	t.c_lflag &= ~ECHO;
	t.c_lflag |= ICANON;
	tcsetattr(fd, TCSAFLUSH, &t);
	type_in(fd, "ab\x7f" "c\n");
	n = read(fd, buf, sizeof(buf));
	if (n != 3 || memcmp(buf, "ac\n", 3))
		ret = 1;
	t.c_lflag &= ~ICANON;
	t.c_cc[VMIN] = 0;
	t.c_cc[VTIME] = 1;
	tcsetattr(fd, TCSANOW, &t);
	if (!ret && read(fd, buf, sizeof(buf)) != 0)	/* a tenth of a second, nothing */
		ret = 2;
	t.c_cc[VMIN] = 2;
	t.c_cc[VTIME] = 0;
	tcsetattr(fd, TCSANOW, &t);
	type_in(fd, "xyz");
	if (!ret && (ioctl(fd, FIONREAD, &n) || n != 3))
		ret = 3;
	if (!ret && (read(fd, buf, 2) != 2 || memcmp(buf, "xy", 2)))
		ret = 4;
	/* MIN 2 waits for two bytes, unless the read asks for fewer. */
	if (!ret && (read(fd, buf, 1) != 1 || buf[0] != 'z'))
		ret = 5;
	tcsetattr(fd, TCSAFLUSH, &saved);
	return leave_console(fd, ret);
}

static void check_child(int (*fn)(void *), const char *desc)
{
	int status = child_status(fn, NULL);

	if (!exited_with(status, 0))
		ksft_print_msg("%s: child status %#x", desc, status);
	ksft_test_result(exited_with(status, 0), "%s", desc);
}

static void terminal(void)
{
	unlink(TTY_NODE);
	unlink(DEVTTY_NODE);
	if (mknod(TTY_NODE, S_IFCHR | 0600, makedev(4, 64)) ||
	    mknod(DEVTTY_NODE, S_IFCHR | 0666, makedev(5, 0)))
		ksft_exit_fail_msg("mknod: %s", strerror(errno));
	check_child(ctty_child,
		    "TIOCSCTTY makes the console the session's terminal: TIOCGPGRP, TIOCGSID, /dev/tty");
	check_child(tiocspgrp_child, "TIOCSPGRP: EINVAL, ESRCH, EPERM, a group of the session");
	check_child(background_read_child,
		    "a background read stops with SIGTTIN (EIO if ignored), a TOSTOP write with SIGTTOU");
	check_child(winsize_child, "TIOCSWINSZ is what TIOCGWINSZ reads; FIONREAD");
	check_child(isig_child, "^C, ^\\ and ^Z typed signal the foreground group");
	check_child(line_discipline_child,
		    "typed input: canonical erase, VMIN 0 VTIME 1 times out, VMIN 2, FIONREAD");
	check_child(notty_child, "TIOCNOTTY leaves the terminal: ENOTTY and ENXIO after");
	unlink(TTY_NODE);
	unlink(DEVTTY_NODE);
}

/* ---- interval timers ------------------------------------------------------ */

static volatile int alarms;

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

static void itimers(void)
{
	struct itimerval it = { .it_value = { 0, 200000 }, .it_interval = { 0, 100000 } }, got;
	struct timespec start, now;

	signal(SIGALRM, SIG_IGN);
	ksft_test_result(!setitimer(ITIMER_REAL, &it, NULL) && !getitimer(ITIMER_REAL, &got) &&
			 got.it_value.tv_sec == 0 && got.it_value.tv_usec > 0 &&
			 got.it_value.tv_usec <= 200000 && got.it_interval.tv_usec == 100000,
			 "getitimer reads what setitimer armed");
	memset(&it, 0, sizeof(it));
	ksft_test_result(!setitimer(ITIMER_REAL, &it, &got) && got.it_interval.tv_usec == 100000 &&
			 !getitimer(ITIMER_REAL, &got) && !got.it_value.tv_sec &&
			 !got.it_value.tv_usec,
			 "a zero value disarms and returns the old one");
	it.it_value.tv_usec = 1000000;
	expect_errno(setitimer(ITIMER_REAL, &it, NULL), EINVAL, "setitimer tv_usec 1000000 is EINVAL");
	it.it_value.tv_usec = -1;
	expect_errno(setitimer(ITIMER_REAL, &it, NULL), EINVAL, "setitimer tv_usec -1 is EINVAL");
	expect_errno(setitimer(99, &it, NULL), EINVAL, "setitimer of an unknown timer is EINVAL");
	expect_errno(getitimer(99, &got), EINVAL, "getitimer of an unknown timer is EINVAL");
	ksft_test_result(alarm(5) == 0 && alarm(0) == 5, "alarm returns the seconds left");

	signal(SIGALRM, on_alarm);
	alarms = 0;
	it = (struct itimerval){ .it_value = { 0, 20000 }, .it_interval = { 0, 20000 } };
	clock_gettime(CLOCK_MONOTONIC, &start);
	setitimer(ITIMER_REAL, &it, NULL);
	do {
		pause();
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while (alarms < 3 && now.tv_sec - start.tv_sec < 5);
	memset(&it, 0, sizeof(it));
	setitimer(ITIMER_REAL, &it, NULL);
	ksft_test_result(alarms >= 3, "SIGALRM comes every interval (%d)", alarms);
	signal(SIGALRM, SIG_DFL);
}

/* ---- CPU times and usage -------------------------------------------------- */

#define TOUCH_BYTES	(8UL << 20)

static void burn_cpu(long ms)
{
	struct timespec start, now;

	clock_gettime(CLOCK_MONOTONIC, &start);
	do
		clock_gettime(CLOCK_MONOTONIC, &now);
	while ((now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000 < ms);
}

static int toucher(void *arg)
{
	char *p = mmap(NULL, TOUCH_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		       -1, 0);
	unsigned long i;

	(void)arg;
	if (p == MAP_FAILED)
		return 1;
	for (i = 0; i < TOUCH_BYTES; i += PAGE)
		p[i] = 1;
	burn_cpu(300);
	return 0;
}

static long tv_ms(struct timeval tv)
{
	return tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

static void usage(void)
{
	struct rusage self, thread, before, after;
	struct tms t;
	clock_t c;

	burn_cpu(300);
	c = times(&t);
	ksft_test_result(c != (clock_t)-1 && t.tms_utime + t.tms_stime > 0,
			 "times counts the caller's CPU time (%ld+%ld ticks)",
			 (long)t.tms_utime, (long)t.tms_stime);
	ksft_test_result(times(NULL) != (clock_t)-1, "times(NULL) returns the clock");
	ksft_test_result(!getrusage(RUSAGE_SELF, &self) &&
			 tv_ms(self.ru_utime) + tv_ms(self.ru_stime) > 0 && self.ru_maxrss > 0 &&
			 self.ru_minflt > 0,
			 "RUSAGE_SELF: CPU time, maxrss %ld KiB, %ld minor faults", self.ru_maxrss,
			 self.ru_minflt);
	ksft_test_result(!getrusage(RUSAGE_THREAD, &thread) && thread.ru_maxrss > 0 &&
			 tv_ms(thread.ru_utime) + tv_ms(thread.ru_stime) > 0,
			 "RUSAGE_THREAD counts the calling thread");
	expect_errno(getrusage(5, &self), EINVAL, "getrusage of an unknown who is EINVAL");

	getrusage(RUSAGE_CHILDREN, &before);
	if (!exited_with(child_status(toucher, NULL), 0))
		ksft_exit_fail_msg("the toucher child failed");
	getrusage(RUSAGE_CHILDREN, &after);
	ksft_test_result(after.ru_maxrss >= (long)(TOUCH_BYTES >> 10),
			 "RUSAGE_CHILDREN: maxrss of a reaped child that touched 8 MiB (%ld KiB)",
			 after.ru_maxrss);
	ksft_test_result(after.ru_minflt - before.ru_minflt >= (long)(TOUCH_BYTES / PAGE),
			 "RUSAGE_CHILDREN: its minor faults (%ld)",
			 after.ru_minflt - before.ru_minflt);
	ksft_test_result(tv_ms(after.ru_utime) + tv_ms(after.ru_stime) -
			 tv_ms(before.ru_utime) - tv_ms(before.ru_stime) >= 100,
			 "RUSAGE_CHILDREN: its CPU time");
	times(&t);
	ksft_test_result(t.tms_cutime + t.tms_cstime >= 10, "times: the children's CPU time");
}

/* ---- file times ----------------------------------------------------------- */

#define UT_FILE	"/tmp/session_ut"
#define UT_LINK	"/tmp/session_ut_link"

static bool times_are(const char *path, bool follow, long asec, long ansec, long msec, long mnsec)
{
	struct stat st;

	if ((follow ? stat(path, &st) : lstat(path, &st)))
		return false;
	return st.st_atim.tv_sec == asec && st.st_atim.tv_nsec == ansec &&
	       st.st_mtim.tv_sec == msec && st.st_mtim.tv_nsec == mnsec;
}

static void file_times(void)
{
	struct timespec ts[2] = { { 1000, 500 }, { 2000, 600 } };
	struct timeval tv[2] = { { 3000, 7 }, { 4000, 8 } };
	struct stat st;
	time_t now = time(NULL);
	int fd;

	unlink(UT_FILE);
	unlink(UT_LINK);
	fd = open(UT_FILE, O_RDWR | O_CREAT, 0644);
	symlink(UT_FILE, UT_LINK);
	ksft_test_result(!utimensat(AT_FDCWD, UT_FILE, ts, 0) &&
			 times_are(UT_FILE, true, 1000, 500, 2000, 600),
			 "utimensat sets both times to the nanosecond");
	ts[0].tv_nsec = UTIME_OMIT;
	ts[1].tv_nsec = UTIME_NOW;
	ksft_test_result(!utimensat(AT_FDCWD, UT_FILE, ts, 0) && !stat(UT_FILE, &st) &&
			 st.st_atim.tv_sec == 1000 && st.st_mtim.tv_sec >= now,
			 "UTIME_OMIT keeps atime, UTIME_NOW sets mtime to now");
	ts[0] = (struct timespec){ 5, 0 };
	ts[1] = (struct timespec){ 6, 0 };
	ksft_test_result(!futimens(fd, ts) && times_are(UT_FILE, true, 5, 0, 6, 0),
			 "futimens (utimensat on an fd) sets its file's times");
	ksft_test_result(!utimensat(AT_FDCWD, UT_FILE, NULL, 0) && !stat(UT_FILE, &st) &&
			 st.st_atim.tv_sec >= now && st.st_mtim.tv_sec >= now,
			 "utimensat NULL sets both to now");
	ts[0] = (struct timespec){ 7, 0 };
	ts[1] = (struct timespec){ 8, 0 };
	ksft_test_result(!utimensat(AT_FDCWD, UT_LINK, ts, AT_SYMLINK_NOFOLLOW) &&
			 times_are(UT_LINK, false, 7, 0, 8, 0) && !stat(UT_FILE, &st) &&
			 st.st_mtim.tv_sec >= now,
			 "AT_SYMLINK_NOFOLLOW sets the link's own times");
	ksft_test_result(!utimes(UT_FILE, tv) && times_are(UT_FILE, true, 3000, 7000, 4000, 8000),
			 "utimes sets microseconds");
	ts[0] = (struct timespec){ 1, 1000000000 };
	expect_errno(utimensat(AT_FDCWD, UT_FILE, ts, 0), EINVAL,
		     "utimensat tv_nsec 1000000000 is EINVAL");
	ts[0] = (struct timespec){ 1, 0 };
	expect_errno(utimensat(AT_FDCWD, UT_FILE, ts, 0x8000), EINVAL,
		     "utimensat with an unknown flag is EINVAL");
	expect_errno(utimensat(AT_FDCWD, "/tmp/no/such", ts, 0), ENOENT,
		     "utimensat of no file is ENOENT");
	expect_errno(syscall(SYS_utimensat, fd, NULL, ts, AT_SYMLINK_NOFOLLOW), EINVAL,
		     "utimensat on an fd with a flag is EINVAL");
	expect_errno(syscall(SYS_utimensat, 999, NULL, ts, 0), EBADF,
		     "utimensat on a closed fd is EBADF");
	ts[0].tv_nsec = ts[1].tv_nsec = UTIME_OMIT;
	ksft_test_result(!utimensat(AT_FDCWD, UT_FILE, ts, 0) &&
			 times_are(UT_FILE, true, 3000, 7000, 4000, 8000),
			 "utimensat with both UTIME_OMIT changes nothing");
	close(fd);
	unlink(UT_LINK);
	unlink(UT_FILE);
}

/* ---- the kernel log --------------------------------------------------------- */

#define SYSLOG_ACTION_READ_ALL		3
#define SYSLOG_ACTION_CONSOLE_LEVEL	8
#define SYSLOG_ACTION_SIZE_UNREAD	9
#define SYSLOG_ACTION_SIZE_BUFFER	10

static void kernel_log(void)
{
	static const char marker[] = "<14>session_calls: syslog marker 4711\n";
	int size = klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0), fd, n;
	char *buf;

	ksft_test_result(size >= 4096, "SYSLOG_ACTION_SIZE_BUFFER is the log's size (%d)", size);
	if (size < 4096)
		size = 4096;
	buf = malloc(size + 1);
	fd = open("/dev/kmsg", O_WRONLY);
	if (fd < 0) {
		mknod("/tmp/session_kmsg", S_IFCHR | 0600, makedev(1, 11));
		fd = open("/tmp/session_kmsg", O_WRONLY);
		unlink("/tmp/session_kmsg");
	}
	if (!buf || fd < 0 || write(fd, marker, strlen(marker)) < 0)
		ksft_exit_fail_msg("kmsg: %s", strerror(errno));
	close(fd);
	n = klogctl(SYSLOG_ACTION_READ_ALL, buf, size);
	if (n >= 0)
		buf[n] = '\0';
	ksft_test_result(n > 0 && buf[0] == '<' && strstr(buf, "syslog marker 4711") &&
			 strstr(buf, "<14>"),
			 "READ_ALL has the lines with their <priority>, the one just written too");
	n = klogctl(SYSLOG_ACTION_READ_ALL, buf, 4096);
	ksft_test_result(n > 0 && n <= 4096 && buf[n - 1] == '\n' && buf[0] == '<',
			 "READ_ALL gives the newest whole lines that fit");
	ksft_test_result(klogctl(SYSLOG_ACTION_SIZE_UNREAD, NULL, 0) >= 0, "SIZE_UNREAD");
	expect_errno(klogctl(SYSLOG_ACTION_READ_ALL, NULL, 16), EINVAL, "READ_ALL into NULL is EINVAL");
	expect_errno(klogctl(SYSLOG_ACTION_READ_ALL, buf, -1), EINVAL,
		     "READ_ALL of a negative length is EINVAL");
	expect_errno(klogctl(SYSLOG_ACTION_CONSOLE_LEVEL, NULL, 0), EINVAL,
		     "CONSOLE_LEVEL 0 is EINVAL");
	expect_errno(klogctl(99, NULL, 0), EINVAL, "an unknown action is EINVAL");
	free(buf);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "idle")) {
		sleep(1);
		return 0;
	}
	/* The runner execs /tests/gcc/NAME with argv[0] relative to /tests. */
	snprintf(self, sizeof(self), "%s%s", argv[0][0] == '/' ? "" : "/tests/", argv[0]);
	ksft_print_header();
	ksft_set_plan(58);
	sessions();
	setpgid_across_sessions();
	setpgid_after_exec();
	orphaned_group_hangup();
	terminal();
	itimers();
	usage();
	file_times();
	kernel_log();
	ksft_finished();
}
