// SPDX-License-Identifier: GPL-2.0
/*
 * runner: the init program of the test boots. It runs the programs named
 * in a list, one at a time, and prints their TAP nested as Linux's
 * tools/testing/selftests/kselftest/runner.sh does:
 *
 *   TAP version 13
 *   1..N                                  one result per program
 *   # selftests: user: gcc/mmap_calls
 *   # TAP version 13                      the program's own lines, each
 *   # 1..40                               behind "# "
 *   # ok 1 mmap anonymous private
 *   ...
 *   ok 1 selftests: user: gcc/mmap_calls
 *   not ok 2 selftests: vm: gcc/soft-dirty # exit=1
 *
 * then powers the machine off with reboot(LINUX_REBOOT_CMD_POWER_OFF) (in
 * a test boot of our kernel that leaves QEMU with the in-kernel suites'
 * verdict; the user results are counted from the console by
 * tools/runtest.py).
 *
 * The list (argv[1], default /tests/list) has one program a line,
 * "COLLECTION PATH" with PATH below /tests; lines starting with '#' are
 * comments. A line may end with options, as Linux's run_vmtests.sh runs
 * some programs: "uid=N" runs the program with that user and group id (a
 * test of an unprivileged user's limits), "overcommit=N" sets
 * /proc/sys/vm/overcommit_memory for its run and restores it after.
 * A program runs with fork + execve + wait4, its stdout and
 * stderr a pipe the runner copies to the console line by line as they
 * come, until the last writer closes it (as Linux's runner.sh pipes the
 * output through sed). Status 0
 * is "ok", 4 (KSFT_SKIP) "ok ... # SKIP", anything else "not ok" with the
 * status as a shell gives it (128 + signal for a killed program).
 *
 * As pid 1 it first does what an init does for these tests: /proc and /sys
 * mounted, /tmp present (on Linux's initramfs root, a tmpfs, and on ours).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define MAX_PROGRAMS	256

struct program {
	char collection[32];
	char path[200];
	int uid;		/* -1: the runner's own */
	int overcommit;		/* -1: left as it is */
};

static struct program programs[MAX_PROGRAMS];

static void put(const char *s, size_t len)
{
	while (len) {
		ssize_t n = write(1, s, len);

		if (n <= 0)
			return;
		s += n;
		len -= n;
	}
}

static void putline(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void putline(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf) - 1, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	buf[n++] = '\n';
	put(buf, n);
}

static int read_list(const char *name)
{
	char line[256];
	FILE *f = fopen(name, "r");
	int n = 0;

	if (!f)
		return -errno;
	while (n < MAX_PROGRAMS && fgets(line, sizeof(line), f)) {
		struct program *p = &programs[n];

		char opt[2][32];
		int i, nopt;

		if (line[0] == '#')
			continue;
		nopt = sscanf(line, "%31s %199s %31s %31s", p->collection, p->path, opt[0], opt[1]);
		if (nopt < 2)
			continue;
		p->uid = p->overcommit = -1;
		for (i = 0; i < nopt - 2; i++) {
			sscanf(opt[i], "uid=%d", &p->uid);
			sscanf(opt[i], "overcommit=%d", &p->overcommit);
		}
		n++;
	}
	fclose(f);
	return n;
}

/* What comes through @fd until EOF, every line behind "# "; a last line without '\n' gets one. */
static void copy_output(int fd)
{
	char buf[4096], line[1024];
	size_t len = 0;
	ssize_t n, i;

	while ((n = read(fd, buf, sizeof(buf))) > 0 || (n < 0 && errno == EINTR)) {
		for (i = 0; i < n; i++) {
			if (buf[i] != '\n' && len < sizeof(line) - 1) {
				line[len++] = buf[i];
				continue;
			}
			if (buf[i] == '\n') {
				line[len] = '\0';
				putline("# %s", line);
				len = 0;
			}
		}
	}
	if (len) {
		line[len] = '\0';
		putline("# %s", line);
	}
}

static void init_setup(void)
{
	mkdir("/proc", 0555);
	mount("proc", "/proc", "proc", 0, NULL);	/* EBUSY where the kernel did it */
	mkdir("/sys", 0555);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
	mkdir("/tmp", 01777);
}

/* Write @value to /proc/sys/vm/overcommit_memory; the old value, or -1. */
static int set_overcommit(int value)
{
	char buf[16] = "";
	int fd = open("/proc/sys/vm/overcommit_memory", O_RDWR), old = -1;

	if (fd < 0)
		return -1;
	if (read(fd, buf, sizeof(buf) - 1) > 0)
		old = atoi(buf);
	snprintf(buf, sizeof(buf), "%d\n", value);
	if (pwrite(fd, buf, strlen(buf), 0) < 0)
		old = -1;
	close(fd);
	return old;
}

/* Run one program with stdout and stderr into a pipe; its status as a shell reports it. */
static int run_program(const struct program *p)
{
	char path[256];
	char *argv[2] = { path, NULL };
	char *envp[] = { "PATH=/bin:/sbin", "HOME=/", NULL };
	int status, out[2], old_overcommit = -1;
	pid_t pid;

	snprintf(path, sizeof(path), "/tests/%s", p->path);
	if (pipe2(out, O_CLOEXEC)) {
		putline("# runner: pipe2: %s", strerror(errno));
		return 127;
	}
	if (p->overcommit >= 0)
		old_overcommit = set_overcommit(p->overcommit);
	pid = fork();
	if (pid == 0) {
		dup2(out[1], 1);	/* dup2 leaves the copies open across execve */
		dup2(out[1], 2);
		if (chdir("/tmp") ||
		    (p->uid >= 0 && (setgid(p->uid) || setuid(p->uid))))
			dprintf(2, "runner: chdir or setuid: %s\n", strerror(errno));
		execve(path, argv, envp);
		dprintf(2, "runner: execve %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	close(out[1]);
	if (pid < 0) {
		close(out[0]);
		putline("# runner: fork: %s", strerror(errno));
		return 127;
	}
	copy_output(out[0]);
	close(out[0]);
	while (wait4(pid, &status, 0, NULL) < 0)
		if (errno != EINTR) {
			putline("# runner: wait4: %s", strerror(errno));
			return 127;
		}
	if (old_overcommit >= 0)
		set_overcommit(old_overcommit);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

int main(int argc, char **argv)
{
	const char *list = argc > 1 ? argv[1] : "/tests/list";
	int i, n, failed = 0;

	if (getpid() == 1)
		init_setup();
	n = read_list(list);
	putline("TAP version 13");
	if (n < 0) {
		putline("1..0 # SKIP cannot read %s: %s", list, strerror(-n));
		n = 0;
	} else {
		putline("1..%d", n);
	}
	for (i = 0; i < n; i++) {
		const struct program *p = &programs[i];
		int rc;

		putline("# selftests: %s: %s", p->collection, p->path);
		rc = run_program(p);
		if (rc == 0)
			putline("ok %d selftests: %s: %s", i + 1, p->collection, p->path);
		else if (rc == 4)
			putline("ok %d selftests: %s: %s # SKIP", i + 1, p->collection, p->path);
		else
			putline("not ok %d selftests: %s: %s # exit=%d", i + 1, p->collection,
				p->path, rc);
		failed += rc != 0 && rc != 4;
	}
	if (getpid() != 1)
		return failed ? 1 : 0;
	sync();
	reboot(RB_POWER_OFF);	/* LINUX_REBOOT_CMD_POWER_OFF, with the magic numbers */
	/* Only when the power-off failed: init's exit then ends the machine (a panic). */
	putline("# runner: reboot: %s", strerror(errno));
	return 1;
}
