// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the TTY layer (drivers/tty/): the line discipline fed bytes
 * through tty_receive_buf(), as the serial interrupt feeds them, and read
 * through the VFS; echo and output checked byte for byte. The terminal
 * is a test driver's (major 240, "ttyT": minor 0 works, minor 1's install
 * fails as a missing port's would), whose ->write records the output, so
 * nothing reaches the real console. The suite's tmpfs (vfs_test.h) holds
 * the nodes and checks that nothing is leaked; the tty_struct is freed on
 * the last close (a leak would show in the slab counts of the leak checks
 * of the whole suite run under failslab).
 */
#include "vfs_test.h"
#include <linux/tty.h>
#include <linux/poll.h>
#include <linux/string.h>
#include <linux/jiffies.h>
#include <linux/timer.h>
#include <linux/fault-inject.h>
#include <asm/signal.h>
#include "user_page.h"

#define TTYT_MAJOR	240
#define TTYT_NODE	VT "/ttyT0"

#define TTY_USER_PAGE	0x40000000UL	/* where the termios ioctl cases put their arguments */

static struct user_page tty_user_page;	/* unmapped by the suite's exit */
static char out[512];		/* what the test terminal sent */
static size_t out_len;

static void ttyt_write(struct tty_struct *tty, const u8 *buf, size_t count)
{
	count = min(count, sizeof(out) - 1 - out_len);
	memcpy(out + out_len, buf, count);
	out_len += count;
	out[out_len] = '\0';
}

static int ttyt_install(struct tty_struct *tty)
{
	return tty->index ? -ENODEV : 0;
}

static const struct tty_operations ttyt_ops = {
	.write = ttyt_write,
	.install = ttyt_install,
};

static struct tty_driver ttyt_driver = {
	.name = "ttyT",
	.major = TTYT_MAJOR,
	.minor_start = 0,
	.num = 2,
	.ops = &ttyt_ops,
};

static int tty_suite_init(struct ktest *test)
{
	int err = vfs_suite_init(test);

	if (err)
		return err;
	ttyt_driver.init_termios = tty_std_termios;
	err = tty_register_driver(&ttyt_driver);
	if (!err)
		err = init_mknod(TTYT_NODE, S_IFCHR | 0600, new_encode_dev(MKDEV(TTYT_MAJOR, 0)));
	if (!err)
		return 0;
	vfs_suite_exit(test);
	return err;
}

static void tty_suite_exit(struct ktest *test)
{
	user_page_unmap(&tty_user_page);
	KTEST_EXPECT_EQ(test, init_unlink(TTYT_NODE), 0);
	tty_unregister_driver(&ttyt_driver);
	vfs_suite_exit(test);
}

/* Open the test terminal (non-blocking reads) with its output record empty. */
static struct file *ttyt_open(struct ktest *test)
{
	struct file *f = filp_open(TTYT_NODE, O_RDWR | O_NONBLOCK, 0);

	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	out_len = 0;
	out[0] = '\0';
	return f;
}

static void feed(struct file *f, const char *s)
{
	tty_receive_buf(file_tty(f), (const u8 *)s, strlen(s));
}

/* One read of up to 63 bytes into @buf, NUL-terminated. Return: read()'s answer. */
static ssize_t rd(struct file *f, char *buf)
{
	loff_t pos = 0;
	ssize_t n = kernel_read(f, buf, 63, &pos);

	buf[n > 0 ? n : 0] = '\0';
	return n;
}

static void set_lflag(struct file *f, tcflag_t on, tcflag_t off)
{
	struct tty_struct *tty = file_tty(f);
	struct termios t = tty->termios;

	t.c_lflag = (t.c_lflag | on) & ~off;
	tty_set_termios(tty, &t);
}

static void set_raw(struct file *f, u8 vmin, u8 vtime)
{
	struct tty_struct *tty = file_tty(f);
	struct termios t = tty->termios;

	t.c_lflag &= ~ICANON;
	t.c_cc[VMIN] = vmin;
	t.c_cc[VTIME] = vtime;
	tty_set_termios(tty, &t);
}

static void termios_layout_and_defaults_are_linuxs(struct ktest *test)
{
	static const u8 cc[] = { 3, 034, 0177, 025, 4, 0, 1, 0, 021, 023, 032, 0, 022, 017, 027, 026, 0 };

	KTEST_EXPECT_EQ(test, sizeof(struct termios), 36UL);
	KTEST_EXPECT_EQ(test, offsetof(struct termios, c_line), 16UL);
	KTEST_EXPECT_EQ(test, offsetof(struct termios, c_cc), 17UL);
	KTEST_EXPECT_EQ(test, sizeof(struct winsize), 8UL);
	KTEST_EXPECT_MEMEQ(test, tty_std_termios.c_cc, cc, sizeof(cc));
	KTEST_EXPECT_EQ(test, tty_std_termios.c_iflag, 02400U);	/* ICRNL | IXON */
	KTEST_EXPECT_EQ(test, tty_std_termios.c_oflag, 05U);	/* OPOST | ONLCR */
	KTEST_EXPECT_EQ(test, tty_std_termios.c_lflag, 0105073U);
	KTEST_EXPECT_EQ(test, tty_std_termios.c_cflag, 02277U);	/* B38400 CS8 CREAD HUPCL */
}

static void canonical_reads_return_one_line_at_a_newline(struct ktest *test)
{
	struct file *f = ttyt_open(test);
	char buf[64];

	feed(f, "abc");
	KTEST_EXPECT_EQ(test, rd(f, buf), (ssize_t)-EAGAIN);
	feed(f, "\r");			/* ICRNL */
	KTEST_EXPECT_EQ(test, rd(f, buf), 4L);
	KTEST_EXPECT_STREQ(test, buf, "abc\n");
	feed(f, "x\ny\n");
	KTEST_EXPECT_EQ(test, rd(f, buf), 2L);
	KTEST_EXPECT_STREQ(test, buf, "x\n");
	KTEST_EXPECT_EQ(test, rd(f, buf), 2L);
	KTEST_EXPECT_STREQ(test, buf, "y\n");
	KTEST_EXPECT_EQ(test, rd(f, buf), (ssize_t)-EAGAIN);
	fput(f);
}

static struct tty_struct *late_tty;

/* Input arriving later, from interrupt context, as the UART's would. */
static void late_input(struct timer_list *t)
{
	tty_receive_buf(late_tty, (const u8 *)"late\r", 5);
}

static void a_blocking_read_waits_for_a_line_from_the_interrupt(struct ktest *test)
{
	struct file *f = filp_open(TTYT_NODE, O_RDWR, 0);
	struct timer_list timer;
	unsigned long start;
	char buf[64];

	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	late_tty = file_tty(f);
	timer_setup(&timer, late_input, 0);
	timer.expires = jiffies + 3;
	start = jiffies;
	add_timer(&timer);
	KTEST_EXPECT_EQ(test, rd(f, buf), 5L);
	KTEST_EXPECT_STREQ(test, buf, "late\n");
	KTEST_EXPECT_GE(test, jiffies - start, 2UL);
	del_timer(&timer);
	fput(f);
}

static void erase_removes_a_character_with_del_or_backspace(struct ktest *test)
{
	struct file *f = ttyt_open(test);
	char buf[64];

	feed(f, "\x7f" "abx\x7f" "c\n");
	KTEST_EXPECT_EQ(test, rd(f, buf), 4L);
	KTEST_EXPECT_STREQ(test, buf, "abc\n");
	feed(f, "aby\bc\n");
	KTEST_EXPECT_STREQ(test, (rd(f, buf), buf), "abc\n");
	/* Erase stops at the start of the line: a completed line is not editable. */
	feed(f, "ok\n\x7f\x7f" "z\n");
	KTEST_EXPECT_STREQ(test, (rd(f, buf), buf), "ok\n");
	KTEST_EXPECT_STREQ(test, (rd(f, buf), buf), "z\n");
	fput(f);
}

static void kill_and_word_erase_edit_the_line(struct ktest *test)
{
	struct file *f = ttyt_open(test);
	char buf[64];

	feed(f, "junk here\x15" "ok\n");
	KTEST_EXPECT_STREQ(test, (rd(f, buf), buf), "ok\n");
	feed(f, "foo bar  \x17" "baz\n");
	KTEST_EXPECT_STREQ(test, (rd(f, buf), buf), "foo baz\n");
	feed(f, "foo-bar\x17" "x\n");
	KTEST_EXPECT_STREQ(test, (rd(f, buf), buf), "foo-x\n");
	fput(f);
}

static void eof_ends_a_line_and_alone_reads_as_end_of_file(struct ktest *test)
{
	struct file *f = ttyt_open(test);
	char buf[64];

	feed(f, "ab\x04");
	KTEST_EXPECT_EQ(test, rd(f, buf), 2L);
	KTEST_EXPECT_STREQ(test, buf, "ab");
	feed(f, "\x04");
	KTEST_EXPECT_EQ(test, rd(f, buf), 0L);
	KTEST_EXPECT_EQ(test, rd(f, buf), (ssize_t)-EAGAIN);
	KTEST_EXPECT_STREQ(test, out, "ab");	/* EOF is not echoed */
	fput(f);
}

/* A poll_table whose queue procedure only counts its calls. */
struct counting_pt {
	poll_table pt;
	int queued;
};

static void count_queue(struct file *file, wait_queue_head_t *wq, poll_table *pt)
{
	container_of(pt, struct counting_pt, pt)->queued++;
}

static void poll_is_readable_once_a_line_is_complete(struct ktest *test)
{
	struct file *f = ttyt_open(test);
	struct counting_pt cpt;
	char buf[64];

	init_poll_funcptr(&cpt.pt, count_queue);
	cpt.queued = 0;
	KTEST_EXPECT_EQ(test, vfs_poll(f, &cpt.pt), (__poll_t)(EPOLLOUT | EPOLLWRNORM));
	KTEST_EXPECT_EQ(test, cpt.queued, 1);	/* on read_wait */
	feed(f, "half");
	KTEST_EXPECT_EQ(test, vfs_poll(f, NULL) & EPOLLIN, 0U);
	feed(f, " line\n");
	KTEST_EXPECT_EQ(test, vfs_poll(f, NULL), (__poll_t)(EPOLLIN | EPOLLRDNORM | EPOLLOUT |
							     EPOLLWRNORM));
	rd(f, buf);
	set_raw(f, 1, 0);
	KTEST_EXPECT_EQ(test, vfs_poll(f, NULL) & EPOLLIN, 0U);
	feed(f, "x");
	KTEST_EXPECT_EQ(test, vfs_poll(f, NULL) & EPOLLIN, (__poll_t)EPOLLIN);
	fput(f);
}

static void echo_shows_control_characters_as_caret_letters(struct ktest *test)
{
	struct file *f = ttyt_open(test);
	char buf[64];

	feed(f, "a\x01\tb\r");
	KTEST_EXPECT_STREQ(test, out, "a^A\tb\r\n");
	KTEST_EXPECT_EQ(test, rd(f, buf), 5L);
	KTEST_EXPECT_STREQ(test, buf, "a\x01\tb\n");
	out_len = 0;
	set_lflag(f, 0, ECHOCTL);
	feed(f, "\x01");
	KTEST_EXPECT_STREQ(test, out, "\x01");
	out_len = 0;
	set_lflag(f, 0, ECHO);
	feed(f, "quiet\n");
	KTEST_EXPECT_EQ(test, out_len, 0UL);
	fput(f);
}

static void echoe_and_echok_rub_out_what_was_erased(struct ktest *test)
{
	struct file *f = ttyt_open(test);

	feed(f, "ab\x7f");
	KTEST_EXPECT_STREQ(test, out, "ab\b \b");
	out_len = 0;
	feed(f, "\x01\x7f");		/* ^A took two columns */
	KTEST_EXPECT_STREQ(test, out, "^A\b \b\b \b");
	out_len = 0;
	feed(f, "cd\x15");		/* ECHOKE: the whole line rubbed out ("a" too) */
	KTEST_EXPECT_STREQ(test, out, "cd\b \b\b \b\b \b");
	out_len = 0;
	set_lflag(f, 0, ECHOKE);
	feed(f, "ef\x15");		/* ECHOK alone: ^U and a new line */
	KTEST_EXPECT_STREQ(test, out, "ef^U\r\n");
	out_len = 0;
	set_lflag(f, 0, ECHOE);
	feed(f, "g\x7f");		/* no ECHOE: the erase character is echoed */
	KTEST_EXPECT_STREQ(test, out, "g^?");
	fput(f);
}

static void output_maps_newline_to_crlf_under_onlcr(struct ktest *test)
{
	struct file *f = ttyt_open(test);
	struct tty_struct *tty = file_tty(f);
	struct termios t = tty->termios;
	loff_t pos = 0;

	KTEST_EXPECT_EQ(test, kernel_write(f, "a\nb", 3, &pos), 3L);
	KTEST_EXPECT_STREQ(test, out, "a\r\nb");
	out_len = 0;
	t.c_oflag &= ~OPOST;
	tty_set_termios(tty, &t);
	KTEST_EXPECT_EQ(test, kernel_write(f, "a\nb", 3, &pos), 3L);
	KTEST_EXPECT_STREQ(test, out, "a\nb");
	fput(f);
}

static void raw_mode_reads_bytes_as_they_come_with_vmin_and_vtime(struct ktest *test)
{
	struct file *f = filp_open(TTYT_NODE, O_RDWR, 0);	/* blocking reads */
	unsigned long start;
	char buf[64];

	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	set_raw(f, 0, 0);
	KTEST_EXPECT_EQ(test, rd(f, buf), 0L);		/* MIN 0 TIME 0: no wait */
	feed(f, "xy\x7f");				/* no editing in raw mode */
	KTEST_EXPECT_EQ(test, rd(f, buf), 3L);
	KTEST_EXPECT_STREQ(test, buf, "xy\x7f");
	set_raw(f, 3, 0);
	feed(f, "123");
	KTEST_EXPECT_EQ(test, rd(f, buf), 3L);		/* MIN 3: all three there */
	set_raw(f, 0, 1);
	start = jiffies;
	KTEST_EXPECT_EQ(test, rd(f, buf), 0L);		/* TIME 1: 0.1 s, then nothing */
	KTEST_EXPECT_GE(test, jiffies - start, (unsigned long)HZ / 10);
	set_raw(f, 2, 1);
	feed(f, "q");
	start = jiffies;
	KTEST_EXPECT_EQ(test, rd(f, buf), 1L);		/* inter-byte timer after the first */
	KTEST_EXPECT_GE(test, jiffies - start, (unsigned long)HZ / 10);
	fput(f);
}

static void changing_icanon_keeps_pending_input_readable(struct ktest *test)
{
	struct file *f = ttyt_open(test);
	char buf[64];

	feed(f, "part");
	set_raw(f, 1, 0);
	KTEST_EXPECT_EQ(test, rd(f, buf), 4L);
	KTEST_EXPECT_STREQ(test, buf, "part");
	feed(f, "raw");
	set_lflag(f, ICANON, 0);		/* pending raw input becomes a line */
	KTEST_EXPECT_EQ(test, rd(f, buf), 3L);
	KTEST_EXPECT_STREQ(test, buf, "raw");
	/* Back and forth with nothing pending: nothing to read, and editing works. */
	set_raw(f, 0, 0);
	feed(f, "r");
	KTEST_EXPECT_EQ(test, rd(f, buf), 1L);
	set_lflag(f, ICANON, 0);
	KTEST_EXPECT_EQ(test, rd(f, buf), (ssize_t)-EAGAIN);
	feed(f, "ab\x7f\n");
	KTEST_EXPECT_STREQ(test, (rd(f, buf), buf), "a\n");
	fput(f);
}

/*
 * Without a session the terminal has no foreground group (tty->pgrp 0):
 * an interrupt character still flushes the input and echoes, as Linux's
 * isig() does before it signals; nobody is signalled (the user test
 * session_calls checks the delivery to a group through TIOCSTI).
 */
static void interrupt_characters_flush_and_echo(struct ktest *test)
{
	struct file *f = ttyt_open(test);
	struct tty_struct *tty = file_tty(f);
	char buf[64];

	KTEST_EXPECT_EQ(test, tty->pgrp, 0);
	feed(f, "done\nabc\x03");
	KTEST_EXPECT_STREQ(test, out, "done\r\nabc^C");
	KTEST_EXPECT_EQ(test, rd(f, buf), (ssize_t)-EAGAIN);	/* even the completed line */
	feed(f, "x\x1cy\x1a");
	KTEST_EXPECT_STREQ(test, out, "done\r\nabc^Cx^\\y^Z");
	KTEST_EXPECT_EQ(test, rd(f, buf), (ssize_t)-EAGAIN);
	set_lflag(f, NOFLSH, 0);
	feed(f, "kept\x03\n");
	KTEST_EXPECT_STREQ(test, (rd(f, buf), buf), "kept\n");
	set_lflag(f, 0, ISIG);
	feed(f, "\x03\n");			/* without ISIG, ^C is data */
	KTEST_EXPECT_EQ(test, rd(f, buf), 2L);
	KTEST_EXPECT_STREQ(test, buf, "\x03\n");
	fput(f);
}

/* A kernel thread has no session: the job-control calls answer as for a stranger's terminal. */
static void job_control_ioctls_need_the_callers_terminal(struct ktest *test)
{
	struct file *f = ttyt_open(test);
	struct tty_struct *tty = file_tty(f);

	KTEST_EXPECT_EQ(test, vfs_ioctl(f, TIOCGPGRP, 0), (long)-ENOTTY);
	KTEST_EXPECT_EQ(test, vfs_ioctl(f, TIOCGSID, 0), (long)-ENOTTY);
	KTEST_EXPECT_EQ(test, vfs_ioctl(f, TIOCNOTTY, 0), (long)-ENOTTY);
	/* Not a session leader: no terminal to take. */
	KTEST_EXPECT_EQ(test, vfs_ioctl(f, TIOCSCTTY, 0), (long)-EPERM);
	KTEST_EXPECT_EQ(test, __tty_check_change(tty, SIGTTIN), 0);
	KTEST_EXPECT_EQ(test, tty->session, 0);
	fput(f);
}

static void ioctls_refuse_unknown_requests_and_bad_arguments(struct ktest *test)
{
	struct file *f = ttyt_open(test);
	struct termios t;
	char buf[64];

	/* A kernel address is no user pointer: -EFAULT, as from a bad process pointer. */
	KTEST_EXPECT_EQ(test, vfs_ioctl(f, TCGETS, (unsigned long)&t), (long)-EFAULT);
	KTEST_EXPECT_EQ(test, vfs_ioctl(f, TCSETS, (unsigned long)&t), (long)-EFAULT);
	KTEST_EXPECT_EQ(test, vfs_ioctl(f, TIOCGWINSZ, 0x1000), (long)-EFAULT);
	KTEST_EXPECT_EQ(test, vfs_ioctl(f, 0x5499, 0), (long)-ENOTTY);
	KTEST_EXPECT_EQ(test, vfs_ioctl(f, TCFLSH, 7), (long)-EINVAL);
	/* A terminal has no file position. */
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_SET), (loff_t)-ESPIPE);
	feed(f, "gone\n");
	KTEST_EXPECT_EQ(test, vfs_ioctl(f, TCFLSH, TCOFLUSH), 0L);
	KTEST_EXPECT_EQ(test, rd(f, buf), 5L);
	feed(f, "gone\n");
	KTEST_EXPECT_EQ(test, vfs_ioctl(f, TCFLSH, TCIFLUSH), 0L);
	KTEST_EXPECT_EQ(test, rd(f, buf), (ssize_t)-EAGAIN);
	fput(f);
}

static void termios_and_winsize_ioctls_round_trip_through_user_memory(struct ktest *test)
{
	u8 *k = user_page_map(test, &tty_user_page, TTY_USER_PAGE);
	unsigned long ut = TTY_USER_PAGE, uw = TTY_USER_PAGE + 256;
	struct termios *kt = (struct termios *)k;
	struct winsize ws = { 24, 80, 0, 0 }, *kw = (struct winsize *)(k + 256);
	struct file *f = ttyt_open(test);
	char buf[64];

	KTEST_EXPECT_EQ(test, vfs_ioctl(f, TCGETS, ut), 0L);
	KTEST_EXPECT_MEMEQ(test, kt, &tty_std_termios, sizeof(*kt));
	kt->c_lflag &= ~(ICANON | ECHO);
	kt->c_cc[VMIN] = 0;
	KTEST_EXPECT_EQ(test, vfs_ioctl(f, TCSETS, ut), 0L);
	memset(kt, 0, sizeof(*kt));
	KTEST_EXPECT_EQ(test, vfs_ioctl(f, TCGETS, ut), 0L);
	KTEST_EXPECT_EQ(test, kt->c_lflag, tty_std_termios.c_lflag & ~(ICANON | ECHO));
	KTEST_EXPECT_EQ(test, file_tty(f)->termios.c_cc[VMIN], 0);
	feed(f, "raw");
	KTEST_EXPECT_EQ(test, rd(f, buf), 3L);		/* raw mode in force, no echo */
	KTEST_EXPECT_EQ(test, out_len, 0UL);
	feed(f, "gone");
	kt->c_lflag |= ICANON;
	KTEST_EXPECT_EQ(test, vfs_ioctl(f, TCSETSF, ut), 0L);	/* flushes first */
	KTEST_EXPECT_EQ(test, rd(f, buf), (ssize_t)-EAGAIN);
	KTEST_EXPECT_EQ(test, vfs_ioctl(f, TCSETSW, ut), 0L);
	/* Window size: zero at first, then what was set. */
	KTEST_EXPECT_EQ(test, vfs_ioctl(f, TIOCGWINSZ, uw), 0L);
	KTEST_EXPECT_EQ(test, kw->ws_row, 0);
	*kw = ws;
	KTEST_EXPECT_EQ(test, vfs_ioctl(f, TIOCSWINSZ, uw), 0L);
	memset(kw, 0, sizeof(*kw));
	KTEST_EXPECT_EQ(test, vfs_ioctl(f, TIOCGWINSZ, uw), 0L);
	KTEST_EXPECT_MEMEQ(test, kw, &ws, sizeof(ws));
	/* An argument running off the mapped page. */
	KTEST_EXPECT_EQ(test, vfs_ioctl(f, TCGETS, TTY_USER_PAGE + PAGE_SIZE - 8), (long)-EFAULT);
	fput(f);
}

static void opens_share_a_terminal_and_fail_without_a_port(struct ktest *test)
{
	struct file *a = ttyt_open(test), *b = ttyt_open(test);
	char buf[8];
	long fd;

	KTEST_EXPECT_PTR_EQ(test, file_tty(a), file_tty(b));
	KTEST_EXPECT_EQ(test, file_tty(a)->count, 2);
	KTEST_EXPECT_STREQ(test, file_tty(a)->name, "ttyT0");
	fput(b);
	KTEST_EXPECT_EQ(test, file_tty(a)->count, 1);
	fput(a);
	/* pread and pwrite of a terminal: -ESPIPE (an fd this time). */
	fd = do_sys_open(AT_FDCWD, TTYT_NODE, O_RDWR | O_NONBLOCK, 0);
	KTEST_ASSERT_GE(test, fd, 0L);
	KTEST_EXPECT_EQ(test, ksys_pread64(fd, buf, sizeof(buf), 0), (ssize_t)-ESPIPE);
	KTEST_EXPECT_EQ(test, ksys_pwrite64(fd, "x", 1, 0), (ssize_t)-ESPIPE);
	KTEST_EXPECT_EQ(test, ksys_write(fd, "x", 1), 1L);
	KTEST_EXPECT_EQ(test, ksys_close(fd), 0);
	KTEST_ASSERT_EQ(test, init_mknod(VT "/ttyT1", S_IFCHR | 0600,
					 new_encode_dev(MKDEV(TTYT_MAJOR, 1))), 0);
	KTEST_EXPECT_PTR_EQ(test, filp_open(VT "/ttyT1", O_RDWR, 0), ERR_PTR(-ENODEV));
	KTEST_EXPECT_EQ(test, init_unlink(VT "/ttyT1"), 0);
}

/* Fail the first slab allocation after @space bytes of them, once (see fault-inject.h). */
static void first_open_unwinds_an_allocation_failure_at_any_step(struct ktest *test)
{
	struct failslab_attr saved = failslab;
	bool enabled = failslab_enabled;
	struct file *f = ERR_PTR(-ENOMEM);
	long space;

	for (space = 0; IS_ERR(f) && space < 65536; space += 128) {
		failslab_once_after(space);
		f = filp_open(TTYT_NODE, O_RDWR, 0);
		failslab_enabled = enabled;
		failslab = saved;
		if (IS_ERR(f)) {
			KTEST_EXPECT_EQ(test, PTR_ERR(f), (long)-ENOMEM);
			KTEST_EXPECT_NULL(test, ttyt_driver.ttys[0]);
		}
	}
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	KTEST_EXPECT_GT(test, space, 4096L);	/* past the tty_struct: opens failed */
	fput(f);
	KTEST_EXPECT_NULL(test, ttyt_driver.ttys[0]);
}

static void console_and_ttys0_are_one_terminal_with_linux_numbers(struct ktest *test)
{
	struct file *con, *s0;
	struct kstat st;

	KTEST_ASSERT_EQ(test, init_stat("/dev/console", &st, 0), 0);
	KTEST_EXPECT_EQ(test, st.rdev, (dev_t)MKDEV(5, 1));
	KTEST_ASSERT_EQ(test, init_stat("/dev/ttyS0", &st, 0), 0);
	KTEST_EXPECT_EQ(test, st.rdev, (dev_t)MKDEV(4, 64));
	KTEST_EXPECT_EQ(test, st.mode, S_IFCHR | 0600);
	con = filp_open("/dev/console", O_RDWR | O_NONBLOCK, 0);
	KTEST_ASSERT_FALSE(test, IS_ERR(con));
	s0 = filp_open("/dev/ttyS0", O_RDWR | O_NONBLOCK, 0);
	KTEST_EXPECT_FALSE(test, IS_ERR(s0));
	if (!IS_ERR(s0)) {
		KTEST_EXPECT_PTR_EQ(test, file_tty(con), file_tty(s0));
		KTEST_EXPECT_STREQ(test, file_tty(s0)->name, "ttyS0");
		KTEST_EXPECT_EQ(test, file_tty(s0)->termios.c_cflag & CBAUD, (tcflag_t)B115200);
		fput(s0);
	}
	fput(con);
}

static struct ktest_case tty_cases[] = {
	KTEST_CASE(termios_layout_and_defaults_are_linuxs),
	KTEST_CASE(canonical_reads_return_one_line_at_a_newline),
	KTEST_CASE(a_blocking_read_waits_for_a_line_from_the_interrupt),
	KTEST_CASE(erase_removes_a_character_with_del_or_backspace),
	KTEST_CASE(kill_and_word_erase_edit_the_line),
	KTEST_CASE(eof_ends_a_line_and_alone_reads_as_end_of_file),
	KTEST_CASE(poll_is_readable_once_a_line_is_complete),
	KTEST_CASE(echo_shows_control_characters_as_caret_letters),
	KTEST_CASE(echoe_and_echok_rub_out_what_was_erased),
	KTEST_CASE(output_maps_newline_to_crlf_under_onlcr),
	KTEST_CASE(raw_mode_reads_bytes_as_they_come_with_vmin_and_vtime),
	KTEST_CASE(changing_icanon_keeps_pending_input_readable),
	KTEST_CASE(interrupt_characters_flush_and_echo),
	KTEST_CASE(job_control_ioctls_need_the_callers_terminal),
	KTEST_CASE(ioctls_refuse_unknown_requests_and_bad_arguments),
	KTEST_CASE(termios_and_winsize_ioctls_round_trip_through_user_memory),
	KTEST_CASE(opens_share_a_terminal_and_fail_without_a_port),
	KTEST_CASE(first_open_unwinds_an_allocation_failure_at_any_step),
	KTEST_CASE(console_and_ttys0_are_one_terminal_with_linux_numbers),
	{}
};

static struct ktest_suite tty_suite = {
	.name = "tty",
	.init = tty_suite_init,
	.exit = tty_suite_exit,
	.test_cases = tty_cases,
};
ktest_register_suite(tty_suite);
