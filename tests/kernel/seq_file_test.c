// SPDX-License-Identifier: GPL-2.0
/*
 * The seq_file suite: fs/seq_file.c. The writers on fixed buffers (what
 * fits, the overflow mark), then seq_file_show() growing its buffer and
 * rerunning the show until the text fits, passing errors through, and
 * giving its pages back; an open file's text (single_open(),
 * seq_read_iter(), seq_lseek()): one snapshot read at any offset.
 */
#include <linux/ktest.h>
#include <linux/seq_file.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include "mm_test.h"

#define SEQ_TEXT(m)	((m)->buf[(m)->count] = '\0', (const char *)(m)->buf)

static void seq_printf_and_friends_format_into_the_buffer(struct ktest *test)
{
	char buf[128];
	struct seq_file m = { .buf = buf, .size = sizeof(buf) };

	seq_printf(&m, "%-6s|%5d|%#x|", "ab", 42, 255);
	seq_puts(&m, "puts");
	seq_putc(&m, '!');
	seq_write(&m, "write-not-this", 5);
	seq_put_decimal_ull(&m, " ", 18446744073709551615ULL);
	seq_put_decimal_ull(&m, NULL, 0);
	seq_put_decimal_ull(&m, "", 7);
	KTEST_EXPECT_FALSE(test, seq_has_overflowed(&m));
	KTEST_EXPECT_STREQ(test, SEQ_TEXT(&m), "ab    |   42|0xff|puts!write 1844674407370955161507");
	KTEST_EXPECT_EQ(test, m.count, strlen(buf));
}

static void a_write_that_does_not_fit_marks_the_buffer_full(struct ktest *test)
{
	char buf[8];
	struct seq_file m = { .buf = buf, .size = sizeof(buf) };

	seq_puts(&m, "1234567");		/* fits, with room left for nothing more */
	KTEST_EXPECT_EQ(test, m.count, 7UL);
	KTEST_EXPECT_FALSE(test, seq_has_overflowed(&m));
	seq_putc(&m, 'x');
	KTEST_EXPECT_TRUE(test, seq_has_overflowed(&m));
	KTEST_EXPECT_EQ(test, m.count, sizeof(buf));
	seq_puts(&m, "y");			/* nothing lands after the hole */
	seq_printf(&m, "%d", 1);
	KTEST_EXPECT_EQ(test, m.count, sizeof(buf));
}

static void seq_printf_that_fills_the_buffer_exactly_overflows(struct ktest *test)
{
	char buf[8];
	struct seq_file m = { .buf = buf, .size = sizeof(buf) };

	seq_printf(&m, "%s", "123456");
	KTEST_EXPECT_EQ(test, m.count, 6UL);
	seq_printf(&m, "%d", 78);		/* 8 bytes: no room left for its NUL */
	KTEST_EXPECT_TRUE(test, seq_has_overflowed(&m));
}

static void seq_escape_writes_the_listed_bytes_in_octal(struct ktest *test)
{
	char buf[64];
	struct seq_file m = { .buf = buf, .size = sizeof(buf) };

	seq_escape(&m, "a b\tc\\d\ne", " \t\n\\");
	KTEST_EXPECT_STREQ(test, SEQ_TEXT(&m), "a\\040b\\011c\\134d\\012e");
	m.count = 0;
	seq_escape(&m, "plain", " ");
	KTEST_EXPECT_STREQ(test, SEQ_TEXT(&m), "plain");
}

struct filler {
	size_t bytes;		/* to write */
	unsigned int runs;	/* times the show ran */
};

static int fill_show(struct seq_file *m, void *v)
{
	struct filler *f = v;
	size_t i;

	f->runs++;
	for (i = 0; i < f->bytes; i++)
		seq_putc(m, (char)('a' + i % 26));
	return 0;
}

static void seq_file_show_grows_the_buffer_until_the_text_fits(struct ktest *test)
{
	struct filler f = { .bytes = 3 * PAGE_SIZE + 5 };
	struct seq_file m = {};
	unsigned long before;
	const char *text;

	before = free_pages_settled();
	text = KTEST_SHOW(test, &m, fill_show, &f);
	KTEST_EXPECT_EQ(test, f.runs, 3U);		/* 4 KiB, 8 KiB, 16 KiB */
	KTEST_EXPECT_EQ(test, m.size, 4 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, m.count, f.bytes);
	KTEST_EXPECT_EQ(test, strlen(text), f.bytes);
	KTEST_EXPECT_EQ(test, text[f.bytes - 1], (char)('a' + (f.bytes - 1) % 26));
	seq_file_free(&m);
	KTEST_EXPECT_NULL(test, m.buf);
	KTEST_EXPECT_EQ(test, free_pages_settled(), before);
}

static int failing_show(struct seq_file *m, void *v)
{
	seq_puts(m, "partial");
	return -EIO;
}

static int endless_show(struct seq_file *m, void *v)
{
	static const char line[64] = "more";

	while (!seq_has_overflowed(m))
		seq_write(m, line, sizeof(line));
	return 0;
}

static void seq_file_show_passes_errors_and_gives_up_past_its_limit(struct ktest *test)
{
	struct seq_file m = {};

	KTEST_EXPECT_EQ(test, seq_file_show(&m, failing_show, NULL), -EIO);
	KTEST_EXPECT_NULL(test, m.buf);
	KTEST_EXPECT_EQ(test, seq_file_show(&m, endless_show, NULL), -ENOMEM);
	KTEST_EXPECT_NULL(test, m.buf);
}

/* seq_read_iter() of @len bytes at @pos of the single_open()'d @file into @buf. */
static ssize_t seq_test_read(struct file *file, char *buf, size_t len, loff_t pos)
{
	struct kiocb kiocb = { .ki_filp = file, .ki_pos = pos };
	struct kvec kvec = { .iov_base = buf, .iov_len = len };
	struct iov_iter iter;

	iov_iter_kvec(&iter, ITER_DEST, &kvec, 1, len);
	return seq_read_iter(&kiocb, &iter);
}

static void single_open_reads_one_snapshot_at_any_offset(struct ktest *test)
{
	struct filler f = { .bytes = PAGE_SIZE + 100 };
	struct file file = {};
	unsigned long before;
	char buf[256];

	KTEST_ASSERT_EQ(test, single_open(&file, fill_show, &f), 0);
	before = free_pages_settled();
	KTEST_EXPECT_EQ(test, f.runs, 0U);			/* nothing until a read */
	KTEST_EXPECT_EQ(test, seq_test_read(&file, buf, 10, 0), (ssize_t)10);
	KTEST_EXPECT_MEMEQ(test, buf, "abcdefghij", 10);
	KTEST_EXPECT_EQ(test, f.runs, 2U);			/* a page, then two */
	KTEST_EXPECT_EQ(test, seq_test_read(&file, buf, 3, 27), (ssize_t)3);
	KTEST_EXPECT_MEMEQ(test, buf, "bcd", 3);
	KTEST_EXPECT_EQ(test, seq_test_read(&file, buf, sizeof(buf), PAGE_SIZE), (ssize_t)100);
	KTEST_EXPECT_EQ(test, seq_test_read(&file, buf, 1, PAGE_SIZE + 100), (ssize_t)0);
	KTEST_EXPECT_EQ(test, f.runs, 2U);			/* the same snapshot */
	KTEST_EXPECT_EQ(test, seq_lseek(&file, 5, SEEK_SET), 5LL);
	KTEST_EXPECT_EQ(test, seq_lseek(&file, 5, SEEK_CUR), 10LL);
	KTEST_EXPECT_EQ(test, seq_lseek(&file, 0, SEEK_END), (loff_t)-EINVAL);
	KTEST_EXPECT_EQ(test, seq_lseek(&file, -11, SEEK_CUR), (loff_t)-EINVAL);
	KTEST_EXPECT_EQ(test, file.f_pos, 10LL);
	KTEST_EXPECT_EQ(test, seq_lseek(&file, 0, SEEK_SET), 0LL);	/* drops the snapshot */
	KTEST_EXPECT_EQ(test, seq_test_read(&file, buf, 1, 0), (ssize_t)1);
	KTEST_EXPECT_EQ(test, f.runs, 4U);
	KTEST_EXPECT_EQ(test, single_release(NULL, &file), 0);
	KTEST_EXPECT_NULL(test, file.private_data);
	/* The text's pages are back (the seq_file's own slab object may free one more). */
	KTEST_EXPECT_GE(test, free_pages_settled(), before);
}

static void seq_read_iter_returns_the_shows_error(struct ktest *test)
{
	struct file file = {};
	char buf[16];

	KTEST_ASSERT_EQ(test, single_open(&file, failing_show, NULL), 0);
	KTEST_EXPECT_EQ(test, seq_test_read(&file, buf, sizeof(buf), 0), (ssize_t)-EIO);
	KTEST_EXPECT_EQ(test, seq_test_read(&file, buf, sizeof(buf), 3), (ssize_t)-EIO);
	single_release(NULL, &file);
}

static struct ktest_case seq_file_cases[] = {
	KTEST_CASE(seq_printf_and_friends_format_into_the_buffer),
	KTEST_CASE(a_write_that_does_not_fit_marks_the_buffer_full),
	KTEST_CASE(seq_printf_that_fills_the_buffer_exactly_overflows),
	KTEST_CASE(seq_escape_writes_the_listed_bytes_in_octal),
	KTEST_CASE(seq_file_show_grows_the_buffer_until_the_text_fits),
	KTEST_CASE(seq_file_show_passes_errors_and_gives_up_past_its_limit),
	KTEST_CASE(single_open_reads_one_snapshot_at_any_offset),
	KTEST_CASE(seq_read_iter_returns_the_shows_error),
	{}
};

static struct ktest_suite seq_file_suite = {
	.name = "seq_file",
	.init = ktest_pause_fault_injection,
	.exit = ktest_resume_fault_injection,
	.test_cases = seq_file_cases,
};
ktest_register_suite(seq_file_suite);
