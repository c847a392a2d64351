// SPDX-License-Identifier: GPL-2.0
/*
 * The procfs suite: fs/proc/, kernel/sysctl.c, the seq_file reads.
 * Every file is opened through the VFS (filp_open + kernel_read) at
 * /proc, mounted at boot, and its text checked line by line against
 * Linux's layout (Documentation/filesystems/proc.rst, proc(5)); reads in
 * pieces and at odd offsets, lseek, permissions, the per-task
 * directories coming and going with their tasks, /proc/sys/vm's
 * validation and effects. The suite's ->exit (vfs_test.h) checks that
 * inodes, dentries, files and mounts are back where they were.
 */
#include <linux/ktest.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/sysctl.h>
#include <linux/mmzone.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/kthread.h>
#include <linux/delay.h>
#include <linux/dirent.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <linux/kstrtox.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/init.h>
#include "vfs_test.h"

#define PROC_BUF_SIZE	(64 * 1024)

/* The line of @text starting with @key, or NULL. */
static const char *proc_line(const char *text, const char *key)
{
	size_t len = strlen(key);

	while (text && *text) {
		if (!strncmp(text, key, len))
			return text;
		text = strchr(text, '\n');
		if (text)
			text++;
	}
	return NULL;
}

/* The number after @key's line's key and blanks, or -1. */
static long proc_value(const char *text, const char *key)
{
	const char *line = proc_line(text, key);

	if (!line)
		return -1;
	line += strlen(key);
	while (*line == ' ' || *line == '\t')
		line++;
	return (long)simple_strtoul(line, NULL, 10);
}

/* Space-separated fields of the first line of @text. */
static unsigned int nr_fields(const char *text)
{
	unsigned int n = 0;

	for (; *text && *text != '\n'; text++)
		if (*text != ' ' && (text[1] == ' ' || text[1] == '\n' || !text[1]))
			n++;
	return n;
}

/* Field @n (from 1) of a /proc/PID/stat line whose comm has no spaces. */
static unsigned long long stat_field(const char *text, unsigned int n)
{
	while (--n && (text = strchr(text, ' ')))
		text++;
	return text ? simple_strtoull(text, NULL, 10) : ~0ULL;
}

static unsigned int nr_lines_with(const char *text, const char *key)
{
	unsigned int n = 0;

	for (; (text = proc_line(text, key)); text++)
		n++;
	return n;
}

/* Does @text have a line starting with each of @keys, in that order? */
static bool lines_in_order(struct ktest *test, const char *text, const char *const *keys,
			   unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		text = proc_line(text, keys[i]);
		if (!text) {
			ktest_info(test, "no line \"%s\" where expected\n", keys[i]);
			return false;
		}
	}
	return true;
}

#define PROC_CASE_BUF(test, buf) \
	char *buf = kmalloc(PROC_BUF_SIZE, GFP_KERNEL); \
	KTEST_ASSERT_NOT_NULL(test, buf)

static void proc_is_mounted_at_boot_and_listed_in_mounts(struct ktest *test)
{
	PROC_CASE_BUF(test, buf);
	struct kstatfs st;

	KTEST_EXPECT_GT(test, vt_read_file("/proc/mounts", buf, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "proc /proc proc rw,relatime 0 0\n"));
	KTEST_EXPECT_EQ(test, ksys_statfs("/proc", &st), 0);
	KTEST_EXPECT_EQ(test, st.f_type, 0x9fa0L);
	kfree(buf);
}

static void a_second_mount_shows_the_same_tree_and_ends_cleanly(struct ktest *test)
{
	char *a = kmalloc(PROC_BUF_SIZE, GFP_KERNEL), *b = kmalloc(PROC_BUF_SIZE, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_ASSERT_NOT_NULL(test, b);
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/p", 0555), 0);
	KTEST_ASSERT_EQ(test, init_mount("proc", VT "/p", "proc", 0, NULL), 0);
	KTEST_EXPECT_GT(test, vt_read_file(VT "/p/version", a, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_GT(test, vt_read_file("/proc/version", b, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_STREQ(test, a, b);
	KTEST_EXPECT_GT(test, vt_read_file(VT "/p/2/comm", a, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_GT(test, vt_read_file(VT "/p/sys/vm/min_free_kbytes", a, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_EQ(test, init_umount(VT "/p", 0), 0);
	KTEST_EXPECT_EQ(test, init_rmdir(VT "/p"), 0);
	kfree(a);
	kfree(b);
}

static void meminfo_lines_are_name_value_kb(struct ktest *test)
{
	static const char *const keys[] = { "MemTotal:", "MemFree:", "MemAvailable:", "Buffers:",
					    "Cached:", "SwapCached:", "Shmem:", "VmallocTotal:" };
	PROC_CASE_BUF(test, buf);
	const char *line;
	unsigned int i;

	KTEST_ASSERT_GT(test, vt_read_file("/proc/meminfo", buf, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_EQ(test, strncmp(buf, "MemTotal:", 9), 0);
	for (i = 0; i < ARRAY_SIZE(keys); i++) {
		line = proc_line(buf, keys[i]);
		KTEST_ASSERT_NOT_NULL(test, line);
		/* Linux's "%-16s%8lu kB": the value fills up to column 24 at least. */
		KTEST_EXPECT_EQ(test, line[15], ' ');
		KTEST_EXPECT_TRUE(test, isdigit(line[23]));
		KTEST_EXPECT_EQ(test, strncmp(strchr(line, '\n') - 3, " kB", 3), 0);
	}
	KTEST_EXPECT_EQ(test, proc_value(buf, "MemTotal:"), (long)(totalram_pages() << 2));
	kfree(buf);
}

static void buddyinfo_has_a_line_per_zone_with_every_order(struct ktest *test)
{
	PROC_CASE_BUF(test, buf);
	const char *line;
	unsigned int n = 0;

	KTEST_ASSERT_GT(test, vt_read_file("/proc/buddyinfo", buf, PROC_BUF_SIZE), 0L);
	for (line = buf; (line = proc_line(line, "Node 0, zone ")); line++) {
		/* "Node 0, zone" NAME then one count per order. */
		KTEST_EXPECT_EQ(test, nr_fields(line), 4U + MAX_ORDER);
		n++;
	}
	KTEST_EXPECT_GT(test, n, 0U);
	kfree(buf);
}

static void zoneinfo_and_vmstat_have_linux_fields(struct ktest *test)
{
	PROC_CASE_BUF(test, buf);

	KTEST_ASSERT_GT(test, vt_read_file("/proc/zoneinfo", buf, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_EQ(test, strncmp(buf, "Node 0, zone", 12), 0);
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\n  pages free "));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\n        min "));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\n        managed "));
	KTEST_ASSERT_GT(test, vt_read_file("/proc/vmstat", buf, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_EQ(test, strncmp(buf, "nr_free_pages ", 14), 0);
	KTEST_EXPECT_GE(test, proc_value(buf, "nr_free_pages "), 0L);
	kfree(buf);
}

static void pagetypeinfo_and_slabinfo_are_root_only_as_linux(struct ktest *test)
{
	static const char *const files[] = { "/proc/pagetypeinfo", "/proc/slabinfo",
					     "/proc/vmallocinfo" };
	PROC_CASE_BUF(test, buf);
	const struct cred *old;
	struct kstat st;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(files); i++) {
		KTEST_EXPECT_EQ(test, vfs_fstatat(AT_FDCWD, files[i], &st, 0), 0);
		KTEST_EXPECT_EQ(test, st.mode, (umode_t)(S_IFREG | 0400));
		KTEST_EXPECT_GT(test, vt_read_file(files[i], buf, PROC_BUF_SIZE), 0L);
		old = override_creds(&vfs_test_user_cred);
		KTEST_EXPECT_EQ(test, vt_read_file(files[i], buf, PROC_BUF_SIZE), (long)-EACCES);
		revert_creds(old);
	}
	old = override_creds(&vfs_test_user_cred);
	KTEST_EXPECT_GT(test, vt_read_file("/proc/meminfo", buf, PROC_BUF_SIZE), 0L);
	revert_creds(old);
	kfree(buf);
}

static void pagetypeinfo_slabinfo_vmallocinfo_formats(struct ktest *test)
{
	PROC_CASE_BUF(test, buf);

	KTEST_ASSERT_GT(test, vt_read_file("/proc/pagetypeinfo", buf, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_EQ(test, strncmp(buf, "Page block order: ", 18), 0);
	KTEST_EXPECT_NOT_NULL(test, proc_line(buf, "Pages per block:  "));
	KTEST_ASSERT_GT(test, vt_read_file("/proc/slabinfo", buf, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_EQ(test, strncmp(buf, "slabinfo - version: 2.1\n# name", 30), 0);
	KTEST_EXPECT_NOT_NULL(test, proc_line(buf, "proc_inode_cache "));
	KTEST_ASSERT_GT(test, vt_read_file("/proc/vmallocinfo", buf, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_EQ(test, strncmp(buf, "0x", 2), 0);
	kfree(buf);
}

static void interrupts_has_a_column_per_cpu_and_the_timer(struct ktest *test)
{
	PROC_CASE_BUF(test, buf);
	unsigned long ticks = 0;
	unsigned int cpu;
	char *loc;

	msleep(20);	/* woken by a tick: a timer interrupt has come */
	KTEST_ASSERT_GT(test, vt_read_file("/proc/interrupts", buf, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_EQ(test, nr_fields(buf), num_online_cpus());
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "CPU0"));
	loc = (char *)proc_line(buf, "LOC:");
	KTEST_ASSERT_NOT_NULL(test, loc);
	loc += 4;
	for_each_online_cpu(cpu) {
		while (*loc == ' ')
			loc++;
		ticks += simple_strtoul(loc, &loc, 10);
	}
	KTEST_EXPECT_EQ(test, strncmp(strchr(loc, '\n') - 22, "Local timer interrupts", 22), 0);
	KTEST_EXPECT_GT(test, ticks, 0UL);
	kfree(buf);
}

static void cpuinfo_has_a_block_per_cpu_in_linux_order(struct ktest *test)
{
	static const char *const keys[] = {
		"processor\t: ", "vendor_id\t: ", "cpu family\t: ", "model\t\t: ",
		"model name\t: ", "stepping\t: ", "cpu MHz\t\t: ", "cache size\t: ",
		"physical id\t: ", "siblings\t: ", "core id\t\t: ", "cpu cores\t: ",
		"apicid\t\t: ", "initial apicid\t: ", "fpu\t\t: yes", "fpu_exception\t: yes",
		"cpuid level\t: ", "wp\t\t: yes", "flags\t\t: ", "bugs\t\t:", "bogomips\t: ",
		"clflush size\t: ", "cache_alignment\t: ", "address sizes\t: ",
		"power management:",
	};
	PROC_CASE_BUF(test, buf);
	const char *line;

	KTEST_ASSERT_GT(test, vt_read_file("/proc/cpuinfo", buf, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_EQ(test, nr_lines_with(buf, "processor\t: "), num_online_cpus());
	KTEST_ASSERT_TRUE(test, lines_in_order(test, buf, keys, ARRAY_SIZE(keys)));
	line = proc_line(buf, "flags\t\t: ");
	KTEST_EXPECT_EQ(test, strncmp(line, "flags\t\t: fpu ", 13), 0);
	KTEST_EXPECT_NOT_NULL(test, strstr(line, " lm "));	/* long mode: we run */
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, " bits physical, "));
	kfree(buf);
}

static void stat_has_cpu_intr_ctxt_and_task_lines(struct ktest *test)
{
	static const char *const keys[] = { "cpu  ", "cpu0 ", "intr ", "ctxt ", "btime ",
					    "processes ", "procs_running ", "procs_blocked ",
					    "softirq " };
	PROC_CASE_BUF(test, buf);

	msleep(20);	/* a tick has come: intr counts it */
	KTEST_ASSERT_GT(test, vt_read_file("/proc/stat", buf, PROC_BUF_SIZE), 0L);
	KTEST_ASSERT_TRUE(test, lines_in_order(test, buf, keys, ARRAY_SIZE(keys)));
	KTEST_EXPECT_EQ(test, nr_fields(buf), 11U);
	KTEST_EXPECT_EQ(test, nr_fields(proc_line(buf, "intr ")), 2U + 256U);
	KTEST_EXPECT_EQ(test, nr_fields(proc_line(buf, "softirq ")), 12U);
	KTEST_EXPECT_GT(test, proc_value(buf, "ctxt "), 0L);
	KTEST_EXPECT_GT(test, proc_value(buf, "intr "), 0L);
	KTEST_EXPECT_EQ(test, proc_value(buf, "processes "), (long)last_pid_nr());
	KTEST_EXPECT_GT(test, proc_value(buf, "btime "), 1577836800L);	/* the RTC's: after 2020 */
	KTEST_EXPECT_GE(test, proc_value(buf, "procs_running "), 1L);	/* this task */
	kfree(buf);
}

static void uptime_loadavg_cmdline_version(struct ktest *test)
{
	PROC_CASE_BUF(test, buf);
	char want[32];
	char *end;
	unsigned long up1, up2;

	KTEST_ASSERT_GT(test, vt_read_file("/proc/uptime", buf, PROC_BUF_SIZE), 0L);
	up1 = simple_strtoul(buf, &end, 10);
	KTEST_EXPECT_EQ(test, end[0], '.');
	KTEST_EXPECT_EQ(test, end[3], ' ');
	KTEST_EXPECT_STREQ(test, end + 4, "0.00\n");
	msleep(1100);
	KTEST_ASSERT_GT(test, vt_read_file("/proc/uptime", buf, PROC_BUF_SIZE), 0L);
	up2 = simple_strtoul(buf, NULL, 10);
	KTEST_EXPECT_GE(test, up2, up1 + 1);

	KTEST_ASSERT_GT(test, vt_read_file("/proc/loadavg", buf, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_EQ(test, strncmp(buf, "0.00 0.00 0.00 ", 15), 0);
	KTEST_EXPECT_NOT_NULL(test, strchr(buf + 15, '/'));
	snprintf(want, sizeof(want), " %d\n", last_pid_nr());
	KTEST_EXPECT_STREQ(test, buf + strlen(buf) - strlen(want), want);

	KTEST_ASSERT_GT(test, vt_read_file("/proc/cmdline", buf, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_EQ(test, strlen(buf), strlen(boot_command_line) + 1);
	KTEST_EXPECT_EQ(test, strncmp(buf, boot_command_line, strlen(boot_command_line)), 0);
	KTEST_ASSERT_GT(test, vt_read_file("/proc/version", buf, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_EQ(test, strncmp(buf, "Linux version 6.1.0-mmkernel (", 30), 0);
	KTEST_EXPECT_EQ(test, buf[strlen(buf) - 1], '\n');
	kfree(buf);
}

/* Character majors as "%3d name", mem (1) and tty (4, 5) among them, then the block part. */
static void devices_lists_the_character_majors(struct ktest *test)
{
	PROC_CASE_BUF(test, buf);

	KTEST_ASSERT_GT(test, vt_read_file("/proc/devices", buf, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_EQ(test, strncmp(buf, "Character devices:\n", 19), 0);
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\n  1 mem\n"));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\n  5 /dev/console\n"));
	KTEST_EXPECT_STREQ(test, buf + strlen(buf) - 16, "\nBlock devices:\n");
	kfree(buf);
}

static void filesystems_lists_proc_and_tmpfs(struct ktest *test)
{
	PROC_CASE_BUF(test, buf);

	KTEST_ASSERT_GT(test, vt_read_file("/proc/filesystems", buf, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "nodev\tproc\n"));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "nodev\ttmpfs\n"));
	kfree(buf);
}

static void self_is_a_symlink_to_the_readers_pid(struct ktest *test)
{
	PROC_CASE_BUF(test, buf);
	char link[16], want[16];
	struct kstat st;
	int len;

	len = do_readlinkat(AT_FDCWD, "/proc/self", link, sizeof(link) - 1);
	KTEST_ASSERT_GT(test, len, 0);
	link[len] = '\0';
	snprintf(want, sizeof(want), "%d", current->pid);
	KTEST_EXPECT_STREQ(test, link, want);
	KTEST_EXPECT_EQ(test, vfs_fstatat(AT_FDCWD, "/proc/self", &st, AT_SYMLINK_NOFOLLOW), 0);
	KTEST_EXPECT_TRUE(test, S_ISLNK(st.mode));
	KTEST_ASSERT_GT(test, vt_read_file("/proc/self/stat", buf, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_EQ(test, simple_strtoul(buf, NULL, 10), (unsigned long)current->pid);
	kfree(buf);
}

static void mounts_is_self_mounts(struct ktest *test)
{
	char *a = kmalloc(PROC_BUF_SIZE, GFP_KERNEL), *b = kmalloc(PROC_BUF_SIZE, GFP_KERNEL);
	char link[32];
	int len;

	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_ASSERT_NOT_NULL(test, b);
	len = do_readlinkat(AT_FDCWD, "/proc/mounts", link, sizeof(link) - 1);
	KTEST_ASSERT_EQ(test, len, 11);
	link[len] = '\0';
	KTEST_EXPECT_STREQ(test, link, "self/mounts");
	KTEST_EXPECT_GT(test, vt_read_file("/proc/mounts", a, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_GT(test, vt_read_file("/proc/self/mounts", b, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_STREQ(test, a, b);
	KTEST_EXPECT_EQ(test, strncmp(a, "rootfs / rootfs rw", 18), 0);
	kfree(a);
	kfree(b);
}

static void pid_stat_has_linux_52_fields(struct ktest *test)
{
	PROC_CASE_BUF(test, buf);

	KTEST_ASSERT_GT(test, vt_read_file("/proc/2/stat", buf, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_EQ(test, strncmp(buf, "2 (kthreadd) S 0 0 0 0 -1 ", 26), 0);
	KTEST_EXPECT_EQ(test, nr_fields(buf), 52U);
	KTEST_EXPECT_EQ(test, buf[strlen(buf) - 1], '\n');
	KTEST_ASSERT_GT(test, vt_read_file("/proc/1/stat", buf, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_EQ(test, strncmp(buf, "1 (init) R 0 ", 13), 0);	/* reading it: running */
	KTEST_EXPECT_EQ(test, nr_fields(buf), 52U);
	kfree(buf);
}

static void pid_status_has_linux_lines(struct ktest *test)
{
	static const char *const keys[] = {
		"Name:\tkthreadd\n", "Umask:\t0022\n", "State:\tS (sleeping)\n", "Tgid:\t2\n",
		"Ngid:\t0\n", "Pid:\t2\n", "PPid:\t0\n", "TracerPid:\t0\n", "Uid:\t0\t0\t0\t0\n",
		"Gid:\t0\t0\t0\t0\n", "FDSize:\t", "Groups:\t\n", "NStgid:\t2\n", "NSpid:\t2\n",
		"Threads:\t1\n", "Cpus_allowed:\t", "Cpus_allowed_list:\t",
		"Mems_allowed:\t1\n", "Mems_allowed_list:\t0\n", "voluntary_ctxt_switches:\t",
		"nonvoluntary_ctxt_switches:\t",
	};
	PROC_CASE_BUF(test, buf);

	KTEST_ASSERT_GT(test, vt_read_file("/proc/2/status", buf, PROC_BUF_SIZE), 0L);
	KTEST_ASSERT_TRUE(test, lines_in_order(test, buf, keys, ARRAY_SIZE(keys)));
	KTEST_EXPECT_GT(test, proc_value(buf, "voluntary_ctxt_switches:"), 0L);
	kfree(buf);
}

static void pid_cmdline_is_empty_and_comm_is_the_name(struct ktest *test)
{
	PROC_CASE_BUF(test, buf);

	KTEST_EXPECT_EQ(test, vt_read_file("/proc/2/cmdline", buf, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_EQ(test, vt_read_file("/proc/2/comm", buf, PROC_BUF_SIZE), 9L);
	KTEST_EXPECT_STREQ(test, buf, "kthreadd\n");
	KTEST_EXPECT_EQ(test, vt_read_file("/proc/2/nosuch", buf, PROC_BUF_SIZE), (long)-ENOENT);
	kfree(buf);
}

static void names_that_are_no_task_are_not_found(struct ktest *test)
{
	static const char *const names[] = { "/proc/0", "/proc/02", "/proc/+2", "/proc/-2",
					     "/proc/99999999", "/proc/2x", "/proc/nosuch" };
	struct kstat st;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		KTEST_EXPECT_EQ(test, vfs_fstatat(AT_FDCWD, names[i], &st, 0), -ENOENT);
	KTEST_EXPECT_EQ(test, vfs_fstatat(AT_FDCWD, "/proc/2", &st, 0), 0);
	KTEST_EXPECT_TRUE(test, S_ISDIR(st.mode));
}

/* Does a getdents64 listing of @path name @want? */
static bool dir_lists(struct ktest *test, const char *path, const char *want)
{
	long fd = do_sys_open(AT_FDCWD, path, O_RDONLY | O_DIRECTORY, 0);
	char *buf = kmalloc(4096, GFP_KERNEL);
	bool found = false;
	int len, off;

	if (fd < 0 || !buf) {
		KTEST_EXPECT_TRUE(test, fd >= 0 && buf);
		goto out;
	}
	/* A small buffer: the listing continues across calls. */
	while ((len = ksys_getdents64((unsigned int)fd, buf, 200)) > 0) {
		for (off = 0; off < len;) {
			struct linux_dirent64 *d = (void *)(buf + off);

			KTEST_EXPECT_NE(test, d->d_ino, 0ULL);
			if (!strcmp(d->d_name, want))
				found = true;
			off += d->d_reclen;
		}
	}
	KTEST_EXPECT_EQ(test, len, 0);
out:
	if (fd >= 0)
		ksys_close((unsigned int)fd);
	kfree(buf);
	return found;
}

static void readdir_lists_files_self_and_tasks(struct ktest *test)
{
	KTEST_EXPECT_TRUE(test, dir_lists(test, "/proc", "meminfo"));
	KTEST_EXPECT_TRUE(test, dir_lists(test, "/proc", "cpuinfo"));
	KTEST_EXPECT_TRUE(test, dir_lists(test, "/proc", "sys"));
	KTEST_EXPECT_TRUE(test, dir_lists(test, "/proc", "self"));
	KTEST_EXPECT_TRUE(test, dir_lists(test, "/proc", "1"));
	KTEST_EXPECT_TRUE(test, dir_lists(test, "/proc", "2"));
	KTEST_EXPECT_FALSE(test, dir_lists(test, "/proc", "0"));
	KTEST_EXPECT_TRUE(test, dir_lists(test, "/proc/2", "status"));
	KTEST_EXPECT_TRUE(test, dir_lists(test, "/proc/sys/vm", "min_free_kbytes"));
	KTEST_EXPECT_TRUE(test, dir_lists(test, "/proc/sys/fs", "file-nr"));
}

static int proc_test_sleeper(void *unused)
{
	while (!kthread_should_stop())
		msleep(5);
	return 0;
}

static void a_kthread_has_a_directory_until_it_is_freed(struct ktest *test)
{
	PROC_CASE_BUF(test, buf);
	struct task_struct *k = kthread_run(proc_test_sleeper, NULL, "proc_test_k");
	char path[32], name[12];
	struct file *f;
	loff_t pos = 0;
	int pid, tries;

	KTEST_ASSERT_FALSE(test, IS_ERR_OR_NULL(k));
	pid = k->pid;
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	KTEST_ASSERT_GT(test, vt_read_file(path, buf, PROC_BUF_SIZE), 0L);
	KTEST_EXPECT_EQ(test, stat_field(buf, 22), k->start_time / 10000000);	/* ticks of 1/100 s */
	KTEST_EXPECT_GT(test, stat_field(buf, 22), 0ULL);
	snprintf(path, sizeof(path), "/proc/%d/comm", pid);
	KTEST_EXPECT_EQ(test, vt_read_file(path, buf, PROC_BUF_SIZE), 12L);
	KTEST_EXPECT_STREQ(test, buf, "proc_test_k\n");
	snprintf(name, sizeof(name), "%d", pid);
	KTEST_EXPECT_TRUE(test, dir_lists(test, "/proc", name));
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	f = filp_open(path, O_RDONLY, 0);	/* held across the task's end */
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	kthread_stop(k);
	/* The scheduler drops its reference once the task has switched away. */
	for (tries = 0; tries < 100 && dir_lists(test, "/proc", name); tries++)
		msleep(10);
	KTEST_EXPECT_FALSE(test, dir_lists(test, "/proc", name));
	/* Open before the end: the read finds no task. A new open finds no file. */
	KTEST_EXPECT_EQ(test, kernel_read(f, buf, 64, &pos), (ssize_t)-ESRCH);
	KTEST_EXPECT_EQ(test, vt_read_file(path, buf, PROC_BUF_SIZE), (long)-ENOENT);
	filp_close(f, NULL);
	KTEST_EXPECT_EQ(test, vt_read_file(path, buf, PROC_BUF_SIZE), (long)-ENOENT);
	kfree(buf);
}

static void reads_in_pieces_and_at_odd_offsets_give_the_same_text(struct ktest *test)
{
	static const size_t chunks[] = { 1, 7, 100, 333 };
	char *whole = kmalloc(PROC_BUF_SIZE, GFP_KERNEL), *piece = kmalloc(PROC_BUF_SIZE, GFP_KERNEL);
	struct file *f;
	loff_t pos;
	long len;
	ssize_t n;
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(test, whole);
	KTEST_ASSERT_NOT_NULL(test, piece);
	/* A text that does not change: the same through every piece size. */
	len = vt_read_file("/proc/cpuinfo", whole, PROC_BUF_SIZE);
	KTEST_ASSERT_GT(test, len, 500L);
	for (i = 0; i < ARRAY_SIZE(chunks); i++) {
		KTEST_EXPECT_EQ(test, vt_read_file_chunked("/proc/cpuinfo", piece, PROC_BUF_SIZE,
							chunks[i]), len);
		KTEST_EXPECT_STREQ(test, piece, whole);
	}
	/* A text that changes (zoneinfo): one open file reads one snapshot, at any offset. */
	f = filp_open("/proc/zoneinfo", O_RDONLY, 0);
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	pos = 0;
	len = kernel_read(f, whole, PROC_BUF_SIZE - 1, &pos);
	KTEST_ASSERT_GT(test, len, 100L);
	whole[len] = '\0';
	for (pos = 13; pos < len; pos += 977) {
		loff_t p = pos;

		n = kernel_read(f, piece, 61, &p);
		KTEST_EXPECT_EQ(test, n, (ssize_t)min(61L, len - (long)pos));
		KTEST_EXPECT_MEMEQ(test, piece, whole + pos, (size_t)n);
	}
	pos = len + 10;
	KTEST_EXPECT_EQ(test, kernel_read(f, piece, 10, &pos), (ssize_t)0);	/* past the end */
	filp_close(f, NULL);
	kfree(whole);
	kfree(piece);
}

static void lseek_moves_in_the_text_and_refuses_the_rest(struct ktest *test)
{
	char a[64], b[64];
	struct file *f = filp_open("/proc/version", O_RDONLY, 0);
	loff_t pos;

	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	pos = 0;
	KTEST_ASSERT_EQ(test, kernel_read(f, a, 30, &pos), (ssize_t)30);
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 6, SEEK_SET), 6LL);
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 2, SEEK_CUR), 8LL);
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_END), (loff_t)-EINVAL);
	KTEST_EXPECT_EQ(test, vfs_llseek(f, -1, SEEK_SET), (loff_t)-EINVAL);
	KTEST_EXPECT_EQ(test, vfs_llseek(f, -100, SEEK_CUR), (loff_t)-EINVAL);
	KTEST_EXPECT_EQ(test, f->f_pos, 8LL);
	pos = f->f_pos;
	KTEST_ASSERT_EQ(test, kernel_read(f, b, 5, &pos), (ssize_t)5);
	KTEST_EXPECT_MEMEQ(test, b, a + 8, 5);	/* "ersio" */
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_SET), 0LL);	/* a fresh snapshot next */
	pos = 0;
	KTEST_ASSERT_EQ(test, kernel_read(f, b, 30, &pos), (ssize_t)30);
	KTEST_EXPECT_MEMEQ(test, a, b, 30);
	filp_close(f, NULL);
	/* 0444: others may not open it for writing; root may, and the write is -EIO, as Linux. */
	KTEST_EXPECT_EQ(test, vt_write_file("/proc/version", "x"), (long)-EIO);
}

static void sysctl_vm_files_print_the_values(struct ktest *test)
{
	char buf[64], want[64];
	int i, len = 0;

	KTEST_ASSERT_GT(test, vt_read_file("/proc/sys/vm/min_free_kbytes", buf, sizeof(buf)), 0L);
	snprintf(want, sizeof(want), "%d\n", min_free_kbytes);
	KTEST_EXPECT_STREQ(test, buf, want);
	KTEST_ASSERT_GT(test, vt_read_file("/proc/sys/vm/watermark_scale_factor", buf, sizeof(buf)), 0L);
	KTEST_EXPECT_STREQ(test, buf, "10\n");
	KTEST_ASSERT_GT(test, vt_read_file("/proc/sys/vm/percpu_pagelist_high_fraction", buf,
					sizeof(buf)), 0L);
	KTEST_EXPECT_STREQ(test, buf, "0\n");
	for (i = 0; i < MAX_NR_ZONES; i++)
		len += snprintf(want + len, sizeof(want) - len, "%s%d", i ? "\t" : "",
				sysctl_lowmem_reserve_ratio[i]);
	snprintf(want + len, sizeof(want) - len, "\n");
	KTEST_ASSERT_GT(test, vt_read_file("/proc/sys/vm/lowmem_reserve_ratio", buf, sizeof(buf)), 0L);
	KTEST_EXPECT_STREQ(test, buf, want);
	/* A read at an offset other than 0 reads nothing, as Linux's. */
	KTEST_EXPECT_EQ(test, vt_read_file_chunked("/proc/sys/vm/min_free_kbytes", buf, sizeof(buf), 1),
			1L);
}

static void sysctl_bad_values_are_refused_and_the_old_kept(struct ktest *test)
{
	static const struct { const char *file, *value; } bad[] = {
		{ "min_free_kbytes", "-1" }, { "min_free_kbytes", "abc" },
		{ "min_free_kbytes", "12x" }, { "min_free_kbytes", "\n" },
		{ "min_free_kbytes", "99999999999" }, { "min_free_kbytes", "1 2" },
		{ "watermark_scale_factor", "0" }, { "watermark_scale_factor", "3001" },
		{ "percpu_pagelist_high_fraction", "7" }, { "percpu_pagelist_high_fraction", "-1" },
		{ "lowmem_reserve_ratio", "1 2 3 4 5 6 7 8 9" },
	};
	int mfk = min_free_kbytes, wsf = watermark_scale_factor;
	int fraction = percpu_pagelist_high_fraction;
	char path[64];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		snprintf(path, sizeof(path), "/proc/sys/vm/%s", bad[i].file);
		KTEST_EXPECT_EQ(test, vt_write_file(path, bad[i].value), (long)-EINVAL);
	}
	KTEST_EXPECT_EQ(test, min_free_kbytes, mfk);
	KTEST_EXPECT_EQ(test, watermark_scale_factor, wsf);
	KTEST_EXPECT_EQ(test, percpu_pagelist_high_fraction, fraction);
	KTEST_EXPECT_EQ(test, sysctl_lowmem_reserve_ratio[0], 256);
	/* The fs counters are read-only, for root too (Linux's sysctl permission). */
	KTEST_EXPECT_EQ(test, vt_write_file("/proc/sys/fs/file-nr", "1"), (long)-EACCES);
}

static unsigned long zone_wmark_sum(enum zone_watermarks w)
{
	unsigned long sum = 0;
	struct zone *zone;

	for_each_populated_zone(zone)
		sum += zone->_watermark[w];
	return sum;
}

static void sysctl_good_values_are_applied_and_restored(struct ktest *test)
{
	int mfk = min_free_kbytes, wsf = watermark_scale_factor;
	unsigned long min0, low0;
	char val[16];
	struct zone *zone, *big = NULL;
	int high0;

	/*
	 * A write recomputes the watermarks from today's managed pages, which
	 * the initrd's freed pages joined after boot's computation: the
	 * baselines are taken after one write of the value already there.
	 */
	snprintf(val, sizeof(val), "%d", mfk);
	KTEST_EXPECT_EQ(test, vt_write_file("/proc/sys/vm/min_free_kbytes", val), (long)strlen(val));
	min0 = zone_wmark_sum(WMARK_MIN);
	low0 = zone_wmark_sum(WMARK_LOW);

	snprintf(val, sizeof(val), "%d\n", mfk * 2);
	KTEST_EXPECT_EQ(test, vt_write_file("/proc/sys/vm/min_free_kbytes", val), (long)strlen(val));
	KTEST_EXPECT_EQ(test, min_free_kbytes, mfk * 2);
	KTEST_EXPECT_GT(test, zone_wmark_sum(WMARK_MIN), min0 + min0 / 2);
	snprintf(val, sizeof(val), "%d", mfk);
	KTEST_EXPECT_EQ(test, vt_write_file("/proc/sys/vm/min_free_kbytes", val), (long)strlen(val));
	KTEST_EXPECT_EQ(test, zone_wmark_sum(WMARK_MIN), min0);

	KTEST_EXPECT_EQ(test, vt_write_file("/proc/sys/vm/watermark_scale_factor", "1000"), 4L);
	KTEST_EXPECT_GT(test, zone_wmark_sum(WMARK_LOW), low0);
	snprintf(val, sizeof(val), "%d", wsf);
	KTEST_EXPECT_GT(test, vt_write_file("/proc/sys/vm/watermark_scale_factor", val), 0L);
	KTEST_EXPECT_EQ(test, zone_wmark_sum(WMARK_LOW), low0);

	for_each_populated_zone(zone)
		if (!big || zone_managed_pages(zone) > zone_managed_pages(big))
			big = zone;
	KTEST_ASSERT_NOT_NULL(test, big);
	high0 = big->per_cpu_pageset[0].high;
	KTEST_EXPECT_EQ(test, vt_write_file("/proc/sys/vm/percpu_pagelist_high_fraction", "8"), 1L);
	KTEST_EXPECT_EQ(test, big->per_cpu_pageset[0].high,
			max((int)(zone_managed_pages(big) / 8 / nr_cpu_ids),
			    big->per_cpu_pageset[0].batch << 2));
	KTEST_EXPECT_EQ(test, vt_write_file("/proc/sys/vm/percpu_pagelist_high_fraction", "0"), 1L);
	KTEST_EXPECT_EQ(test, big->per_cpu_pageset[0].high, high0);

	KTEST_EXPECT_EQ(test, vt_write_file("/proc/sys/vm/lowmem_reserve_ratio", "-5"), 2L);
	KTEST_EXPECT_EQ(test, sysctl_lowmem_reserve_ratio[0], 0);	/* below 1: no reserve */
	KTEST_EXPECT_EQ(test, vt_write_file("/proc/sys/vm/lowmem_reserve_ratio", "256"), 3L);
	KTEST_EXPECT_EQ(test, sysctl_lowmem_reserve_ratio[0], 256);
}

static void sysctl_fs_counters_follow_the_vfs(struct ktest *test)
{
	char buf[128];
	char *p;
	long files, inodes, dentries;

	KTEST_ASSERT_GT(test, vt_read_file("/proc/sys/fs/file-nr", buf, sizeof(buf)), 0L);
	files = (long)simple_strtoul(buf, &p, 10);
	/* This read's own file is one of them, closed since. */
	KTEST_EXPECT_EQ(test, files, get_nr_files() + 1);
	KTEST_EXPECT_EQ(test, strncmp(p, "\t0\t", 3), 0);
	KTEST_ASSERT_GT(test, vt_read_file("/proc/sys/fs/inode-nr", buf, sizeof(buf)), 0L);
	inodes = (long)simple_strtoul(buf, &p, 10);
	KTEST_EXPECT_GT(test, inodes, 0L);
	KTEST_EXPECT_LE(test, inodes, get_nr_inodes() + 4);
	KTEST_EXPECT_STREQ(test, p, "\t0\n");
	KTEST_ASSERT_GT(test, vt_read_file("/proc/sys/fs/dentry-state", buf, sizeof(buf)), 0L);
	dentries = (long)simple_strtoul(buf, &p, 10);
	KTEST_EXPECT_GT(test, dentries, 0L);
	KTEST_EXPECT_STREQ(test, p, "\t0\t45\t0\t0\t0\n");
}

static void a_removed_entry_stays_readable_while_open(struct ktest *test)
{
	PROC_CASE_BUF(test, buf);
	struct proc_dir_entry *dir = proc_mkdir("proc_test", NULL);
	struct file *f;
	loff_t pos = 0;

	KTEST_ASSERT_NOT_NULL(test, dir);
	KTEST_ASSERT_NOT_NULL(test, proc_create_single("proc_test/version", 0, NULL,
						       filesystems_proc_show));
	KTEST_ASSERT_NOT_NULL(test, proc_symlink("link", dir, "version"));
	KTEST_EXPECT_GT(test, vt_read_file("/proc/proc_test/link", buf, PROC_BUF_SIZE), 0L);
	f = filp_open("/proc/proc_test/version", O_RDONLY, 0);
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	remove_proc_entry("link", dir);
	remove_proc_entry("proc_test/version", NULL);
	remove_proc_entry("proc_test", NULL);
	KTEST_EXPECT_EQ(test, vt_read_file("/proc/proc_test/version", buf, PROC_BUF_SIZE),
			(long)-ENOENT);
	KTEST_EXPECT_GT(test, kernel_read(f, buf, PROC_BUF_SIZE - 1, &pos), (ssize_t)0);
	KTEST_EXPECT_EQ(test, strncmp(buf, "nodev\t", 6), 0);
	filp_close(f, NULL);
	kfree(buf);
}

static void lookups_of_what_is_not_there_fail_as_linux(struct ktest *test)
{
	char buf[16];

	/* /proc/PID/stat of a pid that has gone: -ENOENT at the lookup. */
	KTEST_EXPECT_EQ(test, vt_read_file("/proc/99999998/stat", buf, sizeof(buf)), (long)-ENOENT);
	KTEST_EXPECT_EQ(test, vt_read_file("/proc/meminfo/x", buf, sizeof(buf)), (long)-ENOTDIR);
	KTEST_EXPECT_EQ(test, init_mkdir("/proc/newdir", 0755), -ENOENT);	/* as Linux */
}

static void every_file_reads_under_fault_injection_without_leaks(struct ktest *test)
{
	static const char *const files[] = {
		"/proc/meminfo", "/proc/zoneinfo", "/proc/slabinfo", "/proc/cpuinfo", "/proc/stat",
		"/proc/self/status", "/proc/2/stat", "/proc/sys/vm/min_free_kbytes",
		"/proc/mounts", "/proc/interrupts", "/proc/sys/fs/inode-nr",
	};
	PROC_CASE_BUF(test, buf);
	struct vfs_counts before, after;
	unsigned int i, ok = 0, failed = 0;
	long n;

	vfs_counts_get(&before);
	ktest_resume_fault_injection(test);
	for (i = 0; i < 20 * ARRAY_SIZE(files); i++) {
		n = vt_read_file(files[i % ARRAY_SIZE(files)], buf, PROC_BUF_SIZE);
		if (n > 0)
			ok++;
		else if (n == -ENOMEM)
			failed++;
		else
			KTEST_EXPECT_EQ(test, n, (long)-ENOMEM);
	}
	ktest_pause_fault_injection(test);
	vfs_counts_get(&after);
	KTEST_EXPECT_COUNTS_EQ(test, &after, &before);
	KTEST_EXPECT_GT(test, ok + failed, 0U);
	ktest_info(test, "%u reads, %u refused for memory\n", ok + failed, failed);
	kfree(buf);
}

static struct ktest_case proc_cases[] = {
	KTEST_CASE(proc_is_mounted_at_boot_and_listed_in_mounts),
	KTEST_CASE(a_second_mount_shows_the_same_tree_and_ends_cleanly),
	KTEST_CASE(meminfo_lines_are_name_value_kb),
	KTEST_CASE(buddyinfo_has_a_line_per_zone_with_every_order),
	KTEST_CASE(zoneinfo_and_vmstat_have_linux_fields),
	KTEST_CASE(pagetypeinfo_and_slabinfo_are_root_only_as_linux),
	KTEST_CASE(pagetypeinfo_slabinfo_vmallocinfo_formats),
	KTEST_CASE(interrupts_has_a_column_per_cpu_and_the_timer),
	KTEST_CASE(cpuinfo_has_a_block_per_cpu_in_linux_order),
	KTEST_CASE(stat_has_cpu_intr_ctxt_and_task_lines),
	KTEST_CASE(uptime_loadavg_cmdline_version),
	KTEST_CASE(devices_lists_the_character_majors),
	KTEST_CASE(filesystems_lists_proc_and_tmpfs),
	KTEST_CASE(self_is_a_symlink_to_the_readers_pid),
	KTEST_CASE(mounts_is_self_mounts),
	KTEST_CASE(pid_stat_has_linux_52_fields),
	KTEST_CASE(pid_status_has_linux_lines),
	KTEST_CASE(pid_cmdline_is_empty_and_comm_is_the_name),
	KTEST_CASE(names_that_are_no_task_are_not_found),
	KTEST_CASE(readdir_lists_files_self_and_tasks),
	KTEST_CASE(a_kthread_has_a_directory_until_it_is_freed),
	KTEST_CASE(reads_in_pieces_and_at_odd_offsets_give_the_same_text),
	KTEST_CASE(lseek_moves_in_the_text_and_refuses_the_rest),
	KTEST_CASE(sysctl_vm_files_print_the_values),
	KTEST_CASE(sysctl_bad_values_are_refused_and_the_old_kept),
	KTEST_CASE(sysctl_good_values_are_applied_and_restored),
	KTEST_CASE(sysctl_fs_counters_follow_the_vfs),
	KTEST_CASE(a_removed_entry_stays_readable_while_open),
	KTEST_CASE(lookups_of_what_is_not_there_fail_as_linux),
	KTEST_CASE(every_file_reads_under_fault_injection_without_leaks),
	{}
};

static struct ktest_suite proc_suite = {
	.name = "proc",
	.init = vfs_suite_init,
	.exit = vfs_suite_exit,
	.test_cases = proc_cases,
};
ktest_register_suite(proc_suite);
