// SPDX-License-Identifier: GPL-2.0
/*
 * n_tty: the line discipline (Linux's drivers/tty/n_tty.c), between a
 * terminal's hardware and its readers and writers.
 *
 * Input (tty_receive_buf(), from the driver's interrupt or a test):
 * ICRNL/IGNCR/INLCR map carriage returns; with ISIG the INTR, QUIT and
 * SUSP characters (^C, ^\, ^Z) are interrupt characters; with ICANON the
 * ERASE (^? and ^H), WERASE (^W, with IEXTEN) and KILL (^U) characters
 * edit the line being typed, and a newline, EOL, EOL2 or EOF (^D) ends
 * it; every other byte is queued. Echo (ECHO) shows what is typed,
 * control characters as ^X with ECHOCTL; ECHOE erases a character on
 * screen with "\b \b", ECHOK/ECHOKE a whole line.
 *
 * The read buffer (struct n_tty_data, tty.h): a ring of bytes with
 * free-running counters read_tail <= canon_head <= read_head. Canonical
 * readers get one completed line a read ([read_tail, canon_head)); an
 * EOF character ends a line without being data, so a line of it alone
 * reads as 0 bytes, end of file. Raw readers (ICANON off) get the bytes
 * as they come, with VMIN/VTIME: MIN 0 TIME 0 does not wait; MIN 0
 * TIME t waits up to t tenths of a second for one byte; MIN m TIME 0
 * waits for m bytes (or the reader's count); MIN m TIME t waits for the
 * first byte, then at most t tenths between bytes.
 *
 * Interrupt characters (ISIG): as Linux's isig(), the input is flushed
 * unless NOFLSH, the character is echoed (^C), and the signal (SIGINT,
 * SIGQUIT, SIGTSTP) goes to the terminal's foreground process group
 * (tty->pgrp, tty_jobctrl.c) with kill_pgrp(), once tty->lock is dropped,
 * from the receive path itself (the serial interrupt: there is no
 * deferred flip-buffer work here). A reader sleeping in that group wakes
 * for the signal (-ERESTARTSYS); one that ignores it keeps waiting.
 *
 * Job control: a read by a background process group of the controlling
 * terminal (and with TOSTOP a write) goes through __tty_check_change()
 * first, which stops the group or fails the call; a sleeping reader
 * looks again when it wakes.
 *
 * Polling (n_tty_poll()): readable when a read would not wait (a whole
 * line in canonical mode, a byte in raw mode); always writable, as the
 * driver's ->write takes every byte at once. Input wakes read_wait with
 * EPOLLIN, so pollers there see it.
 *
 * Output (n_tty_write() and echoes): with OPOST, ONLCR sends "\n" as
 * "\r\n"; the driver's ->write gets the bytes as they are to be sent.
 *
 * Not yet: IXON/IXOFF flow control (^S and ^Q are data), the REPRINT
 * (^R), LNEXT (^V) and DISCARD (^O) characters, ISTRIP, IUCLC/OLCUC,
 * PARMRK, tab expansion, and erasing a tab by its width (one column).
 *
 * Locking: tty->lock (irqsave) around every use of ldata and termios and
 * every ->write; bytes are copied to and from the caller's iov_iter
 * outside it (a user copy may fault), in chunks of N_TTY_CHUNK.
 */
#include <linux/tty.h>
#include <linux/poll.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include <linux/ctype.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched/signal.h>
#include <asm/signal.h>

#define N_TTY_CHUNK	128
#define RING(i)		((i) & (N_TTY_BUF_SIZE - 1))

#define L_FLAG(tty, f)	((tty)->termios.c_lflag & (f))
#define I_FLAG(tty, f)	((tty)->termios.c_iflag & (f))
#define O_FLAG(tty, f)	((tty)->termios.c_oflag & (f))

/* Is @c the character at c_cc[@idx]? A 0 there (_POSIX_VDISABLE) matches nothing. */
static bool is_cc(const struct tty_struct *tty, unsigned int idx, u8 c)
{
	return tty->termios.c_cc[idx] && c == tty->termios.c_cc[idx];
}

static size_t read_cnt(const struct n_tty_data *ld)
{
	return ld->read_head - ld->read_tail;
}

/* ---- output --------------------------------------------------------------- */

static void put_raw(struct tty_struct *tty, const char *s, size_t n)
{
	tty->driver->ops->write(tty, (const u8 *)s, n);
}

/* One byte through OPOST's processing; tty->lock held. */
static void output_char(struct tty_struct *tty, u8 c)
{
	if (c == '\n' && O_FLAG(tty, OPOST) && O_FLAG(tty, ONLCR))
		put_raw(tty, "\r\n", 2);
	else
		put_raw(tty, (const char *)&c, 1);
}

/* Does @c echo as two columns, ^X? */
static bool echoes_as_ctrl(const struct tty_struct *tty, u8 c)
{
	return L_FLAG(tty, ECHOCTL) && (c < ' ' || c == 0x7f) && c != '\t' && c != '\n';
}

static void echo_char(struct tty_struct *tty, u8 c)
{
	char ctl[2] = { '^', (char)(c ^ 0100) };

	if (echoes_as_ctrl(tty, c))
		put_raw(tty, ctl, 2);
	else
		output_char(tty, c);
}

/* Take @c off the screen: "\b \b" a column it took. */
static void echo_erase(struct tty_struct *tty, u8 c)
{
	int cols = echoes_as_ctrl(tty, c) ? 2 : 1;

	while (cols--)
		put_raw(tty, "\b \b", 3);
}

/* ---- input ---------------------------------------------------------------- */

static void wake_readers(struct tty_struct *tty)
{
	wake_up_poll(&tty->read_wait, EPOLLIN | EPOLLRDNORM);
}

/* Queue @c; @line_end ends a line there, @eof marks it as an EOF character. */
static void put_input(struct tty_struct *tty, u8 c, bool line_end, bool eof)
{
	struct n_tty_data *ld = &tty->ldata;
	size_t room = N_TTY_BUF_SIZE - read_cnt(ld);
	size_t i = RING(ld->read_head);

	/* In canonical mode the last slot is kept for the byte that ends the line. */
	if (!room || (room == 1 && L_FLAG(tty, ICANON) && !line_end))
		return;
	ld->read_buf[i] = c;
	__clear_bit(i, ld->line_end);
	__clear_bit(i, ld->eof);
	if (line_end)
		__set_bit(i, ld->line_end);
	if (eof)
		__set_bit(i, ld->eof);
	ld->read_head++;
	if (line_end) {
		ld->canon_head = ld->read_head;
		wake_readers(tty);
	} else if (!L_FLAG(tty, ICANON)) {
		wake_readers(tty);
	}
}

/* Linux's WERASE: trailing non-word bytes, then the word before them. */
static bool werase_stops_at(u8 c, unsigned int *seen_alnums)
{
	if (isalnum(c) || c == '_') {
		(*seen_alnums)++;
		return false;
	}
	return *seen_alnums > 0;
}

/* ERASE, WERASE or KILL (@c) on the line being edited. */
static void eraser(struct tty_struct *tty, u8 c)
{
	struct n_tty_data *ld = &tty->ldata;
	bool kill = is_cc(tty, VKILL, c), werase = !kill && is_cc(tty, VWERASE, c);
	unsigned int seen_alnums = 0;

	if (ld->read_head == ld->canon_head)
		return;
	if (kill && (!L_FLAG(tty, ECHO) || !L_FLAG(tty, ECHOK) || !L_FLAG(tty, ECHOKE) ||
		     !L_FLAG(tty, ECHOE))) {
		ld->read_head = ld->canon_head;
		if (L_FLAG(tty, ECHO)) {
			echo_char(tty, c);
			if (L_FLAG(tty, ECHOK))
				output_char(tty, '\n');
		}
		return;
	}
	while (ld->read_head != ld->canon_head) {
		u8 prev = ld->read_buf[RING(ld->read_head - 1)];

		if (werase && werase_stops_at(prev, &seen_alnums))
			break;
		ld->read_head--;
		if (L_FLAG(tty, ECHO) && L_FLAG(tty, ECHOE))
			echo_erase(tty, prev);
		if (!kill && !werase)
			break;
	}
	if (L_FLAG(tty, ECHO) && !L_FLAG(tty, ECHOE))
		echo_char(tty, c);
}

void n_tty_flush_input(struct tty_struct *tty)
{
	struct n_tty_data *ld = &tty->ldata;
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	ld->read_tail = ld->canon_head = ld->read_head;
	spin_unlock_irqrestore(&tty->lock, flags);
}

/* An interrupt character: see the top of the file. tty->lock held. */
static void isig(struct tty_struct *tty, int sig, u8 c)
{
	struct n_tty_data *ld = &tty->ldata;

	if (!L_FLAG(tty, NOFLSH))
		ld->read_tail = ld->canon_head = ld->read_head;
	if (L_FLAG(tty, ECHO))
		echo_char(tty, c);
}

static int signal_of(const struct tty_struct *tty, u8 c)
{
	if (is_cc(tty, VINTR, c))
		return SIGINT;
	if (is_cc(tty, VQUIT, c))
		return SIGQUIT;
	if (is_cc(tty, VSUSP, c))
		return SIGTSTP;
	return 0;
}

static bool ends_line(const struct tty_struct *tty, u8 c)
{
	return c == '\n' || is_cc(tty, VEOL, c) || (L_FLAG(tty, IEXTEN) && is_cc(tty, VEOL2, c));
}

static bool is_erase(const struct tty_struct *tty, u8 c)
{
	/* ^H erases too when ERASE is ^?, as a terminal's backspace key sends either. */
	return is_cc(tty, VERASE, c) || is_cc(tty, VKILL, c) ||
	       (L_FLAG(tty, IEXTEN) && is_cc(tty, VWERASE, c)) ||
	       (c == '\b' && tty->termios.c_cc[VERASE] == 0x7f);
}

/* One received byte; tty->lock held. Return: the signal it raises, or 0. */
static int receive_char(struct tty_struct *tty, u8 c)
{
	int sig;

	if (c == '\r') {
		if (I_FLAG(tty, IGNCR))
			return 0;
		if (I_FLAG(tty, ICRNL))
			c = '\n';
	} else if (c == '\n' && I_FLAG(tty, INLCR)) {
		c = '\r';
	}
	sig = L_FLAG(tty, ISIG) ? signal_of(tty, c) : 0;
	if (sig) {
		isig(tty, sig, c);
		return sig;
	}
	if (L_FLAG(tty, ICANON)) {
		if (is_erase(tty, c)) {
			eraser(tty, c);
			return 0;
		}
		if (is_cc(tty, VEOF, c)) {
			put_input(tty, c, true, true);
			return 0;
		}
		if (ends_line(tty, c)) {
			if (L_FLAG(tty, ECHO) || (c == '\n' && L_FLAG(tty, ECHONL)))
				echo_char(tty, c);
			put_input(tty, c, true, false);
			return 0;
		}
	}
	if (L_FLAG(tty, ECHO))
		echo_char(tty, c);
	put_input(tty, c, false, false);
	return 0;
}

/* Send @sig to @pgrp, the foreground group when the character came. */
static void isig_send(pid_t pgrp, int sig)
{
	if (pgrp)
		kill_pgrp(pgrp, sig, 1);
}

void tty_receive_buf(struct tty_struct *tty, const u8 *buf, size_t count)
{
	unsigned long flags;
	pid_t pgrp;
	int sig;

	while (count) {
		spin_lock_irqsave(&tty->lock, flags);
		for (sig = 0; count && !sig; count--)
			sig = receive_char(tty, *buf++);
		pgrp = tty->pgrp;
		spin_unlock_irqrestore(&tty->lock, flags);
		if (sig)
			isig_send(pgrp, sig);
	}
}

void tty_set_termios(struct tty_struct *tty, const struct termios *new)
{
	struct n_tty_data *ld = &tty->ldata;
	unsigned long flags;
	bool was_canon;

	spin_lock_irqsave(&tty->lock, flags);
	was_canon = L_FLAG(tty, ICANON);
	tty->termios = *new;
	/*
	 * Entering canonical mode: what raw input is pending becomes one line,
	 * as Linux's (raw reads moved read_tail past the old canon_head).
	 */
	if (!was_canon && L_FLAG(tty, ICANON)) {
		if (read_cnt(ld))
			__set_bit(RING(ld->read_head - 1), ld->line_end);
		ld->canon_head = ld->read_head;
	}
	spin_unlock_irqrestore(&tty->lock, flags);
	wake_readers(tty);
}

/* ---- reading -------------------------------------------------------------- */

/* Bytes a reader may take now. */
static size_t input_available(struct tty_struct *tty)
{
	struct n_tty_data *ld = &tty->ldata;

	if (L_FLAG(tty, ICANON))
		return READ_ONCE(ld->canon_head) - READ_ONCE(ld->read_tail);
	return READ_ONCE(ld->read_head) - READ_ONCE(ld->read_tail);
}

/*
 * Move up to @max bytes into @kbuf (an EOF mark is consumed, not copied).
 * Return: the bytes copied; *@line_done when a line end was consumed.
 */
static size_t take_input(struct tty_struct *tty, u8 *kbuf, size_t max, bool *line_done)
{
	struct n_tty_data *ld = &tty->ldata;
	unsigned long flags;
	size_t n = 0;

	spin_lock_irqsave(&tty->lock, flags);
	*line_done = false;
	while (n < max && input_available(tty)) {
		size_t i = RING(ld->read_tail++);

		if (!test_bit(i, ld->eof))
			kbuf[n++] = ld->read_buf[i];
		if (test_bit(i, ld->line_end) && L_FLAG(tty, ICANON)) {
			*line_done = true;
			break;
		}
	}
	spin_unlock_irqrestore(&tty->lock, flags);
	return n;
}

size_t n_tty_chars_in_buffer(struct tty_struct *tty)
{
	return input_available(tty);
}

/*
 * Wait for input: for ever (@timeout 0) or @timeout jiffies, or until a
 * signal. Return: 1 with input, 0 if the wait timed out without,
 * -ERESTARTSYS for a signal, or job control's answer once awake.
 */
static long wait_input(struct tty_struct *tty, long timeout)
{
	long ret;

	if (!timeout)
		ret = wait_event_interruptible(tty->read_wait, input_available(tty));
	else
		ret = wait_event_interruptible_timeout(tty->read_wait, input_available(tty),
						       timeout);
	if (ret < 0)
		return ret;
	/* The foreground group may have changed while we slept. */
	return __tty_check_change(tty, SIGTTIN) ?: !!input_available(tty);
}

__poll_t n_tty_poll(struct tty_struct *tty, struct file *file, poll_table *wait)
{
	__poll_t mask = EPOLLOUT | EPOLLWRNORM;

	poll_wait(file, &tty->read_wait, wait);
	if (input_available(tty))
		mask |= EPOLLIN | EPOLLRDNORM;
	return mask;
}

static ssize_t canon_read(struct tty_struct *tty, struct file *file, struct iov_iter *to)
{
	u8 kbuf[N_TTY_CHUNK];
	size_t done = 0, n;
	bool line_done = false;
	long ret;

	while (!input_available(tty)) {
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		ret = wait_input(tty, 0);
		if (ret < 0)
			return ret;
	}
	while (!line_done && iov_iter_count(to)) {
		n = take_input(tty, kbuf, min_t(size_t, sizeof(kbuf), iov_iter_count(to)),
			       &line_done);
		if (!n && !line_done)
			break;
		if (copy_to_iter(kbuf, n, to) != n)
			return done ? (ssize_t)done : -EFAULT;
		done += n;
	}
	return done;
}

static ssize_t raw_read(struct tty_struct *tty, struct file *file, struct iov_iter *to)
{
	unsigned int vmin = tty->termios.c_cc[VMIN];
	long vtime = DIV_ROUND_UP(tty->termios.c_cc[VTIME] * HZ, 10);
	size_t want = min_t(size_t, vmin ? vmin : 1, iov_iter_count(to));
	u8 kbuf[N_TTY_CHUNK];
	size_t done = 0, n;
	bool line_done;
	long ret;

	for (;;) {
		n = take_input(tty, kbuf, min_t(size_t, sizeof(kbuf), iov_iter_count(to)),
			       &line_done);
		if (copy_to_iter(kbuf, n, to) != n)
			return done ? (ssize_t)done : -EFAULT;
		done += n;
		if (done >= want || !iov_iter_count(to))
			break;
		if (n)
			continue;
		if (!done && (file->f_flags & O_NONBLOCK))
			return -EAGAIN;
		if (!vmin && !vtime)
			break;
		/* MIN > 0, TIME > 0: the timer runs between bytes, from the first. */
		ret = wait_input(tty, vmin && !done ? 0 : vtime);
		if (ret < 0)
			return done ? (ssize_t)done : ret;
		if (!ret)
			break;
	}
	return done;
}

ssize_t n_tty_read(struct tty_struct *tty, struct file *file, struct iov_iter *to)
{
	int ret = __tty_check_change(tty, SIGTTIN);

	if (ret)
		return ret;
	if (L_FLAG(tty, ICANON))
		return canon_read(tty, file, to);
	return raw_read(tty, file, to);
}

/* ---- writing -------------------------------------------------------------- */

ssize_t n_tty_write(struct tty_struct *tty, struct iov_iter *from)
{
	u8 kbuf[N_TTY_CHUNK];
	unsigned long flags;
	size_t done = 0, n, i;
	int ret;

	if (L_FLAG(tty, TOSTOP)) {
		ret = tty_check_change(tty);
		if (ret)
			return ret;
	}
	while (iov_iter_count(from)) {
		n = copy_from_iter(kbuf, min_t(size_t, sizeof(kbuf), iov_iter_count(from)), from);
		if (!n)
			return done ? (ssize_t)done : -EFAULT;
		spin_lock_irqsave(&tty->lock, flags);
		for (i = 0; i < n; i++)
			output_char(tty, kbuf[i]);
		spin_unlock_irqrestore(&tty->lock, flags);
		done += n;
	}
	return done;
}
