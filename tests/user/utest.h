/* SPDX-License-Identifier: GPL-2.0 */
/*
 * utest.h: what the user test programs share beyond kselftest.h.
 *
 *   expect_errno()      a call's -1/errno checked as one TAP result
 *   child_status()      a function run in a forked child: its wait status
 *   killed_by()         "the child died of this signal" (a bad access is
 *                       checked from the parent; segv_kinds.c also
 *                       catches each kind with a handler)
 *   maps_read()         /proc/self/maps parsed into struct maps_entry,
 *                       read with open/read into a static buffer so that
 *                       reading it maps nothing (stdio would allocate)
 *   status_kb()         a "Name:  N kB" field of /proc/self/status
 *
 * Everything is static inline: each program includes this once.
 */
#ifndef _USER_UTEST_H
#define _USER_UTEST_H

#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "kselftest.h"

#define PAGE	4096UL

/* @ret (a call's return value) is -1 with errno @err; one result named @desc. */
static inline void expect_errno(long ret, int err, const char *desc)
{
	if (ret == -1 && errno == err)
		ksft_test_result_pass("%s", desc);
	else {
		ksft_print_msg("%s: got %ld errno %d (%s), expected errno %d (%s)", desc, ret,
			       ret == -1 ? errno : 0, ret == -1 ? strerror(errno) : "-",
			       err, strerror(err));
		ksft_test_result_fail("%s", desc);
	}
}

/* @ret is 0 (or, for calls that return a value, not -1); errno shown on failure. */
static inline void expect_ok(long ret, const char *desc)
{
	if (ret != -1)
		ksft_test_result_pass("%s", desc);
	else {
		ksft_print_msg("%s: errno %d (%s)", desc, errno, strerror(errno));
		ksft_test_result_fail("%s", desc);
	}
}

/* Run @fn(@arg) in a child that exits with what it returns; its wait status, or -1. */
static inline int child_status(int (*fn)(void *), void *arg)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0)
		_exit(fn(arg));
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static inline bool exited_with(int status, int code)
{
	return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == code;
}

static inline bool killed_by(int status, int sig)
{
	return status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == sig;
}

/* Child bodies for the access checks: each returns only if the access did not fault. */
static inline int touch_read(void *p)
{
	return *(volatile char *)p == 0x5a ? 2 : 0;
}

static inline int touch_write(void *p)
{
	*(volatile char *)p = 1;
	return 0;
}

struct maps_entry {
	unsigned long start, end, pgoff;
	char perms[5];
	char name[64];
};

/* Up to @max entries of /proc/self/maps; their number, or -1. */
static inline int maps_read(struct maps_entry *e, int max)
{
	static char buf[1 << 16];
	ssize_t len = 0, n;
	int fd = open("/proc/self/maps", O_RDONLY), count = 0;
	char *line;

	if (fd < 0)
		return -1;
	while ((n = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = '\0';
	for (line = buf; *line && count < max; count++) {
		char *nl = strchr(line, '\n');
		int consumed = 0;

		if (nl)
			*nl = '\0';
		if (sscanf(line, "%lx-%lx %4s %lx %*s %*s %n", &e[count].start, &e[count].end,
			   e[count].perms, &e[count].pgoff, &consumed) < 4)
			return -1;
		snprintf(e[count].name, sizeof(e[count].name), "%s", consumed ? line + consumed : "");
		if (!nl)
			return count + 1;
		line = nl + 1;
	}
	return count;
}

/* The entry containing @addr, or NULL. */
static inline struct maps_entry *maps_find(struct maps_entry *e, int n, unsigned long addr)
{
	int i;

	for (i = 0; i < n; i++)
		if (e[i].start <= addr && addr < e[i].end)
			return &e[i];
	return NULL;
}

/* The value of /proc/self/status's field @name ("VmLck"), in kB, or -1. */
static inline long status_kb(const char *name)
{
	char buf[4096], *p;
	ssize_t n;
	int fd = open("/proc/self/status", O_RDONLY);
	size_t len = strlen(name);

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	for (p = buf; p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (!strncmp(p, name, len) && p[len] == ':')
			return strtol(p + len + 1, NULL, 10);
	return -1;
}

/* Pages of [@addr, +@len) resident according to mincore(), or -1. */
static inline long resident_pages(void *addr, size_t len)
{
	unsigned char vec[4096];
	size_t i, pages = (len + PAGE - 1) / PAGE;
	long n = 0;

	if (pages > sizeof(vec) || mincore(addr, len, vec))
		return -1;
	for (i = 0; i < pages; i++)
		n += vec[i] & 1;
	return n;
}

/* A fresh anonymous private mapping, or NULL (the failure is the caller's result). */
static inline char *map_anon(size_t len, int prot)
{
	void *p = mmap(NULL, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

#endif /* _USER_UTEST_H */
