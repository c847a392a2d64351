// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the memory devices (drivers/char/mem.c) and /dev/kmsg
 * (kernel/printk.c) through the VFS: filp_open() of the boot's /dev nodes,
 * kernel_read()/kernel_write()/vfs_llseek(). kmsg records are checked
 * field by field against Linux's "LEVEL,SEQ,TS_USEC,-;text\n"; an
 * overrun is made with KERN_DEBUG lines, which the console does not
 * show. The suite checks that no file, inode or dentry is leaked.
 */
#include "vfs_test.h"
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/kstrtox.h>
#include <linux/timer.h>
#include <linux/jiffies.h>

static struct file *open_dev(struct ktest *test, const char *path, int flags)
{
	struct file *f = filp_open(path, flags, 0);

	if (IS_ERR(f)) {
		KTEST_FAIL(test, "open %s: %ld", path, PTR_ERR(f));
		return NULL;
	}
	return f;
}

static void null_reads_eof_and_swallows_writes(struct ktest *test)
{
	struct file *f = open_dev(test, "/dev/null", O_RDWR);
	char buf[16];
	loff_t pos = 0;

	if (!f)
		return;
	KTEST_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 0L);
	KTEST_EXPECT_EQ(test, kernel_write(f, "abc", 3, &pos), 3L);
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 100, SEEK_SET), 0LL);
	KTEST_EXPECT_EQ(test, f->f_pos, 0LL);
	fput(f);
}

static void zero_reads_zeroes_and_swallows_writes(struct ktest *test)
{
	struct file *f = open_dev(test, "/dev/zero", O_RDWR);
	static char buf[3 * PAGE_SIZE + 5];
	loff_t pos = 0;

	if (!f)
		return;
	memset(buf, 0xaa, sizeof(buf));
	KTEST_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), (ssize_t)sizeof(buf));
	KTEST_EXPECT_NULL(test, memchr_inv(buf, 0, sizeof(buf)));
	KTEST_EXPECT_EQ(test, kernel_write(f, buf, 7, &pos), 7L);
	fput(f);
}

static void full_reads_zeroes_and_refuses_writes_with_enospc(struct ktest *test)
{
	struct file *f = open_dev(test, "/dev/full", O_RDWR);
	char buf[64];
	loff_t pos = 0;

	if (!f)
		return;
	memset(buf, 0xaa, sizeof(buf));
	KTEST_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 64L);
	KTEST_EXPECT_NULL(test, memchr_inv(buf, 0, sizeof(buf)));
	KTEST_EXPECT_EQ(test, kernel_write(f, "x", 1, &pos), (ssize_t)-ENOSPC);
	fput(f);
}

static void random_and_urandom_give_fresh_bytes_and_take_writes(struct ktest *test)
{
	static const char *const paths[] = { "/dev/random", "/dev/urandom" };
	u8 a[64], b[64];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(paths); i++) {
		struct file *f = open_dev(test, paths[i], O_RDWR);
		loff_t pos = 0;

		if (!f)
			return;
		memset(a, 0, sizeof(a));
		KTEST_EXPECT_EQ(test, kernel_read(f, a, sizeof(a), &pos), 64L);
		KTEST_EXPECT_EQ(test, kernel_read(f, b, sizeof(b), &pos), 64L);
		KTEST_EXPECT_NOT_NULL(test, memchr_inv(a, 0, 16));
		KTEST_EXPECT_TRUE(test, memcmp(a, b, sizeof(a)) != 0);
		KTEST_EXPECT_EQ(test, kernel_write(f, a, sizeof(a), &pos), 64L);
		fput(f);
	}
}

/* The fields of one kmsg record. */
struct kmsg_record {
	unsigned long long level, seq, ts;
	char text[256];
};

/* Parse "LEVEL,SEQ,TS,-;text\n" (text without the newline). Return: 0 or -EINVAL. */
static int parse_record(char *rec, ssize_t len, struct kmsg_record *r)
{
	char *field[3], *semi, *p = rec;
	int i;

	if (len <= 0 || rec[len - 1] != '\n')
		return -EINVAL;
	rec[len - 1] = '\0';
	semi = strchr(rec, ';');
	if (!semi || semi - rec < 2 || strncmp(semi - 2, ",-", 2))
		return -EINVAL;
	semi[-2] = '\0';
	for (i = 0; i < 3; i++) {
		field[i] = p;
		p = strchr(p, ',');
		if (!p != (i == 2))
			return -EINVAL;
		if (p)
			*p++ = '\0';
	}
	if (kstrtoull(field[0], 10, &r->level) || kstrtoull(field[1], 10, &r->seq) ||
	    kstrtoull(field[2], 10, &r->ts))
		return -EINVAL;
	strscpy(r->text, semi + 1, sizeof(r->text));
	return 0;
}

static ssize_t kmsg_read(struct file *f, char *buf, size_t size)
{
	loff_t pos = 0;

	return kernel_read(f, buf, size, &pos);
}

static void kmsg_records_have_linux_fields(struct ktest *test)
{
	struct file *f = open_dev(test, "/dev/kmsg", O_RDONLY | O_NONBLOCK);
	struct kmsg_record r;
	char buf[512];
	u64 seq;
	ssize_t len;

	if (!f)
		return;
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_END), 0LL);
	KTEST_EXPECT_EQ(test, kmsg_read(f, buf, sizeof(buf)), (ssize_t)-EAGAIN);
	seq = log_buf_seq();
	printk(KERN_INFO "kmsg test: first\n");
	printk(KERN_ERR "kmsg test: tab\there\n");
	len = kmsg_read(f, buf, sizeof(buf));
	KTEST_ASSERT_EQ(test, parse_record(buf, len, &r), 0);
	KTEST_EXPECT_EQ(test, r.level, 6ULL);
	KTEST_EXPECT_EQ(test, r.seq, seq);
	KTEST_EXPECT_GT(test, r.ts, 0ULL);
	KTEST_EXPECT_STREQ(test, r.text, "kmsg test: first");
	/* Too small a buffer: -EINVAL, and the record stays for the next read. */
	KTEST_EXPECT_EQ(test, kmsg_read(f, buf, 10), (ssize_t)-EINVAL);
	len = kmsg_read(f, buf, sizeof(buf));
	KTEST_ASSERT_EQ(test, parse_record(buf, len, &r), 0);
	KTEST_EXPECT_EQ(test, r.level, 3ULL);
	KTEST_EXPECT_EQ(test, r.seq, seq + 1);
	KTEST_EXPECT_STREQ(test, r.text, "kmsg test: tab\\x09here");
	KTEST_EXPECT_EQ(test, kmsg_read(f, buf, sizeof(buf)), (ssize_t)-EAGAIN);
	fput(f);
}

static void late_printk(struct timer_list *t)
{
	printk(KERN_NOTICE "kmsg test: from a timer\n");
}

static void kmsg_read_waits_for_the_next_record(struct ktest *test)
{
	struct file *f = open_dev(test, "/dev/kmsg", O_RDONLY);
	struct kmsg_record r;
	struct timer_list timer;
	unsigned long start;
	char buf[512];

	if (!f)
		return;
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_END), 0LL);
	timer_setup(&timer, late_printk, 0);
	timer.expires = jiffies + 3;
	start = jiffies;
	add_timer(&timer);
	KTEST_ASSERT_EQ(test, parse_record(buf, kmsg_read(f, buf, sizeof(buf)), &r), 0);
	KTEST_EXPECT_GE(test, jiffies - start, 2UL);
	KTEST_EXPECT_EQ(test, r.level, 5ULL);
	KTEST_EXPECT_STREQ(test, r.text, "kmsg test: from a timer");
	del_timer(&timer);
	fput(f);
}

static void kmsg_lseek_goes_to_the_start_or_the_end_only(struct ktest *test)
{
	struct file *f = open_dev(test, "/dev/kmsg", O_RDONLY | O_NONBLOCK);
	struct kmsg_record first, r;
	char buf[512];

	if (!f)
		return;
	KTEST_ASSERT_EQ(test, parse_record(buf, kmsg_read(f, buf, sizeof(buf)), &first), 0);
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_END), 0LL);
	KTEST_EXPECT_EQ(test, kmsg_read(f, buf, sizeof(buf)), (ssize_t)-EAGAIN);
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_SET), 0LL);
	KTEST_ASSERT_EQ(test, parse_record(buf, kmsg_read(f, buf, sizeof(buf)), &r), 0);
	KTEST_EXPECT_EQ(test, r.seq, first.seq);
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_DATA), 0LL);
	KTEST_ASSERT_EQ(test, parse_record(buf, kmsg_read(f, buf, sizeof(buf)), &r), 0);
	KTEST_EXPECT_EQ(test, r.seq, first.seq);
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 5, SEEK_SET), (loff_t)-ESPIPE);
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_CUR), (loff_t)-EINVAL);
	fput(f);
}

static void kmsg_writes_are_logged_with_their_level(struct ktest *test)
{
	static char long_line[1025] = { [0 ... 1023] = 'x' };
	struct file *w = open_dev(test, "/dev/kmsg", O_WRONLY);
	struct file *f = open_dev(test, "/dev/kmsg", O_RDONLY | O_NONBLOCK);
	struct kmsg_record r;
	char buf[512];
	loff_t pos = 0;

	if (!w || !f)
		goto out;
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_END), 0LL);
	KTEST_EXPECT_EQ(test, kernel_write(w, "<3>user says hi\n", 16, &pos), 16L);
	KTEST_EXPECT_EQ(test, kernel_write(w, "no level", 8, &pos), 8L);
	KTEST_EXPECT_EQ(test, kernel_write(w, "<30>daemon", 10, &pos), 10L);
	/* LEVEL is facility << 3 | level; writers' facility is LOG_USER (1) unless given. */
	KTEST_ASSERT_EQ(test, parse_record(buf, kmsg_read(f, buf, sizeof(buf)), &r), 0);
	KTEST_EXPECT_EQ(test, r.level, 8ULL + 3);
	KTEST_EXPECT_STREQ(test, r.text, "user says hi");
	KTEST_ASSERT_EQ(test, parse_record(buf, kmsg_read(f, buf, sizeof(buf)), &r), 0);
	KTEST_EXPECT_EQ(test, r.level, 8ULL + 4);
	KTEST_EXPECT_STREQ(test, r.text, "no level");
	KTEST_ASSERT_EQ(test, parse_record(buf, kmsg_read(f, buf, sizeof(buf)), &r), 0);
	KTEST_EXPECT_EQ(test, r.level, 30ULL);
	KTEST_EXPECT_STREQ(test, r.text, "daemon");
	/* A message longer than a log line is refused whole, as Linux's. */
	KTEST_EXPECT_EQ(test, kernel_write(w, long_line, sizeof(long_line), &pos), (ssize_t)-EINVAL);
	KTEST_EXPECT_EQ(test, kmsg_read(f, buf, sizeof(buf)), (ssize_t)-EAGAIN);
	/* A write-only open has no reader. */
	KTEST_EXPECT_EQ(test, kmsg_read(w, buf, sizeof(buf)), (ssize_t)-EBADF);
out:
	if (w)
		fput(w);
	if (f)
		fput(f);
}

static void kmsg_reader_overrun_gets_epipe_then_the_oldest(struct ktest *test)
{
	struct file *f = open_dev(test, "/dev/kmsg", O_RDONLY | O_NONBLOCK);
	struct kmsg_record before, r;
	char buf[512];
	unsigned int i;

	if (!f)
		return;
	KTEST_ASSERT_EQ(test, parse_record(buf, kmsg_read(f, buf, sizeof(buf)), &before), 0);
	/* 1500 lines of ~200 bytes overwrite the 128 KiB ring. */
	for (i = 0; i < 1500; i++)
		printk(KERN_DEBUG "kmsg overrun %04u %0180u\n", i, 0);
	KTEST_EXPECT_EQ(test, kmsg_read(f, buf, sizeof(buf)), (ssize_t)-EPIPE);
	KTEST_ASSERT_EQ(test, parse_record(buf, kmsg_read(f, buf, sizeof(buf)), &r), 0);
	KTEST_EXPECT_GT(test, r.seq, before.seq + 1);
	KTEST_EXPECT_TRUE(test, !strncmp(r.text, "kmsg overrun ", 13));
	KTEST_EXPECT_EQ(test, r.level, 7ULL);
	fput(f);
}

static struct ktest_case mem_cases[] = {
	KTEST_CASE(null_reads_eof_and_swallows_writes),
	KTEST_CASE(zero_reads_zeroes_and_swallows_writes),
	KTEST_CASE(full_reads_zeroes_and_refuses_writes_with_enospc),
	KTEST_CASE(random_and_urandom_give_fresh_bytes_and_take_writes),
	KTEST_CASE(kmsg_records_have_linux_fields),
	KTEST_CASE(kmsg_read_waits_for_the_next_record),
	KTEST_CASE(kmsg_lseek_goes_to_the_start_or_the_end_only),
	KTEST_CASE(kmsg_writes_are_logged_with_their_level),
	KTEST_CASE(kmsg_reader_overrun_gets_epipe_then_the_oldest),
	{}
};

static struct ktest_suite mem_suite = {
	.name = "mem",
	.init = vfs_suite_init,
	.exit = vfs_suite_exit,
	.test_cases = mem_cases,
};
ktest_register_suite(mem_suite);
